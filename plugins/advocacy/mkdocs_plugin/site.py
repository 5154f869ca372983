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
# function named by its import path (the toc's slugify), only from the packages a site uses.
SAFE_TAGS = ("!ENV", "!relative", "tag:yaml.org,2002:python/name:")
PYTHON_NAME = "tag:yaml.org,2002:python/name:"
NAMED_MODULES = ("advocacy.", "markdown.", "pymdownx.", "material.")


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
            name = tag.removeprefix(PYTHON_NAME) if tag and tag.startswith(PYTHON_NAME) else None
            if name is not None and not name.startswith(NAMED_MODULES):
                # Any installed function could be named (shutil.rmtree as the toc's
                # slugify would delete a folder named like a heading).
                line = event.start_mark.line + 1 if event.start_mark else "?"
                raise SiteError(
                    f"{config_file}:{line}: '!!python/name:{name}' names a function outside "
                    "the packages a site uses (advocacy, markdown, pymdownx, material)."
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
    return site_from_config(config), config


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
    MkDocs reads them with its own, which runs code: Python tags (but ``!!python/name:``)
    and ``hooks:`` (Python files MkDocs imports while it validates the configuration) are
    refused, and so is an ``INHERIT`` outside the repository or through a symbolic link."""
    name = config_file
    path = _lstat_inside(root, config_file, config_file)
    seen: set[Path] = set()
    while True:
        if path in seen or len(seen) >= MAX_INHERIT:
            raise SiteError(f"{name}: 'INHERIT' goes round in a circle or too deep.")
        seen.add(path)
        text = _read_config(path, name)
        try:
            doc = load_yaml(text, strict=False)  # a syntax error said with its line
        except YamlSyntaxError as exc:
            raise SiteError(f"{name}:{exc.line}: not valid YAML: {exc.problem}.") from None
        refuse_code(text, name)
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
