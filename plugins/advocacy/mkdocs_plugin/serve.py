"""``mkdocs serve``: a preview that always shows something, and shows an edited story at once.

- **What is watched.** MkDocs watches the pages and ``mkdocs.yml``; the session adds the
  authors, the media, the policy, the teams file and the plugin's templates, so an edited
  consent, photo or policy term is in the next rebuild.
- **Never refuses to start.** A post or page with errors is shown at its address as a page
  that lists its findings (:mod:`.findings_page`); ``mkdocs build`` still fails on them.
- **An edited story first.** MkDocs rebuilds the whole site after every save and serves
  nothing until it is done (several seconds at 1,000 posts). When only posts changed, the
  session checks just those posts, renders their pages into the served folder with the
  previous build's navigation and templates, and lets browsers see them at once
  (``preview``); then the whole site is rebuilt from the build cache, so listings, feeds and
  search catch up, and browsers reload once more. A post whose address changed, or that is
  held back now, waits for the whole rebuild; a picture it did not show before appears with
  the whole rebuild too (pictures are processed by the build's workers).
- **A newer save wins.** A rebuild that a newer change makes stale stops at its next page
  (:class:`Superseded`), unless the one before it stopped too: the loop then starts again
  from the newest files.

The session uses MkDocs 1.6's serving loop as it is (``LiveReloadServer``: its builder, its
epochs); when those are not what it expects, it only watches, and MkDocs rebuilds as usual.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from advocacy.core.cache.store import BuildCache
from advocacy.core.checking.run import check_repository
from advocacy.core.i18n.catalog import format_list, plural, text
from advocacy.core.model.entities import Post
from advocacy.core.publishing.edition import decide
from advocacy.mkdocs_plugin.findings_page import FindingsPage, findings_pages
from advocacy.mkdocs_plugin.patches import RenderPatch
from advocacy.mkdocs_plugin.publication import templates_folder

if TYPE_CHECKING:
    from advocacy.mkdocs_plugin.plugin import AdvocacyPlugin

log = get_plugin_logger("advocacy.mkdocs_plugin.plugin")
MOST = 3  # more posts saved at once: the whole rebuild shows them
POLL = 0.1  # seconds between two looks at the pages (MkDocs looks every 0.5 s)
_EPOCH = ("_epoch_cond", "_visible_epoch", "_wanted_epoch", "builder", "observer")


class Superseded(BaseException):
    """A rebuild made stale by a newer change; a BaseException, so that neither MkDocs nor
    the plugin's guard takes it for a fault."""


@dataclass
class LastBuild:
    """What the previous complete build used, to render a few pages again."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment


class _Recorder(FileSystemEventHandler):
    """Notes every changed path (both ends of a move) for the session."""

    def __init__(self, session: ServeSession) -> None:
        self.session = session

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in ("opened", "closed", "closed_no_write"):
            return
        paths = {os.fsdecode(event.src_path), os.fsdecode(event.dest_path)} - {""}
        with self.session.lock:
            self.session.changed |= paths
            self.session.pending.set()


class ServeSession:
    """One ``mkdocs serve``: the plugin keeps it from ``on_startup`` to ``on_shutdown``."""

    def __init__(self, plugin: AdvocacyPlugin) -> None:
        self.plugin = plugin
        self.lock = threading.Lock()
        self.changed: set[str] = set()
        self.pending = threading.Event()  # a change came in since this rebuild started
        self.server: Any = None
        self.full: Callable[[], None] | None = None  # MkDocs' own builder
        self.last: LastBuild | None = None
        self._nav: tuple[Navigation, Files] | None = None
        self._env: Environment | None = None
        self.rebuilding = False  # a whole rebuild in the serving loop is running
        self.stopped_last = False  # the previous whole rebuild was superseded

    # -- what the plugin's events hand over ----------------------------------------------------
    def saw_nav(self, nav: Navigation, files: Files) -> None:
        """The navigation and files of the build under way."""
        self._nav = (nav, files)

    def saw_env(self, env: Environment) -> None:
        """The template environment of the build under way."""
        self._env = env

    def finished(self, config: MkDocsConfig) -> None:
        """A build completed: its objects render the next preview."""
        if self._nav is not None and self._env is not None:
            self.last = LastBuild(config, self._nav[1], self._nav[0], self._env)

    def checkpoint(self) -> None:
        """Between two pages of a whole rebuild: stop when a newer save came in."""
        if self.rebuilding and not self.stopped_last and self.pending.is_set():
            raise Superseded

    # -- on_serve ------------------------------------------------------------------------------
    def start(self, server: Any, config: MkDocsConfig, builder: Callable[[], None]) -> Any:
        """Watch what the site is made of; take over the rebuilds of the serving loop."""
        site = self.plugin.site
        assert site is not None
        options = self.plugin.config
        root = site.root
        ours = [
            root / site.authors_dir,
            root / site.media_dir,
            root / site.policy,
            root / options.teams_file,
            templates_folder(),
        ]
        paths = [p for p in ours if p.exists()]
        for path in paths:
            server.watch(str(path))
        log.info(
            text(
                site.language,
                "serve.watching",
                paths=format_list([_shown(p, root) for p in paths], site.language),
            )
        )
        if not all(hasattr(server, name) for name in _EPOCH):
            return server  # not the loop this was written for: MkDocs rebuilds as it does
        recorder = _Recorder(self)
        for path in {*paths, Path(config.docs_dir), Path(config.config_file_path or "")}:
            if str(path) and path.exists():
                server.observer.schedule(recorder, str(path), recursive=True)
        for emitter in getattr(server.observer, "emitters", ()):
            # The pages are what writers save and wait for: looked at five times as often
            # (a snapshot of 1,000 posts takes about 3 ms).
            pages = os.path.abspath(emitter.watch.path) == os.path.abspath(config.docs_dir)
            if pages and isinstance(getattr(emitter, "_timeout", None), float | int):
                emitter._timeout = min(emitter._timeout, POLL)
        self.server, self.full = server, builder
        server.builder = self.rebuild
        return server

    # -- the serving loop's builder ------------------------------------------------------------
    def rebuild(self) -> None:
        """The edited posts first, then the whole site (see the module's docstring)."""
        assert self.full is not None
        with self.lock:
            changed, self.changed = self.changed, set()
            self.pending.clear()
        lang = self.plugin.config.language
        started = time.perf_counter()
        try:
            shown = self.preview(changed)
        except Exception as exc:  # a preview is a courtesy: the whole rebuild follows anyway
            log.info(text(lang, "serve.preview_failed", error=f"{type(exc).__name__}: {exc}"))
            shown = []
        if shown:
            self._show()
            log.info(
                plural(
                    lang,
                    "serve.shown",
                    len(shown),
                    files=format_list(shown, lang),
                    seconds=f"{time.perf_counter() - started:.2f}",
                )
            )
        self.rebuilding = True
        try:
            self.full()
        except Superseded:
            self.plugin.on_build_error(error=RuntimeError("superseded"))
            self.stopped_last = True
            log.info(text(lang, "serve.superseded"))
            return
        finally:
            self.rebuilding = False
        self.stopped_last = False
        if shown:
            self._again()

    def _show(self) -> None:
        """Let browsers see the site as it is now (MkDocs holds requests during a build)."""
        server = self.server
        with server._epoch_cond:
            server._visible_epoch = server._wanted_epoch
            server._epoch_cond.notify_all()

    def _again(self) -> None:
        """A newer version for browsers to reload, once the whole site is rebuilt."""
        server = self.server
        with server._epoch_cond:
            server._wanted_epoch = max(round(time.monotonic() * 1000), server._visible_epoch + 1)

    # -- the preview of edited posts -----------------------------------------------------------
    def preview(self, changed: set[str]) -> list[str]:
        """Check and render the changed posts alone; their files (empty: not possible)."""
        plugin, last = self.plugin, self.last
        site = plugin.site
        if last is None or site is None or plugin.data is None or not changed:
            return []
        docs_dir = Path(last.config.docs_dir).resolve()
        chosen: list[tuple[Path, Any]] = []
        for name in sorted(changed):
            path = Path(name)
            if path.name.startswith(".") or (not path.exists() and path.suffix != ".md"):
                continue  # an editor's swap or temporary file
            try:
                src_uri = path.resolve().relative_to(docs_dir).as_posix()
            except ValueError:
                return []  # an author, a photo, the policy: the whole site
            file = last.files.get_file_from_path(src_uri)
            if (
                path.suffix != ".md"
                or not path.is_file()
                or not src_uri.startswith(site.posts_dir + "/")
                or file is None
                or file.page is None
            ):
                return []
            chosen.append((path, file))
        if not chosen or len(chosen) > MOST:
            return []
        store = BuildCache.for_repository(site.root)
        try:
            repo, report = check_repository(
                site, [p for p, _ in chosen], site.language, store=store
            )
        finally:
            store.close()
        published = {p.src_uri for p in decide(repo).posts}
        pages = findings_pages(report, repo)
        updates: list[tuple[Any, Post | FindingsPage]] = []
        for _, file in chosen:
            post = next((p for p in repo.posts if p.src_uri == file.src_uri), None)
            if file.src_uri in pages:
                update: Post | FindingsPage = pages[file.src_uri]
                url = pages[file.src_uri].url
            elif post is not None and post.src_uri in published:
                update, url = post, post.url  # a new picture comes with the whole rebuild
            else:
                return []  # held back now (a draft, a future date): no page to show
            if url != file.url:
                return []
            updates.append((file, update))
        self._render(last, updates)
        return [site.rel(p) for p, _ in chosen]

    def _render(self, last: LastBuild, updates: list[tuple[Any, Post | FindingsPage]]) -> None:
        """Render the pages into the served folder with the previous build's objects."""
        plugin = self.plugin
        assert plugin.data is not None
        for file, update in updates:
            if isinstance(update, Post):
                plugin.findings.pop(file.src_uri, None)
                plugin.docs[file.src_uri] = plugin.data.posts[file.src_uri] = update
            else:
                plugin.findings[file.src_uri] = update
                plugin.docs.pop(file.src_uri, None)
                plugin.data.posts.pop(file.src_uri, None)
        patch, cache = RenderPatch(plugin._rendered), plugin.page_cache
        plugin.page_cache = None  # written straight into the served folder
        patch.install()
        try:
            doc_files = last.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            for file, _ in updates:
                _populate_page(file.page, last.config, last.files)
                _build_page(file.page, last.config, doc_files, last.nav, last.env)
        finally:
            patch.uninstall()
            plugin.page_cache = cache


def _shown(path: Path, root: Path) -> str:
    """A watched path as the writer knows it: from the repository's folder when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
