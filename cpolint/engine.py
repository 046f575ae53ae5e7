"""Running the selected rules over one document.

The engine builds a `Context` for the document (the shared model, the schema, the
thresholds), runs the document-wide analyses every rule may read (the boilerplate mask),
runs each enabled rule, isolates rule failures, and filters the findings through
selection, per-file ignores, front-matter ignores and inline suppression comments.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from cpolint.diagnostics import Diagnostic, Fix
from cpolint.document.model import Block, Document
from cpolint.document.suppress import is_suppressed, matches_any

if TYPE_CHECKING:
    from cpolint.config import Settings
    from cpolint.registry import Registry, Rule
    from cpolint.schema import Schema


class Context:
    """What a rule sees: the document, the schema, thresholds, and helpers to report."""

    def __init__(self, doc: Document, schema: "Schema | None", thresholds: dict[str, float],
                 registry: "Registry", enabled: "set[str] | None" = None):
        self.doc = doc
        self.schema = schema
        self.thresholds = thresholds
        self.registry = registry
        self.enabled = enabled  # the codes this run reports (None: all)

    def reports(self, code: str) -> bool:
        """Whether this run reports `code`: a rule may leave a span to a more specific rule
        that does, and take it when that rule is off."""
        return self.enabled is None or code in self.enabled

    def threshold(self, name: str) -> float:
        return self.thresholds[name]

    def lexicon(self, name: str) -> list:
        return self.registry.lexicons.get(name, [])

    def diagnostic(self, rule: "Rule", span: tuple[int, int, int, int], message: str,
                   data: dict[str, Any] | None = None, fix: Fix | None = None,
                   severity: str | None = None) -> Diagnostic:
        line, column, end_line, end_column = span
        return Diagnostic(path=self.doc.path, line=line, column=column, end_line=end_line,
                          end_column=end_column, code=rule.code, rule=rule.name, category=rule.category,
                          severity=severity or rule.severity, message=message, data=data or {}, fix=fix)

    def at_blocks(self, rule: "Rule", first: Block, message: str, last: Block | None = None,
                  **kwargs) -> Diagnostic:
        """A finding spanning whole blocks, `first` through `last`."""
        line, column, _, _ = self.doc.block_span(first)
        _, _, end_line, end_column = self.doc.block_span(last or first)
        return self.diagnostic(rule, (line, column, end_line, end_column), message, **kwargs)

    def at_text(self, rule: "Rule", block: Block, start: int, end: int, message: str, **kwargs) -> Diagnostic:
        """A finding on block.text[start:end], located exactly in the source."""
        return self.diagnostic(rule, self.doc.text_span(block, start, end), message, **kwargs)

    def at_line(self, rule: "Rule", line: int, message: str, **kwargs) -> Diagnostic:
        text = self.doc.line_text(line) if 1 <= line <= self.doc.line_count else ""
        column = len(text) - len(text.lstrip()) + 1
        return self.diagnostic(rule, (line, column, line, max(len(text.rstrip()) + 1, column + 1)),
                               message, **kwargs)

    def remove_lines_fix(self, first: Block, last: Block | None, description: str,
                         removable=None, html: bool = True) -> Fix | None:
        """A fix deleting the whole source lines of `first` .. `last`, or None when that is unsafe.

        Unsafe means a line also holds article text that stays (a prose block for which
        `removable(block)` is false; by default every block but `first`..`last`), or, in
        HTML, that the lines would leave an element unbalanced (never with html=False).
        """
        from cpolint.diagnostics import Edit
        from cpolint.document.model import PROSE_KINDS

        doc = self.doc
        last = last or first
        if removable is None:
            def removable(block):
                return first.index <= block.index <= last.index
        for block in doc.blocks:
            if block.line > last.end_line or block.end_line < first.line:
                continue  # not on these lines (the cheap test first)
            if block.kind in PROSE_KINDS and block.text.strip() and not removable(block):
                return None
        first_line, last_line = first.line, last.end_line
        for top, bottom in doc.analyses.get("html_spans", ()):
            # Raw HTML in Markdown whose every block goes: its wrapper's lines go with them.
            # (A loop, not all(...) over a generator: compiled, a generator that names the
            # `removable` closure would hold this call's scope in a reference cycle.)
            if top <= first_line and last_line <= bottom:
                whole = True
                for block in doc.blocks:
                    if top <= block.line and block.end_line <= bottom and block.kind in PROSE_KINDS \
                            and block.text.strip() and not removable(block):
                        whole = False
                        break
                if whole:
                    first_line, last_line = top, bottom
                break
        start, end = doc.line_range_offsets(first_line, last_line)
        if doc.format == "html" and (not html or not balanced_html(doc.text[start:end])):
            return None
        if doc.format == "markdown" and "<" in doc.text[start:end] and not balanced_html(doc.text[start:end]):
            return None  # raw HTML in the Markdown: its elements stay whole too
        return Fix(f"{description} (lines {first_line}-{last_line})", (Edit(start, end, ""),))

    def replace_text_fix(self, block: Block, start: int, end: int, replacement: str, description: str,
                         eat_space_before: bool = False) -> Fix | None:
        """A fix replacing block.text[start:end] in the source, when it is there verbatim."""
        from cpolint.diagnostics import Edit

        doc = self.doc
        src = doc.source_range(block, start, end)
        if src is None or doc.text[src[0]:src[1]] != block.text[start:end]:
            return None  # markup interrupts the words: not safe to edit blindly
        begin = src[0]
        while eat_space_before and begin > 0 and doc.text[begin - 1] in " \t":
            begin -= 1
        return Fix(description, (Edit(begin, src[1], replacement),))


@dataclass
class LintOutcome:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # internal errors (a rule crashed ...)


# Analyses run before the rules, in this order, whatever rules are selected: their results
# (e.g. which blocks are site chrome) shape what the other rules see.
PREPARE: list[str] = ["cpolint.analysis.boilerplate:prepare"]
# What goes into the JSON `files` entry besides path and words: name -> callable(doc, engine) -> dict.
INFO_PROVIDERS: list[str] = ["cpolint.analysis.sections:file_sections", "cpolint.readability.measure:file_readability"]


class Engine:
    """The enabled rules for one configuration, instantiated once per process."""

    def __init__(self, settings: "Settings", registry: "Registry"):
        self.settings = settings
        self.registry = registry
        self.enabled = settings.enabled_codes(registry)
        self.rules = [cls() for cls in registry.sorted() if cls.code in self.enabled]
        self.thresholds = {**registry.option_defaults(), **settings.thresholds}
        self._prepare = [_load_callable(p) for p in PREPARE]
        self.info_providers = [_load_callable(p) for p in INFO_PROVIDERS]
        self.stopped: set[str] = set()  # rules stopped after a pattern ran over its time limit
        # Readability figures go into every JSON `files` entry; measuring costs textstat's time.
        self.measure_readability = True

    def lint(self, doc: Document) -> LintOutcome:
        from cpolint.schema import schema_for_document

        outcome = LintOutcome()
        schema, schema_error = schema_for_document(doc, self.settings)
        if schema_error:
            outcome.errors.append(schema_error)
        thresholds = dict(self.thresholds)
        if schema is not None:
            for key, value in schema.thresholds.items():
                if key not in self.settings.thresholds:
                    thresholds[key] = value
        ctx = Context(doc, schema, thresholds, self.registry, self.enabled)
        doc.analyses["context"] = ctx
        for prepare in self._prepare:
            try:
                prepare(ctx)
            except Exception:
                outcome.errors.append(f"internal error while preparing the document: "
                                      f"{traceback.format_exc(limit=-3).strip().splitlines()[-1]}")
                if self.settings.debug:
                    outcome.errors.append(traceback.format_exc())
        found: list[Diagnostic] = []
        from cpolint.saferegex import PatternTimeout

        for rule in self.rules:
            if rule.code in self.stopped:
                continue
            try:
                found.extend(rule.check(ctx))
            except PatternTimeout as exc:
                # A user pattern that backtracks badly: stop its rule for the rest of the run.
                self.stopped.add(rule.code)
                outcome.errors.append(f"rule {rule.code} ({rule.name}, from {rule.origin}) stopped for this run: {exc}")
            except Exception as exc:
                outcome.errors.append(f"internal error in rule {rule.code} ({rule.name}): "
                                      f"{type(exc).__name__}: {exc}")
                if self.settings.debug:
                    outcome.errors.append(traceback.format_exc())
        outcome.diagnostics = self._filter(doc, found)
        return outcome

    def _filter(self, doc: Document, found: Iterable[Diagnostic]) -> list[Diagnostic]:
        ignores = list(self.settings.ignores_for(doc.path))
        fm = doc.front_matter if isinstance(doc.front_matter, dict) else {}
        fm_conf = fm.get("cpolint") if isinstance(fm.get("cpolint"), dict) else {}
        fm_ignore = fm_conf.get("ignore") or []
        if isinstance(fm_ignore, str):
            fm_ignore = [fm_ignore]
        ignores.extend(str(c) for c in fm_ignore)
        out = []
        seen = set()
        last_line = max(doc.line_count, 1)
        for diag in found:
            if diag.code not in self.enabled:
                continue
            if ignores and matches_any(ignores, diag):
                continue
            if doc.directives and is_suppressed(diag, doc.directives):
                continue
            diag.severity = self.settings.severity_for(diag, self.registry)
            # Positions always inside the file.
            diag.line = min(max(diag.line, 1), last_line)
            diag.end_line = min(max(diag.end_line, diag.line), last_line)
            diag.column = max(diag.column, 1)
            diag.end_column = max(diag.end_column, 1)
            key = (diag.code, diag.line, diag.column, diag.end_line, diag.message)
            if key in seen:
                continue
            seen.add(key)
            out.append(diag)
        out.sort(key=Diagnostic.sort_key)
        _fingerprint(doc, out)
        return out


def _fingerprint(doc: Document, diagnostics: list[Diagnostic]) -> None:
    """Give each finding an identity that survives unrelated edits.

    It hashes the rule code, the flagged source text (whitespace collapsed) and the schema
    section it is about, plus an occurrence number for identical findings; not the line
    number, so a paragraph added above leaves it unchanged while editing the flagged words
    changes it.
    """
    import hashlib

    seen: dict[str, int] = {}
    for d in diagnostics:
        try:
            start = doc.line_offsets[d.line - 1] + d.column - 1
            end = doc.line_offsets[d.end_line - 1] + d.end_column - 1
            text = " ".join(doc.text[start:max(end, start)].split())
        except IndexError:
            text = ""
        section = str(d.data.get("section", "")) if isinstance(d.data, dict) else ""
        base = hashlib.sha256(f"{d.code}\0{text}\0{section}".encode("utf-8", "surrogatepass")).hexdigest()
        n = seen.get(base, 0)
        seen[base] = n + 1
        d.fingerprint = hashlib.sha256(f"{base}:{n}".encode()).hexdigest()[:24]


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr", "p", "li"}


def balanced_html(text: str) -> bool:
    """True when removing `text` cannot unbalance the page's elements."""
    depth: dict[str, int] = {}
    for close, name, self_closing in _TAG.findall(text):
        name = name.lower()
        if name in _VOID or self_closing:
            continue
        depth[name] = depth.get(name, 0) + (-1 if close else 1)
    return all(v == 0 for v in depth.values())


def _load_callable(spec: str):
    import importlib

    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)
