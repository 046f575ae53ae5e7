"""Machine output: one JSON object, as DESIGN.md's output contract gives it.

Diagnostics are spooled to a temporary file while files stream in, so memory stays flat
however many files are linted.
"""

from __future__ import annotations

import json
import tempfile

from cpolint.reporters.base import Reporter, Summary


# json.dumps(x, ensure_ascii=False) makes a new encoder on every call: one encoder for the run.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


class JsonReporter(Reporter):
    def start(self) -> None:
        self._files = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._diags = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._nfiles = 0
        self._ndiags = 0

    def file(self, result) -> None:
        if result.info is not None:
            self._files.write(("," if self._nfiles else "") + _ENCODE(result.info))
            self._nfiles += 1
        if result.diagnostics:
            self._diags.write(("," if self._ndiags else "") + ",".join([_ENCODE(d.to_dict()) for d in result.diagnostics]))
            self._ndiags += len(result.diagnostics)

    def finish(self, summary: Summary) -> None:
        out = self.stream
        head = {"tool": {"name": "cpolint", "version": self.options.version}, "schema": self.options.schema}
        out.write(json.dumps(head, ensure_ascii=False)[:-1])
        out.write(', "files": [')
        _copy(self._files, out)
        out.write('], "diagnostics": [')
        _copy(self._diags, out)
        out.write("], ")
        tail = {
            "summary": {
                "files": summary.files, "skipped": summary.skipped,
                "problems": summary.total, "by_severity": summary.by_severity,
                "by_category": summary.by_category, "fixed": summary.fixed,
            },
            "errors": summary.errors,
            "notices": summary.notices,
        }
        out.write(json.dumps(tail, ensure_ascii=False)[1:])
        out.write("\n")


def _copy(spool, out) -> None:
    spool.seek(0)
    while True:
        chunk = spool.read(1 << 16)
        if not chunk:
            break
        out.write(chunk)
    spool.close()
