"""The humor corpus: size, schema, variety, and the content lint that guards it."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from retrieval.corpus import CORPUS_PATH, CorpusError, load_snippets, snippet_from_dict
from retrieval.lint import EXCLUDED, excluded_themes_in, lint_text
from retrieval.themes import THEMES


@pytest.fixture(scope="module")
def corpus():
    return load_snippets(CORPUS_PATH)


def test_corpus_has_at_least_300_valid_snippets_with_unique_ids(corpus):
    assert len(corpus) >= 300
    assert len({s.id for s in corpus}) == len(corpus)


def test_every_corpus_line_carries_the_documented_fields():
    with CORPUS_PATH.open(encoding="utf-8") as fh:
        for line in fh:
            raw = json.loads(line)
            assert {"id", "text", "themes", "tone", "language", "length"} <= raw.keys()
            assert raw["length"] == len(raw["text"])


def test_corpus_passes_the_lint_line_by_line(corpus):
    flagged = {s.id: lint_text(s.text) for s in corpus if lint_text(s.text)}
    assert flagged == {}


def test_corpus_is_mostly_chinese_with_some_english_and_covers_everyday_themes(corpus):
    langs = Counter(s.language for s in corpus)
    assert langs["zh"] > langs["en"] >= 50
    themes = Counter(t for s in corpus for t in s.themes)
    for theme in ("work", "study", "family", "food", "sleep", "weather", "pets", "travel", "tech"):
        assert themes[theme] >= 20, theme
    assert themes["general"] >= 20  # the fallback pool
    forms = Counter(s.form for s in corpus)
    assert forms["dialogue"] >= 100 and forms["guankou"] >= 10 and forms["pun"] >= 20
    assert set(themes) <= THEMES


def test_no_near_duplicate_snippets(corpus):
    prefixes = Counter(s.text[:14] for s in corpus)
    assert [p for p, n in prefixes.items() if n > 1] == []


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("甲：我昨天差点笑死。乙：这么好笑？", "death"),
        ("他说这事要是办不成他就不想活了", "suicide"),
        ("I'd rather die than go to that meeting", "death"),
        ("甲：我感冒了。乙：多喝热水。", "illness"),
        ("My coworker is crazy about spreadsheets", "illness"),
        ("甲：你看我是不是又胖了？", "body and appearance"),
        ("Bald jokes never get old", "body and appearance"),
        ("春节回家一称，长了五斤", "weight"),
        ("I'm on a diet, so I only eat dessert", "weight"),
        ("我炒股亏钱了，只能吃泡面", "money loss"),
        ("My budget is broke, like me", "money loss"),
        ("考试前我去庙里烧香", "religion"),
        ("Oh my god, the printer works", "religion"),
        ("总统都没我忙", "politics"),
        ("The election of the office snack committee", "politics"),
        ("他写的字跟瞎子摸象一样", "disability"),
        ("That plan is a bit lame", "disability"),
    ],
)
def test_lint_rejects_each_excluded_theme_in_chinese_and_english(text, theme):
    rules = {p.rule for p in lint_text(text)}
    assert theme in rules
    assert theme in excluded_themes_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "甲：你真笨，这都不会。乙：……",
        "你这个废物，连饭都不会做",
        "You're such a loser for staying in",
        "Serves you right for forgetting the umbrella",
    ],
)
def test_lint_rejects_mocking_the_listener(text):
    assert any(p.rule == "mocking the listener" for p in lint_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "我真笨，又把钥匙忘在家里了",  # self-deprecation is fine
        "仿佛听见了下课铃",  # 仿佛 is not about religion
        "幸亏带了伞",  # 幸亏 is not about losing money
        "这一觉睡得真痛快",  # 痛快 is not about pain
        "它陪我去了三个城市，也算见过世面了",  # 见过世面 is not about death
        "I will illustrate the fill-in form",  # "ill" only as a whole word
    ],
)
def test_lint_allows_harmless_lookalikes(text):
    assert lint_text(text) == []


def test_every_excluded_theme_has_rules_in_both_languages():
    for theme, (zh, en) in EXCLUDED.items():
        assert zh and en, theme


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"themes": ["sports"]}, "themes"),
        ({"language": "en"}, "language"),
        ({"tone": "sarcastic"}, "tone"),
        ({"length": 3}, "length"),
        ({"id": "Bad Id!"}, "id"),
        ({"text": "甲：我胖了。"}, "body and appearance"),
        ({"text": "长" * 300}, "under"),
    ],
)
def test_invalid_records_are_rejected_with_a_reason(change, message):
    raw = {
        "id": "x-1",
        "text": "今天下雨了",
        "themes": ["weather"],
        "tone": "wry",
        "language": "zh",
        **change,
    }
    with pytest.raises(CorpusError, match=message):
        snippet_from_dict(raw)
