"""The entry page's data (what it is like to work here, and where to apply) and the 404
page's (in every language, with the latest stories and the jobs link): the two pages made
of the whole edition rather than of one post or listing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from advocacy.core.i18n.ui import strings
from advocacy.core.publishing.careers.languages import once
from advocacy.core.publishing.careers.navigation import page_address
from advocacy.core.publishing.views import other_versions

if TYPE_CHECKING:  # PageData calls these for its pages
    from advocacy.mkdocs_plugin.context import PageData


def hiring_page(self: PageData, lang: str) -> str | None:
    """The address of the "how we hire" page in ``lang``, when there is one."""
    assert self.careers is not None
    page = self.careers.hiring_page
    if not page:
        return None
    local = self.langs.localize(page, lang)
    return (
        page_address(local)
        if self.exists(local)
        else (page_address(page) if self.exists(page) else None)
    )


def home_data(self: PageData, lang: str, data: dict[str, Any]) -> None:
    """The entry page: what it is like to work here, and where to apply."""
    assert self.careers is not None
    edition, brand, langs = self.edition, self.careers.brand, self.langs
    t = strings(lang)
    featured = once([p for p in edition.posts if p.featured], lang, self.stories)[:3]
    shown = {p.src_uri for post, _ in featured for p in self.stories.get(post.src_uri, [post])}
    latest = once([p for p in edition.posts if p.src_uri not in shown], lang, self.stories)[
        : self.site.per_page
    ]
    data["featured"] = [
        {**self.card(p, lang), "versions": other_versions(o, lang)} for p, o in featured
    ]
    data["latest"] = [
        {**self.card(p, lang), "versions": other_versions(o, lang)} for p, o in latest
    ]
    writers = sorted(
        edition.authors.values(),
        key=lambda a: next(
            (i for i, p in enumerate(edition.posts) if a.slug in p.authors), len(edition.posts)
        ),
    )
    data["faces"] = [
        view for a in writers if edition.show_photo(a) for view in [self.card_author(a, lang)]
    ][:8]
    data["people_count"] = len(edition.authors)
    data["teams"] = self.teams(lang)
    data["people_url"] = f"{langs.prefix(lang)}{self.site.blog_dir}/authors/"
    data["blog_url"] = f"{langs.prefix(lang)}{self.site.blog_dir}/"
    data["jobs_url"] = self.careers.jobs_url
    data["hiring"] = hiring_page(self, lang)
    data["kicker"] = t["home_kicker"].format(company=brand.name if brand else self.careers.company)
    data["tagline"] = brand.in_lang(brand.tagline, lang, langs.default) if brand else ""
    data["hero"] = (
        {"path": brand.hero, "alt": brand.in_lang(brand.hero_alt, lang, langs.default)}
        if (brand and brand.hero)
        else None
    )


def not_found(self: PageData) -> dict[str, Any]:
    """The 404 page: in every language the site speaks (the host serves one file for
    every missing address), with search, the latest stories and the jobs link."""
    lang = self.site.language
    sections = []
    for code in self.langs.spoken:
        latest = once(self.edition.posts, code, self.stories)[:3]
        sections.append(
            {
                "lang": code,
                "t": strings(code),
                "home": self.home(code),
                "blog": f"{self.langs.prefix(code)}{self.site.blog_dir}/",
                "latest": [self.card(p, code) for p, _ in latest],
            }
        )
    switch = [
        {"url": self.home(o), "lang": o, "label": strings(o)["self_name"]}
        for o in self.langs.spoken
        if o != lang
    ]
    # Served for every missing address, at any depth: the site's root by its own path.
    root = urlsplit(self.config.site_url or "/").path or "/"
    for section in sections:
        section["home"] = root if section["home"] == "./" else section["home"]
    for entry in switch:
        entry["url"] = root if entry["url"] == "./" else entry["url"]
    frame = self.frame(lang, "404.html", "404", switch)
    frame["home"] = root
    return {
        "t": strings(lang),
        "lang": lang,
        "kind": "404",
        "layout": "wide",
        "sections": sections,
        "chrome": frame,
        "feeds": [],
        "own_feeds": [],
    }
