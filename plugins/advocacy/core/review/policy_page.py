"""The human-readable SoMe policy page, made from ``policy.yml`` and the rule registry.

It shows what the rules are and how consent works, in Danish and English. It never shows
the confidential terms, the lists of organisations or the internal hosts.
"""

from __future__ import annotations

from advocacy.core.checking.rules import RULES
from advocacy.core.publishing.pages import front_matter
from advocacy.core.reading.policy import Policy

TEXT = {
    "da": {
        "title": "Vores SoMe-politik for karrierebloggen",
        "intro": "Alle historier her er skrevet af medarbejdere hos {company}. Før en historie "
                 "udgives, tjekkes den automatisk mod reglerne herunder, og HR læser den "
                 "igennem.",
        "consent": "Samtykke",
        "consent_text": "Ingen nævnes eller vises uden samtykke. Forfattere giver samtykke til "
                        "deres profil og – hvis de vil – til deres foto. Andre, der nævnes "
                        "eller ses, giver skriftligt samtykke, som HR opbevarer. Samtykke kan "
                        "altid trækkes tilbage: så forsvinder indholdet fra sitet, feeds og "
                        "søgning ved næste opdatering, senest dagen efter.",
        "withdraw": "Sådan trækker du dit samtykke tilbage: skriv til HR på {contact}. Du "
                    "skal ikke forklare hvorfor, og det bliver ikke offentligt: HR fjerner "
                    "indholdet, og ved næste daglige opdatering er det væk fra sitet, feeds "
                    "og søgning.",
        "withdraw_nobody": "Sådan trækker du dit samtykke tilbage: skriv til HR. Du skal ikke "
                           "forklare hvorfor, og det bliver ikke offentligt.",
        "disclosure": "Når du deler på LinkedIn",
        "disclosure_text": "Skriv, at du arbejder hos os. Vores forslag til delingstekst "
                           "indeholder altid: «{disclosure}»",
        "blocks": "Disse regler skal være opfyldt, før en historie udgives",
        "hints": "Disse råd vises til forfatteren og HR, men stopper ikke en historie",
        "mailboxes": "Må nævnes som kontakt",
    },
    "en": {
        "title": "Our social media policy for the careers blog",
        "intro": "Every story here is written by people who work at {company}. Before a story "
                 "is published it is checked automatically against the rules below, and HR "
                 "reads it.",
        "consent": "Consent",
        "consent_text": "Nobody is named or shown without consent. Authors consent to their "
                        "profile and, if they wish, to their photo. Anyone else named or shown "
                        "gives written consent, kept by HR. Consent can always be withdrawn: "
                        "the content then leaves the site, its feeds and search at the next "
                        "update, at the latest the next day.",
        "withdraw": "To withdraw your consent, write to HR at {contact}. You need not say why, "
                    "and nothing about it is public: HR takes the content down, and by the "
                    "next daily update it is gone from the site, its feeds and search.",
        "withdraw_nobody": "To withdraw your consent, write to HR. You need not say why, and "
                           "nothing about it is public.",
        "disclosure": "When you share on LinkedIn",
        "disclosure_text": "Say that you work here. Our suggested share text always says: "
                           "“{disclosure}”",
        "blocks": "These rules must be met before a story is published",
        "hints": "These hints are shown to the author and HR but never stop a story",
        "mailboxes": "May be given as contact",
    },
}


def policy_markdown(policy: Policy, company: str, languages: tuple[str, ...] = ("da", "en"),
                    md_in_html: bool = True, repository: str | None = None) -> str:
    """The page's Markdown: one section per language, in a ``lang`` block where possible."""
    sections = []
    for lang in languages:
        t = TEXT[lang]
        blocking, hints = [], []
        for info in RULES.values():
            level = policy.severity.get(info.id) if info.adjustable else None
            if level == "off":
                continue
            blocks = (level or str(info.severity)) == "error" and info.can_block
            (blocking if blocks else hints).append(info.summary[lang])
        lines = [f'<div lang="{lang}" markdown>' if md_in_html else "", "", f"## {t['title']}", "",
                 t["intro"].format(company=company), "", f"### {t['consent']}", "",
                 t["consent_text"], ""]
        contact = policy.hr_contact
        lines += [t["withdraw"].format(contact=f"[{contact}](mailto:{contact})") if contact
                  else t["withdraw_nobody"], ""]
        disclosure = policy.disclosure.get(lang)
        if disclosure:
            lines += [f"### {t['disclosure']}", "", t["disclosure_text"].format(
                disclosure=disclosure), ""]
        lines += [f"### {t['blocks']}", "", *[f"- {s}" for s in sorted(set(blocking))], "",
                  f"### {t['hints']}", "", *[f"- {s}" for s in sorted(set(hints))], ""]
        if policy.role_mailboxes:
            lines += [f"**{t['mailboxes']}:** " + ", ".join(
                f"`{m}`" for m in policy.role_mailboxes), ""]
        lines += ["</div>" if md_in_html else "", ""]
        sections.append("\n".join(lines))
    title = TEXT[languages[0]]["title"]
    return front_matter({"title": title}) + "\n".join(sections)
