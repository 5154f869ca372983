"""Build benchmark of our own product: cold and warm builds, pictures processed, checks.

Usage::

    .venv/bin/python bench/build_bench.py [--posts 100 1000] [--runs 3]

For each N it generates the corpus (``bench/corpus.py``) in a temporary folder, then takes
the median of ``--runs`` runs of: a cold build (empty picture cache), a warm build (cache
kept), ``advocacy check`` of everything and of one post, and ``mkdocs serve`` kept running
while the newest post is edited ``SERVE_EDITS`` times: the seconds from saving the file to
the post's page showing the edit over HTTP (**edit to preview**), and to the blog's feed
showing it too, which is written last (**edit to whole site**). It prints a Markdown table
with seconds, peak memory (summed over the process tree, picture and card workers included:
``bench/measure.py``; for serve, over the whole session) and the number of pictures
processed (counted from the build log, not guessed from the time). Material's baseline is
``bench/material_baseline.py``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import measure  # noqa: E402  (a sibling script, not a package)

BIN = Path(sys.executable).parent
TODAY = "2026-11-28"


@dataclass
class Row(measure.Runs):
    """Measurements of one step at one size."""

    posts: int
    step: str
    pictures: list[int] = field(default_factory=list)
    cards: list[int] = field(default_factory=list)


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> measure.Measurement:
    """Run ``cmd`` and measure it; ``advocacy check`` exits 1 when it has findings."""
    return measure.run(cmd, cwd, env, ok=(0, 1))


SERVE_STEPS = ("serve: edit to preview", "serve: edit to whole site")
STEPS = ("cold build", "warm build", "one post edited", "check all", "check one post", *SERVE_STEPS)
SERVE_EDITS = 3  # edits of one post per run, each once the site is rebuilt
SERVE_TIMEOUT = 900.0  # seconds for `mkdocs serve` to come up (its first build is cold)


def _get(url: str) -> str:
    """The text at ``url``; "" while the server is not there (or says 404)."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def _until(url: str, marker: str, every: float, timeout: float) -> float:
    """Poll ``url`` until it shows ``marker``; the moment it did (perf_counter)."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if marker in _get(url):
            return time.perf_counter()
        time.sleep(every)
    sys.exit(f"mkdocs serve never showed {marker!r} at {url}")


def serve_edits(work: Path, env: dict[str, str], edits: int) -> list[measure.Measurement]:
    """``mkdocs serve`` kept running: each edit of the newest post, to its page and to the
    feed over HTTP; a pair of measurements per edit (memory: the session's peak)."""
    post = max((work / "site_src/blog/posts").rglob("*.md"), key=lambda p: p.name)
    day, slug = post.name[:10], post.name[11:-3]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    page, feed = f"{base}blog/{day.replace('-', '/')}/{slug}/", f"{base}blog/feed_rss.xml"
    original = post.read_text("utf-8")
    out: list[measure.Measurement] = []
    with tempfile.TemporaryFile() as log:
        cmd = [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"]
        proc = subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=log)
        sampler = measure.TreeSampler(proc.pid)
        sampler.start()
        try:
            _until(page, "</html>", 0.5, SERVE_TIMEOUT)
            for index in range(edits):
                marker = f"Serve edit {index} {time.time_ns()}"
                start = time.perf_counter()
                post.write_text(original.replace("\n\n", f"\n\n{marker}\n\n", 1), "utf-8")
                shown = _until(page, marker, 0.01, 60)  # held by the server until it is built
                whole = _until(feed, marker, 0.05, 120)
                out += [_timed(shown - start), _timed(whole - start)]
                time.sleep(1.0)  # idle again before the next save
        finally:
            post.write_text(original, "utf-8")
            proc.terminate()
            proc.wait(60)
            sampler.stop()
    peak, pss = sampler.peak_kb / 1024, sampler.pss_kb / 1024
    for m in out:
        m.peak_mb, m.largest_mb, m.pss_mb = peak, peak, pss
    return out


def _timed(seconds: float) -> measure.Measurement:
    return measure.Measurement(seconds, 0.0, 0.0, 0.0, 0, 0, "", "")


def pictures(log: str) -> int:
    """How many pictures the build processed (not taken from the cache)."""
    found = re.search(
        r"(?:Pictures|Billeder): \d+ (?:published|udgivet), (\d+) "
        r"(?:processed now|behandlet nu)",
        log,
    )
    return int(found.group(1)) if found else -1


def cards(log: str) -> int:
    """How many share cards the build made (not taken from the cache)."""
    found = re.search(
        r"(?:Share cards|Delingskort): \d+ (?:published|udgivet), (\d+) "
        r"(?:made now|lavet nu)",
        log,
    )
    return int(found.group(1)) if found else -1


def made(values: list[int]) -> str:
    """The distinct counts of pictures or cards over the runs ("" for none)."""
    return "/".join(str(v) for v in sorted(set(values)))


def bench(posts: int, runs: int, root: Path) -> list[Row]:
    """Every step at one size."""
    work = root / f"n{posts}"
    subprocess.run(
        [sys.executable, str(HERE / "corpus.py"), "--posts", str(posts), "--out", str(work)],
        check=True,
        capture_output=True,
    )
    one = next((work / "site_src/blog/posts").rglob("*.md"))
    rows = {name: Row(posts, name) for name in STEPS}
    original = one.read_text("utf-8")
    for index in range(runs):
        cache = root / f"cache-{posts}-{index}"
        env = dict(
            os.environ, NO_MKDOCS_2_WARNING="1", ADVOCACY_TODAY=TODAY, ADVOCACY_CACHE_DIR=str(cache)
        )
        build = [str(BIN / "mkdocs"), "build", "-d", str(root / "site")]
        shutil.rmtree(root / "site", ignore_errors=True)  # cold: no cache, no site folder
        for step in ("cold build", "warm build", "one post edited"):
            if step == "one post edited":  # what `mkdocs serve` rebuilds after a save
                one.write_text(
                    original.replace("\n\n", f"\n\nEdited in run {index}.\n\n", 1), "utf-8"
                )
            result = run(build, work, env)
            rows[step].add(result)
            rows[step].pictures.append(pictures(result.stdout + result.stderr))
            rows[step].cards.append(cards(result.stdout + result.stderr))
        one.write_text(original, "utf-8")
        for step, extra in (("check all", []), ("check one post", [str(one)])):
            rows[step].add(run([str(BIN / "advocacy"), "check", *extra], work, env))
        edits = serve_edits(work, env, SERVE_EDITS)
        for step, found in zip(SERVE_STEPS * SERVE_EDITS, edits, strict=True):
            rows[step].add(found)
        shutil.rmtree(cache, ignore_errors=True)
        print(
            f"N={posts} run {index + 1}: "
            + ", ".join(f"{r.step} {r.seconds[-1]:.2f}s" for r in rows.values()),
            file=sys.stderr,
        )
    return list(rows.values())


def table(rows: list[Row]) -> str:
    """The results as a Markdown table, with each size's ratio to the first size."""
    first = {r.step: statistics.median(r.seconds) for r in rows if r.posts == rows[0].posts}
    lines = [
        "| N | step | median s | x first N | peak MB (tree RSS) | tree PSS MB "
        "| largest process MB | pictures processed | cards made | runs |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        median = statistics.median(r.seconds)
        lines.append(
            f"| {r.posts} | {r.step} | {median:.2f} | {median / first[r.step]:.1f} "
            f"| {max(r.peak_mb):.0f} | {max(r.pss_mb):.0f} | {max(r.largest_mb):.0f} "
            f"| {made(r.pictures)} "
            f"| {made(r.cards)} | {len(r.seconds)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="advocacy-bench-") as tmp:
        rows = [row for n in args.posts for row in bench(n, args.runs, Path(tmp))]
    print(
        f"Machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; "
        f"{time.strftime('%Y-%m-%d')}"
    )
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
