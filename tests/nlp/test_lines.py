"""``kg_lines``: bylines, wire credits, photo credits and author lines are boilerplate ranges."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from kg.nlp.lines import boilerplate_ranges, name_line_ranges


def skipped(text: str) -> list[str]:
    return [text[s:e] for s, e in boilerplate_ranges(text)]


def test_wire_parenthetical_only_the_credits_are_skipped():
    text = ("Qorvane said it would comply with the order. (Reporting by Anna Velmora in Zurich; Additional\n"
            "reporting by Ben Tarro; Writing by Cleo Ashdown; Editing by Dan Fell)\n")
    assert skipped(text) == ["(Reporting by Anna Velmora in Zurich; Additional\nreporting by Ben Tarro; "
                             "Writing by Cleo Ashdown; Editing by Dan Fell)"]


def test_a_parenthetical_of_reporting_is_not_a_credit():
    text = "The regulator (reporting to parliament) fined Qorvane.\n"
    assert skipped(text) == []


@pytest.mark.parametrize("line", [
    "By Anna Velmora (Daily Planet)", "By Anna Velmora, Daily Planet technology editor",
    "[co-author: Anna Velmora]", "Contributing: Anna Velmora and Ben Tarro",
])
def test_bylines_and_co_authors(line):
    text = f"Qorvane Wins Contract\n{line}\nThe EU chose Qorvane.\n"
    assert skipped(text) == [line]


@pytest.mark.parametrize("caption, credit", [
    ("The minister speaks in Brno. Photo: Picture Agency/dpa | Anna Velmora",
     "Photo: Picture Agency/dpa | Anna Velmora"),
    ("Officials visit the plant (Photo:Anna Velmora/Unsplash)", "(Photo:Anna Velmora/Unsplash)"),
    ("Brine pools dry in the sun. Anna Velmora (AP)", "Anna Velmora (AP)"),
    ("Workers at the Qorvane plant. Anna Velmora/Getty Images", "Anna Velmora/Getty Images"),
    ("Workers at the Qorvane plant. Anna Velmora/AFP via Getty Images", "Anna Velmora/AFP via Getty Images"),
    ("Qorvane's new line. Credit: Anna Velmora", "Credit: Anna Velmora"),
])
def test_photo_credits_only_the_credit_is_skipped(caption, credit):
    text = f"Headline\n{caption}\n"
    ranges = boilerplate_ranges(text)
    assert credit in [text[s:e] for s, e in ranges]
    assert min(s for s, _ in ranges) == text.index(credit)  # the caption before the credit stays


@pytest.mark.parametrize("line", [
    "Tax Credit: A New Scheme For Chips",   # a label inside a headline is no credit
    "Qorvane sells chips to Brno (AP) and Zurich.",
    "The fund's source: a levy on chips, the ministry said",
])
def test_not_credits(line):
    assert skipped(f"Headline\n{line}\n") == []


def test_name_line_beside_its_byline():
    text = "Qorvane Wins Contract\n\nAnna Velmora\n\nBy Anna Velmora, Brussels\n\nThe EU chose Qorvane.\n"
    assert skipped(text) == ["Anna Velmora", "By Anna Velmora, Brussels"]


def test_name_line_beside_another_byline_is_kept():
    text = "Qorvane Wins Contract\nBen Tarro\nBy Anna Velmora\nThe EU chose Qorvane.\n"
    assert skipped(text) == ["By Anna Velmora"]


def _doc_with_person(text: str, person: str):
    doc = spacy.blank("en")(text)
    start = text.index(person)
    doc.ents = [doc.char_span(start, start + len(person), label="PERSON")]
    assert isinstance(doc.ents[0], Span)
    return doc


def test_name_line_under_the_headline_tagged_as_a_person():
    text = "Qorvane is added to the trade list by the ministry\n\nAnna Velmora\n\nMay 2, 2024\n\nBody.\n"
    doc = _doc_with_person(text, "Anna Velmora")
    assert [text[s:e] for s, e in name_line_ranges(doc)] == ["Anna Velmora"]


@pytest.mark.parametrize("text, person", [
    ("Anna Velmora Signs Order\n\nThe minister signed it.\n", "Anna Velmora"),  # the headline stays
    ("Qorvane Wins Contract\n\nAnna Velmora Signs Order\n\nBody.\n", "Anna Velmora"),  # not the whole line
    ("Qorvane Wins Contract\n\nBody text.\n\nAnna Velmora\n", "Anna Velmora"),  # not under the headline
])
def test_name_lines_that_stay(text, person):
    assert name_line_ranges(_doc_with_person(text, person)) == []


@pytest.mark.parametrize("text, credit", [
    ("Qorvane Wins Contract Anna Velmora By Anna Velmora, chips correspondent The EU chose Qorvane.",
     "Anna Velmora By Anna Velmora, chips correspondent"),
    ("Home>News Qorvane row By Anna Velmora (Daily Planet) Updated: 2024-05-02",
     "By Anna Velmora (Daily Planet)"),
    ("The minister spoke. Photo: Picture Agency/dpa | Anna Velmora “We must look closely,” she said.",
     "Photo: Picture Agency/dpa | Anna Velmora"),
])
def test_credits_inside_a_joined_paragraph(text, credit):
    """The reader joins a paragraph's lines: the header's byline and a caption's credit sit mid-line."""
    assert credit in skipped(text)


def test_a_capitalised_by_in_prose_is_no_byline():
    assert skipped("Headline\nThe rules were written By Hand (sic) last year.\n") == []
