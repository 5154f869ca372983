"""Read YAML (author files, front matter, mkdocs.yml) and remember the line of every key.

Line numbers are what lets an error say "line 7" to someone in the GitHub web editor.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from advocacy.core.model.entities import Path_, YamlDoc
from advocacy.core.model.findings import Finding, Severity
from advocacy.core.model.rules import rule

E = Severity.ERROR

UNREADABLE = rule(
    "unreadable",
    E,
    ("Every file can be read as UTF-8 text.", "Alle filer kan læses som UTF-8-tekst."),
    (
        "The file cannot be read: {error}.",
        "Save the file as UTF-8 text (the GitHub web editor does this for you).",
    ),
    (
        "Filen kan ikke læses: {error}.",
        "Gem filen som UTF-8-tekst (GitHubs web-editor gør det for dig).",
    ),
    adjustable=False,
)

YAML = rule(
    "yaml-syntax",
    E,
    (
        "Front matter, author files and the policy are plain YAML: no anchors, aliases or tags, "
        "no key twice.",
        "Front matter, forfatterfiler og politikken er almindelig YAML: ingen ankre, aliaser "
        "eller tags, ingen nøgle to gange.",
    ),
    (
        "The {what} is not valid YAML: {problem}.",
        "Check this line for a missing colon, a stray quote or wrong indentation; text that "
        "contains a colon must be in quotes.",
    ),
    (
        "{what} er ikke gyldig YAML: {problem}.",
        "Tjek linjen for et manglende kolon, et løst anførselstegn eller forkert indrykning; "
        "tekst med et kolon skal stå i anførselstegn.",
    ),
    adjustable=False,
    variants={
        "yaml-tab": {
            "en": (
                "The {what} has a tab character for indentation on this line.",
                "Indent with spaces, not with the Tab key: two spaces per level.",
            ),
            "da": (
                "{what} har et tabulatortegn som indrykning på denne linje.",
                "Ryk ind med mellemrum, ikke med tabulatortasten: to mellemrum pr. niveau.",
            ),
        },
        "yaml-curly-quotes": {
            "en": (
                "The {what} uses curly quotes (“ ”) on this line, which YAML does not read as "
                "quotes.",
                'Use straight quotes (") around the text, e.g. when pasting from Word.',
            ),
            "da": (
                "{what} bruger krumme anførselstegn (“ ”) på denne linje, som YAML ikke læser "
                "som anførselstegn.",
                'Brug lige anførselstegn (") om teksten, f.eks. når du sætter ind fra Word.',
            ),
        },
        "yaml-alias": {
            "en": (
                "The {what} uses a YAML anchor or alias ('&' or '*'), which is not allowed.",
                "Write each value out in full where it is used.",
            ),
            "da": (
                "{what} bruger et YAML-anker eller -alias ('&' eller '*'), og det er ikke tilladt.",
                "Skriv hver værdi helt ud, der hvor den bruges.",
            ),
        },
        "yaml-tag": {
            "en": (
                "The {what} uses the YAML tag '{tag}', which is not allowed.",
                "Remove the tag (the word starting with '!'); write the value as plain text.",
            ),
            "da": (
                "{what} bruger YAML-tagget '{tag}', og det er ikke tilladt.",
                "Fjern tagget (ordet, der starter med '!'); skriv værdien som almindelig tekst.",
            ),
        },
        "yaml-duplicate-key": {
            "en": (
                "The {what} gives '{field}' twice; only one of them would be used.",
                "Keep one line with '{field}:' and delete the other.",
            ),
            "da": (
                "{what} angiver '{field}' to gange; kun den ene ville blive brugt.",
                "Behold én linje med '{field}:', og slet den anden.",
            ),
        },
        "yaml-too-long": {
            "en": (
                "The {what} is far too long to be read.",
                "Keep the fields short; the story itself goes below the front matter.",
            ),
            "da": (
                "{what} er alt for lang til at blive læst.",
                "Hold felterne korte; selve historien står under front matter.",
            ),
        },
    },
)


class YamlSyntaxError(ValueError):
    """YAML that does not parse; ``line`` is 1-based in the file, or None.

    ``key`` names a message of its own for YAML that parses but is refused (anchors and
    aliases, tags outside the core schema, a key given twice); otherwise it is None.
    """

    def __init__(
        self, problem: str, line: int | None, key: str | None = None, **values: object
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line
        self.key = key
        self.values = values


# The tags of YAML's core schema (and dates): the only ones a repository file may spell out.
CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
MAX_EVENTS = 200_000  # no front matter, author file or policy comes near this


# libyaml's loader when PyYAML was built with it: the same marks, several times faster.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A safe loader that leaves unknown tags (``!ENV``, ``!!python/name``) as plain values."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """A date YAML cannot make (2026-13-45) stays text, so the schema can name the field."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_LineLoader.add_multi_constructor("!", _unknown_tag)
_LineLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def _refuse_active(text: str, offset: int) -> None:
    """Anchors, aliases and tags outside the core schema: refused before anything is built.

    An alias makes one node stand for many (a 1 KB file can stand for a billion), and a tag
    asks the reader to construct something; neither belongs in a post, an author file or
    the policy, and MkDocs would read them otherwise than we do.
    """
    for count, event in enumerate(yaml.parse(text, Loader=_BaseLoader)):
        line = event.start_mark.line + offset if event.start_mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            name = getattr(event, "anchor", None) or ""
            raise YamlSyntaxError(f"anchor or alias '{name}'", line, "yaml-alias", name=name)
        tag = getattr(event, "tag", None)
        if (
            tag
            and tag not in CORE_TAGS
            and not (isinstance(event, yaml.ScalarEvent) and tag == "!")
        ):
            raise YamlSyntaxError(f"tag '{tag}'", line, "yaml-tag", tag=tag)
        if count > MAX_EVENTS:
            raise YamlSyntaxError("the file is too long", line, "yaml-too-long")


def _walk(
    node: yaml.Node, path: Path_, offset: int, out: dict[Path_, int], strict: bool = False
) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if strict and key in seen:
                raise YamlSyntaxError(
                    f"'{key}' is given twice",
                    key_node.start_mark.line + offset,
                    "yaml-duplicate-key",
                    field=key,
                )
            seen.add(key)
            sub = (*path, key)
            out[sub] = key_node.start_mark.line + offset
            _walk(value_node, sub, offset, out, strict)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            sub = (*path, index)
            out[sub] = item.start_mark.line + offset
            _walk(item, sub, offset, out, strict)


def load_yaml(text: str, first_line: int = 1, strict: bool = True) -> YamlDoc:
    """Parse one YAML document whose first line is line ``first_line`` of its file.

    ``strict`` (repository files) refuses anchors, aliases, tags outside the core schema and
    keys given twice; ``mkdocs.yml``, the maintainers' file, is read without it.
    Raises :class:`YamlSyntaxError` with the file line of the problem.
    """
    loader: _LineLoader | None = None
    try:
        if strict:
            _refuse_active(text, first_line)
        loader = _LineLoader(text)
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(None, {}, first_line)
        lines: dict[Path_, int] = {}
        _walk(node, (), first_line, lines, strict)
        data = loader.construct_document(node)
    except YamlSyntaxError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(problem, line) from None
    except yaml.reader.ReaderError as exc:
        # A control character: say which, since the web editor does not show it.
        line = text.count("\n", 0, exc.position) + first_line
        raise YamlSyntaxError(
            f"the invisible character {exc.character:#06x} is not allowed", line
        ) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        # Anything else the constructor trips over is still the YAML's fault, not ours.
        raise YamlSyntaxError(str(exc) or type(exc).__name__, None) from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDoc(data, lines, first_line)


def yaml_error_key(text: str, line: int | None, first_line: int) -> str:
    """``yaml-tab``, ``yaml-curly-quotes`` or the general ``yaml-syntax`` for ``line``: tabs
    and curly quotes pasted from Word are what writers actually do."""
    lines = text.split("\n")
    index = (line or first_line) - first_line
    nearby = lines[max(0, index - 1) : index + 2] if 0 <= index <= len(lines) else []
    if any("\t" in row[: len(row) - len(row.lstrip())] for row in nearby):
        return "yaml-tab"
    if any(ch in row for row in nearby for ch in "“”„«»"):
        return "yaml-curly-quotes"
    return "yaml-syntax"


def yaml_finding(
    exc: YamlSyntaxError, text: str, first_line: int, lang: str, file: str, what: object
) -> Finding:
    """The finding for YAML that cannot be read: ``what`` names the part of the file
    (front matter, author file, policy) in the reader's words."""
    key = exc.key or yaml_error_key(text, exc.line, first_line)
    return YAML.finding(lang, file, exc.line, key, what=what, problem=exc.problem, **exc.values)


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split into its front matter and body."""

    yaml_text: str | None
    body: str
    body_line: int  # 1-based file line where the body starts
    unclosed: bool = False  # an opening '---' without its closing line
    odd: bool = False  # a first line that looks like '---' but MkDocs would not read as one


# Exactly MkDocs' own pattern (mkdocs.utils.meta.YAML_RE): what it reads as front matter is
# what we read, so the fields it sees are the fields the check validated.
_MKDOCS_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def split_front_matter(text: str) -> FrontMatter:
    """Split ``---`` front matter from the body, as MkDocs does (it reads files with
    universal newlines and without a byte order mark); ``yaml_text`` is None without."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    match = _MKDOCS_FRONT.match(text)
    if match:
        yaml_text = match.group(1)
        body_line = 1 + text.count("\n", 0, match.end())
        return FrontMatter(yaml_text.removesuffix("\n"), text[match.end() :], body_line + 0)
    first = text.split("\n", 1)[0]
    if first.startswith("---") and first[3:].strip() == "" and first[3:].strip(" \t"):
        return FrontMatter(None, text, 1, odd=True)  # '---' followed by odd spaces
    if first.rstrip(" \t") == "---":
        return FrontMatter(None, text, 1, unclosed=True)
    return FrontMatter(None, text, 1)


MAX_FILE_BYTES = 1_000_000  # no policy, teams file or list of terms comes near this


class RepoFileError(Exception):
    """A repository file that is not read: ``kind`` is ``symlink`` (a link anywhere on the
    way), ``outside`` (the path leaves the repository), ``not-a-file`` (a folder, a device)
    or ``too-large``."""

    def __init__(self, kind: str, path: str) -> None:
        super().__init__(f"{path}: {kind}")
        self.kind = kind
        self.path = path


def repo_file(root: Path, rel: str) -> Path | None:
    """The plain file at the repository path ``rel``, reached without following a symbolic
    link anywhere on the way (each part is looked at with ``lstat``); None when there is no
    such path. Raises :class:`RepoFileError` otherwise."""
    parts = PurePosixPath(rel.replace("\\", "/")).parts
    if not parts or rel.startswith("/") or ".." in parts:
        raise RepoFileError("outside", rel)
    mode = 0
    for depth in range(1, len(parts) + 1):
        try:
            mode = os.lstat(root.joinpath(*parts[:depth])).st_mode
        except OSError:
            return None
        if stat.S_ISLNK(mode):
            raise RepoFileError("symlink", "/".join(parts[:depth]))
    if not stat.S_ISREG(mode):
        raise RepoFileError("not-a-file", rel)
    return root.joinpath(*parts)


def read_capped(path: Path, shown: str, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of the regular file ``path``, at most ``limit`` bytes (never a device
    or a pipe, which could be endless). Raises :class:`RepoFileError`, ``OSError`` or
    ``UnicodeDecodeError``."""
    with path.open("rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise RepoFileError("not-a-file", shown)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise RepoFileError("too-large", shown)
    return data.decode("utf-8")


def read_repo_text(root: Path, rel: str, limit: int = MAX_FILE_BYTES) -> str | None:
    """:func:`repo_file` read by :func:`read_capped`; None when there is no file."""
    path = repo_file(root, rel)
    return None if path is None else read_capped(path, rel, limit)


# Why a file was not read, in the reader's words (for UNREADABLE's {error}).
NOT_READ = {
    "symlink": {
        "en": "it is reached through a symbolic link, which is never followed",
        "da": "den nås gennem et symbolsk link, som aldrig bliver fulgt",
    },
    "outside": {"en": "it is outside the repository", "da": "den ligger uden for repositoriet"},
    "not-a-file": {"en": "it is not a plain file", "da": "den er ikke en almindelig fil"},
    "too-large": {"en": "it is larger than 1 MB", "da": "den er større end 1 MB"},
}
