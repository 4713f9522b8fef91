"""English through Qt's translator: every string of the windows has a finished translation, and an English run
shows English menus, buttons and dialogs (the show's own content stays as written)."""

import re
import subprocess
import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt

from stageshow.domain import events as e
from stageshow.formats.show_file import load_show_or_raise
from stageshow.i18n import set_language
from tests.support import DEMO_SHOW, PROJECT, assert_console_fits_a_laptop_screen


def test_every_string_of_the_windows_has_a_finished_english_translation():
    check = subprocess.run([sys.executable, str(PROJECT / "tools" / "update_translations.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


@pytest.fixture
def english(qapp):
    from stageshow.ui.tr import install_translator

    set_language("en")
    translator = install_translator(qapp)
    assert translator is not None, "the .qm file did not load"
    yield
    qapp.removeTranslator(translator)
    set_language("zh")


def test_an_english_run_shows_english_menus_buttons_and_wizard(english, qtbot, tmp_path):
    from stageshow.ui.app import StageShowApp
    from stageshow.ui.buzzers.wizard import MappingWizardDialog
    from stageshow.ui.console.describe import event_line

    windows = StageShowApp(load_show_or_raise(DEMO_SHOW), DEMO_SHOW.parent, tmp_path / "show.sqlite3",
                           QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    try:
        console = windows.console
        menus = [action.text() for action in console.menuBar().actions()]
        assert menus == ["&File", "&Show", "&Buzzers"]
        assert console.controls.buttons["action_correct"].text() == "Correct\nY"
        assert console.controls.primary.text().startswith("Start 第一轮 个人必答题")  # the round's own title
        assert console.windowTitle() == "2026年全市行政执法技能大比武决赛 — Console"  # the show's title as written
        assert console.teams_model.headerData(1, Qt.Orientation.Horizontal) == "Team"
        wizard = MappingWizardDialog(windows.buzzers, windows.reserved_keys(), console)
        assert wizard.prompt.text().startswith("Seat 1 (开发区代表队): press your buzzer")
        wizard.reject()
        judged = event_line(windows.bridge.show, e.Judged("T01", "correct", Decimal(10)), 2_000_000_000)
        assert judged.endswith("Judged 开发区代表队 Correct +10")  # the event log in English too
        assert_console_fits_a_laptop_screen(console, qtbot)  # English words are longer
    finally:
        windows.shutdown()


def test_the_stage_speaks_english_too(english, qtbot):
    from stageshow.app.snapshots import public_snapshot
    from stageshow.domain import commands as c
    from stageshow.domain.engine import Engine
    from stageshow.ui.stage.view import StageView

    show = load_show_or_raise(DEMO_SHOW)
    engine = Engine(show)
    view = StageView(lambda: 1_000_000_000)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    engine.handle(c.StartRound("R1"), 0)
    view.show_snapshot(public_snapshot(show, engine.state))
    view.grab()
    assert any(text.startswith("3 per team, +10 for a correct answer") for text in view.last_texts)  # rule line
    for command in (c.StartRound("R2"), c.Next(), c.Go()):
        engine.handle(command, 0)
    view.show_snapshot(public_snapshot(show, engine.state))
    view.grab()
    assert "Buzz now!" in view.last_texts
    header = next(text for text in view.last_texts if text.startswith("Question 1"))
    assert not re.search("[\u4e00-\u9fff]", header), header  # the question type in English too
