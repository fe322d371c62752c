"""The rules' literal gate (psylite.safety.literals) skips only searches that cannot match:
each pattern's required literals are in every match, and the gated scan equals the full one."""

import json
import multiprocessing as mp
import random
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psylite.safety import rules
from psylite.safety.literals import grams, required
from psylite.safety.normalize import normalize

DATA = Path(__file__).parent / "data"
PATTERNS = (
    [r.pattern for r in rules.RULES]
    + [p for _name, p in rules.MASKS]
    + list(rules.THIRD_PARTY)
    + [rules.INFO_CONTEXT]
)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("abc", {"ab"}),
        ("(?:foo|b)ar", {"ar"}),  # the pair beats the branch with a single character in it
        (r"\bkill(?:s|ed)?\b", {"ki"}),
        ("x{0,3}y", {"y"}),
        ("[ab]c?", {"a", "b"}),
        ("(?:想死|不想活)", {"想死", "不想"}),
        (r"(?:a|bc)+", {"a", "bc"}),
        ("a?", None),  # may match the empty string
        ("(?i)abc", None),  # case-folded: the text's letters may differ
        ("(?i:ab)", None),
        ("[^a]", None),
        (r"\w+", None),
        (".", None),
        (r"(?<=x)", None),
        ("[a-z]", None),  # too wide a class to gate on
    ],
)
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    got = required(re.compile(pattern))
    assert (set(got) if got is not None else None) == expected


def test_grams_are_characters_and_pairs() -> None:
    assert grams("abc") == {"a", "b", "c", "ab", "bc"}
    assert grams("") == frozenset()


def test_nearly_every_router_pattern_is_gated() -> None:
    gated = sum(required(p) is not None for p in PATTERNS)
    assert gated >= 0.9 * len(PATTERNS)


def _check_matches(pattern: re.Pattern[str], req: frozenset[str]) -> None:
    @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
    @given(text=st.from_regex(pattern))
    def matches_contain_a_literal(text: str) -> None:
        m = pattern.search(text)
        if m is not None:
            assert not grams(m.group(0)).isdisjoint(req), (pattern.pattern[:80], m.group(0))

    matches_contain_a_literal()


def test_every_match_of_every_router_pattern_contains_a_required_literal() -> None:
    # Strings built to match each pattern (hypothesis reads the pattern): whatever part of
    # the string the search finds must contain one of the literals the gate relies on. One
    # hypothesis run per pattern: drawn all at once, a lookaround's filter fails too often.
    for pattern in PATTERNS:
        req = required(pattern)
        if req is not None:
            _check_matches(pattern, req)


_MASK_TABLES = ("_BENIGN_MASKS", "_OTHER_MASKS")


def _gates() -> list[object]:
    """The literal gate of every rule step and mask the scan runs (None: always searched)."""
    steps = [gate for table in rules._STEPS.values() for *_, gate in table]
    return steps + [gate for name in _MASK_TABLES for *_, gate in getattr(rules, name)]


def _ungate() -> None:
    """Every search runs (no literal gate). Only in a worker process: the change dies with it."""
    rules._STEPS = {
        key: tuple((r, w, s, None) for r, w, s, _ in steps) for key, steps in rules._STEPS.items()
    }
    for table in _MASK_TABLES:
        setattr(rules, table, tuple((n, p, None) for n, p, _ in getattr(rules, table)))


def _signature(sc: rules.Scan) -> tuple[object, ...]:
    hits = tuple((rule.name, span) for rule, span in sc.hits)
    return sc.masked, tuple(sc.masks), hits, sc.third_party, sc.info_context


def _stored_texts() -> list[str]:
    texts = []
    for path in sorted(DATA.glob("routing_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict) and isinstance(row.get("text"), str):
                texts.append(row["text"])
    return texts


def _full_scan(norms: list[str]) -> tuple[list[tuple[object, ...]], bool]:
    _ungate()
    return [_signature(rules.scan(n)) for n in norms], all(gate is None for gate in _gates())


def test_gated_scan_equals_the_full_scan() -> None:
    texts = _stored_texts()
    rng = random.Random(7)
    # messages as stored, and spliced (masks next to each other, rules across a seam)
    texts += [rng.choice(texts) + rng.choice(" ，\n") + rng.choice(texts) for _ in range(1500)]
    norms = [normalize(t) for t in texts]
    # the full scan in a forked worker beside the gated one here (~1 min each over ~94,000
    # messages); only the worker drops the gate
    with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork")) as pool:
        full_job = pool.submit(_full_scan, norms)
        gated = [_signature(rules.scan(n)) for n in norms]
        full, gate_was_off = full_job.result()
    assert gate_was_off and any(gate is not None for gate in _gates())
    differ = [n for n, a, b in zip(norms, gated, full, strict=True) if a != b]
    assert len(norms) > 10000 and differ == []


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab c死⟨⟩\n", max_size=30), name=st.sampled_from(["x", "hyperbole"]))
def test_grams_after_masking_are_covered(text: str, name: str) -> None:
    # the gate reads masked text through a superset of its grams, not the grams themselves
    out: list[tuple[str, str]] = []
    masked = rules._mask_spans(text, re.compile("a+b|死"), name, out)
    if out:
        assert grams(masked) <= rules._masked_grams(grams(text), name)
    else:
        assert masked == text
