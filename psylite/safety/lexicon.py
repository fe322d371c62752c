"""Slang, dialect, pinyin and emoji lexicon applied at the end of `normalize`.

People dodge filters and write the way they talk: pinyin initials (「想zs」「好想xs」),
homophones (自鲨, 自沙, 想4), whole pinyin ("wo bu xiang huo le"), Cantonese
(「唔想做人」「活唔落去」「我老豆打我」) and emoji standing for a means (🔪💊🪢).
Each entry rewrites such a form into the plain Mandarin (or plain English) the rules
and the classifier already understand. Entries are *forms*, not sentences: a new
entry must be a way of writing a word, never a whole message.

Emoji become words of the message's own language, so an English message stays
English for `detect_lang` (and gets the English crisis reply).
"""

from __future__ import annotations

import re

# Pinyin initials and homophones for 自杀 / 死. Only in Chinese text, and only when a
# wanting/going word or a sentence particle sits next to them: "xs" alone may be 小时.
_ZH_SLANG: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in [
        # → 紫砂, the slang form the rules read as intent (while a bare 自杀 is only a topic)
        (r"自[沙鲨莎纱砂煞]|紫[杀鲨沙]|zi ?sha(?![a-z])|自shā|zìshā", "紫砂"),
        (r"(?<![a-z])zs(?![a-z])", "紫砂"),
        (r"(?<=[想要去])\s?xs(?![a-z])", "死"),
        (r"(?<![a-z])xs(?=[了啊吧呀啦算,。!?…]|$)", "想死"),
        # 想s / 想si / 想4 / 想鼠 / 去4: 死 written by sound
        (r"(?<=[想去要])\s?(?:si|sǐ|s|4|鼠|屎)(?=[了啊吧呀啦算掉,。!?…]|$)", "死"),
        (r"(?<=[想去要])\s?(?:si|sǐ|s)(?![a-z0-9])", "死"),
        # Cantonese → Mandarin (words that do not occur in Mandarin with another sense)
        (r"唔", "不"),
        (r"咗", "了"),
        (r"(?<=[了啦])喇|喇(?=[,。!?…\s]|$)", "了"),
        (r"嘅", "的"),
        (r"瞓", "睡"),
        (r"攰", "累"),
        (r"佢哋", "他们"),
        (r"佢", "他"),
        (r"冇", "没有"),
        (r"(?<=[真就唔不])系(?!统|列)", "是"),
        (r"点样|點樣", "怎么"),
        (r"点解", "为什么"),
        (r"落去", "下去"),
        (r"老豆|老窦|老爸", "爸"),
        (r"老母(?!鸡)", "妈"),
        (r"(?<=想)(?:再)?做人", "活"),
        (r"成日", "每天"),
        (r"生存(?=下去)", "活"),
        (r"(?<=[想要])(?:一觉)?睡死", "睡着不醒"),
        (r"(?<=[我])(?:系度|喺度)", "在"),
        (r"醒返(?:嚟|来)", "醒过来"),
        (r"返(?:嚟|来)", "回来"),
        (r"嚟", "来"),
        (r"喺", "在"),
        (r"揾", "找"),
        (r"𠝹|𰂇", "割"),  # Cantonese "to cut" (outside the basic CJK block)
        (r"而家", "现在"),
        (r"谂住?", "想"),
        (r"(?:琴|寻)晚", "昨晚"),
        (r"(?:琴|寻)日", "昨天"),
        (r"边度", "哪里"),
        (r"(?<![好])几多", "多少"),
        (r"嗰|𠮶", "那"),
        (r"㩒", "按"),
        # 食 is 吃 before what is swallowed (after 几多 became 多少, before 成樽 becomes 一整瓶)
        (r"食(?=[了药安农百成]|多少)", "吃"),
        (r"(?<![a-z])(?:听朝|听日)", "明天"),
        (r"阿妈", "妈妈"),
        (r"阿爸", "爸爸"),
        (r"成(?:排|板|樽|瓶)(?=药|安眠|止痛|[必扑泰])", "一整瓶"),
        (r"(?<=[他她])话(?=要|会|想)", "说"),
        (r"整(?=[炸枪毒])", "做"),
        # Northern spoken forms (「咋打人不留伤」「俺没脸活了」「老子在大桥上」): 咋 = 怎么,
        # 啥 = 什么, 俺 = 我; 老子 is "I" before what one does, not the philosopher (《老子》).
        (r"咋(?!舌)", "怎么"),
        (r"啥", "什么"),
        (r"俺", "我"),
        (r"(?<![《读])老子(?=[在不要想今就也都还真已是这没])", "我"),
        # voice input's homophones (「不想在活了」, 「我在也撑不住了」): 在 for 再
        (r"(?<=不想)在(?=活)", "再"),
        (r"(?<=[我你])在也(?=不想|没法|受不了|撑不|不活)", "再也"),
        # English verbs inside a Chinese sentence (「爸爸又hit我了」)
        (r"(?<=[\u4e00-\u9fff])\s?(?:hit|beat|hurt)s?\s?(?=我)", "打"),
        (r"(?<=[想要去会就])\s?(?:die|dead)(?![a-z])", "死"),
        (r"(?<=[楼层顶台])[\s,]*jump(?![a-z])", "跳"),
    ]
)

# Whole pinyin written in Latin letters (any message): map the phrases, not the syllables.
_PINYIN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in [
        (r"\b(?:wo )?bu ?xiang ?huo ?(?:le|la)?\b", "我不想活了"),
        (r"\b(?:wo )?(?:hao |zhen )?xiang ?(?:qu )?si ?(?:le|la)?\b", "我想死"),
        (r"\b(?:wo )?xiang ?zi ?sha\b", "我想自杀"),
        (r"\bhuo bu xia ?qu ?(?:le)?\b", "活不下去了"),
    ]
)

# English spellings that split one word the rules know ("step dad" → "stepdad")
_EN_JOIN = re.compile(r"\bstep (dad|mom|mum|father|mother|brother|sister)\b")

# Latin words glued together ("iwanttodie", "killmyself"): split the few phrases that matter.
_GLUED = re.compile(
    r"(?<![a-z])(i)?(want|wanna)(to)?(die|bedead|kms|killmyself|endit)(?![a-z])|"
    r"(?<![a-z])(kill|end)(my)(self|life)(?![a-z])"
)


def _unglue(m: re.Match[str]) -> str:
    parts = [p for p in m.groups() if p]
    out = " ".join(parts)
    return (
        out.replace("bedead", "be dead")
        .replace("killmyself", "kill myself")
        .replace("endit", "end it")
    )


# Emoji that stand for a means or an injury, in either language. Laughter emoji (💀) are
# deliberately absent: "i'm dead 💀" is a joke far more often than not.
_EMOJI: dict[str, tuple[str, str]] = {
    "🔪": ("刀", "knife"),
    "🗡": ("刀", "knife"),
    "🪒": ("刀片", "razor"),
    "💊": ("药", "pills"),
    "🪢": ("绳子", "rope"),
    "🩸": ("血", "blood"),
    "🔫": ("枪", "gun"),
    "✂": ("割", "cut"),
    "⚰": ("棺材", "coffin"),
    "🪦": ("墓碑", "grave"),
    "☠": ("死", "death"),
}
_EMOJI_RE = re.compile("[" + "".join(_EMOJI) + "]\ufe0f?")


# Latin words glued to ideographs (「今晚就kms了」): a space lets English word rules see them.
_CJK_LATIN = re.compile(r"(?<=[\u4e00-\u9fff])(?=[a-z])|(?<=[a-z])(?=[\u4e00-\u9fff])")
_SPACED_CJK = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


def apply(text: str, zh: bool) -> str:
    """Rewrite slang, dialect, pinyin and emoji forms in already-normalized text."""
    if _EMOJI_RE.search(text):
        if zh:  # the word joins the sentence, as if typed (「我想✂️自己」→「我想割自己」)
            text = _EMOJI_RE.sub(lambda m: _EMOJI[m.group(0)[0]][0], text)
            text = _SPACED_CJK.sub("", text)
        else:
            text = _EMOJI_RE.sub(lambda m: " " + _EMOJI[m.group(0)[0]][1] + " ", text)
    if zh:
        for pattern, repl in _ZH_SLANG:
            text = pattern.sub(repl, text)
    if "xiang" in text or "huo" in text:
        for pattern, repl in _PINYIN:
            text = pattern.sub(repl, text)
    if "step " in text:
        text = _EN_JOIN.sub(r"step\1", text)
    if "want" in text or "kill" in text or "end" in text:
        text = _GLUED.sub(_unglue, text)
    if zh:
        text = _CJK_LATIN.sub(" ", text)
    return text
