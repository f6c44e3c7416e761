"""Large dispatches: peak memory and time grow linearly with size (issue: nothing breaks).

Builds one dispatch of about 50 KB, 500 KB and 5 MB from generated policy-news paragraphs
(bench/corpus.py: recombined sample sentences, seeded), runs ``kg extract`` on each in a fresh
process, and prints its peak RSS and seconds. The baseline, measured in the same run, is the
per-word rate of ordinary dispatches: the same generator's dispatches (~200 words each) extracted
by one ``kg extract`` over a folder of them. Targets: peak RSS <= 1.5 GB at 5 MB, and per-word time
within 1.5x of the ordinary rate (ratio <= 1.5).

    python bench/large_dispatch.py                 # 50 KB, 500 KB, 5 MB
    python bench/large_dispatch.py --sizes 50000   # quick
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate  # noqa: E402

KG = str(Path(sys.executable).with_name("kg"))


def big_text(size: int, seed: int = 7) -> str:
    paras, total = [], 0
    for d in generate(10**9, seed=seed):
        paras.append(d.text.strip())
        total += len(paras[-1]) + 2
        if total >= size:
            break
    return "Policy roundup\n\n" + "\n\n".join(paras)


def run(args: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MiB) of one kg process."""
    t0 = time.perf_counter()
    p = subprocess.Popen([KG, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"kg {' '.join(args)} failed: {p.stderr.read().decode()[-500:]}")
    return secs, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[50_000, 500_000, 5_000_000])
    ap.add_argument("--ordinary", type=int, default=200, help="ordinary dispatches for the baseline rate")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kg-large-"))
    folder = tmp / "ordinary"
    folder.mkdir()
    words = 0
    for i, d in enumerate(generate(a.ordinary, seed=3)):
        (folder / f"{i:04d}.txt").write_text(d.text)
        words += len(d.text.split())
    # the model's load time is paid once per process: measure it and take it out of both rates
    empty = tmp / "one.txt"
    empty.write_text("The ministry said nothing.\n")
    _, load_cpu, load_rss = run(["extract", str(empty), "-o", str(tmp / "one.ttl")])
    secs, cpu, rss = run(["extract", str(folder), "-o", str(tmp / "ordinary.ttl")])
    base = (cpu - load_cpu) / words
    print(f"start-up (model load, one tiny dispatch): {load_cpu:.1f} CPU s, {load_rss:.0f} MiB")
    print(f"baseline: {a.ordinary} ordinary dispatches, {words} words: {secs:.1f} s wall, {cpu:.1f} CPU s, "
          f"peak {rss:.0f} MiB, {1e3 * base:.3f} CPU ms/word")
    print("ratio = CPU time per word of the large dispatch / of ordinary dispatches (CPU time, not wall "
          "time: the machine is shared)")
    print(f"{'size':>10s} {'words':>9s} {'wall s':>8s} {'CPU s':>8s} {'peak MiB':>9s} {'CPU ms/word':>11s} {'ratio':>6s}")
    for size in a.sizes:
        text = big_text(size)
        src = tmp / f"big-{size}.txt"
        src.write_text(text)
        n = len(text.split())
        secs, cpu, rss = run(["extract", str(src), "--max-bytes", str(max(size * 2, 5_000_000)),
                              "-o", str(tmp / f"big-{size}.ttl")])
        per = (cpu - load_cpu) / n
        print(f"{len(text.encode()):>10d} {n:>9d} {secs:8.1f} {cpu:8.1f} {rss:9.0f} {1e3 * per:11.3f} {per / base:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
