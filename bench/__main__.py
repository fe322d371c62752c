"""`python -m bench [--full] [NAME ...]`: run every bench/bench_*.py (or the named ones) in turn,
then print one summary table (bench/summary.py) and write bench/results/summary.json.

Each benchmark is its own process so one's memory or threads don't colour another's.
By default each runs with the quick arguments below so that `make bench` finishes in a few
minutes on a small machine; `--full` runs each with its own (larger) defaults. A benchmark
that runs past its time limit is stopped and reported as failed.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Quick arguments: same measurements, smaller samples. Names absent here run as they are.
QUICK: dict[str, list[str]] = {
    "router": ["--limit", "0", "--repeats", "3"],  # router only; --full adds the LLM judge
    "store": ["--messages", "60", "--rounds", "3"],
    "humor": ["--queries", "1000"],  # still the 10,000-snippet index of the p99 target
    "bot": ["--chats", "20", "--messages", "5"],
    # 20 users: few enough that no store call times out (see bench_load), so msgs/s is full work
    "load": ["--users", "20", "--messages", "5", "--rounds", "2"],
    "llm": ["--rounds", "4", "--max-tokens", "32"],
    "eval": ["--limit", "1", "--max-tokens", "32", "--judge-max-tokens", "48"],
}
TIME_LIMIT_S = {"eval": 240.0, "llm": 240.0}
DEFAULT_LIMIT_S = 180.0


def run_one(name: str, full: bool) -> int:
    module = f"bench.bench_{name}"
    args = [] if full else QUICK.get(name, [])
    limit = None if full else TIME_LIMIT_S.get(name, DEFAULT_LIMIT_S)
    print(f"\n===== {module} {' '.join(args)} =====", flush=True)
    started = time.perf_counter()
    # Own process group, so a benchmark past its limit is stopped with its children.
    proc = subprocess.Popen(
        [sys.executable, "-m", module, *args], cwd=HERE.parent, start_new_session=True
    )
    try:
        rc = proc.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        print(f"----- {module}: stopped after the {limit:.0f} s limit", flush=True)
        return 124
    print(f"----- {module}: exit {rc} in {time.perf_counter() - started:.1f} s", flush=True)
    return rc


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="each benchmark's own defaults")
    parser.add_argument("names", nargs="*", help="e.g. router load (default: all)")
    args = parser.parse_args(argv)
    names = args.names or sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    since = time.time() - 1  # results older than this run are not summarised as fresh
    started = time.perf_counter()
    failed = [name for name in names if run_one(name, args.full) != 0]

    from bench.summary import summarize

    wall = time.perf_counter() - started
    print(f"\n===== summary ({'full' if args.full else 'quick'} run, {wall:.0f} s) =====")
    print(summarize(since, {"mode": "full" if args.full else "quick", "failed": failed}))
    if failed:
        print("failed: " + ", ".join(f"bench_{n}" for n in failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
