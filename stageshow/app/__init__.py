"""Wiring the engine to its log: sessions, rehearsals, results."""
