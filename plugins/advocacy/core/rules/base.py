"""The rule registry: stable ids, default severities, what HR may change, text segments.

A rule module registers functions with :func:`rule` and describes each id it reports
with :func:`describe`; ``policy.yml`` may change a severity where ``adjustable`` allows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..findings import Finding, Severity
from ..markdown_refs import prose_mask
from ..model import Post
from ..repo import Repository
from ..textnorm import fold

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


@dataclass(frozen=True)
class Segment:
    """A piece of a post's published text and the file line it starts on."""

    line: int | None
    text: str
    field: str  # body, title, description, image_alt, share.text, people.name
    code: bool = False  # inside a code block: shown as text, never run as HTML
    folded: str = ""  # the text with disguises undone (see textnorm.fold), made once


def first_line(post: Post) -> int:
    """The first body line with text: where a finding about the whole body points."""
    for offset, line in enumerate(post.body.split("\n")):
        if line.strip():
            return post.body_line + offset
    return post.body_line


def segments(post: Post) -> list[Segment]:
    """Every published text of a post: front-matter texts, then each body line (cached)."""
    cached = post.cache.get("segments")
    if cached is not None:
        return cached
    out = [Segment(post.line_of(name), value, name, folded=fold(value)) for name, value in (
        ("title", post.title), ("description", post.description),
        ("image_alt", post.image_alt), ("share.text", post.share_text)) if value]
    lines = post.body.split("\n")
    for offset, (line, prose) in enumerate(zip(lines, prose_mask(lines), strict=True)):
        if line.strip():
            out.append(Segment(post.body_line + offset, line, "body", not prose, fold(line)))
    post.cache["segments"] = out
    return out
