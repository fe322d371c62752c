"""The humor corpus: snippet records, JSONL reading and writing, validation.

The shipped corpus is `retrieval/humor_corpus.jsonl` (written by the project, no
published scripts). Operators add their own snippets with `psylite index add`;
those live next to the index, under the data dir, and pass the same checks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from retrieval.lint import lint_text
from retrieval.themes import THEMES

CORPUS_PATH = Path(__file__).with_name("humor_corpus.jsonl")

LANGUAGES = frozenset({"zh", "en"})
TONES = frozenset({"playful", "warm", "gentle", "wry", "self_deprecating"})
FORMS = frozenset({"dialogue", "guankou", "pun", "self_deprecation", "one_liner"})
MAX_LENGTH = 240  # characters; a snippet is a side dish, never the meal
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,63}$")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


class CorpusError(ValueError):
    """A snippet record is malformed or fails the content lint."""


@dataclass(frozen=True)
class Snippet:
    """One crosstalk-style line or exchange."""

    id: str
    text: str
    themes: tuple[str, ...]
    tone: str
    language: str
    length: int
    form: str = "one_liner"

    def to_dict(self) -> dict[str, object]:
        d = asdict(self)
        d["themes"] = list(self.themes)
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


def snippet_from_dict(raw: object, *, where: str = "record") -> Snippet:
    """Validate one raw record (schema + content lint); raise CorpusError saying what to fix."""
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: expected a JSON object")
    missing = [k for k in ("id", "text", "themes", "tone", "language") if k not in raw]
    if missing:
        raise CorpusError(f"{where}: missing field(s) {', '.join(missing)}")
    sid, text, themes = raw["id"], raw["text"], raw["themes"]
    tone, language = raw["tone"], raw["language"]
    form = raw.get("form", "one_liner")
    if not isinstance(sid, str) or not _ID_RE.match(sid):
        raise CorpusError(f"{where}: id must be 2-64 chars of a-z 0-9 _ . - (got {sid!r})")
    where = f"{where} ({sid})"
    if not isinstance(text, str) or not text.strip():
        raise CorpusError(f"{where}: text must be a non-empty string")
    text = text.strip()
    if len(text) > MAX_LENGTH:
        raise CorpusError(f"{where}: text is {len(text)} characters; keep it under {MAX_LENGTH}")
    if (
        not isinstance(themes, list)
        or not themes
        or not all(isinstance(t, str) and t in THEMES for t in themes)
    ):
        raise CorpusError(f"{where}: themes must be a non-empty list from {sorted(THEMES)}")
    if tone not in TONES:
        raise CorpusError(f"{where}: tone must be one of {sorted(TONES)}")
    if form not in FORMS:
        raise CorpusError(f"{where}: form must be one of {sorted(FORMS)}")
    if language not in LANGUAGES:
        raise CorpusError(f"{where}: language must be 'zh' or 'en'")
    if (language == "zh") != bool(_CJK_RE.search(text)):
        raise CorpusError(f"{where}: language {language!r} does not match the text")
    length = raw.get("length", len(text))
    if length != len(text):
        raise CorpusError(f"{where}: length is {length} but the text has {len(text)} characters")
    problems = lint_text(text)
    if problems:
        raise CorpusError(f"{where}: touches {'; '.join(str(p) for p in problems)}")
    return Snippet(
        id=sid,
        text=text,
        themes=tuple(dict.fromkeys(themes)),
        tone=tone,
        language=language,
        length=len(text),
        form=form,
    )


def iter_jsonl(path: Path) -> Iterator[tuple[int, object]]:
    """(line number, parsed object) for each non-blank line; CorpusError on bad JSON."""
    with path.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield no, json.loads(line)
            except json.JSONDecodeError as err:
                raise CorpusError(f"{path.name}:{no}: not valid JSON ({err.msg})") from None


def load_snippets(path: Path) -> list[Snippet]:
    """Read and validate a JSONL file; ids must be unique within it."""
    snippets: list[Snippet] = []
    seen: set[str] = set()
    for no, raw in iter_jsonl(path):
        snippet = snippet_from_dict(raw, where=f"{path.name}:{no}")
        if snippet.id in seen:
            raise CorpusError(f"{path.name}:{no}: duplicate id {snippet.id!r}")
        seen.add(snippet.id)
        snippets.append(snippet)
    return snippets


def write_snippets(path: Path, snippets: Iterable[Snippet]) -> None:
    """Write snippets as JSONL (atomically, so a crash never leaves half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for s in snippets:
            fh.write(s.to_json() + "\n")
    tmp.replace(path)
