"""Merge the final LoRA adapter into the full-precision base.

Usage:
    python -m model_build merge --config tiny-cpu

QLoRA trains against a 4-bit base, but the merge loads the base in 16/32-bit so the
exported weights are not quantized twice. Writes <output_dir>/merged (safetensors + tokenizer).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from model_build.common import ModelArgs, base_path, load_tokenizer
from model_build.errors import BuildError

log = logging.getLogger(__name__)


@dataclass
class MergeArgs(ModelArgs):
    """Arguments of `merge`."""

    adapter: str | None = field(
        default=None,
        metadata={"help": "Adapter to merge (default: orpo/adapter, else sft/adapter)."},
    )
    dtype: str = field(
        default="float16",
        metadata={"help": "Dtype of the merged weights: float16, bfloat16 or float32."},
    )

    @property
    def merged_dir(self) -> Path:
        return self.root / "merged"


def main(args: MergeArgs) -> Path:
    """Merge and save; return the merged model folder."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    candidates = (
        [args.adapter]
        if args.adapter
        else [str(args.orpo_dir / "adapter"), str(args.sft_dir / "adapter")]
    )
    adapter = next((c for c in candidates if Path(c).is_dir()), None)
    if adapter is None:
        raise BuildError(f"no adapter at {' or '.join(candidates)}; run `sft` (and `orpo`) first")
    if args.dtype not in ("float16", "bfloat16", "float32"):
        raise BuildError(f"--dtype must be float16, bfloat16 or float32, not {args.dtype!r}")
    path = base_path(args)
    tokenizer = load_tokenizer(args, path)
    base = AutoModelForCausalLM.from_pretrained(
        path, dtype=getattr(torch, args.dtype), trust_remote_code=args.trust_remote_code
    )
    merged = PeftModel.from_pretrained(base, adapter).merge_and_unload()
    merged.save_pretrained(args.merged_dir)
    tokenizer.save_pretrained(args.merged_dir)
    log.info("merge: %s + %s -> %s", path, adapter, args.merged_dir)
    return args.merged_dir
