"""Funding rounds and IPOs: a raise verb with a round word or a listing word, a round named by its
size ("a $40 million Series B"), a first day of trading, and a round a text announces in the first
person ("today we're announcing our $50M Series B").

Read verb first and outwards (see :func:`~.frames.find_raises`); a single named backer makes a
strategic investment, left to the frames; debt, revenue, grants and employees' share sales are no
raise.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model.events import FactType, Role, Status
from ..model.money import Money, find_money
from .arguments import money_kind, valuation
from .drafts import Draft, clause_end, ids, money_in
from .frames import (DEBT_WORDS, IPO_NOT, IPO_WORDS, RAISE_HINTS, ROUND_IN, ROUND_NOUN, ROUND_WORDS,
                     UNDISCLOSED_ROUNDS, E, cumulative, find_raises, perfect_total)
from .hedges import hypothetical
from .mentions import is_exchange
from .reading import Analysed, Reading, blank_clauses

_IPO_VERB = re.compile(r"\b(?:raised|raising|raises|priced|pricing|sold|selling|fetched|netted)\b[^.;]{0,60}⟪M", re.I)

_IPO_HINTS = ("ipo", "public", "listing", "listed", "debut", "flotation")
# The words each of _DEBUT, ROUND_NOUN and UNDISCLOSED_ROUNDS cannot match without (tested on ``low`` as above).
_DEBUT_HINTS = ("trading", "opened", "debut", "went public", "listing", "listed", "floated")
_ROUND_HINTS = ("series", "seed", "round")
_UNDISCLOSED_HINTS = ("undisclosed", "unannounced", "unspecified")

_BACKER_LIST = re.compile(r"(?:\bby|\bfrom|\bwith|\bincluding)\s+(?:⟨E\d+⟩(?:\s*,\s*|\s+and\s+))*$")
_NUMBER = re.compile(r"\d+")
_ONE_BACKER = re.compile(rf"\s*(?:in \w+ \d{{4}} )?from (?:[\w-]+ ){{0,3}}?{E}(?!\s*(?:,|and))")
#: What may stand between "raise" and the money raised: quantifiers, and words for money ("raised a further
#: $25 million", "raised new funding of $40 million"); any other word makes "raise" lift something else.
_RAISE_GAP = re.compile(r"(?:\s*(?:a|an|another|further|additional|more|than|some|about|around|roughly|nearly|almost|"
                        r"over|up|to|of|at|least|approximately|just|new|fresh|total|as|much|well|under|less|close|"
                        r"funding|funds|capital|money|cash|financing|equity|in|its|it|has|had|have|also|now|successfully)\b)*\s*",
                        re.I)
_STAKE_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?stake\b", re.I)
_CLOSE_NOUN = re.compile(r"\s*(?:the\s+)?(?:close|closing|completion)\b")
_ENTITY_ID = re.compile(r"⟨E(\d+)⟩")
_IN_PROGRESS = re.compile(r"\b(?:is|are)\s+(?:now\s+|still\s+)?$")  # "is raising up to $45 million": not closed yet



def read_raises(an: Analysed, reading: Reading) -> list[Draft]:
    """Funding rounds and IPOs: a raise verb with a round word, or with a listing word."""
    out: list[Draft] = []
    text = an.abstract
    table = reading.table
    blanked, _ = blank_clauses(text)
    low = text.lower()
    # A hint in the lower-cased text is a case-insensitive match of the hint in the text (only
    # ASCII letters and the Kelvin sign lower-case to the hints' letters), so no pattern is needed.
    gated = any(w in low for w in RAISE_HINTS)
    # "X, which counts Y among its backers, raised $600 million": the verb's subject is read across
    # the clause first, so the company named inside the clause does not take the raise.
    matches = find_raises(blanked) if gated and blanked != text else []
    if gated:
        matches += find_raises(text)
    for m in matches:
        if any(d.trigger[0] == m.start() and d.subject == ids(m.group("t"))[0] for d in out):
            continue  # read already, in the sentence as written
        if any(d.amount is not None and d.amount is money_in(m.group("m"), an) for d in out):
            continue  # one sum is one round
        text = m.string
        subject = ids(m.group("t"))[0]
        if _BACKER_LIST.search(text[:m.start()]):
            continue  # a backer named in a list, not the company raising
        if table.kinds[subject] == "person" or is_exchange(table.names[subject]):
            continue
        stop = clause_end(text, m.end())
        clause = text[m.start():stop]
        verb = m.group("verb").lower()
        if hypothetical(an, m.start(), m.end(), text):
            continue
        listing_of = _LISTING_OF.search(text, max(0, m.start() - 40), m.start())
        if listing_of and not IPO_NOT.search(text, max(0, listing_of.start() - 40), listing_of.end()):
            clause = listing_of.group(0) + " " + clause  # "The IPO of X raised $420 million": the listing's proceeds
        if verb.startswith("rais") and not _RAISE_GAP.fullmatch(m.group("gap")):
            continue  # "raising taxes by $3 billion", "raise its assets to $4 billion": not money raised
        if IPO_WORDS.search(clause):
            ipo_at = IPO_WORDS.search(clause)
            if IPO_NOT.search(clause[max(0, ipo_at.start() - 40):ipo_at.end()]) or DEBT_WORDS.search(clause):
                continue  # (a public offering of debentures is no listing)
            if verb not in ("raised", "raises", "raise", "raising", "priced", "prices", "pricing", "sold",
                            "fetched", "netted", "completed", "closed"):
                continue
            out.append(Draft(type=FactType.IPO, subject=subject, roles=[], people=[], sentence=an,
                             trigger=(m.start(), m.end()), frame="ipo", status=Status.COMPLETED))
            continue
        raw = an.sentence.text[an.to_text(m.start()):an.to_text(m.end() - 1) + 45]
        if not m.group("m") or cumulative(raw):
            continue
        if perfect_total(an.sentence.text):
            continue  # "was founded in 2019 and has raised more than $200 million"
        if money_kind(an, int(_NUMBER.search(m.group("m")).group(0))) != "amount":
            continue
        after = text[m.end():stop]
        if DEBT_WORDS.search(m.group("gap") + text[m.end():m.end() + 70]):
            continue  # ("is raising $150 million through an offering of 20-year debentures")
        if _STAKE_AFTER.match(after):
            continue  # "received a $650 million equity stake from Y": a stake, read by the frames
        if _ONE_BACKER.match(after) and not ROUND_WORDS.search(clause):
            continue  # a single named backer: a strategic investment, read by the frames
        if verb.startswith("rais") or ROUND_WORDS.search(clause):
            if verb in ("priced", "prices", "pricing", "sold", "fetched") and not ROUND_WORDS.search(clause):
                continue
            d = Draft(type=FactType.FUNDING_ROUND, subject=subject, roles=[], people=[], sentence=an,
                      trigger=(m.start(), m.end()), frame="raise",
                      status=Status.ANNOUNCED if verb.startswith("announc") and not _CLOSE_NOUN.match(
                          text[m.end("verb"):]) or _IN_PROGRESS.search(text, 0, m.start("verb"))
                      else Status.COMPLETED)
            d.amount = money_in(m.group("m"), an)
            out.append(d)
    text = an.abstract
    ipo = IPO_WORDS.search(text) if any(w in low for w in _IPO_HINTS) else None
    if ipo and not any(d.type is FactType.IPO for d in out) and _IPO_VERB.search(text) \
            and not IPO_NOT.search(text[max(0, ipo.start() - 40):ipo.end()]) and not hypothetical(an, 0, ipo.end()) \
            and not DEBT_WORDS.search(text, 0, ipo.end()):
        issuers = [int(x) for x in _ENTITY_ID.findall(text[:ipo.start()])
                   if table.kinds[int(x)] != "person" and not is_exchange(table.names[int(x)])]
        if issuers:
            out.append(Draft(type=FactType.IPO, subject=issuers[0], roles=[], people=[], sentence=an,
                             trigger=(ipo.start(), ipo.end()), frame="ipo-listing", status=Status.COMPLETED))
    debut = _DEBUT.search(text) if not any(d.type is FactType.IPO for d in out) and "⟨E" in text \
        and any(w in low for w in _DEBUT_HINTS) else None
    if debut and _BARE_DEBUT.fullmatch(debut.group(0)) and not _LISTING_CONTEXT.search(an.sentence.text):
        debut = None  # "X's new chip debuted at the trade show": a product, not a listing
    if debut and not hypothetical(an, 0, debut.end()) and not IPO_NOT.search(text[max(0, debut.start() - 40):debut.end()]):
        # "Shares of X began trading on the Nasdaq", "X completed a direct listing", "X went public via a SPAC"
        issuers = [int(x) for x in _ENTITY_ID.findall(text[:debut.start()])
                   if table.kinds[int(x)] != "person" and not is_exchange(table.names[int(x)])]
        relative = _RELATIVE_SUBJECT.search(text, 0, debut.start())
        if relative and int(relative.group(1)) in issuers:
            # "X completed its merger with Y, which began trading on Monday": the clause's own company lists
            issuers = [int(relative.group(1))]
        if issuers:
            d = Draft(type=FactType.IPO, subject=issuers[0], roles=[], people=[], sentence=an,
                      trigger=(debut.start(), debut.end()), frame="ipo-debut", status=Status.COMPLETED)
            d.amount = shares_times_price(an.sentence.text)
            out.append(d)
    for m in ROUND_IN.finditer(text) if "led" in low and "round" in low else ():
        subject = ids(m.group("t"))[0]
        d = Draft(type=FactType.FUNDING_ROUND, subject=subject, roles=[(i, Role.LEAD_INVESTOR) for i in ids(m.group("l"))
                                                                       if i != subject],
                  people=[], sentence=an, trigger=(m.start(), m.end()), frame="round-in", status=Status.COMPLETED)
        d.amount = money_in(m.group("m"), an)
        out.append(d)
    for m in ROUND_NOUN.finditer(text) if any(w in low for w in _ROUND_HINTS) else ():
        if any(d.frame == "round-in" and d.trigger[0] <= m.start(m.lastindex or 0) <= d.trigger[1] for d in out):
            continue
        subject = ids(m.group("t"))[0]
        amount = money_in(m.group("m"), an)
        # One sum is one round: skip it when a round read already holds it, or when the company
        # before it is a backer ("X, which is backed by Y, closed a $35 million round").
        if any(d.type is FactType.FUNDING_ROUND and (d.subject == subject or amount is not None)
               and d.amount is amount for d in out) or table.kinds[subject] == "person" \
                or _BACKER_LIST.search(text[:m.start("t")]):
            continue
        if hypothetical(an, m.start(), m.end()):
            continue
        roles: list[tuple[int, Role]] = []
        named = _ROUND_FOR.match(text, m.end())
        if named is None and _LEADS.match(text, m.end("t")) and an.topic is not None and an.topic != subject:
            # "The Orlan fund led a $90 million Series E": a backer led the round of the company
            # the text is about
            roles, subject = [(subject, Role.LEAD_INVESTOR)], an.topic
        if named and ids(named.group("t"))[0] != subject:
            # "Orlan wrote the biggest cheque in a $30 million round for startup Pylos": the round
            # is the company named after it; the one before it is a backer
            led = _LED.search(text, m.start("t"), m.start("m"))
            roles, subject = [(subject, Role.LEAD_INVESTOR if led else Role.INVESTOR)], ids(named.group("t"))[0]
        d = Draft(type=FactType.FUNDING_ROUND, subject=subject, roles=roles, people=[], sentence=an,
                  trigger=(m.start(), m.end()), frame="round-noun", status=Status.COMPLETED)
        d.amount = amount
        out.append(d)
    if reading.speaker is not None and not out:
        out += _first_person_raises(an, reading)
    u = UNDISCLOSED_ROUNDS.search(text) if "round" in low and any(w in low for w in _UNDISCLOSED_HINTS) else None
    if u and an.entity_ids:
        d = Draft(type=FactType.FUNDING_ROUND, subject=an.entity_ids[0], roles=[], people=[], sentence=an,
                  trigger=(u.start(), u.end()), frame="undisclosed-rounds", status=Status.COMPLETED)
        d.amount = None
        d.valuation = valuation(an, an.to_text(u.start()))
        d.extra_sentences.append(an)
        out.append(d)
    return _proceeds_of_listings(out)


def _proceeds_of_listings(drafts: list[Draft]) -> list[Draft]:
    """A raise told beside a company's own listing in one sentence ("X's shares began trading on the
    Tokyo exchange after it raised 120 billion yen") is the listing's proceeds, not a round."""
    listings = {d.subject: d for d in drafts if d.type is FactType.IPO}
    if not listings:
        return drafts
    out = []
    for d in drafts:
        ipo = listings.get(d.subject) if d.type is FactType.FUNDING_ROUND and not d.roles else None
        if ipo is None:
            out.append(d)
        elif ipo.amount is None:
            ipo.amount = d.amount
    return out


# "a $30 million round for startup X", "... round into X": the company the round is for.
_ROUND_FOR = re.compile(r"(?:\s+(?:of\s+)?funding|\s+financing)?\s+(?:for|into|in)\s+(?:(?:the\s+)?(?:startup|start-up|company|"
                        r"developer|maker|firm)\s+)?(?P<t>⟨E\d+⟩)", re.I)

_LED = re.compile(r"\b(?:co-)?led\b", re.I)
_LEADS = re.compile(r"\s+(?:also\s+|then\s+)?(?:co-)?led\s+(?:a|an|the)\b", re.I)

# A first day of trading, told without the offering's size.
_DEBUT = re.compile(r"\b(?:began trading|begins trading|started trading|start trading|"
                    r"(?:its|their) first (?:day|session) of trading|(?:its|their) first trading (?:day|session)|"
                    r"opened\s+[^.;]{0,60}?\b(?:above|below)\s+(?:its|their|the)\s+[^.;]{0,20}?\b(?:offer|IPO|offering)\s+price|"
                    # ("in Nasdaq debut": a headline names the exchange instead)
                    r"(?:made|in) (?:its |their |(?:its |their )?⟨E\d+⟩ )(?:market |stock[- ]market |public |trading )?debut"
                    r"(?!\s+(?:year|season|album|single|film|movie|novel|book|game|show|product|model|collection)s?\b)|"
                    r"debuted(?!\s+(?:a|an|its|their|the|his|her|new)\b)|went public|completed (?:its|a|an) (?:direct )?listing|"
                    # "X listed on the Nasdaq", "X, which listed in Hong Kong": the verb right after its
                    # subject (not what is listed already, "X is listed on ...", or a bond "to be listed")
                    r"(?:(?<=⟩ )|(?<=\bwhich )|(?<=\bthat )|(?<=\bit )|(?<=\bhas )|(?<=\bhad )|(?<=\bfirst ))(?:listed|floated) (?:in|on)|"
                    r"listed (?:its|their) (?:shares|stock) (?:in|on))(?! a (?:secondary|second))\b", re.I)
#: A relative clause's company right before a debut told in it ("..., Y, which began trading", "Y, whose shares opened").
_RELATIVE_SUBJECT = re.compile(r"⟨E(\d+)⟩,\s+(?:which|that|whose\s+(?:shares|stock))\s+(?:(?:has|had|then|later|also|first)\s+)*$")
_LISTING_OF = re.compile(r"\b(?:IPO|initial public offering|public offering|listing|flotation)\s+of\s+(?:[\w-]+\s+){0,2}?$", re.I)
#: Debuts that are a listing only where the sentence speaks of shares or an exchange (a product debuts too).
_BARE_DEBUT = re.compile(r"debuted|in (?:its|their) debut|(?:listed|floated) (?:in|on)", re.I)
_LISTING_CONTEXT = re.compile(r"\b(?:shares?|stock|exchange|nasdaq|nyse|bourse|listing|listed|trading|offer price|"
                              r"ipo|market|valuation)\b", re.I)
_SOLD_SHARES = re.compile(r"\b(?:sold|sells|selling|sale of|offering of|(?:IPO|listing|flotation) of|offered|offers|"
                          r"issued|issuing|issue of|priced|prices|pricing)\s+"
                          r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|billion)?\s+(?:[\w-]+\s+){0,2}?shares\b"
                          r"[^.;$]{0,80}?\bat\s+(?:a\s+(?:public\s+)?(?:offering\s+)?price\s+of\s+)?"
                          r"(?P<p>(?:US)?\$\d[\d,]*(?:\.\d+)?)(?: (?:each|apiece|a share|per share))?", re.I)


def shares_times_price(text: str) -> Money | None:
    """The proceeds "sold 20 million shares at $25 each" states: shares times price."""
    m = _SOLD_SHARES.search(text)
    if m is None:
        return None
    shares = Decimal(m.group("n").replace(",", "")) * {"million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}.get(
        (m.group("scale") or "").lower(), Decimal(1))
    price = find_money(m.group("p"))[0][2]
    return Money(amount=shares * price.amount, currency=price.currency, text=m.group(0))


# "we've raised $50 million", "today we're announcing our $50M Series B led by Y"
_WE_RAISED = re.compile(r"\b(?-i:[Ww]e)(?:'ve|’ve| have| had|'re|’re| are)?\s+(?:just\s+|now\s+)?(?:raised|closed|secured|"
                        r"announcing|announced|completed|(?:so\s+|very\s+)?(?:excited|pleased|proud|thrilled|happy|delighted)"
                        r"\s+to\s+(?:announce|share))\b(?:\s+our)?[^⟨;.]{0,30}?(?P<m>⟪M\d+⟫)", re.I)


def _first_person_raises(an: Analysed, reading: Reading) -> list[Draft]:
    """A round the text's own company announces in the first person, as a round of that company."""
    m = _WE_RAISED.search(an.abstract)
    if m is None or hypothetical(an, m.start(), m.end()):
        return []
    stop = clause_end(an.abstract, m.end())
    if not ROUND_WORDS.search(an.abstract, m.start(), stop) or DEBT_WORDS.search(an.abstract, m.start(), stop):
        return []
    d = Draft(type=FactType.FUNDING_ROUND, subject=reading.speaker, roles=[], people=[], sentence=an,
              trigger=(m.start(), m.end()), frame="we-raised", status=Status.COMPLETED)
    d.amount = money_in(m.group("m"), an)
    return [d]
