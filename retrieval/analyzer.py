"""A Whoosh analyzer for mixed Chinese/English text: jieba search-mode cut, lowercase,
English stemming, zh+en stop words.

jieba's full dictionary (349k words) costs ~60 MB of RAM in every process that
tokenizes, which a bot on a small VPS cannot spare. We use a compact dictionary
instead: the words of jieba's own dict.txt with frequency >= COMPACT_MIN_FREQ
(~80k words, ~13 MB) plus the rarer ones that occur in our humor corpus (so its
topics are still cut as whole words), streamed into a cache file once; other
rare words are cut by jieba's HMM. It loads once per process, on first use, behind a lock, quietly.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import jieba
from whoosh.analysis import (
    Analyzer,
    LowercaseFilter,
    StemFilter,
    StopFilter,
    Token,
    Tokenizer,
)

jieba.setLogLevel(logging.WARNING)
logging.getLogger("jieba").setLevel(logging.WARNING)

_init_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None

COMPACT_MIN_FREQ = 20
# Part of the index fingerprint: an index cut with another dictionary is rebuilt.
DICTIONARY_ID = f"jieba-{jieba.__version__}-compact{COMPACT_MIN_FREQ}-corpus"


def _corpus_pieces(max_len: int = 8) -> set[str]:
    """Every 2..max_len-character substring of the shipped corpus (for a fast `in`)."""
    from retrieval.corpus import CORPUS_PATH

    text = CORPUS_PATH.read_text(encoding="utf-8")
    return {text[i : i + n] for n in range(2, max_len + 1) for i in range(len(text) - n + 1)}


def compact_dictionary() -> Path:
    """jieba's dict.txt without the rare words our corpus does not use, cached in a file."""
    from retrieval.corpus import CORPUS_PATH

    source = Path(jieba.__file__).with_name("dict.txt")
    key = f"{source.stat().st_size}-{CORPUS_PATH.stat().st_size}"
    dest = Path(tempfile.gettempdir()) / f"psylite-{DICTIONARY_ID}-{key}.txt"
    if not dest.exists():
        pieces = _corpus_pieces()
        tmp = dest.with_name(f"{dest.name}.{os.getpid()}.tmp")
        # Streamed line by line: reading the whole file would cost the memory we save.
        with source.open(encoding="utf-8") as fin, tmp.open("w", encoding="utf-8") as fout:
            for line in fin:
                parts = line.split()
                if len(parts) < 2 or not parts[1].isdigit():
                    continue
                if int(parts[1]) >= COMPACT_MIN_FREQ or parts[0] in pieces:
                    fout.write(line)
        os.replace(tmp, dest)
    return dest


# Words that carry no topic. Single characters are dropped separately (see below).
STOP_WORDS: frozenset[str] = frozenset(
    """
    我们 你们 他们 她们 它们 自己 什么 怎么 怎么办 为什么 这个 那个 这些 那些 这样 那样 这么 那么
    就是 还是 但是 因为 所以 如果 然后 可是 而且 或者 已经 一直 一下 一点 一些 有点 有些 真的 其实
    今天 昨天 明天 现在 最近 时候 感觉 觉得 知道 可以 不是 没有 不会 不能 还有 还在 一个 一样
    今年 每天 一天 好像 特别 非常 比较 总是 老是 又要 又是 是不是 有没有 有人 大家 东西 事情
    a an and are as at be been but by can could did do does for from had has have he her his how i if
    in into is it its just me my of on or our she so than that the their them then there they this to
    too up very was we were what when which who why will with would you your yours am im i'm it's
    don't can't really today yesterday tomorrow again still feel like got get go going
    """.split()
)


def init_jieba() -> jieba.Tokenizer:
    """The process's jieba tokenizer over the compact dictionary, loaded once, quietly."""
    global _tokenizer
    if _tokenizer is None:
        with _init_lock:
            if _tokenizer is None:
                tokenizer = jieba.Tokenizer(str(compact_dictionary()))
                tokenizer.initialize()
                _tokenizer = tokenizer
    return _tokenizer


def _is_word(piece: str) -> bool:
    # Drop whitespace and punctuation; keep letters, digits and CJK.
    return any(unicodedata.category(ch)[0] in "LN" for ch in piece)


def _is_single_cjk(piece: str) -> bool:
    # Single CJK characters (的, 了, 我, 吃...) match almost everything; search-mode
    # cutting already yields the multi-character words that carry the topic.
    return len(piece) == 1 and "\u4e00" <= piece <= "\u9fff"


class JiebaTokenizer(Tokenizer):
    """Tokenizes with `jieba.cut_for_search` (fine-grained: 上班族 -> 上班, 上班族)."""

    def __init__(self, keep_single_cjk: frozenset[str] = frozenset()) -> None:
        self.keep_single_cjk = keep_single_cjk

    def __eq__(self, other: object) -> bool:
        return isinstance(other, JiebaTokenizer) and self.keep_single_cjk == other.keep_single_cjk

    def __hash__(self) -> int:
        return hash(self.keep_single_cjk)

    def words(self, value: str) -> Iterator[str]:
        """The words of `value`: search-mode pieces, minus punctuation and filler characters."""
        for piece in init_jieba().cut_for_search(value):
            if not _is_word(piece):
                continue
            if _is_single_cjk(piece) and piece not in self.keep_single_cjk:
                continue
            yield piece
            # jieba glues a topic character to its intensifier (热得, 好冷, 风好);
            # the character alone is what matches the corpus.
            if len(piece) == 2 and (
                (piece[0] in self.keep_single_cjk and piece[1] in _GLUE_AFTER)
                or (piece[1] in self.keep_single_cjk and piece[0] in _GLUE_BEFORE)
            ):
                yield piece[0] if piece[0] in self.keep_single_cjk else piece[1]

    def __call__(  # type: ignore[override]
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        words = self.words(value) if tokenize else iter([value])
        cursor = 0
        for pos, word in enumerate(words, start_pos):
            t.text = word
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = word
            if positions:
                t.pos = pos
            if chars:
                # Search mode yields sub-words before the whole word, so offsets are
                # found rather than accumulated.
                found = value.find(word, max(0, cursor - 8))
                found = found if found >= 0 else cursor
                t.startchar = start_char + found
                t.endchar = t.startchar + len(word)
                cursor = found
            yield t


_GLUE_AFTER = frozenset("得了好着过死")
_GLUE_BEFORE = frozenset("好很太真超挺")


# Single characters that alone name a topic users write about.
TOPIC_CHARACTERS: frozenset[str] = frozenset("猫狗雨雪风伞冷热饿困睡吃书歌花茶")


def jieba_analyzer() -> Analyzer:
    """The analyzer used for both indexing and queries."""
    return (
        JiebaTokenizer(keep_single_cjk=TOPIC_CHARACTERS)
        | LowercaseFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1)
        | StemFilter(lang="en", cachesize=50000)
    )


_shared: Analyzer | None = None


def analyze(text: str) -> list[str]:
    """The index terms of `text`, in order, duplicates kept."""
    global _shared
    if _shared is None:  # one instance, so the stemmer's cache is shared by every query
        _shared = jieba_analyzer()
    return [t.text for t in _shared(text)]
