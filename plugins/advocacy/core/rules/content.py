"""A post has a story: a new post from ``advocacy new`` carries only prompts until written."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Severity
from ..messages import CATALOG
from ..model import Post
from ..repo import Repository
from .base import describe, first_line, rule

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
})
describe("post-empty", Severity.ERROR, "Every post tells a story of its own.",
         "Hvert indlæg fortæller sin egen historie.", adjustable=False)


@rule
def content(repo: Repository, post: Post) -> Iterator[Finding]:
    """At least a few sentences of the author's own text."""
    if post.words < MIN_WORDS and not post.draft:
        yield repo.finding(post.file, first_line(post), "post-empty", "post-empty",
                           Severity.ERROR)
