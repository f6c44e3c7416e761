"""Organisations listed one per line under an introducing line (kg.nlp.entities.listed, rule:listed-org)."""
from __future__ import annotations

from nlp_helpers import entities_by_name, run


def test_bulleted_names_under_a_companies_line_are_companies(nlp):
    text = ("The ministry placed four firms on its list on Friday. The companies include:\n\n- Velmora Drones\n\n"
            "- Qorvane Labs\n- Tessit\n\nThe list takes effect next month.")
    ents = entities_by_name(run(nlp, text))
    for name in ("Velmora Drones", "Qorvane Labs", "Tessit"):
        assert ents[name].type == "Company", name


def test_bulleted_lines_under_other_lines_are_no_companies(nlp):
    # the introducing line names no organisations; the items are sentences or places
    text = ("The rule covers these steps:\n- Develops a quantum computer\n- Rio Rancho\n\n"
            "Officials said the rule is final.")
    ents = entities_by_name(run(nlp, text))
    assert not any(e.type == "Company" for e in ents.values())


def test_a_listed_name_is_the_company_wherever_the_text_writes_it(nlp):
    text = ("The companies include:\n- Velmora Drones\n- Tessit\n\nTessit is a drone maker based in Oregon.")
    doc = run(nlp, text)
    assert sum(1 for sp in doc.spans["kg_mentions"] if sp.text == "Tessit" and sp.label_ == "Company") == 2
