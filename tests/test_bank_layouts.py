"""The banks organisers already keep, built as the tools write them (instruction rows above the header, annotated
headers, numbered option columns, all options in one cell, version sheets, merged title cells) and read question by
question: stem, options, answer, type. Every guess the reader makes is said once, as a note."""

import openpyxl
from openpyxl.styles import Alignment

from stageshow.domain.model import QuestionType
from stageshow.formats.bank_excel import read_excel_bank
from stageshow.formats.problems import Problems
from stageshow.formats.show_file import load_show
from tests.support import write_show, run_cli as stageshow

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


def test_a_csv_saved_by_chinese_excel_in_gbk_and_one_in_utf8_come_in(tmp_path):
    rows = ["填写说明：每行一题", "题目,题型,选项,正确答案,答案解析",
            "行政处罚的追责期限一般为几年？,单选题,A.一年|B.二年|C.三年,B,第三十六条",
            '"罚款可以当场收缴的情形是？",单选,"A.二十元以下\nB.一百元以下",A,',
            "行政处罚必须有法定依据。,判断题,,对,"]
    text = "\r\n".join(rows) + "\r\n"
    (tmp_path / "gbk.csv").write_bytes(text.encode("gbk"))  # "CSV (逗号分隔)" from Chinese Excel
    (tmp_path / "utf8.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # "CSV UTF-8", with its mark
    for name in ("gbk.csv", "utf8.csv"):
        problems = Problems()
        from stageshow.formats.bank_csv import read_csv_bank

        questions = [q for q, _ in read_csv_bank(tmp_path / name, problems, "必答")]
        assert [p.render(tmp_path) for p in problems.errors] == []
        assert summary(questions) == [("行政处罚的追责期限一般为几年？", S, ("一年", "二年", "三年"), "B"),
                                      ("罚款可以当场收缴的情形是？", S, ("二十元以下", "一百元以下"), "A"),
                                      ("行政处罚必须有法定依据。", T, (), "对")]
        assert questions[0].id == f"{name[:-4]}-3" and questions[0].explanation == "第三十六条"
    (tmp_path / "bad.csv").write_bytes(b"\xff\xfe\x00\x81\xff" * 10)
    problems = Problems()
    from stageshow.formats.bank_csv import read_csv_bank

    assert read_csv_bank(tmp_path / "bad.csv", problems) == []
    assert "另存为“CSV UTF-8”" in problems.errors[0].render(tmp_path)


def test_a_legacy_xls_bank_comes_in(tmp_path):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    notes = book.add_sheet("说明")
    notes.write(0, 0, "本表为题库导入模板")
    sheet = book.add_sheet("题库")
    sheet.write_merge(0, 0, 0, 5, "2026年行政执法题库")
    for column, name in enumerate(["序号", "题干（必填）", "题型（必填）", "选项A", "选项B", "正确答案（必填）"]):
        sheet.write(1, column, name)
    for row, values in enumerate([[1, "行政拘留由哪个机关决定？", "单选题", "公安机关", "市场监管部门", "A"],
                                  [2, "罚款属于行政处罚。", "判断题", "对", "错", "A"]], start=2):
        for column, value in enumerate(values):
            sheet.write(row, column, value)
    book.save(str(tmp_path / "旧题库.xls"))
    from stageshow.formats.bank_xls import read_xls_bank

    problems = Problems()
    questions = [q for q, _ in read_xls_bank(tmp_path / "旧题库.xls", problems, "必答")]
    assert [p.render(tmp_path) for p in problems.errors] == []
    assert summary(questions) == [("行政拘留由哪个机关决定？", S, ("公安机关", "市场监管部门"), "A"),
                                  ("罚款属于行政处罚。", T, ("对", "错"), "对")]
    assert any("工作表“说明”没有题目表头" in p.render(tmp_path) for p in problems.items if p.warning)
    (tmp_path / "假.xls").write_bytes(b"this is not a workbook")
    problems = Problems()
    assert read_xls_bank(tmp_path / "假.xls", problems) == []
    assert "Excel 97–2003" in problems.errors[0].render(tmp_path)


def test_a_word_bank_with_headings_numbers_and_answer_lines_comes_in(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("2026年行政执法知识题库", level=1)
    document.add_paragraph("一、单选题（每题1分）")
    document.add_paragraph("1. 行政处罚的追责期限一般为（ ）。")
    for option in ("A. 一年", "B. 二年", "C. 三年", "D. 五年"):
        document.add_paragraph(option)
    document.add_paragraph("答案：B")
    document.add_paragraph("解析：《行政处罚法》第三十六条。")
    document.add_paragraph("2、当事人申请听证的期限为（ ）。")
    document.add_paragraph("A、三日　B、五日　C、七日　D、十日")  # all options on one line
    document.add_paragraph("【答案】B")
    document.add_paragraph("二、判断题")
    document.add_paragraph("3. 行政处罚必须有法定依据。")
    document.add_paragraph("答案：对")
    document.add_paragraph("4. 执法人员可以一人执法。")
    document.add_paragraph("【答案】错")
    document.add_paragraph("【解析】执法人员不得少于两人，")
    document.add_paragraph("法律另有规定的除外。")  # a line that continues the explanation
    numbered = document.add_paragraph("下列属于行政强制措施的有 [多选题]", style="List Number")  # Word's numbering
    assert numbered.text.startswith("下列")
    document.add_paragraph("A.查封场所 B.扣押财物 C.罚款")
    document.add_paragraph("正确答案：AB")
    document.save(str(tmp_path / "题库.docx"))
    from stageshow.formats.bank_word import read_word_bank

    problems = Problems()
    questions = [q for q, _ in read_word_bank(tmp_path / "题库.docx", problems, "必答")]
    assert [p.render(tmp_path) for p in problems.errors] == []
    assert summary(questions) == [
        ("行政处罚的追责期限一般为（ ）。", S, ("一年", "二年", "三年", "五年"), "B"),
        ("当事人申请听证的期限为（ ）。", S, ("三日", "五日", "七日", "十日"), "B"),
        ("行政处罚必须有法定依据。", T, (), "对"),
        ("执法人员可以一人执法。", T, (), "错"),
        ("下列属于行政强制措施的有", M, ("查封场所", "扣押财物", "罚款"), "AB"),
    ]
    assert questions[0].explanation == "《行政处罚法》第三十六条。"
    assert questions[3].explanation == "执法人员不得少于两人，法律另有规定的除外。"
    assert [q.id for q in questions] == [f"题库-{n}" for n in range(1, 6)] and {q.pool for q in questions} == {"必答"}


def test_a_word_question_with_a_wrong_answer_is_placed_at_its_paragraph(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("1. 行政拘留由哪个机关决定？[单选题]")
    document.add_paragraph("A. 公安机关")
    document.add_paragraph("B. 市场监管部门")
    document.add_paragraph("答案：E")
    document.save(str(tmp_path / "错.docx"))
    from stageshow.formats.bank_word import read_word_bank

    problems = Problems()
    assert read_word_bank(tmp_path / "错.docx", problems) == []
    assert [p.render(tmp_path) for p in problems.errors] == ["错.docx:4: 答案“E”含有选项之外的字母（可用 A–B）"]



def test_import_writes_a_clean_bank_says_how_it_read_and_never_touches_the_source(tmp_path):
    source = kaoshibao(tmp_path / "考试宝题库.xlsx")
    book = openpyxl.load_workbook(source)
    book["题目"]["H5"] = "E"  # the 判断题 keyed E: not one of its options
    book.save(source)
    before = source.read_bytes()
    out = tmp_path / "干净题库.xlsx"
    result = stageshow("import", source, out, "--pool", "必答")
    assert result.returncode == 1  # one question could not be read: said, with its place ...
    assert "题目!A2“题干”→题干" in result.stdout and "题目!H2“正确答案”→答案" in result.stdout
    assert "考试宝题库.xlsx[题目!H5]" in result.stderr and "已写入" in result.stdout  # ... and the rest written
    assert source.read_bytes() == before  # the source is only read
    check = stageshow("check", out)
    assert check.returncode == 0 and "4 道题" in check.stdout, check.stdout + check.stderr
    again = stageshow("import", source, out, "--pool", "必答")
    assert again.returncode == 1 and "已存在" in again.stderr  # no overwrite without --force
    missing = stageshow("import", source, tmp_path / "没有这个文件夹" / "题库.xlsx", "--force")
    assert missing.returncode == 1 and "无法写入" in missing.stderr and "Traceback" not in missing.stderr
    assert stageshow("import", source, source).returncode == 2  # never onto the source


def test_a_table_without_a_type_column_tells_each_type_from_its_answer(tmp_path):
    from stageshow.formats.bank_csv import read_csv_bank

    path = tmp_path / "无题型.csv"
    path.write_text("题目,选项,答案\n期限为？,A.三日|B.五日,B\n下列正确的有？,甲|乙|丙,AC\n必须有法定依据。,,对\n"
                    "简述听证程序。,,告知、听取陈述申辩\n", encoding="utf-8")
    problems = Problems()
    questions = [q for q, _ in read_csv_bank(path, problems)]
    assert [p.render(tmp_path) for p in problems.errors] == []
    assert [q.type for q in questions] == [S, M, T, SHORT]
    assert any("没有“题型”列" in p.render(tmp_path) for p in problems.warnings)  # said once, for the whole table
