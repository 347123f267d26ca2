"""Company names reduced to comparable keys, and the words that cannot identify a company alone.

:func:`infraledger.model.normalise_name` gives the key entity ids are made from; it must stay stable,
so the extra folding used only for *matching* lives here: a leading "The", abbreviations EDGAR's
conformed names use ("INTL", "TECH", "MFG"), trailing legal words left inside parentheses, and a
space-free form so "Core Weave" meets "CoreWeave".
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import normalise_name

# Abbreviations and inflections seen in EDGAR conformed names, folded to one spelling.
_FOLD = {
    "intl": "international", "natl": "national", "tech": "technology",
    "technologies": "technology", "techs": "technology", "mfg": "manufacturing", "svcs": "services",
    "svc": "services", "sys": "systems", "hldgs": "holdings", "hldg": "holdings", "holding": "holdings",
    "assn": "association", "ctr": "center", "centre": "center", "bancorporation": "bancorp",
    "labs": "laboratories", "lab": "laboratories", "amer": "american",
    "grp": "group", "mgmt": "management", "comm": "communications", "commun": "communications",
    "pharma": "pharmaceuticals", "pharmaceutical": "pharmaceuticals",
}

# Legal-form words that may be left over after normalise_name (inside a name or in parentheses).
LEGAL_WORDS = frozenset({
    "inc", "incorporated", "corp", "corporation", "company", "llc", "ltd", "limited", "plc", "ag", "sa",
    "nv", "bv", "gmbh", "holdings", "group", "lp", "llp", "se", "oyj", "ab", "asa", "kk", "the", "new",
    "companies",
})

# Words that say what a company does, not which company it is: a name made only of these (after
# legal words) never matches fuzzily, and sharing one of them is no evidence of identity.
GENERIC_WORDS = frozenset({
    "networks", "network", "systems", "system", "technology", "software", "laboratories", "group",
    "holdings", "partners", "capital", "ventures", "venture", "fund", "funds", "power", "energy", "data",
    "cloud", "ai", "international", "global", "solutions", "services", "communications", "semiconductor",
    "semiconductors", "computing", "computer", "bank", "bancorp", "financial", "investment", "investments",
    "management", "industries", "enterprises", "resources", "therapeutics", "pharmaceuticals", "health",
    "medical", "biosciences", "bioscience", "acquisition", "american", "national", "first", "united",
    "general", "digital", "security", "securities", "media", "electric", "gas", "oil",
    "mining", "gold", "realty", "properties", "income", "trust", "equity", "growth", "infrastructure",
    "platforms", "platform", "labs", "devices", "micro", "robotics", "quantum", "fiber", "wireless",
    "telecom", "telecommunications", "mobile", "internet", "online", "interactive", "brands", "products",
    "and", "of", "the", "a", "for", "in", "on", "company", "companies", "new", "north", "south", "east",
    "west", "us", "usa", "america", "china", "opportunities", "strategic", "advanced", "innovations",
    "innovation", "dynamics", "analytics", "research", "science", "sciences", "bio", "green", "one",
})

_PAREN = re.compile(r"\(([^)]*)\)")
_STOP = frozenset({"and", "of", "the", "a", "for", "in", "on"})


@lru_cache(maxsize=65536)
def match_key(name: str) -> str:
    """Matching key of a company name: normalised, abbreviations folded, legal words trimmed.

    'NVIDIA CORP/DE' -> 'nvidia'; 'The Buckle, Inc.' -> 'buckle'; 'INTL FLAVORS & FRAGRANCES INC'
    -> 'international flavors and fragrances'. Returns '' for a name with no letters or digits.
    """
    # Parenthesised legal words ("Buckle Inc (The)", "Foo (Holdings) Corp") say nothing.
    name = _PAREN.sub(lambda m: "" if set(normalise_name(m.group(1)).split() or [""]) <= LEGAL_WORDS | {""}
                      else f" {m.group(1)} ", name)
    normal = normalise_name(name)
    # (once more: punctuation made spaces may leave a legal word at the end, "0:CO" -> "0 co"; a key
    # is what it gives itself)
    normal = normalise_name(normal)
    tokens = [_FOLD.get(t, t) for t in normal.split()]
    while len(tokens) > 1 and tokens[0] == "the":
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in LEGAL_WORDS:
        tokens.pop()
    return " ".join(tokens)


def squash(key: str) -> str:
    """The key without spaces: 'core weave' and 'coreweave' meet."""
    return key.replace(" ", "")


@lru_cache(maxsize=65536)
def content_tokens(key: str) -> tuple[str, ...]:
    """Tokens of a key without connecting words ('and', 'of', 'the')."""
    return tuple(t for t in key.split() if t not in _STOP)


@lru_cache(maxsize=65536)
def numbers_in(key: str) -> frozenset[str]:
    """Numbers and roman numerals of a key: 'fund ii' and 'fund iii' are different funds."""
    return frozenset(t for t in key.split() if t.isdigit() or re.fullmatch(r"[ivx]{1,5}", t) or
                     (any(c.isdigit() for c in t) and len(t) <= 4))


@lru_cache(maxsize=65536)
def is_generic(key: str) -> bool:
    """True when a key is made only of descriptive words ('networks', 'cloud systems') or is empty."""
    tokens = content_tokens(key)
    return not tokens or all(t in GENERIC_WORDS or t in LEGAL_WORDS for t in tokens)
