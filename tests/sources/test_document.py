"""Reading text and HTML documents: decoding, boilerplate removal, dates, bounds, sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infraledger.errors import InputError, InputTooLargeError
from infraledger.model.fuzzytime import Precision
from infraledger.model.sources import SourceKind
from infraledger.sources.document import (
    decode,
    document_from_bytes,
    document_from_text,
    find_document_date,
    html_to_text,
    looks_like_press_release,
    read_document,
)
from shared_data import needs_shared

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
NEWS = SHARED / "eval" / "news"

# Fictional companies throughout.
RELEASE = """FOR IMMEDIATE RELEASE

Larchmont Photonics Raises $42 Million

OSLO, March 4, 2025 -- Larchmont Photonics AS today announced it has raised $42 million in a Series B
round led by Fjellheim Ventures.

About Larchmont Photonics
Larchmont builds optical switches.

Media contact: press@larchmont.example
"""

PAGE = """<!DOCTYPE html><html><head><title>Quorra Labs buys Veltano</title>
<meta property="article:published_time" content="2025-06-17T08:00:00Z">
<script>var tracking = "Quorra Labs acquires everything";</script><style>p {color: red}</style></head>
<body><nav><a href="/">Home</a> | <a href="/deals">Deals</a></nav>
<header class="site-header">Daily Deal Wire</header>
<article><h1>Quorra Labs buys Veltano</h1>
<p class="dateline">AUSTIN, June 17, 2025</p>
<p>Quorra Labs said on Tuesday it had completed its purchase of Veltano for &euro;120 million.</p>
<aside class="related">Related: Nobody buys anything</aside>
<p>The deal closed after a short review.</p></article>
<footer>Copyright Daily Deal Wire. Subscribe now.</footer>
<div class="cookie-banner">We use cookies</div></body></html>"""


def test_plain_text_reads_the_dateline_as_the_documents_date():
    doc = document_from_text(RELEASE, name="release.txt")
    assert doc.published is not None and doc.published.start == date(2025, 3, 4)
    assert doc.published.precision is Precision.DAY
    assert doc.dateline.startswith("OSLO, March 4, 2025")
    assert doc.anchor == date(2025, 3, 4)
    assert doc.title == "FOR IMMEDIATE RELEASE"


def test_html_drops_scripts_navigation_headers_footers_and_asides_but_keeps_the_dateline():
    doc = document_from_bytes(PAGE.encode("utf-8"), name="page.html")
    assert doc.kind == "html"
    assert doc.title == "Quorra Labs buys Veltano"
    assert "AUSTIN, June 17, 2025" in doc.text
    assert "completed its purchase of Veltano for €120 million" in doc.text
    for noise in ("tracking", "color: red", "Home", "Daily Deal Wire", "Related", "Subscribe", "cookies"):
        assert noise not in doc.text
    assert doc.published.start == date(2025, 6, 17)


def test_html_paragraphs_are_separate_blocks_so_offsets_stay_meaningful():
    text, title, meta = html_to_text(PAGE)
    blocks = text.split("\n\n")
    assert "The deal closed after a short review." in blocks
    assert meta is not None and meta.start == date(2025, 6, 17)


def test_meta_date_is_used_when_the_text_states_no_date():
    page = ('<html><head><meta name="date" content="2024-11-02"></head>'
            "<body><p>Brightwater Compute signed a lease with a utility.</p></body></html>")
    doc = document_from_bytes(page.encode(), name="x.html")
    assert doc.published.start == date(2024, 11, 2)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-32"])
def test_bom_decides_the_encoding(encoding):
    text = "Zürich-based Kälte AG raised CHF 20 million — in 2025."
    assert decode(text.encode(encoding)) == text


def test_legacy_single_byte_text_is_decoded_by_detection():
    text = ("Société Générale de Câblage a levé 30 millions d'euros auprès de fonds européens, "
            "a annoncé la société française à Besançon. Les négociations ont duré deux années. ") * 4
    decoded = decode(text.encode("cp1252"))
    assert "Société Générale de Câblage" in decoded


def test_short_windows_1252_text_with_euro_sign_and_curly_quotes_is_not_read_as_a_dos_code_page():
    text = "Orla Systems agreed to buy Kestrel Labs for €1.2 billion, the company’s “biggest” deal — so far."
    assert decode(text.encode("cp1252")) == text


def test_legacy_cyrillic_text_is_still_detected():
    text = "Компания привлекла 20 миллионов долларов от фонда в Москве в марте 2025 года. " * 4
    assert "привлекла" in decode(text.encode("cp1251"))


def test_binary_data_is_an_input_error(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match="binary"):
        read_document(path)


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Deal news. " * 200)
    with pytest.raises(InputTooLargeError):
        read_document(path, max_bytes=1000)


def test_a_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_document(tmp_path / "absent.txt")


@pytest.mark.parametrize("line,expected", [
    ("HOUSTON, July 2, 2025 -- Acme Corp today said", date(2025, 7, 2)),
    ("Published March 10, 2026 | Updated March 30, 2026", date(2026, 3, 10)),
    ("SANTA CLARA, Calif., Dec. 2, 2025 -- Something happened", date(2025, 12, 2)),
    ("PARIS, 9 September 2025 - A startup closed a round", date(2025, 9, 9)),
    ("Issue 41 | October 1, 2025", date(2025, 10, 1)),
    ("Marlow Growth blog · April 2, 2026", date(2026, 4, 2)),
    ("DALLAS and TORONTO, Feb. 3, 2026 /PRNewswire/ -- A merger was announced", date(2026, 2, 3)),
    ("Published: 18 June 2026", date(2026, 6, 18)),
    ("SAN JOSE, Calif.--(BUSINESS WIRE)--March 3, 2026--Larkspur Networks today announced a deal", date(2026, 3, 3)),
])
def test_dateline_forms(line, expected):
    found = find_document_date("Some headline\n\n" + line + "\n\nBody text follows here.")
    assert found is not None and found[1].start == expected


def test_no_date_in_the_lead_gives_none():
    assert find_document_date("A headline\n\nNobody said when this happened.") is None


@pytest.mark.parametrize("name,label", [
    ("dev-01.txt", "2025-07-02"), ("dev-06.html", "2025-11-03"), ("dev-10.txt", "2025-11-17/2025-11-23"),
    ("dev-14.html", "2025-12-08"), ("dev-19.html", "2025-10"), ("dev-24.txt", "2024-12-02"),
])
@needs_shared("eval", "news")
def test_real_news_documents_are_dated_from_their_datelines(name, label):
    doc = read_document(NEWS / name)
    assert doc.published.label() == label


@needs_shared("eval", "news")
def test_real_html_release_keeps_its_dateline_and_drops_its_markup():
    doc = read_document(NEWS / "dev-14.html")
    assert doc.kind == "html"
    assert "ARMONK, N.Y. and MOUNTAIN VIEW, Calif., Dec. 8, 2025" in doc.text
    assert "<p" not in doc.text and "class=" not in doc.text


def test_to_source_identifies_a_document_by_its_bytes_and_kind():
    release = document_from_text(RELEASE, name="release.txt")
    source = release.to_source()
    assert source.kind is SourceKind.PRESS_RELEASE
    assert source.published == date(2025, 3, 4)
    assert source.id == document_from_text(RELEASE, name="other-name.txt").to_source().id
    assert source.id != document_from_text(RELEASE + "\nMore.", name="release.txt").to_source().id


@needs_shared("seed", "ai-infrastructure-boom-2026.txt")
@needs_shared("eval", "news")
def test_the_reference_article_is_an_article_and_releases_are_press_releases():
    seed = read_document(SHARED / "seed" / "ai-infrastructure-boom-2026.txt")
    assert seed.to_source().kind is SourceKind.ARTICLE
    assert seed.to_source().title.startswith("The $1 Trillion AI Infrastructure Boom")
    assert read_document(NEWS / "dev-01.txt").source_kind is SourceKind.PRESS_RELEASE
    assert read_document(NEWS / "dev-09.txt").source_kind is SourceKind.PRESS_RELEASE
    assert not looks_like_press_release("Opinion: markets are odd.\n\nNothing was announced today.")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_either_decode_or_raise_an_input_error(data):
    try:
        doc = document_from_bytes(data, name="x.txt")
    except InputError:
        return
    assert isinstance(doc.text, str)
    assert doc.content_hash and len(doc.content_hash) == 64


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_date_detection_never_fails_on_arbitrary_text(text):
    found = find_document_date(text)
    assert found is None or found[1].start <= found[1].end


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(whitelist_categories=("L", "N", "Zs"), blacklist_characters="<>&"),
                        min_size=1, max_size=40).filter(str.strip), min_size=1, max_size=5))
def test_html_paragraph_text_survives_conversion(paragraphs):
    page = "<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"
    text, _, _ = html_to_text(page)
    assert text.split("\n\n") == [" ".join(p.split()) for p in paragraphs]


def test_html_table_rows_become_one_line_each_with_cells_joined():
    from infraledger.sources.document import html_to_text

    text, _, _ = html_to_text("<html><body><p>Rounds</p><table><tr><th>Company</th><th>Amount</th></tr>"
                              "<tr><td>Orla <b>Cloud</b></td><td>$5M</td></tr></table></body></html>")
    assert text == "Rounds\n\nCompany | Amount\n\nOrla Cloud | $5M"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_as_text(encoding):
    text = "SAN JOSE, Calif., June 3, 2025 -- Quillfeather Systems raised $85 million. Café crème."
    doc = document_from_bytes(text.encode(encoding), name="release.txt")
    assert doc.text.strip() == text


@pytest.mark.parametrize("raw", [b"", b" \n\t\n", "\n  ".encode("utf-16"),
                                 b"<html><body><script>x()</script></body></html>"])
def test_an_empty_file_is_refused(raw, tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(raw)
    with pytest.raises(InputError, match="empty file|without any text"):
        read_document(path)


@pytest.mark.parametrize(("text", "day"), [
    ("Zentrix wins order\n\nSEOUL, July 28 (Wire) - Zentrix said the order took effect on July 26, 2025.",
     "2025-07-28"),
    ("Halvora deal\n\nLONDON, Jan 3 (Wire) - Halvora signed on December 30, 2024 to buy Quorvia.", "2025-01-03"),
    ("Halvora deal\n\nLONDON, Nov 28 (Wire) - Halvora expects the deal to close in March 2026.", "2025-11-28"),
])
def test_a_dateline_without_a_year_takes_the_year_nearest_the_texts_first_full_date(text, day):
    document = document_from_text(text)
    assert document.published is not None and document.published.start.isoformat() == day
    assert document.dateline.startswith(text.split("\n\n")[1][:12])


def test_a_dateline_without_a_year_in_a_text_with_no_full_date_gives_no_date():
    assert document_from_text("Brief\n\nOSLO, May 2 (Wire) - Quorvia hired a chief executive.").published is None


def test_a_weekly_note_is_dated_by_its_week_and_its_weekdays_fall_in_that_week():
    document = document_from_text("THE LEDGER NOTE\nWeekly roundup | Week of March 2, 2026\n\n"
                                  "Halvora Grid began trading on Thursday.")
    assert (document.published.start, document.published.end) == (date(2026, 3, 2), date(2026, 3, 8))
    assert document.anchor == date(2026, 3, 8)


def test_a_title_ending_in_its_day_after_a_comma_dates_the_text():
    document = document_from_text("Zentrix, Inc. -- Second Quarter 2026 Earnings Call, May 4, 2026\n"
                                  "Excerpt, condensed.\n\nWe signed the order in March.")
    assert document.published is not None and document.published.start == date(2026, 5, 4)


def test_a_timelines_dated_section_is_not_the_texts_date():
    text = ("How Quillon grew\n\nThe dates that matter:\n\n2021 -- Series B\nQuillon raised $40 million.\n\n"
            "June 26, 2023 -- Brightwater\nQuillon agrees to buy Brightwater Robotics.\n")
    assert document_from_text(text).published is None
    assert document_from_text("Brief\n\nMarch 3, 2026 -- Quillon today announced a purchase.").published is not None
