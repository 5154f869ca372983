"""Read the site's other Markdown pages (everything under ``docs_dir`` that is not a post).

They are published like posts, so they are read and checked like posts: front matter with
a schema of its own (MkDocs' and Material's keys with the kinds they expect), and the body
rendered and judged by the same rules.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from pathlib import Path
from typing import Any

from advocacy.core.model.entities import DocPage
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.site import Site
from advocacy.core.reading.documents import FRONT_MATTER, MKDOCS_FIELDS, TITLE, read_document
from advocacy.core.reading.schema import TYPE, Checker, Choice, Field, Invalid, Kind, Text

_TEMPLATE = re.compile(r"^[a-z0-9_-]+(?:/[a-z0-9_-]+)*\.html$")
_MULTIMARKDOWN = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*\S")  # MkDocs' META_RE, first line
# Templates a page may choose: Material's page and our home page (the others are ours to
# use, like the post and listing templates, or render nothing, like the cached one).
PAGE_TEMPLATES = ("main.html", "advocacy/home.html")


class Template(Kind):
    """A theme template by name (``advocacy/home.html``): no paths out, no odd names."""

    def parse(self, value: object, checker: Checker, path: tuple[str | int, ...]) -> str:
        text = str(value).strip() if isinstance(value, str) else ""
        # Only templates that always exist: one a site's custom_dir may or may not hold
        # would pass the check and stop the build (jinja2's TemplateNotFound).
        if not _TEMPLATE.match(text) or text not in PAGE_TEMPLATES:
            raise Invalid(TYPE, "bad-template", value=value, choices=", ".join(PAGE_TEMPLATES))
        return text


PAGE_FIELDS = (
    Field("title", TITLE, example='"Om os"'),
    Field("description", Text(high=300), example='"..."'),
    Field("template", Template(), example="advocacy/home.html"),
    Field("icon", Text(high=80), example="material/briefcase"),
    Field("status", Choice(("new", "deprecated")), example="new"),
    *MKDOCS_FIELDS,
)


def page_url(src_uri: str) -> str:
    """A page's address from its path below ``docs_dir`` (``use_directory_urls``, as MkDocs):
    ``index.md`` -> ``""``, ``write.md`` -> ``write/``, ``a/index.md`` -> ``a/``."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


# First folders of the site that hold files the build writes (the theme's and ours, the
# search index, the published media, the preview's list of findings): no page goes there.
RESERVED_FOLDERS = frozenset({"assets", "search", "media", "preview-findings"})
# Characters a file name below docs_dir may hold besides letters and digits (any script's:
# 'Julefrokost på lageret.md' is a fine name). A name becomes a page's address and, without
# a title, its title; it is printed in logs. No markup, no line breaks, nothing invisible.
NAME_CHARACTERS = frozenset("-_ ")


def name_problem(part: str, dots: bool = False) -> str | None:
    """The first character of ``part`` (a file or folder name, without ``.md``) that may not
    be in a name below docs_dir, shown visibly; None when the name is fine. ``dots`` allows
    '.' inside the name (posts: their address is made from the title's slug, not the name)."""
    if not part or part != part.strip(" "):
        return "' '" if part else "''"
    for index, char in enumerate(part):
        if char.isalnum() or char in NAME_CHARACTERS or (dots and char == "." and index):
            continue
        if index and unicodedata.category(char).startswith("M"):
            continue  # a combining accent (a name typed on a Mac: 'a' + ring above)
        return f"'{char}'" if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"
    return None


def suggest_name(part: str) -> str:
    """``part`` with the characters a name may not hold replaced by '-'."""
    kept = [c if name_problem(c) is None else "-" for c in part]
    return re.sub(r"-{2,}", "-", "".join(kept)).strip("- ") or "page"


def address_problem(
    site: Site, src_uri: str, post: bool = False
) -> tuple[str, dict[str, str]] | None:
    """Why a Markdown file at ``src_uri`` (below docs_dir) cannot be published there, as a
    message key and its values: a name with characters no name may have (``page-name``), or,
    for a page, an address the site uses for a page or a file of its own (``page-reserved``:
    the generated pages, in every language, and the folders the build writes into)."""
    parts = src_uri.split("/")
    parts[-1] = parts[-1].removesuffix(".md")
    for index, part in enumerate(parts):
        char = name_problem(part, dots=post and index == len(parts) - 1)
        if char is not None:
            return "page-name", {"name": part, "char": char, "suggestion": suggest_name(part)}
    if post:
        return None
    url = page_url(src_uri)
    first = url.split("/", 1)[0].lower()
    media = site.media_dir.strip("/").split("/", 1)[0].lower()
    language_home = url.count("/") == 1 and first in site.spoken  # en/: the site's to write
    if (
        first in RESERVED_FOLDERS
        or first == media
        or (
            not language_home
            and (site.generated(url + "index.md") or site.generated(url.lower() + "index.md"))
        )
    ):
        return "page-reserved", {"url": "/" + url}
    return None


def read_page(site: Site, path: Path, lang: str = "en") -> tuple[DocPage | None, list[Finding]]:
    """Read and check one page; the page is None when its front matter is unusable."""
    document, problems = read_document(site, path, lang, required=False)
    if document is None:
        return None, problems
    if document.doc is None and _MULTIMARKDOWN.match(document.parts.body):
        # MkDocs reads such lines as meta-data when there is no '---': fields the check
        # would not have validated.
        return None, [FRONT_MATTER.finding(lang, document.rel, 1, "front-matter-multimarkdown")]
    src_uri = document.rel.removeprefix(site.docs_dir.strip("/") + "/")
    values: dict[str, Any] = {}
    findings: list[Finding] = []
    if document.doc is not None:
        checker = Checker(document.rel, document.doc, lang)
        values = checker.check_mapping(document.doc.data, PAGE_FIELDS)
        findings = checker.findings
    page = DocPage(
        file=document.rel,
        src_uri=src_uri,
        url=page_url(src_uri),
        title=values.get("title"),
        description=values.get("description"),
        body=document.parts.body,
        body_line=document.parts.body_line,
        meta=dict(values),
        language=site.language,
        digest=hashlib.sha256(document.text.encode("utf-8")).hexdigest(),
        valid=not any(f.severity is Severity.ERROR for f in findings),
        meta_lines=document.doc,
    )
    return page, [*problems, *findings]
