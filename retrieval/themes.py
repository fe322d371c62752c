"""The humor corpus's theme vocabulary.

Each theme carries a few everyday words in Chinese and English. They are indexed in
the `themes` field next to the theme name, so a user who writes "又要加班" finds the
`work` snippets even when a snippet's own text happens not to say 加班.
"""

from __future__ import annotations

THEME_WORDS: dict[str, tuple[str, ...]] = {
    "work": (
        "工作 上班 下班 加班 打卡 老板 领导 同事 开会 会议 项目 周报 报告 工位 办公室 公司 单位 职场 需求 邮件 截止 "
        "work job office boss colleague coworker meeting deadline email report project manager shift"
    ).split(),
    "study": (
        "学习 考试 复习 作业 功课 上课 老师 学校 大学 图书馆 论文 背单词 单词 笔记 课本 自习 数学 英语 毕业 考研 "
        "study exam test homework class teacher school university library thesis notes revise lecture course"
    ).split(),
    "family": (
        "家人 家里 爸爸 妈妈 我妈 我爸 爸妈 老妈 老爸 父母 奶奶 爷爷 外婆 姥姥 弟弟 妹妹 哥哥 姐姐 亲戚 过年 回家 家庭群 "
        "family mum mom dad parents grandma grandpa sister brother relatives home"
    ).split(),
    "food": (
        "吃 吃饭 做饭 下厨 菜 外卖 早餐 午饭 晚饭 饺子 火锅 面条 奶茶 咖啡 零食 厨房 菜谱 饿 好吃 "
        "food eat cook cooking dinner lunch breakfast snack recipe hungry tea coffee noodles soup kitchen"
    ).split(),
    "sleep": (
        "睡觉 睡 早睡 熬夜 晚睡 起床 闹钟 被窝 午睡 做梦 梦 困 瞌睡 枕头 懒觉 "
        "sleep bed bedtime nap alarm tired sleepy dream pillow late night"
    ).split(),
    "weather": (
        "天气 下雨 雨 大雨 暴雨 雨天 伞 雨伞 晴 阴天 刮风 风 冷 热 降温 下雪 雪 太阳 夏天 冬天 秋天 春天 回南天 "
        "weather rain rainy umbrella sunny wind windy cold hot snow summer winter forecast"
    ).split(),
    "pets": (
        "宠物 猫 猫咪 狗 狗狗 小狗 遛狗 铲屎官 鹦鹉 仓鼠 金鱼 乌龟 "
        "pet pets cat kitten dog puppy walk hamster fish parrot"
    ).split(),
    "travel": (
        "旅行 旅游 出差 度假 假期 机场 飞机 高铁 火车 行李 景点 攻略 导航 迷路 酒店 "
        "travel trip holiday vacation airport flight train luggage suitcase hotel map lost"
    ).split(),
    "tech": (
        "电脑 手机 网络 网速 wifi 路由器 软件 更新 重启 密码 代码 程序 程序员 故障 打印机 充电 电量 群聊 短视频 "
        "computer laptop phone internet software update restart password code bug printer charger app screen"
    ).split(),
    "commute": (
        "通勤 地铁 公交 堵车 早高峰 单车 开车 坐车 站台 "
        "commute subway bus traffic train drive station"
    ).split(),
    "housework": (
        "家务 打扫 收拾 整理 洗碗 洗衣服 拖地 扫地 大扫除 晾衣服 衣柜 "
        "housework chores clean cleaning tidy laundry dishes vacuum"
    ).split(),
    "hobbies": (
        "爱好 兴趣 画画 拼图 练字 摄影 下棋 手工 吉他 看书 "
        "hobby hobbies drawing puzzle photography guitar craft chess"
    ).split(),
    "music": "音乐 唱歌 歌 歌单 乐器 吉他 听歌 music song sing singing playlist guitar".split(),
    "reading": "读书 看书 书 书架 小说 阅读 read reading book books novel".split(),
    "plants": "植物 绿植 花 种花 浇水 多肉 绿萝 阳台 plant plants garden flower water".split(),
    "friends": "朋友 好友 闺蜜 兄弟 聚会 约饭 群里 friend friends party hang out".split(),
    "weekend": "周末 周六 周日 休息日 放假 weekend saturday sunday day off".split(),
    "morning": "早上 早晨 清晨 早起 早饭 morning early sunrise".split(),
    # The gentle, topic-free fallback pool; deliberately no search words.
    "general": (),
}

THEMES: frozenset[str] = frozenset(THEME_WORDS)
FALLBACK_THEME = "general"


def theme_field_text(themes: list[str] | tuple[str, ...]) -> str:
    """The text indexed in the `themes` field: each theme's name followed by its words."""
    parts: list[str] = []
    for theme in themes:
        parts.append(theme)
        parts.extend(THEME_WORDS.get(theme, ()))
    return " ".join(parts)
