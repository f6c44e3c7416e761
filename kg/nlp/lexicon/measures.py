"""Measure triggers. Each rule: (name, measure, phrase). The name goes into Evidence.rule.

A measure of ``None`` marks a *generic* trigger ("restrictions", "curbs", "block"): its kind comes
from the words of its object (:data:`OBJECT_CUES`), or from the event it is compared with
("similar curbs"); unresolved, it makes no event.
"""
from __future__ import annotations

_CONTROL = "control|controls|restriction|restrictions|curb|curbs|ban|bans|limit|limits|rules|licence|licences|license|licenses|licensing|regime"

TRIGGERS: list[tuple[str, str | None, str]] = [
    # --- export controls
    ("export-control-noun", "ExportControl", f"export|exports|export-control|export-controls -? {_CONTROL}"),
    ("export-control-verb", "ExportControl", "export-control|export-controlled"),
    ("export-ban-verb", "ExportControl", "ban|bans|banned|banning|restrict|restricts|restricted|restricting|curb|curbs|curbed|halt|halted|halts|suspend|suspended|stop|stops|stopped|stopping exports|export|shipments|sales"),
    ("chip-controls", "ExportControl", "chip|chips|technology|tech|semiconductor|tooling|equipment controls|curbs|restrictions"),
    ("controls-on-exports", "ExportControl", "controls|restrictions|curbs|limits|ban|bans on exports|shipments|sales"),
    ("export-licence", "ExportControl", "need|require|requires|required|requiring|obtain a? licence|license|licences|licenses to|for ship|export|exports|shipments|sell|sales"),
    ("licence-approval", "ExportControl", "approve|approves|approved|approving|grant|grants|granted|granting|issue|issued export? licence|license|licences|licenses"),
    ("licence-needed", None, "need|needs|needed|require|requires|required a? licence|license|licences|licenses|permit|permits"),
    # --- imports
    ("import-restriction", "ImportRestriction", "import|imports -? ban|bans|restriction|restrictions|curbs|duties|duty|quota|quotas|controls"),
    ("ban-on-imports", "ImportRestriction", "ban|bans|restrictions|curbs|limits on imports"),
    ("tariffs", "ImportRestriction", "tariff|tariffs|anti-dumping"),
    # --- investment
    ("investment-screening", "InvestmentRestriction", "outbound|inbound|foreign investment|investments screening|rules|restrictions|curbs|controls|review|reviews|ban"),
    ("outbound-investment", "InvestmentRestriction", "outbound investment|investments"),
    ("screening-of-investment", "InvestmentRestriction", "screening|screen of? outbound|foreign|inbound investment|investments|acquisitions"),
    ("bar-investing", "InvestmentRestriction", "from investing|acquiring"),
    ("divest", "InvestmentRestriction", "divest|divests|divested|divestment|divestiture"),
    ("forced-sale", "InvestmentRestriction", "forced sale|divestment"),
    ("sell-stakes", "InvestmentRestriction", "sell|unwind|dispose their|its|of stake|stakes|holdings|shares"),
    ("unwind", "InvestmentRestriction", "unwind|unwinds|unwound the|their|its? acquisition|acquisitions|investment|investments|purchase|deal"),
    # --- sanctions, listings
    ("sanctions", "Sanction", "sanction|sanctions|sanctioned|sanctioning"),
    ("asset-freeze", "Sanction", "asset|assets freeze|freezes"),
    ("entity-list", "EntityListing", "entity list"),
    ("blacklist", "EntityListing", "blacklist|blacklists|blacklisted|blacklisting"),
    ("unreliable-entity-list", "EntityListing", "unreliable entity list"),
    ("same-list", "EntityListing", "on|to the same|that list"),
    # --- people
    ("travel-restriction", "TravelRestriction", "travel|exit|entry -? restriction|restrictions|ban|bans|curbs|limits"),
    ("approval-before-travel", "TravelRestriction", "approval before travelling|traveling|travel|leaving|going"),
    ("banned-from-entering", "TravelRestriction", "banned|barred|prohibited from entering|travelling|traveling|leaving"),
    ("restrict-movement", "TravelRestriction", "restrict|restricts|restricting|restricted|restriction|restrictions on? physical? movement"),
    ("visa-restriction", "VisaRestriction", "visa|visas -? restriction|restrictions|ban|bans|screening|curbs|denials|scrutiny|checks"),
    ("deny-visas", "VisaRestriction", "deny|denied|denying|revoke|revoked|revoking|cancel|cancelled|suspend|suspended|refuse|refused visas|visa"),
    # --- bans and rules
    ("ban", "Ban", "ban|bans|banned|banning|prohibit|prohibits|prohibited|prohibiting|prohibition|outlaw|outlawed"),
    ("block-access", "Ban", "block|blocks|blocked|blocking access|the"),
    ("immediate-block", "Ban", "immediate|temporary|nationwide block"),
    ("restrict-use", "Ban", "restrict|restricted|restricts|restricting|limit|limited|barred|bar|bars the? use"),
    ("regulation", "Regulation", "regulation|regulations|regulate|regulates|regulating|regulated|guidelines|guideline"),
    ("research-security", "Regulation", "research security rules|guidelines|policy|policies|requirements"),
    ("law-noun", "Legislation", "bill|law|legislation|act"),
    # --- support
    ("subsidy", "Subsidy", "subsidy|subsidies|subsidise|subsidised|subsidize|subsidized|subsidising|subsidizing"),
    ("incentives", "Subsidy", "incentive|incentives|grants"),
    ("tax-credits", "Subsidy", "tax credit|credits|break|breaks|incentive|incentives|relief"),
    ("funding", "Subsidy", "fund|funds|funded|funding|bankroll|bankrolled"),
    ("state-aid", "Subsidy", "state aid"),
    ("lending", "Subsidy", "cheap|subsidised|subsidized|concessional lending|loans|loan"),
    ("low-interest-lending", "Subsidy", "low-interest lending|loans|loan"),
    ("hand-out", "Subsidy", "hand|hands|handing|handed out billions|millions|money|funds|grants"),
    ("talent-program", "TalentProgram", "talent -? retention|recruitment|programme|program|plan|scheme|visa|visas|attraction"),
    ("attract-talent", "TalentProgram", "attract|lure|recruit AI? talent|specialists|researchers|scientists|engineers"),
    ("talents-plan", "TalentProgram", "thousand talents"),
    # --- scrutiny, legal
    ("review", "Review", "review|reviews|reviewing|reviewed|inquiry|inquiries"),
    ("investigation", "Investigation", "investigation|investigations|investigate|investigates|investigating|investigated|probe|probes|probing|antitrust"),
    ("legal-challenge", "LegalAction", "challenge|challenges|challenged|challenging|contest|contests|contested"),
    ("lawsuit", "LegalAction", "lawsuit|lawsuits|sue|sues|sued|suing|indict|indicted|indictment|charged|charging|prosecute|prosecuted|prosecution|extradition|extradite|extradited|fined|fine|fines|convicted"),
    ("data-localisation", "DataRestriction", "data localisation|localization|localisation"),
    ("cross-border-data", "DataRestriction", "cross-border data -? transfer|transfers|flows|rules"),
    ("data-transfer", "DataRestriction", "data transfer|transfers|export|exports"),
    ("stop-processing-data", "DataRestriction", "stop|halt|suspend processing|using the? personal? data"),
    # --- cooperation
    ("agreement", "Agreement", "agreement|agreements|pact|accord|treaty|memorandum|partnership"),
    # --- generic (kind from the object)
    ("generic-restriction", None, "restriction|restrictions|curbs|curb|controls|limits|constraints|block|blocked|blocks|blocking|restrict|restricts|restricted|restricting|bar|bars|barred|barring|tighten|tightened|tightens|tightening|suspend|suspended|suspends"),
]

#: a generic trigger (or a "similar ..." noun) takes its kind from these words in its object
OBJECT_CUES: list[tuple[str, tuple[str, ...]]] = [
    ("TravelRestriction", ("travel", "travelling", "traveling", "movement", "abroad", "exit", "entering", "leaving")),
    ("VisaRestriction", ("visa", "visas")),
    ("ImportRestriction", ("import", "imports")),
    ("InvestmentRestriction", ("investment", "investments", "investing", "acquisition", "acquisitions",
                               "takeover", "takeovers", "stake", "merger", "purchase", "factory", "plant", "fab",
                               "divest")),
    ("DataRestriction", ("data",)),
    ("ExportControl", ("export", "exports", "shipments", "shipment", "sales", "sale", "equipment", "tools",
                       "tooling", "lithography", "chipmaking", "machines")),
    ("Ban", ("use", "access", "app", "apps", "chatbot", "devices", "phones")),
]

#: verbs that turn a law-like noun (bill, law, act) or a Legislation mention into a Legislation event
LEGISLATIVE_VERBS = {"pass", "adopt", "approve", "enact", "sign", "introduce", "propose", "draft", "debate",
                     "table", "amend", "revise", "vote", "unveil", "consider", "discuss"}
LAW_NOUNS = {"bill", "law", "legislation", "act", "revision", "amendment", "statute"}

#: verbs of delivery: in "licences for X to ship chips to Y", Y (after "to") is the recipient
SHIP_VERBS = {"ship", "export", "sell", "supply", "deliver", "send", "transfer"}

#: "challenged the ban at the WTO": a challenge is legal action only against a measure or before a forum
CHALLENGE_OBJECTS = {"ban", "bans", "tariff", "tariffs", "measure", "measures", "rule", "rules", "law", "decision",
                     "order", "restriction", "restrictions", "controls", "sanctions", "policy", "regulation", "duties"}
CHALLENGE_FORUMS = {"wto", "court", "tribunal", "organization", "organisation", "panel", "arbitration"}

#: "wants to train 50,000 semiconductor engineers" -> TalentProgram on the group trained
TALENT_VERBS = {"train", "educate", "upskill", "cultivate", "nurture"}
TALENT_NOUNS = {"engineer", "specialist", "researcher", "scientist", "worker", "technician", "talent", "expert",
                "designer", "programmer", "developer", "student"}

#: verbs that make "deal" an Agreement (a deal one signs, not a deal one buys)
AGREEMENT_VERBS = {"sign", "strike", "reach", "seal", "conclude", "agree", "finalise", "finalize",
                   "negotiate", "announce", "ink"}

#: "set up an institute" -> Other (new bodies)
OTHER_CREATE_VERBS = {"set", "establish", "create", "launch", "found"}
OTHER_CREATE_OBJECTS = {"institute", "agency", "office", "taskforce", "task", "council", "committee", "body",
                        "unit", "authority"}

#: nouns that refer back to a measure already reported ("the move", "the policy"): they add
#: evidence, status and date to the event of the same actor, never a new event
ANAPHORS = {"move", "measure", "measures", "policy", "decision", "step", "steps", "rules", "rule", "order", "directive"}

#: "similar/comparable ..." nouns that stand for the measure they are compared with
SIMILAR_ADJ = {"similar", "comparable", "same", "such", "equivalent", "parallel", "analogous"}
SIMILAR_NOUNS = {"constraints", "restrictions", "curbs", "measures", "steps", "controls", "limits", "rules",
                 "moves", "policies", "approach", "action", "actions", "cases", "bans", "prohibition", "prohibitions"}


def compile_phrase(phrase: str) -> list[dict]:
    """'export|exports -? controls' -> spaCy Matcher token patterns.

    spaCy splits hyphenated words ("low-interest" -> low, -, interest): a hyphenated token without
    alternatives becomes three tokens; hyphenated alternatives inside ``a|b`` are matched only when
    the tokenizer keeps them whole.
    """
    pattern = []
    toks = []
    for tok in phrase.split():
        if "-" in tok and "|" not in tok and tok not in ("-", "-?") and not tok.endswith("?"):
            a, b = tok.split("-", 1)
            toks += [a, "-", b]
        elif "|" in tok and any("-" in x and x != "-" for x in tok.rstrip("?").split("|")):
            alts = tok.rstrip("?").split("|")
            plain = [x for x in alts if "-" not in x]
            tok = "|".join(plain or alts) + ("?" if tok.endswith("?") else "")
            toks.append(tok)
        else:
            toks.append(tok)
    for tok in toks:
        op = None
        if tok.endswith("?") and len(tok) > 1:
            tok, op = tok[:-1], "?"
        spec: dict = {"LOWER": {"IN": tok.split("|")}} if "|" in tok else {"LOWER": tok}
        if op:
            spec["OP"] = op
        pattern.append(spec)
    return pattern
