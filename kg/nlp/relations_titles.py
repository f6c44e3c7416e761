"""Title phrases around a person -> ``leads`` / ``worksFor`` (GUIDE.md, Relations).

The phrase is the run of title-cased words, title words, connectors and mentions written right
before a person ("Commerce Secretary Gina Raimondo", "Hungary's Prime Minister Viktor Orban",
"The Chilean President, Gabriel Boric", "Under Secretary of Commerce for Industry and Security
Alan Estevez"; a title inside the person's mention, "President Trump", counts; up to two lower-case
modifiers of a title, "EU foreign policy chief X") or right after it, between commas ("Vincent
Karremans, Secretary of Economic Affairs, said"; lower-case title words count there and name a
portfolio too: "X, the US commerce secretary, said"; a body that opens the phrase employs the person:
"X, the European Commission's vice president"). Words before a comma ahead of the person belong to
the title only when they hold a title word ("Yesterday, President X"). The head of a unit of a body
("X, the director general for coal at the Ministry of Energy") works for the body.

====================  ==========  ===============================================================
rule                  confidence  example
====================  ==========  ===============================================================
rel:title-state-head  0.85        "Hungary's Prime Minister Viktor Orban" -> leads Hungary
rel:title-region-head 0.75        "Gov. Jared Polis" (no state beside the title) -> leads the federal state
                                  (a gazetteer body flagged ``region``) of the sentence, else the document's one
rel:title-body-head   0.8         "Commerce Secretary Gina Raimondo" -> leads the document's body
                                  whose name has every portfolio word ("Department of Commerce");
                                  "Attorney General X" -> the justice department
rel:title-body-staff  0.8         "Deputy Secretary of Commerce Don Graves", "White House Press
                                  Secretary X" -> worksFor the body; "Under Secretary of Commerce for
                                  Industry and Security X" -> leads the unit named after "for"
rel:title-country     0.8         "Iran's minister of information X", "Pakistani Ambassador X" ->
                                  worksFor the country (an official titled by country only)
rel:title-home        0.6         "Information Minister Lai Mohammed" (a portfolio, but no body and
                                  no country) -> worksFor the document's dominant country
====================  ==========  ===============================================================

The phrase's other mentions ("Commerce" read as an organisation of its own) are not the person's
employer: relations to them are returned in ``drop``.
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from kg.nlp import rules
from kg.nlp.relations_conventions import home_country

if TYPE_CHECKING:
    from kg.link.gazetteer import GazetteerLike

_W = rules.word_lists("relations.yaml", (
    "state_heads", "body_heads", "officials", "subordinate", "not_portfolio", "implied_portfolio", "company_heads",
    "origin_cues", "list_intros", "topic_words", "generic_bodies", "maker_verbs",
    "lead_verbs", "work_verbs", "maker_nouns", "home_places", "chamber_titles", "honorifics", "home_titles",
    "second_in_command", "exec_heads", "exec_staff"))
STATE_HEADS = set(_W["state_heads"])
BODY_HEADS = set(_W["body_heads"])
OFFICIALS = set(_W["officials"])
SUBORDINATE = set(_W["subordinate"])
NOT_PORTFOLIO = set(_W["not_portfolio"])
IMPLIED = dict(w.split("=", 1) for w in _W["implied_portfolio"])
COMPANY_HEADS = set(_W["company_heads"])
#: nouns after a country or demonym that make it an organisation's home (used by kg.nlp.relations)
ORIGIN_CUES = set(_W["origin_cues"])
#: "firms such as X and Y"
LIST_INTROS = [w.replace(",", " ,").split() for w in _W["list_intros"]]
#: a country before these words in a body's name is its topic ("Taiwan Affairs Office")
TOPIC_WORDS = set(_W["topic_words"])
#: body names too generic for the document's dominant country ("the Council")
GENERIC_BODIES = set(_W["generic_bodies"])
#: verbs whose company subject makes the technology (used by kg.nlp.relations_verbs)
MAKER_VERBS = set(_W["maker_verbs"])
#: places inside a country ("California" -> "United States"): "California-based X" (kg.nlp.relations_origin)
HOME_PLACES = dict(w.split("=", 1) for w in _W["home_places"])
#: courtesy words between a title and the name ("Chairman Dr. X"; used by kg.nlp.relations_cues)
HONORIFICS = set(_W["honorifics"])
#: "Senator X" -> the chamber words of the body X sits in, in order of preference (kg.nlp.relations_chambers)
CHAMBER_TITLES = {k: tuple(v.split("|")) for k, v in (w.split("=", 1) for w in _W["chamber_titles"])}
#: appositive heads that make the organisation the maker of the technology after "of" (kg.nlp.relations_makers)
MAKER_NOUNS = set(_W["maker_nouns"])
#: verbs whose person subject leads / works for their organisation (used by kg.nlp.relations_verbs)
LEAD_VERBS = set(_W["lead_verbs"])
WORK_VERBS = set(_W["work_verbs"])
TITLES = STATE_HEADS | BODY_HEADS | OFFICIALS | set(IMPLIED)
MAX_TITLE = max(len(t.split()) for t in TITLES)
CONNECT = {"of", "for", "the", "and", "&", "-", "'s", "’s", "'", "’", "on", "at"}  # "'": "the Netherlands' IT minister"
#: titles that place an official in the government of the document's country when nothing else does
HOME_TITLES = set(_W["home_titles"])
#: executive titles read without a company beside them (used by kg.nlp.relations_execs)
EXEC_HEADS, EXEC_STAFF = set(_W["exec_heads"]), set(_W["exec_staff"])
#: words before a head-of-state title that make its holder the state's second ("Vice President X")
SECOND = set(_W["second_in_command"])
#: "European Commissioner X", "EU Commissioner X": a member of the European Commission, not its head
EU_WORDS = {"european", "eu"}
STOP_LEFT = {"the", "of", "for", "and", "a", "an", "on", "at", "-"}
#: bare kinds of body a title phrase may name ("Ministry spokesperson X")
GENERIC_KINDS = {"ministry", "department", "agency", "commission", "regulator", "bureau"}


def _stem(w: str) -> str:
    return w[:5]


def _stems(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4}


def _titles_in(words: list[str]) -> list[tuple[int, str]]:
    """(position, title) of the titles in ``words``, longest match first, left to right."""
    out, i = [], 0
    while i < len(words):
        for n in range(min(MAX_TITLE, len(words) - i), 0, -1):
            cand = " ".join(words[i:i + n])
            if cand in TITLES:
                out.append((i, cand))
                i += n
                break
        else:
            i += 1
    return out


def _describes_org(doc: Doc, m: Span) -> bool:
    """"mainland China-based": the country describes the organisation after it, not the person."""
    after = [t.lower_ for t in doc[m.end:m.end + 2]]
    return after[:2] == ["-", "based"] or after[:1] in (["-based"], ["based"]) or m[-1].lower_.endswith("-based")


class TitleRules:
    def __init__(self, doc: Doc, spans: list[Span], ts: list, gaz: GazetteerLike, ents: dict, dominant: str | None,
                 known_leads: dict[str, list[str]]):
        self.doc, self.spans, self.ts, self.gaz, self.ents, self.dominant = doc, spans, ts, gaz, ents, dominant
        self.known_leads = known_leads
        self.at: dict[int, Span] = {}
        for sp in spans:
            for i in range(sp.start, sp.end):
                self.at[i] = sp
        named = {s.id_ for s in spans}
        self.bodies = {k: (e.name, tuple(e.aliases)) for k, e in ents.items()
                       if e.type == "GovernmentBody" and k in named}
        self.drop: set[tuple[str, str]] = set()   # (person, organisation) pairs the title rules overrule
        self.lower: set[int] = set()  # lower-case title words admitted after a person (portfolio words)

    @cached_property
    def home(self) -> str | None:
        """The document's own country for a portfolio title with no state beside it: the dominant
        country, else the one named most counting demonyms (computed once per document)."""
        return self.dominant or home_country(self.spans)

    def _ok(self, i: int) -> bool:
        t = self.doc[i]
        m = self.at.get(i)
        if m is not None:
            return m.label_ != "Person"
        return t.is_title or t.lower_ in CONNECT or t.lower_ in TITLES or t.lower_ in SUBORDINATE or \
            any(t.lower_ in x.split() for x in TITLES)

    def _before(self, sp: Span, sent: Span) -> list[int]:
        j = sp.start - 1
        comma = j >= sent.start and self.doc[j].text == ","
        if comma:
            j -= 1
        toks: list[int] = []
        lower = 0  # "EU foreign policy chief X": lower-case modifiers of a title already seen
        while j >= sent.start and len(toks) < 12:
            t = self.doc[j]
            if not self._ok(j):
                seen = any(self.doc[i].lower_ in TITLES for i in toks) or self._portfolio_of(j, sent)
                if not (seen and t.is_lower and t.pos_ in ("NOUN", "ADJ") and lower < 2 and j not in self.at):
                    break
                lower += 1
            toks.append(j)
            j -= 1
        toks.reverse()
        while toks and (self.doc[toks[0]].lower_ in STOP_LEFT or self.doc[toks[0]].lower_ == "under" and
                        self.doc[toks[0] + 1].lower_ in STATE_HEADS):
            toks.pop(0)  # "Under President Trump, ..." (not "Under Secretary X") is the president
        if comma and not any(self.doc[i].lower_ in TITLES for i in toks):
            toks = []  # "Yesterday, President Trump": the words before the comma hold no title
        inner = []  # "President Trump": the title inside the person's own mention
        for i in range(sp.start, sp.end - 1):
            if self.doc[i].lower_ in TITLES:
                inner.append(i)
            else:
                break
        return toks + inner

    def _portfolio_of(self, j: int, sent: Span) -> bool:
        """"minister for research X": a lower-case word after "<title> for/of" (up to two words) belongs
        to the title; not after "commissioner" ("European Commissioner for internal markets X" is one
        member of the Commission, and the phrase then read as its head: measured, dev -1 TP +1 FP), unless
        "European" / "EU" says so: the phrase then goes to :meth:`_eu_member`."""
        for k in range(j - 1, max(j - 3, sent.start + 1) - 1, -1):
            if self.doc[k].lower_ in ("for", "of") and (self.doc[k - 1].lower_ in TITLES - {"commissioner"} or
                                                         k >= 2 and self.doc[k - 2].lower_ in EU_WORDS):
                return True
            if not (self.doc[k].is_lower and self.doc[k].is_alpha):
                return False
        return False

    def _after(self, sp: Span, sent: Span) -> list[int]:
        j = sp.end
        if not (j < sent.end and self.doc[j].text == ","):
            return []
        j += 1
        toks: list[int] = []
        lower: list[int] = []  # "X, the US commerce secretary,": lower-case words of the title
        while j < sent.end and len(toks) < 12 and self.doc[j].text not in (",", ".", ";", ")"):
            t = self.doc[j]
            if not self._ok(j) and not (t.is_upper and t.is_alpha and len(t) <= 5):  # "India's IT minister"
                if not (t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ", "PROPN") and j not in self.at
                        and len(lower) < 3):
                    break
                lower.append(j)
            owner = self.at.get(toks[-1]) if toks else None
            first = owner is not None and owner.id_ in self.bodies and \
                all(self.doc[i].lower_ in STOP_LEFT for i in toks if i < owner.start)
            if self.doc[j].tag_ == "POS" and toks and not first and \
                    (owner is None or owner.label_ not in ("Country", "Bloc")):
                if owner is None:
                    toks.pop()
                break  # "X, the president of Zorblax's Dutch unit": the country describes the owner's unit;
                # a body that opens the phrase employs X ("X, the European Commission's vice president")
            toks.append(j)
            j += 1
        while toks and toks[-1] in lower:
            toks.pop()  # the title must end the phrase
        while toks and self.doc[toks[0]].lower_ in STOP_LEFT:
            toks.pop(0)
        self.lower.update(lower)
        return toks

    def _resolve_body(self, stems: set[str], head: str) -> str | None:
        """The one body of the document whose name shares the most portfolio words (at least half):
        "Commerce" -> "Department of Commerce"; "Mines and Energy" -> "Ministry of Energy and Mineral
        Resources". A commissioner heads a commission."""
        if not stems:
            return None
        best: list[str] = []
        top = 0
        for names in (lambda n, al: (n,), lambda n, al: al):
            for k, (n, al) in self.bodies.items():
                if head == "commissioner" and "commission" not in n.lower():
                    continue
                got = max((len(stems & _stems(x)) for x in names(n, al)), default=0)
                if got * 2 < len(stems) or got == 0:
                    continue
                if got > top:
                    best, top = [k], got
                elif got == top:
                    best.append(k)
            if best:
                break
        return best[0] if len(best) == 1 else None

    def run(self):
        for sp in self.spans:
            if sp.label_ != "Person":
                continue
            sent = self.ts[sp.start]
            for toks in (self._before(sp, sent), self._after(sp, sent)):
                if toks:
                    yield from self._phrase(sp, sent, toks)

    def _phrase(self, sp: Span, sent: Span, toks: list[int]):
        doc = self.doc
        words = [doc[i].lower_ for i in toks]
        found = _titles_in(words)
        if not found:
            return
        mentions = []
        for i in toks:
            m = self.at.get(i)
            if m is not None and m is not sp and m not in mentions:
                mentions.append(m)
        if any(m.label_ in ("Company", "ResearchOrganization") and m.id_ not in self.bodies and
               self.gaz.lookup(m.text) is not None for m in mentions):
            return  # "Microsoft president Brad Smith": the company rules decide
        pos, head = found[-1]
        for p, t in found:  # the first head title after the subordinates is the one that counts
            if t in STATE_HEADS | BODY_HEADS | set(IMPLIED):
                pos, head = p, t
                break
        if head == "commissioner" and pos > 0 and words[pos - 1] in EU_WORDS:
            member = self._eu_member()  # "European Commissioner for Trade X": one of the Commission's members
            if member is not None:
                for m in mentions:
                    if m.id_ != member:
                        self.drop.add((sp.id_, m.id_))
                yield "rel:title-eu-commissioner", sp.id_, "worksFor", member, sent, 0.8
            return
        states = [m for m in mentions if m.label_ in ("Country", "Bloc") and not _describes_org(doc, m)]
        body_m = [m for m in mentions if m.label_ == "GovernmentBody" and m.id_ in self.bodies]
        tail = words[pos + len(head.split()):]
        # "X, the director general for coal at the Ministry of Energy": the head of a unit of the body
        unit = bool(body_m) and tail[:1] in (["for"], ["of"]) and ("at" in tail or "in" in tail)
        sub = any(w in SUBORDINATE for w in words[:pos]) or head in OFFICIALS or unit or self._serves(toks[0])
        in_state = {i for m in states for i in range(m.start, m.end)}
        # "Under Secretary of Commerce for Industry and Security": the portfolio ends at "for"
        cut = next((k for k in range(pos + 1, len(words)) if words[k] == "for"), len(words))
        portfolio = self._portfolio(toks[:cut], in_state)
        if head in IMPLIED:
            portfolio.add(_stem(IMPLIED[head]))
        body: str | None
        if len({m.id_ for m in body_m}) == 1:
            body = body_m[-1].id_  # "FTC Chair Lina Khan", "White House Press Secretary X"
        else:
            body = self._resolve_body(portfolio, head) if not body_m else None
        if body is None and not body_m and not portfolio and not states:
            body = self._generic_body(words[:pos])
        if sub and portfolio and body is not None and cut < len(words) and "deputy" not in words[:pos]:
            # "Under Secretary of Commerce for Industry and Security X": the department is named
            # before "for", the unit X heads after it (the Bureau of Industry and Security)
            unit_body = self._resolve_body(self._portfolio(toks[cut + 1:], in_state), head)
            if unit_body is not None and unit_body != body:
                body, sub = unit_body, False
        person = sp.id_
        out = list(self._decide(sp, sent, toks, head, sub, body, portfolio, states))
        if out:
            for m in mentions:
                if m.label_ != "Country" and m.id_ != body:
                    self.drop.add((person, m.id_))
        yield from out

    def _eu_member(self) -> str | None:
        """The European Commission when the document names it, else the European Union when it does."""
        for k, (n, al) in self.bodies.items():
            if "european commission" in {x.lower() for x in (n, *al)}:
                return k
        return next((m.id_ for m in self.spans if m.label_ == "Bloc" and m.id_ in self.ents and
                     self.ents[m.id_].name == "European Union"), None)

    def _generic_body(self, words: list[str]) -> str | None:
        """"Ministry spokesperson X": a bare kind of body before the title -> the document's one body of
        that kind (its name holds the word)."""
        kinds = [w for w in words if w in GENERIC_KINDS]
        if len(kinds) != 1:
            return None
        hits = [k for k, (n, _) in self.bodies.items() if kinds[0] in n.lower().split()]
        return hits[0] if len(hits) == 1 else None

    def _serves(self, first: int) -> bool:
        """"an adviser to the President of France, X": the phrase follows "<official> to|for [the]", so its
        head title names whom X serves, and X works for the state or body."""
        j = first - 1
        if j >= 0 and self.doc[j].lower_ == "the":
            j -= 1
        return j >= 1 and self.doc[j].lower_ in ("to", "for") and self.doc[j - 1].lower_ in OFFICIALS

    def _portfolio(self, toks: list[int], in_state: set[int]) -> set[str]:
        """Stems of the portfolio words among ``toks`` ("Commerce" in "Secretary of Commerce")."""
        doc = self.doc
        return {_stem(doc[i].lower_) for i in toks
                if i not in in_state and doc[i].is_alpha and len(doc[i]) >= 4
                and (doc[i].is_title or i in self.lower)
                and doc[i].lower_ not in NOT_PORTFOLIO and doc[i].lower_ not in TITLES
                and doc[i].lower_ not in SUBORDINATE and not any(doc[i].lower_ in t.split() for t in TITLES)
                and self.gaz.demonym(doc[i].text) is None}

    def _decide(self, sp, sent, toks, head, sub, body, portfolio, states):
        person = sp.id_
        state = states[-1].id_ if len({m.id_ for m in states}) == 1 else None
        if head in STATE_HEADS and not sub and body is None and not portfolio:
            if state is not None:
                yield "rel:title-state-head", person, "leads", state, sent, 0.85
            elif head in ("governor", "gov.") and not states:
                region = self._one_region(sent)
                if region is not None:
                    yield "rel:title-region-head", person, "leads", region, sent, 0.75
            elif toks[0] >= sp.start and not states and head != "governor":
                # "President Trump" as one mention: the country the gazetteer gives, else the one
                # country named in the sentence, else the document's dominant one
                known = self.known_leads.get(person, [])
                here = {m.id_ for m in self.spans if m.label_ == "Country" and sent.start <= m.start < sent.end
                        and self.gaz.demonym(m.text) is None}
                guess = known[0] if len(known) == 1 else (
                    next(iter(here)) if len(here) == 1 else (self.dominant if not here else None))
                if guess is not None:
                    yield "rel:title-state-head", person, "leads", guess, sent, 0.6 if not known else 0.75
            return  # a bare "President X" before the mention: rel:head-of-state decides
        if body is not None:
            pred = "worksFor" if sub else "leads"
            yield ("rel:title-body-staff" if sub else "rel:title-body-head"), person, pred, body, sent, 0.8
            return
        words = [self.doc[i].lower_ for i in toks]
        at = words.index(head.split()[0])
        second = head in STATE_HEADS and not portfolio and any(w in SECOND for w in words[:at])
        if state is not None and (head in BODY_HEADS or head in OFFICIALS or head in IMPLIED or second):
            yield "rel:title-country", person, "worksFor", state, sent, 0.8
        elif state is None and not states and (second or head in HOME_TITLES and
                                               (portfolio or self._named_post(toks, head))):
            boss = self._boss(toks)
            named = {m.id_ for m in self.spans}
            home = self._one([k for k in self.known_leads.get(boss, []) if k in named] if boss else []) or self.home
            if home is not None:
                yield "rel:title-home", person, "worksFor", home, sent, 0.6

    def _boss(self, toks: list[int]) -> str | None:
        """"President Joe Biden's national security adviser X", "Scholz economic adviser X": the person
        written right before the phrase is whom X serves (X works for the state the gazetteer says that
        person leads, rather than for the document's country)."""
        m = self.at.get(toks[0] - 1)
        return m.id_ if m is not None and m.label_ == "Person" else None

    @staticmethod
    def _one(keys: list[str]) -> str | None:
        return keys[0] if len(set(keys)) == 1 else None

    def _one_region(self, sent: Span) -> str | None:
        """"Gov. Jared Polis" with no state beside the title: the federal state (a gazetteer body flagged
        ``region``) of the sentence when it names one, else the document's only one."""
        regions = [m for m in self.spans if m.label_ == "GovernmentBody" and
                   getattr(self.gaz.by_key(m.id_), "region", False)]
        here = {m.id_ for m in regions if sent.start <= m.start < sent.end}
        keys = here or {m.id_ for m in regions}
        return next(iter(keys)) if len(keys) == 1 else None

    def _named_post(self, toks: list[int], head: str) -> bool:
        """"Foreign Minister X": a word before the title names the post even when it picks no body."""
        words = [self.doc[i].lower_ for i in toks]
        pos = next((k for k, _ in _titles_in(words) if _ == head), 0)
        return any(w.isalpha() and w not in SUBORDINATE and w not in STOP_LEFT and w not in TITLES
                   for w in words[:pos])
