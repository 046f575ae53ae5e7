"""textstat's readability formulas, computed in one pass over each block.

textstat recomputes word lists, syllables and sentence splits per metric and per text, with
a regular expression and a cache lookup per word: about 40 ms for one article and its
sections. Every count these seven formulas use is additive over blocks that each end a
sentence (words, syllables, polysyllables, difficult words, letters, characters, sentence
fragments), so cpolint counts each block once, adds the counts up for the article and for
each section, and applies textstat's own expressions, in textstat's own arithmetic order.

The definitions below are textstat 0.7's, word for word (list_words, remove_punctuation,
count_sentences, count_syllables with the CMU dictionary then Pyphen, is_difficult_word
with textstat's easy-word list). tests/test_readability.py checks every figure against
textstat called directly on the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cpolint.fastre import TYPOGRAPHIC_PUNCTUATION, TYPOGRAPHIC_SPACES

_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_NOT_WORD_RUN = re.compile(r"\W+")
# The ASCII characters each of these patterns matches, for deleting them from ASCII text with
# bytes.translate: a substitution pays the regex engine ~1,000 instructions a match.
_PUNCTUATION_BYTES = bytes(c for c in range(128) if _PUNCTUATION.match(chr(c)))
_NOT_WORD_BYTES = bytes(c for c in range(128) if _NOT_WORD_RUN.match(chr(c)))
# Typographic punctuation, deleted (_PUNCTUATION's and _NOT_WORD_RUN's) and white space made a
# space (split's and \W's): most real text is ASCII after this.
_TYPOGRAPHY = str.maketrans({**dict.fromkeys(TYPOGRAPHIC_PUNCTUATION), **dict.fromkeys(TYPOGRAPHIC_SPACES, " ")})


def _ascii_for_deletion(text: str) -> str | None:
    """`text` as ASCII with its typographic punctuation deleted, or None if that is not enough."""
    if text.isascii():
        return text
    text = text.translate(_TYPOGRAPHY)
    return text if text.isascii() else None
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)

_syllables: dict[str, int] = {}
_state: dict = {}


def _resources():
    """The CMU syllable table and textstat's easy-word list, read without importing textstat
    (its import alone takes 30 ms of every cold run)."""
    if not _state:
        from cpolint.readability.offline import syllable_table

        _state["cmu"] = syllable_table()
        _state["easy"] = _easy_words()
    return _state["cmu"], _state["easy"]


def _easy_words() -> set[str]:
    """textstat's resources/en/easy_words.txt, as textstat reads it (stripped lines)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("textstat")
    folder = list(spec.submodule_search_locations or [])[0] if spec else None
    path = os.path.join(folder, "resources", "en", "easy_words.txt") if folder else None
    if path is None or not os.path.exists(path):  # an unusual install: ask textstat itself
        from cpolint.readability.offline import textstat

        textstat()
        from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

        return get_lang_easy_words("en_US")
    with open(path, encoding="utf-8") as handle:
        return {line.strip() for line in handle}


def _hyphenation_points(word: str) -> int:
    """len(Pyphen(lang="en_US").positions(word)), Pyphen's algorithm over Pyphen's patterns.

    It is Liang's algorithm as pyphen 0.x writes it (HyphDict.positions, then the 2-letter
    left and right margins of Pyphen.positions); the patterns come from a flat marshal copy in
    the cache folder, so neither the patterns file is parsed (80 ms) nor pyphen imported
    (15 ms) on a cold run. tests/test_readability.py checks it against pyphen itself.
    """
    patterns, maxlen = _hyphenation()
    word = word.lower()
    pointed = f".{word}."
    references = [0] * (len(pointed) + 1)
    for i in range(len(pointed) - 1):
        stop = min(i + maxlen, len(pointed)) + 1
        for j in range(i + 1, stop):
            pattern = patterns.get(pointed[i:j])
            if not pattern:
                continue
            offset, values = pattern[0], pattern[1:]
            window = slice(i + offset, i + offset + len(values))
            references[window] = map(max, values, references[window])
    right = len(word) - 2
    return sum(1 for i, ref in enumerate(references) if ref % 2 and 2 <= i - 1 <= right)


def _hyphenation() -> tuple[dict, int]:
    if "hyphenation" not in _state:
        _state["hyphenation"] = _load_hyphenation()
    return _state["hyphenation"]


def _load_hyphenation() -> tuple[dict, int]:
    import importlib.util
    import os

    from cpolint.readability.offline import cache_folder

    spec = importlib.util.find_spec("pyphen")
    folder = list(spec.submodule_search_locations)[0]
    source = os.path.join(folder, "dictionaries", "hyph_en_US.dic")
    st = os.stat(source)
    copy = os.path.join(cache_folder(), f"hyphenation-v2-en_US-{st.st_size}-{int(st.st_mtime)}.marshal")
    try:
        import marshal  # plain data only (str, bytes, int, dict): nothing in it can run

        with open(copy, "rb") as handle:
            data = marshal.load(handle)
        return data["patterns"], data["maxlen"]
    except (OSError, ValueError, KeyError, EOFError, TypeError):
        pass
    import pyphen

    hd = pyphen.HyphDict(pyphen.Path(source))
    # Each pattern as bytes (offset, then the values, all small): a flat table loads ten times
    # faster than one of nested lists.
    patterns = {k: bytes([offset, *values]) for k, (offset, values) in hd.patterns.items()}
    import marshal

    from cpolint.textio import write_cache_file

    write_cache_file(copy, marshal.dumps({"patterns": patterns, "maxlen": hd.maxlen}))
    return patterns, hd.maxlen


def list_words(text: str) -> list[str]:
    """textstat's list_words(text) with its defaults."""
    if "'" in text:
        text = _NONCONTRACTION_APOSTROPHE.sub("", text)
    plain = _ascii_for_deletion(text)
    if plain is not None:
        return plain.encode("ascii").translate(None, _PUNCTUATION_BYTES).decode("ascii").split()
    return _PUNCTUATION.sub("", text).split()


def _word_characters(text: str) -> int:
    """len(_NOT_WORD_RUN.sub("", text)): the characters of \\w in the text."""
    plain = _ascii_for_deletion(text)
    if plain is not None:
        return len(plain.encode("ascii").translate(None, _NOT_WORD_BYTES))
    return len(_NOT_WORD_RUN.sub("", text))


def syllables(word: str) -> int:
    """textstat's count_syllables for one word: CMU dictionary, else Pyphen positions + 1."""
    low = word.lower()
    n = _syllables.get(low)
    if n is None:
        cmu, _ = _resources()
        n = cmu.get(low)
        if n is None:
            n = _hyphenation_points(low) + 1
        _syllables[low] = n
    return n


@dataclass
class Counts:
    words: int = 0  # textstat count_words (punctuation removed)
    raw_words: int = 0  # count_words(rm_punctuation=False): whitespace-separated tokens
    syllables: int = 0
    polysyllables: int = 0  # words of 3+ syllables
    hard_words_fog: int = 0  # not easy, 3+ syllables (Gunning fog)
    hard_words_dale_chall: int = 0  # not easy (Dale-Chall)
    letters: int = 0  # word characters
    chars: int = 0  # non-space characters
    sentence_fragments: int = 0
    short_fragments: int = 0  # fragments of two words or fewer, which textstat ignores

    def __init__(self, words: int = 0, raw_words: int = 0, syllables: int = 0, polysyllables: int = 0,
                 hard_words_fog: int = 0, hard_words_dale_chall: int = 0, letters: int = 0, chars: int = 0,
                 sentence_fragments: int = 0, short_fragments: int = 0):  # written out: see model.Block
        self.words = words
        self.raw_words = raw_words
        self.syllables = syllables
        self.polysyllables = polysyllables
        self.hard_words_fog = hard_words_fog
        self.hard_words_dale_chall = hard_words_dale_chall
        self.letters = letters
        self.chars = chars
        self.sentence_fragments = sentence_fragments
        self.short_fragments = short_fragments


_block_cache: dict[str, Counts] = {}
# word -> (syllables, 3+ syllables, not easy): one lookup per distinct word of a block.
_word_facts: dict[str, tuple[int, bool, bool]] = {}


def _facts(word: str) -> tuple[int, bool, bool]:
    n = syllables(word)
    _, easy = _resources()
    facts = (n, n >= 3, word.lower() not in easy)
    if len(_word_facts) > 200_000:
        _word_facts.clear()
    _word_facts[word] = facts
    return facts


def count(text: str) -> Counts:
    """Counts for one block's text (which ends a sentence)."""
    cached = _block_cache.get(text)
    if cached is not None:
        return cached
    c = Counts()
    words = list_words(text)
    c.words = len(words)
    tally: dict[str, int] = {}  # a Counter's constructor runs in the interpreter: a loop here does not
    for word in words:
        tally[word] = tally.get(word, 0) + 1
    for word, k in tally.items():
        n, poly, hard = _word_facts.get(word) or _facts(word)
        c.syllables += n * k
        if poly:
            c.polysyllables += k
        if hard:
            c.hard_words_dale_chall += k
            if poly:
                c.hard_words_fog += k
    tokens = text.split()
    c.raw_words = len(tokens)
    # Whitespace is \W too, so one substitution over runs counts the word characters.
    c.letters = _word_characters(text)
    c.chars = sum(map(len, tokens))  # str.split and regex \s agree on what whitespace is
    for fragment in _SENTENCE.findall(text):
        c.sentence_fragments += 1
        if _short_fragment(fragment):
            c.short_fragments += 1
    if len(_block_cache) > 20_000:
        _block_cache.clear()
    _block_cache[text] = c
    return c


def _short_fragment(fragment: str) -> bool:
    """len(list_words(fragment)) <= 2, mostly without cleaning the fragment: cleaning only
    removes characters, so three tokens that hold a word character are three words."""
    parts = fragment.split(None, 3)
    if len(parts) <= 2:
        return True
    if all(any(ch.isalnum() or ch == "_" for ch in part) for part in parts[:3]):
        return False
    return len(list_words(fragment)) <= 2


def total(counts: list[Counts]) -> Counts:
    """The field-by-field sum (written out: a sum of getattr over a generator per field cost
    five times as much; tests/test_readability.py holds it to Counts' fields)."""
    out = Counts()
    for c in counts:
        out.words += c.words
        out.raw_words += c.raw_words
        out.syllables += c.syllables
        out.polysyllables += c.polysyllables
        out.hard_words_fog += c.hard_words_fog
        out.hard_words_dale_chall += c.hard_words_dale_chall
        out.letters += c.letters
        out.chars += c.chars
        out.sentence_fragments += c.sentence_fragments
        out.short_fragments += c.short_fragments
    return out


def scores(c: Counts) -> dict[str, float]:
    """The seven scores, by textstat's expressions (textstat's own zero guards included)."""
    sentences = max(1, c.sentence_fragments - c.short_fragments) if c.chars else 0
    words = c.words
    wps = words / sentences if sentences else 0.0
    spw = c.syllables / words if words else 0.0
    out = {}
    out["flesch_reading_ease"] = 0.0 if wps == 0 or spw == 0 else 206.835 - 1.015 * wps - 84.6 * spw
    out["flesch_kincaid_grade"] = 0.0 if wps == 0 or spw == 0 else (0.39 * wps) + (11.8 * spw) - 15.59
    out["gunning_fog"] = 0.0 if not words else 0.4 * (wps + 100 * c.hard_words_fog / words)
    out["smog_index"] = 0.0 if not sentences else (1.043 * (30 * (c.polysyllables / sentences)) ** 0.5) + 3.1291
    letters = (c.letters / words if words else 0.0) * 100
    per_word = (sentences / words if words else 0.0) * 100
    out["coleman_liau_index"] = 0.0 if letters == 0 or per_word == 0 else (0.058 * letters) - (0.296 * per_word) - 15.8
    cpw = c.chars / c.raw_words if c.raw_words else 0.0
    out["automated_readability_index"] = 0.0 if cpw == 0 or wps == 0 else (4.71 * cpw) + (0.5 * wps) - 21.43
    if not words:
        out["dale_chall_readability_score"] = 0.0
    else:
        per_hard = 100 * c.hard_words_dale_chall / words
        score = (0.1579 * per_hard) + (0.0496 * wps)
        if per_hard > 5:
            score += 3.6365
        out["dale_chall_readability_score"] = score
    return out
