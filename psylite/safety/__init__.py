"""The safety router: every message → crisis | refuse | counsel | humor, fast and LLM-independent."""

from psylite.safety.guard import GuardResult, guard_output
from psylite.safety.replies import crisis_reply, refusal_reply, resources_text
from psylite.safety.router import Router
from psylite.safety.second_opinion import llm_second_opinion
from psylite.safety.types import ConversationState, Decision, Route

__all__ = [
    "ConversationState",
    "Decision",
    "GuardResult",
    "Route",
    "Router",
    "crisis_reply",
    "guard_output",
    "llm_second_opinion",
    "refusal_reply",
    "resources_text",
]
