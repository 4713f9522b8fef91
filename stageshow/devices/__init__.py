"""Hardware adapters: buzzers in, sound out; no Qt here, so the engine and tests can drive them directly."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep pygame's greeting out of the operator's console
