"""Dragging articles between views: the tree and the results give ids, the brief takes them."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

ARTICLE_IDS_MIME = "application/x-reader-article-ids"


def article_mime(article_ids: list[int]) -> QMimeData:
    """Drag data naming these articles (in order, each once)."""
    unique = list(dict.fromkeys(int(i) for i in article_ids))
    data = QMimeData()
    data.setData(ARTICLE_IDS_MIME, json.dumps(unique).encode("ascii"))
    return data


def dragged_article_ids(data: QMimeData | None) -> list[int]:
    """The article ids a drag carries ([] when it carries none, or something else)."""
    if data is None or not data.hasFormat(ARTICLE_IDS_MIME):
        return []
    try:
        ids = json.loads(bytes(data.data(ARTICLE_IDS_MIME).data()).decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return []
    return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []
