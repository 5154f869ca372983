"""Run every check on a repository: the schema (while reading) and the registered rules.

Rules live in :mod:`advocacy.core.checking.rules`; ``policy.yml`` may change their severities. The
same function serves ``advocacy check`` and ``mkdocs build``, so both report alike.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from advocacy.core.cache.digests import load_digests, save_digests
from advocacy.core.cache.findings import RuleCache, context_key
from advocacy.core.cache.writer import flush
from advocacy.core.checking.rules import RULE_INFO, RULES, describe
from advocacy.core.checking.rules.images import author_image_findings
from advocacy.core.i18n.messages import CATALOG
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Report, Severity
from advocacy.core.model.site import Site
from advocacy.core.reading.policy import Policy
from advocacy.core.reading.repository import Repository, load_repository, post_files

CATALOG.update({
    "submitter-not-author": {
        "en": ("'{login}' may not add or change this post: only its authors (GitHub: {allowed}) "
               "or HR may.",
               "If you are one of the authors, ask HR to add your GitHub login under 'github:' "
               "in your author file; otherwise ask an author to open the pull request."),
        "da": ("'{login}' må ikke tilføje eller ændre dette indlæg: kun dets forfattere "
               "(GitHub: {allowed}) eller HR må.",
               "Er du en af forfatterne, så bed HR om at tilføje dit GitHub-login under "
               "'github:' i din forfatterfil; ellers bed en forfatter om at oprette pull "
               "requesten."),
    },
    "unknown-rule": {
        "en": ("'severity' names a rule that does not exist: '{rule_id}'.",
               "Use one of the rule ids{near}; see the SoMe policy page for the list."),
        "da": ("'severity' nævner en regel, der ikke findes: '{rule_id}'.",
               "Brug et af regel-id'erne{near}; se siden om SoMe-politikken for listen."),
    },
})
describe("submitter-not-author", Severity.ERROR,
         "Only a post's authors, or HR, may add or change it.",
         "Kun et indlægs forfattere, eller HR, må tilføje eller ændre det.", adjustable=False)
describe("media-missing", Severity.ERROR, "Every photo and video a post uses exists.",
         "Alle billeder og videoer, et indlæg bruger, findes.", adjustable=False)
describe("media-external", Severity.ERROR, "Photos are stored with the site, never loaded from "
         "another website.", "Billeder ligger på sitet og hentes aldrig fra andre hjemmesider.",
         adjustable=False)
describe("media-outside", Severity.ERROR, "Media paths stay inside the repository.",
         "Stier til medier bliver inden for repositoriet.", adjustable=False)
describe("image-alt-missing", Severity.ERROR, "Every image has alt text for readers who cannot "
         "see it.", "Alle billeder har en alt-tekst til læsere, der ikke kan se dem.")


def run_rules(repo: Repository, cache: RuleCache | None = None) -> list[Finding]:
    """Every registered rule on every post that was read; cached findings where valid."""
    cached_rules = [f for f in RULES if getattr(f, "cacheable", True)]
    always = [f for f in RULES if not getattr(f, "cacheable", True)]
    out: list[Finding] = []
    for post in repo.posts:
        found = cache.get(post) if cache else None
        if found is None:
            found = [f for func in cached_rules for f in func(repo, post)]
            if cache:
                cache.put(post, found)
        out += found
        out += [f for func in always for f in func(repo, post)]
    return out


def apply_severities(findings: list[Finding], policy: Policy) -> list[Finding]:
    """Severities as HR set them in ``policy.yml``, where the rule allows a change."""
    out = []
    for finding in findings:
        info = RULE_INFO.get(finding.rule)
        level = policy.severity.get(finding.rule)
        if level is None or info is None or not info.adjustable:
            out.append(finding)
        elif level != "off":
            severity = Severity(level)
            if severity is Severity.ERROR and not info.can_block:
                severity = Severity.WARNING  # hints stay hints, whatever the policy says
            out.append(replace(finding, severity=severity))
    return out


def _unknown_rules(repo: Repository) -> list[Finding]:
    out = []
    for rule_id in repo.policy.severity:
        if rule_id not in RULE_INFO:
            near = difflib.get_close_matches(rule_id, list(RULE_INFO), n=1)
            out.append(repo.finding(
                repo.policy.file, repo.policy.line_of("severity", rule_id), "policy-severity",
                "unknown-rule", Severity.ERROR, rule_id=rule_id,
                near={"en": f" (did you mean '{near[0]}'?)", "da": f" (mente du '{near[0]}'?)"}
                if near else ""))
    return out


def check_submitter(repo: Repository, posts: list[Post], login: str) -> list[Finding]:
    """Each post may be added or changed only by one of its authors or by HR."""
    out = []
    login = login.lower()
    for post in posts:
        allowed = {g.lower() for slug in post.authors if slug in repo.authors
                   for g in repo.authors[slug].github}
        if login not in allowed and login not in repo.policy.hr_logins:
            names = ", ".join(sorted(allowed)) or "-"
            out.append(repo.finding(post.file, post.line_of("authors"), "submitter-not-author",
                                    "submitter-not-author", Severity.ERROR, login=login,
                                    allowed=names))
    return out


def select(site: Site, paths: Sequence[Path]) -> tuple[list[Path] | None, set[str] | None]:
    """The post files to read and the repository files to report on for ``paths``.

    No paths means everything. A folder stands for the files below it. Posts are read only
    when selected; authors and the policy are always read, since posts depend on them.
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


def check_repository(site: Site, paths: Sequence[Path] = (), lang: str = "en",
                     submitter: str | None = None, use_cache: bool = True,
                     submitted: set[str] | None = None) -> tuple[Repository, Report]:
    """Read and check the repository; report on ``paths`` only, when given.

    The submitter rule applies to the posts in ``submitted`` (the ones a pull request adds
    or changes), or to every post read when that is None; never to posts checked only
    because something they depend on changed.
    """
    posts, chosen = select(site, paths)
    digests = site.cache_path / "digests.json"
    load_digests(digests)
    repo = load_repository(site, lang, posts, use_cache)
    cache = RuleCache(site.cache_path / "checks", context_key(repo)) if use_cache else None
    findings = [*repo.findings, *_unknown_rules(repo), *run_rules(repo, cache),
                *author_image_findings(repo)]
    if submitter:
        findings += check_submitter(repo, [p for p in repo.posts if submitted is None
                                           or p.file in submitted], submitter)
    findings = apply_severities(findings, repo.policy)
    if chosen is not None:
        findings = [f for f in findings if f.file in chosen]
    report = Report(files=len(chosen) if chosen is not None else repo.files)
    report.extend(findings)
    if use_cache:
        save_digests(digests)
        flush()  # the rule cache, written while the rules ran
    return repo, report
