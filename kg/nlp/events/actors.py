"""Actors: which government (country, bloc or government body) takes a measure.

Decides, in order: a possessor or modifier of the trigger noun ("China's export controls", "Dutch
measure"); the issuer of a licence ("a licence from the Bureau of Industry and Security"); the
subject of the governing clause, through xcomp/conj chains and passive "by"-agents; "the
government" resolved to a country the sentence (or the document) names, or to a capital
("Washington imposed ..."); pronouns and "the package" to the previous actor; else an actor-type
mention in the sentence outside the trigger's target positions. Generic subjects ("you can't
export-control a mental model", "other governments") make no event. Government bodies bring their
parent country (:meth:`DocContext.with_parents`).

What a word stands for is :mod:`governments`; where in the tree a mention is no actor is
:mod:`actor_positions`.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.events.actor_positions import (
    excepted,
    forum,
    in_cause_phrase,
    in_dateline,
    in_target_prep,
    is_target_like,
    list_member,
    locative_preps,
    person_modifier,
    time_clause,
)
from kg.nlp.events.context import DocContext, Mention, uniq
from kg.nlp.events.governments import (
    ACTOR_TYPES,
    actor_of_token,
    agent_actors,
    companions,
    company_antecedent,
    coordinated_mentions,
    law_owner,
    named_examples,
    speaker_of,
)
from kg.nlp.events.syntax import in_main_clause, object_tokens, subject_tokens
from kg.nlp.lexicon import cues as CUES
from kg.nlp.lexicon import measures as M


def actor(ctx: DocContext, m: Mention, verb: Token | None, last_actors: list[str]) -> tuple[list[str], bool, bool]:
    head = m.head
    if not ctx.parsed:
        for sp in ctx.mentions_by_sent.get(m.sent.start, []):
            if sp.label_ in ACTOR_TYPES and sp.start < m.trigger.start:
                return ctx.with_parents([sp.id_]), True, False
        return [], False, False
    if head.pos_ == "NOUN" and private_call(ctx, head):
        return [], False, False  # rule 'private-call': "Acme's CEO called for more government regulation"
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
    # rule 'challenged-measure': "filed a complaint against the export curbs on timber": the measure
    # a complaint, case or appeal is against is the other party's; the complainant does not take it
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ == "against" and (
            head.head.head.lemma_.lower() in M.CHALLENGE_NOUNS or any(  # "filed a complaint in May against"
                c.dep_ == "dobj" and c.lemma_.lower() in M.CHALLENGE_NOUNS for c in head.head.head.children)):
        return [], False, False
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
            # rule 'cause-agent': "a review prompted by concerns about China's attempts": a by-agent that is no
            # government names a cause; the states inside its phrase are what it is about, not the actor
            continue
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
            if not keys and s.conjuncts and s.lower_ not in CUES.GOVERNMENT_WORDS:
                # rule 'list-head': "security, financial services and data protection agencies have commenced
                # inquiries": a list of modifiers misread as coordinated nouns; the last one is the head noun
                last = max(s.conjuncts, key=lambda t: t.i)
                if last.lower_ in CUES.GOVERNMENT_WORDS and last.i > s.i:
                    keys = actor_of_token(ctx, last)
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
                conj = [x.id_ for x in coordinated_mentions(ctx, s, ACTOR_TYPES)] + companions(ctx, s, v)
                return ctx.with_parents(uniq(keys + conj)), True, False
            # "The U.S. Commerce Department's Bureau ...": a mention inside the subject phrase; rule
            # 'subject-list': "U.S. states, Congress, and the European Union's executive branch have
            # prohibited it" names every actor of the list (merging makes one event per state or bloc)
            content = {x.i for c in s.children if c.dep_ in ("relcl", "acl", "ccomp") for x in c.subtree}
            if s.i == head.i:
                # rule 'own-aim': the measure noun is the subject ("The extradition of a Norwegian engineer shows
                # ..."): what its own phrases name is what it hits, not who takes it; a source or agent phrase
                # ("Fines from the British and Greek regulators followed", "a ban by Norway") still names the actor
                content |= {x.i for c in s.children if c.dep_ == "prep" and c.lower_ not in ("from", "by")
                            for x in c.subtree}
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
        # rule 'after-country': a country named only after the trigger, in no actor position, is where the goods
        # go, come from or are sold ("..., hitting sellers in Brazil"), not who acts; a body there still acts
        # ("..., the European Commission said"), and so does a subject ("the export controls Norway issued")
        after_bodies = [sp for sp in cands if sp.label_ == "GovernmentBody" or sp.root.dep_ == "nsubj"]
        if not before and not after_bodies:
            return [], False, False
        pick = (bodies or before or after_bodies)[0]  # a body named before the trigger acts for its state
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
    if last_actors and head.pos_ in ("NOUN", "PROPN") and verbless_item(m.sent):
        # rule 'verbless-item': "Secondly, a two-year ban on all imports from these entities,": a measure told in a
        # punctuated fragment with no verb is an item of the list the text is giving, by the actor reported before
        return last_actors, False, False
    return [], False, False


def verbless_item(sent: Span) -> bool:
    """A fragment with no verb that ends in punctuation, as the items of a list do ("A two-year ban on X.",
    "Secondly, a ban on Y,"); a heading ("Previous Sanctions", "A first sanction in Austria") has none."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[-1].is_punct and words[-1].text in (".", ",", ";") and not any(
        t.pos_ in ("VERB", "AUX") for t in words)


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


def private_call(ctx: DocContext, head: Token) -> bool:
    """Rule 'private-call': a measure a company, or a person the text ties only to a company, calls for, urges or
    lobbies for ("Acme CEO Jon Smith called for more government regulation", "where he called for ...": the last
    person named before "he"/"she" in the sentence) is nobody's measure yet: no government acts (GUIDE: the actor
    is a country, bloc or body). Lawmakers or officials who call for a ban keep their state."""
    if head.dep_ == "dobj":
        v = head.head
    elif head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.dep_ == "prep":
        v = head.head.head
    else:
        return False
    if v.lemma_.lower() not in M.CALL_VERBS:
        return False
    subs, passive = subject_tokens(ctx, v)
    if passive:
        return False
    for s in subs:
        sp = ctx.ment(s)
        if sp is None and s.lower_ in ("he", "she"):
            people = [p for p in ctx.mentions_by_sent.get(s.sent.start, []) if p.label_ == "Person" and p.end <= s.i]
            sp = people[-1] if people else None
        if sp is None and s.lower_ in ("it", "they") and company_antecedent(ctx, s):
            return True  # "Acme said that it had asked for a review of its stake": the company asks
        if sp is not None and sp.label_ in ("Company", "ResearchOrganization"):
            return True
        if sp is not None and sp.label_ == "Person" and company_person(ctx, sp.id_):
            return True
    return False


def company_person(ctx: DocContext, person: str) -> bool:
    """The text ties ``person`` to a company or research organisation and to no government."""
    ties = [ctx.etype(r.object) for r in ctx.doc._.kg_relations or ()
            if r.subject == person and r.predicate in ("leads", "worksFor")]
    return bool(ties) and all(t in ("Company", "ResearchOrganization") for t in ties)
