"""Read a WordPress export (WXR, the XML file of Tools -> Export): posts, their authors,
categories, tags and attachments.

The XML is read with expat directly so that nothing in the file can make the parser fetch a
URL or expand entities: a WXR file never has a document type declaration, so one is refused,
and with it every entity declaration (the "billion laughs" and external entity attacks).
Comments are never imported: commenters are not employees and gave no consent.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.parsers import expat

from advocacy.core.importing.common import (
    Archive,
    ImportOptions,
    Note,
    OldSite,
    SourceAuthor,
    SourceError,
    SourcePost,
    failure,
    language_code,
)
from advocacy.core.importing.convert.frontmatter import parse_when, to_site_time
from advocacy.core.importing.convert.markup import html_to_markdown
from advocacy.core.importing.convert.templates import wordpress_to_html
from advocacy.core.model.slugs import slugify

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
EXCERPT = "{http://wordpress.org/export/1.2/excerpt/}encoded"
CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
UNCATEGORIZED = {"uncategorized", "ukategoriseret", "uncategorised"}


class _Refused(Exception):
    """The XML declares a document type or entities, which a WXR file never does."""


def parse_xml(path: Path) -> ET.Element:
    """Parse ``path`` into an element tree without DTDs, entities or external references."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")

    def refuse(*_: Any) -> int:  # expat's handlers; this one never returns
        raise _Refused

    def name(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.StartElementHandler = lambda tag, attrs: builder.start(
        name(tag), {name(k): v for k, v in attrs.items()}
    )
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    try:
        with path.open("rb") as handle:
            parser.ParseFile(handle)
    except _Refused:
        raise SourceError("wxr-entities", path=path) from None
    except expat.ExpatError as exc:
        raise SourceError("xml-broken", path=path, error=exc) from None
    return builder.close()


class _Item:
    """Field access on one ``<item>`` (or the channel) whatever the WXR version."""

    def __init__(self, element: ET.Element, wp: str) -> None:
        self.element, self.wp = element, wp

    def text(self, tag: str) -> str:
        """The text of the first child ``tag`` (``wp:`` prefix for WordPress's namespace)."""
        if tag.startswith("wp:"):
            tag = "{" + self.wp + "}" + tag[3:]
        child = self.element.find(tag)
        return (child.text or "").strip() if child is not None and child.text else ""

    def all(self, tag: str) -> list[ET.Element]:
        """Every child ``tag``."""
        return self.element.findall(tag.replace("wp:", "{" + self.wp + "}"))

    def meta(self) -> dict[str, str]:
        """The item's ``wp:postmeta`` as a mapping."""
        out = {}
        for meta in self.all("wp:postmeta"):
            item = _Item(meta, self.wp)
            out[item.text("wp:meta_key")] = item.text("wp:meta_value")
        return out


def is_wxr(path: Path) -> bool:
    """A file that starts like a WordPress export."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return path.is_file() and b"<rss" in head and b"wordpress.org/export" in head


def read_wordpress(source: Path, options: ImportOptions) -> Archive:
    """Every post, draft and scheduled post of a WXR file, with their authors."""
    if source.is_dir():
        exports = sorted(p for p in source.glob("*.xml") if is_wxr(p))
        if len(exports) != 1:
            raise SourceError("wxr-which", path=source)
        source = exports[0]
    root = parse_xml(source)
    channel = root.find("channel")
    namespace = next(
        (
            e.tag[1:].split("}")[0]
            for e in (channel if channel is not None else [])
            if e.tag.startswith("{http://wordpress.org/export/")
        ),
        None,
    )
    if root.tag != "rss" or channel is None or namespace is None:
        raise SourceError("not-wxr", path=source)
    site = _Item(channel, namespace)
    base = site.text("wp:base_blog_url") or site.text("link")
    addresses = (base, site.text("wp:base_site_url"), options.old_url or "")
    origins = tuple(dict.fromkeys(o for o in map(_origin, addresses) if o))
    base_path = urlsplit(base).path.rstrip("/")
    # Pictures live below wp-content/uploads; with a copy of that folder they are local.
    mounts = (("/wp-content/uploads/", options.uploads),) if options.uploads else ()
    old = OldSite(options.uploads or source.parent, origins, base_path, mounts)
    archive = Archive("wordpress", source, old, language=language_code(site.text("language")))
    for element in site.all("wp:author"):
        author = _Item(element, namespace)
        login = author.text("wp:author_login")
        first_last = " ".join(
            p
            for p in (author.text("wp:author_first_name"), author.text("wp:author_last_name"))
            if p
        )
        name = author.text("wp:author_display_name") or first_last or login
        archive.authors[login] = SourceAuthor(login, slugify(name) or slugify(login), name=name)
    items = [_Item(e, namespace) for e in channel.findall("item")]
    attachments = {i.text("wp:post_id"): i for i in items if i.text("wp:post_type") == "attachment"}
    comments = 0
    for index, item in enumerate(items, start=1):
        if item.text("wp:post_type") != "post":
            continue
        comments += len(item.all("wp:comment"))
        post = SourcePost(source=f"item {index} (post id {item.text('wp:post_id')})", slug="")
        try:
            if _read_post(item, post, archive, attachments, options):
                archive.posts.append(post)
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            post.error = failure(exc)
            archive.posts.append(post)
    if comments:
        archive.notes.append(Note.of("comments-skipped", count=comments))
    return archive


def _origin(url: str) -> str | None:
    """``https://host`` of an address, lower-case; None when it is not one."""
    match = re.match(r"^https?://[^/]+", url.strip())
    return match.group().lower() if match else None


def _attachment(attachments: dict[str, _Item], ident: str) -> tuple[str, str | None] | None:
    """An attachment's (address, alt text) by its id."""
    item = attachments.get(ident.strip())
    if item is None:
        return None
    url = item.text("wp:attachment_url") or item.text("guid")
    alt = item.meta().get("_wp_attachment_image_alt")
    return (url, alt or None) if url else None


def _read_post(
    item: _Item,
    post: SourcePost,
    archive: Archive,
    attachments: dict[str, _Item],
    options: ImportOptions,
) -> bool:
    """Fill ``post`` from ``item``; False for items that are not imported (trash)."""
    status = item.text("wp:status")
    post_id = item.text("wp:post_id")
    if status in ("trash", "auto-draft", "inherit"):
        archive.notes.append(
            Note.of("wp-status-skipped", title=item.text("title") or post_id, status=status)
        )
        return False
    post.title = item.text("title") or None
    if post.title is None:
        post.note("title-missing")
    slug = unquote(item.text("wp:post_name"))
    post.slug = slugify(slug) or slugify(post.title or "") or f"post-{post_id}"
    gmt, local = item.text("wp:post_date_gmt"), item.text("wp:post_date")
    when: dt.date | None = None
    if gmt and not gmt.startswith("0000"):
        when = parse_when(gmt + " UTC")
    if when is None and local and not local.startswith("0000"):
        when = parse_when(local)
    if when is None:
        when = parse_when(item.text("pubDate"))
    if when is None:
        raise ValueError("the post has no date")
    post.date = to_site_time(when, options.timezone, options.timezone)
    post.draft = status in ("draft", "pending", "private")
    if status in ("private", "pending"):
        post.note("wp-status", status=status)
    if item.text("wp:post_password"):
        post.draft = True  # it was never public: HR decides whether it may be
        post.note("wp-password")
    creator = item.text(CREATOR)
    if creator:
        if creator not in archive.authors:
            archive.authors[creator] = SourceAuthor(
                creator, slugify(creator), name=creator, from_record=False
            )
        post.authors = [creator]
    for category in item.all("category"):
        text = (category.text or "").strip()
        if not text:
            continue
        if category.get("domain") == "post_tag":
            post.tags.append(text)
        elif category.get("domain") == "category" and text.lower() not in UNCATEGORIZED:
            post.categories.append(text)
    excerpt = item.text(EXCERPT.replace("1.2", archive_version(item.wp)))
    post.descriptions = [excerpt] if excerpt else []
    meta = item.meta()
    cover = _attachment(attachments, meta.get("_thumbnail_id", ""))
    if cover:
        post.image, post.image_alt = cover
    children = [k for k, a in attachments.items() if a.text("wp:post_parent") == post_id]
    html = wordpress_to_html(
        item.text(CONTENT), post, lambda i: _attachment(attachments, i), children
    )
    post.body, kept = html_to_markdown(html, autop=True)
    for tag in kept:
        post.note("html-kept", tag=tag)
    post.keys = [f"wp:{post_id}"]
    if status == "publish":
        post.old_urls = _old_urls(item, archive.site, post_id)
    return True


def archive_version(namespace: str) -> str:
    """``1.2`` of ``http://wordpress.org/export/1.2/``: the excerpt namespace follows it."""
    match = re.search(r"export/([\d.]+)/", namespace)
    return match.group(1) if match else "1.2"


def _old_urls(item: _Item, site: OldSite, post_id: str) -> list[str]:
    """The post's permalink and ``?p=ID``, the address WordPress always answers."""
    urls = []
    for value in (item.text("link"), item.text("guid")):
        path = site.site_path(value) if value else None
        if path and "?" not in path and path != "/":
            urls.append(path)
    urls.append(f"/?p={post_id}")
    return list(dict.fromkeys(urls))
