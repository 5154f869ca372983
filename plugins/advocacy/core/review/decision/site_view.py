"""What a pull request does to the site as a whole: what goes up or comes down, and the
changes to author files and the SoMe policy that make it happen."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any

import yaml

from advocacy.core.checking import consent
from advocacy.core.i18n.catalog import format_list, plural, text
from advocacy.core.model.entities import Author
from advocacy.core.model.findings import Finding
from advocacy.core.publishing.edition import describe_hold
from advocacy.core.review.decision.editions import Move, SiteChange
from advocacy.core.review.decision.post_view import consent_words
from advocacy.core.review.decision.verdict import verdict, verdict_line
from advocacy.core.review.escape import code
from advocacy.core.review.escape import markdown as md

# An author's fields HR is told about by name when they change (consent is shown in full).
AUTHOR_FIELDS = ("name", "role", "team", "location", "photo", "linkedin", "github", "bio", "left")


def _why(move: Move, up: bool, lang: str, today: dt.date) -> str:
    if move.post is not None:
        if move.held is not None:
            said = md(describe_hold(move.held, lang))  # names people: the pull request's
            return text(lang, "review.site.was_held", reason=said) if up else said
        return text(lang, "review.site.new" if up else "review.site.deleted")
    if move.author is None:
        return text(lang, "review.site.new" if up else "review.site.author_deleted")
    state, date = consent.profile_state(move.author, today)
    return text(
        lang,
        "review.site.profile",
        consent=consent_words(lang, state, date, move.author.consent.evidence),
    )


def move_line(move: Move, up: bool, lang: str, today: dt.date) -> str:
    """``- Title (`blog/…/`): why``."""
    title = (
        md(move.title)
        if move.post is not None
        else text(lang, "review.site.author_page", name=md(move.title))
    )
    return f"- {title} ({code(move.url)}): {_why(move, up, lang, today)}"


def site_section(
    change: SiteChange, lang: str, today: dt.date, shown: int = 0, others: int = 0
) -> list[str]:
    """What goes up and what comes down on the site today when this is merged. ``shown`` is
    how many changed files readers see, or that decide what they see: with any, merging
    changes the site even when nothing goes up or comes down; ``others`` how many changed
    files are of no known kind (the site may still use them)."""
    out = [f"### {text(lang, 'review.site.title')}", ""]
    if not change:
        if shown:
            return [*out, plural(lang, "review.site.unmoved", shown), ""]
        if others:
            return [*out, plural(lang, "review.site.others", others), ""]
        return [*out, text(lang, "review.site.nothing"), ""]
    for up, moves in ((False, change.down), (True, change.up)):
        if moves:
            key = "review.site.up" if up else "review.site.down"
            out += [
                f"**{plural(lang, key, len(moves))}**",
                "",
                *[move_line(m, up, lang, today) for m in moves],
                "",
            ]
    return out


def _consent_change(
    lang: str,
    label: str,
    before: tuple[str, Any] | None,
    after: tuple[str, Any] | None,
    evidence: tuple[str | None, str | None],
) -> str | None:
    now = consent_words(lang, after[0], after[1], evidence[1]) if after else None
    was = consent_words(lang, before[0], before[1], evidence[0]) if before else None
    if now is None and was is None:
        return None
    if was is None or now is None or was == now:
        return f"- **{label}:** {now or was}"
    return f"- **{label}:** {text(lang, 'review.author.from_to', before=was, after=now)}"


def _changed_fields(before: Author | None, after: Author | None) -> list[str]:
    if before is None or after is None:
        return []
    names = {f.name for f in fields(Author)}
    return [
        name
        for name in AUTHOR_FIELDS
        if name in names and getattr(before, name) != getattr(after, name)
    ]


def author_section(
    path: str,
    before: Author | None,
    after: Author | None,
    change: SiteChange,
    findings: list[Finding],
    lang: str,
    today: dt.date,
) -> list[str]:
    """One changed author file: consent before and after, what else changed, and what goes
    up or down on the site that involves them."""
    person = after or before
    slug = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    kind = (
        "review.author.new"
        if before is None
        else ("review.author.deleted" if after is None else "review.author.changed")
    )
    name = md(person.name) if person else code(slug)
    own = [f for f in findings if f.file == path]
    out = [
        f"### {text(lang, kind, name=name)}",
        "",
        verdict_line(verdict(own), lang),
        "",
        f"- **{text(lang, 'review.file')}:** {code(path)}",
    ]
    evidence = (
        before.consent.evidence if before else None,
        after.consent.evidence if after else None,
    )
    profile = _consent_change(
        lang,
        text(lang, "review.author.profile"),
        consent.profile_state(before, today) if before else None,
        consent.profile_state(after, today) if after else None,
        evidence,
    )
    photo = _consent_change(
        lang,
        text(lang, "review.author.photo"),
        consent.photo_state(before, today) if before and before.photo else None,
        consent.photo_state(after, today) if after and after.photo else None,
        evidence,
    )
    out += [said for said in (profile, photo) if said]
    changed = _changed_fields(before, after)
    if changed:
        out.append(
            f"- **{text(lang, 'review.author.fields')}:** "
            + format_list([f"`{n}`" for n in changed], lang)
        )
    up, down = change.involving(slug)
    if not up and not down:
        key = "review.author.shown" if changed or after is None else "review.author.no_effect"
        out.append(f"- {text(lang, key)}")
    for moves, key, is_up in ((down, "review.site.down", False), (up, "review.site.up", True)):
        if moves:
            out += [
                f"- **{plural(lang, key, len(moves))}**",
                *["  " + move_line(m, is_up, lang, today) for m in moves],
            ]
    out.append("")
    return out + _own_findings(own, lang)


def _own_findings(own: list[Finding], lang: str) -> list[str]:
    """The findings of a changed author file or policy, under their heading."""
    if not own:
        return []
    lines = [f"- {md(f.message)} *{md(f.fix)}* ({code(f.rule)})" for f in own]
    return [f"**{text(lang, 'review.findings')}**", "", *lines, ""]


def elsewhere(findings: list[Finding], covered: set[str], lang: str) -> list[str]:
    """The errors in files the pull request does not change but affects (a post that a new
    confidential term now blocks, say), by file; their warnings are what comes down."""
    errors = [f for f in findings if f.file not in covered and str(f.severity) == "error"]
    if not errors:
        return []
    word = text(lang, "review.line")
    return [
        f"### {text(lang, 'review.elsewhere')}",
        "",
        *[
            f"- {code(f.file)}, {word} {f.line or '-'}: {md(f.message)} *{md(f.fix)}* "
            f"({code(f.rule)})"
            for f in errors
        ],
        "",
    ]


def _settings(source: str | None) -> dict[str, Any] | None:
    try:
        data = yaml.safe_load(source) if source is not None else {}
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else ({} if data is None else None)


def policy_section(
    path: str,
    before: str | None,
    after: str | None,
    change: SiteChange,
    findings: list[Finding],
    lang: str,
) -> list[str]:
    """The SoMe policy changed: which settings (never their values: the confidential terms
    are in it), and how much goes up or down on the site with this pull request."""
    own = [f for f in findings if f.file == path]
    out = [
        f"### {text(lang, 'review.policy.title')}",
        "",
        f"- **{text(lang, 'review.file')}:** {code(path)}",
    ]
    was, now = _settings(before), _settings(after)
    if was is None or now is None:
        out.append(f"- {text(lang, 'review.policy.unreadable')}")
    else:
        keys = sorted(k for k in {*was, *now} if was.get(k) != now.get(k))
        out.append(
            f"- **{text(lang, 'review.policy.settings')}:** "
            + (
                format_list([code(str(k)) for k in keys], lang)
                if keys
                else text(lang, "review.none")
            )
        )
    out.append(
        "- "
        + text(
            lang,
            "review.policy.effect",
            up=plural(lang, "review.policy.pages", len(change.up)),
            down=plural(lang, "review.policy.pages", len(change.down)),
        )
    )
    out.append("")
    return out + _own_findings(own, lang)
