"""The pull-request comment: one comment with HR's review, created once and then updated in
place, posted by ``tools/pr_comment.py`` from the ``workflow_run`` job.

The script talks to GitHub's REST API through an opener; here the opener replays a recorded
exchange (``tests/golden/pr_comment/update-in-place.json``) and fails on any request that
differs from the recording, so nothing reaches the network.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
RECORDED = Path(__file__).parent / "golden" / "pr_comment" / "update-in-place.json"
REVIEW = "## Review for HR\n\n**Verdict: ✅ ready**: nothing blocks publication.\n"


def _load() -> Any:
    spec = importlib.util.spec_from_file_location("pr_comment", ROOT / "tools/pr_comment.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["pr_comment"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


pr_comment = _load()


def artifact(number: str = "42", comment: str = REVIEW) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("pr-number", number + "\n")
        archive.writestr("comment.md", comment)
    return out.getvalue()


class _Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self._body = status, headers, body

    def read(self) -> bytes:
        return self._body

    def __enter__(self) -> _Response:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class Replay:
    """An opener that answers from a recording, in order, checking each request."""

    def __init__(self, exchange: list[dict[str, Any]], zip_body: bytes) -> None:
        self.exchange, self.zip_body, self.sent = list(exchange), zip_body, []

    def __call__(self, request: urllib.request.Request) -> _Response:
        assert self.exchange, f"unexpected request: {request.get_method()} {request.full_url}"
        step = self.exchange.pop(0)
        want, answer = step["request"], step["response"]
        assert (request.get_method(), request.full_url) == (want["method"], want["url"])
        auth = request.get_header("Authorization")
        assert (auth == "Bearer ghs_test-token") if want["token"] else auth is None, (
            f"{want['url']}: the token goes to GitHub's API and nowhere else"
        )
        body = json.loads(request.data) if request.data else None
        self.sent.append((request.get_method(), request.full_url, body))
        if "json" in want:
            assert body is not None and set(body) == set(want["json"])
        status, headers = answer["status"], answer["headers"]
        if status in (301, 302, 303, 307, 308):  # the script follows no redirect itself
            raise urllib.error.HTTPError(request.full_url, status, "Found", headers, None)
        if "json" in answer:
            data = json.dumps(answer["json"]).encode()
        elif answer.get("body") == "$ARTIFACT_ZIP":
            data = self.zip_body
        else:
            data = answer.get("text", "").encode()
        return _Response(status, headers, data)


def recording() -> dict[str, Any]:
    return json.loads(RECORDED.read_text("utf-8"))


def replay(record: dict[str, Any], zip_body: bytes) -> tuple[int, Replay]:
    opener = Replay(record["exchange"], zip_body)
    status = pr_comment.main(record["environ"], opener)
    return status, opener


def test_the_review_comment_is_updated_in_place() -> None:
    """The bot's comment with the marker is edited; a reviewer's comment quoting the marker
    is left alone; the token never goes to the artifact's signed address."""
    status, opener = replay(recording(), artifact())
    assert status == 0 and opener.exchange == []
    method, url, body = opener.sent[-1]
    assert (method, url) == (
        "PATCH",
        "https://api.github.com/repos/kystlinje/careers/issues/comments/5002",
    )
    assert body["body"] == (
        "<!-- advocacy-review -->\n" + REVIEW + "\n---\n_Opdateret for / updated for 9f1c2ab: "
        "https://github.com/kystlinje/careers/actions/runs/11223344_\n"
    )


def test_the_first_review_creates_the_comment() -> None:
    record = recording()
    steps = record["exchange"]
    steps[5]["response"]["json"] = steps[5]["response"]["json"][:1]  # only the reviewer's
    steps[6] = {
        "request": {
            "method": "POST",
            "url": "https://api.github.com/repos/kystlinje/careers/issues/42/comments",
            "token": True,
            "json": {"body": "$COMMENT"},
        },
        "response": {"status": 201, "headers": {}, "json": {"id": 6001}},
    }
    status, opener = replay(record, artifact())
    assert status == 0 and opener.exchange == []
    assert opener.sent[-1][2]["body"].startswith("<!-- advocacy-review -->\n## Review for HR")


def test_a_pull_request_that_changes_the_workflows_gets_a_warning() -> None:
    record = recording()
    record["exchange"][4]["response"]["json"].append({"filename": ".github/workflows/pr.yml"})
    status, opener = replay(record, artifact())
    assert status == 0
    assert "[!WARNING]" in opener.sent[-1][2]["body"].split("## Review for HR")[0]


def test_an_untrusted_review_is_quoted_as_text() -> None:
    """When the pull request's own workflow may have made the review, nothing in it may
    notify people, reference other issues or link: it is one code block."""
    record = recording()
    record["exchange"][4]["response"]["json"].append({"filename": ".github/workflows/pr.yml"})
    forged = "## Review for HR\n\nApproved by @kystlinje/hr, see kystlinje/careers#1 ```\n"
    status, opener = replay(record, artifact(comment=forged))
    body = opener.sent[-1][2]["body"]
    assert status == 0
    assert body.split("\n\n", 1)[1].startswith("````text\n## Review for HR\n")
    assert "```\n````\n" in body


def test_more_files_than_github_lists_count_as_untrusted() -> None:
    """GitHub lists at most 3,000 files of a pull request: a change to .github/ could hide
    beyond them."""
    record = recording()
    pull = next(s for s in record["exchange"] if s["request"]["url"].endswith("/pulls/42"))
    pull["response"]["json"]["changed_files"] = 5000
    status, opener = replay(record, artifact())
    assert status == 0
    assert "[!WARNING]" in opener.sent[-1][2]["body"]


@pytest.mark.parametrize("number", ["42; rm -rf /", "0", "-1", "", "42\n43", "１２"])
def test_the_number_in_the_artifact_must_be_a_number(number: str) -> None:
    record = recording()
    record["exchange"] = record["exchange"][:3]
    status, opener = replay(record, artifact(number))
    assert status == 1 and opener.exchange == []  # nothing after the download


def test_an_artifact_naming_another_pull_request_is_not_posted() -> None:
    """The run checked 9f1c2ab; pull request 7 is at another commit: no comment."""
    record = recording()
    record["exchange"] = record["exchange"][:4]
    record["exchange"][3]["request"]["url"] = record["exchange"][3]["request"]["url"].replace(
        "/42", "/7"
    )
    pull = record["exchange"][3]["response"]["json"]
    pull["head"]["sha"] = "2" * 40
    status, opener = replay(record, artifact("7"))
    assert status == 0 and opener.exchange == []
    assert all(method == "GET" for method, _, _ in opener.sent)


def test_no_artifact_means_nothing_to_do() -> None:
    record = recording()
    record["exchange"] = record["exchange"][:1]
    record["exchange"][0]["response"]["json"] = {"total_count": 0, "artifacts": []}
    status, opener = replay(record, b"")
    assert status == 0 and len(opener.sent) == 1


def test_a_review_too_long_for_a_comment_points_to_the_job_summary() -> None:
    status, opener = replay(recording(), artifact(comment="x" * 70_000))
    body = opener.sent[-1][2]["body"]
    assert status == 0 and len(body) < 1000
    assert "https://github.com/kystlinje/careers/actions/runs/11223344" in body


def _without_comment() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("pr-number", "42\n")
        archive.writestr("../../comment.md", "written outside, if anything extracted it")
    return out.getvalue()


@pytest.mark.parametrize("bad", [b"not a zip", _without_comment()])
def test_a_broken_artifact_fails_cleanly(bad: bytes) -> None:
    """Nothing is extracted to the disk; only the two files are read, in memory."""
    record = recording()
    record["exchange"] = record["exchange"][:3]
    status, opener = replay(record, bad)
    assert status == 1 and opener.exchange == []


def test_settings_are_checked_before_anything_is_sent() -> None:
    environ = copy.deepcopy(recording()["environ"])
    environ["HEAD_SHA"] = "main"
    assert pr_comment.main(environ, Replay([], b"")) == 1
    environ = copy.deepcopy(recording()["environ"])
    environ["RUN_URL"] = "javascript:alert(1)"
    assert pr_comment.main(environ, Replay([], b"")) == 1
