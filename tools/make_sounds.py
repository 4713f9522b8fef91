#!/usr/bin/env python3
"""Synthesise StageShow's sound cues into ``assets/sounds/`` (paths relative to the repository root).

Every cue is computed from sine partials and seeded noise, so the files are our own work, free of licence
questions, and the output is byte-for-byte the same on every run. All files are 16-bit mono PCM WAV and each stays
under 150 KB so the repository stays light:

* ``buzz.wav``      0.35 s bell ding, full level from the first millisecond: it follows a buzzer press at once.
* ``tick.wav``      0.07 s wood-block tick for the last seconds of a countdown.
* ``time_up.wav``   1.1 s two-bell "ding-dong" when the time runs out.
* ``correct.wav``   0.75 s rising two-note chime (E6 then A6).
* ``wrong.wav``     0.6 s low descending two-step tone (G3 then D3), soft and rounded rather than harsh.
* ``reveal.wav``    1.2 s soft shimmer: a high arpeggio that fades in and rings out.
* ``applause.wav``  2.0 s of applause at 22.05 kHz: a crowd of "clappers", each a train of band-passed noise bursts.
* ``title_loop.wav`` 8 s calm pad for the title card, sampled at 8 kHz so eight seconds fit in 128 KB. The pad
  lives below 1.2 kHz, so nothing audible is lost, and the mixer resamples it on load. It loops without a seam:
  every partial and every slow swell completes a whole number of cycles in the 8 s.

Usage::

    python tools/make_sounds.py            # (re)write every cue
"""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np

OUT_DIR = Path(__file__).resolve().parent.parent / "assets" / "sounds"
RATE = 44_100
MAX_BYTES = 150 * 1024

Signal = np.ndarray


def _time(seconds: float, rate: int = RATE) -> Signal:
    return np.arange(round(seconds * rate)) / rate


def _note(name_semitones_from_a4: int) -> float:
    return 440.0 * 2.0 ** (name_semitones_from_a4 / 12.0)


def _bell(t: Signal, f0: float, decay: float, attack: float = 0.001) -> Signal:
    """A struck-bell tone: a few slightly inharmonic partials, the higher ones dying faster."""
    partials = ((1.0, 1.0, 1.0), (2.0, 0.35, 1.8), (3.01, 0.12, 2.6), (4.2, 0.05, 3.5))
    out = np.zeros_like(t)
    for ratio, amp, faster in partials:
        out += amp * np.sin(2 * np.pi * f0 * ratio * t) * np.exp(-t * faster / decay)
    return out * np.clip(t / attack, 0.0, 1.0)  # a 1 ms ramp: sharp, but no click


def _delayed(signal: Signal, seconds: float, total: int, rate: int = RATE) -> Signal:
    out = np.zeros(total)
    start = round(seconds * rate)
    n = min(len(signal), total - start)
    out[start:start + n] = signal[:n]
    return out


def _fade_out(signal: Signal, seconds: float, rate: int = RATE) -> Signal:
    """Ends every cue on exact silence, so it never stops with a click."""
    n = min(len(signal), round(seconds * rate))
    signal = signal.copy()
    signal[-n:] *= np.cos(np.linspace(0.0, np.pi / 2, n)) ** 2
    return signal


def _bandpassed_noise(rng: np.random.Generator, n: int, centre: float, width: float, rate: int) -> Signal:
    """White noise shaped in the frequency domain by a Gaussian band around ``centre`` Hz."""
    spectrum = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1.0 / rate)
    spectrum *= np.exp(-0.5 * ((freqs - centre) / width) ** 2)
    return np.fft.irfft(spectrum, n)


def buzz() -> Signal:
    t = _time(0.35)
    tone = _bell(t, _note(14), decay=0.12) + 0.5 * _bell(t, _note(21), decay=0.08)  # B5 + F#6, a bright fifth
    return _fade_out(tone, 0.03)


def tick() -> Signal:
    t = _time(0.07)
    body = np.sin(2 * np.pi * 1250 * t) * np.exp(-t / 0.012)
    knock = np.sin(2 * np.pi * 2900 * t) * np.exp(-t / 0.004)
    return _fade_out((body + 0.4 * knock) * np.clip(t / 0.0005, 0, 1), 0.01)


def time_up() -> Signal:
    t = _time(1.1)
    n = len(t)
    ding = _bell(t, _note(7), decay=0.45)  # E5
    dong = _bell(t, _note(0), decay=0.55)  # A4
    return _fade_out(ding + _delayed(dong, 0.28, n), 0.15)


def correct() -> Signal:
    t = _time(0.75)
    n = len(t)
    first = _bell(t, _note(19), decay=0.18)   # E6
    second = _bell(t, _note(24), decay=0.28)  # A6
    return _fade_out(0.8 * first + _delayed(second, 0.13, n), 0.1)


def wrong() -> Signal:
    t = _time(0.6)

    def step(f0: float, start: float, length: float) -> Signal:
        local = t - start
        on = (local >= 0) & (local < length)
        env = np.clip(local / 0.008, 0, 1) * np.clip((length - local) / 0.06, 0, 1) * on
        # Odd harmonics with falling weight: a soft, woody square wave, low enough to read as "no".
        tone = sum(np.sin(2 * np.pi * f0 * k * local) / k ** 1.6 for k in (1, 3, 5, 7))
        return tone * env

    return _fade_out(step(_note(-14), 0.0, 0.22) + step(_note(-19), 0.24, 0.36), 0.05)  # G3 then D3


def reveal() -> Signal:
    t = _time(1.2)
    n = len(t)
    out = np.zeros(n)
    for i, semis in enumerate((19, 23, 26, 31, 35)):  # E6 G#6 B6 E7 G#7: a bright major arpeggio
        local = _time(1.2 - 0.06 * i)
        f0 = _note(semis)
        shimmer = 1.0 + 0.25 * np.sin(2 * np.pi * (6.0 + i) * local)  # each voice trembles at its own rate
        env = (1 - np.exp(-local / 0.04)) * np.exp(-local / 0.45)
        voice = (np.sin(2 * np.pi * f0 * local) + 0.2 * np.sin(2 * np.pi * f0 * 2.003 * local)) * env * shimmer
        out += _delayed(voice, 0.06 * i, n)
    return _fade_out(out, 0.2)


APPLAUSE_RATE = 22_050


def applause() -> Signal:
    rate = APPLAUSE_RATE
    rng = np.random.default_rng(20240601)
    n = round(2.0 * rate)
    t = np.arange(n) / rate
    out = np.zeros(n)
    clap_len = round(0.035 * rate)
    clap_t = np.arange(clap_len) / rate
    for _ in range(28):  # each clapper has their own hand size (band) and tempo
        centre = rng.uniform(900, 2600)
        period = rng.uniform(0.16, 0.26)
        when = rng.uniform(0, period)
        while when < 2.0:
            burst = _bandpassed_noise(rng, clap_len, centre, centre * 0.45, rate)
            burst *= np.exp(-clap_t / rng.uniform(0.006, 0.012)) * rng.uniform(0.5, 1.0)
            out += _delayed(burst, when, n, rate)
            when += period * rng.uniform(0.85, 1.15)
    out += 0.15 * _bandpassed_noise(rng, n, 1500, 900, rate)  # the room: claps too many to tell apart
    swell = np.clip(t / 0.15, 0, 1) * np.clip((2.0 - t) / 0.9, 0, 1) ** 1.5
    return _fade_out(out * swell, 0.05, rate)


LOOP_RATE = 8_000
LOOP_SECONDS = 8.0


def title_loop() -> Signal:
    t = _time(LOOP_SECONDS, LOOP_RATE)

    def whole_cycles(f: float) -> float:
        return round(f * LOOP_SECONDS) / LOOP_SECONDS  # so the end of the file meets its start

    def chord(semitones: tuple[int, ...]) -> Signal:
        out = np.zeros_like(t)
        for semis in semitones:
            f0 = _note(semis)
            for detune in (-0.25, 0.0, 0.25):  # three slightly detuned voices: a gentle chorus
                for k, amp in ((1, 1.0), (2, 0.25), (3, 0.08)):
                    out += amp * np.sin(2 * np.pi * whole_cycles(f0 * k + detune) * t)
        return out

    a_major9 = chord((-24, -12, -8, -5, -1, 2))  # A2 A3 C#4 E4 G#4 B4: calm and open
    d_major9 = chord((-19, -7, -3, 0, 4, 7))     # D3 D4 F#4 A4 C#5 E5: shares E with the first chord
    weight = 0.5 + 0.5 * np.cos(2 * np.pi * t / LOOP_SECONDS)  # one slow breath between the two chords
    breathe = 0.85 + 0.15 * np.sin(2 * np.pi * 2 * t / LOOP_SECONDS)
    return (weight * a_major9 + (1 - weight) * d_major9) * breathe


def _write(name: str, signal: Signal, peak: float, rate: int = RATE) -> Path:
    samples = np.round(signal / np.max(np.abs(signal)) * peak * 32767).astype("<i2")
    path = OUT_DIR / name
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    size = path.stat().st_size
    if size >= MAX_BYTES:
        raise SystemExit(f"{name} is {size} bytes, over the {MAX_BYTES}-byte budget")
    return path


CUES: dict[str, tuple[Callable[[], Signal], float, int]] = {
    # name: (synthesiser, peak level, sample rate). Loud cues peak at -3 dBFS; the title pad sits well below.
    "buzz.wav": (buzz, 0.71, RATE),
    "tick.wav": (tick, 0.6, RATE),
    "time_up.wav": (time_up, 0.71, RATE),
    "correct.wav": (correct, 0.71, RATE),
    "wrong.wav": (wrong, 0.63, RATE),
    "reveal.wav": (reveal, 0.5, RATE),
    "applause.wav": (applause, 0.6, APPLAUSE_RATE),
    "title_loop.wav": (title_loop, 0.4, LOOP_RATE),
}


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, (synth, peak, rate) in CUES.items():
        path = _write(name, synth(), peak, rate)
        print(f"{path.name:16} {path.stat().st_size:>7} bytes")


if __name__ == "__main__":
    main()
