"""kg_events: rule 'money-kind' — a sum that measures goods or a price is no money given (parse built by hand)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.nlp.events.constructions import price_sum


def _doc(words, heads, deps):
    nlp = spacy.blank("en")
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=[w.lower() for w in words])


def test_money_kind_apposed_worth_of_goods_is_a_price():
    # "approved billions of dollars' worth of chip exports", with "worth" apposed to "dollars" (a parse the
    # statistical model gives on long sentences)
    words = ["Norway", "approved", "billions", "dollars", "worth", "of", "chip", "exports"]
    heads = [1, 1, 3, 1, 3, 4, 7, 5]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "appos", "prep", "compound", "pobj"]
    doc = _doc(words, heads, deps)
    assert price_sum(doc[3])


def test_money_kind_money_for_research_is_no_price():
    words = ["Norway", "pledged", "billions", "dollars", "for", "chip", "research"]
    heads = [1, 1, 3, 1, 1, 6, 4]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "prep", "compound", "pobj"]
    doc = _doc(words, heads, deps)
    assert not price_sum(doc[3])
