"""Run every check on a repository: read it, render every post and page once, run the rules.

``policy.yml`` may change the severities of the rules that allow it. The same function
serves ``advocacy check`` and ``mkdocs build``, so both report alike, and the build
publishes the very renderings the rules judged.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from advocacy.core.cache.findings import RuleCache
from advocacy.core.cache.reads import ReadCache, code_fingerprint
from advocacy.core.cache.store import BuildCache
from advocacy.core.checking.people.elsewhere import author_consent
from advocacy.core.checking.rules import CHECKS
from advocacy.core.checking.rules.confidential import author_confidential
from advocacy.core.checking.rules.media import author_media
from advocacy.core.checking.rules.personal_data import author_personal_data
from advocacy.core.checking.submission import Submission, same_names, submission_findings
from advocacy.core.media.catalog import MediaCatalog
from advocacy.core.media.images import Slot
from advocacy.core.model.entities import DocPage, Post
from advocacy.core.model.findings import Finding, Report, Severity
from advocacy.core.model.rules import RULES, localized, rule
from advocacy.core.model.site import Site
from advocacy.core.reading.files import take_inventory
from advocacy.core.reading.policy import Policy
from advocacy.core.reading.posts import read_post
from advocacy.core.reading.repository import Repository, load_repository
from advocacy.core.reading.schema.yamlsource import RepoFileError, read_repo_text
from advocacy.core.rendering.documents import Renderer, uses

E = Severity.ERROR
UNKNOWN_RULE = rule(
    "policy-severity",
    E,
    ("The policy names only rules that exist.", "Politikken nævner kun regler, der findes."),
    (
        "'severity' names a rule that does not exist: '{rule_id}'.",
        "Use one of the rule ids{near}; `advocacy rules` lists them.",
    ),
    (
        "'severity' nævner en regel, der ikke findes: '{rule_id}'.",
        "Brug et af regel-id'erne{near}; `advocacy rules` viser dem.",
    ),
    adjustable=False,
)
INTERNAL = rule(
    "internal-error",
    E,
    (
        "A file the check cannot finish is not published.",
        "En fil, tjekket ikke kan gøre færdig, bliver ikke udgivet.",
    ),
    (
        "The check could not finish this file ({error}).",
        "This is a fault in advocacy, not in your file: please report it with the file to the "
        "site's maintainers. Until it is fixed the file is not published.",
    ),
    (
        "Tjekket kunne ikke gøre denne fil færdig ({error}).",
        "Det er en fejl i advocacy, ikke i din fil: meld den gerne med filen til sitets "
        "ansvarlige. Indtil den er rettet, bliver filen ikke udgivet.",
    ),
    adjustable=False,
)


DEPENDS = rule(
    "depends-on-error",
    E,
    (
        "A post or page that shows or links to a file with errors waits until they are fixed.",
        "Et indlæg eller en side, der viser eller linker til en fil med fejl, venter, til de er "
        "rettet.",
    ),
    (
        "This uses {other}, which has errors, so it is not published until they are fixed.",
        "Fix the errors reported for {other}, or remove what points at it.",
    ),
    (
        "Dette bruger {other}, som har fejl, så det udgives ikke, før de er rettet.",
        "Ret de fejl, der er meldt for {other}, eller fjern det, der peger på den.",
    ),
    adjustable=False,
)


def context_key(repo: Repository) -> str:
    """Everything besides a post that its cached findings depend on."""
    site, policy = repo.site, repo.policy
    digest = hashlib.sha256(code_fingerprint().encode())
    for path in repo.inventory.authors:
        digest.update(path.name.encode() + path.read_bytes())
    try:
        digest.update((read_repo_text(site.root, site.policy) or "").encode())
    except (RepoFileError, OSError, UnicodeDecodeError):
        digest.update(b"\0unreadable")  # reported by load_policy; every post is held back
    digest.update(
        json.dumps(
            [
                policy.confidential_terms,
                site.categories,
                site.languages,
                site.language,
                site.media_dir,
                site.today.isoformat(),
                repo.lang,
                sorted(repo.broken_authors),
            ]
        ).encode()
    )
    return digest.hexdigest()


def _guarded(repo: Repository, doc: Post | DocPage, checks: Iterable) -> list[Finding]:
    """The findings of ``checks`` on one document; a fault in a check is a finding, never a
    traceback, and it keeps the document off the site."""
    out: list[Finding] = []
    for item in checks:
        if not item.applies(doc):
            continue
        try:
            out += list(item.func(repo, doc))
        except Exception as exc:
            out.append(INTERNAL.finding(repo.lang, doc.file, None, error=_describe(exc)))
            doc.valid = False
    return out


def _describe(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" in {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return f"{type(exc).__name__}{where}"


def run_rules(repo: Repository, cache: RuleCache | None = None) -> list[Finding]:
    """Every registered check on every post and page that was read; cached where valid."""
    cached = [c for c in CHECKS if c.cacheable]
    always = [c for c in CHECKS if not c.cacheable]
    out: list[Finding] = []
    for doc in repo.documents:
        found = cache.get(doc.file, doc.digest) if cache else None
        if found is None:
            found = _guarded(repo, doc, cached)
            if cache and doc.valid:
                cache.put(doc.file, doc.digest, found)
        out += found
        out += _guarded(repo, doc, always)
    return out


def apply_severities(findings: list[Finding], policy: Policy) -> list[Finding]:
    """Severities as HR set them in ``policy.yml``, where the rule allows a change."""
    out = []
    for finding in findings:
        declared = RULES.get(finding.rule)
        level = policy.severity.get(finding.rule)
        if level is None or declared is None or not declared.adjustable:
            out.append(finding)
        elif level != "off":
            severity = Severity(level)
            if severity is Severity.ERROR and not declared.can_block:
                severity = Severity.WARNING  # hints stay hints, whatever the policy says
            out.append(replace(finding, severity=severity))
    return out


# What every error of a post from an old site adds to its fix: such a post has no writer at
# hand, so the choices are to fix it now or to keep it off the site until someone can.
IMPORTED = localized(
    "This post came from the old site: fix it here, or add 'draft: true' to keep it off the "
    "site until someone has time; its old address works again once it is published.",
    "Indlægget kommer fra det gamle site: ret det her, eller tilføj 'draft: true' for at "
    "holde det væk fra sitet, til nogen har tid; dets gamle adresse virker igen, når det er "
    "udgivet.",
)


def imported_advice(findings: list[Finding], repo: Repository) -> list[Finding]:
    """The errors of imported posts (those with old addresses, ``aliases``) say what to do
    with an old post: the rule's own advice for imports, then the choice to hold it back."""
    imported = {p.file for p in repo.posts if p.aliases}
    if not imported:
        return findings
    out = []
    for finding in findings:
        if finding.file in imported and finding.severity is Severity.ERROR:
            declared = RULES.get(finding.rule)
            advice = [
                declared.hint.get(repo.lang, declared.hint.get("en", "")) if declared else "",
                IMPORTED.get(repo.lang, IMPORTED["en"]),
            ]
            finding = replace(finding, fix=" ".join([finding.fix, *filter(None, advice)]))
        out.append(finding)
    return out


def _unknown_rules(repo: Repository) -> list[Finding]:
    out = []
    for rule_id in repo.policy.severity:
        if rule_id not in RULES:
            near = difflib.get_close_matches(rule_id, list(RULES), n=1)
            out.append(
                UNKNOWN_RULE.finding(
                    repo.lang,
                    repo.policy.file,
                    repo.policy.line_of("severity", rule_id),
                    rule_id=rule_id,
                    near={"en": f" (did you mean '{near[0]}'?)", "da": f" (mente du '{near[0]}'?)"}
                    if near
                    else "",
                )
            )
    return out


def select(
    site: Site, paths: Sequence[Path], posts: list[Path]
) -> tuple[list[Path] | None, set[str] | None]:
    """The post files to read and the repository files to report on for ``paths``.

    No paths means everything. A folder stands for the files below it. Posts are read only
    when selected; authors, pages and the policy are always read, since posts depend on them.
    """
    if not paths:
        return None, None
    root = site.root.resolve()
    chosen: set[str] = set()
    for path in paths:
        full = (path if path.is_absolute() else Path.cwd() / path).resolve()
        files = sorted(p for p in full.rglob("*") if p.is_file()) if full.is_dir() else [full]
        for file in files:
            try:
                chosen.add(file.relative_to(root).as_posix())
            except ValueError:
                continue  # outside the repository: nothing of ours to check
    return [p for p in posts if site.rel(p) in chosen], chosen


def check_repository(
    site: Site,
    paths: Sequence[Path] = (),
    lang: str = "en",
    store: BuildCache | None = None,
    submission: Submission | None = None,
    submitter: str | None = None,
    writer: bool = False,
) -> tuple[Repository, Report]:
    """Read, render and check the repository; report on ``paths`` only, when given.

    ``store`` keeps what can be remembered between runs (posts as read, renderings,
    findings). ``submission`` is a pull request: what it may change is judged by its base
    branch, and the report is on what it changes and on everything that uses it. Without
    one, ``submitter`` checks the posts of ``paths`` against the rights in the work tree (a
    writer trying it out; pull requests always come with their base branch). ``writer``
    keeps advice on writing for every post (the preview, where a writer looks at them all).
    """
    inventory = take_inventory(site)
    posts, chosen = select(site, paths, inventory.posts)
    reads = ReadCache(store, site, lang, read_post) if store else None
    repo = load_repository(site, lang, posts, reads.read if reads else None, store, inventory)
    if reads:
        reads.save({site.rel(p) for p in repo.inventory.posts} if posts is None else None)
    repo.media = MediaCatalog(
        site.root,
        frozenset(a.lower() for a in repo.policy.brand_assets),
        image_slots(store) if store else None,
    )
    if store:
        repo.media.digest = store.digests.of
    renderer = repo.renderer = Renderer(repo, repo.media, store)
    renderer.render_all(repo.documents)
    cache = RuleCache(store, context_key(repo)) if store else None
    findings = [
        *repo.findings,
        *_unknown_rules(repo),
        *run_rules(repo, cache),
        *author_media(repo),
        *author_personal_data(repo),
        *author_confidential(repo),
        *author_consent(repo),
        *same_names(repo),
    ]
    # Advice on writing goes to the posts a writer asks about, not to a whole repository.
    own = chosen or (submission.changed if submission is not None else set())
    findings = [f for f in findings if writer or f.file in own or not for_writer(f.rule)]
    if submission is None and submitter:
        mine = {p.file: p for p in repo.posts if chosen is None or p.file in chosen}
        # No base branch: the work tree's rights, and each post as it is (its own authors).
        submission = Submission(
            submitter, set(mine), set(), repo.policy, dict(repo.authors), base_posts=mine
        )
        findings += [
            f for f in submission_findings(repo, submission) if f.rule == "submitter-not-author"
        ]
    elif submission is not None:
        findings += submission_findings(repo, submission)
        chosen = involved(repo, submission)
    findings = apply_severities(findings, repo.policy)
    findings += _policy_hold(repo, findings)
    findings = imported_advice(findings + _invalidate(repo, findings), repo)
    if chosen is not None:
        findings = [f for f in findings if f.file in chosen]
    report = Report(files=len(chosen) if chosen is not None else repo.files)
    report.extend(findings)
    if store:
        store.flush()
    return repo, report


def for_writer(rule_id: str) -> bool:
    """Whether the rule is advice on writing, for the posts a writer asks about only."""
    declared = RULES.get(rule_id)
    return declared is not None and declared.for_writer


def image_slots(store: BuildCache) -> Callable[[str], Slot]:
    """Where the build cache keeps each processed photo, by its content key."""

    def slot(key: str) -> Slot:
        storage = store.key("images", key)
        return Slot(store.path("images", storage).parent, storage)

    return slot


def involved(repo: Repository, submission: Submission) -> set[str]:
    """What a pull request's report is about: the files it changes or deletes, the posts
    and pages that use a file it changes, and the posts of an author whose file it changes."""
    touched = submission.changed | submission.deleted
    prefix = repo.site.authors_dir.strip("/") + "/"
    authors = {p[len(prefix) :].rsplit(".", 1)[0] for p in touched if p.startswith(prefix)}
    out = set(touched)
    if any(f.file == repo.site.policy and f.severity is Severity.ERROR for f in repo.findings):
        out.add(repo.site.policy)  # it holds every post: say why
    for post in repo.posts:  # a changed post is reported with its authors' files
        if post.file in touched:
            out |= {repo.authors[s].file for s in post.authors if s in repo.authors}
    for doc in repo.documents:
        if uses(doc) & touched or (
            isinstance(doc, Post)
            and authors & {*doc.authors, *(p.author for p in doc.people if p.author)}
        ):
            out.add(doc.file)
    if repo.site.policy in touched or "mkdocs.yml" in touched:
        out |= {d.file for d in repo.documents} | {a.file for a in repo.authors.values()}
    return out


def _policy_hold(repo: Repository, findings: list[Finding]) -> list[Finding]:
    """Fail closed on the policy: with any error in it (unreadable, a key it does not know,
    a terms file that cannot be read), its deny-lists may be incomplete, so every post and
    page is held back (the strict build fails; hold mode publishes none of them)."""
    policy = repo.site.policy
    if not any(f.file == policy and f.severity is Severity.ERROR for f in findings):
        return []
    out = []
    for doc in repo.documents:
        doc.valid = False
        out.append(DEPENDS.finding(repo.lang, doc.file, None, other=policy))
    return out


def _invalidate(repo: Repository, findings: list[Finding]) -> list[Finding]:
    """A post or page with an error is not valid, whatever found it: it is never published.
    Nor is one that uses a file with an error (its captions, a page it links to, which would
    not be there): that one is told why, so the check says all the build will hold back."""
    failed = {f.file for f in findings if f.severity is Severity.ERROR}
    out: list[Finding] = []
    waiting = [d for d in repo.documents if d.file not in failed]
    for doc in repo.documents:
        if doc.file in failed:
            doc.valid = False
    while waiting:  # a chain (a post linking to a post linking to a broken one) holds all
        blocked = [(d, sorted(failed & uses(d))) for d in waiting]
        blocked = [(d, broken) for d, broken in blocked if broken]
        if not blocked:
            break
        for doc, broken in blocked:
            doc.valid = False
            failed.add(doc.file)
            out.append(
                DEPENDS.finding(repo.lang, doc.file, _line_of_use(doc, broken[0]), other=broken[0])
            )
        waiting = [d for d in waiting if d.file not in failed]
    return out


def _line_of_use(doc: Post | DocPage, file: str) -> int | None:
    """Where ``doc`` shows or links to ``file``: its line in the text or the front matter."""
    for ref, line in doc.rendered.refs if doc.rendered else ():
        if ref.path == file:
            return line
    if isinstance(doc, Post):
        video = doc.video
        fields = {
            ("image",): doc.image,
            ("video", "src"): video and video.src,
            ("video", "captions"): video and video.captions,
            ("video", "poster"): video and video.poster,
        }
        for path, value in fields.items():
            if value == file:
                return doc.line_of(*path)
    return None
