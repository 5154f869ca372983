"""Build benchmark of our own product: cold and warm builds, pictures processed, checks.

Usage::

    .venv/bin/python bench/build_bench.py [--posts 100 1000] [--runs 3]

For each N it generates the corpus (``bench/corpus.py``) in a temporary folder, then takes
the median of ``--runs`` runs of: a cold build (empty picture cache), a warm build (cache
kept), ``advocacy check`` of everything and of one post. It prints a Markdown table with
seconds, peak memory and the number of pictures processed (encodes counted from the build
log, not guessed from the time). Material's blog baseline is ``bench/material_baseline.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
TIME_BIN = Path("/usr/bin/time")
TODAY = "2026-11-28"


@dataclass
class Row:
    """Measurements of one step at one size."""

    posts: int
    step: str
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    pictures: list[int] = field(default_factory=list)


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Run ``cmd``; return wall seconds, peak memory in MB and its log (stdout + stderr)."""
    rss = cwd / ".rss.txt"
    full = [str(TIME_BIN), "-v", "-o", str(rss), *cmd] if TIME_BIN.exists() else cmd
    start = time.perf_counter()
    proc = subprocess.run(full, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stdout}\n{proc.stderr}")
    peak = 0.0
    if TIME_BIN.exists():
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", rss.read_text())
        peak = int(found.group(1)) / 1024 if found else 0.0
    return seconds, peak, proc.stdout + proc.stderr


def pictures(log: str) -> int:
    """How many pictures the build processed (not taken from the cache)."""
    found = re.search(r"Pictures: \d+ published, (\d+) processed now", log)
    return int(found.group(1)) if found else -1


def bench(posts: int, runs: int, root: Path) -> list[Row]:
    """Every step at one size."""
    work = root / f"n{posts}"
    subprocess.run([sys.executable, str(HERE / "corpus.py"), "--posts", str(posts), "--out",
                    str(work)], check=True, capture_output=True)
    one = next((work / "site_src/blog/posts").rglob("*.md"))
    rows = {name: Row(posts, name) for name in ("cold build", "warm build", "check all",
                                                  "check one post")}
    for index in range(runs):
        cache = root / f"cache-{posts}-{index}"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ADVOCACY_TODAY=TODAY,
                   ADVOCACY_CACHE_DIR=str(cache))
        build = [str(BIN / "mkdocs"), "build", "-d", str(root / "site")]
        for step in ("cold build", "warm build"):
            seconds, peak, log = run(build, work, env)
            rows[step].seconds.append(seconds)
            rows[step].peak_mb.append(peak)
            rows[step].pictures.append(pictures(log))
        for step, extra in (("check all", []), ("check one post", [str(one)])):
            seconds, peak, _ = run([str(BIN / "advocacy"), "check", *extra], work, env)
            rows[step].seconds.append(seconds)
            rows[step].peak_mb.append(peak)
        shutil.rmtree(cache, ignore_errors=True)
        print(f"N={posts} run {index + 1}: " + ", ".join(
            f"{r.step} {r.seconds[-1]:.2f}s" for r in rows.values()), file=sys.stderr)
    return list(rows.values())


def table(rows: list[Row]) -> str:
    """The results as a Markdown table, with each size's ratio to the first size."""
    first = {r.step: statistics.median(r.seconds) for r in rows if r.posts == rows[0].posts}
    lines = ["| N | step | median s | x first N | peak MB | pictures processed | runs |",
             "|---:|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        median = statistics.median(r.seconds)
        pics = "/".join(str(p) for p in sorted(set(r.pictures))) if r.pictures else ""
        lines.append(f"| {r.posts} | {r.step} | {median:.2f} | {median / first[r.step]:.1f} "
                     f"| {max(r.peak_mb):.0f} | {pics} | {len(r.seconds)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="advocacy-bench-") as tmp:
        rows = [row for n in args.posts for row in bench(n, args.runs, Path(tmp))]
    print(f"Machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; "
          f"{time.strftime('%Y-%m-%d')}")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
