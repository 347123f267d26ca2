"""Cue words: what a figure measures, who acts, which state a deal is in.

These are general English patterns of financial writing ("raised", "valuing ... at", "acquisition
of", "pending regulatory approval"), never names of particular companies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..model import FactType
from .mentions import Mention

PRONOUN_START = re.compile(r"\s*(?:[*•-]\s*)?(?:the (?:company|firm|startup|group|business|vendor|provider)|it|its|"
                           r"they|their)\b",
                           re.IGNORECASE)

_NEVER = r"(?!)"
#: (measure, pattern searched in the words just before the figure, pattern searched just after)
_MEASURES: tuple[tuple[str, str, str], ...] = (
    ("valuation", r"valu(?:ing|ed|es|ation)\b[^$:;]{0,60}$", r"^\s*valuation"),
    ("total_funding", r"(?:total|combined|aggregate) funding\b[^$]{0,80}$|funding for\b[^$]{0,80}$", _NEVER),
    ("capex", r"(?:capex|capital expenditure|capital spending|budget(?:ed)?|outlay|spend(?:ing)?)\b[^$]{0,80}$",
     r"^[^.;%]{0,40}\b(?:capex|capital expenditure|capital spending|outlay|spend|spending)\b"),
    ("ipo_proceeds", r"\b(?:ipo|initial public offering)\b[^$]{0,30}$",
     r"^[^.;]{0,40}\b(?:ipo|initial public offering)\b"),
    ("acquisition", r"\b(?:acqui(?!rers?\b)\w+|buy(?:ing|out)?|purchase|takeover|merger)\b[^$]{0,40}$",
     r"^[^.;]{0,30}\b(?:acqui\w+|takeover|buyout|purchase of)\b"),
    ("contract", r"\b(?:deal|contract|agreement|arrangement|pact|commitment) (?:with|from)\b[^$]{0,40}$|"
                 r"\b(?:deals|contracts|agreements|orders) (?:worth|valued at|totall?ing)\s+$",
     r"^[^.;]{0,20}\b(?:contract|agreement|arrangement|pact|deal) with\b"),
    ("funding_round", r"\b(?:round|series [a-z]|seed)\b[^$]{0,20}$",
     r"^[^.;]{0,60}\b(?:round|led by|series [a-z]|seed)\b"),
    ("strategic_investment", r"\b(?:stake|investment|invest(?:ed|s)?|backing)\b[^$]{0,20}$",
     r"^\s*(?:equity |minority |strategic |partial )?(?:stake|investment|exit)\b|^[^.;]{0,12}\bfrom\b"),
    ("funding_round", r"\b(?:rais\w+|secured|landed|received|closed|funding)\b[^$]{0,25}$", _NEVER),
)
MEASURE_TYPES: dict[str, tuple[FactType, ...]] = {
    "valuation": (FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT, FactType.ACQUISITION, FactType.IPO),
    "total_funding": (FactType.LIST_METRIC,),
    "capex": (FactType.CAPEX_BUDGET,),
    "ipo_proceeds": (FactType.IPO,),
    "acquisition": (FactType.ACQUISITION,),
    "contract": (FactType.COMMERCIAL_CONTRACT,),
    "funding_round": (FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT),
    "strategic_investment": (FactType.STRATEGIC_INVESTMENT, FactType.FUNDING_ROUND),
    "share_price": (FactType.PRICE_OBSERVATION,),
    "change": (FactType.PRICE_CHANGE, FactType.PRICE_OBSERVATION),
    "member_count": (FactType.LIST_METRIC,),
    "status": (FactType.ACQUISITION,),
    "talent": (FactType.TALENT_MOVE,),
    "average": (),
    "amount": (FactType.FUNDING_ROUND, FactType.STRATEGIC_INVESTMENT, FactType.IPO, FactType.ACQUISITION,
               FactType.COMMERCIAL_CONTRACT, FactType.CAPEX_BUDGET),
}


def measure_of(before: str, after: str) -> str:
    """What a money figure measures, from the words before (``before``) and after it."""
    b, a = before.lower()[-120:], after.lower()[:90]
    for measure, pat_before, pat_after in _MEASURES:
        if re.search(pat_before, b) or re.search(pat_after, a):
            return measure
    return "amount"


SHARE_PRICE = re.compile(r"\b(?:trad(?:ing|ed|es)|shares?|stock|per share|a share|share price|priced at|closed at|"
                         r"opened at|(?:first[- ]day |debut )?close of|closing price|(?:ipo|offer(?:ing)?) price)\b",
                         re.IGNORECASE)

UP = re.compile(r"\b(?:increased|rose|risen|gained|climbed|jumped|grew|grown|surged|soared|rallied|advanced|"
                r"(?<!\bmake )(?<!\bmakes )(?<!\bmade )(?<!\bmaking )up)\b[^%.;]{0,30}$", re.IGNORECASE)
DOWN = re.compile(r"\b(?:fallen|fell|dropped|declined|lost|down|slid|slumped|plunged|decreased|sank|"
                  r"tumbled)\b[^%.;]{0,30}$", re.IGNORECASE)
#: A change named by the noun after its figure: "a 30% drop", "a 50% gain".
UP_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:gain|rise|increase|jump|rally|climb|surge|advance|pop|uplift|premium|"
                      r"mark-?up)\b|"
                      r"^\s*(?:above|higher than|over)\s+(?:its|the|their)\b", re.IGNORECASE)
DOWN_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:drop|decline|fall|slide|loss|plunge|decrease|slump|tumble|haircut|"
                        r"discount)\b|"
                        r"^\s*(?:below|under|lower than|off|beneath)\s+(?:its|the|their)\b", re.IGNORECASE)


_UP_OF = re.compile(r"\b(?:increase|rise|gain|jump|climb|surge|premium)\s+of\s*$", re.IGNORECASE)
_DOWN_OF = re.compile(r"\b(?:decrease|decline|drop|fall|loss|slide|plunge|discount)\s+of\s*$", re.IGNORECASE)


def direction(before: str, after: str) -> str:
    """ "up", "down" or "" for a percentage, from the verb before it ("rose 12%"), the noun right after
    it ("a 30% drop") or the noun that introduces it ("an increase of 180%")."""
    if _UP_OF.search(before) or _DOWN_OF.search(before):
        return "up" if _UP_OF.search(before) else "down"
    if UP.search(before) or UP_AFTER.match(after):
        return "up"
    if DOWN.search(before) or DOWN_AFTER.match(after):
        return "down"
    return ""


# A change stated in words: "more than doubled", "halved", "lost roughly half its value".
WORD_CHANGE = re.compile(r"(?P<verb>doubled|tripled|trebled|quadrupled|halved)\b|\b(?P<fall>lost|shed|fell by|"
                         r"dropped by|declined by|wiped out|gave up|down)\s+"
                         r"(?P<q>(?:more than|over|nearly|almost|roughly|about|around|some|close to)\s+)?"
                         r"(?P<frac>half|a third|two[- ]thirds|a quarter|three[- ]quarters)\b",
                         re.IGNORECASE)
#: Percent change of each word: "doubled" is up 100%, "lost a third" down 33.3%.
#: What a change in words must be about to be a share-price change ("revenue tripled" is not).
PRICE_CONTEXT = re.compile(r"\b(?:shares?|stock|market value|market cap\w*|valuation|value|price)\b", re.IGNORECASE)
WORD_CHANGE_PERCENT = {"doubled": ("up", "100"), "tripled": ("up", "200"), "trebled": ("up", "200"),
                       "quadrupled": ("up", "300"), "halved": ("down", "50"), "half": ("down", "50"),
                       "a third": ("down", "33.3"), "two-thirds": ("down", "66.7"), "two thirds": ("down", "66.7"),
                       "a quarter": ("down", "25"), "three-quarters": ("down", "75"), "three quarters": ("down", "75")}
#: A price stated as a multiple of a reference price: "nearly 3x its IPO price", "2.5 times the offer price".
MULTIPLE = re.compile(r"(?:(?P<n>\d+(?:\.\d+)?)\s?(?:x|×|times)|(?P<word>half|twice|double|triple|three times|"
                      r"a third of|a quarter of))\s+(?:(?:its|the|their)\s+)?(?P<price>[$€£]\s?\d+(?:\.\d+)?\s+)?"
                      r"(?P<ref>(?:ipo|offer(?:ing)?|listing)\s+price|first[- ]day close|debut close)\b", re.IGNORECASE)
#: The multiple each word states: "half its offer price" is 0.5 times it.
MULTIPLE_WORDS = {"half": "0.5", "twice": "2", "double": "2", "triple": "3", "three times": "3", "a third of": "0.333",
                  "a quarter of": "0.25"}
#: What says a stated share price is a reference price, by reference: the offer price ("listed at $14 a
#: share", "priced its IPO at $20") or the first-day close ("closed its first day at $36").
PRICE_REFERENCES: tuple[tuple[str, re.Pattern], ...] = (
    ("first_day_close", re.compile(r"\b(?:clos\w+ (?:its|the) (?:first (?:trading )?day|debut)|first[- ]day clos\w*|"
                                   r"end(?:ed)? (?:its|the) first day)(?:\s+(?:of|at|was))?\s*$", re.IGNORECASE)),
    ("offer_price", re.compile(r"\b(?:ipo|listed|listing|priced|offer(?:ing)? price|debut(?:ed)?|went public|floated)\b"
                               r"(?:(?!\b(?:opened|closed|trad\w*|rose|fell|jumped|now)\b)[^.;$]){0,40}$",
                               re.IGNORECASE)),
)


_REFERENCE_NOUN_AFTER = re.compile(r"^\s*(?:(?P<offer_price>(?:ipo|offer(?:ing)?|listing) price)|"
                                   r"(?P<first_day_close>first[- ]day close))\b", re.IGNORECASE)


def price_reference(before: str, after: str = "") -> str:
    """Which reference price ("offer_price", "first_day_close") a share price is, from the words before
    it ("listed at $14") or the noun right after it ("its $18 offer price")."""
    named = _REFERENCE_NOUN_AFTER.match(after)
    if named:
        return named.lastgroup
    return next((name for name, pattern in PRICE_REFERENCES if pattern.search(before)), "")
REFERENCES: tuple[tuple[str, str], ...] = (
    ("ytd", r"year[- ]to[- ]date|\bytd\b|since the start of the year|so far this year"),
    ("first_day_close", r"first[- ]day clos\w*|(?:its|the) debut clos\w*|first day of trading"),
    ("offer_price", r"\b(?:ipo|offer(?:ing)?) price\b"),
    ("since_ipo", r"since (?:its |the )?(?:ipo|listing|debut|flotation)"),
    ("yoy", r"year[- ]over[- ]year|from a year (?:ago|earlier)"),
)

DEAL = re.compile(r"\bacqui\w+|\bmerger\b|\btakeover\b|\bbuyout\b|"
                  r"\b(?:deal|agreement|offer|plan) to (?:buy|purchase)\b|\bpurchase of\b|"
                  r"\b(?:agreed|agrees|agreeing) to (?:buy|purchase)\b", re.IGNORECASE)
#: A price paid, in a sentence after the deal it belongs to: "It will pay $2 billion".
PAYS = re.compile(r"\b(?:pay|pays|paid|paying)\s+(?:about\s+|roughly\s+|some\s+)?$", re.IGNORECASE)
#: A sentence about the deal just named: "The transaction is expected to close in the fourth quarter."
THE_DEAL = re.compile(rf"^\s*(?:the|this|that) (?:{lexicon.deal_noun_alternation('acquisition')})\b",
                      re.IGNORECASE)
#: The deal just named, anywhere in a sentence: "Regulators blocked the deal in July".
NAMES_DEAL = re.compile(rf"\b(?:the|this|that|its)\s+(?:[\w-]+\s+){{0,2}}?"
                        rf"(?:{lexicon.deal_noun_alternation('acquisition')})\b", re.IGNORECASE)
ACQUIRED_BY = re.compile(r"\b(?:was|were|been|is being|to be) (?:acquired|bought|purchased) by\s*$", re.IGNORECASE)
TARGET_CUE = re.compile(r"\b(?:acquire|acquiring|acquisition of|acquired|buy|buying|purchase of|takeover of|"
                        r"merger with)\s+(?:of\s+)?$", re.IGNORECASE)

TALENT = re.compile(r"\b(?:lost its|poached|hired|hires|hiring of|departure of|joined)\b\s+(?:its |their |the )?"
                    r"(?:ceo|cto|cfo|founder|co-founder|chief [a-z]+ officer|president|head of [a-z]+)\b",
                    re.IGNORECASE)

# "a top-three vendor", "the largest deal", "one of the three most valuable private GPU clouds"
_ONE_ON = lexicon.number_word_alternation(1)  # "one", "two", ... "a dozen"
_TWO_ON = lexicon.number_word_alternation(2)
RANKING = re.compile(rf"\b(?:a|an|the)\s+(?P<rank>top[- ](?:{_ONE_ON}|\d{{1,2}})|(?:second|third)[- ]largest|largest|"
                     rf"biggest|fastest[- ]growing|No\.\s?\d{{1,2}}|(?:{_TWO_ON}|\d{{1,2}})\s+"
                     r"(?:largest|biggest|most valuable|fastest[- ]growing|leading))\s+"
                     r"(?P<noun>(?:[a-z][a-z\-]*\s+){0,4}?"
                     r"(?:vendor|provider|company|compan|player|subsegment|segment|market|firm|deal|investor|share|"
                     r"supplier|cloud|neocloud|lab|startup|operator)(?:s|ies)?)\b",
                     re.IGNORECASE)

COUNT = re.compile(r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d{1,4})\s+(?P<noun>companies|firms|startups|start-ups|members|deals|"
                   r"acquisitions|investors|employees|engineers|customers|vendors|providers|countries|data centers|"
                   r"data centres|funds|rounds|neoclouds|operators|hyperscalers|players|labs)\b", re.IGNORECASE)

_GROUP = re.compile(rf"\b(?:the\s+)?(?:(?:top|largest|biggest|leading|major)\s+)?(?:{_TWO_ON}|\d{{1,2}})\s+"
                    r"(?:(?:top|largest|biggest|leading|major)\s+)?(?:[a-z-]+\s+)?(?:hyperscalers|companies|"
                    r"firms|providers|vendors|operators|carriers|startups|players|labs|cloud providers|acquirers|"
                    r"buyers|investors|backers|bidders)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Group:
    start: int
    end: int
    text: str
    members: tuple[str, ...]


def groups(body: str, offset: int, mentions: list[Mention]) -> list[Group]:
    """Named sets such as "Four top hyperscalers—A, B, C and D—"; members are the names listed right after."""
    out = []
    for m in _GROUP.finditer(body):
        members: tuple[str, ...] = ()
        rest = body[m.end():]
        opener = re.match(r"\s*(—|–|--|\(|:)\s*", rest)
        if opener:
            closer = {"(": ")", ":": "."}.get(opener.group(1), opener.group(1))
            stop = rest.find(closer, opener.end())
            stop = stop if stop > 0 else min(len(rest), 200)
            lo, hi = offset + m.end() + opener.end(), offset + m.end() + stop
            members = tuple(x.name for x in mentions if lo <= x.start and x.end <= hi)
        text = re.sub(r"^the\s+", "", m.group(0), flags=re.IGNORECASE)
        out.append(Group(offset + m.start(), offset + m.end(), text, members))
    return out


_AGENT = re.compile(r"(?:\bled by|\bbacked by|\bfrom|\bby|\bwith|\bto)\s*$", re.IGNORECASE)


#: A figure stated per member of a group ("an average of $4 billion each") or for the group as a whole
#: ("a total of $28 billion", "together $20 billion", "$20 billion combined").
_AVERAGE_BEFORE = re.compile(r"\b(?:average|mean)(?:\s+[a-z-]+){0,3}?(?:\s+(?:of|was|is|came to))?\s*$|"
                             r"\baverag(?:ing|ed)\s*$|\bon average\s*$", re.IGNORECASE)
_AVERAGE_AFTER = re.compile(r"^\s*(?:each|apiece|on average|a (?:company|startup|firm|deal|round)|"
                            r"per (?:company|startup|firm|deal|round|member|provider))\b",
                            re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"\b(?:a total of|in total|totall?ing|together|combined|altogether|collectively|in all|"
                           r"between them|a combined|an aggregate(?: of)?|sum of)\s*$|"
                           r"\b(?:total|combined|together|sum)\s*(?:[:|]\s*)+$|"
                           r"\b(?:together|collectively|jointly|between them)\s+(?:have\s+|had\s+)?(?:raised|spent|"
                           r"paid|invested|secured|committed|brought in|took in)\s*$", re.IGNORECASE)
_TOTAL_AFTER = re.compile(r"^\s*(?:in total|combined|altogether|collectively|in all|between them)\b", re.IGNORECASE)


def aggregation(before: str, after: str) -> dict[str, bool]:
    """``{"average": True}``, ``{"total": True}`` or ``{}`` for a figure, from the words around it."""
    if _AVERAGE_BEFORE.search(before) or _AVERAGE_AFTER.match(after):
        return {"average": True}
    if _TOTAL_BEFORE.search(before) or _TOTAL_AFTER.match(after):
        return {"total": True}
    return {}


#: A whole number written in digits ("1,200") or as words ("seven", "a dozen"), else None (the lexicon's).
number = lexicon.number_value


def group_size(name: str) -> int | None:
    """How many members a group's name counts: "Seven GPU-cloud startups" -> 7, "the 12 deals" -> 12."""
    return next((n for word in re.findall(r"[a-z0-9]+", name.lower()) if (n := number(word)) is not None), None)


_COUNT_WORD = lexicon.count_alternation()
#: "12 of the 50 companies", "three out of seven deals": a part of a counted whole.
PART_OF_COUNT = re.compile(rf"\b(?P<a>{_COUNT_WORD})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?"
                           rf"(?P<b>{_COUNT_WORD})\b",
                           re.IGNORECASE)


AGGREGATE = re.compile(r"\b(?:total|aggregate|combined|overall)\b[^$.;]{0,40}$", re.IGNORECASE)
#: A press release's dateline: "SAN FRANCISCO, April 2, 2026 --", "LONDON, 3 June 2026 /PRNewswire/ --".
DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][A-Za-z.]+)?,\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|"
                      rf"\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}})\s*{lexicon.wire_tag(first_capital=False)}?\s*"
                      rf"(?:{lexicon.dateline_dash()})\s*")
#: A heading label before a sentence of its own ("Warning signals: The Brellix case ..."); a name
#: before a figure ("Aldine Compute: $1.2 billion") or a clause ("X led the quarter: it raised") is no label.
LABEL = re.compile(r"^\s*(?:[*•-]\s*|\d{1,2}\.\s*)?[A-Z][\w&+/-]*(?:\s[\w&+/-]+){0,5}:\s(?=\s*[A-Z\"“])")


def is_agent(text: str, start: int) -> bool:
    """True when the name at ``start`` follows "led by", "backed by", "from", "with": a party, not the subject."""
    before = text[max(0, start - 14):start]
    return bool(_AGENT.search(before)) and not re.search(r"(?:^|\n)\s*$", before)


def group_words(name: str) -> frozenset[str]:
    """Content words of a group name, so "Four top hyperscalers" and "the top four hyperscalers" meet."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in {"the", "of", "a", "an"})
