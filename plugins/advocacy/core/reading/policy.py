"""HR's social-media policy (``policy.yml``): who may be named, what must never be said.

Confidential terms may also come from a file outside the repository or an environment
variable, so a public repository need not publish its own deny-list.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import localized, rule
from advocacy.core.model.site import Site
from advocacy.core.model.textnorm import fold
from advocacy.core.reading.references import SYMLINK
from advocacy.core.reading.schema import (
    TYPE,
    Checker,
    Choice,
    Date,
    Email,
    Field,
    Group,
    ListOf,
    Text,
)
from advocacy.core.reading.schema.yamlsource import (
    MAX_FILE_BYTES,
    NOT_READ,
    UNREADABLE,
    RepoFileError,
    YamlDoc,
    YamlSyntaxError,
    load_yaml,
    read_capped,
    read_repo_text,
    repo_file,
    yaml_finding,
)

TERMS_ENV = "ADVOCACY_CONFIDENTIAL_TERMS"
REQUIRE_ENV = "ADVOCACY_REQUIRE_PRIVATE_TERMS"  # "1" (CI): private terms must be there
SEVERITY_CHOICES = ("error", "warning", "off")
E = Severity.ERROR
TERMS_UNSET = rule(
    "policy-private-terms",
    E,
    ("HR's private terms are there where required.", "HR's private ord er der, hvor det kræves."),
    (
        "{require} is set, but {env} is not set or holds no terms: nothing could be checked "
        "against HR's private confidential terms, so nothing is published.",
        "Create the Actions secret {env} with the terms and pass it in the step's 'env:'.",
    ),
    (
        "{require} er sat, men {env} er ikke sat eller har ingen ord: intet kunne tjekkes mod "
        "HR's private fortrolige ord, så intet bliver udgivet.",
        "Opret Actions-hemmeligheden {env} med ordene, og giv den til trinnet i dets 'env:'.",
    ),
    adjustable=False,
)
TERMS_UNCHECKED = rule(
    "policy-private-terms-unchecked",
    Severity.WARNING,
    ("A check says when private terms were left out.", "Et tjek siger, når private ord mangler."),
    (
        "{env} (confidential_terms_env) is not set: HR's private terms were not checked.",
        "Set {env} (in GitHub Actions: the secret {env}); {require}=1 makes this an error.",
    ),
    (
        "{env} (confidential_terms_env) er ikke sat: HR's private ord blev ikke tjekket.",
        "Sæt {env} (i GitHub Actions: hemmeligheden {env}); {require}=1 gør det til en fejl.",
    ),
    can_block=False,
)

TERMS_FILE = rule(
    "policy-terms-file",
    E,
    ("The confidential terms file can be read.", "Filen med fortrolige ord kan læses."),
    (
        "The confidential terms file '{terms_file}' cannot be read, so nothing could be checked "
        "against it.",
        "Check the path in 'confidential_terms_file', or remove the line.",
    ),
    (
        "Filen med fortrolige ord '{terms_file}' kan ikke læses, så intet kunne tjekkes mod den.",
        "Tjek stien i 'confidential_terms_file', eller fjern linjen.",
    ),
    adjustable=False,
    variants={
        "terms-file-symlink": {
            "en": (
                "The confidential terms file '{terms_file}' is reached through a symbolic link "
                "inside the repository, which is never followed, so nothing could be checked "
                "against it.",
                "Name the file itself, or keep it outside the repository.",
            ),
            "da": (
                "Filen med fortrolige ord '{terms_file}' nås gennem et symbolsk link i "
                "repositoriet, som aldrig bliver fulgt, så intet kunne tjekkes mod den.",
                "Angiv selve filen, eller hold den uden for repositoriet.",
            ),
        },
        "terms-file-not-a-file": {
            "en": (
                "The confidential terms file '{terms_file}' is not a plain file (a folder or a "
                "device), so nothing could be checked against it.",
                "Name a text file with one term per line.",
            ),
            "da": (
                "Filen med fortrolige ord '{terms_file}' er ikke en almindelig fil (en mappe "
                "eller en enhed), så intet kunne tjekkes mod den.",
                "Angiv en tekstfil med ét ord pr. linje.",
            ),
        },
        "terms-file-too-large": {
            "en": (
                "The confidential terms file '{terms_file}' is larger than 1 MB, so it was not "
                "read and nothing could be checked against it.",
                "Keep only the terms in it, one per line.",
            ),
            "da": (
                "Filen med fortrolige ord '{terms_file}' er større end 1 MB, så den blev ikke "
                "læst, og intet kunne tjekkes mod den.",
                "Behold kun ordene i den, ét pr. linje.",
            ),
        },
    },
)

POLICY_FIELD = rule(
    "policy-unknown-field",
    E,
    (
        "The policy has only fields the site knows: a misspelt one would leave a rule empty.",
        "Politikken har kun felter, sitet kender: et felt med en stavefejl ville efterlade en "
        "regel tom.",
    ),
    (
        "Unknown field '{field}' in the policy; nothing is published while the policy has errors.",
        "Check its spelling; known fields: {known}.",
    ),
    (
        "Ukendt felt '{field}' i politikken; intet bliver udgivet, mens politikken har fejl.",
        "Tjek stavningen; kendte felter: {known}.",
    ),
    adjustable=False,
    variants={
        "policy-field-near": {
            "en": (
                "Unknown field '{field}' in the policy: did you mean '{suggestion}'? Nothing is "
                "published while the policy has errors.",
                "Rename '{field}' to '{suggestion}'.",
            ),
            "da": (
                "Ukendt felt '{field}' i politikken: mente du '{suggestion}'? Intet bliver "
                "udgivet, mens politikken har fejl.",
                "Omdøb '{field}' til '{suggestion}'.",
            ),
        },
    },
)


class _PolicyChecker(Checker):
    """A field the policy does not know is an error, not a hint: ``confidential_term:``
    (a letter short) would otherwise leave the deny-list empty without a word."""

    def unknown_field(self, name: str, path: tuple[str | int, ...], known: list[str]) -> None:
        near = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
        if near:
            self.report(
                POLICY_FIELD, (*path, name), "policy-field-near", field=name, suggestion=near[0]
            )
        else:
            self.report(POLICY_FIELD, (*path, name), None, field=name, known=", ".join(known))


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


DEFAULT_FINANCIAL = _words(
    "omsætning|resultat|EBITDA|revenue|profit|guidance|overskud|underskud|"
    "indtjening|earnings|turnover"
)
DEFAULT_SUPERLATIVES = {
    "da": _words(
        "verdens bedste|fantastisk|fantastiske|utrolig|utrolige|unik|unikke|"
        "banebrydende|førende|markedsledende|helt i top|suveræn|episk"
    ),
    "en": _words(
        "amazing|awesome|incredible|world-class|best-in-class|unique|"
        "groundbreaking|leading|market-leading|cutting-edge|game-changing|"
        "revolutionary|unparalleled|epic"
    ),
}

DEFAULT_BUZZWORDS = {
    "da": _words(
        "synergi|synergier|disruption|disruptiv|paradigmeskifte|værdiskabelse|"
        "best practice|win-win|omstillingsparat|helhedsorienteret"
    ),
    "en": _words(
        "synergy|synergies|disrupt|disruptive|paradigm shift|leverage|"
        "best practice|win-win|thought leader|move the needle|value-add|"
        "holistic|ecosystem"
    ),
}

ORG_FIELDS = (
    Field("name", Text(), True, '"Grøn Fremtid ApS"'),
    Field("aliases", ListOf(Text()), example="[Grøn Fremtid]"),
)
WORD_LISTS = Group((Field("da", ListOf(Text())), Field("en", ListOf(Text()))))
POLICY_FIELDS = (
    Field("company", Text(), example='"Kystlinje A/S"'),
    Field(
        "disclosure",
        Group((Field("da", Text()), Field("en", Text()))),
        example='{da: "Jeg arbejder hos Kystlinje.", en: "I work at Kystlinje."}',
    ),
    Field("hr_logins", ListOf(Text()), example="[hr-kystlinje]"),
    # Where employees write to HR, e.g. to withdraw consent: shown on the policy page (never a
    # public issue, which would name the person).
    Field("hr_contact", Email(), example="hr@kystlinje.dk"),
    Field("role_mailboxes", ListOf(Text()), example="[jobs@kystlinje.dk]"),
    Field("approved_organisations", ListOf(Group(ORG_FIELDS)), example="[{name: ...}]"),
    Field("restricted_organisations", ListOf(Group(ORG_FIELDS)), example="[{name: ...}]"),
    Field("confidential_terms", ListOf(Text()), example='["Projekt Nordlys"]'),
    Field("confidential_terms_file", Text(), example="~/.config/advocacy/terms.txt"),
    Field("confidential_terms_env", Text(), example=TERMS_ENV),
    Field(
        "financial",
        Group(
            (
                Field("terms", ListOf(Text()), example="[omsætning, EBITDA]"),
                Field("next_release", Date(), example="2027-02-25"),
            )
        ),
        example="{next_release: 2027-02-25}",
    ),
    Field("internal_hosts", ListOf(Text()), example="[intranet.kystlinje.dk]"),
    Field("brand_assets", ListOf(Text()), example="[media/brand/logo.svg]"),
    Field("severity", Group((), extra_ok=True), example="{link-insecure: error}"),
    Field(
        "authenticity",
        Group(
            (
                Field("superlatives", WORD_LISTS),
                Field("buzzwords", WORD_LISTS),
            )
        ),
        example="{superlatives: {da: [...], en: [...]}}",
    ),
)


@dataclass
class Organisation:
    """A customer, partner or supplier, with the other names it goes by."""

    name: str
    aliases: list[str] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        """The name and every alias."""
        return [self.name, *self.aliases]


@dataclass
class Policy:
    """The policy as the rules read it; defaults apply where HR wrote nothing."""

    file: str = "policy.yml"
    company: str = ""
    disclosure: dict[str, str] = field(default_factory=dict)
    hr_logins: list[str] = field(default_factory=list)
    hr_contact: str | None = None  # HR's e-mail address, for withdrawals
    role_mailboxes: list[str] = field(default_factory=list)
    approved: list[Organisation] = field(default_factory=list)
    restricted: list[Organisation] = field(default_factory=list)
    confidential_terms: list[str] = field(default_factory=list)  # includes private terms
    public_terms: int = 0  # how many of them are written in policy.yml itself
    financial_terms: tuple[str, ...] = DEFAULT_FINANCIAL
    next_release: dt.date | None = None
    internal_hosts: list[str] = field(default_factory=list)
    brand_assets: list[str] = field(default_factory=list)  # SVG files that may be shown
    severity: dict[str, str] = field(default_factory=dict)
    superlatives: dict[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_SUPERLATIVES)
    buzzwords: dict[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_BUZZWORDS)
    doc: YamlDoc | None = None

    def disclosure_in(self, language: str) -> str | None:
        """The disclosure sentence in ``language`` (or any language the policy has)."""
        return self.disclosure.get(language) or next(iter(self.disclosure.values()), None)

    @staticmethod
    def discloses(text: str, disclosure: str) -> bool:
        """Whether ``text`` already carries ``disclosure`` (case and spacing ignored)."""
        return " ".join(fold(disclosure).split()).rstrip(".") in " ".join(fold(text).split())

    def line_of(self, *path: str | int) -> int | None:
        """The line of a policy field, for findings about the policy itself."""
        return self.doc.line(*path) if self.doc else None


def _private_terms(site: Site, values: dict[str, Any], checker: Checker) -> list[str]:
    """Terms from the file and the environment variable the policy names (never published)."""
    terms: list[str] = []
    env_name = values.get("confidential_terms_env", TERMS_ENV)
    raw = os.environ.get(env_name, "")
    terms += [t.strip() for t in raw.replace("\n", ",").split(",") if t.strip()]
    # Only a policy that names its variable has private terms to miss: then CI fails closed.
    required = os.environ.get(REQUIRE_ENV, "").strip() not in ("", "0")
    if not terms and "confidential_terms_env" in values:
        found = TERMS_UNSET if required else TERMS_UNCHECKED
        checker.report(found, ("confidential_terms_env",), env=env_name, require=REQUIRE_ENV)
    file_name = values.get("confidential_terms_file")
    if file_name:
        try:
            lines = _terms_text(site, file_name).splitlines()
        except RepoFileError as exc:
            key = f"terms-file-{exc.kind}" if exc.kind != "outside" else None
            checker.report(TERMS_FILE, ("confidential_terms_file",), key, terms_file=file_name)
            lines = []
        except (OSError, UnicodeDecodeError):
            # Fail closed: a deny-list that cannot be read must not silently allow everything.
            checker.report(TERMS_FILE, ("confidential_terms_file",), None, terms_file=file_name)
            lines = []
        terms += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return terms


def _terms_text(site: Site, file_name: str) -> str:
    """The terms file: a plain file of at most 1 MB. Inside the repository it is reached
    without a symbolic link (like every repository file); outside it (HR's own computer,
    ``~/.config/...``) it is wherever HR keeps it, but never a device or a pipe."""
    path = Path(os.path.expanduser(file_name))
    full = path if path.is_absolute() else site.root / path
    root = site.root.resolve()
    try:
        rel = Path(os.path.normpath(full.absolute())).relative_to(root).as_posix()
    except ValueError:
        rel = None
    if rel is not None:
        found = repo_file(root, rel)
        if found is None:
            raise FileNotFoundError(file_name)
        return read_capped(found, file_name, MAX_FILE_BYTES)
    return read_capped(full, file_name, MAX_FILE_BYTES)


def load_policy(
    site: Site, lang: str = "en", text: str | None = None
) -> tuple[Policy, list[Finding]]:
    """Read ``policy.yml``; a missing file means the defaults (and a policy with no terms)."""
    policy = Policy(file=site.policy)
    what = localized("policy", "Politikken")
    try:
        text = read_repo_text(site.root, site.policy) if text is None else text
        if text is None:
            return policy, []
        doc = load_yaml(text)
    except RepoFileError as exc:
        if exc.kind == "symlink":
            return policy, [SYMLINK.finding(lang, site.policy, None, path=exc.path)]
        return policy, [UNREADABLE.finding(lang, site.policy, None, error=NOT_READ[exc.kind])]
    except (OSError, UnicodeDecodeError) as exc:
        return policy, [UNREADABLE.finding(lang, site.policy, None, error=exc)]
    except YamlSyntaxError as exc:
        return policy, [yaml_finding(exc, text or "", 1, lang, site.policy, what)]
    if doc.data is not None and not isinstance(doc.data, dict):
        got = localized("plain text", "tekst")
        return policy, [TYPE.finding(lang, site.policy, 1, "not-a-mapping", what=what, got=got)]
    data = doc.data or {}
    checker = _PolicyChecker(site.policy, doc, lang)
    values = checker.check_mapping(data, POLICY_FIELDS)
    severities = data.get("severity")
    severities = severities if isinstance(severities, dict) else {}
    for rule_id, level in severities.items():
        level = "off" if level is False else level  # YAML 1.1 reads a bare off as false
        ok, _ = checker.check_value(
            Choice(SEVERITY_CHOICES), level, ("severity", rule_id), str(rule_id)
        )
        if ok:
            policy.severity[str(rule_id)] = str(level)
    financial = values.get("financial", {})
    authenticity = values.get("authenticity", {})
    public_terms = values.get("confidential_terms", [])
    policy.company = values.get("company", site.site_name)
    policy.disclosure = values.get("disclosure", {})
    policy.hr_logins = [str(x).lower() for x in values.get("hr_logins", [])]
    policy.hr_contact = values.get("hr_contact")
    policy.role_mailboxes = [str(x).lower() for x in values.get("role_mailboxes", [])]
    policy.approved = [
        Organisation(o["name"], o.get("aliases", []))
        for o in values.get("approved_organisations", [])
    ]
    policy.restricted = [
        Organisation(o["name"], o.get("aliases", []))
        for o in values.get("restricted_organisations", [])
    ]
    policy.confidential_terms = [*public_terms, *_private_terms(site, values, checker)]
    policy.public_terms = len(public_terms)
    policy.financial_terms = tuple(financial.get("terms") or DEFAULT_FINANCIAL)
    policy.next_release = financial.get("next_release")
    policy.internal_hosts = [h.lower().strip(".") for h in values.get("internal_hosts", [])]
    policy.brand_assets = list(values.get("brand_assets", []))
    for name in ("superlatives", "buzzwords"):
        if name in authenticity:
            setattr(policy, name, {k: tuple(v) for k, v in authenticity[name].items()})
    policy.doc = doc
    return policy, checker.findings
