"""Render every post and page of a repository once, for the check and the build alike.

A rendering is kept in the build cache, keyed by the page's text, address and the site's
Markdown configuration. It also depends on the files and pages it refers to (a picture's
processed names, another page's address), so those are resolved again on every use and
compared with what was stored: a changed photo or a moved page renders the page again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from advocacy import __version__
from advocacy.core.cache.reads import code_fingerprint
from advocacy.core.cache.store import BuildCache
from advocacy.core.media.catalog import MediaCatalog
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.reading.pages import page_url
from advocacy.core.reading.posts import read_post
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.page import Block, Found, PageSource, Rendered, render
from advocacy.core.rendering.resolve import Media, Ref, Rewriter
from advocacy.core.rendering.setup import MarkdownSetup

ENTRY_VERSION = 2


def setup_of(repo: Repository) -> MarkdownSetup:
    """The site's Markdown configuration."""
    site = repo.site
    return MarkdownSetup.from_config(site.markdown_extensions, site.markdown_configs)


class Renderer:
    """Renders the documents of one repository with one media catalog and cache."""

    def __init__(
        self,
        repo: Repository,
        catalog: MediaCatalog,
        cache: BuildCache | None,
        setup: MarkdownSetup | None = None,
    ) -> None:
        self.repo, self.catalog, self.cache = repo, catalog, cache
        self.setup = setup or setup_of(repo)
        self.media = Media(
            repo.resolve, self.page_url, catalog.photo, catalog.file, repo.site.docs_dir
        )
        self._urls: dict[str, str] = {p.file: p.url for p in repo.documents}
        self.rendered = 0  # renderings made now
        self.reused = 0  # renderings taken from the cache

    def page_url(self, target: str) -> str | None:
        """The address of the Markdown page at repository path ``target``, when it exists."""
        found = self._urls.get(target)
        if found is not None:
            return found
        site = self.repo.site
        docs = site.docs_dir.strip("/") + "/"
        if not target.startswith(docs):
            return None
        src_uri = target[len(docs) :]
        path = site.root / target
        if path.is_file() and not path.is_symlink():
            posts = site.posts_dir.strip("/") + "/"
            if src_uri.startswith(posts):
                post = self._post(target)
                return post.url if post is not None else None
            return page_url(src_uri)
        return page_url(src_uri) if site.generated(src_uri) else None

    def _post(self, target: str) -> Post | None:
        """A post outside this check's selection, read for its address only."""
        post, _ = read_post(self.repo.site, self.repo.site.root / target, self.repo.lang)
        if post is not None:
            self._urls[target] = post.url
        return post

    def source(self, doc: Post | DocPage) -> PageSource:
        """What is rendered of a post or page."""
        eager = not (isinstance(doc, Post) and doc.image)  # a cover comes first, and eagerly
        return PageSource(doc.file, doc.url, doc.body, doc.body_line, eager)

    def render(self, doc: Post | DocPage) -> Rendered:
        """The document's rendering, from the cache when it is still what it would be."""
        return self.render_source(self.source(doc))

    def render_source(self, source: PageSource) -> Rendered:
        """A page's rendering (a post, a page, or one the plugin generates), from the cache
        when it is still what it would be."""
        key = (
            self.cache.key(
                "html",
                str(ENTRY_VERSION),
                __version__,
                code_fingerprint(),
                self.setup.fingerprint(),
                source.file,
                source.url,
                source.markdown,
                str(source.first_line),
                str(source.eager_first),
            )
            if self.cache
            else ""
        )
        if self.cache is not None:
            entry = self.cache.read_json("html", key, _valid_entry)
            found = self._from_entry(entry, source) if entry is not None else None
            if found is not None:
                self.reused += 1
                return found
        result = render(source, self.setup, self.media)
        self.rendered += 1
        if self.cache is not None:
            self.cache.write_json("html", key, _entry(result))
        return result

    def render_all(self, docs: Iterable[Post | DocPage]) -> None:
        """Render each document and keep the result on it (``doc.rendered``)."""
        for doc in docs:
            doc.rendered = self.render(doc)
            if isinstance(doc, Post):
                doc.words = doc.rendered.words
                if not doc.description:  # the link preview falls back to the first paragraph
                    doc.description = doc.rendered.summary()

    def _from_entry(self, entry: dict[str, Any], source: PageSource) -> Rendered | None:
        """The stored rendering, when every address in it still resolves as it did."""
        rewriter = Rewriter(self.media, source.file, source.url, source.eager_first)
        refs: list[tuple[Ref, int]] = []
        for kind, written, element, path, url, problem, alt, line in entry["refs"]:
            ref = rewriter._target(written, element, "")
            if (ref.kind, ref.path, ref.url, ref.problem) != (kind, path, url, problem):
                return None  # a file or page it uses changed: render again
            refs.append((replace(ref, alt=alt), line))
        return Rendered(
            html=entry["html"],
            toc=entry["toc"],
            title=entry["title"],
            anchors=entry["anchors"],
            blocks=[Block(*b) for b in entry["blocks"]],
            refs=refs,
            found=[
                Found(rule, level, line, values) for rule, level, line, values in entry["found"]
            ],
            words=entry["words"],
        )


def uses(doc: Post | DocPage) -> set[str]:
    """The repository files a post or page shows or links to."""
    out = {ref.path for ref, _ in doc.rendered.refs if ref.path} if doc.rendered else set()
    if isinstance(doc, Post):
        out |= {
            p
            for p in (
                doc.image,
                *((doc.video and (doc.video.src, doc.video.captions, doc.video.poster)) or ()),
            )
            if p
        }
    return out


def _entry(result: Rendered) -> dict[str, Any]:
    return {
        "v": ENTRY_VERSION,
        "html": result.html,
        "toc": result.toc,
        "title": result.title,
        "anchors": result.anchors,
        "words": result.words,
        "blocks": [[b.text, b.line, b.code, b.kind] for b in result.blocks],
        "refs": [
            [r.kind, r.written, r.element, r.path, r.url, r.problem, r.alt, line]
            for r, line in result.refs
        ],
        "found": [[f.rule, f.level, f.line, _plain(f.values)] for f in result.found],
    }


def _plain(values: dict[str, Any]) -> dict[str, str | int]:
    return {
        k: v if isinstance(v, int) and not isinstance(v, bool) else str(v)
        for k, v in values.items()
    }


def _valid_entry(data: Any) -> bool:
    """The shape of a stored rendering (anything else is treated as missing)."""

    def strings(items: Any) -> bool:
        return isinstance(items, list) and all(isinstance(i, str) for i in items)

    return (
        isinstance(data, dict)
        and data.get("v") == ENTRY_VERSION
        and isinstance(data["html"], str)
        and isinstance(data["toc"], list)
        and (data["title"] is None or isinstance(data["title"], str))
        and strings(data["anchors"])
        and isinstance(data["words"], int)
        and all(
            isinstance(b, list) and len(b) == 4 and isinstance(b[0], str) and isinstance(b[1], int)
            for b in data["blocks"]
        )
        and all(
            isinstance(r, list) and len(r) == 8 and strings(r[:7]) and isinstance(r[7], int)
            for r in data["refs"]
        )
        and all(
            isinstance(f, list) and len(f) == 4 and isinstance(f[3], dict) for f in data["found"]
        )
    )
