"""Find images and links in a Markdown body with their line numbers, outside code."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_IMG_TAG = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_ATTR = re.compile(r"([^\s\"'=<>/]+)\s*=\s*(?:\"(?P<d>[^\"]*)\"|'(?P<s>[^']*)'|(?P<u>[^\s>]+))")
# An inline code span may run over a line break, never over a blank line.
_INLINE_CODE = re.compile(r"(`+)(?:(?!\n[ \t]*\n).)*?\1", re.DOTALL)
_ESCAPED_LT = re.compile(r"\\<")
_COMMENT = re.compile(r"<!--.*?(?:-->|$(?![\s\S]))", re.DOTALL)  # to its end, or the file's
_TARGET = re.compile(r"\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class Ref:
    """An image or link in the body: ``line`` is the 1-based line in the file."""

    kind: str  # "image" or "link"
    src: str
    alt: str | None
    line: int
    decorative: bool = False  # an HTML image with an explicit alt="": meant to be skipped


def prose_mask(lines: list[str]) -> list[bool]:
    """For each line, whether it is prose (not inside fenced or indented code)."""
    mask = []
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            mask.append(False)
        elif match:
            fence = match.group(1)
            mask.append(False)
        else:
            # An indented line that does not look like a nested list item or image is code.
            indented = line.startswith("    ") and not line.strip().startswith(
                ("-", "*", "!", "[", "<")
            )
            mask.append(not indented)
    return mask


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group())


# A post's body is read by the loader, several rules and the media rewriter: work it out
# once. Bodies are immutable strings, so the memo can never be stale.
@lru_cache(maxsize=8192)
def prose_text(body: str) -> str:
    """The body as readers get it: code, comments and escaped ``\\<`` blanked; same lines."""
    lines = body.split("\n")
    kept = "\n".join(
        line if prose else "" for line, prose in zip(lines, prose_mask(lines), strict=True)
    )
    return _ESCAPED_LT.sub("  ", _COMMENT.sub(_blank, _INLINE_CODE.sub(_blank, kept)))


def text_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Yield (file line, text) of the lines outside code, code spans blanked."""
    for offset, line in enumerate(prose_text(body).split("\n")):
        if line.strip():
            yield first_line + offset, line


def attributes(tag: str) -> dict[str, str]:
    """The attributes of one HTML start tag, names lower-cased."""
    return {
        m.group(1).lower(): m.group("d")
        if m.group("d") is not None
        else m.group("s")
        if m.group("s") is not None
        else m.group("u")
        for m in _ATTR.finditer(tag)
    }


def _img_tags(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Every ``<img>`` tag (it may span lines) with the 0-based line it starts on."""
    for match in _IMG_TAG.finditer(text):
        yield text.count("\n", 0, match.start()), match


@lru_cache(maxsize=8192)
def find_refs(body: str, first_line: int) -> tuple[Ref, ...]:
    """Every Markdown/HTML image and Markdown link in ``body``, in line order."""
    refs: list[Ref] = []
    prose = prose_text(body)
    for offset, line in enumerate(prose.split("\n")):
        if "](" not in line:
            continue
        for m in _IMAGE.finditer(line):
            refs.append(Ref("image", m.group("src"), m.group("alt"), first_line + offset))
        for m in _LINK.finditer(line):
            refs.append(Ref("link", m.group("src"), m.group("text"), first_line + offset))
    for offset, match in _img_tags(prose):
        attrs = attributes(match.group())
        if attrs.get("src"):
            refs.append(
                Ref(
                    "image",
                    attrs["src"],
                    attrs.get("alt"),
                    first_line + offset,
                    decorative=attrs.get("alt") == "",
                )
            )
    return tuple(sorted(refs, key=lambda r: r.line))


def count_words(body: str) -> int:
    """Words a reader reads: code and Markdown punctuation are not counted."""
    words = 0
    for _, line in text_lines(body, 1):
        line = _TARGET.sub("]", _TAG.sub(" ", line))  # link targets and HTML tags are not read
        words += len(_WORD.findall(line))
    return words
