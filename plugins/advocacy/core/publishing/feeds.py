"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents for a list of posts.

Pure functions: the caller passes the feed's description and its items (newest first,
already limited) and gets UTF-8 bytes back. The output depends only on the input, never on
the clock, so two builds of the same site give byte-identical feeds.

RSS and Atom are written with feedgen 1.0, with these workarounds:

* feedgen stamps ``updated``/``lastBuildDate`` with the current time unless told otherwise:
  the channel date is the newest item ``updated`` (or :data:`EPOCH` for an empty feed).
* feedgen writes RSS ``<author>`` only for authors with an e-mail address: RSS authors go
  out as ``dc:creator`` (Dublin Core extension), Atom authors as ``<author><name>/<uri>``.
* feedgen 1.0 drops every attribute but ``href`` from Atom *entry* links (``rel``, ``type``,
  ``length``), so the Atom entries' links are completed with lxml after serialisation.
* ``entry.id()`` marks the RSS guid ``isPermaLink="false"``: ``entry.guid(..., permalink=True)``.
* content is a CDATA section in RSS (escaped text when it contains ``]]>``, so the output does
  not depend on how the installed lxml splits such sections) and ``type="html"`` in Atom.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from lxml import etree

from advocacy.core.reading.schema.kinds import xml_safe

__all__ = [
    "ATOM_NAME",
    "EPOCH",
    "JSON_NAME",
    "RSS_NAME",
    "Enclosure",
    "FeedAuthor",
    "FeedInfo",
    "FeedItem",
    "absolutize",
    "atom",
    "json_feed",
    "rss",
]

RSS_NAME, ATOM_NAME, JSON_NAME = "feed_rss.xml", "feed_atom.xml", "feed.json"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""The channel date of a feed without items (never "now": builds must be reproducible)."""
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

_ATOM_NS = "http://www.w3.org/2005/Atom"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class FeedAuthor:
    """A post's author."""

    name: str
    url: str | None = None  # the author's page, absolute


@dataclass(frozen=True)
class Enclosure:
    """A file attached to an item (the post's cover image)."""

    url: str  # absolute
    length: int  # bytes
    type: str  # e.g. image/jpeg


@dataclass(frozen=True)
class FeedItem:
    """One post in a feed. ``id`` is the canonical absolute post URL and never changes."""

    id: str
    url: str
    title: str
    summary: str  # the post's description
    content_html: str  # full post HTML, URLs already absolute
    published: datetime  # timezone-aware
    updated: datetime  # timezone-aware
    authors: tuple[FeedAuthor, ...]
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    language: str = "da"
    image: Enclosure | None = None


@dataclass(frozen=True)
class FeedInfo:
    """The feed itself. ``site_name`` (or else ``title``) names items that have no author."""

    title: str
    description: str
    home_url: str  # absolute URL of the page this feed follows (e.g. the author page)
    folder_url: str  # absolute URL of the folder the feed files are published in, ending "/"
    language: str  # da | en
    site_name: str = ""


# -- shared helpers -------------------------------------------------------------------------


def _check(info: FeedInfo, items: Sequence[FeedItem]) -> None:
    """Reject input that would give an invalid or non-reproducible feed."""
    if not info.folder_url.endswith("/"):
        raise ValueError(f"folder_url must end with '/': {info.folder_url!r}")
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"duplicate feed item id: {item.id!r}")
        seen.add(item.id)
        for name in ("published", "updated"):
            value: datetime = getattr(item, name)
            if value.tzinfo is None or value.utcoffset() is None:
                raise ValueError(f"{name} of {item.id!r} has no timezone")


def _safe_value(value: Any) -> Any:
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, tuple):
        return tuple(_safe_value(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(
            value, **{f.name: _safe_value(getattr(value, f.name)) for f in fields(value)}
        )
    return value


def _xml_safe(info: FeedInfo, items: Sequence[FeedItem]) -> tuple[FeedInfo, list[FeedItem]]:
    """The feed's texts without characters XML cannot carry: the check refuses them in every
    post, yet a feed that cannot be written would stop every publication (takedowns too)."""
    return _safe_value(info), [_safe_value(item) for item in items]


def _stamp(items: Sequence[FeedItem]) -> datetime:
    """The feed's own date: the latest ``updated`` of its items, or :data:`EPOCH`."""
    return max((item.updated for item in items), default=EPOCH)


def _terms(item: FeedItem) -> list[str]:
    """Categories then tags, without blanks or repeats, in their given order."""
    return list(dict.fromkeys(term for term in (*item.categories, *item.tags) if term.strip()))


def _authors(info: FeedInfo, item: FeedItem) -> tuple[FeedAuthor, ...]:
    """The item's authors, or the site (Atom requires an author on every entry)."""
    return item.authors or (FeedAuthor(info.site_name or info.title),)


def _generator(info: FeedInfo, self_url: str, self_type: str, stamp: datetime) -> FeedGenerator:
    """A feedgen generator with the channel fields both XML formats share."""
    fg = FeedGenerator()
    fg.id(info.folder_url + ATOM_NAME)
    fg.title(info.title)
    fg.description(info.description or info.title)
    fg.language(info.language)
    fg.link(href=self_url, rel="self", type=self_type)
    # RSS <channel><link> is the *last* link added, so the alternate link comes last.
    fg.link(href=info.home_url, rel="alternate", type="text/html")
    fg.updated(stamp)
    return fg


# -- RSS 2.0 --------------------------------------------------------------------------------


def rss(info: FeedInfo, items: Sequence[FeedItem]) -> bytes:
    """The RSS 2.0 document (UTF-8) for ``items``, kept in the order given."""
    info, items = _xml_safe(info, items)
    _check(info, items)
    stamp = _stamp(items)
    fg = _generator(info, info.folder_url + RSS_NAME, "application/rss+xml", stamp)
    fg.pubDate(stamp)
    fg.load_extension("dc", atom=False, rss=True)
    for item in items:
        entry = fg.add_entry(order="append")
        entry.guid(item.id, permalink=True)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate")
        if item.summary:
            entry.summary(item.summary)
        cdata = "]]>" not in item.content_html
        entry.content(item.content_html, type="CDATA" if cdata else None)
        entry.published(item.published)
        entry.updated(item.updated)
        for term in _terms(item):
            entry.category(term=term)
        if item.image is not None:
            entry.enclosure(item.image.url, str(item.image.length), item.image.type)
        entry.dc.dc_creator([author.name for author in _authors(info, item)])
        if item.language != info.language:
            entry.dc.dc_language(item.language)
    return fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)


# -- Atom 1.0 -------------------------------------------------------------------------------


def atom(info: FeedInfo, items: Sequence[FeedItem]) -> bytes:
    """The Atom 1.0 document (UTF-8) for ``items``, kept in the order given."""
    info, items = _xml_safe(info, items)
    _check(info, items)
    fg = _generator(info, info.folder_url + ATOM_NAME, "application/atom+xml", _stamp(items))
    for item in items:
        entry = fg.add_entry(order="append")
        entry.id(item.id)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate")
        if item.summary:
            entry.summary(item.summary)
        entry.content(item.content_html, type="html")  # CDATA would make invalid Atom
        entry.published(item.published)
        entry.updated(item.updated)
        for author in _authors(info, item):
            entry.author({"name": author.name, **({"uri": author.url} if author.url else {})})
        for term in _terms(item):
            entry.category(term=term)
    raw = fg.atom_str(pretty=False, encoding="UTF-8", xml_declaration=True)
    return _complete_atom_entries(raw, info, items)


def _complete_atom_entries(raw: bytes, info: FeedInfo, items: Sequence[FeedItem]) -> bytes:
    """Give each entry's link its ``rel``/``type`` and add the cover enclosure.

    feedgen 1.0's ``FeedEntry.atom_entry`` rebinds its loop variable to the new element and
    then reads the attributes from that element, so it writes ``<link href=...>`` only.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)
    root = etree.fromstring(raw, parser)
    entries = root.findall(f"{{{_ATOM_NS}}}entry")
    for element, item in zip(entries, items, strict=True):
        alternate = next(
            link
            for link in element.iterfind(f"{{{_ATOM_NS}}}link")
            if link.get("href") == item.url and link.get("rel") in (None, "alternate")
        )
        alternate.set("rel", "alternate")
        alternate.set("type", "text/html")
        if item.image is not None:
            enclosure = etree.Element(f"{{{_ATOM_NS}}}link")
            enclosure.set("rel", "enclosure")
            enclosure.set("href", item.image.url)
            enclosure.set("type", item.image.type)
            enclosure.set("length", str(item.image.length))
            alternate.addnext(enclosure)
        if item.language != info.language:
            element.set(_XML_LANG, item.language)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


# -- JSON Feed 1.1 --------------------------------------------------------------------------


def _rfc3339(value: datetime) -> str:
    """``2026-11-20T09:30:00+01:00``: RFC 3339 with an explicit offset."""
    return value.isoformat()


def json_feed(info: FeedInfo, items: Sequence[FeedItem]) -> bytes:
    """The JSON Feed 1.1 document (UTF-8, fixed key order, non-ASCII kept) for ``items``."""
    info, items = _xml_safe(info, items)  # a lone surrogate is no UTF-8 either
    _check(info, items)
    entries: list[dict[str, Any]] = []
    for item in items:
        entry: dict[str, Any] = {
            "id": item.id,
            "url": item.url,
            "title": item.title,
            "content_html": item.content_html,
        }
        if item.summary:
            entry["summary"] = item.summary
        if item.image is not None:
            entry["image"] = item.image.url
        entry["date_published"] = _rfc3339(item.published)
        entry["date_modified"] = _rfc3339(item.updated)
        entry["authors"] = [
            {"name": author.name, **({"url": author.url} if author.url else {})}
            for author in _authors(info, item)
        ]
        if terms := _terms(item):
            entry["tags"] = terms
        entry["language"] = item.language
        entries.append(entry)
    document: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": info.title,
        "home_page_url": info.home_url,
        "feed_url": info.folder_url + JSON_NAME,
        "description": info.description,
        "language": info.language,
        "items": entries,
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- absolute URLs in post HTML ---------------------------------------------------------------

_URL_ATTRS = frozenset({"src", "href", "poster"})
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp"})
_TAG = re.compile(
    r"<!--.*?-->"
    r"|<(?P<name>[A-Za-z][^\s/>]*+)"
    r"(?P<attrs>(?:\s|/|(?>[^\s/>][^\s/>=]*+)(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s>]++))?+)*+)>",
    re.DOTALL,
)
_ATTR = re.compile(
    r"(?P<name>[^\s/>][^\s/>=]*+)"
    r"(?:\s*+=\s*+(?:\"(?P<dq>[^\"]*+)\"|'(?P<sq>[^']*+)'|(?P<uq>[^\s>]++)))?+"
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
# Attribute values decode only references that end in ";" (``&copy=1`` stays as it is).
_CHARREF = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def _unescape(value: str) -> str:
    return _CHARREF.sub(lambda m: html_lib.unescape(m.group(0)), value)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


def _join(url: str, page_url: str) -> str:
    """``url`` resolved against ``page_url``; absolute URLs (any scheme) and blanks kept."""
    stripped = url.strip()
    if not stripped or _SCHEME.match(stripped):
        return url
    return urljoin(page_url, stripped)


def _join_srcset(srcset: str, page_url: str) -> str:
    """Every candidate URL of a ``srcset`` resolved; descriptors kept (HTML's parsing rules)."""
    candidates: list[str] = []
    pos, end = 0, len(srcset)
    while True:
        while pos < end and (srcset[pos].isspace() or srcset[pos] == ","):
            pos += 1
        if pos >= end:
            break
        start = pos
        while pos < end and not srcset[pos].isspace():
            pos += 1
        url, descriptor = srcset[start:pos], ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            start, depth = pos, 0
            while pos < end and (srcset[pos] != "," or depth):
                depth += {"(": 1, ")": -1}.get(srcset[pos], 0)
                pos += 1
            descriptor = " ".join(srcset[start:pos].split())
        candidates.append(f"{_join(url, page_url)} {descriptor}".rstrip())
    return ", ".join(candidates)


def _rewrite_attrs(attrs: str, page_url: str) -> str:
    """The attribute text of one start tag with its URL attributes made absolute."""

    def one(match: re.Match[str]) -> str:
        name = match["name"].lower()
        value = next((v for v in match.group("dq", "sq", "uq") if v is not None), None)
        if value is None or (name not in _URL_ATTRS and name != "srcset"):
            return match.group(0)
        decoded = _unescape(value)
        joined = (_join_srcset if name == "srcset" else _join)(decoded, page_url)
        if joined == decoded:
            return match.group(0)
        return f'{match["name"]}="{_escape(joined)}"'

    return _ATTR.sub(one, attrs)


def absolutize(html: str, page_url: str) -> str:
    """``html`` with relative ``src``, ``href``, ``srcset`` and ``poster`` URLs made absolute.

    URLs resolve against ``page_url`` (``#top`` becomes ``page_url#top``). Absolute URLs,
    ``mailto:``, ``tel:`` and other schemes stay as they are, as do empty values, text,
    comments, other attributes and the contents of ``script``/``style`` and the like.
    """
    out: list[str] = []
    pos = 0
    while (match := _TAG.search(html, pos)) is not None:
        out.append(html[pos : match.start()])
        name = match["name"]
        if name is None:  # a comment
            out.append(match.group(0))
            pos = match.end()
            continue
        attrs = match["attrs"]
        out.append(f"<{name}{_rewrite_attrs(attrs, page_url) if attrs else ''}>")
        pos = match.end()
        if name.lower() in _RAW_TEXT:
            close = re.compile(rf"</{re.escape(name)}[\s/>]", re.IGNORECASE).search(html, pos)
            stop = close.start() if close else len(html)
            out.append(html[pos:stop])
            pos = stop
    out.append(html[pos:])
    return "".join(out)
