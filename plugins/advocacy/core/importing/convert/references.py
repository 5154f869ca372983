"""What a post's body points at, resolved once every post's new file is known.

Local pictures are copied to ``media/imported/...`` (the path they had below the source, in
slug form) and pointed at with a true relative path, which both GitHub's preview and the
build understand. Links to another post, by a template reference (``post_url``, ``ref``) or
by its old address, point at the new Markdown file. A post's one video becomes its
``video:`` field; every other embed becomes a plain link. Remote pictures are never
downloaded: they are left as written and noted, so the check reports them too.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from advocacy.core.importing.common import Archive, Embed, Note, SourcePost
from advocacy.core.importing.convert.markdown import outside_code
from advocacy.core.importing.convert.templates import embed_markdown
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slugify

# Files a link may point at that are copied with the post (documents too, so links work).
MEDIA_SUFFIXES: tuple[str, ...] = (
    *(".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".mp4", ".webm"),
    *(".vtt", ".pdf"),
)
_MD_IMAGE = re.compile(r"(!\[(?:\\.|[^\]\\])*\]\(\s*)(<[^>]+>|[^)\s]+)")
_MD_LINK = re.compile(r"((?<!!)\[(?:\\.|[^\]\\])*\]\(\s*)(<[^>]+>|[^)\s]+)")
_HTML_SRC = re.compile(
    r"(<(?:img|source|video)\b[^>]*?\b(?:src|poster)\s*=\s*)([\"'])(.*?)\2", re.I | re.S
)
_HTML_HREF = re.compile(r"(<a\b[^>]*?\bhref\s*=\s*)([\"'])(.*?)\2", re.I | re.S)
_TOKEN = re.compile(r"@@import:(embed|post):(\d+)@@")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)

Store = Callable[[str, Path, list[Note]], None]


def ref_key(key: str) -> str:
    """A post reference as a lookup key: no extension, ``index`` or surrounding slashes."""
    key = unquote(key.strip()).lower()
    key = re.sub(r"\.(md|markdown|html)$", "", key)
    return re.sub(r"/_?index$", "", key.replace(":/", ":")).rstrip("/")


def url_key(url: str | None) -> str:
    """An old address as a lookup key: ``/a/b/``, ``/a/b.html`` and ``/a/b/index.html`` meet."""
    if not url:
        return ""
    url = re.sub(r"/index\.html?$", "", unquote(url.split("#", 1)[0]).rstrip("/"))
    return re.sub(r"\.html?$", "", url) or "/"


def the_video(post: SourcePost) -> Embed | None:
    """The post's one video, when it has exactly one: it becomes the ``video:`` field."""
    videos = [e for e in post.embeds if e.kind in ("youtube", "vimeo")]
    return videos[0] if len(videos) == 1 else None


class Linker:
    """Resolves references in bodies; ``store`` copies a file to a repository path."""

    def __init__(self, archive: Archive, site: Site, store: Store) -> None:
        self.archive, self.site, self.store = archive, site, store
        self.by_key: dict[str, str] = {}  # reference key -> new file
        self.by_url: dict[str, str] = {}  # old address -> new file
        self.copied: dict[Path, str] = {}
        self.targets: set[str] = set()

    def add(self, post: SourcePost, rel: str) -> None:
        """Make ``post``, written to ``rel``, a target of references and old addresses."""
        for key in post.keys:
            self.by_key.setdefault(ref_key(key), rel)
        for url in post.old_urls:
            self.by_url.setdefault(url_key(url), rel)

    def body(self, post: SourcePost, rel: str, notes: list[Note]) -> str:
        """``post``'s body with tokens, pictures and links resolved for the file ``rel``."""
        folder = posixpath.dirname(rel)
        video = the_video(post)

        def token(match: re.Match[str]) -> str:
            index = int(match.group(2))
            if match.group(1) == "embed":
                embed = post.embeds[index]
                return "" if embed is video else embed_markdown(embed)
            key, original = post.refs[index]
            base, _, anchor = key.partition("#")
            target = self.by_key.get(ref_key(base))
            if target is None:
                notes.append(Note.of("link-unresolved", code=original))
                return original
            return posixpath.relpath(target, folder) + (f"#{anchor}" if anchor else "")

        body = _TOKEN.sub(token, post.body)  # our tokens, in code too (Liquid ran there)
        # Where a video line went or a picture became its own paragraph: one blank line.
        body = outside_code(body, lambda text: re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text))
        return outside_code(body, lambda text: self._references(text, post, folder, notes))

    def _references(self, text: str, post: SourcePost, folder: str, notes: list[Note]) -> str:
        def image(ref: str) -> str:
            ref = ref[1:-1] if ref.startswith("<") and ref.endswith(">") else ref
            if ref.startswith(("@@import:", "#", "data:")):
                return ref
            kind, path = self.archive.site.locate(ref, post.base)
            if kind == "file" and path is not None:
                return posixpath.relpath(self.copy(path, notes), folder)
            notes.append(Note.of("remote-image" if kind == "remote" else "image-missing", ref=ref))
            return ref

        def link(ref: str) -> str:
            raw = html.unescape(ref.strip("<>"))
            if not raw or raw.startswith(("#", "mailto:", "tel:", "@@import:")):
                return ref
            path = self.archive.site.site_path(raw.split("#", 1)[0])
            anchor = "#" + raw.split("#", 1)[1] if "#" in raw else ""
            target = self.by_url.get(url_key(path)) if path else None
            if target is not None:
                return posixpath.relpath(target, folder) + anchor
            if path is None and _SCHEME.match(raw):
                return ref  # another website: links are fine (the check looks at them)
            kind, found = self.archive.site.locate(raw, post.base)
            if kind == "file" and found is not None and found.suffix.lower() in MEDIA_SUFFIXES:
                return posixpath.relpath(self.copy(found, notes), folder)
            if path is not None:
                notes.append(Note.of("site-link", ref=raw))
            return ref

        def attribute(match: re.Match[str], change: Callable[[str], str]) -> str:
            value = html.escape(change(html.unescape(match.group(3))), quote=True)
            return match.group(1) + match.group(2) + value + match.group(2)

        text = _MD_IMAGE.sub(lambda m: m.group(1) + _angle(image(m.group(2)), m.group(2)), text)
        text = _HTML_SRC.sub(lambda m: attribute(m, image), text)
        text = _MD_LINK.sub(lambda m: m.group(1) + _angle(link(m.group(2)), m.group(2)), text)
        return _HTML_HREF.sub(lambda m: attribute(m, link), text)

    def cover(self, post: SourcePost, notes: list[Note]) -> str:
        """The cover picture's repository path (``media/...``), or its reference as written."""
        assert post.image is not None
        kind, path = self.archive.site.locate(post.image, post.base)
        if kind == "file" and path is not None:
            return self.copy(path, notes)
        notes.append(
            Note.of("remote-image" if kind == "remote" else "image-missing", ref=post.image)
        )
        return post.image

    def copy(self, path: Path, notes: list[Note]) -> str:
        """Copy a file to ``media/imported/...`` once; its repository-relative path.

        The path below the source (or below the folder it was served from) is kept, in slug
        form, so the same picture used by several posts is one file.
        """
        if path in self.copied:
            return self.copied[path]
        relative = next(
            (
                path.relative_to(m.resolve())
                for _, m in self.archive.site.mounts
                if path.is_relative_to(m.resolve())
            ),
            None,
        ) or path.relative_to(self.archive.site.root.resolve())
        suffix = relative.suffix.lower()
        parts = [slugify(p) or "x" for p in relative.parts[:-1]]
        stem = posixpath.join(
            self.site.media_dir, "imported", *parts, slugify(relative.stem) or "file"
        )
        rel, number = stem + suffix, 1
        while rel in self.targets:  # two names that make the same slug
            number += 1
            rel = f"{stem}-{number}{suffix}"
        self.targets.add(rel)
        self.copied[path] = rel
        self.store(rel, path, notes)
        return rel


def _angle(new: str, old: str) -> str:
    """A rewritten link target, in angle brackets when it had them or needs them."""
    new = new[1:-1] if new.startswith("<") and new.endswith(">") else new
    return f"<{new}>" if old.startswith("<") or re.search(r"[\s()]", new) else new
