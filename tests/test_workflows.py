"""The GitHub side of the kit: workflows, code owners, issue forms and the PR template.

These files are not run here; the tests read them and check what keeps the kit safe: pull
requests run with a read-only token and no secrets, untrusted values never reach a shell
directly, every action is pinned, nothing deploys without passing the checks, and HR owns
what is published about people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
FORMS = GITHUB / "ISSUE_TEMPLATE"

HR = "@kystlinje/hr"
MAINTAINERS = "@kystlinje/site-maintainers"
SHA = re.compile(r"^[0-9a-f]{40}$")
EXACT_VERSION = re.compile(r"^v\d+\.\d+\.\d+$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)\s*(?:#\s*(?P<comment>.*))?$")
# Values anyone opening a pull request or an issue controls.
UNTRUSTED = re.compile(
    r"github\.event\.(pull_request|issue|comment|review|review_comment|head_commit|commits|pages)"
    r"|github\.head_ref"
)
WRITE = "write"


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a mapping"
    return data


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    """The ``on:`` mapping; YAML 1.1 reads the bare key ``on`` as the boolean True."""
    on = workflow.get("on", workflow.get(True))
    assert on is not None, "workflow has no 'on:'"
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def steps(workflow: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def runs(workflow: dict[str, Any]) -> list[str]:
    return [step["run"] for _, step in steps(workflow) if "run" in step]


def all_uses(workflow: dict[str, Any]) -> list[str]:
    found = [step["uses"] for _, step in steps(workflow) if "uses" in step]
    found += [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    return found


def step_using(workflow: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for _, step in steps(workflow) if step.get("uses", "").split("@")[0] == action]


def permission_values(permissions: Any) -> list[str]:
    if permissions is None:
        return []
    if isinstance(permissions, str):  # read-all / write-all
        return [permissions]
    return [str(value) for value in permissions.values()]


@pytest.fixture(scope="module")
def pr() -> dict[str, Any]:
    return load(WORKFLOWS / "pr.yml")


@pytest.fixture(scope="module")
def publish() -> dict[str, Any]:
    return load(WORKFLOWS / "publish.yml")


@pytest.fixture(scope="module")
def daily() -> dict[str, Any]:
    return load(WORKFLOWS / "daily.yml")


# ---------------------------------------------------------------------------------------
# Every workflow


def test_the_three_workflows_exist() -> None:
    names = {path.name for path in workflow_files()}
    assert {"pr.yml", "publish.yml", "daily.yml"} <= names


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_workflow_parses_with_triggers_and_jobs(path: Path) -> None:
    workflow = load(path)
    assert triggers(workflow)
    assert workflow["jobs"]
    for job_id, job in workflow["jobs"].items():
        assert "uses" in job or job.get("steps"), f"{path.name}: job {job_id} does nothing"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_untrusted_values_never_inside_run(path: Path) -> None:
    for script in runs(load(path)):
        match = UNTRUSTED.search(script)
        assert match is None, (
            f"{path.name}: '{match and match.group(0)}' inside run:, pass it through env: instead"
        )


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_every_action_is_pinned(path: Path) -> None:
    uses = all_uses(load(path))
    assert uses
    for ref in uses:
        if ref.startswith("./"):  # a workflow or action in this repository
            assert (ROOT / ref).is_file(), f"{path.name}: {ref} does not exist"
            continue
        name, _, version = ref.partition("@")
        assert name.count("/") >= 1, ref
        assert SHA.match(version) or EXACT_VERSION.match(version), (
            f"{path.name}: {ref} is not pinned to a commit SHA or an exact vX.Y.Z"
        )


def test_sha_pins_name_their_version_and_agree() -> None:
    """A SHA carries its version in a trailing comment, the same one in every file."""
    versions: dict[str, set[str]] = {}
    pinned = 0
    for path in workflow_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            match = USES_LINE.match(line)
            if not match or match["ref"].startswith("./"):
                continue
            action, _, sha = match["ref"].partition("@")
            if not SHA.match(sha):
                continue
            pinned += 1
            comment = (match["comment"] or "").strip()
            assert EXACT_VERSION.match(comment), f"{path.name}: {line.strip()} needs '# vX.Y.Z'"
            versions.setdefault(f"{action.split('/')[0]}/{action.split('/')[1]}@{sha}", set()).add(
                comment
            )
    assert pinned
    for ref, comments in versions.items():
        assert len(comments) == 1, f"{ref} is labelled {sorted(comments)}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_no_pull_request_target_anywhere(path: Path) -> None:
    assert "pull_request_target" not in triggers(load(path))
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_top_level_permissions_are_read_only(path: Path) -> None:
    workflow = load(path)
    assert "permissions" in workflow, f"{path.name}: set top-level permissions"
    assert WRITE not in permission_values(workflow["permissions"])


# ---------------------------------------------------------------------------------------
# Pull requests


def test_pr_runs_on_pull_request_only(pr: dict[str, Any]) -> None:
    assert set(triggers(pr)) == {"pull_request"}


def test_pr_uses_no_secrets(pr: dict[str, Any]) -> None:
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    assert "secrets." not in text  # ${{ secrets.X }}
    assert "secrets:" not in text  # passing secrets to a reusable workflow
    assert "secrets" not in str(pr)


def test_pr_token_is_read_only(pr: dict[str, Any]) -> None:
    assert pr["permissions"] == {"contents": "read"}
    for job_id, job in pr["jobs"].items():
        values = permission_values(job.get("permissions"))
        assert WRITE not in values and "write-all" not in values, f"job {job_id} asks for write"


def test_pr_checks_out_full_history_and_lfs(pr: dict[str, Any]) -> None:
    (checkout,) = step_using(pr, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    assert checkout["with"]["lfs"] is True


def test_pr_sets_up_python_311_with_pip_cache(pr: dict[str, Any]) -> None:
    (python,) = step_using(pr, "actions/setup-python")
    assert str(python["with"]["python-version"]) == "3.11"
    assert python["with"]["cache"] == "pip"


def test_pr_restores_the_picture_cache(pr: dict[str, Any]) -> None:
    caches = step_using(pr, "actions/cache") + step_using(pr, "actions/cache/restore")
    assert caches
    settings = caches[0]["with"]
    assert settings["path"] == ".cache/advocacy"
    assert ("hashFiles('media/**', 'authors/**', 'site_src/**', 'mkdocs.yml', "
            "'pyproject.toml')") in settings["key"]
    assert settings["restore-keys"].strip()


def test_pr_checks_with_submitter_through_env(pr: dict[str, Any]) -> None:
    checks = [
        (job_id, step) for job_id, step in steps(pr)
        if "advocacy check" in step.get("run", "") and "--format github" in step["run"]
    ]
    assert len(checks) == 1
    job_id, step = checks[0]
    script = step["run"]
    assert "--changed-since" in script
    assert "--submitter" in script
    assert "continue-on-error" not in step, "a failing check must fail the job"
    assert "if" not in step, "the check runs whenever the job gets that far"
    env = {**pr.get("env", {}), **pr["jobs"][job_id].get("env", {}), **step.get("env", {})}
    login = [name for name, value in env.items() if "pull_request.user.login" in str(value)]
    assert login and f"${login[0]}" in script


def test_pr_writes_full_list_and_review_to_the_summary(pr: dict[str, Any]) -> None:
    summary = [step for _, step in steps(pr) if "$GITHUB_STEP_SUMMARY" in step.get("run", "")]
    markdown = [step for step in summary if "--format markdown" in step["run"]]
    review = [step for step in summary if "advocacy review" in step["run"]]
    assert markdown and review
    for step in (*markdown, *review):
        assert "always()" in str(step.get("if", "")), "the summary must survive a failed check"
    assert "--base" in review[0]["run"] and "--cards" in review[0]["run"]


def test_pr_builds_strict_and_uploads_the_preview(pr: dict[str, Any]) -> None:
    assert any(".venv/bin/mkdocs build --strict" in script for script in runs(pr))
    (upload,) = step_using(pr, "actions/upload-artifact")
    assert upload["with"]["name"] == "site-preview"
    assert upload["with"]["path"].rstrip("/") == "site"


def test_pr_installs_into_a_venv(pr: dict[str, Any]) -> None:
    assert any("python -m venv .venv" in script and "pip install -e ." in script
               for script in runs(pr))


# ---------------------------------------------------------------------------------------
# Publishing


def test_publish_triggers(publish: dict[str, Any]) -> None:
    on = triggers(publish)
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert "workflow_call" in on  # the daily workflow reuses it


def test_publish_serialises_deployments(publish: dict[str, Any]) -> None:
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_publish_checks_before_building(publish: dict[str, Any]) -> None:
    checks = publish["jobs"]["checks"]
    assert WRITE not in permission_values(checks.get("permissions"))
    scripts = [step.get("run", "") for step in checks["steps"]]
    check = next(i for i, s in enumerate(scripts) if "advocacy check" in s)
    build = next(i for i, s in enumerate(scripts) if "mkdocs build --strict" in s)
    assert "--format github" in scripts[check]
    assert check < build
    for step in checks["steps"]:
        assert "continue-on-error" not in step
    (checkout,) = step_using({"jobs": {"checks": checks}}, "actions/checkout")
    assert checkout["with"]["lfs"] is True
    (cache,) = step_using({"jobs": {"checks": checks}}, "actions/cache")  # save + restore
    assert cache["with"]["path"] == ".cache/advocacy"
    assert step_using({"jobs": {"checks": checks}}, "actions/upload-pages-artifact")


def test_publish_deploys_only_after_the_checks(publish: dict[str, Any]) -> None:
    deploy = publish["jobs"]["deploy"]
    needs = deploy["needs"]
    assert "checks" in ([needs] if isinstance(needs, str) else needs)
    assert deploy["permissions"]["pages"] == "write"
    assert deploy["permissions"]["id-token"] == "write"
    assert set(deploy["permissions"]) == {"pages", "id-token"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "steps.deployment.outputs.page_url" in deploy["environment"]["url"]
    assert "always()" not in str(deploy.get("if", ""))
    job = {"jobs": {"deploy": deploy}}
    assert step_using(job, "actions/configure-pages")
    (step,) = step_using(job, "actions/deploy-pages")
    assert step["id"] == "deployment"


# ---------------------------------------------------------------------------------------
# Every day


def test_daily_runs_on_a_schedule(daily: dict[str, Any]) -> None:
    schedule = triggers(daily)["schedule"]
    assert schedule and all(
        len(entry["cron"].split()) == 5 for entry in schedule
    ), "each schedule entry needs a five-field cron"
    assert {"cron": "17 5 * * *"} in schedule


def test_daily_builds_and_deploys_like_publish(daily: dict[str, Any]) -> None:
    reuse = [job for job in daily["jobs"].values() if "uses" in job]
    if reuse:
        (job,) = reuse
        assert job["uses"] == "./.github/workflows/publish.yml"
        assert job["permissions"]["pages"] == "write"
        assert job["permissions"]["id-token"] == "write"
    else:
        assert step_using(daily, "actions/deploy-pages")
    # Waiting on publish.yml's own group from its caller would deadlock.
    assert daily.get("concurrency", {}).get("group") != "pages"


def test_daily_consent_report_updates_one_issue(daily: dict[str, Any]) -> None:
    job = daily["jobs"]["consent-report"]
    assert job["permissions"] == {"issues": "write", "contents": "read"}
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    assert "advocacy consent --within 30 --format markdown > report.md" in scripts
    assert "gh label create consent --force" in scripts
    assert "gh issue list --label consent --state open" in scripts
    assert "gh issue edit" in scripts and "gh issue create" in scripts
    assert '"Consent report"' in scripts
    gh = [step for step in job["steps"] if "gh issue" in step.get("run", "")]
    assert gh[0]["env"]["GH_TOKEN"] == "${{ github.token }}"


# ---------------------------------------------------------------------------------------
# Code owners


def codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        assert owners, f"CODEOWNERS: '{line}' has no owner"
        for owner in owners:
            assert re.match(r"^@[\w.-]+(/[\w.-]+)?$|^[^@\s]+@[^@\s]+$", owner), owner
        rules.append((pattern, owners))
    return rules


def owners_of(path: str) -> list[str]:
    """The owners of ``path``: the last matching rule (only the forms this file uses)."""
    owners: list[str] = []
    for pattern, rule_owners in codeowners():
        if pattern == "*":
            matched = True
        elif pattern.endswith("/"):
            matched = ("/" + path).startswith(pattern)
        else:
            matched = "/" + path == pattern or ("/" + path).startswith(pattern + "/")
        if matched:
            owners = rule_owners
    return owners


def test_codeowners_catch_all_comes_first() -> None:
    rules = codeowners()
    assert rules[0] == ("*", [MAINTAINERS])
    assert all(pattern.startswith("/") for pattern, _ in rules[1:])
    assert (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").startswith("#")


@pytest.mark.parametrize("path", [
    "site_src/blog/posts/2026/2026-11-20-frokost.md",
    "authors/mette-hansen.yml",
    "media/2026/canteen.jpg",
    "policy.yml",
])
def test_hr_owns_what_is_published_about_people(path: str) -> None:
    assert owners_of(path) == [HR]


@pytest.mark.parametrize("path", [
    "mkdocs.yml", "plugins/advocacy/cli/main.py", ".github/workflows/pr.yml", "site_src/index.md",
])
def test_maintainers_own_everything_else(path: str) -> None:
    assert owners_of(path) == [MAINTAINERS]


# ---------------------------------------------------------------------------------------
# Issue forms and the pull request template

FORM_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def form_files() -> list[Path]:
    return sorted(path for path in FORMS.glob("*.yml") if path.name != "config.yml")


def test_both_issue_forms_exist() -> None:
    names = {path.name for path in form_files()}
    assert {"propose-a-story.yml", "withdraw-consent.yml"} <= names


@pytest.mark.parametrize("path", form_files(), ids=lambda path: path.name)
def test_issue_form_is_well_formed(path: Path) -> None:
    form = load(path)
    for key in ("name", "description", "body"):
        assert form.get(key), f"{path.name}: '{key}' missing"
    ids, labels = set(), set()
    for element in form["body"]:
        assert element["type"] in FORM_TYPES, element
        attributes = element["attributes"]
        if element["type"] == "markdown":
            assert attributes["value"].strip()
            continue
        assert element.get("id"), f"{path.name}: {element['type']} without id"
        assert attributes.get("label"), f"{path.name}: {element['id']} without label"
        assert element["id"] not in ids and attributes["label"] not in labels
        ids.add(element["id"])
        labels.add(attributes["label"])
        assert " / " in attributes["label"] or element["id"] == "language", (
            f"{path.name}: label of {element['id']} is not bilingual"
        )
        if element["type"] in ("dropdown", "checkboxes"):
            assert attributes["options"]
        if element["type"] == "checkboxes":
            assert all(option["label"] for option in attributes["options"])
    assert any(
        element.get("validations", {}).get("required") is True
        or any(option.get("required") for option in element["attributes"].get("options", [])
               if isinstance(option, dict))
        for element in form["body"]
    ), f"{path.name}: nothing is required"


def test_propose_a_story_asks_what_hr_needs() -> None:
    form = load(FORMS / "propose-a-story.yml")
    elements = {element.get("id"): element for element in form["body"]}
    assert elements["title"]["validations"]["required"] is True
    assert len(elements["story-type"]["attributes"]["options"]) == 9
    assert elements["language"]["attributes"]["options"] == ["Dansk", "English"]
    assert {"people", "media"} <= set(elements)
    (policy,) = elements["policy"]["attributes"]["options"]
    assert "SoMe" in policy["label"] and policy["required"] is True


def test_withdraw_consent_promises_and_protects() -> None:
    form = load(FORMS / "withdraw-consent.yml")
    elements = {element.get("id"): element for element in form["body"]}
    assert len(elements["what"]["attributes"]["options"]) == 3
    assert elements["what"]["validations"]["required"] is True
    assert elements["post"]["validations"]["required"] is False
    text = " ".join(e["attributes"]["value"] for e in form["body"] if e["type"] == "markdown")
    assert "2 working days" in text and "mailto:" in text
    # "consent" is reserved for the daily report's single issue, which the workflow edits.
    labels = form.get("labels", [])
    assert "consent" not in ([labels] if isinstance(labels, str) else labels)


def test_issue_template_config() -> None:
    config = load(FORMS / "config.yml")
    assert config["blank_issues_enabled"] is False
    urls = [link["url"] for link in config["contact_links"]]
    assert "https://careers.kystlinje.example/some-policy/" in urls
    for link in config["contact_links"]:
        assert link["name"] and link["about"]


def test_pull_request_template_checklist() -> None:
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    assert "What is this story about?" in text
    assert text.count("- [ ]") >= 6
    for needle in ("people:", "share", "alt"):
        assert needle in text
    assert text.index("Tjekliste") < text.index("Checklist")
