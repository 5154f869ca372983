"""The site's navigation and footer in each language, from ``mkdocs.yml``'s ``nav``.

The applicant's navigation is ``nav`` as the company wrote it; each entry is shown in the
page's language: the company's own title in its own language, in another language the
glossary's translation, else the site's word for a page it knows (stories, people, ...),
and each internal page leads to its counterpart in that language when there is one. The
pages for employees (writing a story, the social media policy) live in the footer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from advocacy.core.i18n.ui import strings
from advocacy.core.publishing.careers.languages import Languages
from advocacy.core.reading.pages import page_url as page_address


@dataclass(frozen=True)
class Slots:
    """Where the pages the site knows by role are, below ``docs_dir`` (None: no such page).

    ``jobs`` is the company's jobs portal (an address on another site).
    """

    blog: str = "blog"
    hiring: str | None = None
    write: str | None = None
    policy: str = "some-policy/index.md"
    ideas: str = "story-ideas/index.md"
    jobs: str | None = None

    def roles(self) -> dict[str, str]:
        """Role by source path (or address, for the jobs portal)."""
        out = {
            "index.md": "home",
            f"{self.blog}/index.md": "stories",
            f"{self.blog}/authors/index.md": "people",
            f"{self.blog}/tags/index.md": "topics",
            "feeds/index.md": "feeds",
            "jobs/index.md": "jobs_page",
            self.policy: "policy",
            self.ideas: "ideas",
        }
        for role, where in (("hiring", self.hiring), ("write", self.write), ("jobs", self.jobs)):
            if where:
                out[where] = role
        return out


@dataclass
class Navigation:
    """The navigation of every language the site speaks, made once per build."""

    languages: Languages
    slots: Slots
    exists: Callable[[str], bool]  # whether a page (source path below docs_dir) is built
    nav: list[Any] | None = None  # mkdocs.yml's nav, as written (None: the default)
    made: dict[str, dict[str, Any]] = field(default_factory=dict)

    def link(self, target: str, lang: str, title: str | None = None) -> dict[str, Any]:
        """One entry: a page's source path or an address, labelled in ``lang``."""
        roles = self.slots.roles()
        role = roles.get(target, "")
        t = strings(lang)
        if "://" in target or target.startswith("mailto:"):
            url, external = target, True
        else:
            local = self.languages.localize(target, lang)
            url = page_address(local if self.exists(local) else target) or "./"
            external = False
        word = t.get(f"nav_{role}") or (t["jobs"] if role == "jobs" else None)
        if title and lang == self.languages.default:
            label = title
        elif title and self.languages.word(title, lang) != title:
            label = self.languages.word(title, lang)
        else:
            label = word or title or url
        return {"label": label, "url": url, "role": role, "external": external, "children": []}

    def entries(self, lang: str) -> list[dict[str, Any]]:
        """The applicant's navigation in ``lang``: nav's entries, nested one level."""
        if self.nav is None:
            order = [
                "index.md",
                f"{self.slots.blog}/index.md",
                f"{self.slots.blog}/authors/index.md",
                f"{self.slots.blog}/tags/index.md",
                self.slots.hiring,
                self.slots.jobs,
            ]
            return [self.link(target, lang) for target in order if target]
        return [entry for item in self.nav if (entry := self._entry(item, lang))]

    def _entry(self, item: Any, lang: str) -> dict[str, Any] | None:
        if isinstance(item, str):
            return self.link(item, lang)
        if not isinstance(item, Mapping) or len(item) != 1:
            return None
        title, value = next(iter(item.items()))
        if isinstance(value, str):
            return self.link(value, lang, str(title) if title is not None else None)
        if isinstance(value, list):
            children = [c for c in (self._entry(v, lang) for v in value) if c]
            if not children:
                return None
            words = self.languages.word(str(title), lang)
            return {
                **children[0],
                "label": words if lang == self.languages.default or words != title else str(title),
                "children": children,
            }
        return None

    def footer(self, lang: str) -> list[dict[str, Any]]:
        """The footer's columns: careers, reading, and the pages for employees."""
        s, t = self.slots, strings(lang)
        careers = [self.link(s.jobs, lang)] if s.jobs else []
        careers += [
            self.link(p, lang) for p in (s.hiring, "jobs/index.md") if p and (self.exists(p))
        ]
        read = [
            self.link(p, lang)
            for p in (
                f"{s.blog}/index.md",
                f"{s.blog}/authors/index.md",
                f"{s.blog}/tags/index.md",
                "feeds/index.md",
            )
            if self.exists(p)
        ]
        employees = [
            self.link(p, lang) for p in (s.write, s.ideas, s.policy) if p and self.exists(p)
        ]
        columns = [
            ("footer_careers", careers),
            ("footer_read", read),
            ("footer_employees", employees),
        ]
        return [{"title": t[key], "links": links} for key, links in columns if links]

    def for_lang(self, lang: str) -> dict[str, Any]:
        """Navigation and footer of ``lang``, made once."""
        found = self.made.get(lang)
        if found is None:
            found = self.made[lang] = {"entries": self.entries(lang), "footer": self.footer(lang)}
        return found


def section_of(kind: str) -> str:
    """The navigation entry a page belongs under, by the page's kind."""
    return {
        "post": "stories",
        "listing": "stories",
        "compact": "topics",
        "category": "topics",
        "tags": "topics",
        "authors": "people",
        "author": "people",
        "team": "people",
        "home": "home",
        "jobs": "jobs_page",
        "feeds": "feeds",
    }.get(kind, "")


def mark_active(entries: list[dict[str, Any]], url: str, section: str) -> list[dict[str, Any]]:
    """The entries with ``active`` set on the one the page is (or is under)."""
    out = []
    for entry in entries:
        children = mark_active(entry["children"], url, section)
        active = (
            (entry["url"] == url and not entry["external"])
            or (bool(section) and entry["role"] == section)
            or any(c["active"] for c in children)
        )
        out.append({**entry, "children": children, "active": active})
    return out
