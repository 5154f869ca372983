"""HR's private confidential terms, from an environment variable (a CI secret), fail closed:
where the policy names its variable and CI requires it (ADVOCACY_REQUIRE_PRIVATE_TERMS, set by
the publishing workflows) a missing or empty variable is an error in policy.yml, so nothing is
published unchecked; a site whose policy names no variable has no private terms to miss;
elsewhere a policy that names the variable says when it was not set; and a policy that names
none (the demo on a fresh machine) builds as before."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import TODAY, FixtureSite, assert_no_warnings

TERM = "Projekt Havørn"
POLICY = "hr_logins: [hr-login]\nconfidential_terms: [Projekt Fyrtårn]\n"
NAMED = POLICY + "confidential_terms_env: ADVOCACY_CONFIDENTIAL_TERMS\n"
POST = "site_src/blog/posts/2026-11-20-secret.md"
REQUIRED = (
    "ADVOCACY_REQUIRE_PRIVATE_TERMS is set, but {env} is not set or holds no terms: nothing "
    "could be checked against HR's private confidential terms, so nothing is published."
)


@pytest.fixture
def repo(site: FixtureSite, monkeypatch: pytest.MonkeyPatch) -> FixtureSite:
    """A post that names a private term; neither variable set (as on a fresh machine)."""
    for name in ("ADVOCACY_CONFIDENTIAL_TERMS", "ADVOCACY_REQUIRE_PRIVATE_TERMS", "MY_TERMS"):
        monkeypatch.delenv(name, raising=False)
    site.write("policy.yml", POLICY)
    site.simple_post(
        "2026-11-20-secret.md",
        "A new customer",
        "2026-11-20",
        body=f"We started {TERM} with our new customer this autumn.\n",
    )
    return site


def _found(site: FixtureSite, *args: str) -> tuple[int, list[tuple[str, str, str, str]]]:
    proc = site.check("--format", "json", *args)
    assert proc.returncode in (0, 1), proc.stderr
    found = json.loads(proc.stdout)["findings"]
    return proc.returncode, [(f["rule"], f["file"], f["severity"], f["message"]) for f in found]


def _rules(found: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str]]:
    return [(rule, file, severity) for rule, file, severity, _ in found]


def test_a_policy_that_names_no_variable_is_quiet_without_it(repo: FixtureSite) -> None:
    """The demo's case: no variable named, none set, nothing said (and nothing to check)."""
    assert _found(repo) == (0, [])
    result = repo.build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)


def test_a_named_variable_that_is_not_set_is_a_warning(
    repo: FixtureSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write("policy.yml", NAMED)
    code, found = _found(repo)
    assert (code, found) == (
        0,
        [
            (
                "policy-private-terms-unchecked",
                "policy.yml",
                "warning",
                "ADVOCACY_CONFIDENTIAL_TERMS (confidential_terms_env) is not set: HR's private "
                "terms were not checked.",
            )
        ],
    )
    da = repo.check("--format", "json", "--lang", "da")
    assert json.loads(da.stdout)["findings"][0]["message"] == (
        "ADVOCACY_CONFIDENTIAL_TERMS (confidential_terms_env) er ikke sat: HR's private ord "
        "blev ikke tjekket."
    )
    result = repo.build()  # a warning: the build still passes
    assert result.returncode == 0, result.log
    assert "policy.yml:3: warning: ADVOCACY_CONFIDENTIAL_TERMS (confidential_terms_env)" in (
        result.log
    )
    monkeypatch.setenv("ADVOCACY_CONFIDENTIAL_TERMS", TERM)
    code, found = _found(repo)
    assert (code, _rules(found)) == (1, [("confidential-term", POST, "error")])


@pytest.mark.parametrize("value", [None, "", " ,\n , "])
def test_where_required_a_missing_or_empty_variable_holds_everything(
    repo: FixtureSite, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    """As publish.yml and daily.yml run: without the secret (GitHub passes an empty string
    for a secret that does not exist) policy.yml has an error, every post is held back,
    the strict build fails and the held build publishes none of it."""
    repo.write("policy.yml", NAMED)
    monkeypatch.setenv("ADVOCACY_REQUIRE_PRIVATE_TERMS", "1")
    if value is not None:
        monkeypatch.setenv("ADVOCACY_CONFIDENTIAL_TERMS", value)
    code, found = _found(repo)
    assert code == 1
    assert found[0] == (
        "policy-private-terms",
        "policy.yml",
        "error",
        REQUIRED.format(env="ADVOCACY_CONFIDENTIAL_TERMS"),
    )
    assert ("depends-on-error", POST, "error") in _rules(found)
    da = repo.check("--format", "json", "--lang", "da")
    assert json.loads(da.stdout)["findings"][0]["message"] == (
        "ADVOCACY_REQUIRE_PRIVATE_TERMS er sat, men ADVOCACY_CONFIDENTIAL_TERMS er ikke sat "
        "eller har ingen ord: intet kunne tjekkes mod HR's private fortrolige ord, så intet "
        "bliver udgivet."
    )
    assert repo.build().returncode == 1
    held = repo.root.parent / "held"
    hold = {**os.environ, **repo.cache_env(), "ADVOCACY_TODAY": TODAY, "ADVOCACY_ON_ERROR": "hold"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "-d", str(held)],
        cwd=repo.root,
        env=hold,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    published = [p.read_text("utf-8") for p in held.rglob("*.html")]
    assert published and not any("Havørn" in text for text in published)
    assert not (held / "blog/2026/11/20/secret").exists()


def test_where_required_the_terms_are_checked(
    repo: FixtureSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADVOCACY_REQUIRE_PRIVATE_TERMS", "1")
    monkeypatch.setenv("ADVOCACY_CONFIDENTIAL_TERMS", f"Nordlys,\n{TERM}")
    code, found = _found(repo)
    assert (code, _rules(found)) == (1, [("confidential-term", POST, "error")])
    monkeypatch.setenv("ADVOCACY_REQUIRE_PRIVATE_TERMS", "0")  # "0" requires nothing
    monkeypatch.delenv("ADVOCACY_CONFIDENTIAL_TERMS")
    assert _found(repo) == (0, [])


def test_the_variable_the_policy_names_is_the_one_required(
    repo: FixtureSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write("policy.yml", POLICY + "confidential_terms_env: MY_TERMS\n")
    monkeypatch.setenv("ADVOCACY_REQUIRE_PRIVATE_TERMS", "1")
    monkeypatch.setenv("ADVOCACY_CONFIDENTIAL_TERMS", TERM)  # not the one named
    code, found = _found(repo)
    assert code == 1
    assert found[0][::3] == ("policy-private-terms", REQUIRED.format(env="MY_TERMS"))
    monkeypatch.setenv("MY_TERMS", TERM)
    code, found = _found(repo)
    assert (code, _rules(found)) == (1, [("confidential-term", POST, "error")])


def test_the_demo_names_no_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's policy.yml leaves the variable to its default, so `make build` on a fresh
    machine (no secret) builds without a warning; CI requires the secret instead."""
    from conftest import REPO

    lines = (REPO / "policy.yml").read_text("utf-8").splitlines()
    assert not [line for line in lines if line.startswith("confidential_terms_env:")]
    assert "# confidential_terms_env: ADVOCACY_CONFIDENTIAL_TERMS" in lines


def test_a_pull_requests_check_says_why_everything_is_held(
    repo: FixtureSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pr.yml requires the terms for a pull request from the repository itself: its report
    shows the error in policy.yml (which it does not change) that holds its post back."""
    from test_pr_flow import git

    repo.write("policy.yml", NAMED)  # HR's, on the base branch
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "t@example.com")
    git(repo, "config", "user.name", "Test")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "pr")
    repo.simple_post("2026-11-21-next.md", "Next", "2026-11-21", body="Words of our own.\n")
    monkeypatch.setenv("ADVOCACY_REQUIRE_PRIVATE_TERMS", "1")
    code, found = _found(repo, "--changed-since", "main")
    assert code == 1
    assert ("policy-private-terms", "policy.yml", "error") in _rules(found)
