"""Government bodies: a name defined with its short form, and a country's body described, then named."""
from __future__ import annotations

from nlp_helpers import entities_by_name, relation_names, run


def test_body_defined_with_short_form_is_a_body_at_every_mention(nlp):
    doc = run(nlp, "Chile's National Digital Resilience and Trust Agency (ANDIRT) warned banks on Monday. "
                   "The director of ANDIRT said the rules would follow. ANDIRT has 40 staff.")
    ents = entities_by_name(doc)
    body = ents["National Digital Resilience and Trust Agency"]
    assert body.type == "GovernmentBody"
    assert "ANDIRT" in body.aliases
    assert "ANDIRT" not in ents  # the short form is no company of its own


def test_body_defined_with_short_form_needs_a_body_head(nlp):
    doc = run(nlp, "Shares of Northwind Pacific Holdings (NPHX) rose on Monday.")
    assert all(e.type != "GovernmentBody" for e in entities_by_name(doc).values())


def test_described_body_is_the_named_body_of_that_country(nlp):
    doc = run(nlp, "Roskomnadzor blocked the messaging app on Friday. Russia's internet watchdog said the "
                   "app had ignored its orders.")
    ents = entities_by_name(doc)
    assert "Russia’s internet watchdog" not in ents and "Russia's internet watchdog" not in ents
    assert "Russia's internet watchdog" in ents["Roskomnadzor"].aliases


def test_described_agency_is_the_named_service_of_that_field(nlp):
    # an intelligence "agency" and an intelligence "service" are one kind of body
    doc = run(nlp, "The AIVD said the engineer had passed files to Russia. The Dutch intelligence agency added "
                   "that the files were secret.")
    ents = entities_by_name(doc)
    assert "Dutch intelligence agency" not in ents
    assert "Dutch intelligence agency" in ents["General Intelligence and Security Service"].aliases


def test_described_body_of_another_kind_stays_apart(nlp):
    doc = run(nlp, "Roskomnadzor blocked the messaging app on Friday. Russia's defence ministry said the "
                   "app had been used by soldiers.")
    ents = entities_by_name(doc)
    assert "Russia's defence ministry" not in ents["Roskomnadzor"].aliases


def test_body_portfolio_list_goes_on_over_commas(nlp):
    doc = run(nlp, "Grants were approved by the Ministry of Agriculture, Forestry, Fisheries and Water on Monday.")
    ents = entities_by_name(doc)
    assert ents["Ministry of Agriculture, Forestry, Fisheries and Water"].type == "GovernmentBody"
    assert "Ministry of Agriculture" not in ents and "Forestry" not in ents


def test_body_list_with_serial_comma_finds_the_gazetteer_entry(nlp):
    doc = run(nlp, "Exports were halted, the Ministry of Trade, Industry, and Energy said in a statement.")
    ents = entities_by_name(doc)
    assert "Ministry of Trade, Industry and Energy" in ents
    assert "Energy" not in ents and "Ministry of Trade" not in ents


def test_comma_then_place_ends_the_body_name(nlp):
    doc = run(nlp, "Officials at the Ministry of Finance, Tokyo, said no.")
    assert "Ministry of Finance" in entities_by_name(doc)


def test_portfolio_before_a_title_is_no_company(nlp):
    doc = run(nlp, "Home Affairs Minister Clare Hart and Defence Minister Rob Marley made the announcement.")
    ents = entities_by_name(doc)
    assert "Home Affairs" not in ents and "Defence" not in ents
    assert ents["Clare Hart"].type == "Person"


def test_possessive_phrase_the_gazetteer_knows_is_that_body(nlp):
    doc = run(nlp, "On Monday, China’s Foreign Ministry said the export rules were unfair.")
    ents = entities_by_name(doc)
    assert ents["Ministry of Foreign Affairs of China"].type == "GovernmentBody"
    assert "Foreign Ministry" not in ents


def test_bodies_and_firms_of_many_countries_are_known(nlp):
    doc = run(nlp, "The deal was cleared by the Israel Defense Forces, the Brazilian Development Bank and the "
                   "Department for Business, Energy and Industrial Strategy, while Teledyne and Swisscom waited.")
    ents = entities_by_name(doc)
    for name in ("Israel Defense Forces", "Brazilian Development Bank",
                 "Department for Business, Energy and Industrial Strategy"):
        assert ents[name].type == "GovernmentBody", name
    assert ents["Teledyne"].type == "Company" and ents["Swisscom"].type == "Company"



def test_possessive_body_needs_no_statistical_tag_on_its_country(nlp):
    # the statistical NER leaves "Namibia" untagged here; the gazetteer knows it
    doc = run(nlp, "Lithium Rules Tightened\n\nNamibia’s mines ministry said on Monday the export ban applies "
                   "to lithium ore.")
    bodies = [e.name for e in entities_by_name(doc).values() if e.type == "GovernmentBody"]
    assert bodies == ["Namibia’s mines ministry"]
    assert ("Namibia’s mines ministry", "partOf", "Namibia") in relation_names(doc)



# Malawi: a state whose legislature the gazetteer does not list, so the rule (not a gazetteer entry) names it
def test_a_countrys_bare_parliament_is_its_body(nlp):
    doc = run(nlp, "Malawi's parliament approved the bill on Tuesday.")
    ents = entities_by_name(doc)
    assert ents["Parliament of Malawi"].type == "GovernmentBody"
    assert "parliament" in ents["Parliament of Malawi"].aliases
    assert ("Parliament of Malawi", "partOf", "Malawi") in relation_names(doc)


def test_a_bare_parliament_is_the_one_legislature_the_text_names(nlp):
    doc = run(nlp, "Malawi's parliament approved the bill on Tuesday. The vote in the National Assembly was close.")
    ents = entities_by_name(doc)
    assert "Parliament of Malawi" not in ents
    assert "Malawi's parliament" in ents["National Assembly"].aliases


def test_a_bare_parliament_with_two_chambers_named_is_their_whole(nlp):
    doc = run(nlp, "Malawi's parliament approved the bill on Tuesday. The National Assembly voted first and "
                   "Malawi's Senate followed.")
    assert "Parliament of Malawi" in entities_by_name(doc)


def test_ministry_described_by_its_portfolio_is_a_body(nlp):
    doc = run(nlp, "Germany will screen the deal. The economy ministry said the review would take months, "
                   "Economy Minister Hans Gruber told reporters. Officials at the same ministry declined to comment.")
    bodies = [e.name for e in entities_by_name(doc).values() if e.type == "GovernmentBody"]
    assert bodies == ["economy ministry"]  # not "same ministry"
    rels = relation_names(doc)
    assert ("economy ministry", "partOf", "Germany") in rels
    assert ("Hans Gruber", "leads", "economy ministry") in rels


def test_organisation_after_a_demonym_or_of_a_state_field_is_a_body(nlp):
    doc = run(nlp, "Officials from the Kenyan Space Research Organisation and the Defence Research and Development "
                   "Organisation met on Monday.")
    ents = entities_by_name(doc)
    assert ents["Kenyan Space Research Organisation"].type == "GovernmentBody"
    assert ents["Defence Research and Development Organisation"].type == "GovernmentBody"


def test_unit_of_a_known_body_beats_the_known_name_inside(nlp):
    doc = run(nlp, "The rules were set out in a statement released by the White House Press Office on Monday.")
    assert entities_by_name(doc)["White House Press Office"].type == "GovernmentBody"


def test_known_name_after_a_joiner_ends_an_acronym_body(nlp):
    doc = run(nlp, "The bloc filed a complaint against Peru to the World Trade Organisation (WTO) over the ban.")
    ents = entities_by_name(doc)
    assert ents["World Trade Organization"].type == "Bloc"
    assert not [n for n in ents if n.startswith("Peru ")]


def test_two_bodies_joined_by_and_the_before_a_short_form_stay_two(nlp):
    # the short form defines the last name only; "<head> and the <Name>" starts a second body
    doc = run(nlp, "The rule was issued by the Zorbian Customs Authority and the National Radio Regulatory Authority "
                   "(NRRA) on Monday.")
    ents = entities_by_name(doc)
    assert ents["National Radio Regulatory Authority"].type == "GovernmentBody"
    assert "NRRA" in ents["National Radio Regulatory Authority"].aliases
    assert not [n for n in ents if " and the " in n]


def test_elided_list_shares_the_last_word_when_the_gazetteer_knows_the_whole_name(nlp):
    doc = run(nlp, "The plan needs approval from the ministries of External and Home Affairs before work begins.")
    ents = entities_by_name(doc)
    assert ents["Ministry of External Affairs"].type == "GovernmentBody"
    assert ents["Ministry of Home Affairs"].type == "GovernmentBody"
