"""Fixed, localized replies built from the hotline data file; never the LLM."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hotline:
    id: str
    name: dict[str, str]
    number: str
    hours: dict[str, str]
    region: str
    emergency: bool = False
    verify: bool = True

    def line(self, lang: str) -> str:
        name = self.name.get(lang) or self.name.get("en") or self.id
        hours = self.hours.get(lang) or self.hours.get("en") or ""
        sep = "：" if lang == "zh" else ": "
        return f"• {name}{sep}{self.number}" + (
            f"（{hours}）" if lang == "zh" and hours else f" ({hours})" if hours else ""
        )


# Used only if the data file cannot be read: a crisis reply must never fail.
_FALLBACK = (
    Hotline(
        "cn-12356",
        {"zh": "全国统一心理援助热线", "en": "China psychological assistance hotline"},
        "12356",
        {"zh": "", "en": ""},
        "CN",
    ),
    Hotline("cn-110", {"zh": "报警电话", "en": "Police (China)"}, "110", {}, "CN", emergency=True),
    Hotline(
        "cn-120", {"zh": "急救电话", "en": "Ambulance (China)"}, "120", {}, "CN", emergency=True
    ),
    Hotline(
        "us-988", {"zh": "美国 988 生命线", "en": "988 Suicide & Crisis Lifeline"}, "988", {}, "US"
    ),
    Hotline(
        "uk-samaritans",
        {"zh": "英国撒玛利亚会", "en": "Samaritans (UK & Ireland)"},
        "116 123",
        {},
        "UK",
    ),
    Hotline("eu-112", {"zh": "紧急电话", "en": "Emergency (EU)"}, "112", {}, "EU", emergency=True),
)

_REGIONS_BY_LANG = {"zh": ("CN",), "en": ("US", "UK", "EU")}


def _data_path() -> Path:
    from retrieval.resources import hotlines_path

    return hotlines_path()


@lru_cache(maxsize=1)
def hotlines() -> tuple[Hotline, ...]:
    """All hotlines from retrieval/resources/hotlines.yaml (fallback list if unreadable)."""
    try:
        import yaml

        data = yaml.safe_load(_data_path().read_text(encoding="utf-8"))
        out = []
        for e in data["hotlines"]:
            out.append(
                Hotline(
                    id=str(e["id"]),
                    name=dict(e["name"]),
                    number=str(e["number"]),
                    hours=dict(e.get("hours") or {}),
                    region=str(e["region"]).upper(),
                    emergency=bool(e.get("emergency", False)),
                    verify=bool(e.get("verify", True)),
                )
            )
        if not out:
            raise ValueError("no hotlines")
        return tuple(out)
    except Exception as err:
        log.error("hotline data unreadable (%s); using the built-in list", err)
        return _FALLBACK


def _pick(lang: str, region: str | None) -> list[Hotline]:
    regions = (region.upper(),) if region else _REGIONS_BY_LANG.get(lang, _REGIONS_BY_LANG["en"])
    chosen = [h for h in hotlines() if h.region in regions]
    if not chosen:  # unknown region: the language's defaults
        chosen = [
            h for h in hotlines() if h.region in _REGIONS_BY_LANG.get(lang, ("US", "UK", "EU"))
        ]
    # support lines first, then emergency numbers
    return sorted(chosen, key=lambda h: h.emergency)


def _lang(lang: str) -> str:
    return "zh" if str(lang).lower().startswith("zh") else "en"


def crisis_reply(lang: str, region: str | None = None) -> str:
    """Warm, fixed crisis message with hotlines for the user's language/region."""
    lang = _lang(lang)
    lines = "\n".join(h.line(lang) for h in _pick(lang, region))
    if lang == "zh":
        return (
            "谢谢你愿意告诉我这些。听起来你现在非常痛苦，你的安全对我来说最重要。\n"
            "如果你现在有伤害自己的危险，或者身处危险之中，请马上拨打急救/报警电话，或者联系身边信任的人陪着你。\n"
            "下面这些热线有专业的人可以立刻和你说话：\n"
            f"{lines}\n"
            "我是 AI，不能替代专业帮助，但我会一直在这里听你说。你现在在哪里？身边有人吗？"
        )
    return (
        "Thank you for telling me. It sounds like you are in a lot of pain right now, and your safety "
        "matters most to me.\n"
        "If you might act on these thoughts or you are in danger, please call your local emergency number "
        "now, or reach out to someone you trust to be with you.\n"
        "These lines have trained people you can talk to right away:\n"
        f"{lines}\n"
        "I'm an AI and can't replace professional help, but I'm here and I'm listening. "
        "Where are you right now — is anyone with you?"
    )


def refusal_reply(lang: str) -> str:
    """Brief, warm refusal that keeps the door open to the feeling behind the request."""
    if _lang(lang) == "zh":
        return (
            "这个我不能帮你做，因为它可能会伤害到你或别人。"
            "不过我很在意你为什么会想到这些——如果你愿意，可以跟我说说现在发生了什么、你的感受是怎样的，我在这里听。"
        )
    return (
        "I can't help with that, because it could hurt you or someone else. "
        "But I do care about what's behind it — if you'd like, tell me what's going on and how you're "
        "feeling. I'm here to listen."
    )


def resources_text(lang: str) -> str:
    """The full hotline list for /resources, grouped by region."""
    lang = _lang(lang)
    order = ("CN", "US", "UK", "EU") if lang == "zh" else ("US", "UK", "EU", "CN")
    titles = {
        "zh": {"CN": "中国大陆", "US": "美国", "UK": "英国 / 爱尔兰", "EU": "欧盟"},
        "en": {
            "CN": "Mainland China",
            "US": "United States",
            "UK": "UK & Ireland",
            "EU": "European Union",
        },
    }[lang]
    all_lines = hotlines()
    known = set(order)
    regions = list(order) + sorted({h.region for h in all_lines} - known)
    parts = [
        "求助热线（如有紧急危险，请立即拨打当地急救/报警电话）："
        if lang == "zh"
        else "Helplines (if you are in immediate danger, call your local emergency number now):"
    ]
    for region in regions:
        group = sorted((h for h in all_lines if h.region == region), key=lambda h: h.emergency)
        if not group:
            continue
        parts.append(f"\n{titles.get(region, region)}")
        parts.extend(h.line(lang) for h in group)
    return "\n".join(parts)


_CHECK_IN = {  # (sentence, emergency clause, end, separator between lines)
    "zh": (
        "（如果你有伤害自己的念头，或者正处在危险中，可以随时拨打 {lines}",
        "；紧急情况请拨打 {urgent}",
        "。）",
        "、",
    ),
    "en": (
        "(If you are thinking about harming yourself or you are in danger, you can reach "
        "{lines} any time",
        "; in an emergency call {urgent}",
        ".)",
        ", ",
    ),
}


def check_in_line(lang: str, region: str | None = None) -> str:
    """One fixed line after a counsel reply when the router saw possible (not clear) risk.

    The router's misses cluster in that band, so the hotlines are never more than one
    message away there, whatever the LLM writes (or when it is down).
    """
    lang = _lang(lang)
    sentence, emergency_clause, end, sep = _CHECK_IN[lang]
    picked = _pick(lang, region)
    support = [h for h in picked if not h.emergency][:2]
    emergency = [h for h in picked if h.emergency][:2]
    lines = sep.join(f"{h.name[lang]} {h.number}" for h in support)
    urgent = "/".join(h.number for h in emergency)
    return (
        sentence.format(lines=lines)
        + (emergency_clause.format(urgent=urgent) if urgent else "")
        + end
    )
