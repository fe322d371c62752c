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
        # lexicon: pinyin initials, homophones, whole pinyin, Cantonese, emoji, glued words
        ("我想zs", "我想紫砂"),
        ("好想xs啊", "好想死啊"),
        ("我想自鲨", "我想紫砂"),
        ("好想去4啊", "好想去死啊"),
        ("wo bu xiang huo le", "我不想活了"),
        ("活唔落去喇", "活不下去了"),
        ("唔想做人喇", "不想活了"),
        ("我唔想再醒返嚟", "我不想再醒过来"),
        ("我想 ✂️ 自己的手", "我想割自己的手"),
        ("🪢 ready", "rope ready"),
        ("Iwanttodie", "i want to die"),
        ("今晚就kms了", "今晚就 kms 了"),
        ("my step dad", "my stepdad"),
        ("紫砂壶", "紫砂壶"),
        ("做人要诚实", "做人要诚实"),
        ("我想4点走", "我想4点走"),
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
