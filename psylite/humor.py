"""Crosstalk humor for the `humor` route: pick a fitting snippet, weave it into the reply.

The router decides *whether* this turn may be light (mood, risk, the pause after
distress); this module decides *which* snippet and enforces the per-user rules:
never the same snippet within the user's last ``no_repeat``, at most one snippet
every ``cooldown_turns`` turns, nothing when the user opted out.

Per-user history is plain data (`HumorHistory.to_dict` / `from_dict`), kept behind a
small `HistoryStore` interface so the store can persist it; the default keeps it in
memory for the process.
"""

from __future__ import annotations

import difflib
import logging
import random
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from retrieval.corpus import Snippet
from retrieval.index import Hit
from retrieval.lint import excluded_themes_in

log = logging.getLogger(__name__)

DEFAULT_COOLDOWN_TURNS = 4
DEFAULT_NO_REPEAT = 50


class SnippetSource(Protocol):
    """What the selector needs from the index (`retrieval.index.HumorIndex` is one)."""

    def search(
        self,
        text: str,
        *,
        lang: str | None = None,
        limit: int = 5,
        exclude_ids: Iterable[str] = (),
    ) -> list[Hit]: ...

    def fallback(
        self, *, lang: str, exclude_ids: Iterable[str] = (), rng: random.Random | None = None
    ) -> Snippet | None: ...


@dataclass
class HumorHistory:
    """One user's humor memory: recent snippet ids (oldest first) and the last humor turn."""

    recent_ids: list[str] = field(default_factory=list)
    last_turn: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {"recent_ids": list(self.recent_ids), "last_turn": self.last_turn}

    @classmethod
    def from_dict(cls, d: object) -> HumorHistory:
        """Rebuild from `to_dict()` output; malformed parts fall back to empty."""
        if not isinstance(d, dict):
            return cls()
        ids = d.get("recent_ids")
        recent = [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
        last = d.get("last_turn")
        return cls(recent, last if isinstance(last, int) and not isinstance(last, bool) else None)


class HistoryStore(Protocol):
    """Where per-user humor history lives (in memory by default; the store may persist it)."""

    def get(self, chat_id: int) -> HumorHistory | None: ...

    def put(self, chat_id: int, history: HumorHistory) -> None: ...


class InMemoryHistory:
    """Process-local history, bounded to the most recently active users."""

    def __init__(self, max_users: int = 100_000) -> None:
        self.max_users = max_users
        self._data: OrderedDict[int, HumorHistory] = OrderedDict()

    def get(self, chat_id: int) -> HumorHistory | None:
        return self._data.get(chat_id)

    def put(self, chat_id: int, history: HumorHistory) -> None:
        self._data[chat_id] = history
        self._data.move_to_end(chat_id)
        while len(self._data) > self.max_users:
            self._data.popitem(last=False)


class HumorSelector:
    """Picks at most one snippet for a humor turn, per-user rules enforced.

    `turn_no` must grow by one per user message within a chat (the router's
    `ConversationState.turns` is such a counter). If it goes backwards, the counter
    was reset (a new conversation) and the cooldown starts afresh; the no-repeat
    memory is kept.
    """

    def __init__(
        self,
        index: SnippetSource,
        *,
        cooldown_turns: int = DEFAULT_COOLDOWN_TURNS,
        no_repeat: int = DEFAULT_NO_REPEAT,
        history: HistoryStore | None = None,
        rng: random.Random | None = None,
    ) -> None:
        if cooldown_turns < 1:
            raise ValueError("cooldown_turns must be at least 1")
        if no_repeat < 0:
            raise ValueError("no_repeat must not be negative")
        self.index = index
        self.cooldown_turns = cooldown_turns
        self.no_repeat = no_repeat
        self.history: HistoryStore = history if history is not None else InMemoryHistory()
        self.rng = rng or random.Random()

    def pick(
        self, *, chat_id: int, text: str, lang: str, turn_no: int, opted_out: bool = False
    ) -> Snippet | None:
        """The snippet to weave into this turn's reply, or None (and nothing is recorded)."""
        if opted_out:
            return None
        lang = "zh" if lang.lower().startswith("zh") else "en"
        state = self.history.get(chat_id) or HumorHistory()
        if state.last_turn is not None:
            since = turn_no - state.last_turn
            if 0 <= since < self.cooldown_turns:
                log.debug("humor cooldown for chat %s: %d turn(s) since the last", chat_id, since)
                return None
        if excluded_themes_in(text):
            # The message itself touches a subject we never joke near; stay quiet.
            log.debug("humor skipped for chat %s: message touches an excluded theme", chat_id)
            return None
        recent = state.recent_ids[-self.no_repeat :] if self.no_repeat else []
        hits = self.index.search(text, lang=lang, limit=1, exclude_ids=recent)
        snippet = (
            hits[0].snippet
            if hits
            else self.index.fallback(lang=lang, exclude_ids=recent, rng=self.rng)
        )
        if snippet is None:
            return None
        state.recent_ids = [*recent, snippet.id][-self.no_repeat :] if self.no_repeat else []
        state.last_turn = turn_no
        self.history.put(chat_id, state)
        return snippet

    def export_state(self, chat_id: int) -> dict[str, object] | None:
        """This user's history as plain JSON-able data (None when there is none)."""
        state = self.history.get(chat_id)
        return state.to_dict() if state is not None else None

    def load_state(self, chat_id: int, data: object) -> None:
        """Install history saved by `export_state` (e.g. read from the store)."""
        self.history.put(chat_id, HumorHistory.from_dict(data))

    def forget(self, chat_id: int) -> None:
        """Drop this user's history (data deletion)."""
        self.history.put(chat_id, HumorHistory())


# --------------------------------------------------------------------------- weaving

_INSTRUCTION = {
    "zh": (
        "【可选的幽默素材，仅供参考】\n"
        "{text}\n"
        "使用规则：先认真回应用户说的事和感受，这永远是第一位的。只有当这段素材和话题自然贴合、"
        "语气也合适时，才在回复末尾轻轻带上一句（可以改写得更口语、更简短），不要解释笑点，"
        "不要拿用户开玩笑。如果不贴合，就完全不用它，也不要提到这段素材。"
    ),
    "en": (
        "[Optional light humor, for reference only]\n"
        "{text}\n"
        "How to use it: respond to what the user said and how they feel first; that always comes "
        "first. Only if this material fits the topic naturally and the mood is right, add one light "
        "line near the end (you may shorten or rephrase it). Do not explain the joke and never joke "
        "about the user. If it does not fit, leave it out entirely and do not mention it."
    ),
}

# Both separators name the joke in words the output guard recognises, so an appended
# snippet is dropped with the rest if risk rose after the humor decision.
SEPARATOR = {"zh": "—— 顺便送你一个小段子 ——", "en": "— and here's a joke for a small smile —"}


def weave_instruction(snippet: Snippet, lang: str) -> str:
    """Context for the LLM (a system message): the snippet, to use lightly and only if it fits."""
    key = "zh" if lang.lower().startswith("zh") else "en"
    return _INSTRUCTION[key].format(text=snippet.text)


def append_snippet(reply_text: str, snippet: Snippet, lang: str) -> str:
    """The reply with the snippet after it, on clearly separated lines (fallback weaving)."""
    key = "zh" if lang.lower().startswith("zh") else "en"
    body = reply_text.rstrip()
    tail = f"{SEPARATOR[key]}\n{snippet.text}"
    return f"{body}\n\n{tail}" if body else tail


_SPEAKER = re.compile(r"(?m)^\s*(?:甲|乙|[AB])\s*[:：]")
_NOT_WORD = re.compile(r"[^\w]+", re.UNICODE)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _units(text: str) -> list[str]:
    # Chinese compares characters, English compares words; punctuation and the
    # 甲/乙 (A/B) speaker labels never count as shared wording.
    text = _SPEAKER.sub(" ", text).lower()
    if _CJK.search(text):
        return [ch for ch in _NOT_WORD.sub("", text)]
    return [w for w in _NOT_WORD.sub(" ", text).split() if w]


def llm_used_snippet(reply: str, snippet: Snippet) -> bool:
    """True when the reply visibly reuses the snippet (quoted or lightly rephrased)."""
    ref, out = _units(snippet.text), _units(reply)
    if not ref or not out:
        return False
    zh = snippet.language == "zh"
    # A run of shared wording: 6 characters of Chinese or 4 English words.
    run = 6 if zh else 4
    match = difflib.SequenceMatcher(None, ref, out, autojunk=False).find_longest_match(
        0, len(ref), 0, len(out)
    )
    if match.size >= min(run, len(ref)):
        return True
    # Or much of the snippet's wording, reordered: share of its bigrams in the reply.
    ref_bi = {tuple(ref[i : i + 2]) for i in range(len(ref) - 1)}
    out_bi = {tuple(out[i : i + 2]) for i in range(len(out) - 1)}
    return bool(ref_bi) and len(ref_bi & out_bi) / len(ref_bi) >= 0.35
