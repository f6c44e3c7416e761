"""Relations of a body to its home state that the whole document supports (GUIDE.md, Relations:
"every named government body of a named state").

====================  ==========  ===============================================================
rule                  confidence  example
====================  ==========  ===============================================================
rel:parliament-home   0.6         "Parliament" (the bare name, a body the gazetteer does not place
                                  and no other rule placed) -> partOf the document's dominant country
====================  ==========  ===============================================================

Measured and rejected (dev d1-d5 / d6-d8, own sets): a bare "Cabinet" likewise (+1 TP, +3 FP: the
gold often leaves a cabinet out); a company's gazetteer home whenever the document names that
country anywhere (+9 TP +9 FP / +8 TP +4 FP, but own sets +2 TP +8 FP: regression 0.902 -> 0.894,
holdout 0.874 -> 0.857), in the company's or a neighbouring sentence (+5/+4, +2/+3) or named at
least twice (+5/+2, +3/+3).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

CONF_HOME = 0.6


def parliament_home(gaz, spans: list[Span], dominant: str | None,
                    found: dict[tuple[str, str, str], list]) -> Iterator[tuple[str, str, str, str, Span]]:
    """(rule, subject, predicate, object, span): a bare "Parliament" no other rule placed -> partOf the
    document's dominant country. ``found``: the relations so far (read lazily, when iterated)."""
    if dominant is None:
        return
    placed = {k[0] for k in found if k[1] == "partOf"}
    for sp in spans:
        if (sp.label_ == "GovernmentBody" and sp.id_ not in placed and gaz.lookup(sp.text) is None
                and sp.text.lower().removeprefix("the ") == "parliament"):
            placed.add(sp.id_)
            yield "rel:parliament-home", sp.id_, "partOf", dominant, sp
