"""Everything a document publishes as text, in pieces with their lines: what the text rules
(personal data, confidentiality, names of colleagues and of other people) read.

The body's pieces come from its rendering (what readers read, tags stripped, entities and
invisible characters resolved); the front matter's published fields and a video's captions
come beside them. Each piece is matched as folded text and, for names and terms, also with
Danish letters spelled out (``æ`` as ``ae``) and left out (``ø`` as ``o``), the two ways
people write them without a Danish keyboard.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from advocacy.core.media.video import VttError, parse_vtt
from advocacy.core.model.entities import Author, DocPage, Post
from advocacy.core.model.textnorm import fold
from advocacy.core.rendering.locate import LineLocator, alnum

_SPELLED = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"))
_BARE = (("æ", "ae"), ("ø", "o"), ("å", "a"), ("ä", "a"), ("ö", "o"), ("ü", "u"))
_LETTERS = re.compile("[æøåäöü]")
_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[\s/_.\-]+")


def _spell(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for letter, spelled in pairs:  # str.replace is far faster than str.translate here
        text = text.replace(letter, spelled)
    return text


def forms(text: str) -> tuple[str, ...]:
    """The folded text, and its two ASCII spellings when they differ."""
    folded = _SPACES.sub(" ", fold(text))
    if not _LETTERS.search(folded):
        return (folded,)
    return tuple(dict.fromkeys((folded, _spell(folded, _SPELLED), _spell(folded, _BARE))))


@dataclass
class Segment:
    """A piece of published text: where it is (``file``, ``line``) and what it says."""

    file: str
    line: int | None
    text: str
    field: str  # body, alt, title, description, tags, image_alt, captions, bio.da, ...
    code: bool = False  # a code block: shown as text, never run
    locate: Callable[[str, str], int] | None = dataclasses.field(default=None, repr=False)
    _forms: tuple[str, ...] | None = dataclasses.field(default=None, repr=False)

    @property
    def folded(self) -> str:
        """The text folded (case, entities, look-alike letters, invisible characters)."""
        return self.forms[0]

    @property
    def forms(self) -> tuple[str, ...]:
        """See :func:`forms`."""
        if self._forms is None:
            self._forms = forms(self.text)
        return self._forms

    def line_of(self, found: str, before: str = "") -> int | None:
        """The line of ``found`` in this piece (``before``: the piece's text before it)."""
        if self.locate is None or not alnum(before):
            return self.line
        return self.locate(found, before)


def _front(
    doc: Post | DocPage, names: list[tuple[str, str | None, tuple[str | int, ...]]]
) -> list[Segment]:
    return [
        Segment(doc.file, doc.line_of(*path), value, name) for name, value, path in names if value
    ]


def post_segments(post: Post, root: Path) -> list[Segment]:
    """The published texts of a post: front matter fields, rendered body, captions (made
    once per post and run: several rules read them)."""
    return post.cache.get("segments", lambda: _post_segments(post, root))


def _post_segments(post: Post, root: Path) -> list[Segment]:
    out = _front(
        post,
        [
            ("title", post.title, ("title",)),
            ("description", post.description, ("description",)),
            ("image_alt", post.image_alt, ("image_alt",)),
            ("share.text", post.share_text, ("share", "text")),
            ("video.title", post.video.title if post.video else None, ("video", "title")),
            ("slug", post.slug.replace("-", " "), ("slug",)),
        ],
    )
    out += [Segment(post.file, post.line_of("tags", i), t, "tags") for i, t in enumerate(post.tags)]
    out += [
        Segment(post.file, post.line_of("categories", i), c, "categories")
        for i, c in enumerate(post.categories)
    ]
    out += body_segments(post)
    if post.video and post.video.captions:
        out += caption_segments(post.video.captions, root)
    return out


def page_segments(page: DocPage) -> list[Segment]:
    """The published texts of a page: its title and description, its address (its file and
    folder names, in the sitemap and the search), then its body."""
    address = _SEPARATORS.sub(" ", page.src_uri.removesuffix(".md").removesuffix("index"))
    return (
        _front(
            page,
            [
                ("title", page.title, ("title",)),
                ("description", page.description, ("description",)),
                ("subtitle", page.meta.get("subtitle"), ("subtitle",)),
            ],
        )
        + [Segment(page.file, None, address.strip(), "address")] * bool(address.strip())
        + body_segments(page)
    )


def body_segments(doc: Post | DocPage) -> list[Segment]:
    """The rendered body, block by block; a match inside a block finds its own line."""
    rendered = doc.rendered
    if rendered is None:
        return []
    made: list[LineLocator] = []  # made when a rule first asks (most posts: never)

    def locate(found: str, before: str) -> int:
        if not made:
            made.append(LineLocator(doc.body, doc.body_line))
        locator = made[0]
        locator.cursor = 0  # a block's start is found from the top: rules ask in any order
        return locator.line(found, before)

    return [
        Segment(
            doc.file,
            block.line,
            block.text,
            "body" if block.kind == "text" else block.kind,
            block.code,
            locate if block.kind == "text" else None,
        )
        for block in rendered.blocks
    ] + [
        # A heading's data-toc-label is taken out of the body and printed in the table of
        # contents (and, on an h1, the page's title): published text like the heading.
        Segment(doc.file, _line_in(doc, label), label, "toc")
        for label in dict.fromkeys(_labels(rendered.toc))
    ]


def _labels(toc: list[dict[str, Any]]) -> Iterator[str]:
    for token in toc:
        value = token.get("data-toc-label")
        if isinstance(value, str) and value.strip():
            yield value
        yield from _labels(token.get("children") or [])


def _line_in(doc: Post | DocPage, needle: str) -> int | None:
    """The line of the body that holds ``needle`` as written (else the body's first)."""
    at = doc.body.find(needle)
    return doc.body_line + doc.body.count("\n", 0, at) if at >= 0 else doc.body_line


def address_segments(doc: Post | DocPage) -> list[Segment]:
    """The addresses a page publishes besides its text: its anchors (``id``), the links and
    the files it uses as written (a picture's file name is in its address), each with its
    separators read as spaces. Read for terms and organisations, which hide in them
    ("projekt-fyrtarn-kickoff.jpg", "#nordhavn-logistik")."""
    rendered = doc.rendered
    if rendered is None:
        return []
    out = [
        Segment(doc.file, _line_in(doc, anchor), anchor, "anchor")
        for anchor in dict.fromkeys(rendered.anchors)
    ]
    out += [
        Segment(doc.file, line, unquote(value), "url")
        for ref, line in rendered.refs
        for value in dict.fromkeys((ref.written, ref.url))
        if value
    ]
    if isinstance(doc, Post):  # the cover, the video's files and the old addresses
        video = doc.video or None
        out += [
            Segment(doc.file, doc.line_of(*path), value, "url")
            for value, path in (
                (doc.image, ("image",)),
                (video.src if video else None, ("video", "src")),
                (video.poster if video else None, ("video", "poster")),
                *((alias, ("aliases", i)) for i, alias in enumerate(doc.aliases)),
            )
            if value
        ]
    return out


# Attributes a reader sees as text (a tooltip, a track's name in the player) or hears.
_SPOKEN = frozenset({"alt", "title", "label", "aria-label", "aria-description", "placeholder"})
# Elements whose text a reader does not read in line: ruby's annotations and parentheses,
# struck-out text (read again without it: "Mette <del>x</del>Hansen").
_ASIDE = frozenset({"rt", "rp", "del", "s", "strike"})
_RLO = re.compile("\u202e([^\u202c\n]*)\u202c?")


class _ReadingOrder(HTMLParser):
    """The rendered HTML as a reader reads it: ``<bdo dir="rtl">`` and right-to-left
    overrides turned back into reading order, ruby annotations and struck-out text left
    out, and the attribute texts readers see or hear."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.spoken: list[str] = []
        self.stack: list[tuple[str, bool, int]] = []  # tag, reversed, where its text starts
        self.aside = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.spoken += [v for k, v in attrs if k in _SPOKEN and v]
        rtl = tag == "bdo" and (values.get("dir") or "").strip().lower() == "rtl"
        self.text.append(" " if tag not in ("rt", "rp", "ruby", "bdo", "sup", "sub") else "")
        if tag in ("br", "img", "hr", "source", "track", "wbr", "input"):
            return
        self.stack.append((tag, rtl, len(self.text)))
        self.aside += tag in _ASIDE

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, rtl, start = self.stack.pop()
            self.aside -= name in _ASIDE
            if rtl:
                self.text[start:] = ["".join(self.text[start:])[::-1]]
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.aside:
            self.text.append(data)


def reading_segments(doc: Post | DocPage) -> list[Segment]:
    """What readers read besides the blocks of text: the body in reading order (see
    :class:`_ReadingOrder`) and the attribute texts; for names, which must not hide."""
    rendered = doc.rendered
    if rendered is None or not rendered.html:
        return []
    parser = _ReadingOrder()
    parser.feed(rendered.html)
    parser.close()
    text = _RLO.sub(lambda m: m.group(1)[::-1], "".join(parser.text))
    line = doc.body_line
    return [Segment(doc.file, line, text, "reading")] + [
        Segment(doc.file, line, value, "spoken") for value in parser.spoken
    ]


# Attribute values readers see or hear that are not text blocks (alt and title are): a
# list's marker (start, value), a table cell's spoken header (abbr), labels read aloud.
_SHOWN = frozenset({"start", "value", "abbr", "aria-label", "aria-description", "label"})


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(k, v) for k, v in attrs if k in _SHOWN and v and v.strip()]


def shown_attributes(doc: Post | DocPage) -> list[Segment]:
    """The attribute values of the rendered body that readers see or hear besides its text
    blocks, each as a piece named after its attribute."""
    rendered = doc.rendered
    if (
        rendered is None
        or not rendered.html
        or not any(f"{name}=" in rendered.html for name in _SHOWN)
    ):
        return []
    parser = _Attributes()
    parser.feed(rendered.html)
    parser.close()
    return [
        Segment(doc.file, _line_in(doc, value), value, name)
        for name, value in dict.fromkeys(parser.found)
    ]


def caption_segments(captions: str, root: Path) -> list[Segment]:
    """A video's captions, cue by cue, reported in the captions file."""
    try:
        text = (root / captions).read_text("utf-8")
        cues = parse_vtt(text)
    except (OSError, UnicodeDecodeError, VttError):
        return []
    lines = text.split("\n")
    out = []
    at = 0
    for cue in cues:
        line = next((i for i in range(at, len(lines)) if cue.text.split(" ")[0] in lines[i]), at)
        at = line
        out.append(Segment(captions, line + 1, cue.text, "captions"))
    return out


def author_segments(author: Author) -> list[Segment]:
    """What an author page publishes as text besides the name."""
    out = [
        Segment(author.file, author.line_of(name), value, name)
        for name, value in (
            ("role", author.role),
            ("team", author.team),
            ("location", author.location),
        )
        if value
    ]
    out += [
        Segment(author.file, author.line_of("bio", lang), text, f"bio.{lang}")
        for lang, text in author.bio.items()
    ]
    return out
