"""A Markdown file (a post or a page) split into front matter and body exactly as MkDocs
will split it, its front matter parsed, and the fields MkDocs and Material read from any
page, with the kinds they expect."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import localized, rule
from advocacy.core.model.site import Site
from advocacy.core.reading.schema import (
    NOT_A_MAPPING,
    Boolean,
    Choice,
    Field,
    Group,
    ListOf,
    Number,
    Text,
)
from advocacy.core.reading.schema.yamlsource import (
    UNREADABLE,
    FrontMatter,
    YamlDoc,
    YamlSyntaxError,
    load_yaml,
    split_front_matter,
    yaml_finding,
)

E = Severity.ERROR

FRONT_MATTER = rule(
    "front-matter",
    E,
    (
        "Every post starts with its front matter between two '---' lines.",
        "Alle indlæg starter med front matter mellem to '---'-linjer.",
    ),
    (
        "The post has no front matter (the block between two '---' lines at the top).",
        "Start the file with a line '---', then title, date, authors and description, each on "
        "its own line, then another line '---'.",
    ),
    (
        "Indlægget har ingen front matter (blokken mellem to '---'-linjer øverst).",
        "Start filen med en linje '---', derefter title, date, authors og description på hver "
        "sin linje, og så endnu en linje '---'.",
    ),
    adjustable=False,
    variants={
        "front-matter-unclosed": {
            "en": (
                "The front matter starts with '---' but never ends.",
                "Add a line with only '---' after the last field, before the text.",
            ),
            "da": (
                "Front matter starter med '---' men slutter aldrig.",
                "Tilføj en linje med kun '---' efter det sidste felt, før teksten.",
            ),
        },
        "front-matter-odd": {
            "en": (
                "The first line looks like '---' but has other characters after the dashes, so "
                "the site would show the front matter as text.",
                "Make the first line exactly three dashes '---' and nothing else.",
            ),
            "da": (
                "Første linje ligner '---', men har andre tegn efter stregerne, så sitet ville "
                "vise front matter som tekst.",
                "Lad første linje være præcis tre bindestreger '---' og intet andet.",
            ),
        },
        "front-matter-multimarkdown": {
            "en": (
                "The page starts with 'name: value' lines without '---' around them; MkDocs "
                "would read them as settings the check never saw.",
                "Put a line '---' before and after them, or start the page with its text.",
            ),
            "da": (
                "Siden starter med 'navn: værdi'-linjer uden '---' omkring; MkDocs ville læse "
                "dem som indstillinger, tjekket aldrig har set.",
                "Sæt en linje '---' før og efter dem, eller start siden med teksten.",
            ),
        },
        "not-a-mapping": NOT_A_MAPPING,
    },
)


# What MkDocs and Material read from a post themselves, with the kinds they expect. Not
# 'template': a post is shown with the post template, whatever it says.
HIDE = Choice(("navigation", "toc", "footer", "path", "tags", "feedback"))
MKDOCS_FIELDS = (
    Field("hide", ListOf(HIDE), example="[toc]"),
    Field(
        "search",
        Group(
            (
                Field("exclude", Boolean(), example="true"),
                Field("boost", Number(0, 10), example="2"),
            )
        ),
        example="{exclude: true}",
    ),
    Field("subtitle", Text(high=160), example='"..."'),
)
TITLE = Text(3, 150)


@dataclass
class Document:
    """A Markdown file split and its front matter parsed, before any schema."""

    rel: str
    text: str
    parts: FrontMatter
    doc: YamlDoc | None  # None when the file has no front matter


def read_document(
    site: Site, path: Path, lang: str, required: bool = True, text: str | None = None
) -> tuple[Document | None, list[Finding]]:
    """Read a Markdown file and parse its front matter exactly as MkDocs will split it.

    A file without front matter is an error when ``required`` (posts), else it has none.
    """
    rel = site.rel(path)
    try:
        text = path.read_bytes().decode("utf-8") if text is None else text
    except (OSError, UnicodeDecodeError) as exc:
        return None, [UNREADABLE.finding(lang, rel, None, error=exc)]
    parts = split_front_matter(text)
    if parts.odd:
        return None, [FRONT_MATTER.finding(lang, rel, 1, "front-matter-odd")]
    if parts.yaml_text is None:
        if not required and not parts.unclosed:
            return Document(rel, text, parts, None), []
        key = "front-matter-unclosed" if parts.unclosed else None
        return None, [FRONT_MATTER.finding(lang, rel, 1, key)]
    what = localized("front matter", "Front matter")
    try:
        doc = load_yaml(parts.yaml_text, first_line=2)
    except YamlSyntaxError as exc:
        return None, [yaml_finding(exc, parts.yaml_text, 2, lang, rel, what)]
    if not isinstance(doc.data, dict):
        got = localized("empty", "tom") if doc.data is None else localized("plain text", "tekst")
        return None, [FRONT_MATTER.finding(lang, rel, 2, "not-a-mapping", what=what, got=got)]
    return Document(rel, text, parts, doc), []
