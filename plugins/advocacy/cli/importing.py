"""``advocacy import jekyll|hugo|wordpress SOURCE``: bring an existing blog into the kit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advocacy.cli import commands
from advocacy.core.i18n.catalog import LANGUAGES, language, plural, text
from advocacy.core.importing.common import ImportOptions, Note, SourceError
from advocacy.core.importing.report import items_for_a_human, message, render
from advocacy.core.importing.sources.hugo import read_hugo
from advocacy.core.importing.sources.jekyll import read_jekyll
from advocacy.core.importing.sources.wordpress import read_wordpress
from advocacy.core.importing.writer import write_archive
from advocacy.core.model.site import Site, SiteError
from advocacy.mkdocs_plugin.site import load_site

READERS = {"jekyll": read_jekyll, "hugo": read_hugo, "wordpress": read_wordpress}


def add_import_parser(sub: argparse._SubParsersAction) -> None:
    """Add the ``import`` subcommand and register how it runs."""
    parser = sub.add_parser(
        "import",
        help="bring an existing Jekyll, Hugo or WordPress blog into the kit",
        description="Convert posts, authors and pictures of an existing blog into this "
        "repository and write a report of what needs a human. Exit 0 when it "
        "imported (even with report items), 2 when it could not run.",
    )
    parser.add_argument("kind", choices=sorted(READERS), help="what the old blog was made with")
    parser.add_argument(
        "source", type=Path, help="the site's folder (Jekyll, Hugo) or the WXR export file"
    )
    parser.add_argument(
        "--into",
        type=Path,
        default=Path("."),
        help="the repository to write into (default: this folder)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        help="where the Markdown report goes (default: import-report.md in the repository)",
    )
    parser.add_argument(
        "--timezone",
        help="the site's time zone, dates are converted to it (default: the "
        "plugin's timezone option, else Europe/Copenhagen)",
    )
    parser.add_argument(
        "--language",
        choices=("da", "en"),
        help="language of posts that do not say (default: the source's, else the site's)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the messages and report (default: the site's)",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="overwrite files that exist and differ (never an author file with consent)",
    )
    parser.add_argument(
        "--permalink",
        help="the old site's permalink pattern, when its "
        "configuration does not say "
        "(e.g. /:year/:month/:day/:title/)",
    )
    parser.add_argument(
        "--old-url", help="the old site's address (https://...), so links to it are recognised"
    )
    parser.add_argument(
        "--uploads",
        type=Path,
        help="WordPress: a copy of wp-content/uploads, to copy pictures from",
    )
    parser.add_argument("--config-file", default="mkdocs.yml")
    # The dispatcher looks commands up by name; registering here keeps main.py's edit small.
    commands.COMMANDS["import"] = run_import


def _site(into: Path, config_file: str) -> tuple[Site, list[Note]]:
    if (into / config_file).is_file():
        return load_site(into, config_file), []
    return Site(root=into.resolve()), [Note.of("no-mkdocs", file=config_file)]


def run_import(args: argparse.Namespace) -> int:
    """Read the source, write the repository and the report; 0 done, 2 could not run."""
    lang = args.lang or "en"
    try:
        if not args.into.is_dir():
            raise SourceError("into-missing", path=args.into)
        site, notes = _site(args.into, args.config_file)
        if not args.lang and not notes:
            lang = language(site.language)  # mkdocs.yml's advocacy language
        name = args.timezone or getattr(site, "timezone", None) or "Europe/Copenhagen"
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise SourceError("timezone-unknown", name=name) from None
        options = ImportOptions(
            timezone=zone,
            language=args.language,
            permalink=args.permalink,
            uploads=args.uploads.resolve() if args.uploads else None,
            old_url=args.old_url,
        )
        if not args.source.exists():
            raise SourceError("source-missing", path=args.source)
        archive = READERS[args.kind](args.source.resolve(), options)
        archive.notes[:0] = notes
        result = write_archive(archive, site, options, args.force, lang)
        report_path = args.report or site.root / "import-report.md"
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(render(result, lang), encoding="utf-8")
    except SourceError as exc:
        return _fail(message(Note.of(exc.key, **exc.values), lang))
    except SiteError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}")
    except Exception as exc:  # the contract: exit 2 with a sentence, never a traceback
        return _fail(f"{type(exc).__name__}: {exc} ({text(lang, 'import.failed')})")
    imported = sum(1 for p in result.posts if p.status != "failed")
    items = len(items_for_a_human(result))
    print(
        text(
            lang,
            "import.done",
            posts=plural(lang, "import.count.posts", imported),
            authors=plural(lang, "import.count.authors", len(result.authors)),
            into=site.root,
            items=plural(lang, "import.count.items", items),
            report=report_path,
        )
    )
    return commands.EXIT_OK


def _fail(text: str) -> int:
    print(f"advocacy import: {text}", file=sys.stderr)
    return commands.EXIT_FAILED
