"""What the training steps share: model arguments, base-model loading, loss logging."""

from __future__ import annotations

import csv
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from model_build.errors import BuildError

log = logging.getLogger(__name__)

# The files `psylite model fetch-demo --which KEY` writes (psylite.demo_model.DEMO_MODELS;
# a test keeps the two in step).
DEMO_GGUFS = {
    "0.5b": "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    "1.5b": "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
}


@dataclass
class ModelArgs:
    """Which base model, and how to load it."""

    output_dir: str = field(default="var/model_build/run", metadata={"help": "Recipe output root."})
    seed: int = field(default=42, metadata={"help": "Random seed."})
    base_model: str = field(
        default="tiny",
        metadata={
            "help": "Hub name or local directory of the base model; `tiny` builds a tiny model and tokenizer from the sample data."
        },
    )
    base_gguf: str | None = field(
        default=None,
        metadata={
            "help": "A GGUF file as the base instead of base_model (transformers dequantizes it "
            "once into <output_dir>/base); `demo:0.5b` / `demo:1.5b` = the fetched demo model. "
            "An empty value uses base_model."
        },
    )
    tiny_model: dict[str, Any] | None = field(
        default=None, metadata={"help": "LlamaConfig overrides for `base_model: tiny` (YAML only)."}
    )
    chat_template: str | None = field(
        default=None,
        metadata={
            "help": "`internlm2` or a Jinja template; empty keeps the tokenizer's own template."
        },
    )
    trust_remote_code: bool = field(
        default=False, metadata={"help": "Allow the model repository's code (InternLM2 needs it)."}
    )
    load_in_4bit: bool = field(
        default=False,
        metadata={"help": "QLoRA: load the frozen base in 4-bit NF4 (bitsandbytes, CUDA only)."},
    )
    bnb_double_quant: bool = field(
        default=True, metadata={"help": "4-bit: also quantize the quantization constants."}
    )
    bf16: bool = field(default=False, metadata={"help": "Compute in bfloat16 (GPU)."})
    use_cpu: bool = field(
        default=False, metadata={"help": "Train on the CPU even when a GPU is visible."}
    )

    @property
    def root(self) -> Path:
        return Path(self.output_dir)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def sft_dir(self) -> Path:
        return self.root / "sft"

    @property
    def orpo_dir(self) -> Path:
        return self.root / "orpo"


def base_path(args: ModelArgs) -> str:
    """The base model reference; builds the tiny base (tokenizer trained on the mix) or
    dequantizes the GGUF base on first use."""
    if args.base_gguf:
        return str(dequantized_base(resolve_gguf(args.base_gguf), args.root / "base"))
    if args.base_model != "tiny":
        return args.base_model
    from model_build.data import read_jsonl, text_of
    from model_build.tiny import build_tiny_base, is_built

    out = args.root / "base"
    if is_built(out):
        return str(out)
    rows = read_jsonl(args.data_dir / "sft_train.jsonl") + read_jsonl(
        args.data_dir / "pref_train.jsonl"
    )
    texts = [text_of(r.get("messages") or r["prompt"] + r["chosen"] + r["rejected"]) for r in rows]
    return str(build_tiny_base(out, texts, args.tiny_model, args.seed))


def resolve_gguf(ref: str) -> Path:
    """A GGUF path, or `demo:<which>` for the demo model fetched by `psylite model fetch-demo`."""
    if ref.startswith("demo:"):
        which = ref.partition(":")[2]
        if which not in DEMO_GGUFS:
            raise BuildError(f"unknown demo model {ref!r}; use demo:{' or demo:'.join(DEMO_GGUFS)}")
        # Where `psylite model fetch-demo` puts it (model_build imports nothing of psylite).
        path = Path(os.environ.get("PSYLITE_DATA_DIR", "var")) / "models" / DEMO_GGUFS[which]
        if not path.is_file():
            raise BuildError(
                f"the {which} demo GGUF is not at {path}; run `psylite model fetch-demo --which "
                f"{which}` (PSYLITE_DATA_DIR picks the folder) or pass --base-gguf PATH"
            )
        return path
    path = Path(ref).expanduser()
    if not path.is_file():
        raise BuildError(f"base GGUF {path} not found; pass --base-gguf PATH or --base-gguf ''")
    return path


def dequantized_base(gguf_path: Path, out: Path) -> Path:
    """Dequantize a GGUF into a float32 Hugging Face folder once; later steps load that.

    transformers dequantizes GGUF tensors in numpy on every load (about a minute for 0.5B
    on two cores), so the steps share one saved copy. float32 because K-quant values
    (fp16 scale x 6-bit sub-scale x 4-bit code) are not all representable in 16 bits.
    """
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    stamp = {"gguf": str(gguf_path.resolve()), "bytes": gguf_path.stat().st_size}
    source = out / "source.json"
    if source.is_file() and json.loads(source.read_text(encoding="utf-8")) == stamp:
        return out
    log.info("dequantizing %s into %s (once)", gguf_path, out)
    try:
        tokenizer = AutoTokenizer.from_pretrained(gguf_path.parent, gguf_file=gguf_path.name)
        model = AutoModelForCausalLM.from_pretrained(
            gguf_path.parent, gguf_file=gguf_path.name, dtype=torch.float32
        )
    except (ValueError, RuntimeError, KeyError, NotImplementedError) as err:
        raise BuildError(
            f"transformers could not load {gguf_path} as a base model ({err}); it needs the "
            "`gguf` package and an architecture/quantization transformers can dequantize"
        ) from err
    # The weights are plain float32 tensors now; the GGUF-quantization marker only makes
    # save_pretrained refuse and later loads look for a gguf_file again.
    quantizer = getattr(model, "hf_quantizer", None)
    if quantizer is not None:
        quantizer.remove_quantization_config(model)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    write_json(source, stamp)
    return out


def check_device(args: ModelArgs) -> None:
    """Refuse early, with the fix, when the recipe needs a GPU that is not there."""
    import torch

    if args.load_in_4bit:
        if not torch.cuda.is_available() or args.use_cpu:
            raise BuildError(
                "this recipe loads the base model in 4-bit (QLoRA, bitsandbytes), which needs a CUDA "
                "GPU; run it on a GPU machine or pass --no-load-in-4bit (full-precision LoRA)"
            )
        try:
            import bitsandbytes  # noqa: F401
        except ImportError as err:
            raise BuildError("4-bit loading needs bitsandbytes: pip install bitsandbytes") from err
    if args.bf16 and not args.use_cpu and not torch.cuda.is_available():
        raise BuildError("bf16 training needs a GPU here; pass --no-bf16 or --use-cpu")


def load_tokenizer(args: ModelArgs, path: str) -> Any:
    from transformers import AutoTokenizer

    from model_build.templates import ensure_chat_template

    tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=args.trust_remote_code)
    ensure_chat_template(tokenizer, args.chat_template, path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def load_base_model(args: ModelArgs, path: str) -> Any:
    """The frozen base: 4-bit NF4 for QLoRA, else full precision."""
    import torch
    from transformers import AutoModelForCausalLM

    kwargs: dict[str, Any] = {"trust_remote_code": args.trust_remote_code}
    if args.load_in_4bit:
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_use_double_quant=args.bnb_double_quant,
            bnb_4bit_compute_dtype=torch.bfloat16 if args.bf16 else torch.float16,
        )
        # Under `accelerate launch` every process holds a whole 4-bit copy on its own GPU (DDP).
        kwargs["device_map"] = {"": int(os.environ.get("LOCAL_RANK", "0"))}
    kwargs["dtype"] = torch.bfloat16 if args.bf16 else torch.float32
    model = AutoModelForCausalLM.from_pretrained(path, **kwargs)
    if args.load_in_4bit:
        from peft import prepare_model_for_kbit_training

        model = prepare_model_for_kbit_training(model)
    return model


def check_fields(rows: list[dict[str, Any]], fields: tuple[str, ...], where: Path) -> None:
    for i, row in enumerate(rows):
        missing = [f for f in fields if f not in row]
        if missing:
            raise BuildError(
                f"{where} row {i} lacks {missing}; expected fields {list(fields)} (run `mix`)"
            )
    if not rows:
        raise BuildError(f"{where} is empty; run `mix` with more data")


def last_checkpoint(out_dir: Path) -> str | None:
    """The newest Trainer checkpoint, to resume an interrupted run."""
    ckpts = sorted(out_dir.glob("checkpoint-*"), key=lambda p: int(p.name.split("-")[-1]))
    return str(ckpts[-1]) if ckpts else None


def loss_logger(csv_path: Path) -> Any:
    """A TrainerCallback appending every logged loss to a CSV (kept across resumes)."""
    from transformers import TrainerCallback

    class LossCSV(TrainerCallback):
        def on_log(
            self, _args: Any, state: Any, _control: Any, logs: dict | None = None, **_: Any
        ) -> None:
            if not logs or "loss" not in logs:
                return
            new = not csv_path.exists()
            with csv_path.open("a", newline="") as f:
                writer = csv.writer(f)
                if new:
                    writer.writerow(["step", "epoch", "loss", "learning_rate"])
                writer.writerow(
                    [
                        state.global_step,
                        logs.get("epoch", ""),
                        logs["loss"],
                        logs.get("learning_rate", ""),
                    ]
                )

    return LossCSV()


def read_losses(csv_path: Path) -> list[float]:
    with csv_path.open() as f:
        return [float(row["loss"]) for row in csv.DictReader(f)]


def plot_losses(csv_path: Path, title: str) -> Path | None:
    """Loss curve PNG next to the CSV (skipped, with a log line, without matplotlib)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log.warning("matplotlib is not installed; no loss plot (the CSV is at %s)", csv_path)
        return None
    with csv_path.open() as f:
        rows = list(csv.DictReader(f))
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot([int(r["step"]) for r in rows], [float(r["loss"]) for r in rows], marker=".")
    ax.set(xlabel="step", ylabel="loss", title=title)
    fig.tight_layout()
    png = csv_path.with_suffix(".png")
    fig.savefig(png, dpi=100)
    plt.close(fig)
    return png


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
