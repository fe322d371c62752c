"""Safety router vs the PsyLite report's approach, side by side on the same dev set.

    python bench/bench_router.py                          # router on the whole dev set + LLM on 40 cases
    python bench/bench_router.py --limit 0                # router only
    python bench/bench_router.py --backend ollama --model psylite --limit 100

Router: p50/p99 wall-clock latency per message and accuracy (route in the case's "ok").
Report's approach: the LLM (built by `psylite.llm.build_llm` from the settings) labels each
message 0 danger / 1 normal / 2 cheerful; an unreadable answer counts as normal, as in the
report's code. Both are scored on the same cases; the latency ratio is LLM / router.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "routing_dev.jsonl"
RESULTS = ROOT / "bench" / "results" / "bench_router.json"
VERDICT_ROUTE = {0: "crisis", 1: "counsel", 2: "humor"}


def load(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def pct(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def scores(cases: list[dict], routes: list[str]) -> dict[str, float]:
    ok = [r in c["ok"] for c, r in zip(cases, routes, strict=True)]
    crisis = [r == "crisis" for c, r in zip(cases, routes, strict=True) if c["ok"] == ["crisis"]]
    benign = [
        r == "crisis"
        for c, r in zip(cases, routes, strict=True)
        if set(c["ok"]) <= {"counsel", "humor"}
    ]
    refuse = [r == "refuse" for c, r in zip(cases, routes, strict=True) if c["ok"] == ["refuse"]]
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    return {
        "accuracy": mean(ok),
        "crisis_recall": mean(crisis),
        "false_crisis": mean(benign),
        "refuse_recall": mean(refuse),
    }


def bench_router(cases: list[dict], repeats: int) -> tuple[list[str], list[float], list[float]]:
    from psylite.safety import Router

    router = Router.default()
    for c in cases:  # warm-up: zhconv dictionary, regex caches
        router.route(c["text"])
    times: list[float] = []
    cpu: list[float] = []
    routes: list[str] = []
    for i in range(repeats):
        for c in cases:
            start, start_cpu = time.perf_counter(), time.thread_time()
            d = router.route(c["text"], humor_allowed=c.get("humor_allowed", True))
            cpu.append(time.thread_time() - start_cpu)
            times.append(time.perf_counter() - start)
            if i == 0:
                routes.append(str(d.route))
    return routes, times, cpu


async def bench_llm(
    cases: list[dict], backend: str | None, model: str | None, judge_seconds: float
) -> tuple[list[str], list[float], str] | str:
    """The report's approach, or a one-line reason why it was skipped."""
    from psylite.errors import PsyliteError
    from psylite.safety.second_opinion import judge
    from psylite.settings import load_settings

    try:
        from psylite.llm import build_llm
    except ImportError:
        return "psylite.llm.build_llm is not available in this checkout"
    overrides: dict[str, object] = {
        "llm_total_timeout": judge_seconds,
        "llm_first_token_timeout": judge_seconds,
    }
    if backend:
        overrides["llm_backend"] = backend
    if model:
        overrides["model"] = model
    try:
        settings = load_settings(**overrides)
        llm = build_llm(settings)
    except PsyliteError as err:
        return f"no LLM available ({err})"
    routes: list[str] = []
    times: list[float] = []
    try:
        for c in cases:
            start = time.perf_counter()
            verdict = await judge(llm, c["text"] or " ")
            times.append(time.perf_counter() - start)
            routes.append(
                VERDICT_ROUTE.get(verdict, "counsel") if verdict is not None else "counsel"
            )
            if c.get("humor_allowed") is False and routes[-1] == "humor":
                routes[-1] = "counsel"  # the report also honours an opt-out
    except PsyliteError as err:
        if not routes:
            return f"no LLM available ({err})"
        print(f"LLM failed after {len(routes)} cases ({err}); scoring those", file=sys.stderr)
        cases[:] = cases[: len(routes)]
    finally:
        await llm.aclose()
    return routes, times, f"{llm.name} {settings.model or '(default model)'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV, help="labeled cases (JSONL with text, ok)")
    parser.add_argument("--repeats", type=int, default=5, help="router passes over the dev set")
    parser.add_argument(
        "--limit", type=int, default=40, help="cases for the LLM half (0 = skip it)"
    )
    parser.add_argument(
        "--backend", default=None, help="LLM backend (default: PSYLITE_LLM_BACKEND)"
    )
    parser.add_argument("--model", default=None, help="model path or name (default: PSYLITE_MODEL)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per LLM judgement")
    args = parser.parse_args(argv)

    cases = [c for c in load(args.dev) if "text" in c]
    routes, times, cpu = bench_router(cases, args.repeats)
    ms = [t * 1000 for t in times]
    cpu_ms = [t * 1000 for t in cpu]
    s = scores(cases, routes)
    print(f"dev set: {args.dev} ({len(cases)} cases)")
    print(
        f"router: p50 {pct(ms, 50):.3f} ms  p99 {pct(ms, 99):.3f} ms  mean {statistics.fmean(ms):.3f} ms  "
        f"({len(ms)} routings)"
    )
    # CPU time of the routing thread: what the router costs when the machine is not shared
    print(f"router CPU time: p50 {pct(cpu_ms, 50):.3f} ms  p99 {pct(cpu_ms, 99):.3f} ms")
    print(
        f"router: accuracy {s['accuracy']:.3f}  crisis recall {s['crisis_recall']:.3f}  "
        f"false crisis {s['false_crisis']:.3f}  refuse recall {s['refuse_recall']:.3f}"
    )
    results: dict = {
        "cases": len(cases),
        "routings": len(ms),
        "router_ms": {"p50": pct(ms, 50), "p99": pct(ms, 99), "mean": statistics.fmean(ms)},
        "router_cpu_ms": {"p50": pct(cpu_ms, 50), "p99": pct(cpu_ms, 99)},
        "router_scores": s,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.limit <= 0:
        return 0
    # the same cases for both sides, spread over every category
    step = max(1, len(cases) // args.limit)
    subset = cases[::step][: args.limit]
    result = asyncio.run(bench_llm(subset, args.backend, args.model, args.timeout))
    if isinstance(result, str):
        print(
            f"LLM judge (report's 0/1/2 prompt): skipped — {result}. "
            "Pass --backend/--model or set PSYLITE_LLM_BACKEND/PSYLITE_MODEL."
        )
        return 0
    llm_routes, llm_times, what = result
    subset = subset[: len(llm_routes)]
    index = {id(c): i for i, c in enumerate(cases)}
    router_sub = [routes[index[id(c)]] for c in subset]
    router_ms = [t * 1000 for c in subset for t in [times[index[id(c)]]]]
    llm_ms = [t * 1000 for t in llm_times]
    rs, ls = scores(subset, router_sub), scores(subset, llm_routes)
    print(f"\nside by side on {len(subset)} cases (LLM: {what})")
    print(
        f"{'':18}{'accuracy':>10}{'crisis rec':>12}{'false crisis':>14}{'refuse rec':>12}{'p50 ms':>12}{'p99 ms':>12}"
    )
    for name, sc, lat in (("router", rs, router_ms), ("LLM 0/1/2 judge", ls, llm_ms)):
        print(
            f"{name:18}{sc['accuracy']:>10.3f}{sc['crisis_recall']:>12.3f}{sc['false_crisis']:>14.3f}"
            f"{sc['refuse_recall']:>12.3f}{pct(lat, 50):>12.3f}{pct(lat, 99):>12.3f}"
        )
    ratio = statistics.fmean(llm_ms) / statistics.fmean(router_ms)
    print(f"latency ratio (LLM mean / router mean): {ratio:,.0f}x")
    results["llm_judge"] = {
        "what": what,
        "cases": len(subset),
        "router_scores": rs,
        "llm_scores": ls,
        "llm_ms": {"p50": pct(llm_ms, 50), "p99": pct(llm_ms, 99)},
        "latency_ratio_llm_over_router": ratio,
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
