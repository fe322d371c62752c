"""Output guard: checks an LLM reply before it reaches the user.

Blocks method details (doses, heights, step-by-step self-harm), encouragement of
self-harm, instructions to hurt others or build weapons, and jokes after any risk
or distress. A blocked reply is replaced by fixed safe text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from psylite.safety.normalize import normalize
from psylite.safety.replies import crisis_reply
from psylite.safety.rules import eg, scan, zg
from psylite.safety.types import Decision, Route

_DEATH_ZH = r"(?:致死|致命|死亡|会死|能死|死掉|没命|过量|自杀|轻生)"
_DEATH_EN = r"(?:lethal|fatal|deadly|die|death|dying|overdose|kill|suicide)"
_UNIT = r"(?:mg|毫克|克|g|片|粒|颗|瓶|盒|pills?|tablets?|capsules?|grams?|milligrams?)"
_METHOD_WORDS = (
    r"(?:上吊|绳子|绳索|割腕|刀片|烧炭|木炭|跳楼|楼顶|安眠药|农药|百草枯|服毒|"
    r"noose|rope|hanging|wrists?|razor|blade|charcoal|carbon monoxide|jump|ledge|pills|overdose)"
)

# Medicines and poisons people overdose on: a quantity next to one is a method detail,
# even when the reply never says "die" (e.g. "吃50片安眠药就能睡过去").
_MEANS = (
    r"(?:安眠药|安定|地西泮|艾司唑仑|阿普唑仑|佐匹克隆|唑吡坦|扑热息痛|对乙酰氨基酚|布洛芬|农药|百草枯|敌敌畏|"
    r"老鼠药|鼠药|sleeping pills?|benzos?|diazepam|xanax|zolpidem|paracetamol|acetaminophen|"
    r"tylenol|ibuprofen|pesticide|paraquat|rat poison)"
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(p))
    for name, p in [
        (
            "dose detail",
            r"\d+(?:\.\d+)?\s*"
            + _UNIT
            + zg(20)
            + _DEATH_ZH
            + "|"
            + _DEATH_ZH
            + zg(20)
            + r"\d+(?:\.\d+)?\s*"
            + _UNIT,
        ),
        (
            "dose detail",
            r"\d+(?:\.\d+)?\s*"
            + _UNIT
            + eg(40)
            + r"\b"
            + _DEATH_EN
            + "|"
            + r"\b"
            + _DEATH_EN
            + eg(40)
            + r"\d+(?:\.\d+)?\s*"
            + _UNIT,
        ),
        (
            "dose detail",
            r"\d+(?:\.\d+)?\s*(?:"
            + _UNIT
            + r"[^。!?.\n]{0,8}|[^\d。!?.\n]{0,3}|(?:of )?(?:the |your |those )?)"
            + _MEANS
            + "|"
            + _MEANS
            + r"[^。!?.\n]{0,12}\d+(?:\.\d+)?\s*"
            + _UNIT,
        ),
        (
            "height detail",
            r"(?:\d+|几|十几|二十)\s*(?:楼|层|米|floors?|stor(?:e)?y|stories|storeys|feet|meters|metres)"
            + r"[^。!?.]{0,30}(?:跳|摔|坠|jump|fall)"
            + r"[^。!?.]{0,20}(?:死|致命|存活|die|fatal|lethal|surviv)",
        ),
        (
            "method steps",
            r"(?:步骤|第一步|首先|然后|接着|step \d|first,|then,|next,)"
            + r"[^\n]{0,80}"
            + _METHOD_WORDS,
        ),
        (
            "method steps",
            r"\b(?:tie|tying|make|making) (?:a |the )?noose\b|打(?:一个)?(?:死)?结"
            + zg(10)
            + r"(?:上吊|挂)",
        ),
        (
            "encouragement",
            r"(?:你|您)(?:就|应该|可以|还是|不如|干脆)?(?:去死|自杀|结束(?:你的)?生命)(?:吧)?|"
            r"\b(?:you should|go ahead and|just) (?:kill yourself|die|end it|do it tonight)\b|\bkys\b",
        ),
    ]
)
_HUMOR = re.compile(
    r"哈哈|嘿嘿|嘻嘻|相声|捧哏|逗哏|段子|开个玩笑|笑一笑|😂|🤣|😆|😜|\b(?:lol|lmao|haha\w*|just kidding|"
    r"here'?s a joke|knock knock|pun)\b"
)

FALLBACK = {
    "zh": "我想更认真地陪你聊聊这件事，先不说那些具体的做法。你现在感觉怎么样？愿意多说一点发生了什么吗？"
    "如果你正处在危险中，请发送 /resources 查看可以立刻联系的求助热线。",
    "en": "I'd rather stay with you on this than go into specifics. How are you feeling right now? "
    "Would you tell me a bit more about what's going on? If you're in danger, send /resources for "
    "helplines you can reach right away.",
}


@dataclass(frozen=True)
class GuardResult:
    text: str
    blocked: bool
    reasons: tuple[str, ...]


def _fallback(decision: Decision) -> str:
    if decision.route is Route.CRISIS:
        return crisis_reply(decision.lang)
    return FALLBACK.get(decision.lang, FALLBACK["en"])


def guard_output(text: str, decision: Decision) -> GuardResult:
    """Check an LLM reply; blocked replies become fixed safe text."""
    try:
        norm = normalize(text or "")
    except Exception:  # never let the guard be the thing that fails
        return GuardResult(_fallback(decision), True, ("guard error",))
    reasons: list[str] = []
    for name, pattern in _PATTERNS:
        if pattern.search(norm) and name not in reasons:
            reasons.append(name)
    sc = scan(norm)
    for rule, _span in sc.hits:
        if rule.kind in ("method", "weapons") or rule.name.endswith("harm_others_howto"):
            label = f"unsafe content: {rule.name}"
            if label not in reasons:
                reasons.append(label)
    if (
        decision.distress or decision.route in (Route.CRISIS, Route.REFUSE) or decision.risk >= 0.3
    ) and _HUMOR.search(norm):
        reasons.append("humor after risk or distress")
    if reasons:
        return GuardResult(_fallback(decision), True, tuple(reasons))
    return GuardResult(text, False, ())
