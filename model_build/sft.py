"""Stage 1: supervised fine-tuning with (Q)LoRA on the 10:3 mix.

Usage:
    python -m model_build sft --config tiny-cpu
    python -m model_build sft --config psylite-7b --max-steps 100
    accelerate launch -m model_build sft --config psylite-7b     # several GPUs

Writes <output_dir>/sft/adapter (LoRA weights + tokenizer), checkpoints for resuming,
loss.csv / loss.png and metrics.json.
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

log = logging.getLogger(__name__)


@dataclass
class LoraArgs:
    lora_r: int = field(default=64, metadata={"help": "LoRA rank."})
    lora_alpha: int = field(default=16, metadata={"help": "LoRA alpha (scaling = alpha / r)."})
    lora_dropout: float = field(default=0.1, metadata={"help": "Dropout on the LoRA branch."})
    target_modules: str = field(
        default="all-linear",
        metadata={"help": "Modules that get adapters (`all-linear` or comma-separated names)."},
    )


@dataclass
class TrainArgs:
    learning_rate: float = field(default=1e-4, metadata={"help": "Peak learning rate."})
    lr_scheduler_type: str = field(default="cosine", metadata={"help": "Scheduler after warm-up."})
    warmup_ratio: float = field(default=0.03, metadata={"help": "Share of steps spent warming up."})
    num_train_epochs: float = field(default=5.0, metadata={"help": "Epochs over the training set."})
    max_steps: int = field(
        default=-1,
        metadata={"help": "Stop after this many optimizer steps (overrides epochs when > 0)."},
    )
    max_length: int = field(
        default=4096, metadata={"help": "Tokens per training sequence (longer ones are truncated)."}
    )
    per_device_train_batch_size: int = field(
        default=1, metadata={"help": "Micro-batch per device."}
    )
    gradient_accumulation_steps: int = field(
        default=4,
        metadata={
            "help": "Micro-batches per optimizer step; effective batch = micro x accumulation x devices."
        },
    )
    gradient_checkpointing: bool = field(
        default=False, metadata={"help": "Activation checkpointing: trade compute for memory."}
    )
    logging_steps: int = field(default=1, metadata={"help": "Log the loss every N steps."})
    save_steps: int = field(default=200, metadata={"help": "Checkpoint every N steps (resumable)."})
    save_total_limit: int = field(default=2, metadata={"help": "Keep this many checkpoints."})
    resume: bool = field(
        default=True, metadata={"help": "Resume from the newest checkpoint in the output folder."}
    )


@dataclass
class SFTArgs(TrainArgs, LoraArgs, ModelArgs):
    """Arguments of `sft`."""

    packing: bool = field(
        default=True, metadata={"help": "Pack several samples into each max_length sequence."}
    )


def lora_config(args: LoraArgs) -> Any:
    from peft import LoraConfig

    targets: Any = args.target_modules
    if targets != "all-linear":
        targets = [t.strip() for t in targets.split(",") if t.strip()]
    return LoraConfig(
        r=args.lora_r,
        lora_alpha=args.lora_alpha,
        lora_dropout=args.lora_dropout,
        target_modules=targets,
        task_type="CAUSAL_LM",
    )


def trainer_kwargs(args: Any, out_dir: Any) -> dict[str, Any]:
    """TrainingArguments shared by SFT and ORPO (``args`` has TrainArgs and ModelArgs fields)."""
    return {
        "output_dir": str(out_dir),
        "seed": args.seed,
        "learning_rate": args.learning_rate,
        "lr_scheduler_type": args.lr_scheduler_type,
        # transformers 5 reads a float below 1 as a share of the total steps
        "warmup_steps": args.warmup_ratio,
        "num_train_epochs": args.num_train_epochs,
        "max_steps": args.max_steps,
        "per_device_train_batch_size": args.per_device_train_batch_size,
        "gradient_accumulation_steps": args.gradient_accumulation_steps,
        "gradient_checkpointing": args.gradient_checkpointing,  # activation_checkpointing from 5.2x only
        "logging_steps": args.logging_steps,
        "save_steps": args.save_steps,
        "save_total_limit": args.save_total_limit,
        "bf16": args.bf16,
        "use_cpu": args.use_cpu,
        "report_to": "none",
        "max_length": args.max_length,
    }


def main(args: SFTArgs) -> dict[str, Any]:
    """Train the LoRA adapter; return the metrics written to sft/metrics.json."""
    check_device(args)
    import datasets
    from trl import SFTConfig, SFTTrainer

    from model_build.data import read_jsonl

    train_rows = read_jsonl(args.data_dir / "sft_train.jsonl")
    valid_rows = read_jsonl(args.data_dir / "sft_valid.jsonl")
    check_fields(train_rows, ("messages",), args.data_dir / "sft_train.jsonl")
    path = base_path(args)
    tokenizer = load_tokenizer(args, path)
    model = load_base_model(args, path)

    def as_dataset(rows: list[dict[str, Any]]) -> Any:
        return (
            datasets.Dataset.from_list([{"messages": r["messages"]} for r in rows])
            if rows
            else None
        )

    out = args.sft_dir
    out.mkdir(parents=True, exist_ok=True)
    config = SFTConfig(**trainer_kwargs(args, out), packing=args.packing, eval_strategy="no")
    trainer = SFTTrainer(
        model=model,
        args=config,
        train_dataset=as_dataset(train_rows),
        eval_dataset=as_dataset(valid_rows),
        processing_class=tokenizer,
        peft_config=lora_config(args),
        callbacks=[loss_logger(out / "loss.csv")],
    )
    resume = last_checkpoint(out) if args.resume else None
    if resume is None:
        (out / "loss.csv").unlink(missing_ok=True)
    trainer.train(resume_from_checkpoint=resume)
    trainer.save_model(str(out / "adapter"))
    tokenizer.save_pretrained(str(out / "adapter"))
    losses = read_losses(out / "loss.csv")
    metrics = {
        "first_loss": losses[0],
        "last_loss": losses[-1],
        "steps": trainer.state.global_step,
        "eval": trainer.evaluate() if valid_rows else {},
        "args": asdict(args),
    }
    plot_losses(out / "loss.csv", "SFT loss")
    write_json(out / "metrics.json", metrics)
    log.info("sft: loss %.3f -> %.3f in %d steps", losses[0], losses[-1], metrics["steps"])
    return metrics
