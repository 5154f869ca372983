"""Build tiny sites with ``mkdocs build --strict`` and read the HTML back."""

from __future__ import annotations

import re

from conftest import FixtureSite, Result, assert_no_warnings


def _post_titles(result: Result, url: str) -> list[str]:
    page = result.html(url)
    return [a.get_text(strip=True) for a in page.select(".adv-card__title a, a.adv-list__title")]


def _blog(site: FixtureSite) -> FixtureSite:
    site.author("jonas-berg", "Jonas Berg", team="Sales")
    site.author(
        "sofie-norgaard",
        "Sofie Nørgaard",
        team="Kitchen",
        photo=True,
        consent={"profile": "2026-01-10", "evidence": "HR-2"},
    )  # photo, no consent
    site.simple_post(
        "2026-11-20-canteen.md",
        "Lunch for 200",
        "2026-11-20",
        extra="categories: [Everyday]\ntags: [canteen]\n",
    )
    site.simple_post(
        "2026-10-01-project.md",
        "We shipped it",
        "2026-10-01",
        authors="[mette-hansen, jonas-berg]",
        extra="categories: [Projects]\n",
    )
    site.simple_post(
        "2026-09-01-sales.md", "Four years in sales", "2026-09-01", authors="[jonas-berg]"
    )
    site.simple_post(
        "2026-11-01-draft.md", "Secret draft story", "2026-11-01", extra="draft: true\n"
    )
    site.simple_post("2026-12-24-future.md", "Christmas future story", "2026-12-24")
    site.simple_post(
        "2025-01-01-old.md", "Expired old story", "2025-01-01", extra="expires: 2026-01-01\n"
    )
    return site


def test_posts_get_their_addresses_and_listings_are_newest_first(site: FixtureSite) -> None:
    result = _blog(site).build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    post = result.html("blog/2026/11/20/canteen/")
    assert post.find("h1").get_text(strip=True) == "Lunch for 200"
    assert "Some words about our work." in post.select_one("article.adv-post").get_text()
    assert post.select_one("article.adv-post")["lang"] == "en"
    assert _post_titles(result, "blog/") == ["Lunch for 200", "We shipped it"]  # per_page: 2
    assert _post_titles(result, "blog/page/2/") == ["Four years in sales"]
    assert _post_titles(result, "blog/category/everyday/") == ["Lunch for 200"]
    assert _post_titles(result, "blog/tag/canteen/") == ["Lunch for 200"]
    assert _post_titles(result, "blog/archive/2026/") == [
        "Lunch for 200",
        "We shipped it",
        "Four years in sales",
    ]
    home = result.html("")
    assert [a.get_text(strip=True) for a in home.select(".adv-card__title a")] == [
        "Lunch for 200",
        "We shipped it",
    ]


def test_every_author_page_lists_exactly_their_posts(site: FixtureSite) -> None:
    result = _blog(site).build()
    assert result.returncode == 0, result.log
    assert _post_titles(result, "blog/author/mette-hansen/") == ["Lunch for 200", "We shipped it"]
    assert _post_titles(result, "blog/author/jonas-berg/") == [
        "We shipped it",
        "Four years in sales",
    ]
    assert _post_titles(result, "blog/author/sofie-norgaard/") == []
    page = result.html("blog/author/jonas-berg/")
    assert page.find("h1").get_text(strip=True) == "Jonas Berg"
    assert "Jonas Berg writes code." in page.get_text()  # bio in the site's language
    people = result.html("blog/authors/")
    assert [h.get_text(strip=True) for h in people.select(".adv-team h2")] == [
        "IT",
        "Kitchen",
        "Sales",
    ]


def test_drafts_future_and_expired_posts_appear_nowhere(site: FixtureSite) -> None:
    result = _blog(site).build()
    assert result.returncode == 0, result.log
    everything = result.all_text()
    for title in ("Secret draft story", "Christmas future story", "Expired old story"):
        assert title not in everything
    for slug in ("draft", "future", "old"):
        assert f"/{slug}/" not in everything
    locations = {doc["location"] for doc in result.search_index()["docs"]}
    assert not any(loc.startswith("blog/posts") for loc in locations)
    assert "blog/2026/11/20/canteen/" in locations
    assert "Held back site_src/blog/posts/2026-11-01-draft.md: it is a draft." in result.log
    assert (
        "Held back site_src/blog/posts/2026-12-24-future.md: it is dated 2026-12-24." in result.log
    )


def test_future_post_appears_on_its_day(site: FixtureSite) -> None:
    result = _blog(site).build(today="2026-12-24")
    assert result.returncode == 0, result.log
    assert _post_titles(result, "blog/")[0] == "Christmas future story"


def test_photo_only_with_consent_otherwise_initials(site: FixtureSite) -> None:
    result = _blog(site).build()
    mette = result.html("blog/author/mette-hansen/").select_one(".adv-profile .adv-avatar")
    assert mette.name == "img"
    assert re.fullmatch(
        r"\.\./\.\./\.\./media/authors/mette-hansen\.[0-9a-f]{8}-800\.jpg", mette["src"]
    ), mette["src"]
    assert (result.site / "blog/author/mette-hansen" / mette["src"]).resolve().is_file()
    assert not (result.site / "media/authors/mette-hansen.jpg").exists()  # never the original
    sofie = result.html("blog/author/sofie-norgaard/").select_one(".adv-profile .adv-avatar")
    assert sofie.name == "span"
    assert sofie.get_text(strip=True) == "SN"
    assert not list((result.site / "media/authors").glob("sofie-norgaard*"))
    assert "sofie-norgaard.jpg" not in result.all_text()


def test_withdrawn_author_disappears_with_their_posts(site: FixtureSite) -> None:
    site.author(
        "jonas-berg",
        "Jonas Berg",
        photo=True,
        consent={
            "profile": "2026-01-10",
            "photo": "2026-01-10",
            "evidence": "HR-1",
            "withdrawn": "2026-11-01",
        },
    )
    site.simple_post(
        "2026-10-01-project.md", "Jonas tells a story", "2026-10-01", authors="[jonas-berg]"
    )
    result = site.build()
    assert result.returncode == 0, result.log
    everything = result.all_text()
    assert "Jonas" not in everything
    assert not (result.site / "blog/author/jonas-berg").exists()
    assert not list((result.site / "media/authors").glob("jonas-berg*"))


def test_media_in_both_forms_is_published_and_linked(site: FixtureSite) -> None:
    site.image("media/2026/a.jpg")
    site.image("media/2026/b.png")
    site.image("media/2026/unused.jpg")
    site.simple_post(
        "2026/2026-11-20-photos.md",
        "Photos",
        "2026-11-20",
        extra="image: media/2026/a.jpg\nimage_alt: A red wall\n",
        body="![The office](media/2026/a.jpg)\n\n![A plant](../../../../media/2026/b.png)\n",
    )
    result = site.build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    page = result.html("blog/2026/11/20/photos/")
    images = page.select(".adv-post picture img:not(.adv-avatar)")
    assert [img["alt"] for img in images] == ["A red wall", "The office", "A plant"]
    for img in images:
        assert (result.site / "blog/2026/11/20/photos" / img["src"]).resolve().is_file()
        assert img["src"].startswith("../../../../../media/2026/")
    assert [img.get("loading") for img in images] == [None, "lazy", "lazy"]  # cover first
    assert images[2]["src"].endswith("-800.jpg")  # the PNG has no alpha: a JPEG fallback
    assert not (result.site / "media/2026/b.png").exists()  # originals are never published
    assert not list((result.site / "media/2026").glob("unused*"))


def test_schema_error_fails_the_build_naming_file_line_and_field(site: FixtureSite) -> None:
    site.post(
        "2026-11-20-broken.md",
        """
        title: "Broken"
        date: 2026-11-31
        authors: [nobody]
        description: "A story about what we do at work, told by the people doing it."
    """,
    )
    result = site.build()
    assert result.returncode == 1
    assert (
        "site_src/blog/posts/2026-11-20-broken.md:3: error: 'date' is not a date: "
        "'2026-11-31'. [schema-date]"
    ) in result.log
    # An author without a file holds the post back (a warning), so a build that takes a
    # person's posts down can never be stopped by their deleted file.
    assert (
        "site_src/blog/posts/2026-11-20-broken.md:4: warning: There is no author 'nobody': "
        "the file authors/nobody.yml does not exist, so the post is not published. "
        "[author-unknown]"
    ) in result.log
    assert not (result.site / "index.html").exists()


def test_missing_title_and_wrong_type_fail_the_build(site: FixtureSite) -> None:
    site.post(
        "x.md",
        """
        date: 2026-11-20
        authors: [mette-hansen]
        description: "A story about what we do at work, told by the people doing it."
        tags: {a: b}
    """,
    )
    result = site.build()
    assert result.returncode == 1
    assert "site_src/blog/posts/x.md:2: error: 'title' is missing. [schema-missing]" in result.log
    assert (
        "site_src/blog/posts/x.md:5: error: 'tags' must be text, not a group of fields. "
        "[schema-type]"
    ) in result.log


def test_unknown_field_is_a_warning_that_does_not_fail_strict(site: FixtureSite) -> None:
    site.simple_post("2026-11-20-a.md", "Hello", "2026-11-20", extra="autor: x\n")
    result = site.build()
    assert result.returncode == 0, result.log
    assert "warning: Unknown field 'autor': did you mean 'authors'?" in result.log
