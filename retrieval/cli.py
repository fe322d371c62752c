"""`psylite index`: build, search and grow the humor index.

`retrieval` imports nothing of ours, so the index dir is resolved here rather than
from `psylite.settings`: ``--index-dir`` (or ``PSYLITE_INDEX_DIR``), else an
``index_dir`` attribute on the click context object when the root group provides
settings, else ``$PSYLITE_DATA_DIR/index`` (environment first, then ``.env``),
the same place `Settings.index_dir` points to.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
from dotenv import dotenv_values

from retrieval.corpus import CorpusError, iter_jsonl, snippet_from_dict


class IndexCommandError(click.ClickException):
    """A one-line, actionable failure; exit code 2 like the rest of `psylite`."""

    exit_code = 2


def default_index_dir() -> Path:
    """Where `Settings.index_dir` points: ``<data dir>/index``."""
    data_dir = os.environ.get("PSYLITE_DATA_DIR")
    if not data_dir and Path(".env").is_file():
        data_dir = dotenv_values(".env").get("PSYLITE_DATA_DIR")
    return Path(data_dir or "./var") / "index"


def _open(index_dir: Path):  # -> HumorIndex; the import is here so --help stays fast
    from retrieval.index import HumorIndex

    try:
        return HumorIndex.open(index_dir)
    except CorpusError as err:
        raise IndexCommandError(f"cannot build the humor index: {err}") from None
    except OSError as err:
        raise IndexCommandError(
            f"cannot use the index dir {index_dir}: {err.strerror or err}; "
            "set PSYLITE_DATA_DIR to a writable folder"
        ) from None


@click.group("index")
@click.option(
    "--index-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="PSYLITE_INDEX_DIR",
    help="Index folder (default: <PSYLITE_DATA_DIR>/index).",
)
@click.pass_context
def index_group(ctx: click.Context, index_dir: Path | None) -> None:
    """Humor index: build, search, add."""
    if index_dir is not None:
        ctx.meta["psylite.index_dir"] = index_dir


def _resolve(ctx: click.Context) -> Path:
    explicit = ctx.meta.get("psylite.index_dir")
    if explicit is not None:
        return Path(explicit)
    from_settings = getattr(ctx.find_root().obj, "index_dir", None)
    return Path(from_settings) if from_settings else default_index_dir()


@index_group.command("build")
@click.option(
    "--if-missing",
    is_flag=True,
    help="Build only when the index is missing or out of date (what `make run` uses).",
)
@click.pass_context
def build_command(ctx: click.Context, if_missing: bool) -> None:
    """Rebuild the index from the shipped corpus and operator snippets."""
    from retrieval.index import HumorIndex

    index_dir = _resolve(ctx)
    index = HumorIndex(index_dir)
    if if_missing and not index.is_stale():
        click.echo(f"humor index up to date at {index_dir}")
        return
    try:
        stats = index.build()
    except CorpusError as err:
        raise IndexCommandError(f"cannot build the humor index: {err}") from None
    except OSError as err:
        raise IndexCommandError(
            f"cannot write the index dir {index_dir}: {err.strerror or err}; "
            "set PSYLITE_DATA_DIR to a writable folder"
        ) from None
    finally:
        index.close()
    click.echo(f"built {stats.snippets} snippets in {stats.seconds:.2f} s at {index_dir}")


@index_group.command("search")
@click.argument("text")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Only this language.")
@click.option("--limit", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
@click.pass_context
def search_command(
    ctx: click.Context, text: str, lang: str | None, limit: int, as_json: bool
) -> None:
    """Show the snippets the index returns for TEXT, best first."""
    index = _open(_resolve(ctx))
    try:
        hits = index.search(text, lang=lang, limit=limit)
    finally:
        index.close()
    if not hits:
        click.echo("no match (the selector would fall back to a gentle general snippet)")
        return
    for hit in hits:
        if as_json:
            click.echo(
                json.dumps(
                    {**hit.snippet.to_dict(), "score": round(hit.score, 3)}, ensure_ascii=False
                )
            )
        else:
            s = hit.snippet
            click.echo(f"{hit.score:6.2f}  {s.id}  [{','.join(s.themes)}; {s.tone}]")
            for line in s.text.splitlines():
                click.echo(f"        {line}")


@index_group.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def add_command(ctx: click.Context, file: Path) -> None:
    """Validate the snippets in FILE (JSONL, same fields and lint as the corpus) and merge them."""
    snippets, errors, seen = [], [], set()
    try:
        for no, raw in iter_jsonl(file):
            try:
                snippet = snippet_from_dict(raw, where=f"{file.name}:{no}")
            except CorpusError as err:
                errors.append(str(err))
                continue
            if snippet.id in seen:
                errors.append(f"{file.name}:{no}: duplicate id {snippet.id!r}")
            seen.add(snippet.id)
            snippets.append(snippet)
    except CorpusError as err:
        errors.append(str(err))
    if errors:
        for line in errors[:20]:
            click.echo(line, err=True)
        more = f" (first 20 shown of {len(errors)})" if len(errors) > 20 else ""
        raise IndexCommandError(f"{file} was not added: {len(errors)} problem(s){more}")
    if not snippets:
        raise IndexCommandError(f"{file} has no snippets")
    index = _open(_resolve(ctx))
    try:
        added, unchanged = index.add(snippets)
        total = len(index)
    except CorpusError as err:
        raise IndexCommandError(f"{file} was not added: {err}") from None
    finally:
        index.close()
    click.echo(f"added {added}, already present {unchanged}; the index has {total} snippets")
