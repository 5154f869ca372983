"""Rendered HTML of pages, cached by content: a warm build renders no unchanged post (nor
the hundreds of generated listing, author and team pages).

Only pages whose rendering cannot depend on other files are cached: no relative link or
image left for MkDocs to resolve (pictures are already ``<picture>`` markup by then). The
key is the Markdown, the page's address, the Markdown configuration and the versions of
the code that renders; the cached entry carries everything ``Page.render`` sets.
"""

from __future__ import annotations

import hashlib
import json
import re
import types
from pathlib import Path
from typing import Any

import markdown as markdown_module
import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from advocacy import __version__
from advocacy.core.cache.writer import write_later

# A Markdown link/image target, reference definition or HTML href/src that is relative.
_RELATIVE = re.compile(
    r"\]\(\s*<?(?![a-z][a-z0-9+.-]*:|#|/)[^)\s>]|"
    r"^\s{0,3}\[[^\]]+\]:\s*<?(?![a-z][a-z0-9+.-]*:|#|/)\S|"
    r"\b(?:href|src)\s*=\s*(?:[\"']|(?![\"']))(?![a-z][a-z0-9+.-]*:|#|/|(?:\.\./)*media/)",
    re.IGNORECASE | re.MULTILINE)


def _fingerprint(config: MkDocsConfig) -> str:
    """The Markdown configuration and the renderer's versions, stable across runs."""
    def name(value: Any) -> str:
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)}"

    data = [config["markdown_extensions"], config["mdx_configs"], markdown_module.__version__,
            mkdocs.__version__, __version__]
    return json.dumps(data, sort_keys=True, default=name)


def cacheable(markdown: str) -> bool:
    """Whether the post's rendering depends on nothing but its own text."""
    return _RELATIVE.search(markdown) is None


class RenderCache:
    """Loads and stores rendered posts in ``folder`` (part of the build cache)."""

    def __init__(self, folder: Path, config: MkDocsConfig) -> None:
        self.folder = folder
        self.base = _fingerprint(config)
        self.hits: set[str] = set()  # src_uri of pages rendered from the cache

    def _path(self, page: Page, markdown: str) -> Path:
        key = hashlib.sha256(f"{self.base}\0{page.file.src_uri}\0{page.url}\0{markdown}"
                             .encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def use(self, page: Page, markdown: str) -> None:
        """Make ``page.render`` take the cached result, or store the result after rendering."""
        if not cacheable(markdown):
            return
        path = self._path(page, markdown)
        try:
            entry = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            entry = None
        original = page.render

        def render(this: Page, config: MkDocsConfig, files: Any) -> None:
            if entry is not None:
                this.content = entry["content"]
                this.toc = get_toc(entry["toc"])
                this._title_from_render = entry["title"]
                this.present_anchor_ids = set(entry["anchors"])
                # Only links to its own headings were cached; MkDocs checks them after the build.
                this.links_to_anchors = {this.file: entry["own_links"]} if entry["own_links"] \
                    else {}
                self.hits.add(this.file.src_uri)
                return
            original(config, files)
            links = this.links_to_anchors or {}
            if any(target is not this.file for target in links):
                return  # links into other pages: their anchors may change, so never cached
            data = {"content": this.content, "toc": _tokens(this.toc),
                    "title": this._title_from_render,
                    "anchors": sorted(this.present_anchor_ids or ()),
                    "own_links": links.get(this.file, {})}
            write_later(path, json.dumps(data).encode())

        page.render = types.MethodType(render, page)  # type: ignore[method-assign]


def _tokens(toc: Any) -> list[dict[str, Any]]:
    """The table of contents back in python-markdown's token form, for ``get_toc``."""
    return [{"level": item.level, "id": item.id, "name": item.title, "html": item.title,
             "children": _tokens(item.children)} for item in toc]
