"""The humor index: BM25F over snippet text and themes, with the jieba analyzer.

The text field is a Whoosh index (BM25 weighting). The themes field is scored with
the same BM25 term formula, in memory: each query word that belongs to a theme's
vocabulary (see `retrieval.themes`) adds ``THEMES_BOOST * idf(word)`` to every
snippet of that theme. A themes field inside Whoosh would match every snippet of a
theme (a fifth of the corpus for "work"), and scoring those postings made queries
ten times slower on a 10,000-snippet index; snippets sharing a theme set score
alike, so scoring the few hundred theme sets instead gives the same ranking.

Layout under the index dir (``settings.index_dir``)::

    whoosh/             the Whoosh segments (rebuilt atomically: built aside, then swapped in)
    humor_extra.jsonl   snippets operators added with `psylite index add`
    fingerprint         hash of the sources the segments were built from

`HumorIndex.open` builds the index when it is missing or its sources changed, so the
first use after an install or an upgrade of the corpus just works. Searching is
synchronous and takes well under a few milliseconds; callers in async code may call
it directly.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import zhconv
from whoosh import index as windex
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.query import Or, Term
from whoosh.scoring import BM25F

from retrieval.analyzer import DICTIONARY_ID, analyze, init_jieba, jieba_analyzer
from retrieval.corpus import CORPUS_PATH, CorpusError, Snippet, load_snippets, write_snippets
from retrieval.themes import FALLBACK_THEME, THEME_WORDS

log = logging.getLogger(__name__)

# Bump when the schema or the analyzer changes: existing indexes are then rebuilt.
INDEX_FORMAT = "humor-v2"
EXTRA_FILE = "humor_extra.jsonl"
THEMES_BOOST = 1.5  # a theme word says more about the topic than a word in a joke
MAX_QUERY_TERMS = 12  # long messages: the first words carry enough topic
RERANK = 8  # text hits re-scored with the themes field
# Only the rarest words go to Whoosh: they carry what the message is about, while
# common ones (下午, 工作) cost the most postings to score and are covered by themes.
MAX_TEXT_TERMS = 4
# A word in more than this share of the snippets says little about the topic (BM25 gives
# it almost no weight) yet costs the most to score: it is left to the themes.
MAX_TEXT_TERM_DF = 0.01
MIN_DF_CAP = 20  # small corpora: never drop a word seen in this few snippets
REFRESH_EVERY_S = 30.0


@dataclass(frozen=True)
class Hit:
    """One search result."""

    snippet: Snippet
    score: float


@dataclass(frozen=True)
class BuildStats:
    """What a build did."""

    snippets: int
    seconds: float


def _schema() -> Schema:
    analyzer = jieba_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        language=ID,
        text=TEXT(analyzer=analyzer),
        payload=STORED,
    )


def normalize_query(text: str) -> str:
    """Traditional to simplified Chinese, so 老闆 finds 老板."""
    return zhconv.convert(text, "zh-hans")


class HumorIndex:
    """A persisted, searchable humor corpus. Use `HumorIndex.open(index_dir)`."""

    def __init__(self, index_dir: Path, *, corpus_path: Path = CORPUS_PATH) -> None:
        self.index_dir = Path(index_dir)
        self.corpus_path = Path(corpus_path)
        self._ix: windex.Index | None = None
        self._searcher = None
        self._checked_at = 0.0
        self._fingerprint = ""
        self._by_id: dict[str, Snippet] = {}
        self._docnums_by_lang: dict[str, set[int]] = {}
        self._docnum_by_id: dict[str, int] = {}
        self._fallback: dict[str, list[Snippet]] = {}
        self._word_themes: dict[str, frozenset[str]] = {}
        self._word_idf: dict[str, float] = {}
        self._theme_sets: dict[str, dict[frozenset[str], list[Snippet]]] = {}
        self._sets_by_theme: dict[str, dict[str, list[frozenset[str]]]] = {}

    # --- paths -------------------------------------------------------------------
    @property
    def whoosh_dir(self) -> Path:
        return self.index_dir / "whoosh"

    @property
    def extra_path(self) -> Path:
        return self.index_dir / EXTRA_FILE

    @property
    def fingerprint_path(self) -> Path:
        return self.index_dir / "fingerprint"

    # --- lifecycle ---------------------------------------------------------------
    @classmethod
    def open(cls, index_dir: Path, *, corpus_path: Path = CORPUS_PATH) -> HumorIndex:
        """Open the index, building it first when it is missing or out of date."""
        index = cls(index_dir, corpus_path=corpus_path)
        if index.is_stale():
            log.info("humor index missing or out of date under %s; building", index.index_dir)
            index.build()
        else:
            index._load()
        return index

    def source_fingerprint(self) -> str:
        """Hash of everything the index is built from."""
        h = hashlib.sha256(INDEX_FORMAT.encode() + b"\0" + DICTIONARY_ID.encode())
        for path in (self.corpus_path, self.extra_path):
            h.update(b"\0" + path.name.encode() + b"\0")
            if path.exists():
                h.update(path.read_bytes())
        return h.hexdigest()

    def is_stale(self) -> bool:
        """True when there is no index or it was built from other sources."""
        if not windex.exists_in(str(self.whoosh_dir)) or not self.fingerprint_path.exists():
            return True
        return self.fingerprint_path.read_text().strip() != self.source_fingerprint()

    def sources(self) -> list[Snippet]:
        """The shipped corpus followed by operator snippets (validated)."""
        snippets = load_snippets(self.corpus_path)
        if self.extra_path.exists():
            extra = load_snippets(self.extra_path)
            clash = {s.id for s in snippets} & {s.id for s in extra}
            if clash:
                raise CorpusError(f"{self.extra_path}: ids already in the corpus: {sorted(clash)}")
            snippets += extra
        return snippets

    def build(self, snippets: Sequence[Snippet] | None = None) -> BuildStats:
        """(Re)build the Whoosh index from the sources (or from `snippets`) and open it."""
        started = time.perf_counter()
        init_jieba()
        if snippets is None:
            snippets = self.sources()
        fingerprint = self.source_fingerprint()
        self.index_dir.mkdir(parents=True, exist_ok=True)
        # Build aside and swap, so a process searching the old index never sees half a new one.
        tmp = self.index_dir / f"whoosh.building-{int(time.time() * 1000)}"
        tmp.mkdir()
        try:
            ix = windex.create_in(str(tmp), _schema())
            writer = ix.writer(limitmb=256)
            for s in snippets:
                writer.add_document(
                    id=s.id,
                    language=s.language,
                    text=s.text,
                    payload=s.to_json(),
                )
            writer.commit()
            ix.close()
            self.close()
            old = self.index_dir / f"whoosh.old-{int(time.time() * 1000)}"
            if self.whoosh_dir.exists():
                self.whoosh_dir.rename(old)
            tmp.rename(self.whoosh_dir)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        self.fingerprint_path.write_text(fingerprint + "\n")
        self._load()
        stats = BuildStats(len(snippets), time.perf_counter() - started)
        log.info("humor index built: %d snippets in %.2f s", stats.snippets, stats.seconds)
        return stats

    def _load(self) -> None:
        self.close()
        self._ix = windex.open_dir(str(self.whoosh_dir))
        self._searcher = self._ix.searcher(weighting=BM25F())
        self._fingerprint = (
            self.fingerprint_path.read_text().strip() if self.fingerprint_path.exists() else ""
        )
        self._checked_at = time.monotonic()
        self._by_id.clear()
        self._docnums_by_lang = {}
        self._docnum_by_id = {}
        reader = self._searcher.reader()
        for docnum, fields in reader.iter_docs():
            raw = json.loads(fields["payload"])
            snippet = Snippet(
                id=raw["id"],
                text=raw["text"],
                themes=tuple(raw["themes"]),
                tone=raw["tone"],
                language=raw["language"],
                length=raw["length"],
                form=raw.get("form", "one_liner"),
            )
            self._by_id[snippet.id] = snippet
            self._docnum_by_id[snippet.id] = docnum
            self._docnums_by_lang.setdefault(snippet.language, set()).add(docnum)
        self._fallback = {}
        self._theme_sets = {}
        for s in self._by_id.values():
            if FALLBACK_THEME in s.themes:
                self._fallback.setdefault(s.language, []).append(s)
            by_set = self._theme_sets.setdefault(s.language, {})
            by_set.setdefault(frozenset(s.themes), []).append(s)
        self._sets_by_theme = {}
        for lang, by_set in self._theme_sets.items():
            index = self._sets_by_theme.setdefault(lang, {})
            for themes in by_set:
                for theme in themes:
                    index.setdefault(theme, []).append(themes)
        self._load_theme_words()

    def _load_theme_words(self) -> None:
        # Theme vocabularies go through the same analyzer as queries (stemming, cutting).
        word_themes: dict[str, set[str]] = {}
        for theme, words in THEME_WORDS.items():
            for word in analyze(" ".join([theme, *words])):
                word_themes.setdefault(word, set()).add(theme)
        self._word_themes = {w: frozenset(t) for w, t in word_themes.items()}
        set_sizes: dict[frozenset[str], int] = {}
        for by_set in self._theme_sets.values():
            for themes, members in by_set.items():
                set_sizes[themes] = set_sizes.get(themes, 0) + len(members)
        n = max(1, len(self._by_id))
        self._word_idf = {}
        for word, themes in self._word_themes.items():
            df = sum(size for ts, size in set_sizes.items() if ts & themes)
            self._word_idf[word] = math.log(1 + (n - df + 0.5) / (df + 0.5))

    def _themes_score(self, themes: frozenset[str], words: list[str]) -> float:
        return THEMES_BOOST * sum(self._word_idf[w] for w in words if self._word_themes[w] & themes)

    def _maybe_refresh(self) -> None:
        # Another process (`psylite index build/add`) may have swapped the index in.
        now = time.monotonic()
        if now - self._checked_at < REFRESH_EVERY_S:
            return
        self._checked_at = now
        try:
            current = self.fingerprint_path.read_text().strip()
        except OSError:
            return
        if current != self._fingerprint and windex.exists_in(str(self.whoosh_dir)):
            log.info("humor index changed on disk; reopening")
            self._load()

    def close(self) -> None:
        """Release the searcher and index files."""
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None

    # --- reading -----------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, snippet_id: str) -> Snippet | None:
        """The snippet with this id, if indexed."""
        return self._by_id.get(snippet_id)

    def all(self) -> list[Snippet]:
        """Every indexed snippet."""
        return list(self._by_id.values())

    def search(
        self,
        text: str,
        *,
        lang: str | None = None,
        limit: int = 5,
        exclude_ids: Iterable[str] = (),
    ) -> list[Hit]:
        """Best-matching snippets for `text` (BM25F over text + themes), best first."""
        if self._searcher is None:
            raise RuntimeError("humor index is closed; use HumorIndex.open()")
        self._maybe_refresh()
        terms = list(dict.fromkeys(analyze(normalize_query(text))))[:MAX_QUERY_TERMS]
        if not terms:
            return []
        allowed = self._docnums_by_lang.get(lang, set()) if lang else None
        excluded = set(exclude_ids)
        mask = {self._docnum_by_id[i] for i in excluded if i in self._docnum_by_id}
        reader = self._searcher.reader()
        by_df = sorted((reader.doc_frequency("text", t), t) for t in terms)
        max_df = max(MIN_DF_CAP, int(MAX_TEXT_TERM_DF * reader.doc_count()))
        text_terms = [t for df, t in by_df if 0 < df <= max_df][:MAX_TEXT_TERMS]
        results = (
            self._searcher.search(
                Or([Term("text", t) for t in text_terms]),
                limit=max(limit, RERANK),
                filter=allowed,
                mask=mask or None,
            )
            if text_terms
            else []
        )
        theme_words = [t for t in terms if t in self._word_themes]
        scored: dict[str, tuple[float, Snippet]] = {}
        for r in results:
            s = self._by_id[r["id"]]
            bonus = self._themes_score(frozenset(s.themes), theme_words)
            scored[s.id] = (float(r.score) + bonus, s)
        if theme_words:
            # Snippets that match on the themes field alone, best theme sets first.
            detected = frozenset().union(*(self._word_themes[w] for w in theme_words))
            candidates: list[tuple[float, list[Snippet]]] = []
            for lng in [lang] if lang else list(self._theme_sets):
                sets = {
                    ts for th in detected for ts in self._sets_by_theme.get(lng, {}).get(th, ())
                }
                by_set = self._theme_sets[lng] if lng in self._theme_sets else {}
                candidates += [(self._themes_score(ts, theme_words), by_set[ts]) for ts in sets]
            candidates.sort(key=lambda g: g[0], reverse=True)
            taken = 0
            for score, members in candidates:
                if taken >= limit:
                    break
                for s in members:
                    if s.id not in excluded and s.id not in scored:
                        scored[s.id] = (score, s)
                        taken += 1
                        if taken >= limit:
                            break
        ranked = sorted(scored.values(), key=lambda x: x[0], reverse=True)[:limit]
        return [Hit(s, score) for score, s in ranked]

    def fallback(
        self, *, lang: str, exclude_ids: Iterable[str] = (), rng: random.Random | None = None
    ) -> Snippet | None:
        """A gentle, topic-free snippet in `lang` outside `exclude_ids`, chosen at random.

        When every general snippet was used recently, any snippet in `lang` will do.
        """
        excluded = set(exclude_ids)
        chooser = rng or random
        pool = [s for s in self._fallback.get(lang, []) if s.id not in excluded]
        if not pool:
            pool = [s for s in self._by_id.values() if s.language == lang and s.id not in excluded]
        return chooser.choice(pool) if pool else None

    # --- growing -----------------------------------------------------------------
    def add(self, snippets: Sequence[Snippet]) -> tuple[int, int]:
        """Merge operator snippets into the extra corpus and rebuild: (added, unchanged).

        A snippet whose id exists with identical content is skipped (re-adding a file is
        harmless); the same id with different content is an error.
        """
        existing = {s.id: s for s in self.sources()}
        new: list[Snippet] = []
        unchanged = 0
        for s in snippets:
            old = existing.get(s.id)
            if old is None:
                new.append(s)
                existing[s.id] = s
            elif old == s:
                unchanged += 1
            else:
                raise CorpusError(
                    f"id {s.id!r} already exists with different content; pick a new id"
                )
        if new:
            extra = load_snippets(self.extra_path) if self.extra_path.exists() else []
            write_snippets(self.extra_path, [*extra, *new])
            self.build()
        return len(new), unchanged
