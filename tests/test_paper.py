"""The papers a chief judge signs: the PDF read back as text (what copying or searching it gives), the Excel
workbook's print setup and words, `verify --expect` against the hashes printed on them, and writes that fail."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from tests.support import DEMO_SCRIPT, DEMO_SHOW, run_script, write_show, run_cli as stageshow



@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """The whole demo final, tie-break, corrections and undo included."""
    db = tmp_path_factory.mktemp("paper") / "demo.sqlite3"
    run = stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db)
    assert run.returncode == 0, run.stderr
    return db


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_the_pdf_reads_back_as_the_chinese_it_shows_on_every_page(demo_db, tmp_path):
    out = tmp_path / "成绩表.pdf"
    run = stageshow("export", demo_db, "--pdf", out)
    assert run.returncode == 0 and "已写入" in run.stdout, run.stderr
    pages = pdf_pages(out)
    text = "\n".join(pages)
    assert "2026年全市行政执法技能大比武决赛" in text.replace("\t", "")
    assert not re.search("[\u2f00-\u2fdf\u2e80-\u2eff]", text), "Kangxi or CJK radicals in the text layer"
    for number, page in enumerate(pages, start=1):
        assert re.search(rf"第\s*{number}\s*页\s*共\s*{len(pages)}\s*页", page), page[-200:]
        assert "本页核对人签名" in page
    assert "裁判长签字" in pages[-1] and all("裁判长签字" not in page for page in pages[:-1])
    # the tie-break that ordered two teams on 130 points is explained, with their places
    assert re.search(r"北山区代表队、交通运输局代表队\s*同为\s*130\s*分，经加赛排定名次", text.replace("\n", ""))
    # an undo row keeps every column in its place: number, kind, team, change, the step undone
    assert re.search(r"461\s+撤销\s+南湖区代表队\s+\+10\s+调整分数", text)
    assert "未完成" not in text and "一等奖" in text


def test_the_hashes_on_the_paper_check_against_the_database(demo_db, tmp_path):
    out = tmp_path / "成绩表.pdf"
    assert stageshow("export", demo_db, "--pdf", out).returncode == 0
    text = "\n".join(pdf_pages(out)).replace("\t", " ")
    head = re.search(r"打印时的最后一条（末条哈希）\s+\d+\s+([0-9a-f]{16})", text).group(1)
    first_round = re.search(r"第一轮 个人必答题\s+(\d+)\s+([0-9a-f]{16})", text)
    run = stageshow("verify", demo_db, "--expect", head)
    assert run.returncode == 0, run.stderr
    assert f"末条哈希 {head}" in run.stdout and "也是最后一条" in run.stdout
    assert "2026年全市行政执法技能大比武决赛（演练，已结束）" in run.stdout
    run = stageshow("verify", demo_db, "--expect", first_round.group(2))
    assert run.returncode == 0 and f"第 {first_round.group(1)} 条事件" in run.stdout and "此后" in run.stdout
    # every hash on the paper copies out exactly as stored (a font ligature once turned "ff" into one glyph)
    import sqlite3

    with sqlite3.connect(demo_db) as connection:
        stored = dict(connection.execute("SELECT seq, substr(hash, 1, 16) FROM events"))
    printed = re.findall(r"\n(\d+)\s*\n\s*([0-9a-z_]{16})\s*\n", text.replace(" ", "\n"))
    assert len(printed) == 6 and all(stored[int(seq)] == digest for seq, digest in printed), printed
    run = stageshow("verify", demo_db, "--expect", "0123456789abcdef")
    assert run.returncode == 1 and "核对不符" in run.stderr
    assert stageshow("verify", demo_db, "--expect", "xyz").returncode == 2


def thirty_teams(tmp_path: Path) -> Path:
    rounds = [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1}]
    return write_show(tmp_path, rounds, teams=30, awards=[{"name": "一等奖", "count": 3}])


def test_a_thirty_team_pdf_repeats_its_header_and_an_unfinished_one_says_so(tmp_path):
    show_path = thirty_teams(tmp_path)
    db = tmp_path / "thirty.sqlite3"
    turns = "".join("- next: {}\n- go: {}\n- judge: %s\n" % ("correct" if n % 3 else "wrong") for n in range(30))
    assert run_script(show_path, "- start: R1\n" + turns, db).failure is None  # not finished
    out = tmp_path / "thirty.pdf"
    assert stageshow("export", db, "--pdf", out).returncode == 0
    pages = pdf_pages(out)
    assert len(pages) >= 2
    for page in pages[:2]:  # the standings run over two pages, each with its header row
        assert "名次" in page and "代表队" in page and "总分" in page
    assert "第30队" in "".join(pages)
    assert all("未完成" in page for page in pages)  # the mark on every page
    assert "一等奖" not in "".join(pages)  # no award before the show is over
    rows = openpyxl.load_workbook(_xlsx(db, tmp_path))["成绩表"]
    assert rows["A2"].value.startswith("未完成")
    assert all(row[-1] in (None, "") for row in rows.iter_rows(min_row=4, max_row=33, values_only=True))


def _xlsx(db: Path, folder: Path) -> Path:
    out = folder / "成绩表.xlsx"
    run = stageshow("export", db, "--xlsx", out)
    assert run.returncode == 0, run.stderr
    return out


def test_the_excel_sheet_prints_one_page_wide_in_words(demo_db, tmp_path):
    workbook = openpyxl.load_workbook(_xlsx(demo_db, tmp_path))
    standings = workbook["成绩表"]
    assert standings.page_setup.orientation == "landscape"
    assert standings.page_setup.fitToWidth == 1 and standings.page_setup.fitToHeight == 0
    assert standings.sheet_properties.pageSetUpPr.fitToPage
    assert standings.print_title_rows == "$3:$3"
    assert standings["A3"].border.left.style == "thin"
    values = [cell for row in standings.iter_rows(values_only=True) for cell in row if cell]
    assert any(str(value).startswith("裁判长签字") for value in values)
    assert any("末条哈希" in str(value) for value in values)
    assert any("经加赛排定名次" in str(value) for value in values)
    presses = workbook["抢答记录"]
    teams = {row[2] for row in presses.iter_rows(min_row=2, values_only=True)}
    assert "开发区代表队" in teams and not any(re.fullmatch(r"T\d\d", str(team)) for team in teams)
    events = list(workbook["事件日志"].iter_rows(min_row=2, values_only=True))
    kinds = {row[2] for row in events}
    assert {"判定", "出题", "按下抢答器", "比赛结束"} <= kinds
    judged = next(row for row in events if row[2] == "判定")
    assert judged[3].startswith("队伍：") and "{" not in judged[3]


@pytest.mark.parametrize("target, words", [
    ("missing/成绩表.pdf", "不存在"),
    ("a-file/成绩表.pdf", "是一个文件，不是文件夹"),
    (".", "这是一个文件夹"),
])
def test_a_write_that_cannot_happen_says_why_and_writes_nothing(demo_db, tmp_path, target, words):
    (tmp_path / "a-file").write_text("not a folder")
    for flag in ("--pdf", "--xlsx"):
        run = stageshow("export", demo_db, flag, tmp_path / target)
        assert run.returncode == 1, run.stdout
        assert words in run.stderr and "已写入" not in run.stdout and "程序内部错误" not in run.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a-file"]


@pytest.mark.skipif(sys.platform == "win32", reason="a read-only mount is a Linux test")
def test_a_write_to_a_read_only_medium_is_refused_plainly(demo_db, tmp_path):
    """As root, a folder's mode does not stop writes; /proc is read-only for everyone."""
    run = stageshow("export", demo_db, "--pdf", "/proc/成绩表.pdf")
    assert run.returncode == 1 and "无法写入 /proc/成绩表.pdf" in run.stderr, run.stderr
    assert "已写入" not in run.stdout
