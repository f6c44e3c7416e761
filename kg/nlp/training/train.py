"""Train the learned components with ``spacy train`` and install them as package data.

    python -m kg.nlp.training.train                  # = make train: convert, train, copy to kg/nlp/weights/
    python -m kg.nlp.training.train --out DIR --no-install
    python -m kg.nlp.training.train --only entities  # a component that is not shipped (measured only)

By default the components whose weights ship (:data:`SHIPPED`: the measure classifier,
``measure_textcat.cfg`` -> ``kg/nlp/weights/measures``). The entity recogniser (``entity_ner.cfg``
-> ``kg/nlp/weights/entities``) lost to the rules on dev cross-validation and does not ship;
``--only entities`` trains and installs it (the pipeline then loads it by default).

Needs the restored corpus texts (``data/corpus/texts``, see ``data/corpus/README.md``); CI never
trains, it uses the committed weights. CPU only, fixed seed: the same gold, texts and library
versions give the same weights.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from kg.nlp.learned import TRAINING_META, weights_path, weights_sha256
from kg.nlp.training import convert as C

CONFIG = Path(__file__).with_name("measure_textcat.cfg")
ENTITY_CONFIG = Path(__file__).with_name("entity_ner.cfg")
#: the components ``make train`` trains and installs (those whose weights are committed)
SHIPPED = ("measures",)
#: component -> (config, DocBin prefix, what it is)
COMPONENTS = {
    "measures": (CONFIG, "textcat", "textcat_multilabel (kg.SentenceVectorTextcat.v1: MLP over the mean and max of "
                                    "en_core_web_sm token vectors + hashed bag of words and bigrams)"),
    "entities": (ENTITY_CONFIG, "ents", "ner over the ten entity classes (kg.DocTensorTok2Vec.v1: en_core_web_sm "
                                        "token vectors + hashed word features; transition-based head)"),
}


def spacy_train(train: Path, dev: Path, out: Path, config: Path = CONFIG, seed: int = 0,
                quiet: bool = True, overrides: dict | None = None) -> Path:
    """``spacy train`` on the given DocBins; returns the final pipeline folder (``model-last``)."""
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(out),
           "--paths.train", str(train), "--paths.dev", str(dev), "--system.seed", str(seed),
           "--gpu-id", "-1", "--code", str(Path(__file__).resolve().parents[1] / "learned_arch.py")]
    for k, v in (overrides or {}).items():
        cmd += [f"--{k}", str(v)]
    r = subprocess.run(cmd, capture_output=quiet, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"spacy train failed ({r.returncode}): {(r.stderr or '')[-2000:]}")
    return out / "model-last"


def describe(conv: list[C.Converted], sources: list[C.Source], component: str = "measures") -> dict:
    root = C.ROOT
    def rel(p: Path) -> str:
        try:
            return str(Path(p).resolve().relative_to(root))
        except ValueError:
            return str(p)
    gold_hash = hashlib.sha256()
    for s in sources:
        gold_hash.update(Path(s.gold).read_bytes())
    config, _, what = COMPONENTS[component]
    batches = " ".join(sorted(Path(s.gold).stem for s in sources if Path(s.gold).parent.parent.name == "corpus"))
    return {
        "component": what,
        "config": rel(config),
        "config_sha256": hashlib.sha256(config.read_bytes()).hexdigest(),
        "gold": [rel(s.gold) for s in sources],
        "gold_sha256": gold_hash.hexdigest(),
        "data": C.report(conv),
        "description": (f"{len(conv)} documents: the real-news corpus dev batches "
                        f"{batches}"
                        " and the project's own sets (regression, holdout, holdout2, shared dev document); "
                        "never the test split"),
    }


def install(model_dir: Path, meta: dict, dest: Path | None = None) -> Path:
    """Copy the trained pipeline to the package's weights folder (replacing it) with the training
    description beside it."""
    dest = Path(dest) if dest else weights_path()
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(model_dir, dest)
    # the training run's data paths are this machine's: not part of the weights
    cfg = (dest / "config.cfg").read_text()
    cfg = re.sub(r'(?m)^(train|dev) = ".*"$', r"\1 = null", cfg)
    (dest / "config.cfg").write_text(cfg)
    m = json.loads((dest / "meta.json").read_text())
    for k in ("performance", "speed"):  # measured on the training run's dev slice; not needed to load
        m.pop(k, None)
    (dest / "meta.json").write_text(json.dumps(m, indent=2, sort_keys=True) + "\n")
    # the vocabulary's strings are the corpus's words; the models need none of them (their words are
    # hashed, their other input is the tagger's vectors; the recogniser's labels are in its own
    # files): ship no word list of other people's texts
    (dest / "vocab" / "strings.json").write_text("[]\n")
    (dest / TRAINING_META).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.nlp.training.train", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=C.ROOT / "build/training")
    ap.add_argument("--no-install", action="store_true", help="train only; do not replace the packaged weights")
    ap.add_argument("--model", default=None, help="spaCy model for sentence boundaries")
    ap.add_argument("--only", choices=sorted(COMPONENTS), action="append",
                    help="train this component (repeatable); default: the shipped ones")
    ap.add_argument("--batches", nargs="+", metavar="BATCH",
                    help="train on these dev batches only (e.g. d1 d2); default: every dev batch")
    args = ap.parse_args(argv)
    try:
        sources = C.default_sources(batches=args.batches)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    missing = [p for _, p in C.read_records(sources) if not p.is_file()]
    if missing:
        print(f"{len(missing)} texts are not restored (first: {missing[0]}): see data/corpus/README.md",
              file=sys.stderr)
        return 2
    conv = C.convert(C.read_records(sources), C.sentence_nlp(args.model))
    paths = C.write(conv, args.out / "data")
    print(json.dumps(C.report(conv), indent=1))
    for name in args.only or list(SHIPPED):
        config, prefix, _ = COMPONENTS[name]
        model = spacy_train(paths[f"{prefix}_train"], paths[f"{prefix}_dev"], args.out / name, config=config)
        if not args.no_install:
            dest = install(model, describe(conv, sources, name), weights_path().parent / name)
            print(f"installed {dest} sha256 {weights_sha256(dest)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
