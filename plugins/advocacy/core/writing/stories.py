"""Story templates for ``advocacy new``: the kinds of story employees tell, with prompts.

The prompts go into the new post as HTML comments: the author sees them in the editor,
readers never do. No description is written for the author (every post would share it):
the front matter has a commented line that says what the description could be about.
Each kind's name, that hint and the prompts are in the message catalog
(``stories.<kind>.*``), in every language.
"""

from __future__ import annotations

from dataclasses import dataclass

from advocacy.core.i18n.catalog import lines, text

# Every kind of story and the category a new post of that kind gets (the site's own
# category names, the same in every language).
STORY_TYPES: dict[str, str] = {
    "project": "Projekter",
    "customer-visit": "Kunder",
    "feedback": "Kunder",
    "office": "Hverdag",
    "canteen": "Hverdag",
    "meeting": "Sådan arbejder vi",
    "how-we-work": "Sådan arbejder vi",
    "supplier": "Partnere",
}


@dataclass(frozen=True)
class Story:
    """One kind of story in one language."""

    name: str
    category: str
    description: str  # what the post's description could be about (a hint, never the text)
    prompts: tuple[str, ...]


def story(kind: str, lang: str, first: str = "") -> Story:
    """The template of ``kind`` (a key of :data:`STORY_TYPES`) in ``lang``; ``first``, the
    author's first name, is there for texts that use it."""
    return Story(
        name=text(lang, f"stories.{kind}.name"),
        category=STORY_TYPES[kind],
        description=text(lang, f"stories.{kind}.description", first=first),
        prompts=tuple(lines(lang, f"stories.{kind}.prompts")),
    )
