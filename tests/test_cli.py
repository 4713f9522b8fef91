"""The command line as a user runs it: real processes, exit codes, messages, files written."""

import json
import subprocess
import sys

import openpyxl
from pathlib import Path

from tests.support import DEMO_SCRIPT, DEMO_SHOW, PROJECT


def stageshow(*args, env_lang=None, cwd=PROJECT):
    import os

    env = dict(os.environ)
    env.pop("STAGESHOW_LANG", None)
    if env_lang:
        env["STAGESHOW_LANG"] = env_lang
    return subprocess.run([sys.executable, "-m", "stageshow", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_rehearse_the_demo_final_prints_the_json_result(tmp_path):
    db = tmp_path / "demo.sqlite3"
    run = stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db, "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["title"] == "2026年全市行政执法技能大比武决赛"
    assert len(result["standings"]) == 10
    awards = [row["award"] for row in result["standings"]]
    assert awards.count("一等奖") >= 2 and None not in awards
    assert all(isinstance(score, int) for score in result["scores"].values())
    assert "Traceback" not in run.stderr

    verify = stageshow("verify", db)
    assert verify.returncode == 0 and "完好" in verify.stdout

    rerun = stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db, "--json")
    assert json.loads(rerun.stdout)["scores"] == result["scores"]


def test_export_score_sheet_and_script_that_rehearses_to_the_same_result(tmp_path):
    db = tmp_path / "demo.sqlite3"
    first = json.loads(stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db, "--json").stdout)
    sheet, script = tmp_path / "成绩.xlsx", tmp_path / "exported.script.yaml"
    run = stageshow("export", db, "--xlsx", sheet, "--script", script)
    assert run.returncode == 0, run.stderr
    workbook = openpyxl.load_workbook(sheet)
    assert workbook.sheetnames == ["成绩表", "更正记录", "抢答记录", "事件日志"]
    rows = list(workbook["成绩表"].iter_rows(min_row=4, max_row=13, values_only=True))
    totals = {row[2]: row[-2] for row in rows}
    names = {row["name"]: row["score"] for row in first["standings"]}
    assert totals == names
    for row in rows:  # base + rounds + adjustments add up to the total
        assert sum(row[3:-2]) == row[-2]
    corrections = list(workbook["更正记录"].iter_rows(min_row=2, values_only=True))
    assert any(row[2] == "调整" and "裁判长" in row[5] for row in corrections)
    assert any(row[2] == "撤销" for row in corrections)

    again = json.loads(stageshow("rehearse", DEMO_SHOW, "--script", script, "--json").stdout)
    assert again == first


def test_check_reports_problems_with_exit_1_and_no_traceback(tmp_path):
    bank = tmp_path / "bad.questions.yaml"
    bank.write_text("questions:\n  - {id: Q1, pool: x, type: single, stem: s, options: [a, b], answer: Z}\n",
                    encoding="utf-8")
    run = stageshow("check", bank, cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.splitlines()[0].startswith("bad.questions.yaml:2: 答案“Z”含有选项之外的字母")
    assert "共 1 个问题" in run.stderr and "Traceback" not in run.stderr

    english = stageshow("--lang", "en", "check", bank, cwd=tmp_path)
    assert "outside the options" in english.stderr

    ok = stageshow("check", DEMO_SHOW)
    assert ok.returncode == 0 and "检查通过" in ok.stdout


def test_rehearse_reports_the_failing_step(tmp_path):
    script = tmp_path / "bad.script.yaml"
    script.write_text("steps:\n  - start: R1\n  - judge: correct\n  - choose: {team: T01, tier: 10}\n",
                      encoding="utf-8")
    run = stageshow("rehearse", DEMO_SHOW, "--script", script)
    assert run.returncode == 1
    assert "第 2 步（第 3 行）失败" in run.stderr

    english = stageshow("--lang", "en", "rehearse", DEMO_SHOW, "--script", script)
    assert "step 2 (line 3) failed" in english.stderr


def test_an_expectation_mismatch_fails_and_prints_the_difference(tmp_path):
    script = tmp_path / "expect.script.yaml"
    script.write_text("steps:\n  - start: R1\n  - next: {}\n  - judge: correct\n  - expect: {scores: {T01: 100}}\n",
                      encoding="utf-8")
    run = stageshow("rehearse", DEMO_SHOW, "--script", script)
    assert run.returncode == 1
    assert "T01 应为 100 分，实际 110 分" in run.stderr


def test_template_writes_a_bank_the_checker_reads(tmp_path):
    out = tmp_path / "题库模板.xlsx"
    assert stageshow("template", out).returncode == 0
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["题库"]
    assert [cell.value for cell in sheet[1]][:4] == ["编号", "环节", "题型", "题干"]
    assert sheet.data_validations.dataValidation[0].formula1.startswith('"单选,多选,判断')
    types = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert types == {"单选", "多选", "判断", "简答", "案例", "文书纠错", "流程纠错"}
    # every example passes its own check: the correction examples' picture and video are copied beside it
    run = stageshow("check", out, cwd=tmp_path)
    assert run.returncode == 0 and "9 道题 — 检查通过" in run.stdout, run.stderr
    assert sorted(path.name for path in (tmp_path / "media").iterdir()) == ["示例-执法文书.png", "示例-执法流程.mp4"]
    assert len(list(workbook["纠错"].iter_rows(min_row=2))) >= 2
    # a filled bank is never overwritten without --force
    sheet["D2"] = "本单位自己的题目"
    workbook.save(out)
    again = stageshow("template", out)
    assert again.returncode == 1 and "--force" in again.stderr
    assert openpyxl.load_workbook(out)["题库"]["D2"].value == "本单位自己的题目"
    assert stageshow("template", out, "--force").returncode == 0
    assert openpyxl.load_workbook(out)["题库"]["D2"].value != "本单位自己的题目"


def test_the_no_argument_demo_opens_both_windows_on_its_own_database(tmp_path):
    import os

    run = stageshow("--quit-after", "1.5")
    assert run.returncode == 0, run.stderr
    assert (Path(os.environ["STAGESHOW_DATA_DIR"]) / "demo.sqlite3").is_file()
    assert "Traceback" not in run.stderr


def test_without_a_display_the_windows_say_so(tmp_path):
    import os

    env = {key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "DISPLAY",
                                                                          "WAYLAND_DISPLAY")}
    run = subprocess.run([sys.executable, "-m", "stageshow", "run", str(DEMO_SHOW)], capture_output=True, text=True,
                         cwd=PROJECT, env=env, timeout=120)
    assert run.returncode == 1 and "没有可用的显示器" in run.stderr


def test_bad_files_never_give_a_traceback(tmp_path):
    garbage = tmp_path / "x.show.yaml"
    garbage.write_bytes(b"\xff\xfe\x00garbage")
    for args in (("check", garbage), ("rehearse", garbage, "--script", garbage), ("verify", garbage),
                 ("export", garbage, "--xlsx", tmp_path / "o.xlsx"), ("check", tmp_path / "missing.yaml")):
        run = stageshow(*args)
        assert run.returncode != 0, args
        assert "Traceback" not in run.stderr, run.stderr


def test_export_pdf_score_sheet_prints_standings_corrections_and_signatures(tmp_path):
    import unicodedata

    import pypdf

    db = tmp_path / "demo.sqlite3"
    result = json.loads(stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--db", db, "--json").stdout)
    pdf = tmp_path / "成绩表.pdf"
    run = stageshow("export", db, "--pdf", pdf)
    assert run.returncode == 0, run.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    pages = pypdf.PdfReader(pdf).pages
    text = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in pages))
    text = "".join(text.split())
    assert "2026年全市行政执法技能大比武决赛" in text
    for row in result["standings"]:
        assert row["name"] in text
    for words in ("计分员签字", "监督员签字", "场外提示", "撤销", "调整分数"):
        assert words in text, words
    english = tmp_path / "scores.pdf"
    assert stageshow("--lang", "en", "export", db, "--pdf", english).returncode == 0
    text = " ".join("".join(page.extract_text() for page in pypdf.PdfReader(english).pages).split())
    for words in ("Rank", "Chief judge:", "Supervisor:", "Undone", "score adjusted", "check with stageshow verify"):
        assert words in text, words
    assert "2026年全市行政执法技能大比武决赛" in "".join(unicodedata.normalize("NFKC", text).split())  # as written


def test_rehearse_through_the_real_windows_gives_the_same_result(tmp_path):
    plain = json.loads(stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--json").stdout)
    run = stageshow("rehearse", DEMO_SHOW, "--script", DEMO_SCRIPT, "--gui", "--speed", "1000", "--json",
                    "--db", tmp_path / "gui.sqlite3")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == plain


def test_the_command_lines_own_words_are_chinese_unless_english_is_asked_for():
    helped = stageshow("--help")
    assert helped.returncode == 0 and helped.stdout.startswith("用法：stageshow")
    assert "显示本帮助并退出" in helped.stdout
    missing = stageshow("export")
    assert missing.returncode == 2 and "缺少以下参数：db" in missing.stderr and "usage" not in missing.stderr
    english = stageshow("--lang", "en", "export")
    assert "the following arguments are required: db" in english.stderr


def test_new_writes_a_starter_final_that_checks_and_plays_and_never_overwrites(tmp_path):
    folder = tmp_path / "决赛"
    run = stageshow("new", folder)
    assert run.returncode == 0, run.stderr
    show = folder / "比赛.show.yaml"
    assert "下一步：stageshow check" in run.stdout
    assert show.read_text(encoding="utf-8").count("#") > 20  # every line an organiser may change is explained
    checked = stageshow("check", show)
    assert checked.returncode == 0 and "2 支队伍，4 个环节" in checked.stdout, checked.stderr
    assert "检查通过" in checked.stdout and "档只有" not in checked.stdout
    script = tmp_path / "starter.script.yaml"
    script.write_text("steps:\n  - start: R1\n  - next: {}\n  - go: {}\n  - judge: correct\n"
                      "  - expect: {scores: {T01: 110, T02: 100}}\n", encoding="utf-8")
    assert stageshow("rehearse", show, "--script", script).returncode == 0
    before = show.read_bytes()
    again = stageshow("new", folder)
    assert again.returncode == 1 and "已有文件" in again.stderr and show.read_bytes() == before
