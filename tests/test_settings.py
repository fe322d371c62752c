"""Settings: defaults, env names, and one clear line for bad values."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from psylite.errors import ConfigError
from psylite.settings import Backend, load_settings


def test_defaults_work_with_no_environment(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert s.llm_backend is Backend.LLAMA_CPP
    assert s.data_dir == Path("var")
    assert s.effective_database_url.startswith("sqlite+aiosqlite:///")
    assert s.effective_database_url.endswith("var/psylite.db")
    assert s.telegram_bot_token is None


def test_ollama_host_and_telegram_token_follow_their_own_conventions(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OLLAMA_HOST", "10.1.2.3:11434")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    s = load_settings()
    assert s.ollama_host == "http://10.1.2.3:11434"
    assert s.telegram_bot_token is not None
    assert s.telegram_bot_token.get_secret_value() == "123:abc"
    assert "123:abc" not in repr(s)  # secrets never printed


def test_dotenv_file_is_read(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("PSYLITE_LLM_BACKEND=ollama\nPSYLITE_MODEL=psylite:q4\n")
    s = load_settings()
    assert s.llm_backend is Backend.OLLAMA
    assert s.model_name_for_server() == "psylite:q4"


def test_admin_ids_are_parsed_from_a_comma_list(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PSYLITE_ADMIN_CHAT_IDS", "11, 22,33")
    assert load_settings().admin_chat_ids == [11, 22, 33]


@pytest.mark.parametrize(
    ("var", "value", "needle"),
    [
        ("PSYLITE_LLM_BACKEND", "gpt5", "PSYLITE_LLM_BACKEND"),
        ("PSYLITE_LLM_MAX_TOKENS", "-3", "PSYLITE_LLM_MAX_TOKENS"),
        ("PSYLITE_ADMIN_CHAT_IDS", "12,abc", "abc"),
    ],
)
def test_invalid_value_raises_one_clear_line(monkeypatch, tmp_path, var, value, needle):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError) as info:
        load_settings()
    msg = str(info.value)
    assert "\n" not in msg
    assert needle in msg


def test_cli_reports_invalid_setting_in_one_line_and_exit_2(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "PSYLITE_LLM_BACKEND": "nonsense", "HOME": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "psylite.cli", "chat"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, proc.stderr
    assert "PSYLITE_LLM_BACKEND" in lines[0]
    assert "Traceback" not in proc.stderr
