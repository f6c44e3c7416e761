"""The Python tables that mirror the ontology, generated from ``ontology/policy.ttl``.

``ontology/policy.ttl`` is the one place a kind of measure, a sector, a status or a measure family
is spelt. The Python names that must be literal for type checkers and pydantic (``models.Measure``,
``models.Sector``, ``models.Status``; the ``MSR``/``SEC``/``STA``/``FAM`` classes of
:mod:`kg.vocab`) and the measure -> family table of :mod:`kg.precedents.taxonomy` are written
between ``BEGIN GENERATED`` / ``END GENERATED`` markers by this module::

    python -m kg.codegen            # rewrite the generated blocks after editing the ontology
    python -m kg.codegen --check    # exit 1 and name the stale files (tests/test_codegen.py runs it)

Concepts are taken in the order the ontology declares them (``msr:X a skos:Concept``); a measure's
family is its ``pol:family``.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rdflib import Graph, Namespace

from kg.vocab import FAM_IRI, MSR_IRI, POL_IRI, SEC_IRI, STA_IRI

#: prefix -> (namespace, concept scheme) of the generated vocabularies
SCHEMES = {"msr": (MSR_IRI, "MeasureScheme"), "sec": (SEC_IRI, "SectorScheme"), "sta": (STA_IRI, "StatusScheme"),
           "fam": (FAM_IRI, "FamilyScheme")}
_BLOCK = re.compile(r"(?P<indent>[ \t]*)# BEGIN GENERATED (?P<name>[\w.]+)[^\n]*\n"
                    r"(?P<body>.*?)(?P=indent)# END GENERATED\n", re.S)


def concepts(ttl: str, prefix: str) -> list[str]:
    """Local names of the concepts ``<prefix>:X a skos:Concept`` in declaration order."""
    return re.findall(rf"^{prefix}:(\w+) a skos:Concept\b", ttl, re.M)


def families(ontology: Path, measures: list[str]) -> dict[str, str]:
    g = Graph().parse(ontology, format="turtle")
    msr, pol = Namespace(MSR_IRI), Namespace(POL_IRI)
    out = {}
    for m in measures:
        fam = g.value(msr[m], pol.family)
        if fam is None or not str(fam).startswith(FAM_IRI):
            raise SystemExit(f"{ontology}: msr:{m} needs exactly one pol:family fam:...")
        out[m] = str(fam)[len(FAM_IRI):]
    return out


def _literal(name: str, values: list[str], indent: str = "") -> str:
    lines, cur = [], indent + "    "
    for v in values:
        item = f'"{v}", '
        if len(cur) + len(item) > 110:
            lines.append(cur.rstrip())
            cur = indent + "    "
        cur += item
    lines.append(cur.rstrip())
    return f"{indent}{name} = Literal[\n" + "\n".join(lines) + f"\n{indent}]\n"


def blocks(root: Path) -> dict[str, str]:
    """Generated block name -> its text (without the markers), from the ontology under ``root``."""
    ontology = root / "ontology" / "policy.ttl"
    ttl = ontology.read_text(encoding="utf-8")
    names = {p: concepts(ttl, p) for p in SCHEMES}
    out = {"models.Measure": _literal("Measure", names["msr"]), "models.Sector": _literal("Sector", names["sec"]),
           "models.Status": _literal("Status", names["sta"])}
    for prefix, (_, scheme) in SCHEMES.items():
        out[f"vocab.{prefix.upper()}"] = "".join(f"    {t}: URIRef\n" for t in [scheme] + names[prefix])
    fam = families(ontology, names["msr"])
    out["taxonomy.FAMILY_OF"] = ("FAMILY_OF: dict[str, str] = {\n"
                                 + "".join(f'    "{m}": "{f}",\n' for m, f in fam.items()) + "}\n")
    return out


#: file (relative to the repository root) -> the blocks it holds
TARGETS = {"kg/models.py": ("models.Measure", "models.Sector", "models.Status"),
           "kg/vocab.py": ("vocab.MSR", "vocab.SEC", "vocab.STA", "vocab.FAM"),
           "kg/precedents/taxonomy.py": ("taxonomy.FAMILY_OF",)}


def render(path: Path, generated: dict[str, str]) -> str:
    def fill(m: re.Match[str]) -> str:
        head = m.group(0).split("\n", 1)[0]
        return f"{head}\n{generated[m.group('name')]}{m.group('indent')}# END GENERATED\n"

    return _BLOCK.sub(fill, path.read_text(encoding="utf-8"))


def run(root: Path, check: bool) -> list[str]:
    """Rewrite (or with ``check``, only compare) the generated blocks; the files that differ."""
    generated = blocks(root)
    stale = []
    for rel in TARGETS:
        path = root / rel
        new = render(path, generated)
        if new != path.read_text(encoding="utf-8"):
            stale.append(rel)
            if not check:
                path.write_text(new, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.codegen", description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only say which files are stale (exit 1 if any)")
    ap.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: the current folder)")
    args = ap.parse_args(argv)
    stale = run(args.root, args.check)
    for rel in stale:
        print(f"{rel}: {'stale — run python -m kg.codegen' if args.check else 'regenerated'}")
    return 1 if (stale and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
