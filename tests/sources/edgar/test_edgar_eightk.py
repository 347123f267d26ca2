"""8-K reading on real current reports: items with text, date of report, exhibits and press releases."""

from __future__ import annotations

from datetime import date

import pytest

from infraledger.errors import UnsupportedInputError
from infraledger.sources.edgar.eightk import parse_8k


def _read(sec_dir, name):
    return parse_8k((sec_dir / name).read_bytes(), source=name)


def test_legacy_item_2_is_read_as_completed_acquisition_item(sec_dir):
    k = _read(sec_dir, "8-k/0000891020-98-001352_8-K_Amazon-com.txt")
    assert k.cik == 1018724
    assert k.date_of_report == date(1998, 8, 12)
    item = k.item("2.01")
    assert item is not None and item.legacy_code == "2"
    assert "Agreement and Plan of Merger" in item.text
    assert k.text[item.start:item.end].strip() == item.text


def test_item_502_and_date_of_report_of_a_recent_filing(sec_dir):
    k = _read(sec_dir, "8-k/0001045810-26-000024_8-K_NVIDIA-Corp.txt")
    assert [i.code for i in k.items] == ["5.02", "9.01"]
    assert k.date_of_report == date(2026, 3, 2)
    assert "Compensation Committee" in k.item("5.02").text
    assert [e.type for e in k.exhibits][0] == "EX-10.1"


def test_press_release_exhibits_carry_their_text(sec_dir):
    k = _read(sec_dir, "8-k/0000320193-24-000005_8-K_Apple-Inc.txt")
    (release,) = k.press_releases
    assert release.type == "EX-99.1"
    assert "Apple reports first quarter results" in release.text
    assert "<" not in release.text[:200]


def test_several_items_in_document_order(sec_dir):
    k = _read(sec_dir, "8-k/0001213900-25-032135_8-K_ABVC-BioPharma.txt")
    assert [i.code for i in k.items] == ["2.02", "4.02", "7.01", "9.01"]


def test_bare_html_primary_document_is_read(sec_dir):
    k = _read(sec_dir, "8-k/html/0001193125-23-048785_BlackRock_8-K.html")
    assert k.company == "BlackRock, Inc."
    assert [i.code for i in k.items] == ["5.02"]
    assert k.date_of_report == date(2023, 2, 24)


def test_exhibit_alone_is_not_an_8k(sec_dir):
    with pytest.raises(UnsupportedInputError, match="not an 8-K"):
        _read(sec_dir, "8-k/html/BuckleInc_8-K_2024-11-22_EX-99.1.html")


def test_other_form_submission_is_refused(sec_dir):
    with pytest.raises(UnsupportedInputError, match="10-Q is not an 8-K"):
        _read(sec_dir, "other/0000912057-00-023442_10-Q_Apple-Computer.txt")


def test_every_shared_8k_yields_items(sec_dir):
    paths = [p for p in (sec_dir / "8-k").rglob("*") if p.is_file() and "EX-99" not in p.name]
    assert len(paths) >= 30
    for path in paths:
        k = parse_8k(path.read_bytes(), source=path.name)
        assert k.items, path.name
