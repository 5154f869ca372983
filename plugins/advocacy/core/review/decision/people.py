"""Everyone a post involves, and their consent today: its authors, the people it lists,
colleagues named in its text, and anyone else named in it who is on no list.

Names in the text that belong to nobody on a list come from the check's own findings (the
rule ``person-unlisted``), so the review and the check never disagree about who is named.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from advocacy.core.checking import consent
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding
from advocacy.core.model.rules import RULES
from advocacy.core.reading.repository import Repository

UNLISTED_RULE = "person-unlisted"
UNLISTED = "unlisted"  # the state of a name on no list: nobody knows about consent

AUTHOR, LISTED, GUEST, NAMED, NAMED_ONLY = "author", "listed", "guest", "named", "unlisted"


@dataclass(frozen=True)
class Involved:
    """One person in a post: how they are in it, and their consent today."""

    name: str
    how: str  # author, listed (a colleague under people), guest, named or unlisted
    state: str  # a consent state (consent.OK, MISSING, ...) or UNLISTED
    date: dt.date | None = None
    evidence: str | None = None
    line: int | None = None


def finding_values(finding: Finding, lang: str) -> dict[str, str]:
    """The values a finding's message was made from (``{name}``, ``{line}``), read back
    from the rule's own template; empty when the message is not the rule's usual one."""
    declared = RULES.get(finding.rule)
    texts = declared.messages.get(finding.rule) if declared else None
    if not texts:
        return {}
    template = texts.get(lang, texts["en"])[0]
    pattern, seen = "", set()
    for literal, name in re.findall(r"([^{}]*)(?:\{(\w+)\}|$)", template):
        pattern += re.escape(literal.replace("{{", "{").replace("}}", "}"))
        if name:
            pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
            seen.add(name)
    match = re.fullmatch(pattern, finding.message, re.DOTALL)
    return match.groupdict() if match else {}


def involved(repo: Repository, post: Post, findings: list[Finding], lang: str) -> list[Involved]:
    """Everyone in ``post``, authors first, then as listed, then named in the text."""
    today = repo.site.today
    rows: list[Involved] = []
    for slug in post.authors:
        author = repo.authors.get(slug)
        state, date = consent.profile_state(author, today) if author else (consent.UNKNOWN, None)
        rows.append(
            Involved(
                author.name if author else slug,
                AUTHOR,
                state,
                date,
                author.consent.evidence if author else None,
                post.line_of("authors"),
            )
        )
    for person in post.people:
        if person.author:
            author = repo.authors.get(person.author)
            state, date = (
                consent.profile_state(author, today) if author else (consent.UNKNOWN, None)
            )
            rows.append(
                Involved(
                    author.name if author else person.author,
                    LISTED,
                    state,
                    date,
                    author.consent.evidence if author else None,
                    person.line,
                )
            )
            continue
        state, date = consent.state(person.consent, today, None, person.expires)
        if state == consent.OK and not person.evidence:
            state = consent.NO_EVIDENCE
        rows.append(Involved(person.name or "?", GUEST, state, date, person.evidence, person.line))
    listed = {*post.authors, *(p.author for p in post.people if p.author)}
    for slug, line in consent.mentions(post, repo).items():
        if slug in listed:
            continue
        author = repo.authors[slug]
        state, date = consent.profile_state(author, today)
        rows.append(Involved(author.name, NAMED, state, date, author.consent.evidence, line))
    for finding in findings:
        if finding.rule == UNLISTED_RULE and finding.file == post.file:
            name = finding_values(finding, lang).get("name") or finding.message
            rows.append(Involved(name, NAMED_ONLY, UNLISTED, None, None, finding.line))
    return rows
