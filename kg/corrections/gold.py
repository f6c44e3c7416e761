"""From corrections to quality: reviewed dispatches as gold lines (``../shared/eval/GUIDE.md``).

A dispatch is *reviewed* when an analyst accepted it as a whole (``kg review --accept
dispatch/<id>``): everything its corrected graph still says about it is then taken as right.
Its gold line is the corrected graph restricted to that dispatch — the entities it mentions (with
the aliases that occur in its text), the events and relations its sentences support, the
analogies between its events — written with names, not keys, as the guide asks. Scoring the
extractor against these lines (``kg eval``) turns analysts' corrections into regression tests.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from kg.corrections.io import Located, effective
from kg.models import Dispatch, GraphBatch


def reviewed_dispatches(decisions: list[Located]) -> list[str]:
    """Dispatch ids an analyst accepted as reviewed in full (the decisions that hold)."""
    out = []
    for loc in effective(decisions):
        d = loc.decision
        if d.action == "accept" and d.subject.startswith("dispatch/"):
            out.append(d.subject.split("/", 1)[1])
    return sorted(set(out))


def _from(evidence, dispatch_id: str) -> bool:
    return any(e.dispatch_id == dispatch_id for e in evidence)


def gold_line(batch: GraphBatch, dispatch: Dispatch) -> dict:
    """The gold object of one dispatch (GUIDE.md format) from the corrected batch."""
    did = dispatch.id
    names = {e.key: e.name for e in batch.entities}
    ents = [e for e in batch.entities if _from(e.mentions, did)]
    events = [ev for ev in batch.events if _from(ev.evidence, did)]
    ev_id = {ev.key: f"e{i}" for i, ev in enumerate(events, 1)}
    labels = {ev.key: ev.label or ev.key for ev in batch.events}

    def name(k: str) -> str:
        return names.get(k) or labels.get(k, k)

    text = dispatch.text or ""
    out = {
        "id": Path(dispatch.source).stem if dispatch.source else did,
        "url": dispatch.url,
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest() if text else None,
        "title": dispatch.title,
        "date": dispatch.date.isoformat() if dispatch.date else None,
        "entities": [{"name": e.name, "type": e.type,
                      "aliases": sorted(a for a in e.aliases if a in text) if text else list(e.aliases)}
                     for e in sorted(ents, key=lambda e: e.name)],
        "optional": [],
        "events": [{
            "id": ev_id[ev.key], "actor": [name(k) for k in ev.actors], "measure": ev.measure,
            "targets": [name(k) for k in ev.targets], "affects": [name(k) for k in ev.affects],
            "sector": list(ev.sectors), "status": ev.status, "date": ev.date,
            "precedents": [name(k) for k in ev.precedents],
            "responds_to": [ev_id[k] for k in ev.responds_to if k in ev_id],
        } for ev in events],
        "relations": [{"subject": name(r.subject), "predicate": r.predicate, "object": name(r.object)}
                      for r in batch.relations if _from(r.evidence, did)],
        "analogies": [[ev_id[a.a], ev_id[a.b]] for a in batch.analogies
                      if a.a in ev_id and a.b in ev_id and a.basis == "asserted"],
    }
    if dispatch.source and "://" not in dispatch.source and dispatch.source != "-":
        out["file"] = Path(dispatch.source).name  # where `kg eval --texts DIR` finds the text
    return out


def export_gold(batch: GraphBatch, dispatches: list[Dispatch], decisions: list[Located]) -> list[dict]:
    """Gold objects of the reviewed dispatches, in dispatch-id order. ``dispatches`` carry the text."""
    wanted = set(reviewed_dispatches(decisions))
    return [gold_line(batch, d) for d in sorted(dispatches, key=lambda d: d.id) if d.id in wanted]
