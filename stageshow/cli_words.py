"""argparse's own words (usage, help headings, usage errors) in the user's language: argparse asks gettext for
them through its module-level `_`, which is pointed here before the parser is built."""

from __future__ import annotations

import argparse

from stageshow.i18n import language

CHINESE = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择：%(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多一个值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可以是 %(matches)s",
    "one of the arguments %s is required": "以下参数须给出其一：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "未知命令 %(parser_name)r（可用：%(choices)s）",
}


def install() -> None:
    """From now on argparse speaks Chinese, unless the user asked for English."""
    argparse._ = lambda text: CHINESE.get(text, text) if language() != "en" else text  # type: ignore[attr-defined]
