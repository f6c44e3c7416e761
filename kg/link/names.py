"""Name normalisation shared by the gazetteer and the linkers.

Two kinds of surface form:

* **case-sensitive** — a single word of at most three characters ("BIS", "CAC", "US", "EU"), or a
  single word of an entry flagged ``case_sensitive`` because it is also an ordinary lower-case
  English word ("Arm", "Meta", "Apple", "Turkey"). It matches only with the exact capitalisation.
* **case-insensitive** — everything else: multi-word names and longer single words ("DeepSeek",
  "deepseek", "DEEPSEEK"). Accents and hyphens are ignored too ("Turkiye" = "Türkiye",
  "open weight models" = "open-weight models").

Before either comparison a form is cleaned: Unicode NFKC, curly quotes straightened, white space
collapsed, a leading "the" and a trailing possessive ("China's", "Xi Jinping’s") dropped, and the
dots of dotted acronyms removed ("U.S." -> "US", "U.K." -> "UK"). A multi-word form that finds nothing is
tried once more with the other spelling of "-isation"/"-ization" ("Organization" = "Organisation").
"""
from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u00a0": " "})
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}[A-Za-z]?$")
_EDGE_PUNCT = " \t\n\"'“”‘’,;:!?()[]{}"


def clean(form: str) -> str:
    """The form without decoration: 'the U.S.'s' -> 'US', ' China’s ' -> 'China'."""
    s = unicodedata.normalize("NFKC", form).translate(_QUOTES)
    s = " ".join(s.split()).strip(_EDGE_PUNCT)
    s = _POSSESSIVE.sub("", s).strip(_EDGE_PUNCT)
    s = _LEADING_THE.sub("", s)
    return " ".join(undot(tok) for tok in s.split(" ")) if s else s


def undot(token: str) -> str:
    """'U.S.' -> 'US', 'U.S' -> 'US'; any other token unchanged."""
    return token.replace(".", "") if _DOTTED_ACRONYM.match(token) else token


def fold(text: str) -> str:
    """Lower-case, accents stripped, hyphens as spaces: the case-insensitive comparison key."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("-", " ").replace(".", "")
    return " ".join(s.split())


def ascii_fold(text: str) -> str:
    """Accents stripped, case kept: 'Türkiye' -> 'Turkiye'."""
    s = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def is_single_word(form: str) -> bool:
    return " " not in clean(form)


def is_case_sensitive(form: str, flagged: bool = False) -> bool:
    """Whether ``form`` must match with its exact capitalisation (see the module docstring)."""
    c = clean(form)
    if " " in c:
        return False
    return len(c) <= 3 or flagged


def match_key(form: str, flagged: bool = False) -> tuple[str, str]:
    """The index key of a gazetteer surface form: ('cs', exact) or ('ci', folded)."""
    c = clean(form)
    return ("cs", c) if is_case_sensitive(c, flagged) else ("ci", fold(c))


def query_keys(surface: str) -> list[tuple[str, str]]:
    """Keys to try, most specific first, for a surface form seen in text."""
    c = clean(surface)
    if not c:
        return []
    keys = [("cs", c), ("ci", fold(c))]
    if " " in c:  # "Indian Space Research Organization" = "... Organisation": the other spelling last
        other = _IZE.sub(lambda m: _IZE_SWAP[m.group(0)], keys[1][1])
        if other != keys[1][1]:
            keys.append(("ci", other))
    return keys


_IZE = re.compile(r"(?<=[a-z])(?:ization|isation)")
_IZE_SWAP = {"ization": "isation", "isation": "ization"}
