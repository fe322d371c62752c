"""Rebuild the router classifier from labeled data.

Usage:
    python -m psylite.safety.train                      # data/*.jsonl → model/router-v3.json.gz
    python -m psylite.safety.train --data my.jsonl --out /tmp/router.json.gz

Each data line: {"text": ..., "label": "crisis|refuse|counsel|humor"}. Texts go through
the router's own `normalize` first, so the model sees what it will see at runtime.
Training is deterministic (fixed solver, no shuffling), so the same data gives the
same model.
"""

from __future__ import annotations

import argparse
import json
import logging
from array import array
from dataclasses import dataclass, field, fields
from pathlib import Path

from psylite.safety.classifier import (
    LABELS,
    MODEL_PATH,
    NN_MAX_DF,
    CharNgramModel,
    char_ngrams,
    save_model,
    words,
)
from psylite.safety.normalize import normalize

log = logging.getLogger(__name__)

DATA_PATH = Path(__file__).parent / "data" / "train.jsonl"
# Messages written in people's own words (fresh sets, each measured once before use here).
NATURAL_PATH = Path(__file__).parent / "data" / "natural.jsonl"


@dataclass
class TrainArgs:
    data: list[Path] = field(
        default_factory=lambda: [DATA_PATH, NATURAL_PATH], metadata={"help": "labeled JSONL files"}
    )
    out: Path = field(default=MODEL_PATH, metadata={"help": "where to write the model file"})
    max_features: int = field(default=60000, metadata={"help": "largest n-gram vocabulary kept"})
    min_df: int = field(default=2, metadata={"help": "drop n-grams seen in fewer examples"})
    c: float = field(default=16.0, metadata={"help": "inverse regularization strength"})
    word_min_df: int = field(default=2, metadata={"help": "drop words seen in fewer examples"})
    crisis_c: float = field(default=4.0, metadata={"help": "regularization of the NB-LR reading"})


def load_examples(path: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") not in LABELS:
            raise ValueError(f"{path}:{n}: label must be one of {LABELS}")
        texts.append(normalize(str(row["text"])))
        labels.append(row["label"])
    return texts, labels


def fit(texts: list[str], labels: list[str], args: TrainArgs) -> CharNgramModel:
    """Fit TF-IDF (characters and words) + logistic regression, and the binary NB-LR crisis
    reading over the same features; keep only plain arrays."""
    import numpy as np
    from scipy.sparse import diags, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    chars = TfidfVectorizer(
        analyzer=char_ngrams,
        sublinear_tf=True,
        min_df=args.min_df,
        max_features=args.max_features,
        dtype=np.float64,
    )
    # Words generalize across phrasings the character n-grams have not seen.
    word_vec = TfidfVectorizer(
        analyzer=words, sublinear_tf=True, min_df=args.word_min_df, dtype=np.float64
    )
    word_x = word_vec.fit_transform(texts).tocsr()
    x = hstack([chars.fit_transform(texts), word_x]).tocsr()
    clf = LogisticRegression(C=args.c, max_iter=5000, class_weight="balanced")
    clf.fit(x, labels)
    order = [list(clf.classes_).index(label) for label in LABELS]
    n_chars = len(chars.vocabulary_)
    # NB-LR: each feature scaled by log(P(feature | crisis) / P(feature | not crisis)),
    # from presence counts with add-one smoothing; the scaling is folded into the weights.
    is_crisis = np.array([label == "crisis" for label in labels])
    present = (x > 0).astype(np.float64)
    pos = np.asarray(present[is_crisis].sum(axis=0)).ravel() + 1.0
    neg = np.asarray(present[~is_crisis].sum(axis=0)).ravel() + 1.0
    ratio = np.log((pos / pos.sum()) / (neg / neg.sum()))
    nb = LogisticRegression(C=args.crisis_c, max_iter=5000, class_weight="balanced")
    nb.fit(x @ diags(ratio), is_crisis.astype(int))
    crisis_w = nb.coef_[0] * ratio
    # Neighbour postings: each rare word → the training messages containing it, with its
    # TF-IDF weight there (the word block is L2-normalized per message, so a dot product
    # over shared words is their cosine restricted to rare words).
    rare = np.asarray((word_x > 0).sum(axis=0)).ravel() <= NN_MAX_DF
    postings = (word_x @ diags(rare.astype(np.float64))).T.tocsr()
    postings.eliminate_zeros()
    # Rounded as the model file stores them, so a fresh fit scores exactly like its file.
    return CharNgramModel.from_payload(
        CharNgramModel(
            vocabulary={str(k): int(v) for k, v in chars.vocabulary_.items()},
            idf=array("d", chars.idf_),
            coef=tuple(array("d", clf.coef_[i][:n_chars]) for i in order),
            intercept=tuple(float(clf.intercept_[i]) for i in order),
            labels=LABELS,
            word_vocabulary={str(k): int(v) for k, v in word_vec.vocabulary_.items()},
            word_idf=array("d", word_vec.idf_),
            word_coef=tuple(array("d", clf.coef_[i][n_chars:]) for i in order),
            crisis_coef=array("d", crisis_w[:n_chars]),
            crisis_word_coef=array("d", crisis_w[n_chars:]),
            crisis_intercept=float(nb.intercept_[0]),
            nn_indptr=postings.indptr.astype(np.int32),
            nn_docs=postings.indices.astype(np.int32),
            nn_weights=postings.data.astype(np.float32),
            nn_crisis=is_crisis.astype(np.float32),
        ).to_payload()
    )


def main(args: TrainArgs) -> CharNgramModel:
    texts, labels = [], []
    for path in args.data:
        t, y = load_examples(path)
        texts += t
        labels += y
    model = fit(texts, labels, args)
    save_model(model, args.out)
    correct = sum(
        max(p := model.predict_proba(t), key=p.__getitem__) == y
        for t, y in zip(texts, labels, strict=True)
    )
    size = args.out.stat().st_size
    print(
        f"trained on {len(texts)} examples, {len(model.vocabulary)} n-grams; "
        f"train accuracy {correct / len(texts):.3f}; wrote {args.out} ({size / 1024:.0f} KiB)"
    )
    return model


def add_train_flags(parser: argparse.ArgumentParser, skip: tuple[str, ...] = ()) -> None:
    """One flag per `TrainArgs` field (``--max-features``, ``--crisis-c``, ...) with the
    field's help and default, so a command line can set everything training reads."""
    defaults = TrainArgs()
    for f in fields(TrainArgs):
        if f.name in skip:
            continue
        default = getattr(defaults, f.name)
        flag = "--" + f.name.replace("_", "-")
        shown = " ".join(map(str, default)) if isinstance(default, list) else default
        help_text = f"{f.metadata['help']} (default: {shown})"
        if isinstance(default, list):
            parser.add_argument(flag, type=Path, nargs="+", default=default, help=help_text)
        else:
            parser.add_argument(flag, type=type(default), default=default, help=help_text)


def train_args(ns: argparse.Namespace) -> TrainArgs:
    """The `TrainArgs` the flags from `add_train_flags` describe (skipped ones keep defaults)."""
    return TrainArgs(**{f.name: getattr(ns, f.name) for f in fields(TrainArgs) if f.name in ns})


def parse_args(argv: list[str] | None = None) -> TrainArgs:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_train_flags(parser)
    return train_args(parser.parse_args(argv))


if __name__ == "__main__":
    main(parse_args())
