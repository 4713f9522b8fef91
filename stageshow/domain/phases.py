"""The show's phases and which commands each allows."""

from __future__ import annotations

import enum

from stageshow.domain import commands as c


class Phase(enum.StrEnum):
    SETUP = "setup"  # loaded, title card, no round yet
    ROUND_READY = "round_ready"  # a round (or the tie-break) is on, no question in play
    PRESENTED = "presented"  # a question is shown; buzzers closed, countdown not started
    BUZZ_OPEN = "buzz_open"  # buzzers open, waiting for the first valid press
    ANSWERING = "answering"  # a team answers; its countdown may run
    QUESTION_DONE = "question_done"  # judged, scored or void; the answer may be revealed
    FINISHED = "finished"


_ANYTIME = {c.Tick, c.Press, c.Adjust, c.Undo, c.Recover}
_BETWEEN_QUESTIONS = {c.StartRound, c.Next, c.Choose, c.Pass, c.Panel, c.Sheet, c.Unlock, c.OpenVoting, c.Ballot,
                      c.CloseVoting, c.Votes, c.StartTiebreak, c.Finish}

ALLOWED: dict[Phase, set[type]] = {
    Phase.SETUP: _ANYTIME | {c.StartRound, c.Finish},
    Phase.ROUND_READY: _ANYTIME | _BETWEEN_QUESTIONS,
    Phase.PRESENTED: _ANYTIME | {c.Go, c.Judge, c.Found},
    Phase.BUZZ_OPEN: _ANYTIME | {c.PauseClock, c.ResumeClock, c.AddTime},
    Phase.ANSWERING: _ANYTIME | {c.Judge, c.Found, c.PauseClock, c.ResumeClock, c.AddTime},
    Phase.QUESTION_DONE: _ANYTIME | _BETWEEN_QUESTIONS | {c.Claims, c.Reveal},
    Phase.FINISHED: {c.Tick, c.Press, c.Adjust, c.Undo, c.Recover},
}


def allows(phase: Phase, command: object) -> bool:
    return type(command) in ALLOWED[phase]
