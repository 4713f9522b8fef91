"""`stageshow selftest SHOW`: the pre-flight lines on the command line, before anyone opens the windows (buzzers
can only be pressed on the page itself, so here they show as set up but not tested)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from stageshow.app.preflight import CheckLine, backup_line, buzzer_lines, database_line, network_line
from stageshow.devices.mapping import BuzzerMapping, load_learned
from stageshow.devices.sound import SoundPlayer
from stageshow.domain.model import Show
from stageshow.hall.server import HallServer
from stageshow.i18n import render
from stageshow.paths import buzzer_mapping_file
from stageshow.ui.console.backup_menu import FOLDER_SETTING
from stageshow.ui.preflight.checks import font_line, screen_line, sound_line, video_lines
from stageshow.ui.screens import ScreenWatcher, stage_screen


def selftest_lines(show: Show, db: Path) -> list[CheckLine]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings("StageShow", "StageShow")
    sound = SoundPlayer()
    sound.start()
    try:
        learned, _ = load_learned(buzzer_mapping_file())
        folder = settings.value(FOLDER_SETTING)
        lines = [screen_line(stage_screen(ScreenWatcher(settings, app).preferred_name())), font_line(),
                 sound_line(sound), *video_lines(show), *buzzer_lines(show, BuzzerMapping(show.teams, learned)),
                 database_line(db), backup_line(Path(str(folder)) if folder else None), _network_line(show)]
    finally:
        sound.close()
    return lines


def _network_line(show: Show) -> CheckLine:
    """With `network:` in the show file, the hall's server is started for a moment on its port and reached at this
    machine's LAN address, as a phone would reach it; without it, the link is off until the operator turns it on."""
    if show.network is None:
        return network_line(None)
    server = HallServer(port=show.network.port)
    try:
        server.start()
    except OSError as error:
        return CheckLine(render("pre_network"), False, str(error), render("pre_network_firewall"))
    try:
        return network_line(server.port)
    finally:
        server.stop()
