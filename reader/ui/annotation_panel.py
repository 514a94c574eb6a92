"""The side panel: the open article's tags, notes and highlights, edited in place.

Edits are saved as you type (debounced) through the worker; ``flush()`` saves what is
pending at once (before another article opens, and on close).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.annotations import highlights as hl_store
from reader.annotations import notes as note_store
from reader.annotations import tags as tag_store
from reader.annotations.records import Highlight, Note
from reader.annotations.undelete import highlight_deleted, note_deleted
from reader.archive import Archive
from reader.operations import OpResult
from reader.operations import annotating as ops
from reader.ui.runner import OpRunner
from reader.ui.theme import Theme

SAVE_DELAY_MS = 600
HIGHLIGHT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_TAG_SPLIT = re.compile(r"[\s,，、;；]+")


class _Debounced:
    """Calls ``save`` once typing has paused; ``flush`` calls it now if a save is due."""

    def __init__(self, parent: QWidget, save: Callable[[], None]) -> None:
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(save)
        self._save = save

    def touch(self) -> None:
        self._timer.start()

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._save()


class NoteEditor(QPlainTextEdit):
    """One article note; created in the store on first save, deleted when emptied."""

    def __init__(self, panel: AnnotationPanel, article_id: int, note: Note | None) -> None:
        super().__init__(panel)
        self.setObjectName("noteEditor")
        self.setAccessibleName(self.tr("Note"))
        self.setPlaceholderText(self.tr("Write a note on this article…"))
        self.setPlainText(note.text if note else "")
        self.setFixedHeight(110)
        self.article_id = article_id
        self.note_id: int | None = note.id if note else None
        self._saved_text = note.text if note else ""
        self._pending = False
        self._panel = panel
        self._debounce = _Debounced(self, self.save)
        self.textChanged.connect(self._debounce.touch)

    def flush(self) -> None:
        self._debounce.flush()

    def save(self) -> None:
        text = self.toPlainText()
        if text == self._saved_text:
            return
        if self._pending:  # a first save is in flight: try again once it has an id
            self._debounce.touch()
            return
        self._saved_text = text
        article_id, note_id = self.article_id, self.note_id
        if note_id is None:
            if not text.strip():
                return
            self._pending = True
            self._panel.submit(lambda a: ops.add_note(a, article_id, text), self._created)
        elif not text.strip():
            self.note_id = None
            self._panel.submit(
                lambda a: ops.remove_note(a, note_id),
                lambda note: self._panel.deleted.emit(note_deleted(note)),  # type: ignore[arg-type]
            )
        else:
            self._panel.submit(lambda a: ops.update_note(a, note_id, text))

    def _created(self, note: object) -> None:
        self._pending = False
        if isinstance(note, Note):
            self.note_id = note.id
        if self.toPlainText() != self._saved_text:
            self.save()


class AnnotationPanel(QWidget):
    """Tags, notes and highlights of one article; highlight_activated scrolls the pane."""

    highlight_activated = Signal(int, int)  # start, end in the article text
    highlights_changed = Signal()
    deleted = Signal(object)  # a reader.annotations.undelete.Deletion, for Ctrl+Z
    saved = Signal()

    def __init__(
        self, archive: Archive, runner: OpRunner, theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationPanel")
        self._archive = archive
        self._runner = runner
        self._theme = theme
        self._article_id: int | None = None
        self._highlights: list[Highlight] = []
        self._saved_tags: list[str] = []

        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # article titles are data
        self.title.setWordWrap(True)
        self.title.setObjectName("annotationTitle")

        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("tagsEdit")
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by spaces"))
        self._tags_debounce = _Debounced(self, self._save_tags)
        self.tags_edit.textEdited.connect(lambda _t: self._tags_debounce.touch())
        self.tags_edit.editingFinished.connect(self._save_tags)

        self.notes_box = QVBoxLayout()
        self.notes_box.setContentsMargins(0, 0, 0, 0)
        self.add_note_button = QPushButton(self.tr("Add Note"), self)
        self.add_note_button.setAccessibleName(self.tr("Add a note to this article"))
        self.add_note_button.clicked.connect(self.add_note_editor)

        self.highlight_list = QListWidget(self)
        self.highlight_list.setObjectName("highlightList")
        self.highlight_list.setAccessibleName(self.tr("Highlights"))
        self.highlight_list.setWordWrap(True)
        self.highlight_list.currentItemChanged.connect(self._on_highlight_selected)
        self.highlight_list.itemClicked.connect(self._on_highlight_clicked)
        self.highlight_note = QPlainTextEdit(self)
        self.highlight_note.setObjectName("highlightNote")
        self.highlight_note.setAccessibleName(self.tr("Note on the highlight"))
        self.highlight_note.setPlaceholderText(self.tr("Note on the selected highlight…"))
        self.highlight_note.setFixedHeight(80)
        self.highlight_note.setEnabled(False)
        self._hl_debounce = _Debounced(self, self._save_highlight_note)
        self.highlight_note.textChanged.connect(self._on_highlight_note_typed)
        self._hl_loading = False
        self._hl_target: int | None = None  # the highlight whose note is in the editor
        self.delete_highlight_button = QPushButton(self.tr("Remove Highlight"), self)
        self.delete_highlight_button.setEnabled(False)
        self.delete_highlight_button.clicked.connect(self.delete_current_highlight)

        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.title)
        layout.addWidget(self._heading(self.tr("Tags")))
        layout.addWidget(self.tags_edit)
        layout.addWidget(self._heading(self.tr("Notes")))
        layout.addLayout(self.notes_box)
        layout.addWidget(self.add_note_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._heading(self.tr("Highlights")))
        layout.addWidget(self.highlight_list, 1)
        layout.addWidget(self.highlight_note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.delete_highlight_button)
        layout.addLayout(row)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_article(None, "")

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.reload_highlights()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def submit(
        self,
        op: Callable[[Archive], OpResult[Any]],
        on_done: Callable[[object], None] | None = None,
    ) -> None:
        """Run an annotation operation; this panel already shows what it changes."""

        def done(result: object) -> None:
            if on_done is not None:
                on_done(result)
            self.saved.emit()

        self._runner.run(op, success=done, initiator=self)

    # -- the article --------------------------------------------------------------------
    def article_id(self) -> int | None:
        return self._article_id

    def show_article(self, article_id: int | None, title: str) -> None:
        """Show the annotations of ``article_id`` (saving what is pending for the last one)."""
        self.flush()
        self._article_id = article_id
        self.title.setText(title if article_id else self.tr("No article open"))
        self.setEnabled(article_id is not None)
        while self.notes_box.count():
            item = self.notes_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if article_id is None:
            self._saved_tags = []
            self.tags_edit.clear()
            self._set_highlights([])
            return
        db = self._archive.db
        self._saved_tags = tag_store.article_tags(db, article_id)
        self.tags_edit.setText(" ".join(self._saved_tags))
        for note in note_store.list_notes(db, article_id):
            self.notes_box.addWidget(NoteEditor(self, article_id, note))
        self.reload_highlights()

    def refresh(self) -> None:
        """Show the open article's annotations again (they were changed elsewhere)."""
        if self._article_id is not None:
            self.show_article(self._article_id, self.title.text())

    def note_editors(self) -> list[NoteEditor]:
        editors = []
        for i in range(self.notes_box.count()):
            item = self.notes_box.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, NoteEditor):
                editors.append(widget)
        return editors

    def add_note_editor(self) -> NoteEditor | None:
        if self._article_id is None:
            return None
        editor = NoteEditor(self, self._article_id, None)
        self.notes_box.addWidget(editor)
        editor.setFocus()
        return editor

    def flush(self) -> None:
        """Save every edit still waiting for its pause."""
        self._tags_debounce.flush()
        self._hl_debounce.flush()
        for editor in self.note_editors():
            editor.flush()

    # -- tags ---------------------------------------------------------------------------
    def _save_tags(self) -> None:
        article_id = self._article_id
        if article_id is None:
            return
        wanted = [t for t in _TAG_SPLIT.split(self.tags_edit.text()) if t]
        wanted = list(dict.fromkeys(wanted))
        added = [t for t in wanted if t not in self._saved_tags]
        removed = [t for t in self._saved_tags if t not in wanted]
        if not added and not removed:
            return
        self._saved_tags = wanted
        self.submit(lambda a: ops.change_tags(a, article_id, added, removed), self._emit_deleted)

    def _emit_deleted(self, deletions: object) -> None:
        for deletion in deletions if isinstance(deletions, list) else [deletions]:
            self.deleted.emit(deletion)

    # -- highlights ---------------------------------------------------------------------
    def highlights(self) -> list[Highlight]:
        return list(self._highlights)

    def reload_highlights(self) -> None:
        if self._article_id is None:
            return
        self._set_highlights(hl_store.list_highlights(self._archive.db, self._article_id))

    def _set_highlights(self, highlights: list[Highlight]) -> None:
        self._hl_debounce.flush()
        current = self.current_highlight()
        self._highlights = highlights
        self.highlight_list.clear()
        for h in highlights:
            quote = " ".join(h.quote.split())
            quote = quote if len(quote) <= 80 else quote[:78] + "…"
            text = f"“{quote}”" + (f"\n✎ {h.note}" if h.note else "")
            if h.status == "lost":
                text += "\n" + self.tr("(text no longer found)")
            item = QListWidgetItem(text)
            item.setData(HIGHLIGHT_ID_ROLE, h.id)
            item.setIcon(self._swatch(h.color))
            self.highlight_list.addItem(item)
            if current is not None and h.id == current.id:
                self.highlight_list.setCurrentItem(item)
        if self.highlight_list.currentItem() is None:
            self._load_highlight_note(None)
        self.highlights_changed.emit()

    def _swatch(self, color: str) -> QIcon:
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(self._theme.highlight_color(color)))
        return QIcon(pixmap)

    def current_highlight(self) -> Highlight | None:
        item = self.highlight_list.currentItem()
        if item is None:
            return None
        ident = item.data(HIGHLIGHT_ID_ROLE)
        return next((h for h in self._highlights if h.id == ident), None)

    def select_highlight(self, highlight_id: int) -> None:
        for row in range(self.highlight_list.count()):
            item = self.highlight_list.item(row)
            if item.data(HIGHLIGHT_ID_ROLE) == highlight_id:
                self.highlight_list.setCurrentItem(item)
                return

    def _on_highlight_selected(self, *_args: object) -> None:
        self._hl_debounce.flush()
        self._load_highlight_note(self.current_highlight())

    def _on_highlight_clicked(self, _item: QListWidgetItem) -> None:
        highlight = self.current_highlight()
        if highlight is not None:
            self.highlight_activated.emit(highlight.start, highlight.end)

    def _load_highlight_note(self, highlight: Highlight | None) -> None:
        self._hl_loading = True
        self.highlight_note.setPlainText(highlight.note or "" if highlight else "")
        self._hl_loading = False
        self.highlight_note.setEnabled(highlight is not None)
        self.delete_highlight_button.setEnabled(highlight is not None)
        self._hl_target = highlight.id if highlight else None

    def _on_highlight_note_typed(self) -> None:
        if not self._hl_loading:
            self._hl_debounce.touch()

    def _save_highlight_note(self) -> None:
        target = self._hl_target
        if target is None:
            return
        text = self.highlight_note.toPlainText()
        self._highlights = [_with_note(h, text) if h.id == target else h for h in self._highlights]
        self.submit(lambda a: ops.set_highlight_note(a, target, text))

    def edit_highlight_note(self, highlight_id: int) -> None:
        """Select a highlight and put the cursor in its note (after "Add note to selection")."""
        self.select_highlight(highlight_id)
        self.highlight_note.setFocus()

    def delete_current_highlight(self) -> None:
        highlight = self.current_highlight()
        if highlight is None:
            return
        ident = highlight.id
        self._hl_target = None

        def done(deleted: object) -> None:
            self.reload_highlights()
            self.deleted.emit(highlight_deleted(deleted))  # type: ignore[arg-type]

        self.submit(lambda a: ops.remove_highlight(a, ident), done)


def _with_note(h: Highlight, note: str) -> Highlight:
    from dataclasses import replace

    return replace(h, note=note or None)
