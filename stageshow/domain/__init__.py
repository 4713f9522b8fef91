"""The show engine: plain Python, no Qt, pygame or SQL (enforced by import-linter)."""
