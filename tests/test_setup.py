"""The set-up path works with the pip a new venv comes with (issue: fresh machines).

A venv made by ``python3 -m venv`` on Python 3.11 carries pip 23.2.1, which cannot install
``requirements.lock`` in --require-hashes mode. ``make setup`` must first install the pinned pip of
``requirements/bootstrap.txt`` with that stock pip, then the lock. This test builds a venv exactly as
a new machine does and runs the Makefile's set-up into it.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _pip_version(venv: Path) -> tuple[int, ...]:
    out = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"],
                         capture_output=True, text=True, check=True).stdout
    return tuple(int(x) for x in re.match(r"pip (\d+)\.(\d+)", out).groups())


def test_bootstrap_pins_pip_by_hash():
    text = (ROOT / "requirements" / "bootstrap.txt").read_text()
    assert re.search(r"^pip==\d+\.\d+(\.\d+)? \\\n\s+--hash=sha256:[0-9a-f]{64}$", text, re.M)
    assert "requirements/bootstrap.txt" in (ROOT / "Makefile").read_text()


@pytest.mark.slow
def test_setup_works_from_the_stock_pip_of_a_new_venv(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    stock = _pip_version(venv)
    # what a new machine has: the pip bundled with CPython 3.11 (23.2.1), older than 23.3
    assert stock < (23, 3), f"the new venv already has pip {stock}; this test needs the stock pip"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    done = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "setup", f"VENV={venv}"],
                          capture_output=True, text=True, env=env, timeout=900)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert _pip_version(venv) >= (23, 3)
    check = subprocess.run([str(venv / "bin" / "python"), "-c", "import kg, spacy, rdflib, neo4j; print('ok')"],
                           capture_output=True, text=True)
    assert check.stdout.strip() == "ok", check.stderr
