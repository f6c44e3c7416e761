"""Relations read off names: an organisation's name that contains its country, a product's name that
starts with its maker's (GUIDE.md, Relations: "makes unmistakable").

====================  ==========  ===============================================================
rule                  confidence  example
====================  ==========  ===============================================================
rel:name-country      0.8         "Bank of China", "PT Freeport Indonesia" -> headquarteredIn the
                                  country its name contains (named, not by demonym), when the
                                  document mentions that country on its own too
rel:name-maker        0.8         "Google Analytics", "Xiaomi 11T Pro" -> the company whose name
                                  or alias opens the technology's name produces it
====================  ==========  ===============================================================

A gazetteer entry with a home country of its own keeps it: the name must agree with the gazetteer.
"""
from __future__ import annotations

from spacy.tokens import Span

ORGS = ("Company", "ResearchOrganization")
CONF_NAME = 0.8


def _words(name: str) -> list[str]:
    return name.replace("\u2019", "'").replace("'s ", " ").replace(",", " ").split()


def _country_in(gaz, name: str) -> set[str]:
    """Keys of the countries a name contains by name or alias (not demonym): "Bank of China" -> China."""
    words = _words(name)
    out: set[str] = set()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            w = " ".join(words[i:i + n]).strip("().")
            if not w[:1].isupper():
                continue
            e = gaz.lookup(w)
            if e is not None and e.type == "Country":
                out.add(e.key)
    return out


def name_relations(gaz, spans: list[Span], ents: dict, has: set[tuple[str, str]]):
    """(rule, subject, predicate, object, span) for the relations the names of the document state.

    ``has``: (subject, predicate) pairs some other rule already gave (they are not second-guessed)."""
    countries = {sp.id_ for sp in spans if sp.label_ == "Country"}
    companies: dict[str, set[str]] = {}
    for sp in spans:
        if sp.label_ == "Company" and sp.id_ in ents:
            e = ents[sp.id_]
            forms = companies.setdefault(sp.id_, set())
            forms.update(f.lower() for f in (e.name, *e.aliases, sp.text) if len(f) >= 3)
    seen: set[str] = set()
    for sp in spans:
        if sp.id_ in seen:
            continue
        seen.add(sp.id_)
        ent = ents.get(sp.id_)
        if ent is None:
            continue
        if sp.label_ in ORGS and (sp.id_, "headquarteredIn") not in has:
            home: set[str] = set()
            for name in {ent.name, sp.text}:
                home |= _country_in(gaz, name)
            entry = gaz.by_key(sp.id_) if hasattr(gaz, "by_key") else None
            known = getattr(entry, "country", None)
            if len(home) == 1 and (known is None or gaz.by_name(known).key in home):
                c = next(iter(home))
                if c in countries:
                    yield "rel:name-country", sp.id_, "headquarteredIn", c, sp
        if sp.label_ == "Technology":
            low = sp.text.lower()
            names = {ent.name.lower(), low}
            for key, forms in companies.items():
                if any(n.startswith(f + " ") and len(n) > len(f) + 1 for n in names for f in forms):
                    yield "rel:name-maker", key, "produces", sp.id_, sp
