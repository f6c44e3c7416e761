"""kg_events: rules for the roles of an event — targets, affected firms, status — found on the
real-news dev split (real pipeline, slow). Every sentence here is written for the test."""
from __future__ import annotations

import pytest

from test_events import _events, _one  # the helper of the event tests in this folder


@pytest.mark.slow
@pytest.mark.parametrize("text,target", [
    # rule 'list-preps': a passive subject put on a list is the target
    ("Hikvision was added to the Entity List by the Commerce Department on Tuesday.", "Hikvision"),
    ("Megvii has been placed on the Entity List by the United States.", "Megvii"),
    # rule 'list-host': the list phrase parsed on the object noun
    ("The Commerce Department said it is adding Hikvision and 20 affiliates to its Entity List.", "Hikvision"),
])
def test_events_roles_target_put_on_a_list(nlp, text, target):
    events, _ = _events(nlp, text)
    ev = _one(events, "EntityListing")
    assert target in ev["targets"], ev


@pytest.mark.slow
def test_events_roles_nationality_of_a_named_company_is_no_target(nlp):
    # rule 'nationality': "Chinese company Hikvision" names the firm's country
    events, _ = _events(nlp, "The Commerce Department added 30 entities to the Entity List, including Chinese "
                             "company Hikvision.")
    ev = _one(events, "EntityListing")
    assert "Hikvision" in ev["targets"], ev
    assert "China" not in ev["targets"], ev


@pytest.mark.slow
def test_events_roles_reporting_verb_does_not_make_a_done_measure_announced(nlp):
    # rule 'reported-clause': the clause's own tense, not the reporting verb's
    events, _ = _events(nlp, "The United States has added 12 Iranian drone makers to its Entity List, the "
                             "Commerce Department announced on Friday.")
    assert _one(events, "EntityListing")["status"] == "InForce"
    events, _ = _events(nlp, "The Commerce Department announced on Friday that it will add 12 Iranian drone "
                             "makers to its Entity List.")
    assert _one(events, "EntityListing")["status"] == "Announced"


@pytest.mark.slow
def test_events_roles_headline_tense_needs_a_headline(nlp):
    # rule 'headline-tense' only for a real headline; a lead sentence keeps its past tense
    text = ("Norway's digital ministry on Tuesday banned the Lumo app on government phones.\n\n"
            "The ministry said it would ban the app on all official devices within a month.")
    events, _ = _events(nlp, text)
    assert _one(events, "Ban")["status"] == "InForce"
    text = ("Norway Bans Lumo App on Government Phones\n\n"
            "Norway's digital ministry will ban the Lumo app on government phones from June.")
    events, _ = _events(nlp, text)
    assert _one(events, "Ban")["status"] == "Announced"


@pytest.mark.slow
def test_events_roles_expectation_with_infinitive_stays_discussed(nlp):
    # rule 'reported-clause' stops only at a finite clause: "expect X to answer" is still expectation
    events, _ = _events(nlp, "Analysts expect Beijing to respond with additions to its unreliable entity list.")
    assert _one(events, "EntityListing")["status"] == "Discussed"


@pytest.mark.slow
def test_events_roles_sector_from_the_targeted_company(nlp):
    # rule 'company-sector': no sector word, the company's main line of business (gazetteer)
    events, _ = _events(nlp, "The United States added Huawei to the Entity List on Thursday.")
    assert _one(events, "EntityListing")["sectors"] == {"Telecommunications"}


@pytest.mark.slow
def test_events_roles_no_sector_cue_is_other(nlp):
    # rule 'no-sector': GUIDE — a measure tied to no sector is in sector Other
    events, _ = _events(nlp, "France imposed sanctions on Borvik Holdings on Tuesday.")
    assert _one(events, "Sanction")["sectors"] == {"Other"}


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,law", [
    ("The European Commission fined Vexel under the Digital Markets Act on Monday.", "LegalAction",
     "Digital Markets Act"),
    ("The Cyberspace Administration of China opened an investigation into Vexel pursuant to the Cybersecurity "
     "Law.", "Investigation",
     "Cybersecurity Law"),
    # a provision of the law between the cue and its name
    ("The European Commission fined Vexel under Article 102 of the Digital Markets Act on Monday.", "LegalAction",
     "Digital Markets Act"),
    ("The European Commission fined Vexel for violations of provisions of the Digital Markets Act.", "LegalAction",
     "Digital Markets Act"),
])
def test_events_roles_legal_basis_is_a_precedent(nlp, text, measure, law):
    # rule 'legal-basis': GUIDE — precedents include what the text presents as justification
    events, _ = _events(nlp, text)
    assert law in _one(events, measure)["precedents"]


@pytest.mark.slow
def test_events_roles_leader_of_a_government_is_no_target(nlp):
    # rule 'person-government': "the Biden administration" names the actor's government
    events, _ = _events(nlp, "Certain investments in Chinese quantum firms will be blocked under a rule the "
                             "Biden administration finalized on Monday.")
    assert all("Joe Biden" not in e["targets"] and "Biden" not in e["targets"] for e in events), events


@pytest.mark.slow
def test_events_roles_exporter_of_controlled_goods_is_affected(nlp):
    # rule 'exporter-affected': the recipient is the aim, the maker of the goods is affected
    events, _ = _events(nlp, "Japan tightened export controls on ASML lithography machines to China.")
    ev = _one(events, "ExportControl")
    assert "China" in ev["targets"] and "ASML" not in ev["targets"], ev
    assert ev["affects"] == {"ASML"}, ev


@pytest.mark.slow
def test_events_roles_measure_dated_since_an_earlier_year_is_background(nlp):
    # rule 'since-year': GUIDE — a past measure cited as background is Historical
    import datetime as dt
    events, _ = _events(nlp, "Since 2019, the United States has also sanctioned Hikvision.", dt.date(2024, 5, 2))
    assert _one(events, "Sanction")["status"] == "Historical"
    events, _ = _events(nlp, "The United States has sanctioned Hikvision, a rule in force since 2019.",
                        dt.date(2024, 5, 2))
    assert _one(events, "Sanction")["status"] == "InForce"


@pytest.mark.slow
def test_events_roles_introduced_legislation_is_proposed(nlp):
    # rule 'put-forward': GUIDE — a bill put forward for a decision ("lawmakers introduced") is Proposed
    events, _ = _events(nlp, "Ghana's government introduced legislation to tighten controls on lithium exports.")
    assert _one(events, "Legislation")["status"] == "Proposed"


@pytest.mark.slow
def test_events_roles_country_in_the_reason_is_no_target(nlp):
    # rule 'reason-clause': the destination of the offending transfers is not what the fine targets
    events, _ = _events(nlp, "Sweden's data regulator fined Spotify for transferring user data to the United "
                             "States.")
    found = [e for e in events if "United States" in e["targets"]]
    assert found == [], events


@pytest.mark.slow
def test_events_roles_measure_already_in_place_is_background(nlp):
    # rule 'already': a measure in place before the news is Historical; coming into force is not
    events, _ = _events(nlp, "Canada has already banned the Lumo app from government phones.")
    assert _one(events, "Ban")["status"] == "Historical"
    events, _ = _events(nlp, "Canada banned the Lumo app from government phones on Monday.")
    assert _one(events, "Ban")["status"] == "InForce"


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,sector", [
    # sector cues of raw materials and their extraction (sectors.yaml CriticalMinerals)
    ("Ghana banned the export of unprocessed ores on Monday.", "ExportControl", "CriticalMinerals"),
    ("Ghana's lower house passed an amendment to the mining law on Monday.", "Legislation", "CriticalMinerals"),
    # rule 'company-sector': a firm whose main line of business is in no sector of the vocabulary
    ("The Justice Department filed an antitrust lawsuit against Google on Tuesday.", "LegalAction", "Other"),
])
def test_events_roles_sector_of_raw_materials_and_of_a_firm(nlp, text, measure, sector):
    events, _ = _events(nlp, text)
    assert _one(events, measure)["sectors"] == {sector}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,sector", [
    # rule 'field-noun': "financial" names the Finance sector only on a field noun ("financial institutions",
    # coordinated "financial, energy and transport sectors"); "targeted financial sanctions" name no sector
    ("France imposed targeted financial sanctions on Borvik Holdings on Tuesday.", "Sanction", {"Other"}),
    ("Norway imposed sanctions on the financial institutions of Borvikstan on Tuesday.", "Sanction", {"Finance"}),
    ("Norway imposed sanctions on the financial, energy and transport sectors of Borvikstan.", "Sanction",
     {"Finance", "Energy"}),
    # rule 'longest-cue' with the Nuclear cue "nuclear weapons": the weapons are nuclear, not a second sector
    ("Norway banned exports of nuclear weapons components to Borvikstan on Monday.", "ExportControl", {"Nuclear"}),
])
def test_events_roles_sector_of_weak_and_longer_cues(nlp, text, measure, sector):
    events, _ = _events(nlp, text)
    assert set().union(*(e["sectors"] for e in events if e["measure"] == measure)) == sector, events


@pytest.mark.slow
def test_events_roles_origin_of_the_goods_investigated_is_a_target(nlp):
    # rule 'goods-origin': the country whose goods a measure looks into is what it is aimed at
    events, _ = _events(nlp, "The European Commission started an anti-subsidy investigation into Chinese electric "
                             "vehicles.")
    assert "China" in _one(events, "Investigation")["targets"]


@pytest.mark.slow
def test_events_roles_members_listed_in_a_sentence_of_their_own_are_targets(nlp):
    # rule 'member-sentence': "Those sanctioned include X and Y" names the targets of the sanction
    events, _ = _events(nlp, "The United States sanctioned four entities and two individuals on Thursday. Those "
                             "sanctioned include Lumo Corp and Norbert Vail.")
    assert {"Lumo Corp", "Norbert Vail"} <= _one(events, "Sanction")["targets"]
    # a generic description of a trade ("chip manufacturers such as X") lists no members
    events, _ = _events(nlp, "The Commerce Department added 30 companies to the Entity List on Thursday. Chip "
                             "manufacturers such as Lumo Corp sell to them.")
    assert "Lumo Corp" not in _one(events, "EntityListing")["targets"]


@pytest.mark.slow
def test_events_roles_owned_platform_describing_the_owner_is_no_target(nlp):
    # rule 'owner-descriptor': "Facebook owner Meta" names Meta by what it owns
    events, _ = _events(nlp, "Ireland's data regulator has imposed a record fine on Facebook owner Meta.")
    ev = _one(events, "LegalAction")
    assert "Meta" in ev["targets"] and "Facebook" not in ev["targets"], ev


@pytest.mark.slow
def test_events_roles_sector_word_on_staff_names_the_users(nlp):
    # rule 'staff-cue': "military personnel" barred from an app are its users; the app's sector decides
    events, _ = _events(nlp, "Ukraine has imposed a ban on the use of the Telegram messaging app on official devices "
                             "used by state officials, military personnel, and critical workers.")
    assert _one(events, "Ban")["sectors"] == {"SocialMedia"}
    events, _ = _events(nlp, "Germany banned exports of military drones to Iran.")
    assert _one(events, "ExportControl")["sectors"] == {"Defence"}


@pytest.mark.slow
def test_events_roles_law_modifying_the_measure_is_a_precedent(nlp):
    # rule 'law-modifier': "CHIPS and Science Act funding" is funding under the Act
    events, _ = _events(nlp, "The Commerce Department will provide Intel with $8.5 billion of CHIPS and Science Act "
                             "funding.")
    assert "CHIPS and Science Act" in _one(events, "Subsidy")["precedents"]


@pytest.mark.slow
def test_events_roles_named_parent_of_a_targeted_company_is_affected(nlp):
    # rule 'owner-affected': the parent of the banned app, named in the text, is affected; unnamed, nothing
    events, _ = _events(nlp, "Denmark's Defence Ministry on Monday banned its employees from having TikTok on their "
                             "work phones. TikTok is owned by China's ByteDance.")
    ev = _one(events, "Ban")
    assert "TikTok" in ev["targets"] and ev["affects"] == {"ByteDance"}, ev
    events, _ = _events(nlp, "Denmark's Defence Ministry on Monday banned its employees from having TikTok on their "
                             "work phones.")
    assert _one(events, "Ban")["affects"] == set()


@pytest.mark.slow
def test_events_roles_communications_equipment_is_telecommunications(nlp):
    events, _ = _events(nlp, "Germany banned exports of communications equipment to Iran.")
    assert _one(events, "ExportControl")["sectors"] == {"Telecommunications"}, events


@pytest.mark.slow
def test_events_roles_place_of_a_named_firm_is_no_target(nlp):
    # rule 'nationality' with a place participle: "Russia-based Kaspersky Labs" says where a named
    # firm sits; "China-based entities" (unnamed) still aims at China
    events, _ = _events(nlp, "Canada announced a ban on the software tools sold by Russia-based Kaspersky Labs and "
                             "its partners.")
    assert all("Russia" not in e["targets"] for e in events), events
    events, _ = _events(nlp, "Canada announced a ban on investments in China-based entities.")
    assert "China" in _one(events, "InvestmentRestriction")["targets"], events


@pytest.mark.slow
def test_events_roles_reason_cue_names_no_precedent_country(nlp):
    # rule 'reason-cue': "citing risks from Russia" gives a reason; "following the example of" a precedent
    events, _ = _events(nlp, "Norway banned the Lumo app on government phones, citing security risks from Russia.")
    assert "Russia" not in _one(events, "Ban")["precedents"], events
    events, _ = _events(nlp, "Norway banned the Lumo app on government phones, following the example of Denmark.")
    assert "Denmark" in _one(events, "Ban")["precedents"], events


@pytest.mark.slow
def test_events_roles_excluded_place_is_no_target(nlp):
    # rule 'excluded': a country after a negated preposition is put outside the measure
    events, _ = _events(nlp, "The Commerce Department imposed export controls on chips to Russia and Iran, but not "
                             "to India.")
    ev = _one(events, "ExportControl")
    assert "Russia" in ev["targets"], ev
    assert "India" not in ev["targets"], ev


@pytest.mark.slow
def test_events_roles_longest_sector_cue_wins(nlp):
    # rule 'longest-cue': "battery" inside "battery electric vehicles" is no Energy cue; vehicles are Other
    events, _ = _events(nlp, "The Commission opened an investigation into imports of battery electric vehicles "
                             "from China.")
    assert _one(events, "Investigation")["sectors"] == {"Other"}, events


@pytest.mark.slow
def test_events_roles_for_whom_a_restriction_applies_is_its_target(nlp):
    # rule 'for-whom': after "for", whom a restriction applies to is its target, not affected
    events, _ = _events(nlp, "Chile's data regulator ordered a suspension of new downloads for the messaging app "
                             "Telegram on Monday.")
    ev = _one(events, "DataRestriction")
    assert "Telegram" in ev["targets"] and "Telegram" not in ev["affects"], ev


@pytest.mark.slow
def test_events_roles_own_products_in_apposition_are_no_targets(nlp):
    # rule 'own-product' through an apposition: "its apps, X and Y" are the targeted company's own
    events, _ = _events(nlp, "Peru's data regulator barred Meta from collecting location data on its apps, "
                             "Instagram and WhatsApp.")
    assert _one(events, "DataRestriction")["targets"] == {"Meta"}, events


@pytest.mark.slow
def test_events_roles_controller_object_and_place_technology(nlp):
    # rule 'controller-object': "ordered X equipment to be removed" aims at X; rule 'place-technology':
    # the network it is removed from is where the measure applies, no target
    events, _ = _events(nlp, "In May, Norway ordered Huawei equipment to be removed from the country's 5G network "
                             "by 2028.")
    assert _one(events, "Ban")["targets"] == {"Huawei"}, events
    # rule 'place-technology': the medium an announcement is made in is no target
    events, _ = _events(nlp, "Ghana's interior ministry announced the suspension of Worldcoin operations in a "
                             "Facebook post on Wednesday.")
    assert _one(events, "Ban")["targets"] == {"Worldcoin"}, events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,targets", [
    # rule 'nationality': a descriptor and the name both on the last word of the name
    ("Peru has banned Chinese tech firm DeepSeek AI over privacy concerns.", "Ban", {"DeepSeek"}),
    # ... and "the US firm", which points back to the company last named
    ("The EU hit Google with a record fine, imposing a 4 billion euro penalty on the US firm for abusing its "
     "dominance.", "LegalAction", {"Google"}),
])
def test_events_roles_nationality_of_a_firm_named_or_pointed_back_to(nlp, text, measure, targets):
    events, _ = _events(nlp, text)
    assert _one(events, measure)["targets"] == targets, events


@pytest.mark.slow
@pytest.mark.parametrize("text,measure,country", [
    # rule 'country-possessor': the measure acts on the country's access, ability or capabilities
    ("The British government on Tuesday announced sanctions targeting Russia's access to foreign military "
     "supplies.", "Sanction", "Russia"),
    ("Norway imposed new rules restricting China's ability to buy advanced chips.", "ExportControl", "China"),
])
def test_events_roles_country_possessor_of_the_object_is_a_target(nlp, text, measure, country):
    events, _ = _events(nlp, text)
    assert country in _one(events, measure)["targets"], events


@pytest.mark.slow
def test_events_roles_country_possessor_needs_a_capacity_noun(nlp):
    # "Russia's drone supply chain", "China's launch failure": not what a party can do or get
    events, _ = _events(nlp, "South Korea on Monday initiated a World Trade Organization dispute against Japan's "
                             "latest export curbs.")
    assert "Japan" not in _one(events, "LegalAction")["targets"], events
