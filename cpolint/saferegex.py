"""Patterns from YAML files (packs, schemas written by users) with a time limit.

A user's pattern such as `(a|aa)+$` can backtrack for hours on an innocent line. These
patterns run on the `regex` module, whose matcher takes a timeout: a pattern that runs
over the limit raises `PatternTimeout` naming the pattern, and the rule that owns it is
stopped for that file instead of hanging the run.
"""

from __future__ import annotations

import re

import regex

TIME_LIMIT = 0.5  # seconds per search, far above any sane pattern on one block


class PatternTimeout(Exception):
    pass


class SafePattern:
    def __init__(self, pattern: str, flags: int = 0):
        rflags = regex.V0
        if flags & re.I:
            rflags |= regex.I
        if flags & re.M:
            rflags |= regex.M
        if flags & re.S:
            rflags |= regex.S
        self.pattern = pattern
        self._compiled = regex.compile(pattern, rflags)

    def finditer(self, text: str) -> list:
        try:
            return list(self._compiled.finditer(text, timeout=TIME_LIMIT))
        except TimeoutError:
            raise PatternTimeout(f"pattern {self.pattern!r} ran over {TIME_LIMIT} s "
                                 "(catastrophic backtracking?); simplify it") from None

    def search(self, text: str):
        try:
            return self._compiled.search(text, timeout=TIME_LIMIT)
        except TimeoutError:
            raise PatternTimeout(f"pattern {self.pattern!r} ran over {TIME_LIMIT} s "
                                 "(catastrophic backtracking?); simplify it") from None


def compile_user_pattern(pattern: str, flags: int = 0) -> SafePattern:
    """Compile a user pattern; raises ValueError with the reason when it is invalid."""
    try:
        return SafePattern(pattern, flags)
    except regex.error as exc:
        raise ValueError(str(exc)) from None
