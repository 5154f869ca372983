"""What HR uses: the consent report, the submitter rule and the readable policy page."""

from __future__ import annotations

import json

from conftest import FixtureSite, assert_no_warnings

POLICY = """\
company: Kystlinje A/S
disclosure: {da: "Jeg arbejder hos Kystlinje.", en: "I work at Kystlinje."}
hr_logins: [hr-login]
role_mailboxes: [jobs@kystlinje.example]
approved_organisations: [{name: Secret Customer Approved A/S}]
restricted_organisations: [{name: Hidden Client ApS}]
confidential_terms: [Projekt Fyrtårn]
internal_hosts: [intranet.kystlinje.example]
severity: {link-insecure: error, authenticity-voice: off}
"""


def _people(site: FixtureSite) -> FixtureSite:
    site.author(
        "jonas-berg",
        "Jonas Berg",
        github=["jonasb"],
        consent={"profile": "2026-01-10", "evidence": "HR-1", "withdrawn": "2026-11-01"},
    )
    site.author(
        "anna-lund",
        "Anna Lund",
        left="2026-10-31",
        consent={"profile": "2026-01-10", "evidence": "HR-2", "expires": "2026-12-10"},
    )
    site.author("ole-dam", "Ole Dam", consent={"evidence": "HR-3"})
    site.simple_post(
        "p.md",
        "A story",
        "2026-11-20",
        extra=(
            "people:\n  - name: Eva Ravn\n    consent: 2026-01-01\n    evidence: HR-9\n"
            "    expires: 2026-12-01\n  - name: Per Lund\n"
        ),
    )
    return site


def test_consent_report_json(site: FixtureSite) -> None:
    proc = _people(site).run("consent", "--format", "json")
    data = json.loads(proc.stdout)
    assert [(r["who"], r["state"], r["date"]) for r in data["records"]] == [
        ("Ole Dam", "missing", None),
        ("Per Lund", "missing", None),
        ("Jonas Berg", "withdrawn", "2026-11-01"),
        ("Anna Lund", "expiring", "2026-12-10"),
        ("Eva Ravn", "expiring", "2026-12-01"),
        ("Anna Lund", "left", "2026-10-31"),
    ]
    assert data["summary"]["expiring"] == 2
    narrow = json.loads(site.run("consent", "--format", "json", "--within", "5").stdout)
    assert [r["who"] for r in narrow["records"] if r["state"] == "expiring"] == ["Eva Ravn"]


def test_consent_report_markdown_in_danish(site: FixtureSite) -> None:
    proc = _people(site).run("consent", "--format", "markdown", "--lang", "da")
    lines = proc.stdout.splitlines()
    assert lines[0] == "## Samtykkerapport"
    assert "| Jonas Berg | trukket tilbage | 2026-11-01 | `authors/jonas-berg.yml` | 0 |" in lines


def test_submitter_must_be_an_author_or_hr(site: FixtureSite) -> None:
    site.write("policy.yml", POLICY)
    site.author("mette-hansen", "Mette Hansen", github=["mettehansen-dev"])
    site.simple_post("mine.md", "Mine", "2026-11-20")
    post = "site_src/blog/posts/mine.md"
    ok = site.check(post, "--submitter", "MetteHansen-Dev")
    assert ok.returncode == 0, ok.stdout
    assert site.check(post, "--submitter", "hr-login").returncode == 0
    denied = site.check(post, "--submitter", "someone-else", "--format", "json")
    assert denied.returncode == 1
    # (A named post also gets the writing hints: a short story, no cover; only one error.)
    [finding] = [f for f in json.loads(denied.stdout)["findings"] if f["severity"] == "error"]
    assert (finding["rule"], finding["line"], finding["message"]) == (
        "submitter-not-author",
        4,
        "'someone-else' may not add or change this post: only its "
        "authors (GitHub: mettehansen-dev) or HR may.",
    )


def test_policy_page_shows_rules_never_terms_or_customers(site: FixtureSite) -> None:
    site.write("policy.yml", POLICY)
    config = (site.root / "mkdocs.yml").read_text("utf-8")
    site.write(
        "mkdocs.yml",
        config.replace("      language: en\n", "      language: en\n      languages: [en, da]\n"),
    )
    site.simple_post("2026-11-20-x.md", "A story", "2026-11-20", body="I write things.\n")
    result = site.build()
    assert result.returncode == 0, result.log
    assert_no_warnings(result)
    # One page per language the site speaks, each in its language only.
    en = result.html("some-policy/").select_one(".md-content").get_text(" ", strip=True)
    da = result.html("da/some-policy/").select_one(".md-content").get_text(" ", strip=True)
    assert "No phone numbers." in en and "Ingen telefonnumre." not in en
    assert "Ingen telefonnumre." in da and "No phone numbers." not in da
    assert "I work at Kystlinje." in en
    assert "Links use https://." in en  # now an error: no longer marked as a hint
    assert "Links use https://. (hint)" not in en
    assert "Tip: almindelige ord frem for superlativer og modeord. (råd)" in da
    assert "Hint: stories are told in the first person." not in en  # switched off
    everything = result.all_text()
    for secret in ("Fyrtårn", "Hidden Client", "Secret Customer", "intranet.kystlinje"):
        assert secret not in everything


def test_consent_that_cannot_be_read_comes_first_in_the_report(site: FixtureSite) -> None:
    site.author(
        "ole-dam",
        "Ole Dam",
        consent={"profile": "2026-01-10", "evidence": "HR-3", "withdrawen": "2026-11-01"},
    )
    site.simple_post("p.md", "A story", "2026-11-20", authors="[ole-dam]")
    proc = site.run("consent", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [(r["who"], r["state"], r["posts"]) for r in data["records"]] == [
        ("Ole Dam", "unreadable", ["site_src/blog/posts/p.md"])
    ]
    assert data["summary"]["unreadable"] == 1
    text = site.run("consent").stdout
    assert "Ole Dam" in text and "consent cannot be read" in text
