"""`psylite eval ceval DIR`: C-Eval-format multiple-choice accuracy, by subject.

The model sees the official zero-shot (or `--shots k` few-shot, from the dev split)
prompt and its first answer letter counts; a reply with no letter A-D counts as wrong
and is flagged "unparsed" in the results, so a chatty model is not silently excused.
"""

from __future__ import annotations

import asyncio
import logging
import re
import unicodedata
from pathlib import Path
from typing import Any

import click

from psylite.errors import ConfigError
from psylite.evaluation.cache import ResultCache
from psylite.evaluation.harness import (
    BackendSpec,
    model_options,
    now_iso,
    open_run,
    summary_lines,
    write_result,
)
from psylite.evaluation.loaders import Question, load_ceval
from psylite.evaluation.stats import bootstrap_ci
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend
from psylite.settings import load_settings

log = logging.getLogger(__name__)

# Checked in order: an explicit "答案是B" / "answer: B" beats a bare letter at the start,
# which beats the first standalone letter anywhere.
_ANSWER_PATTERNS = (
    re.compile(r"(?:答案|answer)\s*(?:是|为|is|:)?\s*[(\[]?([ABCD])(?![A-Za-z])", re.IGNORECASE),
    re.compile(r"^\s*[(\[]?([ABCD])(?![A-Za-z])"),
    re.compile(r"(?<![A-Za-z])([ABCD])(?![A-Za-z])"),
)


def extract_choice(text: str) -> str | None:
    """The answer letter in a model's reply, or None."""
    norm = unicodedata.normalize("NFKC", text)
    for pattern in _ANSWER_PATTERNS:
        m = pattern.search(norm)
        if m:
            return m.group(1).upper()
    return None


def _format(q: Question, *, with_answer: bool) -> str:
    text = q.question + "\n" + "\n".join(f"{k}. {v}" for k, v in q.choices.items()) + "\n答案："
    return text + (q.answer or "") + "\n\n" if with_answer else text


def build_prompt(q: Question, shots: list[Question]) -> str:
    """C-Eval's own prompt: a subject header, optional solved examples, then the question."""
    head = f"以下是中国关于{q.subject}考试的单项选择题，请选出其中的正确答案。\n\n"
    return (
        head + "".join(_format(s, with_answer=True) for s in shots) + _format(q, with_answer=False)
    )


async def run_ceval(
    questions: dict[str, list[Question]],
    llm: LLMBackend,
    cache: ResultCache,
    *,
    model_label: str,
    shots: dict[str, list[Question]],
    options: GenOptions,
    seed: int = 0,
    progress: Any = None,
) -> dict[str, Any]:
    """Ask every question; accuracy per subject and overall with 95% bootstrap intervals."""
    subjects: dict[str, list[dict[str, Any]]] = {}
    for subject, qs in questions.items():
        rows = []
        for q in qs:
            key = (model_label, f"ceval:{subject}:{q.id}", 0)
            hit = cache.get("answer", *key)
            if hit is None:
                prompt = build_prompt(q, shots.get(subject, []))
                reply = await llm.complete([ChatMessage(role="user", content=prompt)], options)
                hit = {"text": reply}
                cache.put("answer", key, hit)
            choice = extract_choice(hit["text"])
            rows.append(
                {
                    "id": q.id,
                    "answer": q.answer,
                    "reply": hit["text"],
                    "choice": choice,
                    "correct": choice == q.answer,
                    "unparsed": choice is None,
                }
            )
        subjects[subject] = rows
        if progress:
            progress(subject)
    summary: dict[str, dict[str, Any]] = {}
    everything: list[float] = []
    for subject, rows in subjects.items():
        flags = [1.0 if r["correct"] else 0.0 for r in rows]
        everything += flags
        summary[f"accuracy:{subject}"] = bootstrap_ci(flags, seed=seed).to_json() | {
            "min": 0,
            "max": 1,
        }
    summary["accuracy"] = bootstrap_ci(everything, seed=seed).to_json() | {"min": 0, "max": 1}
    return {
        "kind": "ceval",
        "model": model_label,
        "mode": "bare",
        "created": now_iso(),
        "seed": seed,
        "items": len(everything),
        "unparsed": sum(r["unparsed"] for rows in subjects.values() for r in rows),
        "summary": summary,
        "subjects": subjects,
    }


@click.command("ceval")
@click.argument("directory", type=click.Path(path_type=Path))
@model_options
@click.option(
    "--split",
    type=click.Choice(["val", "dev"]),
    default="val",
    show_default=True,
    help="Which split to score (the test split has no public answers).",
)
@click.option("--shots", type=int, default=0, show_default=True, help="Few-shot examples from dev.")
@click.option("--subject", "subjects", multiple=True, help="Only these subjects (repeatable).")
@click.option("--seed", type=int, default=0, show_default=True, help="Bootstrap seed.")
def ceval_command(
    directory: Path,
    model_backend: str | None,
    model_name: str | None,
    model_base_url: str | None,
    max_tokens: int | None,
    label: str | None,
    out_dir: Path | None,
    limit: int | None,
    split: str,
    shots: int,
    subjects: tuple[str, ...],
    seed: int,
) -> None:
    """Multiple-choice accuracy on C-Eval CSV files in DIRECTORY, by subject.

    --limit caps the questions per subject.
    """  # fmt: skip
    settings = load_settings()
    questions = load_ceval(directory, split)
    if subjects:
        missing = sorted(set(subjects) - set(questions))
        if missing:
            raise ConfigError(
                f"no {split} questions for subject(s) {', '.join(missing)} in {directory}"
            )
        questions = {s: questions[s] for s in subjects}
    if limit:
        questions = {s: qs[:limit] for s, qs in questions.items()}
    examples: dict[str, list[Question]] = {}
    if shots:
        dev = load_ceval(directory, "dev")
        examples = {s: [q for q in dev.get(s, []) if q.answer][:shots] for s in questions}
    spec = BackendSpec(model_backend, model_name, model_base_url, max_tokens=max_tokens)
    model_label = spec.label(settings)
    out, cache = open_run(settings, "ceval", model_label, out_dir)
    # A letter is all we need: a short cap keeps CPU time low; greedy for reproducibility.
    options = GenOptions.from_settings(settings, max_tokens=max_tokens or 16, temperature=0.0)

    async def go() -> dict[str, Any]:
        llm = spec.build(settings)
        try:
            return await run_ceval(
                questions, llm, cache, model_label=model_label, shots=examples, options=options,
                seed=seed, progress=lambda s: click.echo(f"  done {s}", err=True),
            )  # fmt: skip
        finally:
            await llm.aclose()

    result = asyncio.run(go())
    result["label"] = label or model_label
    result["split"] = split
    result["shots"] = shots
    path = write_result(out, result)
    for line in summary_lines(result["summary"]):
        click.echo(line)
    click.echo(f"unparsed replies: {result['unparsed']} of {result['items']}")
    click.echo(f"wrote {path}")
