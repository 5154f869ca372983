"""The human-readable SoMe policy page, made from ``policy.yml`` and the rule registry.

It shows what the rules are and how consent works, in Danish and English. It never shows
the confidential terms, the lists of organisations or the internal hosts.
"""

from __future__ import annotations

from advocacy.core.checking.rules import RULES
from advocacy.core.i18n.catalog import text
from advocacy.core.publishing.pages import front_matter
from advocacy.core.reading.policy import Policy


def policy_markdown(
    policy: Policy,
    company: str,
    languages: tuple[str, ...] = ("da", "en"),
    md_in_html: bool = True,
    repository: str | None = None,
) -> str:
    """The page's Markdown: one section per language, in a ``lang`` block where possible."""
    sections = []
    for lang in languages:
        blocking, hints = [], []
        for info in RULES.values():
            level = policy.severity.get(info.id) if info.adjustable else None
            if level == "off":
                continue
            blocks = (level or str(info.severity)) == "error" and info.can_block
            (blocking if blocks else hints).append(info.summary[lang])
        lines = [
            f'<div lang="{lang}" markdown>' if md_in_html else "",
            "",
            f"## {text(lang, 'policy_page.title')}",
            "",
            text(lang, "policy_page.intro", company=company),
            "",
            f"### {text(lang, 'policy_page.consent')}",
            "",
            text(lang, "policy_page.consent_text"),
            "",
        ]
        contact = policy.hr_contact
        lines += [
            text(lang, "policy_page.withdraw", contact=f"[{contact}](mailto:{contact})")
            if contact
            else text(lang, "policy_page.withdraw_nobody"),
            "",
        ]
        disclosure = policy.disclosure.get(lang)
        if disclosure:
            lines += [
                f"### {text(lang, 'policy_page.disclosure')}",
                "",
                text(lang, "policy_page.disclosure_text", disclosure=disclosure),
                "",
            ]
        lines += [
            f"### {text(lang, 'policy_page.blocks')}",
            "",
            *[f"- {s}" for s in sorted(set(blocking))],
            "",
            f"### {text(lang, 'policy_page.hints')}",
            "",
            *[f"- {s}" for s in sorted(set(hints))],
            "",
        ]
        if policy.role_mailboxes:
            lines += [
                f"**{text(lang, 'policy_page.mailboxes')}:** "
                + ", ".join(f"`{m}`" for m in policy.role_mailboxes),
                "",
            ]
        lines += ["</div>" if md_in_html else "", ""]
        sections.append("\n".join(lines))
    title = text(languages[0], "policy_page.title")
    return front_matter({"title": title}) + "\n".join(sections)
