"""One settings object for every process (env prefix ``PSYLITE_``, ``.env`` supported)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from psylite.errors import ConfigError

DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434"


class Backend(StrEnum):
    LLAMA_CPP = "llama_cpp"
    OLLAMA = "ollama"
    OPENAI = "openai"


class Settings(BaseSettings):
    """Validated at start-up; every field has a safe default so `make run` works with none."""

    model_config = SettingsConfigDict(
        env_prefix="PSYLITE_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    environment: Literal["development", "production", "test"] = "development"
    data_dir: Path = Path("./var")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    # --- LLM ---
    llm_backend: Backend = Backend.LLAMA_CPP
    # A GGUF path (llama_cpp) or a server-side model name (ollama/openai).
    # Empty means: the demo model under the data dir (llama_cpp) or "psylite" (servers).
    model: str = ""
    demo_model: Literal["1.5b", "0.5b"] = "1.5b"
    ollama_host: str = Field(
        default=DEFAULT_OLLAMA_HOST,
        validation_alias=AliasChoices("PSYLITE_OLLAMA_HOST", "OLLAMA_HOST"),
    )
    openai_base_url: str = "http://127.0.0.1:8000/v1"
    openai_api_key: SecretStr = SecretStr("not-needed")
    llm_max_tokens: int = Field(default=512, ge=1, le=32768)
    llm_temperature: float = Field(default=0.7, ge=0.0, le=2.0)
    llm_first_token_timeout: float = Field(default=60.0, gt=0)
    llm_total_timeout: float = Field(default=300.0, gt=0)
    llm_concurrency: int = Field(default=1, ge=1, le=64)
    llm_n_ctx: int = Field(default=4096, ge=256)
    llm_n_threads: int = Field(default=0, ge=0)  # 0 = let llama.cpp decide
    history_turns: int = Field(default=8, ge=0, le=100)

    # --- storage ---
    database_url: str = ""  # empty: sqlite+aiosqlite under the data dir
    retention_days: int = Field(default=30, ge=1)
    encryption_key: SecretStr | None = None

    # --- Telegram ---
    telegram_bot_token: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("PSYLITE_TELEGRAM_BOT_TOKEN", "TELEGRAM_BOT_TOKEN"),
    )
    telegram_base_url: str = ""
    admin_chat_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    # Per-user message rate limit (token bucket): `burst` at once, refilled per minute.
    telegram_rate_per_minute: float = Field(default=20.0, gt=0)
    telegram_rate_burst: int = Field(default=5, ge=1)
    # Streaming: at most one edit of the reply message per this many seconds per chat.
    telegram_edit_interval: float = Field(default=1.0, ge=0.0)
    # Tell a user "one moment" when this many generations are queued ahead of them.
    telegram_queue_notice: int = Field(default=1, ge=0)
    telegram_max_concurrent_updates: int = Field(default=256, ge=1)
    # Admin notifications: re-notify an open escalation nobody acknowledged after this long.
    escalation_renotify_minutes: float = Field(default=15.0, gt=0)
    # Excerpt of the user's message in admin notifications; redaction masks numbers,
    # e-mail addresses and @handles; 0 characters sends no excerpt at all.
    escalation_excerpt_chars: int = Field(default=200, ge=0, le=1000)
    escalation_excerpt_redact: bool = True
    # Bump when the consent text changes materially: users are asked again.
    policy_version: str = "2025-06"

    # --- metrics ---
    # In polling mode the bot serves /metrics and /healthz here (0 = off); webhook mode
    # serves them on the webhook port.
    metrics_host: str = "127.0.0.1"
    metrics_port: int = Field(default=0, ge=0, le=65535)

    # --- humor and routing ---
    humor_enabled: bool = True
    humor_cooldown_turns: int = Field(default=4, ge=1, le=100)  # at most one snippet per N turns
    humor_no_repeat: int = Field(default=50, ge=0, le=1000)  # never repeat within a user's last N
    # Ask the LLM for a second opinion on ambiguous messages (can only raise risk).
    router_second_opinion: bool = False

    # --- admin dashboard ---
    # Encrypts and signs the dashboard's session cookies. The placeholder is refused
    # outside development (`build_admin_app` raises ConfigError); any long random
    # string works, e.g. `python -c "import secrets; print(secrets.token_urlsafe(32))"`.
    admin_secret_key: SecretStr = SecretStr("change-me-admin-secret")

    # --- serve (OpenAI-compatible endpoint, `psylite serve`) ---
    # Bearer token clients must send (Authorization: Bearer ...). Required outside
    # development; `build_serve_app` refuses to start without it.
    serve_api_key: SecretStr | None = None

    @field_validator("admin_chat_ids", mode="before")
    @classmethod
    def _split_ids(cls, v: object) -> object:
        if isinstance(v, str):
            return [int(x) for x in v.replace(";", ",").split(",") if x.strip()]
        if isinstance(v, int):
            return [v]
        return v

    @field_validator("ollama_host")
    @classmethod
    def _ollama_scheme(cls, v: str) -> str:
        v = v.strip().rstrip("/")
        if not v:
            return DEFAULT_OLLAMA_HOST
        if "://" not in v:  # Ollama accepts "host:port"; so do we
            v = "http://" + v
        return v

    # --- derived paths ---
    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'psylite.db').resolve()}"

    def model_name_for_server(self) -> str:
        return self.model or "psylite"


def _one_line(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e.get("loc", ())) or "settings"
        name = "PSYLITE_" + loc.upper() if loc != "settings" else loc
        parts.append(f"{name}: {e.get('msg')} (got {e.get('input')!r})")
    return "invalid setting — " + "; ".join(parts)


def load_settings(**overrides: object) -> Settings:
    """Build and validate the settings; raise ConfigError with one clear line on bad input."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        raise ConfigError(_one_line(err)) from None
    except ValueError as err:  # e.g. a non-integer admin id
        raise ConfigError(f"invalid setting — {err}") from None
