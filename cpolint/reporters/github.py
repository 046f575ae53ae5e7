"""GitHub Actions workflow commands: annotations on the pull request's changed lines.

    ::error file=articles/cpo.md,line=44,endLine=44,col=3,endColumn=30,title=C001::message

Escaping follows the runner's rules: in the message `%`, CR and LF are escaped; in the
properties also `:` and `,`.
"""

from __future__ import annotations

from cpolint.reporters.base import Reporter, Summary
from cpolint.paths import repo_relative

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    def file(self, result) -> None:
        for d in result.diagnostics:
            props = (f"file={escape_property(repo_relative(d.path))},line={d.line},endLine={d.end_line},"
                     f"col={d.column},endColumn={d.end_column},"
                     f"title={escape_property(f'{d.code} {d.rule} [{d.category}]')}")
            self.stream.write(f"::{COMMANDS.get(d.severity, 'warning')} {props}::{escape_data(d.message)}\n")

    def finish(self, summary: Summary) -> None:
        for error in summary.errors:
            self.stream.write(f"::error title=cpolint::{escape_data(error)}\n")
