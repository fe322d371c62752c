"""`psylite index build | search | add`, run through the real CLI entry point."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from humor_fixtures import write_jsonl


def _run(data_dir, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PSYLITE_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin", "HOME": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-c", "from psylite.cli import main; main()", "index", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=data_dir,
        timeout=120,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("cli") / "var"
    data_dir.mkdir()
    result = _run(data_dir, "build")
    assert result.returncode == 0, result.stderr
    return data_dir, result.stdout


def test_build_writes_the_index_under_the_data_dir(built):
    data_dir, out = built
    assert out.startswith("built ") and str(data_dir / "index") in out
    assert (data_dir / "index" / "whoosh").is_dir()


def test_search_prints_scored_hits_and_json(built):
    data_dir, _ = built
    out = _run(data_dir, "search", "又要加班开会", "--limit", "2").stdout
    assert "zh-work-" in out
    lines = _run(data_dir, "search", "my cat", "--lang", "en", "--json").stdout.splitlines()
    hits = [json.loads(line) for line in lines]
    assert hits and all(h["language"] == "en" for h in hits) and "score" in hits[0]


def test_add_merges_valid_snippets_and_refuses_files_with_problems(built):
    data_dir, _ = built
    good = write_jsonl(
        data_dir / "good.jsonl",
        [
            {
                "id": "op-kite-001",
                "text": "甲：我放风筝特别稳。乙：怎么稳？甲：风筝在天上，我在树荫下。",
                "themes": ["weather", "hobbies"],
                "tone": "playful",
                "language": "zh",
            },
        ],
    )
    result = _run(data_dir, "add", str(good))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("added 1, already present 0")
    assert "op-kite-001" in _run(data_dir, "search", "放风筝").stdout
    bad = write_jsonl(
        data_dir / "bad.jsonl",
        [
            {
                "id": "op-bad-001",
                "text": "我又胖了五斤",
                "themes": ["food"],
                "tone": "wry",
                "language": "zh",
            },
            {
                "id": "op-bad-002",
                "text": "You're such a loser",
                "themes": ["work"],
                "tone": "wry",
                "language": "en",
            },
        ],
    )
    result = _run(data_dir, "add", str(bad))
    assert result.returncode == 2
    assert "body and appearance" in result.stderr and "mocking the listener" in result.stderr
    assert "was not added: 2 problem(s)" in result.stderr
    assert "op-bad-001" not in (data_dir / "index" / "humor_extra.jsonl").read_text()


def test_build_if_missing_does_nothing_when_the_index_is_up_to_date(built):
    data_dir, _ = built
    whoosh_dir = data_dir / "index" / "whoosh"
    before = {p.name: p.stat().st_mtime_ns for p in whoosh_dir.iterdir()}
    out = _run(data_dir, "build", "--if-missing").stdout
    assert "up to date" in out
    assert {p.name: p.stat().st_mtime_ns for p in whoosh_dir.iterdir()} == before
    (data_dir / "index" / "fingerprint").write_text("stale")
    assert _run(data_dir, "build", "--if-missing").stdout.startswith("built ")
