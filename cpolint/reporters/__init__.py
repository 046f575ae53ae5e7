"""Output formats. A reporter gets each file's result as it arrives and a summary at the end.

To add a format: subclass `Reporter` in a module here and list it in `FORMATS`.
"""

from __future__ import annotations

FORMATS = {
    "text": "cpolint.reporters.text:TextReporter",
    "json": "cpolint.reporters.jsonfmt:JsonReporter",
    "sarif": "cpolint.reporters.sarif:SarifReporter",
    "github": "cpolint.reporters.github:GithubReporter",
    "gitlab": "cpolint.reporters.gitlab:GitlabReporter",
}


def make_reporter(name: str, stream, options):
    import importlib

    module, _, cls = FORMATS[name].partition(":")
    return getattr(importlib.import_module(module), cls)(stream, options)
