"""Trigger finding: which phrases name a measure, of which kind, and which of them make no event.

Decides (1) where trigger phrases (:mod:`kg.nlp.lexicon.measures`) occur in a sentence — longest
first, a specific measure before a generic one over the same tokens; (2) the kind of a generic
trigger from the words of its object ("curbs on exports" -> ExportControl); (3) the filters:
negated triggers ("is not merely subsidising"), measures the speaker only evaluates ("called the
decision an abuse of export controls") and challenges that are no legal action.
"""
from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from kg.nlp.events.context import DocContext
from kg.nlp.events.governments import actor_of_token
from kg.nlp.events.ownership import firm_bought, firm_sold, foreign_access
from kg.nlp.events.syntax import object_tokens
from kg.nlp.lexicon import cues as CUES
from kg.nlp.lexicon import measures as M
from kg.nlp.start_matcher import StartMatcher

# rule 'veto-deal' (triggers.yaml): verbs of refusing a transaction
VETO_RULES = frozenset({"veto-deal", "turn-down-deal"})


class TriggerIndex:
    """The trigger phrases compiled for one pipeline: a matcher (indexed by first word, :mod:`kg.nlp.start_matcher`),
    rule name -> measure, and the lower-case forms a trigger token can have (it only runs over runs of such tokens)."""

    def __init__(self, vocab: Vocab):
        self.matcher = StartMatcher(vocab)
        self.rules: dict[str, str | None] = {}
        words: set[str] = set()
        single: set[str] = set()
        for rule, measure, phrase in M.TRIGGERS:
            pattern = M.compile_phrase(phrase)
            self.matcher.add(rule, [pattern])
            self.rules[rule] = measure
            required = [spec for spec in pattern if "OP" not in spec]
            for spec in pattern:
                v = spec["LOWER"]
                forms = v["IN"] if isinstance(v, dict) else [v]
                words.update(forms)
                # a lone token matches this pattern only if it is its one required token (or any, if none is)
                if len(required) == 0 or (len(required) == 1 and spec is required[0]):
                    single.update(forms)
        # every token of a trigger match has one of these lowercase forms: the Matcher (every token x
        # every pattern) only needs to run over runs of such tokens, which gives the same matches
        self.lowers = frozenset(get_string_id(w) for w in words)
        self.single_lowers = frozenset(get_string_id(w) for w in single)


def find_triggers(ctx: DocContext, sent: Span) -> list[tuple[str, Span]]:
    flags, doc = ctx.trig_tok, ctx.doc
    matches: list[Span] = []
    i, end = sent.start, sent.end
    while i < end:
        if not flags[i]:
            i += 1
            continue
        j = i + 1
        while j < end and flags[j]:
            j += 1
        if j - i > 1 or ctx.trig_single[i]:  # a lone token that completes no pattern cannot match
            matches.extend(ctx.triggers.matcher(doc[i:j], as_spans=True))
        i = j
    # longest first; a specific measure beats a generic one over the same tokens
    matches.sort(key=lambda sp: (-(sp.end - sp.start), ctx.triggers.rules[sp.label_] is None, sp.start))
    taken: set[int] = set()
    out = []
    for sp in matches:
        if any(i in taken for i in range(sp.start, sp.end)):
            continue
        taken.update(range(sp.start, sp.end))
        out.append((sp.label_, sp))
    return sorted(out, key=lambda x: x[1].start)


def negated(ctx: DocContext, head: Token, verb: Token | None) -> bool:
    chain = [head, verb]
    if verb is not None and verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "is not merely subsidising ... or restricting"; rule 'own-subject-conj': a coordinated clause with a
        # subject of its own keeps its own polarity ("X is not the first country to do so - Y also imposed a ban")
        chain.append(verb.head)
    if head.dep_ == "pobj" and head.head.lower_ == "without":
        return True  # "Without a ban, this knowledge would flow to X": no ban
    for t in chain:
        if t is None:
            continue
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX") and any(  # "no illegal data collection is sanctioned by Beijing"
                c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
                for c in t.children):
            return True
    left = list(ctx.doc[max(head.sent.start, head.i - 3):head.i])
    if head.dep_ == "conj" and head.head.i < head.i:  # "they don't bar entry or restrict access": the first verb's
        left = [*left, *ctx.doc[max(head.sent.start, head.head.i - 3):head.head.i]]
    return any(t.lower_.replace("\u2019", "'") in ("not", "n't", "never", "no") for t in left)  # "don’t"


def hypothetical(ctx: DocContext, head: Token) -> bool:
    """Rule 'hypothetical': a measure in a clause opened by "if" or "unless" (`condition_marks`) is a condition,
    not a measure taken ("if state subsidies are being paid to fund the plant", "would retaliate if Washington
    imposed new curbs"); a measure that is the subject of a "whether" clause is a question of fact ("will
    determine whether such subsidies have harmed ..."), while "whether to impose duties" stays a measure discussed.
    Read on the trigger and the verbs above it, up to the first verb with its own subject."""
    if not ctx.parsed:
        return False
    t, prev = head, None
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
            if marks & M.CONDITION_MARKS:
                return True
            if "whether" in marks and prev is not None and prev.i == head.i and head.dep_ in ("nsubj", "nsubjpass"):
                return True
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
                return conditioned(t)
        if t.head.i == t.i:
            return False
        t, prev = t.head, t
    return False


def conditioned(verb: Token) -> bool:
    """Rule 'conditional-measure': the clause of the measure opens with an adverbial clause led by "if" or "unless"
    ("If a data breach occurs, the authority will investigate the operator", "If it fails to delete the records,
    X faces a fine"): the measure is a contingency the text describes, not one taken or announced. A trailing
    condition ("must obtain licences if they ship abroad", "may veto deals if they threaten security") states the
    scope of a rule and stays a measure."""
    return any(c.dep_ == "advcl" and c.i < verb.i and any(m.dep_ == "mark" and m.lower_ in M.CONDITION_MARKS
                                                          for m in c.children) for c in verb.children)


def refine(ctx: DocContext, measure: str | None, rule: str, span: Span, head: Token) -> str | None:
    obj = object_tokens(ctx, span, head) + verb_on_phrase(ctx, head)
    if ctx.parsed:  # rule 'reason-over': "a ban over data privacy concerns" — the reason does not give the kind
        reason = {t.i for c in [*head.children, *obj] if c.dep_ == "prep" and c.lower_ in M.REASON_OVER
                  for t in c.subtree}
        obj = [t for t in obj if t.i not in reason]
    words = {t.lower_ for t in obj} | {t.lower_ for t in span} | title_object(span)
    if rule == "remove-kit":
        # rule 'remove-kit': removing kit *from* networks, buildings or devices bans it there; "removed X from the
        # list" is a listing, "Apple removed the app" (no place) no measure
        places = [p for t in head.subtree if t.lower_ == "from" for p in t.children if p.dep_ == "pobj"]
        if not places or any(p.lemma_.lower() in M.LIST_NOUNS for p in places) or company_subject(ctx, head):
            return None
        return "Ban"
    if rule == "keep-from" and not keeps_from(ctx, head):
        return None
    if rule == "bar-investing" and ctx.parsed and acquires_goods(ctx, span[-1]):
        return "ExportControl"
    if rule == "licence-needed":
        # impersonal "exports of gallium would need a licence": the kind is in the subject only
        words = {t.lower_ for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    if measure == "ExportControl" and sales_ban(span, words):
        return "Ban"
    if rule == "court-ruling" and ruling_on_data(obj + said_by(head)):
        return "DataRestriction"  # rule 'court-ruling': "the Schrems II ruling on transfers of personal data"
    if measure == "Agreement" and (words | verb_args(head)) & M.FUNDING_WORDS:
        return "Subsidy"  # rule 'funding-agreement': "reached agreement on terms to award ... funding"
    if measure == "Subsidy" and (attracts_talent(head) or (head.dep_ != "pobj" and attracts_talent(head.sent.root))):
        return "TalentProgram"  # rule 'talent-fund': "a fund aimed at attracting top researchers"
    if measure == "Sanction" and penalty_context(ctx, span):
        return "LegalAction"
    if measure == "Sanction" and head.pos_ == "NOUN" and {t.lower_ for t in obj} & M.EXPORT_WORDS:
        return "ExportControl"  # rule 'export-sanctions': "sanctions related to the export of advanced chips"
    if measure == "Regulation" and ctx.parsed and head.dep_ == "dobj":
        # "introduced regulations for firms to apply for licences to export": the purpose clause may hang on
        # the verb
        words = words | {t.lower_ for c in head.head.children if c.dep_ in ("advcl", "xcomp") for t in c.subtree}
    if measure == "Regulation":
        if ctx.parsed and head.dep_ in ("nsubj", "nsubjpass") and head.head.i != head.i:
            # "the new regulations apply to the export of ...": the rule's content is its verb's other arguments
            words |= {t.lower_ for c in head.head.children if c.i != head.i and c.dep_ not in ("nsubj", "nsubjpass")
                      for t in c.subtree}
        # rule 'regulation-kind': "export control regulations", "a regulation to screen foreign direct
        # investment" are rules of a narrower kind, told by the words of the rule's own phrase
        for kind, cue_words in M.REGULATION_KINDS:
            if words & cue_words:
                return kind
    if measure in (None, "Ban") and ctx.parsed and (firm_sold(ctx, obj) or firm_bought(ctx, obj)):
        return "InvestmentRestriction"  # rule 'firm-sale': "blocks sale of two chipmakers to China" sells firms
    if measure in (None, "Ban", "Regulation") and ctx.parsed and foreign_access(ctx, obj + acl_tokens(head)):
        return "ExportControl"
    if measure is None or measure == "Ban" or (measure == "Review" and words & {"export", "exports"}):
        for kind, object_cues in M.OBJECT_CUES:
            if words & set(object_cues):
                if measure == "Ban" and kind == "Ban":
                    return "Ban"
                if measure == "Ban" and kind == "ExportControl" and (
                        words & set(object_cues) <= M.SALE_WORDS | M.HOME_BAN_GOODS or words & M.USE_WORDS) \
                        and not abroad(span, words):
                    return "Ban"  # rules 'sales-ban', 'ban-use', 'ban-equipment': "ban the sale of X software" at home
                if measure == "Review" and kind != "ExportControl":
                    continue
                if rule in VETO_RULES and words & set(object_cues) <= {"deal", "deals"}:
                    return None  # rule 'veto-deal': "vetoes the cooperation deal" cancels an agreement, no takeover
                return kind
    if measure is None and ctx.parsed and (blocked_service(ctx, head) or barred_firm(ctx, head)):
        return "Ban"
    return measure


def barred_firm(ctx: DocContext, head: Token) -> bool:
    """Rule 'bar-firm-from': barring or restricting a named company *from* doing something ("the central bank barred
    X from issuing new cards", "restricted X and Y from adding new customers", "X was barred from offering loans")
    forbids the firm that activity where the actor rules: a Ban, when the activity names no kind of its own (the
    object cues come first: "barred X from buying chips" is the procurement ban, "from exporting" an export control)."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in M.BAR_FROM_VERBS:
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "from" and any(
            g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children) for c in head.children):
        return False
    for o in (c for c in head.children if c.dep_ in ("dobj", "nsubjpass")):
        for t in (o, *o.conjuncts):
            sp = ctx.ment(t)
            if sp is not None and sp.label_ == "Company" and sp.root.i == t.i:
                return True
    return False


def acquires_goods(ctx: DocContext, verb: Token) -> bool:
    """Rule 'acquire-goods': barring a party from acquiring technology or goods ("measures to stop Iran from
    acquiring sensitive technologies") keeps goods from it, an export control; acquiring a firm or assets ("from
    acquiring a Dutch chip designer", "from acquiring local assets") stays an investment restriction. The object
    is read for a Technology mention or a goods word (`goods_words`) and no organisation."""
    objs = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
    if any((sp := ctx.ment(t)) is not None and sp.label_ in ("Company", "ResearchOrganization") for t in objs):
        return False
    return any(t.lower_ in M.GOODS_WORDS or ((sp := ctx.ment(t)) is not None and sp.label_ == "Technology")
               for t in objs)


def blocked_service(ctx: DocContext, head: Token) -> bool:
    """Rule 'block-service': blocking, restricting or suspending a named company or product itself ("Italy's
    watchdog blocked DeepSeek", "WhatsApp and Skype are restricted in Qatar", "Russia suspended Telegram") shuts the
    service down where the actor rules: a Ban. Only the name as direct object or passive subject; a purchase, a sale
    or a deal of it takes its kind from the object cues."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in ("block", "suspend", "restrict"):
        return False
    for o in (c for c in head.children if c.dep_ in ("dobj", "nsubjpass")):
        if o.dep_ == "dobj" and head.lemma_.lower() == "restrict":
            continue  # "restricted Huawei" may be exports to it
        for t in (o, *o.conjuncts):
            sp = ctx.ment(t)
            if sp is not None and sp.label_ in ("Company", "Technology") and sp.root.i == t.i:
                return True
    return False


def keeps_from(ctx: DocContext, verb: Token) -> bool:
    """Rule 'keep-from': prevent / forbid keep a party *from* something ("prevent agencies from installing X
    cameras"; not "a move designed to prevent the leakage of knowledge"); deny / refuse withhold a thing ("deny
    their employees visas", "refusing visas to X"), not a claim ("the company has long denied supplying arms").
    A company subject denies or refuses for itself: no government measure."""
    if not ctx.parsed or verb.pos_ != "VERB" or company_subject(ctx, verb):
        return False
    if verb.lemma_.lower() in ("prevent", "forbid"):
        return any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)
    return any(c.dep_ in ("dobj", "dative", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "PRON")
               for c in verb.children)


def company_subject(ctx: DocContext, verb: Token) -> bool:
    """The subject of ``verb``, or of the verb above it ("Apple and Google have five days to remove the app"), is a
    company: its removal of content or apps is no government measure."""
    verbs = [verb] + [a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")][:1]
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                for t in [c, *c.conjuncts]:
                    sp = ctx.ment(t)
                    if (sp is not None and sp.label_ == "Company") or t.lemma_.lower() in M.COMPANYISH:
                        return True
    return False


def title_object(span: Span) -> set[str]:
    """Rule 'title-object': in a headline set in title case ("Council Approves Regulation to Screen Inbound Foreign
    Investment: What ..."), the parse of capitalised words is unreliable; the words after the trigger up to the
    next punctuation mark count as its object."""
    sent = span.sent
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < 4 or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
        return set()
    out = set()
    for t in sent.doc[span.end:sent.end]:
        if t.is_punct:
            break
        out.add(t.lower_)
    return out


def verb_on_phrase(ctx: DocContext, head: Token) -> list[Token]:
    """Rule 'verb-on': the parser often hangs the "on"/"against" phrase of a measure noun on the verb whose object
    it is ("unveiled new curbs on chip exports to China", "imposed restrictions on exports of gallium"): that
    phrase still says what the measure restricts (`aim_on_preps`)."""
    if not ctx.parsed or head.pos_ not in ("NOUN", "PROPN"):
        return []
    # rule 'relcl-on': "a ban that applies from Monday on exports of X": the phrase may hang on the verb of a
    # relative clause on the measure noun
    verbs = [c for c in head.children if c.dep_ == "relcl"] + ([head.head] if head.dep_ == "dobj" else [])
    return [t for v in verbs for p in v.children if p.dep_ == "prep" and p.i > head.i and p.lower_ in M.AIM_ON_PREPS
            for t in p.subtree]


def acl_tokens(head: Token) -> list[Token]:
    """The words of a participle clause on a measure noun ("rules aimed at restricting X's ability to ...")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    return [t for c in head.children if c.dep_ == "acl" for t in c.subtree]


def ruling_on_data(toks: list[Token]) -> bool:
    """Rule 'court-ruling': the ruling's object or what it says speaks of data or its transfer ("data
    protection" authorities are a body, not the topic)."""
    return any((t.lower_ == "data" and t.head.lower_ != "protection") or t.lower_ in ("transfer", "transfers")
               for t in toks)


def said_by(head: Token) -> list[Token]:
    """What a ruling says: the complement clause of the verb "ruled", or of the verb whose subject the
    ruling noun is ("The ruling established that ...")."""
    verb = head.head if head.dep_ == "nsubj" else head
    return [t for c in verb.children if c.dep_ == "ccomp" for t in c.subtree]


def verb_args(head: Token) -> set[str]:
    """Words of the other complements of the verb whose object ``head`` is ("reached agreement with X on
    terms to award $2 billion in funding": the terms belong to the agreement)."""
    if head.dep_ != "dobj":
        return set()
    return {t.lower_ for c in head.head.children if c.dep_ in ("prep", "advcl", "xcomp") for t in c.subtree}


def attracts_talent(tok: Token) -> bool:
    """``tok`` governs a verb of attracting people whose object is talent ("aims to attract founders and
    technical experts", "a fund aimed at attracting top researchers")."""
    for t in tok.subtree:
        if t.pos_ == "VERB" and t.lemma_.lower() in M.ATTRACT_VERBS:
            objs = [c for c in t.children if c.dep_ == "dobj"]
            if any(o.lemma_.lower() in M.TALENT_NOUNS for c in objs for o in [c, *c.conjuncts]):
                return True
    return False


def penalty_context(ctx: DocContext, span: Span) -> bool:
    """Rule 'penalty-sanction': "sanctions" a regulator hands down beside fines ("announced new sanctions
    under the Digital Markets Act. Apple has been fined ...") are a penalty — LegalAction — not a
    sanctions regime; read in the trigger's sentence and the sentences either side of it."""
    sent = span.sent
    sents = ctx.sents
    idx = next((i for i, x in enumerate(sents) if x.start == sent.start), None)
    if idx is None:
        return False
    para = ctx.para_of(sent.start_char)
    near = [x for x in sents[max(0, idx - 1):idx + 2] if ctx.para_of(x.start_char) == para or x.start == sent.start]
    return any(t.lower_ in M.PENALTY_WORDS for x in near for t in x)


def sales_ban(span: Span, words: set[str]) -> bool:
    """Rule 'sales-ban': "banned sales of Huawei phones", "halted the sale of the app" is a Ban on a
    market, not an export control, unless the clause sends the goods abroad ("sales to China",
    "exports", "overseas")."""
    trig = {t.lower_ for t in span}
    if not trig & M.SALE_WORDS or trig & M.EXPORT_WORDS:
        return False
    return not abroad(span, words)


def abroad(span: Span, words: set[str]) -> bool:
    """The clause of ``span`` sends goods abroad: an export word or "to/abroad/overseas" in the
    trigger's object, or in the next words of the sentence (the parse may hang "to China" on the verb)."""
    after = span.doc[span.end:min(span.sent.end, span.end + 10)]
    if (words | {t.lower_ for t in after}) & (M.EXPORT_WORDS | M.ABROAD_WORDS):
        return True
    # "to" + a named recipient ("sales of tools to China", "to Huawei"); "due to its links" is none
    return any(t.lower_ == "to" and _goods_chain(t.head, span) and any(
        g.ent_type_ in _PLACE_OR_ORG for c in t.children if c.dep_ == "pobj" for g in c.subtree)
               for t in span.sent if t.i >= span.start)


def _goods_chain(h: Token, span: Span) -> bool:
    """``h`` is the trigger, a verb above it, or the goods it names ("sales of tools"): reached from the
    trigger through objects and of/on phrases only ("links to the Kremlin" hangs on something else)."""
    root = span.root
    if span.start <= h.i < span.end or h in root.ancestors:
        return True
    t = h
    for _ in range(6):
        if span.start <= t.i < span.end:
            return True
        if t.dep_ == "prep" and t.lower_ not in ("of", "on"):
            return False
        if t.dep_ not in ("pobj", "prep", "dobj", "compound", "amod", "nmod", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False


_PLACE_OR_ORG = ("GPE", "NORP", "LOC", "ORG")


def legal_challenge(ctx: DocContext, span: Span, head: Token) -> bool:
    """Rule 'legal-challenge': "challenged the nickel ban at the WTO" (a verb whose object is a measure or
    that names a forum); "challenges facing the industry" is no legal action."""
    if not ctx.parsed or head.pos_ != "VERB":
        return False
    words = {t.lower_ for t in object_tokens(ctx, span, head)}
    return bool(words & M.CHALLENGE_OBJECTS or words & M.CHALLENGE_FORUMS)


def evaluated(ctx: DocContext, head: Token, verb: Token | None) -> bool:
    """Rule 'evaluation': a measure noun in the object of an evaluative verb ("called the decision an
    abuse of export controls") is the speaker's judgement, not a measure of the speaker's own, unless
    the noun names its own actor ("condemned China's export controls" stays China's)."""
    if verb is None or head.i == verb.i or not ctx.parsed or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.lemma_.lower() not in CUES.EVALUATIVE_VERBS:
        return False
    objs = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr", "ccomp")
            or (c.dep_ == "prep" and c.lower_ == "as")]
    if not any(head in c.subtree for c in objs):
        return False
    return not any(actor_of_token(ctx, c) not in ([], ["__generic__"]) for c in head.lefts
                   if c.dep_ in ("poss", "compound", "amod", "nmod"))


def data_authority(ctx: DocContext, head: Token) -> bool:
    """Rule 'data-authority': a ban or bar on a practice (a gerund after the trigger) imposed by a data-protection
    authority ("X has been banned by the data protection authority from selling its location logs", "the privacy
    watchdog said it would impose a ban on X for scanning faces") is a DataRestriction: the active subjects and
    by-agents of the trigger's clause and of the clauses above it (a reporter included) are read for
    `data_authority_words`; "recommended a ban on X phones" stays a Ban."""
    if not ctx.parsed:
        return False
    clause = head.head if head.dep_ in ("dobj", "nsubjpass", "pobj") else head
    if not any(x.tag_ == "VBG" and x.i > head.i and x.dep_ != "prep" for x in clause.subtree):
        # ("following the app's failure to ..." is a preposition, not a practice)
        return False
    t: Token | None = head
    for _ in range(6):
        if t is None:
            break
        for c in t.children:
            phrases = [c] if c.dep_ in ("nsubj", "poss") else [
                p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "agent" else []
            for ph in phrases:
                text = " ".join(x.lower_ for x in ph.subtree)
                if any(w in text for w in M.DATA_AUTHORITY_WORDS):
                    return True
        t = t.head if t.head.i != t.i else None
    return False

