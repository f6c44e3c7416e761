"""Word sets the entity rules test against (cue words for organisation types, heads of group names,
modifiers that make a group, outlets and words that are never entities), and the confidence per source.

The word sets are data: ``kg/nlp/rules/entities.yaml``, validated on load. Lists that share words are
composed there (``company_suffix`` and ``corp_tail`` both extend ``corp_forms``; ``field_modifiers``
and ``domain_modifiers`` extend ``technical_fields``; ``alias_intensifiers`` and ``intensifiers``
extend ``praise_words``), so a shared word is spelt once.
"""
from __future__ import annotations

from kg.nlp import rules

CONF = {"gazetteer": 0.95, "rule:legal-case": 0.8, "rule:legislation": 0.75, "rule:technology": 0.75,
        "rule:group": 0.75, "rule:group-coordinated": 0.75, "rule:company-cue": 0.7, "gazetteer:demonym": 0.85,
        "gazetteer:capital": 0.8, "ner": 0.6, "rule:gov-possessive": 0.6, "rule:case-person": 0.6,
        "rule:group-head": 0.6, "rule:gov-name": 0.7, "rule:gov-list": 0.65,
        "rule:gov-described": 0.6, "rule:region": 0.7, "rule:listed-org": 0.65}

_WORDS = rules.word_lists("entities.yaml", (
    "gov_cues", "gov_heads", "research_cues", "corp_forms", "company_suffix", "company_context", "corp_tail",
    "programme_heads", "bloc_cues", "outlets", "never", "group_heads", "specific_heads", "demonym_heads",
    "technical_fields", "field_modifiers", "praise_words", "alias_intensifiers", "weak_heads", "workforce_heads",
    "workforce_modifiers", "domain_modifiers", "intensifiers",
    "tech_heads", "law_heads", "numbered_law_heads", "leading_law_heads", "generic_law_words", "date_words",
    "gov_name_heads", "gov_plural_heads", "outlet_tails", "portfolio_titles", "person_titles",
    "described_bodies", "home_linked_bodies", "not_portfolio_words", "platform_nouns", "platform_use_verbs",
    "platform_owner_words", "company_act_verbs", "company_party_verbs", "company_holdings", "group_org_heads",
    "state_party_words", "modifier_bodies", "person_nouns", "business_unit_words", "regions", "region_organ_words",
    "region_party_words"))
GOV_CUES = set(_WORDS["gov_cues"])
#: heads of descriptive names of bodies: "Italy's data protection authority", "the Dutch trade ministry"
GOV_HEADS = set(_WORDS["gov_heads"])
RESEARCH_CUES = set(_WORDS["research_cues"])
#: last words of company names ("Zentrix Technologies", "Moonlit AI")
COMPANY_SUFFIX = set(_WORDS["company_suffix"])
COMPANY_CONTEXT = set(_WORDS["company_context"])
#: a title-case word after a gazetteer company name that belongs to the name ("... Corporation")
CORP_TAIL = set(_WORDS["corp_tail"])
PROGRAMME_HEADS = set(_WORDS["programme_heads"])
BLOC_CUES = set(_WORDS["bloc_cues"])
#: news outlets and platforms: sources, not actors
OUTLETS = set(_WORDS["outlets"])
#: surfaces that are never entities ("AI", "the government")
NEVER = set(_WORDS["never"])
GROUP_HEADS = set(_WORDS["group_heads"])
#: heads that name a group on their own ("cryptographers"); the others need a field modifier
SPECIFIC_HEADS = set(_WORDS["specific_heads"])
#: heads that name a population group with a nationality ("US investors", "French drivers")
DEMONYM_HEADS = set(_WORDS["demonym_heads"])
FIELD_MODIFIERS = set(_WORDS["field_modifiers"])
ALIAS_INTENSIFIERS = set(_WORDS["alias_intensifiers"])
#: heads that name a population group only with a technical field ("AI executives", "chip workers")
WEAK_HEADS = set(_WORDS["weak_heads"])
DOMAIN_MODIFIERS = set(_WORDS["domain_modifiers"])
#: weak heads the state's own modifiers make a group ("government employees", "federal workers")
WORKFORCE_HEADS = set(_WORDS["workforce_heads"])
WORKFORCE_MODIFIERS = set(_WORDS["workforce_modifiers"])
INTENSIFIERS = set(_WORDS["intensifiers"])
TECH_HEADS = set(_WORDS["tech_heads"])
LAW_HEADS = set(_WORDS["law_heads"])
NUMBERED_LAW_HEADS = set(_WORDS["numbered_law_heads"])
LEADING_LAW_HEADS = set(_WORDS["leading_law_heads"])
GENERIC_LAW_WORDS = set(_WORDS["generic_law_words"])
#: words that open a sentence or dateline before a name, never part of it ("Friday", "Similar", "Read")
DATE_WORDS = set(_WORDS["date_words"])
GOV_NAME_HEADS = set(_WORDS["gov_name_heads"])
GOV_PLURAL_HEADS = set(_WORDS["gov_plural_heads"])
#: last words of outlet names and law-firm forms ("... News", "... LLP"): reporters, not actors
OUTLET_TAILS = set(_WORDS["outlet_tails"])
#: "Minister of Economic Affairs": the "of X" after these titles is a portfolio, not an organisation
PORTFOLIO_TITLES = set(_WORDS["portfolio_titles"])
#: titles right before or after a person's name ("Chairman Zhang Xuezheng", "X, head of ...")
PERSON_TITLES = set(_WORDS["person_titles"])
#: "<country>'s foreign ministry" -> "Ministry of Foreign Affairs of <country>"
DESCRIBED_BODIES = dict(w.split("=", 1) for w in _WORDS["described_bodies"])
#: modifiers of "the <x> ministry" that name no portfolio ("the same ministry", "the new ministry")
NOT_PORTFOLIO = set(_WORDS["not_portfolio_words"])
#: bare names every state uses ("Congress"): the document's dominant state's body where the gazetteer's is absent
HOME_LINKED_BODIES = set(_WORDS["home_linked_bodies"])
#: platforms typed by context (kg/nlp/entities/platforms.py): words that show the service or the company
PLATFORM_NOUNS = set(_WORDS["platform_nouns"])
PLATFORM_USE_VERBS = set(_WORDS["platform_use_verbs"])
PLATFORM_OWNER_WORDS = set(_WORDS["platform_owner_words"])
COMPANY_ACT_VERBS = set(_WORDS["company_act_verbs"])
COMPANY_PARTY_VERBS = set(_WORDS["company_party_verbs"])
COMPANY_HOLDINGS = set(_WORDS["company_holdings"])
#: heads of parties and associations: groups, not bodies or firms (a communist party excepted)
GROUP_ORG_HEADS = set(_WORDS["group_org_heads"])
STATE_PARTY_WORDS = set(_WORDS["state_party_words"])
#: one-word body names that name nothing as a noun's modifier ("a Cabinet meeting")
MODIFIER_BODIES = set(_WORDS["modifier_bodies"])
#: a person's role right before the name ("opposition figure X")
PERSON_NOUNS = set(_WORDS["person_nouns"])
#: words after a company's name that name a unit or line of business, not a product ("Boeing Defense")
BUSINESS_UNIT_WORDS = set(_WORDS["business_unit_words"])
#: sub-national states ("Colorado"; gazetteer bodies flagged "region"): bodies where the text has them act
REGIONS = tuple(_WORDS["regions"])
REGION_ORGAN_WORDS = set(_WORDS["region_organ_words"])
REGION_PARTY_WORDS = set(_WORDS["region_party_words"])
