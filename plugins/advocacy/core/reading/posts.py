"""Read one post: front matter checked against the schema, body kept as written."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advocacy.core.i18n.messages import localized, render
from advocacy.core.model.entities import Person, Post, Video
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.site import Site, zone
from advocacy.core.model.slugs import slug_from_filename, slugify
from advocacy.core.reading.schema import (
    Boolean,
    Checker,
    Choice,
    Date,
    Field,
    Group,
    ListOf,
    Number,
    OldAddress,
    Slug,
    Text,
)
from advocacy.core.reading.yamlhint import yaml_error_key
from advocacy.core.reading.yamlsource import (
    FrontMatter,
    YamlDoc,
    YamlSyntaxError,
    load_yaml,
    split_front_matter,
)

PERSON_FIELDS = (
    Field("author", Slug(), example="jonas-berg"),
    Field("name", Text(high=120), example='"Lise Holm"'),
    Field("consent", Date(), example="2026-11-18"),
    Field("evidence", Text(high=120), example='"HR-2026-114"'),
    Field("expires", Date(), example="2027-11-18"),
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
# What MkDocs and Material read from a post themselves, with the kinds they expect. Not
# 'template': a post is shown with the post template, whatever it says.
HIDE = Choice(("navigation", "toc", "footer", "path", "tags", "feedback"))
MKDOCS_FIELDS = (
    Field("hide", ListOf(HIDE), example="[toc]"),
    Field("search", Group((Field("exclude", Boolean(), example="true"),
                           Field("boost", Number(), example="2"))), example="{exclude: true}"),
    Field("subtitle", Text(high=160), example='"..."'),
)
TITLE = Text(3, 150)
# Keys MkDocs or Material would act on in a page, which a post must not set: every post is
# shown with the post template, and its look is the site's.
NOT_IN_POSTS = ("template", "status", "icon", "hide_title", "redirect")


def post_fields(site: Site) -> tuple[Field, ...]:
    """The post schema; languages come from the site."""
    return (
        Field("title", TITLE, True, '"Frokost til 200: en dag i vores køkken"'),
        Field("date", Date(), True, "2026-11-20"),
        Field("authors", ListOf(Slug(), non_empty=True, most=10), True, "[mette-hansen]"),
        Field("description", Text(50, 160, soft="description-length"),
              example=localized('"One or two sentences that make people want to read the '
                                'story."', '"En eller to sætninger, der giver lyst til at læse '
                                'historien."')),
        Field("language", Choice(site.languages), example=site.language),
        Field("categories", ListOf(Text(high=60), most=5),
              example=f"[{(site.categories or ('Hverdag',))[0]}]"),
        Field("tags", ListOf(Text(high=40), most=15), example="[kantine, aarhus]"),
        Field("image", Text(), example="media/2026/canteen.jpg"),
        Field("image_alt", Text(high=300), example='"Kokke anretter en frokostbuffet"'),
        Field("people", ListOf(Group(PERSON_FIELDS), most=50), example="[{author: jonas-berg}]"),
        Field("video", Group(VIDEO_FIELDS), example="{src: media/2026/kitchen.mp4}"),
        Field("share", Group((Field("text", Text(high=2500, multiline=True), example='"..."'),)),
              example='{text: "..."}'),
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
    return value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month,
                                                                      value.day)


def _people(items: list[dict[str, Any]], doc: YamlDoc) -> list[Person]:
    return [
        Person(
            author=p.get("author"), name=p.get("name"), consent=p.get("consent"),
            evidence=p.get("evidence"), expires=p.get("expires"),
            media=tuple(p.get("media", ())), line=doc.line("people", index),
        )
        for index, p in enumerate(items)
    ]


def _finding(lang: str, rel: str, line: int | None, rule: str, key: str,
             **values: object) -> Finding:
    message, fix = render(key, lang, **values)
    return Finding(rule, Severity.ERROR, rel, line, message, fix)


@dataclass
class Document:
    """A Markdown file split and its front matter parsed, before any schema."""

    rel: str
    text: str
    parts: FrontMatter
    doc: YamlDoc | None  # None when the file has no front matter


def read_document(site: Site, path: Path, lang: str, required: bool = True,
                  text: str | None = None) -> tuple[Document | None, list[Finding]]:
    """Read a Markdown file and parse its front matter exactly as MkDocs will split it.

    A file without front matter is an error when ``required`` (posts), else it has none.
    """
    rel = site.rel(path)
    try:
        text = path.read_bytes().decode("utf-8") if text is None else text
    except (OSError, UnicodeDecodeError) as exc:
        return None, [_finding(lang, rel, None, "unreadable", "unreadable", error=exc)]
    parts = split_front_matter(text)
    if parts.odd:
        return None, [_finding(lang, rel, 1, "front-matter", "front-matter-odd")]
    if parts.yaml_text is None:
        if not required and not parts.unclosed:
            return Document(rel, text, parts, None), []
        key = "front-matter-unclosed" if parts.unclosed else "front-matter-missing"
        return None, [_finding(lang, rel, 1, "front-matter", key)]
    what = localized("front matter", "Front matter")
    try:
        doc = load_yaml(parts.yaml_text, first_line=2)
    except YamlSyntaxError as exc:
        key = exc.key or yaml_error_key(parts.yaml_text, exc.line, 2)
        return None, [_finding(lang, rel, exc.line, "yaml-syntax", key, what=what,
                               problem=exc.problem, **exc.values)]
    if not isinstance(doc.data, dict):
        got = localized("empty", "tom") if doc.data is None else localized("plain text", "tekst")
        return None, [_finding(lang, rel, 2, "front-matter", "not-a-mapping", what=what,
                               got=got)]
    return Document(rel, text, parts, doc), []


def _tags(checker: Checker, tags: list[str]) -> list[str]:
    """Tags with an address each: one that has none, or the same as another, is reported."""
    out: list[str] = []
    addresses: dict[str, str] = {}
    for index, tag in enumerate(str(t) for t in tags):
        address = slugify(tag)
        if not address:
            checker.report("schema-tag", "tag-no-address", ("tags", index), value=tag)
        elif address in addresses:
            checker.report("schema-tag", "tag-same-address", ("tags", index),
                           value=tag, other=addresses[address])
        else:
            addresses[address] = tag
            out.append(tag)
    return out


def read_post(site: Site, path: Path, lang: str = "en", text: str | None = None
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
            checker.report("schema-mkdocs-key", "not-in-posts", (key,), field=key)
    values = checker.check_mapping({k: v for k, v in doc.data.items() if k not in NOT_IN_POSTS},
                                   post_fields(site))
    for index, person in enumerate(values.get("people", [])):
        if not person.get("author") and not person.get("name"):
            checker.report("schema-person", "person-without-name", ("people", index))
    video = values.get("video")
    if video is not None and sum(1 for k in ("src", "youtube", "vimeo") if video.get(k)) != 1:
        checker.report("schema-video", "video-source", ("video",))
    if values.get("image") and not values.get("image_alt"):
        checker.report("image-alt-missing", "image-alt-missing", ("image",))
    if site.categories:
        for index, category in enumerate(values.get("categories", [])):
            if category not in site.categories:
                checker.report("category-unknown", "unknown-category", ("categories", index),
                               value=category, choices=", ".join(site.categories))
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
