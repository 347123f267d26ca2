from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infraledger.errors import InputError
from infraledger.model import Money, Qualifier, find_money, format_money, parse_money


@pytest.mark.parametrize("text, amount, currency, qualifier", [
    ("$1.5 billion", "1500000000", "USD", "exact"),
    ("$908.2 million", "908200000", "USD", "exact"),
    ("US$350m", "350000000", "USD", "exact"),
    ("$1.2bn", "1200000000", "USD", "exact"),
    ("1.5 billion dollars", "1500000000", "USD", "exact"),
    ("€600m", "600000000", "EUR", "exact"),
    ("£2.1 billion", "2100000000", "GBP", "exact"),
    ("more than $600 billion", "600000000000", "USD", "more_than"),
    ("over $14 billion", "14000000000", "USD", "more_than"),
    ("approximately US$9.7 Billion", "9700000000", "USD", "about"),
    ("around $11", "11", "USD", "about"),
    ("up to $19.4 billion", "19400000000", "USD", "up_to"),
    ("less than $5 million", "5000000", "USD", "less_than"),
    ("$1,250,000", "1250000", "USD", "exact"),
    ("$40.00", "40", "USD", "exact"),
    ("a $1bn-plus round", "1000000000", "USD", "more_than"),
    ("$500m+", "500000000", "USD", "more_than"),
    ("S$100 million", "100000000", "SGD", "exact"),
    ("NT$3 billion", "3000000000", "TWD", "exact"),
    ("HK$2.5bn", "2500000000", "HKD", "exact"),
    ("a $1.5-billion deal", "1500000000", "USD", "exact"),
    ("a 1.5-billion-dollar deal", "1500000000", "USD", "exact"),
    ("about 70 mln dlrs", "70000000", "USD", "about"),
    ("244 mln stg", "244000000", "GBP", "exact"),
    ("one billion dlrs", "1000000000", "USD", "exact"),
    ("two mln stg", "2000000", "GBP", "exact"),
])
def test_parse_money_reads_real_forms(text, amount, currency, qualifier):
    m = parse_money(text)
    assert m.amount == Decimal(amount)
    assert m.currency == currency
    assert m.qualifier.value == qualifier


def test_range_is_between_with_high_bound():
    m = parse_money("$175-185 billion")
    assert (m.qualifier, m.amount, m.high) == (Qualifier.BETWEEN, Decimal("175000000000"), Decimal("185000000000"))


def test_find_money_gives_spans_including_the_qualifier():
    text = "The four budgeted more than $600 billion, and Oracle about $50B."
    found = find_money(text)
    assert [text[s:e] for s, e, _ in found] == ["more than $600 billion", "about $50B"]


def test_non_usd_amount_has_no_usd_value():
    assert parse_money("€1.7 billion").usd is None
    assert parse_money("$1.7 billion").usd == Decimal("1700000000")


def test_no_money_is_a_clear_error():
    with pytest.raises(InputError, match="no money amount"):
        parse_money("fifty companies")


def test_invalid_money_values_are_refused():
    with pytest.raises(InputError):
        Money(Decimal("-1"))
    with pytest.raises(InputError):
        Money(Decimal("1"), currency="dollars")
    with pytest.raises(InputError):
        Money(Decimal("1"), qualifier=Qualifier.BETWEEN)


def test_format_money_is_short():
    assert format_money(parse_money("more than $600 billion")) == "more than $600B"
    assert format_money(parse_money("$908.2 million")) == "$908.2M"


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999"), places=2),
       st.sampled_from(["million", "billion", "bn", "m"]))
def test_parse_money_round_trips_amounts(value, scale):
    text = f"${value} {scale}" if scale in ("million", "billion") else f"${value}{scale}"
    factor = Decimal(10) ** (9 if scale in ("billion", "bn") else 6)
    assert parse_money(text).amount == value * factor


@given(st.decimals(min_value=0, max_value=10**12, places=0))
def test_money_json_round_trip(value):
    m = Money(Decimal(value), "USD", Qualifier.ABOUT, text="x")
    assert Money.from_json(m.to_json()) == m


def test_a_start_and_an_end_are_two_figures_not_a_range_and_no_more_than_is_an_upper_bound():
    def read(text):
        return [(m.text, str(m.amount), m.high, m.qualifier.value) for _, _, m in find_money(text)]

    assert read("shares fell from $40 to $22") == [("$40", "40", None, "exact"), ("$22", "22", None, "exact")]
    assert read("rose from $10 to $12 billion") == [("$10", "10000000000", None, "exact"),
                                                    ("$12 billion", "12000000000", None, "exact")]
    assert read("a range of $40 to $45") == [("$40 to $45", "40", Decimal(45), "between")]
    assert read("no more than $5 million") == [("no more than $5 million", "5000000", None, "up_to")]



@pytest.mark.parametrize("value, kept", [("0.12345678", "0.123457"), ("0.0000004", "0"), ("2.5000005", "2.5"),
                                         ("1000000000000000000", None), ("1e308", None), ("9" * 39, None),
                                         ("NaN", None), ("Infinity", None)])
def test_amounts_are_kept_to_six_places_and_below_ten_to_the_eighteenth(value, kept):
    if kept is None:
        with pytest.raises(InputError, match="out of range"):
            Money(amount=Decimal(value))
    else:
        assert Money(amount=Decimal(value)).amount == Decimal(kept)


def test_a_figure_no_source_can_mean_is_not_read_as_money():
    text = "It raised $1.123456789123456789 million, not $" + "9" * 39 + "."
    assert [m.amount for _, _, m in find_money(text)] == [Decimal("1123456.789123")]


@pytest.mark.parametrize(("text", "currency", "amount"), [
    ("25 mln dlrs", "USD", 25_000_000),
    ("120 mln stg", "GBP", 120_000_000),
    ("Rs 500 crore", "INR", 5_000_000_000),
    ("40 lakh rupees", "INR", 4_000_000),
    ("CAD 15 million", "CAD", 15_000_000),
    ("12 million SEK", "SEK", 12_000_000),
    ("HK$1.2bn", "HKD", 1_200_000_000),
    ("₩30 billion", "KRW", 30_000_000_000),
])
def test_currencies_and_scales_of_the_lexicon(text, currency, amount):
    money = parse_money(text)
    assert (money.currency, money.amount) == (currency, amount)


def test_a_letter_symbol_does_not_end_a_word():
    # "years 500" holds no rupee amount ("Rs" only stands apart from other letters).
    assert find_money("over the past three years 500 people joined") == []


_CASES = [
    "Quorvia Systems raised US$40 MILLION from Brellix.",
    "The Zentrix deal is worth 25 mln DLRS, or about 1.5 billion Yen.",
    "Halvora paid Rs 500 crore; Orla paid HK$1.2bn and €600m.",
    "Revenue rose 12% to 4,695 MILLION USD from 4,402 in 2013.",
    "One billion dlrs went to Quill, and two mln stg to İstanbul-based Orla.",  # lower-cases to more characters
    "The \u212aelvin-sign firm raised 5 million euros.",  # a character IGNORECASE reads as "k"
]


@pytest.mark.parametrize("text", _CASES)
def test_lower_case_matching_reads_what_case_blind_matching_reads(text, monkeypatch):
    from infraledger.model import money

    fast, fast_hint = find_money(text), money.may_state_money(text)
    monkeypatch.setattr(money, "lowered", lambda _text: None)  # the case-blind patterns on the text as it is
    assert find_money(text) == fast and fast
    assert money.may_state_money(text) == fast_hint is True


def test_lowered_refuses_texts_whose_offsets_or_letters_would_change():
    from infraledger.model.casefold import lowered

    assert lowered("Zentrix RAISED $5M") == "zentrix raised $5m"
    assert lowered("İstanbul") is None  # two characters once lower-cased
    assert lowered("\u212a") is None
