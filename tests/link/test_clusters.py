"""Within-document canonicalisation (kg.link.clusters): pure functions, no spaCy."""
from __future__ import annotations

import pytest

from kg.link.clusters import Mention, acronym_definitions, clean, initials, norm, resolve


def m(surface, start, typ="Company", **kw):
    return Mention(surface=surface, start=start, end=start + len(surface), type=typ, rule="test",
                   confidence=kw.pop("confidence", 0.6), **kw)


@pytest.mark.parametrize("surface,expected", [
    ("the U.S.", "U.S."), ("China's", "China"), ("Alibaba’s", "Alibaba"), ("  Foo   Bar ", "Foo Bar"),
])
def test_resolve_clean(surface, expected):
    assert clean(surface) == expected


def test_resolve_norm_ignores_case_dots_and_possessives():
    assert norm("the U.S.'s") == norm("US") == "us"


def test_resolve_initials_skip_function_words():
    assert initials("Bureau of Industry and Security") == "BIS"


def test_resolve_acronym_definition_in_text():
    text = "The Bureau of Industry and Security (BIS) acted. Officials at the Cyberspace Administration of China (CAC) too."
    assert acronym_definitions(text) == {"BIS": "Bureau of Industry and Security",
                                         "CAC": "Cyberspace Administration of China"}


def test_resolve_acronym_joins_its_expansion():
    text = "The Office of Frontier Review (OFR) said. Later the OFR added."
    ms = [m("Office of Frontier Review", 4, "GovernmentBody"), m("OFR", 31, "GovernmentBody"),
          m("OFR", text.rindex("OFR"), "GovernmentBody")]
    [c] = resolve(ms, text)
    assert c.name == "Office of Frontier Review" and c.aliases == ("OFR",)


def test_resolve_acronym_by_initials_without_definition():
    [c] = resolve([m("Office of Frontier Review", 0, "GovernmentBody"), m("OFR", 40, "GovernmentBody")], "")
    assert c.name == "Office of Frontier Review"


def test_resolve_corporate_suffix_variants_are_one_company():
    [c] = resolve([m("Zentrix Group", 0), m("Zentrix", 30)], "")
    assert c.name == "Zentrix Group" and "Zentrix" in c.aliases


def test_resolve_short_person_name_joins_full_name():
    [c] = resolve([m("Lin Meifang", 0, "Person"), m("Lin", 40, "Person")], "")
    assert c.name == "Lin Meifang" and c.type == "Person" and len(c.mentions) == 2


def test_resolve_ambiguous_short_name_stays_apart():
    cs = resolve([m("Lin Meifang", 0, "Person"), m("Lin Tao", 20, "Person"), m("Lin", 40, "Person")], "")
    assert len(cs) == 3


def test_resolve_case_variants_and_possessives_merge():
    [c] = resolve([m("Zentrix", 0), m("ZENTRIX", 20), m("Zentrix's", 40)], "")
    assert len(c.mentions) == 3


def test_resolve_gazetteer_name_wins_and_key_is_kept():
    [c] = resolve([m("PRC", 0, "Country", key="wd/Q148", name="China", wikidata="Q148"),
                   m("China", 10, "Country", key="wd/Q148", name="China", wikidata="Q148")], "")
    assert (c.key, c.name, c.aliases, c.wikidata) == ("wd/Q148", "China", ("PRC",), "Q148")


def test_resolve_type_by_confidence_vote():
    [c] = resolve([m("Zentrix", 0, "Company", confidence=0.6), m("Zentrix", 20, "Company", confidence=0.6),
                   m("Zentrix", 40, "Technology", confidence=0.5)], "")
    assert c.type == "Company" and c.key == "company/zentrix"


def test_resolve_attach_only_mention_joins_unique_group_or_is_dropped():
    [c] = resolve([m("top AI researchers", 0, "Group", name="AI researchers"),
                   m("researchers", 40, "Group", attach_only=True)], "")
    assert c.name == "AI researchers" and "researchers" in c.aliases
    assert resolve([m("researchers", 40, "Group", attach_only=True)], "") == []


def test_resolve_is_deterministic():
    ms = lambda: [m("Zentrix", 0), m("Office of Frontier Review", 10, "GovernmentBody"), m("OFR", 50, "GovernmentBody")]
    a, b = resolve(ms(), ""), resolve(list(reversed(ms())), "")
    assert [(c.key, c.name, c.aliases) for c in a] == [(c.key, c.name, c.aliases) for c in b]


def test_resolve_multiword_short_form_joins_the_longer_name():
    [c] = resolve([m("Chinese Communist Party", 0, "GovernmentBody", key="gov/ccp", name="Chinese Communist Party"),
                   m("Communist Party", 40, "GovernmentBody")], "")
    assert c.key == "gov/ccp" and "Communist Party" in c.aliases


def _names(clusters):
    return sorted((c.type, c.name) for c in clusters)


def test_resolve_company_first_words_join_the_one_longer_name():
    cs = resolve([m("Velmora Systems", 0), m("Velmora", 40)])
    assert _names(cs) == [("Company", "Velmora Systems")]
    cs = resolve([m("Velmora Systems", 0), m("Velmora Labs", 20), m("Velmora", 40)])
    assert len(cs) == 3  # two longer names fit: left apart


def test_resolve_bare_body_head_joins_the_one_body_it_heads_or_ends():
    cs = resolve([m("Andean Trade Commission", 0, "GovernmentBody"), m("Commission", 40, "GovernmentBody")])
    assert _names(cs) == [("GovernmentBody", "Andean Trade Commission")]
    cs = resolve([m("Department of Ports", 0, "GovernmentBody"), m("Department of Mines", 30, "GovernmentBody"),
                  m("Department", 60, "GovernmentBody")])
    assert len(cs) == 3


def test_resolve_person_without_title_or_accents_joins_the_full_name():
    cs = resolve([m("Ana María Núñez Ortega", 0, "Person"), m("Ms Ortega", 40, "Person"),
                  m("Nunez Ortega", 60, "Person")])
    assert _names(cs) == [("Person", "Ana María Núñez Ortega")]


def test_resolve_acronym_takes_the_type_of_its_expansion():
    text = "The Frontier Research Approval Scheme (FRAS) starts in May. FRAS covers physics. FRAS is new."
    ms = [m("Frontier Research Approval Scheme", 4, "Legislation"), m("FRAS", 39), m("FRAS", 60), m("FRAS", 79)]
    for x in ms:
        x.rule = "ner:ORG"
    assert _names(resolve(ms, text)) == [("Legislation", "Frontier Research Approval Scheme")]
