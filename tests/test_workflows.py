"""The GitHub side of the kit: workflows, code owners, issue forms and the PR template.

These files are not run here; the tests read them and check what keeps the kit safe: pull
requests run with a read-only token and no secret but HR's private confidential terms (which
a fork never gets, and publishing requires), and are judged by the base branch's code,
never their own; untrusted values never reach a shell directly; every action is pinned; no
cache committed to the repository or written by a pull request is ever used; what has an
error is held back while the rest (and every take-down) is still published, and the run then
turns red; HR owns what is published about people; and nobody has to withdraw consent in a
public issue.
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
    r"github\.event\.(pull_request|issue|comment|review|review_comment|head_commit|commits|pages"
    r"|workflow_run)"
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


def job_steps(workflow: dict[str, Any], job_id: str) -> list[dict[str, Any]]:
    return workflow["jobs"][job_id].get("steps", [])


def is_checkout(step: dict[str, Any]) -> bool:
    return step.get("uses", "").split("@")[0] == "actions/checkout"


def invokes(script: str, command: str) -> bool:
    """Whether ``script`` runs ``command`` ("advocacy check", "mkdocs build --strict") from a
    virtual environment's bin folder, written ``.venv/bin/advocacy check`` or
    ``"$ADVOCACY_VENV/bin/advocacy" check``."""
    program, _, rest = command.partition(" ")
    return re.search(rf"bin/{re.escape(program)}\"?\s+{re.escape(rest)}", script) is not None


def runs_tools(step: dict[str, Any]) -> bool:
    """A step that runs our checker or MkDocs (and so reads or writes the build cache)."""
    script = step.get("run", "")
    return any(
        invokes(script, command)
        for command in (
            "advocacy check",
            "advocacy review",
            "advocacy consent",
            "advocacy preview",
            "mkdocs build",
        )
    )


def removes(script: str, path: str) -> bool:
    """``rm -rf`` of ``path`` (among other paths) in a script."""
    return any(
        words[:2] == ["rm", "-rf"] and path in words[2:]
        for words in (line.split() for line in script.splitlines())
    )


def env_file_values(step: dict[str, Any]) -> dict[str, str]:
    """What a step writes to $GITHUB_ENV with ``echo "NAME=$VAR" >> "$GITHUB_ENV"``, each
    resolved through the step's own ``env:``."""
    found = {}
    for match in re.finditer(r'echo "(\w+)=\$(\w+)" >> "\$GITHUB_ENV"', step.get("run", "")):
        found[match[1]] = str(step.get("env", {}).get(match[2], ""))
    return found


def secret_names(text: str) -> set[str]:
    return set(re.findall(r"secrets\.(\w+)", text))


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


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_no_job_asks_for_write_all(path: Path) -> None:
    for job_id, job in load(path)["jobs"].items():
        assert "write-all" not in permission_values(job.get("permissions")), job_id


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_every_checkout_keeps_no_credentials(path: Path) -> None:
    workflow = load(path)
    checkouts = [step for _, step in steps(workflow) if is_checkout(step)]
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False, step.get("name")


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_committed_cache_is_removed_right_after_checkout(path: Path) -> None:
    """The step after each checkout of the work tree removes a committed ``.cache`` and puts
    the build cache under the runner's temporary folder, outside the work tree, for every
    step that follows (through $GITHUB_ENV)."""
    workflow = load(path)
    for job_id in workflow["jobs"]:
        job = job_steps(workflow, job_id)
        if not any(runs_tools(step) for step in job):
            continue  # a job that runs none of our tools reads no cache (the comment job)
        for index, step in enumerate(job):
            if not is_checkout(step) or "path" in step.get("with", {}):
                continue
            after = job[index + 1]
            assert removes(after.get("run", ""), ".cache"), (
                f"{path.name}: job {job_id}: the step after checkout must 'rm -rf .cache'"
            )
            cache_dir = env_file_values(after).get("ADVOCACY_CACHE_DIR", "")
            assert cache_dir.startswith("${{ runner.temp }}/"), (
                f"{path.name}: job {job_id}: ADVOCACY_CACHE_DIR must be under runner.temp"
            )


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_the_build_cache_lives_under_runner_temp_everywhere(path: Path) -> None:
    workflow = load(path)
    text = path.read_text(encoding="utf-8")
    assert ".cache/advocacy" not in text  # the old folder inside the work tree
    for job_id in workflow["jobs"]:
        job = job_steps(workflow, job_id)
        tools = [i for i, step in enumerate(job) if runs_tools(step)]
        if not tools:
            continue
        setters = [i for i, step in enumerate(job) if "ADVOCACY_CACHE_DIR" in env_file_values(step)]
        assert setters and setters[0] < tools[0], (
            f"{path.name}: job {job_id} runs a tool before ADVOCACY_CACHE_DIR is set"
        )
        for step in job:
            # Nothing overrides it on the way (a step's env:, or another $GITHUB_ENV line).
            value = step.get("env", {}).get("ADVOCACY_CACHE_DIR")
            assert value is None, f"{path.name}: job {job_id} sets ADVOCACY_CACHE_DIR in env:"
        for _, cache in steps({"jobs": {job_id: workflow["jobs"][job_id]}}):
            if cache.get("uses", "").split("@")[0].startswith("actions/cache"):
                assert cache["with"]["path"] == "${{ runner.temp }}/advocacy-cache"
    for job_id in workflow["jobs"]:
        for step in job_steps(workflow, job_id):
            value = env_file_values(step).get("ADVOCACY_CACHE_DIR")
            assert value in (None, "${{ runner.temp }}/advocacy-cache"), value


CACHE_SECRET = "ADVOCACY_CACHE_SECRET"
TERMS_SECRET = "ADVOCACY_CONFIDENTIAL_TERMS"
REQUIRE_TERMS = "ADVOCACY_REQUIRE_PRIVATE_TERMS"


def secret_ref(name: str) -> str:
    return "${{ secrets." + name + " }}"


def reads_the_repository(step: dict[str, Any]) -> bool:
    """A step that checks or builds (and so reads policy.yml and needs HR's private terms)."""
    script = step.get("run", "")
    commands = ("advocacy check", "advocacy review", "mkdocs build")
    return any(invokes(script, command) for command in commands)


def test_secrets_only_where_needed() -> None:
    """Two secrets: the build cache's key, in the publishing steps that check or build, and
    HR's private confidential terms, in every step that checks or builds (pull requests
    too); handed from daily.yml to publish.yml by name, and nowhere else."""
    for path in workflow_files():
        text = path.read_text(encoding="utf-8")
        assert secret_names(text) <= {CACHE_SECRET, TERMS_SECRET}, path.name
        workflow = load(path)
        for job_id, job in workflow["jobs"].items():
            if "uses" in job:  # a reusable workflow gets secrets by name, never all of them
                assert job.get("secrets", {}) != "inherit", f"{path.name}: {job_id}"
        assert "secrets" not in str(workflow.get("env", {})), f"{path.name}: secret in env:"
        for job_id, job in workflow["jobs"].items():
            assert "secrets" not in str(job.get("env", {})), f"{path.name}: {job_id}: job env"
            for step in job.get("steps", []):
                if "secrets." not in str(step):
                    continue
                assert runs_tools(step), f"{path.name}: {step.get('name')} does not need it"
                assert "uses" not in step and "secrets" not in str(step.get("with", {}))
                for name in secret_names(str(step)):  # each under its own name, in env: only
                    assert step["env"][name] == secret_ref(name), step.get("name")
                assert "secrets" not in step["run"], step.get("name")
    publish = load(WORKFLOWS / "publish.yml")
    used = [job_id for job_id, job in publish["jobs"].items() if "secrets." in str(job)]
    assert used == ["checks"]
    declared = triggers(publish)["workflow_call"]["secrets"]
    assert {name: value["required"] for name, value in declared.items()} == {
        CACHE_SECRET: False,
        TERMS_SECRET: False,  # the check itself says what is missing (REQUIRE_TERMS)
    }
    daily = load(WORKFLOWS / "daily.yml")
    assert "secrets" not in str(daily["jobs"]["consent-report"])
    assert secret_names((WORKFLOWS / "pr.yml").read_text(encoding="utf-8")) == {TERMS_SECRET}


@pytest.mark.parametrize("name", ["pr.yml", "publish.yml"])
def test_every_check_and_build_gets_hrs_private_terms(name: str) -> None:
    """policy.yml's private terms come from ADVOCACY_CONFIDENTIAL_TERMS: every step that
    checks or builds gets the secret in its env:, and no script ever prints or passes it on
    (only the tool reads it from its environment)."""
    workflow = load(WORKFLOWS / name)
    checking = [step for _, step in steps(workflow) if reads_the_repository(step)]
    assert len(checking) >= 3
    for step in checking:
        assert step.get("env", {}).get(TERMS_SECRET) == secret_ref(TERMS_SECRET), step["name"]
    for _, step in steps(workflow):
        assert TERMS_SECRET not in step.get("run", ""), step.get("name")
        if not reads_the_repository(step):
            assert TERMS_SECRET not in str(step.get("env", {})), step.get("name")


def test_publishing_requires_hrs_private_terms(
    publish: dict[str, Any], daily: dict[str, Any], pr: dict[str, Any]
) -> None:
    """Fail closed: publish.yml (and so daily.yml, which runs it) sets
    ADVOCACY_REQUIRE_PRIVATE_TERMS, so a missing secret is an error in policy.yml (nothing is
    published) rather than a check that silently knows no private terms. A pull request
    requires them when it comes from this repository (a fork gets no secret)."""
    assert publish["jobs"]["checks"]["env"][REQUIRE_TERMS] == "1"
    for job_id, job in publish["jobs"].items():
        if job_id != "checks":
            assert REQUIRE_TERMS not in str(job), job_id
    (caller,) = [job for job in daily["jobs"].values() if "uses" in job]
    assert caller["secrets"][TERMS_SECRET] == secret_ref(TERMS_SECRET)
    required = " ".join(pr["jobs"]["check"]["env"][REQUIRE_TERMS].split())
    assert required == (
        "${{ github.event.pull_request.head.repo.full_name == github.repository "
        "&& github.actor != 'dependabot[bot]' && '1' || '' }}"
    )


def test_only_justified_zizmor_suppressions() -> None:
    """zizmor (and check-jsonschema) run clean over the workflows; the audits suppressed are
    the spelling of a same-commit reusable workflow, and the comment job's workflow_run
    trigger (the reason it exists), each with the reason beside it."""
    for path in workflow_files():
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            for audit in re.findall(r"zizmor: ignore\[([\w,\s-]+)\]", line):
                before = "\n".join(lines[max(0, number - 5) : number])
                if audit.strip() == "dangerous-triggers":
                    assert path.name == "pr-comment.yml", f"{path.name}:{number + 1}"
                    assert line.strip().startswith("workflow_run:")
                    assert "read-only token" in before, "say why"
                    continue
                assert audit.strip() == "self-repository", f"{path.name}:{number + 1}"
                assert "uses: ./.github/workflows/" in line
                assert "$/" in before, "say why"


# ---------------------------------------------------------------------------------------
# Pull requests


def test_pr_runs_on_pull_request_only(pr: dict[str, Any]) -> None:
    assert set(triggers(pr)) == {"pull_request"}


def test_pr_uses_no_secret_but_hrs_private_terms(pr: dict[str, Any]) -> None:
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    assert secret_names(text) == {TERMS_SECRET}  # ${{ secrets.X }}: a fork gets none
    assert "secrets:" not in text  # passing secrets to a reusable workflow
    assert "secrets" not in str(pr).replace(secret_ref(TERMS_SECRET), "")


def test_pr_token_is_read_only(pr: dict[str, Any]) -> None:
    assert pr["permissions"] == {"contents": "read"}
    for job_id, job in pr["jobs"].items():
        values = permission_values(job.get("permissions"))
        assert WRITE not in values and "write-all" not in values, f"job {job_id} asks for write"


def test_pr_checks_out_full_history_and_lfs(pr: dict[str, Any]) -> None:
    (checkout,) = [
        step for step in step_using(pr, "actions/checkout") if "path" not in step["with"]
    ]
    assert checkout["with"]["fetch-depth"] == 0
    assert checkout["with"]["lfs"] is True
    assert "ref" not in checkout["with"]  # the pull request's merge commit


def test_pr_sets_up_python_311_with_pip_cache(pr: dict[str, Any]) -> None:
    (python,) = step_using(pr, "actions/setup-python")
    assert str(python["with"]["python-version"]) == "3.11"
    assert python["with"]["cache"] == "pip"


def test_pr_restores_no_build_cache(pr: dict[str, Any]) -> None:
    """A pull request neither reads nor writes a cache that decides what is published; pip's
    download cache (setup-python's) is the only one."""
    for _, step in steps(pr):
        action = step.get("uses", "").split("@")[0]
        assert not action.startswith("actions/cache"), f"{step.get('name')}: no build cache"
    assert "advocacy-${{ runner.os }}" not in str(pr)  # the publishing cache's key
    assert "ADVOCACY_CACHE_SECRET" not in str(pr)
    for step in step_using(pr, "actions/setup-python"):
        assert step["with"]["cache"] == "pip"


def test_pr_checks_with_submitter_through_env(pr: dict[str, Any]) -> None:
    checks = [
        (job_id, step)
        for job_id, step in steps(pr)
        if invokes(step.get("run", ""), "advocacy check") and "--format github" in step["run"]
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
    review = [step for step in summary if invokes(step["run"], "advocacy review")]
    assert markdown and review
    for step in (*markdown, *review):
        assert "always()" in str(step.get("if", "")), "the summary must survive a failed check"
    assert "--base" in review[0]["run"] and "--cards" in review[0]["run"]


def test_pr_builds_strict_and_uploads_the_preview(pr: dict[str, Any]) -> None:
    """The site is built strictly, made to work from a downloaded folder (``advocacy
    preview``, after the build and only when it succeeded), and uploaded."""
    assert any(invokes(script, "mkdocs build --strict") for script in runs(pr))
    assert not any(invokes(script, "mkdocs build --no-strict") for script in runs(pr))
    assert "ADVOCACY_ON_ERROR" not in (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    uploads = {step["with"]["name"]: step for step in step_using(pr, "actions/upload-artifact")}
    assert set(uploads) == {"site-preview", "pr-review"}
    upload = uploads["site-preview"]
    assert upload["with"]["path"].rstrip("/") == "site"
    job = job_steps(pr, "check")
    (build,) = [s for s in job if invokes(s.get("run", ""), "mkdocs build --strict")]
    (preview,) = [s for s in job if invokes(s.get("run", ""), "advocacy preview")]
    assert job.index(build) < job.index(preview) < job.index(upload)
    assert '"$ADVOCACY_VENV/bin/advocacy" preview site || status=$?' in preview["run"]
    assert preview["if"] == f"steps.{build['id']}.outcome == 'success'"
    assert f"steps.{preview['id']}.outcome == 'success'" in upload["if"]


def test_pr_hands_the_review_to_the_comment_job(pr: dict[str, Any]) -> None:
    """The review step writes the comment-sized review and the pull request's number (from
    env:, never inside run:) into a folder under runner.temp, uploaded as "pr-review" even
    when the check failed (a blocked pull request needs its review most)."""
    job = job_steps(pr, "check")
    (review,) = [s for s in job if invokes(s.get("run", ""), "advocacy review")]
    env = review["env"]
    assert env["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    assert env["SUBMITTER"] == "${{ github.event.pull_request.user.login }}"
    assert env["REVIEW_DIR"] == "${{ runner.temp }}/pr-review"
    assert env["LINK_BASE"].endswith("/blob/${{ github.event.pull_request.head.sha }}/")
    script = review["run"]
    for option in (
        '--submitter "$SUBMITTER"',
        '--link-base "$LINK_BASE"',
        '--comment "$REVIEW_DIR/comment.md"',
        '>> "$GITHUB_STEP_SUMMARY"',
    ):
        assert option in script
    assert '"$PR_NUMBER" > "$REVIEW_DIR/pr-number"' in script
    (upload,) = [
        s for s in step_using(pr, "actions/upload-artifact") if s["with"]["name"] == "pr-review"
    ]
    assert upload["with"]["path"].rstrip("/") == env["REVIEW_DIR"]
    assert upload["if"] == f"always() && steps.{review['id']}.outcome == 'success'"
    assert job.index(review) < job.index(upload)


def base_checkout(pr: dict[str, Any]) -> tuple[str, int, dict[str, Any]]:
    """The job, position and step of the base branch's checkout (the one with a path)."""
    found = [
        (job_id, index, step)
        for job_id in pr["jobs"]
        for index, step in enumerate(job_steps(pr, job_id))
        if is_checkout(step) and "path" in step.get("with", {})
    ]
    assert len(found) == 1, "one checkout of the base branch, into a folder of its own"
    return found[0]


def test_pr_checks_out_the_base_branchs_code_separately(pr: dict[str, Any]) -> None:
    job_id, index, step = base_checkout(pr)
    settings = step["with"]
    assert settings["ref"] == "${{ github.base_ref }}"
    assert settings["persist-credentials"] is False
    assert not settings.get("lfs") and not settings.get("fetch-depth")  # code only
    job = job_steps(pr, job_id)
    pr_checkout = next(i for i, s in enumerate(job) if is_checkout(s) and "path" not in s["with"])
    assert pr_checkout < index, "the pull request's checkout would clean the base folder away"
    # Whatever the pull request committed at that path is removed before the base goes there.
    assert any(removes(s.get("run", ""), settings["path"]) for s in job[pr_checkout:index])


def test_pr_installs_the_checker_from_the_base_checkout(pr: dict[str, Any]) -> None:
    """The pull request's plugins/ and pyproject.toml never run: the checker is installed
    (not editable) from the base checkout into a venv under runner.temp, with the base
    checkout as the current folder, and every tool runs from that venv."""
    job_id, index, checkout = base_checkout(pr)
    base = checkout["with"]["path"]
    job = job_steps(pr, job_id)
    venv = {name: value for step in job for name, value in env_file_values(step).items()}
    assert venv["ADVOCACY_VENV"].startswith("${{ runner.temp }}/")
    installs = [(i, s) for i, s in enumerate(job) if "pip install" in s.get("run", "")]
    assert len(installs) == 1
    position, install = installs[0]
    script = install["run"]
    assert position > index
    assert re.search(rf"\(cd {re.escape(base)} && python -m venv \"\$ADVOCACY_VENV\"", script)
    assert '"$ADVOCACY_VENV/bin/python" -m pip install .)' in script
    assert "install -e" not in script and "--editable" not in script
    assert install.get("working-directory") in (None, ".")
    tools = [i for i, s in enumerate(job) if runs_tools(s)]
    assert tools and min(tools) > position
    for i in tools:
        assert '"$ADVOCACY_VENV/bin/' in job[i]["run"] and ".venv/bin" not in job[i]["run"]


def test_pr_never_installs_or_imports_the_pull_requests_code(pr: dict[str, Any]) -> None:
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    for script in runs(pr):
        assert "pip install -e" not in script and "--editable" not in script
        assert ".venv/bin" not in script and "python -m venv .venv" not in script
        # `python -m` imports from the current folder: only ever with the base checkout there.
        for line in script.splitlines():
            if re.search(r"(^|[\s(])python3? -m ", line):
                assert line.strip().startswith("(cd .advocacy-base &&"), line
    assert "working-directory" not in text


def test_pr_uses_the_base_branchs_mkdocs_yml(pr: dict[str, Any]) -> None:
    """MkDocs' loader runs Python from mkdocs.yml (and it names hooks and templates): the
    base branch's replaces the pull request's, and the base checkout is gone before any
    tool reads the work tree."""
    job_id, _, checkout = base_checkout(pr)
    base = checkout["with"]["path"]
    (install,) = [s for s in job_steps(pr, job_id) if "pip install" in s.get("run", "")]
    lines = [line.strip() for line in install["run"].splitlines()]
    unlink = lines.index("rm -f mkdocs.yml")
    copy = lines.index(f"cp {base}/mkdocs.yml mkdocs.yml")
    gone = lines.index(f"rm -rf {base}")
    assert unlink < copy < gone  # a symbolic link is removed, not written through
    assert any(f"cmp -s mkdocs.yml {base}/mkdocs.yml" in line for line in lines[:unlink])
    assert "::warning file=mkdocs.yml::" in install["run"]
    # Every later step that runs even after a failure still needs that step to have run.
    job = job_steps(pr, job_id)
    for step in job[job.index(install) + 1 :]:
        if "always()" in str(step.get("if", "")) and runs_tools(step):
            assert f"steps.{install['id']}.outcome == 'success'" in step["if"]


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
    check = next(i for i, s in enumerate(scripts) if invokes(s, "advocacy check"))
    build = next(i for i, s in enumerate(scripts) if invokes(s, "mkdocs build --strict"))
    assert "--format github" in scripts[check]
    assert check < build
    # Only the strict build may fail without failing the job: the hold-mode build follows it.
    for step in checks["steps"]:
        if "continue-on-error" in step:
            assert invokes(step["run"], "mkdocs build --strict")
            assert step["continue-on-error"] is True
    (checkout,) = step_using({"jobs": {"checks": checks}}, "actions/checkout")
    assert checkout["with"]["lfs"] is True
    (cache,) = step_using({"jobs": {"checks": checks}}, "actions/cache")  # save + restore
    assert cache["with"]["path"] == "${{ runner.temp }}/advocacy-cache"
    assert (
        "hashFiles('media/**', 'authors/**', 'site_src/**', 'mkdocs.yml', 'pyproject.toml')"
    ) in cache["with"]["key"]
    assert cache["with"]["restore-keys"].strip()
    assert step_using({"jobs": {"checks": checks}}, "actions/upload-pages-artifact")


def test_publish_check_annotates_but_never_stops_the_deployment(publish: dict[str, Any]) -> None:
    """The strict build fails on the same errors; the check step only reports, and hands its
    exit status on, so that the hold-mode build still gets to run."""
    (check,) = [
        s
        for s in job_steps(publish, "checks")
        if invokes(s.get("run", ""), "advocacy check") and "--format github" in s["run"]
    ]
    script = check["run"]
    assert "continue-on-error" not in check and "if" not in check
    assert (
        '.venv/bin/advocacy check --format github 2> "$RUNNER_TEMP/check.log" || status=$?'
    ) in script
    assert 'echo "status=$status" >> "$GITHUB_OUTPUT"' in script
    assert "exit" not in script
    assert "--format markdown" in script and "$GITHUB_STEP_SUMMARY" in script
    outputs = publish["jobs"]["checks"]["outputs"]
    assert outputs["check"] == f"${{{{ steps.{check['id']}.outputs.status }}}}"


def test_publish_falls_back_to_hold_mode(publish: dict[str, Any]) -> None:
    """Strict first; when that fails, build again with ADVOCACY_ON_ERROR=hold (not strict:
    the held errors are logged as warnings) into an empty site folder, and upload that."""
    job = job_steps(publish, "checks")
    (strict,) = [s for s in job if invokes(s.get("run", ""), "mkdocs build --strict")]
    at = job.index(strict)
    hold = job[at + 1]
    assert strict["continue-on-error"] is True and "if" not in strict
    assert hold["if"] == f"steps.{strict['id']}.outcome == 'failure'"
    assert hold["env"]["ADVOCACY_ON_ERROR"] == "hold"
    assert "ADVOCACY_ON_ERROR" not in str(strict)
    lines = [line.strip() for line in hold["run"].splitlines()]
    assert lines.index("rm -rf site") < lines.index(
        ".venv/bin/mkdocs build --no-strict || status=$?"
    )
    assert "$GITHUB_STEP_SUMMARY" in hold["run"]
    (upload,) = [s for s in job if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert job.index(upload) > at + 1 and "if" not in upload  # whichever build made the site
    outputs = publish["jobs"]["checks"]["outputs"]
    assert outputs["held"] == f"${{{{ steps.{strict['id']}.outcome == 'failure' }}}}"


def test_publish_turns_the_run_red_after_deploying_held_content(publish: dict[str, Any]) -> None:
    """Withdrawn content goes down, and the team still sees red: a job after the deployment
    fails when anything was held back (or the check failed)."""
    (job_id,) = [
        job_id
        for job_id, job in publish["jobs"].items()
        if set(job.get("needs", [])) == {"checks", "deploy"}
    ]
    job = publish["jobs"][job_id]
    condition = " ".join(job["if"].split())
    assert condition.startswith("always() && needs.checks.result == 'success'")
    assert "needs.checks.outputs.held != 'false'" in condition  # anything but "false" fails
    assert "needs.checks.outputs.check != '0'" in condition
    assert job["permissions"] == {}
    (step,) = job["steps"]
    assert "uses" not in step
    assert step["run"].rstrip().endswith("exit 1")
    assert "::error" in step["run"]
    assert set(step["env"]) >= {"HELD", "CHECK"}
    # The deployment itself still happens whatever the strict build said.
    deploy = publish["jobs"]["deploy"]
    assert "held" not in str(deploy.get("if", "")) and deploy["needs"] == "checks"


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
    assert schedule and all(len(entry["cron"].split()) == 5 for entry in schedule), (
        "each schedule entry needs a five-field cron"
    )
    assert {"cron": "17 5 * * *"} in schedule


def test_daily_builds_and_deploys_like_publish(daily: dict[str, Any]) -> None:
    reuse = [job for job in daily["jobs"].values() if "uses" in job]
    if reuse:
        (job,) = reuse
        assert job["uses"] == "./.github/workflows/publish.yml"
        assert job["permissions"]["pages"] == "write"
        assert job["permissions"]["id-token"] == "write"
        assert job["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
        # The build cache's key reaches the called workflow, by name and nothing else.
        assert job["secrets"] == {name: secret_ref(name) for name in (CACHE_SECRET, TERMS_SECRET)}
    else:
        assert step_using(daily, "actions/deploy-pages")
    # Waiting on publish.yml's own group from its caller would deadlock.
    assert daily.get("concurrency", {}).get("group") != "pages"


def test_daily_consent_report_updates_one_issue(daily: dict[str, Any]) -> None:
    job = daily["jobs"]["consent-report"]
    assert job["permissions"] == {"issues": "write", "contents": "read"}
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    # Counts only: the issue is public when the repository is, and must name nobody.
    assert "advocacy consent --within 30 --format markdown --anonymous > report.md" in scripts
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


@pytest.mark.parametrize(
    "path",
    [
        "site_src/blog/posts/2026/2026-11-20-frokost.md",
        "authors/mette-hansen.yml",
        "media/2026/canteen.jpg",
        "media/brand/hero.jpg",
        "policy.yml",
        "site_src/index.md",
        "site_src/en/how-we-hire.md",
        "teams.yml",
    ],
)
def test_hr_owns_what_is_published_about_people(path: str) -> None:
    assert owners_of(path) == [HR]


@pytest.mark.parametrize(
    "path",
    [
        "mkdocs.yml",
        "plugins/advocacy/cli/main.py",
        ".github/workflows/pr.yml",
        "pyproject.toml",
        ".github/CODEOWNERS",
    ],
)
def test_maintainers_own_everything_else(path: str) -> None:
    assert owners_of(path) == [MAINTAINERS]


# ---------------------------------------------------------------------------------------
# Issue forms and the pull request template

FORM_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def form_files() -> list[Path]:
    return sorted(path for path in FORMS.glob("*.yml") if path.name != "config.yml")


def test_the_story_form_exists() -> None:
    assert "propose-a-story.yml" in {path.name for path in form_files()}


def test_withdrawal_needs_no_public_issue() -> None:
    """An issue can be public and would name the person: there is no withdrawal form, and
    nothing in .github/ points to one. The issue chooser sends people to the policy page,
    which gives HR's address."""
    assert not (FORMS / "withdraw-consent.yml").exists()
    for path in form_files():
        form = load(path)
        text = f"{path.name} {form.get('name', '')} {form.get('labels', '')}".lower()
        assert "withdraw" not in text and "samtykke" not in text, path.name
    for path in GITHUB.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "withdraw-consent" not in text and "consent-withdrawal" not in text, path
    links = load(FORMS / "config.yml")["contact_links"]
    (withdraw,) = [link for link in links if "Withdraw consent" in link["name"]]
    assert withdraw["url"].startswith("https://careers.kystlinje.example/some-policy/")
    assert "/issues" not in withdraw["url"] and "HR" in withdraw["about"]


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
        or any(
            option.get("required")
            for option in element["attributes"].get("options", [])
            if isinstance(option, dict)
        )
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


# ---------------------------------------------------------------------------------------
# The review comment (workflow_run)


@pytest.fixture(scope="module")
def comment() -> dict[str, Any]:
    return load(WORKFLOWS / "pr-comment.yml")


def _comment_script() -> str:
    return (ROOT / "tools" / "pr_comment.py").read_text(encoding="utf-8")


def test_comment_runs_after_the_pull_request_workflow(
    comment: dict[str, Any], pr: dict[str, Any]
) -> None:
    on = triggers(comment)
    assert set(on) == {"workflow_run"}
    assert on["workflow_run"] == {"workflows": [pr["name"]], "types": ["completed"]}
    (job,) = comment["jobs"].values()
    condition = " ".join(job["if"].split())
    assert "github.event.workflow_run.event == 'pull_request'" in condition
    assert "conclusion != 'cancelled'" in condition
    assert "success" not in condition  # a blocked pull request gets its review too


def test_comment_job_has_the_least_permissions(comment: dict[str, Any]) -> None:
    assert comment["permissions"] == {"contents": "read"}
    (job,) = comment["jobs"].values()
    assert job["permissions"] == {"contents": "read", "actions": "read", "pull-requests": "write"}
    assert "secrets." not in (WORKFLOWS / "pr-comment.yml").read_text(encoding="utf-8")


def test_comment_job_runs_none_of_the_pull_requests_code(comment: dict[str, Any]) -> None:
    """One checkout, of the default branch (no ref, no repository: the workflow_run's own
    commit), of the comment script alone; the one command is that script, with the standard
    library's Python; the triggering run's values come through env:."""
    (job,) = comment["jobs"].values()
    (checkout,) = [s for s in job["steps"] if is_checkout(s)]
    settings = checkout["with"]
    assert "ref" not in settings and "repository" not in settings
    assert settings["persist-credentials"] is False
    assert settings["sparse-checkout"].strip() == "tools/pr_comment.py"
    assert settings["sparse-checkout-cone-mode"] is False
    (step,) = [s for s in job["steps"] if "run" in s]
    assert step["run"].strip() == "python3 tools/pr_comment.py"
    assert step["env"] == {
        "GITHUB_TOKEN": "${{ github.token }}",
        "RUN_ID": "${{ github.event.workflow_run.id }}",
        "HEAD_SHA": "${{ github.event.workflow_run.head_sha }}",
        "RUN_URL": "${{ github.event.workflow_run.html_url }}",
    }
    assert [s.get("uses", "").split("@")[0] for s in job["steps"] if "uses" in s] == [
        "actions/checkout"
    ]
    text = (WORKFLOWS / "pr-comment.yml").read_text(encoding="utf-8")
    assert "head_branch" not in text and "pip install" not in text


def test_comment_script_uses_the_standard_library_only() -> None:
    import ast
    import sys

    tree = ast.parse(_comment_script())
    modules = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    modules |= {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert modules <= set(sys.stdlib_module_names) | {"__future__"}, modules


def test_comment_script_and_pr_workflow_agree_on_the_artifact(pr: dict[str, Any]) -> None:
    script = _comment_script()
    (upload,) = [
        s for s in step_using(pr, "actions/upload-artifact") if s["with"]["name"] == "pr-review"
    ]
    assert f'ARTIFACT = "{upload["with"]["name"]}"' in script
    assert '("pr-number", "comment.md")' in script


STOP = re.compile(r'^token="\$\(od -An -N16 -tx1 /dev/urandom \| tr -d \' \\n\'\)"$')


def _quiet_spans(script: str) -> list[tuple[int, int]]:
    """The line ranges of ``script`` run with workflow commands stopped: from
    ``echo "::stop-commands::$token"`` (after ``exec 2>&1`` and a random token) to
    ``echo "::$token::"``."""
    lines = [line.strip() for line in script.splitlines()]
    spans, start = [], None
    for at, line in enumerate(lines):
        if line == 'echo "::stop-commands::$token"':
            assert at > 1 and STOP.match(lines[at - 1]), "a random token, made just before"
            # stderr into stdout first: in two streams, what the tool wrote last to stderr
            # could reach the log after the resume.
            assert lines[at - 2].startswith("exec 2>&1"), lines[at - 2]
            start = at
        elif line == 'echo "::$token::"':
            assert start is not None
            spans.append((start, at))
            start = None
    assert start is None, "workflow commands are resumed in the same step"
    return spans


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_the_repositorys_content_never_speaks_to_the_runner(path: Path) -> None:
    """Every command that reads the repository's files (the checker, MkDocs) runs with
    workflow commands stopped, or (the check's annotations) sends only its standard output
    to the log, with everything else it says shown with commands stopped. A file name with a
    line break and "::error ...::" is then text in the log, never an annotation."""
    commands = ("advocacy check", "advocacy review", "advocacy consent", "advocacy preview")
    for _, step in steps(load(path)):
        script = step.get("run", "")
        lines = [line.strip() for line in script.splitlines()]
        spans = _quiet_spans(script)
        for at, line in enumerate(lines):
            if not any(invokes(line, c) for c in commands) and "bin/mkdocs" not in line:
                continue
            quiet = any(start < at < end for start, end in spans)
            annotations = "--format github" in " ".join(lines[at : at + 4])
            if annotations:
                assert not quiet, "annotations need workflow commands"
                log = '2> "$RUNNER_TEMP/check.log"'
                assert log in " ".join(lines[at : at + 4]), (path.name, line)
                shown = lines.index('cat "$RUNNER_TEMP/check.log"')
                assert any(start < shown < end for start, end in spans), path.name
            else:
                assert quiet, (path.name, step.get("name"), line)
