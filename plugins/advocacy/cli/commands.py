"""The subcommands of ``advocacy``: each reads the repository through the core and prints."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import traceback
from dataclasses import replace
from pathlib import Path

from advocacy.core.cache.store import BuildCache
from advocacy.core.checking.run import check_repository
from advocacy.core.i18n.catalog import language, text
from advocacy.core.model.site import Site, SiteError
from advocacy.core.reading.policy import load_policy
from advocacy.core.reading.repository import load_repository
from advocacy.core.review.changes import GitError, submission_since
from advocacy.core.review.consent_report import as_anonymous_markdown as consent_anonymous
from advocacy.core.review.consent_report import as_json as consent_json
from advocacy.core.review.consent_report import as_markdown as consent_markdown
from advocacy.core.review.consent_report import as_text as consent_text
from advocacy.core.review.consent_report import consent_records
from advocacy.core.review.decision.post_view import safe_base
from advocacy.core.review.decision.preview import make_portable
from advocacy.core.review.escape import line
from advocacy.core.review.formats import FORMATS
from advocacy.core.review.rules import rule_rows, rules_json, rules_markdown, rules_text
from advocacy.core.review.summary import COMMENT_LIMIT, LIMIT, review
from advocacy.core.review.traces import as_text as traces_text
from advocacy.core.review.traces import traces
from advocacy.core.writing.interview import Given, interview
from advocacy.core.writing.newpost import (
    NewPost,
    NewPostError,
    check_author,
    check_date,
    check_language,
    check_story,
    check_title,
    create_post,
)
from advocacy.core.writing.stories import STORY_TYPES
from advocacy.mkdocs_plugin.careers import careers_of
from advocacy.mkdocs_plugin.site import load_site_and_config

EXIT_OK, EXIT_BLOCKED, EXIT_FAILED = 0, 1, 2


class CommandError(Exception):
    """The command could not run (exit code 2); the message says why."""


def _site(args: argparse.Namespace) -> tuple[Site, str]:
    """The site from mkdocs.yml, read by MkDocs' own loader (as the build reads it), and the
    language every message is in: ``--lang``, else the site's ``language`` option.

    The language is kept in ``args.lang`` too, so that an error after this point is said in
    it as well.
    """
    site, args.mkdocs_config = load_site_and_config(args.root, args.config_file)
    if getattr(args, "as_of", None):
        site = replace(site, today=args.as_of)
    args.lang = language(args.lang or site.language)
    return site, args.lang


def run_check(args: argparse.Namespace) -> int:
    """``advocacy check``: print the report; exit 1 when something blocks publication."""
    site, lang = _site(args)
    paths = list(args.paths)
    submission = None
    if args.changed_since:
        try:
            submission = submission_since(site, args.changed_since, args.submitter or "", lang)
        except GitError as exc:
            raise CommandError(
                text(lang, "cli.error.changed_since", ref=args.changed_since, error=exc)
            ) from None
    store = BuildCache.for_repository(site.root)
    try:
        repo, report = check_repository(
            site, paths, lang, store=store, submission=submission, submitter=args.submitter
        )
        # What the build judges besides the repository's posts: teams.yml and the brand's
        # files named in mkdocs.yml, reported when the check is about them.
        _, careers = careers_of(site, repo, args.mkdocs_config)
        asked = {site.rel(p.resolve()) for p in paths} | (
            submission.changed if submission else set()
        )
        report.extend(f for f in careers if not (paths or submission) or f.file in asked)
    finally:
        store.close()
    sys.stdout.write(FORMATS[args.format](report, lang))
    return EXIT_BLOCKED if report.errors else EXIT_OK


def run_consent(args: argparse.Namespace) -> int:
    """``advocacy consent``: the report for HR; exit 0 whatever it lists."""
    site, lang = _site(args)
    records = consent_records(load_repository(site, lang), args.within)
    if args.format == "json":
        sys.stdout.write(json.dumps(consent_json(records), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        write = consent_anonymous if args.anonymous else consent_markdown
        sys.stdout.write(write(records, lang, args.within))
    else:
        sys.stdout.write(consent_text(records, lang, args.within))
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    """``advocacy new``: start a post from a story template; on a terminal, ask for what is
    missing or refused (core.writing.interview), saying why an answer was refused."""
    if args.help:  # in the site's language, which is known only now
        from advocacy.cli.main import new_help  # main imports this module

        try:
            _, lang = _site(args)
        except SiteError:
            lang = language(args.lang)
        sys.stdout.write(new_help(lang))
        return EXIT_OK
    site, lang = _site(args)
    repo = load_repository(site, posts=[])
    given = Given(
        args.title, args.author, args.language, args.type, None, args.image, args.image_alt
    )
    try:
        given.date = check_date(args.date, site.today)
        if sys.stdin.isatty() and not args.no_input:
            spec = interview(
                site, repo.authors, given, lang, lambda label: input(f"{label}: "), print
            )
        else:
            missing = [k for k in ("title", "author", "language", "type") if not getattr(args, k)]
            if missing:
                raise CommandError(
                    text(
                        lang,
                        "cli.error.missing",
                        options=", ".join(f"--{k}" for k in missing),
                        types=", ".join(STORY_TYPES),
                    )
                )
            spec = NewPost(
                check_title(args.title),
                check_author(args.author, repo.authors, given.date),
                check_language(args.language, site),
                check_story(args.type),
                given.date,
                args.image,
                args.image_alt,
            )
        path = create_post(site, repo.authors, spec)
    except NewPostError as exc:
        raise CommandError(exc.message(lang)) from None
    except EOFError:  # the terminal closed while a question waited
        print()
        return EXIT_FAILED
    print(site.rel(path))
    return EXIT_OK


def run_review(args: argparse.Namespace) -> int:
    """``advocacy review``: HR's decision on a pull request, as Markdown; with ``--comment
    FILE`` also a version that fits in a pull-request comment. Exit 0 whatever it says (the
    check's exit code is the one that blocks)."""
    site, lang = _site(args)
    if args.link_base and not safe_base(args.link_base):
        # A review without links is still the review: say why, and go on.
        print(
            f"advocacy: {text(lang, 'review.bad_link_base', url=line(args.link_base))}",
            file=sys.stderr,
        )
        args.link_base = None
    limits = (LIMIT, COMMENT_LIMIT) if args.comment else (LIMIT,)
    store = BuildCache.for_repository(site.root)
    try:
        said = review(
            site, args.base, args.cards, lang, args.submitter or "", args.link_base, limits, store
        )
    except GitError as exc:
        raise CommandError(
            text(lang, "cli.error.cannot_compare", ref=args.base, error=exc)
        ) from None
    finally:
        store.close()
    if args.comment:
        try:
            args.comment.write_text(said[1] + "\n", encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{args.comment}: {exc.strerror}") from None
    sys.stdout.write(said[0] + "\n")
    return EXIT_OK


def run_preview(args: argparse.Namespace) -> int:
    """``advocacy preview SITE``: make a built site work when opened from a downloaded
    folder (links to ``index.html``, search without a server), for HR's preview."""
    lang = language(args.lang)
    folder: Path = args.site
    if not (folder / "index.html").is_file():
        raise CommandError(text(lang, "review.preview.not_built", folder=folder))
    done = make_portable(folder)
    print(text(lang, "review.preview.done", pages=done.pages, links=done.links))
    return EXIT_OK


def run_traces(args: argparse.Namespace) -> int:
    """``advocacy traces SLUG``: every file that holds a person, and the steps to remove it."""
    site, lang = _site(args)
    store = BuildCache.for_repository(site.root)
    try:
        repo, _ = check_repository(site, (), lang, store=store)
    finally:
        store.close()
    sys.stdout.write(traces_text(traces(repo, args.slug), args.slug, lang, site.today.isoformat()))
    return EXIT_OK if args.slug in repo.authors else EXIT_FAILED


def run_rules(args: argparse.Namespace) -> int:
    """``advocacy rules``: what HR can set in ``policy.yml`` and what it is set to now."""
    site, lang = _site(args)
    policy, _ = load_policy(site, lang)  # a policy with problems: `advocacy check` says them
    rows = rule_rows(policy, lang)
    if args.format == "json":
        sys.stdout.write(json.dumps(rules_json(rows), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write((rules_markdown if args.format == "markdown" else rules_text)(rows, lang))
    return EXIT_OK


COMMANDS = {
    "check": run_check,
    "consent": run_consent,
    "new": run_new,
    "review": run_review,
    "preview": run_preview,
    "traces": run_traces,
    "rules": run_rules,
}


def dispatch(args: argparse.Namespace) -> int:
    """Run the chosen command; a command that cannot run says why and exits 2, never with a
    traceback (an unexpected fault names where it happened, for the maintainers)."""
    try:
        return COMMANDS[args.command](args)
    except (SiteError, CommandError) as exc:
        print(f"advocacy: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_FAILED
    except Exception as exc:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        said = text(
            language(getattr(args, "lang", None)),
            "cli.error.crash",
            command=args.command,
            error=f"{type(exc).__name__}: {exc}",
            where=f"{Path(frame.filename).name}:{frame.lineno}",
        )
        print(f"advocacy: {said}", file=sys.stderr)
        return EXIT_FAILED


def as_date(value: str) -> dt.date:
    """An argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date: use YYYY-MM-DD") from None
