"""The DERA Form D data-set reader gives, filing for filing, the facts the XML reader gives.

The data set is built by tests/fixtures/sec/bulk/build_formd_dataset.py from the real Form D
filings in tests/fixtures/sec/form-d, flattened the way the SEC's readme lays out the tables.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from infraledger.errors import InputTooLargeError, ParseError, UnsupportedInputError
from infraledger.sources.edgar.dera import read_dataset
from infraledger.sources.edgar.facts import filing_source, form_d_facts
from infraledger.sources.edgar.formd import parse_form_d
from infraledger.sources.edgar.registry import read_filing

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sec"
FORM_D = sorted((FIXTURES / "form-d").iterdir())
NC = "0001398344-24-000491"  # the one full submission: accession and filing date from its header


def _builder():
    spec = importlib.util.spec_from_file_location("build_formd_dataset", FIXTURES / "bulk" / "build_formd_dataset.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def dataset():
    data, origin = _builder().build(FORM_D)
    return data, origin, {f.accession: f for f in read_dataset(data)}


def test_every_filing_of_the_data_set_is_read(dataset):
    data, origin, filings = dataset
    assert len(FORM_D) == 7
    assert set(filings) == set(origin)
    assert filings[NC].filed == date(2024, 1, 11) and filings[NC].form.submission_type == "D/A"


def _xml_contribution(path: Path, accession: str, filed: date):
    """What the XML reader makes of the file, given the accession and date its header would give."""
    form = parse_form_d(path.read_bytes(), source=str(path))
    source = filing_source(form_type=form.submission_type, accession=accession, cik=form.issuer.cik, filed=filed,
                           title=f"Form {form.submission_type}: {form.issuer.name}")
    return form, form_d_facts(form, source=source)


@pytest.mark.parametrize("path", FORM_D, ids=lambda p: p.name)
def test_data_set_facts_equal_the_xml_readers_fact_for_fact(dataset, path):
    _, origin, filings = dataset
    accession = next(a for a, p in origin.items() if p == path)
    filing = filings[accession]
    form, expected = _xml_contribution(path, accession, filing.filed)
    got = filing.contribution()
    assert got.facts == expected.facts and len(got.facts) == 1
    assert got.entities == expected.entities
    assert got.source == expected.source
    # The typed form agrees beyond what the facts use.
    for field in ("issuer", "other_issuers", "related_persons", "signatures", "federal_exemptions", "security_types",
                  "total_amount_sold", "total_offering_amount", "date_of_first_sale", "is_amendment",
                  "minimum_investment", "total_investors", "sales_commissions", "finders_fees"):
        assert getattr(filing.form, field) == getattr(form, field), field
    assert [r.name for r in filing.form.sales_compensation] == [r.name for r in form.sales_compensation]


def test_the_full_submission_meets_the_registry_source_but_for_the_content_hash(dataset):
    _, origin, filings = dataset
    read = read_filing(origin[NC].read_bytes(), str(origin[NC]))
    (expected,) = read.contributions
    got = filings[NC].contribution()
    assert got.facts == expected.facts
    assert got.entities == expected.entities
    # Same form, accession, issuer CIK, filed date, title and archive address; a data set has no
    # filing bytes to hash, so only the id and content hash differ.
    assert replace(got.source, id="", content_hash="") == replace(expected.source, id="", content_hash="")
    assert got.source.url.endswith(f"/{NC.replace('-', '')}/{NC}.txt")
    assert expected.source.content_hash and not got.source.content_hash


def test_dates_flags_and_indefinite_amounts_in_the_readme_shapes():
    builder = _builder()
    data, _ = builder.build([FORM_D[0]])
    members = _unzip(data)
    sub = members["2099q1_d/FORMDSUBMISSION.tsv"].splitlines()
    sub[1] = sub[1].replace("11-JAN-2024", "11-JAN-24")
    off = members["2099q1_d/OFFERING.tsv"].splitlines()
    header = off[0].split("\t")
    row = off[1].split("\t")
    row[header.index("TOTALOFFERINGAMOUNT")] = "Indefinite"
    members["2099q1_d/FORMDSUBMISSION.tsv"] = "\n".join(sub) + "\n"
    members["2099q1_d/OFFERING.tsv"] = "\n".join([off[0], "\t".join(row)]) + "\n"
    (filing,) = read_dataset(_zip(members))
    assert filing.filed == date(2024, 1, 11)
    assert filing.form.total_offering_amount is None and filing.form.offering_amount_indefinite
    fact = filing.contribution().facts[0]
    assert fact.attributes["offering_indefinite"] is True


def _unzip(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode() for n in archive.namelist()}


def _zip(members: dict[str, str | bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    bomb = _zip({"FORMDSUBMISSION.tsv": "ACCESSIONNUMBER\n" + "0" * 50_000_000, "ISSUERS.tsv": "ACCESSIONNUMBER\n",
                 "OFFERING.tsv": "ACCESSIONNUMBER\n"})
    assert len(bomb) < 200_000
    with pytest.raises(InputTooLargeError, match="zip bomb"):
        list(read_dataset(bomb))
    with pytest.raises(InputTooLargeError, match="limit of 1,000"):
        list(read_dataset(_zip({"FORMDSUBMISSION.tsv": "ACCESSIONNUMBER\n" + "1\n" * 1000, "ISSUERS.tsv": "x",
                                "OFFERING.tsv": "x"}), max_member_bytes=1000))


def test_a_zip_whose_header_understates_a_member_is_still_bounded(tmp_path):
    members = {"FORMDSUBMISSION.tsv": "ACCESSIONNUMBER\n" + "1\n" * 5000, "ISSUERS.tsv": "ACCESSIONNUMBER\n",
               "OFFERING.tsv": "ACCESSIONNUMBER\n"}
    data = bytearray(_zip(members, zipfile.ZIP_STORED))
    # Rewrite the central directory's uncompressed size of the first member to 10 bytes.
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"ISSUERS.tsv"))
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    with pytest.raises((InputTooLargeError, ParseError)):
        list(read_dataset(bytes(data), max_member_bytes=1000))


def test_other_zips_and_broken_tables_are_one_line_errors():
    with pytest.raises(UnsupportedInputError, match="no FORMDSUBMISSION, ISSUERS, OFFERING"):
        list(read_dataset(_zip({"readme.htm": "<html></html>"})))
    with pytest.raises(ParseError, match="not a readable zip"):
        list(read_dataset(b"PK\x03\x04 not really"))
    orphan = _zip({"FORMDSUBMISSION.tsv": "ACCESSIONNUMBER\tSUBMISSIONTYPE\n0000000000-99-000001\tD\n",
                   "ISSUERS.tsv": "ACCESSIONNUMBER\n", "OFFERING.tsv": "ACCESSIONNUMBER\n"})
    with pytest.raises(ParseError, match="no OFFERING or ISSUERS row"):
        list(read_dataset(orphan))


def test_the_data_set_is_read_from_a_path_too(tmp_path, dataset):
    data, origin, filings = dataset
    path = tmp_path / "2099q1_d.zip"
    path.write_bytes(data)
    assert [f.accession for f in read_dataset(path)] == list(origin)


def test_a_data_set_goes_into_the_ledger_once_and_meets_the_filing_itself(dataset, tmp_path):
    from infraledger.ledger import open_ledger
    from infraledger.model.events import FactType
    from infraledger.sources.edgar.ingest import ingest

    data, origin, filings = dataset
    with open_ledger(tmp_path / "l.duckdb") as store:
        added = [ingest(store, f.contribution()).facts_added for f in read_dataset(data)]
        assert added == [1] * 7
        assert [ingest(store, f.contribution()).facts_added for f in read_dataset(data)] == [0] * 7
        # The full submission read afterwards reports the same offering at the same date: it
        # supersedes the data set's fact, and the ledger still shows one raise for the issuer.
        (xml,) = read_filing(origin[NC].read_bytes(), str(origin[NC])).contributions
        result = ingest(store, xml)
        assert result.facts_added == 1 and result.superseded == 1
        issuer = xml.facts[0].subject_id
        visible = store.snapshot().facts(types=[FactType.FUNDING_ROUND], entity=issuer)
        assert len(visible) == 1 and visible[0].source_id == xml.source.id
