"""The careers site's settings from ``mkdocs.yml`` and ``teams.yml``, for one build: the
languages, the brand (its files judged like every picture) and the teams' profiles; and
the brand's files in the built site (its style sheet, the favicon)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from advocacy.core.checking.people.elsewhere import CONFIG_TEXT, config_findings
from advocacy.core.media.catalog import SVG, MediaCatalog
from advocacy.core.media.images import ImageProblem
from advocacy.core.model.findings import Finding, Report
from advocacy.core.model.site import Site
from advocacy.core.publishing.careers.brand import Brand, brand_css, brand_findings, config_lines
from advocacy.core.publishing.careers.languages import Languages
from advocacy.core.publishing.careers.site_pages import Careers
from advocacy.core.publishing.careers.team_profiles import read_team_profiles
from advocacy.core.publishing.edition import page_published
from advocacy.core.reading.policy import Policy
from advocacy.core.reading.repository import Repository
from advocacy.core.review.policy_page import policy_markdown
from advocacy.mkdocs_plugin.site import plugin_options

BRAND_CSS = "assets/advocacy/brand.css"
_DEFAULT_CARDS = ("#1f3a5f", "#f2a541")  # CardsConfig's defaults: the brand's colours win
# A company's legal form is not part of the name people know it by.
_LEGAL = re.compile(r"[ ,]+(?:A/S|ApS|I/S|P/S|AB|AS|ASA|Oy|GmbH|Ltd\.?|Inc\.?|LLC)$")
_SVG_SIZE = re.compile(r'\b(width|height)="([0-9.]+)(?:px)?"')
_VIEWBOX = re.compile(r'\bviewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)"')


def read_careers(
    site: Site, repo: Repository, config: MkDocsConfig, files: Files, report: Report
) -> Careers:
    """Languages, brand and team profiles, and the brand's style sheet and favicon in the
    site. The problems found in ``teams.yml`` and in the brand's files go into ``report``,
    with the check's (so an error stops the build, as the check's do)."""
    careers, found = careers_of(site, repo, config)
    report.extend(found)
    from advocacy.mkdocs_plugin.publication import hold_mode  # it imports this module

    held = [f for f in found if f.rule == CONFIG_TEXT.id]
    if held and hold_mode():  # a setting cannot be held back: no build that holds errors back
        raise PluginError(f"advocacy: {held[0].file}:{held[0].line}: {held[0].message}")
    add_brand_files(careers, files, config, repo.media)
    return careers


def careers_of(site: Site, repo: Repository, config: MkDocsConfig) -> tuple[Careers, list[Finding]]:
    """Languages, brand and team profiles, and the problems found in them."""
    opts: Any = plugin_options(config)
    profiles, found = read_team_profiles(repo, opts.teams_file if opts else "teams.yml")
    words: dict[str, dict[str, str]] = {
        k: dict(v) for k, v in (opts.translations if opts else {}).items()
    }
    for profile in profiles.values():
        for lang, name in profile.names.items():
            words.setdefault(lang, {})[profile.team] = name
    spoken = tuple(opts.languages) if opts and opts.languages else (site.language,)
    langs = Languages(site.language, spoken, words)
    company = repo.policy.company or config.site_name
    brand = None
    if opts is not None:
        b = opts.brand
        brand = Brand(
            b.name or _LEGAL.sub("", company),
            b.logo,
            b.favicon,
            b.hero,
            dict(b.hero_alt),
            dict(b.tagline),
            b.primary,
            b.accent,
        )
        text = Path(config.config_file_path).read_text("utf-8") if (config.config_file_path) else ""
        found += brand_findings(
            brand, repo, config_lines(text), Path(config.config_file_path or "mkdocs.yml").name
        )
        found += config_findings(repo, text, Path(config.config_file_path or "mkdocs.yml").name)
        cards = opts.cards
        # The share cards wear the brand unless mkdocs.yml gives them colours of their own.
        if brand.primary and cards.background == _DEFAULT_CARDS[0]:
            cards.background = brand.primary
        if brand.accent and cards.accent == _DEFAULT_CARDS[1]:
            cards.accent = brand.accent
    careers = Careers(langs, brand, profiles, site.jobs_url, dict(site.team_jobs), company)
    careers.pages = {p.src_uri for p in repo.pages if page_published(p, repo, site.today)}
    if opts is not None:
        careers.hiring_page, careers.write_page = opts.hiring_page, opts.write_page
        careers.policy_page = opts.policy_page.strip("/") + "/index.md"
    return careers, found


def published(path: str | None, catalog: MediaCatalog | None) -> dict[str, Any] | None:
    """A brand file as the site has it: its address below the site and its size."""
    if not path or catalog is None:
        return None
    if catalog.kind(path) == SVG:
        try:
            text = (catalog.root / path).read_text("utf-8")[:2000]
        except OSError:
            return None
        box = _VIEWBOX.search(text)
        sizes = dict(_SVG_SIZE.findall(text))
        width, height = box.groups() if box else (sizes.get("width"), sizes.get("height"))
        return {
            "src": path,
            "svg": True,
            "width": round(float(width or 0)) or None,
            "height": round(float(height or 0)) or None,
        }
    plan = catalog.photo(path)
    if isinstance(plan, ImageProblem):
        return None
    return {"src": plan.fallback.name, "svg": False, "width": plan.width, "height": plan.height}


def add_brand_files(
    careers: Careers, files: Files, config: MkDocsConfig, catalog: MediaCatalog | None
) -> None:
    """The brand's style sheet (its colours) and favicon, in the site and on every page."""
    brand = careers.brand
    if brand is None:
        return
    if brand.primary or brand.accent:
        primary = brand.primary or _DEFAULT_CARDS[0]
        css = brand_css(primary, brand.accent or _DEFAULT_CARDS[1])
        if BRAND_CSS not in files.src_uris:
            files.append(File.generated(config, BRAND_CSS, content=css))
        if BRAND_CSS not in config.extra_css:
            config.extra_css.append(BRAND_CSS)
    icon = published(brand.favicon, catalog)
    if icon is not None:
        config.theme["favicon"] = icon["src"]  # Material's <link rel="icon">


def add_policy_pages(
    langs: Languages, policy: Policy, site: Site, config: MkDocsConfig, files: Files
) -> None:
    """The readable policy, one page per language the site speaks, in that language only
    (``some-policy/``, ``en/some-policy/``), unless the docs have their own."""
    opts: Any = plugin_options(config)
    folder = (opts.policy_page if opts else site.policy_page).strip("/")
    for lang in langs.spoken:
        uri = f"{langs.prefix(lang)}{folder}/index.md"
        if uri not in files.src_uris:
            markdown = policy_markdown(
                policy,
                policy.company or site.site_name,
                lang,
                "md_in_html" in config.markdown_extensions,
            )
            files.append(File.generated(config, uri, content=markdown))
