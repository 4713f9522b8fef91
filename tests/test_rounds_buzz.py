"""抢答: opening, the earliest press, fouls, void, reopen, ties by rearm or seat."""

from tests.support import run_script, scores, write_show


def buzz_show(tmp_path, **knobs):
    round_ = {"id": "R2", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 5, **knobs}
    return write_show(tmp_path, [round_], teams=4)


def test_first_valid_press_answers_and_scores(tmp_path):
    outcome = run_script(buzz_show(tmp_path), """
        - start: R2
        - next: {}
        - go: {}
        - press: {team: T03, after: 1.25}
        - press: {team: T01, after: 0.1}
        - judge: correct
        - next: {}
        - go: {}
        - press: {team: T02, after: 2}
        - judge: wrong
    """)
    assert scores(outcome) == {"T01": 0, "T02": -10, "T03": 10, "T04": 0}


def test_early_press_is_a_foul_and_the_question_goes_on_for_the_others(tmp_path):
    outcome = run_script(buzz_show(tmp_path), """
        - start: R2
        - next: {}
        - press: {team: T02}
        - go: {}
        - press: {team: T02, after: 0.5}
        - press: {team: T04, after: 0.5}
        - judge: correct
    """)
    assert scores(outcome) == {"T01": 0, "T02": -10, "T03": 0, "T04": 10}


def test_nobody_pressing_voids_the_question_and_uses_up_its_place(tmp_path):
    outcome = run_script(buzz_show(tmp_path, questions=2), """
        - start: R2
        - next: {}
        - go: {}
        - wait: 10
        - press: {team: T01}
        - next: {}
        - go: {}
        - press: {team: T01, after: 9.99}
        - judge: correct
        - next: {}
    """)
    assert outcome.failed_step == 10
    assert outcome.result["scores"]["T01"] == 10


def test_after_wrong_close_ends_the_question(tmp_path):
    outcome = run_script(buzz_show(tmp_path), """
        - start: R2
        - next: {}
        - go: {}
        - press: {team: T01, after: 1}
        - judge: wrong
        - press: {team: T02, after: 1}
        - judge: correct
    """)
    assert outcome.failed_step == 7  # the late press is logged and ignored; judging it is refused
    assert outcome.result["scores"] == {"T01": -10, "T02": 0, "T03": 0, "T04": 0}


def test_after_wrong_reopen_lets_the_others_buzz_at_once(tmp_path):
    outcome = run_script(buzz_show(tmp_path, after_wrong="reopen", wrong=-5), """
        - start: R2
        - next: {}
        - go: {}
        - press: {team: T01, after: 1}
        - judge: wrong
        - press: {team: T01, after: 0.5}
        - press: {team: T02, after: 0.5}
        - judge: correct
    """)
    assert scores(outcome) == {"T01": -5, "T02": 10, "T03": 0, "T04": 0}


def test_answer_timeout_scores_timeout_and_reopens_when_asked(tmp_path):
    outcome = run_script(buzz_show(tmp_path, after_wrong="reopen", timeout=-3, answer_time=30), """
        - start: R2
        - next: {}
        - go: {}
        - press: {team: T01, after: 1}
        - wait: 30
        - press: {team: T03, after: 2}
        - judge: correct
    """)
    assert scores(outcome) == {"T01": -3, "T02": 0, "T03": 10, "T04": 0}


def test_equal_stamps_rearm_for_the_tied_teams_only(tmp_path):
    outcome = run_script(buzz_show(tmp_path), """
        - start: R2
        - next: {}
        - go: {}
        - press: {team: T02, after: 1}
        - press: {team: T04}
        - press: {team: T01, after: 0.2}
        - press: {team: T04, after: 0.3}
        - judge: correct
    """)
    assert scores(outcome) == {"T01": 0, "T02": 0, "T03": 0, "T04": 10}


def test_equal_stamps_with_tie_seat_go_to_the_lower_seat(tmp_path):
    outcome = run_script(buzz_show(tmp_path, tie="seat"), """
        - start: R2
        - next: {}
        - go: {}
        - press: {team: T04, after: 1}
        - press: {team: T02}
        - judge: correct
    """)
    assert scores(outcome) == {"T01": 0, "T02": 10, "T03": 0, "T04": 0}


def test_judging_before_anyone_answers_is_refused(tmp_path):
    outcome = run_script(buzz_show(tmp_path), """
        - start: R2
        - next: {}
        - go: {}
        - judge: correct
    """)
    assert outcome.failed_step == 4


def test_press_by_an_unknown_team_fails(tmp_path):
    outcome = run_script(buzz_show(tmp_path), """
        - start: R2
        - next: {}
        - go: {}
        - press: {team: T99, after: 1}
    """)
    assert outcome.failed_step == 4 and "T99" in outcome.failure


def test_a_late_arriving_earlier_stamp_takes_the_lock(tmp_path):
    from stageshow.domain import commands as c
    from stageshow.domain.engine import Engine
    from stageshow.formats.show_file import load_show_or_raise

    engine = Engine(load_show_or_raise(buzz_show(tmp_path)))
    for command in (c.StartRound("R2"), c.Next(), c.Go()):
        engine.handle(command, 0)
    engine.handle(c.Press("T03", stamp=2_000_000), 3_000_000)
    engine.handle(c.Press("T01", stamp=1_500_000), 3_100_000)  # arrived later, pressed earlier
    assert engine.state.question.team == "T01"
    assert engine.state.question.reaction == 1_500_000
    outcomes = {press.team: press.outcome for press in engine.state.question.presses}
    assert outcomes == {"T03": "late", "T01": "won"}


def test_an_earlier_press_arriving_after_a_tie_still_wins_that_race(tmp_path):
    """Found by the hypothesis test over arrival orders: a tie between two later presses re-armed the buzzers
    for those two, and the truly first press, arriving last, was taken for an early press (a foul)."""
    from stageshow.domain import commands as c
    from stageshow.domain.engine import Engine
    from stageshow.formats.show_file import load_show_or_raise

    def tied_engine():
        engine = Engine(load_show_or_raise(buzz_show(tmp_path)))
        for command in (c.StartRound("R2"), c.Next(), c.Go()):
            engine.handle(command, 0)
        engine.handle(c.Press("T02", stamp=2_000_000), 3_000_000)
        engine.handle(c.Press("T01", stamp=2_000_000), 3_100_000)  # a tie: re-armed for T01 and T02
        assert engine.state.question.eligible == ["T02", "T01"] and engine.state.question.opened_at == 3_100_000
        return engine

    engine = tied_engine()
    engine.handle(c.Press("T03", stamp=1_000_000), 3_200_000)  # pressed first, arrived last
    assert engine.state.question.team == "T03" and engine.state.question.reaction == 1_000_000
    assert engine.state.scores["T03"] == 0 and not engine.state.question.fouled

    engine = tied_engine()
    engine.handle(c.Press("T04", stamp=2_000_000), 3_200_000)  # the same moment: it joins the tie
    assert sorted(engine.state.question.eligible) == ["T01", "T02", "T04"]
    engine.handle(c.Press("T03", stamp=2_500_000), 3_300_000)  # after the tie, before the re-arm: late, no foul
    assert engine.state.question.presses[-1].outcome == "late" and not engine.state.question.fouled


def test_custom_window_and_early_press_points(tmp_path):
    outcome = run_script(buzz_show(tmp_path, buzz_window=3, early_press=-5), """
        - start: R2
        - next: {}
        - press: {team: T01}
        - go: {}
        - wait: 3
        - next: {}
        - go: {}
        - press: {team: T02, after: 2.99}
        - judge: correct
    """)
    assert scores(outcome) == {"T01": -5, "T02": 10, "T03": 0, "T04": 0}
