"""Damaged workbooks (zip and XML level, fixed seed): our located messages only, never an exception."""

from __future__ import annotations

from stageshow.formats.problems import Problems
from stageshow.formats.show_file import read_bank
from tests.support import PROJECT
from tests.workbook_mutations import sample

SOURCE = PROJECT / "question_sets" / "banks" / "excel-demo.xlsx"


def test_damaged_workbooks_give_messages_not_exceptions(tmp_path):
    outcomes = {"read": 0, "refused": 0}
    for path in sample(SOURCE, tmp_path, count=200, seed=2026):
        problems = Problems()
        found = read_bank(path, problems)  # raising here fails the test with the file that did it
        assert found or problems.errors, path
        for problem in problems.items:
            assert problem.render()  # every problem renders to words
        outcomes["read" if found else "refused"] += 1
    assert outcomes["refused"] > 20 and outcomes["read"] > 20, outcomes  # the sample damages both ways


def test_damaged_word_banks_give_messages_not_exceptions(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("一、单选题")
    for number in range(1, 6):
        document.add_paragraph(f"{number}. 行政处罚的追责期限一般为（ ）。")
        document.add_paragraph("A. 一年　B. 二年　C. 三年　D. 五年")
        document.add_paragraph("答案：B")
    source = tmp_path / "题库.docx"
    document.save(str(source))
    for path in sample(source, tmp_path, count=120, seed=7):
        docx_path = path.with_suffix(".docx")
        path.rename(docx_path)
        problems = Problems()
        found = read_bank(docx_path, problems)
        assert found or problems.errors, docx_path
