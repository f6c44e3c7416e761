"""Date expressions in dispatch text -> ISO 8601 strings (YYYY, YYYY-MM or YYYY-MM-DD).

Absolute dates ("on 15 March 2024", "March 15, 2024", "in March 2023", "in 2019") are read as
written. Relative ones ("last year", "this month", "on Monday", "yesterday", "in March") need the
dispatch date and resolve to ``None`` without it. Eras ("in the 1990s", "during the Cold War")
cannot be written as one ISO value: they are found (``kind == "era"``) so that callers can mark a
measure Historical, but carry no ``iso`` value.

Only the standard library is used: the expressions news text uses for policy dates are few, and
a general date parser (dateparser, parsedatetime) would also read "May" the verb or "March" the
noun, and cost a dependency for no gain here.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
               "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MON = (r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

#: (kind, regex) in priority order; earlier patterns win where matches overlap
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("day", re.compile(rf"\b{_DAY}\s+{_MON}\s*,?\s+{_YEAR}\b", re.I)),             # 15 March 2024
    ("day", re.compile(rf"\b{_MON}\s+{_DAY}\s*,\s*{_YEAR}\b", re.I)),              # March 15, 2024
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),  # 2024-03-15
    ("month", re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b", re.I)),               # March 2023
    ("era", re.compile(r"\b(?:in\s+|during\s+)?the\s+(?:(?:early|mid|late)[- ])?(?:19|20)?\d0s\b", re.I)),  # the 1990s
    ("era", re.compile(r"\b(?:during|in|since)\s+the\s+cold\s+war\b", re.I)),
    ("rel_year", re.compile(r"\b(?P<which>last|this|next|previous|past)\s+year\b", re.I)),
    ("rel_month", re.compile(r"\b(?P<which>last|this|next)\s+month\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+ago\b", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                           re.I)),
    ("deictic", re.compile(r"\b(?P<which>yesterday|today)\b", re.I)),
    ("month_only", re.compile(rf"\bin\s+{_MON}(?!\s*\d)\b", re.I)),
    ("year", re.compile(rf"(?<![$€£\d.,-]){_YEAR}(?![\d%]|\s*(?:percent|per cent|billion|million|units?)\b)")),
]
#: what each pattern of _PATTERNS needs in the text to match at all: a digit ("0"), a word in the lower-cased
#: text, or nothing (None). Most sentences lack most of these, and the test is cheaper than the search.
_NEEDS: list[str | None] = ["0", "0", "0", "0", "0", "cold", "year", "month", "year", "day", "day", None, "0"]
_ANY_DIGIT = re.compile(r"\d")
_ERA_NEEDS = re.compile(r"\d0s|cold", re.I)
_NUM = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True)
class DateMatch:
    start: int          #: character offset in the text searched
    end: int
    text: str
    kind: str           #: day, month, year, era, rel_year, rel_month, ago, weekday, deictic, month_only
    iso: str | None     #: ISO value, None for eras and relative dates without a reference date

    @property
    def is_relative(self) -> bool:
        return self.kind in {"rel_year", "rel_month", "ago", "weekday", "deictic", "month_only"}


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def _iso(kind: str, m: re.Match, ref: dt.date | None) -> str | None:
    g = m.groupdict()
    try:
        if kind == "day":
            return dt.date(int(g["year"]), _month(g["mon"]), int(g["day"])).isoformat()
        if kind == "iso":
            return dt.date(int(g["year"]), int(g["m"]), int(g["d"])).isoformat()
        if kind == "month":
            return f"{int(g['year']):04d}-{_month(g['mon']):02d}"
        if kind == "year":
            return g["year"]
    except ValueError:  # 31 February and the like: not a date
        return None
    if ref is None or kind == "era":
        return None
    if kind == "rel_year":
        delta = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[g["which"].lower()]
        return str(ref.year + delta)
    if kind == "rel_month":
        delta = {"last": -1, "this": 0, "next": 1}[g["which"].lower()]
        y, mo = divmod(ref.year * 12 + ref.month - 1 + delta, 12)
        return f"{y:04d}-{mo + 1:02d}"
    if kind == "ago":
        n = g["n"].lower()
        return str(ref.year - (_NUM[n] if n in _NUM else int(n)))
    if kind == "weekday":  # news convention: the most recent such day, the dispatch day included
        back = (ref.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        return (ref - dt.timedelta(days=back)).isoformat()
    if kind == "deictic":
        return (ref - dt.timedelta(days=1 if g["which"].lower() == "yesterday" else 0)).isoformat()
    if kind == "month_only":  # the most recent such month, this one included
        mo = _month(g["mon"])
        y = ref.year if mo <= ref.month else ref.year - 1
        return f"{y:04d}-{mo:02d}"
    return None


def find_dates(text: str, ref: dt.date | None = None) -> list[DateMatch]:
    """Every date expression in ``text``, left to right, without overlaps."""
    taken: list[tuple[int, int]] = []
    out: list[DateMatch] = []
    digit, low = _ANY_DIGIT.search(text) is not None, text.lower()
    for (kind, rx), need in zip(_PATTERNS, _NEEDS):
        if need is not None and not (digit if need == "0" else need in low):
            continue  # the pattern cannot match here
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "month_only" and m.group("mon").lower() == "may":
                continue  # "in may" is almost always the modal verb
            taken.append((s, e))
            out.append(DateMatch(s, e, m.group(0), kind, _iso(kind, m, ref)))
    return sorted(out, key=lambda d: d.start)


_PRECISION = {"day": 3, "iso": 3, "weekday": 3, "deictic": 3, "month": 2, "rel_month": 2,
              "month_only": 2, "year": 1, "rel_year": 1, "ago": 1}


def resolve_date(text: str, ref: dt.date | None = None) -> str | None:
    """The one date a sentence gives for what it reports: the most precise resolvable expression
    (ties: the first). None when the text does not say."""
    best: DateMatch | None = None
    for d in find_dates(text, ref):
        if d.iso is None:
            continue
        if best is None or _PRECISION.get(d.kind, 0) > _PRECISION.get(best.kind, 0):
            best = d
    return best.iso if best else None


def has_era(text: str) -> bool:
    """True when the text places something in an era ("the 1990s", "the Cold War")."""
    if not _ERA_NEEDS.search(text):
        return False  # neither era pattern can match (a decade needs "<digit>0s", the Cold War "cold")
    return any(d.kind == "era" for d in find_dates(text))


#: rule 'dateline': words a dateline may carry besides its date ("Published on 26 Apr 2024 | 5 minute read",
#: "Updated: Jun 13, 2017 Print"); a line with more words than this is a sentence, not a dateline
DATELINE_MAX_WORDS = 8
DATELINE_LINES = 12
_NOT_DATELINE = re.compile(r"^\W*(?:today|now)\b", re.I)  # a site's header with the day it was read


def dateline(text: str) -> dt.date | None:
    """Rule 'dateline': the publication date a news text gives on a line of its own near the top
    ("December 22, 2020", "Friday, March 21, 2025", "Published on 26 Apr 2024 | 5 minute read",
    "(Xinhua News Agency June 24, 2008)"): the first of the first lines that holds a full date and
    at most a few other words and does not end like a sentence ("The law will come into force on
    September 1, 2016." is no dateline). None when there is none."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][:DATELINE_LINES]
    for line in lines:
        if len(line) > 100 or line.endswith(".") or _NOT_DATELINE.search(line):
            continue
        days = [d for d in find_dates(line) if d.kind in ("day", "iso") and d.iso]
        if not days:
            continue
        rest = line[:days[0].start] + " " + line[days[0].end:]
        if len(re.findall(r"[A-Za-z]+", rest)) > DATELINE_MAX_WORDS:
            continue
        try:
            return dt.date.fromisoformat(days[0].iso or "")
        except ValueError:
            continue
    return None
