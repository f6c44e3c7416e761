"""Document-level conventions of the annotation guide applied to the relations found (GUIDE.md, Relations).

* An official placed in a government body (``leads`` or ``worksFor`` it) is not also ``worksFor``
  the state the body belongs to: "Commerce Secretary X" leads the Department of Commerce, and the
  body is the employer the guide wants ("an official titled by country only" works for the country).
  The state is kept when the body belongs to another state or bloc ("the Romanian minister who chairs
  the Council of the EU" works for Romania).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

Key = tuple[str, str, str]


def redundant_state_employers(found: dict[Key, Any], ents: dict) -> list[Key]:
    """The ``worksFor`` relations of a person to a country that a body relation of the person makes
    redundant: the person leads or works for a government body that is partOf that country, or
    that the document places nowhere."""
    parents: dict[str, set[str]] = defaultdict(set)
    bodies: dict[str, set[str]] = defaultdict(set)
    for s, p, o in found:
        if p == "partOf":
            parents[s].add(o)
        elif p in ("leads", "worksFor") and o in ents and ents[o].type == "GovernmentBody":
            bodies[s].add(o)
    return [k for k in found if k[1] == "worksFor" and k[2] in ents and ents[k[2]].type == "Country"
            and any(not parents[b] or k[2] in parents[b] for b in bodies.get(k[0], ()))]


def home_country(spans: list) -> str | None:
    """The document's own country when no country is named strictly most often: the one mentioned most
    often counting demonyms ("the Dutch parliament"), ties broken by the earliest mention (the headline
    and lead name the state that acts)."""
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    for sp in spans:
        if sp.label_ == "Country":
            counts[sp.id_] += 1
            first.setdefault(sp.id_, sp.start)
    if not counts:
        return None
    return min(counts, key=lambda k: (-counts[k], first[k]))
