"""`stageshow template`: an Excel bank with the headers, one example per type that passes `check`, and a checked type
column."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from stageshow.domain.model import Question
from stageshow.formats.problems import Problems
from stageshow.formats.show_file import read_bank
from stageshow.paths import question_sets_dir
from stageshow.reports.output import written_whole

QUESTION_HEADERS = ["编号", "环节", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F",
                    "答案", "解析", "依据", "档位", "分值", "时限", "图片", "视频"]
ERROR_HEADERS = ["题号", "错误", "更正", "区域", "时间点"]
TYPE_NAMES = ["单选", "多选", "判断", "简答", "案例", "文书纠错", "流程纠错"]

EXAMPLES = [
    ["BD001", "必答", "单选", "违法行为在二年内未被发现的，不再给予行政处罚。该期限从何时起计算？", "违法行为发生之日",
     "违法行为终了之日", "发现违法行为之日", "立案之日", "", "", "A",
     "期限从违法行为发生之日起计算；有连续或者继续状态的，从行为终了之日起计算。",
     "《中华人民共和国行政处罚法》第三十六条", "", "", "", "", ""],
    ["BD002", "必答", "多选", "下列属于行政处罚种类的有哪些？", "警告", "罚款", "没收违法所得", "行政拘留", "", "",
     "ABCD", "四项均为法定的行政处罚种类。", "《中华人民共和国行政处罚法》第九条", "", "", "", "", ""],
    ["QD001", "抢答", "判断", "行政机关作出行政处罚决定前，应当告知当事人依法享有陈述、申辩的权利。", "", "", "", "",
     "", "", "对", "告知陈述、申辩权是法定程序。", "《中华人民共和国行政处罚法》第四十四条", "", "", "", "", ""],
    ["FX001", "风险", "简答", "简述当场作出行政处罚决定的罚款限额。", "", "", "", "", "", "",
     "对公民处二百元以下、对法人或者其他组织处三千元以下罚款。", "", "《中华人民共和国行政处罚法》第五十一条",
     20, "", 60, "", ""],
    ["FX002", "风险", "案例", "某局查封当事人财物后四十天仍未作出处理决定，也未延长期限。该做法是否合法？", "", "",
     "", "", "", "", "不合法。查封、扣押期限不得超过三十日；情况复杂的，经负责人批准可延长，但不得超过三十日。",
     "", "《中华人民共和国行政强制法》第二十五条", 30, "", "", "", ""],
    ["FX003", "风险", "简答", "违法行为在多长时间内未被发现的，不再给予行政处罚？", "", "", "", "", "", "",
     "二年；涉及公民生命健康安全、金融安全且有危害后果的，延长至五年。法律另有规定的除外。", "",
     "《中华人民共和国行政处罚法》第三十六条", 20, "", "", "", ""],
    ["FX004", "风险", "简答", "作出较大数额罚款等行政处罚决定前，应当告知当事人有哪项权利？当事人应在多长时间内提出？",
     "", "", "", "", "", "", "有要求听证的权利；当事人要求听证的，应当在行政机关告知后五日内提出。", "",
     "《中华人民共和国行政处罚法》第六十三条、第六十四条", 30, "", "", "", ""],
]
# The correction examples are two of the demo's own items, with their planted errors and their media, copied beside
# the template, so every example row passes `stageshow check` and shows a real item.
EXAMPLE_ITEMS = {"WS02": "示例-执法文书.png", "LC02": "示例-执法流程.mp4"}


def write_template(out: Path) -> None:
    """The template at `out` (whole or not at all, OutputProblem), and the examples' media in `media/` beside it
    (a file already there is left as it is)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "题库"
    _header(sheet, QUESTION_HEADERS)
    for row in EXAMPLES:
        sheet.append(row)
    items = _example_items()
    for question in items:
        media = f"media/{EXAMPLE_ITEMS[question.id]}"
        sheet.append([question.id, question.pool, "文书纠错" if question.image else "流程纠错", question.stem,
                      "", "", "", "", "", "", question.answer or "", question.explanation or "", question.basis or "",
                      "", "", "", media if question.image else "", media if question.video else ""])
    validation = DataValidation(type="list", formula1='"' + ",".join(TYPE_NAMES) + '"', allow_blank=False,
                                showErrorMessage=True, errorTitle="题型", error="请从下拉列表中选择题型")
    sheet.add_data_validation(validation)
    validation.add("C2:C2000")
    sheet.column_dimensions["D"].width = 50
    errors = workbook.create_sheet("纠错")
    _header(errors, ERROR_HEADERS)
    for question in items:
        for error in question.errors:
            box = ",".join(f"{value:g}" for value in error.box) if error.box else ""
            errors.append([question.id, error.text, error.fix or "", box, float(error.at) if error.at else ""])
    notes = workbook.create_sheet("说明")
    for line in (
        "题库表每行一题；题型从下拉列表选择：单选、多选、判断、简答、案例、文书纠错、流程纠错。",
        "答案：单选填一个字母，多选填多个字母（如 ACD），判断填“对”或“错”。",
        "风险题填写档位（如 10、20、30）；分值和时限可留空，使用比赛规则的默认值。",
        "纠错题的预设错误写在“纠错”表：题号对应题库表的编号；文书纠错填区域 x,y,w,h（占图片宽高的比例），"
        "流程纠错填时间点（秒）。",
        "图片和视频路径相对于本 Excel 文件所在的文件夹。单元格中的公式不会被计算，请填写数值。",
        "示例行可以删除；写好后用 stageshow check 检查。",
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 110
    with written_whole(out) as partial:
        workbook.save(partial)
    _copy_example_media(items, out.absolute().parent / "media")


def _example_items() -> list[Question]:
    problems = Problems()
    bank = read_bank(question_sets_dir() / "banks" / "correction.questions.yaml", problems)
    return [question for question, _ in bank if question.id in EXAMPLE_ITEMS]


def _copy_example_media(items: list[Question], folder: Path) -> None:
    if not folder.is_dir():
        folder.mkdir()
    for question in items:
        source = Path(question.image or question.video or "")
        target = folder / EXAMPLE_ITEMS[question.id]
        if source.is_file() and not target.exists():
            shutil.copyfile(source, target)


def _header(sheet, headers: list[str]) -> None:  # type: ignore[no-untyped-def]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.freeze_panes = "A2"
