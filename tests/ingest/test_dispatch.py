"""The dispatch format: header dropped, Verifier block kept out of the text, shape-based detection."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.ingest import read_file, read_text, text_id
from kg.ingest.dispatch import looks_like

DISPATCH = """· $0.12
Autonomous AI dispatch. Unedited, source-checked, opinionated.
Ruritania Limits Exports of Quantum Sensors
The trade ministry of Ruritania said quantum sensors will need an export licence from March.
The ministry published the rule on Monday.
Officials cited the Wassenaar Arrangement as a precedent.
Verifier
Claims were checked against the ministry notice.
One claim was marked weak.
"""


def test_dispatch_parts_are_split_and_joined_with_blank_lines():
    [d] = read_text(DISPATCH)
    assert d.format == "dispatch"
    assert d.title == "Ruritania Limits Exports of Quantum Sensors"
    assert d.standfirst.startswith("The trade ministry of Ruritania")
    assert d.text == "\n\n".join([
        d.title, d.standfirst, "The ministry published the rule on Monday.",
        "Officials cited the Wassenaar Arrangement as a precedent."])
    assert d.id == text_id(d.text) and len(d.id) == 16


def test_dispatch_verifier_note_is_metadata_not_text():
    [d] = read_text(DISPATCH)
    assert d.verification_note == "Claims were checked against the ministry notice.\nOne claim was marked weak."
    assert "Verifier" not in d.text and "checked against" not in d.text


def test_dispatch_price_line_and_tagline_are_dropped():
    [d] = read_text(DISPATCH)
    assert "$0.12" not in d.text and "Autonomous AI dispatch" not in d.text


def test_dispatch_date_line_gives_the_date_and_leaves_the_text():
    [d] = read_text("date 2024-03-05\n" + DISPATCH)
    assert d.date == dt.date(2024, 3, 5)
    assert "2024-03-05" not in d.text
    assert d.id == read_text(DISPATCH)[0].id  # the date is metadata: same text, same id


def test_dispatch_date_line_after_the_header_is_read_too():
    lines = DISPATCH.split("\n")
    [d] = read_text("\n".join(lines[:2] + ["date 2021-12-31"] + lines[2:]))
    assert d.date == dt.date(2021, 12, 31) and d.title.startswith("Ruritania")


def test_dispatch_is_detected_by_shape_not_by_file_name(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text(DISPATCH, encoding="utf-8")
    assert read_file(f)[0].format == "dispatch"


@pytest.mark.parametrize("marker", ["price", "tagline", "verifier"])
def test_dispatch_any_one_marker_is_enough(marker):
    lines = DISPATCH.strip().split("\n")
    keep = {"price": lines[:1] + lines[2:7], "tagline": lines[1:7], "verifier": lines[2:]}[marker]
    assert looks_like("\n".join(keep))
    [d] = read_text("\n".join(keep))
    assert d.format == "dispatch" and d.title.startswith("Ruritania")


def test_dispatch_plain_txt_without_markers_is_plain_text(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("Ruritania Limits Exports\nThe ministry said so on Monday.\nIt takes effect in March.\n",
                 encoding="utf-8")
    [d] = read_file(f)
    assert d.format == "txt" and d.title == "Ruritania Limits Exports" and d.standfirst is None
    assert d.verification_note is None


def test_dispatch_seed_reads_as_in_the_eval_set(seed_path):
    [d] = read_file(seed_path)
    assert d.format == "dispatch"
    assert d.title == "China Is Treating Its AI Researchers as State Assets"
    assert d.standfirst.startswith("China imposed overseas travel restrictions")
    assert d.verification_note.startswith("Each factual claim was checked")
    assert d.text.endswith("the catching-up became official.")
    assert d.text.count("\n\n") == 10  # title, standfirst, 9 body paragraphs


def test_dispatch_other_tagline_after_price_line_is_dropped():
    [d] = read_text("· $0.30\nHuman-edited dispatch. Checked twice.\nA Title\nA standfirst.\nBody.\n")
    assert d.title == "A Title" and "Human-edited" not in d.text


def test_dispatch_title_mentioning_dispatch_is_kept():
    [d] = read_text("· $0.30\nDispatch From Brussels: The AI Act Bites\nA standfirst.\nBody.\n")
    assert d.title == "Dispatch From Brussels: The AI Act Bites"
