"""What is not a statement of fact: rumours, hypotheticals, hearsay, boilerplate, blocks of figures.

The frames and the raise rules find deal language; these tests decide whether a stretch of text
states a deal or only mentions one ("could", "is said to be nearing", "people familiar with the
matter", "forward-looking statements", a flattened table of financial figures).
"""

from __future__ import annotations

import re

from .reading import Analysed

_HYPOTHETICAL = re.compile(r"\b(?:could|might|(?-i:may)|would have|should|ought to|reportedly|rumou?r\w*|in (?:\w+ )?talks|speculat\w*|"
                           r"is said to|are said to|weighing|mulling|"
                           r"unconfirmed|said to be|considering|considers?|exploring|if|whether|potential|possible|"
                           r"decided to|intends? to|interested in|interest in (?:buying|acquiring)|"
                           r"hope[sd]? to|aims? to|"
                           # (a plan holders or a board approved is decided: "shareholders approved a plan to merge")
                           r"(?<!approved a )(?<!approved the )(?<!approves a )(?<!approves the )plans? to|planning to|is planning|expected to announce|"
                           r"set to announce|poised to|preparing to|seeks? to|seeking to|looking to|in discussions|"
                           r"nearing|tried to|trying to|tries to|attempted to|failed to|"
                           # an offering filed for, not sold: "filed to raise $30 million"
                           r"filed to|files to|filing to|"
                           # a bid others expect to be made: "analysts expect X to make a bid for Y"
                           r"expect(?:s|ed)?\s+(?:⟨E\d+⟩\s+|it\s+|them\s+)?to\s+(?:make|launch|mount|submit|table))\b",
                           re.IGNORECASE)
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
_QUESTION = re.compile(r"\?[\s\"'’”)]*$")
_IF = re.compile(r"\bif\b", re.IGNORECASE)
_WOULD_OK = re.compile(r"\b(?:said|says|announced|confirmed|under which|agreed that)\b[^.;]{0,140}\bwould\b", re.I)
_BOILERPLATE = re.compile(r"\b(?:forward-looking statements?|actual results (?:may|could) differ|risks and "
                          r"uncertainties)\b", re.I)
_HEARSAY = re.compile(r"\b(?:people familiar with|familiar with the (?:matter|plans|talks)|according to (?:people|"
                      r"sources|a person)|sources said|people briefed)\b", re.I)
# What hearsay is told of when it is no fact yet: a deal ahead, or one still talked about.
_NOT_YET = re.compile(r"\b(?:will|would|could|may|might|talks?|discussions?|negotiations?|negotiating|nearing|close to|"
                      r"considering|exploring|weighing|plans?|planning|expected|set to|poised|preparing)\b", re.I)
# A negated classification: the sentence says that something is not a deal, or is not counted as one
# ("A letter of intent is not an acquisition", "loan facilities are not counted here", "we do not
# include grants", "neither counts as a funding round"). What it speaks of is not an event.
_NEGATION = r"(?:\bnot|n't|\bnever|\bneither|\bnor)\s+(?:(?:be|been|being|itself|themselves|yet|strictly|really)\s+)?"
_CLASS_VERB = (r"(?:count(?:s|ed)?|includ(?:e|es|ed)|treat(?:s|ed)?|consider(?:s|ed)?|class(?:es|ed)?|"
               r"classif(?:y|ies|ied)|regard(?:s|ed)?)")
_EVENT_NOUN = (r"(?:deal|transaction|event|acquisition|merger|takeover|round|investment|flotation|listing|ipo|"
               r"contract|raise|financing)s?")
_NEGATED_CLASS = re.compile(rf"{_NEGATION}(?:an?\s+(?:[\w-]+\s+){{0,2}}?{_EVENT_NOUN}\b|{_CLASS_VERB}\b)", re.I)
_NEGATION_HINTS = ("not", "n't", "never", "neither", "nor")


_BOILERPLATE_HINTS = ("forward-looking", "actual results", "uncertainties")
_HEARSAY_HINTS = ("familiar", "according to", "sources said", "briefed")


# A word (between blanks) made of figures and their signs only, with a digit in it.
_FIGURE_TOKEN = re.compile(r"(?<!\S)[\d,.()$%€£-]*\d[\d,.()$%€£-]*(?!\S)")


def figures_table(text: str) -> bool:
    """A block of figures flattened into one "sentence" (financial statements in a filing's
    exhibit): a third or more of its words are numbers. Such blocks state no deal."""
    words = len(text.split())
    return words >= 12 and len(_FIGURE_TOKEN.findall(text)) * 3 >= words


def not_counted(text: str) -> bool:
    """Rumours attributed to unnamed people, forward-looking boilerplate, and negated classifications
    ("X is not an acquisition", "loans are not counted"). A deal told as done and only sourced to
    unnamed people ("X has paid $9 million for Y, citing people familiar with the matter") is counted;
    one still ahead or talked about ("X is in talks to buy Y, people familiar said") is not."""
    low = text.lower()
    if any(h in low for h in _NEGATION_HINTS) and _NEGATED_CLASS.search(text):
        return True
    if any(h in low for h in _BOILERPLATE_HINTS) and _BOILERPLATE.search(text):
        return True
    return any(h in low for h in _HEARSAY_HINTS) and _HEARSAY.search(text) is not None \
        and _NOT_YET.search(text) is not None


def hypothetical(an: Analysed, start: int, end: int, text: str | None = None) -> bool:
    """Whether the stretch ``start:end`` of ``text`` (default: the sentence's placeholder text)
    is a rumour, a hypothetical or a conditional rather than a statement of fact."""
    text = an.abstract if text is None else text
    if _QUESTION.search(an.sentence.text):
        return True  # "Will Zentrix buy Halvora?", "Did X just make Y a better buy?": asked, not told
    region = text[max(0, start - 20):end]
    if _HYPOTHETICAL.search(region):
        return True
    if _WOULD.search(region) and not _WOULD_OK.search(text[max(0, start - 60):end]):
        return True
    if _IF.search(text, end) and _WOULD.search(text, 0, start) and not _WOULD_OK.search(text, 0, end):
        return True  # "I would be willing to sell X and buy Y if ...": a deal on a condition, not told as agreed
    return False
