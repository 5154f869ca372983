"""Publishing media: processed photos instead of originals, and the files pages use.

Only what published pages use reaches the site: a post's pictures and video while the post
is published, an author's photo while they consent to it. Originals of photos never do;
videos only as the check recognised them (MP4 or WebM by their bytes); captions only as
written again from their parsed cues; SVG only as approved brand assets; each under a name
that says what it is (``clip.html`` holding an MP4 is refused). Last, the built site is
searched for any file with a name the site never writes (:func:`stray_files`).

In hold mode (``ADVOCACY_ON_ERROR=hold``) a picture or file with an error is left out with a
warning (its page shows no picture) instead of failing the build that takes content down.
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
        self,
        root: Path,
        store: BuildCache,
        catalog: MediaCatalog,
        lang: str = "en",
        media_dir: str = "media",
    ) -> None:
        self.root, self.store, self.catalog, self.lang = root, store, catalog, lang
        self.media_dir = media_dir.strip("/")
        # ADVOCACY_ON_ERROR=hold: a picture or file with an error is left out (with a
        # warning), never published and never a reason to abort the build that takes
        # withdrawn content down.
        from advocacy.mkdocs_plugin.publication import hold_mode  # which imports this module

        self.hold = hold_mode()
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
        if self.hold:  # nothing with an error is planned, processed or published
            photos = {p for p in photos if self._photo_publishable(p)}
            others = {p for p in others if self._file_publishable(files, p)}
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

    def _photo_publishable(self, path: str) -> bool:
        """In hold mode: whether a photo can be processed (else left out, with a warning)."""
        found = self.catalog.photo(path)
        if isinstance(found, ImageProblem) and found.key in _FATAL:
            self._left_out(path, found.key)
            return False
        return True

    def _file_publishable(self, files: Files, path: str) -> bool:
        """In hold mode: whether a video, captions or brand graphic can be published."""
        if path in files.src_uris or self.catalog.file(path) is None:
            self._left_out(path, self.catalog.refusal(path))
            return False
        return True

    def _left_out(self, path: str, problem: str) -> None:
        log.warning(
            "advocacy: " + text(self.lang, "build.media_left_out", path=path, problem=problem)
        )

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
        planned = {
            p: {self.processing.slots[p].folder / v.file for v in processed.variants}
            for p, processed in self.processed.items()
        }
        worked = self.processing.finish()
        if self.hold:  # failed while being processed: left out, never linked into the site
            gone: set[Path] = set()
            for path in sorted(set(planned) - set(self.processing.done)):
                problem = self.processing.problems.get(path)
                self._left_out(path, problem.key if problem else "image-unreadable")
                gone |= planned[path]
            self.outputs[:] = [o for o in self.outputs if o[1] not in gone]
        else:
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
        if self.hold:
            for path, problem in sorted(fatal.items()):
                self._left_out(path, problem.key)
            return
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

    def check_site(self, site_dir: str) -> None:
        """Fail the build when the site holds a file the site never writes (see
        :func:`stray_files`); in hold mode, take such files out with a warning instead."""
        stray = stray_files(site_dir, self.catalog.brand_assets, self.media_dir)
        if not stray:
            return
        if not self.hold:
            raise PluginError(
                "advocacy: " + text(self.lang, "build.site_file_refused", files=", ".join(stray))
            )
        for path in stray:
            self._left_out(path, "site-file")
            os.unlink(os.path.join(site_dir, path))

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


# What the site itself writes outside the theme's assets/: pages, feeds, the sitemap and the
# search index, processed pictures and cards, videos and captions (named as what they are,
# see MediaCatalog.misnamed), and the brand's approved SVGs (by name, below).
MEDIA_EXTENSIONS = frozenset((".webp", ".jpg", ".jpeg", ".png", ".mp4", ".webm", ".vtt"))
SITE_EXTENSIONS = MEDIA_EXTENSIONS | {".html", ".xml", ".gz", ".json"}


def stray_files(site_dir: str, svgs: frozenset[str], media_dir: str = "media") -> list[str]:
    """Files of the built site (outside ``assets/``) with a name the site never writes (in
    the media folder: no pages, feeds or data either): a last line of defence against
    publishing something as a type nobody judged it to be (a server picks the type it sends
    by the name). ``svgs``: approved brand assets."""
    media = media_dir.strip("/") + "/"
    stray = []
    for folder, subfolders, names in os.walk(site_dir):
        relative = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        if relative == ".":
            # the theme's files, and a deployment's checkout (MkDocs keeps dot folders)
            subfolders[:] = [d for d in subfolders if d not in ("assets", ".git")]
            relative = ""
        for name in names:
            path = f"{relative}/{name}" if relative else name
            suffix = os.path.splitext(name)[1].lower()
            allowed = MEDIA_EXTENSIONS if path.startswith(media) else SITE_EXTENSIONS
            if suffix not in allowed and not (suffix == ".svg" and path.lower() in svgs):
                stray.append(path)
    return sorted(stray)


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
