"""Time ``mkdocs build`` with and without Material's blog plugin.

Usage::

    python3 bench/material_baseline.py [--posts 100 1000] [--runs 3]

Creates (if missing) a venv in /tmp/advocacy-bench-venv with MkDocs 1.6,
Material 9, mkdocs-rss-plugin and Pillow, generates the material-layout
corpus with ``bench/corpus.py`` in a temp dir under /tmp, and measures each
configuration's wall-clock (median of the runs) and peak RSS (``/usr/bin/time
-v``).  A tiny ``.pth`` hook in the venv counts ``markdown.Markdown.convert``
calls and converted characters when ``ADVOCACY_BENCH_COUNT_FILE`` is set.
Prints a Markdown table.  Nothing is written outside /tmp.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # keep the repository free of __pycache__
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

VENV = Path("/tmp/advocacy-bench-venv")
REQUIREMENTS = ("mkdocs>=1.6,<2", "mkdocs-material<10", "mkdocs-rss-plugin", "pillow")
TIME_BIN = Path("/usr/bin/time")
COUNT_ENV = "ADVOCACY_BENCH_COUNT_FILE"
HOOK = f'''"""Count Markdown conversions when ${COUNT_ENV} is set (bench only)."""
import os

if os.environ.get("{COUNT_ENV}"):
    import atexit
    import json

    import markdown

    _stats = {{"convert_calls": 0, "convert_chars": 0, "instances": 0}}
    _convert = markdown.Markdown.convert
    _init = markdown.Markdown.__init__

    def _counting_convert(self, source):
        _stats["convert_calls"] += 1
        _stats["convert_chars"] += len(source)
        return _convert(self, source)

    def _counting_init(self, *args, **kwargs):
        _stats["instances"] += 1
        _init(self, *args, **kwargs)

    markdown.Markdown.convert = _counting_convert
    markdown.Markdown.__init__ = _counting_init

    def _dump():
        with open(os.environ["{COUNT_ENV}"], "w", encoding="utf-8") as fh:
            json.dump(_stats, fh)

    atexit.register(_dump)
'''
FLOOR_EXTENSIONS = (
    "toc", "admonition", "attr_list", "md_in_html", "tables",
    "pymdownx.superfences", "pymdownx.highlight", "pymdownx.details",
)
FLOOR_CONFIGS = {
    "toc": {"permalink": True},
    "pymdownx.highlight": {"anchor_linenums": True, "line_spans": "__span",
                           "pygments_lang_class": True},
}
CONFIGS: dict[str, tuple[str, str]] = {
    "a": ("plain", "(a) Material, no blog plugin, posts as plain pages, auto nav"),
    "a2": ("plain-nonav", "(a2) as (a), posts `not_in_nav` (explicit nav)"),
    "b": ("blog", "(b) Material + blog plugin"),
    "c": ("blog-rss", "(c) Material + blog + rss (`use_git: false`)"),
    "d": ("floor", "(d) python-markdown floor, all bodies, 1 process"),
}


@dataclass
class Result:
    """Measurements for one configuration at one corpus size."""

    posts: int
    key: str
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    site_mb: float = 0.0
    render_s: list[float] = field(default_factory=list)
    body_chars: int = 0


def vpy(name: str) -> str:
    """Return the path of an executable inside the bench venv."""
    return str(VENV / "bin" / name)


def ensure_venv() -> None:
    """Create the bench venv and install the pinned tools if needed."""
    probe = "import mkdocs, material, mkdocs_rss_plugin, PIL"
    ok = (VENV / "bin/python").exists() and subprocess.run(
        [vpy("python"), "-c", probe], capture_output=True, check=False).returncode == 0
    if not ok:
        print(f"creating venv {VENV} ...", file=sys.stderr)
        subprocess.run(["python3", "-m", "venv", str(VENV)], check=True)
        subprocess.run([vpy("python"), "-m", "pip", "install", "-q", *REQUIREMENTS],
                       check=True)
    site = subprocess.run(
        [vpy("python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "advocacy_bench_count.py").write_text(HOOK, encoding="utf-8")
    (Path(site) / "advocacy_bench_count.pth").write_text(
        "import advocacy_bench_count\n", encoding="utf-8")


def versions() -> str:
    """Return installed versions of the benchmarked packages."""
    code = ("from importlib.metadata import version as v; print(', '.join(f'{p} ' + v(p) "
            "for p in ('mkdocs', 'mkdocs-material', 'mkdocs-rss-plugin', 'markdown', "
            "'pymdown-extensions')))")
    return subprocess.run([vpy("python"), "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip()


def dir_mb(path: Path) -> float:
    """Return the total size of files under ``path`` in MB."""
    total = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return total / 1e6


def measure(cmd: list[str], cwd: Path, count_file: Path) -> tuple[float, int, str]:
    """Run ``cmd``; return wall seconds, peak RSS in kB and stdout."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **{COUNT_ENV: str(count_file)})
    rss_file = cwd / ".time-v.txt"
    use_time = TIME_BIN.exists()
    full = [str(TIME_BIN), "-v", "-o", str(rss_file), *cmd] if use_time else cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(full, cwd=cwd, env=env, capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    if use_time:
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                          rss_file.read_text(encoding="utf-8"))
        peak = int(found.group(1)) if found else 0
    else:  # max over all children so far: only an upper bound
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return elapsed, peak, proc.stdout


def floor(docs: Path) -> None:
    """Render every post body with one Markdown instance; print JSON stats."""
    import markdown

    start = time.perf_counter()
    bodies = []
    for path in sorted(docs.glob("blog/posts/**/*.md")):
        text = path.read_text(encoding="utf-8")
        bodies.append(text.split("---\n", 2)[2] if text.startswith("---\n") else text)
    md = markdown.Markdown(extensions=list(FLOOR_EXTENSIONS),
                           extension_configs=FLOOR_CONFIGS)
    html_chars = sum(len(md.reset().convert(body)) for body in bodies)
    print(json.dumps({"posts": len(bodies), "render_s": time.perf_counter() - start,
                      "body_chars": sum(map(len, bodies)), "html_chars": html_chars}))


def bench_size(posts: int, keys: list[str], runs: int, repeat_limit: float,
               root: Path) -> list[Result]:
    """Generate one corpus of ``posts`` posts and measure each configuration."""
    work = root / f"n{posts}"
    subprocess.run([vpy("python"), str(HERE / "corpus.py"), "--posts", str(posts),
                    "--out", str(work), "--layout", "material"], check=True)
    results = []
    for key in keys:
        variant = CONFIGS[key][0]
        res = Result(posts=posts, key=key)
        if variant == "floor":
            cmd = [vpy("python"), str(Path(__file__).resolve()), "--floor", "docs"]
        else:
            cfg = work / f"mkdocs-{variant}.yml"
            cfg.write_text(corpus.material_config(variant), encoding="utf-8")
            cmd = [vpy("mkdocs"), "build", "-q", "-f", cfg.name, "-d", f"site-{variant}"]
        for i in range(runs):
            count_file = work / f".count-{key}-{i}.json"
            secs, peak, out = measure(cmd, work, count_file)
            res.seconds.append(secs)
            res.peak_kb.append(peak)
            res.counts = json.loads(count_file.read_text(encoding="utf-8"))
            if variant == "floor":
                stats = json.loads(out)
                res.render_s.append(stats["render_s"])
                res.body_chars = stats["body_chars"]
            print(f"N={posts} {key} run {i + 1}: {secs:.2f}s {peak / 1024:.0f} MB",
                  file=sys.stderr)
            if secs > repeat_limit:
                break
        if variant != "floor":
            res.site_mb = dir_mb(work / f"site-{variant}")
            shutil.rmtree(work / f"site-{variant}")
        results.append(res)
    return results


def table(results: list[Result]) -> str:
    """Format results as a Markdown table."""
    body_chars = {r.posts: r.body_chars for r in results if r.body_chars}
    rows = [
        "| N | configuration | median s | min-max s | peak MB | runs | site MB "
        "| md convert() calls | calls/post | converted chars / body chars |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        calls = r.counts.get("convert_calls", 0)
        chars = r.counts.get("convert_chars", 0)
        ratio = f"{chars / body_chars[r.posts]:.2f}" if r.posts in body_chars else "n/a"
        label = CONFIGS[r.key][1]
        if r.render_s:
            label += f" (in-process render {statistics.median(r.render_s):.2f} s)"
        rows.append(
            f"| {r.posts} | {label} | {statistics.median(r.seconds):.2f} "
            f"| {min(r.seconds):.2f}-{max(r.seconds):.2f} | {max(r.peak_kb) / 1024:.0f} "
            f"| {len(r.seconds)} | {r.site_mb:.0f} | {calls} | {calls / r.posts:.2f} "
            f"| {ratio} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3, help="runs per configuration")
    parser.add_argument("--repeat-limit", type=float, default=300.0,
                        help="stop repeating a configuration after a run slower than this")
    parser.add_argument("--configs", nargs="+", choices=sorted(CONFIGS),
                        default=sorted(CONFIGS))
    parser.add_argument("--keep", action="store_true", help="keep the temp corpus dirs")
    parser.add_argument("--json", type=Path, help="also write raw results here")
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        floor(args.floor)
        return 0
    ensure_venv()
    root = Path(tempfile.mkdtemp(prefix="advocacy-bench-", dir="/tmp"))
    results: list[Result] = []
    try:
        for posts in args.posts:
            results += bench_size(posts, args.configs, args.runs, args.repeat_limit, root)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=2),
                             encoding="utf-8")
    print(f"Versions: {versions()}; Python {sys.version.split()[0]}; "
          f"{os.cpu_count()} CPUs; peak RSS via "
          f"{'/usr/bin/time -v' if TIME_BIN.exists() else 'getrusage (upper bound)'}.\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
