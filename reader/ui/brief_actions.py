"""Renaming, duplicating and deleting briefs from the brief panel (the CLI's `brief rename`,
`brief duplicate` and `brief delete`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QToolButton

from reader.operations import briefing as ops

if TYPE_CHECKING:
    from reader.ui.brief_panel import BriefPanel


def _tr(text: str) -> str:
    return QCoreApplication.translate("BriefPanel", text)


def _ask_name(panel: BriefPanel, title: str, start: str) -> str | None:
    name, ok = QInputDialog.getText(panel, title, _tr("Name of the brief:"), text=start)
    return name.strip() if ok and name.strip() else None


def rename_brief(panel: BriefPanel, name: str | None = None) -> None:
    brief = panel.brief()
    if brief is None:
        return
    name = name or _ask_name(panel, _tr("Rename Brief"), brief.name)
    if name is None or name == brief.name:
        return
    panel.flush()
    brief_id = brief.id
    panel.submit(lambda a: ops.rename_brief(a, brief_id, name))


def duplicate_brief(panel: BriefPanel, name: str | None = None) -> None:
    brief = panel.brief()
    if brief is None:
        return
    start = _tr("%1 (copy)").replace("%1", brief.name)
    name = name or _ask_name(panel, _tr("Duplicate Brief"), start)
    if name is None:
        return
    panel.flush()
    brief_id = brief.id
    panel.submit(lambda a: ops.duplicate_brief(a, brief_id, name))


def delete_brief(panel: BriefPanel, confirm: bool = True) -> None:
    brief = panel.brief()
    if brief is None:
        return
    if confirm:
        answer = QMessageBox.question(
            panel,
            _tr("Delete Brief"),
            _tr("Delete the brief “%1”? Its articles stay in the archive.").replace(
                "%1", brief.name
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
    panel.flush()
    brief_id = brief.id
    panel.forget_active()
    panel.submit(lambda a: ops.delete_brief(a, brief_id), reload_after=True)


def brief_menu_button(panel: BriefPanel) -> QToolButton:
    """The panel's "More" button: rename, duplicate, delete."""
    button = QToolButton(panel)
    button.setObjectName("briefMoreButton")
    button.setText(_tr("More"))
    button.setAccessibleName(_tr("Rename, duplicate or delete the brief"))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.addAction(_tr("&Rename…")).triggered.connect(lambda: rename_brief(panel))
    menu.addAction(_tr("D&uplicate…")).triggered.connect(lambda: duplicate_brief(panel))
    menu.addSeparator()
    menu.addAction(_tr("&Delete…")).triggered.connect(lambda: delete_brief(panel))
    button.setMenu(menu)
    return button
