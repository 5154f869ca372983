"""Where else a published document names someone: the names of its files and addresses (a
picture ``mette-hansen-bike.jpg``, a link, an old address), its anchors (``{#mette-hansen}``
is in the page's address, its table of contents and the search index) and every attribute a
reader sees or hears (``<th abbr>``, ``summary``, ``value``, ``title`` ...).

A file name or an address is read as words: '-', '_', '.', '/' and the like between them,
percent-escapes undone; the name patterns then find a slug like ``mette-hansen`` as they
find "Mette Hansen" in a sentence.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote

from advocacy.core.checking.texts import Segment
from advocacy.core.model.entities import DocPage, Post

# Attributes a reader sees (a tooltip, a field's text, a button's caption) or hears (a
# screen reader reads abbr for a header cell, summary for a table, aria-* for anything).
SHOWN = frozenset(
    {
        "abbr",
        "alt",
        "aria-description",
        "aria-label",
        "aria-placeholder",
        "aria-roledescription",
        "aria-valuetext",
        "content",
        "label",
        "placeholder",
        "summary",
        "title",
        "value",
    }
)
# Attributes that hold a file name, an address or an anchor: shown in the address bar, a
# link's preview, a download's name, the page's fragment and the search index.
ADDRESSES = frozenset(
    {
        "action",
        "cite",
        "data",
        "download",
        "for",
        "formaction",
        "headers",
        "href",
        "id",
        "name",
        "poster",
        "src",
        "srcset",
        "xlink:href",
    }
)
# Between the words of a name in one part of an address; a part ends at '/', '?', '#' ...
# ("maps/mette/hansen-street" names nobody).
_WORDS = re.compile(r"[\s\-_.+~!*()\[\]{}$'\"]+")
_PARTS = re.compile(r"\s*[/\\#?&=:;|@]+\s*")


def as_words(address: str) -> str:
    """A file name, an address or an anchor as words (``a/mette-hansen_1.jpg``: "a | mette
    hansen 1 jpg"), percent-escapes undone, its parts kept apart."""
    address = unquote(unquote(address))  # a broken escape stays as written
    return _PARTS.sub(" | ", _WORDS.sub(" ", address)).strip(" |")


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shown: list[str] = []
        self.addresses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if not value:
                continue
            if key in SHOWN or key.startswith("aria-"):
                self.shown.append(value)
            if key in ADDRESSES:
                self.addresses.append(value)

    handle_startendtag = handle_starttag


def place_segments(doc: Post | DocPage) -> list[Segment]:
    """What ``doc`` publishes besides its text that can name someone: attributes shown or
    read aloud ("attribute") and names of files, addresses and anchors ("address")."""
    if isinstance(doc, Post):
        return doc.cache.get("name-places", lambda: _place_segments(doc))
    return _place_segments(doc)


def _place_segments(doc: Post | DocPage) -> list[Segment]:
    line = doc.body_line
    addresses: list[tuple[str, int | None]] = []
    if isinstance(doc, Post):
        if doc.image:
            addresses.append((doc.image, doc.line_of("image")))
        if doc.video:
            for key in ("src", "poster", "captions"):
                value = getattr(doc.video, key, None)
                if isinstance(value, str) and value:
                    addresses.append((value, doc.line_of("video", key)))
        addresses += [(a, doc.line_of("aliases", i)) for i, a in enumerate(doc.aliases)]
    else:
        addresses.append((doc.url, None))
    out = [Segment(doc.file, at, as_words(a), "address") for a, at in addresses]
    rendered = doc.rendered
    if rendered is None or not rendered.html:
        return out
    out += [
        Segment(doc.file, ref_line or line, as_words(ref.written), "address")
        for ref, ref_line in rendered.refs
        if ref.written
    ]
    out += [Segment(doc.file, line, as_words(anchor), "address") for anchor in rendered.anchors]
    parser = _Attributes()
    parser.feed(rendered.html)
    parser.close()
    out += [Segment(doc.file, line, value, "attribute") for value in parser.shown]
    out += [Segment(doc.file, line, as_words(value), "address") for value in parser.addresses]
    return out
