"""Inline suppression comments in Markdown and HTML.

    <!-- cpolint: disable=E006,B001 -->   ... findings off from here
    <!-- cpolint: enable=E006 -->          ... and back on
    <!-- cpolint: disable-next-line=S004 -->
    <!-- cpolint: disable -->              (no codes: every rule)

A code may also be a rule name, a code prefix or a category, as on the command line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from cpolint.diagnostics import Diagnostic
    from cpolint.document.model import Document

DIRECTIVE = re.compile(
    r"<!--\s*cpolint\s*:\s*(?P<action>disable-next-line|disable|enable)\s*(?:=\s*(?P<codes>[^>]*?))?\s*-->",
    re.I | re.S,
)


def parse_directives_in_html(doc: "Document", html: str, first_line: int) -> None:
    for match in DIRECTIVE.finditer(html):
        end_line = first_line + html.count("\n", 0, match.end())
        codes = tuple(c.strip() for c in re.split(r"[,\s]+", match.group("codes") or "") if c.strip())
        doc.directives.append((end_line, match.group("action").lower(), codes))


def _matches(selector: str, diag: "Diagnostic") -> bool:
    s = selector.strip()
    return (s.upper() == "ALL" or diag.code == s.upper() or diag.rule == s.lower()
            or diag.category == s.lower() or (len(s) < len(diag.code) and diag.code.startswith(s.upper())))


def is_suppressed(diag: "Diagnostic", directives: Iterable[tuple[int, str, tuple[str, ...]]]) -> bool:
    """Whether inline comments switch `diag` off at its first line."""
    active_all = False
    active: dict[str, bool] = {}
    for line, action, codes in sorted(directives, key=lambda d: d[0]):
        if action == "disable-next-line":
            if line + 1 == diag.line and (not codes or any(_matches(c, diag) for c in codes)):
                return True
            continue
        if line >= diag.line:
            break
        on = action == "disable"
        if not codes:
            active_all = on
            active.clear()
        else:
            for code in codes:
                if _matches(code, diag):
                    active[code] = on
    if any(active.values()):
        return True
    if active_all and not any(v is False for v in active.values()):
        return True
    return False


def matches_any(selectors: Iterable[str], diag: "Diagnostic") -> bool:
    return any(_matches(s, diag) for s in selectors)
