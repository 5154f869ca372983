"""The rule registry: stable ids, default severities, what HR may change.

A rule module registers functions with :func:`rule` and describes each id it reports
with :func:`describe`; ``policy.yml`` may change a severity where ``adjustable`` allows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from advocacy.core.checking.segments import Segment, first_line, segments
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository

RuleFunc = Callable[[Repository, Post], Iterable[Finding]]


@dataclass(frozen=True)
class RuleInfo:
    """What a rule id means: default severity, whether HR may change it, a description."""

    id: str
    severity: Severity
    adjustable: bool  # False: the severity is fixed (schema, held-back consent)
    can_block: bool  # False: never an error, whatever the policy says (hints)
    summary: dict[str, str]


RULES: list[RuleFunc] = []
RULE_INFO: dict[str, RuleInfo] = {}


def rule(func: RuleFunc | None = None, *, cacheable: bool = True) -> Any:
    """Register a post rule (``@rule``).

    ``@rule(cacheable=False)`` marks a rule whose findings depend on more than the post, its
    authors and the policy (other posts, media files): it runs on every check.
    """

    def register(f: RuleFunc) -> RuleFunc:
        f.cacheable = cacheable  # type: ignore[attr-defined]
        RULES.append(f)
        return f

    return register(func) if func is not None else register


def describe(rule_id: str, severity: Severity, en: str, da: str, adjustable: bool = True,
             can_block: bool = True) -> None:
    """Record what ``rule_id`` checks, for the policy page and for severity overrides."""
    RULE_INFO[rule_id] = RuleInfo(rule_id, severity, adjustable, can_block, {"en": en, "da": da})


__all__ = ["RULES", "RULE_INFO", "RuleInfo", "Segment", "describe", "first_line", "rule",
           "segments"]
