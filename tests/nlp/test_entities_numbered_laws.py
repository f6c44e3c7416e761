"""Numbered laws: a chamber letter or a thousands comma in the number, "No." then ".", and short forms."""
from __future__ import annotations

from nlp_helpers import entities_by_name, run


def test_bill_numbers_of_many_shapes_are_legislation(nlp):
    doc = run(nlp, "The lower house passed the long-awaited Bill C-31 and the privacy bill, known as "
                   "Bill No. 4421-7, on a vote of 200 to 90, while Bill 1,204/2024 waits.")
    ents = entities_by_name(doc)
    for name in ("Bill C-31", "Bill No. 4421-7", "Bill 1,204/2024"):
        assert ents[name].type == "Legislation", name
    assert not any(e.type == "Person" for e in ents.values())


def test_participle_opening_the_sentence_is_not_in_the_name(nlp):
    doc = run(nlp, "Based on Bill 2,338/2023, the rules apply to all providers.")
    assert "Bill 2,338/2023" in entities_by_name(doc)


def test_short_number_joins_the_full_number(nlp):
    doc = run(nlp, "The government promulgated Decree No. 53/2022/ND-CP, elaborating a number of articles. "
                   "In particular, Decree 53 takes effect on October 1. The ministry also cited Decree 13/2023/ND-CP.")
    ents = entities_by_name(doc)
    assert "Decree 53" in ents["Decree No. 53/2022/ND-CP"].aliases
    assert "Decree 53" not in ents
    assert "Decree 13/2023/ND-CP" in ents



def test_state_bill_abbreviations_with_a_number_are_legislation(nlp):
    doc = run(nlp, "Velmora's governor signed SB 419 on Tuesday, while AB 2013 and HB 149 wait; SB 24-205 took effect.")
    ents = entities_by_name(doc)
    for name in ("SB 419", "AB 2013", "HB 149", "SB 24-205"):
        assert ents[name].type == "Legislation", name


def test_state_bill_abbreviation_joins_the_written_out_bill(nlp):
    doc = run(nlp, "The governor signed Senate Bill 24-205 on Friday. SB 24-205 requires developers to disclose "
                   "their systems.")
    ents = entities_by_name(doc)
    assert "SB 24-205" in ents["Senate Bill 24-205"].aliases
    assert "SB 24-205" not in ents


def test_french_number_sign_split_by_the_tokenizer_stays_in_the_name(nlp):
    doc = run(nlp, "The regulator issued Decision n° 002/ABCD/2024 on Monday.")
    assert entities_by_name(doc)["Decision n° 002/ABCD/2024"].type == "Legislation"
