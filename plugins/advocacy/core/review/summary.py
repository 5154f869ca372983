"""``advocacy review``: the Markdown summary HR reads in a pull request's job summary.

It says what the pull request adds, changes and removes; for each post its authors, when
and where it publishes, every person named and their consent, the media with size and
metadata, the findings by severity, the suggested share text and its LinkedIn card.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError

from advocacy.core.checking import consent
from advocacy.core.checking.rules.media import GPS_IFD
from advocacy.core.checking.run import check_repository, uses
from advocacy.core.media.images import PHOTO_FORMATS
from advocacy.core.model.entities import Author, Post
from advocacy.core.model.findings import Finding, Report
from advocacy.core.model.site import Site
from advocacy.core.publishing.edition import Held, decide, describe_hold
from advocacy.core.publishing.share import share_text
from advocacy.core.reading.repository import Repository
from advocacy.core.review.changes import Change, changes_since, submission_since
from advocacy.core.review.escape import code
from advocacy.core.review.escape import markdown as md

LIMIT = 900_000  # GitHub's job summary takes 1 MiB; stay well below
WORDS = {
    "en": {"title": "Stories in this pull request", "added": "Added", "changed": "Changed",
           "removed": "Removed", "authors": "Authors", "publishes": "Publishes",
           "people": "People named", "media": "Media", "findings": "Findings",
           "share": "Suggested share text", "card": "LinkedIn card", "none": "none",
           "other": "Other changed files", "errors": "Errors (block publication)",
           "warnings": "Warnings", "no_posts": "No posts are added, changed or removed.",
           "more": "{n} more posts are not shown here (GitHub limits the summary's size).",
           "draft": "not yet: it is a draft", "held": "no: {reason}",
           "at": "{date} at {url}", "consent_ok": "consent {date} ({evidence})",
           "file": "File", "size": "Size", "metadata": "Metadata",
           "exif": "EXIF (stripped when published)", "gps": "GPS position (!)",
           "clean": "none", "artifact": "`{name}` in the site-preview artifact",
           "line": "line", "consent_of": "Consent of changed authors",
           "not_built": "made when the site is built"},
    "da": {"title": "Historier i denne pull request", "added": "Tilføjet", "changed": "Ændret",
           "removed": "Fjernet", "authors": "Forfattere", "publishes": "Udgives",
           "people": "Nævnte personer", "media": "Medier", "findings": "Fund",
           "share": "Forslag til delingstekst", "card": "LinkedIn-kort", "none": "ingen",
           "other": "Andre ændrede filer", "errors": "Fejl (blokerer udgivelse)",
           "warnings": "Advarsler", "no_posts": "Ingen indlæg er tilføjet, ændret eller fjernet.",
           "more": "{n} indlæg mere vises ikke her (GitHub begrænser opsummeringens størrelse).",
           "draft": "ikke endnu: det er en kladde", "held": "nej: {reason}",
           "at": "{date} på {url}", "consent_ok": "samtykke {date} ({evidence})",
           "file": "Fil", "size": "Størrelse", "metadata": "Metadata",
           "exif": "EXIF (fjernes ved udgivelse)", "gps": "GPS-position (!)",
           "clean": "ingen", "artifact": "`{name}` i site-preview-artefakten",
           "line": "linje", "consent_of": "Samtykke for ændrede forfattere",
           "not_built": "laves, når sitet bygges"},
}
STATE = {
    "en": {consent.MISSING: "no consent", consent.NO_EVIDENCE: "no evidence",
           consent.WITHDRAWN: "withdrawn", consent.EXPIRED: "expired"},
    "da": {consent.MISSING: "intet samtykke", consent.NO_EVIDENCE: "ingen dokumentation",
           consent.WITHDRAWN: "trukket tilbage", consent.EXPIRED: "udløbet"},
}


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _metadata(path: Path, w: dict[str, str]) -> str:
    try:
        with Image.open(path, formats=PHOTO_FORMATS) as image:
            exif = image.getexif()
            gps = bool(exif.get_ifd(GPS_IFD))
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError,
            Image.DecompressionBombError):
        return "-"
    return w["gps"] if gps else (w["exif"] if exif else w["clean"])


def _people(repo: Repository, post: Post, w: dict[str, str], lang: str) -> list[str]:
    today = repo.site.today
    rows = []
    for person in post.people:
        if person.author:
            author = repo.authors.get(person.author)
            name = author.name if author else person.author
            state, date = consent.profile_state(author, today) if author else (
                consent.MISSING, None)
            evidence = author.consent.evidence if author else None
        else:
            name = person.name or "?"
            state, date = consent.state(person.consent, today, None, person.expires)
            if state == consent.OK and not person.evidence:
                state = consent.NO_EVIDENCE
            evidence = person.evidence
        text = w["consent_ok"].format(date=date, evidence=md(evidence or "-")) if (
            state == consent.OK) else f"**{STATE[lang][state]}**"
        rows.append(f"- {md(name)}: {text}")
    return rows or [f"- {w['none']}"]


def _people_line(repo: Repository, author: Author, w: dict[str, str], lang: str
                 ) -> list[str]:
    """An author's profile and photo consent today, for HR."""
    today = repo.site.today
    lines = []
    for kind, (state, date) in (("profile", consent.profile_state(author, today)),
                                ("photo", consent.photo_state(author, today))):
        if kind == "photo" and not author.photo:
            continue
        text = w["consent_ok"].format(date=date, evidence=md(author.consent.evidence or "-")
                                      ) if state == consent.OK else f"**{STATE[lang][state]}**"
        lines.append(f"- {md(author.name)} ({kind}): {text}")
    return lines


def _findings(findings: list[Finding], w: dict[str, str]) -> list[str]:
    lines = []
    for label, wanted in ((w["errors"], "error"), (w["warnings"], "warning")):
        chosen = [f for f in findings if str(f.severity) == wanted]
        if chosen:
            lines += [f"{label}:", ""]
            lines += [f"- {w['line']} {f.line or '-'}: {md(f.message)} *{md(f.fix)}*"
                      for f in chosen]
            lines.append("")
    return lines or [f"- {w['none']}", ""]


def _card(cards: Path | None, post: Post, w: dict[str, str]) -> str:
    found = sorted(cards.glob(f"{post.slug}-*.jpg")) if cards and cards.is_dir() else []
    return w["artifact"].format(name=f"assets/cards/{found[0].name}") if found else (
        w["not_built"])


def _post_section(repo: Repository, report: Report, held: dict[str, Held], post: Post,
                  status: str, cards: Path | None, w: dict[str, str], lang: str) -> str:
    if post.draft:
        publishes = w["draft"]
    elif post.file in held:
        publishes = w["held"].format(reason=md(describe_hold(held[post.file], lang)))
    else:
        publishes = w["at"].format(date=post.date.date().isoformat(), url=code(post.url))
    authors = ", ".join(md(repo.authors[s].name if s in repo.authors else s)
                        for s in post.authors)
    media = [f"| {code(ref)} | {_size(repo.site.root / ref)} | "
             f"{_metadata(repo.site.root / ref, w)} |" for ref in sorted(uses(post))
             if (repo.site.root / ref).is_file()]
    media = list(dict.fromkeys(media))  # a cover shown again in the text is one file
    lines = [f"### {w[status]}: {md(post.title)}", "", code(post.file), "",
             f"- **{w['authors']}:** {authors}", f"- **{w['publishes']}:** {publishes}",
             f"- **{w['card']}:** {_card(cards, post, w)}", "", f"**{w['people']}**", "",
             *_people(repo, post, w, lang), "", f"**{w['media']}**", ""]
    lines += [f"| {w['file']} | {w['size']} | {w['metadata']} |", "|---|---|---|", *media] if (
        media) else [f"- {w['none']}"]
    lines += ["", f"**{w['findings']}**", "",
              *_findings([f for f in report.sorted() if f.file == post.file], w),
              f"**{w['share']}**", "", *[f"> {md(text)}" if text else ">" for text in
                                         share_text(post, repo.policy).splitlines()], ""]
    return "\n".join(lines)


def review(site: Site, base: str, cards: Path | None = None, lang: str = "en") -> str:
    """The review of everything changed since ``base``, in ``lang``."""
    w = WORDS.get(lang, WORDS["en"])
    changes = changes_since(site.root, base)
    posts_prefix = site.rel(site.posts_path) + "/"
    post_changes = [c for c in changes if c.path.startswith(posts_prefix)
                    and c.path.endswith(".md")]
    repo, report = check_repository(site, (), lang,
                                    submission=submission_since(site, base, "", lang))
    by_file = {p.file: p for p in repo.posts}
    held = {h.post.file: h for h in decide(repo).held}
    out = [f"## {w['title']}", ""]
    if not post_changes:
        out += [w["no_posts"], ""]
    shown = 0
    for change in post_changes:
        if change.status == "D":
            continue
        post = by_file.get(change.path)
        if post is None:
            continue
        section = _post_section(repo, report, held, post, "added" if change.status == "A"
                                else "changed", cards, w, lang)
        if sum(map(len, out)) + len(section) > LIMIT:
            out += [w["more"].format(n=len(post_changes) - shown), ""]
            break
        out.append(section)
        shown += 1
    removed = [c.path for c in post_changes if c.status == "D"]
    if removed:
        out += [f"### {w['removed']}", "", *[f"- {code(p)}" for p in removed], ""]
    authors_prefix = site.authors_dir.rstrip("/") + "/"
    changed_authors = [c for c in changes if c.path.startswith(authors_prefix)
                       and c.status != "D"]
    if changed_authors:
        out += [f"### {w['consent_of']}", ""]
        for change in changed_authors:
            author = repo.authors.get(Path(change.path).stem)
            if author is not None:
                out += [*_people_line(repo, author, w, lang)]
        out.append("")
    other = [c for c in changes if c not in post_changes]
    if other:
        out += [f"### {w['other']}", "", *[f"- {_mark(c)} {code(c.path)}" for c in other], ""]
    return "\n".join(out)


def _mark(change: Change) -> str:
    return {"A": "+", "D": "−"}.get(change.status, "~")
