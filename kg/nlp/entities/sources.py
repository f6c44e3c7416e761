"""Name sources: gazetteer matches, name rules (cases, laws, technologies, bodies, "startup <Name>"),
demonyms and capitals, the country inside a body's name, and companies the text describes ("Nexperia,
a Dutch chipmaker", "Beijing-based Zhipu").

Each function returns candidates ``(start token, end token, Mention)``; the component ranks them.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kg.link.clusters import Mention
from kg.nlp.attrs import GAZ_SPANS
from kg.nlp.entities.bodies import body_candidates
from kg.nlp.entities.names import extend_right, law_spans
from kg.nlp.entities.words import (COMPANY_CONTEXT, CONF, CORP_TAIL, DATE_WORDS, DESCRIBED_BODIES, GOV_NAME_HEADS,
                                   NEVER, NOT_PORTFOLIO, OUTLETS)
from kg.nlp.lines import in_ranges
from kg.nlp.run_matcher import RunMatcher

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

#: "U.S.-based" is one token: the country is the part before the suffix
GLUED = re.compile(r"^(.+?)-(?:based|headquartered|owned|made|built|backed|listed|controlled|funded)$")


def entry_mention(span: Span, entry, rule: str, conf: float, start=None, end=None) -> Mention:
    return Mention(surface=span.text, start=span.start_char if start is None else start,
                   end=span.end_char if end is None else end, type=entry.type, rule=rule,
                   confidence=conf, key=entry.key, name=entry.name, wikidata=entry.qid)


def gazetteer_candidates(gaz: GazetteerLike, doc: Doc) -> list[tuple[int, int, Mention]]:
    out = []
    for sp in doc.spans[GAZ_SPANS] if GAZ_SPANS in doc.spans else ():
        entry = gaz.by_key(sp.id_)  # the ruler's match id is the entry's key
        if entry is None:
            entry = gaz.lookup(sp.text)
        if entry is None or sp.text.strip().lower() in NEVER:
            continue
        if entry.type == "ResearchOrganization" and sp[-1].lower_ in ("university", "institute", "college", "academy") \
                and sp.end + 1 < len(doc) and doc[sp.end].lower_ == "of" and doc[sp.end + 1].text[:1].isupper():
            continue  # "Wuhan University" + "of Technology": another institution's longer name
        if entry.type == "Country" and sp.start > 0 and doc[sp.start - 1].text == "New":
            continue  # "New Mexico", "New England": another place's name holds the country's
        if entry.type in ("Company", "ResearchOrganization", "GovernmentBody") and len(sp) > 1 and \
                sp.text.islower() and not any(f.islower() for f in entry.surface_forms()):
            continue  # "exports of microchip technology": a capitalised name written in lower case is a phrase
        if (len(sp) == 1 or getattr(entry, "case_sensitive", False)) and sp.text.islower() and \
                sp.text not in entry.surface_forms():
            continue  # "most" is not MOST; "its app store" is not the App Store (flagged case-sensitive)
        if inside_longer_name(gaz, doc, sp, entry):
            continue  # "Line of Actual Control", "the Signal Corps": an English-word product name inside a name
        # "Powerchip Semiconductor Manufacturing" + "Corporation": the suffix belongs to the name
        if entry.type in ("Company", "ResearchOrganization") and sp.end < len(doc) and \
                doc[sp.end].is_title and doc[sp.end].lower_ in CORP_TAIL:
            sp = doc[sp.start:sp.end + 1]
        # "China's Ministry of Commerce": two mentions, so the possessive relation can be seen
        poss = [t.i for t in sp[1:-1] if t.tag_ == "POS" or t.text in ("'s", "’s")]
        if poss:
            left, right = doc[sp.start:poss[0]], doc[poss[0] + 1:sp.end]
            owner = gaz.lookup(left.text) or gaz.demonym(left.text)
            if owner is not None and owner.key != entry.key:
                out.append((left.start, left.end, entry_mention(left, owner, "gazetteer",
                                                                     CONF["gazetteer"])))
                out.append((right.start, right.end, entry_mention(right, entry, "gazetteer",
                                                                       CONF["gazetteer"])))
                continue
        out.append((sp.start, sp.end, entry_mention(sp, entry, "gazetteer", CONF["gazetteer"])))
    return out


def inside_longer_name(gaz: GazetteerLike, doc: Doc, sp: Span, entry) -> bool:
    """A one-word Technology name that is also an English word ("Line", "Signal", "Threads", "Steam":
    flagged case-sensitive) is a word of a longer name when a capitalised word the gazetteer does not
    know follows it ("Line Of Actual Control", "Signal Corps") or stands before it inside the sentence
    ("Gideonim Signal"). A demonym or a known name beside it leaves it alone ("Russian Signal users",
    "Signal Messenger")."""
    if entry.type != "Technology" or not getattr(entry, "case_sensitive", False) or len(sp) != 1:
        return False

    def name_word(i: int) -> bool:
        if not 0 <= i < len(doc) or i == doc[i].sent.start and i < sp.start:
            return False
        t = doc[i]
        return t.is_alpha and t.text[:1].isupper() and not t.is_upper and gaz.lookup(t.text) is None and \
            gaz.demonym(t.text) is None and gaz.lookup(doc[min(i, sp.start):max(i, sp.start) + 1].text) is None

    return name_word(sp.end) or name_word(sp.start - 1)


def _state(gaz: GazetteerLike, text: str) -> bool:
    e = gaz.lookup(text) or gaz.demonym(text)
    return e is not None and e.type in ("Country", "Bloc")


def rule_candidates(gaz: GazetteerLike, matchers: tuple[RunMatcher, RunMatcher], doc: Doc,
                    titled: set[int]) -> list[tuple[int, int, Mention]]:
    out = []
    matches = matchers[0](doc) + (matchers[1](doc) if doc.has_annotation("POS") else [])
    for match_id, start, end in sorted(matches, key=lambda x: (x[1], x[2], x[0])):
        rule = doc.vocab.strings[match_id]
        sp = doc[start:end]
        if rule in ("rule:legislation", "rule:legislation-lead") and doc[end - 1].sent.start > start:
            sp = doc[doc[end - 1].sent.start:end]  # a name does not cross a sentence ("Colorado" + headline)
            if len(sp) < 2:
                continue
        if sp.sent.start in titled and rule in ("rule:legislation", "rule:legislation-lead", "rule:legal-case"):
            continue
        if rule == "rule:legal-case":
            while sp.start < sp.end and sp[0].lower_ in ("the", "a", "an"):
                sp = doc[sp.start + 1:sp.end]
            if len(sp) < 2:
                continue
            out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "LegalCase", rule,
                                                  CONF[rule])))
        elif rule in ("rule:legislation", "rule:legislation-lead"):
            if sp[0].text in ("Section", "Article"):  # "Section 69A of the IT Act" -> the Act
                of = next((t.i for t in sp if t.lower_ == "of"), None)
                if of is not None:
                    sp = doc[of + 1:sp.end]
            if rule == "rule:legislation-lead":  # "Measures on Security Assessment for Cross-border ..."
                sp = extend_right(doc, sp)
                if len(sp) < 4:
                    continue
            for part in law_spans(doc, sp):
                if part[0].is_sent_start and len(part) == 2 and part[0].pos_ not in ("PROPN",):
                    continue
                out.append(law_candidate(gaz, doc, part))
        elif rule == "rule:technology":
            mod = doc[start:end - 1]
            e = gaz.lookup(mod.text)
            if e is not None and e.type != "Technology":
                continue  # "Nvidia chips": a company's products, not a named technology
            if mod.text.lower() in NEVER:
                continue
            out.append((start, end, Mention(sp.text, sp.start_char, sp.end_char, "Technology", rule,
                                            CONF[rule])))
        elif rule == "rule:gov-possessive":
            lead = [t for t in sp if t.ent_type_ in ("GPE", "NORP")]
            if not lead or lead[0].i != sp.start:  # "China's commerce ministry" the NER missed: the
                # shortest run of capitalised words before the possessive that the gazetteer knows
                caps = list(sp[:next(i for i, t in enumerate(sp) if not t.is_title)])
                k = next((k for k in range(len(caps)) if _state(gaz, doc[caps[k].i:caps[-1].i + 1].text)), 0)
                lead = caps[k:]
                sp = doc[lead[0].i:sp.end] if lead else sp
            owner_text = doc[sp.start:lead[-1].i + 1].text if lead else ""
            owner = gaz.lookup(owner_text) or gaz.demonym(owner_text)
            if owner is None or owner.type not in ("Country", "Bloc") or lead[0].i != sp.start or \
                    sp[-2].lower_ in ("news", "press"):
                continue  # "the Iranian news agency" reports; it is no government body
            known = gaz.lookup(sp.text)
            if known is not None:  # a gazetteer form written with a possessive
                out.append((sp.start, sp.end, entry_mention(sp, known, "gazetteer", CONF["gazetteer"])))
                continue
            out.append(described_body(gaz, sp, lead[-1].i, owner, rule))
        elif rule == "rule:gov-described":
            desc = doc[next(t.i for t in sp if t.is_alpha and t.lower_ not in ("the", "country")):sp.end]
            if any(t.lower_ in NOT_PORTFOLIO for t in desc[:-1]) or len(desc) > 5 or \
                    sp.start > 0 and doc[sp.start - 1].lower_ in ("of", "at", "by") and doc[sp.start - 2].lower_ \
                    in ("head", "chief", "minister"):
                continue  # "the same ministry", "the new ministry"
            out.append((desc.start, sp.end, Mention(desc.text, desc.start_char, desc.end_char, "GovernmentBody", rule,
                                                   CONF[rule])))
        elif rule in ("rule:gov-name-first", "rule:gov-name-last"):
            if sp.sent.start in titled and not (rule == "rule:gov-name-first" and sp[0].text == "Ministry"
                                                and sp[1].text == "of"):
                continue  # headline case fools the shape rules; "Ministry of X" is a name even there
            if rule == "rule:gov-name-last":  # from the country or demonym on: "The Danish Defence Ministry"
                first = next((t.i for t in sp[:-1] if gaz.lookup(t.text) or gaz.demonym(t.text)), None)
                if first is None:
                    continue
                sp = doc[first:sp.end]
            out += body_candidates(gaz, doc, sp, "head-first" if rule == "rule:gov-name-first" else "head-last")
        elif rule == "rule:legislation-code":
            out.append((start, end, Mention(sp.text.rstrip("."), sp.start_char, sp.end_char - sp.text.endswith("."),
                                            "Legislation", "rule:legislation", CONF["rule:legislation"])))
        elif rule == "rule:gov-name-acronym":
            if sp.sent.start not in titled:
                out += acronym_body(gaz, doc, doc[start:end - 3], doc[end - 2])
        elif rule == "rule:company-cue":
            if start > 0 and doc[start].is_title and doc[start - 1].is_title and doc[start - 1].is_alpha:
                continue  # "Beijing Infinite Vision Technology Company Ltd": the cue word is inside the name
            name = doc[start + 1:end]
            name = next((e for e in doc.ents if e.label_ == "ORG" and e.start == start + 1 and e.end > end and
                         e[-1].is_alpha), name)  # "front company X Co., Ltd": the NER's name goes on
            e = gaz.lookup(name.text)
            if e is not None or name.text.lower() in NEVER or name.text.lower() in OUTLETS:
                continue
            out.append((start + 1, end, Mention(name.text, name.start_char, name.end_char, "Company", rule,
                                                CONF[rule])))
    return out


def acronym_body(gaz: GazetteerLike, doc: Doc, sp: Span, acr) -> list[tuple[int, int, Mention]]:
    """"The Czech Republic's National Cyber and Information Security Agency (NUKIB)": a capitalised name
    ending with a body's head and defined with a short form is a government body whose alias is the short
    form; the name starts after a possessive, a leading "The" and date words."""
    poss = [t.i for t in sp if t.tag_ == "POS" or t.text in ("'s", "’s")]
    if poss:
        sp = doc[poss[-1] + 1:sp.end]
    # "the Egyptian Customs Authority and the National ... Authority (NTRA)": two names; the short form
    # defines the last one (the first is found by the other body rules)
    two = [t.i for t in sp[2:-1] if t.lower_ == "the" and doc[t.i - 1].lower_ in ("and", "&", ",") and
           doc[t.i - 2].text in GOV_NAME_HEADS]
    if two:
        sp = doc[two[-1] + 1:sp.end]
    while len(sp) > 1 and (sp[0].lower_ in DATE_WORDS or sp[0].lower_ in ("the", "of", "and", "for", "on", "in")
                           or sp[0].is_sent_start and sp[0].pos_ not in ("PROPN", "ADJ")):
        sp = doc[sp.start + 1:sp.end]
    if len(sp) < 2 or not sp[0].text[:1].isupper():
        return []
    for i in range(sp.start + 1, sp.end - 1):  # "Indonesia to the World Trade Organisation (WTO)": the known
        if doc[i - 1].is_lower and gaz.lookup(doc[i:sp.end].text) is not None:  # name after a joiner is the name
            sp = doc[i:sp.end]
            break
    known = gaz.lookup(sp.text)
    if known is not None:
        return [(sp.start, sp.end, entry_mention(sp, known, "gazetteer", CONF["gazetteer"]))] \
            if known.type == "GovernmentBody" else []
    return [(sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "GovernmentBody", "rule:gov-name",
                                       CONF["rule:gov-name"], aliases=(acr.text,)))]


def described_body(gaz: GazetteerLike, sp: Span, owner_end: int, owner, rule: str) -> tuple[int, int, Mention]:
    """"Pakistan's foreign ministry" -> "Ministry of Foreign Affairs of Pakistan" (the gazetteer's entry
    when it has that name); other descriptions keep their words ("Czech cyber intelligence agency")."""
    doc = sp.doc
    i = owner_end + 1
    if i < sp.end and doc[i].tag_ == "POS":
        i += 1
    desc = doc[i:sp.end].text.lower()
    head = DESCRIBED_BODIES.get(desc)
    if head is None or owner.type != "Country":
        return sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "GovernmentBody", rule, CONF[rule])
    name = f"{head} of {owner.name}"
    known = gaz.lookup(name)
    if known is not None and known.type == "GovernmentBody":
        return sp.start, sp.end, entry_mention(sp, known, "gazetteer", CONF["gazetteer"])
    return sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "GovernmentBody", rule, CONF[rule],
                                     name=name, aliases=(sp.text, desc))


def law_candidate(gaz: GazetteerLike, doc: Doc, sp: Span) -> tuple[int, int, Mention]:
    known = gaz.lookup(sp.text)
    if known is None and len(sp) > 2 and (gaz.lookup(sp[0].text) or gaz.demonym(sp[0].text)):
        known = gaz.lookup(sp[1:].text)  # "US CHIPS and Science Act"
    if known is not None and known.type == "Legislation":
        return sp.start, sp.end, entry_mention(sp, known, "gazetteer", CONF["gazetteer"])
    return sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "Legislation", "rule:legislation",
                                     CONF["rule:legislation"])


def appositive_companies(gaz: GazetteerLike, doc: Doc, taken, occupied: set[int], skip) -> list:
    """Unknown names the text describes as companies: "Nexperia, a Dutch chipmaker",
    "Chinese-owned Nexperia", "Beijing-based Zhipu"."""
    out = []
    for tok in doc:
        if tok.i in occupied or tok.pos_ != "PROPN" or not tok.is_title or tok.is_sent_start and \
                tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.dep_ == "compound":
            continue  # the head of the name decides
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and \
                doc[start - 1].i not in occupied:
            start -= 1
        sp = doc[start:tok.i + 1]
        if sp.text.lower() in NEVER or sp.text.lower() in OUTLETS or gaz.lookup(sp.text) or \
                sp.text.lower() in CORP_TAIL:
            continue
        cue = any(c.dep_ == "appos" and c.lower_ in COMPANY_CONTEXT for c in tok.children)
        left = doc[max(start - 3, 0):start]
        if len(left) == 3 and left[1].text == "-" and left[2].lower_ in ("owned", "based", "headquartered"):
            cue = True
        if start > 0 and re.match(r"^.+-(?:owned|based|headquartered)$", doc[start - 1].text):
            cue = True
        if cue and not in_ranges(sp.start_char, sp.end_char, skip):
            out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "Company",
                                                  "rule:company-appos", 0.65)))
            occupied.update(range(sp.start, sp.end))
    return out


def prefix_countries(gaz: GazetteerLike, doc: Doc, taken) -> list:
    """"U.S. Commerce Department", "Dutch trade ministry": the country in a body's name is a
    mention too (nested), so ``kg_relations`` can state partOf."""
    out = []
    for s, e, m in taken:
        if m.type not in ("GovernmentBody", "Legislation") or e - s < 2:
            continue
        # "Ministry of Foreign Affairs of Pakistan": the country that ends the name
        for k in (3, 2, 1):
            if e - k - 1 > s and doc[e - k - 1].lower_ == "of":
                post = doc[e - k:e]
                entry = gaz.lookup(post.text)
                if entry is not None and entry.type in ("Country", "Bloc"):
                    out.append((post.start, post.end, entry_mention(post, entry, "gazetteer", CONF["gazetteer"])))
                    break
        for k in (3, 2, 1):
            if s + k >= e:
                continue
            pre = doc[s:s + k]
            entry = gaz.lookup(pre.text)
            rule = "gazetteer"
            if entry is None and k == 1:
                entry, rule = gaz.demonym(pre.text), "gazetteer:demonym"
            if entry is not None and entry.type in ("Country", "Bloc"):
                out.append((pre.start, pre.end, entry_mention(pre, entry, rule, CONF[rule])))
                break
    return out


def token_candidates(gaz: GazetteerLike, doc: Doc) -> list[tuple[int, int, Mention]]:
    out = []
    for tok in doc:
        if not tok.text[:1].isupper():
            continue
        glued = GLUED.match(tok.text)  # "U.S.-based" is one token
        if glued:
            pre = glued.group(1)
            e = gaz.lookup(pre) or gaz.demonym(pre)
            if e is not None and e.type in ("Country", "Bloc"):
                out.append((tok.i, tok.i + 1, Mention(pre, tok.idx, tok.idx + len(pre), e.type,
                                                      "gazetteer:demonym", CONF["gazetteer:demonym"],
                                                      key=e.key, name=e.name, wikidata=e.qid)))
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        two = gaz.demonym(f"{prev.text} {tok.text}") if prev is not None and prev.is_title and \
            prev.lower_ != "the" else None
        if two is not None:  # "North Korean" is not "Korean"
            sp = doc[tok.i - 1:tok.i + 1]
            out.append((sp.start, sp.end, entry_mention(sp, two, "gazetteer:demonym", CONF["gazetteer:demonym"])))
            continue
        e = gaz.demonym(tok.text)
        if e is not None and (tok.pos_ in ("ADJ", "PROPN", "NOUN", "") or tok.ent_type_ == "NORP"):
            sp = doc[tok.i:tok.i + 1]
            out.append((tok.i, tok.i + 1, entry_mention(sp, e, "gazetteer:demonym",
                                                               CONF["gazetteer:demonym"])))
            continue
        e = gaz.capital(tok.text) if hasattr(gaz, "capital") else None
        if e is None:
            continue
        # a multi-word capital ("The Hague", "New Delhi") ends at this token
        based = tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and \
            doc[tok.i + 2].lower_ in ("based", "headquartered")
        if based or metonym_position(tok):
            sp = doc[tok.i:tok.i + 1]
            out.append((tok.i, tok.i + 1, entry_mention(sp, e, "gazetteer:capital",
                                                               CONF["gazetteer:capital"])))
    return out


def metonym_position(tok) -> bool:
    head = tok
    while head.dep_ in ("conj", "compound") and head.head is not head:
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.tag_ == "VBN"

