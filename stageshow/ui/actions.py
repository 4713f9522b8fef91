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
]


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
