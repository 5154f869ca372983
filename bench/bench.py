"""The whole benchmark: our product against Material's blog + rss (+ social) and the floor.

Usage::

    python3 bench/bench.py [--posts 100 1000 3000] [--runs 3] [--out BENCHMARKS.md]

(``make bench`` runs it.) For each N it builds the same deterministic corpus (every post
with its own photo) with our plugin (cold and warm), with Material's blog +
mkdocs-rss-plugin, and with Material's blog + rss + social cards, cold and warm (installed
by ``material_baseline.py`` into a separate environment in /tmp, fonts seeded locally
because the machine is offline), and renders it with python-markdown alone (the floor).
It prints the figures, the ratios the targets are stated in and a table of the targets
met or not, all from this one run, and writes them to ``--out`` with the machine and date.
Peak memory is RSS summed over each build's process tree (``bench/measure.py``).
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
import measure  # noqa: E402

MATERIAL_KEYS = ["c", "d", "e-cold", "e-warm"]
MATERIAL_ROWS = (
    ("c", "Material blog + rss"),
    ("d", "python-markdown floor"),
    ("e-cold", "Material blog + rss + social, cold"),
    ("e-warm", "Material blog + rss + social, warm"),
)
OUR_STEPS = build_bench.STEPS
TARGET_N = 1000


def median(values: list[float]) -> float:
    """The median, or nan for no values."""
    return statistics.median(values) if values else float("nan")


def collect(sizes: list[int], runs: int) -> tuple[dict, dict]:
    """Ours and Material's figures, by size and step."""
    material_baseline.ensure_venv()
    root = Path(tempfile.mkdtemp(prefix="advocacy-bench-all-", dir="/tmp"))
    ours: dict[tuple[int, str], build_bench.Row] = {}
    theirs: dict[tuple[int, str], material_baseline.Result] = {}
    try:
        for n in sizes:
            for row in build_bench.bench(n, runs, root / "ours"):
                ours[(n, row.step)] = row
            for result in material_baseline.bench_size(
                n, MATERIAL_KEYS, runs, 900.0, root / "material"
            ):
                theirs[(n, result.key)] = result
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return ours, theirs


class Figures:
    """Medians and peaks of one run of the whole benchmark, by size."""

    def __init__(self, ours: dict, theirs: dict) -> None:
        """Keep our rows and Material's results, keyed by (N, step or config key)."""
        self.ours, self.theirs = ours, theirs

    def secs(self, n: int, step: str) -> float:
        """Median seconds of our ``step`` or Material's config ``step`` at ``n`` posts."""
        found = self.ours.get((n, step)) or self.theirs[(n, step)]
        return median(found.seconds)

    def peak(self, n: int, step: str, kind: str = "peak_mb") -> float:
        """Peak MB (``peak_mb``: tree RSS, ``pss_mb``: tree PSS) of ``step`` at ``n``."""
        found = self.ours.get((n, step)) or self.theirs[(n, step)]
        return max(getattr(found, kind))


def most(values: list[int]) -> str:
    """The largest count over the runs (the cold runs all do the same work)."""
    return str(max(values)) if values else "?"


def figures_table(sizes: list[int], f: Figures) -> list[str]:
    """Every measured row: seconds, peak memory, runs and the work done."""
    lines = [
        "| N | step | median s | peak MB (tree RSS) | tree PSS MB | runs | work done |",
        "|---:|---|---:|---:|---:|---:|---|",
    ]
    for n in sizes:
        rows = [(step, f"advocacy {step}", f.ours[(n, step)]) for step in OUR_STEPS]
        rows += [(key, label, f.theirs[(n, key)]) for key, label in MATERIAL_ROWS]
        for step, label, found in rows:
            work = ""
            if step == "cold build":
                work = f"{most(found.pictures)} pictures processed, {most(found.cards)} cards made"
            elif getattr(found, "pages", 0):
                work = f"{found.cards} cards for {found.pages} pages"
            if getattr(found, "network", 0):
                work += f"; {found.network} network attempts refused"
            lines.append(
                f"| {n} | {label} | {f.secs(n, step):.2f} | {f.peak(n, step):.0f} "
                f"| {f.peak(n, step, 'pss_mb'):.0f} | {len(found.seconds)} | {work} |"
            )
    return lines


def ratios_table(sizes: list[int], f: Figures) -> list[str]:
    """The ratios the targets are stated in, for every N, then 3,000 / 1,000."""
    lines = [
        "| N | warm / social warm | warm / floor | warm / blog+rss | cold / social cold "
        "| cold peak / social cold peak (RSS) | (PSS) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sizes:
        warm, cold = f.secs(n, "warm build"), f.secs(n, "cold build")
        lines.append(
            f"| {n} | {warm / f.secs(n, 'e-warm'):.2f} | {warm / f.secs(n, 'd'):.2f} "
            f"| {warm / f.secs(n, 'c'):.2f} | {cold / f.secs(n, 'e-cold'):.2f} "
            f"| {f.peak(n, 'cold build') / f.peak(n, 'e-cold'):.2f} "
            f"| {f.peak(n, 'cold build', 'pss_mb') / f.peak(n, 'e-cold', 'pss_mb'):.2f} |"
        )
    if 1000 in sizes and 3000 in sizes:
        for step in ("cold build", "warm build"):
            ratio = f.secs(3000, step) / f.secs(1000, step)
            lines.append(f"\n{step}: 3,000 posts take {ratio:.2f}x the time of 1,000.")
    return lines


def verdict(ok: bool) -> str:
    """The met? column."""
    return "yes" if ok else "no"


def targets_table(sizes: list[int], f: Figures) -> list[str]:
    """Each target of the issue, what this run measured and whether it is met."""
    n = TARGET_N if TARGET_N in sizes else max(sizes)
    at = "" if n == TARGET_N else f" (measured at N={n}: the targets are stated for 1,000)"
    cold, warm = f.secs(n, "cold build"), f.secs(n, "warm build")
    e_cold, e_warm, floor = f.secs(n, "e-cold"), f.secs(n, "e-warm"), f.secs(n, "d")
    peak, e_peak = f.peak(n, "cold build"), f.peak(n, "e-cold")
    cold_row, social = f.ours[(n, "cold build")], f.theirs[(n, "e-cold")]
    rows = [
        (
            f"cold {n} with photos and cards faster than Material blog + rss + social cold",
            f"{cold:.2f} s vs {e_cold:.2f} s ({cold / e_cold:.2f}); {most(cold_row.pictures)} "
            f"pictures and {most(cold_row.cards)} cards made vs {social.cards} cards",
            cold < e_cold,
        ),
        (
            f"cold {n} peak memory ≤ 1/4 of Material + social cold",
            f"{peak:.0f} MB vs {e_peak:.0f} MB ({peak / e_peak:.2f}; tree PSS "
            f"{f.peak(n, 'cold build', 'pss_mb'):.0f} vs {f.peak(n, 'e-cold', 'pss_mb'):.0f} MB)",
            peak <= e_peak / 4,
        ),
        (
            f"warm {n} ≤ 1/4 of Material blog + rss + social warm",
            f"{warm:.2f} s vs {e_warm:.2f} s ({warm / e_warm:.2f})",
            warm <= e_warm / 4,
        ),
        (
            f"warm {n} ≤ 2.5x the python-markdown floor",
            f"{warm / floor:.2f}x (floor {floor:.2f} s)",
            warm <= 2.5 * floor,
        ),
        (
            f"warm {n} peak memory < 300 MB",
            f"{f.peak(n, 'warm build'):.0f} MB",
            f.peak(n, "warm build") < 300,
        ),
        (
            f"`mkdocs serve` at {n}: one post edited, shown in a couple of seconds (< 5 s)",
            f"rebuilt in {f.secs(n, 'one post edited'):.2f} s (a fresh process; `serve` keeps one)",
            f.secs(n, "one post edited") < 5,
        ),
        (
            f"`advocacy check` of one post in {n} < 1 s",
            f"{f.secs(n, 'check one post'):.2f} s",
            f.secs(n, "check one post") < 1,
        ),
        (
            f"`advocacy check` of all {n} < 3 s",
            f"{f.secs(n, 'check all'):.2f} s",
            f.secs(n, "check all") < 3,
        ),
    ]
    lines = [f"Targets{at}:", "", "| target | measured | met? |", "|---|---|---|"]
    lines += [f"| {name} | {measured} | {verdict(ok)} |" for name, measured, ok in rows]
    if 1000 in sizes and 3000 in sizes:
        scale = [f.secs(3000, s) / f.secs(1000, s) for s in ("cold build", "warm build")]
        lines.append(
            f"| 3,000 posts ≤ 3.3x the time of 1,000 | cold {scale[0]:.2f}x, "
            f"warm {scale[1]:.2f}x | {verdict(max(scale) <= 3.3)} |"
        )
    else:
        lines.append("| 3,000 posts ≤ 3.3x the time of 1,000 | not measured in this run | - |")
    return lines


def report(sizes: list[int], ours: dict, theirs: dict) -> str:
    """The figures, the ratios the targets are stated in, and the targets met or not."""
    f = Figures(ours, theirs)
    return "\n".join(
        [*figures_table(sizes, f), "", *ratios_table(sizes, f), "", *targets_table(sizes, f)]
    )


def main(argv: list[str] | None = None) -> int:
    """Run, print and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, help="write the report here (BENCHMARKS.md)")
    args = parser.parse_args(argv)
    started = time.time()
    ours, theirs = collect(args.posts, args.runs)
    cpu = subprocess.run(
        ["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} cores ({cpu or '?'}), "
        f"{platform.system()}, Python {platform.python_version()}; "
        f"{material_baseline.versions()}; medians of {args.runs} runs; peak memory is "
        f"RSS summed over each build's process tree, sampled every "
        f"{measure.INTERVAL * 1000:.0f} ms; the whole benchmark took "
        f"{(time.time() - started) / 60:.0f} minutes."
    )
    text = header + "\n\n" + report(args.posts, ours, theirs) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
