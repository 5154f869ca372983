"""``advocacy review``: HR's decision on a pull request, compared exactly with golden files.

Four pull requests, each in a fixture repository with Git: a new post, a changed post with
a new picture, a withdrawal of consent in an author file, and a change to the policy. The
review of each is compared with ``tests/golden/review/<case>.md`` character for character.

After a deliberate change to the review, write the golden files again and read the diff
before committing it::

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_review_golden.py
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from conftest import FixtureSite

GOLDEN = Path(__file__).parent / "golden" / "review"
LINK_BASE = "https://github.com/kystlinje/careers/blob/0123456789abcdef0123456789abcdef01234567/"
POLICY = "company: Kystlinje A/S\nhr_logins: [kystlinje-hr]\n"


def git(site: FixtureSite, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(site.root), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def commit(site: FixtureSite, message: str) -> None:
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", message)


def review(site: FixtureSite, *args: str) -> str:
    proc = site.run("review", "--base", "main", "--lang", "en", *args)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def outside_fences(markdown: str) -> str:
    """The review without its fenced code blocks (the quoted text of posts)."""
    out, fence = [], ""
    for line in markdown.splitlines():
        if fence:
            fence = "" if line == fence else fence
        elif line.startswith("```"):
            fence = line[: len(line) - len(line.lstrip("`"))]
        else:
            out.append(line)
    return "\n".join(out)


def assert_golden(name: str, said: str) -> None:
    golden = GOLDEN / f"{name}.md"
    if os.environ.get("UPDATE_GOLDEN"):  # after a deliberate change: read the diff, commit
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(said, "utf-8")
    assert said == golden.read_text("utf-8")


@pytest.fixture
def repo(site: FixtureSite) -> FixtureSite:
    """The base branch: Mette Hansen and Jonas Berg, HR's policy, and Jonas's posts."""
    site.write("policy.yml", POLICY)
    site.author("jonas-berg", "Jonas Berg", team="Sales", github=["jonasb"])
    site.author("mette-hansen", "Mette Hansen", photo=True, github=["mettehansen"])
    site.image("media/old.jpg")
    site.simple_post(
        "2026-10-01-old.md",
        "An old story",
        "2026-10-01",
        extra="image: media/old.jpg\nimage_alt: A wall\n",
        body="We painted the wall.\n\nIt took a week.\n",
    )
    for day, title in (
        (2, "Selling in the rain"),
        (3, "A day on the road"),
        (4, "What customers ask"),
        (5, "Our new van"),
    ):
        site.simple_post(
            f"2026-10-0{day}-jonas-{day}.md", title, f"2026-10-0{day}", authors="[jonas-berg]"
        )
    site.simple_post(
        "2026-10-06-together.md",
        "Lunch with Jonas",
        "2026-10-06",
        extra="people:\n  - author: jonas-berg\n",
    )
    git(site, "init", "-q", "-b", "main")
    git(site, "config", "user.email", "t@example.com")
    git(site, "config", "user.name", "Test")
    commit(site, "base")
    git(site, "checkout", "-q", "-b", "story")
    return site


def test_a_new_post(repo: FixtureSite) -> None:
    """Everything HR decides on: the text quoted (so none of it is active on GitHub), the
    cover as a thumbnail, who submitted it, everyone in it and their consent (a name on no
    list among them), the findings, the share card, and the verdict."""
    repo.image("media/new.jpg", color="navy")
    repo.simple_post(
        "2026-11-20-new.md",
        "Lunch for *200*",
        "2026-11-20",
        extra=(
            'image: media/new.jpg\nimage_alt: The canteen "at noon"\npeople:\n'
            "  - author: jonas-berg\n  - name: Lise Holm\n    consent: 2026-11-01\n"
            '    evidence: HR-9\n  - name: Per Lund\nshare:\n  text: "We cook every day."\n'
        ),
        body="I cook with Anna Kristiansen every day. See <http://example.com>.\n\n"
        "```\n<img src=x onerror=alert(1)>\n```\n\n[a link](https://evil.example)\n",
    )
    commit(repo, "a new story")
    cards = repo.root.parent / "cards"
    cards.mkdir()
    (cards / "new-0123456789abcdef.jpg").write_bytes(b"x")
    said = review(
        repo, "--submitter", "mettehansen", "--cards", str(cards), "--link-base", LINK_BASE
    )
    prose = outside_fences(said)  # what GitHub reads as Markdown
    assert "<script>" not in prose and "onerror" not in prose and "evil.example" not in prose
    assert "Lunch for \\*200\\*" in prose  # the title, escaped
    assert_golden("new-post", said)


def _with_gps(path: Path) -> None:
    """A photo as a phone takes it: with the place it was taken."""
    exif = Image.Exif()
    exif.get_ifd(0x8825).update({1: "N", 2: (56.0, 9.0, 0.0), 3: "E", 4: (10.0, 12.0, 0.0)})
    Image.new("RGB", (800, 450), "orange").save(path, exif=exif)


def test_a_changed_post_with_a_new_picture(repo: FixtureSite) -> None:
    """The change to the text as a diff; the new picture, which still says where it was
    taken; the post stays up with its new title."""
    _with_gps(repo.root / "media/wall-after.jpg")
    repo.simple_post(
        "2026-10-01-old.md",
        "An old story, repainted",
        "2026-10-01",
        extra="image: media/wall-after.jpg\nimage_alt: A blue wall\n",
        body="We painted the wall blue.\n\nIt took a week.\n",
    )
    commit(repo, "new picture")
    said = review(repo, "--submitter", "mettehansen")
    assert_golden("changed-post", said)


def test_a_withdrawal_in_an_author_file(repo: FixtureSite) -> None:
    """HR records Jonas's withdrawal: five posts and his author page come down, each named,
    and the verdict is ready (taking them down is what the change is for)."""
    text = (repo.root / "authors/jonas-berg.yml").read_text("utf-8")
    repo.write(
        "authors/jonas-berg.yml",
        text.replace("evidence: HR-1", "evidence: HR-1\n  withdrawn: 2026-11-25"),
    )
    commit(repo, "withdrawal")
    said = review(repo, "--submitter", "kystlinje-hr")
    assert said.count("\n  - ") >= 6  # five posts and the author page, under the author
    assert_golden("withdrawal", said)


def test_a_policy_change(repo: FixtureSite) -> None:
    """A new confidential term: the post that uses it comes down and blocks; the policy's
    values are never printed (its settings are named, not shown)."""
    repo.write("policy.yml", POLICY + "confidential_terms: [Our new van]\n")
    commit(repo, "policy")
    said = review(repo, "--submitter", "kystlinje-hr")
    assert "confidential_terms" in said
    assert_golden("policy", said)


def test_the_comment_version_fits_a_comment(repo: FixtureSite) -> None:
    """``--comment FILE`` writes a version of at most 60,000 characters: each post's text
    is shortened first, and the job summary keeps everything."""
    body = "".join(f"Line {n} of a long story about our work.\n\n" for n in range(4000))
    repo.simple_post("2026-11-20-long.md", "A long story", "2026-11-20", body=body)
    commit(repo, "long")
    comment = repo.root.parent / "comment.md"
    full = review(repo, "--comment", str(comment))
    short = comment.read_text("utf-8")
    assert len(short) <= 60_000 < len(full)
    assert "Line 3999 of a long story" in full and "Line 3999 of" not in short
    assert "more lines (GitHub limits the size" in short
    assert short.split("\n", 3)[:3] == full.split("\n", 3)[:3]  # the same verdict on top


def test_a_bad_link_base_is_not_used(repo: FixtureSite) -> None:
    """An address that could leave the link (or a fork that is gone: no repository in it)
    is said on stderr, and the review comes without links to the files."""
    for bad in ('https://x.example/"><script>/', "https://github.com//blob/abc/"):
        proc = repo.run("review", "--base", "main", "--lang", "en", "--link-base", bad)
        assert proc.returncode == 0, proc.stderr
        assert "--link-base must be an https:// address" in proc.stderr
        assert "x.example" not in proc.stdout and "](" not in proc.stdout


def test_nothing_in_a_post_becomes_markup_in_the_review(repo: FixtureSite) -> None:
    """A post that tries to close the quote around it, start HTML, hide text behind a
    direction override or make a link, stays text: the fence is longer than any run of
    backticks in it, control characters are written out, and the prose is escaped."""
    body = (
        "````\n</details>\n<script>alert(1)</script>\n`````\n\n"
        "Look \u202eereh\u202c and <img src=https://tracker.example/p.gif>\n"
    )
    repo.simple_post(
        "2026-11-21-sly.md",
        "Sly [click](https://evil.example) <b>",
        "2026-11-21",
        extra="image_alt: x\n",
        body=body,
    )
    commit(repo, "sly")
    said = review(repo)
    prose = outside_fences(said)
    for bad in ("<script", "<img src=https://tracker", "](https://evil", "<b>", "\u202e"):
        assert bad not in prose, bad
    assert "``````markdown" in said and "\\u202e" in said
    opened = [n for n, line in enumerate(said.splitlines()) if line == "``````markdown"]
    closed = [n for n, line in enumerate(said.splitlines()) if line == "``````"]
    assert len(opened) == len(closed) == 1 and opened[0] < closed[0]
