"""A post has a story: a new post from ``advocacy new`` carries only prompts until written."""

from __future__ import annotations

from collections.abc import Iterator

from advocacy.core.checking.rules.registry import describe, first_line, rule
from advocacy.core.i18n.messages import CATALOG
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository

MIN_WORDS = 1  # a post straight from the template has prompts only

CATALOG.update({
    "post-empty": {
        "en": ("The post has no story yet: there is no text below the front matter.",
               "Write your story below the front matter; the questions between <!-- and --> "
               "are there to help and are never published."),
        "da": ("Indlægget har ingen historie endnu: der er ingen tekst under front matter.",
               "Skriv din historie under front matter; spørgsmålene mellem <!-- og --> er "
               "der for at hjælpe og bliver aldrig udgivet."),
    },
    "post-placeholder": {
        "en": ("The post still has the template's placeholder '{text}'.",
               "Write your own {field} here."),
        "da": ("Indlægget har stadig skabelonens pladsholder '{text}'.",
               "Skriv din egen {field} her."),
    },
    "post-not-published": {
        "en": ("This post is not published yet: {reason}.",
               "Nothing to fix if that is what you want; {when}."),
        "da": ("Indlægget er ikke udgivet endnu: {reason}.",
               "Intet at rette, hvis det er meningen; {when}."),
    },
})
describe("post-empty", Severity.ERROR, "Every post tells a story of its own.",
         "Hvert indlæg fortæller sin egen historie.", adjustable=False)
describe("post-placeholder", Severity.ERROR, "No placeholder from the template is published.",
         "Ingen pladsholder fra skabelonen bliver udgivet.", adjustable=False)
describe("post-not-published", Severity.WARNING, "Drafts and future posts are named, so the "
         "author knows why a post is not on the site.", "Kladder og fremtidige indlæg bliver "
         "nævnt, så forfatteren ved, hvorfor de ikke er på sitet.", can_block=False)
PLACEHOLDERS = ("Din titel", "Your title", "[Navn]", "[Name]")


@rule
def content(repo: Repository, post: Post) -> Iterator[Finding]:
    """At least a few sentences of the author's own text."""
    if post.words < MIN_WORDS and not post.draft:
        yield repo.finding(post.file, first_line(post), "post-empty", "post-empty",
                           Severity.ERROR)
    for name, value in (("title", post.title), ("description", post.description)):
        found = next((p for p in PLACEHOLDERS if p in value), None)
        if found:
            yield repo.finding(post.file, post.line_of(name), "post-placeholder",
                               "post-placeholder", Severity.ERROR, text=found,
                               field={"en": name, "da": {"title": "titel",
                                                         "description": "beskrivelse"}[name]})
    if post.draft:
        yield repo.finding(post.file, post.line_of("draft"), "post-not-published",
                           "post-not-published", Severity.WARNING,
                           reason={"en": "it is a draft", "da": "det er en kladde"},
                           when={"en": "remove 'draft: true' when it is ready",
                                 "da": "fjern 'draft: true', når det er klar"})
    elif post.date.date() > repo.site.today:
        day = post.date.date().isoformat()
        yield repo.finding(post.file, post.line_of("date"), "post-not-published",
                           "post-not-published", Severity.WARNING,
                           reason={"en": f"it is dated {day}", "da": f"det er dateret {day}"},
                           when={"en": f"it appears on {day}", "da": f"det kommer på {day}"})
