"""Fuzzing every reader: any input gives a value or one clean error, never a traceback.

Each reader gets real files (public SEC filings in ``tests/fixtures``, and small documents written for
these tests) mutated by hypothesis (cut, bytes inserted, flipped, deleted, spliced with hostile tokens
such as entity declarations, square-bracket markup, NUL bytes, 39-digit figures), plus free bytes. The
property: the call returns, or raises an :class:`~infraledger.errors.InfraledgerError` whose message is
one line. The number of examples per reader is bounded (see ``EXAMPLES``) so the suite stays fast.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infraledger.errors import InfraledgerError
from infraledger.ledger.datafile import parse_datafile
from infraledger.sources.document import document_from_bytes
from infraledger.sources.edgar.eightk import parse_8k
from infraledger.sources.edgar.formd import parse_form_d
from infraledger.sources.edgar.prospectus import parse_prospectus
from infraledger.sources.edgar.registry import read_filing
from infraledger.sources.edgar.sgml import split_submission
from infraledger.sources.edgar.submissions import parse_submissions
from infraledger.sources.prices import parse_price_csv

SEC = Path(__file__).resolve().parents[1] / "fixtures" / "sec"

#: Examples per reader (FUZZ_EXAMPLES in the environment for a longer run): the module tries
#: EXAMPLES * (number of readers) inputs.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))

HOSTILE = [
    b"<!DOCTYPE x [<!ENTITY a SYSTEM 'file:///etc/passwd'>]>", b"<!ENTITY b '&b;&b;'>", b"&a;", b"]]>",
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3\x28", b"[bold]", b"[/video]", b"[Exclusive]", b"<script>",
    b"9" * 39, b"$1e308", b"$1.123456789123456789 million", b"-$5 million", b"2025-02-30", b"2099-01-01",
    b"<DOCUMENT>", b"</DOCUMENT>", b"<TYPE>8-K", b"<TYPE>424B4", b"begin 644 x\n", b"ITEM 2.01", b"\r",
    b"{", b"[" * 64, b'"amount": "9e999999"', b"\t", b"\n" * 50, "é€😀".encode(), "\u202e".encode(),
]

PROSPECTUS = b"""Filed Pursuant to Rule 424(b)(4)
Registration No. 333-284000

PROSPECTUS

10,000,000 Shares

Quillfeather Systems, Inc.

Common Stock

This is the initial public offering of shares of common stock of Quillfeather Systems, Inc. We are offering
10,000,000 shares of our common stock. The initial public offering price is $18.00 per share.

Our common stock has been approved for listing on the Nasdaq Global Select Market under the symbol "QFTR".

                         Per Share     Total
Public offering price    $18.00        $180,000,000

The date of this prospectus is June 3, 2025.
"""  # a fictional company's cover, in the shape of a real 424B4

RELEASE = (b"PALO VERDE, Calif., June 3, 2025 -- Quillfeather Systems, a maker of liquid-cooling racks, today "
           b"announced it has raised $85 million in a Series C funding round led by Bramblewood Ventures.\n")

PRICES = b"date,ticker,close,open,high,low,volume\n2025-06-02,QFTR,18.50,18.00,19.10,17.90,1200000\n"

DATAFILE = json.dumps({
    "format": "infraledger-data/1",
    "sources": [{"key": "a", "kind": "article", "title": "Quillfeather raises", "published": "2025-06-03"}],
    "entities": [{"name": "Quillfeather Systems", "tickers": ["QFTR"], "cik": 1234567}],
    "facts": [{"source": "a", "type": "funding_round", "subject": "Quillfeather Systems", "amount": "$85 million",
               "time": "2025-06", "status": "completed", "span": [0, 10],
               "counterparties": [{"name": "Bramblewood Ventures", "role": "lead_investor"}]}],
}).encode()


def _apply(seed: bytes, ops: list[tuple[str, int, bytes]]) -> bytes:
    data = bytearray(seed)
    for op, at, chunk in ops:
        at = at % (len(data) + 1)
        if op == "cut":
            del data[at:]
        elif op == "insert":
            data[at:at] = chunk
        elif op == "flip" and at < len(data):
            data[at] ^= chunk[0] if chunk else 0xFF
        elif op == "delete":
            del data[at:at + len(chunk) * 64 + 1]
        elif op == "repeat":
            data[at:at] = bytes(data[at:at + 256]) * 4
    return bytes(data)


_CHUNKS = st.one_of(st.sampled_from(HOSTILE), st.binary(min_size=1, max_size=12))
_OPS = st.lists(st.tuples(st.sampled_from(["cut", "insert", "flip", "delete", "repeat"]),
                          st.integers(min_value=0, max_value=2**20), _CHUNKS), min_size=1, max_size=5)


def mutations(seed: bytes) -> st.SearchStrategy[bytes]:
    """``seed`` changed by a few random edits, or (sometimes) free bytes."""
    return st.one_of(_OPS.map(lambda ops: _apply(seed, ops)), st.binary(max_size=512))


def _clean(call: Callable[[], object]) -> None:
    """The property: ``call`` returns, or raises an InfraledgerError with a one-line message."""
    try:
        call()
    except InfraledgerError as exc:
        message = str(exc)
        assert message and "\n" not in message.strip(), message


def _seed(*parts: str) -> bytes:
    return SEC.joinpath(*parts).read_bytes()


READERS: dict[str, tuple[bytes, Callable[[bytes], object]]] = {
    "document (text)": (RELEASE, lambda b: document_from_bytes(b, name="release.txt")),
    "document (HTML)": (_seed("8-k", "html", "0000887919-21-000012_Premier-Financial-Bancorp_8-K.html"),
                        lambda b: document_from_bytes(b, name="release.html")),
    "Form D XML": (_seed("form-d", "D_Notion-Labs-Inc_2020-04-10.xml"), lambda b: parse_form_d(b, source="d.xml")),
    "SGML full submission": (_seed("form-d", "0001398344-24-000491_D-A_Investure-Opportunity-Fund.nc"),
                             lambda b: split_submission(b, source="s.nc")),
    "8-K": (_seed("8-k", "0000891618-95-000727_8-K_Cisco-Systems.txt"), lambda b: parse_8k(b, source="8k.txt")),
    "prospectus": (PROSPECTUS, lambda b: parse_prospectus(b, source="p.txt", form_type="424B4")),
    "submissions JSON": (_seed("other", "submissions_CIK0000895419_Wolfspeed.json")[:20000] + b"]}}",
                         lambda b: parse_submissions(b, source="sub.json")),
    "EDGAR registry (any file)": (_seed("8-k", "0001193125-19-191922_8-K_Oracle-Corp.txt"),
                                  lambda b: read_filing(b, "filing.txt")),
    "price CSV": (PRICES, lambda b: parse_price_csv(b, name="p.csv")),
    "data file": (DATAFILE, lambda b: parse_datafile(json.loads(b), "d.json")),
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_any_input_gives_a_value_or_one_clean_error(reader):
    seed, read = READERS[reader]

    def data_file(b: bytes) -> object:  # bytes that are not JSON are refused by the file reader, not here
        try:
            return read(b)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
            return None

    call = data_file if reader == "data file" else read

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(mutations(seed))
    def check(data: bytes) -> None:
        _clean(lambda: call(data))

    _clean(lambda: call(seed))  # the seed itself is read
    check()
