"""The "Story ideas" page: every kind of story with its questions and a button that opens
GitHub's web editor on a new post, prefilled from the template, in Danish or English."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from advocacy.core.model.entities import Author
from advocacy.core.model.site import Site
from advocacy.core.publishing.pages import front_matter
from advocacy.core.writing.newpost import NewPost, post_path, render_post
from advocacy.core.writing.stories import STORY_TYPES

TEXT = {
    "da": {"title": "Idéer til historier", "intro": "Vælg en slags historie. Knappen åbner "
           "GitHubs web-editor med et nyt indlæg, hvor det hele er udfyldt, undtagen din "
           "historie: skriv den, ret titlen og beskrivelsen, skriv dit forfatternavn i "
           "'authors', og tryk på 'Commit changes' for at lave en pull request.",
           "start": "Start på dansk", "start_en": "Start in English",
           "terminal": "Har du en terminal, gør `advocacy new` det samme.",
           "placeholder": "Din titel", "name": "[Navn]", "slug": "dit-navn",
           "withdraw": "Vil du trække dit samtykke tilbage?",
           "withdraw_text": "Skriv til HR, som står på siden om SoMe-politikken. Ved næste "
                            "daglige opdatering forsvinder indholdet fra sitet, feeds og "
                            "søgning."},
    "en": {"title": "Story ideas", "intro": "Pick a kind of story. The button opens GitHub's "
           "web editor on a new post with everything filled in except your story: write it, "
           "change the title and description, put your author name in 'authors', and press "
           "'Commit changes' to open a pull request.",
           "start": "Start på dansk", "start_en": "Start in English",
           "terminal": "With a terminal, `advocacy new` does the same.",
           "placeholder": "Your title", "name": "[Name]", "slug": "your-name",
           "withdraw": "Want to withdraw your consent?",
           "withdraw_text": "Write to HR, whose address is on the social media policy page. At "
                            "the next daily update the content leaves the site, its feeds and "
                            "search."},
}


def editor_url(site: Site, repository: str, branch: str, story: str, language: str,
               today: dt.date) -> str:
    """GitHub's "new file" page with the story template as the file's content."""
    t = TEXT[language]
    author = Author(slug=t["slug"], file="", name=t["name"], role="", team="")
    spec = NewPost(t["placeholder"], author.slug, language, story, today)
    text = render_post(site, {author.slug: author}, spec)
    target = post_path(site, spec)
    folder = site.rel(site.posts_path)
    filename = target.relative_to(site.posts_path).as_posix()
    return (f"{repository.rstrip('/')}/new/{quote(branch)}/{quote(folder)}"
            f"?filename={quote(filename)}&value={quote(text, safe='')}")


def ideas_markdown(site: Site, repository: str | None, branch: str = "main",
                   languages: tuple[str, ...] = ("da", "en")) -> str:
    """The page's Markdown: Danish then English, buttons only when the repository is known."""
    first = TEXT[languages[0]]
    out = [front_matter({"title": first["title"]})]
    for lang in languages:
        t = TEXT[lang]
        out += [f'<div lang="{lang}" markdown>\n', f"## {t['title']}\n", t["intro"] + "\n",
                t["terminal"] + "\n"]
        for story, texts in STORY_TYPES.items():
            info = texts[lang]
            out.append(f"### {info['name']}\n")
            out += [f"- {prompt}" for prompt in info["prompts"]]  # type: ignore[union-attr]
            out.append("")
            if repository:
                da = editor_url(site, repository, branch, story, "da", site.today)
                en = editor_url(site, repository, branch, story, "en", site.today)
                out.append(f"[{t['start']}]({da}){{ .md-button }} "
                           f"[{t['start_en']}]({en}){{ .md-button }}\n")
        out += [f"### {t['withdraw']}\n", t["withdraw_text"] + "\n"]
        out.append("</div>\n")
    return "\n".join(out)
