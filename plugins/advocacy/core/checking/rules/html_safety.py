"""Safety of the published page: raw HTML limited to an allow-list, no scripts, no
``javascript:`` or ``data:`` URLs, wherever they hide (HTML, Markdown links, images) and
however they are disguised (case, entities, look-alike letters, zero-width characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from advocacy.core.checking.rules.registry import describe, rule
from advocacy.core.i18n.messages import CATALOG
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.markdown_refs import prose_text
from advocacy.core.rendering.textnorm import fold, fold_url

DANGEROUS = frozenset({"script", "iframe", "style", "form", "object", "embed", "meta", "base",
                       "link", "frame", "frameset", "applet", "input", "button", "textarea",
                       "select", "svg", "math", "template", "noscript", "portal"})
ALLOWED = frozenset({"a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col",
                     "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
                     "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
                     "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "samp",
                     "small", "source", "span", "strong", "sub", "summary", "sup", "table",
                     "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
                     "video", "track", "wbr"})
ATTRIBUTES = frozenset({"href", "src", "srcset", "sizes", "alt", "title", "width", "height",
                        "class", "id", "lang", "dir", "type", "controls", "poster", "preload",
                        "kind", "srclang", "label", "default", "colspan", "rowspan", "scope",
                        "markdown", "loading", "decoding", "datetime", "cite", "open", "start",
                        "reversed", "align", "role", "aria-label", "aria-hidden", "media",
                        "muted", "playsinline"})
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "poster", "cite", "action", "formaction",
                            "background", "xlink:href", "data"})
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")

_DISGUISED_TAG = re.compile(r"<\s*/?\s*(" + "|".join(sorted(DANGEROUS)) + r")(?![\w-])")
# Whitespace is kept in the target: a browser drops tabs and newlines inside a scheme.
_MD_TARGET = re.compile(r"\]\(\s*<?([^)>]*(?:\([^)]*\)[^)>]*)?)")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<([a-zA-Z][\w+.-]*:[^>\s]*)>")
_EMAIL_AUTOLINK = re.compile(r"<[^>\s@]+@[^>\s]+>")

CATALOG.update({
    "html-dangerous": {
        "en": ("The HTML tag <{tag}> is not allowed in a post.",
               "Remove it. Posts are text, photos and video; anything else is added by the "
               "site's maintainers."),
        "da": ("HTML-tagget <{tag}> er ikke tilladt i et indlæg.",
               "Fjern det. Indlæg er tekst, billeder og video; alt andet lægger sitets "
               "ansvarlige ind."),
    },
    "html-not-allowed": {
        "en": ("The HTML tag <{tag}> is not on the list of allowed tags.",
               "Use Markdown instead (# for headings, ** for bold, - for lists)."),
        "da": ("HTML-tagget <{tag}> er ikke på listen over tilladte tags.",
               "Brug Markdown i stedet (# til overskrifter, ** til fed, - til lister)."),
    },
    "html-attribute": {
        "en": ("The attribute '{attribute}' on <{tag}> is not allowed.",
               "Remove the attribute; the site's own styles decide how things look."),
        "da": ("Attributten '{attribute}' på <{tag}> er ikke tilladt.",
               "Fjern attributten; sitets eget design bestemmer, hvordan tingene ser ud."),
    },
    "html-event-handler": {
        "en": ("The attribute '{attribute}' on <{tag}> would run code in the reader's browser.",
               "Remove it."),
        "da": ("Attributten '{attribute}' på <{tag}> ville køre kode i læserens browser.",
               "Fjern den."),
    },
    "unsafe-url": {
        "en": ("A link or image uses a '{scheme}' address, which can run code or hide content.",
               "Link to an https:// address, or to a file under media/."),
        "da": ("Et link eller billede bruger en '{scheme}'-adresse, som kan køre kode eller "
               "skjule indhold.",
               "Link til en https://-adresse eller til en fil under media/."),
    },
})

E = Severity.ERROR
describe("html-dangerous", E, "Scripts, frames, forms, styles and embedded objects are never "
         "published.", "Scripts, frames, formularer, styles og indlejrede objekter udgives "
         "aldrig.", adjustable=False)
describe("html-not-allowed", E, "Raw HTML is limited to a short list of safe tags.",
         "Rå HTML er begrænset til en kort liste af sikre tags.")
describe("html-attribute", E, "HTML attributes are limited to a safe list.",
         "HTML-attributter er begrænset til en sikker liste.")
describe("html-event-handler", E, "No HTML attribute runs code.",
         "Ingen HTML-attribut kører kode.", adjustable=False)
describe("unsafe-url", E, "No javascript: or data: addresses in links and images.",
         "Ingen javascript:- eller data:-adresser i links og billeder.", adjustable=False)


def unsafe_scheme(url: str) -> str | None:
    """The dangerous scheme ``url`` starts with, once disguises are undone."""
    folded = fold_url(url)
    return next((s for s in UNSAFE_SCHEMES if folded.startswith(s)), None)


class _TagScanner(HTMLParser):
    """Collects (line, problem key, values) for every start tag and its attributes."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.found: list[tuple[int, str, str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.first_line + self.getpos()[0] - 1
        name = fold(tag)
        if name in DANGEROUS:
            self.found.append((line, "html-dangerous", "html-dangerous", {"tag": name}))
        elif name not in ALLOWED:
            self.found.append((line, "html-not-allowed", "html-not-allowed", {"tag": name}))
        for attribute, value in attrs:
            attr = fold(attribute)
            if attr.startswith("on"):
                self.found.append((line, "html-event-handler", "html-event-handler",
                                   {"tag": name, "attribute": attr}))
            elif attr not in ATTRIBUTES and not attr.startswith(("aria-", "data-")):
                self.found.append((line, "html-attribute", "html-attribute",
                                   {"tag": name, "attribute": attr}))
            if attr in URL_ATTRIBUTES and value:
                scheme = unsafe_scheme(value)
                if scheme:
                    self.found.append((line, "unsafe-url", "unsafe-url", {"scheme": scheme}))

    handle_startendtag = handle_starttag


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group())


@rule
def html_safety(repo: Repository, post: Post) -> Iterator[Finding]:
    """Tags, attributes and URLs in the body outside code; URLs in front matter too."""
    lines = prose_text(post.body).split("\n")
    for offset, line in enumerate(lines):
        number = post.body_line + offset
        targets = [*_MD_TARGET.findall(line), *_AUTOLINK.findall(line),
                   *_REF_DEFINITION.findall(line)]
        for target in targets:
            scheme = unsafe_scheme(target)
            if scheme:
                yield repo.finding(post.file, number, "unsafe-url", "unsafe-url", E,
                                   scheme=scheme)
        match = _DISGUISED_TAG.search(fold(line))
        if match:
            yield repo.finding(post.file, number, "html-dangerous", "html-dangerous", E,
                               tag=match.group(1))
    scanner = _TagScanner(post.body_line)
    # Autolinks (<https://...>, <name@host>) look like tags to an HTML parser; they are not.
    text = _EMAIL_AUTOLINK.sub(_spaces, _AUTOLINK.sub(_spaces, "\n".join(lines)))
    try:
        scanner.feed(text)
        scanner.close()
    except (AssertionError, ValueError):  # pragma: no cover - malformed markup
        pass
    for line, rule_id, key, values in scanner.found:
        yield repo.finding(post.file, line, rule_id, key, E, **values)
    for name, value in (("image", post.image), ("video", post.video and post.video.src),
                        ("video", post.video and post.video.poster)):
        scheme = unsafe_scheme(value) if isinstance(value, str) else None
        if scheme:
            yield repo.finding(post.file, post.line_of(name), "unsafe-url", "unsafe-url", E,
                               scheme=scheme)
