"""A tiny Llama-architecture model and a tokenizer trained on our sample data, for CI.

Nothing is downloaded: the tokenizer is a byte-fallback BPE (the Llama/InternLM2 kind,
so llama.cpp's converter reads it as a SentencePiece-style vocabulary) trained with
`tokenizers`, and the model is randomly initialised from a config. Hidden and MLP sizes
are multiples of 256 because K-quants (q4_k_m) quantize rows in blocks of 256.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from model_build.templates import INTERNLM2_CHAT_TEMPLATE

log = logging.getLogger(__name__)

SPECIAL_TOKENS = ["<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"]
THINK_TOKENS = ["<think>", "</think>"]
DEFAULTS: dict[str, Any] = {
    "vocab_size": 1024,
    "hidden_size": 256,
    "intermediate_size": 512,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "max_position_embeddings": 1024,
}


def train_tokenizer(texts: Iterable[str], vocab_size: int) -> Any:
    """A Llama-style byte-fallback BPE with the InternLM2 chat template."""
    from tokenizers import (
        AddedToken,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        trainers,
    )
    from transformers import PreTrainedTokenizerFast

    byte_tokens = [f"<0x{i:02X}>" for i in range(256)]
    trainer_tok = Tokenizer(models.BPE(unk_token="<unk>", byte_fallback=True))
    # Learn merges inside words only, like SentencePiece's split_by_whitespace.
    trainer_tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="first")
    trainer_tok.train_from_iterator(
        texts,
        trainers.BpeTrainer(
            vocab_size=vocab_size, special_tokens=SPECIAL_TOKENS + byte_tokens, show_progress=False
        ),
    )
    learned = json.loads(trainer_tok.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in learned["merges"]]
    # Rebuilt so that the byte tokens are plain vocabulary, not "added" specials (the trainer
    # adds everything in special_tokens as special, which would hide bytes when decoding).
    tok = Tokenizer(
        models.BPE(
            vocab=learned["vocab"],
            merges=merges,
            unk_token="<unk>",
            byte_fallback=True,
            fuse_unk=True,
        )
    )
    tok.normalizer = normalizers.Sequence([normalizers.Prepend("▁"), normalizers.Replace(" ", "▁")])
    tok.decoder = decoders.Sequence(
        [
            decoders.Replace("▁", " "),
            decoders.ByteFallback(),
            decoders.Fuse(),
            decoders.Strip(" ", 1, 0),
        ]
    )
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in SPECIAL_TOKENS])
    tok.add_tokens([AddedToken(t, special=False, normalized=False) for t in THINK_TOKENS])
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="<|im_end|>",
        unk_token="<unk>",
        pad_token="</s>",
        chat_template=INTERNLM2_CHAT_TEMPLATE,
    )


def is_built(out_dir: Path) -> bool:
    """Whether ``out_dir`` already holds a saved tiny base."""
    return (out_dir / "config.json").is_file() and (out_dir / "tokenizer.json").is_file()


def build_tiny_base(
    out_dir: Path, texts: Iterable[str], spec: dict[str, Any] | None, seed: int
) -> Path:
    """Train the tokenizer, initialise the model, save both to ``out_dir``; reuse if present."""
    if is_built(out_dir):
        return out_dir
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    spec = {**DEFAULTS, **(spec or {})}
    tokenizer = train_tokenizer(texts, spec.pop("vocab_size"))
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=False,
        **spec,
    )
    torch.manual_seed(seed)
    model = LlamaForCausalLM(config)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir)
    tokenizer.save_pretrained(out_dir)
    log.info(
        "tiny base: %d parameters, %d tokens -> %s", model.num_parameters(), len(tokenizer), out_dir
    )
    return out_dir
