"""Constructions: measures a sentence tells without a trigger phrase, each read from a verb and its object.

New bodies ("set up an AI Safety Institute" -> Other), training or attracting talent ("wants to
train 50,000 engineers" -> TalentProgram), money a government pledges (`money-pledge` -> Subsidy,
not a price: `money-kind`), a government forcing people to act (`mandate` -> Regulation) and
advice against using or buying something (`advise-against` -> Ban).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.events.advice import advice_verbs
from kg.nlp.events.context import DocContext, Mention, uniq
from kg.nlp.events.filling import fill
from kg.nlp.events.governments import actor_of_token
from kg.nlp.events.syntax import clause_verb, subject_tokens
from kg.nlp.lexicon import measures as M


def other_create(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """'set up an AI Safety Institute' -> Other."""
    if not ctx.parsed:
        return []
    out = []
    for tok in sent:
        if tok.lemma_ not in M.OTHER_CREATE_VERBS or tok.pos_ != "VERB":
            continue
        if tok.lemma_ == "set" and not any(c.lower_ == "up" for c in tok.children):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if not objs:
            continue
        o = objs[0]
        sp = ctx.ment(o)
        if o.lower_ not in M.OTHER_CREATE_OBJECTS and not (sp is not None and sp.label_ in ("GovernmentBody",)):
            continue
        if law_subject(ctx, tok):
            continue  # rule 'law-creates': "the Act also establishes a National AI Committee" is the law's content
        trigger = ctx.doc[tok.i:o.i + 1] if o.i > tok.i else ctx.doc[tok.i:tok.i + 1]
        m = Mention(measure="Other", rule="create-body", sent=sent, trigger=trigger, head=tok,
                    para=ctx.para_of(sent.start_char), confidence=0.55)
        if not fill(ctx, m, tok, last_actors) or not m.actors:
            continue
        m.targets = [t for t in m.targets if not (sp is not None and t == sp.id_)]
        out.append(m)
    return out


def law_subject(ctx: DocContext, verb: Token) -> bool:
    """The subject of ``verb`` is a law or a rule ("The AI Basic Act also establishes a committee", "the decree
    creates an agency"): what the law sets up is part of the law's event, not a new measure of its own."""
    for s in subject_tokens(ctx, verb)[0]:
        sp = ctx.ment(s)
        if (sp is not None and sp.label_ == "Legislation") or s.lemma_.lower() in M.LAW_SUBJECTS:
            return True
    return False


def talent_training(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """Rule 'train-talent': "Hanoi wants to train 50,000 semiconductor engineers" -> TalentProgram; rule
    'attract-talent': "the scheme aims to attract founders and technical experts" -> TalentProgram (a
    government's own, named in the clause)."""
    if not ctx.parsed or any(m.measure == "TalentProgram" for m in found):
        return []
    out = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in M.TALENT_VERBS | M.ATTRACT_VERBS:
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj" and any(
            x.lemma_.lower() in M.TALENT_NOUNS for x in [c, *c.conjuncts])]
        if not objs:
            continue
        o = objs[0]
        rule = "train-talent" if lemma in M.TALENT_VERBS else "attract-talent"
        m = Mention(measure="TalentProgram", rule=rule, sent=sent, trigger=ctx.doc[tok.i:o.i + 1]
                     if o.i > tok.i else ctx.doc[tok.i:tok.i + 1], head=tok,
                     para=ctx.para_of(sent.start_char), confidence=0.6)
        if not fill(ctx, m, clause_verb(ctx, tok), last_actors) or not m.actors:
            continue
        if rule == "attract-talent" and not scheme_subject(ctx, tok):
            continue  # "Australia is trying to attract specialists" is an aim; "the scheme aims to attract" a programme
        out.append(m)
        break
    return out


def scheme_subject(ctx: DocContext, verb: Token) -> bool:
    """The subject of ``verb`` (or the noun its participle hangs on: "a fund aimed at attracting") is a
    programme: scheme, visa, pass, fund, plan ..."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in M.SCHEME_NOUNS:
        return True  # "launched a plan to recruit researchers": the infinitive states the plan's own aim
    subs, _ = subject_tokens(ctx, verb)
    t = verb
    while not subs and t.dep_ in ("xcomp", "pcomp", "prep", "acl", "advcl") and t.head.i != t.i:
        t = t.head
        if t.pos_ in ("NOUN", "PROPN"):
            subs = [t]
            break
    for s in subs:
        if s.lower_ in ("which", "that") and s.head.dep_ == "relcl":
            s = s.head.head
        if s.lemma_.lower() in M.SCHEME_NOUNS:
            return True
    return False


def money_pledges(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """Rule 'money-pledge': a government that pledges, allocates or gives a sum of money ("France has pledged an
    extra EUR 100 million to support incoming researchers") -> Subsidy, or TalentProgram when the money
    goes to talent."""
    if not ctx.parsed or any(m.measure in ("Subsidy", "TalentProgram") for m in found):
        return []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in M.GIVING_VERBS:
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj" and (c.ent_type_ == "MONEY" or any(
            t.lower_ in M.CURRENCY_WORDS for t in c.subtree))]
        if not objs or any(c.dep_ == "neg" for c in tok.children) or any(price_sum(o) for o in objs):
            continue
        talent = any(t.lemma_.lower() in M.TALENT_NOUNS for t in tok.subtree)
        m = Mention(measure="TalentProgram" if talent else "Subsidy", rule="money-pledge", sent=sent,
                    trigger=ctx.doc[tok.i:tok.i + 1], head=tok, para=ctx.para_of(sent.start_char), confidence=0.6)
        if not fill(ctx, m, tok, last_actors) or not m.actors or not m.actor_in_syntax:
            continue
        if any(t.lemma_.lower() in ("investment", "investments") for o in objs for t in o.subtree) and any(
                ctx.etype(t) == "Country" and t not in m.actors for t in m.targets):
            continue  # rule 'investment-abroad': "pledged $1.4 trillion of investment on US soil" invests in
            # another state; no subsidy of the pledger's
        # the firm that gets the money is affected by the measure ("committed 920 billion yen to the company")
        m.affects, m.targets = uniq(m.affects + [t for t in m.targets if ctx.etype(t) == "Company"]), [
            t for t in m.targets if ctx.etype(t) != "Company"]
        return [m]
    return []


def price_sum(obj: Token) -> bool:
    """Rule 'money-kind': the sum is a price or a payment, not money given — the noun it measures ("a one-time
    $100,000 charge", "a $360 million deal to provide drones") or the noun after "of" on it ("billions of dollars'
    worth of chip exports") is a `price_nouns` word."""
    noun = [obj] + [c for c in obj.children if c.dep_ == "appos"]  # "dollars' worth of": the parser apposes worth
    heads = noun + [p for n in noun for c in n.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                    if p.dep_ == "pobj"]
    return any(h.lemma_.lower() in M.PRICE_NOUNS for h in heads)


def mandates(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """Rule 'mandate': a government forcing or ordering people to do something ("is forcing residents to
    install a state certificate", "Vietnam requires foreign firms to open local offices") is a Regulation — a
    DataRestriction when what it orders stores or moves data ("requires firms to store user data locally") —
    only when the sentence reports no other measure (that measure is what the order imposes)."""
    if not ctx.parsed or found:
        return []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in M.MANDATE_VERBS or any(
                c.dep_ == "auxpass" for c in tok.children):
            continue  # "the United States was forced to take action" is forced, not forcing
        comp = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                and any(a.lower_ == "to" for a in c.children)]
        if not comp or not any(actor_of_token(ctx, x) not in ([], ["__generic__"])
                               for x in subject_tokens(ctx, tok)[0]):
            continue  # the government forces; "that measure forced miners to refine at home" is an effect
        content = [t for c in comp for t in c.subtree]
        kind = "DataRestriction" if any(t.lower_ == "data" for t in content) and any(
            t.lemma_.lower() in M.MANDATE_DATA_VERBS for t in content) else "Regulation"
        m = Mention(measure=kind, rule="mandate", sent=sent, trigger=ctx.doc[tok.i:tok.i + 1], head=tok,
                    para=ctx.para_of(sent.start_char), confidence=0.55)
        if not fill(ctx, m, tok, last_actors) or not m.actors or not m.actor_in_syntax:
            continue
        return [m]
    return []


def advices(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """Rule 'advise-against' (advice.py): a government body urging or advising people against using or buying
    something is a Ban; not when a measure the sentence reports is the advice's content."""
    if not ctx.parsed:
        return []
    for tok in advice_verbs(sent):
        if any(m.head.i in {t.i for t in tok.subtree} for m in found):
            continue
        if any((sp := ctx.ment(c)) is not None and sp.label_ in ("Country", "Bloc") for c in tok.children
               if c.dep_ in ("dobj", "dative")):
            continue  # "urged the US to cease using national security as a pretext": diplomacy, no ban
        m = Mention(measure="Ban", rule="advise-against", sent=sent, trigger=ctx.doc[tok.i:tok.i + 1], head=tok,
                    para=ctx.para_of(sent.start_char), confidence=0.55)
        if fill(ctx, m, tok, last_actors) and m.actors and m.actor_in_syntax:
            return [m]
    return []
