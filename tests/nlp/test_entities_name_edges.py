"""Edges of rule-made names (kg/nlp/entities/names.py, sources.py): "Act on ...", a year in a law's name, a
possessive inside an official name, a gazetteer university inside a longer name."""
from __future__ import annotations

from nlp_helpers import entities_by_name, run


def test_act_on_opens_a_law_name(nlp):
    doc = run(nlp, "The parliament passed the Act on Protection of Velmoran Semiconductor Supply Chains in May. "
                   "Firms must act on the findings.")
    assert entities_by_name(doc)["Act on Protection of Velmoran Semiconductor Supply Chains"].type == "Legislation"


def test_year_completes_a_law_name(nlp):
    doc = run(nlp, "Payments follow the Velmoran Procurement Rules, 2019 and the guidance. Congress passed the "
                   "Velmora Defense Authorization Act for Fiscal Year 2031 in June.")
    ents = entities_by_name(doc)
    assert "Velmoran Procurement Rules, 2019" in ents
    assert "Velmora Defense Authorization Act for Fiscal Year 2031" in ents


def test_year_that_opens_a_clause_stays_out(nlp):
    doc = run(nlp, "Under the Velmoran Data Act, 2019 saw fines rise.")
    assert "Velmoran Data Act" in entities_by_name(doc)


def test_peoples_inside_an_official_name(nlp):
    doc = run(nlp, "Sanctions hit a unit of the Ministry of the People's Naval Forces on Monday.")
    assert "Ministry of the People's Naval Forces" in entities_by_name(doc)


def test_gazetteer_university_inside_a_longer_name(nlp):
    doc = run(nlp, "Researchers at Tsinghua University of Applied Sciences and Tsinghua University were listed.")
    ents = entities_by_name(doc)
    assert "Tsinghua University of Applied Sciences" in ents and "Tsinghua University" in ents


def test_company_cue_inside_a_name_or_before_a_longer_name_keeps_the_name_whole(nlp):
    doc = run(nlp, "The ministry also designated front company Qiantang Harbor Network Technology Co., Ltd, and two banks. "
                   "It blocked the purchase by Hangzhou Clear Vision Technology Company Ltd (HCVT) of sensor know-how.")
    ents = entities_by_name(doc)
    assert "Ltd" not in ents and "Qiantang Harbor Network Technology Co." not in ents
    assert any(n.startswith("Qiantang Harbor Network Technology Co., Ltd") for n in ents)



def test_english_word_product_inside_a_longer_name_is_no_product(nlp):
    inside = entities_by_name(run(nlp, "Troops met at the Line Of Actual Control. Officers of the Velmoran Signal "
                                       "Corps spoke to reporters."))
    assert "Signal" not in inside and "Line" not in inside
    alone = entities_by_name(run(nlp, "Regulators blocked Signal and Line. Russian Signal users complained."))
    assert alone["Signal"].type == "Technology" and alone["Line"].type == "Technology"
