"""MkDocs events, in the order MkDocs calls them, each handing over to the core.

The build runs exactly what ``advocacy check`` runs, then publishes the renderings the check
judged: MkDocs renders no Markdown itself (see patches.RenderPatch) and copies no file the
check did not judge (non-Markdown files under ``docs_dir`` are refused; media are added
from what published pages use).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from advocacy.core.cache.store import BuildCache
from advocacy.core.checking.run import check_repository
from advocacy.core.i18n.catalog import text
from advocacy.core.media.card_jobs import CardMaking
from advocacy.core.media.parallel import WorkerPool
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.model.site import Site, SiteError, zone
from advocacy.core.publishing.edition import decide
from advocacy.core.rendering.page import PageSource, Rendered, is_blocking
from advocacy.core.rendering.sanitize import sanitize
from advocacy.mkdocs_plugin.careers import read_careers
from advocacy.mkdocs_plugin.config import AdvocacyConfig
from advocacy.mkdocs_plugin.context import PageData
from advocacy.mkdocs_plugin.feeds import FeedWriter
from advocacy.mkdocs_plugin.findings_page import OVERVIEW_URL, FindingsPage, findings_pages, place
from advocacy.mkdocs_plugin.guard import no_traceback as _no_traceback
from advocacy.mkdocs_plugin.guard import our_template as _our_template
from advocacy.mkdocs_plugin.guard import settle as _settle
from advocacy.mkdocs_plugin.media import MediaPublisher, link_outputs
from advocacy.mkdocs_plugin.page_cache import PageCache
from advocacy.mkdocs_plugin.patches import (
    RenderPatch,
    SiteKeeper,
    escape_meta,
    fix_material_html,
    unshare,
)
from advocacy.mkdocs_plugin.publication import (
    add_generated,
    keep_judged,
    report_findings,
    report_held,
    start_cards,
    templates_folder,
)
from advocacy.mkdocs_plugin.serve import ServeSession
from advocacy.mkdocs_plugin.site import site_from_config

log = get_plugin_logger(__name__)
TEMPLATES = templates_folder()


class AdvocacyPlugin(BasePlugin[AdvocacyConfig]):
    """Reads authors and posts through the core, publishes what may be published."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.store: BuildCache | None = None
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
        self.serve: ServeSession | None = None  # `mkdocs serve`: the preview's own ways
        self.findings: dict[str, FindingsPage] = {}  # the preview's pages of findings

    # -- serve: never refuses to start, watches everything, shows an edited post first --------
    def on_startup(self, *, command: str, dirty: bool) -> None:
        """``mkdocs serve`` starts a preview session (this instance is kept between builds)."""
        self.serve = ServeSession(self) if command == "serve" else None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        """Watch authors, media, policy and templates too; rebuild edited posts first."""
        return self.serve.start(server, config, builder) if self.serve else server

    # -- on_config: where things are, and our templates on the theme's search path ----------
    @_no_traceback
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Build the core's site settings and add our templates to the theme."""
        if not config.use_directory_urls:
            raise PluginError("advocacy: " + text(self.config.language, "build.directory_urls"))
        try:
            self.site = site_from_config(config, self.config)
        except SiteError as exc:
            raise PluginError(f"advocacy: {exc}") from None
        # After a company's own custom_dir, before Material: overrides still win.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        for extra, name in (
            (config.extra_css, "assets/advocacy/advocacy.css"),
            (config.extra_javascript, "assets/advocacy/advocacy.js"),
        ):
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
        self.store = store = BuildCache.for_repository(site.root)
        # The preview shows advice on writing on its pages of findings (never in the log).
        writer = self.serve is not None
        repo, report = check_repository(site, lang=site.language, store=store, writer=writer)
        careers = read_careers(site, repo, config, files, report)  # brand, teams.yml, languages
        preview = f"{config.site_url or '/'}{OVERVIEW_URL}" if self.serve else None
        report_findings(report, site.language, preview, config.strict)
        edition = decide(repo)
        report_held(edition, site.language)
        data = self.data = PageData(
            site, edition, repo.policy, config, zone(self.config.timezone), careers, repo.media
        )
        self.findings = findings_pages(report, repo) if self.serve else {}
        self.docs = keep_judged(files, config, edition, repo, data, self.findings)
        place(files, config, self.findings)  # the preview shows posts with errors as findings
        add_generated(files, config, self.config, site, edition, repo, data)
        self.renderer = repo.renderer  # the check's: generated pages render the same way
        # Pictures and cards are made by worker processes while the pages are written.
        self.pool = WorkerPool()
        self.media = MediaPublisher(site.root, store, repo.media, site.language, site.media_dir)
        self.media.publish(
            config, files, edition, self.docs.values(), self.pool, data.media_files()
        )  # and the brand's and teams' pictures
        self.cards, data.card_urls = start_cards(
            config, self.config, site, edition, store, self.media, self.pool
        )
        self.feeds = FeedWriter(site, edition, self.config.feed_size, data.tz, store)
        data.feeds = self.feeds.links()
        for file in files:  # MkDocs writes into these: never into a link to the cache
            if not file.is_documentation_page():
                unshare(file.abs_dest_path)
        self.render_patch = RenderPatch(self._rendered)
        self.render_patch.install()
        _settle()
        return files

    def _rendered(self, page: Page) -> Rendered:
        """The core's rendering of a page: the one the check judged, or for a page the
        plugin generated, made now and judged the same way (fail closed)."""
        doc = self.docs.get(page.file.src_uri)
        if doc is not None and doc.rendered is not None:
            return doc.rendered
        if page.file.src_uri in self.findings:
            return Rendered("")  # the template lists the findings
        assert self.renderer is not None
        rendered = self.renderer.render_source(PageSource("", page.url, page.markdown or ""))
        dangerous = [f for f in rendered.found if is_blocking(f)]
        if dangerous:
            raise PluginError(
                "advocacy: "
                + text(
                    self.config.language,
                    "build.unsafe_generated",
                    page=page.file.src_uri,
                    rule=dangerous[0].rule,
                )
            )
        return rendered

    # -- on_nav: the navigation is part of every page's cache key ------------------------------
    @_no_traceback
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Start the page cache for this build's navigation."""
        assert self.store is not None
        self.page_cache = PageCache(self.store, config, nav)
        self.page_data = {}
        if self.serve:
            self.serve.saw_nav(nav, files)
        return nav

    @_no_traceback
    def on_template_context(
        self, context: dict[str, Any], *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        """The 404 page: the latest stories and the jobs link, in every language."""
        if template_name == "404.html" and self.data is not None:
            context["advocacy"] = self.data.for_404()
        return context

    # -- on_page_read_source: MkDocs reads our body, never its own front matter parse --------
    @_no_traceback
    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """A post's or page's body as the core read it (front matter already taken off)."""
        doc = self.docs.get(page.file.src_uri)
        return doc.body if doc is not None else ("" if page.file.src_uri in self.findings else None)

    # -- on_page_markdown: the meta MkDocs and Material see is the meta the check validated --
    @_no_traceback
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Give each page the validated (and escaped) meta, and posts our template."""
        src_uri = page.file.src_uri
        doc = self.docs.get(src_uri)
        if isinstance(doc, Post):
            meta: dict[str, Any] = {
                **doc.meta,
                "title": doc.title,
                "description": doc.description,
                "template": "advocacy/post.html",
            }
        elif isinstance(doc, DocPage):
            meta = dict(doc.meta)
        elif src_uri in self.findings:
            meta = self.findings[src_uri].meta(self.config.language)
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
        if self.serve:
            self.serve.saw_env(env)
        return env

    # -- on_page_content: keep each post's HTML for the feeds (rendered once, used twice) ------
    @_no_traceback
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Remember the rendered HTML of published posts; use a cached page if unchanged."""
        assert self.data is not None
        if self.serve:
            self.serve.checkpoint()  # a newer save stops a stale rebuild
        if self.feeds is not None and page.file.src_uri in self.feeds.shown:
            self.feeds.html[page.file.src_uri] = str(html)
        page.content = html if isinstance(html, Markup) else escape(html)
        _escape_title(page)
        data = self.page_data[page.file.src_uri] = self.data.for_page(page)
        if self.page_cache is not None and page.file.src_uri not in self.findings:
            self.page_cache.decide(page, data)
        return page.content

    # -- on_page_context: the data our templates show -----------------------------------------
    @event_priority(-100)  # last: after Material's search has rewritten the content
    @_no_traceback
    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
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
        if src_uri in self.findings:
            context["advocacy"]["findings"] = self.findings[src_uri].view(self.config.language)
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
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """The same for pages made from templates alone (404.html)."""
        return (
            fix_material_html(output_content)
            if template_name.endswith(".html")
            else (output_content)
        )

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
            log.info(
                text(
                    self.config.language,
                    "build.cards",
                    published=len(self.cards.keys),
                    made=made,
                    cached=len(self.cards.keys) - made,
                )
            )
        if self.pool is not None:
            self.pool.close()
        if self.renderer is not None:
            log.info(
                text(
                    self.config.language,
                    "build.pages",
                    rendered=self.renderer.rendered,
                    cached=self.renderer.reused,
                )
            )
        linked = []
        if self.page_cache is not None:
            link_outputs(config.site_dir, self.page_cache.outputs)
            linked += [name for name, _ in self.page_cache.outputs]
            log.info(
                text(
                    self.config.language,
                    "build.finished",
                    cached=self.page_cache.hits,
                    search=self.page_cache.search_hits,
                )
            )
        if self.media is not None:
            link_outputs(config.site_dir, self.media.outputs)
            linked += [name for name, _ in self.media.outputs]
            if self.feeds is not None:
                linked += self.feeds.write(config.site_dir, config.site_url, self.media)
        if self.keeper is not None:
            self.keeper.sweep(linked)  # what an earlier build left and this one did not make
        if self.media is not None:
            self.media.check_site(config.site_dir)  # nothing published as an unjudged type
        if self.store is not None:
            self.store.close()  # digests kept, entries flushed, old ones pruned
        if self.serve:
            self.serve.finished(config)
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
        if self.page_cache is not None:
            self.page_cache.close()
        if self.render_patch is not None:
            self.render_patch.uninstall()
            self.render_patch = None
        if self.keeper is not None:
            self.keeper.uninstall()


def _escape_title(page: Page) -> None:
    """Material prints a page's title as it is (its heading, the search index, the nav): the
    title is set in the page's meta, escaped, whatever it came from (the front matter, the
    first heading, mkdocs.yml's nav, or MkDocs' last resort, the file's name)."""
    given = vars(page).get("title")  # from mkdocs.yml's nav: it comes before the meta
    if given is not None:
        page.title = escape(given)
    title = page.meta.get("title")
    if not isinstance(title, Markup):
        title = page.title if title is None else title
        if title is not None:
            page.meta["title"] = escape(title)
