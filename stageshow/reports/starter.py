"""`stageshow new FOLDER`: a starter final that passes `check` as written, to grow into the real one.

The show file is written with a comment on every line an organiser may change (and each knob's default), the bank is
the Excel template (an example of every question type, the correction examples with their picture and video), so
the folder opens in the windows at once and teaches the layout by example.
"""

from __future__ import annotations

from pathlib import Path

from stageshow.i18n import render
from stageshow.reports.output import OutputProblem, written_whole
from stageshow.reports.template import write_template

SHOW_NAME = "比赛.show.yaml"
BANK_NAME = "题库.xlsx"

STARTER = """\
# 比赛设置文件（由 stageshow new 生成）。用记事本等编辑器修改后，运行 stageshow check 本文件 检查。
# 以 # 开头的是说明，不影响比赛；冒号后面要有一个空格；缩进用空格，不要用 Tab。
title: 2026年行政执法技能大比武决赛          # 大屏上的比赛名称
subtitle: 严格规范公正文明执法               # 副标题（可删除）
# logo: media/logo.png                      # 大屏左上角的标志图片（可选）
base_score: 100                             # 每队的基础分

questions:                                  # 题库文件：Excel、CSV、Word 或 YAML，可写多个
  - {file: 题库.xlsx}                       # 没有“环节”列的题库可写 pool: 必答，把全部题目放进一个环节

# 参赛队伍：id 不要改动（比赛开始后也不能增删、调换顺序）；name 为队名；short 为大屏比分条上的简称；
# members 为队员；color 为队伍颜色；buzzer.key 为键盘抢答键（每队不同）。
# 增加队伍时，题库中每个环节的题目也要够用：必答题数 = 队数 × 每队题数。
teams:
  - {id: T01, name: 第一代表队, short: 一队, members: [队员甲, 队员乙, 队员丙], color: "#E53935", buzzer: {key: "1"}}
  - {id: T02, name: 第二代表队, short: 二队, members: [队员丁, 队员戊, 队员己], color: "#1E88E5", buzzer: {key: "2"}}

# 比赛环节，按顺序进行。pool 是题库“环节”列中的名称。每项后面的说明写出了可调的参数和默认值。
rounds:
  # 必答题：per_team 每队题数（默认 3）；order 出题顺序 team_by_team 逐队 / interleaved 轮流；
  # correct 答对（默认 10）、wrong 答错（默认 0）、timeout 超时（默认同答错）；time_limit 作答时限秒数（默认 20）
  - {id: R1, kind: compulsory, title: 第一轮 必答题, pool: 必答, per_team: 1}
  # 抢答题：questions 题数（默认 20）；correct 10、wrong -10；answer_time 作答 30 秒；
  # buzz_window 抢答时限 10 秒；early_press 提前抢答扣分（默认 -10）；
  # after_wrong 答错后 close 本题结束 / reopen 其他队再抢；tie 同时按下 rearm 重抢 / seat 按台号
  - {id: R2, kind: buzz, title: 第二轮 抢答题, pool: 抢答, questions: 1}
  # 风险题：tiers 分值档位（默认 10、20、30，题库“档位”列对应）；per_team 每队选题数（默认 1）；
  # order 选题顺序 score_asc 分低先选 / seat 按台号 / score_desc 分高先选；wrong_factor 答错扣分倍数（默认 1）；
  # allow_pass 可否放弃（默认 true）；discussion_time 讨论 30 秒；time_limit 作答 60 秒
  - {id: R3, kind: risk, title: 第三轮 风险题, pool: 风险, tiers: [20, 30]}
  # 纠错题（文书图片或流程视频）：per_team 每队题数（默认 1）；per_error 每找对一处得分（默认 5）；
  # wrong_claim 每处误报扣分（默认 0）；cap 本题最高分；floor 本题最低分（默认 0）；
  # replays 视频可重播次数（默认 1）；time_limit 90 秒
  - {id: R4, kind: correction, title: 第四轮 纠错题, pool: 纠错}
  # 情景模拟等评委打分的环节（可选）：judges 评委人数（默认 5）；max 满分（默认 100）；
  # drop_extremes 去掉最高最低分（默认 true）；weight 评委分权重（默认 1）；per_vote 大众评委每票得分（默认 0）
  # - {id: R5, kind: judged, title: 第五轮 情景模拟, judges: 5, max: 100}

# tiebreak: {pool: 加赛}                    # 同分跨奖项时的加赛题库（可选，题库中“环节”为 加赛 的题目）

awards:                                     # 奖项：名称和名额，按名次依次颁发；同分并列
  - {name: 一等奖, count: 1}
  - {name: 二等奖, count: 1}
"""


def write_starter(folder: Path) -> list[Path]:
    """The starter final in `folder` (new, or empty); OutputProblem if it already holds files."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise OutputProblem(render("new_not_empty", folder=folder))
    folder.mkdir(parents=True, exist_ok=True)
    bank = folder / BANK_NAME
    write_template(bank)
    show = folder / SHOW_NAME
    with written_whole(show) as partial:
        partial.write_text(STARTER, encoding="utf-8")
    return [show, bank, folder / "media"]
