"""Findings: what a check reports about a file, and the report that collects them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How much a finding matters: an error blocks publication, a warning never does."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file, with the plain-words fix.

    ``file`` is relative to the repository root (POSIX separators); ``line`` is 1-based,
    or ``None`` when the finding is about the whole file.
    """

    rule: str
    severity: Severity
    file: str
    line: int | None
    message: str
    fix: str

    def as_dict(self) -> dict[str, object]:
        """The finding in the contract's JSON shape."""
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data

    def sort_key(self) -> tuple[str, int]:
        """Order by file, then line; equal keys keep the order the checks found them in."""
        return (self.file, self.line or 0)


@dataclass
class Report:
    """All findings of one run, plus how many files were looked at."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add findings."""
        self.findings.extend(findings)

    @property
    def errors(self) -> list[Finding]:
        """The findings that block publication."""
        return [f for f in self.sorted() if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """The findings that are shown but never block."""
        return [f for f in self.sorted() if f.severity is Severity.WARNING]

    def sorted(self) -> list[Finding]:
        """Findings in file and line order, without exact duplicates."""
        return sorted(dict.fromkeys(self.findings), key=Finding.sort_key)

    def as_dict(self) -> dict[str, object]:
        """The report in the contract's JSON shape."""
        return {
            "findings": [f.as_dict() for f in self.sorted()],
            "summary": {
                "files": self.files,
                "errors": len(self.errors),
                "warnings": len(self.warnings),
            },
        }
