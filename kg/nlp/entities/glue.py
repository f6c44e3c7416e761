"""Names damaged by the text's extraction: words glued together and a last word cut off.

* glued: "Tom Harlowannounced", "Tom HarlowTom" -- the last word of the statistical NER's name
  (written once) is two words the text writes on their own elsewhere ("Harlow" and "announced"):
  the name ends where its part does;
* cut: a text that stops mid-word ("..., Harlo" where "Harlow" is written before): the
  truncated last word names nothing.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.nlp.attrs import doc_text

_LAST: list = [None, frozenset()]  # the last document seen and its words (one cache entry: ner calls per span)


def _words(doc: Doc) -> frozenset[str]:
    if _LAST[0] is not doc:
        _LAST[0], _LAST[1] = doc, frozenset(t.text for t in doc if t.is_alpha)
    return _LAST[1]


def _split(word: str, words: frozenset[str]) -> int:
    """Where a glued word splits into a name and a word the text writes alone (0: it does not)."""
    for k in range(3, len(word) - 2):
        a, b = word[:k], word[k:]
        if a[:1].isupper() and a in words and b in words and (b.islower() or b[:1].isupper() and a[-1:].islower()):
            return k
    return 0


def unglued(doc: Doc, sp: Span) -> tuple[int, int]:
    """Character offsets of the name inside its span, without a word glued after it."""
    start, end = sp.start_char, sp.end_char
    last = sp[-1]
    if last.is_alpha and len(last) > 5:
        k = _split(last.text, _words(doc))
        if k and doc_text(doc).count(last.text) == 1:
            end = last.idx + k
    return start, end


def cut_off(doc: Doc, sp: Span) -> bool:
    """The span ends the text in the middle of a word the text writes in full elsewhere."""
    if not sp[-1].is_alpha or not all(doc[i].is_space for i in range(sp.end, len(doc))):
        return False
    last = sp[-1].text
    return any(t.text != last and t.text.startswith(last) for t in doc if t.is_alpha)
