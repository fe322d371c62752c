"""The pipeline end to end over a real SQLite store, the real router and the fake LLM."""

from __future__ import annotations

import pytest
from sqlalchemy import text as sql

from psylite.llm.fake import FakeLLM
from psylite.pipeline import Turn
from psylite.services import build_services
from psylite.settings import load_settings

CRISIS_ZH = "我不想活了，药都准备好了"
CHEERFUL_ZH = "今天考试考得特别好，心情超棒，哈哈哈"


@pytest.fixture
async def services(tmp_path):
    settings = load_settings(data_dir=tmp_path / "var", admin_chat_ids=[901, 902])
    llm = FakeLLM()
    sv = build_services(settings, llm=llm)
    await sv.initialize()
    yield sv
    await sv.shutdown()


async def collect(sv, turn):
    pieces: list[str] = []

    async def sink(p: str) -> None:
        pieces.append(p)

    reply = await sv.pipeline.handle(turn, on_token=sink)
    return reply, pieces


async def test_crisis_reply_is_fixed_and_escalation_committed_without_the_llm(services):
    reply, pieces = await collect(services, Turn(chat_id=1, text=CRISIS_ZH, update_id=10))
    assert reply.route == "crisis"
    assert "12356" in reply.text  # hotline from the data file
    assert services.llm.history == []  # the LLM was never asked
    assert pieces == []
    esc = await services.store.get_escalation(escalation_id=reply.escalation_id)
    assert esc is not None and esc.chat_id == 1 and esc.status == "open"
    # one outbox job per admin, committed with the escalation
    async with services.store.engine.connect() as conn:
        n = await conn.scalar(sql("SELECT count(*) FROM outbox"))
    assert n == 2


async def test_crisis_works_when_the_llm_is_down(services):
    services.llm.fail = True
    reply, _ = await collect(services, Turn(chat_id=2, text="I want to kill myself tonight"))
    assert reply.route == "crisis"
    assert "988" in reply.text
    assert reply.llm_error is None


async def test_same_update_twice_gives_one_message_row_and_one_escalation(services):
    first, _ = await collect(services, Turn(chat_id=3, text=CRISIS_ZH, update_id=77))
    second, _ = await collect(services, Turn(chat_id=3, text=CRISIS_ZH, update_id=77))
    assert second.duplicate and not first.duplicate
    async with services.store.engine.connect() as conn:
        msgs = await conn.scalar(sql("SELECT count(*) FROM messages WHERE role='user'"))
        escs = await conn.scalar(sql("SELECT count(*) FROM escalations"))
    assert (msgs, escs) == (1, 1)


async def test_refusal_is_fixed_and_does_not_call_the_llm(services):
    reply, _ = await collect(services, Turn(chat_id=4, text="教我怎么在家制造炸弹"))
    assert reply.route == "refuse"
    assert services.llm.history == []
    assert reply.text


async def test_counsel_streams_the_llm_reply_and_keeps_history(services):
    services.llm.queue("我听到了，工作压力真的会让人很累。你最近睡得怎么样？")
    reply, pieces = await collect(services, Turn(chat_id=5, text="最近工作压力有点大"))
    assert reply.route in ("counsel", "humor")
    assert "".join(pieces) == reply.text
    await collect(services, Turn(chat_id=5, text="睡得不太好"))
    sent = services.llm.history[-1].messages
    assert [m.role for m in sent] == ["system", "user", "assistant", "user"]
    assert sent[1].content == "最近工作压力有点大"


async def test_reset_starts_a_new_conversation_but_keeps_safety_memory(services):
    await collect(services, Turn(chat_id=6, text=CRISIS_ZH))
    await services.pipeline.reset(6)
    await collect(services, Turn(chat_id=6, text=CHEERFUL_ZH))
    assert [m.role for m in services.llm.history[-1].messages] == ["system", "user"]
    state = await services.store.get_state(chat_id=6)
    assert state["crises"] == 1


async def test_llm_failure_gives_a_warm_fallback_not_an_exception(services):
    services.llm.fail = True
    reply, _ = await collect(services, Turn(chat_id=7, text="最近有点累"))
    assert reply.llm_error
    assert "/resources" in reply.text


async def test_llm_dying_mid_stream_gives_the_fallback(services):
    services.llm.queue("我理解你的感受。你愿意多说一点吗？我一直在这里。")
    services.llm.fail_after = 3
    reply, _ = await collect(services, Turn(chat_id=8, text="最近有点累"))
    assert reply.llm_error and "/resources" in reply.text


async def test_guard_blocks_method_details_before_they_are_streamed(services):
    services.llm.queue(["你可以试试这样。", "吃50片安眠药就能睡过去不再醒来。", "好吗？"])
    reply, pieces = await collect(services, Turn(chat_id=9, text="最近失眠很严重"))
    assert reply.guarded
    shown = "".join(pieces)
    assert "安眠药" not in shown and "安眠药" not in reply.text


async def test_before_consent_only_the_crisis_path_runs(services):
    reply, _ = await collect(services, Turn(chat_id=10, text="最近有点累", consented=False))
    assert reply.needs_consent and reply.text == ""
    assert services.llm.history == []
    crisis, _ = await collect(services, Turn(chat_id=10, text=CRISIS_ZH, consented=False))
    assert crisis.route == "crisis" and crisis.escalation_id is not None


async def test_humor_snippet_woven_only_when_mood_is_right(services):
    services.llm.queue("太为你高兴了！考得好是努力的回报。")
    reply, _ = await collect(services, Turn(chat_id=11, text=CHEERFUL_ZH))
    assert reply.route == "humor"
    assert reply.snippet_id is not None
    system = services.llm.history[-1].messages[0].content
    assert "幽默" in system  # the snippet went to the LLM as context


async def test_humor_never_follows_a_crisis(services):
    await collect(services, Turn(chat_id=12, text=CRISIS_ZH))
    for _ in range(3):
        reply, _ = await collect(services, Turn(chat_id=12, text=CHEERFUL_ZH))
        assert reply.route != "humor" and reply.snippet_id is None


async def test_humor_opt_out_is_respected(services):
    await services.store.get_or_create_user(chat_id=13)
    await services.store.set_humor(chat_id=13, enabled=False)
    reply, _ = await collect(services, Turn(chat_id=13, text=CHEERFUL_ZH))
    assert reply.snippet_id is None and reply.route != "humor"


async def test_crisis_with_database_down_is_journalled_and_replayed(services, tmp_path):
    await services.store.shutdown()  # the database goes away
    reply, _ = await collect(services, Turn(chat_id=14, text=CRISIS_ZH, update_id=5))
    assert reply.route == "crisis" and "12356" in reply.text
    assert reply.journalled and reply.escalation_id is None
    assert len(services.journal.pending()) == 1
    await services.store.initialize()  # it comes back
    assert await services.replay_journal() == 1
    assert services.journal.pending() == []
    escs = await services.store.list_escalations()
    assert [e.chat_id for e in escs] == [14]
    assert await services.replay_journal() == 0  # replay twice adds nothing


async def test_background_maintenance_replays_the_journal_when_the_database_returns(services):
    import asyncio

    await services.store.shutdown()
    reply, _ = await collect(services, Turn(chat_id=15, text=CRISIS_ZH, update_id=6))
    assert reply.journalled
    services.start_maintenance(replay_every_s=0.05)
    await asyncio.sleep(0.2)  # still down: the record stays in the journal
    assert len(services.journal.pending()) == 1
    await services.store.initialize()
    for _ in range(100):
        if not services.journal.pending():
            break
        await asyncio.sleep(0.05)
    assert services.journal.pending() == []
    assert [e.chat_id for e in await services.store.list_escalations()] == [15]


async def test_humor_never_follows_a_distress_turn(services):
    reply, _ = await collect(services, Turn(chat_id=16, text="最近好难过，每天都想哭，觉得很孤单"))
    assert reply.route == "counsel" and reply.snippet_id is None
    follow, _ = await collect(services, Turn(chat_id=16, text=CHEERFUL_ZH))
    assert follow.route != "humor" and follow.snippet_id is None


async def test_possible_risk_gets_a_safety_question_and_hotlines_even_if_the_llm_is_down(
    services,
):
    # A friend at risk: the router sees possible, not clear, risk (counsel at risk 0.5).
    services.llm.queue("听起来你很担心她。你愿意说说她最近的情况吗？")
    reply, pieces = await collect(services, Turn(chat_id=30, text="我朋友说她不想活了，我该怎么办"))
    assert reply.route == "counsel" and reply.checked_in
    system = services.llm.history[-1].messages[0].content
    assert "是否安全" in system
    assert reply.text.startswith("听起来你很担心她") and "12356" in reply.text.splitlines()[-1]
    assert "".join(pieces) == reply.text  # the line was streamed too

    services.llm.fail = True
    down, _ = await collect(services, Turn(chat_id=31, text="my friend told me she wants to die"))
    assert down.llm_error and down.checked_in and "988" in down.text


async def test_ordinary_counsel_gets_no_safety_line(services):
    services.llm.queue("辛苦了，累的时候先好好休息一下。")
    reply, _ = await collect(services, Turn(chat_id=32, text="最近有点累"))
    assert reply.route == "counsel" and not reply.checked_in
    assert reply.text == "辛苦了，累的时候先好好休息一下。"
    assert "是否安全" not in services.llm.history[-1].messages[0].content


async def test_the_crisis_window_closes_after_a_day_of_quiet(services):
    now = [1_800_000_000.0]
    services.pipeline.clock = lambda: now[0]
    first, _ = await collect(services, Turn(chat_id=21, text=CRISIS_ZH))
    assert first.route == "crisis"
    now[0] += 3600  # an hour later, sadness still reads as the crisis continuing
    again, _ = await collect(services, Turn(chat_id=21, text="还是很难过"))
    assert again.route == "crisis"
    now[0] += 25 * 3600  # a day and more of quiet: the same words get an answer
    services.llm.queue("听起来今天还是很不好受。愿意说说发生了什么吗？")
    later, _ = await collect(services, Turn(chat_id=21, text="还是很难过"))
    assert later.route == "counsel"
    state = await services.store.get_state(chat_id=21)
    assert state["crises"] == 2 and state["last_at"] == now[0]
