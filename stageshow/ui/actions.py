"""The host's hotkeys as QActions with stable object names, shared by both windows; shortcuts are saved."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence

from stageshow.ui.tr import tr, tr_noop


@dataclass(frozen=True)
class ActionSpec:
    name: str
    label: str
    key: str


SPECS = [
    ActionSpec("action_primary", tr_noop("下一步"), "Space"),
    ActionSpec("action_correct", tr_noop("正确"), "Y"),
    ActionSpec("action_wrong", tr_noop("错误"), "N"),
    ActionSpec("action_timeout", tr_noop("超时"), "T"),
    ActionSpec("action_reveal", tr_noop("揭晓"), "R"),
    ActionSpec("action_undo", tr_noop("撤销"), "Ctrl+Z"),
    ActionSpec("action_pause", tr_noop("暂停/继续计时"), "P"),
    ActionSpec("action_add_time", tr_noop("加时 10 秒"), "="),
    ActionSpec("action_adjust", tr_noop("调整分数…"), "Ctrl+J"),
    ActionSpec("action_blackout", tr_noop("黑屏"), "B"),
    ActionSpec("action_logo", tr_noop("标题画面"), "L"),
    ActionSpec("action_teams", tr_noop("参赛队伍"), "D"),
    ActionSpec("action_chart", tr_noop("比分走势图"), "H"),
    ActionSpec("action_bars", tr_noop("实时比分"), "S"),
    # The inputs of particular rounds: Ctrl with a key, which no buzzer ever is.
    ActionSpec("action_tier_1", tr_noop("风险题：选第 1 档"), "Ctrl+1"),
    ActionSpec("action_tier_2", tr_noop("风险题：选第 2 档"), "Ctrl+2"),
    ActionSpec("action_tier_3", tr_noop("风险题：选第 3 档"), "Ctrl+3"),
    ActionSpec("action_pass", tr_noop("风险题：放弃"), "Ctrl+0"),
    ActionSpec("action_found", tr_noop("录入找到的错误…"), "Ctrl+F"),
    ActionSpec("action_panel", tr_noop("录入评委评分…"), "Ctrl+E"),
    ActionSpec("action_votes", tr_noop("录入大众评委投票…"), "Ctrl+U"),
    ActionSpec("action_voting", tr_noop("开始/结束手机投票"), "Ctrl+G"),
    ActionSpec("action_unlock", tr_noop("解锁评委评分…"), "Ctrl+K"),
    ActionSpec("action_video", tr_noop("播放/暂停视频"), "Ctrl+P"),
    ActionSpec("action_replay", tr_noop("重播视频"), "Ctrl+R"),
    ActionSpec("action_zoom_in", tr_noop("放大文书"), "Ctrl+="),
    ActionSpec("action_zoom_out", tr_noop("缩小文书"), "Ctrl+-"),
    ActionSpec("action_zoom_reset", tr_noop("文书还原"), "Ctrl+Backspace"),
]
TIER_ACTIONS = ("action_tier_1", "action_tier_2", "action_tier_3")


def build_actions(parent: QObject, settings: QSettings) -> dict[str, QAction]:
    actions = {}
    for spec in SPECS:
        action = QAction(tr(spec.label), parent)
        action.setObjectName(spec.name)
        key = settings.value(f"shortcuts/{spec.name}", spec.key)
        action.setShortcut(QKeySequence(str(key)))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        actions[spec.name] = action
    return actions


def rebind(action: QAction, key: str, settings: QSettings) -> None:
    action.setShortcut(QKeySequence(key))
    settings.setValue(f"shortcuts/{action.objectName()}", key)
