"""The kinds of value a field can hold: text, dates, addresses, ids, lists and groups.

Each kind converts a YAML value or raises :class:`~.checker.Invalid` with the rule it
breaks and the words for the message.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from advocacy.core.model.findings import Severity
from advocacy.core.model.rules import Rule, localized, rule
from advocacy.core.model.slugs import slugify
from advocacy.core.reading.schema.checker import (
    CHOICE,
    DATE,
    DUPLICATE,
    LIMIT,
    TEXT,
    TYPE,
    Checker,
    Field,
    Invalid,
    Kind,
    describe,
)

E = Severity.ERROR
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Pages print these fields as they are (MkDocs does not escape; Material's search shows
# titles as HTML): markup and invisible control characters are refused at the door.
_MARKUP = re.compile(r"[<>]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# Characters XML 1.0 cannot carry (C0 controls but tab, line feed and carriage return; lone
# surrogates; U+FFFE, U+FFFF and the other noncharacters): a feed holding one cannot be
# written at all, so no text field, post or page may hold one.
NOT_XML_CLASS = r"\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef" + "".join(
    f"{chr(p + 0xFFFE)}{chr(p + 0xFFFF)}" for p in range(0, 0x110000, 0x10000)
)
NOT_XML = re.compile(f"[{NOT_XML_CLASS}]")
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060-\u2064\ufeff"
    r"\u202a-\u202e\u2066-\u2069" + NOT_XML_CLASS + "]"
)


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot carry (a feed is written whatever it holds)."""
    return NOT_XML.sub("", text)


def plain_text(text: str, multiline: bool = False) -> None:
    """Refuse markup and control characters in text that pages print (raises Invalid)."""
    match = _MARKUP.search(text)
    if match:
        raise Invalid(TEXT, char=match.group())
    match = _CONTROL.search(text if multiline else text.replace("\n", "\x00"))
    if match:
        char = match.group()
        raise Invalid(
            TEXT, "text-line-break" if char == "\x00" else "text-control", char=f"U+{ord(char):04X}"
        )


class Text(Kind):
    """Text that pages show, optionally with a length range; numbers are accepted as text.

    ``multiline`` allows line breaks (a share text, a bio). Outside ``low``..``high`` is an
    error unless ``soft``: then the value is kept and a finding of the rule ``soft`` says so.
    """

    expected = localized("text", "tekst")

    def __init__(
        self,
        low: int | None = None,
        high: int | None = None,
        multiline: bool = False,
        soft: Rule | None = None,
    ) -> None:
        self.low, self.high, self.multiline, self.soft = low, high, multiline, soft

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> str:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise Invalid(TYPE, None, expected=self.expected, got=describe(value))
        text = str(value).strip()
        if not text:
            raise Invalid(TYPE, "empty")
        plain_text(text, self.multiline)
        if (self.low and len(text) < self.low) or (self.high and len(text) > self.high):
            if not self.soft:
                raise Invalid(
                    TYPE,
                    "bad-length" if self.low else "too-long",
                    length=len(text),
                    low=self.low,
                    high=self.high,
                )
            checker.report(
                self.soft,
                path,
                None,
                field=str(path[-1]),
                length=len(text),
                low=self.low,
                high=self.high,
            )
        return text


FIRST_YEAR, LAST_YEAR = 1970, 2199  # what a post, consent or release date can be


class Date(Kind):
    """A date (YYYY-MM-DD); a date with a time keeps its time, as the site's local time.

    A time with a zone is turned into the site's time zone and then kept without one, so
    every date of the site compares with every other.
    """

    expected = localized("a date", "en dato")

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> dt.date:
        if isinstance(value, str):
            text = value.strip()
            try:
                value = (
                    dt.datetime.fromisoformat(text)
                    if ("T" in text or " " in text)
                    else (dt.date.fromisoformat(text))
                )
            except ValueError:
                raise Invalid(DATE, None, value=value) from None
        if not isinstance(value, dt.date):
            raise Invalid(DATE, None, value=value)
        if not FIRST_YEAR <= value.year <= LAST_YEAR:  # also: year 1 in +05:00 overflows
            raise Invalid(DATE, "date-range", value=value, first=FIRST_YEAR, last=LAST_YEAR)
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            try:
                value = value.astimezone(checker.tz).replace(tzinfo=None)
            except (OverflowError, ValueError):
                raise Invalid(DATE, None, value=value) from None
        return value


class Boolean(Kind):
    """true or false."""

    expected = localized("true or false", "true eller false")

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> bool:
        if isinstance(value, bool):
            return value
        raise Invalid(TYPE, None, expected=self.expected, got=describe(value))


class Email(Kind):
    """An e-mail address (a mailbox the company publishes, like HR's)."""

    expected = localized("an e-mail address", "en e-mailadresse")
    _ADDRESS = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> str:
        text = str(value).strip() if isinstance(value, str) else ""
        if not self._ADDRESS.match(text):
            raise Invalid(TYPE, "bad-email", value=value)
        return text


NUMBER = rule(
    "schema-number",
    E,
    (
        "Numbers are finite and within the range their field allows.",
        "Tal er endelige og inden for det interval, deres felt tillader.",
    ),
    (
        "'{field}' is {value}; it must be a number from {low} to {high}.",
        "Write e.g. '{field}: {example}'.",
    ),
    (
        "'{field}' er {value}; det skal være et tal fra {low} til {high}.",
        "Skriv f.eks. '{field}: {example}'.",
    ),
    adjustable=False,
)


class Number(Kind):
    """A finite number (an integer or a decimal) from ``low`` to ``high``.

    YAML reads '.nan' and '.inf' as numbers, and an integer of any length: neither is a
    number a page can use (NaN is no JSON; a 400-digit integer is no float).
    """

    expected = localized("a number", "et tal")

    def __init__(self, low: float, high: float) -> None:
        self.low, self.high = low, high

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise Invalid(TYPE, None, expected=self.expected, got=describe(value))
        number = value if isinstance(value, float) else None
        if isinstance(value, int) and abs(value) <= 10**300:
            number = float(value)
        if number is None or not math.isfinite(number) or not self.low <= number <= self.high:
            shown = str(value) if len(str(value)) <= 20 else f"{str(value)[:12]}…"
            raise Invalid(NUMBER, None, value=shown, low=self.low, high=self.high)
        return number


class OldAddress(Kind):
    """An address a post had on an earlier site (``/2016/03/04/title.html``), kept working."""

    expected = localized("an address on this site", "en adresse på dette site")
    _PATH = re.compile(r"^/(?:[A-Za-z0-9._~!$'()*+,;=:@%-]+/?)*(?:\?[A-Za-z0-9=&%._-]*)?$")

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> str:
        text = str(value).strip() if isinstance(value, str) else ""
        if not self._PATH.match(text) or "/../" in text + "/" or "//" in text:
            raise Invalid(TYPE, "bad-old-address", value=value)
        return text


class Choice(Kind):
    """One of a fixed set of words."""

    def __init__(self, choices: Sequence[str]) -> None:
        self.choices = tuple(choices)

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> str:
        if str(value) not in self.choices:
            raise Invalid(CHOICE, None, value=value, choices=", ".join(self.choices))
        return str(value)


class Url(Kind):
    """An https:// address, parsed; ``hosts`` limits it to those sites (and their sub-domains)."""

    expected = localized("a web address", "en webadresse")

    def __init__(self, hosts: Sequence[str] = ()) -> None:
        self.hosts = tuple(hosts)

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> str:
        url = check_url(value, self.hosts)
        if url is None:
            if self.hosts and isinstance(value, str) and check_url(value) is not None:
                raise Invalid(TYPE, "bad-url-host", value=value, hosts=", ".join(self.hosts))
            raise Invalid(TYPE, "bad-url", value=value)
        return url


def check_url(value: Any, hosts: Sequence[str] = ()) -> str | None:
    """``value`` when it is an https address of a real host (one of ``hosts``, when given)."""
    if (
        not isinstance(value, str)
        or value != value.strip()
        or _CONTROL.search(value)
        or any(c in value for c in ' "<>\\^`{|}')
    ):
        return None
    try:
        parts = urlsplit(value)
        host = (parts.hostname or "").encode("idna").decode("ascii")
    except (ValueError, UnicodeError):
        return None
    if (
        parts.scheme != "https"
        or parts.username
        or parts.password
        or "." not in host.strip(".")
        or host != host.lower()
    ):
        return None
    if hosts and not any(
        host.rstrip(".") == h or host.rstrip(".").endswith("." + h) for h in hosts
    ):
        return None
    return value


class Slug(Kind):
    """A lower-case ASCII id (a-z, 0-9, '-')."""

    expected = localized("an id", "et id")

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> str:
        text = str(value).strip() if isinstance(value, str | int) else None
        if text is None:
            raise Invalid(TYPE, None, expected=self.expected, got=describe(value))
        if not SLUG_RE.match(text):
            raise Invalid(TYPE, "bad-slug", value=text, suggestion=slugify(text) or "my-post")
        return text


class ListOf(Kind):
    """A list of items of one kind; a single value counts as a list of one."""

    expected = localized("a list", "en liste")

    def __init__(self, item: Kind, non_empty: bool = False, most: int | None = None) -> None:
        self.item, self.non_empty, self.most = item, non_empty, most

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> list[Any]:
        if value is None:
            value = []
        if isinstance(value, str) and "," in value and isinstance(self.item, Text | Slug):
            # 'tags: kantine, aarhus' is one text to YAML: a list needs its brackets.
            parts = [part.strip() for part in value.split(",") if part.strip()]
            raise Invalid(TYPE, "list-commas", value=value, items=", ".join(parts))
        items = value if isinstance(value, list) else [value]
        if self.non_empty and not items:
            raise Invalid(TYPE, "empty")
        if self.most is not None and len(items) > self.most:
            raise Invalid(LIMIT, None, count=len(items), most=self.most)
        out = []
        for index, item in enumerate(items):
            ok, parsed = checker.check_value(self.item, item, (*path, index), str(path[-1]))
            if not ok:
                continue
            if isinstance(parsed, str | int) and parsed in out:
                # Listed twice (an author, a category): once is what was meant.
                checker.report(DUPLICATE, (*path, index), None, field=str(path[-1]), value=parsed)
                continue
            out.append(parsed)
        return out


class Group(Kind):
    """A nested mapping with fields of its own."""

    expected = localized("a group of fields", "en gruppe felter")

    def __init__(self, fields: Sequence[Field], extra_ok: bool = False) -> None:
        self.fields, self.extra_ok = tuple(fields), extra_ok

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Invalid(TYPE, None, expected=self.expected, got=describe(value))
        return checker.check_mapping(value, self.fields, path, extra_ok=self.extra_ok)
