"""Word sets the entity rules test against (cue words for organisation types, heads of group names,
modifiers that make a group, outlets and words that are never entities), and the confidence per source.
"""
from __future__ import annotations

CONF = {"gazetteer": 0.95, "rule:legal-case": 0.8, "rule:legislation": 0.75, "rule:technology": 0.75,
        "rule:group": 0.75, "rule:company-cue": 0.7, "gazetteer:demonym": 0.85,
        "gazetteer:capital": 0.8, "ner": 0.6, "rule:gov-possessive": 0.6, "rule:case-person": 0.6, "rule:group-head": 0.6}

GOV_CUES = {"mission", "party", "ministry", "department", "agency", "commission", "bureau", "administration", "office",
            "parliament", "congress", "court", "senate", "council", "authority", "regulator",
            "directorate", "committee", "cabinet", "treasury", "government", "assembly", "diet", "duma",
            "secretariat", "tribunal", "police", "customs", "inspectorate", "ombudsman", "commissioner",
            "house", "legislature", "presidency", "kremlin", "pentagon", "army", "navy", "military"}
#: heads of descriptive names of bodies: "Italy's data protection authority", "the Dutch trade ministry"
GOV_HEADS = {"ministry", "regulator", "watchdog", "authority", "agency", "commission", "parliament",
             "legislature", "cabinet", "court", "bureau", "department", "office", "inspectorate"}
RESEARCH_CUES = {"university", "institute", "academy", "laboratory", "college", "school", "polytechnic",
                 "observatory", "think-tank"}
COMPANY_SUFFIX = {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "limited", "group",
                  "technologies", "technology", "holdings", "co", "co.", "plc", "llc", "ai", "labs",
                  "semiconductor", "semiconductors", "electronics", "systems", "networks", "telecom",
                  "motors", "bank", "capital", "partners", "ventures", "software", "robotics", "energy",
                  "materials", "micro", "microelectronics", "industries", "pharmaceuticals", "biotech",
                  "fab", "foundry", "instruments", "devices", "dynamics", "aerospace", "mobile", "cloud"}
COMPANY_CONTEXT = {"startup", "start-up", "firm", "company", "chipmaker", "lab", "giant", "maker",
                   "manufacturer", "developer", "provider", "operator", "conglomerate", "supplier",
                   "rival", "unicorn", "subsidiary", "vendor", "foundry", "carrier", "platform",
                   "automaker", "carmaker", "retailer", "insurer", "lender", "designer", "producer",
                   "startups", "firms", "companies", "chipmakers", "makers", "manufacturers", "developers",
                   "suppliers", "giants", "rivals", "labs", "vendors", "groups"}
CORP_TAIL = {"corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "limited", "group", "co", "co.",
             "holdings", "plc", "llc", "technology", "technologies", "company"}
PROGRAMME_HEADS = {"scheme", "program", "programme", "initiative", "plan", "strategy", "fund", "list",
                   "project", "framework", "guidelines", "visa"}
BLOC_CUES = {"union", "arrangement", "alliance", "bloc"}
OUTLETS = {"reuters", "bloomberg", "associated press", "ap", "afp", "financial times", "ft",
           "wall street journal", "wsj", "new york times", "nyt", "washington post", "cnn", "bbc",
           "nikkei", "nikkei asia", "south china morning post", "scmp", "xinhua", "the information",
           "politico", "axios", "techcrunch", "the verge", "wired", "cnbc", "guardian", "the guardian",
           "economist", "the economist", "caixin", "global times", "yonhap", "kyodo", "semafor",
           "substack", "x", "twitter", "linkedin", "tass", "dpa", "le monde", "der spiegel", "nhk",
           "al jazeera", "fortune", "forbes", "business insider", "the register", "ars technica"}
NEVER = {"ai", "a.i.", "ml", "it", "ceo", "cfo", "cto", "gpu", "gpus", "llm", "llms", "eu-", "us-",
         "government", "the government", "state", "the state", "west", "western", "east", "internet"}

GROUP_HEADS = {"researcher", "scientist", "engineer", "physicist", "student", "worker", "official",
               "executive", "employee", "cryptographer", "chemist", "mathematician", "technician",
               "developer", "programmer", "specialist", "expert", "academic", "professor", "scholar",
               "investor", "journalist", "dissident", "hacker", "activist", "diplomat", "talent",
               "personnel", "staff", "professional", "virologist", "biologist", "technologist"}
#: heads that name a group on their own ("cryptographers"); the others need a field modifier
SPECIFIC_HEADS = {"cryptographer", "physicist", "virologist", "mathematician", "chemist", "dissident",
                  "hacker", "journalist", "biologist"}
FIELD_MODIFIERS = {"ai", "nuclear", "aerospace", "semiconductor", "chip", "quantum", "defence", "defense",
                   "military", "government", "state", "tech", "technology", "software", "hardware",
                   "biotech", "biotechnology", "telecom", "telecommunications", "crypto", "cryptography",
                   "cybersecurity", "security", "science", "scientific", "research", "graduate",
                   "doctoral", "postdoctoral", "phd", "foreign", "international", "overseas", "space",
                   "rocket", "missile", "machine-learning", "robotics", "battery", "energy", "party",
                   "intelligence", "public", "civil", "federal", "senior", "trade", "commerce",
                   "financial", "bank", "health", "medical", "data", "computer", "electrical",
                   "materials", "physics", "chemical", "weapons", "lithography", "fab", "factory",
                   "industrial", "mining", "rare-earth", "biological", "pharmaceutical", "academic",
                   "university", "migrant", "skilled", "high-skilled", "highly-skilled", "tech-sector",
                   "frontier", "model", "ml", "stem", "engineering", "private-sector"}
ALIAS_INTENSIFIERS = {"top", "leading", "elite", "senior", "prominent", "star", "brightest", "key", "best",
                     "top-tier", "world-class", "renowned"}
#: heads that name a population group only with a technical field ("AI executives", "chip workers")
WEAK_HEADS = {"official", "executive", "employee", "staff", "personnel", "worker", "professional", "expert",
              "specialist", "manager", "investor"}
DOMAIN_MODIFIERS = {"ai", "nuclear", "aerospace", "semiconductor", "chip", "quantum", "defence", "defense",
                    "tech", "technology", "software", "hardware", "biotech", "biotechnology", "telecom",
                    "telecommunications", "crypto", "cryptography", "cybersecurity", "space", "rocket", "missile",
                    "robotics", "battery", "intelligence", "data", "computer", "lithography", "fab", "factory",
                    "mining", "rare-earth", "pharmaceutical", "foreign", "overseas", "frontier", "model",
                    "machine-learning", "research", "science", "venture", "hedge-fund", "skilled", "migrant"}
INTENSIFIERS = {"top", "leading", "elite", "best", "many", "some", "several", "most", "all", "other",
                "certain", "key", "prominent", "star", "brightest", "more", "few", "numerous", "its",
                "their", "the", "these", "those", "such", "ordinary", "young", "talented", "hundreds",
                "thousands", "dozens", "of", "select", "individual", "own", "his", "her", "our", "your",
                "major", "veteran", "renowned", "notable", "top-tier", "world-class"}
TECH_HEADS = {"chip", "chips", "lithography", "gpu", "gpus", "processor", "processors", "accelerator",
              "accelerators", "semiconductors", "wafers", "memory"}
LAW_HEADS = {"Act", "Law", "Regulation", "Regulations", "Order", "Directive", "Rule", "Rules", "Bill",
             "Treaty", "Convention", "Ordinance", "Decree", "Code", "Statute", "Amendment", "Accords",
             "Accord", "Protocol"}

