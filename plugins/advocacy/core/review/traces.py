"""Every trace of one person in the repository: what HR removes when consent is withdrawn.

Recording ``withdrawn:`` in the author file takes the person off the site at the next build.
The files stay in the repository and its history; this lists them, with the steps that
remove them for good.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from advocacy.core.checking import consent
from advocacy.core.checking.people.elsewhere import named_elsewhere
from advocacy.core.i18n.catalog import lines, text
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.documents import uses
from advocacy.core.review.escape import code, line


@dataclass
class Traces:
    """Files that hold a person, each with why."""

    slug: str
    name: str
    author_file: str
    files: dict[str, list[str]] = field(default_factory=dict)  # path -> reasons

    def add(self, path: str | None, reason: str) -> None:
        """Note that ``path`` holds the person, and why."""
        if path and reason not in self.files.setdefault(path, []):
            self.files[path].append(reason)


def traces(repo: Repository, slug: str) -> Traces | None:
    """Every file that holds the person with this author file, or None when there is none."""
    author = repo.authors.get(slug)
    if author is None:
        return None
    found = Traces(slug, author.name, author.file)
    found.add(author.file, "author")
    found.add(author.photo, "photo")
    for post in repo.posts:
        if slug in post.authors:
            found.add(post.file, "wrote")
            for path in uses(post):
                found.add(path, "used")
        for person in post.people:
            if person.author == slug:
                found.add(post.file, "listed")
                for path in person.media:
                    found.add(path, "shows")
        if slug in consent.mentions(post, repo):
            found.add(post.file, "named")
    for path in named_elsewhere(repo, slug):  # pages, other profiles, teams, settings
        found.add(path, "named")
    return found


def as_text(found: Traces | None, slug: str, lang: str, today: str) -> str:
    """The list and the steps, for a terminal or an HR ticket (Markdown)."""
    if found is None:
        return text(lang, "traces.missing", slug=line(slug)) + "\n"
    out = [
        f"## {text(lang, 'traces.title', name=line(found.name))}",
        "",
        f"### {text(lang, 'traces.files')}",
        "",
    ]
    out += [
        f"- {code(path)}: {', '.join(text(lang, f'traces.reason.{r}') for r in why)}"
        for path, why in sorted(found.files.items())
    ]
    paths = " ".join(f"--path {shlex.quote(p)}" for p in sorted(found.files))
    out += ["", f"### {text(lang, 'traces.steps_heading')}", ""]
    steps = lines(
        lang,
        "traces.steps",
        author_file=found.author_file,
        today=today,
        name=line(found.name),
        paths=paths,
    )
    out += [f"{n}. {step}" for n, step in enumerate(steps, start=1)]
    return "\n".join(out) + "\n"
