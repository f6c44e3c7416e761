"""NER names typed by their head and neighbours: parties and associations are groups, a role noun before a
name makes a person, a body name that modifies a noun names no body; a country inside "New <X>" is another place."""
from __future__ import annotations

from nlp_helpers import entities_by_name, run


def test_party_and_association_are_groups(nlp):
    doc = run(nlp, "The Velmoran Democratic Party of Renewal and the Association of Licensed Drone Operators "
                   "of Velmora opposed the rule on Monday.")
    types = {n: e.type for n, e in entities_by_name(doc).items()}
    assert types.get("Velmoran Democratic Party of Renewal") == "Group"
    assert types.get("Association of Licensed Drone Operators") == "Group"


def test_communist_party_stays_a_body(nlp):
    doc = run(nlp, "The Communist Party of Velmora approved the plan on Monday.")
    assert all(e.type != "Group" for e in entities_by_name(doc).values())


def test_cabinet_as_a_modifier_names_no_body(nlp):
    doc = run(nlp, "Ministers discussed the budget at the weekly Cabinet session, and two Cabinet members resigned.")
    assert "Cabinet" not in entities_by_name(doc)


def test_role_noun_before_a_name_makes_a_person(nlp):
    doc = run(nlp, "Prosecutors accused Qorvane Robotics Lab scientist Anika Torvaldsen of leaking designs.")
    assert entities_by_name(doc)["Anika Torvaldsen"].type == "Person"


def test_country_inside_new_x_is_another_place(nlp):
    doc = run(nlp, "The startup moved its laboratory to New Mexico last year.")
    assert "Mexico" not in entities_by_name(doc)
    doc = run(nlp, "The startup moved its laboratory to Mexico last year.")
    assert "Mexico" in entities_by_name(doc)


def test_person_written_as_a_named_company_is_that_company(nlp):
    doc = run(nlp, "The fund Brannock Harwell Capital LTD (Brannock Harwell) bid for the plant. "
                   "Brannock Harwell said on Friday that talks would go on.")
    ents = entities_by_name(doc)
    assert all(e.type != "Person" for e in ents.values())


def test_places_headings_tickers_and_currencies_are_no_companies(nlp):
    doc = run(nlp, "Velmora said it would recall its envoy to Vilnius. The firm pays a fee of one million NOK "
                   "per day. Qorvane and Velmix (OTCPK:VLMXF) were named.\nPolitics & Policy\n\n"
                   "Shares of the Nasdaq-listed maker fell.")
    ents = entities_by_name(doc)
    for name in ("Vilnius", "NOK", "VLMXF", "Politics & Policy", "Nasdaq"):
        assert name not in ents


def test_capitalised_company_name_written_in_lower_case_is_a_phrase(nlp):
    doc = run(nlp, "Exports of applied materials and microchip technology to Velmora fell.")
    ents = entities_by_name(doc)
    assert "Applied Materials" not in ents and "Microchip Technology" not in ents


def test_plural_head_before_two_known_bodies(nlp):
    doc = run(nlp, "On Monday the Departments of Commerce and State issued interim rules.")
    ents = entities_by_name(doc)
    assert "Department of Commerce" in ents and "Department of State" in ents


def test_person_named_like_a_company_with_a_title_is_the_person(nlp):
    doc = run(nlp, "Eugene Kaspersky, chief executive of the antivirus maker, denied the claims.")
    assert entities_by_name(doc)["Eugene Kaspersky"].type == "Person"


def test_name_described_as_a_state_body_is_one_at_every_mention(nlp):
    doc = run(nlp, "The data protection authority, Velmtilsynet, said it would fine the firm. "
                   "Velmtilsynet said the fine would start in May.")
    assert entities_by_name(doc)["Velmtilsynet"].type == "GovernmentBody"


def test_a_states_government_is_the_state(nlp):
    doc = run(nlp, "The Velmoran minister met reporters. The UK Government blocked the purchase, and the sale "
                   "was opposed by the Kremlin.")
    ents = entities_by_name(doc)
    assert all(e.type != "GovernmentBody" for e in ents.values())
    assert ents["United Kingdom"].type == ents["Russia"].type == "Country"


def test_short_form_in_brackets_after_a_law_follows_it():
    import spacy

    from kg.link.clusters import Mention
    from kg.nlp.entities.component import short_forms_follow

    text = "They broke the Velmoran Records Act (VRA) in May. Firms ignored VRA."
    doc = spacy.blank("en").make_doc(text)
    law_at, short_at = text.index("Velmoran"), text.rindex("VRA")
    law = Mention("Velmoran Records Act", law_at, law_at + 20, "Legislation", "rule:legislation", 0.75)
    short = Mention("VRA", short_at, short_at + 3, "Company", "ner:ORG", 0.6)
    short_forms_follow(doc, [(2, 5, law), (12, 13, short)])
    assert short.type == "Legislation" and short.name == "Velmoran Records Act"


def test_product_named_after_its_maker_is_a_technology(nlp):
    doc = run(nlp, "Users switched to Microsoft Teams after the ban. Samsung Electronics said TikTok Lite and "
                   "Nvidia China were affected, and China's ZTE H1 profits rose.")
    ents = entities_by_name(doc)
    assert ents["Microsoft Teams"].type == ents["TikTok Lite"].type == "Technology"
    assert ents["Samsung Electronics"].type == "Company"
    assert "Nvidia China" not in ents and "ZTE H1" not in ents
