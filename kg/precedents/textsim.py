"""TF-IDF cosine similarity of short descriptions, in a few dozen lines.

scikit-learn is not installed, and pulling it (and SciPy) in for one vectoriser over a few hundred
paragraphs would add ~100 MB for nothing: the whole computation is word counts, a log IDF and a dot
product. Tokens are lower-case words of three or more letters, minus English stop words, with a
light plural strip so "controls"/"control" and "researchers"/"researcher" meet. Sublinear TF,
smoothed IDF, L2-normalised vectors: the same definitions as scikit-learn's TfidfVectorizer
(``sublinear_tf=True, smooth_idf=True``).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"[a-z][a-z0-9\-]{2,}")
STOP = frozenset("""
the and for with that this from into over under their them they its are was were has have had
been being not but all any can may must per than then there these those which who whom whose
what when where why how also after before about above below between during against other some
such only own same very more most much many one two three four five first last new old out off
our your his her him she he you itself themselves would could should will shall did does doing
while because until upon onto via within without toward towards across along among around
said says say year years time times made make makes using used use uses like just even ever
""".split())


def tokens(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.strip("-")
        if len(w) < 3 or w in STOP:
            continue
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


class Tfidf:
    """Fit on a corpus of texts; ``vector(text)`` and ``cosine(a, b)`` over those IDF weights."""

    def __init__(self, corpus: Iterable[str]):
        docs = [set(tokens(t)) for t in corpus]
        n = len(docs)
        df = Counter(w for d in docs for w in d)
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self.default_idf = math.log(1 + n) + 1.0
        self._cache: dict[str, dict[str, float]] = {}

    def vector(self, text: str) -> dict[str, float]:
        v = self._cache.get(text)
        if v is None:
            tf = Counter(tokens(text))
            v = {w: (1.0 + math.log(c)) * self.idf.get(w, self.default_idf) for w, c in tf.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            v = {w: x / norm for w, x in v.items()}
            self._cache[text] = v
        return v

    def cosine(self, a: str, b: str) -> float:
        va, vb = self.vector(a), self.vector(b)
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(x * vb.get(w, 0.0) for w, x in va.items())

    def shared_terms(self, a: str, b: str, n: int = 3) -> list[str]:
        va, vb = self.vector(a), self.vector(b)
        common = sorted(set(va) & set(vb), key=lambda w: (-(va[w] * vb[w]), w))
        return common[:n]
