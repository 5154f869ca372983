"""``teams.yml``: what applicants read about each team (a description in each language, a
photo, the team's own jobs page), kept by HR or the team leads.

The file is read like an author file, with the line of every problem. Teams themselves come
from the authors' ``team:``; a team in ``teams.yml`` that no author names is pointed out
(it is usually a spelling mistake). A team photo shows people, so it appears only while
everyone it ``shows`` consents to their photo; ``shows: []`` says nobody can be recognised.

    Udvikling:                       # the team's name, as authors write it
      name: {en: Development}        # optional: the name in other languages
      description:
        da: "Vi bygger ruteplanlægningen ..."
        en: "We build the route planning ..."
      photo: media/teams/udvikling.jpg
      photo_alt: {da: "...", en: "..."}
      shows: [mette-hansen]          # required with a photo
      jobs: https://kystlinje.example/job/udvikling
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from advocacy.core.checking.people.elsewhere import withhold
from advocacy.core.checking.rules.confidential import confidential_in
from advocacy.core.checking.rules.personal_data import findings_in
from advocacy.core.checking.rules.safety import INTERNAL, host_of, internal
from advocacy.core.checking.texts import Segment
from advocacy.core.i18n.ui import LANGUAGES
from advocacy.core.model.entities import Author
from advocacy.core.model.findings import Finding
from advocacy.core.publishing.careers.brand import _file_findings
from advocacy.core.publishing.edition import Edition
from advocacy.core.reading.references import SYMLINK, media_finding
from advocacy.core.reading.repository import Repository
from advocacy.core.reading.schema import (
    CHOICE,
    MISSING,
    TYPE,
    Checker,
    Field,
    Group,
    Invalid,
    ListOf,
    Slug,
    Text,
    Url,
    plain_text,
)
from advocacy.core.reading.schema.yamlsource import (
    NOT_READ,
    UNREADABLE,
    RepoFileError,
    YamlSyntaxError,
    load_yaml,
    read_repo_text,
    yaml_finding,
)

TEAMS_FILE = "teams.yml"


def _per_language(kind: Text) -> Group:
    return Group(tuple(Field(code, kind, example='"..."') for code in LANGUAGES))


TEAM_FIELDS = (
    Field("name", _per_language(Text(high=60)), example="{en: Development}"),
    Field(
        "description",
        _per_language(Text(high=700, multiline=True)),
        example='{da: "...", en: "..."}',
    ),
    Field("photo", Text(high=200), example="media/teams/udvikling.jpg"),
    Field("photo_alt", _per_language(Text(high=200)), example='{da: "...", en: "..."}'),
    Field("shows", ListOf(Slug()), example="[mette-hansen]"),
    Field("jobs", Url(), example="https://example.com/jobs/team"),
)


@dataclass
class TeamProfile:
    """One team as ``teams.yml`` describes it (every field optional)."""

    team: str
    names: dict[str, str] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    photo: str | None = None  # repository path
    photo_alt: dict[str, str] = field(default_factory=dict)
    shows: list[str] = field(default_factory=list)
    jobs: str | None = None

    def photo_visible(self, edition: Edition) -> bool:
        """The photo appears only while everyone it shows is on the site with photo
        consent (fail closed: someone unknown or withdrawn keeps it off)."""
        if not self.photo:
            return False
        people: list[Author | None] = [edition.authors.get(slug) for slug in self.shows]
        return all(a is not None and edition.show_photo(a) for a in people)


def read_team_profiles(
    repo: Repository, path: str = TEAMS_FILE
) -> tuple[dict[str, TeamProfile], list[Finding]]:
    """Read ``teams.yml`` (no file: no profiles, no problem)."""
    site, lang = repo.site, repo.lang
    text = ""
    try:
        text = read_repo_text(site.root, path) or ""
        if not text:
            return {}, []
        doc = load_yaml(text)
    except RepoFileError as exc:  # a link is never followed: it could lead anywhere
        if exc.kind == "symlink":
            return {}, [SYMLINK.finding(lang, path, None, path=exc.path)]
        return {}, [UNREADABLE.finding(lang, path, None, error=NOT_READ[exc.kind])]
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [UNREADABLE.finding(lang, path, None, error=exc)]
    except YamlSyntaxError as exc:
        return {}, [yaml_finding(exc, text, 1, lang, path, {"en": "teams file", "da": "Teamfilen"})]
    if doc.data is None:
        return {}, []
    checker = Checker(path, doc, lang)
    if not isinstance(doc.data, dict):
        checker.report(
            TYPE,
            (),
            "not-a-mapping",
            what={"en": "teams file", "da": "Teamfilen"},
            got={"en": "a list or text", "da": "en liste eller tekst"},
        )
        return {}, checker.findings
    known = sorted({a.team for a in repo.authors.values()})
    profiles: dict[str, TeamProfile] = {}
    for raw_name, raw in doc.data.items():
        name = str(raw_name).strip()
        try:
            plain_text(name)
        except Invalid as exc:
            checker.report(exc.rule, (raw_name,), exc.key, field=name, **exc.values)
            continue
        if name not in known:
            checker.unknown_field(name, (), known)  # "did you mean 'Udvikling'?"
        ok, values = checker.check_value(Group(TEAM_FIELDS), raw or {}, (raw_name,), name)
        if not ok:
            continue
        profile = TeamProfile(
            name,
            dict(values.get("name", {})),
            dict(values.get("description", {})),
            values.get("photo"),
            dict(values.get("photo_alt", {})),
            list(values.get("shows", [])),
            values.get("jobs"),
        )
        _check_photo(repo, checker, profile, str(raw_name), raw or {})
        checker.findings += team_text_findings(repo, checker, profile, raw_name)
        for part, texts in (
            ("name", profile.names),
            ("description", profile.description),
            ("photo_alt", profile.photo_alt),
        ):  # none that names a colleague without consent
            checker.findings += withhold(
                texts, repo, path, _line_of(checker, (raw_name, part)), team=name, field=part
            )
        profiles[name] = profile
    return profiles, checker.findings


def team_text_findings(
    repo: Repository, checker: Checker, profile: TeamProfile, key: Any
) -> list[Finding]:
    """The text rules on what a team publishes (confidential terms, organisations, personal
    data, and its jobs link's host), at their lines in ``teams.yml``, as on a post. A text
    with an error is left out of the site too (fail closed when errors are held back)."""
    found: list[Finding] = []
    for part, texts in (
        ("name", profile.names),
        ("description", profile.description),
        ("photo_alt", profile.photo_alt),
    ):
        for lang, text in list(texts.items()):
            segment = [Segment(checker.file, checker.doc.line(key, part, lang), text, part)]
            these = [*confidential_in(repo, segment), *findings_in(repo, segment)]
            if any(f.severity == "error" for f in these):
                del texts[lang]
            found += these
    segment = [Segment(checker.file, checker.doc.line(key), profile.team, "name")]
    found += [*confidential_in(repo, segment), *findings_in(repo, segment)]
    if profile.jobs:
        hosts = [host_of("https://" + h) or h for h in repo.policy.internal_hosts]
        host = host_of(profile.jobs)
        if host and internal(host, hosts):
            found.append(
                INTERNAL.finding(repo.lang, checker.file, checker.doc.line(key, "jobs"), host=host)
            )
            profile.jobs = None
    return found


def _line_of(checker: Checker, at: tuple[str | int, ...]) -> Callable[[str], int | None]:
    """The line of a team's text in one language."""
    return lambda lang: checker.doc.line(*at, lang)


def _check_photo(
    repo: Repository, checker: Checker, profile: TeamProfile, key: str, raw: dict[str, Any]
) -> None:
    """The photo: a usable picture, described, with everyone in it named."""
    if not profile.photo:
        return
    at = (key, "photo")
    line = checker.doc.line(*at)
    written = profile.photo
    ref = repo.resolve(written, checker.file)
    if ref.problem or not ref.path:
        checker.findings.append(media_finding(repo, checker.file, line, written, ref.problem or ""))
        profile.photo = None
        return
    problems = list(_file_findings(repo, checker.file, line, ref.path, written, "cover"))
    checker.findings.extend(problems)
    profile.photo = None if any(f.severity == "error" for f in problems) else ref.path
    for name, example in (("photo_alt", '{da: "...", en: "..."}'), ("shows", "[]")):
        if name not in raw:
            checker.report(MISSING, at, None, field=name, example=example)
            profile.photo = None
    for index, slug in enumerate(profile.shows):
        if slug not in repo.authors:
            near = difflib.get_close_matches(slug, list(repo.authors), n=3, cutoff=0.5)
            checker.report(
                CHOICE,
                (key, "shows", index),
                None,
                field="shows",
                value=slug,
                choices=", ".join(near or sorted(repo.authors)),
            )
