"""Write question_sets/demo.script.yaml: a whole demo final as a rehearsal script.

The outcomes are drawn from a seeded random generator, and the engine itself decides whose turn it is, so the
script always follows the rules. Run from the project folder:  python tools/make_demo_script.py
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stageshow.app.result import show_result
from stageshow.domain import commands as c
from stageshow.domain.context import seconds_to_ns
from stageshow.domain.engine import Engine
from stageshow.domain.vocabulary import command_to_step
from stageshow.formats.show_file import load_show_or_raise

SHOW = Path(__file__).resolve().parents[1] / "question_sets" / "demo.show.yaml"
OUT = SHOW.with_name("demo.script.yaml")
SEED = 2026


class Writer:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.clock = Decimal(0)
        self.steps: list[dict] = []

    def do(self, command: c.Command, after: Decimal = Decimal(0)) -> None:
        self.clock += after
        self.engine.handle(command, seconds_to_ns(self.clock))
        name, value = command_to_step(command)
        if name == "press" and after:
            value = {**value, "after": float(after)}
        if name in ("choose", "adjust"):
            value = {key: (int(Decimal(v)) if key in ("tier", "points") else v) for key, v in value.items()}
        self.steps.append({name: value})

    def wait(self, seconds: int) -> None:
        self.clock += seconds
        self.engine.handle(c.Tick(), seconds_to_ns(self.clock))
        self.steps.append({"wait": seconds})


def main() -> None:
    show = load_show_or_raise(SHOW)
    rng = random.Random(SEED)
    engine = Engine(show)
    w = Writer(engine)
    teams = [team.id for team in show.teams]
    skill = {team: rng.uniform(0.45, 0.9) for team in teams}

    w.do(c.StartRound("R1"))
    for turn in range(30):
        w.do(c.Next())
        w.do(c.Go())
        team = engine.state.question.team
        if turn == 7:
            w.wait(20)  # the answer time runs out: a timeout
        else:
            w.do(c.Judge(c.Verdict.CORRECT if rng.random() < skill[team] else c.Verdict.WRONG))

    w.do(c.StartRound("R2"))
    for number in range(20):
        w.do(c.Next())
        if number in (4, 13):
            w.do(c.Press(rng.choice(teams)))  # an early press: a foul
        w.do(c.Go())
        if number == 9:
            w.wait(10)  # nobody buzzes: void
            continue
        eligible = list(engine.state.question.eligible)
        first, second = rng.sample(eligible, 2)
        w.do(c.Press(first), Decimal(rng.randint(40, 300)) / 100)
        w.do(c.Press(second), Decimal(rng.randint(1, 90)) / 100)
        w.do(c.Judge(c.Verdict.CORRECT if rng.random() < skill[first] else c.Verdict.WRONG), Decimal(0))
    w.do(c.Adjust(teams[4], Decimal(-10), "场外提示，经裁判长裁定扣分"))
    w.do(c.Undo())
    w.do(c.Adjust(teams[4], Decimal(-5), "场外提示，经裁判长裁定扣 5 分"))

    w.do(c.StartRound("R3"))
    for team in list(engine.state.round.turns):
        if rng.random() < 0.15:
            w.do(c.Pass(team))
            continue
        w.do(c.Choose(team, Decimal(rng.choice([10, 20, 30]))))
        w.do(c.Go())
        w.do(c.Judge(c.Verdict.CORRECT if rng.random() < skill[team] else c.Verdict.WRONG))

    w.do(c.StartRound("R4"))
    for _ in teams:
        w.do(c.Next())
        w.do(c.Go())
        count = len(show.question(engine.state.question.question_id).errors)
        found = sorted(rng.sample(range(1, count + 1), rng.randint(1, count)))
        w.do(c.Found(tuple(found)))

    from stageshow.domain.standings import straddling_ties

    if straddling_ties(show, engine.state):
        w.do(c.StartTiebreak())
        while engine.state.tiebreak and not engine.state.tiebreak.done:
            w.do(c.Next())
            w.do(c.Go())
            team = rng.choice(engine.state.question.eligible)
            w.do(c.Press(team), Decimal(rng.randint(50, 200)) / 100)
            w.do(c.Judge(c.Verdict.CORRECT if rng.random() < 0.6 else c.Verdict.WRONG))
    w.do(c.Finish())
    result = show_result(show, engine.state)
    w.steps.append({"expect": {"scores": result["scores"]}})
    header = (f"# 演示决赛的完整演练脚本，由 tools/make_demo_script.py 生成（随机种子 {SEED}）。\n"
              "# 运行：stageshow rehearse question_sets/demo.show.yaml --script question_sets/demo.script.yaml\n")
    body = yaml.safe_dump({"steps": w.steps}, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{OUT}: {len(w.steps)} steps; ties after the tie-break: {result['ties']}")


if __name__ == "__main__":
    main()
