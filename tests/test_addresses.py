"""Addresses are judged as browsers read them (WHATWG URL): control characters around an
address and tabs inside it dropped, a backslash read as a slash, the host percent-decoded and
IDNA-mapped. An address whose written form hides what the browser reads is an error in every
attribute that holds one (srcset candidate by candidate), the sanitiser drops it, and the
build refuses the page. A brand SVG is judged with its processing instructions, DOCTYPE and
namespaces against an allow-list of SVG elements and attributes."""

from __future__ import annotations

from pathlib import Path

import pytest

from advocacy.core.checking.run import check_repository
from advocacy.core.model.addresses import read, srcset_urls
from advocacy.core.rendering.sanitize import DANGER, judge
from conftest import FixtureSite, site_settings

POLICY = (
    "internal_hosts: [intranet.kystlinje.example, jira.kystlinje.example, "
    "kystlinje.atlassian.net]\n"
)
POST = "site_src/blog/posts/2026-11-20-p.md"
LINE = 8  # the first body line of the post
WORDS = "Our team spent the autumn moving the booking system to the new platform.\n\n"
HIDDEN = (
    "The address '{}' in '{}' on <{}> has control characters or backslashes that browsers "
    "skip or read as '/': it does not go where it seems to."
)
INTERNAL = (
    "The link to {} points inside the company; readers outside cannot open it and it tells "
    "them about our internal systems."
)


def _findings(site: FixtureSite, rule: str) -> list[tuple[int | None, str]]:
    _, report = check_repository(site_settings(site.root), lang="en")
    return [(f.line, f.message) for f in report.sorted() if f.rule == rule]


def _post(site: FixtureSite, body: str) -> None:
    site.write("policy.yml", POLICY)
    site.simple_post("2026-11-20-p.md", "What we learned", "2026-11-20", body=WORDS + body)


# -- the normaliser ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "scheme", "host", "relative", "disguised"),
    [
        ("\x01//evil.example/x.png", "", "evil.example", False, "control"),
        ("\\\\evil.example/x.png", "", "evil.example", False, "backslash"),
        ("/\\evil.example/x.png", "", "evil.example", False, "backslash"),
        ("media\\x.png", "", "", True, "backslash"),
        ("//evil.example/x.png", "", "evil.example", False, ""),
        ("media/x.png?a=\\b", "", "", True, ""),
        (
            "https://jira%2ekystlinje%2eexample/browse/FYR-1",
            "https",
            "jira.kystlinje.example",
            False,
            "",
        ),
        (
            "https://JIRA\uff0ekystlinje\uff0eexample./",
            "https",
            "jira.kystlinje.example",
            False,
            "",
        ),
        ("https:jira.kystlinje.example", "https", "jira.kystlinje.example", False, ""),
        ("https://user@evil.example:8443/", "https", "evil.example", False, ""),
        ("  https://ok.example/ \n", "https", "ok.example", False, ""),
        ("java\tscript:alert(1)", "javascript", "", False, "control"),
        ("#top", "", "", True, ""),
    ],
)
def test_an_address_as_browsers_read_it(
    url: str, scheme: str, host: str, relative: bool, disguised: str
) -> None:
    address = read(url)
    assert (address.scheme, address.host, address.relative, address.disguised) == (
        scheme,
        host,
        relative,
        disguised,
    )


def test_srcset_candidates_are_split_as_browsers_split_them() -> None:
    value = "a.png 1x, b.png (x, y) 2x,c.png,, \x01//evil.example/x.png 1x"
    assert srcset_urls(value) == ["a.png", "b.png", "c.png", "\x01//evil.example/x.png"]


# -- the sanitiser: every attribute that holds an address ---------------------------------------


@pytest.mark.parametrize(
    ("html", "attribute", "value"),
    [
        (
            '<img srcset="&#1;//evil.example/x.png 1x" alt="a">',
            "srcset",
            "\x01//evil.example/x.png",
        ),
        (
            '<img srcset="media/a.png 1x, &#31;//evil.example/x.png 2x" alt="a">',
            "srcset",
            "\x1f//evil.example/x.png",
        ),
        ('<img src="&#1;//evil.example/x.png" alt="a">', "src", "\x01//evil.example/x.png"),
        ('<img src="\\\\evil.example/x.png" alt="a">', "src", "\\\\evil.example/x.png"),
        ('<a href="&#1;https://evil.example/">x</a>', "href", "\x01https://evil.example/"),
        ('<a href="/\\evil.example/">x</a>', "href", "/\\evil.example/"),
        ('<video poster="&#2;//evil.example/p.png"></video>', "poster", "\x02//evil.example/p.png"),
        ('<blockquote cite="&#1;//evil.example/">q</blockquote>', "cite", "\x01//evil.example/"),
        ('<a ping="&#1;//evil.example/">x</a>', "ping", "\x01//evil.example/"),
        ('<img longdesc="&#1;//evil.example/" alt="a">', "longdesc", "\x01//evil.example/"),
        (
            '<div background="&#1;//evil.example/b.png">x</div>',
            "background",
            "\x01//evil.example/b.png",
        ),
    ],
)
def test_a_disguised_address_is_dropped_and_dangerous(
    html: str, attribute: str, value: str
) -> None:
    judgement = judge(f"<p>{html}</p>")
    assert "evil.example" not in judgement.clean
    assert ("unsafe-url", DANGER, attribute, value) in [
        (i.rule, i.level, i.attribute, i.value) for i in judgement.issues
    ]


def test_plain_addresses_stay() -> None:
    html = (
        '<p><a href="https://example.com/a?b=\\c">x</a> <a href=" #top ">y</a>'
        '</p><blockquote cite="https://example.com/q">q</blockquote>'
    )
    judgement = judge(html)
    assert judgement.issues == ()
    assert judgement.clean == html


# -- the check and the build agree ------------------------------------------------------------


def test_a_srcset_with_a_control_character_is_an_error_and_the_build_refuses(
    site: FixtureSite,
) -> None:
    _post(site, '<p><img srcset="&#1;//evil.example/c0.png 1x" alt="Our team"></p>\n')
    assert _findings(site, "unsafe-url") == [
        (LINE + 2, HIDDEN.format("\\x01//evil.example/c0.png", "srcset", "img"))
    ]
    result = site.build()
    assert result.returncode == 1
    assert "evil.example/c0.png' in 'srcset' on <img> has control characters" in result.log
    assert not (result.site / "blog/2026/11/20/p/index.html").exists() or "evil.example" not in (
        result.site / "blog/2026/11/20/p/index.html"
    ).read_text("utf-8")


def test_backslashes_in_a_picture_address_are_an_error(site: FixtureSite) -> None:
    _post(site, '<p><img src="\\\\evil.example/x.png" alt="Our team"></p>\n')
    assert _findings(site, "unsafe-url") == [
        (LINE + 2, HIDDEN.format("\\\\evil.example/x.png", "src", "img"))
    ]


def test_an_internal_host_is_recognised_percent_encoded_or_full_width(site: FixtureSite) -> None:
    _post(
        site,
        "[the plan](https://jira%2ekystlinje%2eexample/browse/FYR-101),\n"
        "[the cut-over](https://kystlinje%2Eatlassian%2Enet/browse/FYR-102),\n"
        "[the page](https://INTRANET\uff0ekystlinje\uff0eexample./teams) and\n"
        "[the board](https:jira.kystlinje.example/board).\n",
    )
    assert _findings(site, "link-internal") == [
        (LINE + 2, INTERNAL.format("jira.kystlinje.example")),
        (LINE + 3, INTERNAL.format("kystlinje.atlassian.net")),
        (LINE + 4, INTERNAL.format("intranet.kystlinje.example")),
        (LINE + 5, INTERNAL.format("jira.kystlinje.example")),
    ]


# -- brand SVGs ---------------------------------------------------------------------------------

LOGO = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    "<!-- Kystlinje logo -->\n"
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="64" height="64" viewBox="0 0 64 64">'
    '<title>Kystlinje</title><defs><linearGradient id="g"><stop offset="0" stop-color="#0e4d64"/>'
    '</linearGradient><symbol id="s"><rect width="8" height="8"/></symbol></defs>'
    '<rect width="32" height="32" fill="url(#g)"/><use xlink:href="#s"/><use href="#s" x="9"/>'
    '<text x="2" y="60" font-family="sans-serif" xml:space="preserve">Kyst</text></svg>\n'
)
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="logo.svg"?>\n'
            '<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xsl:version="1.0">'
            "<xsl:element name=\"{concat('scr','ipt')}\">alert(1)</xsl:element></svg>",
            "it has an <?xml-stylesheet?> instruction",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xsl:version="1.0"><rect/></svg>',
            "it has a xsl:version attribute",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" '
            'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:element name="x"/></svg>',
            "it has an element outside SVG (<xsl:element>)",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml">'
            '<h:img srcset="https://evil.example/x.png 1x"/></svg>',
            "it has an element outside SVG (<h:img>)",
        ),
        (
            SVG_OPEN
            + '<foreignObject><img xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>',
            "it has a <foreignObject> element",
        ),
        (SVG_OPEN + "<script>alert(1)</script></svg>", "it has a <script> element"),
        (SVG_OPEN + '<image href="#x"/></svg>', "it has an <image> element"),
        (SVG_OPEN + '<a href="#x"><rect/></a></svg>', "it has an <a> element"),
        (SVG_OPEN + '<rect onclick="x()"/></svg>', "it has an onclick attribute"),
        (SVG_OPEN + '<rect data-x="1"/></svg>', "it has a data-x attribute"),
        (
            SVG_OPEN + '<use href="https://evil.example/s.svg#s"/></svg>',
            "it refers to https://evil.example/s.svg#s",
        ),
        (SVG_OPEN + '<use href="logo.svg#s"/></svg>', "it refers to logo.svg#s"),
        (
            SVG_OPEN + '</svg>\n<?xml-stylesheet href="https://evil.example/s.css"?>',
            "it has an <?xml-stylesheet?> instruction",
        ),
        (
            '<!DOCTYPE svg [<!ENTITY e "x">]>' + SVG_OPEN + "<text>&e;</text></svg>",
            "it has a DOCTYPE or entities",
        ),
        ('<svg width="64"><rect/></svg>', "it has an element outside SVG (<svg>)"),
    ],
)
def test_a_brand_svg_holds_only_drawing(tmp_path: Path, text: str, reason: str) -> None:
    from advocacy.core.media.catalog import svg_problem

    path = tmp_path / "logo.svg"
    path.write_text(text, encoding="utf-8")
    assert svg_problem(path) == reason
    path.write_text(LOGO, encoding="utf-8")
    assert svg_problem(path) is None


def test_a_brand_svg_with_a_stylesheet_instruction_is_an_error_and_the_build_refuses(
    site: FixtureSite,
) -> None:
    site.write("policy.yml", "brand_assets: [media/brand/logo.svg]\n")
    site.write(
        "media/brand/logo.svg",
        LOGO.replace(
            "\n", '\n<?xml-stylesheet type="text/css" href="https://evil.example/s.css"?>\n', 1
        ),
    )
    site.simple_post(
        "2026-11-20-p.md",
        "Our logo",
        "2026-11-20",
        body=WORDS + "![Our logo](media/brand/logo.svg)\n",
    )
    assert _findings(site, "image-svg") == [
        (
            LINE + 2,
            "The SVG 'media/brand/logo.svg' cannot be published: it has an <?xml-stylesheet?> "
            "instruction.",
        )
    ]
    result = site.build()
    assert result.returncode == 1
    assert not (result.site / "media/brand/logo.svg").exists()


def test_a_disguised_link_to_an_internal_host_says_both(site: FixtureSite) -> None:
    _post(
        site,
        'Everything is on <a href="https:\\\\intranet.kystlinje.example\\wiki">the wiki</a>.\n',
    )
    assert _findings(site, "unsafe-url") == [
        (
            LINE + 2,
            HIDDEN.format("https:\\\\intranet.kystlinje.example\\wiki", "href", "a"),
        )
    ]
    assert _findings(site, "link-internal") == [
        (LINE + 2, INTERNAL.format("intranet.kystlinje.example"))
    ]


def test_a_srcset_on_this_site_is_resolved_candidate_by_candidate(site: FixtureSite) -> None:
    """A photo in a srcset is published as its processed version, like one in a src; a
    candidate that does not exist is an error, as it would be in a src."""
    site.image("media/photos/harbour.jpg")
    _post(
        site,
        '<p><img srcset="media/photos/harbour.jpg 1x, media/photos/gone.jpg 2x" '
        'alt="The harbour"></p>\n',
    )
    assert _findings(site, "media-missing") == [
        (LINE + 2, "The file 'media/photos/gone.jpg' does not exist.")
    ]
    site.write(
        "site_src/blog/posts/2026-11-20-p.md",
        (site.root / "site_src/blog/posts/2026-11-20-p.md")
        .read_text("utf-8")
        .replace(", media/photos/gone.jpg 2x", ""),
    )
    result = site.build()
    assert result.returncode == 0, result.log
    img = result.html("blog/2026/11/20/p/").select_one('img[alt="The harbour"]')
    (url,) = srcset_urls(img["srcset"])
    assert url != "media/photos/harbour.jpg"
    assert (result.site / "blog/2026/11/20/p" / url).resolve().is_file()
