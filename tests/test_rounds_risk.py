"""风险: order fixed at the start, tiers, passes, discussion plus answer time."""

from tests.support import run_script, scores, write_show


def risk_show(tmp_path, **knobs):
    rounds = [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1},
              {"id": "R3", "kind": "risk", "title": "风险", "pool": "风险", **knobs}]
    return write_show(tmp_path, rounds, teams=3)


ALL_CORRECT = """
    - start: R1
    - next: {}
    - judge: correct
    - next: {}
    - judge: correct
    - next: {}
    - judge: correct
"""

WARM_UP = """
    - start: R1
    - next: {}
    - judge: correct
    - next: {}
    - judge: wrong
    - next: {}
    - judge: correct
"""


def test_lowest_score_chooses_first_ties_by_seat(tmp_path):
    outcome = run_script(risk_show(tmp_path), WARM_UP + """
    - start: R3
    - choose: {team: T02, tier: 20}
    - go: {}
    - judge: correct
    - choose: {team: T01, tier: 30}
    - go: {}
    - judge: wrong
    - pass: {team: T03}
    """)
    assert scores(outcome) == {"T01": -20, "T02": 20, "T03": 10}


def test_choosing_out_of_turn_fails(tmp_path):
    outcome = run_script(risk_show(tmp_path), WARM_UP + """
    - start: R3
    - choose: {team: T01, tier: 10}
    """)
    assert outcome.failed_step == 9
    assert "T02" in outcome.failure


def test_wrong_factor_and_timeout_after_discussion_and_answer_time(tmp_path):
    show = risk_show(tmp_path, wrong_factor=0.5, discussion_time=30, time_limit=60, order="seat")
    outcome = run_script(show, ALL_CORRECT + """
    - start: R3
    - choose: {team: T01, tier: 30}
    - go: {}
    - wait: 89
    - judge: wrong
    - choose: {team: T02, tier: 10}
    - go: {}
    - wait: 90
    - pass: {team: T03}
    """)
    assert scores(outcome) == {"T01": -5, "T02": 5, "T03": 10}


def test_unknown_tier_used_tier_and_pass_refused(tmp_path):
    outcome = run_script(risk_show(tmp_path, allow_pass=False, order="seat", per_team=2), ALL_CORRECT + """
    - start: R3
    - choose: {team: T01, tier: 40}
    """)
    assert outcome.failed_step == 9 and "40" in outcome.failure
    outcome = run_script(risk_show(tmp_path / "b", allow_pass=False, order="seat", per_team=2), ALL_CORRECT + """
    - start: R3
    - choose: {team: T01, tier: 10}
    - judge: correct
    - choose: {team: T02, tier: 10}
    - judge: correct
    - choose: {team: T03, tier: 10}
    - judge: correct
    - choose: {team: T01, tier: 10}
    """)
    assert outcome.failed_step == 15 and "已经选过" in outcome.failure
    outcome = run_script(risk_show(tmp_path / "c", allow_pass=False), WARM_UP + """
    - start: R3
    - pass: {team: T02}
    """)
    assert outcome.failed_step == 9


def test_risk_has_no_next(tmp_path):
    outcome = run_script(risk_show(tmp_path), WARM_UP + """
    - start: R3
    - next: {}
    """)
    assert outcome.failed_step == 9
