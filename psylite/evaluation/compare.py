"""`psylite eval compare A.json B.json …`: a side-by-side markdown table and a PNG bar chart.

Every result file's `summary` maps a metric to `{mean, low, high, n, min, max}`; the
table shows each metric's mean and 95% interval per model, plus the relative change of
each model against the first one (the "+47.6%" kind of claim, measured here). The
chart plots every metric as a share of its maximum so dimensions on different scales
(0-2, 1-10, accuracy) sit on one axis.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import click

from psylite.errors import ConfigError

log = logging.getLogger(__name__)


def load_result(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ConfigError(f"cannot read {path}: {err.strerror}") from None
    except ValueError as err:
        raise ConfigError(f"{path} is not valid JSON ({err})") from None
    if not isinstance(data, dict) or not isinstance(data.get("summary"), dict):
        raise ConfigError(f"{path} is not a `psylite eval` result (no 'summary')")
    return data


def metrics_of(results: list[dict[str, Any]]) -> list[str]:
    """Metric names in first-seen order, breakdowns (name:value) after the headline ones."""
    seen: list[str] = []
    for r in results:
        for k in r["summary"]:
            if k not in seen:
                seen.append(k)
    return [k for k in seen if ":" not in k] + [k for k in seen if ":" in k]


def _cell(est: dict[str, Any] | None) -> str:
    if not est or est.get("mean") is None:
        return "—"
    return f"{est['mean']:.3f} [{est['low']:.3f}, {est['high']:.3f}]"


def _change(base: dict[str, Any] | None, other: dict[str, Any] | None) -> str:
    if not base or not other or base.get("mean") in (None, 0) or other.get("mean") is None:
        return "—"
    return f"{(other['mean'] - base['mean']) / abs(base['mean']) * 100:+.1f}%"


def markdown_table(results: list[dict[str, Any]], labels: list[str]) -> str:
    """Metrics as rows, models as columns, then "vs first" change columns."""
    metrics = metrics_of(results)
    header = ["metric", *labels, *(f"{lab} vs {labels[0]}" for lab in labels[1:])]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for m in metrics:
        ests = [r["summary"].get(m) for r in results]
        row = [m, *(_cell(e) for e in ests), *(_change(ests[0], e) for e in ests[1:])]
        lines.append("| " + " | ".join(row) + " |")
    notes = []
    for lab, r in zip(labels, results, strict=True):
        bits = [
            f"kind={r.get('kind', '?')}",
            f"model={r.get('model', '?')}",
            f"mode={r.get('mode', '?')}",
        ]
        if r.get("judge"):
            bits.append(f"judge={r['judge']} ({r.get('rubric', '?')})")
        if "judge_failures" in r:
            bits.append(f"judge failures={r['judge_failures']}/{r.get('items', '?')}")
        if "unparsed" in r:
            bits.append(f"unparsed={r['unparsed']}/{r.get('items', '?')}")
        notes.append(f"- **{lab}**: " + ", ".join(bits))
    return "\n".join(lines) + "\n\nMean [95% bootstrap CI].\n\n" + "\n".join(notes) + "\n"


def _share(est: dict[str, Any] | None, key: str) -> float | None:
    if not est or est.get(key) is None:
        return None
    lo, hi = float(est.get("min", 0.0)), float(est.get("max", 1.0))
    return (float(est[key]) - lo) / (hi - lo) * 100 if hi > lo else None


def bar_chart(
    results: list[dict[str, Any]], labels: list[str], path: Path, *, title: str = ""
) -> Path:
    """Grouped bars (one group per headline metric) with CI error bars, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and in CI
    import matplotlib.pyplot as plt

    metrics = [m for m in metrics_of(results) if ":" not in m] or metrics_of(results)
    width = 0.8 / len(results)
    fig, ax = plt.subplots(
        figsize=(max(6.0, 1.3 * len(metrics) * max(1, len(results)) / 2 + 3), 4.5)
    )
    try:
        for i, (lab, r) in enumerate(zip(labels, results, strict=True)):
            xs, ys, err_lo, err_hi = [], [], [], []
            for j, m in enumerate(metrics):
                est = r["summary"].get(m)
                mid = _share(est, "mean")
                if mid is None:
                    continue
                xs.append(j + (i - (len(results) - 1) / 2) * width)
                ys.append(mid)
                err_lo.append(max(0.0, mid - (_share(est, "low") or mid)))
                err_hi.append(max(0.0, (_share(est, "high") or mid) - mid))
            ax.bar(xs, ys, width, label=lab, yerr=[err_lo, err_hi], capsize=3)
        ax.set_xticks(range(len(metrics)))
        ax.set_xticklabels(metrics, rotation=20, ha="right")
        ax.set_ylabel("% of maximum score")
        ax.set_ylim(0, 105)
        ax.set_title(title or "PsyLite evaluation (mean, 95% CI)")
        ax.legend(fontsize="small")
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format="png", dpi=110)
    finally:
        plt.close(fig)
    return path


@click.command("compare")
@click.argument("results", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--label", "labels", multiple=True, help="Column name per result file, in order.")
@click.option(
    "--out",
    "out_md",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the markdown table here (default: print it).",
)
@click.option(
    "--png", type=click.Path(path_type=Path), default=None, help="Write a bar chart PNG here."
)
@click.option("--title", default="", help="Chart title.")
def compare_command(
    results: tuple[Path, ...],
    labels: tuple[str, ...],
    out_md: Path | None,
    png: Path | None,
    title: str,
) -> None:
    """Compare result files side by side (e.g. base vs SFT vs SFT+ORPO, bare vs router)."""  # fmt: skip
    loaded = [load_result(p) for p in results]
    if labels and len(labels) != len(loaded):
        raise ConfigError(f"got {len(labels)} --label for {len(loaded)} result files")
    names = list(labels) or [
        str(r.get("label") or r.get("model") or p.stem)
        for r, p in zip(loaded, results, strict=True)
    ]
    # Two files of the same model would give two identical column names.
    names = [
        n if names.count(n) == 1 else f"{n} ({p.parent.name}/{p.name})"
        for n, p in zip(names, results, strict=True)
    ]
    table = markdown_table(loaded, names)
    if out_md:
        out_md.parent.mkdir(parents=True, exist_ok=True)
        out_md.write_text(table, encoding="utf-8")
        click.echo(f"wrote {out_md}")
    else:
        click.echo(table)
    if png:
        bar_chart(loaded, names, png, title=title)
        click.echo(f"wrote {png}")
