"""Route, Decision and the per-chat ConversationState."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from enum import StrEnum


class Route(StrEnum):
    CRISIS = "crisis"
    REFUSE = "refuse"
    COUNSEL = "counsel"
    HUMOR = "humor"


@dataclass(frozen=True)
class Decision:
    """The router's verdict on one message."""

    route: Route
    risk: float  # 0..1, self-harm / danger risk
    reasons: tuple[str, ...]
    lang: str  # "zh" | "en"
    distress: bool  # sadness, anxiety or hopelessness present: no humor

    def to_dict(self) -> dict[str, object]:
        return {
            "route": str(self.route),
            "risk": round(self.risk, 4),
            "reasons": list(self.reasons),
            "lang": self.lang,
            "distress": self.distress,
        }


@dataclass
class ConversationState:
    """Per-chat routing memory, persisted as JSON by the store.

    `risk` accumulates soft signals (slow hopelessness) with decay; after a crisis
    `crisis_turns_left` keeps the threshold low for a few turns; humor stays off for
    `humor_off_turns_left` turns after any crisis, refusal or distress.
    """

    risk: float = 0.0
    crisis_turns_left: int = 0
    humor_off_turns_left: int = 0
    turns: int = 0
    crises: int = 0
    last_at: float = 0.0  # wall-clock seconds of the last routed turn (0: none yet)

    def settle(self, now: float, quiet_s: float) -> bool:
        """After `quiet_s` seconds without a message the crisis window closes and the risk
        built up before the pause is let go (the count of crises stays): someone who was in
        crisis yesterday and writes about their sleep today gets an answer to it, not the
        crisis reply again and another escalation. Returns whether it settled."""
        if self.last_at <= 0 or now - self.last_at < quiet_s:
            return False
        self.risk = 0.0
        self.crisis_turns_left = 0
        return True

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, object] | None) -> ConversationState:
        """Rebuild from `to_dict()` output; unknown keys and bad values are ignored."""
        state = cls()
        if not isinstance(d, dict):
            return state
        for f in fields(cls):
            if f.name not in d:
                continue
            value = d[f.name]
            try:
                cast = float(value) if f.type in ("float", float) else int(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                continue
            if cast != cast or cast < 0:  # NaN or negative: keep the default
                continue
            setattr(state, f.name, min(cast, 10.0) if f.name == "risk" else cast)
        return state
