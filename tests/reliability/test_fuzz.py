"""Property: whatever Unicode goes in, extract -> RDF -> validate never crashes, and every output
is Turtle that rdflib and pyoxigraph read back and that conforms to the SHACL shapes.

The cases and checks are bench/fuzz.py's (``python bench/fuzz.py --cases 5000`` is the long run).
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from kg.errors import InputError
from kg.ingest import iter_dispatches, read_text

pytestmark = pytest.mark.slow

CI_CASES = 250


def test_fuzz_extract_rdf_validate_never_crashes_and_always_conforms(extractor, fuzz):
    counts = {"cases": 0, "refused": 0, "validated": 0}

    @settings(max_examples=CI_CASES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=fuzz.cases())
    def run(case):
        counts["cases"] += 1
        # raises on a crash, a bad round trip or a SHACL violation (hypothesis then shrinks the case)
        out = fuzz.run_case(extractor, *case)
        counts["refused" if out.refused else "validated"] += 1

    run()
    assert counts["cases"] >= CI_CASES * 0.9
    # the generator must reach both outcomes, or the property says little
    assert counts["validated"] > counts["cases"] * 0.3 and counts["refused"] > 0, counts


@pytest.mark.parametrize("text", ["", " \n\t ", "\u200b\u200d\ufeff", "\x00\x01\x02", "🙂🙂", "\u202e\u2067"],
                         ids=["empty", "whitespace", "zero-width", "controls", "emoji-only", "bidi-only"])
def test_fuzz_documents_without_words_are_refused_with_one_line(text):
    with pytest.raises(InputError) as info:
        read_text(text, source="doc.txt", fmt="txt")
    assert info.value.source == "doc.txt" and "\n" not in str(info.value)


def test_fuzz_lone_surrogate_from_a_json_escape_is_an_input_error_not_a_crash(tmp_path):
    """A JSON \\ud800 escape decodes to a lone surrogate, which cannot be encoded as UTF-8: it used
    to escape iter_dispatches as UnicodeEncodeError and stop the whole batch."""
    bad = tmp_path / "a.jsonl"
    bad.write_text('{"title": "T", "text": "Body \\ud800 here."}\n', encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_text("Ruritania bans exports of gallium.", encoding="utf-8")
    items = list(iter_dispatches([tmp_path]))
    assert isinstance(items[0], InputError) and "surrogate" in items[0].problem
    assert not isinstance(items[1], InputError) and items[1].text.startswith("Ruritania")
    with pytest.raises(InputError, match="surrogate"):
        read_text("Title\n\nA \ud800 b", fmt="txt")


def test_fuzz_five_megabyte_document_goes_through(extractor, fuzz):
    """5,000,000 bytes (the default --max-bytes), most of it very long tokens: spaCy's own
    1,000,000-character limit used to crash extraction of a document ingest had accepted."""
    text = fuzz.big_tokens(5_000_000)
    assert len(text.encode()) <= 5_000_000 and len(text) > 1_000_000
    out = fuzz.run_case(extractor, text, "txt")
    assert not out.refused and out.triples > 0   # run_case validated it
