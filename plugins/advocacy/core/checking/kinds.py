"""What each file of a pull request is, for who may change it and what it changes.

Every file falls in exactly one kind, and a file of no known kind is the site's: HR's alone
(fail closed: a file nobody thought of may still decide what is published). The kinds a
writer may touch are their own posts, their own author file, the pictures only their posts
use and their own photo; everything else the site shows or is made from is HR's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from advocacy.core.model.entities import Author, DocPage, Post
from advocacy.core.model.rules import localized
from advocacy.core.model.site import Site
from advocacy.core.rendering.documents import uses

POST, AUTHOR, PHOTO, PICTURE, BRAND, PAGE, TEAMS, POLICY, CONFIGURATION, OTHER = (
    "post",
    "author",
    "photo",
    "picture",
    "brand",
    "page",
    "teams",
    "policy",
    "configuration",
    "other",
)
# The kinds a reader of the site sees, or that decide what they see.
PUBLISHED = (POST, AUTHOR, PHOTO, PICTURE, BRAND, PAGE, TEAMS, POLICY, CONFIGURATION)
# Files that decide how everything else is judged or built.
CONFIGURATION_FILES = (
    "mkdocs.yml",
    "pyproject.toml",
    ".github/",
    "plugins/",
    "overrides/",
    "Makefile",
    ".ci/",
    ".gitattributes",
    "package.json",
    "package-lock.json",
)
TEAMS_FILE = "teams.yml"  # the plugin's default teams_file
BRAND_FOLDER = "brand/"  # under the media folder: the logo, the hero, the team photos
# What a file of each kind is, in HR_ONLY's message ("may not change {what}").
WHAT = {
    POLICY: localized("the SoMe policy", "SoMe-politikken"),
    CONFIGURATION: localized("the site's configuration ('{path}')", "sitets opsætning ('{path}')"),
    PAGE: localized("a page of the site ('{path}')", "en side på sitet ('{path}')"),
    TEAMS: localized(
        "the teams' texts and photos ('{path}')", "holdenes tekster og fotos ('{path}')"
    ),
    BRAND: localized("the brand's pictures ('{path}')", "brandets billeder ('{path}')"),
    PICTURE: localized(
        "a picture the site itself uses, not a post of yours ('{path}')",
        "et billede, som sitet selv bruger, ikke et af dine indlæg ('{path}')",
    ),
    PHOTO: localized(
        "a picture the site itself uses, not a post of yours ('{path}')",
        "et billede, som sitet selv bruger, ikke et af dine indlæg ('{path}')",
    ),
    OTHER: localized("the site's file '{path}'", "sitets fil '{path}'"),
}


@dataclass
class Usage:
    """Who uses each file: posts (as the work tree has them), author photos (as either
    side has them), and the site's pages."""

    posts: dict[str, list[Post]] = field(default_factory=dict)
    photos: dict[str, set[str]] = field(default_factory=dict)  # path -> author slugs
    pages: set[str] = field(default_factory=set)
    brand: set[str] = field(default_factory=set)  # brand_assets, lower case


def usage(
    posts: list[Post],
    pages: list[DocPage],
    authors: list[dict[str, Author]],
    brand: list[str],
) -> Usage:
    """Who uses which file, from the posts, pages and the author files of both sides."""
    found = Usage(brand={b.lower() for b in brand})
    for post in posts:
        for path in uses(post):
            found.posts.setdefault(path, []).append(post)
    for page in pages:
        found.pages |= uses(page)
    for side in authors:
        for author in side.values():
            if author.photo:
                found.photos.setdefault(author.photo, set()).add(author.slug)
    return found


def _under(path: str, folder: str) -> bool:
    return path.startswith(str(PurePosixPath(folder)) + "/")


def kind_of(site: Site, path: str, used: Usage) -> str:
    """The kind of the repository file ``path``."""
    posts = f"{site.docs_dir.strip('/')}/{site.posts_dir.strip('/')}"
    if path == site.policy:
        return POLICY
    if _under(path, posts) and path.endswith(".md"):
        return POST
    if _under(path, site.authors_dir) and path.endswith((".yml", ".yaml")):
        return AUTHOR
    if path.startswith(CONFIGURATION_FILES):
        return CONFIGURATION
    if path == TEAMS_FILE:
        return TEAMS
    media = _under(path, site.media_dir)
    if path.lower() in used.brand or (
        media and path[len(site.media_dir.strip("/")) + 1 :].startswith(BRAND_FOLDER)
    ):
        return BRAND
    if path in used.photos:
        return PHOTO
    if _under(path, site.docs_dir) and path.endswith(".md"):
        return PAGE  # a page a post links to is still a page
    if media or path in used.posts:
        return PICTURE
    if _under(path, site.docs_dir):
        return PAGE
    return OTHER
