"""Statistical NER, re-typed: ORG by cue words in the name and around it, PERSON that is a company
("Zhipu AI", "Naura and Piotech"), NORP via the gazetteer's demonyms, LAW and PRODUCT by their heads;
GPE spans are dropped (countries come from the gazetteer, cities are not entities).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kg.link.clusters import Mention, clean, initials
from kg.nlp.attrs import doc_text
from kg.nlp.entities.glue import cut_off, unglued
from kg.nlp.entities.sources import entry_mention
from kg.nlp.entities.words import (
    BLOC_CUES,
    COMPANY_CONTEXT,
    COMPANY_SUFFIX,
    CONF,
    DATE_WORDS,
    GOV_CUES,
    GOV_HEADS,
    GROUP_ORG_HEADS,
    LAW_HEADS,
    MODIFIER_BODIES,
    NEVER,
    OUTLET_TAILS,
    OUTLETS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PORTFOLIO_TITLES,
    PROGRAMME_HEADS,
    RESEARCH_CUES,
    STATE_PARTY_WORDS,
    TECH_HEADS,
)

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike


class _NoEntry:
    type = None


def country_named_org(gaz: GazetteerLike, doc: Doc, cand) -> bool:
    """"India Semiconductor Mission", "Bank of China": an organisation whose name contains a
    country and ends with an organisation word beats the country match inside it."""
    s, e, m = cand
    if m.rule != "ner:ORG" or e - s < 2 or m.key:
        return False
    ends_org = doc[e - 1].lower_ in GOV_CUES | RESEARCH_CUES | COMPANY_SUFFIX
    starts_org = doc[s].lower_ in GOV_CUES | RESEARCH_CUES | {"bank"}
    if not (ends_org or starts_org):
        return False
    for k in (1, 2, 3):  # "U.S. Commerce Department": the gazetteer knows the body itself
        if s + k < e and gaz.lookup(doc[s + k:e].text) is not None:
            return False
    return any(gaz.lookup(doc[i:j].text) is not None
               for i in range(s, e) for j in range(i + 1, min(i + 4, e + 1))
               if (gaz.lookup(doc[i:j].text) or _NoEntry).type in ("Country", "Bloc"))


def material_named_org(gaz: GazetteerLike, doc: Doc, cand) -> bool:
    """"Chengze Lithium International", "Ultra Lithium": an NER organisation whose name holds a common noun
    of the gazetteer (a material or technology, "lithium") written with a capital beats that noun's match
    inside it (mid-sentence, the capital makes the word part of a name)."""
    s, e, m = cand
    if m.rule != "ner:ORG" or e - s < 2 or m.key or not all(t.is_title or not t.is_alpha for t in doc[s:e]):
        return False
    for i in range(s, e):
        if doc[i].is_sent_start:
            continue
        for j in range(i + 1, min(i + 4, e + 1)):
            entry = gaz.lookup(doc[i:j].text)
            if entry is not None and entry.type == "Technology" and entry.name[:1].islower() and \
                    (i, j) != (s, e):
                return True
    return False


def prefixed_known_org(gaz: GazetteerLike, doc: Doc, cand) -> bool:
    """"the Wuxi Jiangnan Institute of Computing Technology": an NER organisation that is a known
    organisation's name with capitalised words before it (no country, demonym or date) is another,
    more specific organisation, and beats the known name inside it."""
    s, e, m = cand
    if m.rule != "ner:ORG" or m.key:
        return False
    while s < e and doc[s].lower_ == "the":
        s += 1
    for k in (1, 2, 3):
        if e - (s + k) < 2:
            break
        inner = gaz.lookup(doc[s + k:e].text)
        if inner is None or inner.type not in ("Company", "ResearchOrganization"):
            continue
        prefix = doc[s:s + k]
        return all(
            t.is_title and t.is_alpha and t.pos_ == "PROPN" and t.lower_ not in DATE_WORDS and
            (gaz.lookup(t.text) or gaz.demonym(t.text) or _NoEntry).type not in ("Country", "Bloc")
            for t in prefix) and (gaz.lookup(prefix.text) or _NoEntry).type not in ("Country", "Bloc")
    return False


def retype_by_context(doc: Doc, taken) -> None:
    """NER people coordinated with companies are companies ("Naura and Piotech"); not a name with a
    person's title right before or after it ("signed by economic adviser Joerg Kukies and Intel's ...")."""
    company_toks = {i for s, e, m in taken if m.type == "Company" for i in range(s, e)}
    for s, e, m in taken:
        if m.rule != "ner:PERSON" or person_context(doc[s:e], doc):
            continue
        root = doc[s:e].root
        linked = [root.head] if root.dep_ == "conj" else []
        linked += [c for c in root.children if c.dep_ == "conj"]
        if any(t.i in company_toks for t in linked):
            m.type = "Company"


_BRACKETED = re.compile(r"\s*\(([^()]{2,60})\)")


def persons_named_as_orgs(doc: Doc, taken) -> None:
    """An NER person written exactly as an organisation the same text names ("WuXi Biologics" typed a company
    in one sentence and a person in the next; "Wise Road" after "Wise Road Capital LTD (Wise Road)") is that
    organisation: one name, one entity. (Leaving out one-word organisations that only the NER proposes was
    measured: d1-d8 entities F1 0.8243 against 0.8245; it keeps "Boric" a person but loses "Medibank".)"""
    orgs: dict[str, Mention] = {}
    text = doc_text(doc)
    for _, _, m in taken:
        if m.type in ("Company", "ResearchOrganization", "GovernmentBody") and m.rule != "ner:PERSON":
            short = _BRACKETED.match(text, m.end)
            words = clean(m.surface).split()
            if short is not None and short.group(1).split() == words[:len(short.group(1).split())] and \
                    len(short.group(1).split()) < len(words):
                m.aliases = tuple(dict.fromkeys((*m.aliases, short.group(1))))  # "Wise Road Capital (Wise Road)"
            for form in (clean(m.surface), m.name or "", *m.aliases):
                if form:
                    orgs.setdefault(form.lower(), m)
    if not orgs:
        return
    for _, _, m in taken:
        owner = orgs.get(clean(m.surface).lower()) if m.rule == "ner:PERSON" and not m.key else None
        if owner is not None:
            m.type, m.name, m.key, m.wikidata = owner.type, owner.name or clean(owner.surface), owner.key, \
                owner.wikidata


def retype_short_forms(doc: Doc, taken) -> None:
    """Names the NER typed by default, resolved against the bodies the document names in full:
    "Commerce" beside "U.S. Commerce Department" is that department; "PTA" beside "Pakistan
    Telecommunication Authority" (its initials) is a government body, not a company."""
    bodies = [m for s, e, m in taken if m.type in ("GovernmentBody", "Legislation", "Bloc",
                                                   "ResearchOrganization") and e - s >= 2]
    for s, e, m in taken:
        if not m.rule.startswith("ner:") or m.key or e - s != 1 or m.type not in ("Company", "Person"):
            continue
        word = doc[s].text
        if word.isupper() and len(word) >= 2:
            same = {(b.key or b.name or clean(b.surface)): b for b in bodies
                    if initials(b.name or b.surface) == word or initials(b.surface) == word}
        elif word.istitle() and m.type == "Company":
            same = {(b.key or b.name or clean(b.surface)): b for b in bodies if b.type == "GovernmentBody"
                    and word in (b.name or b.surface).split() + b.surface.split()}
        else:
            continue
        if len(same) == 1:
            b = next(iter(same.values()))
            m.type = b.type
            if word.istitle():  # the short form is that body
                m.key, m.name, m.wikidata = b.key, b.name or clean(b.surface), b.wikidata


def ner_candidates(gaz: GazetteerLike, doc: Doc) -> list[tuple[int, int, Mention]]:
    out = []
    full_text = doc_text(doc)  # built from the tokens at each access: once per Doc
    surnames = person_surnames(doc, full_text)
    # names the text describes as a state body once are that body at every mention
    bodies = frozenset(e.text for e in doc.ents if e.label_ == "ORG" and described_as_body(e, doc))
    for ent in doc.ents:
        sp = ent
        while len(sp) > 1 and (sp[0].lower_ in ("the", "a", "an") or sp[0].is_punct or sp[0].tag_ == "POS"
                               or sp[0].text in ("'s", "’s", "•", "·")):
            sp = doc[sp.start + 1:sp.end]  # "• Rio Rancho", "’s Subcommittee on ..."
        # "China's Ministry of Commerce": the body starts after the possessive
        for t in sp:
            if t.tag_ == "POS" and t.i + 1 < sp.end and t.i > sp.start:
                owner = doc[sp.start:t.i].text
                if gaz.lookup(owner) is not None or gaz.demonym(owner) is not None:
                    sp = doc[t.i + 1:sp.end]  # but "People's Liberation Army" stays whole
                break
        while len(sp) > 1 and sp[-1].tag_ == "POS":
            sp = doc[sp.start:sp.end - 1]
        opened = [t.i for t in sp if t.text == "("]
        if opened and not any(t.text == ")" for t in doc[opened[-1]:sp.end]) and opened[-1] > sp.start:
            sp = doc[sp.start:opened[-1]]  # "Magnachip Corporation (Magnachip": the name ends at an unclosed "("
        if ent.label_ in ("PERSON", "ORG") and len(sp) > 2 and sp[0].lower_ in PERSON_TITLES and \
                (ent.label_ == "PERSON" or len(sp) <= 4 and all(t.is_title and t.is_alpha for t in sp[1:])):
            sp = doc[sp.start + 1:sp.end]  # "CS Kithure Kindiki", "COO Bernd Schulte": the title is not the name
        if ent.label_ == "PERSON":  # "Yoon Suk" + "Yeol": NER often stops one name short
            end = sp.end
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and \
                    not doc[end].ent_type_ and not doc[end].is_sent_start and end - sp.start < 4:
                end += 1
            if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
                    not doc[end].whitespace_ and doc[end + 1].is_alpha and not doc[end + 1].ent_type_:
                end += 2  # "Jong In" + "-chol": a hyphenated given name the NER cut
            sp = doc[sp.start:end]
        if cut_off(doc, sp):
            continue  # the text stops mid-word: "..., Harlo"
        gs, ge = unglued(doc, sp)  # "Tom Harlowannounced", "theVelmora"
        if (gs, ge) != (sp.start_char, sp.end_char):
            m = glued_mention(gaz, doc, sp, gs, ge)
            if m is not None:
                out.append((sp.start, sp.end, m))
            continue
        text = clean(sp.text)
        low = text.lower()
        if not text or low in NEVER or low in OUTLETS or not any(c.isalpha() for c in text):
            continue
        if ent.label_ == "ORG" and len(sp) == 1 and sp[0].lower_ in MODIFIER_BODIES and sp.end < len(doc) and \
                doc[sp.end].is_lower and doc[sp.end].pos_ == "NOUN":
            continue  # "a Cabinet meeting", "Cabinet ministers": a modifier, no body acting
        if ent.label_ == "ORG" and (sp[0].lower_ in PORTFOLIO_TITLES or in_portfolio(doc, sp.start)):
            continue  # "Minister of Economic Affairs", "Minister of Maritime and Investment Affairs": portfolios
        if ent.label_ in ("ORG", "PERSON", "WORK_OF_ART") and len(sp) > 1 and sp[-1].lower_ in OUTLET_TAILS or \
                doc[sp.end:sp.end + 2].text.lower() == "news agency" or sp[-2:].text.lower() == "news agency":
            continue  # "RCR Wireless News", "Thompson Hine LLP", "IRNA news agency": they report, not act
        typ = ner_type(gaz, ent.label_, sp, doc, bodies)
        if typ is None or typ == "Company" and ent.label_ == "ORG" and common_phrase(sp, full_text):
            continue
        if typ == "Company" and ent.label_ == "ORG" and not_a_company(gaz, doc, sp, full_text):
            continue
        if typ == "Company" and ent.label_ == "ORG" and len(sp) > 1 and \
                (sp[-1].lower_ in PERSON_TITLES or sp[-1].lower_[:-1] in PERSON_TITLES):
            continue  # "National Security Advisor(s)": a title, no company
        if typ == "Company" and ent.label_ == "ORG" and named_person(sp, surnames):
            typ = "Person"  # "Ward Elcock and Richard Fadden" ... "Mr. Fadden said": the NER's ORG is a person
        if typ == "Company" and ent.label_ == "ORG" and sp.end < len(doc) and \
                doc[sp.end].lower_ in ("minister", "secretary", "ministers"):
            continue  # "Home Affairs Minister Jane Doe", "Health Secretary": a portfolio before its title
        if isinstance(typ, tuple):  # resolved to a gazetteer entry
            entry, rule = typ
            out.append((sp.start, sp.end, entry_mention(sp, entry, rule, CONF.get(rule, 0.6))))
            continue
        out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, typ,
                                              f"ner:{ent.label_}", CONF["ner"])))
    return out


_TICKER = re.compile(r"\(\s*[A-Z]{2,8}\s*:\s*$")
_MAGNITUDES = {"million", "billion", "trillion", "thousand", "mn", "bn", "m", "k"}


def not_a_company(gaz: GazetteerLike, doc: Doc, sp: Span, text: str) -> bool:
    """An NER organisation that the default would make a company but whose place says it is none: a capital
    city ("recalled its envoy to Vilnius"; a capital standing for its government is the gazetteer's), a
    line of its own (a section heading: "Politics & Policy", "Bulletin"), a stock ticker ("(OTCPK:ZTCOF)"),
    an exchange in "Nasdaq-listed", a currency code after an amount ("one million NOK")."""
    if len(sp) == 1 and gaz.capital(sp.text) is not None:
        return True
    line_start = text.rfind("\n", 0, sp.start_char) + 1
    line_end = text.find("\n", sp.start_char + len(sp.text.rstrip()))
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    if line and line == sp.text.strip() and len(sp) <= 4:
        return True
    if _TICKER.search(text[max(0, sp.start_char - 12):sp.start_char]):
        return True
    if sp.end + 1 < len(doc) and doc[sp.end].text == "-" and doc[sp.end + 1].lower_ == "listed":
        return True
    prev = doc[sp.start - 1] if sp.start > 0 else None
    return len(sp) == 1 and sp[0].is_upper and len(sp[0]) == 3 and prev is not None and \
        (prev.like_num or prev.lower_ in _MAGNITUDES)


_SURNAME_TITLED = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.? ([A-Z][a-z]+)\b")
_SURNAME_SAYS = re.compile(r"(?:^|[^\w\s]\s*|\b[a-z]+\s)([A-Z][a-z]+) (?:said|says|told|added|wrote)\b", re.M)


def person_surnames(doc: Doc, text: str) -> frozenset[str]:
    """Words the text uses as a person's surname: after Mr/Ms/Dr ("Mr. Fadden"), one title-case word
    before "said"/"told" ("Elcock said"), or the last word of an NER person (regexes over the text
    once per document, no loop over tokens)."""
    out = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    out.update(_SURNAME_TITLED.findall(text))
    out.update(_SURNAME_SAYS.findall(text))
    return frozenset(out)


def named_person(sp: Span, surnames: frozenset[str]) -> bool:
    """Two or three title-case words with no organisation word whose last word the text uses as a
    person's surname."""
    return 2 <= len(sp) <= 3 and sp[-1].text in surnames and all(t.is_title and t.is_alpha for t in sp) and \
        not any(t.lower_ in GOV_CUES | RESEARCH_CUES | COMPANY_SUFFIX | BLOC_CUES for t in sp)


def common_phrase(sp: Span, text: str) -> bool:
    """A capitalised phrase the same text also writes in lower case ("Data Protection" beside "data
    protection", "Thresholds"): a heading's words, not a company's name."""
    low = sp.text.lower()
    if low == sp.text or not low.replace(" ", "").isalpha() or low not in text:
        return False
    return re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", text) is not None


def in_portfolio(doc: Doc, start: int) -> bool:
    """Whether a name starts inside a title's portfolio: "Secretary of International Trade", "Minister
    of Maritime and Investment Affairs" (capitalised words and joiners back to "<title> of|for")."""
    j = start - 1
    while j > 0 and start - j <= 8 and (doc[j].is_title or doc[j].lower_ in ("and", "&", ",")):
        j -= 1
    return j > 0 and doc[j].lower_ in ("of", "for") and doc[j - 1].lower_ in PORTFOLIO_TITLES


def glued_mention(gaz: GazetteerLike, doc: Doc, sp: Span, start: int, end: int) -> Mention | None:
    """The mention of a name cut out of glued words: the gazetteer's entry, else the NER's type."""
    text = doc_text(doc)[start:end]
    entry = gaz.lookup(text)
    if entry is not None:
        return entry_mention(sp, entry, "gazetteer", CONF["gazetteer"], start=start, end=end)
    typ = ner_type(gaz, sp.label_, sp, doc)
    if not isinstance(typ, str) or text.lower() in NEVER | OUTLETS:
        return None
    return Mention(text, start, end, typ, f"ner:{sp.label_}", CONF["ner"])


def ner_type(gaz: GazetteerLike, label: str, sp: Span, doc: Doc, bodies: frozenset[str] = frozenset()):
    entry = gaz.lookup(sp.text)
    if entry is not None:
        return entry, "gazetteer"
    if label == "PERSON":
        if len(sp) == 1 and sp[0].text in LAW_HEADS:
            return None  # "... (Computer Systems) Bill": the head of a law's name, not Bill the person
        if any(t.lower_ in COMPANY_SUFFIX for t in sp[1:]) or \
                any(t.is_upper and len(t) > 1 and t.is_alpha for t in sp):
            return "Company"  # "Zhipu AI", "SK Hynix": NER calls them people
        if company_context(sp, doc) and not person_context(sp, doc):
            return "Company"
        if len(sp) == 1 and (sp[0].is_upper or sp[0].pos_ not in ("PROPN",)) or sp[0].is_lower:
            return None  # "iris": a lower-case word is no one's name
        if len(sp) == 1 and sp.start > 0 and doc[sp.start - 1].lower_ in ("in", "near", "at", "from", "outside"):
            return None  # "plants in Kumamoto": a place the NER took for a person
        return "Person"
    if label == "ORG":
        if len(sp) == 1 and sp[0].is_upper and len(sp[0]) > 3 and gaz.capital(sp.text) is not None:
            return None  # "TAIPEI, Aug 7 (Reuters) -", "AFP, BERLIN": a dateline's capital, no organisation
        state = government_of(gaz, sp)
        if state is not None:
            return state, "gazetteer"  # "the UK Government", "Government of Nigeria": the state itself
        if len(sp) == 1 and gaz.capital(sp.text) is not None and sp[0].lower_ in GOV_CUES:
            return gaz.capital(sp.text), "gazetteer:capital"  # "the Kremlin" as an organisation: its state
        if sp[-1].text in LAW_HEADS:  # "Cybersecurity Review Measures"; a bare "Measures" names nothing
            return "Legislation" if len(sp) > 1 and sp[0].text[:1].isupper() else None
        if programme_name(sp):
            return "Legislation"  # "Academic Technology Approval Scheme", "National Program for Coders"
        if sp[-1].lower_ in PROGRAMME_HEADS or (len(sp) == 1 and sp[0].pos_ in ("NOUN", "VERB", "ADJ", "ADV")):
            return None  # a bare "Scheme", a stray "Education"
        if 2 <= len(sp) <= 3 and all(t.is_title and t.is_alpha for t in sp) and person_context(sp, doc) and \
                not any(t.lower_ in GOV_CUES | RESEARCH_CUES | COMPANY_SUFFIX | BLOC_CUES for t in sp):
            return "Person"  # "Kyrylo Budanov, head of ...": the NER's organisation is a titled person
        return org_type(sp, doc, bodies)
    if label == "GPE":
        return None  # countries come from the gazetteer; cities are not entities
    if label == "NORP":
        e = gaz.demonym(sp.text)
        return (e, "gazetteer:demonym") if e is not None else None
    if label == "LAW":
        if any(t.text in LAW_HEADS for t in sp) and len(sp) > 1:
            return "Legislation"
        return None
    if label == "PRODUCT":
        if any(c.isdigit() for c in sp.text) or (sp.end < len(doc) and doc[sp.end].lower_ in TECH_HEADS):
            return "Technology"
        if company_context(sp, doc):
            return "Company"
        return None
    return None


#: legal forms that make a name a company's whatever its last word ("Velmora Holdings Fund")
LEGAL_FORMS = {"corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "limited", "group", "co", "co.",
               "holdings", "plc", "llc"}


def government_of(gaz: GazetteerLike, sp: Span):
    """"UK Government", "the Chinese government", "Government of Nigeria": a state's government is the state
    (the guide's "Washington-as-government" is the United States) -> the country's entry, or None."""
    words = [t.lower_ for t in sp]
    if len(words) < 2 or "government" not in (words[0], words[-1]):
        return None
    rest = sp[:-1] if words[-1] == "government" else sp[2:] if words[1] == "of" else None
    if rest is None or not len(rest):
        return None
    text = rest.text.removeprefix("the ").removeprefix("The ")
    e = gaz.lookup(text) or gaz.demonym(text)
    return e if e is not None and e.type == "Country" else None


def programme_name(sp: Span) -> bool:
    """A named programme: capitalised, ending in a programme head ("Global Talent Visa", "Academic Technology
    Approval Scheme") or opening with one before of/for ("National Program for Coders"); not a Fund or
    Project, not a company's (a legal form in the name, or a company word right before the head)."""
    if len(sp) < 2 or not sp[0].text[:1].isupper() or any(t.lower_ in LEGAL_FORMS for t in sp):
        return False
    words = [t.lower_ for t in sp]
    if words[-1] in PROGRAMME_HEADS:
        return words[-1] not in ("fund", "project") and words[-2] not in COMPANY_SUFFIX
    return any(w in PROGRAMME_HEADS - {"fund", "project", "list"} and nxt in ("for", "of", "on")
               for w, nxt in zip(words[:3], words[1:4]))


def person_context(sp: Span, doc: Doc) -> bool:
    """A person's title right before the name ("Chairman Zhang Xuezheng") or right after it, between
    commas ("Kyrylo Budanov, head of ...", "X, the chief executive of ...")."""
    if sp.start > 0 and (doc[sp.start - 1].lower_ in PERSON_TITLES or
                         doc[sp.start - 1].lower_ in PERSON_NOUNS and doc[sp.start - 1].is_lower):
        return True  # "Chairman Zhang Xuezheng", "opposition figure Alexey Navalny"
    right = [t.lower_ for t in doc[sp.end:min(sp.end + 4, len(doc))]]
    if right[:1] != [","]:
        return False
    rest = right[1:]
    if rest[:1] in (["the"], ["a"], ["an"]):
        rest = rest[1:]
    return bool(rest) and rest[0] in PERSON_TITLES


def company_context(sp: Span, doc: Doc) -> bool:
    left = doc[max(sp.start - 3, 0):sp.start]
    if any(t.lower_ in COMPANY_CONTEXT for t in left):
        return True
    right = doc[sp.end:min(sp.end + 5, len(doc))]
    return len(right) > 1 and right[0].text == "," and any(t.lower_ in COMPANY_CONTEXT for t in right)


#: words that make an "... Organisation" a state's (a space or defence research agency), not a firm's
STATE_ORGANISATION_WORDS = {"defence", "defense", "space", "security", "intelligence", "atomic", "nuclear", "national",
                            "federal"}


def org_type(sp: Span, doc: Doc, bodies: frozenset[str] = frozenset()) -> str:
    """Project type of an ORG span from cue words in the name and its context."""
    words = [t.lower_ for t in sp]
    text = sp.text
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if head in GROUP_ORG_HEADS and not set(words) & STATE_PARTY_WORDS:
        return "Group"  # "People Power Party", "Association of ... Operators of Nigeria": organised groups
    if any(w in GOV_CUES for w in words) or words[-1] in ("organization", "organisation") and \
            set(words) & STATE_ORGANISATION_WORDS:
        return "GovernmentBody"  # "Defence Research and Development Organisation"
    if len(words) > 1 and (words[-1] == "board" or words[-1] in ("centre", "center") and (
            words[0] in ("national", "federal", "state", "european") or sp[0].ent_type_ in ("GPE", "NORP"))):
        return "GovernmentBody"  # "Economic Development Board", "National Cyber Security Centre"
    if any(w in RESEARCH_CUES for w in words) or re.search(r"\b(?:Center|Centre) for\b", text) \
            or (words[-1] in ("lab", "laboratory") and len(words) > 1 and words[-2] not in ("ai",)):
        return "ResearchOrganization"
    if any(w in BLOC_CUES for w in words):
        return "Bloc"
    if sp.text in bodies:
        return "GovernmentBody"  # "the data protection authority, Datatilsynet", "privacy watchdog Garante"
    return "Company"


#: lower-case heads that describe a state body beside its name ("service" and "office" describe firms as often)
_BODY_DESCRIPTORS = GOV_HEADS - {"service", "office", "cabinet", "department", "bureau"}


def described_as_body(sp: Span, doc: Doc) -> bool:
    """A name the text describes as a state body: right after a lower-case body noun ("privacy watchdog Garante",
    "the data protection authority, Datatilsynet") or followed, between commas, by a description that ends in
    one ("Datatilsynet, the Norwegian data protection authority,"); a company word in that description wins."""
    left = [t for t in doc[max(sp.start - 2, 0):sp.start]]
    if left and left[-1].text == ",":
        left = left[:-1]
    if left and left[-1].is_lower and left[-1].lower_ in _BODY_DESCRIPTORS:
        return True
    right = doc[sp.end:min(sp.end + 7, len(doc))]
    if len(right) < 3 or right[0].text != ",":
        return False
    for t in right[1:]:
        if t.text in (",", ".", ";") or t.pos_ in ("VERB", "AUX"):
            return False
        if t.lower_ in COMPANY_CONTEXT:
            return False
        if t.is_lower and t.lower_ in _BODY_DESCRIPTORS:
            return True
    return False
