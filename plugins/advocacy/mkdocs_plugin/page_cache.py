"""Finished pages, cached by everything their template reads: a warm build renders no page
whose inputs did not change.

MkDocs picks a page's template before ``on_page_context``, so the decision is made in
``on_page_content``: the key covers the page (content, title, table of contents, meta,
address, neighbours), what our plugin gives the template, the navigation, the site's
settings and every template file. On a hit the page gets a template that only writes the
cached HTML; on a miss the finished page is stored in ``on_post_page``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import __version__

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


class PageCache:
    """Keys, hits and stores for one build."""

    def __init__(self, folder: Path, config: MkDocsConfig, nav: Navigation) -> None:
        self.folder = folder
        settings = {key: config.get(key) for key in CONFIG_KEYS}
        settings["theme"] = {k: config.theme[k] for k in config.theme}
        settings["plugins"] = list(config.plugins)
        self.base = hashlib.sha256(json.dumps(
            [settings, _nav(nav.items), _templates(list(config.theme.dirs)),
             mkdocs.__version__, __version__], sort_keys=True, default=_stable).encode()
        ).hexdigest()
        self.keys: dict[str, str] = {}  # src_uri -> key of pages to store after rendering
        self.html: dict[str, str] = {}  # src_uri -> cached page, for the template
        self.hits = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.html"

    def decide(self, page: Page, data: dict[str, Any]) -> None:
        """After rendering the Markdown: use the cached page, or remember to store it."""
        neighbours = [getattr(p, "url", None) for p in (page.previous_page, page.next_page)]
        key = hashlib.sha256(json.dumps(
            [self.base, page.file.src_uri, page.url, page.title, page.content, _toc(page.toc),
             page.meta, page.edit_url, page.canonical_url, neighbours, data],
            sort_keys=True, default=_stable).encode()).hexdigest()
        try:
            self.html[page.file.src_uri] = self._path(key).read_text("utf-8")
        except OSError:
            self.keys[page.file.src_uri] = key
            return
        page.meta["template"] = CACHED_TEMPLATE
        self.hits += 1

    def store(self, page: Page, output: str) -> None:
        """Keep a freshly rendered page for the next build."""
        key = self.keys.pop(page.file.src_uri, None)
        if key is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(output, "utf-8")
            os.replace(tmp, path)
        except OSError:
            pass
