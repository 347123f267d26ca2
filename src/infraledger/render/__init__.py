"""The report people read: HTML or Markdown built from the ledger's facts, with inline SVG charts.

The names below are read from :mod:`.report` when first used.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover
    from .report import FORMATS, build_report

__getattr__, __dir__ = lazy_exports(__name__, {"FORMATS": ".report", "build_report": ".report"}, globals())

__all__ = ["FORMATS", "build_report"]
