"""Deploy files stay in step with the code: every setting documented, the compose file and the
Open WebUI filter work against the real router and endpoint."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import yaml
from deploy_fixtures import API_KEY, COUNSEL_EN, CRISIS_ZH, REFUSE_ZH, serve_app, serve_settings

from psylite.llm.fake import FakeLLM
from psylite.safety import crisis_reply, refusal_reply
from psylite.serve import chat_id_for
from psylite.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"


def test_env_example_documents_every_setting() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    names = set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]+)=", text, re.MULTILINE))
    missing = []
    for field_name, info in Settings.model_fields.items():
        accepted = {f"PSYLITE_{field_name.upper()}"}
        alias = info.validation_alias
        if alias is not None:
            accepted |= set(getattr(alias, "choices", [alias]))
        if not accepted & names:
            missing.append(field_name)
    assert missing == []


def test_compose_runs_ollama_postgres_bot_and_admin_with_health_checks() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    services = compose["services"]
    for name in ("ollama", "postgres", "bot", "admin"):
        assert "healthcheck" in services[name], name
    assert "Juneup/internlm2.5_7b_distill:orpo_q4_k_m" in str(services["ollama-pull"])
    assert services["bot"]["environment"]["PSYLITE_LLM_BACKEND"] == "ollama"


def test_dockerfile_runs_as_a_non_root_user_with_llama_cpp_optional() -> None:
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^USER psylite$", text, re.MULTILINE)
    assert "ARG WITH_LLAMA_CPP=0" in text and "python:${PYTHON_VERSION}-slim" in text


def _filter_module() -> ModuleType:
    path = DEPLOY / "openwebui" / "psylite_filter.py"
    spec = importlib.util.spec_from_file_location("psylite_filter", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_openwebui_filter_answers_a_crisis_verbatim_and_escalates_it(
    data_dir: Path,
) -> None:
    async with serve_app(serve_settings(data_dir), FakeLLM()) as server:
        flt = _filter_module().Pipeline()
        flt.valves.PSYLITE_URL = server.url
        flt.valves.PSYLITE_API_KEY = API_KEY
        user = {"id": "owui-user-1"}
        body = {"model": "x", "messages": [{"role": "user", "content": CRISIS_ZH}], "chat_id": "c1"}
        body = await flt.inlet(body, user)
        assert CRISIS_ZH not in str(body["messages"])  # the model never sees it
        out = {"messages": [*body["messages"], {"role": "assistant", "content": "???"}]}
        out = await flt.outlet({**out, "chat_id": "c1"}, user)
        assert out["messages"][-1]["content"] == crisis_reply("zh")
        [esc] = await server.services.store.list_escalations(
            chat_id=chat_id_for("owui-user-1", None)
        )
        assert esc.risk > 0


async def test_openwebui_filter_passes_counsel_through_and_refuses_locally() -> None:
    flt = _filter_module().Pipeline()  # no URL: the router is imported in-process
    body = {"messages": [{"role": "user", "content": COUNSEL_EN}], "chat_id": "c2"}
    assert await flt.inlet(dict(body), None) == body
    assert (await flt.outlet({"messages": [{"role": "assistant", "content": "hi"}]}))["messages"][
        -1
    ]["content"] == "hi"
    refused = await flt.inlet({"messages": [{"role": "user", "content": REFUSE_ZH}]}, None)
    assert REFUSE_ZH not in str(refused["messages"])
    out = await flt.outlet({"messages": [{"role": "assistant", "content": "sure, step 1"}]})
    assert out["messages"][-1]["content"] == refusal_reply("zh")
