"""The buzzer threads ask for real-time priority: granted where this machine allows it (root, CAP_SYS_NICE, an
rtprio limit), refused quietly elsewhere, never passed on to a process they start, and off with
STAGESHOW_REALTIME=0."""

import os
import subprocess
import sys
import threading

import pytest

from stageshow.devices.reader_process import JoystickProcess
from stageshow.devices.thread_priority import favour_current_thread, is_favoured

pytestmark = pytest.mark.skipif(not hasattr(os, "sched_getscheduler"), reason="POSIX scheduling calls only")


def on_a_thread(work):
    """Run `work` on a fresh thread (priority is per thread) and return what it returned."""
    result = []
    thread = threading.Thread(target=lambda: result.append(work()))
    thread.start()
    thread.join(10)
    return result[0]


def this_machine_grants_realtime() -> bool:
    return on_a_thread(favour_current_thread)


def test_the_outcome_reported_is_the_threads_real_policy_and_no_other_thread_changes():
    granted, favoured = on_a_thread(lambda: (favour_current_thread(), is_favoured()))
    assert granted == favoured
    assert not is_favoured()  # the calling thread (here: the test's) keeps its normal priority


def test_a_process_started_from_a_favoured_thread_runs_at_normal_priority():
    if not this_machine_grants_realtime():
        pytest.skip("this machine does not grant real-time priority")

    def policy_of_a_child_started_here():
        assert favour_current_thread()
        probe = "import os; print(os.sched_getscheduler(0))"
        return int(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout)

    assert on_a_thread(policy_of_a_child_started_here) == os.SCHED_OTHER


def test_a_refusal_leaves_the_thread_as_it_was(monkeypatch):
    def refuse(*_):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "sched_setscheduler", refuse)
    assert on_a_thread(lambda: (favour_current_thread(), is_favoured())) == (False, False)


def test_stageshow_realtime_0_keeps_every_thread_normal(monkeypatch):
    monkeypatch.setenv("STAGESHOW_REALTIME", "0")
    assert on_a_thread(lambda: (favour_current_thread(), is_favoured())) == (False, False)


@pytest.mark.parametrize("setting", ["1", "0"])
def test_the_controller_reader_threads_get_what_the_machine_grants_unless_told_not_to(monkeypatch, setting):
    monkeypatch.setenv("STAGESHOW_REALTIME", setting)
    expected = setting == "1" and this_machine_grants_realtime()

    class Quiet:
        def __getattr__(self, name):
            return lambda *args: None

    reader = JoystickProcess(Quiet())
    reader.start()
    try:
        assert reader.ready.wait(10)
        assert reader.realtime == expected  # the app's receiving thread
        assert reader.stats().realtime == expected  # the reading thread in the reader's own process
    finally:
        reader.stop()
