"""Matcher patterns of the name rules: legal cases, legislation, technologies, "<country>'s <x> ministry",
"startup <Name>"."""
from __future__ import annotations

from kg.nlp.entities.words import (
    COMPANY_CONTEXT,
    GOV_HEADS,
    GOV_NAME_HEADS,
    LAW_HEADS,
    LEADING_LAW_HEADS,
    NUMBERED_LAW_HEADS,
    TECH_HEADS,
)


#: the number of a numbered law: "14110", "No.17/2020", "2,338/2023", "C-26" (a chamber letter first)
NUMBER_RE = r"^(?:No\.?|n°)?(?:\d|[A-Z]-\d)[\w\-/\.]*(?:,\d{3}[\w\-/\.]*)?$"


def rule_patterns() -> dict[str, list]:
    cap = {"TEXT": {"REGEX": r"^[A-Z][\w\-\.&]*$"}}
    capw = {"TEXT": {"REGEX": r"^([A-Z0-9][\w\-\.&]*|of|and|on|for|the|in|to|&|-)$"}}
    poss = {"LOWER": {"IN": ["'s", "’s", "'", "’"]}}
    return {
        "rule:legal-case": [
            [cap, {"TEXT": {"REGEX": r"^[A-Z][\w\-\.]*$"}, "OP": "*"}, {"LOWER": "case"}],
            [cap, {"TEXT": {"REGEX": r"^[A-Z][\w\-\.&]*$"}, "OP": "*"},
             {"LOWER": {"IN": ["v.", "v", "vs.", "versus"]}}, cap,
             {"TEXT": {"REGEX": r"^[A-Z][\w\-\.&]*$"}, "OP": "*"}],
        ],
        "rule:legislation": [
            [cap, capw, {"OP": "*", **capw}, {"TEXT": {"IN": sorted(LAW_HEADS)}}],
            [cap, {"TEXT": {"IN": sorted(LAW_HEADS)}}],
            # "Personal Data (Privacy) Ordinance", "Protection of Critical Infrastructure (Computer System) Bill"
            [cap, {"OP": "*", **capw}, {"TEXT": "("}, cap, {"OP": "*", **capw}, {"TEXT": ")"},
             {"TEXT": {"IN": sorted(LAW_HEADS)}}],
            [{"TEXT": "Executive"}, {"TEXT": "Order"}, {"LIKE_NUM": True}],
            # "Bill No. 4421-7", "Bill C-31" (a chamber letter), "Bill 1,204/2024"
            # ("n°" is split by the tokenizer into "n" + "°": "Decision n° 001/ABC/2025")
            [{"TEXT": {"IN": sorted(NUMBERED_LAW_HEADS)}}, {"LOWER": {"IN": ["no.", "no", "n°", "n"]}, "OP": "?"},
             {"TEXT": {"IN": [".", "°"]}, "OP": "?"}, {"TEXT": {"REGEX": NUMBER_RE}}],
            [{"TEXT": {"IN": ["Section", "Article"]}}, {"LIKE_NUM": True}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"},
             cap, {"OP": "*", **capw}, {"TEXT": {"IN": sorted(LAW_HEADS)}}],
        ],
        # a code citation: "50 USC § 1881a", "15 C.F.R. § 744.11", "10 CFR Part 810"
        "rule:legislation-code": [
            [{"LIKE_NUM": True}, {"TEXT": {"IN": ["USC", "U.S.C.", "CFR", "C.F.R."]}},
             {"TEXT": {"IN": ["§", "§§", "Part", "Sec.", "Section"]}, "OP": "?"},
             {"TEXT": {"REGEX": r"^\d[\w\.\-]*$"}}],
        ],
        "rule:legislation-lead": [
            [{"TEXT": {"IN": sorted(LEADING_LAW_HEADS)}}, {"LOWER": {"IN": ["on", "for", "of", "concerning"]}},
             {"LOWER": "the", "OP": "?"}, cap],
        ],
        "rule:technology": [
            [{"TEXT": {"REGEX": r"^([A-Z][A-Za-z]*\d[\w\-]*|[A-Z]{2,}\d*|\d+[A-Za-z]+\d*)$"}, "OP": "+"},
             {"LOWER": {"IN": sorted(TECH_HEADS)}}],
            [{"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}, "POS": "PROPN"},
             {"LOWER": {"IN": ["chips", "gpus", "processors", "accelerators"]}}],
        ],
        "rule:gov-possessive": [
            [{"ENT_TYPE": {"IN": ["GPE", "NORP"]}, "OP": "+"}, {"TAG": "POS", "OP": "?"},
             {"IS_LOWER": True, "POS": {"IN": ["NOUN", "ADJ", "PROPN"]}, "OP": "+"},
             {"LOWER": {"IN": sorted(GOV_HEADS)}}],
            # the owner need not be tagged by the statistical NER (it misses "China" after a blank line):
            # a capitalised name before a possessive, checked against the gazetteer (sources.py)
            [{"IS_TITLE": True, "OP": "+"}, poss, {"IS_LOWER": True, "POS": {"IN": ["NOUN", "ADJ", "PROPN"]},
                                                   "OP": "+"}, {"LOWER": {"IN": sorted(GOV_HEADS)}}],
            # a state has one parliament: "Pakistan's parliament" (bodies.described_is_named may join it
            # to the one legislature the text names)
            [{"IS_TITLE": True, "OP": "+"}, poss, {"TEXT": {"IN": ["parliament", "legislature"]}}],
        ],
        # "the industry ministry", "the country's foreign ministry": a ministry described by its portfolio
        # alone (sources.py keeps it only when every modifier may name a portfolio)
        "rule:gov-described": [
            [{"LOWER": "the"}, {"LOWER": "country", "OP": "?"}, {"LOWER": {"IN": ["'s", "’s"]}, "OP": "?"},
             {"IS_LOWER": True, "IS_ALPHA": True, "POS": {"IN": ["NOUN", "ADJ", "PROPN"]}, "OP": "+"},
             {"TEXT": "ministry"}],
        ],
        "rule:gov-name-first": [
            [{"TEXT": {"IN": sorted(GOV_NAME_HEADS)}}, {"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"},
             cap],
        ],
        "rule:gov-name-last": [
            [cap, {"TEXT": {"REGEX": r"^[A-Z][\w\-\.&]*$"}, "OP": "*"}, {"TEXT": {"IN": sorted(GOV_NAME_HEADS)}}],
        ],
        # "National Cyber and Information Security Agency (NUKIB)": a name defined with its acronym
        "rule:gov-name-acronym": [
            [cap, {"OP": "*", **capw}, {"TEXT": {"IN": sorted(GOV_NAME_HEADS)}}, {"TEXT": "("},
             {"TEXT": {"REGEX": r"^[A-Z][A-Za-z&\.\-]{1,11}$"}}, {"TEXT": ")"}],
        ],
        "rule:company-cue": [
            [{"LOWER": {"IN": sorted(COMPANY_CONTEXT)}}, {"POS": "PROPN", "TEXT": {"REGEX": r"^[A-Z]"}, "OP": "+"}],
        ],
    }

