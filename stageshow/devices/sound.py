"""Sound cues through ``pygame.mixer``: the engine names a cue, this plays it.

Qt-free on purpose (only ``stageshow.ui`` may import Qt), so it runs in plain tests and subprocesses. A missing
audio device must never stop a final: the player then runs silent and explains why in ``warning``.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from stageshow.i18n import render
from stageshow.paths import PROJECT_ROOT

DEFAULT_SOUNDS_DIR = PROJECT_ROOT / "assets" / "sounds"
DUCKED_LEVEL = 0.25  # the title music drops to a quarter while question media plays
_BUFFER_SAMPLES = 512  # ~12 ms at 44.1 kHz: a cue starts within ~25 ms of play(), yet weak laptops do not stutter
_LOOP_FADE_MS = 600


class SoundPlayer:
    """Plays the WAV cues of one folder; a cue's name is its file name without ``.wav``."""

    def __init__(self, sounds_dir: Path | None = None) -> None:
        self.sounds_dir = sounds_dir if sounds_dir is not None else DEFAULT_SOUNDS_DIR
        self.warning: str | None = None
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._loop_channel: pygame.mixer.Channel | None = None
        self._owns_mixer = False
        self._volume = 1.0
        self._muted = False
        self._ducked = False

    @property
    def silent(self) -> bool:
        """True until start() has opened an audio device (and for good, if there is none)."""
        return self._loop_channel is None

    @property
    def cues(self) -> frozenset[str]:
        return frozenset(self._sounds)

    def start(self) -> None:
        """Open the audio device and load every cue. Never raises for a missing device or a broken file."""
        if not self.silent:
            return
        try:
            if not pygame.mixer.get_init():  # someone's pygame.init() may have opened it already: share it
                pygame.mixer.pre_init(44_100, -16, 2, _BUFFER_SAMPLES)
                pygame.mixer.init()
                self._owns_mixer = True
        except pygame.error as exc:
            self.warning = f"{render('no_audio')}（{exc}）"
            return
        pygame.mixer.set_reserved(1)  # channel 0 carries only the title loop, so ducking it never touches a cue
        self._loop_channel = pygame.mixer.Channel(0)
        unreadable = []
        for path in sorted(self.sounds_dir.glob("*.wav")):
            try:
                self._sounds[path.stem] = pygame.mixer.Sound(str(path))
            except pygame.error:
                unreadable.append(path.name)
        if unreadable:
            self.warning = render("sounds_unreadable", files="、".join(unreadable))
        self._apply_volume()

    def play(self, cue: str) -> None:
        """Start a cue now. Unknown cues, silent mode and mute are no-ops: a sound is never worth an error."""
        sound = self._sounds.get(cue)
        if sound is None or self._muted:
            return
        channel = pygame.mixer.find_channel(True)  # if every channel is busy, cut the oldest cue, never the buzz
        if channel is not None:
            channel.play(sound)

    def loop(self, cue: str) -> None:
        """Play a cue over and over on the loop channel (the title music), replacing any loop already running."""
        sound = self._sounds.get(cue)
        if sound is None or self._loop_channel is None:
            return
        self._loop_channel.play(sound, loops=-1, fade_ms=_LOOP_FADE_MS)
        self._loop_channel.set_volume(DUCKED_LEVEL if self._ducked else 1.0)

    def stop_loop(self) -> None:
        """Fade the loop out rather than cut it, which would click."""
        if self._loop_channel is not None:
            self._loop_channel.fadeout(_LOOP_FADE_MS)

    def duck(self, on: bool) -> None:
        """Lower the loop under a question's own video or audio, and bring it back afterwards."""
        self._ducked = on
        if self._loop_channel is not None:
            self._loop_channel.set_volume(DUCKED_LEVEL if on else 1.0)

    def set_volume(self, volume: float) -> None:
        """Master volume, 0 to 1 (clamped); it also applies to cues already sounding."""
        self._volume = min(1.0, max(0.0, volume))
        self._apply_volume()

    def set_muted(self, muted: bool) -> None:
        """Mute silences everything at once; the loop keeps its place and is heard again on unmute."""
        self._muted = muted
        self._apply_volume()

    def close(self) -> None:
        """Stop all sound and release the device if this player opened it."""
        if self.silent:
            return
        if self._owns_mixer:
            pygame.mixer.quit()  # stops every channel
            self._owns_mixer = False
        elif self._loop_channel is not None:
            self._loop_channel.stop()  # a shared mixer's other sounds are not ours to stop
        self._sounds.clear()
        self._loop_channel = None

    def _apply_volume(self) -> None:
        # Per-sound volume, not per-channel: Channel.play keeps a channel's volume, so the loop's duck level and
        # the master level stay independent and multiply.
        level = 0.0 if self._muted else self._volume
        for sound in self._sounds.values():
            sound.set_volume(level)
