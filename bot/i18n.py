"""Every text the bot says, in Chinese (first) and English; `t(lang, key, **fields)`."""

from __future__ import annotations

LANGS = ("zh", "en")

TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "consent": (
            "你好，我是 PsyLite，一个陪你聊聊心事的 AI 陪伴者。\n\n"
            "• 我不是心理治疗师，也不是急救服务；如果你有危险，请立刻联系当地急救电话或发送 /resources。\n"
            "• 为了记住对话的上下文，我会保存你的消息 {days} 天，之后自动删除。\n"
            "• 如果对话中出现危险信号，值班的工作人员会看到一小段摘录，以便提供帮助。\n"
            "• 随时发送 /forget 删除你的全部数据，/privacy 查看详情。\n\n"
            "同意后我们就开始吧。"
        ),
        "agree": "同意",
        "decline": "不同意",
        "consent_thanks": "谢谢你的信任。想聊些什么都可以，我在这里听。",
        "consent_declined": (
            "好的，我不会保存你的任何消息。如果改变主意，随时发送 /start。"
            "如果你需要帮助，发送 /resources 查看求助热线。"
        ),
        "consent_needed": "在开始之前，请先看一下上面的说明，点击「同意」或「不同意」。",
        "help": (
            "我可以陪你聊聊心事。直接发消息就好。\n\n"
            "/humor on|off — 开启或关闭轻松的相声小段\n"
            "/lang zh|en — 切换语言\n"
            "/reset — 开始新的对话\n"
            "/forget — 删除我的全部数据\n"
            "/resources — 求助热线\n"
            "/privacy — 隐私说明"
        ),
        "privacy": (
            "隐私说明：你的消息保存 {days} 天用于对话上下文，之后自动删除；"
            "出现危险信号时，值班工作人员会看到一小段摘录。我们不出售、不分享你的数据。"
            "发送 /forget 可随时删除全部数据。同意版本：{policy}。"
        ),
        "humor_on": "好的，合适的时候我会讲点轻松的段子。",
        "humor_off": "好的，我不再讲段子了。",
        "humor_usage": "用法：/humor on 或 /humor off",
        "lang_set": "好的，我们用中文聊。",
        "lang_usage": "用法：/lang zh 或 /lang en",
        "reset_done": "好的，我们重新开始。想聊什么都可以。",
        "forget_confirm": "确定要删除你的全部数据（消息、设置和同意记录）吗？此操作无法撤销。",
        "forget_yes": "确定删除",
        "forget_no": "取消",
        "forget_done": "你的数据已全部删除。如果想再聊，随时发送 /start。",
        "forget_cancelled": "好的，什么都没有删除。",
        "non_text": "抱歉，我目前只能读文字消息。愿意的话，用文字告诉我你在想什么吧。",
        "group": "我只在私聊中交谈，以保护你的隐私。请点击 @{bot} 私聊我。",
        "rate_limited": "你发得有点快，我需要一点时间好好读。请稍等几秒再发，好吗？",
        "one_moment": "请稍等，我正在认真想怎么回复你……",
        "error": (
            "抱歉，我这边出了点问题，没能好好回复你。你的话很重要，请稍后再试。"
            "如果你现在很难受或有危险，请发送 /resources 查看求助热线。"
        ),
        "not_admin": "这个命令只供工作人员使用。",
    },
    "en": {
        "consent": (
            "Hi, I'm PsyLite, an AI companion you can talk things through with.\n\n"
            "• I am not a therapist and not an emergency service. If you are in danger, "
            "call your local emergency number now or send /resources.\n"
            "• To remember our conversation I store your messages for {days} days, then delete "
            "them automatically.\n"
            "• If our conversation shows signs of danger, a staff member on duty sees a short "
            "excerpt so they can help.\n"
            "• Send /forget at any time to delete all your data, /privacy for details.\n\n"
            "If that's okay with you, let's begin."
        ),
        "agree": "Agree",
        "decline": "Decline",
        "consent_thanks": "Thank you for trusting me. Tell me whatever is on your mind — I'm listening.",
        "consent_declined": (
            "Okay — I won't store anything you write. If you change your mind, send /start. "
            "If you need help, send /resources for helplines."
        ),
        "consent_needed": "Before we begin, please read the note above and press Agree or Decline.",
        "help": (
            "I'm here to listen. Just write to me.\n\n"
            "/humor on|off — light crosstalk jokes on or off\n"
            "/lang zh|en — switch language\n"
            "/reset — start a new conversation\n"
            "/forget — delete all my data\n"
            "/resources — helplines\n"
            "/privacy — how your data is handled"
        ),
        "privacy": (
            "Privacy: your messages are kept for {days} days for conversation context, then deleted "
            "automatically; if there are signs of danger, a staff member on duty sees a short "
            "excerpt. We never sell or share your data. Send /forget to delete everything at any "
            "time. Consent version: {policy}."
        ),
        "humor_on": "Okay — I'll share a light joke when the moment feels right.",
        "humor_off": "Okay — no more jokes from me.",
        "humor_usage": "Usage: /humor on or /humor off",
        "lang_set": "Okay, let's talk in English.",
        "lang_usage": "Usage: /lang zh or /lang en",
        "reset_done": "Okay, a fresh start. What would you like to talk about?",
        "forget_confirm": (
            "Delete all your data (messages, settings and consent)? This cannot be undone."
        ),
        "forget_yes": "Delete everything",
        "forget_no": "Cancel",
        "forget_done": "All your data has been deleted. Send /start whenever you want to talk again.",
        "forget_cancelled": "Okay, nothing was deleted.",
        "non_text": "Sorry, I can only read text for now. If you like, tell me in words what's on your mind.",
        "group": "I only talk in private chats, to protect your privacy. Message me at @{bot}.",
        "rate_limited": "You're writing a little fast for me — give me a few seconds to read properly, okay?",
        "one_moment": "One moment — I'm thinking about how to answer you…",
        "error": (
            "I'm sorry — something went wrong on my side and I couldn't answer properly. "
            "What you wrote matters; please try again in a little while. If you are struggling "
            "or in danger right now, send /resources for helplines."
        ),
        "not_admin": "This command is for staff only.",
    },
}

# Command descriptions registered with set_my_commands, per language.
COMMANDS: dict[str, list[tuple[str, str]]] = {
    "zh": [
        ("start", "开始 / 同意说明"),
        ("help", "帮助"),
        ("humor", "开启或关闭相声小段：on|off"),
        ("lang", "切换语言：zh|en"),
        ("reset", "开始新的对话"),
        ("forget", "删除我的全部数据"),
        ("resources", "求助热线"),
        ("privacy", "隐私说明"),
    ],
    "en": [
        ("start", "Start / consent note"),
        ("help", "Help"),
        ("humor", "Light jokes on or off: on|off"),
        ("lang", "Language: zh|en"),
        ("reset", "Start a new conversation"),
        ("forget", "Delete all my data"),
        ("resources", "Helplines"),
        ("privacy", "How your data is handled"),
    ],
}


def norm_lang(code: str | None) -> str:
    """Map a Telegram language_code (or ours) to 'zh' or 'en'; Chinese first."""
    if not code:
        return "zh"
    return "zh" if code.lower().startswith("zh") else "en"


def t(lang: str, key: str, **fields: object) -> str:
    """The text `key` in `lang` (falls back to Chinese), with fields filled in."""
    text = TEXTS.get(lang, TEXTS["zh"]).get(key) or TEXTS["zh"][key]
    return text.format(**fields) if fields else text
