"""The gate's promises, for posts nobody wrote by hand (Hypothesis):

- whatever ``advocacy check`` passes, ``mkdocs build --strict`` builds;
- the page readers get holds exactly the HTML the check rendered and judged;
- nothing the sanitiser would remove reaches a page, whatever the check said.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advocacy.core.checking.run import check_repository
from advocacy.core.rendering.sanitize import judge
from conftest import FixtureSite, site_settings
from payload_scan import find_payloads

# Pieces of Markdown writers use, and pieces attackers use: mixed, every post is different.
SAFE = [
    "We shipped it on Friday.",
    "# A heading",
    "## Part *two*",
    "- one\n- two\n  - nested",
    "1. first\n2. second",
    "> a quote\n> > nested",
    "```\ncode <b>here</b>\n```",
    "`inline <script>`",
    "**bold** and _italic_",
    "[a link](https://example.com)",
    "[a page](2026-11-01-other.md)",
    "<https://example.org>",
    "| a | b |\n|:-:|--|\n| 1 | 2 |",
    "![A photo](media/a.jpg)",
    "[![In a link](media/a.jpg)](https://example.com)",
    "<div markdown>*inside*</div>",
    "Text{: .note }",
    "<p>raw <em>html</em></p>",
    "<details><summary>More</summary>Text</details>",
    "&lt;script&gt;",
    "Æble, øl og å — Søren Ærø.",
    "Line one  \nline two",
    "***",
    "\t\tindented code",
    "<a href='https://e.example' target=_blank>t</a>",
    "<span style='color:red'>s</span>",
]
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "*a*{: onclick=alert(1) }",
    "<!--> <script>alert(2)</script> -->",
    "<svg onload=alert(3)>",
    "<iframe src=https://e.example></iframe>",
    "![Pixel](https://tracker.example/p.gif)",
]
PIECES = [*SAFE, *HOSTILE]
# Most posts are what writers write; some carry an attack (then the build must fail).
bodies = st.tuples(
    st.lists(st.sampled_from(SAFE), min_size=1, max_size=8),
    st.one_of(st.none(), st.none(), st.none(), st.sampled_from(HOSTILE)),
    st.integers(0, 8),
).map(lambda t: "\n\n".join(t[0][: t[2]] + ([t[1]] if t[1] else []) + t[0][t[2] :]))
titles = st.sampled_from(
    [
        "Our day",
        "R&D at work",
        "Frokost: 200 kuverter",
        "Ærlig talt",
        "Our day",
        'A "quoted" title',
        "Our day",
        "<b>Bold</b>",
    ]
)


def _site(root: Path) -> FixtureSite:
    site = FixtureSite(root)
    site.author("mette-hansen", "Mette Hansen", photo=True)
    site.image("media/a.jpg")
    site.simple_post("2026-11-01-other.md", "The other story", "2026-11-01")
    return site


clean_examples: list[int] = []


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.tuples(titles, bodies), min_size=1, max_size=3))
def test_check_clean_means_it_builds_and_readers_get_what_was_judged(posts: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        clean_examples.append(0)
        site = _site(Path(tmp) / "repo")
        for number, (title, body) in enumerate(posts):
            site.post(
                f"2026-11-2{number}-p{number}.md",
                (
                    f"title: {title!r}\ndate: 2026-11-2{number}\nauthors: [mette-hansen]\n"
                    'description: "A story about what we do at work, told by the people doing '
                    'it."\n'
                ),
                body + "\n",
            )
        repo, report = check_repository(site_settings(site.root), lang="en")
        result = site.build()
        assert "Traceback" not in result.log
        if report.errors:
            assert result.returncode == 1, result.log  # the build fails on the same errors
            return
        assert result.returncode == 0, result.log
        clean_examples[-1] = 1
        assert find_payloads(result.site, ("careers.example.com",)) == []
        for post in repo.posts:
            page = result.html(post.url)
            body = page.select_one(".adv-post__body")
            assert body is not None, post.url
            built = BeautifulSoup(body.decode_contents(), "html.parser")
            checked = BeautifulSoup(post.rendered.html, "html.parser")
            assert str(built) == str(checked), post.file


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [*PIECES, "<", ">", '"', "'", "=", "/", "on", "script", "javascript:", "&#", ";", " "]
        ),
        max_size=30,
    ).map("".join)
)
def test_nothing_the_allow_list_refuses_survives_sanitising(html: str) -> None:
    clean = judge(html).clean
    soup = BeautifulSoup(clean, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name not in ("script", "style", "iframe", "svg", "math", "object", "embed")
        for name, value in tag.attrs.items():
            assert not name.startswith("on") and name != "style", (html, clean)
            text = " ".join(value) if isinstance(value, list) else value
            assert not text.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
    assert judge(clean).issues == ()  # published HTML is stable: nothing more to remove


def test_the_property_saw_clean_posts() -> None:
    """The property above means little if every example had an error (it runs first)."""
    assert sum(clean_examples) >= 3, clean_examples
