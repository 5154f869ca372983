"""What a pull request changes, from git, and what must be checked because of it.

A changed post is checked with everything it depends on (its authors, its media, the
policy); a changed author file brings in that author's posts; changed media the posts that
show them; a changed ``policy.yml`` or ``mkdocs.yml`` means everything.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from advocacy.core.model.site import Site
from advocacy.core.reading.paths import resolve_media
from advocacy.core.reading.repository import post_files
from advocacy.core.reading.yamlsource import YamlSyntaxError, load_yaml, split_front_matter
from advocacy.core.rendering.markdown_refs import find_refs


class GitError(RuntimeError):
    """git could not answer (not a repository, unknown ref)."""


def _git(root: Path, *args: str) -> str:
    try:
        proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              check=False)
    except OSError as exc:
        raise GitError(f"git could not run: {exc.strerror}") from None
    if proc.returncode != 0:
        raise GitError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else
                       f"git {' '.join(args)} failed")
    return proc.stdout


@dataclass(frozen=True)
class Change:
    """One changed file: A(dded), M(odified), D(eleted); renames count as D + A."""

    status: str
    path: str


def changes_since(root: Path, ref: str) -> list[Change]:
    """Files changed since the merge base with ``ref``, plus uncommitted and new files."""
    base = _git(root, "merge-base", ref, "HEAD").strip()
    out: dict[str, str] = {}
    for text in (_git(root, "diff", "--name-status", "--no-renames", base),
                 _git(root, "diff", "--name-status", "--no-renames", "--cached", base)):
        for line in text.splitlines():
            status, _, path = line.partition("\t")
            if path:
                out[path] = "A" if out.get(path) == "A" and status[0] == "M" else status[0]
    for path in _git(root, "ls-files", "--others", "--exclude-standard").splitlines():
        out[path] = "A"
    return [Change(status, path) for path, status in sorted(out.items())]


def _post_references(site: Site, path: Path) -> tuple[set[str], set[str]]:
    """The author slugs and media paths a post refers to (read leniently)."""
    rel = site.rel(path)
    try:
        parts = split_front_matter(path.read_text(encoding="utf-8"))
        data = load_yaml(parts.yaml_text or "").data if parts.yaml_text else {}
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return set(), set()
    data = data if isinstance(data, dict) else {}
    authors = {str(a) for a in (data.get("authors") or []) if isinstance(a, str)} if isinstance(
        data.get("authors"), list) else {str(data.get("authors"))}
    people = data.get("people") if isinstance(data.get("people"), list) else []
    authors |= {str(p["author"]) for p in people if isinstance(p, dict) and p.get("author")}
    refs = [data.get("image")] + [r.src for r in find_refs(parts.body, parts.body_line)]
    video = data.get("video") if isinstance(data.get("video"), dict) else {}
    refs += [video.get(k) for k in ("src", "captions", "poster")]
    refs += [m for p in people if isinstance(p, dict) for m in (p.get("media") or [])
             if isinstance(m, str)]
    media = set()
    for ref in refs:
        if isinstance(ref, str):
            resolved = resolve_media(ref, rel, site.root, site.media_dir)
            if resolved.path:
                media.add(resolved.path)
    return authors, media


def affected_files(site: Site, changes: list[Change]) -> list[str] | None:
    """Repository files to check and report on; None means everything."""
    present = {c.path for c in changes if c.status != "D"}
    if site.policy in present or "mkdocs.yml" in present:
        return None
    posts_prefix = site.rel(site.posts_path) + "/"
    authors_prefix = site.authors_dir.rstrip("/") + "/"
    media_prefix = site.media_dir.rstrip("/") + "/"
    selected = {p for p in present if p.startswith(posts_prefix) and p.endswith(".md")}
    changed_authors = {Path(p).stem for p in present if p.startswith(authors_prefix)}
    changed_media = {p for p in {c.path for c in changes} if p.startswith(media_prefix)}
    selected |= {p for p in present if p.startswith(authors_prefix)}
    for path in post_files(site):
        rel = site.rel(path)
        authors, media = _post_references(site, path)
        if rel in selected:
            selected |= {f"{authors_prefix}{a}.yml" for a in authors
                         if (site.authors_path / f"{a}.yml").is_file()}
        elif authors & changed_authors or media & changed_media:
            selected.add(rel)
    return sorted(selected)
