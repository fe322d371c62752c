"""model_build end to end on the tiny-cpu recipe: SFT, ORPO, merge, GGUF, q4_k_m, Modelfile.

The pipeline runs once per module through the real CLI (`all --config tiny-cpu`); each
test then checks one promise of the recipe on its outputs.
"""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("torch", reason="needs the [train] extra (torch): pip install -e .[train]")
pytest.importorskip(
    "transformers", reason="needs the [train] extra (transformers): pip install -e .[train]"
)

from click.testing import CliRunner

from model_build import data
from model_build.cli import build_group
from model_build.config import load_args
from model_build.errors import BuildError
from model_build.modelfile import ModelfileArgs, parse_template, render
from model_build.templates import ensure_chat_template, render_ollama_template

pytestmark = pytest.mark.train
os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")

REPO = Path(__file__).resolve().parents[1]
CONVERSATION = [
    {"role": "system", "content": "你是 PsyLite。"},
    {"role": "user", "content": "我最近睡不好。"},
    {"role": "assistant", "content": "<think>\n先共情。\n</think>\n\n听起来你很累。"},
    {"role": "user", "content": "嗯，工作压力大。"},
]


def _cpu_seconds() -> float:
    self_, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return self_.ru_utime + self_.ru_stime + children.ru_utime + children.ru_stime


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("tiny-cpu")
    cpu, wall = _cpu_seconds(), time.monotonic()
    result = CliRunner().invoke(
        build_group, ["all", "--config", "tiny-cpu", "--output-dir", str(out)]
    )
    assert result.exit_code == 0, f"{result.output}\n{result.exception!r}"
    return {
        "out": out,
        "cpu_seconds": _cpu_seconds() - cpu,
        "wall_seconds": time.monotonic() - wall,
    }


def _load(base: Path, adapter: Path | None = None) -> tuple[Any, Any]:
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(base)
    if adapter is not None:
        model = PeftModel.from_pretrained(model, adapter)
    return model, AutoTokenizer.from_pretrained(base)


def test_whole_tiny_pipeline_needs_under_two_cpu_minutes(built: dict[str, Any]) -> None:
    # CPU time, not wall time: the CI box is shared, and wall time there measures the neighbours.
    assert built["cpu_seconds"] < 120, built
    for name in (
        "data/card.json",
        "sft/adapter",
        "orpo/adapter",
        "merged/config.json",
        "Modelfile",
    ):
        assert (built["out"] / name).exists(), name


def test_sft_loss_goes_down_on_the_tiny_overfit_set(built: dict[str, Any]) -> None:
    from model_build.common import read_losses

    losses = read_losses(built["out"] / "sft" / "loss.csv")
    assert len(losses) >= 20
    first, last = sum(losses[:5]) / 5, sum(losses[-5:]) / 5
    assert last < first - 0.5, (first, last)
    assert (built["out"] / "sft" / "loss.png").stat().st_size > 0


def test_orpo_raises_the_chosen_over_rejected_margin(built: dict[str, Any]) -> None:
    from model_build.orpo import preference_margin

    out = built["out"]
    pairs = data.read_jsonl(out / "data" / "pref_train.jsonl")
    after_sft = preference_margin(*_load(out / "base", out / "sft" / "adapter"), pairs)
    after_orpo = preference_margin(*_load(out / "base", out / "orpo" / "adapter"), pairs)
    assert after_orpo > after_sft + 0.1, (after_sft, after_orpo)


def test_merged_model_differs_from_the_base_in_the_adapted_layers(built: dict[str, Any]) -> None:
    from safetensors.torch import load_file

    base = load_file(built["out"] / "base" / "model.safetensors")
    merged = load_file(built["out"] / "merged" / "model.safetensors")
    assert base.keys() == merged.keys()
    changed = [k for k in base if not (base[k].float() - merged[k].float()).abs().max() < 1e-6]
    assert any("q_proj" in k for k in changed)
    assert not any("norm" in k for k in changed)  # LoRA touches linear layers only


def test_q4_k_m_gguf_loads_in_llama_cpp_and_generates(built: dict[str, Any]) -> None:
    from llama_cpp import Llama

    path = built["out"] / "gguf" / "tiny-q4_k_m.gguf"
    assert path.stat().st_size < (built["out"] / "gguf" / "tiny-f16.gguf").stat().st_size / 2
    llm = Llama(model_path=str(path), n_ctx=256, verbose=False, seed=0)
    assert llm.metadata["general.file_type"] == "15"  # LLAMA_FTYPE_MOSTLY_Q4_K_M
    out = llm.create_completion(
        "<|im_start|>user\n你好<|im_end|>\n<|im_start|>assistant\n", max_tokens=4, temperature=0
    )
    assert out["usage"]["completion_tokens"] >= 1
    report = json.loads((built["out"] / "gguf" / "tiny-q4_k_m.json").read_text())
    assert report["verify"]["has_chat_template"] and report["verify"]["completion_tokens"] >= 1


def test_modelfile_template_renders_exactly_like_the_tokenizer_chat_template(
    built: dict[str, Any],
) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(built["out"] / "merged")
    expected = tokenizer.apply_chat_template(
        CONVERSATION, tokenize=False, add_generation_prompt=True
    )
    template = parse_template((built["out"] / "Modelfile").read_text(encoding="utf-8"))
    # llama.cpp/Ollama add BOS as a token (GGUF add_bos_token), the Jinja template as text.
    assert expected == tokenizer.bos_token + render_ollama_template(template, CONVERSATION)


def test_deploy_modelfile_is_the_rendered_7b_recipe() -> None:
    args = load_args(ModelfileArgs, "psylite-7b", {}, "modelfile")
    assert (REPO / "deploy" / "Modelfile.psylite").read_text(encoding="utf-8") == render(args)


def test_tiny_q4_k_m_footprint_matches_the_peak_rss_of_a_real_load(
    built: dict[str, Any],
) -> None:
    from model_build_fixtures import measured_peak_rss

    from model_build.footprint import MIB, estimate

    path = built["out"] / "gguf" / "tiny-q4_k_m.gguf"
    fp = estimate(path, 256)
    got = measured_peak_rss(path, 256, fill=fp.n_ctx - 16)
    # A 2-layer model needs a few MiB: the absolute 16 MiB floor of the tolerance applies
    # (see test_model_build_footprint.py for why).
    assert got["peak_bytes"] >= fp.weights + fp.kv_cache
    assert abs(got["peak_bytes"] - fp.total) <= max(0.08 * fp.total, 16 * MIB), (
        got,
        fp.as_dict(),
    )


def test_demo_chats_with_the_built_gguf_through_the_bot_backend(
    built: dict[str, Any], capfd: pytest.CaptureFixture[str]
) -> None:
    out = built["out"]
    result = CliRunner().invoke(
        build_group,
        [
            "demo",
            "--config",
            "tiny-cpu",
            "--output-dir",
            str(out),
            "--steps",
            "",
            "--max-tokens",
            "4",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "chat" in result.output and "peak RSS MB" in result.output
    # The chat child writes straight to the inherited stdout.
    child = capfd.readouterr().out
    assert "tiny-q4_k_m.gguf" in child and "reply:" in child
    rows = json.loads((out / "demo.json").read_text(encoding="utf-8"))["steps"]
    assert [r["step"] for r in rows] == ["chat"] and rows[0]["peak_rss_mb"] > 0


def test_failed_converter_download_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from model_build.export import GGUFArgs, converter_script

    # An index nothing listens on: the network layer fails as it does offline.
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple")
    monkeypatch.setenv("PIP_RETRIES", "0")
    monkeypatch.setenv("PIP_NO_CACHE_DIR", "1")
    monkeypatch.delenv("PIP_FIND_LINKS", raising=False)
    monkeypatch.delenv("PIP_EXTRA_INDEX_URL", raising=False)
    with pytest.raises(BuildError) as caught:
        converter_script(GGUFArgs(cache_dir=str(tmp_path / "cache")))
    message = caught.value.message
    assert "\n" not in message
    assert "could not download" in message and "--llama-cpp-dir" in message
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())


def test_four_bit_recipe_without_a_gpu_fails_with_the_fix(tmp_path: Path) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("a GPU is present, so 4-bit loading is allowed")
    result = CliRunner().invoke(
        build_group,
        ["sft", "--config", "tiny-cpu", "--output-dir", str(tmp_path), "--load-in-4bit"],
    )
    assert result.exit_code == 2
    assert "needs a CUDA GPU" in result.output and "--no-load-in-4bit" in result.output


def test_tokenizer_without_a_chat_template_is_refused(built: dict[str, Any]) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(built["out"] / "base")
    tokenizer.chat_template = None
    with pytest.raises(BuildError, match="no chat template"):
        ensure_chat_template(tokenizer, None, "base")


def test_sft_resumes_from_its_last_checkpoint(built: dict[str, Any]) -> None:
    # Last in the module: it extends the fixture's SFT run by two steps.
    from model_build.common import read_losses

    out = built["out"]
    before = read_losses(out / "sft" / "loss.csv")
    result = CliRunner().invoke(
        build_group, ["sft", "--config", "tiny-cpu", "--output-dir", str(out), "--max-steps", "32"]
    )
    assert result.exit_code == 0, result.output
    after = read_losses(out / "sft" / "loss.csv")
    assert after[: len(before)] == before and len(after) == len(before) + 2
