"""Read the cover of a prospectus (424B4 final prospectus, S-1/F-1 registration, other 424B forms).

The cover page states, where the offering has them: the issuer, the number of shares, the
price per share, the gross proceeds (the "Total" column of the price table), the exchange and
ticker, and the underwriters or placement agents listed at its foot. Each figure is read only
from the cover (the text before the table of contents), never from the body, and every figure
keeps the character span it was read from. Absent or blank figures (a preliminary prospectus
reads "$ .") stay ``None``; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from ...errors import ParseError, UnsupportedInputError
from .forms import PROSPECTUS_TYPES
from .sgml import Submission, is_submission, split_submission
from .text import document_text

__all__ = ["PROSPECTUS_TYPES", "ProspectusCover", "parse_prospectus"]


_EXCHANGES = (
    ("Nasdaq Global Select Market", "Nasdaq"), ("Nasdaq Global Market", "Nasdaq"), ("Nasdaq Capital Market", "Nasdaq"),
    ("Nasdaq Stock Market", "Nasdaq"), ("NYSE American", "NYSE American"), ("NYSE Arca", "NYSE Arca"),
    ("New York Stock Exchange", "NYSE"), ("NYSE", "NYSE"), ("Nasdaq", "Nasdaq"), ("Cboe BZX", "Cboe BZX"),
)
_EXCHANGE = re.compile(r"\b(?:on|in)\s+(?:the\s+)?(" + "|".join(re.escape(n) for n, _ in _EXCHANGES) + r")\b",
                       re.IGNORECASE)
_TICKER = re.compile(r"under\s+the\s+(?:trading\s+)?symbols?\s+[“\"'‘]?([A-Z][A-Z0-9.\-]{0,6}?)[”\"'’]?(?=[\s.,;)]|$)")
_MONEY = r"\$\s?([\d,]+(?:\.\d+)?)"
_PRICE_ROW = re.compile(r"^[^\n\t]*public\s+offering\s+price[^\n\t]*\t" + _MONEY + r"(?:\t" + _MONEY + r")?",
                        re.IGNORECASE | re.MULTILINE)
_PRICE_SENTENCE = re.compile(r"public\s+offering\s+price\s+(?:is|of|will\s+be)\s+" + _MONEY +
                             r"\s+per\s+(?:share|unit|ADS|American\s+depositary\s+share)", re.IGNORECASE)
_FEE_ROW = re.compile(r"\t([\d,]{4,})\s+(?:Units|Shares|shares|units|ADSs)\t" + _MONEY + r"\t" + _MONEY)
_SHARES = re.compile(r"\b(?:offering\s+)?([\d,]{4,})\s+(?:shares|units|American\s+depositary\s+shares|ADSs)\b",
                     re.IGNORECASE)
_OFFERING_SHARES = re.compile(r"\bwe\s+are\s+offering\s+([\d,]{4,})\s+(?:shares|units|ADSs)", re.IGNORECASE)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE = re.compile(rf"\b({_MONTHS})\s+(\d{{1,2}}),\s*(\d{{4}})\b", re.IGNORECASE)
_PROSPECTUS_DATE = re.compile(rf"(?:date\s+of\s+this\s+prospectus(?:\s+supplement)?\s+is|(?<!to )(?<!To )"
                              rf"prospectus(?:\s+supplement)?\s+dated)\s+(({_MONTHS})\s+\d{{1,2}},\s*\d{{4}})",
                              re.IGNORECASE)
_ROLE_LINE = re.compile(r"^(?:sole|joint|lead|co-?)?[\s-]*(?:book[\s-]*running\s+managers?|managers?|lead\s+managers?|"
                        r"placement\s+agents?|underwriters?|representatives?|sales\s+agents?|co-managers?|"
                        r"lead\s+book[\s-]*running\s+managers?|structuring\s+agents?)\s*$", re.IGNORECASE)
_FOOT = re.compile(rf"^(?:the\s+date\s+of\s+this\s+prospectus(?:\s+supplement)?\s+is\b.*|(?:preliminary\s+)?"
                   rf"prospectus(?:\s+supplement)?\s+dated\b.*|(?:{_MONTHS})\s+\d{{1,2}},\s*\d{{4}}\.?)$", re.IGNORECASE)
_AGENT_KIND = re.compile(r"placement\s+agent|sales\s+agent", re.IGNORECASE)
_IPO = re.compile(r"initial\s+public\s+offering", re.IGNORECASE)
_ISSUER_IPO = re.compile(r"initial\s+public\s+offering\s+of\s+[^.]{0,80}?\s+by\s+([A-Z][^.\n]{2,80}?)\.")
_REGISTRANT = re.compile(r"\(\s*exact\s+name\s+of\s+registrant", re.IGNORECASE)
_COVER_START = re.compile(r"filed\s+pursuant\s+to\s+rule\s+424|^\s*subject\s+to\s+completion|^\s*preliminary\s+prospectus",
                          re.IGNORECASE | re.MULTILINE)
_CONTENTS = re.compile(r"^\s*table\s+of\s+contents\s*$", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True, slots=True)
class ProspectusCover:
    """What a prospectus cover states. ``spans`` maps a figure's name to its (start, end) in ``text``."""

    form_type: str
    issuer: str
    cik: int | None
    is_ipo: bool
    shares: Decimal | None = None
    price_per_share: Decimal | None = None
    gross_proceeds: Decimal | None = None
    proceeds_is_maximum: bool = False
    exchange: str | None = None
    exchange_market: str | None = None
    ticker: str | None = None
    underwriters: tuple[str, ...] = ()
    agent_role: str = "underwriter"
    prospectus_date: date | None = None
    document: str = ""
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    text: str = field(default="", repr=False)

    def to_json(self) -> dict:
        out = {
            "form_type": self.form_type, "issuer": self.issuer, "cik": self.cik, "is_ipo": self.is_ipo,
            "shares": _str(self.shares), "price_per_share": _str(self.price_per_share),
            "gross_proceeds": _str(self.gross_proceeds), "proceeds_is_maximum": self.proceeds_is_maximum,
            "exchange": self.exchange, "exchange_market": self.exchange_market, "ticker": self.ticker,
            "underwriters": list(self.underwriters), "agent_role": self.agent_role,
            "prospectus_date": self.prospectus_date.isoformat() if self.prospectus_date else None,
            "document": self.document, "spans": {k: list(v) for k, v in self.spans.items()},
        }
        return out


def _str(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def parse_prospectus(data: bytes | Submission, *, source: str = "", form_type: str = "") -> ProspectusCover:
    """Read a prospectus cover from a full submission or a primary document (HTML or text).

    ``form_type`` names the form when the input is a bare document. Raises UnsupportedInputError
    for a submission of another form, ParseError when no cover can be found.
    """
    submission = data if isinstance(data, Submission) else (
        split_submission(data, source=source) if is_submission(data) else None)
    if submission is not None:
        form = submission.header.form_type.upper()
        if form not in PROSPECTUS_TYPES:
            raise UnsupportedInputError(f"form {form or '?'} is not a prospectus", source=source)
        primary = next((d for d in submission.documents if d.type.upper() == form), submission.primary)
        if primary is None:
            raise ParseError("prospectus submission holds no documents", source=source)
        text, document = document_text(primary.raw), primary.filename
        filer = submission.header.filer
        issuer, cik = (filer.name, filer.cik) if filer else ("", None)
    else:
        text, document = document_text(data), source.rsplit("/", 1)[-1]
        form = form_type.upper() or _form_from_text(text, source)
        issuer, cik = "", None
    cover, offset = _cover(text)
    if len(cover.strip()) < 200:
        raise ParseError("no prospectus cover page found", source=source)
    return _read_cover(form, issuer or _issuer(cover) or _issuer(text[:offset]), cik, cover, offset, document, text)


def _form_from_text(text: str, source: str = "") -> str:
    m = re.search(r"rule\s+424\(b\)\((\d)\)", text[:3000], re.IGNORECASE)
    if m:
        return f"424B{m.group(1)}"
    m = re.search(r"\bform\s+(S-1|F-1|S-3|F-3)\b", text[:5000], re.IGNORECASE)
    if m:
        return m.group(1).upper()
    raise UnsupportedInputError("not a prospectus: no Rule 424(b) legend or registration form on the cover",
                                source=source)


def _cover(text: str) -> tuple[str, int]:
    """The cover page and its offset in ``text``.

    It starts at the Rule 424(b) legend, or for a registration statement at the preliminary
    prospectus that follows the facing page, and ends at the next table of contents (at most
    20,000 characters on).
    """
    start = 0
    m = _COVER_START.search(text, 0, 200000)
    if m:
        start = m.start()
    end = min(len(text), start + 20000)
    for c in _CONTENTS.finditer(text, start + 1500, end):
        end = c.start()
        break
    return text[start:end], start


def _issuer(cover: str) -> str:
    m = _ISSUER_IPO.search(cover)
    if m:
        return m.group(1).strip()
    m = _REGISTRANT.search(cover)
    if m:
        lines = [line.strip() for line in cover[:m.start()].splitlines() if line.strip()]
        return lines[-1] if lines else ""
    return ""


def _read_cover(form: str, issuer: str, cik: int | None, cover: str, offset: int, document: str,
                text: str) -> ProspectusCover:
    spans: dict[str, tuple[int, int]] = {}
    shares = price = proceeds = None
    maximum = False
    row = _PRICE_ROW.search(cover)
    if row and _number(row.group(1)):
        price = _number(row.group(1))
        spans["price_per_share"] = (offset + row.start(1), offset + row.end(1))
        if row.group(2):
            proceeds = _number(row.group(2))
            spans["gross_proceeds"] = (offset + row.start(2), offset + row.end(2))
    else:
        sentence = _PRICE_SENTENCE.search(cover)
        if sentence:
            price = _number(sentence.group(1))
            spans["price_per_share"] = (offset + sentence.start(1), offset + sentence.end(1))
    fee = _FEE_ROW.search(text, 0, offset) if offset else None
    m = _OFFERING_SHARES.search(cover) or _SHARES.search(cover)
    if m:
        shares = _number(m.group(1))
        spans["shares"] = (offset + m.start(1), offset + m.end(1))
    if fee and price is None:
        # A registration statement's fee table: the most that may be sold, not a priced offering.
        shares = _number(fee.group(1))
        price, proceeds, maximum = _number(fee.group(2)), _number(fee.group(3)), True
        spans.update(shares=fee.span(1), price_per_share=fee.span(2), gross_proceeds=fee.span(3))
    if proceeds is None and shares is not None and price is not None:
        proceeds = shares * price
    exchange = market = None
    em = _EXCHANGE.search(cover)
    if em:
        market = em.group(1)
        exchange = next(short for name, short in _EXCHANGES if name.lower() == market.lower())
        spans["exchange"] = (offset + em.start(1), offset + em.end(1))
    ticker = None
    tm = _TICKER.search(cover)
    if tm:
        ticker = tm.group(1).rstrip(".")
        spans["ticker"] = (offset + tm.start(1), offset + tm.start(1) + len(ticker))
    underwriters, role, uspan = _underwriters(cover)
    if uspan:
        spans["underwriters"] = (offset + uspan[0], offset + uspan[1])
    when = None
    dm = _PROSPECTUS_DATE.search(cover)
    if dm:
        when = _day(dm.group(1))
        spans["prospectus_date"] = (offset + dm.start(1), offset + dm.end(1))
    elif uspan:
        after = _DATE.search(cover, uspan[1], uspan[1] + 200)
        if after:
            when = _day(after.group(0))
            spans["prospectus_date"] = (offset + after.start(), offset + after.end())
    return ProspectusCover(
        form_type=form, issuer=issuer, cik=cik, is_ipo=_IPO.search(cover) is not None, shares=shares,
        price_per_share=price, gross_proceeds=proceeds, proceeds_is_maximum=maximum, exchange=exchange,
        exchange_market=market, ticker=ticker, underwriters=underwriters, agent_role=role, prospectus_date=when,
        document=document, spans=spans, text=text,
    )


def _day(text: str) -> date | None:
    try:
        return datetime.strptime(re.sub(r"\s+", " ", text.replace(",", ", ")).replace(" ,", ","), "%B %d, %Y").date()
    except ValueError:
        return None


def _underwriters(cover: str) -> tuple[tuple[str, ...], str, tuple[int, int] | None]:
    """Names at the foot of the cover: the short lines just above its closing date line."""
    lines = cover.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    foot = next((i for i in range(len(lines) - 1, -1, -1) if _FOOT.match(lines[i].strip())), None)
    if foot is None:
        return (), "underwriter", None
    names: list[str] = []
    role = "underwriter"
    start = end = None
    for i in range(foot - 1, max(-1, foot - 25), -1):
        stripped = lines[i].strip()
        if not stripped:
            continue
        if _ROLE_LINE.match(stripped):
            if _AGENT_KIND.search(stripped):
                role = "placement agent" if "placement" in stripped.lower() else "sales agent"
            continue
        cells = [c.strip(" ,;") for c in stripped.split("\t")]
        if any(len(c) > 80 or not c[:1].isupper() or c.endswith(".") and not c.endswith(("Co.", "Inc.", "Ltd."))
               for c in cells if c):
            break  # a sentence: the list of names is over
        names[:0] = [c for c in cells if c]
        start, end = offsets[i], end if end is not None else offsets[i] + len(lines[i])
    return tuple(dict.fromkeys(names)), role, (start, end) if start is not None else None
