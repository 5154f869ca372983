"""``advocacy``: check posts without building, start new ones, review pull requests, and
report on consent."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from advocacy.cli.commands import as_date, dispatch
from advocacy.cli.importing import add_import_parser
from advocacy.core.i18n.catalog import LANGUAGES, text
from advocacy.core.review.formats import FORMATS
from advocacy.core.writing.stories import STORY_TYPES


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="the repository (the folder with mkdocs.yml)"
    )
    parser.add_argument("--config-file", default="mkdocs.yml")
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="language of the messages (default: the site's language)"
    )
    parser.add_argument("--as-of", type=as_date, help="judge dates as of this day (YYYY-MM-DD)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(prog="advocacy", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check posts and authors without building")
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: all)")
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument(
        "--submitter",
        metavar="LOGIN",
        help="the pull request's author: must be an author of each post or HR",
    )
    check.add_argument(
        "--changed-since",
        metavar="REF",
        help="check what changed since REF and everything it depends on",
    )
    _common(check)

    # `new` is the writers' command: its help is in the site's language (see new_help).
    new = sub.add_parser("new", help="start a post from a story template", add_help=False)
    new_arguments(new)

    review = sub.add_parser("review", help="HR's decision on a pull request, as Markdown")
    review.add_argument("--base", required=True, metavar="REF", help="the branch merged into")
    review.add_argument("--submitter", metavar="LOGIN", help="who opened the pull request")
    review.add_argument("--cards", type=Path, help="the built site's assets/cards folder")
    review.add_argument(
        "--link-base",
        metavar="URL",
        help="where the pull request's files open, e.g. "
        "https://github.com/OWNER/REPO/blob/SHA/ (links, thumbnails)",
    )
    review.add_argument(
        "--comment",
        type=Path,
        metavar="FILE",
        help="also write a version that fits in a pull-request comment",
    )
    _common(review)
    preview = sub.add_parser(
        "preview",
        help="make a built site work from a downloaded folder (HR's preview of a pull request)",
    )
    preview.add_argument("site", type=Path, help="the built site's folder")
    preview.add_argument("--lang", choices=LANGUAGES, help="language of the messages")

    trace = sub.add_parser(
        "traces",
        help="every file that holds a person, and how to remove them (when consent is withdrawn)",
    )
    trace.add_argument("slug", help="the person's author file name, without .yml")
    _common(trace)

    consent = sub.add_parser(
        "consent",
        help="consent that is missing, expiring, withdrawn, or belongs to people who left",
    )
    consent.add_argument(
        "--within",
        type=int,
        default=30,
        metavar="DAYS",
        help="count consent expiring within this many days (default 30)",
    )
    consent.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    consent.add_argument(
        "--anonymous",
        action="store_true",
        help="counts only, no names or files (for a public issue)",
    )
    _common(consent)

    rules = sub.add_parser(
        "rules", help="every rule, its default severity, and whether policy.yml may change it"
    )
    rules.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    _common(rules)

    add_import_parser(sub)
    return parser


def new_arguments(parser: argparse.ArgumentParser, lang: str = "en") -> None:
    """The options of ``advocacy new``, with their help in ``lang``.

    Values are judged after parsing, in the site's language (core.writing.newpost), not by
    argparse, whose refusals are English only; ``--help`` too is answered after parsing,
    once the site's language is known (run_new)."""

    def said(key: str, **values: object) -> str:
        return text(lang, f"newpost.help.{key}", **values).replace("%", "%%")

    parser.add_argument("--title", help=said("title"))
    parser.add_argument("--author", help=said("author"))
    parser.add_argument("--language", help=said("language", choices=", ".join(LANGUAGES)))
    parser.add_argument("--type", help=said("type", choices=", ".join(STORY_TYPES)))
    parser.add_argument("--image", help=said("image"))
    parser.add_argument("--image-alt", help=said("image_alt"))
    parser.add_argument("--date", help=said("date"))
    parser.add_argument("--no-input", action="store_true", help=said("no_input"))
    parser.add_argument("--root", type=Path, default=Path("."), help=said("root"))
    parser.add_argument("--config-file", default="mkdocs.yml", help=said("config_file"))
    parser.add_argument("--lang", choices=LANGUAGES, help=said("lang"))
    parser.add_argument("--as-of", type=as_date, help=said("as_of"))
    parser.add_argument("-h", "--help", action="store_true", help=said("help"))


def new_help(lang: str) -> str:
    """``advocacy new --help`` in ``lang``."""
    parser = argparse.ArgumentParser(
        prog="advocacy new", description=text(lang, "newpost.help.description"), add_help=False
    )
    new_arguments(parser, lang)
    return (
        parser.format_help()
        .replace("usage:", text(lang, "newpost.help.usage"), 1)
        .replace("\noptions:\n", f"\n{text(lang, 'newpost.help.options')}:\n", 1)
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``advocacy`` console script.

    The current folder (on ``sys.path`` under ``python -m``) is taken off it while the
    command runs: it is usually a checkout of a pull request, and a module it holds must
    never be imported in place of an installed one."""
    from advocacy.mkdocs_plugin.site import without_repository_on_path

    args = build_parser().parse_args(argv)
    with without_repository_on_path(getattr(args, "root", None) or Path(".")):
        return dispatch(args)


if __name__ == "__main__":
    sys.exit(main())
