"""Personal data that must never be published: e-mail, phone, CPR, IBAN, payment cards.

Each detector masks what it found so one number is reported once, by its most specific
kind (a card number is not also a phone number).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from advocacy.core.checking.rules.registry import describe, rule, segments
from advocacy.core.i18n.messages import CATALOG
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.textnorm import INVISIBLE, unescape_all

_CANDIDATE = re.compile(r"[\d@&]")  # nothing to find in a line without these
# Link targets and bare web addresses hold ids, not personal data; mailto: and tel: do.
_URL = re.compile(r"(?:\]\(|<|\b)(?!mailto:|tel:)[a-z][\w+.-]*://[^\s)>\]]*|\]\((?!mailto:|tel:)"
                  r"[^)\s]*", re.IGNORECASE)
# Reserved example domains and git's ssh form (git@host:repo) are not anyone's address.
_NOT_AN_ADDRESS = re.compile(r"@(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|"
                             r"invalid|localhost))$|^git@", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])", re.I)
_IBAN = re.compile(r"(?<![a-z0-9])[a-z]{2}\d{2}(?:[ ]?[a-z0-9]{4}){2,7}(?:[ ]?[a-z0-9]{1,3})?"
                   r"(?![a-z0-9])", re.I)
# Numbers glued to letters, slashes or '=' are ids in URLs and code, not personal data.
_CARD = re.compile(r"(?<![\w+/=#.-])(?<!\d )(?:\d[ -]?){12,18}\d(?![\w/=-])")
_CPR = re.compile(r"(?<![\w+/=#.-])(\d{2})(\d{2})(\d{2})[- ]?(\d{4})(?![\w/=-])")
# Spaces only between the groups: 2026-11-20 is a date, not a phone number.
_PHONE_DK = re.compile(r"(?<![\w+/=#.:-])(?<!\d )(?:(?:\+|00)45[ -]?)?(?:\d{2} ?){3}\d{2}"
                       r"(?![\w/=-])(?! \d)")
_PHONE_INTL = re.compile(r"(?<![\d\w])(?<!\d )(?:\+|00)[1-9]\d{0,2}[ -]?"
                         r"(?:\(?\d{1,4}\)?[ -]?){2,5}\d{2,4}(?![\d])(?! \d)")

CATALOG.update({
    "personal-data": {
        "en": ("{what} must not be published: '{value}'.",
               "{fix_en}"),
        "da": ("{what} må ikke udgives: '{value}'.",
               "{fix_da}"),
    },
})

_SUMMARIES = {
    "personal-email": ("No e-mail addresses, except the role mailboxes HR lists.",
                       "Ingen e-mailadresser, undtagen de fælles postkasser, HR har godkendt."),
    "personal-phone": ("No phone numbers.", "Ingen telefonnumre."),
    "personal-cpr": ("No CPR numbers.", "Ingen CPR-numre."),
    "personal-iban": ("No bank account numbers.", "Ingen kontonumre."),
    "personal-card": ("No payment card numbers.", "Ingen betalingskortnumre."),
}
_KINDS = {
    "personal-email": ("An e-mail address", "En e-mailadresse",
                       "Remove it; if readers should write to us, use a role mailbox HR lists in "
                       "the policy (like jobs@...).",
                       "Fjern den; skal læserne kunne skrive til os, så brug en fælles postkasse "
                       "fra politikken (som jobs@...)."),
    "personal-phone": ("A phone number", "Et telefonnummer",
                       "Remove it; people who want to reach us find the way on the jobs page.",
                       "Fjern det; den, der vil kontakte os, finder vej via jobsiden."),
    "personal-cpr": ("A CPR number", "Et CPR-nummer",
                     "Remove it at once; a CPR number never belongs in a post.",
                     "Fjern det straks; et CPR-nummer hører aldrig hjemme i et indlæg."),
    "personal-iban": ("A bank account number (IBAN)", "Et bankkontonummer (IBAN)",
                      "Remove it.", "Fjern det."),
    "personal-card": ("A payment card number", "Et betalingskortnummer",
                      "Remove it at once.", "Fjern det straks."),
}
for rule_id, (en, da) in _SUMMARIES.items():
    describe(rule_id, Severity.ERROR, en, da)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def luhn(number: str) -> bool:
    """The Luhn checksum that every payment card number passes."""
    total = 0
    for index, char in enumerate(reversed(number)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def iban_valid(text: str) -> bool:
    """ISO 13616: the rearranged number modulo 97 is 1."""
    value = re.sub(r"\s", "", text).upper()
    if not 15 <= len(value) <= 34:
        return False
    moved = value[4:] + value[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def cpr_date_valid(day: str, month: str, year: str) -> bool:
    """A real date in DDMMYY for some century (no modulus-11: not used since 2007)."""
    for century in (1900, 2000):
        try:
            dt.date(century + int(year), int(month), int(day))
            return True
        except ValueError:
            continue
    return False


def _phone(match: re.Match[str], repo: Repository) -> bool:
    """Eight digits, unless they are years in a row (``2019 2020``)."""
    groups = match.group().split()
    if all(re.fullmatch(r"(?:19|20)\d\d", g) for g in groups):
        return False
    return len(_digits(match.group())) in (8, 10, 12)


def _allowed_email(value: str, repo: Repository) -> bool:
    return value.lower() in repo.policy.role_mailboxes or bool(_NOT_AN_ADDRESS.search(value))


Detector = tuple[str, re.Pattern[str], Callable[[re.Match[str], Repository], bool]]
DETECTORS: list[Detector] = [
    ("personal-email", _EMAIL, lambda m, repo: not _allowed_email(m.group(), repo)),
    ("personal-iban", _IBAN, lambda m, repo: iban_valid(m.group())),
    ("personal-card", _CARD, lambda m, repo: 13 <= len(_digits(m.group())) <= 19
     and luhn(_digits(m.group()))),
    ("personal-cpr", _CPR, lambda m, repo: cpr_date_valid(*m.groups()[:3])),
    ("personal-phone", _PHONE_INTL, lambda m, repo: 8 <= len(_digits(m.group())) <= 15),
    ("personal-phone", _PHONE_DK, _phone),
]


def find_personal_data(text: str, repo: Repository, code: bool = False
                       ) -> list[tuple[str, str]]:
    """(rule id, matched text) for every piece of personal data in ``text``.

    In code, a lone eight-digit number is more often an id than a phone number, so phone
    numbers are not looked for there; everything else is, since code is published too.
    """
    found = []
    work = _URL.sub(" ", unescape_all(INVISIBLE.sub("", text)))
    for rule_id, pattern, accept in DETECTORS:
        if code and rule_id == "personal-phone":
            continue
        for match in pattern.finditer(work):
            if accept(match, repo):
                found.append((rule_id, match.group().strip()))
                start, end = match.span()
                work = work[:start] + "#" * (end - start) + work[end:]
    return found


@rule
def personal_data(repo: Repository, post: Post) -> Iterator[Finding]:
    """E-mail addresses, phone, CPR, IBAN and card numbers, wherever they are published."""
    for segment in segments(post):
        if not _CANDIDATE.search(segment.text):
            continue  # the common case: nothing that could be a number or an address
        for rule_id, value in find_personal_data(segment.text, repo, segment.code):
            en, da, fix_en, fix_da = _KINDS[rule_id]
            yield repo.finding(post.file, segment.line, rule_id, "personal-data",
                               Severity.ERROR, what={"en": en, "da": da}, value=value,
                               fix_en=fix_en, fix_da=fix_da)
