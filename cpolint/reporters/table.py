"""The compact table printed after a folder run on a terminal: worst articles first."""

from __future__ import annotations

from cpolint.diagnostics import CATEGORIES

MAX_ROWS = 40
_SHORT = {"structure": "S", "contradiction": "C", "boilerplate": "B", "editor-note": "E", "readability": "R"}


class FolderTable:
    def __init__(self, stream, color: bool = False):
        self.stream = stream
        self.color = color
        self.rows: list[tuple] = []  # small per-file summaries only

    def add(self, result) -> None:
        if result.info is None:
            return
        readability = result.info.get("readability") or {}
        counts = {c: 0 for c in CATEGORIES}
        errors = warnings = 0
        for d in result.diagnostics:
            counts[d.category] = counts.get(d.category, 0) + 1
            errors += d.severity == "error"
            warnings += d.severity == "warning"
        self.rows.append((result.path, readability.get("flesch_kincaid_grade"),
                          readability.get("flesch_reading_ease"), counts, errors, warnings))

    def finish(self) -> None:
        if len(self.rows) < 2:
            return
        rows = sorted(self.rows, key=lambda r: (-r[4], -r[5], -(r[1] or 0), r[0]))
        width = min(max(len(r[0]) for r in rows), 60)
        head = f"{'ARTICLE':<{width}}  {'GRADE':>5} {'EASE':>5}  " + " ".join(f"{_SHORT[c]:>2}" for c in CATEGORIES)
        out = [self._bold(head)]
        for path, grade, ease, counts, errors, warnings in rows[:MAX_ROWS]:
            name = path if len(path) <= width else "…" + path[-(width - 1):]
            g = f"{grade:5.1f}" if isinstance(grade, (int, float)) else "    -"
            e = f"{ease:5.1f}" if isinstance(ease, (int, float)) else "    -"
            cells = " ".join(f"{counts.get(c, 0):>2}" for c in CATEGORIES)
            line = f"{name:<{width}}  {g} {e}  {cells}"
            out.append(self._red(line) if errors else line)
        if len(rows) > MAX_ROWS:
            out.append(f"… and {len(rows) - MAX_ROWS} more articles (cpolint report writes them all to HTML)")
        legend = ", ".join(f"{s} = {c}" for c, s in _SHORT.items())
        out.append(f"GRADE = Flesch-Kincaid grade, EASE = Flesch reading ease; {legend}")
        self.stream.write("\n" + "\n".join(out) + "\n")

    def _bold(self, text: str) -> str:
        return f"\033[1m{text}\033[0m" if self.color else text

    def _red(self, text: str) -> str:
        return f"\033[31m{text}\033[0m" if self.color else text
