"""SDL's own virtual joystick: a named controller that produces genuine device-added, button and device-removed
events through pygame, so the buzzer code is exercised end to end without hardware (tests, benchmarks, and a
rehearsal on a laptop with no buzzer box)."""

from __future__ import annotations

import ctypes
import time

from stageshow.devices.sdl_library import sdl

_JOYSTICK_TYPE_GAMECONTROLLER = 1  # arcade encoders report as game controllers or plain joysticks; either works
_DESC_VERSION = 1


class _Description(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint16), ("type", ctypes.c_uint16), ("naxes", ctypes.c_uint16),
                ("nbuttons", ctypes.c_uint16), ("nhats", ctypes.c_uint16), ("vendor_id", ctypes.c_uint16),
                ("product_id", ctypes.c_uint16), ("padding", ctypes.c_uint16), ("button_mask", ctypes.c_uint32),
                ("axis_mask", ctypes.c_uint32), ("name", ctypes.c_char_p), ("userdata", ctypes.c_void_p)]
    _fields_ += [(callback, ctypes.c_void_p) for callback in
                 ("Update", "SetPlayerIndex", "Rumble", "RumbleTriggers", "SetLED", "SendEffect")]


class VirtualJoystick:
    """Plug in with `attach()`, press with `set_button()`, unplug with `detach()`."""

    def __init__(self, name: str = "Virtual Buzzer Box", buttons: int = 12, vendor: int = 0x1209,
                 product: int = 0xB022) -> None:
        library = sdl()
        if library is None:
            raise RuntimeError("SDL2 library not found")
        self._sdl = library
        library.SDL_JoystickAttachVirtualEx.argtypes = [ctypes.POINTER(_Description)]
        library.SDL_JoystickOpen.restype = ctypes.c_void_p
        library.SDL_JoystickSetVirtualButton.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint8]
        library.SDL_JoystickClose.argtypes = [ctypes.c_void_p]
        self._name = name.encode("utf-8")
        self._description = _Description(version=_DESC_VERSION, type=_JOYSTICK_TYPE_GAMECONTROLLER, nbuttons=buttons,
                                         vendor_id=vendor, product_id=product, name=self._name)
        self._handle: int | None = None
        self.instance_id: int | None = None

    def attach(self) -> VirtualJoystick:
        index = self._sdl.SDL_JoystickAttachVirtualEx(ctypes.byref(self._description))
        if index < 0:
            raise RuntimeError("SDL could not attach a virtual joystick")
        self.instance_id = self._sdl.SDL_JoystickGetDeviceInstanceID(index)
        self._handle = self._sdl.SDL_JoystickOpen(index)
        return self

    def set_button(self, button: int, down: bool) -> None:
        assert self._handle is not None, "attach() first"
        self._sdl.SDL_JoystickSetVirtualButton(self._handle, button, 1 if down else 0)

    def press(self, button: int) -> None:
        self.set_button(button, True)

    def release(self, button: int) -> None:
        self.set_button(button, False)

    def click(self, button: int, hold: float = 0.03) -> None:
        """Press and let go, as a hand does. SDL reads a button's state when it polls, so a press shorter than a
        poll would go unseen: hold it, and stay up as long before the next press."""
        self.press(button)
        time.sleep(hold)
        self.release(button)
        time.sleep(hold)

    def detach(self) -> None:
        if self._handle is None:
            return
        self._sdl.SDL_JoystickClose(self._handle)
        self._handle = None
        for index in range(self._sdl.SDL_NumJoysticks()):
            if self._sdl.SDL_JoystickGetDeviceInstanceID(index) == self.instance_id:
                self._sdl.SDL_JoystickDetachVirtual(index)
                return
