"""Measure families: the small taxonomy above the kinds of measure, used to find parallels.

``FAMILY_OF`` is generated from ``ontology/policy.ttl`` (``msr:X pol:family fam:Y``) by
``python -m kg.codegen``; ``tests/precedents/test_taxonomy.py`` proves the two agree.
"""
from __future__ import annotations

from kg.models import MEASURES

#: msr: concept -> fam: concept (local names)
# BEGIN GENERATED taxonomy.FAMILY_OF (python -m kg.codegen; edit ontology/policy.ttl)
FAMILY_OF: dict[str, str] = {
    "ExportControl": "FlowOfGoodsAndTechnology",
    "ImportRestriction": "FlowOfGoodsAndTechnology",
    "InvestmentRestriction": "Capital",
    "Sanction": "Capital",
    "EntityListing": "FlowOfGoodsAndTechnology",
    "TravelRestriction": "MobilityOfPeople",
    "VisaRestriction": "MobilityOfPeople",
    "Ban": "FlowOfGoodsAndTechnology",
    "Regulation": "Rulemaking",
    "Legislation": "Rulemaking",
    "Subsidy": "Support",
    "TalentProgram": "MobilityOfPeople",
    "Review": "Scrutiny",
    "Investigation": "Scrutiny",
    "LegalAction": "LegalProcess",
    "DataRestriction": "Information",
    "Agreement": "Cooperation",
    "Other": "OtherFamily",
}
# END GENERATED
assert set(FAMILY_OF) == set(MEASURES), "every measure kind needs a family"

#: readable names for explanations
FAMILY_LABEL: dict[str, str] = {
    "MobilityOfPeople": "mobility of people",
    "FlowOfGoodsAndTechnology": "flow of goods and technology",
    "Capital": "capital",
    "Information": "information",
    "LegalProcess": "legal process",
    "Rulemaking": "rulemaking",
    "Support": "support",
    "Cooperation": "cooperation",
    "Scrutiny": "scrutiny",
    "OtherFamily": "other measures",
}

TARGET_KINDS: tuple[str, ...] = ("people", "firms", "technology", "data", "capital", "goods")

#: entity type of a target -> kind of target
_KIND_OF_TYPE = {
    "Person": "people", "Group": "people", "Company": "firms", "ResearchOrganization": "firms",
    "Technology": "technology",
}
#: a measure's default kind of target when its targets say nothing
_KIND_OF_MEASURE = {
    "TravelRestriction": "people", "VisaRestriction": "people", "TalentProgram": "people",
    "ExportControl": "technology", "ImportRestriction": "goods", "EntityListing": "firms",
    "InvestmentRestriction": "capital", "DataRestriction": "data",
}


def family(measure: str) -> str:
    return FAMILY_OF.get(measure, "OtherFamily")


def target_kind(measure: str, target_types: list[str] | tuple[str, ...] = ()) -> str | None:
    """The kind of target of an event: from its measure where that decides, else its targets' types."""
    if measure in ("TravelRestriction", "VisaRestriction", "TalentProgram", "InvestmentRestriction",
                   "DataRestriction"):
        return _KIND_OF_MEASURE[measure]
    kinds = [_KIND_OF_TYPE[t] for t in target_types if t in _KIND_OF_TYPE]
    if kinds:
        return max(set(kinds), key=lambda k: (kinds.count(k), k))
    return _KIND_OF_MEASURE.get(measure)
