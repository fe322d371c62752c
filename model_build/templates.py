"""Chat templates: InternLM2's Jinja template (Hugging Face side) and its Ollama twin.

The Ollama template must produce the same text as ``tokenizer.apply_chat_template`` minus
the leading BOS, which llama.cpp/Ollama add as a token (GGUF ``add_bos_token``). Ollama
passes system messages inside ``.Messages`` (and a Modelfile SYSTEM becomes the first
system message when a request has none), so ranging over all messages renders them in
place, exactly as the Jinja template does.
"""

from __future__ import annotations

import re
from typing import Any

from model_build.errors import BuildError

# InternLM2(.5)-chat's template, as in its tokenizer_config.json.
INTERNLM2_CHAT_TEMPLATE = (
    "{{ bos_token }}{% for message in messages %}"
    "{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)

INTERNLM2_OLLAMA_TEMPLATE = (
    "{{- range .Messages }}<|im_start|>{{ .Role }}\n{{ .Content }}<|im_end|>\n{{ end }}"
    "<|im_start|>assistant\n"
)

INTERNLM2_STOP = ["<|im_end|>", "<|im_start|>"]

CHAT_TEMPLATES = {"internlm2": INTERNLM2_CHAT_TEMPLATE}
OLLAMA_TEMPLATES = {"internlm2": (INTERNLM2_OLLAMA_TEMPLATE, INTERNLM2_STOP)}


def resolve_chat_template(name_or_jinja: str | None) -> str | None:
    """A template name (``internlm2``) or a literal Jinja template; None keeps the tokenizer's."""
    if not name_or_jinja:
        return None
    return CHAT_TEMPLATES.get(name_or_jinja, name_or_jinja)


def ensure_chat_template(tokenizer: Any, name_or_jinja: str | None, model: str) -> None:
    """Set the configured template, or fail clearly when the tokenizer has none."""
    template = resolve_chat_template(name_or_jinja)
    if template:
        tokenizer.chat_template = template
    if not getattr(tokenizer, "chat_template", None):
        raise BuildError(
            f"the tokenizer of {model} has no chat template; set `chat_template: internlm2` "
            "(or a Jinja template) in the recipe or pass --chat-template"
        )


_ACTION = re.compile(r"\{\{(-?)\s*(.*?)\s*(-?)\}\}", re.DOTALL)


def render_ollama_template(template: str, messages: list[dict[str, str]], system: str = "") -> str:
    """Render the subset of Go templates our Modelfiles use: range .Messages, .Role, .Content, .System.

    Enough to check a Modelfile TEMPLATE against the tokenizer's chat template without Ollama.
    """
    # Split into text / action pieces, applying Go's {{- and -}} whitespace trimming.
    pieces: list[tuple[str, str]] = []
    pos = 0
    for m in _ACTION.finditer(template):
        trim_left, body, trim_right = m.groups()
        text = template[pos : m.start()]
        pieces.append(("text", text.rstrip() if trim_left else text))
        pieces.append(("action", body))
        pos = m.end()
        if trim_right:
            while pos < len(template) and template[pos].isspace():
                pos += 1
    pieces.append(("text", template[pos:]))

    out: list[str] = []
    i = 0
    while i < len(pieces):
        kind, value = pieces[i]
        if kind == "text":
            out.append(value)
        elif value == "range .Messages":
            end = next(
                (j for j in range(i + 1, len(pieces)) if pieces[j] == ("action", "end")), None
            )
            if end is None:
                raise BuildError("template: `range` without `end`")
            body = pieces[i + 1 : end]
            for message in messages:
                for bkind, bvalue in body:
                    out.append(bvalue if bkind == "text" else _field(bvalue, message, system))
            i = end
        else:
            out.append(_field(value, {}, system))
        i += 1
    return "".join(out)


def _field(action: str, message: dict[str, str], system: str) -> str:
    if action == ".Role" and message:
        return message["role"]
    if action == ".Content" and message:
        return message["content"]
    if action == ".System":
        return system
    raise BuildError(f"template action {{{{ {action} }}}} is not supported by this renderer")
