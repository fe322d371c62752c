"""Content lint for humor snippets: excluded themes and mocking the listener.

A support companion must never joke about what may be hurting the person it talks
to, so the lint is deliberately broad: it prefers rejecting a harmless line to
letting one through that touches death, illness, bodies, money trouble, faith,
politics or disability. Chinese rules are substrings (no word boundaries in
Chinese); a short allow-list removes common harmless compounds first (仿佛 is not
about 佛, 幸亏 is not about losing money). English rules are whole-word regexes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# theme -> (Chinese substrings, English regex fragments matched as whole words)
EXCLUDED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "death": (
        (
            "死",
            "去世",
            "逝世",
            "过世",
            "身亡",
            "遗体",
            "遗嘱",
            "葬",
            "坟",
            "墓",
            "棺",
            "骨灰",
            "杀",
            "要命",
            "救命",
            "送命",
            "丧命",
            "没命",
            "阎王",
            "鬼",
            "上西天",
            "挂了",
        ),
        (
            r"die[sd]?",
            r"dying",
            r"dead(ly)?",
            r"death",
            r"kill(s|ed|ing)?",
            r"funerals?",
            r"graves?",
            r"coffins?",
            r"murder\w*",
            r"corpses?",
            r"r\.?i\.?p",
            r"ghosts?",
            r"passed away",
        ),
    ),
    "suicide": (
        (
            "自杀",
            "轻生",
            "跳楼",
            "割腕",
            "上吊",
            "寻短见",
            "不想活",
            "活不下去",
            "结束生命",
            "了结自己",
        ),
        (
            r"suicid\w*",
            r"kill (myself|yourself|themselves)",
            r"end it all",
            r"hang (myself|yourself)",
            r"self[- ]harm",
        ),
    ),
    "illness": (
        (
            "病",
            "医",
            "药",
            "癌",
            "瘤",
            "症",
            "疼",
            "痛",
            "发烧",
            "感冒",
            "咳嗽",
            "住院",
            "手术",
            "打针",
            "输液",
            "疫",
            "失眠",
            "抑郁",
            "焦虑",
            "疯",
            "神经质",
            "精神分裂",
            "过敏",
            "受伤",
            "伤口",
        ),
        (
            r"sick\w*",
            r"ill",
            r"illness\w*",
            r"disease\w*",
            r"hospital\w*",
            r"doctors?",
            r"nurses?",
            r"medic\w*",
            r"pills?",
            r"cancer",
            r"tumou?r",
            r"fever",
            r"flu",
            r"surgery",
            r"injur\w*",
            r"insomnia",
            r"depress\w*",
            r"anxiety",
            r"crazy",
            r"insane",
            r"psycho\w*",
            r"mental",
            r"pain\w*",
            r"ache\w*",
            r"virus\w*",
            r"covid",
        ),
    ),
    "body and appearance": (
        (
            "胖",
            "瘦",
            "丑",
            "颜值",
            "长相",
            "相貌",
            "身材",
            "秃",
            "脱发",
            "发际线",
            "头发",
            "矮",
            "个子",
            "脸",
            "皮肤",
            "痘",
            "皱纹",
            "啤酒肚",
            "大肚子",
            "腰围",
            "腿短",
            "身高",
            "整容",
            "难看",
            "好看的人",
        ),
        (
            r"fat",
            r"fatter",
            r"skinny",
            r"ugly",
            r"bald\w*",
            r"hairline",
            r"wrinkl\w*",
            r"pimples?",
            r"belly",
            r"waist\w*",
            r"chubby",
            r"obese",
            r"face",
            r"looks",
            r"good[- ]looking",
            r"height",
        ),
    ),
    "weight": (
        ("体重", "减肥", "斤", "公斤", "肥", "卡路里", "节食", "热量", "长肉"),
        (
            r"weigh\w*",
            r"diet\w*",
            r"calori\w*",
            r"pounds",
            r"kilos?",
            r"kg",
            r"lbs?",
            r"overweight",
        ),
    ),
    "money loss": (
        (
            "穷",
            "破产",
            "亏钱",
            "亏本",
            "亏损",
            "亏光",
            "赔钱",
            "赔本",
            "赔光",
            "股票",
            "炒股",
            "股市",
            "基金",
            "被骗",
            "欠钱",
            "欠债",
            "债",
            "借钱",
            "彩票",
            "赌",
            "没钱",
            "月光族",
            "工资",
            "钱包",
        ),
        (
            r"broke",
            r"bankrupt\w*",
            r"debts?",
            r"poor",
            r"poverty",
            r"stocks?",
            r"lost money",
            r"lose money",
            r"gambl\w*",
            r"lottery",
            r"scam\w*",
            r"salary",
            r"loans?",
            r"money",
        ),
    ),
    "religion": (
        (
            "宗教",
            "佛",
            "菩萨",
            "上帝",
            "耶稣",
            "基督",
            "教堂",
            "寺",
            "庙",
            "和尚",
            "尼姑",
            "道士",
            "祈祷",
            "烧香",
            "真主",
            "神仙",
            "神灵",
            "老天爷",
            "天堂",
            "地狱",
            "保佑",
            "灵魂",
            "供奉",
            "拜拜",
        ),
        (
            r"god\w*",
            r"jesus",
            r"christ\w*",
            r"church\w*",
            r"pray\w*",
            r"buddh\w*",
            r"allah",
            r"religio\w*",
            r"heaven\w*",
            r"hell",
            r"bible",
            r"temple",
            r"mosque",
            r"priest\w*",
            r"soul",
        ),
    ),
    "politics": (
        (
            "政治",
            "政府",
            "总统",
            "主席",
            "总理",
            "选举",
            "投票",
            "党",
            "领导人",
            "民主",
            "抗议",
            "游行",
            "国家大事",
            "外交",
            "战争",
        ),
        (
            r"politic\w*",
            r"government",
            r"president\w*",
            r"prime minister",
            r"elections?",
            r"vote\w*",
            r"democra\w*",
            r"republican\w*",
            r"senat\w*",
            r"parliament",
            r"protest\w*",
            r"war",
        ),
    ),
    "disability": (
        (
            "残疾",
            "残废",
            "残障",
            "瞎",
            "聋",
            "哑",
            "瘸",
            "跛",
            "弱智",
            "智障",
            "傻",
            "白痴",
            "脑残",
            "轮椅",
            "盲",
            "结巴",
            "口吃",
            "痴",
            "蠢",
        ),
        (
            r"blind",
            r"deaf",
            r"mute",
            r"dumb",
            r"lame",
            r"crippl\w*",
            r"retard\w*",
            r"wheelchair\w*",
            r"disabled",
            r"disabilit\w*",
            r"handicap\w*",
            r"moron\w*",
            r"idiot\w*",
            r"stupid",
        ),
    ),
}

# Putting the listener down; self-deprecation ("我真笨") stays allowed.
MOCKING_ZH: tuple[str, ...] = (
    r"你(真|好|太|这么|那么|可真|也太|就是|是个?)?\s*(笨|蠢|傻|没用|差劲|丢人|可笑|废|懒|不行|失败)",
    r"笨蛋",
    r"蠢货",
    r"废物",
    r"活该",
    r"你也配",
    r"你懂什么",
    r"都怪你",
    r"就你这样",
    r"丢人现眼",
    r"没出息",
    r"窝囊",
    r"loser",
)
MOCKING_EN: tuple[str, ...] = (
    r"you('re| are)( such)?( an?)?( so| really| totally)? (stupid|dumb|useless|pathetic|lazy|boring|hopeless|a failure|a loser|an idiot|a joke)",
    r"you idiot",
    r"losers?",
    r"serves you right",
    r"your (own )?fault",
    r"what'?s wrong with you",
    r"nobody likes you",
    r"get a life",
)

# Harmless compounds that contain an excluded character; removed before matching.
ALLOW_ZH: tuple[str, ...] = ("仿佛", "幸亏", "痛快", "见过世面")

_ZH_RULES: list[tuple[str, str]] = [
    (theme, term) for theme, (zh, _) in EXCLUDED.items() for term in zh
]
_EN_RULES: list[tuple[str, re.Pattern[str]]] = [
    (theme, re.compile(rf"\b(?:{'|'.join(en)})\b", re.IGNORECASE))
    for theme, (_, en) in EXCLUDED.items()
]
_MOCK_RULES: list[re.Pattern[str]] = [re.compile(p) for p in MOCKING_ZH] + [
    re.compile(rf"\b{p}\b", re.IGNORECASE) for p in MOCKING_EN
]


@dataclass(frozen=True)
class Problem:
    """One reason a snippet may not be used."""

    rule: str  # an excluded theme, or "mocking the listener"
    match: str

    def __str__(self) -> str:
        return f"{self.rule} ({self.match!r})"


def _strip_allowed(text: str) -> str:
    for word in ALLOW_ZH:
        text = text.replace(word, " ")
    return text


def lint_text(text: str) -> list[Problem]:
    """All problems found in a snippet's text; an empty list means it may be used."""
    problems: list[Problem] = []
    zh = _strip_allowed(text)
    for theme, term in _ZH_RULES:
        if term in zh:
            problems.append(Problem(theme, term))
    for theme, pattern in _EN_RULES:
        m = pattern.search(text)
        if m:
            problems.append(Problem(theme, m.group(0)))
    for pattern in _MOCK_RULES:
        m = pattern.search(text)
        if m:
            problems.append(Problem("mocking the listener", m.group(0)))
    return problems


def excluded_themes_in(text: str) -> list[str]:
    """The excluded themes a text touches (e.g. a user's message), without the mocking rules."""
    return list(dict.fromkeys(p.rule for p in lint_text(text) if p.rule in EXCLUDED))


def touches_excluded_theme(text: str) -> bool:
    """True when the text touches an excluded theme or mocks the listener."""
    return bool(lint_text(text))
