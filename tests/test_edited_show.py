"""A show whose files are edited while its run is under way: found by its identity, the edits to what is still to
come taken (and logged), the edits to what already happened refused, a rehearsal resumed only on the same steps."""

from __future__ import annotations

import sqlite3
import textwrap
from pathlib import Path

import pytest
import yaml

from stageshow.app.rehearsal import ScriptChanged
from stageshow.app.session import ShowChanged, ShowSession
from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.commands import Verdict
from stageshow.formats.show_file import load_show_or_raise
from stageshow.store.database import open_database
from stageshow.store.event_log import EventLog
from stageshow.store.verify import verify_database
from tests.support import run_script, write_show, run_cli as cli

ROUNDS = [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 2},
          {"id": "R2", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 4}]

# The first two turns of the compulsory round (team by team): T01 answers 必答0 right and 必答1 wrong.
FIRST_STEPS = """
    - start: R1
    - next: {}
    - go: {}
    - judge: correct
    - next: {}
    - go: {}
    - judge: wrong
"""


def played(tmp_path: Path) -> tuple[Path, Path]:
    show_path = write_show(tmp_path, ROUNDS, teams=3, base_score=100)
    db = tmp_path / "show.sqlite3"
    outcome = run_script(show_path, FIRST_STEPS, db)
    assert outcome.failure is None and outcome.result["scores"] == {"T01": 110, "T02": 100, "T03": 100}
    return show_path, db


def edit(show_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Change the show file and its bank as an organiser would, in the YAML itself."""
    bank_path = show_path.parent / "bank.questions.yaml"
    show = yaml.safe_load(show_path.read_text(encoding="utf-8"))
    bank = yaml.safe_load(bank_path.read_text(encoding="utf-8"))
    change(show, {question["id"]: question for question in bank["questions"]}, bank)
    show_path.write_text(yaml.safe_dump(show, allow_unicode=True, sort_keys=False), encoding="utf-8")
    bank_path.write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")


def open_rehearsal(show_path: Path, db: Path, **options) -> ShowSession:  # type: ignore[no-untyped-def]
    return ShowSession.open(load_show_or_raise(show_path), show_path.parent, db, mode="rehearsal", **options)


def shows_and_events(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as connection:
        return (connection.execute("SELECT count(*) FROM shows").fetchone()[0],
                connection.execute("SELECT count(*) FROM events").fetchone()[0])


def test_edits_to_what_is_still_to_come_are_taken_logged_and_verified(tmp_path):
    show_path, db = played(tmp_path)

    def change(show, questions, bank):  # type: ignore[no-untyped-def]
        show["title"] = "测试决赛（更正）"
        show["teams"][1]["name"] = "第二队"  # a typo in a team's name
        show["rounds"][1]["questions"] = 3  # a round not yet started
        questions["必答0"]["explanation"] = "已出过的题：解析更正"
        questions["必答3"]["answer"] = "C"  # not drawn yet
        bank["questions"].append({"id": "抢答9", "pool": "抢答", "type": "truefalse", "stem": "新题", "answer": "对"})

    edit(show_path, change)
    session = open_rehearsal(show_path, db)
    assert [change["code"] for change in session.revision.taken] == [
        "change_title", "change_team_details", "change_rounds_ahead", "change_questions_added",
        "change_questions_edited", "change_presented_text"]
    assert session.engine.state.scores == {"T01": 110, "T02": 100, "T03": 100}
    assert session.show.team("T02").name == "第二队"
    assert session.show.question("必答3").answer == "C"
    revised = [event for event, _ in session.logged_events() if isinstance(event, e.ShowRevised)]
    assert len(revised) == 1 and revised[0].changes == session.revision.taken
    session.close()
    assert shows_and_events(db)[0] == 1  # the same run, not a new one at base scores
    assert verify_database(db).intact
    # the run plays the edited bank from here on, and the next opening finds nothing new to take
    outcome = run_script(show_path, FIRST_STEPS + """
    - next: {}
    - go: {}
    - judge: correct
    - expect: {scores: {T01: 110, T02: 110, T03: 100}}
    """, db)
    assert outcome.failure is None and outcome.resumed_after == 7
    assert open_rehearsal(show_path, db).revision is None
    log = EventLog(open_database(db), 1)
    assert log.show().title == "测试决赛（更正）" and log.record().title == "测试决赛（更正）"


def add_a_team(show, bank) -> None:  # type: ignore[no-untyped-def]
    show["teams"].append({"id": "T04", "name": "第4队", "members": ["甲", "乙", "丙"]})
    bank["questions"] += [{"id": f"必答{n}", "pool": "必答", "type": "truefalse", "stem": "新题", "answer": "对"}
                          for n in (6, 7)]


@pytest.mark.parametrize("change, code", [
    (lambda show, q, bank: show["teams"].pop(), "refuse_team_removed"),
    (lambda show, q, bank: add_a_team(show, bank), "refuse_team_added"),
    (lambda show, q, bank: show["teams"].reverse(), "refuse_team_order"),
    (lambda show, q, bank: show.update(base_score=0), "refuse_base_score"),
    (lambda show, q, bank: show["rounds"][0].update(correct=20), "refuse_round_rules"),
    (lambda show, q, bank: show["rounds"].reverse(), "refuse_round_order"),
    (lambda show, q, bank: show["rounds"].pop(0), "refuse_round_removed"),
    (lambda show, q, bank: q["必答1"].update(answer="A"), "refuse_question_scoring"),
    (lambda show, q, bank: q["必答0"].update(id="必答6"), "refuse_question_removed"),  # renumbered
])
def test_edits_to_what_already_happened_are_refused_and_nothing_is_written(tmp_path, change, code):
    show_path, db = played(tmp_path)
    before = shows_and_events(db)
    edit(show_path, change)
    with pytest.raises(ShowChanged) as refused:
        open_rehearsal(show_path, db)
    assert code in [item["code"] for item in refused.value.changes.refused]
    assert shows_and_events(db) == before


def test_the_operator_continues_with_the_stored_version_or_starts_a_new_show(tmp_path):
    show_path, db = played(tmp_path)
    edit(show_path, lambda show, q, bank: q["必答1"].update(answer="A"))
    stored = open_rehearsal(show_path, db, keep_stored=True)
    assert stored.show.question("必答1").answer == "B" and stored.revision is None
    assert stored.engine.state.scores["T01"] == 110
    stored.submit(c.Next(), stored.engine.state.clock)
    stored.close()
    fresh = open_rehearsal(show_path, db, new_run=True)
    assert fresh.engine.state.scores == {"T01": 100, "T02": 100, "T03": 100}
    assert fresh.show.question("必答1").answer == "A"
    fresh.close()
    assert shows_and_events(db)[0] == 2 and verify_database(db).intact


def test_a_live_show_takes_edits_after_its_finish_but_not_to_its_awards(tmp_path):
    show_path = write_show(tmp_path, [ROUNDS[0]], teams=3, awards=[{"name": "一等奖", "count": 1}])
    db = tmp_path / "live.sqlite3"
    session = ShowSession.open(load_show_or_raise(show_path), tmp_path, db)
    session.submit(c.StartRound("R1"), 0)
    for turn in range(6):
        session.submit(c.Next(), turn * 10)
        session.submit(c.Go(), turn * 10 + 1)
        session.submit(c.Judge(Verdict.CORRECT if turn == 0 else Verdict.WRONG), turn * 10 + 2)
    session.submit(c.Finish(), 100)
    session.close()
    edit(show_path, lambda show, q, bank: show.update(subtitle="颁奖典礼"))
    reopened = ShowSession.open(load_show_or_raise(show_path), tmp_path, db)
    assert reopened.revision is not None and reopened.engine.state.scores["T01"] == 10
    reopened.close()
    edit(show_path, lambda show, q, bank: show.update(awards=[{"name": "一等奖", "count": 2}]))
    with pytest.raises(ShowChanged) as refused:
        ShowSession.open(load_show_or_raise(show_path), tmp_path, db)
    assert [item["code"] for item in refused.value.changes.refused] == ["change_awards"]


def test_verify_catches_a_definition_swapped_beside_the_log(tmp_path):
    show_path, db = played(tmp_path)
    edit(show_path, lambda show, q, bank: q["必答5"].update(answer="D"))
    open_rehearsal(show_path, db).close()
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE show_versions SET show_json = replace(show_json, '\"D\"', '\"A\"')")
    report = verify_database(db)
    assert [code for code, _ in report.problems] == ["show_version_altered"]


def script_file(folder: Path, steps: str) -> Path:
    path = folder / "edited.script.yaml"
    path.write_text("steps:\n" + textwrap.indent(textwrap.dedent(steps).strip() + "\n", "  "), encoding="utf-8")
    return path



def test_rehearse_resumes_only_on_the_same_first_steps(tmp_path):
    show_path, db = played(tmp_path)
    longer = script_file(tmp_path, FIRST_STEPS + "    - next: {}\n    - go: {}\n    - judge: wrong\n")
    result = cli("rehearse", show_path, "--script", longer, "--db", db)
    assert result.returncode == 0, result.stderr
    assert "接着第 7 步之后继续" in result.stdout
    assert "（未完成）" in result.stdout.splitlines()[1]  # a rehearsal stopped part-way gives no awards
    changed = script_file(tmp_path, FIRST_STEPS.replace("judge: wrong", "judge: correct") + "    - next: {}\n")
    result = cli("rehearse", show_path, "--script", changed, "--db", db)
    assert result.returncode == 1 and "脚本第 7 步（第 8 行，judge）" in result.stderr, result.stderr
    waited = script_file(tmp_path, FIRST_STEPS.replace("    - go: {}", "    - wait: 1\n    - go: {}", 1))
    result = cli("rehearse", show_path, "--script", waited, "--db", db)
    assert result.returncode == 1 and "--new" in result.stderr
    result = cli("rehearse", show_path, "--script", changed, "--db", db, "--new", "--json")
    assert result.returncode == 0, result.stderr
    assert '"finished": false' in result.stdout and '"award": null' in result.stdout
    assert shows_and_events(db)[0] == 2


def test_rehearse_names_each_refused_edit_and_the_way_out(tmp_path):
    show_path, db = played(tmp_path)
    edit(show_path, lambda show, q, bank: (show["teams"].pop(), q["必答0"].update(answer="C")))
    result = cli("rehearse", show_path, "--script", script_file(tmp_path, FIRST_STEPS), "--db", db)
    assert result.returncode == 1
    assert "队伍 T03 第3队 已从名单中删除" in result.stderr
    assert "已出过的题目 必答0 的答案已改变" in result.stderr
    assert "--new" in result.stderr and "Traceback" not in result.stderr


def test_a_script_step_missing_from_the_middle_is_refused(tmp_path):
    show_path, db = played(tmp_path)
    shorter = script_file(tmp_path, FIRST_STEPS.replace("    - judge: correct\n", ""))
    session = open_rehearsal(show_path, db)
    from stageshow.app.rehearsal import check_committed_steps
    from stageshow.formats.problems import Problems
    from stageshow.formats.script import read_script

    with pytest.raises(ScriptChanged):
        check_committed_steps(session, read_script(shorter, Problems()))
    session.close()


@pytest.mark.parametrize("button, scores, answer", [("继续比赛（使用数据库中保存的版本）", 110, "B"),
                                                    ("开始新的一场（原记录保留）", 100, "A")])
def test_the_operator_chooses_in_a_dialog_before_the_windows_open(qtbot, tmp_path, button, scores, answer):
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from stageshow.ui.app import open_show

    show_path = write_show(tmp_path, ROUNDS, teams=3, base_score=100)
    db = tmp_path / "live.sqlite3"
    session = ShowSession.open(load_show_or_raise(show_path), tmp_path, db)
    for command, at in ((c.StartRound("R1"), 0), (c.Next(), 1), (c.Go(), 2), (c.Judge(Verdict.CORRECT), 3)):
        session.submit(command, at)
    session.close()
    edit(show_path, lambda show, q, bank: q["必答0"].update(answer="A"))
    seen: list[str] = []

    def answer_the_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer_the_dialog)
            return
        seen.append(box.informativeText())
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, answer_the_dialog)
    windows = open_show(load_show_or_raise(show_path), tmp_path, db,
                        QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert seen == ["• 已出过的题目 必答0 的答案已改变"]
    assert windows.session.engine.state.scores["T01"] == scores
    assert windows.session.show.question("必答0").answer == answer
    windows.shutdown()
