"""The small trained classifier: character n-grams → (crisis, refuse, counsel, humor).

Training (`python -m psylite.safety.train`) fits a scikit-learn TF-IDF + logistic
regression over the four classes, plus a second, binary reading of "crisis or not" over the
same features scaled by their naive-Bayes log-count ratios (NB-LR, Wang & Manning 2012); the
crisis probability is the mean of the two readings (grouped cross-validation over writers:
see `psylite.safety`). A third reading asks the training messages themselves
(`neighbour_vote`): the NN_K most similar over the message's rare words (in at most
NN_MAX_DF training messages) vote on crisis. The linear readings average over every message
with a feature; the vote follows the few situations closest to this one. The router's
combiner (`psylite.safety.combine`, kept in the same file) weighs them together with the
rules' signs. The model file is gzipped JSON of plain arrays
(vocabulary, idf, coefficients, neighbour postings), so loading needs neither scikit-learn
nor a matching pickle version — the bot process stays small — and scoring one message is a
dictionary walk and a small dot product in pure Python (tens of microseconds); the vote is a
few numpy gathers over the postings of its rare words.
"""

from __future__ import annotations

import gzip
import itertools
import json
import logging
import math
import os
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from psylite.safety.combine import Combiner

log = logging.getLogger(__name__)

MODEL_VERSION = 3
MODEL_PATH = Path(__file__).parent / "model" / f"router-v{MODEL_VERSION}.json.gz"
LABELS = ("crisis", "refuse", "counsel", "humor")
NGRAM_RANGE = (1, 4)
# The classifier reads a prefix: long texts are handled by the rules on head + tail.
MAX_CLASSIFIER_CHARS = 600
# The neighbour reading: words in at most NN_MAX_DF training messages index them (rare words
# carry the situation; common ones only cost time), and the NN_K nearest vote.
NN_MAX_DF = 300
NN_K = 5


# Every digit reads as 0: amounts keep their shape (「00片」, "00 pills") while ids, dates
# and times stop being evidence ("note 28-2" leaned towards crisis once).
_DIGITS = str.maketrans("123456789", "000000000")


@lru_cache(maxsize=64)
def words(text: str) -> tuple[str, ...]:
    """Word unigrams and bigrams of the normalized text (jieba for Chinese, which also
    splits English on spaces); the prefix the classifier reads. Cached: the class reading
    and the neighbour vote of one message both need them."""
    from retrieval.analyzer import init_jieba

    head = text[:MAX_CLASSIFIER_CHARS].translate(_DIGITS)
    pieces = [p for p in (w.strip() for w in init_jieba().cut(head)) if p]
    pieces = [p for p in pieces if any(ch.isalnum() for ch in p)]
    return (*pieces, *(f"{a} {b}" for a, b in itertools.pairwise(pieces)))


def char_ngrams(text: str) -> list[str]:
    """Character 1..4-grams of the normalized text padded with spaces (word edges count)."""
    text = " " + text[:MAX_CLASSIFIER_CHARS].translate(_DIGITS) + " "
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


def _block(vocabulary: dict[str, int], idf: array, terms: Iterable[str]) -> dict[int, float]:
    """Sublinear TF-IDF of `terms` over one vocabulary, L2-normalized (like scikit-learn)."""
    counts = Counter(j for g in terms if (j := vocabulary.get(g)) is not None)
    vals = {j: (1.0 + math.log(c)) * idf[j] for j, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vals.values())) or 1.0
    return {j: v / norm for j, v in vals.items()}


@dataclass(frozen=True)
class CharNgramModel:
    """Linear model over two TF-IDF blocks: character n-grams and words (+ word bigrams)."""

    vocabulary: dict[str, int]
    idf: array  # (n_char_features,) doubles
    coef: tuple[array, ...]  # one row of n_char_features doubles per class
    intercept: tuple[float, ...]  # (n_classes,)
    labels: tuple[str, ...]
    word_vocabulary: dict[str, int] = field(default_factory=dict)
    word_idf: array = field(default_factory=lambda: array("d"))
    word_coef: tuple[array, ...] = ()
    # the binary NB-LR crisis reading (ratios folded into the coefficients); empty: none
    crisis_coef: array = field(default_factory=lambda: array("d"))
    crisis_word_coef: array = field(default_factory=lambda: array("d"))
    crisis_intercept: float = 0.0
    crisis_blend: float = 0.5  # weight of that reading in the crisis probability
    # The neighbour reading: the training messages that share the rarest words with a message
    # vote on crisis. Postings per word index, CSR-style (numpy arrays; None: no such reading).
    nn_indptr: Any = None  # int32 (n_words + 1,)
    nn_docs: Any = None  # int32, training message numbers
    nn_weights: Any = None  # float32, the word's TF-IDF weight in that message
    nn_crisis: Any = None  # float32 (n_messages,): 1.0 where the message is a crisis
    # how the router weighs this model's readings with the rules' (None: the crisis
    # probability alone; see psylite.safety.combine)
    combiner: Combiner | None = None
    version: int = MODEL_VERSION

    def predict_proba(self, norm_text: str) -> dict[str, float]:
        """Class probabilities for already-normalized text."""
        chars = _block(self.vocabulary, self.idf, char_ngrams(norm_text))
        ws = (
            _block(self.word_vocabulary, self.word_idf, words(norm_text))
            if self.word_vocabulary
            else {}
        )

        def logit(char_row: array, word_row: array, bias: float) -> float:
            # a model without words has no word rows, and `ws` is then empty
            return (
                bias
                + sum(char_row[j] * v for j, v in chars.items())
                + sum(word_row[j] * v for j, v in ws.items())
            )

        word_rows = self.word_coef or (array("d"),) * len(self.coef)
        logits = [
            logit(row, wrow, b)
            for row, wrow, b in zip(self.coef, word_rows, self.intercept, strict=True)
        ]
        top = max(logits)
        z = [math.exp(x - top) for x in logits]
        total = sum(z)
        probs = {label: z[i] / total for i, label in enumerate(self.labels)}
        if self.crisis_coef:
            x = logit(self.crisis_coef, self.crisis_word_coef, self.crisis_intercept)
            binary = 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0
            probs = _with_crisis(
                probs, (1 - self.crisis_blend) * probs["crisis"] + self.crisis_blend * binary
            )
        return probs

    def neighbour_vote(self, norm_text: str) -> float | None:
        """Crisis share among the NN_K training messages most similar to this one over the
        rare words (cosine, each neighbour weighted by its similarity cubed); None when the
        model has no postings or no training message shares one of them."""
        if self.nn_indptr is None:
            return None
        ws = _block(self.word_vocabulary, self.word_idf, words(norm_text))
        ptr, docs, weights = self.nn_indptr, self.nn_docs, self.nn_weights
        spans = [(ptr[j], ptr[j + 1], v) for j, v in ws.items() if ptr[j + 1] > ptr[j]]
        if not spans:
            return None
        ids = np.concatenate([docs[a:b] for a, b, _ in spans])
        contrib = np.concatenate([weights[a:b] * v for a, b, v in spans])
        near, slot = np.unique(ids, return_inverse=True)  # only messages sharing a word
        sims = np.bincount(slot, weights=contrib)
        top = np.argpartition(sims, -NN_K)[-NN_K:] if len(sims) > NN_K else np.arange(len(sims))
        w = sims[top] ** 3
        total = float(w.sum())
        return float((w * self.nn_crisis[near[top]]).sum()) / total if total > 0 else None

    def to_payload(self) -> dict[str, object]:
        def order(vocab: dict[str, int]) -> list[str]:
            return sorted(vocab, key=vocab.__getitem__)

        # Four decimals: each weight is off by at most 5e-5, and a message's features sum to
        # at most ~42 in absolute value over every test set, so a logit moves by < 0.003; the
        # gzipped file is a sixth smaller than with five.
        def four(values: array | list[float]) -> list[float]:
            return [round(x, 4) for x in values]

        def rows(coef: tuple[array, ...]) -> list[list[float]]:
            return [four(row) for row in coef]

        return {
            "format": "psylite-char-ngram-logreg",
            "crisis_coef": four(self.crisis_coef),
            "crisis_word_coef": four(self.crisis_word_coef),
            "crisis_intercept": round(self.crisis_intercept, 7),
            "crisis_blend": self.crisis_blend,
            "version": self.version,
            "ngram_range": list(NGRAM_RANGE),
            "labels": list(self.labels),
            "vocabulary": order(self.vocabulary),  # index order
            "idf": four(self.idf),
            "coef": rows(self.coef),
            "intercept": [round(x, 7) for x in self.intercept],
            "word_vocabulary": order(self.word_vocabulary),
            "word_idf": four(self.word_idf),
            "word_coef": rows(self.word_coef),
            **(
                {
                    # postings as lengths and gaps between message numbers: a fifth smaller
                    "nn_counts": np.diff(self.nn_indptr).tolist(),
                    "nn_gaps": _gaps(self.nn_indptr, self.nn_docs).tolist(),
                    "nn_weights": four(self.nn_weights.tolist()),
                    "nn_crisis": self.nn_crisis.astype(int).tolist(),
                }
                if self.nn_indptr is not None
                else {}
            ),
            **({"combiner": self.combiner.to_payload()} if self.combiner is not None else {}),
        }

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> CharNgramModel:
        if payload.get("format") != "psylite-char-ngram-logreg":
            raise ValueError("not a PsyLite router model")
        if tuple(payload["ngram_range"]) != NGRAM_RANGE:
            raise ValueError("model was trained with another n-gram range; retrain it")
        return cls(
            vocabulary={g: i for i, g in enumerate(payload["vocabulary"])},
            idf=array("d", payload["idf"]),
            coef=tuple(array("d", row) for row in payload["coef"]),
            intercept=tuple(float(x) for x in payload["intercept"]),
            labels=tuple(payload["labels"]),
            word_vocabulary={g: i for i, g in enumerate(payload.get("word_vocabulary", []))},
            word_idf=array("d", payload.get("word_idf", [])),
            word_coef=tuple(array("d", row) for row in payload.get("word_coef", [])),
            crisis_coef=array("d", payload.get("crisis_coef", [])),
            crisis_word_coef=array("d", payload.get("crisis_word_coef", [])),
            crisis_intercept=float(payload.get("crisis_intercept", 0.0)),
            crisis_blend=float(payload.get("crisis_blend", 0.5)),
            **_neighbours(payload),
            combiner=Combiner.from_payload(payload["combiner"]) if "combiner" in payload else None,
            version=int(payload["version"]),
        )


def _gaps(indptr: Any, docs: Any) -> Any:
    """Each posting's message numbers (ascending) as the first one and the gaps after it."""
    gaps = np.diff(docs, prepend=0)
    starts = indptr[:-1][np.diff(indptr) > 0]
    gaps[starts] = docs[starts]
    return gaps


def _ungap(counts: Any, gaps: Any) -> Any:
    total = np.cumsum(gaps)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))[counts > 0]
    before = (total - gaps)[starts]  # the running sum where each posting starts
    return total - np.repeat(before, counts[counts > 0])


def _neighbours(payload: dict[str, Any]) -> dict[str, Any]:
    if "nn_counts" not in payload:
        return {}
    counts = np.asarray(payload["nn_counts"], dtype=np.int64)
    gaps = np.asarray(payload["nn_gaps"], dtype=np.int64)
    return {
        "nn_indptr": np.concatenate(([0], np.cumsum(counts))).astype(np.int32),
        "nn_docs": _ungap(counts, gaps).astype(np.int32),
        "nn_weights": np.asarray(payload["nn_weights"], dtype=np.float32),
        "nn_crisis": np.asarray(payload["nn_crisis"], dtype=np.float32),
    }


def _with_crisis(probs: dict[str, float], crisis: float) -> dict[str, float]:
    """`probs` with the crisis probability replaced; the request reading stays as it was
    (the binary reading weighs crisis against everything else, not against a request),
    counsel and humor are rescaled so that the four still sum to 1."""
    refuse = min(probs["refuse"], 1.0 - crisis)
    rest = probs["counsel"] + probs["humor"]
    scale = (1.0 - crisis - refuse) / rest if rest > 0 else 0.0
    out = {label: p * scale for label, p in probs.items()}
    out["crisis"], out["refuse"] = crisis, refuse
    return out


def save_model(model: CharNgramModel, path: Path) -> None:
    """Write the model as gzipped JSON (byte-for-byte reproducible: no timestamp)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(model.to_payload(), ensure_ascii=False, separators=(",", ":")).encode()
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(data)
    os.replace(tmp, path)


def load_model(path: Path | str) -> CharNgramModel:
    """Load a model file; raises on a missing or malformed file."""
    with gzip.open(path, "rb") as fh:
        return CharNgramModel.from_payload(json.loads(fh.read()))


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
