"""`stageshow template`: an empty Excel bank with the headers, one example per type, and a checked type column."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

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
    ["WS01", "纠错", "文书纠错", "请指出下列行政处罚决定书中的错误。", "", "", "", "", "", "", "", "", "", "", "",
     "", "media/doc-01.png", ""],
    ["LC01", "纠错", "流程纠错", "请指出视频中执法流程的错误。", "", "", "", "", "", "", "", "", "", "", "", "",
     "", "media/proc-01.mp4"],
]
ERROR_EXAMPLES = [
    ["WS01", "未告知申请行政复议、提起行政诉讼的途径和期限", "应写明复议、诉讼的途径和期限",
     "0.10,0.80,0.80,0.06", ""],
    ["LC01", "执法人员未出示执法证件", "执法人员不得少于两人并应主动出示执法证件", "", 12.5],
]


def write_template(out: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "题库"
    _header(sheet, QUESTION_HEADERS)
    for row in EXAMPLES:
        sheet.append(row)
    validation = DataValidation(type="list", formula1='"' + ",".join(TYPE_NAMES) + '"', allow_blank=False,
                                showErrorMessage=True, errorTitle="题型", error="请从下拉列表中选择题型")
    sheet.add_data_validation(validation)
    validation.add("C2:C2000")
    sheet.column_dimensions["D"].width = 50
    errors = workbook.create_sheet("纠错")
    _header(errors, ERROR_HEADERS)
    for row in ERROR_EXAMPLES:
        errors.append(row)
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
    workbook.save(out)


def _header(sheet, headers: list[str]) -> None:  # type: ignore[no-untyped-def]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.freeze_panes = "A2"
