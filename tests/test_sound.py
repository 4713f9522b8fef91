"""Sound cues: the files are sound, a cue really reaches the audio device, and no device means silence, not a crash.

SDL reads SDL_AUDIODRIVER once, when audio starts, and this test process is pinned to the dummy driver by
conftest.py. So the disk-driver and broken-driver cases each run in a fresh Python subprocess with their own
environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from stageshow.devices.sound import DEFAULT_SOUNDS_DIR, SoundPlayer
from stageshow.paths import PROJECT_ROOT

CUES = ("buzz", "tick", "time_up", "correct", "wrong", "reveal", "applause", "title_loop")

_CHILD = """
import json, sys, time
import pygame
from stageshow.devices.sound import SoundPlayer

player = SoundPlayer()
player.start()
report = {"warning": player.warning, "silent": player.silent, "cues": sorted(player.cues)}
for cue in sys.argv[1:]:
    player.play(cue)
time.sleep(0.3)
# Every other control must also be safe to call, with or without a device.
player.loop("title_loop")
player.duck(True)
player.set_volume(0.8)
player.set_muted(True)
player.stop_loop()
player.close()
print(json.dumps({
    **report,
    "mixer_open": pygame.mixer.get_init() is not None,
    "qt_loaded": any(name.startswith("PySide6") for name in sys.modules),
}))
"""


def _run_child(audio_env: dict[str, str], *cues: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "PYGAME_HIDE_SUPPORT_PROMPT": "1", **audio_env}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *cues], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _disk_samples(path: Path) -> np.ndarray:
    return np.fromfile(path, dtype="<i2")  # the mixer's own format: 16-bit little-endian, interleaved stereo


def test_a_played_cue_reaches_the_audio_device(tmp_path: Path) -> None:
    # The control run plays an unknown cue and proves the device writes silence unless a real cue plays, so the
    # sound in the first file comes from the buzz.
    with_buzz, without = tmp_path / "buzz.raw", tmp_path / "control.raw"
    report = _run_child({"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(with_buzz)}, "buzz")
    _run_child({"SDL_AUDIODRIVER": "disk", "SDL_DISKAUDIOFILE": str(without)}, "no_such_cue")
    assert report["warning"] is None and report["silent"] is False
    assert report["cues"] == sorted(CUES)

    played, control = _disk_samples(with_buzz), _disk_samples(without)
    assert played.size > 0.2 * 44_100 * 2  # the device ran for the whole 0.3 s
    with wave.open(str(DEFAULT_SOUNDS_DIR / "buzz.wav")) as cue:
        cue_peak = np.abs(np.frombuffer(cue.readframes(cue.getnframes()), "<i2")).max()
    assert np.abs(played).max() > 0.5 * cue_peak
    assert np.abs(control).max() < 0.05 * cue_peak  # the loop started at the very end is still fading in
    assert np.count_nonzero(played) > 0.1 * 44_100  # at least 50 ms of stereo sound


def test_no_audio_device_means_silence_and_a_warning() -> None:
    report = _run_child({"SDL_AUDIODRIVER": "nonexistent_driver"}, "buzz", "no_such_cue")
    # play/loop/duck/... all ran without raising; with the mixer closed, any real call into it would have raised.
    assert report["silent"] is True and report["mixer_open"] is False
    assert isinstance(report["warning"], str) and report["warning"].startswith("没有可用的音频设备，比赛将静音进行")
    assert report["cues"] == []
    assert report["qt_loaded"] is False  # the sound adapter stays Qt-free


def test_controls_with_the_dummy_device() -> None:
    import pygame

    player = SoundPlayer()
    player.start()
    try:
        assert player.warning is None and player.cues == frozenset(CUES)
        player.play("no_such_cue")
        assert not pygame.mixer.get_busy()
        player.play("buzz")
        assert pygame.mixer.get_busy()

        player.loop("title_loop")
        loop_channel = pygame.mixer.Channel(0)
        assert loop_channel.get_busy()
        player.duck(True)
        assert loop_channel.get_volume() == pytest.approx(0.25, abs=0.01)
        player.duck(False)
        assert loop_channel.get_volume() == pytest.approx(1.0, abs=0.01)

        player.set_muted(True)
        pygame.mixer.stop()
        player.play("buzz")
        assert not pygame.mixer.get_busy()  # muted: nothing starts
        player.set_muted(False)
        player.set_volume(7.0)  # clamped, not an error
        player.play("buzz")
        assert pygame.mixer.get_busy()
    finally:
        player.close()
    assert player.silent
    player.play("buzz")  # after close: a no-op, not an error


@pytest.mark.parametrize("cue", CUES)
def test_cue_file_is_a_small_valid_wav(cue: str) -> None:
    path = DEFAULT_SOUNDS_DIR / f"{cue}.wav"
    assert path.stat().st_size < 150 * 1024
    with wave.open(str(path)) as wav:
        assert wav.getsampwidth() == 2 and wav.getnchannels() in (1, 2)
        assert wav.getframerate() in (8_000, 22_050, 44_100)
        seconds = wav.getnframes() / wav.getframerate()
        samples = np.abs(np.frombuffer(wav.readframes(wav.getnframes()), "<i2"))
    assert samples.max() > 3000  # audible, not an empty file
    limits = {"buzz": (0.1, 0.4), "tick": (0.02, 0.2), "applause": (1.5, 2.5), "title_loop": (8.0, 10.0)}
    low, high = limits.get(cue, (0.2, 1.5))
    assert low <= seconds <= high
    if cue == "buzz":  # the ding must be loud within 5 ms, so it lands with the press
        assert np.argmax(samples > samples.max() / 2) < 0.005 * 44_100
