"""Random command sequences against the engine, with the promises checked after every step."""

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.engine import Engine, total_of_score_events
from stageshow.domain.errors import RuleViolation
from stageshow.domain.phases import Phase
from stageshow.formats.show_file import load_show_or_raise
from tests.support import write_show

ROUNDS = [
    {"id": "R1", "kind": "compulsory", "title": "必答", "pool": "必答", "per_team": 1, "wrong": -2},
    {"id": "R2", "kind": "buzz", "title": "抢答", "pool": "抢答", "questions": 4, "after_wrong": "reopen"},
    {"id": "R3", "kind": "risk", "title": "风险", "pool": "风险"},
    {"id": "R4", "kind": "correction", "title": "纠错", "pool": "纠错", "wrong_claim": -2, "cap": 15},
    {"id": "R5", "kind": "judged", "title": "评分", "judges": 3, "per_vote": 0.5},
]
SHOW = load_show_or_raise(write_show(Path(tempfile.mkdtemp()), ROUNDS, teams=3, tiebreak={"pool": "加赛"},
                                     awards=[{"name": "一等奖", "count": 1}, {"name": "二等奖", "count": 1}]))
TEAMS = [team.id for team in SHOW.teams]
SECOND = 1_000_000_000


def projection(engine: Engine) -> tuple:
    """What must match between live play and replay, and be restored by undo."""
    state = engine.state
    question = state.question
    return (
        state.phase, dict(state.scores), state.round and (state.round.round_id, state.round.turn, state.round.asked),
        question and (question.question_id, question.team, tuple(question.eligible), tuple(question.fouled),
                      tuple(question.answered), question.verdict),
        tuple(state.rounds_started), dict(state.fouls),
        state.tiebreak and (state.tiebreak.current, tuple(state.tiebreak.remaining), dict(state.tiebreak.order)),
    )


class ShowMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.engine = Engine(SHOW)
        self.log: list[tuple[e.Event, int]] = []
        self.now = 0
        self.before_scoring: list[tuple] = []
        self.open_since: int | None = None

    def submit(self, command: c.Command) -> None:
        before = projection(self.engine)
        try:
            events = self.engine.handle(command, self.now)
        except RuleViolation:
            assert projection(self.engine) == before, "a refused command changed the state"
            return
        undo_points = sum(isinstance(event, e.UndoPoint) for event, _ in events)
        if isinstance(command, c.Undo):
            expected = self.before_scoring.pop()
            restored = projection(self.engine)
            assert restored[1] == expected[1], "undo did not restore the scores"
            assert restored[3] == expected[3] and restored[2] == expected[2], "undo did not restore the question"
        elif undo_points:
            # a Tick may expire a countdown (one undo point) before the command's own
            self.before_scoring.extend([before] * undo_points if undo_points == 1 else [before] * undo_points)
        self.log.extend(events)

    @rule(seconds=st.integers(0, 40))
    def wait(self, seconds):
        self.now += seconds * SECOND // 4
        self.submit(c.Tick())

    @rule(round_index=st.integers(0, len(ROUNDS) - 1))
    def start_any(self, round_index):
        self.submit(c.StartRound(ROUNDS[round_index]["id"]))

    @rule()
    def start_next(self):
        started = self.engine.state.rounds_started
        upcoming = [r["id"] for r in ROUNDS if r["id"] not in started]
        if upcoming:
            self.submit(c.StartRound(upcoming[0]))

    @rule()
    def next(self):
        self.submit(c.Next())

    @rule()
    def go(self):
        self.submit(c.Go())

    @rule(team=st.sampled_from(TEAMS), delay_ms=st.integers(0, 3000))
    def press(self, team, delay_ms):
        self.now += delay_ms * 1_000_000
        self.submit(c.Press(team))

    @rule(first=st.sampled_from(TEAMS), second=st.sampled_from(TEAMS), gap_ms=st.integers(0, 5))
    def go_and_race(self, first, second, gap_ms):
        """The host says 开始 and two buzzers race, sometimes with equal stamps."""
        self.submit(c.Go())
        self.now += 300_000_000
        self.submit(c.Press(first))
        self.now += gap_ms * 1_000_000
        self.submit(c.Press(second))

    @rule(verdict=st.sampled_from(list(c.Verdict)))
    def judge(self, verdict):
        self.submit(c.Judge(verdict))

    @rule(team=st.sampled_from(TEAMS), tier=st.sampled_from([10, 20, 30, 40]))
    def choose(self, team, tier):
        self.submit(c.Choose(team, Decimal(tier)))

    @rule(tier=st.sampled_from([10, 20, 30]))
    def choose_in_turn(self, tier):
        round_state = self.engine.state.round
        if round_state and round_state.turn < len(round_state.turns):
            self.submit(c.Choose(round_state.turns[round_state.turn], Decimal(tier)))

    @rule(team=st.sampled_from(TEAMS))
    def pass_turn(self, team):
        self.submit(c.Pass(team))

    @rule(found=st.lists(st.integers(1, 5), max_size=4))
    def found(self, found):
        self.submit(c.Found(tuple(found)))

    @rule(count=st.integers(0, 3))
    def claims(self, count):
        self.submit(c.Claims(count))

    @rule(team=st.sampled_from(TEAMS), scores=st.lists(st.integers(0, 100), min_size=3, max_size=3))
    def panel(self, team, scores):
        self.submit(c.Panel(team, tuple(Decimal(score) for score in scores)))

    @rule(votes=st.dictionaries(st.sampled_from(TEAMS), st.integers(0, 20)))
    def votes(self, votes):
        self.submit(c.Votes(votes))

    @rule(team=st.sampled_from(TEAMS), points=st.integers(-20, 20))
    def adjust(self, team, points):
        self.submit(c.Adjust(team, Decimal(points), "裁判长裁定"))

    @rule()
    def undo(self):
        if self.before_scoring:
            self.submit(c.Undo())

    @rule()
    def tiebreak(self):
        self.submit(c.StartTiebreak())

    @rule()
    def finish(self):
        self.submit(c.Finish())

    @invariant()
    def scores_equal_the_sum_of_score_events(self):
        assert self.engine.state.scores == total_of_score_events(SHOW, self.log)

    @invariant()
    def replay_of_the_log_equals_the_live_state(self):
        assert projection(Engine.replay(SHOW, self.log)) == projection(self.engine)

    @invariant()
    def at_most_one_team_answers_and_it_pressed_earliest(self):
        state = self.engine.state
        question = state.question
        if state.phase != Phase.ANSWERING or question is None or question.lock_stamp is None:
            return
        assert question.team is not None
        valid = [press for press in question.presses[question.opened_presses:] if press.outcome in ("won", "late")]
        winners = [press for press in valid if press.outcome == "won" and press.team == question.team]
        assert winners, "the answering team has no winning press"
        assert min(press.stamp for press in valid) == question.lock_stamp


ShowMachine.TestCase.settings = settings(max_examples=200, stateful_step_count=80, deadline=None,
                                         suppress_health_check=[HealthCheck.too_slow])
test_random_command_sequences_keep_the_promises = ShowMachine.TestCase
