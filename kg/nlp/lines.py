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

from spacy.attrs import IS_SPACE
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
#: the words of a person's name in a byline: capitalised words and the particles of names
_NAME = r"[A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|and|&|de|van|von|der|la|del))*"
#: a byline: "By Jane Doe", "BY JANE DOE, Brussels", "By Jane Doe (Outlet)", "By Jane Doe, Outlet
#: technology editor" (names only: "By imposing controls..." is prose)
BYLINE = re.compile(rf"^\s*(?:By|BY)\s+(?P<name>{_NAME})\s*(?:[,|–—]\s*.{{0,60}}|\([^()]{{1,60}}\))?\s*$")
#: a line that is a name and nothing else (two to four capitalised words), as printed beside a byline
NAME_LINE = re.compile(r"^\s*(?P<name>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3})\s*$")
#: credit lines of several authors: "[co-author: Jane Doe]", "Contributing: Jane Doe", "Co-authors: ..."
CO_AUTHOR = re.compile(r"^\s*\[?\s*(?:co-?authors?|contributing|contributors?)\s*:\s*[^\]\n]{1,120}\]?\s*$",
                       re.IGNORECASE)
#: the wire services' parenthetical that closes a dispatch, inside the last paragraph or on lines of its
#: own, possibly wrapped over several lines: "(Reporting by A in City; Additional reporting by B;
#: Writing by C; Editing by D)". Only the parenthetical is skipped, not the paragraph before it.
WIRE_CREDITS = re.compile(r"\((?:(?:additional\s+)?reporting|writing|written|editing|compiled|produced|"
                          r"research)(?:\s+and\s+\w+)?\s+by\s[^()]{1,400}\)", re.IGNORECASE)
#: picture agencies and wire services that sign photographs (``Name/Agency``, ``Name (Agency)``)
PHOTO_AGENCIES = (r"AP|AFP|Reuters|Getty\s+Images|Bloomberg|EPA(?:-EFE)?|EFE|Xinhua|Shutterstock|Alamy|"
                  r"Anadolu(?:\s+Agency)?|Kyodo|Yonhap|PA(?:\s+Images|\s+Wire)?|dpa|NurPhoto|SOPA\s+Images|"
                  r"LightRocket|Unsplash|Pexels|Pool|ANP|TASS|Sputnik|ANI|PTI|Flickr|Wikimedia\s+Commons")
#: a photo credit at the end of a caption line, the credit part only: "... Photo: Agency | Name",
#: "... (Photo: Name/Agency)", "... Credit: Name", "... Name (AP)", "... Name/Getty Images",
#: "... Name/AFP via Getty Images"
PHOTO_CREDIT = re.compile(
    rf"""(?P<credit>
        (?:^|(?<=[.!?”"’)|]\s)|(?<=[.!?”"’)|])|(?=\())  # a sentence's end or a bracket before the label
        \(?(?:Photo(?:graph)?|PHOTO|Image|IMAGE|Picture|Credit|CREDIT|Source)(?:\s+[Cc]redit)?\s*:\s*
           [^:.!?“”"\n]{{1,80}}?\)?
      | (?<![\w.'’\-])(?:[A-Z][\w.'’\-]+\s+){{0,3}}[A-Z][\w.'’\-]+\s*
          (?:/\s*(?:{PHOTO_AGENCIES})(?:\s+via\s+[A-Z][\w ]{{1,30}})?|\((?:{PHOTO_AGENCIES})\))
    )\s*$""",
    re.VERBOSE)
#: a name of two words, or three when lower case, a quote or the end follows (so a name run into the next
#: sentence, as when the reader joins a paragraph's lines, does not take that sentence's first word)
_NAME2 = r"[A-Z][\w.'’\-]+\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+(?=\s*(?:$|[a-z“\"”(,;])))?"
#: the same conventions when the reader has joined a header's lines into one paragraph: a byline with the
#: outlet in brackets or an editor's title ("... By Jane Doe (Outlet) Updated: ...", "Jane Doe By Jane
#: Doe, technology editor"), the name printed just before it, and a caption's credit followed by the
#: next paragraph ("Photo: Agency/dpa | Jane Doe “We must ...")
INLINE_CREDITS = re.compile(
    rf"""(?:(?P<dup>{_NAME2})\s+)?\bBy\s+(?P<name>{_NAME2})
           (?:\s*\([^()\n]{{1,40}}\)|,\s+[^,.\n]{{0,50}}?\b(?:editor|correspondent|reporter|writer|columnist)s?\b)
       | \b(?:Photo(?:graph)?|PHOTO|Image|Picture|Credit)(?:\s+[Cc]redit)?\s*:\s*
           (?:[^|:.\n]{{1,40}}\|\s*{_NAME2}|{_NAME2}\s*/\s*(?:{PHOTO_AGENCIES}))""",
    re.VERBOSE)
#: everything after a line that is exactly one of these is metadata, not reporting
TRAILERS = re.compile(r"^\s*(?:Verifier|Sources?|References|About the author)\s*$")


def boilerplate_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) character ranges of boilerplate lines and credits in ``text``."""
    out: list[tuple[int, int]] = []
    pos = 0
    lines = text.splitlines(keepends=True)
    starts: list[int] = []
    for i, line in enumerate(lines):
        starts.append(pos)
        body = line.rstrip("\r\n")
        if TRAILERS.match(body) and i > 0:
            out.append((pos, len(text)))
            break
        if body.strip() and len(body) < 200 and (BOILERPLATE.match(body) or BYLINE.match(body)
                                                 or CO_AUTHOR.match(body)):
            out.append((pos, pos + len(body)))
        elif body.strip() and (credit := PHOTO_CREDIT.search(body)):
            out.append((pos + credit.start("credit"), pos + len(body.rstrip())))
        pos += len(line)
    out += _names_beside_bylines(lines, starts)
    out += [(m.start(), m.end()) for m in WIRE_CREDITS.finditer(text)]
    for m in INLINE_CREDITS.finditer(text):
        dup = m["dup"] and m["name"] and m["dup"].lower() == m["name"].lower()
        out.append((m.start() if dup else m.start("name") - 3 if m["name"] else m.start(), m.end()))
    return sorted(set(out))


def _names_beside_bylines(lines: list[str], starts: list[int]) -> list[tuple[int, int]]:
    """A name-only line right before or after (blank lines aside) a byline "By <the same name>"."""
    filled = [i for i, line in enumerate(lines[:len(starts)]) if line.strip()]
    out = []
    for k, i in enumerate(filled):
        by = BYLINE.match(lines[i].rstrip("\r\n"))
        if not by:
            continue
        for j in filled[max(k - 1, 0):k] + filled[k + 1:k + 2]:
            name = NAME_LINE.match(lines[j])
            if name and name["name"].lower() in by["name"].lower():
                out.append((starts[j] + name.start("name"), starts[j] + name.end("name")))
    return out


def name_line_ranges(doc: Doc) -> list[tuple[int, int]]:
    """An author's name printed alone under the headline: the first line after the headline (blank
    lines aside) when it is two to four capitalised words that the NER tags, whole, as one person.
    The headline itself is never taken, nor a line the NER reads otherwise ("Biden Signs Order")."""
    text = doc_text(doc)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text)]
    if len(lines) < 2 or not NAME_LINE.match(text[lines[1][0]:lines[1][1]]):
        return []
    start, end = lines[1]
    body = text[start:end].strip()
    start += text[start:end].index(body)
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    if any(e.start_char == start and e.end_char == start + len(body) for e in persons):
        return [(start, start + len(body))]
    return []


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
        if not self.lines_only:
            # only a token after a line break changes; a line break is a whitespace token (a Token's own
            # trailing whitespace is one space at most), so look at those alone instead of every token
            space = doc.to_array(IS_SPACE).tolist()
            for i in [i for i, s in enumerate(space[:-1]) if s]:
                if "\n" in doc[i].text and not space[i + 1]:
                    doc[i + 1].is_sent_start = True
            doc._.kg_skip = boilerplate_ranges(doc_text(doc))
            return doc
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
