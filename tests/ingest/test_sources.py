"""Folders, order, laziness, stdin, and ids that do not depend on the file format."""
from __future__ import annotations

import json
import logging
import types

from kg.errors import InputError
from kg.ingest import iter_dispatches, read_file, walk

TITLE = "Ruritania Limits Exports of Quantum Sensors"
PARAS = ["The trade ministry said sensors will need a licence from March.",
         "Officials cited the Wassenaar Arrangement as a precedent.",
         "Neighbouring Freedonia said it would consider a parallel rule."]


def _tree(root):
    files = {
        "b.txt": "Second file text.",
        "a.txt": "First file text.",
        "sub/c.md": "# Heading\n\nThird file text.",
        "sub/deeper/d.json": json.dumps({"text": "Fourth file text."}),
        "z.jsonl": json.dumps({"text": "Fifth file text."}),
        ".hidden.txt": "Hidden file.",
        ".git/e.txt": "Hidden folder.",
        "notes.docx": "Unknown suffix.",
        "README": "No suffix.",
    }
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(content, encoding="utf-8")


def test_sources_folder_recursive_sorted_hidden_skipped(tmp_path, caplog):
    _tree(tmp_path)
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        items = list(iter_dispatches([tmp_path]))
    assert [d.text.split("\n\n")[-1] for d in items] == [
        "First file text.", "Second file text.", "Third file text.", "Fourth file text.", "Fifth file text."]
    assert [d.source for d in items][0] == str(tmp_path / "a.txt")
    warned = caplog.text
    assert "notes.docx" in warned and "README" in warned and "unknown file type" in warned
    assert "hidden" not in warned.lower()


def test_sources_folder_order_is_deterministic(tmp_path):
    _tree(tmp_path)
    runs = [[(d.source, d.id) for d in iter_dispatches([tmp_path])] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    assert [p.name for p in walk(tmp_path)] == ["README", "a.txt", "b.txt", "notes.docx", "c.md", "d.json",
                                                 "z.jsonl"]


def test_sources_are_read_lazily(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Text number {i}.", encoding="utf-8")
    gen = iter_dispatches([tmp_path])
    assert isinstance(gen, types.GeneratorType)
    first = next(gen)
    (tmp_path / "2.txt").unlink()  # not read yet: removing it now is noticed
    rest = list(gen)
    assert first.text == "Text number 0." and rest[0].text == "Text number 1."
    assert isinstance(rest[1], InputError)


def test_sources_explicit_file_without_suffix_is_sniffed(tmp_path):
    f = tmp_path / "DISPATCH"
    f.write_text("· $0.10\nAutonomous AI dispatch. Tag.\nTitle Here\nStandfirst here.\nBody.\n", encoding="utf-8")
    [d] = read_file(f)
    assert d.format == "dispatch" and d.title == "Title Here"


def test_sources_single_path_string_is_one_input(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Some text.", encoding="utf-8")
    assert [d.text for d in iter_dispatches(str(f))] == ["Some text."]


def test_sources_same_content_same_id_across_formats(tmp_path):
    files = {
        "a.txt": f"{TITLE}\n\n" + "\n\n".join(PARAS),
        "b.txt": "date 2024-01-02\n" + f"{TITLE}\n" + "\n".join(PARAS),
        "c.md": f"---\ntitle: {TITLE}\ndate: 2024-01-02\n---\n" + "\n\n".join(PARAS),
        "d.md": f"# {TITLE}\n\n" + "\n\n".join(f"*{p[:3]}*{p[3:]}" for p in PARAS),
        "e.html": f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
                  + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>",
        "f.json": json.dumps({"title": TITLE, "text": "\n\n".join(PARAS)}),
        "g.jsonl": json.dumps({"title": TITLE, "content": "\n".join(PARAS)}) + "\n",
        "h.txt": f"· $0.10\nAutonomous AI dispatch. Tag.\n{TITLE}\n" + "\n".join(PARAS) + "\nVerifier\nChecked.\n",
        "i.rss": f"<rss><channel><title>w</title><item><title>{TITLE}</title><description>"
                 + "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in PARAS) + "</description></item></channel></rss>",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    got = {d.source.rsplit("/", 1)[-1]: d for d in iter_dispatches([tmp_path])}
    assert sorted(got) == sorted(files)
    assert {d.format for d in got.values()} == {"txt", "md", "html", "json", "dispatch", "feed"}
    assert len({d.text for d in got.values()}) == 1, {k: d.text for k, d in got.items()}
    assert len({d.id for d in got.values()}) == 1
    assert got["h.txt"].standfirst == PARAS[0]  # the dispatch layout names the standfirst; same text


def test_sources_folder_without_readable_files_is_an_error(tmp_path):
    (tmp_path / "notes.docx").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden text.", encoding="utf-8")
    [err] = list(iter_dispatches([tmp_path]))
    assert isinstance(err, InputError) and err.source == str(tmp_path)
    assert err.problem.startswith("folder holds no file of a known type")
