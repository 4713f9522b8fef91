"""Game-controller buzzers, read on a thread of their own at 1000 Hz. Each press is stamped on arrival with
`time.monotonic_ns()`, the clock every buzzer source shares; presses that arrive in the same poll share a stamp (the
source's resolution is the poll interval), and the show's `tie` rule settles those.

The app runs this reader in a process of its own (`reader_child`), where no GUI can hold it off. The listener's
methods are called on the reader thread.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Protocol

import pygame

from stageshow.devices.buttons import JOYSTICK, Button, Controller, RawPress
from stageshow.devices.sdl_library import joystick_serial
from stageshow.devices.thread_priority import favour_current_thread
from stageshow.i18n import render

POLL_HZ = 1000
GIL_SWITCH_SECONDS = 0.0005  # Python's default 5 ms would let another busy thread hold a reader off for 5 polls
STUCK_SECONDS = 3.0  # a buzzer held this long is not a press but a jammed button or a leaning elbow
_STUCK_CHECK_NS = 100_000_000
_SLEEP_SLACK = 0.00007  # time.sleep overshoots by ~60 µs on Linux; aim that much short to keep 1000 Hz


class JoystickListener(Protocol):
    def controller_connected(self, controller: Controller) -> None: ...
    def controller_disconnected(self, controller: Controller) -> None: ...
    def button_pressed(self, press: RawPress) -> None: ...
    def button_released(self, button: Button) -> None: ...
    def button_stuck(self, button: Button) -> None: ...


@dataclass
class _Connected:
    controller: Controller
    joystick: pygame.joystick.JoystickType
    held: dict[int, int] = field(default_factory=dict)  # button → stamp of its press
    stuck: set[int] = field(default_factory=set)


class JoystickReader:
    def __init__(self, listener: JoystickListener, poll_hz: int = POLL_HZ,
                 stuck_seconds: float = STUCK_SECONDS) -> None:
        self._listener = listener
        self._period = 1.0 / poll_hz
        self._stuck_ns = int(stuck_seconds * 1e9)
        self._connected: dict[int, _Connected] = {}  # SDL instance id → device
        self._thread: threading.Thread | None = None
        self._running = threading.Event()
        self._started = threading.Event()
        self.warning: str | None = None
        self.polls = 0  # for the benchmark: how often the controllers were actually read ...
        self.longest_gap = 0  # ... and the longest wait between two reads, in ns
        self.realtime = False  # whether the reading thread got real-time priority

    def start(self) -> str | None:
        """Start reading; returns a warning (and reads nothing) if the controller subsystem cannot start."""
        if self._thread is not None:
            return self.warning
        self._running.set()
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_SECONDS))
        self._thread = threading.Thread(target=self._run, name="joystick-reader", daemon=True)
        self._thread.start()
        self._started.wait(5.0)
        return self.warning

    def stop(self) -> None:
        self._running.clear()
        if self._thread is not None:
            self._thread.join(2.0)
            self._thread = None

    def _run(self) -> None:
        self.realtime = favour_current_thread()
        try:
            _init_sdl_events()
        except pygame.error as exc:
            self.warning = render("pads_unreadable", detail=exc)
            self._running.clear()
        finally:
            self._started.set()
        if self._running.is_set():
            for index in range(pygame.joystick.get_count()):  # plugged in before we started listening
                self._add(index)
        next_poll = time.perf_counter()
        last_stuck_check = last_poll = 0
        while self._running.is_set():
            try:
                events = pygame.event.get()
            except pygame.error:  # pygame shut down under us (interpreter exit): nothing left to read
                return
            now = time.monotonic_ns()
            self.polls += 1
            if last_poll:
                self.longest_gap = max(self.longest_gap, now - last_poll)
            last_poll = now
            for event in events:
                self._handle(event, now)
            if now - last_stuck_check > _STUCK_CHECK_NS:
                last_stuck_check = now
                self._check_stuck(now)
            next_poll += self._period
            delay = next_poll - time.perf_counter() - _SLEEP_SLACK
            if delay > 0:
                time.sleep(delay)
            elif delay < -self._period:  # fell behind (a suspended laptop): do not try to catch up
                next_poll = time.perf_counter()

    def _handle(self, event: pygame.event.Event, now: int) -> None:
        if event.type == pygame.JOYBUTTONDOWN:
            device = self._connected.get(event.instance_id)
            if device is not None and event.button not in device.held:
                device.held[event.button] = now
                self._listener.button_pressed(RawPress(self._button(device, event.button), now))
        elif event.type == pygame.JOYBUTTONUP:
            device = self._connected.get(event.instance_id)
            if device is not None and device.held.pop(event.button, None) is not None:
                device.stuck.discard(event.button)
                self._listener.button_released(self._button(device, event.button))
        elif event.type == pygame.JOYDEVICEADDED:
            self._add(event.device_index)
        elif event.type == pygame.JOYDEVICEREMOVED:
            device = self._connected.pop(event.instance_id, None)
            if device is not None:
                self._listener.controller_disconnected(device.controller)

    def _add(self, device_index: int) -> None:
        try:
            joystick = pygame.joystick.Joystick(device_index)
            instance_id = joystick.get_instance_id()
        except pygame.error:
            return  # gone again before we could open it; its removal event follows
        if instance_id in self._connected:
            return
        model = Controller(joystick.get_guid(), joystick.get_name(), joystick_serial(instance_id))
        taken = {device.controller.ordinal for device in self._connected.values()
                 if device.controller.same_model(model)}
        ordinal = min(set(range(len(taken) + 1)) - taken)  # a replugged twin takes back the place it left
        controller = Controller(model.guid, model.name, model.serial, ordinal)
        self._connected[instance_id] = _Connected(controller, joystick)
        self._listener.controller_connected(controller)

    def _check_stuck(self, now: int) -> None:
        for device in list(self._connected.values()):
            for button, since in device.held.items():
                if button not in device.stuck and now - since > self._stuck_ns:
                    device.stuck.add(button)
                    self._listener.button_stuck(self._button(device, button))

    @staticmethod
    def _button(device: _Connected, number: int) -> Button:
        return Button(JOYSTICK, device.controller.key, str(number), device.controller.label)


def _init_sdl_events() -> None:
    """SDL's event queue needs its video subsystem; the dummy driver opens no window and leaves the screen to Qt."""
    os.environ["SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS"] = "1"  # otherwise presses stop while a Qt window has focus
    if not pygame.display.get_init():
        saved = os.environ.get("SDL_VIDEODRIVER")
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        try:
            pygame.display.init()
        finally:
            if saved is None:
                os.environ.pop("SDL_VIDEODRIVER", None)
            else:
                os.environ["SDL_VIDEODRIVER"] = saved
    pygame.joystick.init()
