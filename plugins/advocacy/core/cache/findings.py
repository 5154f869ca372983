"""A cache of rule findings per post, so an unchanged post is not checked again.

A post's entry is keyed by its own bytes and by everything its findings depend on besides
itself: the author files, the policy (confidential terms included, as a hash), the site's
settings, the day (consent and embargoes change with it) and this code. Rules that read
other posts or media files are not cached here.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from advocacy.core.cache.reads import code_fingerprint
from advocacy.core.cache.writer import write_later
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository, author_files


def context_key(repo: Repository) -> str:
    """Everything besides a post that its cached findings depend on."""
    site, policy = repo.site, repo.policy
    digest = hashlib.sha256(code_fingerprint().encode())
    for path in author_files(site):
        digest.update(path.name.encode() + path.read_bytes())
    policy_file = site.root / site.policy
    if policy_file.is_file():
        digest.update(policy_file.read_bytes())
    digest.update(json.dumps([policy.confidential_terms, site.categories, site.languages,
                              site.language, site.media_dir, site.today.isoformat(),
                              repo.lang]).encode())
    return digest.hexdigest()


class RuleCache:
    """Findings of the cacheable rules, one small JSON file per post and context."""

    def __init__(self, folder: Path, context: str) -> None:
        self.folder, self.context = folder, context

    def _path(self, post: Post) -> Path:
        key = hashlib.sha256(f"{self.context}:{post.file}:{post.digest}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, post: Post) -> list[Finding] | None:
        """The cached findings, or None when the post or its context changed."""
        try:
            data = json.loads(self._path(post).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return [Finding(**{**f, "severity": Severity(f["severity"])}) for f in data]

    def put(self, post: Post, findings: list[Finding]) -> None:
        """Remember the findings (a failed write only costs a re-check next time)."""
        write_later(self._path(post), json.dumps([asdict(f) for f in findings]).encode())
