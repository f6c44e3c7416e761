"""Names damaged by the text's extraction: words glued together and a last word cut off.

* glued: "Tom Harlowannounced", "Tom HarlowTom" -- the last word of the statistical NER's name
  (written once) is two words the text writes on their own elsewhere ("Harlow" and "announced"):
  the name ends where its part does;
* cut: a text that stops mid-word ("..., Harlo" where "Harlow" is written before): the
  truncated last word names nothing.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span


def _words(doc: Doc) -> set[str]:
    return {t.text for t in doc if t.is_alpha}


def _split(word: str, words: set[str]) -> int:
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
    if last.is_alpha and len(last) > 5 and doc.text.count(last.text) == 1:
        k = _split(last.text, _words(doc))
        if k:
            end = last.idx + k
    return start, end


def cut_off(doc: Doc, sp: Span) -> bool:
    """The span ends the text in the middle of a word the text writes in full elsewhere."""
    if doc.text[sp.end_char:].strip() or not sp[-1].is_alpha:
        return False
    last = sp[-1].text
    return any(t.text != last and t.text.startswith(last) for t in doc if t.is_alpha)
