"""Turning bulletin files (TXT, PDF, DOCX) into issues and articles. No Qt here."""

from reader.parsing.model import Block, ParsedArticle, ParsedIssue, SourceError

__all__ = ["Block", "ParsedArticle", "ParsedIssue", "SourceError"]
