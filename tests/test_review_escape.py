"""Text of the pull request in HR's review on GitHub: no Markdown, no HTML, and nothing
GitHub makes active after the Markdown (mentions, references, bare addresses)."""

from __future__ import annotations

import re

import pytest

from advocacy.core.review.escape import attribute, code, markdown
from conftest import FixtureSite
from test_pr_flow import git

# What GitHub makes active outside code: a mention, a reference, a bare address.
ACTIVE = re.compile(
    r"(?<![\w`])@[\w-]+|[\w.-]+/[\w.-]+#\d+|(?<![\w`&])#\d+|\bGH-\d+|\bwww\.|https?://"
    r"|\b[0-9a-f]{7,40}\b",
    re.IGNORECASE,
)


def outside_code(text: str) -> str:
    """``text`` without its fenced blocks and code spans (GitHub leaves those alone)."""
    text = re.sub(r"(?ms)^(`{3,}).*?^\1", "", text)
    return re.sub(r"(`+)(?s:.*?)\1", "", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks @torvalds!", "Thanks `@torvalds!`"),
        ("cc @kystlinje/hr", "cc `@kystlinje/hr`"),
        ("see kystlinje/careers#1", "see `kystlinje/careers#1`"),
        ("#12 is fixed", "`#12` is fixed"),
        ("GH-12 and gh-7", "`GH-12` and `gh-7`"),
        ("commit 9f1c2ab0", "commit `9f1c2ab0`"),
        ("at www.evil.example now", "at `www.evil.example` now"),
        ("log in: https://evil.example/login", "log in: `https://evil.example/login`"),
        ("write to jobs@kystlinje.example", "write to `jobs@kystlinje.example`"),
        ("a|@b", "a\\|`@b`"),
        ("[x](@y)", "`[x](@y)`"),
        ("Lunch for 200 *today*", "Lunch for 200 \\*today\\*"),
        ("# not a heading", "\\# not a heading"),
    ],
)
def test_active_words_become_code(text: str, expected: str) -> None:
    said = markdown(text)
    assert said == expected
    assert not ACTIVE.search(outside_code(said))


def test_code_in_a_table_cell_keeps_the_cell() -> None:
    assert code("a|b.jpg", cell=True) == "`a\\|b.jpg`"
    assert code("a|b.jpg") == "`a|b.jpg`"


def test_attribute_values_hold_no_mention_or_markup() -> None:
    assert attribute('Photo for @octocat, #1 "x" <b>') == (
        "Photo for &#64;octocat, &#35;1 &quot;x&quot; &lt;b&gt;"
    )


@pytest.fixture
def repo(site: FixtureSite) -> FixtureSite:
    """main: an author with a GitHub login; then the pull request's branch."""
    site.author("jonas-berg", "Jonas Berg", team="Sales", github=["jonasb"])
    git(site, "init", "-q", "-b", "main")
    git(site, "config", "user.email", "t@example.com")
    git(site, "config", "user.name", "Test")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "base")
    git(site, "checkout", "-q", "-b", "story")
    return site


def test_the_review_comment_mentions_nobody(repo: FixtureSite) -> None:
    """Titles, alt texts, share texts, file names and findings with mentions, references
    and addresses: the comment has none of them outside code."""
    repo.image("media/new.jpg")
    repo.simple_post(
        "2026-11-20-cc @dependabot.md",
        "Thanks @kystlinje/hr and @torvalds for www.evil.example",
        "2026-11-20",
        authors="[jonas-berg]",
        extra=(
            'image: media/new.jpg\nimage_alt: "Photo for @octocat, see kystlinje/careers#1"\n'
            'share:\n  text: "Hello @everyone-team at https://evil.example/login GH-1 #2"\n'
            "people:\n  - name: Per @lund\n"
        ),
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "story")
    comment = repo.root.parent / "comment.md"
    proc = repo.run(
        "review",
        "--base",
        "main",
        "--submitter",
        "jonasb",
        "--link-base",
        "https://github.com/kystlinje/careers/blob/abc/",
        "--comment",
        str(comment),
    )
    assert proc.returncode == 0, proc.stderr
    for said in (proc.stdout, comment.read_text("utf-8")):
        assert "`@torvalds`" in said and "`@octocat,`" in said and "`@lund`" in said
        ours = re.sub(r"<[^>]+>|\]\(https://github\.com/[^)]*\)", "", said)  # our own links
        found = ACTIVE.findall(outside_code(ours))
        assert found == [], found
