"""The one message catalog: both languages say everything, the code asks only for what is
there, Babel chooses plurals and writes dates and lists, and no language branches elsewhere."""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path

import pytest

from advocacy.core.checking import consent
from advocacy.core.i18n import catalog
from advocacy.core.i18n.catalog import (
    entries,
    format_date,
    format_list,
    lines,
    placeholders,
    plural,
    text,
)
from advocacy.core.model.findings import Severity
from advocacy.core.review.consent_report import ORDER
from advocacy.core.writing.stories import STORY_TYPES, story

REPO = Path(__file__).resolve().parent.parent
PLUGINS = REPO / "plugins"
PACKAGE = PLUGINS / "advocacy"
I18N = PACKAGE / "core" / "i18n"

# Files outside core/i18n/ that still choose words by language themselves. Each is someone
# else's to move into the catalog; remove a line here when its file no longer branches.
ALLOWED_BRANCHES: set[str] = set()
# A choice of words by a language written out in the code. Comparing a language with another
# variable (``lang == self.default``: which address, which search) is not such a choice.
BRANCH = re.compile(
    r"""[!=]==?\s*["'](?:da|en)["']"""  # == "da", != 'en', === "da"
    r"""|["'](?:da|en)["']\s*[!=]==?"""  # "da" == lang
    r"""|(?<![\w.])lang(?:uage)?\s*[!=]=\s*["']"""  # lang == "de", language != 'sv'
    r"""|(?<![\w.])lang(?:uage)?\s+(?:not\s+)?in\s*[(\[{]\s*["']"""  # lang in ("da", ...)
)


def _kind(entry: catalog.Entry) -> str:
    return (
        "text" if isinstance(entry, str) else ("plural" if isinstance(entry, Mapping) else "lines")
    )


def test_both_languages_have_exactly_the_same_keys() -> None:
    en, da = entries("en"), entries("da")
    assert sorted(set(en) - set(da)) == [], "keys only in en.yml"
    assert sorted(set(da) - set(en)) == [], "keys only in da.yml"
    assert len(en) > 200


def test_every_key_has_the_same_shape_and_placeholders_in_both() -> None:
    en, da = entries("en"), entries("da")
    for key, entry in en.items():
        assert _kind(entry) == _kind(da[key]), key
        assert placeholders(entry) == placeholders(da[key]), key
        if isinstance(entry, tuple):
            assert len(entry) == len(da[key]), key  # numbered steps, one prompt each
        if isinstance(entry, Mapping):
            assert set(entry) == set(da[key]) == {"one", "other"}, key


def test_every_text_can_be_filled_in() -> None:
    """A stray brace would make str.format fail only when the text is first shown."""
    for lang in catalog.LANGUAGES:
        for key, entry in entries(lang).items():
            values = dict.fromkeys(placeholders(entry), "x")
            if isinstance(entry, str):
                text(lang, key, **values)
            elif isinstance(entry, tuple):
                lines(lang, key, **values)
            else:
                plural(lang, key, 2, **values)


# A quoted key, or the start of an f-string key (``f"consent.state.{state}"``); quotes inside
# an f-string's braces are found too, as the pattern reads the source text itself.
KEY = re.compile(r"""(?<!\w)(f?)(["'])([a-z_]+(?:\.[a-z0-9_-]*)+)(\{|\2)""")


def _keys_in_code() -> tuple[set[str], set[str]]:
    """The keys modules that use the catalog name: exact keys, and f-string prefixes."""
    groups = {key.split(".")[0] for key in entries("en")}
    exact, prefixes = set(), set()
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text("utf-8")
        if I18N in path.parents or "i18n.catalog" not in source:
            continue
        for match in KEY.finditer(source):
            is_f, literal, end = match.group(1), match.group(3), match.group(4)
            if literal.split(".")[0] not in groups:
                continue
            if end == "{":
                if is_f:
                    prefixes.add(literal)
            elif not literal.endswith("."):
                exact.add(literal)
    return exact, prefixes


def test_every_key_the_code_asks_for_exists() -> None:
    exact, prefixes = _keys_in_code()
    known = entries("en")
    assert len(exact) > 50  # the scan finds the calls
    assert sorted(k for k in exact if k not in known) == []
    assert sorted(p for p in prefixes if not any(k.startswith(p) for k in known)) == []


def test_every_key_is_used() -> None:
    exact, prefixes = _keys_in_code()
    unused = [k for k in entries("en") if k not in exact and not k.startswith(tuple(prefixes))]
    assert unused == []


def test_every_code_that_is_looked_up_by_its_value_has_words() -> None:
    known = entries("en")
    for state in (*ORDER, consent.UNREADABLE, consent.UNKNOWN):
        assert f"consent.state.{state}" in known
    for state in (
        consent.MISSING,
        consent.NO_EVIDENCE,
        consent.WITHDRAWN,
        consent.EXPIRED,
        consent.UNREADABLE,
        consent.UNKNOWN,
    ):
        assert f"hold.state.{state}" in known
    for reason in ("invalid", "draft", "future", "expired", "consent"):
        assert f"hold.{reason}" in known
    for severity in Severity:
        assert f"check.severity.{severity}" in known
        assert f"check.github.more.{severity}" in known
    for kind in STORY_TYPES:
        assert {f"stories.{kind}.{part}" for part in ("name", "description", "prompts")} <= set(
            known
        )


def test_every_import_note_has_a_message_and_every_kept_note_a_label() -> None:
    notes, errors = set(), set()
    for path in (PACKAGE / "core" / "importing").rglob("*.py"):
        source = path.read_text("utf-8")
        notes |= set(re.findall(r"""(?:Note\.of|\.note)\(\s*["']([a-z0-9-]+)["']""", source))
        errors |= set(re.findall(r"""SourceError\(\s*["']([a-z0-9-]+)["']""", source))
    known = entries("en")
    assert notes and errors
    assert sorted(k for k in notes | errors if f"import.message.{k}" not in known) == []
    assert sorted(k for k in notes if f"import.label.{k}" not in known) == []


@pytest.mark.parametrize(
    ("lang", "n", "files", "warnings"),
    [
        ("en", 0, "0 files", "0 warnings"),
        ("en", 1, "1 file", "1 warning"),
        ("en", 2, "2 files", "2 warnings"),
        ("da", 0, "0 filer", "0 advarsler"),
        ("da", 1, "1 fil", "1 advarsel"),
        ("da", 2, "2 filer", "2 advarsler"),
    ],
)
def test_plurals_follow_babel(lang: str, n: int, files: str, warnings: str) -> None:
    assert plural(lang, "check.count.files", n) == files
    assert plural(lang, "check.count.warnings", n) == warnings


def test_a_plural_fills_in_other_values_too() -> None:
    days = plural("da", "consent_report.days", 1)
    assert days == "1 dag"
    assert plural("da", "consent_report.intro", 3, days=days) == (
        "3 forhold kræver HR's opmærksomhed (inklusive samtykker, der udløber inden for 1 dag)."
    )
    assert (
        plural("en", "consent_report.intro", 1, days=plural("en", "consent_report.days", 30))
        == "1 record needs HR's attention (expiring within 30 days included)."
    )


def test_dates_and_lists_as_each_language_writes_them() -> None:
    day = dt.date(2026, 11, 20)
    assert format_date(day, "en") == "20 November 2026"
    assert format_date(day, "da") == "20. november 2026"
    assert format_date(day, "da", "d. MMM y") == "20. nov. 2026"
    assert format_list(["Anna", "Jonas", "Mette"], "en") == "Anna, Jonas and Mette"
    assert format_list(["Anna", "Jonas", "Mette"], "da") == "Anna, Jonas og Mette"
    assert format_list(["Anna", "Jonas"], "da", style="or") == "Anna eller Jonas"
    assert format_list(["Anna"], "en") == "Anna"


def test_another_language_falls_back_to_english() -> None:
    assert catalog.language("de") == "en" and catalog.language(None) == "en"
    assert text("de", "consent_report.title") == "Consent report"
    assert plural("de", "check.count.files", 1) == "1 file"
    assert format_date(dt.date(2026, 11, 20), "de") == "20 November 2026"


def test_texts_are_filled_in_and_lists_come_in_order() -> None:
    assert text("da", "traces.missing", slug="ole") == "Findes ikke: ole."
    steps = lines(
        "en",
        "traces.steps",
        author_file="authors/ole.yml",
        today="2026-11-28",
        name="Ole",
        paths="--path authors/ole.yml",
    )
    assert len(steps) == 4 and steps[0].startswith(
        "Record the withdrawal now: under 'consent:' in authors/ole.yml add 'withdrawn: 2026-11-28'"
    )
    template = story("canteen", "da", first="Mette")
    # What the story could be about, for the writer's own description (none is written).
    assert template.description == "maden, menneskene og snakken ved bordene"
    assert template.category == "Hverdag" and len(template.prompts) == 3


def test_the_wrong_kind_of_entry_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        text("en", "check.count.files")  # a plural
    with pytest.raises(TypeError):
        plural("en", "check.fix", 2)
    with pytest.raises(KeyError):
        text("en", "no.such.key")


def test_a_locale_file_of_another_shape_is_refused() -> None:
    out: dict[str, catalog.Entry] = {}
    with pytest.raises(catalog.CatalogError):
        catalog._flatten({"hold": {True: "on"}}, "", out, "x.yml")  # YAML read "on:" as True
    with pytest.raises(catalog.CatalogError):
        catalog._flatten({"count": 3}, "", out, "x.yml")


def test_the_locale_files_ship_with_the_package() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["advocacy"]
    for lang in catalog.LANGUAGES:
        rel = (I18N / "locales" / f"{lang}.yml").relative_to(PACKAGE).as_posix()
        assert (PACKAGE / rel).is_file()
        assert any(fnmatch.fnmatch(rel, pattern) for pattern in patterns), rel


def test_no_language_branches_outside_the_catalog() -> None:
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in {".py", ".html", ".js"} or I18N in path.parents:
            continue
        for number, source_line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if BRANCH.search(source_line):
                found.setdefault(path.relative_to(PLUGINS).as_posix(), []).append(
                    f"{number}: {source_line.strip()}"
                )
    assert {k: v for k, v in found.items() if k not in ALLOWED_BRANCHES} == {}, (
        "choose words with advocacy.core.i18n.catalog instead"
    )
    assert sorted(ALLOWED_BRANCHES - set(found)) == [], (
        "these files no longer branch on the language: remove them from ALLOWED_BRANCHES"
    )
