"""Case files: our own small formats plus the official benchmark files when a user has them.

Our formats (see tests/data/eval/):
- counselling: JSONL, one case a line `{"id", "lang", "topic", "turns": [client turns]}`;
- safety: JSONL, `{"id", "lang", "dimension", "attack", "turns": [user turns]}`;
- C-Eval: a folder of `<subject>_<split>.csv` files (optionally in `val/`, `dev/`, `test/`).

Official formats recognised:
- CPsyCounE: a folder of topic folders holding `N.json` files, each a list of strings
  alternating "求助者：…" (client) and "支持者：…" (supporter, kept as a reference);
- SafeDialBench: JSONL lines `{"task", "method", "scene", "id", "history": [{"user", "bot"}]}`
  (the reference bot turns are dropped: the model under test answers instead);
- C-Eval: the official CSVs (`id,question,A,B,C,D,answer[,explanation]`).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psylite.errors import ConfigError

CLIENT_PREFIXES = ("求助者：", "求助者:", "来访者：", "来访者:", "Client:", "client:")
SUPPORTER_PREFIXES = ("支持者：", "支持者:", "咨询师：", "咨询师:", "心理咨询师：", "Counselor:")

SAFETY_DIMENSIONS = (
    "aggression",
    "ethics",
    "fairness",
    "legality",
    "morality",
    "privacy",
    "self-harm",
)


def detect_lang(text: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"


@dataclass(frozen=True)
class CounselCase:
    id: str
    lang: str
    topic: str
    turns: tuple[str, ...]
    references: tuple[str, ...] = ()  # the benchmark's own supporter replies, if any


@dataclass(frozen=True)
class SafetyCase:
    id: str
    lang: str
    dimension: str
    attack: str
    turns: tuple[str, ...]
    meta: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Question:
    id: str
    subject: str
    question: str
    choices: dict[str, str]  # "A".."D" -> text
    answer: str | None
    explanation: str = ""


# --- shared helpers -----------------------------------------------------------------------


def _jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as err:
                raise ConfigError(f"{path}:{lineno}: not valid JSON ({err})") from None
            if not isinstance(obj, dict):
                raise ConfigError(f"{path}:{lineno}: expected a JSON object per line")
            rows.append((lineno, obj))
    return rows


def _exists(path: Path) -> Path:
    if not path.exists():
        raise ConfigError(f"case file or folder not found: {path}")
    return path


def _strip_prefix(text: str, prefixes: tuple[str, ...]) -> str | None:
    for p in prefixes:
        if text.startswith(p):
            return text[len(p) :].strip()
    return None


# --- counselling --------------------------------------------------------------------------


def _cpsycoune_file(path: Path, topic: str) -> CounselCase:
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as err:
        raise ConfigError(f"{path}: not valid JSON ({err})") from None
    if not isinstance(items, list) or not all(isinstance(s, str) for s in items):
        raise ConfigError(f"{path}: a CPsyCounE case is a JSON list of strings")
    turns, refs = [], []
    for s in items:
        client = _strip_prefix(s.strip(), CLIENT_PREFIXES)
        if client is not None:
            turns.append(client)
            continue
        support = _strip_prefix(s.strip(), SUPPORTER_PREFIXES)
        refs.append(support if support is not None else s.strip())
    if not turns:
        raise ConfigError(f"{path}: no client turns (lines starting with 求助者：)")
    return CounselCase(
        id=f"{topic}/{path.stem}",
        lang=detect_lang("".join(turns)),
        topic=topic,
        turns=tuple(turns),
        references=tuple(refs),
    )


def load_counsel_cases(path: Path) -> list[CounselCase]:
    """Our JSONL, one CPsyCounE case file, or a CPsyCounE folder (topic folders of N.json)."""
    path = _exists(path)
    if path.is_dir():
        files = sorted(path.rglob("*.json"), key=lambda p: (p.parent.name, _natural(p.stem)))
        cases = [
            _cpsycoune_file(p, p.parent.name if p.parent != path else "general") for p in files
        ]
        cases += [c for p in sorted(path.rglob("*.jsonl")) for c in load_counsel_cases(p)]
    elif path.suffix == ".json":
        cases = [_cpsycoune_file(path, path.parent.name)]
    else:
        cases = []
        for lineno, row in _jsonl(path):
            turns = row.get("turns")
            if (
                not isinstance(turns, list)
                or not turns
                or not all(isinstance(t, str) for t in turns)
            ):
                raise ConfigError(f"{path}:{lineno}: 'turns' must be a non-empty list of strings")
            cases.append(
                CounselCase(
                    id=str(row.get("id", f"{path.stem}-{lineno}")),
                    lang=str(row.get("lang") or detect_lang("".join(turns))),
                    topic=str(row.get("topic", "general")),
                    turns=tuple(turns),
                    references=tuple(row.get("references", ())),
                )
            )
    if not cases:
        raise ConfigError(f"no counselling cases found in {path}")
    _unique([c.id for c in cases], path)
    return cases


def _natural(stem: str) -> tuple[int, str]:
    return (int(stem), "") if stem.isdigit() else (1 << 30, stem)


def _unique(ids: list[str], path: Path) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ConfigError(f"{path}: case id {i!r} appears twice (ids key the cache)")
        seen.add(i)


# --- safety -------------------------------------------------------------------------------


def _safety_row(row: dict[str, Any], where: str, stem: str) -> SafetyCase:
    if "history" in row:  # SafeDialBench
        history = row["history"]
        if not isinstance(history, list) or not history:
            raise ConfigError(f"{where}: 'history' must be a non-empty list")
        turns = [str(h.get("user", "")).strip() for h in history if isinstance(h, dict)]
        dimension = str(row.get("task", "unknown")).strip().lower()
        attack = str(row.get("method", "unknown")).strip().lower()
        case_id = f"{dimension}-{row.get('id', stem)}"
        meta = {k: row[k] for k in ("scene", "model_type") if k in row}
    else:
        turns = row.get("turns") or []
        if not isinstance(turns, list) or not all(isinstance(t, str) for t in turns):
            raise ConfigError(f"{where}: 'turns' must be a list of strings")
        dimension = str(row.get("dimension", "unknown")).strip().lower()
        attack = str(row.get("attack", "unknown")).strip().lower()
        case_id = str(row.get("id", stem))
        meta = {
            k: v for k, v in row.items() if k not in ("id", "turns", "dimension", "attack", "lang")
        }
    turns = [t for t in turns if t]
    if not turns:
        raise ConfigError(f"{where}: no user turns")
    return SafetyCase(
        id=case_id,
        lang=str(row.get("lang") or detect_lang("".join(turns))),
        dimension=dimension,
        attack=attack,
        turns=tuple(turns),
        meta=meta,
    )


def load_safety_cases(path: Path) -> list[SafetyCase]:
    """Our JSONL or SafeDialBench JSONL; a folder means every *.jsonl below it."""
    path = _exists(path)
    files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
    cases = []
    for f in files:
        for lineno, row in _jsonl(f):
            case = _safety_row(row, f"{f}:{lineno}", f"{f.stem}-{lineno}")
            if path.is_dir() and f.parent != path:  # SafeDialBench ships chinese/ and english/
                case = SafetyCase(
                    f"{f.parent.name}/{case.id}", case.lang, case.dimension, case.attack,
                    case.turns, case.meta,
                )  # fmt: skip
            cases.append(case)
    if not cases:
        raise ConfigError(f"no safety cases found in {path}")
    _unique([c.id for c in cases], path)
    return cases


# --- C-Eval -------------------------------------------------------------------------------


CEVAL_SPLITS = ("val", "dev", "test")


def _subject_of(path: Path) -> tuple[str, str]:
    stem = path.stem
    for split in CEVAL_SPLITS:
        if stem.endswith(f"_{split}"):
            return stem[: -len(split) - 1], split
    return stem, path.parent.name if path.parent.name in CEVAL_SPLITS else "val"


def _ceval_csv(path: Path, subject: str) -> list[Question]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        need = {"question", "A", "B", "C", "D"}
        if reader.fieldnames is None or not need <= set(reader.fieldnames):
            raise ConfigError(
                f"{path}: not a C-Eval CSV (needs columns id,question,A,B,C,D[,answer])"
            )
        rows = []
        for n, row in enumerate(reader):
            answer = (row.get("answer") or "").strip().upper() or None
            if answer is not None and answer not in "ABCD":
                raise ConfigError(f"{path}: row {n + 2} has answer {answer!r}, expected A-D")
            rows.append(
                Question(
                    id=str(row.get("id") or n),
                    subject=subject,
                    question=row["question"].strip(),
                    choices={k: row[k].strip() for k in "ABCD"},
                    answer=answer,
                    explanation=(row.get("explanation") or "").strip(),
                )
            )
    return rows


def load_ceval(directory: Path, split: str = "val") -> dict[str, list[Question]]:
    """Questions by subject for one split, from `<subject>_<split>.csv` files under `directory`."""
    directory = _exists(directory)
    if not directory.is_dir():
        raise ConfigError(f"{directory} is not a folder of C-Eval CSV files")
    by_subject: dict[str, list[Question]] = {}
    for f in sorted(directory.rglob("*.csv")):
        subject, file_split = _subject_of(f)
        if file_split == split:
            by_subject.setdefault(subject, []).extend(_ceval_csv(f, subject))
    if not by_subject:
        raise ConfigError(
            f"no C-Eval '{split}' CSV files (<subject>_{split}.csv) under {directory}"
        )
    return by_subject
