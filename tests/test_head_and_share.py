"""Link previews, structured data, share buttons and the employee's share kit."""

from __future__ import annotations

import json
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from advocacy.core.model.entities import Post
from advocacy.core.publishing.share import share_kit, share_links
from advocacy.core.reading.policy import Policy
from conftest import FixtureSite, assert_no_warnings

BASE = "https://careers.example.com/"
URL = f"{BASE}blog/2026/11/20/frokost/"
POLICY = (
    'company: Kystlinje A/S\ndisclosure: {en: "I work at Kystlinje.", da: "Jeg arbejder '
    'hos Kystlinje."}\n'
)


def _site(site: FixtureSite) -> FixtureSite:
    site.write("policy.yml", POLICY)
    site.author(
        "mette-hansen",
        "Mette Hansen",
        photo=True,
        linkedin="https://www.linkedin.com/in/mettehansen",
    )
    site.simple_post(
        "2026-11-20-frokost.md",
        "Lunch for 200",
        "2026-11-20",
        extra=(
            "categories: [Everyday]\ntags: [canteen, code-review]\nupdated: 2026-11-22\n"
            'share:\n  text: "We cook for 200 colleagues every day."\n'
        ),
    )
    return site


def test_post_head_has_every_preview_tag_once_with_absolute_urls(site: FixtureSite) -> None:
    result = _site(site).build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    head = result.html("blog/2026/11/20/frokost/").head
    og = Counter(m["property"] for m in head.select("meta[property]"))
    assert all(count == 1 for name, count in og.items() if not name.startswith("article:t"))
    values = {m["property"]: m["content"] for m in head.select("meta[property]")}
    assert values["og:type"] == "article"
    assert values["og:title"] == "Lunch for 200"
    assert values["og:url"] == URL
    assert values["og:site_name"] == "Test Careers"
    assert values["og:locale"] == "en_GB"
    assert values["og:description"] == (
        "A story about what we do at work, told by the people doing it."
    )
    assert values["og:image"].startswith(f"{BASE}assets/cards/frokost-")
    assert (values["og:image:width"], values["og:image:height"]) == ("1200", "627")
    assert values["og:image:alt"] == "Lunch for 200"
    assert values["article:published_time"] == "2026-11-20T00:00:00+01:00"
    assert values["article:author"] == f"{BASE}blog/author/mette-hansen/"
    twitter = {m["name"]: m["content"] for m in head.select('meta[name^="twitter:"]')}
    assert twitter["twitter:card"] == "summary_large_image"
    assert twitter["twitter:image"] == values["og:image"]
    [script] = head.select('script[type="application/ld+json"]')
    posting = json.loads(script.string)
    assert posting["@type"] == "BlogPosting"
    assert posting["headline"] == "Lunch for 200"
    assert posting["image"]["url"] == values["og:image"]
    assert posting["datePublished"] == "2026-11-20T00:00:00+01:00"
    assert posting["dateModified"] == "2026-11-22T00:00:00+01:00"
    assert posting["inLanguage"] == "en"
    assert posting["publisher"] == {"@type": "Organization", "name": "Kystlinje A/S", "url": BASE}
    [person] = posting["author"]
    assert person == {
        "@type": "Person",
        "name": "Mette Hansen",
        "jobTitle": "Developer",
        "url": f"{BASE}blog/author/mette-hansen/",
        "sameAs": ["https://www.linkedin.com/in/mettehansen"],
    }


def test_author_page_is_a_profile_page(site: FixtureSite) -> None:
    result = _site(site).build()
    head = result.html("blog/author/mette-hansen/").head
    profile = json.loads(head.select_one('script[type="application/ld+json"]').string)
    assert profile["@type"] == "ProfilePage"
    assert profile["mainEntity"]["@type"] == "Person"
    assert profile["mainEntity"]["name"] == "Mette Hansen"
    assert profile["mainEntity"]["worksFor"]["name"] == "Kystlinje A/S"
    assert head.select_one('meta[property="og:type"]')["content"] == "profile"


def test_share_buttons_are_plain_links_to_the_canonical_url(site: FixtureSite) -> None:
    result = _site(site).build()
    page = result.html("blog/2026/11/20/frokost/")
    links = page.select("nav.adv-share a")
    assert [a.get_text() for a in links] == [
        "Share on LinkedIn",
        "Send by e-mail",
        "Share on X",
        "Share on Facebook",
        "Share on Bluesky",
    ]
    assert all(a["rel"] == ["noopener", "noreferrer"] for a in links)
    linkedin = urlsplit(links[0]["href"])
    assert (linkedin.netloc, linkedin.path) == ("www.linkedin.com", "/sharing/share-offsite/")
    assert parse_qs(linkedin.query) == {"url": [URL]}
    copy = page.select_one("nav.adv-share button.adv-copy")
    assert copy["data-adv-copy"] == URL
    assert page.select("nav.adv-share script, nav.adv-share iframe, nav.adv-share img") == []


def test_share_kit_has_the_disclosure_once_and_campaign_link(site: FixtureSite) -> None:
    result = _site(site).build()
    kit = result.html("blog/2026/11/20/frokost/").select_one("#adv-sharekit-text").get_text()
    assert kit == (
        "We cook for 200 colleagues every day.\n\nI work at Kystlinje.\n\n"
        f"{URL}?utm_source=linkedin&utm_medium=employee_share&utm_campaign=frokost"
        "\n\n#canteen #codereview"
    )
    assert kit.count("I work at Kystlinje.") == 1


def _post(**fields: object) -> Post:
    values: dict = {
        "file": "x.md",
        "src_uri": "x.md",
        "slug": "frokost",
        "title": "Frokost",
        "date": None,
        "authors": [],
        "description": "d",
        "language": "da",
        "body": "",
    }
    values.update(fields)
    return Post(**values)  # type: ignore[arg-type]


def test_share_links_decode_to_the_url_whatever_it_holds() -> None:
    url = "https://careers.example.com/blog/æøå sted/?a=1&b=2#top"
    for link in share_links(url, "Frokost & kage"):
        query = parse_qs(urlsplit(link["href"]).query)
        if link["service"] == "linkedin":
            assert query == {"url": [url]}
        elif link["service"] == "facebook":
            assert query == {"u": [url]}
        elif link["service"] == "x":
            assert query == {"url": [url], "text": ["Frokost & kage"]}
        elif link["service"] == "bluesky":
            assert query == {"text": [f"Frokost & kage {url}"]}
        else:
            assert query == {"subject": ["Frokost & kage"], "body": [url]}


def test_share_kit_limits() -> None:
    policy = Policy(disclosure={"da": "Jeg arbejder hos Kystlinje."})
    post = _post(share_text="Ord " * 1000, tags=["kantine"])
    kit = share_kit(post, policy, URL)
    assert len(kit["full"]) <= 3000
    assert "http" not in kit["full"][:200]
    assert kit["full"].endswith("utm_campaign=frokost\n\n#kantine")
    compose = urlsplit(kit["compose"])
    assert (compose.netloc, parse_qs(compose.query)["text"]) == ("www.linkedin.com", [kit["full"]])
    own = share_kit(_post(share_text="Jeg arbejder hos Kystlinje og elsker det."), policy, URL)
    assert own["text"] == "Jeg arbejder hos Kystlinje og elsker det."


def test_a_post_without_description_is_previewed_by_its_first_paragraph(site: FixtureSite) -> None:
    site.author("mette-hansen", "Mette Hansen")
    first = (
        "On Mondays the whole kitchen team meets at seven to plan the week's menus, and "
        "everyone, from the apprentice to the head chef, brings one idea & one dish to "
        "taste."
    )
    site.post(
        "2026-11-20-frokost.md",
        'title: "Lunch for 200"\ndate: 2026-11-20\nauthors: [mette-hansen]',
        f"## Our week\n\n{first}\n\nMore words.\n",
    )
    proc = site.check("--format", "json")
    found = [(f["rule"], f["severity"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [("description-length", "warning")]
    result = site.build()
    assert result.returncode == 0, result.log
    head = result.html("blog/2026/11/20/frokost/").head
    values = {m["property"]: m["content"] for m in head.select("meta[property]")}
    expected = (
        "On Mondays the whole kitchen team meets at seven to plan the week's menus, and "
        "everyone, from the apprentice to the head chef, brings one idea & one dish to…"
    )
    assert len(expected) <= 160
    assert values["og:description"] == expected
    assert head.select_one('meta[name="description"]')["content"] == expected
