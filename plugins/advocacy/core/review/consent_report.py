"""The consent report for HR: missing, expiring, expired, withdrawn, and people who left."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from advocacy.core.checking import consent
from advocacy.core.reading.repository import Repository
from advocacy.core.review.escape import code, line, markdown

EXPIRING = "expiring"
LEFT = "left"
ORDER = (consent.MISSING, consent.NO_EVIDENCE, consent.WITHDRAWN, consent.EXPIRED, EXPIRING,
         LEFT)


@dataclass
class Record:
    """One person whose consent HR should look at."""

    who: str
    file: str  # the author file, or the post that names the person
    line: int | None
    state: str  # missing, evidence, withdrawn, expired, expiring or left
    date: str | None
    posts: list[str] = field(default_factory=list)  # posts affected


def _expiring(expires: dt.date | None, today: dt.date, within: int) -> bool:
    return expires is not None and today < expires <= today + dt.timedelta(days=within)


def consent_records(repo: Repository, within: int = 30) -> list[Record]:
    """Every record HR should act on, most urgent state first, then by name."""
    today = repo.site.today
    records: list[Record] = []
    for slug, author in sorted(repo.authors.items()):
        posts = [p.file for p in repo.posts if slug in p.authors
                 or any(x.author == slug for x in p.people)]
        state, date = consent.profile_state(author, today)
        c = author.consent
        if state == consent.OK and _expiring(c.expires, today, within):
            state, date = EXPIRING, c.expires
        if state != consent.OK:
            records.append(Record(author.name, author.file, 1, state,
                                  date.isoformat() if date else None, posts))
        if author.left is not None and author.left <= today:
            records.append(Record(author.name, author.file, 1, LEFT, author.left.isoformat(),
                                  posts))
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
                records.append(Record(person.name or "?", post.file,
                                      post.line_of("people", index), state,
                                      date.isoformat() if date else None, [post.file]))
    return sorted(records, key=lambda r: (ORDER.index(r.state), r.who, r.file))


LABELS = {
    "en": {consent.MISSING: "no consent", consent.NO_EVIDENCE: "no evidence",
           consent.WITHDRAWN: "withdrawn", consent.EXPIRED: "expired",
           EXPIRING: "expires soon", LEFT: "has left"},
    "da": {consent.MISSING: "intet samtykke", consent.NO_EVIDENCE: "ingen dokumentation",
           consent.WITHDRAWN: "trukket tilbage", consent.EXPIRED: "udløbet",
           EXPIRING: "udløber snart", LEFT: "er stoppet"},
}
HEAD = {
    "en": ("Consent report", "{n} records need HR's attention (expiring within {days} days "
           "included).", "Who", "State", "Date", "Where", "Posts", "Nothing needs attention."),
    "da": ("Samtykkerapport", "{n} forhold kræver HR's opmærksomhed (inklusive samtykker, der "
           "udløber inden for {days} dage).", "Hvem", "Status", "Dato", "Hvor", "Indlæg",
           "Intet kræver opmærksomhed."),
}


def as_json(records: list[Record]) -> dict[str, object]:
    """The report as JSON-ready data: the records and a count per state."""
    summary = {state: sum(r.state == state for r in records) for state in ORDER}
    return {"records": [asdict(r) for r in records], "summary": summary}


ANONYMOUS = {
    "en": ("Run `advocacy consent` on your own computer for the names: this report is public "
           "when the repository is, so it counts and never names."),
    "da": ("Kør `advocacy consent` på din egen computer for at se navnene: rapporten er "
           "offentlig, når repositoriet er det, så den tæller og nævner ingen."),
}


def as_anonymous_markdown(records: list[Record], lang: str, within: int) -> str:
    """The report without a single name or file: counts by state, for a public issue (who
    withdrew consent, or left, is nobody else's business)."""
    title, intro, _, state, *_rest = HEAD.get(lang, HEAD["en"])
    labels = LABELS.get(lang, LABELS["en"])
    lines = [f"## {title}", ""]
    if not records:
        return "\n".join([*lines, HEAD.get(lang, HEAD["en"])[7], ""])
    counts = as_json(records)["summary"]
    lines += [intro.format(n=len(records), days=within), "", f"| {state} | # |", "|---|---|"]
    lines += [f"| {labels[s]} | {n} |" for s, n in counts.items() if n]  # type: ignore[union-attr]
    return "\n".join([*lines, "", ANONYMOUS.get(lang, ANONYMOUS["en"]), ""])


def as_markdown(records: list[Record], lang: str, within: int) -> str:
    """A table HR can read in a private place (never a public issue: it names people)."""
    title, intro, who, state, date, where, posts, nothing = HEAD.get(lang, HEAD["en"])
    labels = LABELS.get(lang, LABELS["en"])
    lines = [f"## {title}", ""]
    if not records:
        return "\n".join([*lines, nothing, ""])
    lines += [intro.format(n=len(records), days=within), "",
              f"| {who} | {state} | {date} | {where} | {posts} |", "|---|---|---|---|---|"]
    for r in records:
        lines.append(f"| {markdown(r.who)} | {labels[r.state]} | {r.date or ''} | {code(r.file)} | "
                     f"{len(r.posts)} |")
    return "\n".join(lines) + "\n"


def as_text(records: list[Record], lang: str, within: int) -> str:
    """One line per record, for a terminal."""
    labels = LABELS.get(lang, LABELS["en"])
    if not records:
        return HEAD.get(lang, HEAD["en"])[7] + "\n"
    return "".join(f"{line(r.file)}:{r.line or 1}: {labels[r.state]}: {line(r.who)}"
                   f"{' (' + r.date + ')' if r.date else ''}; {len(r.posts)} post(s)\n"
                   for r in records)
