"""Recording decisions from the command line: check the subject, describe it, append the line.

The subject must be in the graph the analyst looked at (a typo is refused, not recorded); its
description is taken from that graph, so the line stays readable when the key no longer
resolves.
"""
from __future__ import annotations

import datetime as dt
import getpass
import os
from pathlib import Path

from kg.corrections.io import append_decisions
from kg.corrections.keys import ROLE_FIELDS, parse_key
from kg.corrections.model import Decision
from kg.corrections.review import describe_event, describe_relation
from kg.errors import ConfigError
from kg.models import GraphBatch


def analyst(who: str | None = None) -> str:
    """The analyst's name: ``who``, else KG_ANALYST, else the login name."""
    name = who or os.environ.get("KG_ANALYST")
    if not name:
        try:
            name = getpass.getuser()
        except (OSError, KeyError):
            name = "analyst"
    return name


def describe(key: str, *batches: GraphBatch) -> str:
    """The subject in words, from the first batch that has it; ConfigError when none has."""
    k = parse_key(key)
    for b in batches:
        if k.kind == "dispatch":
            for d in b.dispatches:
                if f"dispatch/{d.id}" == k.text:
                    return f"dispatch {d.title or d.source or d.id}"
            continue
        names = {e.key: e.name for e in b.entities}
        if k.kind == "entity" and k.text in names:
            e = next(e for e in b.entities if e.key == k.text)
            return f"{e.name} ({e.type})"
        events = {e.key: e for e in b.events}
        if k.kind == "event" and k.text in events:
            return describe_event(events[k.text], names)
        if k.kind == "role" and k.parts[0] in events:
            ev = events[k.parts[0]]
            _e, role, value = k.parts
            current = getattr(ev, ROLE_FIELDS[role])
            if role in ("target", "affects", "precedent") and value not in names and value not in events:
                continue
            verb = "is" if (value in current if isinstance(current, tuple) else current == value) else "is not (yet)"
            return f"{role} {names.get(value, value)} of {describe_event(ev, names)} ({verb} in the graph)"
        if k.kind == "relation":
            for r in b.relations:
                if (r.subject, r.predicate, r.object) == k.parts:
                    return describe_relation(r, names)
        if k.kind == "analogy":
            for an in b.analogies:
                if tuple(sorted((an.a, an.b))) == (k.parts[0], k.parts[2]):
                    return f"{describe_event(events[an.a], names) if an.a in events else an.a} ~ " \
                           f"{describe_event(events[an.b], names) if an.b in events else an.b}"
    raise ConfigError(f"{key}: not in the graph (see `kg review` or `kg explain` for keys)")


def record(path: str | Path, action: str, key: str, batches: list[GraphBatch], why: str | None,
           who: str | None = None, **extra) -> tuple[Decision, bool]:
    """Append one decision to ``path``; returns it and whether it was new (not already the last word)."""
    try:
        subject = parse_key(key).text
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    text = describe(subject, *batches)
    if extra.get("into"):
        text += (" is not " if action == "split" else " is ") + describe(extra["into"], *batches)
    try:
        d = Decision(action=action, subject=subject, describe=text, who=analyst(who),
                     when=dt.datetime.now(dt.timezone.utc).replace(microsecond=0), why=why or "", **extra)
    except ValueError as exc:
        raise ConfigError(" ".join(str(exc).split())) from None
    return d, bool(append_decisions(path, [d]))
