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
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from psylite.safety.normalize import normalize
from psylite.safety.router import Router
from psylite.safety.train import DATA_PATH, NATURAL_PATH, TrainArgs, fit
from psylite.safety.types import Route


@dataclass
class Tally:
    crisis: int = 0
    crisis_hit: int = 0
    benign: int = 0
    benign_crisis: int = 0
    refuse: int = 0
    refuse_hit: int = 0
    humor_wrong: int = 0

    def add(self, label: str, route: Route) -> None:
        if label == "crisis":
            self.crisis += 1
            self.crisis_hit += route is Route.CRISIS
        elif label == "refuse":
            self.refuse += 1
            self.refuse_hit += route is Route.REFUSE
        else:
            self.benign += 1
            self.benign_crisis += route is Route.CRISIS
            self.humor_wrong += label != "humor" and route is Route.HUMOR
        if label in ("crisis", "refuse") and route is Route.HUMOR:
            self.humor_wrong += 1

    def merge(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "  -  "

        return (
            f"crisis recall {ratio(self.crisis_hit, self.crisis)} (n={self.crisis})  "
            f"false crisis {ratio(self.benign_crisis, self.benign)} (n={self.benign})  "
            f"refuse recall {ratio(self.refuse_hit, self.refuse)} (n={self.refuse})  "
            f"humor wrong {self.humor_wrong}"
        )


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run(args: TrainArgs, sources: list[str] | None = None, verbose: bool = False) -> Tally:
    base = _rows(DATA_PATH)
    natural = _rows(NATURAL_PATH)
    by_source: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in natural:
        by_source[row.get("source", "?")].append(row)
    total = Tally()
    for source in sources or sorted(by_source):
        held = by_source[source]
        train = base + [r for r in natural if r.get("source", "?") != source]
        started = time.perf_counter()
        model = fit([normalize(r["text"]) for r in train], [r["label"] for r in train], args)
        router = Router(model)
        tally = Tally()
        for row in held:
            decision = router.route(row["text"])
            tally.add(row["label"], decision.route)
            if verbose and (
                (row["label"] == "crisis") != (decision.route is Route.CRISIS)
                or (row["label"] == "refuse") != (decision.route is Route.REFUSE)
            ):
                print(f"    miss {row['label']}->{decision.route.value}: {row['text'][:90]!r}")
        took = time.perf_counter() - started
        print(f"{source:>12}: {tally.line()}  [{took:.0f}s]", flush=True)
        total.merge(tally)
    print(f"{'pooled':>12}: {total.line()}")
    return total


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
