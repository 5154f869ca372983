"""Find images and links in a Markdown body with their line numbers, outside code."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HTML_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']?(?P<src>[^\"'\s>]+)", re.IGNORECASE)
_HTML_ALT = re.compile(r"\balt\s*=\s*[\"'](?P<alt>[^\"']*)[\"']", re.IGNORECASE)
_INLINE_CODE = re.compile(r"`+[^`]*`+")
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
                ("-", "*", "!", "[", "<"))
            mask.append(not indented)
    return mask


def text_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Yield (file line, text) of the lines outside fenced code, inline code blanked."""
    lines = body.split("\n")
    for offset, (line, prose) in enumerate(zip(lines, prose_mask(lines), strict=True)):
        if prose:
            yield first_line + offset, _INLINE_CODE.sub(lambda m: " " * len(m.group()), line)


def rewrite_refs(body: str, new_src: Callable[[str], str | None]) -> str:
    """Replace image and link targets outside code with ``new_src(target)`` when not None."""

    def swap(match: re.Match[str]) -> str:
        replacement = new_src(match.group("src"))
        if replacement is None:
            return match.group(0)
        start, end = match.span("src")
        offset = match.start()
        text = match.group(0)
        return text[: start - offset] + replacement + text[end - offset :]

    lines = body.split("\n")
    for index, prose in enumerate(prose_mask(lines)):
        if prose and ("](" in lines[index] or "<img" in lines[index].lower()):
            line = _IMAGE.sub(swap, lines[index])
            line = _LINK.sub(swap, line)
            lines[index] = _HTML_IMG.sub(swap, line)
    return "\n".join(lines)


def find_refs(body: str, first_line: int) -> list[Ref]:
    """Every Markdown/HTML image and Markdown link in ``body``."""
    refs: list[Ref] = []
    for number, line in text_lines(body, first_line):
        for m in _IMAGE.finditer(line):
            refs.append(Ref("image", m.group("src"), m.group("alt"), number))
        for m in _HTML_IMG.finditer(line):
            alt = _HTML_ALT.search(line[m.start():])
            refs.append(Ref("image", m.group("src"), alt.group("alt") if alt else None, number))
        for m in _LINK.finditer(line):
            refs.append(Ref("link", m.group("src"), m.group("text"), number))
    return refs


def count_words(body: str) -> int:
    """Words a reader reads: code and Markdown punctuation are not counted."""
    words = 0
    for _, line in text_lines(body, 1):
        line = _TARGET.sub("]", _TAG.sub(" ", line))  # link targets and HTML tags are not read
        words += len(_WORD.findall(line))
    return words
