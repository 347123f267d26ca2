"""Dates written without their year ("on July 7", "in March", "on Monday"), read against an anchor."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from infraledger.model.fuzzytime import find_times


def labels(text: str, anchor: date) -> list[str]:
    return [ft.label() for _s, _e, ft in find_times(text, anchor, partial=True)]


def test_month_and_day_without_year_falls_in_the_anchor_year():
    assert labels("the purchase closed on December 26 after review", date(2025, 12, 30)) == ["2025-12-26"]


def test_a_month_more_than_three_months_ahead_means_last_year():
    assert labels("In August, the developer raised money", date(2025, 1, 6)) == ["2024-08"]
    assert labels("completed on November 22", date(2024, 1, 8)) == ["2023-11-22"]


def test_a_near_future_date_stays_in_the_anchor_year():
    assert labels("will step down on March 31", date(2025, 2, 10)) == ["2025-03-31"]


def test_weekday_is_the_latest_such_day_on_or_before_the_anchor():
    assert labels("said on Thursday", date(2025, 10, 31)) == ["2025-10-30"]
    assert labels("agreed on Monday", date(2025, 5, 19)) == ["2025-05-19"]


def test_weekday_followed_by_its_date_yields_only_the_date():
    assert labels("agreed on Monday, November 3, to buy", date(2025, 11, 17)) == ["2025-11-03"]


def test_partial_forms_are_off_by_default_and_without_anchor():
    assert find_times("in March it agreed", date(2025, 5, 1)) == []
    assert find_times("in March it agreed", None, partial=True) == []


def test_a_month_name_before_an_amount_is_not_a_day():
    assert labels("May 5.5 billion", date(2025, 5, 1)) == []


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
       st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]))
def test_weekday_reading_is_within_the_week_before_the_anchor(anchor, weekday):
    found = find_times(f"on {weekday}", anchor, partial=True)
    assert len(found) == 1
    day = found[0][2].start
    assert anchor - timedelta(days=6) <= day <= anchor
    assert day.strftime("%A").lower() == weekday


def test_a_quarter_without_year_falls_in_the_anchor_year_or_the_one_before():
    assert labels("in Q1 the chipmaker signed a deal", date(2026, 5, 14)) == ["2026-Q1"]
    assert labels("results for the fourth quarter were weak", date(2026, 2, 1)) == ["2025-Q4"]
    assert labels("in the third quarter of 2024 it grew", date(2026, 2, 1)) == ["2024-Q3"]
    assert labels("Q2 2025 revenue", date(2026, 2, 1)) == ["2025-Q2"]


def test_seasons_with_and_without_their_year():
    assert labels("bought it in the summer of 2024", date(2026, 3, 5)) == ["2024-06/2024-08"]
    assert labels("in autumn 2025 it listed", date(2026, 3, 5)) == ["2025-09/2025-11"]
    # "last spring": the latest spring that had ended
    assert labels("its purchase last spring", date(2026, 3, 5)) == ["2025-03/2025-05"]
    assert labels("its purchase last spring", date(2026, 10, 2)) == ["2026-03/2026-05"]
    assert labels("will close next spring", date(2026, 3, 5)) == ["2027-03/2027-05"]
    assert labels("expected this fall", date(2026, 3, 5)) == ["2026-09/2026-11"]
    assert labels("shares fall 2 pct", date(2026, 3, 5)) == []
