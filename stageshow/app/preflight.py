"""The pre-flight check (设备自检) before a show, the parts that need no window: the database, the disk, the backup
folder and the buzzer mapping. Each line says what was found and, when it is not right, what to do, in the
operator's words. The window's own lines (screens, fonts, sound, videos) are in stageshow.ui.preflight."""

from __future__ import annotations

import shutil
import socket
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from stageshow.devices.mapping import BuzzerMapping
from stageshow.domain.model import Show
from stageshow.hall.addresses import lan_addresses
from stageshow.i18n import render

FREE_DISK_NEEDED = 200 * 1024 * 1024  # a long final with its backups writes a few MB; keep a wide margin


@dataclass(frozen=True)
class CheckLine:
    """ok: True (green), False (red: fix it before the show), None (yellow: worth a look, not a stop)."""

    what: str
    ok: bool | None
    detail: str
    fix: str = ""

    def render(self) -> str:
        mark = {True: "✔", False: "✘", None: "!"}[self.ok]
        return f"{mark} {self.what}：{self.detail}" + (f" —— {self.fix}" if self.fix and self.ok is not True else "")


def database_line(db_path: Path) -> CheckLine:
    """The show's database can be written now (a write lock taken and given back) and the disk has room."""
    what = render("pre_db")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(db_path, timeout=2) as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
        free = shutil.disk_usage(db_path.parent).free
    except (OSError, sqlite3.Error) as error:
        return CheckLine(what, False, render("pre_db_unwritable", path=db_path, reason=error), render("pre_db_fix"))
    if free < FREE_DISK_NEEDED:
        return CheckLine(what, False, render("pre_disk_low", path=db_path.parent, free=free // 2**20),
                         render("pre_disk_fix"))
    return CheckLine(what, True, render("pre_db_ok", path=db_path, free=free // 2**30))


def network_line(port: int | None) -> CheckLine:
    """The LAN link: off (news, not trouble), or its address and whether this machine reaches it there (a phone
    that still cannot is then a firewall or a different Wi-Fi)."""
    what = render("pre_network")
    if port is None:
        return CheckLine(what, None, render("pre_network_off"), render("pre_network_on"))
    address = lan_addresses()[0]
    try:
        with socket.create_connection((address, port), timeout=2):
            pass
    except OSError as error:
        return CheckLine(what, False, render("pre_network_unreachable", url=f"http://{address}:{port}/", reason=error),
                         render("pre_network_firewall"))
    return CheckLine(what, True, render("pre_network_ok", url=f"http://{address}:{port}/"),
                     render("pre_network_firewall"))


def backup_line(folder: Path | None) -> CheckLine:
    what = render("pre_backup")
    if folder is None:
        return CheckLine(what, None, render("pre_backup_unset"), render("pre_backup_set"))
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".stageshow-check-"):
            pass
    except OSError as error:
        return CheckLine(what, False, render("pre_backup_unreachable", path=folder, reason=error),
                         render("pre_backup_fix"))
    return CheckLine(what, True, render("pre_backup_ok", path=folder))


def buzzer_lines(show: Show, mapping: BuzzerMapping, tested: Iterable[str] = ()) -> list[CheckLine]:
    """A line per team: the buttons that press for it, and whether it was pressed on the test page just now."""
    pressed = set(tested)
    lines = []
    for team in show.teams:
        what = render("pre_buzzer", seat=team.seat, team=team.name)
        buttons = mapping.buttons_of(team)
        if not buttons:
            lines.append(CheckLine(what, False, render("pre_buzzer_none"), render("pre_buzzer_map")))
        elif team.id in pressed:
            lines.append(CheckLine(what, True, render("pre_buzzer_tested", button=buttons[0].label)))
        else:
            lines.append(CheckLine(what, None, render("pre_buzzer_untested", button=buttons[0].label),
                                   render("pre_buzzer_test")))
    return lines
