"""Fuzzing the whole path: text -> Dispatch -> Extraction -> GraphBatch -> Turtle -> parse -> SHACL.

Each generated case is a piece of arbitrary Unicode (control characters, bidi marks, zero-width
joiners, CJK, emoji sequences, combining marks, very long tokens, empty and whitespace-only
documents, markup and policy sentences the extractor recognises) read with one of the readers.
A case passes when

* reading either gives Dispatches or raises one :class:`kg.errors.InputError` (a one-line message);
* extraction, merging and Turtle serialisation raise nothing;
* the Turtle parses back with rdflib and with pyoxigraph, to the same number of triples, and each
  dispatch's title comes back as the same literal;
* the graph conforms to ``ontology/shapes.ttl`` (:func:`kg.rdf.validate.validate`), each case's
  output on its own (a union of independent outputs is not a graph kg would write: the same event
  key from two texts would carry two confidences).

    python bench/fuzz.py --cases 5000 [--seed 1] [--big] [--report failures.jsonl]

prints ``cases``, ``refused`` (InputError, as designed), ``failures`` and ``outputs validated``,
and exits 1 if anything failed. ``--big`` adds one 5,000,000-byte prose document (minutes).
tests/reliability/test_fuzz.py runs the same cases (fewer) in CI.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import strategies as st  # noqa: E402

#: readers a case goes through; None = sniffed, as for stdin
FORMATS = [None, "txt", "txt", "txt", "md", "dispatch", "html", "json"]

_WEIRD = [
    "\u200f", "\u200e", "\u202e", "\u202d", "\u2067", "\u2069",    # bidi marks and overrides
    "\u200d", "\u200c", "\u200b", "\u2060", "\ufeff",              # zero-width joiners, spaces, BOM
    "\x00", "\x01", "\x07", "\x1b[31m", "\x7f", "\x85", "\x9f",     # C0/C1 controls, an ANSI escape
    "\r", "\r\n", "\t", "\x0b", "\x0c", "\u2028", "\u2029",        # odd line breaks
    "e\u0301", "\u0301\u0301\u0301", "Z\u0335\u0336\u0337",        # combining marks, zalgo
    "中华人民共和国商务部", "半导体出口管制", "日本経済産業省", "한국 산업통상자원부",
    "وزارة التجارة", "משרד הכלכלה", "Министерство",                  # RTL and Cyrillic scripts
    "🙂", "👩\u200d🔬", "🏳\ufe0f\u200d🌈", "🇨🇳", "🇺🇸", "👍🏽", "\U0001f9ea",   # emoji and ZWJ sequences
    "\ufffd", "\uffff", "\U0010ffff", "\ue000",                      # replacement, non-characters, PUA
    '"', "'", "`", "\\", "{", "}", "<", ">", "&", "&amp;", "<script>alert(1)</script>",
    "}) DETACH DELETE n //", "SELECT * WHERE { ?s ?p ?o }", "@prefix x: <http://e/> .", "_:b0",
    "http://example.org/a b", "^^", '"""', "#", "--", "/*", "*/",
]
_POLICY = [
    "China restricted exports of gallium and germanium in July 2023.",
    "The United States added YMTC to the Entity List on 15 December 2022.",
    "The European Union adopted the AI Act, which bans social scoring.",
    "Japan's Ministry of Economy, Trade and Industry announced subsidies for Rapidus.",
    "India banned TikTok and 58 other Chinese apps in June 2020.",
    "Italy's Garante ordered OpenAI to stop processing data of Italian users.",
    "The Netherlands imposed export controls on ASML's DUV lithography machines.",
    "The Commerce Department's Bureau of Industry and Security said the rule takes effect today.",
    "Nvidia said it would stop selling H20 chips to China after the new licence requirement.",
    "Officials said the measure, known as the Chip Security Act, responds to China's rare earth ban.",
]


def _long_token(n: int, ch: str) -> str:
    return ch * n


@st.composite
def documents(draw) -> str:
    """A document: pieces joined, sometimes with line breaks between them."""
    piece = st.one_of(
        st.sampled_from(_WEIRD),
        st.sampled_from(_POLICY),
        st.text(max_size=40),                                            # any code point but surrogates
        st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn"]), max_size=12),
        st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=30),
        st.text(alphabet=st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), min_size=1, max_size=8),
        st.builds(_long_token, st.integers(200, 20_000), st.sampled_from(["a", "中", "x\u0301", "-", "."])),
        # runs of characters spaCy's tokenizer strips one at a time as suffixes (emoji, symbols,
        # '%', ')', '"') cost time quadratic in the run (spaCy issues #1768, #4362): 4,000 take
        # 1-3 s, so they stay short here; docs/guarantees.md lists this as a known limit
        st.builds(_long_token, st.integers(50, 600), st.sampled_from(["🙂", "©", "%", ")", '"', "!"])),
    )
    parts = draw(st.lists(piece, max_size=14))
    seps = draw(st.lists(st.sampled_from([" ", "", "\n", "\n\n", ". "]), min_size=len(parts), max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, seps))
    shape = draw(st.sampled_from(["plain", "plain", "plain", "titled", "blank", "spaces"]))
    if shape == "titled":
        text = draw(st.sampled_from(_POLICY))[:40].rstrip(".") + "\n\n" + text
    elif shape == "blank":
        text = ""
    elif shape == "spaces":
        text = draw(st.text(alphabet=" \t\n\r\u00a0\u2003\u3000\u200b\ufeff", max_size=50))
    return text


def cases():
    """(text, reader) pairs."""
    return st.tuples(documents(), st.sampled_from(FORMATS))


# ---------------------------------------------------------------------------- checking one case


@dataclass
class CaseOutcome:
    refused: bool = False          # InputError, as designed
    graph: object = None           # rdflib.Graph of the output (validated)
    triples: int = 0


class CaseFailure(AssertionError):
    pass


def run_case(extractor, text: str, fmt: str | None) -> CaseOutcome:
    """Raise CaseFailure (or any exception: a crash) unless the case behaves; see module docstring."""
    import pyoxigraph as ox
    from rdflib import Graph, Literal, URIRef

    from kg.errors import InputError
    from kg.ingest import read_text
    from kg.link.merge import BatchBuilder
    from kg.rdf.write import serialize_batch
    from kg.vocab import POL

    try:
        dispatches = read_text(text, source="fuzz", fmt=fmt)
    except InputError as exc:
        if exc.source != "fuzz" or "\n" in str(exc) or not exc.problem:
            raise CaseFailure(f"InputError message is not one line naming the source: {exc!r}") from None
        return CaseOutcome(refused=True)
    builder = BatchBuilder()
    for d in dispatches:
        builder.add(extractor.extract(d))
    batch = builder.build()
    data = serialize_batch(batch, "turtle")
    g = Graph()
    g.parse(data=data, format="turtle")
    n_ox = sum(1 for _ in ox.parse(input=data, format=ox.RdfFormat.TURTLE))
    if n_ox != len(g) or not len(g):
        raise CaseFailure(f"rdflib read {len(g)} triples, pyoxigraph {n_ox}")
    from kg.rdf.graph import dispatch_iri
    for d in dispatches:
        if d.title:
            titles = set(g.objects(URIRef(str(dispatch_iri(d.id))), POL.title))
            if titles != {Literal(d.title.replace("\x00", ""))}:
                raise CaseFailure(f"title did not round-trip: {d.title!r} -> {titles!r}")
    from kg.rdf.validate import validate

    report = validate(g)
    if not report.conforms:
        raise CaseFailure("SHACL: " + "; ".join(report.violations[:5]))
    return CaseOutcome(graph=g, triples=len(g))


# ---------------------------------------------------------------------------- the 5 MB documents


def big_prose(n_bytes: int = 5_000_000) -> str:
    """Invented policy prose, exactly ``n_bytes`` bytes of UTF-8 (the default --max-bytes)."""
    paras, size, i = [], 0, 0
    while size < n_bytes:
        p = (f"Report {i}. " + " ".join(_POLICY[(i + k) % len(_POLICY)] for k in range(4))
             + " Officials in Ruritania described the step as routine (ref. 中文 🙂).")
        paras.append(p)
        size += len(p.encode()) + 2
        i += 1
    text = "Large prose report\n\n" + "\n\n".join(paras)
    return text.encode()[:n_bytes].decode("utf-8", "ignore").rstrip()


def big_tokens(n_bytes: int = 5_000_000) -> str:
    """5 MB made mostly of very long tokens with a policy sentence every 90 kB (cheap to parse)."""
    paras, size, i = [], 0, 0
    while size < n_bytes:
        p = _POLICY[i % len(_POLICY)] + " " + ("x" * 9000 + "中文🙂\u200d" + str(i)) * 10
        paras.append(p)
        size += len(p.encode()) + 2
        i += 1
    text = "Large document of long tokens\n\n" + "\n\n".join(paras)
    return text.encode()[:n_bytes].decode("utf-8", "ignore").rstrip()


# ---------------------------------------------------------------------------- the nightly run


@dataclass
class Tally:
    cases: int = 0
    refused: int = 0
    extracted: int = 0
    validated: int = 0
    triples: int = 0
    failures: list[dict] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    from hypothesis import HealthCheck, Phase, given, settings

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--big", action="store_true", help="also one 5 MB prose document (slow)")
    ap.add_argument("--model", default=None)
    ap.add_argument("--report", type=Path, default=None, help="write failing cases here (JSON lines)")
    args = ap.parse_args(argv)

    from kg.nlp.extract import Extractor

    t0 = time.perf_counter()
    extractor = Extractor(args.model)
    print(f"model loaded in {time.perf_counter() - t0:.1f} s", flush=True)
    tally = Tally()
    def one(text: str, fmt: str | None) -> None:
        tally.cases += 1
        try:
            out = run_case(extractor, text, fmt)
        except Exception as exc:  # noqa: BLE001 — a crash is what we count
            tally.failures.append({"text": text, "fmt": fmt, "error": f"{type(exc).__name__}: {exc}",
                                   "traceback": traceback.format_exc()})
            return
        if out.refused:
            tally.refused += 1
            return
        tally.extracted += 1
        tally.validated += 1
        tally.triples += out.triples
        if tally.cases % 100 == 0:
            print(f"  {tally.cases} cases, {tally.refused} refused, {tally.validated} validated, "
                  f"{len(tally.failures)} failures, {time.perf_counter() - t0:.0f} s", flush=True)

    @settings(max_examples=args.cases, database=None, deadline=None, derandomize=False,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=cases())
    def generated(case):
        one(*case)

    import random
    random.seed(args.seed)
    from hypothesis import seed as hseed
    interrupted = False
    try:
        hseed(args.seed)(generated)()
        one(big_tokens(), "txt")
        if args.big:
            one(big_prose(), "txt")
    except KeyboardInterrupt:   # Ctrl-C / SIGINT: report what ran
        interrupted = True
    elapsed = time.perf_counter() - t0
    print(f"cases: {tally.cases}  refused (InputError): {tally.refused}  extracted: {tally.extracted}  "
          f"failures: {len(tally.failures)}  outputs validated: {tally.validated}  "
          f"triples: {tally.triples}  time: {elapsed:.0f} s" + ("  (INTERRUPTED)" if interrupted else ""))
    for f in tally.failures[:10]:
        print(f"FAIL {f['fmt']!r} {f['text'][:80]!r}: {f['error'][:300]}")
    if args.report and tally.failures:
        with args.report.open("w", encoding="utf-8") as fh:
            for f in tally.failures:
                fh.write(json.dumps(f, ensure_ascii=True) + "\n")
    return 1 if tally.failures or interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
