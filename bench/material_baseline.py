"""Time ``mkdocs build`` with and without Material's blog and social plugins.

Usage::

    python3 bench/material_baseline.py [--posts 100 1000] [--runs 3] [--configs c e-cold e-warm]

Creates (if missing) a venv in /tmp/advocacy-bench-venv with MkDocs 1.6, Material 9,
mkdocs-rss-plugin, Pillow and CairoSVG, generates the material-layout corpus with
``bench/corpus.py`` in a temp dir under /tmp, and measures each configuration's
wall-clock (median of the runs) and peak memory (summed over the process tree by
``bench/measure.py``). A tiny ``.pth`` hook in the venv counts ``markdown.Markdown.convert``
calls and converted characters when ``ADVOCACY_BENCH_COUNT_FILE`` is set, and then also
counts and refuses every network connection (DNS look-up or socket ``connect``), so a
build that tries the network shows it in the table. Prints a Markdown table. Nothing is
written outside /tmp.

Configuration (e) is blog + rss + Material's ``social`` plugin (a card for every page),
measured cold (``e-cold``: the card cache emptied before each run) and warm (``e-warm``:
the cache of the previous build kept). The social plugin downloads its font (Roboto, the
default layout's family when ``theme.font`` is false; styles Regular and Bold) from
Google Fonts into ``<cache_dir>/fonts/Roboto/`` unless that folder exists. This machine is
offline, so before every run the folder is seeded with local fonts (DejaVu Sans from
``plugins/advocacy/core/media/fonts/``, the font our own cards use) under the file names the
plugin looks for; a cold build here thus leaves out the font download a first build would
do, which only flatters Material. The plugin runs with its defaults (default layout,
``concurrency`` = CPUs - 1 threads). The table shows the number of cards against the number
of pages, and the network attempts (zero expected).
"""

from __future__ import annotations

import argparse
import json
import os
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
import measure  # noqa: E402

VENV = Path("/tmp/advocacy-bench-venv")
REQUIREMENTS = ("mkdocs>=1.6,<2", "mkdocs-material<10", "mkdocs-rss-plugin", "pillow", "cairosvg")
SOCIAL_CACHE = Path(".cache/plugin/social")  # the plugin's default, beside mkdocs.yml
SOCIAL_FONT_FAMILY = "Roboto"  # what the default card layout asks for with `font: false`
SOCIAL_FONTS = {"Regular.ttf": "DejaVuSans.ttf", "Bold.ttf": "DejaVuSans-Bold.ttf"}
FONT_DIRS = (
    HERE.parent / "plugins/advocacy/core/media/fonts",
    Path("/usr/share/fonts/truetype/dejavu"),
)
COUNT_ENV = "ADVOCACY_BENCH_COUNT_FILE"
HOOK = f'''"""When ${COUNT_ENV} is set: count Markdown conversions, refuse the network."""
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

    import socket

    _stats["network_attempts"] = 0
    _stats["network_targets"] = []
    _connect = socket.socket.connect

    def _refuse(target):
        _stats["network_attempts"] += 1
        _stats["network_targets"] = (_stats["network_targets"] + [repr(target)])[:10]
        raise OSError("advocacy bench: network access refused")

    def _no_getaddrinfo(host, *args, **kwargs):
        _refuse(host)

    def _no_connect(self, address):
        if self.family == getattr(socket, "AF_UNIX", None):
            return _connect(self, address)
        _refuse(address)

    socket.getaddrinfo = _no_getaddrinfo
    socket.socket.connect = _no_connect
    socket.socket.connect_ex = _no_connect

    def _dump():
        with open(os.environ["{COUNT_ENV}"], "w", encoding="utf-8") as fh:
            json.dump(_stats, fh)

    atexit.register(_dump)
'''
FLOOR_EXTENSIONS = (
    "toc",
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.details",
)
FLOOR_CONFIGS = {
    "toc": {"permalink": True},
    "pymdownx.highlight": {
        "anchor_linenums": True,
        "line_spans": "__span",
        "pygments_lang_class": True,
    },
}
CONFIGS: dict[str, tuple[str, str]] = {
    "a": ("plain", "(a) Material, no blog plugin, posts as plain pages, auto nav"),
    "a2": ("plain-nonav", "(a2) as (a), posts `not_in_nav` (explicit nav)"),
    "b": ("blog", "(b) Material + blog plugin"),
    "c": ("blog-rss", "(c) Material + blog + rss (`use_git: false`)"),
    "d": ("floor", "(d) python-markdown floor, all bodies, 1 process"),
    "e-cold": ("blog-rss-social", "(e) Material + blog + rss + social, cold (card cache emptied)"),
    "e-warm": ("blog-rss-social", "(e) Material + blog + rss + social, warm (card cache kept)"),
}


@dataclass
class Result(measure.Runs):
    """Measurements for one configuration at one corpus size."""

    posts: int
    key: str
    counts: dict[str, int] = field(default_factory=dict)
    network: int = 0
    site_mb: float = 0.0
    render_s: list[float] = field(default_factory=list)
    body_chars: int = 0
    cards: int = 0
    pages: int = 0


def vpy(name: str) -> str:
    """Return the path of an executable inside the bench venv."""
    return str(VENV / "bin" / name)


def ensure_venv() -> None:
    """Create the bench venv and install the pinned tools if needed."""
    probe = "import mkdocs, material, mkdocs_rss_plugin, PIL, cairosvg"
    ok = (VENV / "bin/python").exists() and subprocess.run(
        [vpy("python"), "-c", probe], capture_output=True, check=False
    ).returncode == 0
    if not ok:
        print(f"creating venv {VENV} ...", file=sys.stderr)
        subprocess.run(["python3", "-m", "venv", str(VENV)], check=True)
        subprocess.run([vpy("python"), "-m", "pip", "install", "-q", *REQUIREMENTS], check=True)
    site = subprocess.run(
        [vpy("python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "advocacy_bench_count.py").write_text(HOOK, encoding="utf-8")
    (Path(site) / "advocacy_bench_count.pth").write_text(
        "import advocacy_bench_count\n", encoding="utf-8"
    )


def versions() -> str:
    """Return installed versions of the benchmarked packages."""
    code = (
        "from importlib.metadata import version as v; print(', '.join(f'{p} ' + v(p) "
        "for p in ('mkdocs', 'mkdocs-material', 'mkdocs-rss-plugin', 'markdown', "
        "'pymdown-extensions', 'cairosvg')))"
    )
    return subprocess.run(
        [vpy("python"), "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def dir_mb(path: Path) -> float:
    """Return the total size of files under ``path`` in MB."""
    total = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return total / 1e6


def run(cmd: list[str], work: Path, count_file: Path) -> measure.Measurement:
    """Run ``cmd`` in ``work`` with the counting hook on; stop the benchmark if it fails."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **{COUNT_ENV: str(count_file)})
    return measure.run(cmd, work, env, ok=(0,))


def seed_social_fonts(work: Path) -> None:
    """Put local fonts where the social plugin looks before it downloads (offline here)."""
    target = work / SOCIAL_CACHE / "fonts" / SOCIAL_FONT_FAMILY
    target.mkdir(parents=True, exist_ok=True)
    for name, source in SOCIAL_FONTS.items():
        found = next((d / source for d in FONT_DIRS if (d / source).is_file()), None)
        if found is None:
            sys.exit(f"no local {source} in {', '.join(map(str, FONT_DIRS))}")
        shutil.copyfile(found, target / name)


def empty_social_cache(work: Path) -> None:
    """Empty the social plugin's card cache (a cold build), keeping only the fonts."""
    shutil.rmtree(work / SOCIAL_CACHE, ignore_errors=True)
    seed_social_fonts(work)


def count_cards(site: Path) -> tuple[int, int]:
    """The social cards (PNG) in ``site`` and its pages (HTML files but the 404 page)."""
    cards = sum(1 for _ in (site / "assets/images/social").rglob("*.png"))
    pages = sum(1 for f in site.rglob("*.html") if f.relative_to(site).as_posix() != "404.html")
    return cards, pages


def floor(docs: Path) -> None:
    """Render every post body with one Markdown instance; print JSON stats."""
    import markdown

    start = time.perf_counter()
    bodies = []
    for path in sorted(docs.glob("blog/posts/**/*.md")):
        text = path.read_text(encoding="utf-8")
        bodies.append(text.split("---\n", 2)[2] if text.startswith("---\n") else text)
    md = markdown.Markdown(extensions=list(FLOOR_EXTENSIONS), extension_configs=FLOOR_CONFIGS)
    html_chars = sum(len(md.reset().convert(body)) for body in bodies)
    print(
        json.dumps(
            {
                "posts": len(bodies),
                "render_s": time.perf_counter() - start,
                "body_chars": sum(map(len, bodies)),
                "html_chars": html_chars,
            }
        )
    )


def bench_size(
    posts: int, keys: list[str], runs: int, repeat_limit: float, root: Path
) -> list[Result]:
    """Generate one corpus of ``posts`` posts and measure each configuration."""
    work = root / f"n{posts}"
    subprocess.run(
        [
            vpy("python"),
            str(HERE / "corpus.py"),
            "--posts",
            str(posts),
            "--out",
            str(work),
            "--layout",
            "material",
        ],
        check=True,
    )
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
        if key == "e-warm" and not (work / SOCIAL_CACHE / "manifest.json").is_file():
            empty_social_cache(work)  # no cold build before: make the cards, untimed
            run(cmd, work, work / ".count-prime.json")
        for i in range(runs):
            if key == "e-cold":
                empty_social_cache(work)
            count_file = work / f".count-{key}-{i}.json"
            result = run(cmd, work, count_file)
            res.add(result)
            res.counts = json.loads(count_file.read_text(encoding="utf-8"))
            res.network += res.counts.get("network_attempts", 0)
            if variant == "floor":
                stats = json.loads(result.stdout)
                res.render_s.append(stats["render_s"])
                res.body_chars = stats["body_chars"]
            print(
                f"N={posts} {key} run {i + 1}: {result.seconds:.2f}s {result.peak_mb:.0f} MB",
                file=sys.stderr,
            )
            if result.seconds > repeat_limit:
                break
        if variant != "floor":
            site = work / f"site-{variant}"
            res.site_mb = dir_mb(site)
            if variant.endswith("social"):
                res.cards, res.pages = count_cards(site)
                if res.cards != res.pages:
                    print(
                        f"N={posts} {key}: {res.cards} cards for {res.pages} pages", file=sys.stderr
                    )
            shutil.rmtree(site)
        if res.network:
            print(
                f"N={posts} {key}: {res.network} network attempts refused: "
                f"{res.counts.get('network_targets')}",
                file=sys.stderr,
            )
        results.append(res)
    return results


def table(results: list[Result]) -> str:
    """Format results as a Markdown table."""
    body_chars = {r.posts: r.body_chars for r in results if r.body_chars}
    rows = [
        "| N | configuration | median s | min-max s | peak MB (tree RSS) | tree PSS MB "
        "| largest process MB | runs | site MB | md convert() calls | calls/post "
        "| converted chars / body chars | social cards / pages | network attempts |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        calls = r.counts.get("convert_calls", 0)
        chars = r.counts.get("convert_chars", 0)
        ratio = f"{chars / body_chars[r.posts]:.2f}" if r.posts in body_chars else "n/a"
        label = CONFIGS[r.key][1]
        if r.render_s:
            label += f" (in-process render {statistics.median(r.render_s):.2f} s)"
        cards = f"{r.cards} / {r.pages}" if r.pages else ""
        rows.append(
            f"| {r.posts} | {label} | {statistics.median(r.seconds):.2f} "
            f"| {min(r.seconds):.2f}-{max(r.seconds):.2f} | {max(r.peak_mb):.0f} "
            f"| {max(r.pss_mb):.0f} | {max(r.largest_mb):.0f} | {len(r.seconds)} "
            f"| {r.site_mb:.0f} | {calls} | {calls / r.posts:.2f} | {ratio} | {cards} "
            f"| {r.network} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3, help="runs per configuration")
    parser.add_argument(
        "--repeat-limit",
        type=float,
        default=300.0,
        help="stop repeating a configuration after a run slower than this",
    )
    parser.add_argument("--configs", nargs="+", choices=sorted(CONFIGS), default=sorted(CONFIGS))
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
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=2), encoding="utf-8")
    print(
        f"Versions: {versions()}; Python {sys.version.split()[0]}; "
        f"{os.cpu_count()} CPUs; peak memory: RSS summed over the process tree, "
        f"sampled every {measure.INTERVAL * 1000:.0f} ms.\n"
    )
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
