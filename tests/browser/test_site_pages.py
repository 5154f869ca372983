"""Every page an applicant lands on, in Chromium on a desktop (1366x900) and a phone (390x844):
no serious accessibility problem (axe), no request to another host and none that is not
there (404), nothing wider than the screen, and the jobs link at most three presses of Tab
after the skip link. Search finds the jobs page. The pages are the ones ``make screenshots``
photographs (tools/screenshots.py), plus a post with a YouTube video.
"""

from __future__ import annotations

import importlib.util
import json
from typing import Any

import pytest

from conftest import REPO

from .harness import (
    AXE,
    AXE_TAGS,
    BLOCKING_IMPACTS,
    DESKTOP,
    PHONE,
    YOUTUBE_POST_URL,
    Site,
    Tab,
    open_tab,
    settle,
)

pytestmark = pytest.mark.browser


def _screenshot_pages() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "tools/screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.PAGES)


PAGES = {**_screenshot_pages(), "youtube-post": YOUTUBE_POST_URL}
NOT_FOUND = PAGES["404"]  # an address that is not there: the site's 404.html, status 404
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
CASES = [
    pytest.param((path, viewport), id=f"{name}-{width}")
    for name, path in PAGES.items()
    for width, viewport in VIEWPORTS.items()
]


@pytest.fixture
def opened(request: pytest.FixtureRequest, browser: Any, site: Site) -> Any:
    """The case's page, loaded in a tab of the case's size (200, or 404 for the page that
    is not there)."""
    path, viewport = request.param
    with open_tab(browser, site, viewport) as tab:
        response = tab.page.goto(path, wait_until="load")
        assert response is not None
        expected = 404 if path == NOT_FOUND else 200
        assert response.status == expected, f"{path}: HTTP {response.status}"
        yield path, tab


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            lines.append(
                "    "
                + " ".join(t if isinstance(t, str) else json.dumps(t) for t in node["target"])
            )
    return "\n".join(lines)


@pytest.mark.parametrize("opened", CASES, indirect=True)
def test_axe_finds_no_serious_violations(opened: tuple[str, Tab]) -> None:
    path, tab = opened
    tab.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    results = tab.page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        pytest.fail(
            f"axe: {len(blocking)} serious or critical violation(s) on {path} "
            f"(every violation listed):\n{_describe(results['violations'])}",
            pytrace=False,
        )


@pytest.mark.parametrize("opened", CASES, indirect=True)
def test_requests_stay_on_the_site_and_all_find_something(opened: tuple[str, Tab]) -> None:
    path, tab = opened
    settle(tab)
    # Down the page a screen at a time, so every lazy picture is asked for.
    tab.page.evaluate("""async () => { for (let y = 0; y < document.body.scrollHeight;
        y += innerHeight / 2) { scrollTo(0, y); await new Promise(r => setTimeout(r, 40)); } }""")
    settle(tab)
    assert tab.requests, f"{path}: no request recorded at all"
    assert tab.foreign() == [], f"{path} asked other hosts than 127.0.0.1"
    assert tab.missing(NOT_FOUND) == [], f"{path}: requests answered 404"
    assert [u for u in tab.requests if "sitemap.xml" in u] == [], (
        f"{path}: Material's script asked for sitemaps"
    )


@pytest.mark.parametrize("opened", CASES, indirect=True)
def test_nothing_is_wider_than_the_screen(opened: tuple[str, Tab]) -> None:
    path, tab = opened
    wide = tab.page.evaluate("""() => {
      const width = document.documentElement.clientWidth;
      return [...document.querySelectorAll('body *')].filter(el => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && getComputedStyle(el).position
          !== 'fixed' && !el.closest('.md-sidebar, .md-search, .md-tabs, [hidden]');
      }).slice(0, 5).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
    }""")
    scroll = tab.page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert scroll[0] <= scroll[1], f"{path}: the page scrolls sideways ({scroll}): {wide}"
    assert wide == [], f"{path}: wider than the screen: {wide}"


TAB_STOP = """() => { const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  if (el.matches('a.md-skip')) return 'skip';
  if (el.matches('a.adv-header__jobs')) return 'jobs';
  return el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join(''); }"""


@pytest.mark.parametrize("opened", CASES, indirect=True)
def test_jobs_link_is_three_tab_stops_after_the_skip_link_at_most(opened: tuple[str, Tab]) -> None:
    path, tab = opened
    stops = []
    for _ in range(8):
        tab.page.keyboard.press("Tab")
        stops.append(tab.page.evaluate(TAB_STOP))
        if stops[-1] == "jobs":
            break
    assert stops[0] == "skip", f"{path}: the first stop is not the skip link: {stops}"
    assert "jobs" in stops and stops.index("jobs") <= 3, (
        f"{path}: the jobs link is not within three stops of the skip link: {stops}"
    )
    href = tab.page.evaluate("() => document.activeElement.href")
    assert href == "https://kystlinje.example/job", href


@pytest.mark.parametrize("query", ["job", "stilling", "apply"])
def test_search_finds_the_jobs_page(browser: Any, site: Site, query: str) -> None:
    with open_tab(browser, site, DESKTOP) as tab:
        tab.page.goto("/", wait_until="load")
        tab.page.fill(".md-search__input", query)
        tab.page.wait_for_selector(".md-search-result__item", state="attached")
        hrefs = tab.page.eval_on_selector_all(
            ".md-search-result__item > a", "links => links.map(a => a.pathname)"
        )
        assert any(h in ("/jobs/", "/en/jobs/") for h in hrefs), (query, hrefs)
        assert tab.foreign() == []


def test_feed_and_translation_links_stay_for_readers_and_search_engines(
    browser: Any, site: Site
) -> None:
    """Material's script never sees them (no sitemap request), but they are in the page."""
    path = PAGES["post-da"]
    served = (site.root / path.strip("/") / "index.html").read_text("utf-8")
    with open_tab(browser, site, DESKTOP) as tab:
        tab.page.goto(path, wait_until="load")
        settle(tab)
        live = tab.page.eval_on_selector_all(
            'link[rel="alternate"]', "links => links.map(l => l.getAttribute('href'))"
        )
        assert len(live) == served.count('rel="alternate"') >= 4, live
        assert any(h.endswith("feed_rss.xml") for h in live)
        assert [u for u in tab.requests if "sitemap" in u] == []
