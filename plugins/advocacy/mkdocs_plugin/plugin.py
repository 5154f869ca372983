"""MkDocs events, in the order MkDocs calls them, each handing over to the core."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from advocacy.cli.output import as_text
from advocacy.core.cache.digests import save_digests
from advocacy.core.cache.writer import flush
from advocacy.core.checking.run import check_repository
from advocacy.core.media.card_jobs import CardMaking, card_jobs, card_name
from advocacy.core.media.cards import CardStyle
from advocacy.core.media.parallel import WorkerPool
from advocacy.core.model.site import Site, SiteError, today_from_env
from advocacy.core.publishing.edition import Edition, decide, describe_hold
from advocacy.core.publishing.pages import plan_pages
from advocacy.core.publishing.seo import zone
from advocacy.core.review.policy_page import policy_markdown
from advocacy.core.writing.ideas import ideas_markdown
from advocacy.mkdocs_plugin.config import AdvocacyConfig
from advocacy.mkdocs_plugin.context import PageData
from advocacy.mkdocs_plugin.feeds import FeedWriter
from advocacy.mkdocs_plugin.html_fixes import fix_material_html
from advocacy.mkdocs_plugin.media import MediaPublisher, link_outputs, repo_file_of
from advocacy.mkdocs_plugin.page_cache import PageCache
from advocacy.mkdocs_plugin.render_cache import RenderCache
from advocacy.mkdocs_plugin.site_dir import SiteKeeper, unshare

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"


def _settle() -> None:
    """Collect garbage, then set what is left aside from later collections.

    A build keeps what it has read and made (posts, pages) until its end; Python's collector
    would otherwise go over all of it again and again, which grows faster than the site.
    """
    gc.collect()
    gc.freeze()


class AdvocacyPlugin(BasePlugin[AdvocacyConfig]):
    """Reads authors and posts through the core, publishes what may be published."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.media: MediaPublisher | None = None
        self.data: PageData | None = None  # what templates get, gathered in on_files
        self.feeds: FeedWriter | None = None
        self.render_cache: RenderCache | None = None
        self.page_cache: PageCache | None = None
        self.page_data: dict[str, dict[str, Any]] = {}  # the template data, made once a page
        self.pool: WorkerPool | None = None  # pictures and cards, made beside the pages
        self.cards: CardMaking | None = None
        self.keeper: SiteKeeper | None = None  # the site folder is kept, then swept
        self.pages_done = 0

    # -- on_config: where things are, and our templates on the theme's search path ----------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Build the core's site settings and add our templates to the theme."""
        if not config.use_directory_urls:
            raise PluginError("advocacy: addresses like blog/2026/11/20/<slug>/ need "
                              "'use_directory_urls: true' in mkdocs.yml.")
        root = Path(config.config_file_path).resolve().parent
        try:
            today = today_from_env()
        except SiteError as exc:
            raise PluginError(f"advocacy: {exc}") from None
        opts = self.config
        self.site = Site(
            root=root, docs_dir=os.path.relpath(config.docs_dir, root),
            posts_dir=opts.posts_dir.strip("/"), blog_dir=opts.blog_dir.strip("/"),
            authors_dir=opts.authors_dir, media_dir=opts.media_dir, policy=opts.policy,
            language=opts.language, categories=tuple(opts.categories), per_page=opts.per_page,
            site_name=config.site_name, site_url=config.site_url, today=today,
            jobs_url=opts.jobs.url, team_jobs=dict(opts.jobs.teams),
        )
        # After a company's own custom_dir, before Material: overrides still win.
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        config.extra_css.append("assets/advocacy/advocacy.css")
        config.extra_javascript.append("assets/advocacy/advocacy.js")
        return config

    # -- on_pre_build: MkDocs is about to empty the site folder -----------------------------
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Keep the built site: unchanged files stay in place (see site_dir)."""
        self.keeper = SiteKeeper()
        self.keeper.install()

    # -- on_files: read and check everything, then publish only what may be published ---------
    @event_priority(50)  # before other plugins see the post files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Check the repository; drop held-back posts; give posts their addresses; add pages."""
        site = self.site
        assert site is not None
        lang = site.language
        repo, report = check_repository(site, lang=lang)
        for finding in report.warnings:
            # Warnings never block publication, so they are logged below WARNING level:
            # --strict would otherwise turn them into errors.
            log.info("%s:%s: warning: %s %s", finding.file, finding.line or "", finding.message,
                     finding.fix)
        if report.errors:
            raise PluginError("advocacy: the site cannot be published until these are fixed:\n"
                              + as_text(report, lang))
        edition = decide(repo)
        for post in repo.posts:  # what the checks worked out is not needed for the pages
            post.cache.clear()
        repo.cache.clear()
        data = self.data = PageData(site, edition, repo.policy, config,
                                    zone(self.config.timezone))
        for held in edition.held:
            log.info("%s %s: %s.", "Ikke udgivet:" if lang == "da" else "Held back",
                     held.post.file, describe_hold(held, lang))
        published = {p.src_uri: p for p in edition.posts}
        posts_prefix = site.posts_dir + "/"
        for file in list(files):
            if not file.src_uri.startswith(posts_prefix) or not file.is_documentation_page():
                continue
            post = published.get(file.src_uri)
            if post is None:
                files.remove(file)  # held back: in no page, listing, search index or sitemap
                continue
            data.posts[file.src_uri] = post
            file.inclusion = InclusionLevel.NOT_IN_NAV  # 1,000 posts are no menu
            file.dest_uri = post.url + "index.html"
            file.url = post.url
            file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_uri))
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
        # Pictures and cards are made by worker processes while the pages are written.
        self.pool = WorkerPool()
        self.media = MediaPublisher(site)
        self.media.publish(config, files, edition, self.pool)
        data.card_urls = self._cards(config, files, edition)
        self.feeds = FeedWriter(site, edition, self.config.feed_size, data.tz)
        data.feeds = self.feeds.links()
        self.render_cache = RenderCache(site.cache_path / "html", config)
        for file in files:  # MkDocs writes into these: never into a link to the cache
            if not file.is_documentation_page():
                unshare(file.abs_dest_path)
        _settle()
        return files

    def _cards(self, config: MkDocsConfig, files: Files, edition: Edition) -> dict[str, str]:
        """Make the share cards; they are linked into the site after the build."""
        site = self.site
        assert site is not None and self.media is not None
        opts = self.config.cards
        logo = site.root / opts.logo if opts.logo else None
        style = CardStyle(opts.background, opts.text, opts.accent, logo, config.site_name)
        jobs = card_jobs(edition, site.root)
        cache = site.cache_path / "cards"
        assert self.pool is not None
        self.cards = CardMaking(jobs, style, cache, self.pool)
        keys = self.cards.keys
        urls = {}
        for job in jobs:
            name = card_name(job, keys[job.name])
            self.media.outputs.append((name, cache / f"{keys[job.name]}.jpg"))
            urls[job.name] = name
        return urls

    def _cache_dir(self, name: str) -> Path:
        assert self.site is not None
        folder = self.site.cache_path / name
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    # -- on_nav: the navigation is part of every page's cache key ------------------------------
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Start the page cache for this build's navigation."""
        assert self.site is not None
        self.page_cache = PageCache(self.site.cache_path / "pages", config, nav)
        self.page_data = {}
        return nav

    # -- on_page_markdown: posts get our template; pictures become <picture> markup ----------
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """Choose templates; replace pictures with responsive markup, point media links."""
        src_uri = page.file.src_uri
        if src_uri == "index.md":
            page.meta.setdefault("template", "advocacy/home.html")
        assert self.data is not None
        post = self.data.posts.get(src_uri)
        if post is not None:
            page.meta.setdefault("template", "advocacy/post.html")
        assert self.site is not None and self.media is not None
        source = post.file if post else repo_file_of(self.site, page)
        # The cover is a post's first picture; otherwise the first in the text loads eagerly.
        markdown = self.media.rewrite(markdown, source, page,
                                      eager_first=not (post and post.image))
        if self.render_cache is not None:
            self.render_cache.use(page, markdown)
        return markdown

    # -- on_env: templates can render pictures --------------------------------------------------
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Register the ``adv_picture`` and ``adv_src`` filters."""
        assert self.media is not None and self.site is not None
        # Compiled templates kept between builds (Material's are big): Jinja checks each
        # template's source time, so an edited template is compiled again.
        env.bytecode_cache = FileSystemBytecodeCache(str(self._cache_dir("jinja")))
        env.filters["adv_picture"] = self.media.jinja_filter()
        env.filters["adv_src"] = self.media.jinja_src_filter()
        return env

    # -- on_page_context: the data our templates show -----------------------------------------
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        """Give templates the post, listing, author or home page data, and the head."""
        assert self.data is not None
        src_uri = page.file.src_uri
        context["advocacy"] = self.page_data.pop(src_uri, None) or self.data.for_page(page)
        return context

    # -- on_page_content: keep each post's HTML for the feeds (rendered once, used twice) ------
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Remember the rendered HTML of published posts; use a cached page if unchanged."""
        assert self.data is not None
        if self.feeds is not None and page.file.src_uri in self.feeds.shown:
            self.feeds.html[page.file.src_uri] = html
        page.content = html
        data = self.page_data[page.file.src_uri] = self.data.for_page(page)
        if self.page_cache is not None:
            self.page_cache.decide(page, data)
        return html

    # -- on_post_build: the feeds ----------------------------------------------------------------
    @event_priority(100)  # first: other plugins' on_post_build may read the site's files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Wait for pictures and cards and link them into the site; write the feeds."""
        if self.media is not None:
            self.media.finish()
        if self.cards is not None:
            made = self.cards.finish()
            log.info("Share cards: %d published, %d made now, %d from the cache.",
                     len(self.cards.keys), made, len(self.cards.keys) - made)
        if self.pool is not None:
            self.pool.close()
        if self.render_cache is not None and self.data is not None:
            posts = len(self.render_cache.hits & self.data.posts.keys())
            log.info("Posts: %d rendered from the cache, %d rendered now; other pages: %d "
                     "rendered from the cache.", posts, len(self.data.posts) - posts,
                     len(self.render_cache.hits) - posts)
        linked = []
        if self.page_cache is not None:
            link_outputs(config.site_dir, self.page_cache.outputs)
            linked += [name for name, _ in self.page_cache.outputs]
            log.info("Pages: %d from the cache (search entries of %d).", self.page_cache.hits,
                     self.page_cache.search_hits)
        if self.media is not None:
            link_outputs(config.site_dir, self.media.outputs)
            linked += [name for name, _ in self.media.outputs]
            if self.feeds is not None:
                linked += self.feeds.write(config.site_dir, config.site_url, self.media)
        if self.keeper is not None:
            self.keeper.uninstall()
            self.keeper.sweep(linked)  # what an earlier build left and this one did not make
        if self.site is not None:
            save_digests(self.site.cache_path / "digests.json")  # for the next build
        flush()  # the cache files still being written
        gc.unfreeze()  # what this build kept may go once it is over (mkdocs serve)

    # -- on_post_page: two validator errors in Material's own markup --------------------------
    @event_priority(-100)  # last: the page is kept as every plugin left it
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Valid HTML from Material's templates (see html_fixes); kept for the next build.

        A page that is (now) in the page cache comes out empty, so MkDocs writes nothing:
        the cached file is linked in after the build.
        """
        self.pages_done += 1
        if self.pages_done % 500 == 0:
            _settle()
        if self.page_cache is not None and self.page_cache.take(page):
            return ""
        output = fix_material_html(output)
        if self.page_cache is not None and self.page_cache.store(page, output):
            return ""  # linked from the cache after the build
        unshare(page.file.abs_dest_path)  # MkDocs writes it: not into an earlier link
        return output

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build stops the picture and card workers at once."""
        if self.pool is not None:
            self.pool.close(cancel=True)
        if self.keeper is not None:
            self.keeper.uninstall()
        gc.unfreeze()

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        """The same for pages made from templates alone (404.html)."""
        return fix_material_html(output_content) if template_name.endswith(".html") else (
            output_content)
