"""``edgar parse --format jsonl`` writes a Form D's line from its dataclasses: the same text as its JSON."""

from __future__ import annotations

import pytest

from infraledger.cli.common import json_bytes
from infraledger.cli.edgar import _json_line
from infraledger.errors import InputError, ParseError
from infraledger.sources.edgar.registry import read_filing, read_path
from infraledger.sources.limits import DEFAULT_MAX_BYTES

NOTION = "form-d/D_Notion-Labs-Inc_2020-04-10.xml"


def test_every_filing_of_the_shared_data_prints_the_text_of_its_json(sec_dir):
    read = 0
    for path in sorted(p for p in sec_dir.rglob("*") if p.is_file() and p.suffix != ".md"):
        try:
            filing = read_path(path, max_bytes=DEFAULT_MAX_BYTES)
        except InputError:
            continue
        assert _json_line(filing, False) == json_bytes(filing.to_json(), indent=False), path
        read += 1
    assert read >= 10


def test_a_count_no_json_writer_can_hold_is_one_line_naming_the_file(sec_dir):
    xml = (sec_dir / NOTION).read_bytes().replace(
        b"<totalNumberAlreadyInvested>10<", b"<totalNumberAlreadyInvested>%d<" % 2**70)
    with pytest.raises(ParseError, match=r"big\.xml: Form D holds a value of the wrong type: 1180591620717411303424 "
                                         "is out of range for a count"):
        read_filing(xml, "big.xml")
