"""The verdict HR reads first: blocked, needs changes, or ready, and why.

Blocked: something has an error, so the strict build fails and it cannot be published as
it is. Needs changes: a file the pull request itself adds or changes has a warning HR should
look at. Ready: neither. A warning on a post the pull request only affects (a post taken
down by a withdrawal, say) is what the change is meant to do: it is listed under what
comes down, and does not make the pull request need changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from advocacy.core.i18n.catalog import format_list, plural, text
from advocacy.core.model.findings import Finding, Severity

BLOCKED, NEEDS_CHANGES, READY = "blocked", "changes", "ready"
ICONS = {BLOCKED: "❌", NEEDS_CHANGES: "⚠️", READY: "✅"}


@dataclass(frozen=True)
class Verdict:
    """The verdict on some files, with the findings that decided it."""

    level: str  # blocked, changes or ready
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)


def verdict(findings: list[Finding], own: set[str] | None = None) -> Verdict:
    """The verdict on ``findings``; warnings count only in ``own`` files (all when None)."""
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = [
        f for f in findings if f.severity is Severity.WARNING and (own is None or f.file in own)
    ]
    level = BLOCKED if errors else NEEDS_CHANGES if warnings else READY
    return Verdict(level, errors, warnings)


def verdict_line(v: Verdict, lang: str) -> str:
    """``**Verdict: ❌ blocked**: 2 errors (consent-missing, submitter-not-author) ...``"""
    label = (
        f"**{text(lang, 'review.verdict.label')}: {ICONS[v.level]} "
        f"{text(lang, f'review.verdict.{v.level}')}**"
    )
    if v.level == READY:
        return f"{label}: {text(lang, 'review.verdict.ready_why')}"
    chosen = v.errors if v.level == BLOCKED else v.warnings
    rules = format_list(sorted({f"`{f.rule}`" for f in chosen}), lang)
    key = "review.verdict.blocked_why" if v.level == BLOCKED else "review.verdict.changes_why"
    why = plural(lang, key, len(chosen), rules=rules)
    if v.level == BLOCKED and v.warnings:
        why += " " + plural(lang, "review.verdict.also_warnings", len(v.warnings))
    return f"{label}: {why}"
