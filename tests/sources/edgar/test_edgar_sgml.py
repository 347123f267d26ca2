"""Full-submission splitting on real EDGAR .txt/.nc files, uudecoding, and properties of both."""

from __future__ import annotations

import binascii
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infraledger.errors import ParseError
from infraledger.sources.edgar.sgml import (
    decode_text,
    is_submission,
    split_submission,
    uudecode,
)


def test_split_header_and_documents_of_a_modern_8k(sec_dir):
    sub = split_submission((sec_dir / "8-k/0000320193-24-000005_8-K_Apple-Inc.txt").read_bytes())
    assert sub.header.accession == "0000320193-24-000005"
    assert sub.header.form_type == "8-K"
    assert sub.header.filed.isoformat() == "2024-02-01"
    assert sub.header.filer.cik == 320193
    assert sub.header.filer.name == "Apple Inc."
    assert "APPLE COMPUTER INC" in sub.header.filer.former_names
    assert [d.type for d in sub.documents][:2] == ["8-K", "EX-99.1"]
    assert sub.primary.filename == "aapl-20240201.htm"
    assert sub.find("ex-99")[0].sequence == 2


def test_split_reads_the_tagged_header_of_an_nc_file(sec_dir):
    sub = split_submission((sec_dir / "form-d/0001398344-24-000491_D-A_Investure-Opportunity-Fund.nc").read_bytes())
    assert sub.header.accession == "0001398344-24-000491"
    assert sub.header.form_type == "D/A"
    assert sub.header.filer is not None and sub.header.filer.cik is not None
    assert any(d.is_xml for d in sub.documents)


def test_uuencoded_parts_are_decoded_to_real_binaries(sec_dir):
    sub = split_submission((sec_dir / "8-k/0000320193-24-000005_8-K_Apple-Inc.txt").read_bytes())
    graphic = next(d for d in sub.documents if d.type == "GRAPHIC")
    assert graphic.is_uuencoded
    assert graphic.content()[:3] == b"\xff\xd8\xff"  # a JPEG
    zipped = next(d for d in sub.documents if d.type == "ZIP")
    assert zipped.content()[:2] == b"PK"


def test_every_shared_submission_splits_with_bodies_inside_the_file(sec_dir):
    files = [p for p in sec_dir.rglob("*") if p.is_file() and p.suffix in (".txt", ".nc")]
    files = [p for p in files if is_submission(p.read_bytes()[:4096])]
    assert len(files) >= 30
    for path in files:
        data = path.read_bytes()
        sub = split_submission(data, source=path.name)
        assert sub.documents, path.name
        assert sub.header.form_type, path.name
        for doc in sub.documents:
            assert 0 <= doc.start <= doc.end <= len(data)
            assert b"</TEXT>" not in doc.raw[-7:]


def test_truncated_submission_is_a_parse_error_naming_the_file(sec_dir):
    data = (sec_dir / "8-k/0000891020-98-001352_8-K_Amazon-com.txt").read_bytes()
    with pytest.raises(ParseError, match="cut.txt: truncated submission"):
        split_submission(data[: len(data) // 2], source="cut.txt")


def test_truncated_uuencoded_part_is_refused():
    encoded = b"begin 644 x.bin\n" + binascii.b2a_uu(b"hello world")
    with pytest.raises(ParseError, match="truncated"):
        uudecode(encoded)


def test_decode_text_falls_back_to_windows_1252():
    assert decode_text("café".encode("cp1252")) == "café"
    assert decode_text("café".encode()) == "café"


@settings(max_examples=60, deadline=None)
@given(st.binary(min_size=0, max_size=2000))
def test_uudecode_inverts_uuencode(payload):
    lines = [binascii.b2a_uu(payload[i:i + 45]) for i in range(0, len(payload), 45)]
    body = b"begin 644 part.bin\n" + b"".join(lines) + b"`\nend\n"
    name, out = uudecode(body)
    assert name == "part.bin"
    assert out == payload


_doc_text = st.text(alphabet=st.characters(blacklist_characters="<>", blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["8-K", "EX-99.1", "EX-10.1", "GRAPHIC"]), _doc_text), min_size=1,
                max_size=6))
def test_split_recovers_every_document_body(docs):
    parts = [b"<SEC-DOCUMENT>0000000000-24-000001.txt : 20240101\n<SEC-HEADER>\n"
             b"ACCESSION NUMBER:\t\t0000000000-24-000001\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n"]
    for n, (kind, body) in enumerate(docs, 1):
        parts.append(f"<DOCUMENT>\n<TYPE>{kind}\n<SEQUENCE>{n}\n<FILENAME>d{n}.htm\n<TEXT>\n".encode()
                     + body.encode() + b"</TEXT>\n</DOCUMENT>\n")
    sub = split_submission(b"".join(parts) + b"</SEC-DOCUMENT>\n")
    assert [(d.type, d.sequence, d.filename) for d in sub.documents] == [
        (kind, n, f"d{n}.htm") for n, (kind, _) in enumerate(docs, 1)]
    assert [d.raw.decode() for d in sub.documents] == [body for _, body in docs]
    assert sub.header.accession == "0000000000-24-000001"


def test_split_keeps_bodies_as_views_of_the_one_buffer(sec_dir):
    data = (sec_dir / "8-k/0001193125-14-242424_8-K_Oracle-Corp.txt").read_bytes()
    sub = split_submission(data)
    joined = hashlib.sha256(b"".join(d.raw for d in sub.documents)).hexdigest()
    assert all(d.buffer is data for d in sub.documents)
    assert joined == hashlib.sha256(b"".join(data[d.start:d.end] for d in sub.documents)).hexdigest()
