"""docs/extending.md, followed once: each recipe applied to a temporary copy of the repository.

In the copy: a new kind of measure (``msr:Moratorium``) and a new sector (``sec:Space``) are added
to the ontology and ``python -m kg.codegen`` regenerates the Python tables; a trigger row and
sector cues go into the rule files; a government body and a company go into the gazetteers; a
named SPARQL query goes into ``queries/``. Then ``kg extract`` (the copy's code, on PYTHONPATH)
must find the new measure, by the new body's country, in the new sector, aimed at the new company,
and ``kg sparql`` must answer the new query. Loads the spaCy model: slow.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Namespace

from kg.codegen import run as codegen

ROOT = Path(__file__).resolve().parents[1]
_IGNORE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                 ".hypothesis", "out", "kgdata", "log", "bench", "tests", "texts", "corpus")

MEASURE_TTL = """
msr:Moratorium a skos:Concept ; skos:inScheme msr:MeasureScheme ; skos:topConceptOf msr:MeasureScheme ;
    skos:prefLabel "moratorium"@en ; rdfs:label "moratorium"@en ;
    skos:definition "A temporary halt on an activity, such as granting licences or deploying a technology."@en ;
    pol:family fam:Rulemaking .

sec:Space a skos:Concept ; skos:inScheme sec:SectorScheme ; skos:topConceptOf sec:SectorScheme ;
    skos:prefLabel "space"@en ; rdfs:label "space"@en .
"""
TRIGGER_ROW = '  - {rule: moratorium, measure: Moratorium, phrase: "moratorium|moratoria"}\n'
SECTOR_ROW = "  Space: [spaceport, spaceports, lunar]\n"
BODY = ('{"name": "Federal Office for Lunar Affairs", "type": "GovernmentBody", "aliases": ["Lunar Office"], '
        '"qid": null, "parent": "Germany", "sectors": []}\n')
COMPANY = ('{"name": "Zorblax Orbital", "type": "Company", "aliases": [], "qid": null, "country": "Germany", '
           '"subsidiary_of": null, "produces": [], "sectors": []}\n')
QUERY = """# name: moratoria
# question: Which moratoria has each actor imposed, on whom?
# params: none
PREFIX pol: <https://w3id.org/policykg/ontology#>
PREFIX msr: <https://w3id.org/policykg/measure#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?actor ?target WHERE {
  ?e pol:measure msr:Moratorium ; pol:actor ?a ; pol:target ?t .
  ?a rdfs:label ?actor . ?t rdfs:label ?target .
}
ORDER BY ?actor ?target
"""
TEXT = ("Germany halts spaceport permits\n\n"
        "The Federal Office for Lunar Affairs imposed a moratorium on Zorblax Orbital's spaceport licences on "
        "Monday.\n")


def _insert_before(path: Path, marker: str, text: str) -> None:
    body = path.read_text(encoding="utf-8")
    assert marker in body, f"{path}: {marker!r} not found"
    path.write_text(body.replace(marker, text + marker, 1), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as fh:
        fh.write(text)


@pytest.fixture(scope="module")
def extended(tmp_path_factory) -> Path:
    """A copy of the repository with every recipe of docs/extending.md applied."""
    repo = tmp_path_factory.mktemp("extended") / "repo"
    shutil.copytree(ROOT, repo, symlinks=True, ignore=_IGNORE)
    # a measure and a sector: the ontology, then the generated tables, then the rule files
    _append(repo / "ontology" / "policy.ttl", MEASURE_TTL)
    assert sorted(codegen(repo, check=False)) == ["kg/models.py", "kg/precedents/taxonomy.py", "kg/vocab.py"]
    _insert_before(repo / "kg" / "nlp" / "rules" / "triggers.yaml", "\nobject_cues:", TRIGGER_ROW.rstrip("\n"))
    _insert_before(repo / "kg" / "nlp" / "rules" / "sectors.yaml", "\n# sector cues that only count", SECTOR_ROW)
    # a country's government body, a company
    _append(repo / "data" / "gazetteers" / "government_bodies.jsonl", BODY)
    _append(repo / "data" / "gazetteers" / "companies.jsonl", COMPANY)
    # a query
    (repo / "queries" / "sparql" / "moratoria.rq").write_text(QUERY, encoding="utf-8")
    return repo


def _kg(repo: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(repo)}
    env.pop("KG_ONTOLOGY_DIR", None)
    done = subprocess.run([sys.executable, "-c", "from kg.cli.app import main; main()", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
def test_extending_recipes_add_a_measure_sector_body_company_and_query(extended, tmp_path):
    src = tmp_path / "dispatch.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "graph.ttl"
    _kg(extended, "extract", str(src), "-o", str(out))
    g = Graph().parse(out)
    pol = Namespace("https://w3id.org/policykg/ontology#")
    msr = Namespace("https://w3id.org/policykg/measure#")
    sec = Namespace("https://w3id.org/policykg/sector#")
    events = list(g.subjects(pol.measure, msr.Moratorium))
    assert len(events) == 1, out.read_text()
    ev = events[0]
    assert (ev, pol.sector, sec.Space) in g
    labels = {str(g.value(o, Namespace("http://www.w3.org/2000/01/rdf-schema#").label))
              for p in (pol.actor, pol.target) for o in g.objects(ev, p)}
    assert {"Germany", "Federal Office for Lunar Affairs", "Zorblax Orbital"} <= labels, labels
    assert "conform" in _kg(extended, "validate", str(out))
    rows = _kg(extended, "sparql", "moratoria", "--data", str(out), "--format", "csv")
    assert "Zorblax Orbital" in rows
    # the trigger row is also what free-text precedent questions read (one cue lexicon)
    env = {**os.environ, "PYTHONPATH": str(extended)}
    done = subprocess.run([sys.executable, "-c", "from kg.precedents.profiles import query_measures as q; "
                           "print(q('A regulator declares a moratorium on lunar mining')[0])"],
                          cwd=extended, env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "Moratorium", done.stdout + done.stderr


def test_extending_codegen_is_idempotent_on_the_checkout():
    """The drift test: the generated blocks agree with ontology/policy.ttl (python -m kg.codegen --check)."""
    assert codegen(ROOT, check=True) == []
