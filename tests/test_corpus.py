"""kg.corpus: what may enter the real-news corpus (held-out list, duplicates, the same story)."""
from __future__ import annotations

import json
from pathlib import Path

from kg.corpus import near_duplicate, own_id, refusal, sha256_text, sha256_url, shingles

STORY = ("The ministry said on Tuesday that exports of advanced lithography machines would need a licence "
         "from September, extending rules first announced last year to older equipment used by chipmakers.")
OTHER = ("Regulators opened an investigation into the data practices of a popular chatbot after complaints "
         "that it stored conversations of minors without consent, the authority said in a statement.")


def corpus_with(tmp_path: Path, text: str, url: str = "https://example.org/a") -> Path:
    (tmp_path / "dev").mkdir()
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "d9-01.txt").write_text(text, encoding="utf-8")
    rec = {"id": "d9-01", "url": url, "text_sha256": sha256_text(text)}
    (tmp_path / "dev" / "d9.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    return tmp_path


def test_shingles_are_word_runs_without_case_or_punctuation():
    assert shingles("A, b c.", n=2) == {("a", "b"), ("b", "c")}
    assert shingles("too short", n=8) == set()


def test_held_out_text_and_address_are_refused(tmp_path):
    corpus = corpus_with(tmp_path, OTHER)
    assert "held-out" in refusal(STORY, "https://x.org/s", {sha256_text(STORY)}, corpus=corpus)
    held = {sha256_url("http://www.X.org/s/?utm=1")}
    assert "address is in the held-out" in refusal(STORY, "https://x.org/s", held, corpus=corpus)


def test_same_text_or_address_as_a_corpus_line_is_refused(tmp_path):
    corpus = corpus_with(tmp_path, STORY)
    assert "same text is already d9-01" in refusal(STORY, "https://x.org/new", set(), corpus=corpus)
    assert "same address is already d9-01" in refusal(OTHER, "https://example.org/a/", set(), corpus=corpus)


def test_a_rewrapped_copy_of_a_restored_story_is_refused(tmp_path):
    corpus = corpus_with(tmp_path, STORY)
    copy = "WASHINGTON (Wire) - " + STORY.upper().replace(",", " ;") + " More follows."
    why = refusal(copy, "https://other.org/b", set(), corpus=corpus)
    assert why is not None and "d9-01 (the same story)" in why
    assert refusal(OTHER, "https://other.org/c", set(), corpus=corpus) is None
    assert near_duplicate(copy, corpus / "texts", skip_id="d9-01") is None


def test_a_candidate_saved_in_the_texts_folder_is_not_its_own_copy(tmp_path):
    corpus = corpus_with(tmp_path, OTHER)
    saved = corpus / "texts" / "d9-02.txt"
    saved.write_text(STORY, encoding="utf-8")
    assert own_id(saved, corpus) == "d9-02"
    assert own_id(tmp_path / "d9-02.txt", corpus) is None
    assert "d9-02 (the same story)" in refusal(STORY, "https://x.org/s", set(), corpus=corpus)
    assert refusal(STORY, "https://x.org/s", set(), corpus=corpus, skip_id=own_id(saved, corpus)) is None
