import re

import yaml

from psylite.safety import crisis_reply, refusal_reply, resources_text
from psylite.safety.replies import hotlines
from retrieval.resources import hotlines_path


def test_hotline_file_entries_are_complete_and_honest_about_verification() -> None:
    data = yaml.safe_load(hotlines_path().read_text(encoding="utf-8"))
    assert len(data["hotlines"]) >= 8
    for e in data["hotlines"]:
        for key in (
            "id",
            "name",
            "number",
            "hours",
            "region",
            "lang",
            "source",
            "checked",
            "verify",
        ):
            assert key in e, (e.get("id"), key)
        assert e["name"].get("zh") and e["name"].get("en")
        if e["checked"]:
            # a checked date only where a source was actually looked up
            assert (
                e["source"]
                and re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["checked"])
                and e["verify"] is False
            )
        else:
            assert e["verify"] is True


def test_crisis_reply_zh_lists_chinese_hotlines_from_the_data_file() -> None:
    text = crisis_reply("zh")
    for number in ("12356", "400-161-9995", "110", "120"):
        assert number in text
    assert "988" not in text


def test_crisis_reply_en_lists_us_uk_eu_lines() -> None:
    text = crisis_reply("en")
    for number in ("988", "116 123", "112", "911"):
        assert number in text


def test_crisis_reply_for_a_region_and_unknown_region() -> None:
    assert "116 123" in crisis_reply("en", region="uk") and "988" not in crisis_reply(
        "en", region="UK"
    )
    assert "988" in crisis_reply("en", region="atlantis")
    assert "12356" in crisis_reply("zh-CN")


def test_resources_text_lists_every_hotline_in_both_languages() -> None:
    for lang in ("zh", "en"):
        text = resources_text(lang)
        for h in hotlines():
            assert h.number in text


def test_refusal_is_brief_and_keeps_the_door_open() -> None:
    assert "听" in refusal_reply("zh") and len(refusal_reply("zh")) < 200
    assert "listen" in refusal_reply("en")
