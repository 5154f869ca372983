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
    errors = [f for f in found if f[2] == "error"]
    assert (code, errors) == (1, [("submitter-not-hr", "authors/jonas-berg.yml", "error")])


def test_a_replaced_photo_belongs_to_the_posts_that_show_it(repo: FixtureSite) -> None:
    repo.image("media/old.jpg", color="red")  # same name, other picture
    code, found = _pr(repo, "mette")
    errors = [f for f in found if f[2] == "error"]
    assert (code, errors) == (1, [("submitter-not-author", POST, "error")])
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


def _base(site: FixtureSite, files: dict[str, str]) -> None:
    """Add ``files`` to main (as HR would have), and go back to the pull request's branch."""
    git(site, "checkout", "-q", "main")
    for rel, body in files.items():
        if rel.endswith(".jpg"):
            site.image(rel, color=body)
        else:
            site.write(rel, body)
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "more")
    git(site, "checkout", "-q", "-B", "pr")


def _submitter(found: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    return [(rule, file) for rule, file, _ in found if rule.startswith("submitter")]


def test_every_changed_file_is_someones_to_change(repo: FixtureSite) -> None:
    """A stranger's pull request may not rename a colleague, replace their photo, or change
    the site's pages, teams, brand or any file of no known kind; each is an error naming
    the file and who may change it."""
    _base(
        repo,
        {
            "site_src/how-we-hire.md": "# How we hire\n\nWe read every application.\n",
            "teams.yml": "sales:\n  photo: media/brand/teams/sales.jpg\n",
            "media/brand/teams/sales.jpg": "navy",
            "media/brand/hero.jpg": "navy",
            "media/unused.jpg": "navy",
            "README.md": "# Careers\n",
        },
    )
    text = (repo.root / "authors/mette-hansen.yml").read_text()
    repo.write("authors/mette-hansen.yml", text.replace("Mette Hansen", "Mette Hansen (fired)"))
    repo.image("media/authors/mette-hansen.jpg", color="red")
    repo.write("teams.yml", "sales:\n  photo: media/old.jpg\n  shows: []\n")
    repo.write("site_src/how-we-hire.md", "# How we hire\n\nWe do not hire people over 40.\n")
    for name in ("media/brand/hero.jpg", "media/brand/teams/sales.jpg", "media/unused.jpg"):
        repo.image(name, color="red")
    repo.write("README.md", "# Careers, changed\n")
    code, found = _pr(repo, "mallory")
    assert code == 1
    assert _submitter(found) == [
        ("submitter-not-hr", "README.md"),
        ("submitter-not-author", "authors/mette-hansen.yml"),
        ("submitter-not-author", "media/authors/mette-hansen.jpg"),
        ("submitter-not-hr", "media/brand/hero.jpg"),
        ("submitter-not-hr", "media/brand/teams/sales.jpg"),
        ("submitter-not-hr", "media/unused.jpg"),
        ("submitter-not-hr", "site_src/how-we-hire.md"),
        ("submitter-not-hr", "teams.yml"),
    ]
    proc = repo.check("--changed-since", "main", "--submitter", "mallory", "--format", "json")
    messages = {
        f["file"]: f["message"]
        for f in json.loads(proc.stdout)["findings"]
        if f["rule"].startswith("submitter")
    }
    assert messages["authors/mette-hansen.yml"] == (
        "'mallory' may not change 'authors/mette-hansen.yml': it is Mette Hansen's author "
        "file, and only they (GitHub: mette) or HR may change it."
    )
    assert messages["media/authors/mette-hansen.jpg"] == (
        "'mallory' may not replace 'media/authors/mette-hansen.jpg': it is Mette Hansen's "
        "photo, and only they (GitHub: mette) or HR may change it."
    )
    assert messages["site_src/how-we-hire.md"] == (
        "'mallory' may not change a page of the site ('site_src/how-we-hire.md'): only HR may."
    )
    assert messages["teams.yml"] == (
        "'mallory' may not change the teams' texts and photos ('teams.yml'): only HR may."
    )
    # Mette may change her own name and photo; the rest stays HR's.
    assert _submitter(_pr(repo, "mette")[1]) == [
        ("submitter-not-hr", "README.md"),
        ("submitter-not-hr", "media/brand/hero.jpg"),
        ("submitter-not-hr", "media/brand/teams/sales.jpg"),
        ("submitter-not-hr", "media/unused.jpg"),
        ("submitter-not-hr", "site_src/how-we-hire.md"),
        ("submitter-not-hr", "teams.yml"),
    ]
    assert _submitter(_pr(repo, "hr-login")[1]) == []


def test_deleting_a_colleagues_author_file_is_theirs_or_hrs(repo: FixtureSite) -> None:
    (repo.root / "authors/jonas-berg.yml").unlink()
    assert ("submitter-not-author", "authors/jonas-berg.yml") in _submitter(_pr(repo, "mette")[1])
    assert ("submitter-not-author", "authors/jonas-berg.yml") not in _submitter(
        _pr(repo, "jonasb")[1]
    )


def test_adding_oneself_to_a_post_gives_no_right_to_it(repo: FixtureSite) -> None:
    """A changed post is its authors' as the base branch has them."""
    repo.simple_post(
        "2026-10-01-old.md",
        "An old story, mine now",
        "2026-10-01",
        authors="[jonas-berg, mette-hansen]",
        extra="image: media/old.jpg\nimage_alt: A wall\n",
    )
    assert _submitter(_pr(repo, "mette")[1]) == [("submitter-not-author", POST)]
    assert _submitter(_pr(repo, "jonasb")[1]) == []


def test_new_files_are_anyones_to_add(repo: FixtureSite) -> None:
    """A writer's new picture and post, and a newcomer's author file without consent or
    GitHub logins, need nobody's leave (HR still sees the new author)."""
    repo.image("media/2026/lunch.jpg")
    repo.simple_post(
        "2026-11-20-lunch.md",
        "Lunch",
        "2026-11-20",
        authors="[jonas-berg]",
        extra="image: media/2026/lunch.jpg\nimage_alt: Lunch\n",
    )
    repo.write("authors/new-person.yml", "name: New Person\nrole: Cook\nteam: Kitchen\n")
    _, found = _pr(repo, "jonasb")
    assert _submitter(found) == []
    assert ("author-new", "authors/new-person.yml", "warning") in found


def test_the_review_lists_what_changes_on_the_site(repo: FixtureSite) -> None:
    """HR's review never says "changes nothing" when a page, the brand or a picture changes:
    it lists each under what it changes."""
    _base(repo, {"site_src/how-we-hire.md": "# How we hire\n", "media/brand/hero.jpg": "navy"})
    repo.write("site_src/how-we-hire.md", "# How we hire\n\nWe do not hire people over 40.\n")
    repo.image("media/brand/hero.jpg", color="red")
    repo.image("media/old.jpg", color="red")
    _pr(repo, "hr-login")
    review = repo.run("review", "--base", "main", "--submitter", "hr-login").stdout
    assert "changes nothing" not in review
    assert (
        "No post or author page goes up or comes down today, but merging this changes what "
        "the site shows or how it is made: 3 files, listed below under what they change."
    ) in review
    assert "### The site's pages (only HR may change them)\n\n- ~ `site_src/how-we-hire.md`\n" in (
        review
    )
    assert "### The brand's pictures, on every page (only HR may change them)\n\n" in review
    assert "- ~ `media/old.jpg`: shown in An old story\n" in review


def test_the_review_of_an_author_or_another_file_says_what_it_changes(repo: FixtureSite) -> None:
    text = (repo.root / "authors/mette-hansen.yml").read_text()
    repo.write("authors/mette-hansen.yml", text.replace("Mette Hansen koder.", "Mette stjæler."))
    _pr(repo, "hr-login")
    review = repo.run("review", "--base", "main", "--submitter", "hr-login").stdout
    assert "changes nothing" not in review
    assert "merging this changes what the site shows or how it is made: 1 file," in review
    assert (
        "- Nothing goes up or comes down because of it today, but what readers see of this "
        "author changes (their page, and their name and photo on their posts).\n"
    ) in review
    git(repo, "reset", "-q", "--hard", "main")
    repo.write("NOTES.txt", "not part of the site\n")
    _pr(repo, "hr-login")
    review = repo.run("review", "--base", "main", "--submitter", "hr-login").stdout
    assert (
        "Nothing goes up or comes down on the site today, and no file the site is known to be "
        "made from changes; 1 other file does (listed below).\n"
    ) in review
    assert "### Other changed files\n\n- + `NOTES.txt`\n" in review


def _stale_branch(site: FixtureSite, then: dict[str, str], now: dict[str, str]) -> None:
    """main gets ``then`` (commit A) and later ``now`` (commit B, its tip); the pull request's
    branch starts from A, as if it had been opened before B."""
    if then:
        _base(site, then)
    old = git(site, "rev-parse", "main")
    _base(site, now)
    git(site, "checkout", "-q", "-B", "pr", old)


def test_rights_are_the_base_branchs_tip_not_where_the_pull_request_left_it(
    repo: FixtureSite,
) -> None:
    """An HR login or a `github:` login taken away on main gives no right to a pull request
    branched from before: it chooses its merge base, not its rights."""
    jonas = (repo.root / "authors/jonas-berg.yml").read_text()
    _stale_branch(
        repo,
        {
            "policy.yml": "hr_logins: [hr-login, old-hr]\n",
            "authors/jonas-berg.yml": jonas.replace("- jonasb", "- jonasb\n- jonas-old"),
        },
        {"policy.yml": POLICY, "authors/jonas-berg.yml": jonas},
    )
    assert "old-hr" in (repo.root / "policy.yml").read_text()  # the branch still has it
    text = (repo.root / POST).read_text()
    repo.write(POST, text + "\nWe do not hire people over 40.\n")
    for login in ("old-hr", "jonas-old"):
        code, found = _pr(repo, login)
        assert (code, _submitter(found)) == (1, [("submitter-not-author", POST)]), login
    proc = repo.check("--changed-since", "main", "--submitter", "old-hr", "--format", "json")
    [finding] = [f for f in json.loads(proc.stdout)["findings"] if f["rule"].startswith("sub")]
    assert finding["message"] == (
        "'old-hr' may not add or change this post: only its authors (GitHub: jonasb) or HR may."
    )
    review = repo.run("review", "--base", "main", "--submitter", "old-hr").stdout
    assert "Submitted by `old-hr`." in review and "who is HR" not in review
    assert _submitter(_pr(repo, "jonasb")[1]) == []  # what the tip says still counts


def test_a_post_main_has_since_is_its_authors_not_the_branchs(repo: FixtureSite) -> None:
    """A post added on main after the branch was made is not "new" in the pull request that
    adds a file of the same name: its authors on main decide; and a post HR removed on main
    keeps the authors it had."""
    old = git(repo, "rev-parse", "main")
    git(repo, "checkout", "-q", "main")
    repo.simple_post("2026-11-01-later.md", "Jonas, later", "2026-11-01", authors="[jonas-berg]")
    git(repo, "rm", "-q", "site_src/blog/posts/2026-10-02-mine.md")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "later")
    git(repo, "checkout", "-q", "-B", "pr", old)
    later = "site_src/blog/posts/2026-11-01-later.md"
    repo.simple_post("2026-11-01-later.md", "Mine now", "2026-11-01", authors="[mette-hansen]")
    repo.simple_post("2026-10-02-mine.md", "Mette's story, changed", "2026-10-02")
    code, found = _pr(repo, "mette")
    assert (code, _submitter(found)) == (1, [("submitter-not-author", later)])
    mine = "site_src/blog/posts/2026-10-02-mine.md"
    assert _submitter(_pr(repo, "jonasb")[1]) == [("submitter-not-author", mine)]


def test_what_hr_changed_on_main_since_is_not_the_pull_requests_change(
    repo: FixtureSite,
) -> None:
    """Jonas's bio, changed on a branch made before HR recorded a new consent for him on main:
    the consent record is not his change (a merge keeps HR's); changing it still is."""
    jonas = (repo.root / "authors/jonas-berg.yml").read_text()
    _stale_branch(repo, {}, {"authors/jonas-berg.yml": jonas.replace("2026-01-10", "2026-03-01")})
    repo.write("authors/jonas-berg.yml", jonas.replace("Jonas Berg writes", "Jonas sells"))
    code, found = _pr(repo, "jonasb")
    assert (code, _submitter(found)) == (0, [])
    repo.write("authors/jonas-berg.yml", jonas.replace("2026-01-10", "2026-05-01"))
    code, found = _pr(repo, "jonasb")
    assert (code, _submitter(found)) == (1, [("submitter-not-hr", "authors/jonas-berg.yml")])


def test_a_name_with_a_line_break_cannot_shift_the_base_branchs_texts(repo: FixtureSite) -> None:
    """The base branch's files are asked of Git by object id: a post named with a line break
    and an object name (which Git allows) cannot make Git read a colleague's post from the
    pull request itself, as the base branch's, with the authors the pull request gave it."""
    odd = f"site_src/blog/posts/2026-10-01-a\nHEAD:{POST}"
    _base(repo, {odd: (repo.root / POST).read_text().replace("jonas-berg", "mette-hansen")})
    text = (repo.root / POST).read_text()
    repo.write(odd, text.replace("[jonas-berg]", "[mette-hansen]") + "\nChanged.\n")
    repo.write(POST, text.replace("[jonas-berg]", "[jonas-berg, mette-hansen]"))
    code, found = _pr(repo, "mette")
    assert (code, _submitter(found)) == (1, [("submitter-not-author", POST)])


def test_a_post_the_base_branch_cannot_read_is_hrs(repo: FixtureSite) -> None:
    """A post on main whose front matter cannot be read has no authors to ask: a pull request
    that mends it and names its sender as author gains nothing by it; HR may."""
    broken = "site_src/blog/posts/2026-10-04-broken.md"
    _base(repo, {broken: "---\ntitle: [unclosed\n---\nWords.\n"})
    repo.simple_post("2026-10-04-broken.md", "Mended", "2026-10-04", authors="[jonas-berg]")
    code, found = _pr(repo, "jonasb")
    assert (code, _submitter(found)) == (1, [("submitter-not-author", broken)])
    assert _submitter(_pr(repo, "hr-login")[1]) == []
