"""The live EDGAR client against a real HTTP server on 127.0.0.1 serving recorded filings."""

from __future__ import annotations

from datetime import date

import pytest

from infraledger.errors import ConfigError, ParseError, RemoteError
from infraledger.sources.edgar.client import EdgarClient
from infraledger.sources.edgar.registry import read_filing

UA = "Infraledger Tests tests@example.org"


def _client(server, tmp_path, **kw) -> EdgarClient:
    values = dict(user_agent=UA, cache_dir=tmp_path / "cache", base_url=server.url, data_url=server.url,
                  rate=10.0, backoff=0.01, retries=3)
    values.update(kw)
    return EdgarClient(**values)


def test_user_agent_without_contact_email_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="User-Agent with a contact e-mail"):
        EdgarClient(user_agent="infraledger", cache_dir=tmp_path)
    with pytest.raises(ConfigError, match="above the 10 requests"):
        EdgarClient(user_agent=UA, cache_dir=tmp_path, rate=50)


def test_fetch_lists_then_downloads_the_filing_with_the_declared_user_agent(edgar, tmp_path):
    client = _client(edgar, tmp_path)
    fetched = list(client.fetch_filings(edgar.cik, forms=("8-K",), since=date(2026, 3, 1)))
    assert [f.ref.accession for f in fetched] == [edgar.accession]
    assert fetched[0].data == edgar.routes[edgar.filing_path]
    assert not fetched[0].from_cache and fetched[0].path.is_file()
    assert {ua for _, ua, _ in edgar.log} == {UA}
    read = read_filing(fetched[0].data, str(fetched[0].path))
    assert read.contributions[0].source.accession == edgar.accession


def test_nothing_is_fetched_twice(edgar, tmp_path):
    client = _client(edgar, tmp_path)
    list(client.fetch_filings(edgar.cik, forms=("8-K",), since=date(2026, 3, 1)))
    again = list(_client(edgar, tmp_path).fetch_filings(edgar.cik, forms=("8-K",), since=date(2026, 3, 1)))
    assert again[0].from_cache
    assert edgar.requests_to(edgar.filing_path) == 1


def test_429_and_503_are_retried_until_the_filing_arrives(edgar, tmp_path):
    edgar.faults[edgar.filing_path] = ["429", "503", "429"]
    data, cached = _client(edgar, tmp_path).get(edgar.url + edgar.filing_path)
    assert data == edgar.routes[edgar.filing_path] and not cached
    assert edgar.requests_to(edgar.filing_path) == 4


def test_a_body_cut_short_is_fetched_again_and_never_cached_half(edgar, tmp_path):
    edgar.faults[edgar.filing_path] = ["truncate"]
    client = _client(edgar, tmp_path)
    data, _ = client.get(edgar.url + edgar.filing_path)
    assert data == edgar.routes[edgar.filing_path]
    assert edgar.requests_to(edgar.filing_path) == 2
    assert client.cache_path(edgar.url + edgar.filing_path).read_bytes() == data


def test_persistent_failure_is_a_retryable_remote_error_and_leaves_no_cache_file(edgar, tmp_path):
    edgar.faults[edgar.filing_path] = ["503"] * 10
    client = _client(edgar, tmp_path, retries=2)
    with pytest.raises(RemoteError, match="HTTP 503") as caught:
        client.get(edgar.url + edgar.filing_path)
    assert caught.value.retryable
    assert not client.cache_path(edgar.url + edgar.filing_path).exists()
    assert list((tmp_path / "cache").rglob(".part-*")) == []


def test_missing_filing_is_a_404_remote_error(edgar, tmp_path):
    with pytest.raises(RemoteError, match="404"):
        _client(edgar, tmp_path).get(edgar.url + "/Archives/edgar/data/1/2/none.txt")


def test_an_html_error_page_where_json_was_expected_is_a_parse_error(edgar, tmp_path):
    edgar.faults[edgar.submissions_path] = ["html"]
    with pytest.raises(ParseError, match="HTML"):
        _client(edgar, tmp_path).submissions(edgar.cik)


def test_requests_are_spaced_by_the_rate_limit(edgar, tmp_path):
    client = _client(edgar, tmp_path, rate=10.0)
    for _ in range(6):
        client.get(edgar.url + "/files/company_tickers.json", refresh=True)
    times = [t for _, _, t in edgar.log]
    # Six requests at 10/s span at least 0.5 s; one request slowed in transit may shorten the span
    # seen by the server by up to one interval, hence 0.4 s.
    assert times[-1] - times[0] >= 0.4


def test_ticker_map_comes_through_the_client(edgar, tmp_path):
    tickers = _client(edgar, tmp_path).company_tickers()
    assert tickers.cik_for("NVDA") == edgar.cik


def test_daily_index_and_latest_filings_through_the_client(edgar, sec_dir, tmp_path):
    edgar.routes["/Archives/edgar/daily-index/2020/QTR1/form.20200318.idx"] = (
        sec_dir / "other/form.20200318.idx").read_bytes()
    edgar.routes["/cgi-bin/browse-edgar"] = (sec_dir / "other/latest-filings-8-K_atom_2026-07-03.xml").read_bytes()
    client = _client(edgar, tmp_path)
    assert len(client.daily_index(date(2020, 3, 18))) == 4084
    latest = client.latest_filings("8-K", count=10)
    assert latest[0].accession == "0001683168-26-005262"
    assert client.cache_path(edgar.url + "/cgi-bin/browse-edgar?type=8-K") != client.cache_path(
        edgar.url + "/cgi-bin/browse-edgar?type=D")


def test_a_connection_failure_is_one_whole_line(tmp_path):
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = EdgarClient(user_agent=UA, cache_dir=tmp_path / "cache", base_url=f"http://127.0.0.1:{port}",
                         data_url=f"http://127.0.0.1:{port}", backoff=0.01, retries=1)
    with pytest.raises(RemoteError) as err:
        client.submissions(1045810)
    message = str(err.value)
    assert "\n" not in message and "object at 0x" not in message
    assert message.endswith("Connection refused)") or message.endswith("Connection refused")
