"""The shared lexicon of deal English: validated data files read once, used by every stage."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources

from pydantic import BaseModel, field_validator


class VerbForms(BaseModel):
    """Irregular forms by lemma, and the verbs that double a final consonant."""

    irregular: dict[str, list[str]]
    doubled: list[str]

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
    return VerbForms(irregular=data["irregular"], doubled=data["doubled"]["words"])


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
