"""Helpers for the reliability tests: a runner for the ``kg`` command, output checks and a
generator of invented dispatches (the texts are made up here)."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: the kg entry point of the interpreter running the tests (works in CI's fresh venv too)
KG = str(Path(sys.executable).with_name("kg"))
ENV = {**os.environ, "COLUMNS": "200", "PYTHONWARNINGS": "ignore"}


def run_kg(*args: str, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([KG, *map(str, args)], capture_output=True, text=True, timeout=timeout,
                          env=kw.pop("env", ENV), **kw)


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("error: ")]


def visible_files(folder: Path) -> list[str]:
    """Names a user sees as outputs: everything not hidden, recursively."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


# ---------------------------------------------------------------- invented dispatches

_ACTORS = ["China", "the United States", "Japan", "the Netherlands", "India", "Germany", "South Korea",
           "France", "the European Union", "Taiwan"]
_MEASURES = ["announced export controls on {tech} bound for {target}",
             "added three {target} chipmakers to its entity list",
             "banned the sale of {tech} to companies in {target}",
             "opened an investigation into imports of {tech} from {target}",
             "approved subsidies for domestic production of {tech}",
             "restricted visas for researchers from {target} working on {tech}"]
_TECH = ["gallium", "advanced AI chips", "DUV lithography machines", "quantum computers", "germanium",
         "high-bandwidth memory", "satellite components", "facial recognition software"]
_MONTHS = ["January", "March", "May", "July", "September", "November"]


def dispatch_text(i: int, rng: random.Random) -> str:
    actor, target = rng.sample(_ACTORS, 2)
    tech = rng.choice(_TECH)
    what = rng.choice(_MEASURES).format(tech=tech, target=target.removeprefix("the "))
    day, month, year = rng.randint(1, 28), rng.choice(_MONTHS), rng.randint(2019, 2025)
    title = f"{actor.removeprefix('the ')} acts on {tech} (item {i})"
    return (f"date {year}-{_MONTHS.index(month) * 2 + 1:02d}-{day:02d}\n{title}\n\n"
            f"{actor[0].upper() + actor[1:]} {what} on {day} {month} {year}, officials said. "
            f"Analysts in {target} called the step number {i} in a long series.\n")


def write_corpus(folder: Path, n: int, seed: int = 8) -> Path:
    """``n`` small invented dispatches (distinct texts) as .txt files in ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"d{i:04d}.txt").write_text(dispatch_text(i, rng), encoding="utf-8")
    return folder
