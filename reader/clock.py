"""The one clock every stamp in the archive is read from."""

from __future__ import annotations

from datetime import UTC, datetime


def now_iso() -> str:
    """The current UTC time, to the millisecond, as ISO 8601 text.

    Milliseconds, so that notes, highlights and briefs made within one second keep the
    order they were made in.
    """
    return datetime.now(UTC).isoformat(timespec="milliseconds")
