"""Cue words, title words and phrase tests of the relation rules (used by :mod:`kg.nlp.relations`): whether a
person is named as a head, whether a company owns or makes a product, whether a phrase gives an
organisation's origin; the title between two mentions, a short form in brackets after a name."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.nlp.relations_titles import COMPANY_HEADS, HONORIFICS, LIST_INTROS, ORIGIN_CUES

#: title words of the text patterns of kg.nlp.relations (heads, officials, heads of state)
LEAD_TITLES = {"ceo", "chief executive", "chief executive officer", "founder", "co-founder", "cofounder",
               "chairman", "chairwoman", "chairperson", "chair", "president", "head", "director", "boss", "leader",
               "secretary-general", "secretary general", "commissioner", "governor", "chief"}
WORK_TITLES = {"cfo", "cto", "coo", "chief financial officer", "chief technology officer", "executive",
               "engineer", "researcher", "scientist", "spokesperson", "spokesman", "spokeswoman",
               "vice president", "vice-president", "official", "employee", "lawyer", "adviser", "advisor",
               "economist", "analyst", "manager", "minister", "secretary", "deputy", "ambassador",
               "senator", "lawmaker", "representative", "negotiator", "envoy", "staffer", "general counsel",
               "board member", "partner", "activist", "campaigner", "fellow", "professor", "consultant"}
STATE_TITLES = {"president", "prime minister", "premier", "chancellor", "king", "queen", "leader",
                "emperor", "supreme leader", "head of state"}
#: words between a company and its product that state the ownership (gazetteer produces)
OWNERSHIP_CUES = {"owner", "owners", "owns", "owned", "its", "their", "platform", "platforms", "app", "apps", "maker",
                  "makes", "make", "making", "made", "developer", "develops", "developed", "operator", "operates",
                  "operated", "product", "products", "creator", "created", "behind", "produce", "produces",
                  "producing", "produced", "producer", "manufacturer", "manufactures", "manufacturing",
                  "builds", "built", "sells", "supplier", "designs", "designed", "designer"}
#: words that name a head next to a person (the gazetteer's leads needs one)
HEAD_WORDS = {"president", "premier", "chancellor", "king", "queen", "leader", "emir", "ceo", "founder", "co-founder",
              "cofounder", "chairman", "chairwoman", "chair", "head", "chief", "director", "boss", "minister",
              "secretary", "governor", "commissioner", "prime", "executive", "led", "leads", "heads", "headed",
              "dictator", "ruler", "autocrat", "strongman", "administration"}


def titled(doc: Doc, person: Span) -> bool:
    """A head title within three tokens before or after the person ("President Xi", "Altman, OpenAI's
    chief executive"): the text, not only the gazetteer, names the person as a head."""
    sent = person.sent
    words = {t.lower_ for t in doc[max(person.start - 3, sent.start):min(person.end + 4, sent.end)]}
    return bool(words & HEAD_WORDS)


def owns(doc: Doc, maker: Span, product: Span, sps: list[Span]) -> bool:
    """Whether the words between a company and its gazetteer product say that it owns or makes it
    ("Facebook owner Meta", "Apple ... in its App Store", "Meta ... on its platforms, Facebook and
    Instagram", "<Product> made by <Company>"); sharing a sentence or a list is not enough ("Google,
    Twitter, YouTube" are items of one list; "Meta's plan to use posts of Facebook users")."""
    first, second = (maker, product) if maker.start < product.start else (product, maker)
    inside = {i for s in sps for i in range(s.start, s.end) if first.end <= s.start and s.end <= second.start}
    gap = [t.lower_ for t in doc[first.end:second.start] if t.i not in inside]
    return bool(set(gap) & OWNERSHIP_CUES)


def origin_phrase(between: Span) -> bool:
    """"<demonym> high-tech security firms like <Org>", "<demonym> state-backed group <Org>",
    "Kazakh Internet Service Providers (ISPs), such as <Org>": a noun phrase of at most six words
    ending in an origin cue, then at most a list introducer (kg/nlp/rules/relations.yaml)."""
    words = [t.lower_ for t in between]
    if "(" in words and ")" in words and words.index("(") < words.index(")"):
        words = words[:words.index("(")] + words[words.index(")") + 1:]
    for intro in LIST_INTROS:
        if words[-len(intro):] == intro:
            words = words[:-len(intro)]
            break
    while words and words[-1] == ",":
        words.pop()
    return bool(words) and len(words) <= 6 and words[-1] in ORIGIN_CUES and \
        not {"and", ",", "the", "of", "to", "by", "from", "in", "with", "for"} & set(words) and \
        not any(t.pos_ in ("VERB", "AUX") and not t.lower_.endswith(("ed", "ing")) for t in between)


def product_list(doc: Doc, rest: list[Span], prev: Span, maker: Span):
    """"Velmora's 2100x and 2200x scanners": every technology of the possessed list is the maker's."""
    for o in rest:
        gap = {t.lower_ for t in doc[prev.end:o.start]}
        if o.label_ != "Technology" or not gap or not gap <= {",", "and"}:
            break
        yield "rel:possessive-tech", maker.id_, "produces", o.id_
        prev = o


def after_short_form(doc: Doc, sp: Span, sent: Span) -> int:
    """The token after a mention's short form in brackets ("X (XY), a ..."), else after the mention."""
    if sp.end < sent.end and doc[sp.end].text == "(":
        close = next((k for k in range(sp.end + 1, min(sp.end + 5, sent.end)) if doc[k].text == ")"), None)
        if close is not None:
            return close + 1
    return sp.end


def title_of_before(doc: Doc, org: Span, person: Span, sent: Span):
    """"The director of NUKIB, Duvan Navratil, wrote": the title before "of <Org>", the person after the comma."""
    pre = [t.lower_ for t in doc[max(org.start - 4, sent.start):org.start]]
    if pre[-1:] == ["the"]:
        pre = pre[:-1]
    if len(pre) < 2 or pre[-1] != "of":
        return
    title = pre[-2]
    heads = COMPANY_HEADS if org.label_ == "Company" else LEAD_TITLES
    if title in heads:
        yield "rel:title-of-org", person.id_, "leads", org.id_
    elif title in WORK_TITLES:
        yield "rel:title-of-org", person.id_, "worksFor", org.id_


def prev_tokens(doc: Doc, sp: Span, sent: Span, n: int = 4) -> Span:
    return doc[max(sp.start - n, sent.start):sp.start]


def title_between(doc: Doc, a: Span, b: Span) -> str | None:
    """The title words between two mentions ("CFO", "chief executive"), lower-cased; a possessive
    before them ("Nvidia's chief financial officer X"), the words up to "its" ("Nvidia said its chief
    executive, X") and courtesy words after them ("Chairman Dr. X") are not part of the title."""
    toks = [t.lower_ for t in doc[a.end:b.start] if not t.is_punct or t.text == "-"]
    if toks[:1] in (["'s"], ["’s"], ["'"], ["’"]):
        toks = toks[1:]
    for k in range(len(toks) - 1, -1, -1):
        if toks[k] in ("its", "their"):  # "Nvidia said its chief executive, X,": the title after "its"
            toks = toks[k + 1:]
            break
    while toks and toks[-1] in HONORIFICS:
        toks.pop()
    words = " ".join(toks).strip().replace(" - ", "-")
    return words or None


def described_owner(doc: Doc, country: Span, following: list[Span]) -> Span | None:
    """The organisation a country mention describes: "of mainland China-based Jinan Yuxiao Group",
    "at Indonesia's Communications Ministry" (the next mention, right after "-based" or the possessive)."""
    if country.label_ != "Country" or not following:
        return None
    org = following[0]
    glue = [t.lower_ for t in doc[country.end:org.start]]
    based = glue in (["-", "based"], ["-based"], ["based"]) or not glue and country[-1].lower_.endswith("-based")
    if org.label_ in ("Company", "ResearchOrganization", "GovernmentBody") and (based or glue in (["'s"], ["’s"])):
        return org
    return None
