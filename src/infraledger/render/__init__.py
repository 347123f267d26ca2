"""The report people read: HTML or Markdown built from the ledger's facts, with inline SVG charts."""

from .report import FORMATS, build_report

__all__ = ["FORMATS", "build_report"]
