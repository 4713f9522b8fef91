"""The durable event log: SQLite through SQLModel, replay, integrity checks."""
