"""Relations read off names: an organisation's name that contains its country, a product's name that
starts with its maker's (GUIDE.md, Relations: "makes unmistakable").

====================  ==========  ===============================================================
rule                  confidence  example
====================  ==========  ===============================================================
rel:name-country      0.8         "Bank of China", "PT Freeport Indonesia" -> headquarteredIn the
                                  country its name contains (named, not by demonym), when the
                                  document mentions that country on its own too; else the country
                                  of a place a company's name holds besides other capitalised words
                                  ("Chengdu Haiguang Integrated Circuit", "Beijing Infinite Vision
                                  Technology": a ``home_places`` place or a capital), under the same
                                  conditions (not for universities: "University of Tokyo")
rel:name-maker        0.8         "Google Analytics", "Xiaomi 11T Pro" -> the company whose name
                                  or alias opens the technology's name produces it
rel:description       0.6         "Nigeria suspended Twitter ... the US social media giant" -> the
                                  nearest organisation named before a definite description "the
                                  <country or demonym> [up to 3 words] <origin cue>" (no name
                                  after it), in that sentence or the one before, is based there
rel:state-owned       0.6         "the state-owned Comisión Federal de Electricidad", "the state
                                  copper company, Codelco" -> the document's dominant country
====================  ==========  ===============================================================

A gazetteer entry with a home country of its own keeps it: the name must agree with the gazetteer.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.nlp.relations_titles import HOME_PLACES, ORIGIN_CUES

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


def _place_in(gaz, name: str) -> set[str]:
    """Keys of the countries of the places a name contains: a place inside a country (``home_places``,
    rules/relations.yaml: "Chengdu", "Bavaria") or a capital in the gazetteer ("Beijing")."""
    words = _words(name)
    out: set[str] = set()
    if not all(w[:1].isupper() or w[:1].isdigit() or w in ("&", "-") or w[:1] == "(" for w in words):
        return out  # "New Delhi humidity", a page's menu lines: no name
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            w = " ".join(words[i:i + n]).strip("().")
            if not w[:1].isupper():
                continue
            country = HOME_PLACES.get(w)
            e = gaz.lookup(country) if country is not None else gaz.capital(w)
            if e is not None and e.type == "Country" and len(words) > n:  # "Hokkaido" alone is the place
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
            if not home and sp.label_ == "Company":  # "Chengdu Haiguang Integrated Circuit", "X (Chengdu)"
                for name in {ent.name, sp.text}:
                    home |= _place_in(gaz, name)
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


def described_orgs(gaz, doc: Doc, spans: list[Span], sents: list, has: set[tuple[str, str]]):
    """(rule, organisation, "headquarteredIn", country, span) for "the US tech firm" after a named firm."""
    ordered = sorted(spans, key=lambda s: s.start)
    for i, c in enumerate(ordered):
        if c.label_ != "Country" or c.start == 0 or doc[c.start - 1].lower_ != "the":
            continue
        j = c.end
        while j < len(doc) and j - c.end < 4 and doc[j].is_lower and doc[j].is_alpha and \
                doc[j].lower_ not in ORIGIN_CUES:
            j += 1
        if j >= len(doc) or doc[j].lower_ not in ORIGIN_CUES or doc[j].lower_.endswith("s"):
            continue  # one organisation: a singular cue
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if nxt is not None and (nxt.text[:1].isupper() or any(s.start == nxt.i for s in ordered)):
            continue  # "the Chinese company Zhipu": a name follows, the origin rules decide
        first = sents[c.start]
        window = first.start if first.start == 0 else sents[first.start - 1].start
        before = [o for o in ordered[:i] if o.label_ in ORGS and o.start >= window]
        if not before:
            continue
        org = before[-1]
        entry = gaz.by_key(org.id_) if hasattr(gaz, "by_key") else None
        known = getattr(entry, "country", None)
        if known is not None and gaz.by_name(known).key != c.id_:
            continue  # the gazetteer places the nearest firm elsewhere: the description is another's
        if (org.id_, "headquarteredIn") not in has:
            yield "rel:description", org.id_, "headquarteredIn", c.id_, c


STATE_FORMS = {"owned", "run", "controlled"}


def state_owned(gaz, doc: Doc, spans: list[Span], dominant: str | None, has: set[tuple[str, str]]):
    """(rule, company, "headquarteredIn", dominant country, span) for a company the text calls the
    state's ("the state-owned X", "the state copper company, X") with no country beside it."""
    if dominant is None:
        return
    starts = {sp.start for sp in spans}
    for c in spans:
        if c.label_ != "Company" or (c.id_, "headquarteredIn") in has:
            continue
        sent_start = c.sent.start
        window = doc[max(c.start - 6, sent_start):c.start]
        words = [t.lower_ for t in window]
        if "state" not in words or any(t.i in starts for t in window) or \
                any(t.text in (".", ";", ")", "(") for t in window):
            continue
        k = len(words) - 1 - words[::-1].index("state")
        rest = [w for w in words[k + 1:] if w not in ("-", ",")]
        owned = rest[:1] and rest[0] in STATE_FORMS
        described = bool(rest) and rest[-1] in ORIGIN_CUES and len(rest) <= 3
        if not (owned and len(rest) <= 3 or described):
            continue
        entry = gaz.by_key(c.id_) if hasattr(gaz, "by_key") else None
        known = getattr(entry, "country", None)
        if known is None or gaz.by_name(known).key == dominant:
            yield "rel:state-owned", c.id_, "headquarteredIn", dominant, c
