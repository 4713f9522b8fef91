"""Screenshots of every stage phase at three resolutions, with automatic checks; the PNGs are kept to look at."""

from decimal import Decimal

from pathlib import Path

import pytest

from stageshow.app.snapshots import public_snapshot
from stageshow.domain import commands as c
from stageshow.domain.engine import Engine
from stageshow.formats.show_file import load_show_or_raise
from tests.support import DEMO_SHOW, PROJECT

OUT = PROJECT / "test-output" / "screenshots"
SIZES = [(1920, 1080), (1280, 720), (1024, 768)]
S = 1_000_000_000


def phases():
    """(name, state) for every kind of stage screen the demo final goes through."""
    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    found = [("title", engine.state.clone())]

    def step(name, *commands, at=0):
        for command in commands:
            engine.handle(command, at)
        if name:
            found.append((name, engine.state.clone()))

    step("round-intro", c.StartRound("R1"))
    step("question", c.Next(), c.Go())
    step("judged", c.Judge(c.Verdict.CORRECT), at=3 * S)
    step("revealed", c.Reveal(), at=3 * S)
    step("buzz-closed", c.StartRound("R2"), c.Next(), at=3 * S)
    step("buzz-open", c.Go(), at=3 * S)
    step(None, c.Press("T03"), at=4 * S)
    step("buzz-won", c.Press("T05"), at=4 * S + 45_000_000)
    step("risk-board", c.Judge(c.Verdict.WRONG), c.StartRound("R3"), at=5 * S)
    step("risk-question", c.Choose(engine.state.round.turns[0], Decimal(30)), c.Go(), at=5 * S)
    engine.handle(c.Judge(c.Verdict.CORRECT), 6 * S)
    step("risk-board-used", c.Pass(engine.state.round.turns[1]), at=6 * S)
    step("document", c.StartRound("R4"), c.Next(), c.Go(), at=6 * S)
    step("document-revealed", c.Found((1, 3)), c.Reveal(), c.Reveal(), c.Reveal(), at=7 * S)
    step("process", c.Next(), at=7 * S)
    step("final", c.Found((1,)), c.Finish(), at=8 * S)
    return show, found


def judged_state():
    from tests.support import write_show
    import tempfile

    path = write_show(Path(tempfile.mkdtemp()), [{"id": "J", "kind": "judged", "title": "情景模拟", "per_vote": 0.5}],
                      teams=6)
    show = load_show_or_raise(path)
    engine = Engine(show)
    engine.handle(c.StartRound("J"), 0)
    for index, team in enumerate(show.teams):
        engine.handle(c.Panel(team.id, tuple(Decimal(v) for v in (88 + index, 92, 85, 95 - index, 90))), 0)
    engine.handle(c.Votes({"T01": 12, "T02": 8}), 0)
    return show, engine.state


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_judged_board_and_award_ceremony(qtbot, size):
    from stageshow.ui.stage.view import StageView

    cases = [("judged-panel", *judged_state(), "live")]
    show, found = phases()
    final = dict(found)["final"]
    cases += [(f"award-{level}", show, final, f"award:{level}") for level in range(3)]
    for name, case_show, state, mode in cases:
        view = StageView(lambda: 0)
        qtbot.addWidget(view)
        view.resize(*size)
        view.set_mode(mode)
        view.show_snapshot(public_snapshot(case_show, state))
        view.grab().toImage().save(str(OUT / f"{name}-{size[0]}x{size[1]}.png"))
        for given, used in view.last_text_boxes:
            assert view.rect().contains(given.toAlignedRect()), (name, given)
            assert given.adjusted(-1, -1, 1, 1).contains(used), (name, "text clipped", given, used)


def longest_question_state():
    """The demo question with the most text (stem and options), presented the way its round presents it."""
    show = load_show_or_raise(DEMO_SHOW)
    longest = max(show.questions, key=lambda q: len(q.stem) + sum(map(len, q.options)))
    round_ = next(r for r in show.rounds if r.pool == longest.pool)
    engine = Engine(show)
    for earlier in show.rounds[: show.rounds.index(round_) + 1]:
        engine.handle(c.StartRound(earlier.id), 0)
    engine.state.used.update(q.id for q in show.pool(longest.pool) if q.id != longest.id)
    if longest.tier is not None:
        engine.handle(c.Choose(engine.state.round.turns[0], longest.tier), 0)
    else:
        engine.handle(c.Next(), 0)
    assert engine.state.question.question_id == longest.id
    return show, engine


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_phase_renders_inside_the_frame(qtbot, size):
    from stageshow.ui.stage.view import StageView

    show, found = phases()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, state in found:
        view = StageView(lambda: 4 * S)
        qtbot.addWidget(view)
        view.resize(*size)
        view.show_snapshot(public_snapshot(show, state))
        image = view.grab().toImage()
        image.save(str(OUT / f"{name}-{size[0]}x{size[1]}.png"))
        assert image.width() == size[0] and image.height() == size[1]
        assert len({image.pixel(x, y) for x in range(0, size[0], 37) for y in range(0, size[1], 41)}) > 20, name
        bounds = view.rect()
        assert view.last_text_boxes, name
        for given, used in view.last_text_boxes:
            assert bounds.contains(given.toAlignedRect()), (name, given)
            assert given.adjusted(-1, -1, 1, 1).contains(used), (name, "text clipped", given, used)


def test_the_longest_demo_question_fits_at_1024x768(qtbot):
    from stageshow.ui.stage.theme import MIN_TEXT
    from stageshow.ui.stage.view import StageView

    show, engine = longest_question_state()
    question = show.question(engine.state.question.question_id)
    view = StageView(lambda: 0)
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show_snapshot(public_snapshot(show, engine.state))
    view.grab().toImage().save(str(OUT / "longest-question-1024x768.png"))
    for given, used in view.last_text_boxes:
        assert given.adjusted(-1, -1, 1, 1).contains(used), ("clipped", given, used)
    sizes = dict(zip(view.last_texts, view.last_sizes, strict=True))
    assert sizes[question.stem] >= int(768 * MIN_TEXT)  # never below the legible floor
    for letter, option in zip("ABCDEFGH", question.options, strict=False):
        assert sizes[f"{letter}. {option}"] >= int(768 * MIN_TEXT)


def test_no_answer_in_what_the_stage_holds_before_reveal(qtbot):
    _, found = phases()
    by_name = dict(found)
    show = load_show_or_raise(DEMO_SHOW)
    for name in ("question", "judged", "buzz-won", "document", "process"):
        snapshot = public_snapshot(show, by_name[name])
        assert snapshot.question.answer is None and snapshot.question.errors == (), name
    assert public_snapshot(show, by_name["revealed"]).question.answer
    assert len(public_snapshot(show, by_name["document-revealed"]).question.errors) == 3



@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_buzzer_test_page_shows_every_teams_lamp_inside_the_frame(qtbot, size):
    from stageshow.ui.buzzers.lamps import BuzzerLamps
    from stageshow.ui.stage.view import StageView

    show = load_show_or_raise(DEMO_SHOW)
    lamps = BuzzerLamps()
    lamps.light("T03", "手柄 Party Buzzer #1 按键 2")
    lamps.light("T07", "键盘 7")
    lamps.light(None, "键盘 Q")
    lamps.offline = {"T05"}
    view = StageView(lambda: 0)
    qtbot.addWidget(view)
    view.resize(*size)
    view.lamps = lamps
    view.set_mode("buzzers")
    view.show_snapshot(public_snapshot(show, Engine(show).state))
    view.grab().toImage().save(str(OUT / f"buzzer-test-{size[0]}x{size[1]}.png"))
    for team in show.teams:
        assert f"{team.seat} {team.name.removesuffix('代表队')}" in view.last_texts
    assert "手柄已断开" in view.last_texts and "未分配的按键：键盘 Q" in view.last_texts
    for given, used in view.last_text_boxes:
        assert view.rect().contains(given.toAlignedRect()), given
        assert given.adjusted(-1, -1, 1, 1).contains(used), ("text clipped", given, used)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_teams_screen_and_the_shows_logo_and_background(qtbot, size, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from stageshow.ui.stage.view import StageView

    show = load_show_or_raise(DEMO_SHOW)
    assert show.extras["logo"].endswith("logo.png")
    photo = QImage(800, 600, QImage.Format.Format_RGB32)
    photo.fill(QColor("#C0A060"))  # a bright background: the dimming must keep white text readable on it
    photo.save(str(tmp_path / "hall.png"))
    show.extras["background"] = str(tmp_path / "hall.png")
    for name, mode in (("teams", "teams"), ("title-with-logo", "logo")):
        view = StageView(lambda: 0)
        qtbot.addWidget(view)
        view.resize(*size)
        view.set_mode(mode)
        view.show_snapshot(public_snapshot(show, Engine(show).state))
        image = view.grab().toImage()
        image.save(str(OUT / f"{name}-{size[0]}x{size[1]}.png"))
        corner = QColor(image.pixel(2, size[1] - 3))
        assert corner.red() > corner.blue() and corner.lightness() < 140, name  # the photo, dimmed
        for given, used in view.last_text_boxes:
            assert view.rect().contains(given.toAlignedRect()), (name, given)
            assert given.adjusted(-1, -1, 1, 1).contains(used), (name, "text clipped", given, used)
        if mode == "teams":
            assert all(team.name in view.last_texts and "  ".join(team.members) in view.last_texts
                       for team in show.teams)
    centre = QColor(image.pixel(size[0] // 2, int(size[1] * 0.12)))
    assert centre.name() != corner.name()  # the logo is drawn above the title
