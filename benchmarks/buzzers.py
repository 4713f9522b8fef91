"""Buzzers: how fast and how fairly a press becomes a locked winner on the stage.

1. Press → lock decided, and press → stage repaint complete showing the winner, at 1920×1080, while the stage is
   repainting: as the app does it (the buzz window's countdown ring redraws every frame), then with the whole stage
   redrawn every frame as well. Presses come from SDL virtual joysticks (plugged into the controller reader's own
   process, pressed there, read by its 1000 Hz thread) and from synthetic key events posted to the stage window,
   both from a thread of their own at a random moment of the frame; the moment of the press is taken just before
   the button goes down (in the reader's process; the clock is system-wide) / the event is posted. Between
   presses the GUI thread idles in its event loop, as in the app.
2. Ordering: pairs of presses ~1 ms apart on two different controllers; a pair is mis-ordered if the later press
   got the earlier stamp, tied if both got the same one (the show's `tie` rule then decides).
   Presses come from a thread that sleeps between them, as hands do; the GUI thread repaints the whole stage
   every frame meanwhile.
3. CPU: the controller reader process's own CPU time while it reads two idle controllers.
Compare with the physical limit: a full-speed USB device is polled every 1 ms.
Usage: python benchmarks/buzzers.py [PRESSES] [PAIRS]   (STAGESHOW_REALTIME=0: the buzzer threads at normal priority)
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # runs without a display; set it to use a real one
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # the buzz cue plays, silently

import bisect
from collections.abc import Callable
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import describe
from _windows import demo_windows, settle
from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from stageshow.devices.buttons import JOYSTICK, Button
from stageshow.domain import commands as c
from stageshow.ui.buzzers.hub import BuzzerHub
from stageshow.ui.fonts import ui_font

BUZZ_ROUND = "R2"
MS = 1_000_000


class BuzzRun:
    """The demo final's buzz round in the real windows, ten seats mapped to two controllers and keys 1–0."""

    def __init__(self, folder: Path, index: int) -> None:
        self.windows = demo_windows(folder, f"show-{index}")
        hub = self.windows.buzzers
        assert hub is not None
        self.boxes = [hub.reader.virtual_joystick("Bench Buzzer").attach() for _ in range(2)]
        while len(hub.reader.controllers) < 2:
            settle(0.05)
        settle(0.2)
        controllers = sorted(hub.reader.controllers, key=lambda controller: controller.ordinal)
        hub.set_learned({seat: Button(JOYSTICK, controllers[(seat - 1) // 5].key, str((seat - 1) % 5))
                         for seat in range(1, 11)})
        self.arrived: int | None = None
        self.sounded: int | None = None
        self.decided: int | None = None
        self.painted: int | None = None
        self.waiting: QEventLoop | None = None  # quit once the winner is painted
        self._instrument()
        for round_id in ("R1", BUZZ_ROUND):  # rounds start in order; the compulsory one is passed over
            if not self.windows.bridge.submit(c.StartRound(round_id)):
                raise RuntimeError(f"could not start {round_id}")

    def _instrument(self) -> None:
        engine = self.windows.session.engine
        decide = engine.decide
        view = self.windows.stage.view
        paint = view.paintEvent

        def timed_decide(command, now, step=None):  # type: ignore[no-untyped-def]
            decision = decide(command, now, step)
            if isinstance(command, c.Press) and self.decided is None:
                self.decided = time.monotonic_ns()
            return decision

        def timed_paint(event):  # type: ignore[no-untyped-def]
            paint(event)
            snapshot = view.snapshot
            if self.painted is None and snapshot and snapshot.question and snapshot.question.winner:
                self.painted = time.monotonic_ns()
                if self.waiting is not None:
                    self.waiting.quit()

        hub = self.windows.buzzers
        take = hub.take
        decide_off_gui = hub._relay._decide

        def timed_take(press):  # type: ignore[no-untyped-def]
            if self.arrived is None:
                self.arrived = time.monotonic_ns()
            take(press)

        def timed_decide_off_gui(press):  # type: ignore[no-untyped-def]
            if self.arrived is None:
                self.arrived = time.monotonic_ns()
            decide_off_gui(press)

        player = self.windows.sound
        play = player.play

        def timed_play(cue):  # type: ignore[no-untyped-def]
            if cue == "buzz" and self.sounded is None:
                self.sounded = time.monotonic_ns()
            play(cue)

        player.play = timed_play  # type: ignore[method-assign]
        hub._relay._decide = timed_decide_off_gui
        hub.keyboard._pressed = timed_take
        engine.decide = timed_decide  # type: ignore[method-assign]
        view.paintEvent = timed_paint  # type: ignore[method-assign]

    def open_question(self) -> bool:
        bridge = self.windows.bridge
        if not bridge.submit(c.Next()):
            return False
        bridge.submit(c.Go())
        self.arrived = self.decided = self.painted = self.sounded = None
        return True

    def close(self) -> None:
        for box in self.boxes:
            box.detach()
        self.windows.shutdown()


def press_latencies(folder: Path, count: int, whole_frames: bool) -> tuple[dict[str, list[list[float]]], BuzzRun]:
    """source → [press → lock decided, winner painted, the app reached, buzz cue played] in ms; the last run.
    The stage repaints as the app makes it (the countdown every frame), or, with `whole_frames`, redraws the whole
    1920×1080 stage every frame as well: a GUI thread far busier than the app ever makes it."""
    results: dict[str, list[list[float]]] = {"joystick": [[], [], [], []], "keyboard": [[], [], [], []]}
    runs = 0
    run = BuzzRun(folder, runs)
    repaint = QTimer()
    repaint.timeout.connect(lambda: run.windows.stage.view.repaint())
    if whole_frames:
        repaint.start(16)
    done = 0
    while done < count:
        if not run.open_question():
            if runs > count:
                raise RuntimeError("no buzz question could be opened")
            run.close()
            runs += 1
            run = BuzzRun(folder, runs)
            continue
        settle(random.uniform(0.15, 0.3))  # the hall hears "开始"; the ring redraws every frame meanwhile
        source = "joystick" if done % 2 == 0 else "keyboard"
        run.waiting = QEventLoop()
        QTimer.singleShot(2000, run.waiting.quit)
        moment = _press(run, source)
        run.waiting.exec()  # idle until the winner is painted, as the app's own event loop idles between events
        run.waiting = None
        pressed = moment()
        if run.decided is None or run.painted is None:
            raise RuntimeError("the press was not decided and painted")
        results[source][0].append((run.decided - pressed) / MS)
        results[source][1].append((run.painted - pressed) / MS)
        results[source][2].append((run.arrived - pressed) / MS)
        results[source][3].append(((run.sounded or pressed) - pressed) / MS)
        run.windows.bridge.submit(c.Judge(c.Verdict.CORRECT))
        settle(0.05)
        done += 1
    repaint.stop()
    return results, run


def _press(run: BuzzRun, source: str) -> Callable[[], int]:
    """Press a random seat's buzzer from another thread, as a hand does, at any moment of the stage's frame;
    returns how to learn the moment of the press (the GUI thread waits for nothing: on stage, nothing in the app
    waits for a hand)."""
    seat = random.randrange(10)
    moment: list[int] = []
    box, button = run.boxes[seat // 5], seat % 5
    key = Qt.Key.Key_0 if seat == 9 else Qt.Key(Qt.Key.Key_1 + seat)
    # Made here: a key event's constructor registers the keyboard device with the application, on its thread.
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, str((seat + 1) % 10))

    def hand() -> None:
        time.sleep(random.uniform(0, 0.017))  # anywhere within a 60 Hz frame
        if source == "keyboard":
            moment.append(time.monotonic_ns())
            QApplication.postEvent(run.windows.stage, event)  # as the window system delivers a key
            return
        moment.append(box.press(button))  # the moment the button went down, in the reader's process
        time.sleep(0.05)
        box.release(button)

    threading.Thread(target=hand).start()

    def pressed_at() -> int:
        while not moment:
            time.sleep(0.0001)
        return moment[0]

    return pressed_at


def ordering(run: BuzzRun, pairs: int) -> dict[str, float]:
    """Pairs of presses ~1 ms apart on the two controllers (a button no seat owns, so nothing reaches the show),
    pressed from another thread while the GUI thread repaints the whole stage every frame: how many came out
    mis-ordered, tied, or unseen, and the controller reader's longest gap between two reads."""
    hub = run.windows.buzzers
    assert hub is not None
    seen: list[tuple[str, int]] = []
    hub.press_seen.connect(lambda team, press: seen.append((press.button.device, press.stamp)))
    devices = [controller.key for controller in sorted(hub.reader.controllers, key=lambda c: c.ordinal)]
    boxes = run.boxes
    started: list[tuple[int, int]] = []  # (the moment the first button went down, which box pressed first)

    def press_pairs() -> None:
        for index in range(pairs):
            first = index % 2
            started.append((boxes[first].press(9), first))
            time.sleep(0.001)
            boxes[1 - first].press(9)
            time.sleep(0.02)  # a real press lasts 50 ms or more
            boxes[0].release(9)
            boxes[1].release(9)
            time.sleep(0.02)

    repaint = QTimer()
    repaint.timeout.connect(run.windows.stage.view.repaint)
    repaint.start(int(os.environ.get("REPAINT_MS", "16")))
    hub.reader.stats(reset_gap=True)
    presser = threading.Thread(target=press_pairs)
    presser.start()
    while presser.is_alive():
        settle(0.1)  # the event loop runs as in the app: idle between paints, not spinning
    settle(0.5)
    repaint.stop()
    starts = [moment for moment, _ in started]
    stamps: list[dict[str, int]] = [{} for _ in started]
    for device, stamp in seen:  # each press belongs to the last pair started before its stamp
        stamps[bisect.bisect_right(starts, stamp) - 1][device] = stamp
    result = {"pairs": pairs, "mis-ordered": 0, "tied": 0, "unseen": 0,
              "longest gap ms": hub.reader.stats().longest_gap / MS}
    for (_, first), pair in zip(started, stamps, strict=True):
        if len(pair) < 2:
            result["unseen"] += 2 - len(pair)
            continue
        early, late = pair[devices[first]], pair[devices[1 - first]]
        result["mis-ordered"] += late < early
        result["tied"] += late == early
    return result


def reader_cpu(hub: BuzzerHub, seconds: float = 5.0) -> tuple[float, float, float]:
    """(% of one core, polls per second, longest gap between two reads in ms) of the controller reader's process,
    reading its idle controllers while the app idles with the buzzers open (the countdown redrawn every frame)."""
    before, wall = hub.reader.stats(reset_gap=True), time.perf_counter()
    settle(seconds)
    after, elapsed = hub.reader.stats(), time.perf_counter() - wall
    return ((after.cpu_seconds - before.cpu_seconds) / elapsed * 100, (after.polls - before.polls) / elapsed,
            after.longest_gap / MS)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    pairs = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    app = QApplication.instance() or QApplication(sys.argv)
    app.setFont(ui_font(15))
    conditions = {"the stage as the app paints it (the countdown every frame)": False,
                  "the whole stage also redrawn every frame (a far busier GUI thread)": True}
    latencies = {}
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        for index, (condition, whole_frames) in enumerate(conditions.items()):
            latencies[condition], run = press_latencies(Path(folder) / str(index), count, whole_frames)
            if index < len(conditions) - 1:
                run.close()
        order = ordering(run, pairs)
        hub = run.windows.buzzers
        assert hub is not None
        opened = run.open_question()
        cpu, rate, idle_gap = reader_cpu(hub)
        realtime = {"reading": hub.reader.stats().realtime, "receiving": hub.reader.realtime}
        run.close()
    print(f"{count} presses per condition in the demo's buzz round, stage 1920×1080, platform {app.platformName()}")
    granted = [thread for thread, favoured in realtime.items() if favoured]
    print(f"real-time priority granted to the controller {' and '.join(granted) or 'neither'} thread"
          f"{'s' if len(granted) != 1 else ''} (STAGESHOW_REALTIME={os.environ.get('STAGESHOW_REALTIME', '1')})")
    for condition, results in latencies.items():
        print(f"— {condition}")
        for source, (decided, painted, arrived, sounded) in results.items():
            print(describe(f"{source}: press → the app has it", arrived))
            print(describe(f"{source}: press → lock decided", decided))
            print(describe(f"{source}: press → buzz cue handed to the mixer", sounded))
            print(describe(f"{source}: press → winner painted on stage", painted))
    print("targets: lock decided p99 ≤ 2 ms; winner painted p99 ≤ 17 ms (one 60 Hz frame)")
    print(f"ordering: {pairs} pairs ~1 ms apart on two controllers, stage repainting → {order['mis-ordered']:.0f} "
          f"mis-ordered, {order['tied']:.0f} tied ({order['tied'] / pairs:.1%}, settled by the tie rule), "
          f"{order['unseen']:.0f} presses unseen; longest gap between two controller reads "
          f"{order['longest gap ms']:.1f} ms")
    state = "buzzers open" if opened else "app idle"
    print(f"controller reader process, {state}, nobody pressing: {rate:.0f} polls/s, {cpu:.1f} % of one core "
          f"(target ≤ 5 %), longest gap between two reads {idle_gap:.1f} ms; USB full-speed polling interval: 1 ms")


if __name__ == "__main__":
    main()
