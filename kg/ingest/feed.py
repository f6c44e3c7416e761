"""RSS and Atom feeds (.xml, .rss, .atom, or sniffed): one Dispatch per entry, through feedparser.

Before feedparser sees a byte, the document is parsed with defusedxml: a DOCTYPE that declares
entities (billion laughs, external entities) is refused, and so is XML that is not well-formed.
Per entry: ``title``; the text is the entry's content, else its summary (HTML reduced to its
visible text, one paragraph per block element); when an entry has both and they differ, the
summary is the standfirst; ``date`` from the published (else updated) date; ``url`` from the link.
``source`` is the feed's own address (its ``rel="self"`` link) when it gives one, else the path.
Entries with no text at all are skipped with a warning.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from kg.errors import InputError
from kg.ingest.html import fragment_paragraphs, refuse_entities
from kg.ingest.normalize import build, one_line, paragraphs, parse_date
from kg.models import Dispatch

NAME = "feed"
log = logging.getLogger(__name__)

FEED_ROOTS = {"rss", "feed", "RDF", "channel"}
ROOT_SNIFF = re.compile(r"<(?:[\w-]+:)?(rss|feed|RDF)\b")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def looks_like(text: str) -> bool:
    return bool(ROOT_SNIFF.search(text[:4000]))


def _check_xml(text: str, source: str) -> str:
    """Refuse entity declarations and malformed XML; return the root element's local name."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml.ElementTree import fromstring

    refuse_entities(text, source)
    body = _XML_DECL.sub("", text, count=1)  # the text is already decoded: drop its encoding claim
    try:
        root = fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise InputError(source, f"refused: the feed uses forbidden XML constructs ({type(exc).__name__})") from None
    except ParseError as exc:
        raise InputError(source, f"broken XML: {exc}") from None
    return str(root.tag).rsplit("}", 1)[-1]


def _entry_text(value: dict[str, Any] | None) -> list[str]:
    if not value or not value.get("value"):
        return []
    if "html" in (value.get("type") or "html"):
        return fragment_paragraphs(value["value"])
    return paragraphs(value["value"])


def _date(entry: Any, source: str) -> dt.date | None:
    """The date as the feed wrote it (its own time zone); feedparser's parsed form is in UTC."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            try:
                return parse_date(raw, source)
            except InputError:
                t = entry.get(key + "_parsed")
                if t:
                    return dt.date(t.tm_year, t.tm_mon, t.tm_mday)
    return None


def read(text: str, source: str) -> list[Dispatch]:
    import feedparser

    root = _check_xml(text, source)
    if root not in FEED_ROOTS:
        raise InputError(source, f"not an RSS or Atom feed (root element <{root}>)")
    parsed = feedparser.parse(_XML_DECL.sub("", text, count=1).encode("utf-8"),
                              response_headers={"content-type": "application/xml; charset=utf-8"})
    if not parsed.entries:
        raise InputError(source, "feed has no entries")
    feed_src = next((ln.get("href") for ln in parsed.feed.get("links", ()) if ln.get("rel") == "self"
                     and ln.get("href")), None) or source
    out: list[Dispatch] = []
    for n, entry in enumerate(parsed.entries, 1):
        contents = [c for c in entry.get("content", ()) if c.get("value")]
        body = max((_entry_text(c) for c in contents), key=lambda ps: sum(map(len, ps)), default=[])
        summary = _entry_text(entry.get("summary_detail")) or (
            paragraphs(entry["summary"]) if entry.get("summary") else [])
        standfirst = None
        if not body:
            body = summary
        elif summary and " ".join(summary) != " ".join(body) and not " ".join(body).startswith(" ".join(summary)):
            standfirst = " ".join(summary)
        title = one_line(entry.get("title")) or None
        if not body and not title:
            log.warning("%s: entry %d has no title and no text; skipped", source, n)
            continue
        try:
            out.append(build(source=feed_src, fmt=NAME, title=title, standfirst=standfirst, paragraphs=body,
                             date=_date(entry, source), url=entry.get("link")))
        except InputError as exc:
            log.warning("%s: entry %d skipped: %s", source, n, exc.problem)
    if not out:
        raise InputError(source, "no entry of the feed has any text")
    return out
