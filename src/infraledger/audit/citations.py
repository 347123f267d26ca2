"""What each kind of cited document can hold: general rules about filings, releases and data.

An article cites "(Source: Arrcus SEC Form D; Fujitsu press release)". Each cited document is read
as a kind (Form D, 8-K, 10-K/10-Q, S-1 or prospectus, press release, earnings material, market
data, analyst or industry report, list report) and, where the citation names one, the company
whose document it is. The rules say what that kind of document can and cannot state - a Form D
does not name investors or set a valuation; a company's 8-K reports the company's own events and
is not where another company's valuation is set; an S-1 is filed before the shares trade; a
company's own filing does not rank it among rivals. They are rules about document kinds, never
about particular companies.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import normalise_name
from .claims import Claim, ClaimKind

#: (kind, pattern) in the order they are tried; the first that matches a cited part names its kind.
_KINDS: tuple[tuple[str, str], ...] = (
    ("form_d", r"\bform\s*d\b"),
    ("8-k", r"\b8-?k\b"),
    ("10-k", r"\b10-?k\b"),
    ("10-q", r"\b10-?q\b"),
    ("registration", r"\b(?:s-1|f-1|424b\d?|prospectus|registration statement)\b"),
    ("earnings", r"\bearnings (?:reports?|releases?|calls?)\b|\bquarterly results\b"),
    ("investor_call", r"\b(?:investor|conference|analyst) call\b"),
    ("press_release", r"\bpress releases?\b|\bannouncement\b|\bblog\b"),
    ("market_data", r"\b(?:market|stock|price|trading|exchange) data\b|\bnasdaq\b|\bnyse\b"),
    ("analyst", r"\banalysts?\b|\bestimates?\b"),
    ("list_report", r"\blist\b|\branking\b|\b\d{1,3} report\b"),
    ("report", r"\breports?\b|\bmaterials\b|\bdata\b|\bfilings?\b"),
)
#: Kinds that are a company's own statement: the company's name precedes the kind ("AT&T 8-K").
_OWN = {"form_d", "8-k", "10-k", "10-q", "registration", "press_release", "investor_call", "earnings"}
#: A company's filings report its own events (a press release or call may speak of partners too).
_FILINGS = {"form_d", "8-k", "10-k", "10-q", "registration"}
_KIND_WORDS = re.compile(r"\b(?:sec|form|filings?|the|its|company|s-1|f-1|8-k|10-k|10-q|press|releases?|investor|"
                         r"conference|call|materials|earnings|reports?|blog|d)\b|\(.*?\)", re.IGNORECASE)
_LABEL = {"form_d": "A Form D", "8-k": "An 8-K", "10-k": "A 10-K", "10-q": "A 10-Q", "registration": "An S-1 or prospectus",
          "press_release": "A press release", "investor_call": "An investor call", "earnings": "An earnings report"}


@dataclass(frozen=True, slots=True)
class CitedDocument:
    """One document a citation names: its text, kind and (when named) whose document it is."""

    text: str
    kind: str
    owner: str = ""


def parse_citation(body: str) -> list[CitedDocument]:
    """Split a citation body on ";" into cited documents and read each one's kind and owner."""
    out = []
    for part in (p.strip() for p in body.split(";")):
        if not part:
            continue
        kind = next((k for k, pat in _KINDS if re.search(pat, part, re.IGNORECASE)), "other")
        owner = ""
        if kind in _OWN:
            owner = re.sub(r"(?:'|’)s?$", "", " ".join(_KIND_WORDS.sub(" ", part).split()).strip(" ,."))
        out.append(CitedDocument(part, kind, owner))
    return out


SameEntity = Callable[[str, str, str | None], bool]


def _default_same(owner: str, name: str, entity_id: str | None) -> bool:
    a, b = normalise_name(owner), normalise_name(name)
    return bool(a and b) and (a == b or a in b.split() or b in a.split())


def mismatches(claim: Claim, same: SameEntity | None = None) -> list[str]:
    """One sentence per cited document that cannot hold ``claim``; empty when every one can.

    ``same(owner, name, entity_id)`` says whether a document's owner is a named party (aliases
    such as a parent company's brand are resolved by the caller's entity index).
    """
    if not claim.cited_source:
        return []
    same = same or _default_same
    parties = [(claim.subject, claim.subject_id), (claim.counterparty, claim.counterparty_id)]
    parties += [(m, None) for m in claim.members]
    out = []
    for doc in parse_citation(claim.cited_source):
        reason = _cannot_hold(doc, claim, [p for p in parties if p[0]], same)
        if reason:
            out.append(reason)
    return out


def _cannot_hold(doc: CitedDocument, claim: Claim, parties, same: SameEntity) -> str:
    label = _LABEL.get(doc.kind, "")
    def owner_is(name, eid):
        return bool(doc.owner) and same(doc.owner, name, eid)
    owner_party = doc.owner and any(owner_is(n, e) for n, e in parties)
    if doc.kind == "form_d":
        if claim.measure == "valuation":
            return f"{label} reports an offering's amount and date, not the company's valuation (cited: {doc.text})."
        if claim.counterparty and claim.measure in ("strategic_investment", "funding_round"):
            return (f"{label} reports an offering's amount and date but never names the investors, so it cannot "
                    f"say the money came from {claim.counterparty} (cited: {doc.text}).")
        if claim.kind in (ClaimKind.CHANGE, ClaimKind.SHARE_PRICE, ClaimKind.STATUS, ClaimKind.RANKING):
            return f"{label} is a notice of an exempt offering; it holds no {claim.kind.value.replace('_', ' ')} (cited: {doc.text})."
    if doc.kind == "registration" and claim.kind in (ClaimKind.CHANGE, ClaimKind.SHARE_PRICE):
        return (f"{label} is filed before the shares trade, so it cannot hold a later "
                f"{'price change' if claim.kind is ClaimKind.CHANGE else 'share price'} (cited: {doc.text}).")
    if doc.kind in _OWN and doc.owner:
        if claim.measure == "valuation" and not owner_is(claim.subject, claim.subject_id):
            return (f"{label} of {doc.owner} reports {doc.owner}'s own events; it is not where "
                    f"{claim.subject or 'another company'}'s valuation is set (cited: {doc.text}).")
        if claim.kind is ClaimKind.RANKING:
            return (f"{label} of {doc.owner} reports {doc.owner}'s own figures, not a ranking among rivals "
                    f"(cited: {doc.text}).")
        if parties and not owner_party and doc.kind in _FILINGS:
            return f"{label} of {doc.owner} reports {doc.owner}'s own events; none of the claim's parties is {doc.owner} (cited: {doc.text})."
    return ""
