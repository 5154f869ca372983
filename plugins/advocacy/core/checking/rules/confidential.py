"""Confidentiality: organisations named without approval, confidential terms, financials."""

from __future__ import annotations

import re
from collections.abc import Iterator

from advocacy.core.checking.registry import PAGE, POST, check, rule
from advocacy.core.checking.texts import (
    Segment,
    address_segments,
    author_segments,
    forms,
    page_segments,
    post_segments,
    shown_attributes,
)
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.textnorm import fold, term_pattern
from advocacy.core.reading.repository import Repository

_LEGAL_FORM = (
    r"A/S|ApS|I/S|P/S|K/S|IVS|AMBA|a\.m\.b\.a\.|Inc\.?|Ltd\.?|LLC|GmbH|AG|AB|Oy|"
    r"ASA|plc|S\.A\.|B\.V\.|N\.V\."
)
# Words of a name (dots only inside one, as in "A.P.": a dot before a space ends a sentence).
_COMPANY = re.compile(
    r"(?<![\w])((?:[A-ZÆØÅ0-9][\w&'-]*(?:\.[\w&'-]+)*\s+"
    r"(?:(?:and|og|of|for|&)\s+)?){1,5})("
    + _LEGAL_FORM
    + r"|LLP|Corporation|Corp\.|Company)(?![\w/])"
)
# A figure is an amount: a currency, a unit, a percentage or thousands separators. A bare
# number (18F, 2.0, 1980s, a year) is not.
_UNIT = (
    r"%|procent|percent|mio\.?|mia\.?|millioner|millions?|milliarder|billions?|mn|bn|"
    r"kr\.?|kroner|dkk|eur|euro|usd|dollars?"
)
_FIGURE = re.compile(
    r"(?:[$€£]\s?\d[\d.,]*|(?<![\w.,])\d[\d.,]*\s?(?:" + _UNIT + r")(?!\w)"
    r"|(?<![\w.,])\d{1,3}(?:[.,]\d{3})+(?![\w.,]))",
    re.IGNORECASE,
)
# Words that are financial only beside money: "resultatet af testen var 95 %" and "FAR part
# 39.103 and its guidance" are not results or guidance of the company.
_MONEY_ONLY = frozenset({"resultat", "guidance"})
_MONEY = re.compile(
    r"[$€£]\s?\d|\d[\d.,]*\s?(?:mio\.?|mia\.?|millioner|millions?|"
    r"milliarder|billions?|mn|bn|kr\.?|kroner|dkk|eur|euro|usd|dollars?)(?!\w)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_NEAR = 60  # characters between a financial term and a figure that count as "near"

E, W = Severity.ERROR, Severity.WARNING
RESTRICTED = rule(
    "organisation-restricted",
    E,
    (
        "Customers, partners and suppliers are named only with approval.",
        "Kunder, partnere og leverandører nævnes kun med godkendelse.",
    ),
    (
        "'{name}' may not be named: the policy does not list it as approved.",
        'Describe them without the name ("a large Danish retailer"), or ask HR to get their '
        "approval first.",
    ),
    (
        "'{name}' må ikke nævnes: politikken har den ikke som godkendt.",
        'Beskriv dem uden navn ("en stor dansk detailkæde"), eller bed HR om at få deres '
        "godkendelse først.",
    ),
)
UNKNOWN = rule(
    "organisation-unknown",
    W,
    (
        "A company name the policy does not know is pointed out for HR to look at.",
        "Et firmanavn, som politikken ikke kender, bliver fremhævet, så HR kan se på det.",
    ),
    (
        "'{name}' looks like a company the policy does not list as approved.",
        "If it is a customer, partner or supplier, describe them without the name, or ask HR to "
        "add it under 'approved_organisations'.",
    ),
    (
        "'{name}' ligner en virksomhed, som politikken ikke har som godkendt.",
        "Er det en kunde, partner eller leverandør, så beskriv dem uden navn, eller bed HR om at "
        "tilføje den under 'approved_organisations'.",
    ),
)
TERM = rule(
    "confidential-term",
    E,
    (
        "Project code names and confidential terms are never published.",
        "Projektnavne og fortrolige betegnelser udgives aldrig.",
    ),
    (
        "This line contains a confidential term from HR's list ({hint}).",
        "Take it out: project code names and internal terms are not for the public. Ask HR if "
        "you are unsure what may be said.",
    ),
    (
        "Linjen indeholder et fortroligt ord fra HR's liste ({hint}).",
        "Fjern det: projektnavne og interne betegnelser er ikke til offentligheden. Spørg HR, "
        "hvis du er i tvivl om, hvad der må siges.",
    ),
)
FINANCIAL = rule(
    "financial-figures",
    E,
    (
        "Financial figures (revenue, profit, EBITDA, guidance) wait for the company's release.",
        "Økonomiske tal (omsætning, resultat, EBITDA, forventninger) venter på virksomhedens "
        "offentliggørelse.",
    ),
    (
        "'{term}' with a figure may not be published before {date}, when the company publishes "
        "its results.",
        "Take the figure out, or wait until {date}.",
    ),
    (
        "'{term}' med et tal må ikke udgives før {date}, hvor virksomheden offentliggør sit "
        "regnskab.",
        "Fjern tallet, eller vent til {date}.",
    ),
    variants={
        "financial-figures-always": {
            "en": (
                "'{term}' with a figure may not be published: the policy sets no release date.",
                "Take the figure out, or ask HR to set 'financial: next_release:'.",
            ),
            "da": (
                "'{term}' med et tal må ikke udgives: politikken har ingen offentliggørelsesdato.",
                "Fjern tallet, eller bed HR om at sætte 'financial: next_release:'.",
            ),
        }
    },
)


def _approved_names(repo: Repository) -> list[str]:
    def make() -> list[str]:
        names = [fold(n) for org in repo.policy.approved for n in org.names]
        names.append(fold(repo.policy.company or repo.site.site_name))
        return [n for n in names if n]

    return repo.cache.get("approved", make)


def _patterns(
    repo: Repository, key: str, terms: list[tuple[str, str]]
) -> list[tuple[str, re.Pattern[str]]]:
    """(label, pattern) for each (label, term), compiled once per repository."""
    return repo.cache.get(
        key, lambda: [(label, term_pattern(t)) for label, t in terms if t.strip()]
    )


def _hint(term: str) -> dict[str, str]:
    letters = len(term.replace(" ", ""))
    return {
        "en": f"it starts with '{term[0]}', {letters} letters",
        "da": f"det starter med '{term[0]}', {letters} bogstaver",
    }


def _forms_patterns(
    repo: Repository, key: str, terms: list[tuple[str, str]]
) -> list[tuple[str, tuple[re.Pattern[str], ...]]]:
    """(label, patterns) for each (label, term): the term as written and spelled in ASCII."""
    return repo.cache.get(
        key,
        lambda: [
            (label, tuple(dict.fromkeys(term_pattern(f) for f in forms(term))))
            for label, term in terms
            if term.strip()
        ],
    )


def _search(segment: Segment, patterns: tuple[re.Pattern[str], ...]) -> int | None:
    """The line of the first match of any pattern in any form of the segment, or None."""
    for number, text in enumerate(segment.forms):
        for pattern in patterns:
            match = pattern.search(text)
            if match:
                if number == 0:  # the folded text: positions are the text's own
                    return segment.line_of(match.group(), text[: match.start()]) or 0
                return segment.line or 0
    return None


@check(on=(POST, PAGE))
def confidentiality(repo: Repository, doc: Post | DocPage) -> Iterator[Finding]:
    """Restricted and unknown organisations, confidential terms, early financial figures."""
    segments = post_segments(doc, repo.site.root) if isinstance(doc, Post) else page_segments(doc)
    yield from confidential_in(repo, [*segments, *shown_attributes(doc), *address_segments(doc)])


# Addresses (anchors, links, file names) repeat what the text says: a name found there is
# reported only when the text did not already say it, and they are read for names only.
_ADDRESSES = frozenset({"anchor", "url"})


def confidential_in(repo: Repository, segments: list[Segment]) -> Iterator[Finding]:
    """The findings of :func:`confidentiality` in any published texts."""
    policy, lang = repo.policy, repo.lang
    restricted = _forms_patterns(
        repo, "restricted", [(o.name, n) for o in policy.restricted for n in o.names]
    )
    terms = _forms_patterns(repo, "terms", [(t, t) for t in policy.confidential_terms])
    financial = _patterns(repo, "financial", [(t, t) for t in policy.financial_terms])
    embargo = policy.next_release is None or repo.site.today < policy.next_release
    approved = _approved_names(repo)
    said: set[tuple[str, str]] = set()
    for segment in segments:
        address = segment.field in _ADDRESSES
        for name, patterns in restricted:
            if address and ("org", name) in said:
                continue
            line = _search(segment, patterns)
            if line is not None:
                said.add(("org", name))
                yield RESTRICTED.finding(lang, segment.file, line or segment.line, name=name)
        for term, patterns in terms:
            if address and ("term", term) in said:
                continue
            line = _search(segment, patterns)
            if line is not None:
                said.add(("term", term))
                yield TERM.finding(lang, segment.file, line or segment.line, hint=_hint(term))
        if address:
            continue
        for match in _COMPANY.finditer(segment.text):
            name = " ".join(match.group().split())
            known = any(fold(name).startswith(a) or a.startswith(fold(name)) for a in approved)
            if not known and not any(p.search(fold(name)) for _, ps in restricted for p in ps):
                yield UNKNOWN.finding(
                    lang,
                    segment.file,
                    segment.line_of(match.group(), segment.text[: match.start()]),
                    name=name,
                )
        if embargo and _DIGIT.search(segment.folded):
            yield from _financial(repo, segment, financial)


def author_confidential(repo: Repository) -> Iterator[Finding]:
    """The same in what author pages publish (role, team, location, bio)."""
    for author in repo.authors.values():
        yield from confidential_in(repo, author_segments(author))


_SENTENCE_END = re.compile(r"[.!?]\s+(?=\S)")


def _financial(
    repo: Repository, segment: Segment, financial: list[tuple[str, re.Pattern[str]]]
) -> Iterator[Finding]:
    folded = segment.folded
    figures = [m.span() for m in _FIGURE.finditer(folded)]
    ends = [m.end() for m in _SENTENCE_END.finditer(folded)]

    def sentence(at: int) -> int:
        return sum(1 for end in ends if end <= at)

    money = [m.start() for m in _MONEY.finditer(folded)]
    for term, _ in financial:
        near = figures
        if fold(term) in _MONEY_ONLY:
            near = [
                (f_start, f_end)
                for f_start, f_end in figures
                if any(f_start <= at < f_end for at in money)
            ]
        # Danish inflects the noun (omsætningen, resultatet): match the term as a prefix.
        for match in re.finditer(r"(?<![\w-])" + re.escape(fold(term)) + r"\w*", folded):
            start, end = match.span()
            if any(
                f_start - end <= _NEAR
                and start - f_end <= _NEAR
                and sentence(f_start) == sentence(start)
                for f_start, f_end in near
            ):
                date = repo.policy.next_release
                key = None if date else "financial-figures-always"
                yield FINANCIAL.finding(
                    repo.lang,
                    segment.file,
                    segment.line_of(match.group(), folded[:start]),
                    key,
                    term=term,
                    date=date.isoformat() if date else "",
                )
                break
