"""What every reader shares: bytes -> clean text, paragraphs, dates, and building the Dispatch.

``Dispatch.text`` is defined here, once (see :func:`build`):

    text = "\\n\\n".join(part for part in (title, standfirst, *paragraphs) if part)

where every part is a single line: runs of whitespace inside it (spaces, tabs, newlines) are
collapsed to one space and the ends are stripped. So a paragraph never contains "\\n", parts are
separated by exactly one blank line, and the text neither starts nor ends with whitespace.
``Dispatch.id`` is the first 16 hex digits of SHA-256 of that text in UTF-8: the same content
gives the same id whatever file format it came in.
"""
from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import hashlib
import re
import unicodedata
from collections.abc import Iterable

from kg.errors import InputError
from kg.models import Dispatch

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
#: charset_normalizer's "chaos" (0 = clean, 1 = noise) above which a decoding is not believed
MAX_CHAOS = 0.2
#: when charset_normalizer finds several equally clean decodings, these win (English news)
_PREFERRED = ("utf_8", "cp1252", "iso8859_15", "latin_1")

_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff]")
_SPACE = re.compile(r"\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: longest run of non-space characters kept whole; see :func:`one_line`
MAX_TOKEN = 120
_LONG_RUN = re.compile(r"\S{%d}(?=\S)" % MAX_TOKEN)
DATE_LINE = re.compile(r"^\s*date\s*:?\s+(\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE)
#: the same date as a prefix of the first line ("date 2019-05-15 WASHINGTON, May 15 (Reuters) - ..."),
#: as texts restored from search excerpts begin
DATE_PREFIX = re.compile(r"^\s*date\s*:?\s+(\d{4}-\d{2}-\d{2})[ \t]+(?=\S)", re.IGNORECASE)


def decode(data: bytes, source: str) -> str:
    """Bytes to normalised text; refuse binary data and text whose encoding cannot be trusted."""
    if not data.strip():
        raise InputError(source, "empty file" if not data else "file contains only whitespace")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return normalize(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise InputError(source, f"not valid {codec.upper()} text despite its byte-order mark "
                                         f"(byte {exc.start})") from None
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return normalize(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = _declared_encoding(data)
    if declared:
        try:
            return normalize(data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass
    return normalize(_guess_decode(data, source))


_DECLARED = re.compile(rb"""<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']"""
                       rb"""|<meta[^>]*\bcharset\s*=\s*["']?([A-Za-z0-9._-]+)""", re.IGNORECASE)


def _declared_encoding(data: bytes) -> str | None:
    """The encoding an HTML or XML document declares in its first 2 KB (``<meta charset>``,
    ``<?xml encoding>``); used when the bytes are not UTF-8, before any guessing."""
    m = _DECLARED.search(data[:2048])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return None if codec in ("utf-8", "utf-16", "utf-32") else codec


def from_str(text: str, source: str) -> str:
    """Text already decoded (Python callers): the same emptiness check and normalisation."""
    if not text.strip():
        raise InputError(source, "empty input" if not text else "input contains only whitespace")
    return normalize(text)


def _guess_decode(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise InputError(source, "binary or undecodable file: not UTF-8 and no text encoding fits")
    best = min(results, key=lambda r: r.chaos)
    for r in results:  # equally clean: prefer the Western encodings news in English uses
        if r.chaos <= best.chaos and r.encoding in _PREFERRED:
            best = r
            break
    text = str(best)
    if best.chaos > MAX_CHAOS or not _credible(text):
        raise InputError(source, f"not UTF-8, and the best guess ({best.encoding}) does not give credible "
                                 "text; convert the file to UTF-8")
    return text


def _credible(text: str) -> bool:
    """Mostly letters, digits, punctuation and spaces: not a binary blob that happened to decode."""
    sample = text[:20000]
    if not sample:
        return False
    good = sum(1 for c in sample if c.isalnum() or c.isspace() or unicodedata.category(c)[0] in "PS")
    return good / len(sample) >= 0.95 and any(c.isalpha() for c in sample)


def normalize(text: str) -> str:
    """Newlines to \\n, control characters (but \\n and \\t) removed, Unicode NFC."""
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def one_line(text: str | None) -> str:
    """A part of Dispatch.text: normalised, whitespace runs collapsed to one space, stripped."""
    if not text:
        return ""
    text = _SPACE.sub(" ", normalize(text)).strip()
    # spaCy's tokenizer takes time quadratic in the length of a space-free run of punctuation or
    # symbols (thousands of '%' or emoji take seconds, a few hundred kB tens of minutes): break
    # runs longer than MAX_TOKEN characters, which no word of prose reaches
    return _LONG_RUN.sub(lambda m: m.group(0) + " ", text)


def paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text.

    If the text has blank lines, blocks between them are paragraphs (lines inside a block are one
    hard-wrapped paragraph); if it has none, every line is a paragraph (the dispatch layout).
    """
    lines = text.split("\n")
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if not filled:
        return []
    # blank lines before the first or after the last paragraph do not count
    has_blank = any(not ln.strip() for ln in lines[filled[0]:filled[-1] + 1])
    if not has_blank:
        return [p for p in (one_line(lines[i]) for i in filled) if p]
    return [p for p in (one_line(b) for b in re.split(r"\n[ \t]*\n", text)) if p]


def take_date_line(text: str, source: str) -> tuple[dt.date | None, str]:
    """A leading ``date YYYY-MM-DD`` line gives the date; it is removed from the text. The date may
    also prefix the first line of text ("date 2019-05-15 WASHINGTON (Reuters) - ..."): the prefix is
    removed and the rest of the line kept."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    m = DATE_LINE.match(first)
    if not m:
        p = DATE_PREFIX.match(first)
        if not p:
            return None, text
        return parse_date(p.group(1), source, what="date prefix"), stripped[p.end():]
    return parse_date(m.group(1), source, what="date line"), rest


def parse_date(value: object, source: str, what: str = "date") -> dt.date | None:
    """A date from metadata: a date/datetime, ISO 8601 (date or date-time), or RFC 2822."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", s) else _rfc2822(s)
    except ValueError:
        raise InputError(source, f"{what} {s[:40]!r} is not a valid date (use YYYY-MM-DD)") from None


def _rfc2822(s: str) -> dt.date:
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(s) from None


def meta_url(url: object, source_field: object) -> str | None:
    """``url`` from metadata; a ``source`` field that is a web address stands in when it is missing.

    ``Dispatch.source`` always says where the input was read from (the path, '-' or the feed's
    address), so a metadata ``source`` that is a publisher's name has no field and is not kept.
    """
    for value in (url, source_field):
        if isinstance(value, str) and value.strip():
            if value is url or value.strip().lower().startswith(("http://", "https://")):
                return value.strip()
    return None


def text_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def build(*, source: str, fmt: str, paragraphs: Iterable[str] = (), title: str | None = None,
          standfirst: str | None = None, date: dt.date | None = None, url: str | None = None,
          verification_note: str | None = None) -> Dispatch:
    """The one place a Dispatch is made: see the module docstring for how ``text`` is joined."""
    title_, standfirst_ = one_line(title), one_line(standfirst)
    body = [p for p in (one_line(p) for p in paragraphs) if p]
    text = "\n\n".join(p for p in (title_, standfirst_, *body) if p)
    if not text:
        raise InputError(source, "no text to analyse")
    if not any(c.isalpha() for c in text):
        raise InputError(source, "no words to analyse (the text has no letters)")
    if any(_SURROGATE.search(x) for x in (text, verification_note or "", url or "")):
        # only JSON \u escapes (or Python callers) can produce these; they cannot be written as UTF-8
        raise InputError(source, "text holds a lone UTF-16 surrogate (a broken \\u escape?): not valid Unicode")
    note = "\n".join(p for p in (one_line(x) for x in (verification_note or "").split("\n")) if p)
    return Dispatch(
        id=text_id(text), text=text, title=title_ or None, standfirst=standfirst_ or None, date=date,
        url=one_line(url) or None, source=source, verification_note=note or None, format=fmt,
    )
