# ruff: noqa: F811  (pytest injects the imported fixtures by parameter name)
"""Chunking under Telegram's limit and streamed edits, against the fake Bot API."""

from __future__ import annotations

import asyncio
import itertools

from bot_fixtures import api, ext_bot  # noqa: F401
from fake_telegram import FakeBotAPI
from telegram.ext import ExtBot

from bot.streaming import TELEGRAM_LIMIT, StreamingReply, split_text, utf16_len


def test_split_keeps_every_character_and_stays_under_the_limit() -> None:
    text = ("我今天很难过。" * 400) + ("It hurts. " * 500)
    chunks = split_text(text)
    assert len(chunks) > 1
    assert all(utf16_len(c) <= TELEGRAM_LIMIT for c in chunks)
    assert "".join(chunks).replace(" ", "") == text.replace(" ", "")


def test_split_cuts_at_sentence_boundaries() -> None:
    text = "。".join(["这是一句话" * 20] * 60) + "。"
    for chunk in split_text(text)[:-1]:
        assert chunk.endswith("。")


def test_split_counts_emoji_as_two_utf16_units() -> None:
    text = "😀" * 3000  # 6000 UTF-16 units: over the limit although len() is 3000
    chunks = split_text(text)
    assert len(chunks) == 2
    assert all(utf16_len(c) <= TELEGRAM_LIMIT for c in chunks)


def test_short_text_is_one_chunk_and_blank_is_none() -> None:
    assert split_text("  hi  ") == ["hi"]
    assert split_text("   ") == []


async def test_streaming_edits_one_message_at_most_once_per_interval(
    api: FakeBotAPI, ext_bot: ExtBot
) -> None:
    stream = StreamingReply(ext_bot, 42, interval=0.2)
    for i in range(30):
        await stream.on_token(f"word{i} ")
        await asyncio.sleep(0.02)
    final = " ".join(f"word{i}" for i in range(30))
    await stream.finish(final)
    sends = api.sent(42, "sendMessage")
    edits = api.sent(42, "editMessageText")
    assert len(sends) == 1
    assert 1 <= len(edits) <= 4  # ~0.6 s of tokens at one edit per 0.2 s, plus the final
    gaps = [b.at - a.at for a, b in itertools.pairwise(edits)]
    assert all(g >= 0.15 for g in gaps[:-1])  # the final render is not throttled
    assert api.texts(42) == [final]


async def test_long_streamed_reply_becomes_several_messages_under_the_limit(
    api: FakeBotAPI, ext_bot: ExtBot
) -> None:
    stream = StreamingReply(ext_bot, 7, interval=0.0)
    sentence = "I hear how heavy this has been for you. "
    text = sentence * 300  # ~12 000 characters
    for i in range(0, len(text), 500):
        await stream.on_token(text[i : i + 500])
    await stream.finish(text)
    shown = api.texts(7)
    assert len(shown) == 3
    assert all(utf16_len(t) <= TELEGRAM_LIMIT for t in shown)
    assert all(t.endswith(".") for t in shown)
    assert " ".join(shown) == text.strip()


async def test_user_characters_are_sent_verbatim_without_parse_mode(
    api: FakeBotAPI, ext_bot: ExtBot
) -> None:
    tricky = "<b>*_[oops](x)`` & </i> 1 < 2 > 0"
    stream = StreamingReply(ext_bot, 9)
    await stream.finish(tricky)
    call = api.sent(9, "sendMessage")[0]
    assert call.text == tricky
    assert "parse_mode" not in call.params


async def test_final_text_replaces_a_different_preview(api: FakeBotAPI, ext_bot: ExtBot) -> None:
    stream = StreamingReply(ext_bot, 5, interval=0.0)
    await stream.on_token("something the guard later replaces")
    await stream.finish("A safe reply.")
    assert api.texts(5) == ["A safe reply."]
