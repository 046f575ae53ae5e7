"""What a rule reports: a diagnostic with an exact span, and an optional fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATEGORIES = ("structure", "contradiction", "boilerplate", "editor-note", "readability")
SEVERITIES = ("info", "warning", "error")
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


def severity_rank(severity: str) -> int:
    return _SEVERITY_RANK[severity]


@dataclass(frozen=True)
class Edit:
    """Replace source characters [start, end) of the decoded file with `text`."""

    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]


@dataclass
class Diagnostic:
    """One finding. Lines and columns are 1-based; end_column is one past the last character."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    category: str
    severity: str
    message: str
    data: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None
    fixable: bool = False  # kept when a result is replayed from the cache without its Fix
    # Stable identity for baselines and CI: the code and the flagged words, not the line number.
    fingerprint: str = ""

    def __init__(self, path: str, line: int, column: int, end_line: int, end_column: int, code: str, rule: str,
                 category: str, severity: str, message: str, data=None, fix: Fix | None = None,
                 fixable: bool = False, fingerprint: str = ""):  # written out: see document.model.Block
        self.path = path
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.code = code
        self.rule = rule
        self.category = category
        self.severity = severity
        self.message = message
        self.data = {} if data is None else data
        self.fix = fix
        self.fixable = fixable
        self.fingerprint = fingerprint

    @property
    def has_fix(self) -> bool:
        return self.fix is not None or self.fixable

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "data": self.data,
            "fixable": self.has_fix,
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Diagnostic":
        return cls(
            path=raw["path"], line=raw["line"], column=raw["column"], end_line=raw["end_line"],
            end_column=raw["end_column"], code=raw["code"], rule=raw["rule"], category=raw["category"],
            severity=raw["severity"], message=raw["message"], data=raw.get("data") or {},
            fixable=bool(raw.get("fixable")), fingerprint=raw.get("fingerprint", ""),
        )
