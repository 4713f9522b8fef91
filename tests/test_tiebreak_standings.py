"""加赛 and the final standings: competition ranks, awards shared by ties, sudden death only across boundaries."""

from tests.support import run_script, write_show

ROUNDS = [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1}]
TIED = """
    - start: R1
    - next: {}
    - judge: correct
    - next: {}
    - judge: correct
    - next: {}
    - judge: wrong
    - next: {}
    - judge: wrong
"""


def tied_show(tmp_path, awards=({"name": "一等奖", "count": 1}, {"name": "二等奖", "count": 2})):
    return write_show(tmp_path, ROUNDS, teams=4, tiebreak={"pool": "加赛"}, awards=list(awards))


def table(outcome):
    return [(row["rank"], row["team"], row["award"]) for row in outcome.result["standings"]]


def test_without_a_tiebreak_ties_share_rank_and_the_better_award(tmp_path):
    outcome = run_script(tied_show(tmp_path), TIED + "    - finish: {}\n")
    assert outcome.failure is None
    assert table(outcome) == [(1, "T01", "一等奖"), (1, "T02", "一等奖"), (3, "T03", "二等奖"), (3, "T04", "二等奖")]
    assert outcome.result["ties"] == [["T01", "T02"], ["T03", "T04"]]


def test_sudden_death_orders_each_group_that_straddles_a_boundary(tmp_path):
    outcome = run_script(tied_show(tmp_path), TIED + """
    - tiebreak: {}
    - next: {}
    - go: {}
    - press: {team: T03, after: 0.5}
    - press: {team: T02, after: 0.5}
    - judge: correct
    - next: {}
    - go: {}
    - press: {team: T03, after: 1}
    - judge: wrong
    - finish: {}
    - expect: {scores: {T01: 10, T02: 10, T03: 0, T04: 0}}
    """)
    assert outcome.failure is None, outcome.failure
    assert table(outcome) == [(1, "T02", "一等奖"), (2, "T01", "二等奖"), (3, "T04", "二等奖"), (4, "T03", None)]
    assert outcome.result["ties"] == []


def test_a_void_tiebreak_question_moves_on_to_the_next(tmp_path):
    outcome = run_script(tied_show(tmp_path), TIED + """
    - tiebreak: {}
    - next: {}
    - go: {}
    - wait: 10
    - next: {}
    - go: {}
    - press: {team: T01, after: 2}
    - judge: correct
    - finish: {}
    """)
    assert outcome.failure is None, outcome.failure
    assert table(outcome)[:2] == [(1, "T01", "一等奖"), (2, "T02", "二等奖")]
    assert outcome.result["ties"] == [["T03", "T04"]]


def test_tiebreak_refused_without_a_boundary_tie_or_before_the_last_round(tmp_path):
    outcome = run_script(tied_show(tmp_path, awards=[{"name": "奖", "count": 2}]), TIED + "    - tiebreak: {}\n")
    assert outcome.failed_step == 10 and "无需加赛" in outcome.failure
    outcome = run_script(write_show(tmp_path / "b", ROUNDS + [{"id": "R2", "kind": "compulsory", "title": "x",
                                                                    "pool": "必答2", "per_team": 1}],
                                    teams=2, tiebreak={"pool": "加赛"}), "- start: R1\n- tiebreak: {}")
    assert outcome.failed_step == 2 and "R2" in outcome.failure


def test_competition_ranking_one_two_two_four(tmp_path):
    show = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1}],
                      teams=4)
    outcome = run_script(show, """
        - start: R1
        - next: {}
        - judge: correct
        - adjust: {team: T01, points: 5, reason: 加分示例}
        - next: {}
        - judge: correct
        - next: {}
        - judge: correct
        - next: {}
        - judge: wrong
    """)
    assert [row["rank"] for row in outcome.result["standings"]] == [1, 2, 2, 4]
    assert outcome.result["scores"]["T01"] == 15
