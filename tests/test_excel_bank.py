"""Excel banks: Chinese or English headers, Chinese type names, the 纠错 sheet, problems named by sheet and cell."""

import openpyxl

from stageshow.domain.model import QuestionType
from stageshow.formats.bank_excel import read_excel_bank
from stageshow.formats.checking import check_files
from stageshow.formats.problems import Problems
from stageshow.formats.show_file import load_show
from tests.support import PROJECT


def write_bank(path, rows, header=("编号", "环节", "题型", "题干", "选项A", "选项B", "选项C", "答案"),
               errors=None, sheet="题库"):
    workbook = openpyxl.Workbook()
    workbook.active.title = sheet
    workbook.active.append(list(header))
    for row in rows:
        workbook.active.append(list(row))
    if errors is not None:
        error_sheet = workbook.create_sheet("纠错")
        error_sheet.append(["题号", "错误", "更正", "区域", "时间点"])
        for row in errors:
            error_sheet.append(list(row))
    workbook.save(path)
    return path


def problems_of(path):
    problems = Problems()
    questions = read_excel_bank(path, problems)
    return questions, [p.render(path.parent) for p in problems.errors]


def test_chinese_headers_and_type_names_are_read(tmp_path):
    (tmp_path / "doc.png").write_bytes(b"png")
    path = write_bank(tmp_path / "bank.xlsx", [
        ("Q1", "必答", "单选", "题干一", "甲", "乙", "丙", "B"),
        ("Q2", "必答", "多选", "题干二", "甲", "乙", "丙", "A,C"),
        ("Q3", "抢答", "判断", "题干三", None, None, None, "错"),
    ], errors=[])
    questions, problems = problems_of(path)
    assert problems == []
    assert [(q.id, q.type, q.answer) for q, _ in questions] == [
        ("Q1", QuestionType.SINGLE, "B"), ("Q2", QuestionType.MULTIPLE, "AC"), ("Q3", QuestionType.TRUEFALSE, "错")]
    assert questions[0][0].options == ("甲", "乙", "丙")


def test_english_headers_and_planted_errors_sheet(tmp_path):
    (tmp_path / "doc.png").write_bytes(b"png")
    path = write_bank(tmp_path / "bank.xlsx", [("W1", "纠错", "document", "找错", "doc.png")],
                      header=("id", "pool", "type", "stem", "image"),
                      errors=[("W1", "缺少印章", "应加盖印章", "0.1,0.8,0.3,0.1", None),
                              ("W1", "期限错误", None, "0.1, 0.5, 0.2, 0.05", None)])
    questions, problems = problems_of(path)
    assert problems == []
    question = questions[0][0]
    assert [e.text for e in question.errors] == ["缺少印章", "期限错误"]
    assert question.errors[0].box == (0.1, 0.8, 0.3, 0.1)


def test_problems_name_the_sheet_and_cell(tmp_path):
    path = write_bank(tmp_path / "bank.xlsx", [
        ("Q1", "必答", "单选", "题干", "甲", "乙", None, "D"),
        ("Q2", "必答", "连线", "题干", None, None, None, "x"),
        ("Q3", "必答", "单选", "=1+1", "甲", "乙", None, "A"),
        ("Q5", "必答", "判断", "题干", None, None, None, "对"),
        ("Q5", "必答", "判断", "题干", None, None, None, "错"),
    ], errors=[("Q9", "某错误", None, "0,0,1,1", None)])
    _, problems = problems_of(path)
    assert "bank.xlsx[题库!H2]: 答案“D”含有选项之外的字母（可用 A–B）" in problems
    assert any(p.startswith("bank.xlsx[题库!C3]: 未知题型“连线”") for p in problems)
    assert any(p.startswith("bank.xlsx[题库!D4]: 单元格是公式") for p in problems)
    assert "bank.xlsx[纠错!A2]: 题号“Q9”在题库表中不存在" in problems
    _, all_problems = check_files([path])
    assert any(p.render(tmp_path).startswith("bank.xlsx[题库!A6]: 题目编号“Q5”重复") for p in all_problems.errors)


def test_no_question_sheet_and_broken_file(tmp_path):
    path = write_bank(tmp_path / "bank.xlsx", [("请在下一页填写题目",)], header=("填写说明",), sheet="说明")
    _, problems = problems_of(path)
    assert problems == ["bank.xlsx: 没有找到题目表：没有一个工作表在前 12 行中有“题干”列和“答案”或“题型”列（现有工作表：说明）"]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip at all")
    _, problems = problems_of(broken)
    assert len(problems) == 1 and "不是有效的 Excel" in problems[0]


def test_the_excel_demo_final_loads():
    show, problems = load_show(PROJECT / "question_sets" / "excel-demo.show.yaml")
    assert show is not None and not problems.items, [p.render() for p in problems.items]
    assert len(show.questions) >= 30
    assert any(q.errors for q in show.questions)
