"""Find what an attacker could have put into a built site: a scanner for every output file.

:func:`find_payloads` reads every file of a built site (pages, feeds, the search index,
JSON-LD, sitemaps, SVG and anything else that landed there) and returns one readable line
per problem, ``"blog/2026/11/20/x/index.html: <img onerror=...>"``. It knows the site's own
markup (Material's scripts, taken from Material's installed templates; our own script files;
the avatar's ``--size`` custom property) and reports everything else that can run script,
change the page's behaviour, or make the reader's browser ask another host for something.

Each HTML text is read three ways, because an attacker aims at the differences between
parsers:

1. BeautifulSoup with Python's ``html.parser``;
2. BeautifulSoup with lxml (libxml2), when installed;
3. a raw scan that tokenises a tag *wherever* a browser might start one (inside comments,
   CDATA, ``<noscript>``, ``<textarea>``, attribute values): ``<!-->``, ``--!>``,
   ``<![CDATA[ ><img ...>`` and ``<noscript><p title="</noscript><img ...>">`` hide from a
   tree parser but not from a browser.

:func:`assert_no_script_runs` then loads pages in Chromium (``/usr/bin/chromium`` through
Playwright, as ``tests/browser/test_browser.py`` does) and fails on a dialog, a console
message or a ``window.PWNED`` flag left by a corpus payload, or a request to another host.
"""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import json
import os
import re
import threading
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag, XMLParsedAsHTMLWarning

# -- what counts as the site's own -----------------------------------------------------------

DEFAULT_HOSTS = ("careers.example.com",)
OWN_SCRIPT_DIRS = ("assets/javascripts/", "assets/advocacy/")
# Elements that must never be in a page, whoever wrote them (the search form is Material's
# and is allowed below; every other form is reported).
FORBIDDEN_TAGS = frozenset(
    {
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "base",
        "portal",
        "fencedframe",
        "foreignobject",
        "isindex",
        "xmp",
        "plaintext",
        "noembed",
        "noframes",
    }
)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "srcset",
        "imagesrcset",
        "poster",
        "data",
        "action",
        "formaction",
        "xlink:href",
        "background",
        "cite",
        "ping",
        "longdesc",
        "lowsrc",
        "dynsrc",
        "codebase",
        "archive",
        "manifest",
        "profile",
        "usemap",
        "icon",
        "itemtype",
    }
)
# Attributes whose URL the browser fetches by itself when the page loads, plays, or (ping)
# when a link is followed.
LOADING_ATTRIBUTES = frozenset(
    {
        "src",
        "srcset",
        "imagesrcset",
        "poster",
        "data",
        "background",
        "lowsrc",
        "dynsrc",
        "codebase",
        "archive",
        "manifest",
        "xlink:href",
        "ping",
    }
)
# <link rel=...> values whose href the browser fetches.
LOADING_RELS = frozenset(
    {
        "stylesheet",
        "preload",
        "prefetch",
        "modulepreload",
        "icon",
        "apple-touch-icon",
        "manifest",
        "import",
        "preconnect",
        "dns-prefetch",
        "prerender",
        "shortcut",
    }
)
UNSAFE_SCHEMES = ("javascript", "vbscript", "data", "livescript", "mocha", "mhtml", "jar")
# The avatar frame: `<span class="adv-avatar-frame" style="--size: 48px">`. Only custom
# properties with a plain length are accepted; anything else in a style attribute is reported.
OWN_STYLE = re.compile(r"^\s*(?:--[a-z][a-z0-9-]*\s*:\s*\d+(?:\.\d+)?(?:px|rem|em|%)?\s*;?\s*)+$")
# Files that are sources, originals or secrets, never output.
SOURCE_SUFFIXES = frozenset(
    {
        ".md",
        ".yml",
        ".yaml",
        ".pickle",
        ".pkl",
        ".py",
        ".sh",
        ".env",
        ".heic",
        ".heif",
        ".jfif",
        ".tif",
        ".tiff",
        ".psd",
        ".raw",
        ".dng",
        ".cr2",
        ".nef",
        ".vtt~",
        ".orig",
        ".bak",
    }
)
SCRIPT_SUFFIXES = frozenset({".js", ".mjs", ".cjs", ".wasm"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
XML_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
# Feed and sitemap elements whose text is an address, not HTML.
XML_URL_ELEMENTS = frozenset(
    {"link", "url", "guid", "loc", "id", "icon", "logo", "uri", "docs", "comments", "href"}
)
JSON_URL_KEYS = frozenset(
    {
        "url",
        "external_url",
        "image",
        "banner_image",
        "avatar",
        "icon",
        "favicon",
        "feed_url",
        "home_page_url",
        "next_url",
        "location",
        "@id",
        "sameas",
        "logo",
        "thumbnailurl",
        "contenturl",
        "embedurl",
        "mainentityofpage",
    }
)
JSON_LOADING_KEYS = frozenset({"image", "banner_image", "avatar", "icon", "favicon"})
JSON_HTML_KEYS = frozenset(
    {
        "content_html",
        "summary",
        "title",
        "text",
        "description",
        "name",
        "headline",
        "articlebody",
        "alternativeheadline",
        "jobtitle",
    }
)

_WS_CTRL = re.compile(r"[\x00-\x20\x7f]+")
_TAB_NL = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_RAW_TAG = re.compile(r"<([a-zA-Z][^\t\n\f\r />]*)")
_MATERIAL_EXPR = re.compile(r"\{\{.*?\}\}")


# -- URLs as a browser reads them -----------------------------------------------------------


def normalise_url(value: str) -> str:
    """``value`` as a browser's URL parser sees it: entities decoded once more, leading and
    trailing controls and spaces dropped, tabs and newlines removed everywhere, backslashes
    read as slashes (as browsers do for http and https)."""
    text = html.unescape(value)
    text = text.strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12"
        "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    text = _TAB_NL.sub("", text)
    return text.replace("\\", "/")


def url_scheme(value: str) -> str | None:
    """The case-folded scheme of ``value`` once normalised (``None`` for a relative URL)."""
    match = _SCHEME.match(normalise_url(value))
    return match.group(1).casefold() if match else None


def unsafe_scheme(value: str) -> str | None:
    """``javascript``, ``data`` ... when ``value`` would use such a scheme, else ``None``."""
    scheme = url_scheme(value)
    if scheme in UNSAFE_SCHEMES:
        return scheme
    # A scheme a browser would still recognise after dropping controls inside it (some
    # consumers do: feed readers, old browsers): 'java\x00script:' is reported too.
    squeezed = _WS_CTRL.sub("", html.unescape(value)).casefold()
    return next((s for s in UNSAFE_SCHEMES if squeezed.startswith(s + ":")), None)


def url_host(value: str, base: str = "https://site.invalid/") -> str | None:
    """The host ``value`` loads from (lower case, no trailing dot, IDNA decoded), or ``None``
    for a URL without one (relative, ``mailto:``)."""
    text = normalise_url(value)
    try:
        parts = urlsplit(urljoin(base, text))
    except ValueError:
        return "unparseable"
    host = parts.hostname
    if not host:
        return None
    host = host.rstrip(".")
    with contextlib.suppress(UnicodeError):
        # Browsers map full-width letters and ideographic dots to ASCII (UTS #46).
        host = host.encode("idna").decode("ascii")
    return host.casefold()


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` (each candidate is ``URL [descriptor]``, comma-separated)."""
    out = []
    for candidate in value.split(","):
        words = candidate.strip().split()
        if words:
            out.append(words[0])
    return out


# -- Material's own inline scripts, read from its installed templates -----------------------


@functools.lru_cache(maxsize=1)
def material_inline_scripts() -> tuple[re.Pattern[str], ...]:
    """Patterns for the inline scripts Material's templates write (``{{ ... }}`` may only be
    a relative path), from ``material/templates/partials/javascripts/*.html``."""
    try:
        import material
    except ImportError:  # pragma: no cover - Material is a dependency
        return ()
    folder = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    patterns = []
    for template in sorted(folder.glob("*.html")):
        for body in re.findall(r"<script>(.*?)</script>", template.read_text("utf-8"), re.S):
            parts = _MATERIAL_EXPR.split(body)
            pattern = r"[A-Za-z0-9./_:-]*".join(re.escape(p) for p in parts)
            patterns.append(re.compile(pattern))
    return tuple(patterns)


def _own_inline_script(text: str) -> bool:
    text = text.strip()
    return any(p.fullmatch(text) for p in material_inline_scripts())


# -- the report --------------------------------------------------------------------------------


@dataclass
class _Report:
    """Findings of one file, without repeats (three parsers often find the same thing)."""

    rel: str
    hosts: tuple[str, ...]
    page_url: str
    lines: list[str] = field(default_factory=list)
    keys: set[tuple[str, str]] = field(default_factory=set)  # (kind, name) found so far
    order: list[tuple[str, str] | None] = field(default_factory=list)  # the key of each line

    def add(self, what: str, key: tuple[str, str] | None = None) -> None:
        line = f"{self.rel}: {what}"
        if line not in self.lines:
            self.lines.append(line)
            self.order.append(key)
        if key:
            self.keys.add(key)

    def sub(self) -> _Report:
        """An empty report for the same file (to merge the findings of another reading)."""
        return _Report(self.rel, self.hosts, self.page_url)

    def other_host(self, value: str) -> str | None:
        host = url_host(value, self.page_url)
        return host if host and host not in self.hosts else None


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _tag_repr(tag: Tag) -> str:
    attrs = " ".join(
        f"{k}={_short(' '.join(v) if isinstance(v, list) else v, 40)!r}"
        for k, v in tag.attrs.items()
    )
    return f"<{tag.name}{' ' + attrs if attrs else ''}>"


def _check_url(report: _Report, where: str, name: str, value: str, loads: bool) -> None:
    urls = srcset_urls(value) if name.endswith("srcset") else [value]
    for url in urls:
        scheme = unsafe_scheme(url)
        if scheme:
            report.add(f"{where} {name}={_short(value)!r} uses a {scheme}: URL")
        elif loads:
            host = report.other_host(url)
            if host:
                report.add(f"{where} {name}={_short(value)!r} loads from another host ({host})")


def _own_script_src(report: _Report, src: str) -> bool:
    """Whether ``src`` is one of the site's own script files."""
    url = normalise_url(src)
    if report.other_host(url) or url_scheme(url) not in (None, "http", "https"):
        return False
    return urlsplit(urljoin(report.page_url, url)).path.lstrip("/").startswith(OWN_SCRIPT_DIRS)


def _script_allowed(tag: Tag, report: _Report) -> str | None:
    """None when a <script> is the site's own; else why it is not."""
    kind = str(tag.get("type") or "").strip().lower()
    src = tag.get("src")
    text = tag.string if tag.string is not None else tag.get_text()
    if src is not None:
        url = normalise_url(str(src))
        if report.other_host(url):
            return "a script from another host"
        path = urlsplit(urljoin(report.page_url, url)).path.lstrip("/")
        if kind not in ("", "text/javascript", "module") or text.strip():
            return "an external script with a type or content of its own"
        if not path.startswith(OWN_SCRIPT_DIRS):
            return "a script file outside assets/javascripts/ and assets/advocacy/"
        return None
    if kind in ("application/ld+json", "application/json"):
        if "<" in text:
            return f"{kind} that contains '<'"
        try:
            data = json.loads(text)
        except ValueError:
            return f"{kind} that is not valid JSON"
        if kind == "application/json" and tag.get("id") != "__config":
            return "an application/json block other than Material's __config"
        _scan_json_value(report, "JSON-LD" if "ld" in kind else "__config", data)
        return None
    if kind in ("", "text/javascript", "module", "application/javascript") and _own_inline_script(
        text
    ):
        return None
    return "an inline script that is not one of Material's"


def _scan_tag(report: _Report, tag: Tag) -> None:
    """Report one element of a parsed tree: a tag, its attributes, its URLs."""
    name = tag.name.lower()
    where = f"<{name}>"
    if name == "script":
        why = _script_allowed(tag, report)
        if why:
            report.add(f"{why}: {_short(str(tag), 120)}", ("tag", "script"))
    elif name in FORBIDDEN_TAGS:
        if not (name == "form" and _material_search_form(tag)):
            report.add(f"forbidden element {_tag_repr(tag)}", ("tag", name))
    elif name == "meta" and tag.get("http-equiv") is not None:
        report.add(f"<meta http-equiv> {_tag_repr(tag)}", ("tag", "meta"))
    elif name == "style":
        css = tag.get_text()
        if re.search(r"url\s*\(|@import|expression\s*\(|javascript:|behavior\s*:", css, re.I):
            report.add(f"<style> that loads or runs something: {_short(css)}", ("tag", "style"))
    elif name == "link":
        rel = tag.get("rel") or []
        rels = {str(r).lower() for r in (rel if isinstance(rel, list) else str(rel).split())}
        if rels & LOADING_RELS and tag.get("href"):
            host = report.other_host(str(tag["href"]))
            if host:
                report.add(
                    f"<link rel={' '.join(sorted(rels))}> loads from another host "
                    f"({host}): {_short(str(tag['href']))}",
                    ("host", "link"),
                )
    elif name in ("set", "animate", "animatemotion", "animatetransform"):
        target = str(tag.get("attributename") or tag.get("attributeName") or "").lower()
        if target in ("href", "xlink:href"):
            report.add(f"SVG {_tag_repr(tag)} animates a link target", ("tag", name))
    for attr, raw in tag.attrs.items():
        attr_l = attr.lower()
        value = " ".join(raw) if isinstance(raw, list) else str(raw)
        if attr_l.startswith("on"):
            report.add(
                f"event handler {attr_l}= on {where}: {_short(value)!r}", ("handler", attr_l)
            )
        elif attr_l == "style" and not OWN_STYLE.match(value):
            report.add(f"style attribute on {where}: {_short(value)!r}", ("style", name))
        elif attr_l == "srcdoc":
            report.add(f"srcdoc attribute on {where}", ("tag", name))
        if attr_l in URL_ATTRIBUTES or attr_l.endswith(":href"):
            loads = attr_l in LOADING_ATTRIBUTES or (
                attr_l == "href" and name in ("image", "use", "feimage")
            )
            _check_url(report, where, attr_l, value, loads)
        elif (
            attr_l in ("to", "values", "from", "by")
            and name in ("set", "animate")
            and unsafe_scheme(value)
        ):
            report.add(
                f"SVG {where} {attr_l}={_short(value)!r} sets an unsafe URL", ("url", attr_l)
            )


def _material_search_form(tag: Tag) -> bool:
    """Material's search box: ``<form class="md-search__form" name="search">``, no action."""
    classes = tag.get("class") or []
    return (
        list(classes) == ["md-search__form"]
        and tag.get("name") == "search"
        and not any(a in tag.attrs for a in ("action", "method", "target"))
    )


def _lxml_available() -> bool:
    try:
        import lxml  # noqa: F401
    except ImportError:  # pragma: no cover - lxml is optional
        return False
    return True


_SCRIPT_ELEMENT = re.compile(r"(<script\b[^>]*>)(.*?)(</script\s*>)", re.S | re.I)


def _drop_own_scripts(text: str) -> str:
    """The text with the bodies of the site's own inline scripts and JSON blanked: Material's
    scripts hold '<<', and the tree parsers judge JSON blocks."""

    def blank(match: re.Match[str]) -> str:
        opening, body = match.group(1), match.group(2)
        if _own_inline_script(body) or re.search(r"application/(?:ld\+)?json", opening, re.I):
            return opening + " " * len(body) + match.group(3)
        return match.group(0)

    return _SCRIPT_ELEMENT.sub(blank, text)


def _raw_scan(report: _Report, text: str) -> None:
    """Tokenise a tag at every '<letter', as a browser in its data state would, anywhere in
    the text (comments, CDATA, raw-text elements, attribute values included). Adds only what
    the tree parsers did not already report."""
    text = _drop_own_scripts(text)
    for match in _RAW_TAG.finditer(text):
        name = match.group(1).lower()
        end = _tag_end(text, match.end())
        chunk = text[match.start() : end]
        attrs = _raw_attributes(chunk[len(match.group(0)) :])
        if name == "script" and "src" not in attrs:
            body = text[end : end + 2000].split("</", 1)[0]
            if body.strip() and ("tag", "script") not in report.keys:
                report.add(
                    f"raw scan: an inline <script> {_short(chunk + body)!r}", ("tag", "script")
                )
            continue
        if name == "script":
            if not _own_script_src(report, attrs["src"]) and ("tag", name) not in report.keys:
                report.add(f"raw scan: <script> from elsewhere in {_short(chunk)!r}", ("tag", name))
            continue
        if name in FORBIDDEN_TAGS - {"form"} and ("tag", name) not in report.keys:
            report.add(f"raw scan: <{name}> in {_short(chunk)!r}", ("tag", name))
        if name == "meta" and "http-equiv" in attrs and ("tag", "meta") not in report.keys:
            report.add(f"raw scan: <meta http-equiv> in {_short(chunk)!r}", ("tag", "meta"))
        for attr, value in attrs.items():
            if attr.startswith("on") and len(attr) > 2 and ("handler", attr) not in report.keys:
                report.add(
                    f"raw scan: event handler {attr}= in {_short(chunk)!r}", ("handler", attr)
                )
            elif (
                attr
                in ("href", "src", "xlink:href", "action", "formaction", "data", "poster", "srcdoc")
                and unsafe_scheme(value)
                and ("url", attr) not in report.keys
            ):
                report.add(
                    f"raw scan: {attr} with an unsafe URL in {_short(chunk)!r}", ("url", attr)
                )


def _tag_end(text: str, start: int) -> int:
    """Where a tag that starts before ``start`` ends: the first '>' outside quoted values."""
    quote = None
    index = start
    limit = min(len(text), start + 4000)
    while index < limit:
        char = text[index]
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'" and text[index - 1] == "=":
            quote = char
        elif char == ">":
            return index + 1
        index += 1
    return index


_RAW_ATTR = re.compile(r"""[\s/]*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?""")


def _raw_attributes(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for match in _RAW_ATTR.finditer(text):
        name = match.group(1).lower()
        value = next((g for g in match.groups()[1:] if g is not None), "")
        out.setdefault(name, html.unescape(value))
    return out


def scan_html(report: _Report, text: str, fragment: bool = False) -> None:
    """Everything dangerous in one HTML text (a page, or a fragment from a feed or index):
    html.parser's tree, then what lxml's tree adds, then what the raw scan adds."""
    seen_ids: dict[str, int] = {}
    for tag in BeautifulSoup(text, "html.parser").find_all(True):
        _scan_tag(report, tag)
        if isinstance(tag.get("id"), str):
            seen_ids[tag["id"]] = seen_ids.get(tag["id"], 0) + 1
    for name, count in sorted(seen_ids.items()):
        if count > 1:
            # DOM clobbering: Material reads #__config, #__search, ... by id.
            report.add(f"id={name!r} is used {count} times (DOM clobbering)", ("id", name))
    if _lxml_available():
        other = report.sub()
        for tag in BeautifulSoup(text, "lxml").find_all(True):
            _scan_tag(other, tag)
        for line, key in zip(other.lines, other.order, strict=True):
            if line not in report.lines:
                report.add(line.split(": ", 1)[1] + " [lxml only]", key)
    _raw_scan(report, text)
    if fragment and re.search(r"<\s*/?\s*(?:html|head|body)\b", text, re.I):
        report.add(f"a fragment with document markup: {_short(text)}")


def _scan_json_value(report: _Report, where: str, value: Any, key: str = "") -> None:
    if isinstance(value, dict):
        for sub_key, sub in value.items():
            _scan_json_value(report, where, sub, str(sub_key))
    elif isinstance(value, list):
        for item in value:
            _scan_json_value(report, where, item, key)
    elif isinstance(value, str):
        low = key.lower()
        if low in JSON_URL_KEYS or low.endswith("url"):
            scheme = unsafe_scheme(value)
            if scheme:
                report.add(f"{where} {key}={_short(value)!r} uses a {scheme}: URL")
            elif low in JSON_LOADING_KEYS:
                host = report.other_host(value)
                if host:
                    report.add(f"{where} {key}={_short(value)!r} loads from another host ({host})")
        elif low in JSON_HTML_KEYS and re.search(r"[<&]", value):
            inner = _Report(report.rel, report.hosts, report.page_url)
            scan_html(inner, value, fragment=True)
            for line in inner.lines:
                report.add(f"{where} {key}: " + line.split(": ", 1)[1])


def _scan_json_file(report: _Report, text: str, search_index: bool) -> None:
    try:
        data = json.loads(text)
    except ValueError:
        report.add("not valid JSON")
        return
    if search_index and isinstance(data, dict):
        # Material's search UI inserts titles and texts as HTML.
        for doc in data.get("docs", []):
            if not isinstance(doc, dict):
                continue
            for key in ("title", "text"):
                inner = _Report(report.rel, report.hosts, report.page_url)
                scan_html(inner, str(doc.get(key, "")), fragment=True)
                for line in inner.lines:
                    report.add(
                        f"search entry {doc.get('location', '')!r} {key}: " + line.split(": ", 1)[1]
                    )
            scheme = unsafe_scheme(str(doc.get("location", "")))
            if scheme:
                report.add(f"search entry location uses a {scheme}: URL")
        return
    _scan_json_value(report, "JSON", data)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _scan_xml_file(report: _Report, text: str) -> None:
    if "<!ENTITY" in text:
        report.add("an XML document type with entities")
        return
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        report.add(f"not well-formed XML ({exc})")
        return
    if _local(root.tag) == "svg":
        _scan_svg(report, text)
        return
    for element in root.iter():
        name = _local(element.tag)
        for attr, value in element.attrib.items():
            attr_l = _local(attr)
            if attr_l in ("href", "url", "src", "uri"):
                scheme = unsafe_scheme(value)
                if scheme:
                    report.add(f"<{name} {attr_l}={_short(value)!r}> uses a {scheme}: URL")
                elif name in ("enclosure", "content", "thumbnail") or (
                    name == "link" and element.get("rel") == "enclosure"
                ):
                    host = report.other_host(value)
                    if host:
                        report.add(f"<{name}> {attr_l} loads from another host ({host})")
        body = element.text or ""
        if not body.strip():
            continue
        if name in XML_URL_ELEMENTS:
            scheme = unsafe_scheme(body.strip())
            if scheme:
                report.add(f"<{name}> {_short(body)!r} uses a {scheme}: URL")
            continue
        # Feed readers show titles, descriptions, summaries and contents as HTML.
        inner = _Report(report.rel, report.hosts, report.page_url)
        scan_html(inner, body, fragment=True)
        for line in inner.lines:
            report.add(f"<{name}>: " + line.split(": ", 1)[1])


def _scan_svg(report: _Report, text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(True):
        _scan_tag(report, tag)
    _raw_scan(report, text)


# Tags WebVTT cue text may hold; anything else is markup someone slipped in.
VTT_TAGS = frozenset({"c", "i", "b", "u", "ruby", "rt", "v", "lang"})


def _scan_vtt(report: _Report, text: str) -> None:
    """Captions: a STYLE block that loads or runs something, tags WebVTT does not know."""
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        if block.lstrip().startswith("STYLE") and re.search(
            r"url\s*\(|@import|expression\s*\(", block, re.I
        ):
            report.add(f"a STYLE block that loads something: {_short(block)}", ("vtt", "style"))
    for match in _RAW_TAG.finditer(text):
        name = match.group(1).lower().split(".", 1)[0]
        if name not in VTT_TAGS and not re.fullmatch(r"\d{2}:[\d:.]+", name):
            report.add(
                f"markup that is not WebVTT: {_short(text[match.start() : match.end() + 60])}",
                ("vtt", name),
            )
    inner = report.sub()
    _raw_scan(inner, text)
    for line in inner.lines:
        report.add(line.split(": ", 1)[1])


def _page_url(rel: str, site_url: str) -> str:
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return urljoin(site_url, rel)


def find_payloads(
    site_dir: Path,
    hosts: Sequence[str] = DEFAULT_HOSTS,
    secrets: Iterable[str] = (),
    site_url: str | None = None,
) -> list[str]:
    """Everything in the built site at ``site_dir`` that could run script, restyle or
    redirect the page, or load from a host not in ``hosts``; and any of ``secrets`` (text
    that must never be published, e.g. a confidential term or ``root:x:0:0``) in any file.

    Returns readable lines ``"path/in/site: what"``, sorted; empty when nothing is found.
    """
    site_dir = Path(site_dir)
    hosts = tuple(h.lower().rstrip(".") for h in hosts)
    base = site_url or f"https://{hosts[0]}/"
    secret_list = [s for s in secrets if s]
    found: list[str] = []
    for path in sorted(site_dir.rglob("*")):
        if path.is_symlink():
            found.append(
                f"{path.relative_to(site_dir).as_posix()}: a symbolic link (to {os.readlink(path)})"
            )
        if not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        report = _Report(rel, hosts, _page_url(rel, base))
        _scan_file(report, path, secret_list)
        found.extend(report.lines)
    return sorted(found)


def _scan_file(report: _Report, path: Path, secrets: list[str]) -> None:
    suffix = path.suffix.lower()
    rel = report.rel
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.add(f"cannot be read ({exc.strerror})")
        return
    text = data.decode("utf-8", errors="replace")
    for secret in secrets:
        if secret in text:
            report.add(f"contains {secret!r}, which must never be published")
    if suffix in SOURCE_SUFFIXES or path.name in ("passwd", "shadow", ".env"):
        report.add(f"a source or original file ({suffix or path.name}) was published")
    if suffix in SCRIPT_SUFFIXES and not rel.startswith(OWN_SCRIPT_DIRS):
        report.add("a script file outside assets/javascripts/ and assets/advocacy/")
    if suffix in HTML_SUFFIXES:
        scan_html(report, text)
    elif suffix == ".json" or rel.endswith(".json.gz"):
        _scan_json_file(report, text, search_index=rel.endswith("search_index.json"))
    elif suffix in XML_SUFFIXES:
        _scan_xml_file(report, text)
    elif suffix == ".svg" or (b"<svg" in data[:2000] and suffix not in (".js", ".css")):
        _scan_svg(report, text)
    elif suffix == ".vtt":
        _scan_vtt(report, text)
    elif suffix == ".css" and re.search(
        r"@import|url\(\s*['\"]?(?:https?:)?//|expression\s*\(", text, re.I
    ):
        report.add("a stylesheet that loads from another host or runs script")


# -- the browser -----------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MARKERS = ("PWNED",)
LOCAL_HOST = "127.0.0.1"
# Events a payload may wait for; dispatched on every element after the page has loaded, and
# links whose URL the browser reads as javascript: are clicked.
POKE_EVENTS = (
    "mouseover",
    "mouseenter",
    "pointerover",
    "focus",
    "focusin",
    "toggle",
    "animationstart",
    "transitionend",
    "pointerdown",
    "mousedown",
)
_POKE_JS = """events => {
  for (const el of document.querySelectorAll('*')) {
    for (const type of events) {
      try { el.dispatchEvent(new Event(type, {bubbles: true})); } catch (e) {}
    }
  }
  // A reader clicks links: follow those the browser itself reads as script.
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    if (a.protocol === 'javascript:') { try { a.click(); } catch (e) {} }
  }
  return document.querySelectorAll('*').length;
}"""


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _missing_tool(reason: str) -> None:
    import pytest

    if _on_ci():
        pytest.fail(
            f"{reason} (CI is set, so a missing tool fails instead of skipping; "
            "`make test` installs it)",
            pytrace=False,
        )
    pytest.skip(reason)


class _StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Files only, like GitHub Pages."""

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404, "Not found")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass(frozen=True)
class BrowserEvent:
    """Something a page did that only script could have done."""

    page: str
    what: str

    def __str__(self) -> str:
        return f"{self.page}: {self.what}"


class _QuietServer(http.server.ThreadingHTTPServer):
    """A page that navigates away drops its connections: nothing worth printing."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


def _serve(site_dir: Path) -> tuple[http.server.ThreadingHTTPServer, threading.Thread, str]:
    handler = functools.partial(_StaticHandler, directory=str(site_dir))
    server = _QuietServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread, f"http://{LOCAL_HOST}:{server.server_address[1]}"


def html_pages(site_dir: Path) -> list[str]:
    """The site-relative paths of every HTML file, ``index.html`` ones as folder URLs."""
    out = []
    for path in sorted(Path(site_dir).rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out


class BrowserSession:
    """One headless Chromium for many sites: ``with BrowserSession() as b: b.visit(...)``.

    Skips the calling test (fails it when CI is set) when Chromium or Playwright is missing.
    """

    def __init__(
        self,
        own_hosts: Sequence[str] = DEFAULT_HOSTS,
        settle_ms: int = 300,
        timeout_ms: int = 10_000,
    ) -> None:
        self.allowed = {LOCAL_HOST, *own_hosts}
        self.settle_ms, self.timeout_ms = settle_ms, timeout_ms
        self._playwright: Any = None
        self._browser: Any = None

    def __enter__(self) -> BrowserSession:
        if not CHROMIUM.is_file():
            _missing_tool(f"{CHROMIUM} is missing (apt-get install -y chromium)")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            _missing_tool("the playwright package is missing (pip install -e '.[test]')")
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self._browser is not None:
                self._browser.close()
        finally:
            if self._playwright is not None:
                self._playwright.stop()

    def visit(
        self, site_dir: Path, pages: Sequence[str] | None = None, search: Sequence[str] = ()
    ) -> list[BrowserEvent]:
        """Serve ``site_dir`` on 127.0.0.1 and load ``pages`` (default: every HTML file)."""
        pages = list(pages) if pages is not None else html_pages(site_dir)
        server, thread, base = _serve(Path(site_dir))
        try:
            events = _visit_all(
                self._browser, base, pages, self.allowed, search, self.settle_ms, self.timeout_ms
            )
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)
        return events


def run_pages_in_browser(
    site_dir: Path,
    pages: Sequence[str] | None = None,
    own_hosts: Sequence[str] = DEFAULT_HOSTS,
    search: Sequence[str] = (),
    settle_ms: int = 300,
    timeout_ms: int = 10_000,
) -> list[BrowserEvent]:
    """Load ``pages`` (default: every HTML file) of ``site_dir`` in headless Chromium and
    return what only script could have done: dialogs, console messages or page errors with a
    marker (``PWNED``), a ``window.PWNED`` flag, a navigation to a ``javascript:`` URL, and
    requests to hosts other than the local server and ``own_hosts`` (all aborted, so nothing
    leaves the machine). ``search`` terms are typed into Material's search box, whose results
    are inserted as HTML. Skips (fails on CI) when Chromium or Playwright is missing."""
    with BrowserSession(own_hosts, settle_ms, timeout_ms) as session:
        return session.visit(site_dir, pages, search)


def _visit_all(
    browser: Any,
    base: str,
    urls: Sequence[str],
    allowed: set[str],
    search: Sequence[str],
    settle_ms: int,
    timeout_ms: int,
) -> list[BrowserEvent]:
    """Load ``urls`` one after the other in one fresh browser context (a new document each
    time, so flags and handlers do not carry over); events are charged to the current URL."""
    events: list[BrowserEvent] = []
    current = [""]
    context = browser.new_context(java_script_enabled=True, service_workers="block")
    page = context.new_page()

    def note(what: str) -> None:
        event = BrowserEvent(current[0], what)
        if event not in events:
            events.append(event)

    def route(route: Any) -> None:
        target = route.request.url
        parts = urlsplit(target)
        if parts.scheme in ("data", "blob", "about"):
            route.continue_()
        elif parts.hostname in allowed:
            if parts.hostname != LOCAL_HOST:
                route.abort()  # the public site itself: first party, but not reachable here
            else:
                route.continue_()
        else:
            note(f"request to another host: {target}")
            route.abort()

    def on_dialog(dialog: Any) -> None:
        note(f"{dialog.type}() dialog: {dialog.message!r}")
        dialog.dismiss()

    def on_console(message: Any) -> None:
        if any(m in message.text for m in MARKERS):
            note(f"console: {message.text!r}")

    def on_error(error: Any) -> None:
        if any(m in str(error) for m in MARKERS):
            note(f"page error: {error}")

    def on_frame(frame: Any) -> None:
        if frame.url.lower().startswith(("javascript:", "data:")):
            note(f"navigated a frame to {frame.url[:80]!r}")

    context.route("**/*", route)
    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", on_error)
    page.on("framenavigated", on_frame)
    try:
        for url in urls:
            current[0] = url
            _visit(page, base + "/" + url.lstrip("/"), allowed, search, settle_ms, timeout_ms, note)
    finally:
        context.close()
    return events


def _visit(
    page: Any,
    address: str,
    allowed: set[str],
    search: Sequence[str],
    settle_ms: int,
    timeout_ms: int,
    note: Any,
) -> None:
    try:
        page.goto(address, wait_until="load", timeout=timeout_ms)
        page.wait_for_timeout(settle_ms)
        page.evaluate(_POKE_JS, list(POKE_EVENTS))
        for term in search:
            box = page.locator("input[data-md-component=search-query]")
            if box.count():
                box.first.fill(term)
                page.wait_for_timeout(settle_ms * 2)
                page.evaluate(_POKE_JS, list(POKE_EVENTS))
        page.wait_for_timeout(settle_ms)
        flag = page.evaluate(
            "() => typeof window.PWNED === 'undefined' ? null : String(window.PWNED)"
        )
        if flag is not None:
            note(f"window.PWNED was set ({flag})")
        if page.url.lower().startswith(("javascript:", "data:")) or (
            urlsplit(page.url).hostname not in allowed
        ):
            note(f"the page navigated away to {page.url[:80]!r}")
    except Exception as exc:  # a page that cannot be loaded is reported
        note(f"could not be loaded: {type(exc).__name__}: {_short(str(exc), 160)}")


def assert_no_script_runs(
    site_dir: Path,
    pages: Sequence[str] | None = None,
    own_hosts: Sequence[str] = DEFAULT_HOSTS,
    search: Sequence[str] = ("PWNED",),
) -> None:
    """Fail when any page of ``site_dir`` runs a payload in Chromium (see
    :func:`run_pages_in_browser`); skip cleanly without Chromium, fail without it on CI."""
    events = run_pages_in_browser(site_dir, pages, own_hosts, search)
    assert not events, "script ran or another host was asked:\n" + "\n".join(map(str, events))
