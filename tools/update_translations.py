#!/usr/bin/env python3
"""Collect every `tr("…")` string of the windows into ``stageshow/ui/translations/stageshow_en.ts`` (keeping the
translations already there, marking new strings unfinished), then build the ``.qm`` Qt loads at run time.

Translate new strings with Qt Linguist (``pyside6-linguist stageshow/ui/translations/stageshow_en.ts``) and run
this again. ``--check`` only reports strings without a finished translation (exit 1 if any)."""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "stageshow" / "ui"
TS = UI / "translations" / "stageshow_en.ts"
QM = TS.with_suffix(".qm")
CONTEXT = "StageShow"


def strings_in_code() -> list[str]:
    """Every literal first argument of a call to `tr` or `tr_noop`, in file order, once each."""
    found: dict[str, None] = {}
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "tr_noop")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value)
    return list(found)


def known_translations() -> dict[str, str]:
    if not TS.exists():
        return {}
    translations = {}
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") != "unfinished":
            translations[message.findtext("source", "")] = translation.text
    return translations


def write_ts(sources: list[str], translations: dict[str, str]) -> None:
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="zh_CN")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sources:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in translations:
            translation.text = translations[source]
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    TS.parent.mkdir(parents=True, exist_ok=True)
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")


def main() -> int:
    sources, translations = strings_in_code(), known_translations()
    missing = [source for source in sources if source not in translations]
    if "--check" in sys.argv:
        for source in missing:
            print(f"untranslated: {source}")
        return 1 if missing else 0
    write_ts(sources, translations)
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    print(f"{len(sources)} strings, {len(missing)} untranslated; wrote {TS.name} and {QM.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
