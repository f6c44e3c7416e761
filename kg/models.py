"""Typed records passed between stages.

Data flows one way::

    Dispatch  --nlp-->  Extraction  --link/merge-->  GraphBatch  --> RDF writer
                                                               \\--> property-graph writer

Every record is a frozen pydantic model, so a stage cannot mutate what an earlier stage produced.
Entity and event *keys* are the stable, deterministic identifiers from which IRIs are minted
(see :mod:`kg.ids`); records refer to each other by key, never by object identity.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal[
    "Country", "Bloc", "GovernmentBody", "Company", "ResearchOrganization", "Person",
    "Group", "Technology", "Legislation", "LegalCase",
]
ENTITY_TYPES: tuple[str, ...] = EntityType.__args__  # type: ignore[attr-defined]

# BEGIN GENERATED models.Measure (python -m kg.codegen; edit ontology/policy.ttl)
Measure = Literal[
    "ExportControl", "ImportRestriction", "InvestmentRestriction", "Sanction", "EntityListing",
    "TravelRestriction", "VisaRestriction", "Ban", "Regulation", "Legislation", "Subsidy", "TalentProgram",
    "Review", "Investigation", "LegalAction", "DataRestriction", "Agreement", "Other",
]
# END GENERATED
MEASURES: tuple[str, ...] = Measure.__args__  # type: ignore[attr-defined]

# BEGIN GENERATED models.Sector (python -m kg.codegen; edit ontology/policy.ttl)
Sector = Literal[
    "ArtificialIntelligence", "Semiconductors", "Telecommunications", "Nuclear", "Aerospace", "Cryptography",
    "CriticalMinerals", "Biotechnology", "Defence", "Research", "SocialMedia", "Finance", "Energy", "Other",
]
# END GENERATED
SECTORS: tuple[str, ...] = Sector.__args__  # type: ignore[attr-defined]

# BEGIN GENERATED models.Status (python -m kg.codegen; edit ontology/policy.ttl)
Status = Literal[
    "Announced", "Proposed", "InForce", "Discussed", "Revoked", "Historical",
]
# END GENERATED
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]

RelationPredicate = Literal[
    "headquarteredIn", "memberOf", "partOf", "worksFor", "leads", "produces", "subsidiaryOf",
]
RELATION_PREDICATES: tuple[str, ...] = RelationPredicate.__args__  # type: ignore[attr-defined]

EvidenceSource = Literal["text", "gazetteer", "precedent-base", "inferred", "analyst"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Dispatch(_Record):
    """One input document, normalised.

    ``text`` is the full analysable text (title, standfirst and body joined by blank lines);
    every character offset elsewhere in the records points into it.
    """

    id: str = Field(description="content hash (first 16 hex digits of SHA-256 of text)")
    text: str
    title: str | None = None
    standfirst: str | None = None
    date: dt.date | None = None
    url: str | None = None
    source: str | None = Field(None, description="where it was read from: a path, '-', or a feed URL")
    verification_note: str | None = Field(None, description="the closing 'Verifier' note, metadata")
    format: str | None = Field(None, description="reader that produced it: dispatch, txt, md, html, json, feed")


class Evidence(_Record):
    """Why a statement is in the graph: a sentence of a dispatch, or another source."""

    dispatch_id: str | None = None
    sentence: str | None = None
    start: int | None = Field(None, description="character offset of the sentence in Dispatch.text")
    end: int | None = None
    rule: str = Field(description="the rule, model or source that produced the statement")
    confidence: float = Field(1.0, ge=0.0, le=1.0)
    source: EvidenceSource = "text"
    # an analyst's decision (source "analyst", see kg.corrections): who, when and why
    analyst: str | None = None
    decided: dt.datetime | None = None
    reason: str | None = None


class Entity(_Record):
    key: str = Field(description="deterministic id, e.g. 'wd/Q148' or 'company/deepseek'")
    type: EntityType
    name: str = Field(description="canonical English name")
    aliases: tuple[str, ...] = ()
    wikidata: str | None = Field(None, description="Wikidata QID, only where certain")
    mentions: tuple[Evidence, ...] = ()


class Event(_Record):
    """A policy event: one (actor, measure, sector) the text reports."""

    key: str = Field(description="content-derived id, see kg.ids.event_key")
    measure: Measure
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    affects: tuple[str, ...] = ()
    sectors: tuple[Sector, ...] = ()
    status: Status | None = None
    date: str | None = Field(None, description="ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD")
    precedents: tuple[str, ...] = Field((), description="entity or event keys cited as precedent")
    responds_to: tuple[str, ...] = Field((), description="event keys this one answers")
    label: str | None = Field(None, description="short human-readable description")
    description: str | None = None
    reference: str | None = Field(None, description="a stable public address (precedent base)")
    evidence: tuple[Evidence, ...] = ()
    confidence: float = Field(1.0, ge=0.0, le=1.0)


class Relation(_Record):
    subject: str
    predicate: RelationPredicate
    object: str
    evidence: tuple[Evidence, ...] = ()
    confidence: float = Field(1.0, ge=0.0, le=1.0)


class Analogy(_Record):
    """A pol:analogousTo link between two events (symmetric; a < b by key)."""

    a: str
    b: str
    score: float = Field(1.0, ge=0.0, le=1.0)
    basis: Literal["asserted", "inferred"] = "asserted"
    explanation: str | None = None
    evidence: tuple[Evidence, ...] = ()


class PipelineInfo(_Record):
    version: str
    model: str


class Extraction(_Record):
    """Everything extracted from one dispatch."""

    dispatch: Dispatch
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    analogies: tuple[Analogy, ...] = ()
    pipeline: PipelineInfo


class GraphBatch(_Record):
    """Merged records from one or more extractions: what both writers read."""

    dispatches: tuple[Dispatch, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()
    analogies: tuple[Analogy, ...] = ()
    pipeline: PipelineInfo | None = None
