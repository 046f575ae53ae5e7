"""Linting one file: read, decode, parse, run the engine, optionally fix. Never raises."""

from __future__ import annotations

import difflib
import os
import traceback
from dataclasses import dataclass, field
from typing import Any

from cpolint.config import Settings
from cpolint.diagnostics import Diagnostic, Edit
from cpolint.textio import BinaryFileError, SourceText, decode, read_source, write_atomic


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    info: dict[str, Any] | None = None  # words, sections, readability (JSON `files` entry)
    errors: list[str] = field(default_factory=list)  # make the run exit 2
    notices: list[str] = field(default_factory=list)  # reported, do not change the exit status
    skipped: bool = False
    fixed: list[str] = field(default_factory=list)  # descriptions of applied fixes
    diff: str = ""
    cached: bool = False


_engines: dict[str, Any] = {}


def get_engine(settings: Settings):
    """One engine per configuration per process (rules instantiated and validated once)."""
    key = settings.fingerprint()
    engine = _engines.get(key)
    if engine is None:
        from cpolint.document.sentences import configure
        from cpolint.engine import Engine
        from cpolint.registry import load_registry

        configure(settings.nlp_model)
        registry = load_registry(settings.packs)
        engine = Engine(settings, registry)
        _engines[key] = engine
    return engine


def lint_path(path: str, settings: Settings, *, stdin_text: bytes | None = None, fix: bool = False,
              diff: bool = False) -> FileResult:
    result = FileResult(path=path)
    try:
        if stdin_text is not None:
            source = decode(stdin_text)
        else:
            source = read_source(path, settings.max_file_size)
    except BinaryFileError as exc:
        result.skipped = True
        result.notices.append(f"{path}: skipped: {exc}")
        return result
    except IsADirectoryError:
        result.errors.append(f"{path}: is a folder, not a file")
        return result
    except FileNotFoundError:
        result.errors.append(f"{path}: cannot read: no such file (it may have been moved or deleted)")
        return result
    except ValueError as exc:
        result.skipped = True
        result.errors.append(f"{path}: skipped: {exc}")
        return result
    except OSError as exc:
        result.errors.append(f"{path}: cannot read: {exc.strerror or exc}")
        return result
    for notice in source.notices:
        result.notices.append(f"{path}: {notice}")
    try:
        _lint_source(result, path, source, settings, fix=fix, diff=diff, write=stdin_text is None)
    except Exception as exc:  # a bug in cpolint must not stop the other files
        result.errors.append(f"{path}: internal error: {type(exc).__name__}: {exc}")
        if settings.debug:
            result.errors.append(traceback.format_exc())
    return result


def lint_text(path: str, text: str, settings: Settings):
    """Parse and lint decoded text; returns (document, outcome)."""
    from cpolint.document import parse_document

    engine = get_engine(settings)
    doc = parse_document(path, text)
    outcome = engine.lint(doc)
    return doc, outcome, engine


def _lint_source(result: FileResult, path: str, source: SourceText, settings: Settings, *, fix: bool,
                 diff: bool, write: bool) -> None:
    doc, outcome, engine = lint_text(path, source.text, settings)
    if (fix or diff) and any(d.fix for d in outcome.diagnostics):
        new_text, applied = apply_fixes(source.text, outcome.diagnostics)
        if applied and new_text != source.text:
            if diff:
                result.diff = "".join(difflib.unified_diff(
                    source.text.splitlines(keepends=True), new_text.splitlines(keepends=True),
                    fromfile=f"a/{path}", tofile=f"b/{path}"))
            if fix:
                if source.lossy:
                    result.errors.append(f"{path}: not fixed: the file is not valid "
                                         f"{source.encoding} and rewriting it would lose bytes")
                elif not write:
                    pass
                elif os.path.islink(path) and not _inside(os.path.realpath(path), os.getcwd()):
                    result.errors.append(f"{path}: not fixed: it is a symlink to a file outside this tree")
                else:
                    try:
                        data = source.encode(new_text)
                    except UnicodeEncodeError:
                        data = None
                        result.errors.append(f"{path}: not fixed: the fixed text has characters "
                                             f"{source.encoding} cannot hold")
                    if data is not None:
                        write_atomic(path, data)
                        result.fixed = applied
                        doc, outcome, engine = lint_text(path, new_text, settings)
    result.diagnostics = outcome.diagnostics
    result.errors.extend(f"{path}: {e}" for e in outcome.errors)
    result.info = file_info(doc, engine)
    doc.release()


def _inside(path: str, root: str) -> bool:
    root = os.path.realpath(root)
    return path == root or path.startswith(root + os.sep)


def apply_fixes(text: str, diagnostics: list[Diagnostic]) -> tuple[str, list[str]]:
    """Apply every non-overlapping fix; returns the new text and what was done."""
    edits: list[tuple[Edit, str]] = []
    for diag in diagnostics:
        if diag.fix:
            for edit in diag.fix.edits:
                edits.append((edit, f"{diag.code} line {diag.line}: {diag.fix.description}"))
    edits.sort(key=lambda e: (e[0].start, e[0].end))
    out = []
    cursor = 0
    applied = []
    for edit, description in edits:
        if edit.start < cursor:
            continue  # overlaps a previous edit: left for the next run
        out.append(text[cursor:edit.start])
        out.append(edit.text)
        cursor = edit.end
        if description not in applied:
            applied.append(description)
    out.append(text[cursor:])
    return "".join(out), applied


def file_info(doc, engine) -> dict[str, Any]:
    from cpolint.analysis.boilerplate import kept_blocks
    from cpolint.document.model import PROSE_KINDS

    words = sum(b.word_count for b in kept_blocks(doc) if b.kind in PROSE_KINDS)
    info: dict[str, Any] = {"path": doc.path, "format": doc.format, "words": words, "sections": []}
    ctx = doc.analyses.get("context")
    if ctx is not None and ctx.schema is not None:
        info["schema"] = ctx.schema.name  # per file: front matter or the title may choose another
        info["role"] = ctx.schema.role  # the generic schema's is the one the title named
    for provider in engine.info_providers:
        try:
            info.update(provider(doc, engine))
        except Exception as exc:
            info.setdefault("errors", []).append(f"{type(exc).__name__}: {exc}")
    return info
