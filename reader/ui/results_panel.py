"""The results dock: a row of tools over the results list (fold reprints, refine, export)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from reader.ui.search_panel import ResultsView


class ResultsPanel(QWidget):
    """The results list with its tools above it."""

    def __init__(self, results: ResultsView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsPanel")
        self.results = results
        self.fold_button = QToolButton(self)
        self.fold_button.setObjectName("foldReprintsButton")
        self.fold_button.setCheckable(True)
        self.fold_button.setText(self.tr("Fold reprints"))
        self.fold_button.setAccessibleName(self.tr("Fold reprints"))
        self.fold_button.setToolTip(
            self.tr("Show edited reprints in the row of their first printing")
        )
        self.refine_button = QToolButton(self)
        self.refine_button.setObjectName("refineResultsButton")
        self.refine_button.setText(self.tr("Search Within"))
        self.refine_button.setAccessibleName(self.tr("Search within these results"))
        self.refine_button.setToolTip(
            self.tr("Type a further query that these results must match as well")
        )
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("exportResultsButton")
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setAccessibleName(self.tr("Export the results"))
        self.export_button.setToolTip(
            self.tr("Write every result (not only those loaded) to .xlsx, .csv or .docx")
        )
        self.tools = QHBoxLayout()
        self.tools.setContentsMargins(4, 2, 4, 2)
        self.tools.addWidget(self.fold_button)
        self.tools.addWidget(self.refine_button)
        self.tools.addWidget(self.export_button)
        self.tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self.tools)
        layout.addWidget(results, 1)
