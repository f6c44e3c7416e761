"""Scoring features, ordering, explanations and the link configuration."""
from __future__ import annotations

import pytest

from kg.errors import ConfigError
from kg.precedents.rank import FEATURES, LinkConfig, Profile, Weights, features, rank, score_of
from kg.precedents.textsim import Tfidf, tokens

Q = Profile(key="q", measure="TravelRestriction", target_kind="people",
            sectors=frozenset({"ArtificialIntelligence"}), countries=frozenset({"c/china"}),
            actor_names=("China",), year=2025, date="2025",
            text="government approval before researchers travel abroad to protect talent")
PAIR = Profile(key="p", measure="TravelRestriction", target_kind="people",
               sectors=frozenset({"Nuclear"}), countries=frozenset({"c/ussr"}), actor_names=("Soviet Union",),
               year=1949, date="1949", text="nuclear scientists could not travel abroad without approval")
UNRELATED = Profile(key="u", measure="Subsidy", target_kind="firms", sectors=frozenset({"Energy"}),
                    countries=frozenset({"c/germany"}), actor_names=("Germany",), year=2010, date="2010",
                    text="grants for solar panel factories and battery plants")
LATER = Profile(key="l", measure="TravelRestriction", target_kind="people", sectors=frozenset({"Nuclear"}),
                countries=frozenset({"c/ussr"}), year=2030, date="2030",
                text="nuclear scientists could not travel abroad without approval")


@pytest.fixture()
def tfidf():
    return Tfidf(p.text for p in (Q, PAIR, UNRELATED, LATER))


def test_rank_hand_made_pair_above_unrelated(tfidf):
    got = rank(Q, [UNRELATED, PAIR], tfidf)
    assert [c.key for c in got] == ["p", "u"]
    assert got[0].score > got[1].score


def test_features_cross_sector_parallel_still_scores(tfidf):
    f = features(Q, PAIR, tfidf)
    assert f["family"] == f["measure"] == f["target"] == 1.0
    assert f["sector"] == 0.0 and f["actor"] == 0.0 and f["chronology"] == 1.0 and f["text"] > 0
    assert score_of(f, Weights()) > 0
    top = rank(Q, [UNRELATED, PAIR], tfidf)[0]      # text/semantic relative to the closest: 1 here
    assert top.key == "p" and top.features["text"] == top.features["semantic"] == 1.0
    assert top.score >= LinkConfig().threshold


def test_chronology_precedent_comes_first(tfidf):
    ranked = rank(Q, [LATER, PAIR], tfidf)
    got = {c.key: c for c in ranked}
    assert got["p"].basis == "precedent" and got["l"].basis == "parallel"
    assert [c.key for c in ranked] == ["p", "l"]          # equal scores: the earlier first
    weighted = {c.key: c for c in rank(Q, [PAIR, LATER], tfidf, LinkConfig(weights=Weights(chronology=0.05)))}
    assert weighted["p"].score > weighted["l"].score


def test_explanation_names_shared_features(tfidf):
    cfg = LinkConfig(weights=Weights(family=0.1))
    c = rank(Q, [PAIR], tfidf, cfg)[0]
    for phrase in ("mobility of people", "TravelRestriction", "people", "cross-sector", "Soviet Union", "earlier"):
        assert phrase in c.explanation
    u = rank(Q, [UNRELATED], tfidf, cfg)[0]
    assert "mobility of people" not in u.explanation
    # a feature of weight 0 is no reason: not named
    assert "mobility of people" not in rank(Q, [PAIR], tfidf, LinkConfig(weights=Weights(family=0.0)))[0].explanation


def test_rank_skips_same_dispatch():
    a = Profile(key="a", measure="Ban", dispatches=frozenset({"d1"}), text="ban apps")
    b = Profile(key="b", measure="Ban", dispatches=frozenset({"d1"}), text="ban apps")
    c = Profile(key="c", measure="Ban", dispatches=frozenset({"d2"}), text="ban apps")
    assert [x.key for x in rank(a, [b, c], Tfidf(["ban apps"]))] == ["c"]


def test_link_config_file_and_overrides(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text("threshold = 0.7\ntop_k = 1\n[weights]\ntext = 1.0\n")
    cfg = LinkConfig.load(p, top_k=2)
    assert cfg.threshold == 0.7 and cfg.top_k == 2 and cfg.weights.text == 1.0
    p.write_text("threshold = 2\n")
    with pytest.raises(ConfigError, match="threshold"):
        LinkConfig.load(p)
    p.write_text("[weights]\nluck = 1\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        LinkConfig.load(p)
    p.write_text("[floors]\ntext = 0.2\n")
    assert LinkConfig.load(p).floors.text == 0.2
    p.write_text("[floors]\nmeasure = 0.2\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        LinkConfig.load(p)
    p.write_text("[floors]\nsemantic = 1.5\n")
    with pytest.raises(ConfigError, match="floors"):
        LinkConfig.load(p)
    p.write_text("threshold = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        LinkConfig.load(p)


def test_tokens_strip_plurals_and_stopwords():
    assert tokens("The researchers and export controls") == ["researcher", "export", "control"]


def test_batchrank_top_links_equal_python_rank():
    """The vectorised all-pairs path picks exactly what rank() picks, with the same scores."""
    import random

    from kg.models import MEASURES, SECTORS, Event, Evidence, GraphBatch
    from kg.precedents.base import base_batch
    from kg.precedents.batchrank import top_links
    from kg.precedents.profiles import Context, profiles_of

    rnd = random.Random(7)
    b = base_batch()
    words = "chip export control researchers travel approval data ban app investment visa gallium court".split()
    evs = [Event(key=f"event/s{i:04d}", measure=rnd.choice(MEASURES), actors=(rnd.choice(["wd/Q148", "wd/Q30"]),),
                 sectors=(rnd.choice(SECTORS),), date=rnd.choice([None, "2019", "2024-05"]),
                 label=" ".join(rnd.sample(words, 3)) if i % 3 else None,
                 evidence=(Evidence(dispatch_id=f"d{i // 4}", sentence=" ".join(rnd.sample(words, 5)), rule="t"),))
           for i in range(80)]
    batch = GraphBatch(entities=b.batch.entities, events=tuple(evs) + b.batch.events)
    ps = profiles_of(batch, Context(batch.entities), b.id_of, b.target_kinds)
    tf = Tfidf(p.text for p in ps)
    semantic = LinkConfig(weights=Weights(family=0.05, text=0.3, semantic=0.5), threshold=0.3, top_k=4)
    headline = LinkConfig(weights=Weights(measure=0.1, text=0.2, headline=0.7), threshold=0.3, top_k=3)
    linked = LinkConfig(weights=Weights(text=0.3, semantic=0.2, headline=0.0, linked=0.5), threshold=0.3, top_k=4)
    assert any(p.links for p in ps)
    for cfg in (LinkConfig(), LinkConfig(threshold=0.3, top_k=5), semantic, headline, linked):
        fast = top_links(ps, tf, cfg)
        for q in ps:
            slow = [c for c in rank(q, ps, tf, cfg, top=cfg.top_k) if c.score >= cfg.threshold]
            assert [(c.key, c.score) for c in fast.get(q.key, [])] == [(c.key, c.score) for c in slow]


def test_rank_defaults_are_the_packaged_fitted_config():
    # the fit writes config.toml only; the dataclass defaults are read from it, so they cannot drift
    assert LinkConfig() == LinkConfig.load()


def test_headline_compares_the_query_with_the_candidate_label_only(tfidf):
    """Two candidates with the same text: the one whose one-line label says what the query says
    gets the higher ``headline`` feature, and a headline-weighted config ranks it first."""
    from dataclasses import replace

    close = replace(PAIR, key="close", label="researchers need government approval to travel abroad")
    far = replace(PAIR, key="far", label="grants for solar panel factories")
    fc, ff = features(Q, close, tfidf), features(Q, far, tfidf)
    assert fc["text"] == ff["text"] and fc["semantic"] == ff["semantic"]
    assert fc["headline"] > ff["headline"] + 0.1
    cfg = LinkConfig(weights=Weights(text=0.5, headline=0.5))
    got = rank(Q, [far, close], tfidf, cfg)
    assert [c.key for c in got] == ["close", "far"] and got[0].features["headline"] == 1.0
    assert "a headline close in meaning (the closest)" in got[0].explanation
    assert "headline" not in got[1].explanation
    no_label = features(Q, replace(PAIR, label=""), tfidf)
    assert no_label["headline"] == 0.0


def test_measure_other_cues_of_a_question_count_half(tfidf):
    """A free-text question's main measure counts 1; another measure its cues name counts OTHER_CUE."""
    from dataclasses import replace

    from kg.precedents.rank import OTHER_CUE

    q = replace(Q, alt_measures=frozenset({"TravelRestriction", "VisaRestriction"}))
    visa = replace(PAIR, key="v", measure="VisaRestriction")
    assert 0 < OTHER_CUE < 1
    assert features(q, PAIR, tfidf)["measure"] == 1.0
    assert features(q, visa, tfidf)["measure"] == OTHER_CUE
    assert features(q, UNRELATED, tfidf)["measure"] == 0.0
    got = {c.key: c for c in rank(q, [PAIR, visa], tfidf, LinkConfig(weights=Weights(measure=1.0)))}
    assert got["p"].score > got["v"].score
    assert "the same kind of measure (TravelRestriction)" in got["p"].explanation
    assert "a kind of measure the query also names (VisaRestriction)" in got["v"].explanation


def test_an_unknown_measure_matches_no_kind(tfidf):
    """``Other`` (no cue found, or an event of no known kind) is not a kind of measure: two events of
    unknown kind share neither ``measure`` nor ``family``, while two of the same known kind do."""
    from dataclasses import replace

    from kg.precedents.rank import UNKNOWN

    q, c = replace(Q, measure=UNKNOWN), replace(PAIR, measure=UNKNOWN)
    f = features(q, c, tfidf)
    assert f["measure"] == 0.0 and f["family"] == 0.0
    assert features(Q, PAIR, tfidf)["measure"] == 1.0 and features(Q, PAIR, tfidf)["family"] == 1.0
    # a question that cues a kind besides no main one still matches that kind, never "Other"
    q2 = replace(q, alt_measures=frozenset({UNKNOWN, "TravelRestriction"}))
    assert features(q2, PAIR, tfidf)["measure"] > 0 and features(q2, c, tfidf)["measure"] == 0.0
    only = Weights(**{k: 0.0 for k in FEATURES} | {"measure": 0.5, "family": 0.5})
    got = rank(q, [c], tfidf, LinkConfig(weights=only))
    assert got[0].score == 0.0 and "kind of measure" not in got[0].explanation


def test_linked_marks_what_the_closest_candidate_cites(tfidf):
    """A candidate citing (or cited by) the query's closest match in wording and meaning is
    ``linked``; the closest itself and the others are not; the explanation names the link."""
    from dataclasses import replace

    closest = replace(PAIR, links=frozenset({"l"}), label="Soviet scientists barred from travel")
    other = replace(UNRELATED, links=frozenset({"q2"}))
    cfg = LinkConfig(weights=Weights(text=0.3, semantic=0.3, linked=0.4))
    got = {c.key: c for c in rank(Q, [closest, other, LATER], tfidf, cfg)}
    assert got["p"].features["linked"] == 0.0           # the anchor itself
    assert got["l"].features["linked"] == 1.0           # cited by the anchor
    assert got["u"].features["linked"] == 0.0
    assert "a precedent link with the closest match (Soviet scientists barred from travel)" \
        in got["l"].explanation
    # cited the other way round counts the same
    got2 = {c.key: c for c in rank(Q, [replace(PAIR, label="x"), replace(LATER, links=frozenset({"p"})), UNRELATED],
                                   tfidf, cfg)}
    assert got2["l"].features["linked"] == 1.0 and got2["u"].features["linked"] == 0.0
