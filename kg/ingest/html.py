"""HTML (.html, .htm, .xhtml): the main text of a web page, through trafilatura.

trafilatura drops navigation, footers, comments and boilerplate and reads the title, date and
canonical URL from the page metadata. Each line of its output is a paragraph; a first line equal to
the title is not repeated. If trafilatura finds no main text (very short pages), the visible text
of the page is used instead; a page with no visible text at all is refused. A DOCTYPE that declares
entities is refused before any parser sees it.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from html.parser import HTMLParser

from kg.errors import InputError
from kg.ingest.normalize import build, one_line, parse_date, take_date_line
from kg.models import Dispatch

NAME = "html"
log = logging.getLogger(__name__)

#: a document type declaration with an internal subset that declares entities (billion laughs, XXE)
ENTITY_DECL = re.compile(r"<!DOCTYPE[^>\[]*\[[^\]]*<!ENTITY", re.IGNORECASE | re.DOTALL)

_BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
          "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
          "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul", "title", "body"}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head"}


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def fragment_paragraphs(html: str) -> list[str]:
    """Visible text of an HTML fragment, one string per block element (feeds' summaries, fallback)."""
    p = _Visible()
    p.feed(html)
    p.close()
    return [t for t in (one_line(x) for x in "".join(p.parts).split("\n")) if t]


def refuse_entities(text: str, source: str) -> None:
    if ENTITY_DECL.search(text[:200_000]):
        raise InputError(source, "refused: the document declares XML entities in a DOCTYPE "
                                 "(entity expansion / billion laughs risk)")


def read(text: str, source: str) -> list[Dispatch]:
    import trafilatura

    refuse_entities(text, source)
    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                          include_tables=True, deduplicate=False)
    except Exception as exc:  # noqa: BLE001 — lxml/trafilatura failures on broken markup
        log.debug("trafilatura failed on %s: %s", source, exc)
        doc = None
    title = one_line(getattr(doc, "title", None)) or None
    lines = [t for t in (one_line(x) for x in (getattr(doc, "text", None) or "").split("\n")) if t]
    if not lines:  # trafilatura keeps nothing from very short pages: take the visible text
        lines = fragment_paragraphs(text)
    if not lines:
        raise InputError(source, "no extractable text in the HTML")
    if title and lines and lines[0] == title:
        lines = lines[1:]
    line_date, rest = take_date_line("\n".join(lines), source)
    lines = rest.split("\n")
    date = line_date or _safe_date(getattr(doc, "date", None), source)
    return [build(source=source, fmt=NAME, title=title, paragraphs=lines, date=date,
                  url=getattr(doc, "url", None))]


def _safe_date(value: object, source: str) -> dt.date | None:
    """trafilatura's date is a guess: a bad one is dropped, not an error."""
    try:
        return parse_date(value, source)
    except InputError:
        return None
