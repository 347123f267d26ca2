"""Hostile input: scripts in HTML, huge files, odd encodings, binary data, text without claims."""

from __future__ import annotations

import json

import pytest

from infraledger.audit.api import audit_document
from infraledger.audit.html import to_html
from infraledger.audit.reading import document_from_text, read_file
from infraledger.audit.render import to_json, to_markdown
from infraledger.errors import InputError, InputTooLargeError

HOSTILE_HTML = """<!doctype html><html><head><title>Deal news &lt;script&gt;alert(1)&lt;/script&gt;</title>
<script>document.title='pwned'; alert('from page script')</script><style>body{}</style></head>
<body><article>
<p>Published March 10, 2026</p>
<p>Acme Robotics raised $120 million in April 2025 in a round led by Zeta Ventures
(Source: &lt;img src=x onerror=alert`2`&gt; press release).</p>
<p>Quote: &lt;script&gt;alert(3)&lt;/script&gt; and a pipe | and `backticks` and <b>bold</b>.</p>
<script>alert('inline body script')</script>
</article></body></html>"""


def test_scripts_in_html_input_are_not_read_as_text(store):
    report = audit_document(document_from_text(HOSTILE_HTML), store.snapshot())
    assert "inline body script" not in report.document.text
    assert "from page script" not in report.document.text
    assert [cv.claim.text for cv in report.verdicts] == ["$120 million"]


def test_html_report_escapes_every_piece_of_input_text(store):
    report = audit_document(document_from_text(HOSTILE_HTML), store.snapshot())
    page = to_html(report)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page
    assert "default-src 'none'" in page  # and the page forbids scripts even if one slipped through


def test_markdown_and_json_keep_input_text_inert(store):
    report = audit_document(document_from_text(HOSTILE_HTML), store.snapshot())
    md = to_markdown(report)
    assert "<img" not in md and "&lt;img" in md
    data = json.loads(to_json(report))
    assert data["claims"][0]["cited_source"].startswith("<img src=x")  # JSON keeps the text exactly


@pytest.mark.slow
@pytest.mark.browser
def test_html_report_runs_no_input_text_in_a_real_browser(store, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    from pathlib import Path
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("no Chromium")
    report = audit_document(document_from_text(HOSTILE_HTML), store.snapshot())
    page_path = tmp_path / "report.html"
    page_path.write_text(to_html(report), encoding="utf-8")
    dialogs: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(page_path.as_uri())
        page.hover("#c1")
        title = page.title()
        scripts = page.evaluate("document.scripts.length")
        images = page.evaluate("document.images.length")
        tip_visible = page.is_visible("#c1 .tip")
        browser.close()
    assert dialogs == [] and scripts == 0 and images == 0
    assert "pwned" not in title
    assert tip_visible  # the explanation opens on hover without any script


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Acme raised $5 million. " * 2000, encoding="utf-8")
    with pytest.raises(InputTooLargeError):
        read_file(path, max_bytes=10_000)
    with pytest.raises(InputTooLargeError):
        document_from_text("x" * 10_001, max_bytes=10_000)


def test_utf16_and_cp1252_files_are_decoded(tmp_path, store):
    # Long enough for encoding detection to tell cp1252 from other code pages, as a real release is.
    text = ("Published March 10, 2026\nAcme Robotics raised €50 million in a round led by Zeta Ventures — “a record”, "
            "the company’s chief said. “We’re pleased,” said the founder; the company’s team is hiring.")
    for name, data in (("u16.txt", text.encode("utf-16")), ("cp.txt", text.encode("cp1252"))):
        path = tmp_path / name
        path.write_bytes(data)
        doc = read_file(path)
        assert "€50 million" in doc.text
        report = audit_document(doc, store.snapshot())
        assert [cv.claim.value.currency for cv in report.verdicts] == ["EUR"]


def test_binary_data_is_a_clear_input_error(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(InputError):
        read_file(path)


def test_text_without_claims_gives_an_empty_clean_report(store):
    report = audit_document(document_from_text("Nothing to check here. Just words."), store.snapshot())
    assert report.verdicts == [] and report.counts()["unsupported"] == 0
    assert json.loads(to_json(report))["claims"] == []
    assert "| verdict | claims |" in to_markdown(report)
    assert "<article>" in to_html(report)


def test_empty_text_is_handled(store):
    report = audit_document(document_from_text(""), store.snapshot())
    assert report.verdicts == [] and report.opinions == []
