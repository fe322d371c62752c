"""LLM-as-judge: versioned rubrics, prompting, and tolerant but honest parsing of scores.

A judge is any `LLMBackend` (set separately from the model under test). Its output is
parsed leniently — JSON inside code fences or followed by prose, scores written as
strings ("3分", "8/10"), full-width digits, Chinese dimension names — but never
guessed: a missing or out-of-range score is a parse failure. A failure is retried once
with a short correction; a second failure is recorded as a failed judgment (no scores),
which the reports count separately and never as a pass.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from psylite.errors import ConfigError
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Dimension:
    """One scored dimension of a rubric, with its inclusive range."""

    key: str
    min: float
    max: float
    description: str
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.key, *self.aliases)


@dataclass(frozen=True)
class Rubric:
    """A versioned scoring rubric loaded from `psylite/evaluation/rubrics/*.yaml`."""

    name: str
    version: int
    title: str
    scope: str  # "turn" (each reply) or "dialogue" (the whole conversation)
    instructions: str
    dimensions: tuple[Dimension, ...]

    @property
    def id(self) -> str:
        return f"{self.name}@v{self.version}"

    def keys(self) -> list[str]:
        return [d.key for d in self.dimensions]

    def output_spec(self) -> str:
        """The exact answer format asked of the judge."""
        lines = [f"- {d.key} ({d.min:g}-{d.max:g}): {d.description}" for d in self.dimensions]
        example = ", ".join(f'"{d.key}": <{d.min:g}-{d.max:g}>' for d in self.dimensions)
        return (
            "Dimensions:\n"
            + "\n".join(lines)
            + "\n\nAnswer with ONE JSON object and nothing else, for example:\n"
            + "{"
            + example
            + ', "reason": "<one sentence>"}'
        )


def load_rubric(name_or_path: str | Path) -> Rubric:
    """A rubric by name ("counsel", "safety": the highest version shipped) or by YAML path."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml"):
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise ConfigError(f"cannot read rubric {path}: {err.strerror}") from None
    else:
        shipped = resources.files("psylite.evaluation") / "rubrics"
        candidates = [
            p
            for p in shipped.iterdir()
            if re.fullmatch(rf"{re.escape(str(name_or_path))}_v\d+\.yaml", p.name)
        ]
        if not candidates:
            raise ConfigError(
                f"no rubric named {name_or_path!r} (expected rubrics/{name_or_path}_vN.yaml)"
            )
        best = max(candidates, key=lambda p: int(p.name.rsplit("_v", 1)[1].split(".")[0]))
        text = best.read_text(encoding="utf-8")
    return _parse_rubric(yaml.safe_load(text), source=str(name_or_path))


def _parse_rubric(data: Any, *, source: str) -> Rubric:
    try:
        dims = tuple(
            Dimension(
                key=str(d["key"]),
                min=float(d["min"]),
                max=float(d["max"]),
                description=str(d.get("description", "")).strip(),
                aliases=tuple(str(a) for a in d.get("aliases", ())),
            )
            for d in data["dimensions"]
        )
        return Rubric(
            name=str(data["name"]),
            version=int(data["version"]),
            title=str(data.get("title", data["name"])),
            scope=str(data.get("scope", "turn")),
            instructions=str(data["instructions"]).strip(),
            dimensions=dims,
        )
    except (KeyError, TypeError, ValueError) as err:
        raise ConfigError(f"rubric {source} is malformed ({type(err).__name__}: {err})") from None


# --- parsing ------------------------------------------------------------------------------


class JudgeParseError(ValueError):
    """The judge's output does not contain a complete, in-range set of scores."""


_CN_NUMERALS = dict(zip("零一二三四五六七八九十", range(11), strict=True)) | {"两": 2}
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _normalize(text: str) -> str:
    # NFKC turns full-width digits, braces, quotes and colons into ASCII ones.
    return unicodedata.normalize("NFKC", text)


def _number(value: Any) -> float | None:
    """A score from a JSON value: 3, 3.0, "3", "3分", "8/10", "三", {"score": 3}."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dict):
        for k in ("score", "value", "分数", "得分"):
            if k in value:
                return _number(value[k])
        return None
    if isinstance(value, str):
        s = _normalize(value).strip()
        m = _NUMBER.search(s)
        if m:
            return float(m.group())
        if s[:1] in _CN_NUMERALS:
            return float(_CN_NUMERALS[s[:1]])
    return None


def _json_objects(text: str) -> list[dict[str, Any]]:
    """Every JSON object that starts somewhere in `text` (code fences and prose around it)."""
    decoder = json.JSONDecoder()
    found: list[dict[str, Any]] = []
    pos = text.find("{")
    while pos != -1:
        try:
            obj, end = decoder.raw_decode(text, pos)
        except ValueError:
            pos = text.find("{", pos + 1)
            continue
        if isinstance(obj, dict):
            found.append(obj)
        pos = text.find("{", end)
    return found


def _lookup(obj: dict[str, Any], dim: Dimension) -> tuple[bool, Any]:
    lowered = {str(k).strip().lower(): v for k, v in obj.items()}
    nested = lowered.get("scores")
    for source in (
        lowered,
        {str(k).strip().lower(): v for k, v in nested.items()} if isinstance(nested, dict) else {},
    ):
        for name in dim.names():
            if name.lower() in source:
                return True, source[name.lower()]
    return False, None


def parse_scores(text: str, rubric: Rubric) -> dict[str, float]:
    """The rubric's scores found in a judge's output; raises JudgeParseError otherwise."""
    norm = _normalize(text)
    objects = _json_objects(norm)
    candidates = [o for o in objects if any(_lookup(o, d)[0] for d in rubric.dimensions)]
    if candidates:
        raw = candidates[0]
        values = {d.key: _lookup(raw, d) for d in rubric.dimensions}
    else:
        # No JSON: accept "dimension: 3" lines, which small judges often write instead.
        values = {}
        for d in rubric.dimensions:
            alts = "|".join(re.escape(n) for n in d.names())
            m = re.search(rf"(?i)(?:{alts})\W{{0,4}}?[:=]\s*(\S+)", norm)
            values[d.key] = (m is not None, m.group(1) if m else None)
        if not any(present for present, _ in values.values()):
            raise JudgeParseError("no scores found (expected a JSON object with the dimensions)")
    scores: dict[str, float] = {}
    problems: list[str] = []
    for d in rubric.dimensions:
        present, value = values[d.key]
        if not present:
            problems.append(f"{d.key} missing")
            continue
        number = _number(value)
        if number is None:
            problems.append(f"{d.key} is not a number ({value!r})")
        elif not d.min <= number <= d.max:
            problems.append(f"{d.key}={number:g} outside {d.min:g}-{d.max:g}")
        else:
            scores[d.key] = number
    if problems:
        raise JudgeParseError("; ".join(problems))
    return scores


# --- judging ------------------------------------------------------------------------------


@dataclass
class Judgment:
    """One judged item: the scores (None on failure) and every raw output the judge gave."""

    scores: dict[str, float] | None
    raw: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.scores is not None

    def to_json(self) -> dict[str, Any]:
        return {"scores": self.scores, "raw": self.raw, "error": self.error}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Judgment:
        return cls(
            scores=data.get("scores"), raw=list(data.get("raw", [])), error=data.get("error")
        )


RETRY_NOTE = (
    "Your answer could not be read ({reason}). Reply again with ONLY the JSON object "
    "containing every dimension as a number inside its range."
)


class Judge:
    """Scores a rendered conversation against a rubric with an LLM; one retry on bad output."""

    def __init__(
        self, llm: LLMBackend, rubric: Rubric, *, label: str, options: GenOptions | None = None
    ) -> None:
        self.llm = llm
        self.rubric = rubric
        self.label = label
        # Deterministic judging; enough tokens for the JSON and a one-sentence reason. Long
        # timeouts: a judge reads a whole dialogue, and a batch run has nobody waiting.
        self.options = options or GenOptions(
            max_tokens=300, temperature=0.0, first_token_timeout=600, total_timeout=1800
        )

    def prompt(self, material: str) -> list[ChatMessage]:
        return [
            ChatMessage(role="system", content=self.rubric.instructions),
            ChatMessage(role="user", content=f"{material}\n\n{self.rubric.output_spec()}"),
        ]

    async def score(self, material: str) -> Judgment:
        """Judge `material` (the conversation rendered as text). LLM errors propagate."""
        messages = self.prompt(material)
        raw: list[str] = []
        reason = ""
        for attempt in range(2):
            text = await self.llm.complete(messages, self.options)
            raw.append(text)
            try:
                return Judgment(scores=parse_scores(text, self.rubric), raw=raw)
            except JudgeParseError as err:
                reason = str(err)
                log.info("judge output unparseable (attempt %d): %s", attempt + 1, reason)
            messages = [
                *messages,
                ChatMessage(role="assistant", content=text),
                ChatMessage(role="user", content=RETRY_NOTE.format(reason=reason)),
            ]
        return Judgment(scores=None, raw=raw, error=f"unparseable after retry: {reason}")
