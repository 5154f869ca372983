"""The site's Markdown configuration, as ``mkdocs build`` uses it, for the check and the build.

The adapter (the MkDocs plugin, or the command line through MkDocs' own config loader) hands
the core the ``markdown_extensions`` and ``mdx_configs`` of ``mkdocs.yml``; both then render
through :meth:`MarkdownSetup.markdown`, so a post reads the same to the check as to readers.
Two settings are the product's, applied here for both: table alignment as an ``align``
attribute (python-markdown's default is a ``style`` attribute, which the allow-list removes)
and heading anchors with Danish letters spelled out (``æ`` becomes ``ae``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import markdown

from advocacy.core.model.slugs import toc_slugify

# What MkDocs always adds (``config_options.MarkdownExtensions(builtins=...)``).
BUILTINS = ("toc", "tables", "fenced_code")


def _name(value: Any) -> str:
    """A stable text for an extension or a configured function (``!!python/name:...``)."""
    if isinstance(value, str):
        return value
    kind = (
        value
        if isinstance(value, type) or (callable(value) and not hasattr(value, "getConfigs"))
        else type(value)
    )
    return f"{getattr(kind, '__module__', '')}.{getattr(kind, '__qualname__', repr(kind))}"


@dataclass(frozen=True)
class MarkdownSetup:
    """Extensions and their options, as in ``mkdocs.yml`` (names or extension objects)."""

    extensions: tuple[Any, ...] = BUILTINS
    configs: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Made on first use and kept with the setup (a frozen value otherwise).
    _memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False, hash=False)

    @classmethod
    def from_config(
        cls, extensions: Sequence[Any], configs: Mapping[str, Any] | None
    ) -> MarkdownSetup:
        """The setup of a loaded MkDocs config (``config.markdown_extensions``)."""
        listed = list(dict.fromkeys([*BUILTINS, *extensions]))  # MkDocs' builtins come first
        return cls(tuple(listed), {str(k): dict(v or {}) for k, v in (configs or {}).items()})

    def options(self) -> dict[str, dict[str, Any]]:
        """Extension options with the product's two settings applied."""
        configs = {name: dict(values) for name, values in self.configs.items()}
        configs.setdefault("tables", {})["use_align_attribute"] = True
        configs.setdefault("toc", {}).setdefault("slugify", toc_slugify)
        return configs

    def fingerprint(self) -> str:
        """A digest of the configuration and python-markdown's version (part of cache keys)."""
        found = self._memo.get("fingerprint")
        if found is None:
            data = [[_name(e) for e in self.extensions], self.options(), markdown.__version__]
            found = self._memo["fingerprint"] = hashlib.sha256(
                json.dumps(data, sort_keys=True, default=_name).encode()
            ).hexdigest()
        return str(found)

    def markdown(self) -> markdown.Markdown:
        """A python-markdown instance for this setup, made once per process and reset before
        each use (making one per page, as MkDocs does, costs more than the conversion)."""
        md = self._memo.get("markdown")
        if md is None:
            md = self._memo["markdown"] = markdown.Markdown(
                extensions=list(self.extensions), extension_configs=self.options()
            )
        md.reset()
        return md
