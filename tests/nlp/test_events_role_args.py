"""kg.nlp.events.role_args: role arguments outside the trigger's own phrase (real pipeline, slow).
Every sentence here is written for the test."""
from __future__ import annotations

import pytest

from test_events import _events, _one  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,targets", [
    # rule 'finding-subject': the organisations a finding is about are the judging measure's targets
    ("The European Commission found that Samsung and Sony had broken the competition rules and imposed fines of "
     "10 million euros.", "LegalAction", {"Samsung Electronics", "Sony"}),
    ("The European Commission ruled on Friday that Samsung's pricing practices were unlawful.", "LegalAction",
     {"Samsung Electronics"}),
])
def test_events_role_args_subject_of_a_finding_is_a_target(nlp, text, measure, targets):
    events, _ = _events(nlp, text)
    assert targets <= _one(events, measure)["targets"], events


@pytest.mark.slow
def test_events_role_args_finding_verbs_only(nlp):
    # a report ("said that X ...") is no finding: the company is not made a target by it
    events, _ = _events(nlp, "The European Commission said that Samsung had cooperated and imposed new fines on Sony.")
    assert "Samsung Electronics" not in _one(events, "LegalAction")["targets"], events


@pytest.mark.slow
def test_events_role_args_country_where_the_entities_are_based_is_a_target(nlp):
    # rule 'place-based': "Japan-based entities" — the measure acts on Japan through them
    events, _ = _events(nlp, "Germany barred its residents from making investments in Japan-based entities.")
    ev = [e for e in events if "Japan" in e["targets"]]
    assert ev, events


@pytest.mark.slow
def test_events_role_args_counted_anaphor_points_back_to_the_firms_named(nlp):
    # rule 'counted-anaphor': "the two firms" / "both companies" are the last two companies named before
    events, _ = _events(nlp, "Samsung and Sony want to expand in Europe. Germany barred the two firms from access to "
                             "its networks.")
    assert {"Samsung Electronics", "Sony"} <= _one(events, "Ban")["targets"], events
    # a count without a definite determiner introduces new firms: no names from before
    events, _ = _events(nlp, "Samsung and Sony want to expand in Europe. The Commerce Department added two Chinese "
                             "manufacturers to the Entity List.")
    assert not {"Samsung Electronics", "Sony"} & _one(events, "EntityListing")["targets"], events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    # rule 'counted-list': a number without a definite determiner introduces firms the text names next
    ("Norway on Monday ordered three Chinese companies to sell their stakes in local chip firms. The three are "
     "Huawei, ZTE and Hikvision.", "InvestmentRestriction"),
    # ... also when the parser hangs the list phrase on a relative clause of the object (rule 'list-host')
    ("Norway on Monday placed three companies that make cameras on its export blacklist. The three are Huawei, "
     "ZTE and Hikvision.", "EntityListing"),
])
def test_events_role_args_counted_list_names_the_firms_next(nlp, text, measure):
    events, _ = _events(nlp, text)
    assert {"Huawei", "ZTE", "Hikvision"} <= _one(events, measure)["targets"], events


@pytest.mark.slow
def test_events_role_args_counted_list_needs_the_count(nlp):
    # more firms named after the trigger than counted: only the first that many
    events, _ = _events(nlp, "Norway on Monday ordered two Chinese companies to sell their stakes in local chip "
                             "firms. The two are Huawei and ZTE. Hikvision was not named.")
    assert "Hikvision" not in _one(events, "InvestmentRestriction")["targets"], events


@pytest.mark.slow
def test_events_role_args_subject_of_a_copula_on_a_list_is_the_target(nlp):
    # rule 'on-the-list': "X is on the Entity List" — the subject is what is listed
    events, _ = _events(nlp, "The United States says Hikvision is on its Entity List.")
    ev = _one(events, "EntityListing")
    assert "Hikvision" in ev["targets"] and "Hikvision" not in ev["affects"], ev
    events, _ = _events(nlp, "Samsung and Sony want to expand. The United States says both companies are on its "
                             "Entity List.")
    assert {"Samsung Electronics", "Sony"} <= _one(events, "EntityListing")["targets"], events


@pytest.mark.slow
def test_events_role_args_sector_word_in_the_charge_places_nothing(nlp):
    # rule 'charge-cue': "on charges of cooperating with military intelligence" says why, not in which sector
    # (a title and a lead without sector words: the document's main sector is none)
    events, _ = _events(nlp, "Two firms listed\n\nThe move was expected.\n\nIt came on Monday.\n\nThe Commerce Department added two Lumo "
                             "units to the Entity List on charges of cooperating with military intelligence.")
    assert "Defence" not in _one(events, "EntityListing")["sectors"], events
    events, _ = _events(nlp, "The Commerce Department added two Lumo units making military drones to the Entity List.")
    assert "Defence" in _one(events, "EntityListing")["sectors"], events


@pytest.mark.slow
def test_events_role_args_company_giving_to_a_subsidy_is_not_affected(nlp):
    # rule 'subsidy-giver': the subject of an active verb gives or acts; the beneficiary is affected
    events, _ = _events(nlp, "Japan will give Sony 500 billion yen in subsidies, while Samsung has pledged "
                             "contributions to the fund.")
    ev = _one(events, "Subsidy")
    assert "Sony" in ev["affects"] and "Samsung Electronics" not in ev["affects"], ev


@pytest.mark.slow
def test_events_role_args_where_a_named_firm_sits_is_no_target(nlp):
    # rule 'firm-location': "a Sony unit based in Germany" says where the unit is, not whom the measure aims at
    events, _ = _events(nlp, "The Commerce Department will also list one Sony unit based in Germany.")
    ev = _one(events, "EntityListing")
    assert "Sony" in ev["targets"] and "Germany" not in ev["targets"], ev


@pytest.mark.slow
def test_events_role_args_country_of_the_suppliers_and_of_the_talent_is_a_target(nlp):
    # a demonym on suppliers / makers in the object names the country aimed at
    events, _ = _events(nlp, "The European Union imposed sanctions against Belarus and Iranian drone suppliers.")
    assert "Iran" in _one(events, "Sanction")["targets"], events
    # rule 'talent-origin': the country a talent programme draws researchers from
    events, _ = _events(nlp, "France has unveiled a fund aimed at attracting top scientists, especially from "
                             "Germany.")
    assert "Germany" in _one(events, "TalentProgram")["targets"], events


@pytest.mark.slow
def test_events_role_args_technology_in_the_reason_is_no_target(nlp):
    # rule 'reason-clause' for technologies: what the firm did with it is the reason, not the aim
    events, _ = _events(nlp, "The State Department fined Sony for selling missile technology to a rival firm.")
    ev = _one(events, "LegalAction")
    assert "Sony" in ev["targets"] and not any("missile" in t for t in ev["targets"]), ev


@pytest.mark.slow
def test_events_role_args_country_owning_a_named_company_is_its_nationality(nlp):
    # rule 'nationality' for possessives: "Japan's Sony" names Sony's country, not a target
    events, _ = _events(nlp, "The Commerce Department added Japan's Sony to the Entity List.")
    ev = _one(events, "EntityListing")
    assert "Sony" in ev["targets"] and "Japan" not in ev["targets"], ev


@pytest.mark.slow
def test_events_role_args_sector_word_in_a_body_name_places_nothing(nlp):
    # rule 'body-name': "Defence" in the acting ministry's name says who acts, not the measure's sector
    # (a title without sector words: the document's main sector is none)
    events, _ = _events(nlp, "Estonia acts\n\nThe Estonian Defence Ministry banned the use of Chinese phones on Monday.")
    assert events and not any("Defence" in e["sectors"] for e in events), events


@pytest.mark.slow
def test_events_role_args_law_without_aim_takes_no_document_sector(nlp):
    # rule 'law-no-sector': a law told with no target and no sector word in its sentence is in no sector
    # of the document's title ("Semiconductor makers worry" names Semiconductors)
    events, _ = _events(nlp, "Semiconductor makers worry\n\nJapan's parliament passed a bill on Friday that revised "
                             "the Trade Act.")
    assert _one(events, "Legislation")["sectors"] == {"Other"}, events


@pytest.mark.slow
def test_events_role_args_maker_of_the_goods_is_a_target(nlp):
    # rule 'goods-maker': the company whose goods a ban acts on is its target, not merely affected
    events, _ = _events(nlp, "Germany banned the import of phones made by Sony on Monday.")
    ev = _one(events, "ImportRestriction")
    assert "Sony" in ev["targets"] and "Sony" not in ev["affects"], ev
    # the parser hangs "from X" on "use" in "the use of equipment from X": the same
    events, _ = _events(nlp, "Denmark banned the use of telecoms equipment from Sony in its networks.")
    ev = _one(events, "Ban")
    assert "Sony" in ev["targets"] and "Sony" not in ev["affects"], ev
    # an export control aims at the buyers: the maker of the controlled goods stays affected
    events, _ = _events(nlp, "Japan restricted exports to Russia of phones made by Sony on Monday.")
    assert "Sony" not in _one(events, "ExportControl")["targets"], events


@pytest.mark.slow
def test_events_role_args_party_barred_from_a_deal_is_the_target(nlp):
    # rule 'bar-from': the party barred is the target; the company it would have bought is affected
    events, _ = _events(nlp, "The United States blocked Broadcom from acquiring Qualcomm on Monday.")
    ev = _one(events, "InvestmentRestriction")
    assert "Broadcom" in ev["targets"] and "Qualcomm" in ev["affects"], ev
    # on a verb trigger of an investment measure: the company the barred act would buy into is affected
    events, _ = _events(nlp, "Lenovo was restricted by Australia from raising its stake in Sony in June.")
    ev = _one(events, "InvestmentRestriction")
    assert "Sony" in ev["affects"] and "Sony" not in ev["targets"], ev


@pytest.mark.slow
def test_events_role_args_buyer_is_the_target_of_a_deal_measure(nlp):
    # rule 'deal-parties': the buyer is what an investment measure aims at; the company bought is affected
    events, _ = _events(nlp, "Germany blocked the acquisition of Sony by Chinese firm Lenovo on Monday.")
    ev = _one(events, "InvestmentRestriction")
    assert "Lenovo" in ev["targets"] and "Sony" in ev["affects"] and "Sony" not in ev["targets"], ev


@pytest.mark.slow
@pytest.mark.parametrize("text,targets", [
    # rule 'relative-antecedent': the trigger in a relative clause on its subject's antecedent
    ("The routers were made by ZTE and Huawei, both of which are blacklisted in the US.", {"ZTE", "Huawei"}),
])
def test_events_role_args_antecedent_of_a_relative_clause_is_a_target(nlp, text, targets):
    events, _ = _events(nlp, text)
    assert targets <= _one(events, "EntityListing")["targets"], events


@pytest.mark.slow
def test_events_role_args_talent_programme_aims_at_the_people_it_draws(nlp):
    # rule 'talent-draw': the group a talent programme sets out to attract / add / bring is its target
    events, _ = _events(nlp, "Japan has launched a talent programme to add 50,000 software engineers to its workforce.")
    assert any("engineers" in t for t in _one(events, "TalentProgram")["targets"]), events
    events, _ = _events(nlp, "Canada launched a talent programme to bring 10,000 software engineers to the country.")
    assert any("engineers" in t for t in _one(events, "TalentProgram")["targets"]), events


@pytest.mark.slow
def test_events_role_args_countries_listed_as_examples_are_targets(nlp):
    # rule 'country-examples': countries given as examples of the countries a measure acts on are its targets
    events, _ = _events(nlp, "The United States tightened export controls on shipments to embargoed countries, "
                             "including Iran and Syria.")
    targets = _one(events, "ExportControl")["targets"]
    assert {"Iran", "Syria"} <= targets, events
    # ... but not countries that are the subject ("nations, including X, are on its white list")
    events, _ = _events(nlp, "Japan removed Canada from its trade white list. A total of 20 nations, including "
                             "Germany and France, are on the list.")
    assert not any({"Germany", "France"} & e["targets"] for e in events), events
