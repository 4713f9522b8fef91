import os

# Before anything imports Qt or pygame: no display, no sound card, messages in Chinese unless a test says otherwise.
_SCREENS = os.path.join(os.path.dirname(__file__), "offscreen-screens.json")
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREENS}")  # a laptop and a projector
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.pop("STAGESHOW_LANG", None)

import pytest

from stageshow.i18n import set_language


@pytest.fixture(autouse=True)
def chinese_messages():
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("STAGESHOW_DATA_DIR", str(tmp_path / "userdata"))
