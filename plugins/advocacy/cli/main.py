"""``advocacy``: check posts and authors without building the site; consent report for HR."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..core.checks import check_repository
from ..core.consent_report import as_json as consent_json
from ..core.consent_report import as_markdown as consent_markdown
from ..core.consent_report import as_text as consent_text
from ..core.consent_report import consent_records
from ..core.messages import LANGUAGES
from ..core.repo import load_repository
from ..core.site import SiteError, load_site
from .output import FORMATS

EXIT_OK, EXIT_BLOCKED, EXIT_FAILED = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date: use YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="advocacy", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check posts and authors without building")
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: all)")
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument("--as-of", type=_date, help="judge dates as of this day (YYYY-MM-DD)")
    check.add_argument("--lang", choices=LANGUAGES, help="language of the messages")
    check.add_argument("--submitter", metavar="LOGIN",
                       help="the pull request's author: must be an author of each post or HR")
    check.add_argument("--root", type=Path, default=Path("."),
                       help="the repository (the folder with mkdocs.yml)")
    check.add_argument("--config-file", default="mkdocs.yml")
    report = sub.add_parser("consent", help="consent that is missing, expiring, withdrawn, "
                                            "or belongs to people who left")
    report.add_argument("--within", type=int, default=30, metavar="DAYS",
                        help="count consent expiring within this many days (default 30)")
    report.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    report.add_argument("--as-of", type=_date, help="judge dates as of this day (YYYY-MM-DD)")
    report.add_argument("--lang", choices=LANGUAGES, help="language of the report")
    report.add_argument("--root", type=Path, default=Path("."))
    report.add_argument("--config-file", default="mkdocs.yml")
    return parser


def run_check(args: argparse.Namespace) -> int:
    """``advocacy check``: print the report; exit 1 when something blocks publication."""
    site = load_site(args.root, args.config_file, args.as_of)
    lang = args.lang or (site.language if site.language in LANGUAGES else "en")
    _, report = check_repository(site, args.paths, lang, args.submitter)
    sys.stdout.write(FORMATS[args.format](report))
    return EXIT_BLOCKED if report.errors else EXIT_OK


def run_consent(args: argparse.Namespace) -> int:
    """``advocacy consent``: the report for HR; exit 0 whatever it lists."""
    site = load_site(args.root, args.config_file, args.as_of)
    lang = args.lang or (site.language if site.language in LANGUAGES else "en")
    repo = load_repository(site, lang)
    records = consent_records(repo, args.within)
    if args.format == "json":
        sys.stdout.write(json.dumps(consent_json(records), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(consent_markdown(records, lang, args.within))
    else:
        sys.stdout.write(consent_text(records, lang, args.within))
    return EXIT_OK


COMMANDS = {"check": run_check, "consent": run_consent}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``advocacy`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except SiteError as exc:
        print(f"advocacy: {exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
