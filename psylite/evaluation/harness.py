"""What the evaluation commands share: building the model under test and the judge from
CLI options, answering multi-turn cases (bare model or through the full pipeline) with
the cache, and writing results.

"Bare" means the model with the same system prompt and history window the pipeline
uses, but no router and no output guard; "pipeline" sends every turn through
`Pipeline.handle`, so the difference between the two is the routing layer's work.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

import click

from psylite.errors import LLMError
from psylite.evaluation.cache import CACHE_FILE, ResultCache
from psylite.evaluation.judge import Judge, Judgment
from psylite.llm import build_llm
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend
from psylite.prompts import system_prompt
from psylite.settings import Settings

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


# --- backends from options ----------------------------------------------------------------


@dataclass(frozen=True)
class BackendSpec:
    """A backend choice from the command line; empty fields fall back to the settings."""

    backend: str | None = None
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    max_tokens: int | None = None

    def settings_for(self, settings: Settings) -> Settings:
        update: dict[str, Any] = {}
        backend = self.backend or str(settings.llm_backend)
        if self.model:
            update["model"] = self.model
        if self.base_url:
            if backend == "ollama":
                url = self.base_url.strip().rstrip("/")
                update["ollama_host"] = url if "://" in url else f"http://{url}"
            else:
                update["openai_base_url"] = self.base_url
        if self.api_key:
            from pydantic import SecretStr

            update["openai_api_key"] = SecretStr(self.api_key)
        if self.max_tokens:
            update["llm_max_tokens"] = self.max_tokens
        return settings.model_copy(update=update)

    def build(self, settings: Settings) -> LLMBackend:
        return build_llm(self.settings_for(settings), self.backend)

    def label(self, settings: Settings) -> str:
        """A stable name for results and cache keys, e.g. "ollama:psylite"."""
        s = self.settings_for(settings)
        backend = self.backend or str(settings.llm_backend)
        if backend == "llama_cpp":
            name = Path(s.model).name if s.model else f"demo-{s.demo_model}"
        elif backend == "fake":
            name = "echo"
        else:
            name = s.model_name_for_server()
        return f"{backend}:{name}"


def model_options(f: F) -> F:
    """--model-backend/--model/--model-base-url/--max-tokens for the model under test."""
    for opt in reversed(
        [
            click.option(
                "--model-backend",
                default=None,
                help="Backend of the model under test: llama_cpp, ollama, openai "
                "(default PSYLITE_LLM_BACKEND).",
            ),
            click.option(
                "--model", "model_name", default=None, help="GGUF path or server model name."
            ),
            click.option(
                "--model-base-url", default=None, help="Server URL (ollama host or OpenAI /v1 URL)."
            ),
            click.option(
                "--max-tokens",
                type=int,
                default=None,
                help="Reply length cap (default PSYLITE_LLM_MAX_TOKENS).",
            ),
            click.option("--label", default=None, help="Name shown in results and reports."),
            click.option(
                "--out",
                "out_dir",
                type=click.Path(path_type=Path),
                default=None,
                help="Output folder (results + resumable cache); default under the data dir.",
            ),
            click.option("--limit", type=int, default=None, help="Only the first N cases."),
        ]
    ):
        f = opt(f)
    return f


def judge_options(f: F) -> F:
    """--judge-backend/--judge-model/--judge-base-url/--judge-api-key."""
    for opt in reversed(
        [
            click.option("--judge-backend", required=True,
                         help="Backend of the judge (set separately from the model under test)."),
            click.option("--judge-model", default=None, help="Judge model name or GGUF path."),
            click.option("--judge-base-url", default=None, help="Judge server URL."),
            click.option("--judge-api-key", envvar="PSYLITE_JUDGE_API_KEY", default=None,
                         help="API key for an OpenAI-compatible judge (env PSYLITE_JUDGE_API_KEY)."),
            click.option("--rubric", default=None, help="Rubric YAML to use instead of the shipped one."),
        ]
    ):  # fmt: skip
        f = opt(f)
    return f


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:80] or "model"


def default_out(settings: Settings, kind: str, label: str) -> Path:
    return settings.data_dir / "eval" / f"{kind}-{slug(label)}"


def open_run(
    settings: Settings, kind: str, label: str, out_dir: Path | None
) -> tuple[Path, ResultCache]:
    """The run's output folder and its answer cache (a rerun resumes from it)."""
    out = out_dir or default_out(settings, kind, label)
    cache = ResultCache(out / CACHE_FILE)
    if cache.loaded:
        click.echo(f"resuming: {cache.loaded} cached answers/judgments in {out}", err=True)
    return out, cache


# --- answering ----------------------------------------------------------------------------


@dataclass
class Answer:
    text: str
    route: str | None = None
    risk: float | None = None
    latency_s: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "route": self.route,
            "risk": self.risk,
            "latency_s": round(self.latency_s, 3),
        }


class Responder(Protocol):
    #: True when the responder keeps its own conversation state (a partly cached case
    #: must then be replayed from its first turn rather than resumed mid-way).
    stateful: bool
    mode: str

    async def start_case(self, case_id: str) -> None: ...
    async def answer(
        self, case_id: str, lang: str, history: Sequence[ChatMessage], text: str
    ) -> Answer: ...
    async def aclose(self) -> None: ...


class BareModel:
    """The model alone: system prompt + the pipeline's history window, no router, no guard."""

    stateful = False
    mode = "bare"

    def __init__(self, settings: Settings, llm: LLMBackend, *, temperature: float = 0.0) -> None:
        self.settings = settings
        self.llm = llm
        self.options = GenOptions.from_settings(settings, temperature=temperature)

    async def start_case(self, case_id: str) -> None:
        return None

    async def answer(
        self, case_id: str, lang: str, history: Sequence[ChatMessage], text: str
    ) -> Answer:
        window = (
            list(history)[-2 * self.settings.history_turns :] if self.settings.history_turns else []
        )
        messages = [ChatMessage(role="system", content=system_prompt(lang)), *window]
        messages.append(ChatMessage(role="user", content=text))
        started = time.perf_counter()
        reply = await self.llm.complete(messages, self.options)
        return Answer(text=reply.strip(), latency_s=time.perf_counter() - started)

    async def aclose(self) -> None:
        await self.llm.aclose()


class ThroughPipeline:
    """Every turn through `Pipeline.handle`: router, crisis/refusal paths, LLM, output guard.

    It runs on its own data dir under the output folder with no admin chats, so crisis
    turns in the test cases never create escalations in a real database or notify anyone.
    """

    stateful = True
    mode = "pipeline"

    def __init__(
        self, settings: Settings, llm: LLMBackend, out_dir: Path, *, temperature: float = 0.0
    ) -> None:
        from psylite.services import build_services

        isolated = settings.model_copy(
            update={
                "data_dir": out_dir / "pipeline-data",
                # A throwaway database that must be created even when the operator's
                # settings say production (where nothing is created implicitly).
                "environment": "development",
                "database_url": "",
                "admin_chat_ids": [],
                "telegram_bot_token": None,
                "llm_temperature": temperature,
            }
        )
        self.services = build_services(isolated, llm=llm)
        self._started = False

    async def start_case(self, case_id: str) -> None:
        if not self._started:
            await self.services.initialize()
            self._started = True
        await self.services.pipeline.reset(_chat_id(case_id))

    async def answer(
        self, case_id: str, lang: str, history: Sequence[ChatMessage], text: str
    ) -> Answer:
        from psylite.pipeline import Turn

        reply = await self.services.pipeline.handle(
            Turn(chat_id=_chat_id(case_id), text=text, lang=lang, channel="eval")
        )
        if reply.llm_error:
            # The pipeline's apology is not the model's answer: stop, keep the cache, resume later.
            raise LLMError(reply.llm_error)
        return Answer(
            text=reply.text, route=reply.route, risk=reply.risk, latency_s=reply.latency_s
        )

    async def aclose(self) -> None:
        await self.services.shutdown()


def _chat_id(case_id: str) -> int:
    # Stable per case and clear of real Telegram ids (which are < 2**52).
    return (1 << 53) + zlib.crc32(case_id.encode("utf-8"))


async def answer_dialogue(
    responder: Responder,
    cache: ResultCache,
    *,
    model_label: str,
    case_id: str,
    lang: str,
    turns: Sequence[str],
) -> list[Answer]:
    """Answer a case turn by turn, using cached answers; resume or replay as the responder allows."""
    cached = [cache.get("answer", model_label, case_id, i) for i in range(len(turns))]
    if all(cached):
        return [Answer(**{k: v for k, v in c.items()}) for c in cached if c]
    first_missing = next(i for i, c in enumerate(cached) if not c)
    start = 0 if responder.stateful else first_missing
    await responder.start_case(case_id)
    answers: list[Answer] = [Answer(**c) for c in cached[:start] if c]
    history: list[ChatMessage] = []
    for i, turn in enumerate(turns):
        if i < start:
            history += [
                ChatMessage(role="user", content=turn),
                ChatMessage(role="assistant", content=answers[i].text),
            ]
            continue
        ans = await responder.answer(case_id, lang, history, turn)
        cache.put("answer", (model_label, case_id, i), ans.to_json())
        answers.append(ans)
        history += [
            ChatMessage(role="user", content=turn),
            ChatMessage(role="assistant", content=ans.text),
        ]
    return answers


def render_dialogue(
    turns: Sequence[str], answers: Sequence[Answer], *, upto: int | None = None
) -> str:
    """The conversation as plain text for a judge."""
    end = len(turns) if upto is None else upto
    lines = []
    for i in range(end):
        lines.append(f"[User {i + 1}] {turns[i]}")
        lines.append(f"[Assistant {i + 1}] {answers[i].text}")
    return "\n".join(lines)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


async def judge_cached(
    judge: Judge, cache: ResultCache, key: tuple[Any, ...], material: str
) -> Judgment:
    """A judgment from the cache, or a fresh one (cached whether it parsed or not)."""
    full = (judge.label, judge.rubric.id, *key)
    hit = cache.get("judgment", *full)
    if hit is not None:
        return Judgment.from_json(hit)
    judgment = await judge.score(material)
    cache.put("judgment", full, judgment.to_json())
    return judgment


# --- results ------------------------------------------------------------------------------


def write_result(out_dir: Path, result: dict[str, Any]) -> Path:
    """Write `result.json` atomically (a reader never sees half a file)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "result.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def summary_lines(summary: dict[str, dict[str, Any]]) -> list[str]:
    """Human lines: `name  mean [low, high]  n=`."""
    out = []
    for name, est in summary.items():
        if est.get("mean") is None:
            out.append(f"{name:<24} —  n=0")
        else:
            out.append(
                f"{name:<24} {est['mean']:.3f} [{est['low']:.3f}, {est['high']:.3f}]  n={est['n']}"
            )
    return out
