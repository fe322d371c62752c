"""The Whoosh + jieba humor index: build, persistence, topic matching, growth."""

from __future__ import annotations

import time

import pytest
from humor_fixtures import humor_index_fixture, labeled_queries, make_snippet  # noqa: F401

from retrieval.analyzer import analyze
from retrieval.corpus import CorpusError
from retrieval.index import HumorIndex
from retrieval.lint import lint_text


def test_analyzer_cuts_chinese_for_search_lowercases_english_and_drops_fillers():
    assert analyze("上班族的早高峰") == ["上班", "上班族", "高峰"]
    assert analyze("My CAT Keeps Knocking cups") == ["cat", "keep", "knock", "cup"]
    assert "的" not in analyze("我的猫")
    assert "猫" in analyze("我的猫")  # a single character that names a topic stays
    assert "热" in analyze("热得不想出门")  # split off jieba's 热得


def test_index_builds_fast_persists_and_reopens_without_rebuilding(tmp_path):
    index_dir = tmp_path / "index"
    started = time.perf_counter()
    index = HumorIndex.open(index_dir)
    build_s = time.perf_counter() - started
    count = len(index)
    index.close()
    assert count >= 300
    assert build_s < 10
    assert not HumorIndex(index_dir).is_stale()
    stamp = (index_dir / "fingerprint").stat().st_mtime_ns
    reopened = HumorIndex.open(index_dir)
    try:
        assert len(reopened) == count
        assert (index_dir / "fingerprint").stat().st_mtime_ns == stamp  # not rebuilt
        assert reopened.search("加班", lang="zh")
    finally:
        reopened.close()


def test_index_is_rebuilt_when_its_files_are_missing(tmp_path):
    index_dir = tmp_path / "index"
    HumorIndex.open(index_dir).close()
    for f in (index_dir / "whoosh").iterdir():
        f.unlink()
    assert HumorIndex(index_dir).is_stale()
    index = HumorIndex.open(index_dir)
    try:
        assert len(index) >= 300 and index.search("猫", lang="zh")
    finally:
        index.close()


def test_top1_theme_accuracy_on_the_labeled_query_set(humor_index):
    queries = labeled_queries()
    assert len(queries) >= 80
    correct = 0
    misses = []
    for q in queries:
        hits = humor_index.search(q["query"], lang=q["lang"], limit=1)
        if hits and q["theme"] in hits[0].snippet.themes:
            correct += 1
        else:
            misses.append(q["query"])
    accuracy = correct / len(queries)
    print(f"\nhumor retrieval top-1 theme accuracy: {accuracy:.3f} ({correct}/{len(queries)})")
    assert accuracy >= 0.85, misses


def test_search_stays_in_the_requested_language(humor_index):
    assert all(h.snippet.language == "en" for h in humor_index.search("cat", lang="en", limit=10))
    assert all(h.snippet.language == "zh" for h in humor_index.search("猫", lang="zh", limit=10))


def test_traditional_chinese_queries_find_simplified_snippets(humor_index):
    hits = humor_index.search("老闆又叫我們開會", lang="zh", limit=3)
    assert hits and "work" in hits[0].snippet.themes


@pytest.mark.parametrize(
    "query",
    [
        "我的猫死了",
        "最近总是失眠还生病了",
        "我又胖了好几斤",
        "炒股亏钱了",
        "我不想活了",
        "my grandmother died",
        "I lost money on stocks",
        "my doctor says I'm sick",
    ],
)
def test_snippets_about_excluded_themes_are_never_returned(humor_index, query):
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in query) else "en"
    for hit in humor_index.search(query, lang=lang, limit=20):
        assert lint_text(hit.snippet.text) == [], hit.snippet.id


def test_excluded_ids_are_masked_out(humor_index):
    first = humor_index.search("加班", lang="zh", limit=3)
    masked = humor_index.search("加班", lang="zh", limit=3, exclude_ids=[first[0].snippet.id])
    assert first[0].snippet.id not in {h.snippet.id for h in masked}


def test_fallback_is_a_general_snippet_in_the_language_and_avoids_excluded_ids(humor_index):
    general = [s.id for s in humor_index.all() if "general" in s.themes and s.language == "zh"]
    snippet = humor_index.fallback(lang="zh", exclude_ids=general[1:])
    assert snippet is not None and snippet.id == general[0]
    # every general snippet used recently: any other snippet in the language will do
    other = humor_index.fallback(lang="zh", exclude_ids=general)
    assert other is not None and other.language == "zh" and other.id not in general


def test_add_merges_valid_snippets_and_rejects_clashing_ids(tmp_path):
    index = HumorIndex.open(tmp_path / "index")
    try:
        before = len(index)
        new = make_snippet(
            "op-kite-001",
            "甲：我放风筝特别稳。乙：怎么稳？甲：风筝在天上，我在树荫下。",
            ["weather", "hobbies"],
        )
        assert index.add([new]) == (1, 0)
        assert len(index) == before + 1
        assert index.search("放风筝", lang="zh", limit=1)[0].snippet.id == "op-kite-001"
        assert index.add([new]) == (0, 1)  # re-adding the same file is harmless
        changed = make_snippet(
            "op-kite-001", "甲：我放风筝。乙：然后呢？甲：风筝放我。", ["weather"]
        )
        with pytest.raises(CorpusError, match="already exists"):
            index.add([changed])
    finally:
        index.close()
    # the operator snippet survives a rebuild from the sources
    rebuilt = HumorIndex(tmp_path / "index")
    try:
        rebuilt.build()
        assert rebuilt.get("op-kite-001") is not None
    finally:
        rebuilt.close()
