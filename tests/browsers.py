"""Headless Chromium for the browser tests: Debian's binary driven by Playwright, no browser download."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
#: Flags that keep Chromium off the network and quiet on a machine without a screen.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

#: Marks of a module of browser tests: skipped, with the reason, where Chromium is missing.
MARKS = [pytest.mark.browser,
         pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")]


@pytest.fixture(scope="module")
def browser():
    """One Chromium for a module's tests."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
