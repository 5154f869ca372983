"""Read the author files (``authors/<slug>.yml``): the single source of truth for people."""

from __future__ import annotations

from pathlib import Path

from advocacy.core.i18n.messages import localized, render
from advocacy.core.model.entities import Author, Consent
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import slugify
from advocacy.core.reading.schema import SLUG_RE, Checker, Date, Field, Group, ListOf, Text, Url
from advocacy.core.reading.yamlhint import yaml_error_key
from advocacy.core.reading.yamlsource import YamlSyntaxError, load_yaml

CONSENT_FIELDS = (
    Field("profile", Date(), example="2026-01-10"),
    Field("photo", Date(), example="2026-01-10"),
    Field("evidence", Text(), example="HR-2026-003"),
    Field("withdrawn", Date(), example="2026-11-01"),
    Field("expires", Date(), example="2027-01-10"),
)
AUTHOR_FIELDS = (
    Field("name", Text(), True, "Mette Hansen"),
    Field("role", Text(), True, "Backend-udvikler"),
    Field("team", Text(), True, "IT"),
    Field("location", Text(), example="Aarhus"),
    Field("photo", Text(), example="media/authors/mette-hansen.jpg"),
    Field("linkedin", Url(), example="https://www.linkedin.com/in/mettehansen"),
    Field("github", ListOf(Text()), example="[mettehansen]"),
    Field("bio", Group((Field("da", Text(), example='"..."'),
                        Field("en", Text(), example='"..."'))), example='{da: "...", en: "..."}'),
    Field("consent", Group(CONSENT_FIELDS), example="{profile: 2026-01-10}"),
    Field("left", Date(), example="2026-10-31"),
)


def read_author(site: Site, path: Path, lang: str = "en") -> tuple[Author | None, list[Finding]]:
    """Read and check one author file; the author is None when the file is unusable."""
    rel = site.rel(path)
    slug = path.stem

    def whole_file(rule: str, key: str, line: int | None, **values: object) -> Finding:
        message, fix = render(key, lang, **values)
        return Finding(rule, Severity.ERROR, rel, line, message, fix)

    what = localized("author file", "Forfatterfilen")
    try:
        text = path.read_text(encoding="utf-8")
        doc = load_yaml(text)
    except (OSError, UnicodeDecodeError) as exc:
        return None, [whole_file("unreadable", "unreadable", None, error=exc)]
    except YamlSyntaxError as exc:
        return None, [whole_file("yaml-syntax", yaml_error_key(text, exc.line, 1), exc.line,
                                 what=what, problem=exc.problem)]
    if not isinstance(doc.data, dict):
        got = localized("empty", "tom") if doc.data is None else localized("plain text", "tekst")
        return None, [whole_file("schema-type", "not-a-mapping", 1, what=what, got=got)]
    checker = Checker(rel, doc, lang)
    if not SLUG_RE.match(slug):
        checker.report("author-file-name", "bad-author-file-name", (), name=path.name,
                       suggestion=slugify(slug) or "firstname-lastname")
    values = checker.check_mapping(doc.data, AUTHOR_FIELDS)
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
        consent=Consent(**values.get("consent", {})),
        left=values.get("left"),
    )
    return author, checker.findings
