"""The SDL2 library pygame already loaded, for the few joystick calls pygame does not wrap (serial numbers, and
SDL's virtual joysticks that let tests and benchmarks press real buttons without hardware)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from functools import cache
from pathlib import Path

import pygame


def _loaded_sdl_path() -> str | None:
    if sys.platform.startswith("linux"):
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            for line in maps:
                name = line.rsplit("/", 1)[-1]
                if name.startswith("libSDL2-2") and ".so" in name:
                    return line.split(None, 5)[-1].strip()
    bundled = Path(pygame.__file__).parent  # Windows and macOS wheels keep SDL beside pygame
    for candidate in (*bundled.glob("SDL2.dll"), *bundled.glob(".dylibs/libSDL2*.dylib")):
        return str(candidate)
    return ctypes.util.find_library("SDL2")


@cache
def sdl() -> ctypes.CDLL | None:
    """The loaded SDL2, or None where it cannot be found (callers then do without)."""
    pygame.joystick.init()  # makes sure SDL itself is loaded and mapped
    path = _loaded_sdl_path()
    if path is None or not os.path.exists(path):
        return None
    library = ctypes.CDLL(path)
    library.SDL_JoystickFromInstanceID.restype = ctypes.c_void_p
    library.SDL_JoystickGetSerial.argtypes = [ctypes.c_void_p]
    library.SDL_JoystickGetSerial.restype = ctypes.c_char_p
    return library


def joystick_serial(instance_id: int) -> str:
    """The serial number SDL read from the device, or "" (most encoders report none)."""
    library = sdl()
    if library is None:
        return ""
    handle = library.SDL_JoystickFromInstanceID(instance_id)
    serial = library.SDL_JoystickGetSerial(handle) if handle else None
    return serial.decode("utf-8", "replace") if serial else ""
