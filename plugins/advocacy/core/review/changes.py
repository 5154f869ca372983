"""What a pull request changes, from Git, and the base branch's view of who may change what.

Every Git call that lists files uses ``-z``: names come back as Git stores them (a post
named ``Julefrokost på lageret.md`` is not turned into ``"Julefrokost p\\303\\245..."``). The
base branch's files are read with ``git cat-file --batch`` by object id (a name with a line
break cannot shift one file's text onto another), never checked out, so nothing of the pull
request decides who may change what.

Two commits of the base branch matter. What the pull request changes is what it changes since
it left the base branch (the merge base with ``REF``): that is what a merge brings in. Who may
change it is read from ``REF`` itself, the base branch's tip, never from the merge base: the
pull request chooses its merge base (any old commit of the base branch), and rights taken
away on the base branch since then (an HR login, an author's ``github:``) stay taken away.
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


def tip_of(root: Path, ref: str) -> str:
    """The commit ``ref`` names: the base branch's tip, where every right is read."""
    if ref.startswith("-"):  # never an option to Git
        raise GitError(f"not a branch or commit: {ref}")
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"not a branch or commit: {ref}") from None


def merge_base(root: Path, ref: str) -> str:
    """The commit the pull request started from (what it changes is what changed since)."""
    return _git(root, "merge-base", tip_of(root, ref), "HEAD").decode().strip()


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


def entries_at(root: Path, commit: str) -> dict[str, str]:
    """Every regular file at ``commit`` and its blob's object id (no symbolic links, no
    submodules: what one points at is never read as the base branch's text)."""
    out = _git(root, "ls-tree", "-r", "-z", "--full-tree", commit)
    files = {}
    for entry in out.split(b"\0"):
        if not entry:
            continue
        info, _, name = entry.partition(b"\t")
        mode, kind, oid = info.split()[:3]
        if kind == b"blob" and mode in (b"100644", b"100755"):
            files[name.decode("utf-8", "surrogateescape")] = oid.decode("ascii")
    return files


def blobs_at(
    root: Path, commit: str, paths: list[str], entries: dict[str, str] | None = None
) -> dict[str, bytes]:
    """The bytes of ``paths`` at ``commit`` (missing files left out), in one Git call.

    Each is asked for by its object id, one per line: a name is never sent to ``cat-file``,
    so a name with a line break cannot shift the answers (one post's text read as another's).
    """
    entries = entries_at(root, commit) if entries is None else entries
    wanted = [(path, entries[path]) for path in dict.fromkeys(paths) if path in entries]
    if not wanted:
        return {}
    request = b"".join(oid.encode("ascii") + b"\n" for _, oid in wanted)
    output = _git(root, "cat-file", "--batch", data=request)
    blobs: dict[str, bytes] = {}
    at = 0
    for path, oid in wanted:
        end = output.index(b"\n", at)
        header = output[at:end].split()
        at = end + 1
        if len(header) < 3:  # "<oid> missing": no contents follow
            continue
        size = int(header[2])
        if header[0] == oid.encode("ascii") and header[1] == b"blob":
            blobs[path] = output[at : at + size]
        at += size + 1
    return blobs


def read_at(
    root: Path, commit: str, paths: list[str], entries: dict[str, str] | None = None
) -> dict[str, str]:
    """The text of ``paths`` at ``commit`` (missing files left out), in one Git call."""
    return {
        path: data.decode("utf-8", "replace")
        for path, data in blobs_at(root, commit, paths, entries).items()
    }


def files_at(root: Path, commit: str, folder: str) -> list[str]:
    """The regular files below ``folder`` at ``commit``."""
    prefix = str(PurePosixPath(folder)) + "/"
    return sorted(p for p in entries_at(root, commit) if p.startswith(prefix))


def tree_at(root: Path, commit: str) -> list[str]:
    """Every file at ``commit``: regular files only (no symbolic links, no submodules)."""
    return sorted(entries_at(root, commit))


def submission_since(site: Site, ref: str, login: str, lang: str = "en") -> Submission:
    """The pull request of ``login`` since ``ref``: what it changes since its merge base,
    judged by what ``ref`` itself (the base branch's tip) says: its policy, its authors, and
    the posts the pull request touches as it has them (as the merge base had them, for a post
    the tip no longer has)."""
    root = site.root
    tip = tip_of(root, ref)
    base = merge_base(root, tip)
    changes = changes_since(root, tip)
    at_tip, at_base = entries_at(root, tip), entries_at(root, base)
    prefix = str(PurePosixPath(site.authors_dir)) + "/"
    authors = sorted(p for p in at_tip if p.startswith(prefix) and p.endswith((".yml", ".yaml")))
    deleted = {c.path for c in changes if c.status == "D"}
    posts_prefix = f"{site.docs_dir.strip('/')}/{site.posts_dir.strip('/')}/"
    # the posts it adds, changes or deletes, as the base branch has them: their authors decide
    touched = sorted(
        c.path for c in changes if c.path.startswith(posts_prefix) and c.path.endswith(".md")
    )
    texts = read_at(root, tip, [site.policy, *authors, *touched], at_tip)
    was = read_at(root, base, [p for p in touched if p not in texts], at_base)
    policy = load_policy(site, lang, texts[site.policy])[0] if site.policy in texts else None
    base_authors = {}
    for path in authors:
        if path in texts:
            author, _ = read_author(site, root / path, lang, text=texts[path])
            if author is not None:
                base_authors[author.slug] = author
    base_posts: dict[str, Post] = {}
    for path in touched:
        if path in texts or path in was:
            text = texts[path] if path in texts else was[path]
            post, _ = read_post(site, root / path, lang, text=text)
            if post is not None:
                base_posts[path] = post
    start_authors = {}
    changed_authors = [
        c.path for c in changes if c.path.startswith(prefix) and c.path.endswith((".yml", ".yaml"))
    ]
    for path, text in read_at(root, base, changed_authors, at_base).items():
        author, _ = read_author(site, root / path, lang, text=text)
        if author is not None:
            start_authors[author.slug] = author
    return Submission(
        login=login,
        changed={c.path for c in changes if c.status != "D"},
        deleted=deleted,
        base_policy=policy,
        base_authors=base_authors,
        base_posts=base_posts,
        # new: not at the merge base, and not on the base branch's tip either
        added={c.path for c in changes if c.status == "A" and c.path not in at_tip},
        start_authors=start_authors,
    )


def content_paths(site: Site, changes: list[Change]) -> list[Change]:
    """The changes under the folders that are published (posts, pages, authors, media)."""
    folders = tuple(
        str(PurePosixPath(f)) + "/" for f in (site.docs_dir, site.authors_dir, site.media_dir)
    )
    return [c for c in changes if c.path.startswith(folders) or c.path == site.policy]
