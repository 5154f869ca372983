"""The pull-request path: ``advocacy new``, ``check --changed-since`` and ``review``."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from advocacy.core.writing.stories import STORY_TYPES
from conftest import FixtureSite

GOLDEN = Path(__file__).parent / "golden"


def git(site: FixtureSite, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(site.root), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def repo(site: FixtureSite) -> FixtureSite:
    """A git repository: one commit with an author, two posts and a photo."""
    site.author("jonas-berg", "Jonas Berg", team="Sales", github=["jonasb"])
    site.image("media/old.jpg")
    site.simple_post(
        "2026-10-01-old.md",
        "An old story",
        "2026-10-01",
        extra="image: media/old.jpg\nimage_alt: A wall\n",
    )
    site.simple_post("2026-10-02-other.md", "Another story", "2026-10-02", authors="[jonas-berg]")
    site.simple_post("2026-10-03-gone.md", "A story to remove", "2026-10-03")
    git(site, "init", "-q", "-b", "main")
    git(site, "config", "user.email", "t@example.com")
    git(site, "config", "user.name", "Test")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "base")
    return site


@pytest.mark.parametrize("story", sorted(STORY_TYPES))
@pytest.mark.parametrize("language", ["da", "en"])
def test_new_post_passes_check_once_written(site: FixtureSite, story: str, language: str) -> None:
    proc = site.run(
        "new",
        "--title",
        f"Frokost på 5. sal ({story})",
        "--author",
        "mette-hansen",
        "--language",
        language,
        "--type",
        story,
        "--no-input",
    )
    assert proc.returncode == 0, proc.stderr
    path = site.root / proc.stdout.strip()
    assert path.name == f"2026-11-28-frokost-paa-5-sal-{story}.md"
    before = site.check(str(path), "--format", "json")
    rules = [f["rule"] for f in json.loads(before.stdout)["findings"]]
    # The template asks for a description and a cover picture; only the story is missing.
    hints = ["description-length", "post-no-cover"]
    assert (before.returncode, rules) == (1, [*hints, "post-empty"])
    path.write_text(
        path.read_text("utf-8") + "I wrote this story myself, about our team.\n", "utf-8"
    )
    after = site.check(str(path), "--format", "json")
    found = json.loads(after.stdout)["findings"]
    assert after.returncode == 0
    assert [(f["rule"], f["severity"]) for f in found] == [
        *((rule, "warning") for rule in hints),
        ("post-short", "warning"),
    ]


def test_new_refuses_unknown_author_and_existing_file(site: FixtureSite) -> None:
    proc = site.run(
        "new",
        "--title",
        "X",
        "--author",
        "nobody",
        "--language",
        "da",
        "--type",
        "office",
        "--no-input",
    )
    assert (proc.returncode, proc.stderr) == (
        2,
        "advocacy: There is no author 'nobody'. Known authors: mette-hansen.\n",
    )
    args = (
        "new",
        "--title",
        "Same",
        "--author",
        "mette-hansen",
        "--language",
        "en",
        "--type",
        "office",
        "--no-input",
    )
    assert site.run(*args).returncode == 0
    again = site.run(*args)
    assert again.returncode == 2 and "exists already" in again.stderr
    missing = site.run("new", "--no-input")
    assert missing.stderr.startswith("advocacy: missing --title, --author, --language, --type")


def _check_json(site: FixtureSite, *args: str) -> dict:
    proc = site.check("--changed-since", "main", "--format", "json", *args)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_changed_since_checks_changed_posts_and_what_they_depend_on(repo: FixtureSite) -> None:
    git(repo, "checkout", "-q", "-b", "story")
    repo.simple_post(
        "2026-11-20-new.md",
        "A new story",
        "2026-11-20",
        authors="[jonas-berg]",
        body="Call me at 23 45 67 89.\n",
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "new")
    report = _check_json(repo)
    # The new post, the writer's, also gets the writing hints (short, no cover picture).
    assert report["summary"] == {"files": 2, "errors": 1, "warnings": 2}
    assert {f["file"] for f in report["findings"]} == {"site_src/blog/posts/2026-11-20-new.md"}
    # An author's change brings in that author's posts; a photo's change the posts showing it.
    repo.write("authors/jonas-berg.yml", "name: Jonas Berg\nrole: Sales\nteam: Sales\n")
    repo.image("media/old.jpg", color="red")
    report = _check_json(repo)
    files = {f["file"] for f in report["findings"]}
    assert files == {
        "site_src/blog/posts/2026-11-20-new.md",
        "site_src/blog/posts/2026-10-02-other.md",
    }
    assert report["summary"]["files"] == 5  # new, other, old, old's photo, the author file


def test_policy_change_checks_everything(repo: FixtureSite) -> None:
    repo.write("policy.yml", "confidential_terms: [old story]\n")
    report = _check_json(repo)
    assert [f["file"] for f in report["findings"]] == ["site_src/blog/posts/2026-10-01-old.md"]


def test_nothing_changed_reports_nothing(repo: FixtureSite) -> None:
    assert _check_json(repo) == {
        "findings": [],
        "summary": {"files": 0, "errors": 0, "warnings": 0},
    }


def test_submitter_rule_on_a_pull_request(repo: FixtureSite) -> None:
    git(repo, "checkout", "-q", "-b", "story")
    repo.simple_post(
        "2026-10-02-other.md", "Another story, edited", "2026-10-02", authors="[jonas-berg]"
    )
    assert _check_json(repo, "--submitter", "jonasb")["summary"]["errors"] == 0
    denied = _check_json(repo, "--submitter", "mallory")
    assert [f["rule"] for f in denied["findings"] if f["severity"] == "error"] == [
        "submitter-not-author"
    ]


def test_review_golden(repo: FixtureSite) -> None:
    git(repo, "checkout", "-q", "-b", "story")
    repo.image("media/new.jpg", color="navy")
    repo.simple_post(
        "2026-11-20-new.md",
        "Lunch for 200",
        "2026-11-20",
        extra=(
            "image: media/new.jpg\nimage_alt: The canteen\npeople:\n  - author: jonas-berg\n"
            "  - name: Lise Holm\n    consent: 2026-11-01\n    evidence: HR-9\n"
            '  - name: Per Lund\nshare:\n  text: "We cook every day."\n'
        ),
        body="I cook. See <http://example.com>.\n",
    )
    repo.simple_post(
        "2026-10-01-old.md",
        "An old story, updated",
        "2026-10-01",
        extra="image: media/old.jpg\nimage_alt: A wall\ndraft: true\n",
    )
    (repo.root / "site_src/blog/posts/2026-10-03-gone.md").unlink()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "stories")
    cards = repo.root.parent / "cards"
    cards.mkdir()
    (cards / "new-0123456789abcdef.jpg").write_bytes(b"x")
    proc = repo.run("review", "--base", "main", "--cards", str(cards))
    assert proc.returncode == 0, proc.stderr
    golden = GOLDEN / "review" / "mixed.md"  # the four cases HR meets: test_review_golden.py
    if os.environ.get("UPDATE_GOLDEN"):  # after a deliberate change: read the diff, commit
        golden.write_text(proc.stdout, "utf-8")
    assert proc.stdout == golden.read_text("utf-8")
    assert len(proc.stdout.encode()) < 1024 * 1024


def test_review_of_a_ref_that_does_not_exist(repo: FixtureSite) -> None:
    proc = repo.run("review", "--base", "no-such-branch")
    assert proc.returncode == 2
    assert proc.stderr.startswith("advocacy: cannot compare with no-such-branch: ")


def test_story_ideas_open_the_web_editor_with_a_template(site: FixtureSite) -> None:
    from urllib.parse import parse_qs, urlsplit

    from advocacy.core.reading.schema.yamlsource import load_yaml, split_front_matter

    config = (
        (site.root / "mkdocs.yml")
        .read_text("utf-8")
        .replace(
            "      per_page: 2\n",
            "      per_page: 2\n      repository: https://github.com/acme/careers\n",
        )
    )
    site.write("mkdocs.yml", config)
    result = site.build()
    assert result.returncode == 0, result.log
    page = result.html("story-ideas/")
    buttons = page.select('a.md-button[href^="https://github.com/acme/careers/new/main/"]')
    assert len(buttons) == 2 * 2 * len(STORY_TYPES)  # both languages' sections, two buttons
    url = urlsplit(buttons[0]["href"])
    assert url.path == "/acme/careers/new/main/site_src/blog/posts"
    query = parse_qs(url.query)
    assert query["filename"] == ["2026/2026-11-28-din-titel.md"]
    parts = split_front_matter(query["value"][0])
    front = load_yaml(parts.yaml_text or "").data
    assert front["title"] == "Din titel" and front["authors"] == ["dit-navn"]
    assert "description" not in front  # the writer's own words, asked for by the check
    # Withdrawing takes no public issue: the page sends people to HR (the policy page).
    assert not page.select('a[href*="withdraw-consent"]')
    assert "Skriv til HR, som står på siden om SoMe-politikken." in page.get_text()


def test_submitter_rule_spares_posts_checked_only_as_dependents(repo: FixtureSite) -> None:
    git(repo, "checkout", "-q", "-b", "story")
    repo.simple_post("2026-11-20-mine.md", "My story", "2026-11-20")
    repo.write(
        "authors/jonas-berg.yml",
        (repo.root / "authors/jonas-berg.yml").read_text().replace("Aarhus", "Vejle"),
    )
    report = _check_json(repo, "--submitter", "mallory")
    # Jonas's post is checked because his file changed, but mallory did not change it: only
    # what mallory changed is attributed (Jonas's file is his or HR's to change).
    assert [
        (f["rule"], f["file"]) for f in report["findings"] if f["rule"].startswith("submitter")
    ] == [
        ("submitter-not-author", "authors/jonas-berg.yml"),
        ("submitter-not-author", "site_src/blog/posts/2026-11-20-mine.md"),
    ]
