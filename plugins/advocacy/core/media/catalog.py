"""What each file a page uses is, judged by its bytes, and how it may be published.

A photo is published only as processed pictures (never the original, whatever its name:
``.jfif``, ``.JPG``, no extension); a video only when its bytes are MP4 or WebM; captions only
when they parse as WebVTT (and then as the site writes them again from the parsed cues); an
SVG only when HR lists it as a brand asset and it holds nothing active. Each is published
under its repository name only when that name ends in what the file is (``.mp4`` for MP4,
``.webm`` for WebM, ``.vtt`` for captions, ``.svg``): the server picks the type it sends by
the name, so an MP4 named ``clip.html`` would reach readers as a web page. Anything else is
refused. The check and the build ask the same catalog, so what is published is what was
judged.
"""

from __future__ import annotations

import re
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
from advocacy.core.model.addresses import read

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


def extensions(path: Path) -> tuple[str, ...]:
    """The names a video, captions or SVG may be published under (lower case), from its bytes:
    MP4 (QuickTime ``.mov`` and ``.m4v`` included) only as ``.mp4``, so that the server sends
    the type browsers play; empty for any other kind."""
    kind = sniff(path)
    if kind == VIDEO:
        try:
            with path.open("rb") as handle:
                head = handle.read(4)
        except OSError:
            return ()
        return (".webm",) if head == b"\x1a\x45\xdf\xa3" else (".mp4",)
    return {CAPTIONS: (".vtt",), SVG: (".svg",)}.get(kind, ())


# What a brand SVG may hold: drawing, text and paint in the SVG namespace, nothing that runs,
# loads, links or styles (compared case-sensitively, as XML is).
_SVG_NS = "http://www.w3.org/2000/svg"
_XML_NS = "http://www.w3.org/XML/1998/namespace"
_XLINK_NS = "http://www.w3.org/1999/xlink"
_SVG_ELEMENTS = frozenset(
    "svg g defs symbol use title desc path rect circle ellipse line polyline polygon text "
    "tspan textPath linearGradient radialGradient stop clipPath mask pattern marker filter "
    "feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix "
    "feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB "
    "feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight "
    "feSpecularLighting feSpotLight feTile feTurbulence".split()
)
_SVG_ATTRIBUTES = frozenset(
    "id class width height x y x1 y1 x2 y2 cx cy r rx ry fx fy fr d points viewBox "
    "preserveAspectRatio transform version baseProfile fill fill-opacity fill-rule stroke "
    "stroke-width stroke-linecap stroke-linejoin stroke-miterlimit stroke-dasharray "
    "stroke-dashoffset stroke-opacity opacity clip-path clip-rule mask filter offset "
    "stop-color stop-opacity gradientUnits gradientTransform spreadMethod patternUnits "
    "patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits "
    "filterUnits primitiveUnits markerWidth markerHeight markerUnits refX refY orient "
    "marker-start marker-mid marker-end font-family font-size font-weight font-style "
    "font-variant font-stretch text-anchor dominant-baseline alignment-baseline "
    "baseline-shift letter-spacing word-spacing text-decoration writing-mode direction dx dy "
    "rotate textLength lengthAdjust startOffset method spacing side display visibility "
    "overflow color color-interpolation color-interpolation-filters shape-rendering "
    "text-rendering image-rendering vector-effect paint-order isolation pathLength lang role "
    "aria-label aria-hidden aria-labelledby aria-describedby focusable in in2 result "
    "stdDeviation mode type values operator k1 k2 k3 k4 flood-color flood-opacity radius "
    "tableValues slope intercept amplitude exponent scale xChannelSelector yChannelSelector "
    "baseFrequency numOctaves seed stitchTiles order kernelMatrix divisor bias targetX "
    "targetY edgeMode preserveAlpha surfaceScale diffuseConstant specularConstant "
    "specularExponent kernelUnitLength lighting-color azimuth elevation z pointsAtX "
    "pointsAtY pointsAtZ limitingConeAngle href".split()
)
_URL = re.compile(r"url\s*\(\s*(['\"]?)\s*(.)", re.IGNORECASE)


def _svg_name(name: str, prefixes: dict[str, str]) -> str:
    """``{namespace}local`` as the file writes it (``xsl:element``, ``h:img``)."""
    if not name.startswith("{"):
        return name
    space, local = name[1:].split("}", 1)
    prefix = prefixes.get(space) or {_XML_NS: "xml"}.get(space) or space.rsplit("/", 1)[-1]
    return f"{prefix}:{local}"


def _an(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" else "a"


def _svg_attribute_problem(name: str, value: str, prefixes: dict[str, str]) -> str | None:
    local = name.rsplit("}", 1)[-1]
    if local.lower().startswith("on"):
        return f"it has an {local} attribute"
    if name in (f"{{{_XLINK_NS}}}href", "href"):
        # only a part of this drawing (a gradient, a symbol): never a file or another site
        if value.startswith("#") and not read(value).disguised:
            return None
        return f"it refers to {value[:40]}"
    if name not in _SVG_ATTRIBUTES and name not in (f"{{{_XML_NS}}}space", f"{{{_XML_NS}}}lang"):
        # style: CSS can load from anywhere, and hide it (u\72l(...)); presentation attributes
        # (fill="#0e4d64") say the same without CSS
        shown = _svg_name(name, prefixes)
        return f"it has {_an(shown)} {shown} attribute"
    if "\\" in value:  # a CSS escape in a presentation attribute (fill="u\\72l(")
        return f"its {local} attribute has an escaped character"
    if any(m.group(2) != "#" for m in _URL.finditer(value)):
        return "it loads from an address"
    return None


def svg_problem(path: Path) -> str | None:
    """Why an SVG may not be published, or None: parsed with the processing instructions, the
    DOCTYPE and the namespaces a browser sees (an ``<?xml-stylesheet?>`` runs XSLT or loads
    CSS; an XHTML ``<img srcset>`` loads another site), and judged against an allow-list of
    SVG elements and attributes: nothing that runs, loads, links or styles."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return "it cannot be read as text"
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        return "it has a DOCTYPE or entities"
    from lxml import etree  # only for the few brand SVGs: not in every build's memory

    parser = etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, remove_pis=False
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return "it is not well-formed XML"
    tree = root.getroottree()
    if getattr(tree.docinfo, "doctype", "") or tree.docinfo.internalDTD is not None:
        return "it has a DOCTYPE or entities"
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    for node in [*outside, *root.iter()]:
        if isinstance(node, etree._ProcessingInstruction):
            target = node.target if isinstance(node.target, str) else "?"
            return f"it has an <?{target}?> instruction"
        if isinstance(node, etree._Entity):
            return "it has a DOCTYPE or entities"
        if not isinstance(node.tag, str):
            continue  # a comment
        prefixes = {space: prefix for prefix, space in node.nsmap.items() if prefix}
        space, _, local = node.tag[1:].partition("}") if "}" in node.tag else ("", "", node.tag)
        if space != _SVG_NS:
            return f"it has an element outside SVG (<{_svg_name(node.tag, prefixes)}>)"
        if local not in _SVG_ELEMENTS:
            return f"it has {_an(local)} <{local}> element"
        for name, value in node.attrib.items():
            problem = _svg_attribute_problem(str(name), str(value), prefixes)
            if problem:
                return problem
    if root.tag != f"{{{_SVG_NS}}}svg":
        return "it is not an <svg> drawing"
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
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # path -> extensions

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

    def misnamed(self, path: str) -> str | None:
        """The extension a video, captions or SVG file must have when its name ends in
        anything else (``clip.html`` holding an MP4: ``.mp4``), or None."""
        allowed = self.names.get(path)
        if allowed is None:
            allowed = self.names[path] = extensions(self.root / path)
        if allowed and Path(path).suffix.lower() not in allowed:
            return allowed[0]
        return None

    def refusal(self, path: str) -> str:
        """A short reason a file is not published (for the build's log)."""
        expected = self.misnamed(path)
        return f"{self.kind(path)}, not named {expected}" if expected else self.kind(path)

    def file(self, path: str) -> str | None:
        """The published name of a file that is not a photo, or None when it is refused."""
        kind = self.kind(path)
        if self.misnamed(path):
            return None
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
