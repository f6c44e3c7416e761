"""Sector cues: lower-cased words or phrases (matched on token text and lemma) -> sector.

Data: ``kg/nlp/rules/sectors.yaml``, validated on load (every sector must be one of the ontology's).
"""
from __future__ import annotations

from kg.models import SECTORS
from kg.nlp import rules

SECTOR_CUES: dict[str, tuple[str, ...]]
#: sector cues that only count next to a word saying what field is meant ("research" in
#: "AI researchers" is the AI sector, not Research)
WEAK: set[str]
#: nouns saying what field a weak cue means ("the oil sector", "financial institutions")
FIELDS: set[str]
SECTOR_CUES, WEAK, FIELDS = rules.sector_cues(SECTORS)
