"""Within-document canonicalisation: one entity per real thing mentioned in a dispatch.

Input: typed mentions (from the gazetteer ruler, rules and statistical NER). Output: clusters,
each with one canonical name, its other surface forms as aliases, a type and a key.

What is merged (in this order):

1. mentions of the same gazetteer entry (same key);
2. mentions whose cleaned surface is the same ("the U.S." / "U.S.", "China's" / "China", case);
3. an acronym with its expansion: "Bureau of Industry and Security (BIS)" defines BIS; an acronym
   also joins a multi-word name whose initials it spells;
4. a company name with and without a corporate suffix ("Alibaba Group" / "Alibaba"); a multi-word
   short form that ends a longer name of the same type ("Communist Party" / "Chinese Communist Party");
5. a one-word person name with the unique full name containing it ("Meng" -> "Meng Wanzhou");
6. ``attach_only`` mentions (bare "researchers") join the unique cluster of their type whose
   name ends with the same word, or are dropped.

Canonical name: the gazetteer name, else a rule-provided name, else the longest full form.
The type: the gazetteer type, else the type with the highest summed confidence.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.ids import entity_key

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

CORP_SUFFIXES = {"group", "inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "limited", "co",
                 "co.", "holdings", "holding", "plc", "llc", "sa", "ag", "nv", "n.v.", "se", "gmbh",
                 "company", "incorporated"}
_STOP = {"of", "and", "for", "the", "on", "in", "&", "to", "de", "du", "des", "la", "le", "per", "di"}
_POSS = re.compile(r"(?:'s|’s|'|’)$")
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w&\-\.]*)(?:\s+(?:of|and|for|the|on|in|&|de|[A-Z][\w&\-\.]*))*)\s+\(\s*([A-Z][A-Za-z&\.]{1,11})\s*\)")


@dataclass
class Mention:
    """One occurrence of a thing in the text, before clustering."""

    surface: str
    start: int                     # character offsets of the mention in the text
    end: int
    type: str
    rule: str
    confidence: float
    key: str | None = None         # gazetteer key, when the gazetteer recognised it
    name: str | None = None        # canonical name proposed by the gazetteer or a rule
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()  # extra surface forms a rule wants recorded
    attach_only: bool = False
    cluster: int | None = field(default=None, repr=False)


@dataclass
class Cluster:
    key: str
    type: str
    name: str
    aliases: tuple[str, ...]
    wikidata: str | None
    mentions: list[Mention]


@functools.lru_cache(maxsize=65_536)  # a pure function of the string; resolve() calls it per pair
def clean(surface: str) -> str:
    """'the U.S.' -> 'U.S.'; "China's" -> 'China'; collapses whitespace."""
    s = " ".join(surface.split())
    s = re.sub(r"^(?:the|The|THE)\s+", "", s)
    s = _POSS.sub("", s)
    return s.strip(" ,;:()[]\"“”")


@functools.lru_cache(maxsize=65_536)  # a pure function of the string; resolve() calls it per pair
def norm(surface: str) -> str:
    s = clean(surface).lower()
    s = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", s).replace(".", "")
    s = s.replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


@functools.lru_cache(maxsize=65_536)  # a pure function of the string; resolve() calls it per pair
def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", clean(name)) if w]
    return "".join(w[0] for w in words if w.lower() not in _STOP and w[0].isalpha()).upper()


def strip_corp_suffix(name: str) -> str:
    words = clean(name).split()
    while len(words) > 1 and words[-1].lower().strip(",") in CORP_SUFFIXES:
        words = words[:-1]
    return " ".join(words).rstrip(",")


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronym -> long form, from "Long Form (LF)" in the text (the acronym must fit the initials)."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        long_form, acr = m.group(1), m.group(2).replace(".", "")
        words = long_form.split()
        # take the shortest tail of the long form whose initials spell the acronym
        for i in range(len(words)):
            cand = " ".join(words[i:])
            if initials(cand) == acr.upper() or initials(cand).startswith(acr.upper()) and len(acr) >= 3:
                out.setdefault(acr, clean(cand))
                break
    return out


class _UF:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


_COMPATIBLE = {
    "Company": {"Company", "ResearchOrganization", "GovernmentBody", "Technology"},
    "ResearchOrganization": {"Company", "ResearchOrganization", "GovernmentBody"},
    "GovernmentBody": {"Company", "ResearchOrganization", "GovernmentBody", "Bloc"},
    "Bloc": {"GovernmentBody", "Bloc"},
    "Technology": {"Company", "Technology"},
}


def _compatible(a: str, b: str) -> bool:
    return a == b or b in _COMPATIBLE.get(a, set())


def resolve(mentions: list[Mention], text: str = "", gazetteer: GazetteerLike | None = None) -> list[Cluster]:
    """Cluster mentions; sets ``Mention.cluster`` and returns the clusters sorted by key."""
    strong = [m for m in mentions if not m.attach_only]
    weak = [m for m in mentions if m.attach_only]
    n = len(strong)
    uf = _UF(n)
    by_key: dict[str, int] = {}
    by_norm: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(strong):
        if m.key:
            if m.key in by_key:
                uf.union(by_key[m.key], i)
            else:
                by_key[m.key] = i
        by_norm[norm(m.name or m.surface)].append(i)
        by_norm[norm(m.surface)].append(i)
    for idxs in by_norm.values():
        for j in idxs[1:]:
            if _compatible(strong[idxs[0]].type, strong[j].type) or strong[idxs[0]].key or strong[j].key:
                if not (strong[idxs[0]].key and strong[j].key and strong[idxs[0]].key != strong[j].key):
                    uf.union(idxs[0], j)
    # acronyms
    defs = acronym_definitions(text) if text else {}
    for i, m in enumerate(strong):
        s = clean(m.surface)
        target = None
        if s in defs:
            target = norm(defs[s])
        elif s.isupper() and 2 <= len(s.replace(".", "")) <= 8:
            acr = s.replace(".", "")
            cands = {uf.find(j) for j, o in enumerate(strong)
                     if j != i and len(clean(o.surface).split()) > 1 and initials(o.name or o.surface) == acr}
            if len(cands) == 1:
                j = cands.pop()
                if _compatible(strong[j].type, m.type) and not (m.key and strong[j].key and m.key != strong[j].key):
                    uf.union(i, j)
            continue
        if target and target in by_norm:
            j = by_norm[target][0]
            if not (m.key and strong[j].key and m.key != strong[j].key):
                uf.union(i, j)
    # corporate suffixes
    for i, m in enumerate(strong):
        if m.type in ("Company", "ResearchOrganization"):
            base = norm(strip_corp_suffix(m.surface))
            if base != norm(m.surface) and base in by_norm:
                j = by_norm[base][0]
                if strong[j].type in ("Company", "ResearchOrganization") and \
                        not (m.key and strong[j].key and m.key != strong[j].key):
                    uf.union(i, j)
    # a multi-word short form ending a longer name of the same kind: "Communist Party" within
    # "Chinese Communist Party", "Commerce Department" within "U.S. Commerce Department"
    for i, m in enumerate(strong):
        short = norm(m.surface)
        if m.key or len(short.split()) < 2 or m.type in ("Person", "Group", "Country"):
            continue
        longer = {uf.find(j) for j, o in enumerate(strong) if uf.find(j) != uf.find(i) and o.type == m.type
                  and any(f != short and f.endswith(" " + short) for f in (norm(o.surface), norm(o.name or "")))}
        if len(longer) == 1:
            uf.union(i, longer.pop())
    _join_short_forms(strong, uf)
    _join_numbered_laws(strong, uf)
    # short person names
    full_people: dict[int, list[str]] = {}
    for i, m in enumerate(strong):
        toks = clean(m.name or m.surface).split()
        if m.type == "Person" and len(toks) > 1:
            full_people.setdefault(uf.find(i), toks)
    for i, m in enumerate(strong):
        toks = clean(m.surface).split()
        if len(toks) == 1 and (m.type == "Person" or (not m.key and m.confidence <= 0.6)):
            roots = {r for r, ft in full_people.items() if toks[0] in (ft[0], ft[-1])}
            roots = {uf.find(r) for r in roots}
            if len(roots) == 1:
                r = roots.pop()
                uf.union(i, r)
                m.type = "Person"
    # build clusters
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, m in enumerate(strong):
        groups[uf.find(i)].append(m)
    clusters = [_make_cluster(ms) for ms in groups.values()]
    for ci, c in enumerate(clusters):
        for m in c.mentions:
            m.cluster = ci
    # weak mentions attach to a unique cluster of their type ending with the same word
    for m in weak:
        w = norm(m.surface)
        fits = [c for c in clusters if c.type == m.type and
                (norm(c.name).split()[-1:] == [w] or w == norm(c.name))]
        if len(fits) == 1:
            c = fits[0]
            c.mentions.append(m)
            s = clean(m.surface)
            if s != c.name and s not in c.aliases:
                c.aliases = tuple(sorted(set(c.aliases) | {s}))
    # keys must be unique: clusters that mint the same key are one entity
    merged: dict[str, Cluster] = {}
    for c in clusters:
        if c.key in merged:
            o = merged[c.key]
            o.mentions.extend(c.mentions)
            o.aliases = tuple(sorted((set(o.aliases) | set(c.aliases) | {c.name}) - {o.name}))
        else:
            merged[c.key] = c
    return [merged[k] for k in sorted(merged)]


#: one-word heads that stand for the one body of the document whose name they head or end
#: ("the Commission" beside "European Commission")
BODY_HEADS = {"commission", "parliament", "council", "ministry", "department", "court", "agency", "authority",
              "regulator", "cabinet", "tribunal", "bureau", "directorate"}
_TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir"}


def fold(s: str) -> str:
    """Lower case without accents: "López" -> "lopez"."""
    return unicodedata.normalize("NFKD", norm(s)).encode("ascii", "ignore").decode()


def _join_short_forms(strong: list[Mention], uf: _UF) -> None:
    """Short forms of a longer name of the same type, when exactly one cluster fits: a company's first
    words ("Lockheed" / "Lockheed Martin"), a body's bare head ("Commission" / "European Commission"),
    a person's name without a title or accents, or with fewer words ("Ms Dixon", "Lopez Obrador")."""
    kinds = ("Company", "GovernmentBody", "Person")
    names = {i: fold(m.name or m.surface).split() for i, m in enumerate(strong) if m.type in kinds}
    done: set[tuple[str, tuple[str, ...], int]] = set()
    by_type: dict[str, list[int]] = defaultdict(list)
    for i in names:
        if len(names[i]) > 1:
            by_type[strong[i].type].append(i)
    shorts = {i: [t for t in fold(m.surface).split() if m.type != "Person" or t not in _TITLES]
              for i, m in enumerate(strong) if m.type in kinds and not m.key}
    # longer short forms first: "Nunez Ortega" joins "Ana María Núñez Ortega" before "Ortega" looks
    for i in sorted(shorts, key=lambda k: -len(shorts[k])):
        m, toks = strong[i], shorts[i]
        if not toks or len(toks) > 3:
            continue
        own = uf.find(i)
        if (m.type, tuple(toks), own) in done:
            continue  # the same short form in the same cluster: looked at once
        done.add((m.type, tuple(toks), own))
        roots = set()
        for j in by_type[m.type]:
            full = names[j]
            if len(full) <= len(toks) or (toks[0] not in full and toks[-1] not in full) or uf.find(j) == own:
                continue
            if m.type == "Company" and full[:len(toks)] == toks and m.surface[:1].isupper():
                roots.add(uf.find(j))
            elif m.type == "GovernmentBody" and len(toks) == 1 and toks[0] in BODY_HEADS and \
                    toks[0] in (full[0], full[-1]):
                roots.add(uf.find(j))
            elif m.type == "Person" and (full[-len(toks):] == toks or len(toks) == 1 and toks[0] in full):
                roots.add(uf.find(j))
        if len(roots) == 1:
            uf.union(i, roots.pop())


_NUMBERED_LAW = re.compile(r"^(.*?\S) (?:No\.? ?|n° ?)?(\d+)([/\-.,]\S*)?$")
# the US states' bill abbreviations: "SB 24-205" is "Senate Bill 24-205"
_BILL_ABBREVIATIONS = {"sb": "senate bill", "ab": "assembly bill", "hb": "house bill"}


def _join_numbered_laws(strong: list[Mention], uf: _UF) -> None:
    """A numbered law's short form joins its full number: "Decree 53" and "Decree No. 53" with "Decree
    No. 53/2022/ND-CP", when the text writes one full number only for that head and first number."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    tails: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i, m in enumerate(strong):
        hit = _NUMBERED_LAW.match(clean(m.surface)) if m.type == "Legislation" else None
        if hit:
            head = hit.group(1).lower()
            k = (_BILL_ABBREVIATIONS.get(head, head), hit.group(2))
            groups[k].append(i)
            if hit.group(3):
                tails[k].add(hit.group(3))
    for k, idxs in groups.items():
        if len(tails[k]) <= 1:
            for j in idxs[1:]:
                uf.union(idxs[0], j)


def _is_acronym(s: str) -> bool:
    return " " not in s and s.replace(".", "").isupper() and 2 <= len(s.replace(".", "")) <= 8


def _make_cluster(ms: list[Mention]) -> Cluster:
    gaz = [m for m in ms if m.key]
    if gaz:
        best = max(gaz, key=lambda m: (m.confidence, -m.start))
        typ, name, wd = best.type, best.name or clean(best.surface), best.wikidata
        key = best.key or ""  # a gazetteer mention always has its key (gaz = mentions with a key)
    else:
        votes: dict[str, float] = defaultdict(float)
        # a short form in capitals ("ATAS") is typed by what it stands for, not by its own guess
        full = [m for m in ms if not (m.rule.startswith("ner:") and _is_acronym(clean(m.surface)))] or ms
        for m in full:
            votes[m.type] += m.confidence
        typ = max(sorted(votes), key=lambda t: votes[t])
        named = [m.name for m in ms if m.name and m.type == typ]
        if named:
            name = max(named, key=lambda s: (len(s), s))
        else:
            forms = [clean(m.surface) for m in ms if m.type == typ]
            # the longest full form, but not an acronym over its expansion's case variants
            name = max(forms, key=lambda s: (len(s.split()), not s.isupper(), len(s), s))
        key, wd = entity_key(typ, name), None
    aliases: set[str] = set()
    for m in ms:
        for s in (clean(m.surface), m.name or "", *m.aliases):
            if s and s != name:
                aliases.add(s)
    # drop aliases that differ from the name only by case when the name has them all
    return Cluster(key=key, type=typ, name=name, aliases=tuple(sorted(aliases)), wikidata=wd,
                   mentions=sorted(ms, key=lambda m: (m.start, m.end)))
