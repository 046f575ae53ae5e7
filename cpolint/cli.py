"""The command line: `cpolint check`, `fix`, `rules`, `explain`, `schema`, `baseline`, `report`.

Imports stay light here: `--help`, `rules` and `explain` never load spaCy or textstat.
"""

from __future__ import annotations

import argparse
import os
import sys

from cpolint import __version__

EXIT_ERROR = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _threshold(value: str) -> tuple[str, float]:
    name, sep, number = value.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError("expected NAME=NUMBER, e.g. max-sentence-words=40")
    try:
        return name.strip(), float(number)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{number!r} is not a number") from None


def _add_check_options(p: argparse.ArgumentParser, fixing: bool = False) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint (default: .)")
    sel = p.add_argument_group("rule selection")
    sel.add_argument("--select", type=_csv, action="extend", metavar="CODES",
                     help="only these rules: codes, code prefixes, rule names or categories, comma-separated")
    sel.add_argument("--extend-select", type=_csv, action="extend", metavar="CODES",
                     help="add these rules to the selection (e.g. S003 for missing optional sections)")
    sel.add_argument("--ignore", type=_csv, action="extend", metavar="CODES", help="leave these rules out")
    sel.add_argument("--schema", metavar="NAME|PATH", help="role schema: a bundled name (cpo, cto, cmo) or a YAML file")
    sel.add_argument("--config", metavar="PATH", help="use this configuration file for every file")
    sel.add_argument("--threshold", type=_threshold, action="append", metavar="NAME=N",
                     help="set a threshold, e.g. max-sentence-words=40 (see `cpolint rules --options`)")
    sel.add_argument("--exclude", type=_csv, action="extend", metavar="GLOBS", help="skip files and folders matching these globs")
    sel.add_argument("--force-exclude", action="store_true",
                     help="apply excludes to files named on the command line too (pre-commit uses this)")
    out = p.add_argument_group("output")
    out.add_argument("--format", choices=["text", "json", "sarif", "github", "gitlab"], default="text")
    out.add_argument("--output-file", "-o", metavar="PATH", help="write the report here; text still goes to the terminal")
    out.add_argument("--fail-on", choices=["info", "warning", "error"], help="exit 1 when a finding is at or above this (default: error)")
    out.add_argument("--quiet", "-q", action="store_true", help="print only findings and errors")
    out.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    out.add_argument("--no-progress", action="store_true", help="no progress bar on a terminal")
    out.add_argument("--table", dest="table", action="store_true", default=None,
                     help="print the per-article table after the run (default: on a terminal)")
    out.add_argument("--no-table", dest="table", action="store_false", help="never print the per-article table")
    run = p.add_argument_group("run")
    run.add_argument("--jobs", "-j", type=int, metavar="N", help="parallel processes (default: all cores)")
    run.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    run.add_argument("--cache-dir", metavar="PATH", help="result cache folder (default: .cpolint_cache next to the config)")
    run.add_argument("--debug", action="store_true", help="show tracebacks for internal errors")
    if not fixing:
        run.add_argument("--fix", action="store_true", help="apply safe fixes (remove boilerplate, unwrap wiki links)")
    run.add_argument("--diff", action="store_true", help="show the fixes as a diff; change nothing")
    run.add_argument("--stdin", action="store_true", help="read one article from standard input")
    run.add_argument("--stdin-filename", metavar="PATH", help="the path to report (and pick the format from) with --stdin")
    run.add_argument("--baseline", metavar="PATH", help="report only findings not recorded in this baseline file")
    run.add_argument("--prune-baseline", action="store_true", help="drop fixed entries from the --baseline file")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cpolint",
        description="A content-quality linter for career articles: missing sections, contradictions, "
                    "boilerplate and spam, editor notes, readability.",
    )
    parser.add_argument("--version", action="version", version=f"cpolint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="lint files and folders", description="Lint article files and folders.")
    _add_check_options(check)
    fix = sub.add_parser("fix", help="apply safe fixes (same as check --fix)", description="Apply safe fixes.")
    _add_check_options(fix, fixing=True)

    rules = sub.add_parser("rules", help="list every rule", description="List every rule.")
    rules.add_argument("--format", choices=["text", "json", "markdown"], default="text",
                       help="markdown: every rule's documentation, as in docs/rules.md")
    rules.add_argument("--options", action="store_true", help="list the thresholds rules read, with defaults")
    rules.add_argument("--config", metavar="PATH", help="include packs from this configuration")

    explain = sub.add_parser("explain", help="show a rule's documentation", description="Explain a rule.")
    explain.add_argument("rule", metavar="CODE", help="rule code or name, e.g. E006 or wiki-link")

    schema = sub.add_parser("schema", help="show, list or validate role schemas", description="Role schemas.")
    ssub = schema.add_subparsers(dest="schema_command", metavar="ACTION")
    ssub.add_parser("list", help="list bundled schemas")
    show = ssub.add_parser("show", help="print a schema")
    show.add_argument("name", metavar="NAME|PATH")
    chk = ssub.add_parser("check", help="validate a schema file")
    chk.add_argument("path", metavar="PATH", nargs="+")

    baseline = sub.add_parser("baseline", help="record today's findings so CI fails only on new ones",
                              description="Write a baseline of current findings.")
    baseline.add_argument("paths", nargs="*", metavar="PATH")
    baseline.add_argument("--output", "-o", metavar="PATH", default=".cpolint-baseline.json")
    baseline.add_argument("--config", metavar="PATH")
    baseline.add_argument("--schema", metavar="NAME|PATH")
    baseline.add_argument("--jobs", "-j", type=int, metavar="N")

    report = sub.add_parser("report", help="write a self-contained HTML report of a folder",
                            description="Write an HTML report.")
    report.add_argument("paths", nargs="*", metavar="PATH")
    report.add_argument("--output", "-o", metavar="PATH", default="cpolint-report.html")
    report.add_argument("--config", metavar="PATH")
    report.add_argument("--schema", metavar="NAME|PATH")
    report.add_argument("--jobs", "-j", type=int, metavar="N")
    return parser


def run() -> None:
    """The console entry point: main(), then exit without the interpreter's teardown.

    Freeing spaCy's objects at exit takes ~0.2 s, a fifth of a pre-commit run on one file.
    Everything is written and closed by the time main() returns (the worker pool is shut
    down, fixes renamed into place, the cache written atomically), so only the standard
    streams need flushing. main() stays an ordinary function for callers in Python.
    """
    # NumPy (imported by spaCy) starts an OpenBLAS thread per core, which spins ~0.1 s of CPU
    # at start-up; cpolint makes no BLAS call. Only for the command, not for library callers.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from cpolint import patterncache

    patterncache.load()  # the patterns the last runs compiled, before anything compiles them
    status = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a closed pipe or stream: nothing more to say
        pass
    if status != 130:  # not after Ctrl-C
        try:
            patterncache.save()
        except BaseException:  # a cache is never worth a failed run (nor Ctrl-C while writing it)
            pass
    os._exit(status if isinstance(status, int) else EXIT_ERROR)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command in ("check", "fix"):
            return _check(args, parser)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "schema":
            return _schema(args, parser)
        if args.command == "baseline":
            from cpolint.baseline import run_baseline

            return run_baseline(args)
        if args.command == "report":
            from cpolint.htmlreport import run_report

            return run_report(args)
        parser.print_help()
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("cpolint: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`cpolint check . | head`): the run stopped before its end, so
        # it cannot say the files are clean. 141 is what a shell reports for a program that
        # SIGPIPE stopped; `set -o pipefail` sees a failure.
        return EXIT_BROKEN_PIPE


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _check(args, parser) -> int:
    from cpolint.runner import CheckOptions, run_check

    if args.format in ("sarif", "github", "gitlab"):
        from cpolint.reporters import FORMATS

        if args.format not in FORMATS:
            sys.stderr.write(f"cpolint: error: --format {args.format} is not available in this version\n")
            return EXIT_ERROR
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    overrides = {
        "select": args.select, "extend_select": args.extend_select, "ignore": args.ignore,
        "schema": args.schema, "fail_on": args.fail_on, "exclude": args.exclude,
        "cache_dir": os.path.abspath(args.cache_dir) if args.cache_dir else None,
        "thresholds": dict(args.threshold) if args.threshold else None,
    }
    if args.schema and os.path.exists(args.schema):
        overrides["schema"] = os.path.abspath(args.schema)
    stdin = None
    if args.stdin:
        if args.paths:
            parser.error("--stdin takes no PATH (use --stdin-filename to name the input)")
        stdin = sys.stdin.buffer.read()
    fix = args.command == "fix" or getattr(args, "fix", False)
    opts = CheckOptions(
        paths=args.paths or ["."], config=args.config, overrides=overrides, format=args.format,
        jobs=args.jobs, quiet=args.quiet, color=_use_color(args.color, sys.stdout), fix=fix, diff=args.diff,
        force_exclude=args.force_exclude, stdin=stdin, stdin_filename=args.stdin_filename,
        output_file=args.output_file, progress=not args.no_progress and sys.stderr.isatty(),
        use_cache=not args.no_cache, baseline=args.baseline, prune_baseline=args.prune_baseline,
        debug=args.debug, show_table=sys.stdout.isatty() if args.table is None else args.table,
    )
    if args.config and not os.path.isfile(args.config):
        sys.stderr.write(f"cpolint: error: {args.config}: configuration file not found\n")
        return EXIT_ERROR
    return run_check(opts)


def _load_registry_or_fail(config: str | None):
    from cpolint.config import find_config, load_settings
    from cpolint.registry import RuleError, load_registry
    from cpolint.yamlio import ConfigError

    try:
        settings = load_settings(config or find_config(os.getcwd()))
        return load_registry(settings.packs)
    except (ConfigError, RuleError) as exc:
        sys.stderr.write(f"cpolint: error: {exc}\n")
        return None


def _rules(args) -> int:
    registry = _load_registry_or_fail(args.config)
    if registry is None:
        return EXIT_ERROR
    rows = registry.sorted()
    if args.options:
        for cls in rows:
            for name, value in cls.options.items():
                print(f"{name:32} {value:>8g}  {cls.code} {cls.name}")
        return 0
    if args.format == "markdown":
        print(rules_markdown(rows))
        return 0
    if args.format == "json":
        import json

        print(json.dumps([{"code": c.code, "name": c.name, "category": c.category, "severity": c.severity,
                           "fixable": c.fixable, "default_enabled": c.default_enabled, "origin": c.origin,
                           "summary": c.summary(), "options": c.options} for c in rows], indent=2))
        return 0
    print(f"{'CODE':6} {'NAME':34} {'CATEGORY':13} {'SEVERITY':8} {'FIX':4} {'DEFAULT':8} ORIGIN")
    for c in rows:
        print(f"{c.code:6} {c.name:34} {c.category:13} {c.severity:8} {'yes' if c.fixable else 'no':4} "
              f"{'on' if c.default_enabled else 'off':8} {c.origin}")
    return 0


def rules_markdown(rows) -> str:
    """docs/rules.md: the rule table and each rule's documentation, from the rules themselves."""
    out = ["# cpolint rules", "",
           "Generated from the rules' own documentation by `cpolint rules --format markdown`; "
           "`cpolint explain CODE` prints one. Do not edit by hand.", "",
           "| code | name | category | severity | fixable | on by default |", "|---|---|---|---|---|---|"]
    for c in rows:
        out.append(f"| [{c.code}](#{c.code.lower()}) | {c.name} | {c.category} | {c.severity} | "
                   f"{'yes' if c.fixable else 'no'} | {'yes' if c.default_enabled else 'no'} |")
    for c in rows:
        doc = c.documentation().replace("\n## ", "\n#### ")
        opts = ""
        if c.options:
            opts = "\n\nThresholds: " + ", ".join(f"`{k}` = {v:g}" for k, v in c.options.items())
        out += ["", f"## {c.code}", "", f"`{c.name}` · {c.category} · {c.severity}"
                f"{' · fixable' if c.fixable else ''}{'' if c.default_enabled else ' · off by default'}"
                f" · {c.origin}{opts}", "", doc]
    return "\n".join(out) + "\n"


def _explain(args) -> int:
    registry = _load_registry_or_fail(None)
    if registry is None:
        return EXIT_ERROR
    cls = registry.lookup(args.rule)
    if cls is None:
        sys.stderr.write(f"cpolint: error: unknown rule {args.rule!r} (see `cpolint rules`)\n")
        return EXIT_ERROR
    facts = (f"{cls.code} {cls.name}\n"
             f"category: {cls.category} · default severity: {cls.severity} · "
             f"fixable: {'yes' if cls.fixable else 'no'} · enabled by default: {'yes' if cls.default_enabled else 'no'}"
             f" · from: {cls.origin}")
    if cls.options:
        facts += "\nthresholds: " + ", ".join(f"{k} = {v:g}" for k, v in cls.options.items())
    print(facts + "\n")
    print(cls.documentation())
    return 0


def _schema(args, parser) -> int:
    from cpolint.data import data_path
    from cpolint.schema import OTHER_ROLE, OTHER_ROLE_FILE, bundled_schemas, load_schema, resolve_schema_path
    from cpolint.yamlio import ConfigError

    action = args.schema_command
    if action in (None, "list"):
        for name, path in bundled_schemas().items():
            try:
                schema = load_schema(path)
                print(f"{name:8} {schema.role}  ({len(schema.sections)} sections)")
            except ConfigError as exc:
                print(f"{name:8} INVALID: {exc}")
        print(f"{OTHER_ROLE:8} any other role a title names (Chief Financial Officer, VP of Sales ...): the sections "
              "of every career article, no facts")
        return 0
    if action == "show":
        try:
            # The generic schema is shown as the template it is (its role comes from each title).
            path = data_path(OTHER_ROLE_FILE) if args.name == OTHER_ROLE else resolve_schema_path(args.name)
            load_schema(path)
            with open(path, encoding="utf-8") as handle:
                sys.stdout.write(handle.read())
        except (ConfigError, OSError) as exc:
            sys.stderr.write(f"cpolint: error: {exc}\n")
            return EXIT_ERROR
        return 0
    if action == "check":
        status = 0
        for path in args.path:
            try:
                schema = load_schema(os.path.abspath(path))
                print(f"{path}: ok: schema {schema.name!r} for {schema.role}, {len(schema.sections)} sections")
            except ConfigError as exc:
                sys.stderr.write(f"cpolint: error: {exc}\n")
                status = EXIT_ERROR
        return status
    parser.print_help()
    return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
