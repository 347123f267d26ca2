"""Names in deal prose: which capitalised spans are companies, which are people, and their full forms.

Company names are found from general cues only: runs of capitalised words (with "&", "of" and
legal suffixes inside), names that start with a digit or a lower-case letter ("1Finity", "xAI"),
ticker cues ("(NASDAQ: X)") and company words ("Networks", "Capital", "Inc."). Capitalised
words that are not names (sentence openers, months, roles, nationalities, generic acronyms) are
trimmed. People are told apart from companies by the roles next to them ("chief executive X",
"X, 61,", "X, who ...", "X, head of ..."). Within one document a short form is mapped to the
fullest form it abbreviates ("Orla" -> "Orla Semiconductor") and a ticker to its company.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..lexicon import (alternation, common_words, currency_by_form, exchange_alternation, inflections,
                       legal_suffix_alternation, titles)

# Latin letters with accents, for names such as "Atlântico", "Škoda", "Łódź" (Python's re has
# no Unicode case classes): capitals of Latin-1 and all of Latin Extended-A, where cases alternate.
_UP = "A-ZÀ-ÖØ-ÞĀ-ž"
_LET = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
# One word of a name: "Nvidia", "AT&T", "A.B.", "1Finity", "xAI", "eviCore", "Q.Labs", "K77", "Co-Founder".
# A name written as a web domain ("Widget.ai", "Quorva.io", "Pellham.com") is one word too.
_DOMAIN = r"(?:ai|io|com|co|net|org|app|dev|tech|cloud|xyz|so|sh)(?![A-Za-z0-9])"
_WORD = (rf"(?:[{_UP}][{_LET}0-9\-]*\.{_DOMAIN}|[A-Z]\.[A-Z][a-z]{{2,}}|[A-Z](?:\.[A-Z])+\.?|[{_UP}][{_LET}0-9&'’\-]*(?!\.[a-z])(?:\.[A-Z][A-Za-z]+)?\.?|"
         rf"\d+[A-Za-z][A-Za-z0-9\-]*|[a-z]{{1,3}}[A-Z][A-Za-z0-9]*)")
# Words of a name are joined by spaces (or one line break, in hard-wrapped text), "&", "of".
_JOIN = r"(?:(?:[ \t]*\n)?[ \t]+(?:&[ \t]+|of[ \t]+(?:the[ \t]+)?|de[ \t]+|du[ \t]+|for[ \t]+)?|[ \t]*\n(?=[A-Z])|[ \t]*&[ \t]*)"
_BLANK = r"[ \t]+"
_SUFFIX = rf"(?:,?{_BLANK}(?:{legal_suffix_alternation(_BLANK)})\.?(?![A-Za-z]))"  # lexicon/legal.toml
_NUMBER_NAME = r"(?:\d{1,4}[ \t]+(?=(?:Capital|Ventures|Partners|Group|Holdings|Labs|Systems)\b))"
NAME_RE = re.compile(rf"(?<![\w$€£.])(?:{_NUMBER_NAME})?{_WORD}(?:{_JOIN}{_WORD})*"
                     rf"(?:(?<=Fund)[ \t]+\d{{1,2}}(?![\d,.%]))?{_SUFFIX}?")
# "(NASDAQ: QSG)", or the wire services' "Quill Systems <QSG>".
TICKER_RE = re.compile(r"\((?:NYSE|NASDAQ|Nasdaq|TSX|LSE|ASX|TSE|HKEX|SIX|XETRA|Euronext)[^:)]{0,12}:\s*([A-Z][A-Z.\-]{0,6})\)"
                       r"|<(?=[A-Z.\-]{1,7}>)([A-Z][A-Z.\-]{0,6})>")
# The wire services' mark for a company without a ticker: "<Halvora Moulding Co Ltd>", "<Swedish Quill AB's>".
# Everything inside is the name (a nationality or place word too), unless it is a ticker or an address.
_BRACKETED = re.compile(r"<(?=[A-Z0-9])([^<>@]{2,80}?)(?:['’]s)?>")
# "the U.S. government", "the Zimbabwe government", "the South Korean state": a country's government (the
# words before it a place or nationality, checked where it is read).
GOVERNMENT_RE = re.compile(r"\b(?:[Tt]he\s+)?(U\.S\.|US|UK|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(government|Treasury|state"
                           # "state" a noun only before a verb or the clause's end ("the Italian state food firm")
                           r"(?=\s*[,.;:)]|\s+(?:has|had|have|is|was|will|would|said|says|sold|sells|bought|buys|owns|owned|"
                           r"holds|held|took|takes|agreed|agrees|plans|planned|controls|controlled)\b))\b")

_PUBLIC_BODY_NOUNS = ("government", "state", "province", "city", "county", "commonwealth")
_GOVERNMENT_OF = re.compile(r"\bthe\s+(government|state|province|city|county|commonwealth)\s+of\s+"
                            r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")

# Places: not names on their own, and a possessive's owner ("Lisbon's Atlântico Cloud" names
# Atlântico Cloud), but kept at the start of a longer name ("Texas Instruments", "Taiwan Semiconductor").
_PLACE_NOUNS = frozenset("""
europe asia america africa china japan korea israel india finland norway sweden denmark canada australia
taiwan france germany britain england italy spain ireland belgium austria singapore russia brazil mexico
portugal netherlands poland switzerland arabia qatar kuwait bahrain oman emirates uae abu dhabi hong kong turkey
indonesia malaysia thailand vietnam philippines
soviet union ussr libya algeria morocco tunisia egypt nigeria kenya ghana ethiopia angola zambia zimbabwe
iran iraq syria lebanon pakistan bangladesh sri lanka nepal burma myanmar cambodia laos mongolia kazakhstan
venezuela colombia peru chile argentina ecuador bolivia uruguay paraguay cuba jamaica haiti panama
nicaragua guatemala honduras salvador costa rica greece hungary romania bulgaria yugoslavia czechoslovakia
ukraine belarus iceland luxembourg zealand
texas california virginia ohio oregon arizona nevada utah
ala ariz ark calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va
vt wash wis wyo york jersey hampshire orleans
los angeles san francisco diego jose chicago boston houston dallas atlanta miami seattle denver detroit phoenix
philadelphia pittsburgh cleveland minneapolis london paris tokyo toronto montreal vancouver calgary sydney melbourne
frankfurt munich zurich geneva milan rome madrid seoul beijing shanghai mumbai bangalore dubai amsterdam stockholm
oslo copenhagen helsinki dublin brussels vienna osaka taipei manila jakarta
london paris tokyo washington silicon valley lisbon madrid berlin munich amsterdam stockholm oslo helsinki
copenhagen dublin zurich geneva vienna warsaw prague milan rome barcelona seoul beijing shanghai shenzhen
bangalore mumbai dubai riyadh toronto montreal vancouver sydney melbourne boston seattle chicago atlanta
denver dallas houston miami
""".split())
_NATIONALITIES = frozenset("""
french dutch german british american chinese japanese korean israeli indian finnish norwegian swedish danish
canadian australian european asian taiwanese saudi emirati swiss italian spanish irish belgian austrian
singaporean russian brazilian mexican african arab polish czech portuguese greek turkish qatari nordic scandinavian
baltic hungarian romanian ukrainian vietnamese thai indonesian malaysian filipino pakistani egyptian nigerian kenyan
chilean argentine colombian peruvian estonian latvian lithuanian slovak croatian serbian bulgarian icelandic luxembourgish
""".split())
_STOP = frozenset("""
the a an in on at as by for from with after before when while then also but and or if it its this that these those
their his her our we they he she i under over within since until despite because although according separately
meanwhile together alongside once both each every all some several no none not only one two three four five six
seven eight nine ten what why how who where there here start looking remember analysts shares investors existing
new old other another former previous erstwhile first second third last next more most many much such so yet still even just
startup start-up startups rival rivals chipmaker chipmakers chip-maker neocloud neoclouds unicorn insurgent incumbent
employees staff shareholders customers users executives officials regulators lenders bankers traders dealers brokers
neither either nothing none something everything per via about into out up down off during without
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
chief executive officer president chairman chairwoman chair founder co-founder cofounder director vice head
ceo cto cfo coo cio cso evp svp vp md board chief-executive researcher researchers scientist scientists engineer engineers
ai gpu gpus cpu cpus tpu it ml ipo ipos spac spacs etf etfs crm erp m&a saas us u.s. u.s uk u.k. u.k eu usd eur q1 q2 q3 q4 h1 h2 fy quarter half fiscal
series class phase tier note notes source sources update updated published press release media contact
contacts investor relations forward-looking statements about read more
analysis commentary opinion weekly monthly looking wrap recap issue chip week transcript transcripts earnings call calls
registrant registrants sub merger company purchaser buyer seller issuer parent upon
however moreover instead overall finally additionally thus hence indeed notably importantly similarly likewise
earlier later previously currently recently now days weeks months years hours decades
""".split()) | _PLACE_NOUNS | _NATIONALITIES
# Initials joined by "and", one of them a single letter ("AT and T", "A & P"; "GE and HP" are two names, and
# "M and A" is mergers and acquisitions), with the name's other words before and after them.
_INITIALS_AND = re.compile(r"(?<![\w&.'’-])(?P<x>[A-Z]{1,2}) (?:and|&) (?P<y>[A-Z]{1,2})(?![\w&'’-]|\.\w)"
                           r"(?P<after>(?: [A-Z][\w&.'’-]*)*)")
_NAME_WORDS_BEFORE = re.compile(r"(?:[A-Z][\w&.'’-]* )+$")
_ROMAN = re.compile(r"[IVX]+")
_SHARE_CLASS_BEFORE = re.compile(r"\b(?:[Cc]lass(?:es)?|[Ss]eries|[Pp]hases?|[Tt]iers?|[Tt]ypes?|[Gg]rades?)\s+$")
def _initials_name(sentence: str, m: re.Match) -> Mention:
    """The name "AT and T" (or "South Bay S and L Industries") around initials joined by "and"."""
    start = m.start()
    before = _NAME_WORDS_BEFORE.search(sentence, max(0, start - 60), start)
    if before:
        words = before.group(0).split()
        while words and words[0].lower() in _STOP:
            words.pop(0)  # "The S and L": not part of the name
        start -= len(" ".join(words)) + 1 if words else 0
    end = m.end()
    return Mention(start, end, sentence[start:end])


# The last word of a place's name that says what kind of place it is.
_PLACE_TAILS = frozenset({"County", "City", "Township", "Province", "Parish", "Municipality", "Borough", "Prefecture",
                          "Area", "Valley", "Coast", "Peninsula", "Delta"})
_NEW_PLACES = frozenset({"York", "Jersey", "Zealand", "Delhi", "Mexico", "Hampshire", "England", "Orleans"})
# Words trimmed from a name's end: function words, dates and roles, but not places ("Export
# Development Canada") or "AI", "Co" and "Media" ("Quill AI", "Orla Media": a company word too).
_TAIL_STOP = _STOP - _PLACE_NOUNS - {"co", "ai", "york", "media"}
_COMPANY_WORDS = frozenset("""
inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa nv asa se gmbh limited group holdings holding
networks network systems labs lab technologies technology computing capital ventures venture partners
management fund funds securities semiconductor semiconductors cloud mining data centers center energy
bank investments investment equity global software robotics devices electronics communications telecom
platforms platform microsystems industries solutions services therapeutics dynamics motors ai
compute infra infrastructure power grid photonics optics quantum silicon chips bio biosciences health
analytics digital logistics aerospace automation materials interactive studios media
""".split())
_ROLE = (r"(?:chief\s+(?:executive|technology|financial|operating|strategy|product|commercial|revenue|"
         r"information|scientist|people|marketing|legal)(?:\s+(?:and\s+)?(?:ai\s+)?officer)?|chief|ceo|cto|cfo|coo|"
         r"president|chair(?:man|woman)?|co-?founder|founder|director|vice\s+president(?:\s+of\s+[\w\s'’-]{0,40}?)?|head\s+of\s+[\w\s'’-]{0,40}?|"
         r"executive|officer|engineer|analyst|researcher|scientist|boss|successor|minister|chairperson|partner|[se]?vp)"
         r"(?:-(?:elect|designate))?")  # "chairman-elect", "CEO-designate"
#: What a company is to another ("a former subsidiary of"), never a person.
_UNIT_NOUNS = r"subsidiary|unit|division|affiliate|parent|holding company|arm|spin-?off|joint venture"
_PERSON_BEFORE = re.compile(rf"(?:{_ROLE})(?:\s+(?:and|&)\s+(?:{_ROLE}))?,?\s+$"
                            # verbs whose object is a person: "hired Jane Doe from ...", "lured Ana Ruiz"
                            rf"|\b(?:hired|hires|poached|poaches|recruited|recruits|lured|lures|named|names|appointed|"
                           rf"appoints|tapped|taps)\s+(?:former\s+|longtime\s+|long-time\s+)?(?-i:(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,3}}"
                           # "named Halvora's Dana Wu", "named Halvora veteran Dana Wu"
                           rf"(?:['’]s|\s+(?:veteran|alum|alumna|alumnus))\s+)?)$"
                           # "founded by Ana Ruiz and Ken Obi" (a two- to four-word name without a company word)
                           rf"|\b(?:co-?)?founded\s+by\s+(?-i:(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{1,3}}(?:,\s+|,?\s+and\s+))*)$"
                           # names listed after staff: "its three founders, Ana Ruiz, Ken Obi and ...",
                           # "research scientists Ana Ruiz and ..."
                           rf"|\b(?:co-?founders|founders|executives|engineers|researchers|scientists),?\s+"
                           rf"(?-i:(?:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{1,2}}(?:,\s+|,?\s+and\s+))*)$", re.I)
_PERSON_AFTER = re.compile(rf"^,\s*(?:\d{{2}},|who\b|(?:formerly|previously|most recently|until recently|a former|"
                           rf"the former|an? ex-|ex-|an? (?:co-)?(?:creator|author|inventor|veteran|pioneer)s?)\b"
                           # (what only a company was: "X, a former subsidiary of Y")
                           rf"(?!\s+(?:{_UNIT_NOUNS})\b)"
                           rf"|(?!founded|based|backed|owned|headquartered|including|as\b|(?:became|becomes|will|was|is|has)\b)"
                           rf"(?:(?!whose|which|that|including)[\w&'’.\-]+\s+){{0,6}}?(?:{_ROLE})\b)"
                           # a career in brackets: "X (ex-Orla president)", "X (formerly of Orla)"
                           rf"|^\s*\((?:ex-|former\b|formerly\b|previously\b)"
                           # what only people do: "X is leaving ...", "X resigned", "X joins Y as CTO"
                           rf"|^\s+(?:is leaving|is stepping down|will step down|stepped down|steps down|resigned|has resigned|"
                           rf"will resign|retired|will retire|(?:has |had |will |is set to |is to |is due to |is )?(?:join|joins|joined|joining|rejoin\w*)\b[^.;]{{1,60}}?"
                           rf"\b(?:as\s+(?:its\s+|the\s+|a\s+|an\s+|new\s+)*(?:{_ROLE})|from\b)"
                           rf"|(?:has\s+)?(?:left|departed|quit|leaves|departs|quits)\s+[^.;]{{1,60}}?\b(?:for|to (?:join|become|"
                           rf"run|lead|head|found|co-found|start|launch)|after\s+(?:\w+\s+){{1,3}}(?:years?|months?)\b)\b"
                           # "X has been hired by Y", "X was ousted", "X jumped from Y to Z", "X moves from Y to
                           # Z, where she ...", "X is returning to Y after three years at Z"
                           rf"|(?:has been|have been|had been|was|were|will be|is being)\s+(?:hired|appointed|named|promoted|"
                           rf"poached|recruited|tapped|ousted|fired|dismissed|sacked)\b"
                           rf"|(?:jump|defect)(?:s|ed|ing)?\s+(?:ship\s+)?from\s+(?-i:[A-Z])"
                           rf"|(?:is\s+)?(?:mov|return|head)(?:es|s|ed|ing)?\s+(?:back\s+)?(?:from|to)\b[^.;]{{1,80}}?"
                           rf"\b(?:where\s+(?:she|he)|after\s+(?:\w+\s+){{1,3}}(?:years?|months?)\s+(?:at|with)|"
                           rf"as\s+(?:its\s+|the\s+|a\s+|an\s+|new\s+)*(?:{_ROLE}))\b"
                           # "X is the new chief technology officer of Y", "X became its interim chief executive"
                           rf"|(?:is|was|becomes|became|has become)\s+(?:the|its|their)\s+(?:new|first|next|incoming|"
                           rf"interim|acting)\s+(?!partner\b)(?:{_ROLE})\b(?!\s+(?:supplier|customer|rival|partner|provider|"
                           rf"beneficiary|competitor|vendor|source|contractor|investor|backer)s?\b)"
                           # "X will be Y's first finance chief", "X was previously chief executive of Y"
                           rf"|(?:will|would)\s+(?:be|become)\s+(?:(?:its|their|the)\s+|(?-i:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)"
                           rf"{{0,3}})['’]s\s+)(?:first\s+|new\s+|next\s+)?(?:{_ROLE})\b(?!\s+(?:supplier|customer|rival|partner))"
                           rf"|(?:was|had been)\s+(?:previously|formerly)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{_ROLE})\b"
                           rf"|(?:comes|came)\s+(?:to\s+(?-i:[A-Z])[^.;]{{0,40}}?\s+)?from\b)", re.I)
# A company leaves too ("Zentrix left the alliance for Orla"): a one-word name that leaves is no person by that.
_ONE_WORD_MAY_LEAVE = re.compile(r"\s+(?:has\s+)?(?:left|departed|quit|leaves|departs|quits)\b", re.I)
# What follows a sentence's first word when that word is a name: "Cisco, which ...", "Cisco's",
# "Cisco agreed ...".
_NAME_CONTEXT = re.compile(r"(?:,\s*(?:which|who|whose|a|an|the|founded|based)\b|,\s*[A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+)*"
                           r"\s*(?:,|and)|'s\b|’s\b"
                           # a pair in a headline, named before a verb only two can take ("Zentrix, Halvora agree to merge")
                           r"|,\s*[A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+)*\s+(?:agree|end|discuss|sign|set|form|extend|"
                           r"merge|to merge|in talks|call off)\b|\s+(?:said|says|agreed|"
                           r"announced|raised|acquired|bought|signed|closed|completed|reported|invested|lost|named|"
                           r"hired|sold|took|priced|landed|secured|received|agrees|announces|raises|acquires|buys|"
                           r"signs|closes|completes|invests|sells|takes|prices|lands|secures|receives)\b)")
_NAME_WORD = re.compile(rf"[{_UP}][{_LET}'’\-]+\.?|[A-Z]\.")
# "welcomed X as chief operating officer", "named X as interim CEO" (but "joined X as CTO" names a company)
_HIRED_BEFORE = re.compile(r"\b(?:" + alternation(
    {f for v in ("welcome", "name", "appoint", "hire", "promote", "tap", "elevate", "recruit") for f in inflections(v)}
    | {f + " in" for f in inflections("bring")}
    | {"appointment of", "hiring of", "promotion of", "election of", "recruitment of"}) + r")\s+$")
_AS_ROLE_AFTER = re.compile(rf"\s+as\s+(?:(?:its|our|their|the|a|an|new|interim|acting)\s+)*(?:{_ROLE})\b", re.I)
_SUCCEEDING = re.compile(r"\b(?:replacing|succeeding|replace|succeed)\s+$")
_LEGAL_TAIL = re.compile(rf",?\s+(?:{legal_suffix_alternation()})\.?$")
_LEGAL_ALONE = re.compile(rf"(?:{legal_suffix_alternation()})\.?")


#: Words of a place's name before a country or region ("West Germany", "South Korea", "Northern Ireland").
_COMPASS = frozenset("west east north south western eastern northern southern central new".split())
_INNER_POSS = re.compile(r"(?:'s|’s|(?<=s)'|(?<=s)’)(?=\s)")


def _inner_possessive(text: str, pos: int = 0, endpos: int | None = None) -> int | None:
    """Where a possessive inside a run of name words ends: "'s", or a plural's bare apostrophe after a
    company word ("Quorvia Robotics' Series B"; "Brellix Teachers' Pension Plan" is one name)."""
    for m in _INNER_POSS.finditer(text, pos, len(text) if endpos is None else endpos):
        if m.group(0) in ("'s", "’s") or text[:m.start()].rsplit(None, 1)[-1].lower() in _COMPANY_WORDS:
            return m.end()
    return None
_TOKEN = re.compile(r"\S+")
_PLACE_ADJ_AFTER = re.compile(r"(?:,\s+[A-Z][A-Za-z.]{1,12}?)?\.?-(?:based|headquartered)\b")
_PLACE_ADJ = re.compile(r"-(?:based|headquartered|listed|born|owned|backed)$", re.I)
_HYPHEN_LOWER = re.compile(r"[A-Z][\w]*-[a-z]")
_KEEP_DOT = re.compile(r"(?:\b(?:Inc|Corp|Co|Ltd|Bros|Jr|Sr)|[A-Z]\.[A-Z])\.$")
_PAIR = re.compile(r"([A-Z][\w&.]{2,})-([A-Z][\w&.]{2,})")
#: Words only two companies make together (a hyphenated name before "deal" may be one company's).
_PAIR_NOUN = re.compile(r"\s+(?:merger|tie-up|combination|takeover|buyout|talks)\b", re.I)
_TICKER_BEFORE = re.compile(r"\b(?:ticker|symbol)(?:\s+symbol)?\s+[\"“]?$", re.I)
_AMOUNT_NEXT = re.compile(r"\.?\s?\d")


@functools.cache
def _currency_words() -> frozenset[str]:
    """Currency symbols and codes spelled in letters, in lower case ("rs", "rmb", "usd")."""
    return frozenset(form.rstrip(".") for form in currency_by_form() if form[:1].isalpha())


_CASHTAG = re.compile(r"(?<![\w$])\$([A-Z]{1,5})(?![\w$])")
_EX_PREFIX = re.compile(r"[Ee]x-(?=[A-Z])")
_TOO_SHORT = re.compile(r"[A-Z]{1,2}\d*|\d+[A-Za-z]{1,2}|\d[\d.,]*")
# Parts of documents and laws, not parties: "Form S-4", "Exhibit 99.1", "Item 8.01", "Securities Act".
_DOCUMENT_WORDS = re.compile(r"(?:Form|Exhibit|Item|Rule|Section|Schedule|Regulation|Annex|Appendix|Article|Chapter|"
                             r"Board|Committee)\b"
                             r"|.*\b(?:Act|Agreement|Statement|Report|Stock|Shares)$")
_TABLE_LABEL = re.compile(r"Shrs?|Revs|Avg|Net|Oper|Qtr|Sales|Revenues?|Income|Loss|Profit|Earnings")
_FIGURE_AFTER = re.compile(r"\s+(?:shrs?\s+)?[\d(-]")
_PLACE_LIST = re.compile(r"\b(?:states?|provinces?|countries|country|cities|city|regions?|counties|county|territories)"
                         r"\s+of\s+((?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*(?:\s*,\s*|\s+and\s+))*"
                         r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*)")
# A ticker in brackets with no exchange named, as wire copy writes it: "(QSYS)", "(QSYS.O)", "(QSY.L)".
_BARE_TICKER = re.compile(r"(?<=[\w.])\s\(([A-Z]{2,5})(?:\.[A-Z]{1,2})?\)")


def _bare_ticker(m: re.Match) -> bool:
    """Whether a bare ticker match is one and not a title in brackets ("Dana Wu (CEO)") or a listing's."""
    return m.group(1).lower() not in titles() and m.group(1) not in ("IPO", "SPAC")


_DEFINED = re.compile(r",?\s*\((?:the\s+)?[\"“]([A-Z][\w&.'’ -]{0,40}?)[\"”]\)")
# Endings of English verbs and adverbs ("Notwithstanding", "Includes", "Separately"): a sentence's
# first word with one is an ordinary word even if it was capitalised somewhere else.
_WORD_FORM = re.compile(r"(?:ing|ly|ed|es)$")
_FIRST_WORD = re.compile(r"[^A-Za-z0-9]*(?:(?:\(?[a-z0-9]{1,3}\)|\d{1,2}\.)\s+[^A-Za-z0-9]*)?")
_TITLE_WORDS = frozenset({"chief", "officer", "president", "director", "directors", "chairman", "board", "vice",
                          "head", "ceo", "cfo", "cto", "coo", "senior", "executive", "general", "counsel"})
_SERIES = re.compile(r"(?:Series|Class|Phase)\s+\w+")
_PERIOD_CODE = re.compile(r"[QH][1-4]|FY\d{0,4}")  # "Q3", "H2", "FY25": parts of a year, never names
_MODEL_CODE = re.compile(r"[A-Z]+\d+[A-Z0-9]*")
_PRODUCT_AFTER = re.compile(r"\s+(?:aircraft|jets?|planes?|airliners?|helicopters?|engines?|missiles?|satellites?|rockets?|"
                            r"chips?|processors?|gpus?|accelerators?|servers?|cars?|trucks?|vehicles?|phones?|handsets?|"
                            r"tanks?|ships?|vessels?|turbines?|reactors?|models?)\b", re.I)
_SHORT_CODE = re.compile(r"[A-Z]\d{2}")
_CAPS_PLACE = re.compile(r"[A-Z .'&-]{4,}")
_PLACE_END = re.compile(r"\s*(?:,|[—–-]|and\b)")


@dataclass(slots=True)
class Mention:
    """A name found in one sentence; offsets are relative to the sentence text."""

    start: int
    end: int
    text: str
    kind: str = "org"  # "org" or "person"
    possessive: bool = False
    ticker: str = ""


def _clean_word(word: str) -> str:
    return word.lower().rstrip(".,'’").removesuffix("'s").removesuffix("’s")


# A job title inside a run of capitalised words parts a company from a person: "Orla CEO Jane
# Doe", "Kestrel Labs Chief Technology Officer Mei Tanaka".
_INNER_ROLE = re.compile(r"\s+(?:Chief(?:\s+[A-Z][a-z]+){1,2}?(?:\s+Officer)?|CEO|CTO|CFO|COO|CIO|CSO|President|Chairman|"
                         r"Chairwoman|Chair|Founder|Co-[Ff]ounder|Cofounder|General\s+Counsel)"
                         r"(?:\s+and\s+(?:CEO|President|Chairman|Chair|Founder|Co-[Ff]ounder))?\s+(?=[A-Z])")


#: Institutions whose names go on with "for" ("Center for AI Safety", "Bank for International
#: Settlements"); after any other word a "for" ends one name and may start another ("left Juno for Halden").
_FOR_JOINS = ("Center", "Centre", "Institute", "Bank", "Association", "Foundation", "Council", "Alliance", "Society",
              "Fund", "Office", "Agency", "Commission", "Partnership", "Coalition", "Committee", "Organization",
              "Organisation", "Union", "Ministry", "Department", "Program", "Programme", "Initiative", "School",
              "Academy", "Federation", "Forum", "Trust", "Board", "Laboratory", "Authority", "Network", "Consortium")
_FOR_AFTER_COMPANY = re.compile("".join(f"(?<!{w})" for w in _FOR_JOINS) + r"[ \t]+for[ \t]+")


#: A number inside a name, between one word and a company word ("Vantor 9 Mining", "Orvane 42 Media Inc").
_NUMBER_INSIDE = re.compile(r"(?<=[a-z]) \d{1,3} (?=[A-Z])")
_NUMBER_GAP = re.compile(r" \d{1,3} ")


def _numbered(runs: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """Runs of name words joined across a number inside one name: a single word that is no ordinary
    opener (nor a month: "May 5 Capital One ..."), the number, and a run that opens with a company word."""
    out: list[tuple[int, int]] = []
    for run in runs:
        if out and _NUMBER_GAP.fullmatch(sentence, out[-1][1], run[0]):
            prev = sentence[out[-1][0]:out[-1][1]]
            nxt = sentence[run[0]:run[1]].split()[0].lower().strip(".,")
            if " " not in prev and prev.lower() not in _STOP and nxt in _COMPANY_WORDS:
                out[-1] = (out[-1][0], run[1])
                continue
        out.append(run)
    return out


def _slashed(runs: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """Runs joined by a slash into one name where a word is slashed to a name with a legal suffix
    ("Peller/Quist Inc" is one company; "the Orla/Quill merger" two)."""
    out: list[tuple[int, int]] = []
    for run in runs:
        if out and out[-1][1] == run[0] - 1 and sentence[out[-1][1]] == "/" \
                and " " not in sentence[out[-1][0]:out[-1][1]] and _LEGAL_TAIL.search(sentence, run[0], run[1]) \
                and not _LEGAL_TAIL.search(sentence, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], run[1])
            continue
        out.append(run)
    return out


def _named_by_initials(runs: list[tuple[int, int]], sentence: str) -> list[tuple[int, int]]:
    """Runs listed before the initials they abbreviate joined into one name: "Welsh, Carson, Anderson and
    Stowe (WCAS)" is one firm, its partners' names in a row."""
    for m in _INITIALS_AFTER.finditer(sentence):
        k = next((i for i, r in enumerate(runs) if r[1] == m.start()), None)
        letters = m.group(1)
        if k is None or k == 0:
            continue
        j = k
        while j > 0 and _AND_OR_COMMA.fullmatch(sentence, runs[j - 1][1], runs[j][0]):
            j -= 1
            words = sentence[runs[j][0]:runs[k][1]].replace(",", " ").split()
            initials = "".join(w[0] for w in words if w not in ("and", "&"))
            if initials == letters:
                runs = runs[:j] + [(runs[j][0], runs[k][1])] + runs[k + 1:]
                break
    return runs


_INITIALS_AFTER = re.compile(r"(?<=[a-z]) \(([A-Z]{3,6})\)")


def _runs(sentence: str):
    """``(start, end)`` of every run of name words, a run parted at a job title inside it and at a
    "for" after a complete company name ("left Juno Networks for Halden Power"; "Center for AI
    Safety" stays one name), and one-word runs joined by "and" to a run with a legal suffix after it
    ("Harper and Row Publishers Inc", "Sturm, Ruger and Co Inc", "Nolan, Norton and Co": one company, as a legal suffix closes
    a whole name; "Quill Corp and Orla Inc" are two), as is a one-word run joined by "and" to an
    institution's ("Securities and Exchange Commission")."""
    numbered = _NUMBER_INSIDE.search(sentence) is not None
    initials = "(" in sentence and _INITIALS_AFTER.search(sentence) is not None
    runs = list(_plain_runs(sentence)) if " and " in sentence or numbered or "/" in sentence or initials else None
    if runs is None:
        yield from _plain_runs(sentence)
        return
    if "/" in sentence:
        runs = _slashed(runs, sentence)
    if initials:
        runs = _named_by_initials(runs, sentence)
    if numbered:
        runs = _numbered(runs, sentence)
    k = 0
    while k < len(runs):
        if k + 1 < len(runs) and _LEGAL_ALONE.fullmatch(sentence, runs[k + 1][0], runs[k + 1][1]) \
                and _AND_BEFORE.fullmatch(sentence, runs[k][1], runs[k + 1][0]) \
                and not _LEGAL_TAIL.search(sentence, runs[k][0], runs[k][1]) \
                and not _leading_non_name(sentence[runs[k][0]:runs[k][1]]):
            yield runs[k][0], runs[k + 1][1]  # "Laurel Milbank and Co": "and Co" closes the name
            k += 2
            continue
        j = k
        while j + 1 < len(runs) and " " not in sentence[runs[j][0]:runs[j][1]] \
                and _AND_OR_COMMA.fullmatch(sentence, runs[j][1], runs[j + 1][0]) \
                and not _LEGAL_TAIL.search(sentence, runs[j][0], runs[j][1]):
            j += 1
        if j > k and _AND_BEFORE.fullmatch(sentence, runs[j - 1][1], runs[j][0]) \
                and (_LEGAL_TAIL.search(sentence, runs[j][0], runs[j][1])
                     or _LEGAL_ALONE.fullmatch(sentence, runs[j][0], runs[j][1])  # "Nolan, Norton and Co"
                     or j == k + 1 and _INSTITUTION_TAIL.search(sentence, runs[j][0], runs[j][1])) \
                and not _leading_non_name(sentence[runs[k][0]:runs[k][1]]):
            yield runs[k][0], runs[j][1]
            k = j + 1
        else:
            yield runs[k]
            k += 1


# An institution's name joins two words by "and" ("Securities and Exchange Commission", "Food and Drug
# Administration").
_INSTITUTION_TAIL = re.compile(r"\s(?:Commission|Administration|Agency|Authority|Bureau|Board|Department|Ministry|"
                               r"Council|Institute|Foundation|Association|Society|Office|Service)$")
_AND_OR_COMMA = re.compile(r",[ \t]+|,?[ \t]+and[ \t]+")
_AND_BEFORE = re.compile(r",?[ \t]+and[ \t]+")


def _plain_runs(sentence: str):
    for m in NAME_RE.finditer(sentence):
        s, e = m.span()
        backer = _BACKED_INSIDE.search(sentence, s, e) if "-" in m.group(0) else None
        if backer is not None:
            # "Halvora Capital-backed Zentrix AI": the backer, then the company it backs
            yield s, backer.start()
            yield backer.end(), e
            continue
        role = _INNER_ROLE.search(sentence, s, e) if e - s > 8 else None
        if role is not None and role.start() > s:
            yield s, role.start()
            yield role.end(), e
            continue
        cut = _FOR_AFTER_COMPANY.search(sentence, s, e) if " for " in m.group(0) else None
        if cut is None and " of " in m.group(0):
            cut = _of_between_companies(sentence, s, e)
        owned = _owned_unit(sentence, s, e) if "'" in m.group(0) or "’" in m.group(0) else None
        if owned is not None:
            yield s, owned[0]
            yield owned[1], e
        elif cut is not None:
            yield s, cut.start()
            yield cut.end(), e
        else:
            yield s, e


def _of_between_companies(sentence: str, s: int, e: int) -> re.Match | None:
    """Where "of" parts a run of name words into two companies: after a name closed by its legal
    suffix, when the words after "of" close with one too ("Halvora International Plc of Quill Publishing
    Company Inc"; "Zentrix Steel Co of Japan", "Quill Life Co of Australia Ltd" and "Bank of America" stay one
    name)."""
    for m in _OF.finditer(sentence, s, e):
        tail = _LEGAL_TAIL.search(sentence, m.end(), e)
        if _LEGAL_TAIL.search(sentence, s, m.start()) and tail \
                and not all(w.lower() in _PLACE_NOUNS for w in sentence[m.end():tail.start()].split()):
            return m  # (not "Occidental Life Insurance Co of Australia Ltd": a place and a suffix)
    return None


_OF = re.compile(r"[ \t]+of[ \t]+")
_BACKED_INSIDE = re.compile(r"(?<=\w)-(?:backed|owned|funded|controlled)[ \t]+(?=[A-Z])")
_UNIT_AFTER = re.compile(r"\s+(?:<[A-Z.\-]{1,8}>\s+)?(?:unit|subsidiary|division|affiliate|business|businesses|operations|arm)\b")


def _owned_unit(sentence: str, s: int, e: int) -> tuple[int, int] | None:
    """Where a run of name words "Halvora Corp's Quillon Marine" parts into an owner and a unit of
    its own name: after the possessive, when the words after it are called a unit (or end in a legal
    suffix); else None ("Orla's Data Center Group" names Orla alone)."""
    poss = _inner_possessive(sentence, s, e)
    if poss is None:
        return None
    rest = poss + len(sentence[poss:e]) - len(sentence[poss:e].lstrip())
    if rest >= e or not (_UNIT_AFTER.match(sentence, e) or _LEGAL_TAIL.search(sentence, rest, e)
                         or _person_of_the_owner(sentence, s, rest, e)):
        return None
    return poss, rest


def _person_of_the_owner(sentence: str, s: int, rest: int, e: int) -> bool:
    """Whether the words after a possessive name a person of the owner's ("hires Zentrix's Ana Ruiz as
    head of sales", "poached Zentrix's Ana Ruiz"): two or three name words with no company word, hired
    or given a role."""
    words = sentence[rest:e].split()
    if not 2 <= len(words) <= 3 or any(w.lower().strip(".,") in _COMPANY_WORDS for w in words):
        return False
    return bool(_HIRED_BEFORE.search(sentence, max(0, s - 30), s) or _PERSON_BEFORE.search(sentence, max(0, s - 60), s)
                or _AS_ROLE_AFTER.match(sentence, e))


def _names_a_country(words: str, adjective: bool = False) -> bool:
    """Whether ``words`` before "government" name a country: an abbreviation, a place or a nationality
    (with ``adjective``, a nationality only: "the French state")."""
    return words in ("U.S.", "US", "UK") or all(
        w.lower() in _NATIONALITIES or not adjective and w.lower() in _PLACE_NOUNS for w in words.split())


def find_mentions(sentence: str, *, sentence_start_words: frozenset[str] = frozenset()) -> list[Mention]:
    """Every company or person name in ``sentence`` (offsets into it), trimmed of non-name words.

    ``sentence_start_words`` are capitalised words seen elsewhere in the document; a sentence's
    first word is kept as a name only if it is one of them or looks like a name on its own.
    """
    out: list[Mention] = []
    if "government" in sentence or "state" in sentence or "Treasury" in sentence:
        for m in GOVERNMENT_RE.finditer(sentence):
            if not _names_a_country(m.group(1), adjective=m.group(2) == "state"):
                continue  # ("Texas state regulators": a state of a country)
            label = "U.S." if m.group(1) in ("U.S.", "US") else m.group(1)
            out.append(Mention(m.start(1), m.end(2), f"{label} {m.group(2).lower()}"))
    if " of " in sentence and any(f"{noun} of" in sentence for noun in _PUBLIC_BODY_NOUNS):
        # "a contract from the state of Nevada", "awarded by the government of Japan": a public body
        for m in _GOVERNMENT_OF.finditer(sentence):
            out.append(Mention(m.start(1), m.end(), f"{m.group(1).capitalize()} of {m.group(2)}"))
    if "<" in sentence:
        out += _bracketed_names(sentence)
    if " and " in sentence or " & " in sentence:
        # "AT and T", "A & P": initials joined by "and" are one name (not a class of shares or a numeral)
        out += [_initials_name(sentence, m) for m in _INITIALS_AND.finditer(sentence)
                if 1 in (len(m.group("x")), len(m.group("y"))) and (m.group("x"), m.group("y")) != ("M", "A")
                and not _ROMAN.fullmatch(m.group("x")) and not _SHARE_CLASS_BEFORE.search(sentence, 0, m.start())]
    if "$" in sentence:
        # "$INTC hired ... from $ARM": a cashtag names the company by its ticker
        out += [Mention(m.start(), m.end(), m.group(1), ticker=m.group(1)) for m in _CASHTAG.finditer(sentence)]
    taken = [(x.start, x.end) for x in out]
    taken += [(t.start(), t.end()) for t in TICKER_RE.finditer(sentence)]  # "(NYSE: HPE)" is a cue, not a name
    if "(" in sentence:  # "Quill Systems (QSYS.O)": a bare ticker after a name is a cue too
        taken += [(t.start(), t.end()) for t in _BARE_TICKER.finditer(sentence) if _bare_ticker(t)]
    if any(h in sentence for h in _PLACE_LIST_HINTS):
        taken += [(p.start(1), p.end(1)) for p in _PLACE_LIST.finditer(sentence)]  # "the states of Ohio and Utah"
    first_start = _first_word_start(sentence)
    for s, e in _runs(sentence):
        if any(not (e <= ts or s >= te) for ts, te in taken):
            continue
        text = sentence[s:e]
        if " " not in text and text.lower() in _STOP:
            continue  # the common case of a capitalised sentence opener ("The", "In", "On")
        # A possessive inside a run ends one name: "Orla's Data Center Group" -> "Orla's".
        inner = _inner_possessive(text)
        if inner:
            owner = text[:inner]
            if all(_clean_word(w) in _STOP or _clean_word(w) in _COMPASS for w in owner.split()):
                # "Norway's Fjellby ASA", "West Germany's Y AG": a place's possessive before a name; the name is what follows.
                rest = len(owner) + len(text[len(owner):]) - len(text[len(owner):].lstrip())
                text, s = text[rest:], s + rest
            else:
                text = owner
                e = s + len(text)
        if _EX_PREFIX.match(text):
            text, s = text[3:], s + 3  # "Ex-Nimbus Systems CTO": a former employer, named without its prefix
        words = list(_TOKEN.finditer(text))
        # Leading words that are not names: "The", "On", "In June", "French", "Dallas-based".
        # ("First" begins a company's name that says it is one: "First Quorvia Bancorp", "First Boston Corp")
        # (and so does a nationality before a name with a legal suffix: "Canadian Quorvia Ltd", "British
        # Halvora Co Plc"; "Swiss biotech Quorvia" or "French Halvora" name Quorvia and Halvora)
        ordinal_name = len(words) > 1 and not _leading_non_name(words[1].group(0)) and (
            words[0].group(0) == "First" and says_company(text)
            or words[0].group(0).lower() in _NATIONALITIES and _legal_tail(text))
        while words and not (len(words) > 1 and words[0].group(0) == "New" and words[1].group(0) in _NEW_PLACES) \
                and not ordinal_name and _leading_non_name(words[0].group(0)):
            words.pop(0)
        while words and _trailing_non_name(words[-1].group(0)):
            words.pop()
        if not words or all(_clean_word(w.group(0)) in _PLACE_NOUNS or _clean_word(w.group(0)) in _COMPASS
                            for w in words) and _clean_word(words[-1].group(0)) in _PLACE_NOUNS:
            continue  # nothing left, or a place alone ("in London", "in Hong Kong")
        if len(words) > 1 and words[-1].group(0) in _PLACE_TAILS and not says_company(text):
            continue  # a place named by its kind: "Wake County", "Quill City", "Orla Township"
        if len(words) == 1 and _TITLE_WORDS.intersection(w.lower() for w in text.split()) \
                and not _namey(words[0].group(0)):
            continue  # what is left of a job title: "Chief Financial Officer" -> "Financial"
        s2, e2 = s + words[0].start(), s + words[-1].end()
        text = sentence[s2:e2]
        possessive = False
        for suffix in ("'s", "’s", "'", "’"):
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text, e2, possessive = text[: -len(suffix)], e2 - len(suffix), True
                break
        if text.endswith(".") and not _KEEP_DOT.search(text):
            text, e2 = text[:-1], e2 - 1
        text = text.rstrip(",")
        e2 = s2 + len(text) + (0 if not possessive else 0)
        if not text or text.isdigit() or _TOO_SHORT.fullmatch(text) and not _is_short_name(text) \
                and not TICKER_RE.match(sentence[e2:].lstrip(" ,")) \
                and not (_NAME_CONTEXT.match(sentence, e2) and not _PERIOD_CODE.fullmatch(text)):
            # ("3M (NYSE: MMM)" is a name, and so is "F5" when it agrees, buys or says)
            continue
        if " " not in text and text.isupper() and _TICKER_BEFORE.search(sentence, 0, s2):
            continue  # "under the ticker HLVR": a ticker, the name of no company of its own
        if " " not in text and text.lower() in _currency_words() and (
                _AMOUNT_NEXT.match(sentence, e2) or text.lower() != "sterling"):
            continue  # "Rs 412", "RMB 5 billion", "BUYS DOLLARS, SELLS YEN": a currency ("Sterling" may be a name)
        if _TABLE_LABEL.fullmatch(text) and _FIGURE_AFTER.match(sentence, e2):
            continue  # the labels of a wire's table of results: "Shr 30 cts vs 5.92 dlrs Net 1,142,000 ..."
        if _DOCUMENT_WORDS.match(text) or _SERIES.fullmatch(text) or _MODEL_CODE.fullmatch(text) and len(text) > 3 and not _SHORT_CODE.fullmatch(text):
            continue
        if any(c.isdigit() for c in text) and _PRODUCT_AFTER.match(sentence, e2):
            continue  # "a contract for KX-300 aircraft", "its H100 chips": a model, not a company
        # A sentence's first word is ambiguous ("Existing backers ...", "Management said ..."): keep it
        # only when it is known as a name elsewhere or is written as only names are (a company word
        # alone is none: "Management", "Capital").
        if s2 == first_start and " " not in text:
            word = _clean_word(text)
            # (an ending of English verbs and adverbs marks an ordinary word only if it is one: "Tessaly" is a name)
            if (word not in sentence_start_words or _WORD_FORM.search(word) and word in common_words()) \
                    and not _name_shaped(text) \
                    and not _NAME_CONTEXT.match(sentence[e2:]) \
                    and not TICKER_RE.match(sentence[e2:].lstrip(" ,")) \
                    and sentence[e2:].strip() not in (".", ":", ""):  # "Quill." as a lead-in names the item
                continue
        # The place of a "Boulder, Colo.-based" maker, cut off at its abbreviation's full stop.
        if _PLACE_ADJ_AFTER.match(sentence, e2):
            continue
        # A dateline's place in capitals ("ESPOO, Feb 10" / "SAN FRANCISCO —").
        if s2 == first_start and _CAPS_PLACE.fullmatch(text) and not possessive and _PLACE_END.match(sentence, e2):
            continue
        ticker = ""
        t = TICKER_RE.match(sentence, e2 + (2 if possessive else 0)) or TICKER_RE.match(sentence[e2:].lstrip(" ,"))
        if t:
            ticker = t.group(1) or t.group(2)
        else:
            # A defined short name, as filings and releases write it: Acme Holdings, Inc. ("Acme").
            d = _DEFINED.match(sentence, e2)
            if d:
                ticker = d.group(1)
            elif (b := _BARE_TICKER.match(sentence, e2 + (2 if possessive else 0))) and _bare_ticker(b):
                ticker = b.group(1)
        pair = _PAIR.fullmatch(text) if "-" in text and _PAIR_NOUN.match(sentence, e2) else None
        if pair:  # "the Zentrix-Halvora merger": two companies joined by a hyphen
            out.append(Mention(s2, s2 + pair.end(1), pair.group(1)))
            s2, text = s2 + pair.start(2), pair.group(2)
        # One space between words, whatever the text wrapped at (offsets stay those of the text).
        out.append(Mention(s2, e2, " ".join(text.split()), possessive=possessive, ticker=ticker))
        taken.append((s2, e2))
    out.sort(key=lambda x: x.start)
    for mention in out:
        if not _is_bracketed(sentence, mention) and _looks_like_person(sentence, mention):
            mention.kind = "person"
    return out


_AFTER_WORD = re.compile(r"(?:(?<![\w'’])[a-z][a-z-]*|^)\s*$")


def _bracketed_names(sentence: str) -> list[Mention]:
    """The names the wire marks with angle brackets, whole and as companies ("<Halvora Moulding Co Ltd>")."""
    out = []
    for m in _BRACKETED.finditer(sentence):
        # A short code in brackets is a ticker after a name, and a name after an ordinary word
        # ("boot manufacturer <QSG>").
        if TICKER_RE.match(sentence, m.start()) and not _AFTER_WORD.search(sentence, 0, m.start()) \
                or not NAME_RE.match(m.group(1)):
            continue
        text = " ".join(m.group(1).split())
        possessive = m.end(1) + 1 < m.end()
        ticker = TICKER_RE.match(sentence[m.end():].lstrip(" ,"))
        out.append(Mention(m.start(1), m.end(1), text, possessive=possessive,
                           ticker=(ticker.group(1) or ticker.group(2)) if ticker else ""))
    return out


def _is_bracketed(sentence: str, m: Mention) -> bool:
    return sentence[m.start - 1:m.start] == "<" and sentence[m.end:m.end + 1] in (">", "'", "’")


_SHORT_NAME = re.compile(r"[A-Z]\d{2,3}|\d[A-Z][a-z]+")
_CODE_WORD = re.compile(r"\b[A-Z]+\d+")
_INITIALS = re.compile(r"[A-Z]{2,5}")


# The words the patterns above must find in a sentence to match at all (both are case-sensitive).
_PLACE_LIST_HINTS = ("state", "province", "count", "cit", "region", "territor")


# Word tests, cached: a document's vocabulary repeats from sentence to sentence.
@functools.lru_cache(maxsize=16384)
def _leading_non_name(word: str) -> bool:
    """A word trimmed from a name's start: "The", "On", "In", "French", "Dallas-based"."""
    clean = _clean_word(word)
    return bool(clean in _STOP and clean not in _PLACE_NOUNS or _PLACE_ADJ.search(word) or _HYPHEN_LOWER.match(word)
                or word in ("&", "of", "and"))


@functools.lru_cache(maxsize=16384)
def _trailing_non_name(word: str) -> bool:
    """A word trimmed from a name's end: function words, dates, roles (see ``_TAIL_STOP``)."""
    return bool(_clean_word(word) in _TAIL_STOP or _HYPHEN_LOWER.match(word) or word in ("&", "of", "the", "and", "for"))


def _is_short_name(text: str) -> bool:
    return bool(_SHORT_NAME.fullmatch(text))


def _first_word_start(sentence: str) -> int:
    """Where the sentence's first word starts, after bullets and enumerators ("(c)", "2.", "*")."""
    m = _FIRST_WORD.match(sentence)
    return m.end() if m else 0


def _namey(word: str) -> bool:
    """A single word that is a name on its own: inner capitals, digits, all caps, company word."""
    return _name_shaped(word) or word.rstrip(".").lower() in _COMPANY_WORDS


def _name_shaped(word: str) -> bool:
    """A word written as only names are: inner capitals (or all capitals) or digits."""
    core = word.rstrip(".")
    return any(c.isupper() for c in core[1:]) or any(c.isdigit() for c in core)


#: A plural noun for a kind of firm or backer after a capitalised first word ("Venture firms invested
#: ...", "Hedge funds bought ...", "Venture capital firms put ..."): the word describes that noun.
_GROUP_NOUNS = frozenset("funds firms investors capitalists backers financiers lenders banks groups companies houses offices "
                         "managers".split())
_GROUP_HEAD = re.compile(rf"\s+(?:[a-z]+\s+)?(?:{'|'.join(sorted(_GROUP_NOUNS))})\b")


def names_a_group(word: str, sentence: str, pos: int) -> bool:
    """Whether a capitalised first ``word`` (followed by ``sentence[pos:]``) speaks of a kind of firm or
    backer, not a company: a plural noun for one ("Backers pumped ..."), or an ordinary English word or
    company word before one ("Venture firms invested ...", "Hedge funds bought ..."; "Brellix investors"
    stays a name)."""
    core = word.rstrip(".").lower()
    return core in _GROUP_NOUNS or (core in _COMPANY_WORDS or core in common_words()) \
        and _GROUP_HEAD.match(sentence, pos) is not None


def _looks_like_person(sentence: str, m: Mention) -> bool:
    words = m.text.split()
    if any(w.lower().strip(".,") in _COMPANY_WORDS for w in words) or m.ticker or _legal_tail(m.text):
        return False
    if not 2 <= len(words) <= 4 and not (len(words) == 1 and _PERSON_AFTER.match(sentence[m.end:])
                                         and not _ONE_WORD_MAY_LEAVE.match(sentence, m.end)):
        return False
    if not all(_NAME_WORD.fullmatch(w) for w in words):
        return False
    before = sentence[max(0, m.start - 60):m.start]
    after = sentence[m.end + (2 if m.possessive else 0):m.end + 120]
    return bool(_PERSON_BEFORE.search(before) or _PERSON_AFTER.match(after) or _SUCCEEDING.search(before)
                or _HIRED_BEFORE.search(before) and _AS_ROLE_AFTER.match(after))


def is_company_word(word: str) -> bool:
    """A word that says a name is a company's ("Holdings", "Capital", "Management"); alone it names none."""
    return word.lower().strip(".,") in _COMPANY_WORDS


def says_company(name: str) -> bool:
    """A name that says it is a company: a legal suffix or a company word."""
    return _legal_tail(name) or any(w.lower().strip(".,") in _COMPANY_WORDS for w in name.split()[1:])


@functools.lru_cache(maxsize=16384)
def _legal_tail(name: str) -> bool:
    """Whether a name ends in a legal suffix ("Quill Systems, Inc.")."""
    return _LEGAL_TAIL.search(name) is not None


_EXCHANGE = re.compile(rf"\b(?:{exchange_alternation()})\b")


@functools.lru_cache(maxsize=8192)
def is_exchange(name: str) -> bool:
    """Stock exchanges and their markets ("Nasdaq", "NYSE", "Oslo Stock Exchange")."""
    return _EXCHANGE.search(name) is not None


@functools.lru_cache(maxsize=16384)
def strip_legal(name: str) -> str:
    """'Quill Systems, Inc.' -> 'Quill Systems'; 'Quill Co Plc' -> 'Quill'; 'Orla and Co' keeps its 'Co'."""
    stripped = _LEGAL_TAIL.sub("", name).strip()
    if stripped.endswith((" and", "&", ",")):
        return name  # the suffix is a word of the name: "Oppenheimer and Co"
    if stripped != name and " " in stripped:
        again = _LEGAL_TAIL.sub("", stripped).strip()
        if not again.endswith((" and", "&", ",")):  # "Sturm, Ruger and Co Inc" keeps its "Co"
            stripped = again
    return stripped


@dataclass
class EntityTable:
    """The document's names: one id per distinct company or person, short forms mapped to full ones."""

    names: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    _index: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, kind: str) -> int:
        key = name.lower()
        if key in self._index:
            idx = self._index[key]
            if kind == "person":
                self.kinds[idx] = "person"
            return idx
        self._index[key] = len(self.names)
        self.names.append(name)
        self.kinds.append(kind)
        return self._index[key]

    def alias(self, short: str, idx: int) -> None:
        self._index.setdefault(short.lower(), idx)

    def lookup(self, name: str) -> int | None:
        return self._index.get(name.lower())


_HONORIFIC = re.compile(r"^(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.?\s+")


def build_table(all_mentions: list[list[Mention]]) -> tuple[EntityTable, dict[str, str]]:
    """Entity ids for the document's mentions and a map from each surface form to its full name.

    A surface form maps to the single longer name that starts with it ("Palo Alto" -> "Palo Alto
    Networks"), to the company a ticker cue names ("QSG" -> "Quill Systems Group"), or to a
    multi-word name whose initials it is ("NHP" -> "Nordlys Harbour Partners"). Names whose
    last word is a known person's surname are people.
    """
    table = EntityTable()
    surfaces: dict[str, str] = {}
    forms = {}
    order: dict[str, int] = {}
    person_last = set()
    for mentions in all_mentions:
        for m in mentions:
            forms.setdefault(strip_legal(m.text), m.kind)
            order.setdefault(strip_legal(m.text).lower(), len(order))
            if m.kind == "person":
                forms[strip_legal(m.text)] = "person"
                person_last.add(m.text.split()[-1].lower())
                person_last.add(m.text.lower())
    # Ticker cues and defined short names: "(NASDAQ: QSG)", '("Quill")'.
    tickers = {m.ticker: strip_legal(m.text) for ms in all_mentions for m in ms if m.ticker}
    full = {}
    names = list(forms)
    by_first: dict[str, list[str]] = {}
    by_initials: dict[str, list[str]] = {}  # "NHP" -> ["Nordlys Harbour Partners"]
    for n in names:
        words = n.split()
        by_first.setdefault(words[0].lower(), []).append(n)
        if 2 <= len(words) <= 5:
            by_initials.setdefault("".join(w[0] for w in words).upper(), []).append(n)
    for name in names:
        target = name
        low = name.lower()
        if name in tickers and tickers[name] != name:
            target = tickers[name]
            forms[name] = forms.get(target, "org")
        else:
            # A short form abbreviates a full name written before it ("Palo Alto Networks ...
            # Palo Alto"), not a longer name that comes later ("Brisa ... Brisa Cloud").
            longer = [n for n in by_first.get(low.split()[0], ()) if n != name and n.lower().startswith(low + " ")
                      and (forms.get(n) == forms.get(name) or says_company(n)) and order[n.lower()] < order[low]
                      and not _CODE_WORD.search(n[len(name):])]
            surname = _HONORIFIC.sub("", name)
            same_person = [n for n in names if n != name and " " in n and n.split()[-1] == surname
                           and "person" in (forms.get(n), forms.get(name)) and not says_company(n)] \
                if " " not in surname else []
            if len(longer) == 1:
                target = longer[0]
            elif len(same_person) == 1 and (surname != name or forms.get(name) == "person"):
                target = same_person[0]  # "Ms. Keane" (or "Keane" read as a person) -> "Maria Keane"
            elif _INITIALS.fullmatch(name):
                initials = by_initials.get(name, [])
                if len(initials) == 1:
                    target = initials[0]
        full[name] = target
    for name in names:
        target = full[name]
        while full.get(target, target) != target:
            target = full[target]
        kind = "org" if says_company(target) else forms[target]
        if kind != "person" and len(target.split()) <= 3 and (target.split()[-1].lower() in person_last
                                                               or target.lower() in person_last) \
                and not any(w.lower() in _COMPANY_WORDS for w in target.split()):
            kind = "person"
        idx = table.add(target, kind)
        table.alias(name, idx)
        surfaces[name] = target
    return table, surfaces
