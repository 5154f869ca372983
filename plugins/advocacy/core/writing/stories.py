"""Story templates for ``advocacy new``: the kinds of story employees tell, with prompts.

The prompts go into the new post as HTML comments: the author sees them in the editor,
readers never do. A description is filled in so the front matter is valid from the start.
Each kind's name, description and prompts are in the message catalog
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
    description: str  # for the front matter, with the author's first name
    prompts: tuple[str, ...]


def story(kind: str, lang: str, first: str = "") -> Story:
    """The template of ``kind`` (a key of :data:`STORY_TYPES`) in ``lang``, its description
    written about ``first``, the author's first name."""
    return Story(
        name=text(lang, f"stories.{kind}.name"),
        category=STORY_TYPES[kind],
        description=text(lang, f"stories.{kind}.description", first=first),
        prompts=tuple(lines(lang, f"stories.{kind}.prompts")),
    )
