"""Read YAML (author files, front matter, mkdocs.yml) and remember the line of every key.

Line numbers are what lets an error say "line 7" to someone in the GitHub web editor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


class YamlSyntaxError(ValueError):
    """YAML that does not parse; ``line`` is 1-based in the file, or None."""

    def __init__(self, problem: str, line: int | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


@dataclass
class YamlDoc:
    """Parsed YAML data plus the 1-based file line of every key and list item."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, *path: str | int) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        key: Path_ = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.first_line


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


def _walk(node: yaml.Node, path: Path_, offset: int, out: dict[Path_, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            sub = (*path, key)
            out[sub] = key_node.start_mark.line + offset
            _walk(value_node, sub, offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            sub = (*path, index)
            out[sub] = item.start_mark.line + offset
            _walk(item, sub, offset, out)


def load_yaml(text: str, first_line: int = 1) -> YamlDoc:
    """Parse one YAML document whose first line is line ``first_line`` of its file.

    Raises :class:`YamlSyntaxError` with the file line of the problem.
    """
    loader: _LineLoader | None = None
    try:
        loader = _LineLoader(text)
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(None, {}, first_line)
        lines: dict[Path_, int] = {}
        _walk(node, (), first_line, lines)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(problem, line) from None
    except yaml.reader.ReaderError as exc:
        # A control character: say which, since the web editor does not show it.
        line = text.count("\n", 0, exc.position) + first_line
        raise YamlSyntaxError(f"the invisible character {exc.character:#06x} is not allowed",
                              line) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        # Anything else the constructor trips over is still the YAML's fault, not ours.
        raise YamlSyntaxError(str(exc) or type(exc).__name__, None) from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDoc(data, lines, first_line)


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split into its front matter and body."""

    yaml_text: str | None
    body: str
    body_line: int  # 1-based file line where the body starts
    unclosed: bool = False  # an opening '---' without its closing line


def split_front_matter(text: str) -> FrontMatter:
    """Split ``---`` front matter from the body; ``yaml_text`` is None when there is none."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(None, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return FrontMatter("\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2)
    return FrontMatter(None, text, 1, unclosed=True)
