"""The archive's schema, as numbered migrations applied in order.

Each step is a function registered on :data:`MIGRATIONS`; its docstring says what it
changes. Never edit a step that has shipped: add a new one. Tests open database files
saved from every earlier schema version (tests/store/data/) and migrate them.
"""

from __future__ import annotations

import unicodedata

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("reader")


@MIGRATIONS(name="0001_issues_articles_sources")
def m0001_issues_articles_sources(db: Database) -> None:
    """Issues, their articles, and the files they were imported from."""
    db.execute(
        """
        CREATE TABLE source_files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            format TEXT,
            size INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            outcome TEXT NOT NULL,
            message TEXT,
            issue_id INTEGER
        )
        """
    )
    db.execute("CREATE INDEX source_files_sha256 ON source_files(sha256)")
    db.execute(
        """
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY,
            series TEXT,
            year INTEGER,
            issue_no INTEGER,
            editor_org TEXT,
            editor TEXT,
            phone TEXT,
            source_file_id INTEGER REFERENCES source_files(id),
            fingerprint TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX issues_identity ON issues(series, year, issue_no)")
    db.execute("CREATE INDEX issues_fingerprint ON issues(fingerprint)")
    db.execute(
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            title TEXT NOT NULL,
            toc_title TEXT,
            toc_page INTEGER,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX articles_issue ON articles(issue_id, ordinal)")
    db.execute("CREATE INDEX articles_content_hash ON articles(content_hash)")


@MIGRATIONS(name="0002_annotations")
def m0002_annotations(db: Database) -> None:
    """Notes, bookmarks, highlights and tags on articles: the editor's own work."""
    db.execute(
        """
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            text TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX notes_article ON notes(article_id)")
    db.execute(
        """
        CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id),
            position INTEGER,
            created TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            color TEXT NOT NULL,
            note TEXT,
            status TEXT NOT NULL DEFAULT 'anchored',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX highlights_article ON highlights(article_id)")
    db.execute(
        """
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        )
        """
    )
    db.execute(
        """
        CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            tag_id INTEGER NOT NULL REFERENCES tags(id),
            created TEXT NOT NULL,
            PRIMARY KEY (article_id, tag_id)
        )
        """
    )


@MIGRATIONS(name="0003_briefs")
def m0003_briefs(db: Database) -> None:
    """Briefs (专题汇编): a titled, ordered selection of articles from any issues."""
    db.execute(
        """
        CREATE TABLE briefs (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            subtitle TEXT,
            compiler TEXT,
            date TEXT,
            preface TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE brief_items (
            id INTEGER PRIMARY KEY,
            brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id),
            position INTEGER NOT NULL,
            note TEXT
        )
        """
    )
    db.execute("CREATE INDEX brief_items_brief ON brief_items(brief_id, position)")


@MIGRATIONS(name="0004_trash_clashes_title_keys")
def m0004_trash_clashes_title_keys(db: Database) -> None:
    """A trash for issues, clash flags between issues, and article title keys.

    ``issues.deleted_at`` set means the issue (with its articles and their annotations)
    is in the trash: ordinary reads leave it out, restoring clears it. ``issue_clashes``
    pairs issues that claim one identity with mostly different articles, until the
    editor edits one's details. ``articles.title_key`` is the title folded for
    comparison (as ``reader.store.renditions.fold`` did when this step shipped), to find
    another rendition's issue.
    """
    db.execute("ALTER TABLE issues ADD COLUMN deleted_at TEXT")
    db.execute(
        """
        CREATE TABLE issue_clashes (
            issue_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            other_id INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            PRIMARY KEY (issue_id, other_id)
        )
        """
    )
    db.execute("ALTER TABLE articles ADD COLUMN title_key TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, title FROM articles").fetchall()
    for article_id, title in rows:
        db.execute(
            "UPDATE articles SET title_key = ? WHERE id = ?", [_fold_0004(title), article_id]
        )
    db.execute("CREATE INDEX articles_title_key ON articles(title_key)")


@MIGRATIONS(name="0005_versions_renditions")
def m0005_versions_renditions(db: Database) -> None:
    """Earlier texts of articles, the parsed text of every rendition, archive flags.

    ``article_versions`` keeps each text a corrected printing (or a chosen rendition)
    replaced. ``rendition_texts`` keeps what each imported file read as, so the editor
    can later take a better rendition's text without the file. ``archive_flags`` holds
    facts about the archive itself (e.g. that the sample issues were offered).
    """
    db.execute(
        """
        CREATE TABLE article_versions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            source_path TEXT,
            replaced_at TEXT NOT NULL,
            UNIQUE (article_id, version)
        )
        """
    )
    db.execute("CREATE TABLE archive_flags (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """
        CREATE TABLE rendition_texts (
            source_file_id INTEGER PRIMARY KEY REFERENCES source_files(id) ON DELETE CASCADE,
            parsed TEXT NOT NULL
        )
        """
    )


@MIGRATIONS(name="0006_issue_printing_details")
def m0006_issue_printing_details(db: Database) -> None:
    """What other series print besides series, year and number.

    Issues gain the running number (总第 156 期), the printed date (ISO text), the handling
    marking (内部资料 注意保存) and the editor's note (编者按); articles their column (栏目,
    stored as ``column_name``: ``column`` is an SQL keyword) and source line (来源). All are
    NULL where the issue does not print them, and for issues imported before.
    """
    for name, kind in (("total_no", "INTEGER"), ("date", "TEXT"), ("marking", "TEXT")):
        db.execute(f"ALTER TABLE issues ADD COLUMN {name} {kind}")
    db.execute("ALTER TABLE issues ADD COLUMN preface TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN column_name TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN source TEXT")


@MIGRATIONS(name="0007_topics_regions_reprints_keywords")
def m0007_topics_regions_reprints_keywords(db: Database) -> None:
    """Standing topics and the hits seen; saved searches and the query history; and what
    is derived from each article at import: its regions, keywords, MinHash bands and the
    earlier articles it reprints with edits."""
    db.execute(
        """
        CREATE TABLE topics (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            query TEXT NOT NULL,
            created TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE topic_seen (
            topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (topic_id, article_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE saved_searches (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            query TEXT NOT NULL,
            created TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE search_history (
            query TEXT PRIMARY KEY,
            last_run TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE article_derived (
            article_id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL,
            signature BLOB
        )
        """
    )
    db.execute(
        """
        CREATE TABLE article_regions (
            article_id INTEGER NOT NULL,
            province TEXT NOT NULL,
            city TEXT NOT NULL DEFAULT '',
            in_title INTEGER NOT NULL,
            PRIMARY KEY (article_id, province, city)
        )
        """
    )
    db.execute("CREATE INDEX article_regions_province ON article_regions(province, city)")
    db.execute(
        """
        CREATE TABLE article_keywords (
            article_id INTEGER NOT NULL,
            keyword TEXT NOT NULL,
            weight REAL NOT NULL,
            PRIMARY KEY (article_id, keyword)
        )
        """
    )
    db.execute("CREATE INDEX article_keywords_keyword ON article_keywords(keyword)")
    db.execute(
        """
        CREATE TABLE article_bands (
            band INTEGER NOT NULL,
            hash INTEGER NOT NULL,
            article_id INTEGER NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX article_bands_lookup ON article_bands(band, hash)")
    db.execute("CREATE INDEX article_bands_article ON article_bands(article_id)")
    db.execute(
        """
        CREATE TABLE article_similar (
            article_id INTEGER NOT NULL,
            other_id INTEGER NOT NULL,
            similarity REAL NOT NULL,
            PRIMARY KEY (article_id, other_id)
        )
        """
    )


@MIGRATIONS(name="0008_brief_exports")
def m0008_brief_exports(db: Database) -> None:
    """Exports of briefs (已编入): when which articles went out in which brief.

    The brief's name and title are kept as they were at the export, so the record outlives
    a brief that is renamed or deleted (its ``brief_id`` then becomes NULL).
    """
    db.execute(
        """
        CREATE TABLE brief_exports (
            id INTEGER PRIMARY KEY,
            brief_id INTEGER REFERENCES briefs(id) ON DELETE SET NULL,
            brief_name TEXT,
            title TEXT NOT NULL,
            format TEXT NOT NULL,
            path TEXT NOT NULL,
            exported_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE brief_export_articles (
            export_id INTEGER NOT NULL REFERENCES brief_exports(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (export_id, article_id)
        )
        """
    )
    db.execute("CREATE INDEX brief_export_articles_article ON brief_export_articles(article_id)")


@MIGRATIONS(name="0011_ocr_page_confidence")
def m0011_ocr_page_confidence(db: Database) -> None:
    """Issues read from scans keep each page's OCR confidence (a JSON list of 0–1 values);
    NULL for every issue that was not OCR'd."""
    db.execute("ALTER TABLE issues ADD COLUMN ocr_confidence TEXT")


@MIGRATIONS(name="0012_brief_excerpts")
def m0012_brief_excerpts(db: Database) -> None:
    """Excerpts (摘编): passages ``[start, end)`` of a brief entry's article, with the text
    they covered when chosen. An entry with excerpts goes out as those passages alone;
    deleting the entry deletes them."""
    db.execute(
        """
        CREATE TABLE brief_excerpts (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES brief_items(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            created TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX brief_excerpts_item ON brief_excerpts(item_id, start)")


@MIGRATIONS(name="0013_reprint_signatures_one_permutation")
def m0013_reprint_signatures_one_permutation(db: Database) -> None:
    """Reprint signatures are now made by one permutation hashing: the stored ones (and
    their bands) no longer compare with new ones, so every article's derived data is made
    again by the next import (regions and keywords come out the same)."""
    db.execute("DELETE FROM article_bands")
    db.execute("DELETE FROM article_similar")
    db.execute("DELETE FROM article_derived")


def _fold_0004(text: str) -> str:
    """The title key as 0004 wrote it: a copy, so that the step stays as it shipped whatever
    becomes of ``reader.store.renditions.fold``."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in normal if unicodedata.category(ch)[0] not in "PZC")


# Every step's name: the steps still pending on a database that has none.
KNOWN_MIGRATIONS = frozenset(m.name for m in MIGRATIONS.pending(Database(memory=True)))
