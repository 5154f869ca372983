"""What ``mkdocs.yml`` may ask of Python-Markdown: a pull request's configuration is data.

``advocacy check`` and ``advocacy review`` render a pull request's posts with the Markdown
extensions its ``mkdocs.yml`` names, on HR's computer, and ``mkdocs build`` renders with them
in CI. So a site names only extensions known to be safe (Python-Markdown's, pymdownx's and
Material's), a ``!!python/name:`` only one of the functions listed here, and the options that
read files or the network are held to the repository: no downloads, paths inside the
repository (resolved against it, never the current folder, and never through a symbolic
link). The same rules apply to the file as written (with its lines, :func:`vet_file`) and to
the configuration MkDocs loaded (:func:`vet_loaded`, for the check and the build alike).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from advocacy.core.model.site import SiteError

PYTHON_MARKDOWN = (
    "abbr admonition attr_list codehilite def_list extra fenced_code footnotes legacy_attrs "
    "legacy_em md_in_html meta nl2br sane_lists smarty tables toc wikilinks"
).split()
PYMDOWNX = (
    "arithmatex b64 betterem blocks.admonition blocks.caption blocks.definition blocks.details "
    "blocks.html blocks.tab caret critic details emoji escapeall extra fancylists highlight "
    "inlinehilite keys magiclink mark pathconverter progressbar quotes saneheaders "
    "smartsymbols snippets striphtml superfences tabbed tasklist tilde"
).split()
# The extensions a site may name (a short name of Python-Markdown's own, or a module).
EXTENSIONS = frozenset(
    (
        *PYTHON_MARKDOWN,
        *(f"markdown.extensions.{n}" for n in PYTHON_MARKDOWN),
        *(f"pymdownx.{n}" for n in PYMDOWNX),
        "material.extensions.preview",
    )
)
SHOWN_EXTENSIONS = ", ".join(
    (*PYTHON_MARKDOWN, *(f"pymdownx.{n}" for n in PYMDOWNX), "material.extensions.preview")
)

# The functions a ``!!python/name:`` may name: the toc's slugify, the emoji index and
# generator functions, and superfences' fence formatters (each only turns text into text).
NAMED_FUNCTIONS = frozenset(
    {
        "advocacy.core.model.slugs.toc_slugify",
        "markdown.extensions.toc.slugify",
        "markdown.extensions.toc.slugify_unicode",
        "material.extensions.emoji.twemoji",
        "material.extensions.emoji.to_svg",
        "pymdownx.emoji.emojione",
        "pymdownx.emoji.gemoji",
        "pymdownx.emoji.twemoji",
        "pymdownx.emoji.to_alt",
        "pymdownx.emoji.to_png",
        "pymdownx.emoji.to_png_sprite",
        "pymdownx.emoji.to_svg",
        "pymdownx.emoji.to_svg_sprite",
        "pymdownx.superfences.fence_code_format",
        "pymdownx.superfences.fence_div_format",
        "pymdownx.superfences.default_validator",
        "pymdownx.superfences.highlight_validator",
    }
)


def unnamed_function(name: str, where: str) -> SiteError:
    """The refusal of ``!!python/name:NAME`` (``where`` is ``file:line``)."""
    return SiteError(
        f"{where}: '!!python/name:{name}' is not a function a site may name (it is called "
        "with the text of every post); these are: " + ", ".join(sorted(NAMED_FUNCTIONS)) + "."
    )


# Options that name files, by extension: (option path, what it is). Every path is made
# absolute under the repository before rendering (pymdownx resolves them against the
# current folder, which is wherever HR runs the check).
PATH_OPTIONS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "pymdownx.snippets": ((("base_path",), "base"), (("auto_append",), "relative")),
    "pymdownx.b64": ((("base_path",), "path"), (("root_path",), "path")),
    "pymdownx.emoji": ((("options", "custom_icons"), "path"),),
}
# Options forced for every site, whatever mkdocs.yml says (and refused when it says otherwise).
FORCED = {
    "pymdownx.snippets": {"url_download": False, "restrict_base_path": True, "check_paths": True},
    "pymdownx.b64": {"restrict_path": True},
}
REFUSED_OPTIONS = {"pymdownx.snippets": ("url_request_headers",)}
# Addresses written into the page, never read: not paths of this computer.
ADDRESSES = {
    ("pymdownx.emoji", "options", "image_path"),
    ("pymdownx.emoji", "options", "non_standard_image_path"),
}
PLAIN = (str, int, float, bool, type(None))
TOO_BIG = object()
MAX_WALK = 50_000


def entries(value: Any) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """``markdown_extensions`` as MkDocs reads it: (index, name, options)."""
    if not isinstance(value, list):
        return
    for index, item in enumerate(value):
        if isinstance(item, str):
            yield index, item, {}
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            if isinstance(name, str):
                yield index, name, options if isinstance(options, dict) else {}


def _function_name(value: Any) -> str:
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"


def problems(
    name: str, options: Mapping[str, Any], root: Path
) -> Iterator[tuple[tuple[Any, ...], str]]:
    """What is wrong with extension ``name`` and its ``options`` (key path, message)."""
    root = root.resolve()
    if name not in EXTENSIONS:
        yield (
            (),
            (
                f"the Markdown extension '{name}' is not one advocacy knows to be safe (it runs on "
                f"every computer that checks a post); a site may use: {SHOWN_EXTENSIONS}."
            ),
        )
        return
    for key, wanted in FORCED.get(name, {}).items():
        if key in options and options[key] != wanted:
            yield (
                (key,),
                (
                    f"{name}: '{key}' must be {str(wanted).lower()}: "
                    + (
                        "a post must never make the computer that checks it fetch an address "
                        "(it could send a secret to anyone)."
                        if key == "url_download"
                        else "a post must never include a file from outside the repository, or "
                        "name one that is missing."
                    )
                    + f" Remove '{key}'."
                ),
            )
    for key in REFUSED_OPTIONS.get(name, ()):
        if key in options:
            yield (key,), f"{name}: '{key}' is not allowed (snippets are never downloaded)."
    paths = {keys: kind for keys, kind in PATH_OPTIONS.get(name, ())}
    for keys, value in _leaves(options, ()):
        if value is TOO_BIG:
            yield keys, f"{name}: the options are too deep or too many."
            return
        if callable(value) and not isinstance(value, type):
            if _function_name(value) not in NAMED_FUNCTIONS:
                yield (
                    keys,
                    (f"{name}: '{_function_name(value)}' is not a function a site may name."),
                )
        elif not isinstance(value, PLAIN):
            yield keys, f"{name}: '{'.'.join(map(str, keys))}' must be a plain value."
        elif isinstance(value, str) and (name, *keys) not in ADDRESSES and _outside(root, value):
            yield (
                keys,
                (
                    f"{name}: '{value}' is outside the repository; Markdown extensions read files "
                    "only from inside it."
                ),
            )
    for keys, kind in paths.items():
        values = _get(options, keys)
        if values is None and not (name == "pymdownx.snippets" and keys == ("base_path",)):
            continue
        if values is None:
            values = ["."]
        values = [values] if isinstance(values, str) else values
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            yield keys, f"{name}: '{'.'.join(keys)}' must be a path or a list of paths."
            continue
        for value in values:
            said = _path_problem(root, value, kind)
            if said:
                yield keys, f"{name}: '{'.'.join(keys)}': {said}"


def _leaves(
    value: Any, keys: tuple[Any, ...], budget: list[int] | None = None
) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every plain value below ``value`` with its key path; a structure deeper than 20 or
    with more than 5,000 values (aliases can make one endless) ends in ``TOO_BIG``."""
    budget = [5_000] if budget is None else budget
    budget[0] -= 1
    if budget[0] < 0 or len(keys) > 20:
        yield keys, TOO_BIG
    elif isinstance(value, Mapping):
        for key, sub in value.items():
            yield from _leaves(sub, (*keys, key), budget)
    elif isinstance(value, (list, tuple)):
        for index, sub in enumerate(value):
            yield from _leaves(sub, (*keys, index), budget)
    else:
        yield keys, value


def _get(options: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    value: Any = options
    for key in keys:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def _outside(root: Path, value: str) -> bool:
    """``value`` read as a path leads outside ``root`` (absolute, ``~`` or ``..``)."""
    if value.startswith(("/", "~")) or (len(value) > 1 and value[1] == ":" and value[0].isalpha()):
        return True
    base = os.path.normpath(root)
    full = os.path.normpath(os.path.join(base, value.replace("\\", "/")))
    return full != base and not full.startswith(base + os.sep)


def _path_problem(root: Path, value: str, kind: str) -> str | None:
    """Why the path option ``value`` may not be used, or None."""
    if _outside(root, value):
        return f"'{value}' is outside the repository."
    rel = Path(os.path.normpath(value.replace("\\", "/")))
    if kind == "relative":
        return None  # a file under each base path, which restrict_base_path keeps it to
    parts = () if str(rel) == "." else rel.parts
    if kind == "base" and (not parts or ".git" in parts):
        return (
            f"'{value}' must be a folder inside the repository, such as 'snippets', not the "
            "repository itself (its .git folder may hold credentials)."
        )
    base = root.resolve()
    for depth in range(1, len(parts) + 1):
        here = base.joinpath(*parts[:depth])
        try:
            mode = os.lstat(here).st_mode
        except OSError:
            return None  # nothing there: nothing is read
        if stat.S_ISLNK(mode):
            return f"'{value}' goes through a symbolic link; files are never read through one."
    link = _link_below(base.joinpath(*parts))
    if link is not None:
        return (
            f"'{value}' holds a symbolic link ('{link}'); files are never read through one "
            "(it could lead anywhere on the machine)."
        )
    return None


def _link_below(folder: Path) -> str | None:
    """The first symbolic link below ``folder`` (not in .git), or None."""
    if not folder.is_dir():
        return None
    seen = 0
    for here, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if d != ".git"]
        for entry in (*dirs, *files):
            path = os.path.join(here, entry)
            seen += 1
            if os.path.islink(path) or seen > MAX_WALK:
                return os.path.relpath(path, folder)
    return None


def vet_file(data: Any, line: Any, file: str, root: Path) -> None:
    """``markdown_extensions`` of one configuration file as written (``line(*keys)`` gives
    the line of a key path); a :class:`SiteError` naming the file and line."""
    if not isinstance(data, dict):
        return
    for index, name, options in entries(data.get("markdown_extensions")):
        for keys, said in problems(name, options, root):
            where = line("markdown_extensions", index, name, *keys) or "?"
            raise SiteError(f"{file}:{where}: {said}")


def vet_loaded(
    extensions: list[Any], configs: Mapping[str, Any], root: Path, file: str
) -> dict[str, Any]:
    """The extensions and options MkDocs loaded, checked the same way, with every path
    option made absolute under ``root`` and the forced options set: the options to render
    with."""
    out: dict[str, Any] = {}
    for name in extensions:
        options = dict(configs.get(name) or {}) if isinstance(name, str) else {}
        for keys, said in problems(
            str(name) if isinstance(name, str) else repr(name), options, root
        ):
            raise SiteError(f"{file}: {said} ('{'.'.join(map(str, (name, *keys)))}')")
    for name, options in configs.items():
        out[name] = _absolute(name, dict(options or {}), root)
    return out


def _absolute(name: str, options: dict[str, Any], root: Path) -> dict[str, Any]:
    base = root.resolve()
    for keys, kind in PATH_OPTIONS.get(name, ()):
        if kind == "relative":
            continue
        value = _get(options, keys)
        if value is None and keys == ("base_path",):
            value = "."  # pymdownx's default: the current folder
        if value is None:
            continue
        made: Any = (
            os.path.normpath(base / value)
            if isinstance(value, str)
            else [os.path.normpath(base / v) for v in value]
        )
        holder = options
        for key in keys[:-1]:
            holder[key] = holder = dict(holder[key])
        holder[keys[-1]] = made
    options.update(FORCED.get(name, {}))
    return options
