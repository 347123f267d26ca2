"""Where the tests' real data lives, and a mark for tests that need the shared data set.

``tests/fixtures`` holds small public data (SEC filings and EDGAR data files, public domain). The
shared data set (the reference article, evaluation texts, all SEC filings) is ``../shared`` beside
the checkout; a test that needs it is skipped, with the reason, when it is not there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures"
SEED = SHARED / "seed" / "ai-infrastructure-boom-2026.txt"


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Mark: skip unless ``../shared/<parts>`` exists beside the checkout."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"needs {path} (the shared data beside the checkout)")
