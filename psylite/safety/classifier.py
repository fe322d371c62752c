"""The small trained classifier: character n-grams → (crisis, refuse, counsel, humor).

Training (`python -m psylite.safety.train`) fits a scikit-learn TF-IDF + logistic
regression on `data/train.jsonl`; the model file keeps only plain arrays
(vocabulary, idf, coefficients), so loading needs neither scikit-learn nor a
matching pickle version, and scoring one message is a dictionary walk and a small
dot product (tens of microseconds).
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL_VERSION = 1
MODEL_PATH = Path(__file__).parent / "model" / f"router-v{MODEL_VERSION}.joblib"
LABELS = ("crisis", "refuse", "counsel", "humor")
NGRAM_RANGE = (1, 4)
# The classifier reads a prefix: long texts are handled by the rules on head + tail.
MAX_CLASSIFIER_CHARS = 600


def char_ngrams(text: str) -> list[str]:
    """Character 1..4-grams of the normalized text padded with spaces (word edges count)."""
    text = " " + text[:MAX_CLASSIFIER_CHARS] + " "
    lo, hi = NGRAM_RANGE
    n = len(text)
    out: list[str] = []
    for size in range(lo, hi + 1):
        for i in range(n - size + 1):
            gram = text[i : i + size]
            if size > 1 and gram.strip() == "":
                continue
            out.append(gram)
    return out


@dataclass(frozen=True)
class CharNgramModel:
    """Linear model over sublinear TF-IDF character n-grams."""

    vocabulary: dict[str, int]
    idf: np.ndarray  # (n_features,)
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray  # (n_classes,)
    labels: tuple[str, ...]
    version: int = MODEL_VERSION

    def predict_proba(self, norm_text: str) -> dict[str, float]:
        """Class probabilities for already-normalized text."""
        counts = Counter(
            j for g in char_ngrams(norm_text) if (j := self.vocabulary.get(g)) is not None
        )
        if not counts:
            logits = self.intercept
        else:
            idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(
                (1.0 + math.log(c) for c in counts.values()), dtype=np.float64, count=len(counts)
            )
            vals = tf * self.idf[idx]
            norm = float(np.sqrt(vals @ vals)) or 1.0
            logits = self.coef[:, idx] @ (vals / norm) + self.intercept
        z = np.exp(logits - logits.max())
        p = z / z.sum()
        return {label: float(p[i]) for i, label in enumerate(self.labels)}

    def to_payload(self) -> dict[str, object]:
        return {
            "format": "psylite-char-ngram-logreg",
            "version": self.version,
            "ngram_range": list(NGRAM_RANGE),
            "labels": list(self.labels),
            "vocabulary": self.vocabulary,
            "idf": self.idf.astype(np.float32),
            "coef": self.coef.astype(np.float32),
            "intercept": self.intercept.astype(np.float32),
        }

    @classmethod
    def from_payload(cls, payload: dict[str, object]) -> CharNgramModel:
        if payload.get("format") != "psylite-char-ngram-logreg":
            raise ValueError("not a PsyLite router model")
        if tuple(payload["ngram_range"]) != NGRAM_RANGE:  # type: ignore[arg-type]
            raise ValueError("model was trained with another n-gram range; retrain it")
        return cls(
            vocabulary=dict(payload["vocabulary"]),  # type: ignore[arg-type]
            idf=np.asarray(payload["idf"], dtype=np.float64),
            coef=np.asarray(payload["coef"], dtype=np.float64),
            intercept=np.asarray(payload["intercept"], dtype=np.float64),
            labels=tuple(payload["labels"]),  # type: ignore[arg-type]
            version=int(payload["version"]),  # type: ignore[arg-type]
        )


def save_model(model: CharNgramModel, path: Path) -> None:
    import joblib

    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model.to_payload(), path, compress=("xz", 6))


def load_model(path: Path | str) -> CharNgramModel:
    """Load a model file; raises on a missing or malformed file."""
    import joblib

    return CharNgramModel.from_payload(joblib.load(path))


@lru_cache(maxsize=4)
def load_default(path: str = str(MODEL_PATH)) -> CharNgramModel | None:
    """The shipped model, cached; None (with a warning) when it is missing or broken."""
    try:
        return load_model(path)
    except FileNotFoundError:
        log.warning(
            "router model %s is missing: routing with rules only "
            "(rebuild it with `python -m psylite.safety.train`)",
            path,
        )
    except Exception as err:
        log.warning("router model %s could not be loaded (%s): routing with rules only", path, err)
    return None
