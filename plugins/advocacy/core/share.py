"""The text an employee shares on LinkedIn, with the employment disclosure the policy sets."""

from __future__ import annotations

from .model import Post
from .policy import Policy
from .textnorm import fold


def disclosure_for(policy: Policy, language: str) -> str | None:
    """The disclosure sentence in ``language`` (or any language the policy has)."""
    return policy.disclosure.get(language) or next(iter(policy.disclosure.values()), None)


def has_disclosure(text: str, disclosure: str) -> bool:
    """Whether ``text`` already carries the disclosure (case and spacing ignored)."""
    return " ".join(fold(disclosure).split()).rstrip(".") in " ".join(fold(text).split())


def share_text(post: Post, policy: Policy) -> str:
    """``share.text`` (or title and description) with the disclosure added exactly once."""
    text = (post.share_text or f"{post.title}\n\n{post.description}").strip()
    disclosure = disclosure_for(policy, post.language)
    if disclosure and not has_disclosure(text, disclosure):
        text = f"{text}\n\n{disclosure}"
    return text
