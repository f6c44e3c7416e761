"""A tiny extractor and batch for corrections tests: no spaCy, deterministic."""
from __future__ import annotations

import json
import re

from kg.executors import ExtractorSpec
from kg.ids import event_key
from kg.models import (Analogy, Dispatch, Entity, Event, Evidence, Extraction, GraphBatch, PipelineInfo,
                       Relation)

WHEN = "2026-12-02T14:00:00Z"
HOSTILE = ('"> <script>alert(1)</script> \'; MATCH (n) DETACH DELETE n // ]] {{x}} '
           '\\" . <http://evil/> pol:x "y" .\n@prefix p: <x:> .')

_ENT = re.compile(r"(?m)(?<![A-Z])ENT (\S+)\|(\w+)\|([^\n|]+)\|")
_REL = re.compile(r"(?m)(?<![A-Z])REL (\S+)\|(\w+)\|(\S+)")
_EV = re.compile(r"(?m)(?<![A-Z])EVENT (\S+)\|(\w+)\|(\S*)\|([0-9.]+)")
INFO = PipelineInfo(version="test", model="fake")


class FakeExtractor:
    """Reads 'ENT key|Type|Name|', 'REL s|predicate|o' and 'EVENT actor|Measure|target|confidence' lines."""

    def __init__(self, model=None):
        self.info = INFO

    def extract_one(self, d: Dispatch) -> Extraction:
        ev = lambda line: Evidence(dispatch_id=d.id, sentence=line, start=0, end=len(line), rule="fake",
                                   confidence=0.6)
        ents = [Entity(key=m[1], type=m[2], name=m[3].strip(), mentions=(ev(m[0]),)) for m in _ENT.finditer(d.text)]
        rels = [Relation(subject=m[1], predicate=m[2], object=m[3], evidence=(ev(m[0]),), confidence=0.6)
                for m in _REL.finditer(d.text)]
        evs = []
        for m in _EV.finditer(d.text):
            targets = (m[3],) if m[3] else ()
            evs.append(Event(key=event_key(m[2], [m[1]], targets, []), measure=m[2], actors=(m[1],),
                             targets=targets, evidence=(ev(m[0]),), confidence=float(m[4])))
        return Extraction(dispatch=d, entities=tuple(ents), relations=tuple(rels), events=tuple(evs),
                          pipeline=self.info)

    def extract_many(self, dispatches, n_process=1):
        for d in dispatches:
            yield self.extract_one(d)


def fake_factory(model):
    return FakeExtractor(model)


SPEC = ExtractorSpec(factory=fake_factory)

DOC_A = "\n\n".join([
    "Acme news", "ENT company/acme|Company|Acme|", "ENT company/acme-inc|Company|Acme Inc|",
    "ENT country/sylvania|Country|Sylvania|", "REL company/acme|headquarteredIn|country/sylvania .",
    "EVENT country/sylvania|Ban|company/acme|0.3 ."]) + "\n"
DOC_B = "\n\n".join([
    "Acme Inc news", "ENT company/acme-inc|Company|Acme Inc|", "ENT country/sylvania|Country|Sylvania|",
    "REL company/acme-inc|headquarteredIn|country/sylvania .",
    "EVENT country/sylvania|Sanction|company/acme-inc|0.9 ."]) + "\n"


def extraction(text: str) -> Extraction:
    import hashlib

    d = Dispatch(id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text, title=text.split("\n")[0])
    return FakeExtractor().extract_one(d)


def small_batch() -> GraphBatch:
    from kg.link.merge import merge

    b = merge([extraction(DOC_A), extraction(DOC_B)])
    evs = sorted(e.key for e in b.events)
    return b.model_copy(update={"analogies": (Analogy(a=evs[0], b=evs[1], score=0.5, basis="inferred"),)})


def line(**kw) -> str:
    base = {"action": "reject", "describe": "something", "who": "Ana Analyst", "when": WHEN, "why": "wrong"}
    base.update(kw)
    return json.dumps(base)


def ban_key() -> str:
    return event_key("Ban", ["country/sylvania"], ["company/acme"], [])
