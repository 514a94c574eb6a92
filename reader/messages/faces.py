"""What the faces add around the core's messages, and bugs."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code: (Chinese, English)
    # The command line's own wording around a core message (reader.cli.errors).
    "cli.bad_query": ("无法理解检索式：{detail}", "cannot read the query: {detail}"),
    "error.unexpected": (
        "程序出错（{kind}）：{detail}。这是程序的缺陷，不是您的操作问题",
        "internal error ({kind}): {detail}; this is a bug, not something you did",
    ),
}
