"""Read one post: front matter checked against the schema, body kept as written."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from advocacy.core.model.entities import Person, Post, Video
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import localized, rule
from advocacy.core.model.site import Site, zone
from advocacy.core.model.slugs import slug_from_filename, slugify
from advocacy.core.reading.authors import Day
from advocacy.core.reading.documents import MKDOCS_FIELDS, TITLE, read_document
from advocacy.core.reading.schema import (
    Boolean,
    Checker,
    Choice,
    Date,
    Field,
    Group,
    ListOf,
    OldAddress,
    Slug,
    Text,
)
from advocacy.core.reading.schema.yamlsource import YamlDoc

E, W = Severity.ERROR, Severity.WARNING

TAG = rule(
    "schema-tag",
    E,
    ("Every tag has a page of its own.", "Alle tags har deres egen side."),
    (
        "The tag '{value}' has no letters or digits, so it cannot have a page.",
        "Use a word as the tag.",
    ),
    (
        "Emnet '{value}' har hverken bogstaver eller tal, så det kan ikke få en side.",
        "Brug et ord som emne.",
    ),
    adjustable=False,
    variants={
        "tag-same-address": {
            "en": ("The tags '{value}' and '{other}' would share one page.", "Keep one of them."),
            "da": ("Emnerne '{value}' og '{other}' ville dele én side.", "Behold det ene."),
        },
    },
)

MKDOCS_KEY = rule(
    "schema-mkdocs-key",
    E,
    (
        "Posts do not change how the site shows them (template, status, icon).",
        "Indlæg ændrer ikke, hvordan sitet viser dem (template, status, icon).",
    ),
    (
        "'{field}' is not allowed in a post: every post is shown the site's own way.",
        "Delete the line '{field}: ...'.",
    ),
    (
        "'{field}' er ikke tilladt i et indlæg: alle indlæg vises på sitets egen måde.",
        "Slet linjen '{field}: ...'.",
    ),
    adjustable=False,
)

PERSON = rule(
    "schema-person",
    E,
    (
        "Everyone in 'people' is an author or has a name.",
        "Alle i 'people' er en forfatter eller har et navn.",
    ),
    (
        "This entry in 'people' has neither 'author' nor 'name'.",
        "Write '- author: <slug>' for a colleague, or '- name: \"Full Name\"' with 'consent:' "
        "and 'evidence:' for anyone else.",
    ),
    (
        "Denne linje i 'people' har hverken 'author' eller 'name'.",
        "Skriv '- author: <slug>' for en kollega, eller '- name: \"Fulde Navn\"' med 'consent:' "
        "og 'evidence:' for alle andre.",
    ),
    adjustable=False,
)

VIDEO = rule(
    "schema-video",
    E,
    ("A post's video has exactly one source.", "Et indlægs video har præcis én kilde."),
    (
        "'video' needs exactly one of 'src', 'youtube' or 'vimeo'.",
        "Write 'src: media/...mp4' for a video in the repository, or 'youtube: VIDEO_ID'.",
    ),
    (
        "'video' skal have præcis én af 'src', 'youtube' eller 'vimeo'.",
        "Skriv 'src: media/...mp4' for en video i repositoriet, eller 'youtube: VIDEO_ID'.",
    ),
    adjustable=False,
)

CATEGORY = rule(
    "category-unknown",
    E,
    ("Posts use the site's categories.", "Indlæg bruger sitets kategorier."),
    ("The category '{value}' is not one of the site's categories.", "Use one of: {choices}."),
    ("Kategorien '{value}' er ikke en af sidens kategorier.", "Brug en af: {choices}."),
)

ALT = rule(
    "image-alt-missing",
    E,
    (
        "Every image has alt text for readers who cannot see it.",
        "Alle billeder har en alt-tekst til læsere, der ikke kan se dem.",
    ),
    (
        "'image' is set but 'image_alt' is missing.",
        "Add 'image_alt:' with a short description of what the picture shows, for readers who "
        "cannot see it.",
    ),
    (
        "'image' er sat, men 'image_alt' mangler.",
        "Tilføj 'image_alt:' med en kort beskrivelse af, hvad billedet viser, til læsere, der "
        "ikke kan se det.",
    ),
    variants={
        "body-image-alt-missing": {
            "en": (
                "The image '{path}' has no alt text.",
                "Describe what the picture shows between the brackets: ![Two colleagues at a "
                "whiteboard]({path}).",
            ),
            "da": (
                "Billedet '{path}' har ingen alt-tekst.",
                "Beskriv, hvad billedet viser, mellem de firkantede parenteser: ![To kolleger "
                "ved en tavle]({path}).",
            ),
        },
    },
)

DESCRIPTION = rule(
    "description-length",
    W,
    (
        "A post's description (its link preview) is one or two sentences, 50 to 160 characters.",
        "Et indlægs beskrivelse (linkets forhåndsvisning) er en eller to sætninger på 50 til 160 "
        "tegn.",
    ),
    (
        "'{field}' is {length} characters long; it must be {low} to {high}.",
        "LinkedIn shows this text under the link: write one or two sentences of {low} to {high} "
        "characters.",
    ),
    (
        "'{field}' er {length} tegn lang; den skal være {low} til {high}.",
        "LinkedIn viser teksten under linket: skriv en eller to sætninger på {low} til {high} "
        "tegn.",
    ),
    variants={
        "description-missing": {
            "en": (
                "The post has no 'description'; its first paragraph is used for the link preview.",
                "Add 'description:' with one or two sentences that make people "
                "want to read the story.",
            ),
            "da": (
                "Indlægget har ingen 'description'; første afsnit bruges som forhåndsvisning.",
                "Tilføj 'description:' med en eller to sætninger, der giver lyst til at læse "
                "historien.",
            ),
        }
    },
)


PERSON_FIELDS = (
    Field("author", Slug(), example="jonas-berg"),
    Field("name", Text(high=120), example='"Lise Holm"'),
    Field("consent", Day(), example="2026-11-18"),
    Field("evidence", Text(high=120), example='"HR-2026-114"'),
    Field("expires", Day(), example="2027-11-18"),
    Field("media", ListOf(Text(), most=50), example="[media/2026/canteen.jpg]"),
)
VIDEO_FIELDS = (
    Field("src", Text(), example="media/2026/kitchen.mp4"),
    Field("youtube", Text(), example="dQw4w9WgXcQ"),
    Field("vimeo", Text(), example="76979871"),
    Field("captions", Text(), example="media/2026/kitchen.da.vtt"),
    Field("poster", Text(), example="media/2026/kitchen.jpg"),
    Field("title", Text(high=200), example='"A day in our kitchen"'),
    # The video is on YouTube or Vimeo with captions there (an imported post, say).
    Field("captions_on_host", Boolean(), example="true"),
)
# Keys MkDocs or Material would act on in a page, which a post must not set: every post is
# shown with the post template, and its look is the site's.
NOT_IN_POSTS = ("template", "status", "icon", "hide_title", "redirect")


def post_fields(site: Site) -> tuple[Field, ...]:
    """The post schema; languages come from the site."""
    return (
        Field("title", TITLE, True, '"Frokost til 200: en dag i vores køkken"'),
        Field("date", Date(), True, "2026-11-20"),
        Field("authors", ListOf(Slug(), non_empty=True, most=10), True, "[mette-hansen]"),
        Field(
            "description",
            Text(50, 160, soft=DESCRIPTION),
            example=localized(
                '"One or two sentences that make people want to read the story."',
                '"En eller to sætninger, der giver lyst til at læse historien."',
            ),
        ),
        Field("language", Choice(site.languages), example=site.language),
        Field(
            "categories",
            ListOf(Text(high=60), most=5),
            example=f"[{(site.categories or ('Hverdag',))[0]}]",
        ),
        Field("tags", ListOf(Text(high=40), most=15), example="[kantine, aarhus]"),
        Field("image", Text(), example="media/2026/canteen.jpg"),
        Field("image_alt", Text(high=300), example='"Kokke anretter en frokostbuffet"'),
        Field("people", ListOf(Group(PERSON_FIELDS), most=50), example="[{author: jonas-berg}]"),
        Field("video", Group(VIDEO_FIELDS), example="{src: media/2026/kitchen.mp4}"),
        Field(
            "share",
            Group((Field("text", Text(high=2500, multiline=True), example='"..."'),)),
            example='{text: "..."}',
        ),
        Field("draft", Boolean(), example="true"),
        Field("expires", Date(), example="2027-11-20"),
        Field("slug", Slug(), example="frokost-til-200"),
        Field("featured", Boolean(), example="true"),
        Field("translation_of", Slug(), example="lunch-for-200"),
        Field("updated", Date(), example="2026-11-25"),
        Field("aliases", ListOf(OldAddress(), most=20), example="[/2016/03/04/old-title.html]"),
        *MKDOCS_FIELDS,
    )


def _as_datetime(value: dt.date) -> dt.datetime:
    return (
        value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
    )


def _people(items: list[dict[str, Any]], doc: YamlDoc) -> list[Person]:
    return [
        Person(
            author=p.get("author"),
            name=p.get("name"),
            consent=p.get("consent"),
            evidence=p.get("evidence"),
            expires=p.get("expires"),
            media=tuple(p.get("media", ())),
            line=doc.line("people", index),
        )
        for index, p in enumerate(items)
    ]


def _tags(checker: Checker, tags: list[str]) -> list[str]:
    """Tags with an address each: one that has none, or the same as another, is reported."""
    out: list[str] = []
    addresses: dict[str, str] = {}
    for index, tag in enumerate(str(t) for t in tags):
        address = slugify(tag)
        if not address:
            checker.report(TAG, ("tags", index), None, value=tag)
        elif address in addresses:
            checker.report(
                TAG, ("tags", index), "tag-same-address", value=tag, other=addresses[address]
            )
        else:
            addresses[address] = tag
            out.append(tag)
    return out


def read_post(
    site: Site, path: Path, lang: str = "en", text: str | None = None
) -> tuple[Post | None, list[Finding]]:
    """Read and check one post file; the post is None when its front matter is unusable.

    ``text`` is the file's text when it does not come from the work tree (the base branch).
    """
    document, problems = read_document(site, path, lang, text=text)
    if document is None or document.doc is None:
        return None, problems
    rel, parts, doc = document.rel, document.parts, document.doc
    checker = Checker(rel, doc, lang, tz=zone(site.timezone))
    for key in NOT_IN_POSTS:
        if key in doc.data:
            checker.report(MKDOCS_KEY, (key,), None, field=key)
    values = checker.check_mapping(
        {k: v for k, v in doc.data.items() if k not in NOT_IN_POSTS}, post_fields(site)
    )
    for index, person in enumerate(values.get("people", [])):
        if not person.get("author") and not person.get("name"):
            checker.report(PERSON, ("people", index))
    video = values.get("video")
    if video is not None and sum(1 for k in ("src", "youtube", "vimeo") if video.get(k)) != 1:
        checker.report(VIDEO, ("video",))
    if values.get("image") and not values.get("image_alt"):
        checker.report(ALT, ("image",))
    if site.categories:
        for index, category in enumerate(values.get("categories", [])):
            if category not in site.categories:
                checker.report(
                    CATEGORY,
                    ("categories", index),
                    None,
                    value=category,
                    choices=", ".join(site.categories),
                )
    src_uri = site.rel(path).removeprefix(site.docs_dir.strip("/") + "/")
    date = values.get("date", dt.date(1970, 1, 1))
    post = Post(
        file=rel,
        src_uri=src_uri,
        slug=values.get("slug") or slug_from_filename(path.name) or "post",
        title=values.get("title", path.stem),
        date=_as_datetime(date),
        authors=values.get("authors", []),
        description=values.get("description", ""),
        language=values.get("language", site.language),
        body=parts.body,
        body_line=parts.body_line,
        categories=values.get("categories", []),
        tags=_tags(checker, values.get("tags", [])),
        image=values.get("image"),
        image_alt=values.get("image_alt"),
        people=_people(values.get("people", []), doc),
        video=Video(**video) if video else None,
        share_text=(values.get("share") or {}).get("text"),
        draft=values.get("draft", False),
        expires=values.get("expires"),
        featured=values.get("featured", False),
        translation_of=values.get("translation_of"),
        updated=_as_datetime(values["updated"]) if "updated" in values else None,
        aliases=values.get("aliases", []),
        meta={k: values[k] for k in ("hide", "search", "subtitle") if k in values},
    )
    post.digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    post.valid = not any(f.severity is Severity.ERROR for f in checker.findings)
    post.meta_lines = doc
    return post, [*problems, *checker.findings]
