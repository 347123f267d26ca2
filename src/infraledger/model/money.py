"""Money: an exact amount, its currency, a qualifier, and the text it was read from.

Amounts are :class:`decimal.Decimal`, never floats, so "$908.2 million" stays 908200000 exactly.
An amount is kept to :data:`DECIMALS` decimal places (rounded half to even: a price of 0.12345678
is 0.123457) and must be below :data:`MAX_AMOUNT` (10^18, above any real figure in any currency);
the ledger stores amounts as ``DECIMAL(38, 6)``, so nothing a source states can overflow it.
:func:`parse_money` reads money in the forms real documents use ("$1.5 billion", "US$350m",
"$1.2bn", "1.5 billion dollars", "€600m", "more than $600 billion", "$175-185 billion").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, NamedTuple

from ..errors import InputError
from .casefold import lowered

#: Decimal places kept for every amount; more are rounded half to even.
DECIMALS = 6
#: Amounts must be below this: a larger "figure" is a typo or hostile input, not money.
MAX_AMOUNT = Decimal(10) ** 18
_QUANTUM = Decimal(1).scaleb(-DECIMALS)


class Qualifier(StrEnum):
    """How a stated figure relates to the true one."""

    EXACT = "exact"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    ABOUT = "about"
    UP_TO = "up_to"
    BETWEEN = "between"


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of money as a source states it.

    ``high`` is set only for ``Qualifier.BETWEEN`` (a range such as "$175-185 billion").
    """

    amount: Decimal
    currency: str = "USD"
    qualifier: Qualifier = Qualifier.EXACT
    high: Decimal | None = None
    text: str = ""

    def __post_init__(self) -> None:
        # One canonical form per value (165.20 -> 165.2, 1.5E+9 -> 1500000000), so that a fact's
        # identity does not depend on how its source or the database wrote the number.
        object.__setattr__(self, "amount", bounded(self.amount))
        if self.high is not None:
            object.__setattr__(self, "high", bounded(self.high))
        if self.amount < 0:
            raise InputError(f"money amount cannot be negative: {self.amount}")
        if (self.high is None) != (self.qualifier is not Qualifier.BETWEEN):
            raise InputError("a money range needs qualifier 'between' and a high bound, and only then")
        if len(self.currency) != 3 or not self.currency.isupper():
            raise InputError(f"currency must be an ISO 4217 code, got {self.currency!r}")

    @property
    def usd(self) -> Decimal | None:
        """The amount in US dollars when the source stated it in dollars, else None."""
        return self.amount if self.currency == "USD" else None

    def to_json(self) -> dict:
        out = {"amount": str(self.amount), "currency": self.currency, "qualifier": self.qualifier.value}
        if self.high is not None:
            out["high"] = str(self.high)
        if self.text:
            out["text"] = self.text
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Money":
        try:
            return cls(
                amount=Decimal(str(data["amount"])),
                currency=data.get("currency", "USD"),
                qualifier=Qualifier(data.get("qualifier", "exact")),
                high=Decimal(str(data["high"])) if data.get("high") is not None else None,
                text=data.get("text", ""),
            )
        except InputError:
            raise  # a value out of range, a negative amount: already said in one line
        except (KeyError, ValueError, InvalidOperation, TypeError) as exc:
            raise InputError(f"not a money value: {str(data)[:80]} ({exc})") from None

    def __str__(self) -> str:
        return format_money(self)


_QUALIFIER_WORDS: tuple[tuple[str, Qualifier], ...] = (
    (r"no more than|not more than|at most|no greater than", Qualifier.UP_TO),  # before "more than" reads them
    (r"more than|over|above|exceeding|in excess of|upwards of|north of|at least|greater than|>", Qualifier.MORE_THAN),
    (r"less than|under|below|fewer than|south of|<", Qualifier.LESS_THAN),
    (r"up to|as much as|as high as|a maximum of", Qualifier.UP_TO),
    (r"about|around|approximately|approx\.?|roughly|some|nearly|almost|close to|an estimated|estimated|~|circa",
     Qualifier.ABOUT),
)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


class _Reading(NamedTuple):
    """What reading money in text needs from the shared lexicon."""

    scale: dict[str, Decimal]
    currency: dict[str, str]
    pattern: re.Pattern
    hint: re.Pattern
    low_pattern: re.Pattern  # the two above in lower case, for lower-cased text (see casefold)
    low_hint: re.Pattern


def _patterns(prefix: str, scale: str, suffix: str, in_words: str, letter: str, flags: int) -> tuple[re.Pattern, re.Pattern]:
    """The money pattern and the hint, from the lexicon's alternations."""
    pattern = re.compile(
        rf"(?P<cur>{prefix})\s?(?P<num>{_NUM})(?:\s?(?:-|–|to)\s?(?:{prefix})?\s?(?P<num2>{_NUM}))?"
        rf"(?:[\s-]?(?P<scale>{scale}))?"  # "$1.5 billion", "$1.5-billion"
        rf"|(?P<num_w>{_NUM})(?:[\s-]?(?P<scale_w>{scale}))?"
        rf"[\s-](?P<cur_w>{suffix})\b"
        # "one billion dlrs", "two mln stg": a number in words, then a scale and a currency word
        rf"|\b(?P<num_n>{in_words})[\s-](?P<scale_n>{scale})"
        rf"[\s-](?P<cur_n>{suffix})\b",
        flags,
    )
    # A cheap test that a text may state money: a digit next to a currency sign, code or word, or a
    # number in words with a scale and a currency word ("one billion dlrs").
    hint = re.compile(rf"\d(?=[^.;]{{0,12}}?(?<![{letter}])(?:{suffix})\b)|"
                      rf"(?:{prefix})\s?\d|"
                      rf"\b(?:{in_words})[\s-](?:{scale})[\s-]"
                      rf"(?:{suffix})\b", flags)
    return pattern, hint


@functools.cache
def _reading() -> _Reading:
    """The money patterns, built on first use: a program that only holds amounts (a filing reader)
    never loads the lexicon, whose validated data files cost more to import than the rest of the model.

    Currency symbols, codes and words, and scale words, come from the shared lexicon
    (infraledger/lexicon/currencies.toml): "$", "HK$", "Rs", "25 mln dlrs", "120 mln stg", "Rs 500 crore".
    The lexicon's alternations hold no escape that lower-casing changes (only ``\\$``, ``\\.``, ``\\s``
    and ``\\b``), so their lower-cased forms match lower-cased text as the originals match any case.
    """
    from .. import lexicon

    pieces = (lexicon.currency_prefix(), lexicon.scale_alternation(), lexicon.currency_suffix(),
              lexicon.number_word_alternation(1))
    pattern, hint = _patterns(*pieces, "A-Za-z", re.IGNORECASE)
    low_pattern, low_hint = _patterns(*(p.lower() for p in pieces), "a-z", 0)
    return _Reading({word: Decimal(10) ** power for word, power in lexicon.scale_factors().items()},
                    lexicon.currency_by_form(), pattern, hint, low_pattern, low_hint)


def may_state_money(text: str) -> bool:
    """Whether ``text`` may state an amount (:data:`MONEY_HINT`, faster)."""
    reading = _reading()
    low = lowered(text)
    return (reading.hint.search(text) if low is None else reading.low_hint.search(low)) is not None


def __getattr__(name: str) -> Any:
    """``MONEY_RE`` (an amount in text) and ``MONEY_HINT`` (text that may state one), built on first use."""
    if name == "MONEY_RE":
        return _reading().pattern
    if name == "MONEY_HINT":
        return _reading().hint
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _to_decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def bounded(value: Decimal | int | str) -> Decimal:
    """``value`` as a ledger amount: finite, below :data:`MAX_AMOUNT` in size, rounded to :data:`DECIMALS` places.

    Raises :class:`InputError` for anything else (NaN, infinity, 1e308, a 39-digit figure).
    """
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise InputError(f"not a number: {value!r}") from None
    if not value.is_finite() or abs(value) >= MAX_AMOUNT:
        shown = str(value) if len(str(value)) <= 40 else str(value)[:37] + "..."
        raise InputError(f"money amount {shown} is out of range (must be below 10^18)")
    return _plain(value.quantize(_QUANTUM))


def _plain(value: Decimal) -> Decimal:
    """Whole amounts without a trailing exponent or fraction (1.5E+9 -> 1500000000)."""
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


_QUALIFIER_BEFORE = tuple((re.compile(rf"(?:^|(?<=\W))(?:{words})\s*$", re.IGNORECASE), qualifier)
                          for words, qualifier in _QUALIFIER_WORDS)


def _qualifier_before(prefix: str) -> tuple[Qualifier, int]:
    """The qualifier stated in the words just before an amount, and where those words start in ``prefix``."""
    for pattern, qualifier in _QUALIFIER_BEFORE:
        m = pattern.search(prefix)
        if m:
            return qualifier, m.start()
    return Qualifier.EXACT, len(prefix)


def find_money(text: str) -> list[tuple[int, int, Money]]:
    """Every money amount in ``text`` as ``(start, end, Money)``; start includes a leading qualifier."""
    reading = _reading()
    found: list[tuple[int, int, Money]] = []
    low = lowered(text)
    # Matched on the lower-cased text when that keeps every offset: the groups are read in lower
    # case, and the text kept is the original's.
    for m in reading.pattern.finditer(text) if low is None else reading.low_pattern.finditer(low):
        if m.group("num") is not None:
            cur = reading.currency.get(m.group("cur").lower(), "USD")
            num, num2, scale = m.group("num"), m.group("num2"), m.group("scale")
        elif m.group("num_w") is not None:
            cur = reading.currency.get(m.group("cur_w").lower(), "USD")
            num, num2, scale = m.group("num_w"), None, m.group("scale_w")
        else:
            from ..lexicon import number_value  # loaded by _reading() already

            cur = reading.currency.get(m.group("cur_n").lower(), "USD")
            num, num2, scale = str(number_value(m.group("num_n"))), None, m.group("scale_n")
        factor = reading.scale.get(scale.lower(), Decimal(1)) if scale else Decimal(1)
        try:
            amount = bounded(_to_decimal(num) * factor)
            high = bounded(_to_decimal(num2) * factor) if num2 else None
        except (InvalidOperation, InputError):
            continue  # a figure no source can mean (over 10^18) is not read as money
        start = m.start()
        qualifier = Qualifier.EXACT
        if high is not None and (high <= amount or _FROM_BEFORE.search(text, max(0, start - 6), start)
                                 and "to" in text[m.end("num"):m.start("num2")]):
            # "fell from $40 to $22", "from $12 to $18": two figures, a start and an end, not a range
            first = Money(amount=_plain(amount), currency=cur, text=text[start:m.end("num")])
            found.append((start, m.end("num"), first))
            second = m.start("num2") - (1 if text[m.start("num2") - 1] in "$€£¥" else 0)
            found.append((second, m.end(), Money(amount=_plain(high), currency=cur, text=text[second:m.end()])))
            continue
        if high is not None:
            qualifier = Qualifier.BETWEEN
        else:
            window = max(0, start - 30)
            qualifier, offset = _qualifier_before(text[window:start])
            start = window + offset if qualifier is not Qualifier.EXACT else start
        end = m.end()
        plus = _PLUS_AFTER.match(text, end)
        if plus and qualifier is Qualifier.EXACT and high is None:
            qualifier, end = Qualifier.MORE_THAN, plus.end()  # "a $1bn-plus round", "$500m+"
        found.append((start, end, Money(amount=_plain(amount),
                                            currency=cur, qualifier=qualifier,
                                            high=_plain(high) if high is not None else None,
                                            text=text[start:end])))
    return found


_PLUS_AFTER = re.compile(r"-?plus\b|\+")
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)


def parse_money(text: str) -> Money:
    """Parse one money expression such as "more than $600 billion" or "€1.7bn".

    Raises :class:`InputError` when the text holds no money amount.
    """
    found = find_money(text)
    if not found:
        raise InputError(f"no money amount in {text!r}")
    return found[0][2]


def format_money(money: Money) -> str:
    """Short human form: "more than $600B", "about €5.8B", "$175B–$185B"."""
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(money.currency, money.currency + " ")

    def short(value: Decimal) -> str:
        for unit, size in (("T", Decimal(10) ** 12), ("B", Decimal(10) ** 9), ("M", Decimal(10) ** 6)):
            if value >= size:
                return f"{symbol}{(value / size).quantize(Decimal('0.01')).normalize():f}{unit}"
        return f"{symbol}{value.quantize(Decimal('0.01')).normalize():f}"

    if money.qualifier is Qualifier.BETWEEN and money.high is not None:
        return f"{short(money.amount)}–{short(money.high)}"
    words = {Qualifier.EXACT: "", Qualifier.MORE_THAN: "more than ", Qualifier.LESS_THAN: "less than ",
             Qualifier.ABOUT: "about ", Qualifier.UP_TO: "up to "}
    return words[money.qualifier] + short(money.amount)
