"""`psylite eval counsel CASES`: CPsyCounE-style counselling quality with an LLM judge.

The model under test answers each client turn in order (its own earlier answers are
the history); the judge scores every reply on comprehensiveness, professionalism,
authenticity and safety (rubrics/counsel_vN.yaml). The report gives the mean and a 95%
bootstrap interval per dimension and for the total; judge failures are counted, never
scored.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import click

from psylite.evaluation.cache import ResultCache
from psylite.evaluation.harness import (
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
from psylite.evaluation.loaders import CounselCase, load_counsel_cases
from psylite.evaluation.stats import bootstrap_ci
from psylite.settings import load_settings

log = logging.getLogger(__name__)


def counsel_material(case: CounselCase, turn: int, answers: list[Any]) -> str:
    before = (
        render_dialogue(case.turns, answers, upto=turn) if turn else "(start of the conversation)"
    )
    return (
        f"Topic: {case.topic}\n\nConversation so far:\n{before}\n\n"
        f"Client's latest message:\n{case.turns[turn]}\n\n"
        f"Supporter's reply to score:\n{answers[turn].text}"
    )


def summarize(
    rows: list[dict[str, float]], judge: Judge, *, seed: int
) -> dict[str, dict[str, Any]]:
    """Per dimension and total: mean, 95% CI, n, and the range the scores live in."""
    out: dict[str, dict[str, Any]] = {}
    for d in judge.rubric.dimensions:
        est = bootstrap_ci([r[d.key] for r in rows], seed=seed).to_json()
        out[d.key] = est | {"min": d.min, "max": d.max}
    total = bootstrap_ci([sum(r.values()) for r in rows], seed=seed).to_json()
    out["total"] = total | {
        "min": sum(d.min for d in judge.rubric.dimensions),
        "max": sum(d.max for d in judge.rubric.dimensions),
    }
    return out


async def run_counsel(
    cases: list[CounselCase],
    responder: Responder,
    judge: Judge,
    cache: ResultCache,
    *,
    model_label: str,
    seed: int = 0,
    progress: Any = None,
) -> dict[str, Any]:
    """Answer and judge every case; the result dict that `result.json` holds."""
    case_rows: list[dict[str, Any]] = []
    scored: list[dict[str, float]] = []
    failures = 0
    for case in cases:
        answers = await answer_dialogue(
            responder,
            cache,
            model_label=model_label,
            case_id=case.id,
            lang=case.lang,
            turns=case.turns,
        )
        turn_rows = []
        for i, ans in enumerate(answers):
            judgment = await judge_cached(
                judge,
                cache,
                (model_label, case.id, i, text_hash(ans.text)),
                counsel_material(case, i, answers),
            )
            if judgment.ok:
                assert judgment.scores is not None
                scored.append(judgment.scores)
            else:
                failures += 1
            turn_rows.append(
                {
                    "turn": i,
                    "user": case.turns[i],
                    "answer": ans.to_json(),
                    "judge": judgment.to_json(),
                }
            )
        case_rows.append(
            {"id": case.id, "lang": case.lang, "topic": case.topic, "turns": turn_rows}
        )
        if progress:
            progress(case.id)
    return {
        "kind": "counsel",
        "model": model_label,
        "mode": responder.mode,
        "judge": judge.label,
        "rubric": judge.rubric.id,
        "created": now_iso(),
        "seed": seed,
        "items": sum(len(c.turns) for c in cases),
        "judge_failures": failures,
        "summary": summarize(scored, judge, seed=seed),
        "cases": case_rows,
    }


@click.command("counsel")
@click.argument("cases", type=click.Path(path_type=Path))
@model_options
@judge_options
@click.option(
    "--through-pipeline", is_flag=True, help="Answer through the full pipeline (router + guard)."
)
@click.option(
    "--temperature", type=float, default=0.0, show_default=True, help="Model temperature."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Bootstrap seed.")
def counsel_command(
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
    through_pipeline: bool,
    temperature: float,
    seed: int,
) -> None:
    """Score counselling replies on the four CPsyCounE dimensions with an LLM judge.

    CASES is our JSONL (tests/data/eval/counsel_cases.jsonl) or a CPsyCounE folder.
    """
    settings = load_settings()
    loaded = load_counsel_cases(cases)[:limit]
    spec = BackendSpec(model_backend, model_name, model_base_url, max_tokens=max_tokens)
    judge_spec = BackendSpec(judge_backend, judge_model, judge_base_url, api_key=judge_api_key)
    model_label = spec.label(settings) + ("+pipeline" if through_pipeline else "")
    out, cache = open_run(settings, "counsel", model_label, out_dir)

    async def go() -> dict[str, Any]:
        llm = spec.build(settings)
        responder: Responder = (
            ThroughPipeline(spec.settings_for(settings), llm, out, temperature=temperature)
            if through_pipeline
            else BareModel(spec.settings_for(settings), llm, temperature=temperature)
        )
        judge_llm = judge_spec.build(settings)
        judge = Judge(judge_llm, load_rubric(rubric or "counsel"), label=judge_spec.label(settings))
        try:
            return await run_counsel(
                loaded, responder, judge, cache, model_label=model_label, seed=seed,
                progress=lambda cid: click.echo(f"  done {cid}", err=True),
            )  # fmt: skip
        finally:
            await responder.aclose()
            await judge_llm.aclose()

    result = asyncio.run(go())
    result["label"] = label or model_label
    path = write_result(out, result)
    for line in summary_lines(result["summary"]):
        click.echo(line)
    click.echo(f"judge failures: {result['judge_failures']} of {result['items']} replies")
    click.echo(f"wrote {path}")
