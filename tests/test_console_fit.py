"""The console on a laptop beside a projector: it opens over its own screen, never on the stage's, and no phase
of any round kind makes it grow (it once opened at 1280×800 and grew to 1479 px in a correction round)."""

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from stageshow.domain import commands as c
from tests.support import default_questions, open_app, write_show

LONG_ERROR = "行政处罚决定书未载明当事人依法享有的申请行政复议或者提起行政诉讼的途径和期限，且送达回证缺少受送达人签名"
LAPTOP_MINIMUM = (1024, 700)  # a 1024×768 screen less a window title and a task bar


def open_windows(qtbot, tmp_path, rounds, teams, questions=None):
    windows = open_app(qtbot, write_show(tmp_path / "show", rounds, teams=teams, questions=questions), tmp_path)
    host = QGuiApplication.screens()[0]
    # Fitted, frame included (this platform draws a frame, as a window manager does), not a fixed 1280×800.
    qtbot.waitUntil(lambda: windows.console.frameGeometry() == host.availableGeometry())
    return windows


def assert_console_on_its_own_screen(windows):
    host, projector = QGuiApplication.screens()
    console = windows.console
    frame = console.frameGeometry()
    assert host.availableGeometry().contains(frame), frame
    assert not frame.intersects(projector.geometry()), frame
    hint = console.minimumSizeHint()
    assert hint.width() <= LAPTOP_MINIMUM[0] and hint.height() <= LAPTOP_MINIMUM[1], hint


def long_teams(count):
    return [{"id": f"T{i:02d}", "name": f"第{i}组 高新技术产业开发区综合行政执法局代表队", "members": ["甲", "乙", "丙"]}
            for i in range(1, count + 1)]


def test_the_console_opens_over_its_own_screen_and_no_round_makes_it_grow(qtbot, tmp_path):
    rounds = [{"id": "R1", "title": "风险题", "kind": "risk", "pool": "风险"},
              {"id": "R2", "title": "纠错", "kind": "correction", "pool": "纠错", "per_team": 1},
              {"id": "R3", "title": "情景模拟", "kind": "judged", "judges": 5}]
    (tmp_path / "show").mkdir()
    questions = default_questions(tmp_path / "show", rounds, 10, None)
    for question in questions:  # a real document's errors are whole sentences
        for error in question.get("errors", []):
            error["text"] = LONG_ERROR
    windows = open_windows(qtbot, tmp_path, rounds, long_teams(10), questions)
    try:
        console, bridge = windows.console, windows.bridge
        opened = console.size()
        assert_console_on_its_own_screen(windows)
        steps = [c.StartRound("R1"), c.Choose("T01", Decimal(30)), c.Judge(c.Verdict.CORRECT), c.Pass("T02"),
                 c.StartRound("R2"), c.Next(), c.Go()]
        for command in steps:
            assert bridge.submit(command), command
            qtbot.wait(10)
            assert_console_on_its_own_screen(windows)
            assert console.size() == opened, command
        # The longest error texts of a document wrap in a list that scrolls: they never widen the console.
        question = bridge.show.question(bridge.state.question.question_id)
        assert console.controls.round_inputs.correction_box.isVisible()
        assert console.controls.round_inputs.error_list.count() == len(question.errors)
        for command in (c.Found((1, 2)), c.StartRound("R3")):
            assert bridge.submit(command), command
        qtbot.wait(10)
        assert console.controls.round_inputs.judged_box.isVisible()
        assert_console_on_its_own_screen(windows)
        assert console.size() == opened
        for row in range(10):  # every team's score, without scrolling
            assert console.teams_table.visualRect(console.teams_model.index(row, 2)).bottom() \
                <= console.teams_table.viewport().height()
    finally:
        windows.shutdown()


def test_a_thirty_team_show_scrolls_its_table_and_keeps_the_team_in_play_in_view(qtbot, tmp_path):
    rounds = [{"id": "R1", "title": "必答", "kind": "compulsory", "pool": "必答", "per_team": 1}]
    windows = open_windows(qtbot, tmp_path, rounds, long_teams(30))
    try:
        console, bridge = windows.console, windows.bridge
        assert_console_on_its_own_screen(windows)
        assert bridge.submit(c.StartRound("R1"))
        table = console.teams_table
        for _ in range(30):
            assert bridge.submit(c.Next())
            team = bridge.state.question.team
            rect = table.visualRect(console.teams_model.index(console.teams_model.row_of(team), 0))
            assert table.viewport().rect().contains(rect), team
            row = console.teams_model.row_of(team)  # and it stands out from the others
            assert console.teams_model.data(console.teams_model.index(row, 1), Qt.ItemDataRole.FontRole).bold()
            assert bridge.submit(c.Judge(c.Verdict.CORRECT))
        assert table.verticalScrollBar().value() > 0  # the last seats were scrolled to
    finally:
        windows.shutdown()


def test_the_status_line_can_be_read_at_laptop_width(qtbot, tmp_path):
    """Exports, a lost projector, buzzer notices and the LAN address are said in the status line: it once had no width
    at all in the status bar, and every one of them was invisible."""
    from tests.support import DEMO_SHOW

    windows = open_app(qtbot, DEMO_SHOW, tmp_path)
    try:
        console = windows.console
        console.resize(1024, 768)
        text = "局域网连接已开启：http://192.168.1.20:8765/"
        console.status.setText(text)
        qtbot.waitUntil(lambda: console.status.width() >= console.status.fontMetrics().horizontalAdvance(text))
        assert console.width() <= 1024  # and it still never widens the window
    finally:
        windows.shutdown()
