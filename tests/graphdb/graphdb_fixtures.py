"""Shared by tests/graphdb and tests/queries: a small hand-built graph and one embedded server.

The graph (all names and sentences written for these tests)::

    E1 US EntityListing -> Huawei (Semiconductors, InForce, 2019-05)  precedent: Export Control Reform Act
    E2 US ExportControl -> H20 chips, affects Nvidia (Semiconductors+AI, InForce, 2023-10-17)  precedent: E1, respondsTo E3
    E3 China ExportControl -> Gallium, affects ASML (CriticalMinerals, InForce, 2023-07)  respondsTo E1
    E4 China Investigation -> Nvidia, affects Nvidia (Semiconductors, Announced, 2024-12)  respondsTo E2, precedent E3
    E5 US VisaRestriction -> AI researchers (AI+Research, Proposed, 2025-05)          analogousTo E6 (0.7, inferred)
    E6 China TravelRestriction -> AI researchers (AI, InForce, 2025-03)      analogousTo E8 (0.6, inferred)
    E7 Netherlands ExportControl -> China, affects ASML (Semiconductors, InForce, 2023-06-30)
                                                precedent E2; analogousTo E2 (0.8, asserted)
    E8 China TravelRestriction -> Nuclear physicists (Nuclear, Historical, 2015)
    Huawei, Tsinghua University HQ China; Nvidia HQ US; ASML HQ Netherlands; Netherlands memberOf EU;
    BIS partOf US; MOFCOM partOf China; Jensen Huang leads Nvidia; Nvidia produces H20 chips.
"""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest

from kg import ids
from kg.models import Analogy, Dispatch, Entity, Event, Evidence, GraphBatch, PipelineInfo, Relation

D1 = "a1b2c3d4e5f60718"
D2 = "0f1e2d3c4b5a6978"


def ev(sentence: str, dispatch: str = D1, rule: str = "test-rule", conf: float = 0.9) -> Evidence:
    return Evidence(dispatch_id=dispatch, sentence=sentence, rule=rule, confidence=conf)


def ent(type_: str, name: str, qid: str | None = None, aliases: tuple[str, ...] = (),
        dispatch: str = D1) -> Entity:
    return Entity(key=ids.entity_key(type_, name, qid), type=type_, name=name, aliases=aliases,
                  wikidata=qid, mentions=(ev(f"{name} was mentioned.", dispatch),))


CHINA = ent("Country", "China", "Q148", ("PRC",))
US = ent("Country", "United States", "Q30", ("U.S.", "USA"))
NL = ent("Country", "Netherlands", "Q55")
EU = ent("Bloc", "European Union", None, ("EU",))
BIS = ent("GovernmentBody", "Bureau of Industry and Security", None, ("BIS",))
MOFCOM = ent("GovernmentBody", "Ministry of Commerce", None, ("MOFCOM",))
HUAWEI = ent("Company", "Huawei")
ASML = ent("Company", "ASML")
NVIDIA = ent("Company", "Nvidia")
H20 = ent("Technology", "H20 chips")
GALLIUM = ent("Technology", "Gallium")
AIR = ent("Group", "AI researchers")
NUC = ent("Group", "Nuclear physicists")
TSINGHUA = ent("ResearchOrganization", "Tsinghua University")
ECRA = ent("Legislation", "Export Control Reform Act")
HUANG = ent("Person", "Jensen Huang")
ENTITIES = (CHINA, US, NL, EU, BIS, MOFCOM, HUAWEI, ASML, NVIDIA, H20, GALLIUM, AIR, NUC, TSINGHUA, ECRA, HUANG)


def event(label: str, measure: str, actors, targets=(), affects=(), sectors=(), status=None, date=None,
          precedents=(), responds_to=(), dispatch: str = D1) -> Event:
    a, t = [x.key for x in actors], [x.key for x in targets]
    return Event(key=ids.event_key(measure, a, t, sectors, date), measure=measure, actors=tuple(a),
                 targets=tuple(t), affects=tuple(x.key for x in affects), sectors=tuple(sectors),
                 status=status, date=date, precedents=tuple(precedents), responds_to=tuple(responds_to),
                 label=label, evidence=(ev(f"Sentence reporting {label}.", dispatch),), confidence=0.9)


E1 = event("US lists Huawei", "EntityListing", [US], [HUAWEI], [HUAWEI], ["Semiconductors"], "InForce",
           "2019-05", precedents=[ECRA.key])
E3 = event("China controls gallium exports", "ExportControl", [CHINA], [GALLIUM], [ASML], ["CriticalMinerals"],
           "InForce", "2023-07", responds_to=[E1.key])
E2 = event("US controls H20 exports", "ExportControl", [US], [H20], [NVIDIA],
           ["Semiconductors", "ArtificialIntelligence"], "InForce", "2023-10-17", precedents=[E1.key],
           responds_to=[E3.key])
E4 = event("China investigates Nvidia", "Investigation", [CHINA], [NVIDIA], [NVIDIA], ["Semiconductors"],
           "Announced", "2024-12", precedents=[E3.key], responds_to=[E2.key], dispatch=D2)
E5 = event("US restricts visas for AI researchers", "VisaRestriction", [US], [AIR], [],
           ["ArtificialIntelligence", "Research"],
           "Proposed", "2025-05", dispatch=D2)
E6 = event("China restricts travel of AI researchers", "TravelRestriction", [CHINA], [AIR], [],
           ["ArtificialIntelligence"], "InForce", "2025-03", dispatch=D2)
E7 = event("Netherlands controls lithography exports", "ExportControl", [NL], [CHINA], [ASML], ["Semiconductors"],
           "InForce", "2023-06-30", precedents=[E2.key])
E8 = event("China restricts travel of nuclear physicists", "TravelRestriction", [CHINA], [NUC], [], ["Nuclear"],
           "Historical", "2015")
EVENTS = (E1, E2, E3, E4, E5, E6, E7, E8)


def rel(s: Entity, p: str, o: Entity, sentence: str | None = None) -> Relation:
    return Relation(subject=s.key, predicate=p, object=o.key,
                    evidence=(ev(sentence or f"{s.name} {p} {o.name}.", rule="rel-rule", conf=0.8),), confidence=0.8)


RELATIONS = (
    rel(HUAWEI, "headquarteredIn", CHINA, "Huawei, based in Shenzhen, China, said so."),
    rel(TSINGHUA, "headquarteredIn", CHINA), rel(NVIDIA, "headquarteredIn", US), rel(ASML, "headquarteredIn", NL),
    rel(NL, "memberOf", EU), rel(BIS, "partOf", US), rel(MOFCOM, "partOf", CHINA), rel(HUANG, "leads", NVIDIA),
    rel(NVIDIA, "produces", H20),
)


def analogy(a: Event, b: Event, score: float, basis: str) -> Analogy:
    x, y = sorted((a.key, b.key))
    return Analogy(a=x, b=y, score=score, basis=basis, explanation=f"{a.label} parallels {b.label}",
                   evidence=(ev(f"{a.label} is like {b.label}.", rule="analogy-rule", conf=score),))


ANALOGIES = (analogy(E5, E6, 0.7, "inferred"), analogy(E6, E8, 0.6, "inferred"), analogy(E7, E2, 0.8, "asserted"))

DISPATCHES = (
    Dispatch(id=D1, text="Test dispatch one.", title="Test dispatch one", date=dt.date(2025, 5, 20)),
    Dispatch(id=D2, text="Test dispatch two.", title="Test dispatch two", date=dt.date(2025, 6, 1)),
)


def fixture_batch() -> GraphBatch:
    return GraphBatch(dispatches=DISPATCHES, entities=ENTITIES, events=EVENTS, relations=RELATIONS,
                      analogies=ANALOGIES, pipeline=PipelineInfo(version="test", model="none"))


#: Names that must load as data, never as Cypher
INJECTION_NAMES = (
    "O'Brien \"Quoted\" Labs", "`backtick` Corp", "{brace} Holdings", "}) DETACH DELETE n //",
    "Line one\nLine two", "Robert'); MATCH (n) DETACH DELETE n; //", "back\\slash $param ${x}",
)


def injection_batch() -> GraphBatch:
    ents = tuple(Entity(key=ids.entity_key("Company", n), type="Company", name=n, aliases=(n + " alias",))
                 for n in INJECTION_NAMES)
    rels = tuple(Relation(subject=e.key, predicate="headquarteredIn", object=CHINA.key,
                          evidence=(ev(e.name + " sentence"),)) for e in ents)
    return GraphBatch(entities=ents + (CHINA,), relations=rels)


# --------------------------------------------------------------------------- one server per session

_SERVER: dict = {}


def embedded_server_fixture(request, tmp_path_factory):
    """Start the embedded server once per test session (shared by every conftest that uses it)."""
    from kg.graphdb import embedded

    if "info" not in _SERVER:
        data_dir = Path(tempfile.mkdtemp(prefix="kg-graphdb-test-"))
        info = embedded.start(data_dir)
        _SERVER.update(info=info, password=embedded.password(data_dir), dir=data_dir)

        def _stop() -> None:
            embedded.stop(data_dir)
            shutil.rmtree(data_dir, ignore_errors=True)
            _SERVER.clear()

        request.session.config.add_cleanup(_stop)
    return _SERVER["info"], _SERVER["password"]


def clear_database(client) -> None:
    client.run("MATCH (n) DETACH DELETE n")


@pytest.fixture(scope="session")
def embedded_server(request, tmp_path_factory):
    return embedded_server_fixture(request, tmp_path_factory)


@pytest.fixture(scope="session")
def client(embedded_server):
    from kg.graphdb.client import Client, Target

    info, pw = embedded_server
    c = Client(Target(info.uri, "root", pw, info.database))
    yield c
    c.close()
