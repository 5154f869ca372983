"""LinkedIn share cards: one per published post and author, 1200x627, cached, renamed when
their content changes, gone with consent."""

from __future__ import annotations

import re

from PIL import Image

from conftest import FixtureSite, Result, assert_no_warnings


def _card(result: Result, url: str) -> tuple[str, Image.Image]:
    meta = result.html(url).select_one('meta[property="og:image"]')
    assert meta is not None, url
    address = meta["content"]
    assert address.startswith("https://careers.example.com/assets/cards/")
    path = result.site / address.removeprefix("https://careers.example.com/")
    assert path.stat().st_size < 5 * 1024 * 1024
    return address, Image.open(path)


def _made(result: Result) -> int:
    match = re.search(r"Share cards: \d+ published, (\d+) made now", result.log)
    assert match, result.log
    return int(match.group(1))


def test_every_post_and_author_has_a_card(site: FixtureSite) -> None:
    site.image("media/cover.jpg", size=(1600, 900), color="orange")
    site.simple_post(
        "2026-11-20-a.md",
        "Frokost til 200: en dag i vores køkken",
        "2026-11-20",
        extra="image: media/cover.jpg\nimage_alt: The canteen\n",
    )
    result = site.build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    address, image = _card(result, "blog/2026/11/20/a/")
    assert re.search(r"/assets/cards/a-[0-9a-f]{16}\.jpg$", address)
    assert (image.format, image.size) == ("JPEG", (1200, 627))
    page = result.html("blog/2026/11/20/a/")
    assert page.select_one('meta[property="og:image:alt"]')["content"] == (
        "Frokost til 200: en dag i vores køkken"
    )
    assert page.select_one('meta[property="og:image:width"]')["content"] == "1200"
    _, author_image = _card(result, "blog/author/mette-hansen/")
    assert author_image.size == (1200, 627)
    assert _made(result) == 2
    assert _made(site.build()) == 0  # nothing changed: every card from the cache


def test_a_new_title_gives_the_card_a_new_address(site: FixtureSite) -> None:
    site.simple_post("2026-11-20-a.md", "First title", "2026-11-20")
    first, _ = _card(site.build(), "blog/2026/11/20/a/")
    site.simple_post("2026-11-20-a.md", "Second title", "2026-11-20")
    result = site.build()
    second, _ = _card(result, "blog/2026/11/20/a/")
    assert first != second
    assert _made(result) == 1  # only the changed post's card


def test_no_card_without_consent(site: FixtureSite) -> None:
    site.author(
        "jonas-berg",
        "Jonas Berg",
        consent={"profile": "2026-01-01", "evidence": "x", "withdrawn": "2026-11-01"},
    )
    site.simple_post("2026-10-20-j.md", "Jonas writes", "2026-10-20", authors="[jonas-berg]")
    result = site.build()
    assert result.returncode == 0, result.log
    names = [p.name for p in (result.site / "assets/cards").iterdir()]
    assert not any("jonas" in name or name.startswith("j-") for name in names)
    assert len(names) == 1  # Mette's author card only
