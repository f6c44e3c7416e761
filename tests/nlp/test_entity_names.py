"""Name rules of the entity component: edges of law names, numbered laws, names joined by "and",
bodies named by shape, elided lists of ministries, outlets and law firms, platform products.
Every text here is written for the test."""
from __future__ import annotations

import pytest

from nlp_helpers import entities_by_name, run


# ---------------------------------------------------------------- laws (slow: parse needed)

@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("The governor signed into law on Friday Assembly Bill 31-077, which takes effect in 2027.",
     "Assembly Bill 31-077"),
    ("It replaced the March 2021 Executive Order 15002 on data brokers.", "Executive Order 15002"),
    ("Brussels relied on Council Regulation (EU) 2031/118 to widen the list.", "Council Regulation (EU) 2031/118"),
    ("Exporters must follow Regulation No.44/2029 of the trade ministry.", "Regulation No.44/2029"),
    ("The council then adopted Resolution 2817 unanimously.", "Resolution 2817"),
    ("The regulator published the Measures on Security Review for Outbound Model Transfer last week.",
     "Measures on Security Review for Outbound Model Transfer"),
    ("Lawmakers tabled the Protection of Critical Grids (Computer Systems) Bill in March.",
     "Protection of Critical Grids (Computer Systems) Bill"),
])
def test_entity_names_law_edges(tiny_nlp, text, name):
    ents = entities_by_name(run(tiny_nlp, text))
    assert name in ents and ents[name].type == "Legislation", sorted(ents)


@pytest.mark.slow
def test_entity_names_law_drops_sentence_openers(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "Similar to the Frontier Model Safety Act, the bill sorts systems by risk."))
    assert "Frontier Model Safety Act" in ents
    assert not [n for n in ents if n.startswith("Similar")]


@pytest.mark.slow
def test_entity_names_two_laws_joined_by_and(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "Kelvaria passed the Data Vault Law and Personal Records Protection Law."))
    assert ents["Data Vault Law"].type == "Legislation"
    assert ents["Personal Records Protection Law"].type == "Legislation"


@pytest.mark.slow
@pytest.mark.parametrize("text,bad", [
    ("The president signed an Executive Order on Friday.", "Executive Order"),
    ("Delegates met at the Nairobi International Convention Centre.", "Nairobi International Convention"),
    ("Annex I to Regulation (EU) 2031/555 lists the items.", "Annex I to Regulation (EU) 2031/555"),
])
def test_entity_names_not_laws(tiny_nlp, text, bad):
    ents = entities_by_name(run(tiny_nlp, text))
    assert bad not in ents


# ---------------------------------------------------------------- government bodies by shape

@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("The Ministry of Water and Coastal Affairs issued a licence on Monday.", "Ministry of Water and Coastal Affairs"),
    ("Officials from the Federal Ministry of Culture and Sport attended.", "Federal Ministry of Culture and Sport"),
    ("The Ministry of Trade of China answered the Dutch Water Safety Authority.", "Ministry of Trade of China"),
    ("The Dutch Water Safety Authority fined the operator.", "Dutch Water Safety Authority"),
    ("The Chinese Radio Spectrum Commission said so on Friday.", "Chinese Radio Spectrum Commission"),
])
def test_entity_names_bodies_by_shape(tiny_nlp, text, name):
    ents = entities_by_name(run(tiny_nlp, text))
    assert name in ents and ents[name].type == "GovernmentBody", sorted(ents)


@pytest.mark.slow
def test_entity_names_body_ending_in_a_country_names_it(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "The Ministry of Trade of China answered."))
    assert ents["China"].type == "Country"


@pytest.mark.slow
@pytest.mark.parametrize("text,bad", [
    ("The Ministry of Water and Coastal Affairs met on Friday.", "Ministry of Water and Coastal Affairs met on Friday"),
    ("The Ministry of Trade and Qorvane signed a deal.", "Ministry of Trade and Qorvane"),
    ("Dutch Internet Service Providers objected.", "Dutch Internet Service"),
])
def test_entity_names_body_edges(tiny_nlp, text, bad):
    ents = entities_by_name(run(tiny_nlp, text))
    assert bad not in ents and not [n for n in ents if n.endswith("on Friday")]


@pytest.mark.slow
def test_entity_names_elided_list_of_ministries(tiny_nlp):
    doc = run(tiny_nlp, "The group includes the ministries of Water and Coastal Affairs, Education, and Finance, "
                        "as well as the central bank.")
    ents = entities_by_name(doc)
    for name in ("Ministry of Water and Coastal Affairs", "Ministry of Education", "Ministry of Finance"):
        assert ents[name].type == "GovernmentBody", sorted(ents)


# ---------------------------------------------------------------- outlets, short forms, platforms

@pytest.mark.slow
@pytest.mark.parametrize("text,bad", [
    ("Qorvane was fined, Harbor Wireless News reported.", "Harbor Wireless News"),
    ("The alert was written by Gray Stone LLP for its clients.", "Gray Stone LLP"),
])
def test_entity_names_outlets_and_law_firms_are_not_companies(tiny_nlp, text, bad):
    assert bad not in entities_by_name(run(tiny_nlp, text))


@pytest.mark.slow
def test_entity_names_acronym_takes_the_type_of_its_body(tiny_nlp):
    doc = run(tiny_nlp, "The Kelvarian Spectrum Authority (KSA) blocked the app. "
                        "KSA said the block would stay. KSA later lifted it.")
    types = {e.type for e in doc._.kg_entities.values() if "KSA" in (e.name, *e.aliases)}
    assert types == {"GovernmentBody"}


@pytest.mark.slow
def test_entity_names_portfolio_word_is_the_body(tiny_nlp):
    doc = run(tiny_nlp, "The U.S. Commerce Department acted. Commerce said more firms would follow.")
    ents = entities_by_name(doc)
    assert "Commerce" not in ents
    assert "Commerce" in ents["Department of Commerce"].aliases


@pytest.mark.slow
def test_entity_names_platform_is_a_product_of_its_owner(nlp):
    doc = run(nlp, "Facebook owner Meta was fined over transfers of data from Facebook and Instagram.")
    ents = entities_by_name(doc)
    assert ents["Meta"].type == "Company"
    assert ents["Facebook"].type == "Technology" and ents["Instagram"].type == "Technology"


@pytest.mark.slow
@pytest.mark.parametrize("text,bad", [
    ("Lena Varga, the Minister of Economic Affairs, signed the order.", "Economic Affairs"),
    ("The Secretary of International Trade welcomed the deal.", "International Trade"),
    ("Attackers used MITM techniques against the LAN and stole IP.", "MITM"),
])
def test_entity_names_portfolios_and_common_acronyms_are_not_organisations(tiny_nlp, text, bad):
    ents = entities_by_name(run(tiny_nlp, text))
    assert not [n for n in ents if bad in n and ents[n].type == "Company"], sorted(ents)


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("Providers that fall under 42 USC § 2210b must report by March.", "42 USC § 2210b"),
    ("The rule amends 31 C.F.R. § 589.201 to cover the new vessels.", "31 C.F.R. § 589.201"),
    ("Exports of the reactors need approval under 10 CFR Part 810.", "10 CFR Part 810"),
])
def test_code_citation_is_legislation(nlp, text, name):
    ents = entities_by_name(run(nlp, text))
    assert ents[name].type == "Legislation", ents
