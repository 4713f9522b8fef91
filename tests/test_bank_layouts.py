"""The banks organisers already keep, built as the tools write them (instruction rows above the header, annotated
headers, numbered option columns, all options in one cell, version sheets, merged title cells) and read question by
question: stem, options, answer, type. Every guess the reader makes is said once, as a note."""

import openpyxl
from openpyxl.styles import Alignment

from stageshow.domain.model import QuestionType
from stageshow.formats.bank_excel import read_excel_bank
from stageshow.formats.problems import Problems
from stageshow.formats.show_file import load_show
from tests.support import write_show

S, M, T, SHORT = QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUEFALSE, QuestionType.SHORT


def read(path, pool=None):
    problems = Problems()
    questions = [question for question, _ in read_excel_bank(path, problems, pool)]
    return questions, [p.render(path.parent) for p in problems.errors], [p.render(path.parent) for p in problems.items
                                                                        if p.warning]


def summary(questions):
    return [(q.stem, q.type, q.options, q.answer) for q in questions]


def kaoshibao(path):
    """The 考试宝 import template: instructions merged across row 1, the header in row 2 with （必填） and (勿删)
    annotations and line breaks, a 版本号 sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "题目"
    sheet.append(["导入说明：1.题干、题型、正确答案为必填项；2.判断题选项请填写“对、错”；3.请勿删除或修改表头"])
    sheet.merge_cells("A1:K1")
    sheet.append(["题干（必填）", "题型 （必填）", "选项 A", "选项 B", "选项C", "选项D", "选项E\n(勿删)",
                  "正确答案\n（必填）", "解析", "章节", "难度"])
    sheet["A2"].alignment = Alignment(wrap_text=True)
    sheet.append(["行政处罚的追责期限一般为几年？", "单选题", "一年", "二年", "三年", "五年", None, "Ｂ",
                  "《行政处罚法》第三十六条", "总则", "易"])
    sheet.append(["下列属于行政处罚的有？", "多选题", "警告", "罚款", "行政拘留", "记过", None, "A/B/C", None, None, None])
    sheet.append(["当场处罚须出示执法证件。", "判断题", "对", "错", None, None, None, "A", None, None, None])
    sheet.append(["听证应当在举行听证的（ ）日前通知当事人。", "填空题", None, None, None, None, None, "七", None, None,
                  None])
    sheet.append(["下列哪些属于行政强制措施？", "不定项选择题", "查封", "扣押", "冻结", "罚款", None, "ABC", None, None, None])
    version = book.create_sheet("版本号")
    version.append(["v2.3"])
    book.save(path)
    return path


def motibang(path):
    """The 磨题帮 template: a title, a description and a time row, then 题干|题型|选择项1…5|解析|答案1…"""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["磨题帮题库导入模板"])
    sheet.append(["说明：选择题答案填写选项字母，判断题答案填写“正确”或“错误”"])
    sheet.append(["时间：2026-11-20"])
    sheet.append(["题干", "题型", "选择项1", "选择项2", "选择项3", "选择项4", "选择项5", "解析", "答案1", "答案2"])
    sheet.append(["行政许可的申请可以通过哪些方式提出？", "多选题", "信函", "电报", "电传", "电子数据交换", "电子邮件",
                  None, "ABCDE", None])
    sheet.append(["行政机关应当自受理之日起二十日内作出许可决定。", "判断题", None, None, None, None, None, None, "正确",
                  None])
    sheet.append(["行政强制执行包括（ ）和（ ）。", "填空题", None, None, None, None, None, None, "加处罚款或者滞纳金",
                  "划拨存款"])
    book.save(path)
    return path


def one_cell_options(path):
    """A unit's own sheet: all options in one cell (with |, with $;$, one per line), answers as people type them."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "必答题"
    sheet.append(["序号", "题目", "选项", "正确答案", "答案解析", "题型"])
    sheet.append([1, "当事人申请听证的期限为？", "A.三日|B.五日|C.七日|D.十日", "B.", "第六十四条", "单项选择题"])
    sheet.append([2, "行政强制措施种类包括？", "限制人身自由$;$查封场所$;$扣押财物$;$吊销许可证", "A|B|C", None,
                  "多项选择题"])
    sheet.append([3, "罚款可以当场收缴的情形是？", "A.二十元以下\nB.一百元以下\nC.二百元以下", "A", None, "单选"])
    sheet.append([4, "行政处罚必须有法定依据。", None, "✔", None, "判断"])
    sheet.append([5, "执法人员可以一人执法。", None, "x", None, "判断"])
    sheet.append([6, "听证由行政机关指定的非本案调查人员主持。", None, "Y", None, "判断题"])
    sheet.append([7, "没收违法所得属于行政处罚。", None, 1, None, "判断题"])
    sheet.append([8, "警告不属于行政处罚。", None, 0, None, "判断题"])
    book.save(path)
    return path


def test_a_kaoshibao_bank_comes_in_question_by_question(tmp_path):
    questions, errors, notes = read(kaoshibao(tmp_path / "考试宝题库.xlsx"), pool="必答")
    assert errors == []
    assert summary(questions) == [
        ("行政处罚的追责期限一般为几年？", S, ("一年", "二年", "三年", "五年"), "B"),  # a full-width Ｂ
        ("下列属于行政处罚的有？", M, ("警告", "罚款", "行政拘留", "记过"), "ABC"),  # A/B/C
        ("当场处罚须出示执法证件。", T, ("对", "错"), "对"),  # keyed A against its options 对/错
        ("听证应当在举行听证的（ ）日前通知当事人。", SHORT, (), "七"),
        ("下列哪些属于行政强制措施？", M, ("查封", "扣押", "冻结", "罚款"), "ABC"),  # 不定项选择题
    ]
    assert {q.pool for q in questions} == {"必答"}  # from the show file
    assert questions[0].explanation == "《行政处罚法》第三十六条"
    assert [q.id for q in questions][:2] == ["考试宝题库-题目-3", "考试宝题库-题目-4"]  # stable: file and row
    assert any("工作表“版本号”没有题目表头" in note for note in notes)
    assert any("没有“编号”列" in note for note in notes) and any("没有“环节”列" in note for note in notes)


def test_a_motibang_bank_comes_in_below_its_title_rows(tmp_path):
    questions, errors, _ = read(motibang(tmp_path / "磨题帮.xlsx"))
    assert errors == []
    assert summary(questions) == [
        ("行政许可的申请可以通过哪些方式提出？", M, ("信函", "电报", "电传", "电子数据交换", "电子邮件"), "ABCDE"),
        ("行政机关应当自受理之日起二十日内作出许可决定。", T, (), "对"),
        ("行政强制执行包括（ ）和（ ）。", SHORT, (), "加处罚款或者滞纳金；划拨存款"),  # one column per blank
    ]
    assert {q.pool for q in questions} == {"Sheet1"}  # no pool anywhere: the sheet's name, said in a note


def test_options_in_one_cell_and_answers_as_people_type_them(tmp_path):
    questions, errors, notes = read(one_cell_options(tmp_path / "单位题库.xlsx"))
    assert errors == []
    assert summary(questions) == [
        ("当事人申请听证的期限为？", S, ("三日", "五日", "七日", "十日"), "B"),
        ("行政强制措施种类包括？", M, ("限制人身自由", "查封场所", "扣押财物", "吊销许可证"), "ABC"),
        ("罚款可以当场收缴的情形是？", S, ("二十元以下", "一百元以下", "二百元以下"), "A"),
        ("行政处罚必须有法定依据。", T, (), "对"),
        ("执法人员可以一人执法。", T, (), "错"),
        ("听证由行政机关指定的非本案调查人员主持。", T, (), "对"),
        ("没收违法所得属于行政处罚。", T, (), "对"),
        ("警告不属于行政处罚。", T, (), "错"),
    ]
    assert {q.pool for q in questions} == {"必答题"}  # the sheet is the round
    assert any("选项带有自己的字母" in note for note in notes)  # said once, not per row


def test_a_missing_answer_is_reported_at_its_own_cell_under_the_users_column_name(tmp_path):
    path = kaoshibao(tmp_path / "考试宝题库.xlsx")
    book = openpyxl.load_workbook(path)
    book["题目"]["H4"] = None  # the second question's 正确答案
    book.save(path)
    _, errors, _ = read(path, pool="必答")
    assert errors == ["考试宝题库.xlsx[题目!H4]: 缺少必填字段“正确答案”"]


def test_a_show_file_gives_a_bank_its_pool_and_a_bank_with_no_questions_is_an_error(tmp_path):
    kaoshibao(tmp_path / "考试宝题库.xlsx")
    rounds = [{"id": "R1", "title": "必答", "kind": "compulsory", "pool": "必答", "per_team": 1}]
    path = write_show(tmp_path, rounds, teams=4, questions=[])
    text = path.read_text(encoding="utf-8").replace("- bank.questions.yaml", "- {file: 考试宝题库.xlsx, pool: 必答}")
    path.write_text(text, encoding="utf-8")
    show, problems = load_show(path)
    assert show is not None, [p.render() for p in problems.errors]
    assert len(show.pool("必答")) == 5
    empty = openpyxl.Workbook()
    empty.active.append(["题干", "题型", "答案"])  # a header and nothing under it
    empty.save(tmp_path / "空.xlsx")
    _, errors, _ = read(tmp_path / "空.xlsx")
    assert errors == []  # the reader finds nothing wrong ...
    from stageshow.formats.checking import check_files

    summaries, found = check_files([tmp_path / "空.xlsx"])
    assert summaries == [] and [p.render(tmp_path) for p in found.errors] == [  # ... but a bank of nothing is
        "空.xlsx: 题库中没有读出任何题目：请检查表头是否有“题干”“答案”“题型”，题目是否从表头下一行开始"]
