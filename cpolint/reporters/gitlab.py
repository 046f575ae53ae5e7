"""GitLab Code Quality report (the Code Climate subset GitLab reads), for merge-request widgets.

One JSON array; each issue has description, check_name, fingerprint, severity and
location.path / location.lines.begin (GitLab's required fields), plus the categories.
"""

from __future__ import annotations

import hashlib
import json

from cpolint.reporters.base import Reporter, Summary
from cpolint.paths import repo_relative

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
CATEGORIES = {"structure": "Clarity", "contradiction": "Bug Risk", "boilerplate": "Style",
              "editor-note": "Bug Risk", "readability": "Complexity"}


class GitlabReporter(Reporter):
    def start(self) -> None:
        self._n = 0
        self.stream.write("[")

    def file(self, result) -> None:
        for d in result.diagnostics:
            path = repo_relative(d.path)
            # Unique across the report: the same finding in two files is two issues.
            fingerprint = hashlib.sha256(f"{path}\0{d.fingerprint or d.code + str(d.line)}".encode()).hexdigest()[:32]
            issue = {
                "type": "issue",
                "description": f"{d.code} {d.message}",
                "check_name": d.code,
                "fingerprint": fingerprint,
                "severity": SEVERITIES.get(d.severity, "minor"),
                "categories": [CATEGORIES.get(d.category, "Style")],
                "location": {"path": path, "lines": {"begin": d.line, "end": d.end_line}},
            }
            self.stream.write(("," if self._n else "") + "\n" + json.dumps(issue, ensure_ascii=False))
            self._n += 1

    def finish(self, summary: Summary) -> None:
        self.stream.write("\n]\n")
