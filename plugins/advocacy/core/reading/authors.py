"""Read the author files (``authors/<slug>.yml``): the single source of truth for people."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from advocacy.core.model.entities import Author, Consent
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import localized, rule
from advocacy.core.model.site import Site, zone
from advocacy.core.model.slugs import slugify
from advocacy.core.reading.schema import (
    SLUG_RE,
    TYPE,
    Checker,
    Date,
    Field,
    Group,
    Invalid,
    Kind,
    ListOf,
    Text,
    Url,
)
from advocacy.core.reading.schema.yamlsource import (
    UNREADABLE,
    YamlSyntaxError,
    load_yaml,
    yaml_finding,
)

E, W = Severity.ERROR, Severity.WARNING

FILE_NAME = rule(
    "author-file-name",
    E,
    (
        "Author files are named by the author's id.",
        "Forfatterfiler er navngivet efter forfatterens id.",
    ),
    (
        "The author file name '{name}' is not a valid id.",
        "Rename the file to '{suggestion}.yml' (lower-case a-z, digits and '-').",
    ),
    (
        "Navnet på forfatterfilen '{name}' er ikke et gyldigt id.",
        "Omdøb filen til '{suggestion}.yml' (små bogstaver a-z, tal og '-').",
    ),
    adjustable=False,
)

TEAM = rule(
    "schema-team",
    E,
    ("Every team has a page of its own.", "Alle teams har deres egen side."),
    (
        "The team '{value}' has no letters or digits, so it cannot have a page.",
        "Write the team's name in words.",
    ),
    (
        "Teamet '{value}' har hverken bogstaver eller tal, så det kan ikke få en side.",
        "Skriv teamets navn med ord.",
    ),
    adjustable=False,
)

CONSENT_UNREADABLE = rule(
    "consent-unreadable",
    W,
    (
        "Consent that cannot be read keeps nobody online: the person's profile and posts wait.",
        "Samtykke, der ikke kan læses, holder ingen online: personens profil og indlæg venter.",
    ),
    (
        "The consent record cannot be read, so this person's profile, photo and posts are held "
        "back: {problem}",
        "{fix}",
    ),
    (
        "Samtykket kan ikke læses, så personens profil, foto og indlæg holdes tilbage: {problem}",
        "{fix}",
    ),
    adjustable=False,
)


class Day(Date):
    """A date; a date with a time counts as its day in the site's time zone (consent is
    judged by the day: a time would only make dates of two kinds that cannot be compared)."""

    def parse(self, value: object, checker: Checker, path: tuple[str | int, ...]) -> dt.date:
        day = super().parse(value, checker, path)
        return day.date() if isinstance(day, dt.datetime) else day


MISPLACED = rule(
    "consent-misplaced",
    E,
    (
        "Consent is written under 'consent:' only, so it is never overlooked.",
        "Samtykke står kun under 'consent:', så det aldrig bliver overset.",
    ),
    (
        "'{field}:' is consent, but it is not under 'consent:', so this person's profile, photo "
        "and posts are held back.",
        "Indent the line under 'consent:' (two spaces), like '  {field}: {example}'.",
    ),
    (
        "'{field}:' er samtykke, men står ikke under 'consent:', så personens profil, foto og "
        "indlæg holdes tilbage.",
        "Ryk linjen ind under 'consent:' (to mellemrum), som '  {field}: {example}'.",
    ),
    adjustable=False,
)

CONSENT_FIELDS = (
    Field("profile", Day(), example="2026-01-10"),
    Field("photo", Day(), example="2026-01-10"),
    Field("evidence", Text(high=120), example="HR-2026-003"),
    Field("withdrawn", Day(), example="2026-11-01"),
    Field("expires", Day(), example="2027-01-10"),
)
# Consent keys written outside 'consent:' (an indentation slip): the person is held back.
CONSENT_KEYS = frozenset(field.name for field in CONSENT_FIELDS) - {"photo"}


class Login(Kind):
    """A GitHub login: letters, digits and single hyphens, at most 39 characters."""

    expected = localized("a GitHub login", "et GitHub-login")
    _LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")

    def parse(self, value: object, checker: Checker, path: tuple[str | int, ...]) -> str:
        text = str(value).strip() if isinstance(value, str | int) else ""
        if not self._LOGIN.match(text):
            raise Invalid(TYPE, "bad-login", value=value)
        return text.lower()


BIO = Text(high=1500, multiline=True)
AUTHOR_FIELDS = (
    Field("name", Text(2, 100), True, "Mette Hansen"),
    Field("role", Text(high=100), True, "Backend-udvikler"),
    Field("team", Text(high=60), True, "IT"),
    Field("location", Text(high=60), example="Aarhus"),
    Field("photo", Text(), example="media/authors/mette-hansen.jpg"),
    Field(
        "linkedin", Url(hosts=("linkedin.com",)), example="https://www.linkedin.com/in/mettehansen"
    ),
    Field("github", ListOf(Login(), most=10), example="[mettehansen]"),
    Field(
        "bio",
        Group((Field("da", BIO, example='"..."'), Field("en", BIO, example='"..."'))),
        example='{da: "...", en: "..."}',
    ),
    Field("consent", Group(CONSENT_FIELDS), example="{profile: 2026-01-10}"),
    Field("left", Day(), example="2026-10-31"),
)


def _consent(checker: Checker, data: dict[str, object]) -> tuple[Consent, bool]:
    """The consent record, and whether it could be read in full.

    Consent that cannot be read (a misspelled key such as 'withdrawen', a date that is no
    date) must never keep anyone online: the record counts as unreadable, which holds the
    person's profile and posts back, and it is a warning, so the build that takes them down
    still runs.
    """
    raw = data.get("consent")
    if raw is None:
        return Consent(), True
    sub = Checker(checker.file, checker.doc, checker.lang, tz=checker.tz)
    values = sub.check_value(Group(CONSENT_FIELDS), raw, ("consent",), "consent")[1] or {}
    readable = not sub.findings
    for finding in sub.findings:
        checker.findings.append(
            CONSENT_UNREADABLE.finding(
                checker.lang, finding.file, finding.line, problem=finding.message, fix=finding.fix
            )
        )
    return Consent(**values), readable


def _misplaced(checker: Checker, data: dict[str, object]) -> None:
    """Consent keys at the top level: an error, so the person is held back (fail closed)."""
    examples = {f.name: f.example for f in CONSENT_FIELDS}
    for key in data:
        if isinstance(key, str) and key in CONSENT_KEYS:
            checker.report(MISPLACED, (key,), None, field=key, example=examples[key])


def read_author(
    site: Site, path: Path, lang: str = "en", text: str | None = None
) -> tuple[Author | None, list[Finding]]:
    """Read and check one author file; the author is None when the file is unusable.

    ``text`` is the file's text when it does not come from the work tree (the base branch).
    """
    rel = site.rel(path)
    slug = path.stem

    what = localized("author file", "Forfatterfilen")
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
        doc = load_yaml(text)
    except (OSError, UnicodeDecodeError) as exc:
        return None, [UNREADABLE.finding(lang, rel, None, error=exc)]
    except YamlSyntaxError as exc:
        return None, [yaml_finding(exc, text or "", 1, lang, rel, what)]
    if not isinstance(doc.data, dict):
        got = localized("empty", "tom") if doc.data is None else localized("plain text", "tekst")
        return None, [TYPE.finding(lang, rel, 1, "not-a-mapping", what=what, got=got)]
    checker = Checker(rel, doc, lang, tz=zone(site.timezone))
    if not SLUG_RE.match(slug):
        checker.report(
            FILE_NAME, (), None, name=path.name, suggestion=slugify(slug) or "firstname-lastname"
        )
    consent, readable = _consent(checker, doc.data)
    _misplaced(checker, doc.data)
    values = checker.check_mapping(
        {k: v for k, v in doc.data.items() if k != "consent" and k not in CONSENT_KEYS},
        AUTHOR_FIELDS,
    )
    if values.get("team") and not slugify(values["team"]):
        checker.report(TEAM, ("team",), None, value=values["team"])
    if any(f.severity is Severity.ERROR for f in checker.findings):
        return None, checker.findings
    author = Author(
        slug=slug,
        file=rel,
        name=values["name"],
        role=values["role"],
        team=values["team"],
        location=values.get("location"),
        photo=values.get("photo"),
        linkedin=values.get("linkedin"),
        github=[str(g) for g in values.get("github", [])],
        bio=values.get("bio", {}),
        consent=consent,
        consent_readable=readable,
        left=values.get("left"),
        meta_lines=doc,
    )
    return author, checker.findings
