"""Read a Jekyll site: ``_posts/`` (also ``<category>/_posts/``), ``_drafts/``, authors from
``_authors/`` or ``_data/authors.yml``, and ``_config.yml`` for addresses and the time zone."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from advocacy.core.importing.common import (
    Archive,
    ImportOptions,
    Note,
    OldSite,
    SourceAuthor,
    SourceError,
    SourcePost,
    as_list,
    author_from_record,
    failure,
    first_text,
    join_url,
    language_code,
    mapping,
    read_text,
    resolve_author,
    source_zone,
)
from advocacy.core.importing.convert.frontmatter import (
    date_from_name,
    load_yaml_leniently,
    parse_when,
    read_front_matter,
    to_site_time,
)
from advocacy.core.importing.convert.markdown import file_body_to_markdown
from advocacy.core.importing.convert.templates import iframes_to_embeds, liquid_to_markdown
from advocacy.core.model.slugs import slugify

POST_SUFFIXES = (".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".html", ".htm")
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
IMAGE_KEYS = ("image", "cover_image", "featured_image", "feature_image", "thumbnail", "cover")


def is_jekyll(source: Path) -> bool:
    """A folder with ``_posts/`` (or ``_config.yml`` and ``_drafts/``)."""
    return source.is_dir() and (
        any(source.glob("_posts"))
        or any(source.glob("*/_posts"))
        or ((source / "_config.yml").is_file() and (source / "_drafts").is_dir())
    )


def read_jekyll(source: Path, options: ImportOptions) -> Archive:
    """Every post, draft and author of the Jekyll site in ``source``."""
    if not is_jekyll(source):
        raise SourceError("not-jekyll", path=source)
    config = _config(source)
    zone = source_zone(config.get("timezone"), options.timezone)
    origins = tuple(
        u.rstrip("/")
        for u in (config.get("url"), options.old_url)
        if isinstance(u, str) and u.startswith("http")
    )
    baseurl = str(config.get("baseurl") or "")
    site = OldSite(source, origins, baseurl, (("/", source),))
    archive = Archive(
        "jekyll",
        source,
        site,
        language=language_code(
            config.get("lang") or config.get("language") or config.get("locale")
        ),
    )
    archive.authors = _authors(source, archive)
    permalink = options.permalink or str(config.get("permalink") or "date")
    permalink = STYLES.get(permalink, permalink)
    folders = sorted(p for p in [source / "_posts", *source.glob("*/_posts")] if p.is_dir())
    files = [(path, folder, False) for folder in folders for path in sorted(folder.rglob("*"))]
    drafts = source / "_drafts"
    files += [(path, drafts, True) for path in sorted(drafts.rglob("*"))] if drafts.is_dir() else []
    for path, folder, draft in files:
        if (
            not path.is_file()
            or path.suffix.lower() not in POST_SUFFIXES
            or path.name.startswith((".", "_"))
        ):
            continue
        rel = path.relative_to(source).as_posix()
        post = SourcePost(source=rel, slug="", base=path.parent.relative_to(source).as_posix())
        try:
            _read_post(path, folder, draft, post, archive, config, zone, options, permalink)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            post.error = failure(exc)
        archive.posts.append(post)
    return archive


def _config(source: Path) -> dict[str, Any]:
    """``_config.yml`` as a mapping (empty when there is none)."""
    for name in ("_config.yml", "_config.yaml"):
        path = source / name
        if path.is_file():
            try:
                data, _ = load_yaml_leniently(read_text(path, source)[0])
            except (OSError, ValueError) as exc:
                raise SourceError("source-unreadable", path=path, error=exc) from None
            return data if isinstance(data, dict) else {}
    return {}


def _authors(source: Path, archive: Archive) -> dict[str, SourceAuthor]:
    """Authors from ``_authors/<id>.md`` (front matter; the body is the bio) and from
    ``_data/authors.yml`` (a mapping of id to fields, or a list)."""
    found: dict[str, SourceAuthor] = {}
    folder = source / "_authors"
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix.lower() not in POST_SUFFIXES:
            continue
        try:
            front = read_front_matter(read_text(path, source)[0])
        except (OSError, ValueError) as exc:
            archive.notes.append(Note.of("author-unreadable", file=path.name, error=exc))
            continue
        author = author_from_record(path.stem, front.data, front.body)
        found[path.stem] = author
    for name in ("authors.yml", "authors.yaml", "team.yml"):
        path = source / "_data" / name
        if not path.is_file():
            continue
        try:
            data, _ = load_yaml_leniently(read_text(path, source)[0])
        except (OSError, ValueError) as exc:
            archive.notes.append(Note.of("author-unreadable", file=f"_data/{name}", error=exc))
            continue
        items = (
            data.items()
            if isinstance(data, dict)
            else (
                (first_text(d, "id", "key", "slug", "short_name", "username", "name") or "", d)
                for d in data or []
                if isinstance(d, dict)
            )
        )
        for author_id, fields in items:
            if author_id and isinstance(fields, dict) and str(author_id) not in found:
                found[str(author_id)] = author_from_record(str(author_id), fields)
    for author_id, author in found.items():
        author.slug = slugify(author_id)
    return found


def _read_post(
    path: Path,
    folder: Path,
    draft: bool,
    post: SourcePost,
    archive: Archive,
    config: dict[str, Any],
    zone: dt.tzinfo,
    options: ImportOptions,
    permalink: str,
) -> None:
    """Fill ``post`` from one file of ``_posts/`` or ``_drafts/``."""
    text, legacy = read_text(path, archive.source)
    if legacy:
        post.note("not-utf8")
    front = read_front_matter(text)
    for repair in front.repairs:
        post.note("yaml-repaired", what=repair)
    data = front.data
    name_date = date_from_name(path.name)
    stem = path.stem
    name_slug = re.sub(r"^\d{4}-\d{1,2}-\d{1,2}-", "", stem) if name_date else stem
    post.slug = (
        slugify(str(data.get("slug") or name_slug))
        or slugify(str(data.get("title") or ""))
        or "post"
    )
    when = parse_when(data.get("date"))
    if data.get("date") is not None and when is None:
        post.note("date-unreadable", value=data.get("date"))
    when = when or name_date
    if when is None:
        when = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        post.note("date-from-file-time")
    post.date = to_site_time(when, zone, options.timezone)
    post.title = first_text(data, "title")
    if not post.title:
        post.title = " ".join(w.capitalize() for w in name_slug.replace("_", "-").split("-"))
        post.note("title-from-file-name")
    post.authors = (
        as_list(data.get("authors"))
        or as_list(data.get("author"))
        or ([named] if (named := first_text(mapping(data, "author"), "name", "id")) else [])
    )
    post.authors = list(dict.fromkeys(resolve_author(archive, a) for a in post.authors))
    post.descriptions = [
        d
        for d in (first_text(data, k) for k in ("description", "excerpt", "summary", "subtitle"))
        if d
    ]
    categories = as_list(data.get("categories"), split=True) + as_list(data.get("category"))
    # Folders above _posts/ are categories too (news/_posts/ -> "news").
    above = folder.parent.relative_to(archive.source).parts
    post.categories = list(dict.fromkeys([*above, *categories]))
    post.tags = as_list(data.get("tags"), split=True) + as_list(data.get("tag"))
    post.language = language_code(data.get("lang") or data.get("language") or data.get("locale"))
    post.draft = draft or data.get("published") is False
    expiry = parse_when(
        data.get("expires")
        or data.get("expiry_date")
        or data.get("expiry")
        or data.get("expiration")
    )
    post.expires = to_site_time(expiry, zone, options.timezone) if expiry else None
    if isinstance(post.expires, dt.datetime):
        post.expires = post.expires.date()
    image, alt = _image(data)
    post.image = liquid_to_markdown(image, post, data, config).strip() if image else None
    post.image_alt = alt
    under_posts = path.relative_to(folder).with_suffix("").as_posix()
    post.keys = list(dict.fromkeys([f"post:{stem}", f"post:{under_posts}"]))
    if not post.draft:
        url_date = to_site_time(when, zone, zone)
        post.old_urls = _old_urls(
            data, permalink, url_date, name_slug, post.categories, path.suffix
        )
    body = iframes_to_embeds(liquid_to_markdown(front.body, post, data, config), post)
    post.body, kept = file_body_to_markdown(body, path.suffix)
    for tag in kept:
        post.note("html-kept", tag=tag)


def _image(data: dict[str, Any]) -> tuple[str | None, str | None]:
    """The cover picture and its alt text, from the fields common themes use."""
    alt = first_text(data, "image_alt", "image_accessibility", "image_description", "alt")
    for key in IMAGE_KEYS:
        value = data.get(key)
        if isinstance(value, dict):
            alt = alt or first_text(value, "alt", "alt_text", "description")
            value = first_text(value, "path", "url", "src", "feature", "image")
        if isinstance(value, str) and value.strip():
            return value.strip(), alt
    header = data.get("header")
    if isinstance(header, dict):
        value = first_text(header, "image", "overlay_image", "teaser")
        if value:
            return value, alt or first_text(header, "image_description", "caption")
    return None, alt


def _old_urls(
    data: dict[str, Any],
    permalink: str,
    when: dt.date,
    name_slug: str,
    categories: list[str],
    suffix: str,
) -> list[str]:
    """The addresses the post had: its permalink, and ``redirect_from`` entries."""
    template = str(data.get("permalink") or permalink)
    title = re.sub(r"[^\w.~!$&'()+,;=@-]+", "-", str(data.get("slug") or name_slug)).strip("-")
    hour = when if isinstance(when, dt.datetime) else dt.datetime(when.year, when.month, when.day)
    values = {
        "year": f"{when.year:04d}",
        "month": f"{when.month:02d}",
        "i_month": str(when.month),
        "day": f"{when.day:02d}",
        "i_day": str(when.day),
        "short_year": f"{when.year % 100:02d}",
        "y_day": f"{when.timetuple().tm_yday:03d}",
        "hour": f"{hour.hour:02d}",
        "minute": f"{hour.minute:02d}",
        "second": f"{hour.second:02d}",
        "week": f"{when.isocalendar()[1]:02d}",
        "short_day": f"{when:%a}",
        "title": title,
        "slug": slugify(str(data.get("slug") or name_slug)),
        "categories": "/".join(dict.fromkeys(c.lower() for c in categories)),
        "output_ext": ".html" if suffix.lower() in POST_SUFFIXES else suffix,
    }
    names = "|".join(sorted(values, key=len, reverse=True))
    url = re.sub(rf":({names})\b", lambda m: values[m.group(1)], template)
    urls = [join_url(url) if url.endswith("/") else re.sub(r"/{2,}", "/", "/" + url.lstrip("/"))]
    urls += [("/" + u.lstrip("/")) for u in as_list(data.get("redirect_from"))]
    return list(dict.fromkeys(urls))
