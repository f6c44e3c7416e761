"""What ``kg precedents`` calls: rank precedents and parallels for a text or an event of a graph."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import ConfigError, InputError
from kg.models import Entity, Event
from kg.precedents.base import base_batch, default_base, default_gazetteer_or_none, load_base
from kg.precedents.rank import Candidate, LinkConfig, rank
from kg.precedents.profiles import Context, profile_of, profiles_of, query_profile
from kg.precedents.textsim import Tfidf


@dataclass
class Ranked:
    query: str
    candidates: list[Candidate]
    names: dict[str, str]           # event key -> label
    base_ids: dict[str, str]        # event key -> precedent-base id


def events_from_graph(path: str | Path) -> tuple[list[Event], list[Entity]]:
    """Policy events and entity names/types read back from an RDF file the project wrote."""
    from rdflib import RDF, RDFS, Dataset
    from rdflib.namespace import SKOS

    from kg import ids
    from kg.models import ENTITY_TYPES, MEASURES, SECTORS
    from kg.rdf.read import parser_for
    from kg.vocab import MSR, POL, SEC

    p = Path(path)
    if not p.is_file():
        raise InputError(str(p), "no such graph file")
    ds = Dataset(default_union=True)
    fmt = parser_for(p)  # the one suffix -> parser table (kg.rdf.read)
    try:
        ds.parse(p, format=fmt)
    except Exception as exc:  # noqa: BLE001 — rdflib raises many kinds
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(str(p), f"not readable as {fmt}: {why}") from None
    g = ds
    types = {str(getattr(POL, t)): t for t in ENTITY_TYPES}
    entities = []
    for s, _, o in g.triples((None, RDF.type, None)):
        t = types.get(str(o))
        k = ids.key_of(str(s))
        if t and k:
            name = g.value(s, RDFS.label) or g.value(s, SKOS.prefLabel) or k
            entities.append(Entity(key=k, type=t, name=str(name)))
    local = lambda node, ns: str(node)[len(str(ns._NS)):] if str(node).startswith(str(ns._NS)) else None  # noqa: E731
    events = []
    for s in sorted(set(g.subjects(RDF.type, POL.PolicyEvent)), key=str):
        k = ids.key_of(str(s))
        m = local(g.value(s, POL.measure), MSR)
        if not k or m not in MEASURES:
            continue
        keys = lambda pred: tuple(sorted(x for x in (ids.key_of(str(o)) for o in g.objects(s, pred)) if x))  # noqa: E731
        sectors = tuple(sorted(x for x in (local(o, SEC) for o in g.objects(s, POL.sector)) if x in SECTORS))
        date = g.value(s, POL.date)
        desc = g.value(s, POL.description)
        events.append(Event(key=k, measure=m, actors=keys(POL.actor), targets=keys(POL.target),
                            sectors=sectors, date=str(date) if date else None,
                            label=str(g.value(s, RDFS.label) or ""), description=str(desc) if desc else None))
    return events, entities


@lru_cache(maxsize=4)
def base_candidates(base_dir: str | None):
    """The precedent base as (context, candidate profiles, names, ids), built once per process."""
    gaz = default_gazetteer_or_none()
    bg = base_batch(load_base(base_dir) if base_dir else default_base(), gazetteer=gaz)
    ctx = Context(bg.batch.entities, gaz)
    candidates = {p.key: p for p in profiles_of(bg.batch, ctx, bg.id_of, bg.target_kinds)}
    names = {e.key: e.label or e.key for e in bg.batch.events}
    return bg, ctx, candidates, names


def find(text: str | None = None, event: str | None = None, graph: str | Path | None = None,
         top: int = 5, config: LinkConfig | None = None, base_dir: str | Path | None = None,
         include_later: bool = True) -> Ranked:
    """Rank the precedent base (and the graph's events, if a graph is given) for a query."""
    if bool(text) == bool(event):
        raise ConfigError("give either a free-text description or --event IRI, not both or neither")
    if event and not graph:
        raise ConfigError("--event needs a graph: --store DIR or --data graph.ttl")
    config = config or LinkConfig.load()
    bg, ctx0, candidates0, names0 = base_candidates(str(base_dir) if base_dir else None)
    ctx = Context(ctx0.entities.values(), ctx0.gaz)
    candidates, names = dict(candidates0), dict(names0)
    if graph:
        g_events, g_entities = events_from_graph(graph)
        ctx.add(g_entities)
        for ev in g_events:
            if ev.key not in candidates:
                candidates[ev.key] = profile_of(ev, ctx)
            names.setdefault(ev.key, ev.label or ev.key)
    if event:
        from kg import ids
        key = ids.key_of(event) or event
        if key not in candidates:
            raise ConfigError(f"event {event} is not in {graph}")
        q = candidates[key]
        label = names.get(key, key)
    else:
        q = query_profile(text or "", ctx)  # text is given: the check above
        if q.year is None:  # an undated description is about now: everything dated is earlier
            q = replace(q, year=dt.date.today().year)
        label = text or ""
    tfidf = Tfidf(p.text for p in [*candidates.values(), q])
    ranked = rank(q, candidates.values(), tfidf, config)
    if not include_later:
        ranked = [c for c in ranked if c.basis == "precedent"]
    return Ranked(query=label, candidates=ranked[:top], names=names, base_ids=bg.id_of)
