"""Hardware adapters: buzzers in, sound out; no Qt here, so the engine and tests can drive them directly."""
