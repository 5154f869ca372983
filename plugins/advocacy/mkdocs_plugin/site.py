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
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from advocacy.core.model.site import Site, SiteError, today_from_env
from advocacy.core.reading.schema.yamlsource import YamlSyntaxError, load_yaml
from advocacy.mkdocs_plugin.safe_markdown import (
    NAMED_FUNCTIONS,
    unnamed_function,
    vet_file,
    vet_loaded,
)


def plugin_options(config: MkDocsConfig) -> object | None:
    """The advocacy plugin's validated options, when the site uses the plugin."""
    plugin = config.plugins.get("advocacy") if config.plugins else None
    return getattr(plugin, "config", None)


def site_from_config(
    config: MkDocsConfig, options: object | None = None, *, vetted: bool = False
) -> Site:
    """The core's :class:`Site` for a loaded MkDocs configuration.

    The build (the plugin's ``on_config``) gets here with a configuration MkDocs loaded
    itself: its files are vetted here as ``advocacy check`` vets them before loading
    (``vetted`` says they were), and the Markdown extensions MkDocs loaded are checked the
    same way in both, with their path options made absolute under the repository."""
    config_path = Path(config.config_file_path).resolve()
    root = config_path.parent
    if not vetted:
        vet_config(root, config_path.name)
    markdown_configs = vet_loaded(
        list(config.markdown_extensions), dict(config.mdx_configs or {}), root, config_path.name
    )
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
        markdown_configs=markdown_configs,
        **values,
    )


# The tags a configuration may use: YAML's own, and a function named by its import path (the
# toc's slugify) from safe_markdown's list. MkDocs' `!ENV` would put a variable of the machine
# that reads the file (a token) into the site or an extension's options; `!relative` is a path
# decided at render time. Neither is needed: the file says its values itself.
YAML_TAGS = frozenset(
    {"!", *(f"tag:yaml.org,2002:{t}" for t in "str int float bool null map seq timestamp".split())}
)
PYTHON_NAME = "tag:yaml.org,2002:python/name:"


def refuse_code(text: str, config_file: str) -> None:
    """MkDocs reads mkdocs.yml with a loader that can build any Python object and call it
    (``!!python/object/apply:os.system``); a tag other than YAML's own and an allowed
    ``!!python/name:`` is refused before MkDocs reads the file, so that checking a pull
    request's files can never run its code."""
    import yaml

    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else "?"
                raise SiteError(
                    f"{config_file}:{line}: the YAML alias '*{event.anchor}' is not allowed: "
                    "write the value out in full (aliases can make a small file endless to "
                    "read)."
                )
            tag = getattr(event, "tag", None)
            if not tag or tag in YAML_TAGS:
                continue
            line = event.start_mark.line + 1 if event.start_mark else "?"
            if tag.startswith(PYTHON_NAME):
                name = tag.removeprefix(PYTHON_NAME)
                if name not in NAMED_FUNCTIONS:
                    # Any installed function could be named (shutil.rmtree, re-exported by
                    # many a module, as the toc's slugify deletes a folder named like a heading).
                    raise unnamed_function(name, f"{config_file}:{line}")
                continue
            if tag in ("!ENV", "!relative"):
                raise SiteError(
                    f"{config_file}:{line}: '{tag}' is not allowed: it makes a value of the "
                    "computer that reads the file (an environment variable, a folder) part of "
                    "the site, and a variable may hold a secret. Write the value itself."
                )
            raise SiteError(
                f"{config_file}:{line}: the tag '{tag}' is not allowed (MkDocs' loader "
                "can run code with a tag); only YAML's own tags and !!python/name: of a listed "
                "function are allowed."
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
    it besides the core's settings: the brand, teams.yml).

    The file and every file it ``INHERIT``s are read safely first (:func:`vet_config`), and
    MkDocs loads them with neither the current folder nor the repository on ``sys.path``: a
    pull request's checkout is data, and checking it never imports anything from it."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    path = root / config_file
    vet_config(root, config_file)
    messages = io.StringIO()
    handler = logging.StreamHandler(messages)
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with contextlib.redirect_stdout(io.StringIO()), without_repository_on_path(root):
            config = load_config(config_file=str(path))
    except (ConfigurationError, OSError, SystemExit) as exc:
        detail = messages.getvalue().strip() or str(exc) or type(exc).__name__
        raise SiteError(f"{config_file} cannot be used: {detail}") from None
    finally:
        logger.removeHandler(handler)
    return site_from_config(config, vetted=True), config


MAX_CONFIG_BYTES = 1_000_000
MAX_INHERIT = 10


def _lstat_inside(root: Path, rel: str, config_file: str) -> Path:
    """``rel`` (a path MkDocs would open) as a file inside ``root``, reached without a
    symbolic link anywhere on the way; a :class:`SiteError` otherwise."""
    base = root.resolve()
    full = Path(os.path.normpath(base / rel))
    try:
        parts = full.relative_to(base).parts
    except ValueError:
        raise SiteError(
            f"{config_file}: '{rel}' is outside the repository; the configuration is read "
            "only from files inside it."
        ) from None
    for depth in range(1, len(parts) + 1):
        try:
            mode = os.lstat(base.joinpath(*parts[:depth])).st_mode
        except OSError as exc:
            raise SiteError(f"Cannot read {full}: {exc.strerror}.") from None
        if stat.S_ISLNK(mode):
            raise SiteError(
                f"{config_file}: '{rel}' is a symbolic link; the configuration is never read "
                "through a link (it could lead anywhere on the machine). Use a plain file."
            )
    if not stat.S_ISREG(os.lstat(full).st_mode):
        raise SiteError(f"{config_file}: '{rel}' is not a plain file.")
    return full


def _read_config(path: Path, name: str) -> str:
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise SiteError(f"Cannot read {name}: it is larger than 1 MB.")
        with path.open("rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise SiteError(f"Cannot read {name}: it is larger than 1 MB.")
        return data.decode("utf-8")
    except OSError as exc:
        raise SiteError(f"Cannot read {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise SiteError(f"Cannot read {path}: it is not UTF-8 text.") from None


def vet_config(root: Path, config_file: str = "mkdocs.yml") -> None:
    """Read ``config_file`` and the chain of files it ``INHERIT``s with a safe loader, before
    MkDocs reads them with its own, which runs code: tags (but YAML's own and a listed
    ``!!python/name:``), Markdown extensions and options not known to be safe
    (:mod:`safe_markdown`) and ``hooks:`` (Python files MkDocs imports while it validates
    the configuration) are refused, and so is an ``INHERIT`` outside the repository or
    through a symbolic link."""
    name = config_file
    path = _lstat_inside(root, config_file, config_file)
    seen: set[Path] = set()
    while True:
        if path in seen or len(seen) >= MAX_INHERIT:
            raise SiteError(f"{name}: 'INHERIT' goes round in a circle or too deep.")
        seen.add(path)
        text = _read_config(path, name)
        refuse_code(text, name)  # first: it reads events, never a value (no alias expanded)
        try:
            doc = load_yaml(text, strict=False)  # a syntax error said with its line
        except YamlSyntaxError as exc:
            raise SiteError(f"{name}:{exc.line or '?'}: not valid YAML: {exc.problem}.") from None
        vet_file(doc.data, doc.line, name, root)
        data = doc.data if isinstance(doc.data, dict) else {}
        if "hooks" in data:
            raise SiteError(
                f"{name}:{doc.line('hooks') or '?'}: 'hooks' names Python files that MkDocs "
                "runs when it reads the configuration; advocacy never runs a repository's "
                "code. Remove 'hooks' (what the site needs belongs in the advocacy plugin)."
            )
        parent = data.get("INHERIT")
        if parent is None:
            return
        if not isinstance(parent, str) or not parent.strip():
            raise SiteError(f"{name}:{doc.line('INHERIT') or '?'}: 'INHERIT' must name a file.")
        rel = os.path.relpath(os.path.join(path.parent, parent), root.resolve())
        path = _lstat_inside(root, rel, name)
        name = Path(rel).as_posix()


@contextlib.contextmanager
def without_repository_on_path(root: Path) -> Iterator[None]:
    """Neither the current folder nor ``root`` on ``sys.path`` meanwhile: a module a
    configuration names (``!!python/name:``, a Markdown extension, a plugin) is only ever
    one that is installed, never a file of the repository."""
    saved = list(sys.path)
    sys.path[:] = [p for p in saved if not _is_repository_path(p, root)]
    try:
        yield
    finally:
        sys.path[:] = saved


def _is_repository_path(entry: str, root: Path) -> bool:
    if entry in ("", "."):
        return True
    try:
        here = Path(entry).resolve()
        return here in (Path.cwd().resolve(), root.resolve())
    except (OSError, RuntimeError):
        return False
