"""The consent report for HR: missing, expiring, expired, withdrawn, and people who left."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from advocacy.core.checking import consent
from advocacy.core.i18n.catalog import plural, text
from advocacy.core.reading.repository import Repository
from advocacy.core.review.escape import code, line, markdown

EXPIRING = "expiring"
LEFT = "left"
ORDER = (
    consent.UNREADABLE,
    consent.MISSING,
    consent.NO_EVIDENCE,
    consent.WITHDRAWN,
    consent.EXPIRED,
    EXPIRING,
    LEFT,
)


@dataclass
class Record:
    """One person whose consent HR should look at."""

    who: str
    file: str  # the author file, or the post that names the person
    line: int | None
    state: str  # unreadable, missing, evidence, withdrawn, expired, expiring or left
    date: str | None
    posts: list[str] = field(default_factory=list)  # posts affected


def _expiring(expires: dt.date | None, today: dt.date, within: int) -> bool:
    return expires is not None and today < expires <= today + dt.timedelta(days=within)


def consent_records(repo: Repository, within: int = 30) -> list[Record]:
    """Every record HR should act on, most urgent state first, then by name."""
    today = repo.site.today
    records: list[Record] = []
    for slug, author in sorted(repo.authors.items()):
        posts = [
            p.file
            for p in repo.posts
            if slug in p.authors or any(x.author == slug for x in p.people)
        ]
        state, date = consent.profile_state(author, today)
        c = author.consent
        if state == consent.OK and _expiring(c.expires, today, within):
            state, date = EXPIRING, c.expires
        if state != consent.OK:
            records.append(
                Record(
                    author.name, author.file, 1, state, date.isoformat() if date else None, posts
                )
            )
        if author.left is not None and author.left <= today:
            records.append(
                Record(author.name, author.file, 1, LEFT, author.left.isoformat(), posts)
            )
    for post in repo.posts:
        for index, person in enumerate(post.people):
            if person.author:
                continue
            state, date = consent.state(person.consent, today, None, person.expires)
            if state == consent.OK and not person.evidence:
                state = consent.NO_EVIDENCE
            if state == consent.OK and _expiring(person.expires, today, within):
                state, date = EXPIRING, person.expires
            if state != consent.OK:
                records.append(
                    Record(
                        person.name or "?",
                        post.file,
                        post.line_of("people", index),
                        state,
                        date.isoformat() if date else None,
                        [post.file],
                    )
                )
    return sorted(records, key=lambda r: (ORDER.index(r.state), r.who, r.file))


def summary(records: list[Record]) -> dict[str, int]:
    """How many records there are of each state, most urgent first."""
    return {state: sum(r.state == state for r in records) for state in ORDER}


def as_json(records: list[Record]) -> dict[str, object]:
    """The report as JSON-ready data: the records and a count per state."""
    return {"records": [asdict(r) for r in records], "summary": summary(records)}


def _label(lang: str, state: str) -> str:
    return text(lang, f"consent.state.{state}")


def _intro(lang: str, records: list[Record], within: int) -> str:
    return plural(
        lang, "consent_report.intro", len(records), days=plural(lang, "consent_report.days", within)
    )


def as_anonymous_markdown(records: list[Record], lang: str, within: int) -> str:
    """The report without a single name or file: counts by state, for a public issue (who
    withdrew consent, or left, is nobody else's business)."""
    lines = [f"## {text(lang, 'consent_report.title')}", ""]
    if not records:
        return "\n".join([*lines, text(lang, "consent_report.nothing"), ""])
    counts = summary(records)
    lines += [
        _intro(lang, records, within),
        "",
        f"| {text(lang, 'consent_report.state')} | # |",
        "|---|---|",
    ]
    lines += [f"| {_label(lang, s)} | {n} |" for s, n in counts.items() if n]
    return "\n".join([*lines, "", text(lang, "consent_report.anonymous"), ""])


def as_markdown(records: list[Record], lang: str, within: int) -> str:
    """A table HR can read in a private place (never a public issue: it names people)."""
    lines = [f"## {text(lang, 'consent_report.title')}", ""]
    if not records:
        return "\n".join([*lines, text(lang, "consent_report.nothing"), ""])
    head = [
        text(lang, "consent_report.who"),
        text(lang, "consent_report.state"),
        text(lang, "consent_report.date"),
        text(lang, "consent_report.where"),
        text(lang, "consent_report.posts"),
    ]
    lines += [_intro(lang, records, within), "", f"| {' | '.join(head)} |", "|---|---|---|---|---|"]
    for r in records:
        lines.append(
            f"| {markdown(r.who)} | {_label(lang, r.state)} | {r.date or ''} | "
            f"{code(r.file, cell=True)} | {len(r.posts)} |"
        )
    return "\n".join(lines) + "\n"


def as_text(records: list[Record], lang: str, within: int) -> str:
    """One line per record, for a terminal."""
    if not records:
        return text(lang, "consent_report.nothing") + "\n"
    return "".join(
        f"{line(r.file)}:{r.line or 1}: {_label(lang, r.state)}: {line(r.who)}"
        f"{' (' + r.date + ')' if r.date else ''}; "
        f"{plural(lang, 'consent_report.post_count', len(r.posts))}\n"
        for r in records
    )
