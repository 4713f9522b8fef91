"""比赛设置: the show file edited in forms, checked as the operator types, saved with its comments kept; the
round-trip document under it keeps every byte it was not asked to change."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from stageshow.formats.show_document import ShowDocument
from stageshow.formats.show_file import load_show
from stageshow.reports.starter import write_starter
from stageshow.ui.settings.dialog import ShowSettingsDialog
from tests.support import DEMO_SHOW, write_show


def test_an_edit_changes_only_its_own_line(tmp_path):
    shutil.copytree(DEMO_SHOW.parent, tmp_path / "demo")
    path = tmp_path / "demo" / DEMO_SHOW.name
    before = path.read_text(encoding="utf-8").splitlines()
    document = ShowDocument.load(path)
    document.items("teams")[0]["name"] = "开发区队"
    document.items("rounds")[1]["questions"] = 15
    document.save()
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 2 and "开发区队" in changed[0][1] and "questions: 15" in changed[1][1]
    assert after[0].startswith("# The bundled demo final")  # comments kept
    show, problems = load_show(path)
    assert show is not None and show.team("T01").name == "开发区队", [p.render() for p in problems.errors]


def type_into(edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)  # QTest.keyClicks cannot type Chinese; insert() is what an input method delivers


def test_the_dialog_checks_as_the_operator_types_and_saves_with_comments(qtbot, tmp_path):
    show_path = write_starter(tmp_path / "决赛")[0]
    dialog = ShowSettingsDialog(ShowDocument.load(show_path))
    qtbot.addWidget(dialog)
    assert "检查通过：2 支队伍，4 个环节" in dialog.verdict.text()
    room = dialog.screen().availableGeometry()
    assert 800 <= dialog.width() <= room.width() and dialog.height() <= room.height()  # room for its tables
    type_into(dialog.show_tab.fields["title"], "2027年全区执法技能竞赛决赛")
    # the second team given the first team's key: the check names both, a moment later
    dialog.teams.table.item(1, 5).setText("1")
    qtbot.waitUntil(lambda: "问题" in dialog.verdict.text(), timeout=3000)
    problems = dialog.problems.toPlainText()
    assert "比赛.show.yaml" in problems and ".stageshow-check" not in problems
    assert "T02 的抢答键“1”已分配给 T01" in problems
    dialog.teams.table.item(1, 5).setText("2")
    dialog.teams.table.item(1, 1).setText("高新区代表队")
    qtbot.waitUntil(lambda: "检查通过：2 支队伍" in dialog.verdict.text(), timeout=3000)
    # a third team needs questions of its own: the check says so rather than letting the final run short
    dialog.teams.add_row()
    qtbot.waitUntil(lambda: "问题" in dialog.verdict.text(), timeout=3000)
    dialog.teams.remove_row()
    qtbot.waitUntil(lambda: "检查通过" in dialog.verdict.text(), timeout=3000)
    # a knob shows its default until it is given a value
    dialog.rounds.table.table.setCurrentCell(1, 0)
    window = dialog.rounds.knobs.findChild(QLineEdit, "knob_buzz_window")
    assert window.text() == "" and window.placeholderText() == "10"
    type_into(window, "8")
    window.textEdited.emit("8")
    dialog.check()
    assert dialog.valid and dialog.save()
    text = show_path.read_text(encoding="utf-8")
    assert "title: 2027年全区执法技能竞赛决赛" in text and "buzz_window: 8" in text
    assert "name: 高新区代表队" in text
    assert "# 比赛设置文件（由 stageshow new 生成）" in text  # the comments survive the save
    assert load_show(show_path)[0].rounds[1].rules.buzz_window == 8


def test_closing_with_unsaved_edits_asks_first(qtbot, tmp_path):
    from PySide6.QtCore import QTimer

    show_path = write_starter(tmp_path / "决赛")[0]
    before = show_path.read_bytes()
    dialog = ShowSettingsDialog(ShowDocument.load(show_path))
    qtbot.addWidget(dialog)
    type_into(dialog.show_tab.fields["subtitle"], "改了但不保存")
    dialog.show_tab.fields["subtitle"].textEdited.emit("改了但不保存")

    def answer(button) -> None:  # type: ignore[no-untyped-def]
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(50, lambda: answer(button))

    closed: list[int] = []
    dialog.finished.connect(closed.append)
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.No))
    dialog.reject()
    assert closed == [] and dialog.dirty  # "No": the edits stay in the dialog
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    dialog.reject()
    assert closed == [0]  # "Yes": closed, and nothing written
    assert show_path.read_bytes() == before


def test_a_judged_rounds_criteria_are_typed_as_names_and_maxima(qtbot, tmp_path):
    show_path = write_show(tmp_path, [{"id": "R5", "kind": "judged", "title": "情景模拟", "judges": 3}], teams=2)
    dialog = ShowSettingsDialog(ShowDocument.load(show_path))
    qtbot.addWidget(dialog)
    dialog.rounds.table.table.setCurrentCell(0, 0)
    criteria = dialog.rounds.knobs.findChild(QLineEdit, "knob_criteria")
    type_into(criteria, "执法程序 40、文书制作 30、现场处置 30")
    criteria.textEdited.emit(criteria.text())
    dialog.check()
    assert dialog.valid and dialog.save()
    rules = load_show(show_path)[0].rounds[0].rules
    assert [(line.name, line.max) for line in rules.criteria] == [("执法程序", 40), ("文书制作", 30), ("现场处置", 30)]
    assert rules.max == 100
    type_into(criteria, "执法程序 四十")  # not a number: the check says so, in the show file's words
    criteria.textEdited.emit(criteria.text())
    dialog.check()
    assert not dialog.valid and "criteria" in dialog.problems.toPlainText()


def test_the_lan_link_is_turned_on_from_the_start_with_a_tick(qtbot, tmp_path):
    show_path = write_starter(tmp_path / "决赛")[0]
    dialog = ShowSettingsDialog(ShowDocument.load(show_path))
    qtbot.addWidget(dialog)
    assert not dialog.show_tab.network.isChecked() and not dialog.show_tab.host_control.isEnabled()
    dialog.show_tab.network.setChecked(True)
    dialog.check()
    assert dialog.valid and dialog.save()
    assert "network: true" in show_path.read_text(encoding="utf-8")
    assert load_show(show_path)[0].network.host_control is False
    dialog.show_tab.host_control.setChecked(True)
    dialog.check()
    assert dialog.save() and load_show(show_path)[0].network.host_control is True
    dialog.show_tab.network.setChecked(False)
    dialog.check()
    assert dialog.save() and "network" not in show_path.read_text(encoding="utf-8")
