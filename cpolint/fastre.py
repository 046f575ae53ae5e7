"""Regular expressions that Python's engine runs fast, with the same matches.

- Word lists as tries: `re` tries every branch of "one|two|three|..." at every position, so
  forty words cost forty attempts per character; the same words as a trie ("t(?:hree|wo)|...")
  cost one attempt per character that starts no word.
- Whole-word prefilters (`Keyed`): the words one of which every match of a pattern holds,
  found from the parsed pattern; text without any of them is answered "no match" from a set
  lookup, without running the pattern. tests/test_fastre.py checks both on every corpus line.
- First-character lookaheads: under re.IGNORECASE the engine cannot skip ahead to where a
  match could start, so an alternation tries every branch at every position; a lookahead on
  the characters its matches start with (`first_chars`) rejects most positions in one test.
- Start sets (`started`): the search loop skips, in C, to characters a match can start with
  when the compiled program names them, which Python's compiler does only for a pattern that
  opens with a case-free class; `started` names them in the program of any pattern whose first
  characters are known (behind \\b, a lookahead or re.IGNORECASE too): 2-3x faster searches
  where those characters are rare.
- `count_phrase`: a whole-phrase count searched in lower-cased text, where a literal prefix
  lets the engine jump between occurrences.
"""

from __future__ import annotations

import functools
import re

from cpolint import patterncache  # imports nothing of cpolint at module level

# An entry made only of these is a literal: it matches itself, character for character.
_LITERAL = re.compile(r"[\w '’-]+")


def alternation(entries: list[str]) -> str:
    """A regex body matching any of `entries` (regex sources), as `"|".join(entries)` would
    with the entries sorted longest first: literal entries are merged into a trie (which
    prefers the longest literal at a position); the others keep their order, before it."""
    literals = [e for e in entries if _LITERAL.fullmatch(e)]
    others = [e for e in entries if not _LITERAL.fullmatch(e)]
    parts = [f"(?:{e})" for e in others]
    if literals:
        parts.append(_trie(literals))
    # A lookahead on the characters a match can start with lets the engine leave a position
    # after one test instead of trying every alternative there (under re.IGNORECASE it has no
    # faster way to skip): when every entry's first characters are known.
    ahead = lookahead_for(others, {e[0] for e in literals if e})
    return f"{ahead}(?:{'|'.join(parts)})" if ahead else "|".join(parts)


def _char_class(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def lookahead_for(entries: list[str], known: set[str] | None = None) -> str:
    """'(?=[...])' on the characters a match of any of `entries` (regex sources) starts with,
    plus those in `known`; "" when that is not known for one of them (see first_chars)."""
    firsts: set[str] = set(known or ())
    for entry in entries:
        found = first_chars(entry)
        if found is None:
            return ""
        firsts |= found
    return f"(?={_char_class(firsts)})" if firsts else ""


# Every pattern compile_led made, with its source and flags (the tests check each finds what
# the plain pattern finds).
LED: list[tuple[re.Pattern, str, int]] = []


def compile_led(source: str, flags: int = 0) -> re.Pattern:
    """re.compile(source, flags), led by a lookahead on the characters a match starts with.

    Under re.IGNORECASE the engine cannot skip to where a match may start (it does so only
    for case-free first characters) and tries the whole pattern at every position; one
    character-class test there is cheaper. Without re.I, or when the first characters are
    not known, or the pattern is anchored at ^, it is the plain pattern. Either is then
    compiled by `started`, whose start set spares a search even that test where it can."""
    ahead = lookahead_for([source]) if flags & re.I and not source.startswith(("^", "(?=")) else ""
    compiled = started(f"{ahead}(?:{source})" if ahead else source, flags)
    LED.append((compiled, source, flags))
    return compiled


# -- a start set for the engine's search loop ------------------------------------------------
# re's search tries the whole pattern at every position unless the compiled program opens with
# a literal prefix or a set of first characters, which it then skips to in a tight C loop. The
# compiler finds such a set only when the pattern opens with a consuming, case-free class: not
# behind \b or a lookahead, and never under re.IGNORECASE for letters. `started` compiles the
# same pattern with the set of characters every match starts with (case variants included) in
# the program's info block, where the search loop reads it: it only chooses where a match is
# tried, so the matches are the same. 2-3x faster over text where those characters are rare.

# Characters that re.IGNORECASE lets match an ASCII letter besides its two cases (tests check
# this against the engine over every code point).
_CASE_PARTNERS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
STARTED: list[re.Pattern] = []  # what `started` sped up (the tests check each against re.compile)


def _start_items(source: str, flags: int) -> list | None:
    """(op, value) charset items holding every character a match of `source` can start with,
    or None when that is not known or not worth a set."""
    from re import _constants as C

    if flags & (re.X | re.L):
        return None  # first_chars reads the source without flags
    digits: set = set()
    chars = first_chars(source, digits)
    if chars is None or not (chars or digits):
        return None
    if flags & re.I:
        import _sre

        cased = set()
        for c in chars:
            if c.isascii():
                cased |= {c.lower(), c.upper(), *_CASE_PARTNERS.get(c.lower(), "")}
            elif _sre.unicode_iscased(ord(c)):
                return None  # its case partners beyond str.upper/lower are not tabled here
        chars = chars | cased
    return [(C.LITERAL, ord(c)) for c in sorted(chars)] + [(C.CATEGORY, C.CATEGORY_DIGIT) for _ in digits]


# (source, flags) -> the arguments of _sre.compile for a started pattern: what this run built
# (patterncache keeps them for the next run) and the patterns patterncache loaded.
STARTED_ARGS: dict[tuple[str, int], tuple] = {}
PRELOADED: dict[tuple[str, int], re.Pattern] = {}


def started(source: str, flags: int = 0) -> re.Pattern:
    """re.compile(source, flags), its program told the characters matches start with (see
    above); the plain compiled pattern wherever that cannot be done."""
    faster = PRELOADED.get((source, flags))
    if faster is None:
        try:
            args = _started_arguments(source, flags)
            faster = None if args is None else patterncache.make(args)
        except Exception:  # another Python's private compiler, or a program the engine refuses
            faster = None
        if faster is None:
            return re.compile(source, flags)
        STARTED_ARGS[(source, int(flags))] = args
    STARTED.append(faster)
    return faster


def _started_arguments(source: str, flags: int) -> tuple | None:
    """patterncache.compile_arguments for `source` with a start set, or None when it has none
    to gain: Python's own parser and compiler make the program; only its info block is new."""
    # The compiler `re.compile` runs (private: before 3.11 it had another name, and
    # first_chars, hence this, finds nothing there).
    from re import _compiler
    from re import _constants as C

    items = _start_items(source, flags)
    if items is None or not isinstance(source, str):
        return None
    args = patterncache.compile_arguments(source, flags)
    code = args[3]
    # INFO, skip, mask, min width, max width: only a program with no prefix or set of its own
    # and no empty match gains one.
    if code[0] != C.INFO or code[2] != 0 or code[3] == 0:
        return None
    body = code[1] + 1
    if code[body] == C.AT and code[body + 1] in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
        return None  # search gives up after the first position; a set would make it try them all
    charset, _ = _compiler._optimize_charset(items)
    info = [C.INFO, 0, C.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, args[2], info)
    info[1] = len(info) - 1
    return args[:3] + ([int(c) for c in info] + code[body:],) + args[4:]


_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]")


def _class_chars(items, widest: int) -> set[str] | None:
    """The characters of a parsed class ([...]), or None when it is negated, holds a category
    (\\w, \\d ...) or a range wider than `widest`."""
    from re import _constants as C

    chars: set[str] = set()
    for kind, value in items:
        if kind is C.LITERAL:
            chars.add(chr(value))
        elif kind is C.RANGE and value[1] - value[0] < widest:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        else:
            return None
    return chars


def first_chars(source: str, digits: set | None = None) -> set[str] | None:
    """A set holding every character a match of `source` can start with, or None when that is
    not known (a class such as \\w or [^...], ".", a back reference, or a match that may be empty).
    With `digits`, \\d is allowed too: a match that may start with a digit adds "d" to it."""
    if _INLINE_FLAGS.search(source):
        return None  # "(?i:...)" inside an entry: the lookahead outside would not share the flag
    try:
        from re import _constants as C
        from re import _parser

        items = list(_parser.parse(source))
    except (ImportError, re.error):
        return None

    def seq(ops) -> tuple[set[str] | None, bool]:
        """(first characters, whether the whole sequence can match the empty string)."""
        out: set[str] = set()
        for op, av in ops:
            if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
                continue  # zero width: the first character comes after it
            found, empty = one(op, av)
            if found is None:
                return None, False
            out |= found
            if not empty:
                return out, False
        return out, True

    def one(op, av) -> tuple[set[str] | None, bool]:
        if op is C.LITERAL:
            return {chr(av)}, False
        if op is C.IN:
            if digits is not None and (C.CATEGORY, C.CATEGORY_DIGIT) in av:
                digits.add("d")
                av = [item for item in av if item != (C.CATEGORY, C.CATEGORY_DIGIT)]
            return _class_chars(av, 80), False
        if op is C.SUBPATTERN:
            return seq(av[-1])
        if op is C.BRANCH:
            chars, empty = set(), False
            for branch in av[1]:
                found, e = seq(branch)
                if found is None:
                    return None, False
                chars |= found
                empty = empty or e
            return chars, empty
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
            found, empty = seq(av[2])
            return found, (empty or av[0] == 0) if found is not None else False
        return None, False

    found, empty = seq(items)
    return None if found is None or empty else found


def _trie(words: list[str]) -> str:
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word may end here: the longer words through this node are tried first (greedy "?").
    return f"(?:{body})?" if "" in node else body


# -- whole-word prefilters -------------------------------------------------------------------
# Most sentences hold none of a lexicon's words, and a set lookup per word is far cheaper than
# running the lexicon's pattern over the sentence. A Keyed pattern knows words one of which
# every match contains as a whole word; on text holding none of them it answers "no match"
# without running.

_WORD_RUN = re.compile(r"\w+")
_words_memo: dict[str, frozenset] = {}
# Typographic punctuation (never \w) and the typographic spaces: made spaces or deleted, they
# leave most real text ASCII, which byte tables then split in C.
TYPOGRAPHIC_PUNCTUATION = "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00ab\u00bb\u2022\u00b7\u200b"
TYPOGRAPHIC_SPACES = "\u00a0\u2009"
_PUNCTUATION_SPACES = str.maketrans(dict.fromkeys(TYPOGRAPHIC_PUNCTUATION + TYPOGRAPHIC_SPACES, " "))


def byte_table(keep) -> bytes:
    """A bytes.translate table that keeps the bytes for which keep(character) holds and makes
    every other byte a space (those of a UTF-8 character above 0x7f included)."""
    return bytes(c if c < 128 and keep(chr(c)) else 32 for c in range(256))


def split_runs(text: str, table: bytes) -> list[str]:
    """The whitespace-split runs of the characters `table` keeps: what findall of a pattern
    like [a-z]+ returns, in C, without the regex engine's ~1,000 instructions a match."""
    return text.encode("utf-8", "surrogatepass").translate(table).decode("ascii").split()


_WORD_BYTES = byte_table(lambda ch: ch.isalnum() or ch == "_")


def word_runs(text: str) -> list[str]:
    """_WORD_RUN.findall(text) (the runs of \\w), mostly without the regex engine: a text with
    non-ASCII letters goes to the pattern."""
    if not text.isascii():
        text = text.translate(_PUNCTUATION_SPACES)
        if not text.isascii():
            return _WORD_RUN.findall(text)
    return split_runs(text, _WORD_BYTES)


def _fold_table() -> dict[int, str]:
    """Characters that `re.IGNORECASE` treats as one ("s" and long "ſ", "i" and dotless "ı",
    the Greek variants ...), each mapped to one of its class."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:  # pragma: no cover - Python before 3.11
        return {}
    table = {}
    for code, others in _EXTRA_CASES.items():
        group = {code, *others}
        table[code] = chr(min(group))
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower case as `re.IGNORECASE` compares characters: str.lower, then "İ" as plain "i" (str.lower
    adds a combining dot) and the characters re treats as equal to another mapped to one."""
    low = text.lower()
    if low.isascii():
        return low
    return low.replace("i\u0307", "i").translate(_FOLD)


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w is to `re` in a str pattern


# Characters that `re.IGNORECASE` lets match an ASCII letter although str.lower() does not
# turn them into it (long s, dotless i, dotted capital I ... and the rest of _FOLD): text
# holding one is counted by the plain case-insensitive pattern.
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a\u0307" + "".join(
    re.escape(chr(c)) for c in sorted(_FOLD) if c > 127) + "]")


def count_phrase(phrase: str, text: str) -> int:
    r"""Uses of `phrase` (a plural "s" allowed) as whole words, case-insensitively, as
    len(re.findall(r"\bFIRST\s+...\s+LASTs?\b", text, re.I)) counts them.

    Searched in the lower-cased text without re.IGNORECASE and without the leading \b: the
    engine then jumps between occurrences of the first word instead of trying the pattern at
    every character; the word boundary before a match is checked by hand.
    """
    words = phrase.lower().split()
    if not words or not phrase.isascii() or not is_word_char(words[0][0]) \
            or (not text.isascii() and _CASE_TRAPS.search(text)):
        return len(re.findall(r"\b" + r"\s+".join(map(re.escape, words)) + r"s?\b", text, re.I))
    pattern = re.compile(r"\s+".join(map(re.escape, words)) + r"s?\b")
    low = text.lower()
    count, pos = 0, 0
    while True:
        m = pattern.search(low, pos)
        if m is None:
            return count
        start = m.start()
        if start and is_word_char(low[start - 1]):
            pos = start + 1  # inside a longer word: where \b would have refused it
            continue
        count += 1
        pos = m.end()


def words_in(text: str) -> frozenset:
    """The folded runs of word characters in `text` (memoised: rules ask about the same
    sentences and blocks again and again)."""
    found = _words_memo.get(text)
    if found is None:
        if len(_words_memo) > 50_000:
            _words_memo.clear()
        found = _words_memo[text] = frozenset(word_runs(fold(text)))
    return found


class Keyed:
    """A compiled pattern with a whole-word prefilter; other methods go to the pattern.

    `rest`, if given, is the same template over the entries that have no prefilter words:
    on text without the keys, only those can match, so only they run.
    """

    def __init__(self, compiled: re.Pattern, keys, rest: re.Pattern | None = None):
        self.compiled = compiled
        self.keys = frozenset(fold(k) for k in keys)
        self.rest = rest

    def pick(self, words) -> re.Pattern | None:
        """The pattern to run on a text with these words (words_in), or None: no match."""
        return self.rest if self.keys.isdisjoint(words) else self.compiled

    def _for(self, text: str) -> re.Pattern | None:
        # The memo first, without the words_in call: rules ask this hundreds of times a file.
        words = _words_memo.get(text)
        if words is None:
            words = words_in(text)
        return self.rest if self.keys.isdisjoint(words) else self.compiled

    def search(self, text: str, *args):
        # _for written out: the most frequent call of all (~800 an article), and a miss
        # costs little more than the calls around it.
        words = _words_memo.get(text)
        if words is None:
            words = words_in(text)
        pattern = self.rest if self.keys.isdisjoint(words) else self.compiled
        return pattern.search(text, *args) if pattern is not None else None

    def finditer(self, text: str, *args):
        pattern = self._for(text)
        return pattern.finditer(text, *args) if pattern is not None else iter(())

    def findall(self, text: str, *args):
        pattern = self._for(text)
        return pattern.findall(text, *args) if pattern is not None else []

    def match(self, text: str, *args):
        pattern = self._for(text)
        return pattern.match(text, *args) if pattern is not None else None

    def fullmatch(self, text: str, *args):
        pattern = self._for(text)
        return pattern.fullmatch(text, *args) if pattern is not None else None

    # The compiled pattern's other attributes, written out rather than by _forward: compiled,
    # this class is an extension type (fastre.pxd), which takes no attribute once it is made.
    @property
    def pattern(self):
        return self.compiled.pattern

    @property
    def flags(self):
        return self.compiled.flags

    @property
    def groups(self):
        return self.compiled.groups

    @property
    def groupindex(self):
        return self.compiled.groupindex

    def sub(self, *args, **kwargs):
        return self.compiled.sub(*args, **kwargs)

    def subn(self, *args, **kwargs):
        return self.compiled.subn(*args, **kwargs)

    def split(self, *args, **kwargs):
        return self.compiled.split(*args, **kwargs)

    def scanner(self, *args, **kwargs):
        return self.compiled.scanner(*args, **kwargs)


_folded: dict[str, str] = {}


class Needled:
    """A compiled pattern behind a substring prefilter, for patterns whose words are not whole
    ("America[n]?" has no boundary after it, so "Americana" matches): every match holds one of
    `needles` (lower case) in the folded text, or one of `words` as a whole word, so a text
    with neither has no match. The needles are the pattern author's, checked by tests against
    the plain pattern; other methods go to the pattern."""

    def __init__(self, compiled: re.Pattern, needles, words=()):
        self.compiled = compiled
        self.needles = tuple(needles)
        self.words = frozenset(words)

    def _may_match(self, text: str) -> bool:
        if self.words:
            words = _words_memo.get(text)
            if not self.words.isdisjoint(words if words is not None else words_in(text)):
                return True
        low = _folded.get(text)
        if low is None:  # once per text: the families behind needles ask about the same texts
            if len(_folded) > 50_000:
                _folded.clear()
            low = _folded[text] = fold(text)
        for needle in self.needles:
            if needle in low:
                return True
        return False

    def search(self, text: str, *args):
        return self.compiled.search(text, *args) if self._may_match(text) else None

    def finditer(self, text: str, *args):
        return self.compiled.finditer(text, *args) if self._may_match(text) else iter(())


def _forward(cls, names) -> None:
    """The compiled pattern's own attributes and methods, on `cls`, for what it does not
    prefilter (.pattern, .sub ...). Named one by one, not by __getattr__: a class with
    __getattr__ pays a hook on every attribute lookup, and search is called ~1,000 times a
    file. Keyed writes its forwarders out instead (compiled, it is an extension type)."""
    for name in names:
        if not hasattr(cls, name):
            setattr(cls, name, property(lambda self, _n=name: getattr(self.compiled, _n)))


_PATTERN_ATTRIBUTES = ("pattern", "flags", "groups", "groupindex", "search", "match", "fullmatch", "finditer",
                       "findall", "sub", "subn", "split", "scanner")
_forward(Needled, _PATTERN_ATTRIBUTES)


# How much a prefilter word costs: function words are in nearly every sentence (10), frequent
# words in many (1), and so are the words career articles use all through (company, role, team,
# product, salary ...: "product" let the role pattern run on ~13 sentences an article that did
# not name the role). Any part of a pattern is a correct prefilter; the cheapest one is kept.
_STOP = frozenset("""a an and are as at be by for from has have i in is it its of on or that the this to was we
will with you your our their not can do would could should may might must there then than when what which who
how why where m s t""".split())
_COMMON = frozenset("""need needs make made time work first each every following last like want also more most
some any all no one two new other them these those about into over after before up out just only so very well way
use used using get got good great best many much few own same such even back still here team look add check
update
company companies business businesses role roles job jobs career careers teams experience skill skills salary
salaries industry manager managers management product products marketing customer customers market data
article section content required review""".split())


def _word_cost(word: str) -> int:
    return 10 if word in _STOP else 1 if word in _COMMON else 0


def _cost(words) -> tuple[int, int]:
    return sum(map(_word_cost, words)), len(words)


def _rarest(words: list[str]) -> str:
    """The cheapest word, the longest among equals."""
    return min(words, key=lambda w: (_word_cost(w), -len(w)))


@functools.lru_cache(maxsize=4096)
def required_words(source: str, bounded_start: bool = True, bounded_end: bool = True, limit: int = 300):
    """Words (lower case) one of which every match of `source` contains whole, or None.

    bounded_start/bounded_end: the pattern is placed behind/ahead of a word boundary (the
    lexicon templates are), so its first/last word is whole in the text too. Found from the
    parsed pattern: for each part that every match goes through (a literal, a group of
    alternatives, a class), the words its spellings hold whole; the part with the fewest
    common words wins. None when no part qualifies (e.g. "x+" or "\\d+ comments?").
    """
    if _LITERAL.fullmatch(source):  # most lexicon entries: no need to parse
        low = fold(source)
        runs = list(_WORD_RUN.finditer(low))
        whole = [m.group(0) for m in runs
                 if (m.start() > 0 or bounded_start) and (m.end() < len(low) or bounded_end)]
        return {_rarest(whole)} if whole else None
    try:
        from re import _constants as C
        from re import _parser
    except ImportError:  # pragma: no cover - Python before 3.11
        return None
    try:
        ops = list(_parser.parse(source))
    except re.error:
        return None
    boundaries = {C.AT_BOUNDARY, C.AT_BEGINNING, C.AT_BEGINNING_STRING, C.AT_END, C.AT_END_STRING}

    memo: dict[tuple, set[str] | None] = {}

    def spellings(op, av) -> set[str] | None:
        """Every string `op` can match, when there are few (AT ops match the empty string)."""
        if op is C.LITERAL:
            return {chr(av)}
        key = (op, id(av))
        if key not in memo:
            memo[key] = _spellings(op, av)
        return memo[key]

    space = [(C.CATEGORY, C.CATEGORY_SPACE)]

    def _spellings(op, av) -> set[str] | None:
        if op is C.AT:
            return {""} if av in boundaries else None
        if op is C.IN:
            # White space (\s) stands for one space: any of it separates words as a space does.
            return {" "} if av == space else _class_chars(av, 40)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and list(av[2]) == [(C.IN, space)]:
            return {" "} if av[0] else {"", " "}  # \s+ ("chief\s+executive"), \s*, \s?
        if op is C.SUBPATTERN:
            return sequence(list(av[-1]))
        if op is C.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                found = sequence(list(branch))
                if found is None:
                    return None
                out |= found
            return out
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[1] is not C.MAXREPEAT and av[1] <= 2:
            body = sequence(list(av[2]))
            if body is None:
                return None
            out, current = set(), {""}
            for k in range(av[1] + 1):
                if k >= av[0]:
                    out |= current
                current = {a + b for a in current for b in body}
            return out
        return None

    def sequence(items) -> set[str] | None:
        strings = {""}
        for op, av in items:
            options = spellings(op, av)
            if options is None:
                return None
            strings = {a + b for a in strings for b in options}
            if len(strings) > limit:
                return None
        return strings

    def side(op, av, step) -> tuple[bool, bool]:
        """(every character `op` can put at its start (step 1) or end (step -1) is a non-word
        character, `op` can match the empty string)."""
        if op is C.LITERAL:
            return not _WORD_RUN.match(chr(av)), False
        if op is C.AT:
            return av in boundaries, True
        if op is C.IN:
            ok = True
            for kind, value in av:
                if kind is C.LITERAL:
                    ok = ok and not _WORD_RUN.match(chr(value))
                elif kind is C.CATEGORY:
                    ok = ok and value in (C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD)
                else:
                    ok = False
            return ok, False
        if op is C.SUBPATTERN:
            return run_side(list(av[-1]), step)
        if op is C.BRANCH:
            found = [run_side(list(b), step) for b in av[1]]
            return all(nw for nw, _ in found), any(empty for _, empty in found)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            nw, empty = run_side(list(av[2]), step)
            return nw, empty or av[0] == 0
        return False, False

    word = [(C.IN, [(C.CATEGORY, C.CATEGORY_WORD)])]

    def run_side(items, step) -> tuple[bool, bool]:
        for op, av in (items if step > 0 else reversed(items)):
            if op is C.ASSERT_NOT and av[0] == step and list(av[1]) == word:
                return True, False  # "(?<!\w)" before, "(?!\w)" after: a word boundary
            if op in (C.ASSERT, C.ASSERT_NOT):
                continue  # zero width: the character comes from the ops beyond it
            nw, empty = side(op, av, step)
            if op is C.AT and nw:
                return True, False  # a word boundary settles it
            if not nw:
                return False, empty
            if not empty:
                return True, False
        return True, True

    def edge(index: int, step: int) -> bool:
        """Whether the character before (step -1) or after (step 1) op `index` is never a word character."""
        rest = ops[index + 1:] if step > 0 else ops[:index]
        nw, empty = run_side(rest, step)
        if not nw:
            return False
        if empty:
            return bounded_end if step > 0 else bounded_start
        return True

    # Candidate parts: each op alone or with the next one or two, and each longest run of
    # ops with few spellings (consecutive literals are separate ops: "optimi[sz]e" is a run of seven).
    units, start = [], 0
    for i, (op, av) in enumerate(ops + [(None, None)]):
        if i == len(ops) or spellings(op, av) is None:
            if i - start > 1:
                units.append((start, i))
            start = i + 1
        if i < len(ops):
            units += [(i, j) for j in range(i + 1, min(i + 4, len(ops) + 1))]  # short runs too: "(article|post)s?"
    # And each run of literal characters, however long: " kept " between two groups is one
    # word every match holds (the runs above stop at three characters, so only the groups
    # around it, "(brief|short|concise|high-level)", could key such an entry).
    start = None
    for i, (op, _) in enumerate(ops + [(None, None)]):
        if op is C.LITERAL:
            start = i if start is None else start
        elif start is not None:
            if i - start > 3:  # with an op on either side too: "notes?", "(co-)?founder"
                units += [(a, b) for a in (start - 1, start) for b in (i, i + 1) if a >= 0 and b <= len(ops)]
            start = None
    best = None
    for i, j in units:
        # A word boundary at either end of a part is its neighbour, not part of it.
        while i < j and ops[i][0] is C.AT:
            i += 1
        while j > i and ops[j - 1][0] is C.AT:
            j -= 1
        if i == j:
            continue
        options = sequence(ops[i:j])
        if options is None or "" in options:
            continue  # not a part every match goes through with some text
        left, right = edge(i, -1), edge(j - 1, 1)
        keys = set()
        for text in options:
            whole = [fold(m.group(0)) for m in _WORD_RUN.finditer(text)
                     if (m.start() > 0 or left) and (m.end() < len(text) or right)]
            if not whole:
                keys = None
                break
            keys.add(_rarest(whole))
        if keys is None:
            continue
        score = _cost(keys)
        if best is None or score < best[0]:
            best = (score, keys)
    return best[1] if best else None


def keyed(compiled: re.Pattern) -> "Keyed | re.Pattern":
    """`compiled` behind a whole-word prefilter found from the pattern itself (which must carry
    its own word boundaries), or `compiled` unchanged when it has none."""
    keys = entry_keys([compiled.pattern], "(?:{body})")[0]
    return compiled if keys is None else Keyed(compiled, keys)


def prefiltered(entries: list[str], template: str, build, words: list | None = None):
    """`build(entries)`, a compiled alternation of the entries placed in `template`, behind the
    entries' prefilter words; the entries that have none are built alone, for text without the
    keys. The one way lexicons (registry) and schema cues and headings get their prefilter.
    `words`: each entry's words (entry_keys' answer), when the caller has them."""
    compiled = build(entries)
    keys, rest = lexicon_keys(entries, template, words)
    if keys is None:
        return compiled
    return Keyed(compiled, keys, build(rest) if rest else None)


_KEYS_VERSION = 14  # of required_words: cached keys from another version are not read


def lexicon_keys(entries: list[str], template: str, words: list | None = None) -> tuple[set[str] | None, list[str]]:
    """(prefilter words, entries without any) for a lexicon placed in `template`; the words
    are None when no entry has any. `words`: as for prefiltered."""
    keys: set[str] = set()
    rest = []
    for entry, found in zip(entries, words if words is not None else entry_keys(entries, template)):
        if found is None:
            rest.append(entry)
        else:
            keys |= found
    return (None if len(rest) == len(entries) else keys), rest


def _bounds(template: str) -> tuple[bool, bool]:
    """Whether `template` puts a word boundary before and after "{body}" ("^", "\\b", a look
    behind or ahead that refuses a word character)."""
    before, _, after = template.partition("{body}")
    after = after.lstrip(")")
    return (before.startswith(("^", r"\b", r"(?<![\w")),
            after.startswith(("$", r"\b", r"(?![\w", r"(?!\w")))


def entry_keys(entries: list[str], template: str) -> list[frozenset | None]:
    """Each entry's prefilter words (None for an entry without any), placed in `template`.

    Finding them parses every entry (~2 ms a lexicon), so the answer is kept in the cache
    folder by content: a cold run on one file reads it back instead.
    """
    import hashlib
    import json
    import os

    from cpolint import __version__
    from cpolint.readability.offline import cache_folder

    start, end = _bounds(template)
    digest = hashlib.sha256(f"{__version__}\0{_KEYS_VERSION}\0{start}{end}\0".encode() +
                            "\0".join(entries).encode("utf-8", "surrogatepass")).hexdigest()
    path = os.path.join(cache_folder(), "lexicon-keys", digest + ".json")
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        if isinstance(data, list) and len(data) == len(entries) and all(
                k is None or (isinstance(k, list) and all(isinstance(w, str) for w in k)) for k in data):
            return [None if k is None else frozenset(map(fold, k)) for k in data]
    except (OSError, ValueError):
        pass
    out = []
    for entry in entries:
        found = required_words(entry, start, end)
        out.append(None if found is None else frozenset(map(fold, found)))
    from cpolint.textio import write_cache_file

    write_cache_file(path, json.dumps([None if k is None else sorted(k) for k in out]).encode("utf-8"))
    return out
