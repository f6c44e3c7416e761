"""Governments: which government (country, bloc or government body) a word or phrase stands for.

A mention of an actor type; a person who leads a state or works for a body (`official-actor`); a
capital ("Washington imposed ..."); "the government" resolved through its possessor, its "in" phrase
("officials in Tokyo"), the one state its sentence names (`sentence-state`) or the document's main
country; a generic government word's named examples (`named-examples`); the coordinated actors of a
list; a by-agent's phrase; a pronoun's speaker (`speaker-pronoun`) or company antecedent
(`company-pronoun`); a law subject that names its state (`law-subject` owner). Used by
:mod:`actors` and by the mention rules that need a government subject.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.models import Entity
from kg.nlp.events.actor_positions import is_target_like
from kg.nlp.events.context import DocContext, uniq
from kg.nlp.lexicon import cues as CUES
from kg.nlp.lexicon import measures as M

ACTOR_TYPES = CUES.ACTOR_TYPES


def actor_of_token(ctx: DocContext, tok: Token) -> list[str]:
    """Actor entity keys a token (and its compound/possessive modifiers) stands for."""
    sp = ctx.ment(tok)
    if sp is not None and sp.label_ in ACTOR_TYPES:
        return [sp.id_]
    if sp is not None and sp.label_ == "Person":
        return official_of(ctx, sp.id_)
    if not ctx.parsed:
        return []
    if tok.pos_ == "PROPN" and ctx.gaz is not None and tok.dep_ in ("nsubj", "nsubjpass", "poss", "pobj"):
        entry = ctx.gaz.capital(tok.text)  # "Washington, which imposed ...", "Berlin blocked ..."
        if entry is not None and entry.type in ACTOR_TYPES:
            if entry.key not in ctx.ents:
                ctx.ents[entry.key] = Entity(key=entry.key, type=entry.type, name=entry.name,
                                              aliases=tuple(entry.aliases), wikidata=entry.qid)
            return [entry.key]
    low = tok.lower_
    if low == "states" and any(c.lower_ == "member" for c in tok.lefts):
        blocs = [k for k, e in ctx.ents.items() if e.type == "Bloc"]
        if len(blocs) == 1:
            return blocs
    if low in CUES.GOVERNMENT_WORDS or tok.lemma_.lower() in CUES.GOVERNMENT_WORDS:
        dets = {c.lower_ for c in tok.lefts if c.dep_ in ("det", "amod", "predet")}
        if dets & CUES.GENERIC_DETS or tok.lower_ == "governments":
            return named_examples(ctx, tok) or ["__generic__"]
        for c in sorted(tok.lefts, key=lambda x: x.dep_ != "poss"):  # "NATO-member Denmark's ministry": the possessor
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                for t in c.subtree:
                    sp2 = ctx.ment(t)
                    if sp2 is not None and sp2.label_ in ACTOR_TYPES:
                        return [sp2.id_]
                sp2 = ctx.ment(c)
                if sp2 is not None and sp2.label_ == "Person":
                    # "the Biden administration": the government the person heads
                    gov = [k for k in official_of(ctx, sp2.id_) if ctx.etype(k) in ("Country", "Bloc")]
                    if gov and low in ("administration", "government", "cabinet"):
                        return gov
                    break
        for c in tok.rights:  # "officials in Tokyo", "authorities in Ireland"
            if c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
                for t in c.subtree:
                    sp2 = ctx.ment(t)
                    if sp2 is not None and sp2.label_ in ACTOR_TYPES:
                        return [x.id_ for x in coordinated_mentions(ctx, t, ACTOR_TYPES)] or [sp2.id_]
                    if sp2 is None and t.dep_ == "pobj" and t.pos_ == "PROPN":
                        capital = actor_of_token(ctx, t)  # "regulators in Brussels", "officials in Beijing"
                        if capital and capital != ["__generic__"]:
                            return capital
        if low == "bloc":
            bloc_keys = {k for k, e in ctx.ents.items() if e.type == "Bloc"}
            if len(bloc_keys) == 1:
                return list(bloc_keys)
        # rule 'sentence-state': "Boris Johnson's government has banned X in Britain's rollout": the one state the
        # sentence names outside what the measure aims at, before the document's main country
        own = uniq(sp.id_ for sp in ctx.mentions_by_sent.get(tok.sent.start, [])
                   if sp.label_ == "Country" and not is_target_like(ctx, sp))
        if len(own) == 1:
            return own
        if ctx.dominant:
            return [ctx.dominant]
    return []


def official_of(ctx: DocContext, person: str) -> list[str]:
    """Rule 'official-actor': a head of state or government acts for the state he or she leads ("President
    Trump blocked the bid" -> United States), a minister or official for the body ("Commerce Secretary X
    added ..." -> the department); read from the document's leads / worksFor relations."""
    for r in ctx.doc._.kg_relations or ():
        if r.subject == person and r.predicate in ("leads", "worksFor") and ctx.etype(r.object) in ACTOR_TYPES:
            return [r.object]
    gaz = ctx.gaz
    if gaz is None:
        return []
    entry = gaz.by_key(person)
    head = gaz.by_name(entry.leads) if entry is not None and entry.leads else None
    if head is None or head.type not in ("Country", "Bloc"):
        return []
    if head.key not in ctx.ents:  # "Xi Jinping blocked ..." in a text that does not name China
        ctx.ents[head.key] = Entity(key=head.key, type=head.type, name=head.name, aliases=tuple(head.aliases),
                                    wikidata=head.qid)
    return [head.key]


def named_examples(ctx: DocContext, tok: Token) -> list[str]:
    """Rule 'named-examples': "several European regulators, including X's data protection office": the
    governments a generic government word gives as its examples act."""
    out: list[str] = []
    for prep in tok.children:
        if prep.dep_ == "prep" and (prep.lower_ in M.EXAMPLE_PREPS or (
                prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.lefts))):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for x in [obj, *obj.conjuncts]:
                    keys = actor_of_token(ctx, x)
                    if keys and keys != ["__generic__"]:
                        out += keys
    return uniq(out)


def coordinated_mentions(ctx: DocContext, tok: Token, types) -> list[Span]:
    out = []
    sp = ctx.ment(tok)
    if sp is not None and sp.label_ in types:
        out.append(sp)
    for c in tok.conjuncts if ctx.parsed else ():
        sp = ctx.ment(c)
        if sp is None:  # "... and the European Union's executive branch": the owner of a generic body noun
            owners = [ctx.ment(x) for x in c.lefts if x.dep_ == "poss"]
            sp = owners[0] if owners and c.lemma_.lower() in CUES.GOVERNMENT_WORDS | M.BODY_NOUNS else None
        if sp is not None and sp.label_ in types and sp not in out:
            out.append(sp)
    return out


def companions(ctx: DocContext, subj: Token, verb: Token) -> list[str]:
    """Rule 'along-with': "The United States, along with Japan and the Netherlands, restricted ...", "X together
    with Y imposed ...": the governments a "with" phrase of "along" / "together" adds to the subject act too."""
    withs = []
    for node in (subj, verb):
        for w in node.children:
            if w.lower_ == "with" and w.dep_ == "prep" and any(x.lower_ in ("along", "together") for x in w.lefts):
                withs.append(w)  # "together with Japan"
            elif w.lower_ == "along":
                withs += [x for x in w.children if x.lower_ == "with"]  # "along" hung on the verb, "with" on it
    return uniq(sp.id_ for w in withs for p in w.children if p.dep_ == "pobj"
                for sp in coordinated_mentions(ctx, p, ACTOR_TYPES))


def agent_actors(ctx: DocContext, tok: Token) -> list[str]:
    """The government a by-agent stands for: itself ("by the Commission"), else a government named in
    its phrase ("by Japan's ambassador")."""
    keys = actor_of_token(ctx, tok)
    if keys == ["__generic__"]:
        return []
    if keys:
        return keys
    for t in tok.subtree:
        if t.i != tok.i and t.dep_ not in ("conj", "cc") and t.head.i == tok.i:
            inner = ctx.ment(t)
            if inner is not None and inner.label_ in ACTOR_TYPES:
                return [inner.id_]
    return []


def speaker_of(ctx: DocContext, pron: Token) -> list[str]:
    """Rule 'speaker-pronoun': "Japan announced that it was removing X from its list": a pronoun subject of a
    reported clause is the government that reports it (the subject of the verb the clause completes)."""
    t = pron.head
    for _ in range(4):
        if t.dep_ == "ccomp":
            for c in t.head.children:
                if c.dep_ == "nsubj":
                    keys = actor_of_token(ctx, c)
                    if keys == ["__generic__"]:
                        return []
                    # "Germany and France said they would ban the app": every coordinated speaker
                    return uniq(keys + [x.id_ for x in coordinated_mentions(ctx, c, ACTOR_TYPES)]) if keys else keys
            return []
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return []
        t = t.head
    return []


def company_antecedent(ctx: DocContext, pron: Token) -> bool:
    """Rule 'company-pronoun': "the Commission found that Apple failed to comply because of how it restricted
    developers": a pronoun subject after a company that is the subject of a clause above it in the same sentence
    is that company, whose own practice the measure word describes; no government acts."""
    for a in pron.ancestors:
        for c in a.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < pron.i and c.i != pron.i:
                sp = ctx.ment(c)
                if sp is not None and sp.label_ == "Company":
                    return True
    return False


def law_owner(ctx: DocContext, law: Token) -> bool:
    """Rule 'law-subject' (owner): "Taiwanese law prohibits ...", "Germany's rules bar ...": a law subject that
    names its state acts for it, not for the actor reported before."""
    for c in law.lefts:
        if c.dep_ in ("poss", "amod", "compound", "nmod"):
            sp = ctx.ment(c)
            if sp is not None and sp.label_ in ACTOR_TYPES:
                return True
    return False
