"""What each file a page uses is, judged by its bytes, and how it may be published.

A photo is published only as processed pictures (never the original, whatever its name:
``.jfif``, ``.JPG``, no extension); a video only when its bytes are MP4 or WebM; captions only
when they parse as WebVTT (and then as the site writes them again from the parsed cues); an
SVG only when HR lists it as a brand asset and it holds nothing active. Anything else is
refused. The check and the build ask the same catalog, so what is published is what was
judged.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from advocacy.core.cache.digests import sha256_file
from advocacy.core.media.images import (
    HEIC_BRANDS,
    Digest,
    ImageProblem,
    Processed,
    Slot,
    cached,
    content_key,
    plan,
)
from advocacy.core.media.video import VttError, parse_vtt

PHOTO, HEIC, VIDEO, CAPTIONS, SVG, OTHER = "photo", "heic", "video", "captions", "svg", "other"
_PHOTO_MAGIC = (
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",
    b"MM\x00*",
    b"BM",
)
# ISO media brands browsers play as MP4 (QuickTime's "qt  " they do not, reliably).
MP4_BRANDS = frozenset(
    {
        b"isom",
        b"iso2",
        b"iso4",
        b"iso5",
        b"iso6",
        b"mp41",
        b"mp42",
        b"avc1",
        b"M4V ",
        b"M4VP",
        b"dash",
        b"mmp4",
        b"MSNV",
        b"f4v ",
    }
)
_SVG_ACTIVE = re.compile(
    r"^(?:script|foreignobject|iframe|embed|object|handler|listener|set|"
    r"animate\w*|style)$",
    re.IGNORECASE,
)
_URL = re.compile(r"url\s*\(\s*(['\"]?)\s*(.)", re.IGNORECASE)


def sniff(path: Path) -> str:
    """The kind of a file from its first bytes: photo, heic, video, captions, svg or other."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return OTHER
    if head.startswith(_PHOTO_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return PHOTO
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return HEIC if brand in HEIC_BRANDS else VIDEO if brand in MP4_BRANDS else OTHER
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return VIDEO
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if text.startswith(b"WEBVTT"):
        return CAPTIONS
    if text.startswith((b"<?xml", b"<svg", b"<!--")) and path.suffix.lower() == ".svg":
        return SVG
    return OTHER


def svg_problem(path: Path) -> str | None:
    """Why an SVG may not be published (script, events, outside references), or None."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return "it cannot be read as text"
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        return "it has a DOCTYPE or entities"
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return "it is not well-formed XML"
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if _SVG_ACTIVE.match(name):
            return f"it has a <{name}> element"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"it has an {local} attribute"
            if local == "style":
                # CSS can load from anywhere, and hide it (u\72l(...)): presentation
                # attributes (fill="#0e4d64") say the same without CSS.
                return "it has a style attribute"
            if local in ("href", "src") and not value.startswith("#"):
                return f"it refers to {value[:40]}"
            if "\\" in value:  # a CSS escape in a presentation attribute (fill="u\\72l(")
                return f"its {local} attribute has an escaped character"
            if any(m.group(2) != "#" for m in _URL.finditer(value)):
                return "it loads from an address"
    if "@import" in text:
        return "its style loads from an address"
    return None


@dataclass
class MediaCatalog:
    """The kinds, plans and publication of the files of one repository (``root``)."""

    root: Path
    brand_assets: frozenset[str] = frozenset()  # repository paths of approved SVGs
    # Where the build cache keeps a processed photo (images.Slot by content key): a photo
    # processed before is planned from its record there, without opening it.
    slot_of: Callable[[str], Slot] | None = None
    digest: Digest = sha256_file  # the build cache's Digests.of when there is one
    kinds: dict[str, str] = field(default_factory=dict)
    plans: dict[str, Processed | ImageProblem] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)  # path -> why a file is refused

    def kind(self, path: str) -> str:
        """The kind of a repository file (see :func:`sniff`)."""
        found = self.kinds.get(path)
        if found is None:
            found = self.kinds[path] = sniff(self.root / path)
        return found

    def photo(self, path: str) -> Processed | ImageProblem:
        """What processing will make of a photo (read from its header), or why it cannot."""
        found = self.plans.get(path)
        if found is not None:
            return found
        kind = self.kind(path)
        if kind == HEIC:
            found = ImageProblem("image-heic")
        elif kind != PHOTO:
            found = ImageProblem("not-a-photo")
        else:
            try:
                key = content_key(self.root / path, self.digest)
                found = (cached(path, key, self.slot_of(key)) if self.slot_of else None) or (
                    plan(self.root, path, key)
                )
            except ImageProblem as exc:
                found = exc
            except Exception as exc:
                found = ImageProblem("image-unreadable", detail=str(exc) or type(exc).__name__)
        self.plans[path] = found
        return found

    def file(self, path: str) -> str | None:
        """The published name of a file that is not a photo, or None when it is refused."""
        kind = self.kind(path)
        if kind == VIDEO:
            return path
        if kind == CAPTIONS:
            try:
                parse_vtt((self.root / path).read_text("utf-8"))
            except (OSError, UnicodeDecodeError, VttError):
                return None
            return path
        if kind == SVG and path.lower() in self.brand_assets:
            problem = self.problems.get(path)
            if problem is None:
                problem = self.problems[path] = svg_problem(self.root / path) or ""
            return None if problem else path
        return None
