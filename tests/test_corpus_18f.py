"""``advocacy check`` on real posts nobody on the team wrote: the public-domain 18F blog.

The corpus lives outside the repository (``/work/shared/corpus/18f`` beside it); the module
skips when it is not there. The first 150 posts and every author are converted with
``tools/import_18f.py``, then checked once; the tests look at the JSON the check printed.
Findings are expected (the corpus has e-mail addresses, http links and embeds): what is
tested is that the command runs, keeps its contract and points at real lines.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "18f"
POSTS = 150
TODAY = "2026-11-28"
FINDING_KEYS = {"rule", "severity", "file", "line", "message", "fix"}


@dataclass
class Checked:
    """A converted corpus and what ``advocacy check --format json`` said about it."""

    root: Path
    counts: dict[str, int]
    proc: subprocess.CompletedProcess[str]

    @property
    def report(self) -> dict[str, Any]:
        """The parsed JSON report."""
        return json.loads(self.proc.stdout)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    """Convert the first 150 posts and all authors, then run the check once."""
    if not CORPUS.is_dir():
        pytest.skip(f"the 18F test corpus is not at {CORPUS}; these tests need it")
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import import_18f
    finally:
        sys.path.remove(str(REPO / "tools"))
    root = tmp_path_factory.mktemp("corpus18f")
    counts = import_18f.convert(CORPUS, root, limit=POSTS)
    env = {**os.environ, "ADVOCACY_TODAY": TODAY}
    proc = subprocess.run([sys.executable, "-m", "advocacy", "check", "--format", "json"],
                          cwd=root, env=env, capture_output=True, text=True, check=False)
    return Checked(root, counts, proc)


def test_check_runs_without_crashing(checked: Checked) -> None:
    assert "Traceback" not in checked.proc.stderr, checked.proc.stderr
    assert checked.proc.returncode in (0, 1), checked.proc.stderr


def test_report_has_the_contract_shape(checked: Checked) -> None:
    report = checked.report
    assert set(report) >= {"findings", "summary"}
    assert isinstance(report["findings"], list)
    for finding in report["findings"]:
        assert set(finding) >= FINDING_KEYS, finding
        assert isinstance(finding["rule"], str) and finding["rule"], finding
        assert finding["severity"] in ("error", "warning"), finding
        assert isinstance(finding["file"], str), finding
        line = finding["line"]
        assert line is None or (isinstance(line, int) and not isinstance(line, bool)), finding
        assert isinstance(finding["message"], str) and finding["message"], finding
        assert isinstance(finding["fix"], str), finding
    summary = report["summary"]
    for key in ("files", "errors", "warnings"):
        assert isinstance(summary[key], int), summary
    severities = [f["severity"] for f in report["findings"]]
    assert summary["errors"] == severities.count("error")
    assert summary["warnings"] == severities.count("warning")
    assert (checked.proc.returncode == 1) == (summary["errors"] > 0)


def test_findings_point_at_real_files_and_lines(checked: Checked) -> None:
    line_counts: dict[str, int] = {}
    for finding in checked.report["findings"]:
        rel = finding["file"]
        assert not Path(rel).is_absolute(), finding
        path = checked.root / rel
        assert path.is_file(), finding
        if rel not in line_counts:
            line_counts[rel] = len(path.read_text(encoding="utf-8").splitlines())
        if finding["line"] is not None:
            assert 1 <= finding["line"] <= line_counts[rel], finding


def test_every_post_and_author_is_counted(checked: Checked) -> None:
    posts = list((checked.root / "site_src" / "blog" / "posts").rglob("*.md"))
    pages = [p for p in (checked.root / "site_src").rglob("*.md") if p not in posts]
    authors = list((checked.root / "authors").glob("*.yml"))
    assert len(posts) == checked.counts["posts"] == POSTS
    assert len(authors) == checked.counts["authors"]
    assert checked.report["summary"]["files"] == len(posts) + len(authors) + len(pages)


def test_converted_posts_fit_the_schema(checked: Checked) -> None:
    authors = {p.stem for p in (checked.root / "authors").glob("*.yml")}
    for path in (checked.root / "site_src" / "blog" / "posts").rglob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        assert isinstance(front["date"], dt.date), path
        assert path.parent.name == f"{front['date'].year:04d}", path
        assert 50 <= len(front["description"]) <= 160, path
        assert front["authors"] and set(front["authors"]) <= authors, path
        assert "image" not in front, path  # every corpus image is a Jekyll /assets path
    rules = {f["rule"] for f in checked.report["findings"]}
    assert not {r for r in rules if r.startswith(("schema", "yaml", "front-matter"))}, rules
