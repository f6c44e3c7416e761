"""``rel:maker-verb`` (0.85): a company that makes, builds or designs a technology, read off the
dependency parse (GUIDE.md, Relations: produces).

The technology is the direct object of a maker verb (``maker_verbs`` in ``rules/relations.yaml``),
or an item of a list that is; the company is that verb's subject, found

* directly: "ASML makes lithography machines";
* through a relative clause on the company: "Nvidia, which designs the H100 chips";
* by climbing at most four heads from a verb with no subject of its own to the nearest clause that
  has one: "Micron is an American company known for producing flash memory and USB drives".

A passive or another subject ("Washington banned chips made by X") is not this rule's
(``rel:made-by`` reads "<Technology> made by <Company>").

``rel:lead-verb`` (0.85): a person who heads the organisation or state that a lead verb (``lead_verbs``)
governs: "X, who heads the Commerce Department", "X runs Nvidia", "the Commerce Department, led by X"
-> leads (``rel:lead-verb-kind``: "X, who heads the agency", "the ministry, led by X" -> the document's
one body whose name holds the kind word); ``rel:work-verb``: "X, who works at Nvidia", "X serves on the
Commission" -> worksFor.

``rel:copula-origin`` (0.85): "Zhipu is a Chinese AI company" (an organisation that is the subject of
"be" with an origin-cue noun that the country or demonym modifies) -> headquarteredIn.
``rel:join-verb`` (0.85): "Finland joined NATO" (a country subject of "join" in a past or present
tense, not a wish or a plan: "applied to join", "will join") -> memberOf.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.nlp.relations_titles import GENERIC_KINDS, LEAD_VERBS, MAKER_VERBS, ORIGIN_CUES, WORK_VERBS

ORGS = {"Company", "ResearchOrganization", "GovernmentBody", "Bloc", "Country"}


def _subject(verb: Token, at: dict[int, Span]) -> Span | None:
    """The mention that is the subject of ``verb``'s clause, or None."""
    v = verb
    for _ in range(5):
        subj = [c for c in v.children if c.dep_ == "nsubj"]
        if v.dep_ == "relcl" and (not subj or subj[0].tag_ in ("WDT", "WP")):
            return at.get(v.head.i)  # "Nvidia, which designs ...": the company the clause is on
        if subj:
            return at.get(subj[0].i)
        if v.dep_ in ("ROOT", "ccomp", "nsubj", "nsubjpass", "dobj", "pobj") and v is not verb and v.pos_ == "VERB":
            return None
        if v.head is v:
            return None
        v = v.head
    return None


def maker_verbs(doc: Doc, sps: list[Span], at: dict[int, Span]):
    """(rule, company, "produces", technology) for the sentence whose mentions are ``sps``."""
    for tech in sps:
        if tech.label_ != "Technology":
            continue
        h = tech.root
        while h.dep_ == "conj" and h.head is not h:
            h = h.head  # an item of a list of objects
        own = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in h.children)
        if own:  # "Raytheon sells its Pratt & Whitney engines": the subject's own technology
            maker = _subject(h, at)
        elif h.dep_ == "dobj" and h.head.lemma_ in MAKER_VERBS and h.head.pos_ == "VERB":
            maker = _subject(h.head, at)
        else:
            continue
        if maker is not None and maker.label_ == "Company":
            yield ("rel:maker-its" if own else "rel:maker-verb"), maker.id_, "produces", tech.id_


def _whole(tok: Token, at: dict[int, Span], labels: set[str]) -> Span | None:
    """The mention whose head word is ``tok`` when its label is one of ``labels``."""
    m = at.get(tok.i)
    return m if m is not None and m.label_ in labels and m.root.i == tok.i else None


def leader_verbs(doc: Doc, sps: list[Span], at: dict[int, Span]):
    """(rule, person, "leads" | "worksFor", organisation) from lead and work verbs of the sentence."""
    for org in sps:
        if org.label_ not in ORGS:
            continue
        r = org.root
        v = r.head
        if r.dep_ == "dobj" and v.lemma_ in LEAD_VERBS and v.pos_ == "VERB":
            person = _subject(v, at)  # "X, who heads the Commerce Department"
            if person is not None and person.label_ == "Person":
                yield "rel:lead-verb", person.id_, "leads", org.id_
        elif r.dep_ == "pobj" and v.lower_ in ("at", "for", "on", "in") and v.head.lemma_ in WORK_VERBS:
            person = _subject(v.head, at)  # "X, who works at Nvidia"
            if person is not None and person.label_ == "Person":
                yield "rel:work-verb", person.id_, "worksFor", org.id_
        for v in r.children:  # "the Commerce Department, led by X"
            if v.dep_ == "acl" and v.lemma_ in LEAD_VERBS and v.tag_ == "VBN":
                for by in (c for c in v.children if c.dep_ == "agent"):
                    for p in (c for c in by.children if c.dep_ == "pobj"):
                        person = _whole(p, at, {"Person"})
                        if person is not None:
                            yield "rel:lead-verb", person.id_, "leads", org.id_


def _led_by(tok: Token, at: dict[int, Span]) -> Span | None:
    """The person a lead verb makes the head of ``tok``: "X, who heads <tok>", "<tok>, led by X"."""
    v = tok.head
    if tok.dep_ == "dobj" and v.lemma_ in LEAD_VERBS and v.pos_ == "VERB":
        person = _subject(v, at)
        return person if person is not None and person.label_ == "Person" else None
    for v in tok.children:
        if v.dep_ == "acl" and v.lemma_ in LEAD_VERBS and v.tag_ == "VBN":
            for by in (c for c in v.children if c.dep_ == "agent"):
                for p in (c for c in by.children if c.dep_ == "pobj"):
                    person = _whole(p, at, {"Person"})
                    if person is not None:
                        return person
    return None


def bare_kind_leaders(doc: Doc, spans: list[Span], ents: dict):
    """``rel:lead-verb-kind`` (rule, person, "leads", body, person span): "X, who heads the agency", "the
    ministry, led by Minister X" -> the document's one government body whose name holds that kind word."""
    at = {i: sp for sp in spans for i in range(sp.start, sp.end)}
    names = {sp.id_: ents[sp.id_].name.lower().split() for sp in spans
             if sp.label_ == "GovernmentBody" and sp.id_ in ents}
    for tok in doc:
        if tok.lower_ not in GENERIC_KINDS or tok.i in at or \
                not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        person = _led_by(tok, at)
        bodies = {k for k, words in names.items() if tok.lower_ in words}
        if person is not None and len(bodies) == 1:
            yield "rel:lead-verb-kind", person.id_, "leads", next(iter(bodies)), person


def copula_and_join(doc: Doc, sps: list[Span], at: dict[int, Span]):
    """(rule, subject, "headquarteredIn" | "memberOf", object) from "X is a Chinese company" and
    "Finland joined NATO"."""
    for sp in sps:
        r, v = sp.root, sp.root.head
        if r.dep_ != "nsubj" or v.pos_ not in ("AUX", "VERB"):
            continue
        if sp.label_ in ("Company", "ResearchOrganization") and v.lemma_ == "be" and \
                not any(c.dep_ == "neg" for c in v.children):  # "X is not a Chinese company"
            for cue in (c for c in v.children if c.dep_ == "attr" and c.lower_ in ORIGIN_CUES):
                for c in sps:
                    if c.label_ == "Country" and v.i < c.start and c.end <= cue.i and \
                            cue.i in (c.root.head.i, c.root.head.head.i):
                        yield "rel:copula-origin", sp.id_, "headquarteredIn", c.id_
        if sp.label_ == "Country" and v.lemma_ == "join" and v.tag_ in ("VBD", "VBN", "VBZ") and \
                v.dep_ not in ("xcomp", "ccomp", "advcl") and \
                not any(c.dep_ in ("aux", "neg") and c.lower_ not in ("has", "have", "had") for c in v.children):
            for o in (c for c in v.children if c.dep_ == "dobj"):
                bloc = _whole(o, at, {"Bloc"})
                if bloc is not None:
                    yield "rel:join-verb", sp.id_, "memberOf", bloc.id_


def verb_relations(doc: Doc, sps: list[Span]):
    """The relations of this module for one sentence's mentions."""
    at = {i: sp for sp in sps for i in range(sp.start, sp.end)}  # token -> mention, built once per sentence
    yield from maker_verbs(doc, sps, at)
    yield from leader_verbs(doc, sps, at)
    yield from copula_and_join(doc, sps, at)
