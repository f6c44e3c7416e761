"""kg.nlp.start_matcher: the same matches as one spaCy Matcher holding every pattern."""
from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher

from kg.nlp.lexicon import measures as M
from kg.nlp.start_matcher import StartMatcher

PATTERNS = [
    ("ban", [{"LOWER": {"IN": ["ban", "bans"]}}]),
    ("export-ban", [{"LOWER": "export", "OP": "?"}, {"LOWER": {"IN": ["ban", "bans"]}}, {"LOWER": "on", "OP": "?"}]),
    ("export-controls", [{"LOWER": {"IN": ["export", "exports"]}}, {"LOWER": "-", "OP": "?"}, {"LOWER": "controls"}]),
    ("ban-again", [{"LOWER": "ban"}]),  # the same tokens as "ban": the order added is kept
]

TEXT = ("The export ban on chips follows export controls and an exports-controls review; bans on apps, "
        "a ban, and export - controls. Ban export ban")


def _both():
    nlp = spacy.blank("en")
    old, new = Matcher(nlp.vocab), StartMatcher(nlp.vocab)
    for key, pattern in PATTERNS:
        old.add(key, [pattern])
        new.add(key, [pattern])
    return nlp, old, new


def _spans(spans):
    return [(s.start, s.end, s.label_) for s in spans]


def test_same_matches_as_one_matcher_on_doc_and_span():
    nlp, old, new = _both()
    doc = nlp(TEXT)
    for doclike in (doc, doc[3:20], doc[1:2], doc[len(doc) - 3:]):
        a, b = _spans(old(doclike, as_spans=True)), _spans(new(doclike, as_spans=True))
        assert sorted(a) == sorted(b)
        # matches over the same tokens come in the same order (the trigger ranking keeps the first)
        last = (len(doc) - 1, len(doc))  # the closing "ban": matched by "ban", "export-ban" and "ban-again"
        assert [x for x in a if x[:2] == last] == [x for x in b if x[:2] == last]
    got = _spans(new(doc))
    n = len(doc)
    assert got.index((n - 1, n, "ban")) < got.index((n - 1, n, "ban-again"))
    assert (1, 3, "export-ban") in got and (1, 4, "export-ban") in got  # "export ban" and "export ban on"


def test_trigger_lexicon_same_matches():
    nlp = spacy.blank("en")
    old, new = Matcher(nlp.vocab), StartMatcher(nlp.vocab)
    for rule, _measure, phrase in M.TRIGGERS:
        old.add(rule, [M.compile_phrase(phrase)])
        new.add(rule, [M.compile_phrase(phrase)])
    doc = nlp("Washington imposed export controls and sanctions, banned the app and curbs on investment; "
              "Beijing restricted exports of gallium and launched an investigation into the chip maker.")
    assert sorted(_spans(old(doc, as_spans=True))) == sorted(_spans(new(doc)))
    assert _spans(new(doc))


def test_refuses_other_specs():
    nlp = spacy.blank("en")
    m = StartMatcher(nlp.vocab)
    with pytest.raises(ValueError):
        m.add("x", [[{"TEXT": "Ban"}]])
    with pytest.raises(ValueError):
        m.add("x", [[{"LOWER": "ban", "OP": "*"}]])
    with pytest.raises(ValueError):
        m.add("x", [[{"LOWER": "ban", "OP": "?"}]])  # no required word: could start anywhere
