"""A post's published text in pieces, each with the file line it starts on: what the
rules (and the consent check's name search) read."""

from __future__ import annotations

from dataclasses import dataclass

from advocacy.core.model.entities import Post
from advocacy.core.rendering.markdown_refs import prose_mask
from advocacy.core.rendering.textnorm import fold


@dataclass(frozen=True)
class Segment:
    """A piece of a post's published text and the file line it starts on."""

    line: int | None
    text: str
    field: str  # body, title, description, image_alt, share.text, people.name
    code: bool = False  # inside a code block: shown as text, never run as HTML
    folded: str = ""  # the text with disguises undone (see textnorm.fold), made once


def first_line(post: Post) -> int:
    """The first body line with text: where a finding about the whole body points."""
    for offset, line in enumerate(post.body.split("\n")):
        if line.strip():
            return post.body_line + offset
    return post.body_line


def segments(post: Post) -> list[Segment]:
    """Every published text of a post: front-matter texts, then each body line (cached)."""
    cached = post.cache.get("segments")
    if cached is not None:
        return cached
    out = [Segment(post.line_of(name), value, name, folded=fold(value)) for name, value in (
        ("title", post.title), ("description", post.description),
        ("image_alt", post.image_alt), ("share.text", post.share_text)) if value]
    lines = post.body.split("\n")
    for offset, (line, prose) in enumerate(zip(lines, prose_mask(lines), strict=True)):
        if line.strip():
            out.append(Segment(post.body_line + offset, line, "body", not prose, fold(line)))
    post.cache["segments"] = out
    return out
