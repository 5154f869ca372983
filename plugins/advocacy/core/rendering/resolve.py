"""Addresses in rendered pages: links to other pages, pictures, and files a page uses.

Works on the sanitised HTML, so it sees exactly the elements readers get, whether they were
written in Markdown or in HTML: an image after a code block, or inside a link, is just an
``<img>`` here. Relative addresses are resolved against the repository; a photo becomes a
``<picture>`` of its processed versions, a link to a photo points at its largest version, a
link to another page at that page's address. What cannot be published is reported.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from advocacy.core.media.images import ImageProblem, Processed
from advocacy.core.media.picture import picture_html
from advocacy.core.model.addresses import read, srcset_urls
from advocacy.core.reading.files import MediaRef

_TAG = re.compile(r"<(a|img|video|source|track)((?:\s[^>]*)?)>")
_ATTR = re.compile(r'([^\s="]+)(?:="([^"]*)")?')
_TEXT_TAG = re.compile(r"<[^>]*>")
URL_ATTRIBUTES = {
    "a": ("href",),
    "img": ("src", "srcset"),
    "video": ("poster",),
    "source": ("src", "srcset"),
    "track": ("src",),
}


@dataclass(frozen=True)
class Ref:
    """A file or page a rendered page uses, where, and how it is published."""

    kind: str  # picture, file, page, external, problem
    written: str  # the address as written
    element: str  # a, img, video, source, track
    path: str = ""  # repository path of the file (pictures, files) or page
    url: str = ""  # site-relative address it is published at
    problem: str = ""  # the message key of a problem
    values: dict[str, Any] = field(default_factory=dict, compare=False)
    before: str = ""  # reader's text before it (to find the line)
    alt: str = ""  # an image's alt text


@dataclass
class Media:
    """How the repository's files are published, as both the check and the build see it."""

    resolve: Callable[[str, str], MediaRef]  # (reference, from file) -> repository path
    page_url: Callable[[str], str | None]  # repository path of a Markdown page -> its address
    photo: Callable[[str], Processed | ImageProblem]  # photo -> its plan (or why not)
    file: Callable[[str], str | None]  # other file -> published name, None when refused
    docs_dir: str = "site_src"


def relative_url(target: str, page_url: str) -> str:
    """``target`` (site-relative) as seen from the page at ``page_url``."""
    base = page_url.rstrip("/") or "."
    rel = posixpath.relpath(target.rstrip("/") or ".", base)
    return rel + ("/" if target.endswith("/") and rel != "." else "") if rel != "." else "./"


def _quoted(url: str) -> str:
    return quote(url, safe="/#?=&%:;@+,-._~")


def _attrs(text: str) -> list[tuple[str, str | None]]:
    return [
        (m.group(1), html.unescape(m.group(2)) if m.group(2) is not None else None)
        for m in _ATTR.finditer(text)
    ]


def _tag(name: str, attrs: list[tuple[str, str | None]]) -> str:
    parts = [name] + [k if v is None else f'{k}="{html.escape(v)}"' for k, v in attrs]
    return "<" + " ".join(parts) + ">"


class Rewriter:
    """Resolves the addresses of one page (``file`` in the repository, at ``url``)."""

    def __init__(self, media: Media, file: str, url: str, eager_first: bool) -> None:
        self.media, self.file, self.url = media, file, url
        self.eager = eager_first
        self.refs: list[Ref] = []

    def _target(self, written: str, element: str, before: str) -> Ref:
        address = read(written)  # as the browser reads it (see model.addresses)
        if address.disguised:
            return Ref("problem", written, element, problem="link-broken", before=before)
        if not address.relative:
            return Ref("external", written, element, before=before)
        try:
            parts = urlsplit(address.text)
        except ValueError:
            return Ref("problem", written, element, problem="link-broken", before=before)
        if not parts.path:
            return Ref("anchor", written, element, before=before)
        path = unquote(parts.path)
        if path.endswith(".md"):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.file), path))
            url = self.media.page_url(target)
            if url is None:
                return Ref(
                    "problem", written, element, target, problem="link-broken", before=before
                )
            return Ref("page", written, element, target, url, before=before)
        found = self.media.resolve(path, self.file)
        if found.problem or not found.path:
            return Ref(
                "problem",
                written,
                element,
                found.path or "",
                problem=f"media-{found.problem or 'missing'}",
                values={"path": written},
                before=before,
            )
        if element in ("img", "a", "video"):
            plan = self.media.photo(found.path)
            if isinstance(plan, Processed):
                return Ref(
                    "picture",
                    written,
                    element,
                    found.path,
                    plan.fallback.name,
                    values={"plan": plan},
                    before=before,
                )
            if plan.key != "not-a-photo":
                return Ref(
                    "problem",
                    written,
                    element,
                    found.path,
                    problem=plan.key,
                    values={"path": written, **plan.values},
                    before=before,
                )
        name = self.media.file(found.path)
        if name is not None:
            return Ref("file", written, element, found.path, name, before=before)
        # Shown as a picture but not one (judged with the file itself), or linked to a file
        # that cannot be published.
        problem = "not-a-photo" if element == "img" else "file-refused"
        return Ref(
            "problem",
            written,
            element,
            found.path,
            problem=problem,
            values={"path": written},
            before=before,
        )

    def rewrite(self, clean: str) -> str:
        """The page with its addresses resolved and its photos as ``<picture>`` markup."""
        out: list[str] = []
        text: list[str] = []
        position = 0
        for match in _TAG.finditer(clean):
            chunk = clean[position : match.start()]
            out.append(chunk)
            text.append(html.unescape(_TEXT_TAG.sub(" ", chunk)))
            before = "".join(text)[-80:]
            position = match.end()
            out.append(self._element(match.group(1), _attrs(match.group(2)), before))
        out.append(clean[position:])
        return "".join(out)

    def _element(self, name: str, attrs: list[tuple[str, str | None]], before: str) -> str:
        values = dict(attrs)
        for attribute in URL_ATTRIBUTES[name]:
            written = values.get(attribute)
            if not written:
                continue
            if attribute == "srcset":  # candidate by candidate, each resolved like a src
                new = self._srcset(written, name, values, before)
                attrs = [(k, new if k == attribute else v) for k, v in attrs]
                continue
            ref = self._target(written, name, before)
            if name == "img":
                ref = replace(ref, alt=values.get("alt") or "")
            self.refs.append(ref)
            if ref.kind == "picture" and name == "img":
                eager, self.eager = self.eager, False
                return picture_html(
                    ref.values["plan"],
                    values.get("alt") or "",
                    lambda n: _quoted(relative_url(n, self.url)),
                    eager=eager,
                    title=values.get("title"),
                )
            if ref.kind in ("picture", "file", "page"):
                fragment = urlsplit(written.strip()).fragment
                new = _quoted(relative_url(ref.url, self.url)) + (
                    f"#{fragment}" if fragment else ""
                )
                attrs = [(k, new if k == attribute else v) for k, v in attrs]
        return _tag(name, attrs)

    def _srcset(self, value: str, name: str, values: dict[str, str | None], before: str) -> str:
        out, position = [], 0
        for url in srcset_urls(value):
            start = value.index(url, position)
            ref = self._target(url, name, before)
            if name == "img":  # its alt text is judged once, with its src when it has one
                ref = replace(ref, alt=values.get("alt") or ("-" if values.get("src") else ""))
            self.refs.append(ref)
            published = ref.kind in ("picture", "file", "page")
            new = _quoted(relative_url(ref.url, self.url)) if published else url
            out += [value[position:start], new]
            position = start + len(url)
        return "".join([*out, value[position:]])
