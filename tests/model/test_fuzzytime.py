from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infraledger.errors import InputError
from infraledger.model import FuzzyTime, Precision, find_times, parse_label, parse_time

ANCHOR = date(2026, 3, 10)


@pytest.mark.parametrize("text, start, end, precision", [
    ("September 17, 2025", "2025-09-17", "2025-09-17", "day"),
    ("17 September 2025", "2025-09-17", "2025-09-17", "day"),
    ("March 2025", "2025-03-01", "2025-03-31", "month"),
    ("Q4 2025", "2025-10-01", "2025-12-31", "quarter"),
    ("the first quarter of 2026", "2026-01-01", "2026-03-31", "quarter"),
    ("H1 2026", "2026-01-01", "2026-06-30", "half"),
    ("second half of 2025", "2025-07-01", "2025-12-31", "half"),
    ("mid-2025", "2025-04-01", "2025-09-30", "half"),
    ("early 2026", "2026-01-01", "2026-03-31", "quarter"),
    ("late 2025", "2025-10-01", "2025-12-31", "quarter"),
    ("in 2025", "2025-01-01", "2025-12-31", "year"),
    ("fiscal 2026", "2026-01-01", "2026-12-31", "year"),
    ("2025–2026", "2025-01-01", "2026-12-31", "range"),
    ("earlier this month", "2026-03-01", "2026-03-10", "range"),
    ("year-to-date", "2026-01-01", "2026-03-10", "range"),
    ("last year", "2025-01-01", "2025-12-31", "year"),
    ("yesterday", "2026-03-09", "2026-03-09", "day"),
    ("last month", "2026-02-01", "2026-02-28", "month"),
    ("three months ago", "2025-12-01", "2025-12-31", "month"),
])
def test_parse_time_reads_absolute_and_relative_forms(text, start, end, precision):
    t = parse_time(text, ANCHOR)
    assert (t.start.isoformat(), t.end.isoformat(), t.precision.value) == (start, end, precision)


def test_fiscal_year_follows_the_company_year_end():
    t = parse_time("fiscal 2026", fiscal_year_end=6)
    assert (t.start, t.end) == (date(2025, 7, 1), date(2026, 6, 30))


def test_relative_dates_need_an_anchor():
    with pytest.raises(InputError, match="anchor"):
        parse_time("earlier this month")


def test_labels_use_the_evaluation_shape():
    assert parse_time("early 2026").label() == "2026-Q1"
    assert parse_time("March 2025").label() == "2025-03"
    assert parse_time("H2 2025").label() == "2025-H2"
    assert parse_time("mid-2025").label() == "2025-04/2025-09"


def test_find_times_prefers_the_most_precise_reading():
    text = "signed on September 17, 2025 and closed in Q1 2026"
    assert [t.label() for _, _, t in find_times(text)] == ["2025-09-17", "2026-Q1"]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)))
def test_day_labels_round_trip(d):
    assert parse_label(FuzzyTime.day(d).label()) == FuzzyTime.day(d, d.isoformat())


@given(st.integers(1990, 2090), st.integers(1, 12))
def test_month_contains_its_days(year, month):
    t = parse_time(f"{date(year, month, 1):%B} {year}")
    assert t.precision is Precision.MONTH
    assert t.contains(date(year, month, 1)) and t.start.month == month == t.end.month


@given(st.integers(1990, 2090), st.integers(1, 4))
def test_quarter_labels_round_trip(year, q):
    t = parse_time(f"Q{q} {year}")
    assert parse_label(t.label()).start == t.start and parse_label(t.label()).end == t.end


def test_interval_cannot_end_before_it_starts():
    with pytest.raises(InputError):
        FuzzyTime(date(2026, 1, 2), date(2026, 1, 1), Precision.RANGE)
