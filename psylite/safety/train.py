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
import os
import zlib
from array import array
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields, replace
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
from psylite.safety.combine import Combiner
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
    folds: int = field(
        default=6,
        metadata={
            "help": "groups of writers held out in turn to fit the combiner on (0: no combiner)"
        },
    )
    jobs: int = field(
        default=min(2, os.cpu_count() or 1),
        metadata={"help": "held-out fits run side by side (each needs ~1.5 GB)"},
    )


REWRITE = "rw:"


def writer(row: dict[str, str]) -> str:
    """Who wrote the message a row carries; a rewrite counts as its original's writer."""
    return row.get("source", "?").removeprefix(REWRITE)


def group(row: dict[str, str], folds: int) -> int | None:
    """The row's group of writers (CRC-32 of the writer mod `folds`); None for rows without a
    writer (the hand-written core set), which are always trained on."""
    return zlib.crc32(writer(row).encode()) % folds if "source" in row else None


def read_rows(path: Path) -> list[dict[str, str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("label") not in LABELS:
            raise ValueError(f"{path}:{n}: label must be one of {LABELS}")
        rows.append(row)
    return rows


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


@dataclass
class Fold:
    """One group of writers held out: the combiner's features of its messages that no rule
    decided, whether each was a crisis, and (for cross-validation) the model and the rows."""

    k: int
    features: list[list[float]]
    crisis: list[bool]
    held: list[dict[str, str]]
    model: CharNgramModel | None = None


def _fold(job: tuple[list[dict[str, str]], int, TrainArgs, bool]) -> Fold:
    from psylite.safety.router import Router

    rows, k, args, keep_model = job
    trained = [r for r in rows if group(r, args.folds) != k]
    # rewrites of a held-out writer's messages are held out with them, never scored
    held = [
        r for r in rows if group(r, args.folds) == k and not r.get("source", "").startswith(REWRITE)
    ]
    model = fit([normalize(r["text"]) for r in trained], [r["label"] for r in trained], args)
    router = Router(model)
    features, crisis = [], []
    for r in held:
        x = router.crisis_features(r["text"])
        if x is not None:
            features.append(x)
            crisis.append(r["label"] == "crisis")
    return Fold(k, features, crisis, held, model if keep_model else None)


def heldout(rows: list[dict[str, str]], args: TrainArgs, keep_models: bool = False) -> list[Fold]:
    """Each group of writers held out in turn (`args.folds` fits, `args.jobs` at a time)."""
    jobs = [(rows, k, args, keep_models) for k in range(args.folds)]
    if args.jobs <= 1:
        return [_fold(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=min(args.jobs, args.folds)) as pool:
        return list(pool.map(_fold, jobs))


def fit_combiner(folds: list[Fold]) -> Combiner | None:
    x = [f for fold in folds for f in fold.features]
    y = [c for fold in folds for c in fold.crisis]
    if len(set(y)) < 2:
        return None
    return Combiner.fit(x, y)


def main(args: TrainArgs) -> CharNgramModel:
    rows = [row for path in args.data for row in read_rows(path)]
    texts = [normalize(str(r["text"])) for r in rows]
    labels = [r["label"] for r in rows]
    model = fit(texts, labels, args)
    if args.folds > 1 and any("source" in r for r in rows):
        combiner = fit_combiner(heldout(rows, args))
        model = replace(model, combiner=combiner)
        log.info("combiner: %s", combiner)
    else:
        log.warning(
            "no combiner: the crisis probability alone will decide (needs --folds ≥ 2 "
            "and rows with a source)"
        )
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
