import gc
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_fixtures import *  # noqa: F403  (pytest fixtures)

from psylite.safety import ConversationState, Decision, Route, Router, guard_output

TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=2000),
    st.sampled_from(
        ["我想死", "kms", "笑死", "\x00", "\ufeff", "<script>", "'; drop table x; --", "🙂" * 50]
    ).flatmap(lambda seed: st.text(max_size=40).map(lambda t: seed + t)),
)
SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def warm_router(router: Router) -> Router:
    router.route("warm up")  # the first message loads jieba's dictionary (~0.2 s, once a process)
    return router


@SETTINGS
@given(text=TEXT, humor=st.booleans())
def test_any_string_gives_a_valid_decision_quickly(
    warm_router: Router, text: str, humor: bool
) -> None:
    router = warm_router
    gc.disable()  # a collection of the whole test session's heap is not the router's time
    try:
        start = time.thread_time()
        d = router.route(text, humor_allowed=humor)
        elapsed = time.thread_time() - start
    finally:
        gc.enable()
    assert isinstance(d, Decision) and isinstance(d.route, Route)
    assert 0.0 <= d.risk <= 1.0 and d.lang in ("zh", "en")
    assert all(isinstance(r, str) for r in d.reasons)
    assert humor or d.route is not Route.HUMOR
    assert elapsed < 0.05


@SETTINGS
@given(texts=st.lists(TEXT, max_size=8))
def test_state_stays_valid_and_serializable_over_any_conversation(
    router: Router, texts: list[str]
) -> None:
    state = ConversationState()
    for t in texts:
        d = router.route(t, state=state)
        assert d.route in Route
    assert ConversationState.from_dict(state.to_dict()) == state
    assert state.turns == len(texts)


@SETTINGS
@given(text=TEXT)
def test_guard_never_raises(router: Router, text: str) -> None:
    result = guard_output(text, router.route("hi"))
    assert isinstance(result.text, str) and isinstance(result.blocked, bool)
