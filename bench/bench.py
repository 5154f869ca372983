"""The whole benchmark: our product against Material's blog + rss and the Markdown floor.

Usage::

    python3 bench/bench.py [--posts 100 1000 3000] [--runs 3] [--out BENCHMARKS.md]

(``make bench`` runs it.) For each N it builds the same deterministic corpus with our
plugin (cold and warm), with Material's blog + mkdocs-rss-plugin (installed by
``material_baseline.py`` into a separate environment in /tmp) and renders it with
python-markdown alone (the floor); then prints one table with the ratios the targets
are stated in, and writes it to ``--out`` with the machine and date.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import build_bench  # noqa: E402  (a sibling script, not a package)
import material_baseline  # noqa: E402


def median(values: list[float]) -> float:
    """The median, or nan for no values."""
    return statistics.median(values) if values else float("nan")


def measure(sizes: list[int], runs: int) -> tuple[dict, dict]:
    """Ours and Material's figures, by size and step."""
    material_baseline.ensure_venv()
    root = Path(tempfile.mkdtemp(prefix="advocacy-bench-all-", dir="/tmp"))
    ours: dict[tuple[int, str], build_bench.Row] = {}
    theirs: dict[tuple[int, str], material_baseline.Result] = {}
    try:
        for n in sizes:
            for row in build_bench.bench(n, runs, root / "ours"):
                ours[(n, row.step)] = row
            for result in material_baseline.bench_size(n, ["c", "d"], runs, 900.0,
                                                       root / "material"):
                theirs[(n, result.key)] = result
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return ours, theirs


def report(sizes: list[int], ours: dict, theirs: dict) -> str:
    """The Markdown table, then the ratios the targets are stated in."""
    lines = ["| N | step | median s | peak MB | runs |", "|---:|---|---:|---:|---:|"]
    for n in sizes:
        for step in ("cold build", "warm build", "check all", "check one post"):
            row = ours[(n, step)]
            extra = f" ({sorted(set(row.pictures))[-1]} pictures processed)" if (
                step == "cold build" and row.pictures) else ""
            lines.append(f"| {n} | advocacy {step}{extra} | {median(row.seconds):.2f} "
                         f"| {max(row.peak_mb):.0f} | {len(row.seconds)} |")
        for key, label in (("c", "Material blog + rss"), ("d", "python-markdown floor")):
            r = theirs[(n, key)]
            lines.append(f"| {n} | {label} | {median(r.seconds):.2f} "
                         f"| {max(r.peak_kb) / 1024:.0f} | {len(r.seconds)} |")
    lines += ["", "| N | warm / blog+rss | warm / floor | cold / blog+rss | cold peak / "
              "blog+rss peak |", "|---:|---:|---:|---:|---:|"]
    for n in sizes:
        warm, cold = median(ours[(n, "warm build")].seconds), median(
            ours[(n, "cold build")].seconds)
        blog, floor = median(theirs[(n, "c")].seconds), median(theirs[(n, "d")].seconds)
        peak = max(ours[(n, "cold build")].peak_mb) / (max(theirs[(n, "c")].peak_kb) / 1024)
        lines.append(f"| {n} | {warm / blog:.2f} | {warm / floor:.2f} | {cold / blog:.2f} "
                     f"| {peak:.2f} |")
    if 1000 in sizes and 3000 in sizes:
        for step in ("cold build", "warm build"):
            ratio = median(ours[(3000, step)].seconds) / median(ours[(1000, step)].seconds)
            lines.append(f"\n{step}: 3,000 posts take {ratio:.2f}x the time of 1,000.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run, print and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write the report here (BENCHMARKS.md)")
    args = parser.parse_args(argv)
    started = time.time()
    ours, theirs = measure(args.posts, args.runs)
    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                         capture_output=True, text=True, check=False).stdout.strip()
    header = (f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores ({cpu or '?'}), "
              f"{platform.system()}, Python {platform.python_version()}; "
              f"{material_baseline.versions()}; medians of {args.runs} runs; the whole "
              f"benchmark took {(time.time() - started) / 60:.0f} minutes.")
    text = header + "\n\n" + report(args.posts, ours, theirs) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
