"""All-pairs ranking for ``kg build``, vectorised with NumPy.

:func:`kg.precedents.rank.rank` scores one query against every candidate in Python, which is
fine for ``kg precedents`` but quadratic in Python for a whole store (1,600 events took ~2 minutes).
Here every feature of :func:`~kg.precedents.rank.features` becomes an array operation over a
block of queries at once; the few candidates that can make each event's top ``k`` are then
re-scored exactly by :func:`~kg.precedents.rank.rank`, so the links, scores and explanations are
the ones the Python path gives.
"""
from __future__ import annotations

import numpy as np

from kg.precedents.rank import FEATURES, RELATIVE, UNKNOWN, Candidate, LinkConfig, Profile, features, rank
from kg.precedents.taxonomy import family

_BLOCK = 256
_SLACK = 1e-4   # exact scores are rounded to 4 decimals


def _index(values) -> tuple[np.ndarray, dict]:
    table: dict = {}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64), table


def _incidence(sets: list[frozenset], dtype=np.float32) -> np.ndarray:
    table: dict = {}
    for s in sets:
        for x in s:
            table.setdefault(x, len(table))
    m = np.zeros((len(sets), max(1, len(table))), dtype=dtype)
    for i, s in enumerate(sets):
        for x in s:
            m[i, table[x]] = 1
    return m


def _relative_add(s: np.ndarray, weight: float, sim: np.ndarray | None, floor: float
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Add ``weight`` x ``sim`` divided by each row's largest value (at least ``floor``) to ``s`` in
    place (:func:`kg.precedents.rank.relative`); return each row's closest candidate, or -1 where
    the floor is the divisor (or ``sim`` is not computed), and the relative matrix (zeros without ``sim``)."""
    if sim is None:
        return np.full(len(s), -1), np.zeros(s.shape)
    best = sim.argmax(axis=1)
    rel = _rel(sim, floor, s.shape)
    if weight:
        s += weight * rel
    return np.where(sim[np.arange(len(s)), best] > floor, best, -1), rel


def _rel(sim: np.ndarray | None, floor: float, shape: tuple[int, int]) -> np.ndarray:
    """``sim`` divided by each row's largest value (at least ``floor``), as :func:`kg.precedents.rank.relative`."""
    if sim is None:
        return np.zeros(shape)
    top = np.maximum(sim.max(axis=1), floor)
    return np.divide(sim, top[:, None], out=np.zeros_like(sim), where=top[:, None] > 0)


def _citing(profiles: list[Profile]) -> list[np.ndarray]:
    """For each profile, the indices of the profiles it cites or is cited by (:func:`kg.precedents.rank.cite`)."""
    at = {p.key: i for i, p in enumerate(profiles)}
    nb: list[set[int]] = [set() for _ in profiles]
    for i, p in enumerate(profiles):
        for k in p.links:
            j = at.get(k)
            if j is not None and j != i:
                nb[i].add(j)
                nb[j].add(i)
    return [np.array(sorted(x), dtype=np.int64) for x in nb]


def _exact_scale(q: Profile, closest: dict[str, int], profiles: list[Profile], tfidf, emb,
                 floors) -> dict[str, float]:
    """The divisors of :func:`kg.precedents.rank.relative` for query ``q``, with each closest
    candidate's value computed by the Python path (so the exact re-scoring rounds as ``rank`` does,
    not as the float64 matrix products do)."""
    scale = {}
    for k in RELATIVE:
        j = closest[k]
        scale[k] = max(getattr(floors, k), features(q, profiles[j], tfidf, emb)[k]) if j >= 0 \
            else getattr(floors, k)
    return scale


def top_links(profiles: list[Profile], tfidf, config: LinkConfig,
              queries: list[int] | None = None, emb=None) -> dict[str, list[Candidate]]:
    """For each query profile: its top ``config.top_k`` candidates scoring >= threshold."""
    n = len(profiles)
    if n < 2 or config.top_k == 0:
        return {}
    if emb is None:
        from kg.precedents.embed import default_embedder
        emb = default_embedder()
    w = config.weights
    total = sum(getattr(w, k) for k in FEATURES)
    fam, _ = _index(family(p.measure) for p in profiles)
    mea, _ = _index(p.measure for p in profiles)
    known = np.array([p.measure != UNKNOWN for p in profiles])     # "Other" matches no kind (rank.features)
    kinds = [p.target_kind for p in profiles]
    kind_id, _ = _index(k or f"\0{i}" for i, k in enumerate(kinds))
    has_kind = np.array([k is not None for k in kinds])
    gt = np.array([k in ("goods", "technology") for k in kinds])
    sec = _incidence([p.sectors for p in profiles])
    act = _incidence([p.countries for p in profiles])
    dis = _incidence([p.dispatches for p in profiles])
    years = np.array([np.nan if p.year is None else p.year for p in profiles])
    vocab: dict[str, int] = {}
    vecs = [tfidf.vector(p.text) if p.text else {} for p in profiles]
    for v in vecs:
        for t in v:
            vocab.setdefault(t, len(vocab))
    X = np.zeros((n, max(1, len(vocab))), dtype=np.float64)
    for i, v in enumerate(vecs):
        for t, x in v.items():
            X[i, vocab[t]] = x
    has_text = np.array([bool(p.text) for p in profiles])
    E = emb.vectors([p.text for p in profiles]).astype(np.float64) if w.semantic or w.headline or w.linked else None
    H = emb.vectors([p.label for p in profiles]).astype(np.float64) if w.headline else None
    has_label = np.array([bool(p.label) for p in profiles])
    citing = _citing(profiles) if w.linked else None
    queries = list(range(n)) if queries is None else queries
    out: dict[str, list[Candidate]] = {}
    k = config.top_k
    for start in range(0, len(queries), _BLOCK):
        qi = np.array(queries[start:start + _BLOCK])
        s = (w.family * (fam[qi, None] == fam[None, :])
             + w.measure * (mea[qi, None] == mea[None, :])) * known[None, :]
        same_kind = (kind_id[qi, None] == kind_id[None, :]) & has_kind[qi, None]
        half = gt[qi, None] & gt[None, :] & ~same_kind
        s = s + w.target * (same_kind + 0.5 * half)
        s = s + w.sector * ((sec[qi] @ sec.T) > 0)
        s = s + w.actor * ((act[qi] @ act.T) > 0)
        yq, yc = years[qi, None], years[None, :]
        chrono = np.where(np.isnan(yq) | np.isnan(yc), 0.5, (yc <= yq).astype(float))
        s = s + w.chronology * chrono
        valid = np.ones((len(qi), n), dtype=bool)
        valid[np.arange(len(qi)), qi] = False                   # not itself
        valid &= ~((dis[qi] @ dis.T) > 0)                      # not its own dispatch
        # text and semantic relative to the query's closest candidate, at least the floor (rank.relative)
        text = (X[qi] @ X.T) * valid
        sem = None if E is None else np.clip(E[qi] @ E.T, 0.0, 1.0) * (has_text[qi, None] & has_text[None, :]) * valid
        tbest, trel = _relative_add(s, w.text, text, config.floors.text)
        sbest, srel = _relative_add(s, w.semantic, sem, config.floors.semantic)
        # the anchor: the closest candidate in wording and meaning (rank.anchor_of); linked = cites it
        near = np.where(valid, trel + srel, -1.0)
        anchors = near.argmax(axis=1)
        if citing is not None:
            for row, a in enumerate(anchors):
                s[row, citing[a]] += w.linked
        hbest, _ = _relative_add(s, w.headline, None if H is None or E is None else np.clip(E[qi] @ H.T, 0.0, 1.0)
                             * (has_text[qi, None] & has_label[None, :]) * valid, config.floors.headline)
        s = s / total
        s[~valid] = -1.0
        for row, q in enumerate(qi):
            r = s[row]
            cand = np.nonzero(r >= config.threshold - _SLACK)[0]
            if cand.size == 0:
                continue
            if cand.size > k:
                kth = np.partition(r[cand], -k)[-k]
                cand = cand[r[cand] >= kth - _SLACK]
            closest = {"text": int(tbest[row]), "semantic": int(sbest[row]), "headline": int(hbest[row])}
            scale = _exact_scale(profiles[q], closest, profiles, tfidf, emb, config.floors)
            exact = rank(profiles[q], [profiles[c] for c in cand], tfidf, config, emb=emb, scale=scale,
                         anchor=profiles[anchors[row]])
            best = [c for c in exact if c.score >= config.threshold][:k]
            if best:
                out[profiles[q].key] = best
    return out
