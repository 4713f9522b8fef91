"""The controller reader's own process: `python -m stageshow.devices.reader_child POLL_HZ STUCK_SECONDS`.

In the app's process the reader thread shares the interpreter lock with the GUI, and Qt holds that lock for the
whole of each drawing call: a large text run on the stage held the reader off for tens of milliseconds, so a press
in that moment was stamped late. Here the reader has an interpreter to itself and stamps every press within a
poll of the button going down. Its stamps are `time.monotonic_ns()`, the system-wide clock the app's other buzzer
sources use too.

It speaks pickled tuples: commands on stdin, news on stdout (see `reader_process` for both lists). It ends when
stdin closes, so it never outlives the app.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, BinaryIO

from stageshow.devices.buttons import Button, Controller, RawPress
from stageshow.devices.joystick import JoystickReader
from stageshow.devices.virtual_joystick import VirtualJoystick


class _Channel:
    """News for the app, one pickled tuple at a time; the reader thread and the command loop both write here."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()

    def send(self, *message: Any) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        with self._lock:
            try:
                self._stream.write(data)
                self._stream.flush()
            except (BrokenPipeError, ValueError):  # the app has gone; stdin's end will stop us too
                pass

    # The reader's listener protocol:
    def controller_connected(self, controller: Controller) -> None:
        self.send("connected", controller)

    def controller_disconnected(self, controller: Controller) -> None:
        self.send("disconnected", controller)

    def button_pressed(self, press: RawPress) -> None:
        self.send("pressed", press)

    def button_released(self, button: Button) -> None:
        self.send("released", button)

    def button_stuck(self, button: Button) -> None:
        self.send("stuck", button)


class _VirtualBoxes:
    """SDL virtual joysticks live in the process that reads them: tests and benchmarks plug and press them
    through these commands."""

    def __init__(self) -> None:
        self._boxes: dict[int, VirtualJoystick] = {}
        self._next = 1

    def attach(self, name: str, buttons: int, vendor: int, product: int) -> int:
        box_id, self._next = self._next, self._next + 1
        self._boxes[box_id] = VirtualJoystick(name, buttons, vendor, product).attach()
        return box_id

    def button(self, box_id: int, button: int, down: bool) -> int:
        """Sets the button and returns the moment it went down or up (the benchmark's "hand" time)."""
        moment = time.monotonic_ns()
        self._boxes[box_id].set_button(button, down)
        return moment

    def detach(self, box_id: int) -> None:
        box = self._boxes.pop(box_id, None)
        if box is not None:
            box.detach()


def serve(commands: BinaryIO, channel: _Channel, reader: JoystickReader) -> None:
    boxes = _VirtualBoxes()

    def stats(reset_gap: bool) -> tuple[int, int, float, bool]:
        polls, gap = reader.polls, reader.longest_gap
        if reset_gap:
            reader.longest_gap = 0
        return polls, gap, time.process_time(), reader.realtime

    handlers: dict[str, Callable[..., Any]] = {"attach": boxes.attach, "button": boxes.button,
                                               "detach": boxes.detach, "stats": stats}
    channel.send("ready", reader.start())
    while True:
        try:
            name, request, *args = pickle.load(commands)
        except (EOFError, pickle.UnpicklingError, ValueError):
            break
        if name == "stop":
            break
        try:
            value: Any = handlers[name](*args)
        except Exception as exc:  # a bad command is the caller's bug: say so there, keep reading the buttons
            value = exc
        channel.send("reply", request, value)
    reader.stop()


def main() -> None:
    poll_hz, stuck_seconds = int(sys.argv[1]), float(sys.argv[2])
    news = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a library's stray print must not corrupt the channel
    channel = _Channel(news)
    serve(sys.stdin.buffer, channel, JoystickReader(channel, poll_hz=poll_hz, stuck_seconds=stuck_seconds))


if __name__ == "__main__":
    main()
