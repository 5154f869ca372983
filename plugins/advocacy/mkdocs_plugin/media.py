"""Publishing media: processed photos instead of originals, and the files pages link to.

Only what published pages use reaches the site: a post's pictures and video while the post
is published, an author's photo while they consent to it. Originals of photos never do.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from advocacy.core.checking.rules.images import post_images
from advocacy.core.media.images import RASTER, ImageProblem, Processed, Processing
from advocacy.core.media.parallel import WorkerPool
from advocacy.core.media.picture import picture_html
from advocacy.core.model.site import Site
from advocacy.core.publishing.edition import Edition
from advocacy.core.reading.paths import resolve_media
from advocacy.core.rendering.markdown_refs import attributes, prose_text

log = get_plugin_logger(__name__)
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?"
                       r"(?:\s+\"(?P<title>[^\"]*)\")?\s*\)")
_HTML_IMAGE = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?")


class MediaPublisher:
    """Works out, processes and adds the media of one build; renders pictures for pages."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.processed: dict[str, Processed] = {}
        self.copied: set[str] = set()
        self.processing: Processing | None = None
        # (published path, cached file): linked into the site after the build, not copied.
        self.outputs: list[tuple[str, Path]] = []

    def _media_path(self, ref: str | None, from_file: str) -> str | None:
        if not ref:
            return None
        resolved = resolve_media(ref, from_file, self.site.root, self.site.media_dir)
        media = self.site.media_dir.rstrip("/") + "/"
        if resolved.problem or not resolved.path or not resolved.path.startswith(media):
            return None
        return resolved.path

    def publish(self, config: MkDocsConfig, files: Files, edition: Edition,
                pool: WorkerPool) -> None:
        """Start processing every photo that published pages use; add other media to ``files``.
        """
        photos: set[str] = set()
        others: set[str] = set()
        for author in edition.authors.values():
            if author.photo and edition.show_photo(author):
                (photos if author.photo.lower().endswith(RASTER) else others).add(author.photo)
        for post in edition.posts:
            for _, ref, _ in post_images(post):
                path = self._media_path(ref, post.file)
                if path:
                    (photos if path.lower().endswith(RASTER) else others).add(path)
            if post.video:
                for ref in (post.video.src, post.video.captions):
                    path = self._media_path(ref, post.file)
                    if path:
                        others.add(path)
            for match in _MD_LINK.finditer(prose_text(post.body)):
                path = self._media_path(match.group("src"), post.file)
                if path:
                    (photos if path.lower().endswith(RASTER) else others).add(path)
        cache = self.site.cache_path / "images"
        self.processing = Processing(self.site.root, sorted(photos), cache, pool)
        self._fail_on(self.processing.problems)
        self.processed = self.processing.done  # as planned: made while the pages are written
        self.outputs = [(variant.name, cache / variant.file) for processed in
                        self.processed.values() for variant in processed.variants]
        self.copied = others
        for path in sorted(others):
            if path not in files.src_uris:
                files.append(File.generated(config, path, abs_src_path=str(self.site.root /
                                                                           path)))

    def finish(self) -> None:
        """Wait for the photos being processed (after the pages are written)."""
        if self.processing is None:
            return
        worked = self.processing.finish()
        self._fail_on(self.processing.problems)
        log.info("Pictures: %d published, %d processed now, %d from the cache.",
                 len(self.processed), worked, len(self.processed) - worked)

    @staticmethod
    def _fail_on(problems: dict[str, ImageProblem]) -> None:
        if problems:  # the check reports these first; this is the last line of defence
            raise PluginError("advocacy: these pictures cannot be published: " + ", ".join(
                f"{path} ({problem.key})" for path, problem in sorted(problems.items())))

    def url(self, name: str, page: Page) -> str:
        """A published file's URL relative to ``page``."""
        return get_relative_url(name, page.url)

    def picture(self, path: str | None, alt: str, page: Page, eager: bool = False,
                sizes: str | None = None, css_class: str = "") -> str | None:
        """``<picture>`` markup for a repository photo, or None when it is not published."""
        processed = self.processed.get(path or "")
        if processed is None:
            return None
        kwargs: dict[str, Any] = {"sizes": sizes} if sizes else {}
        return picture_html(processed, alt, lambda name: self.url(name, page), eager=eager,
                            css_class=css_class, **kwargs)

    def link_target(self, path: str, page: Page) -> str | None:
        """Where a Markdown link to a copied media file goes, relative to the page's source
        (MkDocs checks such links and turns them into URLs itself)."""
        if path not in self.copied:
            return None
        return posixpath.relpath(path, posixpath.dirname(page.file.src_uri) or ".")

    def rewrite(self, markdown: str, from_file: str, page: Page, eager_first: bool) -> str:
        """Replace pictures with ``<picture>`` markup and point media links at published files.

        Code is left alone: ``prose_text`` has the same offsets, with code blanked out.
        """
        prose = prose_text(markdown)
        edits: list[tuple[int, int, str]] = []
        first = [eager_first]

        def picture_for(ref: str, alt: str, title: str | None = None) -> str | None:
            path = self._media_path(ref, from_file)
            processed = self.processed.get(path or "")
            if processed is None:
                return None
            eager, first[0] = first[0], False
            return picture_html(processed, alt, lambda n: self.url(n, page), eager=eager,
                                title=title)

        for match in sorted([*_MD_IMAGE.finditer(prose), *_HTML_IMAGE.finditer(prose)],
                            key=lambda m: m.start()):
            if match.re is _MD_IMAGE:
                html = picture_for(match.group("src"), match.group("alt"), match.group("title"))
                if html is None:  # an SVG brand asset: copied as a file, never inlined
                    path = self._media_path(match.group("src"), from_file)
                    target = self.link_target(path, page) if path else None
                    if target:
                        edits.append((match.start("src"), match.end("src"), target))
                        continue
            else:
                attrs = attributes(match.group())
                html = picture_for(attrs.get("src", ""), attrs.get("alt", ""), attrs.get("title"))
            if html:
                edits.append((match.start(), match.end(), html))
        for match in _MD_LINK.finditer(prose):
            path = self._media_path(match.group("src"), from_file)
            if path in self.processed:  # a link to a photo: its largest published version
                url = self.url(self.processed[path].fallback.name, page)
                edits.append((match.start(), match.end(),
                               f'<a href="{url}">{match.group("text")}</a>'))
                continue
            target = self.link_target(path, page) if path else None
            if target:
                edits.append((match.start("src"), match.end("src"), target))
        for start, end, text in sorted(edits, reverse=True):
            markdown = markdown[:start] + text + markdown[end:]
        return markdown

    def jinja_src_filter(self) -> Callable[..., str]:
        """``{{ path | adv_src }}``: the URL of a photo's largest published JPEG or PNG."""

        @pass_context
        def adv_src(context: Any, path: str | None) -> str:
            processed = self.processed.get(path or "")
            return self.url(processed.fallback.name, context["page"]) if processed else ""

        return adv_src

    def jinja_filter(self) -> Callable[..., Markup | None]:
        """``{{ path | adv_picture(alt, eager=False, sizes=None, class_='') }}`` for templates."""

        @pass_context
        def adv_picture(context: Any, path: str | None, alt: str = "", eager: bool = False,
                        sizes: str | None = None, class_: str = "") -> Markup | None:
            html = self.picture(path, alt, context["page"], eager, sizes, class_)
            return Markup(html) if html else None

        return adv_picture


def link_outputs(site_dir: str, outputs: list[tuple[str, Path]]) -> int:
    """Put cached files into the built site as hard links (a copy across file systems).

    Thousands of pictures and cards would otherwise be copied on every build.
    """
    made: set[str] = set()
    count = 0
    for name, source in outputs:
        target = Path(site_dir) / name
        _make_dirs(str(target.parent), made)
        try:
            os.link(source, target)  # the site was emptied: this nearly always just works
        except FileExistsError:
            if target.samefile(source):
                continue
            target.unlink()
            os.link(source, target)
        except OSError:  # another file system, or no hard links there
            shutil.copyfile(source, target)
        count += 1
    return count


def _make_dirs(folder: str, made: set[str]) -> None:
    """``os.makedirs`` with a memory: one system call per folder (thousands on a big site)."""
    if folder in made:
        return
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:
        _make_dirs(os.path.dirname(folder), made)
        os.makedirs(folder, exist_ok=True)
    made.add(folder)


def repo_file_of(site: Site, page: Page) -> str:
    """The repository path of a page's source (generated pages have none: the docs path)."""
    return posixpath.join(Path(site.docs_dir).as_posix(), page.file.src_uri)
