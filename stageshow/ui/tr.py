"""The windows' words. Every UI string is written in Chinese, its own translation key; an English run loads
Qt's translator (`translations/stageshow_en.qm`, built from the `.ts` by `tools/update_translations.py`).

    tr("第{seat}组", seat=3)   # "第3组", or "Seat 3" in English
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from stageshow.i18n import language
from stageshow.paths import PACKAGE_ROOT

CONTEXT = "StageShow"
QM_FILE = PACKAGE_ROOT / "ui" / "translations" / "stageshow_en.qm"


def tr(source: str, /, **params: Any) -> str:
    translated = QCoreApplication.translate(CONTEXT, source)
    return translated.format(**params) if params else translated


def tr_noop(text: str) -> str:
    """Marks a string for translation where it is defined; `tr` translates it where it is shown."""
    return text


def install_translator(app: QCoreApplication) -> QTranslator | None:
    """English when the user asked for it (--lang en or STAGESHOW_LANG=en). In Chinese, Qt's own words (the Yes/No,
    OK/Cancel of its dialogs, a text field's menu) come from Qt's Simplified Chinese catalogue."""
    if language() != "en":
        qt_words = QTranslator(app)
        if qt_words.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                         QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_words)
        return None
    translator = QTranslator(app)
    if not translator.load(str(QM_FILE)):
        return None
    app.installTranslator(translator)
    return translator
