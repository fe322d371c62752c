"""Data for the two training stages.

SFT: distilled-reasoning samples (Alpaca-like: instruction/input, reasoning, answer) and
CPsyCounD counselling dialogues with an added reasoning chain, mixed 10:3 with a fixed
seed. ORPO: PKU-SafeRLHF pairs reduced to a single safety preference (chosen = the safer
response; pairs where both responses are unsafe are dropped). Reasoning is rendered as
``<think>…</think>`` before the answer, as in the PsyLite report.

Usage:
    python -m model_build mix --config tiny-cpu
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from model_build.errors import BuildError

log = logging.getLogger(__name__)

Message = dict[str, str]
SAMPLES_DIR = Path(__file__).parent / "samples"

# The role prefixes of CPsyCounD's plain-text dialogues.
_CLIENT = ("来访者", "求助者", "Client", "client", "user")
_COUNSELOR = ("咨询师", "心理咨询师", "Counselor", "counselor", "assistant")
_TURN = re.compile(rf"^\s*({'|'.join(_CLIENT + _COUNSELOR)})\s*[:：]\s*", re.MULTILINE)


@dataclass
class MixArgs:
    """Arguments of `mix`: read, filter, de-duplicate, mix 10:3 and split."""

    output_dir: str = field(
        default="var/model_build/run",
        metadata={"help": "Recipe output root; data goes to <output_dir>/data."},
    )
    seed: int = field(default=42, metadata={"help": "Seed of sampling and splitting."})
    distill_files: list[str] = field(
        default_factory=lambda: [str(SAMPLES_DIR / "distill.jsonl")],
        metadata={
            "help": "Distilled-reasoning data: JSONL/JSON/Parquet path, or a hub dataset name."
        },
    )
    counsel_files: list[str] = field(
        default_factory=lambda: [str(SAMPLES_DIR / "cpsycound.jsonl")],
        metadata={
            "help": "CPsyCounD-style counselling dialogues: JSONL/JSON/Parquet path, or a hub name."
        },
    )
    preference_files: list[str] = field(
        default_factory=lambda: [str(SAMPLES_DIR / "safety_pairs.jsonl")],
        metadata={
            "help": "PKU-SafeRLHF-style preference data: JSONL/JSON/Parquet path, or a hub name."
        },
    )
    ratio: list[int] = field(
        default_factory=lambda: [10, 3], metadata={"help": "Distill : counselling sample ratio."}
    )
    total: int | None = field(
        default=None,
        metadata={
            "help": "SFT samples wanted (13000 in the report); default: as many as the ratio allows."
        },
    )
    min_chars: int = field(
        default=2, metadata={"help": "Drop samples whose rendered text is shorter."}
    )
    max_chars: int = field(
        default=12000,
        metadata={
            "help": "Drop samples whose rendered text is longer (a cheap length filter before tokenizing)."
        },
    )
    valid_fraction: float = field(
        default=0.05,
        metadata={"help": "Share of each set held out for validation (at least 1 sample)."},
    )

    @property
    def data_dir(self) -> Path:
        return Path(self.output_dir) / "data"


# --------------------------------------------------------------------------- readers


def load_records(source: str) -> list[dict[str, Any]]:
    """Rows of a local JSONL/JSON/Parquet file, or of a hub dataset (``name`` or ``name:split``)."""
    path = Path(source)
    if path.is_file():
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq  # heavy; only for Parquet

            return pq.read_table(path).to_pylist()
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            data = json.loads(text)
            return data if isinstance(data, list) else next(iter(data.values()))
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if path.suffix in {".jsonl", ".json", ".parquet"} or source.startswith((".", "/")):
        raise BuildError(f"data file {source} does not exist")
    name, _, split = source.partition(":")
    try:
        import datasets  # heavy; only for hub names

        return list(datasets.load_dataset(name, split=split or "train"))
    except Exception as err:  # network, unknown name, no `datasets`: all the same to the user
        raise BuildError(
            f"cannot load dataset {source!r} from the hub ({err}); pass a local file"
        ) from err


def _pick(row: dict[str, Any], *names: str) -> str:
    for name in names:
        value = row.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def with_reasoning(reasoning: str, answer: str) -> str:
    """The assistant text: the reasoning inside <think></think>, then the answer."""
    if "<think>" in answer or not reasoning:
        return answer
    return f"<think>\n{reasoning}\n</think>\n\n{answer}"


def read_distill(
    rows: Iterable[dict[str, Any]], source: str = "distill"
) -> Iterator[list[Message]]:
    """Alpaca-like distillation rows (instruction/input, reasoning, answer) -> chat messages."""
    for i, row in enumerate(rows):
        instruction = _pick(row, "instruction", "prompt", "question")
        extra = _pick(row, "input")
        answer = _pick(row, "answer", "output", "content", "response")
        reasoning = _pick(row, "reasoning", "reasoning_content", "think")
        user = "\n\n".join(x for x in (instruction, extra) if x)
        if not user or not answer:
            raise BuildError(
                f"{source} row {i}: a distillation sample needs instruction/input and "
                f"answer/output fields; got {sorted(row)}"
            )
        yield [
            {"role": "user", "content": user},
            {"role": "assistant", "content": with_reasoning(reasoning, answer)},
        ]


def read_dialogue(row: dict[str, Any], where: str) -> list[Message]:
    """One CPsyCounD dialogue -> alternating user/assistant messages (reasoning per reply)."""
    if isinstance(row.get("messages"), list):
        messages = []
        for turn in row["messages"]:
            role = {"client": "user", "counselor": "assistant"}.get(
                turn.get("role"), turn.get("role")
            )
            content = with_reasoning(turn.get("reasoning", ""), turn.get("content", ""))
            messages.append({"role": role, "content": content})
    elif "history" in row or "output" in row:  # Alpaca multi-turn: history [[q, a], ...]
        messages = []
        for q, a in row.get("history") or []:
            messages += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
        messages += [
            {"role": "user", "content": _pick(row, "instruction", "input")},
            {
                "role": "assistant",
                "content": with_reasoning(_pick(row, "reasoning"), _pick(row, "output")),
            },
        ]
    elif isinstance(row.get("dialogue"), str):  # "来访者：…\n咨询师：…"
        parts = _TURN.split(row["dialogue"])[1:]
        messages = [
            {"role": "user" if who in _CLIENT else "assistant", "content": text.strip()}
            for who, text in zip(parts[::2], parts[1::2], strict=True)
        ]
    else:
        raise BuildError(
            f"{where}: a dialogue needs messages, history/output or dialogue; got {sorted(row)}"
        )
    if messages and messages[0]["role"] == "system":
        messages = messages[1:]
    roles = [m["role"] for m in messages]
    if (
        len(messages) < 2
        or roles[-1] != "assistant"
        or any(r != ("user" if i % 2 == 0 else "assistant") for i, r in enumerate(roles))
        or not all(m["content"] for m in messages)
    ):
        raise BuildError(
            f"{where}: turns must alternate user/assistant, end with the counselor, and be non-empty"
        )
    return messages


def read_counsel(
    rows: Iterable[dict[str, Any]], source: str = "counsel"
) -> Iterator[list[Message]]:
    """CPsyCounD-style dialogues -> chat messages."""
    for i, row in enumerate(rows):
        yield read_dialogue(row, f"{source} row {i}")


def read_preferences(
    rows: Iterable[dict[str, Any]], source: str = "preference"
) -> Iterator[dict[str, Any]]:
    """PKU-SafeRLHF rows -> {prompt, chosen, rejected} (conversational); both-unsafe pairs dropped."""
    for i, row in enumerate(rows):
        try:
            prompt = row["prompt"]
            responses = [row["response_0"], row["response_1"]]
            safe = [bool(row["is_response_0_safe"]), bool(row["is_response_1_safe"])]
            safer = int(row["safer_response_id"])
        except (KeyError, TypeError, ValueError) as err:
            raise BuildError(
                f"{source} row {i}: PKU-SafeRLHF fields prompt, response_0/1, is_response_0/1_safe "
                f"and safer_response_id are needed; got {sorted(row)}"
            ) from err
        if not any(safe) or responses[0].strip() == responses[1].strip():
            continue  # no safe answer to prefer, or nothing to learn
        yield {
            "prompt": [{"role": "user", "content": prompt}],
            "chosen": [{"role": "assistant", "content": responses[safer]}],
            "rejected": [{"role": "assistant", "content": responses[1 - safer]}],
        }


# --------------------------------------------------------------------------- mixing


def text_of(messages: list[Message]) -> str:
    return "\n".join(m["content"] for m in messages)


def _key(messages: list[Message]) -> str:
    norm = "\x1f".join(f"{m['role']}:{' '.join(m['content'].split())}" for m in messages)
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def clean(
    samples: Iterable[list[Message]], args: MixArgs, stats: dict[str, int]
) -> list[list[Message]]:
    """Length filter and exact de-duplication (whitespace-insensitive)."""
    seen: set[str] = set()
    kept = []
    for messages in samples:
        n = len(text_of(messages))
        if n < args.min_chars or n > args.max_chars:
            stats["too_short_or_long"] = stats.get("too_short_or_long", 0) + 1
            continue
        key = _key(messages)
        if key in seen:
            stats["duplicates"] = stats.get("duplicates", 0) + 1
            continue
        seen.add(key)
        kept.append(messages)
    return kept


def mix_counts(
    n_distill: int, n_counsel: int, ratio: list[int], total: int | None
) -> tuple[int, int]:
    """How many of each to take so that the counts follow ``ratio`` as closely as possible."""
    a, b = ratio
    if total is None:
        units = min(n_distill / a, n_counsel / b)
        want_a, want_b = round(units * a), round(units * b)
    else:
        want_a = round(total * a / (a + b))
        want_b = total - want_a
    if want_a > n_distill or want_b > n_counsel:
        raise BuildError(
            f"mix wants {want_a} distill + {want_b} counselling samples but only "
            f"{n_distill} + {n_counsel} are available after filtering; lower --total"
        )
    return min(want_a, n_distill), min(want_b, n_counsel)


def split(items: list[Any], fraction: float, rng: random.Random) -> tuple[list[Any], list[Any]]:
    items = items[:]
    rng.shuffle(items)
    n_valid = max(1, round(len(items) * fraction)) if len(items) > 1 and fraction > 0 else 0
    return items[n_valid:], items[:n_valid]


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise BuildError(f"{path} is missing; run `mix` first")
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _lengths(texts: list[str]) -> dict[str, float]:
    if not texts:
        return {}
    lengths = sorted(len(t) for t in texts)
    return {
        "min": lengths[0],
        "median": statistics.median(lengths),
        "p95": lengths[min(len(lengths) - 1, int(0.95 * len(lengths)))],
        "max": lengths[-1],
    }


def main(args: MixArgs) -> dict[str, Any]:
    """Write data/{sft,pref}_{train,valid}.jsonl and data/card.{json,md}; return the card."""
    rng = random.Random(args.seed)
    stats: dict[str, int] = {}
    distill = clean(
        (m for src in args.distill_files for m in read_distill(load_records(src), src)), args, stats
    )
    counsel = clean(
        (m for src in args.counsel_files for m in read_counsel(load_records(src), src)), args, stats
    )
    n_a, n_b = mix_counts(len(distill), len(counsel), args.ratio, args.total)
    rows = [{"source": "distill", "messages": m} for m in rng.sample(distill, n_a)]
    rows += [{"source": "counsel", "messages": m} for m in rng.sample(counsel, n_b)]
    sft_train, sft_valid = split(rows, args.valid_fraction, rng)

    raw_pairs = [
        p for src in args.preference_files for p in read_preferences(load_records(src), src)
    ]
    seen: set[str] = set()
    pairs = []
    for p in raw_pairs:
        key = _key(p["prompt"] + p["chosen"] + p["rejected"])
        if key not in seen and len(text_of(p["prompt"] + p["chosen"])) <= args.max_chars:
            seen.add(key)
            pairs.append(p)
    pref_train, pref_valid = split(pairs, args.valid_fraction, rng)

    out = args.data_dir
    counts = {
        "sft_train.jsonl": write_jsonl(out / "sft_train.jsonl", sft_train),
        "sft_valid.jsonl": write_jsonl(out / "sft_valid.jsonl", sft_valid),
        "pref_train.jsonl": write_jsonl(out / "pref_train.jsonl", pref_train),
        "pref_valid.jsonl": write_jsonl(out / "pref_valid.jsonl", pref_valid),
    }
    card = {
        "seed": args.seed,
        "ratio": args.ratio,
        "sources": {
            "distill": args.distill_files,
            "counsel": args.counsel_files,
            "preference": args.preference_files,
        },
        "available_after_filter": {"distill": len(distill), "counsel": len(counsel)},
        "mixed": {"distill": n_a, "counsel": n_b},
        "preference_pairs": {"read": len(raw_pairs), "kept": len(pairs)},
        "dropped": stats,
        "files": counts,
        "chars": {
            "distill": _lengths([text_of(r["messages"]) for r in rows if r["source"] == "distill"]),
            "counsel": _lengths([text_of(r["messages"]) for r in rows if r["source"] == "counsel"]),
            "preference": _lengths([text_of(p["prompt"] + p["chosen"]) for p in pairs]),
        },
        "args": asdict(args),
    }
    (out / "card.json").write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "card.md").write_text(_card_markdown(card), encoding="utf-8")
    log.info("mix: %d distill + %d counselling -> %s", n_a, n_b, out)
    return card


def _card_markdown(card: dict[str, Any]) -> str:
    lines = [
        "# Data card",
        "",
        f"SFT mix distill:counselling = {card['ratio'][0]}:{card['ratio'][1]} (seed {card['seed']}): "
        f"{card['mixed']['distill']} + {card['mixed']['counsel']} samples.",
        f"Preference pairs kept: {card['preference_pairs']['kept']} of {card['preference_pairs']['read']} usable.",
        f"Dropped: {card['dropped'] or 'none'}.",
        "",
        "| file | rows |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in card["files"].items()),
        "",
        "| set | min | median | p95 | max (characters) |",
        "|---|---|---|---|---|",
        *(
            f"| {k} | {v.get('min', '-')} | {v.get('median', '-')} | {v.get('p95', '-')} | {v.get('max', '-')} |"
            for k, v in card["chars"].items()
        ),
        "",
    ]
    return "\n".join(lines)
