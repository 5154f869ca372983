"""Print a check report as text, JSON, GitHub annotations or Markdown."""

from __future__ import annotations

import json

from advocacy.core.i18n.catalog import plural, text
from advocacy.core.model.findings import Finding, Report, Severity
from advocacy.core.review.escape import code, line, markdown

GITHUB_LIMIT = 10  # GitHub shows at most 10 error and 10 warning annotations per step


def _count_line(report: Report, lang: str = "en") -> str:
    return text(
        lang,
        "check.count.line",
        files=plural(lang, "check.count.files", report.files),
        errors=plural(lang, "check.count.errors", len(report.errors)),
        warnings=plural(lang, "check.count.warnings", len(report.warnings)),
    )


def as_text(report: Report, lang: str = "en") -> str:
    """One block per finding, ``file:line: severity: message [rule]`` and its fix."""
    fix = text(lang, "check.fix")
    lines = []
    for f in report.sorted():
        # File names and messages carry the repository's text: one line each, always.
        where = f"{line(f.file)}:{f.line}" if f.line else line(f.file)
        severity = text(lang, f"check.severity.{f.severity}")
        lines.append(f"{where}: {severity}: {line(f.message)} [{f.rule}]")
        lines.append(f"    {fix}: {line(f.fix)}")
    lines.append(_count_line(report, lang))
    return "\n".join(lines) + "\n"


def as_json(report: Report, lang: str = "en") -> str:
    """The contract's JSON object."""
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(f: Finding, fix: str = "Fix") -> str:
    props = [f"file={_escape_property(f.file)}"]
    if f.line:
        props.append(f"line={f.line}")
    props.append(f"title={_escape_property(f.rule)}")
    return f"::{f.severity} {','.join(props)}::{_escape_data(f.message + f' {fix}: ' + f.fix)}"


def as_github(report: Report, lang: str = "en") -> str:
    """Workflow-command annotations: the first 10 errors and 10 warnings, then a count."""
    fix = text(lang, "check.fix")
    out: list[str] = []
    for severity, found in ((Severity.ERROR, report.errors), (Severity.WARNING, report.warnings)):
        out.extend(_annotation(f, fix) for f in found[:GITHUB_LIMIT])
        if len(found) > GITHUB_LIMIT:
            title = _escape_property(text(lang, f"check.github.more_title.{severity}"))
            rest = plural(lang, f"check.github.more.{severity}", len(found) - GITHUB_LIMIT)
            out.append(f"::notice title={title}::{_escape_data(rest)}")
    out.append(_count_line(report, lang))
    return "\n".join(out) + "\n"


def _cell(value: str) -> str:
    return markdown(value)


def as_markdown(report: Report, lang: str = "en") -> str:
    """A summary HR reads: counts, then every finding in a table, errors first."""
    lines = [f"## {text(lang, 'check.markdown_title')}", "", _count_line(report, lang), ""]
    ordered = [*report.errors, *report.warnings]
    if ordered:
        lines += [
            f"| | {text(lang, 'check.file')} | {text(lang, 'check.line')} | "
            f"{text(lang, 'check.problem')} | {text(lang, 'check.fix')} |",
            "|---|---|---|---|---|",
        ]
        for f in ordered:
            icon = "❌" if f.severity is Severity.ERROR else "⚠️"
            lines.append(
                f"| {icon} | {code(f.file, cell=True)} | {f.line or ''} | {_cell(f.message)} "
                f"| {_cell(f.fix)} |"
            )
    return "\n".join(lines) + "\n"


FORMATS = {"text": as_text, "json": as_json, "github": as_github, "markdown": as_markdown}
