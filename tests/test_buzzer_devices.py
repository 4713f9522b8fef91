"""Buzzer devices without Qt: the mapping, the wizard's rules, keyboard stamps, and game controllers read through
pygame from SDL's virtual joysticks (real device-added, button and device-removed events)."""

import queue
import time

import pytest

from stageshow.devices.buttons import JOYSTICK, Button, keyboard_button
from stageshow.devices.joystick import JoystickReader
from stageshow.devices.key_stamps import MS, KeyStamper
from stageshow.devices.reader_process import JoystickProcess
from stageshow.devices.mapping import BuzzerMapping, MappingWizard, load_learned, save_learned
from stageshow.devices.virtual_joystick import VirtualJoystick
from stageshow.domain.model import Team

TEAMS = [Team("T01", "一队", 1, buzzer_key="1"), Team("T02", "二队", 2, buzzer_key="a"), Team("T03", "三队", 3)]


def pad(name="Buzz Box", number=0):
    return Button(JOYSTICK, f"guid/{name}//{number}", "0", f"{name} #{number + 1}")


# --- mapping -----------------------------------------------------------------------------------------------------

def test_a_default_key_answers_on_the_main_row_and_the_number_pad_and_ignores_case():
    mapping = BuzzerMapping(TEAMS)
    assert mapping.team_for(keyboard_button("1")).id == "T01"
    assert mapping.team_for(keyboard_button("Num+1")).id == "T01"
    assert mapping.team_for(keyboard_button("A")).id == "T02"
    assert mapping.team_for(keyboard_button("2")) is None
    assert mapping.team_for(pad()) is None


def test_a_learned_button_wins_over_the_show_files_key_and_the_default_stays_as_a_fallback():
    mapping = BuzzerMapping(TEAMS, {1: pad(), 3: keyboard_button("a")})
    assert mapping.team_for(pad()).id == "T01"
    assert mapping.team_for(keyboard_button("1")).id == "T01"  # keyboard fallback for an unplugged controller
    assert mapping.team_for(keyboard_button("A")).id == "T03"  # learned here: T02's default no longer counts
    assert mapping.buttons_of(TEAMS[0]) == [pad(), keyboard_button("1")]
    assert mapping.buttons_of(TEAMS[1]) == []


def test_the_learned_mapping_survives_a_restart_and_a_broken_file_is_reported_not_fatal(tmp_path):
    path = tmp_path / "buzzers.json"
    save_learned(path, {1: pad(), 2: keyboard_button("Num+5")})
    learned, warning = load_learned(path)
    assert warning is None
    assert learned == {1: pad(), 2: keyboard_button("Num+5")}
    assert learned[1].device_label == "Buzz Box #1"
    path.write_text("{ not json", encoding="utf-8")
    learned, warning = load_learned(path)
    assert learned == {}
    assert str(path) in warning and "设置向导" in warning


def test_the_wizard_walks_the_seats_refuses_a_taken_button_and_the_hosts_keys():
    wizard = MappingWizard(reversed(TEAMS), reserved_keys=["Space", "Y"])
    assert wizard.current.seat == 1
    assert wizard.offer(pad()).accepted
    refused = wizard.offer(pad())
    assert not refused.accepted and refused.taken_by == 1
    assert wizard.offer(keyboard_button("y")).reserved
    assert wizard.current.seat == 2
    wizard.skip()
    assert wizard.offer(pad(number=1)).accepted
    assert wizard.done
    wizard.back()
    assert wizard.current.seat == 3 and 3 not in wizard.learned
    assert wizard.offer(pad(number=1)).accepted
    assert wizard.learned == {1: pad(), 3: pad(number=1)}


# --- keyboard stamps -----------------------------------------------------------------------------------------------

def test_a_key_delivered_late_by_a_busy_gui_keeps_the_moment_the_window_system_saw_it():
    stamper = KeyStamper()
    base = 5_000_000 * MS
    assert stamper.stamp(1000, base + 200_000) == base + 200_000  # promptly delivered: learns the offset
    late = stamper.stamp(1100, base + 100 * MS + 250 * MS)  # pressed 100 ms later, delivered 250 ms after that
    assert late == base + 100 * MS + 200_000
    assert stamper.stamp(0, 42) == 42  # synthetic events carry no time
    # the window clock jumped (wrap-around): learn afresh rather than stamp a press seconds in the past
    assert stamper.stamp(10, base + 5_000 * MS) == base + 5_000 * MS


# --- game controllers ----------------------------------------------------------------------------------------------

class Recorder:
    """A JoystickListener that queues what the reader thread tells it."""

    def __init__(self):
        self.events = queue.Queue()

    def controller_connected(self, controller):
        self.events.put(("connected", controller))

    def controller_disconnected(self, controller):
        self.events.put(("disconnected", controller))

    def button_pressed(self, press):
        self.events.put(("pressed", press))

    def button_released(self, button):
        self.events.put(("released", button))

    def button_stuck(self, button):
        self.events.put(("stuck", button))

    def reader_warning(self, message):
        self.events.put(("warning", message))

    def next(self, kind):
        while True:
            got, value = self.events.get(timeout=5)
            if got == kind:
                return value


@pytest.fixture(params=["thread", "process"])
def reader(request):
    """The reader itself on a thread here, and as the app runs it: in a process of its own."""
    recorder = Recorder()
    if request.param == "thread":
        reader = JoystickReader(recorder, stuck_seconds=0.3)
        assert reader.start() is None
    else:
        reader = JoystickProcess(recorder, stuck_seconds=0.3)
        reader.start()
        assert reader.ready.wait(10) and recorder.events.empty()  # no warning
    reader.recorder = recorder
    yield reader
    reader.stop()


@pytest.fixture
def boxes(reader):
    made = []

    def plug(name="Party Buzzer", **kw):
        box = VirtualJoystick(name, **kw) if isinstance(reader, JoystickReader) else reader.virtual_joystick(name, **kw)
        made.append(box.attach())
        return made[-1]

    yield plug
    for box in made:
        box.detach()


def test_two_identical_boxes_are_told_apart_and_each_press_is_stamped_once(reader, boxes):
    first, second = boxes(), boxes()
    a, b = reader.recorder.next("connected"), reader.recorder.next("connected")
    assert (a.guid, a.name) == (b.guid, b.name) and (a.ordinal, b.ordinal) == (0, 1)
    before = time.monotonic_ns()
    second.press(3)
    press = reader.recorder.next("pressed")
    assert press.button == Button(JOYSTICK, b.key, "3") and press.button.label == "手柄 Party Buzzer #2 按键 3"
    assert before <= press.stamp <= time.monotonic_ns()
    time.sleep(0.05)  # held: no second press
    second.release(3)
    assert reader.recorder.next("released") == press.button
    first.press(3)
    assert reader.recorder.next("pressed").button.device == a.key
    first.release(3)


def test_a_held_button_is_reported_stuck_once_and_counts_once(reader, boxes):
    box = boxes()
    reader.recorder.next("connected")
    box.press(0)
    pressed = reader.recorder.next("pressed")
    assert reader.recorder.next("stuck") == pressed.button
    time.sleep(0.4)
    box.release(0)
    assert reader.recorder.next("released") == pressed.button
    seen = []
    while not reader.recorder.events.empty():
        seen.append(reader.recorder.events.get()[0])
    assert "pressed" not in seen and "stuck" not in seen


def test_an_unplugged_twin_comes_back_in_its_own_place(reader, boxes):
    first, second = boxes(), boxes()
    reader.recorder.next("connected")
    reader.recorder.next("connected")
    first.detach()
    gone = reader.recorder.next("disconnected")
    assert gone.ordinal == 0
    again = boxes()
    back = reader.recorder.next("connected")
    assert back == gone  # same GUID, name and place: its mapping applies again
    again.press(1)
    assert reader.recorder.next("pressed").button.device == gone.key
    second.press(1)
    assert reader.recorder.next("pressed").button.device != gone.key



def test_a_reader_process_that_dies_is_reported_and_restarted_with_its_controllers_unplugged():
    recorder = Recorder()
    reader = JoystickProcess(recorder, stuck_seconds=0.3)
    reader.start()
    try:
        reader.virtual_joystick("Party Buzzer").attach()  # it dies with the process
        plugged = recorder.next("connected")
        reader._child.kill()  # as a crash in a driver would
        assert recorder.next("disconnected") == plugged
        assert "重新启动" in recorder.next("warning")
        assert reader.ready.wait(10)
        again = reader.virtual_joystick("Party Buzzer").attach()  # the new process reads controllers as before
        assert recorder.next("connected").name == "Party Buzzer"
        again.press(4)
        assert recorder.next("pressed").button.button == "4"
    finally:
        reader.stop()
