"""`psylite admin add-user` and `psylite admin serve`, run as real processes."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from psylite.admin.cli import admin_group
from psylite.admin.security import verify_password
from psylite.settings import load_settings
from psylite.store import Store

PSYLITE = [sys.executable, "-m", "psylite.cli"]
SECRET = "cli-test-secret-0123456789abcdef"


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PSYLITE_")}
    env.update({"PSYLITE_DATA_DIR": str(data_dir), "PSYLITE_ENVIRONMENT": "test"})
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PSYLITE, *args], input=stdin, env=env, capture_output=True, text=True, timeout=120
    )


def _account(data_dir: Path, name: str):
    async def get():
        store = Store(load_settings(data_dir=data_dir, environment="test"))
        await store.initialize()
        try:
            return await store.get_admin_account(username=name)
        finally:
            await store.shutdown()

    return asyncio.run(get())


def test_add_user_from_stdin_creates_an_argon2_account_and_refuses_duplicates(data_dir):
    env = _env(data_dir)
    done = _run(["admin", "add-user", "carol", "--password-stdin"], env, "first password ok\n")
    assert done.returncode == 0, done.stderr
    assert "carol created" in done.stdout
    account = _account(data_dir, "carol")
    assert account.password_hash.startswith("$argon2id$")
    assert "first password ok" not in account.password_hash
    assert verify_password(account.password_hash, "first password ok")

    again = _run(["admin", "add-user", "carol", "--password-stdin"], env, "other password!\n")
    assert again.returncode == 2 and "--replace" in again.stderr
    replaced = _run(
        ["admin", "add-user", "carol", "--password-stdin", "--replace"], env, "second password\n"
    )
    assert replaced.returncode == 0, replaced.stderr
    account = _account(data_dir, "carol")
    assert verify_password(account.password_hash, "second password")
    assert not verify_password(account.password_hash, "first password ok")


def test_add_user_rejects_short_passwords_and_odd_names(data_dir):
    env = _env(data_dir)
    short = _run(["admin", "add-user", "dave", "--password-stdin"], env, "short\n")
    assert short.returncode == 2 and "too short" in short.stderr
    odd = _run(["admin", "add-user", "<b>x</b>", "--password-stdin"], env, "long enough pw\n")
    assert odd.returncode == 2 and "admin name" in odd.stderr


def test_add_user_prompts_twice_without_echo(data_dir, monkeypatch):
    monkeypatch.setenv("PSYLITE_DATA_DIR", str(data_dir))
    monkeypatch.setenv("PSYLITE_ENVIRONMENT", "test")
    runner = CliRunner()
    mismatch = runner.invoke(
        admin_group,
        ["add-user", "erin"],
        input="typed password\ntyped passwrd\ntyped password\ntyped password\n",
    )
    assert mismatch.exit_code == 0, mismatch.output
    assert "do not match" in mismatch.output
    assert "typed password" not in mismatch.output  # hidden input is not echoed
    assert verify_password(_account(data_dir, "erin").password_hash, "typed password")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_serve_answers_healthz_and_metrics_and_stops_cleanly(data_dir, tmp_path):
    model = tmp_path / "tiny.gguf"
    model.write_bytes(b"GGUF" + b"\0" * 60)  # passes the backend's reachability check only
    port = _free_port()
    env = _env(
        data_dir,
        PSYLITE_ADMIN_SECRET_KEY=SECRET,
        PSYLITE_MODEL=str(model),
        PSYLITE_HUMOR_ENABLED="false",
    )
    proc = subprocess.Popen(
        [*PSYLITE, "admin", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = _get_json(f"http://127.0.0.1:{port}/healthz")
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"serve did not start: {proc.communicate()[1][-2000:]}")
                time.sleep(0.2)
        assert status == 200 and body["db"]["ok"] and body["llm"]["ok"], body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as resp:
            assert b"psylite_open_escalations" in resp.read()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/queue", timeout=5) as resp:
            assert resp.url.endswith("/login?next=%2Fqueue")  # followed the redirect

        model.unlink()  # the LLM check now fails: 503 with the reason
        status, body = _get_json(f"http://127.0.0.1:{port}/healthz")
        assert status == 503 and body["db"]["ok"] and not body["llm"]["ok"]
        assert "does not exist" in body["llm"]["detail"]
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert proc.returncode in (0, -15), err[-2000:]


def test_serve_refuses_the_placeholder_secret_in_production(data_dir):
    done = _run(["admin", "serve"], _env(data_dir, PSYLITE_ENVIRONMENT="production"))
    assert done.returncode == 2
    assert "PSYLITE_ADMIN_SECRET_KEY" in done.stderr
