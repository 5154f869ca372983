"""Readable ASCII slugs: æ becomes ae, ø oe, å aa; other accents are dropped."""

from __future__ import annotations

import re
import unicodedata

_DANISH = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa", "ß": "ss"}
)
_DATE_PREFIX = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-")


def slugify(text: str) -> str:
    """Turn text into a lower-case ASCII slug: ``Frokost på 5. sal`` -> ``frokost-paa-5-sal``."""
    text = text.translate(_DANISH)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def slug_from_filename(name: str) -> str:
    """A post's slug from its file name: no ``.md``, no leading ``YYYY-MM-DD-``."""
    stem = name[:-3] if name.endswith(".md") else name
    return slugify(_DATE_PREFIX.sub("", stem))


def initials(name: str) -> str:
    """Up to two initials for an avatar (``Mette Hansen`` -> ``MH``)."""
    parts = [p for p in re.split(r"[\s\-]+", name.strip()) if p]
    if not parts:
        return "?"
    letters = parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")
    return letters.upper()


def toc_slugify(value: str, separator: str = "-") -> str:
    """Heading anchors for python-markdown's toc (``slugify:`` in mkdocs.yml): æ -> ae."""
    return slugify(value).replace("-", separator)
