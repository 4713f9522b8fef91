"""The app's side of the controller reader, which runs in a process of its own (`reader_child` says why).

It takes the same listener as `JoystickReader` and calls it on a receiving thread of its own, in the order the
child saw things. Commands (child → reply): attach / button / detach a virtual joystick, stats, stop.
News (child → app): ready (with a warning or None), connected, disconnected, pressed, released, stuck, reply.
If the child dies, its controllers are reported unplugged and a new child is started (they come back as plugged
in); after a few failures the listener is told controllers cannot be read.
"""

from __future__ import annotations

import itertools
import os
import pickle
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any, Protocol

from stageshow.devices.buttons import Controller
from stageshow.i18n import language, render
from stageshow.devices.joystick import GIL_SWITCH_SECONDS, POLL_HZ, STUCK_SECONDS, JoystickListener
from stageshow.devices.thread_priority import favour_current_thread

REPLY_TIMEOUT = 10.0  # a cold start of the child (Python, pygame, SDL) takes well under a second
MAX_RESTARTS = 3
_RESTART_PAUSE = 1.0


class ReaderListener(JoystickListener, Protocol):
    def reader_warning(self, message: str) -> None: ...


@dataclass(frozen=True)
class ReaderStats:
    polls: int  # reads of the controllers since the child started
    longest_gap: int  # the longest wait between two reads, in ns
    cpu_seconds: float  # the child's own CPU time
    realtime: bool  # whether the child's reading thread got real-time priority


class JoystickProcess:
    def __init__(self, listener: ReaderListener, poll_hz: int = POLL_HZ,
                 stuck_seconds: float = STUCK_SECONDS) -> None:
        self._listener = listener
        self._arguments = [str(poll_hz), str(stuck_seconds)]
        self._child: subprocess.Popen[bytes] | None = None
        self._receiver: threading.Thread | None = None
        self._send_lock = threading.Lock()
        self._requests = itertools.count(1)
        self._replies: dict[int, Any] = {}
        self._replied = threading.Condition()
        self._connected: dict[str, Controller] = {}
        self._stopping = False
        self._restarts = 0
        self.ready = threading.Event()  # set once the child reads its controllers (or reported it cannot)
        self.realtime = False  # whether the receiving thread got real-time priority

    @property
    def controllers(self) -> list[Controller]:
        return list(self._connected.values())

    def start(self) -> None:
        """Start the child and return at once; news, including a warning, comes through the listener."""
        if self._receiver is None:
            self._stopping = False
            sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_SECONDS))  # a press waits for no one
            self._receiver = threading.Thread(target=self._receive, name="joystick-receiver", daemon=True)
            self._receiver.start()

    def stop(self) -> None:
        self._stopping = True
        child = self._child
        if child is not None:
            try:
                self._send("stop", 0)
                assert child.stdin is not None
                child.stdin.close()
            except (OSError, ValueError):
                pass
            try:
                child.wait(2.0)
            except subprocess.TimeoutExpired:
                child.kill()
        if self._receiver is not None:
            self._receiver.join(2.0)
            self._receiver = None
        self._child = None

    def request(self, name: str, *args: Any) -> Any:
        """Ask the child something and wait for its answer (it raises here what it raised there)."""
        if not self.ready.wait(REPLY_TIMEOUT):
            raise TimeoutError("the controller reader did not start")
        number = next(self._requests)
        self._send(name, number, *args)
        with self._replied:
            if not self._replied.wait_for(lambda: number in self._replies, REPLY_TIMEOUT):
                raise TimeoutError(f"the controller reader did not answer {name}")
            value = self._replies.pop(number)
        if isinstance(value, Exception):
            raise value
        return value

    def stats(self, reset_gap: bool = False) -> ReaderStats:
        return ReaderStats(*self.request("stats", reset_gap))

    def virtual_joystick(self, name: str = "Virtual Buzzer Box", buttons: int = 12, vendor: int = 0x1209,
                         product: int = 0xB022) -> RemoteVirtualJoystick:
        return RemoteVirtualJoystick(self, name, buttons, vendor, product)

    def _send(self, *message: Any) -> None:
        child = self._child
        if child is None or child.stdin is None:
            raise OSError("the controller reader is not running")
        with self._send_lock:
            child.stdin.write(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
            child.stdin.flush()

    def _launch(self) -> subprocess.Popen[bytes]:
        environment = {**os.environ, "STAGESHOW_LANG": language()}  # its warnings in the operator's language
        return subprocess.Popen([sys.executable, "-m", "stageshow.devices.reader_child", *self._arguments],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment)

    def _receive(self) -> None:
        self.realtime = favour_current_thread()  # a press is decided on this thread: it must not wait for a core
        while not self._stopping:
            try:
                self._child = self._launch()
            except OSError as exc:
                self._listener.reader_warning(render("pads_reader_failed", detail=exc))
                self.ready.set()
                return
            self._read_news(self._child)
            self.ready.clear()
            if self._stopping:
                return
            for controller in list(self._connected.values()):  # whatever it was reading is gone with it
                self._connected.pop(controller.key, None)
                self._listener.controller_disconnected(controller)
            self._restarts += 1
            if self._restarts > MAX_RESTARTS:
                self._listener.reader_warning(render("pads_reader_gave_up"))
                self.ready.set()
                return
            self._listener.reader_warning(render("pads_reader_restarting"))
            time.sleep(_RESTART_PAUSE)

    def _read_news(self, child: subprocess.Popen[bytes]) -> None:
        assert child.stdout is not None
        while True:
            try:
                kind, *body = pickle.load(child.stdout)
            except (EOFError, OSError, pickle.UnpicklingError, ValueError):
                return
            try:
                self._dispatch(kind, body)
            except Exception:  # a fault in the app's handling of one press must not stop every controller
                traceback.print_exc()

    def _dispatch(self, kind: str, body: list[Any]) -> None:
        if kind == "pressed":
            self._listener.button_pressed(body[0])
        elif kind == "released":
            self._listener.button_released(body[0])
        elif kind == "connected":
            self._connected[body[0].key] = body[0]
            self._listener.controller_connected(body[0])
        elif kind == "disconnected":
            self._connected.pop(body[0].key, None)
            self._listener.controller_disconnected(body[0])
        elif kind == "stuck":
            self._listener.button_stuck(body[0])
        elif kind == "ready":
            if body[0]:
                self._listener.reader_warning(body[0])
            self.ready.set()
        elif kind == "reply":
            with self._replied:
                self._replies[body[0]] = body[1]
                self._replied.notify_all()


class RemoteVirtualJoystick:
    """An SDL virtual joystick plugged into the reader's process; the same calls as `VirtualJoystick`."""

    def __init__(self, reader: JoystickProcess, name: str, buttons: int, vendor: int, product: int) -> None:
        self._reader = reader
        self._description = (name, buttons, vendor, product)
        self._box: int | None = None

    def attach(self) -> RemoteVirtualJoystick:
        self._box = self._reader.request("attach", *self._description)
        return self

    def set_button(self, button: int, down: bool) -> int:
        """Returns the moment (monotonic ns) the button went down or up in the reader's process."""
        assert self._box is not None, "attach() first"
        return int(self._reader.request("button", self._box, button, down))

    def press(self, button: int) -> int:
        return self.set_button(button, True)

    def release(self, button: int) -> int:
        return self.set_button(button, False)

    def click(self, button: int, hold: float = 0.03) -> None:
        """Press and let go, as a hand does (held long enough for a poll to see it)."""
        self.press(button)
        time.sleep(hold)
        self.release(button)
        time.sleep(hold)

    def detach(self) -> None:
        if self._box is not None:
            self._reader.request("detach", self._box)
            self._box = None
