"""Every buzzer source in one place: the controller reader and the keyboard filter both end here, where a press
becomes the team's `Press` command (or, on the test page and in the mapping wizard, just a lamp). A key is decided
on the GUI thread that receives it; a controller press on the reader's receiving thread, so a repaint in progress
never holds up the lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from stageshow.devices.buttons import JOYSTICK, Button, Controller, RawPress
from stageshow.devices.joystick import STUCK_SECONDS
from stageshow.devices.reader_process import JoystickProcess
from stageshow.devices.mapping import BuzzerMapping, load_learned, save_learned
from stageshow.domain import commands as c
from stageshow.domain.model import Team
from stageshow.ui.bridge import ShowBridge
from stageshow.ui.buzzers.keyboard import KeyboardBuzzers
from stageshow.ui.buzzers.lamps import BuzzerLamps
from stageshow.ui.tr import tr


class _PressEvent(QEvent):
    TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, press: RawPress) -> None:
        super().__init__(self.TYPE)
        self.press = press


class _ReaderRelay(QObject):
    """Takes the reader's news on the reader's thread. A press is decided right there (the GUI thread may be busy
    painting); the rest, and the press's lamp, travel to the GUI thread (queued connections; the press as a
    high-priority event, ahead of any repaint already queued)."""

    pressed = Signal(object)
    stuck = Signal(object)
    connected = Signal(object)
    disconnected = Signal(object)
    warned = Signal(str)

    def __init__(self, decide: Callable[[RawPress], None], parent: QObject) -> None:
        super().__init__(parent)
        self._decide = decide

    def button_pressed(self, press: RawPress) -> None:
        self._decide(press)
        QCoreApplication.postEvent(self, _PressEvent(press), Qt.EventPriority.HighEventPriority.value)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, _PressEvent):
            self.pressed.emit(event.press)
            return True
        return super().event(event)

    def button_released(self, button: Button) -> None:
        """Nothing to do: only the reader needs releases (a held button never counts twice)."""

    def button_stuck(self, button: Button) -> None:
        self.stuck.emit(button)

    def controller_connected(self, controller: Controller) -> None:
        self.connected.emit(controller)

    def controller_disconnected(self, controller: Controller) -> None:
        self.disconnected.emit(controller)

    def reader_warning(self, message: str) -> None:
        self.warned.emit(message)


class BuzzerHub(QObject):
    """Signals: press_seen(team id or None, RawPress) for every press, mapped or not; lamps_changed() when a lamp
    or a controller's presence changes; alarm(str) when the operator must act (unplugged, stuck); all_clear(str)
    when the trouble is over (plugged back in); notice(str) for news that needs no action (controllers cannot
    be read on this machine)."""

    press_seen = Signal(object, object)
    lamps_changed = Signal()
    alarm = Signal(str)
    all_clear = Signal(str)
    notice = Signal(str)

    def __init__(self, bridge: ShowBridge, mapping_file: Path, reserved_keys: Callable[[], set[str]] = set,
                 stuck_seconds: float = STUCK_SECONDS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.mapping_file = mapping_file
        learned, self.load_warning = load_learned(mapping_file)
        self.mapping = BuzzerMapping(bridge.show.teams, learned)
        self.lamps = BuzzerLamps()
        self.testing = False  # the test page: presses light lamps and go nowhere else
        self.capture: Callable[[RawPress], None] | None = None  # the mapping wizard takes presses while open
        self._reserved_keys = reserved_keys
        self._connected: set[str] = set()  # Controller.key of every controller plugged in now
        self._lost: set[str] = set()  # unplugged during this show: its return is news for the operator
        self._relay = _ReaderRelay(self._decide, self)
        self._relay.pressed.connect(self._show)
        self._relay.warned.connect(self.notice)
        self._relay.stuck.connect(self._report_stuck)
        self._relay.connected.connect(self._on_relay_connected)
        self._relay.disconnected.connect(self._on_relay_disconnected)
        self._stuck_seconds = stuck_seconds
        self.reader = JoystickProcess(self._relay, stuck_seconds=stuck_seconds)
        self.keyboard = KeyboardBuzzers(self._wants_key, self.take, self._report_stuck, stuck_seconds, self)

    def start(self) -> None:
        """Listen to the keyboard and every controller (if controllers cannot be read, `notice` says so)."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.keyboard)
        self._refresh_offline()
        self.reader.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.keyboard)
        self.reader.stop()

    @property
    def controllers_connected(self) -> set[str]:
        return set(self._connected)

    def set_learned(self, learned: dict[int, Button]) -> None:
        """Adopt what the wizard learned, then save it (OSError if the file cannot be written; adopted anyway)."""
        self.mapping = BuzzerMapping(self._bridge.show.teams, learned)
        self._refresh_offline()
        save_learned(self.mapping_file, learned)

    def take(self, press: RawPress) -> None:
        """A press on the GUI thread (a key): to the wizard, to the test page, or to the show."""
        self._decide(press)
        self._show(press)

    def _decide(self, press: RawPress) -> None:
        """The show's part of a press, on whichever thread it arrived: the team's `Press`, unless the wizard or
        the test page has the buzzers."""
        if self.capture is not None or self.testing:
            return
        team = self.mapping.team_for(press.button)
        if team is not None:
            button = press.button
            self._bridge.submit(c.Press(team.id, stamp=self._bridge.clock.at(press.stamp), source=button.source,
                                        device=button.device_label or button.device, button=button.button))

    def _show(self, press: RawPress) -> None:
        """The rest of a press, on the GUI thread, once the show has it: the wizard's capture, or a lamp."""
        if self.capture is not None:
            self.capture(press)
            return
        team = self.mapping.team_for(press.button)
        self.lamps.light(team.id if team else None, press.button.label)
        self.press_seen.emit(team.id if team else None, press)
        self.lamps_changed.emit()

    def _wants_key(self, button: Button) -> bool:
        if self.capture is not None:  # the wizard hears every key (and says so when it is a hotkey) but Esc
            return button.button != "ESC"
        if button.button in {key.upper() for key in self._reserved_keys()}:
            return False
        return self.testing or self.mapping.team_for(button) is not None

    def _team_label(self, team: Team) -> str:
        return tr("第{seat}组 {name}", seat=team.seat, name=team.name)

    def _teams_on(self, controller: Controller) -> list[Team]:
        return [team for team in self.mapping.teams if (button := self.mapping.learned.get(team.seat)) is not None
                and button.source == JOYSTICK and button.device == controller.key]

    def _refresh_offline(self) -> None:
        self.lamps.offline = {team.id for team in self.mapping.teams
                              if (button := self.mapping.learned.get(team.seat)) is not None
                              and button.source == JOYSTICK and button.device not in self._connected}
        self.lamps_changed.emit()

    def _on_relay_connected(self, controller: Controller) -> None:
        self._connected.add(controller.key)
        self._refresh_offline()
        teams = self._teams_on(controller)
        if controller.key in self._lost and teams:
            self._lost.discard(controller.key)
            self.all_clear.emit(tr("抢答器 {device} 已重新连接：{seats}恢复正常", device=controller.label,
                                   seats=_seats(teams)))

    def _on_relay_disconnected(self, controller: Controller) -> None:
        self._connected.discard(controller.key)
        self._refresh_offline()
        teams = self._teams_on(controller)
        if not teams:
            return
        self._lost.add(controller.key)
        fallbacks = [tr("第{seat}组按 {key}", seat=team.seat, key=button.button) for team in teams
                     for button in self.mapping.buttons_of(team) if button.source != JOYSTICK]
        backup = tr("（键盘备用：{keys}）", keys="、".join(fallbacks)) if fallbacks else ""
        self.alarm.emit(tr("⚠ 抢答器 {device} 已断开：{seats}无法用它抢答{backup}。重新插上即自动恢复。",
                           device=controller.label, seats=_seats(teams), backup=backup))

    def _report_stuck(self, button: Button) -> None:
        """A held key or controller button: both sources report here."""
        team = self.mapping.team_for(button)
        who = self._team_label(team) if team else tr("未分配的")
        self.alarm.emit(tr("⚠ {who}抢答器按键卡住（{button} 按住超过 {seconds:g} 秒），请检查", who=who,
                           button=button.label, seconds=self._stuck_seconds))


def _seats(teams: list[Team]) -> str:
    """"第1、2、3组": short enough for an alarm line."""
    return tr("第{seats}组", seats="、".join(str(team.seat) for team in teams))
