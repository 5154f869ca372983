"""A pull request is judged by its base branch: names as Git writes them, rights as the base
says, and every change attributed to the posts it touches."""

from __future__ import annotations

import json

import pytest

from conftest import FixtureSite
from test_pr_flow import git

POLICY = "hr_logins: [hr-login]\n"
POST = "site_src/blog/posts/2026-10-01-old.md"


@pytest.fixture
def repo(site: FixtureSite) -> FixtureSite:
    """main: a policy, Jonas (github jonasb) with a post that shows a photo, Mette's post."""
    site.write("policy.yml", POLICY)
    site.author("jonas-berg", "Jonas Berg", team="Sales", github=["jonasb"])
    site.author("mette-hansen", "Mette Hansen", photo=True, github=["mette"])
    site.image("media/old.jpg")
    site.simple_post(
        "2026-10-01-old.md",
        "An old story",
        "2026-10-01",
        authors="[jonas-berg]",
        extra="image: media/old.jpg\nimage_alt: A wall\n",
    )
    site.simple_post("2026-10-02-mine.md", "Mette's story", "2026-10-02")
    git(site, "init", "-q", "-b", "main")
    git(site, "config", "user.email", "t@example.com")
    git(site, "config", "user.name", "Test")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "base")
    git(site, "checkout", "-q", "-b", "pr")
    return site


def _pr(site: FixtureSite, login: str) -> tuple[int, list[tuple[str, str, str]]]:
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "change", "--allow-empty")
    proc = site.check("--changed-since", "main", "--submitter", login, "--format", "json")
    assert "Traceback" not in proc.stderr, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    return proc.returncode, [(f["rule"], f["file"], f["severity"]) for f in findings]


def test_a_post_named_in_danish_is_checked_and_attributed(repo: FixtureSite) -> None:
    repo.simple_post(
        "2026-11-20-Julefrokost på lageret.md",
        "Julefrokost på lageret",
        "2026-11-20",
        body="Ring til mig på 23 45 67 89.\n",
    )
    code, found = _pr(repo, "mallory")
    name = "site_src/blog/posts/2026-11-20-Julefrokost på lageret.md"
    assert code == 1
    assert ("personal-phone", name, "error") in found
    assert ("submitter-not-author", name, "error") in found
    review = repo.run("review", "--base", "main")
    assert "Julefrokost på lageret" in review.stdout and "\\303" not in review.stdout


def test_rights_come_from_the_base_branch(repo: FixtureSite) -> None:
    """A pull request that makes its sender HR, or gives them a colleague's post, gains
    nothing: the base branch says who may do what."""
    repo.write("policy.yml", "hr_logins: [hr-login, mallory]\n")
    text = (repo.root / "authors/jonas-berg.yml").read_text().replace("jonasb", "mallory")
    repo.write("authors/jonas-berg.yml", text)
    repo.simple_post(
        "2026-10-01-old.md",
        "An old story, changed",
        "2026-10-01",
        authors="[jonas-berg]",
        extra="image: media/old.jpg\nimage_alt: A wall\n",
    )
    code, found = _pr(repo, "mallory")
    assert code == 1
    assert ("submitter-not-hr", "policy.yml", "error") in found
    assert ("submitter-not-hr", "authors/jonas-berg.yml", "error") in found  # github:
    assert ("submitter-not-author", POST, "error") in found
    # HR, by the base branch, may do all of it.
    code, found = _pr(repo, "hr-login")
    assert not [f for f in found if f[0].startswith("submitter")], found


def test_consent_is_hrs_to_change(repo: FixtureSite) -> None:
    text = (repo.root / "authors/jonas-berg.yml").read_text()
    repo.write("authors/jonas-berg.yml", text.replace("2026-01-10", "2026-02-01"))
    code, found = _pr(repo, "jonasb")  # even the author himself
    assert (code, found) == (1, [("submitter-not-hr", "authors/jonas-berg.yml", "error")])


def test_a_replaced_photo_belongs_to_the_posts_that_show_it(repo: FixtureSite) -> None:
    repo.image("media/old.jpg", color="red")  # same name, other picture
    code, found = _pr(repo, "mette")
    assert (code, found) == (1, [("submitter-not-author", POST, "error")])
    assert _pr(repo, "jonasb")[0] == 0  # the post's author may


def test_a_deleted_post_belongs_to_its_authors(repo: FixtureSite) -> None:
    (repo.root / POST).unlink()
    code, found = _pr(repo, "mette")
    assert (code, found) == (1, [("submitter-not-author", POST, "error")])
    assert _pr(repo, "jonasb")[0] == 0


def test_new_and_lookalike_author_files_are_pointed_out_for_hr(repo: FixtureSite) -> None:
    repo.write(
        "authors/m-hansen.yml",
        "name: Mette Hansen\nrole: Developer\nteam: IT\nphoto: media/authors/mette-hansen.jpg\n",
    )
    code, found = _pr(repo, "hr-login")
    assert ("author-new", "authors/m-hansen.yml", "warning") in found
    assert found.count(("author-new", "authors/m-hansen.yml", "warning")) == 2  # and the photo
    assert ("author-same-name", "authors/m-hansen.yml", "error") in found
    assert code == 1


def test_two_authors_with_one_name_are_an_error_in_any_check(site: FixtureSite) -> None:
    site.author("mette-h", "Mette  hansen")
    proc = site.check("--format", "json")
    assert proc.returncode == 1
    assert [(f["rule"], f["message"]) for f in json.loads(proc.stdout)["findings"]] == [
        (
            "author-same-name",
            "authors/mette-h.yml and authors/mette-hansen.yml both have the "
            "name 'Mette  hansen'; readers could not tell them apart.",
        ),
        (
            "author-same-name",
            "authors/mette-hansen.yml and authors/mette-h.yml both have the "
            "name 'Mette Hansen'; readers could not tell them apart.",
        ),
    ]
