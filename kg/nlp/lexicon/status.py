"""Status cues, by lemma of the verbs and nouns that govern a trigger (see docs/events.md)."""
from __future__ import annotations

REVOKED = {"lift", "revoke", "rescind", "repeal", "scrap", "withdraw", "overturn", "reverse", "abolish",
           "cancel", "roll"}
DISCUSSED = {"consider", "discuss", "debate", "mull", "weigh", "explore", "conversation", "talk", "discussion",
             "expect", "contemplate", "study", "eye", "float", "whether"}
PROPOSED = {"propose", "proposal", "draft", "table", "bill", "recommend", "suggest"}
ANNOUNCED = {"announce", "plan", "pledge", "unveil", "intend", "vow", "promise", "prepare", "aim", "set",
             "threaten", "want"}
ENACTED = {"impose", "introduce", "require", "start", "begin", "add", "ban", "block", "pass", "adopt", "enact",
           "approve", "sign", "launch", "order", "tighten", "expand", "restrict", "place", "put", "finalise",
           "finalize", "take", "enter", "extend", "open", "bar", "freeze", "deny", "suspend", "charge", "fine"}
#: verbs of processes that are over once done ("ran a review"): past tense alone is Historical
PROCESS_PAST = {"run", "conduct", "hold", "complete", "carry", "conclude", "finish"}
#: cues of ongoing force despite a past date ("took effect in 2023", "since 2023")
ONGOING = {"since", "effect", "force", "still", "now", "remains", "remain"}
HISTORICAL_PHRASES = ("in the past", "at various times", "in various countries", "historically", "decades ago",
                      "years ago", "in recent years", "previously", "at the time", "once had", "have all faced",
                      "has long", "in earlier decades")
