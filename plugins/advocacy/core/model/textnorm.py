"""Undo disguises before matching deny-listed words: entities, look-alikes, zero-width marks.

``<ſcrіpt>`` (Cyrillic i, long s), ``&#106;avascript:``, ``java&#x09;script:``, full-width
letters and ``Nord\u200blys`` all match what they imitate once normalized.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Characters that render as nothing (or nearly) and can hide inside a word.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff]"
)
# Letters from other scripts that look like Latin ones (the common part of Unicode's
# confusables list); NFKC already folds full-width, ligatures and mathematical letters.
_CONFUSABLES = str.maketrans(
    {
        "а": "a",
        "в": "b",
        "е": "e",
        "ѕ": "s",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "ɡ": "g",
        "ɩ": "i",
        "ſ": "s",
        "ı": "i",
        "А": "a",
        "В": "b",
        "Е": "e",
        "Ѕ": "s",
        "І": "i",
        "Ј": "j",
        "К": "k",
        "М": "m",
        "Н": "h",
        "О": "o",
        "Р": "p",
        "С": "c",
        "Т": "t",
        "У": "y",
        "Х": "x",
        "α": "a",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "Α": "a",
        "Β": "b",
        "Ε": "e",
        "Ζ": "z",
        "Η": "h",
        "Ι": "i",
        "Κ": "k",
        "Μ": "m",
        "Ν": "n",
        "Ο": "o",
        "Ρ": "p",
        "Τ": "t",
        "Υ": "y",
        "Χ": "x",
    }
)


def unescape_all(text: str) -> str:
    """HTML entities decoded until nothing changes (``&amp;#106;`` too)."""
    for _ in range(4):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def fold(text: str) -> str:
    """Lower-case text with disguises undone; keeps Danish letters (æ, ø, å) as they are."""
    if "&" not in text and "\xad" not in text and max(text, default=" ") <= "\xff":
        # Latin-1 only (Danish included), no entities, no soft hyphens: nothing is disguised.
        return text.lower()
    text = INVISIBLE.sub("", unescape_all(text))
    text = unicodedata.normalize("NFKC", text).translate(_CONFUSABLES)
    return text.casefold()


def fold_letters(text: str) -> str:
    """Like :func:`fold`, but entities stay as written: for reading markup, where ``&lt;`` is
    text and ``<`` is a tag."""
    if "\xad" not in text and max(text, default=" ") <= "\xff":
        return text.lower()
    text = INVISIBLE.sub("", text)
    return unicodedata.normalize("NFKC", text).translate(_CONFUSABLES).casefold()


def fold_url(value: str) -> str:
    """A URL as a browser reads its scheme: disguises undone, controls and spaces dropped."""
    return re.sub(r"[\x00-\x20\x7f]+", "", fold(value))


def term_pattern(term: str) -> re.Pattern[str]:
    """A whole-word, case-insensitive pattern for a folded term; spaces match any spacing."""
    words = [re.escape(w) for w in fold(term).split()]
    return re.compile(r"(?<![\w])" + r"\s+".join(words) + r"(?![\w])")
