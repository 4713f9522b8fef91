"""`stageshow check`: every rule of formats.md has a failing example, reported at its file and line."""

from pathlib import Path

import pytest

from stageshow.formats.checking import check_files

SHOW = """\
title: 测试决赛
questions: [bank.questions.yaml]
teams:
  - {id: T01, name: 甲队}
  - {id: T02, name: 乙队}
rounds:
  - {id: R1, kind: compulsory, title: 必答, pool: 必答, per_team: 1}
"""

GOOD_QUESTION = """\
  - id: Q{n}
    pool: 必答
    type: single
    stem: 题干
    options: [甲, 乙, 丙]
    answer: A
"""


def bank_with(extra: str, count: int = 2) -> str:
    return "questions:\n" + "".join(GOOD_QUESTION.format(n=n) for n in range(count)) + extra


def check(tmp_path: Path, bank: str, show: str = SHOW, files=("test.show.yaml",)) -> list[str]:
    (tmp_path / "test.show.yaml").write_text(show, encoding="utf-8")
    (tmp_path / "bank.questions.yaml").write_text(bank, encoding="utf-8")
    _, problems = check_files([tmp_path / name for name in files])
    return [problem.render(tmp_path) for problem in problems.errors]


# Each bank case appends one question starting at line 14 (two good questions take lines 2–13).
BANK_CASES = [
    ("missing field", "  - {id: X, pool: 必答, type: single, options: [a, b], answer: A}\n", 14, "缺少必填字段“stem”"),
    ("unknown type", "  - {id: X, pool: 必答, type: essay, stem: s}\n", 14, "未知题型“essay”"),
    ("letter outside options", "  - {id: X, pool: 必答, type: single, stem: s, options: [a, b],\n     answer: C}\n", 15,
     "选项之外的字母"),
    ("repeated letters", "  - {id: X, pool: 必答, type: multiple, stem: s, options: [a, b, c], answer: ACA}\n", 14,
     "重复的字母"),
    ("single with two answers", "  - {id: X, pool: 必答, type: single, stem: s, options: [a, b], answer: AB}\n", 14,
     "单选题只能有一个答案"),
    ("bad true/false", "  - {id: X, pool: 必答, type: truefalse, stem: s, answer: 也许}\n", 14, "判断题答案应为"),
    ("one option", "  - {id: X, pool: 必答, type: single, stem: s, options: [a], answer: A}\n", 14, "2 到 8 个"),
    ("duplicate id", "  - {id: Q0, pool: 必答, type: truefalse, stem: s, answer: 对}\n", 14, "题目编号“Q0”重复"),
    ("points not a number", "  - {id: X, pool: 必答, type: truefalse, stem: s, answer: 对, points: 十}\n", 14,
     "“points”应为数字"),
    ("three decimals", "  - {id: X, pool: 必答, type: truefalse, stem: s, answer: 对, points: 1.125}\n", 14,
     "最多两位小数"),
    ("missing media", "  - {id: X, pool: 必答, type: truefalse, stem: s, answer: 对, image: media/none.png}\n", 14,
     "找不到“image”指向的文件"),
    ("escaping media", "  - {id: X, pool: 必答, type: truefalse, stem: s, answer: 对, image: ../../etc/passwd}\n", 14,
     "超出了本文件所在文件夹"),
    ("document without image",
     "  - id: X\n    pool: 必答\n    type: document\n    stem: s\n    errors: [{text: e, box: [0, 0, 1, 1]}]\n",
     14, "缺少必填字段“image”"),
    ("box outside", "  - id: X\n    pool: 必答\n    type: truefalse\n    stem: s\n    answer: 对\n    errors:\n"
                    "      - {text: e, box: [0.5, 0.5, 0.6, 0.1]}\n", 20, "超出图片"),
    ("box shape", "  - id: X\n    pool: 必答\n    type: truefalse\n    stem: s\n    answer: 对\n    errors:\n"
                  "      - {text: e, box: [0.5, 0.5]}\n", 20, "4 个数字"),
    ("negative video time", "  - id: X\n    pool: 必答\n    type: truefalse\n    stem: s\n    answer: 对\n    errors:\n"
                            "      - text: e\n        at: -2\n", 21, "“at”不能小于 0"),
    ("too many errors", "  - id: X\n    pool: 必答\n    type: truefalse\n    stem: s\n    answer: 对\n    errors:\n" +
     "".join(f"      - {{text: e{k}}}\n" for k in range(21)), 19, "1 到 20 处"),
]


@pytest.mark.parametrize("name, extra, line, message", BANK_CASES, ids=[case[0] for case in BANK_CASES])
def test_bank_rule_reported_at_its_line(tmp_path, name, extra, line, message):
    lines = check(tmp_path, bank_with(extra))
    assert any(text.startswith(f"bank.questions.yaml:{line}: ") and message in text for text in lines), lines


def test_yaml_syntax_error_names_its_line(tmp_path):
    lines = check(tmp_path, bank_with("  - {id: X, pool: 必答, type: single\n"))
    assert len(lines) == 1 and lines[0].startswith("bank.questions.yaml:15: YAML 格式错误"), lines


def test_non_utf8_and_empty_files(tmp_path):
    (tmp_path / "bank.questions.yaml").write_bytes("questions:\n  - id: 甲\n".encode("gbk"))
    _, problems = check_files([tmp_path / "bank.questions.yaml"])
    expected = "bank.questions.yaml:2: 文件不是 UTF-8 编码，请用 UTF-8 另存"
    assert [p.render(tmp_path) for p in problems.errors] == [expected]
    (tmp_path / "empty.questions.yaml").write_text("  \n", encoding="utf-8")
    _, problems = check_files([tmp_path / "empty.questions.yaml"])
    assert [p.render(tmp_path) for p in problems.errors] == ["empty.questions.yaml:1: 文件是空的"]


def test_duplicate_ids_across_banks_name_the_first(tmp_path):
    (tmp_path / "a.questions.yaml").write_text(bank_with(""), encoding="utf-8")
    (tmp_path / "b.questions.yaml").write_text(bank_with(""), encoding="utf-8")
    _, problems = check_files([tmp_path / "a.questions.yaml", tmp_path / "b.questions.yaml"])
    lines = [p.render(tmp_path) for p in problems.errors]
    assert lines[0] == "b.questions.yaml:2: 题目编号“Q0”重复（首次出现在 a.questions.yaml:2）"


SHOW_CASES = [
    ("duplicate team id", SHOW.replace("T02, name: 乙队", "T01, name: 乙队"), 5, "队伍编号“T01”重复"),
    ("malformed team id", SHOW.replace("T02", "第二队"), 5, "编号“第二队”无效"),
    ("one team", SHOW.replace("  - {id: T02, name: 乙队}\n", ""), 3, "队伍应为 2 到 30 支"),
    ("unknown kind", SHOW.replace("kind: compulsory", "kind: quiz"), 7, "未知环节类型“quiz”"),
    ("bad knob value", SHOW.replace("per_team: 1", "per_team: many"), 7, "“per_team”应为整数"),
    ("bad order", SHOW.replace("per_team: 1", "per_team: 1, order: random"), 7, "“order”的值“random”无效"),
    ("pool too small", SHOW.replace("per_team: 1", "per_team: 2"), 7, "题库“必答”只有 2 题"),
    ("awards beyond teams", SHOW + "awards:\n  - {name: 一等奖, count: 3}\n", 8, "奖项名额共 3 个，多于队伍数 2"),
    ("missing title", SHOW.replace("title: 测试决赛\n", ""), 1, "缺少必填字段“title”"),
    ("bank escaping", SHOW.replace("[bank.questions.yaml]", "[../bank.questions.yaml]"), 2, "超出了本文件所在文件夹"),
    ("bad tiers", SHOW.replace("kind: compulsory, title: 必答, pool: 必答, per_team: 1",
                               "kind: risk, title: 风险, pool: 必答, tiers: [10, 十]"), 7, "档位（tiers）应为数字列表"),
]


@pytest.mark.parametrize("name, show, line, message", SHOW_CASES, ids=[case[0] for case in SHOW_CASES])
def test_show_rule_reported_at_its_line(tmp_path, name, show, line, message):
    lines = check(tmp_path, bank_with(""), show)
    assert any(text.startswith(f"test.show.yaml:{line}: ") and message in text for text in lines), lines


def test_risk_tiers_are_checked_at_the_question(tmp_path):
    show = SHOW.replace("kind: compulsory, title: 必答, pool: 必答, per_team: 1",
                        "kind: risk, title: 风险, pool: 必答, tiers: [10, 30]")
    bank = bank_with("").replace("    answer: A\n", "    answer: A\n    tier: 20\n", 1)
    lines = check(tmp_path, bank, show)
    assert "bank.questions.yaml:2: 题目 Q0 的档位 20 不在环节 R1 的档位 10/30 中" in lines, lines
    assert "bank.questions.yaml:9: 风险题 Q1 缺少档位（tier），环节 R1 需要" in lines, lines


def test_every_problem_is_reported_at_once(tmp_path):
    bank = bank_with(BANK_CASES[1][1] + BANK_CASES[2][1].replace("id: X", "id: Y"))
    show = SHOW.replace("T02, name: 乙队", "T01, name: 乙队")
    lines = check(tmp_path, bank, show)
    assert len(lines) == 3, lines


def test_the_demo_final_checks_clean():
    from tests.support import DEMO_SHOW

    summaries, problems = check_files([DEMO_SHOW])
    assert not problems.items, [p.render() for p in problems.items]
    assert "10 支队伍，4 个环节" in summaries[0]
