"""The checks that make findings, and what each applies to.

Rules themselves (ids, severities, texts) are declared with :func:`rule` from
:mod:`advocacy.core.model.rules`, next to the check that reports them; a check is a function
of the repository and one document, registered here with :func:`check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from advocacy.core.model.entities import DocPage, Post
from advocacy.core.model.findings import Finding
from advocacy.core.model.rules import RULES, Rule, rule
from advocacy.core.reading.repository import Repository

CheckFunc = Callable[[Repository, Any], Iterable[Finding]]
POST, PAGE = "post", "page"


@dataclass(frozen=True)
class Check:
    """A registered check: the function, what it reads, and whether its findings may be
    cached with the post (False when they depend on other posts or on media files)."""

    func: CheckFunc
    on: frozenset[str]
    cacheable: bool

    def applies(self, doc: Post | DocPage) -> bool:
        """Whether this check reads documents of ``doc``'s kind."""
        return (POST if isinstance(doc, Post) else PAGE) in self.on


CHECKS: list[Check] = []


def check(
    *, on: tuple[str, ...] = (POST,), cacheable: bool = True
) -> Callable[[CheckFunc], CheckFunc]:
    """Register a check of posts (and, with ``on=(POST, PAGE)``, of pages too)."""

    def register(func: CheckFunc) -> CheckFunc:
        CHECKS.append(Check(func, frozenset(on), cacheable))
        return func

    return register


def first_line(doc: Post | DocPage) -> int:
    """The first body line with text: where a finding about the whole body points."""
    for offset, line in enumerate(doc.body.split("\n")):
        if line.strip():
            return doc.body_line + offset
    return doc.body_line


__all__ = ["CHECKS", "PAGE", "POST", "RULES", "Check", "Rule", "check", "first_line", "rule"]
