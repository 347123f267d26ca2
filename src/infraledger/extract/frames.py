"""The grammar of deal language: one frame per way English states a deal, over placeholder text.

Frames run on a sentence in which every company name has been replaced by ``⟨E<id>⟩`` (people
by ``⟦P<id>⟧``, money by ``⟪M<n>⟫``), so a pattern says "an entity, then a form of *acquire*,
then up to N words with no other entity, then an entity" without spelling out names. Gaps never
cross another company (``_G``), which is what makes "the nearest party" the one a verb governs.

Each frame names the event type, the group that holds the subject (the company the event is
about, as in the evaluation conventions), the groups that hold counterparties with their roles,
and the status its verb implies. Frames are tried in order; a later frame does not fire on a
trigger an earlier one has claimed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.events import FactType, Role, Status

E = r"⟨E\d+⟩"
P = r"⟦P\d+⟧"
M = r"⟪M\d+⟫"
# A list of entities: "A, B and C", "A & B", "A together with B".
EL = rf"{E}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+together\s+with\s+|\s*&\s*){E})*"
PL = rf"{P}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:[\w-]+\s+){{0,3}}?{P})*"


def _g(n: int) -> str:
    """A gap of at most ``n`` characters containing no company (people and money may occur)."""
    # People and money use other brackets than companies, so one character class says it all
    # (and Python's regex engine runs a class far faster than an alternation).
    return rf"[^⟨;]{{0,{n}}}?"


def _ge(n: int) -> str:
    """A gap of at most ``n`` characters that may contain companies (for appositions)."""
    return rf"[^;]{{0,{n}}}?"


# "merger with" is left out on purpose: it does not say who buys whom ("to merge into" does).
_ACQ_VERB = (r"(?:acquisition|purchase|takeover|buyout|acquire|acquires|acquired|acquiring|buy|buys|bought|buying|"
             r"purchases|purchased|purchasing|take over(?! as\b)|took over(?! as\b)|takes over(?! as\b)|snaps up|snapped up|snap up|scoops up|"
             r"scooped up|buys out|bought out|swallows|swallowed)")
_STAKE = r"(?:a |an |its |the )?(?:(?:[\d.]+%|minority|majority|equity|non-voting|passive|small|strategic|direct)\s+)*stake"


@dataclass(frozen=True)
class Frame:
    """One way of stating a deal: pattern, event type, subject group, role groups, default status."""

    name: str
    type: FactType
    pattern: re.Pattern
    subject: str
    roles: dict[str, Role] = field(default_factory=dict)
    status: Status | None = None
    people: str = ""
    gate: tuple[str, ...] | None = None  # words the sentence must contain for the frame to be tried

    def may_match(self, companies: int, people: bool, present: frozenset[str]) -> bool:
        """A cheap test before the full pattern: enough parties in the sentence (``companies``
        placeholders, ``people`` present) and one of the frame's trigger words in ``present``."""
        if self.type is FactType.TALENT_MOVE:
            if not people:
                return False
        elif companies < (1 if self.subject == "topic" or not self.roles else 2):
            return False
        return self.gate is None or not present.isdisjoint(self.gate)


# Trigger words per frame, in the frames' order (checked before the frame's full pattern, for speed).
_GATES = {
    "invest-in": r"invest|put|pour|inject",
    "stake-in": r"stake",
    "stake-from": r"from",
    "stake-topic": r"stake",
    "commit-topic": r"commit|pledg|followed with|chipped|put in",
    "buy-stock": r"stock|shares|equity",
    "backed-with": r"backed|backs|funded|funds|financ",
    "made-investment": r"investment|stake",
    "warrants-for": r"warrant",
    "poss-investment": r"investment|stake",
    "got-investment-from": r"investment|stake|backing",
    "investment-from": r"from",
    "valued-in-round": r"valued",
    "sold-stake": r"stake",
    "sold-itself": r"itself",
    "sell-to": r"sell|sold|sale|divest|offload",
    "was-sold-to": r"sold",
    "acquisition-of-by": r"by",
    "acquired-by": r"by",
    "which-bought": r"bought|acquired|purchased|private|agreed|went on|would",
    "merge-into": r"into",
    "take-private": r"private",
    "agreement-with": r"agreement|deal|offer|bid",
    "bid-for": r"for",
    "pay-for": r"pay|paid",
    "slash-deal": r"acqui|takeover|buyout",
    "we-acquired": r"we ",
    "acquire": r"acqui|buy|bought|purchas|take|took|merge|snap|scoop|swallow",
    "said-signed": r"said",
    "agreement-to-supply": r"supply|provide|deliver",
    "supply-with": r"suppl|provid|equip",
    "agree-to-supply": r"supply|provide|deliver",
    "spend-on": r"spend|buy|purchas",
    "poss-agreement": r"its|their",
    "dash-contract": r"contract|deal|agreement|lease|order",
    "buy-from": r"from",
    "picked": r"pick|select|chose|tap",
    "licence": r"licen",
    "tenant": r"tenant|customer|client",
    "signed-with": r"deal|contract|agreement|lease|arrangement|order|pact|commitment",
    "left-to-join": r"join|run|lead|head|become|for",
    "owner-left-to-join": r"join|run|lead|head|become|for",
    "who-was-at": r"join",
    "said-will-join": r"will|would|is to|is set|is due",
    "lost-to": r"los",
    "lost": r"los",
    "bring-into": r"bring|brought|hire|poach|recruit|snag|nab|lure",
    "named-from": r"named|appoint|tap|hire|lure|poach|recruit",
    "hired-from": r"hire|poach|recruit|lure|brought in|brings in",
    "named-former": r"former|ex-|longtime",
    "who-runs": r"who",
    "who-left": r"who",
    "joined-from": r"join",
    "has-joined": r"join",
    "replaced-by": r"replaced by|succeeded by",
    "step-down": r"step|resign|retir|left|leave",
}


def _f(name: str, type_: FactType, pattern: str, subject: str, roles: dict[str, Role] | None = None,
       status: Status | None = None, people: str = "") -> Frame:
    # Blanked appositions leave runs of spaces: every space in a pattern stands for any run.
    return Frame(name, type_, re.compile(pattern.replace(" ", r"\s+"), re.IGNORECASE), subject, roles or {}, status,
                 people, tuple(_GATES[name].split("|")) if name in _GATES else None)


INV, LEAD, ACQ, CUS, HIR, EXC = Role.INVESTOR, Role.LEAD_INVESTOR, Role.ACQUIRER, Role.CUSTOMER, Role.HIRER, Role.EXCHANGE
SI, FR, AC, CC, TM, IPO = (FactType.STRATEGIC_INVESTMENT, FactType.FUNDING_ROUND, FactType.ACQUISITION,
                           FactType.COMMERCIAL_CONTRACT, FactType.TALENT_MOVE, FactType.IPO)

FRAMES: tuple[Frame, ...] = (
    # -- strategic investments: one named investor puts money into one company -----------------
    _f("invest-in", SI, rf"(?P<a>{EL}){_g(80)}\b(?:invest|invests|invested|investing|put|puts|putting|pour|pours|"
       rf"poured|inject|injects|injected)\b{_g(25)}(?P<m>{M}){_g(40)}\b(?:in|into) (?P<t>{E})", "t", {"a": INV}),
    _f("stake-in", SI, rf"(?P<a>{E}){_g(60)}\b(?:pay|pays|paid|paying|take|takes|took|taken|taking|buy|buys|bought|buying|"
       rf"acquire|acquires|acquired|receive|received|receives|hold|holds|purchase of|acquisition of)\b{_g(20)}(?:(?P<m>{M}){_g(12)})?"
       rf"\b(?:for )?{_STAKE}\b{_g(40)}\bin (?:[\w-]+ ){{0,3}}?(?P<t>{E})", "t", {"a": INV}),
    _f("stake-from", SI, rf"(?P<t>{E}){_g(60)}\b(?:received|receives|landed|lands|secured|secures|got|gets|won|wins|"
       rf"raised|raises|took|takes|accepted)\b{_g(12)}(?P<m>{M}){_g(30)}\bfrom (?:[\w-]+ ){{0,3}}?(?P<a>{E})"
       rf"(?!\s*(?:,|and)\s*(?:[\w-]+\s+){{0,3}}?{E})",
       "t", {"a": INV}),
    _f("stake-topic", SI, rf"(?P<a>{E}){_g(40)}\b(?:take|takes|took|taking|buy|buys|bought)\b {_STAKE}\b"
       rf"(?!{_g(40)}\bin\b)", "topic", {"a": INV}),
    # "X raised from both of its backers: A committed up to $4 billion, and B followed with $2 billion"
    _f("commit-topic", SI, rf"(?P<a>{E}) (?:has |had |also )?(?:committed|pledged|followed with|chipped in|put in)\b "
       rf"(?P<m>{M})(?!{_g(30)}\b(?:in|into|to) ⟨E)", "topic", {"a": INV}, Status.ANNOUNCED),
    _f("buy-stock", SI, rf"(?P<a>{E}){_g(60)}\b(?:buy|buys|bought|buying|purchase|purchases|purchased)\b{_g(10)}"
       rf"(?P<m>{M}) (?:worth )?of (?:new )?(?P<t>{E}) (?:common |ordinary |new |class a )?(?:stock|shares|equity)",
       "t", {"a": INV}),
    # "A backed X with $40 million", "A made a $250 million investment in X"
    _f("backed-with", SI, rf"(?P<a>{E}){_g(40)}\b(?:backed|backs|funded|funds|financed|finances)\s+(?P<t>{E})\s+with\s+"
       rf"(?:(?:about|up to|another|nearly|some)\s+)?(?P<m>{M})", "t", {"a": INV}),
    _f("made-investment", SI, rf"(?P<a>{E}){_g(60)}\b(?:made|makes|making|announced|announces|completed|completes|"
       rf"finalized|closed)\s+(?:a|an|its)\s+(?:(?P<m>{M})\s+)?(?:[\w-]+\s+)?(?:investment|stake) in (?P<t>{E})", "t",
       {"a": INV}),
    # "A receives warrants for roughly 5% of X": a right to a stake, granted but not yet used
    _f("warrants-for", SI, rf"(?P<a>{E}){_g(80)}\b(?:receives?|received|receiving|gets|got|obtains?|obtained|was granted|"
       rf"is granted|will receive|takes|took)\s+(?:[\w-]+\s+)?warrants\b{_g(50)}\b(?:of|in) (?P<t>{E})", "t", {"a": INV},
       Status.ANNOUNCED),
    _f("poss-investment", SI, rf"(?P<a>{E})'s (?:(?P<m>{M}) )?(?:[\w-]+ )?(?:investment|stake) in (?P<t>{E})", "t",
       {"a": INV}),
    # "X today announced a $200 million strategic investment from Y"
    _f("got-investment-from", SI, rf"(?P<t>{E}){_g(80)}\b(?:announced|announces|received|receives|secured|secures|"
       rf"closed|closes|landed|lands|won|wins|completed|completes|got|gets|raised|raises)\b{_g(20)}(?:(?P<m>{M}) )?"
       rf"(?:[\w-]+ ){{0,2}}?(?:investment|stake|backing) from (?:[\w-]+ ){{0,3}}?(?P<a>{E})"
       rf"(?!\s*(?:,|and)\s*(?:[\w-]+\s+){{0,3}}?{E})", "t", {"a": INV}),
    _f("investment-from", SI, rf"(?P<t>{E})'s (?P<m>{M}) (?:[\w-]+ )?(?:investment|stake|funding) from (?P<a>{E})",
       "t", {"a": INV}),
    # -- funding rounds told by their valuation: "X was last valued at $900 million in a 2024 round
    # led by Y" (rounds with a raise verb are read in rules.py) ----------------------------------
    _f("valued-in-round", FR, rf"(?P<t>{E}){_g(40)}\b(?:was|is|had been|has been) (?:last |most recently |then )?"
       rf"valued at (?:about |around |roughly |more than |nearly )?{M} in (?:a|an|its|the) (?:[\w-]+ ){{0,3}}?"
       rf"(?:funding round|round|financing|fundraise|fundraising)\b", "t", {}, Status.COMPLETED),
    # -- acquisitions ----------------------------------------------------------------------------
    _f("sold-stake", SI, rf"(?P<t>{E}){_g(60)}\b(?:sold|sells|sell|issued|issues|issue)\b {_STAKE}\b{_g(30)}"
       rf"\bto (?:[\w-]+ ){{0,3}}?(?P<a>{E})", "t", {"a": INV}),
    _f("sold-itself", AC, rf"(?P<t>{E}){_g(60)}\b(?:sold|sells|sell|selling) itself to (?:[\w-]+ ){{0,3}}?(?P<a>{E})",
       "t", {"a": ACQ}),
    _f("sell-to", AC, rf"\b(?:sell|sells|sold|selling|sale of|divest|divests|divested|offload|offloads)\b"
       rf"{_g(70)}(?P<t>{E}){_g(90)}\bto (?:[\w-]+ ){{0,3}}?(?P<a>{EL})", "t", {"a": ACQ}),
    _f("was-sold-to", AC, rf"(?P<t>{E}){_g(60)}\b(?:was|were|has been|had been|is being|will be|is to be|would be) "
       rf"sold to (?:[\w-]+ ){{0,3}}?(?P<a>{EL})", "t", {"a": ACQ}),
    # "The acquisition of Y by X, announced in October, ..."
    _f("acquisition-of-by", AC, rf"\b(?:acquisition|purchase|takeover|buyout) of (?P<t>{E}) by (?P<a>{E})", "t", {"a": ACQ}),
    _f("acquired-by", AC, rf"(?P<t>{E}){_g(80)}\b(?:was|were|has been|had been|is being|will be|to be|being) "
       rf"(?:acquired|bought|purchased|taken over|snapped up)\b{_g(30)}\bby (?P<a>{EL})", "t", {"a": ACQ}),
    _f("which-bought", AC, rf"(?P<t>{E}),? (?:which |that |whom )?(?P<a>{E}) (?:had |has |later |eventually )?"
       rf"(?:bought|acquired|purchased|took private|agreed to (?:buy|acquire|purchase)|went on to (?:buy|acquire|purchase)|"
       rf"would (?:later |go on to )?(?:buy|acquire))\b", "t", {"a": ACQ}),
    _f("merge-into", AC, rf"(?P<t>{E}){_g(30)}\b(?:to merge|will merge|merged|merges|would merge) (?:with and )?into "
       rf"(?P<a>{E})", "t", {"a": ACQ}),
    _f("take-private", AC, rf"(?P<a>{E}){_g(40)}\b(?:took|taken|take|takes|taking) (?P<t>{E}) private", "t",
       {"a": ACQ}, Status.COMPLETED),
    _f("agreement-with", AC, rf"(?P<t>{E}){_g(100)}\b(?:takeover|acquisition|merger|buyout) (?:agreement|deal|offer|bid)"
       rf" (?:with|from|by) (?P<a>{E})", "t", {"a": ACQ}),
    _f("bid-for", AC, rf"(?P<a>{E})'s{_g(30)}\b(?:bid|offer|approach|takeover) for{_g(60)}(?P<t>{E})", "t",
       {"a": ACQ}),
    _f("pay-for", AC, rf"(?P<a>{E}){_g(60)}\b(?:will pay|is paying|agreed to pay|agrees to pay|paid|pays|to pay) "
       rf"(?:about |around |roughly |nearly |up to )?(?P<m>{M}){_g(30)}\bfor (?P<t>{E})"
       rf"(?!'s|{_g(25)}\b(?:stake|shares|stock|licen[cs]e|rights|capacity|services|equipment|chips|GPUs))", "t",
       {"a": ACQ}),
    # Note form: "Helios Grid / Fenwick Power — $7.5B acquisition" (buyer / target).
    _f("slash-deal", AC, rf"(?P<a>{E})\s*/\s*(?P<t>{E})\s*[—–-]+\s*(?:(?P<m>{M})\s+)?(?:[\w-]+\s+){{0,2}}?"
       rf"(?:acquisition|takeover|buyout)\b", "t", {"a": ACQ}),
    # A company speaking of itself ("we completed the acquisition of X" in a release or a call): the
    # buyer is the speaker, not named in the sentence.
    _f("we-acquired", AC, rf"\b(?-i:[Ww]e)\b(?: have| had| also)?{_g(30)}\b(?:acquired|bought|purchased|completed the "
       rf"(?:acquisition|purchase) of|closed (?:the|our) (?:acquisition|purchase) of|agreed to (?:acquire|buy|purchase)|"
       rf"announced (?:the|our|an agreement to) (?:acquisition of|acquire|buy))\s+(?P<t>{E})(?!'s)", "t", {}),
    _f("acquire", AC, rf"(?P<a>{EL})(?:'s)?{_g(160)}\b{_ACQ_VERB}\b(?: of| for)?(?P<gap>{_g(70)})(?P<t>{E})"
       rf"(?!'s)(?!\s+(?:common |ordinary |capital |preferred )?(?:stock|shares))", "t", {"a": ACQ}),
    # -- commercial contracts (subject = supplier) ----------------------------------------------
    _f("said-signed", CC, rf"(?P<s>{E}) said (?:that )?(?P<c>{E}) (?:had |has )?(?:signed|agreed to|committed to|"
       rf"awarded)\b{_g(60)}\b(?:contract|deal|agreement|lease|order)", "s", {"c": CUS}, Status.COMPLETED),
    _f("agreement-to-supply", CC, rf"(?P<s>{E}){_g(150)}\b(?:agreement|contract|deal)(?: (?:worth|valued at|of) (?:about |up to )?{M})? to "
       rf"(?:supply|provide|deliver)"
       rf"\b{_g(60)}\bto (?P<c>{E})", "s", {"c": CUS}, Status.COMPLETED),
    # "X will supply Y with 100,000 GPUs"
    _f("supply-with", CC, rf"(?P<s>{E}){_g(60)}\b(?:supplies|supplied|will supply|would supply|to supply|agreed to supply|"
       rf"provides|provided|will provide|to provide|equips|will equip)\s+(?P<c>{E})\s+with\b", "s", {"c": CUS}),
    _f("agree-to-supply", CC, rf"(?P<s>{E}){_g(60)}\b(?:agreed|agrees|has agreed|signed up|will|is to|is set) to "
       rf"(?:supply|provide|deliver)\b{_g(60)}\bto (?P<c>{E})", "s", {"c": CUS}, Status.ANNOUNCED),
    # "Y committed to spend $20 billion on X's cloud": X supplies, Y is the customer.
    _f("spend-on", CC, rf"(?P<c>{E}){_g(60)}\b(?:committed|commits|agreed|agrees|pledged|pledges|promised|will|is to|"
       rf"plans) to (?:spend|buy|purchase)\b{_g(15)}(?P<m>{M}){_g(40)}\b(?:on|with|from) (?P<s>{E})", "s", {"c": CUS}),
    # "X said its agreement with Y was worth about $900 million"
    _f("poss-agreement", CC, rf"(?P<s>{E}){_g(40)}\b(?:its|their) (?:[\w-]+ ){{0,3}}?(?:agreement|contract|deal|lease)s? "
       rf"with (?:[\w.-]+ ){{0,3}}?(?P<c>{E})", "s", {"c": CUS}),
    # Note form: "Cobalt Systems — $12B, seven-year GPU capacity contract with Lyra Labs".
    _f("dash-contract", CC, rf"(?P<s>{E})\s*[—–]+\s*(?:(?P<m>{M}),?\s+)?(?:[\w-]+\s+){{0,5}}?"
       rf"(?:contract|deal|agreement|lease|order)\s+(?:with|from)\s+(?P<c>{E})", "s", {"c": CUS}, Status.COMPLETED),
    _f("buy-from", CC, rf"(?P<c>{E}){_g(80)}\b(?:buy|buys|bought|purchase|purchases|purchased|rent|rents|rented|lease|"
       rf"leases|leased|procure|procures|procured)\b{_g(20)}(?P<m>{M})?{_g(60)}\bfrom (?P<s>{E})", "s", {"c": CUS}),
    _f("picked", CC, rf"(?P<c>{E}){_g(40)}\b(?:picked|picks|selected|selects|chose|chooses|tapped|taps)\b (?P<s>{E})"
       rf"{_g(150)}\b(?:deal|contract|agreement)\b", "s", {"c": CUS}, Status.COMPLETED),
    _f("licence", CC, rf"(?P<c>{E}){_g(40)}\b(?:pay|pays|paying|paid)\b{_g(10)}(?P<m>{M}){_g(60)}\blicen[cs]e\b"
       rf"{_g(20)}(?P<s>{E})", "s", {"c": CUS}, Status.ANNOUNCED),
    _f("tenant", CC, rf"(?P<c>{E}){_g(30)}\b(?:remains|is|became|becomes|was|has been)\b (?P<s>{E})'s (?:[\w-]+ )?"
       rf"(?:tenant|customer|client|anchor customer|anchor tenant)\b", "s", {"c": CUS}, Status.COMPLETED),
    _f("signed-with", CC, rf"(?P<s>{E}){_g(140)}\b(?:signed|signs|sign|signing|secured|secures|inked|inks|won|wins|"
       rf"landed|lands|entered into|enters into|announced|announces|struck|strikes|reached|expanded|expands|"
       rf"extended|extends|disclosed|disclosing|finalized|awarded|has|agreed|agrees|clinched|clinches|renewed|renews)\b"
       rf"(?P<gap>{_g(70)})\b(?:deal|contract|"
       rf"agreement|lease|arrangement|order|pact|commitment)s?\b(?:{_g(80)}\b(?:with|for)|{_g(25)}\bfrom) "
       # (a contract "from" a customer is one it awarded; "an agreement to acquire stores from Y" is no contract)
       rf"(?:[\w.-]+ ){{0,4}}?(?P<c>{E})", "s",
       {"c": CUS}, Status.COMPLETED),
    # -- talent moves (subject = the company that loses people) ---------------------------------
    _f("left-to-join", TM, rf"(?P<p>{P})(?P<app>,{_ge(120)},)?{_g(20)}\b(?:has |had )?(?:left|leaves|quit|quits|"
       rf"departed|departs|is leaving|will leave|resigned|resigns|stepped down|steps down)\b "
       rf"(?:(?P<s>{E})|the [\w-]+|his post|her post)?{_g(30)}"
       rf"\b(?:to (?:join|run|lead|head|become)\b{_g(50)}|for )(?P<h>{E})", "s", {"h": HIR}, Status.COMPLETED, "p"),
    # "Helix Fabric's CFO Greta Lind resigned to join Vantor Energy"
    _f("owner-left-to-join", TM, rf"(?P<s>{E})(?:'s|’s|'|’)? (?:[\w-]+ ){{0,5}}?(?P<p>{P}){_g(20)}\b(?:has |had )?(?:left|"
       rf"leaves|quit|quits|departed|departs|is leaving|will leave|resigned|resigns|stepped down|steps down)\b"
       rf"{_g(30)}\b(?:to (?:join|run|lead|head|become)\b{_g(50)}|for )(?P<h>{E})", "s", {"h": HIR}, Status.COMPLETED, "p"),
    # "Samir Kapoor, who led networking at Orbis Cloud, joins Tessel AI as chief technology officer"
    _f("who-was-at", TM, rf"(?P<p>{P}), who (?:led|ran|headed|oversaw|was|served as|worked|managed|built)\b{_g(60)}"
       rf"\b(?:at|of|for) (?P<s>{E}),{_g(20)}\b(?:joins|joined|has joined|will join|is joining|is to join)\b (?P<h>{E})",
       "s", {"h": HIR}, Status.COMPLETED, "p"),
    _f("said-will-join", TM, rf"(?P<h>{E}){_g(30)}\bsaid (?:that )?(?P<p>{P})(?P<app>,{_ge(120)},)? "
       rf"(?:would|will|is to|is set to|is due to) (?:join|become|lead|head|run)\b (?:(?P<h2>{E})|the company)?", "s",
       {"h": HIR}, Status.ANNOUNCED, "p"),
    _f("lost-to", TM, rf"(?P<s>{E}){_g(80)}\b(?:lost|loses|losing|has lost)\b(?:{_g(50)}(?P<p>{PL}))?{_g(60)}"
       rf"(?:\bto (?P<h>{E}))", "s", {"h": HIR}, Status.COMPLETED, "p"),
    _f("lost", TM, rf"(?P<s>{E}){_g(40)}\b(?:lost|loses|has lost)\b (?:its |their )?(?:[\w-]+ ){{0,4}}?(?P<p>{PL})",
       "s", {}, Status.COMPLETED, "p"),
    _f("bring-into", TM, rf"(?P<h>{E}){_g(60)}\b(?:bring|brings|brought|hire|hires|hired|poach|poached|poaches|"
       rf"recruit|recruited|recruits|snagged|snags|nabbed|nabs|lured|lures)\b (?:on |in |aboard |over )?(?P<s>{E})(?:'s|’s|'|’)? {_g(40)}(?P<p>{PL})", "s", {"h": HIR}, Status.ANNOUNCED, "p"),
    _f("named-from", TM, rf"(?P<h>{E}){_g(80)}\b(?:named|appointed|names|appoints|tapped|taps|hired|hires|lured|lures|"
       rf"poached|poaches|recruited|recruits)\b (?P<p>{P}),{_g(100)}\b(?:at|of|from) (?P<s>{E}),{_g(30)}"
       rf"\b(?:as|to be|to become|to lead|to run|to head)\b", "s", {"h": HIR}, Status.ANNOUNCED, "p"),
    # "Orla hired Jane Doe from Kestrel Labs"
    _f("hired-from", TM, rf"(?P<h>{E}){_g(60)}\b(?:hired|hires|poached|poaches|recruited|recruits|lured|lures|brought in|"
       rf"brings in)\b (?P<p>{PL}){_g(20)}\bfrom (?P<s>{E})", "s", {"h": HIR}, Status.COMPLETED, "p"),
    # "Quill named former Brisa Systems executive Tom Lee as chief operating officer"
    _f("named-former", TM, rf"(?P<h>{E}){_g(60)}\b(?:named|appointed|hired|tapped|names|appoints|hires|taps)\b "
       rf"(?:former|ex-|longtime) ?(?P<s>{E})(?:'s|’s)? (?:[\w-]+ ){{0,3}}?(?P<p>{P})", "s", {"h": HIR},
       Status.ANNOUNCED, "p"),
    _f("who-runs", TM, rf"(?P<p>{P}), who (?:is leaving|runs|leads|heads|ran|led|is|was|has been)\b{_g(30)}"
       rf"(?P<s>{E}){_g(120)}\bwill (?:become|join|replace|succeed|take over|serve as|be named|lead)\b", "s",
       {}, Status.ANNOUNCED, "p"),
    _f("who-left", TM, rf"(?P<p>{P}),{_g(100)}\bwho (?:left|has left|quit|departed|resigned from) (?P<s>{E})", "s",
       {}, Status.COMPLETED, "p"),
    _f("joined-from", TM, rf"(?P<p>{P}){_g(30)}\b(?:joined|joins|has joined)\b (?P<h>{E}){_g(40)}\bfrom (?P<s>{E})",
       "s", {"h": HIR}, Status.COMPLETED, "p"),
    _f("has-joined", TM, rf"(?P<p>{P}){_g(40)}\b(?:has joined|joined|joins|will join|is joining|is to join)\b "
       rf"(?P<h>{E})(?!'s|{_g(40)}\bfrom\b|\s+(?:board|committee|advisory))", "s", {"h": HIR}, Status.COMPLETED, "p"),
    # "X said its CEO would step down; she will be replaced by Z, previously president of Y"
    _f("replaced-by", TM, rf"(?P<h>{E})[^⟨.]{{0,160}}?\b(?:replaced|succeeded) by (?P<p>{P}),{_g(10)}\b(?:previously|formerly|"
       rf"most recently|until recently|who was|who is)\b{_g(60)}\b(?:of|at) (?P<s>{E})", "s", {"h": HIR}, Status.ANNOUNCED,
       "p"),
    _f("step-down", TM, rf"(?P<p>{P}){_g(80)}(?:(?P<s>{E}){_g(60)})?\b(?:(?:will|would|is to|plans to|is set to) "
       rf"(?:step down|resign|retire|leave (?:⟨E\d+⟩|the company))|stepped down|steps down|has stepped down|is stepping "
       rf"down|resigned|has resigned|retired|has retired|is retiring|(?:has )?left (?:⟨E\d+⟩|the company))(?!\w)", "s", {},
       None, "p"),
)

# Funding rounds and IPOs are recognised by a raise verb plus a round or listing word, which is
# easier to say in code than in one pattern (see rules.py).
RAISE_VERB = re.compile(r"\b(?:raised|raises|raise|raising|closed|closes|close of|closing|secured|secures|landed|"
                        r"lands|announced|announces|completed|completes|bagged|picked up|pulled in|banked|netted|"
                        r"fetched|priced|prices|pricing|sold)\b", re.IGNORECASE)
_AFTER_VERB = re.compile(rf"(?P<gap>{_g(60)})(?P<m>{M})")
_LAST_E = re.compile(rf"({E})[^⟨;]*$")


class RaiseMatch:
    """A company, then within 140 characters (no other company between) a raise verb, then money.

    Found verb first and read outwards, which is much faster than one pattern that tries every
    company as a start; offers the ``re.Match`` methods the callers use.
    """

    def __init__(self, string: str, t: tuple[int, int], verb: tuple[int, int], gap: tuple[int, int],
                 m: tuple[int, int]) -> None:
        self.string = string
        self._spans = {"t": t, "verb": verb, "gap": gap, "m": m}

    def start(self, name: str = "t") -> int:
        return self._spans[name][0]

    def end(self, name: str = "m") -> int:
        return self._spans[name][1]

    def group(self, name: str) -> str:
        a, b = self._spans[name]
        return self.string[a:b]


def find_raises(text: str) -> list[RaiseMatch]:
    """Every "company ... raise verb ... money" in ``text`` (see :class:`RaiseMatch`)."""
    out = []
    last_end = 0
    for v in RAISE_VERB.finditer(text):
        if v.start() < last_end:
            continue
        window_start = max(last_end, v.start() - 145)
        head = _LAST_E.search(text, window_start, v.start())
        if head is None or v.start() - head.end(1) > 140:
            continue
        tail = _AFTER_VERB.match(text, v.end())
        if tail is None:
            continue
        out.append(RaiseMatch(text, head.span(1), v.span(), tail.span("gap"), tail.span("m")))
        last_end = tail.end()
    return out
#: Every frame's trigger words, looked for once per sentence.
GATE_WORDS = tuple(sorted({w for g in _GATES.values() for w in g.split("|")}))
# Each frame's test of :meth:`Frame.may_match` as plain values (needs a person, companies needed,
# trigger words), so that :func:`candidate_frames` tests all frames without a method call each.
_TESTS = tuple((f, f.type is FactType.TALENT_MOVE, 1 if f.subject == "topic" or not f.roles else 2,
                frozenset(f.gate) if f.gate is not None else None) for f in FRAMES)


def candidate_frames(abstract: str) -> list[Frame]:
    """The frames, in order, that pass :meth:`Frame.may_match` on the placeholder text ``abstract``."""
    companies, people = abstract.count("⟨E"), "⟦P" in abstract
    if not companies and not people:
        return []  # every frame needs a company or a person
    low = abstract.lower()
    present = frozenset([w for w in GATE_WORDS if w in low])
    return [f for f, talent, need, gate in _TESTS
            if (people if talent else companies >= need) and (gate is None or not present.isdisjoint(gate))]


ROUND_WORDS = re.compile(r"\b(?:round|series [a-z]\d?|seed|funding|financing|venture|fund-?raising|fundraise|"
                         r"valuation|valuing|valued|led by|co-led|investors?)\b", re.IGNORECASE)
# Money raised that is not equity for the company: debt, revenue, grants, employees selling their
# own shares ("in a tender offer", "a secondary sale").
DEBT_WORDS = re.compile(r"\b(?:notes?|convertible|debt|loan|bonds?|credit|facility|revenue|sales|earnings|"
                        r"profit|buyback|repurchase|grants?|tender offer|secondary)\b", re.IGNORECASE)
IPO_WORDS = re.compile(r"\b(?:IPO|initial public offering|public offering|went public|listing|listed|"
                       r"flotation|debut)\b", re.IGNORECASE)
IPO_NOT = re.compile(r"\b(?:filed|files|filing|plans?|planning|prepar\w*|consider\w*|possible|potential|"
                     r"could|(?-i:may)|might|seek\w*|intend\w*|confidential\w*|ahead of|before|secondary)\b", re.IGNORECASE)
UNDISCLOSED_ROUNDS = re.compile(r"\b(?:raised|closed|closing|raising|completed|secured)\b[^.;]{0,30}"
                                r"\b(?:undisclosed|unannounced|unspecified)\b[^.;]{0,20}\brounds?\b", re.IGNORECASE)
ROUND_NOUN = re.compile(rf"(?P<t>{E})(?:'s)?{_g(90)}(?P<m>{M})\s+(?:(?!(?:in|into|for|to|of|from|at|the)\b)[\w-]+\s+)"
                        rf"{{0,2}}?(?:Series [A-Z]\d?|seed(?: round)?|pre-seed|funding round|financing round|round)\b", re.IGNORECASE)
# "Orla's fund co-led a $100 million round in the company"
ROUND_IN = re.compile(rf"(?P<l>{EL})\s+(?:co-)?led\s+(?:a|an|the)\s+(?P<m>{M})\s+(?:[\w-]+\s+){{0,3}}?round\s+in\s+"
                      rf"(?P<t>{E})", re.IGNORECASE)
CUMULATIVE = re.compile(r"\b(?:raised a total|in total|to date|since (?:it was )?"
                        r"founded|since its founding|since inception|bringing (?:its|the) total|total funding)\b",
                        re.IGNORECASE)
