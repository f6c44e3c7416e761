"""Versions of the package and what it runs on."""
from __future__ import annotations

from importlib import metadata

__version__ = "0.1.0"


def _v(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def learned_weights() -> dict[str, str]:
    """The learned components' weights: sha256 and what they were trained on."""
    from kg.nlp.learned import training_meta, weights_available, weights_path, weights_sha256

    if not weights_available():
        return {"learned weights": "none packaged (rules only)"}
    meta = training_meta()
    data = meta.get("data", {})
    trained = meta.get("description", "unknown")
    if data:
        trained += (f"; {data.get('sentences')} sentences, {data.get('sentences_with_a_measure')} stating a measure; "
                    f"gold sha256 {meta.get('gold_sha256', '?')[:16]}")
    return {"learned weights": f"{weights_path().name} ({meta.get('component', 'textcat_multilabel')})",
            "learned weights sha256": weights_sha256(),
            "learned weights trained on": trained}


def about() -> dict[str, str]:
    from kg.nlp.model import default_model_name

    return {
        "policykg": __version__,
        "spacy model": default_model_name() or "none installed",
        **learned_weights(),
        "spacy": _v("spacy"),
        "rdflib": _v("rdflib"),
        "neo4j driver": _v("neo4j"),
        "arcadedb-embedded": _v("arcadedb-embedded"),
    }
