"""A cheap gate in front of a regular expression: the short literals one of which every match
must contain, read from the compiled pattern once.

Most of the router's ~450 rules and ~120 masks cannot match a given message at all, yet each
search walks the whole text. `required(pattern)` finds, where it can prove one, a set of one-
and two-character strings such that every match contains at least one of them;
`grams(text)` is the set of a text's characters and character pairs. A pattern whose set is
disjoint from the text's grams cannot match, so its search is skipped — the outcome is the
same, only faster. Where nothing can be proven (lookarounds alone, wildcards, case-folding,
an optional element) `required` returns None and the pattern is always searched.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

#: a character class larger than this is not worth gating on
MAX_CLASS = 24

Req = frozenset[str] | None


def _cost(req: frozenset[str]) -> int:
    """Lower is more selective: fewer alternatives, and pairs rather than single characters."""
    return sum(1 if len(s) >= 2 else 6 for s in req)


def _best(options: list[frozenset[str]]) -> Req:
    return min(options, key=_cost) if options else None


def _node(op: Any, av: Any) -> Req:
    """What one parsed element requires (None: nothing provable)."""
    if op is C.LITERAL:
        return frozenset({chr(av)})
    if op is C.IN:
        chars: set[str] = set()
        for sub_op, sub_av in av:
            if sub_op is C.LITERAL:
                chars.add(chr(sub_av))
            elif sub_op is C.RANGE and sub_av[1] - sub_av[0] < MAX_CLASS:
                chars.update(chr(c) for c in range(sub_av[0], sub_av[1] + 1))
            else:  # NEGATE, CATEGORY, a wide range: anything may match
                return None
        return frozenset(chars) if 0 < len(chars) <= MAX_CLASS else None
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & (re.IGNORECASE | re.VERBOSE):
            return None
        return _seq(sub)
    if op is C.ATOMIC_GROUP:
        return _seq(av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _seq(sub) if low >= 1 else None
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            req = _seq(branch)
            if req is None:
                return None
            out |= req
        return frozenset(out)
    return None  # AT, ASSERT, ASSERT_NOT, ANY, NOT_LITERAL, GROUPREF, CATEGORY ...


def _seq(items: Any) -> Req:
    """A sequence requires what its most selective element requires; a run of literals
    requires its first two characters."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append(frozenset({run[:2]}))
            run = ""
        req = _node(op, av)
        if req is not None:
            options.append(frozenset(s[:2] for s in req))
    if run:
        options.append(frozenset({run[:2]}))
    return _best(options)


def required(pattern: re.Pattern[str]) -> Req:
    """One- and two-character strings one of which every match of `pattern` contains, or None
    where that cannot be proven (the pattern is then always searched)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = P.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser change in a later Python: no gate, the same result
        return None
    if parsed.state.flags & re.IGNORECASE:  # an inline (?i) at the start
        return None
    return _seq(parsed)


def grams(text: str) -> frozenset[str]:
    """The text's characters and pairs of adjacent characters."""
    return frozenset(text) | frozenset(text[i : i + 2] for i in range(len(text) - 1))
