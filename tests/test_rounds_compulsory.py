"""必答: turns, members, points, timeouts at the exact deadline, question points."""

from tests.support import question, run_script, scores, write_show


def test_team_by_team_gives_each_team_its_questions_in_bank_order(tmp_path):
    show = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 2}],
                      teams=2)
    outcome = run_script(show, """
        - start: R1
        - next: {}
        - judge: correct
        - next: {}
        - judge: wrong
        - next: {}
        - judge: correct
        - next: {}
        - judge: correct
    """)
    assert scores(outcome) == {"T01": 10, "T02": 20}


def test_interleaved_order_alternates_teams_and_members(tmp_path):
    from stageshow.domain import commands as c
    from stageshow.domain.engine import Engine
    from stageshow.formats.show_file import load_show_or_raise

    show = load_show_or_raise(write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答",
                                                     "pool": "必答", "per_team": 2, "order": "interleaved"}], teams=2))
    engine = Engine(show)
    engine.handle(c.StartRound("R1"), 0)
    seen = []
    for _ in range(4):
        engine.handle(c.Next(), 0)
        seen.append((engine.state.question.team, engine.state.question.member, engine.state.question.question_id))
        engine.handle(c.Judge(c.Verdict.CORRECT), 0)
    assert seen == [("T01", "甲", "必答0"), ("T02", "甲", "必答1"), ("T01", "乙", "必答2"), ("T02", "乙", "必答3")]


def test_timeout_takes_effect_at_the_exact_deadline_and_scores_timeout(tmp_path):
    show = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1,
                                  "wrong": -5, "timeout": -3, "time_limit": 20}], teams=2)
    outcome = run_script(show, """
        - start: R1
        - next: {}
        - go: {}
        - wait: 19.99
        - judge: wrong
        - next: {}
        - go: {}
        - wait: 20
        - judge: correct
    """)
    assert outcome.failure is not None and "第 9 步" in outcome.failure
    assert outcome.result["scores"] == {"T01": -5, "T02": -3}


def test_timeout_defaults_to_wrong_and_question_points_replace_correct_only(tmp_path):
    bank = [question("B1", "必答", points=15), question("B2", "必答", points=15), question("B3", "必答")]
    show = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1,
                                  "wrong": -2}], teams=3, questions=bank)
    outcome = run_script(show, """
        - start: R1
        - next: {}
        - judge: correct
        - next: {}
        - go: {}
        - wait: 25
        - next: {}
        - judge: correct
    """)
    assert scores(outcome) == {"T01": 15, "T02": -2, "T03": 10}


def test_next_after_the_last_turn_fails_with_its_step_number(tmp_path):
    show = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1}],
                      teams=2)
    outcome = run_script(show, """
        - start: R1
        - next: {}
        - judge: correct
        - next: {}
        - judge: correct
        - next: {}
    """)
    assert outcome.failure.startswith("第 6 步")
    assert "全部进行完毕" in outcome.failure


def test_base_score_and_decimal_points_are_exact(tmp_path):
    bank = [question("B1", "必答", points=0.1), question("B2", "必答", points=0.2)]
    show = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 2}],
                      teams=2, questions=bank + [question("B3", "必答"), question("B4", "必答")],
                      base_score=100)
    outcome = run_script(show, """
        - start: R1
        - next: {}
        - judge: correct
        - next: {}
        - judge: correct
        - expect: {scores: {T01: 100.3}}
    """)
    assert scores(outcome)["T01"] == 100.3


def test_a_question_time_limit_overrides_the_round(tmp_path):
    bank = [question("B1", "必答", time_limit=5), question("B2", "必答")]
    show = write_show(tmp_path, [{"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1,
                                  "wrong": -1}], teams=2, questions=bank)
    outcome = run_script(show, """
        - start: R1
        - next: {}
        - go: {}
        - wait: 5
        - next: {}
        - go: {}
        - wait: 19
        - judge: correct
    """)
    assert scores(outcome) == {"T01": -1, "T02": 10}
