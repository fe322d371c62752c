"""`python -m bench [NAME ...]`: run every bench/bench_*.py (or the named ones) in turn.

Each benchmark is its own process so one's memory or threads don't colour another's.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))
    failed = []
    for name in names:
        module = f"bench.bench_{name}"
        print(f"\n===== {module} =====", flush=True)
        started = time.perf_counter()
        rc = subprocess.call([sys.executable, "-m", module], cwd=HERE.parent)
        print(f"----- {module}: exit {rc} in {time.perf_counter() - started:.1f} s", flush=True)
        if rc != 0:
            failed.append(module)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
