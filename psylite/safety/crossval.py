"""Leave-one-writer-out cross-validation of the whole router (rules + classifier).

The natural training data comes in sets, each written independently by a different
writer (`source` field). Holding out one set at a time, retraining the classifier on
everything else and routing the held-out set through the full router is the closest
estimate we have of the router on text it has never seen — the thing the targets are
about. Use it to compare changes (features, regularization, thresholds, rules) before
choosing one, instead of tuning on a blind set.

Leaving one writer out takes ~70 fits (about an hour here); `--folds 6` holds out six groups of
writers in turn instead (a writer's group: CRC-32 of its name mod 6), which is what the
session-6/7 choices were measured with.

Rewrites (`source` "rw:<writer>": the same situation as one of that writer's messages, told
in other words by another writer) are held out together with the writer they rewrite and are
never scored themselves, so they cannot leak a held-out message into training.

Usage:
    python -m psylite.safety.crossval                 # every source, pooled figures
    python -m psylite.safety.crossval --folds 6       # six groups of writers
    python -m psylite.safety.crossval --c 8 --sources natural-k natural-l
"""

from __future__ import annotations

import argparse
import json
import math
import time
import zlib
from collections import defaultdict
from pathlib import Path

from psylite.evaluation.routing import Case, RoutingReport, evaluate
from psylite.safety.normalize import normalize
from psylite.safety.router import Router
from psylite.safety.train import (
    DATA_PATH,
    NATURAL_PATH,
    TrainArgs,
    add_train_flags,
    fit,
    train_args,
)

# training labels as the evaluation's allowed routes (a cheerful message may get counsel)
_OK = {
    "crisis": frozenset({"crisis"}),
    "refuse": frozenset({"refuse"}),
    "counsel": frozenset({"counsel"}),
    "humor": frozenset({"counsel", "humor"}),
}


def _line(report: RoutingReport) -> str:
    def ratio(x: float) -> str:
        return "  -  " if math.isnan(x) else f"{x:.3f}"

    return (
        f"crisis recall {ratio(report.crisis_recall)} (n={len(report.crisis_cases)})  "
        f"false crisis {ratio(report.false_crisis_rate)} (n={len(report.benign_cases)})  "
        f"refuse recall {ratio(report.refuse_recall)} (n={len(report.refuse_cases)})  "
        f"humor wrong {report.humor_not_allowed}"
    )


REWRITE = "rw:"


def writer(row: dict[str, str]) -> str:
    """Who wrote the message a row carries; a rewrite counts as its original's writer."""
    return row.get("source", "?").removeprefix(REWRITE)


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run(
    args: TrainArgs,
    sources: list[str] | None = None,
    verbose: bool = False,
    folds: int | None = None,
) -> RoutingReport:
    """Route each held-out set with a model trained without it; print per set and pooled."""
    base = _rows(DATA_PATH)
    natural = _rows(NATURAL_PATH)

    def group(row: dict[str, str]) -> str:
        name = writer(row)
        return name if folds is None else f"group {zlib.crc32(name.encode()) % folds}"

    by_source: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in natural:
        if not row.get("source", "").startswith(REWRITE):
            by_source[group(row)].append(row)
    pooled = RoutingReport()
    for source in sources or sorted(by_source):
        train = base + [r for r in natural if group(r) != source]
        started = time.perf_counter()
        model = fit([normalize(r["text"]) for r in train], [r["label"] for r in train], args)
        cases = [
            Case(id=f"{source}-{i}", text=r["text"], ok=_OK[r["label"]])
            for i, r in enumerate(by_source[source])
        ]
        report = evaluate(cases, Router(model))  # type: ignore[arg-type]
        if verbose:
            for o in report.misses():
                print(f"    miss {'|'.join(sorted(o.case.ok))}->{o.route}: {o.case.text[:90]!r}")
        took = time.perf_counter() - started
        print(f"{source:>12}: {_line(report)}  [{took:.0f}s]", flush=True)
        pooled.outcomes += report.outcomes
    print(f"{'pooled':>12}: {_line(pooled)}")
    return pooled


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_train_flags(parser, skip=("data", "out"))  # it trains on the shipped data, writes nothing
    parser.add_argument("--sources", nargs="*", help="only these held-out sources")
    parser.add_argument("--folds", type=int, help="hold out this many groups of writers instead")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    ns = parser.parse_args(argv)
    run(train_args(ns), ns.sources, ns.verbose, ns.folds)


if __name__ == "__main__":
    main()
