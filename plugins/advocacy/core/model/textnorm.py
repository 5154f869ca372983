"""Undo disguises before matching deny-listed words: entities, look-alikes, zero-width marks.

``<ſcrіpt>`` (Cyrillic i, long s), ``&#106;avascript:``, ``java&#x09;script:``, full-width
letters and ``Nord\u200blys`` all match what they imitate once normalized.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from importlib import resources

# Characters that render as nothing (or nearly) and can hide inside a word: Unicode's
# default-ignorable code points (tag characters and variation selectors included) and the
# format controls.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
# Combining marks left over once NFKC has composed what it can (a letter with a line
# under it, "Hanse\u0332n"): they decorate a letter and never make another one.
_STRAY_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Letters from other scripts that look like Latin ones: these, then every other character
# that Unicode's confusables list (confusable-homoglyphs ships it) says looks like a Latin
# letter or digit. NFKC already folds full-width, ligatures and mathematical letters.
_COMMON = str.maketrans(
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


@functools.cache
def _confusables() -> dict[int, str]:
    """The complete table: each non-Latin-1 character that looks like an ASCII letter or
    digit, to that letter (lower case). Derived once from Unicode's confusables list (the
    confusable-homoglyphs package; a test keeps the copy equal): the list itself costs a
    build 15 MB of memory for the 1,314 entries used."""
    table: dict[int, str] = {}
    for line in resources.files("advocacy.core.model").joinpath("confusables.txt").open("r"):
        if line.strip() and not line.startswith("#"):
            code, letter = line.split()
            table[int(code, 16)] = letter
    table.update(_COMMON)
    return table


def confusables_from_unicode() -> dict[int, str]:
    """The table as derived from the confusable-homoglyphs package (for the test that keeps
    ``confusables.txt`` equal to it, and to make the file again)."""
    data = json.loads(
        resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    )
    table: dict[int, str] = {}
    for char, looks in data.items():
        if len(char) != 1 or char <= "\xff":
            continue
        latin = sorted(
            {
                g["c"].lower()
                for g in looks
                if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalnum()
            }
        )
        if latin:
            table[ord(char)] = latin[0]
    return table


def _letters(text: str) -> str:
    text = unicodedata.normalize("NFKC", INVISIBLE.sub("", text))
    return _STRAY_MARKS.sub("", text).translate(_confusables())


def visible(text: str) -> str:
    """``text`` as it looks: invisible characters and stray combining marks left out, case
    and letters kept (for reading names: "Han\U000e0041sen" is "Hansen")."""
    if max(text, default=" ") <= "\xff" and "\xad" not in text:
        return text
    return _STRAY_MARKS.sub("", unicodedata.normalize("NFC", INVISIBLE.sub("", text)))


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
    return _letters(unescape_all(text)).casefold()


def fold_letters(text: str) -> str:
    """Like :func:`fold`, but entities stay as written: for reading markup, where ``&lt;`` is
    text and ``<`` is a tag."""
    if "\xad" not in text and max(text, default=" ") <= "\xff":
        return text.lower()
    return _letters(text).casefold()


def fold_url(value: str) -> str:
    """A URL as a browser reads its scheme: disguises undone, controls and spaces dropped."""
    return re.sub(r"[\x00-\x20\x7f]+", "", fold(value))


# What may stand between the words of a term as people and machines write it: spaces, any
# hyphen or dash, an underscore, a dot, a slash, or nothing ("#ProjektFyrtårn",
# "Projekt\u2011Fyrtårn", "projekt_fyrtarn.jpg", "nordhavnlogistik.dk").
_JOIN = r"[\s_.\-/\u2010-\u2015\u2212\ufe58\ufe63\uff0d]*"
# Endings Danish and English put on a name: the genitive (-s, -'s, -') and the definite
# forms (-en, -et, -ens, -ets). No more: "fyr" must not match "fyrer" or "fyre".
_ENDING = r"(?:['\u2019](?:s(?![^\W_]))?|s|en|et|ens|ets)?"
_WORDS = re.compile(r"[^\W_]+")


def term_pattern(term: str) -> re.Pattern[str]:
    """A whole-word pattern for a folded term (case and look-alikes undone): its words may be
    separated by any spacing, hyphen, dash, underscore or dot, or joined, and the last may
    carry a genitive or Danish ending. A term never matches inside a longer word."""
    words = [re.escape(w) for w in _WORDS.findall(fold(term))]
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![^\W_])" + _JOIN.join(words) + _ENDING + r"(?![^\W_])")
