"""SHACL validation of RDF against ``ontology/shapes.ttl`` (pyshacl, no inference).

The ontology (``policy.ttl``) is mixed into a copy of the data graph before validation: the
shapes need its SKOS scheme memberships and its class hierarchy, and nothing more, so no RDFS/OWL
reasoner runs. The caller's graph is never modified.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.rdf.graph import bind_prefixes
from kg.rdf.ontology import load as load_ontology
from kg.rdf.read import load_graph
from kg.vocab import PREFIXES


@dataclass
class ValidationReport:
    conforms: bool
    triples: int
    violations: list[str] = field(default_factory=list)
    source: str | None = None

    def __str__(self) -> str:
        if self.conforms:
            return f"OK: {self.triples} triples conform"
        lines = [f"{len(self.violations)} violation(s) in {self.triples} triples:"]
        lines += [f"  {v}" for v in self.violations]
        return "\n".join(lines)


def _short(g: Graph, node: Node | None) -> str:
    if node is None:
        return "-"
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    if isinstance(node, Literal):
        text = " ".join(str(node).split())
        return '"' + (text[:60] + "…" if len(text) > 60 else text) + '"'
    if isinstance(node, BNode):
        return "[path expression]"
    return str(node)


def _one(g: Graph, s: Node, p: Node) -> Node | None:
    return next(iter(g.objects(s, p)), None)


def readable_violations(results: Graph) -> list[str]:
    """One line per sh:ValidationResult: 'focus node, path, message (value)', sorted."""
    ns = bind_prefixes(Graph())
    lines = set()
    top = [r for rep in results.subjects(RDF.type, SH.ValidationReport) for r in results.objects(rep, SH.result)]
    for r in top:
        focus, path = _one(results, r, SH.focusNode), _one(results, r, SH.resultPath)
        msgs = sorted(str(m) for m in results.objects(r, SH.resultMessage))
        value = _one(results, r, SH.value)
        line = f"{_short(ns, focus)}, {_short(ns, path)}, {' / '.join(msgs) or 'violation'}"
        if value is not None and value != focus:
            line += f" (value: {_short(ns, value)})"
        lines.add(line)
    return sorted(lines)


def validate(source: str | Path | Graph) -> ValidationReport:
    """Validate a file (any RDF syntax, by suffix) or an rdflib Graph/Dataset against the shapes.

    Raises :class:`kg.errors.InputError` if the file is missing or not valid RDF."""
    data = load_graph(source)
    n = len(data)
    work = Graph()
    for t in data:
        work.add(t)
    for t in load_ontology("policy.ttl"):
        work.add(t)
    conforms, results, _text = shacl_validate(
        work, shacl_graph=load_ontology("shapes.ttl"), inference="none", inplace=True,
        advanced=False, allow_warnings=False,
    )
    violations = [] if conforms else readable_violations(results)
    return ValidationReport(conforms=bool(conforms), triples=n, violations=violations,
                            source=None if isinstance(source, Graph) else str(source))
