"""The core's site settings from MkDocs' own configuration, for the build and the command line.

The command line reads ``mkdocs.yml`` through MkDocs' loader (not a parser of its own), so
the check sees the same plugin options, validated by the same config classes, and renders
with the same Markdown extensions as the build.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from advocacy.core.model.site import Site, SiteError, today_from_env
from advocacy.core.reading.schema.yamlsource import YamlSyntaxError, load_yaml


def plugin_options(config: MkDocsConfig) -> object | None:
    """The advocacy plugin's validated options, when the site uses the plugin."""
    plugin = config.plugins.get("advocacy") if config.plugins else None
    return getattr(plugin, "config", None)


def site_from_config(config: MkDocsConfig, options: object | None = None) -> Site:
    """The core's :class:`Site` for a loaded MkDocs configuration."""
    root = Path(config.config_file_path).resolve().parent
    opts = options if options is not None else plugin_options(config)
    values = {}
    if opts is not None:
        values = {
            name: getattr(opts, name)
            for name in (
                "posts_dir",
                "blog_dir",
                "authors_dir",
                "media_dir",
                "policy",
                "language",
                "per_page",
                "timezone",
                "policy_page",
            )
        }
        values["posts_dir"] = values["posts_dir"].strip("/")
        values["blog_dir"] = values["blog_dir"].strip("/")
        values["categories"] = tuple(str(c) for c in opts.categories)  # type: ignore[attr-defined]
        values["jobs_url"] = opts.jobs.url  # type: ignore[attr-defined]
        values["team_jobs"] = dict(opts.jobs.teams)  # type: ignore[attr-defined]
        values["spoken"] = tuple(opts.languages)  # type: ignore[attr-defined]
    return Site(
        root=root,
        docs_dir=os.path.relpath(config.docs_dir, root),
        site_name=config.site_name,
        site_url=config.site_url,
        today=today_from_env(),
        markdown_extensions=tuple(config.markdown_extensions),
        markdown_configs=dict(config.mdx_configs or {}),
        **values,
    )


# Tags MkDocs' loader understands and that run nothing: environment variables, paths, and a
# function named by its import path (the toc's slugify), which only imports what is installed.
SAFE_TAGS = ("!ENV", "!relative", "tag:yaml.org,2002:python/name:")


def refuse_code(text: str, config_file: str) -> None:
    """MkDocs reads mkdocs.yml with a loader that can build any Python object and call it
    (``!!python/object/apply:os.system``); such a tag is refused before MkDocs reads the file,
    so that checking a pull request's files can never run its code."""
    import yaml

    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            tag = getattr(event, "tag", None)
            if (
                tag
                and tag.startswith(("!", "tag:yaml.org,2002:python"))
                and not (tag.startswith(SAFE_TAGS) or tag in ("!", "tag:yaml.org,2002:str"))
            ):
                line = event.start_mark.line + 1 if event.start_mark else "?"
                raise SiteError(
                    f"{config_file}:{line}: the tag '{tag}' would run code when "
                    "the file is read; only !ENV, !relative and !!python/name: are "
                    "allowed."
                )
    except yaml.YAMLError:
        return  # load_yaml has said what is wrong


def load_site(root: Path, config_file: str = "mkdocs.yml") -> Site:
    """Load ``mkdocs.yml`` with MkDocs' own loader and make the core's site settings.

    A configuration MkDocs refuses is a :class:`SiteError` with MkDocs' own words.
    """
    return load_site_and_config(root, config_file)[0]


def load_site_and_config(root: Path, config_file: str = "mkdocs.yml") -> tuple[Site, MkDocsConfig]:
    """:func:`load_site`, with MkDocs' configuration itself (for what the build reads from
    it besides the core's settings: the brand, teams.yml)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    path = root / config_file
    try:
        text = path.read_text("utf-8")
        load_yaml(text, strict=False)  # a syntax error said with its line
        refuse_code(text, config_file)
    except OSError as exc:
        raise SiteError(f"Cannot read {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise SiteError(f"Cannot read {path}: it is not UTF-8 text.") from None
    except YamlSyntaxError as exc:
        raise SiteError(f"{config_file}:{exc.line}: not valid YAML: {exc.problem}.") from None
    messages = io.StringIO()
    handler = logging.StreamHandler(messages)
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            config = load_config(config_file=str(path))
    except (ConfigurationError, OSError, SystemExit) as exc:
        detail = messages.getvalue().strip() or str(exc) or type(exc).__name__
        raise SiteError(f"{config_file} cannot be used: {detail}") from None
    finally:
        logger.removeHandler(handler)
    return site_from_config(config), config
