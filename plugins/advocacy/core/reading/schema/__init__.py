"""Declarative schemas for YAML files that report every problem of a file at once.

MkDocs' ``config_options`` would do this inside MkDocs, but the core must not import MkDocs,
and they stop at the first problem without a line number. :mod:`.yamlsource` reads YAML
with the line of every key, :mod:`.kinds` are the kinds of value, :mod:`.checker` walks a
mapping and declares the schema's rules.
"""

from advocacy.core.reading.schema.checker import (
    CHOICE,
    DATE,
    DUPLICATE,
    LIMIT,
    MISSING,
    NOT_A_MAPPING,
    TEXT,
    TYPE,
    UNKNOWN_FIELD,
    Checker,
    Field,
    Invalid,
    Kind,
    describe,
)
from advocacy.core.reading.schema.kinds import (
    SLUG_RE,
    Boolean,
    Choice,
    Date,
    Email,
    Group,
    ListOf,
    Number,
    OldAddress,
    Slug,
    Text,
    Url,
    check_url,
    plain_text,
)

__all__ = [
    "CHOICE",
    "DATE",
    "DUPLICATE",
    "LIMIT",
    "MISSING",
    "NOT_A_MAPPING",
    "SLUG_RE",
    "TEXT",
    "TYPE",
    "UNKNOWN_FIELD",
    "Boolean",
    "Checker",
    "Choice",
    "Date",
    "Email",
    "Field",
    "Group",
    "Invalid",
    "Kind",
    "ListOf",
    "Number",
    "OldAddress",
    "Slug",
    "Text",
    "Url",
    "check_url",
    "describe",
    "plain_text",
]
