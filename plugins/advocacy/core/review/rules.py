"""``advocacy rules``: every rule HR's policy can name, with its default severity, whether
``policy.yml`` may change it, and what the policy makes of it now.

The list is made from the rule declarations themselves (the same objects that make the
findings and the policy page), so it can never name a rule that does not exist or miss one.
"""

from __future__ import annotations

from dataclasses import dataclass

from advocacy.core.checking import run  # noqa: F401  (declares the run's own rules too)
from advocacy.core.checking.rules import RULES
from advocacy.core.i18n.catalog import text
from advocacy.core.model.findings import Severity
from advocacy.core.reading.policy import Policy
from advocacy.core.review.escape import markdown


@dataclass(frozen=True)
class RuleRow:
    """One rule as HR reads it."""

    id: str
    default: str  # error or warning
    adjustable: bool
    now: str  # error, warning or off: the default, or what policy.yml says
    summary: str


def rule_rows(policy: Policy, lang: str) -> list[RuleRow]:
    """Every declared rule, by id, with the severity the policy gives it now."""
    rows = []
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        now = str(rule.severity)
        level = policy.severity.get(rule.id)
        if level is not None and rule.adjustable:
            now = level if rule.can_block or level != "error" else str(Severity.WARNING)
        rows.append(
            RuleRow(
                rule.id,
                str(rule.severity),
                rule.adjustable,
                now,
                rule.summary.get(lang, rule.summary["en"]),
            )
        )
    return rows


def _word(lang: str, value: str) -> str:
    return text(lang, f"rules.level.{value}")


def rules_text(rows: list[RuleRow], lang: str) -> str:
    """The list for a terminal: one rule a line, aligned."""
    heads = [text(lang, f"rules.column.{c}") for c in ("id", "default", "policy", "now")]
    table = [
        [
            r.id,
            _word(lang, r.default),
            text(lang, "rules.yes" if r.adjustable else "rules.no"),
            _word(lang, r.now),
        ]
        for r in rows
    ]
    widths = [max(len(x) for x in column) for column in zip(heads, *table, strict=False)]
    out = [text(lang, "rules.intro"), ""]
    for cells, row in zip([heads, *table], [None, *rows], strict=True):
        line = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
        out.append(f"{line}  {row.summary if row else text(lang, 'rules.column.what')}")
    out += ["", text(lang, "rules.how")]
    return "\n".join(out) + "\n"


def rules_markdown(rows: list[RuleRow], lang: str) -> str:
    """The list as a Markdown table (for the maintainers' docs or a pull request)."""
    heads = [text(lang, f"rules.column.{c}") for c in ("id", "default", "policy", "now", "what")]
    out = [
        text(lang, "rules.intro"),
        "",
        "| " + " | ".join(heads) + " |",
        "|" + "---|" * len(heads),
    ]
    for r in rows:
        out.append(
            f"| `{r.id}` | {_word(lang, r.default)} | "
            f"{text(lang, 'rules.yes' if r.adjustable else 'rules.no')} | "
            f"{_word(lang, r.now)} | {markdown(r.summary)} |"
        )
    out += ["", text(lang, "rules.how")]
    return "\n".join(out) + "\n"


def rules_json(rows: list[RuleRow]) -> list[dict[str, object]]:
    """The list as JSON-ready data."""
    return [
        {
            "id": r.id,
            "default": r.default,
            "adjustable": r.adjustable,
            "now": r.now,
            "summary": r.summary,
        }
        for r in rows
    ]
