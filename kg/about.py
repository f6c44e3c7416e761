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
    """The learned components' weights: sha256 and what they were trained on (one block per component
    whose weights are packaged: the measure classifier, the entity recogniser, the event filter, the kind chooser)."""
    from kg.nlp import event_filter, kind_chooser, learned, learned_entities
    from kg.nlp.learned import training_meta, weights_sha256

    out: dict[str, str] = {}
    for label, path in (("learned weights", learned.weights_path()),
                        ("learned entity weights", learned_entities.weights_path()),
                        ("event filter weights", event_filter.weights_path()),
                        ("kind chooser weights", kind_chooser.weights_path())):
        if not ((path / "config.cfg").is_file() or event_filter.weights_available(path)
                or kind_chooser.weights_available(path)):
            out[label] = "none packaged (rules only)"
            continue
        meta = training_meta(path)
        data = meta.get("data", {})
        trained = meta.get("description", "unknown")
        if data:
            sentences = f"{data.get('sentences')} sentences, {data.get('sentences_with_a_measure')} stating a measure"
            what = {"entities": f"{data.get('entity_spans')} entity spans",
                    "event_filter": f"{data.get('events')} rule events, {data.get('matched')} matched",
                    "kind_chooser": f"{data.get('events')} labelled rule events"}.get(
                path.name, sentences)
            trained += f"; {what}; gold sha256 {meta.get('gold_sha256', '?')[:16]}"
        out[label] = f"{path.name} ({meta.get('component', 'textcat_multilabel')})"
        out[f"{label} sha256"] = weights_sha256(path)
        out[f"{label} trained on"] = trained
    return out


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
