"""``kg_lines``: line structure before parsing.

News dispatches are line-oriented: a headline, a standfirst, paragraphs, then bylines, photo
credits, "READ MORE" and "Subscribe" lines, and the dispatch tagline. This component

* starts a new sentence at every line break (the parser then never glues a headline to the
  following paragraph), and
* records boilerplate lines in ``doc._.kg_skip`` as (start_char, end_char) ranges so no entity,
  relation or event is taken from them.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.attrs import doc_text, register_extensions

register_extensions()

#: a whole line that is boilerplate, not reporting
BOILERPLATE = re.compile(
    r"""^\s*(?:
        (?:photo(?:graph)?s?|images?|credits?|illustration|pictured|source
           |(?:reporting|editing|written|additional\ reporting)\ by)(?:\ credit)?\s*[:|]\s*\S.{0,100}
      | (?:read|see)\ (?:more|also)\b.*
      | (?:subscribe|sign\ up|share\ this|follow\ us|advertisement|related\ (?:articles?|stories|coverage))\b.*
      | autonomous\ ai\ dispatch\b.*
      | unedited,\ source-checked.*
      | [·•\-–—\s]*[$€£]\s?\d[\d.,]*\s*
      | (?:copyright|©).*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: a byline: "By Jane Doe", "BY JANE DOE, Brussels" (names only: "By imposing controls..." is prose)
BYLINE = re.compile(r"^\s*(?:By|BY)\s+[A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|and|&|de|van|von|der|la|del))*"
                    r"\s*(?:[,|–—]\s*.{0,60})?$")
#: everything after a line that is exactly one of these is metadata, not reporting
TRAILERS = re.compile(r"^\s*(?:Verifier|Sources?|References|About the author)\s*$")


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of boilerplate lines in ``text``."""
    out: list[tuple[int, int]] = []
    pos = 0
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        if TRAILERS.match(body) and i > 0:
            out.append((pos, len(text)))
            break
        if body.strip() and (BOILERPLATE.match(body) or BYLINE.match(body)) and len(body) < 200:
            out.append((pos, pos + len(body)))
        pos += len(line)
    return out


def in_ranges(start: int, end: int, ranges: list[tuple[int, int]] | None) -> bool:
    return bool(ranges) and any(s <= start and end <= e for s, e in ranges or ())


@Language.factory("kg_lines", assigns=["token.is_sent_start", "doc._.kg_skip"], requires=[],
                  retokenizes=False, default_config={"lines_only": False})
def make_lines(nlp: Language, name: str, lines_only: bool) -> "LineSplitter":
    return LineSplitter(lines_only)


class LineSplitter:
    """``lines_only``: no parser follows, so every line is exactly one sentence."""

    def __init__(self, lines_only: bool = False):
        self.lines_only = lines_only

    def __call__(self, doc: Doc) -> Doc:
        for i, tok in enumerate(doc):
            if i == 0:
                continue
            prev = doc[i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                if not tok.is_space:
                    tok.is_sent_start = True
                elif self.lines_only:
                    tok.is_sent_start = False
            elif self.lines_only:
                tok.is_sent_start = False
        doc._.kg_skip = boilerplate_ranges(doc_text(doc))
        return doc
