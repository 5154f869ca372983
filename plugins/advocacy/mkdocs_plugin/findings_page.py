"""The preview's page for a post or page with errors (``mkdocs serve`` only).

``mkdocs build`` publishes nothing with an error. The preview shows such a post instead at
its own address, as a page that lists its findings (file, line, message, fix) in the site's
language, so that a writer sees what to fix where they expected their story; saving the
fix brings the story back. ``preview-findings/`` lists every error of the repository,
including those of author files and the policy, which have no page of their own.

The pages are drawn by ``advocacy/findings.html``, which escapes everything it prints (the
messages quote the writer's own text). They are never in the page cache, the navigation or
the search index, and never in a real build.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from advocacy.core.i18n.catalog import plural, text
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Report, Severity
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slug_from_filename, slugify
from advocacy.core.reading.pages import address_problem
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.documents import uses

OVERVIEW, OVERVIEW_URL = "preview-findings/index.md", "preview-findings/"
TEMPLATE = "advocacy/findings.html"
NO_DATE = dt.datetime(1970, 1, 1)  # what a post without a readable date is read with
_DATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")


@dataclass
class FindingsPage:
    """One page of the preview that lists findings instead of a story."""

    src_uri: str
    file: str  # the repository file it is about; "" for the overview
    url: str  # its address below the site
    findings: list[Finding] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # file -> address of its own page

    @property
    def errors(self) -> int:
        """How many of the findings block publication."""
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    def title(self, lang: str) -> str:
        """The page's heading."""
        if not self.file:
            return plural(lang, "serve.overview.title", self.errors)
        return plural(lang, "serve.page.title", self.errors, file=self.file)

    def meta(self, lang: str) -> dict[str, Any]:
        """The page's meta: our template, and out of Material's search."""
        return {"title": self.title(lang), "template": TEMPLATE, "search": {"exclude": True}}

    def view(self, lang: str) -> dict[str, Any]:
        """What ``advocacy/findings.html`` shows: plain text only, escaped by the template."""
        items = []
        for f in self.findings:
            where = text(lang, "serve.page.line", file=f.file, line=f.line) if f.line else f.file
            items.append(
                {
                    "severity": str(f.severity),
                    "label": text(lang, f"check.severity.{f.severity}"),
                    "where": where,
                    "message": f.message,
                    "fix": f.fix,
                    "rule": f.rule,
                    "href": self.links.get(f.file) if f.file != self.file else None,
                }
            )
        intro = (
            text(lang, "serve.page.intro", file=self.file)
            if self.file
            else text(lang, "serve.overview.intro")
        )
        return {
            "title": self.title(lang),
            "intro": intro,
            "list": items,
            "fix": text(lang, "check.fix"),
            "open": text(lang, "serve.page.open"),
            "after": text(lang, "serve.page.after"),
        }


def _address(site: Site, src_uri: str, post: Post | None) -> str:
    """Where the story would be: its own address, or the one its file name gives it; a page
    where MkDocs puts it."""
    name = os.path.basename(src_uri)
    dated = _DATED.match(name)
    if src_uri.startswith(site.posts_dir + "/"):
        if post is not None and post.date != NO_DATE:
            return post.url
        if dated:
            return f"blog/{dated[1]}/{dated[2]}/{dated[3]}/{slug_from_filename(name) or 'post'}/"
    if address_problem(site, src_uri) is not None:  # not at an address the site uses itself
        return f"{OVERVIEW_URL}{slugify(src_uri) or 'page'}/"
    stem = src_uri.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"


def _related(repo: Repository, file: str) -> set[str]:
    """The files whose errors keep ``file`` off the site besides its own: what it shows or
    links to, and its authors' files."""
    doc = next((d for d in repo.documents if d.file == file), None)
    if doc is None:
        return set()
    out = uses(doc)
    if isinstance(doc, Post):
        out |= {repo.authors[s].file for s in doc.authors if s in repo.authors}
    return out


def findings_pages(report: Report, repo: Repository) -> dict[str, FindingsPage]:
    """A page for every post and page with errors, and the overview, by ``src_uri``."""
    site = repo.site
    prefix = site.docs_dir.strip("/") + "/"
    failed = sorted({f.file for f in report.errors})
    posts = {p.file: p for p in repo.posts}
    by_file: dict[str, list[Finding]] = {}
    for finding in report.sorted():
        by_file.setdefault(finding.file, []).append(finding)
    pages: dict[str, FindingsPage] = {}
    for file in failed:
        if not (file.startswith(prefix) and file.endswith(".md")):
            continue
        src_uri = file[len(prefix) :]
        related = _related(repo, file)
        found = [*by_file.get(file, [])]
        found += [f for f in report.errors if f.file in related and f.file != file]
        found.sort(key=lambda f: f.severity is not Severity.ERROR)  # errors first, stable
        pages[src_uri] = FindingsPage(
            src_uri, file, _address(site, src_uri, posts.get(file)), found
        )
    if report.errors:
        pages[OVERVIEW] = FindingsPage(OVERVIEW, "", OVERVIEW_URL, report.errors)
    links = {p.file: p.url for p in pages.values() if p.file}
    for page in pages.values():
        page.links = links
    return pages


def place(files: Files, config: MkDocsConfig, pages: dict[str, FindingsPage]) -> None:
    """Give the files of ``pages`` their addresses, and add the overview."""
    for file in files:
        page = pages.get(file.src_uri)
        if page is None or page.url == file.url:
            continue  # a page stays where it is (and in the navigation, if it was)
        file.inclusion = InclusionLevel.NOT_IN_NAV  # a post, moved to its own address
        file.dest_uri = page.url + "index.html"
        file.url = page.url
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
    if OVERVIEW in pages and OVERVIEW not in files.src_uris:
        files.append(
            File.generated(config, OVERVIEW, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        )
