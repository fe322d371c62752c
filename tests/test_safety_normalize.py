import pytest

from psylite.safety.normalize import MAX_CHARS, detect_lang, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("我 不 想 活", "我不想活"),
        ("我.想.死", "我想死"),
        ("我想\u200b死\u200d了", "我想死了"),
        ("活著沒有意義", "活着没有意义"),
        ("Ｉ ｗａｎｔ ｔｏ ｄｉｅ", "i want to die"),
        ("k1ll mys3lf", "kill myself"),
        ("i want to d!e", "i want to die"),
        ("i w a n t  t o  d i e", "iwant to die"),
        ("soooooo sad", "sooo sad"),
        ("call 988 now", "call 988 now"),
        ("hi\x00there\x07you", "hi there you"),
    ],
)
def test_normalize_undoes_common_obfuscation(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_keeps_head_and_tail_of_very_long_input() -> None:
    text = "开头" + "啊" * 200_000 + "我想死"
    out = normalize(text)
    assert len(out) <= MAX_CHARS + 10
    assert out.startswith("开头") and out.endswith("我想死")


@pytest.mark.parametrize(
    ("text", "lang"), [("你好", "zh"), ("hello", "en"), ("मैं ठीक हूं", "en"), ("", "en")]
)
def test_detect_lang_is_zh_or_en(text: str, lang: str) -> None:
    assert detect_lang(text) == lang
