"""Where things live: the bundled demo, and this machine's data folder for databases and settings."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

PACKAGE_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_ROOT.parent


def question_sets_dir() -> Path:
    bundled = PACKAGE_ROOT / "question_sets"  # inside an installed wheel
    return bundled if bundled.is_dir() else PROJECT_ROOT / "question_sets"


def demo_show() -> Path:
    return question_sets_dir() / "demo.show.yaml"


def demo_script() -> Path:
    return question_sets_dir() / "demo.script.yaml"


def show_database(show_path: Path) -> Path:
    """Where a show's events live unless the operator names a database: one file per show in the data folder."""
    return user_data_dir() / f"{show_path.name.split('.')[0]}.sqlite3"


def user_data_dir() -> Path:
    override = os.environ.get("STAGESHOW_DATA_DIR")
    return Path(override) if override else user_data_path("StageShow", appauthor=False)


def buzzer_mapping_file() -> Path:
    """The buzzers learned on this machine, by seat: they serve every show run here."""
    return user_data_dir() / "buzzers.json"
