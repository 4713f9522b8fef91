"""纠错 (found, claims, cap, floor) and 评委评分 (trimmed mean, weight, votes)."""

from tests.support import run_script, scores, write_show


def correction_show(tmp_path, **knobs):
    rounds = [{"id": "R4", "kind": "correction", "title": "纠错", "pool": "纠错", **knobs}]
    return write_show(tmp_path, rounds, teams=2)


def test_found_scores_per_error_in_seat_order(tmp_path):
    outcome = run_script(correction_show(tmp_path), """
        - start: R4
        - next: {}
        - go: {}
        - found: [1, 3]
        - next: {}
        - go: {}
        - found: [1, 2, 3, 4]
    """)
    assert scores(outcome) == {"T01": 10, "T02": 20}


def test_claims_cap_and_floor(tmp_path):
    outcome = run_script(correction_show(tmp_path, per_error=5, wrong_claim=-3, cap=12, floor=0), """
        - start: R4
        - next: {}
        - found: [1, 2, 3]
        - claims: 1
        - next: {}
        - found: []
        - claims: 2
    """)
    assert scores(outcome) == {"T01": 12, "T02": 0}


def test_claims_lower_a_capped_item_only_below_the_cap(tmp_path):
    outcome = run_script(correction_show(tmp_path, per_error=5, wrong_claim=-4, cap=10), """
        - start: R4
        - next: {}
        - found: [1, 2, 3]
        - claims: 2
    """)
    assert scores(outcome)["T01"] == 7


def test_time_up_in_correction_waits_for_the_judges(tmp_path):
    outcome = run_script(correction_show(tmp_path, time_limit=90), """
        - start: R4
        - next: {}
        - go: {}
        - wait: 120
        - found: [2]
    """)
    assert scores(outcome)["T01"] == 5


def test_found_out_of_range_and_claims_before_found_fail(tmp_path):
    outcome = run_script(correction_show(tmp_path), """
        - start: R4
        - next: {}
        - found: [5]
    """)
    assert outcome.failed_step == 3 and "超出范围" in outcome.failure
    outcome = run_script(correction_show(tmp_path / "b"), """
        - start: R4
        - next: {}
        - claims: 1
    """)
    assert outcome.failed_step == 3


def judged_show(tmp_path, **knobs):
    return write_show(tmp_path, [{"id": "J", "kind": "judged", "title": "情景模拟", **knobs}], teams=3)


def test_panel_drops_extremes_and_rounds_half_up(tmp_path):
    outcome = run_script(judged_show(tmp_path, per_vote=0.5), """
        - start: J
        - panel: {team: T01, judges: [90, 92, 88, 95, 91]}
        - panel: {team: T02, judges: [80, 80.5, 81, 70, 99]}
        - votes: {T01: 12, T03: 3}
    """)
    # T01: (90+92+91)/3 = 91; T02: (80+80.5+81)/3 = 80.5; votes 0.5 each
    assert scores(outcome) == {"T01": 97, "T02": 80.5, "T03": 1.5}


def test_weight_and_no_dropping(tmp_path):
    outcome = run_script(judged_show(tmp_path, judges=3, drop_extremes=False, weight=0.3, max=10), """
        - start: J
        - panel: {team: T01, judges: [9, 8, 8]}
    """)
    assert scores(outcome)["T01"] == 2.5  # 25/3 × 0.3 = 2.4999… → 2.5 half up


def test_panel_count_range_and_twice_fail(tmp_path):
    for steps, step in (("- panel: {team: T01, judges: [90, 92]}", 2),
                        ("- panel: {team: T01, judges: [90, 92, 88, 95, 101]}", 2),
                        ("- panel: {team: T01, judges: [1, 2, 3, 4, 5]}\n- panel: {team: T01, judges: [1, 2, 3, 4, 5]}",
                         3),
                        ("- votes: {T01: 1}\n- votes: {T02: 1}", 3)):
        outcome = run_script(judged_show(tmp_path / str(step) / str(len(steps))), "- start: J\n" + steps)
        assert outcome.failed_step == step, steps
