"""Read a Hugo site: posts under ``content/posts|post|blog/**`` (page bundles included), front
matter in YAML, TOML or JSON, authors from the ``authors`` taxonomy with ``data/authors/`` or
``content/authors/<id>/_index.md``, and the configuration for addresses and the time zone."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from pathlib import Path
from typing import Any

from advocacy.core.importing.common import (
    Archive,
    ImportOptions,
    OldSite,
    OutsideSource,
    SourceAuthor,
    SourceError,
    SourcePost,
    as_list,
    author_from_record,
    confined,
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
    load_yaml_leniently,
    parse_when,
    read_front_matter,
    to_site_time,
)
from advocacy.core.importing.convert.markdown import file_body_to_markdown
from advocacy.core.importing.convert.templates import iframes_to_embeds, shortcodes_to_markdown
from advocacy.core.model.slugs import slugify

CONFIG_NAMES = (
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
)
SECTIONS = ("posts", "post", "blog")
SUFFIXES = (".md", ".markdown", ".html", ".htm")


def _lower_keys(data: Any) -> Any:
    """Hugo reads configuration and front matter keys case-insensitively."""
    if isinstance(data, dict):
        return {str(k).lower(): _lower_keys(v) for k, v in data.items()}
    return data


def _load(path: Path, source: Path) -> dict[str, Any]:
    """A data or configuration file (TOML, JSON or YAML) with lower-case keys."""
    text = read_text(path, source)[0]
    if path.suffix == ".toml":
        data: Any = tomllib.loads(text)
    elif path.suffix == ".json":
        data = json.loads(text)
    else:
        data = load_yaml_leniently(text)[0]
    return _lower_keys(data) if isinstance(data, dict) else {}


def hugo_config(source: Path) -> dict[str, Any] | None:
    """The site configuration (lower-case keys), or None when ``source`` has none."""
    for folder in (source, source / "config" / "_default"):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                try:
                    return _load(folder / name, source)
                except (OSError, ValueError, tomllib.TOMLDecodeError) as exc:
                    raise SourceError("source-unreadable", path=folder / name, error=exc) from None
    return None


def read_hugo(source: Path, options: ImportOptions) -> Archive:
    """Every post and author of the Hugo site in ``source``."""
    config = hugo_config(source)
    if config is None:
        raise SourceError("not-hugo", path=source)
    written = str(config.get("contentdir") or "content")
    try:  # contentDir: "../../somewhere" is never read
        content = confined(source, source / written)
    except OutsideSource:
        raise SourceError("content-outside", path=written, source=source) from None
    params = mapping(config, "params")
    names = list(dict.fromkeys([*SECTIONS, *as_list(params.get("mainsections"))]))
    sections = [content / n for n in names if _inside(content, content / n)]
    if not sections:
        raise SourceError("no-hugo-posts", path=source)
    zone = source_zone(config.get("timezone"), options.timezone)
    base = str(config.get("baseurl") or "")
    origin = re.match(r"^https?://[^/]+", base)
    origins = tuple(
        o.rstrip("/") for o in (origin.group() if origin else None, options.old_url) if o
    )
    base_path = base[origin.end() :] if origin else ""
    mounts = tuple(("/", source / d) for d in ("static", "assets") if (source / d).is_dir())
    archive = Archive("hugo", source, OldSite(source, origins, base_path, mounts))
    default_lang = language_code(config.get("defaultcontentlanguage") or config.get("languagecode"))
    archive.language = default_lang
    taxonomies = config.get("taxonomies") or {}
    author_keys = (
        [k for k, v in taxonomies.items() if "author" in str(v)]
        if isinstance(taxonomies, dict)
        else []
    )
    author_keys = list(dict.fromkeys([*author_keys, "authors", "author"]))
    archive.authors = _authors(source, content)
    context = {
        "config": config,
        "zone": zone,
        "default_lang": default_lang,
        "author_keys": author_keys,
        "options": options,
        "content": content,
    }
    for section in sections:
        for path in _pages(section):
            rel = path.relative_to(source).as_posix()
            bundle = path.stem.split(".")[0] == "index"
            post = SourcePost(source=rel, slug="", base=path.parent.relative_to(source).as_posix())
            try:
                _read_post(path, bundle, post, archive, context)
            except (
                OSError,
                ValueError,
                TypeError,
                KeyError,
                AttributeError,
                RecursionError,
                tomllib.TOMLDecodeError,
            ) as exc:
                post.error = failure(exc)
            archive.posts.append(post)
    return archive


def _inside(root: Path, folder: Path) -> bool:
    """Whether ``folder`` is a folder inside ``root``, reached without a symbolic link."""
    try:
        return confined(root, folder).is_dir()
    except OutsideSource:
        return False


def _pages(section: Path) -> list[Path]:
    """Content pages below ``section``: leaf bundles' ``index.*`` and single files; the
    other files of a bundle are its resources, and ``_index.*`` are list pages."""
    pages = []
    bundles = {p.parent for p in section.rglob("index.*") if p.suffix in SUFFIXES}
    for path in sorted(section.rglob("*")):
        if (
            not path.is_file()
            or path.suffix.lower() not in SUFFIXES
            or path.name.startswith(("_index.", "."))
        ):
            continue
        if path.stem.split(".")[0] == "index" or not any(b in path.parents for b in bundles):
            pages.append(path)
    return pages


def _authors(source: Path, content: Path) -> dict[str, SourceAuthor]:
    """Author records: ``data/authors/<id>.*``, ``data/authors.*`` and term pages."""
    found: dict[str, SourceAuthor] = {}
    folder = source / "data" / "authors"
    for path in sorted(folder.glob("*.*")) if folder.is_dir() else []:
        try:
            found[path.stem] = author_from_record(path.stem, _load(path, source))
        except (OSError, ValueError, tomllib.TOMLDecodeError):
            continue
    for path in sorted((source / "data").glob("authors.*")):
        try:
            for author_id, fields in _load(path, source).items():
                if isinstance(fields, dict):
                    found.setdefault(author_id, author_from_record(author_id, fields))
        except (OSError, ValueError, tomllib.TOMLDecodeError):
            continue
    for path in sorted((content / "authors").glob("*/_index.*")):
        try:
            front = read_front_matter(read_text(path, source)[0])
        except (OSError, ValueError, tomllib.TOMLDecodeError):
            continue
        author_id = path.parent.name
        found.setdefault(
            author_id, author_from_record(author_id, _lower_keys(front.data), front.body)
        )
    for author_id, author in found.items():
        author.slug = slugify(author_id)
    return found


def _urlize(text: str, lower: bool = True) -> str:
    """Hugo's path form of a name: spaces become hyphens, most punctuation goes."""
    text = re.sub(r"[^\w\s./~-]+", "", text).strip()
    text = re.sub(r"\s+", "-", text)
    return text.lower() if lower else text


def _read_post(
    path: Path, bundle: bool, post: SourcePost, archive: Archive, context: dict[str, Any]
) -> None:
    """Fill ``post`` from one content page (a single file or a bundle's index)."""
    options: ImportOptions = context["options"]
    config, zone = context["config"], context["zone"]
    text, legacy = read_text(path, archive.source)
    if legacy:
        post.note("not-utf8")
    front = read_front_matter(text)
    for repair in front.repairs:
        post.note("yaml-repaired", what=repair)
    data = _lower_keys(front.data)
    name = path.parent.name if bundle else path.stem.split(".")[0]
    parts = path.stem.split(".")
    file_lang = parts[-1] if len(parts) > 1 and re.fullmatch(r"[a-z]{2}", parts[-1]) else None
    post.language = language_code(data.get("lang") or data.get("language")) or file_lang
    post.slug = (
        slugify(str(data.get("slug") or name)) or slugify(str(data.get("title") or "")) or "post"
    )
    raw_date = None
    for key in ("publishdate", "pubdate", "published", "date"):
        if data.get(key) is not None:
            raw_date = parse_when(data[key])
            if raw_date is None:
                post.note("date-unreadable", value=data[key])
            else:
                break
    if raw_date is None:
        raw_date = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        post.note("date-from-file-time")
    post.date = to_site_time(raw_date, zone, options.timezone)
    post.title = first_text(data, "title") or name.replace("-", " ").capitalize()
    if not first_text(data, "title"):
        post.note("title-from-file-name")
    for key in context["author_keys"]:
        post.authors += [a for a in as_list(data.get(key)) if a not in post.authors]
    post.authors = list(dict.fromkeys(resolve_author(archive, a) for a in post.authors))
    post.descriptions = [
        d for d in (first_text(data, k) for k in ("description", "summary", "subtitle")) if d
    ]
    post.categories = as_list(data.get("categories"))
    post.tags = as_list(data.get("tags"))
    post.draft = data.get("draft") is True
    expiry = parse_when(data.get("expirydate") or data.get("unpublishdate"))
    if expiry:
        local = to_site_time(expiry, zone, options.timezone)
        post.expires = local.date() if isinstance(local, dt.datetime) else local
    post.image, post.image_alt = _image(data)
    rel = path.relative_to(context["content"]).with_suffix("").as_posix()
    rel = re.sub(r"/index(\.[a-z]{2})?$", "", re.sub(r"\.[a-z]{2}$", "", rel))
    post.keys = list(dict.fromkeys(f"hugo:{k}" for k in (rel, rel.split("/", 1)[-1], name)))
    if not post.draft:
        post.old_urls = _old_urls(data, config, options, rel, name, post, raw_date, zone)
    body = iframes_to_embeds(shortcodes_to_markdown(front.body, post), post)
    post.body, kept = file_body_to_markdown(body, path.suffix)
    for tag in kept:
        post.note("html-kept", tag=tag)


def _image(data: dict[str, Any]) -> tuple[str | None, str | None]:
    """The cover: ``images[0]``, ``image``, ``featured_image``, ``cover.image`` and so on."""
    cover = mapping(data, "cover")
    alt = first_text(data, "image_alt", "imagealt", "alt") or first_text(cover, "alt")
    images = as_list(data.get("images"))
    for value in (
        images[0] if images else None,
        first_text(data, "image", "featured_image", "featuredimage", "feature_image", "thumbnail"),
        first_text(cover, "image"),
    ):
        if value:
            return value, alt
    return None, alt


def _old_urls(
    data: dict[str, Any],
    config: dict[str, Any],
    options: ImportOptions,
    rel: str,
    name: str,
    post: SourcePost,
    when: dt.date,
    zone: dt.tzinfo,
) -> list[str]:
    """The page's old address (``url``, the section's permalink, or its path) and aliases."""
    lower = not config.get("disablepathtolower")
    section = rel.split("/", 1)[0]
    slug = str(data.get("slug") or "") or None
    found = config.get("permalinks")
    permalinks: dict[str, Any] = found if isinstance(found, dict) else {}
    if isinstance(permalinks.get("page"), dict):
        permalinks = permalinks["page"]
    pattern = options.permalink or permalinks.get(section)
    local = to_site_time(when, zone, zone)
    if data.get("url"):
        url = "/" + str(data["url"]).lstrip("/")
    elif pattern:
        values = {
            "year": f"{local.year:04d}",
            "month": f"{local.month:02d}",
            "day": f"{local.day:02d}",
            "monthname": f"{local:%B}".lower(),
            "section": section,
            "sections": "/".join(rel.split("/")[:-1]),
            "title": _urlize(post.title or name, lower),
            "slug": _urlize(slug or post.title or name, lower),
            "filename": name,
            "contentbasename": name,
            "slugorfilename": _urlize(slug or name, lower),
            "slugorcontentbasename": _urlize(slug or name, lower),
        }
        names = "|".join(sorted(values, key=len, reverse=True))
        url = join_url(re.sub(rf":({names})\b", lambda m: values[m.group(1)], str(pattern)))
        url = url if str(pattern).endswith("/") else url.rstrip("/")
    else:
        folders = rel.split("/")[:-1]
        url = join_url(*[_urlize(f, lower) for f in folders], _urlize(slug or name, lower) + "/")
        if config.get("uglyurls"):
            url = url.rstrip("/") + ".html"
    # A multilingual site serves other languages below /<lang>/ (and the default language
    # too with defaultContentLanguageInSubdir).
    default_lang = language_code(config.get("defaultcontentlanguage")) or "en"
    multilingual = isinstance(config.get("languages"), dict)
    if post.language and post.language != default_lang and multilingual:
        url = join_url(post.language, url) if url.endswith("/") else f"/{post.language}{url}"
    elif config.get("defaultcontentlanguageinsubdir"):
        url = join_url(default_lang, url)
    urls = [url]
    for alias in as_list(data.get("aliases")):
        # Hugo writes an alias as <alias>/index.html, so it answers with the trailing slash;
        # one without a leading slash lives in the page's section.
        alias = alias if alias.startswith("/") else join_url(section, alias)
        urls.append(alias if re.search(r"\.html?$|/$", alias) else alias + "/")
    return list(dict.fromkeys(urls))
