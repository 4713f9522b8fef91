"""Garbage in, our validation errors out: random and mutated inputs never raise from the bank readers."""

import datetime
import tempfile
from pathlib import Path

import openpyxl
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stageshow.formats.bank_excel import read_excel_bank
from stageshow.formats.bank_yaml import read_yaml_bank
from stageshow.formats.problems import Problems
from stageshow.formats.show_file import load_show
from tests.support import PROJECT

FOLDER = Path(tempfile.mkdtemp())
FIELDS = ["id", "pool", "type", "stem", "options", "answer", "explanation", "basis", "tier", "points", "time_limit",
          "image", "video", "errors", "text", "box", "at", "fix"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                    st.text(max_size=12), st.sampled_from(["single", "multiple", "truefalse", "document", "process",
                                                           "A", "ACD", "对", "../x.png", "media/ws01.png", "1e400"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                      st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6)),
                      max_leaves=20)
QUESTIONS = st.lists(st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=10), max_size=5)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DEMO_BANK = (PROJECT / "question_sets" / "banks" / "buzz.questions.yaml").read_text(encoding="utf-8")


def read_without_raising(reader, path):
    problems = Problems()
    questions = reader(path, problems)
    for problem in problems.items:
        assert problem.render(), problem  # every problem renders to a message
    return questions, problems


@SETTINGS
@given(data=st.binary(max_size=300))
def test_random_bytes(data):
    path = FOLDER / "bytes.questions.yaml"
    path.write_bytes(data)
    read_without_raising(read_yaml_bank, path)


@SETTINGS
@given(questions=QUESTIONS, wrap=st.booleans())
def test_random_structures(questions, wrap):
    path = FOLDER / "random.questions.yaml"
    document = {"questions": questions} if wrap else questions
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    read_without_raising(read_yaml_bank, path)


@SETTINGS
@given(cuts=st.lists(st.tuples(st.integers(0, len(DEMO_BANK)), st.integers(0, 40), st.text(max_size=6)),
                     min_size=1, max_size=4))
def test_mutated_real_bank(cuts):
    text = DEMO_BANK
    for position, length, insert in cuts:
        text = text[:position] + insert + text[position + length:]
    path = FOLDER / "mutated.questions.yaml"
    path.write_text(text, encoding="utf-8")
    read_without_raising(read_yaml_bank, path)


CELLS = st.one_of(st.none(), st.booleans(), st.integers(-10**9, 10**9), st.floats(allow_nan=False, width=32),
                  st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=10),
                  st.sampled_from(["=SUM(A1:A2)", "单选", "多选", "判断", "文书纠错", "A,C", "0.1,0.2,0.3,0.4", "对"]),
                  st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2030, 1, 1)))
HEADERS = ["编号", "环节", "题型", "题干", "选项A", "选项B", "选项D", "答案", "档位", "分值", "图片", "视频", "未知列"]


@SETTINGS
@given(rows=st.lists(st.lists(CELLS, min_size=0, max_size=len(HEADERS)), max_size=6),
       errors=st.lists(st.lists(CELLS, max_size=5), max_size=4))
def test_random_excel_cells(rows, errors):
    workbook = openpyxl.Workbook()
    workbook.active.title = "题库"
    workbook.active.append(HEADERS)
    for row in rows:
        workbook.active.append(row)
    sheet = workbook.create_sheet("纠错")
    sheet.append(["题号", "错误", "更正", "区域", "时间点"])
    for row in errors:
        sheet.append(row)
    path = FOLDER / "random.xlsx"
    workbook.save(path)
    read_without_raising(read_excel_bank, path)


@SETTINGS
@given(data=st.binary(max_size=200))
def test_random_bytes_as_excel(data):
    path = FOLDER / "bytes.xlsx"
    path.write_bytes(b"PK\x03\x04" + data)
    _, problems = read_without_raising(read_excel_bank, path)
    assert problems.errors


@SETTINGS
@given(document=st.dictionaries(st.sampled_from(["title", "questions", "teams", "rounds", "awards", "tiebreak",
                                                 "base_score", "id", "kind", "pool", "name"]), VALUES, max_size=8))
def test_random_show_files(document):
    path = FOLDER / "random.show.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    show, problems = load_show(path)
    assert show is None or not problems.errors


LAYOUT_HEADERS = ["题干（必填）", "题型 （必填）", "选项", "选择项1", "选项 B", "正确答案\n（必填）", "答案1", "答案解析", "难度",
                  "题目", "序号"]
WORD_LINES = st.one_of(st.text(max_size=20), st.sampled_from(
    ["一、单选题", "二、判断题", "1. 题干", "2、题干 [多选题]", "A. 甲", "B、乙 C、丙", "答案：B", "【答案】对", "解析：",
     "依据：第一条", "【解析】", "A.", "答案：", "99. ", "A、三日　B、五日"]))


@SETTINGS
@given(header_at=st.integers(0, 13), header=st.lists(st.sampled_from(LAYOUT_HEADERS), max_size=8),
       rows=st.lists(st.lists(CELLS.filter(lambda cell: not isinstance(cell, datetime.date)), max_size=8), max_size=5),
       encoding=st.sampled_from(["utf-8-sig", "gbk", "utf-16"]))
def test_random_csv_banks_in_any_layout_and_encoding(header_at, header, rows, encoding):
    import csv
    import io

    from stageshow.formats.bank_csv import read_csv_bank

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for _ in range(header_at):
        writer.writerow(["说明"])
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    path = FOLDER / "random.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    read_without_raising(read_csv_bank, path)


@SETTINGS
@given(lines=st.lists(WORD_LINES, max_size=14))
def test_random_word_banks(lines):
    import docx

    from stageshow.formats.bank_word import read_word_bank

    document = docx.Document()
    for line in lines:
        document.add_paragraph("".join(char for char in line if char.isprintable()))
    path = FOLDER / "random.docx"
    document.save(str(path))
    read_without_raising(read_word_bank, path)


@SETTINGS
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xls", ".docx"]))
def test_random_bytes_as_csv_xls_and_word(data, suffix):
    from stageshow.formats.show_file import BANK_READERS

    path = FOLDER / f"bytes{suffix}"
    path.write_bytes(data)
    read_without_raising(BANK_READERS[suffix], path)
