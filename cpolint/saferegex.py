"""Patterns from YAML files (packs, schemas written by users) with a time limit.

A user's pattern such as `(a|aa)+$` can backtrack for hours on an innocent line. Patterns
are checked when loaded: one whose repeated groups hold no other repeat and no alternation
cannot backtrack exponentially and runs on the standard `re` module; any other runs on the
`regex` module, whose matcher takes a timeout, so a pattern that runs over the limit raises
`PatternTimeout` naming the pattern and the rule that owns it is stopped for that file
instead of hanging the run.
"""

from __future__ import annotations

import re


TIME_LIMIT = 0.5  # seconds per search, far above any sane pattern on one block


class PatternTimeout(Exception):
    pass


def is_linear(pattern: str, flags: int = 0) -> bool:
    """True when no repeated group holds another repeat or an alternation.

    Those two shapes, `(a+)+` and `(a|aa)+`, are what make backtracking exponential; without
    them a pattern's running time is at worst polynomial in the line length.
    """
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover
        import sre_parse

    def risky(items, in_repeat: bool) -> bool:
        for op, av in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                low, high, sub = av
                repeats = high is None or high > 1
                if in_repeat and repeats:
                    return True  # a repeat inside a repeat: (a+)+
                if risky(sub, in_repeat or repeats):
                    return True
            elif name == "BRANCH":
                if in_repeat:
                    return True
                if any(risky(b, in_repeat) for b in av[1]):
                    return True
            elif name == "SUBPATTERN":
                if risky(av[-1], in_repeat):
                    return True
            elif name in ("ASSERT", "ASSERT_NOT"):
                if risky(av[1], in_repeat):
                    return True
        return False

    try:
        return not risky(sre_parse.parse(pattern, flags), False)
    except Exception:
        return False


class SafePattern:
    """A user pattern. Patterns whose repeats do not nest run on the standard `re` module
    (fast, and at worst polynomial); the others run on `regex` with a time limit."""

    def __init__(self, pattern: str, flags: int = 0, lazy: bool = False, linear: bool | None = None):
        self.pattern = pattern
        self.flags = flags
        self._linear = linear  # is_linear(pattern, flags) when the caller knows it already
        self._ready = False
        self._fast = None
        self._compiled = None
        if not lazy:
            self._compile()

    def _compile(self) -> None:
        """Compile now (patterns from a file checked before compile on first use)."""
        pattern, flags = self.pattern, self.flags
        self._ready = True
        if self.linear():
            try:
                self._fast = re.compile(pattern, flags)
                return
            except re.error:
                self._fast = None
        import regex  # only for patterns that are not linear (its import costs 20 ms)

        rflags = regex.V0
        if flags & re.I:
            rflags |= regex.I
        if flags & re.M:
            rflags |= regex.M
        if flags & re.S:
            rflags |= regex.S
        self._compiled = regex.compile(pattern, rflags)

    def linear(self) -> bool:
        """is_linear(pattern, flags), found once."""
        if self._linear is None:
            self._linear = is_linear(self.pattern, self.flags)
        return self._linear

    def finditer(self, text: str) -> list:
        if not self._ready:
            self._compile()
        if self._fast is not None:
            return list(self._fast.finditer(text))
        try:
            return list(self._compiled.finditer(text, timeout=TIME_LIMIT))
        except TimeoutError:
            raise PatternTimeout(f"pattern {self.pattern!r} ran over {TIME_LIMIT} s "
                                 "(catastrophic backtracking?); simplify it") from None

    def match(self, text: str, pos: int = 0):
        if not self._ready:
            self._compile()
        if self._fast is not None:
            return self._fast.match(text, pos)
        try:
            return self._compiled.match(text, pos, timeout=TIME_LIMIT)
        except TimeoutError:
            raise PatternTimeout(f"pattern {self.pattern!r} ran over {TIME_LIMIT} s "
                                 "(catastrophic backtracking?); simplify it") from None

    def search(self, text: str):
        if not self._ready:
            self._compile()
        if self._fast is not None:
            return self._fast.search(text)
        try:
            return self._compiled.search(text, timeout=TIME_LIMIT)
        except TimeoutError:
            raise PatternTimeout(f"pattern {self.pattern!r} ran over {TIME_LIMIT} s "
                                 "(catastrophic backtracking?); simplify it") from None


def compile_user_pattern(pattern: str, flags: int = 0, lazy: bool = False, linear: bool | None = None) -> SafePattern:
    """Compile a user pattern; raises ValueError with the reason when it is invalid.

    lazy=True skips the check and compiles on first use: for patterns read back from a file
    that was checked when it was first loaded (see yamlio.load_yaml_cached). `linear`, when
    given, is what is_linear would say (or a stricter answer: False runs it on `regex`)."""
    if lazy:
        return SafePattern(pattern, flags, lazy=True, linear=linear)
    try:
        return SafePattern(pattern, flags, linear=linear)
    except re.error as exc:
        raise ValueError(str(exc)) from None
    except Exception as exc:  # regex.error, for patterns only the regex module reads
        if type(exc).__name__ == "error":
            raise ValueError(str(exc)) from None
        raise
