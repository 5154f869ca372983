#!/usr/bin/env python3
"""Post HR's review of a pull request as one comment on it, and update that comment in place.

Run by ``.github/workflows/pr-comment.yml`` after the workflow "Pull request" completes
(``workflow_run``), in the base repository's context, with a token that may write
pull-request comments. It never runs the pull request's code and checks out nothing of it:
it reads the review the pull-request run uploaded (the artifact ``pr-review``: the file
``comment.md`` and the file ``pr-number``) through GitHub's REST API, and treats both as
untrusted data:

- the artifact is read in memory, only its two files, each of a bounded size;
- the pull-request number must be a number, and that pull request's head commit must be the
  commit the run checked (so an artifact cannot name another pull request, and a review of
  an older commit never replaces a newer one);
- when the pull request changes ``.github/`` (or changes more files than GitHub lists) its
  own workflow may have made the review, so the comment says that it cannot be trusted and
  quotes it as text (no mention, reference, link or picture in it is active);
- the comment to update is found by a hidden marker at its start *and* by its author being
  this workflow's bot, so nobody else's comment is ever edited.

Only the standard library (``urllib``), so that nothing needs installing. Messages in the
log are for the site's maintainers (English); the comment's own words are in both of the
site's languages. Exit codes: 0 done or nothing to do, 1 something went wrong.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

MARKER = "<!-- advocacy-review -->"
BOT = "github-actions[bot]"
ARTIFACT = "pr-review"
MAX_ARTIFACT = 5 * 1024 * 1024  # bytes of the zip
MAX_FILE = 1024 * 1024  # bytes of each file in it
MAX_COMMENT = 65_536  # characters GitHub accepts in a comment
MAX_PAGES = 30  # of 100 items: comments and files of one pull request
NUMBER = re.compile(r"[1-9][0-9]{0,9}")
SHA = re.compile(r"[0-9a-f]{40}")
RUN = re.compile(r"https://[A-Za-z0-9.-]+(?:/[A-Za-z0-9._~%-]+)+")
UNTRUSTED = (
    "> [!WARNING]\n> Denne pull request ændrer `.github/`, så dens egen workflow har "
    "lavet gennemgangen herunder: stol ikke på den, før en af sitets ansvarlige har "
    "set ændringen. / This pull request changes `.github/`, so its own workflow made "
    "the review below: do not trust it until a site maintainer has looked at the "
    "change.\n\n"
)
TOO_LONG = (
    "Gennemgangen er for lang til en kommentar; den står i jobopsummeringen. / The "
    "review is too long for a comment; it is in the job summary: {run}\n"
)
FOOTER = "\n---\n_Opdateret for / updated for {sha}: {run}_\n"


class CommentError(Exception):
    """The comment could not be posted; the message says why."""


class _KeepRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are not followed: the artifact's download address must be fetched without
    the token (it is signed), and no other answer of the API redirects."""

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> None:
        return None


Opener = Callable[[urllib.request.Request], Any]  # urlopen-like: returns a response


@dataclass
class Reply:
    """An answer of the API: status, headers and body."""

    status: int
    headers: Mapping[str, str]
    body: bytes


class GitHub:
    """The few REST calls this needs, through ``opener`` (a fake one in the tests)."""

    def __init__(
        self,
        token: str,
        repository: str,
        api: str = "https://api.github.com",
        opener: Opener | None = None,
    ) -> None:
        self.token, self.repository, self.api = token, repository, api.rstrip("/")
        self.opener: Opener = opener or urllib.request.build_opener(_KeepRedirect).open

    def send(self, method: str, url: str, data: Any = None, token: bool = True) -> Reply:
        """One request; a redirect is returned as it is, an error status raises."""
        body = json.dumps(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, method=method)
        if token:
            request.add_header("Authorization", f"Bearer {self.token}")
            request.add_header("Accept", "application/vnd.github+json")
            request.add_header("X-GitHub-Api-Version", "2022-11-28")
        if body is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with self.opener(request) as response:
                return Reply(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308):
                return Reply(exc.code, dict(exc.headers or {}), b"")
            raise CommentError(f"{method} {url}: HTTP {exc.code}") from None
        except urllib.error.URLError as exc:
            raise CommentError(f"{method} {url}: {exc.reason}") from None

    def call(self, method: str, path: str, data: Any = None) -> Any:
        """A call to the API with JSON in and out."""
        reply = self.send(method, f"{self.api}/repos/{self.repository}{path}", data)
        if reply.status >= 300:
            raise CommentError(f"{method} {path}: HTTP {reply.status}")
        return json.loads(reply.body) if reply.body else None

    def pages(self, path: str) -> Iterator[Any]:
        """Every item of a list the API gives 100 at a time."""
        for page in range(1, MAX_PAGES + 1):
            items = self.call("GET", f"{path}?per_page=100&page={page}")
            yield from items
            if len(items) < 100:
                return

    def artifact(self, artifact_id: int) -> bytes:
        """An artifact's zip: the API answers with a signed address, fetched without the
        token."""
        url = f"{self.api}/repos/{self.repository}/actions/artifacts/{artifact_id}/zip"
        reply = self.send("GET", url)
        if reply.status in (301, 302, 303, 307, 308):
            location = reply.headers.get("Location") or reply.headers.get("location") or ""
            if not location.startswith("https://"):
                raise CommentError("the artifact's download address is not https")
            reply = self.send("GET", location, token=False)
        if reply.status != 200:
            raise CommentError(f"the artifact could not be downloaded: HTTP {reply.status}")
        if len(reply.body) > MAX_ARTIFACT:
            raise CommentError("the artifact is too large")
        return reply.body


def read_artifact(data: bytes) -> tuple[int, str]:
    """The pull request's number and the comment, from the artifact's zip (untrusted)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            files = {}
            for name in ("pr-number", "comment.md"):
                try:
                    info = archive.getinfo(name)
                except KeyError:
                    raise CommentError(f"the artifact has no {name}") from None
                if info.file_size > MAX_FILE:
                    raise CommentError(f"{name} in the artifact is too large")
                files[name] = archive.read(info)[:MAX_FILE]
    except zipfile.BadZipFile:
        raise CommentError("the artifact is not a zip file") from None
    number = files["pr-number"].decode("ascii", "replace").strip()
    if not NUMBER.fullmatch(number):
        raise CommentError("pr-number in the artifact is not a pull request's number")
    try:
        comment = files["comment.md"].decode("utf-8")
    except UnicodeDecodeError:
        raise CommentError("comment.md in the artifact is not UTF-8") from None
    return int(number), comment


def quoted(text: str) -> str:
    """``text`` as a fenced code block nothing in it can close: on GitHub no mention, link,
    picture or HTML in it is active."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip(chr(10))}\n{fence}\n"


def compose(review: str, sha: str, run: str, untrusted: bool) -> str:
    """The comment: the marker, a warning when the pull request changes the workflows, the
    review (or where to find it, when it is too long), and which commit and run it is.

    An untrusted review (the pull request's own workflow made it, and could have written
    anything: mentions that notify people, references to other issues, links) is quoted as
    text, never shown as Markdown."""
    head = MARKER + "\n" + (UNTRUSTED if untrusted else "")
    if untrusted:
        review = quoted(review)
    foot = FOOTER.format(sha=sha[:7], run=run)
    body = head + review.rstrip("\n") + "\n" + foot
    if len(body) > MAX_COMMENT:
        body = head + TOO_LONG.format(run=run) + foot
    return body


def upsert(github: GitHub, number: int, body: str) -> str:
    """Edit this workflow's review comment on the pull request, or create it."""
    for comment in github.pages(f"/issues/{number}/comments"):
        author = (comment.get("user") or {}).get("login")
        if author == BOT and str(comment.get("body", "")).startswith(MARKER):
            github.call("PATCH", f"/issues/comments/{int(comment['id'])}", {"body": body})
            return f"updated comment {comment['id']} on pull request #{number}"
    created = github.call("POST", f"/issues/{number}/comments", {"body": body})
    return f"created comment {created['id']} on pull request #{number}"


def post_review(github: GitHub, run_id: str, head_sha: str, run_url: str) -> str:
    """The whole job: find the run's review, check it belongs to the pull request whose
    head the run checked, and post it. Returns what was done, for the log."""
    found = github.call("GET", f"/actions/runs/{run_id}/artifacts?name={ARTIFACT}")
    artifacts = [
        a for a in found.get("artifacts", []) if a.get("name") == ARTIFACT and not a.get("expired")
    ]
    if not artifacts:
        return "the run uploaded no review (it stopped before the review): nothing to do"
    artifact = artifacts[0]
    if int(artifact.get("size_in_bytes", 0)) > MAX_ARTIFACT:
        raise CommentError("the artifact is too large")
    number, review = read_artifact(github.artifact(int(artifact["id"])))
    pull = github.call("GET", f"/pulls/{number}")
    if (pull.get("head") or {}).get("sha") != head_sha:
        return (
            f"pull request #{number} is not at the commit this run checked "
            f"({head_sha[:7]}): nothing to do"
        )
    if pull.get("state") != "open":
        return f"pull request #{number} is closed: nothing to do"
    files = [str(f.get("filename", "")) for f in github.pages(f"/pulls/{number}/files")]
    # GitHub lists at most 3,000 files: a longer pull request could hide a change to
    # .github/ beyond them, so it counts as one that changes it.
    listed_all = len(files) < MAX_PAGES * 100 and len(files) >= int(pull.get("changed_files", 0))
    untrusted = not listed_all or any(name.startswith(".github/") for name in files)
    return upsert(github, number, compose(review, head_sha, run_url, untrusted))


def main(environ: Mapping[str, str] = os.environ, opener: Opener | None = None) -> int:
    """Read the settings from the environment the workflow gives, and post the review."""
    try:
        token, repository = environ["GITHUB_TOKEN"], environ["GITHUB_REPOSITORY"]
        run_id, head_sha, run_url = environ["RUN_ID"], environ["HEAD_SHA"], environ["RUN_URL"]
    except KeyError as exc:
        print(f"pr_comment: {exc.args[0]} is not set", file=sys.stderr)
        return 1
    if not NUMBER.fullmatch(run_id) or not SHA.fullmatch(head_sha) or not RUN.fullmatch(run_url):
        print(
            "pr_comment: RUN_ID must be a number, HEAD_SHA a commit and RUN_URL an https address",
            file=sys.stderr,
        )
        return 1
    github = GitHub(
        token, repository, environ.get("GITHUB_API_URL", "https://api.github.com"), opener
    )
    try:
        print(f"pr_comment: {post_review(github, run_id, head_sha, run_url)}")
    except CommentError as exc:
        print(f"pr_comment: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
