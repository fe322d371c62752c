"""`psylite eval safety CASES`: SafeDialBench-style multi-turn attacks, bare or through the router.

Each dialogue (role-play, scenario nesting, topic shift, reference attacks, …) is
answered turn by turn, then judged as a whole on identification, handling and
consistency (rubrics/safety_vN.yaml). Run it twice — once bare, once with
`--through-router` — and `psylite eval compare` the two results: the difference is
what the routing layer adds. Through the router, the route of every turn is kept and
the share of dialogues the router intercepted (any crisis/refuse turn) is reported.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from pathlib import Path
from typing import Any

import click

from psylite.evaluation.cache import ResultCache
from psylite.evaluation.harness import (
    Answer,
    BackendSpec,
    BareModel,
    Responder,
    ThroughPipeline,
    answer_dialogue,
    judge_cached,
    judge_options,
    model_options,
    now_iso,
    open_run,
    render_dialogue,
    summary_lines,
    text_hash,
    write_result,
)
from psylite.evaluation.judge import Judge, load_rubric
from psylite.evaluation.loaders import SafetyCase, load_safety_cases
from psylite.evaluation.stats import bootstrap_ci
from psylite.llm.base import GenOptions
from psylite.settings import load_settings

log = logging.getLogger(__name__)

INTERCEPT_ROUTES = frozenset({"crisis", "refuse"})


def safety_material(case: SafetyCase, answers: list[Answer]) -> str:
    return (
        f"Risk category: {case.dimension}\nAttack style: {case.attack}\n\n"
        f"Dialogue:\n{render_dialogue(case.turns, answers)}"
    )


def summarize(rows: list[dict[str, Any]], judge: Judge, *, seed: int) -> dict[str, dict[str, Any]]:
    """Per dimension, overall (mean of the dimensions), and overall by category and attack."""
    dims = judge.rubric.dimensions
    ok = [r for r in rows if r["scores"] is not None]
    out: dict[str, dict[str, Any]] = {}
    for d in dims:
        out[d.key] = bootstrap_ci([r["scores"][d.key] for r in ok], seed=seed).to_json() | {
            "min": d.min,
            "max": d.max,
        }
    lo, hi = min(d.min for d in dims), max(d.max for d in dims)

    def overall(subset: list[dict[str, Any]]) -> dict[str, Any]:
        values = [sum(r["scores"].values()) / len(dims) for r in subset]
        return bootstrap_ci(values, seed=seed).to_json() | {"min": lo, "max": hi}

    out["overall"] = overall(ok)
    for field in ("dimension", "attack"):
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in ok:
            groups[r[field]].append(r)
        for name in sorted(groups):
            out[f"{field}:{name}"] = overall(groups[name])
    return out


async def run_safety(
    cases: list[SafetyCase],
    responder: Responder,
    judge: Judge,
    cache: ResultCache,
    *,
    model_label: str,
    seed: int = 0,
    progress: Any = None,
) -> dict[str, Any]:
    """Answer and judge every dialogue; the result dict that `result.json` holds."""
    case_rows: list[dict[str, Any]] = []
    for case in cases:
        answers = await answer_dialogue(
            responder,
            cache,
            model_label=model_label,
            case_id=case.id,
            lang=case.lang,
            turns=case.turns,
        )
        digest = text_hash("\x1e".join(a.text for a in answers))
        judgment = await judge_cached(
            judge, cache, (model_label, case.id, digest), safety_material(case, answers)
        )
        routes = [a.route for a in answers]
        case_rows.append(
            {
                "id": case.id,
                "lang": case.lang,
                "dimension": case.dimension,
                "attack": case.attack,
                "turns": [
                    {"turn": i, "user": t, "answer": a.to_json()}
                    for i, (t, a) in enumerate(zip(case.turns, answers, strict=True))
                ],
                "intercepted": any(r in INTERCEPT_ROUTES for r in routes)
                if responder.mode == "pipeline"
                else None,
                "scores": judgment.scores,
                "judge": judgment.to_json(),
            }
        )
        if progress:
            progress(case.id)
    summary = summarize(case_rows, judge, seed=seed)
    result: dict[str, Any] = {
        "kind": "safety",
        "model": model_label,
        "mode": responder.mode,
        "judge": judge.label,
        "rubric": judge.rubric.id,
        "created": now_iso(),
        "seed": seed,
        "items": len(case_rows),
        "judge_failures": sum(1 for r in case_rows if r["scores"] is None),
        "summary": summary,
        "cases": case_rows,
    }
    if responder.mode == "pipeline":
        flags = [1.0 if r["intercepted"] else 0.0 for r in case_rows]
        result["summary"]["router_intercept_rate"] = bootstrap_ci(flags, seed=seed).to_json() | {
            "min": 0,
            "max": 1,
        }
    return result


@click.command("safety")
@click.argument("cases", type=click.Path(path_type=Path))
@model_options
@judge_options
@click.option(
    "--through-router",
    is_flag=True,
    help="Send every turn through the full pipeline (router, crisis/refusal paths, guard) "
    "instead of the bare model.",
)
@click.option(
    "--temperature", type=float, default=0.0, show_default=True, help="Model temperature."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Bootstrap seed.")
def safety_command(
    cases: Path,
    model_backend: str | None,
    model_name: str | None,
    model_base_url: str | None,
    max_tokens: int | None,
    label: str | None,
    out_dir: Path | None,
    limit: int | None,
    judge_backend: str,
    judge_model: str | None,
    judge_base_url: str | None,
    judge_api_key: str | None,
    rubric: str | None,
    through_router: bool,
    temperature: float,
    seed: int,
) -> None:
    """Score multi-turn attack dialogues on identification, handling and consistency.

    CASES is our JSONL (tests/data/eval/safety_cases.jsonl) or SafeDialBench JSONL files.
    """
    settings = load_settings()
    loaded = load_safety_cases(cases)[:limit]
    spec = BackendSpec(model_backend, model_name, model_base_url, max_tokens=max_tokens)
    judge_spec = BackendSpec(judge_backend, judge_model, judge_base_url, api_key=judge_api_key)
    model_label = spec.label(settings) + ("+router" if through_router else "")
    out, cache = open_run(settings, "safety", model_label, out_dir)
    result = asyncio.run(
        evaluate_safety(
            loaded, spec, judge_spec, settings=settings, out=out, cache=cache, through_router=through_router,
            model_label=model_label, rubric=rubric, temperature=temperature, seed=seed,
            progress=lambda cid: click.echo(f"  done {cid}", err=True),
        )
    )  # fmt: skip
    result["label"] = label or model_label
    path = write_result(out, result)
    for line in summary_lines(result["summary"]):
        click.echo(line)
    click.echo(f"judge failures: {result['judge_failures']} of {result['items']} dialogues")
    click.echo(f"wrote {path}")


async def evaluate_safety(
    cases: list[SafetyCase],
    spec: BackendSpec,
    judge_spec: BackendSpec,
    *,
    settings: Any,
    out: Path,
    cache: ResultCache,
    through_router: bool,
    model_label: str,
    rubric: str | None = None,
    temperature: float = 0.0,
    seed: int = 0,
    progress: Any = None,
    llm: Any = None,
    judge_llm: Any = None,
    judge_gen: GenOptions | None = None,
) -> dict[str, Any]:
    """Build the responder and judge, run, and release them (the benchmark reuses this)."""
    model_settings = spec.settings_for(settings)
    llm = llm or spec.build(settings)
    responder: Responder = (
        ThroughPipeline(model_settings, llm, out, temperature=temperature)
        if through_router
        else BareModel(model_settings, llm, temperature=temperature)
    )
    own_judge = judge_llm is None
    judge_llm = judge_llm or judge_spec.build(settings)
    judge = Judge(
        judge_llm,
        load_rubric(rubric or "safety"),
        label=judge_spec.label(settings),
        options=judge_gen,
    )
    try:
        return await run_safety(
            cases, responder, judge, cache, model_label=model_label, seed=seed, progress=progress
        )
    finally:
        await responder.aclose()
        if own_judge:
            await judge_llm.aclose()
