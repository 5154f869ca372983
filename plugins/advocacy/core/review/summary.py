"""``advocacy review``: HR's decision on a pull request, as Markdown for GitHub.

It says first whether the pull request is ready, needs changes, or is blocked, and why;
then what goes up on the site and what comes down when it is merged (the difference of
the base branch's edition and the pull request's, both as of today); then each added or
changed post as readers and HR will see it (its title, description, cover picture,
authors, who submitted it, everyone in it and their consent, the findings, the share
card and text, and its text or the change to it); then each changed author file and the
policy. Everything taken from the repository is escaped or quoted (see ``escape`` and
``decision.quoting``): the review is shown on GitHub, and nothing in a post may become
active Markdown or HTML there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from advocacy.core.cache.store import BuildCache
from advocacy.core.checking.kinds import OTHER, PUBLISHED, Usage, kind_of, usage
from advocacy.core.checking.run import check_repository
from advocacy.core.checking.submission import Submission
from advocacy.core.i18n.catalog import format_list, plural, text
from advocacy.core.model.entities import Author, Post
from advocacy.core.model.findings import Report
from advocacy.core.model.site import Site
from advocacy.core.publishing.edition import decide
from advocacy.core.reading.repository import Repository
from advocacy.core.review.changes import (
    Change,
    changes_since,
    merge_base,
    read_at,
    submission_since,
)
from advocacy.core.review.decision.base import base_edition
from advocacy.core.review.decision.editions import SiteChange, compare
from advocacy.core.review.decision.post_view import Context, post_section
from advocacy.core.review.decision.site_view import (
    author_section,
    elsewhere,
    policy_section,
    site_section,
)
from advocacy.core.review.decision.verdict import verdict, verdict_line
from advocacy.core.review.escape import code
from advocacy.core.review.escape import markdown as md

LIMIT = 900_000  # GitHub's job summary takes 1 MiB; stay well below
COMMENT_LIMIT = 60_000  # a pull-request comment takes 65,536 characters
TEXT_BUDGETS = (None, 200, 40, 10)  # lines of each post's text, tried in turn until it fits
# The changed files no other section covers, by kind, in the order the review lists them.
KIND_ORDER = ("page", "brand", "teams", "photo", "picture", "post", "configuration")


@dataclass
class Facts:
    """Everything the review says, gathered once and written at any length."""

    site: Site
    lang: str
    repo: Repository
    report: Report
    submission: Submission
    changes: list[Change]
    site_change: SiteChange
    ctx: Context
    posts: list[tuple[Post, str | None]] = field(default_factory=list)  # post, base text
    removed: list[tuple[str, Post | None]] = field(default_factory=list)
    authors: list[tuple[str, Author | None, Author | None]] = field(default_factory=list)
    policy: tuple[str | None, str | None] | None = None  # base and new text, when changed
    other: list[Change] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)  # every changed file's kind
    used: Usage = field(default_factory=Usage)

    def shown(self) -> int:
        """How many changed files readers see, or that decide what they see."""
        return sum(1 for kind in self.kinds.values() if kind in PUBLISHED)

    def others(self) -> int:
        """How many changed files are of no known kind."""
        return sum(1 for kind in self.kinds.values() if kind not in PUBLISHED)


def gather(
    site: Site,
    base: str,
    lang: str = "en",
    submitter: str = "",
    cards: Path | None = None,
    link_base: str | None = None,
    store: BuildCache | None = None,
) -> Facts:
    """Read both sides of the pull request, check them and compare their editions."""
    root = site.root
    changes = changes_since(root, base)
    commit = merge_base(root, base)
    submission = submission_since(site, base, submitter, lang)
    repo, report = check_repository(site, (), lang, store=store, submission=submission)
    after = decide(repo)
    base_repo, before = base_edition(site, commit, changes, lang)
    author_url = f"{site.blog_dir.strip('/')}/author/{{slug}}/"
    site_change = compare(before, after, base_repo.authors, repo.authors, author_url)
    ctx = Context(
        repo,
        report.sorted(),
        {h.post.file: h for h in after.held},
        submission,
        lang,
        cards,
        link_base,
    )
    facts = Facts(site, lang, repo, report, submission, changes, site_change, ctx)
    posts_prefix = site.rel(site.posts_path) + "/"
    by_file = {p.file: p for p in repo.posts}
    modified = [c.path for c in changes if c.status == "M" and c.path in by_file]
    texts = read_at(root, commit, modified)
    authors_prefix = site.authors_dir.strip("/") + "/"
    base_authors = {a.file: a for a in base_repo.authors.values()}
    now_authors = {a.file: a for a in repo.authors.values()}
    facts.used = usage(
        repo.posts,
        list(repo.pages),
        [base_repo.authors, repo.authors],
        [*base_repo.policy.brand_assets, *repo.policy.brand_assets],
    )
    for change in changes:
        path = change.path
        facts.kinds[path] = kind_of(site, path, facts.used)
        if path.startswith(posts_prefix) and path.endswith(".md"):
            if change.status == "D":
                facts.removed.append((path, submission.base_posts.get(path)))
            elif path in by_file:
                facts.posts.append(
                    (by_file[path], texts.get(path) if change.status == "M" else None)
                )
            else:
                facts.other.append(change)
        elif path.startswith(authors_prefix) and path.endswith((".yml", ".yaml")):
            facts.authors.append((path, base_authors.get(path), now_authors.get(path)))
        elif path == site.policy:
            was = read_at(root, commit, [path]).get(path)
            now = (root / path).read_text("utf-8", "replace") if (root / path).is_file() else None
            facts.policy = (was, now)
        else:
            facts.other.append(change)
    return facts


def _counts(facts: Facts, lang: str) -> str:
    added = sum(1 for _, before in facts.posts if before is None)
    parts = [
        plural(lang, key, n)
        for key, n in (
            ("review.count.added", added),
            ("review.count.changed", len(facts.posts) - added),
            ("review.count.removed", len(facts.removed)),
            ("review.count.authors", len(facts.authors)),
            ("review.count.other", len(facts.other)),
        )
        if n
    ]
    if facts.policy is not None:
        parts.append(text(lang, "review.count.policy"))
    if not parts:
        return text(lang, "review.no_posts")
    return text(lang, "review.count.line", what=format_list(parts, lang))


def _head(facts: Facts) -> list[str]:
    lang, sub = facts.lang, facts.submission
    own = {c.path for c in facts.changes}
    out = [
        f"## {text(lang, 'review.title')}",
        "",
        verdict_line(verdict(facts.report.sorted(), own), lang),
        "",
        _counts(facts, lang),
    ]
    if sub.login:
        key = "review.submitted_by_hr" if sub.hr else "review.submitted_by"
        out += ["", text(lang, key, login=code(sub.login))]
    return [*out, ""]


def _tail(facts: Facts) -> list[str]:
    lang, today = facts.lang, facts.site.today
    out: list[str] = []
    if facts.removed:
        out += [f"### {text(lang, 'review.removed')}", ""]
        out += [
            f"- {md(post.title)} ({code(path)})" if post else f"- {code(path)}"
            for path, post in facts.removed
        ]
        out.append("")
    findings = facts.ctx.findings
    for path, before, after in facts.authors:
        out += author_section(path, before, after, facts.site_change, findings, lang, today)
    if facts.policy is not None:
        out += policy_section(facts.site.policy, *facts.policy, facts.site_change, findings, lang)
    covered = {post.file for post, _ in facts.posts} | {path for path, _, _ in facts.authors}
    covered.add(facts.site.policy)
    out += elsewhere(findings, covered, lang)
    return out + _files(facts)


def _files(facts: Facts) -> list[str]:
    """The changed files no section above covers, under what they change on the site."""
    lang, mark = facts.lang, {"A": "+", "D": "−"}
    out: list[str] = []
    for kind in (*KIND_ORDER, OTHER):
        changes = [c for c in facts.other if facts.kinds.get(c.path, OTHER) == kind]
        if not changes:
            continue
        key = "review.other" if kind == OTHER else f"review.kinds.{kind}"
        out += [f"### {text(lang, key)}", ""]
        for change in changes:
            said = f"- {mark.get(change.status, '~')} {code(change.path)}"
            users = _users(facts, change.path)
            out.append(f"{said}: {users}" if users else said)
        out.append("")
    return out


def _users(facts: Facts, path: str) -> str:
    """Who shows the file: the posts that use it, and the authors whose photo it is."""
    lang, used = facts.lang, facts.used
    titles = [md(p.title) for p in used.posts.get(path, [])]
    people = sorted(
        md(a.name) for slug in used.photos.get(path, ()) if (a := facts.repo.authors.get(slug))
    )
    parts = []
    if titles:
        parts.append(text(lang, "review.kinds.in_posts", posts=format_list(titles, lang)))
    if people:
        parts.append(text(lang, "review.kinds.photo_of", names=format_list(people, lang)))
    if path in used.pages:
        parts.append(text(lang, "review.kinds.in_pages"))
    return "; ".join(parts)


def render(facts: Facts, limit: int = LIMIT) -> str:
    """The review in at most ``limit`` characters: each post's text is shortened first,
    then posts are left out from the end, with a line saying how many."""
    lang = facts.lang
    head = _head(facts) + site_section(
        facts.site_change, lang, facts.site.today, facts.shown(), facts.others()
    )
    tail = _tail(facts)
    for most in TEXT_BUDGETS:
        sections = [post_section(facts.ctx, post, before, most) for post, before in facts.posts]
        whole = "\n".join([*head, *sections, *tail])
        if len(whole) <= limit:
            return whole
    room = limit - len("\n".join([*head, *tail])) - 200
    shown: list[str] = []
    for section in sections:
        if sum(len(s) + 1 for s in shown) + len(section) > room:
            break
        shown.append(section)
    more = [plural(lang, "review.more", len(sections) - len(shown)), ""]
    return "\n".join([*head, *shown, *more, *tail])[:limit]


def review(
    site: Site,
    base: str,
    cards: Path | None = None,
    lang: str = "en",
    submitter: str = "",
    link_base: str | None = None,
    limits: tuple[int, ...] = (LIMIT,),
    store: BuildCache | None = None,
) -> list[str]:
    """The review of everything changed since ``base``, in ``lang``, once for each of
    ``limits`` (characters): the job summary's, and a comment's."""
    facts = gather(site, base, lang, submitter, cards, link_base, store)
    return [render(facts, limit) for limit in limits]
