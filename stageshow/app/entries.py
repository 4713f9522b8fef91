"""What the operator types into the console's entries, read into commands. Teams are named as the hall names
them, by seat number or by name ("3", "3号", "第3组", "东城区", "东城区代表队"), never by the show file's hidden ids.

    votes(show, "1:12 2:8")          → Votes({T01: 12, T02: 8})
    panel(show, "90 92 88", "T03")   → Panel(T03, (90, 92, 88));  panel(show, "4: 90 92 88", None) → for seat 4
    found("1 3 误报2", 4)             → (Found((1, 3)), 2)
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from stageshow.domain import commands as c
from stageshow.domain.model import Show, Team
from stageshow.i18n import render

_SEPARATORS = re.compile(r"[\s,，、;；]+")
_PAIR = re.compile(r"^(.+?)\s*[:：=]\s*(.+)$")


class EntryError(ValueError):
    """Says what in the entry is wrong and how to write it."""


def team_named(show: Show, text: str) -> Team:
    """The team a person means by `text`: a seat number (3, 3号, 第3组, 第3队) or its name, whole or in part."""
    words = text.strip()
    seat = re.fullmatch(r"第?\s*(\d+)\s*(?:号|组|队|号台)?", words)
    if seat:
        for team in show.teams:
            if team.seat == int(seat.group(1)):
                return team
        raise EntryError(render("entry_no_seat", seat=seat.group(1), count=len(show.teams)))
    exact = [team for team in show.teams if team.name == words]
    matches = exact or [team for team in show.teams if words and words in team.name]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise EntryError(render("entry_team_ambiguous", text=words, teams="、".join(t.name for t in matches)))
    raise EntryError(render("entry_no_team", text=words))


def votes(show: Show, text: str) -> c.Votes:
    """"1:12 2:8" (seat or name : votes), or one count per team in seat order ("12 8 5 …")."""
    parts = [part for part in _SEPARATORS.split(text.strip()) if part]
    if not parts:
        raise EntryError(render("entry_votes_format"))
    counts: dict[str, int] = {}
    if all(part.isdigit() for part in parts):
        if len(parts) != len(show.teams):
            raise EntryError(render("entry_votes_count", got=len(parts), count=len(show.teams)))
        return c.Votes({team.id: int(part) for team, part in zip(show.teams, parts, strict=True)})
    for part in parts:
        pair = _PAIR.match(part)
        if not pair or not pair.group(2).isdigit():
            raise EntryError(render("entry_votes_format"))
        team = team_named(show, pair.group(1))
        if team.id in counts:
            raise EntryError(render("entry_votes_twice", team=team.name))
        counts[team.id] = int(pair.group(2))
    return c.Votes(counts)


def panel(show: Show, text: str, default_team: str | None) -> c.Panel:
    """The judges' scores, "90 92 88 95 91", for the team performing, or "4: 90 92 …" for seat 4."""
    pair = _PAIR.match(text.strip())
    team_id = team_named(show, pair.group(1)).id if pair else default_team
    if team_id is None:
        raise EntryError(render("entry_panel_team"))
    words = [word for word in _SEPARATORS.split(pair.group(2) if pair else text.strip()) if word]
    try:
        scores = tuple(Decimal(word) for word in words)
    except InvalidOperation:
        raise EntryError(render("entry_panel_numbers")) from None
    if not scores or not all(score.is_finite() for score in scores):
        raise EntryError(render("entry_panel_numbers"))
    return c.Panel(team_id, scores)


def found(text: str, planted: int) -> tuple[c.Found, int]:
    """The numbers of the planted errors found ("1 3", or "无" for none), and claims that matched none ("误报2")."""
    claims = 0
    words = text.strip()
    wrong = re.search(r"误报\s*(\d+)", words)
    if wrong:
        claims = int(wrong.group(1))
        words = (words[:wrong.start()] + words[wrong.end():]).strip()
    numbers: list[int] = []
    for word in _SEPARATORS.split(words):
        if word in ("", "无", "0"):
            continue
        if not word.isdigit() or not 1 <= int(word) <= planted:
            raise EntryError(render("entry_found_format", count=planted))
        if int(word) not in numbers:
            numbers.append(int(word))
    return c.Found(tuple(sorted(numbers))), claims
