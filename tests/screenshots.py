"""``make screenshots``: PNGs of the window's main states in tests/screenshots/.

Runs under Xvfb (``xvfb-run``) when there is no display and it is installed, else on Qt's
offscreen platform. The archive and settings live in a temporary folder, filled with the
project's sample bulletins.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "screenshots"
_CHILD = "READER_SCREENSHOTS_CHILD"


_XVFB = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"]
_PROBE = "from PySide6.QtWidgets import QApplication; QApplication([])"


def _relaunch_under_xvfb() -> int | None:
    """Run this script again under xvfb-run when that works here; its exit code, else None.

    Qt's xcb plugin needs libxcb-cursor0 (Qt >= 6.5); without it Qt cannot start on X at all,
    so a quick probe decides between Xvfb and the offscreen platform.
    """
    if os.environ.get(_CHILD) or os.environ.get("DISPLAY") or not shutil.which("xvfb-run"):
        return None
    env = dict(os.environ, **{_CHILD: "1"})
    env.pop("QT_QPA_PLATFORM", None)
    probe = subprocess.run([*_XVFB, sys.executable, "-c", _PROBE], env=env, capture_output=True)
    if probe.returncode != 0:
        print("xvfb-run: Qt cannot start on X here (libxcb-cursor0 missing?); using offscreen")
        return None
    return subprocess.call([*_XVFB, sys.executable, "-m", "tests.screenshots"], env=env)


def _settle(app, ms: int = 150) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def _wait_idle(app, window) -> None:  # type: ignore[no-untyped-def]
    while window.worker.is_busy():
        _settle(app, 50)
    _settle(app)


def _search(app, window, text: str) -> None:  # type: ignore[no-untyped-def]
    """Search and wait until the results are shown (searches run off the GUI thread)."""
    import time

    window.search.bar.set_query(text)
    deadline = time.monotonic() + 10
    while window.search.is_searching() or window.search.results_query() != text:
        if time.monotonic() > deadline:
            raise RuntimeError(f"no results for {text!r} after 10 s")
        _settle(app, 20)


def _shoot(widget, name: str) -> Path:  # type: ignore[no-untyped-def]
    path = OUT_DIR / name
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
    return path


def _window(app, folder: Path, settings_path: Path, language: str):  # type: ignore[no-untyped-def]
    from reader.ui.app import build_window
    from reader.ui.settings import Settings

    settings = Settings(settings_path)
    settings.language = language
    window = build_window(app, folder, settings)
    window.show_dialogs = False
    window.briefs.open_exports = False
    window.resize(1440, 900)
    window.show()
    window.start()
    _wait_idle(app, window)
    return window


def _article_with(window, needle: str) -> int:  # type: ignore[no-untyped-def]
    row = window.archive.db.execute(
        "SELECT id FROM articles WHERE instr(text, ?) > 0 ORDER BY id LIMIT 1", [needle]
    ).fetchone()
    return int(row[0]) if row else 1


def take_screenshots() -> list[Path]:
    from reader.ui.app import qt_application

    app = qt_application()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="reader-shots-") as temporary:
        root = Path(temporary)
        folder, settings_path = root / "archive", root / "config" / "reader.ini"
        window = _window(app, folder, settings_path, "zh_CN")

        # 1. An article open, with its sub-headings.
        article_id = _article_with(window, "一、")
        window.open_article(article_id)
        window.library.reveal_article(article_id)
        _settle(app)
        shots.append(_shoot(window, "main-window.png"))

        # 2. Search results with each term's hits in its own hue, in the list and the article.
        _search(app, window, "科技 成果")
        window.search.open_row(0)
        window.next_match()
        _settle(app)
        shots.append(_shoot(window, "search-highlights.png"))

        # 2b. A query with no hits, and one that cannot be read (Enter says why at once).
        _search(app, window, "没有这个词组")
        window.results_dock.raise_()
        _settle(app)
        shots.append(_shoot(window, "search-no-hits.png"))
        window.search.bar.query_edit.setText('科技 "揭榜挂帅')
        window.search.bar.query_edit.returnPressed.emit()
        deadline = time.monotonic() + 10
        while "引号" not in window.search.bar.status.text() and time.monotonic() < deadline:
            _settle(app, 20)
        _settle(app)
        shots.append(_shoot(window, "search-unreadable-query.png"))

        # 3. The annotation panel: highlights (one with a note), an article note and tags.
        window.search.bar.set_query("")
        window.find_bar.set_query("")
        window.open_article(article_id)
        window.library_dock.raise_()
        text = window.pane.article.text
        first = text.index("一、")
        window.pane.select_span(first, text.index("。", first) + 1)
        window.annotating.highlight_selection("yellow")
        second = text.index("二、")
        second = text.index("。", second) + 1
        window.pane.select_span(second, text.index("，", second))
        window.annotating.highlight_selection("green", note="这一段数据需与原文核对。")
        _wait_idle(app, window)
        window.annotations.tags_edit.setText("示例 成果转化")
        window.annotations.tags_edit.editingFinished.emit()
        editor = window.annotations.add_note_editor()
        if editor is not None:
            editor.setPlainText("可收入专题汇编“科技成果转化”，注意核实数字。")
        window.annotations.flush()
        _wait_idle(app, window)
        window.pane.select_span(0, 0)
        window.annotations.reload_highlights()
        noted = [h for h in window.annotations.highlights() if h.note]
        window.annotations.select_highlight(noted[0].id)
        window.annotations_dock.raise_()
        _settle(app)
        shots.append(_shoot(window, "annotations.png"))

        # 4. The brief basket and the export dialog.
        ids = [
            r[0] for r in window.archive.db.execute("SELECT id FROM articles ORDER BY id LIMIT 4")
        ]
        window.briefs.new_brief("科技成果转化专题")
        _wait_idle(app, window)
        window.briefs.add_articles(ids)
        _wait_idle(app, window)
        window.briefs.title_edit.setText("科技成果转化专题汇编")
        window.briefs.preface_edit.setPlainText(
            "本期汇编示例简报中与科技成果转化有关的文章，供参考。"
        )
        window.briefs.flush()
        _wait_idle(app, window)
        window.briefs_dock.raise_()
        _settle(app)
        shots.append(_shoot(window, "brief-panel.png"))
        dialog = window.briefs.export()
        if dialog is not None:
            dialog.path_edit.setText(str(Path.home() / "科技成果转化专题汇编.docx"))
            _settle(app)
            shots.append(_shoot(dialog, "export-dialog.png"))
            dialog.reject()

        window.close()
        _settle(app)

        # 4b. A piece printed three times: 同文 in one row, the edited reprint folded under it.
        from tests.support.reprinted import reprinted_archive

        reprinted = reprinted_archive(root / "reprinted", root / "reprinted-files")
        folded = _window(app, reprinted, root / "config" / "reprinted.ini", "zh_CN")
        folded.resize(1280, 800)
        _search(app, folded, "数字农业 基地")
        folded.search.panel.fold_button.setChecked(True)
        folded.search.open_row(0)
        folded.results_dock.raise_()
        _settle(app)
        shots.append(_shoot(folded, "search-folded.png"))
        folded.close()
        _settle(app)

        # 5. The English interface, dark theme.
        english = _window(app, folder, settings_path, "en")
        english.set_theme("dark")
        english.open_article(article_id)
        english.library.reveal_article(article_id)
        english.library_dock.raise_()
        english.annotations_dock.raise_()
        _settle(app)
        shots.append(_shoot(english, "english-dark.png"))
        english.set_theme("light")
        english.close()
        _settle(app)
    return shots


def main() -> int:
    relaunched = _relaunch_under_xvfb()
    if relaunched is not None:
        return relaunched
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    take_screenshots()
    return 0


if __name__ == "__main__":
    sys.exit(main())
