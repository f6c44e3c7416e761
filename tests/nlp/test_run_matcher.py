"""kg.nlp.run_matcher: the same matches as one spaCy Matcher, searching only runs that can match."""
from __future__ import annotations

import numpy as np
import pytest
import spacy
from spacy.matcher import Matcher

from kg.nlp.entities.patterns import rule_patterns
from kg.nlp.run_matcher import RunMatcher, _searched

TEXT = ("The Personal Data Protection Act and the Chips and Science Act passed. Officials said the "
        "Ministry of Commerce (MOFCOM) and the National Cyber Security Agency (NCSA) met on the "
        "Smith v. Jones case. The Executive Order 14110 and Bill No. 4421-7 and 15 C.F.R. § 744.11 "
        "apply, as do Measures on the Security of Data. H100 chips and 5G networks")


def _plain_patterns():
    return {rule: [p for p in pats if not any("POS" in t or "ENT_TYPE" in t for t in p)]
            for rule, pats in rule_patterns().items()}


def test_same_matches_as_one_matcher():
    nlp = spacy.blank("en")
    old, new = Matcher(nlp.vocab), RunMatcher(nlp.vocab)
    for rule, pats in _plain_patterns().items():
        if pats:
            old.add(rule, pats, greedy="LONGEST")
            new.add(rule, pats, greedy="LONGEST")
    doc = nlp(TEXT)
    a, b = sorted(old(doc)), sorted(new(doc))
    assert a == b
    labels = {nlp.vocab.strings[m] for m, _, _ in b}
    assert {"rule:legislation", "rule:legal-case", "rule:gov-name-acronym", "rule:technology"} <= labels
    assert sorted(new(doc)) == b  # the second call reads the per-word cache


def test_token_level_spec_and_anchor():
    nlp = spacy.blank("en")
    pattern = [{"ENT_TYPE": {"IN": ["GPE"]}, "OP": "+"}, {"LOWER": "ministry"}]
    old, new = Matcher(nlp.vocab), RunMatcher(nlp.vocab)
    old.add("k", [pattern], greedy="LONGEST")
    new.add("k", [pattern], greedy="LONGEST")
    doc = nlp("the China ministry said and the ministry of China")
    doc.ents = [spacy.tokens.Span(doc, 1, 2, label="GPE"), spacy.tokens.Span(doc, 8, 9, label="GPE")]
    assert sorted(new(doc)) == sorted(old(doc)) == [(nlp.vocab.strings["k"], 1, 3)]


def test_searched_runs():
    mask = np.array([0, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], dtype=bool)
    anchors = np.array([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], dtype=bool)
    # the run 4-7 holds no anchor; 1-3 and 17-19 are more than JOIN_GAP apart
    assert _searched(mask, anchors) == [(1, 3), (17, 19)]
    assert _searched(mask, mask) == [(1, 7), (17, 19)]
    assert _searched(np.zeros(3, dtype=bool), np.zeros(3, dtype=bool)) == []


def test_refuses_what_it_cannot_read():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError):
        RunMatcher(nlp.vocab).add("k", [[{"LOWER": "a", "OP": "!"}]])
    with pytest.raises(ValueError):
        RunMatcher(nlp.vocab).add("k", [[{"LENGTH": 3}]])
