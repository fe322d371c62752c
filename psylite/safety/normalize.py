"""Text normalization before routing: what users type becomes one comparable form.

NFKC (full-width → ASCII), zero-width and control characters dropped, case folded,
traditional → simplified Chinese, spaced-out characters joined (「我 不 想 活」,
"k i l l"), leetspeak decoded inside words ("k1ll mys3lf"), long character runs
shortened and very long input cut to a head and a tail; finally slang, Cantonese,
pinyin and emoji forms are rewritten by `lexicon` (「想zs」→「想自杀」, 🪢 → 绳子).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from psylite.safety import lexicon

# Long messages: rules read the head and the tail, where intent is usually stated;
# this bounds the cost of a 100 kB paste.
MAX_CHARS = 2000
_HEAD = 1200
_TAIL = 800

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
# Separators people put between single characters to dodge filters.
_SEP = r"[\s\.\*\-_~·•/\\|+]+"
_SPACED_CJK = re.compile(f"(?<=[{_CJK}]){_SEP}(?=[{_CJK}])")
# single letters separated by 1-3 separators; 2+ spaces mark the word breaks ("i w a n t  t o  d i e")
_SPACED_LATIN = re.compile(r"(?<![a-z0-9])(?:[a-z0-9][ .*_\-]{1,3}){2,}[a-z0-9](?![a-z0-9])")
_INWORD_BANG = re.compile(r"(?<=[a-z])[!|](?=[a-z])")
_RUN = re.compile(r"(.)\1{3,}", re.DOTALL)
_WS = re.compile(r"\s+")
_LEET_WORD = re.compile(r"[a-z0-9@$]*[a-z][a-z0-9@$]*")
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"}


def has_cjk(text: str) -> bool:
    """True when the text contains a CJK ideograph."""
    return _CJK_RE.search(text) is not None


def detect_lang(text: str) -> str:
    """'zh' when CJK ideographs are present, else 'en' (other scripts fall back to en)."""
    return "zh" if has_cjk(text) else "en"


def _strip_invisible(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ZERO_WIDTH:
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc" and ch not in "\n\t":
            out.append(" ")
        elif cat in ("Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def _join_spaced_latin(match: re.Match[str]) -> str:
    words = re.split(r"\s{2,}", match.group(0))
    return " ".join(re.sub(r"[ .*_\-]", "", w) for w in words)


# a number with its ordinal ending or unit ("7th", "21st", "500mg", "16yo"): not leetspeak
_NUMBER_WORD = re.compile(r"\d+(?:st|nd|rd|th|mg|mcg|ml|kg|km|cm|mm|lbs?|hrs?|mins?|yo|yrs?)")


def _deleet(match: re.Match[str]) -> str:
    word = match.group(0)
    # Only words that mix letters and leet symbols: "988", "2am" and "b2b" stay readable.
    if _NUMBER_WORD.fullmatch(word):
        return word
    if any(c.isdigit() or c in "@$" for c in word) and sum(c.isalpha() for c in word) >= 2:
        return word.translate(_LEET)
    return word


@lru_cache(maxsize=1)
def _zhconv():  # imported lazily: zhconv loads its dictionary on first use
    import zhconv

    return zhconv


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (no-op for text without CJK)."""
    if not has_cjk(text):
        return text
    try:
        return _zhconv().convert(text, "zh-cn")
    except Exception:  # a conversion bug must never break routing
        return text


def clip(text: str) -> str:
    """Keep head and tail of very long input."""
    if len(text) <= MAX_CHARS:
        return text
    return text[:_HEAD] + " … " + text[-_TAIL:]


def normalize(text: str) -> str:
    """The canonical form the rules and the classifier see."""
    if not isinstance(text, str):
        text = str(text)
    text = clip(text)
    text = _strip_invisible(text)
    text = unicodedata.normalize("NFKC", text)
    text = _strip_invisible(text)  # NFKC can expose new format characters
    text = text.casefold()
    text = to_simplified(text)
    text = _RUN.sub(lambda m: m.group(1) * 3, text)
    text = _SPACED_CJK.sub("", text)
    text = _SPACED_LATIN.sub(_join_spaced_latin, text)
    text = _INWORD_BANG.sub("i", text)
    text = _LEET_WORD.sub(_deleet, text)
    text = lexicon.apply(text, has_cjk(text))
    return _WS.sub(" ", text).strip()
