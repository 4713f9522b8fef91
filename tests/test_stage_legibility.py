"""Legible from the back row: nothing on the stage below 2 % of its height (long names are shortened or cut, not
shrunk), a score change shown large as it happens, a foul on a line of its own, the tied teams of a tie-break
standing out, a risk pass on the board."""

from decimal import Decimal

from PySide6.QtGui import QImage

from stageshow.app.snapshots import public_snapshot
from stageshow.domain import commands as c
from stageshow.domain.engine import Engine
from stageshow.formats.show_file import load_show_or_raise
from tests.support import PROJECT, paint_snapshot, write_show

FLOOR = 0.02
OUT = PROJECT / "test-output" / "screenshots"


def painted(snapshot, width=1024, height=768, name=None):
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image, frame = paint_snapshot(snapshot, 0, onto=image)
    if name:
        OUT.mkdir(parents=True, exist_ok=True)
        image.save(str(OUT / f"{name}-{width}x{height}.png"))
    for given, used in frame.text_boxes:
        assert image.rect().contains(given.toAlignedRect()), given
        assert given.adjusted(-1, -1, 1, 1).contains(used), ("text clipped", given, used)
    small = [(text, size) for text, size in zip(frame.texts, frame.sizes, strict=True) if size < int(height * FLOOR)]
    assert small == [], small
    return frame


def long_named_teams(count=10):
    teams = [{"id": f"T{n:02d}", "name": f"第{n}组高新技术产业开发区综合行政执法局代表队", "members": ["甲"]}
             for n in range(1, count + 1)]
    teams[1]["short"] = "高新区"
    return teams


def test_long_team_names_never_fall_below_the_floor_and_a_short_name_is_used(qapp, tmp_path):
    rounds = [{"id": "R1", "title": "抢答", "kind": "buzz", "pool": "抢答", "questions": 3}]
    show = load_show_or_raise(write_show(tmp_path, rounds, teams=long_named_teams()))
    engine = Engine(show)
    for command in (c.StartRound("R1"), c.Next()):
        engine.handle(command, 0)
    for width, height in ((1024, 768), (1280, 720), (1920, 1080)):
        frame = painted(public_snapshot(show, engine.state), width, height, name="long-names")
        assert "高新区" in frame.texts  # the show file's short name in the strip


def test_a_foul_is_its_own_line_and_the_points_of_a_judgement_show_large(qapp, tmp_path):
    rounds = [{"id": "R1", "title": "抢答", "kind": "buzz", "pool": "抢答", "questions": 3, "after_wrong": "reopen"}]
    show = load_show_or_raise(write_show(tmp_path, rounds, teams=4))
    engine = Engine(show)
    second = 1_000_000_000
    for n, command in enumerate((c.StartRound("R1"), c.Next(), c.Press("T04"), c.Go(), c.Press("T03"),
                                 c.Judge(c.Verdict.WRONG))):
        engine.handle(command, n * second)
    engine.handle(c.Press("T01"), 7 * second)
    engine.handle(c.Judge(c.Verdict.CORRECT), 8 * second)
    frame = painted(public_snapshot(show, engine.state), name="foul-and-judgement")
    assert "第1队　回答正确　+10" in frame.texts  # the answering team, its verdict and its points
    assert "提前抢答犯规：第4队" in frame.texts  # the foul, on its own line, by name


def test_the_tied_teams_of_a_tiebreak_are_named_and_stand_out(qapp, tmp_path):
    rounds = [{"id": "R1", "title": "抢答", "kind": "buzz", "pool": "抢答", "questions": 1}]
    path = write_show(tmp_path, rounds, teams=3, tiebreak={"pool": "加赛"},
                      awards=[{"name": "一等奖", "count": 1}, {"name": "二等奖", "count": 2}])
    show = load_show_or_raise(path)
    engine = Engine(show)
    for n, command in enumerate((c.StartRound("R1"), c.Next(), c.Go(), c.Press("T03"), c.Judge(c.Verdict.WRONG),
                                 c.StartTiebreak())):
        engine.handle(command, n * 1_000_000_000)
    snapshot = public_snapshot(show, engine.state)
    assert set(snapshot.tiebreak_group) == {"T01", "T02"}
    frame = painted(snapshot, name="tiebreak-intro")
    assert "加赛：第1队、第2队" in frame.texts


def test_a_risk_pass_shows_on_the_board(qapp, tmp_path):
    rounds = [{"id": "R1", "title": "风险题", "kind": "risk", "pool": "风险"}]
    show = load_show_or_raise(write_show(tmp_path, rounds, teams=3))
    engine = Engine(show)
    engine.handle(c.StartRound("R1"), 0)
    engine.handle(c.Pass("T01"), 1)
    snapshot = public_snapshot(show, engine.state)
    assert snapshot.passed == ("T01",)
    frame = painted(snapshot, name="risk-pass")
    assert "放弃" in frame.texts
    assert Engine.replay(show, []).state.round is None and Decimal(0) == 0


def test_the_score_chart_reads_at_1024_by_768_with_names_rounds_and_safe_colours(qtbot, tmp_path):
    from stageshow.app.session import ShowSession
    from stageshow.ui.bridge import ShowBridge
    from stageshow.ui.charts import SAFE_COLOURS, ScoreHistoryChart
    from tests.support import DEMO_SHOW

    show = load_show_or_raise(DEMO_SHOW)
    bridge = ShowBridge(ShowSession.open(show, DEMO_SHOW.parent, tmp_path / "show.sqlite3"), auto_ticks=False)
    assert bridge.submit(c.StartRound("R1"))
    for verdict in (c.Verdict.CORRECT, c.Verdict.WRONG, c.Verdict.CORRECT, c.Verdict.TIMEOUT):
        assert bridge.submit(c.Next()) and bridge.submit(c.Judge(verdict))
    chart = ScoreHistoryChart(bridge)
    qtbot.addWidget(chart)
    chart.resize(1024, 768)
    chart.show()
    qtbot.waitExposed(chart)
    for _ in range(2):  # and a second round begins, on the same chart, live
        assert bridge.submit(c.Next()) and bridge.submit(c.Judge(c.Verdict.CORRECT))
    OUT.mkdir(parents=True, exist_ok=True)
    chart.grab().save(str(OUT / "score-chart-1024x768.png"))
    floor = int(768 * FLOOR)
    assert chart.getAxis("left").style["tickFont"].pixelSize() >= floor
    rounds = [item for item in chart._round_marks if hasattr(item, "textItem")]
    assert [item.textItem.toPlainText() for item in rounds] == ["第一轮"]  # by round, not by event index
    assert rounds[0].textItem.font().pixelSize() >= floor
    shown = [label for label in chart.names if label.isVisible()]
    texts = [label.textItem.toPlainText() for label in shown]
    assert texts[0] == "开发区、东城区 110" or texts[0].startswith("开发区")  # teams ending level share a label
    assert all(label.textItem.font().pixelSize() >= floor for label in shown)
    assert "高新区" in " ".join(texts) and "综合执法局" in " ".join(texts)  # every team named at its line's end
    colours = [curve.opts["pen"].color().name() for curve in chart.curves.values()]
    assert colours[:8] == [colour.lower() for colour in SAFE_COLOURS]
    view = chart.getPlotItem().vb
    boxes = sorted((view.mapViewToScene(label.pos()).y(), label) for label in shown)
    for (y_a, a), (y_b, b) in zip(boxes, boxes[1:], strict=False):
        assert a.mapRectToScene(a.boundingRect()).bottom() <= b.mapRectToScene(b.boundingRect()).top() + 1


def test_a_reopened_question_nobody_else_takes_ends_without_being_called_void(qapp, tmp_path):
    rounds = [{"id": "R1", "title": "抢答", "kind": "buzz", "pool": "抢答", "questions": 2, "after_wrong": "reopen"}]
    show = load_show_or_raise(write_show(tmp_path, rounds, teams=2))
    engine = Engine(show)
    second = 1_000_000_000
    for n, command in enumerate((c.StartRound("R1"), c.Next(), c.Go(), c.Press("T01"), c.Judge(c.Verdict.WRONG))):
        engine.handle(command, n * second)
    engine.handle(c.Tick(), 60 * second)  # the reopened buzzers expire: nobody else pressed
    assert engine.state.phase.value == "question_done"
    texts = painted(public_snapshot(show, engine.state), name="all-missed").texts
    assert any("各队均已失去作答机会 · 本题结束" in text for text in texts)
    assert not any("作废" in text for text in texts)
