"""``rel:exec-nearby`` (0.7): a company executive titled without a company ("CEO and co-founder X said",
"According to the company, Chairman X ...", "Zorblax's CEO, Y and COO X") -> the one company the
sentence names, else the one the sentence before names (GUIDE.md, Relations: a chief executive,
founder or chair leads the company; other executives work for it).

Not read: a title with an organisation or an unknown capitalised word before it ("Foo CEO X" names
another company), a chair in a sentence that names a government body (a committee or commission
chair), a person who already has an employer, a sentence pair naming two companies."""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.nlp.relations_titles import EXEC_HEADS as HEADS
from kg.nlp.relations_titles import EXEC_STAFF as STAFF

_TITLE = "|".join(re.escape(t) for t in sorted(HEADS | STAFF, key=len, reverse=True))
#: a run of titles joined by "and" / "&" / "," that ends the text before the person
_RUN = re.compile(rf"(?:^|\s)((?:{_TITLE})(?:\s*(?:,|and|&)\s*(?:{_TITLE}))*)\s*$")
FUNCTION = {"DET", "ADP", "ADV", "PRON", "CCONJ", "SCONJ", "PART"}
CHAIRS = {"chairman", "chairwoman", "chairperson", "chair"}


def company_execs(doc: Doc, spans: list[Span], sents: list, has: set[tuple[str, str]]
                  ) -> Iterator[tuple[str, str, str, str, Span]]:
    """(rule, person, "leads" | "worksFor", company, person span)."""
    ends = {m.end for m in spans if m.label_ != "Person"}
    firms_in: dict[int, set[str]] = {}  # sentence start -> the companies it names (built once per document)
    with_body: set[int] = set()  # sentence starts that name a government body
    for m in spans:
        if m.label_ == "Company":
            firms_in.setdefault(sents[m.start].start, set()).add(m.id_)
        elif m.label_ == "GovernmentBody":
            with_body.add(sents[m.start].start)
    for sp in spans:
        if sp.label_ != "Person" or (sp.id_, "leads") in has or (sp.id_, "worksFor") in has:
            continue
        sent = sents[sp.start]
        start = max(sent.start, sp.start - 8)
        before = doc[start:sp.start].text.lower().replace(" - ", "-").replace("co- ", "co-")
        got = _RUN.search(before)
        if got is None:
            continue
        first = sp.start - len(re.findall(r"\S+", got.group(1).replace(",", " , ")))
        k = first - 1  # the word before the title run names no organisation ("Foo CEO X", "Foo's CEO X")
        if k >= sent.start and doc[k].tag_ == "POS":
            k -= 1
        if k >= sent.start and (k + 1 in ends or doc[k].text[:1].isupper() and (
                k > sent.start or doc[k].pos_ not in FUNCTION)):  # "The CEO X" at a sentence start is fine
            continue
        titles = set(re.split(r"\s*(?:,|\band\b|&)\s*", got.group(1))) - {""}
        lead = bool(titles & HEADS)
        if titles & CHAIRS and not titles - CHAIRS and sent.start in with_body:
            continue
        firms = firms_in.get(sent.start, set())
        if not firms and sent.start > 0:
            firms = firms_in.get(sents[sent.start - 1].start, set())
        if len(firms) == 1:
            yield "rel:exec-nearby", sp.id_, "leads" if lead else "worksFor", next(iter(firms)), sp
