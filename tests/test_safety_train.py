import dataclasses
import json
import logging
from pathlib import Path

import pytest
from safety_fixtures import DEV, load_jsonl

from psylite.evaluation.routing import evaluate, load_cases
from psylite.safety import Route, Router
from psylite.safety.classifier import (
    MODEL_PATH,
    CharNgramModel,
    load_default,
    load_model,
)
from psylite.safety.combine import COMBINED_CRISIS, FEATURES, PC_ONLY, PC_ONLY_BAR, logit
from psylite.safety.normalize import normalize
from psylite.safety.rules import scan
from psylite.safety.train import DATA_PATH, TrainArgs, fit, group, heldout, main, parse_args

# the shipped data trains in 6-7.5 min on two cores (52,876 examples since session 17)
pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> tuple[CharNgramModel, Path]:
    """One training run from the shipped data, shared by the tests that read it: six held-out
    fits for the combiner, two at a time, and the full fit (6-7.5 min on two cores)."""
    out = tmp_path_factory.mktemp("train") / "router.json.gz"
    return main(TrainArgs(out=out)), out


def test_classifier_rebuilt_from_training_data_meets_dev_targets(
    rebuilt: tuple[CharNgramModel, Path],
) -> None:
    _, out = rebuilt
    # small enough to ship in the package (2.2 MB with the NB-LR crisis reading, 4.7 MB since
    # the neighbour postings joined, 6.2 MiB since the writer sets did, 6.9 MiB in session 16,
    # 8.0 MiB in session 20 with 12,218 more writer lines: the postings grow with the training
    # messages)
    assert out.stat().st_size < 9 * 1024 * 1024
    report = evaluate(load_cases(DEV), Router(load_model(out)))
    m = report.metrics()
    assert m["crisis_recall"] >= 0.97 and m["refuse_recall"] >= 0.90
    assert m["false_crisis_rate"] <= 0.05 and m["humor_not_allowed"] == 0


def test_training_is_reproducible_and_matches_the_shipped_model(
    rebuilt: tuple[CharNgramModel, Path],
) -> None:
    model, out = rebuilt
    shipped = load_model(MODEL_PATH)
    assert load_model(out).to_payload() == model.to_payload()  # the file holds what was fitted
    assert model.vocabulary == shipped.vocabulary
    assert model.crisis_coef and model.crisis_coef == shipped.crisis_coef
    # the combiner too: it reads the rules, so a rule change needs a retrain to ship
    assert model.combiner is not None and shipped.combiner is not None
    assert model.combiner.coef == pytest.approx(shipped.combiner.coef, abs=1e-4)
    for text in ("我最近真的撑不下去了", "what a lovely day, we won the match!"):
        a, b = model.predict_proba(normalize(text)), shipped.predict_proba(normalize(text))
        assert all(abs(a[k] - b[k]) < 1e-4 for k in a)


def test_every_training_setting_has_a_command_line_flag() -> None:
    args = parse_args(
        ["--crisis-c", "2.5", "--word-min-df", "1", "--data", "a.jsonl", "b.jsonl", "--c", "8"]
    )
    assert (args.crisis_c, args.word_min_df, args.c) == (2.5, 1, 8.0)
    assert args.data == [Path("a.jsonl"), Path("b.jsonl")]
    assert (args.min_df, args.out) == (TrainArgs().min_df, TrainArgs().out)  # defaults kept


def test_training_data_is_separate_from_the_dev_set() -> None:
    train = {
        normalize(json.loads(line)["text"])
        for line in DATA_PATH.read_text(encoding="utf-8").splitlines()
    }
    dev = {normalize(c["text"]) for c in load_jsonl(DEV)}
    assert len(train) >= 1000
    assert not (train & dev) - {""}


def test_missing_model_falls_back_to_rules_with_a_warning(tmp_path: Path, caplog) -> None:
    with caplog.at_level(logging.WARNING):
        model = load_default(str(tmp_path / "nope.json.gz"))
    assert model is None and "rules only" in caplog.text
    assert Router(model).route("I want to kill myself").route is Route.CRISIS


def test_leave_one_writer_out_retrains_without_the_held_out_set(capsys) -> None:
    from psylite.safety.crossval import run

    report = run(TrainArgs(), sources=["holdout3"])
    printed = capsys.readouterr().out
    assert "holdout3:" in printed and "pooled:" in printed
    # every held-out message was routed once, by a model that never saw it
    assert len(report.crisis_cases) + len(report.refuse_cases) + len(report.benign_cases) == 108
    assert report.crisis_recall >= 0.8


def test_crisis_reading_is_blended_into_the_four_probabilities() -> None:
    shipped = load_model(MODEL_PATH)
    payload = shipped.to_payload()
    for key in ("crisis_coef", "crisis_word_coef", "crisis_intercept", "crisis_blend"):
        del payload[key]  # a model file written before the NB-LR reading existed
    plain = CharNgramModel.from_payload(payload)
    assert not plain.crisis_coef
    moved = 0
    for text in ("我最近真的撑不下去了", "I wrote my goodbye letters", "周末去爬山 好开心", "hi"):
        p, q = shipped.predict_proba(normalize(text)), plain.predict_proba(normalize(text))
        assert abs(sum(p.values()) - 1.0) < 1e-9 and min(p.values()) >= 0.0
        assert p["refuse"] == pytest.approx(q["refuse"])  # the request reading is kept
        assert p["humor"] * q["counsel"] == pytest.approx(q["humor"] * p["counsel"])
        moved += abs(p["crisis"] - q["crisis"]) > 1e-3
    assert moved >= 2


def test_neighbour_vote_is_the_crisis_share_of_messages_sharing_rare_words() -> None:
    texts = [
        "i counted the pills in the drawer tonight",
        "pills counted, letter written, drawer open",
        "the garden tomatoes are finally red",
        "red tomatoes from the garden for dinner",
        "exam tomorrow and i feel tired",
        "tired after the exam, going to sleep",
        "how do i get into my ex's email account",
    ]
    labels = ["crisis", "crisis", "humor", "humor", "counsel", "counsel", "refuse"]
    model = fit([normalize(t) for t in texts], labels, TrainArgs(min_df=1, word_min_df=1))
    model = CharNgramModel.from_payload(model.to_payload())  # the file keeps the postings

    def vote(text: str) -> float | None:
        return model.neighbour_vote(normalize(text))

    assert vote("pills drawer") == pytest.approx(1.0)
    assert vote("garden tomatoes") == pytest.approx(0.0)
    assert vote("pills garden") == pytest.approx(0.5, abs=0.2)  # both kinds of neighbour
    assert vote("zzz qqq") is None  # no training message shares a word: no vote
    assert dataclasses.replace(model, nn_indptr=None).neighbour_vote("pills drawer") is None


def test_held_out_folds_keep_writers_and_their_rewrites_apart() -> None:
    rows = [
        {"text": t, "label": y, "source": s}
        for t, y, s in [
            ("i counted the pills in the drawer tonight", "crisis", "ann"),
            ("the garden tomatoes are finally red", "humor", "ann"),
            ("pills counted, letter written, drawer open", "crisis", "rw:ann"),
            ("exam tomorrow and i feel tired", "counsel", "bob"),
            ("tired after the exam, going to sleep", "counsel", "bob"),
            ("everything is packed, the note is on the desk", "crisis", "cy"),
            ("red tomatoes from the garden for dinner", "humor", "cy"),
        ]
    ] + [  # rows without a writer: always trained on (every fold sees every label)
        {"text": "how do i get into my ex's email account", "label": "refuse"},
        {"text": "i wrote the letters and hid the pills", "label": "crisis"},
        {"text": "work was long and i feel tired", "label": "counsel"},
        {"text": "we won the match, best day", "label": "humor"},
    ]
    args = TrainArgs(min_df=1, word_min_df=1, folds=3, jobs=1)
    folds = heldout(rows, args)
    assert [f.k for f in folds] == [0, 1, 2]
    scored = [r for f in folds for r in f.held]
    # every writer's own messages are scored exactly once; rewrites and rows without a
    # writer never are (they are only trained on)
    assert sorted(r["text"] for r in scored) == sorted(
        r["text"] for r in rows if r.get("source") in ("ann", "bob", "cy")
    )
    for f in folds:
        assert {group(r, 3) for r in f.held} <= {f.k}
        assert len(f.features) == len(f.crisis) <= len(f.held)
        assert all(len(x) == len(FEATURES) for x in f.features)


def test_combined_reading_reads_the_vote_and_context_only_where_they_can_matter(
    rebuilt: tuple[CharNgramModel, Path],
) -> None:
    # The router skips the neighbour vote and the everyday-context search when they cannot
    # change the outcome; the outcome must be the one all features read together give.
    model, _ = rebuilt
    assert model.combiner is not None
    router = Router(model)
    texts = [c["text"] for c in load_jsonl(DEV)] + [
        "flying to paris tomorrow, won't be here for a while",
        "我在顶楼往下看，夜景好美",
    ]
    decided = 0
    for text in texts:
        x = router.crisis_features(text)
        if x is None:
            continue
        decided += 1
        norm = normalize(text)
        full = model.combiner.score(x) >= logit(COMBINED_CRISIS)
        lazy = router._combined_crisis(norm, scan(norm), router._predict(norm)) is not None
        assert lazy == full, text
    assert decided >= 150


def test_combiner_file_round_trip_and_the_fallback_without_one() -> None:
    shipped = load_model(MODEL_PATH)
    assert shipped.combiner is not None
    payload = shipped.to_payload()
    again = CharNgramModel.from_payload(payload)
    assert again.combiner == shipped.combiner
    payload["combiner"] = {**payload["combiner"], "features": ["model_crisis"]}
    with pytest.raises(ValueError, match="other features"):
        CharNgramModel.from_payload(payload)
    # without a combiner the crisis probability alone decides, at PC_ONLY_BAR
    for p in (0.3, 0.54, 0.56, 0.9):
        x = [logit(p) if n == "model_crisis" else 0.0 for n in FEATURES]
        assert (PC_ONLY.score(x) >= logit(COMBINED_CRISIS)) == (p >= PC_ONLY_BAR)
