"""Leave-one-writer-out cross-validation of the whole router (rules + classifier).

The natural training data comes in sets, each written independently by a different
writer (`source` field). Holding out one set at a time, retraining the classifier on
everything else and routing the held-out set through the full router is the closest
estimate we have of the router on text it has never seen — the thing the targets are
about. Use it to compare changes (features, regularization, thresholds, rules) before
choosing one, instead of tuning on a blind set.

Leaving one writer out takes ~70 fits (about an hour here); `--folds 6` holds out six groups of
writers in turn instead (a writer's group: CRC-32 of its name mod 6), which is what the
session-6/7 choices were measured with. With `--folds` the router's combiner
(psylite.safety.combine) is nested: group k is routed with a combiner fitted on the held-out
readings of the other groups only. Leaving one writer out, every fold borrows the shipped
model's combiner.

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
import math
import time
from collections import defaultdict
from dataclasses import replace

from psylite.evaluation.routing import Case, RoutingReport, evaluate
from psylite.safety.classifier import CharNgramModel, load_default
from psylite.safety.normalize import normalize
from psylite.safety.router import Router
from psylite.safety.train import (
    DATA_PATH,
    NATURAL_PATH,
    REWRITE,
    TrainArgs,
    add_train_flags,
    fit,
    fit_combiner,
    heldout,
    read_rows,
    train_args,
    writer,
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


def run(
    args: TrainArgs,
    sources: list[str] | None = None,
    verbose: bool = False,
    folds: int | None = None,
) -> RoutingReport:
    """Route each held-out set with a model trained without it; print per set and pooled."""
    if folds:
        return run_folds(replace(args, folds=folds), verbose)
    base = read_rows(DATA_PATH)
    natural = read_rows(NATURAL_PATH)
    # Leaving one writer out, each fold's model borrows the shipped model's combiner: 15
    # weights fitted on every writer's held-out readings (refitting them per writer would take
    # six more fits each)
    shipped = load_default()
    combiner = shipped.combiner if shipped is not None else None
    by_source: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in natural:
        if not row.get("source", "").startswith(REWRITE):
            by_source[writer(row)].append(row)
    pooled = RoutingReport()
    for source in sources or sorted(by_source):
        train = base + [r for r in natural if writer(r) != source]
        started = time.perf_counter()
        model = fit([normalize(r["text"]) for r in train], [r["label"] for r in train], args)
        report = _route(by_source[source], replace(model, combiner=combiner), source, verbose)
        took = time.perf_counter() - started
        print(f"{source:>12}: {_line(report)}  [{took:.0f}s]", flush=True)
        pooled.outcomes += report.outcomes
    print(f"{'pooled':>12}: {_line(pooled)}")
    return pooled


def run_folds(args: TrainArgs, verbose: bool = False) -> RoutingReport:
    """Hold out each group of writers in turn. The combiner is nested: the one routing group
    k is fitted on the held-out readings of the other groups only."""
    rows = read_rows(DATA_PATH) + read_rows(NATURAL_PATH)
    started = time.perf_counter()
    done = heldout(rows, args, keep_models=True)
    print(f"{args.folds} held-out fits in {time.perf_counter() - started:.0f}s", flush=True)
    pooled = RoutingReport()
    for fold in done:
        assert fold.model is not None
        combiner = fit_combiner([f for f in done if f.k != fold.k])
        name = f"group {fold.k}"
        report = _route(fold.held, replace(fold.model, combiner=combiner), name, verbose)
        print(f"{name:>12}: {_line(report)}", flush=True)
        pooled.outcomes += report.outcomes
    print(f"{'pooled':>12}: {_line(pooled)}")
    return pooled


def _route(
    rows: list[dict[str, str]], model: CharNgramModel, name: str, verbose: bool
) -> RoutingReport:
    cases = [Case(id=f"{name}-{i}", text=r["text"], ok=_OK[r["label"]]) for i, r in enumerate(rows)]
    report = evaluate(cases, Router(model))
    if verbose:
        for o in report.misses():
            print(f"    miss {'|'.join(sorted(o.case.ok))}->{o.route}: {o.case.text[:90]!r}")
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_train_flags(
        parser, skip=("data", "out", "folds")
    )  # it trains on the shipped data, writes nothing
    parser.add_argument("--sources", nargs="*", help="only these held-out sources")
    parser.add_argument("--folds", type=int, help="hold out this many groups of writers instead")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    ns = parser.parse_args(argv)
    run(train_args(ns), ns.sources, ns.verbose, ns.folds)


if __name__ == "__main__":
    main()
