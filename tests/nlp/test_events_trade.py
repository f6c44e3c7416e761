"""kg_events: trade, finance and legal-process measures — trigger words and kinds (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    ("Zambia has extended its temporary suspension of cobalt exports by three months.", "ExportControl"),
    ("The US government announced a further relaxation of encryption export restraints.", "ExportControl"),
    ("The European Commission may impose countervailing duties on imports of electric bikes.", "ImportRestriction"),
    ("Norway's data regulator is fining Acme 100,000 crowns per day.", "LegalAction"),
    ("Canada announced a new Tech Talent Strategy on Tuesday.", "TalentProgram"),
    ("The Commerce Department removed 27 firms from the unverified list.", "EntityListing"),
])
def test_events_trade_trigger_words(nlp, text, measure):
    events, _ = _events(nlp, text)
    assert measure in [e["measure"] for e in events], events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,not_measure", [
    # rule 'funding-agreement': an agreement to give money is the subsidy it settles
    ("The Department of Commerce reached agreement with Acme on terms to award the company $2 billion in "
     "direct funding.", "Subsidy", "Agreement"),
    # rule 'talent-fund': a fund aimed at attracting researchers is a talent programme
    ("Germany has unveiled a 300 million euro fund aimed at attracting top researchers from abroad.",
     "TalentProgram", "Subsidy"),
    # object cue: blocking a bid or a transaction is an investment restriction
    ("Germany on Monday blocked Acme's $4 billion bid for Widget Corp.", "InvestmentRestriction", "Ban"),
])
def test_events_trade_kind_from_the_clause(nlp, text, measure, not_measure):
    events, _ = _events(nlp, text)
    kinds = [e["measure"] for e in events]
    assert measure in kinds and not_measure not in kinds, events


@pytest.mark.slow
def test_events_attract_talent_needs_a_programme(nlp):
    events, _ = _events(nlp, "Canada launched a new visa scheme, which aims to attract founders and technical "
                             "experts.")
    assert "TalentProgram" in [e["measure"] for e in events], events
    events, _ = _events(nlp, "Canada is also trying to attract founders and technical experts.")
    assert "TalentProgram" not in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_purpose_phrase_is_not_the_object(nlp):
    events, _ = _events(nlp, "Pakistan has blocked access to several dating apps in a bid to restrict content.")
    assert "InvestmentRestriction" not in [e["measure"] for e in events], events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    # rule 'foreign-programme'
    ("Some foreign government-sponsored talent recruitment programmes have targeted American labs.",
     "TalentProgram"),
    # rule 'alleged-subsidy'
    ("Brussels says unfair state subsidies from Beijing are being paid to Acme.", "Subsidy"),
    # rule 'cut-funding'
    ("Germany unveiled its plan amid deep cuts to American science funding.", "Subsidy"),
    # rule 'compliance'
    ("Acme said it is compliant with all applicable export control laws and sanctions regimes.", "ExportControl"),
    # rule 'penalty-provision'
    ("The new Pakistani law calls for a fine of up to $85,000 for anyone exporting nuclear technology.",
     "LegalAction"),
])
def test_events_trade_words_that_report_no_measure(nlp, text, measure):
    events, _ = _events(nlp, text)
    assert measure not in [e["measure"] for e in events], events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    # rule 'export-sanctions'
    ("The US government ramped up sanctions related to the export of advanced chips to China.", "ExportControl"),
    # rule 'list-verb'
    ("The Commerce Department will also list two Russian units on Monday.", "EntityListing"),
    # rule 'court-ruling'
    ("The Irish Data Protection Commission ruled that Acme's advertising practices were illegal.", "LegalAction"),
    ("The Austrian Data Protection Authority ruled that the transfer of personal data to Acme was unlawful.",
     "DataRestriction"),
])
def test_events_trade_measure_from_the_verb_or_its_object(nlp, text, measure):
    events, _ = _events(nlp, text)
    assert measure in [e["measure"] for e in events], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Acme's shares are listed on the Tokyo exchange.",
    "The ruling party in Japan ruled out sanctions on Monday.",
])
def test_events_list_and_ruling_words_that_report_no_measure(nlp, text):
    events, _ = _events(nlp, text)
    assert not {"EntityListing", "LegalAction"} & {e["measure"] for e in events}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    # rule 'money-pledge'
    ("Additionally, France has pledged an extra €100 million to support incoming researchers.", "TalentProgram"),
    ("Japan will allocate $2 billion to the new chip plant in Hokkaido.", "Subsidy"),
])
def test_events_money_pledged_by_a_government(nlp, text, measure):
    events, _ = _events(nlp, text)
    assert measure in [e["measure"] for e in events], events


@pytest.mark.slow
def test_events_money_pledged_by_a_company_is_no_subsidy(nlp):
    events, _ = _events(nlp, "Acme Corp has pledged $2 billion to its new plant in Ohio.")
    assert not {"Subsidy", "TalentProgram"} & {e["measure"] for e in events}, events


@pytest.mark.slow
def test_events_dropping_a_country_from_the_trade_white_list_is_an_export_control(nlp):
    events, _ = _events(nlp, "Norway has approved plans to drop Sweden from its white list of trusted trading partners.")
    assert [e["measure"] for e in events] == ["ExportControl"], events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure", [
    # "anti-dumping" is split by the tokenizer: an alternative inside a|b never matched it
    ("In response, Norway imposed anti-dumping duties on Freedonian steel.", "ImportRestriction"),
    ("Norway will require permits for exports of AI chips.", "ExportControl"),
])
def test_events_trade_defence_duties_and_export_permits(nlp, text, measure):
    events, _ = _events(nlp, text)
    found = [e for e in events if e["measure"] == measure]
    assert found and "Norway" in found[0]["actors"], events


@pytest.mark.slow
def test_events_an_arrest_by_a_state_is_a_legal_action(nlp):
    events, _ = _events(nlp, "Norwegian authorities said on Wednesday they have arrested a Chinese engineer accused of "
                             "stealing trade secrets.")
    assert any(e["measure"] == "LegalAction" and e["actors"] == {"Norway"} for e in events), events
