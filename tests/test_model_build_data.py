"""model_build data: readers, the 10:3 mix, de-duplication, data card, recipe loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model_build import data
from model_build.config import load_args, read_config
from model_build.errors import BuildError

pytestmark = pytest.mark.train


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_mix_takes_exactly_ten_to_three_when_a_total_is_given(tmp_path: Path) -> None:
    card = data.main(data.MixArgs(output_dir=str(tmp_path), total=13, valid_fraction=0.0))
    assert card["mixed"] == {"distill": 10, "counsel": 3}
    sources = [r["source"] for r in _rows(tmp_path / "data" / "sft_train.jsonl")]
    assert sources.count("distill") == 10 and sources.count("counsel") == 3


def test_mix_without_total_uses_all_it_can_at_the_ratio(tmp_path: Path) -> None:
    card = data.main(data.MixArgs(output_dir=str(tmp_path)))
    n_a, n_b = card["mixed"]["distill"], card["mixed"]["counsel"]
    assert abs(n_a / n_b - 10 / 3) < 0.1
    assert n_a == card["available_after_filter"]["distill"]  # distill is the limiting side
    assert card["files"]["sft_train.jsonl"] + card["files"]["sft_valid.jsonl"] == n_a + n_b
    assert card["files"]["sft_valid.jsonl"] >= 1
    assert "| sft_train.jsonl |" in (tmp_path / "data" / "card.md").read_text(encoding="utf-8")


def test_mix_is_reproducible_with_the_same_seed_and_varies_with_another(tmp_path: Path) -> None:
    for name, seed in (("a", 1), ("b", 1), ("c", 2)):
        data.main(data.MixArgs(output_dir=str(tmp_path / name), seed=seed))
    read = lambda n: (tmp_path / n / "data" / "sft_train.jsonl").read_text(encoding="utf-8")  # noqa: E731
    assert read("a") == read("b")
    assert read("a") != read("c")


def test_mix_wants_more_than_available_fails_with_the_counts(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="lower --total"):
        data.main(data.MixArgs(output_dir=str(tmp_path), total=1000))


def test_mix_drops_exact_duplicates_and_length_outliers(tmp_path: Path) -> None:
    card = data.main(data.MixArgs(output_dir=str(tmp_path)))
    assert card["dropped"]["duplicates"] == 1  # the sample file repeats one row on purpose
    card = data.main(data.MixArgs(output_dir=str(tmp_path), max_chars=100))
    assert card["dropped"]["too_short_or_long"] > 0
    rows = _rows(tmp_path / "data" / "sft_train.jsonl")
    assert all(len(data.text_of(r["messages"])) <= 100 for r in rows)


def test_distill_reasoning_goes_inside_think_before_the_answer() -> None:
    (messages,) = data.read_distill(
        [{"instruction": "1+1?", "input": "", "reasoning": "one plus one", "answer": "2"}]
    )
    assert messages == [
        {"role": "user", "content": "1+1?"},
        {"role": "assistant", "content": "<think>\none plus one\n</think>\n\n2"},
    ]


def test_counselling_dialogues_in_all_three_layouts_become_alternating_turns() -> None:
    rows = data.load_records(str(data.SAMPLES_DIR / "cpsycound.jsonl"))
    layouts = {next(k for k in ("messages", "dialogue", "history") if k in r) for r in rows}
    assert layouts == {"messages", "dialogue", "history"}
    for messages in data.read_counsel(rows):
        assert [m["role"] for m in messages] == ["user", "assistant"] * (len(messages) // 2)
        assert all(m["content"].strip() for m in messages)
    text_dialogue = next(
        m for r, m in zip(rows, data.read_counsel(rows), strict=True) if "dialogue" in r
    )
    assert (
        text_dialogue[0]["content"].startswith("我总担心")
        and "<think>" in text_dialogue[1]["content"]
    )


def test_safety_pairs_prefer_the_safer_response_and_drop_both_unsafe() -> None:
    rows = data.load_records(str(data.SAMPLES_DIR / "safety_pairs.jsonl"))
    pairs = list(data.read_preferences(rows))
    assert len(pairs) == len(rows) - 1  # one pair has no safe response
    swapped = next(p for p, r in zip(pairs, rows, strict=False) if r["safer_response_id"] == 1)
    assert "can't help" in swapped["chosen"][0]["content"]
    assert all(
        p["prompt"][0]["role"] == "user" and p["chosen"][0]["role"] == "assistant" for p in pairs
    )


@pytest.mark.parametrize(
    ("reader", "row", "named"),
    [
        (data.read_distill, {"question_text": "hi"}, "answer/output"),
        (data.read_counsel, {"text": "hi"}, "messages, history/output or dialogue"),
        (data.read_preferences, {"prompt": "hi", "response_0": "a"}, "safer_response_id"),
    ],
)
def test_rows_with_the_wrong_fields_fail_naming_the_expected_ones(reader, row, named) -> None:
    with pytest.raises(BuildError, match=named):
        list(reader([row]))


def test_flags_override_the_recipe_which_overrides_defaults() -> None:
    args = load_args(data.MixArgs, "tiny-cpu", {"seed": 7, "output_dir": None}, "mix")
    assert args.seed == 7
    assert args.valid_fraction == read_config("tiny-cpu")["mix"]["valid_fraction"]
    assert args.output_dir == read_config("tiny-cpu")["output_dir"]
    assert args.max_chars == data.MixArgs().max_chars


def test_unknown_recipe_keys_and_names_are_refused() -> None:
    with pytest.raises(BuildError, match="not found"):
        read_config("no-such-recipe")
    with pytest.raises(BuildError, match="unknown keys"):
        load_args(data.MixArgs, "psylite-7b", {}, "sft")  # the sft section is not MixArgs
