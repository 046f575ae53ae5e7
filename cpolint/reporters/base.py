"""The reporter interface and the run summary every format shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cpolint.diagnostics import CATEGORIES, SEVERITIES

if TYPE_CHECKING:
    from cpolint.linter import FileResult


@dataclass
class Summary:
    files: int = 0
    files_with_findings: int = 0
    skipped: int = 0
    cached: int = 0
    by_severity: dict[str, int] = field(default_factory=lambda: {s: 0 for s in SEVERITIES})
    by_category: dict[str, int] = field(default_factory=lambda: {c: 0 for c in CATEGORIES})
    by_code: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    fixed: int = 0
    baseline_matched: int = 0
    baseline_fixed: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    def add(self, result: "FileResult") -> None:
        self.files += 1
        if result.skipped:
            self.skipped += 1
        if result.cached:
            self.cached += 1
        if result.diagnostics:
            self.files_with_findings += 1
        for diag in result.diagnostics:
            self.by_severity[diag.severity] = self.by_severity.get(diag.severity, 0) + 1
            self.by_category[diag.category] = self.by_category.get(diag.category, 0) + 1
            self.by_code[diag.code] = self.by_code.get(diag.code, 0) + 1
        self.errors.extend(result.errors)
        self.notices.extend(result.notices)
        self.fixed += len(result.fixed)


@dataclass
class RunInfo:
    schema: str
    version: str
    rules: list[Any] = field(default_factory=list)  # rule classes that were enabled
    color: bool = False
    quiet: bool = False
    show_fixes: bool = False


class Reporter:
    def __init__(self, stream, options: RunInfo):
        self.stream = stream
        self.options = options

    def start(self) -> None:
        pass

    def file(self, result: "FileResult") -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass
