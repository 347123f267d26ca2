"""The nightly submissions.zip, read one company at a time into records the resolver uses: a company
named by a former name resolves to the company once its record is loaded."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from infraledger.errors import InputTooLargeError, ParseError
from infraledger.ledger import open_ledger
from infraledger.model import CandidateFact, FactType, Source
from infraledger.resolve import Resolver, SecDirectory
from infraledger.sources.edgar.bulk_submissions import (
    FormerName,
    load_into,
    read_submissions_zip,
    records_batch,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sec"
WOLFSPEED = FIXTURES / "other" / "submissions_CIK0000895419_Wolfspeed.json"
CIK = 895419


def _zip(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.fixture()
def bulk(tmp_path) -> Path:
    """A submissions.zip as the SEC lays it out: CIK##########.json per company, plus older filing pages."""
    page = json.dumps({"accessionNumber": ["0000895419-01-000001"], "form": ["10-K"]}).encode()
    small = json.dumps({"cik": "1045810", "name": "NVIDIA CORP", "tickers": ["NVDA"], "exchanges": ["Nasdaq"],
                        "formerNames": []}).encode()
    path = tmp_path / "submissions.zip"
    path.write_bytes(_zip({"CIK0000895419.json": WOLFSPEED.read_bytes(), "CIK0000895419-submissions-001.json": page,
                           "CIK0001045810.json": small}))
    return path


def test_records_carry_name_tickers_and_former_names_with_dates(bulk):
    records = list(read_submissions_zip(bulk))
    assert [r.cik for r in records] == [CIK, 1045810]  # the older filing page is skipped
    wolf = records[0]
    assert (wolf.name, wolf.tickers, wolf.exchanges) == ("WOLFSPEED, INC.", ("WOLF",), ("NYSE",))
    assert wolf.former_names[0] == FormerName("CREE, INC.", date(2019, 8, 20), date(2021, 10, 1))
    assert [f.name for f in wolf.former_names] == ["CREE, INC.", "CREE INC", "CREE RESEARCH INC /NC/"]
    entity = wolf.entity()
    assert entity.id == f"cik:{CIK}" and entity.aliases == ("CREE, INC.", "CREE INC", "CREE RESEARCH INC /NC/")
    assert entity.tickers == ("WOLF",)


def test_a_former_name_resolves_to_the_company_once_the_record_is_loaded(bulk):
    resolver = Resolver()
    assert resolver.resolve("Cree Research Inc").created  # unknown before: a new entity of its own
    resolver = Resolver()
    assert load_into(resolver, read_submissions_zip(bulk)) == 2
    for old in ("Cree, Inc.", "CREE INC", "Cree Research Inc"):
        found = resolver.resolve(old)
        assert (found.entity.id, found.method, found.created) == (f"cik:{CIK}", "alias", False), old
    assert resolver.resolve("WOLF").entity.id == f"cik:{CIK}"


def test_a_known_entity_keeps_its_id_and_gains_the_former_names(bulk):
    known = Resolver()
    article = known.resolve("Wolfspeed, Inc.").entity  # learnt from an article, by name only
    load_into(known, read_submissions_zip(bulk))
    merged = known.resolve("Cree Inc").entity
    assert merged.id == article.id and merged.cik == CIK and "CREE RESEARCH INC /NC/" in merged.aliases


def test_the_sec_directory_takes_the_records_too(bulk):
    directory = SecDirectory.from_entries([r.directory_entry() for r in read_submissions_zip(bulk)])
    found = Resolver(directory=directory).resolve("Cree Research Inc")
    assert found.entity.cik == CIK and found.method == "sec_name"


def _fact(subject: str) -> CandidateFact:
    return CandidateFact(type=FactType.ACQUISITION, subject=subject, evidence=f"{subject} completed the acquisition")


def test_in_the_ledger_a_filing_under_a_former_name_meets_the_company(bulk, tmp_path):
    with open_ledger(tmp_path / "l.duckdb") as store:
        result = store.append(*records_batch(read_submissions_zip(bulk), content=bulk.read_bytes()))
        assert result.entities_added == 2 and result.facts_added == 0
        filing = Source.new("sec_filing", content=b"an 8-K of 2005", title="8-K filed under the old name",
                            form_type="8-K", accession="0000895419-05-000001")
        store.append(filing, [_fact("CREE INC")])
        (fact,) = store.snapshot().facts()
        assert fact.subject_id == f"cik:{CIK}"
        # Loading the same records again adds nothing.
        again = store.append(*records_batch(read_submissions_zip(bulk), content=bulk.read_bytes()))
        assert again.entities_added == 0 and not again.source_added


def test_a_bad_member_is_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "submissions.zip"
    path.write_bytes(_zip({"CIK0000000001.json": b"{not json", "CIK0000895419.json": WOLFSPEED.read_bytes(),
                           "CIK0000000002.json": b'{"name": "NO CIK"}'}))
    with pytest.raises(ParseError, match="CIK0000000001.json: not valid JSON"):
        list(read_submissions_zip(path))
    errors: list[str] = []
    assert [r.cik for r in read_submissions_zip(path, errors=errors)] == [CIK]
    assert len(errors) == 2 and "no cik" in errors[1]


def test_members_past_the_bounds_are_refused_before_inflating(tmp_path):
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_zip({"CIK0000000001.json": b" " * 30_000_000}))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(InputTooLargeError, match="zip bomb"):
        list(read_submissions_zip(bomb))
    with pytest.raises(InputTooLargeError, match="limit of 1,000 bytes"):
        list(read_submissions_zip(io.BytesIO(_zip({"CIK0000895419.json": WOLFSPEED.read_bytes()})),
                                  max_member_bytes=1000))
    with pytest.raises(ParseError, match="not a readable zip"):
        list(read_submissions_zip(io.BytesIO(b"not a zip")))


class _Unseekable(io.RawIOBase):
    """A write-only stream: zipfile then writes each member's sizes after its data (a data descriptor)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.chunks.append(bytes(data))
        return len(data)


def _members(**kw) -> dict[str, bytes]:
    return {"CIK0000895419.json": WOLFSPEED.read_bytes(),
            "CIK0001045810.json": b'{"cik": 1045810, "name": "NVIDIA CORP", "tickers": ["NVDA"]}', **kw}


@pytest.mark.parametrize("layout", ["deflated", "stored", "streamed", "zip64"])
def test_the_archive_is_read_front_to_back_in_every_layout_writers_use(layout):
    members = _members()
    if layout == "streamed":
        out = _Unseekable()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        data = b"".join(out.chunks)
        assert data[6] & 0x8  # the first member's sizes follow its data
    elif layout == "zip64":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, payload in members.items():
                with archive.open(name, "w", force_zip64=True) as handle:
                    handle.write(payload)
        data = buf.getvalue()
    else:
        data = _zip(members, zipfile.ZIP_STORED if layout == "stored" else zipfile.ZIP_DEFLATED)
    records = list(read_submissions_zip(io.BytesIO(data)))
    assert [(r.cik, r.name) for r in records] == [(CIK, "WOLFSPEED, INC."), (1045810, "NVIDIA CORP")]
    assert records[0].former_names[-1].name == "CREE RESEARCH INC /NC/"


def test_a_cut_or_encrypted_archive_is_one_line():
    data = _zip(_members())
    with pytest.raises(ParseError, match="cut short"):
        list(read_submissions_zip(io.BytesIO(data[: len(data) // 2])))
    encrypted = bytearray(data)
    encrypted[6] |= 0x1
    with pytest.raises(ParseError, match="encrypted"):
        list(read_submissions_zip(io.BytesIO(bytes(encrypted))))


def test_a_header_that_understates_a_member_does_not_lift_the_bound():
    data = bytearray(_zip({"CIK0000895419.json": WOLFSPEED.read_bytes()}))
    data[22:26] = (10).to_bytes(4, "little")  # the local header's uncompressed size: 10 bytes
    with pytest.raises(InputTooLargeError, match="limit of 1,000 bytes"):
        list(read_submissions_zip(io.BytesIO(bytes(data)), max_member_bytes=1000))
