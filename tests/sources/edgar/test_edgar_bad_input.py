"""Bad input: every problem is one InputError naming the file; entities are never expanded or fetched."""

from __future__ import annotations

import os
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infraledger.errors import (
    InputError,
    InputTooLargeError,
    ParseError,
    UnsupportedInputError,
)
from infraledger.sources.edgar.formd import parse_form_d
from infraledger.sources.edgar.registry import read_filing, read_path

NOTION = "form-d/D_Notion-Labs-Inc_2020-04-10.xml"


@pytest.fixture(scope="module")
def form_d(sec_dir) -> bytes:
    return (sec_dir / NOTION).read_bytes()


def _with_doctype(xml: bytes, doctype: bytes) -> bytes:
    head, sep, rest = xml.partition(b"?>")
    return head + sep + b"\n" + doctype + rest


def test_entity_bomb_is_refused_without_expansion(form_d):
    bomb = (b'<!DOCTYPE edgarSubmission [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
    data = _with_doctype(form_d, bomb).replace(b"<entityName>Notion Labs, Inc.</entityName>",
                                               b"<entityName>&d;</entityName>")
    with pytest.raises(ParseError, match=r"bomb\.xml: .*DTD or entity declaration is refused"):
        read_filing(data, "bomb.xml")


def test_external_entity_is_never_fetched(form_d, recorded_edgar):
    with recorded_edgar() as server:
        server.routes["/secret"] = b"SECRET"
        doctype = f'<!DOCTYPE edgarSubmission [<!ENTITY x SYSTEM "{server.url}/secret">]>'.encode()
        data = _with_doctype(form_d, doctype).replace(b"<entityName>Notion Labs, Inc.</entityName>",
                                                      b"<entityName>&x;</entityName>")
        with pytest.raises(ParseError, match="xxe.xml: .*refused"):
            read_filing(data, "xxe.xml")
        assert server.log == []


def test_external_entity_without_a_doctype_keyword_in_the_usual_case_is_still_refused(form_d):
    sneaky = _with_doctype(form_d, b'<!doctype edgarSubmission SYSTEM "file:///etc/passwd">')
    with pytest.raises(ParseError, match="refused"):
        parse_form_d(sneaky, source="sneaky.xml")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.integers(min_value=0, max_value=10_000), keyword=st.sampled_from(["DOCTYPE", "doctype", "ENTITY",
       "Entity"]), space=st.sampled_from(["", " ", "\n\t"]), bangs=st.booleans())
def test_a_declaration_anywhere_is_refused_also_among_other_exclamation_marks(form_d, where, keyword, space, bangs):
    if bangs:  # "!" elsewhere in the document must not hide a declaration from the check
        form_d = form_d.replace(b"Notion Labs, Inc.", b"Notion Labs! Inc.").replace(b"<cik>", b"<!-- ! --><cik>")
    ends = [i + 1 for i, byte in enumerate(form_d) if byte == ord(">")]
    at = ends[where % len(ends)]
    declaration = f"<!{space}{keyword} x [<!ENTITY y 'z'>]>".encode()
    with pytest.raises(ParseError, match=r"decl\.xml: XML with a DTD or entity declaration is refused"):
        parse_form_d(form_d[:at] + declaration + form_d[at:], source="decl.xml")


def test_exclamation_marks_and_comments_without_a_declaration_read_normally(form_d):
    plain = parse_form_d(form_d, source="plain.xml")
    marked = parse_form_d(form_d.replace(b"Notion Labs, Inc.", b"Notion Labs! Inc.")
                          .replace(b"<cik>", b"<!-- filed! --><cik>"), source="marked.xml")
    assert marked.issuer.name == "Notion Labs! Inc."
    assert marked.issuer.cik == plain.issuer.cik == 1781814
    assert marked.related_persons == plain.related_persons


def test_truncated_xml_is_named_as_truncated(form_d):
    with pytest.raises(ParseError, match=r"cut\.xml: truncated XML"):
        read_filing(form_d[: len(form_d) // 2], "cut.xml")


def test_wrong_encoding_is_named(form_d):
    data = form_d.replace(b"Notion Labs, Inc.", "Notion Labs, Caf\u00e9 Inc.".encode("cp1252"))
    with pytest.raises(ParseError, match=r"latin\.xml: wrong encoding"):
        read_filing(data, "latin.xml")


def test_html_page_where_xml_was_expected(sec_dir):
    html = (sec_dir / "8-k/html/BuckleInc_8-K_2024-11-22.html").read_bytes()
    with pytest.raises(ParseError, match=r"primary_doc\.xml: an HTML page, not XML"):
        read_filing(html, "primary_doc.xml")
    with pytest.raises(ParseError, match="HTML page"):
        parse_form_d(b"\n<!DOCTYPE html><html><body>Too many requests</body></html>", source="x.xml")


def test_form_type_we_do_not_read_is_named(sec_dir):
    path = sec_dir / "other/0000912057-00-023442_10-Q_Apple-Computer.txt"
    with pytest.raises(UnsupportedInputError, match=r"10-Q_Apple-Computer\.txt: form type 10-Q is not read"):
        read_path(path, max_bytes=50_000_000)


def test_other_edgar_xml_is_not_taken_for_a_form_d(sec_dir):
    with pytest.raises(UnsupportedInputError, match="SCHEDULE 13D is not a Form D"):
        read_path(sec_dir / "other/Schedule13D_Seaport-Therapeutics.xml", max_bytes=50_000_000)


def test_file_over_the_size_bound_is_refused_before_reading(sec_dir):
    with pytest.raises(InputTooLargeError, match="more than the limit of 1,000 bytes"):
        read_path(sec_dir / NOTION, max_bytes=1000)


def _pipe_of(tmp_path, data: bytes):
    """A named pipe (its size is not known up front) that a thread fills with ``data``."""
    path = tmp_path / "filing.xml"
    os.mkfifo(path)

    def fill() -> None:
        with open(path, "wb") as pipe:
            try:
                pipe.write(data)
            except BrokenPipeError:  # the reader stopped at the limit
                pass

    writer = threading.Thread(target=fill, daemon=True)
    writer.start()
    return path, writer


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_input_whose_size_is_not_known_is_read_to_the_limit_and_no_further(tmp_path, form_d):
    path, writer = _pipe_of(tmp_path, form_d)
    assert read_path(path, max_bytes=len(form_d)).kind == "form_d"
    writer.join(5)
    path.unlink()
    path, writer = _pipe_of(tmp_path, form_d + b" " * 5000)
    with pytest.raises(InputTooLargeError, match=f"filing.xml: more than the limit of {len(form_d):,} bytes"):
        read_path(path, max_bytes=len(form_d))
    writer.join(5)


def test_empty_and_garbage_json(tmp_path):
    with pytest.raises(ParseError, match="empty"):
        read_filing(b"  \n", "empty.xml")
    with pytest.raises(ParseError, match=r"half\.json: not valid EDGAR JSON"):
        read_filing(b'{"cik": "0001045810", "filings": {"recent": ', "half.json")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=10_000), flips=st.lists(
    st.tuples(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=255)), max_size=4))
def test_damaged_form_d_raises_only_input_errors(form_d, cut, flips):
    data = bytearray(form_d[: max(1, len(form_d) - cut)])
    for pos, value in flips:
        data[pos % len(data)] = value
    try:
        form = parse_form_d(bytes(data), source="damaged.xml")
    except InputError as exc:
        assert str(exc).startswith("damaged.xml: ")
    else:
        assert form.issuer is not None
