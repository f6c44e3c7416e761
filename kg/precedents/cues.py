"""The kind of measure a free-text precedent question is about, read with the extraction's lexicon.

There is one cue lexicon: the trigger phrases and object cues of ``kg/nlp/rules/triggers.yaml``,
loaded once by :mod:`kg.nlp.lexicon.measures` (validated on load, errors name ``file:line``). The
extractor runs them through spaCy's Matcher on a parsed dispatch; a question is a single short
sentence, so here the same phrases (compiled by the same
:func:`~kg.nlp.lexicon.measures.compile_phrase`) are matched on its lower-cased words without a
parse, with the extractor's preferences: longest match first, a specific measure before a generic
one over the same words, and a generic trigger ("blocks", "curbs") or a ban takes the kind of the
first object cue among the words that follow it in its clause ("blocks the takeover" ->
InvestmentRestriction, "curbs on exports" -> ExportControl).

A measure added to ``triggers.yaml`` is therefore found in dispatches and in questions alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")
_CLAUSE_END = frozenset(".;:,()")
#: words after a trigger that can hold its object ("bans the sale of ... to ...")
OBJECT_WINDOW = 8


@dataclass(frozen=True)
class _Trigger:
    rule: str
    measure: str | None
    tokens: tuple[tuple[frozenset[str], bool], ...]   # (alternatives, optional)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[_Trigger, ...], tuple[tuple[str, frozenset[str]], ...]]:
    from kg.nlp.lexicon import measures as M

    out = []
    for rule, measure, phrase in [*M.TRIGGERS, *M.QUESTION_TRIGGERS]:
        toks = []
        for spec in M.compile_phrase(phrase):
            low = spec["LOWER"]
            alts = frozenset(low["IN"]) if isinstance(low, dict) else frozenset([low])
            toks.append((alts, spec.get("OP") == "?"))
        out.append(_Trigger(rule, measure, tuple(toks)))
    return tuple(out), tuple((k, frozenset(ws)) for k, ws in M.OBJECT_CUES)


def tokens(text: str) -> list[str]:
    """Lower-cased words and punctuation; hyphens are tokens of their own (as spaCy splits them)."""
    return _TOKEN.findall(text.lower())


def _match_at(pat: tuple[tuple[frozenset[str], bool], ...], toks: list[str], i: int) -> int | None:
    """End of the longest match of ``pat`` starting at ``i`` (optional tokens may be skipped)."""
    best = None
    stack = [(0, i)]
    while stack:
        p, j = stack.pop()
        if p == len(pat):
            best = j if best is None else max(best, j)
            continue
        alts, optional = pat[p]
        if j < len(toks) and toks[j] in alts:
            stack.append((p + 1, j + 1))
        if optional:
            stack.append((p + 1, j))
    return best if best is not None and best > i else None


def _object_kind(words: set[str], cues) -> str | None:
    for kind, ws in cues:
        if words & ws:
            return kind
    return None


def measures(text: str) -> tuple[list[str], set[str]]:
    """(the measures the question's triggers name, in text order, after overlaps are resolved as the
    extractor does; every measure any trigger names, overlapping or not). A trigger left unresolved
    counts none."""
    triggers, cues = _lexicon()
    toks = tokens(text)
    found = []
    for i in range(len(toks)):
        for order, t in enumerate(triggers):
            end = _match_at(t.tokens, toks, i)
            if end is not None:
                found.append((i, end, t.measure is None, order, t))
    found.sort(key=lambda m: (-(m[1] - m[0]), m[2], m[0], m[3]))
    taken: set[int] = set()
    kept = []
    for start, end, _, _, t in found:
        if taken.isdisjoint(range(start, end)):
            taken.update(range(start, end))
            kept.append((start, end, t))
    out = []
    every = {t.measure for *_, t in found if t.measure}
    for start, end, t in sorted(kept, key=lambda m: m[0]):
        measure = t.measure
        if measure is None or measure == "Ban":
            after = []
            for w in toks[end:end + OBJECT_WINDOW]:
                if w in _CLAUSE_END:
                    break
                after.append(w)
            kind = _object_kind(set(toks[start:end]) | set(after), cues)
            if measure is None or kind not in (None, "ExportControl"):
                measure = kind
        if measure:
            out.append(measure)
    return out, every | set(out)
