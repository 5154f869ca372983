"""``advocacy check``: formats, exit codes and the contract's JSON."""

from __future__ import annotations

import json

from advocacy.core.model.findings import Finding, Report, Severity
from advocacy.core.review.formats import as_github
from conftest import FixtureSite


def _broken(site: FixtureSite) -> FixtureSite:
    site.simple_post("ok.md", "Fine", "2026-11-20")
    site.post(
        "bad.md",
        """
        title: "Bad"
        date: 20-11-2026
        authors: [nobody]
        description: "A story about what we do at work, told by the people doing it."
        autor: x
    """,
    )
    return site


def test_json_output_is_the_contract(site: FixtureSite) -> None:
    proc = _broken(site).check("--format", "json")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout) == {
        "findings": [
            {
                "rule": "schema-date",
                "severity": "error",
                "file": "site_src/blog/posts/bad.md",
                "line": 3,
                "message": "'date' is not a date: '20-11-2026'.",
                "fix": "Write the date as YYYY-MM-DD, for example 'date: 2026-11-20'.",
            },
            {
                "rule": "author-unknown",
                "severity": "warning",
                "file": "site_src/blog/posts/bad.md",
                "line": 4,
                "message": "There is no author 'nobody': the file authors/nobody.yml does not "
                "exist, so the post is not published.",
                "fix": "Use the name of an author file without '.yml', or ask HR to add yours.",
            },
            {
                "rule": "schema-unknown-field",
                "severity": "warning",
                "file": "site_src/blog/posts/bad.md",
                "line": 6,
                "message": "Unknown field 'autor': did you mean 'authors'?",
                "fix": "Rename 'autor' to 'authors'.",
            },
        ],
        "summary": {"files": 4, "errors": 1, "warnings": 2},  # posts, author, home page
    }


def test_clean_repository_exits_zero(site: FixtureSite) -> None:
    site.simple_post("ok.md", "Fine", "2026-11-20")
    proc = site.check()
    assert (proc.returncode, proc.stdout) == (0, "3 files checked: 0 errors, 0 warnings.\n")


def test_text_output_names_file_line_and_fix(site: FixtureSite) -> None:
    proc = _broken(site).check("site_src/blog/posts/bad.md")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    at = lines.index(
        "site_src/blog/posts/bad.md:3: error: 'date' is not a date: '20-11-2026'. [schema-date]"
    )
    assert lines[at + 1] == "    Fix: Write the date as YYYY-MM-DD, for example 'date: 2026-11-20'."
    # Two warnings of the file, and the writing hints a named post gets (short, no cover).
    assert lines[-1] == "1 file checked: 1 error, 4 warnings."


def test_paths_limit_the_report(site: FixtureSite) -> None:
    proc = _broken(site).check("site_src/blog/posts/ok.md", "--format", "json")
    assert proc.returncode == 0
    report = json.loads(proc.stdout)
    assert report["summary"] == {"files": 1, "errors": 0, "warnings": 2}
    assert {f["file"] for f in report["findings"]} == {"site_src/blog/posts/ok.md"}


def test_danish_messages_follow_the_site_language(site: FixtureSite) -> None:
    proc = _broken(site).check("--lang", "da", "--format", "json")
    messages = [f["message"] for f in json.loads(proc.stdout)["findings"]]
    assert messages[0] == "'date' er ikke en dato: '20-11-2026'."


def test_exit_code_2_when_the_repository_cannot_be_read(site: FixtureSite) -> None:
    (site.root / "mkdocs.yml").write_text("site_name: [oops\n", encoding="utf-8")
    proc = site.check()
    assert proc.returncode == 2
    assert proc.stderr.startswith("advocacy: mkdocs.yml:2: not valid YAML: ")


def test_exit_code_2_on_bad_arguments(site: FixtureSite) -> None:
    proc = site.check("--as-of", "tomorrow")
    assert proc.returncode == 2
    assert "'tomorrow' is not a date: use YYYY-MM-DD" in proc.stderr


def test_github_format_shows_ten_of_each_worst_first_and_counts_the_rest() -> None:
    report = Report(files=1)
    report.extend(
        Finding("r", Severity.WARNING, "a.md", n, f"warn {n}", "fix") for n in range(1, 13)
    )
    report.extend(
        Finding("r", Severity.ERROR, "a.md", n, f"err {n}: 100%, a:b", "fix") for n in range(1, 12)
    )
    lines = as_github(report).splitlines()
    assert lines[0] == "::error file=a.md,line=1,title=r::err 1: 100%25, a:b Fix: fix"
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    assert "::notice title=More errors::1 more error not shown here; see the job summary." in lines
    assert (
        "::notice title=More warnings::2 more warnings not shown here; see the job summary."
        in lines
    )
    assert lines[-1] == "1 file checked: 11 errors, 12 warnings."


def test_markdown_format(site: FixtureSite) -> None:
    proc = _broken(site).check("--format", "markdown")
    lines = proc.stdout.splitlines()
    assert lines[0] == "## advocacy check"
    assert lines[6] == (
        "| ❌ | `site_src/blog/posts/bad.md` | 3 | 'date' is not a date: "
        "'20-11-2026'. | Write the date as YYYY-MM-DD, for example "
        "'date: 2026-11-20'. |"
    )


def test_text_output_in_danish(site: FixtureSite) -> None:
    proc = _broken(site).check("--lang", "da")
    lines = proc.stdout.splitlines()
    assert lines[0] == (
        "site_src/blog/posts/bad.md:3: fejl: 'date' er ikke en dato: '20-11-2026'. [schema-date]"
    )
    assert lines[1] == (
        "    Sådan retter du det: Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 'date: 2026-11-20'."
    )
    assert lines[-1] == "4 filer tjekket: 1 fejl, 2 advarsler."


def test_rules_lists_every_rule_with_what_the_policy_makes_of_it(site: FixtureSite) -> None:
    from advocacy.core.review.rules import RULES

    site.write(
        "policy.yml",
        "severity: {link-insecure: error, authenticity-hype: off, consent-missing: off}\n",
    )
    proc = site.run("rules", "--format", "json", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    rows = {r["id"]: r for r in json.loads(proc.stdout)}
    assert set(rows) == set(RULES)
    assert rows["link-insecure"] == {
        "id": "link-insecure",
        "default": "warning",
        "adjustable": True,
        "now": "error",
        "summary": RULES["link-insecure"].summary["en"],
    }
    assert (rows["authenticity-hype"]["now"], rows["consent-missing"]["now"]) == ("off", "error")
    assert rows["consent-missing"]["adjustable"] is False
    lines = site.run("rules", "--lang", "da").stdout.splitlines()
    assert lines[0].startswith("Alle tjekkets regler.")
    row = next(x for x in lines if x.startswith("link-insecure "))
    assert row.split()[:4] == ["link-insecure", "advarsel", "ja", "fejl"]
    table = site.run("rules", "--format", "markdown", "--lang", "en").stdout
    assert "| `consent-missing` | error | no | error | " in table
