"""Finished pages, cached by everything their template reads: a warm build renders no page
whose inputs did not change.

MkDocs picks a page's template before ``on_page_context``, so the decision is made in
``on_page_content``: the key covers the page (content, title, table of contents, meta,
address, neighbours), what our plugin gives the template, the navigation, the site's
settings and every template file. On a miss the finished page is stored in
``on_post_page`` (run last, so as every plugin left it). On a hit the page gets a template
that renders nothing. Either way MkDocs writes nothing: the cached file is hard-linked into
the site after the build, since writing a thousand pages' HTML twice, or even once on a
warm build, is a good part of a build's time on a slow disk. A page's
entries in Material's search index depend on the same inputs, so they are kept with it:
the search plugin does not parse an unchanged page again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from advocacy import __version__
from advocacy.core.cache.writer import write_atomic, write_later

CACHED_TEMPLATE = "advocacy/cached.html"
CONFIG_KEYS = ("site_name", "site_url", "site_description", "site_author", "copyright",
               "repo_url", "repo_name", "edit_uri", "extra", "extra_css", "extra_javascript",
               "markdown_extensions", "mdx_configs", "use_directory_urls")


def _stable(value: Any) -> str:
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"


def _templates(dirs: list[str]) -> list[tuple[str, int, int]]:
    out = []
    for folder in dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            stat = path.stat()
            out.append((str(path), stat.st_size, stat.st_mtime_ns))
    return out


def _nav(items: list[Any]) -> list[Any]:
    return [[getattr(i, "title", None), getattr(i, "url", None), _nav(getattr(i, "children",
                                                                            None) or [])]
            for i in items]


def _toc(toc: Any) -> list[Any]:
    return [[item.title, item.id, item.level, _toc(item.children)] for item in toc]


class _SkippedPages(logging.Filter):
    """Hides MkDocs' "Page skipped" notice for the pages linked from the cache."""

    def __init__(self) -> None:
        super().__init__()
        self.src_uris: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '")
                    and message[len("Page skipped: '"):].split("'", 1)[0] in self.src_uris)


_SKIPPED = _SkippedPages()
logging.getLogger("mkdocs.commands.build").addFilter(_SKIPPED)


class PageCache:
    """Keys, hits and stores for one build."""

    def __init__(self, folder: Path, config: MkDocsConfig, nav: Navigation) -> None:
        self.folder = folder
        settings = {key: config.get(key) for key in CONFIG_KEYS}
        settings["theme"] = {k: config.theme[k] for k in config.theme}
        settings["plugins"] = {name: dict(plugin.config) for name, plugin in
                               config.plugins.items()}
        self.base = hashlib.sha256(json.dumps(
            [settings, _nav(nav.items), _templates(list(config.theme.dirs)),
             mkdocs.__version__, __version__], sort_keys=True, default=_stable).encode()
        ).hexdigest()
        self.keys: dict[str, str] = {}  # src_uri -> key of pages to store after rendering
        self.linked: dict[str, Path] = {}  # src_uri -> cached page, linked after the build
        self.outputs: list[tuple[str, Path]] = []  # (file in the site, cached file)
        self.search: dict[str, list[dict[str, Any]]] = {}  # src_uri -> search entries
        self.search_hits = 0
        _SKIPPED.src_uris = set()
        index = getattr(config.plugins.get("material/search") or config.plugins.get("search"),
                        "search_index", None)
        if index is not None and hasattr(index, "add_entry_from_context"):
            self._wrap_search(index)

    @property
    def hits(self) -> int:
        """Pages taken from the cache in this build."""
        return len(self.linked)

    def _wrap_search(self, index: Any) -> None:
        """Give Material's search index the cached entries of unchanged pages."""
        # The method itself, not the wrapper of an earlier build of `mkdocs serve`.
        original = index.__dict__.get("_advocacy_original") or index.add_entry_from_context
        index._advocacy_original = original

        def add_entry_from_context(page: Page) -> None:
            src_uri = page.file.src_uri
            cached = self.search.pop(src_uri, None)
            if cached is not None:
                index.entries.extend(cached)
                self.search_hits += 1
                return
            start = len(index.entries)
            original(page)
            if src_uri in self.keys:
                self.search[src_uri] = index.entries[start:]  # stored with the page

        index.add_entry_from_context = add_entry_from_context

    def _path(self, key: str, suffix: str) -> Path:
        return self.folder / key[:2] / f"{key}{suffix}"

    def decide(self, page: Page, data: dict[str, Any]) -> None:
        """After rendering the Markdown: use the cached page, or remember to store it."""
        neighbours = [getattr(p, "url", None) for p in (page.previous_page, page.next_page)]
        content = hashlib.sha256((page.content or "").encode()).hexdigest()  # fast, in C
        key = hashlib.sha256(json.dumps(
            [self.base, page.file.src_uri, page.url, page.title, content, _toc(page.toc),
             page.meta, page.edit_url, page.canonical_url, neighbours, data],
            sort_keys=True, default=_stable).encode()).hexdigest()
        html = self._path(key, ".html")
        try:
            search = json.loads(self._path(key, ".search.json").read_text("utf-8"))
            found = html.is_file()
        except (OSError, ValueError):
            found = False
        if not found:
            self.keys[page.file.src_uri] = key
            return
        if search is not None:
            self.search[page.file.src_uri] = search
        page.meta["template"] = CACHED_TEMPLATE
        self.linked[page.file.src_uri] = html

    def take(self, page: Page) -> bool:
        """For a page from the cache: link it after the build, and have MkDocs write nothing."""
        html = self.linked.get(page.file.src_uri)
        if html is None:
            return False
        self.outputs.append((page.file.dest_uri, html))
        _SKIPPED.src_uris.add(page.file.src_uri)
        return True

    def store(self, page: Page, output: str) -> bool:
        """Keep a freshly rendered page for the next build; True when it went into the
        cache, where it is linked into the site from after the build (written once)."""
        key = self.keys.pop(page.file.src_uri, None)
        if key is None:
            return False
        search = self.search.pop(page.file.src_uri, None)
        html = self._path(key, ".html")
        try:
            write_atomic(html, output.encode())  # now: it is linked into the site
        except OSError:
            return False
        # The search entries after the page: they are what marks the entry complete.
        write_later(self._path(key, ".search.json"), json.dumps(search).encode())
        self.outputs.append((page.file.dest_uri, html))
        _SKIPPED.src_uris.add(page.file.src_uri)
        return True

