"""The parse repairs on trees written by hand (the misreadings each repair exists for), so they are tested
whatever the shipped parser reads."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from infraledger.extract.syntax.repairs import repair

_VOCAB = spacy.blank("en").vocab  # English word attributes (lower case), as the shipped pipeline has


def _doc(rows: list[tuple[str, str, str, int]]) -> Doc:
    """A parsed sentence from (word, tag, relation, head index) rows."""
    words, tags, deps, heads = zip(*rows)
    return Doc(_VOCAB, words=list(words), tags=list(tags), deps=list(deps), heads=list(heads))


def _arcs(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_name_read_as_a_form_of_address_after_a_comma_is_an_apposition():
    doc = repair(_doc([("Orla", "NNP", "nsubj", 2), ("had", "VBD", "aux", 2), ("raised", "VBN", "ROOT", 2),
                       ("its", "PRP$", "nmod:poss", 4), ("holding", "NN", "obj", 2), ("in", "IN", "case", 7),
                       ("another", "DT", "det", 7), ("supplier", "NN", "nmod", 4), (",", ",", "punct", 9),
                       ("Quill", "NNP", "vocative", 2), ("to", "IN", "case", 11), ("60%", "NN", "obl", 2)]))
    assert ("Quill", "appos", "supplier") in _arcs(doc)
    assert [t.text for t in doc[7].subtree] == ["in", "another", "supplier", ",", "Quill"]


def test_a_form_of_address_with_no_noun_before_it_stays():
    doc = repair(_doc([("Thanks", "NNS", "ROOT", 0), (",", ",", "punct", 2), ("Quill", "NNP", "vocative", 0)]))
    assert ("Quill", "vocative", "Thanks") in _arcs(doc)


def test_a_preposition_hung_on_a_compound_is_the_names_and_its_phrase_an_oblique():
    doc = repair(_doc([("Orla", "NNP", "nsubj", 1), ("hired", "VBD", "ROOT", 1), ("40", "CD", "nummod", 3),
                       ("engineers", "NNS", "obj", 1), ("from", "IN", "case", 5), ("rival", "NN", "compound", 6),
                       ("Quill", "NNP", "obj", 1)]))
    assert ("from", "case", "Quill") in _arcs(doc)
    assert ("Quill", "obl", "hired") in _arcs(doc)
    assert ("engineers", "obj", "hired") in _arcs(doc)


def test_a_relative_clause_read_as_a_clause_of_its_own_describes_the_noun_before_the_comma():
    doc = repair(_doc([("She", "PRP", "nsubj", 1), ("ran", "VBD", "ROOT", 1), ("finance", "NN", "obj", 1),
                       ("at", "IN", "case", 4), ("Quill", "NNP", "obl", 1), (",", ",", "punct", 8),
                       ("which", "WDT", "obl", 8), ("she", "PRP", "nsubj", 8), ("took", "VBD", "parataxis", 1),
                       ("public", "JJ", "obj", 8)]))
    assert ("took", "acl:relcl", "Quill") in _arcs(doc)
    assert ("which", "obj", "took") in _arcs(doc)


def test_a_clause_of_its_own_that_opens_with_no_relative_pronoun_stays():
    doc = repair(_doc([("Quill", "NNP", "nsubj", 1), ("grew", "VBD", "ROOT", 1), (",", ",", "punct", 4),
                       ("she", "PRP", "nsubj", 4), ("said", "VBD", "parataxis", 1)]))
    assert ("said", "parataxis", "grew") in _arcs(doc)


def test_an_indirect_object_with_public_under_it_is_the_object():
    doc = repair(_doc([("She", "PRP", "nsubj", 1), ("took", "VBD", "ROOT", 1), ("Quill", "NNP", "iobj", 1),
                       ("public", "NN", "flat", 2)]))
    assert ("Quill", "obj", "took") in _arcs(doc)


def test_a_subject_hung_on_the_copula_is_the_predicates():
    doc = repair(_doc([("Dana", "NNP", "nsubj", 2), ("will", "MD", "aux", 2), ("be", "VB", "cop", 5),
                       ("Quill", "NNP", "nmod:poss", 5), ("'s", "POS", "case", 3), ("chief", "NN", "ROOT", 5)]))
    assert ("Dana", "nsubj", "chief") in _arcs(doc)


def test_a_deals_preposition_hung_on_the_name_it_is_of_is_the_deal_nouns():
    # "the sale of Quill and Orla to Brisk" with "to Brisk" read under Quill
    doc = repair(_doc([("the", "DT", "det", 1), ("sale", "NN", "ROOT", 1), ("of", "IN", "case", 3),
                       ("Quill", "NNP", "nmod", 1), ("and", "CC", "cc", 5), ("Orla", "NNP", "conj", 3),
                       ("to", "IN", "case", 7), ("Brisk", "NNP", "nmod", 5)]))
    assert ("Brisk", "nmod", "sale") in _arcs(doc)


def test_a_names_own_phrase_of_place_stays_the_names():
    doc = repair(_doc([("the", "DT", "det", 1), ("sale", "NN", "ROOT", 1), ("of", "IN", "case", 3),
                       ("Quill", "NNP", "nmod", 1), ("in", "IN", "case", 5), ("Leeds", "NNP", "nmod", 3)]))
    assert ("Leeds", "nmod", "Quill") in _arcs(doc)


def test_a_name_after_an_opening_clauses_comma_before_a_verb_with_no_subject_is_its_subject():
    # "Before buying Quill this year, Orla had grown" with Orla read as a second object of "buying"
    doc = repair(_doc([("Before", "IN", "mark", 1), ("buying", "VBG", "advcl", 8), ("Quill", "NNP", "obj", 1),
                       ("this", "DT", "det", 4), ("year", "NN", "obl:unmarked", 1), (",", ",", "punct", 1),
                       ("Orla", "NNP", "obj", 1), ("had", "VBD", "aux", 8), ("grown", "VBN", "ROOT", 8)]))
    assert ("Orla", "nsubj", "grown") in _arcs(doc)
    assert ("Quill", "obj", "buying") in _arcs(doc)


def test_a_second_object_after_a_comma_stays_when_the_next_verb_has_its_subject():
    doc = repair(_doc([("She", "PRP", "nsubj", 1), ("bought", "VBD", "ROOT", 1), ("Quill", "NNP", "obj", 1),
                       (",", ",", "punct", 4), ("Orla", "NNP", "obj", 1), ("and", "CC", "cc", 7),
                       ("he", "PRP", "nsubj", 7), ("sold", "VBD", "conj", 1)]))
    assert ("Orla", "obj", "bought") in _arcs(doc)


def test_a_participle_set_off_by_commas_read_as_the_verb_describes_the_noun_before_it():
    # "Orla, backed by Quill, raised $5 million" with "backed" the root and "raised" a parataxis
    doc = repair(_doc([("Orla", "NNP", "nsubj:pass", 2), (",", ",", "punct", 0), ("backed", "VBN", "ROOT", 2),
                       ("by", "IN", "case", 4), ("Quill", "NNP", "obl:agent", 2), (",", ",", "punct", 6),
                       ("raised", "VBN", "parataxis", 2), ("$5", "$", "obj", 6)]))
    assert ("raised", "ROOT", "raised") in _arcs(doc)
    assert ("Orla", "nsubj", "raised") in _arcs(doc)
    assert ("backed", "acl", "Orla") in _arcs(doc)


def test_a_passive_verb_stays_the_sentences_verb():
    doc = repair(_doc([("Orla", "NNP", "nsubj:pass", 2), ("was", "VBD", "aux:pass", 2), ("backed", "VBN", "ROOT", 2),
                       ("by", "IN", "case", 4), ("Quill", "NNP", "obl:agent", 2)]))
    assert ("backed", "ROOT", "backed") in _arcs(doc)


def test_a_deal_verb_read_as_a_plural_noun_in_a_verbless_sentence_is_the_verb():
    # "Dana steps down as chief of Quill" with "Dana steps" read as a compound noun
    doc = repair(_doc([("Dana", "NNP", "compound", 1), ("steps", "NNS", "ROOT", 1), ("down", "RP", "advmod", 1),
                       ("as", "IN", "case", 4), ("chief", "NN", "nmod", 1), ("of", "IN", "case", 6),
                       ("Quill", "NNP", "nmod", 4)]))
    assert doc[1].tag_ == "VBZ"
    assert ("Dana", "nsubj", "steps") in _arcs(doc)
    assert ("chief", "obl", "steps") in _arcs(doc)


def test_a_plural_noun_in_a_sentence_with_a_verb_stays_a_noun():
    doc = repair(_doc([("Quill", "NNP", "compound", 1), ("shares", "NNS", "nsubj", 2), ("rose", "VBD", "ROOT", 2)]))
    assert doc[1].tag_ == "NNS"


def test_a_name_read_as_a_compound_of_a_verb_is_its_subject():
    doc = repair(_doc([("Dana", "NNP", "compound", 1), ("moves", "VBZ", "ROOT", 1), ("from", "IN", "case", 3),
                       ("Quill", "NNP", "obl", 1)]))
    assert ("Dana", "nsubj", "moves") in _arcs(doc)


def test_a_compound_of_a_verb_that_has_a_subject_stays():
    doc = repair(_doc([("Orla", "NNP", "nsubj", 2), ("Dana", "NNP", "compound", 2), ("moves", "VBZ", "ROOT", 2)]))
    assert ("Dana", "compound", "moves") in _arcs(doc)


def test_a_from_or_to_phrase_hung_on_a_verbs_name_is_the_verbs():
    doc = repair(_doc([("Dana", "NNP", "nsubj", 1), ("jumped", "VBD", "ROOT", 1), ("from", "IN", "case", 3),
                       ("Quill", "NNP", "obl", 1), ("to", "IN", "case", 5), ("Orla", "NNP", "nmod", 3)]))
    assert ("Orla", "obl", "jumped") in _arcs(doc)
    doc = repair(_doc([("Dana", "NNP", "nsubj:pass", 2), ("was", "VBD", "aux:pass", 2), ("hired", "VBN", "ROOT", 2),
                       ("by", "IN", "case", 4), ("Quill", "NNP", "obl:agent", 2), ("from", "IN", "case", 6),
                       ("Orla", "NNP", "nmod", 4)]))
    assert ("Orla", "obl", "hired") in _arcs(doc)


def test_a_name_of_a_name_stays():
    doc = repair(_doc([("Dana", "NNP", "nsubj", 1), ("joined", "VBD", "ROOT", 1), ("Quill", "NNP", "obj", 1),
                       ("of", "IN", "case", 4), ("Boston", "NNP", "nmod", 2)]))
    assert ("Boston", "nmod", "Quill") in _arcs(doc)


def test_an_object_led_by_a_preposition_is_an_oblique():
    doc = repair(_doc([("Orla", "NNP", "nsubj", 1), ("raised", "VBD", "ROOT", 1), ("its", "PRP$", "nmod:poss", 3),
                       ("stake", "NN", "obj", 1), ("in", "IN", "case", 5), ("Quill", "NNP", "nmod", 3),
                       ("to", "IN", "case", 7), ("85", "CD", "nummod", 8), ("%", "NN", "obj", 1)]))
    assert ("%", "obl", "raised") in _arcs(doc)
    assert ("stake", "obj", "raised") in _arcs(doc)


def test_a_clause_said_after_a_time_is_what_was_said():
    doc = repair(_doc([("Orla", "NNP", "nsubj", 1), ("said", "VBD", "ROOT", 1), ("on", "IN", "case", 3),
                       ("Monday", "NNP", "obl", 1), ("that", "WDT", "mark", 7), ("Dana", "NNP", "nsubj", 7),
                       ("will", "MD", "aux", 7), ("become", "VB", "acl:relcl", 3), ("chief", "NN", "xcomp", 7)]))
    assert ("become", "ccomp", "said") in _arcs(doc)


def test_a_name_read_as_a_compound_of_a_base_form_verb_is_its_subject():
    doc = repair(_doc([("Dana", "NNP", "compound", 1), ("quit", "VB", "ROOT", 1), ("Orla", "NNP", "obj", 1)]))
    assert ("Dana", "nsubj", "quit") in _arcs(doc)
