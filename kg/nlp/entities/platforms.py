"""Platforms typed by context: a service named like its company ("TikTok", "WhatsApp", "Twitter") is a
Technology where the text speaks of the service and a Company where it speaks of a party that acts or is
acted on (the annotation guide: "ChatGPT" as a product is a technology).

Gazetteer entries flagged ``platform`` are typed once per document, by the votes of all their mentions:

* the service: a describing noun beside the name ("messaging app WhatsApp", "the TikTok app", "WhatsApp
  users", "social networks such as Google, Facebook and Twitter", "its platforms, Facebook and Instagram"),
  a verb of use ("uninstall TikTok", "unblock WhatsApp", "TikTok was blocked"), a place of content
  ("advertising on Facebook"), an owner made explicit ("Facebook owner Meta", "TikTok, owned by ByteDance",
  "Meta's Facebook", "Meta, which operates Facebook");
* the company: the subject of an act ("TikTok agreed", "Google violated", "provided by TikTok"), a party
  acted on ("fined Google", "Facebook was fined", "a lawsuit against Google", "a fine on Facebook"), its
  holdings ("Twitter's activities", "the operations of Twitter"), a company word before it ("tech giant
  Google"), a list of companies it belongs to ("Google, Microsoft and Amazon").

More votes for one side decide; a tie keeps the gazetteer's type. Words: ``platform_*`` and
``company_*`` lists of ``kg/nlp/rules/entities.yaml``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.ids import entity_key
from kg.link.clusters import Mention
from kg.nlp.entities.words import (
    COMPANY_ACT_VERBS,
    COMPANY_CONTEXT,
    COMPANY_HOLDINGS,
    COMPANY_PARTY_VERBS,
    PLATFORM_NOUNS,
    PLATFORM_OWNER_WORDS,
    PLATFORM_USE_VERBS,
)

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

#: nouns of a measure whose "on X" names the party it falls on ("a fine on Facebook")
_PARTY_NOUNS = {"fine", "fines", "penalty", "penalties", "sanction", "sanctions", "lawsuit", "case", "charges"}
#: nouns of a measure whose "on X" says nothing of the type ("a ban on TikTok": the app or the company)
_NEUTRAL_ON = {"ban", "bans", "prohibition", "prohibitions", "restriction", "restrictions", "limits", "curbs",
               "crackdown", "pressure", "embargo", "moratorium", "block", "blocks", "clampdown"}
_POSSESSIVES = ("'s", "’s", "'", "’")


def platform_types(gaz: GazetteerLike, doc: Doc, taken: list[tuple[int, int, Mention]]) -> None:
    """Type every mention of a platform entry by the votes of the document's mentions of it."""
    flagged = [(s, e, m) for s, e, m in taken if m.key and getattr(gaz.by_key(m.key), "platform", False)]
    if not flagged:
        return
    by_token = {i: m for s, e, m in taken for i in range(s, e)}
    votes: dict[str, list[int]] = {}
    for s, e, m in flagged:
        tech, comp = _signals(gaz, doc, s, e, by_token)
        v = votes.setdefault(m.key or "", [0, 0])
        v[0] += tech
        v[1] += comp
    for _, _, m in flagged:
        tech, comp = votes[m.key or ""]
        if tech == comp:
            continue
        typ = "Technology" if tech > comp else "Company"
        entry = gaz.by_key(m.key or "")
        if entry is not None and typ != entry.type:
            # the service and its company are two things: the retyped mention gets its own node (the
            # entry's identifier, Wikidata ID and facts such as subsidiaryOf belong to the entry's type)
            m.key, m.wikidata = entity_key(typ, m.name or entry.name), None
        m.type = typ


def _list_head(tok: Token) -> Token:
    """The first item of the coordination the token belongs to ("Google, Facebook and Twitter" -> Google)."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _kind_of(gaz: GazetteerLike, m: Mention | None) -> str | None:
    """A co-ordinated mention's kind: a company that is no platform, a technology, or nothing."""
    if m is None:
        return None
    entry = gaz.by_key(m.key) if m.key else None
    if entry is not None and getattr(entry, "platform", False):
        return None
    return m.type if m.type in ("Company", "Technology") else None


def _signals(gaz: GazetteerLike, doc: Doc, s: int, e: int, by_token: dict[int, Mention]) -> tuple[int, int]:
    """(votes for the service, votes for the company) of one mention."""
    tech = comp = 0
    sent_start = doc[s].sent.start
    left = [t for t in doc[max(s - 3, sent_start):s]]
    while left and (left[0].is_punct or left[0].pos_ in ("VERB", "AUX", "ADP")):
        left = left[1:]  # only the words of the name's own phrase
    if any(t.pos_ in ("VERB", "AUX", "ADP") or t.is_punct for t in left):
        left = left[max(i for i, t in enumerate(left) if t.pos_ in ("VERB", "AUX", "ADP") or t.is_punct) + 1:]
    after = doc[e] if e < len(doc) else None
    left_words = {t.lower_ for t in left}
    root = doc[s:e].root
    head = _list_head(root)
    gov, dep = head.head, head.dep_
    if left_words & PLATFORM_NOUNS or after is not None and after.lower_ in PLATFORM_NOUNS or \
            dep == "appos" and gov.lower_ in PLATFORM_NOUNS or \
            dep == "pobj" and gov.lower_ == "as" and gov.head.lower_ in PLATFORM_NOUNS:
        tech += 1  # "messaging app WhatsApp", "the TikTok app", "its platforms, Facebook and Instagram", "social
        # networks such as Google, ..."
    if after is not None and after.lower_ in PLATFORM_OWNER_WORDS or \
            s >= 2 and doc[s - 1].lower_ in PLATFORM_OWNER_WORDS and doc[s - 2].text == "-":
        tech += 1  # "Facebook owner Meta", "Tencent-owned WeChat"
    if after is not None and after.text == "," and e + 1 < len(doc) and doc[e + 1].lower_ in PLATFORM_OWNER_WORDS:
        tech += 1  # "TikTok, owned by ByteDance"
    first = head.i if head.i < s else s  # the list's first item: "Meta's Facebook, Instagram and WhatsApp"
    owned = first >= 2 and doc[first - 1].text in _POSSESSIVES and _kind_of(gaz, by_token.get(first - 2)) == "Company"
    if owned:
        tech += 1  # "Meta's Facebook"
    if left_words & COMPANY_CONTEXT - PLATFORM_NOUNS:
        comp += 1  # "tech giant Google"
    if after is not None and after.tag_ == "POS" and e + 1 < len(doc) and doc[e + 1].lower_ in COMPANY_HOLDINGS:
        comp += 1  # "Twitter's activities"
    if doc[e:e + 4].text.lower().startswith((", which is based", ", based in", "-based")):
        comp += 1  # "Telegram, which is based in Dubai"
    if dep == "pobj" and gov.lower_ == "on":
        if gov.head.lower_ in _PARTY_NOUNS:
            comp += 1  # "a fine on Facebook"
        elif gov.head.lower_ not in _NEUTRAL_ON:
            tech += 1  # "advertising on Facebook", "installed on phones"
    elif dep == "pobj" and gov.lower_ == "against":
        comp += 1  # "a lawsuit against Google"
    elif dep == "pobj" and gov.lower_ == "of" and gov.head.lower_ in COMPANY_HOLDINGS:
        comp += 1  # "the operations of Twitter"
    elif dep == "pobj" and gov.lower_ == "by" and gov.dep_ == "agent":
        if gov.head.lemma_.lower() not in PLATFORM_OWNER_WORDS | {"own", "operate", "develop", "make"}:
            comp += 1  # "reports submitted by TikTok" ("owned by Meta" speaks of the owner)
    lemma = gov.lemma_.lower()
    if dep in ("dobj", "dative", "nsubjpass"):  # the tagger may read a verb as an adjective ("and delete TikTok")
        if lemma in PLATFORM_USE_VERBS:
            tech += 1  # "uninstall TikTok", "TikTok was blocked", "Meta, which operates Facebook"
        elif lemma in COMPANY_PARTY_VERBS:
            comp += 1  # "fined Google", "Facebook was fined"
    elif dep == "nsubj" and gov.pos_ in ("VERB", "AUX") and lemma in COMPANY_ACT_VERBS:
        comp += 1  # "TikTok agreed", "Google violated"
    kinds = {_kind_of(gaz, by_token.get(t.i)) for t in (head, *head.conjuncts) if not s <= t.i < e}
    if "Company" in kinds and "Technology" not in kinds and not owned:
        comp += 1  # "Google, Microsoft, Amazon ... and Facebook"
    elif "Technology" in kinds and "Company" not in kinds:
        tech += 1  # "WhatsApp and Google Play"
    return tech, comp
