"""Why is this in the graph? Every event and relation of an RDF file with its evidence.

:func:`explain` reads what ``kg extract`` wrote (any RDF using the core vocabulary, through
:func:`kg.rdf.read.read_batch`) and returns one row per event and per relation: the statement in
names an analyst can read, and for each piece of evidence the dispatch, the sentence, the rule that
fired and its confidence. :func:`render_text` lays the rows out for a terminal.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.models import Evidence, GraphBatch


def _evidence_row(ev: Evidence, titles: dict[str, str | None]) -> dict[str, Any]:
    return {
        "dispatch": ev.dispatch_id, "title": titles.get(ev.dispatch_id or "") if ev.dispatch_id else None,
        "sentence": ev.sentence, "start": ev.start, "end": ev.end, "rule": ev.rule,
        "confidence": round(ev.confidence, 3), "source": ev.source,
    }


def explain_batch(batch: GraphBatch) -> list[dict[str, Any]]:
    """Rows for every event (sorted by key) then every relation (sorted by subject, predicate, object)."""
    names = {e.key: e.name for e in batch.entities}
    events = {ev.key: ev for ev in batch.events}

    def name(key: str) -> str:
        if key in names:
            return names[key]
        if key in events:
            return events[key].label or f"{events[key].measure} event"
        return key

    titles = {d.id: d.title for d in batch.dispatches}
    rows: list[dict[str, Any]] = []
    for ev in batch.events:
        rows.append({
            "kind": "event", "key": ev.key, "label": ev.label, "measure": ev.measure,
            "actors": [name(k) for k in ev.actors], "targets": [name(k) for k in ev.targets],
            "affects": [name(k) for k in ev.affects], "sectors": list(ev.sectors), "status": ev.status,
            "date": ev.date, "precedents": [name(k) for k in ev.precedents],
            "responds_to": [name(k) for k in ev.responds_to],
            "analogous_to": sorted(name(a.b if a.a == ev.key else a.a) for a in batch.analogies
                                   if ev.key in (a.a, a.b)),
            "confidence": round(ev.confidence, 3),
            "evidence": [_evidence_row(x, titles) for x in ev.evidence],
        })
    for r in batch.relations:
        rows.append({
            "kind": "relation", "subject": name(r.subject), "predicate": r.predicate, "object": name(r.object),
            "subject_key": r.subject, "object_key": r.object, "confidence": round(r.confidence, 3),
            "evidence": [_evidence_row(x, titles) for x in r.evidence],
        })
    return rows


def explain(path: str | Path) -> list[dict[str, Any]]:
    """Rows for the RDF file at ``path`` (see :func:`explain_batch`); InputError if unreadable."""
    from kg.rdf.read import read_batch

    return explain_batch(read_batch(path))


def _join(values) -> str:
    return ", ".join(str(v) for v in values) if values else "—"


def render_text(rows: list[dict[str, Any]]) -> str:
    """A plain-text report: one block per event or relation, evidence indented beneath."""
    out: list[str] = []
    events = [r for r in rows if r["kind"] == "event"]
    rels = [r for r in rows if r["kind"] == "relation"]
    if events:
        out.append(f"EVENTS ({len(events)})")
    for r in events:
        out.append("")
        head = r["label"] or f"{_join(r['actors'])} {r['measure']}"
        out.append(f"* {head}  [confidence {r['confidence']}]")
        out.append(f"    measure: {r['measure']}    status: {r['status'] or '—'}    date: {r['date'] or '—'}")
        out.append(f"    actors: {_join(r['actors'])}")
        out.append(f"    targets: {_join(r['targets'])}    affects: {_join(r['affects'])}")
        out.append(f"    sectors: {_join(r['sectors'])}    precedents: {_join(r['precedents'])}")
        if r["responds_to"]:
            out.append(f"    responds to: {_join(r['responds_to'])}")
        if r["analogous_to"]:
            out.append(f"    analogous to: {_join(r['analogous_to'])}")
        out.extend(_render_evidence(r["evidence"]))
    if rels:
        if out:
            out.append("")
        out.append(f"RELATIONS ({len(rels)})")
    for r in rels:
        out.append("")
        out.append(f"* {r['subject']} —{r['predicate']}→ {r['object']}  [confidence {r['confidence']}]")
        out.extend(_render_evidence(r["evidence"]))
    if not rows:
        out.append("no events or relations in this graph")
    return "\n".join(out) + "\n"


def _render_evidence(evidence: list[dict[str, Any]]) -> list[str]:
    if not evidence:
        return ["    evidence: none recorded"]
    lines = []
    for e in evidence:
        where = f"dispatch {e['dispatch']}" if e["dispatch"] else f"source: {e['source']}"
        if e.get("title"):
            where += f" ({e['title']})"
        if e["start"] is not None:
            where += f", chars {e['start']}–{e['end']}"
        lines.append(f"    - {where}; rule {e['rule']}; {e['source']}; confidence {e['confidence']}")
        if e["sentence"]:
            lines.append(f"      “{' '.join(e['sentence'].split())}”")
    return lines
