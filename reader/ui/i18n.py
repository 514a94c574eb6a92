"""Interface language: Qt translators for reader's own strings and Qt's dialogs.

Source strings are English (``self.tr``/``QCoreApplication.translate``), translated to
Chinese by ``resources/translations/reader_zh_CN.qm``, so Qt's tools (lupdate, Linguist)
work as designed and an untranslated string still reads sensibly.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from reader.paths import resource_path


def translations_dir() -> str:
    return str(resource_path("translations"))


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install translators for ``language`` ("zh_CN" or "en"); returns those loaded.

    The translators are children of ``app``, so they live as long as it does; those of
    another language installed before are removed first (windows built afterwards speak
    the new language).
    """
    for old in app.findChildren(QTranslator):
        if old.property("reader_translator"):
            app.removeTranslator(old)
            old.deleteLater()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    loaded = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"qtbase_{language}", qt_dir),
        (f"reader_{language}", translations_dir()),
    ):
        translator = QTranslator(app)
        translator.setProperty("reader_translator", True)
        if translator.load(name, folder):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def ui_language() -> str:
    """The language the window speaks now ("zh_CN" or "en"), for rendering core messages."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"
