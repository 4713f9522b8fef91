"""The tabs of 比赛设置: the show (title, base score, banks, tie-break, awards), the teams, the rounds."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from stageshow.domain.model import RULES_BY_KIND, RoundKind
from stageshow.formats.knobs import KNOBS
from stageshow.formats.show_document import ShowDocument, flow_list, flow_map, plain_value
from stageshow.ui.settings.item_table import Column, ItemTable, field_column
from stageshow.ui.tr import tr, tr_noop

KIND_WORDS = {
    RoundKind.COMPULSORY: tr_noop("必答题"),
    RoundKind.BUZZ: tr_noop("抢答题"),
    RoundKind.RISK: tr_noop("风险题"),
    RoundKind.CORRECTION: tr_noop("纠错题"),
    RoundKind.JUDGED: tr_noop("评分题（情景模拟等）"),
}
KNOB_WORDS = {
    "per_team": tr_noop("每队题数"),
    "order": tr_noop("顺序"),
    "correct": tr_noop("答对得分"),
    "wrong": tr_noop("答错得分"),
    "timeout": tr_noop("超时得分"),
    "time_limit": tr_noop("作答时限（秒）"),
    "questions": tr_noop("题数"),
    "answer_time": tr_noop("作答时间（秒）"),
    "buzz_window": tr_noop("抢答时限（秒）"),
    "early_press": tr_noop("提前抢答扣分"),
    "after_wrong": tr_noop("答错后（close 结束 / reopen 再抢）"),
    "tie": tr_noop("同时按下（rearm 重抢 / seat 按台号）"),
    "tiers": tr_noop("分值档位（用、分隔）"),
    "wrong_factor": tr_noop("答错扣分倍数"),
    "allow_pass": tr_noop("可以放弃（是/否）"),
    "discussion_time": tr_noop("讨论时间（秒）"),
    "per_error": tr_noop("每找对一处得分"),
    "wrong_claim": tr_noop("每处误报得分"),
    "cap": tr_noop("本题最高分"),
    "floor": tr_noop("本题最低分"),
    "show_error_count": tr_noop("显示错误数（是/否）"),
    "replays": tr_noop("视频重播次数"),
    "judges": tr_noop("评委人数"),
    "max": tr_noop("满分"),
    "drop_extremes": tr_noop("去掉最高分和最低分（是/否）"),
    "weight": tr_noop("评委分权重"),
    "per_vote": tr_noop("大众评委每票得分"),
    "criteria": tr_noop("评分项（名称 满分，用、分隔）"),
    "votes_per_ballot": tr_noop("每部手机最多投几队"),
}
_SEPARATORS = re.compile(r"[、,，;；\s]+")


def _words_list(text: str) -> Any:
    return flow_list([plain_value(part) for part in _SEPARATORS.split(text.strip()) if part])


def _list_text(value: Any) -> str:
    if isinstance(value, list):  # tiers (10、20、30) or criteria (执法程序 40、文书制作 30)
        return "、".join(f"{item.get('name')} {item.get('max')}" if isinstance(item, dict) else str(item)
                        for item in value)
    return "" if value is None else str(value)


def _criteria_list(text: str) -> Any:
    """"执法程序 40、文书制作 30" → [{name: 执法程序, max: 40}, …]; the loader names anything it cannot read."""
    lines = []
    for part in re.split(r"[、,，;；]+", text.strip()):
        name, _, most = part.strip().rpartition(" ")
        lines.append(flow_map({"name": name.strip() or most, "max": plain_value(most) if name else None}))
    return flow_list(lines)


class ShowTab(QWidget):
    """Title, subtitle, base score, the banks the show draws on, the tie-break pool and the awards."""

    changed = Signal()

    def __init__(self, document: ShowDocument) -> None:
        super().__init__()
        self.document = document
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key, words in (("title", tr("比赛名称")), ("subtitle", tr("副标题")), ("base_score", tr("基础分"))):
            edit = QLineEdit(_list_text(document.data.get(key)))
            edit.setObjectName(f"setting_{key}")
            edit.textEdited.connect(lambda text, key=key: self._set(key, text))
            form.addRow(words, edit)
            self.fields[key] = edit
        tiebreak = document.data.get("tiebreak")
        self.tiebreak = QLineEdit(str(tiebreak.get("pool", "")) if hasattr(tiebreak, "get") else "")
        self.tiebreak.setPlaceholderText(tr("不加赛时留空"))
        self.tiebreak.textEdited.connect(self._on_tiebreak_text_edited)
        form.addRow(tr("加赛题库（环节名）"), self.tiebreak)
        network = document.data.get("network")
        self.network = QCheckBox(tr("开赛即开启局域网连接（评委平板、观众投票、主持人、镜像屏幕）"))
        self.network.setObjectName("setting_network")
        self.network.setChecked(bool(network))
        self.host_control = QCheckBox(tr("主持人页面可按“下一题”“开始”（按两次确认）"))
        self.host_control.setObjectName("setting_host_control")
        self.host_control.setChecked(hasattr(network, "get") and bool(network.get("host_control")))
        self.host_control.setEnabled(self.network.isChecked())
        for box in (self.network, self.host_control):
            box.toggled.connect(self._write_network)
            form.addRow("", box)
        banks = ItemTable(document, "questions", [
            Column(tr("题库文件（相对于比赛文件所在文件夹）"), _bank_file, _write_bank_file),
            Column(tr("全部题目归入环节（可空）"), _bank_pool, _write_bank_pool),
        ], lambda _n: {"file": "题库.xlsx"})
        awards = ItemTable(document, "awards", [field_column(tr("奖项"), "name"),
                                                field_column(tr("名额"), "count", plain_value)],
                           lambda _n: {"name": "优秀奖", "count": 1})
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for title, table in ((tr("题库"), banks), (tr("奖项（按名次依次颁发，同分并列）"), awards)):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            table.changed.connect(self.changed)
            layout.addWidget(box, 1)

    def _set(self, key: str, text: str) -> None:
        self.document.set(self.document.data, key, plain_value(text) if key == "base_score" else text.strip())
        self.changed.emit()

    def _write_network(self) -> None:
        """`network: true`, or a mapping keeping a port already written there; removed when the box is cleared."""
        value: Any = None
        if self.network.isChecked():
            old = self.document.data.get("network")
            value = {key: item for key, item in (("port", old.get("port") if hasattr(old, "get") else None),
                                                  ("host_control", self.host_control.isChecked() or None)) if item}
            value = flow_map(value) if value else True
        self.host_control.setEnabled(self.network.isChecked())
        self.document.set(self.document.data, "network", value)
        self.changed.emit()

    def _on_tiebreak_text_edited(self, text: str) -> None:
        self.document.set(self.document.data, "tiebreak", {"pool": text.strip()} if text.strip() else None)
        self.changed.emit()


def _bank_file(entry: Any) -> str:
    return str(entry.get("file", "")) if hasattr(entry, "get") else str(entry)


def _bank_pool(entry: Any) -> str:
    return str(entry.get("pool", "")) if hasattr(entry, "get") else ""


def _write_bank_file(items: list, row: int, text: str) -> None:  # type: ignore[type-arg]
    if hasattr(items[row], "get"):
        items[row]["file"] = text.strip()
    else:
        items[row] = text.strip()


def _write_bank_pool(items: list, row: int, text: str) -> None:  # type: ignore[type-arg]
    if not hasattr(items[row], "get"):
        if not text.strip():
            return
        from ruamel.yaml.comments import CommentedMap

        entry = CommentedMap({"file": items[row]})
        entry.fa.set_flow_style()
        items[row] = entry
    if text.strip():
        items[row]["pool"] = text.strip()
    else:
        items[row].pop("pool", None)


def _team_key(entry: Any) -> str:
    buzzer = entry.get("buzzer") if hasattr(entry, "get") else None
    return str(buzzer.get("key", "")) if hasattr(buzzer, "get") else ""


def _write_team_key(items: list, row: int, text: str) -> None:  # type: ignore[type-arg]
    if text.strip():
        buzzer = items[row].get("buzzer")
        if hasattr(buzzer, "get"):
            buzzer["key"] = text.strip()
        else:
            from ruamel.yaml.comments import CommentedMap

            buzzer = CommentedMap({"key": text.strip()})
            buzzer.fa.set_flow_style()
            items[row]["buzzer"] = buzzer
    else:
        items[row].pop("buzzer", None)


def teams_table(document: ShowDocument) -> ItemTable:
    return ItemTable(document, "teams", [
        field_column(tr("编号"), "id"), field_column(tr("队名"), "name"), field_column(tr("简称"), "short"),
        Column(tr("队员（用、分隔）"), lambda entry: _list_text(entry.get("members")),
               lambda items, row, text: items[row].__setitem__("members", _words_list(text))),
        field_column(tr("颜色（如 #E53935）"), "color"),
        Column(tr("抢答键"), _team_key, _write_team_key),
    ], lambda n: {"id": f"T{n:02d}", "name": f"第{n}代表队", "members": flow_list([])})


class RoundsTab(QWidget):
    """The rounds in order, and below them every knob of the selected round with its default shown."""

    changed = Signal()

    def __init__(self, document: ShowDocument) -> None:
        super().__init__()
        self.document = document
        kinds = tuple((tr(words), kind.value) for kind, words in KIND_WORDS.items())
        self.table = ItemTable(document, "rounds", [
            field_column(tr("编号"), "id"), Column(tr("类型"), lambda e: str(e.get("kind", "")),
                                                   self._write_kind, kinds),
            field_column(tr("名称"), "title"), field_column(tr("题库中的环节名"), "pool"),
        ], lambda n: {"id": f"R{n}", "kind": "compulsory", "title": f"第{n}轮", "pool": "必答"})
        self.table.changed.connect(self.changed)
        self.table.selected.connect(self.show_knobs)
        self.knobs = QGroupBox(tr("所选环节的参数（留空即用默认值，默认值以灰字显示）"))
        self.knob_form = QFormLayout(self.knobs)
        scroll = QScrollArea()  # a buzz round has nine knobs: they scroll on a 768-pixel screen
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.knobs)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setSizes([200, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.show_knobs(0)

    def _write_kind(self, items: list, row: int, value: str) -> None:  # type: ignore[type-arg]
        items[row]["kind"] = value
        self.show_knobs(row)

    def show_knobs(self, row: int) -> None:
        while self.knob_form.rowCount():
            self.knob_form.removeRow(0)
        rounds = self.document.items("rounds")
        if not 0 <= row < len(rounds):
            return
        entry = rounds[row]
        try:
            kind = RoundKind(entry.get("kind"))
        except ValueError:
            self.knob_form.addRow(QLabel(tr("请先选择环节类型")))
            return
        defaults = {field.name: field.default for field in dataclasses.fields(RULES_BY_KIND[kind])}
        for name in KNOBS[kind]:
            edit = QLineEdit(_list_text(entry.get(name)))
            edit.setObjectName(f"knob_{name}")
            default = defaults.get(name)
            edit.setPlaceholderText(_list_text(list(default)) if isinstance(default, tuple)
                                    else "—" if default is None else str(default))
            edit.textEdited.connect(lambda text, name=name, entry=entry: self._set_knob(entry, name, text))
            self.knob_form.addRow(f"{tr(KNOB_WORDS.get(name, name))}　{name}", edit)
        self.knobs.setMinimumHeight(self.knob_form.sizeHint().height())  # rows keep their height: the area scrolls

    def _set_knob(self, entry: Any, name: str, text: str) -> None:
        if name == "tiers" and text.strip():
            value = _words_list(text)
        elif name == "criteria" and text.strip():
            value = _criteria_list(text)
        else:
            value = plain_value(text)
        self.document.set(entry, name, value)
        self.changed.emit()
