"""Platforms (gazetteer entries flagged ``platform``) typed by context: the service or the company."""
from __future__ import annotations

from nlp_helpers import entities_by_name, run

from kg.ids import entity_key


def test_platform_spoken_of_as_a_service_is_a_technology(nlp):
    doc = run(nlp, "The ministry told its staff to uninstall TikTok from official phones. "
                   "Employees who keep the app on their devices face a reprimand.")
    assert entities_by_name(doc)["TikTok"].type == "Technology"


def test_platform_that_acts_is_a_company(nlp):
    doc = run(nlp, "The regulator fined WhatsApp 5 million euros on Tuesday. WhatsApp said it would appeal.")
    assert entities_by_name(doc)["WhatsApp"].type == "Company"


def test_platform_owned_by_a_named_company_is_its_product(nlp):
    doc = run(nlp, "ByteDance's TikTok and Douyin remain popular with students, the survey found.")
    ents = entities_by_name(doc)
    assert ents["TikTok"].type == ents["Douyin"].type == "Technology"
    assert ents["ByteDance"].type == "Company"


def test_platform_without_cues_keeps_the_gazetteer_type(nlp):
    doc = run(nlp, "TikTok and Telegram were discussed at the hearing on Monday.")
    ents = entities_by_name(doc)
    assert ents["TikTok"].type == "Company"


def test_platform_after_its_owner_with_a_hyphen_is_its_product(nlp):
    doc = run(nlp, "Officials said the ByteDance-owned Douyin would be removed from state phones.")
    assert entities_by_name(doc)["Douyin"].type == "Technology"


def test_platform_typed_as_its_service_gets_its_own_node_and_no_company_facts(nlp):
    # the entry's key and facts (TikTok subsidiaryOf ByteDance) belong to the company; the app is another
    # node, so a graph merging this dispatch with one where TikTok acts has no node typed both ways
    doc = run(nlp, "The ministry told its staff to uninstall TikTok from official phones, and ByteDance said "
                   "it regretted the decision.")
    app = entities_by_name(doc)["TikTok"]
    assert app.type == "Technology" and app.key == entity_key("Technology", "TikTok") and app.wikidata is None
    assert not [r for r in doc._.kg_relations or () if r.subject == app.key and r.predicate == "subsidiaryOf"]
    company = run(nlp, "The regulator fined TikTok on Tuesday. TikTok said it would appeal.")
    assert entities_by_name(company)["TikTok"].key != app.key
