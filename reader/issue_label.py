"""How an issue is named, e.g. 《科技情报参考》2023年第8期, and what is said when it is not known.

One rule for every face: the tree, the reading pane, the import report, the command line and
the exported source lines. The printed parts (series, year, number) are Chinese whatever the
language; only the words for what is unknown follow the caller's language.
"""

from __future__ import annotations

from reader.messages import Message, message


def issue_label(series: str | None, year: int | None, issue_no: int | None) -> Message:
    """The issue's name as a message, rendered in the caller's language.

    ``《科技情报参考》2023年第8期``; ``《科技情报参考》2023年，期数不详`` without a number;
    ``《科技情报参考》，年份、期号不详`` with the series alone; ``刊名、期号不详`` with nothing.
    """
    name = f"《{series}》" if series else ""
    printed_year = f"{year}年" if year is not None else ""
    if issue_no is not None:
        return message("label.numbered", series=name, year=printed_year, issue_no=issue_no)
    if printed_year:
        return message("label.no_number", series=name, year=printed_year)
    if name:
        return message("label.series_only", series=name)
    return message("label.unknown")
