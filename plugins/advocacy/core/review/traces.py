"""Every trace of one person in the repository: what HR removes when consent is withdrawn.

Recording ``withdrawn:`` in the author file takes the person off the site at the next build.
The files stay in the repository and its history; this lists them, with the steps that
remove them for good.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from advocacy.core.checking import consent
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.documents import uses
from advocacy.core.review.escape import code, line

STEPS = {
    "en": [
        "Record the withdrawal now: under 'consent:' in {author_file} add "
        "'withdrawn: {today}'. The next build (at the latest the daily one) takes {name}'s "
        "profile, photo and every post listed here off the site, its feeds and search.",
        "Decide with {name} what happens to the files: posts by others that only mention "
        "{name} can be edited instead of removed.",
        "To remove the files from the history too, on a computer with Git: install "
        "git-filter-repo, then run `git filter-repo --invert-paths {paths}` in a fresh "
        "clone, and force-push every branch (this rewrites history: tell the maintainers "
        "first).",
        "Ask GitHub Support to purge cached views and pull-request refs, and delete old "
        "preview artifacts; forks keep their own copies.",
    ],
    "da": [
        "Registrér tilbagetrækningen nu: tilføj 'withdrawn: {today}' under 'consent:' i "
        "{author_file}. Næste opdatering (senest den daglige) fjerner {name}s profil, foto og "
        "alle indlæg nævnt her fra sitet, feeds og søgning.",
        "Aftal med {name}, hvad der skal ske med filerne: andres indlæg, der blot nævner "
        "{name}, kan rettes i stedet for at blive slettet.",
        "Vil I også fjerne filerne fra historikken, så på en computer med Git: installér "
        "git-filter-repo, kør `git filter-repo --invert-paths {paths}` i en frisk klon, og "
        "force-push alle grene (det omskriver historikken: sig det til de ansvarlige først).",
        "Bed GitHub Support om at fjerne cachede visninger og pull-request-refs, og slet "
        "gamle preview-artefakter; forks beholder deres egne kopier.",
    ],
}
HEAD = {"en": ("Every trace of {name} in the repository", "Files", "Steps", "Not found: {slug}."),
        "da": ("Alle spor af {name} i repositoriet", "Filer", "Trin", "Findes ikke: {slug}.")}
REASONS = {
    "en": {"author": "author file", "photo": "photo", "wrote": "post by them",
           "listed": "lists them under people", "named": "names them in the text",
           "shows": "a picture listed as showing them", "used": "a file in their post"},
    "da": {"author": "forfatterfil", "photo": "foto", "wrote": "indlæg af dem",
           "listed": "har dem under people", "named": "nævner dem i teksten",
           "shows": "et billede, der viser dem", "used": "en fil i deres indlæg"},
}


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
    return found


def as_text(found: Traces | None, slug: str, lang: str, today: str) -> str:
    """The list and the steps, for a terminal or an HR ticket (Markdown)."""
    title, files, steps, missing = HEAD.get(lang, HEAD["en"])
    if found is None:
        return missing.format(slug=line(slug)) + "\n"
    reasons = REASONS.get(lang, REASONS["en"])
    out = [f"## {title.format(name=line(found.name))}", "", f"### {files}", ""]
    out += [f"- {code(path)}: {', '.join(reasons[r] for r in why)}"
            for path, why in sorted(found.files.items())]
    paths = " ".join(f"--path {shlex.quote(p)}" for p in sorted(found.files))
    out += ["", f"### {steps}", ""]
    out += [f"{n}. " + step.format(author_file=found.author_file, today=today,
                                   name=line(found.name), paths=paths)
            for n, step in enumerate(STEPS.get(lang, STEPS["en"]), start=1)]
    return "\n".join(out) + "\n"
