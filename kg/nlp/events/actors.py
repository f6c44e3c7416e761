"""Actors: which government (country, bloc or government body) takes a measure.

Decides, in order: a possessor or modifier of the trigger noun ("China's export controls", "Dutch
measure"); the issuer of a licence ("a licence from the Bureau of Industry and Security"); the
subject of the governing clause, through xcomp/conj chains and passive "by"-agents; "the
government" resolved to a country the sentence (or the document) names, or to a capital
("Washington imposed ..."); pronouns and "the package" to the previous actor; else an actor-type
mention in the sentence outside the trigger's target positions. Generic subjects ("you can't
export-control a mental model", "other governments") make no event. Government bodies bring their
parent country (:meth:`DocContext.with_parents`).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.models import Entity
from kg.nlp.events.context import DocContext, Mention, uniq
from kg.nlp.events.syntax import in_main_clause, object_tokens
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


def forum(ctx: DocContext, tok: Token) -> bool:
    """``tok`` names a forum that hears cases ("World Trade Organization", a court, a tribunal:
    `challenge_forums`)."""
    sp = ctx.ment(tok)
    words = {t.lower_ for t in sp} if sp is not None else {tok.lower_}
    return bool(words & M.CHALLENGE_FORUMS)


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


def subject_tokens(ctx: DocContext, verb: Token) -> tuple[list[Token], bool]:
    """(subject tokens, passive) of a verb, following xcomp/conj chains upwards."""
    t = verb
    for _ in range(6):
        subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        agents = [gc for c in t.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
        if agents:
            return agents, True
        if subs:
            if subs[0].dep_ == "nsubjpass":
                return subs, True
            return subs, False
        if t.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acl") and t.head.i != t.i:
            if t.dep_ == "ccomp":
                break
            t = t.head
            continue
        if t.dep_ == "relcl":  # "which the European Union adopted": subject inside; else the noun
            break
        break
    return [], False


def actor(ctx: DocContext, m: Mention, verb: Token | None, last_actors: list[str]) -> tuple[list[str], bool, bool]:
    head = m.head
    if not ctx.parsed:
        for sp in ctx.mentions_by_sent.get(m.sent.start, []):
            if sp.label_ in ACTOR_TYPES and sp.start < m.trigger.start:
                return ctx.with_parents([sp.id_]), True, False
        return [], False, False
    # 1. possessor / modifier of the trigger noun: "China's export controls", "US sanctions"
    if head.pos_ in ("NOUN", "PROPN"):
        for c in head.lefts:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                if m.rule == "case-against" and forum(ctx, c):
                    continue  # rule 'case-forum': "a World Trade Organization dispute against X": the forum hears it
                keys = actor_of_token(ctx, c)
                if keys and keys != ["__generic__"]:
                    return ctx.with_parents(keys), True, False
    # 1a. rule 'this-measure': "filed a lawsuit against Indonesia over this ban": a demonstrative restatement in
    # another act's reason or topic phrase is the measure reported before, not the act's subject's
    if head.pos_ == "NOUN" and last_actors and head.dep_ == "pobj" and head.head.lower_ in M.REASON_OVER | {
            "about", "against"} and any(c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those")
                                        for c in head.lefts):
        return last_actors, False, False
    # rule 'cause-phrase': "prices rose due to the ban", "output fell because of these curbs": a definite measure
    # given as the cause of something else is the measure reported before; the clause's subject does not act
    if head.pos_ == "NOUN" and last_actors and in_cause_phrase(head) and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in head.lefts):
        return last_actors, False, False
    # 1a'. rule 'law-owner': "an Indonesian law banning the export of X", "China's law requiring ...": the measure
    # a law noun's participle or relative clause carries is acted by the law's owner
    if head.pos_ == "VERB" and head.dep_ in ("acl", "relcl") and head.head.lemma_.lower() in M.LAW_NOUNS:
        for c in head.head.lefts:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                keys = actor_of_token(ctx, c)
                if keys and keys != ["__generic__"]:
                    return ctx.with_parents(keys), True, False
    # 1b. "need a licence from the Bureau of Industry and Security": the issuer is the actor
    if m.rule == "licence-needed":
        for t in m.trigger.subtree if m.trigger.root.i == head.i else head.subtree:
            if t.dep_ == "pobj" and t.head.lower_ == "from" and t.head.head.lemma_.lower() in (
                    "licence", "license", "permit"):
                keys = actor_of_token(ctx, t)
                if keys and keys != ["__generic__"]:
                    return ctx.with_parents(keys), True, False
    # 1c. rule 'noun-agent': "sanctions by the European Union", "a previous ruling by the Court of Justice"
    if head.pos_ in ("NOUN", "PROPN"):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                keys = uniq(k for p in c.children if p.dep_ == "pobj" for a in [p, *p.conjuncts]
                            for k in agent_actors(ctx, a))
                if keys:
                    return ctx.with_parents(keys), True, False
    # 1c'. rule 'similar-in': "it follows similar moves in the United States and Britain": the states a compared
    # measure is in are its actors
    if m.similar and head.pos_ in ("NOUN", "PROPN"):
        keys = uniq(sp.id_ for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
                    for sp in (ctx.ment(t) for t in p.subtree) if sp is not None and sp.label_ in ("Country", "Bloc"))
        if keys:
            return ctx.with_parents(keys), True, False
    # 1d. rule 'parties': "a deal / an agreement between the Netherlands, the United States and Japan":
    # the states and blocs it is between are its actors
    if m.measure == "Agreement" and head.pos_ in ("NOUN", "PROPN"):
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ in ("between", "among"):
                keys = [sp.id_ for sp in (ctx.ment(t) for t in p.subtree)
                        if sp is not None and ctx.etype(sp.id_) in ("Country", "Bloc", "GovernmentBody")]
                if keys:
                    return ctx.with_parents(uniq(keys)), True, False
    # 1e. rule 'excluded-from': "X was excluded from a Czech tender / Britain's 5G network": the owner of
    # what X is shut out of is the actor when the clause names no agent
    if m.rule == "exclude-from":
        frm = m.trigger[-1]
        for p in frm.children:
            if p.dep_ == "pobj":
                for c in p.lefts:
                    if c.dep_ in ("poss", "compound", "amod", "nmod"):
                        keys = actor_of_token(ctx, c)
                        if keys and keys != ["__generic__"] and not any(
                                t.dep_ == "agent" for t in m.head.children):
                            return ctx.with_parents(keys), True, False
    # 1f. rule 'banned-in': an agentless passive measure "has been banned ... in other countries such as the
    # U.S., Canada and by the Latvian foreign ministry", "were blocked in Iran": the states it is in act
    if verb is not None and any(c.dep_ == "auxpass" for c in verb.children) and \
            not any(c.dep_ == "agent" for c in verb.children):
        keys = [sp.id_ for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                for t in c.subtree if not excepted(t, verb)
                for sp in [ctx.ment(t)] if sp is not None and sp.label_ in ACTOR_TYPES]
        if keys:
            return ctx.with_parents(uniq(keys)), True, False
    # 1g. rule 'blamed-for': "China lashed out at the U.S. for banning X", "accused Germany of imposing ...": the
    # party a verb blames for the measure's gerund acts, not the blaming subject
    if verb is not None and verb.i == head.i and verb.dep_ == "pcomp" and verb.head.lower_ in M.BLAME_PREPS and \
            verb.head.head.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        gov = verb.head.head
        blamed = [c for c in gov.children if c.dep_ == "dobj"] + [
            p for c in gov.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against")
            for p in c.children if p.dep_ == "pobj"]
        keys = uniq(k for b in blamed for k in agent_actors(ctx, b))
        if keys:
            return ctx.with_parents(keys), True, False
    # 1h. rule 'object-control': "influenced European allies, including X and Y, to restrict or ban X": the
    # object of a verb that makes it act takes the measure (itself, or the examples it names)
    if verb is not None:
        v = verb
        while v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in M.CONTROL_VERBS:
            keys = []
            for o in (c for c in v.head.children if c.dep_ == "dobj"):
                own = actor_of_token(ctx, o)
                keys += named_examples(ctx, o) if own in ([], ["__generic__"]) else own + [
                    x.id_ for x in coordinated_mentions(ctx, o, ACTOR_TYPES)]
            if keys:
                return ctx.with_parents(uniq(keys)), True, False
    # 2. subject of the governing clause (relative clauses on the trigger noun first)
    # rule 'participle-agent': "export controls imposed by the United States", "the indictment filed
    # against Huawei by the Department of Justice": the agent of a participle on the trigger noun
    agentless, passive_verb = False, head
    verbs = [c for c in head.children if c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ == "VBN")] \
        if head.pos_ in ("NOUN", "PROPN") else []
    if verb is not None:
        verbs.append(verb)
    for v in verbs:
        subs, passive = subject_tokens(ctx, v)
        if v.dep_ in ("relcl", "acl") and v.head.i == head.i and not subs:
            continue
        if v.lemma_.lower() == "pay" and head.i != v.i:
            # rule 'paid-to': "will pay the fine to the U.S. State Department" — the payee is the actor
            keys = uniq(k for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                        for p in c.children if p.dep_ == "pobj" for k in agent_actors(ctx, p))
            if keys:
                return ctx.with_parents(keys), True, False
        if not passive and v.lemma_.lower() in CUES.UNDERGO_VERBS and head.i != v.i:
            # rule 'undergo-subject': "Chinese firms faced similar sanctions", "Meta received a fine":
            # the subject is what the measure hits, never its actor; rule 'undergo-from': the source of
            # what it undergoes acts ("faced subpoenas from the Brazilian government"); not the penalty a rule
            # sets for whoever breaks it ("sellers who violate the rules will face fines from X")
            keys = [] if any(t.dep_ == "relcl" for s in subs for t in s.subtree) else uniq(
                k for x in (v, head) for c in x.children if c.dep_ == "prep" and c.lower_ == "from"
                for p in c.children if p.dep_ == "pobj" for k in agent_actors(ctx, p))
            return (ctx.with_parents(keys), True, False) if keys else ([], False, False)
        if passive and subs and subs[0].dep_ == "pobj":
            # "signed by Japan's ambassador and the U.S. Trade Representative": every coordinated agent
            keys = uniq(k for a in [subs[0], *subs[0].conjuncts] for k in agent_actors(ctx, a))
            if keys:
                return ctx.with_parents(keys), True, False
        for s in subs:
            if in_dateline(s):
                continue
            if s.lower_ in ("you", "we", "one", "i"):
                return [], False, True
            if s.lower_ in ("which", "who", "that") and v.dep_ == "relcl":
                keys = actor_of_token(ctx, v.head)
                if keys and keys != ["__generic__"]:
                    return ctx.with_parents(keys), True, False
                continue
            if s.lower_ in ("it", "they") and s.head.i == head.i and company_antecedent(ctx, s):
                return [], False, False  # rule 'company-pronoun'
            if s.lower_ in ("it", "they") and not passive:
                keys = speaker_of(ctx, s)
                if keys:
                    return ctx.with_parents(keys), True, False
            if s.lower_ in ("it", "they", "which", "who") and last_actors and not passive:
                return last_actors, True, False
            if s.i == head.i and m.anaphoric:
                return [], False, False  # "These travel restrictions are ...": the event already reported
            if s.dep_ == "nsubjpass" and head.i not in {t.i for t in s.subtree} and (
                    s.head.i == head.i or (head.dep_ == "pobj" and head.head.head.i == s.head.i < head.i)):
                # rule 'passive-patient': "Russia was sanctioned", "Apple has been fined": the subject of
                # an agentless passive is what the measure hits; the actor is the one reported before
                agentless, passive_verb = True, s.head
                continue
            keys = actor_of_token(ctx, s)
            if not keys and s.lemma_.lower() in M.MEASURE_NOUNS and last_actors and \
                    any(c.lower_ in ("the", "this", "these", "that") for c in s.lefts) and \
                    not any(ctx.ment(x) is not None for x in s.subtree):
                return last_actors, True, False  # "The package also bans ..."
            if not keys and last_actors and head.i != s.i and not passive and (any(
                    x.label_ == "Legislation" for x in (ctx.ment(t) for t in s.subtree) if x is not None) or any(
                    t.lemma_.lower() in M.LAW_SUBJECTS for t in [s, *(c for c in s.lefts if c.dep_ == "compound")])) \
                    and not law_owner(ctx, s):
                return last_actors, True, False  # rule 'law-subject': "Regulation 2022/328 also prohibits ..."
            if keys == ["__generic__"]:
                return [], False, True
            if keys:
                conj = [x.id_ for x in coordinated_mentions(ctx, s, ACTOR_TYPES)]
                return ctx.with_parents(uniq(keys + conj)), True, False
            # "The U.S. Commerce Department's Bureau ...": a mention inside the subject phrase; rule
            # 'subject-list': "U.S. states, Congress, and the European Union's executive branch have
            # prohibited it" names every actor of the list (merging makes one event per state or bloc)
            content = {x.i for c in s.children if c.dep_ in ("relcl", "acl", "ccomp") for x in c.subtree}
            inner_keys: list[str] = []
            for t in s.subtree:
                if t.i in content:
                    continue  # rule 'measure-content': "An investigation that found North Korea had ..."
                inner = ctx.ment(t)
                if t.head.i == s.i and t.dep_ in ("amod", "compound") and ctx.ment(s) is None and \
                        s.lemma_.lower() in M.COMPANYISH | M.TALENT_NOUNS | {"automaker", "carmaker"}:
                    continue  # rule 'demonym-subject': "most Chinese automakers receive ..." names no government
                if inner is not None and inner.label_ in ACTOR_TYPES and not in_target_prep(ctx, t, s) and (
                        not inner_keys or (list_member(t, s) and not person_modifier(ctx, t))):
                    inner_keys.append(inner.id_)
            if inner_keys:
                return ctx.with_parents(uniq(inner_keys)), True, False
        if subs and any(ctx.ment(s) is not None for s in subs):
            break  # the subject is a company, a person: not a government measure of that clause
    # 3. any actor-type mention in the sentence outside the trigger's target positions
    tgt_toks = {t.i for t in object_tokens(ctx, m.trigger, head)}
    if head.pos_ in ("NOUN", "PROPN"):
        # rule 'measure-content': "an investigation that revealed ZTE shipped equipment to North Korea" —
        # what a measure found or says names no actor
        tgt_toks |= {t.i for c in head.children if c.dep_ in ("relcl", "acl", "ccomp") for t in c.subtree}
    if agentless:
        # "WhatsApp was blocked in Iran": the state where an agentless measure holds is its actor
        # ("banned in other western countries such as the U.S. and Canada": each country named there)
        keys = uniq(x.id_ for c in locative_preps(passive_verb) for p in c.children if p.dep_ == "pobj"
                    for t in p.subtree if not excepted(t, passive_verb)
                    for x in [ctx.ment(t)] if x is not None and x.label_ in ("Country", "Bloc"))
        if keys:
            return ctx.with_parents(keys), True, False
        # "Harvard's chair was charged over his role in China's programme": mentions in the passive's own
        # phrases are what it is about; the reporter of a parenthetical "..., the regulator said" is not
        tgt_toks |= {t.i for t in passive_verb.subtree} - {
            t.i for c in passive_verb.children if c.dep_ == "parataxis" for t in c.subtree}
    cands = [sp for sp in ctx.mentions_by_sent.get(m.sent.start, [])
             if sp.label_ in ACTOR_TYPES and sp.start not in tgt_toks and not is_target_like(ctx, sp)]
    if cands:
        before = [sp for sp in cands if sp.start < m.trigger.start]
        bodies = [sp for sp in before if sp.label_ == "GovernmentBody"]
        pick = (bodies or before or cands)[0]  # a body named before the trigger acts for its state
        return ctx.with_parents([pick.id_]), False, False
    for sp in ctx.mentions_by_sent.get(m.sent.start, []):
        # "under a rule the Biden administration finalized": the government a named leader heads
        if sp.label_ == "Person" and sp.root.head.lower_ in CUES.GOVERNMENT_WORDS and sp.root.dep_ in (
                "compound", "poss") and sp.root.head.dep_ in ("nsubj", "agent", "poss"):
            keys = actor_of_token(ctx, sp.root.head)
            if keys and keys != ["__generic__"]:
                return ctx.with_parents(keys), False, False
    if head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.lefts) \
            and last_actors:
        return last_actors, True, False
    if agentless and (in_main_clause(passive_verb) or time_clause(passive_verb)):
        # not "users asked X to request that Y be blacklisted"; rule 'time-clause-passive': "the summer when new
        # visas were suspended" tells a fact
        if last_actors:
            return last_actors, False, False
        if ctx.dominant:
            return [ctx.dominant], False, False
    return [], False, False


def law_owner(ctx: DocContext, law: Token) -> bool:
    """Rule 'law-subject' (owner): "Taiwanese law prohibits ...", "Germany's rules bar ...": a law subject that
    names its state acts for it, not for the actor reported before."""
    for c in law.lefts:
        if c.dep_ in ("poss", "amod", "compound", "nmod"):
            sp = ctx.ment(c)
            if sp is not None and sp.label_ in ACTOR_TYPES:
                return True
    return False


def time_clause(verb: Token) -> bool:
    """Rule 'time-clause-passive': ``verb`` heads a time clause ("when new visas were suspended", "after the app was
    banned"; `time_marks`) on a verb or noun of a main clause."""
    return verb.dep_ in ("advcl", "relcl") and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in M.TIME_MARKS and c.i < verb.i for c in verb.children) and (
        in_main_clause(verb.head) or verb.head.pos_ in ("NOUN", "PROPN"))


def speaker_of(ctx: DocContext, pron: Token) -> list[str]:
    """Rule 'speaker-pronoun': "Japan announced that it was removing X from its list": a pronoun subject of a
    reported clause is the government that reports it (the subject of the verb the clause completes)."""
    t = pron.head
    for _ in range(4):
        if t.dep_ == "ccomp":
            for c in t.head.children:
                if c.dep_ == "nsubj":
                    keys = actor_of_token(ctx, c)
                    return [] if keys == ["__generic__"] else keys
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


def excepted(tok: Token, stop: Token) -> bool:
    """Rule 'except-place': ``tok`` lies in a negated or excepted phrase below ``stop`` ("banned in X and Y but not
    in Z", "restricted in X, except in Z"): the place named there does not take the measure."""
    t = tok
    for _ in range(12):
        if t.i == stop.i:
            return False
        if t.lower_ in M.EXCEPT_WORDS or any(c.dep_ == "neg" for c in t.children):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def locative_preps(verb: Token) -> list[Token]:
    """The "in" phrases of ``verb`` and of the objects of its own phrases ("banned from government phones in
    other countries"), not those inside clauses below it."""
    out, todo = [], [verb]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "prep":
                if c.lower_ == "in":
                    out.append(c)
                todo.extend(p for p in c.children if p.dep_ == "pobj" and c.lower_ != "in")
    return out


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


def list_member(t: Token, stop: Token) -> bool:
    """``t`` hangs on a coordinated or apposed item of the phrase headed by ``stop`` ("..., Congress, and the
    European Union's executive branch")."""
    x, steps = t, 0
    while x.i != stop.i and steps < 8:
        if x.dep_ in ("conj", "appos"):
            return True
        x, steps = x.head, steps + 1
    return False


def person_modifier(ctx: DocContext, t: Token) -> bool:
    """"ranking member C.A. Dutch Ruppersberger": a demonym inside a person's name is no actor."""
    sp = ctx.ment(t.head)
    if sp is not None:
        return sp.label_ == "Person"
    return t.dep_ == "compound" and t.head.pos_ == "PROPN"  # a name the entity rules did not type


def in_target_prep(ctx: DocContext, t: Token, stop: Token) -> bool:
    x = t
    while x.i != stop.i and x.head.i != x.i:
        if x.dep_ == "pobj" and x.head.lower_ in ("on", "against", "to", "into"):
            return True
        x = x.head
    return False


def is_target_like(ctx: DocContext, sp: Span) -> bool:
    r = sp.root
    if in_aim_phrase(r):
        return True
    if r.dep_ == "pobj" and r.head.lower_ in ("on", "against", "to", "into", "from", "in", "with", "of", "for"):
        return True
    if r.dep_ in ("dobj", "amod", "compound") and sp.label_ == "Country" and r.head.pos_ == "NOUN":
        return r.dep_ != "dobj" or True
    if sp.label_ == "Country" and (r.head.lower_ == "based" or (
            r.dep_ in ("amod", "compound") and r.head.pos_ in ("PROPN", "ADJ") and ctx.ment(r.head) is None)):
        return True  # rule 'nationality': "a China-based firm", "Russian national X" name no actor
    if r.dep_ in ("compound", "poss", "amod") and r.head.lemma_.lower() in M.LAW_NOUNS | {"rule", "regulation"} and \
            r.head.dep_ == "pobj" and r.head.head.lower_ in ("of", "under", "with"):
        return True  # rule 'basis-owner': "in violation of EU law", "under EU rules": the law's owner does not act
    if sp.label_ == "Country" and (r.dep_ in ("acomp", "attr") or r.head.lower_ in ("descent", "origin", "heritage")):
        return True  # rule 'nationality': "he is neither Chinese nor of Chinese descent" names no actor
    return r.dep_ == "dobj" or in_dateline(r)


def in_cause_phrase(head: Token) -> bool:
    """``head`` is the object of a cause phrase: "due to", "owing to", "because of", "thanks to" (`cause_heads`)."""
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ in ("to", "of") and prep.head.i != prep.i and \
        prep.head.lower_ in M.CAUSE_HEADS


def in_aim_phrase(tok: Token) -> bool:
    """Rule 'aim-owner': a state that owns or qualifies a noun inside what a measure aims at ("a travel ban on
    experts dealing with X's nuclear programme", "block exports towards X", "freeze the assets of X's bank") is
    part of the aim, not the actor. Climbing from the mention through modifier and preposition links, a direct
    object or an object of on / against / towards / into (`aim_preps`) is reached; past the mention's own
    phrase, the preposition must hang on a verb or a measure noun ("on par with the US" is no aim)."""
    x, own, steps = tok, True, 0
    while steps < 8 and x.head.i != x.i:
        if x.dep_ == "dobj" and x.i != tok.i:
            return True
        if x.dep_ == "pobj" and x.head.lower_ in M.AIM_PREPS and x.i != tok.i and (
                own or x.head.head.pos_ == "VERB" or x.head.head.lemma_.lower() in M.MEASURE_NOUNS):
            return True
        if x.dep_ not in ("poss", "compound", "amod", "nmod", "pobj", "prep", "conj", "acl", "dobj"):
            return False
        if x.dep_ == "prep":
            own = False
        x, steps = x.head, steps + 1
    return False


def in_dateline(tok: Token) -> bool:
    """Rule 'dateline': "HONG KONG, China -- U.S. satellite maker ..." — the place a report comes from."""
    sent = tok.sent
    dash = next((t.i for t in sent[:min(len(sent), 10)] if t.text in ("--", "—", "–")), None)
    return dash is not None and tok.i < dash


def sentence_subject_actor(ctx: DocContext, sent: Span) -> list[str]:
    if not ctx.parsed:
        return []
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            keys = actor_of_token(ctx, c)
            if keys and keys != ["__generic__"] and c.lower_ not in CUES.GOVERNMENT_WORDS:
                return ctx.with_parents(keys)
            for t in [c] + [x for x in c.lefts if x.dep_ in ("poss", "compound", "amod")]:
                sp = ctx.ment(t)
                if sp is not None and sp.label_ in ACTOR_TYPES:
                    return ctx.with_parents([sp.id_])
    return []

