"""Status: whether a measure is in force, announced, proposed, discussed, revoked or historical.

Decides from the lemmas of the words that govern the trigger (:mod:`kg.nlp.lexicon.status`), the
auxiliaries (will, would, could), "bill" without "signed into law" (Proposed), and past tense with a
date before the dispatch's (Historical) unless the sentence says the measure still holds ("took
effect in 2023", "since").
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Token

from kg.nlp import dates as kdates
from kg.nlp.attrs import doc_text
from kg.nlp.events.context import DocContext, Mention
from kg.nlp.events.modality import (clause_auxes, counterfactual, ends_measure, measure_effect, measure_purpose,
                                    open_question, past_year, provisional, reported, unrealised)
from kg.nlp.events.syntax import clause_text, governors
from kg.nlp.lexicon import status as ST


#: trigger rules whose "remove" is the measure itself, not its withdrawal: removing kit ('remove-kit'),
#: removing a country from a trade white list ('trade-white-list': a restriction imposed)
_REMOVAL_RULES = ("remove-kit", "trade-white-list")


def historical(ctx: DocContext, m: Mention, verb: Token | None) -> bool:
    low = m.sent.text.lower()
    if any(p in low for p in ST.HISTORICAL_PHRASES) or kdates.has_era(m.sent.text):
        return True
    return False


def status_of(ctx: DocContext, m: Mention, verb: Token | None) -> str:
    gov = governors(ctx, m, verb)
    lemmas = [t.lemma_.lower() for t in own_clause(gov)]
    words = {t.lower_ for t in gov}
    aux = clause_auxes(gov)
    low = m.sent.text.lower()
    if (any(t.lemma_.lower() in ST.REVOKED and not unrealised(t) for t in own_clause(gov)[:4])
            or ends_measure(own_clause(gov))) and m.rule not in _REMOVAL_RULES or counterfactual(gov):
        return "Revoked"
    if background_object(gov[:5]) and not dated_now(ctx, m) or in_effect_since(ctx, m):
        return "Historical"
    if expected_effect(gov):
        return "Announced"
    if any(lem in ST.DISCUSSED for lem in lemmas) or "could" in aux and "discussed" in low or open_question(gov):
        return "Discussed"
    made_law = bool(re.search(r"signed into law|became law|enacted|into force|takes? effect", low))
    if m.measure == "Legislation" and (m.head.lower_ == "bill" or "bill" in words) and not made_law:
        return "Proposed"
    if (any(lem in ST.PROPOSED for lem in lemmas[:4]) or m.head.lower_ in ("draft", "proposal")) and not (
            made_law and m.measure == "Legislation"):  # rule 'signed-bill': "signed into law a bill on ..."
        return "Proposed"
    if m.measure == "Legislation" and any(lem in ST.PUT_FORWARD for lem in lemmas[:3]) and not past_year(ctx, m, gov):
        return "Proposed"  # rule 'put-forward': "by introducing legislation", "the bill was submitted"
    future = bool(aux & {"will", "'ll", "shall"}) or ("would" in aux and any(
        t.lemma_ == "say" for t in gov)) or bool(re.search(r"\b(is|are) (set|due|expected) to\b", low))
    if fine_paid(m, lemmas) or not future and immediate(m, low):
        return "InForce"
    later = later_effect(ctx, gov)
    if future and not later and measure_effect(gov) and not dated_later(ctx, m):
        future = False  # rule 'measure-effect': "the export controls will restrict ..." tells what they do
    if not future and not later and announced_prohibition(m, gov) and not dated_later(ctx, m):
        return "InForce"
    if not future and not later and earlier_relative(ctx, gov):
        return "Historical"  # "Earlier this year, the EU unveiled a chips act": announced before the news
    if any(t.lemma_.lower() in ST.ANNOUNCED and not measure_purpose(t) and not own_purpose(m, t)
           for t in own_clause(gov)[:4]) or future or \
            later or provisional(gov):
        return "Announced"
    if m.historical or since_earlier_year(ctx, m) and not still_going(ctx, gov) or already_done(ctx, gov) or \
            past_perfect(ctx, gov) or earlier_relative(ctx, gov) or since_clause(ctx, gov):
        return "Historical"
    past = any(t.tag_ in ("VBD",) or (t.tag_ == "VBN" and not ({c.lower_ for c in t.children} & {"has", "have"}))
               for t in gov if t.pos_ in ("VERB", "AUX")) or any(
        c.dep_ == "acl" and c.tag_ == "VBN" for c in m.head.children)  # "the indictment filed in January 2019"
    text = clause_text(ctx, m)
    dated = [d for d in kdates.find_dates(text, ctx.ref_date) if not in_brackets(text, d.start, d.end)]
    if past and not (words & ST.ONGOING) and not re.search(r"\b(since|took effect|came into force|in force)\b", low) \
            and not any(current(ctx, d) for d in dated):
        for d in dated:
            if d.kind in ("year", "month", "day", "rel_year", "ago", "era", "month_only"):
                if d.kind == "rel_year" and "last" not in d.text.lower() and "past" not in d.text.lower() or \
                        d.kind == "month_only" and d.iso is None:
                    continue  # "in December" places nothing without a dispatch date
                return "Historical"
        if any(lem in ST.PROCESS_PAST for lem in lemmas[:4]) and not reported(own_clause(gov)):
            return "Historical"
    if legislature_vote(ctx, m, own_clause(gov)) and not re.search(
            r"signed into law|became law|enacted|into force|takes? effect|signed (it|the \w+)", low):
        return "Proposed"
    return "InForce"


#: rule 'later-effect': "regulations issued on Friday ... will come into effect on September 7",
#: "unveiled rules that take effect next month" (GUIDE: Announced, not yet in force)
_LATER_EFFECT = re.compile(r"\b(?:will|shall|would|to|set to|due to)\s+(?:come|enter|go|take)\s+"
                           r"(?:into\s+)?(?:force|effect)\b"
                           r"|\b(?:takes|comes into|enters into|goes into) (?:effect|force)\s+(?:on|from|in|next|at)\b")


def current(ctx: DocContext, d: kdates.DateMatch) -> bool:
    """A date in the dispatch's year or later: the clause reports the news, whatever else it dates.
    Rule 'latest-day': without a dispatch date, the latest full date the text gives is the news's."""
    if ctx.ref_date is None and d.kind == "day" and d.iso is not None:
        return d.iso == latest_day(doc_text(ctx.doc))
    if not (ctx.ref_date and d.iso and d.iso[:4].isdigit()):
        return False
    if len(d.iso) >= 7 and d.iso[5:7].isdigit():
        # rule 'month-before': a month or day more than a month before the dispatch's is earlier than the news,
        # even in the same year ("announced in August", in a dispatch of mid-September); a month counts from its
        # middle
        day = int(d.iso[8:10]) if len(d.iso) >= 10 and d.iso[8:10].isdigit() else 15
        try:
            when = dt.date(int(d.iso[:4]), int(d.iso[5:7]), day)
        except ValueError:
            return False
        return (ctx.ref_date - when).days <= CURRENT_DAYS
    return int(d.iso[:4]) >= ctx.ref_date.year


#: rule 'month-before': how many days before the dispatch a dated measure is still the news's
CURRENT_DAYS = 31


def in_brackets(text: str, start: int, end: int) -> bool:
    """Rule 'bracketed-date': "the National Security Law (2015)" dates a law the clause cites, not the
    measure it reports."""
    return text[:start].rstrip().endswith("(") or text[end:].lstrip().startswith((")", " rev.)"))


def later_effect(ctx: DocContext, gov: list[Token]) -> bool:
    """Rule 'later-effect' on the trigger's own verb and the verbs coordinated with it: "the
    regulations issued on Friday apply to ..., and will come into effect on September 7"."""
    verb = next((t for t in gov if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not ctx.parsed:
        return False
    group = [verb] + [c for c in verb.children if c.dep_ == "conj"]
    if verb.dep_ == "conj":
        group.append(verb.head)
    if verb.dep_ == "relcl" and verb.head.dep_ in ("nsubj", "nsubjpass"):
        group.append(verb.head.head)  # "the Act, which was approved earlier this month, will take effect once ..."
    group += [c for c in gov[0].children if c.dep_ == "relcl"]  # "export controls, which will take effect"
    for v in group:
        if v.lemma_.lower() in ("take", "come", "enter", "go") and _LATER_EFFECT.search(
                "".join(t.text_with_ws for t in v.subtree).lower()):
            return True
    return False


def immediate(m: Mention, low: str) -> bool:
    """Rule 'immediate': "announced an immediate ban", "banned with immediate effect" — in force now."""
    return any(c.lower_ in ("immediate", "instant") for c in m.head.lefts) or bool(
        re.search(r"with immediate effect|effective immediately|immediately effective", low))


def announced_prohibition(m: Mention, gov: list[Token]) -> bool:
    """Rule 'announced-prohibition': "the ministry announced a ban on ...", "announced sweeping
    restrictions", "the suspension was announced on Monday" — a prohibition announced is imposed
    (InForce); a programme or plan announced is not yet ("announced plans to ban", "announced a new
    visa scheme": Announced). The noun must be the object (or passive subject) of "announce" itself."""
    return m.head.lemma_.lower() in ST.ANNOUNCED_IN_FORCE and len(gov) > 1 and \
        gov[1].lemma_.lower() == "announce" and m.head.dep_ in ("dobj", "nsubjpass")


_START_CUE = re.compile(r"\b(?:starting|beginning|effective|from|as of)\s+(?:on\s+|in\s+|from\s+)?$", re.I)


def dated_later(ctx: DocContext, m: Mention) -> bool:
    """The mention's sentence dates the measure's start after the dispatch ("a ban starting in January
    2020" in a dispatch of 2019): it starts later. Without a dispatch date, a start date the sentence
    gives ("starting in January 2020", "effective from 1 March") counts as later."""
    text = m.sent.text
    ref = (ctx.ref_date.isoformat() if ctx.ref_date else None)
    for d in kdates.find_dates(text, ctx.ref_date):
        if d.kind not in ("day", "month", "year") or not d.iso or not d.iso[:4].isdigit():
            continue
        if ref is not None and d.iso > ref[:len(d.iso)] or ref is None and _START_CUE.search(text[:d.start]):
            return True
    return False


def fine_paid(m: Mention, lemmas: list[str]) -> bool:
    """Rule 'fine-paid': "agreed to pay a $14 million fine", "will pay a fine" — a settled penalty is
    imposed (InForce), not announced."""
    return m.measure == "LegalAction" and m.head.lemma_.lower() in ("fine", "penalty", "settlement") and \
        "pay" in lemmas[:3]


def background_object(gov: list[Token]) -> bool:
    """Rule 'background-object': the trigger is the object of a verb (or the preposition
    "following") that presents a measure as already there: "after violating U.S. trade sanctions",
    "following a US ban on ...", "builds upon restrictions ...", "modelled after the Entity List"
    (GUIDE: Historical); or the clause it is in comes "after" the news ("the move comes two months
    after the administration introduced new regulations")."""
    if gov and comes_after(gov[0]):
        return True  # rule 'comes-after' on the trigger's own verb: "comes months after X banned exports"
    for i, t in enumerate(gov[1:], 1):
        child = gov[i - 1]
        if t.lemma_.lower() in ST.BACKGROUND_VERBS or t.lower_ in ST.BACKGROUND_VERBS:
            if child.dep_ in ("dobj", "pobj", "prep", "agent") and not (child.dep_ == "prep" and child.lower_ in (
                    "with", "by", "in", "for")):
                return True
        if comes_after(t):
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "conj"):
            break  # only the trigger's own clause
    return False


def comes_after(t: Token) -> bool:
    """A verb in a clause opened by "after" under come / follow / arrive ("the ban comes two months
    after Zimbabwe banned ...")."""
    return t.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "after" for c in t.children) and \
        t.head.lemma_.lower() in ("come", "follow", "arrive")


def dated_now(ctx: DocContext, m: Mention) -> bool:
    """Rule 'background-object' exception: the measure's own phrase dates it in the news's time
    ("following new export curbs that the administration announced Monday", "after the ban imposed
    yesterday") — a measure of the same days is news the other answers, not background."""
    if not ctx.parsed:
        return False
    phrases = [ctx.doc[m.head.left_edge.i:m.head.right_edge.i + 1].text]
    verb = m.head.head if m.head.dep_ in ("dobj", "nsubjpass") else None
    if verb is not None and verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" for c in verb.children):
        # rule 'dated-now' on the clause that tells the measure: "came after the Netherlands announced new
        # export controls last Friday" (the date modifies the verb whose object the measure is)
        phrases += [" ".join(t.text for t in c.subtree) for c in verb.children if c.dep_ in ("npadvmod", "prep")]
    return any(dated_recent(ctx, p) for p in phrases)


def dated_recent(ctx: DocContext, phrase: str) -> bool:
    return any(re.search(rf"\b{re.escape(p)}\b", phrase.lower()) for p in ST.RECENT_PHRASES) or any(
        d.kind in ("weekday", "deictic") for d in kdates.find_dates(phrase, ctx.ref_date))


def legislature_vote(ctx: DocContext, m: Mention, gov: list[Token]) -> bool:
    """Rule 'legislature-passed': "the European Parliament approved the AI Act", "the lower house
    passed an amendment" — a legislature's vote on a law is a step of its passage (Proposed) until it
    is signed or enacted (the caller checks the sentence for that)."""
    if m.measure != "Legislation":
        return False
    for t in gov[:4]:
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in ST.LEGISLATURE_VOTES:
            subj = [w for c in t.children if c.dep_ in ("nsubj", "agent") for w in c.subtree]
            words = " ".join(w.lower_ for w in subj)
            return any(re.search(rf"\b{re.escape(k)}\b", words) for k in ST.LEGISLATURE_WORDS)
    return False


_IN_EFFECT_SINCE = re.compile(r"\b(?:has|have) been in (?:effect|force|place) since (?:(?:early|late|mid)\s+)?"
                              r"((?:19|20)\d\d)\b", re.I)


def in_effect_since(ctx: DocContext, m: Mention) -> bool:
    """Rule 'in-effect-since': "the Act has been in effect since 1952", "sanctions under the Act, which
    has been in force since 2019" — a measure the text gives as standing since an earlier year is the
    background of the news (GUIDE: Historical), not the news; unlike "took effect in 2023" or "came
    into force on ...", which report the measure's start. Only on the trigger's own clause: the
    trigger is the subject of "has been in effect" or a relative clause of it says so."""
    if not ctx.parsed:
        return False
    verbs = [m.head.head] if m.head.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [c for c in m.head.children if c.dep_ == "relcl"]
    for v in verbs:
        hit = _IN_EFFECT_SINCE.search("".join(t.text_with_ws for t in v.subtree))
        if hit and (ctx.ref_date is None or int(hit.group(1)) < ctx.ref_date.year):
            return True
    return False


_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:early|late|mid|the\s+end\s+of)\s+)?((?:19|20)\d\d)\b", re.I)


def since_earlier_year(ctx: DocContext, m: Mention) -> bool:
    """Rule 'since-year': "Since 2019, it has also sanctioned Huawei", "has filed lawsuits against
    Google since 2010" — a measure the text dates from an earlier year on is background (GUIDE:
    Historical), unless the clause says it came into force then ("in force since 2019")."""
    text = clause_text(ctx, m)
    hit = _SINCE_YEAR.search(text)
    if hit is None or re.search(r"\b(took effect|taken effect|came into force|in force|in effect)\b", text, re.I):
        return False
    return ctx.ref_date is None or int(hit.group(1)) < ctx.ref_date.year


def already_done(ctx: DocContext, gov: list[Token]) -> bool:
    """Rule 'already': "have already prohibited it from devices", "has already blocked the sale ...
    for several years" — a measure in place before the news is background (Historical), unless the
    verb is one of coming into force ("has already taken effect")."""
    for t in own_clause(gov):
        if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "advmod" and c.lower_ == "already" for c in t.children):
            return t.lemma_.lower() not in ("take", "come", "enter", "become") and t.tag_ in ("VBD", "VBN")
    return False


def own_purpose(m: Mention, verb: Token) -> bool:
    """Rule 'measure-purpose', the trigger as subject: "the latest agreement aims to reduce dependence", "the
    programme intends to attract researchers" state what the measure is for; they announce nothing. Rule
    'launched-plan': a plan that is launched ("launched a plan to recruit researchers") is the measure in
    operation, not an intention (an approved plan may still start later: "approved plans to drop X from the list")."""
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj" and verb.head.lemma_.lower() == "launch":
        return True
    return verb.pos_ == "VERB" and m.head.dep_ == "nsubj" and m.head.head.i == verb.i and m.head.pos_ == "NOUN"


def own_clause(gov: list[Token]) -> list[Token]:
    """Rule 'reported-clause': the governors up to the verb of the trigger's own finite clause. In
    "The US has added 30 firms to its blacklist, the bureau announced", "announced" reports the
    clause; the status is the clause's ("has added": InForce), not the reporting verb's. A clause
    is finite when its verb has its own subject and a tense (past/present form or an auxiliary other
    than infinitival "to": in "Analysts expect Beijing to answer", "expect" still counts)."""
    for i, t in enumerate(gov):  # the trigger verb itself may head the reported clause ("announced it has blocked")
        if t.dep_ in ("ccomp", "parataxis") and t.pos_ in ("VERB", "AUX") and \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and \
                (t.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"
                                                        for c in t.children)):
            return gov[:i + 1]
    return gov


def expected_effect(gov: list[Token]) -> bool:
    """Rule 'expected-effect': a measure expected to take effect ("the government expects the new legislation
    to take effect on January 1", "the ban is expected to come into force next month") is decided and
    starts later (GUIDE: Announced) — not a measure only expected to be taken ("analysts expect Beijing to
    impose controls": Discussed). The trigger is the object or passive subject of "expect", whose
    infinitive is a verb of coming into effect."""
    if len(gov) < 2:
        return False
    if gov[1].lemma_.lower() == "expect" and gov[0].dep_ in ("dobj", "nsubjpass"):
        effects = [c for c in gov[1].children if c.dep_ == "xcomp"] + [
            c for c in gov[0].children if c.dep_ == "relcl" and any(a.tag_ == "TO" for a in c.children)]
    elif len(gov) > 2 and gov[2].lemma_.lower() == "expect" and gov[0].dep_ == "nsubj" and \
            gov[1].dep_ in ("ccomp", "xcomp"):
        effects = [gov[1]]  # parsed as the subject of the infinitive clause
    else:
        return False
    return any(c.lemma_.lower() in ("take", "come", "enter", "go") and _LATER_EFFECT.search(
        "".join(t.text_with_ws for t in c.subtree).lower()) for c in effects)


def status_from_verb(ctx: DocContext, m: Mention, verb: Token) -> str:
    fake = Mention(measure=m.measure, rule=m.rule, sent=m.sent, trigger=ctx.doc[verb.i:verb.i + 1], head=verb)
    fake.historical = m.historical
    return status_of(ctx, fake, verb)


def past_perfect(ctx: DocContext, gov: list[Token]) -> bool:
    """Rule 'past-perfect': "the commission had earlier ruled that ...", "Japan had banned the
    purchases" — a measure told in the past perfect lies before the news: background (Historical);
    not in a reported clause, whose past perfect is the report's tense shifted back."""
    if not ctx.parsed:
        return False
    for t in own_clause(gov):
        if t.pos_ in ("VERB", "AUX") and t.tag_ == "VBN":
            if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in ST.REPORTING_VERBS:
                return False  # "said the board had ordered it to collect a fine": backshift
            return any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children)
    return False


@lru_cache(maxsize=4)
def latest_day(text: str) -> str | None:
    """The latest full date (YYYY-MM-DD) a text gives for something done, None if it gives none. A date in a
    sentence that looks ahead ("the law will come into force on September 1, 2016", "takes effect on", "until",
    "deadline") is when something is to start or end, not the news's day."""
    days = []
    for sent in re.split(r"(?<=[.!?])\s+|\n+", text):
        if _AHEAD.search(sent):
            continue
        days += [d.iso for d in kdates.find_dates(sent, None) if d.kind == "day" and d.iso]
    return max(days) if days else None


#: rule 'latest-day': a sentence that looks ahead (its dates are starts, deadlines, ends)
_AHEAD = re.compile(r"\b(?:will|shall|would|effect|effective|force|deadline|until|starting|expire[sd]?)\b", re.I)


def earlier_relative(ctx: DocContext, gov: list[Token]) -> bool:
    """Rule 'earlier-relative': "Last week, the president also approved tariffs", "Japan earlier this
    month banned purchases" — a past measure the text dates just before the news (last week / month,
    earlier this week / month / year, on the measure's own verb) is background (Historical); a date on
    another verb ("opened an investigation after unveiling the plan last month") does not count."""
    if not ctx.parsed:
        return False
    verb = next((t for t in own_clause(gov) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ not in ("VBD", "VBN"):
        return False
    for t in verb.subtree:
        if t.lower_ not in ("week", "month", "year") or t.i < 1:
            continue
        host = t.head.head if t.head.dep_ == "prep" else t.head
        if host.i != verb.i:
            continue
        before = t.doc[t.i - 1].lower_
        if before == "last" and t.lower_ != "year" or before == "this" and t.i >= 2 and \
                t.doc[t.i - 2].lower_ == "earlier":
            return True
    # "Earlier, in September, the U.S. sanctioned ...", "had earlier ruled": a bare "earlier" on the verb
    return any(c.dep_ == "advmod" and c.lower_ == "earlier" and not list(c.children) for c in verb.children)


def still_going(ctx: DocContext, gov: list[Token]) -> bool:
    """Rule 'since-year' exception: "has been investigating the firm since 2020" — a present perfect
    progressive says the measure is still going on (in force), not that it lies before the news."""
    if not ctx.parsed:
        return False
    verb = next((t for t in own_clause(gov) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ != "VBG":
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "been" in auxes and bool(auxes & {"has", "have"})


def since_clause(ctx: DocContext, gov: list[Token]) -> bool:
    """Rule 'since-clause': "Since the US government ramped up sanctions on ..., the country has
    shifted its focus" — a measure told in a past-tense clause opened by "since" is the background the
    news follows from (Historical)."""
    if not ctx.parsed:
        return False
    verb = next((t for t in gov if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ == "VBD" and verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)


