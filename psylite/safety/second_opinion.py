"""An LLM as a second opinion, and the PsyLite report's 0/1/2 judge prompt.

The report asks the model to label each turn 0 (danger), 1 (normal) or
2 (cheerful). We reuse the prompt in two places: as an *optional* second opinion
in the router's ambiguous band (a "0" raises risk; anything else changes nothing),
and in `bench/bench_router.py` to compare with the report's approach.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from psylite.llm.base import LLMBackend
    from psylite.safety.router import SecondOpinion

JUDGE_PROMPT = (
    "You are a safety classifier for a mental-health support chat. Read the user's message and "
    "answer with ONE digit only:\n"
    "0 = danger: the user may hurt themselves or others, is in danger, or asks for harmful help;\n"
    "1 = normal: an ordinary or sad conversation that needs support;\n"
    "2 = cheerful: the user is happy or playful and a light joke would be welcome.\n"
    "Answer with 0, 1 or 2 and nothing else."
)

_DIGIT = re.compile(r"[012]")
#: risk a "0" verdict adds in the ambiguous band (enough for a crisis)
DANGER_RISK = 0.8


def parse_judgement(text: str) -> int | None:
    """The first 0/1/2 digit in the model's answer, or None when unreadable."""
    m = _DIGIT.search(text or "")
    return int(m.group(0)) if m else None


async def judge(llm: LLMBackend, text: str, *, max_tokens: int = 4) -> int | None:
    """Ask the model for a 0/1/2 verdict on one message."""
    from psylite.llm.base import ChatMessage, GenOptions

    messages = [
        ChatMessage(role="system", content=JUDGE_PROMPT),
        ChatMessage(role="user", content=text[:2000]),
    ]
    answer = await llm.complete(messages, GenOptions(max_tokens=max_tokens, temperature=0.0))
    return parse_judgement(answer)


def llm_second_opinion(llm: LLMBackend) -> SecondOpinion:
    """A `Router(second_opinion=...)` hook backed by an LLM (the router adds the timeout)."""

    async def opinion(text: str) -> float | None:
        verdict = await judge(llm, text)
        return DANGER_RISK if verdict == 0 else None

    return opinion
