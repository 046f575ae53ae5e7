"""SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer).

Every enabled rule is described in `tool.driver.rules` (id, name, short and full
description, help text from the rule's own documentation, default level), every finding
is a result with its region and a `partialFingerprints` entry so code scanning tracks it
across commits.
"""

from __future__ import annotations

import json
import tempfile

from cpolint.reporters.base import Reporter, Summary
from cpolint.paths import repo_relative

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def rule_descriptor(cls) -> dict:
    doc = cls.documentation()
    return {
        "id": cls.code,
        "name": "".join(part.capitalize() for part in cls.name.split("-")),
        "shortDescription": {"text": cls.summary()},
        "fullDescription": {"text": doc.split("\n\n", 1)[0] if doc else cls.summary()},
        "help": {"text": doc, "markdown": doc},
        "helpUri": f"https://github.com/cpolint/cpolint/blob/main/docs/rules.md#{cls.code.lower()}",
        "defaultConfiguration": {"level": LEVELS[cls.severity], "enabled": bool(cls.default_enabled)},
        "properties": {"category": cls.category, "tags": [cls.category, "cpolint"], "fixable": cls.fixable,
                       "ruleName": cls.name},
    }


class SarifReporter(Reporter):
    def start(self) -> None:
        self._results = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._n = 0
        self._index = {cls.code: i for i, cls in enumerate(self.options.rules)}

    def file(self, result) -> None:
        for d in result.diagnostics:
            entry = {
                "ruleId": d.code,
                "level": LEVELS.get(d.severity, "warning"),
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": repo_relative(d.path), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": d.line, "startColumn": d.column,
                               "endLine": d.end_line, "endColumn": max(d.end_column, 1)},
                }}],
                "partialFingerprints": {"cpolintFingerprint/v1": d.fingerprint or f"{d.code}:{d.line}"},
                "properties": {"category": d.category, "rule": d.rule, "data": d.data},
            }
            if d.code in self._index:
                entry["ruleIndex"] = self._index[d.code]
            self._results.write(("," if self._n else "") + json.dumps(entry, ensure_ascii=False))
            self._n += 1

    def finish(self, summary: Summary) -> None:
        notifications = [{"level": "error", "message": {"text": e}} for e in summary.errors]
        notifications += [{"level": "note", "message": {"text": n}} for n in summary.notices]
        run = {
            "tool": {"driver": {"name": "cpolint", "version": self.options.version, "semanticVersion": self.options.version,
                                "informationUri": "https://github.com/cpolint/cpolint",
                                "rules": [rule_descriptor(c) for c in self.options.rules]}},
            "invocations": [{"executionSuccessful": not summary.errors,
                             "toolExecutionNotifications": notifications}],
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file:///"}},
            "columnKind": "unicodeCodePoints",
            "properties": {"schema": self.options.schema},
        }
        head = json.dumps({"$schema": SCHEMA_URI, "version": "2.1.0"}, ensure_ascii=False)[:-1]
        body = json.dumps(run, ensure_ascii=False)
        out = self.stream
        out.write(head + ', "runs": [' + body[:-1] + ', "results": [')
        self._results.seek(0)
        while True:
            chunk = self._results.read(1 << 16)
            if not chunk:
                break
            out.write(chunk)
        self._results.close()
        out.write("]}]}\n")
