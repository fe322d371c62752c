"""In-process GGUF via llama-cpp-python: the embedded default backend.

One `Llama` per model file per process (module-level cache). Generation runs in a
worker thread and hands tokens to the event loop through an `asyncio.Queue`; the
worker checks a stop flag between tokens so a timeout or a cancelled request stops
decoding within one token. A llama.cpp context decodes one sequence at a time, so
calls into one model are serialized by a lock; `llm_concurrency` bounds how many
requests this backend admits at once (the rest wait, and that wait counts against
the first-token timeout).
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import threading
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psylite.demo_model import GGUF_MAGIC, demo_model_path
from psylite.errors import LLMError, ModelFileError
from psylite.llm.base import ChatMessage, GenOptions, LLMBackend, guard_stream, register

if TYPE_CHECKING:
    from llama_cpp import Llama

    from psylite.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class _Loaded:
    llm: Llama
    # Held by the worker thread for the whole generation: Llama is not thread-safe.
    lock: threading.Lock = field(default_factory=threading.Lock)


_MODELS: dict[tuple[Path, int, int], _Loaded] = {}
_MODELS_LOCK = threading.Lock()

_FIX = "run `psylite model fetch-demo`, or set PSYLITE_MODEL to a .gguf path"


def check_gguf(path: Path) -> None:
    """Raise ModelFileError unless `path` is a readable file starting with the GGUF magic."""
    if not path.exists():
        raise ModelFileError(f"model file {path} does not exist: {_FIX}")
    if not path.is_file():
        raise ModelFileError(f"model path {path} is not a file: {_FIX}")
    try:
        with path.open("rb") as f:
            magic = f.read(4)
    except OSError as err:
        raise ModelFileError(f"cannot read model file {path} ({err.strerror}): {_FIX}") from None
    if magic != GGUF_MAGIC:
        raise ModelFileError(f"{path} is not a GGUF file (starts with {magic!r}): {_FIX}")


def _load(path: Path, n_ctx: int, n_threads: int) -> _Loaded:
    key = (path.resolve(), n_ctx, n_threads)
    with _MODELS_LOCK:
        if key in _MODELS:
            return _MODELS[key]
        check_gguf(path)
        from llama_cpp import Llama  # heavy: loads libllama, only when a model is needed

        log.info("loading %s (n_ctx=%d)", path, n_ctx)
        try:
            llm = Llama(
                model_path=str(path),
                n_ctx=n_ctx,
                n_threads=n_threads or None,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as err:
            raise ModelFileError(
                f"llama.cpp could not load {path} ({err}); the file may be truncated or "
                f"of an unsupported architecture: {_FIX}"
            ) from None
        if "tokenizer.chat_template" not in llm.metadata:
            # Without it llama-cpp-python guesses a generic format and replies degrade.
            log.warning("%s carries no chat template; using %s", path, llm.chat_format)
        _MODELS[key] = _Loaded(llm)
        return _MODELS[key]


def unload_all() -> None:
    """Free every cached model; a generation still running gets a moment to stop first."""
    with _MODELS_LOCK:
        for loaded in _MODELS.values():
            # A worker stuck in a long prompt evaluation must not hang the exit.
            if loaded.lock.acquire(timeout=2.0):
                try:
                    loaded.llm.close()
                finally:
                    loaded.lock.release()
        _MODELS.clear()


# Freed by the garbage collector at interpreter teardown, a Llama calls into an
# already-unloaded libllama and prints a traceback on exit; close models first.
atexit.register(unload_all)


_DONE = object()


class LlamaCppBackend(LLMBackend):
    """Chat completion with the GGUF's own chat template, decoded in a worker thread."""

    name = "llama_cpp"
    in_process = True

    def __init__(self, path: Path, *, n_ctx: int, n_threads: int, concurrency: int) -> None:
        self.path = path
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self._slots = asyncio.Semaphore(concurrency)

    @classmethod
    def from_settings(cls, settings: Settings) -> LlamaCppBackend:
        path = Path(settings.model).expanduser() if settings.model else demo_model_path(settings)
        return cls(
            path,
            n_ctx=settings.llm_n_ctx,
            n_threads=settings.llm_n_threads,
            concurrency=settings.llm_concurrency,
        )

    def stream(self, messages: Sequence[ChatMessage], options: GenOptions) -> AsyncIterator[str]:
        return guard_stream(
            self._generate(messages, options), options, what=f"llama.cpp ({self.path.name})"
        )

    async def load(self) -> None:
        """Load the model now (it is otherwise loaded by the first request)."""
        await asyncio.to_thread(_load, self.path, self.n_ctx, self.n_threads)

    async def check(self) -> str:
        check_gguf(self.path)
        size_gb = self.path.stat().st_size / 1e9
        return f"{self.path} ({size_gb:.2f} GB GGUF)"

    async def _generate(
        self, messages: Sequence[ChatMessage], options: GenOptions
    ) -> AsyncIterator[str]:
        async with self._slots:
            loaded = await asyncio.to_thread(_load, self.path, self.n_ctx, self.n_threads)
            loop = asyncio.get_running_loop()
            queue: asyncio.Queue[Any] = asyncio.Queue()
            stop = threading.Event()
            payload = [m.model_dump() for m in messages]

            def put(item: object) -> None:
                # The loop may be gone if the consumer was torn down; the thread just ends.
                try:
                    loop.call_soon_threadsafe(queue.put_nowait, item)
                except RuntimeError:
                    stop.set()

            def work() -> None:
                try:
                    with loaded.lock:
                        if stop.is_set():
                            return
                        chunks = loaded.llm.create_chat_completion(
                            messages=payload,  # type: ignore[arg-type]
                            stream=True,
                            max_tokens=options.max_tokens,
                            temperature=options.temperature,
                            stop=options.stop or None,
                        )
                        try:
                            for chunk in chunks:
                                if stop.is_set():
                                    break
                                text = chunk["choices"][0]["delta"].get("content")  # type: ignore[index]
                                if text:
                                    put(text)
                        finally:
                            chunks.close()  # type: ignore[union-attr]
                except Exception as err:
                    put(err)
                finally:
                    put(_DONE)

            worker = threading.Thread(target=work, name="llama-cpp-generate", daemon=True)
            worker.start()
            try:
                while (item := await queue.get()) is not _DONE:
                    if isinstance(item, Exception):
                        raise _translate(item, self)
                    yield item
            finally:
                stop.set()


def _translate(err: Exception, backend: LlamaCppBackend) -> LLMError:
    text = str(err)
    if isinstance(err, ValueError) and "context window" in text:
        return LLMError(
            f"the conversation does not fit llama.cpp's context of {backend.n_ctx} tokens "
            "(raise PSYLITE_LLM_N_CTX or lower PSYLITE_HISTORY_TURNS)"
        )
    log.error("llama.cpp generation failed", exc_info=err)
    return LLMError(f"llama.cpp generation failed ({type(err).__name__}: {text})")


@register("llama_cpp")
def _factory(settings: Settings) -> LLMBackend:
    return LlamaCppBackend.from_settings(settings)
