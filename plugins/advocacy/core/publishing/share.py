"""The text an employee shares on LinkedIn, with the employment disclosure the policy sets."""

from __future__ import annotations

import re
from urllib.parse import quote

from advocacy.core.model.entities import Post
from advocacy.core.reading.policy import Policy


def share_text(post: Post, policy: Policy) -> str:
    """``share.text`` (or title and description) with the disclosure added exactly once."""
    text = (post.share_text or f"{post.title}\n\n{post.description}").strip()
    disclosure = policy.disclosure_in(post.language)
    if disclosure and not policy.discloses(text, disclosure):
        text = f"{text}\n\n{disclosure}"
    return text


LINKEDIN_LIMIT = 3000  # characters LinkedIn accepts in a post
UTM = "utm_source=linkedin&utm_medium=employee_share&utm_campaign={slug}"


def hashtags(tags: list[str]) -> list[str]:
    """LinkedIn hashtags from tags: letters and digits only (``code-review`` -> ``#codereview``)."""
    out = []
    for tag in tags:
        word = re.sub(r"[^\w]|_", "", tag)
        if word and f"#{word}" not in out:
            out.append(f"#{word}")
    return out


def campaign_link(url: str, slug: str) -> str:
    """The post's address with campaign parameters, so sharing can be counted without tracking."""
    return f"{url}{'&' if '?' in url else '?'}{UTM.format(slug=quote(slug, safe=''))}"


def share_kit(post: Post, policy: Policy, url: str) -> dict[str, str]:
    """What an employee pastes into LinkedIn: their words first, then link and hashtags.

    The words come first so the first 200 characters (what LinkedIn shows before "see
    more") are the story, not a link; the whole stays under LinkedIn's 3,000 characters.
    """
    link = campaign_link(url, post.slug)
    tail = f"\n\n{link}" + (f"\n\n{' '.join(hashtags(post.tags))}" if post.tags else "")
    text = share_text(post, policy)
    room = LINKEDIN_LIMIT - len(tail)
    if len(text) > room:
        cut = text[: room - 1].rsplit(" ", 1)[0]
        text = cut + "…"
    full = text + tail
    return {
        "text": text,
        "link": link,
        "hashtags": " ".join(hashtags(post.tags)),
        "full": full,
        "compose": "https://www.linkedin.com/feed/?shareActive=true&text=" + quote(full, safe=""),
    }


SHARE_TARGETS = (
    ("linkedin", "https://www.linkedin.com/sharing/share-offsite/?url={url}"),
    ("email", "mailto:?subject={title}&body={url}"),
    ("x", "https://x.com/intent/post?url={url}&text={title}"),
    ("facebook", "https://www.facebook.com/sharer/sharer.php?u={url}"),
    ("bluesky", "https://bsky.app/intent/compose?text={title}%20{url}"),
)


def share_links(url: str, title: str) -> list[dict[str, str]]:
    """Plain share links (no script, nothing contacted before a click), LinkedIn first."""
    values = {"url": quote(url, safe=""), "title": quote(title, safe="")}
    return [{"service": name, "href": pattern.format(**values)} for name, pattern in SHARE_TARGETS]
