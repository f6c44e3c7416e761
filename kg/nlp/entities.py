"""``kg_entities``: typed, keyed entity mentions from gazetteer matches, rules and statistical NER.

Sources, in order of precedence (an earlier source wins where spans overlap):

=====================  ==========  =============================================================
source                 confidence  what
=====================  ==========  =============================================================
gazetteer              0.95        ``doc.spans["kg_gaz"]`` (name or alias of a gazetteer entry)
rule:legal-case        0.8         "<Name> case", "<A> v. <B>"
rule:legislation       0.75        capitalised names ending in Act/Law/Regulation(s)/Order/...
rule:technology        0.75        "<X> chips", "<X> lithography"
rule:group             0.75        "<field modifiers> researchers|scientists|engineers|..."
rule:company-cue       0.7         "startup|chipmaker|firm|company <Name>"
gazetteer:demonym      0.85        "Chinese", "Dutch-based" -> the country
gazetteer:capital      0.8         "Beijing imposed ..." (subject/possessive only) -> the country
ner:<LABEL>            0.6         statistical NER, re-typed (ORG by cues, GPE/NORP via gazetteer)
=====================  ==========  =============================================================

Then :func:`kg.link.resolve.resolve` clusters the mentions into one Entity per thing; the final
mentions go to ``doc.spans["kg_mentions"]`` and the entities to ``doc._.kg_entities``.
"""
from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from kg.link.resolve import Mention, clean, resolve
from kg.models import Entity, Evidence
from kg.nlp.attrs import GAZ_SPANS, MENTIONS, register_extensions
from kg.nlp.gaz import get_gazetteer
from kg.nlp.lines import in_ranges

register_extensions()

CONF = {"gazetteer": 0.95, "rule:legal-case": 0.8, "rule:legislation": 0.75, "rule:technology": 0.75,
        "rule:group": 0.75, "rule:company-cue": 0.7, "gazetteer:demonym": 0.85,
        "gazetteer:capital": 0.8, "ner": 0.6, "rule:gov-possessive": 0.6, "rule:case-person": 0.6, "rule:group-head": 0.6}

GOV_CUES = {"mission", "party", "ministry", "department", "agency", "commission", "bureau", "administration", "office",
            "parliament", "congress", "court", "senate", "council", "authority", "regulator",
            "directorate", "committee", "cabinet", "treasury", "government", "assembly", "diet", "duma",
            "secretariat", "tribunal", "police", "customs", "inspectorate", "ombudsman", "commissioner",
            "house", "legislature", "presidency", "kremlin", "pentagon", "army", "navy", "military"}
#: heads of descriptive names of bodies: "Italy's data protection authority", "the Dutch trade ministry"
GOV_HEADS = {"ministry", "regulator", "watchdog", "authority", "agency", "commission", "parliament",
             "legislature", "cabinet", "court", "bureau", "department", "office", "inspectorate"}
RESEARCH_CUES = {"university", "institute", "academy", "laboratory", "college", "school", "polytechnic",
                 "observatory", "think-tank"}
COMPANY_SUFFIX = {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "limited", "group",
                  "technologies", "technology", "holdings", "co", "co.", "plc", "llc", "ai", "labs",
                  "semiconductor", "semiconductors", "electronics", "systems", "networks", "telecom",
                  "motors", "bank", "capital", "partners", "ventures", "software", "robotics", "energy",
                  "materials", "micro", "microelectronics", "industries", "pharmaceuticals", "biotech",
                  "fab", "foundry", "instruments", "devices", "dynamics", "aerospace", "mobile", "cloud"}
COMPANY_CONTEXT = {"startup", "start-up", "firm", "company", "chipmaker", "lab", "giant", "maker",
                   "manufacturer", "developer", "provider", "operator", "conglomerate", "supplier",
                   "rival", "unicorn", "subsidiary", "vendor", "foundry", "carrier", "platform",
                   "automaker", "carmaker", "retailer", "insurer", "lender", "designer", "producer",
                   "startups", "firms", "companies", "chipmakers", "makers", "manufacturers", "developers",
                   "suppliers", "giants", "rivals", "labs", "vendors", "groups"}
CORP_TAIL = {"corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "limited", "group", "co", "co.",
             "holdings", "plc", "llc", "technology", "technologies", "company"}
PROGRAMME_HEADS = {"scheme", "program", "programme", "initiative", "plan", "strategy", "fund", "list",
                   "project", "framework", "guidelines", "visa"}
BLOC_CUES = {"union", "arrangement", "alliance", "bloc"}
OUTLETS = {"reuters", "bloomberg", "associated press", "ap", "afp", "financial times", "ft",
           "wall street journal", "wsj", "new york times", "nyt", "washington post", "cnn", "bbc",
           "nikkei", "nikkei asia", "south china morning post", "scmp", "xinhua", "the information",
           "politico", "axios", "techcrunch", "the verge", "wired", "cnbc", "guardian", "the guardian",
           "economist", "the economist", "caixin", "global times", "yonhap", "kyodo", "semafor",
           "substack", "x", "twitter", "linkedin", "tass", "dpa", "le monde", "der spiegel", "nhk",
           "al jazeera", "fortune", "forbes", "business insider", "the register", "ars technica"}
NEVER = {"ai", "a.i.", "ml", "it", "ceo", "cfo", "cto", "gpu", "gpus", "llm", "llms", "eu-", "us-",
         "government", "the government", "state", "the state", "west", "western", "east", "internet"}

GROUP_HEADS = {"researcher", "scientist", "engineer", "physicist", "student", "worker", "official",
               "executive", "employee", "cryptographer", "chemist", "mathematician", "technician",
               "developer", "programmer", "specialist", "expert", "academic", "professor", "scholar",
               "investor", "journalist", "dissident", "hacker", "activist", "diplomat", "talent",
               "personnel", "staff", "professional", "virologist", "biologist", "technologist"}
#: heads that name a group on their own ("cryptographers"); the others need a field modifier
SPECIFIC_HEADS = {"cryptographer", "physicist", "virologist", "mathematician", "chemist", "dissident",
                  "hacker", "journalist", "biologist"}
FIELD_MODIFIERS = {"ai", "nuclear", "aerospace", "semiconductor", "chip", "quantum", "defence", "defense",
                   "military", "government", "state", "tech", "technology", "software", "hardware",
                   "biotech", "biotechnology", "telecom", "telecommunications", "crypto", "cryptography",
                   "cybersecurity", "security", "science", "scientific", "research", "graduate",
                   "doctoral", "postdoctoral", "phd", "foreign", "international", "overseas", "space",
                   "rocket", "missile", "machine-learning", "robotics", "battery", "energy", "party",
                   "intelligence", "public", "civil", "federal", "senior", "trade", "commerce",
                   "financial", "bank", "health", "medical", "data", "computer", "electrical",
                   "materials", "physics", "chemical", "weapons", "lithography", "fab", "factory",
                   "industrial", "mining", "rare-earth", "biological", "pharmaceutical", "academic",
                   "university", "migrant", "skilled", "high-skilled", "highly-skilled", "tech-sector",
                   "frontier", "model", "ml", "stem", "engineering", "private-sector"}
ALIAS_INTENSIFIERS = {"top", "leading", "elite", "senior", "prominent", "star", "brightest", "key", "best",
                     "top-tier", "world-class", "renowned"}
#: heads that name a population group only with a technical field ("AI executives", "chip workers")
WEAK_HEADS = {"official", "executive", "employee", "staff", "personnel", "worker", "professional", "expert",
              "specialist", "manager", "investor"}
DOMAIN_MODIFIERS = {"ai", "nuclear", "aerospace", "semiconductor", "chip", "quantum", "defence", "defense",
                    "tech", "technology", "software", "hardware", "biotech", "biotechnology", "telecom",
                    "telecommunications", "crypto", "cryptography", "cybersecurity", "space", "rocket", "missile",
                    "robotics", "battery", "intelligence", "data", "computer", "lithography", "fab", "factory",
                    "mining", "rare-earth", "pharmaceutical", "foreign", "overseas", "frontier", "model",
                    "machine-learning", "research", "science", "venture", "hedge-fund", "skilled", "migrant"}
INTENSIFIERS = {"top", "leading", "elite", "best", "many", "some", "several", "most", "all", "other",
                "certain", "key", "prominent", "star", "brightest", "more", "few", "numerous", "its",
                "their", "the", "these", "those", "such", "ordinary", "young", "talented", "hundreds",
                "thousands", "dozens", "of", "select", "individual", "own", "his", "her", "our", "your",
                "major", "veteran", "renowned", "notable", "top-tier", "world-class"}
TECH_HEADS = {"chip", "chips", "lithography", "gpu", "gpus", "processor", "processors", "accelerator",
              "accelerators", "semiconductors", "wafers", "memory"}
LAW_HEADS = {"Act", "Law", "Regulation", "Regulations", "Order", "Directive", "Rule", "Rules", "Bill",
             "Treaty", "Convention", "Ordinance", "Decree", "Code", "Statute", "Amendment", "Accords",
             "Accord", "Protocol"}


def _rule_patterns() -> dict[str, list]:
    cap = {"TEXT": {"REGEX": r"^[A-Z][\w\-\.&]*$"}}
    capw = {"TEXT": {"REGEX": r"^([A-Z0-9][\w\-\.&]*|of|and|on|for|the|in|to|&|-)$"}}
    return {
        "rule:legal-case": [
            [cap, {"TEXT": {"REGEX": r"^[A-Z][\w\-\.]*$"}, "OP": "*"}, {"LOWER": "case"}],
            [cap, {"TEXT": {"REGEX": r"^[A-Z][\w\-\.&]*$"}, "OP": "*"},
             {"LOWER": {"IN": ["v.", "v", "vs.", "versus"]}}, cap, {"TEXT": {"REGEX": r"^[A-Z][\w\-\.&]*$"}, "OP": "*"}],
        ],
        "rule:legislation": [
            [cap, capw, {"OP": "*", **capw}, {"TEXT": {"IN": sorted(LAW_HEADS)}}],
            [cap, {"TEXT": {"IN": sorted(LAW_HEADS)}}],
            [{"TEXT": "Executive"}, {"TEXT": "Order"}, {"LIKE_NUM": True}],
            [{"TEXT": {"IN": ["Section", "Article"]}}, {"LIKE_NUM": True}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"},
             cap, {"OP": "*", **capw}, {"TEXT": {"IN": sorted(LAW_HEADS)}}],
        ],
        "rule:technology": [
            [{"TEXT": {"REGEX": r"^([A-Z][A-Za-z]*\d[\w\-]*|[A-Z]{2,}\d*|\d+[A-Za-z]+\d*)$"}, "OP": "+"},
             {"LOWER": {"IN": sorted(TECH_HEADS)}}],
            [{"TEXT": {"REGEX": r"^[A-Z][a-z]+$"}, "POS": "PROPN"}, {"LOWER": {"IN": ["chips", "gpus", "processors", "accelerators"]}}],
        ],
        "rule:gov-possessive": [
            [{"ENT_TYPE": {"IN": ["GPE", "NORP"]}, "OP": "+"}, {"TAG": "POS", "OP": "?"},
             {"IS_LOWER": True, "POS": {"IN": ["NOUN", "ADJ", "PROPN"]}, "OP": "+"},
             {"LOWER": {"IN": sorted(GOV_HEADS)}}],
        ],
        "rule:company-cue": [
            [{"LOWER": {"IN": sorted(COMPANY_CONTEXT)}}, {"POS": "PROPN", "TEXT": {"REGEX": r"^[A-Z]"}, "OP": "+"}],
        ],
    }


@Language.factory("kg_entities",
                  assigns=["doc.spans", "doc._.kg_entities"],
                  requires=["doc.ents", "token.tag", "token.dep"],
                  default_config={"gazetteer": "default"})
def make_entities(nlp: Language, name: str, gazetteer: str) -> "EntityComponent":
    return EntityComponent(nlp, gazetteer)


class _CachedGaz:
    """The gazetteer with its surface look-ups (pure functions of the string) memoised: capitalised
    words and names recur within and across dispatches, and each look-up normalises the string anew."""

    def __init__(self, gaz):
        self._gaz = gaz
        self.lookup = functools.lru_cache(maxsize=50_000)(gaz.lookup)
        self.demonym = functools.lru_cache(maxsize=50_000)(gaz.demonym)
        if hasattr(gaz, "capital"):
            self.capital = functools.lru_cache(maxsize=50_000)(gaz.capital)

    def __getattr__(self, name):
        return getattr(self._gaz, name)


class EntityComponent:
    def __init__(self, nlp: Language, gazetteer: str = "default"):
        self.gazetteer_name = gazetteer
        self.gaz = _CachedGaz(get_gazetteer(gazetteer))
        self.by_key = {e.key: e for e in getattr(self.gaz, "entries", ())}
        # patterns that test POS run only on tagged docs (a blank pipeline has no tags)
        self.matcher, self.pos_matcher = Matcher(nlp.vocab), Matcher(nlp.vocab)
        for rule, pats in _rule_patterns().items():
            plain = [p for p in pats if not any("POS" in t for t in p)]
            tagged = [p for p in pats if any("POS" in t for t in p)]
            if plain:
                self.matcher.add(rule, plain, greedy="LONGEST")
            if tagged:
                self.pos_matcher.add(rule, tagged, greedy="LONGEST")

    # ------------------------------------------------------------------ candidate sources
    def _entry_mention(self, span: Span, entry, rule: str, conf: float, start=None, end=None) -> Mention:
        return Mention(surface=span.text, start=span.start_char if start is None else start,
                       end=span.end_char if end is None else end, type=entry.type, rule=rule,
                       confidence=conf, key=entry.key, name=entry.name, wikidata=entry.qid)

    def _gaz_candidates(self, doc: Doc) -> list[tuple[int, int, Mention]]:
        out = []
        for sp in doc.spans[GAZ_SPANS] if GAZ_SPANS in doc.spans else ():
            entry = self.by_key.get(sp.id_)
            if entry is None:
                entry = self.gaz.lookup(sp.text)
            if entry is None or sp.text.strip().lower() in NEVER:
                continue
            if len(sp) == 1 and sp.text.islower() and sp.text not in entry.surface_forms():
                continue  # "most" is not MOST (an acronym matched case-insensitively)
            # "Powerchip Semiconductor Manufacturing" + "Corporation": the suffix belongs to the name
            if entry.type in ("Company", "ResearchOrganization") and sp.end < len(doc) and \
                    doc[sp.end].is_title and doc[sp.end].lower_ in CORP_TAIL:
                sp = doc[sp.start:sp.end + 1]
            # "China's Ministry of Commerce": two mentions, so the possessive relation can be seen
            poss = [t.i for t in sp[1:-1] if t.tag_ == "POS" or t.text in ("'s", "’s")]
            if poss:
                left, right = doc[sp.start:poss[0]], doc[poss[0] + 1:sp.end]
                owner = self.gaz.lookup(left.text) or self.gaz.demonym(left.text)
                if owner is not None and owner.key != entry.key:
                    out.append((left.start, left.end, self._entry_mention(left, owner, "gazetteer",
                                                                         CONF["gazetteer"])))
                    out.append((right.start, right.end, self._entry_mention(right, entry, "gazetteer",
                                                                           CONF["gazetteer"])))
                    continue
            out.append((sp.start, sp.end, self._entry_mention(sp, entry, "gazetteer", CONF["gazetteer"])))
        return out

    def _rule_candidates(self, doc: Doc, titled: set[int]) -> list[tuple[int, int, Mention]]:
        out = []
        matches = self.matcher(doc) + (self.pos_matcher(doc) if doc.has_annotation("POS") else [])
        for match_id, start, end in sorted(matches, key=lambda x: (x[1], x[2], x[0])):
            rule = doc.vocab.strings[match_id]
            sp = doc[start:end]
            if sp.sent.start in titled and rule in ("rule:legislation", "rule:legal-case"):
                continue
            if rule == "rule:legal-case":
                while sp.start < sp.end and sp[0].lower_ in ("the", "a", "an"):
                    sp = doc[sp.start + 1:sp.end]
                if len(sp) < 2:
                    continue
                out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "LegalCase", rule,
                                                      CONF[rule])))
            elif rule == "rule:legislation":
                if sp[0].text in ("Section", "Article"):  # "Section 69A of the IT Act" -> the Act
                    of = next((t.i for t in sp if t.lower_ == "of"), None)
                    if of is not None:
                        sp = doc[of + 1:sp.end]
                while len(sp) > 1 and (sp[0].lower_ in ("the", "a", "an", "under", "new", "this", "that")
                                       or not sp[0].text[:1].isupper()):
                    sp = doc[sp.start + 1:sp.end]
                if len(sp) < 2 or sp[0].is_sent_start and len(sp) == 2 and sp[0].pos_ not in ("PROPN",):
                    continue
                known = self.gaz.lookup(sp.text)
                if known is None and len(sp) > 2 and (self.gaz.lookup(sp[0].text) or self.gaz.demonym(sp[0].text)):
                    known = self.gaz.lookup(sp[1:].text)  # "US CHIPS and Science Act"
                if known is not None and known.type == "Legislation":
                    out.append((sp.start, sp.end, self._entry_mention(sp, known, "gazetteer", CONF["gazetteer"])))
                    continue
                out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "Legislation", rule,
                                                      CONF[rule])))
            elif rule == "rule:technology":
                mod = doc[start:end - 1]
                e = self.gaz.lookup(mod.text)
                if e is not None and e.type != "Technology":
                    continue  # "Nvidia chips": a company's products, not a named technology
                if mod.text.lower() in NEVER:
                    continue
                out.append((start, end, Mention(sp.text, sp.start_char, sp.end_char, "Technology", rule,
                                                CONF[rule])))
            elif rule == "rule:gov-possessive":
                lead = [t for t in sp if t.ent_type_ in ("GPE", "NORP")]
                owner_text = doc[sp.start:lead[-1].i + 1].text if lead else ""
                owner = self.gaz.lookup(owner_text) or self.gaz.demonym(owner_text)
                if owner is None or owner.type not in ("Country", "Bloc") or lead[0].i != sp.start:
                    continue
                known = self.gaz.lookup(sp.text)
                if known is not None:  # a gazetteer form written with a possessive
                    out.append((sp.start, sp.end, self._entry_mention(sp, known, "gazetteer", CONF["gazetteer"])))
                    continue
                out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "GovernmentBody",
                                                      rule, CONF[rule])))
            elif rule == "rule:company-cue":
                name = doc[start + 1:end]
                e = self.gaz.lookup(name.text)
                if e is not None or name.text.lower() in NEVER or name.text.lower() in OUTLETS:
                    continue
                out.append((start + 1, end, Mention(name.text, name.start_char, name.end_char, "Company", rule,
                                                    CONF[rule])))
        return out

    def _group_candidates(self, doc: Doc) -> list[tuple[int, int, Mention]]:
        out = []
        chunks = list(doc.noun_chunks) if doc.has_annotation("DEP") else []
        seen_roots = set()
        for ch in chunks:
            root = ch.root
            seen_roots.add(root.i)
            lemma = root.lemma_.lower() if root.lemma_ else root.lower_
            if lemma not in GROUP_HEADS and root.lower_.rstrip("s") not in GROUP_HEADS:
                continue
            if root.tag_ not in ("NNS", "NNPS") and lemma not in ("talent", "personnel", "staff"):
                continue
            mods = [t for t in doc[ch.start:root.i]]
            # keep the contiguous modifiers right before the root, minus determiners/intensifiers
            kept = []
            for t in reversed(mods):
                if t.lower_ in INTENSIFIERS or t.pos_ in ("DET", "PRON", "NUM", "PUNCT", "CCONJ", "ADP") \
                        or t.dep_ in ("poss", "det", "nummod", "predet"):
                    break
                kept.insert(0, t)
            if lemma in WEAK_HEADS:  # "Italian officials", "senior executives": not population groups
                fieldish = [t for t in kept if t.lower_ in DOMAIN_MODIFIERS or t.is_upper and len(t) > 1]
            else:
                fieldish = [t for t in kept if t.lower_ in FIELD_MODIFIERS or self.gaz.demonym(t.text) is not None
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
                name = " ".join(self._group_case(t) for t in kept) + " " + root.lower_
                name = name.replace(" - ", "-")
            sp = doc[start:root.i + 1]
            # the alias keeps adjectives like "top" ("top AI researchers"), not numbers or determiners
            a = start
            while a > ch.start and doc[a - 1].lower_ in ALIAS_INTENSIFIERS:
                a -= 1
            alias_sp = doc[a:root.i + 1]
            aliases = tuple({clean(alias_sp.text)} - {name}) if alias_sp.start < sp.start else ()
            out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, "Group", "rule:group",
                                                  CONF["rule:group"], name=name, aliases=aliases)))
        return out

    def _appositive_companies(self, doc: Doc, taken, occupied: set[int], skip) -> list:
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
            if sp.text.lower() in NEVER or sp.text.lower() in OUTLETS or self.gaz.lookup(sp.text) or \
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

    def _country_named_org(self, doc: Doc, cand) -> bool:
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
            if s + k < e and self.gaz.lookup(doc[s + k:e].text) is not None:
                return False
        return any(self.gaz.lookup(doc[i:j].text) is not None
                   for i in range(s, e) for j in range(i + 1, min(i + 4, e + 1))
                   if (self.gaz.lookup(doc[i:j].text) or _NoEntry).type in ("Country", "Bloc"))

    def _prefix_countries(self, doc: Doc, taken) -> list:
        """"U.S. Commerce Department", "Dutch trade ministry": the country in a body's name is a
        mention too (nested), so ``kg_relations`` can state partOf."""
        out = []
        for s, e, m in taken:
            if m.type != "GovernmentBody" or e - s < 2:
                continue
            for k in (3, 2, 1):
                if s + k >= e:
                    continue
                pre = doc[s:s + k]
                entry = self.gaz.lookup(pre.text)
                rule = "gazetteer"
                if entry is None and k == 1:
                    entry, rule = self.gaz.demonym(pre.text), "gazetteer:demonym"
                if entry is not None and entry.type in ("Country", "Bloc"):
                    out.append((pre.start, pre.end, self._entry_mention(pre, entry, rule, CONF[rule])))
                    break
        return out

    @staticmethod
    def _retype_by_context(doc: Doc, taken) -> None:
        """NER people coordinated with companies are companies ("Naura and Piotech")."""
        company_toks = {i for s, e, m in taken if m.type == "Company" for i in range(s, e)}
        for s, e, m in taken:
            if m.rule != "ner:PERSON":
                continue
            root = doc[s:e].root
            linked = [root.head] if root.dep_ == "conj" else []
            linked += [c for c in root.children if c.dep_ == "conj"]
            if any(t.i in company_toks for t in linked):
                m.type = "Company"

    def _group_case(self, tok) -> str:
        if tok.is_upper or self.gaz.demonym(tok.text) is not None:
            return tok.text
        return tok.lower_

    def _token_candidates(self, doc: Doc) -> list[tuple[int, int, Mention]]:
        out = []
        for tok in doc:
            if not tok.text[:1].isupper():
                continue
            glued = _GLUED.match(tok.text)  # "U.S.-based" is one token
            if glued:
                pre = glued.group(1)
                e = self.gaz.lookup(pre) or self.gaz.demonym(pre)
                if e is not None and e.type in ("Country", "Bloc"):
                    out.append((tok.i, tok.i + 1, Mention(pre, tok.idx, tok.idx + len(pre), e.type,
                                                          "gazetteer:demonym", CONF["gazetteer:demonym"],
                                                          key=e.key, name=e.name, wikidata=e.qid)))
                continue
            e = self.gaz.demonym(tok.text)
            if e is not None and (tok.pos_ in ("ADJ", "PROPN", "NOUN", "") or tok.ent_type_ == "NORP"):
                sp = doc[tok.i:tok.i + 1]
                out.append((tok.i, tok.i + 1, self._entry_mention(sp, e, "gazetteer:demonym",
                                                                   CONF["gazetteer:demonym"])))
                continue
            e = self.gaz.capital(tok.text) if hasattr(self.gaz, "capital") else None
            if e is None:
                continue
            # a multi-word capital ("The Hague", "New Delhi") ends at this token
            based = tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and \
                doc[tok.i + 2].lower_ in ("based", "headquartered")
            if based or self._metonym_position(tok):
                sp = doc[tok.i:tok.i + 1]
                out.append((tok.i, tok.i + 1, self._entry_mention(sp, e, "gazetteer:capital",
                                                                   CONF["gazetteer:capital"])))
        return out

    @staticmethod
    def _metonym_position(tok) -> bool:
        head = tok
        while head.dep_ in ("conj", "compound") and head.head is not head:
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
            return True
        return head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.tag_ == "VBN"

    def _ner_candidates(self, doc: Doc) -> list[tuple[int, int, Mention]]:
        out = []
        for ent in doc.ents:
            sp = ent
            while len(sp) > 1 and sp[0].lower_ in ("the", "a", "an"):
                sp = doc[sp.start + 1:sp.end]
            # "China's Ministry of Commerce": the body starts after the possessive
            for t in sp:
                if t.tag_ == "POS" and t.i + 1 < sp.end and t.i > sp.start:
                    owner = doc[sp.start:t.i].text
                    if self.gaz.lookup(owner) is not None or self.gaz.demonym(owner) is not None:
                        sp = doc[t.i + 1:sp.end]  # but "People's Liberation Army" stays whole
                    break
            while len(sp) > 1 and sp[-1].tag_ == "POS":
                sp = doc[sp.start:sp.end - 1]
            if ent.label_ == "PERSON":  # "Yoon Suk" + "Yeol": NER often stops one name short
                end = sp.end
                while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and \
                        not doc[end].ent_type_ and not doc[end].is_sent_start and end - sp.start < 4:
                    end += 1
                sp = doc[sp.start:end]
            text = clean(sp.text)
            low = text.lower()
            if not text or low in NEVER or low in OUTLETS or not any(c.isalpha() for c in text):
                continue
            typ = self._ner_type(ent.label_, sp, doc)
            if typ is None:
                continue
            if isinstance(typ, tuple):  # resolved to a gazetteer entry
                entry, rule = typ
                out.append((sp.start, sp.end, self._entry_mention(sp, entry, rule, CONF.get(rule, 0.6))))
                continue
            out.append((sp.start, sp.end, Mention(sp.text, sp.start_char, sp.end_char, typ,
                                                  f"ner:{ent.label_}", CONF["ner"])))
        return out

    def _ner_type(self, label: str, sp: Span, doc: Doc):
        entry = self.gaz.lookup(sp.text)
        if entry is not None:
            return entry, "gazetteer"
        if label == "PERSON":
            if any(t.lower_ in COMPANY_SUFFIX for t in sp[1:]) or \
                    any(t.is_upper and len(t) > 1 and t.is_alpha for t in sp):
                return "Company"  # "Zhipu AI", "SK Hynix": NER calls them people
            if _company_context(sp, doc):
                return "Company"
            if len(sp) == 1 and (sp[0].is_upper or sp[0].pos_ not in ("PROPN",)):
                return None
            if len(sp) == 1 and sp.start > 0 and doc[sp.start - 1].lower_ in ("in", "near", "at", "from", "outside"):
                return None  # "plants in Kumamoto": a place the NER took for a person
            return "Person"
        if label == "ORG":
            if sp[-1].lower_ in PROGRAMME_HEADS or (len(sp) == 1 and sp[0].pos_ == "NOUN"):
                return None  # "Academic Technology Approval Scheme", a stray "Education"
            return org_type(sp, doc)
        if label == "GPE":
            return None  # countries come from the gazetteer; cities are not entities
        if label == "NORP":
            e = self.gaz.demonym(sp.text)
            return (e, "gazetteer:demonym") if e is not None else None
        if label == "LAW":
            if any(t.text in LAW_HEADS for t in sp) and len(sp) > 1:
                return "Legislation"
            return None
        if label == "PRODUCT":
            if any(c.isdigit() for c in sp.text) or (sp.end < len(doc) and doc[sp.end].lower_ in TECH_HEADS):
                return "Technology"
            if _company_context(sp, doc):
                return "Company"
            return None
        return None

    # ------------------------------------------------------------------ assembly
    def __call__(self, doc: Doc) -> Doc:
        skip = doc._.kg_skip or []
        titled = _titled_sentences(doc)
        ranked = [(3, c) for c in self._gaz_candidates(doc)]
        ranked += [(3 if c[2].type in ("Legislation", "LegalCase", "GovernmentBody") or c[2].key else 2, c)
                   for c in self._rule_candidates(doc, titled)]
        ranked += [(2, c) for c in self._group_candidates(doc)]
        ranked += [(2, c) for c in self._token_candidates(doc)]
        ner = self._ner_candidates(doc)
        # headlines in title case fool the NER ("Citing Data Security"): there, keep only names
        # the body repeats or the gazetteer resolved
        body_names = {c[2].surface.lower() for c in ner if doc[c[0]].sent.start not in titled}
        ner = [c for c in ner if doc[c[0]].sent.start not in titled or c[2].key
               or c[2].surface.lower() in body_names]
        ranked += [(3 if self._country_named_org(doc, c) else 1, c) for c in ner]
        ranked = [(p, c) for p, c in ranked if not in_ranges(c[2].start, c[2].end, skip)]
        # gazetteer and name rules win over NER; longer wins among equals ("European Chips Act" over
        # "European"); at equal length the gazetteer wins
        ranked.sort(key=lambda x: (-x[0], -(x[1][1] - x[1][0]), x[1][2].rule != "gazetteer", x[1][0]))
        taken: list[tuple[int, int, Mention]] = []
        occupied: set[int] = set()
        for _, (s, e, m) in ranked:
            if any(i in occupied for i in range(s, e)):
                if m.type == "Group" and m.rule == "rule:group":  # keep "top AI researchers" as an alias
                    for s2, e2, m2 in taken:
                        if m2.type == "Group" and e2 == e and s <= s2:
                            m2.aliases = tuple(sorted(set(m2.aliases) | set(m.aliases) | {clean(m.surface)}))
                continue
            taken.append((s, e, m))
            occupied.update(range(s, e))
        # names inside a legal case name are mentions too ("Meng Wanzhou case" -> Meng Wanzhou)
        for s, e, m in list(taken):
            if m.type == "LegalCase":
                inner = [(p, c) for p, c in ranked if s <= c[0] and c[1] <= e and c[2] is not m
                         and c[2].type != "LegalCase"]
                if inner:
                    inner.sort(key=lambda x: (-x[0], -(x[1][1] - x[1][0])))
                    taken.append(inner[0][1])
                else:
                    name_sp = doc[s:e - 1] if doc[e - 1].lower_ == "case" else None
                    if name_sp is not None and len(name_sp) >= 2 and all(t.pos_ == "PROPN" for t in name_sp):
                        taken.append((name_sp.start, name_sp.end,
                                      Mention(name_sp.text, name_sp.start_char, name_sp.end_char, "Person",
                                              "rule:case-person", CONF["rule:case-person"])))
        taken += self._prefix_countries(doc, taken)
        taken.sort(key=lambda x: (x[0], x[1]))
        occupied = {i for s, e, _ in taken for i in range(s, e)}
        taken += self._appositive_companies(doc, taken, occupied, skip)
        taken.sort(key=lambda x: (x[0], x[1]))
        self._retype_by_context(doc, taken)
        _known_as(doc, taken)
        mentions = [m for _, _, m in taken]
        clusters = resolve(mentions, doc.text, self.gaz)
        entities: dict[str, Entity] = dict(doc._.kg_entities or {})
        spans: list[Span] = []
        did = doc._.kg_dispatch_id
        for c in clusters:
            evid = []
            for m in c.mentions:
                sp = doc.char_span(m.start, m.end, alignment_mode="expand")
                if sp is None:
                    continue
                sent = sp.sent
                evid.append(Evidence(dispatch_id=did, sentence=sent.text.strip(), start=sent.start_char,
                                     end=sent.end_char, rule=m.rule, confidence=m.confidence))
                span = Span(doc, sp.start, sp.end, label=c.type)
                span.id_ = c.key
                spans.append(span)
            ent = Entity(key=c.key, type=c.type, name=c.name, aliases=c.aliases, wikidata=c.wikidata,
                         mentions=tuple(_uniq(evid)))
            if c.key in entities:
                from kg.link.merge import merge_entities

                ent = merge_entities(entities[c.key], ent)
            entities[c.key] = ent
        doc.spans[MENTIONS] = sorted(spans, key=lambda s: (s.start, s.end))
        doc._.kg_entities = entities
        self._ts = []
        return doc


_KNOWN_AS = re.compile(r"^\s*,?\s*(?:\(\s*|(?:\w+ly\s+)?(?:known|referred to|called|dubbed|nicknamed)"
                       r"(?:\s+\w+ly)?\s+as\s+)(?:the\s+)?$", re.I)


def _known_as(doc: Doc, taken: list) -> None:
    """"A, known as B" / "A (B)": B is another name of A (same entity)."""
    for (s1, e1, a), (s2, e2, b) in zip(taken, taken[1:]):
        if e1 > s2 or a.type != b.type or (a.key and b.key) or not _KNOWN_AS.match(doc.text[a.end:b.start]):
            continue
        # Token.sent walks the document: ask only for candidates, or long texts take quadratic time
        if doc[s1].sent.start == doc[s2].sent.start:
            if a.key:
                b.key, b.name, b.wikidata = a.key, a.name, a.wikidata
            elif b.key:
                a.key, a.name, a.wikidata = b.key, b.name, b.wikidata
            else:
                b.name = a.name = a.name or clean(a.surface)


class _NoEntry:
    type = None


_GLUED = re.compile(r"^(.+?)-(?:based|headquartered|owned|made|built|backed|listed|controlled|funded)$")


def _uniq(seq):
    seen = {}
    for x in seq:
        seen.setdefault(x, None)
    return list(seen)


def _titled_sentences(doc: Doc) -> set[int]:
    """Sentence starts of headline-like lines (most words capitalised): no capitalisation rules there."""
    out = set()
    if not doc.has_annotation("SENT_START"):
        return out
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        last = [t for t in sent if not t.is_space][-1:]
        if last and last[0].text in (".", "!", "?", '"', "”", ":"):
            continue  # a headline rarely ends like a sentence
        if len(words) >= 3 and sum(t.text[0].isupper() for t in words) / len(words) > 0.7:
            out.add(sent.start)
    return out


def _company_context(sp: Span, doc: Doc) -> bool:
    left = doc[max(sp.start - 3, 0):sp.start]
    if any(t.lower_ in COMPANY_CONTEXT for t in left):
        return True
    right = doc[sp.end:min(sp.end + 5, len(doc))]
    return len(right) > 1 and right[0].text == "," and any(t.lower_ in COMPANY_CONTEXT for t in right)


def org_type(sp: Span, doc: Doc) -> str:
    """Project type of an ORG span from cue words in the name and its context."""
    words = [t.lower_ for t in sp]
    text = sp.text
    if any(w in GOV_CUES for w in words):
        return "GovernmentBody"
    if any(w in RESEARCH_CUES for w in words) or re.search(r"\b(?:Center|Centre) for\b", text) \
            or (words[-1] in ("lab", "laboratory") and len(words) > 1 and words[-2] not in ("ai",)):
        return "ResearchOrganization"
    if any(w in BLOC_CUES for w in words):
        return "Bloc"
    return "Company"
