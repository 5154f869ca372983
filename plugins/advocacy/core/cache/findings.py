"""Rule findings per post, so an unchanged post is not checked again.

An entry is keyed by the post's bytes and by everything its findings depend on besides
itself (``context``: the author files, the policy with its confidential terms, the site's
settings, the day, the code); the checking run works that out. Rules that read other posts
or media files are not cached here.
"""

from __future__ import annotations

from typing import Any

from advocacy.core.cache.store import BuildCache
from advocacy.core.model.findings import Finding, Severity


def _valid(data: Any) -> bool:
    return isinstance(data, list) and all(
        isinstance(f, list)
        and len(f) == 6
        and all(isinstance(x, str) for x in f[:3])
        and (f[3] is None or isinstance(f[3], int))
        and all(isinstance(x, str) for x in f[4:])
        for f in data
    )


class RuleCache:
    """Findings of the cacheable rules, one small entry per post and context."""

    def __init__(self, store: BuildCache, context: str) -> None:
        self.store, self.context = store, context

    def _key(self, file: str, digest: str) -> str:
        return self.store.key("findings", self.context, file, digest)

    def get(self, file: str, digest: str) -> list[Finding] | None:
        """The cached findings, or None when the post or its context changed."""
        data = self.store.read_json("findings", self._key(file, digest), _valid)
        if data is None:
            return None
        try:
            return [Finding(r, Severity(s), f, line, m, fix) for r, s, f, line, m, fix in data]
        except ValueError:
            return None

    def put(self, file: str, digest: str, findings: list[Finding]) -> None:
        """Remember the findings (a failed write only costs a re-check next time)."""
        self.store.write_json(
            "findings",
            self._key(file, digest),
            [[f.rule, str(f.severity), f.file, f.line, f.message, f.fix] for f in findings],
        )
