"""Legislation: law nouns with a legislative verb or in effect, which no trigger phrase reports alone.

"passed a bill", "the bill, approved by senators", "the AI Act, which the EU adopted", "the
legislation, which will take effect in November"; a named resolution or order is a Regulation
(`rule-name`); a leader who signs acts for the state he or she leads (`leader-signs`); a proposal to
enact belongs to the announcer (`proposal-to-enact`).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.events.context import DocContext, Mention
from kg.nlp.events.dating import date_of
from kg.nlp.events.filling import CONFIDENCE, fill
from kg.nlp.events.governments import actor_of_token
from kg.nlp.events.lawcontent import carries_content
from kg.nlp.events.roles import assign_roles
from kg.nlp.events.status import historical, status_from_verb
from kg.nlp.events.syntax import clause_verb, subject_tokens
from kg.nlp.events.unreported import legal_basis
from kg.nlp.lexicon import measures as M


def legislation_mentions(ctx: DocContext, sent: Span, found: list[Mention], last_actors: list[str]) -> list[Mention]:
    """'passed a law', 'the bill, approved by senators', 'the AI Act, which the EU adopted'."""
    if not ctx.parsed:
        return []
    out = []
    used = {m.head.i for m in found}
    for tok in sent:
        sp = ctx.ment(tok)
        is_law = tok.lower_ in M.LAW_NOUNS or (tok.tag_ == "NNS" and tok.lemma_.lower() in M.LAW_NOUNS) or (
            sp is not None and sp.label_ == "Legislation" and tok.i == sp.root.i)
        if not is_law or tok.i in used:
            continue
        verbs = [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_ in M.LEGISLATIVE_VERBS]
        v = clause_verb(ctx, tok)
        hop = tok
        while hop.dep_ in ("pobj", "prep", "compound", "conj", "appos") and hop.head.i != hop.i:
            hop = hop.head  # "approved a revision to the ... Act"
        if hop.dep_ in ("dobj", "nsubjpass", "nsubj") and hop.head.lemma_ in M.LEGISLATIVE_VERBS:
            verbs.append(hop.head)
        elif tok.dep_ in ("dobj", "nsubjpass") and v is not None and v.lemma_ in M.LEGISLATIVE_VERBS:
            verbs.append(v)
        elif tok.dep_ == "nsubj" and v is not None and (v.lemma_ in ("become", "take") or (
                takes_effect(v) and tok.lemma_.lower() in M.LAW_NOUNS | M.REGULATION_HEADS)):
            verbs.append(v)
        if tok.lemma_.lower() in M.LAW_NOUNS | M.REGULATION_HEADS:  # not "the Talents Program that takes effect"
            verbs += [c for c in tok.children if c.dep_ in ("relcl", "acl") and takes_effect(c)]
        draft = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.lower_ in M.DRAFT_WORDS]
        put_forward = False
        if not verbs and draft and tok.lemma_.lower() in M.LAW_NOUNS and not legal_basis(ctx, tok):
            verbs.append(v if v is not None else tok)  # rule 'draft-law': "proposed legislation is now on hold"
            put_forward = True
        if not verbs:
            continue
        if verbs[0].lemma_ not in M.LEGISLATIVE_VERBS and carries_content(tok, found):
            continue  # rule 'law-in-effect-content': "a law banning the export of X took effect": the ban is the news
        verb = verbs[0]
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        span = (ctx.doc[draft[0].i:tok.i + 1] if draft else ctx.doc[tok.i:tok.i + 1]) if sp is None else sp
        # rule 'rule-name': a named resolution, order, directive or set of measures is a Regulation
        kind = "Regulation" if sp is not None and sp.root.lemma_.lower() in M.REGULATION_HEADS else "Legislation"
        m = Mention(measure=kind, rule="legislative-verb", sent=sent, trigger=span, head=tok,
                     para=ctx.para_of(sent.start_char), confidence=CONFIDENCE["legislation"])
        if verb.dep_ == "relcl":
            subs, _ = subject_tokens(ctx, verb)
            keys = []
            for s in subs:
                keys = actor_of_token(ctx, s)
            if keys and keys != ["__generic__"]:
                m.actors, m.actor_in_syntax = ctx.with_parents(keys), True
                assign_roles(ctx, m, verb)
                m.historical = historical(ctx, m, verb)
                m.status = status_from_verb(ctx, m, verb)
                m.date = date_of(ctx, m)
                out.append(m)
                used.add(tok.i)
                continue
        if not fill(ctx, m, verb, last_actors):
            continue
        if (put_forward or verb.lemma_.lower() in M.SPONSOR_VERBS) and m.status in ("InForce", "Announced"):
            m.status = "Proposed"  # rules 'draft-law', 'sponsor-bill': a bill put forward for a decision
        if not m.actors and verb.dep_ == "acl" and verb.head.head.i != verb.head.i:
            # rule 'proposal-to-enact': "the Government announced its proposals to enact a new law": the
            # subject of the verb that governs the proposal noun
            for s in subject_tokens(ctx, verb.head.head)[0]:
                keys = actor_of_token(ctx, s)
                if keys and keys != ["__generic__"]:
                    m.actors = ctx.with_parents(keys)
                    break
        if not m.actors:
            m.actors = led_state(ctx, verb)
        if not m.actors and takes_effect(verb):  # "The X Act has been in effect since 1952": the text's state
            m.actors = list(last_actors) or ([ctx.dominant] if ctx.dominant else [])
        if sp is not None:
            m.targets = [t for t in m.targets if t != sp.id_ and t not in m.actors]
        out.append(m)
        used.add(tok.i)
    return out


def takes_effect(v: Token) -> bool:
    """"which will take effect in November", "has been in effect since 1952" (not the simple past)."""
    if v.lemma_.lower() not in M.EFFECT_VERBS or v.tag_ == "VBD":
        return False  # "which came into force in 2022" dates a law cited as background, not news of it
    return any(t.lower_ in ("effect", "force") and t.i > v.i
               for t in v.subtree if t.head.i == v.i or t.head.head.i == v.i)


def led_state(ctx: DocContext, verb: Token) -> list[str]:
    """Rule 'leader-signs': "President X signed the Act into law": a head of state or government who is the
    subject of the legislative verb acts for the state the text says they lead."""
    subs, passive = subject_tokens(ctx, verb)
    if passive:
        return []
    for s in subs:
        sp = ctx.ment(s)
        if sp is None or sp.label_ != "Person":
            continue
        for r in ctx.doc._.kg_relations or ():
            if r.predicate == "leads" and r.subject == sp.id_ and ctx.etype(r.object) in ("Country", "Bloc"):
                return ctx.with_parents([r.object])
    return []
