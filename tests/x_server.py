"""A real X server with two monitors side by side, as an operator's laptop beside a projector: Xorg with the dummy
driver (its monitors can be resized and switched off with xrandr, firing Qt's real screen events). No window
manager: nothing but the app itself keeps its windows in place."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
DUMMY_DRIVER = Path("/usr/lib/xorg/modules/drivers/dummy_drv.so")


@contextlib.contextmanager
def two_monitors(folder: Path, laptop: str = "1280x800", projector: str = "1920x1080",
                 window_manager: bool = False) -> Iterator[dict[str, str]]:
    """Yields the environment for a child on the display: DUMMY0 is the laptop at +0+0, DUMMY1 the projector
    right of it; with `window_manager`, openbox runs there too (frames, title bars, focus as a desktop has them).
    Skips the test where Xorg's dummy driver is not installed (scripts/test.sh installs it as root)."""
    if not (shutil.which("Xorg") and shutil.which("xrandr") and DUMMY_DRIVER.exists()):
        pytest.skip("needs Xorg with the dummy driver and xrandr (scripts/test.sh installs them as root)")
    if window_manager and not shutil.which("openbox"):
        pytest.skip("needs openbox (scripts/test.sh installs it as root)")
    display = f":{90 + os.getpid() % 100}"
    server = subprocess.Popen(["Xorg", display, "-noreset", "-nolisten", "tcp", "-config",
                               str(TESTS / "xorg-dummy.conf"), "-logfile", str(folder / "xorg.log")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "DISPLAY": display}
    manager: subprocess.Popen[bytes] | None = None
    try:
        deadline = time.monotonic() + 15
        while subprocess.run(["xrandr"], env=env, capture_output=True).returncode != 0:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.skip(f"Xorg could not start here (see {folder / 'xorg.log'})")
            time.sleep(0.1)

        def xrandr(*args: str) -> None:
            subprocess.run(["xrandr", *args], env=env, check=True, capture_output=True)

        for output, mode in (("DUMMY0", laptop), ("DUMMY1", projector)):
            xrandr("--addmode", output, mode)
        xrandr("--output", "DUMMY0", "--mode", laptop, "--pos", "0x0")
        xrandr("--output", "DUMMY1", "--mode", projector, "--right-of", "DUMMY0")
        if window_manager:
            manager = subprocess.Popen(["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
            time.sleep(1)  # openbox takes the screen over before any window is mapped
        yield env
    finally:
        if manager is not None:
            manager.terminate()
            manager.wait(10)
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
