"""A token Matcher for lower-case word patterns, indexed by the word a match can start with.

spaCy's :class:`~spacy.matcher.Matcher` starts every pattern at every token, so its cost grows
with tokens x patterns. The trigger phrases (:mod:`kg.nlp.events.triggers`) are patterns of
``LOWER`` words only (each required or ``"?"``): a match can start only at a token whose lower-case
form is one of its first words (the optional leading words and the first required one) and cannot
go past a token that is no word of any pattern. :class:`StartMatcher` keeps one small Matcher per
set of patterns sharing a first word and runs it only from such tokens, over the words that follow.

It returns the same matches as one Matcher holding every pattern (tests/nlp/test_start_matcher.py,
and every sentence of the dev texts and the bench dispatches). Matches over the same tokens come in
the order the single Matcher gives them (each small Matcher holds its patterns in the order added);
matches are otherwise grouped by start token, in text order.
"""
from __future__ import annotations

from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab


class StartMatcher:
    """``add`` patterns of ``{"LOWER": word | {"IN": [words]}, "OP": "?"}`` specs, then call it like a
    Matcher with ``as_spans=True`` on a Doc or a Span."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._entries: list[tuple[str, list[dict], frozenset[int]]] = []
        self._groups: dict[int, Matcher] | None = None
        #: ids of every lower-case word any pattern token can have
        self.words: frozenset[int] = frozenset()

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        words = set(self.words)
        for pattern in patterns:
            starts: set[int] = set()
            required_seen = False
            for spec in pattern:
                if set(spec) - {"LOWER", "OP"} or spec.get("OP") not in (None, "?") or "LOWER" not in spec:
                    raise ValueError(f"StartMatcher takes LOWER word specs (optional '?') only, not {spec!r}")
                v = spec["LOWER"]
                forms = {get_string_id(w) for w in (v["IN"] if isinstance(v, dict) else [v])}
                words |= forms
                if not required_seen:
                    starts |= forms
                    required_seen = "OP" not in spec
            if not required_seen:
                raise ValueError(f"StartMatcher needs a required word in every pattern: {pattern!r}")
            self._entries.append((key, pattern, frozenset(starts)))
        self.words = frozenset(words)
        self._groups = None

    def _build(self) -> dict[int, Matcher]:
        by_word: dict[int, list[int]] = {}
        for n, (_key, _pattern, starts) in enumerate(self._entries):
            for w in starts:
                by_word.setdefault(w, []).append(n)
        matchers: dict[tuple[int, ...], Matcher] = {}
        groups: dict[int, Matcher] = {}
        for w, idx in by_word.items():
            t = tuple(idx)
            if t not in matchers:
                m = Matcher(self.vocab)
                for n in t:  # in the order added: matches over the same tokens keep the one Matcher's order
                    key, pattern, _ = self._entries[n]
                    m.add(key, [pattern])
                matchers[t] = m
            groups[w] = matchers[t]
        return groups

    def __call__(self, doclike: Doc | Span, as_spans: bool = True) -> list[Span]:
        if not as_spans:
            raise ValueError("StartMatcher returns spans only (as_spans=True)")
        if self._groups is None:
            self._groups = self._build()
        groups, words = self._groups, self.words
        if isinstance(doclike, Span):
            doc, start, end = doclike.doc, doclike.start, doclike.end
        else:
            doc, start, end = doclike, 0, len(doclike)
        lows = [doc[i].lower for i in range(start, end)]
        n = len(lows)
        stop = [0] * n  # for a pattern word: the first later token that is none (a match ends before it)
        cur = n
        for i in range(n - 1, -1, -1):
            if lows[i] not in words:
                cur = i
            stop[i] = cur
        out: list[Span] = []
        for i in range(n):
            m = groups.get(lows[i])
            if m is None:
                continue
            a = start + i
            for key, s, e in m(doc[a:start + stop[i]]):
                if s == 0:  # later starts are found from their own token
                    out.append(Span(doc, a, a + e, label=key))
        return out
