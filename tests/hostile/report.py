"""Write tests/hostile/REPORT.md: what the gate of the code under test makes of the corpus.

    .venv/bin/python tests/hostile/report.py [--out tests/hostile/REPORT.md] [--no-browser]

The code under test is whatever ``import advocacy`` finds (set PYTHONPATH to a checkout's
``plugins`` folder to judge another version). Everything happens in temporary folders:

1. the whole corpus checked once (as test (a) does), and every case checked alone, in a site
   of its own, to tell which case crashes the check and what each case gets on its own;
2. the corpus built (test (b)) and the builds cases built together (test (c));
3. every case built alone with the check's errors *ignored* (a wrapper around the plugin's
   ``check_repository`` drops them and marks every post valid; nothing in plugins/ is
   changed), and the output scanned with tests/payload_scan.py, minus what the base site
   alone gives: which payloads would reach readers if the check missed them. With a browser,
   the case's pages are loaded in Chromium to see whether the payload runs.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import html
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

import test_hostile_corpus as corpus  # noqa: E402 - after the path is set
from payload_scan import BrowserSession, find_payloads, url_host  # noqa: E402

LENIENT_BUILD = textwrap.dedent("""\
    import sys


    def main():
        import advocacy.mkdocs_plugin.plugin as plugin

        original = plugin.check_repository

        def lenient(*args, **kwargs):
            repo, report = original(*args, **kwargs)
            report.findings[:] = [f for f in report.findings if str(f.severity) != "error"]
            for post in repo.posts:
                post.valid = True
            return repo, report

        plugin.check_repository = lenient
        from mkdocs.__main__ import cli

        sys.argv = ["mkdocs", "build", "-d", sys.argv[1]]
        cli()


    if __name__ == "__main__":  # picture workers import this module again
        main()
    """)


@dataclass
class Outcome:
    """What one case got."""

    case: corpus.Case
    alone: corpus.CheckRun | None = None
    alone_why: str | None = None  # judge() of the case checked alone
    corpus_why: str | None = None  # judge() in the one check of the whole corpus
    lenient_code: int | None = None
    lenient_log: str = ""
    reached: list[str] = field(default_factory=list)  # payload lines, base site's left out
    browser: list[str] = field(default_factory=list)
    output_problems: list[str] = field(default_factory=list)  # builds cases, built alone


def _rel_pages(case: corpus.Case, out: Path, lines: list[str]) -> list[str]:
    """The pages worth loading for a case: its own page and pages with new findings."""
    pages: list[str] = []
    slug = Path(case.path).stem
    for found in sorted(out.glob(f"blog/*/*/*/{slug}/index.html")):
        pages.append(found.relative_to(out).as_posix().removesuffix("index.html"))
    for support in case.support:
        stem = Path(support["path"]).stem
        for found in sorted(out.glob(f"blog/*/*/*/{stem}/index.html")):
            pages.append(found.relative_to(out).as_posix().removesuffix("index.html"))
    if (
        case.path.startswith("site_src/")
        and case.path.endswith(".md")
        and "/blog/posts/" not in case.path
    ):
        page = case.path.removeprefix("site_src/").removesuffix(".md") + "/"
        if (out / page / "index.html").is_file():
            pages.append(page)
    for line in lines:
        rel = line.split(": ", 1)[0]
        if rel.endswith(".html"):
            pages.append(rel.removesuffix("index.html"))
    return list(dict.fromkeys(pages))[:6]


_INVISIBLE = re.compile(
    "[\\s\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+"
)


def _squeeze(text: str) -> str:
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", html.unescape(text))).casefold()


def _own_pages(case: corpus.Case, out: Path) -> list[Path]:
    """The case's own pages: its post, its support posts, its page, its author's page."""
    pages = []
    slug = re.search(r"^slug:\s*(\S+)", corpus.case_text(case, corpus.MANIFEST_DATA) or "", re.M)
    for path in [case.path, *(s["path"] for s in case.support)]:
        stem = slug.group(1) if slug and path == case.path else Path(path).stem
        if "/blog/posts/" in path:
            pages += sorted(out.glob(f"blog/*/*/*/{stem}/index.html"))
        elif path.startswith("site_src/") and path.endswith(".md"):
            pages += [out / path.removeprefix("site_src/").removesuffix(".md") / "index.html"]
        elif path.startswith("authors/"):
            pages += [out / "blog" / "author" / stem / "index.html"]
    return [p for p in pages if p.is_file()]


def leaks_in(case: corpus.Case, out: Path) -> list[str]:
    """Where the case's ``leak`` can be read on its own pages (text, or a link's host)."""
    leak = case.spec.get("leak")
    if not leak:
        return []
    wanted = _squeeze(str(leak))
    found = []
    for page in _own_pages(case, out):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        main = soup.find("article") or soup
        parts = [main.get_text(" ")]
        for tag in main.find_all(True):
            for attr in ("href", "src", "alt", "title", "content"):
                value = tag.get(attr)
                if isinstance(value, str):
                    parts += [value, url_host(value) or ""]
        parts.append(page.parent.name)  # the address itself (a slug)
        if wanted in _squeeze(" ".join(parts)):
            found.append(f"{page.relative_to(out).as_posix()}: publishes {leak!r}")
    return found


def check_alone(case: corpus.Case, tmp: Path) -> Outcome:
    """The case in a site of its own: the check, then a lenient build and its scan."""
    outcome = Outcome(case)
    site = corpus.make_site(tmp / "repo", [case], corpus.MANIFEST_DATA)
    limits = (
        {"timeout": corpus.ISOLATED_TIMEOUT, "memory": corpus.ISOLATED_MEMORY}
        if case.isolate
        else {}
    )
    outcome.alone = corpus.run_check(site, **limits)
    outcome.alone_why = outcome.alone.problem or corpus.judge(case, outcome.alone)
    for marker in corpus.markers(site.root):
        outcome.alone_why = (outcome.alone_why or "") + f"; {marker} was created (code ran)"
    if case.isolate and outcome.alone.problem:
        return outcome  # an alias bomb the check cannot read would take the build down too
    out = tmp / "site"
    outcome.lenient_code, outcome.lenient_log = lenient_build(site, out)
    if out.is_dir():
        outcome.reached = sorted(set(find_payloads(out, secrets=corpus.SECRETS)) - BASELINE)
        outcome.reached += leaks_in(case, out)
    if case.expected == "builds":
        page = corpus._page(out, case) if outcome.lenient_code == 0 else None
        outcome.output_problems = (
            corpus.check_output(case, page)
            if page
            else [
                f"the build failed: {_traceback_tail(outcome.lenient_log)}"
                if outcome.lenient_code
                else "no page was built"
            ]
        )
    return outcome


def lenient_build(site: corpus.FixtureSite, out: Path) -> tuple[int | None, str]:
    """Build ``site`` with the check's errors ignored."""
    script = site.root.parent / "lenient_build.py"
    script.write_text(LENIENT_BUILD, encoding="utf-8")
    env = corpus._env(site)
    try:
        proc = subprocess.run(
            [sys.executable, str(script), str(out)],
            cwd=site.root,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, "timed out"
    return proc.returncode, proc.stdout + proc.stderr


BASELINE: set[str] = set()


def baseline(tmp: Path) -> set[str]:
    """What the scanner finds in the base site alone (built the same lenient way)."""
    site = corpus.make_site(tmp / "repo", [], corpus.MANIFEST_DATA)
    code, log = lenient_build(site, tmp / "site")
    if code != 0:
        raise SystemExit(f"the base site does not build:\n{log[-3000:]}")
    return set(find_payloads(tmp / "site", secrets=corpus.SECRETS))


def _cell(text: str | None, limit: int = 140) -> str:
    text = " ".join((text or "").split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _traceback_tail(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def main() -> int:
    """Run everything and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).parent / "REPORT.md"))
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    parser.add_argument("--only", nargs="*", help="case ids (default: all)")
    parser.add_argument(
        "--code-label",
        default=None,
        help="what the code under test is (default: the repository's HEAD)",
    )
    args = parser.parse_args()
    import advocacy

    code_dir = Path(advocacy.__file__).resolve().parent.parent
    started = time.monotonic()
    cases = [c for c in corpus.CASES if not args.only or c.id in args.only]
    with tempfile.TemporaryDirectory(prefix="hostile-report-") as tmp_name:
        tmp = Path(tmp_name)
        BASELINE.update(baseline(tmp / "baseline"))
        print(f"baseline: {len(BASELINE)} findings in the base site", file=sys.stderr)

        whole = corpus.make_site(tmp / "corpus" / "repo", corpus.CORPUS, corpus.MANIFEST_DATA)
        whole_run = corpus.run_check(whole)
        whole_markers = corpus.markers(whole.root)
        build_code, build_log = corpus.run_build(whole, tmp / "corpus" / "site")

        builds = corpus.build_builds_site(tmp / "builds")
        builds_found = (
            find_payloads(builds.out, secrets=corpus.SECRETS) if builds.out.is_dir() else []
        )
        builds_problems = _builds_problems(builds, builds_found)

        outcomes: list[Outcome] = []
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            futures = {
                pool.submit(check_alone, case, tmp / "alone" / case.id): case for case in cases
            }
            for number, future in enumerate(concurrent.futures.as_completed(futures), 1):
                outcome = future.result()
                if whole_run.problem is None and not outcome.case.isolate:
                    outcome.corpus_why = corpus.judge(outcome.case, whole_run)
                outcomes.append(outcome)
                print(
                    f"{number}/{len(cases)} {outcome.case.id}: "
                    f"{outcome.alone_why or 'ok'}; reaches {len(outcome.reached)}",
                    file=sys.stderr,
                )
        outcomes.sort(key=lambda o: cases.index(o.case))

        if not args.no_browser:
            with BrowserSession(settle_ms=250) as browser:
                for outcome in outcomes:
                    out = tmp / "alone" / outcome.case.id / "site"
                    if not outcome.reached or not out.is_dir():
                        continue
                    pages = _rel_pages(outcome.case, out, outcome.reached)
                    events = browser.visit(out, pages, search=("PWNED",) if pages else ())
                    outcome.browser = sorted({str(e) for e in events})
                    print(f"browser {outcome.case.id}: {len(outcome.browser)}", file=sys.stderr)

        label = args.code_label or f"repository HEAD: {_git_head(TESTS.parent)}"
        text = render(
            outcomes,
            code_dir,
            label,
            whole_run,
            whole_markers,
            build_code,
            build_log,
            builds,
            builds_problems,
            time.monotonic() - started,
            browser=not args.no_browser,
        )
    Path(args.out).write_text(text, encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _git_head(path: Path) -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(path), "log", "-1", "--format=%h %s"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _builds_problems(builds: corpus.BuildsSite, found: list[str]) -> list[str]:
    """What test (c) would say about the builds site, one line per problem."""
    if builds.code != 0:
        return [f"the build failed: {_traceback_tail(builds.log)}"]
    problems, attributed = [], set()
    for case in corpus.BUILDS:
        if case.id in builds.refused:
            if not case.or_error:
                problems.append(f"`{case.id}` refused by the check: {builds.refused[case.id]}")
            continue
        page = corpus._page(builds.out, case)
        if page is None:
            problems.append(f"`{case.id}`: no page was built")
            continue
        problems += [f"`{case.id}`: {p}" for p in corpus.check_output(case, page)]
        rel = page.relative_to(builds.out).as_posix()
        mine = [line for line in found if line.startswith(rel + ":")]
        attributed.update(mine)
        problems += [f"`{case.id}`: {line}" for line in mine]
    problems += [f"(site) {line}" for line in found if line not in attributed]
    return problems


def render(
    outcomes: list[Outcome],
    code_dir: Path,
    label: str,
    whole_run: corpus.CheckRun,
    whole_markers: list[str],
    build_code: int | None,
    build_log: str,
    builds: corpus.BuildsSite,
    builds_problems: list[str],
    seconds: float,
    browser: bool,
) -> str:
    """The Markdown report."""
    failing = [o for o in outcomes if o.alone_why]
    crashes = [o for o in outcomes if o.alone and o.alone.problem]
    reaching = [o for o in outcomes if o.reached or o.browser]
    build_tb = (
        ("TRACEBACK: " + _traceback_tail(build_log))
        if "Traceback" in build_log
        else ("no traceback")
    )
    lines = [
        "# Hostile corpus: what the current gate does",
        "",
        f"Generated {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} by `tests/hostile/report.py`"
        f" in {seconds:.0f} s. Code under test: `{code_dir}` ({label}).",
        "",
        f"- {len(outcomes)} cases; checked alone, **{len(failing)} are not reported as "
        f"expected** and **{len(crashes)} crash or hang the check**.",
        f"- The one check of the whole corpus (test a): "
        f"{whole_run.problem or f'exit {whole_run.returncode}, {len(whole_run.findings)} findings'}"
        f"{'; payload ran: ' + ', '.join(whole_markers) if whole_markers else ''}.",
        f"- The build of the whole corpus (test b): exit {build_code}; {build_tb}.",
        f"- With the check's errors ignored, **{len(reaching)} cases put something into the "
        "built site** that tests/payload_scan.py reports"
        + (
            f", and in Chromium **{sum(1 for o in outcomes if o.browser)} ran script or asked "
            "another host**."
            if browser
            else "."
        ),
        "",
        "## 1. Cases the check does not report as expected",
        "",
        "Each case checked alone, in a site of its own (base site + the case + its support "
        "files). 'reaches output' is from the lenient build (section 4).",
        "",
        "| case | class | expected | got (alone) | reaches output |",
        "| --- | --- | --- | --- | --- |",
    ]
    for o in failing:
        reach = "yes, runs in Chromium" if o.browser else ("yes" if o.reached else "no")
        lines.append(
            f"| `{o.case.id}` | {o.case.cls} | {o.case.expected} | {_cell(o.alone_why)} | {reach} |"
        )
    differ = [
        o
        for o in outcomes
        if o.corpus_why != o.alone_why and whole_run.problem is None and not o.case.isolate
    ]
    if differ:
        lines += ["", "Cases judged differently in the one check of the whole corpus:", ""]
        lines += [
            f"- `{o.case.id}`: alone {o.alone_why or 'ok'}; in the corpus {o.corpus_why or 'ok'}"
            for o in differ
        ]
    lines += ["", "## 2. Crashes (traceback, exit 2, hang)", ""]
    if whole_run.problem:
        lines.append(f"- The whole-corpus check: {whole_run.problem}.")
    for o in crashes:
        assert o.alone is not None
        lines.append(f"- `{o.case.id}` ({o.case.path}): {o.alone.problem}")
    lenient_crashes = [
        o for o in outcomes if o.lenient_code not in (0, None) and "Traceback" in o.lenient_log
    ]
    if lenient_crashes:
        lines += [
            "",
            "Builds that crash once the check lets the case through (the check is the "
            "only thing between these inputs and a traceback):",
            "",
        ]
        lines += [
            f"- `{o.case.id}`: {_cell(_traceback_tail(o.lenient_log), 200)}"
            for o in lenient_crashes
        ]
    if not whole_run.problem and not crashes and not lenient_crashes:
        lines.append("None.")
    lines += ["", "## 3. Building (tests b and c)", ""]
    named = [
        c.id
        for c in corpus.CORPUS
        if c.expected == "error" and not any(p in build_log for p in c.report_in)
    ]
    if "Traceback" in build_log:
        lines.append(
            f"- (b) `mkdocs build --strict` of the corpus: exit {build_code}, a "
            f"traceback before any file was named: "
            f"{_cell(_traceback_tail(build_log), 200)}"
        )
    else:
        lines.append(
            f"- (b) `mkdocs build --strict` of the corpus: exit {build_code}. "
            f"{len(named)} error cases are not named in its output"
            + (f": {', '.join(f'`{n}`' for n in named)}." if named else ".")
        )
    lines.append(
        f"- (c) the builds cases together: build exit {builds.code}; "
        f"{len(builds_problems)} problems" + (":" if builds_problems else ".")
    )
    lines += [f"  - {_cell(p, 240)}" for p in builds_problems[:40]]
    for case_id, rules in sorted(builds.refused.items()):
        case = next((c for c in corpus.BUILDS if c.id == case_id), None)
        ok = " (acceptable: or_error)" if case and case.or_error else ""
        lines.append(f"  - `{case_id}` refused by the check: {rules}{ok}")
    lines.append("- The builds cases, each built alone (section 4's builds):")
    for o in outcomes:
        if o.case.expected == "builds":
            lines.append(
                f"  - `{o.case.id}`: "
                + (_cell("; ".join(o.output_problems), 240) or "builds and looks right")
            )
    lines += [
        "",
        "## 4. What would reach readers if the check missed it",
        "",
        "Each case built alone with the check's errors ignored; lines are what "
        "tests/payload_scan.py finds that the base site alone does not (first 4 per case"
        "; feeds, search index and listings repeat the post's payload).",
        "",
    ]
    for o in reaching:
        status = "" if o.alone_why else " (the check does report it)"
        lines.append(f"### `{o.case.id}`{status}")
        lines.append("")
        for line in o.reached[:4]:
            lines.append(f"- {_cell(line, 220)}")
        if len(o.reached) > 4:
            lines.append(f"- … {len(o.reached) - 4} more")
        for event in o.browser[:4]:
            lines.append(f"- **Chromium:** {_cell(event, 220)}")
        lines.append("")
    quiet = [
        o.case.id
        for o in outcomes
        if not o.reached and not o.browser and o.case.expected != "builds"
    ]
    lines += [
        "Cases whose payload reaches no output even with the check's errors ignored "
        "(held back for another reason, escaped by the renderer, or a hint only): "
        + ", ".join(f"`{i}`" for i in quiet)
        + ".",
        "",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
