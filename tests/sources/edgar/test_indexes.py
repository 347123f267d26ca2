"""EDGAR's full indexes (daily and quarterly form.idx / master.idx, plain or gzip), the filing selection and
the choice of index files, and the client methods that fetch them from a server on 127.0.0.1."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from infraledger.errors import InputError, InputTooLargeError, ParseError, UnsupportedInputError
from infraledger.sources.edgar.client import EdgarClient
from infraledger.sources.edgar.indexes import (
    IndexPeriod,
    daily_index_path,
    index_periods,
    inflate,
    parse_index,
    quarterly_index_path,
    select,
)

BULK = Path(__file__).resolve().parents[2] / "fixtures" / "sec" / "bulk"
UA = "Infraledger Tests tests@example.org"


def _rows(refs):
    return [(r.form, r.company, r.cik, r.filed, r.accession) for r in refs]


def test_form_and_master_index_of_a_day_list_the_same_filings():
    form = parse_index((BULK / "form.20240111.idx").read_bytes())
    master = parse_index((BULK / "master.20240111.idx").read_bytes())
    assert len(form) == 4 and sorted(_rows(form)) == sorted(_rows(master))
    investure = next(r for r in form if r.form == "D/A")
    assert (investure.cik, investure.accession, investure.filed) == (1296490, "0001398344-24-000491", date(2024, 1, 11))
    assert investure.company == "INVESTURE OPPORTUNITY FUND, LP"
    # A company name holding a '|' does not shift master.idx's fields.
    assert next(r for r in master if r.form == "10-Q").company == "EXAMPLE HOLDINGS | PARTNERS"


def test_quarterly_indexes_with_iso_dates_and_their_gzip_variants():
    form = parse_index((BULK / "form.2019QTR3.idx").read_bytes())
    master = parse_index(gzip.compress((BULK / "master.2019QTR3.idx").read_bytes()))
    assert sorted(_rows(form)) == sorted(_rows(master))
    oracle = next(r for r in form if r.cik == 1341439)
    assert (oracle.form, oracle.filed, oracle.accession) == ("8-K", date(2019, 7, 10), "0001193125-19-191922")


def test_the_real_daily_index_from_the_shared_set(sec_dir):
    refs = parse_index(gzip.compress((sec_dir / "other/form.20200318.idx").read_bytes()))
    assert len(refs) == 4084
    # A day's index lists what was disseminated that day, a few filings with an earlier filing date among them.
    late = [r for r in refs if r.filed != date(2020, 3, 18)]
    assert len(late) == 144 and all(r.filed < date(2020, 3, 18) for r in late)
    eight_k = [r for r in refs if r.form in ("8-K", "8-K/A")]
    # A filing made for several registrants is listed once per filer; it is taken once.
    assert len(eight_k) == 245 and len(select(refs, forms=["8-K"])) == len({r.accession for r in eight_k}) == 242


def test_select_by_form_with_amendments_date_range_and_cik():
    refs = parse_index((BULK / "form.20240111.idx").read_bytes()) + parse_index((BULK / "form.2019QTR3.idx").read_bytes())
    assert [r.form for r in select(refs, forms=["d"])] == ["D/A", "D"]
    assert [r.form for r in select(refs, forms=["D"], amendments=False)] == ["D"]
    assert [r.form for r in select(refs, forms=["D/A"])] == ["D/A"]
    summer = select(refs, forms=["8-K", "D"], since=date(2019, 7, 1), until=date(2019, 8, 31))
    assert [r.accession for r in summer] == ["0001193125-19-191922", "0009999006-19-000006"]
    assert [r.cik for r in select(refs, ciks=[1341439, 1296490])] == [1296490, 1341439]
    assert len(select(refs + refs)) == len(refs)  # a filing listed twice is taken once


def test_index_periods_take_whole_past_quarters_and_weekdays_otherwise():
    periods = index_periods(date(2019, 6, 28), date(2019, 10, 2), today=date(2026, 1, 1))
    assert [p.label() for p in periods] == ["2019-06-28", "2019 Q3", "2019-10-01", "2019-10-02"]
    assert periods[1] == IndexPeriod(2019, 3) and periods[1].is_quarter
    # The quarter under way is read day by day, weekends left out.
    current = index_periods(date(2026, 1, 1), date(2026, 3, 31), today=date(2026, 3, 31))
    assert all(not p.is_quarter and p.day.weekday() < 5 for p in current) and len(current) == 64
    with pytest.raises(InputError, match="before --since"):
        index_periods(date(2020, 1, 2), date(2020, 1, 1), today=date(2026, 1, 1))


def test_index_paths():
    assert daily_index_path(date(2024, 1, 11)) == "/Archives/edgar/daily-index/2024/QTR1/form.20240111.idx"
    assert daily_index_path(date(2024, 8, 1), "master", compressed=True).endswith("/2024/QTR3/master.20240801.idx.gz")
    assert quarterly_index_path(2019, 3) == "/Archives/edgar/full-index/2019/QTR3/form.idx"
    assert quarterly_index_path(2019, 3, "master", compressed=True).endswith("/2019/QTR3/master.gz")
    with pytest.raises(InputError):
        quarterly_index_path(2019, 5)
    with pytest.raises(InputError):
        daily_index_path(date(2024, 1, 11), "company")


def test_gzip_is_inflated_with_a_bound_and_bad_input_is_one_line():
    bomb = gzip.compress(b"x" * 5_000_000)
    with pytest.raises(InputTooLargeError):
        inflate(bomb, max_bytes=1_000_000)
    with pytest.raises(ParseError, match="truncated gzip"):
        inflate(gzip.compress(b"y" * 1000)[:-20], max_bytes=10_000)
    with pytest.raises(UnsupportedInputError, match="not an EDGAR form.idx or master.idx"):
        parse_index(b"<html>rate limited</html>")
    broken = (BULK / "master.20240111.idx").read_text().replace("1296490|", "12x6490|")
    with pytest.raises(ParseError, match="cannot read CIK"):
        parse_index(broken.encode())


def test_client_reads_daily_and_quarterly_indexes_through_the_cache(recorded_edgar, tmp_path):
    with recorded_edgar() as server:
        server.routes[daily_index_path(date(2024, 1, 11), "master")] = (BULK / "master.20240111.idx").read_bytes()
        server.routes[quarterly_index_path(2019, 3, compressed=True)] = gzip.compress(
            (BULK / "form.2019QTR3.idx").read_bytes())
        client = EdgarClient(user_agent=UA, cache_dir=tmp_path / "cache", base_url=server.url, data_url=server.url,
                             backoff=0.01, retries=1)
        day = client.daily_index(date(2024, 1, 11), "master")
        quarter = client.quarterly_index(2019, 3, compressed=True)
        assert len(day) == 4 and len(quarter) == 4
        again = EdgarClient(user_agent=UA, cache_dir=tmp_path / "cache", base_url=server.url, data_url=server.url)
        assert again.daily_index(date(2024, 1, 11), "master") == day
        assert again.quarterly_index(2019, 3, compressed=True) == quarter
        assert len(server.log) == 2  # the second client read both from the cache


def test_a_missing_daily_index_is_remembered_only_once_the_day_is_settled(recorded_edgar, tmp_path):
    from datetime import timedelta

    from infraledger.errors import RemoteError

    recent = date.today() - timedelta(days=1)
    with recorded_edgar() as server:
        client = EdgarClient(user_agent=UA, cache_dir=tmp_path / "cache", base_url=server.url, data_url=server.url,
                             backoff=0.01, retries=1)
        for _ in range(2):
            with pytest.raises(RemoteError) as old:
                client.daily_index(date(2024, 1, 13))  # a Saturday long ago
            with pytest.raises(RemoteError):
                client.daily_index(recent)  # may still be published: asked again each time
        assert old.value.status == 404 and "remembered" in str(old.value)
        assert server.requests_to(daily_index_path(date(2024, 1, 13))) == 1
        assert server.requests_to(daily_index_path(recent)) == 2
        # Today's index grows during the day: it is fetched again, not read from the cache.
        server.routes[daily_index_path(date.today())] = (BULK / "form.20240111.idx").read_bytes()
        assert len(client.daily_index(date.today())) == 4
        assert len(client.daily_index(date.today())) == 4
        assert server.requests_to(daily_index_path(date.today())) == 2
