"""The buzzer threads ask the operating system to run them ahead of everything else.

Measured on a 2-core machine: when a controller press woke the app's receiving thread while the GUI thread was
busy, the kernel often queued it behind the GUI thread on the same core for a whole scheduler tick (~4 ms) though
the other core was idle, and the lock was decided late. A real-time thread runs the moment it wakes, and takes
Python's interpreter lock the moment the GUI thread lets go of it. Its work is short (read a button, decide a
press) and it sleeps in between, so it never starves the rest of the machine (Linux also keeps 5 % of every second
for ordinary threads).

Linux grants real-time scheduling to root, to programs given CAP_SYS_NICE, and to users with an `rtprio` limit (set
in /etc/security/limits.conf); Windows lets any program raise its own thread to time-critical. Elsewhere, or when
refused, the thread carries on at normal priority: presses are still stamped and ordered right, only decided a few
milliseconds later when the machine is busy. STAGESHOW_REALTIME=0 keeps every thread at normal priority.
"""

from __future__ import annotations

import os
import sys

_FIFO_PRIORITY = 10  # low among real-time priorities: above every ordinary thread, below the kernel's own
_WINDOWS_TIME_CRITICAL = 15


def favour_current_thread() -> bool:
    """Ask for real-time priority for the calling thread; True if granted. Never raises."""
    if os.environ.get("STAGESHOW_REALTIME", "1") == "0":
        return False
    if sys.platform == "win32":
        return _favour_windows_thread()
    if not hasattr(os, "sched_setscheduler"):
        return False
    # Reset on fork: a process started from this thread (the controller reader) starts at normal priority.
    policy = os.SCHED_FIFO | getattr(os, "SCHED_RESET_ON_FORK", 0)
    try:
        os.sched_setscheduler(0, policy, os.sched_param(_FIFO_PRIORITY))  # 0: this thread, on Linux
    except OSError:  # not permitted: normal priority it is
        return False
    return True


def is_favoured() -> bool:
    """Whether the calling thread runs at real-time priority (Linux; elsewhere, False)."""
    if not hasattr(os, "sched_getscheduler"):
        return False
    return os.sched_getscheduler(0) & ~getattr(os, "SCHED_RESET_ON_FORK", 0) == os.SCHED_FIFO


def _favour_windows_thread() -> bool:
    try:
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        return bool(kernel32.SetThreadPriority(kernel32.GetCurrentThread(), _WINDOWS_TIME_CRITICAL))
    except (AttributeError, OSError):
        return False
