"""Consent decides what is built: withdrawn or expired consent removes content everywhere,
and ``mkdocs build --strict`` fails on exactly the errors ``advocacy check`` reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TODAY, FixtureSite, assert_no_warnings


def _site_with_withdrawn_and_expired(site: FixtureSite) -> FixtureSite:
    site.author(
        "jonas-berg",
        "Jonas Berg",
        team="Sales",
        photo=True,
        consent={
            "profile": "2026-01-10",
            "photo": "2026-01-10",
            "evidence": "HR-1",
            "withdrawn": "2026-11-01",
        },
    )
    site.simple_post(
        "2026-10-01-jonas.md",
        "Jonas on sales",
        "2026-10-01",
        authors="[jonas-berg]",
        body="I sell things. Ask Jonas Berg anything.\n",
    )
    site.simple_post(
        "2026-10-02-with-jonas.md",
        "A day with a colleague",
        "2026-10-02",
        extra="people:\n  - author: jonas-berg\n",
        body="I spent the day with a colleague from sales.\n",
    )
    site.simple_post(
        "2026-10-03-mention.md",
        "Lunch talk",
        "2026-10-03",
        body="At lunch Jonas Berg told us about the new office.\n",
    )
    site.image("media/lise.jpg", color="navy")
    site.simple_post(
        "2026-10-04-lise.md",
        "Our supplier visit",
        "2026-10-04",
        extra=(
            "image: media/lise.jpg\nimage_alt: Lise Holm at the farm\npeople:\n"
            "  - name: Lise Holm\n    consent: 2025-10-01\n    evidence: HR-7\n"
            "    expires: 2026-10-31\n    media: [media/lise.jpg]\n"
        ),
        body="Lise Holm showed us her farm.\n",
    )
    site.simple_post(
        "2026-11-01-fine.md", "A story that stays", "2026-11-01", body="I write about our team.\n"
    )
    return site


def test_withdrawn_author_and_expired_person_vanish_from_every_file(site: FixtureSite) -> None:
    result = _site_with_withdrawn_and_expired(site).build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    everything = result.all_text()
    for text in (
        "Jonas",
        "Berg",
        "Lise",
        "Holm",
        "jonas-berg",
        "lise.jpg",
        "Jonas on sales",
        "A day with a colleague",
        "Lunch talk",
        "Our supplier visit",
    ):
        assert text not in everything, text
    assert "A story that stays" in everything
    assert not list((result.site / "media").glob("lise*"))
    assert not list((result.site / "media/authors").glob("jonas-berg*"))
    assert not (result.site / "blog/author/jonas-berg").exists()
    docs = {d["location"] for d in result.search_index()["docs"]}
    assert not any("jonas" in d or "lise" in d for d in docs)
    sitemap = (result.site / "sitemap.xml").read_text("utf-8")
    assert "jonas" not in sitemap and "2026/10/04" not in sitemap
    for line in (
        "Held back site_src/blog/posts/2026-10-01-jonas.md: Jonas Berg withdrew consent on "
        "2026-11-01.",
        "Held back site_src/blog/posts/2026-10-02-with-jonas.md: Jonas Berg withdrew consent "
        "on 2026-11-01.",
        "Held back site_src/blog/posts/2026-10-03-mention.md: it names Jonas Berg, who withdrew "
        "consent on 2026-11-01.",
        "Held back site_src/blog/posts/2026-10-04-lise.md: Lise Holm has consent that expired "
        "on 2026-10-31.",
    ):
        assert line in result.log


def test_the_same_content_is_published_before_the_withdrawal(site: FixtureSite) -> None:
    result = _site_with_withdrawn_and_expired(site).build(today="2026-10-20")
    assert result.returncode == 0, result.log
    everything = result.all_text()
    assert "Jonas on sales" in everything and "Our supplier visit" in everything
    assert list((result.site / "media/authors").glob("jonas-berg.*.jpg"))


def test_check_reports_held_back_content_as_warnings(site: FixtureSite) -> None:
    proc = _site_with_withdrawn_and_expired(site).check("--format", "json")
    assert proc.returncode == 0, proc.stdout
    held = [
        (f["file"].rsplit("/", 1)[1], f["message"])
        for f in json.loads(proc.stdout)["findings"]
        if f["rule"] == "consent-held"
    ]
    assert held == [
        (
            "2026-10-01-jonas.md",
            "This post is not published: Jonas Berg withdrew consent on 2026-11-01.",
        ),
        (
            "2026-10-02-with-jonas.md",
            "This post is not published: Jonas Berg withdrew consent on 2026-11-01.",
        ),
        (
            "2026-10-03-mention.md",
            "This post is not published: it names Jonas Berg, who has no current consent.",
        ),
        (
            "2026-10-04-lise.md",
            "This post is not published: Lise Holm's consent expired on 2026-10-31.",
        ),
    ]


BROKEN = {
    "consent": ("people:\n  - name: Lise Holm\n", "Plain text.\n"),
    "personal-data": ("", "Call me on 23 45 67 89.\n"),
    "script": ("", "Our day.\n\n<script>alert(1)</script>\n"),
    "javascript-link": ("", "[x](javascript:alert(1))\n"),
    "internal-link": ("", "[wiki](https://intranet.corp.example/x)\n"),
    "confidential": ("", "Project Orion is secret.\n"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_build_fails_on_every_error_check_reports(site: FixtureSite, case: str) -> None:
    site.write(
        "policy.yml",
        "internal_hosts: [intranet.corp.example]\nconfidential_terms: [Project Orion]\n",
    )
    extra, body = BROKEN[case]
    site.simple_post("2026-11-20-x.md", "A story", "2026-11-20", extra=extra, body=body)
    check = site.check("--format", "json")
    errors = [f for f in json.loads(check.stdout)["findings"] if f["severity"] == "error"]
    assert check.returncode == 1 and len(errors) == 1
    result = site.build()
    assert result.returncode == 1
    error = errors[0]
    assert (
        f"{error['file']}:{error['line']}: error: {error['message']} [{error['rule']}]"
        in result.log
    )


def test_build_does_not_fail_on_warnings(site: FixtureSite) -> None:
    site.simple_post(
        "2026-11-20-x.md",
        "A story",
        "2026-11-20",
        extra='share:\n  text: "Read this"\n',
        body="See <http://example.com>. Amazing, incredible, unique work.\n",
    )
    check = site.check("--format", "json")
    report = json.loads(check.stdout)
    assert check.returncode == 0 and report["summary"]["warnings"] >= 2
    result = site.build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    assert "warning: The link 'http://example.com' uses http:// without encryption." in result.log


def test_withdrawal_removes_content_from_the_site_an_earlier_build_left(
    site: FixtureSite, tmp_path: Path
) -> None:
    """The site folder is kept between builds (only changed files are touched): what the
    new build does not make must still go, and the result must equal a fresh build."""
    repo = _site_with_withdrawn_and_expired(site)
    before = repo.build(today="2026-10-20")
    assert before.returncode == 0, before.log
    assert "Jonas on sales" in before.all_text()
    (before.site / ".git").mkdir()
    (before.site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", "utf-8")
    after = repo.build()  # into the same folder
    assert after.returncode == 0, after.log
    everything = after.all_text()
    for text in ("Jonas", "Berg", "Lise", "Holm", "jonas-berg", "lise.jpg", "Jonas on sales"):
        assert text not in everything, text
    fresh = repo.build(TODAY, "-d", str(tmp_path / "fresh"))
    assert fresh.returncode == 0, fresh.log

    def files(folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*")
            if p.is_file() and not p.relative_to(folder).as_posix().startswith(".git/")
        }

    assert files(after.site) == files(tmp_path / "fresh")
    assert (after.site / ".git" / "HEAD").is_file()  # hidden entries are left alone
