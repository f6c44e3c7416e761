"""Helpers for the NLP tests (imported by name: the tests folder has no packages)."""
from __future__ import annotations

import hashlib

from kg.models import Dispatch


def make_dispatch(text: str) -> Dispatch:
    return Dispatch(id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text)


def run(nlp, text: str):
    """Process ``text`` with ``nlp`` the way the Extractor does (dispatch id set)."""
    doc = nlp.make_doc(text)
    doc._.kg_dispatch_id = make_dispatch(text).id
    return nlp(doc)


def entities_by_name(doc) -> dict:
    return {e.name: e for e in doc._.kg_entities.values()}


def relation_names(doc) -> set[tuple[str, str, str]]:
    ents = doc._.kg_entities
    return {(ents[r.subject].name, r.predicate, ents[r.object].name) for r in doc._.kg_relations}
