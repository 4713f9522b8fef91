"""Damaged workbooks, made the ways files really get damaged: at the zip level (a truncated download, a flipped bit
under a member's CRC) and at the XML level (a cut tag, a cell reference or a number no spreadsheet writes).
Shared by the fixed-seed test in CI and the long run in benchmarks/fuzz_readers.py."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

XML_EDITS = [
    lambda text, rng: text[: rng.randrange(len(text))],  # cut short
    lambda text, rng: re.sub(r'r="[A-Z]+\d+"', lambda _m: rng.choice(['r="A0"', 'r="ZZZZZZ1"', 'r="-1"', 'r=""',
                                                                         'r="A99999999"']), text, count=3),
    lambda text, rng: re.sub(r"<v>[^<]*</v>", lambda _m: rng.choice(["<v>nan</v>", "<v>1e999</v>", "<v></v>",
                                                                      "<v>999999999999</v>", "<v>x</v>"]), text, count=5),
    lambda text, rng: text.replace("</", "<", 1),  # a closing tag broken
    lambda text, rng: re.sub(r't="\w+"', lambda _m: rng.choice(['t="s"', 't="e"', 't="zz"', 't="b"']), text, count=5),
    lambda text, rng: text.replace("<row", '<row r="0"', 1),
    lambda text, rng: text + "<garbage>",
]


def mutate_workbook(source: bytes, rng: random.Random) -> bytes:
    """One damaged copy of the workbook `source`."""
    if rng.random() < 0.25:
        return _zip_damage(source, rng)
    members = {}
    with zipfile.ZipFile(io.BytesIO(source)) as book:
        for info in book.infolist():
            members[info.filename] = book.read(info.filename)
    xml_names = [name for name in members if name.endswith(".xml")]
    name = rng.choice(xml_names)
    text = members[name].decode("utf-8", "replace")
    members[name] = rng.choice(XML_EDITS)(text, rng).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for member, data in members.items():
            if rng.random() < 0.03:
                continue  # a member missing altogether
            book.writestr(member, data)
    return out.getvalue()


def _zip_damage(source: bytes, rng: random.Random) -> bytes:
    data = bytearray(source)
    match rng.randrange(3):
        case 0:  # a flipped bit inside some member's compressed data: its CRC no longer matches
            position = rng.randrange(64, max(65, len(data) - 200))
            data[position] ^= 1 << rng.randrange(8)
        case 1:  # a download cut short
            del data[rng.randrange(len(data)):]
        case _:  # a block overwritten
            start = rng.randrange(len(data))
            data[start:start + 32] = bytes(rng.randrange(256) for _ in range(32))
    return bytes(data)


def sample(source_path: Path, folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    source = source_path.read_bytes()
    paths = []
    for index in range(count):
        path = folder / f"damaged-{index}.xlsx"
        path.write_bytes(mutate_workbook(source, rng))
        paths.append(path)
    return paths
