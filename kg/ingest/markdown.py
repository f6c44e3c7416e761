"""Markdown (.md, .markdown) with optional YAML front matter.

Front matter keys used: ``title``, ``date``, ``url``, ``standfirst``, and ``source`` when it is a web
address and ``url`` is missing (others ignored; ``Dispatch.source`` is always the path).
The Markdown is parsed with markdown-it-py (CommonMark, plus tables and strikethrough) and turned
into plain paragraphs: headings, paragraphs, list items, block quotes and table rows each become a
paragraph; emphasis, strikethrough and code marks are dropped; links keep their text; images, raw
HTML and code blocks are left out. Without a ``title`` in the front matter, a heading that opens
the document is the title. A leading ``date YYYY-MM-DD`` line also gives the date.
"""
from __future__ import annotations

import frontmatter
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from kg.errors import InputError
from kg.ingest.normalize import build, meta_url, one_line, parse_date, take_date_line
from kg.models import Dispatch

NAME = "md"

_md = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _inline_text(token: Token) -> str:
    out: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        # image, html_inline, link/emphasis open/close marks: no text of their own
    return "".join(out)


def blocks(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) for each block: kind is 'heading' or 'para'."""
    out: list[tuple[str, str]] = []
    tokens = _md.parse(markdown)
    row: list[str] | None = None
    kind = "para"
    for tok in tokens:
        if tok.type == "heading_open":
            kind = "heading"
        elif tok.type == "heading_close":
            kind = "para"
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            if row is not None and any(row):
                out.append(("para", " | ".join(c for c in row if c)))
            row = None
        elif tok.type == "inline":
            text = one_line(_inline_text(tok))
            if row is not None:
                row.append(text)
            elif text:
                out.append((kind, text))
    return out


def read(text: str, source: str) -> list[Dispatch]:
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        problem = " ".join(str(exc).split())[:160]
        raise InputError(source, f"invalid YAML front matter: {problem}") from None
    meta = post.metadata if isinstance(post.metadata, dict) else {}
    date = parse_date(meta.get("date"), source, what="front matter date")
    line_date, body = take_date_line(post.content, source)
    date = date or line_date
    items = blocks(body)
    title = one_line(str(meta["title"])) if meta.get("title") else None
    if items and items[0][0] == "heading" and (title is None or items[0][1] == title):
        title = items.pop(0)[1]
    standfirst = one_line(str(meta["standfirst"])) if meta.get("standfirst") else None
    try:
        return [build(source=source, fmt=NAME, title=title, standfirst=standfirst,
                      paragraphs=[t for _, t in items], date=date,
                      url=meta_url(meta.get("url"), meta.get("source")))]
    except InputError:
        raise InputError(source, "no text to analyse (only front matter or markup)") from None
