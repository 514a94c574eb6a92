"""The 专题 panel: standing topics with a badge of new hits each, and the new hits listed.

Checking topics reads the search index for every topic, so it runs on the worker; the
panel shows what the last check found and asks again after each change to the archive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader import topics as topic_store
from reader.archive import Archive
from reader.operations import OpResult
from reader.operations import following as ops
from reader.ui.runner import OpRunner

TOPIC_ROLE = Qt.ItemDataRole.UserRole
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 1


def _issue_label(hit: topic_store.TopicHit) -> str:
    if hit.year is None:
        return ""
    return f"{hit.year}年第{hit.issue_no}期" if hit.issue_no is not None else f"{hit.year}年"


class TopicPanel(QWidget):
    """Topics on top (name, query, new-hit badge), the chosen topic's new hits below."""

    article_activated = Signal(int)
    brief_requested = Signal(list)  # article ids of a topic's hits
    checked = Signal()  # a check finished and the panel shows it

    def __init__(self, archive: Archive, runner: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("topicPanel")
        self.archive = archive
        self.runner = runner
        self.statuses: list[topic_store.TopicStatus] = []
        self.topic_list = QListWidget(self)
        self.topic_list.setObjectName("topicList")
        self.topic_list.setAccessibleName(self.tr("Topics"))
        self.hit_list = QListWidget(self)
        self.hit_list.setObjectName("topicHitList")
        self.hit_list.setAccessibleName(self.tr("New hits"))
        self.hits_label = QLabel(self)
        self.hits_label.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = QPushButton(self.tr("New Topic…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.seen_button = QPushButton(self.tr("Mark All Seen"), self)
        self.brief_button = QPushButton(self.tr("Hits to Brief"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.seen_button, self.brief_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.topic_list, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.hits_label)
        layout.addWidget(self.hit_list, 3)
        self.topic_list.currentRowChanged.connect(lambda _row: self._show_hits())
        self.hit_list.itemActivated.connect(self._hit_activated)
        self.hit_list.itemClicked.connect(self._hit_activated)
        self.add_button.clicked.connect(lambda: self.ask_new_topic())
        self.remove_button.clicked.connect(self.remove_current)
        self.seen_button.clicked.connect(self.mark_current_seen)
        self.brief_button.clicked.connect(self.send_current_to_brief)
        self._show_hits()

    # -- checking ------------------------------------------------------------------------
    def reload(self) -> None:
        """Check every topic on the worker and show the badges when done."""
        self.runner.query(topic_store.check_topics, success=self._show)

    def _show(self, statuses: list[topic_store.TopicStatus]) -> None:
        current = self.current_topic()
        self.statuses = statuses
        self.topic_list.blockSignals(True)
        self.topic_list.clear()
        for status in statuses:
            item = QListWidgetItem(self._badge_text(status))
            item.setData(TOPIC_ROLE, status.topic.name)
            item.setToolTip(status.topic.query)
            font = QFont(item.font())
            font.setBold(bool(status.new))
            item.setFont(font)
            self.topic_list.addItem(item)
            if status.topic.name == current:
                self.topic_list.setCurrentItem(item)
        if self.topic_list.currentRow() < 0 and statuses:
            self.topic_list.setCurrentRow(0)
        self.topic_list.blockSignals(False)
        self._show_hits()
        self.checked.emit()

    def _badge_text(self, status: topic_store.TopicStatus) -> str:
        if status.new:
            return (
                self.tr("%1  ● %2 new of %3")
                .replace("%1", status.topic.name)
                .replace("%2", str(len(status.new)))
                .replace("%3", str(status.total))
            )
        return self.tr("%1  (%2)").replace("%1", status.topic.name).replace("%2", str(status.total))

    def new_counts(self) -> dict[str, int]:
        return {status.topic.name: len(status.new) for status in self.statuses}

    def current_topic(self) -> str | None:
        item = self.topic_list.currentItem()
        return item.data(TOPIC_ROLE) if item is not None else None

    def _current_status(self) -> topic_store.TopicStatus | None:
        name = self.current_topic()
        return next((s for s in self.statuses if s.topic.name == name), None)

    def _show_hits(self) -> None:
        status = self._current_status()
        self.hit_list.clear()
        for button in (self.remove_button, self.seen_button, self.brief_button):
            button.setEnabled(status is not None)
        if status is None:
            self.hits_label.setText(self.tr("Add a topic to follow a query across new issues."))
            return
        self.hits_label.setText(
            self.tr("New hits for %1:").replace("%1", status.topic.name)
            if status.new
            else self.tr("Nothing new for %1.").replace("%1", status.topic.name)
        )
        for hit in status.new:
            item = QListWidgetItem(f"{hit.title}　{_issue_label(hit)}".rstrip())
            item.setData(ARTICLE_ROLE, hit.article_id)
            self.hit_list.addItem(item)

    def _hit_activated(self, item: QListWidgetItem) -> None:
        self.article_activated.emit(int(item.data(ARTICLE_ROLE)))

    # -- changing (the window checks the topics again after each) -------------------------
    def _run(self, op: Callable[[Archive], OpResult[Any]]) -> None:
        self.runner.run(op)

    def add_topic(self, name: str, query: str) -> None:
        self._run(lambda archive: ops.add_topic(archive, name, query))

    def ask_new_topic(self, query: str = "") -> None:
        name, ok = QInputDialog.getText(self, self.tr("New Topic"), self.tr("Name:"))
        if not ok or not name.strip():
            return
        query, ok = QInputDialog.getText(
            self, self.tr("New Topic"), self.tr("Query (any search, filters included):"), text=query
        )
        if ok and query.strip():
            self.add_topic(name.strip(), query.strip())

    def remove_current(self) -> None:
        name = self.current_topic()
        if name is None:
            return
        self._run(lambda archive: ops.remove_topic(archive, name))

    def mark_current_seen(self) -> None:
        name = self.current_topic()
        if name is None:
            return
        self._run(lambda archive: ops.mark_topic_seen(archive, name))

    def mark_article_seen(self, article_id: int) -> None:
        """An article was opened: it is no longer new in any topic."""
        if not any(h.article_id == article_id for s in self.statuses for h in s.new):
            return
        self._run(lambda archive: ops.mark_article_seen(archive, article_id))

    def send_current_to_brief(self) -> None:
        name = self.current_topic()
        if name is None:
            return

        def hits(archive: Archive) -> list[int]:
            return topic_store.topic_hit_ids(archive, topic_store.get_topic(archive.db, name))

        self.runner.query(hits, success=self.brief_requested.emit)
