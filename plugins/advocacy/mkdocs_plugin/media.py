"""Publishing media: processed photos instead of originals, and the files pages use.

Only what published pages use reaches the site: a post's pictures and video while the post
is published, an author's photo while they consent to it. Originals of photos never do;
videos only as the check recognised them (MP4 or WebM by their bytes); captions only as
written again from their parsed cues; SVG only as approved brand assets.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable
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

from advocacy.core.cache.store import BuildCache
from advocacy.core.checking.run import image_slots
from advocacy.core.i18n.catalog import text
from advocacy.core.media import catalog as kinds
from advocacy.core.media.catalog import MediaCatalog
from advocacy.core.media.images import ImageProblem, Processed, Processing, Slot
from advocacy.core.media.parallel import WorkerPool
from advocacy.core.media.picture import picture_html
from advocacy.core.media.video import parse_vtt, serialize_vtt
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.publishing.edition import Edition

log = get_plugin_logger(__name__)
# Problems that make a photo impossible to process: anything else (a photo smaller than
# the check would like) is the check's to judge, with the severity HR set.
_FATAL = (
    "image-unreadable",
    "image-heic",
    "image-bomb",
    "image-animated",
    "image-mode",
    "not-a-photo",
)


class MediaPublisher:
    """Works out, processes and adds the media of one build; renders pictures for pages."""

    def __init__(
        self, root: Path, store: BuildCache, catalog: MediaCatalog, lang: str = "en"
    ) -> None:
        self.root, self.store, self.catalog, self.lang = root, store, catalog, lang
        self.processed: dict[str, Processed] = {}
        self.processing: Processing | None = None
        # (published path, cached file): linked into the site after the build, not copied.
        self.outputs: list[tuple[str, Path]] = []

    def slot(self, key: str) -> Slot:
        """Where the build cache keeps a photo's results (keyed with the cache's secret)."""
        return image_slots(self.store)(key)

    def publish(
        self,
        config: MkDocsConfig,
        files: Files,
        edition: Edition,
        docs: Iterable[Post | DocPage],
        pool: WorkerPool,
        extra: Iterable[str] = (),
    ) -> None:
        """Start processing every photo that published pages use; add their other files.

        ``extra``: more files the site shows (the brand's logo and hero, team photos),
        judged before; a photo is processed, anything else published as the catalog allows.
        """
        photos: set[str] = set()
        others: set[str] = set()
        for path in extra:
            (photos if self.catalog.kind(path) == kinds.PHOTO else others).add(path)
        for author in edition.authors.values():
            if author.photo and edition.show_photo(author):
                photos.add(author.photo)
        for doc in docs:
            if isinstance(doc, Post):
                photos |= {p for p in (doc.image, doc.video and doc.video.poster) if p}
                if doc.video:
                    others |= {p for p in (doc.video.src, doc.video.captions) if p}
            for ref, _ in doc.rendered.refs if doc.rendered else ():
                if ref.kind == "picture":
                    photos.add(ref.path)
                elif ref.kind == "file":
                    others.add(ref.path)
        self.processing = Processing(
            self.root, sorted(photos), self.slot, pool, self.store.digests.of
        )
        self._fail_on(self.processing.problems)
        self.processed = self.processing.done  # as planned: made while the pages are written
        self.outputs = [
            (v.name, self.processing.slots[p].folder / v.file)
            for p, processed in self.processed.items()
            for v in processed.variants
        ]
        for path in sorted(others):
            self._add_file(config, files, path)

    def _add_file(self, config: MkDocsConfig, files: Files, path: str) -> None:
        """A video, captions or brand graphic, as the check judged it (never anything else)."""
        kind = self.catalog.kind(path)
        if path in files.src_uris or self.catalog.file(path) is None:
            raise PluginError(
                "advocacy: " + text(self.lang, "build.file_refused", path=path, kind=kind)
            )
        full = self.root / path
        if kind == kinds.CAPTIONS:
            captions = serialize_vtt(parse_vtt(full.read_text("utf-8")))
            files.append(File.generated(config, path, content=captions))
        elif kind == kinds.SVG:
            files.append(File.generated(config, path, content=full.read_bytes()))
        else:
            files.append(File.generated(config, path, abs_src_path=str(full)))

    def finish(self) -> None:
        """Wait for the photos being processed (after the pages are written)."""
        if self.processing is None:
            return
        worked = self.processing.finish()
        self._fail_on(self.processing.problems)
        log.info(
            text(
                self.lang,
                "build.pictures",
                published=len(self.processed),
                made=worked,
                cached=len(self.processed) - worked,
            )
        )

    def _fail_on(self, problems: dict[str, ImageProblem]) -> None:
        fatal = {p: x for p, x in problems.items() if x.key in _FATAL}
        if fatal:  # the check reports these first; this is the last line of defence
            raise PluginError(
                "advocacy: "
                + text(
                    self.lang,
                    "build.pictures_refused",
                    pictures=(
                        ", ".join(
                            f"{path} ({problem.key})" for path, problem in sorted(fatal.items())
                        )
                    ),
                )
            )

    def url(self, name: str, page: Page) -> str:
        """A published file's URL relative to ``page``."""
        return get_relative_url(name, page.url)

    def picture(
        self,
        path: str | None,
        alt: str,
        page: Page,
        eager: bool = False,
        sizes: str | None = None,
        css_class: str = "",
    ) -> str | None:
        """``<picture>`` markup for a repository photo, or None when it is not published."""
        processed = self.processed.get(path or "")
        if processed is None:
            return None
        kwargs: dict[str, Any] = {"sizes": sizes} if sizes else {}
        return picture_html(
            processed,
            alt,
            lambda name: self.url(name, page),
            eager=eager,
            css_class=css_class,
            **kwargs,
        )

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
        def adv_picture(
            context: Any,
            path: str | None,
            alt: str = "",
            eager: bool = False,
            sizes: str | None = None,
            class_: str = "",
        ) -> Markup | None:
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
