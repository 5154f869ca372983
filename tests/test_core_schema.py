"""Unit tests of the pure core: reading posts and authors, every problem of a file at once."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from advocacy.core.checking.run import check_repository
from advocacy.core.model.findings import Severity
from advocacy.core.model.site import Site
from advocacy.core.model.slugs import initials, slug_from_filename, slugify
from advocacy.core.reading.files import resolve_media
from advocacy.core.reading.schema.yamlsource import load_yaml, split_front_matter
from conftest import FixtureSite, site_settings

POST = "site_src/blog/posts/p.md"


def _site(repo: FixtureSite) -> Site:
    return site_settings(repo.root)  # type: ignore[no-any-return]


def findings(repo: FixtureSite, lang: str = "en") -> list[tuple[str, str, int | None, str]]:
    _, report = check_repository(_site(repo), lang=lang)
    return [(f.rule, f.severity, f.line, f.message) for f in report.sorted()]


def test_a_valid_post_has_no_findings(site: FixtureSite) -> None:
    site.simple_post("p.md", "Hello", "2026-11-20")
    assert findings(site) == []


def test_every_problem_of_a_file_is_reported_at_once_with_its_line(site: FixtureSite) -> None:
    site.post(
        "p.md",
        """
        date: 2026-13-45
        authors: [mette-hansn]
        description: 42
        autor: mette-hansen
        categories: [Cooking]
        image: media/missing.jpg
    """,
    )
    assert findings(site) == [
        ("schema-missing", "error", 2, "'title' is missing."),
        ("schema-date", "error", 2, "'date' is not a date: '2026-13-45'."),
        (
            "author-unknown",
            "warning",
            3,
            "There is no author 'mette-hansn': the file authors/mette-hansn.yml does not exist, so "
            "the post is not published.",
        ),
        (
            "description-length",
            "warning",
            4,
            "'description' is 2 characters long; it must be 50 to 160.",
        ),
        ("schema-unknown-field", "warning", 5, "Unknown field 'autor': did you mean 'authors'?"),
        (
            "category-unknown",
            "error",
            6,
            "The category 'Cooking' is not one of the site's categories.",
        ),
        ("image-alt-missing", "error", 7, "'image' is set but 'image_alt' is missing."),
        ("media-missing", "error", 7, "The file 'media/missing.jpg' does not exist."),
    ]


def test_unknown_author_fix_names_the_nearest_author(site: FixtureSite) -> None:
    site.simple_post("p.md", "Hello", "2026-11-20", authors="[mette-hansn]")
    _, report = check_repository(_site(site))
    assert [f.fix for f in report.warnings if f.rule == "author-unknown"] == [
        "Use the name of an author file without '.yml' (did you mean 'mette-hansen'?), "
        "or ask HR to add yours."
    ]


def test_wrong_types_are_named_in_plain_words(site: FixtureSite) -> None:
    site.post(
        "p.md",
        """
        title: [a, list]
        date: 2026-11-20
        authors: mette-hansen
        description: "A story about what we do at work, told by the people doing it."
        draft: "maybe"
    """,
    )
    assert findings(site) == [
        ("schema-type", "error", 2, "'title' must be text, not a list."),
        ("schema-type", "error", 6, "'draft' must be true or false, not the text 'maybe'."),
    ]


def test_messages_in_danish(site: FixtureSite) -> None:
    site.post(
        "p.md",
        """
        date: 2026-11-20
        authors: [mette-hansen]
        description: "En historie om, hvad vi laver på arbejdet, fortalt af dem der gør det."
    """,
    )
    _, report = check_repository(_site(site), lang="da")
    [finding] = report.findings
    assert (finding.message, finding.fix) == (
        "'title' mangler.",
        "Tilføj en linje 'title: \"Frokost til 200: en dag i vores køkken\"'.",
    )


def test_yaml_syntax_error_names_the_line(site: FixtureSite) -> None:
    site.post("p.md", 'title: "Hello\ndate: 2026-11-20\nauthors: [mette-hansen\n')
    _, report = check_repository(_site(site))
    [finding] = report.findings
    assert (finding.rule, finding.file, finding.line) == ("yaml-syntax", POST, 4)
    assert finding.message.startswith("The front matter is not valid YAML: ")


def test_missing_and_unclosed_front_matter(site: FixtureSite) -> None:
    site.write("site_src/blog/posts/a.md", "Just text\n")
    site.write("site_src/blog/posts/b.md", "---\ntitle: x\n")
    assert findings(site) == [
        (
            "front-matter",
            "error",
            1,
            "The post has no front matter (the block between two '---' lines at the top).",
        ),
        ("front-matter", "error", 1, "The front matter starts with '---' but never ends."),
    ]


def test_author_file_problems(site: FixtureSite) -> None:
    site.write(
        "authors/jonas-berg.yml",
        "name: Jonas Berg\nteam: Sales\nlinkedin: linkedin.com/in/jb\nphoto: ../x.jpg\n",
    )
    site.write("authors/Bad Name.yml", "name: [x\n")
    result = [(f.file, f.line, f.message) for f in check_repository(_site(site))[1].sorted()]
    assert result == [
        (
            "authors/Bad Name.yml",
            2,
            "The author file is not valid YAML: did not find expected ',' or ']'.",
        ),
        ("authors/jonas-berg.yml", 1, "'role' is missing."),
        (
            "authors/jonas-berg.yml",
            3,
            "'linkedin' must be a web address starting with https://, not 'linkedin.com/in/jb'.",
        ),
    ]


def test_a_post_by_an_author_whose_file_is_broken_is_not_blamed(site: FixtureSite) -> None:
    site.write("authors/jonas-berg.yml", "name: Jonas Berg\n")
    site.simple_post("p.md", "Hello", "2026-11-20", authors="[jonas-berg]")
    found = findings(site)
    assert {f[0] for f in found if f[1] == "error"} == {"schema-missing"}  # the file's own
    # The post is not wrong, only held back until the author file is correct.
    assert [f for f in found if f[0] == "consent-held"] == [
        (
            "consent-held",
            "warning",
            4,
            "This post is not published while authors/jonas-berg.yml has errors.",
        )
    ]


def test_body_images_are_checked(site: FixtureSite) -> None:
    site.image("media/a.jpg")
    site.simple_post(
        "p.md",
        "Hello",
        "2026-11-20",
        body=(
            "![](media/a.jpg)\n\n![A view](https://tracker.example/x.png)\n\n"
            "![Up](../../../../etc/passwd)\n\n```\n![](media/none.jpg)\n```\n"
            '<img src="/assets/a b.png" alt="Two\nlines">\n<img src="media/a.jpg" alt="">\n'
        ),
    )
    assert findings(site) == [
        ("image-alt-missing", "error", 8, "The image 'media/a.jpg' has no alt text."),
        (
            "media-external",
            "error",
            10,
            "The picture or video 'https://tracker.example/x.png' "
            "would be loaded from another website, which tells "
            "that website who reads our page.",
        ),
        (
            "media-outside",
            "error",
            12,
            "The path '../../../../etc/passwd' leads outside the repository.",
        ),
        (
            "media-outside",
            "error",
            17,
            "The path '/assets/a b.png' starts with '/', so it "
            "points at the web site, not at a file in the "
            "repository.",
        ),
    ]


def test_two_posts_at_one_address(site: FixtureSite) -> None:
    site.simple_post("2026-11-20-hello.md", "Hello", "2026-11-20")
    site.simple_post("other.md", "Hello again", "2026-11-20", extra="slug: hello\n")
    assert [f[0] for f in findings(site)] == ["duplicate-address"]


def test_resolve_media_forms(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "a.jpg").write_bytes(b"x")
    (tmp_path / "media" / "link.jpg").symlink_to("/etc/hostname")
    post = "site_src/blog/posts/2026/p.md"
    assert resolve_media("media/a.jpg", post, tmp_path).path == "media/a.jpg"
    assert resolve_media("../../../../media/a.jpg", post, tmp_path).path == "media/a.jpg"
    assert resolve_media("../../../../../a.jpg", post, tmp_path).problem == "outside"
    assert resolve_media("/etc/passwd", post, tmp_path).problem == "absolute"
    assert resolve_media("media/link.jpg", post, tmp_path).problem == "symlink"
    assert resolve_media("media/b.jpg", post, tmp_path).problem == "missing"
    assert resolve_media("data:image/png;base64,xx", post, tmp_path).problem == "external"


def test_slugs() -> None:
    assert slugify("Frokost til 200: en dag i køkkenet") == "frokost-til-200-en-dag-i-koekkenet"
    assert slugify("Ærø, Åbenrå & Café") == "aeroe-aabenraa-cafe"
    assert slug_from_filename("2026-11-20-frokost-til-200.md") == "frokost-til-200"
    assert initials("Mette Hansen") == "MH"
    assert initials("Anne-Marie Østergaard Juul") == "AJ"


def test_line_numbers_of_nested_fields() -> None:
    doc = load_yaml("people:\n  - author: x\n  - name: y\n    consent: 2026-01-01\n", 2)
    assert doc.line("people", 1, "consent") == 5
    assert doc.line("people", 0) == 3
    assert doc.line("nothing") == 2


def test_front_matter_split_handles_bom_and_crlf() -> None:
    parts = split_front_matter("\ufeff---\r\ntitle: x\r\n---\r\nbody\r\n")
    assert (parts.yaml_text, parts.body, parts.body_line) == ("title: x", "body\n", 4)


def test_severity_values() -> None:
    assert [str(s) for s in Severity] == ["error", "warning"]


def test_share_text_gets_the_disclosure_exactly_once(site: FixtureSite) -> None:
    from advocacy.core.publishing.share import share_text
    from advocacy.core.reading.policy import Policy

    site.simple_post("a.md", "We built a bridge", "2026-11-20", extra='share:\n  text: "Look!"\n')
    site.simple_post(
        "b.md",
        "Frokost",
        "2026-11-20",
        extra=('language: da\nshare:\n  text: "Se her. Jeg  arbejder hos KYSTLINJE."\n'),
    )
    site.simple_post("c.md", "No share text", "2026-11-20")
    repo, _ = check_repository(_site(site))
    policy = Policy(disclosure={"da": "Jeg arbejder hos Kystlinje.", "en": "I work at Kystlinje."})
    texts = {p.file.rsplit("/", 1)[1]: share_text(p, policy) for p in repo.posts}
    assert texts == {
        "a.md": "Look!\n\nI work at Kystlinje.",
        "b.md": "Se her. Jeg  arbejder hos KYSTLINJE.",
        "c.md": "No share text\n\nA story about what we do at work, told by the people doing "
        "it.\n\nI work at Kystlinje.",
    }


def test_rule_cache_returns_the_same_findings_and_follows_changes(
    site: FixtureSite, tmp_path: Path
) -> None:
    from advocacy.core.cache.store import BuildCache
    from advocacy.core.checking import run as checks

    store = BuildCache(tmp_path / "cache", b"s" * 32)

    def cached_findings() -> list[tuple[str, str, int | None, str]]:
        _, report = check_repository(_site(site), lang="en", store=store)
        return [(f.rule, f.severity, f.line, f.message) for f in report.sorted()]

    site.simple_post("a.md", "Hello", "2026-11-20", body="Mail me: jo@kystlinje.dk\n")
    first = cached_findings()
    assert first and first == findings(site)
    calls = []
    original = checks.CHECKS[:]
    checks.CHECKS[:] = [
        replace(c, func=lambda repo, doc, f=c.func: calls.append(1) or f(repo, doc))
        for c in original
        if c.cacheable
    ]
    try:
        assert cached_findings() == first  # from the cache: no cacheable rule ran for the post
        assert calls == []
        site.write("policy.yml", "role_mailboxes: [jo@kystlinje.dk]\n")
        assert cached_findings() == []  # the policy changed: checked again
        assert calls
    finally:
        checks.CHECKS[:] = original


def test_held_back_reasons_in_both_languages() -> None:
    from advocacy.core.checking import consent
    from advocacy.core.publishing.edition import Held, describe_hold

    post = None  # the reason does not look at the post
    withdrawn = consent.Problem(
        "author", "Jonas Berg", "jonas-berg", consent.WITHDRAWN, dt.date(2026, 11, 1), 4
    )
    mention = consent.Problem("mention", "Jonas Berg", "jonas-berg", consent.MISSING, None, 9)
    assert describe_hold(Held(post, "consent", "", withdrawn), "da") == (  # type: ignore[arg-type]
        "Jonas Berg har trukket sit samtykke tilbage 2026-11-01"
    )
    assert describe_hold(Held(post, "consent", "", mention)) == (  # type: ignore[arg-type]
        "it names Jonas Berg, who has no consent"
    )
    assert describe_hold(Held(post, "future", "2026-12-24"), "da") == (  # type: ignore[arg-type]
        "det er dateret 2026-12-24"
    )


def test_dates_outside_the_sites_years_are_errors_never_overflows(site: FixtureSite) -> None:
    """Year 1 at +05:00 (or 9999 at -12:00) would overflow when turned into the site's zone:
    the date is refused with its line, the rest of the repository is judged as usual."""
    site.author(
        "ole-dam",
        "Ole Dam",
        consent={"profile": "0001-01-01T00:30:00+05:00", "evidence": "HR-1"},
    )
    for name, when in (
        ("p.md", "0001-01-01T00:30:00+05:00"),
        ("q.md", "9999-12-31T23:59:59-12:00"),
    ):
        site.simple_post(name, "Hello", when)
    found = [f for f in findings(site) if f[0] == "schema-date"]
    assert found == [
        (
            "schema-date",
            "error",
            3,
            "'date' is '0001-01-01 00:30:00+05:00', outside the years 1970 to 2199 the site "
            "accepts.",
        ),
        (
            "schema-date",
            "error",
            3,
            "'date' is '9999-12-31 23:59:59-12:00', outside the years 1970 to 2199 the site "
            "accepts.",
        ),
    ]
    proc = site.check("--lang", "en")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "authors/ole-dam.yml" in proc.stdout and "outside the years 1970 to 2199" in proc.stdout
