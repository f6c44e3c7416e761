"""The precedent base: historical and recent measures written by hand in ``data/precedents/*.yaml``.

:func:`load_base` reads and validates every record (schema: ``data/precedents/README.md``) and
raises :class:`~kg.errors.ConfigError` naming ``file:line`` and the problem. :func:`base_batch`
turns the records into graph records: one :class:`~kg.models.Event` per record (evidence
``source="precedent-base"``, ``rule="precedent-base:<id>"``) and the entities it names, resolved
through the gazetteer so they share keys with entities extracted from dispatches.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kg.errors import ConfigError
from kg.ids import entity_key, event_key
from kg.models import ENTITY_TYPES, Entity, Event, Evidence, GraphBatch, Measure, Sector, Status
from kg.resources import resource_path

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

DEFAULT_DIR = resource_path("precedents")
SOURCE = "precedent-base"
RECORD_FILES = "*.yaml"
NON_RECORD_FILES = {"eval_cases.yaml", "config.yaml"}

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
_URL = re.compile(r"^https://[^\s/]+\.[^\s/]+/\S*$")
TargetKind = Literal["people", "firms", "technology", "data", "capital", "goods"]


class NamedRef(BaseModel):
    """A name with an explicit entity type, for names the gazetteer may not know."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str = Field(min_length=1)
    type: str

    @field_validator("type")
    @classmethod
    def _type(cls, v: str) -> str:
        if v not in ENTITY_TYPES:
            raise ValueError(f"type must be one of {', '.join(ENTITY_TYPES)}")
        return v


Name = str | NamedRef


def _date(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, dt.date):
        return v.isoformat()
    v = str(v)
    if not _DATE.match(v):
        raise ValueError(f"{v!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return v


def _day(v: Any) -> str:
    """A full calendar date (YYYY-MM-DD), for the day a record was checked."""
    v = v.isoformat() if isinstance(v, dt.date) else str(v)
    try:
        if len(v) != 10:
            raise ValueError
        dt.date.fromisoformat(v)
    except ValueError:
        raise ValueError(f"{v!r} is not a calendar date (YYYY-MM-DD)") from None
    return v


class Source(BaseModel):
    """A published item a record was checked against: who published it, its title and date."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    publisher: str = Field(min_length=2)
    title: str = Field(min_length=3)
    date: str
    url: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _d(cls, v: Any) -> str:
        if v is None:
            raise ValueError("a source needs a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        d = _date(v)
        assert d is not None
        return d

    @field_validator("url")
    @classmethod
    def _u(cls, v: str | None) -> str | None:
        if v is not None and not _URL.match(v):
            raise ValueError("must be an https:// address")
        return v


class PrecedentRecord(BaseModel):
    """One measure of the precedent base (see data/precedents/README.md)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    label: str = Field(min_length=3)
    actor: Name | list[Name]
    measure: Measure
    target_kind: TargetKind
    targets: list[Name] = Field(min_length=1)
    affects: list[Name] = []
    instruments: list[Name] = []
    sectors: list[Sector] = Field(min_length=1)
    date: str
    end_date: str | None = None
    status: Status = "Historical"
    description: str = Field(min_length=80)
    reference: str
    sources: list[Source] = Field(min_length=1)
    checked: str
    precedents: list[str] = []
    responds_to: list[str] = []

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("must be a lower-case slug: letters, digits and single hyphens")
        return v

    @field_validator("date", "end_date", mode="before")
    @classmethod
    def _dates(cls, v: Any) -> str | None:
        return _date(v)

    @field_validator("checked", mode="before")
    @classmethod
    def _checked(cls, v: Any) -> str:
        return _day(v)

    @field_validator("reference")
    @classmethod
    def _ref(cls, v: str) -> str:
        if not _URL.match(v):
            raise ValueError("must be an https:// address")
        return v

    @property
    def actors(self) -> list[Name]:
        return self.actor if isinstance(self.actor, list) else [self.actor]

    @property
    def year(self) -> int:
        return int(self.date[:4])


@dataclass
class PrecedentBase:
    records: tuple[PrecedentRecord, ...]
    origins: dict[str, str] = field(default_factory=dict)  # id -> "file:line"

    def __len__(self) -> int:
        return len(self.records)

    def by_id(self) -> dict[str, PrecedentRecord]:
        return {r.id: r for r in self.records}


def _fail(where: str, problem: str) -> ConfigError:
    return ConfigError(f"{where}: {problem}")


def _dup_keys(node: yaml.Node, path: Path) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                if k.value in seen:
                    raise _fail(f"{path}:{k.start_mark.line + 1}", f"duplicate field {k.value!r}")
                seen.add(k.value)
            _dup_keys(v, path)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            _dup_keys(v, path)


def _pydantic_problem(exc: ValidationError) -> str:
    parts = []
    for e in exc.errors()[:3]:
        loc = ".".join(str(x) for x in e["loc"] if not str(x).startswith(("str", "NamedRef", "list[")))
        msg = e["msg"].removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts)


def load_file(path: Path) -> list[tuple[PrecedentRecord, str]]:
    """Records of one YAML file with their ``file:line``; ConfigError on the first problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(str(path), f"cannot read: {exc}") from exc
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return []
        _dup_keys(root, path)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise _fail(f"{path}:{line}", f"not valid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise _fail(str(path), f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise _fail(f"{path}:1", "the file must be a YAML list of records")
    out = []
    for node, raw in zip(root.value, data):
        where = f"{path}:{node.start_mark.line + 1}"
        if not isinstance(raw, dict):
            raise _fail(where, "each record must be a mapping")
        rid = raw.get("id", "?")
        try:
            out.append((PrecedentRecord.model_validate(raw), where))
        except ValidationError as exc:
            raise _fail(where, f"record {rid!r}: {_pydantic_problem(exc)}") from None
    return out


def check_links(records: list[tuple[PrecedentRecord, str]]) -> None:
    """Ids unique; cited ids exist, are not the record itself and come no later than it."""
    seen: dict[str, str] = {}
    for r, where in records:
        if r.id in seen:
            raise _fail(where, f"duplicate id {r.id!r} (first at {seen[r.id]})")
        seen[r.id] = where
    by_id = {r.id: r for r, _ in records}
    for r, where in records:
        if r.end_date and r.end_date[:len(r.date)] < r.date[:len(r.end_date)]:
            raise _fail(where, f"record {r.id!r}: end_date {r.end_date} is before date {r.date}")
        for fld in ("precedents", "responds_to"):
            for other in getattr(r, fld):
                if other == r.id:
                    raise _fail(where, f"record {r.id!r}: {fld} cites the record itself")
                if other not in by_id:
                    raise _fail(where, f"record {r.id!r}: {fld} cites unknown id {other!r}")
                if by_id[other].year > r.year:
                    raise _fail(where, f"record {r.id!r}: {fld} cites {other!r}, which is later "
                                       f"({by_id[other].date} > {r.date})")


def load_base(directory: str | Path | None = None) -> PrecedentBase:
    """Every record under ``directory`` (default ``data/precedents/``), validated."""
    d = Path(directory) if directory else DEFAULT_DIR
    if d.is_file():
        files = [d]
    elif d.is_dir():
        files = sorted(p for p in d.glob(RECORD_FILES) if p.name not in NON_RECORD_FILES)
    else:
        raise ConfigError(f"{d}: precedent base not found")
    records: list[tuple[PrecedentRecord, str]] = []
    for f in files:
        records.extend(load_file(f))
    check_links(records)
    records.sort(key=lambda rw: rw[0].id)
    return PrecedentBase(tuple(r for r, _ in records), {r.id: w for r, w in records})


@lru_cache(maxsize=4)
def default_base(directory: str | None = None) -> PrecedentBase:
    return load_base(directory)


# ------------------------------------------------------------------ records -> graph records

#: words that make an unknown actor name a government body or a bloc (the gazetteer decides first)
_BODY = re.compile(r"\b(ministry|bureau|department|court|committee on|congress|house of|senate|"
                   r"administration|commission|agency|authority|garante|roskomnadzor|treasury|office)\b", re.I)
_BLOC = re.compile(r"\b(arrangement|regime|group|coordinating committee|union|organization|council)\b", re.I)
_KIND_TYPE = {"people": "Group", "firms": "Company", "technology": "Technology", "goods": "Technology",
              "data": "Technology", "capital": "Technology"}


class Resolver:
    """Names -> entities through the gazetteer; names it lacks get a typed key of their own."""

    def __init__(self, gazetteer: GazetteerLike | None = None):
        self.gaz = gazetteer
        self.missing: dict[str, str] = {}   # name -> type guessed, for reports
        self.seen: dict[str, Entity] = {}     # names already resolved (actors first)

    def entity(self, ref: Name, role: str, kind: str | None = None) -> Entity:
        name, type_ = (ref.name, ref.type) if isinstance(ref, NamedRef) else (ref, None)
        if type_ is None and name in self.seen:
            return self.seen[name]
        e = self._entity(name, type_, role, kind)
        if type_ is None:
            self.seen.setdefault(name, e)
        return e

    def _entity(self, name: str, type_: str | None, role: str, kind: str | None) -> Entity:
        entry = None
        if self.gaz is not None:
            entry = self.gaz.by_name(name) or self.gaz.lookup(name)
            if entry is not None and type_ and entry.type != type_:
                entry = None
        if entry is not None:
            return Entity(key=entry.key, type=entry.type, name=entry.name,
                          aliases=tuple(a for a in entry.aliases if a != entry.name), wikidata=entry.qid)
        if type_ is None:
            if role == "actor":
                type_ = ("GovernmentBody" if _BODY.search(name) and "Union" not in name else
                         "Bloc" if _BLOC.search(name) and name != "Soviet Union" else "Country")
            elif role == "instrument":
                type_ = "Legislation"
            elif role == "affects":
                type_ = "Company"
            else:
                type_ = _KIND_TYPE.get(kind or "", "Technology")
        self.missing.setdefault(name, type_)
        return Entity(key=entity_key(type_, name), type=type_, name=name)


def default_gazetteer_or_none() -> GazetteerLike | None:
    """The default gazetteer, or None when there is none yet (every name then gets its own typed key)."""
    try:
        from kg.link.gazetteer import default_gazetteer
        return default_gazetteer()
    except ConfigError:
        raise
    except Exception:  # noqa: BLE001 — no gazetteer yet: every name gets its own typed key
        return None


def record_key(r: PrecedentRecord, actors, targets) -> str:
    return event_key(r.measure, actors, targets, r.sectors, r.date, extra=f"{SOURCE}:{r.id}")


@dataclass
class BaseGraph:
    """The precedent base as graph records, with the lookups linking needs."""

    batch: GraphBatch
    key_of: dict[str, str]                       # record id -> event key
    id_of: dict[str, str]                        # event key -> record id
    instrument_event: dict[str, str]             # Legislation/LegalCase entity key -> event key
    entity_types: dict[str, str]                 # entity key -> type
    target_kinds: dict[str, str]                 # event key -> target_kind
    missing: dict[str, str]                      # names the gazetteer lacks -> guessed type


def base_batch(base: PrecedentBase | None = None,
               gazetteer: GazetteerLike | Literal["default"] | None = "default") -> BaseGraph:
    base = base if base is not None else default_base()
    gaz = default_gazetteer_or_none() if gazetteer == "default" else gazetteer
    res = Resolver(gaz)
    entities: dict[str, Entity] = {}
    events: list[Event] = []
    key_of: dict[str, str] = {}
    pending: list[tuple[PrecedentRecord, dict]] = []
    instrument_event: dict[str, str] = {}
    for r in base.records:  # actors first, so a country named as a target keeps its actor type
        for ref in r.actors:
            res.entity(ref, "actor")
    for r in base.records:
        def ents(refs, role):
            out = []
            for ref in refs:
                e = res.entity(ref, role, r.target_kind)
                entities.setdefault(e.key, e)
                out.append(e.key)
            return tuple(dict.fromkeys(out))
        parts = {"actors": ents(r.actors, "actor"), "targets": ents(r.targets, "target"),
                 "affects": ents(r.affects, "affects"), "instruments": ents(r.instruments, "instrument")}
        key_of[r.id] = record_key(r, parts["actors"], parts["targets"])
        pending.append((r, parts))
    for r, parts in pending:
        key = key_of[r.id]
        for ik in parts["instruments"]:
            instrument_event[ik] = key
        events.append(Event(
            key=key, measure=r.measure, actors=parts["actors"], targets=parts["targets"],
            affects=parts["affects"], sectors=tuple(r.sectors), status=r.status, date=r.date,
            precedents=tuple(key_of[p] for p in r.precedents),
            responds_to=tuple(key_of[p] for p in r.responds_to),
            label=r.label, description=" ".join(r.description.split()), reference=r.reference,
            evidence=(Evidence(rule=f"{SOURCE}:{r.id}", source=SOURCE),),
        ))
    batch = GraphBatch(entities=tuple(entities[k] for k in sorted(entities)),
                       events=tuple(sorted(events, key=lambda e: e.key)))
    return BaseGraph(batch=batch, key_of=key_of, id_of={v: k for k, v in key_of.items()},
                     instrument_event=instrument_event,
                     entity_types={k: e.type for k, e in entities.items()},
                     target_kinds={key_of[r.id]: r.target_kind for r in base.records},
                     missing=dict(sorted(res.missing.items())))
