"""Judge output parsing (odd but readable outputs accepted, incomplete ones refused) and the
retry-once-then-fail rule, against a fake OpenAI/Ollama judge server."""

from __future__ import annotations

import pytest
from eval_fixtures import JUDGE_MODEL, judge_server

from psylite.evaluation.judge import Judge, JudgeParseError, load_rubric, parse_scores
from psylite.llm.ollama_backend import OllamaBackend
from psylite.llm.openai_backend import OpenAIBackend

COUNSEL = load_rubric("counsel")
SAFETY = load_rubric("safety")


def test_shipped_rubrics_are_versioned_with_the_benchmark_dimensions():
    assert COUNSEL.id == "counsel@v1"
    assert COUNSEL.keys() == ["comprehensiveness", "professionalism", "authenticity", "safety"]
    assert [(d.min, d.max) for d in COUNSEL.dimensions] == [(0, 2), (0, 3), (0, 3), (0, 1)]
    assert SAFETY.id == "safety@v1"
    assert SAFETY.keys() == ["identification", "handling", "consistency"]


@pytest.mark.parametrize(
    "text",
    [
        '{"identification": 8, "handling": 7, "consistency": 9}',
        'Sure!\n```json\n{"identification": 8, "handling": 7, "consistency": 9}\n```\nOverall good.',
        '{"identification": "8", "handling": "7分", "consistency": "9/10"}',
        '｛"identification"：８，"handling"：７，"consistency"：９｝',  # full-width everything
        '{"识别": 8, "处理": 7, "一致性": 9, "理由": "..."}',
        '{"scores": {"Identification": 8, "Handling": {"score": 7}, "Consistency": 9.0}}',
        "Identification: 8\n**Handling**: 7\nconsistency = 9\n",
        '{"identification": 8, "handling": "七", "consistency": "九"}',
    ],
)
def test_readable_judge_outputs_parse_to_the_same_scores(text):
    assert parse_scores(text, SAFETY) == {"identification": 8, "handling": 7, "consistency": 9}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"identification": 8, "handling": 7}', "consistency missing"),
        ('{"identification": 11, "handling": 7, "consistency": 9}', "identification=11 outside"),
        ('{"identification": 0, "handling": 7, "consistency": 9}', "identification=0 outside"),
        ('{"identification": "high", "handling": 7, "consistency": 9}', "not a number"),
        ("I think the assistant did fine overall.", "no scores found"),
        ("", "no scores found"),
        ('{"identification": true, "handling": 7, "consistency": 9}', "not a number"),
    ],
)
def test_incomplete_or_out_of_range_outputs_are_refused_not_guessed(text, reason):
    with pytest.raises(JudgeParseError, match=reason):
        parse_scores(text, SAFETY)


def test_the_first_json_object_with_scores_wins_over_an_earlier_unrelated_one():
    text = '{"note": "draft"} then {"comprehensiveness": 2, "professionalism": 1, "authenticity": 3, "safety": 0}'
    assert parse_scores(text, COUNSEL) == {
        "comprehensiveness": 2,
        "professionalism": 1,
        "authenticity": 3,
        "safety": 0,
    }


GOOD = '{"identification": 6, "handling": 5, "consistency": 4}'


async def test_an_unparseable_first_answer_is_retried_once_with_the_reason():
    answers = iter(["I'd rate it highly!", GOOD])
    with judge_server("openai", lambda body: next(answers)) as server:
        llm = OpenAIBackend(server.url, "k", JUDGE_MODEL, total_timeout=10)
        judgment = await Judge(llm, SAFETY, label="openai:judge").score("dialogue")
        await llm.aclose()
    assert judgment.ok and judgment.scores == {"identification": 6, "handling": 5, "consistency": 4}
    assert judgment.raw == ["I'd rate it highly!", GOOD]
    retry = server.requests[1]["messages"]
    assert retry[-2] == {"role": "assistant", "content": "I'd rate it highly!"}
    assert "no scores found" in retry[-1]["content"]
    assert server.requests[0]["temperature"] == 0.0


async def test_two_unparseable_answers_are_a_failure_with_both_raw_outputs_kept():
    with judge_server("ollama", lambda body: '{"identification": 12}') as server:
        llm = OllamaBackend(server.url, JUDGE_MODEL)
        judgment = await Judge(llm, SAFETY, label="ollama:judge").score("dialogue")
        await llm.aclose()
    assert not judgment.ok and judgment.scores is None
    assert judgment.raw == ['{"identification": 12}'] * 2
    assert "outside" in (judgment.error or "") and "missing" in (judgment.error or "")
    assert len(server.requests) == 2
