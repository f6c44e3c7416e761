"""The one Python table of measure families agrees with the ontology's pol:family statements."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.models import MEASURES
from kg.precedents.taxonomy import FAMILY_OF, family, target_kind
from kg.vocab import FAM, MSR, POL

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "policy.ttl"


def test_taxonomy_agrees_with_ontology():
    g = Graph().parse(ONTOLOGY)
    in_ttl = {str(m)[len(str(MSR._NS)):]: str(f)[len(str(FAM._NS)):]
              for m, f in g.subject_objects(POL.family)}
    assert in_ttl == FAMILY_OF


def test_taxonomy_covers_every_measure_and_kinds():
    assert set(FAMILY_OF) == set(MEASURES)
    assert family("VisaRestriction") == family("TravelRestriction")
    assert target_kind("ExportControl", ["Company", "Company", "Technology"]) == "firms"
    assert target_kind("TravelRestriction", ["Company"]) == "people"
