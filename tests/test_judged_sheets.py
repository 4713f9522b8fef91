"""评委评分 from the judges' own sheets (one score, or one per criterion), locked once given and unlocked by the
operator with a reason; and the audience's ballots, one per phone, counted when the voting closes. Everything is an
event: a replay of the log gives the same panel and the same tally."""

import json
import re
from decimal import Decimal as D

import pytest

from stageshow.domain import commands as c
from stageshow.domain.engine import Engine
from stageshow.domain.errors import RuleViolation
from stageshow.formats.show_file import load_show
from stageshow.store.database import open_database
from stageshow.store.event_log import EventLog
from tests.support import PROJECT, run_cli, run_script, scores, write_show

CRITERIA = [{"name": "执法程序", "max": 40}, {"name": "文书制作", "max": 30}, {"name": "现场处置", "max": 30}]


def judged_show(tmp_path, **knobs):
    rounds = [{"id": "R5", "kind": "judged", "title": "情景模拟", "judges": 3, "drop_extremes": False, **knobs}]
    return write_show(tmp_path, rounds, teams=3)


def test_the_last_judges_sheet_commits_the_panel(tmp_path):
    outcome = run_script(judged_show(tmp_path), """
        - start: R5
        - sheet: {team: T01, judge: 1, scores: [90]}
        - sheet: {team: T01, judge: 3, scores: [80]}
        - expect: {scores: {T01: 0}}
        - sheet: {team: T01, judge: 2, scores: [85]}
    """)
    assert scores(outcome)["T01"] == 85


def test_criteria_add_up_and_each_line_is_checked(tmp_path):
    show_path = judged_show(tmp_path, criteria=CRITERIA)
    show, problems = load_show(show_path)
    assert not problems.errors
    assert show.rounds[0].rules.max == 100
    engine = Engine(show)
    engine.handle(c.StartRound("R5"), 0)
    with pytest.raises(RuleViolation) as refused:
        engine.decide(c.Sheet("T01", 1, (D(41), D(30), D(30))), 1)
    assert "执法程序" in str(refused.value) and "0..40" in str(refused.value)
    with pytest.raises(RuleViolation, match="应有 3 项"):
        engine.decide(c.Sheet("T01", 1, (D(90),)), 1)
    for judge, lines in ((1, (40, 30, 30)), (2, (30, 20, 20)), (3, (35, 25, 25))):
        engine.handle(c.Sheet("T01", judge, tuple(map(D, lines))), judge)
    assert engine.state.scores["T01"] == 85  # (100 + 70 + 85) / 3
    assert engine.state.round.panel_scores["T01"][0] == (100, 70, 85)


def test_criteria_that_disagree_with_max_are_named(tmp_path):
    _, problems = load_show(judged_show(tmp_path, criteria=CRITERIA, max=90))
    assert any("各评分项满分之和为 100" in problem.render() for problem in problems.errors)
    _, problems = load_show(judged_show(tmp_path, criteria=[{"name": "程序"}]))
    assert any("criteria" in problem.render() for problem in problems.errors)


def test_a_given_sheet_is_locked_until_unlocked_with_a_reason(tmp_path):
    outcome = run_script(judged_show(tmp_path), """
        - start: R5
        - sheet: {team: T02, judge: 1, scores: [60]}
        - sheet: {team: T02, judge: 1, scores: [70]}
    """)
    assert "已锁定" in outcome.failure
    outcome = run_script(judged_show(tmp_path), """
        - start: R5
        - sheet: {team: T02, judge: 1, scores: [60]}
        - unlock: {team: T02, judge: 1, reason: 评委按错了}
        - sheet: {team: T02, judge: 1, scores: [70]}
        - sheet: {team: T02, judge: 2, scores: [70]}
        - sheet: {team: T02, judge: 3, scores: [70]}
    """)
    assert scores(outcome)["T02"] == 70


def test_no_sheet_for_a_judge_not_on_the_panel_or_a_team_already_scored(tmp_path):
    show, _ = load_show(judged_show(tmp_path))
    engine = Engine(show)
    engine.handle(c.StartRound("R5"), 0)
    with pytest.raises(RuleViolation, match="没有 4 号评委"):
        engine.decide(c.Sheet("T01", 4, (D(90),)), 1)
    engine.handle(c.Panel("T01", (D(90),) * 3), 1)  # typed by the operator, as before
    with pytest.raises(RuleViolation, match="已经有评委评分"):
        engine.decide(c.Sheet("T01", 1, (D(90),)), 2)
    with pytest.raises(RuleViolation, match="已计入总分"):
        engine.decide(c.Unlock("T01", 1, "改分"), 2)


def test_the_operator_commits_the_sheets_only_when_all_are_in(tmp_path):
    show, _ = load_show(judged_show(tmp_path))
    engine = Engine(show)
    engine.handle(c.StartRound("R5"), 0)
    engine.handle(c.Sheet("T01", 2, (D(90),)), 1)
    with pytest.raises(RuleViolation, match="1、3 号评委"):
        engine.decide(c.Panel("T01"), 2)


def test_an_undo_takes_back_the_score_not_what_the_judges_and_phones_handed_in(tmp_path):
    show, _ = load_show(judged_show(tmp_path, per_vote=1))
    engine = Engine(show)
    engine.handle(c.StartRound("R5"), 0)
    for judge in (1, 2, 3):
        engine.handle(c.Sheet("T01", judge, (D(90),)), judge)
    engine.handle(c.OpenVoting(), 4)
    engine.handle(c.Ballot("phone-a", ("T02",)), 5)
    engine.handle(c.Sheet("T02", 1, (D(50),)), 6)
    engine.handle(c.Undo(), 7)  # takes back T01's panel
    assert engine.state.scores["T01"] == 0
    assert engine.state.round.sheets["T01"] == {1: (90,), 2: (90,), 3: (90,)}
    assert engine.state.round.sheets["T02"] == {1: (50,)}
    assert engine.state.round.ballots == {"phone-a": ("T02",)} and engine.state.round.voting == "open"
    engine.handle(c.Panel("T01"), 8)  # the operator commits the sheets again
    assert engine.state.scores["T01"] == 90


def test_ballots_one_per_phone_while_open_and_counted_at_the_close(tmp_path):
    show, _ = load_show(judged_show(tmp_path, per_vote=2, votes_per_ballot=2))
    engine = Engine(show)
    engine.handle(c.StartRound("R5"), 0)
    with pytest.raises(RuleViolation, match="还没有开始"):
        engine.decide(c.Ballot("a", ("T01",)), 1)
    engine.handle(c.OpenVoting(), 1)
    engine.handle(c.Ballot("a", ("T01", "T02")), 2)
    engine.handle(c.Ballot("b", ("T01",)), 3)
    for ballot, refusal in ((c.Ballot("a", ("T03",)), "已经投过"), (c.Ballot("c", ()), "1 至 2"),
                            (c.Ballot("c", ("T01", "T02", "T03")), "1 至 2"), (c.Ballot("c", ("T01", "T01")), "1 至 2"),
                            (c.Ballot("c", ("T09",)), "T09"), (c.Votes({"T01": 3}), "请先结束投票")):
        with pytest.raises(RuleViolation, match=refusal):
            engine.decide(ballot, 4)
    events = engine.handle(c.CloseVoting(), 5)
    assert engine.state.scores == {"T01": 4, "T02": 2, "T03": 0}
    with pytest.raises(RuleViolation, match="投票已经结束|已经录入过"):
        engine.decide(c.Ballot("c", ("T03",)), 6)
    assert any(type(event).__name__ == "VotingClosed" and event.ballots == 2 for event, _ in events)


def test_voting_with_no_points_per_vote_is_refused_with_the_fix(tmp_path):
    show, _ = load_show(judged_show(tmp_path))
    engine = Engine(show)
    engine.handle(c.StartRound("R5"), 0)
    with pytest.raises(RuleViolation, match="per_vote"):
        engine.decide(c.OpenVoting(), 1)


def test_a_script_of_sheets_and_ballots_replays_to_the_same_state(tmp_path):
    db = tmp_path / "show.sqlite3"
    outcome = run_script(judged_show(tmp_path, per_vote=1), """
        - start: R5
        - voting: open
        - ballot: {voter: a1, teams: [T02]}
        - ballot: {voter: b2, teams: [T02]}
        - sheet: {team: T01, judge: 1, scores: [70]}
        - sheet: {team: T01, judge: 2, scores: [80]}
        - sheet: {team: T01, judge: 3, scores: [90]}
        - ballot: {voter: c3, teams: [T01]}
        - voting: close
        - panel: {team: T02, judges: [60, 60, 60]}
    """, db)
    assert scores(outcome) == {"T01": 81, "T02": 62, "T03": 0}
    database = open_database(db)
    log = EventLog(database, EventLog.latest(database))
    replayed = Engine.replay(log.show(), [(item.event, item.at) for item in log.events()])
    assert replayed.state.scores == {"T01": 81, "T02": 62, "T03": 0}
    assert set(replayed.state.round.ballots) == {"a1", "b2", "c3"}
    assert run_cli("verify", str(db), cwd=tmp_path).returncode == 0


def test_judges_cards_carry_each_judges_own_token_and_the_address(tmp_path):
    from pypdf import PdfReader

    from stageshow.hall.tokens import judge_of
    from stageshow.store.hall_keys import hall_secret

    db = tmp_path / "show.sqlite3"
    scores(run_script(judged_show(tmp_path), "- start: R5", db))
    cards = tmp_path / "评委卡.pdf"
    result = run_cli("export", str(db), "--judge-cards", str(cards), "--address", "192.168.1.20:8765", cwd=tmp_path)
    assert result.returncode == 0 and "3 张评委卡" in result.stdout, result.stderr
    reader = PdfReader(cards)
    text = re.sub(r"\s+", " ", "".join(page.extract_text() for page in reader.pages))
    assert len(reader.pages) == 2 and [f"{n} 号评委" in text for n in (1, 2, 3)] == [True] * 3
    secret = hall_secret(open_database(db), create=False)
    tokens = re.findall(r"http://192\.168\.1\.20:8765/judge\?t=([0-9]+\.[A-Za-z0-9_-]{22})", text)
    assert [judge_of(secret, token) for token in tokens] == [1, 2, 3]
    # a show without a judged round has no judges to print for
    other = tmp_path / "other"
    show = write_show(other, [{"id": "R1", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 2}], teams=2)
    scores(run_script(show, "- start: R1", other / "show.sqlite3"))
    result = run_cli("export", str(other / "show.sqlite3"), "--judge-cards", str(other / "c.pdf"), cwd=other)
    assert result.returncode == 1 and "没有评委评分环节" in result.stderr and not (other / "c.pdf").exists()


def test_the_bundled_hall_demo_checks_clean_and_rehearses_to_its_expected_scores(tmp_path):
    show, script = (PROJECT / "question_sets" / f"hall-demo.{kind}.yaml" for kind in ("show", "script"))
    checked = run_cli("check", str(show), cwd=tmp_path)
    assert checked.returncode == 0 and "检查通过" in checked.stdout and "警告" not in checked.stdout + checked.stderr
    loaded, _ = load_show(show)
    assert loaded.network is not None and [line.name for line in loaded.rounds[1].rules.criteria] == [
        "执法程序", "法律适用", "现场处置"]
    rehearsed = run_cli("rehearse", str(show), "--script", str(script), "--json", cwd=tmp_path)
    assert rehearsed.returncode == 0, rehearsed.stderr
    assert json.loads(rehearsed.stdout)["scores"]["T01"] == 146.9


def test_the_stage_states_the_judged_rule_as_the_round_scores_it(tmp_path):
    from stageshow.app.snapshots import public_snapshot

    show, _ = load_show(judged_show(tmp_path, criteria=CRITERIA, per_vote=0.5))
    engine = Engine(show)
    engine.handle(c.StartRound("R5"), 0)
    assert public_snapshot(show, engine.state).round_rule == (
        "3 位评委现场评分，取平均分；评分项：执法程序 40、文书制作 30、现场处置 30；大众评委每票 0.5 分")
    show, _ = load_show(judged_show(tmp_path / "dropped", drop_extremes=True))
    engine = Engine(show)
    engine.handle(c.StartRound("R5"), 0)
    assert public_snapshot(show, engine.state).round_rule == "3 位评委现场评分，去掉一个最高分和一个最低分"


def test_the_printed_log_reads_a_judges_marks_and_the_struck_ones_as_people_say_them(tmp_path):
    from stageshow.reports.event_words import event_words

    show, _ = load_show(judged_show(tmp_path))
    engine = Engine(show)
    engine.handle(c.StartRound("R5"), 0)
    events = [event for judge, mark in ((1, 70), (2, 95), (3, 80)) for event, _ in
              engine.handle(c.Sheet("T02", judge, (D(mark),)), judge)]
    words = [event_words(show, event) for event in events if type(event).__name__ in ("SheetSubmitted", "PanelScored")]
    assert words[0] == "队伍：第2队；评委：1；评委分：70；合计：70"
    assert words[-1] == "队伍：第2队；评委分：70、95、80；分数：+81.67"
    show, _ = load_show(judged_show(tmp_path / "dropped", drop_extremes=True))
    engine = Engine(show)
    engine.handle(c.StartRound("R5"), 0)
    panel = next(event for event, _ in engine.handle(c.Panel("T01", (D(70), D(95), D(80))), 1)
                 if type(event).__name__ == "PanelScored")
    assert event_words(show, panel) == "队伍：第1队；评委分：70、95、80；去掉：1、2 号评委的分；分数：+80"


def test_the_papers_show_every_judges_mark_the_struck_ones_and_the_votes(tmp_path):
    import openpyxl
    from pypdf import PdfReader

    show, script = (PROJECT / "question_sets" / f"hall-demo.{kind}.yaml" for kind in ("show", "script"))
    db = tmp_path / "hall.sqlite3"
    assert run_cli("rehearse", str(show), "--script", str(script), "--db", str(db), cwd=tmp_path).returncode == 0
    result = run_cli("export", str(db), "--pdf", str(tmp_path / "s.pdf"), "--xlsx", str(tmp_path / "s.xlsx"),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = re.sub(r"\s+", " ", "".join(page.extract_text() for page in PdfReader(tmp_path / "s.pdf").pages))
    assert "第二轮 情景模拟 评分明细" in text
    # 开发区代表队: 78 77 (88) 84 (76) → 23.9 from the judges, 6 votes → 3
    assert re.search(r"1 开发区代表队 78 77 \(88\) 84 \(76\) 23\.9 6 3", text), text[:800]
    rows = [row for row in openpyxl.load_workbook(tmp_path / "s.xlsx")["评委评分"].iter_rows(values_only=True)]
    assert (1, "开发区代表队", 78, 77, "(88)", 84, "(76)", 23.9, 6, 3) in rows  # numbers Excel can add up


def test_a_network_entry_people_get_wrong_is_named_with_the_fix(tmp_path):
    rounds = [{"id": "R1", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 2}]
    for value, words in (("开", "network 应为 true"), ({"port": 80}, "port"), ({"prot": 8765}, "network.prot")):
        show_path = write_show(tmp_path / str(len(words)), rounds, teams=2, network=value)
        show, problems = load_show(show_path)
        found = [problem.render() for problem in problems.items]
        assert any(words in text and "test.show.yaml" in text for text in found), found
    show, _ = load_show(write_show(tmp_path / "on", rounds, teams=2, network=True))
    assert show.network.port == 8765 and not show.network.host_control
