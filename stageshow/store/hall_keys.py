"""The database's hall secret: made once when a show is opened for writing, read by `export --judge-cards`."""

from __future__ import annotations

import secrets

from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from stageshow.store.database import HallKeyRecord


def hall_secret(database: Engine, create: bool = True) -> str | None:
    """The secret, made now if there is none yet and `create`; None when there is none (a database from before)."""
    try:
        with Session(database) as session:
            record = session.get(HallKeyRecord, 1)
            if record is None and create:
                record = HallKeyRecord(id=1, secret=secrets.token_hex(32))
                session.add(record)
                session.commit()
                session.refresh(record)
            return record.secret if record else None
    except OperationalError:  # a read-only database written before the hall had a secret
        return None
