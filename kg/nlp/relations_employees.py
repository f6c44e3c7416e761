"""``rel:possessive-title`` (0.85): a person followed by "<Organisation>'s <title>" between commas
(GUIDE.md, Relations: leads / worksFor): "X, Nvidia's co-founder and chief executive, said" -> leads;
"X, Tsinghua University's vice president," -> worksFor (a subordinate word); "X, Nvidia's
spokesperson," -> worksFor. A company is led by its chief executive, founder or chair (``company_heads``);
another organisation by any head title (president, director, ...). Government bodies are the title
rules' (:mod:`kg.nlp.relations_titles`: "X, the European Commission's vice president").

``rel:government-head`` (0.85): "Boris Johnson's government has banned ... in Britain" -> the person
leads the state the gazetteer gives, else the one country the sentence names ("the X administration"
is not read: the gold leaves out a person named only there)."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.nlp.relations_cues import LEAD_TITLES, WORK_TITLES
from kg.nlp.relations_titles import COMPANY_HEADS, SUBORDINATE

ORGS = ("Company", "ResearchOrganization")
MAX_TITLE = 6


def _has(words: list[str], titles: set[str]) -> bool:
    text = " " + " ".join(words) + " "
    return any(f" {t} " in text for t in titles)


def possessive_titles(doc: Doc, sps: list[Span], sent: Span) -> Iterator[tuple[str, str, str, str]]:
    """(rule, person, "leads" | "worksFor", organisation) for "<Person>, [the] <Org>'s <title>,"."""
    ordered = sorted(sps, key=lambda s: s.start)
    for person, org in zip(ordered, ordered[1:]):
        if person.label_ != "Person" or org.label_ not in ORGS:
            continue
        gap = [t.lower_ for t in doc[person.end:org.start]]
        if gap not in ([","], [",", "the"]) or org.end >= sent.end or doc[org.end].lower_ not in ("'s", "’s"):
            continue
        words: list[str] = []
        k = org.end + 1
        while k < sent.end and doc[k].text not in (",", ".", ";", "(", ")") and len(words) <= MAX_TITLE:
            if doc[k].pos_ in ("VERB", "AUX") or not doc[k].is_alpha and doc[k].text != "-":
                break
            words.append(doc[k].lower_)
            k += 1
        if not words or len(words) > MAX_TITLE or (k < sent.end and doc[k].text not in (",", ".", ";")):
            continue  # the title must end the appositive
        sub = any(w in SUBORDINATE for w in words)
        heads = COMPANY_HEADS if org.label_ == "Company" else LEAD_TITLES
        if _has(words, heads) and not sub:
            yield "rel:possessive-title", person.id_, "leads", org.id_
        elif _has(words, WORK_TITLES | heads | {"officer"}):
            yield "rel:possessive-title", person.id_, "worksFor", org.id_


GOVERNMENT_WORDS = ("government", "cabinet")


def government_heads(gaz, doc: Doc, sps: list[Span], known_leads: dict[str, list[str]]
                     ) -> Iterator[tuple[str, str, str, str]]:
    """(rule, person, "leads", country) for "Boris Johnson's government has banned ... in Britain": a
    person whose government or cabinet the text names heads the state the gazetteer gives, else the
    one country the sentence names (not by demonym); none or two: no guess."""
    for sp in sps:
        k = sp.end
        if sp.label_ != "Person" or k + 1 >= len(doc) or doc[k].lower_ not in ("'s", "’s") or \
                doc[k + 1].lower_ not in GOVERNMENT_WORDS:
            continue
        known = known_leads.get(sp.id_, [])
        if known:
            if len(known) == 1:
                yield "rel:government-head", sp.id_, "leads", known[0]
            continue
        named = {o.id_ for o in sps if o.label_ == "Country" and gaz.demonym(o.text) is None}
        if len(named) == 1:
            yield "rel:government-head", sp.id_, "leads", next(iter(named))
