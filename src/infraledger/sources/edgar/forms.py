"""The form types each filing reader reads, kept apart from the readers.

Choosing the reader for a file needs only these names; the readers themselves (and what they
import) are loaded when a file of their form is read.
"""

from __future__ import annotations

__all__ = ["EIGHT_K_TYPES", "FORM_D_TYPES", "PROSPECTUS_TYPES"]

FORM_D_TYPES = ("D", "D/A")
EIGHT_K_TYPES = ("8-K", "8-K/A", "8-K12B", "8-K12G3", "8-K15D5")
PROSPECTUS_TYPES = ("424B1", "424B2", "424B3", "424B4", "424B5", "424B7", "424B8", "S-1", "S-1/A", "F-1",
                    "F-1/A", "S-3", "S-3/A", "S-3ASR", "F-3", "F-3ASR")
