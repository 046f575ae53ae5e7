"""Compiled regular expressions kept from one run of the command to the next.

A cold run compiles ~340 patterns (cpolint's rules and lexicons, spaCy's tokenizer, argparse's),
0.1-0.15 s of a ~0.8 s pre-commit run, nearly all of it in the `re` module's parser, which is
pure Python. What the parser and compiler produce is handed to `_sre.compile` as a list of
integer codes; this module keeps those arguments in the data folder and, at the start of the
next run, hands them to `_sre.compile` again and puts the patterns in `re`'s own cache, where
`re.compile` finds them (~5 ms for all of them). Python's own parser and compiler make every
entry; the patterns `fastre.started` gave a start set (Python's program with a new info block)
are kept beside them and handed back to `started`, not put in `re`'s cache.

The file is named by the Python build and its regex engine's version, so another Python never
reads it. It is written with `marshal`, as Python writes its own bytecode cache (`__pycache__`),
and trusted as that is: JSON would cost 12 ms a run to read instead of 3. Any failure reading it (missing, truncated, from an unknown layout, a program the
engine refuses) leaves `re` as it was and the run compiles as usual. A run
that compiled many patterns the file lacked (the first run, a new cpolint) writes it again,
atomically, with the patterns `re`'s cache holds at the end of the run.
"""

from __future__ import annotations

import os
import re
import sys

try:  # the parser and compiler `re.compile` runs (private modules: 3.11 renamed them)
    from re import _compiler, _parser
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_FORMAT = 3  # (format, re's patterns, fastre's started patterns), entries as compile_arguments gives
# A run that compiled at least this many patterns the file lacked writes it again; fewer are
# the patterns made from one article (its key phrase), not worth a write on every run.
REWRITE_AT = 20
# The most patterns kept: `re` holds 512 and then drops the oldest, so this leaves room for
# what a run compiles that the file lacks before any loaded pattern is dropped unused. A run
# on one file compiles ~425 (stop 31), ~480 (stop 34): fewer kept leave some to compile on
# every run, and a file written again on every run.
KEEP = 500

# (type, pattern, flags) -> the arguments of _sre.compile, for what was loaded or written.
_known: dict[tuple, tuple] = {}
# (pattern, flags) -> the same for fastre's started patterns that were loaded.
_known_started: dict[tuple, tuple] = {}


def _engine():
    """The `_sre` module, or None where this cannot work (not CPython, no `re._cache`)."""
    if sys.implementation.name != "cpython" or not isinstance(getattr(re, "_cache", None), dict):
        return None
    try:
        import _sre
    except ImportError:
        return None
    return _sre if hasattr(_sre, "compile") and hasattr(_compiler, "_code") else None


def loaded() -> bool:
    """Whether this process loaded the kept patterns."""
    return bool(_known)


def path() -> str:
    """The file for this Python build, in the data folder (readability.offline.cache_folder)."""
    import zlib

    from cpolint.readability.offline import cache_folder

    sre = _engine()
    magic = getattr(sre, "MAGIC", 0)
    build = f"{sys.version}\0{sys.implementation.cache_tag}\0{magic}\0{getattr(sre, 'CODESIZE', 0)}"
    return os.path.join(cache_folder(), "patterns", f"{sys.implementation.cache_tag}-{zlib.crc32(build.encode()):08x}.marshal")


def load() -> int:
    """Put the kept patterns in `re`'s cache; how many (0 when there is no usable file)."""
    sre = _engine()
    if sre is None:
        return 0
    import marshal

    try:
        with open(path(), "rb") as handle:
            fmt, entries, started = marshal.loads(handle.read())
        if fmt != _FORMAT:
            return 0
        preloaded = {(args[0], args[1]): (make(args, sre), args) for args in started}
        made = {(str, args[0], args[1]): (make(args, sre), args) for args in entries[-KEEP:]}
    except Exception:  # no file, a partial one, another layout: compile as usual
        return 0
    inserted = [key for key in made if key not in re._cache]  # (some stdlib modules compile at import)
    for key in inserted:
        re._cache[key] = made[key][0]
    if inserted:
        # The cache must be the one re.compile reads (its key layout is private too).
        probe = inserted[-1]
        if re.compile(probe[1], probe[2]) is not made[probe][0]:
            for key in inserted:
                if re._cache.get(key) is made[key][0]:
                    del re._cache[key]
            return 0
    _known.update((key, args) for key, (_, args) in made.items())
    from cpolint import fastre

    for key, (compiled, args) in preloaded.items():
        fastre.PRELOADED[key] = compiled
        _known_started[key] = args
    return len(inserted) + len(preloaded)


def make(args: tuple, sre=None) -> re.Pattern:
    """The pattern of an entry (compile_arguments' tuple). The engine checks the program (a
    damaged one is "invalid SRE code"); the check here is that this Python's engine takes the
    arguments in this order."""
    pattern, _, flags, code, groups, groupindex, indexgroup = args
    compiled = (sre or _engine()).compile(pattern, flags, code, groups, groupindex, indexgroup)
    if compiled.pattern != pattern or compiled.flags != flags or compiled.groups != groups:
        raise ValueError(f"the engine made another pattern of {pattern!r}")
    return compiled


def compile_arguments(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile passes to _sre.compile for (pattern, flags), as plain values,
    after (pattern, flags): the layout of an entry."""
    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    state = parsed.state
    groupindex = dict(state.groupdict)
    indexgroup = [None] * state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, int(flags), int(flags | state.flags), code, state.groups - 1, groupindex, tuple(indexgroup))


def save() -> bool:
    """Write the file again if this run compiled REWRITE_AT patterns it lacked; whether written."""
    if _engine() is None:
        return False
    current = [key for key in list(re._cache) if len(key) == 3 and key[0] is str and isinstance(key[2], int)
               and not key[2] & re.DEBUG]
    new = [key for key in current if key not in _known]
    from cpolint import fastre

    started = {**_known_started, **fastre.STARTED_ARGS}
    if len(new) + len(started) - len(_known_started) < REWRITE_AT:
        return False
    import marshal

    entries = []
    for key in current[-KEEP:]:  # the most recently compiled: `re`'s cache is in that order
        args = _known.get(key)
        if args is None:
            try:
                args = compile_arguments(key[1], key[2])
            except Exception:  # a pattern re compiled another way: leave it out
                continue
        entries.append(args)
    from cpolint.textio import write_atomic

    try:  # readers see the old file or the new one, never half of one
        # (the latest KEEP started ones: another schema's or pack's are kept, not without end)
        write_atomic(path(), marshal.dumps((_FORMAT, entries, list(started.values())[-KEEP:])))
    except OSError:  # a read-only data folder: the next run compiles as usual
        return False
    return True
