"""Run every check on a repository: the schema (while reading) and the pluggable rules.

A rule is a function ``(repository, post) -> findings``; later rules (policy, consent,
personal data) register themselves with :func:`rule` and run in both ``advocacy check``
and ``mkdocs build``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .findings import Finding, Report
from .model import Post
from .repo import Repository, load_repository, post_files
from .site import Site

RuleFunc = Callable[[Repository, Post], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A named check that runs on every post."""

    id: str
    func: RuleFunc


RULES: list[Rule] = []


def rule(rule_id: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register a post rule under a stable id."""

    def register(func: RuleFunc) -> RuleFunc:
        RULES.append(Rule(rule_id, func))
        return func

    return register


def run_rules(repo: Repository) -> list[Finding]:
    """Every registered rule on every post that was read."""
    return [finding for post in repo.posts for r in RULES for finding in r.func(repo, post)]


def select(site: Site, paths: Sequence[Path]) -> tuple[list[Path] | None, set[str] | None]:
    """The post files to read and the repository files to report on for ``paths``.

    No paths means everything. A folder stands for the files below it. Posts are read only
    when selected; authors are always read, since posts refer to them.
    """
    if not paths:
        return None, None
    root = site.root.resolve()
    chosen: set[str] = set()
    for path in paths:
        full = (path if path.is_absolute() else Path.cwd() / path).resolve()
        files = sorted(p for p in full.rglob("*") if p.is_file()) if full.is_dir() else [full]
        for file in files:
            try:
                chosen.add(file.relative_to(root).as_posix())
            except ValueError:
                continue  # outside the repository: nothing of ours to check
    posts = [p for p in post_files(site) if site.rel(p) in chosen]
    return posts, chosen


def check_repository(site: Site, paths: Sequence[Path] = (), lang: str = "en"
                     ) -> tuple[Repository, Report]:
    """Read and check the repository; report on ``paths`` only, when given."""
    posts, chosen = select(site, paths)
    repo = load_repository(site, lang, posts)
    findings = [*repo.findings, *run_rules(repo)]
    if chosen is not None:
        findings = [f for f in findings if f.file in chosen]
    report = Report(files=len(chosen) if chosen is not None else repo.files)
    report.extend(findings)
    return repo, report
