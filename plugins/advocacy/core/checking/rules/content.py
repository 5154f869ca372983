"""A post has a story: text of its own, no template placeholders, a description; and the
author hears why a post is not on the site yet."""

from __future__ import annotations

from collections.abc import Iterator

from advocacy.core.checking.registry import check, first_line, rule
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.posts import DESCRIPTION
from advocacy.core.reading.repository import Repository

MIN_WORDS = 1  # a post straight from the template has prompts only
PLACEHOLDERS = ("Din titel", "Your title", "[Navn]", "[Name]")

EMPTY = rule(
    "post-empty",
    Severity.ERROR,
    ("Every post tells a story of its own.", "Hvert indlæg fortæller sin egen historie."),
    (
        "The post has no story yet: there is no text below the front matter.",
        "Write your story below the front matter; the questions between <!-- and --> are there "
        "to help and are never published.",
    ),
    (
        "Indlægget har ingen historie endnu: der er ingen tekst under front matter.",
        "Skriv din historie under front matter; spørgsmålene mellem <!-- og --> er der for at "
        "hjælpe og bliver aldrig udgivet.",
    ),
    adjustable=False,
    imported=(
        "An old post that only pointed somewhere: write a sentence or two about where the "
        "link leads, or delete the post.",
        "Et gammelt indlæg, der kun pegede et andet sted hen: skriv en sætning eller to om, "
        "hvor linket fører hen, eller slet indlægget.",
    ),
)
PLACEHOLDER = rule(
    "post-placeholder",
    Severity.ERROR,
    (
        "No placeholder from the template is published.",
        "Ingen pladsholder fra skabelonen bliver udgivet.",
    ),
    ("The post still has the template's placeholder '{text}'.", "Write your own {field} here."),
    ("Indlægget har stadig skabelonens pladsholder '{text}'.", "Skriv din egen {field} her."),
    adjustable=False,
)
NOT_PUBLISHED = rule(
    "post-not-published",
    Severity.WARNING,
    (
        "Drafts and future posts are named, so the author knows why a post is not on the site.",
        "Kladder og fremtidige indlæg bliver nævnt, så forfatteren ved, hvorfor de ikke er på "
        "sitet.",
    ),
    (
        "This post is not published yet: {reason}.",
        "Nothing to fix if that is what you want; {when}.",
    ),
    ("Indlægget er ikke udgivet endnu: {reason}.", "Intet at rette, hvis det er meningen; {when}."),
    can_block=False,
)


@check()
def content(repo: Repository, post: Post) -> Iterator[Finding]:
    """At least a few words of the author's own text; no placeholders; a description."""
    lang = repo.lang
    if post.rendered is not None and post.words < MIN_WORDS and not post.draft:
        yield EMPTY.finding(lang, post.file, first_line(post))
    # Without a description of its own, the first paragraph stands in for it.
    written = bool(post.meta_lines and ("description",) in post.meta_lines.lines)
    for name, value in (
        ("title", post.title),
        ("description", post.description if written else ""),
    ):
        found = next((p for p in PLACEHOLDERS if p in value), None)
        if found:
            yield PLACEHOLDER.finding(
                lang,
                post.file,
                post.line_of(name),
                text=found,
                field={"en": name, "da": {"title": "titel", "description": "beskrivelse"}[name]},
            )
    if not written:
        yield DESCRIPTION.finding(lang, post.file, post.line_of("title"), "description-missing")
    if post.draft:
        yield NOT_PUBLISHED.finding(
            lang,
            post.file,
            post.line_of("draft"),
            reason={"en": "it is a draft", "da": "det er en kladde"},
            when={
                "en": "remove 'draft: true' when it is ready",
                "da": "fjern 'draft: true', når det er klar",
            },
        )
    elif post.date.date() > repo.site.today:
        day = post.date.date().isoformat()
        yield NOT_PUBLISHED.finding(
            lang,
            post.file,
            post.line_of("date"),
            reason={"en": f"it is dated {day}", "da": f"det er dateret {day}"},
            when={"en": f"it appears on {day}", "da": f"det kommer på {day}"},
        )
