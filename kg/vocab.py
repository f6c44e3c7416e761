"""The ontology's terms as Python names.

IRIs are spelt once, in ``ontology/policy.ttl``; this module names the same terms so code can
refer to them, and ``tests/test_vocab.py`` proves the two hold exactly the same terms. Unknown
attributes raise (``_fail = True``), so a typo is an error, not a silently new IRI.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

POL_IRI = "https://w3id.org/policykg/ontology#"
MSR_IRI = "https://w3id.org/policykg/measure#"
SEC_IRI = "https://w3id.org/policykg/sector#"
STA_IRI = "https://w3id.org/policykg/status#"
FAM_IRI = "https://w3id.org/policykg/family#"
RES_IRI = "https://w3id.org/policykg/resource/"

#: namespace of minted resources (entities, events, dispatches); see kg.ids
RES = Namespace(RES_IRI)


class POL(DefinedNamespace):
    """Classes and properties of the PolicyKG ontology."""

    _NS = Namespace(POL_IRI)
    _fail = True

    # --- core entity classes (contract: ../shared/eval/README.md)
    Entity: URIRef
    Organization: URIRef
    Country: URIRef
    Bloc: URIRef
    GovernmentBody: URIRef
    Company: URIRef
    ResearchOrganization: URIRef
    Person: URIRef
    Group: URIRef
    Technology: URIRef
    Legislation: URIRef
    LegalCase: URIRef
    PolicyEvent: URIRef
    # --- project classes
    Dispatch: URIRef
    Evidence: URIRef
    Analogy: URIRef
    RelationAssertion: URIRef
    Pipeline: URIRef
    MeasureFamily: URIRef

    # --- core event properties
    actor: URIRef
    measure: URIRef
    target: URIRef
    affects: URIRef
    sector: URIRef
    status: URIRef
    date: URIRef
    precedent: URIRef
    respondsTo: URIRef
    analogousTo: URIRef
    # --- core relations between entities
    relatedTo: URIRef  # superproperty of the seven below
    headquarteredIn: URIRef
    memberOf: URIRef
    partOf: URIRef
    worksFor: URIRef
    leads: URIRef
    produces: URIRef
    subsidiaryOf: URIRef

    # --- provenance and evidence
    evidence: URIRef
    mentionedIn: URIRef
    fromDispatch: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    rule: URIRef
    confidence: URIRef
    evidenceSource: URIRef
    reason: URIRef
    extractedBy: URIRef
    pipelineVersion: URIRef
    modelName: URIRef
    # --- dispatch metadata
    title: URIRef
    standfirst: URIRef
    publicationDate: URIRef
    url: URIRef
    sourceLocation: URIRef
    verificationNote: URIRef
    contentHash: URIRef
    # --- descriptions
    description: URIRef
    reference: URIRef
    # --- reified relations and analogies
    assertedSubject: URIRef
    assertedPredicate: URIRef
    assertedObject: URIRef
    relates: URIRef
    score: URIRef
    basis: URIRef
    explanation: URIRef
    # --- precedent taxonomy
    family: URIRef
    targetKind: URIRef


class MSR(DefinedNamespace):
    """Kinds of policy measure (skos:Concept in pol:MeasureScheme)."""

    _NS = Namespace(MSR_IRI)
    _fail = True

    # BEGIN GENERATED vocab.MSR (python -m kg.codegen; edit ontology/policy.ttl)
    MeasureScheme: URIRef
    ExportControl: URIRef
    ImportRestriction: URIRef
    InvestmentRestriction: URIRef
    Sanction: URIRef
    EntityListing: URIRef
    TravelRestriction: URIRef
    VisaRestriction: URIRef
    Ban: URIRef
    Regulation: URIRef
    Legislation: URIRef
    Subsidy: URIRef
    TalentProgram: URIRef
    Review: URIRef
    Investigation: URIRef
    LegalAction: URIRef
    DataRestriction: URIRef
    Agreement: URIRef
    Other: URIRef
    # END GENERATED


class SEC(DefinedNamespace):
    """Sectors (skos:Concept in sec:SectorScheme)."""

    _NS = Namespace(SEC_IRI)
    _fail = True

    # BEGIN GENERATED vocab.SEC (python -m kg.codegen; edit ontology/policy.ttl)
    SectorScheme: URIRef
    ArtificialIntelligence: URIRef
    Semiconductors: URIRef
    Telecommunications: URIRef
    Nuclear: URIRef
    Aerospace: URIRef
    Cryptography: URIRef
    CriticalMinerals: URIRef
    Biotechnology: URIRef
    Defence: URIRef
    Research: URIRef
    SocialMedia: URIRef
    Finance: URIRef
    Energy: URIRef
    Other: URIRef
    # END GENERATED


class STA(DefinedNamespace):
    """Status of a measure (skos:Concept in sta:StatusScheme)."""

    _NS = Namespace(STA_IRI)
    _fail = True

    # BEGIN GENERATED vocab.STA (python -m kg.codegen; edit ontology/policy.ttl)
    StatusScheme: URIRef
    Announced: URIRef
    Proposed: URIRef
    InForce: URIRef
    Discussed: URIRef
    Revoked: URIRef
    Historical: URIRef
    # END GENERATED


class FAM(DefinedNamespace):
    """Measure families: a small taxonomy above the measure kinds (used by precedent linking)."""

    _NS = Namespace(FAM_IRI)
    _fail = True

    # BEGIN GENERATED vocab.FAM (python -m kg.codegen; edit ontology/policy.ttl)
    FamilyScheme: URIRef
    MobilityOfPeople: URIRef
    FlowOfGoodsAndTechnology: URIRef
    Capital: URIRef
    Information: URIRef
    LegalProcess: URIRef
    Rulemaking: URIRef
    Support: URIRef
    Cooperation: URIRef
    Scrutiny: URIRef
    OtherFamily: URIRef
    # END GENERATED


#: prefixes bound in every graph the project writes
PREFIXES: dict[str, str] = {
    "pol": POL_IRI, "msr": MSR_IRI, "sec": SEC_IRI, "sta": STA_IRI, "fam": FAM_IRI, "res": RES_IRI,
    "skos": "http://www.w3.org/2004/02/skos/core#", "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#", "schema": "https://schema.org/",
    "wd": "http://www.wikidata.org/entity/", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
