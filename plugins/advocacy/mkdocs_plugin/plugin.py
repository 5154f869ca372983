"""MkDocs events, in the order MkDocs calls them, each handing over to the core.

The build runs exactly what ``advocacy check`` runs, then publishes the renderings the check
judged: MkDocs renders no Markdown itself (see patches.RenderPatch) and copies no file the
check did not judge (non-Markdown files under ``docs_dir`` are refused; media are added
from what published pages use).
"""

from __future__ import annotations

import functools
import gc
import os
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from advocacy.core.cache.store import BuildCache
from advocacy.core.checking.run import check_repository
from advocacy.core.media.card_jobs import CardMaking, card_jobs, card_name
from advocacy.core.media.cards import CardStyle
from advocacy.core.media.parallel import WorkerPool
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.model.findings import Report
from advocacy.core.model.site import Site, SiteError, zone
from advocacy.core.publishing.edition import Edition, decide, describe_hold
from advocacy.core.publishing.pages import plan_pages
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.page import PageSource, Rendered, is_blocking
from advocacy.core.rendering.sanitize import sanitize
from advocacy.core.review.escape import line
from advocacy.core.review.formats import as_text
from advocacy.core.review.policy_page import policy_markdown
from advocacy.core.writing.ideas import ideas_markdown
from advocacy.mkdocs_plugin.config import AdvocacyConfig
from advocacy.mkdocs_plugin.context import PageData
from advocacy.mkdocs_plugin.feeds import FeedWriter
from advocacy.mkdocs_plugin.media import MediaPublisher, link_outputs
from advocacy.mkdocs_plugin.page_cache import PageCache
from advocacy.mkdocs_plugin.patches import (
    RenderPatch,
    SiteKeeper,
    escape_meta,
    fix_material_html,
    unshare,
)
from advocacy.mkdocs_plugin.site import site_from_config

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
HOLD_ENV = "ADVOCACY_ON_ERROR"


def hold_mode() -> bool:
    """``ADVOCACY_ON_ERROR=hold``: publish what has no error instead of failing the build.

    The publishing workflows build strictly first; when that fails they build again in this
    mode, so that content whose consent ended is still taken down while someone fixes the
    error (nothing with an error, or depending on a file with one, is published).
    """
    return os.environ.get(HOLD_ENV, "").strip().lower() == "hold"


def _settle() -> None:
    """Collect garbage, then set what is left aside from later collections.

    A build keeps what it has read and made (posts, pages) until its end; Python's collector
    would otherwise go over all of it again and again, which grows faster than the site.
    """
    gc.collect()
    gc.freeze()


def _no_traceback(event: Callable[..., Any]) -> Callable[..., Any]:
    """An unexpected fault in an event is a ``PluginError`` naming where it happened, never a
    traceback for someone who only wanted to publish a story. (Faults in one post's check
    are findings on that post already; this is the last net.)"""

    @functools.wraps(event)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return event(self, *args, **kwargs)
        except PluginError:
            raise
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            page = kwargs.get("page")
            where = f" while making {page.file.src_uri}" if page is not None else ""
            raise PluginError(
                f"advocacy: {event.__name__}{where} failed: {type(exc).__name__}: {exc} (in "
                f"{Path(frame.filename).name}:{frame.lineno}); nothing was published. Please "
                "report this to the site's maintainers.") from None

    return guarded


def _our_template(name: str | None) -> bool:
    """Our templates escape what they print (Material's do not: they print HTML)."""
    return bool(name) and (name.startswith("advocacy/") or name == "main.html")  # type: ignore[union-attr]


class AdvocacyPlugin(BasePlugin[AdvocacyConfig]):
    """Reads authors and posts through the core, publishes what may be published."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.store: BuildCache | None = None
        self.repo: Repository | None = None
        self.docs: dict[str, Post | DocPage] = {}  # published posts and pages by src_uri
        self.renderer: Any = None  # core.rendering.documents.Renderer
        self.media: MediaPublisher | None = None
        self.data: PageData | None = None  # what templates get, gathered in on_files
        self.feeds: FeedWriter | None = None
        self.page_cache: PageCache | None = None
        self.page_data: dict[str, dict[str, Any]] = {}  # the template data, made once a page
        self.pool: WorkerPool | None = None  # pictures and cards, made beside the pages
        self.cards: CardMaking | None = None
        self.keeper: SiteKeeper | None = None  # the site folder is kept, then swept
        self.render_patch: RenderPatch | None = None
        self.pages_done = 0

    # -- on_config: where things are, and our templates on the theme's search path ----------
    @_no_traceback
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Build the core's site settings and add our templates to the theme."""
        if not config.use_directory_urls:
            raise PluginError("advocacy: addresses like blog/2026/11/20/<slug>/ need "
                              "'use_directory_urls: true' in mkdocs.yml.")
        try:
            self.site = site_from_config(config, self.config)
        except SiteError as exc:
            raise PluginError(f"advocacy: {exc}") from None
        # After a company's own custom_dir, before Material: overrides still win.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        for extra, name in ((config.extra_css, "assets/advocacy/advocacy.css"),
                            (config.extra_javascript, "assets/advocacy/advocacy.js")):
            if name not in extra:
                extra.append(name)
        return config

    # -- on_pre_build: MkDocs is about to empty the site folder -----------------------------
    @_no_traceback
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Keep the built site: unchanged files stay in place (see patches.SiteKeeper)."""
        self.keeper = SiteKeeper()
        self.keeper.install()

    # -- on_files: read and check everything, then publish only what may be published ---------
    @event_priority(50)  # before other plugins see the files
    @_no_traceback
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check the repository; keep only judged pages; give posts their addresses; add the
        generated pages and the media published pages use."""
        site = self.site
        assert site is not None
        self.store = BuildCache.for_repository(site.root)
        repo, report = check_repository(site, lang=site.language, store=self.store)
        self.repo = repo
        self._report(report)
        edition = decide(repo)
        data = self.data = PageData(site, edition, repo.policy, config,
                                    zone(self.config.timezone))
        for held in edition.held:
            log.info("%s %s: %s.", "Ikke udgivet:" if site.language == "da" else "Held back",
                     line(held.post.file), line(describe_hold(held, site.language)))
        self.docs = self._keep_judged(files, config, edition, repo)
        self._add_generated(files, config, edition, repo)
        self.renderer = repo.renderer  # the check's: generated pages render the same way
        # Pictures and cards are made by worker processes while the pages are written.
        self.pool = WorkerPool()
        self.media = MediaPublisher(site.root, self.store, repo.media)
        self.media.publish(config, files, edition, self.docs.values(), self.pool)
        data.card_urls = self._cards(config, edition)
        self.feeds = FeedWriter(site, edition, self.config.feed_size, data.tz, self.store)
        data.feeds = self.feeds.links()
        for file in files:  # MkDocs writes into these: never into a link to the cache
            if not file.is_documentation_page():
                unshare(file.abs_dest_path)
        self.render_patch = RenderPatch(self._rendered)
        self.render_patch.install()
        _settle()
        return files

    def _report(self, report: Report) -> None:
        """Warnings to the log; errors stop the build (or, in hold mode, hold content back)."""
        assert self.site is not None
        lang = self.site.language
        for finding in report.warnings:
            # Warnings never block publication, so they are logged below WARNING level:
            # --strict would otherwise turn them into errors.
            log.info("%s:%s: warning: %s %s", line(finding.file), finding.line or "",
                     line(finding.message), line(finding.fix))
        if not report.errors:
            return
        if not hold_mode():
            raise PluginError("advocacy: the site cannot be published until these are fixed:\n"
                              + as_text(report, lang))
        # Hold mode (the publishing workflow's second try): whatever has an error stays off
        # the site, and the rest is published, so that withdrawn content still goes.
        log.warning("advocacy: %d errors; what they concern is held back:\n%s",
                    len(report.errors), as_text(report, lang))

    def _keep_judged(self, files: Files, config: MkDocsConfig, edition: Edition,
                     repo: Repository) -> dict[str, Post | DocPage]:
        """Only the Markdown the check judged stays, with the addresses the core gave it."""
        site = self.site
        assert site is not None and self.data is not None
        published: dict[str, Post | DocPage] = {p.src_uri: p for p in edition.posts}
        published |= {p.src_uri: p for p in repo.pages if p.valid}
        docs_dir = os.path.abspath(config.docs_dir)
        for file in list(files):
            source = os.path.abspath(file.abs_src_path or "")
            if file.generated_by or not source.startswith(docs_dir + os.sep):
                continue  # the theme's own files, or another plugin's
            doc = published.get(file.src_uri)
            if doc is None:
                # Held back, not judged (a link, a file MkDocs would copy as it is), or a
                # page with errors in hold mode: in no page, listing, search or sitemap.
                files.remove(file)
                continue
            if isinstance(doc, Post):
                self.data.posts[file.src_uri] = doc
                file.inclusion = InclusionLevel.NOT_IN_NAV  # 1,000 posts are no menu
                file.dest_uri = doc.url + "index.html"
                file.url = doc.url
                file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir,
                                                                   file.dest_uri))
        return published

    def _add_generated(self, files: Files, config: MkDocsConfig, edition: Edition,
                       repo: Repository) -> None:
        """Listings, people, topics, teams, the policy and the story ideas."""
        site, data = self.site, self.data
        assert site is not None and data is not None
        for page in plan_pages(site, edition, data.card):
            data.generated[page.src_uri] = page.context
            if page.src_uri not in files.src_uris:
                # Only the story list and the people index belong in an automatic nav.
                inclusion = (InclusionLevel.UNDEFINED if page.src_uri in (
                    f"{site.blog_dir}/index.md", f"{site.blog_dir}/authors/index.md")
                    else InclusionLevel.NOT_IN_NAV)
                files.append(File.generated(config, page.src_uri, content=page.markdown(),
                                            inclusion=inclusion))
        policy_uri = self.config.policy_page.strip("/") + "/index.md"
        if policy_uri not in files.src_uris:
            markdown = policy_markdown(repo.policy, repo.policy.company or site.site_name,
                                       md_in_html="md_in_html" in config.markdown_extensions,
                                       repository=self.config.repository)
            files.append(File.generated(config, policy_uri, content=markdown))
        if "story-ideas/index.md" not in files.src_uris:
            files.append(File.generated(config, "story-ideas/index.md", content=ideas_markdown(
                site, self.config.repository, self.config.branch)))

    def _cards(self, config: MkDocsConfig, edition: Edition) -> dict[str, str]:
        """Make the share cards; they are linked into the site after the build."""
        site, store = self.site, self.store
        assert site is not None and self.media is not None and store is not None
        opts = self.config.cards
        logo = site.root / opts.logo if opts.logo else None
        style = CardStyle(opts.background, opts.text, opts.accent, logo, config.site_name)
        jobs = card_jobs(edition, site.root)
        assert self.pool is not None
        self.cards = CardMaking(jobs, style, lambda key: store.path(
            "cards", store.key("cards", key), ".jpg"), self.pool)
        urls = {}
        for job in jobs:
            name = card_name(job, self.cards.keys[job.name])
            self.media.outputs.append((name, self.cards.files[job.name]))
            urls[job.name] = name
        return urls

    def _rendered(self, page: Page) -> Rendered:
        """The core's rendering of a page: the one the check judged, or for a page the
        plugin generated, made now and judged the same way (fail closed)."""
        doc = self.docs.get(page.file.src_uri)
        if doc is not None and doc.rendered is not None:
            return doc.rendered  # type: ignore[no-any-return]
        assert self.renderer is not None
        rendered = self.renderer.render_source(PageSource("", page.url, page.markdown or ""))
        dangerous = [f for f in rendered.found if is_blocking(f)]
        if dangerous:
            raise PluginError(f"advocacy: the generated page {page.file.src_uri} would publish "
                              f"unsafe HTML ({dangerous[0].rule}); nothing was published.")
        return rendered

    # -- on_nav: the navigation is part of every page's cache key ------------------------------
    @_no_traceback
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Start the page cache for this build's navigation."""
        assert self.store is not None
        self.page_cache = PageCache(self.store, config, nav)
        self.page_data = {}
        return nav

    # -- on_page_read_source: MkDocs reads our body, never its own front matter parse --------
    @_no_traceback
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A post's or page's body as the core read it (front matter already taken off)."""
        doc = self.docs.get(page.file.src_uri)
        return doc.body if doc is not None else None

    # -- on_page_markdown: the meta MkDocs and Material see is the meta the check validated --
    @_no_traceback
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """Give each page the validated (and escaped) meta, and posts our template."""
        src_uri = page.file.src_uri
        doc = self.docs.get(src_uri)
        if isinstance(doc, Post):
            meta: dict[str, Any] = {**doc.meta, "title": doc.title,
                                    "description": doc.description,
                                    "template": "advocacy/post.html"}
        elif isinstance(doc, DocPage):
            meta = dict(doc.meta)
        else:  # generated by the plugin: written with yaml.safe_dump, our own fields
            meta = dict(page.meta)
        if src_uri == "index.md":
            meta.setdefault("template", "advocacy/home.html")
        page.meta = escape_meta(meta)
        return markdown

    # -- on_env: templates can render pictures, and ours escape what they print ---------------
    @_no_traceback
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Register the ``adv_picture`` and ``adv_src`` filters; autoescape our templates."""
        assert self.media is not None
        env.autoescape = _our_template
        env.filters["adv_picture"] = self.media.jinja_filter()
        env.filters["adv_src"] = self.media.jinja_src_filter()
        return env

    # -- on_page_content: keep each post's HTML for the feeds (rendered once, used twice) ------
    @_no_traceback
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Remember the rendered HTML of published posts; use a cached page if unchanged."""
        assert self.data is not None
        if self.feeds is not None and page.file.src_uri in self.feeds.shown:
            self.feeds.html[page.file.src_uri] = str(html)
        page.content = html if isinstance(html, Markup) else escape(html)
        data = self.page_data[page.file.src_uri] = self.data.for_page(page)
        if self.page_cache is not None:
            self.page_cache.decide(page, data)
        return page.content

    # -- on_page_context: the data our templates show -----------------------------------------
    @event_priority(-100)  # last: after Material's search has rewritten the content
    @_no_traceback
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        """Give templates the post, listing, author or home page data, and the head.

        Other plugins may have changed the content since the core rendered it (Material's
        search removes its attributes, and hands back plain text): it is sanitised again,
        so what a template prints is never more than the allow-list.
        """
        assert self.data is not None
        src_uri = page.file.src_uri
        content = page.content or ""
        if not isinstance(content, Markup):
            page.content = Markup(sanitize(str(content)))
        context["advocacy"] = self.page_data.pop(src_uri, None) or self.data.for_page(page)
        return context

    # -- on_post_page: Material's HTML errors mended; the page kept for the next build --------
    @event_priority(-100)  # last: the page is kept as every plugin left it
    @_no_traceback
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Valid HTML from Material's templates; kept for the next build.

        A page that is (now) in the page cache comes out empty, so MkDocs writes nothing:
        the cached file is linked in after the build.
        """
        self.pages_done += 1
        if self.pages_done % 500 == 0:
            _settle()
        if self.page_cache is not None and self.page_cache.take(page):
            return ""
        output = fix_material_html(output)
        if self.page_cache is not None and self.page_cache.keep(page, output):
            return ""  # linked from the cache after the build
        unshare(page.file.abs_dest_path)  # MkDocs writes it: not into an earlier link
        return output

    @_no_traceback
    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        """The same for pages made from templates alone (404.html)."""
        return fix_material_html(output_content) if template_name.endswith(".html") else (
            output_content)

    # -- on_post_build: pictures, cards and feeds ---------------------------------------------
    @event_priority(100)  # first: other plugins' on_post_build may read the site's files
    @_no_traceback
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Wait for pictures and cards and link them into the site; write the feeds."""
        self._restore()
        if self.media is not None:
            self.media.finish()
        if self.cards is not None:
            made = self.cards.finish()
            log.info("Share cards: %d published, %d made now, %d from the cache.",
                     len(self.cards.keys), made, len(self.cards.keys) - made)
        if self.pool is not None:
            self.pool.close()
        if self.renderer is not None:
            log.info("Pages: %d rendered now, %d from the cache.", self.renderer.rendered,
                     self.renderer.reused)
        linked = []
        if self.page_cache is not None:
            link_outputs(config.site_dir, self.page_cache.outputs)
            linked += [name for name, _ in self.page_cache.outputs]
            log.info("Finished pages: %d from the cache (search entries of %d).",
                     self.page_cache.hits, self.page_cache.search_hits)
        if self.media is not None:
            link_outputs(config.site_dir, self.media.outputs)
            linked += [name for name, _ in self.media.outputs]
            if self.feeds is not None:
                linked += self.feeds.write(config.site_dir, config.site_url, self.media)
        if self.keeper is not None:
            self.keeper.sweep(linked)  # what an earlier build left and this one did not make
        if self.store is not None:
            self.store.close()  # digests kept, entries flushed, old ones pruned
        gc.unfreeze()  # what this build kept may go once it is over (mkdocs serve)

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build stops the picture and card workers at once."""
        if self.pool is not None:
            self.pool.close(cancel=True)
        self._restore()
        if self.store is not None:
            self.store.flush()
        gc.unfreeze()

    def _restore(self) -> None:
        """MkDocs as it was: its rendering and its emptying of the site folder."""
        if self.render_patch is not None:
            self.render_patch.uninstall()
            self.render_patch = None
        if self.keeper is not None:
            self.keeper.uninstall()
