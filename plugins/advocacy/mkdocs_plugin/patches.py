"""Every place the build changes MkDocs' or Material's own behaviour, and why, in one module.

Each patch is installed for one build and taken away after it (or after an error), so a
``mkdocs serve`` session or another tool in the same process sees MkDocs as it is.

- :class:`SiteKeeper`: MkDocs empties the site folder before every build; ours is kept and
  swept after (most files are hard links into the build cache and would be put back).
- :class:`RenderPatch`: ``Page.render`` is replaced by the core's rendering, so every page is
  published exactly as the check rendered and judged it (sanitised), never rendered twice.
- :func:`wrap_search`: Material's search index takes the entries of unchanged pages from the
  page cache instead of parsing them again.
- :class:`SkippedPages`: MkDocs' "Page skipped" notice is hidden for pages linked from the
  cache.
- :func:`fix_material_html`: Material's markup has a few HTML errors the Nu checker reports
  on every page; they are mended in the finished page rather than by copying its templates.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterable
from typing import Any

import mkdocs.utils
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from advocacy.core.rendering.page import Rendered


def unshare(path: str) -> None:
    """Remove a hard link at ``path`` (so what is written there does not reach the cache)."""
    try:
        if os.lstat(path).st_nlink > 1:
            os.unlink(path)
    except OSError:
        pass


class SiteKeeper:
    """Stands in for MkDocs' ``clean_directory`` during one build."""

    def __init__(self) -> None:
        self.folder: str | None = None
        # A little before now: the file system's clock may lag the one Python reads.
        self.started = time.time_ns() - 50_000_000
        self._original: Callable[[str], None] | None = None

    def install(self) -> None:
        """From here on, emptying the site folder only notes it."""
        self._original = mkdocs.utils.clean_directory
        mkdocs.utils.clean_directory = self._note  # the patch

    def _note(self, directory: str) -> None:
        self.folder = directory

    def uninstall(self) -> None:
        """Give MkDocs its own function back."""
        if self._original is not None:
            mkdocs.utils.clean_directory = self._original  # type: ignore[assignment]
            self._original = None

    def sweep(self, kept: Iterable[str]) -> int:
        """Remove what this build neither linked (``kept``, site-relative) nor wrote."""
        if self.folder is None or not os.path.isdir(self.folder):
            return 0
        keep = {os.path.normpath(os.path.join(self.folder, name)) for name in kept}
        removed = 0
        for folder, dirs, files in os.walk(self.folder):
            if folder == self.folder:  # hidden entries at the top: not ours (.git, ...)
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                files = [f for f in files if not f.startswith(".")]
            for name in files:
                path = os.path.join(folder, name)
                if path in keep:
                    continue
                try:
                    if os.lstat(path).st_mtime_ns < self.started:
                        os.unlink(path)
                        removed += 1
                except OSError:
                    pass
        for folder, _, files in os.walk(self.folder, topdown=False):
            top = os.path.relpath(folder, self.folder).split(os.sep)[0]
            if folder != self.folder and not files and not top.startswith("."):
                with contextlib.suppress(OSError):  # only when empty; sub-folders went first
                    os.rmdir(folder)
        return removed


class RenderPatch:
    """``Page.render`` for one build: each page gets the core's rendering from ``provide``."""

    def __init__(self, provide: Callable[[Page], Rendered]) -> None:
        self.provide = provide
        self._original: Callable[..., None] | None = None

    def install(self) -> None:
        """From here on, MkDocs renders no Markdown itself."""
        self._original = Page.render
        provide = self.provide

        def render(page: Page, config: MkDocsConfig, files: Files) -> None:
            rendered = provide(page)
            page.content = Markup(rendered.html)
            page.toc = get_toc([_plain_token(t) for t in rendered.toc])
            page._title_from_render = escape(rendered.title) if rendered.title else None
            page.present_anchor_ids = set(rendered.anchors)
            page.links_to_anchors = {}  # links were resolved and checked by the core

        Page.render = render  # type: ignore[method-assign,assignment]  # the patch

    def uninstall(self) -> None:
        """Give MkDocs its own rendering back."""
        if self._original is not None:
            Page.render = self._original  # type: ignore[method-assign]
            self._original = None


def _plain_token(token: dict[str, Any]) -> Any:  # MkDocs' private _TocToken
    """A table-of-contents entry with text only: Material prints titles as they are."""
    return {
        **token,
        "name": str(escape(Markup(str(token.get("name", ""))).striptags())),
        "children": [_plain_token(c) for c in token.get("children", [])],
    }


def escape_meta(value: Any) -> Any:
    """Page meta as Material may print it (unescaped): every text escaped, recursively."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escape_meta(v) for v in value]
    if isinstance(value, dict):
        return {k: escape_meta(v) for k, v in value.items()}
    return value


class SkippedPages(logging.Filter):
    """Hides MkDocs' "Page skipped" notice for the pages linked from the cache, for one build
    (:meth:`install`, :meth:`uninstall`)."""

    LOGGER = "mkdocs.commands.build"

    def __init__(self) -> None:
        super().__init__()
        self.src_uris: set[str] = set()

    def install(self) -> None:
        """Start hiding the notices of :attr:`src_uris`."""
        logging.getLogger(self.LOGGER).addFilter(self)

    def uninstall(self) -> None:
        """MkDocs' log as it was."""
        logging.getLogger(self.LOGGER).removeFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (
            message.startswith("Page skipped: '")
            and message[len("Page skipped: '") :].split("'", 1)[0] in self.src_uris
        )


def wrap_search(
    index: Any, search: dict[str, list[dict[str, Any]]], keep: Iterable[str], counter: list[int]
) -> None:
    """Give Material's search index the cached entries of unchanged pages (``search``), and
    collect the entries of the pages in ``keep`` into ``search`` for storing."""
    # The method itself, not the wrapper of an earlier build of `mkdocs serve`.
    original = index.__dict__.get("_advocacy_original") or index.add_entry_from_context
    index._advocacy_original = original
    keep = keep if isinstance(keep, set | dict) else set(keep)

    def add_entry_from_context(page: Page) -> None:
        src_uri = page.file.src_uri
        cached = search.pop(src_uri, None)
        if cached is not None:
            index.entries.extend(cached)
            counter[0] += 1
            return
        start = len(index.entries)
        original(page)
        if src_uri in keep:
            search[src_uri] = index.entries[start:]  # stored with the page

    index.add_entry_from_context = add_entry_from_context


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_TOC_LABEL = re.compile(r'(<label\b[^>]*?)\s+for="__toc"')
_AUTOCORRECT = re.compile(r'(<input\b[^>]*?)\s+autocorrect="off"')  # not an HTML attribute
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')


def fix_material_html(html: str) -> str:
    """Drop ``autocomplete`` from checkboxes, ``autocorrect`` (Safari's, not HTML's), empty
    ``tabindex`` on labels, and ``for="__toc"`` when no such input exists."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _AUTOCORRECT.sub(r"\1", html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r"\1", html)
    return html
