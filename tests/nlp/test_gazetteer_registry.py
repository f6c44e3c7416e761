"""kg.nlp.gazetteer_registry: any object with the GazetteerLike members serves the pipeline."""
from __future__ import annotations

import spacy

from kg.link.gazetteer import GazEntry, Gazetteer, GazetteerLike
from kg.nlp.gazetteer_registry import EmptyGazetteer, get_gazetteer, register_gazetteer

TEXT = ("China's Ministry of Commerce said on Monday that Qorvane would stop selling Z9 chips to Dutch firms. "
        "Beijing also summoned Velmora executives, the Commerce Department said.")


class OnlyTheProtocol:
    """A gazetteer with the members of GazetteerLike and nothing else (no entries, no of_type)."""

    def __init__(self, gaz: Gazetteer):
        self._g = gaz

    def lookup(self, surface: str) -> GazEntry | None:
        return self._g.lookup(surface)

    def by_name(self, canonical: str) -> GazEntry | None:
        return self._g.by_name(canonical)

    def by_key(self, key: str) -> GazEntry | None:
        return self._g.by_key(key)

    def demonym(self, word: str) -> GazEntry | None:
        return self._g.demonym(word)

    def capital(self, word: str) -> GazEntry | None:
        return self._g.capital(word)

    def ruler_patterns(self) -> list[dict]:
        return self._g.ruler_patterns()

    def relations(self) -> list[tuple[str, str, str]]:
        return self._g.relations()


def _records(nlp):
    doc = nlp(TEXT)
    return doc._.kg_entities, doc._.kg_relations, doc._.kg_events


def test_gazetteer_registry_protocol_members_are_all_the_pipeline_needs(tiny_gazetteer, blank_nlp):
    from kg.nlp.pipeline import build_pipeline

    only: GazetteerLike = OnlyTheProtocol(tiny_gazetteer)
    register_gazetteer("tiny-protocol-only", only)
    assert get_gazetteer("tiny-protocol-only") is only
    nlp = build_pipeline(nlp=spacy.blank("en"), gazetteer="tiny-protocol-only", rules_only=True)
    ents, rels, events = _records(nlp)
    assert ents and any(e.wikidata == "Q148" for e in ents.values())  # the gazetteer was used
    assert (ents, rels, events) == _records(blank_nlp)


def test_gazetteer_registry_empty_gazetteer_misses_everything():
    empty: GazetteerLike = EmptyGazetteer()
    assert get_gazetteer("none").lookup("China") is None
    assert [empty.lookup("China"), empty.by_name("China"), empty.by_key("country/china"),
            empty.demonym("Chinese"), empty.capital("Beijing")] == [None] * 5
    assert empty.ruler_patterns() == [] and empty.relations() == []
    nlp = spacy.blank("en")
    from kg.nlp.pipeline import build_pipeline

    doc = build_pipeline(nlp=nlp, gazetteer="none", rules_only=True)(TEXT)
    assert not any(e.wikidata for e in (doc._.kg_entities or {}).values())
