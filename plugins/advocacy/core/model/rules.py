"""Rules, each declared once: its id, default severity, whether HR's policy may change it, a
summary for the policy page, and its messages with their fixes in English and Danish.

A rule is declared next to the code that checks it (a module of ``checking/rules``, or the
reading code for the rules of the file formats) and every finding is made from its
declaration, so the severity, the wording and the policy page cannot drift apart.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field

from advocacy.core.i18n.catalog import LANGUAGES
from advocacy.core.model.findings import Finding, Severity

Texts = Mapping[str, tuple[str, str]]  # language -> (message, fix)
Localized = dict[str, str]  # language -> text: a value that differs by language


def localized(en: str, da: str) -> Localized:
    """A value that differs by language, for use inside a message."""
    return {"en": en, "da": da}


@dataclass(frozen=True)
class Rule:
    """One rule id and everything a reader of its findings needs.

    ``messages`` maps a message key to its texts; the key equal to the id is the usual one,
    others are variants (an author's missing consent and a guest's missing evidence are one
    rule, said two ways). ``can_block`` False keeps a hint a hint whatever the policy says.
    ``for_writer`` marks advice on writing (a very short story, no cover picture): it is
    reported on the posts a writer asks about (named paths, a pull request's changes), never
    on a whole repository, where it would bury what matters under old posts' hints.
    """

    id: str
    severity: Severity
    summary: Mapping[str, str]
    messages: Mapping[str, Texts]
    adjustable: bool = True
    can_block: bool = True
    # What to do when the finding is about a post imported from an old site (language ->
    # sentence), where the usual fix assumes someone writing a new post.
    hint: Mapping[str, str] = field(default_factory=dict)
    for_writer: bool = False

    def text(self, key: str | None, lang: str, **values: object) -> tuple[str, str]:
        """The message and fix for ``key`` (the rule's own when None) in ``lang``."""
        texts = self.messages[key or self.id]
        lang = lang if lang in texts else "en"
        plain = {
            k: (v.get(lang, v.get("en")) if isinstance(v, dict) else v) for k, v in values.items()
        }
        message, fix = texts[lang]
        return message.format(**plain), fix.format(**plain)

    def finding(
        self, lang: str, file: str, line: int | None, key: str | None = None, /, **values: object
    ) -> Finding:
        """A finding of this rule, with the declared severity."""
        message, fix = self.text(key, lang, **values)
        return Finding(self.id, self.severity, file, line, message, fix)

    def placeholders(self) -> set[str]:
        """Every ``{name}`` its texts use (the registry test fills them all)."""
        names = set()
        for texts in self.messages.values():
            for message, fix in texts.values():
                names |= {n for _, n, _, _ in string.Formatter().parse(message + fix) if n}
        return names


RULES: dict[str, Rule] = {}


def declare(rule: Rule) -> Rule:
    """Register a rule (once: an id declared twice is a mistake in the code)."""
    if rule.id in RULES and RULES[rule.id] is not rule:
        raise ValueError(f"rule {rule.id!r} is declared twice")
    for key, texts in rule.messages.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"rule {rule.id!r} message {key!r} lacks {missing}")
    RULES[rule.id] = rule
    return rule


def rule(
    id: str,
    severity: Severity,
    summary: tuple[str, str],
    en: tuple[str, str],
    da: tuple[str, str],
    *,
    adjustable: bool = True,
    can_block: bool = True,
    variants: Mapping[str, Mapping[str, tuple[str, str]]] | None = None,
    imported: tuple[str, str] | None = None,
    for_writer: bool = False,
) -> Rule:
    """Declare a rule from its texts: ``summary`` is (English, Danish), ``en`` and ``da``
    are (message, fix); ``variants`` adds other messages of the same rule by key;
    ``imported`` is (English, Danish) advice for a post that came from an old site;
    ``for_writer`` keeps the rule to the posts a writer asks about (see :class:`Rule`)."""
    messages: dict[str, Texts] = {id: {"en": en, "da": da}, **dict(variants or {})}
    hint = {"en": imported[0], "da": imported[1]} if imported else {}
    return declare(
        Rule(
            id,
            severity,
            {"en": summary[0], "da": summary[1]},
            messages,
            adjustable,
            can_block,
            hint,
            for_writer,
        )
    )
