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
rule:gov-name          0.7         "Ministry of X [of Country]", "<demonym> ... Authority|Service" (bodies.py)
rule:gov-list          0.65        "the ministries of A, B, and C" -> Ministry of A, ... (bodies.py)
rule:product-model     0.7         "<Company>'s Nova 12T 5G", "<Company>'s 2100x and 2200x" (products.py)
rule:company-cue       0.7         "startup|chipmaker|firm|company <Name>"
gazetteer:demonym      0.85        "Chinese", "Dutch-based" -> the country
gazetteer:capital      0.8         "Beijing imposed ..." (subject/possessive only) -> the country
ner:<LABEL>            0.6         statistical NER, re-typed (ORG by cues, GPE/NORP via gazetteer)
=====================  ==========  =============================================================

Then :func:`kg.link.clusters.resolve` clusters the mentions into one Entity per thing; the final
mentions go to ``doc.spans["kg_mentions"]`` and the entities to ``doc._.kg_entities``.

Modules: ``words`` (word sets, confidences), ``patterns`` (Matcher patterns of the name rules),
``sources`` (gazetteer, rules, demonyms, capitals, described companies), ``names`` (edges of law
names), ``bodies`` (government bodies by shape, elided lists), ``products`` (model names), ``groups`` (population
groups), ``ner`` (statistical NER re-typed), ``component`` (the factory; ranking and resolution).
"""
from __future__ import annotations

from kg.nlp.entities.component import EntityComponent, known_as, make_entities
from kg.nlp.entities.ner import org_type

__all__ = ["EntityComponent", "known_as", "make_entities", "org_type"]
