"""How much RAM a GGUF needs when our llama_cpp backend serves it with a given context.

Usage:
    psylite model footprint var/models/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf --ctx 4096

Everything comes from the GGUF header (read with `gguf.GGUFReader`, nothing is loaded):

- weights: the tensor data size. llama.cpp memory-maps the file on a CPU and reads every
  tensor while loading, so all of it becomes resident (as page cache shared with other
  processes mapping the same file, but counted in this process's RSS).
- KV cache: 2 (K and V) x n_layer x n_ctx x n_head_kv x head_dim x bytes per element
  (f16 by default). llama.cpp rounds n_ctx up to a multiple of 256 and zeroes the whole
  cache at start-up, so it is resident from the first moment.
- compute buffer: what llama.cpp touches while evaluating one micro-batch (n_ubatch =
  min(512, n_ctx) tokens) against a full context, without flash attention (off on CPU in
  the llama-cpp-python builds we use). The attention scores dominate: n_head x n_ubatch x
  n_ctx in f32, plus their f16 copy for the multiplication with the f16 V cache (6 bytes);
  the rest is per-token activations (4 bytes x n_ff for the MLP, 12 bytes x n_embd for
  the residual stream and Q/K/V). llama.cpp *reserves* more (it sizes the logits for all
  512 tokens of a batch), but llama-cpp-python asks for the last token's logits only, so
  that reservation stays virtual and never shows in RSS.
- repacked copies: on x86 with AVX2 (and ARM) llama.cpp copies Q4_0/Q4_K weight
  matrices into an interleaved layout for faster matmuls; the mmapped originals stay
  resident too, so those bytes count twice (597 MiB of the 1.5B demo GGUF, 28 MiB of the
  0.5B, none of SmolLM2's Q4_1).
- runtime: 6.5 MiB plus the vocabulary and tokenizer tables in llama.cpp and
  llama-cpp-python, about 320 bytes per vocabulary entry (measured: 21 MiB for SmolLM2's
  49k tokens, 53 MiB for Qwen2.5's 152k).

The total is the peak when a conversation fills the context; a short chat stays lower by
up to the compute buffer. tests/test_model_build_footprint.py checks the total against the
peak RSS of a real load that fills the context (VmHWM minus the baseline before loading).
"""

from __future__ import annotations

import functools
import json
import logging
import platform
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import click

from model_build.errors import BuildError

log = logging.getLogger(__name__)

MIB = 1024 * 1024
KV_TYPE_BYTES = {"f32": 4.0, "f16": 2.0, "bf16": 2.0, "q8_0": 34 / 32, "q4_0": 18 / 32}
N_UBATCH = 512  # llama-cpp-python's default n_batch (= n_ubatch)
CTX_PAD = 256  # llama.cpp rounds the context up to this
RUNTIME_BYTES = 6.5 * MIB  # libllama state, thread pool, sampler (measured)
RUNTIME_BYTES_PER_TOKEN = 320  # vocabulary/tokenizer tables, see the module docstring


@dataclass
class Footprint:
    """The estimate, in bytes, with the header values it came from."""

    file: str
    architecture: str
    n_ctx: int
    n_layer: int
    n_head: int
    n_head_kv: int
    head_dim_k: int
    head_dim_v: int
    n_embd: int
    n_ff: int
    n_vocab: int
    kv_type: str
    weights: int
    kv_cache: int
    compute: int
    runtime: int
    repacked: int = 0

    @property
    def total(self) -> int:
        return self.weights + self.repacked + self.kv_cache + self.compute + self.runtime

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "total": self.total}


def _field(reader: Any, key: str, default: Any = None) -> Any:
    field = reader.fields.get(key)
    if field is None:
        return default
    return field.contents()


def _per_layer_max(value: Any) -> int:
    # Some architectures store per-layer head counts as an array; the cache is sized per
    # layer, so sum would be exact, but llama.cpp allocates the max for uniform tensors.
    return int(max(value)) if isinstance(value, list) else int(value)


@functools.lru_cache(maxsize=8)
def _header(path: Path, _mtime_ns: int) -> dict[str, Any]:
    """The header values the estimate needs (GGUFReader parses every token: cache it)."""
    from gguf import GGMLQuantizationType, GGUFReader

    try:
        reader = GGUFReader(path)
    except (OSError, ValueError) as err:
        raise BuildError(f"cannot read {path} as GGUF ({err})") from None
    arch = _field(reader, "general.architecture")
    if not arch:
        raise BuildError(f"{path} has no general.architecture in its header")

    def need(key: str) -> Any:
        value = _field(reader, f"{arch}.{key}")
        if value is None:
            raise BuildError(f"{path}: the header lacks {arch}.{key}")
        return value

    n_embd = int(need("embedding_length"))
    n_head = _per_layer_max(need("attention.head_count"))
    tokens = reader.fields.get("tokenizer.ggml.tokens")
    return {
        "architecture": str(arch),
        "n_layer": int(need("block_count")),
        "n_embd": n_embd,
        "n_head": n_head,
        "n_head_kv": _per_layer_max(_field(reader, f"{arch}.attention.head_count_kv", n_head)),
        "head_dim_k": int(_field(reader, f"{arch}.attention.key_length", n_embd // n_head)),
        "head_dim_v": int(_field(reader, f"{arch}.attention.value_length", n_embd // n_head)),
        "n_ff": _per_layer_max(_field(reader, f"{arch}.feed_forward_length", 4 * n_embd)),
        "n_vocab": len(tokens.data) if tokens is not None else 0,
        "weights": sum(int(t.n_bytes) for t in reader.tensors),
        # llama.cpp's CPU backend copies Q4_0/Q4_K matrices (not the embedding lookup) with
        # a row count divisible by 8 into an interleaved layout (CPU_REPACK buffer); the
        # mmapped originals stay resident, so these bytes count twice.
        "repackable": sum(
            int(t.n_bytes)
            for t in reader.tensors
            if t.tensor_type in (GGMLQuantizationType.Q4_0, GGMLQuantizationType.Q4_K)
            and t.name != "token_embd.weight"
            and len(t.shape) == 2
            and int(t.shape[1]) % 8 == 0
        ),
    }


def cpu_repacks() -> bool:
    """Whether llama.cpp repacks weights on this CPU (x86 with AVX2, or ARM)."""
    machine = platform.machine().lower()
    if machine in ("aarch64", "arm64"):
        return True
    try:
        return " avx2" in Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return False


def estimate(
    path: Path,
    n_ctx: int,
    kv_type: str = "f16",
    n_batch: int = N_UBATCH,
    repack: bool | None = None,
) -> Footprint:
    """Estimate the resident memory of serving `path` with context `n_ctx`."""
    if kv_type not in KV_TYPE_BYTES:
        raise BuildError(
            f"unknown KV cache type {kv_type!r}; use one of {', '.join(KV_TYPE_BYTES)}"
        )
    if n_ctx < 1:
        raise BuildError("--ctx must be at least 1")
    try:
        h = _header(Path(path).resolve(), Path(path).stat().st_mtime_ns)
    except OSError as err:
        raise BuildError(f"cannot read {path} ({err.strerror})") from None
    n_layer, n_head, n_head_kv = h["n_layer"], h["n_head"], h["n_head_kv"]
    head_dim_k, head_dim_v, n_embd, n_ff = h["head_dim_k"], h["head_dim_v"], h["n_embd"], h["n_ff"]
    n_vocab, weights, arch = h["n_vocab"], h["weights"], h["architecture"]

    ctx = -(-n_ctx // CTX_PAD) * CTX_PAD
    n_ubatch = min(n_batch, ctx)
    kv = round(n_layer * ctx * n_head_kv * (head_dim_k + head_dim_v) * KV_TYPE_BYTES[kv_type])
    compute = n_ubatch * (6 * n_head * ctx + 4 * n_ff + 12 * n_embd)
    return Footprint(
        file=str(path),
        architecture=str(arch),
        n_ctx=ctx,
        n_layer=n_layer,
        n_head=n_head,
        n_head_kv=n_head_kv,
        head_dim_k=head_dim_k,
        head_dim_v=head_dim_v,
        n_embd=n_embd,
        n_ff=n_ff,
        n_vocab=n_vocab,
        kv_type=kv_type,
        weights=weights,
        kv_cache=kv,
        compute=compute,
        runtime=round(RUNTIME_BYTES + RUNTIME_BYTES_PER_TOKEN * n_vocab),
        repacked=h["repackable"] if (cpu_repacks() if repack is None else repack) else 0,
    )


def render(fp: Footprint) -> str:
    rows = [
        ("weights (tensor data)", fp.weights),
        ("repacked Q4_0/Q4_K copies (CPU)", fp.repacked),
        (
            f"KV cache ({fp.kv_type}: 2 x {fp.n_layer} layers x {fp.n_ctx} ctx x "
            f"{fp.n_head_kv} kv heads x {fp.head_dim_k} head dim)",
            fp.kv_cache,
        ),
        (f"compute buffer (context full, {min(N_UBATCH, fp.n_ctx)}-token batches)", fp.compute),
        (f"runtime (vocabulary of {fp.n_vocab} tokens)", fp.runtime),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [f"{Path(fp.file).name} ({fp.architecture}), n_ctx {fp.n_ctx}:"]
    lines += [f"  {label:<{width}}  {value / MIB:8.1f} MiB" for label, value in rows]
    lines.append(f"  {'total':<{width}}  {fp.total / MIB:8.1f} MiB ({fp.total / 1e9:.2f} GB)")
    return "\n".join(lines)


@click.command("footprint")
@click.argument("gguf_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ctx", "n_ctx", type=int, default=4096, show_default=True, help="Context length.")
@click.option(
    "--kv-type",
    type=click.Choice(sorted(KV_TYPE_BYTES)),
    default="f16",
    show_default=True,
    help="KV cache element type.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the estimate as JSON (bytes).")
def footprint_command(gguf_file: Path, n_ctx: int, kv_type: str, as_json: bool) -> None:
    """Print the RAM a GGUF needs: weights + KV cache + compute buffer + runtime."""
    if not gguf_file.is_file():
        raise BuildError(f"{gguf_file} does not exist")
    fp = estimate(gguf_file, n_ctx, kv_type)
    click.echo(json.dumps(fp.as_dict(), indent=2) if as_json else render(fp))
