"""Decoding and normalisation: BOMs, legacy encodings, newlines, control characters, NFC."""
from __future__ import annotations

import codecs
import importlib
import unicodedata

import pytest

from kg.errors import InputError
from kg.ingest import decode, normalize, read_text
norm_mod = importlib.import_module("kg.ingest.normalize")  # the module, not the function of that name

TEXT = "Brüssel prüft Exporte — café naïve"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom"])
def test_normalize_unicode_with_or_without_bom(data):
    assert decode(data, "x") == TEXT


def test_normalize_cp1252_is_detected():
    data = ("The ministry’s decision — welcomed in Brüssel and Paris — restricts exports of "
            "café machines, naïve as that sounds, from the 1st of March.").encode("cp1252")
    assert decode(data, "x").startswith("The ministry’s decision — welcomed in Brüssel")


def test_normalize_not_credible_guess_is_refused(monkeypatch):
    monkeypatch.setattr(norm_mod, "MAX_CHAOS", -1.0)  # no guess is good enough
    with pytest.raises(InputError, match="does not give credible text; convert the file to UTF-8"):
        decode("Brüssel prüft".encode("cp1252"), "x.txt")


def test_normalize_newlines_control_characters_and_nfc():
    raw = "a\r\nb\rc\u2028d\x0ce\x00f\x1bg\x7fh\ufeffi\tj\u0085k" + "e\u0301"
    out = normalize(raw)
    assert out == "a\nb\nc\nd\nefgh" + "i\tj\nk" + "\u00e9"
    assert unicodedata.is_normalized("NFC", out)


def test_normalize_dispatch_text_has_single_line_parts_and_blank_line_joins():
    [d] = read_text("  Title  Of\tIt \n\n first   para\nwrapped \n\n\n\n second para  \n", fmt="txt")
    assert d.text == "Title Of It\n\nfirst para wrapped\n\nsecond para"
    assert d.title == "Title Of It"


def test_normalize_decomposed_and_composed_input_get_the_same_id():
    a = read_text("Cafe\u0301 exports are restricted.", fmt="txt")[0]
    b = read_text("Caf\u00e9 exports are restricted.", fmt="txt")[0]
    assert a.id == b.id and a.text == b.text


@pytest.mark.parametrize("head", ['<meta charset="windows-1251">', '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'])
def test_normalize_declared_html_charset_is_used_before_guessing(head):
    codec = "cp1251" if "1251" in head else "koi8-r"
    html = f"<html><head>{head}</head><body><p>Минцифры России ограничило экспорт.</p></body></html>"
    assert decode(html.encode(codec), "x.html") == html


def test_normalize_declared_xml_encoding_is_used_before_guessing():
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Brüssel</title></channel></rss>'
    assert decode(xml.encode("latin-1"), "x.xml") == xml


@pytest.mark.parametrize("text", [
    " date 2019-05-15 GENEVA, May 15 - The ministry said on Wednesday it would tighten export rules.",
    "date 2019-05-15 The ministry said on Wednesday it would tighten export rules.\n\nA second paragraph.",
    "date 2019-05-15\nThe ministry said on Wednesday it would tighten export rules.",
], ids=["prefix-one-line", "prefix-then-paragraph", "own-line"])
def test_normalize_date_prefix_is_metadata(text):
    """A search excerpt's ``date YYYY-MM-DD`` prefix is the publication date, not part of the text."""
    [d] = read_text(text)
    assert d.date.isoformat() == "2019-05-15"
    assert "2019-05-15" not in d.text
    assert "The ministry said on Wednesday" in d.text
