"""Government bodies named by shape, and lists that elide the head.

* head first: "Ministry of Energy and Mineral Resources", "Ministry of Foreign Affairs of Pakistan",
  with capitalised words before it ("Federal Ministry of Information and Culture", "Danish Ministry of
  Justice", "State Administration of Foreign Experts Affairs");
* head last after a country or demonym: "Danish Defence Intelligence Service", "Nigerian Communications
  Commission", "Pakistan Telecommunication Authority";
* a list of short names that ends "and other agencies": "Treasury, Justice, State, Defense and other
  agencies" -> the gazetteer's departments of State and Defense, when one item is a known body;
* an elided list: "the ministries of Education, Finance, and Foreign Affairs" -> "Ministry of Education",
  "Ministry of Finance", "Ministry of Foreign Affairs" (items separated by commas; "and" inside an item
  stays: "Human Resources and Social Security").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kg.link.clusters import Mention
from kg.nlp.attrs import doc_text
from kg.nlp.entities.names import DATE_WORDS, extend_list, extend_right
from kg.nlp.entities.words import CONF, GOV_NAME_HEADS, GOV_PLURAL_HEADS, HOME_LINKED_BODIES, NEVER, OUTLETS

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

RULE = "rule:gov-name"


class _NoEntry:
    type = None


LIST_RULE = "rule:gov-list"
POSSESSIVES = ("'s", "’s", "'", "’")


def _country_word(gaz: GazetteerLike, tok) -> bool:
    """A country or bloc name or demonym (a token or a short span)."""
    e = gaz.lookup(tok.text) or gaz.demonym(tok.text)
    return e is not None and e.type in ("Country", "Bloc")


def extend_left(gaz: GazetteerLike, doc: Doc, start: int, sent_start: int) -> int:
    """Capitalised words before a head belong to the name ("Federal", "Overseas Chinese Affairs")."""
    while start > sent_start:
        t = doc[start - 1]
        if _country_word(gaz, t) and not t.is_alpha:  # "U.S. District Court for ..."
            start -= 1
            break
        if not (t.text[:1].isupper() and t.is_alpha) or t.lower_ in DATE_WORDS or t.lower_ == "the" \
                or t.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP"):
            break
        start -= 1
    return start


def body_candidates(gaz: GazetteerLike, doc: Doc, sp: Span, shape: str) -> list[tuple[int, int, Mention]]:
    """A match of a body rule -> the candidate with its edges fixed; [] when it is no body."""
    sent_start = doc[sp.start].sent.start
    if shape == "head-first":
        sp = extend_list(doc, extend_right(doc, sp, gaz=gaz))
        start = extend_left(gaz, doc, sp.start, sent_start)
        sp = doc[start:sp.end]
    else:  # head last: the first word must be a country or demonym
        if not _country_word(gaz, sp[0]):
            return []
        if sp.end < len(doc) and doc[sp.end].text[:1].isupper() and doc[sp.end].is_alpha and \
                not doc[sp.end].is_sent_start:
            return []  # "Kazakh Internet Service Providers": the head is inside a longer name
        if sp.end + 1 < len(doc) and doc[sp.end].lower_ in ("of", "for") and doc[sp.end + 1].text[:1].isupper():
            sp = extend_right(doc, doc[sp.start:sp.end + 1], gaz=gaz)
    while len(sp) > 1 and (sp[0].lower_ in DATE_WORDS or sp[0].lower_ == "the"):
        sp = doc[sp.start + 1:sp.end]
    if len(sp) < 2 or sp.text.lower() in NEVER or sp.text.lower() in OUTLETS:
        return []
    known = gaz.lookup(sp.text) or gaz.lookup(sp.text.replace(", and ", " and "))  # the serial comma
    if known is not None and known.type != "GovernmentBody":
        return []
    for k in (1, 2, 3):  # "U.S. Commerce Department": the gazetteer knows the body after the country
        if known is None and k < len(sp) and _country_word(gaz, doc[sp.start:sp.start + k]) and \
                (gaz.lookup(sp[k:].text) or _NoEntry).type == "GovernmentBody":
            return []
    from kg.nlp.entities.sources import entry_mention  # noqa: PLC0415 (sources imports this module)

    if known is not None:
        return [(sp.start, sp.end, entry_mention(sp, known, "gazetteer", CONF["gazetteer"]))]
    return [(sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "GovernmentBody", RULE, CONF[RULE]))]


def unit_of_known_body(gaz: GazetteerLike, doc: Doc, cand) -> bool:
    """"White House Press Office", "National Security Council Secretariat": an NER body name that opens with
    a body the gazetteer knows and ends with a body head is a unit of it, and beats the known name inside."""
    s, e, m = cand
    if m.rule != "ner:ORG" or m.key or m.type != "GovernmentBody" or e - s < 3 or doc[e - 1].text not in GOV_NAME_HEADS:
        return False
    if not all(t.is_alpha and t.is_title for t in doc[s:e]):
        return False  # "Department of Defense, Department of Energy/...": a list, not one name
    return any((gaz.lookup(doc[s:j].text) or _NoEntry).type == "GovernmentBody" for j in range(s + 2, e))


def elided_list(gaz: GazetteerLike, doc: Doc) -> list[tuple[int, int, Mention]]:
    """"the ministries of A, B, and C" -> one body per item, named "Ministry of A"."""
    out = []
    for tok in doc:
        if tok.lower_ not in GOV_PLURAL_HEADS or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "of":
            continue
        head = tok.lower_[:-3] + "y" if tok.lower_.endswith("ies") else tok.lower_[:-1]
        head = head.capitalize()
        i = tok.i + 2
        items: list[Span] = []
        while i < len(doc):
            if doc[i].lower_ == "and" and items:
                i += 1
            if i >= len(doc) or not doc[i].text[:1].isupper():
                break
            item = extend_right(doc, doc[i:i + 1], limit=8)
            # "Industry and Information Technology, Public Security": "and" + capital stays in the item
            # unless a comma list ends there ("..., and Finance")
            items.append(item)
            i = item.end
            if i < len(doc) and doc[i].text == ",":
                i += 1
                continue
            break
        if len(items) == 1:  # "the Departments of Commerce and State": two bodies the gazetteer knows, not one
            items = _split_known(gaz, doc, head, items[0])
        if len(items) < 2:
            continue
        for item in items:
            name = f"{head} of {item.text}"
            if gaz.lookup(name) is None and \
                    (gaz.lookup(_shared_name(head, item, items)) or _NoEntry).type == "GovernmentBody":
                name = _shared_name(head, item, items)
            known = gaz.lookup(name)
            if known is not None and known.type != "GovernmentBody":
                continue
            m = Mention(item.text, item.start_char, item.end_char, "GovernmentBody", LIST_RULE, CONF[LIST_RULE],
                        name=name, aliases=())
            out.append((item.start, item.end, m))
    return out


def _split_known(gaz: GazetteerLike, doc: Doc, head: str, item: Span) -> list[Span]:
    """One item "A and B" after a plural head: two bodies when the gazetteer knows "<head> of A" and "<head> of B"
    but not "<head> of A and B" ("Ministry of Human Resources and Social Security" stays one)."""
    ands = [t.i for t in item if t.lower_ in ("and", "&")]
    if len(ands) != 1 or gaz.lookup(f"{head} of {item.text}") is not None:
        return [item]
    parts = [doc[item.start:ands[0]], doc[ands[0] + 1:item.end]]
    known = [gaz.lookup(f"{head} of {p.text}") for p in parts]
    if all(k is not None and k.type == "GovernmentBody" for k in known):
        return parts
    if (gaz.lookup(_shared_name(head, parts[0], parts)) or _NoEntry).type == "GovernmentBody":
        return parts  # "the Ministries of External and Home Affairs": "Ministry of External Affairs" is known
    return [item]


def _shared_name(head: str, item: Span, items: list[Span]) -> str:
    """The name of a one-word item that shares the last item's last word ("External" + "Home Affairs" ->
    "Ministry of External Affairs"); other items keep their own words."""
    last = items[-1]
    if len(item) == 1 and item is not last and len(last) > 1 and last[-1].text[:1].isupper():
        return f"{head} of {item.text} {last[-1].text}"
    return f"{head} of {item.text}"


def possessive_aliases(doc: Doc, taken: list[tuple[int, int, Mention]], gaz: GazetteerLike | None = None) -> None:
    """"Denmark's Parliament", "Pakistan's foreign ministry": the body's mention stays apart from the
    country's (so partOf can be stated), and the whole phrase is recorded as another name of the body;
    a body the gazetteer knows by the whole phrase only ("China's Foreign Ministry") is that entry."""
    ends = {e: m for _, e, m in taken if m.type in ("Country", "Bloc")}
    for s, _, m in taken:
        if m.type != "GovernmentBody" or s < 2 or doc[s - 1].text not in POSSESSIVES:
            continue
        owner = ends.get(s - 1)
        if owner is not None and owner.end <= m.start:
            whole = doc_text(doc)[owner.start:m.end]
            m.aliases = tuple(dict.fromkeys((*m.aliases, whole)))
            entry = gaz.lookup(whole) if gaz is not None and not m.key else None
            if entry is not None and entry.type == "GovernmentBody":
                m.key, m.name, m.wikidata = entry.key, entry.name, entry.qid


OTHER_BODIES = {"agencies", "departments", "ministries", "bodies", "regulators"}
SHORT_LIST_RULE = "rule:gov-short-list"


def short_name_list(gaz, doc: Doc) -> list[tuple[int, int, Mention]]:
    """"representatives from Treasury, Justice, State, Defense, Homeland Security, Commerce and other
    agencies": each capitalised item that the gazetteer knows as "Department of <item>" (or
    "<item> Department", "Ministry of <item>") is that body, when the list names a known body too."""
    out: list[tuple[int, int, Mention]] = []
    for tok in doc:
        if tok.lower_ not in OTHER_BODIES or tok.i < 3 or doc[tok.i - 1].lower_ != "other" or \
                doc[tok.i - 2].lower_ != "and":
            continue
        items: list[Span] = []
        j = tok.i - 3
        while j >= doc[tok.i].sent.start:
            end = j + 1
            while j >= 0 and doc[j].is_title and doc[j].is_alpha and end - j <= 3:
                j -= 1
            if j + 1 == end:
                break
            items.append(doc[j + 1:end])
            if j < 0 or doc[j].text != ",":
                break
            j -= 1
        found = []
        known = 0
        for it in items:
            e = gaz.lookup(it.text)
            if e is not None and e.type == "GovernmentBody":
                known += 1
                continue
            for form in (f"Department of {it.text}", f"{it.text} Department", f"Ministry of {it.text}"):
                e = gaz.lookup(form)
                if e is not None and e.type == "GovernmentBody":
                    found.append((it, e))
                    break
        if known and len(items) >= 3:
            from kg.nlp.entities.sources import entry_mention  # noqa: PLC0415 (sources imports this module)

            out += [(it.start, it.end, entry_mention(it, e, SHORT_LIST_RULE, CONF[LIST_RULE])) for it, e in found]
    return out


HOME_RULE = "rule:gov-home"


def home_bodies(gaz: GazetteerLike, taken: list[tuple[int, int, Mention]]) -> None:
    """"Congress" in a story about Mexico that names the United States nowhere: not the gazetteer's
    U.S. Congress but "Congress of Mexico" (the state named strictly most often, demonyms aside)."""
    counts: dict[str, int] = {}
    named: set[str] = set()
    for _, _, m in taken:
        if m.type in ("Country", "Bloc") and m.key:
            named.add(m.key)
            if m.rule != "gazetteer:demonym":
                counts[m.key] = counts.get(m.key, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return
    home = gaz.by_key(ranked[0][0])
    if home is None or home.type != "Country":
        return
    for i, (s, e, m) in enumerate(taken):
        entry = gaz.by_key(m.key) if m.type == "GovernmentBody" and m.key else None
        if entry is None or entry.name.lower() not in HOME_LINKED_BODIES or m.surface.lower().removeprefix("the ") \
                not in HOME_LINKED_BODIES or entry.parent is None:
            continue
        parent = gaz.by_name(entry.parent)
        if parent is None or parent.key in named or parent.key == home.key:
            continue
        taken[i] = (s, e, Mention(m.surface, m.start, m.end, "GovernmentBody", HOME_RULE, CONF["rule:gov-name"],
                                  name=f"{entry.name} of {home.name}", aliases=(m.surface,)))


#: kinds of body by head word: a description names a body only of its own kind ("intelligence service"
#: is no "centre"); a name with no such word (Roskomnadzor) may be any agency-like body
BODY_KINDS = {"agency": "agency", "authority": "agency", "regulator": "agency", "watchdog": "agency",
              "commission": "agency", "inspectorate": "agency", "service": "agency", "office": "office",
              "bureau": "office", "centre": "centre", "center": "centre", "directorate": "directorate",
              "ministry": "ministry", "department": "ministry", "court": "court", "tribunal": "court",
              "parliament": "legislature", "legislature": "legislature", "cabinet": "cabinet"}
DESCRIBED_RULE = "rule:gov-possessive"


def _kind(name: str) -> str | None:
    words = name.lower().split()
    for w in (words[-1:] + words[:1]):
        if w in BODY_KINDS:
            return BODY_KINDS[w]
    return None


def _stems(name: str) -> set[str]:
    """Five-letter stems of the content words of a name, head words aside."""
    return {w[:5] for w in name.lower().replace("’s", "").replace("'s", "").split()
            if len(w) > 3 and w not in BODY_KINDS}


def described_is_named(gaz: GazetteerLike, doc: Doc, taken: list[tuple[int, int, Mention]]) -> None:
    """"Russia's telecoms agency" in a text that also names Roskomnadzor: a description of a country's
    body is the one body of that country and kind the text names (a gazetteer body whose parent is the
    country, or a body named right after the country's possessive), not a second entity."""
    described = [m for _, _, m in taken if m.rule == DESCRIBED_RULE and not m.key and m.type == "GovernmentBody"]
    if not described:
        return
    _legislature_is_named(gaz, doc, described, taken)
    country_ends = {e: m.key for _, e, m in taken if m.type == "Country" and m.key}
    named: dict[str, list[Mention]] = {}
    for s, _, m in taken:
        if m.type != "GovernmentBody" or m.rule == DESCRIBED_RULE:
            continue
        entry = gaz.by_key(m.key) if m.key else None
        parent = gaz.by_name(entry.parent) if entry is not None and entry.parent else None
        if parent is not None:
            named.setdefault(parent.key, []).append(m)
        elif s >= 2 and doc[s - 1].text in POSSESSIVES and country_ends.get(s - 1):
            named.setdefault(country_ends[s - 1], []).append(m)
    for m in described:
        owner = gaz.lookup(m.surface.split()[0]) or gaz.demonym(m.surface.split()[0])
        owner = owner or gaz.lookup(" ".join(m.surface.split()[:2]).removesuffix("’s").removesuffix("'s"))
        if owner is None or owner.key not in named:
            continue
        kind, words = _kind(m.surface), _stems(m.surface)
        # a body of the description's kind that shares a content word with it ("cyber intelligence
        # agency" / "National Cyber ... Agency"), or a bare name of no kind for an agency (Roskomnadzor)
        fits = {(b.key or b.name or b.surface): b for b in named[owner.key]
                if _kind(b.name or b.surface) == kind and words & _stems(b.name or b.surface)
                or kind == "agency" and _kind(b.name or b.surface) is None}
        if len(fits) != 1:
            continue
        b = next(iter(fits.values()))
        m.aliases = tuple(dict.fromkeys((*m.aliases, m.surface)))
        m.key, m.name, m.wikidata = b.key, b.name or b.surface, b.wikidata


#: head words of the names of legislatures and their chambers
LEGISLATURES = {"parliament", "legislature", "assembly", "congress", "senate", "diet", "duma", "house", "chamber",
                "majlis", "knesset", "bundestag", "sejm", "riksdag", "storting", "folketing", "rada"}


def _legislature_is_named(gaz: GazetteerLike, doc: Doc, described: list[Mention],
                          taken: list[tuple[int, int, Mention]]) -> None:
    """"South Korea's parliament" in a text that names one legislature of that state ("the National
    Assembly": a body the gazetteer places in no other state, or one written after the state's
    possessive): the description is that body (an alias of it). With two chambers named ("the National
    Assembly", "Pakistan's Senate") the parliament is their whole and stays a body of its own."""
    states = {e: m.key for _, e, m in taken if m.type in ("Country", "Bloc") and m.key}
    for m in described:
        if m.surface.lower().split()[-1] not in ("parliament", "legislature") or not m.name or \
                m.name.split()[0].lower() not in ("parliament", "legislature") or " of " not in m.name:
            continue
        owner = gaz.lookup(m.name.split(" of ", 1)[1])
        named: dict[str, Mention] = {}
        for st, _, b in taken:
            if b.type != "GovernmentBody" or b.rule == DESCRIBED_RULE or \
                    not set((b.name or b.surface).lower().split()) & LEGISLATURES:
                continue
            entry = gaz.by_key(b.key) if b.key else None
            parent = gaz.by_name(entry.parent) if entry is not None and entry.parent else None
            after_owner = st >= 2 and doc[st - 1].text in POSSESSIVES and states.get(st - 1) == getattr(owner, "key", 0)
            own = owner is not None and (parent is not None and parent.key == owner.key or after_owner)
            if parent is None or own:
                named[b.key or b.name or b.surface] = b
        if len(named) != 1:
            continue
        b = next(iter(named.values()))
        m.aliases = tuple(dict.fromkeys((*m.aliases, m.surface)))
        m.key, m.name, m.wikidata = b.key, b.name or b.surface, b.wikidata
