"""kg.link.merge: one node per key, evidence of every source kept, sorted output."""
from __future__ import annotations

from kg.link.merge import merge
from kg.models import Analogy, Dispatch, Entity, Event, Evidence, Extraction, PipelineInfo, Relation

PIPE = PipelineInfo(version="t", model="m")


def _ev(doc: str, rule: str = "r") -> Evidence:
    return Evidence(dispatch_id=doc, sentence="s", start=0, end=1, rule=rule)


def _extraction(doc: str, alias: str, event_status: str | None, analogy_basis: str = "asserted") -> Extraction:
    d = Dispatch(id=doc, text="x")
    china = Entity(key="wd/Q148", type="Country", name="China", aliases=(alias,), wikidata="Q148",
                   mentions=(_ev(doc),))
    grp = Entity(key="group/ai-researchers", type="Group", name="AI researchers", mentions=(_ev(doc),))
    e1 = Event(key="event/1", measure="TravelRestriction", actors=("wd/Q148",), targets=("group/ai-researchers",),
               sectors=("ArtificialIntelligence",), status=event_status, evidence=(_ev(doc),))
    e2 = Event(key="event/0", measure="Review", evidence=(_ev(doc),))
    rel = Relation(subject="company/deepseek", predicate="headquarteredIn", object="wd/Q148", evidence=(_ev(doc),))
    an = Analogy(a="event/1", b="event/0", basis=analogy_basis, score=0.5 if analogy_basis == "inferred" else 1.0)
    return Extraction(dispatch=d, entities=(grp, china), events=(e1, e2), relations=(rel,), analogies=(an,), pipeline=PIPE)


def test_merge_unites_entities_events_relations_across_dispatches():
    b = merge([_extraction("d2", "Chinese", None, "inferred"), _extraction("d1", "PRC", "InForce")])
    assert [d.id for d in b.dispatches] == ["d1", "d2"]
    assert [e.key for e in b.entities] == ["group/ai-researchers", "wd/Q148"]
    china = b.entities[1]
    assert china.name == "China" and set(china.aliases) == {"Chinese", "PRC"}
    assert {m.dispatch_id for m in china.mentions} == {"d1", "d2"}
    assert [e.key for e in b.events] == ["event/0", "event/1"]
    ev1 = b.events[1]
    assert ev1.status == "InForce" and {x.dispatch_id for x in ev1.evidence} == {"d1", "d2"}
    assert len(b.relations) == 1 and len(b.relations[0].evidence) == 2
    # the analogy is stored once, ordered, and a text assertion beats an inference
    assert len(b.analogies) == 1
    an = b.analogies[0]
    assert (an.a, an.b) == ("event/0", "event/1") and an.basis == "asserted" and an.score == 1.0


def test_merge_is_order_independent():
    x, y = _extraction("d1", "PRC", "InForce"), _extraction("d2", "Chinese", "InForce")
    assert merge([x, y]) == merge([y, x])


def _report(doc: str, status: str | None, date: str | None, label: str | None, name: str,
            pipeline: PipelineInfo = PIPE) -> Extraction:
    """One dispatch's view of the same entity and event, disagreeing on every mergeable field."""
    ent = Entity(key="gov/moc", type="GovernmentBody", name=name, mentions=(_ev(doc),))
    ev = Event(key="event/x", measure="ExportControl", actors=("gov/moc",), status=status, date=date,
               label=label, description=label and label.upper(), reference=label and f"https://x/{doc}",
               evidence=(_ev(doc),), confidence=0.5 if status == "Announced" else 0.9)
    return Extraction(dispatch=Dispatch(id=doc, text="x"), entities=(ent,), events=(ev,), pipeline=pipeline)


def test_merge_every_permutation_gives_byte_identical_output():
    import itertools

    from kg.rdf.write import serialize_batch

    reports = [
        _report("d1", "Announced", "2023", "Curbs announced", "Ministry of Commerce"),
        _report("d2", "InForce", "2023-07-03", None, "Ministry of Commerce of China",
                PipelineInfo(version="u", model="m")),
        _report("d3", None, "2023-07", "Export licences required", "MOFCOM"),
        _report("d4", "Discussed", "2023-07-01", "Curbs weighed", "Commerce Ministry"),
    ]
    outputs = {serialize_batch(merge(list(p)), "turtle") for p in itertools.permutations(reports)}
    assert len(outputs) == 1
    b = merge(reports)
    ev = b.events[0]
    assert ev.status == "InForce"            # the most advanced stage
    assert ev.date == "2023-07-01"           # the most precise, ties to the earliest
    assert ev.label == "Curbs announced"     # the alphabetically first non-empty value
    assert b.entities[0].name == "Ministry of Commerce of China"   # the most complete name
    assert set(b.entities[0].aliases) == {"Ministry of Commerce", "MOFCOM", "Commerce Ministry"}
    assert b.pipeline == PIPE


def test_merge_status_rule_ranks_revoked_and_historical():
    from kg.link.merge import _status

    assert _status("Historical", "Discussed") == "Discussed"
    assert _status("InForce", "Revoked") == "Revoked"
    assert _status(None, None) is None
