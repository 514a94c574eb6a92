"""A large annotations file (100,000 notes of a page each, about 190 MB), for tests and bench."""

from __future__ import annotations

import json
from pathlib import Path

from reader.annotations.schema import FORMAT_NAME, FORMAT_VERSION
from reader.store.issues import get_article

# About 630 characters, ~1.9 KB in UTF-8: a page-long note.
_PAGE = "北河市围绕乳业全产业链新建标准化牧场，鲜奶日加工能力提升到三千吨。" * 19


def write_many_notes(
    db: object, path: Path, article_ids: list[int], count: int, page: str = _PAGE
) -> int:
    """Write ``count`` distinct notes spread over ``article_ids``; the file's size in bytes."""
    keys = []
    for article_id in article_ids:
        article = get_article(db, article_id)  # type: ignore[arg-type]
        assert article is not None
        keys.append({"content_hash": article.content_hash, "title": article.title})
    per_article = -(-count // len(keys))
    with path.open("w", encoding="utf-8") as out:
        out.write(f'{{"format": "{FORMAT_NAME}", "version": {FORMAT_VERSION}, "articles": [')
        written = 0
        for index, key in enumerate(keys):
            n = min(per_article, count - written)
            out.write(("," if index else "") + '{"article": ' + json.dumps(key, ensure_ascii=False))
            out.write(', "notes": [')
            out.write(
                ",".join(
                    json.dumps(
                        {"text": f"{i} {page}", "created": "2026-01-01T00:00:00.000+00:00"},
                        ensure_ascii=False,
                    )
                    for i in range(written, written + n)
                )
            )
            out.write("]}")
            written += n
        out.write("]}\n")
    return path.stat().st_size
