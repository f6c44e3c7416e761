"""A token Matcher that runs each key's patterns only where they can match: the same matches, less work.

spaCy's :class:`~spacy.matcher.Matcher` starts every pattern at every token of the Doc. For the
entity name rules (:mod:`kg.nlp.entities.patterns`) most tokens can be no part of a match: every
token of a match satisfies one of its pattern's token specs, and every match holds a token that
satisfies its pattern's *anchor* (a required spec, preferably a word list: "Act", "Ministry",
"case"). :class:`RunMatcher` keeps one Matcher per key and runs it only over the maximal runs of
tokens that satisfy one of the key's specs and hold an anchor token (runs close to each other are
joined into one call).

Why the matches are the same: a match lies inside one run and holds an anchor, so it is inside a
span searched; the Matcher over a span sees the same tokens; a span searched is a union of whole
runs, and matches of different runs do not overlap, so a key's greedy filter (``LONGEST``) keeps
the same ones. A spec's condition is read from the token's lexeme (text, lower case, regexes,
``IS_*``/``LIKE_NUM`` flags; cached per word) and, for a spec with no lexeme condition, from its
``ENT_TYPE``/``TAG``/``POS``; a spec with neither makes every token qualify. Conditions the runs
leave out (the ``POS`` of a spec that also tests the text) only make runs longer, never shorter.
"""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import ENT_TYPE, ORTH, POS, TAG
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: runs at most this many tokens apart are searched in one Matcher call
JOIN_GAP = 8

_LEXICAL = {"TEXT": "orth_", "ORTH": "orth_", "LOWER": "lower_"}
_FLAGS = {"IS_TITLE": "is_title", "IS_LOWER": "is_lower", "IS_UPPER": "is_upper", "IS_ALPHA": "is_alpha",
          "IS_DIGIT": "is_digit", "IS_PUNCT": "is_punct", "LIKE_NUM": "like_num"}
_TOKEN_LEVEL = {"ENT_TYPE": ENT_TYPE, "TAG": TAG, "POS": POS}

class _Atoms:
    """The distinct lexeme conditions (a word, a word list, a regex, a flag) of the patterns, and per word
    (orth id) which of them hold, as bits: each is tested once per word, however many specs share it."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.atoms: list[tuple[str, str, object]] = []
        self._index: dict[tuple[str, str, str], int] = {}
        self._words: dict[int, int] = {}

    def _atom(self, field: str, kind: str, value) -> int:
        key = (field, kind, repr(value))
        if key not in self._index:
            self._index[key] = len(self.atoms)
            self.atoms.append((field, kind, re.compile(value) if kind == "re" else value))
            self._words = {}
        return 1 << self._index[key]

    def need(self, spec: dict) -> int:
        """The bits of a spec's lexeme conditions (0: it has none)."""
        out = 0
        for attr, value in spec.items():
            if attr in _LEXICAL:
                field = _LEXICAL[attr]
                if isinstance(value, str):
                    out |= self._atom(field, "eq", value)
                elif isinstance(value, dict) and set(value) == {"IN"}:
                    out |= self._atom(field, "in", frozenset(value["IN"]))
                elif isinstance(value, dict) and set(value) == {"REGEX"}:
                    out |= self._atom(field, "re", value["REGEX"])
                else:
                    raise ValueError(f"RunMatcher: unsupported value {value!r} for {attr}")
            elif attr in _FLAGS:
                if not isinstance(value, bool):
                    raise ValueError(f"RunMatcher: unsupported value {value!r} for {attr}")
                out |= self._atom(_FLAGS[attr], "flag", value)
            elif attr not in _TOKEN_LEVEL and attr != "OP":
                raise ValueError(f"RunMatcher: unsupported attribute {attr}")
        return out

    def word(self, orth: int) -> int:
        bits = self._words.get(orth)
        if bits is not None:
            return bits
        lex = self.vocab[orth]
        vals = {"orth_": lex.orth_, "lower_": lex.lower_}
        bits = 0
        for n, (field, kind, v) in enumerate(self.atoms):
            if kind == "flag":
                ok = bool(getattr(lex, field)) == v
            elif kind == "eq":
                ok = vals[field] == v
            elif kind == "in":
                ok = vals[field] in v  # type: ignore[operator]
            else:
                ok = v.search(vals[field]) is not None  # type: ignore[attr-defined]
            if ok:
                bits |= 1 << n
        self._words[orth] = bits
        return bits


def _token_test(vocab: Vocab, spec: dict) -> tuple[int, frozenset[int]] | None:
    """A spec without lexeme conditions: its one ENT_TYPE / TAG / POS condition as (attr id, value ids)."""
    conds = [(a, v) for a, v in spec.items() if a in _TOKEN_LEVEL]
    if len(conds) != 1:
        return None
    attr, value = conds[0]
    values = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
    if not isinstance(values, list):
        return None
    # the ids spaCy's Matcher compares with (StringStore.add gives the symbol id of a symbol name)
    return _TOKEN_LEVEL[attr], frozenset(vocab.strings.add(v) for v in values)


class _Key:
    def __init__(self, atoms: _Atoms, key: str, patterns: list[list[dict]], greedy: str | None):
        self.matcher = Matcher(atoms.vocab)
        self.matcher.add(key, patterns, greedy=greedy)
        self.run_needs: list[int] = []
        self.token_tests: list[tuple[int, frozenset[int]]] = []
        self.everywhere = False  # a spec no condition can be read for: every token qualifies
        self.anchor_needs: list[int] = []
        self.anchored = True  # every pattern has an anchor
        for pattern in patterns:
            for spec in pattern:
                if spec.get("OP") not in (None, "?", "*", "+"):
                    raise ValueError(f"RunMatcher: unsupported operator in {spec!r}")
                need = atoms.need(spec)
                if need:
                    self.run_needs.append(need)
                    continue
                tok = _token_test(atoms.vocab, spec)
                if tok is None:
                    self.everywhere = True
                else:
                    self.token_tests.append(tok)
            anchor = _anchor(atoms, pattern)
            if anchor:
                self.anchor_needs.append(anchor)
            else:
                self.anchored = False


#: words too common to anchor a pattern on ("the" + ... + "ministry": anchored on "ministry")
_COMMON = frozenset({"the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "'s", "’s", "'", "’", "-", ",", "."})


def _words(spec: dict) -> set[str] | None:
    """The words a spec allows, when it is a word or word list test."""
    for attr, v in spec.items():
        if attr in _LEXICAL and isinstance(v, str):
            return {v}
        if attr in _LEXICAL and isinstance(v, dict) and "IN" in v:
            return set(v["IN"])
    return None


def _anchor(atoms: _Atoms, pattern: list[dict]) -> int:
    """The lexeme condition bits of one required spec: a word list without common words first (most
    selective), then any word list, then any condition (0: none)."""
    required = [s for s in pattern if s.get("OP") in (None, "+")]
    literal = [s for s in required if _words(s) is not None]
    rare = [s for s in literal if not (_words(s) or set()) & _COMMON]
    for spec in rare + literal + required:
        need = atoms.need(spec)
        if need:
            return need
    return 0


class RunMatcher:
    """``add`` keys like :meth:`spacy.matcher.Matcher.add` (``greedy`` allowed, no callbacks), then call it
    on a Doc: ``(match_id, start, end)`` tuples, the matches one Matcher holding every key would give
    (in another order). :meth:`sibling` gives a second RunMatcher sharing the per-word tests."""

    def __init__(self, vocab: Vocab, atoms: _Atoms | None = None):
        self.vocab = vocab
        self._atoms = atoms or _Atoms(vocab)
        self._keys: list[_Key] = []
        self._cache: dict[int, tuple[int, int]] = {}  # orth -> (run bits, anchor bits) per key

    def sibling(self) -> RunMatcher:
        return RunMatcher(self.vocab, self._atoms)

    def add(self, key: str, patterns: list[list[dict]], greedy: str | None = None) -> None:
        self._keys.append(_Key(self._atoms, key, patterns, greedy))
        self._cache = {}

    def __len__(self) -> int:
        return len(self._keys)

    def _bits(self, orth: int) -> tuple[int, int]:
        w = self._atoms.word(orth)
        run = anchor = 0
        for k, key in enumerate(self._keys):
            for need in key.run_needs:
                if w & need == need:
                    run |= 1 << k
                    break
            for need in key.anchor_needs:
                if w & need == need:
                    anchor |= 1 << k
                    break
        out = self._cache[orth] = (run, anchor)
        return out

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        n = len(doc)
        if not n or not self._keys:
            return []
        orths = doc.to_array(ORTH)
        uniq, inv = np.unique(orths, return_inverse=True)
        cache = self._cache
        bits = [cache.get(o) or self._bits(o) for o in uniq.tolist()]
        run_bits = np.array([b[0] for b in bits], dtype=np.uint64)[inv]
        anchor_bits = np.array([b[1] for b in bits], dtype=np.uint64)[inv]
        present = int(np.bitwise_or.reduce(anchor_bits))  # keys whose anchor the Doc holds
        token_attrs: dict[int, np.ndarray] = {}
        out: list[tuple[int, int, int]] = []
        for k, key in enumerate(self._keys):
            if key.anchored and not present >> k & 1:
                continue
            bit = np.uint64(1 << k)
            if key.everywhere:
                spans = [(0, n)]
            else:
                mask = (run_bits & bit) != 0
                for attr, ids in key.token_tests:
                    if attr not in token_attrs:
                        token_attrs[attr] = doc.to_array(attr)
                    mask |= np.isin(token_attrs[attr], np.fromiter(ids, dtype=np.uint64, count=len(ids)))
                anchors = ((anchor_bits & bit) != 0) if key.anchored else mask
                spans = _searched(mask, anchors)
            for a, b in spans:
                out.extend((m, a + s, a + e) for m, s, e in key.matcher(doc[a:b]))
        return out


def _searched(mask: np.ndarray, anchors: np.ndarray) -> list[tuple[int, int]]:
    """The runs of ``mask`` holding an ``anchors`` token, joined when at most :data:`JOIN_GAP` apart."""
    if not mask.any():
        return []
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.view(np.int8), [0]))))
    starts, ends = edges[0::2], edges[1::2]
    cum = np.concatenate(([0], np.cumsum(anchors & mask)))
    keep = cum[ends] > cum[starts]
    out: list[tuple[int, int]] = []
    for a, b in zip(starts[keep].tolist(), ends[keep].tolist()):
        if out and a - out[-1][1] <= JOIN_GAP:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
