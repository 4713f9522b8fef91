"""The console's side of the buzzers: the 抢答器 menu (mapping wizard, test page), the lamps in the teams table and
on both stage views, the alarm bar for a buzzer unplugged or stuck, and presses the show does not count (the test
page's, and buttons nobody owns) in the event log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from stageshow.devices.buttons import RawPress
from stageshow.domain.model import Team
from stageshow.ui.buzzers.hub import BuzzerHub
from stageshow.ui.buzzers.wizard import MappingWizardDialog
from stageshow.ui.console.confirm import give_back_the_keyboard
from stageshow.ui.tr import tr

if TYPE_CHECKING:
    from stageshow.ui.console.window import ConsoleWindow


class BuzzerMenu(QObject):
    def __init__(self, console: ConsoleWindow, hub: BuzzerHub, reserved_keys: set[str],
                 teams: tuple[Team, ...]) -> None:
        super().__init__(console)
        self._console = console
        self._hub = hub
        self._teams = teams
        console.teams_model.use_lamps(hub.lamps)
        for view in console.stage_views():
            view.lamps = hub.lamps
        hub.lamps_changed.connect(self._on_hub_lamps_changed)
        hub.alarm.connect(console.raise_alarm)
        hub.all_clear.connect(console.clear_alarm)
        hub.press_seen.connect(self._on_hub_press_seen)
        hub.notice.connect(console.status.setText)
        menu = console.menuBar().addMenu(tr("抢答器(&Z)"))
        wizard = menu.addAction(tr("设置抢答器…"))
        wizard.setObjectName("action_buzzer_wizard")
        wizard.triggered.connect(lambda: (MappingWizardDialog(hub, reserved_keys, console).exec(),
                                          give_back_the_keyboard(console)))
        self.test_action = menu.addAction(tr("抢答器测试（大屏显示各组指示灯）"))
        self.test_action.setObjectName("action_buzzer_test")
        self.test_action.setCheckable(True)
        self.test_action.toggled.connect(self._on_test_action_toggled)
        if hub.load_warning:
            console.raise_alarm(hub.load_warning)

    def _on_test_action_toggled(self, testing: bool) -> None:
        self._hub.testing = testing
        self._hub.lamps.clear()
        self._console.set_stage_mode("buzzers" if testing else "live")
        self._console.status.setText(tr("抢答器测试中：按下的抢答器不计入比赛") if testing else tr("抢答器测试结束"))

    def _on_hub_lamps_changed(self) -> None:
        self._console.teams_model.lamps_changed()
        for view in self._console.stage_views():
            view.lamps_changed()

    def _on_hub_press_seen(self, team_id: str | None, press: RawPress) -> None:
        testing = self._hub.testing
        if testing or team_id is None:
            team = next((t for t in self._teams if t.id == team_id), None)
            who = tr("第{seat}组 {name}", seat=team.seat, name=team.name) if team else tr("未分配")
            self._console.log_line(f"{tr('【测试】') if testing else ''}{who} ← {press.button.label}")
