"""Leave-one-writer-out cross-validation of the whole router (rules + classifier).

The natural training data comes in sets, each written independently by a different
writer (`source` field). Holding out one set at a time, retraining the classifier on
everything else and routing the held-out set through the full router is the closest
estimate we have of the router on text it has never seen — the thing the targets are
about. Use it to compare changes (features, regularization, thresholds, rules) before
choosing one, instead of tuning on a blind set.

Usage:
    python -m psylite.safety.crossval                 # every source, pooled figures
    python -m psylite.safety.crossval --c 8 --sources natural-k natural-l
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections import defaultdict
from pathlib import Path

from psylite.evaluation.routing import Case, RoutingReport, evaluate
from psylite.safety.normalize import normalize
from psylite.safety.router import Router
from psylite.safety.train import DATA_PATH, NATURAL_PATH, TrainArgs, fit

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


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run(args: TrainArgs, sources: list[str] | None = None, verbose: bool = False) -> RoutingReport:
    """Route each held-out set with a model trained without it; print per set and pooled."""
    base = _rows(DATA_PATH)
    natural = _rows(NATURAL_PATH)
    by_source: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in natural:
        by_source[row.get("source", "?")].append(row)
    pooled = RoutingReport()
    for source in sources or sorted(by_source):
        train = base + [r for r in natural if r.get("source", "?") != source]
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
    defaults = TrainArgs()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=defaults.c)
    parser.add_argument("--max-features", type=int, default=defaults.max_features)
    parser.add_argument("--min-df", type=int, default=defaults.min_df)
    parser.add_argument("--sources", nargs="*", help="only these held-out sources")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    ns = parser.parse_args(argv)
    args = TrainArgs(c=ns.c, max_features=ns.max_features, min_df=ns.min_df)
    run(args, ns.sources, ns.verbose)


if __name__ == "__main__":
    main()
