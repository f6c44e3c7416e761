"""Hand-built GraphBatch fixtures for the pictures (written for these tests; no news text copied).

A little but realistic graph: three dispatches, sixteen entities of several types, eight events with
actors, targets, affects, sectors, dates, precedents, analogies and responses, evidence sentences,
plus two hostile names: an HTML injection and one with quotes, a newline and a script end tag.
"""
from __future__ import annotations

import datetime as dt
import random

import pytest

from kg.ids import entity_key, event_key
from kg.models import Analogy, Dispatch, Entity, Event, Evidence, GraphBatch, PipelineInfo, Relation

HOSTILE_HTML = "<img src=x onerror=alert(1)>"
HOSTILE_QUOTES = 'Dr "Quote" O\'Neil\nsecond line </script><!-- & more'

D1 = Dispatch(id="a1" * 8, title="Beijing asks AI researchers to clear foreign trips first",
              text="(fixture)", date=dt.date(2025, 3, 10), url="https://example.org/dispatch/1")
D2 = Dispatch(id="b2" * 8, title="Washington widens chip controls; Beijing answers with gallium",
              text="(fixture)", date=dt.date(2024, 12, 3), url="https://example.org/dispatch/2")
D3 = Dispatch(id="c3" * 8, title="The Hague follows on lithography as Brussels rules on AI",
              text="(fixture)", date=dt.date(2024, 8, 2), url="javascript:alert(2)")


def _ev(d: Dispatch, sentence: str, rule: str = "fixture") -> Evidence:
    return Evidence(dispatch_id=d.id, sentence=sentence, rule=rule, confidence=0.9)


def _ent(type_: str, name: str, qid: str | None = None, aliases: tuple[str, ...] = (),
         mentions: tuple[Evidence, ...] = ()) -> Entity:
    return Entity(key=entity_key(type_, name, qid), type=type_, name=name, aliases=aliases, wikidata=qid,
                  mentions=mentions)


def make_batch() -> GraphBatch:
    china = _ent("Country", "China", "Q148", ("PRC", "Beijing"),
                 (_ev(D1, "Officials in Beijing told laboratories to register planned trips abroad."),))
    us = _ent("Country", "United States", "Q30", ("US", "Washington"))
    nl = _ent("Country", "Netherlands", "Q55", ("The Hague",))
    ussr = _ent("Country", "Soviet Union", "Q15180", ("USSR",))
    eu = _ent("Bloc", "European Union", "Q458", ("EU", "Brussels"))
    bis = _ent("GovernmentBody", "Bureau of Industry and Security", None, ("BIS",))
    deepseek = _ent("Company", "DeepSeek", None, (), (_ev(D1, "Staff at DeepSeek were among those asked to hand in passports."),))
    alibaba = _ent("Company", "Alibaba", "Q1359568")
    asml = _ent("Company", "ASML", "Q297547")
    smic = _ent("Company", "SMIC", None, ("Semiconductor Manufacturing International Corporation",))
    hostile = _ent("Company", HOSTILE_HTML, None, ("<b>bold</b>",))
    person = _ent("Person", HOSTILE_QUOTES)
    researchers = _ent("Group", "AI researchers")
    physicists = _ent("Group", "nuclear physicists")
    gallium = _ent("Technology", "gallium")
    duv = _ent("Technology", "DUV lithography", None, ("deep ultraviolet lithography",))
    aiact = _ent("Legislation", "EU AI Act", "Q108456694", ("AI Act",))
    entities = [china, us, nl, ussr, eu, bis, deepseek, alibaba, asml, smic, hostile, person,
                researchers, physicists, gallium, duv, aiact]

    def event(measure, actors, targets, sectors, date, status, evidence, **kw) -> Event:
        key = event_key(measure, [a.key for a in actors], [t.key for t in targets], sectors, date)
        return Event(key=key, measure=measure, actors=tuple(a.key for a in actors),
                     targets=tuple(t.key for t in targets), sectors=tuple(sectors), date=date, status=status,
                     evidence=tuple(evidence), **kw)

    e_soviet = event("TravelRestriction", [ussr], [physicists], ["Nuclear"], "1950", "Historical",
                     [_ev(D1, "Analysts recalled how Moscow kept its nuclear physicists at home in the 1950s.")],
                     label="Soviet limits on travel by nuclear physicists")
    e_travel = event("TravelRestriction", [china], [researchers], ["ArtificialIntelligence"], "2025-03", "InForce",
                     [_ev(D1, "China now requires leading AI researchers to seek approval before travelling abroad.")],
                     affects=(deepseek.key, alibaba.key), precedents=(e_soviet.key,))
    e_us_ctrl = event("ExportControl", [us], [china], ["Semiconductors", "ArtificialIntelligence"], "2022-10-07",
                      "InForce", [_ev(D2, "The rules first announced in October 2022 limit sales of advanced chips.")])
    e_listing = event("EntityListing", [bis], [smic], ["Semiconductors"], "2024-12-02", "InForce",
                      [_ev(D2, "The Bureau of Industry and Security added the chipmaker SMIC to its list.")])
    e_gallium = event("ExportControl", [china], [gallium], ["CriticalMinerals"], "2023-07-03", "InForce",
                      [_ev(D2, "Beijing replied by requiring licences to export gallium.")],
                      affects=(hostile.key,), responds_to=(e_us_ctrl.key,))
    e_duv = event("ExportControl", [nl], [duv], ["Semiconductors"], "2023-06-30", "InForce",
                  [_ev(D3, "The Dutch government now requires a licence to ship some DUV lithography machines.")],
                  affects=(asml.key,))
    e_aiact = event("Regulation", [eu], [], ["ArtificialIntelligence"], "2024-08-01", "InForce",
                    [_ev(D3, "The EU AI Act entered into force on 1 August 2024.")], precedents=(aiact.key,))
    e_visa = event("VisaRestriction", [us], [researchers, person], ["Research"], None, "Discussed",
                   [_ev(D1, "Some in Washington discussed tighter visas for researchers, without a date.")])
    events = [e_soviet, e_travel, e_us_ctrl, e_listing, e_gallium, e_duv, e_aiact, e_visa]

    relations = [
        Relation(subject=bis.key, predicate="partOf", object=us.key,
                 evidence=(_ev(D2, "The Bureau of Industry and Security, part of the Commerce Department."),)),
        Relation(subject=asml.key, predicate="headquarteredIn", object=nl.key),
        Relation(subject=deepseek.key, predicate="headquarteredIn", object=china.key),
        Relation(subject=alibaba.key, predicate="headquarteredIn", object=china.key),
        Relation(subject=smic.key, predicate="headquarteredIn", object=china.key),
        Relation(subject=hostile.key, predicate="headquarteredIn", object=china.key),
        Relation(subject=nl.key, predicate="memberOf", object=eu.key),
        Relation(subject=asml.key, predicate="produces", object=duv.key),
        Relation(subject=person.key, predicate="worksFor", object=deepseek.key),
    ]
    a, b = sorted((e_duv.key, e_us_ctrl.key))
    c, d = sorted((e_travel.key, e_soviet.key))
    analogies = [
        Analogy(a=a, b=b, basis="asserted", explanation="Both limit exports of chipmaking tools.",
                evidence=(_ev(D3, "The Dutch step mirrors the American controls of 2022."),)),
        Analogy(a=c, b=d, score=0.7, basis="inferred", explanation="Same measure family, different sector."),
    ]
    return GraphBatch(dispatches=(D1, D2, D3), entities=tuple(sorted(entities, key=lambda e: e.key)),
                      events=tuple(sorted(events, key=lambda e: e.key)), relations=tuple(relations),
                      analogies=tuple(analogies), pipeline=PipelineInfo(version="test", model="none"))


def make_big_batch(n_nodes: int = 5000, seed: int = 7) -> GraphBatch:
    """A generated graph of about ``n_nodes`` nodes (one event per four entities), for scale."""
    rng = random.Random(seed)
    types = ["Country", "Company", "GovernmentBody", "Technology", "Group", "Person", "ResearchOrganization"]
    measures = ["ExportControl", "Sanction", "EntityListing", "TravelRestriction", "Regulation", "Subsidy"]
    sectors = ["ArtificialIntelligence", "Semiconductors", "Telecommunications", "CriticalMinerals", "Research"]
    n_events = n_nodes // 5
    n_entities = n_nodes - n_events
    entities = [Entity(key=f"gen/e{i}", type=types[i % len(types)] if i >= 40 else "Country", name=f"Entity {i}")
                for i in range(n_entities)]
    events = []
    for j in range(n_events):
        actor = f"gen/e{rng.randrange(40)}"
        targets = tuple(sorted({f"gen/e{rng.randrange(n_entities)}" for _ in range(rng.randint(1, 3))}))
        events.append(Event(key=f"event/g{j}", measure=rng.choice(measures), actors=(actor,), targets=targets,
                            sectors=(rng.choice(sectors),), date=f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}",
                            status="InForce",
                            responds_to=(f"event/g{rng.randrange(j)}",) if j and rng.random() < 0.2 else ()))
    used = {k for ev in events for k in ev.actors + ev.targets}
    relations = [Relation(subject=f"gen/e{i}", predicate="headquarteredIn", object=f"gen/e{rng.randrange(40)}")
                 for i in range(40, n_entities) if i % 3 == 0 or f"gen/e{i}" not in used]
    return GraphBatch(entities=tuple(entities), events=tuple(events), relations=tuple(relations))


@pytest.fixture(scope="session")
def batch() -> GraphBatch:
    return make_batch()


@pytest.fixture(scope="session")
def big_batch() -> GraphBatch:
    return make_big_batch()


@pytest.fixture(scope="session")
def big_batch_of():
    """The generator itself, for tests that need another size."""
    return make_big_batch


@pytest.fixture(scope="session")
def hostile_names() -> tuple[str, str]:
    return HOSTILE_HTML, HOSTILE_QUOTES
