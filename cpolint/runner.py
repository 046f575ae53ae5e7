"""A check run: find files, settle each file's configuration, lint in parallel, report.

Results stream: each file's findings are reported as soon as it (and every file before
it) is done, in a stable order, and only the summary is kept in memory.
"""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Iterator

from cpolint import __version__
from cpolint.config import Settings, settings_for
from cpolint.diagnostics import severity_rank
from cpolint.discovery import discover, is_excluded
from cpolint.linter import FileResult, lint_path
from cpolint.reporters import make_reporter
from cpolint.reporters.base import RunInfo, Summary
from cpolint.yamlio import ConfigError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@dataclass
class CheckOptions:
    paths: list[str]
    config: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    format: str = "text"
    jobs: int | None = None
    quiet: bool = False
    color: bool = False
    fix: bool = False
    diff: bool = False
    force_exclude: bool = False
    stdin: bytes | None = None
    stdin_filename: str | None = None
    output_file: str | None = None
    progress: bool = False
    use_cache: bool = True
    baseline: str | None = None
    prune_baseline: bool = False
    debug: bool = False
    show_table: bool = False


class SettingsTable:
    """Distinct settings of a run, validated once each, shared with worker processes by index."""

    def __init__(self, forced: str | None, overrides: dict[str, Any], use_cache: bool = True):
        self.forced = forced
        self.overrides = overrides
        self.use_cache = use_cache  # with --no-cache no validity marker is read or written either
        self.items: list[Settings] = []
        self._by_source: dict[str | None, int] = {}

    def index_for(self, path: str) -> int:
        from cpolint.config import find_config

        source = self.forced or find_config(path)
        index = self._by_source.get(source)
        if index is None:
            settings = settings_for(path, self.forced, self.overrides)
            if not (self.use_cache and _known_valid(settings)):
                from cpolint.registry import load_registry

                registry = load_registry(settings.packs)
                settings.validate(registry)
                if settings.schema:
                    from cpolint.schema import load_schema

                    load_schema(settings.schema)  # fail early, with the file and line, on a bad schema
                if self.use_cache:
                    _remember_valid(settings)
            index = len(self.items)
            self.items.append(settings)
            self._by_source[source] = index
        return index


def _validity_marker(settings: Settings, tag: bool = False) -> str | None:
    """A file whose presence says these exact settings (and rule data) were validated before.

    Validating needs every rule loaded (about 0.1 s); a re-run of an unchanged repository
    served from the result cache should not pay for it.
    """
    try:
        from cpolint.cache import ResultCache

        cache = ResultCache.for_settings(settings)
        import hashlib

        key = hashlib.sha256(cache.salt.encode()).hexdigest()[:32]
        if tag:
            cache.write_tag()  # a marker may be the first thing in the folder: git must skip it too
        return os.path.join(cache.folder, "validated", key)
    except Exception:
        return None


def _known_valid(settings: Settings) -> bool:
    marker = _validity_marker(settings)
    return marker is not None and os.path.exists(marker)


def _remember_valid(settings: Settings) -> None:
    marker = _validity_marker(settings, tag=True)
    if marker is None:
        return
    try:
        os.makedirs(os.path.dirname(marker), exist_ok=True)
        with open(marker, "a"):
            pass
    except OSError:
        pass


# -- worker side -------------------------------------------------------------------------------
_WORKER_SETTINGS: list[Settings] = []
_WORKER_FLAGS: dict[str, Any] = {}


def _init_worker(settings: list[Settings], flags: dict[str, Any]) -> None:
    global _WORKER_SETTINGS, _WORKER_FLAGS
    from cpolint import patterncache

    if not patterncache.loaded():  # a spawned worker (a forked one has its parent's patterns)
        patterncache.load()
    _batch_gc()
    _WORKER_SETTINGS = settings
    _WORKER_FLAGS = flags


def _failed(item: tuple[str, int], why: str) -> FileResult:
    """The result of a file its worker could not lint (see workers.run_batches)."""
    return FileResult(path=item[0], errors=[f"{item[0]}: {why}"])


def _work(batch: list[tuple[str, int]]) -> list[FileResult]:
    return [_lint_one(path, _WORKER_SETTINGS[index], _WORKER_FLAGS) for path, index in batch]


def _batches(items: list[tuple[str, int]], jobs: int) -> list[list[tuple[str, int]]]:
    """The files in the batches the workers take, in order: up to 16 files (one hand-out per
    batch, not per file), fewer as the files left run out (a sixteenth of what is left, per
    worker), so that the workers finish together instead of one idling while the other
    lints a last batch of 16."""
    out, pos = [], 0
    while pos < len(items):
        size = max(1, min(16, (len(items) - pos) // (jobs * 8)))
        out.append(items[pos:pos + size])
        pos += size
    return out


def _lint_one(path: str, settings: Settings, flags: dict[str, Any]) -> FileResult:
    cache = None
    if flags.get("use_cache") and not flags.get("fix") and not flags.get("diff"):
        from cpolint.cache import ResultCache

        cache = ResultCache.for_settings(settings)
    result = lint_path(path, settings, fix=flags.get("fix", False), diff=flags.get("diff", False))
    if cache is not None:
        cache.put(path, result)
    return result


def _results(items: list[tuple[str, int]], table: SettingsTable, flags: dict[str, Any],
             jobs: int) -> Iterator[FileResult]:
    """Results in the order of `items`: cache hits replayed here, misses linted (in parallel)."""
    cache_on = flags.get("use_cache") and not flags.get("fix") and not flags.get("diff")
    caches = {}
    hit: list[bool] = []
    if cache_on:
        from cpolint.cache import ResultCache

        for path, index in items:
            cache = caches.get(index) or caches.setdefault(index, ResultCache.for_settings(table.items[index]))
            hit.append(cache.contains(path))
    else:
        hit = [False] * len(items)
    misses = [item for item, h in zip(items, hit) if not h]
    linted = _lint_many(misses, table, flags, jobs)
    for (path, index), h in zip(items, hit):
        if h:
            result = caches[index].get(path)
            if result is None:  # vanished or changed since the first look
                result = _lint_one(path, table.items[index], flags)
            yield result
        else:
            yield next(linted)


# A small article that goes through every rule's first steps (see _lint_many).
_WARM_UP = """# Chief Product Officer

## What does a Chief Product Officer do?

The chief product officer (CPO) reports to the CEO and needs at least 10 years of experience.
Here are three skills: strategy, leadership and data. The salary is $200,000 per year.

- Strategy
- Leadership
"""


def _batch_gc() -> tuple[int, int, int]:
    """Collect the youngest objects every 20,000 allocations instead of 700: a document's
    objects die together at the end of its file, and the long-lived caches are not walked
    again and again (6% of a folder run; peak memory measured +15 MiB, still bounded)."""
    before = gc.get_threshold()
    gc.set_threshold(20_000, 50, 50)
    return before


def _lint_many(items: list[tuple[str, int]], table: SettingsTable, flags: dict[str, Any],
               jobs: int) -> Iterator[FileResult]:
    if jobs <= 1 or len(items) < 4:
        before = _batch_gc() if len(items) > 1 else None
        try:
            for k, (path, index) in enumerate(items):
                yield _lint_one(path, table.items[index], flags)
                if k == 0 and before is not None:
                    # What the first file loaded (the pipeline, the rules, their patterns)
                    # lives to the end of the run: keep the collector off it, as it is kept
                    # off in the workers of a parallel run.
                    gc.freeze()
        finally:
            if before is not None:
                gc.unfreeze()
                gc.set_threshold(*before)
        return
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin" else "spawn"
    if method == "fork":
        # Load the pipeline, the rules and their patterns once here so forked workers share
        # them instead of each loading them (a first lint compiles what rules compile lazily).
        try:
            from cpolint.document.sentences import configure, get_nlp
            from cpolint.linter import lint_text

            configure(table.items[0].nlp_model)
            get_nlp()
            _, _, engine = lint_text("warm-up.md", _WARM_UP, table.items[0])
            engine.stopped.clear()  # a rule stopped on the warm-up is reported on a real file instead
        except Exception:
            pass
        # Objects made so far are never freed before the run ends: keep the collector off
        # them, so that workers do not write to (and so copy) every page they share.
        gc.freeze()
    from cpolint.workers import run_batches

    # This process unpickles and reports every result on the cores the workers lint on; a
    # result is ~500 objects, freed when reported: collect in batches (~0.1 s of this
    # process's CPU time in a run of 1,000 files, more with --format json).
    before = _batch_gc()
    try:
        for results in run_batches(multiprocessing.get_context(method), jobs, _batches(items, jobs), _work,
                                   _failed, _init_worker, (table.items, flags)):
            yield from results
    finally:
        gc.set_threshold(*before)
        if method == "fork":
            gc.unfreeze()  # this process may go on (cpolint used as a library): collect as usual


def plan(opts: CheckOptions) -> tuple[SettingsTable, list[tuple[str, int]], list[str], list[str]]:
    """Settle the files to lint and their settings. Raises ConfigError or RuleError."""
    table = SettingsTable(opts.config, {**opts.overrides, "debug": opts.debug or None}, use_cache=opts.use_cache)
    if opts.stdin is not None:
        name = opts.stdin_filename or "stdin.txt"
        items = [(name, table.index_for(name if os.path.exists(name) else os.getcwd()))]
        return table, items, [], []

    def exclude_for(path: str):
        settings = table.items[table.index_for(path)]
        return settings.exclude, settings.root

    found = discover(opts.paths, exclude_for)
    items = []
    for path in found.files:
        index = table.index_for(path)
        settings = table.items[index]
        if opts.force_exclude and is_excluded(path, settings.exclude, settings.root):
            continue
        items.append((path, index))
    return table, items, found.errors, found.notices


def results_for(table: SettingsTable, items: list[tuple[str, int]], opts: CheckOptions) -> Iterator[FileResult]:
    flags = {"use_cache": opts.use_cache, "fix": opts.fix, "diff": opts.diff}
    if opts.stdin is not None:
        name, index = items[0]
        return iter([lint_path(name, table.items[index], stdin_text=opts.stdin)])
    return _results(items, table, flags, opts.jobs or os.cpu_count() or 1)


def lint_for_command(args):
    """For `baseline` and `report`: lint args.paths with the usual configuration.

    Returns (results, errors, settings table), or None after printing a configuration error.
    """
    from cpolint.registry import RuleError

    schema = args.schema
    if schema and os.path.exists(schema):
        schema = os.path.abspath(schema)
    opts = CheckOptions(paths=args.paths or ["."], config=args.config, overrides={"schema": schema}, jobs=args.jobs)
    try:
        table, items, errors, _ = plan(opts)
    except (ConfigError, RuleError) as exc:
        sys.stderr.write(f"cpolint: error: {exc}\n")
        return None
    return results_for(table, items, opts), errors, table


def run_check(opts: CheckOptions, out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    summary = Summary()
    from cpolint.registry import RuleError

    try:
        table, items, exit_errors, discovery_notices = plan(opts)
    except (ConfigError, RuleError) as exc:
        err.write(f"cpolint: error: {exc}\n")
        return EXIT_ERROR

    settings0 = table.items[0] if table.items else Settings()
    schema_name = settings0.schema or "cpo"
    stream = out
    file_handle = None
    if opts.output_file:
        file_handle = open(opts.output_file, "w", encoding="utf-8")
        stream = file_handle
    from cpolint.registry import load_registry

    # Every rule any file of the run can report (folders may select different rules); only
    # SARIF describes them, so only SARIF pays for loading them.
    rules: dict[str, type] = {}
    if opts.format == "sarif":
        for settings in table.items or [settings0]:
            registry = load_registry(settings.packs)
            for cls in registry.sorted():
                if cls.code in settings.enabled_codes(registry):
                    rules.setdefault(cls.code, cls)
    info = RunInfo(schema=schema_name, version=__version__,
                   rules=sorted(rules.values(), key=lambda c: (c.category, c.code)),
                   color=opts.color and not opts.output_file, quiet=opts.quiet, show_fixes=not opts.fix)
    reporter = make_reporter(opts.format, stream, info)
    extra = []
    if opts.output_file:
        # The chosen format goes to the file; people still see text on the terminal.
        extra.append(make_reporter("text", out, RunInfo(schema=schema_name, version=__version__,
                                                        color=opts.color, quiet=opts.quiet)))
    table_view = None
    if opts.show_table and opts.format == "text" and not opts.quiet and opts.stdin is None:
        from cpolint.reporters.table import FolderTable

        table_view = FolderTable(out, color=opts.color)
    baseline = None
    if opts.baseline:
        from cpolint.baseline import Baseline

        try:
            baseline = Baseline.load(opts.baseline)
        except (OSError, ValueError) as exc:
            err.write(f"cpolint: error: {opts.baseline}: cannot read baseline: {exc}\n")
            return EXIT_ERROR
    for r in [reporter] + extra:
        r.start()
    fail_rank = severity_rank(opts.overrides.get("fail_on") or settings0.fail_on)
    failed = False
    progress = _Progress(err, len(items)) if opts.progress and len(items) > 20 else None
    try:
        results = results_for(table, items, opts)
        for result in results:
            if baseline is not None:
                baseline.filter(result)
            summary.add(result)
            for r in [reporter] + extra:
                r.file(result)
            if table_view is not None:
                table_view.add(result)
            if any(severity_rank(d.severity) >= fail_rank for d in result.diagnostics):
                failed = True
            if progress:
                progress.step()
    finally:
        if progress:
            progress.done()
    if baseline is not None:
        summary.baseline_matched = baseline.matched
        summary.baseline_fixed = baseline.unmatched_count()
        if opts.prune_baseline:
            baseline.prune()
    summary.errors[:0] = exit_errors
    summary.notices[:0] = discovery_notices
    if table_view is not None:
        table_view.finish()
    for r in [reporter] + extra:
        r.finish(summary)
    if file_handle:
        file_handle.close()
    for notice in summary.notices:
        err.write(f"cpolint: notice: {notice}\n")
    for error in summary.errors:
        err.write(f"cpolint: error: {error}\n")
    if summary.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed else EXIT_CLEAN


class _Progress:
    """A one-line progress bar on a terminal's stderr, erased when done."""

    def __init__(self, stream, total: int):
        self.stream, self.total, self.count = stream, total, 0

    def step(self) -> None:
        self.count += 1
        if self.count % 5 and self.count != self.total:
            return
        width = 30
        filled = int(width * self.count / self.total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.count}/{self.total} files")
        self.stream.flush()

    def done(self) -> None:
        self.stream.write("\r" + " " * 60 + "\r")
        self.stream.flush()
