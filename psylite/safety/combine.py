"""The combined crisis reading: one logistic regression over what the router already knows.

Where no rule decided a message (no plan, intent, method, danger or request), the router used
to let the classifier decide with hand-set bars: a crisis probability of 0.55 alone, 0.8 on
short messages, 0.85 against everyday context, 0.95 on what is left after a benign span, 0.4
when the nearest training messages vote crisis. Each bar was tuned on its own. The combiner
replaces them with one reading learned from held-out evidence: the model's crisis and request
probabilities (as logits), the neighbour vote, the rules' soft signs (a topic, hopelessness,
distress, cheer), the rules' benign readings (a masked span, talk about the subject, an
everyday context, a third party), the length and the script.

It is fitted on grouped cross-validation outputs (`heldout_features` in
`psylite.safety.train`): six groups of writers held out in turn, each routed by a model that
never saw it, so the combiner learns how far to trust the model on text it has not seen — not
on its own training data, where the model is always right.

A model file without a combiner (an older file, a small test fit) reads the model's crisis
probability alone against PC_ONLY_BAR.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

#: the features, in the order `Combiner.coef` weighs them
FEATURES = (
    "model_crisis",  # logit of the classifier's crisis probability
    "model_request",  # logit of its refuse probability
    "vote",  # crisis share of the nearest training messages (0 when none share a rare word)
    "no_vote",  # no training message shares a rare word
    "topic",  # the rules saw the subject (suicide, self-harm, …) mentioned
    "hopeless",
    "distress",
    "positive",  # cheerful words
    "masked",  # a span the rules read as benign: hyperbole, negation, recovery, a third party
    "about_subject",  # talk about the subject: an essay, the news, helping someone
    "everyday_context",  # a trip, a move, a game, cooking
    "third_party",  # someone else may be at risk
    "log_length",
    "short",  # fewer than SHORT_CHARS characters
    "chinese",
)
SHORT_CHARS = 20
#: the combined reading's bar: crisis at or above this probability. 0.5 → 0.4 in session 15,
#: when the read writer sets (14,084 lines) joined training: the combiner, fitted on held-out
#: folds that now hold many more hard negatives, read fewer crises at 0.5 (never-read pool
#: 0.971 / 0.051 → 0.967 / 0.032 recall / false crisis; at 0.4 0.977 / 0.035). Chosen on that
#: pool and three fresh sets, then checked on three more that nobody had measured. 0.4 → 0.3 in
#: session 21, chosen on the never-read pool (34,012 lines; metrics only, no line read) before
#: the fresh writers blind233-256 were measured: crisis recall 0.975 → 0.980, false crisis
#: 0.030 → 0.035 (63 more crises caught, 89 more false ones); over session 20's six batches the
#: lowest recall 0.965 → 0.974, the highest false-crisis rate 0.038 → 0.047. A missed crisis
#: costs more than a hotline reply to someone who was only venting.
COMBINED_CRISIS = 0.3
#: a model without a combiner: its crisis probability alone decides, against this bar
PC_ONLY_BAR = 0.55


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1.0 - 1e-4)
    return math.log(p / (1.0 - p))


@dataclass(frozen=True)
class Combiner:
    coef: tuple[float, ...]
    intercept: float

    def __post_init__(self) -> None:
        if len(self.coef) != len(FEATURES):
            raise ValueError(f"a combiner weighs {len(FEATURES)} features, not {len(self.coef)}")

    def weight(self, name: str) -> float:
        return self.coef[FEATURES.index(name)]

    def score(self, x: Sequence[float]) -> float:
        """The logit of the combined crisis probability."""
        return self.intercept + sum(w * v for w, v in zip(self.coef, x, strict=True))

    def to_payload(self) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "coef": [round(w, 6) for w in self.coef],
            "intercept": round(self.intercept, 6),
        }

    @classmethod
    def from_payload(cls, payload: dict[str, object]) -> Combiner:
        if payload.get("features") != list(FEATURES):
            raise ValueError("the model's combiner weighs other features; retrain it")
        coef = payload["coef"]
        assert isinstance(coef, list)
        return cls(tuple(float(w) for w in coef), float(payload["intercept"]))  # type: ignore[arg-type]

    @classmethod
    def fit(cls, x: Sequence[Sequence[float]], crisis: Sequence[bool], c: float = 1.0) -> Combiner:
        """Logistic regression of crisis on the features (deterministic: lbfgs, no shuffle)."""
        from sklearn.linear_model import LogisticRegression

        lr = LogisticRegression(C=c, max_iter=5000).fit(x, list(crisis))
        return cls(tuple(float(w) for w in lr.coef_[0]), float(lr.intercept_[0]))


PC_ONLY = Combiner(
    coef=tuple(1.0 if name == "model_crisis" else 0.0 for name in FEATURES),
    # score >= logit(COMBINED_CRISIS) exactly when the crisis probability reaches PC_ONLY_BAR
    intercept=logit(COMBINED_CRISIS) - logit(PC_ONLY_BAR),
)
