"""The careers pages of each language (its entry page, jobs, feeds) and the teams as an
applicant sees them: description, photo, people, stories and where to apply."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from advocacy.core.i18n.ui import plural, strings
from advocacy.core.model.entities import Post
from advocacy.core.model.site import Site
from advocacy.core.publishing.careers.brand import Brand
from advocacy.core.publishing.careers.languages import Languages
from advocacy.core.publishing.careers.team_profiles import TeamProfile
from advocacy.core.publishing.edition import Edition
from advocacy.core.publishing.teams import team_posts, team_url
from advocacy.core.publishing.views import author_view


@dataclass
class Careers:
    """What makes the blog a careers site, gathered once per build."""

    langs: Languages
    brand: Brand | None = None
    profiles: dict[str, TeamProfile] = field(default_factory=dict)
    jobs_url: str | None = None  # the company's jobs portal
    team_jobs: dict[str, str] = field(default_factory=dict)  # mkdocs.yml's jobs.teams
    company: str = ""
    pages: set[str] = field(default_factory=set)  # the docs' own pages (source paths)
    hiring_page: str | None = None  # how the company hires (a docs page, when it exists)
    write_page: str | None = None  # how to write a story (for employees)
    policy_page: str = "some-policy/index.md"
    _stories: dict[str, list[Post]] | None = None

    def team_stories(self, edition: Edition) -> dict[str, list[Post]]:
        """Each team's stories, newest first (computed once)."""
        if self._stories is None:
            self._stories = team_posts(edition)
        return self._stories

    def jobs_of(self, team: str) -> tuple[str | None, bool]:
        """Where to apply for a team, and whether that is the team's own page."""
        profile = self.profiles.get(team)
        own = (profile.jobs if profile else None) or self.team_jobs.get(team)
        return (own, True) if own else (self.jobs_url, False)

    def photos(self, edition: Edition) -> list[str]:
        """The team photos the site shows today (to be published)."""
        return [p.photo for p in self.profiles.values() if p.photo and p.photo_visible(edition)]


def in_lang(values: dict[str, str], lang: str, default: str) -> tuple[str | None, str]:
    """A text given per language, in ``lang`` or else the site's own, with its language."""
    for code in (lang, default, *values):
        if values.get(code):
            return values[code], code
    return None, lang


def team_views(edition: Edition, site: Site, careers: Careers, lang: str) -> list[dict[str, Any]]:
    """Every team with people on the site, as a reader of ``lang`` sees it."""
    langs, t = careers.langs, strings(lang)
    prefix = langs.prefix(lang)
    stories = careers.team_stories(edition)
    out = []
    for team, people in edition.teams().items():
        profile = careers.profiles.get(team) or TeamProfile(team)
        name = profile.names.get(lang) or langs.word(team, lang)
        description, description_lang = in_lang(profile.description, lang, langs.default)
        alt, _ = in_lang(profile.photo_alt, lang, langs.default)
        jobs, own = careers.jobs_of(team)
        out.append(
            {
                "team": team,
                "name": name,
                "url": team_url(team, site.blog_dir, prefix),
                "authors": [author_view(a, edition, lang, site.blog_dir, langs) for a in people],
                "description": description,
                "description_lang": description_lang,
                "photo": profile.photo if profile.photo_visible(edition) else None,
                "photo_alt": alt or "",
                "jobs": jobs,
                "jobs_label": t["team_jobs"].format(name=name) if own else t["jobs"],
                "people_label": plural(lang, "people", len(people)),
                "stories_label": plural(lang, "stories", len(stories.get(team, []))),
            }
        )
    return out


def careers_pages(
    lang: str, site: Site, careers: Careers, teams: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The entry page, the jobs page and the feeds page of one language, as the fields of
    a generated page. The site's own entry page is usually ``index.md`` in the docs, which
    then wins over the planned one (and gets its context)."""
    langs, t = careers.langs, strings(lang)
    prefix = langs.prefix(lang)
    company = careers.company or site.site_name
    pages: list[dict[str, Any]] = [
        {
            "src_uri": f"{prefix}index.md",
            "title": langs.word(site.site_name, lang),
            "template": "advocacy/home.html",
            "context": {"kind": "home"},
        }
    ]
    if careers.jobs_url:
        pages.append(
            {
                "src_uri": f"{prefix}jobs/index.md",
                "title": t["jobs_title"],
                "template": "advocacy/jobs.html",
                "search": True,
                "body": t["jobs_body"].format(company=company),
                "context": {
                    "kind": "jobs",
                    "jobs_url": careers.jobs_url,
                    "jobs_host": urlsplit(careers.jobs_url).hostname or "",
                    "teams": [team for team in teams if team["jobs"]],
                },
            }
        )
    pages.append(
        {
            "src_uri": f"{prefix}feeds/index.md",
            "title": t["feeds_title"],
            "template": "advocacy/feeds.html",
            "body": t["feeds_body"],
            "context": {"kind": "feeds"},
        }
    )
    return pages


def feed_list(
    feeds: Mapping[str, Sequence[Any]], edition: Edition, langs: Languages, lang: str
) -> list[dict[str, Any]]:
    """Every feed (by its key: "" for all stories, "lang:en", "team:Salg", ...), grouped as
    the feeds page lists them and named in ``lang``."""
    t = strings(lang)
    groups: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ("all", "lang", "team", "category", "author")
    }
    for key, found in feeds.items():
        kind, _, name = key.partition(":")
        if kind not in ("", *groups) or not found:
            continue  # "follow" and the like: other lists of the same feeds
        if kind == "":
            label, kind = t["feeds_all"], "all"
        elif kind == "lang":
            label = t.get(f"lang_{name}", name)
        elif kind == "author":
            author = edition.authors.get(name)
            label = author.name if author else name
        else:
            label = langs.word(name, lang)
        groups[kind].append(
            {"label": label, "feeds": [{"url": f.url, "format": _format(f.type)} for f in found]}
        )
    titles = {
        "all": "",
        "lang": t["feeds_lang"],
        "team": t["feeds_teams"],
        "category": t["feeds_categories"],
        "author": t["feeds_authors"],
    }
    return [
        {"title": titles[k], "items": sorted(v, key=lambda g: g["label"].lower())}
        for k, v in groups.items()
        if v
    ]


def _format(mime: str) -> str:
    return "RSS" if "rss" in mime else "Atom" if "atom" in mime else "JSON Feed"
