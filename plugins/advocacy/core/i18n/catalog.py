"""The one message catalog: every text the tools show that is not a rule's own.

One YAML file per language (``locales/en.yml``, ``locales/da.yml``, as Material keeps its
theme strings), grouped by tool; a key is the dotted path to its text, such as
``review.title``. A value is a text, a list of texts (lines shown in order), or a plural:
a mapping of Babel's plural forms (``one``, ``other``) to texts. Texts are
:meth:`str.format` templates, so a literal brace is written twice.

Babel, which Material depends on already, chooses the plural form and writes dates and
lists the way each language does. Rule messages are not here: each rule declares its own
next to its check.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import yaml
from babel import Locale
from babel.dates import format_date as babel_date
from babel.lists import format_list as babel_list

LANGUAGES = ("en", "da")
DEFAULT = "en"
LOCALES_DIR = Path(__file__).with_name("locales")
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})
# The Babel locale of each language: British English, like the site's dates and Open Graph.
BABEL_LOCALES = MappingProxyType({"en": "en_GB", "da": "da_DK"})

Entry = str | tuple[str, ...] | Mapping[str, str]


class CatalogError(ValueError):
    """A locale file that does not have the catalog's shape."""


def language(lang: str | None) -> str:
    """``lang`` when the catalog has it, else English."""
    return lang if lang in LANGUAGES else DEFAULT


def _plural(value: object) -> dict[str, str] | None:
    """``value`` when it is a plural entry (Babel's forms to texts), else None."""
    if (
        isinstance(value, dict)
        and "other" in value
        and set(value) <= PLURAL_FORMS
        and all(isinstance(v, str) for v in value.values())
    ):
        return {str(k): str(v) for k, v in value.items()}
    return None


def _flatten(node: object, prefix: str, out: dict[str, Entry], source: str) -> None:
    if isinstance(node, str):
        out[prefix] = node
    elif isinstance(node, list) and node and all(isinstance(x, str) for x in node):
        out[prefix] = tuple(node)
    elif (forms := _plural(node)) is not None:
        out[prefix] = MappingProxyType(forms)
    elif isinstance(node, dict) and node:
        for key, value in node.items():
            if not isinstance(key, str) or not key or "." in key:
                raise CatalogError(f"{source}: '{prefix}' has the key {key!r}: keys are words")
            _flatten(value, f"{prefix}.{key}" if prefix else key, out, source)
    else:
        raise CatalogError(
            f"{source}: '{prefix}' must be a text, a list of texts, a group or a plural (one/other)"
        )


@functools.cache
def _read(lang: str) -> Mapping[str, Entry]:
    path = LOCALES_DIR / f"{lang}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, Entry] = {}
    _flatten(data, "", out, path.name)
    return MappingProxyType(out)


def entries(lang: str) -> Mapping[str, Entry]:
    """Every entry of ``lang``'s file by its dotted key (read once, never changed)."""
    return _read(language(lang))


def known(key: str) -> bool:
    """Whether the catalog has ``key`` (for codes that may come from elsewhere)."""
    return key in entries(DEFAULT)


def _entry(lang: str, key: str) -> Entry:
    found = entries(language(lang)).get(key)
    if found is None:
        found = entries(DEFAULT)[key]  # a key the catalog lacks is a programming error
    return found


def _format(template: str, values: Mapping[str, object]) -> str:
    return template.format_map(values) if values else template.format()


def text(lang: str, key: str, /, **values: object) -> str:
    """The text of ``key`` in ``lang`` (English for another language), filled in."""
    entry = _entry(lang, key)
    if not isinstance(entry, str):
        raise TypeError(f"'{key}' is not a single text: use lines() or plural()")
    return _format(entry, values)


def lines(lang: str, key: str, /, **values: object) -> list[str]:
    """The list of texts of ``key`` in ``lang``, each filled in."""
    entry = _entry(lang, key)
    if not isinstance(entry, tuple):
        raise TypeError(f"'{key}' is not a list of texts")
    return [_format(line, values) for line in entry]


@functools.cache
def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[language(lang)])


def plural(lang: str, key: str, n: int, /, **values: object) -> str:
    """The form of ``key`` that goes with the number ``n`` in ``lang``, filled in with
    ``{n}`` and ``values``: ``1 file``, ``2 files``; ``1 fil``, ``2 filer``."""
    lang = language(lang)
    entry = _entry(lang, key)
    if not isinstance(entry, Mapping):
        raise TypeError(f"'{key}' is not a plural")
    form = _locale(lang).plural_form(n)
    return _format(entry.get(form, entry["other"]), {"n": n, **values})


def format_date(value: dt.date, lang: str, format: str = "long") -> str:
    """A date as ``lang`` writes it: ``20 November 2026``, ``20. november 2026`` (Babel's
    ``short``, ``medium``, ``long`` or ``full``, or a pattern such as ``d. MMMM y``)."""
    return babel_date(value, format=format, locale=_locale(lang))


ListStyle = Literal[
    "standard", "standard-short", "or", "or-short", "unit", "unit-short", "unit-narrow"
]


def format_list(items: Iterable[str], lang: str, style: ListStyle = "standard") -> str:
    """Items joined as ``lang`` joins them: ``a, b and c``, ``a, b og c`` (``style="or"``:
    ``a, b or c``)."""
    return babel_list(list(items), style=style, locale=_locale(lang))


def placeholders(entry: Entry) -> frozenset[str]:
    """The ``{names}`` an entry's texts use (for tests that compare the languages)."""
    texts = (
        [entry]
        if isinstance(entry, str)
        else list(entry.values() if isinstance(entry, Mapping) else entry)
    )
    return frozenset(
        name.split(".")[0].split("[")[0]
        for t in texts
        for _, name, _, _ in string.Formatter().parse(t)
        if name
    )
