"""Population groups: "top AI researchers", "Chinese students", "cryptographers".

A noun chunk whose head is a group word (:data:`~kg.nlp.entities.words.GROUP_HEADS`) names a group
when a field modifier, a demonym or an acronym qualifies it (weak heads such as "officials" need a
technical field; "investors", "workers", "employees" a demonym will do); a specific head
("cryptographers", "protesters") names one on its own; other bare heads are kept only to attach to a group
named nearby. Heads of :data:`~kg.nlp.entities.words.DEMONYM_HEADS` outside the group words ("drivers",
"consumers") name a group only after a nationality ("French drivers", "Nigerian consumers"). Intensifiers ("top")
stay in an alias.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.link.clusters import Mention, clean
from kg.nlp.entities.words import (
    ALIAS_INTENSIFIERS,
    CONF,
    DEMONYM_HEADS,
    DOMAIN_MODIFIERS,
    FIELD_MODIFIERS,
    GROUP_HEADS,
    INTENSIFIERS,
    SPECIFIC_HEADS,
    WEAK_HEADS,
    WORKFORCE_HEADS,
    WORKFORCE_MODIFIERS,
)

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike


def group_candidates(gaz: GazetteerLike, doc: Doc) -> list[tuple[int, int, Mention]]:
    out = []
    chunks = list(doc.noun_chunks) if doc.has_annotation("DEP") else []
    seen_roots = set()
    for ch in chunks:
        root = ch.root
        seen_roots.add(root.i)
        lemma = root.lemma_.lower() if root.lemma_ else root.lower_
        by_nation = lemma not in GROUP_HEADS and root.lower_.rstrip("s") not in GROUP_HEADS
        if by_nation and lemma not in DEMONYM_HEADS:
            continue
        if root.tag_ not in ("NNS", "NNPS") and lemma not in ("talent", "personnel", "staff"):
            continue
        mods = [t for t in doc[ch.start:root.i]]
        # keep the contiguous modifiers right before the root, minus determiners/intensifiers
        kept: list[Token] = []
        for t in reversed(mods):
            if t.lower_ in INTENSIFIERS or t.pos_ in ("DET", "PRON", "NUM", "PUNCT", "CCONJ", "ADP") \
                    or t.dep_ in ("poss", "det", "nummod", "predet"):
                break
            kept.insert(0, t)
        if by_nation:  # "French drivers", "US investors"; not "truck drivers"
            fieldish = [t for t in kept if gaz.demonym(t.text) is not None]
            if not fieldish:
                continue
        elif lemma in WEAK_HEADS:  # "Italian officials", "senior executives": not population groups
            # an acronym field ("AI executives"), not a country's ("US officials": no population group)
            fieldish = [t for t in kept if t.lower_ in DOMAIN_MODIFIERS
                        or t.is_upper and len(t) > 1 and gaz.demonym(t.text) is None
                        or lemma in DEMONYM_HEADS and gaz.demonym(t.text) is not None
                        or lemma in WORKFORCE_HEADS and t.lower_ in WORKFORCE_MODIFIERS]
        else:
            fieldish = [t for t in kept if t.lower_ in FIELD_MODIFIERS or gaz.demonym(t.text) is not None
                        or t.is_upper and len(t) > 1]
        start = kept[0].i if kept else root.i
        if not kept:
            if lemma in SPECIFIC_HEADS:
                name = root.lower_
            else:
                sp = doc[root.i:root.i + 1]
                out.append((root.i, root.i + 1, Mention(sp.text, sp.start_char, sp.end_char, "Group",
                                                        "rule:group-head", CONF["rule:group-head"],
                                                        attach_only=True)))
                continue
        elif not fieldish:
            continue
        else:
            name = " ".join(group_case(gaz, t) for t in kept) + " " + root.lower_
            name = name.replace(" - ", "-")
        # "Chinese students and scholars": a second people noun the modifiers also qualify is one group
        last = coordinated_head(doc, root)
        if last is not root:
            name += f" {doc[root.i + 1].lower_} {last.lower_}"
        sp = doc[start:last.i + 1]
        # the alias keeps adjectives like "top" ("top AI researchers"), not numbers or determiners
        a = start
        while a > ch.start and doc[a - 1].lower_ in ALIAS_INTENSIFIERS:
            a -= 1
        alias_sp = doc[a:last.i + 1]
        aliases = tuple({clean(alias_sp.text)} - {name}) if alias_sp.start < sp.start else ()
        rule = "rule:group" if last is root else "rule:group-coordinated"
        out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "Group", rule,
                                              CONF[rule], name=name, aliases=aliases)))
    return out


def coordinated_head(doc: Doc, root: Token) -> Token:
    """The plural people noun right after "and"/"or" that conjoins with a group's head, or the head itself; a
    noun that names a group on its own ("cryptographers") is a group of its own."""
    i = root.i
    if i + 2 < len(doc) and doc[i + 1].lower_ in ("and", "or"):
        conj = doc[i + 2]
        if conj.tag_ in ("NNS", "NNPS") and conj.dep_ == "conj" and conj.head.i == i \
                and (conj.lemma_.lower() in GROUP_HEADS or conj.lower_.rstrip("s") in GROUP_HEADS) \
                and conj.lemma_.lower() not in SPECIFIC_HEADS:  # "physicists and cryptographers": two groups
            return conj
    return root


def group_case(gaz: GazetteerLike, tok) -> str:
    if tok.is_upper or gaz.demonym(tok.text) is not None:
        return tok.text
    return tok.lower_

