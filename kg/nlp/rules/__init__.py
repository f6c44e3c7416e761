"""Rule data files (YAML, shipped as package data) and their loader.

The trigger phrases, object cues, sector cues, status cues, actor and link cues, and the word sets of
the entity rules live in the ``*.yaml`` files of this package, not in Python: a newcomer adds a word
or a phrase without reading the rule that uses it. The lexicon modules (:mod:`kg.nlp.lexicon`) and
:mod:`kg.nlp.entities.words` load them once, at import, under the Python names the rules use.

Every file is validated on load, like the gazetteers: a problem raises
:class:`~kg.errors.ConfigError` naming ``file:line`` (unknown or missing keys, a word that is not a
string, a word listed twice, an include of a list not defined above, an unknown measure kind or
sector, a trigger rule named twice, an empty phrase).

Word-list files map a key to ``[a, b, ...]`` or to ``{include: [keys above], words: [...]}``: a list
that extends others, so words two lists share are spelt once.
"""
from __future__ import annotations

from importlib.resources import files
from typing import Any

import yaml

from kg.errors import ConfigError

Node = yaml.Node


def _fail(where: str, problem: str) -> ConfigError:
    return ConfigError(f"{where}: {problem}")


def _where(path: str, node: Node) -> str:
    return f"{path}:{node.start_mark.line + 1}"


def read(name: str) -> tuple[str, Node]:
    """(display path, root node) of the rule file ``name``; ConfigError if unreadable or not YAML."""
    res = files(__name__).joinpath(name)
    path = str(res)
    try:
        text = res.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read rule file ({exc})") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        raise _fail(where, f"not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    if node is None:
        raise _fail(path, "empty rule file")
    return path, node


def mapping(path: str, node: Node) -> list[tuple[str, Node, Node]]:
    """(key, key node, value node) of a YAML mapping, in file order; keys must be unique strings."""
    if not isinstance(node, yaml.MappingNode):
        raise _fail(_where(path, node), "expected a mapping (key: value)")
    out, seen = [], set()
    for k, v in node.value:
        key = string(path, k)
        if key in seen:
            raise _fail(_where(path, k), f"key {key!r} given twice")
        seen.add(key)
        out.append((key, k, v))
    return out


def string(path: str, node: Node) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        raise _fail(_where(path, node), "expected a string")
    value = str(node.value)
    if not value.strip() or value != value.strip():
        raise _fail(_where(path, node), f"{value!r}: empty, or spaces around the word")
    return value


def words(path: str, node: Node, seen: dict[str, Node] | None = None) -> list[str]:
    """A list of distinct strings, in file order."""
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(_where(path, node), "expected a list [a, b, ...]")
    seen = {} if seen is None else seen
    out = []
    for item in node.value:
        w = string(path, item)
        if w in seen:
            raise _fail(_where(path, item), f"{w!r} is listed twice (also line {seen[w].start_mark.line + 1})")
        seen[w] = item
        out.append(w)
    return out


def check_keys(path: str, node: Node, found: list[str], expected: list[str] | tuple[str, ...]) -> None:
    """Every expected key present, no other key."""
    for key, k, _ in mapping(path, node):
        if key not in expected:
            raise _fail(_where(path, k), f"unknown key {key!r} (expected one of: {', '.join(expected)})")
    missing = [k for k in expected if k not in found]
    if missing:
        raise _fail(_where(path, node), f"missing key(s): {', '.join(missing)}")


def word_lists(name: str, keys: list[str] | tuple[str, ...]) -> dict[str, list[str]]:
    """The word lists of file ``name``: exactly ``keys``, each a list or an include of lists above."""
    path, root = read(name)
    out: dict[str, list[str]] = {}
    for key, _, value in mapping(path, root):
        if isinstance(value, yaml.MappingNode):
            parts = dict((k, v) for k, _, v in mapping(path, value))
            unknown = set(parts) - {"include", "words"}
            if unknown or "words" not in parts:
                raise _fail(_where(path, value), "a composed list is {include: [keys above], words: [...]}")
            seen: dict[str, Node] = {}
            merged: list[str] = []
            for inc_node in (parts["include"].value if "include" in parts else []):
                inc = string(path, inc_node)
                if inc not in out:
                    raise _fail(_where(path, inc_node), f"include {inc!r}: no such list above")
                for w in out[inc]:
                    seen.setdefault(w, inc_node)
                merged += [w for w in out[inc] if w not in merged]
            merged += words(path, parts["words"], seen)
            out[key] = merged
        else:
            out[key] = words(path, value)
    check_keys(path, root, list(out), keys)
    return out


Row = tuple[str, str | None, str]


def triggers(known_measures: tuple[str, ...]) -> tuple[list[Row], list[tuple[str, tuple[str, ...]]], list[Row]]:
    """(trigger rows (rule, measure or None, phrase), object cues (measure, words), question-only rows)
    of triggers.yaml. Question-only rows (``question_triggers:``, optional) are read by precedent
    questions (:mod:`kg.precedents.cues`) on top of the trigger rows, never by extraction."""
    path, root = read("triggers.yaml")
    top = {key: v for key, _, v in mapping(path, root)}
    found = list(top) + ([] if "question_triggers" in top else ["question_triggers"])
    check_keys(path, root, found, ("triggers", "object_cues", "question_triggers"))
    named: dict[str, Node] = {}
    sections: dict[str, list[Row]] = {"triggers": [], "question_triggers": []}
    for section, rows in sections.items():
        for item in _sequence(path, top[section]) if section in top else []:
            f = _fields(path, item, ("rule", "measure", "phrase"))
            rule = string(path, f["rule"])
            if rule in named:
                first = named[rule].start_mark.line + 1
                raise _fail(_where(path, item), f"rule {rule!r} is named twice (also line {first})")
            named[rule] = item
            measure = _measure(path, f["measure"], known_measures, allow_null=True)
            phrase = string(path, f["phrase"])
            if any(not alt for tok in phrase.split() for alt in tok.rstrip("?").split("|")):
                raise _fail(_where(path, f["phrase"]), f"phrase {phrase!r} has an empty alternative")
            rows.append((rule, measure, phrase))
    cues: list[tuple[str, tuple[str, ...]]] = []
    for item in _sequence(path, top["object_cues"]):
        f = _fields(path, item, ("measure", "words"))
        cues.append((_measure(path, f["measure"], known_measures, allow_null=False) or "",
                     tuple(words(path, f["words"]))))
    return sections["triggers"], cues, sections["question_triggers"]


def sector_cues(known_sectors: tuple[str, ...]) -> tuple[dict[str, tuple[str, ...]], set[str], set[str]]:
    """(sector -> cues in file order, weak cues, field nouns) of sectors.yaml."""
    path, root = read("sectors.yaml")
    top = {key: v for key, _, v in mapping(path, root)}
    check_keys(path, root, list(top), ("sector_cues", "weak", "fields"))
    cues: dict[str, tuple[str, ...]] = {}
    for sector, k, v in mapping(path, top["sector_cues"]):
        if sector not in known_sectors:
            raise _fail(_where(path, k), f"unknown sector {sector!r} (the ontology's: {', '.join(known_sectors)})")
        cues[sector] = tuple(words(path, v))
    every = {c for cs in cues.values() for c in cs}
    weak = words(path, top["weak"])
    for item, w in zip(top["weak"].value, weak):
        if w not in every:
            raise _fail(_where(path, item), f"weak cue {w!r} is no sector cue")
    return cues, set(weak), set(words(path, top["fields"]))


def _sequence(path: str, node: Node) -> list[Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(_where(path, node), "expected a list")
    return list(node.value)


def _fields(path: str, node: Node, names: tuple[str, ...]) -> dict[str, Any]:
    got = {key: v for key, _, v in mapping(path, node)}
    if set(got) != set(names):
        raise _fail(_where(path, node), f"expected exactly the keys {', '.join(names)}; got {', '.join(got)}")
    return got


def _measure(path: str, node: Node, known: tuple[str, ...], allow_null: bool) -> str | None:
    if allow_null and isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
        return None
    value = string(path, node)
    if value not in known:
        raise _fail(_where(path, node), f"unknown measure kind {value!r} (the ontology's: {', '.join(known)})")
    return value
