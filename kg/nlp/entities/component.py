"""The ``kg_entities`` component: ranks the candidates of every source, keeps the best per token
range, and resolves them into entities (:func:`kg.link.clusters.resolve`).

Decides precedence: gazetteer and name rules over NER, longer over shorter, the gazetteer at equal
length; names inside a legal case name; "A, known as B" / "A (B)" as one entity.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.link.clusters import Mention, clean, resolve
from kg.models import Entity, Evidence
from kg.nlp.attrs import MENTIONS, doc_text, register_extensions, span_text
from kg.nlp.entities.bodies import (
    described_is_named,
    elided_list,
    home_bodies,
    possessive_aliases,
    short_name_list,
    unit_of_known_body,
)
from kg.nlp.entities.groups import group_candidates
from kg.nlp.entities.listed import listed_orgs
from kg.nlp.entities.ner import (
    country_named_org,
    material_named_org,
    ner_candidates,
    person_context,
    persons_named_as_orgs,
    prefixed_known_org,
    retype_by_context,
    retype_short_forms,
)
from kg.nlp.entities.patterns import rule_patterns
from kg.nlp.entities.platforms import platform_types
from kg.nlp.entities.sources import (
    appositive_companies,
    gazetteer_candidates,
    prefix_countries,
    rule_candidates,
    token_candidates,
)
from kg.nlp.entities.products import maker_named_product, product_candidates
from kg.nlp.entities.regions import region_candidates
from kg.nlp.entities.words import (
    BLOC_CUES,
    BUSINESS_UNIT_WORDS,
    COMPANY_SUFFIX,
    CONF,
    GOV_CUES,
    PERSON_TITLES,
    RESEARCH_CUES,
)
from kg.nlp.gazetteer_registry import get_gazetteer
from kg.nlp.learned_entities import merge_learned
from kg.nlp.lines import in_ranges, name_line_ranges
from kg.nlp.run_matcher import RunMatcher

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

register_extensions()

#: words after a maker's name that make an organisation, a unit or a title, not a product
PRODUCT_STOP_WORDS = COMPANY_SUFFIX | GOV_CUES | RESEARCH_CUES | BLOC_CUES | PERSON_TITLES | BUSINESS_UNIT_WORDS


@Language.factory("kg_entities",
                  assigns=["doc.spans", "doc._.kg_entities"],
                  requires=["doc.ents", "token.tag", "token.dep"],
                  default_config={"gazetteer": "default"})
def make_entities(nlp: Language, name: str, gazetteer: str) -> "EntityComponent":
    return EntityComponent(nlp, gazetteer)


class CachedGazetteer:
    """The gazetteer with its surface look-ups (pure functions of the string) memoised: capitalised
    words and names recur within and across dispatches, and each look-up normalises the string anew."""

    def __init__(self, gaz: GazetteerLike):
        self.lookup = functools.lru_cache(maxsize=50_000)(gaz.lookup)
        self.demonym = functools.lru_cache(maxsize=50_000)(gaz.demonym)
        self.capital = functools.lru_cache(maxsize=50_000)(gaz.capital)
        # key and canonical-name look-ups are plain dict reads already
        self.by_key, self.by_name = gaz.by_key, gaz.by_name
        self.ruler_patterns, self.relations = gaz.ruler_patterns, gaz.relations


class EntityComponent:
    def __init__(self, nlp: Language, gazetteer: str = "default"):
        self.gazetteer_name = gazetteer
        self.gaz = CachedGazetteer(get_gazetteer(gazetteer))
        # patterns that test POS run only on tagged docs (a blank pipeline has no tags); each rule's
        # patterns only where they can match (kg/nlp/run_matcher.py: the same matches as one Matcher)
        self.matcher = RunMatcher(nlp.vocab)
        self.pos_matcher = self.matcher.sibling()
        for rule, pats in rule_patterns().items():
            plain = [p for p in pats if not any("POS" in t for t in p)]
            tagged = [p for p in pats if any("POS" in t for t in p)]
            if plain:
                self.matcher.add(rule, plain, greedy="LONGEST")
            if tagged:
                self.pos_matcher.add(rule, tagged, greedy="LONGEST")

    # ------------------------------------------------------------------ assembly
    def __call__(self, doc: Doc) -> Doc:
        # an author's name alone under the headline is a byline too (the NER is needed to see it)
        doc._.kg_skip = skip = (doc._.kg_skip or []) + name_line_ranges(doc)
        titled = titled_sentences(doc)
        ranked = [(3, c) for c in gazetteer_candidates(self.gaz, doc)]
        ranked += [(3 if c[2].type in ("Legislation", "LegalCase", "GovernmentBody") or c[2].key else 2, c)
                   for c in rule_candidates(self.gaz, (self.matcher, self.pos_matcher), doc, titled)]
        ranked += [(2, c) for c in elided_list(self.gaz, doc)]
        ranked += [(2, c) for c in short_name_list(self.gaz, doc)]
        # a coordinated group outranks the gazetteer group inside it ("Chinese students and scholars")
        ranked += [(3 if c[2].rule == "rule:group-coordinated" else 2, c) for c in group_candidates(self.gaz, doc)]
        ranked += [(2, c) for c in token_candidates(self.gaz, doc)]
        ranked += [(2, c) for c in region_candidates(self.gaz, doc)]
        ranked += [(3, c) for c in listed_orgs(doc)]  # a whole bulleted line: longer than any match inside
        products = product_candidates(doc)
        ranked += [(3, (s, e, m)) for s, e, m, _ in products]
        ner = ner_candidates(self.gaz, doc)
        # headlines in title case fool the NER ("Citing Data Security"): there, keep only names
        # the body repeats or the gazetteer resolved
        body_names = {c[2].surface.lower() for c in ner if doc[c[0]].sent.start not in titled}
        # a person's name beside a person's title ("Press Secretary Karine Jean-Pierre told", "X, Minister for
        # ...") is a name there too, unless the headline goes on in capitals ("Governor Signs Comprehensive AI Law")
        ner = [c for c in ner if doc[c[0]].sent.start not in titled or c[2].key
               or c[2].surface.lower() in body_names or titled_person(doc, c)]
        made = {id(cand[2]) for cand in ner if maker_named_product(self.gaz, doc, cand, PRODUCT_STOP_WORDS)}
        for cand in ner:
            if id(cand[2]) in made:
                cand[2].type = "Technology"  # "Microsoft Teams": the product outranks the maker inside its name
        ranked += [(3 if country_named_org(self.gaz, doc, c) or titled_founder(doc, c) or id(c[2]) in made or
                    unit_of_known_body(self.gaz, doc, c) or material_named_org(self.gaz, doc, c) or
                    prefixed_known_org(self.gaz, doc, c) else 1, c)
                   for c in ner]
        ranked = merge_learned(self.gaz, doc, ranked)  # the learned recogniser's spans, below every rule
        ranked = [(p, c) for p, c in ranked if not in_ranges(c[2].start, c[2].end, skip)]
        # gazetteer and name rules win over NER; longer wins among equals ("European Chips Act" over
        # "European"); at equal length the gazetteer wins
        ranked.sort(key=lambda x: (-x[0], -(x[1][1] - x[1][0]), x[1][2].rule != "gazetteer", x[1][0]))
        taken: list[tuple[int, int, Mention]] = []
        occupied: set[int] = set()
        for _, (s, e, m) in ranked:
            if any(i in occupied for i in range(s, e)):
                if m.type == "Group" and m.rule == "rule:group" and country_modifies(taken, s, e):
                    taken.append((s, e, m))  # "US investors": the country and the group it qualifies
                    occupied.update(range(s, e))
                    continue
                if m.type == "Group" and m.rule == "rule:group":  # keep "top AI researchers" as an alias
                    for s2, e2, m2 in taken:
                        if m2.type == "Group" and e2 == e and s <= s2:
                            m2.aliases = tuple(sorted(set(m2.aliases) | set(m.aliases) | {clean(m.surface)}))
                continue
            taken.append((s, e, m))
            occupied.update(range(s, e))
        # names inside a legal case name are mentions too ("Meng Wanzhou case" -> Meng Wanzhou)
        for s, e, m in list(taken):
            if m.type == "LegalCase":
                inner = [(p, c) for p, c in ranked if s <= c[0] and c[1] <= e and c[2] is not m
                         and c[2].type != "LegalCase"]
                if inner:
                    inner.sort(key=lambda x: (-x[0], -(x[1][1] - x[1][0])))
                    taken.append(inner[0][1])
                else:
                    name_sp = doc[s:e - 1] if doc[e - 1].lower_ == "case" else None
                    if name_sp is not None and len(name_sp) >= 2 and all(t.pos_ == "PROPN" for t in name_sp):
                        taken.append((name_sp.start, name_sp.end,
                                      Mention(name_sp.text, name_sp.start_char, name_sp.end_char, "Person",
                                              "rule:case-person", CONF["rule:case-person"])))
        owners = {id(m): i for _, _, m, i in products}
        companies = {i for s, e, m in taken if m.type == "Company" for i in range(s, e)}
        taken = [c for c in taken if owners.get(id(c[2]), -1) in companies or id(c[2]) not in owners]
        taken += prefix_countries(self.gaz, doc, taken)
        home_bodies(self.gaz, taken)
        taken.sort(key=lambda x: (x[0], x[1]))
        occupied = {i for s, e, _ in taken for i in range(s, e)}
        taken += appositive_companies(self.gaz, doc, taken, occupied, skip)
        taken.sort(key=lambda x: (x[0], x[1]))
        retype_by_context(doc, taken)
        retype_short_forms(doc, taken)
        known_as(doc, taken)
        short_forms_follow(doc, taken)
        persons_named_as_orgs(doc, taken)
        possessive_aliases(doc, taken, self.gaz)
        described_is_named(self.gaz, doc, taken)
        platform_types(self.gaz, doc, taken)
        mentions = [m for _, _, m in taken]
        clusters = resolve(mentions, doc_text(doc), self.gaz)
        entities: dict[str, Entity] = dict(doc._.kg_entities or {})
        spans: list[Span] = []
        did = doc._.kg_dispatch_id
        for c in clusters:
            evid = []
            for m in c.mentions:
                sp = doc.char_span(m.start, m.end, alignment_mode="expand")
                if sp is None:
                    continue
                sent = sp.sent
                evid.append(Evidence(dispatch_id=did, sentence=span_text(sent).strip(), start=sent.start_char,
                                     end=sent.end_char, rule=m.rule, confidence=m.confidence))
                span = Span(doc, sp.start, sp.end, label=c.type)
                span.id_ = c.key
                spans.append(span)
            ent = Entity(key=c.key, type=c.type, name=c.name, aliases=c.aliases, wikidata=c.wikidata,
                         mentions=tuple(uniq(evid)))
            if c.key in entities:
                from kg.link.merge import merge_entities

                ent = merge_entities(entities[c.key], ent)
            entities[c.key] = ent
        doc.spans[MENTIONS] = sorted(spans, key=lambda s: (s.start, s.end))
        doc._.kg_entities = entities
        return doc


KNOWN_AS = re.compile(r"^\s*,?\s*(?:\(\s*|(?:\w+ly\s+)?(?:known|referred to|called|dubbed|nicknamed)"
                       r"(?:\s+\w+ly)?\s+as\s+)(?:the\s+)?$", re.I)


def known_as(doc: Doc, taken: list) -> None:
    """"A, known as B" / "A (B)": B is another name of A (same entity). A short form the statistical NER
    typed by default takes the type of the name it stands for ("National ... Agency (NUKIB)"), here and
    wherever else the text uses it."""
    for (s1, e1, a), (s2, e2, b) in zip(taken, taken[1:]):
        if e1 > s2 or (a.key and b.key) or not KNOWN_AS.match(doc_text(doc)[a.end:b.start]):
            continue
        if a.type != b.type:
            if not (b.rule.startswith("ner:") and not b.key and not a.rule.startswith("ner:") and e2 - s2 == 1):
                continue
            a.aliases = tuple(sorted(set(a.aliases) | {clean(b.surface)}))
        # Token.sent walks the document: ask only for candidates, or long texts take quadratic time
        if doc[s1].sent.start == doc[s2].sent.start:
            if a.key:
                b.key, b.name, b.wikidata = a.key, a.name, a.wikidata
            elif b.key:
                a.key, a.name, a.wikidata = b.key, b.name, b.wikidata
            else:
                b.name = a.name = a.name or clean(a.surface)


_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&-]{1,11})\s*\)")


def short_forms_follow(doc: Doc, taken: list) -> None:
    """A short form a rule recorded as another name of a body ("... Agency (NUKIB)"), or that stands in
    capitals in brackets right after a rule's name ("Protection of Personal Information Act (POPIA)"), is
    that body or law at every mention the statistical NER typed on its own."""
    forms: dict[str, Mention] = {}
    text = doc_text(doc)
    for _, _, m in taken:
        if not m.rule.startswith("ner:") and m.type in ("GovernmentBody", "Legislation", "ResearchOrganization"):
            short = _ACRONYM_AFTER.match(text, m.end)
            if short is not None:
                forms.setdefault(short.group(1), m)
            for a in m.aliases:
                forms.setdefault(a, m)
    if not forms:
        return
    for _, _, m in taken:
        owner = forms.get(clean(m.surface))
        if owner is not None and m.rule.startswith("ner:") and not m.key and m.type != owner.type:
            m.type, m.name = owner.type, owner.name or clean(owner.surface)


def titled_founder(doc: Doc, cand) -> bool:
    """"Eugene Kaspersky, CEO of Kaspersky Lab", "Michael Dell, chief executive of Dell": a person named like
    a company, with a person's title beside the name, is the person (the name beats the company's inside it)."""
    s, e, m = cand
    return m.rule == "ner:PERSON" and 2 <= e - s <= 3 and all(t.is_title and t.is_alpha for t in doc[s:e]) and \
        person_context(doc[s:e], doc)


def titled_person(doc: Doc, cand) -> bool:
    """A person's name beside a person's title, followed by no capitalised word."""
    s, e, m = cand
    nxt = doc[e] if e < len(doc) else None
    return m.type == "Person" and person_context(doc[s:e], doc) and \
        (nxt is None or not (nxt.is_alpha and nxt.text[:1].isupper()))


def uniq(seq):
    seen = {}
    for x in seq:
        seen.setdefault(x, None)
    return list(seen)


def titled_sentences(doc: Doc) -> set[int]:
    """Sentence starts of headline-like lines (most words capitalised): no capitalisation rules there."""
    out: set[int] = set()
    if not doc.has_annotation("SENT_START"):
        return out
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        last = [t for t in sent if not t.is_space][-1:]
        if last and last[0].text in (".", "!", "?", '"', "”", ":"):
            continue  # a headline rarely ends like a sentence
        if len(words) >= 3 and sum(t.text[0].isupper() for t in words) / len(words) > 0.7:
            out.add(sent.start)
    return out


def country_modifies(taken: list[tuple[int, int, Mention]], s: int, e: int) -> bool:
    """Every mention taken inside tokens s..e is a country among the group's modifiers ("US" of "US investors")."""
    inside = [(s2, e2, m2) for s2, e2, m2 in taken if s2 < e and s < e2]
    return bool(inside) and all(m2.type == "Country" and s <= s2 and e2 < e for s2, e2, m2 in inside)
