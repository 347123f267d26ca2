"""Fuzzy time: when something happened, as precisely as the source says.

A :class:`FuzzyTime` is a closed date interval with a precision and the text it was read from.
:func:`parse_time` reads absolute forms ("September 17, 2025", "March 2025", "Q4 2025",
"first half of 2026", "mid-2025", "early 2026", "fiscal 2026", "in 2025", "2025-2026") and
relative forms resolved against an anchor date, normally the document's date ("earlier this
month", "last year", "year-to-date", "yesterday", "last week", "this quarter").
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from ..errors import InputError
from .casefold import lowered


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class FuzzyTime:
    """A closed interval ``[start, end]`` of days, with the precision the source gave."""

    start: date
    end: date
    precision: Precision
    text: str = ""
    anchor: date | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InputError(f"time interval ends before it starts: {self.start} > {self.end}")

    # -- constructors ---------------------------------------------------------------------
    @classmethod
    def day(cls, d: date, text: str = "") -> "FuzzyTime":
        return cls(d, d, Precision.DAY, text)

    @classmethod
    def month(cls, year: int, month: int, text: str = "") -> "FuzzyTime":
        return cls(date(year, month, 1), _month_end(year, month), Precision.MONTH, text)

    @classmethod
    def quarter(cls, year: int, q: int, text: str = "") -> "FuzzyTime":
        first = 3 * (q - 1) + 1
        return cls(date(year, first, 1), _month_end(year, first + 2), Precision.QUARTER, text)

    @classmethod
    def half(cls, year: int, h: int, text: str = "") -> "FuzzyTime":
        first = 6 * (h - 1) + 1
        return cls(date(year, first, 1), _month_end(year, first + 5), Precision.HALF, text)

    @classmethod
    def year(cls, year: int, text: str = "") -> "FuzzyTime":
        return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR, text)

    # -- views ----------------------------------------------------------------------------
    def contains(self, other: "FuzzyTime | date") -> bool:
        if isinstance(other, date):
            return self.start <= other <= self.end
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "FuzzyTime") -> bool:
        return self.start <= other.end and other.start <= self.end

    def label(self) -> str:
        """Compact form used in exports and the evaluation shape: 2025, 2025-03, 2025-Q1, 2025-H2, 2025-03-17, A/B."""
        s, e = self.start, self.end
        if self.precision is Precision.DAY and s == e:
            return s.isoformat()
        if s.day == 1 and e == _month_end(e.year, e.month) and s.year == e.year:
            months = e.month - s.month + 1
            if months == 1:
                return f"{s.year}-{s.month:02d}"
            if months == 3 and s.month % 3 == 1:
                return f"{s.year}-Q{(s.month - 1) // 3 + 1}"
            if months == 6 and s.month in (1, 7):
                return f"{s.year}-H{1 if s.month == 1 else 2}"
            if months == 12:
                return str(s.year)
        return f"{_short(s, True)}/{_short(e, False)}"

    def to_json(self) -> dict:
        out = {"start": self.start.isoformat(), "end": self.end.isoformat(), "precision": self.precision.value}
        if self.text:
            out["text"] = self.text
        if self.anchor:
            out["anchor"] = self.anchor.isoformat()
        return out

    @classmethod
    def from_json(cls, data: dict | str) -> "FuzzyTime":
        if isinstance(data, str):
            return parse_label(data)
        try:
            return cls(date.fromisoformat(data["start"]), date.fromisoformat(data["end"]),
                       Precision(data.get("precision", "range")), data.get("text", ""),
                       date.fromisoformat(data["anchor"]) if data.get("anchor") else None)
        except (KeyError, ValueError) as exc:
            raise InputError(f"not a time value: {data!r} ({exc})") from None

    def __str__(self) -> str:
        return self.label()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _short(d: date, is_start: bool) -> str:
    """The coarsest label that still names the same first (or last) day of an interval."""
    if is_start and d.day == 1:
        return str(d.year) if d.month == 1 else f"{d.year}-{d.month:02d}"
    if not is_start and d == _month_end(d.year, d.month):
        return str(d.year) if d.month == 12 else f"{d.year}-{d.month:02d}"
    return d.isoformat()


_LABEL_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-([QH])([1-4]))?")


def parse_day(value: str | None, what: str) -> date | None:
    """An ISO day (YYYY-MM-DD) given as an option or a field called ``what``; None when empty."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what}: not a date (YYYY-MM-DD), got {value[:40]!r}") from None


def parse_label(text: str) -> FuzzyTime:
    """Read the compact label form produced by :meth:`FuzzyTime.label` (also ``START/END``)."""
    text = text.strip()
    if "/" in text:
        a, b = text.split("/", 1)
        fa, fb = parse_label(a), parse_label(b)
        return FuzzyTime(fa.start, fb.end, Precision.RANGE, text)
    m = _LABEL_RE.fullmatch(text)
    if not m:
        raise InputError(f"not a date label: {text!r}")
    try:
        year = int(m.group(1))
        if m.group(3):
            return FuzzyTime.day(date(year, int(m.group(2)), int(m.group(3))), text)
        if m.group(2):
            return FuzzyTime.month(year, int(m.group(2)), text)
        if m.group(4) == "Q":
            return FuzzyTime.quarter(year, int(m.group(5)), text)
        if m.group(4) == "H":
            if int(m.group(5)) > 2:
                raise ValueError("half must be 1 or 2")
            return FuzzyTime.half(year, int(m.group(5)), text)
        return FuzzyTime.year(year, text)
    except ValueError as exc:
        raise InputError(f"not a date label: {text!r} ({exc})") from None


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_RE = (r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december|"
             r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}

# The patterns of find_times, as (name, source); compiled on first use (see _compiled), so that
# holding a date costs no pattern compiling.
_ABSOLUTE_SOURCES: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    ("mdy", rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b"),
    ("dmy", rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE},?\s+{_YEAR}\b"),
    ("my", rf"\b(?:(?P<part>early|mid|late|end of|the end of|beginning of|start of)[\s-]+)?{_MONTH_RE},?\s+{_YEAR}\b"),
    ("quarter", rf"\b(?:Q(?P<qn>[1-4])|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th|"
                rf"last) quarter(?: of)?)\s*(?:of\s+)?(?:(?P<fyq>fiscal|FY)\s*)?'?{_YEAR}\b"),
    ("quarter2", rf"\b{_YEAR}[\s-]?Q(?P<qn>[1-4])\b"),
    ("half", rf"\b(?:H(?P<hn>[12])|(?P<hw>first|second|1st|2nd) half(?: of)?)\s*(?:of\s+)?{_YEAR}\b"),
    ("half2", rf"\b{_YEAR}[\s-]?H(?P<hn>[12])\b"),
    ("season_year", rf"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall)\s+(?:of\s+)?{_YEAR}\b"),
    ("span", r"\b(?P<y1>(?:19|20)\d{2})\s*(?:-|–|to|through)\s*(?P<y2>(?:19|20)\d{2}|\d{2})\b"),
    ("part", rf"\b(?P<part>early|mid|late|end of|the end of|beginning of|start of|the start of|"
             rf"the beginning of)[\s-]+{_YEAR}\b"),
    ("fiscal", r"\b(?:fiscal(?: year)?|FY)\s*'?(?P<fy>(?:19|20)\d{2}|\d{2})\b"),
    ("year", rf"\b{_YEAR}\b"),
)



@functools.cache
def _relative_reading() -> tuple[re.Pattern, dict[str, int]]:
    """The pattern of relative times and the number words it reads ("two", "a dozen", "a few"), both
    from the shared lexicon, built on first use: holding a date does not load the lexicon."""
    from ..lexicon import number_word_alternation, number_words, numbers

    pattern = re.compile(
        r"\b(?P<rel>today|yesterday|tomorrow|this week|last week|next week|"
        r"(?:earlier|later) this (?:month|year|week|quarter)|this (?:month|year|quarter)|"
        r"last (?:month|year|quarter)|next (?:month|year|quarter)|"
        r"year[- ]to[- ]date|ytd|a year ago|last|recently)\b"
        rf"|\b(?P<n>\d+|{number_word_alternation(1, vague=True)})\s+(?P<unit>days?|weeks?|months?|years?)\s+"
        r"(?P<dir>ago|later|earlier)\b",
        re.IGNORECASE,
    )
    return pattern, number_words() | numbers().vague


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _part_of_year(part: str, year: int, text: str) -> FuzzyTime:
    part = part.lower()
    if part in ("early", "beginning of", "start of", "the start of", "the beginning of"):
        return FuzzyTime(date(year, 1, 1), date(year, 3, 31), Precision.QUARTER, text)
    if part == "mid":
        return FuzzyTime(date(year, 4, 1), date(year, 9, 30), Precision.HALF, text)
    return FuzzyTime(date(year, 10, 1), date(year, 12, 31), Precision.QUARTER, text)


def _part_of_month(part: str, year: int, month: int, text: str) -> FuzzyTime:
    end = _month_end(year, month)
    part = part.lower()
    if part in ("early", "beginning of", "start of"):
        return FuzzyTime(date(year, month, 1), date(year, month, 10), Precision.RANGE, text)
    if part == "mid":
        return FuzzyTime(date(year, month, 11), date(year, month, 20), Precision.RANGE, text)
    return FuzzyTime(date(year, month, 21), end, Precision.RANGE, text)


def _absolute(name: str, m: re.Match, fiscal_year_end: int) -> FuzzyTime | None:
    g = m.groupdict()
    text = m.group(0)
    try:
        if name == "iso":
            return FuzzyTime.day(date(int(g["y"]), int(g["m"]), int(g["d"])), text)
        if name in ("mdy", "dmy"):
            return FuzzyTime.day(date(int(g["year"]), _MONTHS[g["mon"].lower()], int(g["day"])), text)
        if name == "my":
            year, month = int(g["year"]), _MONTHS[g["mon"].lower()]
            if g.get("part"):
                return _part_of_month(g["part"], year, month, text)
            return FuzzyTime.month(year, month, text)
        if name in ("quarter", "quarter2"):
            q = int(g["qn"]) if g.get("qn") else _ORD[g["qw"].lower()]
            if g.get("fyq"):
                return _fiscal_quarter(int(g["year"]), q, fiscal_year_end, text)
            return FuzzyTime.quarter(int(g["year"]), q, text)
        if name in ("half", "half2"):
            h = int(g["hn"]) if g.get("hn") else _ORD[g["hw"].lower()]
            return FuzzyTime.half(int(g["year"]), h, text)
        if name == "season_year":
            return _season(int(g["year"]), g["season"], text)
        if name == "span":
            y1, y2 = int(g["y1"]), _year(g["y2"])
            if y2 < 100 or y2 <= y1 or y2 - y1 > 20:
                return None
            return FuzzyTime(date(y1, 1, 1), date(y2, 12, 31), Precision.RANGE, text)
        if name == "part":
            return _part_of_year(g["part"], int(g["year"]), text)
        if name == "fiscal":
            return _fiscal_year(_year(g["fy"]), fiscal_year_end, text)
        if name == "year":
            return FuzzyTime.year(int(g["year"]), text)
    except (ValueError, KeyError):
        return None
    return None


def _fiscal_year(fy: int, fiscal_year_end: int, text: str) -> FuzzyTime:
    """Fiscal year ``fy`` ending in month ``fiscal_year_end`` (12 = calendar year)."""
    if fiscal_year_end == 12:
        return FuzzyTime(date(fy, 1, 1), date(fy, 12, 31), Precision.YEAR, text)
    start = date(fy - 1, fiscal_year_end + 1, 1)
    return FuzzyTime(start, _month_end(fy, fiscal_year_end), Precision.YEAR, text)


def _fiscal_quarter(fy: int, q: int, fiscal_year_end: int, text: str) -> FuzzyTime:
    year_start = _fiscal_year(fy, fiscal_year_end, text).start
    month0 = year_start.month - 1 + 3 * (q - 1)
    y, m = year_start.year + month0 // 12, month0 % 12 + 1
    end_month0 = month0 + 2
    ey, em = year_start.year + end_month0 // 12, end_month0 % 12 + 1
    return FuzzyTime(date(y, m, 1), _month_end(ey, em), Precision.QUARTER, text)


def _shift_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    y, m = divmod(total, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _relative(m: re.Match, anchor: date) -> FuzzyTime | None:
    text = m.group(0)
    rel = (m.group("rel") or "").lower()
    q_start = date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
    week_start = anchor - timedelta(days=anchor.weekday())
    table = {
        "today": (anchor, anchor, Precision.DAY),
        "yesterday": (anchor - timedelta(days=1), anchor - timedelta(days=1), Precision.DAY),
        "tomorrow": (anchor + timedelta(days=1), anchor + timedelta(days=1), Precision.DAY),
        "this week": (week_start, week_start + timedelta(days=6), Precision.RANGE),
        "earlier this week": (week_start, anchor, Precision.RANGE),
        "later this week": (anchor, week_start + timedelta(days=6), Precision.RANGE),
        "last week": (week_start - timedelta(days=7), week_start - timedelta(days=1), Precision.RANGE),
        "next week": (week_start + timedelta(days=7), week_start + timedelta(days=13), Precision.RANGE),
        "this month": (anchor.replace(day=1), _month_end(anchor.year, anchor.month), Precision.MONTH),
        "earlier this month": (anchor.replace(day=1), anchor, Precision.RANGE),
        "later this month": (anchor, _month_end(anchor.year, anchor.month), Precision.RANGE),
        "this quarter": (q_start, _month_end(anchor.year, q_start.month + 2), Precision.QUARTER),
        "earlier this quarter": (q_start, anchor, Precision.RANGE),
        "later this quarter": (anchor, _month_end(anchor.year, q_start.month + 2), Precision.RANGE),
        "this year": (date(anchor.year, 1, 1), date(anchor.year, 12, 31), Precision.YEAR),
        "earlier this year": (date(anchor.year, 1, 1), anchor, Precision.RANGE),
        "later this year": (anchor, date(anchor.year, 12, 31), Precision.RANGE),
        "year-to-date": (date(anchor.year, 1, 1), anchor, Precision.RANGE),
        "last year": (date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31), Precision.YEAR),
        "next year": (date(anchor.year + 1, 1, 1), date(anchor.year + 1, 12, 31), Precision.YEAR),
        "a year ago": (_shift_months(anchor, -12), _shift_months(anchor, -12), Precision.DAY),
    }
    if rel in ("ytd", "year to date"):
        rel = "year-to-date"
    if rel == "last month":
        prev = _shift_months(anchor.replace(day=1), -1)
        return FuzzyTime(prev, _month_end(prev.year, prev.month), Precision.MONTH, text, anchor)
    if rel == "next month":
        nxt = _shift_months(anchor.replace(day=1), 1)
        return FuzzyTime(nxt, _month_end(nxt.year, nxt.month), Precision.MONTH, text, anchor)
    if rel == "last quarter":
        prev = _shift_months(q_start, -3)
        return FuzzyTime(prev, _month_end(prev.year, prev.month + 2), Precision.QUARTER, text, anchor)
    if rel == "next quarter":
        nxt = _shift_months(q_start, 3)
        return FuzzyTime(nxt, _month_end(nxt.year, nxt.month + 2), Precision.QUARTER, text, anchor)
    if rel in table:
        s, e, p = table[rel]
        return FuzzyTime(s, e, p, text, anchor)
    if m.group("unit"):
        n_text = " ".join(m.group("n").lower().split())
        n = _relative_reading()[1].get(n_text) or int(n_text)
        unit = m.group("unit").lower().rstrip("s")
        sign = -1 if m.group("dir").lower() in ("ago", "earlier") else 1
        if unit == "day":
            d = anchor + timedelta(days=sign * n)
            return FuzzyTime(d, d, Precision.DAY, text, anchor)
        if unit == "week":
            d = anchor + timedelta(weeks=sign * n)
            return FuzzyTime(d - timedelta(days=3), d + timedelta(days=3), Precision.RANGE, text, anchor)
        if unit == "month":
            d = _shift_months(anchor, sign * n)
            return FuzzyTime(d.replace(day=1), _month_end(d.year, d.month), Precision.MONTH, text, anchor)
        y = anchor.year + sign * n
        return FuzzyTime(date(y, 1, 1), date(y, 12, 31), Precision.YEAR, text, anchor)
    return None


# Dates that leave out the year ("on July 7", "in March", "on Monday"): read only when asked for
# (``partial=True``) and an anchor is known, because a bare month name is ambiguous in other uses.
_PARTIAL_SOURCES: tuple[tuple[str, str], ...] = (
    ("md", rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d{{2}})(?![\d.,]*\s*(?:%|percent|"
           rf"million|billion))"),
    ("m", rf"\b(?:in|since|by|during|from|until|of|early|mid|late|last|this|that|before|"
          rf"after)[\s-]+{_MONTH_RE}\b(?!\s+\d)(?!,?\s*(?:19|20)\d{{2}})"),
    # ("in the spring" alone is left unread: a season without its year or a word that places it is too
    # coarse to date a deal, or the ones told after it)
    ("season", r"\b(?P<which>last|this past|this|next)\s+"
               r"(?P<season>spring|summer|autumn|fall)\b(?!\s+(?:of\s+)?(?:19|20)\d{2})"),
    ("wd", rf"\b(?:on|last|this past)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|"
           rf"sunday)\b(?!,?\s+{_MONTH_RE}\s+\d)"),
    ("q", r"\b(?:Q(?P<qn>[1-4])|(?:the\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\b"
          r"(?![\s-]*(?:of\s+)?(?:fiscal|FY|calendar)?\s*'?(?:19|20)?\d{2}\b)"),
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Cheap tests run before the patterns above: each looks for text that every match of the patterns
# it guards must contain (same flags, so the same characters match), so a sentence without a year
# or a month name is not scanned by a dozen patterns that cannot match it.
_GATE_WORDS: dict[str, tuple[str, ...]] = {
    "month": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "weekday": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "quarter": ("q1", "q2", "q3", "q4", "quarter"),
    "half": ("h1", "h2", "half"),
    "fiscal": ("fiscal", "fy"),
    "season": ("spring", "summer", "autumn", "fall"),
    # every relative expression that is read (bare "last" and "recently" are not)
    "relative": ("day", "tomorrow", "week", "month", "year", "quarter", "ytd"),
}


class _Compiled(NamedTuple):
    absolute: tuple[tuple[str, re.Pattern], ...]
    partial: tuple[tuple[str, re.Pattern], ...]
    gate: dict[str, re.Pattern]


@functools.cache
def _compiled() -> _Compiled:
    """The patterns of :func:`find_times`, compiled the first time a text is read."""
    gate = {name: re.compile("|".join(words), re.IGNORECASE) for name, words in _GATE_WORDS.items()}
    gate["year"] = re.compile(r"(?:19|20)\d\d")
    return _Compiled(tuple((name, re.compile(p, re.IGNORECASE)) for name, p in _ABSOLUTE_SOURCES),
                     tuple((name, re.compile(p, re.IGNORECASE)) for name, p in _PARTIAL_SOURCES), gate)

_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("year",), "mdy": ("year", "month"), "dmy": ("year", "month"), "my": ("year", "month"),
    "quarter": ("year", "quarter"), "quarter2": ("year", "quarter"), "half": ("year", "half"),
    "half2": ("year", "half"), "season_year": ("year", "season"), "span": ("year",), "part": ("year",), "fiscal": ("fiscal",), "year": ("year",),
    "season": ("season",), "md": ("month",), "m": ("month",), "wd": ("weekday",), "q": ("quarter",), "relative": ("relative",),
}


#: The months of the seasons as the northern hemisphere's calendar counts them (winter, which spans two
#: years, is not read).
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _season(year: int, season: str, text: str, anchor: date | None = None) -> FuzzyTime:
    first, last = _SEASONS[season.lower()]
    return FuzzyTime(date(year, first, 1), _month_end(year, last), Precision.RANGE, text, anchor)


def _season_near(which: str, season: str, anchor: date, text: str) -> FuzzyTime:
    """"last spring" (the latest that had ended), "this summer" (the anchor's year's), "next fall"."""
    this = _season(anchor.year, season, text, anchor)
    if which in ("last", "this past"):
        return this if this.end < anchor else _season(anchor.year - 1, season, text, anchor)
    if which == "next":
        return this if this.start > anchor else _season(anchor.year + 1, season, text, anchor)
    return this


def _partial(name: str, m: re.Match, anchor: date) -> FuzzyTime | None:
    """A date without its year, placed in the anchor's year unless that lies over three months ahead."""
    text = m.group(0)
    try:
        if name == "season":
            return _season_near(m.group("which").lower(), m.group("season").lower(), anchor, text)
        if name == "wd":
            back = (anchor.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
            return FuzzyTime(anchor - timedelta(days=back), anchor - timedelta(days=back), Precision.DAY, text, anchor)
        if name == "q":
            q = int(m.group("qn")) if m.group("qn") else _ORD[m.group("qw").lower()]
            first = 3 * (q - 1) + 1
            year = anchor.year if date(anchor.year, first, 1) <= anchor + timedelta(days=92) else anchor.year - 1
            return FuzzyTime(date(year, first, 1), _month_end(year, first + 2), Precision.QUARTER, text, anchor)
        month = _MONTHS[m.group("mon").lower()]
        year = anchor.year if date(anchor.year, month, 1) <= anchor + timedelta(days=92) else anchor.year - 1
        if name == "md":
            d = date(year, month, int(m.group("day")))
            return FuzzyTime(d, d, Precision.DAY, text, anchor)
        return FuzzyTime(date(year, month, 1), _month_end(year, month), Precision.MONTH, text, anchor)
    except (ValueError, KeyError):
        return None


def find_times(text: str, anchor: date | None = None, *, fiscal_year_end: int = 12,
               partial: bool = False) -> list[tuple[int, int, FuzzyTime]]:
    """Every time expression in ``text`` as ``(start, end, FuzzyTime)``, most specific reading first.

    Relative expressions are resolved against ``anchor`` and skipped when there is none.
    With ``partial=True`` (and an anchor), dates without a year are read too: "on July 7",
    "in March" and "in Q1" / "the third quarter" fall in the anchor's year unless that is more
    than three months after the anchor (then the year before); "on Monday" is the latest such
    weekday on or before the anchor.
    Overlapping matches are resolved in favour of the pattern listed first (the most precise).
    """
    taken: list[tuple[int, int]] = []
    out: list[tuple[int, int, FuzzyTime]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    compiled = _compiled()
    gates: dict[str, bool] = {}
    # In a lower-cased text, a gate's words occur exactly when the gate's pattern matches, and plain
    # substring tests are faster.
    low = lowered(text)

    def may_match(name: str) -> bool:
        for gate in _NEEDS[name]:
            if gate not in gates:
                if low is not None and gate in _GATE_WORDS:
                    gates[gate] = any(w in low for w in _GATE_WORDS[gate])
                else:
                    gates[gate] = compiled.gate[gate].search(text) is not None
            if not gates[gate]:
                return False
        return True

    for name, pattern in compiled.absolute:
        if not may_match(name):
            continue
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            ft = _absolute(name, m, fiscal_year_end)
            if ft is not None:
                taken.append((m.start(), m.end()))
                out.append((m.start(), m.end(), ft))
    if anchor is not None and partial:
        for name, pattern in compiled.partial:
            if not may_match(name):
                continue
            for m in pattern.finditer(text):
                if free(m.start(), m.end()):
                    ft = _partial(name, m, anchor)
                    if ft is not None:
                        taken.append((m.start(), m.end()))
                        out.append((m.start(), m.end(), ft))
    if anchor is not None and may_match("relative"):
        for m in _relative_reading()[0].finditer(text):
            if (m.group("rel") or "").lower() in ("last", "recently"):
                continue
            if free(m.start(), m.end()):
                ft = _relative(m, anchor)
                if ft is not None:
                    taken.append((m.start(), m.end()))
                    out.append((m.start(), m.end(), ft))
    out.sort(key=lambda t: t[0])
    return out


def parse_time(text: str, anchor: date | None = None, *, fiscal_year_end: int = 12) -> FuzzyTime:
    """Parse one time expression ("mid-2025", "Q4 2025", "earlier this month", ...).

    Raises :class:`InputError` when ``text`` holds no time expression, or only a relative one
    and no ``anchor`` was given.
    """
    found = find_times(text, anchor, fiscal_year_end=fiscal_year_end)
    if not found:
        raise InputError(f"no date in {text!r}" + ("" if anchor else " (relative dates need an anchor date)"))
    ft = found[0][2]
    return FuzzyTime(ft.start, ft.end, ft.precision, text.strip(), anchor if anchor else ft.anchor)
