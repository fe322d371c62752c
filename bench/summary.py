"""One table from the JSON files the benchmarks write into bench/results/.

    python -m bench.summary            # from whatever results are there
    python -m bench                    # runs the benchmarks first, then prints this

Each row names the file it comes from; a result older than `since` (a failed or skipped
benchmark in this run) is shown as missing rather than passed off as fresh. The table is
also written to bench/results/summary.json with the machine it ran on.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
SUMMARY = RESULTS / "summary.json"


def _load(name: str, since: float) -> tuple[dict[str, Any] | None, str]:
    path = RESULTS / f"{name}.json"
    if not path.is_file():
        return None, f"no {path.name}"
    if path.stat().st_mtime < since:
        return None, f"{path.name} is from an earlier run"
    try:
        return json.loads(path.read_text(encoding="utf-8")), ""
    except ValueError as err:
        return None, f"{path.name} unreadable ({err})"


def _f(value: Any, fmt: str = ".1f") -> str:
    return format(value, fmt) if isinstance(value, int | float) else "—"


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "load_avg_1_5_15": load,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "at": time.strftime("%Y-%m-%d %H:%M:%S %z"),
    }


def rows(since: float = 0.0) -> list[dict[str, str]]:
    """(metric, value, source/notes) rows; values are formatted strings."""
    out: list[dict[str, str]] = []

    def add(metric: str, value: str, note: str) -> None:
        out.append({"metric": metric, "value": value, "note": note})

    router, why = _load("bench_router", since)
    if router:
        ms = router["router_ms"]
        add(
            "router latency p50 / p99",
            f"{_f(ms['p50'], '.3f')} / {_f(ms['p99'], '.3f')} ms",
            f"bench_router: {router['routings']} routings of {router['cases']} dev cases",
        )
    else:
        add("router latency p50 / p99", "—", why)

    humor, why = _load("bench_humor", since)
    if humor:
        w = humor["whoosh_ms"]
        add(
            "retrieval latency p50 / p99",
            f"{_f(w['p50'], '.3f')} / {_f(w['p99'], '.3f')} ms",
            f"bench_humor: Whoosh, {humor['snippets']} snippets, {humor['queries']} queries "
            f"(goal p99 < {humor.get('target_p99_ms', 5)} ms)",
        )
    else:
        add("retrieval latency p50 / p99", "—", why)

    load, why = _load("bench_load", since)
    for backend in ("sqlite", "postgresql"):
        label = f"pipeline msgs/s, {'SQLite' if backend == 'sqlite' else 'PostgreSQL'}"
        if not load:
            add(label, "—", why)
            continue
        row = load["backends"].get(backend)
        if row is None:
            add(label, "skipped", load["skipped"].get(backend, "not run"))
            continue
        add(
            label,
            f"{_f(row['msgs_per_s'])}",
            f"bench_load: {load['users']} users x {load['messages']} msgs at once via fake Bot "
            f"API; p99 {_f(row['latency_p99_ms'], '.0f')} ms push->reply; "
            f"lost/reordered {row['delivery_problems']}, unstored turns {row['unstored_turns']}"
            + (" (store calls timed out: msgs/s overstates)" if row["unstored_turns"] else ""),
        )

    store, why = _load("bench_store", since)
    if store:
        b = store["backends"]
        parts = [f"{k} {_f(v['msgs_per_s'], '.0f')}" for k, v in b.items()]
        add(
            "store writes/s",
            ", ".join(parts),
            f"bench_store: {store['writers']} writers x {store['messages']}, "
            f"median of {store['rounds']} rounds",
        )

    bot, why = _load("bench_bot", since)
    if bot:
        add(
            "bot RSS without model",
            f"{_f(bot['rss_idle_mb'])} MB idle, {_f(bot['rss_after_mb'])} MB after",
            f"bench_bot: after {bot['chats']}x{bot['messages_per_chat']} msgs; "
            "includes the in-process fake Bot API (upper bound); goal < 150 MB",
        )
    else:
        add("bot RSS without model", "—", why)
    if load:
        peaks = [r["rss_peak_mb"] for r in load["backends"].values()]
        if peaks:
            add(
                "RSS peak under load",
                f"{_f(max(peaks))} MB",
                f"bench_load: {load['users']} users, all backends run in one process",
            )

    llm, why = _load("bench_llm", since)
    if llm and "skipped" not in llm:
        verdict = "meets" if llm["ratio_e2e"] >= llm.get("goal", 0.95) else "BELOW"
        add(
            "llama_cpp tokens/s: ours / raw",
            f"{_f(llm['ours_e2e_tok_s'], '.2f')} / {_f(llm['raw_e2e_tok_s'], '.2f')} "
            f"= {_f(llm['ratio_e2e'], '.3f')}",
            f"bench_llm: {llm['model_name']}, {llm['max_tokens']} tokens, temp 0, "
            f"{llm['rounds']} alternating rounds, end-to-end; {verdict} goal >= 0.95 "
            f"(decode-only ratio {_f(llm['ratio_decode'], '.3f')})",
        )
    else:
        add("llama_cpp tokens/s: ours / raw", "—", (llm or {}).get("skipped") or why)
    return out


def render(table: list[dict[str, str]]) -> str:
    w1 = max(len(r["metric"]) for r in table)
    w2 = max(len(r["value"]) for r in table)
    lines = [f"{'metric':<{w1}}  {'value':<{w2}}  source / notes", "-" * (w1 + w2 + 40)]
    lines += [f"{r['metric']:<{w1}}  {r['value']:<{w2}}  {r['note']}" for r in table]
    return "\n".join(lines)


def summarize(since: float = 0.0, extra: dict[str, Any] | None = None) -> str:
    """Print-ready table; also writes bench/results/summary.json."""
    table = rows(since)
    RESULTS.mkdir(parents=True, exist_ok=True)
    data = {"machine": machine(), "rows": table} | (extra or {})
    SUMMARY.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return render(table)


if __name__ == "__main__":
    print(summarize())
    sys.exit(0)
