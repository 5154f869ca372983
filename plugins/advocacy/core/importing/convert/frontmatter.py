"""Front matter and dates as real archives write them.

Posts written by people over years have front matter with tabs, duplicate keys, byte-order
marks and Windows line ends, and dates in a dozen forms. The check of new posts is strict on
purpose; the importer is lenient here, once, and says in the report what it repaired.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import yaml


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that keeps timestamps as text (we parse dates ourselves), leaves unknown
    tags as plain values and remembers duplicate keys instead of silently dropping them."""

    duplicates: list[str]

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, str | int | float | bool) and key in seen:
                self.duplicates.append(str(key))
            if isinstance(key, str | int | float | bool):
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _as_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node)  # type: ignore[arg-type]


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _as_text)
_Loader.add_multi_constructor("!", _unknown_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)

_PLAIN_VALUE = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+([^\s\"'\[{|>&*!%@`#-].*?)[ \t]*$")


def _quote_odd_values(text: str) -> str:
    """Quote top-level plain values YAML trips over (``title: Foo: bar``, curly quotes)."""
    out = []
    for line in text.split("\n"):
        match = _PLAIN_VALUE.match(line)
        value = match.group(2) if match else ""
        if match and (": " in value or " #" in value or value[0] in "“‘"):
            line = f"{match.group(1)}: {json.dumps(value, ensure_ascii=False)}"
        out.append(line)
    return "\n".join(out)


def load_yaml_leniently(text: str) -> tuple[Any, list[str]]:
    """YAML as real archives write it: returns the data and what had to be repaired.

    Tries the text as written, then with tabs turned into spaces and trailing blanks removed,
    then with odd plain values quoted. Raises ``ValueError`` when nothing works.
    """
    untabbed = "\n".join(
        re.sub(r"^\t+", lambda m: "  " * len(m.group()), line).rstrip() for line in text.split("\n")
    )
    quoted = _quote_odd_values(untabbed)
    attempts = [
        (text, []),
        (untabbed, ["tabs or trailing spaces"] if untabbed != text else []),
        (
            quoted,
            (["tabs or trailing spaces"] if untabbed != text else [])
            + (["text with a colon or curly quotes, now quoted"] if quoted != untabbed else []),
        ),
    ]
    problem = ""
    for candidate, repairs in attempts:
        loader = _Loader(candidate)
        loader.duplicates = []
        try:
            data = loader.get_single_data()
        except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
            problem = problem or " ".join(str(exc).split())
            continue
        finally:
            loader.dispose()
        repairs = repairs + [
            f"duplicate key '{k}' (the last one is used)" for k in loader.duplicates
        ]
        return data, repairs
    raise ValueError(problem)


@dataclass
class FrontMatter:
    """A source file split into its front matter (as data) and its body."""

    data: dict[str, Any]
    body: str
    repairs: list[str] = field(default_factory=list)


def read_front_matter(text: str) -> FrontMatter:
    """Split YAML (``---``), TOML (``+++``) or JSON (``{``) front matter from a body.

    Byte-order marks, Windows line ends and blank lines before the opening line are accepted.
    Raises ``ValueError`` when the front matter cannot be read.
    """
    repairs = ["byte-order mark"] if text.startswith("\ufeff") else []
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    stripped = text.lstrip(" \t\n")
    if stripped != text and stripped.startswith(("---", "+++", "{")):
        repairs.append("blank lines before the front matter")
    for fence, kind in (("---", "yaml"), ("+++", "toml")):
        opening = re.match(rf"{re.escape(fence)}[ \t]*(?:\n|$)", stripped)
        if opening:
            start = opening.end()
            end = re.search(rf"^{re.escape(fence)}[ \t]*$|^\.\.\.[ \t]*$", stripped[start:], re.M)
            if end is None:
                raise ValueError(f"the front matter has no closing '{fence}' line")
            raw, body = stripped[start : start + end.start()], stripped[start + end.end() :]
            body = body[1:] if body.startswith("\n") else body
            if kind == "toml":
                data: Any = tomllib.loads(raw)
            else:
                data, fixed = load_yaml_leniently(raw)
                repairs += fixed
            if data is None:
                data = {}
            if not isinstance(data, dict):
                raise ValueError("the front matter is not a list of fields")
            return FrontMatter(data, body, repairs)
    if stripped.startswith("{"):  # Hugo's JSON front matter; anything else is body text
        try:
            decoded, end_index = json.JSONDecoder().raw_decode(stripped)
        except ValueError:
            decoded, end_index = None, 0
        if isinstance(decoded, dict):
            return FrontMatter(decoded, stripped[end_index:].lstrip("\n"), repairs)
    return FrontMatter({}, text, repairs)


# --- dates ---

# fmt: off
_ZONES = {"UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
          "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "CET": 1, "CEST": 2, "BST": 1,
          "WET": 0, "WEST": 1, "EET": 2, "EEST": 3}
# Month names in English and Danish, as people write dates in front matter.
_MONTHS = {name: index for index, names in enumerate(
    ("jan januar january", "feb februar february", "mar marts march", "apr april",
     "may maj", "jun juni june", "jul juli july", "aug august", "sep sept september",
     "oct okt oktober october", "nov november", "dec december"), start=1)
    for name in names.split()}
# fmt: on
_ISO = re.compile(
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,4})?\b"
)
_WORDS = re.compile(
    r"^(?:(\d{1,2})\.?\s+([a-zæøå]+)|([a-zæøå]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?),?"
    r"\s+(\d{4})",
    re.IGNORECASE,
)


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text.upper() in _ZONES:
        return dt.timezone(dt.timedelta(hours=_ZONES[text.upper()]))
    if text[0] not in "+-":
        return None  # an abbreviation we do not know: read the time as the source's own
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def parse_when(value: Any) -> dt.date | None:
    """A date or datetime from what front matter holds; None when it is not one.

    Accepts dates and datetimes (aware or naive), ISO text with or without a time and a zone
    (``2016-03-04 10:00:00 -0500``, ``2014-05-14 11:02 EDT``, ``2019-12-3``), words
    (``June 12, 2015``, ``12. juni 2015``), RFC 2822 (``Wed, 02 Oct 2002 13:00:00 GMT``) and
    text after the date (``2016-05-19 (optional)``).
    """
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().strip("'\"")
    match = _ISO.match(text)
    try:
        if match:
            year, month, day, hour, minute, second, zone = match.groups()
            if hour is None:
                return dt.date(int(year), int(month), int(day))
            return dt.datetime(
                int(year),
                int(month),
                int(day),
                int(hour),
                int(minute),
                int(second or 0),
                tzinfo=_zone(zone),
            )
        words = _WORDS.match(text)
        if words:
            day_text = words.group(1) or words.group(4)
            month_text = words.group(2) or words.group(3)
            month_number = _MONTHS.get(month_text.lower())
            if month_number:
                return dt.date(int(words.group(5)), month_number, int(day_text))
        return parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError):
        return None


def to_site_time(value: dt.date, source_zone: dt.tzinfo, site_zone: dt.tzinfo) -> dt.date:
    """``value`` in the site's time zone, naive; a time of exactly midnight becomes a date.

    A datetime without a zone is taken to be in the source's zone (Jekyll's ``timezone``,
    Hugo's ``timeZone``, or the site's).
    """
    if not isinstance(value, dt.datetime):
        return value
    aware = value if value.tzinfo else value.replace(tzinfo=source_zone)
    try:
        local = aware.astimezone(site_zone).replace(tzinfo=None)
    except OverflowError:  # year 1 at +05:00: one post not imported, not the whole import
        raise ValueError(f"the date {value.isoformat()} is out of range") from None
    return local.date() if local.time() == dt.time(0) else local


def date_from_name(name: str) -> dt.date | None:
    """The date at the start of a file name (``2019-12-3-long-term-teams.md``)."""
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:-|$|\.)", name)
    try:
        return dt.date(*(int(g) for g in match.groups())) if match else None
    except ValueError:
        return None
