"""`psylite doctor`: one table of OK/FAIL with the fix for every failure."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import click

from psylite.errors import PsyliteError
from psylite.settings import Backend, Settings, load_settings


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


async def _check_settings() -> tuple[Settings | None, Check]:
    try:
        s = load_settings()
    except PsyliteError as err:
        return None, Check(
            "settings", False, str(err), "correct the variable in the environment or .env"
        )
    return s, Check("settings", True, f"backend={s.llm_backend.value} data_dir={s.data_dir}")


async def _check_model(s: Settings) -> Check:
    if s.llm_backend is not Backend.LLAMA_CPP:
        return Check("model file", True, f"server-side model {s.model_name_for_server()!r}")
    from psylite.llm.llama_cpp import LlamaCppBackend, check_gguf

    path = LlamaCppBackend.from_settings(s).path
    try:
        check_gguf(path)
    except PsyliteError as err:
        return Check(
            "model file", False, str(err), "run `psylite model fetch-demo` or set PSYLITE_MODEL"
        )
    return Check("model file", True, str(path))


async def _check_backend(s: Settings) -> Check:
    from psylite.llm import build_llm

    llm = build_llm(s)
    try:
        detail = await asyncio.wait_for(llm.check(), timeout=30)
    except PsyliteError as err:
        return Check("llm backend", False, str(err), _backend_fix(s))
    except TimeoutError:
        return Check("llm backend", False, "no answer within 30 s", _backend_fix(s))
    finally:
        await llm.aclose()
    return Check("llm backend", True, detail)


def _backend_fix(s: Settings) -> str:
    return {
        Backend.LLAMA_CPP: "run `psylite model fetch-demo` or point PSYLITE_MODEL at a .gguf",
        Backend.OLLAMA: f"start `ollama serve` at {s.ollama_host} and `ollama pull {s.model_name_for_server()}`",
        Backend.OPENAI: f"start the server at {s.openai_base_url} serving {s.model_name_for_server()!r}",
    }[s.llm_backend]


async def _check_database(s: Settings) -> Check:
    from psylite.store import Store

    store = Store(s)
    try:
        await store.initialize()
        detail = await store.describe()
    except PsyliteError as err:
        return Check(
            "database", False, str(err), "run `psylite db upgrade`; check PSYLITE_DATABASE_URL"
        )
    finally:
        await store.shutdown()
    return Check("database", True, detail)


async def _check_index(s: Settings) -> Check:
    from retrieval.index import HumorIndex

    if HumorIndex(s.index_dir).is_stale():
        return Check(
            "humor index",
            False,
            f"missing or out of date in {s.index_dir}",
            "run `psylite index build`",
        )
    return Check("humor index", True, str(s.index_dir))


async def run_checks() -> list[Check]:
    """Run every check; a check that crashes is reported as FAIL, never raised."""
    settings, first = await _check_settings()
    checks = [first]
    if settings is None:
        return checks
    steps: list[tuple[str, Callable[[Settings], Awaitable[Check]]]] = [
        ("model file", _check_model),
        ("llm backend", _check_backend),
        ("database", _check_database),
        ("humor index", _check_index),
    ]
    for name, step in steps:
        try:
            checks.append(await step(settings))
        except Exception as err:  # doctor must report, not crash
            checks.append(Check(name, False, f"{type(err).__name__}: {err}", "see the log above"))
    return checks


def render(checks: list[Check]) -> str:
    width = max(len(c.name) for c in checks)
    lines = []
    for c in checks:
        lines.append(f"{'OK  ' if c.ok else 'FAIL'}  {c.name.ljust(width)}  {c.detail}")
        if not c.ok and c.fix:
            lines.append(f"      {' ' * width}  fix: {c.fix}")
    return "\n".join(lines)


@click.command("doctor")
def doctor_command() -> None:
    """Check settings, model file, backend reachability, database and index."""
    checks = asyncio.run(run_checks())
    click.echo(render(checks))
    sys.exit(0 if all(c.ok for c in checks) else 1)
