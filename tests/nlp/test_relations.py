"""Relations: text patterns (tiny gazetteer + statistical model) and gazetteer relations with co-occurrence."""
from __future__ import annotations

import pytest

from nlp_helpers import relation_names, run


@pytest.mark.slow
@pytest.mark.parametrize("text,triple,rule", [
    ("Chinese startup Zorblax released a model.", ("Zorblax", "headquarteredIn", "China"), "rel:origin-cue"),
    ("Dutch chipmaker Velmora cut its forecast.", ("Velmora", "headquarteredIn", "Netherlands"), "rel:origin-cue"),
    ("U.S.-based Zorblax hired staff.", ("Zorblax", "headquarteredIn", "United States"), "rel:based"),
    ("Qorvane CFO Lin Meifang was detained in Canada.", ("Lin Meifang", "worksFor", "Qorvane"), "rel:title-org"),
    ("Qorvane CEO Lin Meifang said sales rose.", ("Lin Meifang", "leads", "Qorvane"), "rel:title-org"),
    ("The board met CEO Tom Harlow of Velmora on Friday.", ("Tom Harlow", "leads", "Velmora"), "rel:title-of"),
    ("Chinese President Wang Dapeng visited Paris.", ("Wang Dapeng", "leads", "China"), "rel:head-of-state"),
    ("Dutch Foreign Trade Minister Anke Verhoef defended the rules.",
     ("Anke Verhoef", "worksFor", "Netherlands"), "rel:official"),
    ("Velmora, a subsidiary of Qorvane, objected.", ("Velmora", "subsidiaryOf", "Qorvane"), "rel:subsidiary"),
    ("Qorvane's Z9 chips sold out.", ("Qorvane", "produces", "Z9 chips"), "rel:possessive-tech"),
    ("Regulators banned Velmora's 2100x and 2200x scanners.", ("Velmora", "produces", "2200x"),
     "rel:possessive-tech"),
    ("The U.S. Commerce Department acted.", ("Department of Commerce", "partOf", "United States"),
     "rel:possessive-body"),
    ("The Dutch trade ministry objected.", ("Dutch trade ministry", "partOf", "Netherlands"), "rel:name-prefix"),
    ("Velmora, a Dutch-headquartered supplier owned by Qorvane, said it would appeal.",
     ("Velmora", "headquarteredIn", "Netherlands"), "rel:appositive"),
])
def test_relations_text_patterns(tiny_nlp, text, triple, rule):
    doc = run(tiny_nlp, text)
    assert triple in relation_names(doc)
    ents = doc._.kg_entities
    rel = next(r for r in doc._.kg_relations
               if (ents[r.subject].name, r.predicate, ents[r.object].name) == triple)
    assert rule in {e.rule for e in rel.evidence} and rel.evidence[0].source == "text"
    assert rel.evidence[0].sentence in text


@pytest.mark.slow
def test_relations_no_company_employs_a_minister(tiny_nlp):
    # "<Company>, <state office> <Person>": the list of companies ends at the comma; a minister works for a state
    doc = run(tiny_nlp, "The firms must divest their stakes in Velmora and Qorvane, Industry Minister Anke Verhoef "
                        "said on Monday.")
    assert not any(p == "worksFor" and o in ("Velmora", "Qorvane") for _, p, o in relation_names(doc))


@pytest.mark.slow
def test_relations_gazetteer_needs_the_same_sentence(tiny_nlp):
    same = run(tiny_nlp, "China restricted travel by engineers at Qorvane.")
    apart = run(tiny_nlp, "China restricted travel. Engineers at Qorvane complained.")
    assert ("Qorvane", "headquarteredIn", "China") in relation_names(same)
    assert ("Qorvane", "headquarteredIn", "China") not in relation_names(apart)
    [rel] = [r for r in same._.kg_relations if r.predicate == "headquarteredIn"]
    assert rel.evidence[0].source == "gazetteer"
    assert rel.evidence[0].rule == "gazetteer:headquarteredIn"
    assert rel.confidence == pytest.approx(0.7)


@pytest.mark.slow
def test_relations_gazetteer_demonym_alone_is_not_enough(tiny_nlp):
    doc = run(tiny_nlp, "Qorvane bought American tools for its plant.")
    assert not any(p == "headquarteredIn" for _, p, _ in relation_names(doc))


@pytest.mark.slow
def test_relations_gazetteer_member_of_needs_a_membership_cue(tiny_nlp):
    plain = run(tiny_nlp, "The Netherlands and the EU disagreed on Tuesday.")
    cued = run(tiny_nlp, "The Netherlands, an EU member, disagreed on Tuesday.")
    assert ("Netherlands", "memberOf", "European Union") not in relation_names(plain)
    assert ("Netherlands", "memberOf", "European Union") in relation_names(cued)


@pytest.mark.slow
def test_relations_gazetteer_part_of_is_document_wide(tiny_nlp):
    # GUIDE.md: every named government body of a named state is partOf it (formerly: only when
    # the country was written next to the body)
    doc = run(tiny_nlp, "China protested after the Ministry of Commerce announced new rules.")
    assert ("Ministry of Commerce", "partOf", "China") in relation_names(doc)


def test_relations_blank_pipeline_dash_based(blank_nlp):
    doc = run(blank_nlp, "Dutch-based Velmora and Chinese-owned firms.")
    assert ("Velmora", "headquarteredIn", "Netherlands") in relation_names(doc)


@pytest.mark.slow
def test_relations_deputy_titles_do_not_lead(tiny_nlp):
    doc = run(tiny_nlp, "China passed a law. Deputy Prime Minister Anton Brusk objected.")
    assert not any(p == "leads" for _, p, _ in relation_names(doc))


@pytest.mark.slow
def test_relations_appositive_country_of_the_owner_is_not_the_subjects(tiny_nlp):
    doc = run(tiny_nlp, "Velmora, the unit owned by Beijing-based Qorvane, objected.")
    rels = relation_names(doc)
    assert ("Velmora", "headquarteredIn", "China") not in rels
    assert ("Velmora", "subsidiaryOf", "Qorvane") in rels


@pytest.mark.slow
def test_relations_body_home_country_is_the_dominant_named_country(tiny_nlp):
    doc = run(tiny_nlp, "China cut export quotas. China said supply was tight. "
                        "The Ministry of Rare Earth Planning said permits would follow. Dutch firms complained.")
    rels = relation_names(doc)
    part = [t for t in rels if t[1] == "partOf"]
    assert part and all(o == "China" for _, _, o in part)
    rel = next(r for r in doc._.kg_relations if r.predicate == "partOf")
    assert rel.evidence[0].rule == "rel:body-home-country"


@pytest.mark.slow
def test_relations_body_home_country_needs_a_strictly_dominant_country(tiny_nlp):
    doc = run(tiny_nlp, "China and the Netherlands met. The Ministry of Rare Earth Planning said permits would follow.")
    assert not any(p == "partOf" for _, p, _ in relation_names(doc))


@pytest.mark.slow
def test_relations_head_of_state_context_uses_the_one_country_of_the_sentence(tiny_nlp):
    doc = run(tiny_nlp, "The Netherlands will stop chip exports in June, President Anton Brusk said on Monday.")
    assert ("Anton Brusk", "leads", "Netherlands") in relation_names(doc)
    rel = next(r for r in doc._.kg_relations if r.predicate == "leads")
    assert rel.evidence[0].rule == "rel:head-of-state-context"


@pytest.mark.slow
def test_relations_head_of_state_context_two_countries_no_guess(tiny_nlp):
    doc = run(tiny_nlp, "China and the Netherlands signed a pact when President Anton Brusk visited the country.")
    assert not any(p == "leads" for _, p, _ in relation_names(doc))


@pytest.mark.slow
@pytest.mark.parametrize("text,triple,rule", [
    ("Velmora is owned by China's Qorvane, filings show.", ("Qorvane", "headquarteredIn", "China"),
     "rel:possessive-company"),
    ("The rules drew Chinese groups such as Qorvane to build plants.", ("Qorvane", "headquarteredIn", "China"),
     "rel:origin-cue"),
])
def test_relations_country_cues_for_companies(tiny_nlp, text, triple, rule):
    doc = run(tiny_nlp, text)
    assert triple in relation_names(doc)
    ents = doc._.kg_entities
    rel = next(r for r in doc._.kg_relations if (ents[r.subject].name, r.predicate, ents[r.object].name) == triple)
    assert rule in {e.rule for e in rel.evidence}


def test_relations_origin_cue_covers_every_item_of_the_list(blank_nlp):
    doc = run(blank_nlp, "Dutch companies Velmora, Qorvane and Velmora Labs were told to sell.")
    rels = relation_names(doc)
    assert ("Velmora", "headquarteredIn", "Netherlands") in rels
    assert ("Qorvane", "headquarteredIn", "Netherlands") in rels


@pytest.mark.slow
def test_relations_minister_portfolio_matches_the_body_of_the_document(tiny_nlp):
    doc = run(tiny_nlp, "The Ministry of Commerce issued rules. Commerce Minister Anton Brusk said they were final.")
    rels = relation_names(doc)
    # GUIDE.md: a minister of a department leads it (and is not also worksFor it)
    assert ("Anton Brusk", "leads", "Ministry of Commerce") in rels
    assert ("Anton Brusk", "worksFor", "Ministry of Commerce") not in rels
    rel = next(r for r in doc._.kg_relations if r.predicate == "leads")
    assert rel.evidence[0].rule == "rel:title-body-head"
    other = run(tiny_nlp, "The Ministry of Commerce issued rules. Energy Minister Anton Brusk said they were final.")
    assert not any(p in ("worksFor", "leads") for _, p, _ in relation_names(other))


@pytest.mark.slow
def test_relations_title_phrase_ends_at_an_owner_that_is_no_country(tiny_nlp):
    rels = relation_names(run(tiny_nlp, "The list names Tom Harlow, the president of Zorblax's Chinese worker delegation."))
    assert not {r for r in rels if r[0] == "Tom Harlow" and r[2] == "China"}
