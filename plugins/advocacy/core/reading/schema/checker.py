"""The checker that walks a YAML mapping against its fields, and the schema's rules.

Each field knows its kind (:mod:`.kinds`), whether it is required and an example for the
fix; a :class:`Checker` walks a mapping, collects one finding per problem with the line from
the YAML, and returns the values that were valid. A kind that refuses a value raises
:class:`Invalid` naming the rule it breaks, so every finding comes from a declaration here.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from advocacy.core.model.entities import YamlDoc
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import Localized, Rule, localized, rule

E, W = Severity.ERROR, Severity.WARNING

# YAML that is a list or plain text where fields belong: said the same way of front matter
# (the rule front-matter) and of author files and the policy (schema-type).
NOT_A_MAPPING = {
    "en": (
        "The {what} must be a list of 'field: value' lines, not {got}.",
        "Write one 'field: value' per line, as in the template.",
    ),
    "da": (
        "{what} skal være linjer med 'felt: værdi', ikke {got}.",
        "Skriv ét 'felt: værdi' pr. linje, som i skabelonen.",
    ),
}

MISSING = rule(
    "schema-missing",
    E,
    ("Every required field is given.", "Alle påkrævede felter er udfyldt."),
    ("'{field}' is missing.", "Add a line '{field}: {example}'."),
    ("'{field}' mangler.", "Tilføj en linje '{field}: {example}'."),
    adjustable=False,
)

TYPE = rule(
    "schema-type",
    E,
    (
        "Every field holds the kind of value it is for.",
        "Alle felter indeholder den slags værdi, de er beregnet til.",
    ),
    ("'{field}' must be {expected}, not {got}.", "Write it like this: '{field}: {example}'."),
    ("'{field}' skal være {expected}, ikke {got}.", "Skriv det sådan: '{field}: {example}'."),
    adjustable=False,
    variants={
        "empty": {
            "en": ("'{field}' is empty.", "Write it like this: '{field}: {example}'."),
            "da": ("'{field}' er tom.", "Skriv det sådan: '{field}: {example}'."),
        },
        "bad-email": {
            "en": (
                "'{field}' must be an e-mail address, not '{value}'.",
                "Write it like this: '{field}: {example}'.",
            ),
            "da": (
                "'{field}' skal være en e-mailadresse, ikke '{value}'.",
                "Skriv den sådan: '{field}: {example}'.",
            ),
        },
        "bad-url": {
            "en": (
                "'{field}' must be a web address starting with https://, not '{value}'.",
                "Copy the address from your browser's address bar, e.g. '{field}: {example}'.",
            ),
            "da": (
                "'{field}' skal være en webadresse, der starter med https://, ikke '{value}'.",
                "Kopiér adressen fra browserens adresselinje, f.eks. '{field}: {example}'.",
            ),
        },
        "bad-url-host": {
            "en": (
                "'{field}' must be an address on {hosts}, not '{value}'.",
                "Copy the address of your profile there, e.g. '{field}: {example}'.",
            ),
            "da": (
                "'{field}' skal være en adresse på {hosts}, ikke '{value}'.",
                "Kopiér adressen på din profil der, f.eks. '{field}: {example}'.",
            ),
        },
        "bad-slug": {
            "en": (
                "'{field}' is '{value}'; it may only hold lower-case letters a-z, digits and '-'.",
                "Write it like this: '{field}: {suggestion}'.",
            ),
            "da": (
                "'{field}' er '{value}'; det må kun indeholde små bogstaver a-z, tal og '-'.",
                "Skriv det sådan: '{field}: {suggestion}'.",
            ),
        },
        "bad-old-address": {
            "en": (
                "'{value}' in '{field}' is not an address on this site.",
                "Write the old address from the first '/' on, e.g. '/2016/03/04/my-post.html'.",
            ),
            "da": (
                "'{value}' under '{field}' er ikke en adresse på dette site.",
                "Skriv den gamle adresse fra første '/', f.eks. '/2016/03/04/mit-indlaeg.html'.",
            ),
        },
        "bad-length": {
            "en": (
                "'{field}' is {length} characters long; it must be {low} to {high}.",
                "Write {low} to {high} characters.",
            ),
            "da": (
                "'{field}' er {length} tegn lang; den skal være {low} til {high}.",
                "Skriv {low} til {high} tegn.",
            ),
        },
        "too-long": {
            "en": (
                "'{field}' is {length} characters long; at most {high} fit.",
                "Shorten it to {high} characters or fewer.",
            ),
            "da": (
                "'{field}' er {length} tegn lang; der er højst plads til {high}.",
                "Forkort den til højst {high} tegn.",
            ),
        },
        "bad-template": {
            "en": (
                "'{value}' is not a template a page may use.",
                "Use one of {choices}, or remove the line.",
            ),
            "da": (
                "'{value}' er ikke en skabelon, en side må bruge.",
                "Brug en af {choices}, eller fjern linjen.",
            ),
        },
        "bad-login": {
            "en": (
                "'{value}' is not a GitHub login.",
                "Write the login as it appears in the address github.com/LOGIN.",
            ),
            "da": (
                "'{value}' er ikke et GitHub-login.",
                "Skriv login'et, som det står i adressen github.com/LOGIN.",
            ),
        },
        "not-a-mapping": NOT_A_MAPPING,
        "list-commas": {
            "en": (
                "'{field}' is one text, '{value}': commas alone do not make a list.",
                "Write the list in square brackets: '{field}: [{items}]'.",
            ),
            "da": (
                "'{field}' er én tekst, '{value}': kommaer alene gør det ikke til en liste.",
                "Skriv listen i firkantede parenteser: '{field}: [{items}]'.",
            ),
        },
    },
)

DATE = rule(
    "schema-date",
    E,
    ("Dates are written YYYY-MM-DD.", "Datoer skrives ÅÅÅÅ-MM-DD."),
    (
        "'{field}' is not a date: '{value}'.",
        "Write the date as YYYY-MM-DD, for example '{field}: 2026-11-20'.",
    ),
    (
        "'{field}' er ikke en dato: '{value}'.",
        "Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel '{field}: 2026-11-20'.",
    ),
    adjustable=False,
    variants={
        "date-range": {
            "en": (
                "'{field}' is '{value}', outside the years {first} to {last} the site accepts.",
                "Write the real date as YYYY-MM-DD, for example '{field}: 2026-11-20'.",
            ),
            "da": (
                "'{field}' er '{value}', uden for årene {first} til {last}, som sitet tager imod.",
                "Skriv den rigtige dato som ÅÅÅÅ-MM-DD, for eksempel '{field}: 2026-11-20'.",
            ),
        },
    },
)

CHOICE = rule(
    "schema-choice",
    E,
    ("Fields with set choices hold one of them.", "Felter med faste valg indeholder et af dem."),
    ("'{field}' is '{value}', which is not one of: {choices}.", "Use one of: {choices}."),
    ("'{field}' er '{value}', som ikke er en af: {choices}.", "Brug en af: {choices}."),
    adjustable=False,
)

TEXT = rule(
    "schema-text",
    E,
    (
        "Titles, names and other short texts are plain text on one line: no HTML, no invisible "
        "characters.",
        "Titler, navne og andre korte tekster er almindelig tekst på én linje: ingen HTML, ingen "
        "usynlige tegn.",
    ),
    (
        "'{field}' contains '{char}', which the site would show as HTML.",
        "Remove it, or write it in words (for example 'and' instead of '&amp;').",
    ),
    (
        "'{field}' indeholder '{char}', som sitet ville vise som HTML.",
        "Fjern det, eller skriv det med ord (for eksempel 'og' i stedet for '&amp;').",
    ),
    adjustable=False,
    variants={
        "text-control": {
            "en": (
                "'{field}' contains an invisible control character ({char}).",
                "Delete the text and type it again (pasted text sometimes carries such "
                "characters).",
            ),
            "da": (
                "'{field}' indeholder et usynligt kontroltegn ({char}).",
                "Slet teksten og skriv den igen (indsat tekst har nogle gange sådanne tegn med).",
            ),
        },
        "text-line-break": {
            "en": (
                "'{field}' runs over more than one line.",
                "Write it on one line, in quotes if it contains a colon.",
            ),
            "da": (
                "'{field}' fylder mere end én linje.",
                "Skriv det på én linje, i anførselstegn hvis det indeholder et kolon.",
            ),
        },
    },
)

LIMIT = rule(
    "schema-limit",
    E,
    ("Lists stay within their limits.", "Lister holder sig inden for deres grænser."),
    (
        "'{field}' lists {count} items; at most {most} are allowed.",
        "Keep the {most} that matter most.",
    ),
    (
        "'{field}' har {count} punkter; højst {most} er tilladt.",
        "Behold de {most}, der betyder mest.",
    ),
    adjustable=False,
)

UNKNOWN_FIELD = rule(
    "schema-unknown-field",
    W,
    (
        "Fields the site does not know are pointed out (often a typing error).",
        "Felter, sitet ikke kender, bliver påpeget (ofte en tastefejl).",
    ),
    (
        "Unknown field '{field}'.",
        "Remove it, or check its spelling against the template; known fields: {known}.",
    ),
    (
        "Ukendt felt '{field}'.",
        "Fjern det, eller tjek stavningen mod skabelonen; kendte felter: {known}.",
    ),
    variants={
        "unknown-field-near": {
            "en": (
                "Unknown field '{field}': did you mean '{suggestion}'?",
                "Rename '{field}' to '{suggestion}'.",
            ),
            "da": (
                "Ukendt felt '{field}': mente du '{suggestion}'?",
                "Omdøb '{field}' til '{suggestion}'.",
            ),
        },
    },
)

DUPLICATE = rule(
    "schema-duplicate",
    W,
    ("Nothing is listed twice in one field.", "Intet står to gange i samme felt."),
    ("'{value}' is listed twice under '{field}'.", "Delete one of them."),
    ("'{value}' står to gange under '{field}'.", "Slet den ene."),
)


class Invalid(Exception):
    """A value that does not fit its field: the rule it breaks, which of the rule's messages
    says so (the rule's own when None), and the values for that message."""

    def __init__(self, broken: Rule, key: str | None = None, **values: object) -> None:
        super().__init__(key or broken.id)
        self.rule = broken
        self.key = key
        self.values = values


def describe(value: Any) -> Localized:
    """What kind of value a user wrote, in words."""
    if value is None:
        return localized("empty", "tom")
    if isinstance(value, bool):
        return localized(f"'{str(value).lower()}'", f"'{str(value).lower()}'")
    if isinstance(value, int | float):
        return localized(f"the number {value}", f"tallet {value}")
    if isinstance(value, dt.date):
        return localized(f"the date {value.isoformat()}", f"datoen {value.isoformat()}")
    if isinstance(value, list):
        return localized("a list", "en liste")
    if isinstance(value, dict):
        return localized("a group of fields", "en gruppe felter")
    return localized(f"the text '{value}'", f"teksten '{value}'")


class Kind:
    """How one field's value is checked and converted."""

    expected: Localized = localized("a value", "en værdi")

    def parse(self, value: Any, checker: Checker, path: tuple[str | int, ...]) -> Any:
        """Return the converted value or raise :class:`Invalid`."""
        raise NotImplementedError


@dataclass(frozen=True)
class Field:
    """One field of a schema: its name, kind, whether it is required and an example."""

    name: str
    kind: Kind
    required: bool = False
    example: str | Localized = "..."


@dataclass
class Checker:
    """Checks YAML data of one file against a schema and collects findings."""

    file: str
    doc: YamlDoc
    lang: str = "en"
    findings: list[Finding] = field(default_factory=list)
    tz: dt.tzinfo = dt.UTC  # the site's time zone: dates with a zone are read in it

    def report(
        self, broken: Rule, path: Sequence[str | int], key: str | None = None, /, **values: object
    ) -> None:
        """Add a finding of ``broken`` at the line of ``path``, with its message ``key``."""
        self.findings.append(
            broken.finding(self.lang, self.file, self.doc.line(*path), key, **values)
        )

    def check_value(
        self,
        kind: Kind,
        value: Any,
        path: tuple[str | int, ...],
        name: str,
        example: str | Localized = "...",
    ) -> tuple[bool, Any]:
        """Check one value; report and return (False, None) when it does not fit."""
        try:
            return True, kind.parse(value, self, path)
        except Invalid as exc:
            self.report(exc.rule, path, exc.key, field=name, example=example, **exc.values)
            return False, None

    def check_mapping(
        self,
        data: dict[str, Any],
        fields: Sequence[Field],
        path: tuple[str | int, ...] = (),
        extra_ok: bool = False,
        ignored: Sequence[str] = (),
    ) -> dict[str, Any]:
        """Check every field of ``data``; return the valid values by field name."""
        known = {f.name: f for f in fields}
        out: dict[str, Any] = {}
        for spec in fields:
            if spec.name not in data or (data[spec.name] is None and spec.required):
                if spec.required:
                    where = (*path, spec.name) if spec.name in data else path
                    self.report(MISSING, where, None, field=spec.name, example=spec.example)
                continue
            ok, value = self.check_value(
                spec.kind, data[spec.name], (*path, spec.name), spec.name, spec.example
            )
            if ok:
                out[spec.name] = value
        if not extra_ok:
            for name in data:
                if name not in known and name not in ignored:
                    self.unknown_field(str(name), path, sorted(known))
        return out

    def unknown_field(self, name: str, path: tuple[str | int, ...], known: list[str]) -> None:
        """Warn about a field nobody reads, naming the nearest known one."""
        near = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
        if near:
            self.report(
                UNKNOWN_FIELD, (*path, name), "unknown-field-near", field=name, suggestion=near[0]
            )
        else:
            self.report(UNKNOWN_FIELD, (*path, name), None, field=name, known=", ".join(known))
