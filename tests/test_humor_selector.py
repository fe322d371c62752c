"""HumorSelector: topic match with fallback, no-repeat, cooldown, opt-out, persistence;
and the weaving helpers."""

from __future__ import annotations

import itertools
import json
import random

import pytest
from humor_fixtures import humor_index_fixture, labeled_queries  # noqa: F401

from psylite.humor import (
    SEPARATOR,
    HumorHistory,
    HumorSelector,
    InMemoryHistory,
    append_snippet,
    llm_used_snippet,
    weave_instruction,
)
from psylite.safety import ConversationState, Decision, Route, Router
from psylite.safety.guard import guard_output


def _lang(text: str) -> str:
    return "zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en"


def test_pick_matches_the_topic_of_the_message(humor_index):
    selector = HumorSelector(humor_index, cooldown_turns=1)
    snippet = selector.pick(chat_id=1, text="我家猫又把杯子推下去了", lang="zh", turn_no=1)
    assert snippet is not None and "pets" in snippet.themes and snippet.language == "zh"
    snippet = selector.pick(chat_id=1, text="My laptop is so slow today", lang="en", turn_no=2)
    assert snippet is not None and "tech" in snippet.themes and snippet.language == "en"


def test_pick_falls_back_to_a_gentle_general_snippet_when_nothing_matches(humor_index):
    selector = HumorSelector(humor_index, cooldown_turns=1, rng=random.Random(7))
    snippet = selector.pick(chat_id=2, text="嗯嗯，好的呀～", lang="zh", turn_no=1)
    assert snippet is not None and "general" in snippet.themes and snippet.language == "zh"


@pytest.mark.parametrize(("cooldown", "no_repeat"), [(1, 50), (3, 50), (5, 20)])
def test_no_repeat_and_cooldown_hold_over_a_200_turn_conversation(humor_index, cooldown, no_repeat):
    # The user keeps coming back to a few topics, so the best match is always a
    # snippet already told: the selector must move on to other ones.
    topics = [q for q in labeled_queries() if q["theme"] in ("work", "pets", "sleep")]
    selector = HumorSelector(humor_index, cooldown_turns=cooldown, no_repeat=no_repeat)
    told: list[tuple[int, str]] = []
    for turn, q in zip(range(1, 201), itertools.cycle(topics), strict=False):
        snippet = selector.pick(chat_id=3, text=q["query"], lang=q["lang"], turn_no=turn)
        if snippet is not None:
            told.append((turn, snippet.id))
    turns = [t for t, _ in told]
    ids = [i for _, i in told]
    assert len(told) == len(range(1, 201, cooldown))  # exactly one every `cooldown` turns
    assert all(b - a >= cooldown for a, b in itertools.pairwise(turns))
    for k, sid in enumerate(ids):
        assert sid not in ids[max(0, k - no_repeat) : k], f"{sid} repeated within {no_repeat}"
    if cooldown == 1:
        assert len(set(ids)) > no_repeat  # the window was really exercised


def test_opt_out_means_no_snippet_and_no_history(humor_index):
    selector = HumorSelector(humor_index, cooldown_turns=1)
    for turn in range(1, 30):
        assert (
            selector.pick(chat_id=4, text="今天加班", lang="zh", turn_no=turn, opted_out=True)
            is None
        )
    assert selector.export_state(4) is None
    assert selector.pick(chat_id=4, text="今天加班", lang="zh", turn_no=30) is not None


def test_no_humor_when_the_message_touches_an_excluded_theme(humor_index):
    selector = HumorSelector(humor_index, cooldown_turns=1)
    for turn, text in enumerate(["我家猫死了", "最近生病住院了", "又胖了五斤", "my dog died"], 1):
        assert selector.pick(chat_id=5, text=text, lang=_lang(text), turn_no=turn) is None


def test_users_have_independent_histories(humor_index):
    selector = HumorSelector(humor_index, cooldown_turns=10)
    a = selector.pick(chat_id=6, text="又要加班", lang="zh", turn_no=1)
    b = selector.pick(chat_id=7, text="又要加班", lang="zh", turn_no=1)
    assert a is not None and b is not None and a.id == b.id  # B's cooldown/no-repeat are B's own
    assert selector.pick(chat_id=6, text="又要加班", lang="zh", turn_no=2) is None


def test_history_round_trips_through_plain_data(humor_index):
    first = HumorSelector(humor_index, cooldown_turns=2)
    picked = [first.pick(chat_id=8, text="又要加班", lang="zh", turn_no=t).id for t in (1, 3, 5)]
    saved = json.loads(json.dumps(first.export_state(8)))  # what a store would keep
    second = HumorSelector(humor_index, cooldown_turns=2)
    second.load_state(8, saved)
    assert second.pick(chat_id=8, text="又要加班", lang="zh", turn_no=6) is None  # cooldown kept
    nxt = second.pick(chat_id=8, text="又要加班", lang="zh", turn_no=7)
    assert nxt is not None and nxt.id not in picked  # no-repeat kept


def test_malformed_saved_history_is_ignored():
    assert HumorHistory.from_dict("nonsense") == HumorHistory()
    h = HumorHistory.from_dict({"recent_ids": ["a", 3, None], "last_turn": "x"})
    assert h == HumorHistory(recent_ids=["a"], last_turn=None)


def test_a_reset_turn_counter_starts_the_cooldown_afresh(humor_index):
    selector = HumorSelector(humor_index, cooldown_turns=4)
    assert selector.pick(chat_id=9, text="下雨了", lang="zh", turn_no=40) is not None
    assert selector.pick(chat_id=9, text="下雨了", lang="zh", turn_no=41) is None
    assert selector.pick(chat_id=9, text="下雨了", lang="zh", turn_no=1) is not None


def test_in_memory_history_stays_bounded():
    store = InMemoryHistory(max_users=3)
    for chat in range(10):
        store.put(chat, HumorHistory(["x"], chat))
    assert store.get(0) is None and store.get(9) is not None


def test_humor_never_follows_a_crisis_or_distress_turn_with_the_router(humor_index):
    """The wiring the pipeline uses: only a `humor` decision asks the selector."""
    router = Router.default()
    selector = HumorSelector(humor_index, cooldown_turns=1)
    state = ConversationState()
    script = ["今天天气真好，心情不错，哈哈", "我家猫太可爱了，好开心", "我不想活了，撑不下去了"]
    script += ["今天天气真好，心情不错，哈哈", "周末去吃火锅啦，好开心"] * 4
    told = {}
    for text in script:
        decision = router.route(text, state=state)
        if decision.route is Route.HUMOR:
            snippet = selector.pick(chat_id=10, text=text, lang="zh", turn_no=state.turns)
            if snippet is not None:
                told[state.turns] = snippet
    crisis_turn = 3
    assert [t for t in told if t < crisis_turn]  # humor happens in a good mood ...
    assert not [t for t in told if crisis_turn <= t <= crisis_turn + 3]  # ... never right after
    # and the output guard drops an appended snippet when risk rose meanwhile
    risen = Decision(Route.COUNSEL, 0.5, ("risk rose",), "zh", True)
    woven = append_snippet("我在这里陪你。", next(iter(told.values())), "zh")
    assert guard_output(woven, risen).blocked
    woven_en = append_snippet("I'm here with you.", humor_index.get("en-work-001"), "en")
    assert guard_output(woven_en, Decision(Route.COUNSEL, 0.5, (), "en", True)).blocked


# --------------------------------------------------------------------------- weaving


def test_weave_instruction_puts_counselling_first_and_makes_the_snippet_optional(humor_index):
    snippet = humor_index.get("zh-work-001")
    zh = weave_instruction(snippet, "zh")
    assert snippet.text in zh and "第一位" in zh and "不贴合" in zh and "不要拿用户开玩笑" in zh
    en = weave_instruction(humor_index.get("en-work-001"), "en")
    assert "first" in en and "leave it out" in en and "never joke about the user" in en


def test_append_snippet_adds_a_clearly_separated_block(humor_index):
    snippet = humor_index.get("zh-pets-001")
    out = append_snippet("听起来今天挺累的，先好好歇一歇。\n", snippet, "zh")
    body, tail = out.split("\n\n", 1)
    assert body == "听起来今天挺累的，先好好歇一歇。"
    assert tail == f"{SEPARATOR['zh']}\n{snippet.text}"
    assert append_snippet("", snippet, "en").startswith(SEPARATOR["en"])


def test_llm_used_snippet_detects_quotes_and_light_rephrasing(humor_index):
    pets = humor_index.get("zh-pets-001")  # 听得懂“吃饭”，听不懂“下来”
    assert llm_used_snippet("先抱抱你。顺便说一句，" + pets.text, pets)
    assert llm_used_snippet("猫就是这样：听得懂吃饭，听不懂下来，哈哈，别太往心里去。", pets)
    en = humor_index.get("en-tech-003")  # "I fixed the bug!" "It brought friends."
    assert llm_used_snippet(
        "That sounds frustrating. As they say: you fix the bug, it brought friends.", en
    )


def test_llm_used_snippet_is_false_for_an_ordinary_reply(humor_index):
    pets = humor_index.get("zh-pets-001")
    reply = "听起来你今天真的很累，工作的事情一件接一件。愿意和我说说最让你心烦的是哪一件吗？"
    assert not llm_used_snippet(reply, pets)
    en = humor_index.get("en-tech-003")
    assert not llm_used_snippet(
        "That sounds like a long day. What part of it weighed on you most?", en
    )
    assert not llm_used_snippet("", en)
