"""Hand-written patterns over normalized text (see `normalize`).

Rules are grouped by kind. Before the risk rules run, *masks* blank out spans that
look dangerous but are not: hyperbole (「笑死」, "dying of laughter"), negation
(「我没有想死」, "I'm not suicidal"), third parties ("my friend wants to die") and
harmless compounds (紫砂壶, bath bomb). Masked spans are reported as reasons too,
so a reviewer sees why a scary word did not trigger a crisis.

Patterns describe how people phrase intent (subject + modal + act, slang,
euphemism), not particular sentences: keep them that way when adding cases.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Literal

from psylite.safety.literals import grams, required

Kind = Literal[
    "self",  # suicide / self-harm intent or plan (crisis)
    "method",  # method-seeking: doses, heights, "painless way" (crisis)
    "danger",  # abuse, threats, harm in progress (crisis)
    "topic",  # a bare mention of suicide / self-harm (ambiguous)
    "hopeless",  # hopelessness, burden, worthlessness (accumulates)
    "distress",  # sadness, anxiety, grief (no humor)
    "harm_others",  # requests or intent to hurt someone (refuse)
    "weapons",  # weapons, explosives, poisons, drug synthesis (refuse)
    "jailbreak",  # prompt injection / policy evasion (refuse)
    "positive",  # playful, happy, asking for a joke (humor candidate)
]
CRISIS_KINDS = frozenset({"self", "method", "danger"})
REFUSE_KINDS = frozenset({"harm_others", "weapons", "jailbreak"})
RISK_KINDS = frozenset({"self", "method", "danger", "topic", "hopeless", "distress"})
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_RE = re.compile(r"[a-z]")
_MOOD_KINDS = frozenset({"positive", "distress"})
_SOFT_KINDS = frozenset({"hopeless", "topic"})  # each match counts (noisy-or)

# gap of up to n characters inside one clause (no sentence punctuation)
_ZG = r"[^。！？!?；;\n]{0,%d}"
# gap of up to n characters inside one English sentence
_EG = r"[^.!?;\n]{0,%d}"


def zg(n: int) -> str:
    return _ZG % n


def eg(n: int) -> str:
    return _EG % n


@dataclass(frozen=True)
class Rule:
    name: str
    kind: Kind
    weight: float
    pattern: re.Pattern[str]
    # danger that the model's benign reading never holds back (a child in danger now)
    urgent: bool = False
    # one's own risk said in the vocabulary of risk (warning signs, a client's suicide): the
    # model reads that vocabulary as a topic, so its benign reading never holds this back
    unvetoed: bool = False


def _masks(pairs: list[tuple[str, str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(mask name, pattern) pairs compiled, in order: masks consume spans, so order matters."""
    return tuple((name, re.compile(pattern)) for name, pattern in pairs)


def _r(
    name: str,
    kind: Kind,
    weight: float,
    pattern: str,
    *,
    urgent: bool = False,
    unvetoed: bool = False,
) -> Rule:
    return Rule(name, kind, weight, re.compile(pattern), urgent, unvetoed)


# --- people and targets -----------------------------------------------------------
_ZH_OTHER = (
    r"(?:他|她|他们|她们|别人|某人|那个人|那人|这个人|那个\w{1,3}|老板|上司|领导|同事|老师|室友|舍友|前任|前男友|"
    r"前女友|前夫|前妻|老公|丈夫|老婆|妻子|邻居|同学|继父|继母|后妈|后爸|小三|情敌|仇人|全家|一家人|全班|"
    r"我(?:的)?(?:老板|上司|领导|同事|老师|室友|舍友|前任|前男友|前女友|前夫|前妻|老公|丈夫|老婆|妻子|邻居|"
    r"同学|爸|妈|爸爸|妈妈|父亲|母亲|哥|姐|弟|妹|哥哥|姐姐|弟弟|妹妹|继父|继母|后妈|男朋友|女朋友|对象))"
)
_ZH_THIRD = (
    r"(?:朋友|好友|闺蜜|兄弟|同学|室友|舍友|同事|网友|表姐|表哥|堂哥|堂姐|妈妈|爸爸|妈|爸|母亲|父亲|哥哥|姐姐|"
    r"弟弟|妹妹|女儿|儿子|孩子|学生|老公|老婆|男朋友|女朋友|对象|他|她|他们|她们|有人|一个人|别人|主角|角色|"
    r"患者|病人|来访者|同桌|邻居|工友|老乡|战友|学长|学姐|学弟|学妹|徒弟|师傅|队友)"
)
_ZH_ABUSER = (
    r"(?:他|她|他们|爸|妈|爸爸|妈妈|父亲|母亲|老公|丈夫|老婆|男朋友|男友|女朋友|前任|前夫|前男友|继父|继母|后妈|"
    r"后爸|叔叔|舅舅|哥哥|姐姐|家里人|家人|同学|室友|舍友|老板|老师|有人|一个人|陌生人|一群人|这个人|那个人)"
)
_EN_OTHER = (
    r"(?:someone|somebody|anyone|him|her|them|people|a person|a human|my (?:ex|boss|wife|husband|"
    r"girlfriend|boyfriend|teacher|coworker|co-worker|colleague|neighbou?r|roommate|landlord|dad|father|mom|mother|"
    r"stepdad|stepmom|stepfather|stepmother|brother|sister|classmate|partner|family|parents?|friend|grandma|grandpa|"
    r"grandmother|grandfather|aunt|uncle|cousin|son|daughter|baby|kids?|children|students?|classmates|teammates?|"
    r"coworkers|enemy|rival|bully|bullies|abuser|in-laws?)|the (?:kid|child|baby|teacher|boss|"
    r"neighbou?r|guy|girl|man|woman)|my \w+'s \w+|a kid|a child|kids|children|everyone|my whole \w+|that (?:guy|girl|"
    r"man|woman|bitch|bastard|jerk|kid|teacher|bully))"
)
_EN_ABUSER = (
    r"(?:he|she|they|my (?:(?:older|younger|big|little|own|mum'?s|mom'?s) )?(?:dad|father|mom|mother|husband|wife|"
    r"boyfriend|girlfriend|partner|ex|stepdad|stepfather|"
    r"stepmom|stepmother|uncle|aunt|brother|sister|cousin|grandpa|grandfather|parents|family|roommate|boss|teacher|"
    r"coach|hubby|bf|gf|mother-in-law|father-in-law|in-laws)|hubby|someone|somebody|a (?:man|guy|stranger|woman)|"
    r"this (?:guy|man|person)|some (?:guy|man|people))"
)
_EN_3P = (
    r"(?:my (?:friend|best friend|bestie|bff|sister|brother|mom|mum|dad|mother|father|son|daughter|kid|child|cousin|"
    r"roommate|classmate|girlfriend|boyfriend|partner|wife|husband|student|client|patient|coworker|colleague)|"
    r"a friend|(?<!if )(?<!when )(?<!and )\b(?:he|she|they)\b|(?:his|her|their) (?:friend|mom|dad|sister|brother)|"
    r"someone i know|a classmate|a coworker|the character|the main character|the protagonist)"
)

# a pet that ate something is the vet's emergency, not the user's crisis
_NOT_A_PET = r"(?<![猫狗])(?<![猫狗]误)"
# tens of tablets in Chinese numerals (二十多, 十几, 几十)
_ZH_TENS = r"[二三四五六七八九]?十[几多来]?|几十"
# poison in someone's food that nobody would taste or find
_ZH_POISON = r"(?:农药|毒药|老鼠药|鼠药|毒|药)"
_ZH_FOOD = r"(?:饭|菜|水|饮料|酒|汤|咖啡|茶|肉|食物|奶茶)"
_ZH_UNNOTICED = r"(?:尝不出|吃不出|喝不出|看不出|不被发现|发现不了|查不出|验不出)"
# what spiking someone's food or drink is for
_ZH_SPIKED = (
    r"(?:死|出事|晕|昏|病|住院|幻觉|出丑|拉肚子|睡得|不记得|不会醒|醒不过来|失去意识|没知觉|不省人事|断片|"
    r"辛苦|难受|受罪|生不如死)"
)

# what people do at a river or on a rooftop for fun
_PASTIME = r"(?:夜景|风景|好美|拍照|烟花|日落|日出|星星|散步|跑步|钓鱼|烧烤|野餐|乘凉|晒|喝酒|聊天|约会|打卡|旅游|玩)"

# --- masks: spans that must not count as risk --------------------------------------
MASKS = _masks(
    [
        # Chinese hyperbole: X死了 / 想死你了 / 要死不活 …
        (
            "hyperbole",
            # (not 安乐死, euthanasia)
            r"(?<!安)(?:笑|累|热|冷|饿|困|烦|气|吓|忙|撑|丑|帅|美|渴|晒|闷|急|穷|酸|甜|辣|萌|羡慕|嫉妒|尴尬|无聊|懒|胖|"
            r"挤|吵|馋|难吃|好吃|好笑|可爱|痒|冻|晕|憋|呛|堵|卷|折腾|麻烦|搞笑|开心|高兴|爽|乐|香|臭|难|丢人|"
            r"丢脸|社死|羞|后悔|心疼|坑|恨|愁|怕|悔|虐|馋)死(?:了|我了|人了|人|啦|啊|哦|哈|喽|咯|我|掉了)",
        ),
        # 「想死你了」 misses someone; 「我跟他们说我想死 他们说…」 does not
        ("hyperbole", r"想死(?:你|您|你们|他|她|它|宝宝|大家)(?:了|啦|啊|呀|哦|喔|!|！|~|$)"),
        ("hyperbole", r"(?:不想活了|想死)了?(?:哈{3,}|😂|🤣|hhh+)"),
        (
            "hyperbole",
            r"(?:得|的)(?:快)?要死|要死(?:啊|呀|哦|咯|喽)|(?:烦|累|气|热|饿|困|忙)(?:得)?(?:快)?要死",
        ),
        (
            "hyperbole",
            r"(?:死机|死线|死循环|死党|死鬼|死心眼|死心塌地|死活|死记硬背|死胡同|死角|死宅|死磕|死忠|"
            r"死对头|死板|死刑|死锁|要死不活|半死不活|作死|找死|该死的(?!(?:本来|应该)?(?:是|应该是)我)|死贵|死沉|死咸|死甜|拼死|打死我也|"
            r"(?<![我是])去死吧|死鬼|死猪|笑到死|死皮赖脸|生死时速|死神|不死鸟|装死|死了都要爱|累得半死|吓得半死)",
        ),
        (
            "hyperbole",
            r"(?:救命|我死了|我没了|我不行了|我裂开了|我哭死|原地去世|当场去世|原地升天)"
            r"(?=" + zg(8) + r"(?:哈|笑|好可爱|太好|太搞|太逗|😂|🤣|lol|hh))",
        ),
        (
            "hyperbole",
            r"(?:哈{2,}|😂|🤣|hh+|xswl)" + zg(6) + r"(?:我死了|救命|我没了|去世|我不行了)",
        ),
        ("benign_phrase", r"紫砂(?:壶|锅|杯|茶|煲|陶|器|泥)"),
        (
            "benign_phrase",
            r"\b(?:want to|wanna|gonna|going to|could|about to|i'?ll) (?:strangle|throttle|kill|murder) "
            r"(?:him|her|them|my \w+|this \w+)\b(?="
            + eg(8)
            + r"(?:lol|lmao|lmfao|haha|😂|🤣|💀)|"
            + eg(40)
            + r"(?:😤|🙄|\bjk\b|just kidding|not literally))",
        ),
        # 「被隔壁班吊打」: outclassed, not beaten (「把我吊起来打」 stays)
        ("benign_phrase", r"吊打"),
        # 「降压药和感冒药可以一起吃吗」 asks about an interaction, not taking them all
        (
            "benign_phrase",
            r"(?:可以|能|能不能|可不可以|可否|能否|不能)(?:(?:和|跟|与|同)[^。！？!?；;\n]{0,4})?一起(?:吃|服用?|喝|用)|"
            r"(?:和|跟|与|同)[^。！？!?；;\n]{0,4}一起(?:吃|服用?|喝)(?=会怎么?样|会不会|有事吗|有问题吗|有什么|行吗|可以吗|吗)",
        ),
        # denials of abuse ("he doesn't hit me, he just goes silent"; "he's never laid a hand on me")
        (
            "negation",
            r"\b(?:he|she|they) (?:doesn'?t|does not|don'?t|never|has never|'s never|have never|hasn'?t ever|didn'?t) "
            r"(?:ever )?(?:hit|hurt|touch|push|shove|laid a (?:hand|finger) on|lay a (?:hand|finger) on)\w* (?:me)?\b",
        ),
        # games won and lost ("a guy who keeps beating me in ranked"), hyperbole of a radius
        (
            "benign_phrase",
            r"\bbeat(?:ing|s)? me (?:in|at) (?:ranked|chess|the game|games|fifa|league|valorant|pool|tennis|\w+ ?(?:match|game)s?)\b|"
            r"\bkill everyone (?:in|within) (?:a|an) \d+ ?(?:mile|km|kilometre|kilometer|metre|meter|foot|ft|block)s? radius\b",
        ),
        # 「偏头痛又犯了 疼得想撞墙」: pain, not self-harm
        ("benign_phrase", r"(?:疼|痛|烦|气|急|困)(?:得|到)(?:我)?(?:想|直)?撞墙"),
        # "cut myself twice on prep tonight": a kitchen
        (
            "benign_phrase",
            r"\bcut myself (?:\w+ )?(?:on prep|during prep|at prep|at work|in the kitchen|chopping|cooking|slicing|"
            r"peeling|dicing|on a (?:knife|mandoline|can))\b",
        ),
        # medicine that worked (「药已经吃下去了，感觉好点了」), a run by the river
        (
            "benign_phrase",
            r"药(?:已经)?吃(?:下去)?了[,，]?(?:感觉|现在)?(?:好点了|好多了|不疼了|不痛了|退烧了|舒服多了)",
        ),
        (
            "benign_phrase",
            r"(?:江边|河边|海边|湖边)(?:在)?(?:跑步|散步|骑车|钓鱼|野餐|烧烤|晨跑|夜跑)",
        ),
        # a view from up high, admired (「我在顶楼往下看，夜景好美」)
        (
            "benign_phrase",
            r"(?:顶楼|楼顶|天台|山顶|阳台)(?:上)?"
            + zg(6)
            + r"(?:夜景|风景|日落|日出|星星|烟花)(?:好|真|太|很|超)?(?:美|漂亮|好看)",
        ),
        # asking what a word means: "what does ctb mean", "wat does unalive mean"
        (
            "benign_phrase",
            r"\b(?:what|wat|wht) (?:does|do|is|dose) (?:the word )?['\"]?(?:unalive|ctb|kms|kys|sewerslide|sh|"
            r"self[- ]?harm)['\"]? (?:mean|means|stand for)\b",
        ),
        (
            "benign_phrase",
            r"(?:自杀式(?:袭击|炸弹|攻击)?|自杀(?:小队|森林|未遂者的)?电影|杀毒|杀软|杀菌|杀虫|杀时间|杀价|"
            r"杀青|秒杀|绝杀|击杀|连杀|必杀|抢杀|狼人杀|剧本杀|杀手锏|杀死比赛|杀进程|杀人游戏|杀鸡儆猴|杀鸡给猴看|"
            r"自杀(?:重生|复活|回城|回档))",
        ),
        # 「下辈子再也不读研了」: a vow about a task, not a wish to die
        (
            "benign_phrase",
            # (「下辈子不做人了」 is no vow about a task)
            r"下辈子(?:再也|再|都|绝对)?(?:不|别)(?:要)?(?:读|考|学|做(?!人)|当|干|上|买|嫁|娶|养|写|加班)",
        ),
        # Chinese negation of self-harm
        ("negation", r"不想伤害自己(?=[,，\s]{0,2}(?:也不想|就是|只是))"),
        ("negation", r"(?:完全|根本|一点都|一点也|从来)不想(?:去)?死"),
        (
            "negation",
            # "有没有" asks a question, it does not deny
            r"(?:我)?(?:(?<!有)并?没有|(?<!有)没(?:什么|啥)?(?:好)?|(?<![你他她])(?<!上次)(?<!上一次)不想(?=(?:去)?死[啊呀的了]?[,，\s]{0,2}(?:真的[,，\s]{0,2})?我?(?:只是|就是|只想|就想))|并不|(?<!是)不是|从来?没(?:有)?|从不|(?<!会)不会|绝不会?|才不会?|不再|不至于|不打算|不准备|"
            r"别担心我?不会)(?:有)?(?:真的)?(?:想|打算|要|会|准备|去)?(?:过)?(?:要|去)?"
            r"(?:死|自杀|轻生|寻死|寻短见|伤害自己|自残|自伤|想不开|做傻事|结束生命|了结自己|跳楼|割腕)"
            # 「喝农药没死成」 reports an attempt that failed; it denies nothing
            r"(?!成|掉|了?[，,\s]*(?:又|还|再))",
        ),
        (
            "negation",
            r"(?:不是|没有|并非|不算)(?:那种)?(?:想要?)?(?:自杀|轻生|想死)(?:的(?:意思|念头|想法|那种))?",
        ),
        # 「不是不想活，就是脑子停不下来」: it is not that they do not want to live
        (
            "negation",
            r"(?:不是|并不是|也不是|(?<!有)没有|并没有)不(?:想|愿意?|要)(?:再)?活(?:了|着|下去)?",
        ),
        # English hyperbole
        (
            "hyperbole",
            r"\b(?:dying|died|dead|die|die a little) (?:laughing|inside lol|(?:of|from|with) (?:laughter|laughing|"
            r"embarrassment|shame|cringe|boredom|cuteness|jealousy|envy|curiosity|thirst|hunger|excitement|"
            r"anticipation|happiness))\b",
        ),
        (
            "benign_phrase",
            r"\b(?:die|dye|dying|dyeing|died|dyed) (?:my|her|his|their|your|the) (?:hair|shirt|clothes|fabric)\b",
        ),
        (
            "hyperbole",
            r"\b(?:dying|dyin) to (?:see|know|try|meet|go|hear|tell|watch|eat|get|read|play)\b",
        ),
        (
            "hyperbole",
            r"\b(?:i'?m|im|i am|literally|i just) (?:so )?(?:dead|dying|deceased|ded)\b"
            + eg(12)
            + r"(?:lol|lmao|lmfao|haha|😂|🤣|💀)",
        ),
        (
            "hyperbole",
            r"(?:lol|lmao|lmfao|haha|😂|🤣|💀)"
            + eg(6)
            + r"\b(?:i'?m|im|i am) (?:dead|dying|deceased)\b",
        ),
        (
            "hyperbole",
            r"\b(?:\w+ )?(?:is|are|was|were|'s|'re) (?:literally |actually |totally |so )?killing me\b"
            r"(?!" + eg(10) + r"(?:for real|seriously|i mean it))",
        ),
        (
            "hyperbole",
            r"\b(?:bored|scared|worried|tired|sick|loved?|freezing|starving|annoyed) to death\b",
        ),
        (
            "hyperbole",
            r"\b(?:be|is|are|'s|'re|was|were) (?:literally |gonna be |going to be )?the death of (?:me|us)\b",
        ),
        (
            "hyperbole",
            r"\b(?:killed it|kill it|killing it|(?<!how )(?<!ways )(?<!way )to die for(?! sure| certain| real)|die hard|diehard|killer (?:app|idea|deal|"
            r"workout|outfit|song)|kill time|killing time|would kill for|could kill for|drop dead "
            r"(?:gorgeous|beautiful)|dead tired|dead serious|dead last|deadline(?! i (?:gave|set))|dead end|dead battery|"
            r"phone (?:is|was) dead|battery (?:is|was|died)|my phone died|laptop died|plant died|"
            r"kill (?:the|a|this|that) (?:process|task|bug|job|engine|lights?|server|tab|app|program|"
            r"mood|vibe)|kill -9|killall|pkill|rather die than|want to die of|wanna die of)\b",
        ),
        (
            "hyperbole",
            r"\bi(?:'ll| will)? (?:literally )?(?:die|kill myself|kms) if (?:i (?:don'?t|do not) (?:get|see|"
            r"eat|have)|they|this|the|my|he|she|(?:taylor|bts|the show|season))"
            + eg(40)
            + r"(?:lol|lmao|haha|😂|🤣|💀|jk|!!)",
        ),
        (
            "hyperbole",
            r"\b(?:kms|kill me|kill myself)\b"
            + eg(3)
            + r"(?:lol|lmao|lmfao|haha|😂|🤣|💀|jk|jkjk)",
        ),
        ("hyperbole", r"\bkill me now\b" + eg(30) + r"(?:meeting|lecture|class|exam|lol|😂|🤣|💀)"),
        (
            "hyperbole",
            r"\b(?:kms|kill me)\b(?= (?:this|that|these|the) (?:\w+ ){0,2}(?:spreadsheets?|homework|essay|exam|test|"
            r"meeting|class|lecture|traffic|code|assignment|report|shift|commute|queue|printer|wifi|paper|"
            r"deadline|emails?|excel|tabs|slides|group project|customers?)\b)",
        ),
        (
            "hyperbole",
            r"\b(?:meeting|lecture|class|exam|homework|traffic|monday)\b"
            + eg(30)
            + r"\bkill me now\b",
        ),
        (
            "benign_phrase",
            r"\b(?:bath ?bombs?|photo ?bomb\w*|f-?bombs?|da bomb|bombed (?:the|my|that|an?) "
            r"(?:test|exam|interview|quiz|presentation)|bomb (?:the|my|that) (?:test|exam|interview)|"
            r"it'?s the bomb|suicide squad|suicide (?:doors?|run|king|blonde|mission|sprints?)|"
            r"killer whale|kill(?:ing)? (?:the )?(?:weeds?|mold|bacteria|germs|ants|mosquito(?:e)?s|"
            r"spiders?|bugs?|zombies?|monsters?|boss(?:es)? in|enemies|the boss in)|"
            r"shoot(?:ing)? (?:a |the )?(?:photo|video|film|movie|hoops|basket|shot|scene|email|"
            r"message|text)|(?:party|weed) drug test|drug test|drugstore|drug store|"
            r"cut myself (?:shaving|while|by accident|accidentally|on (?:a|the|some))|"
            r"hurt myself (?:playing|at the gym|lifting|running|skiing|while|by accident|"
            r"accidentally))\b",
        ),
        # English negation of self-harm
        (
            "negation",
            r"\b(?:i'?m|im|i am) not (?:\w+ )?(?:suicidal|going to (?:kill|hurt|harm) myself|gonna (?:(?:kill|hurt) myself|kms)|"
            r"in danger|planning (?:to|on)|thinking (?:about|of) (?:suicide|killing myself|ending))",
        ),
        (
            "negation",
            r"\b(?:i )?(?:(?:would|will|could)(?: never|n'?t| not)|won'?t)(?: ever)? (?:kill|hurt|harm) myself",
        ),
        (
            "negation",
            r"\bi (?:do not|don'?t|never|didn'?t) (?:really )?(?:want(?:ed)?|plan(?:ned)?|intend(?:ed)?|mean) "
            r"(?:to )?(?:die|kill myself|hurt myself|end my life|harm myself|suicide)",
        ),
        ("negation", r"\bnot (?:that i'?m|that i am|like i'?m) (?:suicidal|going to do anything)"),
        (
            "negation",
            r"\b(?:no|not having any|never had|don'?t have) (?:suicidal )?(?:thoughts|plans?|intention) "
            r"(?:of|to|about) (?:suicide|kill(?:ing)? myself|self[- ]?harm|hurting myself|dying)",
        ),
        ("negation", r"\b(?:no|not) (?:longer )?suicidal\b"),
        ("negation", r"\bnot in an? (?:suicidal|self[- ]?harm\w*|dangerous) (?:way|sense)\b"),
        (
            "third_party",
            r"\b(?:told|tells|telling) me to:? ?['\"‘“]?(?:go )?(?:hang|kill|shoot|off) (?:myself|yourself|urself)\b",
        ),
        (
            "third_party",
            r"\b(?:friend|bestie|best friend|roommate|classmate|sister|brother|cousin|mate|girlfriend|boyfriend|he|she|they)"
            r"\b(?:'s| is| keeps?| has been| was| always)? (?:joking|jokes|joked|posting|posts) about "
            r"(?:kms|killing (?:himself|herself|themselves)|suicide|unaliving|dying|ending it)\b",
        ),
        # "not gonna hurt myself, just shaking": the subject left out, as people type
        (
            "negation",
            r"(?:^|[,.;:!?]\s*|\b(?:but|and|just|so|promise|i promise)\s+)not (?:gonna|going to|about to|trying to) "
            r"(?:hurt|harm|cut) myself\b",
        ),
    ]
)

# third parties at risk: reported, not counted as the user's own crisis
THIRD_PARTY: tuple[re.Pattern[str], ...] = (
    re.compile(
        _ZH_THIRD
        + zg(10)
        + r"(?:说|想|要|打算|试图|企图|准备|一直|总是|经常|老是|老|又|已经|曾经|有过|在|最近|天天|整天|把|偷偷)"
        # the user speaking again (「她说我丢脸…我真的好想死」) ends the third party's span
        + r"[^。！？!?；;\n我]{0,8}"
        + r"(?:想死|不想活|自杀|轻生|寻死|自残|自伤|割腕|跳楼|结束(?:自己的)?生命|活不下去|想不开|紫砂|吃安眠药|"
        r"活着没(?:意思|意义)|伤害(?:她|他)?自己|割手|划手)"
    ),
    re.compile(
        _EN_3P
        # … and in English: "she laughed and i want to die" is the user's own wish
        + r"(?:(?!\bi\b|\bi'?m\b)[^.!?;\n]){0,30}"
        + r"\b(?:wants? to die|wanted to die|kill (?:himself|herself|themselves|themself)|"
        r"killed (?:himself|herself|themselves)|is suicidal|was suicidal|are suicidal|suicidal|self[- ]?harm\w*|"
        r"cut(?:s|ting)? (?:himself|herself|themselves)|hurt(?:s|ing)? (?:himself|herself|themselves)|"
        r"end (?:his|her|their) (?:own )?life|took (?:his|her|their) (?:own )?life|committed suicide|"
        r"unalive[sd]? (?:himself|herself|themselves)|overdosed|"
        r"(?:'s|is|was|has|keeps|started|been) (?:been )?cutting(?: again| (?:himself|herself|themselves))?)\b"
    ),
    # someone else's words, quoted: "my roommate says 'i want to die' every time she fails",
    # 「她天天把"活不下去了"挂在嘴边」
    re.compile(
        r"(?:(?:my )?(?:friend|best friend|bestie|roommate|classmate|sister|brother|mom|mum|dad|cousin|"
        r"girlfriend|boyfriend|partner|wife|husband|son|daughter|kid|student|coworker|colleague|grandad|"
        r"granddad|grandpa|grandma|nan|nana|granny|grandmother|grandfather|uncle|aunt|neighbou?r|mate|best mate|"
        r"buddy|pal)|one of (?:our|my) \w+|"
        r"\b(?:he|she|they))\b"
        r"(?:(?!\bi\b|\bi'?m\b)[^.!?;\n]){0,25}"
        r"\b(?:says?|said|saying|keeps? (?:saying|threatening|texting|posting)|threaten(?:s|ed|ing)|texted|texts|"
        r"texting|posted|wrote|tweeted)"
        r"(?: to| me| that)?(?: stuff| things)?(?: like)?:? ?['\"‘“][^'\"’”\n]{0,60}"
        r"(?:wants? to die|wanna die|kill (?:my|him|her)self|\bkms\b|end it all|end (?:my|his|her) life|"
        r"unalive|suicid\w*|not (?:be )?here anymore|better off dead|won'?t be (?:around|here) (?:much )?"
        r"(?:longer|anymore)|jump off (?:a|the) (?:bridge|building|roof|cliff)|if i died|"
        r"(?:nobody|no one|no-one) would (?:notice|care|miss me))[^'\"’”\n]{0,60}['\"’”]"
    ),
    re.compile(
        _ZH_THIRD
        + zg(10)
        + r"(?:说|把|发|写|喊|念叨|挂在嘴边)"
        + r"[^。！？!?；;\n]{0,3}[\"“「『](?:(?!你(?:怎么不)?去?死)[^\"”」』\n]){0,16}"
        + r"(?:想死|去死|不想活|活不下去|活着没(?:意思|意义)|自杀|轻生|跳楼)[^\"”」』\n]{0,8}[\"”」』]"
    ),
)

# The means asked about is meant for someone else (「吃多少安眠药会死？我想给我后妈用」, "how much
# insulin would it take to stop a grown man's heart"): read only where a method rule fired and
# nothing says the user is in danger; the router then answers it as a request to harm.
AIMED_AT_OTHER = re.compile(
    r"(?:给|让|帮)(?:我)?(?:的)?(?:后妈|继母|继父|后爸|婆婆|公公|老公|老婆|丈夫|妻子|室友|同事|邻居|老板|领导|"
    r"上司|前任|前男友|前女友|男朋友|女朋友|那个人|那人|对方|别人|他|她)(?:用|吃|喝|下|服|灌)|"
    r"让(?:他|她|别人|对方)(?:睡死|死|没命|醒不过来|一睡不醒|昏迷|断气|睡(?:几|好几|个[一两三])天不醒)|"
    r"(?:放|加|下|倒)(?:在|进|到)?(?:水|饭|菜|酒|茶|咖啡|饮料|汤)里" + zg(6) + r"让人|"
    # named people only: "how many pills would kill someone" may be the user's own question
    r"\b(?:stop|kill|hurt|knock out|take out|poison) (?:a grown man|a kid|a child|an? \d+ ?(?:year|yr)[- ]old|"
    r"him|her|them)\b|"
    r"\ba grown man'?s heart\b|"
    # a target described in the third person: "the lethal dose of digoxin for a 70kg elderly woman"
    r"\bfor an? (?:\d+ ?kg )?(?:elderly|old|frail) (?:woman|man|lady|person|patient)\b|"
    r"\bi want (?:him|her|them) (?:gone|dead)\b|"
    r"\b(?:it'?s|its|this is|asking) (?:for|about) my (?:father|mother|step\w+|husband|wife|boss|supervisor|roommate|"
    r"neighbou?r|ex|(?:father|mother|brother|sister)[- ]in[- ]law|dad|mum|mom)\b"
)
# ... unless the user measures it against themselves ("kill a person my size", "I'm diabetic
# and I have plenty of it"): then it is their own method-seeking
SELF_MEASURE = re.compile(
    r"\b(?:(?:of )?my (?:size|weight|age|height|build)|like me|i'?m (?:diabetic|type ?[12])|"
    r"i (?:have|'?ve got) (?:plenty|enough|loads|lots|a lot|a stash|a bunch))\b|"
    r"我(?:这(?:个|样的)?)?(?:体重|身材|个子)|像我这样|我(?:自己)?(?:手上|手里|家里)?有(?:很多|一堆|好多|不少|一大把)"
)

# talk *about* the topic (school, news, fiction, helping someone) rather than intent
INFO_CONTEXT = re.compile(
    r"(?:论文|作业|研究|报告|新闻|报道|电影|小说|电视剧|剧里|书里|这本书|歌词|游戏|科普|统计|数据|预防|课上|讲座|心理学|"
    r"干预|志愿者|怎么帮|如何帮|帮助(?:他|她|朋友)|劝(?:他|她)|历史|纪录片|主角|角色|课程|培训|案例|宣传|"
    r"\b(?:essay|research|paper|article|movie|film|novel|book|series|tv show|song|lyrics|game|statistics|rates?|"
    r"prevention|awareness|documentary|history|class|lecture|volunteer|training|course|hotline|podcast|episode|"
    r"character|support (?:a|my) friend|help (?:a|my) friend|how (?:can|do|should) i help|warning signs)\b)"
)

_I = r"(?:i|i'?m|im|i am|i'?ve|i have|i'?ll|i will|i'?d|i just|i really|honestly i|sometimes i|i kinda|i kind of)"

RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ zh self
    _r(
        "zh:want_to_die",
        "self",
        1.0,
        r"(?:想|要|好想|真想|只想|很想|就想|想要|打算|准备|决定|还是|只能|只好|干脆|我(?:真)?(?:应该|该))(?:去)?死(?!党|机|线|心|角|磕|鬼|扛|撑|守|缠|盯|憋|犟|拼|记|背|咬|抠)",
    ),
    _r(
        "zh:dont_want_to_live",
        "self",
        1.0,
        r"不(?:想|愿意?|要)(?:再)?(?:继续)?活(?!成)(?:下去|着|了)?",
    ),
    _r(
        "zh:cannot_live_on",
        "self",
        0.95,
        r"活不(?:下去|了了|成了)|活着(?:太|好|真|很)?(?:累|痛苦|难受)(?:了)?"
        + zg(4)
        + r"(?:不想|不如|还不如|想死|算了)",
    ),
    _r(
        "zh:no_point_living",
        "self",
        0.9,
        r"活着(?:真|好|太|也|还)?(?:没|没有)(?:什么|啥)?(?:意思|意义|必要|盼头|希望|用)|"
        r"活着(?:有|还有|到底有)(?:什么|啥)(?:意思|意义|用)|(?:没有|没)(?:活下去|活着|继续活)的(?:理由|意义|勇气|动力|必要)|"
        r"为什么(?:还要|要)活着|活够了|不配活",
    ),
    _r(
        "zh:better_dead",
        "self",
        1.0,
        r"(?:不如|还不如|倒不如|干脆)(?:死了|去死|一死|死掉|自杀|消失)|"
        r"死了(?:算了|一了百了|就好了|就解脱了|也好|倒好|就轻松了)|一死了之|死了就不用",
    ),
    _r(
        "zh:suicide_intent",
        "self",
        1.0,
        r"(?:想|要|打算|准备|计划|想要|决定|试过|尝试|又想|一直想|总想|老想|有)"
        r"[^。！？!?；;\n他她人们]{0,4}(?:去)?(?:过)?"
        r"(?:自杀|轻生|寻死|寻短见|结束(?:自己的?)?生命|了结(?!果)(?:自己)?|了断|结束这一切|离开这个世界|跳楼|跳河|跳江|跳海|"
        r"跳桥|割腕|上吊|烧炭|卧轨|吃安眠药|喝农药|服毒|吞药|紫砂|自我了断)",
    ),
    _r(
        "zh:jump_place",
        "self",
        1.0,
        r"(?:想|要|打算|准备|想着|干脆|不如|就|马上|现在|今晚|今天)"
        + zg(8)
        + r"(?:从|在)?"
        + zg(4)
        + r"(?:楼上|楼顶|天台|阳台|窗户|桥上|窗台|顶楼|楼顶上|\d+楼|高楼|大桥)(?:上)?"
        + zg(3)
        + r"(?:跳|往下跳|跳下去|跳下来|一跃|下去)",
    ),
    _r(
        "zh:take_all_pills",
        "self",
        1.0,
        r"(?:想|要|打算|准备|干脆|不如)"
        + zg(6)
        + r"(?:吃|吞|喝)(?:掉|下)?"
        + r"(?:一整瓶|整瓶|一瓶|一把|一盒|所有的?|全部|几十|好多|很多|\d+片|\d+粒)"
        + zg(3)
        + r"(?:安眠药|药|农药|老鼠药|百草枯|敌敌畏|药片)",
    ),
    _r(
        "zh:never_return",
        "self",
        0.85,
        r"(?:永远|再也)(?:不|不会|不用)(?:再)?回来|不用再回来|永远(?:地)?(?:睡过去|睡下去|离开)|"
        r"(?:想|好想|真想)"
        + zg(2)
        + r"(?:一了百了|解脱|结束一切)|下辈子(?:再|不要|别)|(?:再见|永别|别了)(?:了)?"
        + zg(12)
        + r"(?:这些年|下辈子|来世|照顾我|保重)|安排(?:好)?(?:了)?(?:后事|身后事)",
    ),
    _r(
        "zh:self_method",
        "self",
        0.9,
        r"(?:想|要|打算|准备|真想|好想|干脆|不如)"
        + zg(6)
        + r"(?:割脉|割动脉|切腕|卧轨|撞车|一头撞死|"
        r"撞死(?![他她那你人别我])|淹死自己|饿死自己|吊死|勒死自己|毒死自己|烧死自己|摔死|跳下去|了断)|(?:撞|淹|饿|摔|吊|勒|毒|烧)死(?:自己|算了)|"
        r"死(?:掉)?算了|(?:在哪|从哪|哪里|哪儿)(?:里)?跳|(?:想|要|准备)(?:去)?(?:另一个|另外一个|那个|另一边的)世界|"
        r"(?:去天堂|去那边)(?:找|陪)|从这个世界(?:上)?消失|(?:刀片|绳子|木炭|安眠药|农药|药片)"
        + zg(6)
        + r"(?:藏|准备好|买好|攒|放在)|(?:我)(?:走|离开)了(?:以后|之后)?"
        + zg(6)
        + r"(?:他们|大家|家人|家里人|爸妈|父母|你们)"
        + zg(6)
        + r"(?:解脱|轻松|就好了|不用)|人间不值得"
        + zg(6)
        + r"(?:走了|再见|告别|离开)",
    ),
    _r(
        "zh:suicidal_thoughts",
        "self",
        1.0,
        r"(?:自杀|轻生|想死|死)的(?:念头|想法|冲动|计划)|自杀倾向|有(?:了)?轻生",
    ),
    _r("zh:zisha_slang", "self", 0.95, r"紫砂|自鲨|自sha|zisha"),
    _r("zh:xiangbukai", "self", 0.75, r"想不开|做傻事|走绝路|寻短见|轻生"),
    _r(
        "zh:end_it",
        "self",
        0.95,
        r"(?:结束|了结|终结)(?:掉)?(?:这一切|一切|我的生命|自己的?生命|自己|生命)|"
        r"(?:离开|告别)(?:这个)?世界|(?:再见了|永别了)(?:，)?(?:这个)?(?:世界|大家|各位)|和(?:这个)?世界(?:说)?再见",
    ),
    _r(
        "zh:disappear_burden",
        "self",
        0.95,
        r"(?:如果|要是|假如)?(?:我)?(?:消失|不在|死)(?:了|掉)?"
        + zg(8)
        + r"(?:大家|别人|所有人|他们|家人|爸妈|父母|你们|世界|家里)"
        + zg(6)
        + r"(?:轻松|开心|解脱|更好|好过|清净|松口气|不用|不必|少(?:一个)?(?:负担|麻烦|累赘)|(?:都|也)好(?!好))",
    ),
    _r(
        "zh:world_without_me",
        "self",
        0.95,
        r"(?:没有我|我不在了|我走了以后|我死了以后|我死后)"
        + zg(8)
        + r"(?:更好|轻松|开心|解脱|会好|没人会|没有人会|不会有人)",
    ),
    _r(
        "zh:no_wake",
        "self",
        0.9,
        r"(?:不想|再也不想|希望(?:永远)?不(?:要)?|别再)(?:再)?(?:醒来|醒过来|睁开眼)|"
        # (not someone else's sleep: 「让她睡几天不醒」 is a request to drug her)
        r"(?<![他她它])睡"
        + zg(6)
        + r"(?:再也)?(?:不要|不想|不|别|不用)(?:再)?(?:醒|起来)|(?:不用|不必)(?:再)?醒来|一睡不醒|长眠不醒",
    ),
    _r(
        "zh:self_harm",
        "self",
        0.9,
        r"(?:我|又|想|忍不住|还是|开始|一直|偷偷)"
        + zg(4)
        + r"(?:自残|自伤|割(?:开|破|了)?(?:自己的?)?(?:自己|手|手腕|腕|胳膊|大腿|动脉)|划(?:了)?(?:自己|手|手腕|胳膊)|伤害自己|掐自己|"
        r"烫自己|撞墙|拿刀划|用刀划|用烟头烫)|"
        # a part of one's body cut, with no subject before it (「用剃刀割大腿」, 「划了几道手臂」);
        # a cat's scratch or an accident is not this
        r"(?<![被猫狗])(?<!不小心)(?:割|划)(?:了|过|着)?(?:几|一|两|三)?(?:道|下|刀)?(?:自己的?)?"
        r"(?:大腿|手腕|手臂|胳膊|小臂|肚子|皮肤)",
    ),
    _r(
        "zh:stockpile",
        "self",
        0.9,
        r"(?:攒|存|囤|藏)(?:了)?" + zg(6) + r"(?:安眠药|药片|药|刀片|绳子|木炭)",
    ),
    _r(
        "zh:suicide_note",
        "self",
        0.95,
        r"(?:写|写好|写了|留|留下|录|录好|录了|准备好)(?:了)?(?:一封|一段)?遗(?:书|言)|遗书|遗言(?:录|写)好",
    ),
    _r(
        "zh:last_words",
        "self",
        0.85,
        r"最后(?:一次)?(?:跟你|和你|跟大家|和大家)?(?:说话|聊天|道别|告别|一条消息)|"
        r"(?:后事|身后事)(?:都)?(?:安排|交代)|把(?:东西|遗物|我的东西)(?:都)?(?:送人|分给)",
    ),
    _r(
        "zh:unsafe_place",
        "self",
        0.9,
        r"(?:站在|坐在|爬上|在|到了|来到)(?:了)?"
        + zg(3)
        + r"(?:楼顶|天台|桥上|桥边|窗台|阳台边|顶楼|楼顶边|江边|河边|铁轨上|悬崖边)"
        + zg(10)
        + r"(?:跳|下去|结束|不想|再见|最后)",
    ),
    _r(
        # "I'm on the rooftop / at the river / on the platform" with what someone there
        # alone notices: the wind, the dark water, one step forward
        "zh:edge_cue",
        "self",
        0.85,
        r"我(?:现在|正|又|还)?(?:站|坐|蹲|躺)?在"
        + zg(4)
        + r"(?:楼顶|天台|顶楼|屋顶|桥上|桥边|大桥|江边|河边|湖边|海边|月台|站台|铁轨|轨道|悬崖|窗台)"
        + r"(?:(?!"
        + _PASTIME
        + r")[^。！？!?；;\n]){0,8}"
        + r"(?:风好大|风很大|风好冷|水好黑|水很黑|水好冷|水很冷|往前走一步|往前一步|往下跳|跳下去|往下看|"
        r"好想往前|好想跳|下面好黑|下面好远)(?!" + zg(8) + _PASTIME + r")",
    ),
    # ------------------------------------------------------------------ en self
    _r(
        "en:kill_myself",
        "self",
        1.0,
        r"\b(?:kill(?:ing|ed)?|unalive|off|murder) ?my ?self\b|\bkms\b|\bk ms\b|"
        r"\b(?:gas|poison|hang|drown|suffocate|electrocute) myself\b",
    ),
    _r(
        "en:end_my_life",
        "self",
        1.0,
        r"\b(?:end(?:ing)?|take|taking|took) (?:my (?:own )?life|it all)\b|"
        r"\bend my (?:own )?existence|\b(?:should|want to|wanna|going to|gonna|will|ready to|about to|need to) (?:just )?"
        r"end it\b(?! (?:with|between))|\bend(?:ing)? things\b(?! (?:with|between))|\bpretend(?:ing)? to want to live|\bend (?:things|everything) (?:tonight|today|for good|forever|soon)",
    ),
    _r(
        "en:want_to_die",
        "self",
        1.0,
        # (not someone else's death foretold: "asked me if her dad is going to die tonight")
        r"\b(?<!\bis )(?<!\bare )(?<!'s )(?<!'re )(?:"
        + _I
        + r" ?)?(?:really |just |honestly |still |"
        r"sometimes |kinda |seriously )?(?:want|wanna|wish|ready|plan(?:ning)?|long|need|deserve|trying|"
        r"tried|going|gonna)(?: to)? "
        r"(?:die|be dead|not exist|stop existing|disappear (?:forever|for good)|not be alive|not wake up|sleep forever|"
        r"never wake up|cease to exist|go to sleep forever|sleep forever|go to sleep and never wake up)\b",
    ),
    _r(
        "en:vanish",
        "self",
        0.85,
        r"\b(?:wish i could|want to|wanna|going to|gonna|i'?ll|ready to) (?:just )?(?:vanish|disappear|"
        r"go away|leave)\b"
        + eg(10)
        + r"\b(?:never (?:come|coming) back|forever|for good|permanently|and not come back)\b|"
        r"\b(?:nobody|no one|noone) (?:will|would|is going to) (?:even )?(?:miss|notice|remember) me\b",
    ),
    _r(
        "en:take_them_all",
        "self",
        0.9,
        r"\b(?:pills|tablets|meds|medication|bottle|painkillers)\b"
        + eg(40)
        + r"\b(?:take|swallow|down)\b(?: them| it| those| these)? (?:all|the whole|every)\b",
    ),
    _r(
        "en:dont_want_live",
        "self",
        1.0,
        r"\b(?:don'?t|do not|no longer|never) (?:really )?(?:want|wanna|wish) (?:to )?"
        r"(?:live|be alive|exist|be here|wake up|be around|go on living|keep living|continue living)\b",
    ),
    _r(
        "en:suicidal",
        "self",
        1.0,
        r"\b(?:i'?m|im|i am|i feel|feeling|felt|been|i'?ve been|getting|got|having|have|had|"
        r"so|very|really|extremely|pretty|kinda|kind of|am i|feel) (?:so |very |really |pretty |kinda |extremely )?"
        r"suicidal\b|\bmy suicid(?:al|e) (?:thoughts|ideation|feelings|plan|urges)|\bsuicidal (?:again|lately|today|"
        r"tonight|rn|right now)\b",
    ),
    _r(
        "en:suicide_intent",
        "self",
        1.0,
        r"\b(?:" + _I + r" )?(?:want|wanna|going|gonna|plan(?:ning)?|thinking|think|"
        r"thought|considering|decided|ready|tempted|trying|tried|attempted)(?: to| of| about| on)? (?:my )?"
        r"(?:commit(?:ting)? |attempt(?:ing)? )?(?:suicide|suiciding|unaliving)\b|\bsuicide (?:is|seems|feels like|looks like) "
        r"(?:the|my) (?:only|best|last) (?:way|option|answer|choice|way out)|\bthe only (?:way out|option|answer) is "
        r"(?:suicide|death|to die|dying)|\bi (?:attempted|tried) suicide",
    ),
    _r(
        "en:unalive",
        "self",
        0.95,
        r"\bunaliv(?:e|ing)(?! (?:him|her|them|someone|somebody|people))\b|\bsewer ?slide\b|"
        r"\bsuey\b|\bctb\b|\bcatch the bus\b(?=" + eg(20) + r"(?:forever|for good|tonight))",
    ),
    _r(
        "en:better_off",
        "self",
        1.0,
        r"\b(?:would|will|'d) be (?:better|happier|relieved|fine|okay|better off)(?: off)? "
        r"(?:without me|if i (?:was|were|'m|am) (?:gone|dead|not here|not around))|\b(?:better off|happier|easier) (?:dead|without me|if i (?:was|were) (?:dead|gone))|"
        r"\b(?:everyone|everybody|people|my family|they|the world|world|you all)(?: would| will|'d)? be (?:better|happier)"
        r"(?: off)?(?: if i (?:was|were) gone)? without me\b|"
        # in the present too ("world is better without me"; session 16)
        r"\b(?:the )?(?:world|everyone|everybody|people|my family|they|everything)(?: is|'s| are|'re) "
        r"(?:better|happier|easier)(?: off)? without me\b|\bif i (?:disappeared|died|was gone|were gone|vanished)"
        + eg(20)
        + r"\b(?:nobody|no one|noone|anyone|would anyone|who) (?:would )?(?:notice|care|miss|even)|"
        r"\b(?:nobody|no one|noone)(?: would| will)? (?:even )?(?:notice|care|miss me)"
        + eg(10)
        + r"\bif i (?:died|was gone|were gone|disappeared|killed myself)",
    ),
    _r(
        "en:no_reason_live",
        "self",
        0.95,
        r"\b(?:no|any|zero|nothing left to|what'?s the) (?:reason|point|purpose)(?: for me)? "
        r"(?:to|in|of|for) (?:live|living|go(?:ing)? on|being alive|life|keep(?:ing)? (?:going|living)|continu(?:e|ing) living|"
        r"stay(?:ing)? alive|wake up|exist|be here|carry(?:ing)? on)|"
        r"\bwhy (?:should|do|would) i (?:even )?(?:keep )?(?:live|living|stay alive|go on|bother living)|"
        r"\btired of (?:living|being alive|life|existing)\b|\bdone with (?:life|living|being alive|existing)\b|"
        r"\blife (?:is|isn'?t) (?:not )?worth living\b(?<!\bis worth living)",
    ),
    _r(
        "en:cant_go_on",
        "self",
        0.8,
        r"\b(?:can'?t|cannot|can not) (?:go on|keep going|do (?:this|life) anymore|"
        r"take (?:it|this|life) any ?more|keep living|survive this|live like this)\b",
    ),
    _r(
        "en:self_harm",
        "self",
        0.9,
        r"\b(?:" + _I + r" )?(?:want|wanna|urge|urges|going|gonna|thinking|keep|started|been|"
        r"relapsed|tempted|need|have|had|can'?t stop)(?: to| about| on| into)? (?:cut(?:ting)?|hurt(?:ing)?|harm(?:ing)?|"
        r"burn(?:ing)?|punish(?:ing)?|scratch(?:ing)?|starv(?:e|ing)|hit(?:ting)?) (?:my ?self|my (?:arms?|wrists?|"
        r"legs?|thighs?|skin))\b|\b(?:i|i'?ve|i have|been|started|relapsed)"
        + eg(15)
        + r"\bself[- ]?(?:harm|harming|injur\w*|mutilat\w*)\b|\bcut(?:ting)? myself\b|\bcutting again\b|"
        r"\brelapsed (?:on|into)? ?(?:cutting|self[- ]?harm)",
    ),
    _r(
        "en:method_plan",
        "self",
        1.0,
        r"\b(?:" + _I + r" )?(?:going|gonna|want|wanna|plan(?:ning)?|ready|about|thinking "
        r"about)(?: to)? (?:overdos(?:e|ing)|od|hang(?:ing)? myself|jump (?:off|from|in front)|slit my|shoot myself|drown myself|"
        r"take all (?:my|the|these|those) (?:pills|meds|medication|tablets)|swallow (?:all|the whole|a whole|every))|"
        r"\bhang myself\b|\bslit my (?:wrists?|throat)|\bshoot myself\b|\bdrown myself\b|\bput a bullet in my\b|"
        r"\bjump(?:ing)? (?:off|from) (?:a|the|my|this) (?:bridge|building|roof|rooftop|cliff|balcony|tower)\b",
    ),
    _r(
        "en:stockpile",
        "self",
        0.9,
        r"\b(?:saving|saved|stockpil\w+|hoard\w*|collecting|collected)(?: up)? (?:my |all my |"
        r"enough |some )?(?:pills|meds|medication|tablets|sleeping pills|painkillers)",
    ),
    _r(
        "en:goodbye",
        "self",
        0.95,
        r"\b(?:wrote|writing|write|written|left|leaving|drafted|finished) (?:a |my |the )?"
        r"(?:suicide|goodbye|farewell|final) (?:note|letter|message)|\bsuicide note\b|\b(?:this is|these are) my (?:last|final) "
        r"(?:message|words|goodbye|post)\b|\bgoodbye (?:forever|world|everyone|cruel world)\b|\bgiv(?:e|ing|en) away "
        r"(?:all )?my (?:stuff|things|belongings|possessions|pets?)\b|\bwon'?t be (?:here|around) (?:anymore|tomorrow|much "
        r"longer|for long|next week)\b|\bnot (?:be )?(?:here|around) (?:anymore|much longer|tomorrow)\b",
    ),
    _r(
        "en:wish_dead",
        "self",
        0.95,
        r"\b(?:i )?wish i (?:was|were|had) (?:dead|never been born|never born|not born|died|gone)|"
        r"\bi wish i could (?:just )?(?:die|disappear|sleep forever|not wake up|stop existing|end it)|"
        r"\bhope i (?:don'?t|never) wake up|\bsleep and (?:never|not) wake up",
    ),
    _r(
        "en:how_to_kill_self",
        "method",
        1.0,
        r"\bhow (?:do|can|could|would|should|to) (?:i )?(?:kill|end|off|unalive) "
        r"(?:myself|my life|it all|me)\b|\bhow (?:do|can|could) (?:i|people|someone|one) (?:commit )?suicide",
    ),
    _r(
        "en:unsafe_place",
        "danger",
        0.95,
        r"\b(?:i'?m|im|i am) (?:standing |sitting )?(?:on|at) (?:the |a )?(?:edge|ledge|"
        r"roof|rooftop|bridge|railing|train tracks|tracks)\b",
    ),
    # ------------------------------------------------------------------ method seeking
    _r(
        "zh:lethal_dose",
        "method",
        1.0,
        r"(?:吃|吞|喝|服|打)?(?:多少|几)(?:片|粒|颗|瓶|克|毫克|mg|g|盒|包|板)"
        + zg(12)
        + r"(?:会死|能死|致死|死人|才能死|就死|没命|致命|死掉|死得了|一定死|醒不过来|一睡不醒|停止呼吸)|(?:吃|喝|吞|服)(?:多少|几)"
        + zg(8)
        + r"(?:会死|能死|致死|死人|才能死|就死|没命|致命|死掉)|致死(?:量|剂量)|致命剂量|(?:吃|服)(?:多少|什么)药"
        + zg(6)
        + r"(?:会死|能死|死得快|不痛苦)|"
        # a drug or poison, then how much / how long, then dying in other words
        # (「安定加酒 大概多少会停止呼吸」, 「降压药吃多少就救不回来」)
        r"(?:药|安定|地西泮|胰岛素|酒|农药|百草枯|敌敌畏|老鼠药|鼠药)"
        + zg(12)
        + r"(?:多少|几|多久|多长时间)"
        + zg(8)
        + r"(?:停止呼吸|救不回来|抢救不过来|醒不过来|一睡不醒|断气|心跳停)",
    ),
    _r(
        "zh:freeze_method",
        "method",
        1.0,
        # how long in the cold until one falls asleep for good (「零下十度不穿外套 多久会睡过去」)
        r"(?:零下|冰天雪地|雪地|冰水|冷库|室外)"
        + zg(14)
        + r"(?:多久|多长时间|几个小时|几分钟)"
        + zg(4)
        + r"(?:会|能|就|才)?(?:睡过去|冻死|失温死|没命|死)",
    ),
    _r(
        "zh:lethal_height",
        "method",
        1.0,
        r"(?:几|多少)(?:楼|层|米)"
        + zg(8)
        + r"(?:跳|摔|掉)"
        + zg(6)
        + r"(?:死|没命|必死|活不了|能死|会死)|从(?:几|多少)(?:楼|层)(?:跳|摔)",
    ),
    _r(
        "zh:how_to_die",
        "method",
        1.0,
        r"(?:怎么|如何|怎样|咋|用什么方法|什么方法|哪种方法|有什么办法)(?:样)?(?:才能|能|可以|才可以)?"
        r"(?:无痛|不痛|没有痛苦|不痛苦|快速|安静|安乐|快点|迅速|彻底)?(?:地)?(?:死|去死|自杀|结束(?:自己的?)?生命|"
        r"离开这个世界|了结自己|割腕|上吊|烧炭)(?!党|机|线|心|角)|(?:最|比较|哪种)?(?:不痛苦|无痛|舒服|快|干净|体面)的?"
        r"(?:死法|自杀方法|自杀方式|自杀手段|死亡方式)|(?:什么|哪种|哪些)(?:药|方法|办法|方式)"
        + zg(8)
        + r"(?:(?<![杀毒弄打害砍捅掐它狗猫])死|自杀|没命)|"
        r"(?:不痛苦|无痛|没有痛苦|安静|舒服|快速)地(?:死|离开)|(?:跳楼|上吊|割腕|割脉|烧炭|安眠药|服毒|卧轨|农药)"
        + zg(6)
        + r"(?:哪个|哪种|更快|更痛|不痛|最快|成功率|死得快)|(?:割|划)(?:哪里|哪儿|多深)"
        + zg(6)
        + r"(?:死|没命|致命)?|"
        r"(?:烧炭|上吊|割腕|服毒|跳楼|安眠药)"
        + zg(6)
        + r"(?:多久|要多久|怎么弄|怎么做|痛不痛|疼不疼|会不会痛|死得了)",
    ),
    _r(
        "en:lethal_dose",
        "method",
        1.0,
        r"\b(?:lethal|fatal|deadly|toxic|overdose|od) (?:dose|amount|quantity|level)\b|"
        r"\bhow (?:many|much)\b"
        + eg(40)
        + r"\b(?:is|are|would be|counts as) (?:fatal|lethal|deadly|an overdose|too much "
        r"to survive)\b|\bhow (?:many|much)\b"
        + eg(40)
        + r"\b(?:to|would|will|can|could|does it take to|it takes to|before (?:you|i|it))"
        r" (?:die|kill (?:me|myself|a person|you|someone|somebody)|be fatal|be lethal|be deadly|od|overdose|stop (?:my|your) heart)\b",
    ),
    _r(
        "en:painless_way",
        "method",
        1.0,
        r"\b(?:painless|quick|quickest|easiest|easy|fastest|best|surest|peaceful|"
        r"least painful|simplest|most effective|reliable|safest) (?:way|ways|method|methods) (?:to|of) (?:die|dying|kill "
        r"(?:myself|yourself|oneself)|end (?:it|my life|your life)|commit suicide|suicide|overdos(?:e|ing)|od|hang "
        r"(?:myself|yourself)|bleed out)\b|\b(?:suicide|overdose) methods?\b",
    ),
    _r(
        "en:lethal_height",
        "method",
        1.0,
        r"\bhow (?:high|tall|many (?:floors|stories|storeys|feet|meters|metres))\b"
        + eg(45)
        + r"\b(?:die|kill|fatal|lethal|survive|deadly)\b|\bhow long does it take to (?:die|bleed out|suffocate|"
        r"drown|pass out)\b|\bwhere (?:to|should i|do i|can i) cut\b|\bcut\b"
        + eg(20)
        + r"\bdeep enough\b|\bhow deep\b"
        + eg(15)
        + r"\bcut\b",
    ),
    # ------------------------------------------------------------------ danger to the user / in progress
    _r(
        "zh:abuse",
        "danger",
        0.95,
        _ZH_ABUSER + zg(10) + r"(?:打我|揍我|踢我|掐我|勒我|扇我|拿刀(?:对着|砍|捅)?我|虐待我|"
        r"侵犯(?:了)?我|性侵(?:了)?我|强奸(?:了)?我|猥亵(?:了)?我|摸我(?:下面|身体|胸)|威胁(?:要)?(?:杀|打|弄死)我|"
        r"跟踪我|要杀(?:了)?我|说要杀|弄死我|抽我|砸我|烫我|推我|咬我|(?:扇|踹|掐|揍)了我|(?:用|拿)"
        + zg(4)
        + r"(?:打|抽|砸|烫|勒|掐)我|关(?:着|起来)我|把我关|不让我(?:走|出门|离开|吃饭)|拿(?:刀|棍子|皮带)(?:打|抽)我|"
        r"把我打(?!工|游戏|电话|扮|理|包|卡|针|折|车)|对我动手|对我施暴|家暴我|逼我(?:卖|吸|发生))",
    ),
    _r(
        "zh:abuse_passive",
        "danger",
        0.95,
        r"(?:我|一直|经常|又|每天|昨天|刚才|刚刚|今天)(?:都|又|还|被)?被"
        + zg(4)
        + r"(?:打|揍|家暴|性侵|强奸|侵犯|猥亵|虐待|跟踪|威胁|绑架|囚禁|拐卖|殴打|掐|勒|砍|捅|骚扰)(?!了一顿游戏|分)|家暴",
    ),
    _r(
        "zh:confined",
        "danger",
        0.9,
        r"被关(?:在|起来)" + zg(8) + r"不让(?:我)?(?:出门|出去|离开|走|吃饭|上学|联系)",
    ),
    _r(
        "zh:unsafe_now",
        "danger",
        0.9,
        r"我(?:现在)?(?:很|非常|真的)?(?:不安全|有危险|有生命危险|快被打死)|"
        r"(?:快|赶紧)?(?:报警|救救我)(?!"
        + zg(4)
        + r"(?:哈|笑|可爱))|(?:在|躲在)"
        + zg(4)
        + r"(?:厕所|柜子|房间)里"
        + zg(6)
        + r"(?:不敢出去|他在外面|她在外面)",
    ),
    _r(
        "zh:in_progress",
        "danger",
        1.0,
        r"(?:已经|刚|刚刚|刚才|一口气|我)(?:把)?(?:吃|吞|喝|服)(?:了|下|掉)(?:了)?"
        + zg(10)
        + r"(?:药|安眠药|一整瓶|一瓶|整瓶|农药|百草枯|老鼠药|敌敌畏|一把|几十片|\d+片|\d+粒|药片|漂白)|"
        r"(?:正在|一直在|还在)(?:流血|割)|(?:血|伤口)(?:止不住|流了很多|流个不停)|(?:割|划)(?:开|破)了"
        + zg(4)
        + r"(?:手腕|腕|动脉)|绳子(?:已经)?(?:准备好|挂好|系好)|炭(?:已经)?(?:点上|点着|烧起来)|(?:已经)?站在(?:了)?"
        r"(?:楼顶|天台|桥上|窗台|楼边|阳台边上)",
    ),
    _r(
        "en:abuse",
        "danger",
        0.95,
        r"\b" + _EN_ABUSER + r"\b" + eg(30) + r"\b(?:hits?|hitting|beats?|beat|beating|chokes?|"
        r"choked|choking|strangl\w+|kicks?|kicked|touch(?:es|ed|ing)? me|punch(?:es|ed)?|slap(?:s|ped)?|rap(?:es|ed)|molest(?:s|ed)|"
        r"abus(?:es|ed|ing)|touch(?:es|ed) me (?:there|inappropriately)|sexually assault\w*|locks? me (?:in|up)|"
        r"locked me (?:in|up)|threaten(?:s|ed)? to (?:kill|hurt|beat) me|tried to kill me|is going to kill me|will kill me|"
        r"said (?:he|she|they)(?:'d|'ll| would| will)? kill me|follow(?:s|ed|ing)? me home|stalk(?:s|ed|ing) me|"
        r"won'?t let me (?:leave|go|eat|out))(?: me)?\b",
    ),
    _r(
        "en:threat",
        "danger",
        0.95,
        r"\b(?:he|she|they)(?:'ll| will|'s going to| is going to|'re going to| are going to|"
        r" wants to| threatened to| says he'?ll| says she'?ll| said he'?d| said she'?d) (?:kill|hurt|beat|stab|shoot) me\b",
    ),
    _r(
        "en:imminent",
        "hopeless",
        0.45,
        r"\b(?:i'?m|i am) (?:finally |really )?(?:going to|gonna) do it\b|\bi know (?:what|how) "
        r"(?:i'?m|i am) going to do\b|\btonight is the night\b|\b(?:bought|got|have|found|tied) (?:a |the |some )?rope\b|"
        r"\b(?:the |my |a )?(?:knife|scissors)\b"
        + eg(10)
        + r"\b(?:in my hand|in front of me|next to me)\b|"
        r"\bmy life is over\b|\b(?:going to|gonna|ready to|about to) finish (?:it|this|everything)\b(?! with| by| before| after)|"
        r"\bmy own funeral\b|\bwhen i'?m gone\b",
    ),
    _r(
        "en:means_at_hand",
        "self",
        0.85,
        r"\b(?:the |my |a |all )?(?:pills|tablets|meds|rope|noose|blade|razor|gun)\b"
        + eg(10)
        + r"\b(?:in my hand|in front of me|next to me|lined up|counted out|on my desk|ready)\b",
    ),
    _r(
        "en:abuse_passive",
        "danger",
        0.95,
        r"\b(?:i'?m|im|i am|i was|i'?ve been|i have been|i get|getting|got|been) "
        r"(?:being )?(?:abused|raped|molested|beaten|sexually assaulted|assaulted|trafficked|stalked|kidnapped|"
        r"hit|groomed|threatened)\b(?! (?:by a (?:ball|car|wave)|with (?:a|an) (?:idea|email|bill|fine)))",
    ),
    _r(
        "en:unsafe_now",
        "danger",
        0.9,
        r"\b(?:i'?m|im|i am|i feel|i don'?t feel) (?:not )?(?:safe at home|in danger|"
        r"unsafe|scared for my life|afraid for my life|not safe)\b|\bhe'?s (?:outside|at) my door\b|\bhiding (?:in|from)\b"
        + eg(20)
        + r"\b(?:he|she|they|him|her|them)\b|\bhelp me,? (?:please,? )?(?:he|she|they)'?s?\b"
        + eg(15)
        + r"\b(?:coming|here|hurting|hitting)",
    ),
    _r(
        "en:in_progress",
        "danger",
        1.0,
        r"\b(?:i )?(?:just |already )?(?:took|swallowed|overdosed on|drank|downed|ate)\b"
        # not a normal dose: "took 2 tylenol", "took my meds", "a couple of pills"
        r"(?! (?:a|an|one|two|three|[1-4]|a couple(?: of)?|my (?:usual|normal|daily|morning|night|evening|"
        r"prescribed)|my meds|my pills)\b)"
        + eg(25)
        + r"\b(?:pills|tablets|whole bottle|entire bottle|bottle of|overdose|bleach|poison|antifreeze|"
        r"tylenol|paracetamol|acetaminophen|sleeping pills|my meds|all my meds|rat poison)\b"
        r"(?! (?:for (?:my|the|a|his|her) (?:headache|cramps|period|fever|cold|flu|pain|back|tooth|migraine|"
        r"allergies)|as prescribed|like the doctor said)\b)|\bi'?m bleeding\b|"
        r"\bbleeding (?:a lot|heavily|badly|won'?t stop)|\bcan'?t stop the bleeding\b|\brope is (?:ready|tied|up)\b|"
        r"\btied (?:the|a) noose\b|\bnoose\b|\bi (?:just |already )?(?:cut|slit) my (?:wrists?|arm|throat)\b|"
        r"\bi overdosed\b|\bi (?:just )?od'?d\b",
    ),
    # ------------------------------------------------------------------ topic (ambiguous)
    _r(
        "zh:topic",
        "topic",
        0.55,
        r"自杀|自残|自伤|轻生|割腕|割脉|跳楼|上吊|烧炭|卧轨|安眠药|寻死|遗书|想死|不想活",
    ),
    _r(
        "en:topic",
        "topic",
        0.55,
        r"\b(?:suicid\w*|self[- ]?harm\w*|overdos\w*|kill(?:ed)? (?:himself|herself|themselves)|"
        r"suicide|noose)\b",
    ),
    # ------------------------------------------------------------------ hopelessness
    _r(
        "zh:hopeless",
        "hopeless",
        0.45,
        r"(?:没有|没|毫无|看不到|看不见|找不到)(?:任何)?(?:希望|未来|出路|意义|盼头|活路)|绝望|生无可恋|"
        r"(?:一切|什么|所有)都(?:没|没有)(?:意义|意思|用)|(?:没人|没有人|谁都不|谁也不)(?:在乎|关心|爱|需要|理解)(?:我)?|"
        r"(?:我)?(?:是|就是|成了|变成了?|只是)"
        + zg(4)
        + r"(?:累赘|负担|拖累|多余的人|多余的|废物|垃圾)|(?:拖累|连累)(?:了)?(?:大家|家人|家里|爸妈|父母|你们|别人)|(?:我)?不配(?:被爱|活|拥有)|"
        r"撑不下去|熬不下去|坚持不下去|不想(?:再)?(?:坚持|撑|努力)(?:下去)?了|太累了"
        + zg(4)
        + r"(?:不想|想放弃)|"
        r"想放弃(?:一切|所有|自己|人生)|人生(?:没有|没|毫无)(?:意义|希望)|我(?:好|很|真)?(?:恨|讨厌)(?:我)?自己|"
        r"(?:消失|不存在)就好了|想(?:要)?消失|存在(?:就是|本身就是|本身)?(?:一个|个)?错误|不该(?:被)?生(?:下来|出来)|"
        r"不该出生|不应该(?:存在|出生)|就这样结束|就此结束|活着好累|好想消失|(?:一个人|孤零零)"
        + zg(4)
        + r"(?:没意思|没意义)",
    ),
    _r(
        "en:hopeless",
        "hopeless",
        0.45,
        r"\b(?:hopeless|no hope|no future|nothing (?:matters|will change|gets better|"
        r"ever gets better)|what'?s the point|there'?s no point|pointless|worthless|a burden|such a burden|"
        r"(?:nobody|no one|noone) (?:cares|would care|loves me|needs me|wants me|would notice)|i hate myself|"
        r"hate my life|i give up|giving up on (?:everything|life|myself)|want to give up|want to disappear|"
        r"wanna disappear|i'?m (?:so )?(?:empty|numb|useless|a failure)|i can'?t do this anymore|"
        r"it (?:will|'ll) never get better|trapped|no way out|i don'?t matter|don'?t deserve to)\b",
    ),
    # ------------------------------------------------------------------ distress
    _r(
        "zh:distress",
        "distress",
        0.2,
        r"难过|伤心|焦虑|抑郁|崩溃|哭|孤独|寂寞|压力(?:好|很|太|真)?大|烦躁|烦死|好烦|心烦|痛苦|失眠|"
        r"害怕|担心|分手|失恋|难受|委屈|心累|郁闷|丧|emo|去世|走了|离开了我|挂科|被裁|失业|没工作|讨厌自己|自卑|紧张|"
        r"不开心|不高兴|心情(?:不好|很差|差|低落|糟糕|很糟)|低落|无助|迷茫|空虚|恐慌|惊恐|心慌|压抑|疲惫|累(?:死|坏)?了|好累|"
        r"很累|心里(?:堵|难受|不舒服)|想哭|哭了|被骂|被欺负|被霸凌|被孤立|欺负我|吵架|离婚|生病|住院|确诊|没考好|"
        r"考砸|失败|后悔|内疚|愧疚|自责|羞耻|丢人|被拒|被甩|背叛|出轨|没人陪|想家|睡不着|胸闷|发抖|手抖|做噩梦|"
        r"不想上学|不想上班|厌学|厌世|没意思|好无聊|生气|愤怒|恨|冷暴力|pua|霸凌|校园暴力",
    ),
    _r(
        "en:distress",
        "distress",
        0.2,
        r"\b(?:sad|sadness|depress\w*|anxious|anxiety|panic\w*|cry|crying|cried|tears|lonely|"
        r"alone|isolated|stress\w*|overwhelm\w*|exhausted|burn(?:ed|t)? ?out|broke up|break ?up|dumped|heartbroken|"
        r"heartbreak|scared|afraid|terrified|worried|worry|insomnia|can'?t sleep|grief|griev\w*|mourning|lost my|passed "
        r"away|died|funeral|miss (?:her|him|them) so much|fired|laid off|failed|failing|rejected|hate (?:myself|my life)|"
        r"miserable|upset|hurt|hurting|angry|furious|frustrat\w*|ashamed|guilty|guilt|shame|bullied|bully|unhappy|"
        r"not (?:happy|ok|okay|fine|good)|down|low|blue|awful|terrible|horrible|struggl\w*|suffer\w*|pain|"
        r"trauma\w*|ptsd|nightmares?|divorce|cheated|betray\w*|sick|diagnos\w*|hospital|lost|confused|stuck|"
        r"empty|numb|tired of|drained|rough (?:day|week|time)|bad (?:day|week|news)|ugh|sucks|hate|"
        r"(?:is there|any|still) (?:any )?hope for (?:me|someone like me)|no hope for me)\b",
    ),
    # ------------------------------------------------------------------ refuse
    _r(
        "zh:harm_others_howto",
        "harm_others",
        0.95,
        r"(?:怎么|如何|怎样|教我|帮我|有什么办法|什么方法|哪种方法|方法)"
        + zg(10)
        + r"(?:杀(?:死|掉|了)?|弄死|毒死|害死|捅死|打死|砍死|掐死|淹死|报复|伤害|下毒|投毒|毒害|迷晕|迷奸|绑架|囚禁|折磨|"
        r"打残|弄残|整死|搞死|陷害|放倒)" + zg(4) + r"(?:" + _ZH_OTHER + r"|一个人|某个人)",
    ),
    _r(
        "zh:harm_others_ba",
        "harm_others",
        0.95,
        r"(?:怎么|如何|怎样|教我|帮我|有什么办法|什么方法|才能)"
        + zg(8)
        + r"把"
        + _ZH_OTHER
        + zg(2)
        + r"(?:杀|弄死|毒死|打死|打残|弄残|废了|迷晕|绑|整死|搞死|弄伤|打伤|弄哑|毁容)",
    ),
    _r(
        "zh:silence",
        "harm_others",
        0.9,
        r"(?:让|叫|使)" + zg(4) + r"(?:永远闭嘴|永远消失|人间蒸发|再也开不了口)",
    ),
    _r(
        "zh:body",
        "harm_others",
        0.95,
        r"(?:处理|藏|埋|溶解|分解|抛)(?:掉)?(?:一具)?尸体|抛尸|毁尸灭迹|碎尸",
    ),
    _r(
        "zh:attack_place",
        "harm_others",
        0.95,
        r"(?:炸|炸掉|炸了|烧了|烧掉|放火烧|血洗|报复)"
        + zg(3)
        + r"(?:学校|公司|教室|医院|商场|地铁|大楼|办公室|政府|车站|他家|她家|幼儿园|社会)",
    ),
    _r(
        "zh:incite",
        "harm_others",
        0.95,
        r"(?:写|说|发|编)"
        + zg(16)
        + r"(?:让|叫|逼|劝|教唆|怂恿)"
        + zg(12)
        + r"(?:去)?(?:自杀|去死|跳楼|割腕|想去死|想死|活不下去|不想活)|(?:怎么|如何)"
        + zg(4)
        + r"(?:逼|让|劝|教唆|怂恿)"
        + zg(6)
        + r"(?:自杀|去死)",
    ),
    _r(
        "zh:harm_others_intent",
        "harm_others",
        0.85,
        # someone else shouting it (「我爸喊着要砍死我妈」) is danger to the user, not a request
        r"(?<![着说言胁])(?:我)?(?:要|想|准备|打算|决定|一定要|迟早)(?:去)?(?:杀(?:了|死|掉)|"
        r"弄死|毒死|砍死|捅死|宰了|干掉|报复|炸了|烧了|废了|打残|撞死)" + zg(3) + _ZH_OTHER,
    ),
    _r(
        "zh:poison_other",
        "harm_others",
        0.95,
        r"(?:给|往|对)"
        + zg(4)
        + r"(?:下药|下毒|投毒|下迷药)|(?:偷偷|悄悄|神不知鬼不觉)?"
        + zg(6)
        + r"(?:在|往)"
        + zg(8)
        + r"(?:饭|菜|水|杯|茶|咖啡|酒|饮料|汤)(?:里|中)"
        + zg(6)
        + r"(?:下药|放药|下毒|投毒|加药|放毒|加(?:点)?(?:药|毒))|"
        r"(?:下毒|投毒)|(?:查不出来|查不出|不被发现|不留痕迹|神不知鬼不觉)"
        + zg(6)
        + r"(?:死|杀|毒|弄|害|下药)|(?:杀人|杀了人)"
        + zg(6)
        + r"(?:怎么|如何)?(?:不被发现|抛尸|处理尸体|逃脱)",
    ),
    _r(
        "zh:surveil",
        "harm_others",
        0.8,
        # the user being watched (「前夫在我车上装了定位 我搬到哪他都找得到」) is not this: no 我
        # and no clause break between the act and its target
        r"(?<!被)(?<!被人)(?:偷偷|秘密|悄悄)?(?:跟踪|监视|定位|监听|偷看|窃听|偷拍)"
        + r"[^。！？!?；;\n我\s]{0,6}"
        + r"(?:他|她|前任|前女友|前男友|老婆|老公|别人|某人|同事|女生|男生)(?:的)?(?:手机|位置|行踪|聊天记录|微信)?|"
        r"(?:黑进|入侵|盗取|盗号|破解)"
        + zg(6)
        + r"(?:账号|手机|电脑|系统|微信|邮箱|qq|密码)|人肉(?:搜索)?(?:他|她|出)",
    ),
    _r(
        "zh:weapons",
        "weapons",
        0.95,
        r"制毒|贩毒|造枪|制枪|制爆|(?:制作|制造|做|自制|合成|提炼|配制|配|调配|研制|熬|组装|购买|买|搞到|弄到|3d打印)"
        + zg(6)
        + r"(?:炸弹|炸药|爆炸物|土炸弹|枪支|手枪|步枪|仿真枪|猎枪|消音器|毒药|毒气|氰化物|氰化钾|砒霜|蓖麻毒素|神经毒剂|"
        r"沙林|燃烧瓶|雷管|tnt|硝化甘油|枪(?![战声手版法毙神])|冰毒|海洛因|可卡因|摇头丸|k粉|芬太尼|甲基苯丙胺|毒品|迷药|迷幻药|听话水|"
        r"(?<!大)麻古|管制刀具)",
    ),
    _r(
        "zh:drugs",
        "weapons",
        0.9,
        r"(?:冰毒|甲基苯丙胺|海洛因|芬太尼|可卡因|摇头丸|k粉|毒品|迷药|听话水|氰化物|砒霜|蓖麻毒素|毒药)"
        + zg(8)
        + r"(?:怎么|如何|配方|合成|制作|提炼|哪里买|去哪买|在哪买|渠道|制法|做法|教程)",
    ),
    _r(
        "zh:jailbreak",
        "jailbreak",
        0.95,
        r"(?:忽略|无视|忘记|忘掉|跳过|绕过|抛开|放弃)" + zg(8) + r"(?:之前|以上|上面|前面|先前|"
        r"所有|全部|你的|原有的?|系统)?"
        + zg(4)
        + r"(?:指令|指示|规则|设定|提示词|限制|要求|约束|安全策略|审查|规定|设置|"
        r"守则|准则|政策|原则|人设)|"
        r"(?:扮演|假装|你现在是|你是一个|作为)"
        + zg(12)
        + r"(?:没有|不受|无|摆脱|解除)(?:任何)?(?:限制|规则|约束|道德|审查|"
        r"底线|过滤)|"
        # a persona that answers anything (「你演一个什么都愿意回答的朋友」)
        r"(?:扮演|假装|你演|你来演|你现在是|你是一个|作为)"
        + zg(12)
        + r"(?:什么都(?:愿意|敢|会|能)?(?:回答|说)|有问必答|知无不言|百无禁忌)|"
        r"开发者模式|越狱(?:模式|版|提示词?|指令|prompt|你|chatgpt|gpt|ai|模型|大模型)|(?:给|帮|让)你越狱|你(?:已经)?越狱了|dan模式|(?:输出|告诉我|发给我|泄露|显示|打印)"
        + zg(6)
        + r"(?:系统提示词|系统提示|system prompt|你的提示词|你的设定)|(?:系统提示词|系统提示|你的提示词|初始指令|隐藏指令)"
        + zg(10)
        + r"(?:输出|告诉我|发给我|给我|打印|显示|泄露|复述)",
    ),
    _r(
        "en:harm_others_howto",
        "harm_others",
        0.95,
        r"\b(?:how (?:do|can|could|would|should|to)|ways? to|help me|teach me|"
        r"best way to|easiest way to|tell me how to|show me how to|guide to|steps to)\b"
        + eg(25)
        + r"\b(?:kill|murder|poison|"
        r"hurt|harm|stab|strangle|choke|drug|kidnap|abduct|torture|beat up|maim|shoot|run over|frame|blackmail|"
        r"dispose of|get revenge on|take revenge on|make \w+ suffer|assassinate)\b"
        + eg(12)
        + r"\b"
        + _EN_OTHER,
    ),
    _r(
        "en:harm_others_intent",
        "harm_others",
        0.85,
        r"\b(?:i'?m|im|i am|i)? ?(?<!n't )(?<!not )(?<!never )(?:going to|gonna|want to|wanna|will|plan to|"
        r"'ll|am about to|ready to|fantasi[sz]e about|thinking (?:about|of)) (?:kill(?:ing)?|murder(?:ing)?|stab(?:bing)?|"
        r"shoot(?:ing)?|poison(?:ing)?|hurt(?:ing)?|beat(?:ing)? up|strangl\w+|burn(?:ing)? down|blow(?:ing)? up|"
        r"run(?:ning)? over) (?:"
        + _EN_OTHER
        + r"|you|the school|my school|the office|the building|his house|her house)\b|"
        r"\bshoot up (?:the|my|a) (?:school|office|mall|church|class)",
    ),
    _r(
        "en:poison_other",
        "harm_others",
        0.95,
        r"\b(?:poison|drug|spike|roofie|lace)\w* (?:his|her|their|someone'?s|"
        r"somebody'?s|my \w+'?s?|the) (?:drink|food|coffee|tea|meal|water|soup|wine|beer)|\bundetectable poison|"
        r"\bpoison\b"
        + eg(20)
        + r"\bwithout (?:getting caught|being detected|anyone knowing|a trace)|\b(?:hide|get rid of|"
        r"dispose of|dissolve) (?:a|the) (?:body|corpse)\b|\bget away with (?:murder|killing)\b",
    ),
    _r(
        "en:incite",
        "harm_others",
        0.95,
        r"\b(?:tell|telling|told|convince|make|get|push|encourage|persuade|bully)\w* "
        r"(?:him|her|them|"
        + _EN_OTHER
        + r")\b"
        + eg(15)
        + r"\bto (?:kill (?:himself|herself|themselves)|die|commit suicide|"
        r"end (?:his|her|their) life|self[- ]?harm|kys)\b",
    ),
    _r(
        "en:covert_poison",
        "harm_others",
        0.95,
        r"\b(?:undetectable|untraceable|can'?t be (?:detected|traced)|won'?t show up)\b"
        + eg(20)
        + r"\b(?:poisons?|drugs?|toxins?)\b|\b(?:poisons?|toxins?)\b"
        + eg(25)
        + r"\b(?:undetectable|untraceable|"
        r"can'?t be (?:detected|traced)|won'?t (?:show up|be detected)|without (?:a trace|being detected))|\b(?:put|slip|add|mix)"
        r"\b"
        + eg(15)
        + r"\b(?:in|into) (?:his|her|their|someone'?s|somebody'?s|my (?!baby|kid|child|son|daughter|own)\w+'?s?) "
        r"(?:drink|food|coffee|tea|water)",
    ),
    _r(
        "en:surveil",
        "harm_others",
        0.8,
        r"\b(?:stalk|track|spy on|secretly (?:track|follow|record|watch)|install spyware on|"
        r"read (?:his|her|their) (?:texts|messages) without|hack into|hack (?:his|her|their|my ex'?s|someone'?s|somebody'?s)|"
        r"dox|doxx)\b"
        + eg(25)
        + r"\b(?:my ex|ex'?s|girlfriend|boyfriend|wife|husband|him|her|them|someone|somebody|"
        r"girl|guy|woman|man|person|classmate|coworker|neighbou?r|"
        r"phone|account|email|instagram|facebook|location|address)\b",
    ),
    _r(
        "en:weapons",
        "weapons",
        0.95,
        r"\b(?:make|making|build|building|create|synthesi[sz]e|cook|cooking|manufactur\w+|"
        r"produce|brew|extract|3d[- ]?print|assemble|buy|get|obtain|order|source|recipe for|instructions for|how to make)\b"
        + eg(20)
        + r"\b(?:bombs?|explosives?|pipe bombs?|grenades?|napalm|molotovs?|thermite|ricin|sarin|nerve (?:agent|gas)|"
        r"anthrax|chlorine gas|mustard gas|meth|methamphetamine|crystal meth|fentanyl|heroin|cocaine|crack|lsd|mdma|"
        r"ghost guns?|untraceable (?:guns?|firearms?)|zip guns?|silencers?|suppressors?|cyanide|chloroform|ghb|"
        r"date rape drugs?|roofies|tnt|c-?4|ied|dirty bomb|bioweapon|chemical weapon|poison gas|nitroglycerin)\b",
    ),
    _r(
        "en:gun_no_check",
        "weapons",
        0.9,
        r"\b(?:guns?|firearms?|pistol|rifle|weapon)\b" + eg(20) + r"\bwithout (?:a |any )?"
        r"(?:background checks?|licen[cs]e|permit|id|paperwork|serial numbers?)\b",
    ),
    _r(
        "en:jailbreak",
        "jailbreak",
        0.95,
        r"\b(?:ignore|disregard|forget|bypass|override|skip|drop)\b"
        + eg(25)
        + r"\b(?:previous|prior|above|earlier|all|any|your|the|initial|original|system|safety)\b"
        + eg(20)
        + r"\b(?:instructions?|rules|prompts?|guidelines|programming|restrictions|directives|filters?|policy|policies|"
        r"constraints|guardrails)\b|\b(?:jailbreak\w*|dan mode|developer mode|dev mode|do anything now|god mode)\b|"
        r"\b(?:act as|pretend (?:to be|you are|you'?re)|you are now|roleplay as|from now on you are)\b"
        + eg(30)
        + r"\b(?:no|without|free of|zero|unrestricted|unfiltered|uncensored|evil|amoral)\b"
        + eg(10)
        + r"\b(?:restrictions|filters?|rules|limits|limitations|ethics|morals|censorship|guidelines|ai)\b|"
        r"\b(?:reveal|print|show|repeat|output|leak|tell me)\b"
        + eg(15)
        + r"\b(?:system prompt|your instructions|initial prompt|hidden prompt|your prompt)\b",
    ),
    # ------------------------------------------------------------------ positive
    _r(
        "zh:positive",
        "positive",
        0.0,
        r"(?<![没不未])(?<!没有)(?:哈哈|嘻嘻|嘿嘿|开心|高兴|太好了|太棒了|好耶|耶|笑话|相声|段子|逗|好玩|有趣|搞笑|幽默|"
        r"乐死|笑死|笑出声|庆祝|升职|加薪|考上|录取|中奖|放假|约会|好消息|喜欢|兴奋|激动|期待|过生日|生日快乐|恭喜|"
        r"顺利|成功|满分|第一名|拿到offer|上岸|通过了|考过了|美滋滋|爽|舒服|哈|快乐|幸福|感恩|好开森|开森|可爱|有意思|"
        r"讲个|来个|乐一乐|逗我|逗乐|轻松一下|😂|🤣|😄|😆|😁|🎉|😊|👍|😀|😃|🥳|✌)",
    ),
    _r(
        "en:positive",
        "positive",
        0.0,
        r"\b(?:haha\w*|hehe\w*|lol|lmao|rofl|yay|woo+|wohoo|awesome|amazing|great news|"
        r"good news|excited|happy|glad|joke|jokes|funny|hilarious|fun|celebrat\w*|promoted|promotion|passed|got the job|"
        r"nailed it|won(?![’']t)|winning|love it|best day|so good|fantastic|wonderful|brilliant|cheer me up|make me laugh|"
        r"pun|puns|lighten|laugh|laughing|grateful|proud|vacation|holiday|weekend|birthday|party|finally did it)\b|"
        r"😂|🤣|😄|😆|😁|🎉|😊|👍|😀|😃|🥳",
    ),
)


# ====================================================================================
# Generalization layer (added after a fresh holdout showed crisis recall 0.59).
# Each rule names a *behaviour* people describe - means made ready, a timeline, farewell
# acts, harm already under way, threats, grooming - in the words many people use for it,
# so it covers phrasings nobody wrote down. Soft signs (kind "hopeless", 0.45) only reach
# a crisis when two of them meet in one message (noisy-or 0.70 ≥ 0.69).
# ====================================================================================
_ZH_MEANS_STRONG = (
    r"(?:绳子|绳索|麻绳|刀片|木炭|炭|百草枯|农药|敌敌畏|老鼠药|鼠药|安眠药|遗书|除草剂)"
)
_ZH_MEANS_WEAK = r"(?:药|药片|刀|刀子|剪刀|煤气|汽油)"
_ZH_READY = r"(?:准备好|准备了|买好|买回来|买到|弄到|攒够|攒了|藏好|藏起来|备好|找好|挂好|系好|放好|磨好|都在手边|就在手边|在手上|在手里)"
_ZH_TIME = (
    r"(?:今晚|今天晚上|今夜|今天|明天|这周末|周末|过几天|等会|一会儿|马上|现在|很快|就在今晚|凌晨)"
)
_ZH_PEOPLE = (
    r"(?:大家|所有人|每个人|朋友们?|家人|爸妈|父母|爸爸妈妈|这个世界|世界|你们|各位|身边的人)"
)
# "following me on instagram", "follows me around like a puppy" are not stalking
_NOT_ONLINE = (
    r"(?! on (?:instagram|insta|ig|twitter|tiktok|x|social media|youtube|twitch|spotify|github|here|snap\w*)\b)"
    r"(?! around like| everywhere like| like a)"
)
_EN_DRUGS = (
    r"antidepressants|anti-depressants|benzos|xanax|insulin|ibuprofen|advil|aspirin|oxy\w*|lithium|seroquel|"
    r"ambien|prozac|zoloft|sertraline|lexapro|adderall|meds|pills|tablets|medication|prescription|painkillers|opioids|"
    r"vicodin|percocet|klonopin|valium|trazodone|quetiapine|tylenol|paracetamol|acetaminophen|sleeping pills"
)
_EN_TIME = r"(?:tonight|today|tomorrow|this weekend|now|right now|soon|this week|in an hour)"

MORE_MASKS = _masks(
    [
        # recovered: past ideation followed by an explicit "better now" (「高中的时候也想过紫砂
        # 现在好很多了」, 「十年前我也想过跳楼 但那是以前了」), unless it turns back (「最近又…」);
        # current risk after it stays outside the span and still counts
        (
            "recovered",
            r"(?:以前|之前|曾经|过去|那时候?|小时候|上学的?时候|(?:大学|中学|高中|初中|小学|"
            r"大[一二三四])的?时候|初[一二三]|高[一二三]|\d+年前|[一二两三四五六七八九十几]+年前|那段时间|那几年|"
            r"前几年|前些年|早些年|那些年)"
            + zg(12)
            + r"(?:自残|自杀|轻生|想死|割腕|自伤|不想活|想不开|活不下去|紫砂|结束自己|结束生命|跳楼|跳河|寻死|"
            r"去死|想过死)(?:过)?"
            + r"[^\n]{0,20}?(?:(?:现在|如今|目前|后来)"
            + zg(4)
            + r"(?:已经|反而)?(?:好多了|好很多|好了|挺好|还好|不错|走出来|没事|康复|稳定|不会了|不想了|戒了|停了|很好)|"
            r"(?:但|可)?那(?:都)?是以前(?:的事)?了|都过去了)"
            + r"(?![^\n]*(?:又想死|又想跳|又开始|最近又|还是想死|又想了))",
        ),
        # 「我以前会自残 已经三年没有了」, 「之前被家暴过 已经离婚两年了」
        (
            "recovered",
            r"(?:以前|之前|曾经)(?:我)?(?:会|也会)?(?:自残|割腕|自伤|划手|割手)"
            + zg(4)
            + r"(?:已经)?[\d一二两三四五六七八九十几]+(?:年|个月)(?:都)?(?:没有|没再|没)(?:过|了)?|"
            r"(?:以前|之前|曾经)(?:被)"
            + zg(4)
            + r"(?:家暴|打|虐待)过(?![^\n]*(?:现在还|还在|又|昨天|今天|刚才|刚刚))",
        ),
        # self-harm in the past, told as such (「以前我也自残过，现在疤还在」), unless it is back
        (
            "recovered",
            r"(?:以前|之前|曾经|过去|那时候?|小时候|(?:大学|中学|高中|初中|小学)的?时候|[\d一二两三四五六七八九十几]+年前)"
            + zg(6)
            + r"(?:自残|割腕|自伤|划手|割手)过(?![^\n]*(?:又|再|最近|这几天|忍不住|控制不住|重新))",
        ),
        (
            "recovered",
            r"\b(?:used to|i was|i used to be|years ago|in the past|back in|when i was|i had|i went through|"
            r"i struggled with|i dealt with|i battled)\b"
            + eg(40)
            + r"\b(?:suicidal|self[- ]?harm\w*|cut(?:ting)? myself|attempted|sh|"
            r"(?:think|thought|thinking) (?:about|of) (?:killing myself|suicide|ending it|dying)|"
            r"tried to (?:end my life|kill myself|take my (?:own )?life)|tried suicide)\b"
            + r"[^.!?;\n]{0,40}\b(?:but|and|now|since)\b"
            + eg(25)
            + r"\b(?:doing better|better now|clean|recovered|in recovery|ok(?:ay)? now|fine now|healed|much better|"
            r"stable|happy now|helped|doing (?:well|good|great|okay|ok)|in a (?:good|better) place|"
            r"nothing like (?:before|back then|it was))\b",
        ),
        (
            "recovered",
            r"\b(?:i was|i used to|i used to be)\b"
            + eg(20)
            + r"\b(?:suicidal|self[- ]?harm\w*|cut(?:ting)? myself|(?:think|thought|thinking) (?:about|of) "
            r"(?:killing myself|suicide|ending it|dying))\b"
            + eg(30)
            + r"\b(?:in (?:high school|college|uni|university|the army|the military|my teens|my twenties|middle school|"
            r"junior high|\d+(?:st|nd|rd|th) grade|year \d+|school|\d{4})|back in (?:school|\d{4})|"
            r"as a (?:teen|teenager|kid)|when i was (?:younger|a teen\w*|a kid|\d+)|back then|years ago)\b"
            + r"[^\n]{0,120}?\b(?:better now|doing (?:well|better|good|great|okay)|therapy helped|it gets better|"
            r"nothing like (?:before|back then)|in a (?:good|better) place|engaged|married|thriving|way better|"
            r"clean now|\w+ clean|half marathon|marathon|graduated|sober)\b"
            + r"(?![^\n]*\b(?:again|lately|recently|came back|worse|anymore)\b)",
        ),
        (
            "recovered",
            r"\b(?:i )?(?:tried to (?:die|kill myself|end my life|end it)|attempted suicide|attempted) "
            r"(?:in|back in) (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w* )?\d{4}\b"
            + r"[^\n]{0,80}?\b(?:today i|now i|i ran|finished|graduated|proud|first (?:half )?marathon|doing (?:well|better))\b"
            + r"(?![^\n]*\b(?:again|lately|recently|came back|worse|anymore)\b)",
        ),
        # an anniversary of a past attempt told with how good life is now
        (
            "recovered",
            r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) "
            r"(?:years?|months?) ago(?: today)?,? i (?:tried|attempted) to "
            r"(?:end my life|kill myself|take my (?:own )?life)\b"
            + r"[^\n]{0,120}?\b(?:doing (?:well|better|good|great|okay)|better now|grateful|proud|"
            r"thriving|in a (?:good|better) place|glad (?:i'm|i am|to be) (?:alive|here))\b"
            # ... unless the message turns back to now ("but lately ... again")
             + r"(?![^\n]*\b(?:but|however|lately|again|anymore)\b)",
        ),
        # someone else's death in the news is grief or shock, not the user's intent
        (
            "third_party",
            r"(?:新闻|报道|热搜|明星|网红|名人|演员|歌手|偶像|作家)"
            + zg(12)
            + r"(?:自杀|轻生|跳楼|跳河)(?:了|身亡|去世)?"
            # ... unless the user is the one in the news (「新闻里有个跳河的 … 那可能就是我」)
            + r"(?![^\n]{0,16}(?:就是我|会是我|是我自己))",
        ),
        # abuse in childhood, told as the past (「小时候我爸喝酒就打我 现在他老了要我养他」)
        (
            "recovered",
            r"(?:小时候|以前|那时候|小学的时候|初中的时候|从小)"
            + zg(8)
            + r"(?:打我|揍我)(?![^\n]*(?:现在还|还在打|还打|又打|又开始|昨天|今天|刚才|刚刚|今晚|正在))",
        ),
        # a deadline as doom (「明天要交的论文一个字没写 … 明天就是我的死期」)
        (
            "hyperbole",
            r"(?:论文|作业|ddl|报告|考试|答辩|汇报|方案|稿子|deadline|结课|期末)"
            + zg(24)
            + r"(?:就)?是我的死期",
        ),
        # 「凌晨三点还在改论文 累死了 谁来救救我😭」: exasperation, not a call for rescue
        ("hyperbole", r"谁来救救我(?=\s*(?:😭|😂|🤣|啊{2,}|呜+|qaq|吧))"),
        # pain of the body (「来月经疼得想死」), not of the heart
        ("hyperbole", r"(?<!心)(?<!心里)(?:疼|痛)(?:得|到)(?:我)?(?:快)?想死"),
        # a health scare asked about (「体检说肝有问题 是不是要死了」)
        ("hyperbole", r"(?:我)?是不是(?:快)?要死了(?=\s*(?:[?？😭😱]|$))"),
        # simile: 「感觉像在写遗书」 is a joke about the tone of a text, not a note
        ("hyperbole", r"(?:像|好像|跟|如同|宛如|活像)(?:是)?(?:在)?(?:写|念|读|交代)?遗(?:书|言)"),
        # helping someone at risk / a work where people die: not the user's own intent
        (
            "third_party",
            r"(?:帮助|帮|支持|陪伴|陪|劝|安慰|开导|照顾)"
            + zg(6)
            + r"(?:有)?(?:自杀|轻生|自残|抑郁)(?:倾向|念头|想法)?的(?:朋友|人|同学|家人|孩子|学生|他|她|患者)",
        ),
        ("third_party", r"(?:好多|很多|有些|不少|一些|许多|里面的?)人(?:都)?(?:自杀|轻生|死)了?"),
        (
            "third_party",
            r"有(?:个|一个|位|一位)?(?:学长|学姐|学弟|学妹|同学|人|男生|女生|老师|邻居|同事|病人|患者|员工|学生|孩子|网友)"
            + zg(4)
            + r"(?:跳楼|自杀|轻生|割腕|上吊|跳河|跳桥)(?:了|身亡|去世|死了)",
        ),
        # 「让她看了就想去死」: wishing it on someone else (a request the refusal rules still read)
        (
            "third_party",
            r"(?:让|叫|逼|害|劝)(?:他|她|它|他们|她们|那个\w{0,3}|对方|别人|人家)"
            + zg(8)
            + r"(?:想去死|想死|去死|自杀|活不下去|不想活)",
        ),
        # means bought for an everyday purpose (「绳子买好了，周末去露营」「炭买好了去烧烤」)
        (
            "benign_phrase",
            r"(?:绳子|绳|刀|刀片|木炭|炭|药|安眠药)"
            # … unless the span itself tells of harm (「剃刀 在大腿内侧 同学去露营」, 「安眠药…唔醒…医生开的」)
            + r"(?:(?!大腿|手腕|手臂|胳膊|割|划|不醒|唔醒|醒不|成樽|整瓶|几多粒|多少粒|多少片|问我|不是)[^。！？!?；;\n]){0,12}"
            + r"(?:露营|野营|爬山|搬家|烧烤|烤肉|火锅|晾衣服|做饭|做菜|切菜|打包|钓鱼|感冒|发烧|医生开的|取暖)|"
            r"(?:露营|野营|爬山|搬家|烧烤|烤肉|火锅|晾衣服|做饭|钓鱼)"
            + zg(12)
            + r"(?:绳子|绳|木炭|炭|刀)",
        ),
        # parents' stock threats about grades or games are not a danger report
        ("hyperbole", r"(?:考|成绩|作业|游戏|手机|分数|不及格)" + zg(12) + r"(?:打死|揍死)我"),
        # farewells for a move, a job, a trip
        (
            "benign_phrase",
            r"(?:告别|道别|再见|送别)"
            + zg(12)
            + r"(?:出国|搬家|毕业|离职|新公司|新学校|留学|旅行|出差|下次见|明天见|回头见|上班|实习)|"
            r"(?:毕业|搬家|离职|出国|留学|出差|旅行)" + zg(12) + r"(?:告别|道别|再见)",
        ),
        # away for a trip, not gone: "won't be here tomorrow, flying to paris"
        (
            "benign_phrase",
            r"\b(?:won'?t|will not|not going to|not gonna|wont) be (?:here|around|online|reachable|on)\b"
            + eg(30)
            + r"\b(?:flying|flight|trip|vacation|holiday|travel\w*|camping|hiking|festival|conference|"
            r"wedding|honeymoon|cruise|no (?:signal|wifi|reception))\b|"
            r"\b(?:flying|trip|vacation|holiday|camping|hiking|cruise|honeymoon)\b"
            + eg(30)
            + r"\b(?:won'?t|will not|not going to|not gonna|wont) be (?:here|around|online|reachable)\b",
        ),
        (
            "benign_phrase",
            r"\b(?:said|saying) (?:my )?goodbyes?\b"
            + eg(30)
            + r"\b(?:work|office|party|airport|moving|move|last day|job|school|graduation|trip|flight|"
            r"coworkers?|colleagues?|team)\b",
        ),
        (
            "benign_phrase",
            r"\b(?:i'?ll|i will|gonna|going to) (?:literally )?kill (?:you|u|him|her|them)\b"
            + eg(30)
            + r"(?:\bif (?:you|u|he|she|they) (?:spoil|tell|eat|touch|forget|don'?t|are late|sing|post)|lol|lmao|"
            r"haha|😂|🤣|jk)|(?:剧透|迟到|偷吃|吃我的|忘了)" + zg(8) + r"(?:杀了你|弄死你|打死你)",
        ),
        (
            "benign_phrase",
            r"\b(?:rope|ropes)\b"
            + eg(25)
            + r"\b(?:camping|climbing|boat|tent|swing|tug|jump rope|skipping|gym)\b",
        ),
    ]
)

MORE_RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ zh plans and means
    _r(
        "zh:means_ready",
        "self",
        0.9,
        _ZH_READY
        + r"(?:了)?"
        + zg(6)
        + _ZH_MEANS_STRONG
        + "|"
        + _ZH_MEANS_STRONG
        + zg(6)
        + _ZH_READY,
    ),
    _r(
        "zh:weak_means_ready",
        "hopeless",
        0.45,
        _ZH_READY
        + r"(?:了)?"
        + zg(4)
        + _ZH_MEANS_WEAK
        + "|"
        + _ZH_MEANS_WEAK
        + zg(6)
        + _ZH_READY
        + "|"
        r"门窗" + zg(3) + r"(?:封|关|堵)(?:上|好|死)",
    ),
    _r(
        "zh:covert_timing",
        "hopeless",
        0.45,
        r"等(?:他们|家人|爸妈|大家|所有人|家里人|室友)(?:都)?睡(?:着|了)|"
        + _ZH_TIME
        + zg(3)
        + r"(?:就)?(?:动手|了断|解脱|结束(?=$|[,。!?了吧])|走(?=$|[,。!?了吧]))",
    ),
    _r(
        "zh:decided_end",
        "self",
        0.85,
        r"(?:决定了|想好了|想通了|下定决心|做好决定)"
        + zg(12)
        + r"(?:结束(?=$|[,。!?了吧]|自己|一切|生命)|了断|一了百了|(?:一切|所有)(?:都)?(?:要|会|该)?结束)",
    ),
    _r(
        "zh:method_search",
        "method",
        1.0,
        r"(?:查|搜|问|研究|打听|找)(?:了|过)?"
        + zg(10)
        + r"(?:哪种|什么|哪些|多少|怎么)"
        + zg(8)
        + r"(?:不痛|无痛|没痛苦|不疼|会死|致死|死得快|能死|没命|不痛苦)|"
        r"(?:哪种|什么|哪个)(?:药|方法|办法|方式)" + zg(6) + r"(?:不痛|不疼|无痛|没痛苦|不痛苦)|"
        r"(?:死法|自杀方法|死的方法|自杀方式)"
        + zg(6)
        + r"(?:不痛苦|痛苦|无痛|最快|最好|最简单|哪种)|(?:哪种|什么|哪个)(?:死法|死的方式)",
    ),
    _r(
        "zh:sealed_gas",
        "self",
        0.75,
        r"(?:煤气|燃气|天然气)(?:已经|都)?(?:打)?开(?:了|着)(?!"
        + zg(6)
        + r"(?:做饭|炒菜|烧水|煮|做菜))",
    ),
    # ------------------------------------------------------------------ zh harm under way
    _r(
        "zh:overdose_done",
        "danger",
        1.0,
        _NOT_A_PET
        + r"(?:吞|吃|喝|服)(?:了|下|掉)(?:了)?"
        + zg(3)
        + r"(?:[1-9]\d+|"
        + _ZH_TENS
        + r"|一整瓶|一瓶|一把|整瓶|一盒|整盒|所有的?|全部的?|好多|很多)"
        + zg(2)
        + r"(?:片|粒|颗|瓶|盒)?(?:的)?"
        + zg(2)
        + r"(?:药|安眠药|农药|百草枯|敌敌畏|老鼠药|药片|止痛药|扑热息痛|对乙酰氨基酚|布洛芬|抗抑郁药|头孢)|"
        + _NOT_A_PET
        + r"(?:喝|吃|吞|服)(?:了|下)(?:了)?"
        + zg(4)
        + r"(?:农药|百草枯|敌敌畏|老鼠药|鼠药|除草剂|漂白水|84消毒液|消毒液|洁厕灵)|"
        # alcohol and sedatives together, taken (a question about mixing them is not this)
        r"(?:喝|灌)(?:了|着)?"
        + zg(8)
        + r"(?:酒|伏特加|白酒|啤酒|威士忌)"
        + zg(8)
        + r"(?:吃|吞|服)(?:了|下|着)?"
        + zg(4)
        + r"(?:阿普唑仑|安眠药|安定|佐匹克隆|唑吡坦|艾司唑仑|氯硝西泮|劳拉西泮)"
        + r"(?!"
        + zg(10)
        + r"(?:吗|能不能|可不可以|会不会|可以吗))|"
        # a Chinese count of tablets swallowed, with nothing after it ("吃了二十多片 有点后悔")
        r"(?:吞|吃|服)(?:了|下)(?:了)?(?:[1-9]\d|"
        + _ZH_TENS
        + r")(?:片|粒|颗)(?![a-z\u4e00-\u9fff]{0,2}(?:维生素|vc|钙|鱼油|糖|瓜子|花生|葡萄|草莓))|"
        # the cephalosporin-and-alcohol reaction people use on purpose, both taken
        r"(?:吃|吞|服)(?:了|下)" + zg(6) + r"头孢" + zg(8) + r"(?:喝|灌)(?:了|下)" + zg(4) + r"酒|"
        r"(?:喝|灌)(?:了|下)" + zg(8) + r"酒" + zg(8) + r"(?:吃|吞|服)(?:了|下)" + zg(4) + r"头孢",
    ),
    _r(
        "zh:all_at_once",
        "danger",
        0.95,
        # a medicine taken all at once, told as done (「胰岛素一次全打了」); weighed below
        # zh:overdose_done's counted amounts
        r"(?:药|药片|安眠药|安定|胰岛素|降压药|止痛药|退烧药|感冒药)"
        + zg(4)
        + r"(?:一次|一口气|一下子)(?:全|都|全部)(?:打|吃|吞|喝)(?:了|掉了|光了|完了)",
    ),
    _r(
        "zh:cut_deep",
        "danger",
        1.0,
        r"(?:又|刚|刚刚|已经|我)(?:割|划)(?:了|伤了|破了)"
        + zg(8)
        + r"(?:深|血|好多道|很多道|好几道)|(?:割|划)得(?:很|好|太|特别)?深",
    ),
    _r(
        "zh:at_edge",
        "danger",
        0.85,
        r"(?:在|到了|来到|坐在|站在|躺在)"
        + zg(2)
        + r"(?:铁轨|轨道|楼顶|天台|桥上|桥边|悬崖|窗台|江边|河边|海边的礁石)(?:边|上|旁)?(?:上)?"
        + zg(4)
        + r"(?:坐着|站着|躺着|等火车|往下看|不想下来|吹风)(?!"
        + zg(6)
        + r"(?:晒|吃|喝|看风景|拍照|乘凉|聊天|看日落|看星星))",
    ),
    _r(
        "zh:self_harm_loop",
        "self",
        0.9,
        r"(?:自残|自伤|割自己|划自己|伤害自己|割手|划手)"
        + zg(4)
        + r"(?:停不下来|控制不住|戒不掉|上瘾|忍不住)",
    ),
    # ------------------------------------------------------------------ zh farewell acts
    _r(
        "zh:farewell_people",
        "self",
        0.85,
        r"(?:跟|和|向)"
        + _ZH_PEOPLE
        + r"(?:都)?"
        + zg(3)
        + r"(?:告别|道别|道了别|说(?:了)?再见|说拜拜|说永别|告了别)|"
        r"(?:再见了|永别了|拜拜了)[,，]?(?:这个)?(?:世界|大家|各位|所有人)|(?:这个)?世界[,，]?(?:再见|永别)了",
    ),
    _r(
        "zh:last_day",
        "self",
        0.8,
        r"(?:是|就是)我(?:的)?(?:人生)?(?:的)?最后一(?:天|晚|夜)(?:了)?(?=$|[,。!?…]|[,，])|"
        r"(?:这|这是)(?:是)?(?:我)?最后一(?:次|条)(?:消息|留言|发言|说话|发消息)",
    ),
    _r(
        "zh:give_away",
        "hopeless",
        0.45,
        r"(?:猫|狗|宠物|存款|账号|密码|遗物|银行卡|所有(?:的)?东西|东西)"
        + zg(6)
        + r"(?:都|也都|全)?(?:送人|送给|留给|交给|分给|分掉|托付给|安排好)|(?:以后|再也)(?:都)?用不(?:上|着)了|"
        r"(?:以后|再也)(?:不会|不用)(?:再)?(?:麻烦|打扰|拖累)(?:大家|你们|别人|任何人)",
    ),
    _r(
        "zh:good_day_to_go",
        "self",
        0.8,
        r"适合(?:告别|离开这个世界|结束生命|结束一切|去死|离开)",
    ),
    # ------------------------------------------------------------------ zh passive ideation
    _r(
        "zh:why_alive",
        "self",
        0.85,
        r"为什么(?:我)?还(?:要)?活着|我(?:为什么|为啥)还活着|还活着干(?:什么|嘛|啥)|(?:死|消失|不在)(?:了|掉)?(?:最好|才好|比较好)",
    ),
    _r(
        "zh:wish_dead",
        "self",
        0.9,
        r"(?:要是|如果|真希望|希望|但愿)"
        + zg(10)
        + r"(?:死掉|死了|出车祸|得绝症|被车撞|不在了|消失了)(?:就好了|该多好|多好|也好|算了|就解脱了)",
    ),
    _r(
        "zh:life_waste",
        "self",
        0.75,
        r"(?:我)?活着(?:就是|只是|纯粹|也是)(?:在)?(?:浪费|受罪|折磨|煎熬|受苦|拖累)",
    ),
    _r(
        "zh:end_life",
        "self",
        0.95,
        r"(?:结束|了结|终结)(?:掉)?(?:我)?(?:这条|这条烂|自己的?)(?:命|人生|一生)",
    ),
    _r(
        "zh:no_tomorrow",
        "hopeless",
        0.45,
        _ZH_TIME + zg(4) + r"(?:就)?(?:不用|不会|不必|不再)(?:再)?(?:面对|醒|存在|痛苦|难受|麻烦)|"
        r"(?:不用|不必)(?:再)?面对(?:这一切|一切|这个世界|这些)|(?:终于|可以)(?:可以)?解脱|"
        r"(?:世界|地球|大家|别人)(?:没有我|少了我|少我一个)(?:也|照样|一样|还是)|"
        r"我(?:活着)?(?:就是|只是|是)(?:个|一个)(?:笑话|废物|失败者|多余的人)",
    ),
    _r(
        "zh:means_time",
        "hopeless",
        0.45,
        _ZH_MEANS_WEAK + zg(8) + _ZH_TIME + "|" + _ZH_TIME + zg(8) + _ZH_MEANS_WEAK + "|"
        r"(?:没人|没有人)的地方" + zg(6) + r"(?:走|消失|结束|待着不回来|死)|"
        r"(?:安静|悄悄|默默|平静)地?(?:走|离开|死|睡去|消失)(?:掉)?(?=$|[,。!?…了吧])",
    ),
    _r(
        "zh:take_all_now",
        "self",
        0.85,
        r"(?:药|安眠药|药片)"
        + zg(6)
        + r"(?:全|全部|都|一起|一口气)(?:吞|吃|喝)(?:了|掉|下)?(?:就好了|算了|吧|了事)?|"
        r"(?:安眠药|药片|药|刀片|绳子)" + zg(3) + r"(?:都)?(?:攒|存|囤|藏)(?:够|好|了|起来)",
    ),
    _r("zh:blade_blood", "self", 0.8, r"刀(?:片)?\s*血|血\s*刀(?:片)?"),
    _r(
        "zh:farewell_letter",
        "self",
        0.85,
        r"(?:写|留|录)(?:好|了|下)"
        + zg(4)
        + r"给(?:爸妈|父母|家人|大家|妈妈|爸爸|你们|家里)的(?:信|话|视频)"
        + zg(12)
        + r"(?:不要难过|别难过|别哭|对不起|原谅|照顾好|保重|不要伤心)",
    ),
    _r(
        "zh:last_night",
        "self",
        0.85,
        r"(?:今天|今晚|今夜|这|明天)(?:就)?是我(?:的)?(?:人生)?(?:的)?最后一(?:天|晚|夜)|人生(?:的)?最后一(?:天|晚|夜)|"
        r"(?:今天|今晚)就是最后一(?:天|晚)(?:了)?(?=$|[,。!?…])|"
        r"(?:是|就是)我的(?:死期|忌日)",
    ),
    _r(
        "zh:if_i_died",
        "self",
        0.85,
        r"(?:如果|要是|假如|等)我(?:死|不在|消失|走)(?:了|掉)?"
        + zg(8)
        + r"(?:会有人|有人会|谁会|有没有人|会不会有人)(?:难过|在乎|伤心|记得|发现|哭|想我)",
    ),
    _r(
        "zh:walk_into_water",
        "self",
        0.85,
        r"走(?:进|到)(?:海|河|江|湖|水)(?:里|中)" + zg(6) + r"(?:不回来|不出来|就好|算了|了)",
    ),
    _r(
        "zh:wounds_again",
        "self",
        0.85,
        r"(?:又|多了|新添了|好多|满是|全是)"
        + zg(4)
        + r"(?:口子|伤口|划痕|血痕|刀痕|疤)(?!"
        + zg(4)
        + r"(?:摔|磕|猫|狗|做饭|切菜))|"
        r"(?:想|要|忍不住)(?:拿|用)(?:刀|刀子|剪刀|玻璃|刀片)(?:去)?(?:捅|割|划|刺|扎|砍)自己|(?:捅|刺|扎|砍)(?:死)?自己",
    ),
    _r(
        "zh:pills_done",
        "hopeless",
        0.45,
        r"(?:药|安眠药|药片)(?:已经|都|全)?(?:被我)?(?:吃|吞|喝)(?:下去)(?:了)|(?:你|你们)?(?:别|不要|不用)(?:再)?(?:管|救)我了?",
    ),
    _r(
        "zh:bleeding",
        "danger",
        0.9,
        r"(?:手腕|手臂|胳膊|大腿)" + zg(3) + r"(?:在|一直在|还在|不停地?)?(?:流血|出血|滴血|冒血)"
        r"(?!" + zg(8) + r"(?:摔|磕|切菜|打球|撞到|划到了))",
    ),
    _r(
        "zh:buy_charcoal",
        "self",
        0.85,
        r"(?:买|网购|囤|订|下单)(?:了)?"
        + zg(4)
        + r"(?:木炭|炭)(?!"
        + zg(8)
        + r"(?:烧烤|火锅|烤肉|烤串|取暖器|炉))|"
        # charcoal and tape to seal a room
        r"炭" + zg(10) + r"(?:胶带|胶纸|封箱带|封口)",
    ),
    _r(
        "zh:will_done",
        "hopeless",
        0.45,
        r"(?:写好|立好|准备好)(?:了)?遗嘱|(?:东西|财产|存款)(?:都|全)?(?:分好|分配好|安排好|分完)",
    ),
    _r(
        "zh:jump_sure",
        "method",
        1.0,
        r"(?:跳楼|跳下去|跳)"
        + zg(6)
        + r"(?:几楼|多高|几层|多少层|多少米)"
        + zg(4)
        + r"(?:比较稳|稳|保险|够|一定|确保|有把握|才行|能行)|(?:几楼|多高|几层|多少层)"
        + zg(6)
        + r"(?:跳)"
        + zg(4)
        + r"(?:稳|保险|够|一定|有把握)",
    ),
    # ------------------------------------------------------------------ emergencies happening now
    _r(
        "zh:followed_now",
        "danger",
        0.8,
        r"(?:有人|有个人|一个男的|一个女的|陌生人|那个人|一辆车)(?:一直|还在|好像|又)?"
        r"(?:跟着我|跟踪我|尾随我|在跟我)(?!"
        + zg(6)
        + r"(?:微博|ins|抖音|小红书|账号|关注|点赞|评论))",
    ),
    _r(
        "zh:unconscious",
        "danger",
        0.8,
        r"(?:叫不醒|喊不醒|摇不醒|没有?呼吸了?|没气了|不省人事|口吐白沫|昏迷不醒|"
        r"(?:晕|昏)(?:倒|过去)了?" + zg(6) + r"(?:叫不醒|不醒|没反应|流血|出血|一个人|没人))",
    ),
    _r(
        "zh:drugged",
        "danger",
        0.85,
        r"被(?:人)?下(?:了)?药|(?:我的|我)(?:酒|饮料|水|杯子|奶茶)里"
        + zg(4)
        + r"(?:下|放|加)了(?:药|东西)|"
        # a threat to poison the user (「他威胁说要在我的饭里下药」), not a request to poison
        r"(?:说|威胁|扬言|放话|要挟)"
        + zg(8)
        + r"(?:(?:在|往)我(?:的)?(?:饭|菜|水|杯子?|茶|咖啡|酒|饮料|汤|碗|奶茶)(?:里|中)"
        + zg(4)
        + r"(?:下药|放药|下毒|投毒|加药|放毒)|给我下(?:药|毒))",
    ),
    _r(
        "en:unconscious",
        "danger",
        0.8,
        r"\b(?:won'?t|wont|can'?t|cant|couldn'?t) wake (?:him|her|them|my \w+)(?: up)?\b|"
        r"\b(?:is|he'?s|she'?s|they'?re|isn'?t|not) (?:not )?breathing\b|"
        r"\b(?:lips|fingers|face) (?:are|is|look|looks|turning|turned) (?:kind of |kinda )?blue\b|"
        r"\b(?:i think i'?m|im|i'?m) (?:having|about to have) a seizure\b|"
        r"\b(?:passed out|collapsed|unconscious)\b" + eg(30) + r"\b(?:won'?t|wont|not|can'?t|cant) "
        r"(?:wake|respond|breathe|move)",
    ),
    _r(
        "en:drugged",
        "danger",
        0.85,
        r"\b(?:my|our) drinks? (?:was|were|got|is|has been) spiked\b|\broofied\b|"
        r"\b(?:put|slipped|dropped) something in (?:my|our) (?:drink|glass|cup|coffee|food)\b",
    ),
    _r(
        "zh:armed_chase",
        "danger",
        0.95,
        r"(?:拿|拿着|举着|持|抄起)(?:刀|菜刀|水果刀|棍子|枪|剪刀|斧头|锤子)"
        + zg(4)
        + r"(?:追|砍|对着|指着|威胁|吓|打|捅)我|"
        r"被" + zg(10) + r"(?:关|锁)(?:在)?" + zg(6) + r"(?:打|揍|欺负)",
    ),
    _r(
        "zh:intruder",
        "danger",
        0.85,
        r"(?:门口|楼下|窗外|门外|家外面)"
        + zg(12)
        + r"(?:敲门|转|徘徊|守着|蹲|盯着|撬门|拧门|砸门)"
        + zg(12)
        + r"(?:害怕|好怕|不敢|吓死|救命)",
    ),
    _r(
        "zh:only_noose",
        "self",
        0.8,
        r"^(?:\s*(?:绳子|棺材|墓碑))+\s*$",
    ),
    _r(
        "zh:lonely_joke",
        "distress",
        0.2,
        r"习惯(?:了)?(?:一个人|孤独|被忽略|被遗忘)|反正(?:我)?" + zg(3) + r"(?:没人|无所谓|习惯)",
    ),
    _r(
        "zh:car_harm",
        "harm_others",
        0.9,
        r"(?:让|使|害)(?:他|她|对方|别人|某人|他们)" + zg(4) + r"(?:出车祸|出事故|摔死|残废|瘫痪)|"
        r"车上" + zg(3) + r"(?:动手脚|做手脚)|"
        r"刹车"
        + zg(10)
        + r"(?:动手脚|做手脚|剪|弄坏|松|放气)|(?:剪|弄坏|做手脚)"
        + zg(6)
        + r"刹车",
    ),
    _r(
        "zh:hack_into",
        "harm_others",
        0.85,
        r"(?:黑进|入侵|攻击|破解|盗取|盗)"
        + zg(8)
        + r"(?:服务器|系统|网站|账号|数据库|手机|电脑|微信|qq|邮箱|密码)|(?:写|做|弄)(?:个|一个)?(?:病毒|木马|勒索软件)",
    ),
    # ------------------------------------------------------------------ zh danger to the user
    _r(
        "zh:edge_height",
        "danger",
        0.85,
        r"(?:在|站在|坐在|爬上|到了)"
        + zg(2)
        + r"(?:顶楼|屋顶|楼顶|天台|桥上|窗台)(?:边|上)?"
        + zg(4)
        + r"(?:往下看|好高|下面好|不想下来)(?!"
        + zg(8)
        + r"(?:夜景|风景|好美|拍照|烟花|日落|星星))",
    ),
    _r(
        "zh:touch_sextortion",
        "danger",
        0.9,
        r"(?:还|又|总是|老是|偷偷|晚上|一直)摸我(?!的头|头|脸蛋|的脸)(?=$|[,。!?…了])|"
        r"(?:裸照|私密照|不雅照|裸聊视频)" + zg(12) + r"(?:威胁|发到网上|发出去|曝光|传出去|勒索)|"
        r"(?:威胁|勒索)" + zg(12) + r"(?:裸照|私密照|不雅照)",
    ),
    _r(
        "zh:left_for_family",
        "self",
        0.85,
        r"(?:写|录)(?:好|了|在)" + zg(12) + r"留给(?:家人|爸妈|父母|大家|你们|妈妈|爸爸|家里)|"
        r"(?:如果|要是|假如)"
        + zg(10)
        + r"(?:没回|不回|没有回|联系不上|找不到我)"
        + zg(10)
        + r"(?:走了(?![去出旅])|不在了|死了)",
    ),
    _r(
        "zh:burn_self",
        "self",
        0.85,
        # burning oneself with a cigarette or lighter (not an accident: "被/不小心" is excluded)
        r"(?<!被)(?<!不小心)(?:拿|用)?(?:烟头|打火机|烙铁)(?:往|在|对着)?"
        + zg(4)
        + r"(?:烫|摁|按|戳)(?!到|伤了)"
        + zg(3)
        + r"(?:自己|胳膊|手臂|手腕|手背|大腿|皮肤|身上)",
    ),
    _r(
        "zh:harm_done_relief",
        "self",
        0.85,
        r"(?:割|划)完(?:了)?" + zg(6) + r"(?:舒服|好受|轻松|平静|解脱|血)",
    ),
    _r(
        "zh:wish_hit",
        "self",
        0.85,
        r"(?:希望|但愿|盼着|想让)"
        + zg(6)
        + r"(?:车|卡车|货车|地铁|火车)"
        + zg(3)
        + r"(?:别停|不停|不要停|撞(?:过来|上来|死我|我))",
    ),
    _r(
        "zh:painless_way",
        "method",
        0.9,
        # "a way to die that doesn't hurt", Cantonese forms included; the cephalosporin-and-
        # alcohol reaction asked about as a way to die
        r"(?:方法|办法|点样|怎么|怎样|如何|咩)" + zg(4) + r"死得(?:唔|不|冇|没)(?:痛|辛苦|难受)|"
        r"死得(?:唔|不|冇|没)(?:痛|辛苦|难受)(?:的|嘅)?(?:方法|办法|死法)|(?:唔|不|冇|没)痛(?:的|嘅)死法|"
        r"头孢"
        + zg(2)
        + r"(?:配|加|就|和|跟|兑)"
        + zg(2)
        + r"酒"
        + zg(6)
        + r"(?:会|能|可以|真的)?(?:死|致命|没命)",
    ),
    _r(
        "zh:only_means",
        "self",
        0.8,
        r"^(?:\s*(?:刀|药|刀片|血|绳子))+\s*(?:今晚|今天|明天|现在|马上)\s*$",
    ),
    _r(
        "zh:give_all_away",
        "self",
        0.8,
        r"^(?!.*(?:搬家|出国|断舍离|回国|毕业|留学)).*?(?:所有|全部)(?:的)?(?:东西|家当)"
        + zg(6)
        + r"(?:送人|送给|留给|分给|分掉)"
        r"(?!" + zg(10) + r"(?:搬家|出国|断舍离|回国|毕业))",
    ),
    _r(
        "zh:days_alone",
        "distress",
        0.2,
        r"(?:几|两|三|四|五|好几|\d+)天(?:都)?(?:没|没有)(?:跟人|和人|和任何人|跟任何人)?"
        r"(?:说话|吃饭|吃东西|出门|睡觉|洗澡|下床)",
    ),
    _r(
        "zh:threat_if_tell",
        "danger",
        0.95,
        r"(?:说|威胁|警告|如果|要是|敢)"
        + zg(14)
        + r"(?:就|会|要)?(?:杀了|杀|弄死|砍死|捅死|掐死)(?:了)?我(?!了[吧啊]|吧)|"
        + _ZH_ABUSER
        + zg(12)
        + r"(?:要|会|说要|扬言|威胁)"
        + zg(6)
        + r"(?:打死|弄死|杀了?|砍|捅|堵)我",
    ),
    _r(
        "zh:afraid_home",
        "danger",
        0.9,
        r"不敢(?:回家|回去|出门|睡觉|开门)" + zg(12) + r"(?:打|杀|弄死|喝醉|揍|他|她)",
    ),
    _r(
        "zh:stalked",
        "danger",
        0.9,
        r"跟踪我|尾随我|跟着我回家|在我家(?:楼下|门口)(?:等|守|蹲)|"
        # acid thrown at the user, not a plan to throw it (「想在他下班路上泼硫酸」 is a request)
        r"(?:泼|扔)我(?:一身|一脸)?(?:硫酸|汽油|浓硫酸)|(?:往|朝|对)我(?:脸上|身上)?(?:泼|扔)(?:硫酸|汽油|浓硫酸)|"
        r"(?:被(?:人|他|她)?|说要|扬言要?|威胁(?:要|说)?)(?:泼|扔)(?:我)?(?:硫酸|汽油|浓硫酸)|毁(?:了)?我(?:的)?容",
    ),
    _r(
        "zh:sexual_abuse",
        "danger",
        0.95,
        r"(?:摸|碰|亲|脱)我(?:的)?(?:身体|下面|胸|衣服|裤子|屁股|大腿|隐私)|"
        r"(?:进|来|钻进|爬上|爬进)我(?:的)?(?:房间|被窝|床)" + zg(6) + r"(?:摸|碰|亲|脱|压)|"
        r"对我(?:动手动脚|毛手毛脚|性骚扰)|(?:强奸|性侵|猥亵)(?:了)?(?:我)?",
    ),
    _r(
        "zh:secrecy",
        "hopeless",
        0.45,
        r"(?:不许|不准|不要|不能|别)(?:我)?告诉(?:别人|任何人|家长|妈妈|爸爸|爸妈|老师|警察)",
    ),
    # ------------------------------------------------------------------ en plans, farewells, harm under way
    _r("en:off_myself", "self", 1.0, r"\boff(?:ing)? myself\b|\bunalive me\b"),
    _r(
        "en:end_it_time",
        "self",
        0.95,
        r"\bend(?:ing)? it (?:all )?"
        + _EN_TIME
        + r"\b|\bending it all\b|\b(?:tonight|today)'?s the (?:night|day)\b|"
        r"\bgood (?:day|night) to die\b|\b(?:perfect|nice) (?:day|night) to (?:die|end it)\b",
    ),
    _r(
        "en:going_to_jump",
        "self",
        0.85,
        r"\b(?:i'?m|im|i am) (?:going to|gonna|about to|ready to|thinking about|planning to) jump\b"
        r"(?! (?:in|into|on|rope|ship|the gun|start|to conclusions|for joy|around|higher|at|back))",
    ),
    _r(
        "en:decided_how",
        "self",
        0.85,
        r"\bdecided (?:how|when|where) (?:i'?m|im|i am|i'?ll|to) (?:going to |gonna )?do it\b|"
        r"\b(?:i|i'?ve) (?:know|planned|picked|chosen) (?:how|when|where|the (?:day|date|place|spot))\b"
        + eg(20)
        + r"\b(?:do it|end it|die)\b|"
        # "i finally decided, like i know when and how now"
        r"\bi (?:finally )?know (?:when and how|how and when)\b(?! to)",
    ),
    _r(
        "en:my_note",
        "self",
        0.9,
        r"\b(?:written|wrote|finished|left|writing|drafted) my (?:last |final )?note\b|"
        r"\b(?:a|the) (?:note|letter) (?:for|to) (?:my )?(?:family|parents|mom|mum|dad|everyone|kids)\b"
        + eg(30)
        + r"\b(?:goodbye|sorry|after i|when i'?m gone|find it)\b",
    ),
    _r(
        "en:said_goodbyes",
        "self",
        0.8,
        r"\b(?:said|saying|say) (?:my )?(?:last |final )?goodbyes\b|\b(?:said|saying) goodbye to (?:everyone|everybody|"
        r"my family|the world|my friends|all my)\b|\bgave away (?:all )?(?:my|our) (?:stuff|things|belongings|"
        r"possessions|pets?|cat|dog)\b",
    ),
    _r(
        "en:wont_need",
        "hopeless",
        0.45,
        r"\bwon'?t need (?:them|it|anything|these|those|my \w+) (?:anymore|any more|where i'?m going)\b|"
        r"\b(?:i'?m|im|i am) (?:so )?done\b(?! with (?:work|my|the|this|homework|it|that|school))|"
        r"\b(?:ready|want|wanna|going|gonna) to catch the bus\b|\bhow it (?:all )?ends\b",
    ),
    _r(
        "en:no_point_on",
        "self",
        0.85,
        r"\bno (?:point|reason|use) (?:in )?(?:going on|living|carrying on|being alive|staying alive|being here)\b",
    ),
    _r(
        "en:peace_decision",
        "hopeless",
        0.45,
        r"\b(?:made|make|making|at) peace with (?:my|the|this) (?:decision|choice|plan)\b|"
        r"\bgave (?:my|all my) (?:dog|cat|pets?|stuff|things|belongings) (?:away|to)\b",
    ),
    _r(
        "en:means_now",
        "hopeless",
        0.45,
        r"\b(?:knife|blade|razor|pills|rope|noose|gun|lighter)\b"
        + eg(25)
        + r"\b"
        + _EN_TIME
        + r"\b",
    ),
    _r(
        "en:cuts_again",
        "self",
        0.85,
        r"\b(?:cuts|cutting|fresh cuts)\b" + eg(25) + r"\b(?:again|did it)\b|"
        r"\b(?:covered in|full of) (?:cuts|fresh cuts|scars|burns)\b"
        + eg(20)
        + r"\b(?:again|myself|did it|i did)\b",
    ),
    _r(
        "en:floors_enough",
        "method",
        1.0,
        r"\b(?:jump\w*|fall\w*)\b" + eg(15) + r"\b(?:\d+|ten|twenty|five|six|seven|eight|nine)\s*"
        r"(?:floors?|stor(?:e)?ys?|stories|feet|ft|meters|metres|m)\b"
        + eg(15)
        + r"\b(?:enough|fatal|lethal|die|survive|kill)\b",
    ),
    _r(
        "en:easier_dead",
        "self",
        0.9,
        r"\b(?:easier|better|simpler)\b"
        + eg(10)
        + r"\bif i (?:just )?(?:died|was dead|were dead|wasn'?t here|"
        r"weren'?t here|disappeared|was gone|were gone|didn'?t exist)\b",
    ),
    _r(
        "en:intruder",
        "danger",
        0.9,
        r"\b(?:someone|somebody|a man|a guy|he|she|they|a stranger)\b"
        + eg(20)
        + r"\b(?:outside|at) my (?:house|door|window|room|apartment|flat|place)\b"
        + eg(30)
        + r"\b(?:trying (?:the|to) (?:door|handle|get in|break in|open)|banging|won'?t leave|keeps? knocking|"
        r"scared|terrified|break in)\b|\bcomes? into my (?:room|bed)\b"
        + eg(25)
        + r"\b(?:touch\w*|at night)\b",
    ),
    _r(
        "en:forgotten",
        "distress",
        0.2,
        r"\b(?:everyone|everybody|they all|people|my friends) (?:forgot|forget|ignores?|ignored|left) (?:about )?me\b|"
        r"\bcry myself to sleep\b",
    ),
    _r(
        "en:hack_account",
        "harm_others",
        0.9,
        r"\bhack(?:ing)? (?:into )?(?:my |her |his |their |someone'?s |an? )?(?:\w+'?s )?(?:account|snapchat|instagram|"
        r"facebook|email|phone|whatsapp|icloud|wifi|computer|tiktok|discord|twitter|messages)\b",
    ),
    _r(
        "en:to_hurt_someone",
        "harm_others",
        0.9,
        r"\b(?:how|what|which|best way|help me|teach me|tell me)\b"
        + eg(50)
        + r"(?<!not )(?<!n't )(?<!want )(?<!wanna )(?<!mean )\bto (?:seriously |really |badly |permanently )?(?:hurt|kill|poison|harm|gas|injure) (?:someone|somebody|people|him|her|them|"
        r"my (?:\w+))\b",
    ),
    _r(
        "en:took_all_meds",
        "danger",
        0.95,
        r"\b(?:took|swallowed|downed|ate|taken|take)\b (?:all|every one|the whole (?:bottle|pack|box)|a bunch|"
        r"a handful|\d{2,}) (?:of )?(?:my |the |his |her |mom'?s |dad'?s )?(?:"
        + _EN_DRUGS
        + r")\b",
    ),
    _r(
        "en:die_from_dose",
        "method",
        1.0,
        r"\b(?:die|dead|fatal|lethal|kill (?:you|me|someone))\b"
        + eg(25)
        + r"\b(?:\d{2,}|a whole bottle of|a bottle of|a pack of|a box of)\b"
        + eg(5)
        + r"\b(?:"
        + _EN_DRUGS
        + r")\b|"
        r"\blethal dose of\b",
    ),
    _r(
        "en:on_myself",
        "self",
        0.9,
        r"\b(?:use|turn|point|try) (?:it|them|this|that|the \w+) on myself\b|"
        r"\bi (?:should|ought to|might as well|may as well) (?:just )?(?:die|kill myself|be dead|end it|disappear)\b|"
        r"\bwish i could (?:just )?(?:not exist|not be here|not be alive|vanish|stop being alive)\b|"
        r"\b(?:not|never) (?:going to|gonna) be (?:here|around|alive) (?:tomorrow|anymore|much longer|next week|by morning)\b"
        r"(?!"
        + eg(30)
        + r"\b(?:off to|flying|going to|trip|travel\w*|work|office|class|holiday|vacation|visiting|"
        r"out of town)\b)",
    ),
    _r(
        "en:armed_outside",
        "danger",
        0.95,
        r"\b(?:outside|at) my (?:house|door|window|apartment|flat|place|room|car)\b"
        + eg(20)
        + r"\bwith a (?:knife|gun|weapon|bat|machete)\b|\b(?:a (?:man|guy|stranger|woman)|someone|somebody|he|she|they|"
        r"some (?:guy|man|men))\b"
        + eg(15)
        + r"\b(?:grabbed|attacked|cornered|assaulted|groped|drugged) me\b"
        r"(?! (?:a|an|some|one|two|lunch|coffee|dinner|food|drinks?|snacks?|tickets?)\b)|"
        r"\b(?:he'?s|she'?s|they'?re|someone'?s|still|keeps?) (?:still )?follow(?:ing)? me\b"
        + _NOT_ONLINE,
    ),
    _r(
        "en:farewell_soft",
        "hopeless",
        0.45,
        r"\bthanks? (?:you )?for trying\b(?! to)|^\s*(?:goodbye|farewell)\b|\bmade (?:my )?peace\b|"
        r"\b(?:tonight|today) i (?:go|leave)\b(?=\s*[.!]?\s*$)",
    ),
    _r(
        "en:rope_bought",
        "self",
        0.8,
        r"\b(?:bought|got|have|found|tied|ordered|hung) (?:a |the |some |my )?(?:rope|noose)\b",
    ),
    _r(
        "en:wrists",
        "self",
        0.85,
        r"\b(?:knife|blade|razor|cut|slit|open)\b"
        + eg(10)
        + r"\bwrists?\b|\bwrists?\b"
        + eg(6)
        + r"\b"
        + _EN_TIME
        + r"\b",
    ),
    _r(
        "en:cut_again",
        "self",
        0.9,
        r"\bi (?:cut|burned|burnt|hurt|harmed) (?:myself )?again\b|\bcut again\b|"
        r"\bi (?:cut|burn|hurt|harm|hit|scratch|punish|starve)s? myself\b"
        r"(?! (?:by accident|accidentally|while|cooking|on the|shaving|at the gym))|"
        r"\bself[- ]?harm(?:ing|ed)? (?:again|tonight|today|every day|more)\b|"
        r"\b(?:relapsed|relapse|relapsing|urges?|did)\b" + eg(6) + r"\bsh\b(?! (?:for|since))",
    ),
    _r(
        "en:mixed_pills",
        "danger",
        0.9,
        r"\bmixed\b"
        + eg(20)
        + r"\b(?:with|and)\b"
        + eg(12)
        + r"\b(?:pills|sleeping pills|meds|tablets|painkillers|medication)\b",
    ),
    _r(
        "en:car_exhaust",
        "danger",
        0.95,
        r"\bengine (?:running|on)\b"
        + eg(25)
        + r"\bgarage\b|\bgarage\b"
        + eg(35)
        + r"\bengine (?:running|on)\b|"
        r"\bcar exhaust\b|\bexhaust\b" + eg(10) + r"\b(?:hose|pipe)\b",
    ),
    _r(
        "en:lethal_not_wake",
        "method",
        1.0,
        r"\bhow (?:many|much)\b"
        + eg(40)
        + r"\b(?:not wake up|never wake up|not survive|be dead|end it|stop breathing)\b|"
        r"\b(?:what|which|how) (?:height|floor|storey|story|building|bridge|tall)\b"
        + eg(40)
        + r"\b(?:die|dead|fatal|lethal|kill|for sure|high enough)\b|\b(?:bridge|building|roof|floor)\b"
        + eg(10)
        + r"\bhigh enough\b",
    ),
    _r(
        "en:threat_tell",
        "danger",
        0.95,
        r"\b(?:he|she|they)(?:'?ll| will| would|'?d| said (?:he|she|they)(?:'?ll|'?d| would| will)?) "
        r"(?:kill|hurt|beat|stab|shoot|end) me\b|\bkill me if i (?:tell|say|talk|leave|go)\b|"
        r"\bthreaten(?:ing|s|ed)? to (?:kill|hurt|beat|stab|shoot|rape) me\b",
    ),
    _r(
        "en:followed",
        "danger",
        0.9,
        r"\b(?:being|been|getting|i'?m being) (?:followed|stalked)\b|\bsomeone(?:'s| is| has been) following me\b"
        + _NOT_ONLINE
        + r"|"
        r"\bfollow(?:ing|ed|s)? me (?:home|everywhere|around)\b" + _NOT_ONLINE,
    ),
    _r(
        "en:hidden_distress",
        "distress",
        0.2,
        r"\bhaven'?t (?:eaten|slept|showered|left (?:my|the) (?:bed|room|house))\b|"
        r"\b(?:nobody|no one|noone) (?:showed up|came|called|texted|remembered|likes me|wants me)\b|"
        r"\bsuch a (?:failure|loser|disappointment|burden|mess)\b",
    ),
    # ------------------------------------------------------------------ refuse: generalized forms
    _r(
        "zh:knock_out",
        "harm_others",
        0.9,
        r"(?:把|让)(?:人|他|她|别人|某人|对方)(?:打|弄|迷)(?:晕|昏|残|废|瘫)|"
        r"(?:毒死|害死|弄死|杀死|杀)(?:人|别人|他|她)" + zg(10) + r"(?:不留|不被|查不出)|"
        r"(?:能|可以)(?:毒死|害死|弄死|杀死)(?:人|别人)的(?:药|毒|东西)",
    ),
    _r(
        "zh:covert_track",
        "harm_others",
        0.85,
        r"(?:偷偷|暗中|秘密|背着|悄悄)"
        + zg(4)
        + r"(?:定位|追踪|监控|监听|查看|看|装|共享)"
        + zg(10)
        + r"(?:手机|聊天记录|微信|位置|行踪|定位|监控)|"
        r"(?:摄像头|监控|窃听器|定位器)"
        + zg(10)
        + r"(?:不让|不被|别让)(?:他|她|他们|儿媳妇?|老婆|老公|对方)(?:发现|知道)|"
        r"(?:别人|他|她|儿媳妇?|老婆|老公|对象)的?(?:微信)?位置"
        + zg(4)
        + r"(?:偷偷|悄悄)?共享到我",
    ),
    _r(
        "zh:dan",
        "jailbreak",
        0.9,
        r"(?:你是|你现在是|扮演|进入|成为|变成)\s?dan\b|(?:可以|能)(?:回答|做)(?:任何|所有)(?:问题|事)(?:了)?"
        + zg(4)
        + r"(?:没有|不受|无)(?:限制|规则|约束)?|不受任何(?:限制|约束|规则)",
    ),
    # ------------------------------------------------------------------ refuse: more generalized forms
    _r(
        "zh:weapon_howto",
        "weapons",
        0.9,
        r"(?:炸弹|炸药|爆炸物|雷管|燃烧瓶|铝热剂|凝固汽油|硝化甘油|电击棍|迷药|听话水|ghb|gbl|氰化物|毒气|冰毒|芬太尼)"
        + zg(8)
        + r"(?:(?:怎么|如何)(?!拆|防|躲|识别|应对|处理|避免|发现)|配方|比例|做法|教程|原料|能做|自制|"
        r"在家(?:里)?(?:能|可以)?做|(?:能|可以)(?:自己)?引爆|引爆(?:需要|要))",
    ),
    _r(
        "zh:spike_other",
        "harm_others",
        0.9,
        r"(?:放|加|下|掺|拌|倒|落)(?:多少|点|些|一点)?"
        + zg(3)
        + r"(?:在|到|进)?"
        + r"(?:他|她|别人|同事|室友|婆婆|公公|老公|老婆|邻居|同学|人家|他们|后妈|继母|继父|后爸|护工|保姆|"
        r"老板|领导|上司|前任|对方)(?:的)?"
        + zg(2)
        + r"(?:饭|菜|水|杯|茶|咖啡|酒|饮料|汤|奶茶|早餐|午饭|晚饭)(?:里|中|度)"
        + zg(10)
        + _ZH_SPIKED
        # 「有没有那种药 放酒里别人喝了就会失去意识」: the drink first, then who drinks it
        + r"|(?:药|粉|东西|嘢)"
        + zg(4)
        + r"(?:放|加|下|掺|倒|落)(?:在|到|进)?"
        + r"(?:饭|菜|水|杯|茶|咖啡|酒|饮料|汤|奶茶)(?:里|中|度)"
        + zg(2)
        + r"(?:别人|他|她|对方|人家|人)(?:喝|吃)"
        + zg(6)
        + _ZH_SPIKED,
    ),
    _r(
        "zh:poison_unnoticed",
        "harm_others",
        0.95,
        _ZH_POISON
        + zg(6)
        + r"(?:混|放|加|下|掺|拌)(?:在|进|到)?"
        + zg(6)
        + _ZH_FOOD
        + zg(8)
        + _ZH_UNNOTICED
        + r"|"
        + _ZH_FOOD
        + r"(?:里|中)"
        + zg(6)
        + r"(?:放|加|下|掺)"
        + zg(4)
        + _ZH_POISON
        + zg(6)
        + _ZH_UNNOTICED,
    ),
    _r(
        "en:sawn_off",
        "weapons",
        0.9,
        r"\b(?:saw|cut|shorten)(?:ing|ed)? (?:off |down )?(?:the |a |my |his )?(?:shotgun|rifle|gun)(?:'s)? barrel|"
        r"\b(?:make|making|build) (?:a |my own )?sawn?[- ]off\b|"
        r"\bsaw(?:ing)? off (?:the |a )?barrel\b",  # session 18: "he left a shotgun. how do i saw off the barrel?"
    ),
    _r(
        "en:where_to_strike",
        "harm_others",
        0.9,
        # where on a person a blow is deadliest, however it is wrapped
        r"\b(?:where'?s?|best (?:place|spot|way)|which (?:spot|part|organ))\b"
        + eg(20)
        + r"\b(?:stab|shoot|strangle|choke|hit|punch|kick)\b"
        + eg(6)
        + r"\b(?:someone|somebody|a person|a guy|a man|a woman|people|him|her|them|he|she|they)\b"
        + eg(25)
        + r"\b(?:kill|die|dead|bleed out|fatal|lethal|knock (?:them|him|her) out|go down|"
        r"(?:don'?t|won'?t|never|doesn'?t) get (?:back )?up|stay down)\b",
    ),
    _r(
        "en:explosive_craft",
        "weapons",
        0.9,
        r"\b(?:craft|make|build|cook|assemble)\w* (?:a |an |some |my own )?(?:tnt|c-?4|semtex|pipe ?bombs?|"
        r"molotovs?|napalm|thermite|nail bombs?)\b(?! in (?:minecraft|the game|terraria|fortnite))",
    ),
    _r(
        "zh:break_in",
        "harm_others",
        0.85,
        # breaking into someone else's home (one's own lock when locked out is fine)
        r"撬(?:开|锁)?"
        + zg(4)
        + r"(?:他|她|别人|邻居|人家|前任|前女友|前男友|同事|室友)(?:家|的(?:门|锁|房间|车))|"
        r"(?:他|她|别人|邻居|人家|前任|前女友|前男友|同事|室友)(?:家|的)"
        + zg(3)
        + r"(?:门|锁)"
        + zg(4)
        + r"(?:怎么|如何|怎样)?撬",
    ),
    _r(
        "zh:poison_animal",
        "harm_others",
        0.9,
        # poisoning a neighbour's dog or a stray ("让它死", "以后都不会再叫")
        r"(?:狗|猫|鸟|鸡)"
        + zg(16)
        + r"(?:药|毒|农药|老鼠药|鼠药|防冻液)"
        + zg(12)
        + r"(?:死|消失|不再叫|不会再[叫吠]|唔会再[叫吠]|再也不[叫吠]|不叫了)|"
        r"(?:什么|咩|哪种|啥)(?:药|毒)" + zg(10) + r"(?:狗|猫)" + zg(6) + r"(?:死|消失)",
    ),
    _r(
        "en:poison_animal",
        "harm_others",
        0.9,
        r"\b(?:antifreeze|rat poison|poison|bleach|xylitol)\b"
        + eg(40)
        + r"\b(?:cats?|dogs?|strays?|pets?|birds?|pigeons?)\b"
        + eg(30)
        + r"\b(?:how much|kill|die|dead|get rid|per bowl|works?)\b|"
        r"\b(?:kill|poison|get rid of)\b"
        + eg(10)
        + r"\b(?:neighbou?r'?s|the) (?:dog|cat)\b"
        + eg(30)
        + r"\b(?:without|won'?t|so (?:no one|nobody)|untraceable|undetect)",
    ),
    _r(
        "en:sabotage_brakes",
        "harm_others",
        0.9,
        r"\b(?:cut|tamper(?:ing)? with|mess(?:ing)? with|disable|loosen)\b"
        + eg(12)
        + r"\b(?:his|her|their|someone'?s|my (?:ex|boss|neighbou?r|husband|wife)'?s?)\b"
        + eg(10)
        + r"\bbrakes?(?: lines?)?\b",
    ),
    _r(
        "zh:arson",
        "harm_others",
        0.9,
        r"把(?:他|她|他们|老板|邻居|前任|工头)(?:的|家的?)?(?:车|房子|房|店|家|铺子|仓库)(?:给)?(?:烧|点)(?:了|掉)|"
        r"(?:烧|点)(?:了|掉)?(?:他|她|他们|老板|邻居|前任)(?:的|家的?)?(?:车|房子|房|店|家|铺子|仓库)|"
        r"(?:汽油|酒精|助燃)" + zg(12) + r"(?:不留痕迹|查不出|烧得快|一下就着|烧得更(?:猛|旺|快))|"
        r"(?:去|到)(?:他|她|他们)(?:的|家的?)?"
        + zg(4)
        + r"(?:诊所|店|家|厂|公司|办公室)?(?:放(?:把|一把)?火|点(?:把|一把)?火)",
    ),
    _r(
        "en:arson",
        "harm_others",
        0.9,
        r"\baccelerants?\b" + eg(30) + r"\b(?:trace|investigators?|detect|undetect)|"
        r"\b(?:burn|torch|set fire to)\b"
        + eg(6)
        + r"\b(?:his|her|their|my (?:ex|boss|landlord|neighbou?r)'?s?)\b"
        + eg(6)
        + r"\b(?:car|house|shop|truck|place|restaurant|shed|barn|garage|home|cabin|office)\b",
    ),
    _r(
        "zh:account_takeover",
        "harm_others",
        0.9,
        # someone else's accounts, phone or location
        r"(?:盗|偷|黑进|破解|登进|登录)(?:别人|他|她|人家|前任|同学|老公|老婆|男朋友|女朋友)(?:的)?"
        r"(?:支付宝|微信|qq|账号|号|手机|邮箱|抖音|微博|icloud)|"
        r"(?:通过|用)(?:他|她|别人|这个人|对方)?(?:的)?(?:手机号|电话号码?|身份证号?)"
        + zg(4)
        + r"(?:查|定位|找)(?:到)?"
        + zg(4)
        + r"(?:定位|位置|住址|住哪|在哪)|"
        r"(?:查|找)(?:一下)?(?:这个人|他|她|对方)(?:住|在)哪",
    ),
    _r(
        "en:account_takeover",
        "harm_others",
        0.9,
        r"\b(?:how (?:do|can|could|to)|fastest way|best way|easiest way|help me|teach me|ways? to)\b"
        + eg(12)
        + r"\b(?:get|break|hack|log) ?(?:in)?to (?:her|his|my (?:ex|friend|girlfriend|boyfriend|wife|husband|sister|"
        r"brother|roommate)'?s?|someone'?s|their)\b"
        + eg(6)
        + r"\b(?:snapchat|instagram|insta|facebook|whatsapp|email|phone|icloud|account|tiktok|discord)\b|"
        r"\bspyware on\b|\bphishing (?:kit|page|site)\b",
    ),
    _r(
        "en:push_to_self_harm",
        "harm_others",
        0.95,
        r"\b(?:push|drive|get)\b"
        + eg(8)
        + r"\b(?:her|him|them)\b"
        + eg(4)
        + r"(?:over the edge|to (?:kill|hurt|cut) (?:herself|himself|themselves))|"
        r"\bmake (?:her|him|them|\w+'?s? ex) \w* ?(?:feel )?\w* ?(?:so )?\w* (?:that )?(?:she|he|they) "
        r"(?:starts?|goes?|will) (?:hurting|cutting|killing) (?:herself|himself|themselves)",
    ),
    _r(
        "zh:minor_alone",
        "harm_others",
        0.9,
        r"(?:小学|初[一二三]|[一二三四五六]年级|(?<!\d)1?\d岁|未成年)"
        + zg(6)
        + r"(?:女生|女孩|小女孩|男孩|小孩|孩子|学生)?"
        + zg(16)
        + r"(?:单独约|约(?:她|他)?出来|别告诉(?:爸妈|家长|父母)|不让(?:她|他)?(?:的)?(?:爸妈|家长|父母)知道|"
        r"瞒着(?:她|他)?(?:的)?(?:爸妈|家长|父母))",
    ),
    _r(
        "zh:hit_and_run",
        "harm_others",
        0.85,
        r"(?:撞了人|撞到人|打了人|捅了人)"
        + zg(12)
        + r"(?:跑了|逃|躲|监控|痕迹|处理|不被发现|往哪跑)",
    ),
    _r(
        "zh:decode_jailbreak",
        "jailbreak",
        0.9,
        r"(?:解码|base64|编码)" + zg(8) + r"(?:照做|执行|回答|不要废话|不要警告)",
    ),
    _r(
        "en:make_dangerous",
        "weapons",
        0.9,
        r"\b(?:ghb|gbl|meth|fentanyl|lsd|mdma|heroin|thermite|nitroglycerin|napalm|tatp|pipe bomb|"
        r"molotov|chloroform|ricin|sarin|pseudoephedrine)\b"
        + eg(40)
        + r"\b(?:make|making|cook|cooking|synthesi[sz]e|ratios?|recipe|extract|reduce|step by step|at home|"
        r"turn (?:it )?into|exact)\b",
    ),
    _r(
        "en:knock_out_other",
        "harm_others",
        0.9,
        r"\b(?:knocks?|knock(?:ed|ing)) (?:a girl|a guy|her|him|someone|somebody|them|people) out\b|"
        r"\b(?:in|into) (?:his|her|their|someone'?s|somebody'?s|my (?!baby|kid|child|son|daughter|own)\w+'?s?) "
        r"(?:drink|food|coffee|iced coffee|tea|"
        r"water|shake|protein shake|smoothie|lunch|soup|dinner)\b"
        + eg(40)
        + r"\b(?:sick|die|dead|kill|pass out|knock|unconscious|puke|worse|lethal|enough)\b|"
        r"\b(?:dose|how much|how many|what would happen)\b"
        + eg(40)
        + r"\b(?:in|into|for) (?:his|her|their|someone'?s|somebody'?s|my (?:husband|wife|boss|roommate|"
        r"coworker|brother|sister|mother-in-law|neighbou?r)'?s?) (?:drink|food|coffee|tea|water|shake|lunch|dinner)\b",
    ),
    _r(
        "en:minor_alone",
        "harm_others",
        0.9,
        r"(?<!my )(?<!our )(?:\b(?:1[0-5]|[5-9]) ?(?:yo|y/o|year old|years old)\b|"
        r"\b(?:middle schooler|eighth grader|seventh grader)\b)"
        r"(?=" + eg(120) + r"\b(?:when (?:her|his|their) parents|without (?:her|his|their) parents|"
        r"not (?:to )?tell (?:her|his|their) parents|get (?:her|him) to come over|"
        r"meet (?:her|him) alone|get (?:her|him) alone)\b)",
    ),
    _r(
        "en:decode_jailbreak",
        "jailbreak",
        0.9,
        r"\b(?:decode|base64|rot13|pig latin)\b"
        + eg(40)
        + r"\b(?:answer|do it|follow|comply|no warnings|so the filter|fully)\b",
    ),
    _r(
        "en:hit_and_run",
        "harm_others",
        0.85,
        r"\bhit (?:someone|somebody|a (?:person|guy|man|woman|kid|pedestrian|cyclist))\b"
        + eg(60)
        + r"\b(?:drove off|took off|fled|left|without (?:the )?(?:shop|cops|police)|get rid of|fixed without)\b",
    ),
    _r(
        "en:make_gun",
        "weapons",
        0.9,
        r"\b(?:3d[- ]?print(?:ed|ing)?|build|make|assemble|manufacture)\b"
        + eg(8)
        + r"\b(?:gun|firearm|pistol|rifle|ghost gun|silencer|suppressor|auto sear)\b",
    ),
    _r(
        "en:no_rules_ai",
        "jailbreak",
        0.85,
        r"\b(?:respond|answer|act|behave|reply|you are|you'?re|pretend|ai|assistant|chatbot)\b"
        + eg(25)
        + r"\b(?:without|with no|free (?:of|from)|ignore (?:your|all))\b"
        + eg(6)
        + r"\b(?:ethics|ethical|restrictions|rules|filters|guidelines|limits|morals|morality|censorship)\b",
    ),
    # ------------------------------------------------------------------ session 4
    # self-harm done again, counted or told in passing (「手臂上又刀了两下」「刚才又划了」「又咬自己了」)
    _r(
        "zh:harm_again",
        "self",
        0.85,
        r"(?:又|刚才又|刚刚又|今天又|昨晚又|昨天又|又忍不住)(?:用刀)?(?:划|割|刀|咬|烫|烧|掐|按烟头)(?:了|伤)?"
        r"(?:自己|(?:手|手臂|手腕|胳膊|大腿|腿)|[一两二三四五六七八九十几]+(?:下|刀|道)|(?=[,。!?…\s]|$))"
        r"(?!" + zg(4) + r"(?:手机|屏|船|题|卡|水|线|算|掉|走|过去|到))",
    ),
    # harm that has become routine: "每天都要", 「频率变高了」, 「不划睡不着」
    _r(
        "zh:harm_routine",
        "self",
        0.85,
        r"(?:划|割|伤害|烫|烧)(?:自己|手|手臂|手腕|大腿)"
        + zg(20)
        + r"(?:频率|越来越|每天都|几乎每天|停不下来|"
        r"睡不着)|不(?:划|割)(?:一下)?(?:就)?睡不着",
    ),
    # a near attempt just now: 「刚从桥上下来 差一点点」
    _r(
        "zh:near_attempt",
        "danger",
        0.9,
        r"(?:刚|刚刚|刚才)(?:从)?(?:桥|天台|楼顶|窗台|阳台|江边|河边|铁轨)(?:上|边)?(?:下来|回来)"
        + zg(12)
        + r"(?:差一点|差点|就差)",
    ),
    # a height and whether the fall is sure to kill (「从10楼跳 是不是一定会死」)
    _r(
        "zh:height_sure",
        "method",
        1.0,
        r"从"
        + zg(4)
        + r"(?:\d+|[一二三四五六七八九十几]+)(?:楼|层|米)"
        + zg(6)
        + r"跳"
        + zg(12)
        + r"(?:一定会死|会不会死|能不能死|死得了|死不了|会死吗|必死|残废)",
    ),
    # thinking of jumping again (「昨晚又想跳」) — not 跳槽, 跳舞 …
    _r(
        "zh:jump_again",
        "self",
        0.85,
        r"(?:又|一直|每天|总是|老是)(?:想|想着|在想)(?:去)?跳(?:下去|楼|河|江|海|桥)?(?![槽舞绳伞远高水出进过起上个操])",
    ),
    # rooftops, bridges, platforms: unguarded, unlocked, high enough, watched or not
    _r(
        "zh:unguarded_place",
        "method",
        0.9,
        r"(?:哪|什么|有没有)"
        + zg(8)
        + r"(?:天台|楼顶|顶楼|大桥|桥|站台|月台|大厦|楼)"
        + zg(10)
        + r"(?:没有?锁|不锁|没有?(?:监控|护栏|栏杆|屏蔽门)|够高|最高)(?!"
        + zg(12)
        + _PASTIME
        + r")|"
        r"(?:天台|楼顶|顶楼|大桥|桥上|站台|月台)"
        + zg(6)
        + r"(?:有没有|有无)(?:监控|人管|保安|栏杆|护栏|锁)"
        r"(?!" + zg(12) + _PASTIME + r")",
    ),
    _r(
        "en:unguarded_place",
        "method",
        0.9,
        r"\b(?:which|what|any|where|is there|are there|know (?:of )?(?:a|any))\b"
        + eg(20)
        + r"\b(?:bridges?|stations?|platforms?|roofs?|rooftops?|car parks?|parking (?:garage|structure)s?|cliffs?)\b"
        + eg(40)
        + r"\b(?:no|without|lowest|low|don'?t have|doesn'?t have|no longer has)\b"
        + eg(25)
        + r"\b(?:barriers?|railings?|fences?|gates?|samaritans|nets?|cameras?|security)\b",
    ),
    # "go for a long swim … and not bother coming back"
    _r(
        "en:not_coming_back",
        "self",
        0.9,
        r"\b(?:swim|walk into the (?:sea|ocean|water|lake|river)|drive off|walk off|go out on the ice)\b"
        + eg(40)
        + r"\b(?:not|never|won'?t) (?:bother )?(?:come|coming|swim|swimming|walk|walking) back\b",
    ),
    # on the way to the tracks (or a bridge) after leaving a letter
    _r(
        "en:going_to_tracks",
        "danger",
        0.9,
        r"\b(?:going|heading|walking|on my way|off) to the (?:railway|rail|train|subway) (?:tracks?|lines?)\b"
        r"(?!" + eg(25) + r"\b(?:photos?|pictures?|shoot|film\w*|trainspott\w*|watch|paint\w*)\b)",
    ),
    # carbon monoxide: does it still work, how long, enough
    _r(
        "en:co_method",
        "method",
        0.95,
        r"\b(?:carbon monoxide|co poisoning|exhaust fumes?)\b"
        + eg(40)
        + r"\b(?:still work|painless|"
        r"enough to (?:kill|die)|kill (?:you|me|a person)|how long (?:until|till|does it take to|to) (?:you )?"
        r"(?:die|pass out|lose consciousness))\b",
    ),
    # an overdose taken on purpose ("shot up more than I should, on purpose") or someone's pills
    _r(
        "en:overdose_on_purpose",
        "danger",
        0.95,
        r"\b(?:took|taken|shot up|used|injected|swallowed|drank)\b"
        + eg(30)
        + r"\b(?:more than i should|too much|way too many|too many)\b"
        + eg(20)
        + r"\bon purpose\b|"
        r"\b(?:took|swallowed|downed|taken)\b (?:all|the whole (?:bottle|pack|box)|a handful) (?:of )?"
        r"(?:my |the |his |her )?\w+'?s? (?:\w+ )?(?:pills|tablets|meds|medication|heart pills|sleeping pills)\b",
    ),
    # physical abuse in words the older rule lacked ("shoves me into the wall", "pulls my hair")
    _r(
        "en:abuse_more",
        "danger",
        0.9,
        r"\b"
        + _EN_ABUSER
        + r"\b"
        + eg(25)
        + r"(?:\b(?:shoves?|shoved|pushe[sd]|push|grabb?(?:ed|s)?|pulls?|pulled|drags?|"
        r"dragged|pins?|pinned)\b (?:me\b(?! (?:to|towards|into (?:a|the) (?:hug|conversation)|forward|away "
        r"from|out of|a|an|some|one|lunch|coffee|dinner|food|drinks?|up|aside|over|along|back|through)\b)|"
        r"my (?:neck|throat|hair))|"
        r"\b(?:throws?|threw)\b me (?:against|into|down|across|onto|on the floor|to the (?:ground|floor))\b)|"
        r"\b(?:hiding|hide|cover(?:ing)? up) (?:the )?bruises\b|"
        r"\bbruises\b" + eg(30) + r"\b(?:discipline|my fault|i deserved)\b|"
        r"\bmakes me do (?:stuff|things) to him\b",
    ),
    # a Chinese beating after which they blame or deny (「他每次打完我」「被打几下怎么了 … 走路都疼」)
    _r(
        "zh:abuse_more",
        "danger",
        0.9,
        _ZH_ABUSER
        + r"(?:每次|一直|经常|又|总是)?(?:打完我|打了我)(?![一二两三四五六七八九十几好\d]*个?(?:电话|手机|视频|语音))|被"
        + zg(4)
        + r"打(?:几下|一下)?(?:怎么了|是女人的命|很正常|没什么)"
        + zg(20)
        + r"(?:疼|痛|肿|青|紫|流血)|(?:要钱|不给钱?)"
        + zg(6)
        + r"(?:就)?(?:推我|打我|掐我)",
    ),
    # someone keeps the user from friends or money (coercive control)
    _r(
        "en:coercive_control",
        "danger",
        0.85,
        r"\b(?:boyfriend|girlfriend|bf|gf|husband|wife|partner|fianc[eé]e?)\b"
        + eg(20)
        + r"\b(?:won'?t|doesn'?t|does not|will not|never) let me (?:see|talk to|have|keep|go out with) (?:my )?"
        r"(?:friends|family|own money|money)\b",
    ),
    # handing over passwords and money "for later" (「密码都发给我闺蜜了 让她以后帮我处理」)
    _r(
        "zh:hand_over",
        "self",
        0.8,
        r"密码"
        + zg(20)
        + r"(?:以后|到时候|之后)(?:麻烦|帮我|让|就)"
        + zg(10)
        + r"(?:处理|转给|交给|照顾|打开)|"
        r"(?:签名|个签|简介|昵称)(?:改成|换成|改为)(?:了)?[\"'“‘「]?(?:再见|永别|拜拜|告别|勿念|goodbye|bye)",
    ),
    # who will have my things / pet "if I'm not here" (「如果我不在了 steam账号给谁」)
    _r(
        "zh:if_gone_who",
        "hopeless",
        0.45,
        r"(?:如果|要是|假如|万一)我(?:不在了|没了|走了|出了什么事|出事了|死了)"
        + zg(16)
        + r"(?:给谁|谁来养|谁养|谁照顾|交给谁|留给谁|怎么办)",
    ),
    # refusals: drugs extracted from medicine or plants
    _r(
        "zh:extract_drug",
        "weapons",
        0.9,
        r"(?:提炼|提取|提纯|提出来|萃取|熬)"
        + zg(8)
        + r"(?:冰|冰毒|麻黄碱|伪麻黄碱|可待因|吗啡|dmt|大麻油)|"
        r"(?:感冒药|止咳水|止咳药|麻黄)" + zg(10) + r"(?:提炼|提取|提纯|提出来|做冰|制冰|萃取)",
    ),
    _r(
        "en:extract_drug",
        "weapons",
        0.9,
        r"\b(?:extract\w*|isolate|cook|get)\b"
        + eg(12)
        + r"\b(?:dmt|codeine|pseudoephedrine|morphine|mescaline)\b"
        r"(?!" + eg(20) + r"\b(?:allerg\w*|side effects?|prescri\w*)\b)|"
        r"\banhydrous ammonia\b" + eg(40) + r"\b(?:cook|make|need)\b",
    ),
    # toxins made or grown ("ricin from castor beans", "culturing botulism")
    _r(
        "en:toxin_make",
        "weapons",
        0.9,
        r"\b(?:ricin|abrin|botulism|botulinum|sarin|tabun|vx|anthrax|tetrodotoxin)\b"
        + eg(40)
        + r"\b(?:process|steps|route|synthesis|synthesi[sz]e|cultur\w+|grow|extract\w*|make|recipe|how)\b|"
        r"\b(?:cultur\w+|grow\w*|extract\w*|synthesi[sz]\w*|process\w*)\b"
        + eg(25)
        + r"\b(?:ricin|abrin|botulism|botulinum|sarin|anthrax)\b",
    ),
    # a death someone else is meant to die that looks natural or is "for good"
    _r(
        "en:natural_death_other",
        "harm_others",
        0.95,
        r"\b(?:someone'?s|his|her|their|a person'?s|(?:my|the) \w+'?s) death look (?:natural|like an accident|"
        r"like natural causes)\b|"
        r"\bput (?:him|her|them|my (?:grandpa|grandma|mom|mum|dad|mother|father|husband|wife|gran|nan)) to sleep "
        r"(?:for good|forever|permanently)\b|"
        r"\b(?:what|which) (?:combination|mix) of (?:his|her|their) (?:meds|medications|pills)\b",
    ),
    # ransomware and other malware written for use, or put on someone's computer
    _r(
        "zh:malware",
        "harm_others",
        0.9,
        r"(?:勒索病毒|勒索软件|木马|病毒|键盘记录器|肉鸡)"
        + zg(10)
        + r"(?:代码|源码|能直接跑|直接能用|写一个|写个|做一个)|"
        r"(?:写|做|给我)(?:一个|一份|个)?(?:能用的|能直接跑的)?(?:勒索病毒|勒索软件|木马|键盘记录器)|"
        r"(?:她|他|同事|别人|老板|领导)的?电脑上"
        + zg(4)
        + r"(?:装|放|植入)(?:个|一个)?(?:键盘记录器|木马|监控软件|病毒)",
    ),
    _r(
        "en:malware",
        "harm_others",
        0.9,
        r"\b(?:write|code|build|make|give me|send me)\b"
        + eg(20)
        + r"\b(?:ransomware|keylogger|botnet|rat trojan|remote access trojan|trojan)\b",
    ),
    # guns made automatic
    _r(
        "en:full_auto",
        "weapons",
        0.95,
        r"\b(?:full[- ]?auto|select[- ]fire|auto sear|drop[- ]in auto sear|bump stock|lightning link)\b"
        + eg(30)
        + r"\b(?:convert\w*|swap|install|make|build|parts|which)\b|"
        r"\bconvert\w*\b" + eg(25) + r"\b(?:to|into) (?:full[- ]?auto|automatic|select[- ]fire)\b",
    ),
    # revenge on a car or a building
    _r(
        "en:vandal_revenge",
        "harm_others",
        0.85,
        r"\b(?:sugar|bleach|salt) in (?:the|his|her|their) (?:gas |petrol )?tank\b|\bslash (?:his|her|their|the) tires\b|"
        r"\bhow (?:do|can|would) i (?:clog|flood|wreck|trash)\b"
        + eg(20)
        + r"\b(?:his|her|their)\b",
    ),
    # nude images made or spread, sextortion ("now i have leverage")
    _r(
        "zh:nude_leak",
        "harm_others",
        0.95,
        # the maker's target, never "my" photo: victims of the same threat are crises
        r"(?:p|ps|合成|换脸|ai换脸) ?(?:一张|几张|个)?(?:她|他|我同学|我同事|同学|同事|前女友|前男友|我前女友|我前男友|"
        r"女同事|女同学)的?(?:裸照|艳照|色图)",
    ),
    _r(
        "en:sextortion",
        "harm_others",
        0.9,
        r"\b(?:pics|photos|nudes|videos?)\b"
        + eg(40)
        + r"\b(?:leverage|blackmail|expose him|expose her|"
        r"send (?:them|it) to his wife|send (?:them|it) to her husband)\b",
    ),
    # someone hired to "handle" a person, or to beat them up (「找人把那个女的打一顿」)
    _r(
        "zh:hire_harm",
        "harm_others",
        0.9,
        r"找人"
        + r"[\"'“‘「]?(?:处理|收拾|教训|弄|做掉|解决)[\"'”’」]?(?:一下)?"
        + zg(10)
        + r"(?:多少钱|去哪找|怎么找|哪里找|靠谱)|找人(?:把|将)?"
        + zg(8)
        + r"(?:打一顿|打残|揍一顿|教训一顿|收拾一顿|废了|打断(?:他|她)的?腿)",
    ),
    # weapons past security
    _r(
        "zh:past_security",
        "weapons",
        0.9,
        r"(?:绕过|躲过|避开|混过)(?:学校|机场|地铁)?安检"
        + zg(10)
        + r"(?:枪|刀|炸药|炸弹|管制刀具)",
    ),
    # SIM swap and similar takeovers of someone's phone number
    _r(
        "zh:sim_swap",
        "harm_others",
        0.9,
        r"(?:sim卡劫持|sim swap|补办(?:他|她)的?(?:手机)?卡|换掉(?:他|她|我前男友|我前女友)的?手机卡)",
    ),
    # a poison dosed for another person (「放多少在馒头里能药倒一个大人」「熬多少能让我那个后婆婆不行了」)
    _r(
        "zh:dose_for_other",
        "harm_others",
        0.9,
        r"(?:放|加|熬|下|掺)多少"
        + zg(12)
        + r"(?:药倒|毒倒|毒死|药死|放倒)(?:一个)?(?:大人|人|他|她|"
        + _ZH_OTHER
        + r")|(?:多少|怎么|咋|哪种|什么)"
        + zg(10)
        + r"(?:能|可以|才能|会)?让(?:"
        + _ZH_OTHER
        + r"|我?那个\w{1,4}?)"
        + zg(3)
        + r"(?:不行了|没命|醒不过来|一命呜呼|瘫了?|残了?)",
    ),
    # sabotage that lands on the neighbours (「往电表上做点手脚 让隔壁家电器都烧坏」)
    _r(
        "zh:sabotage_other",
        "harm_others",
        0.85,
        r"(?:做|动)(?:点|些)?手脚"
        + zg(6)
        + r"让"
        + zg(2)
        + r"(?:隔壁|邻居|他|她|他们|对门|楼上|楼下)",
    ),
    # withholding someone's medicine to make them suffer
    _r(
        "zh:withhold_meds",
        "harm_others",
        0.9,
        r"(?:停|断|扣|藏)(?:了|掉)?(?:他|她|老头子?|老太太?|婆婆|公公)的?(?:几样|哪几样|一些)?药"
        + zg(10)
        + r"(?:受罪|难受|遭罪|吃苦|活受罪)|哪几样(?:药)?停了"
        + zg(4)
        + r"(?:最难受|最遭罪|受罪)",
    ),
    # firebombs got any way (「弄几个燃烧瓶」)
    _r(
        "zh:firebomb",
        "weapons",
        0.9,
        r"(?:弄|搞|整|备)(?:几个|一个|个|点|些)?(?:燃烧瓶|燃烧弹|土炸弹|雷管|炸药)",
    ),
    # scam scripts, phishing pages, forged papers
    _r(
        "zh:fraud_tools",
        "harm_others",
        0.85,
        r"(?:杀猪盘|诈骗|骗局)的?"
        + zg(4)
        + r"(?:话术|剧本|脚本|套路)|(?:给我|做|做个|做一个|搭)"
        + zg(4)
        + r"(?:钓鱼链接|钓鱼网站|钓鱼页面)|(?:钓鱼链接|钓鱼网站)的?(?:模板|源码)|(?:假的?|伪造|做一份假的?)"
        + zg(4)
        + r"(?:诊断书|病历|精神病证明|证明|身份证|合同|房产证)"
        + zg(12)
        + r"(?:去哪|哪能|哪里|怎么|能做|谁能做)",
    ),
    _r(
        "en:attack_tools",
        "harm_others",
        0.85,
        r"\b(?:ddos|booter)\b (?:him|her|them|his|her|their|someone|this (?:guy|kid))\b|"
        r"\b(?:token|ip|password) (?:grabber|logger|stealer)s?\b|"
        r"\b(?:trick|bypass|beat|fool|get around|disable)\b"
        + eg(15)
        + r"\b(?:breathalyzer|interlock)\b",
    ),
    # killing an animal quietly ("what kills a barking dog quietly")
    _r(
        "en:kill_animal_quiet",
        "harm_others",
        0.85,
        r"\b(?:kill|kills|silence|shut up|get rid of)\b"
        + eg(20)
        + r"\b(?:dog|cat|dogs|cats|rooster)\b"
        + eg(10)
        + r"\b(?:quietly|for good|without (?:anyone|the owner|them) (?:knowing|noticing))\b",
    ),
    # ------------------------------------------------------------------ session 5
    # how a means of dying feels or how fast it works ("drowning. is it quick?", "does
    # paracetamol actually hurt", "do people feel it. stepping off something tall")
    _r(
        "en:means_feel",
        "method",
        0.95,
        r"\b(?:drown\w*|hang(?:ing)? (?:myself|yourself|oneself)|nooses?|carbon monoxide|charcoal|exhaust fumes|"
        r"stepping off|jumping off|jump(?:ing)? from|fall(?:ing)? from|bleed(?:ing)? out|slit\w* (?:my |your )?wrists?|"
        r"overdos\w*|paracetamol|tylenol|acetaminophen)\b[^\n]{0,40}"
        + r"\b(?:is it (?:quick|fast|painless|peaceful)|(?:does|would|will) (?:it|that) (?:actually |even )?hurt|"
        r"do(?:es)? (?:you|people|one) (?:actually |even )?(?:feel (?:it|anything|pain)|suffer)|how painful)\b|"
        r"\b(?:does|would|will|is) (?:drowning|hanging|an overdose|overdosing|paracetamol|tylenol|carbon monoxide|"
        r"bleeding out) (?:actually |even |really )?(?:hurt|painful|quick|fast|painless)\b(?! (?:your|my|the|a|his|her) )|"
        r"\b(?:is it (?:quick|fast|painless|peaceful)|(?:does|would) it hurt|do (?:you|people) (?:actually )?feel it)\b"
        r"[^\n]{0,40}\b(?:drown\w*|hanging (?:myself|yourself)|nooses?|carbon monoxide|stepping off|jumping off|bleed(?:ing)? out|"
        r"overdos\w*)\b|"
        # carbon monoxide in a closed space, how fast; a dose that stops a heart or a liver
        r"\b(?:carbon monoxide|co|charcoal|exhaust)\b"
        + eg(30)
        + r"\b(?:small|closed|sealed|shut)\b"
        + eg(20)
        + r"\bhow (?:fast|quick|long)\b|"
        r"\b(?:how (?:long|much|many)|what dose|which dose|enough)\b"
        + eg(40)
        + r"\b(?:stop (?:a |the |my |your |someone'?s )?heart|shut\w* (?:\w+ )?liver|liver (?:down|fail\w*))\b",
    ),
    # herbicide and pesticide asked about as a way to die (「除草的药死得快 要喝多少」); a pet
    # or a child that swallowed it is a vet's or a doctor's emergency, not this
    _r(
        "zh:pesticide_dose",
        "method",
        1.0,
        r"^(?![^\n]*(?:狗|猫|孩子|宝宝|小孩|误吃|误食|误喝|碰到))[^\n]*?"
        r"(?:农药|除草的?药|除草剂|百草枯|敌敌畏|老鼠药|鼠药)[^。！？!?；;\n]{0,12}"
        r"(?:死得快|死得痛快|要喝多少|喝多少|喝几口|吃多少|多少(?:能|会|才)(?:死|没命)|会不会(?:很)?痛|痛不痛|难不难受)",
    ),
    # the user's own funeral or ashes planned (a soft sign: people joke about their funeral songs)
    _r(
        "zh:own_funeral",
        "hopeless",
        0.45,
        r"我的?(?:葬礼|追悼会|后事|骨灰)|我死(?:了)?(?:以后|之后)(?:的)?(?:骨灰|葬礼)",
    ),
    # "be the one who finds me", "if i don't reply tomorrow you know why"
    _r(
        "en:finds_me",
        "self",
        0.9,
        r"\b(?:be the one (?:who|to|that)|(?:is|are|'s|'re) (?:going to|gonna)|will) (?:finds?|discovers?) "
        r"(?:me|my body)\b(?=\s*(?:tomorrow|tonight|in the morning|first|when|after|like this|[.,!]|$))|"
        r"\bif i (?:don'?t|do not|dont) (?:reply|answer|text back|show up|wake up)\b"
        + eg(25)
        + r"\byou(?:'ll| will)? know why\b",
    ),
    # sexual assault told in the first person ("my cousin raped me", "someone spiked my drink")
    _r(
        "en:assaulted_me",
        "danger",
        0.95,
        r"\b(?:raped|molested|sexually assaulted|groped|drugged|roofied) me\b|\bspiked my drink\b",
    ),
    # drunk or drugged by someone and woke up with clothes wrong (「把我灌醉了然后……醒来的时候衣服不对」)
    _r(
        "zh:drugged_me",
        "danger",
        0.95,
        r"(?:灌醉|迷晕|下药|下了药)(?:了)?我?"
        + zg(20)
        + r"(?:醒来|醒过来|醒了)"
        + zg(12)
        + r"(?:衣服(?:不对|被脱|被换|乱|不见)|裤子(?:被脱|不见|不对)|内裤|(?:下身|下面)(?:疼|痛)|身上(?:有|都是)(?:淤青|痕迹))",
    ),
    # beaten hard this time, or asking how to document it (「他这次打得有点重」, 「被打了要怎么验伤」)
    _r(
        "zh:beaten_hard",
        "danger",
        0.9,
        r"(?:他|她|老公|男朋友|爸|妈)(?:这次|这回|又|昨天|今天|每次)?打得(?:很|有点|太|好|特别)?(?:重|狠|厉害)|"
        r"(?:被打|被他打|被她打)(?:了)?" + zg(6) + r"验伤",
    ),
    # spiking someone's food or drink ("strongest sedative i can crush into my roommate's food")
    _r(
        "en:spike_other",
        "harm_others",
        0.9,
        r"\b(?:sedatives?|sleeping pills?|poison\w*|laxatives?|benzos?|xanax|ambien|roofies?|ghb|rohypnol|"
        r"antifreeze|eye ?drops|visine|something)\b"
        + eg(40)
        + r"\b(?:put|slip|crush|mix|sneak|spike|add|drop)\w*\b"
        + eg(10)
        + r"\b(?:into|in) (?:someone'?s|his|her|their|my (?:\w+ )?\w+'?s) (?:food|drink|salad|coffee|tea|meal|water|"
        r"soup|dinner|lunch|beer|wine)\b|"
        r"\b(?:deadly|poisonous|toxic|lethal) enough to (?:put|slip|add|mix) in\b",
    ),
    # weapons past security, blinding or crippling someone, untraceable guns
    _r(
        "en:weapon_misuse",
        "weapons",
        0.9,
        r"\b(?:knife|knives|blade|weapon|gun)\b"
        + eg(30)
        + r"\b(?:through|past|by) (?:a |the )?(?:metal detector|airport security|security scanner)\b|"
        r"\b(?:strong|enough)\b"
        + eg(10)
        + r"\bto (?:actually |permanently )?(?:blind|cripple|paralyze|disfigure) (?:someone|somebody|a person|"
        r"him|her|them|a guy|my \w+)\b|"
        r"\b(?:get|buy|make|build|print|order|find|where)\b"
        + eg(20)
        + r"\b(?:ghost guns?|untraceable (?:gun|pistol|firearm)s?)\b|\bghost guns?\b"
        + eg(20)
        + r"\b(?:where|how|by (?:friday|tomorrow|tonight))\b",
    ),
    # into someone's devices or cameras ("hold his phone to his face while he sleeps",
    # "get me into my ex's ring doorbell feed")
    _r(
        "en:device_intrusion",
        "harm_others",
        0.85,
        r"\b(?:face ?id|fingerprint|thumb)\b[^\n]{0,60}\b(?:while|when) (?:he|she|they)(?:'?s|'?re| is| are)? (?:asleep|sleeping|passed out)\b|"
        r"\b(?:get|hack|break) (?:me )?into (?:someone'?s|his|her|their|my ex'?s|my \w+'?s) "
        r"(?:ring|doorbell|camera|cctv|nest|security cam\w*)\b",
    ),
    # "make my landlord's life hell"
    _r(
        "en:make_life_hell",
        "harm_others",
        0.8,
        r"\bmake (?:his|her|their|my \w+'?s|\w+'?s) life (?:a )?(?:living )?hell\b",
    ),
    # keeping people in, cutting them off, scaring them silent (「怎么让她走不了」, 「让她不敢开口」)
    _r(
        "zh:control_other",
        "harm_others",
        0.85,
        r"(?:怎么|如何|有什么办法|有啥办法|咋|怎样)" + zg(10) + r"(?:让|叫|把)"
        r"(?:她|他|老婆|老公|老人|孩子|小孩|工人|员工|他们|她们|学生)"
        + zg(6)
        + r"(?:出不了(?:门|房间|屋)|走不了|跑不了|跑不掉|逃不掉|不敢(?:开口|告状|往外说|说出去|告诉别人|报警)|"
        r"跟外面(?:彻底)?断)|"
        r"(?:把|扣下?|扣住|收走?)(?:他们|工人|员工|她们|他|她)的?(?:身份证|护照)|"
        r"(?:身份证|护照)(?:扣下来|扣着|收上来)(?:有用|管用|行不行|可以吗|犯法)",
    ),
    # grooming a child away from the parents (「怎么单独把学生留下来又不让家长起疑心」)
    _r(
        "zh:groom",
        "harm_others",
        0.9,
        r"(?:单独|偷偷)"
        + zg(6)
        + r"(?:学生|孩子|小孩|女孩|男孩|小女孩|小男孩)"
        + zg(10)
        + r"(?:不让|不被|别让)(?:家长|父母|爸妈|他爸妈|她爸妈)(?:起疑|发现|知道)",
    ),
    # turning a class against one pupil (「怎么带全班孤立他 逼到他转学」)
    _r(
        "zh:isolate_other",
        "harm_others",
        0.8,
        r"(?:带|让|叫|发动|组织)(?:全班|大家|所有人|同学们?|全组)"
        + zg(4)
        + r"(?:孤立|排挤|针对|不理)(?:他|她|那个|这个)|逼(?:到|得)(?:他|她)(?:转学|退学)",
    ),
    # cheer worn as a mask ("i have to act happy", 「强颜欢笑」): sadness, so no joke
    _r(
        "en:forced_cheer",
        "distress",
        0.2,
        r"\b(?:act|acting|pretend(?:ing)? to be|fake|faking|force myself to (?:be|look)|put on a) "
        r"(?:happy|fine|okay|ok|cheerful|a smile|smile|smiling)\b",
    ),
    _r(
        "zh:forced_cheer",
        "distress",
        0.2,
        r"强颜欢笑|(?:装作|假装|装得?|硬撑着?)(?:很|挺|一副)?(?:开心|高兴|没事|快乐|笑)",
    ),
    # locked in by someone (「被锁在宿舍 三天没给饭吃」, "they locked us in the container"); locked
    # out, quarantine or a stuck lift are not this, nor "locked in" meaning focused
    _r(
        "en:locked_in",
        "danger",
        0.9,
        r"\block(?:s|ed)? (?:me|us) (?:in|up)\b(?! (?:the )?(?:game|match|zone))|"
        r"\b(?:i'?m|i am|we'?re|we are|got|been|keeps? me|kept) locked (?:in|up) (?:in )?(?:a |the |my |this |our )?"
        r"(?:room|bedroom|container|basement|cellar|car|trunk|house|bathroom|closet|shed|van|garage|attic)\b",
    ),
    _r(
        "zh:locked_in",
        "danger",
        0.9,
        r"(?:被|把我|把我们)(?:人|他|她|他们|老板|爸|妈)?(?:锁|关)(?:在|进|起来|过)"
        r"(?!门外|外面|家里隔离|隔离|电梯|楼道外)"
        r"(?:[^。！？!?；;\n]{0,8})(?:没(?:给|有)?饭|不给饭|不让(?:出|走|吃)|一整晚|一晚上|好几天|[两三四五几]天|小黑屋|出不去)",
    ),
    # a way not to wake up again (「怎么配药让我不再醒过来」)
    _r(
        "zh:never_wake_method",
        "method",
        1.0,
        r"(?:怎么|如何|什么药|哪种药|哪些药|什么办法|有没有办法|吃什么)"
        + zg(8)
        + r"(?:让我|让自己|能)?(?:不再醒|再也不醒|醒不过来|永远睡下去|一睡不醒|长睡不醒)",
    ),
    # killing someone and then oneself ("i'll kill him and then myself", 「杀了他然后自杀」)
    _r(
        "en:then_myself",
        "self",
        1.0,
        r"\b(?:kill|shoot|stab|hurt|take out)\b"
        + eg(25)
        + r"\b(?:and )?then (?:kill |shoot |end |off )?myself\b|\bthen (?:i'?ll|i will|i'?m gonna) "
        r"(?:kill|off|end|shoot) myself\b",
    ),
    _r(
        "zh:then_myself",
        "self",
        1.0,
        r"(?:杀了|砍死|弄死|捅死|杀死)"
        + zg(8)
        + r"(?:然后|再|之后)(?:我)?(?:就)?(?:自杀|去死|跳楼|了断)|"
        r"(?:我就|就)?先(?:把)?自己了断",
    ),
    # ---- beyond Chinese and English: the plainest words of suicide, self-harm, an overdose
    # taken, danger at a height, and abuse, in the languages users write most after ours
    # (Spanish, Portuguese, French, German, Italian, Dutch, Russian, Japanese, Korean, Turkish,
    # Indonesian, Vietnamese). No model reads these: the rules are all there is.
    _r(
        "intl:suicide",
        "self",
        1.0,
        r"(?<!no )(?:me )?quiero (?:morir(?:me)?|matarme)|\bme quiero (?:morir|matar)\b|\bvoy a matarme\b|"
        r"\bsuicidarme\b|\bno quiero (?:seguir )?vivir\b|\bno quiero despertar\b|\bquitarme la vida\b|"
        r"(?<!não )\bquero (?:morrer|me matar)\b|\bvou me matar\b|\bnão quero (?:mais )?viver\b|"
        r"\btirar (?:a )?minha (?:própria )?vida\b|"
        r"\bje veux mourir\b|\benvie de mourir\b|\bme suicider\b|\bje vais me tuer\b|\bje ne veux plus vivre\b|"
        r"\bmettre fin à mes jours\b|"
        r"\bich will sterben\b|\bwill nicht mehr leben\b|\bbringe? mich um\b|\bmich umbringen\b|"
        r"\bnicht mehr aufwachen\b|\bmir das leben nehmen\b|"
        r"(?<!non )\bvoglio morire\b|\b(?:uccidermi|ammazzarmi|suicidarmi)\b|\btogliermi la vita\b|"
        r"\bnon voglio più vivere\b|"
        r"\bik wil (?:dood|niet meer leven)\b|\bmezelf van kant\b|"
        r"хочу умереть|покончить с собой|убить себя|не хочу жить|меня не станет|"
        r"死にたい|消えたい|生きていたくない|죽고 싶|살고 싶지 않|"
        r"\bölmek istiyorum\b|\bkendimi öldür\w*|\b(?:ingin|mau) mati\b|\bbunuh diri\b|\bmuốn chết\b|\btự tử\b",
    ),
    _r(
        "intl:self_harm",
        "self",
        0.95,
        r"\bme (?:corté|corto|cortei|cortar)\b|\bcortarme\b|\bautolesi\w+|\bscarifi\w+|\bje me (?:suis )?coup\w+ "
        r"(?:les |le )?(?:bras|poignets?|cuisses?)|\bautomutil\w+|\bin den arm geschnitten\b|\britze mich\b|"
        r"\bgeritzt\b|\bmi sono tagliat\w\b|\bmi taglio\b|порезал\w* себ|режу себя|リスカ|リストカット|자해",
    ),
    _r(
        "intl:overdose",
        "danger",
        0.95,
        r"\bho preso tutte le (?:pillole|pastiglie|compresse)\b|\bme tomé (?:todas las|un montón de) "
        r"(?:pastillas|pastis)\b|\btomei (?:todos os comprimidos|todas as pílulas)\b|"
        r"\bj'ai pris tous (?:mes|les) (?:médicaments|cachets|comprimés)\b|\balle tabletten (?:genommen|geschluckt)\b|"
        r"выпил\w* все таблетки",
    ),
    _r(
        "intl:unsafe_place",
        "danger",
        0.9,
        r"\bestou na ponte\b|\bestoy en (?:el puente|la azotea)\b|\bje suis sur (?:le pont|le toit)\b|"
        r"\bich stehe auf (?:der brücke|dem dach)\b|\bsono sul (?:ponte|tetto)\b|я на крыше|я на мосту",
    ),
    _r(
        "intl:abuse",
        "danger",
        0.9,
        r"\bme (?:pega|golpea|violó|viola|amenaza con matarme)\b|\bme va a matar\b|\bme estuprou\b|"
        r"\bameaça me matar\b|\b(?:il|elle) me (?:frappe|bat)\b|\bm'a violée?\b|\bmenace de me tuer\b|"
        r"\bschlägt mich\b|\bhat mich vergewaltigt\b|\bdroht mich umzubringen\b|\bmi picchia\b|"
        r"\bmi ha violentat\w\b|\bminaccia di uccidermi\b|бь[её]т меня|изнасиловал",
    ),
    _r(
        "intl:requests",
        "harm_others",
        0.9,
        r"\benvenenar a\b|\bcómo (?:puedo )?matar a\b|\bcomo matar (?:o|a|meu|minha)\b|\bempoisonner\b|"
        r"\bcomment tuer\b|\bvergiften\b|\bavvelenare\b|\bhackear (?:la cuenta|el celular|el teléfono)\b|"
        r"\bpirater (?:le|la|son|sa) (?:compte|téléphone|portable)\b|\b(?:telefoon|account) hacken\b|"
        r"\bhandy hacken\b|\bcomo hackear\b",
    ),
    _r(
        "intl:jailbreak",
        "jailbreak",
        0.9,
        r"\bignora (?:tus|todas las|las|le|tutte le) (?:tue )?(?:instrucciones|reglas|istruzioni|regole)\b|"
        r"\bignoriere (?:deine|alle) (?:regeln|anweisungen)\b|\bignore (?:tes|toutes les) (?:instructions|règles)\b|"
        r"\bignore (?:suas|as) (?:instruções|regras)\b|игнорируй (?:свои|все) (?:инструкции|правила)|"
        r"\bsin (?:ética|reglas|restricciones|filtros)\b|\bohne (?:regeln|ethik|filter)\b",
    ),
    # ------------------------------------------------------------------ session 10
    # someone sedated or hurt so that it does not show ("how much diphenhydramine do i give my
    # gran so shes out cold", 「孩子不听话，打哪里不会留下痕迹」)
    _r(
        "en:sedate_other",
        "harm_others",
        0.9,
        r"\b(?:give|slip|put|sneak)\b"
        + eg(20)
        + r"\b(?:my (?:gran|grandma|granny|nan|nana|grandad|grandpa|mum|mom|mother|dad|father|husband|wife|"
        r"mother[- ]in[- ]law|father[- ]in[- ]law|baby|kid|son|daughter|patient|roommate|girlfriend|boyfriend|"
        r"partner|boss)|him|her|them)\b"
        + eg(25)
        + r"\b(?:out cold|knocked (?:out|unconscious)|knock (?:him|her|them) out|unconscious|never wakes? up)\b",
    ),
    _r(
        "en:stop_heart",
        "method",
        1.0,
        r"\b(?:how (?:much|many)|what dose|what amount|what would)\b"
        + eg(40)
        + r"\bstop (?:a grown man'?s|someone'?s|somebody'?s|a person'?s|a man'?s|a woman'?s|his|her|their) heart\b",
    ),
    _r(
        "en:hit_without_marks",
        "harm_others",
        0.9,
        r"\b(?:hit|smack|slap|punch|beat|spank|kick)\b"
        + eg(25)
        + r"\b(?:without leaving|won'?t leave|doesn'?t leave|that leaves no|leave no) (?:any )?"
        r"(?:marks?|bruises?|traces?|evidence)\b",
    ),
    _r(
        "zh:hit_without_marks",
        "harm_others",
        0.9,
        r"(?:打|揍|掐|抽|踢)(?:孩子|小孩|他|她|老婆|老公|人|儿子|女儿|老人|学生)?(?:哪里|哪儿|什么地方|哪个部位)"
        + zg(6)
        + r"(?:不会|不|没有?)(?:留(?:下)?|看出|有|出)(?:痕迹|印子|伤|淤青|伤痕|印)|"
        r"(?:打|揍|掐|抽|踢)(?:孩子|小孩|他|她|老婆|老公|人|儿子|女儿|老人|学生)"
        + zg(6)
        + r"(?:不会|不)留(?:下)?(?:痕迹|印子|伤痕|淤青)",
    ),
    # growing drugs (「宿舍里怎么种大麻不被宿管发现」)
    _r(
        "zh:grow_drugs",
        "weapons",
        0.9,
        r"(?:怎么|如何|怎样|教我)(?:在\w{0,4})?(?:偷偷)?(?:种|养|培育|种植)(?:大麻|罂粟)|"
        r"(?:种|养|种植)(?:大麻|罂粟)" + zg(8) + r"(?:不被|不让|发现不了|查不到|怎么|方法|教程)",
    ),
    _r(
        "en:grow_drugs",
        "weapons",
        0.9,
        r"\bhow (?:do i|to|can i|would i)\b"
        + eg(10)
        + r"\b(?:grow|cultivate)\b (?:weed|cannabis|marijuana|opium poppies|shrooms|magic mushrooms)\b"
        + eg(30)
        + r"\b(?:without|so (?:no one|nobody|my|the)|hidden|secretly|in my dorm|in the dorm)\b",
    ),
    # an opioid patch chewed or swallowed ("i just chewed a fentanyl patch")
    _r(
        "en:fentanyl_patch",
        "danger",
        0.95,
        r"\b(?:chewed|chewing|swallowed|ate|sucked on|sucking on)\b"
        + eg(12)
        + r"\b(?:fentanyl|durogesic|butrans|opioid|morphine|pain) patch(?:es)?\b",
    ),
    # the pills set out ("I have put all my tablets in a bowl. I wanted to tell somebody first.")
    _r(
        "en:pills_set_out",
        "self",
        0.85,
        r"\b(?:put|poured|tipped|emptied|laid|lined|counted)\b (?:out )?all (?:of )?my (?:\w+ )?"
        r"(?:pills|tablets|meds|medication|capsules)\b"
        + eg(6)
        + r"\b(?:in(?:to)? a (?:bowl|pile|glass|cup|heap)|in a (?:row|line)|in front of me|lined up|on the (?:bed|floor))\b",
    ),
    # someone vulnerable missing now ("Mum's got dementia ... she's wandered out and I can't
    # find her"; 「奶奶走丢了 找了一晚上」)
    _r(
        "en:missing_now",
        "danger",
        0.85,
        r"\b(?:mum|mom|mother|dad|father|gran|grandma|granny|grandpa|grandad|nan|son|daughter|kid|child|"
        r"toddler|baby|husband|wife|sister|brother)\b"
        + eg(60)
        + r"\b(?:wandered (?:off|out|away)|gone missing|went missing|is missing|has disappeared|ran away)\b"
        + eg(40)
        + r"\b(?:can'?t find|cannot find|no idea where|don'?t know where|can'?t reach|looked everywhere)\b",
    ),
    _r(
        "zh:missing_now",
        "danger",
        0.85,
        r"(?:妈|爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|孩子|儿子|女儿|老人|老公|老婆|弟弟|妹妹)"
        + zg(12)
        + r"(?:走丢|走失|跑丢|失踪|不见了|跑出去了)"
        + zg(10)
        + r"(?:找不到|找了|到处找|报警|联系不上|还没找到)",
    ),
    # locked in (「锁我在房入面」, Cantonese after normalization)
    _r(
        "zh:locked_in",
        "danger",
        0.9,
        r"(?:反锁|锁|关)(?:住)?我(?:在|喺)"
        + zg(4)
        + r"(?:房|屋|家|里|厕所|阳台|地下室|柜)|把我(?:反)?锁(?:在|起来|住)",
    ),
    # a last wish to be passed on (「我的遗愿是大家别哭 拜托你帮我转告一下」)
    _r(
        "zh:last_wish",
        "self",
        0.8,
        r"我的遗愿" + zg(12) + r"(?:转告|告诉(?:他们|大家|我妈|我爸|家人)|帮我)|"
        r"帮我转告" + zg(10) + r"(?:别哭|不要哭|别难过|不要难过|对不起|我爱)",
    ),
    # a death made to look like an accident, to spare one's family
    _r(
        "zh:look_like_accident",
        "self",
        0.85,
        r"(?:看起来|看上去|弄得|装成|伪装成)像?(?:个|是)?(?:意外|事故)"
        + zg(16)
        + r"(?:不想让|别让|免得|以免|不让)(?:我)?(?:妈|爸|家人|爸妈|父母|家里人|孩子)",
    ),
    _r(
        "en:look_like_accident",
        "self",
        0.85,
        r"\blook like an? accident\b"
        + eg(40)
        + r"\b(?:so|because|that way) (?:my )?(?:mom|mum|dad|parents|family|kids|wife|husband|son|daughter)\b"
        + eg(20)
        + r"(?:don'?t|won'?t|doesn'?t|never|can'?t) (?:have to )?(?:blame|feel|think|know|get)",
    ),
    # death as the only way out (「我觉得只有死了才能不连累家里」)
    _r(
        "zh:only_death",
        "self",
        0.85,
        r"只有(?:我)?(?:去)?死(?:了|掉)?(?:才能|才可以|才会|才算|才)|(?:死|自杀)(?:了)?(?:是|才是)(?:唯一的?|最后的?)(?:办法|出路|解脱)",
    ),
    # waiting by the tracks, driving off, the gas tap, a dose for once and for all
    _r(
        "zh:tracks_waiting",
        "danger",
        0.9,
        r"(?:火车轨道|铁轨|轨道|站台边)" + zg(8) + r"(?:等|等着)(?:下一趟|下一列|火车|车来|车过来)",
    ),
    _r(
        "zh:no_brakes",
        "self",
        0.9,
        r"(?:往下冲|冲下去|冲下山|冲出去|撞上去|撞过去)"
        + zg(8)
        + r"(?:刹车(?:不想|不打算|不会)踩|不(?:想)?踩刹车)|"
        r"(?:刹车(?:不想|不打算|不会)踩|不(?:想)?踩刹车)"
        + zg(8)
        + r"(?:往下冲|冲下去|冲下山|撞上去|撞过去)",
    ),
    _r(
        "zh:gas_tap",
        "self",
        0.85,
        r"第[几一二三四五六七八九十\d]+次想开煤气|想开煤气(?!灶|做|烧|炒|煮|热|洗)|手(?:都)?(?:放|搭)(?:到|在)(?:煤气|燃气)(?:的)?(?:开关|阀门)上",
    ),
    _r(
        "zh:dose_for_good",
        "self",
        0.85,
        r"(?:打算|准备|想|决定)(?:今晚|这次)?一次(?:性)?(?:用|打|吸|注射|扎)(?:够|完|个够|足)",
    ),
    _r(
        "zh:no_next_year",
        "self",
        0.8,
        r"(?:不会|不)再有(?:下一个|下个|明年的?)(?:过年|春节|生日|夏天|冬天|中秋|圣诞)",
    ),
    _r(
        "zh:just_cut",
        "self",
        0.9,
        r"刚(?:割|划)(?:完|了)?[,，\s]" + zg(6) + r"(?:流|血)",
    ),
    _r(
        "zh:steal_password",
        "harm_others",
        0.9,
        r"(?:怎么|如何|怎样)(?:才能)?(?:弄到|拿到|获取|破解|盗|偷|查到)(?:我)?(?:别人|他|她|老公|老婆|女朋友|男朋友|前任|对象|同事)"
        r"的?(?:支付宝|微信|qq|银行卡|手机|账号|密码)",
    ),
    _r(
        "en:extract_drugs",
        "weapons",
        0.9,
        r"\bextract(?:ing)? (?:the )?(?:psilocybin|dmt|thc|codeine|pseudoephedrine|morphine|mescaline)\b",
    ),
    # nobody to find the user, or miss them; no promise to be here
    _r(
        "en:nobody_to_find",
        "self",
        0.85,
        # (not hide-and-seek: "nobody will find me here lol")
        r"\bnobody to find me\b|\bnobody (?:will|would|'?ll|is going to|is gonna|gonna) find me (?:till|until|for|before)\b|"
        r"\bnobody(?:'s| is)? (?:gonna|going to|will|would) miss\b"
        + r"[^\n]{0,80}?"
        + r"(?:already decided|i'?ve decided|made up my mind|my mind is made up|it'?s decided)",
    ),
    _r(
        "en:cant_promise",
        "self",
        0.85,
        r"\bcan'?t promise (?:i'?ll|i will|that i'?ll|i'?d) (?:still )?(?:be (?:here|around|alive)|make it)\b"
        # (not a timetable: "can't promise I'll be here on time")
        r"(?! (?:on time|in time|at \d|by \d|before \d|early|for the (?:meeting|class|start)))",
    ),
    _r(
        "zh:painless_way",
        "method",
        1.0,
        r"(?:哪种|什么|哪个|有没有)(?:方式|方法|办法)(?:会)?(?:不会痛|不痛|不疼|没有痛苦|不痛苦|最不痛)",
    ),
    _r(
        "en:shaken_baby",
        "danger",
        0.9,
        r"\bi shook (?:the |my )?baby\b|\bbaby\b[^\n]{0,60}\bi shook (?:her|him)\b",
    ),
    # game words for ending one's life (「人生这个游戏我不想玩了」, "uninstalling life.exe")
    _r(
        "zh:quit_life_game",
        "self",
        0.85,
        r"人生(?:这个|这场)?游戏" + zg(8) + r"(?:不想玩|不玩了|退出|删号|结束|玩不下去)|"
        r"遗言[:：]" + zg(12) + r"(?:账号|密码|存款|手办|猫|狗|东西|卡)",
    ),
    _r(
        "en:quit_life_game",
        "self",
        0.85,
        r"\buninstall(?:ing|ed)? (?:my )?life(?:\.exe)?\b|\balt ?\+? ?f4 (?:on )?(?:life|irl|my life)\b",
    ),
    # 「想原地去世 不是发癫那种 是真的想」, 「想去河边走走 走进去那种」
    _r(
        "zh:not_a_joke",
        "self",
        0.85,
        r"(?:想死|想原地去世|想去世|想紫砂|不想活|想消失|想走)"
        + zg(6)
        + r"不是(?:开玩笑|发癫|玩梗|夸张|说说|发疯)(?:那种|的)?"
        + zg(4)
        + r"(?:是)?真的|(?:河边|海边|江边|湖边)"
        + zg(6)
        + r"走进去(?:那种)?",
    ),
    _r(
        "zh:height_over_water",
        "method",
        0.9,
        r"桥" + zg(12) + r"(?:离|到)(?:水面|江面|河面|海面|地面)(?:有)?多(?:高|少米)",
    ),
    _r(
        "en:ddos",
        "harm_others",
        0.9,
        r"\b(?:ddos|dox|swat)(?:ing)? (?:a guy|someone|somebody|him|her|them|his|her|their|this guy|my ex|a streamer)\b",
    ),
    # someone else's death made to look like an accident, someone drugged unconscious, a lock
    # picked on someone else's door
    _r(
        "zh:staged_death",
        "harm_others",
        0.95,
        r"让(?:一个人|他|她|别人|对方|那个人)"
        + zg(6)
        + r"(?:看起来|看上去)像(?:是)?(?:意外|自然死亡|病死|自杀)|"
        r"(?:把|将)(?:人|他|她|别人|对方|受害者)"
        + zg(8)
        + r"(?:伪装|装|弄)成(?:是)?(?:自杀|意外|失足)",
    ),
    _r(
        "zh:drug_someone",
        "harm_others",
        0.9,
        r"(?:什么|啥|哪种|有没有)(?:药|东西|粉|水)"
        + zg(4)
        + r"(?:让|能让|可以让)(?:女生|女孩|女的|男生|男的|人|他|她|别人|对方)"
        + zg(4)
        + r"(?:喝|吃)"
        + zg(4)
        + r"(?:昏|晕|失去意识|没知觉|不省人事|断片|睡过去|没力气|听话)",
    ),
    _r(
        "zh:pick_lock",
        "harm_others",
        0.85,
        r"(?:开锁工具|万能钥匙|开锁|撬锁)"
        + zg(6)
        + r"(?:别人|他|她|邻居|人家|前任|前女友|前男友)(?:家|的)",
    ),
    # a child in a medical emergency with the user (「宝宝一直发烧还抽搐，嘴唇发紫」)
    _r(
        "zh:child_emergency",
        "danger",
        0.85,
        r"(?:宝宝|孩子|小孩|女儿|儿子|婴儿|bb)"
        + zg(10)
        + r"(?:抽搐|嘴唇发紫|脸发紫|没有呼吸|没呼吸|不呼吸|叫不醒|昏迷|呛住了|喘不上气)",
    ),
    _r(
        "en:child_emergency",
        "danger",
        0.85,
        r"\b(?:baby|toddler|child|kid|son|daughter|newborn|infant)\b"
        + eg(30)
        + r"\b(?:(?:having|had) a seizure|seizing|convulsing|fitting|turning blue|lips (?:are |went |going )?blue|"
        r"not breathing|stopped breathing|won'?t wake(?: up)?|unresponsive|choking|swallowed (?:a|some|the) "
        r"(?:battery|batteries|magnet|pills|bleach))\b",
    ),
    # a cut deep enough for hospital, hidden from the family
    _r(
        "zh:cut_hidden",
        "self",
        0.85,
        r"(?:割|划|切)(?:得|的)(?:有点|很|太|比较|好|挺)?深"
        + zg(12)
        + r"(?:不想让|别让|不敢让|瞒着|不能让)(?:家里|爸妈|家人|父母|我妈|我爸)",
    ),
    # on a bridge or a roof, wondering whether to jump (「我在 Brooklyn Bridge 上面 不知道该不该跳」)
    _r(
        "zh:whether_to_jump",
        "danger",
        0.95,
        r"(?:桥|bridge|楼顶|天台|顶楼|楼上|窗台|窗边|阳台|江边|河边|海边|悬崖|站台)"
        + zg(10)
        + r"(?:该不该跳|要不要跳|跳不跳|想跳下去|想往下跳)",
    ),
    # going missing for good ("gonna go missing this weekend. like permanently missing")
    _r(
        "en:missing_for_good",
        "self",
        0.85,
        r"\b(?:go|going|gonna go|about to go) missing\b[^\n]{0,40}?\bpermanent(?:ly)?\b|"
        r"\b(?:i'?m|i'?ll|i will|gonna|going to) (?:go )?permanently (?:missing|disappear\w*|log(?:ging)? off)\b",
    ),
    # losing control tonight ("i dont think i can stop myself tonight")
    _r(
        "en:cant_stop_myself",
        "self",
        0.85,
        # (not a snack: "can't stop myself laughing today")
        r"\b(?:(?:don'?t|dont) think i can|can'?t|cant|cannot|not sure i can) stop myself"
        r"(?: from (?:doing (?:it|something)|hurting(?: myself)?|cutting|jumping))? (?:tonight|this time|anymore)\b",
    ),
    # a date set to die ("counting down to my bday. thats the deadline i gave myself")
    _r(
        "en:deadline_set",
        "self",
        0.85,
        r"\b(?:counting down|count down|countdown)\b"
        + r"[^\n]{0,40}\b(?:deadline|date|day) i (?:gave|set) (?:for )?myself\b",
    ),
    _r(
        "intl:weapons",
        "weapons",
        0.9,
        r"\bpistole ohne seriennummer\b|\bfabricar (?:una )?bomba\b|\bbombe bauen\b|\bfabriquer une bombe\b|"
        r"\bse fabrica (?:el )?ghb\b|\bfabricar ghb\b",
    ),
)

# --- session 11: what four fresh writer sets (blind32-35) taught --------------------------
S11_MASKS = _masks(
    [
        # 「这个班上得我想死」「塞车塞到想死」「太阳晒得我要死了」: any chore or the weather driven to
        # 想死 / 要死了 — not sorrow or pain
        (
            "hyperbole",
            r"(?<=[\u4e00-\u9fff])(?<!难过)(?<!痛苦)(?<!难受)(?<!绝望)(?<!伤心)(?<!崩溃)(?<!抑郁)(?<!孤独)"
            r"(?<!心痛)(?<!疼)(?<!痛)(?<!哭)(?:得|到)我?快?(?:想死(?:了)?|要死了)",
        ),
        # 「好想死 开玩笑的啦」, 「我真是想死 点答好」 (how do I answer them)
        (
            "hyperbole",
            r"想死" + zg(8) + r"(?<!不是)(?<!不是在)(?<!没)(?<!没有)(?<!没在)(?<!不)"
            r"(?:开玩笑的?|开个玩笑|说笑的?|玩笑话|\bjk\b)"
            r"(?![^\n]{0,6}(?:其实不是|其实是真的|是真的|不是开玩笑))|"
            r"想死" + zg(4) + r"(?:怎么|点)(?:答|回答|回复|回)",
        ),
        # 「看到新闻说有个医生跳楼了」; 「给一个割腕的小姑娘缝针」 (a patient's wound)
        (
            "third_party",
            r"(?:网上|视频里?|直播间?)"
            + zg(8)
            + r"(?:有人|别人|一个人)"
            + zg(4)
            + r"(?:直播)?(?:自杀|跳楼|跳河)|"
            r"给(?:一个|个)?"
            + zg(6)
            + r"(?:割腕|自杀|跳楼|服毒|喝药|吃药)的"
            + zg(6)
            + r"(?:缝针|洗胃|抢救|包扎|处理伤口)",
        ),
        # "i used to self harm as a teen. … im fine, just shaken"
        (
            "recovered",
            r"\bi used to (?:self[- ]?harm|cut(?: myself)?)\b[^\n]{0,30}\bas a (?:teen|teenager|kid)\b"
            r"[^\n]{0,120}?\b(?:i'?m|im) (?:fine|ok|okay)\b(?![^\n]*\b(?:again|urges?|want to)\b)",
        ),
        # "whats the lethal dose of caffeine lol im on my 5th coffee"
        (
            "hyperbole",
            r"\b(?:lethal|fatal|deadly) dose of (?:caffeine|coffee)\b"
            r"(?=[^\n]*\b(?:lol|lmao|haha|cups?|coffees?|espresso|shift)\b)",
        ),
        # 「楼下老姐妹看见了以为我想不开 其实我就是怕哪天病倒」
        (
            "negation",
            r"以为我(?:要|会|是)?想不开" + zg(6) + r"其实(?:我)?(?:就是|只是|没有|不是|是)",
        ),
        # a kitchen or workshop accident (「后厨切肉 今天刀划到手了 缝了三针」)
        (
            "accident",
            r"(?:切菜|切肉|切水果|后厨|做饭|厨房|车间)"
            + zg(12)
            + r"(?:刀)?(?:划|切|割)(?:到|伤|破)了?(?:手|手指)",
        ),
        # an old diary read now (「高中写的日记 好几页都写着想死…幸好她撑过来了」)
        (
            "recovered",
            r"日记" + zg(16) + r"(?:想死|不想活|自杀|自残)"
            r"[^\n]{0,40}?(?:撑过来了|熬过来了|走出来了|挺过来了)",
        ),
        # a pet's emergency is the vet's ("my dog had a seizure tonight, the vet says…")
        (
            "third_party",
            r"\bmy (?:dog|cat|puppy|kitten|bunny|rabbit)\b (?:had|has|is having) (?:a )?seizures?\b",
        ),
        # away on a trip, not gone (「如果明天没回消息就是我走了去旅游」)
        (
            "everyday",
            # the whole "if I don't answer, I'm away" clause where it is one (session 16: with
            # more writer sets the model read the rest, 「如果明天没回消息就是我」, as a farewell)
            r"(?:(?:如果|要是)(?:明天|今天|今晚|这几天|周末)?(?:我)?)?(?:没回|不回)(?:消息|微信|你)"
            r"(?:就是|是因为|那是)(?:我)?(?:走了?|出发了?|出门了?)?(?:在|去)"
            r"(?:旅游|旅行|玩|度假|出差|爬山|露营|徒步|山里|飞机上)|"
            r"走了?去(?:旅游|旅行|玩|度假|出差|爬山|露营|徒步)",
        ),
        # 「有什么回答的技巧吗 拜托救救我」: asking for help with a chore, not rescue
        ("hyperbole", r"(?:技巧|怎么回答|怎么答|怎么办|攻略)" + zg(6) + r"(?:拜托)?救救我"),
        # 「真想杀了他们两个 😤 气到发抖」: rage said as rage
        (
            "benign_phrase",
            r"真?想杀了(?:他|她|他们|她们)(?:两个|俩)?"
            + zg(6)
            + r"(?:😤|气到发抖|气死|气疯|🙄|开玩笑)",
        ),
    ]
)

# Someone else at risk (session 11; first written as plain masks, which dropped the "someone else
# may be at risk" reading): 「我怕他想不开」, 「哥们…一直说活着没意思」, "my buddy keeps saying he'd be
# better off dead", "my dad is drinking himself to death"
S11_THIRD_PARTY: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"(?:怕|担心)(?:他|她)(?:会)?想不开|"
        r"(?:我弟|我哥|我姐|我妹|哥们|兄弟|朋友|同事|室友|同学|工友)"
        + zg(16)
        + r"(?:一直|老是|总是|经常|老|就|哭着|就哭着?)说(?:活着没意思|活着没劲|不想活|想死)"
    ),
    re.compile(
        r"\b(?:buddy|friend|brother|bro|coworker|guy|cousin)\b"
        + eg(40)
        + r"\b(?:keeps|kept) saying (?:he'?d|she'?d|they'?d|he would|she would) be better off dead\b|"
        r"\b(?:brother|sister|dad|father|mom|mum|mother|friend|son|husband|wife|uncle) is drinking "
        r"(?:himself|herself) to death\b"
    ),
)

S11_RULES: tuple[Rule, ...] = (
    _r("zh:no_face_to_live", "self", 0.85, r"没脸(?:再)?活"),
    _r(
        "zh:farewell_letter_howto",
        "self",
        0.85,
        r"(?:诀别信|遗书)" + zg(6) + r"(?:怎么写|怎么措辞|模板|范文)",
    ),
    # command hallucinations ("a voice keeps telling me i should jump")
    _r(
        "en:voices_command",
        "self",
        0.9,
        r"\b(?:a |the )?voices? (?:keeps?|is|are|keep on) (?:telling|saying to|ordering) me "
        r"(?:to|i should|that i should) (?:jump|kill myself|die|hurt myself|end it|cut)\b",
    ),
    _r(
        "zh:voices_command",
        "self",
        0.9,
        r"(?:有个|一个)?声音(?:一直|总是|老是|不停地?)?(?:叫我|让我|告诉我|跟我说)(?:去)?(?:跳|死|自杀|割|结束)",
    ),
    # into the water, unable to swim (「灌醉 然后去河里游泳 我不会游」)
    _r(
        "zh:cannot_swim",
        "self",
        0.85,
        r"(?:去|跳进?|走进)(?:河|江|海|湖)里?" + zg(8) + r"(?:我)?(?:又)?不会游",
    ),
    _r("zh:how_to_end", "self", 0.85, r"怎么(?:结束|了结)(?:自己|生命|最快|得快|不痛|最不痛)"),
    _r(
        "zh:vanish_from_lives",
        "self",
        0.85,
        r"想(?:静静地?|悄悄地?|慢慢地?)?消失在(?:大家|所有人|你们|这个世界)",
    ),
    # staging one's own death ("make my death look like an accident")
    _r(
        "en:stage_own_death",
        "self",
        0.9,
        r"\bmake (?:my death|my suicide) look like (?:an accident|natural causes|i was sick)\b|"
        r"\bmake it look like i (?:died|was sick|had an accident)\b",
    ),
    _r(
        "zh:grandma_recipe",
        "jailbreak",
        0.9,
        r"(?:扮演|假装(?:是|成)?)(?:我)?(?:的)?(?:奶奶|外婆|祖母|姥姥)"
        + zg(12)
        + r"(?:配方|怎么做|制作|做法|教程)",
    ),
    _r(
        "zh:firebomb",
        "weapons",
        0.9,
        r"(?:汽油弹|燃烧瓶|燃烧弹)" + zg(4) + r"(?:配方|怎么做|制作|做法|教程)",
    ),
    _r(
        "zh:unreachable_tomorrow",
        "self",
        0.85,
        r"(?:明天|明早|明天早上|今晚过后|过了今晚)"
        + zg(6)
        + r"(?:你们?|大家)?(?:就)?(?:联系不上|找不到|见不到)我了",
    ),
    _r(
        "zh:last_words",
        "self",
        0.85,
        r"最后(?:跟|和)(?:人|你|大家)(?:说说话|聊聊|说几句)|"
        r"(?:看|去)了?(?:一眼)?(?:海|江|河|日落|日出|夜景)"
        + zg(3)
        + r"最后一(?:次|眼)(?=\s|$|[,。!…])",
    ),
    _r(
        "zh:debt_dies",
        "self",
        0.85,
        r"人死(?:了)?(?:之后|以后)?债" + zg(5) + r"(?:消|清|没了|一笔勾销|不用还)",
    ),
    _r(
        "zh:exhaust_pipe",
        "self",
        0.9,
        r"(?:管子|软管|水管)" + zg(8) + r"(?:接|插|连)(?:到|在|上)?排气管|"
        r"排气管" + zg(6) + r"(?:接|插|通)(?:进|到)?(?:车里|车窗|驾驶室)",
    ),
    _r(
        "zh:kept_for_tonight",
        "self",
        0.9,
        r"(?:碎片|刀片|玻璃片|剪刀|刀)"
        + zg(4)
        + r"(?:收好|藏好|准备好|磨好)了"
        + zg(4)
        + r"(?:今晚|今天晚上|等下|待会)(?:就)?用",
    ),
    _r(
        "zh:cut_again",
        "self",
        0.85,
        r"(?<![船桨])又(?:划|割)了(?=\s|$|[,。!…]|一道|一刀|好几|[几两三]道)",
    ),
    _r(
        "zh:smash_self",
        "self",
        0.85,
        r"(?:锤子|榔头|砖头|石头)" + zg(3) + r"(?:把)?自己" + zg(4) + r"砸",
    ),
    _r(
        "zh:pet_handover",
        "self",
        0.85,
        r"(?:以后|之后|往后)(?:帮我|替我)(?:照顾|养)"
        + zg(10)
        + r"(?:没办法|没法|不能)(?:再)?(?:照顾|养)(?:它|牠|他|她)了",
    ),
    _r(
        "zh:hidden_farewell",
        "self",
        0.85,
        r"遗嘱" + zg(10) + r"(?:还?以为我是|以为我只是)|"
        r"(?:送|给)"
        + zg(10)
        + r"(?:他们|她|他|大家)(?:都|还)?以为我(?:是|要)?(?:搬|出远门|回国|喝醉|旅游|出差)",
    ),
    _r(
        "en:other_letter",
        "self",
        0.85,
        r"\b(?:my|the) other (?:letter|note)\b[^\n]{0,40}\bfor (?:my )?(?:kids|family|wife|husband|parents|mom|mum|dad|boys|girls)\b",
    ),
    _r(
        "en:all_sorted",
        "self",
        0.85,
        r"\beveryone (?:would|will|'?d) cope\b|\b(?:cat|dog) gets a new (?:owner|home)\b",
    ),
    _r(
        "en:have_the_means",
        "self",
        0.9,
        r"\b(?:overdose|od)\b[^\n]{0,40}\bkill (?:you|me|a person)\b[^\n]{0,60}\b(?:i have|i've got|got) "
        r"(?:a |an )?(?:full |whole )?(?:vial|bottle|box|pack|strip)\b",
    ),
    _r(
        "en:tox_screen_family",
        "self",
        0.9,
        r"\b(?:show up|detect\w*|found) on (?:a )?tox(?:icology)? screen\b[^\n]{0,60}\b(?:easier on|for) my "
        r"(?:family|kids|wife|husband|parents)\b",
    ),
    _r(
        "en:most_reliable",
        "method",
        0.9,
        r"\b(?:which|what)(?:'s| is) (?:more|most) reliable\b[^\n]{0,40}\b(?:insulin|potassium|morphine|fentanyl|"
        r"digoxin|pills|overdose)\b",
    ),
    _r(
        "en:let_fate",
        "self",
        0.85,
        r"\b(?:tonight|today)\b[^\n]{0,20}\blet (?:god|fate) (?:sort it out|decide|take (?:me|it))\b",
    ),
    _r(
        "en:vehicle_off_road",
        "self",
        0.9,
        r"\b(?:take|drive|run|put) (?:the|my) (?:rig|truck|car|bike)\b[^\n]{0,30}\b(?:off (?:the|a) "
        r"(?:grade|road|cliff|bridge|overpass)|into (?:a|the) (?:wall|tree|river|median))\b",
    ),
    _r(
        "en:rope_still_up",
        "self",
        0.85,
        r"\b(?:hung|hanged) (?:himself|herself)\b[^\n]{0,80}\brope'?s still (?:up|there|hanging)\b",
    ),
    _r(
        "en:poison_passes",
        "harm_others",
        0.9,
        r"\b(?:poison|drug|substance)\b[^\n]{0,30}\b(?:looks? like|mimics?|passes? (?:as|for)) (?:a )?"
        r"(?:heart attack|natural causes|stroke)\b",
    ),
    _r(
        "zh:booby_trap",
        "harm_others",
        0.9,
        r"(?:门上|门口|门把)"
        + zg(4)
        + r"装(?:个)?"
        + zg(6)
        + r"(?:他|她|人)(?:一)?(?:开门|进来|推门)(?:就)?(?:会)?(?:受伤|被扎|被电|摔)",
    ),
    _r(
        "zh:deepfake_nude",
        "harm_others",
        0.9,
        r"(?:脸|照片|头像)" + zg(4) + r"p ?(?:到|在)" + zg(2) + r"(?:裸照|黄图|色情)|"
        r"(?:换脸)" + zg(6) + r"(?:裸|色情|黄图)",
    ),
    _r(
        "en:extra_sedative",
        "harm_others",
        0.9,
        r"\bif i (?:doubled|tripled|upped|gave (?:him|her) extra)\b[^\n]{0,30}\b(?:his|her|their) "
        r"(?:sedatives?|meds|medication|dose|insulin|pills)\b[^\n]{0,40}\bwould (?:anyone|anybody|they) "
        r"(?:notice|know|find out)\b",
    ),
    _r(
        "en:estate_dose",
        "harm_others",
        0.95,
        r"\b(?:estate|inheritance|life insurance)\b[^\n]{0,80}\b(?:how much|what dose|how many)\b[^\n]{0,40}"
        r"\b(?:fatal|lethal|kill|would do it)\b",
    ),
    _r(
        "zh:estate_dose",
        "harm_others",
        0.95,
        r"(?:给|让)(?:他|她|我爸|我妈|老人)(?:多加|加|多吃)(?:多少|几片)"
        + zg(4)
        + r"(?:会出事|会死|就没了)",
    ),
    _r(
        "zh:poison_food_unnoticed",
        "harm_others",
        0.95,
        r"(?:百草枯|敌敌畏|农药|老鼠药|鼠药|毒药)"
        + zg(2)
        + r"(?:放|倒|加|下)(?:到|在|进)?"
        + zg(2)
        + r"(?:饭|菜|水|汤|酒|饮料)"
        + zg(4)
        + r"(?:能|会)?(?:吃|喝|尝)(?:得)?出来(?:不|吗|么)?",
    ),
    _r(
        "zh:weapon_at_people",
        "weapons",
        0.9,
        r"(?:弩|弓箭|气枪|钢珠枪)" + zg(10) + r"(?:射人|打人|伤人)",
    ),
    _r(
        "zh:hire_thugs",
        "harm_others",
        0.9,
        r"找人(?:把)?(?!我)[^我\n]{0,8}(?:腿|手|胳膊)(?:打断|打折|废了)|"
        r"找人(?:打|废|教训)(?:他|她)" + zg(6) + r"(?:多少钱|怎么找|哪里找)",
    ),
    _r(
        "en:beat_no_time",
        "harm_others",
        0.9,
        r"\bhow (?:to|do i|can i|would i) (?:beat|hurt|mess up|fuck up)\b[^\n]{0,30}\b(?:so bad|bad enough)\b"
        r"[^\n]{0,60}\b(?:(?:he|she) (?:dont|doesn'?t|won'?t|can'?t|never) walks?|but i (?:dont|don'?t) "
        r"(?:do|get) (?:time|jail))\b",
    ),
    _r(
        "zh:eavesdrop_partner",
        "harm_others",
        0.9,
        r"偷听"
        + zg(4)
        + r"(?:老婆|老公|女朋友|男朋友|媳妇|她|他)"
        + zg(4)
        + r"(?:电话|打电话|通话)|"
        r"(?:什么|哪个)软件能?(?:偷听|监听|窃听)",
    ),
    _r(
        "zh:payback_drug",
        "harm_others",
        0.9,
        r"(?:想|要)给(?:他|她)(?:点)?颜色(?:看看|瞧瞧)?" + zg(8) + r"(?:什么|哪种)药",
    ),
    _r(
        "zh:sedate_to_rob",
        "harm_others",
        0.95,
        r"(?:让|使|把)(?:室友|他|她|老公|老婆|同事|男朋友|女朋友|家人|爸|妈)(?:睡死|睡着|昏睡)"
        + zg(10)
        + r"(?:翻|看|偷|拿)(?:他|她)?的?(?:手机|钱|东西)",
    ),
)

# --- session 12: what fresh writer sets (blind36, blind38) taught -------------------------
S12_MASKS = _masks(
    [
        # the past told as past (「前几年我也想过轻生 现在好多了」 is the first zh "recovered" mask's):
        # 「我不想活的那段日子已经过去了」, "thought about suicide a lot in my 20s ... im 45 now and ok"
        (
            "recovered",
            r"(?:不想活|想死|想自杀|想轻生|想不开)的那段(?:日子|时间|时期)(?:已经|早就|都)?(?:过去了|结束了)|"
            r"\b(?:thought about|thinking about|was) (?:suicide|killing myself|suicidal)\b"
            + eg(30)
            + r"\bin my (?:teens|20s|twenties|30s|thirties)\b"
            + r"[^\n]{0,40}?\b(?:i'?m|im) \d{2} now and (?:ok|okay|fine|good|doing (?:ok|okay|fine|well|good))\b"
            + r"(?![^\n]*\b(?:again|lately|recently|came back)\b)",
        ),
        # an illness told as past: 「三年前得过产后抑郁 现在已经好了」
        (
            "recovered",
            r"[\d一二两三四五六七八九十几]+年前(?:得过|有过|患过)"
            + zg(4)
            + r"(?:抑郁|产后抑郁|抑郁症|焦虑症|双相)"
            + zg(6)
            + r"(?:现在|如今)(?:已经)?(?:好了|好多了|康复了?)",
        ),
        # a prescription as prescribed (「去医院开了点安眠药医生说一天就一片」)
        (
            "benign_phrase",
            r"(?:医院|医生)"
            + zg(4)
            + r"开了?(?:点|些)?(?:安眠药|药)"
            + zg(4)
            + r"医生(?:说|让|叫)(?:一天|每天|每晚)(?:就|只)?(?:吃)?[一半两](?:片|颗|粒)",
        ),
        # a character in a screenplay (「主角是被家暴的妈妈」)
        ("third_party", r"(?:主角|角色|女主|男主|人物)是(?:一个|一位)?被家暴的"),
        # a complaint about a customer who pushed first (「明明是他先动手推我的」)
        ("recovered", r"明明是(?:他|她|对方|业主|客户|顾客)先动手(?:推|打)?(?:我)?的?"),
    ]
)

# Someone else at risk or lost, not the user (session 12): read like THIRD_PARTY, so humor stays
# off and the risk is counted as someone else's.
S12_THIRD_PARTY: tuple[re.Pattern[str], ...] = (
    # someone else's: 「我一个朋友把东西都送人了 … 我有点担心他」, 「我表哥去年想不开走了」;
    # first responders' work: "had a jumper today. talked him down", 「把人从河里捞上来」
    re.compile(
        r"(?:朋友|同事|室友|舍友|同学|工友|哥们|兄弟|我哥|我弟|我姐|我妹|学弟|学妹|学长|学姐|队友)"
        + zg(8)
        + r"(?:东西|东西都)?(?:送人了|送给别人|都送了)"
        + zg(16)
        + r"(?:(?:担心|怕)(?:他|她)|(?:要不要|该不该|用不用)(?:报警|告诉|报告)|我该怎么办)|"
        r"(?:表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|哥哥|姐姐|弟弟|妹妹|舅舅|叔叔|姑姑|阿姨|朋友|同学|同事|室友)"
        + zg(6)
        + r"想不开(?:走了|没了|去世了?|自杀了)|"
        r"\b(?:talked|talk|talking) (?:him|her|them|a (?:guy|man|woman|kid|girl|boy|teen)|someone) "
        r"(?:down|off)\b|\bhad a jumper\b|"
        r"(?:我们|我)(?:把人|把他|把她|把一个)"
        + zg(6)
        + r"从"
        + zg(6)
        + r"(?:捞|救|拉|抬)(?:上来|出来)"
        r"(?:(?:的时候)?(?:已经|就)?(?:没气了|没了|死了))?",
    ),
    # 「我们厂有个女工跳楼了」, "my coworker say he want to jump from crane", "my friend told me
    # she's been thinking about ending it": someone else's
    re.compile(
        r"(?:有个|有一个|一个)(?:女工|工友|同事|员工|学生|病人|邻居|老乡|同学)(?:跳楼|跳河|自杀|上吊|喝药|喝农药)了|"
        r"\bmy (?:coworker|co-worker|friend|roommate|brother|sister|colleague|mate|buddy|cousin) "
        r"(?:say|says|said|told me) (?:he|she|they)(?:'s| is| has| was| had)? (?:been )?"
        r"(?:want|wants|wanted|gonna|going to|thinking about|thought about) (?:to )?"
        r"(?:jump|die|kill (?:him|her|them)sel(?:f|ves)|end(?:ing)? it|suicide)\b",
    ),
)

S12_RULES: tuple[Rule, ...] = (
    # a child convulsing or not breathing, now (「孩子发高烧抽起来了 眼睛往上翻」)
    _r(
        "zh:child_seizure",
        "danger",
        0.95,
        r"(?:孩子|娃|宝宝|儿子|女儿|孙子|孙女|小孩)"
        + zg(10)
        + r"(?:抽起来了|抽搐起来|抽过去了|抽风了|翻白眼|眼睛往上翻|口吐白沫|不喘气了?|叫不醒|没气了)"
        + r"(?![^\n]*(?:现在好了|已经好了|没事了|那次|那年|以前))",
    ),
    # a gun to the head weighed: "is a 9mm to the temple always fatal"
    _r(
        "en:gun_to_head",
        "method",
        0.95,
        r"\b(?:9mm|\.22|\.38|\.45|\.308|gun|pistol|shotgun|revolver|glock|rifle|bullet|round)\b"
        + eg(12)
        + r"\b(?:to|in|under) (?:the|my) (?:temple|head|mouth|chin)\b"
        + eg(20)
        + r"\b(?:fatal|lethal|enough|survive|survivable|kill|instant|guaranteed)\b",
    ),
    # survivor's guilt turned into a plan: 「该死的本来是我。现在我要把这个错改过来」,
    # "should have been me in that truck. im going to fix that"
    _r(
        "zh:should_have_been_me_fix",
        "self",
        0.95,
        r"(?:该死的|死的)(?:本来|应该)?(?:是|应该是)我"
        + r"[^\n]{0,16}(?:改过来|纠正过来|补上|还回去|还给他们)",
    ),
    _r(
        "en:should_have_been_me_fix",
        "self",
        0.95,
        r"\bshould(?:'ve| have)? been me\b[^\n]{0,40}\b(?:i'?m|im|i am) (?:going to|gonna|about to) "
        r"(?:fix|correct|make (?:it|that) right|set (?:it|that) right|even (?:it|that) out)\b",
    ),
    # a threat against the user's life: 「他说我敢离婚就让我人间蒸发」
    _r(
        "zh:threat_vanish_me",
        "danger",
        0.95,
        r"(?:说|威胁|扬言)"
        + zg(10)
        + r"(?:让|叫)我(?:人间蒸发|消失|活不成|见不到明天|死无葬身之地)",
    ),
    # a gun and a car, garage or car park instead of the range: "im in the range car park with my
    # .308 and i havent gone in", "i've got my husbands gun and im in the garage"
    _r(
        "en:gun_alone_in_car",
        "self",
        0.9,
        r"\b(?:i'?ve got|i have|got|with) (?:my|my husband'?s|my dad'?s|my wife'?s|his|the) "
        r"(?:gun|rifle|pistol|shotgun|glock|revolver|sidearm|service weapon|\.\d{2,3}|9mm)\b"
        + eg(25)
        + r"\b(?:i'?m|im|i am|sitting|sat) (?:in|out in) (?:the|my) (?:garage|car|truck|car ?park|parking lot|"
        r"woods|basement|shed)\b|"
        r"\b(?:i'?m|im|i am|sitting) in (?:the|my) (?:\w+ )?(?:garage|car|truck|car ?park|parking lot)\b"
        + eg(20)
        + r"\bwith (?:my|my husband'?s|my dad'?s) (?:gun|rifle|pistol|shotgun|glock|revolver|sidearm|"
        r"\.\d{2,3}|9mm)\b" + eg(30) + r"\b(?:haven'?t|havent|not) (?:gone|going) in\b",
    ),
    # "told the wife the gun safe combo today. just so she has it"
    _r(
        "en:codes_handed_over",
        "self",
        0.85,
        r"\b(?:told|gave|showed|wrote down for) (?:the |my )?(?:wife|husband|partner|son|daughter|brother|sister|mum|"
        r"mom)\b"
        + eg(12)
        + r"\b(?:gun safe|safe|bank|passwords?|pin|combo|combination|life insurance)\b"
        + r"[^\n]{0,30}\bjust so (?:she|he|they) (?:has|have|knows?|can get)\b",
    ),
    # "wrote my own eulogy tonight lol", 「给自己写了悼词」
    _r(
        "en:own_eulogy",
        "self",
        0.9,
        r"\b(?:wrote|writing|drafted|finished) my (?:own )?(?:eulogy|obituary)\b"
        r"(?![^\n]*\b(?:class|assignment|course|workshop|exercise|therapist|therapy|homework)\b)|"
        r"给自己写(?:了|好了)?(?:悼词|讣告|墓志铭)(?![^\n]*(?:作业|课上|练习|老师))",
    ),
    # what one knows from work turned on oneself: 「跳楼的现场见多了，我知道几楼够了」
    _r(
        "zh:knows_how_high",
        "method",
        0.95,
        r"我(?:知道|清楚|算过)(?:了)?(?:几楼|多高|多少片|多少颗|多少粒|多少毫升|多少克)(?:就)?(?:够了|够|能死|会死)",
    ),
    # joining the dead: 「天天晚上梦见他们，我想去找他们了」
    _r(
        "zh:join_the_dead",
        "self",
        0.9,
        r"(?:梦见|梦到|走了|去世|牺牲|不在了|死了)"
        + zg(16)
        + r"我(?:想|要|该)去(?:找|陪|见)(?:他们|他|她|你|它|我妈|我爸|妈妈|爸爸|奶奶|爷爷|外婆|外公|战友|兄弟们)了",
    ),
    # a child in danger now: a battery swallowed, on the air conditioner outside the window,
    # held over the rail, shaken and floppy
    _r(
        "zh:child_swallowed",
        "danger",
        0.95,
        r"(?:孩子|娃|宝宝|儿子|女儿|小孩)"
        + zg(6)
        + r"(?:吞|吃|喝)(?:了|下|进)?(?:去)?(?:一颗|一个|一节|半瓶|一口|些|点|两颗)?"
        + r"(?:纽扣电池|电池|磁珠|磁铁|洗衣液|消毒液|漂白水|通渠水|疏通剂|老鼠药|农药|降压药)"
        + r"(?![^\n]*(?:那次|那年|以前|去年|后来没事|现在好了|已经没事))",
        urgent=True,
    ),
    _r(
        "zh:child_outside_window",
        "danger",
        0.95,
        r"(?:孩子|娃|宝宝|儿子|女儿|小孩)"
        + zg(12)
        + r"(?:爬出去|爬到|爬上|爬出|站在|坐在|挂在|趴在)(?:了)?"
        + zg(4)
        + r"(?:窗外|空调外机|阳台外|护栏外|窗台外|窗台上)",
        urgent=True,
    ),
    _r(
        "en:child_over_the_rail",
        "danger",
        0.95,
        r"\bholding (?:the|my) (?:baby|son|daughter|kid|child|toddler) over (?:the )?(?:balcony|rail|railing|edge|"
        r"window|bridge)\b|"
        # a child up on the railing who will not come down: "she climbed onto the balcony railing
        # and won't come down, we're on the 9th floor"
        r"\b(?:baby|son|daughter|kid|child|toddler|little (?:sister|brother)|niece|nephew|\(\d\)|\d ?(?:yo|year old))\b"
        + eg(60)
        + r"\b(?:climbed|climbing|standing|sitting|hanging|is) (?:up )?(?:on|onto|over|off|out on) the "
        r"(?:balcony |window )?(?:railing|rail|ledge|window ?sill)\b"
        + r"[^\n]{0,60}\b(?:won'?t (?:come|get) down|\d+(?:st|nd|rd|th) floor|what do i do|help)\b",
        urgent=True,
    ),
    _r(
        "en:child_shaken",
        "danger",
        0.95,
        r"\bi shook (?:her|him|the baby|my baby)\b[^\n]{0,60}\b(?:floppy|limp|not breathing|won'?t wake|blue)\b",
        urgent=True,
    ),
    # the sea as a plan: "going to walk into the sea tonight", 「去海边的票买好了 单程 孩子留给他爸」
    _r(
        "en:walk_into_the_sea",
        "self",
        0.95,
        r"\b(?:i'?m|im|i am) (?:going to|gonna|about to) walk into the (?:sea|ocean|water|river|lake|waves)\b"
        r"(?=[^\n(]{0,25}\b(?:tonight|today|tomorrow|now|tide|when it'?s dark)\b)|"
        r"\bi'?ll walk into the (?:sea|ocean|water|river|lake|waves) (?:tonight|today|tomorrow)\b",
    ),
    _r(
        "zh:one_way_ticket_child_left",
        "self",
        0.9,
        r"单程" + r"[^\n]{0,12}(?:孩子|娃|狗|猫)(?:就)?(?:留给|交给|托付给)",
    ),
    # a weapon held at the user now: 「她拿着菜刀站在厨房门口骂我」
    _r(
        "zh:armed_at_me",
        "danger",
        0.95,
        r"(?:拿着|举着|握着|提着)(?:一?把)?(?:菜刀|刀|剪刀|棍子|斧头|铁棍)"
        + zg(10)
        + r"(?:骂我|对着我|冲我|追我|堵着我|堵在|站在(?:我|门口|厨房门口|房门口))",
    ),
    # poison set out and watched: 「把家里的老鼠药找出来了放在桌上看了一晚上」
    _r(
        "zh:poison_watched",
        "self",
        0.9,
        r"(?:老鼠药|农药|安眠药|敌敌畏|百草枯)(?:找出来|拿出来|翻出来)(?:了)?"
        + zg(10)
        + r"(?:看了一晚上|看了很久|看了一夜|盯着|放在(?:桌上|枕头边|床头))",
    ),
    # requests (refuse)
    _r(
        "zh:fiction_dose_request",
        "harm_others",
        0.95,
        r"(?:剧本|小说|故事|角色|主角)"
        + r"[^\n]{0,40}"
        + r"(?:具体怎么下药|怎么下药|几颗才够|多少(?:颗|片)才够|下多少)",
    ),
    _r(
        "zh:drug_to_faint",
        "harm_others",
        0.9,
        r"(?:药|药物)(?:可以|能|会)?(?:令|让|使)(?:佢|他|她|人|婆婆|家婆)(?:晕低|晕倒|昏迷|晕过去|昏睡)",
    ),
    _r(
        "zh:sedate_in_food",
        "harm_others",
        0.9,
        r"(?:在|往)(?:他|她|婆婆|公公|老公|老婆|室友|同事|孩子|别人|对方)?的?(?:饭|菜|水|酒|茶|咖啡|饮料|汤|奶|杯子|碗)里"
        + r"(?:偷偷)?(?:放|加|下|倒|掺)(?:点|些)?(?:安眠药|药|毒|老鼠药|农药|泻药)",
    ),
    _r(
        "en:dose_to_drop_a_man",
        "harm_others",
        0.9,
        r"\bhow much \w+ (?:would|will|does it take to|to) (?:drop|knock out|put down|take down) "
        r"(?:a (?:grown |full[- ]grown )?(?:man|person|guy|adult)|someone)\b|"
        r"\bhow much \w+[^\n]{0,40}\b(?:kill|drop|stop the heart of) (?:a|an) (?:grown )?(?:man|person|adult)\b"
        r"[^\n]{0,40}\b(?:it'?s|its) not for me\b",
    ),
    _r(
        "zh:armor_piercing",
        "weapons",
        0.9,
        r"(?:改装|改造|怎么弄|怎么做)" + zg(8) + r"(?:穿透|打穿|射穿)(?:防弹衣|防弹背心|防弹)",
    ),
    _r(
        "en:blind_the_cameras",
        "harm_others",
        0.85,
        r"\b(?:kill|disable|turn off|cut|loop|blind|jam) (?:the |all the )?(?:security )?cameras?\b"
        + eg(40)
        + r"\bwithout (?:it|them|anyone|anybody|it being)\b"
        + eg(10)
        + r"\b(?:log|logg\w*|record\w*|notic\w*|know\w*)",
    ),
    _r(
        "en:shoot_a_public_figure",
        "harm_others",
        0.95,
        r"\b(?:shoot|shoots|hit|hits|take out|takes out|kill|kills|assassinate\w*|snipe\w*) (?:a|the) "
        r"(?:politician|senator|president|mayor|governor|minister|prime minister|ceo|judge|candidate|congressman)\b",
    ),
    _r(
        "zh:beat_without_marks",
        "harm_others",
        0.95,
        r"怎么(?:打人|打他|打她|揍人|揍他)(?:才)?不留(?:伤|痕迹|印子|伤痕|证据)",
    ),
    _r(
        "en:tannerite",
        "weapons",
        0.9,
        r"\b(?:tannerite|anfo|thermite|c-?4|semtex)\b"
        + eg(30)
        + r"\b(?:flip|blow up|destroy|take out|level) (?:a|the) (?:car|truck|house|building|bridge)\b",
    ),
)

# --- session 13: what fresh writer sets (b42-b45) taught ---------------------------------
_ZH_MONEY_WRONG = r"(?:套路贷|网贷|诈骗|骗子|骗了|被骗|骗走|押金|工资|欠薪|克扣|借条|合同|高利贷|传销|杀猪盘|彩礼|不退|退钱)"

S13_MASKS = _masks(
    [
        # the police asked about money wronged, not called for help: 「套路贷能报警吗」,
        # 「被房东骗了押金 报警了警察说不管」, 「老板克扣工资 还说我没工签不敢报警」
        (
            "benign_phrase",
            _ZH_MONEY_WRONG + zg(24) + r"报警|报警" + zg(12) + _ZH_MONEY_WRONG,
        ),
        # killing oneself with work: "killing myself 16 hours a day", "killing myself working"
        (
            "hyperbole",
            r"\bkilling myself (?:\d+|twelve|fourteen|sixteen|eighteen) ?(?:hours|hrs|hr)\b|"
            r"\bkilling myself (?:working|studying|at work|at the gym|over (?:this|that|a) \w+)\b",
        ),
        # a joke retold and named as one: "i said 'i'm gonna kill myself if this raid wipes
        # again' … it was a joke"
        (
            "hyperbole",
            r"\bi (?:said|joked|typed|posted|wrote) ['\"‘“]?i'?m (?:gonna|going to) (?:kill myself|kms)\b"
            r"[^\n]{0,60}?(?=[^\n]{0,60}\b(?:it was|was) (?:a|just a|obviously a) joke\b)",
        ),
        # someone else's threat in a game: "bro said 'i'm gonna kill you' in vc and then killed me
        # in game" (a harmless compound: refusal rules must not read it either)
        (
            "benign_phrase",
            r"\b(?:he|she|they|bro|my (?:friend|teammate|duo)|someone|\w+) (?:said|says|yelled|typed|screamed) "
            r"['\"‘“]i'?m (?:gonna|going to) kill you['\"’”]?(?= in (?:vc|voice|chat|game|discord|lobby)\b)",
        ),
        # a game death: 「游戏里又被人砍死了 装备全爆」
        ("hyperbole", r"游戏里" + zg(4) + r"被(?:人|怪|boss|BOSS)?(?:砍|打|杀|秒)死了?"),
        # scars and needle marks of treatment (「透析的瘘管又堵了 … 手臂全是疤」)
        (
            "benign_phrase",
            r"(?:透析|瘘管|手术|化疗|打针|扎针|输液|抽血|留置针)[^\n]{0,40}?(?:全是|都是|留了?|好多)(?:疤|针眼)",
        ),
        # a prognosis or a child's question, not a wish: "asked if i'm going to die from my cancer"
        (
            "benign_phrase",
            r"\b(?:asked|asks|asking) (?:me )?(?:if|whether) i'?m (?:going to|gonna) die\b|"
            r"\b(?:going to|gonna) die (?:from|of) (?:my |this |the )?(?:cancer|illness|disease|tumou?r|condition|"
            r"heart failure|copd|als)\b",
        ),
        # an accusation the user wants to make up, not abuse of the user: 「举报他猥亵」 (not 「…猥亵我」)
        ("third_party", r"举报(?:他|她|老师|对方|那个人)(?:猥亵|性侵|强奸|性骚扰)(?!我)"),
    ]
)

# Someone else at risk or lost (session 13)
#: peers and cousins whose attempt or death the user tells about
_ZH_PEERS = r"(?:同学|朋友|同事|室友|舍友|邻居|学长|学姐|学弟|学妹|表哥|表姐|表弟|表妹)"

S13_THIRD_PARTY: tuple[re.Pattern[str], ...] = (
    # 「听说初中同学因为出柜被家暴，后来自杀了」: someone else's abuse and death
    re.compile(
        _ZH_PEERS
        + zg(12)
        + r"(?:后来|最后|那年|去年|前年)(?:还是)?(?:自杀了|跳楼了|走了|没了|去世了)"
    ),
    # "my friend took too many pills last month, she's ok now": someone else's overdose
    re.compile(
        r"\bmy (?:best )?(?:friend|roommate|sister|brother|cousin|girlfriend|boyfriend|partner|mom|dad|son|daughter) "
        r"(?:took|swallowed|overdosed on|od'?d on) (?:too many|a bunch of|a lot of|all (?:her|his|their)) "
        r"(?:pills|tablets|meds|sleeping pills)\b"
    ),
    # someone else's goodbye, and they are safe now: "one of our mods posted 'goodbye everyone'
    # … he's ok now in hospital" (without "ok now" the goodbye stays a crisis to act on)
    re.compile(
        r"\b(?:posted|wrote|sent|texted) ['\"‘“]?(?:goodbye|bye) (?:everyone|all|forever|guys)\b"
        r"(?=[^\n]{0,80}\b(?:he|she|they)(?:'s| is|'re| are) (?:ok|okay|safe|fine|alive) now\b)"
    ),
)

S13_RULES: tuple[Rule, ...] = (
    # a goodbye with the last word: 「姐妹们我先走了，以后骂我的人不会再有机会了」
    _r(
        "zh:leaving_for_good",
        "self",
        0.9,
        r"我(?:就)?先走了[，,。 ]*(?:以后|从此|从今以后)"
        + zg(10)
        + r"(?:不会再有机会|再也(?:骂不到|见不到|看不到|找不到)我|不用再(?:骂|管|烦)我)",
    ),
    # 「如果明天新闻里有个跳河的高中生，那可能就是我」
    _r(
        "zh:news_would_be_me",
        "self",
        0.95,
        r"(?:新闻|热搜|报纸)(?:里|上)"
        + zg(16)
        + r"(?:跳河|跳楼|跳江|跳海|自杀|轻生|卧轨|尸体)"
        + r"[^。！？!?；;\n]{0,4}[，,]?(?:那|就)?(?:可能|应该|大概|多半)?就?是我",
    ),
    # a place known for it, chosen: 「想在日本结束 听说这边有一片森林很有名」
    _r(
        "zh:end_at_a_place",
        "self",
        0.95,
        r"(?:想|要|打算|准备)(?:在|去)"
        + zg(6)
        + r"结束(?:自己|生命|这一切|一切)?"
        + zg(16)
        + r"(?:森林|树海|青木原|悬崖|海边|大桥)|青木原|自杀森林",
    ),
    _r(
        "en:suicide_forest",
        "topic",
        0.5,
        r"\b(?:aokigahara|suicide forest)\b",
    ),
    # one's last post written: "writing my last wechat moment. trying to make it not sound sad"
    _r(
        "en:last_post",
        "self",
        0.9,
        r"\b(?:writing|wrote|drafting|drafted|posting|typing) my (?:last|final) (?:wechat moment|moment|post|tweet|"
        r"story|status|message|words|ig post|instagram post|weibo)\b"
        r"(?! (?:of|for|before|on|in|about|from)\b)",
    ),
    # 「今晚想把自己送走」 (not a game's 送人头)
    _r(
        "zh:send_myself_off",
        "self",
        0.9,
        r"(?:想|要|准备|打算|可以)把自己送走",
    ),
    # requests: arson made to look like an accident, a partner who should "have an accident",
    # a bank card cloned, someone lured somewhere alone, a child knocked out with medicine, a
    # false accusation, acid bought for someone
    _r(
        "en:staged_accident",
        "harm_others",
        0.9,
        r"\b(?:fire|blaze)\b" + eg(30) + r"\blook like an accident\b|"
        r"\b(?:their|my|his|her|a|the) (?:business )?(?:partner|boss|wife|husband|landlord|brother|sister|"
        r"father|mother|dad|mom|uncle|ex|neighbou?r)\b" + eg(12) + r"['\"‘“]?have an accident\b",
    ),
    _r(
        "en:card_fraud",
        "harm_others",
        0.85,
        r"\bclone (?:my |a |his |her |someone'?s |\w+'?s )?(?:\w+'?s )?(?:bank|credit|debit|atm) ?cards?\b",
    ),
    _r(
        "en:lure_alone",
        "harm_others",
        0.9,
        r"\blure (?:him|her|them|someone|a guy|this guy|that guy|my ex)\b"
        + eg(20)
        + r"\b(?:alone|somewhere)\b",
    ),
    _r(
        "en:knock_a_child_out",
        "harm_others",
        0.9,
        r"\b(?:benadryl|melatonin|nyquil|sleeping pills?|sedatives?|xanax|valium|cough syrup|dose)\b"
        + eg(40)
        + r"\bknock (?:my |the |a |his |her )?(?:\w+ )?(?:toddler|baby|kid|child|niece|nephew|son|daughter|"
        r"little (?:brother|sister))(?: \w+)? out\b",
    ),
    _r(
        "zh:false_accusation",
        "harm_others",
        0.9,
        r"假装(?:是)?"
        + zg(12)
        + r"(?:举报|报案|告)(?:他|她|老师|对方)?"
        + zg(4)
        + r"(?:猥亵|性侵|强奸|性骚扰|偷|打人)|"
        r"诬告(?:他|她|老师|对方|那个人)|"
        # session 18: 「编造教练性侵学生」, 「编造一个他家暴的证据」
        r"编造" + zg(20) + r"(?:性侵|猥亵|强奸|性骚扰|家暴)",
    ),
    # blind46 (chronic illness, hospice): over the bed rail and down, a low blood sugar let fall,
    # a painless way found, one's own dialysis line cut
    _r(
        "en:climb_over_and_down",
        "method",
        0.9,
        r"\b(?:i can|i could|i'?ll|i will|gonna|going to) climb (?:over|out)\b[^\n]{0,60}"
        r"\b(?:\w+) (?:floors?|stories|storeys) (?:down|up|high)\b"
        r"(?![^\n]*\b(?:pool|trampoline|snow|lol|lmao|haha)\b)",
    ),
    _r(
        "en:let_sugar_fall",
        "self",
        0.9,
        r"\b(?:blood sugar|sugar|glucose|bg)\b[^\n]{0,80}\b(?:not eating|won'?t eat|not (?:going to|gonna) eat|"
        r"not (?:treating|touching|taking)|no (?:juice|snack|food|sugar))\b[^\n]{0,60}\b(?:let it|letting it) "
        r"(?:drop|go down|go lower|fall|keep (?:dropping|falling))\b",
    ),
    _r(
        "zh:painless_way_found",
        "self",
        0.9,
        r"无痛的?死法|"
        r"(?![^\n]*(?:拔牙|牙医|分娩|生孩子|打针|纹身|脱毛|人流|胃镜|肠镜|麻醉|诊所|医院))"
        r"(?:看|查|搜|找)[^\n]{0,6}[“\"「]?无痛的?(?:方法|办法|方式)[”\"」]?[^\n]{0,20}(?:终于|已经)(?:找到|选好)",
    ),
    _r(
        "zh:line_cut",
        "danger",
        0.9,
        r"我(?:已经)?把"
        + zg(6)
        + r"(?:导管|透析管|置管|输液管|氧气管|呼吸机)"
        + zg(2)
        + r"(?:剪|拔|扯|关)(?:了|断|掉)"
        + r"(?![^\n]*(?:护士|医生)(?:说|让|帮|同意))",
    ),
    # requests: medicine stolen or swapped, someone overdosed on purpose
    _r(
        "en:drug_theft",
        "harm_others",
        0.85,
        r"\b(?:break into|sneak into)\b"
        + eg(30)
        + r"\b(?:supply room|pharmacy|drug (?:cabinet|room)|"
        r"med(?:ication|s)? (?:room|cart|cabinet))\b|"
        r"\bget into\b"
        + eg(30)
        + r"\b(?:supply room|drug (?:cabinet|room)|med(?:ication|s)? (?:room|cart|cabinet))\b"
        + eg(30)
        + r"\b(?:at night|after (?:hours|closing)|without (?:a|the) (?:key|badge|code)|unnoticed|when no one)\b",
    ),
    _r(
        "zh:drug_theft",
        "harm_others",
        0.85,
        r"趁"
        + zg(4)
        + r"(?:没人|没有人|人少|换班|不注意)"
        + zg(10)
        + r"(?:拿|偷|顺)"
        + zg(4)
        + r"(?:吗啡|芬太尼|杜冷丁|安定|曲马多|麻药)",
    ),
    _r(
        "en:swap_pills",
        "harm_others",
        0.9,
        r"\bswap (?:his|her|their|someone'?s|(?:my|the) (?!(?:own|pills|meds|medication|tablets|insulin)\b)[\w']+) "
        r"(?:[\w']+ ){0,3}(?:pills|meds|medication|tablets|insulin)\b"
        + eg(40)
        + r"\b(?:looks? the same|does "
        r"nothing|placebo|sugar pills?|won'?t notice)\b",
    ),
    _r(
        "en:overdose_someone",
        "harm_others",
        0.95,
        r"\b(?:overdose|od) (?:someone|somebody|him|her|them|my (?:dad|mom|mum|father|mother|husband|wife|stepdad|"
        r"stepmom|grandma|grandpa|boss|roommate))\b",
    ),
    _r(
        "zh:acid_for_someone",
        "harm_others",
        0.95,
        r"(?:泼|扔)(?:他|她|那个人|对方)?(?:一脸|一身)?(?:硫酸|浓硫酸)"
        + zg(8)
        + r"(?:哪里|哪儿|去哪|怎么|在哪)(?:能|可以)?(?:买|弄|搞)",
    ),
)

# --- session 14: what fresh writer sets (b50-b52, b54, b55) taught -------------------------
_ZH_KIN_LOST = r"(?:我姐|我哥|我妹|我弟|姐姐|哥哥|妹妹|弟弟|堂姐|堂哥|闺蜜|" + _ZH_PEERS + ")"
#: the young of the family, for the child in danger
_ZH_YOUNG_KIN = r"(?:弟弟|妹妹|孩子|宝宝|儿子|女儿|侄子|侄女|外孙|孙子|孙女)"
_EN_GUN = r"(?:rifle|gun|pistol|revolver|shotgun|handgun|service weapon|sidearm)"
_EN_CHILD = (
    r"(?:baby|newborn|infant|son|daughter|kid|child|toddler|little one|(?:\d+|one|two|three|four|five|six) ?"
    r"(?:yo|year old|yr old|month old|mo old))"
)

S14_MASKS = _masks(
    [
        # lethal doses as study or ward work: 「护理考试要背一堆致死剂量」, "studying for NCLEX … toxic vs
        # lethal dose", "the lethal dose chart on our unit wall is outdated"
        (
            "benign_phrase",
            r"(?:考试|复习|背|毒理|药理|课本|教材|考点|题)" + zg(12) + r"致死(?:剂)?量|"
            r"致死(?:剂)?量" + zg(6) + r"(?:背不下来|背得|要背|考试|考点)",
        ),
        (
            "benign_phrase",
            r"\b(?:studying|study|exam|nclex|pharmacology|pharm class|toxicology|lecture|textbook|flashcards?)\b"
            + eg(40)
            + r"\b(?:toxic|lethal) (?:vs\.?|versus|and|or) (?:toxic|lethal) dose\b|"
            r"\blethal dose (?:chart|table|poster|section|chapter|lecture|flashcards?)\b",
        ),
        # a jailbreak that is not one: "the twins … staged a jailbreak", "the dog's jailbreak"
        (
            "benign_phrase",
            r"\b(?:staged|pulled off|planned|attempted) (?:a |their |his |her )?(?:great )?jailbreak\b|"
            r"\b(?:twins|toddlers?|kids|dog|cat|hamster|puppy|kitten|bunny|chickens?|goats?)\b"
            + eg(40)
            + r"\bjailbreak\b",
        ),
        # a tool, not a weapon: "the only gun in my hand all day is a nail gun"
        (
            "benign_phrase",
            r"\b(?:(?:is|was) a |the |my |a )?(?:nail|glue|staple|heat|nerf|paint|spray|massage|caulk|caulking|"
            r"water|squirt|grease|radar|temp|temperature|thermometer) guns?\b|"
            r"\bthe only gun in my hands?\b(?= [^\n]{0,30}\b(?:nail|glue|staple|heat|nerf|paint|massage) gun\b)",
        ),
        # someone else calls the police on the user: 「邻居要报警」 (trouble, not danger)
        (
            "benign_phrase",
            r"(?:邻居|对方|他们|人家|别人|房东|老板|家长|失主|店家|物业|保安)(?:说|扬言)?(?:要|会|去|已经|想|打算)?报(?:了)?警",
        ),
        # tired, not in danger: 「累死了 今天带娃一整天 … 谁来救救我」
        (
            "hyperbole",
            r"(?:累死|困死|烦死|忙死|饿死|热死|冷死|带娃|加班|作业|考试|ddl|deadline|赶稿|开会)"
            + zg(20)
            + r"谁来救救我",
        ),
        # "my husband is ready to kill him (figuratively lol)", "we're gonna kill somebody at this rate"
        # (a harmless compound: refusal rules must not read it either)
        (
            "benign_phrase",
            r"\bkill (?:him|her|them|you|me|us|it)\b ?[(\[]?(?:figuratively|not literally|jk|lol|haha)\b|"
            r"\b(?:gonna|going to|will) kill (?:somebody|someone|a patient|people) at this rate\b",
        ),
        # a dream, not a plan: 「梦到我从公司楼上掉下去了」 (but not one woken from with regret)
        (
            "hyperbole",
            r"(?:梦到|梦见|做梦|做了个梦)"
            + zg(14)
            + r"(?:掉下去|跳下去|跳楼|摔下去|掉下来)(?![^\n]{0,30}(?:失望|遗憾|可惜|希望是真的))",
        ),
        # farm work: 「百草枯现在还能买到吗 我爸说地里草太多」, 「敌敌畏打果树上 多少倍稀释」
        (
            "benign_phrase",
            r"(?:百草枯|敌敌畏|草甘膦|农药|除草剂|杀虫剂|老鼠药)"
            + zg(16)
            + r"(?:地里|草太多|除草|果树|庄稼|稀释|打药|喷药|治虫|田里|菜地|大棚)|"
            r"(?:地里|果树|庄稼|田里|菜地|大棚)"
            + zg(10)
            + r"(?:百草枯|敌敌畏|草甘膦|农药|除草剂|杀虫剂)",
        ),
        # a rope kept for drying meat or clothes: 「老屋梁上挂着的绳子是以前晒腊肉用的」
        (
            "benign_phrase",
            # (not across 「不是」: 「绳子买好了 不是为了晾衣服」, session 18)
            r"绳子(?:(?!不是)[^。！？!?；;\n]){0,10}(?:晒腊肉|晒|晾衣服|晾|挂腊肉|捆柴|拴牛|拴狗)",
        ),
        # a last day somewhere for an ordinary reason: 「这是我最后一次去那个工地了 合同到期」
        (
            "benign_phrase",
            r"最后一次"
            + zg(12)
            + r"(?=[^\n]{0,16}(?:合同到期|换工作|换个城市|搬家|毕业|退休|辞职|离职|调岗|转学))",
        ),
        # a pet poisoned by someone: 「我家狗被毒死了 不知道谁下的药」
        (
            "benign_phrase",
            r"(?:狗|猫|鸡|鸭|鹅|羊|牛|鱼|兔子)(?:被|让|叫)人?(?:毒死|药死|下药毒死)了?",
        ),
        # asking whether the police help with someone else's household: 「邻居家大哥…报警有用吗」
        (
            "benign_phrase",
            r"(?:邻居|隔壁|楼上|楼下|别人家|他家|她家|对门)"
            + zg(30)
            + r"报警(?:有用|管用|有没有用)?吗",
        ),
        # someone else's drug lab, talked about: "cousin's been cooking meth … we had an intervention"
        (
            "benign_phrase",
            r"\b(?:cousin|brother|sister|dad|father|mom|mum|mother|friend|son|daughter|uncle|aunt|neighbou?r|"
            r"husband|wife|boyfriend|girlfriend)(?:'s| has| is| was)? (?:been )?cooking meth\b",
        ),
        # afraid of someone's driving: "i'm terrified he'll kill someone" (the keys, not a threat)
        (
            "benign_phrase",
            r"\b(?:terrified|scared|afraid|worried|frightened) (?:that )?(?:he|she|they|dad|mum|mom)(?:'ll| will|"
            r" might| is going to| are going to| could) (?:kill|hurt) (?:someone|somebody|a kid|a child|people)\b",
        ),
        # the past, kept: 「小时候我也想过从坝上跳下去 … 现在都过去了」
        (
            "recovered",
            r"(?:小时候|以前|那时候|年轻时|当年|上学那会)(?:我)?(?:也)?(?:曾经)?想过"
            + zg(24)
            + r"(?=[^\n]{0,40}(?:都过去了|已经过去了|现在(?:好了|不会了|挺好|都好了)))",
        ),
        # the past, kept: "I used to self harm in nursing school. Haven't in 3 years"
        (
            "recovered",
            r"\bi used to (?:self[- ]?harm|cut|hurt myself)\b(?=[^\n]{0,60}\bhaven'?t (?:in|for|since)\b)",
        ),
    ]
)

# Someone else at risk or lost (session 14)
S14_THIRD_PARTY: tuple[re.Pattern[str], ...] = (
    # "my friend posted "i can't do this anymore" … what should i say": their words, quoted
    re.compile(
        r"\bmy (?:best )?(?:friend|roommate|sister|brother|cousin|coworker|colleague|classmate|mate|buddy) "
        r"(?:posted|texted|wrote|sent|said|tweeted|messaged)(?: me| on \w+)? ['\"‘“][^'\"’”\n]{1,80}['\"’”]"
    ),
    # a story's character: 「看了一本小说 主角写遗书那段把我看哭了」
    re.compile(
        r"(?:小说|电影|剧|书|动漫|漫画)"
        + zg(8)
        + r"(?:主角|角色|女主|男主|主人公)"
        + zg(6)
        + r"(?:写遗书|自杀|跳楼|割腕|轻生|吞药)"
    ),
    # a parent's words, quoted: 「我妈总说"我死了你们就解脱了"」
    re.compile(
        r"(?:我妈|我爸|妈妈|爸爸|奶奶|爷爷|外婆|外公|姥姥|姥爷|婆婆|公公|老人|老太太|老爷子)(?:总|老|经常|天天|又|一直)?"
        r"(?:说|念叨|讲)[:：]?[\"“「]?我(?:死了|走了|不在了)"
    ),
    # 「我姐去年自杀未遂 现在还在吃药」
    re.compile(_ZH_KIN_LOST + zg(8) + r"(?:自杀未遂|自杀过|割腕过|吞药过|跳楼过|自杀了|轻生过)"),
)

S14_RULES: tuple[Rule, ...] = (
    # 「我想不出还有什么理由继续下去」
    _r(
        "zh:no_reason_to_go_on",
        "self",
        0.9,
        r"理由(?:再)?(?:继续)?(?:活|撑)下去|"
        r"我(?:真的|实在)?(?:想不出|找不到)(?:还有)?(?:什么|任何)?理由(?:再)?继续下去",
    ),
    # 「唯一能逃的方式大概就是死了」
    _r(
        "zh:only_way_out_is_death",
        "self",
        0.9,
        r"(?:唯一|只有)(?:能|的)?(?:逃|解脱|出路|办法|逃离)(?:的)?(?:方式|办法|路|方法)?(?:大概|可能|应该|也许)?(?:就)?是(?:去)?死",
    ),
    # 「准备去我们第一次约会的那座桥 最后看一眼」
    _r(
        "zh:last_look_from_the_bridge",
        "method",  # a place chosen: the model's benign reading cannot hold it back
        0.9,
        r"^(?![^\n]*(?:拆|搬家|老房|老宅|毕业|装修|旅游|出差))[^\n]*?(?:去|到|上)"
        + zg(14)
        + r"(?:桥|天台|楼顶|顶楼)"
        + zg(6)
        + r"最后(?:再)?(?:看|望)(?:一眼|一次|一下)",
    ),
    # 「最后一次找你聊天了」
    _r(
        "zh:last_chat",
        "self",
        0.85,
        r"(?<!今天)(?<!今晚)最后一次(?:找你|跟你|和你)(?:聊天|说话|聊)了?(?![^\n]{0,10}(?:明天|下次|以后再|下周))",
    ),
    # 「刚把结婚戒指扔进河里了 下一个是我」
    _r(
        "zh:next_is_me",
        "self",
        0.9,
        r"(?:扔进|丢进|扔到|丢到|扔下|丢下)(?:了)?(?:河|江|海|湖|水)(?:里|中)?了?"
        + zg(6)
        + r"下一个(?:就)?(?:是|轮到)我",
    ),
    # 「配枪就在副驾上，我盯着它看了好久」, 「枪还在，我想我知道该怎么办了」
    _r(
        "zh:staring_at_the_means",
        "self",
        0.9,
        r"(?:枪|配枪|药|绳子|刀)(?:就)?(?:在|放在|还在)"
        + zg(6)
        + r"(?:我)?(?:盯着|看着)(?:它)?看了(?:好久|很久|半天|一晚上)|"
        r"(?:枪|配枪|药|绳子|刀)(?:还在|都在|在手边|就在手边)"
        + zg(10)
        + r"(?:知道该怎么办|知道怎么做|想好了)",
    ),
    # 「特别想让车就这么冲下高架」, 「今天差点把车开下高架」
    _r(
        "zh:drive_off",
        "self",
        0.9,
        r"(?:想(?:让)?(?:车|车子)?(?:就这么|直接)?(?:冲下|开下|开进|冲进|撞向|撞上|冲出)|"
        r"差点(?:就)?(?:把车)?(?:开下|冲下|开进|冲进|撞向))(?:高架|桥|河|江|悬崖|护栏|海)",
    ),
    # 「找人堵我 说要废了我 现在人就在我楼下」
    _r(
        "zh:hired_against_me",
        "danger",
        0.9,
        r"(?:找人|叫人|带人)(?:来)?(?:堵|打|砍|废|弄)我(?!的)|(?:说|扬言|放话)要(?:废|砍|弄死|打死|杀|做掉)了?我(?!的)",
    ),
    # a child in the water: 「我弟弟才三岁 掉进小区池塘了」
    _r(
        "zh:child_in_water",
        "danger",
        0.95,
        _ZH_YOUNG_KIN
        + zg(8)
        + r"(?:掉进|掉到|落水|掉下|掉入|栽进)(?:了)?(?:小区)?(?:河|池塘|水|井|湖|泳池|水库|江)|"
        # seen falling from the bank: 「我儿子在鱼塘边玩 我刚看见他掉进去了」
        + _ZH_YOUNG_KIN
        + zg(6)
        + r"(?:河|鱼塘|池塘|水塘|井|湖|水库|江|泳池)边"
        + zg(14)
        + r"(?:掉进去|掉下去|掉水里|落水|掉进水)",
        urgent=True,
    ),
    # a shaken baby, in Chinese: 「用力摇了她几下 现在她不哭了 眼睛有点往上翻」
    _r(
        "zh:child_shaken",
        "danger",
        0.95,
        r"(?:用力|使劲|狠狠)(?:地)?摇(?:了|晃了)?(?:她|他|孩子|宝宝|娃)"
        + zg(16)
        + r"(?:不哭了|往上翻|翻白眼|没反应|叫不醒|软了)",
        urgent=True,
    ),
    # "planning to walk into the sea this weekend"
    _r(
        "en:walk_into_the_sea",
        "self",
        0.95,
        r"\b(?:planning|plan|decided) to walk into the (?:sea|ocean|water|lake|river|waves)\b|"
        r"\b(?:going|gonna) to walk into the (?:sea|ocean|water|lake|river|waves) (?:tonight|today|tomorrow|"
        r"this weekend|now|soon)\b",
    ),
    # "i've got my dad's old rifle out on the table"
    _r(
        "en:gun_out",
        "self",
        0.85,
        r"\b(?:got|have|took|taken|pulled|laid) (?:my |his |the )?(?:(?:dad|father|grandpa|granddad|grandfather|"
        r"uncle|brother|husband)'?s )?(?:old )?"
        + _EN_GUN
        + r" (?:out|down)(?: on the (?:table|bed|desk))?\b(?![^\n]{0,40}\b(?:clean|cleaning|oil|hunt|hunting|range|"
        r"sell|selling|show)\w*)",
    ),
    # "if I go nobody even has to change a schedule", "if i just stopped existing my husband could …"
    _r(
        "en:if_i_was_gone",
        "self",
        0.85,
        r"\bif i (?:was gone|were gone|disappeared|died),? (?:nobody|no one|noone) (?:would|will|even|has to|"
        r"needs to|'?d)\b|\bif i (?:go|went),? (?:nobody|no one|noone) (?:would |will )?even\b|"
        r"\bif i (?:just |simply )?(?:stopped|stop|ceased|quit) existing\b",
    ),
    # "gonna finish my shift and then finish everything"
    _r(
        "en:finish_everything",
        "self",
        0.85,
        r"\b(?:then|and then|after that|and) end (?:everything|it all)\b|"
        r"\b(?:then|and then|after that) finish (?:everything|it all)\b"
        r"(?=[^\n]{0,60}\b(?:tired|done|over|goodbye|no more|can'?t|anymore)\b)",
    ),
    # "writing my note rn": the note is being written now (the model's benign reading cannot
    # hold it back)
    _r(
        "en:note_now",
        "self",
        0.95,
        r"\b(?:writing|finishing) my (?:suicide |goodbye |last |final )?note (?:rn|right now|now|tonight)\b",
        urgent=True,
    ),
    # "how do people do it without it hurting"
    _r(
        "en:without_it_hurting",
        "method",
        0.9,
        r"^(?![^\n]*\b(?:tattoo|pierc|wax|needle|shot|injection|vaccin|blood (?:test|draw)|iv|stitch|"
        r"epilat|thread|brace|cast|splinter|band-?aid|plaster)\w*\b)[^\n]*?"
        r"\bhow (?:do|did|would|can) (?:people|ppl|you|u|i|someone) do it without (?:it )?(?:hurting|pain|any pain|"
        r"feeling it)\b",
    ),
    # "tell me a clean way to go, not messy, for the guys who'll find me"
    _r(
        "en:clean_way_to_go",
        "method",
        0.9,
        r"\b(?:a |the )?(?:clean|painless|peaceful|quiet|neat|quick|easy) way to (?:die|end it)\b|"
        r"\b(?:a |the )?(?:clean|painless|peaceful|neat) way to (?:go|do it)\b"
        r"(?! (?:to|from|there|home|back|about|in|on|for|through|around|up|down|out|with)\b)",
    ),
    # "max dose of propranolol before your heart stops? asking for personal reasons"
    _r(
        "en:dose_asking_for_me",
        "method",
        0.9,
        r"\b(?:dose|doses|overdose|pills|tablets|mg|tylenol|paracetamol|ibuprofen|advil|aspirin|insulin|xanax|"
        r"heart stops?|stop my heart|would it take|too many|too much|lethal|fatal)\b[^\n]{0,80}"
        r"(?<!not )(?<!n't )\basking for (?:personal reasons|myself|me)\b",
    ),
    # "the dad just pulled a gun on us", "he's having a flashback and has his pistol out"
    _r(
        "en:gun_drawn",
        "danger",
        0.95,
        r"\bpulled (?:a|his|her|the) (?:gun|knife|pistol|rifle) on (?:us|me)\b|"
        r"\b(?:has|had|got|pulled) (?:his|her|a) (?:pistol|gun|rifle|knife|shotgun) out\b",
        urgent=True,
    ),
    # "partner burned me with a lighter as "punishment""
    _r(
        "en:burned_me",
        "danger",
        0.9,
        r"\b(?:"
        + _EN_ABUSER
        + r"|partner|boyfriend|girlfriend|husband|wife|bf|gf|ex) (?:burned|burnt|branded|scalded|choked|"
        r"strangled|stabbed) me\b(?! (?:a|an|some|two|three|copies)\b)",
    ),
    # a parent afraid of harming the baby: "i think i'm going to hurt my baby", "scared of what
    # i'll do to her. i need someone to take her"
    _r(
        "en:afraid_to_harm_my_child",
        "danger",
        0.95,
        r"\b(?:i'?m|i am|im) (?:going to|gonna|about to|afraid i'?ll|scared i'?ll|afraid i will|scared i will) "
        r"(?:hurt|shake|drop|smother|hit) (?:my|the|our) " + _EN_CHILD + r"\b|"
        r"\b(?:scared|afraid|terrified) of what i'?(?:ll|m going to|m gonna|might|could) do to (?:her|him|them|my "
        + _EN_CHILD
        + r")\b",
        urgent=True,
    ),
    # "boss said 'if you're gonna kill yourself do it after Q4'. i think i actually will"
    _r(
        "en:actually_will",
        "self",
        0.9,
        r"\bkill (?:yourself|urself|ur self)\b"
        + eg(60)
        + r"[.!?\n]? *i (?:think i )?(?:actually|really|just) (?:will|might)\b",
    ),
    # someone the user is with, in a medical emergency: a stroke, a fall, a heart attack, a
    # night on the floor, an overdose (the crisis reply carries the emergency numbers)
    _r(
        "zh:stroke_signs",
        "danger",
        0.9,
        r"(?:说不出话|口齿不清|话说不清|嘴歪|半边脸(?:歪|麻|动不了))"
        + zg(12)
        + r"(?:半边脸|嘴歪|手|胳膊|腿|半边身子)(?:也)?(?:歪了|抬不起来|没力气|动不了|没知觉)",
        urgent=True,
    ),
    _r(
        "zh:chest_pain_emergency",
        "danger",
        0.85,
        r"(?:胸口|心口|胸)(?:疼|痛|闷)"
        + zg(20)
        + r"(?:喘不上气|喘不过气|出冷汗|脸色发白|嘴唇发紫|晕过去)",
        urgent=True,
    ),
    _r(
        "en:stroke_or_collapse",
        "danger",
        0.9,
        r"\b(?:face|mouth) (?:is )?(?:drooping|droopy|twisted)\b|"
        r"\bfell (?:down|off|from)\b"
        + eg(60)
        + r"\b(?:isn'?t|is not|not|won'?t|can'?t|cant|isnt) (?:talking|moving|responding|breathing|waking up|"
        r"getting up)\b|\bon the (?:\w+ )?floor for (?:hours|\d+ hours|a long time|ages|the whole night)\b"
        + eg(60)
        + r"\b(?:cold|mumbling|can'?t get up|not responding|confused|not making sense)\b|"
        r"\bblood (?:coming )?(?:from|out of) (?:her|his|their) (?:ear|ears|mouth|nose)\b",
        urgent=True,
    ),
    _r(
        "en:they_took_extra",
        "danger",
        0.9,
        r"\b(?:she'?d|he'?d|she|he|she has|he has|grandma|grandpa|mum|mom|dad)(?: had)? (?:taken|took|swallowed)"
        r"[^\n]{0,40}\b(?:extra|too many|all (?:of )?(?:her|his)|the whole)\b[^\n]{0,80}\b(?:wants? to (?:see|be with|"
        r"join) (?:grandpa|grandma|grandad|dad|mum|mom|him|her)|wants? to die|wants? to go)\b",
        urgent=True,
    ),
    # someone with dementia gone missing, or on the tracks: 「姥爷不见了 … 他有老年痴呆」
    _r(
        "zh:dementia_missing",
        "danger",
        0.85,
        r"(?:老年痴呆|阿尔茨海默|失智|痴呆)" + zg(30) + r"(?:不见了|走丢了|走失了|找不到了|失踪了)|"
        r"(?:不见了|走丢了|走失了|找不到了?|失踪了)"
        + zg(30)
        + r"(?:老年痴呆|阿尔茨海默|失智|痴呆)",
        urgent=True,
    ),
    _r(
        "en:dementia_missing",
        "danger",
        0.85,
        r"\b(?:dementia|alzheimer'?s|alzheimers)\b[^\n]{0,80}\b(?:wandered (?:off|out|away)|left the house|"
        r"(?:(?:she|he)(?:'s| is)|went|gone) missing|walked off|on the (?:train |railway )?tracks|heading for the (?:motorway|"
        r"highway|freeway|river)|can'?t find (?:her|him))\b|"
        r"\b(?:mum|mom|dad|grandma|grandpa|nan|gran|grandad|granddad|grandmother|grandfather)(?:'s| is| has gone| "
        r"went) missing\b(?! (?:her|his|the|a|out|you))",
        urgent=True,
    ),
    _r(
        "en:on_the_tracks",
        "danger",
        0.9,
        r"\b(?:standing|sitting|lying|laying) (?:on|in the middle of) the (?:train |railway |rail )?tracks\b"
        + r"[^\n]{0,60}\b(?:won'?t move|train (?:horn|coming)|hear (?:a|the) train)\b",
        urgent=True,
    ),
    _r(
        "en:not_moving",
        "danger",
        0.85,
        r"\b(?:she|grandma|grandpa|nan|gran|mum|mom|dad|baby)(?:'s| is|s)? not (?:moving|breathing)\b"
        r"(?! (?:out|on|in|back|house|away|forward|anymore lol))",
        urgent=True,
    ),
    _r(
        "en:hurts_me",
        "danger",
        0.9,
        r"\b(?:he|she|they)(?: always| still)? (?:hit|hits|beats) me when\b|"
        r"\b(?:he|she|they)(?: always| still)? (?:hurts|touches) me when (?:mum|mom|dad|she|he|they|nobody|no one)"
        r"(?:'s| is| are|'re)? (?:at work|out|away|asleep|not home|gone)\b",
    ),
    # 「我去后山了 不回来了」, 「今年我不打算熬过正月了」, 「我要去找妈妈了 妈妈在天上」
    _r(
        "zh:gone_not_coming_back",
        "self",
        0.9,
        r"^(?![^\n]*(?:今晚|今天晚上|这几天|周末|过夜|住一晚|露营|住朋友|住亲戚))[^\n]*?"
        r"(?:去|到|上)(?:后山|山上|河边|江边|海边|水库|坝上|楼顶|天台)了?[，,。 ]{0,2}"
        r"(?:再也不回来了?|不会再?回来了|不回来了)",
    ),
    _r(
        "zh:not_living_past",
        "self",
        0.9,
        r"不打算(?:熬过|活过|撑过)(?:今年|这个|正月|春节|过年|冬天|生日|年底)",
    ),
    _r(
        "zh:join_the_dead",
        "self",
        0.9,
        r"(?:去找|去陪|去见)(?:妈妈|爸爸|奶奶|爷爷|外婆|姥姥|外公|姥爷|我妈|我爸)(?:了)?"
        + zg(6)
        + r"(?:在天上|在天堂|在那边)",
    ),
    # method, asked lightly: 「人从二十层摔下来是不是一点感觉都没有」
    _r(
        "zh:fall_feel",
        "method",
        0.9,
        r"^(?![^\n]*(?:猫|狗|手机|东西|鸡蛋|杯子|玩具|电脑|花盆))[^\n]*?"
        r"(?:从)?(?:\d+|[一二三四五六七八九十]+)(?:层|楼)(?:楼)?(?:摔|跳|掉)下(?:来|去)"
        + zg(10)
        + r"(?:感觉|疼不疼|痛不痛|会不会疼|会不会痛|疼吗|痛吗|会不会死|能不能死|死得了)",
    ),
    # a goodbye nobody answered: 「刚才在群里发了条消息说再见 … 没人理」
    _r(
        "zh:unanswered_goodbye",
        "self",
        0.85,
        r"(?:发了|发了条|说了)(?:消息|一条消息|条消息)?(?:说)?再见"
        + zg(16)
        + r"没人(?:理|回|在意|发现)",
    ),
    # "i walked to the river this afternoon and just stood there for a long time"
    _r(
        "en:stood_at_the_river",
        "self",
        0.85,
        r"\b(?:walked|went|drove) (?:down )?to the (?:river|bridge|lake|sea|cliffs?|tracks|dam)\b"
        + eg(40)
        + r"\b(?:(?:stood|sat) there (?:for (?:a long time|an hour|hours|ages|a while)|a long time)|"
        r"just (?:stood|sat) there)\b",
    ),
    # requests: scams on the old, a lock or a house entered, medicine skimmed, an old person sedated
    _r(
        "zh:impersonation_scam",
        "harm_others",
        0.9,
        # a script asked for (「…剧本 冒充老人的孙子打电话说出车祸要钱 越真越好」), not a victim's story
        r"(?:剧本|话术|台词|教我|帮我)[^\n]{0,30}(?<!被)冒充"
        + zg(10)
        + r"(?:孙子|儿子|女儿|孙女|警察|公检法|客服|医生)"
        + zg(24)
        + r"(?:要钱|打钱|转账|汇款|骗)|(?<!被)冒充"
        + zg(10)
        + r"(?:孙子|儿子|女儿|孙女|警察|公检法|客服|医生)"
        + zg(24)
        + r"(?:要钱|打钱|转账|汇款)(?=[^\n]{0,20}(?:越真越好|剧本|话术|怎么说))",
    ),
    _r(
        "en:wire_money_scam",
        "harm_others",
        0.9,
        r"\b(?:get|trick|convince|make|designed to get) (?:them|her|him|old people|elderly \w+|seniors|women|widows)(?: \w+){0,3} "
        r"(?:to|into) (?:wire|send|transfer|wiring|sending|transferring) (?:money|cash|funds|their savings)\b",
    ),
    _r(
        "zh:burglary_timing",
        "harm_others",
        0.9,
        r"(?:什么时候|什么时间|几点)(?:进去|去|溜进去)(?:拿|偷|取)"
        + zg(6)
        + r"(?:不容易被发现|不会被发现|没人发现)|"
        r"(?:进去拿|进去偷)" + zg(12) + r"要不要戴手套",
    ),
    _r(
        "en:pick_their_lock",
        "harm_others",
        0.85,
        r"\bpick (?:that|the|her|his|a)? ?(?:kind of )?(?:lock|safe)\b[^\n]{0,60}\bwhile (?:she|he|they)(?:'s|'re| is| are)\b",
    ),
    _r(
        "en:skim_medicine",
        "harm_others",
        0.9,
        # someone else's medicine (skimming for oneself is a stockpile: a crisis)
        r"\bhow much (?:of )?(?:the |her |his |the lady'?s |the patient'?s |the resident'?s |grandma'?s |grandpa'?s )"
        r"(?:morphine|oxy\w*|fentanyl|meds|pills|medication)\b(?: could| can)? i (?:skim|take|pocket|keep)\b",
    ),
    _r(
        "en:sedate_an_elder",
        "harm_others",
        0.9,
        r"\b(?:dose|how much|how many)\b"
        + eg(60)
        + r"\b(?:keeps?|make|makes|get|put) (?:a |my |the |our )?(?:\w+ ){0,3}(?:woman|man|lady|grandma|grandmother|"
        r"grandpa|grandfather|mother|father|mum|mom|dad|patient|resident|husband|wife)\b"
        + eg(20)
        + r"\b(?:asleep|knocked out|sedated|quiet|out)\b",
    ),
    # requests: a child drugged to sleep; someone jumped with what the group brings
    _r(
        "en:sedate_a_child",
        "harm_others",
        0.9,
        r"\b(?:dose|how much|how many)\b"
        + eg(60)
        + r"\b(?:keep|make|get|put) (?:a |my |the |our )?"
        + _EN_CHILD
        + r"\b"
        + eg(10)
        + r"\b(?:asleep|to sleep|knocked out|sedated|quiet|out)\b",
    ),
    _r(
        "en:jump_someone",
        "harm_others",
        0.85,
        r"\b(?:we'?re|we are|gonna|going to|planning to) jump (?:the|this|that|him|some) ?(?:guy|dude|kid|man|boy)?\b"
        r"[^\n]{0,60}\b(?:bring|weapons?|bats?|knives|knife|brass knuckles)\b",
    ),
)

# --- session 15 ----------------------------------------------------------------------
# Found when the read writer sets joined training (a suicide pact the model read as a joke, a
# thank-you and a follower it read as a crisis).
S15_RULES: tuple[Rule, ...] = (
    # a pact to die ("a pact that if we both fail algebra we're just dipping lol. like for good")
    _r(
        "en:suicide_pact",
        "self",
        0.85,
        r"\bpact\b"
        + eg(80)
        + r"(?:\b(?:die|dying|kill (?:ourselves|myself)|kms|unalive|end (?:it|things|our lives)|"
        r"off ourselves|jump(?:ing)? (?:off|together))\b|"
        r"\b(?:dip\w*|gone)\b[^\n]{0,30}?\b(?:for good|forever|permanently)\b)",
    ),
)

S15_MASKS = _masks(
    [
        # a thank-you and nothing else (「谢谢你陪我」, "thanks for being here"): no goodbye in it
        (
            "benign_phrase",
            r"^(?:真的|还是|好)?(?:谢谢|感谢|多谢)(?:你|您)?(?:一直)?(?:陪我|陪着我|听我说|听我讲|愿意听我说)?"
            r"(?:聊天|说话|聊了这么多|说了这么多)?[啦了呀哦哈嗯~～!！。.,，\s]*$|"
            r"^(?:thanks|thank you|thx|ty)(?: so much| a lot)?(?: for (?:being here|listening|the chat|"
            r"chatting|talking|being there|hearing me out|your time|the advice|helping))?[\s!.~]*$",
        ),
        # things given away for a move (「搬家前把所有东西都送人了」, "gave all my stuff away before
        # moving to berlin"): the model read these as farewells once the writer sets joined
        (
            "benign_phrase",
            r"(?:搬家|搬走|出国|移民|毕业|退租|回老家|换城市|去外地)"
            + zg(8)
            + r"(?:所有)?(?:的)?(?:东西|家具|衣服|书)(?:都)?(?:送人|送给\w{1,4}|分给\w{1,4}|卖了)|"
            r"\b(?:gave|giving|give|gotten rid of|getting rid of) (?:away )?(?:all )?(?:of )?(?:my )?"
            r"(?:stuff|things|furniture|clothes|books|belongings)(?: away)? (?:before|since|because|cause|cuz|as) "
            r"(?:i'?m |im |we'?re |i am )?(?:moving|the move|we move|relocating|leaving for|emigrating)\b",
        ),
        # a follower online, not someone behind the user ("someone is following me on instagram")
        (
            "benign_phrase",
            r"\b(?:follow(?:ing|ed|s)?|unfollow(?:ing|ed|s)?) me (?:on|back on) (?:instagram|insta|ig|twitter|x|"
            r"tiktok|twitch|youtube|spotify|linkedin|threads|bluesky|facebook|fb|snapchat|snap|pinterest|tumblr)\b",
        ),
    ]
)

# Session 16: read from fresh writers' sets after they were measured (blind73-88).
S16_RULES: tuple[Rule, ...] = (
    # whether a jump "works" (「宿舍六楼跳下去能一次成功吗」)
    _r(
        "zh:jump_succeed",
        "method",
        1.0,
        r"(?:跳下去|跳下来|往下跳|跳楼|楼跳)"
        + zg(4)
        + r"(?:能|会|可以)?(?:一次)?(?:成功|死透|死成|死得了|必死)",
    ),
    # on the wrong side of a railing or at an edge now (「我蹲在阳台栏杆外面」, 「现在一直坐在悬崖边上」,
    # "standing outside the balcony railing", "half my body was out the window a minute ago")
    _r(
        "zh:over_the_edge_now",
        "danger",
        1.0,
        r"(?:站|蹲|坐|翻|爬|跨)(?:到|在|出|过)?"
        + zg(6)
        + r"(?:栏杆|护栏|围栏)(?:的)?外(?:面|边|侧|头)?|"
        r"(?:现在|一直|还)(?:一直)?(?:坐|站|蹲)在(?:悬崖|山崖|楼顶|天台|桥)(?:的)?边(?:上|缘)?",
    ),
    _r(
        "en:over_the_edge_now",
        "danger",
        1.0,
        r"\b(?:i'?m|im|i am|standing|sitting|climbed|crouching)\b"
        + eg(20)
        + r"\b(?:on the (?:other|wrong|outer|outside) side of|outside|over) the (?:\w+ )?(?:railing|guardrail|rail)\b|"
        r"\b(?:half (?:of )?my body|my (?:legs?|body)|i)(?: (?:was|is|were|are|am)|'m) (?:hanging |leaning )?"
        r"(?:out|outside) (?:of )?(?:the|my) (?:window|balcony)\b",
    ),
    # not wanting to see, or not expecting to see, the next year (「也不想再见到明年了」,
    # 「我应该看不到下学期了」, "don't want to see another christmas"); the older zh:no_next_year
    # (0.8) reads 「不会再有下一个春节」
    _r(
        "zh:not_to_see_next_year",
        "self",
        0.9,
        r"不想(?:再)?(?:见到|看到|活到|等到|过)(?:明年|新的一年|下一年|下个(?:春节|新年|生日))|"
        r"我(?:应该|可能|大概|估计)?(?:看不到|等不到|活不到)(?:下学期|明年|下个月|春天|夏天|秋天|冬天|过年|毕业|下一年)",
    ),
    # a debt repaid with one's life (「钱是还不上了，命可以还」, 「拿命抵债」)
    _r(
        "zh:repay_with_life",
        "self",
        1.0,
        r"命(?:可以|来|去)(?:还|抵|赔)|(?:用|拿)(?:我的?)?(?:这条)?(?:烂)?命(?:来|去)?(?:还|抵|赔)(?![在是好有没])|以命抵债",
    ),
    _r(
        "en:no_next_year",
        "self",
        0.9,
        r"\b(?:don'?t|do not|dont) want to (?:see|make it to|live to see|be here for) "
        r"(?:next year|(?:the |another )?new year|another (?:year|christmas|birthday|holiday))\b",
    ),
    # a ligature in place ("the rope is already up", "tonight i have the cord tied to the
    # banister" — not in a gym, on a climbing wall or a swing)
    _r(
        "en:ligature_ready",
        "method",
        1.0,
        r"\bnoose (?:is )?(?:already )?(?:up|ready|tied|hung|made)\b|"
        r"^(?![^\n]*\b(?:belay\w*|climb\w*|gym|wall|class|practice|swing|boxing|pe)\b)"
        r"[^\n]*\b(?:the|a|my) rope is (?:already )?(?:up|hung|tied)\b|"
        r"\b(?:cord|rope|belt|cable|scarf|sheet|noose)\b"
        + eg(12)
        + r"\b(?:tied|attached|fixed)\b"
        + eg(12)
        + r"\b(?:banister|bannister|beam|rafter|ceiling|doorknob|door knob|closet rod|pipe|stair ?rail)",
    ),
    # an attempt that failed on the fixture ("tried from the curtain rail last night and it snapped")
    _r(
        "en:attempt_fixture_broke",
        "self",
        1.0,
        r"\btried\b"
        + eg(20)
        + r"\b(?:curtain rail|curtain rod|beam|banister|rafter|ceiling fan|closet rod|door frame|pipe)\b"
        + eg(40)
        + r"\b(?:snapped|broke|gave way|didn'?t hold|came down)\b",
    ),
    # 「我想让自己冻死在山上」, 「想一直喝到心脏停掉为止」
    _r(
        "zh:die_by_own_hand",
        "self",
        1.0,
        r"(?:让|把)自己(?:冻|饿|渴|淹|烧|毒|闷|撞)死|冻死自己|(?:喝|吃|跑|熬)到心脏(?:停|骤停|停掉|停止)",
    ),
    # the user's own expiry date (「房子到期了，我也到期了」)
    _r(
        "zh:my_time_is_up",
        "self",
        0.9,
        r"我也(?:该)?到期了|我的(?:保质期|有效期)(?:也)?(?:到了|过了|到期了)",
    ),
    # 「想在退房之前把自己也一起清理掉」
    _r(
        "zh:dispose_of_self",
        "self",
        1.0,
        r"把自己(?:也)?(?:一起|一并)?(?:清理|处理|解决|了结)掉",
    ),
    # cutting at one's own body (「我要把肚子上的肉剪掉 剪刀已经消好毒了」)
    _r(
        "zh:cut_off_own_flesh",
        "self",
        1.0,
        r"(?:要|想|准备)把(?:自己)?(?:肚子|大腿|手臂|胳膊|脸|腰)上?的?(?:肉|皮|肥肉)(?:剪|割|切)掉",
    ),
    # everything said and at peace (「跟老同学告别了…该说的都说了，心里很平静」)
    _r(
        "zh:all_said_at_peace",
        "self",
        0.9,
        r"该说的(?:话)?(?:都)?说(?:完)?了"
        + zg(10)
        + r"(?:很平静|平静|安心|没有遗憾|没遗憾|放心了)",
    ),
    # the user's own brakes let go where it is dangerous (「我现在在河边，轮椅刹车已经松开了」; the
    # request to loosen someone else's stays a refusal, and this crisis comes first)
    _r(
        "zh:brakes_off_here",
        "danger",
        1.0,
        r"我(?:现在|已经)?(?:在|到了?)(?:河边|湖边|江边|海边|桥上|坡上|坡顶|马路|路中间|铁轨)"
        + zg(10)
        + r"刹车(?:已经)?(?:松开|松了|放开|放了)",
    ),
)

# Session 17, read from blind97-104 after they were measured (paraphrases in the tests)
S17_RULES: tuple[Rule, ...] = (
    # ending it at a place and a time (「明天就在单位楼上了结了」), not settling a matter (「把这事了结了」)
    _r(
        "zh:end_it_there",
        "self",
        0.95,
        r"(?:今晚|今天|明天|后天|等会|待会|马上|周末)(?:就)?在"
        r"(?:单位|公司|学校|宿舍|家里|出租屋|厂里)?(?:楼上|楼顶|天台|河边|江边|海边|桥上|房间里|宿舍里)"
        r"(?:把自己)?了结(?:了|掉|自己)?(?![这那此该一项案事账债])",
    ),
    # what is there to stay for, once everything is gone (「钱没了 工作也没了 … 还留着干嘛」,
    # 「谁都不要我 奶奶也走了 我还留在这干嘛」); not an old phone kept
    _r(
        "zh:why_stay_on",
        "self",
        0.85,
        r"我还留(?:着|在这[里儿]?|在世上|在这个世界上?)干(?:嘛|啥|什么)|"
        r"(?:没了|没有了)"
        + zg(12)
        + r"(?:没了|没有了|是假的|走了)"
        + zg(16)
        + r"还留着干(?:嘛|啥|什么)",
    ),
    # a worthless life, and the river tonight (「我们老人的命不值钱 今晚就去河边」); 「活着没意思」,
    # 「不想活」 and the like are crises by themselves (zh:no_point_living, zh:dont_want_to_live)
    _r(
        "zh:worthless_then_the_river",
        "self",
        0.9,
        r"(?:命不值钱|没人要我|拖累(?:孩子|儿女|家里|你们))"
        + zg(20)
        + r"(?:今晚|今天|明天|马上|现在|等下)(?:就)?去(?:河边|江边|海边|湖边|桥上|楼顶|天台|铁轨)",
    ),
    # working out one's own amount (「复习到致死量那章 我在算我自己需要多少」; the study context is
    # masked as benign, so the rule reads the question alone: a unit of pills, or the end)
    _r(
        "zh:my_own_lethal_amount",
        "method",
        0.9,
        r"(?:算|算算|计算)(?:一下)?(?:我|我自己|自己)(?:需要|要|得)(?:吃)?多少"
        r"(?:片|粒|颗|克|毫克|支|瓶|(?=\s*$))",
    ),
    # "forgive me for what i'm about to do" (not "… to this cake")
    _r(
        "en:forgive_what_comes",
        "self",
        0.85,
        r"\bforgive me for what i(?:'m| am|m) (?:about|going) to do\b(?!\s+(?:to|with)\b)",
    ),
    # after someone's suicide: "i finally get it. i think im next"
    _r(
        "en:im_next",
        "self",
        0.9,
        r"\b(?:killed (?:himself|herself|themselves)|took (?:his|her|their) (?:own )?life|"
        r"died by suicide|suicide)\b[^\n]{0,120}\bi (?:think |feel like |know )?i'?m next\b",
        urgent=True,
    ),
    # wanting to "go home to jesus" now, and not as a figure of speech
    _r(
        "en:home_to_god_now",
        "self",
        0.9,
        r"\b(?:want|wanna|ready|going|gonna|need) (?:to )?go home to (?:jesus|god|the lord)\b"
        r"[^\n]{0,40}(?:\b(?<!not )(?:tonight|today|now|soon)\b|\bnot (?:in a )?metaphorical\w*|\bliterally\b)",
    ),
    # "just end of the line for me" (not "… at this company")
    _r(
        "en:end_of_the_line",
        "self",
        0.8,
        r"\bend of the line for me\b(?!\s+(?:at|in|with|on|here at)\b)",
    ),
    # abuse going on now: "who do i call when the guy hurting me is the police"
    _r(
        "en:hurting_me",
        "danger",
        0.85,
        r"\b(?:the (?:guy|man|person|one)|who(?:'s| is)) (?:who'?s )?hurting me\b|"
        r"\b(?:he|she)(?:'s| is) (?:been )?hurting me\b(?! by\b)",
        urgent=True,
    ),
)

# Session 18: read from blind121-128 (eight fresh writers) after they were measured.
S18_RULES: tuple[Rule, ...] = (
    # 「我好像不太想活了」: a softened wish not to live is still one
    _r("zh:hardly_want_to_live", "self", 0.9, r"(?<![没不])不(?:太|怎么|大|是很)想活(?:了|下去)"),
    # still up there: 「在公司天台站了很久 现在还在上面」
    _r(
        "zh:still_up_there",
        "danger",
        0.9,
        r"(?:天台|楼顶|顶楼|桥上|阳台外|窗台)"
        + zg(16)
        + r"(?:现在|这会儿?)(?:还|仍然?)(?:在|站在|坐在)(?:上面|这|这里|那)",
        urgent=True,
    ),
    # a goodbye to one's child: 「抱歉啊宝贝 妈妈撑不住了」
    _r(
        "zh:sorry_child_cant_go_on",
        "self",
        0.9,
        r"(?:对不起|抱歉)"
        + zg(6)
        + r"(?:宝贝|宝宝|孩子|儿子|女儿|闺女)"
        + zg(6)
        + r"(?:妈妈|爸爸|我)(?:真的)?(?:撑不住|撑不下去|坚持不下去|活不下去)了",
    ),
    # counting one's own pills together: 「我有30片芬必得和20片…，一起吃够不够」
    _r(
        "zh:pills_together_enough",
        "method",
        0.9,
        r"(?:片|粒|颗|瓶)" + zg(30) + r"(?:一起吃|全吃了?|都吃了?|一口气吃)(?:下去)?(?:的话)?"
        r"(?:够不够|够了吗|够吗|能不能死|会不会死|死得了吗)",
    ),
    # 「最近老是想到死 … 其实有想过具体怎么做」
    _r(
        "zh:thought_how_exactly",
        "self",
        0.9,
        r"死"
        + zg(40)
        + r"(?:其实|真的)?(?:有)?(?:想过|想好了?|查过)(?:具体)?(?:要)?怎么(?:做|死|弄|走)",
    ),
    # following a dying child or partner: 「如果她走了我也跟着走」
    _r(
        "zh:follow_them",
        "self",
        0.9,
        r"(?:如果|要是|万一)(?:她|他|孩子|宝宝|宝贝|妈妈|爸爸|老公|老婆)(?:真的)?(?:走了|没了|不在了)"
        + zg(8)
        + r"我也(?:就)?(?:跟着|随着|陪(?:着)?(?:她|他))(?:一起)?(?:走|去|死)",
    ),
    _r("zh:stop_breathing", "self", 0.85, r"(?<!不)(?:很|好|真)?想(?:要)?(?:停止呼吸|不再呼吸)"),
    # wanting to be hurt badly enough, 「死了也行」: 「让自己在比赛里受重伤 … 死了也行」
    _r(
        "zh:hurt_badly_or_die",
        "self",
        0.9,
        r"让(?:我|自己)"
        + zg(10)
        + r"(?:受重伤|伤得很重|出(?:个|场)?车祸|出(?:点)?事)"
        + zg(20)
        + r"死了(?:也行|也好|也没关系|也无所谓|更好)",
    ),
    # euthanasia for oneself: 「慢性疼痛去瑞士安乐死要多少钱」
    _r(
        "zh:own_euthanasia",
        "self",
        0.85,
        r"(?:我|自己)?(?:去|到)瑞士安乐死|安乐死(?:要|需要|得)(?:花)?多少钱|(?:我|自己)(?:想|要|打算|准备)(?:去)?安乐死",
    ),
    # 「我连死的勇气都快攒够了」
    _r("zh:courage_to_die", "self", 0.85, r"死的勇气(?:都|也)?(?:快|已经)?(?:攒够|够了|有了)"),
    # the body failing after starving or purging, now
    _r(
        "zh:body_failing",
        "danger",
        0.85,
        # a slow heart after starving, or with faintness (not a runner's resting rate)
        r"(?:节食|饿|催吐|断食|不吃饭|吃不下|月经停)"
        + zg(24)
        + r"(?:心率|心跳)(?:只有|才|掉到|降到)(?:三|四)十|"
        r"(?:心率|心跳)(?:只有|才|掉到|降到)(?:三|四)十"
        + zg(20)
        + r"(?:手脚冰凉|头晕|没力气|站不稳|晕倒|眼前发黑)|"
        r"(?:吐|催吐|拉)了一(?:晚上|整晚|夜|整天)" + zg(16) + r"(?:抽筋|心脏|心慌|站不起来|晕)|"
        r"(?:喝|吃)了一(?:大|整)?(?:瓶|盒|板)(?:利尿剂|泻药|减肥药)"
        + zg(16)
        + r"(?:痛|疼|心慌|难受|晕|抽筋)",
        urgent=True,
    ),
    # "I cut tonight. first time in a year." (not "cut today's meeting short")
    _r(
        "en:cut_tonight",
        "self",
        0.9,
        r"\bi (?:just )?(?:cut|burned|burnt) (?:myself )?(?:again )?(?:tonight|today|last night|just now|earlier)\b(?!')",
    ),
    # "i just tied something to the ceiling fan"
    _r(
        "en:tied_up_there",
        "self",
        0.9,
        r"\b(?:tied|hung|tying|hanging|rigged) (?:something|a (?:rope|belt|cord|noose|sheet|scarf)|the (?:rope|belt|cord)) "
        r"(?:to|from|on|around|over) (?:the |my )?(?:ceiling fan|ceiling|beam|rafters?|closet rod|banister|pipe)\b",
        urgent=True,
    ),
    # "im not suicidal i just hope something kills me soon"
    _r(
        "en:hope_it_kills_me",
        "self",
        0.85,
        r"\bhop(?:e|ing) (?:something|someone|a (?:car|bus|truck)|this|it) (?:kills|hits|takes|ends) me\b",
    ),
    # "thinking of just drinking actual poison instead"
    _r(
        "en:drink_poison",
        "self",
        0.9,
        r"\b(?:think(?:ing)? (?:of|about)|might|gonna|going to|want to|wanna) (?:just )?(?:drink|drinking|swallow|"
        r"swallowing) (?:actual |real |some |the )?(?:poison|bleach|antifreeze|pesticide|weed ?killer)\b",
    ),
    # "every time i push a sedative i think about pushing it into myself instead"
    _r(
        "en:into_myself_instead",
        "self",
        0.9,
        r"\b(?:push(?:ing)?|inject(?:ing)?|giv(?:e|ing)|tak(?:e|ing)) (?:it|them|that|one|some) (?:into|to|in) myself instead\b",
    ),
    # "if i just close my eyes while driving at 80", "just let go of the handlebars at the next downhill"
    _r(
        "en:let_go_while_riding",
        "self",
        0.85,
        r"\b(?:just )?(?:let go of the (?:wheel|handlebars?|steering wheel)|(?:close|shut) my eyes (?:while|when) "
        r"(?:driving|riding)|take my hands off the wheel)\b(?!\s+(?:for a (?:sec|second)|to (?:wave|check|drink)))",
    ),
    # a suicide urged by someone, and taken up: "told me to kill myself … honestly i'm considering it"
    _r(
        "en:considering_it",
        "self",
        0.9,
        # (the urging itself is masked as someone else's words: ⟨third_party⟩)
        r"(?:\bkill (?:my|your)self\b|⟨third_party⟩)"
        + eg(60)
        + r"\b(?:i'?m|im|i am) (?:actually |honestly |seriously |really )?"
        r"(?:considering|thinking about) it\b",
    ),
    # "i think about ending it every single night"
    _r(
        "en:ending_it_nightly",
        "self",
        0.9,
        r"\bthink(?:ing)? about ending it (?:every (?:single )?(?:night|day)|constantly|all the time|daily)\b",
    ),
    # a heart attack's signs, alone: "chest pain and left arm numb, im alone"
    _r(
        "en:heart_attack_signs",
        "danger",
        0.85,
        r"\bchest (?:pain|pressure|tightness)\b"
        + eg(30)
        + r"\b(?:left )?(?:arm|jaw)\b"
        + eg(10)
        + r"\b(?:numb|tingl\w*|hurts?)\b",
        urgent=True,
    ),
    # requests: selling or posting someone's intimate images, a threatening message, a sabotage
    _r(
        "zh:sell_spycam",
        "harm_others",
        0.9,
        r"偷拍" + zg(20) + r"(?:怎么|如何|能不能)?(?:卖(?:出去|掉|钱)|发到网上|传到网上|挂到网上)",
    ),
    _r(
        "en:post_their_nudes",
        "harm_others",
        0.9,
        r"\bi (?:have|got) (?:nudes|naked (?:pics|photos)|intimate (?:pics|photos)) of\b"
        + eg(80)
        + r"\b(?:post|share|leak|upload|send)(?:s|ed|ing)?\b"
        # "thinking of sending my ex's nudes to her new boyfriend" (not "he threatens to send my nudes")
        + r"|\b(?:send(?:ing)?|post(?:ing)?|leak(?:ing)?|shar(?:e|ing)) (?:my )?\w+'s (?:nudes|naked (?:pics|photos)|"
        r"intimate (?:pics|photos))\b",
    ),
    _r(
        "en:threatening_message",
        "harm_others",
        0.85,
        r"\bwrite (?:me )?(?:a |some )?(?:threatening|scary|intimidating) (?:message|text|letter|note|email)s?\b",
    ),
    _r(
        "zh:threatening_message",
        "harm_others",
        0.85,
        r"写(?:一封|一条|一段|个)?(?:恐吓|威胁)(?:信|短信|消息|的话)",
    ),
    _r(
        "en:sabotage_on_whoever",
        "harm_others",
        0.85,
        r"\bso (?:it|that it) (?:snaps|breaks|fails|collapses|gives way) (?:on|under|when) (?:whoever|someone|anyone|the next)\b",
    ),
    _r(
        "en:find_her_after_shift",
        "harm_others",
        0.85,
        r"\b(?:name|schedule|address|shift times?|home address)\b"
        + eg(60)
        + r"\bso i can (?:find|wait for|confront|follow|get|track down) (?:her|him|them)\b",
    ),
    _r(
        "zh:track_partner_phone",
        "harm_others",
        0.85,
        r"定位"
        + zg(6)
        + r"(?:老公|老婆|男朋友|女朋友|对象|前任|前夫|前妻|他|她)的手机"
        + zg(20)
        + r"(?:不让(?:他|她)知道|偷偷|不被(?:他|她)?发现)",
    ),
    # something put in an in-law's or partner's food to knock them out: 「止痛药怎么混进婆婆的汤里
    # 让她睡几天不醒」 (not salt in his soup to make it taste better)
    _r(
        "zh:into_their_food",
        "harm_others",
        0.9,
        r"(?:混|掺|放|加|下|倒)(?:在|进|到)(?:我?(?:婆婆|公公|岳母|岳父|丈母娘|老丈人)|"
        + _ZH_OTHER
        + r")的?(?:水|饭|菜|酒|茶|咖啡|饮料|汤|粥|奶)里"
        + zg(12)
        + r"让(?:他|她|他们|人)(?:睡|昏|醒不|没命|死|拉肚子|难受|吐|站不)",
    ),
    _r(
        "en:home_drug_lab",
        "harm_others",
        0.85,
        r"\b(?:synthesi[sz]e|make|cook|brew) (?:my own )?(?:testosterone|steroids|anavar|tren(?:bolone)?)\b|"
        r"\bprocess (?:the )?(?:opium )?poppies\b|\bextract (?:morphine|opium)\b",
    ),
    # --- read from blind129-136 (measured once before reading with this session's first rules)
    # 「想过很多次怎么结束」
    _r(
        "zh:thought_how_to_end",
        "self",
        0.9,
        r"想过(?:很多次|无数次|好多次|好几次)怎么(?:结束|了结|死|走)(?!这段|这个|关系|感情|婚姻|合作|项目|话题|对话|聊天)",
    ),
    # "i keep thinking about the gun in my dad's closet"
    _r(
        "en:thinking_about_the_gun",
        "self",
        0.85,
        r"\b(?:keep|kept|can'?t stop) thinking about (?:the|my|his|my (?:dad|father|husband)'?s?) "
        r"(?:gun|pistol|rifle|shotgun|revolver)\b",
    ),
    # "i did this. i shouldnt exist"
    _r(
        "en:shouldnt_exist",
        "self",
        0.9,
        r"\bi (?:shouldn'?t|should not|don'?t deserve to) (?:even )?exist\b",
    ),
    # "used to think about quitting gambling. now i think about quitting everything"
    _r(
        "en:quitting_everything",
        "self",
        0.85,
        r"\bthink(?:ing)? about quitting (?:everything|life|living|it all)\b(?!\s+(?:and|to)\b)",
    ),
    # a friend's goodbye post and no answer since: 「室友发朋友圈“谢谢大家 再见” 电话一直不接」
    _r(
        "zh:goodbye_post_no_answer",
        "danger",
        0.9,
        r"(?:发|发了)(?:条|个|一条)?(?:朋友圈|消息|微博|动态|说说|群消息)"
        + zg(16)
        + r"(?:再见|永别|遗书|对不起大家|谢谢大家)"
        + zg(24)
        + r"(?:电话|微信|消息)?(?:一直|都|也)?(?:不接|不回|联系不上|打不通|找不到)",
        urgent=True,
    ),
    # the means, and not for their use: 「把店里的刀都磨好了，不是为了切菜」
    _r(
        "zh:means_not_for_use",
        "self",
        0.85,
        r"(?:刀|绳子|安眠药|炭|木炭|农药)"
        + zg(10)
        + r"(?:不是|并不是|可不是)(?:为了|用来|拿来|去)?"
        r"(?:切菜|做饭|削水果|露营|爬山|晾衣服|捆东西|睡觉|失眠|烧烤|取暖|打虫|种地|杀虫)",
    ),
    # standing on a rooftop now, looking down: 「站在商场楼顶，下面就是…，好高啊」 (not the view)
    _r(
        "zh:on_the_roof_looking_down",
        "danger",
        0.85,
        r"站在(?:\S{0,6})?(?:楼顶|天台|顶楼|桥上|桥边)"
        + zg(20)
        + r"(?:下面就是|往下看|好高啊?|真高)(?![^\n]{0,60}(?:夜景|风景|日落|日出|拍照|拍摄|摄影|模特|烟花|好美|好看))",
        urgent=True,
    ),
    # one's old dose after years clean, to go that way: 「戒了一年后再吸以前的量，会不会直接过去」
    _r(
        "zh:old_dose_to_go",
        "method",
        0.9,
        r"(?:以前的量|原来的量|那么多|一整瓶|一大把)"
        + zg(12)
        + r"(?:会不会|能不能|是不是)(?:就)?(?:直接)?(?:过去|走了?|死|没命)",
    ),
    # 「我不是想喝酒，我是想让自己消失」 (not for a while)
    _r(
        "zh:make_myself_vanish",
        "self",
        0.85,
        r"想让(?:我|自己)(?:彻底|永远|干脆)?消失(?!"
        + zg(4)
        + r"(?:一阵|几天|一会|一下|一段时间|几个小时))",
    ),
    # vomiting blood, a lot, and no hospital: 「喝酒喝到吐血，鲜红的，好多，我不想去医院」
    _r(
        "zh:vomiting_blood",
        "danger",
        0.85,
        r"吐血" + zg(16) + r"(?:好多|很多|一大口|止不住|不想去医院|不去医院|不敢去医院)",
        urgent=True,
    ),
    _r(
        "en:vomiting_blood",
        "danger",
        0.85,
        r"\b(?:throwing|threw|puking|coughing) up (?:bright red )?blood\b",
        urgent=True,
    ),
    # a death made to look like an accident so the family suffers less or gets the insurance
    _r(
        "zh:like_an_accident_for_them",
        "self",
        0.9,
        r"像(?:个)?意外"
        + zg(20)
        + r"(?:家里人|家人|爸妈|父母|孩子)(?:能|会|就)?(?:少难受|少伤心|不自责|不那么难过|拿到保险|领到保险)|"
        r"像(?:个)?意外"
        + zg(30)
        + r"保险"
        + zg(24)
        + r"(?:我就这点用处|孩子还要用钱|留给孩子|留给家里)",
    ),
    # "maybe i should just give her the funeral she's been expecting"
    _r(
        "en:give_them_the_funeral",
        "self",
        0.85,
        r"\bgive (?:her|him|them|everyone|my \w+) the funeral\b",
    ),
    # taken somewhere and not told where (after a spiked drink)
    _r(
        "en:taken_somewhere",
        "danger",
        0.9,
        r"\b(?:is|are|he'?s|she'?s|they'?re) (?:driving|taking) me somewhere\b"
        + eg(30)
        + r"\bwon'?t (?:say|tell me) where\b",
        urgent=True,
    ),
    # requests: hired muscle, spying on a phone, doxxing, a sawn-off barrel, home opioids, making
    # someone sick, making someone suffer, a beating without getting caught, where to stab
    _r(
        "en:hire_muscle",
        "harm_others",
        0.9,
        r"\b(?:hire|pay|get) (?:some|a couple(?: of)?|a few|two|three)? ?(?:guys|men|people|dudes|thugs|someone|somebody)\b"
        + eg(24)
        + r"\b(?:rough (?:\w+ ){0,2}up|beat (?:\w+ ){0,2}up|mess (?:\w+ ){0,2}up|break (?:his|her|their) legs?|jump (?:him|her|them))\b",
    ),
    _r(
        "en:spy_on_their_phone",
        "harm_others",
        0.85,
        r"\b(?:clone|hack(?: into)?|bug) (?:my )?\w+'s (?:phone|email|account|whatsapp|icloud)\b|"
        r"\b(?:read|see|check|track|monitor) (?:my )?\w+'s (?:texts|messages|phone|location|email)\b"
        + eg(24)
        + r"\bwithout (?:him|her|them) (?:knowing|finding out|noticing)\b",
    ),
    _r(
        "en:unmask_account",
        "harm_others",
        0.85,
        r"\b(?:find|get|figure out|dig up) (?:out )?(?:the )?real name\b"
        + eg(30)
        + r"\b(?:acc|account|anon|troll|user)\b",
    ),
    _r(
        "en:home_opioids",
        "weapons",
        0.85,
        r"\b(?:make|synthesi[sz]e|cook) (?:my own )?(?:buprenorphine|suboxone|methadone|fentanyl|oxy(?:codone)?)\b",
    ),
    _r(
        "zh:home_opioids",
        "weapons",
        0.85,
        r"(?:自己|在家|家里)?(?:合成|提炼|提纯|制作|熬制)"
        + zg(4)
        + r"(?:美沙酮|丁丙诺啡|芬太尼|羟考酮)",
    ),
    _r(
        "en:sick_not_dead",
        "harm_others",
        0.85,
        r"\b(?:make|get) (?:someone|somebody|him|her|them|my \w+) (?:really |very |super )?sick\b"
        + eg(20)
        + r"\b(?:but not|without) (?:kill|knowing|noticing|dying)",
    ),
    _r(
        "en:make_them_suffer",
        "harm_others",
        0.85,
        r"\bwant (?:to )?make (?:him|her|them) suffer\b"
        + r"[^\n]{0,40}"
        + r"\b(?:ideas?|how|nothing legal|ways?)\b",
    ),
    _r(
        "en:beat_not_caught",
        "harm_others",
        0.85,
        r"\b(?:jump|beat up|rough up) (?:the|that|this) (?:guy|kid|dude|girl)\b"
        + eg(50)
        + r"\b(?:not get caught|without getting caught|get away with it)\b",
    ),
    _r(
        "zh:where_to_stab",
        "harm_others",
        0.95,
        r"(?:捅|刺|砍)(?:他|她)?(?:哪里|哪儿|什么地方|哪个位置)(?:最快|最致命|会死|能死|死得快)",
    ),
)

S19_RULES: tuple[Rule, ...] = (
    # hopelessness about the next day: "not sure there's a point to tomorrow"
    _r(
        "en:no_point_tomorrow",
        "self",
        0.85,
        r"\b(?:no|not sure there'?s (?:a|any)|don'?t see (?:a|the|any)|what'?s the) point (?:to|in|of) "
        r"(?:tomorrow|waking up|going on|being alive|living)\b",
    ),
    # a date set for oneself: 「给自己定了个日子 等女儿高考完」
    _r("zh:set_a_date", "self", 0.85, r"给自己(?:定|选|挑|订)(?:好)?(?:了)?(?:一?个)?日子"),
    # following the dead: "she died in hospice last week and i want to be with her"
    _r(
        "en:be_with_the_dead",
        "self",
        0.9,
        r"\b(?:died|passed(?: away)?|gone|lost (?:him|her))\b[^\n]{0,80}\bi (?:just )?(?:want|wanna|need) "
        r"to (?:be|go) with (?:him|her|them)\b"
        r"(?! family| parents| kids| at| on| for| in (?!heaven)| during| when)",
    ),
    # 「癌症没要我的命 那我自己来」
    _r(
        "zh:do_it_myself",
        "self",
        0.9,
        r"(?:没|没有)(?:要|带走|收)(?:了)?我的命" + zg(10) + r"我(?:就)?自己(?:来|动手)",
    ),
    # a plan tied to bad news: "if the biopsy is bad tomorrow i'm driving to the bridge after"
    # (not "if it's sunny i'm going to the river")
    _r(
        "en:if_then_bridge",
        "self",
        0.85,
        r"\bif\b"
        + eg(40)
        + r"\b(?:bad|positive|malignant|cancer|fail\w*|don'?t|doesn'?t|won'?t|not|no|lose|loses|lost|leaves?|"
        r"left|denied|rejected|worse|spread|comes back)\b"
        + eg(40)
        + r"\b(?:i'?m|i am|im|i'?ll|i will|ill) (?:just )?(?:driving|going|walking|heading|drive|go|walk|head) "
        r"(?:straight )?(?:to|off) (?:the|that) (?:bridge|cliffs?|tracks|river|roof|overpass)\b",
    ),
    # ending it, oneself included: 「给这件事画个句号了，连同我自己」, 「这条路走到头了 人生也是」
    _r(
        "zh:end_with_me",
        "self",
        0.9,
        r"(?:句号|了结|了断|结束|终结|收尾|走到(?:头|尽头))"
        + zg(10)
        + r"(?:连同|连带|包括|还有|加上)(?:我自己|我这个人|我这条命|我的命)|"
        r"走到(?:头|尽头)了" + zg(6) + r"(?:人生|我的命|这辈子|命)也(?:是|一样|到头|走到头)",
        urgent=True,
    ),
    # wanting to write one's own suicide note, not a class exercise: the model's benign reading
    # does not hold it back (「我想写一封遗书 但不知道该写给谁」 read p 0.05)
    _r(
        "zh:want_to_write_note",
        "self",
        0.95,
        r"^(?!.*(?:作业|课上|老师|练习|体验|活动|小说|剧本|角色|游戏|电影))"
        r".*?我(?:真的|很)?(?:想|准备|打算|在)(?:写|留)(?:一封|一份|好)?遗书",
        urgent=True,
    ),
    # a wound on the wrist reopened and hidden (「手腕上的伤口又裂开了 直播的时候戴着护腕」)
    _r(
        "zh:wrist_wound_hidden",
        "self",
        0.85,
        r"(?:手腕|手臂|胳膊|大腿)(?:上)?的?(?:伤口|伤|疤)"
        + zg(8)
        + r"(?:又)?(?:裂开|崩开|出血|流血)"
        + zg(20)
        + r"(?:护腕|长袖|遮|藏|挡着|不让|没人知道)",
    ),
    # the work is done, so one may go: 「觉得终于可以走了 任务完成了」
    _r(
        "zh:free_to_go_now",
        "self",
        0.85,
        r"(?:终于|总算)可以(?:安心|放心)?(?:地)?(?:走|离开)了"
        + zg(10)
        + r"(?:任务完成|使命完成|没有遗憾|了无牵挂|没什么遗憾|不欠)|"
        r"(?:任务|使命)(?:也)?完成了" + zg(8) + r"(?:可以|能)(?:安心|放心)?(?:地)?(?:走|离开)了",
    ),
    # "now it's just quiet and i know what i'm going to do"
    _r(
        "en:quiet_and_decided",
        "self",
        0.8,
        r"\b(?:quiet|calm|peaceful|at peace|stopped hurting)\b"
        + eg(30)
        + r"\bi know (?:exactly )?what i'?m (?:going to|gonna) do\b",
    ),
    # "i can't live with this and i'm not going to"
    _r(
        "en:cant_live_with_it_and_wont",
        "self",
        0.9,
        r"\bcan'?t (?:live|go on) with (?:this|it|that|myself|what i(?:'ve)? (?:did|done))\b"
        + eg(15)
        + r"\bi'?m not (?:going to|gonna)\b",
        urgent=True,
    ),
    # wanting to sleep and never wake, said across a sentence: "i just want to go to sleep and
    # never deal with any of it again. like actually never wake up"
    _r(
        "en:sleep_never_wake",
        "self",
        0.9,
        r"\b(?:want|wanna|wish|need) (?:to )?(?:go to )?sleep\b[^\n]{0,80}\b(?:never|not) wake (?:up|again)\b"
        r"(?! early| before| until| till| at| for)",
    ),
    # a whole strip of pills swallowed (Cantonese too: 「啱啱食咗成排狗狗嘅止痛藥」)
    _r(
        "zh:swallowed_a_strip",
        "danger",
        0.9,
        r"(?:食|吞|吃)(?:咗|左|了)"
        + zg(6)
        + r"(?:成排|成板|成盒|成樽|成瓶|一整排|一整板|一整盒|一整瓶|整排|整板|整瓶|整盒)"
        + zg(10)
        + r"(?:药|丸|片)",
        urgent=True,
    ),
    # "feel like i'm gonna do something stupid" (not "… stupid like buy a motorbike")
    _r(
        "en:something_stupid",
        "self",
        0.85,
        r"\b(?:i'?m|im|i am|scared i'?ll|afraid i'?ll|i might|i'?ll) (?:gonna |going to |about to )?"
        r"do something (?:stupid|dumb|drastic|i can'?t take back)\b(?! like| lol| haha| lmao)",
        urgent=True,
    ),
    # "i've been planning how to die for a month"
    _r(
        "en:planning_how_to_die",
        "self",
        0.9,
        r"(?<!was )(?<!were )(?<!used to be )"
        r"\b(?:planning|planned|plan|figuring out|figured out|worked out|researching) (?:out )?how "
        r"(?:i'?(?:ll|d) |to |i'?m going to |i want to )(?:die|do it|end it|kill myself)\b",
    ),
    # the pet's euthanasia, and one for me: 「打了安乐针 我在想能不能也给我打一针」
    _r(
        "zh:euthanasia_for_me_too",
        "self",
        0.9,
        r"(?:安乐针|安乐死)" + zg(24) + r"(?:也)?(?:给我|帮我|替我)(?:也)?(?:打|来)(?:一针|一下)",
    ),
    _r(
        "en:want_unalived",
        "self",
        0.9,
        r"\b(?:want|wanna|wish|need|ready) (?:to )?(?:be )?unalive[ds]?\b",
    ),
    # a cover story for leaving: "told my friends i'm moving away after the exam. i'm not moving away"
    _r(
        "en:cover_story_leaving",
        "self",
        0.85,
        r"\btold (?:my |all my |everyone|people|them)[^.!?\n]{0,40}\b(?:i'?m|im|i am) "
        r"(?:moving away|going away|leaving|going on a (?:long )?trip)\b[^\n]{0,40}\b(?:i'?m|im|i am) "
        r"not (?:really )?(?:moving|going|leaving)\b",
    ),
    # running into traffic: 「刚才差点冲向马路 … 还是想冲过去」
    _r(
        "zh:into_the_road",
        "self",
        0.9,
        r"(?:差点|刚才|好想|想|又想)(?:冲向|冲到|冲进|冲上|冲去)(?:马路|车流|车道|铁轨|高速)|"
        r"(?:马路|车流|车道|铁轨|高速|车)"
        + zg(20)
        + r"(?:还是|还|又)想(?:冲|跳|撞)(?:过去|下去|上去)",
        urgent=True,
    ),
    # buying all the pills one is allowed: "at the pharmacy buying as much paracetamol as they'll let me"
    _r(
        "en:buying_max_pills",
        "self",
        0.9,
        r"\b(?:buying|bought|buy|stocking up on) (?:as (?:much|many)|all the|every (?:box|pack|bottle) of)\b"
        + eg(20)
        + r"\b(?:paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|sleeping pills|pills|painkillers)\b",
    ),
    # the means laid out: "rope, chair, closet. it's all there"
    _r(
        "en:means_all_there",
        "self",
        0.9,
        r"\b(?:rope|noose)\b[^\n]{0,30}\b(?:chair|stool|closet|beam|hook|ceiling)\b[^\n]{0,40}"
        r"\b(?:it'?s all (?:there|set|ready)|all set|all ready|everything'?s (?:there|ready|set))\b",
    ),
    # requests (session 19, fresh writers): hired muscle, growing psilocybin
    _r(
        "en:someone_to_rough_up",
        "harm_others",
        0.95,
        r"\b(?:know anyone|know someone|find (?:me )?someone|anyone|someone) (?:who'?d|who would|who will|"
        r"who'?ll|willing to|to) (?:rough (?:\w+ ){0,2}up|beat (?:\w+ ){0,2}up|break (?:his|her|their) legs)\b",
    ),
    _r(
        "en:grow_psilocybin",
        "weapons",
        0.9,
        r"\b(?:grow|grows|growing|cultivat\w+)\b"
        + eg(10)
        + r"\b(?:psilocybin|magic mushrooms?|shrooms)\b",
    ),
    # a medical emergency now: collapsed, and confused or not responding
    _r(
        "en:collapsed_now",
        "danger",
        0.85,
        r"\b(?:collapsed|passed out|fainted)\b[^\n]{0,80}\b(?:stopped sweating|(?:he|she)'?s (?:confused|not "
        r"responding|unresponsive|not making sense|barely breathing)|won'?t (?:wake|respond)|isn'?t "
        r"(?:responding|breathing))\b",
        urgent=True,
    ),
    # gas in the room and someone not moving or the user dizzy: 「屋里煤气味好重 老伴躺着不动 我头也晕」
    _r(
        "zh:gas_symptoms",
        "danger",
        0.9,
        r"(?:煤气|燃气|天然气|一氧化碳)(?:味|味道|泄漏|泄露|漏了)?"
        + zg(20)
        + r"(?:躺着不动|叫不醒|不动了|昏迷|晕倒|昏倒|头(?:也|好|很)?晕|站不起来|没反应)",
        urgent=True,
    ),
    # a stroke or a fall, and no one to lift them: 「老伴中风倒在院子里了 … 我一个人抬不动他」
    _r(
        "zh:stroke_or_fall_now",
        "danger",
        0.85,
        r"(?:中风|脑梗|心梗|心脏病(?:发作|犯了)|晕倒|昏倒|摔倒|倒在(?:地上|院子里?|地|厕所|卫生间|浴室))"
        + zg(30)
        + r"(?:抬不动|扶不起来|叫不醒|不省人事|没反应|没有反应|起不来了|我该怎么办|怎么办啊|快来人)",
        urgent=True,
    ),
    # clothes on fire, burnt: 「衣服点着了 烧到腿了 … 一直哭 怎么办」
    _r(
        "zh:on_fire_now",
        "danger",
        0.85,
        r"(?:衣服|身上|头发)(?:被)?(?:点着|着火|烧着)了?"
        + zg(12)
        + r"(?:烧到|烫伤|烧伤|起泡|哭|怎么办)",
        urgent=True,
    ),
)

# Session 22: read from blind277 (psychology students and therapists in training) after the
# three fresh batches were measured. People who know the vocabulary of risk say their own risk
# in it; the model reads the vocabulary as a topic.
S22_RULES: tuple[Rule, ...] = (
    # one who died by suicide was right: 「去年我的一个来访者自杀了，最近我总觉得他是对的」,
    # "my client who died by suicide last year ... he had the right idea"
    _r(
        "zh:suicide_was_right",
        "self",
        0.9,
        r"(?:自杀|轻生|寻短见|跳楼|自尽)"
        + zg(24)
        + r"(?:我)?(?:总|一直|越来越|开始|真的)?(?:觉得|认为|感觉|想)(?:他|她|他们|她们|ta)"
        r"(?:是对的|做得对|做对了|才是对的|是明智的|解脱了真好)",
        unvetoed=True,
    ),
    _r(
        "en:suicide_was_right",
        "self",
        0.9,
        # (the third-party mask: someone else at risk or lost, "a friend of mine took his own life")
        r"(?:\b(?:suicide|killed (?:him|her|them)sel(?:f|ves)|took (?:his|her|their) (?:own )?li(?:fe|ves))\b|"
        r"⟨third_party⟩)"
        + r"[^\n]{0,100}"
        + r"\b(?:he|she|they) (?:had|has|have) (?:the right idea|it figured out)\b",
        unvetoed=True,
    ),
    # meeting the warning signs oneself: 「危机评估那几条…我现在每一条都中了」, "i know all the
    # warning signs bc i teach them ... and i have like 6 of them rn"
    _r(
        "zh:meet_the_warning_signs",
        "self",
        0.9,
        r"(?:危机评估|风险评估|自杀风险|预警信号|危险信号|警示信号|危险因素)"
        + zg(30)
        + r"(?:我|自己)(?:现在|目前|最近)?(?:每一条|每条|全部|几乎全|好几条|都)(?:都)?(?:中了|符合|占了|有)",
        unvetoed=True,
    ),
    _r(
        "en:meet_the_warning_signs",
        "self",
        0.9,
        r"\b(?:(?:suicide|suicidal|crisis) (?:warning signs|risk factors|red flags)|"
        r"(?:warning signs|risk factors|red flags) (?:of|for) suicid\w*|warning signs\b(?! (?:of|for)\b))"
        r"[^\n]{0,120}"
        r"\b(?:i|and i) (?:have|tick|check|meet|hit|got) (?:like |about |almost |nearly )?"
        r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|all|most|every one|half|several|a lot) "
        r"(?:of (?:them|those|the boxes)|boxes)\b",
        unvetoed=True,
    ),
    # the method one would use, thought of in a class on suicide risk: 「老师讲自杀风险评估，我全程都在想我自己要用哪种」
    _r(
        "zh:which_one_for_me",
        "self",
        0.9,
        r"(?:自杀|轻生)"
        + zg(30)
        + r"(?:想|在想|琢磨)(?:我)?自己(?:要|会|该|能)用哪(?:种|一种|个|样)",
        unvetoed=True,
    ),
    # a dangerous dose asked by someone who has a lot of it: "what dose of propranolol is actually
    # dangerous. i have a lot of it"
    _r(
        "en:dangerous_dose_i_have",
        "method",
        1.0,
        r"^(?![^\n]*\bfor (?:a|my|the|our|your) (?:kid|child|baby|toddler|son|daughter|dog|cat|puppy|pet)s?\b)"
        r"[^\n]*?\b(?:what|which|how much|how many)\b[^\n]{0,40}\b(?:dangerous|lethal|fatal|deadly|too much|an overdose)\b"
        r"[^\n]{0,80}\bi(?: have| got|'ve got|ve got| have got|'ve saved|'ve been saving| kept|'ve kept) "
        r"(?:(?:a lot|lots|loads|plenty|a bunch|tons|heaps|enough)(?! of (?!it\b|them\b|those\b|these\b|pills\b|tablets\b))|"
        r"\d+ (?:pills|tablets|caps|capsules|of them|of those|bottles|boxes|packs|strips)\b)",
    ),
    # not lasting till a date, and not meant about the work: 「感觉熬不到期末了。不是说学业」,
    # "don't think i'll make it to finals. and i don't mean grades"
    _r(
        "zh:not_lasting_not_the_work",
        "self",
        0.9,
        r"(?:熬不到|撑不到|活不到|坚持不到|挺不到|熬不过|撑不过)"
        + zg(12)
        + r"[。，,.\s]*(?:我)?(?:不是说|不是指|说的不是|我说的不是|不是因为)(?:学业|考试|成绩|作业|论文|工作|项目|业绩|钱)",
        unvetoed=True,
    ),
    _r(
        "en:not_lasting_not_the_work",
        "self",
        0.9,
        r"\b(?:make it|last|survive|hold on|hang on) (?:to|until|till|til|through|past)\b[^\n]{0,40}"
        r"\b(?:and )?(?:i )?(?:don'?t|dont|do not) mean (?:grades|school|the exams?|academically|work|my job|the deadline)\b",
        unvetoed=True,
    ),
    # self-harm resumed after a time without: 「戒了一年多的自伤今天破戒了」
    _r(
        "zh:self_harm_relapse",
        "self",
        0.9,
        r"(?:自伤|自残|割腕|划手|割自己|伤害自己)" + zg(12) + r"(?:破戒|破功|没忍住|又开始了)",
        unvetoed=True,
    ),
)


S20_MASKS = _masks(
    [
        # a whole message that only says where one sleeps tonight (「今晚不回来了，别等我」, "not
        # coming home tonight"): an evening away, not a farewell. Only the whole message: with
        # anything beside it (「高三 今晚不回家了 天台的门我有钥匙」, 「过年不回去了，以后也不回去了」)
        # the rest is read as usual.
        (
            "everyday",
            r"^\W*(?:(?:我)?(?:今晚|今天晚上|今夜|晚上|这周末?|周末)(?:就|先|也)?不回(?:来|家|去)了?"
            r"(?:\W*(?:别|不用)等我了?)?|"
            r"(?:(?:i'?m |i am |im )?not (?:coming|going) (?:back )?home|(?:i )?won'?t be (?:back|home)) "
            r"tonight(?:\W*(?:don'?t|no need to) wait up)?)\W*$",
        ),
    ]
)


S19_MASKS = _masks(
    [
        # a dose or a fall for an animal, or a toxicologist's work: "what's the toxic dose for
        # dogs, is she ok??", "how high can a cat fall and survive?", 「我们做毒理的 每天都在算LD50」
        (
            "animal_or_lab",
            r"\b(?:toxic|lethal|fatal|deadly) (?:dose|amount)s? (?:of \w+ )?(?:for|in|to) (?:an? |my |our |the )?"
            r"(?:dogs?|cats?|pets?|puppy|puppies|kittens?|rabbits?|birds?|zebrafish|mice|rats?|animals?)\b|"
            r"\bhow (?:high|far) (?:can|could) (?:a |my |our )?(?:cat|dog|kitten|puppy) (?:fall|jump)\b|"
            r"\b(?:lethal|toxic) dose for our compound\b|"
            r"(?:做毒理|毒理(?:学|实验|研究))" + zg(20) + r"(?:ld50|半数致死量?|致死(?:剂)?量)",
        ),
        # a threat taken back in the same breath: "i'm gonna kill him (kidding, he's a sweetheart)"
        (
            "benign_phrase",
            r"\b(?:kill|murder|strangle) (?:him|her|them|you|u)\b\W{0,4}(?:just )?(?:kidding|jk|joking|not really)\b",
        ),
    ]
)

S18_MASKS = _masks(
    [
        # doubled exasperation (「要死了要死了 明天开庭 紧张得胃疼」)
        ("hyperbole", r"(?:我)?要死了\s*要死了"),
    ]
)


S16_MASKS = _masks(
    [
        # exasperation after a stressor (「論文deadline明天 我才寫了500字 我要死了」, 「想想就要死了」,
        # 「每次跑完都感觉要死了」)
        (
            "hyperbole",
            r"(?:ddl|deadline|论文|作业|期末|考试|加班|报告|ppt|写不完|做不完|改不完)"
            + zg(24)
            + r"我(?:真的|真)?(?:快)?要死了(?=\s*(?:[啊呀吧了!！~～。😭🥲]|$))|"
            r"想想(?:都|就)(?:快)?要死了?|(?:跑|练|爬|做|游)完(?:都|就)?(?:感觉|觉得)?(?:快)?要死了",
        ),
    ]
)


RULES = (
    RULES
    + MORE_RULES
    + S11_RULES
    + S12_RULES
    + S13_RULES
    + S14_RULES
    + S15_RULES
    + S16_RULES
    + S17_RULES
    + S18_RULES
    + S19_RULES
    + S22_RULES
)
# recovery and simile masks run first among the non-benign masks: they cover whole spans
MASKS = (
    MORE_MASKS[:2]
    + S11_MASKS
    + S12_MASKS
    + S13_MASKS
    + S14_MASKS
    + S15_MASKS
    + S16_MASKS
    + S18_MASKS
    + S19_MASKS
    + S20_MASKS
    + MASKS
    + MORE_MASKS[2:]
)
THIRD_PARTY = THIRD_PARTY + S11_THIRD_PARTY + S12_THIRD_PARTY + S13_THIRD_PARTY + S14_THIRD_PARTY


@dataclass
class Scan:
    """What the rules saw in one normalized message."""

    masked: str
    masks: list[tuple[str, str]] = field(default_factory=list)  # (mask name, span)
    hits: list[tuple[Rule, str]] = field(default_factory=list)
    third_party: str | None = None
    info_context: bool = False

    def kinds(self) -> set[str]:
        return {rule.kind for rule, _ in self.hits}

    def best(self, kinds: frozenset[str] | set[str]) -> float:
        return max((rule.weight for rule, _ in self.hits if rule.kind in kinds), default=0.0)

    def combined(self, kind: str) -> float:
        """Noisy-or over every match of a soft kind: several warning signs add up."""
        miss = 1.0
        for rule, _ in self.hits:
            if rule.kind == kind:
                miss *= 1.0 - rule.weight
        return 1.0 - miss


def _mask_spans(text: str, pattern: re.Pattern[str], name: str, out: list[tuple[str, str]]) -> str:
    def repl(m: re.Match[str]) -> str:
        out.append((name, m.group(0)))
        return " ⟨" + name + "⟩ "

    return pattern.sub(repl, text)


# Each rule with the text it reads (0: unmasked, 1: only harmless compounds masked, 2: all
# masks), whether each match counts, and the literals one of which any match contains (None:
# always searched; see psylite.safety.literals), in RULES order, built once per set of scripts
# a message contains: a zh rule cannot match text without ideographs (nor an en rule text
# without letters), and skipping them halves the cost of long messages.
_Step = tuple[Rule, int, bool, "frozenset[str] | None"]
_REQUIRED = {id(rule): required(rule.pattern) for rule in RULES}


def _steps(has_zh: bool, has_en: bool) -> tuple[_Step, ...]:
    return tuple(
        (
            rule,
            # Mood rules read the unmasked text: 「笑死我了」 is laughter, 「累死了」 is tiredness.
            0 if rule.kind in _MOOD_KINDS else 1 if rule.kind in REFUSE_KINDS else 2,
            rule.kind in _SOFT_KINDS,
            _REQUIRED[id(rule)],
        )
        for rule in RULES
        if (has_zh or not rule.name.startswith("zh:"))
        and (has_en or not rule.name.startswith("en:"))
    )


_STEPS = {(zh, en): _steps(zh, en) for zh in (False, True) for en in (False, True)}
_GatedMask = tuple[str, re.Pattern[str], "frozenset[str] | None"]
_BENIGN_MASKS: tuple[_GatedMask, ...] = tuple(
    (n, p, required(p)) for n, p in MASKS if n == "benign_phrase"
)
_OTHER_MASKS: tuple[_GatedMask, ...] = tuple(
    (n, p, required(p)) for n, p in MASKS if n != "benign_phrase"
)
#: … less the hyperbole masks, for a message that says it is not exaggerating: 「呢份工做到我想死，
#: 我係講真，唔係講笑」 means the wish (session 19, fresh writers)
_OTHER_MASKS_IN_EARNEST: tuple[_GatedMask, ...] = tuple(
    m for m in _OTHER_MASKS if m[0] != "hyperbole"
)
IN_EARNEST = re.compile(
    r"我(?:是)?(?:讲|说)真的|我讲真|不是(?:在)?(?:开玩笑|讲笑|说笑)|没(?:有)?(?:在)?开玩笑|不开玩笑|"
    r"\bnot (?:joking|kidding)\b|\bi'?m (?:dead )?serious\b|\bi mean it\b"
)


def _masked_grams(before: frozenset[str], name: str) -> frozenset[str]:
    """A superset of the grams of a text after `_mask_spans` put " ⟨name⟩ " in place of
    spans: the old grams, the token's, and each character (the token's spaces too) next to
    the token's spaces (two tokens side by side meet in two spaces)."""
    token = " ⟨" + name + "⟩ "
    chars = {g for g in before if len(g) == 1} | set(token)
    return (
        before
        | grams(token)
        | frozenset(c + " " for c in chars)
        | frozenset(" " + c for c in chars)
    )


def _apply_masks(
    text: str, seen: frozenset[str], gated: tuple[_GatedMask, ...], out: list[tuple[str, str]]
) -> tuple[str, frozenset[str]]:
    """Each mask in turn over `text` (skipping those its grams `seen` rule out); the masked
    text and a superset of its grams."""
    for name, pattern, req in gated:
        if req is not None and seen.isdisjoint(req):
            continue
        before = len(out)
        text = _mask_spans(text, pattern, name, out)
        if len(out) > before:
            seen = _masked_grams(seen, name)
    return text, seen


def scan(norm: str) -> Scan:
    """Apply masks, third-party detection and every rule to normalized text. A pattern that
    cannot match (psylite.safety.literals) is not searched: the result is the same."""
    masks: list[tuple[str, str]] = []
    seen0 = grams(norm)
    masked, seen1 = _apply_masks(norm, seen0, _BENIGN_MASKS, masks)
    # Refusal rules read text with only harmless compounds masked: "help me tell her to kill
    # herself" names a third party but is still a request to hurt someone.
    benign_only = masked
    others = _OTHER_MASKS_IN_EARNEST if IN_EARNEST.search(norm) else _OTHER_MASKS
    masked, seen2 = _apply_masks(masked, seen1, others, masks)
    third: str | None = None
    for pattern in THIRD_PARTY:
        m = pattern.search(masked)
        if m is not None:
            third = m.group(0)
            masked = _mask_spans(masked, pattern, "third_party", masks)
            seen2 = _masked_grams(seen2, "third_party")
    result = Scan(
        masked=masked,
        masks=masks,
        third_party=third,
        info_context=INFO_CONTEXT.search(norm) is not None,
    )
    texts = (norm, benign_only, masked)
    seen = (seen0, seen1, seen2)
    hits = result.hits
    steps = _STEPS[_CJK_RE.search(norm) is not None, _LATIN_RE.search(norm) is not None]
    for rule, which, soft, req in steps:
        if req is not None and seen[which].isdisjoint(req):
            continue
        text = texts[which]
        if soft:
            for m in itertools.islice(rule.pattern.finditer(text), 3):
                hits.append((rule, m.group(0)))
            continue
        m = rule.pattern.search(text)
        if m is not None:
            hits.append((rule, m.group(0)))
    return result
