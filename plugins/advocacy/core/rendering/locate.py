"""From what readers read back to the line the writer wrote it on.

The rules judge rendered text, but a finding must name a line of the source. Python-Markdown
keeps no positions, so the letters and digits of the source (markup taken out: tags,
comments, link targets, attribute lists) are laid end to end with the line of each one; a
piece of rendered text is found by its own letters and digits, searching forward from where
the previous piece was found. Inline markup, entities, line breaks and invisible characters
between the letters of a name no longer matter: they are not letters.
"""

from __future__ import annotations

import bisect
import re

from advocacy.core.model.textnorm import fold

_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)"  # comments, to their end or the file's
    r"|<[^>]*>"  # tags
    r"|\]\([^)\n]*\)"  # link and image targets
    r"|^[ ]{0,3}\[[^\]\n]+\]:[^\n]*"  # reference definitions
    r"|\{:?[^}\n]*\}",  # attribute lists
    re.DOTALL | re.MULTILINE,
)
_NOT_ALNUM = re.compile(r"[\W_]+")


def alnum(text: str) -> str:
    """Letters and digits only, folded (case, disguises, entities): what locating compares."""
    return _NOT_ALNUM.sub("", fold(text))


class LineLocator:
    """Finds the source line of rendered text in one body (``first_line``: its file line)."""

    def __init__(self, body: str, first_line: int) -> None:
        blanked = _MARKUP.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), body)
        chars: list[str] = []
        starts: list[int] = []  # offset in ``chars`` where each source line starts
        for line in blanked.split("\n"):
            starts.append(len(chars))
            chars.extend(alnum(line))
        self.text = "".join(chars)
        self.starts = starts
        self.lines = body.split("\n")  # as written, markup included: for needles
        self.folded: list[tuple[str, str]] | None = None
        self.seen: dict[str, int] = {}  # needle -> line index where it was last found
        self.first_line = first_line
        self.cursor = 0  # pieces are located in reading order

    def line_at(self, offset: int) -> int:
        """The file line of an offset into :attr:`text`."""
        return self.first_line + max(0, bisect.bisect_right(self.starts, offset) - 1)

    def find(self, text: str, within: int = 0) -> int | None:
        """The offset where ``text`` (rendered) starts, searching from the cursor; the cursor
        moves there. ``within`` is an offset into ``text``'s own letters (a match inside it).
        """
        key = alnum(text)
        if not key:
            return None
        for size in (40, 16, 6):
            probe = key[:size]
            at = self.text.find(probe, self.cursor)
            if at < 0:
                at = self.text.find(probe)
            if at >= 0:
                self.cursor = at
                return at + min(within, len(key))
        return None

    def line(self, text: str, before: str = "") -> int:
        """The file line of ``text``, the part of a rendered block that starts after
        ``before`` (the block's text that precedes it); the current line when not found."""
        start = self.find(before + text, len(alnum(before)))
        return self.line_at(self.cursor if start is None else start)

    def needle(self, needles: tuple[str, ...] | list[str], near: str = "") -> int:
        """The line of the first needle (something written in the source as it stands, like a
        URL or an attribute name, markup included) found from the line of the text ``near``
        on; the cursor's line when none is found."""
        if near:
            self.find(near[-40:])
        if self.folded is None:
            self.folded = [(fold(line), alnum(line)) for line in self.lines]
        here = self.line_at(self.cursor) - self.first_line
        for needle in needles:
            plain, letters = fold(needle).strip(), alnum(needle)
            if len(letters) < 2:
                continue
            # The same address twice: the second is after the first.
            start = max(here, self.seen.get(plain, -1) + 1)
            for index in [*range(start, len(self.lines)), *range(0, start)]:
                folded, line_letters = self.folded[index]
                if plain in folded or letters in line_letters:
                    self.seen[plain] = index
                    return self.first_line + index
        return self.line_at(self.cursor)
