"""One post as HR decides on it: what readers will see, who is in it and their consent,
what the check found, the share card, the text (or the change to it), and a verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from PIL import Image, UnidentifiedImageError

from advocacy.core.checking import consent
from advocacy.core.checking.submission import Submission
from advocacy.core.i18n.catalog import plural, text
from advocacy.core.media.images import GPS_IFD, PHOTO_FORMATS
from advocacy.core.model.entities import Post
from advocacy.core.model.findings import Finding
from advocacy.core.publishing.edition import Held, describe_hold
from advocacy.core.publishing.share import share_text
from advocacy.core.reading.repository import Repository
from advocacy.core.rendering.documents import uses
from advocacy.core.review.decision.people import UNLISTED, Involved, involved
from advocacy.core.review.decision.quoting import (
    details,
    diff_lines,
    fenced,
    shortened,
    source_lines,
)
from advocacy.core.review.decision.verdict import verdict, verdict_line
from advocacy.core.review.escape import attribute, code
from advocacy.core.review.escape import markdown as md

THUMBNAIL_WIDTH = 240
# Where the pull request's files can be opened: https://host/owner/repo/blob/<sha>/ and no
# character that could leave an HTML attribute or a Markdown link.
SAFE_BASE = re.compile(r"https://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~%-]+)*/")


@dataclass(frozen=True)
class Context:
    """What every post's section needs besides the post."""

    repo: Repository
    findings: list[Finding]
    held: dict[str, Held]
    submission: Submission
    lang: str
    cards: Path | None = None
    link_base: str | None = None


def safe_base(url: str | None) -> bool:
    """Whether ``url`` may be used to link the pull request's files."""
    return url is not None and SAFE_BASE.fullmatch(url) is not None


def consent_words(lang: str, state: str, date: object, evidence: str | None) -> str:
    """``consent 2026-01-10 (HR-1)``, or the state in bold (and its date) otherwise."""
    if state == consent.OK:
        return text(lang, "review.consent_ok", date=date, evidence=md(evidence or "-"))
    if state == UNLISTED:
        return f"**{text(lang, 'review.people.unknown')}**"
    when = f" ({date})" if date else ""
    return f"**{text(lang, f'consent.state.{state}')}**{when}"


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _metadata(path: Path, lang: str) -> str:
    try:
        with Image.open(path, formats=PHOTO_FORMATS) as image:
            exif = image.getexif()
            gps = bool(exif.get_ifd(GPS_IFD))
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError, Image.DecompressionBombError):
        return "-"
    return text(lang, "review.gps" if gps else ("review.exif" if exif else "review.clean"))


def _link(ctx: Context, path: str, cell: bool = False) -> str:
    """A repository path as code, linked to the pull request's file when possible."""
    if not safe_base(ctx.link_base):
        return code(path, cell)
    return f"[{code(path, cell)}]({ctx.link_base}{quote(path)})"


def _people(ctx: Context, post: Post) -> list[str]:
    lang = ctx.lang
    rows: list[Involved] = involved(ctx.repo, post, ctx.findings, lang)
    if not rows:
        return [f"- {text(lang, 'review.none')}"]
    out = [
        f"| {text(lang, 'review.people.person')} | {text(lang, 'review.people.how')} | "
        f"{text(lang, 'review.people.consent')} |",
        "|---|---|---|",
    ]
    for row in rows:
        how = text(lang, f"review.people.as.{row.how}", line=row.line or "-")
        out.append(
            f"| {md(row.name)} | {how} | {consent_words(lang, row.state, row.date, row.evidence)} |"
        )
    return out


def _findings(findings: list[Finding], lang: str) -> list[str]:
    lines = []
    word = text(lang, "review.line")
    for label, wanted in (
        (text(lang, "review.errors"), "error"),
        (text(lang, "review.warnings"), "warning"),
    ):
        chosen = [f for f in findings if str(f.severity) == wanted]
        if chosen:
            lines += [f"{label}:", ""]
            lines += [
                f"- {word} {f.line or '-'}: {md(f.message)} *{md(f.fix)}* ({code(f.rule)})"
                for f in chosen
            ]
            lines.append("")
    return lines or [f"- {text(lang, 'review.none')}", ""]


def _card(ctx: Context, post: Post) -> str:
    cards = ctx.cards
    found = sorted(cards.glob(f"{post.slug}-*.jpg")) if cards and cards.is_dir() else []
    return (
        text(ctx.lang, "review.artifact", name=f"assets/cards/{found[0].name}")
        if found
        else text(ctx.lang, "review.not_built")
    )


def _publishes(ctx: Context, post: Post) -> tuple[str, str]:
    """When the post is published, and where to find it in the preview."""
    lang = ctx.lang
    if post.draft:
        return text(lang, "review.draft"), text(lang, "review.post.not_in_preview")
    held = ctx.held.get(post.file)
    at = text(lang, "review.at", date=post.date.date().isoformat(), url=code(post.url))
    if held is not None and held.reason == "future":
        return at, text(lang, "review.post.future", date=held.detail)
    if held is not None:
        reason = md(describe_hold(held, lang))
        return text(lang, "review.held", reason=reason), text(lang, "review.post.not_in_preview")
    return at, text(lang, "review.artifact", name=f"{post.url}index.html")


def _submitter(ctx: Context, post: Post) -> str | None:
    sub, lang = ctx.submission, ctx.lang
    if not sub.login:
        return None
    who = code(sub.login)
    if sub.hr:
        return text(lang, "review.post.submitter.hr", login=who)
    if sub.login.lower() in sub.logins(post.authors):
        return text(lang, "review.post.submitter.author", login=who)
    return text(lang, "review.post.submitter.other", login=who)


def _cover(ctx: Context, post: Post) -> tuple[str, list[str]]:
    """The cover picture's line, and a thumbnail when the pull request's files have an
    address (GitHub shows the picture; its text is escaped for the attribute)."""
    lang = ctx.lang
    if not post.image:
        return text(lang, "review.none"), []
    said = _link(ctx, post.image)
    if post.image_alt:
        said += ", " + text(lang, "review.post.alt", alt=md(post.image_alt))
    if not safe_base(ctx.link_base):
        return said, []
    url = f"{ctx.link_base}{quote(post.image)}"
    alt = attribute(post.image_alt or "")
    return said, [
        f'<a href="{url}"><img src="{url}?raw=true" alt="{alt}" width="{THUMBNAIL_WIDTH}"></a>',
        "",
    ]


def _media(ctx: Context, post: Post) -> list[str]:
    root, lang = ctx.repo.site.root, ctx.lang
    rows = list(
        dict.fromkeys(  # a cover shown again in the text is one file
            f"| {_link(ctx, ref, cell=True)} | {_size(root / ref)} | "
            f"{_metadata(root / ref, lang)} |"
            for ref in sorted(uses(post))
            if (root / ref).is_file()
        )
    )
    if not rows:
        return [f"- {text(lang, 'review.none')}"]
    return [
        f"| {text(lang, 'review.file')} | {text(lang, 'review.size')} | "
        f"{text(lang, 'review.metadata')} |",
        "|---|---|---|",
        *rows,
    ]


def _text(ctx: Context, post: Post, before: str | None, most: int | None) -> list[str]:
    """The post's source in full (new), or the change to it (changed), quoted."""
    lang = ctx.lang
    now = (ctx.repo.site.root / post.file).read_text("utf-8", "replace")
    if before is None:
        lines, key, info = source_lines(now), "review.post.text", "markdown"
    else:
        lines, key, info = diff_lines(before, now), "review.post.diff", "diff"
    if not lines:
        return [f"**{text(lang, key)}:** {text(lang, 'review.none')}", ""]
    shown, left = shortened(lines, most)
    body = fenced(shown, info)
    if left:
        body += ["", plural(lang, "review.post.cut", left)]
    return details(f"{text(lang, key)} ({plural(lang, 'review.post.lines', len(lines))})", body)


def post_section(ctx: Context, post: Post, before: str | None, most: int | None) -> str:
    """The post's section. ``before`` is its text in the base branch (None: it is new);
    ``most`` is how many lines of text or change to show (None: all)."""
    lang = ctx.lang
    own = [f for f in ctx.findings if f.file == post.file]
    heading = text(lang, "review.added" if before is None else "review.changed")
    publishes, preview = _publishes(ctx, post)
    cover, thumbnail = _cover(ctx, post)
    authors = ", ".join(
        md(ctx.repo.authors[s].name if s in ctx.repo.authors else s) for s in post.authors
    )
    facts = [
        ("review.file", _link(ctx, post.file)),
        ("review.post.description", md(post.description) or text(lang, "review.none")),
        ("review.post.cover", cover),
        ("review.authors", authors),
        ("review.post.submitted", _submitter(ctx, post)),
        ("review.publishes", publishes),
        ("review.post.preview", preview),
        ("review.card", _card(ctx, post)),
    ]
    lines = [
        f"### {heading}: {md(post.title)}",
        "",
        verdict_line(verdict(own), lang),
        "",
        *thumbnail,
        *[f"- **{text(lang, key)}:** {value}" for key, value in facts if value],
        "",
        f"**{text(lang, 'review.people.title')}**",
        "",
        *_people(ctx, post),
        "",
        f"**{text(lang, 'review.findings')}**",
        "",
        *_findings(own, lang),
        f"**{text(lang, 'review.media')}**",
        "",
        *_media(ctx, post),
        "",
        f"**{text(lang, 'review.share')}**",
        "",
        *[
            f"> {md(said)}" if said else ">"
            for said in share_text(post, ctx.repo.policy).splitlines()
        ],
        "",
        *_text(ctx, post, before, most),
    ]
    return "\n".join(lines)
