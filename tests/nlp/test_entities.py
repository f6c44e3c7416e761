"""Entity components: gazetteer typing, demonyms, capitals, rules, NER re-typing, boilerplate."""
from __future__ import annotations

import pytest
import spacy

from kg.nlp.attrs import MENTIONS
from kg.nlp.entities import org_type
from kg.nlp.lines import boilerplate_ranges

from nlp_helpers import entities_by_name, relation_names, run


# ---------------------------------------------------------------- fast: blank pipeline + tiny gazetteer

def test_entities_gazetteer_typing(blank_nlp):
    doc = run(blank_nlp, "Qorvane and Velmora met officials from the EU.")
    ents = entities_by_name(doc)
    assert ents["Qorvane"].type == "Company" and ents["Velmora"].type == "Company"
    assert ents["European Union"].type == "Bloc" and ents["European Union"].key == "wd/Q458"
    assert ents["European Union"].mentions[0].rule == "gazetteer"
    assert ents["European Union"].mentions[0].confidence == pytest.approx(0.95)


def test_entities_mentions_carry_type_and_key(blank_nlp):
    doc = run(blank_nlp, "Qorvane sells to the U.S. market.")
    spans = {(s.text, s.label_, s.id_) for s in doc.spans[MENTIONS]}
    assert ("Qorvane", "Company", "company/qorvane") in spans
    assert ("U.S.", "Country", "wd/Q30") in spans


def test_entities_demonym_is_an_alias_of_the_country(blank_nlp):
    doc = run(blank_nlp, "Dutch officials met Chinese diplomats.")
    ents = entities_by_name(doc)
    assert ents["Netherlands"].aliases == ("Dutch",)
    assert ents["China"].aliases == ("Chinese",)
    assert ents["China"].mentions[0].rule == "gazetteer:demonym"


def test_entities_dash_based_demonym_gives_headquarters(blank_nlp):
    doc = run(blank_nlp, "Dutch-based Velmora expanded.")
    assert ("Velmora", "headquarteredIn", "Netherlands") in relation_names(doc)


def test_entities_possessive_gazetteer_form_is_split(blank_nlp):
    doc = run(blank_nlp, "China's Ministry of Commerce objected.")
    ents = entities_by_name(doc)
    assert {"China", "Ministry of Commerce"} <= set(ents)
    assert ("Ministry of Commerce", "partOf", "China") in relation_names(doc)


@pytest.mark.slow
def test_entities_country_possessive_body_keeps_the_phrase_as_alias(tiny_nlp):
    doc = run(tiny_nlp, "The Netherlands' Parliament voted on Monday.")
    body = entities_by_name(doc)["Parliament"]
    assert body.type == "GovernmentBody" and "The Netherlands' Parliament" in body.aliases
    assert ("Parliament", "partOf", "Netherlands") in relation_names(doc)


@pytest.mark.slow
def test_entities_country_possessive_descriptive_service(tiny_nlp):
    doc = run(tiny_nlp, "China's foreign intelligence service warned companies.")
    assert entities_by_name(doc)["China's foreign intelligence service"].type == "GovernmentBody"


def test_entities_ai_alone_is_never_an_entity(blank_nlp, tiny_gazetteer):
    doc = run(blank_nlp, "AI is everywhere. The AI sector grows.")
    assert doc._.kg_entities == {}


def test_entities_boilerplate_lines_are_dropped(blank_nlp):
    text = ("Qorvane Wins Contract\n"
            "By Anna Velmora-Smith\n"
            "The EU chose Qorvane.\n"
            "READ MORE: Velmora opens a plant\n"
            "Subscribe to our Velmora newsletter\n"
            "Autonomous AI dispatch. Unedited, source-checked, opinionated.\n")
    doc = run(blank_nlp, text)
    ents = entities_by_name(doc)
    assert "Velmora" not in ents
    assert {"Qorvane", "European Union"} <= set(ents)


@pytest.mark.parametrize("line", [
    "By Jane Doe", "Photo: Reuters", "READ MORE: chips and more", "Subscribe now", "· $0.19",
    "Autonomous AI dispatch. Unedited, source-checked, opinionated.", "Image credit: Someone",
])
def test_lines_boilerplate_patterns(line):
    text = f"Headline\n{line}\nBody text here."
    assert any(text[s:e] == line for s, e in boilerplate_ranges(text))


def test_lines_reporting_is_not_boilerplate():
    text = "By imposing controls, Washington hopes to slow progress.\nShare prices fell."
    assert boilerplate_ranges(text) == []


def test_lines_text_after_verifier_is_metadata():
    text = "Body.\nVerifier\nEach claim was checked."
    assert boilerplate_ranges(text) == [(6, len(text))]


def test_lines_each_line_is_a_sentence(blank_nlp):
    doc = run(blank_nlp, "A Headline Without A Full Stop\nThe body starts here.")
    assert [s.text.strip() for s in doc.sents] == ["A Headline Without A Full Stop", "The body starts here."]


@pytest.mark.parametrize("name,expected", [
    ("Ministry of Industry and Information Technology", "GovernmentBody"),
    ("Federal Communications Commission", "GovernmentBody"),
    ("Supreme Court", "GovernmentBody"),
    ("Shanghai Jiao Tong University", "ResearchOrganization"),
    ("Allen Institute", "ResearchOrganization"),
    ("Center for Security and Emerging Technology", "ResearchOrganization"),
    ("Zentrix Technologies", "Company"),
    ("Moonlit AI", "Company"),
    ("Quorum Holdings Ltd", "Company"),
    ("African Union", "Bloc"),
    ("Economic Development Board", "GovernmentBody"),
    ("National Cyber Security Centre", "GovernmentBody"),
    ("Antitrust Enforcement Division", "GovernmentBody"),
])
def test_entities_org_type_by_cues(name, expected):
    doc = spacy.blank("en")(name + " said.")
    assert org_type(doc[0:len(doc) - 2], doc) == expected


# ---------------------------------------------------------------- slow: statistical model + tiny gazetteer

@pytest.mark.slow
def test_pipeline_analyze_pipes_reports_no_problems(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    assert nlp.pipe_names.index("kg_lines") < nlp.pipe_names.index("parser")
    assert nlp.pipe_names[-1] in ("kg_relations", "kg_events")


@pytest.mark.slow
@pytest.mark.parametrize("text,present", [
    ("Beijing imposed new limits on chip exports.", True),
    ("Washington and Beijing traded accusations.", True),
    ("Beijing's new rules took effect.", True),
    ("The delegation flew to Beijing on Monday.", False),
])
def test_entities_capital_as_metonym_only_in_subject_position(tiny_nlp, text, present):
    ents = entities_by_name(run(tiny_nlp, text))
    assert ("China" in ents) is present
    if present:
        assert "Beijing" in ents["China"].aliases


@pytest.mark.slow
def test_entities_groups_canonical_name_and_aliases(tiny_nlp):
    doc = run(tiny_nlp, "The ministry now requires its top AI researchers to seek approval. "
                        "Many researchers object. Nuclear physicists, aerospace engineers, cryptographers "
                        "have faced similar limits.")
    ents = entities_by_name(doc)
    assert ents["AI researchers"].type == "Group"
    assert {"top AI researchers", "researchers"} <= set(ents["AI researchers"].aliases)
    for g in ("nuclear physicists", "aerospace engineers", "cryptographers"):
        assert ents[g].type == "Group"
    assert "researchers" not in ents


@pytest.mark.slow
def test_entities_groups_need_a_field_modifier(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "They are not ordinary employees or private-sector workers."))
    assert not [e for e in ents.values() if e.type == "Group"]


@pytest.mark.slow
def test_entities_groups_by_nationality_and_specific_heads(tiny_nlp):
    text = ("The rule hits Dutch drivers and Chinese investors. "
            "Protesters gathered outside while truck drivers and retail investors waited.")
    ents = entities_by_name(run(tiny_nlp, text))
    groups = {n for n, e in ents.items() if e.type == "Group"}
    assert {"Dutch drivers", "Chinese investors", "protesters"} <= groups
    assert not groups & {"truck drivers", "retail investors", "drivers"}


@pytest.mark.slow
def test_entities_group_keeps_the_country_it_names(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "The rule bars U.S. investors from the deal, U.S. officials said."))
    assert ents["U.S. investors"].type == "Group"
    assert ents["United States"].type == "Country"
    assert "U.S. officials" not in ents


@pytest.mark.slow
def test_entities_coordinated_group_is_one_group(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "The visa rule targets Dutch engineers and technicians. "
                                          "Consumers and companies were not consulted."))
    groups = {n for n, e in ents.items() if e.type == "Group"}
    assert "Dutch engineers and technicians" in groups
    assert "Dutch engineers" not in groups and not any("consumers" in g.lower() for g in groups)


@pytest.mark.slow
def test_entities_workforce_of_the_state_is_a_group(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "The app is banned for government employees and federal workers, "
                                          "government officials said."))
    groups = {n for n, e in ents.items() if e.type == "Group"}
    assert {"government employees", "federal workers"} <= groups
    assert "government officials" not in groups


@pytest.mark.slow
def test_entities_legal_case_and_the_person_it_names(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "Officials pointed to the Lin Meifang case as a precedent."))
    assert ents["Lin Meifang case"].type == "LegalCase"
    assert ents["Lin Meifang"].type == "Person"


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("Lawmakers passed the Frontier Model Safety Act on Tuesday.", "Frontier Model Safety Act"),
    ("The rules build on Executive Order 14110.", "Executive Order 14110"),
    ("Parliament amended the Restriction of Special Taxation Act, known locally as the K-Chips Act.",
     "Restriction of Special Taxation Act"),
])
def test_entities_legislation_rule(tiny_nlp, text, name):
    ents = entities_by_name(run(tiny_nlp, text))
    assert ents[name].type == "Legislation"


@pytest.mark.slow
def test_entities_known_as_gives_an_alias(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "Parliament amended the Restriction of Special Taxation Act, "
                                          "known locally as the K-Chips Act."))
    assert "K-Chips Act" in ents["Restriction of Special Taxation Act"].aliases


@pytest.mark.slow
def test_entities_headline_case_does_not_make_laws(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "New Chip Export Rules Hit Qorvane Hard\nThe body follows."))
    assert not [e for e in ents.values() if e.type == "Legislation"]


@pytest.mark.slow
def test_entities_technology_patterns(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "Shipments of K7 chips and EUV lithography systems stopped."))
    assert ents["K7 chips"].type == "Technology"
    assert ents["EUV lithography"].type == "Technology"


@pytest.mark.slow
def test_entities_unknown_names_are_still_typed(tiny_nlp):
    doc = run(tiny_nlp, "Zorblax, a Chinese startup, released a model. Chinese-owned Fenwick Labs objected. "
                        "Analysts at the Ministry of Digital Affairs agreed.")
    ents = entities_by_name(doc)
    assert ents["Zorblax"].type == "Company"
    assert ents["Ministry of Digital Affairs"].type == "GovernmentBody"


@pytest.mark.slow
def test_entities_short_person_name_is_an_alias(tiny_nlp):
    ents = entities_by_name(run(tiny_nlp, "Prosecutors charged Lin Meifang in March. Lin denied the charges."))
    persons = [e for e in ents.values() if e.type == "Person"]
    assert [p.name for p in persons] == ["Lin Meifang"]
    assert len(persons[0].mentions) == 2


@pytest.mark.slow
def test_entities_organisation_named_after_a_country_stays_whole(tiny_nlp):
    doc = run(tiny_nlp, "The money comes from the China Semiconductor Mission, launched in 2021.")
    ents = entities_by_name(doc)
    assert ents["China Semiconductor Mission"].type == "GovernmentBody"
    assert ("China Semiconductor Mission", "partOf", "China") in relation_names(doc)


@pytest.mark.slow
def test_entities_two_word_demonym_is_not_its_last_word(nlp):
    doc = run(nlp, "A North Korean diplomat met the Chinese envoy.")
    names = {e.name for e in doc._.kg_entities.values() if e.type == "Country"}
    assert "North Korea" in names and "South Korea" not in names and "China" in names


@pytest.mark.slow
@pytest.mark.parametrize("text,name,typ", [
    ("According to the company, Chairman Tom Harlow was suspended.", "Tom Harlow", "Person"),
    ("The decision follows a presentation by Kyrylo Budanov, head of the military intelligence agency.",
     "Kyrylo Budanov", "Person"),
    ("The Antitrust Enforcement Division II of the regulator opened a case.", "Antitrust Enforcement Division II",
     "GovernmentBody"),
])
def test_entities_titled_people_and_divisions_are_not_companies(tiny_nlp, text, name, typ):
    assert entities_by_name(run(tiny_nlp, text))[name].type == typ


@pytest.mark.slow
def test_entities_ministry_of_x_is_a_body_even_in_a_headline_line(tiny_nlp):
    doc = run(tiny_nlp, "Joint Notice · Ministry of Education, National Radio Administration\nThe rules apply from May.")
    assert entities_by_name(doc)["Ministry of Education"].type == "GovernmentBody"


@pytest.mark.slow
def test_entities_news_agencies_and_leading_possessives(tiny_nlp):
    doc = run(tiny_nlp, "The Iranian news agency reported the ban. Officials cited the IRNA news agency on Monday.")
    assert not any("news agency" in e.name for e in doc._.kg_entities.values())
    doc = run(tiny_nlp, "The rules were discussed by the Senate's Subcommittee on Immigration and Border Security.")
    assert entities_by_name(doc)["Subcommittee on Immigration and Border Security"].type == "GovernmentBody"


@pytest.mark.parametrize("name,expected", [
    ("International Mobility Program", "Legislation"),
    ("Tech Talent Strategy", "Legislation"),
    ("Big Fund", None),
    ("Scheme", None),
])
def test_entities_named_programmes_are_legislation(tiny_gazetteer, name, expected):
    from kg.nlp.entities.ner import ner_type

    doc = spacy.blank("en")(name + " said.")
    assert ner_type(tiny_gazetteer, "ORG", doc[0:len(doc) - 2], doc) == expected


@pytest.mark.slow
def test_entities_short_names_in_a_list_of_agencies(nlp):
    doc = run(nlp, "The committee includes representatives from Treasury, Justice, State, Defense and other agencies.")
    bodies = {e.name for e in doc._.kg_entities.values() if e.type == "GovernmentBody"}
    assert {"Department of State", "Department of Defense"} <= bodies
    plain = run(nlp, "He visited the State Fair and the Defense Expo with friends.")
    assert not {e.name for e in plain._.kg_entities.values() if e.type == "GovernmentBody"}


@pytest.mark.slow
@pytest.mark.parametrize("text,models", [
    ("Officials named Qorvane's Nova 12T 5G in their report.", {"Nova 12T 5G"}),
    ("Regulators banned Velmora's 2100x and 2200x DUV scanners.", {"2100x", "2200x"}),
    ("Qorvane's 2024 revenue fell, and Qorvane's 14th plant opened.", set()),
    ("China's K9 rules apply.", set()),  # the possessor is no company
])
def test_entities_model_names_after_a_company_possessive(tiny_nlp, text, models):
    doc = run(tiny_nlp, text)
    got = {e.name for e in doc._.kg_entities.values() if e.mentions[0].rule == "rule:product-model"}
    assert got == models


@pytest.mark.slow
def test_entities_glued_and_cut_words_of_the_text(tiny_nlp):
    text = ("Tom Harlow spoke on Monday. The ban was announced later. President Tom Harlowannounced a review. "
            "Velmora said it would appeal, Harlo")
    names = {e.name for e in run(tiny_nlp, text)._.kg_entities.values()}
    assert "Tom Harlow" in names
    assert not {n for n in names if n.startswith("Harlo") or "announced" in n}


@pytest.mark.slow
def test_entities_a_country_body_described_by_its_portfolio_gets_its_name(tiny_nlp):
    doc = run(tiny_nlp, "China's finance ministry agreed. The Dutch foreign ministry objected.")
    ents = entities_by_name(doc)
    assert ents["Ministry of Finance of China"].type == "GovernmentBody"
    assert "Dutch foreign ministry" in ents["Ministry of Foreign Affairs of Netherlands"].aliases
    assert ("Ministry of Finance of China", "partOf", "China") in relation_names(doc)


@pytest.mark.slow
@pytest.mark.parametrize("text,person", [
    ("Press Secretary Anna Marie-Claire told reporters Jan", "Anna Marie-Claire"),  # a fragment cut at "Jan."
    ("Governor Signs Comprehensive Data Law For Schools", None),
])
def test_entities_titled_person_in_a_headline_like_fragment(tiny_nlp, text, person):
    people = {e.name for e in run(tiny_nlp, text)._.kg_entities.values() if e.type == "Person"}
    assert people == ({person} if person else set())


def test_entities_hyphenated_given_name_stays_whole(tiny_gazetteer):
    from spacy.tokens import Doc

    from kg.nlp.entities.ner import ner_candidates

    words = ["Officials", "sanctioned", "Jo", "In", "-", "chol", "on", "Tuesday", "."]
    spaces = [True, True, True, False, False, True, True, False, False]
    pos = ["NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "PROPN", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, pos=pos,
              ents=["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-DATE", "O"])
    names = {m.surface for _, _, m in ner_candidates(tiny_gazetteer, doc)}
    assert names == {"Jo In-chol"}  # the NER stopped at the hyphen


def test_entities_trading_and_shipping_end_company_names(tiny_gazetteer):
    from spacy.tokens import Doc

    from kg.nlp.entities.ner import ner_candidates

    words = ["Officials", "sanctioned", "Harlow", "Shipping", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, True, True, False, False],
              pos=["NOUN", "VERB", "PROPN", "PROPN", "PUNCT"], ents=["O", "O", "B-PERSON", "I-PERSON", "O"])
    assert [m.type for _, _, m in ner_candidates(tiny_gazetteer, doc)] == ["Company"]  # the NER's person


@pytest.mark.slow
def test_entities_gazetteer_knows_intelligence_bodies_and_committees(nlp):
    doc = run(nlp, "Officials of the GUR briefed the Senate Judiciary Committee on Monday.")
    ents = entities_by_name(doc)
    assert ents["Main Intelligence Directorate"].type == "GovernmentBody"
    assert ents["Senate Judiciary Committee"].type == "GovernmentBody"


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("Chile's president sent the bill to Congress. Chile will keep its copper.", "Congress of Chile"),
    ("The United States Congress met. Chile objected to what Congress did. Chile protested.", "Congress"),
])
def test_entities_bare_congress_is_the_home_state_body(nlp, text, name):
    doc = run(nlp, text)
    bodies = {e.name for e in doc._.kg_entities.values() if e.type == "GovernmentBody"}
    assert name in bodies
    if name != "Congress":
        assert (name, "partOf", "Chile") in relation_names(doc)


def test_entities_one_word_organisation_that_is_no_proper_noun_is_dropped(tiny_gazetteer):
    from spacy.tokens import Doc

    from kg.nlp.entities.ner import ner_candidates

    words = ["Securing", "networks", "matters", "to", "Zorblax", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True, True, True, True, False, False],
              pos=["VERB", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"], ents=["B-ORG", "O", "O", "O", "B-ORG", "O"])
    assert [m.surface for _, _, m in ner_candidates(tiny_gazetteer, doc)] == ["Zorblax"]


def test_entities_portfolio_after_and_is_no_organisation(tiny_gazetteer):
    from spacy.tokens import Doc

    from kg.nlp.entities.ner import ner_candidates

    words = ["Minister", "of", "Maritime", "and", "Investment", "Affairs", "Tom", "Harlow", "spoke", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=[True] * 8 + [False, False],
              pos=["PROPN", "ADP", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
              ents=["O", "O", "O", "O", "B-ORG", "I-ORG", "B-PERSON", "I-PERSON", "O", "O"])
    assert [m.surface for _, _, m in ner_candidates(tiny_gazetteer, doc)] == ["Tom Harlow"]


@pytest.mark.slow
def test_entities_generic_groups_are_no_gazetteer_entities(nlp):
    doc = run(nlp, "Civil servants and state-owned enterprises attended the briefing on Monday.")
    assert not {e.name for e in doc._.kg_entities.values() if e.type == "Group"}
