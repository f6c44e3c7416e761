"""The project's spaCy pipeline: the statistical model plus the ``kg_*`` components.

Assembled from :data:`PIPELINE_CONFIG` (component name -> factory and config), in order:

``kg_lines`` (before the parser: line breaks start sentences; boilerplate ranges)
-> statistical tagger/parser/NER -> ``kg_gazetteer`` -> ``kg_learned_entities`` (the entity recogniser
trained on the annotated corpus, :mod:`kg.nlp.learned_entities`; its spans rank below every rule's)
-> ``kg_entities`` -> ``kg_relations``
-> ``kg_events`` (the kg/nlp/events/ package, when installed) -> ``kg_learned_events`` (the measure
classifier trained on the annotated corpus, :mod:`kg.nlp.learned`). The learned components are left
out with ``rules_only=True`` (``kg extract --rules-only``) and when their packaged weights are missing.
"""
from __future__ import annotations

import importlib
import logging
from typing import Any

from spacy.language import Language

from kg.nlp.attrs import register_extensions
from kg.nlp.model import load_fresh

log = logging.getLogger(__name__)

#: components added to the statistical model, in order (name, factory, config, placement)
PIPELINE_CONFIG: list[dict[str, Any]] = [
    {"name": "kg_lines", "factory": "kg_lines", "config": {}, "before": "parser"},
    {"name": "kg_gazetteer", "factory": "kg_gazetteer", "config": {"gazetteer": "default"}},
    {"name": "kg_learned_entities", "factory": "kg_learned_entities", "config": {},
     "optional_module": "kg.nlp.learned_entities", "learned": True},
    {"name": "kg_entities", "factory": "kg_entities", "config": {"gazetteer": "default"}},
    {"name": "kg_relations", "factory": "kg_relations", "config": {"gazetteer": "default"}},
    {"name": "kg_events", "factory": "kg_events", "config": {"gazetteer": "default"},
     "optional_module": "kg.nlp.events"},
    {"name": "kg_learned_events", "factory": "kg_learned_events", "config": {"gazetteer": "default"},
     "optional_module": "kg.nlp.learned", "learned": True},
]

#: modules that register the factories above
_FACTORY_MODULES = ("kg.nlp.lines", "kg.nlp.ruler", "kg.nlp.entities", "kg.nlp.relations")


def load_factories() -> None:
    for mod in _FACTORY_MODULES:
        importlib.import_module(mod)


def build_pipeline(model: str | None = None, gazetteer: str = "default", nlp: Language | None = None,
                   config: list[dict[str, Any]] | None = None, rules_only: bool = False) -> Language:
    """The statistical model ``model`` (see :mod:`kg.nlp.model`) with the project's components.

    ``nlp`` may be given instead of a model name (tests pass ``spacy.blank("en")``); components
    whose ``before`` target is missing are appended. ``gazetteer`` names a registered gazetteer
    (see :mod:`kg.nlp.gazetteer_registry`). ``rules_only`` leaves out the learned components (entries
    marked ``learned``); they are also left out, with a log line, when their packaged weights are missing.
    """
    register_extensions()
    load_factories()
    if nlp is None:
        nlp = load_fresh(model)
    for comp in config or PIPELINE_CONFIG:
        cfg = dict(comp.get("config", {}))
        if "gazetteer" in cfg:
            cfg["gazetteer"] = gazetteer
        if comp["factory"] == "kg_lines":
            cfg["lines_only"] = not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names))
        if comp.get("learned") and (rules_only or not _learned_weights(comp["optional_module"])):
            continue
        if comp.get("optional_module"):
            try:
                importlib.import_module(comp["optional_module"])
            except ImportError as exc:
                log.info("component %s not available: %s", comp["name"], exc)
                continue
            if not Language.has_factory(comp["factory"]):
                continue
        if comp["name"] in nlp.pipe_names:
            continue
        before = comp.get("before")
        if before and before in nlp.pipe_names:
            nlp.add_pipe(comp["factory"], name=comp["name"], config=cfg, before=before)
        else:
            nlp.add_pipe(comp["factory"], name=comp["name"], config=cfg)
    nlp.meta.setdefault("kg_model", nlp.meta.get("name", "blank"))
    return nlp


def _learned_weights(module: str) -> bool:
    """Whether the learned component of ``module`` has its packaged weights."""
    if importlib.import_module(module).weights_available():
        return True
    log.info("no packaged weights for %s: left out", module)
    return False


def model_name(nlp: Language) -> str:
    meta = nlp.meta
    if meta.get("kg_model") and meta.get("kg_model") != meta.get("name"):
        return str(meta["kg_model"])
    lang, name = meta.get("lang", "xx"), meta.get("name", "pipeline")
    return f"{lang}_{name}" if not str(name).startswith(f"{lang}_") else str(name)
