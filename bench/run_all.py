"""Run every benchmark in bench/ one after another and print what each reports.

Each benchmark compares against a baseline measured in the same run (the machines are shared
and noisy, so absolute numbers vary; the ratios are what the targets are stated in).

    python bench/run_all.py            # full sizes (tens of minutes on 2 cores)
    python bench/run_all.py --quick    # small sizes, a few minutes: a smoke run
    python bench/run_all.py --only extract_speed memory

bench/fuzz.py (5,000 generated hostile documents through extract -> RDF -> SHACL) is the nightly
run and is not part of this list.
"""
from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: name -> (full-size arguments, quick arguments)
BENCHES: dict[str, tuple[list[str], list[str]]] = {
    "quality": ([], ["--no-baseline"]),
    "extract_speed": (["--docs", "600"], ["--docs", "60"]),
    "memory": ([], ["--small", "100", "--large", "1000"]),
    "rdf_write": ([], ["--triples", "100000"]),
    "load": ([], ["--entities", "2000", "--events", "3000", "--sample", "300"]),
    "queries": ([], ["--entities", "1000", "--events", "1500", "--runs", "3"]),
    "precedents": ([], []),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", nargs="*", choices=sorted(BENCHES))
    args = ap.parse_args()
    print(f"# PolicyKG benchmarks — {date.today()} — {platform.node()} — {platform.processor() or platform.machine()}"
          f", {__import__('os').cpu_count()} cores, Python {platform.python_version()}")
    failed = []
    for name, (full, quick) in BENCHES.items():
        if args.only and name not in args.only:
            continue
        script = HERE / f"{name}.py"
        if not script.exists():
            print(f"\n## {name}: missing ({script.name})")
            failed.append(name)
            continue
        argv = [sys.executable, str(script), *(quick if args.quick else full)]
        print(f"\n## {name}: {' '.join(Path(a).name if i < 2 else a for i, a in enumerate(argv))}", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.run(argv).returncode
        print(f"({time.perf_counter() - t0:.0f} s, exit {rc})", flush=True)
        if rc:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
