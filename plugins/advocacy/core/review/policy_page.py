"""The human-readable SoMe policy page, made from ``policy.yml`` and the rule registry.

The page reads as a policy for people, in one language (the plugin makes one page per
language the site speaks): a heading, one section per topic in plain words, then every rule
the check applies in a collapsible section, grouped by the same topics. It never shows the
confidential terms, the lists of organisations or the internal hosts.
"""

from __future__ import annotations

from advocacy.core.checking.rules import RULES
from advocacy.core.i18n.catalog import text
from advocacy.core.publishing.pages import front_matter
from advocacy.core.reading.policy import Policy

# Which topic each rule belongs to, by its id (the first match wins; the rest: "form").
TOPICS = (
    ("people", ("consent-", "person-", "photo-consent", "author-")),
    ("media", ("media-", "image-", "video-")),
    (
        "confidential",
        ("confidential-", "financial-", "organisation-", "personal-", "link-internal"),
    ),
    ("share", ("share-", "authenticity-")),
)


def _topic(rule_id: str) -> str:
    return next((name for name, prefixes in TOPICS if rule_id.startswith(prefixes)), "form")


def policy_markdown(policy: Policy, company: str, lang: str = "da", md_in_html: bool = True) -> str:
    """The page's Markdown in ``lang`` (one page per language the site speaks)."""

    def t(key: str, **values: object) -> str:
        return text(lang, f"policy_page.{key}", **values)

    rules: dict[str, tuple[list[str], list[str]]] = {}
    for info in RULES.values():
        level = policy.severity.get(info.id) if info.adjustable else None
        if level == "off":
            continue
        blocks = (level or str(info.severity)) == "error" and info.can_block
        rules.setdefault(_topic(info.id), ([], []))[0 if blocks else 1].append(info.summary[lang])
    contact = policy.hr_contact
    lines = [f"# {t('title')}", "", t("intro", company=company), ""]
    lines += [f"## {t('share')}", "", t("share_text"), ""]
    disclosure = policy.disclosure.get(lang)
    if disclosure:
        lines += [t("disclosure_text", disclosure=disclosure), ""]
    lines += [
        f"## {t('people')}",
        "",
        t("people_text"),
        "",
        f"## {t('media')}",
        "",
        t("media_text"),
        "",
        f"## {t('confidential')}",
        "",
        t("confidential_text"),
        "",
    ]
    if policy.role_mailboxes:
        lines += [t("mailboxes", mailboxes=", ".join(f"`{m}`" for m in policy.role_mailboxes)), ""]
    lines += [
        f"## {t('review')}",
        "",
        t("review_text"),
        "",
        f"## {t('withdraw_title')}",
        "",
        t("withdraw", contact=f"[{contact}](mailto:{contact})")
        if contact
        else t("withdraw_nobody"),
        "",
    ]
    # Every rule, for those who want the detail: closed until asked for.
    body = [
        f"<details markdown>\n<summary>{t('rules')}</summary>\n"
        if md_in_html
        else f"## {t('rules')}\n",
        t("rules_intro"),
        "",
    ]
    for topic in ("share", "people", "media", "confidential", "form"):
        blocking, hints = rules.get(topic, ([], []))
        if not blocking and not hints:
            continue
        body += [f"### {t(topic if topic != 'form' else 'form')}", ""]
        body += [f"- {s}" for s in sorted(set(blocking))]
        body += [f"- {s} *({t('hint')})*" for s in sorted(set(hints))]
        body.append("")
    if md_in_html:
        body.append("</details>")
    return front_matter({"title": t("title")}) + "\n".join(lines + body) + "\n"
