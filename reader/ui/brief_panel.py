"""The brief basket: a brief's articles in order (drag to reorder), its title, preface and
per-article notes, and the export dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader import briefs as brief_store
from reader.annotations.undelete import Deletion
from reader.archive import Archive
from reader.operations import OpResult
from reader.operations import briefing as ops
from reader.store import issues as store
from reader.ui.annotation_panel import _Debounced
from reader.ui.article_drag import dragged_article_ids
from reader.ui.brief_actions import brief_menu_button
from reader.ui.export_dialog import ExportDialog
from reader.ui.runner import OpRunner
from reader.ui.settings import Settings

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _ItemList(QListWidget):
    """The brief's articles; Delete removes the selected ones; articles dragged from the
    tree or the results are added."""

    delete_pressed = Signal()
    articles_dropped = Signal(list)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dragged_article_ids(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dragged_article_ids(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        ids = dragged_article_ids(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.articles_dropped.emit(ids)
            return
        super().dropEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class BriefPanel(QWidget):
    """Edits the active brief; all writes go through the worker."""

    article_activated = Signal(int)
    changed = Signal()  # the brief as shown was saved
    entry_removed = Signal(object)  # a reader.annotations.undelete.Deletion, for Ctrl+Z

    def __init__(
        self, archive: Archive, runner: OpRunner, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("briefPanel")
        self._archive = archive
        self._runner = runner
        self._settings = settings
        self._brief: brief_store.BriefRecord | None = None
        self._loading = False
        self.open_exports = True  # tests turn this off: no file opens in a viewer

        self.chooser = QComboBox(self)
        # A long brief name must not widen the dock at the reading column's expense.
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(8)
        self.chooser.setObjectName("briefChooser")
        self.chooser.setAccessibleName(self.tr("Brief"))
        self.chooser.activated.connect(lambda _i: self._choose(self.chooser.currentData()))
        self.new_button = QPushButton(self.tr("New…"), self)
        self.new_button.setAccessibleName(self.tr("New brief"))
        self.new_button.clicked.connect(self.new_brief)

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("briefTitle")
        self.title_edit.setAccessibleName(self.tr("Brief title"))
        self.preface_edit = QPlainTextEdit(self)
        self.preface_edit.setObjectName("briefPreface")
        self.preface_edit.setAccessibleName(self.tr("Preface"))
        self.preface_edit.setPlaceholderText(self.tr("Editor's preface (编者按)…"))
        self.preface_edit.setFixedHeight(80)
        self._fields_debounce = _Debounced(self, self._save_fields)
        self.title_edit.textEdited.connect(lambda _t: self._fields_debounce.touch())
        self.preface_edit.textChanged.connect(self._fields_typed)

        self.items = _ItemList(self)
        self.items.setObjectName("briefItems")
        self.items.setAccessibleName(self.tr("Articles of the brief"))
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.items.setWordWrap(True)
        self.items.model().rowsMoved.connect(self._rows_moved)
        self.items.itemDoubleClicked.connect(
            lambda item: self.article_activated.emit(item.data(ARTICLE_ID_ROLE))
        )
        self.items.currentItemChanged.connect(self._item_selected)
        self.items.delete_pressed.connect(self.remove_selected)
        self.items.articles_dropped.connect(self.add_articles)
        self.item_note = QPlainTextEdit(self)
        self.item_note.setObjectName("briefItemNote")
        self.item_note.setAccessibleName(self.tr("Editor's note on the article"))
        self.item_note.setPlaceholderText(self.tr("Editor's note on the selected article…"))
        self.item_note.setFixedHeight(70)
        self._note_debounce = _Debounced(self, self._save_item_note)
        self.item_note.textChanged.connect(self._note_typed)
        self._note_target: int | None = None

        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected articles from the brief"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)  # a long count must not widen the dock

        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        top.addWidget(brief_menu_button(self))
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Preface"), self.preface_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        hint = QLabel(self.tr("Drag articles to reorder them."), self)
        hint.setEnabled(False)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.item_note)
        layout.addLayout(buttons)
        self.reload()

    # -- which brief --------------------------------------------------------------------
    def brief(self) -> brief_store.BriefRecord | None:
        return self._brief

    def reload(self) -> None:
        """Read the briefs again and show the active one."""
        db = self._archive.db
        records = brief_store.list_briefs(db)
        active = self._settings.active_brief_id
        if active not in {r.id for r in records}:
            active = records[0].id if records else None
        self.chooser.clear()
        for record in sorted(records, key=lambda r: r.name):
            self.chooser.addItem(record.name, record.id)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(active)))
        self._show(brief_store.get_brief(db, active) if active is not None else None)

    def _choose(self, brief_id: int | None) -> None:
        self.flush()
        self._settings.active_brief_id = brief_id
        self.reload()

    def _show(self, record: brief_store.BriefRecord | None) -> None:
        self._fields_debounce.flush()
        self._note_debounce.flush()
        self._loading = True
        current = (
            self.items.currentItem().data(ARTICLE_ID_ROLE) if self.items.currentItem() else None
        )
        self._brief = record
        self.items.clear()
        for widget in (
            self.title_edit,
            self.preface_edit,
            self.items,
            self.remove_button,
            self.export_button,
        ):
            widget.setEnabled(record is not None)
        if record is None:
            self.title_edit.clear()
            self.preface_edit.clear()
            self.count_label.setText(self.tr("No brief yet: “Add to Brief” starts one."))
        else:
            if self.title_edit.text() != record.title:
                self.title_edit.setText(record.title)
            if self.preface_edit.toPlainText() != (record.preface or ""):
                self.preface_edit.setPlainText(record.preface or "")
            db = self._archive.db
            articles = {a.id: a for a in store.get_articles(db, record.article_ids)}
            issues: dict[int, str] = {}
            for number, entry in enumerate(record.items, 1):
                article = articles.get(entry.article_id)
                title = article.title if article else f"#{entry.article_id}"
                if article is not None and article.issue_id not in issues:
                    issue = store.get_issue(db, article.issue_id)
                    issues[article.issue_id] = issue.label() if issue else ""
                source = issues.get(article.issue_id, "") if article else ""
                text = f"{number}. {title}\n    {source}" + (
                    f"\n    ✎ {entry.note}" if entry.note else ""
                )
                if entry.excerpts:
                    text += "\n    ✂ " + self.tr("Excerpt: %n passage(s)", "", len(entry.excerpts))
                item = QListWidgetItem(text)
                item.setData(ARTICLE_ID_ROLE, entry.article_id)
                item.setToolTip(title)
                self.items.addItem(item)
                if entry.article_id == current:
                    self.items.setCurrentItem(item)
            self.count_label.setText(self.tr("%n article(s)", "", len(record.items)))
        self._loading = False
        self._item_selected()

    def article_ids(self) -> list[int]:
        return [self.items.item(r).data(ARTICLE_ID_ROLE) for r in range(self.items.count())]

    # -- writing ------------------------------------------------------------------------
    def submit(self, op: Callable[[Archive], OpResult[Any]], reload_after: bool = False) -> None:
        """Run a brief operation; the brief it returns becomes the active one."""
        self._brief = None  # flushed by the caller: whatever comes back is shown
        self._submit(op, reload_after=reload_after)

    def forget_active(self) -> None:
        """The active brief is going away: show another one after the next reload."""
        self._settings.active_brief_id = None
        self._brief = None

    def _submit(
        self,
        op: Callable[[Archive], OpResult[Any]],
        reload: bool = True,
        reload_after: bool = False,
        after: Callable[[Any], None] | None = None,
    ) -> None:
        def done(value: Any) -> None:
            record = value[0] if isinstance(value, tuple) else value  # (brief, what else)
            if reload and isinstance(record, brief_store.BriefRecord):
                self._settings.active_brief_id = record.id
                if self._brief is None or self._brief.id == record.id:
                    self.reload()
            elif reload_after:
                self.reload()
            if after is not None:
                after(value)
            self.changed.emit()

        self._runner.run(op, success=done, initiator=self)

    def new_brief(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("New Brief"), self.tr("Name of the brief:"), text=self._default_name()
            )
            if not ok or not name.strip():
                return
        name = name.strip()
        self.flush()
        self._brief = None
        self._submit(lambda a: ops.create_brief(a, name))

    def _default_name(self) -> str:
        base = f"{self.tr('Brief')} {date.today().isoformat()}"
        taken = {self.chooser.itemText(i) for i in range(self.chooser.count())}
        name, n = base, 2
        while name in taken:
            name, n = f"{base} ({n})", n + 1
        return name

    def add_articles(self, article_ids: list[int]) -> None:
        """Add articles to the active brief (starting a brief when there is none)."""
        ids = [i for i in article_ids if i]
        if not ids:
            return
        brief_id = self._brief.id if self._brief else None
        name = self._default_name()
        self._submit(lambda a: ops.add_articles(a, brief_id, ids, name))
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                self.tr("Added %n article(s) to the brief", "", len(ids)), 4000
            )

    def add_excerpt(self, article_id: int, start: int, end: int) -> None:
        """Add the passage ``[start, end)`` of an article to the active brief as an excerpt
        (摘编), starting a brief when there is none."""
        brief_id = self._brief.id if self._brief else None
        name = self._default_name()

        self._submit(lambda a: ops.add_excerpt(a, brief_id, article_id, (start, end), name))
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Added the excerpt to the brief"), 4000)

    def remove_selected(self) -> None:
        if self._brief is None:
            return
        brief_id = self._brief.id
        ids = [item.data(ARTICLE_ID_ROLE) for item in self.items.selectedItems()]
        if not ids:
            return

        self._submit(
            lambda a: ops.remove_articles(a, brief_id, ids),
            after=lambda value: self._emit_removed(value[1]),
        )

    def _emit_removed(self, removed: list[Deletion]) -> None:
        for deletion in removed:
            self.entry_removed.emit(deletion)

    def _rows_moved(
        self, _parent: QModelIndex, start: int, end: int, _dest: QModelIndex, row: int
    ) -> None:
        if self._loading or self._brief is None:
            return
        brief_id = self._brief.id
        order = self.article_ids()
        if start == end:
            article_id = self.items.item(row if row < start else row - 1).data(ARTICLE_ID_ROLE)
            position = order.index(article_id) + 1
            self._submit(lambda a: ops.move_article(a, brief_id, article_id, position))
        else:
            self._submit(lambda a: ops.reorder_articles(a, brief_id, order))

    def _fields_typed(self) -> None:
        if not self._loading:
            self._fields_debounce.touch()

    def _save_fields(self) -> None:
        if self._brief is None:
            return
        brief_id = self._brief.id
        title = self.title_edit.text().strip()
        preface = self.preface_edit.toPlainText()
        changes: dict[str, str | None] = {"preface": preface}
        if title:
            changes["title"] = title
        self._submit(lambda a: ops.update_brief(a, brief_id, **changes), reload=False)

    def _item_selected(self, *_args: object) -> None:
        self._note_debounce.flush()
        item = self.items.currentItem()
        self._note_target = item.data(ARTICLE_ID_ROLE) if item else None
        note = None
        if self._brief is not None and self._note_target is not None:
            note = next(
                (i.note for i in self._brief.items if i.article_id == self._note_target), None
            )
        was_loading, self._loading = self._loading, True
        self.item_note.setPlainText(note or "")
        self._loading = was_loading
        self.item_note.setEnabled(item is not None)

    def _note_typed(self) -> None:
        if not self._loading:
            self._note_debounce.touch()

    def _save_item_note(self) -> None:
        if self._brief is None or self._note_target is None:
            return
        brief_id, article_id = self._brief.id, self._note_target
        note = self.item_note.toPlainText()
        self._submit(
            lambda a: ops.set_item_note(a, brief_id, article_id, note or None), reload=False
        )

    def flush(self) -> None:
        self._fields_debounce.flush()
        self._note_debounce.flush()

    # -- export -------------------------------------------------------------------------
    def export(self) -> ExportDialog | None:
        """Open the export dialog for the active brief (returned for tests, not yet shown)."""
        if self._brief is None or not self._brief.items:
            QMessageBox.information(
                self, self.tr("Export"), self.tr("Add articles to a brief first.")
            )
            return None
        self.flush()
        # The title as shown: its save may still be on its way to the store.
        shown = replace(self._brief, title=self.title_edit.text().strip() or self._brief.title)
        dialog = ExportDialog(self, shown, self._runner, self._settings, self._archive)
        if not self.open_exports:
            dialog.open_when_done.setChecked(False)
        dialog.exported.connect(lambda _path: self.reload())  # the cover as typed there
        dialog.open()
        return dialog
