"""Ranking candidate precedents and parallels for a policy event, with a transparent score.

The score is a weighted sum of named features, each in [0, 1]:

* ``family``  — same measure family (kg.precedents.taxonomy), the backbone of a parallel;
* ``measure`` — the very same kind of measure (1); for a free-text query, a measure one of its
  other cues names (``alt_measures``) counts half (:data:`OTHER_CUE`);
* ``target``  — same kind of target (people, firms, technology, data, capital, goods);
* ``sector``  — a shared sector (small on purpose: cross-sector parallels are the point);
* ``actor``   — the same country or bloc acted (gov bodies count as their country);
* ``chronology`` — the candidate comes first (1), undated (0.5) or later (0);
* ``text``    — TF-IDF cosine of the descriptions (shared words);
* ``semantic`` — cosine of offline ``wordllama`` embeddings of the same text
  (:mod:`kg.precedents.embed`): close in meaning even without shared words;
* ``headline`` — cosine of the query's embedding with the candidate's *label* alone: a record's
  one-line headline is written in the register of a question, while its description adds context
  words (targets, history) that dilute what the measure is about;
* ``linked`` — the candidate and the query's *anchor* (its closest candidate in wording and meaning:
  the largest relative ``text`` + ``semantic``) cite one another in the precedent base (a
  ``precedents`` or ``responds_to`` entry, either way): the measures an analyst reads together with
  the closest match (:func:`link_to_anchor`).

``text``, ``semantic`` and ``headline`` are divided by their largest value over the query's candidates, or by a
floor when that largest value is below it (:func:`relative`), so both read "how close, compared
with the closest candidate" (1 for the best): a raw cosine's range depends on the query (a long,
specific question shares many words with its best match, a short one few), which an additive sum
of raw cosines would weight unevenly from one question to the next (max-normalised CombSUM fusion
of two rankers). The floors (:class:`Floors`, fitted with the weights) keep a query whose closest
candidate is itself a weak match from having it count as fully close.

The weights are fitted on the tuning half of ``data/precedents/eval_cases.yaml``
(:mod:`kg.precedents.fit`, ``python -m kg.precedents.fit --write``), not set by hand.

Weights and thresholds live in :class:`LinkConfig` (``data/precedents/config.toml`` by default,
overridable by a file or CLI options). Every candidate carries an explanation sentence naming the
features it shares with the query.
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from kg.errors import ConfigError
from kg.precedents.taxonomy import FAMILY_LABEL, family
from kg.precedents.textsim import Tfidf
from kg.resources import resource_path

DEFAULT_CONFIG = resource_path("precedents", "config.toml")
FEATURES = ("family", "measure", "target", "sector", "actor", "chronology", "text", "semantic", "headline", "linked")
#: the ``measure`` value of a candidate whose kind is not the query's main measure but one its other
#: cues name (chosen by 5-fold CV on the tuning half among 0, 0.5 and 1: docs/precedents.md)
OTHER_CUE = 0.5
#: the measure of an event (or question) whose kind is not known: it matches no kind, itself included
UNKNOWN = "Other"
#: features divided by their largest value over a query's candidates (:func:`relative`)
RELATIVE = ("text", "semantic", "headline")


def _fitted() -> dict:
    """The packaged config.toml, written by ``python -m kg.precedents.fit --write``: the one place the
    fitted weights, floors and threshold live (the dataclass defaults below are read from it)."""
    try:
        return tomllib.loads(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):  # a broken package: LinkConfig.load names the problem
        return {}


_FITTED = _fitted()
_FW: dict = _FITTED.get("weights", {})
_FF: dict = _FITTED.get("floors", {})


@dataclass(frozen=True)
class Weights:
    """Defaults = data/precedents/config.toml (fitted on the tuning half, docs/precedents.md)."""

    family: float = float(_FW.get("family", 0.0))
    measure: float = float(_FW.get("measure", 0.0))
    target: float = float(_FW.get("target", 0.0))
    sector: float = float(_FW.get("sector", 0.0))
    actor: float = float(_FW.get("actor", 0.0))
    chronology: float = float(_FW.get("chronology", 0.0))
    text: float = float(_FW.get("text", 1.0))
    semantic: float = float(_FW.get("semantic", 0.0))
    headline: float = float(_FW.get("headline", 0.0))
    linked: float = float(_FW.get("linked", 0.0))


@dataclass(frozen=True)
class Floors:
    """The least raw cosine :func:`relative` divides by (defaults = data/precedents/config.toml: the
    25th percentile of the tuning questions' closest raw value, :mod:`kg.precedents.fit`)."""

    text: float = float(_FF.get("text", 0.0))
    semantic: float = float(_FF.get("semantic", 0.0))
    headline: float = float(_FF.get("headline", 0.0))


@dataclass(frozen=True)
class LinkConfig:
    weights: Weights = field(default_factory=Weights)
    floors: Floors = field(default_factory=Floors)
    #: an inferred pol:analogousTo link needs at least this score
    threshold: float = float(_FITTED.get("threshold", 0.7))
    #: and at most this many inferred links per event
    top_k: int = 3
    #: also infer links among precedent-base events themselves
    link_base: bool = True

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides) -> "LinkConfig":
        p = Path(path) if path else DEFAULT_CONFIG
        data: dict = {}
        if path or p.exists():
            try:
                data = tomllib.loads(p.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{p}: cannot read: {exc}") from exc
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{p}: not valid TOML: {exc}") from exc
        w = data.pop("weights", {})
        fl = data.pop("floors", {})
        if not isinstance(w, dict) or not isinstance(fl, dict):
            raise ConfigError(f"{p}: [weights] and [floors] must be tables")
        bad = (sorted(set(w) - set(FEATURES)) + sorted(set(fl) - set(RELATIVE))
               + sorted(set(data) - {"threshold", "top_k", "link_base"}))
        if bad:
            raise ConfigError(f"{p}: unknown setting(s) {', '.join(bad)}")
        try:
            weights = Weights(**{k: float(v) for k, v in w.items()})
            floors = Floors(**{k: float(v) for k, v in fl.items()})
            cfg = cls(weights=weights, floors=floors, **data)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{p}: {exc}") from exc
        cfg = replace(cfg, **{k: v for k, v in overrides.items() if v is not None})
        cfg.check(str(p))
        return cfg

    def check(self, where: str = "config") -> None:
        ws = [getattr(self.weights, f.name) for f in fields(self.weights)]
        if any(x < 0 for x in ws) or sum(ws) <= 0:
            raise ConfigError(f"{where}: weights must be non-negative and not all zero")
        if not all(0.0 <= getattr(self.floors, k) <= 1.0 for k in RELATIVE):
            raise ConfigError(f"{where}: floors must be between 0 and 1")
        if not 0.0 <= self.threshold <= 1.0:
            raise ConfigError(f"{where}: threshold must be between 0 and 1, not {self.threshold}")
        if self.top_k < 0:
            raise ConfigError(f"{where}: top_k must be 0 or more, not {self.top_k}")


@dataclass(frozen=True)
class Profile:
    """What scoring reads about one event."""

    key: str
    measure: str
    target_kind: str | None = None
    sectors: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()      # actor keys, gov bodies mapped to their country
    actor_names: tuple[str, ...] = ()
    year: int | None = None
    text: str = ""
    label: str = ""
    date: str | None = None
    dispatches: frozenset[str] = frozenset()    # dispatches reporting it (none for the base)
    base_id: str | None = None                  # precedent-base record id, if any
    #: free-text queries: every measure the text cues (all count as matching)
    alt_measures: frozenset[str] = frozenset()
    #: keys of the events it cites (its ``precedents`` and ``responds_to``)
    links: frozenset[str] = frozenset()

    @property
    def family(self) -> str:
        return family(self.measure)


@dataclass(frozen=True)
class Candidate:
    key: str
    score: float
    features: dict[str, float]
    explanation: str
    basis: str          # "precedent" (comes first) or "parallel"
    profile: Profile


def _kinds_match(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    return 0.5 if {a, b} == {"goods", "technology"} else 0.0


def _embedder(emb):
    if emb is None:
        from kg.precedents.embed import default_embedder
        emb = default_embedder()
    return emb


def features(q: Profile, c: Profile, tfidf: Tfidf, emb=None) -> dict[str, float]:
    if q.year is None or c.year is None:
        chrono = 0.5
    else:
        chrono = 1.0 if c.year <= q.year else 0.0
    measures = (q.alt_measures | {q.measure}) - {UNKNOWN}
    known = c.measure != UNKNOWN
    return {
        "family": 1.0 if known and c.family in {family(m) for m in measures} else 0.0,
        "measure": (1.0 if c.measure == q.measure else OTHER_CUE if c.measure in measures else 0.0) if known else 0.0,
        "target": _kinds_match(q.target_kind, c.target_kind),
        "sector": 1.0 if q.sectors & c.sectors else 0.0,
        "actor": 1.0 if q.countries & c.countries else 0.0,
        "chronology": chrono,
        "text": tfidf.cosine(q.text, c.text) if q.text and c.text else 0.0,
        "semantic": _embedder(emb).cosine(q.text, c.text) if q.text and c.text else 0.0,
        "headline": _embedder(emb).cosine(q.text, c.label) if q.text and c.label else 0.0,
        "linked": 0.0,   # set by link_to_anchor once the relative features are known
    }


def cite(a: Profile, b: Profile) -> bool:
    """One of the two events cites the other (``precedents`` or ``responds_to``)."""
    return a.key != b.key and (b.key in a.links or a.key in b.links)


def anchor_of(feats: list[dict[str, float]]) -> int:
    """The index of the candidate closest in wording and meaning (largest relative ``text`` +
    ``semantic``; the first on a tie), or -1 without candidates."""
    best, at = -1.0, -1
    for i, f in enumerate(feats):
        v = round(f["text"] + f["semantic"], 6)
        if v > best:
            best, at = v, i
    return at


def link_to_anchor(feats: list[dict[str, float]], cands: list[Profile],
                   anchor: Profile | None = None) -> Profile | None:
    """Set ``linked`` in place: 1 for a candidate citing, or cited by, the anchor (by default the
    closest candidate, :func:`anchor_of`; the anchor itself 0). Returns the anchor."""
    if anchor is None:
        i = anchor_of(feats)
        anchor = cands[i] if i >= 0 else None
    for f, c in zip(feats, cands):
        f["linked"] = 1.0 if anchor is not None and cite(anchor, c) else 0.0
    return anchor


def relative(feats: list[dict[str, float]], scale: dict[str, float] | None = None,
             floors: Floors | None = None) -> dict[str, float]:
    """Divide the :data:`RELATIVE` features of one query's candidates by their largest value (at
    least its floor), in place; values stay within [0, 1].

    ``scale``: the divisors to use (when ``feats`` is a subset of the candidates, as in the exact
    re-scoring of :mod:`kg.precedents.batchrank`); by default the largest value of ``feats`` or the
    floor, whichever is larger. Returns it."""
    keys = [k for k in RELATIVE if any(k in f for f in feats)] if scale is None else list(scale)
    if scale is None:
        fl = floors or Floors()
        scale = {k: max([getattr(fl, k), *(f[k] for f in feats)]) for k in keys}
    for f in feats:
        for k in keys:
            f[k] = round(min(1.0, f[k] / scale[k]), 6) if scale[k] > 0 else 0.0
    return scale


def explain(q: Profile, c: Profile, f: dict[str, float], tfidf: Tfidf,
            weights: Weights | None = None, anchor: Profile | None = None) -> str:
    """One sentence naming the features the two events share, strongest contribution first."""
    w = weights or Weights()
    shared: list[tuple[float, str]] = []   # (weight x value, phrase)
    add = lambda k, phrase: shared.append((getattr(w, k) * f[k], phrase))  # noqa: E731
    if f["semantic"] >= 0.8 and w.semantic > 0:
        add("semantic", "a close meaning" + (" (the closest)" if f["semantic"] == 1.0 else
                                            f" ({f['semantic']:.0%} of the closest)"))
    if f.get("headline", 0.0) >= 0.8 and w.headline > 0:
        add("headline", "a headline close in meaning" + (" (the closest)" if f["headline"] == 1.0 else
                                                         f" ({f['headline']:.0%} of the closest)"))
    if f["family"]:
        add("family", f"the same measure family ({FAMILY_LABEL[c.family]})")
    if f["measure"] == 1.0:
        add("measure", f"the same kind of measure ({c.measure})")
    elif f["measure"]:
        add("measure", f"a kind of measure the query also names ({c.measure})")
    if f["target"] == 1.0:
        add("target", f"the same kind of target ({q.target_kind})")
    elif f["target"]:
        add("target", f"related targets ({q.target_kind} / {c.target_kind})")
    if f["sector"]:
        add("sector", "the sector " + " and ".join(sorted(q.sectors & c.sectors)))
    if f["text"] >= 0.2:
        words = tfidf.shared_terms(q.text, c.text)
        if words:
            add("text", "similar wording (" + ", ".join(words) + ")")
    if f.get("linked") and anchor is not None:
        add("linked", f"a precedent link with the closest match ({anchor.label or anchor.key})")
    shared.sort(key=lambda x: -x[0])       # stable: ties keep the order above
    phrases = [p for c, p in shared if c > 0]   # a feature of weight 0 is no reason
    head = "Shares " + _join(phrases) if phrases else "Shares little beyond the score"
    tail = []
    if not f["sector"] and q.sectors and c.sectors:
        tail.append("a cross-sector parallel (" + "/".join(sorted(c.sectors)) + ")")
    if f["actor"]:
        tail.append("by the same actor")
    elif c.actor_names:
        tail.append("in another jurisdiction (" + ", ".join(c.actor_names) + ")")
    if c.year is not None and q.year is not None:
        tail.append(f"earlier ({c.date})" if c.year <= q.year else f"later ({c.date})")
    return head + ("; " + ", ".join(tail) if tail else "") + "."


def _join(xs: list[str]) -> str:
    return xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1]


def score_of(f: dict[str, float], w: Weights) -> float:
    total = sum(getattr(w, k) for k in FEATURES)
    return round(sum(getattr(w, k) * f[k] for k in FEATURES) / total, 4)


def rank(query: Profile, candidates: Iterable[Profile], tfidf: Tfidf,
         config: LinkConfig | None = None, top: int | None = None,
         exclude_same_dispatch: bool = True, emb=None,
         scale: dict[str, float] | None = None, anchor: Profile | None = None) -> list[Candidate]:
    """Candidates sorted by score (ties: earlier first, then key), best first.

    ``emb``: an :class:`kg.precedents.embed.Embedder` (default: the shared one). ``scale``: the
    divisors of ``text``/``semantic`` over all of the query's candidates, when ``candidates`` are
    only some of them (see :func:`relative`); ``anchor``: then also the closest of all of them
    (:func:`link_to_anchor`)."""
    config = config or LinkConfig()
    emb = _embedder(emb)
    kept = [c for c in candidates if c.key != query.key
            and not (exclude_same_dispatch and query.dispatches & c.dispatches)]
    feats = [features(query, c, tfidf, emb) for c in kept]
    relative(feats, scale, config.floors)
    anchor = link_to_anchor(feats, kept, anchor)
    out = []
    for c, f in zip(kept, feats):
        s = score_of(f, config.weights)
        basis = "precedent" if f["chronology"] == 1.0 else "parallel"
        out.append(Candidate(c.key, s, f, explain(query, c, f, tfidf, config.weights, anchor), basis, c))
    out.sort(key=lambda x: (-x.score, x.profile.date or "9999", x.key))
    return out[:top] if top else out
