"""kg_events: analogies a sentence draws between the measures it names (real pipeline, slow)."""
from __future__ import annotations

import pytest

from test_events import _events, _one  # the helpers of the event tests in this folder


def _pairs(events, doc):
    by_key = {e["key"]: (e["measure"], frozenset(e["actors"])) for e in events}
    return {frozenset((by_key[a.a], by_key[a.b])) for a in doc._.kg_analogies if a.a in by_key and a.b in by_key}


@pytest.mark.slow
def test_sentence_analogy_links_two_measures_across_a_cue(nlp):
    events, doc = _events(nlp, "Poland banned the Acme app on official phones on Monday. "
                               "The Czech Republic restricted exports of drones to Russia, echoing the "
                               "sanctions Canada imposed on Russia last year.")
    pairs = _pairs(events, doc)
    cz = [e for e in events if "Czech Republic" in e["actors"]]
    ca = [e for e in events if "Canada" in e["actors"]]
    assert cz and ca, events
    assert frozenset(((cz[0]["measure"], frozenset(cz[0]["actors"])),
                      (ca[0]["measure"], frozenset(ca[0]["actors"])))) in pairs, pairs


@pytest.mark.slow
def test_sentence_analogy_needs_the_cue_between_the_measures(nlp):
    # both measures after the cue: nothing is compared with the Ruritanian ban
    events, doc = _events(nlp, "Officials said the plan mirrors what Ruritania did when it banned the Acme app "
                               "and fined Acme.")
    assert not any(a for a in doc._.kg_analogies
                   if {e["measure"] for e in events if e["key"] in (a.a, a.b)} == {"Ban", "LegalAction"}), events


@pytest.mark.slow
def test_no_analogy_between_a_measure_and_one_by_its_target(nlp):
    events, doc = _events(nlp, "The European Commission opened an investigation into Chinese subsidies for "
                               "electric cars. China, mirroring the move, opened an anti-dumping investigation "
                               "into European brandy.")
    eu = [e for e in events if "European Commission" in e["actors"] or "European Union" in e["actors"]]
    cn = [e for e in events if e["actors"] == {"China"}]
    if eu and cn and "China" in eu[0]["targets"]:
        keys = {eu[0]["key"], cn[0]["key"]}
        assert not any({a.a, a.b} == keys for a in doc._.kg_analogies), events


@pytest.mark.slow
def test_events_analogies_similar_measure_aims_where_its_parallel_aims(nlp):
    # rule 'similar-target': "similar sanctions" with no target of their own aim at the parallel's country
    events, _ = _events(nlp, "The Commerce Department has banned exports of high-tech products to Russia. The "
                             "European Union has agreed to adopt similar sanctions.")
    assert "Russia" in _one(events, "Sanction")["targets"]


@pytest.mark.slow
def test_events_analogies_no_parallel_with_a_revocation(nlp):
    # rule 'no-revoked-parallel': withdrawing a designation is no parallel of the fine it "echoes"
    # (a second actor: "The Commission" again is the European Commission, whose one LegalAction it joins)
    events, doc = _events(nlp, "The European Commission fined Lumo Corp 500 million euros on Tuesday. The "
                               "Netherlands Authority for Consumers and Markets also removed the designation of "
                               "Lumo Market as a regulated platform, echoing the earlier fine.")
    revoked = {e["key"] for e in events if e["status"] == "Revoked"}
    assert revoked, events
    assert not any({a.a, a.b} & revoked for a in doc._.kg_analogies), doc._.kg_analogies


@pytest.mark.slow
def test_events_analogies_on_par_with_draws_a_parallel(nlp):
    # analogy cue "on par with" (cues.yaml analogy_cues): the comparison links the two subsidies
    events, doc = _events(nlp, "China has launched a state-backed fund of 47 billion dollars to subsidise its "
                               "chipmakers. The size of the fund is roughly on par with the subsidies the United "
                               "States granted to chipmakers under the CHIPS Act in 2022.")
    assert len([e for e in events if e["measure"] == "Subsidy"]) == 2, events
    assert len(doc._.kg_analogies) == 1, doc._.kg_analogies
