"""Gazetteers: the names of the entities the domain cares about, with their types and relations.

The data is JSON Lines under ``data/gazetteers/`` (format: ``data/gazetteers/README.md``), one
file per entity type. :meth:`Gazetteer.load` validates every line and every cross-reference and
raises :class:`~kg.errors.ConfigError` naming ``file:line`` and the problem.

Matching rules (case, possessives, "the U.S.") live in :mod:`kg.link.names`.
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Protocol

from kg.errors import ConfigError
from kg.ids import entity_key, is_qid
from kg.link import names
from kg.models import ENTITY_TYPES, SECTORS
from kg.resources import resource_path

#: file name -> the entity type every line of it must have
FILES: dict[str, str] = {
    "countries.jsonl": "Country",
    "blocs.jsonl": "Bloc",
    "government_bodies.jsonl": "GovernmentBody",
    "companies.jsonl": "Company",
    "research_organizations.jsonl": "ResearchOrganization",
    "legislation.jsonl": "Legislation",
    "technologies.jsonl": "Technology",
    "groups.jsonl": "Group",
    "legal_cases.jsonl": "LegalCase",
    "people.jsonl": "Person",
}

DEFAULT_DIR = resource_path("gazetteers")

_ORGS = ("Company", "ResearchOrganization", "GovernmentBody", "Bloc")
#: field -> (types allowed to carry it, types its value(s) may refer to)
_REFS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "country": (("Company", "ResearchOrganization", "Legislation", "LegalCase"), ("Country", "Bloc")),
    "parent": (("GovernmentBody",), ("Country", "Bloc")),
    "member_of": (("Country",), ("Bloc",)),
    "subsidiary_of": (("Company", "ResearchOrganization"), ("Company",)),
    "produces": (("Company", "ResearchOrganization"), ("Technology",)),
    "works_for": (("Person",), _ORGS),
    "leads": (("Person",), _ORGS + ("Country",)),
}
_TUPLE_FIELDS = ("aliases", "member_of", "produces", "sectors", "demonyms", "capitals")
_ONLY_ON = {"demonyms": ("Country",), "capitals": ("Country", "Bloc"), "platform": ("Company", "Technology"),
            "region": ("GovernmentBody",),
            "iso2": ("Country",), "iso3": ("Country",)}


@dataclass(frozen=True)
class GazEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    qid: str | None = None
    country: str | None = None          # HQ country (organisations), jurisdiction (laws)
    parent: str | None = None           # GovernmentBody -> Country/Bloc
    member_of: tuple[str, ...] = ()     # Country -> Blocs
    subsidiary_of: str | None = None
    produces: tuple[str, ...] = ()
    works_for: str | None = None
    leads: str | None = None
    sectors: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    iso2: str | None = None
    iso3: str | None = None
    case_sensitive: bool = False        # single-word forms match only as written ("Arm", "Meta")
    platform: bool = False              # a service named like its company ("TikTok"): typed by context
    region: bool = False                # a federal state ("Colorado"): a body only where the text has it act,
    #                                     so no surface look-up or pattern finds it (kg/nlp/entities/regions.py)

    @property
    def key(self) -> str:
        return entity_key(self.type, self.name, self.qid)

    @property
    def strict_case(self) -> bool:
        """Single-word forms match only as written: flagged entries and every person ("Musk")."""
        return self.case_sensitive or self.type == "Person"

    def surface_forms(self) -> tuple[str, ...]:
        """Canonical name and aliases (not demonyms or capitals), without duplicates."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


_FIELD_NAMES = {f.name for f in fields(GazEntry)}
_POSSESSIVE_INSIDE = re.compile(r"['\u2019]s\s")


def _fail(where: str, problem: str) -> ConfigError:
    return ConfigError(f"{where}: {problem}")


def _parse_line(raw: dict, where: str, expected_type: str | None) -> GazEntry:
    if not isinstance(raw, dict):
        raise _fail(where, "each line must be a JSON object")
    unknown = sorted(set(raw) - _FIELD_NAMES)
    if unknown:
        raise _fail(where, f"unknown field(s) {', '.join(unknown)}")
    name, type_ = raw.get("name"), raw.get("type")
    if not isinstance(name, str) or not name.strip() or name != name.strip():
        raise _fail(where, "'name' must be a non-empty string without surrounding spaces")
    if type_ not in ENTITY_TYPES:
        raise _fail(where, f"{name!r}: 'type' must be one of {', '.join(ENTITY_TYPES)}, not {type_!r}")
    if expected_type and type_ != expected_type:
        raise _fail(where, f"{name!r}: type {type_} does not belong in this file ({expected_type})")
    values: dict = {}
    for k, v in raw.items():
        if v is None:
            continue
        if k in _TUPLE_FIELDS:
            if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
                raise _fail(where, f"{name!r}: {k!r} must be a list of non-empty strings")
            v = tuple(v)
        elif k in ("case_sensitive", "platform", "region"):
            if not isinstance(v, bool):
                raise _fail(where, f"{name!r}: {k!r} must be true or false")
        elif not isinstance(v, str) or not v.strip():
            raise _fail(where, f"{name!r}: {k!r} must be a non-empty string or null")
        values[k] = v
    entry = GazEntry(**values)
    if entry.qid is not None and not is_qid(entry.qid):
        raise _fail(where, f"{name!r}: qid {entry.qid!r} is not a Wikidata item id (Q followed by digits)")
    bad = [s for s in entry.sectors if s not in SECTORS]
    if bad:
        raise _fail(where, f"{name!r}: unknown sector(s) {', '.join(bad)}; use {', '.join(SECTORS)}")
    for k, allowed in _ONLY_ON.items():
        if getattr(entry, k) and type_ not in allowed:
            raise _fail(where, f"{name!r}: {k!r} is only for {'/'.join(allowed)} entries")
    for k, (carriers, _) in _REFS.items():
        if getattr(entry, k) and type_ not in carriers:
            raise _fail(where, f"{name!r}: {k!r} is only for {'/'.join(carriers)} entries")
    if entry.iso2 is not None and (len(entry.iso2) != 2 or not entry.iso2.isupper()):
        raise _fail(where, f"{name!r}: iso2 must be two capital letters")
    if entry.iso3 is not None and (len(entry.iso3) != 3 or not entry.iso3.isupper()):
        raise _fail(where, f"{name!r}: iso3 must be three capital letters")
    return entry


class GazetteerLike(Protocol):
    """What the pipeline, linking, precedents and review ask of a gazetteer.

    :class:`Gazetteer` has it, and so does :class:`kg.nlp.gazetteer_registry.EmptyGazetteer` (every
    look-up misses); a gazetteer of one's own (:func:`kg.nlp.gazetteer_registry.register_gazetteer`)
    needs these members and nothing more.
    """

    def lookup(self, surface: str) -> GazEntry | None: ...

    def by_name(self, canonical: str) -> GazEntry | None: ...

    def by_key(self, key: str) -> GazEntry | None: ...

    def demonym(self, word: str) -> GazEntry | None: ...

    def capital(self, word: str) -> GazEntry | None: ...

    def ruler_patterns(self) -> list[dict]: ...

    def relations(self) -> list[tuple[str, str, str]]: ...


class Gazetteer:
    """Validated gazetteer entries with indexes for lookup by surface form, demonym and capital."""

    def __init__(self, entries: Iterable[GazEntry], origins: dict[int, str] | None = None):
        self.entries: tuple[GazEntry, ...] = tuple(entries)
        origins = origins or {}
        where = lambda e: origins.get(id(e), repr(e.name))  # noqa: E731
        self._by_name: dict[str, GazEntry] = {}
        self._by_key: dict[str, GazEntry] = {}
        for e in self.entries:
            if e.name in self._by_name:
                raise _fail(where(e), f"duplicate canonical name {e.name!r}")
            self._by_name[e.name] = e
            if e.key in self._by_key:
                raise _fail(where(e), f"{e.name!r} has the same key {e.key} as {self._by_key[e.key].name!r}")
            self._by_key[e.key] = e
        self._check_refs(where)
        self._forms = self._index(((e, f) for e in self.entries if not e.region for f in e.surface_forms()),
                                  "surface form", where, flagged=True)
        self._demonyms = self._index(((e, f) for e in self.entries for f in e.demonyms),
                                     "demonym", where, flagged=False)
        self._capitals = self._index(((e, f) for e in self.entries for f in e.capitals),
                                     "capital", where, flagged=False)
        self._patterns: list[dict] | None = None

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, directory: Path | str | None = None) -> "Gazetteer":
        """Read and validate every ``*.jsonl`` file of ``directory`` (default: data/gazetteers)."""
        directory = Path(directory) if directory is not None else DEFAULT_DIR
        if not directory.is_dir():
            raise ConfigError(f"{directory}: gazetteer directory not found")
        entries: list[GazEntry] = []
        origins: dict[int, str] = {}  # id(entry) -> "file:line"
        paths = sorted(directory.glob("*.jsonl"))
        if not paths:
            raise ConfigError(f"{directory}: no *.jsonl gazetteer files")
        for path in paths:
            expected = FILES.get(path.name)
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{path}: cannot read gazetteer file ({exc})") from None
            for n, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                where = f"{path}:{n}"
                try:
                    raw = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise _fail(where, f"not valid JSON ({exc.msg})") from None
                entry = _parse_line(raw, where, expected)
                entries.append(entry)
                origins[id(entry)] = where
        return cls(entries, origins)

    def _check_refs(self, where) -> None:
        for e in self.entries:
            for k, (_, targets) in _REFS.items():
                value = getattr(e, k)
                for ref in (value if isinstance(value, tuple) else (value,) if value else ()):
                    target = self._by_name.get(ref)
                    if target is None:
                        raise _fail(where(e), f"{e.name!r}: {k} {ref!r} is not the name of any entry")
                    if target.type not in targets:
                        raise _fail(where(e), f"{e.name!r}: {k} {ref!r} is a {target.type}, "
                                              f"expected {'/'.join(targets)}")

    @staticmethod
    def _index(pairs, what: str, where, flagged: bool) -> dict[tuple[str, str], GazEntry]:
        index: dict[tuple[str, str], GazEntry] = {}
        for e, form in pairs:
            key = names.match_key(form, e.strict_case if flagged else False)
            if not key[1]:
                raise _fail(where(e), f"{e.name!r}: {what} {form!r} is empty after normalisation")
            other = index.get(key)
            if other is not None and other is not e:
                raise _fail(where(e), f"{what} {form!r} of {e.name!r} already belongs to {other.name!r} "
                                      f"({other.type}); remove it from one of them")
            index[key] = e
        return index

    # ------------------------------------------------------------------ lookups
    def _find(self, index: dict, surface: str) -> GazEntry | None:
        for key in names.query_keys(surface):
            hit = index.get(key)
            if hit is not None:
                return hit
        return None

    def lookup(self, surface: str) -> GazEntry | None:
        """The entry whose name or alias ``surface`` is (see :mod:`kg.link.names` for the rules)."""
        return self._find(self._forms, surface)

    def by_name(self, canonical: str) -> GazEntry | None:
        return self._by_name.get(canonical)

    def by_key(self, key: str) -> GazEntry | None:
        return self._by_key.get(key)

    def demonym(self, word: str) -> GazEntry | None:
        """'Chinese' -> China, 'Dutch' -> Netherlands, 'U.S.' -> United States."""
        return self._find(self._demonyms, word)

    def capital(self, word: str) -> GazEntry | None:
        """'Beijing' -> China, 'Brussels' -> European Union (capitals standing for governments)."""
        return self._find(self._capitals, word)

    def of_type(self, type_: str) -> tuple[GazEntry, ...]:
        return tuple(e for e in self.entries if e.type == type_)

    # ------------------------------------------------------------------ spaCy patterns
    def ruler_patterns(self, demonyms: bool = False, capitals: bool = False) -> list[dict]:
        """EntityRuler/SpanRuler patterns ``{"label": type, "pattern": [...], "id": key}``.

        Case-insensitive forms use ``LOWER`` token attributes, case-sensitive ones ``ORTH``.
        Forms are split with spaCy's English tokenizer, so "China's" and "U.S.-China" match
        through the tokenizer's own splits. Accent-free and hyphen-free variants are added.
        Aliases that open with another entry's possessive ("China's Ministry of Commerce") are left to
        :meth:`lookup`: in running text the bare name matches and the country stays its own span; a
        possessive inside a name ("People's Bank of China") is matched, with either apostrophe.
        ``demonyms``/``capitals`` add those words too, labelled with the entity's type (off by
        default: "Chinese" is an adjective, and "Washington" may be a person or a state).
        """
        if self._patterns is None:
            self._patterns = self._build_patterns(lambda e: e.surface_forms(), True)
        patterns = list(self._patterns)
        if demonyms:
            patterns += self._build_patterns(lambda e: e.demonyms, False)
        if capitals:
            patterns += self._build_patterns(lambda e: e.capitals, False)
        return patterns

    def _build_patterns(self, forms_of, use_flag: bool) -> list[dict]:
        tokenizer = _tokenizer()
        out: list[dict] = []
        for e in self.entries:
            if e.region:
                continue
            seen: set[tuple] = set()
            for form in forms_of(e):
                poss = _POSSESSIVE_INSIDE.search(form)
                if poss and self.lookup(form[:poss.start()]) is not None:
                    continue  # "China's Ministry of Commerce": the bare name matches; China stays a mention
                cs = names.is_case_sensitive(form, e.strict_case if use_flag else False)
                variants = {form, names.ascii_fold(form)}
                if "-" in form:
                    variants |= {v.replace("-", " ") for v in list(variants)}
                undotted = " ".join(names.undot(t) for t in form.split(" "))
                variants.add(undotted)
                if poss:  # "People's Bank of China" is also written with a typographic apostrophe
                    variants |= {v.replace("'", "’") for v in list(variants)}
                for v in sorted(variants):
                    toks = [t.text for t in tokenizer(v) if not t.is_space]
                    if not toks:
                        continue
                    attr = "ORTH" if cs else "LOWER"
                    pat = tuple((attr, t if cs else t.lower()) for t in toks)
                    if pat in seen:
                        continue
                    seen.add(pat)
                    out.append({"label": e.type, "pattern": [{a: t} for a, t in pat], "id": e.key})
        return out

    # ------------------------------------------------------------------ relations
    def relations(self) -> list[tuple[str, str, str]]:
        """(subject key, predicate, object key) for the core relations the data states."""
        rels: list[tuple[str, str, str]] = []

        def add(subject: GazEntry, predicate: str, target: str | None) -> None:
            obj = self._by_name.get(target) if target else None
            if obj is not None:
                rels.append((subject.key, predicate, obj.key))

        for e in self.entries:
            if e.type in ("Company", "ResearchOrganization"):
                obj = self._by_name.get(e.country) if e.country else None
                if obj is not None and obj.type == "Country":
                    add(e, "headquarteredIn", e.country)
            for b in e.member_of:
                add(e, "memberOf", b)
            if e.type == "GovernmentBody":
                add(e, "partOf", e.parent)
            add(e, "subsidiaryOf", e.subsidiary_of)
            for t in e.produces:
                add(e, "produces", t)
            add(e, "worksFor", e.works_for)
            add(e, "leads", e.leads)
        return sorted(set(rels))


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The project's gazetteer, loaded once per process."""
    return Gazetteer.load()
