import asyncio

from psylite.llm.fake import FakeLLM
from psylite.safety import ConversationState, Route, Router, crisis_reply, llm_second_opinion
from psylite.safety.second_opinion import parse_judgement

AMBIGUOUS = "我朋友说她想自杀，我也有点那种感觉"  # third party + own hint: the ambiguous band


def test_parse_judgement_reads_the_first_digit_or_none() -> None:
    assert parse_judgement(" 0") == 0 and parse_judgement("答案：2") == 2
    assert parse_judgement("I think this is normal") is None


async def test_second_opinion_danger_raises_an_ambiguous_message_to_crisis() -> None:
    llm = FakeLLM(["0"])
    router = Router.default(second_opinion=llm_second_opinion(llm))
    base = router.route(AMBIGUOUS)
    assert base.route is Route.COUNSEL and 0.35 <= base.risk < 0.69
    d = await router.route_async(AMBIGUOUS, state=ConversationState())
    assert d.route is Route.CRISIS and d.risk >= 0.8 and len(llm.history) == 1


async def test_second_opinion_cannot_lower_risk() -> None:
    router = Router.default(second_opinion=llm_second_opinion(FakeLLM(["2"])))
    base = router.route(AMBIGUOUS)
    d = await router.route_async(AMBIGUOUS)
    assert d.route is base.route and d.risk == base.risk


async def test_clear_crisis_never_waits_for_the_llm() -> None:
    llm = FakeLLM(["2"])
    router = Router.default(second_opinion=llm_second_opinion(llm))
    d = await router.route_async("I want to kill myself")
    assert d.route is Route.CRISIS and llm.history == []


async def test_crisis_path_works_with_the_llm_backend_failing() -> None:
    router = Router.default(second_opinion=llm_second_opinion(FakeLLM(fail=True)))
    assert (await router.route_async("我不想活了")).route is Route.CRISIS
    d = await router.route_async(AMBIGUOUS)
    assert d.route is Route.COUNSEL and "second opinion: unavailable" in d.reasons
    assert "12356" in crisis_reply(d.lang)  # fixed text, no LLM involved


async def test_slow_second_opinion_times_out_without_blocking() -> None:
    async def slow(text: str) -> float | None:
        await asyncio.sleep(5)
        return 1.0

    router = Router.default(second_opinion=slow, second_opinion_timeout=0.05)
    d = await router.route_async(AMBIGUOUS)
    assert d.route is Route.COUNSEL and "second opinion: timed out" in d.reasons
