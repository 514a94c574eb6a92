"""Names for the controls Qt makes itself (line edits' clear and icon buttons, toolbar
overflow buttons), so a screen reader's tree has no nameless control."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QToolBar, QToolButton, QWidget

CLEAR_ACTION = "_q_qlineeditclearaction"  # Qt's name for a QLineEdit's clear button action


def name_generated_controls(root: QWidget) -> None:
    """Give every Qt-made button under ``root`` that has no accessible name one."""
    for edit in root.findChildren(QLineEdit):
        for button in edit.findChildren(QToolButton):
            if button.accessibleName():
                continue
            action = button.defaultAction()
            if action is not None and action.objectName() == CLEAR_ACTION:
                name = QCoreApplication.translate("Accessibility", "Clear")
            elif action is not None:
                name = action.toolTip() or action.text()
            else:
                name = ""
            if name:
                button.setAccessibleName(name)
    for bar in root.findChildren(QToolBar):
        for button in bar.findChildren(QToolButton, "qt_toolbar_ext_button"):
            if not button.accessibleName():
                button.setAccessibleName(QCoreApplication.translate("Accessibility", "More tools"))
