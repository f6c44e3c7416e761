"""Generate large synthetic corpora by recombining the sample dispatches and gazetteer names.

How: every sample dispatch in data/samples/ is read with kg.ingest and split into sentences; a
generated dispatch takes a title and 6-14 sentences drawn (seeded, so reproducible) from all
samples, and swaps each company, country and group name the gazetteer knows for another entry
of the same type. The language stays real policy-news English while names, measures and
sectors recombine. Nothing generated is committed: output goes to bench/_generated/.

    python bench/corpus.py 20000 bench/_generated/corpus-20k     # writes .txt files
"""
from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ids import content_hash  # noqa: E402
from kg.models import Dispatch  # noqa: E402

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


@lru_cache(maxsize=1)
def _material() -> tuple[list[str], list[str], dict[str, list[str]]]:
    from kg.ingest import iter_dispatches

    titles, sentences = [], []
    for d in iter_dispatches([ROOT / "data" / "samples"]):
        if isinstance(d, Exception):
            continue
        if d.title:
            titles.append(d.title)
        body = d.text
        for para in body.split("\n\n"):
            sentences += [s.strip() for s in _SENT.split(para) if len(s.split()) >= 6]
    names: dict[str, list[str]] = {}
    try:
        from kg.link.gazetteer import default_gazetteer

        for e in default_gazetteer().entries:
            if e.type in ("Company", "Country", "Group", "Technology"):
                names.setdefault(e.type, []).append(e.name)
    except Exception:  # noqa: BLE001 — recombination still works without name swapping
        pass
    return titles, sentences, names


def generate(n: int, seed: int = 0, min_sent: int = 6, max_sent: int = 14) -> Iterator[Dispatch]:
    """``n`` synthetic dispatches, the same for the same seed."""
    titles, sentences, names = _material()
    if not sentences:
        raise SystemExit("no sample dispatches found in data/samples/")
    rng = random.Random(seed)
    swaps = [(t, sorted(v)) for t, v in sorted(names.items()) if len(v) > 1]
    for i in range(n):
        parts = rng.sample(sentences, k=min(len(sentences), rng.randint(min_sent, max_sent)))
        text = " ".join(parts)
        for _t, pool in swaps:
            a, b = rng.sample(pool, 2)
            text = re.sub(rf"\b{re.escape(a)}\b", b, text)
        title = rng.choice(titles) if titles else f"Dispatch {i}"
        full = f"{title}\n\n{text}"
        yield Dispatch(id=content_hash(full, i), text=full, title=title, source=f"generated:{seed}:{i}")


def words(dispatches) -> int:
    return sum(len(d.text.split()) for d in dispatches)


def main(argv: list[str]) -> int:
    n, out = int(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for i, d in enumerate(generate(n)):
        (out / f"{i:07d}.txt").write_text(d.text + "\n", encoding="utf-8")
    print(f"wrote {n} dispatches to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
