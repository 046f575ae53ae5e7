"""Human output: `path:line:col: CODE [category] message`, as ruff and flake8 print."""

from __future__ import annotations

from cpolint.reporters.base import Reporter, Summary

_SEVERITY_COLOR = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, on: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if on else text


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s" if not word.endswith("s") else f"{n} {word}"


class TextReporter(Reporter):
    fixable = 0

    def file(self, result) -> None:
        color = self.options.color
        lines = []
        for d in result.diagnostics:
            if color:
                where = _paint(f"{d.path}:{d.line}:{d.column}:", "1", color)
                code = _paint(d.code, _SEVERITY_COLOR.get(d.severity, "0"), color)
                lines.append(f"{where} {code} [{d.category}] {d.message}\n")
            else:
                lines.append(f"{d.path}:{d.line}:{d.column}: {d.code} [{d.category}] {d.message}\n")
            if d.has_fix:
                self.fixable += 1
        if lines:
            self.stream.write("".join(lines))  # one write a file: the parent of a folder run shares the cores
        if result.diff:
            self.stream.write(result.diff)
        for applied in result.fixed:
            self.stream.write(f"{result.path}: fixed {applied}\n")

    def finish(self, summary: Summary) -> None:
        if self.options.quiet and summary.total == 0:
            return
        color = self.options.color
        sev = summary.by_severity
        parts = [f"{plural(sev.get('error', 0), 'error')}", f"{plural(sev.get('warning', 0), 'warning')}",
                 f"{sev.get('info', 0)} info"]
        checked = summary.files - summary.skipped
        if summary.total:
            cats = ", ".join(f"{n} {c}" for c, n in summary.by_category.items() if n)
            line = (f"Found {plural(summary.total, 'problem')} ({', '.join(parts)}) in "
                    f"{plural(summary.files_with_findings, 'file')} of {checked} checked; by category: {cats}.")
            self.stream.write(_paint(line, "1", color) + "\n")
        elif not self.options.quiet and not summary.errors:
            self.stream.write(_paint(f"All checks passed: {plural(checked, 'file')} checked.", "32", color) + "\n")
        if self.fixable and self.options.show_fixes:
            self.stream.write(f"{plural(self.fixable, 'problem')} can be fixed with `cpolint check --fix` "
                              "(preview with --diff).\n")
        if summary.fixed:
            self.stream.write(f"Fixed {plural(summary.fixed, 'problem')}.\n")
        if summary.baseline_matched or summary.baseline_fixed:
            self.stream.write(f"Baseline: {summary.baseline_matched} known finding(s) hidden; "
                              f"{summary.baseline_fixed} baseline entr{'y is' if summary.baseline_fixed == 1 else 'ies are'} "
                              "fixed and can be dropped (--prune-baseline).\n")
