"""One analyst decision: a typed, validated record (one line of ``corrections.jsonl``).

Every decision says who took it, when and why, and names its subject twice: by a stable key
(``subject``, see :mod:`kg.corrections.keys`) and by a human-readable ``describe``, so a reader
of the file — and the report of a decision whose subject no longer exists — can tell what was
meant even when re-extraction changed the graph.

Actions::

    accept            a dispatch ("dispatch/<id>"): reviewed in full, ready for export-gold
    accept / reject   an event ("event/…"), a role value ("event/… target wd/Q148",
                      "event/… status InForce"), a relation ("S partOf O") or an analogy
                      ("event/a analogousTo event/b")
    retype            an entity: ``value`` is the new type
    rename            an entity: ``value`` is the new name (the old one becomes an alias)
    merge             the entity ``subject`` is folded into the entity ``into``
    split             undoes an earlier merge of ``subject`` into ``into``
    add               a missing event (``event``) or relation (``subject`` "S P O"), citing
                      ``sentence`` (and ``dispatch``, the dispatch id it comes from)
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kg import ids
from kg.corrections.keys import parse_key
from kg.models import ENTITY_TYPES, MEASURES, SECTORS, STATUSES, Measure, Sector, Status

Action = Literal["accept", "reject", "retype", "rename", "merge", "split", "add"]
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$").match


class NewEvent(BaseModel):
    """The content of an event an analyst adds (entity keys, as in :class:`kg.models.Event`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    measure: Measure
    actors: tuple[str, ...] = Field(min_length=1)
    targets: tuple[str, ...] = ()
    affects: tuple[str, ...] = ()
    sectors: tuple[Sector, ...] = ()
    status: Status | None = None
    date: str | None = None
    label: str | None = None

    def key(self) -> str:
        return ids.event_key(self.measure, self.actors, self.targets, self.sectors, self.date)


class Decision(BaseModel):
    """One line of a corrections file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    action: Action
    subject: str = Field(min_length=1, description="stable key or IRI of what is decided on")
    describe: str = Field(min_length=1, description="what the subject is, in words")
    who: str = Field(min_length=1, description="the analyst")
    when: dt.datetime = Field(description="when the decision was taken (ISO 8601, with zone)")
    why: str = Field(min_length=1)
    value: str | None = Field(None, description="retype: the new type; rename: the new name")
    into: str | None = Field(None, description="merge/split: the entity the subject is merged into")
    event: NewEvent | None = Field(None, description="add: the event to add")
    sentence: str | None = Field(None, description="add: the sentence that states it")
    dispatch: str | None = Field(None, description="add: the id of the dispatch that sentence is from")

    @field_validator("subject", "into")
    @classmethod
    def _key(cls, v: str | None) -> str | None:
        return None if v is None else parse_key(v).text  # IRIs become keys; bad shapes raise

    @field_validator("when")
    @classmethod
    def _aware(cls, v: dt.datetime) -> dt.datetime:
        if v.tzinfo is None:
            raise ValueError("'when' needs a time zone, e.g. 2026-12-02T14:00:00Z")
        return v.astimezone(dt.timezone.utc)

    @model_validator(mode="after")
    def _fits_action(self) -> "Decision":
        k = parse_key(self.subject)
        a = self.action
        if a in ("retype", "rename", "merge", "split") and k.kind != "entity":
            raise ValueError(f"{a} needs an entity key as subject, not {self.subject!r}")
        if a == "retype" and self.value not in ENTITY_TYPES:
            raise ValueError(f"retype needs 'value', one of: {', '.join(ENTITY_TYPES)}")
        if a == "rename" and not (self.value and self.value.strip()):
            raise ValueError("rename needs 'value', the new name")
        if a in ("merge", "split"):
            if not self.into or parse_key(self.into).kind != "entity":
                raise ValueError(f"{a} needs 'into', an entity key")
            if self.into == self.subject:
                raise ValueError(f"{a}: an entity cannot be merged into itself")
        if a in ("accept", "reject") and k.kind == "entity":
            raise ValueError(f"{a} applies to events, role values, relations and analogies; "
                             "for an entity use rename, retype, merge or split")
        if k.kind == "dispatch" and a != "accept":
            raise ValueError("a dispatch can only be accepted (marked as reviewed in full)")
        if k.kind == "role":
            _check_role_value(k.role, k.value)
        if a == "add":
            if not (self.sentence and self.sentence.strip()):
                raise ValueError("add needs 'sentence', the sentence that states it")
            if k.kind == "event":
                if self.event is None:
                    raise ValueError("adding an event needs 'event' (measure, actors, ...)")
                if self.event.key() != self.subject:
                    raise ValueError(f"the key of the event to add is {self.event.key()}, not {self.subject}")
            elif k.kind != "relation":
                raise ValueError("add needs an event key or a relation 'S predicate O' as subject")
        elif self.event is not None:
            raise ValueError("'event' is only for add")
        return self

    @property
    def id(self) -> str:
        """A content hash naming this decision (the rule of the evidence it leaves)."""
        return ids.content_hash(self.action, self.subject, self.who, self.when.isoformat(),
                                self.value or "", self.into or "", length=12)

    def line(self) -> str:
        """The decision as one JSON line (no trailing newline)."""
        return self.model_dump_json(exclude_none=True)


def _check_role_value(role: str, value: str) -> None:
    if role == "sector" and value not in SECTORS:
        raise ValueError(f"sector {value!r} is not one of: {', '.join(SECTORS)}")
    if role == "status" and value not in STATUSES:
        raise ValueError(f"status {value!r} is not one of: {', '.join(STATUSES)}")
    if role == "date" and not _DATE(value):
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if role == "measure" and value not in MEASURES:
        raise ValueError(f"measure {value!r} is not one of: {', '.join(MEASURES)}")
