"""The shared lexicon of deal English: validated data files read once, used by every stage."""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from importlib import resources
from typing import Annotated

from pydantic import AfterValidator, BaseModel, field_validator


class VerbForms(BaseModel):
    """Irregular forms by lemma, and the verbs that double a final consonant."""

    irregular: dict[str, list[str]]
    doubled: list[str]
    telling: list[str] = []  # verbs a headline tells a deal with, besides the frames' own

    @field_validator("irregular")
    @classmethod
    def _lower(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for lemma, forms in value.items():
            if lemma != lemma.lower() or any(f != f.lower() for f in forms):
                raise ValueError(f"verb forms are written in lower case: {lemma}")
        return value


#: One syllable ending in a single vowel and a consonant doubles it: step -> stepped, win -> winning.
_SHORT_CVC = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


def read_toml(name: str) -> dict:
    """A TOML file of this package, parsed."""
    return tomllib.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


@functools.cache
def verb_forms() -> VerbForms:
    data = read_toml("verbs.toml")
    return VerbForms(irregular=data["irregular"], doubled=data["doubled"]["words"],
                     telling=data.get("headline", {}).get("telling", []))


def inflections(lemma: str) -> frozenset[str]:
    """Every written form of a verb lemma ("acquire" -> acquire, acquires, acquired, acquiring)."""
    lemma = lemma.lower()
    table = verb_forms()
    forms = {lemma, *table.irregular.get(lemma, ())}
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye")):
        stem_ing, stem_ed = lemma[:-1] + "ing", lemma + "d"
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        stem_ing, stem_ed = lemma + "ing", lemma[:-1] + "ied"
    elif lemma in table.doubled or _SHORT_CVC.fullmatch(lemma.rsplit("-", 1)[-1]):
        stem_ing, stem_ed = lemma + lemma[-1] + "ing", lemma + lemma[-1] + "ed"
    else:
        stem_ing, stem_ed = lemma + "ing", lemma + "ed"
    if lemma.endswith(("s", "sh", "ch", "x", "z")) or lemma in ("go", "do"):
        third = lemma + "es"
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    forms.update((stem_ing, third))
    if lemma not in table.irregular:
        forms.add(stem_ed)
    return frozenset(forms)


def noun_forms(noun: str) -> frozenset[str]:
    """A noun and its plural ("acquisition" -> acquisitions; "ipo" -> ipos)."""
    noun = noun.lower()
    if noun.endswith(("s", "sh", "ch", "x")):
        return frozenset((noun, noun + "es"))
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return frozenset((noun, noun[:-1] + "ies"))
    return frozenset((noun, noun + "s"))


@functools.cache
def titles() -> frozenset[str]:
    """Words of job titles (``people.toml``)."""
    words = read_toml("people.toml")["titles"]
    if any(w != w.lower() for w in words):
        raise ValueError("titles are written in lower case")
    return frozenset(words)


@functools.cache
def staff_words() -> frozenset[str]:
    """Nouns for staff told as a group (``people.toml``)."""
    return frozenset(read_toml("people.toml")["staff"])


@functools.cache
def common_words() -> frozenset[str]:
    """Lower-case English words of running text (``common_words.txt``, built from UD English EWT)."""
    text = resources.files(__package__).joinpath("common_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


# --- status, numbers, legal suffixes, citations, datelines, currencies ---------------------------

#: What a phrase of a word list may hold: lower-case words, digits, spaces, hyphens, apostrophes and
#: the gap "..." (up to three words).
_PHRASE = re.compile(r"[a-z0-9'’-]+(?: (?:[a-z0-9'’-]+|\.\.\.))*")
_GAP = r"(?:[\w.$%'’⟨⟩-]+\s+){0,3}?"


def _phrases(value: list[str]) -> list[str]:
    for phrase in value:
        if not _PHRASE.fullmatch(phrase) or phrase.startswith("...") or phrase.endswith("..."):
            raise ValueError(f"not a phrase (lower-case words, one space apart, '...' only inside): {phrase!r}")
    if len(set(value)) != len(value):
        raise ValueError("a phrase is listed twice")
    return value


#: A list of word-list phrases, checked by :func:`_phrases`.
Phrases = Annotated[list[str], AfterValidator(_phrases)]


class StatusWords(BaseModel, extra="forbid"):
    """The phrases that state each status of a deal (``status.toml``)."""

    terminated: Phrases
    pending: Phrases
    completed: Phrases
    announced: Phrases



class DealNouns(BaseModel, extra="forbid"):
    """Nouns that name a deal, by kind (``deals.toml``)."""

    acquisition: Phrases
    funding: Phrases
    contract: Phrases
    ipo: Phrases



class Numbers(BaseModel, extra="forbid"):
    """Numbers written as words, fractions, words for per cent, and days per unit of time (``numbers.toml``)."""

    cardinals: dict[str, int]
    vague: dict[str, int]
    fractions: dict[str, float]
    percent: Phrases
    days: dict[str, int]

    @field_validator("cardinals", "vague", "fractions", "days")
    @classmethod
    def _words(cls, value: dict) -> dict:
        _phrases(list(value))
        if any(v < 0 for v in value.values()):
            raise ValueError("numbers are not negative")
        return value


class LegalSuffixes(BaseModel, extra="forbid"):
    """Legal-form suffixes of company names (``legal.toml``)."""

    suffixes: list[str]

    @field_validator("suffixes")
    @classmethod
    def _shape(cls, value: list[str]) -> list[str]:
        for s in value:
            if not re.fullmatch(r"[A-Za-z][A-Za-z.,]*(?: [A-Za-z][A-Za-z.]*)?", s) or s.endswith((".", ",")):
                raise ValueError(f"not a legal suffix (letters and inner dots, no trailing dot): {s!r}")
        return value


class Datelines(BaseModel, extra="forbid"):
    dashes: list[str]
    tag_length: int

    @field_validator("dashes")
    @classmethod
    def _dashes(cls, value: list[str]) -> list[str]:
        if not value or any(not d or set(d) - set("-—–") for d in value):
            raise ValueError("dashes are made of -, – and —")
        return value


class Citations(BaseModel, extra="forbid"):
    """Citation cues and dateline pieces (``citations.toml``)."""

    bracket_cues: Phrases
    prose_cues: Phrases
    datelines: Datelines



class Currency(BaseModel, extra="forbid"):
    symbols: list[str]
    words: list[str]

    @field_validator("symbols", "words")
    @classmethod
    def _plain(cls, value: list[str]) -> list[str]:
        if any(not s or s != s.strip() or " " in s for s in value):
            raise ValueError(f"a currency symbol or word is one token: {value!r}")
        return value


class Currencies(BaseModel, extra="forbid"):
    """Currency symbols, codes and words, and scale words (``currencies.toml``)."""

    currencies: dict[str, Currency]
    scales: dict[str, int]

    @field_validator("currencies")
    @classmethod
    def _codes(cls, value: dict[str, Currency]) -> dict[str, Currency]:
        for code in value:
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise ValueError(f"currencies are keyed by ISO 4217 code: {code!r}")
        forms = [f.lower() for c in value.values() for f in c.symbols + c.words] + [c.lower() for c in value]
        if len(set(forms)) != len(forms):
            raise ValueError("a currency symbol or word belongs to two currencies")
        return value

    @field_validator("scales")
    @classmethod
    def _scales(cls, value: dict[str, int]) -> dict[str, int]:
        for word, power in value.items():
            if word != word.lower() or not word.isalpha() or not 0 < power <= 15:
                raise ValueError(f"a scale is a lower-case word and a power of ten from 1 to 15: {word!r}")
        return value


class Exchanges(BaseModel, extra="forbid"):
    """Stock exchanges as their names are written (``exchanges.toml``)."""

    abbreviations: list[str]
    words: list[str]

    @field_validator("abbreviations", "words")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value) or not all(re.fullmatch(r"[^\W\d_][\w ]*", v) for v in value):
            raise ValueError("exchange names are words, each listed once")
        return value


@functools.cache
def exchanges() -> Exchanges:
    return Exchanges(**read_toml("exchanges.toml"))


def exchange_alternation(abbreviations_only: bool = False) -> str:
    """The names of stock exchanges as an alternation (with ``abbreviations_only``, only the short names
    a ticker is given with: "(ASX: QRV)")."""
    table = exchanges()
    names = table.abbreviations + ([] if abbreviations_only else table.words)
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@functools.cache
def status_words() -> StatusWords:
    return StatusWords(**read_toml("status.toml"))


@functools.cache
def deal_nouns() -> DealNouns:
    return DealNouns(**read_toml("deals.toml"))


def deal_noun_alternation(*kinds: str, plural: bool = False) -> str:
    """The nouns that name one deal of ``kinds`` ("acquisition", "funding", "contract", "ipo"; all when
    none is given) as an alternation; with ``plural`` their plurals too."""
    table = deal_nouns()
    words = [w for k in (kinds or tuple(DealNouns.model_fields)) for w in getattr(table, k)]
    return alternation(f for w in words for f in (noun_forms(w) if plural else (w,)))


@functools.cache
def numbers() -> Numbers:
    return Numbers(**read_toml("numbers.toml"))


@functools.cache
def legal() -> LegalSuffixes:
    return LegalSuffixes(**read_toml("legal.toml"))


@functools.cache
def citations() -> Citations:
    return Citations(**read_toml("citations.toml"))


@functools.cache
def currencies() -> Currencies:
    return Currencies(**read_toml("currencies.toml"))


def alternation(phrases) -> str:
    """A regular-expression alternation of word-list phrases, longest first (so "closed the deal" is
    tried before "closed"); a space matches any white space and "..." up to three words."""
    out = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        # Each word takes the white space after it; the gap takes its own (a phrase never ends in one).
        pattern = "".join(_GAP if w == "..." else re.escape(w) + r"\s+" for w in phrase.split(" "))
        out.append(pattern.removesuffix(r"\s+"))
    return "|".join(out)


def phrase_pattern(phrases) -> re.Pattern:
    """Whole-word, case-insensitive pattern of word-list phrases."""
    return re.compile(rf"(?<![\w-])(?:{alternation(phrases)})(?![\w-])", re.IGNORECASE)


STATUSES = ("terminated", "pending", "completed", "announced")


@functools.cache
def status_pattern(status: str) -> re.Pattern:
    """The phrases of one status ("terminated", "pending", "completed", "announced") as a pattern."""
    if status not in STATUSES:
        raise KeyError(f"no such status: {status!r}")
    return phrase_pattern(getattr(status_words(), status))


@functools.cache
def number_words() -> dict[str, int]:
    """Whole numbers written as words: "two" -> 2, "a dozen" -> 12."""
    return dict(numbers().cardinals)


def number_value(word: str) -> int | None:
    """A whole number written in digits ("1,200") or as words ("seven", "a dozen"), else None."""
    w = " ".join(word.lower().replace(",", "").split())
    return int(w) if w.isdigit() else number_words().get(w)


@functools.cache
def count_alternation(least: int = 0) -> str:
    """An alternation of a count written in digits or as a word from ``least`` on (no groups)."""
    words = [w for w, n in number_words().items() if n >= least]
    return rf"\d{{1,3}}(?:,\d{{3}})+|\d+|{alternation(words)}"


@functools.cache
def number_word_alternation(least: int = 0, vague: bool = False) -> str:
    """An alternation of the numbers written as words from ``least`` on ("two", "a dozen"), and with
    ``vague`` the counts that name no exact number ("a few", "several")."""
    words = [w for w, n in number_words().items() if n >= least]
    return alternation(words + (list(numbers().vague) if vague else []))


@functools.cache
def percent_alternation() -> str:
    """An alternation of what makes a figure a share: the sign or a word ("%", "per cent", "pct")."""
    return rf"%|(?:{alternation(numbers().percent)})\b"


def days_per(unit: str) -> int | None:
    """Days in one ``unit`` of time ("week" -> 7), else None."""
    return numbers().days.get(unit.lower())


@functools.cache
def legal_suffix_alternation(space: str = r"\s+") -> str:
    """Legal suffixes as an alternation (longest first); a dot or comma in one is optional, and
    ``space`` is what a space in a suffix matches."""
    out = []
    for suffix in sorted(set(legal().suffixes), key=lambda s: (-len(s), s)):
        out.append("".join(space if ch == " " else r"\.?" if ch == "." else ",?" if ch == "," else re.escape(ch)
                           for ch in suffix))
    return "|".join(out)


@functools.cache
def citation_pattern() -> re.Pattern:
    """A bracketed citation, "(Source: ...)" or "[Via: ...]"; group ``body`` is what it cites."""
    cues = alternation(citations().bracket_cues)
    return re.compile(rf"[(\[]\s*(?:{cues})\s*:\s*(?P<body>[^()\[\]]{{1,300}})[)\]]", re.IGNORECASE)


@functools.cache
def prose_citation_cues() -> str:
    """The words that name a document in the prose ("according to", "disclosed in") as an alternation."""
    return alternation(citations().prose_cues)


@functools.cache
def dateline_dash() -> str:
    """The dash that ends a dateline, as an alternation ("--" before "-")."""
    return "|".join(re.escape(d) for d in sorted(citations().datelines.dashes, key=len, reverse=True))


@functools.cache
def wire_tag(first_capital: bool = True) -> str:
    """A wire service's tag after a dateline's date: "/Foo Newswire/" or "(Foo Wire)"."""
    n = citations().datelines.tag_length
    inner = rf"[A-Z][\w .&-]{{1,{n}}}" if first_capital else rf"[^)]{{1,{n}}}"
    return rf"(?:/[^/\n]{{2,{n}}}/|\({inner}\))"


@functools.cache
def currency_by_form() -> dict[str, str]:
    """ISO code of every currency symbol, word and code, keyed in lower case ("dlrs" -> "USD")."""
    out = {}
    for code, c in currencies().currencies.items():
        out[code.lower()] = code
        for form in c.symbols + c.words:
            out[form.lower()] = code
    return out


def _forms_alternation(forms) -> str:
    # A form that starts with a letter must not continue a word: "Rs 500", not "years 500". Forms in a
    # row that start with letters share one such test, which the regex engine then makes once per position.
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    runs = [(alpha, [re.escape(f) for f in group]) for alpha, group in itertools.groupby(ordered, lambda f: f[0].isalpha())]
    return "|".join(rf"(?<![A-Za-z])(?:{'|'.join(group)})" if alpha else "|".join(group) for alpha, group in runs)


@functools.cache
def currency_prefix() -> str:
    """Symbols and codes written before an amount, as an alternation ("US$" before "$")."""
    return _forms_alternation([s for c in currencies().currencies.values() for s in c.symbols]
                              + list(currencies().currencies))


@functools.cache
def currency_suffix() -> str:
    """Words and codes written after an amount, as an alternation (whole words)."""
    forms = [w for c in currencies().currencies.values() for w in c.words] + list(currencies().currencies)
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


@functools.cache
def scale_factors() -> dict[str, int]:
    """The power of ten of each scale word ("bn" -> 9, "crore" -> 7)."""
    return dict(currencies().scales)


@functools.cache
def scale_alternation() -> str:
    """Scale words, longest first; single letters only when no letter follows."""
    words = sorted(scale_factors(), key=lambda w: (-len(w), w))
    return "|".join(w + (r"\b" if len(w) == 1 else "") for w in words)
