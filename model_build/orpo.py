"""Stage 2: ORPO on safety preference pairs, continuing the SFT adapter.

Usage:
    python -m model_build orpo --config tiny-cpu
    accelerate launch -m model_build orpo --config psylite-7b

Loads the base (4-bit for QLoRA) with the SFT adapter as trainable weights, optimises the
ORPO loss (SFT loss + beta x odds-ratio term) and writes <output_dir>/orpo/adapter, plus
the chosen-over-rejected log-probability margin on the pairs before and after.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from typing import Any

from model_build.common import (
    ModelArgs,
    base_path,
    check_device,
    check_fields,
    last_checkpoint,
    load_base_model,
    load_tokenizer,
    loss_logger,
    plot_losses,
    read_losses,
    write_json,
)
from model_build.errors import BuildError
from model_build.sft import TrainArgs, trainer_kwargs

log = logging.getLogger(__name__)


@dataclass
class ORPOArgs(TrainArgs, ModelArgs):
    """Arguments of `orpo` (defaults: the PsyLite report's)."""

    beta: float = field(
        default=0.2, metadata={"help": "Weight of the odds-ratio term (lambda in the ORPO paper)."}
    )
    learning_rate: float = field(default=5e-6, metadata={"help": "Peak learning rate."})
    max_length: int = field(default=2048, metadata={"help": "Tokens of prompt + response."})
    gradient_accumulation_steps: int = field(
        default=64, metadata={"help": "Micro-batches per optimizer step."}
    )
    num_train_epochs: float = field(default=1.0, metadata={"help": "Epochs over the pairs."})
    sft_adapter: str | None = field(
        default=None,
        metadata={"help": "SFT adapter to continue (default <output_dir>/sft/adapter)."},
    )


def _avg_logprob(model: Any, tokenizer: Any, prompt: list, response: list) -> float:
    import torch

    prefix = tokenizer.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(prompt + response, tokenize=False)
    n_prefix = len(tokenizer(prefix, add_special_tokens=False).input_ids)
    ids = tokenizer(full, add_special_tokens=False, return_tensors="pt").input_ids.to(model.device)
    with torch.no_grad():
        logits = model(ids).logits[0, :-1].float()
    logp = torch.log_softmax(logits, -1).gather(1, ids[0, 1:, None])[:, 0]
    return float(logp[n_prefix - 1 :].mean())


def preference_margin(model: Any, tokenizer: Any, pairs: list[dict[str, Any]]) -> float:
    """Mean over pairs of avg log p(chosen) - avg log p(rejected), responses only."""
    was_training = model.training
    model.eval()
    margins = [
        _avg_logprob(model, tokenizer, p["prompt"], p["chosen"])
        - _avg_logprob(model, tokenizer, p["prompt"], p["rejected"])
        for p in pairs
    ]
    model.train(was_training)
    return sum(margins) / len(margins)


def main(args: ORPOArgs) -> dict[str, Any]:
    """Train on the pairs; return the metrics written to orpo/metrics.json."""
    check_device(args)
    import datasets
    from peft import PeftModel
    from trl.experimental.orpo import ORPOConfig, ORPOTrainer

    from model_build.data import read_jsonl

    rows = read_jsonl(args.data_dir / "pref_train.jsonl")
    check_fields(rows, ("prompt", "chosen", "rejected"), args.data_dir / "pref_train.jsonl")
    adapter = args.sft_adapter or str(args.sft_dir / "adapter")
    if not (args.sft_adapter or (args.sft_dir / "adapter").is_dir()):
        raise BuildError(f"SFT adapter {adapter} is missing; run `sft` first")
    path = base_path(args)
    tokenizer = load_tokenizer(args, path)
    model = PeftModel.from_pretrained(load_base_model(args, path), adapter, is_trainable=True)

    margin_before = preference_margin(model, tokenizer, rows)
    out = args.orpo_dir
    out.mkdir(parents=True, exist_ok=True)
    config = ORPOConfig(**trainer_kwargs(args, out), beta=args.beta, remove_unused_columns=False)
    trainer = ORPOTrainer(
        model=model,
        args=config,
        train_dataset=datasets.Dataset.from_list(rows),
        processing_class=tokenizer,
        callbacks=[loss_logger(out / "loss.csv")],
    )
    resume = last_checkpoint(out) if args.resume else None
    if resume is None:
        (out / "loss.csv").unlink(missing_ok=True)
    trainer.train(resume_from_checkpoint=resume)
    trainer.save_model(str(out / "adapter"))
    tokenizer.save_pretrained(str(out / "adapter"))
    margin_after = preference_margin(trainer.model, tokenizer, rows)
    losses = read_losses(out / "loss.csv")
    metrics = {
        "margin_before": margin_before,
        "margin_after": margin_after,
        "first_loss": losses[0],
        "last_loss": losses[-1],
        "steps": trainer.state.global_step,
        "args": asdict(args),
    }
    plot_losses(out / "loss.csv", "ORPO loss")
    write_json(out / "metrics.json", metrics)
    log.info("orpo: chosen-rejected margin %.3f -> %.3f", margin_before, margin_after)
    return metrics
