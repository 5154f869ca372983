"""What a pull request changes, from Git, and the base branch's view of who may change what.

Every Git call that lists files uses ``-z``: names come back as Git stores them (a post
named ``Julefrokost på lageret.md`` is not turned into ``"Julefrokost p\\303\\245..."``). The
base branch's files are read with ``git cat-file --batch``, never checked out, so nothing of
the pull request decides who may change what.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from advocacy.core.checking.submission import Submission
from advocacy.core.model.entities import Post
from advocacy.core.model.site import Site
from advocacy.core.reading.authors import read_author
from advocacy.core.reading.policy import load_policy
from advocacy.core.reading.posts import read_post


class GitError(RuntimeError):
    """git could not answer (not a repository, unknown ref)."""


def _git(root: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(
            ["git", "-C", str(root), "-c", "core.quotePath=false", *args],
            capture_output=True,
            input=data,
            check=False,
        )
    except OSError as exc:
        raise GitError(f"git could not run: {exc.strerror}") from None
    if proc.returncode != 0:
        error = proc.stderr.decode("utf-8", "replace").strip()
        raise GitError(error.splitlines()[-1] if error else f"git {' '.join(args)} failed")
    return proc.stdout


def _names(output: bytes) -> list[str]:
    return [part.decode("utf-8", "surrogateescape") for part in output.split(b"\0") if part]


@dataclass(frozen=True)
class Change:
    """One changed file: A(dded), M(odified), D(eleted); renames count as D + A."""

    status: str
    path: str


def merge_base(root: Path, ref: str) -> str:
    """The commit the pull request started from."""
    return _git(root, "merge-base", ref, "HEAD").decode().strip()


def changes_since(root: Path, ref: str) -> list[Change]:
    """Files changed since the merge base with ``ref``, plus uncommitted and new files."""
    base = merge_base(root, ref)
    out: dict[str, str] = {}
    for args in (
        ("diff", "-z", "--name-status", "--no-renames", base),
        ("diff", "-z", "--name-status", "--no-renames", "--cached", base),
    ):
        fields = _names(_git(root, *args))
        for status, path in zip(fields[0::2], fields[1::2], strict=False):
            out[path] = "A" if out.get(path) == "A" and status[0] == "M" else status[0]
    for path in _names(_git(root, "ls-files", "-z", "--others", "--exclude-standard")):
        out[path] = "A"
    return [Change(status, path) for path, status in sorted(out.items())]


def blobs_at(root: Path, commit: str, paths: list[str]) -> dict[str, bytes]:
    """The bytes of ``paths`` at ``commit`` (missing files left out), in one Git call."""
    if not paths:
        return {}
    request = b"".join(f"{commit}:{p}\n".encode("utf-8", "surrogateescape") for p in paths)
    output = _git(root, "cat-file", "--batch", data=request)
    blobs: dict[str, bytes] = {}
    at = 0
    for path in paths:
        end = output.index(b"\n", at)
        header = output[at:end].split()
        at = end + 1
        if len(header) < 3 or header[1] == b"missing" or header[1] != b"blob":
            continue
        size = int(header[2])
        blobs[path] = output[at : at + size]
        at += size + 1
    return blobs


def read_at(root: Path, commit: str, paths: list[str]) -> dict[str, str]:
    """The text of ``paths`` at ``commit`` (missing files left out), in one Git call."""
    return {
        path: data.decode("utf-8", "replace")
        for path, data in blobs_at(root, commit, paths).items()
    }


def files_at(root: Path, commit: str, folder: str) -> list[str]:
    """The files below ``folder`` at ``commit``."""
    return _names(_git(root, "ls-tree", "-r", "-z", "--name-only", commit, "--", folder))


def tree_at(root: Path, commit: str) -> list[str]:
    """Every file at ``commit``: regular files only (no symbolic links, no submodules)."""
    out = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit)
    files = []
    for entry in out.split(b"\0"):
        if not entry:
            continue
        info, _, name = entry.partition(b"\t")
        mode, kind = info.split()[:2]
        if kind == b"blob" and mode in (b"100644", b"100755"):
            files.append(name.decode("utf-8", "surrogateescape"))
    return files


def submission_since(site: Site, ref: str, login: str, lang: str = "en") -> Submission:
    """The pull request of ``login`` since ``ref``, with the base branch's policy, authors
    and the posts it changes or deletes as they were."""
    root = site.root
    base = merge_base(root, ref)
    changes = changes_since(root, ref)
    authors = [p for p in files_at(root, base, site.authors_dir) if p.endswith((".yml", ".yaml"))]
    deleted = {c.path for c in changes if c.status == "D"}
    posts_prefix = f"{site.docs_dir.strip('/')}/{site.posts_dir.strip('/')}/"
    # the posts it deletes or changes, as they were: their authors decide who may
    old_posts = sorted(
        c.path
        for c in changes
        if c.status in "DM" and c.path.startswith(posts_prefix) and c.path.endswith(".md")
    )
    texts = read_at(root, base, [site.policy, *authors, *old_posts])
    policy = load_policy(site, lang, texts[site.policy])[0] if site.policy in texts else None
    base_authors = {}
    for path in authors:
        if path in texts:
            author, _ = read_author(site, root / path, lang, text=texts[path])
            if author is not None:
                base_authors[author.slug] = author
    base_posts: dict[str, Post] = {}
    for path in old_posts:
        if path in texts:
            post, _ = read_post(site, root / path, lang, text=texts[path])
            if post is not None:
                base_posts[path] = post
    return Submission(
        login=login,
        changed={c.path for c in changes if c.status != "D"},
        deleted=deleted,
        base_policy=policy,
        base_authors=base_authors,
        base_posts=base_posts,
        added={c.path for c in changes if c.status == "A"},
    )


def content_paths(site: Site, changes: list[Change]) -> list[Change]:
    """The changes under the folders that are published (posts, pages, authors, media)."""
    folders = tuple(
        str(PurePosixPath(f)) + "/" for f in (site.docs_dir, site.authors_dir, site.media_dir)
    )
    return [c for c in changes if c.path.startswith(folders) or c.path == site.policy]
