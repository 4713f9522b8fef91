"""文件 → 导入题库…: the preview reads a bank as the command does, lets the operator give a column another meaning,
paints the selected question as the stage will, and saves a StageShow bank without touching the source."""

from __future__ import annotations

import openpyxl
from PySide6.QtWidgets import QComboBox

from stageshow.formats.problems import Problems
from stageshow.formats.show_file import read_bank
from stageshow.ui.console.import_dialog import ImportDialog
from tests.test_bank_layouts import kaoshibao


def unit_sheet(path):
    """A unit's sheet whose stem column is called 内容, a name no reader can guess."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "必答"
    sheet.append(["内容", "A", "B", "C", "D", "答案", "题型"])
    sheet.append(["听证应当在举行听证几日前通知当事人？", "三日", "五日", "七日", "十日", "C", "单选"])
    sheet.append(["罚款必须当场收缴。", None, None, None, None, "错", "判断"])
    book.save(path)
    return path


def combo_for(dialog: ImportDialog, header: str) -> QComboBox:
    for row in range(dialog.columns.rowCount()):
        if dialog.columns.item(row, 1).text() == header:
            return dialog.columns.cellWidget(row, 2)
    raise AssertionError(header)


def test_the_preview_shows_the_layout_the_questions_and_the_stage(qtbot, tmp_path):
    source = kaoshibao(tmp_path / "考试宝.xlsx")
    before = source.read_bytes()
    dialog = ImportDialog(source)
    qtbot.addWidget(dialog)
    assert dialog.question_list.count() == 5
    assert "第 2 行" in dialog.layout_label.text() or "2" in dialog.layout_label.text()
    assert combo_for(dialog, "题干（必填）").currentData() == "stem"
    assert combo_for(dialog, "正确答案 （必填）").currentData() == "answer"
    picture = dialog.stage.pixmap().toImage()
    assert not picture.isNull() and picture.width() == 480
    dialog.question_list.setCurrentRow(1)
    assert dialog.stage.pixmap().toImage() != picture  # each question painted on its own
    assert "✔" in dialog.card.toPlainText()  # the answer is on the operator's card, not the stage
    out = tmp_path / "导入.xlsx"
    assert "已写入" in dialog.save_to(out)
    problems = Problems()
    written = read_bank(out, problems)
    assert len(written) == 5 and not problems.errors
    assert source.read_bytes() == before


def test_a_column_given_its_meaning_is_read_at_once(qtbot, tmp_path):
    dialog = ImportDialog(unit_sheet(tmp_path / "本单位题库.xlsx"))
    qtbot.addWidget(dialog)
    assert dialog.question_list.count() == 0 and not dialog.save_button.isEnabled()
    assert "没有找到题目表" in dialog.problem_text.toPlainText()
    # the likeliest header row is listed all the same: the operator says 内容 is the stem
    content = combo_for(dialog, "内容")
    assert content.currentData() is None
    content.setCurrentIndex(content.findData("stem"))
    assert dialog.question_list.count() == 2 and dialog.save_button.isEnabled()
    assert "听证应当在举行听证几日前" in dialog.question_list.item(0).text()
    # and a column may be read past: without its answers, each question is reported at its own row
    combo_for(dialog, "答案").setCurrentIndex(combo_for(dialog, "答案").findData("ignore"))
    assert dialog.question_list.count() == 0
    assert "[必答!" in dialog.problem_text.toPlainText() and "答案" in dialog.problem_text.toPlainText()


def test_saving_over_the_source_is_refused(qtbot, tmp_path):
    source = kaoshibao(tmp_path / "考试宝.xlsx")
    before = source.read_bytes()
    dialog = ImportDialog(source)
    qtbot.addWidget(dialog)
    assert "不能与原文件相同" in dialog.save_to(source)
    assert source.read_bytes() == before
    assert "不存在" in dialog.save_to(tmp_path / "没有这个文件夹" / "x.xlsx")
