from __future__ import annotations

import shutil

import pytest

from kg.errors import ConfigError
from kg.rdf import ontology


def test_ontology_env_var_takes_precedence(tmp_path, monkeypatch):
    shutil.copy(ontology.ontology_path("shapes.ttl"), tmp_path / "shapes.ttl")
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path))
    assert ontology.ontology_path("shapes.ttl") == tmp_path / "shapes.ttl"
    # a file missing there is still found in the repository
    assert ontology.ontology_path("policy.ttl").parent.name == "ontology"
    assert ontology.ontology_path("policy.ttl").parent != tmp_path


def test_ontology_missing_files_raise_config_error(tmp_path, monkeypatch):
    monkeypatch.setattr(ontology, "ontology_dirs", lambda: [tmp_path])
    with pytest.raises(ConfigError, match="KG_ONTOLOGY_DIR"):
        ontology.ontology_path("policy.ttl")


def test_ontology_load_is_cached_and_parsed():
    g1, g2 = ontology.load("policy.ttl"), ontology.load("policy.ttl")
    assert g1 is g2 and len(g1) > 500
