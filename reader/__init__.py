"""Offline archive reader for Chinese bulletins such as 《科技情报参考》."""

__version__ = "0.1.0"
