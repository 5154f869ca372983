"""The "Story ideas" page: every kind of story with its questions and a button that opens
GitHub's web editor on a new post, prefilled from the template, in Danish or English.

GitHub's new-file page takes the file's name and text from its address
(``/new/BRANCH/FOLDER?filename=...&value=...``). A button cannot know the title the writer
is going to type, so the file is named ``YYYY-MM-DD-din-titel.md`` (``your-title``), the
first line of the front matter says to name it after the title, and the check refuses to
publish a post under that placeholder (``post-placeholder``), naming the file name the
title gives. Nothing else is written for the writer: no description, no author."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from advocacy.core.i18n.catalog import text
from advocacy.core.model.entities import Author
from advocacy.core.model.site import Site
from advocacy.core.publishing.pages import front_matter
from advocacy.core.writing.newpost import NewPost, post_path, render_post
from advocacy.core.writing.stories import STORY_TYPES, story


def editor_url(
    site: Site, repository: str, branch: str, kind: str, language: str, today: dt.date
) -> str:
    """GitHub's "new file" page with the story template as the file's content."""
    author = Author(
        slug=text(language, "ideas.slug"),
        file="",
        name=text(language, "ideas.name"),
        role="",
        team="",
    )
    spec = NewPost(text(language, "ideas.placeholder"), author.slug, language, kind, today)
    target = post_path(site, spec)
    rename = text(
        language,
        "ideas.rename",
        placeholder=target.stem.removeprefix(f"{today.isoformat()}-"),
        example=f"{today.isoformat()}-{text(language, 'ideas.example')}.md",
    )
    body = render_post(site, {author.slug: author}, spec, head=[rename])
    folder = site.rel(site.posts_path)
    filename = target.relative_to(site.posts_path).as_posix()
    return (
        f"{repository.rstrip('/')}/new/{quote(branch)}/{quote(folder)}"
        f"?filename={quote(filename)}&value={quote(body, safe='')}"
    )


def ideas_markdown(
    site: Site,
    repository: str | None,
    branch: str = "main",
    languages: tuple[str, ...] = ("da", "en"),
) -> str:
    """The page's Markdown: Danish then English, buttons only when the repository is known."""
    out = [front_matter({"title": text(languages[0], "ideas.title")})]
    for lang in languages:
        out += [
            f'<div lang="{lang}" markdown>\n',
            f"## {text(lang, 'ideas.title')}\n",
            text(lang, "ideas.intro") + "\n",
            text(lang, "ideas.terminal") + "\n",
        ]
        for kind in STORY_TYPES:
            info = story(kind, lang)
            out.append(f"### {info.name}\n")
            out += [f"- {prompt}" for prompt in info.prompts]
            out.append("")
            if repository:
                da = editor_url(site, repository, branch, kind, "da", site.today)
                en = editor_url(site, repository, branch, kind, "en", site.today)
                out.append(
                    f"[{text(lang, 'ideas.start_da')}]({da}){{ .md-button }} "
                    f"[{text(lang, 'ideas.start_en')}]({en}){{ .md-button }}\n"
                )
        out += [f"### {text(lang, 'ideas.withdraw')}\n", text(lang, "ideas.withdraw_text") + "\n"]
        out.append("</div>\n")
    return "\n".join(out)
