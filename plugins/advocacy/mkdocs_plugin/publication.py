"""What ``on_files`` publishes, step by step: the check's report said to the log (or the
build stopped), only the judged Markdown kept with the core's addresses, the generated
pages added, and the share cards started.

Each step is a function of MkDocs' objects and the core's, so ``plugin.py`` stays the list
of events and the order they run in.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from advocacy.core.cache.store import BuildCache
from advocacy.core.checking.run import for_writer
from advocacy.core.i18n.catalog import plural, text
from advocacy.core.media.card_jobs import CardMaking, card_jobs, card_name
from advocacy.core.media.cards import CardStyle
from advocacy.core.media.parallel import WorkerPool
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.model.findings import Report
from advocacy.core.model.site import Site
from advocacy.core.publishing.edition import Edition, describe_hold
from advocacy.core.publishing.pages import plan_pages
from advocacy.core.reading.repository import Repository
from advocacy.core.review.escape import line
from advocacy.core.review.formats import as_text
from advocacy.core.writing.ideas import ideas_markdown
from advocacy.mkdocs_plugin.careers import add_policy_pages
from advocacy.mkdocs_plugin.config import AdvocacyConfig
from advocacy.mkdocs_plugin.context import PageData
from advocacy.mkdocs_plugin.media import MediaPublisher

log = get_plugin_logger("advocacy.mkdocs_plugin.plugin")
HOLD_ENV = "ADVOCACY_ON_ERROR"


def hold_mode() -> bool:
    """``ADVOCACY_ON_ERROR=hold``: publish what has no error instead of failing the build.

    The publishing workflows build strictly first; when that fails they build again in this
    mode, so that content whose consent ended is still taken down while someone fixes the
    error (nothing with an error, or depending on a file with one, is published).
    """
    return os.environ.get(HOLD_ENV, "").strip().lower() == "hold"


def report_findings(
    report: Report, lang: str, preview: str | None = None, strict: bool = False
) -> None:
    """Warnings to the log; errors stop the build (or, in hold mode, hold content back; in the
    preview, ``mkdocs serve``, they are shown instead of what they concern, and listed at the
    address ``preview``)."""
    for finding in report.warnings:
        if preview is not None and for_writer(finding.rule):
            continue  # the preview's pages show advice on writing; the log would drown in it
        # Warnings never block publication, so they are logged below WARNING level:
        # --strict would otherwise turn them into errors.
        log.info(
            text(
                lang,
                "build.warning",
                file=line(finding.file),
                line=finding.line or "",
                message=line(finding.message),
                fix=line(finding.fix),
            )
        )
    if not report.errors:
        return
    if preview is not None:
        # The preview never refuses to start: each post or page with errors is shown as a
        # page of its findings. (`serve --strict` would stop at a warning: said as info.)
        said = plural(lang, "serve.errors", len(report.errors), url=preview)
        (log.info if strict else log.warning)(said + "\n" + as_text(report, lang))
        return
    if not hold_mode():
        raise PluginError(f"advocacy: {text(lang, 'build.blocked')}\n" + as_text(report, lang))
    # Hold mode (the publishing workflow's second try): whatever has an error stays off the
    # site, and the rest is published, so that withdrawn content still goes.
    log.warning(
        plural(lang, "build.held_errors", len(report.errors)) + "\n" + as_text(report, lang)
    )


def report_held(edition: Edition, lang: str) -> None:
    """Each post held back today, and why, in the log."""
    for held in edition.held:
        log.info(
            text(lang, "build.held", file=line(held.post.file), why=line(describe_hold(held, lang)))
        )


def keep_judged(
    files: Files,
    config: MkDocsConfig,
    edition: Edition,
    repo: Repository,
    data: PageData,
    shown: Collection[str] = (),
) -> dict[str, Post | DocPage]:
    """Only the Markdown the check judged stays, with the addresses the core gave it (and,
    in the preview, the files of ``shown``: pages of findings, see findings_page)."""
    published: dict[str, Post | DocPage] = {p.src_uri: p for p in edition.posts}
    published |= {p.src_uri: p for p in edition.pages}  # valid, and held for no one
    docs_dir = os.path.abspath(config.docs_dir)
    for file in list(files):
        source = os.path.abspath(file.abs_src_path or "")
        if file.generated_by or not source.startswith(docs_dir + os.sep):
            continue  # the theme's own files, or another plugin's
        doc = published.get(file.src_uri)
        if doc is None and file.src_uri in shown:
            continue
        if doc is None:
            # Held back, not judged (a link, a file MkDocs would copy as it is), or a page
            # with errors in hold mode: in no page, listing, search or sitemap.
            files.remove(file)
            if file.src_uri.endswith(".md"):
                config.nav = _without(config.nav, file.src_uri)
            continue
        if isinstance(doc, Post):
            data.posts[file.src_uri] = doc
            file.inclusion = InclusionLevel.NOT_IN_NAV  # 1,000 posts are no menu
            file.dest_uri = doc.url + "index.html"
            file.url = doc.url
            file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
    return published


def _without(nav: Any, src_uri: str) -> Any:
    """The ``nav`` of mkdocs.yml without the entries of a page that is held back (a page
    held for consent is no broken link in the menu)."""
    if isinstance(nav, list):
        kept = [_without(item, src_uri) for item in nav]
        return [item for item in kept if item not in (None, [], {})]
    if isinstance(nav, dict):
        return {k: v for k, v in ((k, _without(v, src_uri)) for k, v in nav.items()) if v}
    return None if isinstance(nav, str) and nav.strip("/") == src_uri else nav


def add_generated(
    files: Files,
    config: MkDocsConfig,
    options: AdvocacyConfig,
    site: Site,
    edition: Edition,
    repo: Repository,
    data: PageData,
) -> None:
    """Listings, people, topics, teams, the policy and the story ideas."""
    for page in plan_pages(site, edition, data.card, data.careers):
        data.generated[page.src_uri] = page.context
        if page.src_uri not in files.src_uris:
            # Only the story list and the people index belong in an automatic nav.
            inclusion = (
                InclusionLevel.UNDEFINED
                if page.src_uri
                in (f"{site.blog_dir}/index.md", f"{site.blog_dir}/authors/index.md")
                else InclusionLevel.NOT_IN_NAV
            )
            files.append(
                File.generated(config, page.src_uri, content=page.markdown(), inclusion=inclusion)
            )
    add_policy_pages(data.langs, repo.policy, site, config, files)  # one per language
    if "story-ideas/index.md" not in files.src_uris:
        files.append(
            File.generated(
                config,
                "story-ideas/index.md",
                content=ideas_markdown(site, options.repository, options.branch),
            )
        )


def start_cards(
    config: MkDocsConfig,
    options: AdvocacyConfig,
    site: Site,
    edition: Edition,
    store: BuildCache,
    media: MediaPublisher,
    pool: WorkerPool,
) -> tuple[CardMaking, dict[str, str]]:
    """Start making the share cards (linked into the site after the build); their
    addresses by page, known at once from their content keys."""
    opts = options.cards
    logo = site.root / opts.logo if opts.logo else None
    style = CardStyle(opts.background, opts.text, opts.accent, logo, config.site_name)
    jobs = card_jobs(edition, site.root)
    cards = CardMaking(
        jobs,
        style,
        lambda key: store.path("cards", store.key("cards", key), ".jpg"),
        pool,
        store.digests.of,
    )
    urls = {}
    for job in jobs:
        name = card_name(job, cards.keys[job.name])
        media.outputs.append((name, cards.files[job.name]))
        urls[job.name] = name
    return cards, urls


def templates_folder() -> Path:
    """Our templates (Material overrides, CSS and JS), put on the theme's search path."""
    return Path(__file__).parent / "templates"
