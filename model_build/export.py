"""Export: merged model -> GGUF (llama.cpp's converter) -> q4_k_m (llama-cpp-python) -> check.

Usage:
    python -m model_build gguf --config tiny-cpu
    python -m model_build quantize --config tiny-cpu

The converter is the `convert_hf_to_gguf.py` of llama.cpp: from a checkout given with
--llama-cpp-dir, else from the llama-cpp-python source distribution of the installed
version (fetched once with `pip download`, unpacked under --cache-dir). Quantization uses
`llama_cpp.llama_model_quantize`, the same code as llama.cpp's `llama-quantize`.
"""

from __future__ import annotations

import ctypes
import logging
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model_build.common import write_json
from model_build.errors import BuildError

log = logging.getLogger(__name__)

_SDIST_PARTS = ("convert_hf_to_gguf.py", "conversion/", "gguf-py/")
QUANT_TYPES = {
    "q4_0": "LLAMA_FTYPE_MOSTLY_Q4_0",
    "q4_k_m": "LLAMA_FTYPE_MOSTLY_Q4_K_M",
    "q4_k_s": "LLAMA_FTYPE_MOSTLY_Q4_K_S",
    "q5_k_m": "LLAMA_FTYPE_MOSTLY_Q5_K_M",
    "q6_k": "LLAMA_FTYPE_MOSTLY_Q6_K",
    "q8_0": "LLAMA_FTYPE_MOSTLY_Q8_0",
}


@dataclass
class GGUFArgs:
    """Arguments of `gguf`."""

    output_dir: str = field(default="var/model_build/run", metadata={"help": "Recipe output root."})
    name: str = field(default="model", metadata={"help": "File stem of the GGUF files."})
    merged_dir: str | None = field(
        default=None, metadata={"help": "Merged Hugging Face model (default <output_dir>/merged)."}
    )
    outtype: str = field(
        default="f16", metadata={"help": "Converter output type: f32, f16, bf16 or q8_0."}
    )
    llama_cpp_dir: str | None = field(
        default=None, metadata={"help": "A llama.cpp checkout with convert_hf_to_gguf.py."}
    )
    cache_dir: str = field(
        default=str(Path.home() / ".cache" / "psylite" / "llama.cpp"),
        metadata={"help": "Where the converter from the llama-cpp-python sdist is unpacked."},
    )

    @property
    def gguf_dir(self) -> Path:
        return Path(self.output_dir) / "gguf"

    @property
    def out_file(self) -> Path:
        return self.gguf_dir / f"{self.name}-{self.outtype}.gguf"


@dataclass
class QuantizeArgs:
    """Arguments of `quantize`."""

    output_dir: str = field(default="var/model_build/run", metadata={"help": "Recipe output root."})
    name: str = field(default="model", metadata={"help": "File stem of the GGUF files."})
    quant: str = field(
        default="q4_k_m", metadata={"help": f"Quantization: {', '.join(QUANT_TYPES)}."}
    )
    source: str | None = field(
        default=None, metadata={"help": "Input GGUF (default <output_dir>/gguf/<name>-f16.gguf)."}
    )
    threads: int = field(default=0, metadata={"help": "Quantization threads (0: all cores)."})
    verify: bool = field(
        default=True,
        metadata={"help": "Load the result in llama-cpp-python and generate a few tokens."},
    )
    verify_prompt: str = field(
        default="你好，我最近有点焦虑。", metadata={"help": "User message of the check."}
    )
    verify_tokens: int = field(default=16, metadata={"help": "Tokens to generate in the check."})
    n_ctx: int = field(default=512, metadata={"help": "Context of the check."})

    @property
    def gguf_dir(self) -> Path:
        return Path(self.output_dir) / "gguf"

    @property
    def out_file(self) -> Path:
        return self.gguf_dir / f"{self.name}-{self.quant}.gguf"


def converter_script(args: GGUFArgs) -> Path:
    """convert_hf_to_gguf.py from a checkout or from the llama-cpp-python sdist (cached)."""
    if args.llama_cpp_dir:
        script = Path(args.llama_cpp_dir) / "convert_hf_to_gguf.py"
        if not script.is_file():
            raise BuildError(f"{script} not found; point --llama-cpp-dir at a llama.cpp checkout")
        return script
    try:
        from importlib.metadata import version

        ver = version("llama-cpp-python")
    except Exception as err:
        raise BuildError("llama-cpp-python is not installed; pass --llama-cpp-dir instead") from err
    target = Path(args.cache_dir) / ver
    script = target / "convert_hf_to_gguf.py"
    if script.is_file():
        return script
    log.info("fetching the llama-cpp-python %s source distribution for its GGUF converter", ver)
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-binary",
            ":all:",
            "--no-deps",
            f"llama-cpp-python=={ver}",
            "-d",
            tmp,
        ]
        done = subprocess.run(cmd, capture_output=True, text=True)
        sdists = list(Path(tmp).glob("*.tar.gz"))
        if done.returncode != 0 or not sdists:
            # pip's last line names the cause (no network, no such version); one line only.
            why = next(
                (line.strip() for line in reversed(done.stderr.splitlines()) if line.strip()),
                f"pip exited with {done.returncode}",
            )
            raise BuildError(
                f"could not download the llama-cpp-python {ver} source distribution for the GGUF "
                f"converter ({why[:200]}); check the network/PyPI access or pass --llama-cpp-dir "
                "with a llama.cpp checkout"
            )
        _extract_converter(sdists[0], target)
    return script


def _extract_converter(sdist: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    with tarfile.open(sdist) as tar:
        members = []
        for member in tar.getmembers():
            _, _, rest = member.name.partition("/vendor/llama.cpp/")
            if rest and rest.startswith(_SDIST_PARTS):
                member.name = rest
                members.append(member)
        tar.extractall(partial, members=members, filter="data")
    os.replace(partial, target)  # whole or nothing, so a broken download is not reused


def convert(args: GGUFArgs) -> Path:
    """Run llama.cpp's converter on the merged model."""
    merged = Path(args.merged_dir) if args.merged_dir else Path(args.output_dir) / "merged"
    if not (merged / "config.json").is_file():
        raise BuildError(f"no merged model at {merged}; run `merge` first")
    script = converter_script(args)
    args.gguf_dir.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        str(script),
        str(merged),
        "--outfile",
        str(args.out_file),
        "--outtype",
        args.outtype,
    ]
    started = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError(f"GGUF conversion failed: {done.stderr.strip().splitlines()[-1:]}")
    log.info(
        "gguf: %s (%.1f MB) in %.1f s",
        args.out_file,
        args.out_file.stat().st_size / 1e6,
        time.monotonic() - started,
    )
    return args.out_file


def quantize(args: QuantizeArgs) -> dict[str, Any]:
    """Quantize with llama.cpp and, by default, load the result and generate."""
    import llama_cpp

    if args.quant not in QUANT_TYPES:
        raise BuildError(
            f"unknown quantization {args.quant!r}; use one of {', '.join(QUANT_TYPES)}"
        )
    source = Path(args.source) if args.source else args.gguf_dir / f"{args.name}-f16.gguf"
    if not source.is_file():
        raise BuildError(f"{source} not found; run `gguf` first")
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = getattr(llama_cpp, QUANT_TYPES[args.quant])
    params.nthread = args.threads
    started = time.monotonic()
    rc = llama_cpp.llama_model_quantize(
        str(source).encode(), str(args.out_file).encode(), ctypes.byref(params)
    )
    if rc != 0 or not args.out_file.is_file():
        raise BuildError(f"llama.cpp could not quantize {source} to {args.quant} (code {rc})")
    report: dict[str, Any] = {
        "file": str(args.out_file),
        "quant": args.quant,
        "bytes": args.out_file.stat().st_size,
        "seconds": round(time.monotonic() - started, 2),
    }
    if args.verify:
        report["verify"] = verify(args.out_file, args.verify_prompt, args.verify_tokens, args.n_ctx)
    write_json(args.gguf_dir / f"{args.name}-{args.quant}.json", report)
    log.info("quantize: %s %.1f MB", args.out_file, report["bytes"] / 1e6)
    return report


def verify(path: Path, prompt: str, max_tokens: int, n_ctx: int) -> dict[str, Any]:
    """Load a GGUF and generate through its own embedded chat template."""
    from llama_cpp import Llama

    llm = Llama(model_path=str(path), n_ctx=n_ctx, verbose=False, seed=0)
    out = llm.create_chat_completion(
        messages=[{"role": "user", "content": prompt}], max_tokens=max_tokens, temperature=0.0
    )
    return {
        "completion_tokens": out["usage"]["completion_tokens"],
        "text": out["choices"][0]["message"]["content"],
        "file_type": llm.metadata.get("general.file_type"),
        "has_chat_template": "tokenizer.chat_template" in llm.metadata,
    }
