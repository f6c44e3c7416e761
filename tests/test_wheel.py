"""The wheel works outside the checkout: data files are package data, found through importlib.resources.

Builds the wheel from a clean copy of the tree (``pip wheel --no-deps --no-build-isolation``), installs
it with ``--no-deps`` into a fresh venv outside the checkout that sees the project venv's
dependencies through a ``.pth`` line (so nothing is downloaded), and from a directory outside the
checkout runs ``kg extract`` on a sample (the Turtle must be byte-identical to the checkout's),
``kg validate`` on it, ``kg load`` into a temporary embedded database and ``kg query`` a named
query from the shipped ``queries/`` (about a minute: the embedded database starts a JVM).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "002_us_entity_list_ymtc.txt"
#: what a clean checkout does not have (the tree is copied so no stale build/ leaks into the wheel)
_IGNORE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                 ".hypothesis", "out", "kgdata", "log", "bench", "tests", "texts")


def _run(args: list, cwd: Path, env: dict | None = None, timeout: int = 600) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """bin/ of a fresh venv with only the built wheel installed (dependencies from the project venv)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(ROOT, src, symlinks=True, ignore=_IGNORE)
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", str(src),
          "-w", str(tmp / "dist")], cwd=tmp)
    wheels = list((tmp / "dist").glob("policykg-*.whl"))
    assert len(wheels) == 1
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp)
    vpy = venv / "bin" / "python"
    site = Path(_run([vpy, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp).strip())
    # the project venv's packages, after the new venv's own (a plain path line: its .pth files, among
    # them the editable install of this checkout, are not processed)
    (site / "_project_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run([sys.executable, "-m", "pip", "--python", vpy, "install", "--quiet", "--no-deps", wheels[0]], cwd=tmp)
    return venv / "bin"


@pytest.mark.slow
def test_wheel_imports_kg_from_the_installed_wheel(installed, tmp_path):
    where = _run([installed / "python", "-c", "import kg, kg.resources as r; print(kg.__file__);"
                  "print(r.resource_path('ontology', 'policy.ttl').is_file())"], cwd=tmp_path).split()
    assert not where[0].startswith(str(ROOT)) and str(installed.parent) in where[0]
    assert where[1] == "True"


@pytest.mark.slow
def test_wheel_extract_validate_load_and_query_outside_the_checkout(installed, tmp_path):
    env = {**os.environ, "KG_DATA_DIR": str(tmp_path / "db")}
    env.pop("KG_ONTOLOGY_DIR", None)
    out = tmp_path / "graph.ttl"
    _run([installed / "kg", "extract", SAMPLE, "-o", out], cwd=tmp_path, env=env)
    mine = tmp_path / "checkout.ttl"
    _run([Path(sys.executable).parent / "kg", "extract", SAMPLE, "-o", mine], cwd=ROOT)
    assert out.read_bytes() == mine.read_bytes()
    assert "conform" in _run([installed / "kg", "validate", out], cwd=tmp_path, env=env)
    _run([installed / "kg", "load", out], cwd=tmp_path, env=env)
    rows = _run([installed / "kg", "query", "measures_by_country", "--format", "csv"], cwd=tmp_path, env=env)
    assert "EntityListing" in rows and "United States" in rows
