"""PolicyKG: AI and technology policy dispatches -> RDF and Neo4j knowledge graph.

>>> from kg import extract
>>> result = extract("data/samples/", "graph.ttl")     # doctest: +SKIP
"""
from kg.about import __version__
from kg.workflow import ExtractResult, extract

__all__ = ["__version__", "extract", "ExtractResult"]
