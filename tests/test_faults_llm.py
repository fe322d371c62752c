# ruff: noqa: F811  (pytest injects the imported fixtures by parameter name)
"""Fault: the LLM server dies mid-stream (real Ollama/OpenAI clients against fake servers).

The user gets the warm apology with a pointer to /resources instead of a hang or a traceback,
and the crisis path — which never touches the LLM — keeps working with the server gone.
"""

from __future__ import annotations

from pathlib import Path

import openai
import pytest
from deploy_fixtures import API_KEY, COUNSEL_EN, CRISIS_EN, serve_app, serve_settings
from llm_fixtures import FakeServer, fake_ollama, fake_openai  # noqa: F401

from psylite.llm import build_llm
from psylite.pipeline import LLM_DOWN, Turn
from psylite.safety import crisis_reply
from psylite.services import build_services


def _settings(data_dir: Path, backend: str, server: FakeServer):  # type: ignore[no-untyped-def]
    url = {"ollama_host": server.url} if backend == "ollama" else {"openai_base_url": server.url}
    return serve_settings(
        data_dir,
        llm_backend=backend,
        model="psylite",
        llm_first_token_timeout=5.0,
        llm_total_timeout=10.0,
        **url,
    )


@pytest.fixture(params=["ollama", "openai"])
def dying_server(request: pytest.FixtureRequest) -> tuple[str, FakeServer]:
    server: FakeServer = request.getfixturevalue(f"fake_{request.param}")
    server.script.tokens = ["I hear you. ", "That sounds ", "really hard ", "and ", "tiring."]
    server.script.die_after = 2  # the socket closes after two tokens
    return request.param, server


async def test_pipeline_answers_gracefully_when_the_server_dies_mid_stream(
    data_dir: Path, dying_server: tuple[str, FakeServer]
) -> None:
    backend, server = dying_server
    settings = _settings(data_dir, backend, server)
    services = build_services(settings, llm=build_llm(settings))
    await services.initialize()
    try:
        shown: list[str] = []

        async def on_token(piece: str) -> None:
            shown.append(piece)

        reply = await services.pipeline.handle(Turn(chat_id=1, text=COUNSEL_EN), on_token)
        assert reply.route == "counsel" and reply.llm_error
        assert reply.text == LLM_DOWN["en"] and "/resources" in reply.text
        # Only whole, guarded sentences were shown before the drop.
        assert "".join(shown).strip() in ("", "I hear you.")
        crisis = await services.pipeline.handle(Turn(chat_id=1, text=CRISIS_EN))
        assert crisis.text == crisis_reply("en") and crisis.escalation_id is not None
        assert len(server.requests) == 1  # the crisis never reached the model
    finally:
        await services.shutdown()


async def test_endpoint_stream_ends_with_the_apology_and_crisis_works_with_the_server_gone(
    data_dir: Path, fake_openai: FakeServer
) -> None:
    fake_openai.script.tokens = ["I hear you. ", "That sounds ", "really hard."]
    fake_openai.script.die_after = 2
    settings = _settings(data_dir, "openai", fake_openai)
    async with serve_app(settings, build_llm(settings)) as server:
        client = openai.AsyncOpenAI(base_url=server.base_url, api_key=API_KEY, max_retries=0)
        chunks = [
            c
            async for c in await client.chat.completions.create(
                model="psylite",
                messages=[{"role": "user", "content": COUNSEL_EN}],
                stream=True,
                user="u1",
            )
        ]
        text = "".join(c.choices[0].delta.content or "" for c in chunks)
        assert text.endswith(LLM_DOWN["en"])
        assert chunks[-1].model_extra["psylite"]["llm_error"] is True
        # Now the LLM server is gone altogether (connection refused).
        settings_dead = settings.model_copy(update={"openai_base_url": "http://127.0.0.1:9/v1"})
        server.services.pipeline.llm = build_llm(settings_dead)
        down = await client.chat.completions.create(
            model="psylite", messages=[{"role": "user", "content": "Still there?"}], user="u1"
        )
        assert down.choices[0].message.content == LLM_DOWN["en"]
        crisis = await client.chat.completions.create(
            model="psylite", messages=[{"role": "user", "content": CRISIS_EN}], user="u1"
        )
        assert crisis.choices[0].message.content == crisis_reply("en")
        assert crisis.model_extra["psylite"]["escalation_id"] is not None
