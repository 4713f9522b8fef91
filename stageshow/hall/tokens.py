"""The hall's tokens: unguessable, made from the database's secret, checked without a list.

    judge 3:  "3.<mac>"        (printed on the judge's card, kept across restarts)
    host:     "<mac of host>"
    control:  "<mac of control>" (button boxes, stream decks)
    voter:    "<random id>.<mac>" (issued to a phone when it first opens the voting page)

A token is checked by making its MAC again, so a guessed, altered or forged one is refused, and nothing has to be
stored per phone. A voter's id is random: the ballot carries no personal data.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

MAC_CHARS = 22  # 132 bits
_VOTER = re.compile(r"^([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{22})$")
_JUDGE = re.compile(r"^([1-9][0-9]?)\.([A-Za-z0-9_-]{22})$")


def mac(secret: str, what: str) -> str:
    digest = hmac.new(secret.encode(), what.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode()[:MAC_CHARS]


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def role_token(secret: str, role: str) -> str:
    return mac(secret, role)


def judge_token(secret: str, judge: int) -> str:
    return f"{judge}.{mac(secret, f'judge:{judge}')}"


def judge_of(secret: str, token: str) -> int | None:
    """The judge a token belongs to, or None for anything else."""
    found = _JUDGE.match(token or "")
    if found is None or not _same(found.group(2), mac(secret, f"judge:{found.group(1)}")):
        return None
    return int(found.group(1))


def new_voter_token(secret: str) -> str:
    voter = secrets.token_urlsafe(9)  # 12 characters, 72 random bits
    return f"{voter}.{mac(secret, f'voter:{voter}')}"


def voter_of(secret: str, token: str) -> str | None:
    found = _VOTER.match(token or "")
    if found is None or not _same(found.group(2), mac(secret, f"voter:{found.group(1)}")):
        return None
    return found.group(1)


def is_role(secret: str, role: str, token: str) -> bool:
    return bool(token) and _same(token, role_token(secret, role))
