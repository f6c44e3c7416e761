"""Deterministic identifiers. IRIs are minted here and nowhere else.

* entity key: ``wd/<QID>`` when the Wikidata id is known, else ``<type-slug>/<name-slug>``
* event key: ``event/<hash>`` over (measure, actors, targets, sectors, date) — its content
* dispatch key: ``dispatch/<content hash>``

``iri(key)`` prefixes the resource namespace (:data:`kg.vocab.RES`). Slugs are ASCII,
lower-case and percent-safe, so every minted IRI is valid whatever the text contained.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.vocab import RES

_TYPE_SLUG = {
    "Country": "country", "Bloc": "bloc", "GovernmentBody": "gov", "Company": "company",
    "ResearchOrganization": "research", "Person": "person", "Group": "group",
    "Technology": "tech", "Legislation": "law", "LegalCase": "case",
}
_QID = re.compile(r"^Q[1-9][0-9]*$")


def slug(text: str, max_len: int = 80) -> str:
    """ASCII slug: 'Bureau of Industry & Security' -> 'bureau-of-industry-and-security'."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = s.replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if not s:  # names in scripts with no ASCII transliteration still get a stable id
        s = "x" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    if len(s) > max_len:
        s = s[:max_len].rstrip("-") + "-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return s


def is_qid(value: str | None) -> bool:
    return bool(value and _QID.match(value))


def entity_key(type_: str, name: str, wikidata: str | None = None) -> str:
    if wikidata and is_qid(wikidata):
        return f"wd/{wikidata}"
    return f"{_TYPE_SLUG[type_]}/{slug(name)}"


def content_hash(*parts: object, length: int = 16) -> str:
    h = hashlib.sha256()
    for p in parts:
        if isinstance(p, (list, tuple, set, frozenset)):
            p = "|".join(sorted(str(x) for x in p))
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def event_key(measure: str, actors, targets, sectors, date: str | None = None, extra: str = "") -> str:
    return "event/" + content_hash(measure, actors, targets, sectors, date or "", extra)


def dispatch_key(dispatch_id: str) -> str:
    return f"dispatch/{dispatch_id}"


def analyst_key(who: str) -> str:
    """The key of an analyst (a prov:Agent) who took correction decisions."""
    return f"analyst/{slug(who)}"


def iri(key: str) -> URIRef:
    """The IRI of a record key (entity, event or dispatch)."""
    return URIRef(str(RES) + key)


def key_of(node: str) -> str | None:
    """Inverse of :func:`iri` for IRIs in the resource namespace."""
    s = str(node)
    return s[len(str(RES)):] if s.startswith(str(RES)) else None
