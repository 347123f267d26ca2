"""Fixtures for the EDGAR reader tests; filings come from the shared real set in ../shared/data/sec."""

from __future__ import annotations

from pathlib import Path

import pytest

#: The repository root is three levels above this folder; the shared data sits beside it.
SEC = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "sec"


@pytest.fixture(scope="session")
def sec_dir() -> Path:
    if not SEC.is_dir():
        pytest.skip(f"shared SEC filings not found at {SEC}")
    return SEC
