"""Doc -> Extraction: evidence offsets, determinism, used entities only, n_process."""
from __future__ import annotations

import pytest

from kg.models import Extraction
from kg.nlp.extract import Extractor, doc_to_extraction

from nlp_helpers import make_dispatch

TEXT = ("Qorvane Faces New Limits\n"
        "By Anna Example\n"
        "China's Ministry of Commerce said on Monday that Qorvane must seek approval.\n"
        "Dutch-based Velmora, a subsidiary of Qorvane, was not affected.\n"
        "The EU has discussed similar rules for Z9 chips.\n")


@pytest.fixture(scope="module")
def blank_extractor(blank_nlp):
    return Extractor(nlp=blank_nlp)


def test_extract_returns_an_extraction_with_pipeline_info(blank_extractor):
    ex = blank_extractor.extract(make_dispatch(TEXT))
    assert isinstance(ex, Extraction)
    assert ex.pipeline.version and ex.pipeline.model
    names = {e.name for e in ex.entities}
    assert {"Qorvane", "Velmora", "China", "Ministry of Commerce", "European Union", "Z9 chips"} <= names


def test_extract_evidence_offsets_point_at_the_sentence(blank_extractor):
    d = make_dispatch(TEXT)
    ex = blank_extractor.extract(d)
    evidence = [m for e in ex.entities for m in e.mentions] + [v for r in ex.relations for v in r.evidence]
    assert evidence
    for ev in evidence:
        assert ev.dispatch_id == d.id
        assert d.text[ev.start:ev.end].strip() == ev.sentence
        assert 0 < ev.confidence <= 1 and ev.rule


def test_extract_is_deterministic(blank_extractor):
    d = make_dispatch(TEXT)
    a = blank_extractor.extract(d).model_dump_json()
    b = blank_extractor.extract(d).model_dump_json()
    assert a == b
    ex = blank_extractor.extract(d)
    assert [e.key for e in ex.entities] == sorted(e.key for e in ex.entities)
    assert [(r.subject, r.predicate, r.object) for r in ex.relations] == \
        sorted((r.subject, r.predicate, r.object) for r in ex.relations)


def test_extract_only_mentioned_or_used_entities(blank_nlp):
    d = make_dispatch(TEXT)
    doc = blank_nlp.make_doc(d.text)
    doc._.kg_dispatch_id = d.id
    doc = blank_nlp(doc)
    from kg.models import Entity

    doc._.kg_entities["company/unused"] = Entity(key="company/unused", type="Company", name="Unused")
    ex = doc_to_extraction(doc, d, Extractor(nlp=blank_nlp).info)
    assert "company/unused" not in {e.key for e in ex.entities}


def test_extract_many_matches_extract_and_keeps_order(blank_extractor):
    ds = [make_dispatch(TEXT), make_dispatch("Velmora opened a plant in the Netherlands."),
          make_dispatch("Nothing to see here.")]
    many = list(blank_extractor.extract_many(ds, batch_size=2))
    assert [x.dispatch.id for x in many] == [d.id for d in ds]
    assert many[0] == blank_extractor.extract(ds[0])
    assert many[2].entities == ()


@pytest.mark.slow
def test_extract_many_in_two_processes_equals_one(extractor):
    ds = [make_dispatch(TEXT), make_dispatch("Beijing imposed export controls on gallium and germanium.")]
    one = list(extractor.extract_many(ds, n_process=1))
    two = list(extractor.extract_many(ds, n_process=2))
    assert one == two


@pytest.mark.slow
def test_extract_real_pipeline_dispatch_in_project_style(extractor):
    text = ("China Tightens Grip on Chip Talent\n"
            "Beijing has barred senior semiconductor engineers at Huawei from travelling abroad without approval.\n"
            "Huawei CFO Meng Wanzhou's extradition fight, the Meng Wanzhou case, is cited as the reason.\n"
            "The U.S. Commerce Department's Bureau of Industry and Security (BIS) declined to comment.\n"
            "READ MORE: How export controls work\n")
    ex = extractor.extract(make_dispatch(text))
    by_name = {e.name: e for e in ex.entities}
    assert by_name["China"].type == "Country" and "Beijing" in by_name["China"].aliases
    assert by_name["Huawei"].type == "Company"
    assert by_name["Meng Wanzhou"].type == "Person"
    assert by_name["Meng Wanzhou case"].type == "LegalCase"
    assert by_name["Bureau of Industry and Security"].type == "GovernmentBody"
    assert by_name["semiconductor engineers"].type == "Group"
    rels = {(r.subject, r.predicate, r.object) for r in ex.relations}
    key = {e.name: e.key for e in ex.entities}
    assert (key["Meng Wanzhou"], "worksFor", key["Huawei"]) in rels
    assert (key["Department of Commerce"], "partOf", key["United States"]) in rels


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_WORDS = st.sampled_from(["China", "China's", "the", "U.S.", "Dutch-based", "Velmora", "Qorvane", "(", ")",
                          "BIS", "Act", "case", "v.", "By", "\n", "READ MORE", ",", ".", "’s", "Z9", "chips",
                          "researchers", "AI", "Verifier", "é", "—", "Ministry", "of", "Commerce"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, min_size=1, max_size=40).map(" ".join) | st.text(min_size=1, max_size=200))
def test_extract_never_fails_and_offsets_stay_inside(blank_extractor, text):
    d = make_dispatch(text)
    ex = blank_extractor.extract(d)
    for e in ex.entities:
        assert e.name and e.key
        for ev in e.mentions:
            assert 0 <= ev.start <= ev.end <= len(text)
    keys = {e.key for e in ex.entities}
    assert all(r.subject in keys and r.object in keys for r in ex.relations)
