"""Personal data that must never be published: e-mail, phone, CPR, IBAN, payment cards.

Read in what readers read (the rendered text, alt texts, captions, the front matter's
published fields, the addresses of ``mailto:`` links), so markup or line breaks inside a
number no longer hide it. Numbers are validated by the libraries that know them
(python-stdnum for CPR, IBAN and the Luhn checksum, phonenumbers for phone numbers), and
each detector masks what it found so one number is reported once, by its most specific kind.

An address is a person's unless it looks like a team's (jobs@, presse@, inquiries18f@, one
named after the company): a team's mailbox the policy does not list is a warning for HR,
since real archives are full of them and none of them is anyone's personal data.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Iterator
from urllib.parse import unquote

import phonenumbers
from stdnum import iban, luhn
from stdnum.dk import cpr

from advocacy.core.checking.names import given_names
from advocacy.core.checking.registry import PAGE, POST, Rule, check, rule
from advocacy.core.checking.texts import (
    Segment,
    author_segments,
    page_segments,
    post_segments,
    shown_attributes,
)
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository

_CANDIDATE = re.compile(r"[\d@]")  # nothing to find in a text without these
# Web addresses hold ids, not personal data (mailto: addresses are read on their own).
_URL = re.compile(r"\b[a-z][\w+.-]*://[^\s<>\"]*", re.IGNORECASE)
# Reserved example domains and git's ssh form (git@host:repo) are not anyone's address.
_NOT_AN_ADDRESS = re.compile(
    r"@(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|"
    r"invalid|localhost))$|^git@",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])", re.I)
_IBAN = re.compile(
    r"(?<![a-z0-9])[a-z]{2}\d{2}(?:[ ]?[a-z0-9]{4}){2,7}(?:[ ]?[a-z0-9]{1,3})?"
    r"(?![a-z0-9])",
    re.I,
)
# Numbers glued to letters, slashes or '=' are ids in URLs and code, not personal data.
_CARD = re.compile(r"(?<![\w+/=#.-])(?<!\d )(?:\d[ .-]?){12,18}\d(?![\w/=-]|\.\d)")
_CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|6011|65|35|3[068]|5019|4571)")
_CPR = re.compile(r"(?<![\w+/=#.-])\d{6}[- /.]?\d{4}(?![\w/=-]|\.\d)")
# A Danish number as people write it: four pairs, or two fours (spaces or hyphens between).
_DK_GROUPS = re.compile(
    r"^(?:\(?\+45\)?[ .-]?)?(?:\d{2}([ .-])){3}\d{2}$|^(?:\(?\+45\)?[ .-]?)?\d{4}[ .-]\d{4}$"
)
# Every dash and hyphen reads as '-' between digits ("020295–1237"): one character for one,
# so positions stay the text's.
_DASHES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63", "-")
)
_INTERNATIONAL = re.compile(r"(?<![\w+])00(?=[1-9]\d)")
_DATE_LIKE = re.compile(r"^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$|^(?:19|20)\d\d(?:[ -](?:19|20)\d\d)+$")

E = Severity.ERROR
_FIX = {
    "email": (
        "Remove it; if readers should write to us, use a role mailbox HR lists in "
        "the policy (like jobs@...).",
        "Fjern den; skal læserne kunne skrive til os, så brug en fælles postkasse "
        "fra politikken (som jobs@...).",
    ),
    "phone": (
        "Remove it; people who want to reach us find the way on the jobs page.",
        "Fjern det; den, der vil kontakte os, finder vej via jobsiden.",
    ),
}


def _declare(
    kind: str, what: tuple[str, str], summary: tuple[str, str], fix: tuple[str, str]
) -> Rule:
    return rule(
        f"personal-{kind}",
        E,
        summary,
        (f"{what[0]} must not be published: '{{value}}'.", fix[0]),
        (f"{what[1]} må ikke udgives: '{{value}}'.", fix[1]),
    )


EMAIL = _declare(
    "email",
    ("An e-mail address", "En e-mailadresse"),
    (
        "No e-mail addresses, except the role mailboxes HR lists.",
        "Ingen e-mailadresser, undtagen de fælles postkasser, HR har godkendt.",
    ),
    _FIX["email"],
)
PHONE = _declare(
    "phone",
    ("A phone number", "Et telefonnummer"),
    ("No phone numbers.", "Ingen telefonnumre."),
    _FIX["phone"],
)
CPR = _declare(
    "cpr",
    ("A CPR number", "Et CPR-nummer"),
    ("No CPR numbers.", "Ingen CPR-numre."),
    (
        "Remove it at once; a CPR number never belongs in a post.",
        "Fjern det straks; et CPR-nummer hører aldrig hjemme i et indlæg.",
    ),
)
IBAN = _declare(
    "iban",
    ("A bank account number (IBAN)", "Et bankkontonummer (IBAN)"),
    ("No bank account numbers.", "Ingen kontonumre."),
    ("Remove it.", "Fjern det."),
)
CARD = _declare(
    "card",
    ("A payment card number", "Et betalingskortnummer"),
    ("No payment card numbers.", "Ingen betalingskortnumre."),
    ("Remove it at once.", "Fjern det straks."),
)
RULE_OF: dict[str, Rule] = {"email": EMAIL, "phone": PHONE, "cpr": CPR, "iban": IBAN, "card": CARD}
MAILBOX = rule(
    "mailbox-unlisted",
    Severity.WARNING,
    (
        "A team mailbox the policy does not list is pointed out for HR.",
        "En fælles postkasse, som politikken ikke nævner, bliver fremhævet for HR.",
    ),
    (
        "'{value}' looks like a team mailbox, not a person's address, but the policy does not "
        "list it.",
        "If readers may write to it, ask HR to add it (or a pattern like '*-inquiries@{domain}') "
        "under 'role_mailboxes' in policy.yml; otherwise remove it.",
    ),
    (
        "'{value}' ligner en fælles postkasse, ikke en persons adresse, men politikken nævner "
        "den ikke.",
        "Må læserne skrive til den, så bed HR om at tilføje den (eller et mønster som "
        "'*-kontakt@{domain}') under 'role_mailboxes' i policy.yml; ellers fjern den.",
    ),
)
# Words that make an address a team's: jobs@, presse@, inquiries18f@, cloud-gov-support@.
_ROLE_WORDS = frozenset(
    """
info information kontakt contact contacts inquiries inquiry enquiries enquiry questions
support help helpdesk servicedesk service kundeservice customerservice feedback press presse
media jobs job careers career karriere rekruttering recruiting recruitment hr team teams hello
hej office kontor sales salg admin administration webmaster webmanager hostmaster postmaster
noreply no-reply donotreply security privacy abuse reports report request requests subscribe
unsubscribe news newsletter nyhedsbrev marketing events event booking billing faktura
regnskab accounting finance legal compliance investor investors ir partners partnership
participate join apply research community developers devops ops data forms mail post
tips praktik studiejob
""".split()
)
# Addresses at these are always someone's own, whatever their first part says.
_PERSONAL_DOMAINS = re.compile(
    r"@(?:gmail|googlemail|hotmail|outlook|live|msn|yahoo|ymail|icloud|me|mac|aol|gmx|"
    r"proton|protonmail|pm|mail|jubii|ofir|sol|stofanet|webspeed|youmail|tdcadsl|get2net|"
    r"privat|email)\.[a-z.]+$",
    re.IGNORECASE,
)
_LEGAL_FORM = re.compile(
    r"\s+(?:A/S|ApS|I/S|P/S|IVS|Inc\.?|Ltd\.?|LLC|GmbH|AB|ASA|plc)$", re.IGNORECASE
)
_LOCAL_PARTS = re.compile(r"[a-zæøå]+|\d+")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def allowed_mailbox(address: str, patterns: list[str]) -> bool:
    """Whether ``address`` is a role or team mailbox the policy allows (an exact address or a
    pattern: ``jobs@kystlinje.dk``, ``*-team@kystlinje.dk``, ``*@press.kystlinje.dk``), or an
    address at a reserved example domain."""
    value = address.lower()
    return bool(_NOT_AN_ADDRESS.search(value)) or any(
        fnmatch.fnmatchcase(value, p) for p in patterns
    )


def team_mailbox(address: str, company: str = "") -> bool:
    """Whether ``address`` looks like a team's mailbox rather than a person's: a word like
    jobs, press, support or inquiries in its first part, or the company's own name (18f@,
    calc-18f@), no given name there (amy.wilson@ is Amy's, support.anna@ too), and not at a
    provider of private mailboxes (gmail.com)."""
    local = address.lower().rsplit("@", 1)[0]
    if _PERSONAL_DOMAINS.search(address):
        return False
    words = _LOCAL_PARTS.findall(local)
    if any(len(word) >= 2 and word in given_names() for word in words):
        return False
    own = re.sub(r"[\W_]+", "", _LEGAL_FORM.sub("", company).lower())
    if len(own) >= 2 and (own in words or local.startswith(own) or local.endswith(own)):
        return True
    return any(
        word in _ROLE_WORDS
        or any(
            len(role) >= 4 and (word.startswith(role) or word.endswith(role))
            for role in _ROLE_WORDS
        )
        for word in words
    )


def _card(number: str) -> bool:
    digits = _digits(number)
    return 13 <= len(digits) <= 19 and bool(_CARD_PREFIX.match(digits)) and luhn.is_valid(digits)


def _phones(text: str) -> Iterator[tuple[int, int]]:
    """Spans of phone numbers: any number written with its country code, and Danish numbers
    written the way people write phone numbers (grouped; a bare eight-digit number is more
    often an id)."""
    # 0045 ... read as +45 ...: " +" keeps the text's length, so spans stay the text's.
    work = _INTERNATIONAL.sub(" +", text)
    work = work.replace("++", " +")
    for match in phonenumbers.PhoneNumberMatcher(
        work, "DK", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        raw = match.raw_string.strip()
        if _DATE_LIKE.match(raw):
            continue
        if "." in raw and not phonenumbers.is_valid_number(match.number):
            continue  # 10.20.30.40 is an IP address, not a Danish number
        if raw.lstrip("(").startswith("+") or _DK_GROUPS.match(raw):  # a country code: a phone
            start = match.start
            if text[start - 1 : start + 1] == "00":
                start -= 1  # the number as written begins with its 00
            yield start, match.end


Detector = tuple[str, Callable[[str, list[str]], Iterator[tuple[int, int]]]]


def _regex(
    pattern: re.Pattern[str], accept: Callable[[str, list[str]], bool]
) -> Callable[[str, list[str]], Iterator[tuple[int, int]]]:
    def find(text: str, mailboxes: list[str]) -> Iterator[tuple[int, int]]:
        for match in pattern.finditer(text):
            if accept(match.group(), mailboxes):
                yield match.span()

    return find


DETECTORS: list[Detector] = [
    ("email", _regex(_EMAIL, lambda v, boxes: not allowed_mailbox(v, boxes))),
    ("iban", _regex(_IBAN, lambda v, boxes: iban.is_valid(v))),
    ("card", _regex(_CARD, lambda v, boxes: _card(v))),
    ("cpr", _regex(_CPR, lambda v, boxes: cpr.is_valid(_digits(v)))),
    ("phone", lambda text, boxes: _phones(text)),
]


def find_personal_data(
    text: str, mailboxes: list[str], code: bool = False
) -> list[tuple[str, int, str]]:
    """(kind, start, value) for every piece of personal data in ``text``.

    In code, a lone number is more often an id than a phone number, so phone numbers are not
    looked for there; everything else is, since code is published too.
    """
    found = []
    work = _URL.sub(lambda m: " " * len(m.group()), text.translate(_DASHES))
    for kind, detect in DETECTORS:
        if code and kind == "phone":
            continue
        if kind == "phone":  # what has the shape of an account number is not a phone number
            work = _IBAN.sub(lambda m: "#" * len(m.group()), work)
        for start, end in list(detect(work, mailboxes)):
            found.append((kind, start, text[start:end].strip()))
            work = work[:start] + "#" * (end - start) + work[end:]
    return sorted(found, key=lambda f: f[1])


def findings_in(repo: Repository, segments: list[Segment]) -> Iterator[Finding]:
    """Personal data in published texts, each at its line."""
    boxes = [m.lower() for m in repo.policy.role_mailboxes]
    for segment in segments:
        # Read folded: a full-width '＠' or '１' is '@' and '1' to every reader.
        if not _CANDIDATE.search(segment.folded):
            continue  # the common case: nothing that could be a number or an address
        found = find_personal_data(segment.folded, boxes, segment.code)
        if not found and segment.field in _NUMBERS and len(_digits(segment.folded)) >= 6:
            # A tel: link, or a list marker (<ol start="20304050">): a number on its own.
            yield PHONE.finding(repo.lang, segment.file, segment.line, value=segment.text)
            continue
        same = len(segment.text) == len(segment.folded)  # then positions are the text's too
        for kind, start, value in found:
            line = segment.line_of(value, segment.folded[:start])
            if same:
                value = segment.text[start : start + len(value)]
            if kind == "email" and team_mailbox(value, repo.policy.company):
                yield MAILBOX.finding(
                    repo.lang, segment.file, line, value=value, domain=value.rsplit("@", 1)[-1]
                )
            else:
                yield RULE_OF[kind].finding(repo.lang, segment.file, line, value=value)


# Fields that hold one number: a tel: link's, a list's marker (start, value).
_NUMBERS = frozenset({"tel", "start", "value"})


def _mailto(doc: Post | DocPage) -> list[Segment]:
    """The addresses of ``mailto:`` and ``tel:`` links, which readers see only when they
    hover (a ``tel:`` link is left out of the page, but the writer meant to publish it)."""
    if doc.rendered is None:
        return []
    return [
        Segment(
            doc.file,
            line,
            unquote(ref.written.split(":", 1)[1].split("?")[0]),
            ref.written.strip().split(":", 1)[0].lower(),
        )
        for ref, line in doc.rendered.refs
        if ref.written.strip().lower().startswith(("mailto:", "tel:"))
    ]


@check(on=(POST, PAGE))
def personal_data(repo: Repository, doc: Post | DocPage) -> Iterator[Finding]:
    """E-mail addresses, phone, CPR, IBAN and card numbers, wherever they are published."""
    segments = post_segments(doc, repo.site.root) if isinstance(doc, Post) else page_segments(doc)
    yield from findings_in(repo, [*segments, *_mailto(doc), *shown_attributes(doc)])


def author_personal_data(repo: Repository) -> Iterator[Finding]:
    """The same in what author pages publish (role, team, location, bio)."""
    for author in repo.authors.values():
        yield from findings_in(repo, author_segments(author))
