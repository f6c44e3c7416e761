"""``kg_relations``: relations between the entities of one document.

Text patterns (evidence source "text"), over ``doc.spans["kg_mentions"]``:

====================  ==========  ===============================================================
rule                  confidence  example
====================  ==========  ===============================================================
rel:origin-cue        0.85        "Chinese startup DeepSeek", "Dutch chipmaker ASML" -> headquarteredIn
rel:based             0.85        "Dutch-based ASML", "ASML, based in the Netherlands"
rel:title-org         0.85        "Huawei CFO Meng Wanzhou" -> worksFor; "OpenAI CEO Sam Altman" -> leads
rel:title-of          0.85        "CEO Sam Altman of OpenAI", "Sam Altman, chief executive of OpenAI"
rel:head-of-state     0.85        "Chinese President Xi Jinping" -> leads China
rel:title-of-org      0.85        "The director of NUKIB, Duvan Navratil," -> leads; an official's title -> worksFor
rel:possessive-person 0.85        "the information ministry's Nick Mangwana" -> worksFor
rel:member-list       0.85        "members of the UN Security Council – Britain, China" -> memberOf (relations_members)
rel:official          0.8         "Dutch Foreign Trade Minister Liesje Schreinemacher" -> worksFor
rel:subsidiary        0.85        "HiSilicon, a subsidiary of Huawei", "Huawei's subsidiary HiSilicon"
rel:parent            0.85        "Y, part of X", "Y's parent X", "X ... its unit Y" (relations_parents)
rel:possessive-tech   0.8         "Nvidia's H20 chips", "X's A and B" (each item) -> produces
rel:possessive-body   0.85        "China's Ministry of Commerce" -> partOf
rel:name-prefix       0.85        "the U.S. Commerce Department", "the Dutch trade ministry" -> partOf
rel:made-by           0.85        "H20 chips made by Nvidia" -> produces
rel:maker-verb        0.85        "ASML makes lithography machines", "X, who heads Y" (relations_verbs)
rel:appositive        0.85        "Nexperia, a Dutch-headquartered chipmaker owned by Wingtech"
rel:head-of-state-gazetteer 0.75  "President Yoon Suk Yeol" -> leads the gazetteer's country (not the dominant one)
rel:body-gazetteer-parent 0.7     every government body -> partOf its gazetteer parent (see
rel:body-name-country 0.8         :mod:`kg.nlp.relations_home`); bodies the gazetteer lacks -> the state
rel:body-home-country 0.6         their name contains, else the document's dominant country;
rel:body-bloc-generic 0.6         a generic name ("the Commission") -> the document's one bloc
====================  ==========  ===============================================================

Title phrases ("Commerce Secretary X" leads, "Deputy Secretary X" worksFor) are
:mod:`kg.nlp.relations_titles`; afterwards a head that leads a body is not also worksFor it (GUIDE.md).

Gazetteer relations (evidence source "gazetteer", rule "gazetteer:<predicate>", confidence 0.7)
need both entities in one sentence; ``memberOf`` also a membership cue in it ("member", "member
state"); ``produces`` a word of ownership or making between the two ("Facebook owner Meta": ``OWNERSHIP_CUES``).
Relations read off names ("Bank of China" -> China, "Google Analytics" <- Google) are
:mod:`kg.nlp.relations_names`; a bare "Parliament" of the dominant country is
:mod:`kg.nlp.relations_home`.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.models import Evidence, Relation
from kg.nlp.attrs import MENTIONS, register_extensions, span_text, token_sents
from kg.nlp.gazetteer_registry import get_gazetteer
from kg.nlp.relations_cues import (LEAD_TITLES, STATE_TITLES, WORK_TITLES, after_short_form, described_owner,
                                   origin_phrase, owns, prev_tokens, product_list, title_between, title_of_before,
                                   titled)
from kg.nlp.relations_chambers import chamber_members
from kg.nlp.relations_conventions import redundant_state_employers
from kg.nlp.relations_employees import government_heads, possessive_titles
from kg.nlp.relations_execs import company_execs
from kg.nlp.relations_home import CONF_HOME, document_part_of, parliament_home
from kg.nlp.relations_makers import maker_relations
from kg.nlp.relations_origin import BASED, list_gap, origin_relations, place_homes
from kg.nlp.relations_members import member_lists, membership_near
from kg.nlp.relations_names import CONF_NAME, described_orgs, name_relations, state_owned
from kg.nlp.relations_parents import CHILD_WORDS, parent_relations
from kg.nlp.relations_verbs import bare_kind_leaders, verb_relations
from kg.nlp.relations_titles import COMPANY_HEADS, ORIGIN_CUES, SUBORDINATE, TOPIC_WORDS, TitleRules

register_extensions()

ORG_TYPES = {"Company", "ResearchOrganization", "GovernmentBody", "Bloc"}
#: titles of state offices, which no company gives
STATE_OFFICE_TITLES = {"minister", "senator", "lawmaker", "ambassador", "envoy", "congressman", "congresswoman"}
CONF_TEXT = 0.85
CONF_GAZ = 0.7


@Language.factory("kg_relations", assigns=["doc._.kg_relations"],
                  requires=["doc.spans", "doc._.kg_entities"], default_config={"gazetteer": "default"})
def make_relations(nlp: Language, name: str, gazetteer: str) -> "RelationComponent":
    return RelationComponent(gazetteer)


class RelationComponent:
    def __init__(self, gazetteer: str = "default"):
        self.gaz = get_gazetteer(gazetteer)
        self.gaz_rel: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.gaz_parent: dict[str, set[str]] = defaultdict(set)
        self.gaz_leads: dict[str, list[str]] = {}
        for s, p, o in self.gaz.relations():
            self.gaz_rel[(s, o)].add(p)
            if p == "partOf":
                self.gaz_parent[s].add(o)
            if p == "leads":
                self.gaz_leads.setdefault(s, []).append(o)

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[MENTIONS]) if MENTIONS in doc.spans else []
        ts = self._ts = token_sents(doc) if spans else []  # Token.sent walks the doc: do it once
        found: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
        conf: dict[tuple[str, str, str], float] = {}
        did = doc._.kg_dispatch_id

        def add(subj: str, pred: str, obj: str, sent: Span, rule: str, c: float, source: str = "text") -> None:
            if subj == obj:
                return
            k = (subj, pred, obj)
            ev = Evidence(dispatch_id=did, sentence=span_text(sent).strip(), start=sent.start_char,
                          end=sent.end_char, rule=rule, confidence=c, source=source)
            if ev not in found[k]:
                found[k].append(ev)
            conf[k] = max(conf.get(k, 0.0), c)

        for rule, s_, p_, o_, sent, c in self._head_of_state(doc, spans):
            add(s_, p_, o_, sent, rule, c)
        by_sent: dict[int, list[Span]] = defaultdict(list)
        for sp in spans:
            by_sent[ts[sp.start].start].append(sp)
        for sent_start, sps in by_sent.items():
            sent = ts[sps[0].start]
            for rule, s, p, o in [*_text_relations(doc, sps, sent), *member_lists(doc, sps), *verb_relations(doc, sps),
                                 *parent_relations(doc, sps), *maker_relations(doc, sps, sent),
                                 *origin_relations(doc, sps), *possessive_titles(doc, sps, sent),
                                 *government_heads(self.gaz, doc, sps, self.gaz_leads)]:
                add(s, p, o, sent, rule, CONF_TEXT)
            for a, b, p in self._gazetteer_pairs(doc, sps):
                add(a, p, b, sent, f"gazetteer:{p}", CONF_GAZ, source="gazetteer")
        dominant = self._dominant(spans)
        for rule, s_, p_, o_, sent, c, src in document_part_of(self.gaz, self.gaz_parent, doc, spans, ts, dominant,
                                                               found):
            add(s_, p_, o_, sent, rule, c, source=src)
        has, ents = {(k[0], k[1]) for k in found}, doc._.kg_entities or {}
        for c, src, rows in ((CONF_NAME, "text", name_relations(self.gaz, spans, ents, has)),
                             (0.6, "text", described_orgs(self.gaz, doc, spans, ts, has)),
                             (0.6, "text", state_owned(self.gaz, doc, spans, dominant, has)),
                             (CONF_HOME, "text", parliament_home(self.gaz, spans, dominant, found)),
                             (CONF_TEXT, "text", place_homes(self.gaz, doc, spans)),
                             (0.7, "text", chamber_members(doc, spans, ents, ts)),
                             (0.7, "text", company_execs(doc, spans, ts, has)),
                             (0.7, "text", bare_kind_leaders(doc, spans, ents))):
            for rule, s_, p_, o_, sp in rows:
                add(s_, p_, o_, ts[sp.start], rule, c, source=src)
        if spans:
            titles = TitleRules(doc, spans, ts, self.gaz, ents, dominant, self.gaz_leads)
            titled = list(titles.run())
            for k in [k for k in found if k[1] in ("leads", "worksFor") and (k[0], k[2]) in titles.drop]:
                del found[k]
            for rule, s_, p_, o_, sent, c in titled:
                add(s_, p_, o_, sent, rule, c)
        for k in [k for k in found if k[1] == "worksFor" and (k[0], "leads", k[2]) in found]:
            del found[k]  # GUIDE: a head leads its body and is not also worksFor it
        for k in redundant_state_employers(found, ents):
            del found[k]  # the body, not its state, employs the official
        for k in [k for k in found if k[1] == "partOf" and k[0] in ents and _is_government(ents[k[0]].name)]:
            del found[k]  # "the UK Government" is the state itself, not a body of it
        for k in [k for k in found if k[1] == "partOf" and k[0] in ents and k[0] not in self.gaz_parent and
                  (_is_party(ents[k[0]].name) or _supranational(ents[k[0]].name) and k[2] in ents
                   and ents[k[2]].type == "Country")]:
            del found[k]  # a party or a European/international body is no body of a state (gazetteer aside)
        rels = []
        for k in sorted(found):
            text_ev = [e for e in found[k] if e.source == "text"]
            ev = text_ev or found[k]
            rels.append(Relation(subject=k[0], predicate=k[1], object=k[2], evidence=tuple(ev), confidence=conf[k]))
        doc._.kg_relations = rels
        self._ts = []
        return doc

    def _head_of_state(self, doc: Doc, spans: list[Span]):
        """"President Yoon Suk Yeol's government": a head-of-state title with no country beside it
        -> leads the country the gazetteer says (a text-supported gazetteer fact). Guessing the
        document's most-mentioned country instead was tried and was wrong on the sample dispatches."""
        starts = {sp.start: sp for sp in spans}
        ends = {sp.end: sp for sp in spans}
        for sp in spans:
            if sp.label_ != "Person":
                continue
            prev = doc[max(sp.start - 2, self._ts[sp.start].start):sp.start]
            title = " ".join(t.lower_ for t in prev)
            words = prev[-1:].text.lower() if len(prev) else ""
            if not (words in STATE_TITLES or title in STATE_TITLES):
                continue
            first = prev[-2] if title in STATE_TITLES and len(prev) == 2 else prev[-1]
            if first.i > 0 and doc[first.i - 1].lower_ in ("deputy", "vice", "former", "ex", "-", "late", "acting"):
                continue  # "Deputy Prime Minister X" does not lead the country
            if first.i in ends or first.i in starts or (first.i - 1) in ends and \
                    ends.get(first.i, None) is None and doc[first.i - 1].ent_type_ in ("GPE", "NORP"):
                continue  # "Chinese President X" is rel:head-of-state
            if any(o.label_ == "Country" and o.end == first.i for o in spans):
                continue
            if first.i - 1 >= self._ts[sp.start].start and doc[first.i - 1].is_title and \
                    doc[first.i - 1].pos_ in ("ADJ", "PROPN") and (first.i - 1) not in ends:
                continue  # "Victorian Premier X", "Bavarian Governor X": a head of a place that is no country
            known = [o for (a, o), ps in self.gaz_rel.items() if a == sp.id_ and "leads" in ps]
            if len(known) == 1:
                yield "rel:head-of-state-gazetteer", sp.id_, "leads", known[0], self._ts[sp.start], 0.75
            elif not known and first.lower_ != "leader":
                # "Indonesia will stop exports ..., President Joko Widodo said": the one country
                # named in the sentence; none named there -> the document's dominant country;
                # two or more ("The United States and Vietnam signed ... when President Joe Biden
                # visited") -> no guess.
                sent = self._ts[sp.start]
                here = {o.id_ for o in spans if o.label_ == "Country" and sent.start <= o.start < sent.end
                        and self.gaz.demonym(o.text) is None}
                country = next(iter(here)) if len(here) == 1 else (self._dominant(spans) if not here else None)
                if country is not None:
                    yield "rel:head-of-state-context", sp.id_, "leads", country, sent, 0.6


    def _dominant(self, spans: list[Span]) -> str | None:
        """The country named (not by demonym) strictly more often than any other, or None."""
        counts: dict[str, int] = defaultdict(int)
        for sp in spans:
            if sp.label_ == "Country" and self.gaz.demonym(sp.text) is None:
                counts[sp.id_] += 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None

    def _gazetteer_pairs(self, doc: Doc, sps: list[Span]):
        """Gazetteer relations between two entities of one sentence that the sentence supports.

        * memberOf: only with a membership word in the sentence;
        * partOf: only with the body's parent written next to it ("U.S. Commerce Department");
          a ministry and its country in one sentence is too weak (measured: mostly false);
        * headquarteredIn: the country named in the sentence; a demonym alone counts only when it
          modifies the organisation's name ("Chinese firms DeepSeek and Alibaba").
        """
        low = self._ts[sps[0].start].text.lower()
        for a_sp in sps:
            for b_sp in sps:
                a, b = a_sp.id_, b_sp.id_
                for p in sorted(self.gaz_rel.get((a, b), ())):
                    if p == "memberOf" and ("member" not in low or not membership_near(doc, b_sp)
                                            or self.gaz.demonym(a_sp.text) is not None):
                        continue
                    if p == "partOf" and not (0 <= a_sp.start - b_sp.end <= 1):
                        continue
                    if p == "leads" and not titled(doc, a_sp):
                        continue
                    if p == "produces" and not owns(doc, a_sp, b_sp, sps):
                        continue
                    if p == "headquarteredIn":
                        country = [s for s in sps if s.id_ == b]
                        named = [s for s in country if self.gaz.demonym(s.text) is None]
                        if not named and not any(0 <= a_sp.start - s.end <= 3 for s in country):
                            continue
                    yield a, b, p


def _two_word_staff(title: str) -> bool:
    """"senior vice president", "executive vice president of operations": the title's head (the words
    before "of") ends in a two-word staff title."""
    head = title.split(" of ")[0].split()
    return " ".join(head[-2:]) in WORK_TITLES


def _is_government(name: str) -> bool:
    """"UK Government", "the federal government": a name for the state itself (a country or demonym, at most
    "federal"/"national", then "government")."""
    words = name.lower().removeprefix("the ").split()
    return 1 <= len(words) <= 3 and words[-1] == "government"


def _is_party(name: str) -> bool:
    """"People Power Party", "Democratic Party of Korea": a political party ("Party" ends its name or
    comes before "of")."""
    words = name.lower().split()
    return words[-1:] == ["party"] or any(w == "party" and nxt == "of" for w, nxt in zip(words, words[1:]))


def _supranational(name: str) -> bool:
    """"European Court of Human Rights", "International Court of Justice": a body above the states."""
    return name.split()[:1] in (["European"], ["International"], ["World"])


def _verb_after_cue(between: Span) -> bool:
    """"US companies from supplying X": a preposition and a verb after the origin cue (X is the verb's
    object, no such company; "Chinese firms led by X" still describes X)."""
    k = next((t.i for t in between if t.lower_ in ORIGIN_CUES), None)
    return k is not None and any(t.pos_ in ("ADP", "PART") and t.nbor().pos_ == "VERB" and t.nbor().i < between.end
                                 for t in between if t.i > k)


def _text_relations(doc: Doc, sps: list[Span], sent: Span):
    sps = sorted(sps, key=lambda s: (s.start, -s.end))
    for sp in sps:  # "U.S. Commerce Department": the country is written inside the body's name
        if sp.label_ == "GovernmentBody":
            for o in sps:
                if o.label_ in ("Country", "Bloc") and sp.start <= o.start and o.end < sp.end and \
                        doc[o.end].lower_ not in TOPIC_WORDS:  # "Taiwan Affairs Office" is about Taiwan
                    yield "rel:name-prefix", sp.id_, "partOf", o.id_
    sps = [s for s in sps if not any(o is not s and o.start <= s.start and s.end <= o.end and
                                     (o.start, o.end) != (s.start, s.end) for o in sps)]
    for i, sp in enumerate(sps):
        nxt = sps[i + 1] if i + 1 < len(sps) else None
        # "<Country/demonym> <cue> <Org>" and "<Country>-based <Org>"
        if sp.label_ == "Country" and nxt is not None and nxt.label_ in ("Company", "ResearchOrganization"):
            between = doc[sp.end:nxt.start]
            bw = [t.lower_ for t in between]
            glued = doc[sp.end - 1].lower_.endswith(("-based", "-headquartered"))
            if glued and not bw:
                yield "rel:based", nxt.id_, "headquarteredIn", sp.id_
            elif (len(bw) <= 3 and bw and (bw[-1] in ORIGIN_CUES or bw[-1] in BASED or
                                         any(w in ORIGIN_CUES for w in bw) and "and" not in bw and "," not in bw
                                         and not _verb_after_cue(between))
                  or origin_phrase(between)) and "of" not in bw:
                # not "the Hong Kong arm of X" (the unit's home), "US companies from supplying X"
                yield ("rel:based" if set(bw) & BASED else "rel:origin-cue"), nxt.id_, "headquarteredIn", sp.id_
                # "Chinese companies Sinomine, Chengze Lithium and Zangge Mining": every item of the list
                # (a singular cue describes one: "Chinese front company X, Ltd, and Y, a firm of ...")
                prev = nxt
                cues = [w for w in bw if w in ORIGIN_CUES]
                for o in sps[i + 2:] if not cues or cues[-1].endswith("s") else []:
                    gap = set(list_gap(doc, prev.end, o.start))  # "Huawei Co Ltd [RIC:HWT.UL] and ..."
                    if o.label_ not in ("Company", "ResearchOrganization") or not gap or not gap <= {",", "and"}:
                        break
                    yield "rel:origin-cue-list", o.id_, "headquarteredIn", sp.id_
                    prev = o
        # "<Org>, a Dutch-headquartered chipmaker owned by <Company>, ..." (the appositive describes it)
        e = after_short_form(doc, sp, sent)  # "Magnachip Semiconductor Corporation (Magnachip), a ..."
        if sp.label_ in ("Company", "ResearchOrganization") and e + 1 < len(doc) and \
                doc[e].text == "," and doc[e + 1].lower_ in ("a", "an", "the"):
            stop = e + 1
            while stop < min(sp.end + 14, sent.end) and doc[stop].text not in (",", ";", ".", "(", ")"):
                stop += 1
            inside = [o for o in sps if e < o.start and o.end <= stop]
            for o in inside:
                after = [t.lower_ for t in doc[o.end:min(o.end + 3, stop)]]
                # the country must describe this organisation, not the next one
                # ("TikTok, the app owned by Beijing-based ByteDance")
                owner_next = any(x.label_ in ORG_TYPES and o.end < x.start <= o.end + 3 for x in inside) and \
                    not (after[:1] and after[0] in CHILD_WORDS)  # "Fastweb, the Italian unit of Swisscom"
                if o.label_ == "Country" and not owner_next and (
                        after[:1] == ["-"] and after[1:2] and after[1] in ("based", "headquartered")
                        or any(w in ORIGIN_CUES for w in after[:2])
                        or origin_phrase(doc[o.end:stop])
                        or doc[o.end - 1].lower_.endswith(("-based", "-headquartered"))):
                    yield "rel:appositive", sp.id_, "headquarteredIn", o.id_
                before = [t.lower_ for t in doc[max(o.start - 3, sp.end):o.start]]
                if o.label_ == "Company" and (before[-2:] == ["owned", "by"] or before[-2:] in
                                              (["subsidiary", "of"], ["unit", "of"], ["division", "of"])):
                    yield "rel:appositive", sp.id_, "subsidiaryOf", o.id_
        # "<Org>, based in <Country>" / "<Org>, headquartered in <Country>"
        if sp.label_ in ("Company", "ResearchOrganization") and nxt is not None and nxt.label_ == "Country":
            bw = [t.lower_ for t in doc[sp.end:nxt.start]]
            if 2 <= len(bw) <= 5 and bw[-1] == "in" and ("based" in bw or "headquartered" in bw):
                yield "rel:based", sp.id_, "headquarteredIn", nxt.id_
        # "<Org> <title> <Person>"
        if sp.label_ in ORG_TYPES | {"Country"} and nxt is not None and nxt.label_ == "Person":
            title = title_between(doc, sp, nxt)
            if title and len(title.split()) <= 4:
                if sp.label_ == "Country":
                    if title in STATE_TITLES:
                        yield "rel:head-of-state", nxt.id_, "leads", sp.id_
                    elif title.split()[-1] in {"minister", "secretary", "official", "ambassador", "envoy",
                                               "negotiator", "spokesperson", "adviser", "senator", "lawmaker",
                                               "representative", "commissioner", "governor"}:
                        yield "rel:official", nxt.id_, "worksFor", sp.id_
                elif sp.label_ == "Company" and title.split()[-1] in STATE_OFFICE_TITLES:
                    pass  # "... Lithium Chile and Ultra Lithium, Industry Minister X said": no company has ministers
                elif sp.label_ == "Company" and title == "president":
                    yield "rel:title-org", nxt.id_, "worksFor", sp.id_  # GUIDE: a company's heads are CEO, chair
                elif title in LEAD_TITLES or title.split()[-1] in {"ceo", "founder", "chairman", "chairwoman", "head"}:
                    yield "rel:title-org", nxt.id_, "leads", sp.id_
                elif title in WORK_TITLES or title.split()[-1] in WORK_TITLES or _two_word_staff(title):
                    yield "rel:title-org", nxt.id_, "worksFor", sp.id_
            elif title and sp.label_ in ORG_TYPES and len(title.split()) <= 9 and \
                    (title.split()[-1] in WORK_TITLES | {"officer"} or _two_word_staff(title)) and \
                    "chief executive" not in title and \
                    not any(t.pos_ in ("VERB", "AUX") for t in doc[sp.end:nxt.start]):
                # "Google SVP of global affairs and chief legal officer Kent Walker": a long title of an employee
                yield "rel:title-org", nxt.id_, "worksFor", sp.id_
            elif title is None and sp.label_ in ORG_TYPES and doc[sp.end].text == ",":
                yield from title_of_before(doc, sp, nxt, sent)
        # "<Person>, <title> of|at <Org>" and "<title> <Person> of <Org>"
        if sp.label_ == "Person" and nxt is not None and nxt.label_ in ORG_TYPES | {"Country"}:
            mid = [t.lower_ for t in doc[sp.end:nxt.start] if not t.is_punct]
            if len(mid) >= 3 and mid[-1] == "the":
                mid.pop()  # "X, a senior fellow at the Brookings Institution"
            nxt = described_owner(doc, nxt, sps[i + 2:i + 3]) or nxt  # "of China-based X", "at Indonesia's Y"
            before = [t.lower_ for t in prev_tokens(doc, sp, sent, 3)]
            if mid and mid[-1] in ("of", "at") and len(mid) <= 5 or \
                    mid in (["of"], ["at"]) or mid == ["of", "the"] or \
                    mid and mid[-1] in ("for", "with", "from") and 2 <= len(mid) <= 4 and mid[0] in ("a", "an", "the"):
                # ("Daisy Primayanti, a spokeswoman for Freeport Indonesia")
                title_words = " ".join(w for w in mid if w not in ("of", "at", "for", "with", "from", "the", "a",
                                                                   "an"))
                title = title_words or " ".join(before[-2:]).strip()
                lead = any(t in title for t in ("ceo", "chief executive", "founder", "chair", "president",
                                                "head", "leader", "director", "boss", "premier", "prime minister"))
                if nxt.label_ == "Company" and not any(t in title for t in COMPANY_HEADS):
                    lead = False  # "Brad Smith, president of Microsoft" works for it
                if any(w in SUBORDINATE for w in title.split()):
                    lead = False  # "X, deputy president of the office" works for it
                if nxt.label_ == "Country":
                    if any(t in title for t in STATE_TITLES):
                        yield "rel:title-of", sp.id_, "leads", nxt.id_
                elif lead:
                    yield "rel:title-of", sp.id_, "leads", nxt.id_
                elif title and any(t in title.split() or t == title for t in WORK_TITLES):
                    yield "rel:title-of", sp.id_, "worksFor", nxt.id_
        # "<Company>'s <Technology>" -> produces; "<Country>'s <GovernmentBody>" -> partOf
        if nxt is not None and nxt.start == sp.end + 1 and doc[sp.end].tag_ == "POS":
            if sp.label_ == "Company" and nxt.label_ == "Technology":
                yield "rel:possessive-tech", sp.id_, "produces", nxt.id_
                yield from product_list(doc, sps[i + 2:], nxt, sp)
            if sp.label_ in ORG_TYPES and nxt.label_ == "Person" and len(nxt) >= 2:
                yield "rel:possessive-person", nxt.id_, "worksFor", sp.id_  # "the information ministry's X"
            if sp.label_ == "Person" and nxt.label_ == "Country" and (nxt.end >= sent.end or not doc[nxt.end].is_alpha
                                                                      or doc[nxt.end].pos_ not in ("NOUN", "PROPN")):
                yield "rel:ruler-possessive", sp.id_, "leads", nxt.id_  # "Saddam Hussein's Iraq", "Putin's Russia"
            if sp.label_ in ("Country", "Bloc") and nxt.label_ == "GovernmentBody":
                yield "rel:possessive-body", nxt.id_, "partOf", sp.id_
            if sp.label_ == "Country" and nxt.label_ in ("Company", "ResearchOrganization"):
                yield "rel:possessive-company", nxt.id_, "headquarteredIn", sp.id_  # "China's Sai Microelectronics"
            if sp.label_ == "Company" and nxt.label_ == "Company" and \
                    doc[nxt.start - 1].lower_ in ("subsidiary", "unit", "arm"):
                yield "rel:subsidiary", nxt.id_, "subsidiaryOf", sp.id_
        if nxt is not None and nxt.start == sp.end and sp.label_ in ("Country", "Bloc") and \
                nxt.label_ == "GovernmentBody":
            yield "rel:possessive-body", nxt.id_, "partOf", sp.id_
        # "<Company>, a subsidiary|unit of <Company>"
        if sp.label_ == "Company" and nxt is not None and nxt.label_ == "Company":
            bw = [t.lower_ for t in doc[sp.end:nxt.start] if not t.is_punct]
            if bw and bw[-1] == "of" and any(w in ("subsidiary", "unit", "arm", "affiliate", "division")
                                             for w in bw) and len(bw) <= 5:
                yield "rel:subsidiary", sp.id_, "subsidiaryOf", nxt.id_
            if bw and bw[-1] in ("by", "of") and any(w.endswith("owned") for w in bw) and len(bw) <= 4:
                yield "rel:subsidiary", sp.id_, "subsidiaryOf", nxt.id_
        # "<Technology> made|designed|produced by <Company>"
        if sp.label_ == "Technology" and nxt is not None and nxt.label_ == "Company":
            bw = [t.lower_ for t in doc[sp.end:nxt.start]]
            if bw and bw[-1] == "by" and any(w in ("made", "designed", "produced", "manufactured", "built",
                                                    "developed", "sold") for w in bw) and len(bw) <= 4:
                yield "rel:made-by", nxt.id_, "produces", sp.id_
