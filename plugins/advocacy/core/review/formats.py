"""Print a check report as text, JSON, GitHub annotations or Markdown."""

from __future__ import annotations

import json

from advocacy.core.model.findings import Finding, Report, Severity
from advocacy.core.review.escape import code, line, markdown

GITHUB_LIMIT = 10  # GitHub shows at most 10 error and 10 warning annotations per step


WORDS = {
    "en": {"fix": "Fix", "file": "File", "line": "Line", "problem": "Problem",
           "severity": {"error": "error", "warning": "warning"}},
    "da": {"fix": "Sådan retter du det", "file": "Fil", "line": "Linje", "problem": "Problem",
           "severity": {"error": "fejl", "warning": "advarsel"}},
}


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _count_line(report: Report, lang: str = "en") -> str:
    errors, warnings, files = len(report.errors), len(report.warnings), report.files
    if lang == "da":
        return (f"{_plural(files, 'fil', 'filer')} tjekket: {_plural(errors, 'fejl', 'fejl')}, "
                f"{_plural(warnings, 'advarsel', 'advarsler')}.")
    return (f"{_plural(files, 'file', 'files')} checked: {_plural(errors, 'error', 'errors')}, "
            f"{_plural(warnings, 'warning', 'warnings')}.")


def as_text(report: Report, lang: str = "en") -> str:
    """One block per finding, ``file:line: severity: message [rule]`` and its fix."""
    w = WORDS.get(lang, WORDS["en"])
    lines = []
    for f in report.sorted():
        # File names and messages carry the repository's text: one line each, always.
        where = f"{line(f.file)}:{f.line}" if f.line else line(f.file)
        lines.append(f"{where}: {w['severity'][str(f.severity)]}: {line(f.message)} "
                     f"[{f.rule}]")
        lines.append(f"    {w['fix']}: {line(f.fix)}")
    lines.append(_count_line(report, lang))
    return "\n".join(lines) + "\n"


def as_json(report: Report, lang: str = "en") -> str:
    """The contract's JSON object."""
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(f: Finding, fix: str = "Fix") -> str:
    props = [f"file={_escape_property(f.file)}"]
    if f.line:
        props.append(f"line={f.line}")
    props.append(f"title={_escape_property(f.rule)}")
    return f"::{f.severity} {','.join(props)}::{_escape_data(f.message + f' {fix}: ' + f.fix)}"


def as_github(report: Report, lang: str = "en") -> str:
    """Workflow-command annotations: the first 10 errors and 10 warnings, then a count."""
    fix = WORDS.get(lang, WORDS["en"])["fix"]
    out = []
    for severity, found in ((Severity.ERROR, report.errors), (Severity.WARNING, report.warnings)):
        out.extend(_annotation(f, fix) for f in found[:GITHUB_LIMIT])
        if len(found) > GITHUB_LIMIT:
            rest = len(found) - GITHUB_LIMIT
            out.append(f"::notice title=More {severity}s::{rest} more {severity}"
                       f"{'s' if rest != 1 else ''} not shown here; see the job summary.")
    out.append(_count_line(report, lang))
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return markdown(text)


def as_markdown(report: Report, lang: str = "en") -> str:
    """A summary HR reads: counts, then every finding in a table, errors first."""
    w = WORDS.get(lang, WORDS["en"])
    lines = ["## advocacy check", "", _count_line(report, lang), ""]
    ordered = [*report.errors, *report.warnings]
    if ordered:
        lines += [f"| | {w['file']} | {w['line']} | {w['problem']} | {w['fix']} |",
                  "|---|---|---|---|---|"]
        for f in ordered:
            icon = "❌" if f.severity is Severity.ERROR else "⚠️"
            lines.append(f"| {icon} | {code(f.file)} | {f.line or ''} | {_cell(f.message)} "
                         f"| {_cell(f.fix)} |")
    return "\n".join(lines) + "\n"


FORMATS = {"text": as_text, "json": as_json, "github": as_github, "markdown": as_markdown}
