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
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from advocacy import __version__
from advocacy.core.cache.reads import code_fingerprint
from advocacy.core.cache.store import BuildCache, write_atomic
from advocacy.mkdocs_plugin.patches import SkippedPages, wrap_search

CACHED_TEMPLATE = "advocacy/cached.html"
CONFIG_KEYS = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "repo_url",
    "repo_name",
    "edit_uri",
    "extra",
    "extra_css",
    "extra_javascript",
    "markdown_extensions",
    "mdx_configs",
    "use_directory_urls",
)


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
    return [
        [
            getattr(i, "title", None),
            getattr(i, "url", None),
            _nav(getattr(i, "children", None) or []),
        ]
        for i in items
    ]


def _toc(toc: Any) -> list[Any]:
    return [[item.title, item.id, item.level, _toc(item.children)] for item in toc]


class PageCache:
    """Keys, hits and stores for one build."""

    def __init__(self, store: BuildCache, config: MkDocsConfig, nav: Navigation) -> None:
        self.store = store
        settings = {key: config.get(key) for key in CONFIG_KEYS}
        settings["theme"] = {k: config.theme[k] for k in config.theme}
        settings["plugins"] = {name: dict(plugin.config) for name, plugin in config.plugins.items()}
        self.base = hashlib.sha256(
            json.dumps(
                [
                    settings,
                    _nav(nav.items),
                    _templates(list(config.theme.dirs)),
                    mkdocs.__version__,
                    __version__,
                    code_fingerprint(Path(__file__).parent),
                ],
                sort_keys=True,
                default=_stable,
            ).encode()
        ).hexdigest()
        self.keys: dict[str, str] = {}  # src_uri -> key of pages to store after rendering
        self.linked: dict[str, Path] = {}  # src_uri -> cached page, linked after the build
        self.outputs: list[tuple[str, Path]] = []  # (file in the site, cached file)
        self.search: dict[str, list[dict[str, Any]]] = {}  # src_uri -> search entries
        self.counter = [0]  # pages whose search entries came from the cache
        self.skipped = SkippedPages()
        self.skipped.install()
        index = getattr(
            config.plugins.get("material/search") or config.plugins.get("search"),
            "search_index",
            None,
        )
        if index is not None and hasattr(index, "add_entry_from_context"):
            wrap_search(index, self.search, self.keys, self.counter)

    def close(self) -> None:
        """The end of the build: MkDocs' log as it was."""
        self.skipped.uninstall()

    @property
    def search_hits(self) -> int:
        """Pages whose search entries came from the cache."""
        return self.counter[0]

    @property
    def hits(self) -> int:
        """Pages taken from the cache in this build."""
        return len(self.linked)

    def _path(self, key: str, suffix: str) -> Path:
        return self.store.path("pages", key, suffix)

    def decide(self, page: Page, data: dict[str, Any]) -> None:
        """After rendering the Markdown: use the cached page, or remember to store it."""
        neighbours = [getattr(p, "url", None) for p in (page.previous_page, page.next_page)]
        content = hashlib.sha256((page.content or "").encode()).hexdigest()  # fast, in C
        key = self.store.key(
            "pages",
            json.dumps(
                [
                    self.base,
                    page.file.src_uri,
                    page.url,
                    page.title,
                    content,
                    _toc(page.toc),
                    page.meta,
                    page.edit_url,
                    page.canonical_url,
                    neighbours,
                    data,
                ],
                sort_keys=True,
                default=_stable,
            ),
        )
        html = self.store.existing("pages", key, ".html")
        search = self.store.read_json("pages", key, _entries, ".search.json")
        if html is None or search is None:
            self.keys[page.file.src_uri] = key
            return
        self.search[page.file.src_uri] = search
        page.meta["template"] = CACHED_TEMPLATE
        self.linked[page.file.src_uri] = html

    def take(self, page: Page) -> bool:
        """For a page from the cache: link it after the build, and have MkDocs write nothing."""
        html = self.linked.get(page.file.src_uri)
        if html is None:
            return False
        self.outputs.append((page.file.dest_uri, html))
        self.skipped.src_uris.add(page.file.src_uri)
        return True

    def keep(self, page: Page, output: str) -> bool:
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
        self.store.write("pages", key, ".search.json", json.dumps(search or []).encode())
        self.outputs.append((page.file.dest_uri, html))
        self.skipped.src_uris.add(page.file.src_uri)
        return True


def _entries(data: Any) -> bool:
    """Search entries as Material writes them: a list of objects (or None)."""
    return isinstance(data, list) and all(isinstance(e, dict) for e in data)
