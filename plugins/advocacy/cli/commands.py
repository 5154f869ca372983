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
from advocacy.core.i18n.messages import LANGUAGES
from advocacy.core.model.site import Site, SiteError
from advocacy.core.reading.repository import load_repository
from advocacy.core.review.changes import GitError, submission_since
from advocacy.core.review.consent_report import as_anonymous_markdown as consent_anonymous
from advocacy.core.review.consent_report import as_json as consent_json
from advocacy.core.review.consent_report import as_markdown as consent_markdown
from advocacy.core.review.consent_report import as_text as consent_text
from advocacy.core.review.consent_report import consent_records
from advocacy.core.review.formats import FORMATS
from advocacy.core.review.summary import review
from advocacy.core.review.traces import as_text as traces_text
from advocacy.core.review.traces import traces
from advocacy.core.writing.newpost import NewPost, NewPostError, create_post
from advocacy.core.writing.stories import STORY_TYPES
from advocacy.mkdocs_plugin.site import load_site as site_settings

EXIT_OK, EXIT_BLOCKED, EXIT_FAILED = 0, 1, 2


class CommandError(Exception):
    """The command could not run (exit code 2); the message says why."""


def _site(args: argparse.Namespace) -> tuple[Site, str]:
    """The site from mkdocs.yml, read by MkDocs' own loader (as the build reads it)."""
    site = site_settings(args.root, args.config_file)
    if getattr(args, "as_of", None):
        site = replace(site, today=args.as_of)
    lang = args.lang or (site.language if site.language in LANGUAGES else "en")
    return site, lang


def run_check(args: argparse.Namespace) -> int:
    """``advocacy check``: print the report; exit 1 when something blocks publication."""
    site, lang = _site(args)
    paths = list(args.paths)
    submission = None
    if args.changed_since:
        try:
            submission = submission_since(site, args.changed_since, args.submitter or "", lang)
        except GitError as exc:
            raise CommandError(f"cannot tell what changed since {args.changed_since}: "
                               f"{exc}") from None
    store = BuildCache.for_repository(site.root)
    try:
        _, report = check_repository(site, paths, lang, store=store, submission=submission,
                                     submitter=args.submitter)
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


def _ask(label: str, choices: list[str] | None = None, default: str | None = None) -> str:
    hint = f" ({'/'.join(choices)})" if choices else ""
    hint += f" [{default}]" if default else ""
    while True:
        answer = input(f"{label}{hint}: ").strip() or (default or "")
        if answer and (not choices or answer in choices):
            return answer


def run_new(args: argparse.Namespace) -> int:
    """``advocacy new``: start a post from a story template; ask for what is missing."""
    site, _ = _site(args)
    repo = load_repository(site, posts=[])
    interactive = sys.stdin.isatty() and not args.no_input
    values = {"title": args.title, "author": args.author, "language": args.language,
              "type": args.type}
    missing = [k for k, v in values.items() if not v]
    if missing and not interactive:
        raise CommandError("missing " + ", ".join(f"--{k}" for k in missing) +
                           f"; story types: {', '.join(STORY_TYPES)}")
    title = args.title or _ask("Title / Titel")
    author = args.author or _ask("Author (file name in authors/) / Forfatter",
                                 sorted(repo.authors))
    language = args.language or _ask("Language / Sprog", list(site.languages), site.language)
    story = args.type or _ask("Story type / Slags historie", list(STORY_TYPES))
    spec = NewPost(title, author, language, story, args.date or site.today, args.image,
                   args.image_alt)
    try:
        path = create_post(site, repo.authors, spec)
    except NewPostError as exc:
        raise CommandError(str(exc)) from None
    print(site.rel(path))
    return EXIT_OK


def run_review(args: argparse.Namespace) -> int:
    """``advocacy review``: the Markdown summary of a pull request, for HR."""
    site, lang = _site(args)
    try:
        sys.stdout.write(review(site, args.base, args.cards, lang))
    except GitError as exc:
        raise CommandError(f"cannot compare with {args.base}: {exc}") from None
    return EXIT_OK


def run_traces(args: argparse.Namespace) -> int:
    """``advocacy traces SLUG``: every file that holds a person, and the steps to remove it."""
    site, lang = _site(args)
    store = BuildCache.for_repository(site.root)
    try:
        repo, _ = check_repository(site, (), lang, store=store)
    finally:
        store.close()
    sys.stdout.write(traces_text(traces(repo, args.slug), args.slug, lang,
                                 site.today.isoformat()))
    return EXIT_OK if args.slug in repo.authors else EXIT_FAILED


COMMANDS = {"check": run_check, "consent": run_consent, "new": run_new, "review": run_review,
            "traces": run_traces}


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
        print(f"advocacy: {args.command} could not finish: {type(exc).__name__}: {exc} "
              f"(in {Path(frame.filename).name}:{frame.lineno}); please report this to the "
              "site's maintainers.", file=sys.stderr)
        return EXIT_FAILED


def as_date(value: str) -> dt.date:
    """An argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date: use YYYY-MM-DD") from None

