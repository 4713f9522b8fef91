"""Power-loss images: the database and its write-ahead log as a power cut could leave them (the WAL cut at a frame
or mid-frame, its last frame torn or zeroed, the WAL gone, a hot copy taken while the show was writing). Every image
must open, verify intact, hold a gapless prefix of the committed events and resume: never a wrong result."""

from __future__ import annotations

import random
import shutil
import sqlite3
import struct
from pathlib import Path

from stageshow.app.rehearsal import run_step
from stageshow.app.session import ShowSession
from stageshow.domain.context import seconds_to_ns
from stageshow.formats.problems import Problems
from stageshow.formats.script import read_script
from stageshow.formats.show_file import load_show_or_raise
from stageshow.store.verify import verify_database
from tests.support import DEMO_SCRIPT, DEMO_SHOW

WAL_HEADER, FRAME_HEADER = 32, 24


def images(db: Path, folder: Path, rng: random.Random) -> list[tuple[str, Path]]:
    wal = db.with_name(db.name + "-wal").read_bytes()
    page = struct.unpack(">I", wal[8:12])[0]
    frame = FRAME_HEADER + page
    frames = (len(wal) - WAL_HEADER) // frame
    assert frames >= 5, frames  # the show since the last checkpoint is in the WAL: the images cut into it
    variants: list[tuple[str, bytes | None]] = [("whole", wal), ("no wal", None)]
    variants += [(f"cut at frame {k}", wal[:WAL_HEADER + k * frame]) for k in range(max(0, frames - 6), frames)]
    for _ in range(8):
        variants.append(("cut mid-frame", wal[:rng.randrange(WAL_HEADER, len(wal))]))
    last = WAL_HEADER + (frames - 1) * frame
    variants.append(("last frame zeroed", wal[:last] + bytes(frame)))
    torn = bytearray(wal)
    torn[last + FRAME_HEADER + page // 2:] = bytes(len(torn) - last - FRAME_HEADER - page // 2)
    variants.append(("last frame torn", bytes(torn)))
    flipped = bytearray(wal)
    flipped[rng.randrange(last, len(flipped))] ^= 0x40
    variants.append(("a bit flipped in the last frame", bytes(flipped)))
    made = []
    for index, (name, content) in enumerate(variants):
        target = folder / f"image-{index}"
        target.mkdir()
        shutil.copy(db, target / db.name)
        if content is not None:
            (target / (db.name + "-wal")).write_bytes(content)
        made.append((name, target / db.name))
    return made


def committed_events(path: Path) -> list[int]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT seq FROM events ORDER BY seq")]


def test_every_power_loss_image_opens_intact_with_a_prefix_of_the_show(tmp_path):
    show = load_show_or_raise(DEMO_SHOW)
    db = tmp_path / "live" / "final.sqlite3"
    db.parent.mkdir()
    session = ShowSession.open(show, DEMO_SHOW.parent, db, mode="rehearsal")
    clock = 0
    steps = read_script(DEMO_SCRIPT, Problems())
    hot_copies = []
    for step in steps[:140]:  # into the buzz round: its events are in the WAL, not yet folded into the file
        clock += step.advance
        run_step(session, step, seconds_to_ns(clock))
        if step.number % 40 == 0:  # a hot copy while the show writes, as a careless backup would take
            copy = tmp_path / f"hot-{step.number}"
            copy.mkdir()
            for part in db.parent.iterdir():
                shutil.copy(part, copy / part.name)
            hot_copies.append((f"hot copy at step {step.number}", copy / db.name))
    committed = session.committed_seq
    image_folder = tmp_path / "images"
    image_folder.mkdir()
    tested = images(db, image_folder, random.Random(7)) + hot_copies
    outcomes = []
    for name, path in tested:
        report = verify_database(path)
        assert report.intact, (name, report.problems)
        seqs = committed_events(path)
        assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) <= committed, name  # a gapless prefix
        (path.parent / "final.sqlite3.writer").unlink(missing_ok=True)  # a copied lock file holds nothing
        resumed = ShowSession.open(show, DEMO_SHOW.parent, path, mode="rehearsal")
        assert resumed.committed_seq == len(seqs), name
        resumed.close()
        outcomes.append((name, len(seqs)))
    session.close()
    assert any(count == committed for name, count in outcomes if name == "whole")
    assert len(outcomes) >= 20
