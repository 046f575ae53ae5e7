"""The kept compiled patterns: each one matches as `re` compiling it afresh does, and a file
that cannot be used is never used."""

from __future__ import annotations

import marshal
import os
import re

import pytest

from conftest import CORPUS, run_cli
from cpolint import fastre, patterncache

try:
    from re import _compiler
except ImportError:  # Python 3.10
    import sre_compile as _compiler

pytestmark = pytest.mark.skipif(patterncache._engine() is None, reason="needs CPython's re internals")


def _file(data_dir) -> tuple:
    (found,) = (data_dir / "patterns").glob("*.marshal")
    fmt, entries, started = marshal.loads(found.read_bytes())
    assert fmt == patterncache._FORMAT
    return entries, started


def _entries(data_dir) -> list[tuple]:
    return _file(data_dir)[0]


def _corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.rglob("*"))
            if p.suffix in (".txt", ".md", ".html") and p.is_file()][::6]


def test_every_kept_pattern_matches_as_a_fresh_compile(tmp_path, monkeypatch):
    data = tmp_path / "data"
    article = CORPUS / "contradiction" / "experience-conflicts.md"
    env = {"CPOLINT_DATA_DIR": str(data)}
    first = run_cli("check", "--format", "json", "--no-cache", article, env=env)
    # The first run in a new data folder also compiles every lexicon entry once (reading the
    # YAML), which pushes the patterns compiled at import out of `re`'s cache: the second
    # run compiles those again and writes the file again with them.
    assert run_cli("check", "--format", "json", "--no-cache", article, env=env).stdout == first.stdout
    entries, started = _file(data)
    assert len(entries) >= 200  # cpolint's rules and lexicons, spaCy's tokenizer
    assert len(started) >= 60  # fastre.started's: lexicons, claims, the role's names ...
    from cpolint.document.model import WORD

    assert (WORD.pattern, WORD.flags & ~re.U) in {(e[0], e[1]) for e in entries}
    monkeypatch.setenv("CPOLINT_DATA_DIR", str(data))
    monkeypatch.setattr(patterncache, "_known", {})
    monkeypatch.setattr(patterncache, "_known_started", {})
    monkeypatch.setattr(fastre, "PRELOADED", {})
    texts = _corpus_texts()
    assert len(texts) >= 5
    saved = dict(re._cache)
    try:
        re.purge()  # (3.12 and later keep a second, smaller cache in front of re._cache)
        assert patterncache.load() == len(entries[-patterncache.KEEP:]) + len(started)
        # A started pattern: what fastre builds for it today, and the matches of a fresh compile.
        for args in started:
            kept = fastre.PRELOADED[(args[0], args[1])]
            assert fastre._started_arguments(args[0], args[1]) == args, args[0]
            fresh = _compiler.compile(args[0], args[1])
            assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == \
                   (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex), args[0]
            for text in texts:
                assert [m.span() for m in kept.finditer(text)] == [m.span() for m in fresh.finditer(text)], args[0]
        for pattern, key_flags, *_ in entries[-patterncache.KEEP:]:
            kept = re.compile(pattern, key_flags)
            fresh = _compiler.compile(pattern, key_flags)
            assert kept is not fresh and kept is re._cache[(str, pattern, key_flags)]
            assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == \
                   (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex), pattern
            for text in texts:
                assert [m.span() for m in kept.finditer(text)] == [m.span() for m in fresh.finditer(text)], pattern
    finally:
        re.purge()
        re._cache.update(saved)
    # The same output again, and the file not written again.
    stamp = next((data / "patterns").glob("*.marshal")).stat().st_mtime_ns
    second = run_cli("check", "--format", "json", "--no-cache", article, env=env)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert next((data / "patterns").glob("*.marshal")).stat().st_mtime_ns == stamp


def test_a_damaged_file_is_not_used_and_is_written_again(tmp_path):
    data = tmp_path / "data"
    env = {"CPOLINT_DATA_DIR": str(data)}
    article = CORPUS / "contradiction" / "experience-conflicts.md"
    first = run_cli("check", "--format", "json", "--no-cache", article, env=env)
    (kept,) = (data / "patterns").glob("*.marshal")
    kept.write_bytes(kept.read_bytes()[:5000])  # cut short, as by a full disk
    again = run_cli("check", "--format", "json", "--no-cache", article, env=env)
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
    assert len(_entries(data)) >= 200


def _write(monkeypatch, tmp_path, payload) -> None:
    monkeypatch.setenv("CPOLINT_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(patterncache, "_known", {})
    monkeypatch.setattr(patterncache, "_known_started", {})
    monkeypatch.setattr(fastre, "PRELOADED", {})
    target = tmp_path / "patterns"
    target.mkdir(exist_ok=True)
    (target / os.path.basename(patterncache.path())).write_bytes(marshal.dumps(payload))


def test_an_entry_the_engine_refuses_stops_the_load(tmp_path, monkeypatch):
    good = patterncache.compile_arguments(r"(?P<a>kept)-\w+", re.I)
    assert good[:3] == (r"(?P<a>kept)-\w+", re.I, re.I | re.U) and good[4:] == (1, {"a": 1}, (None, "a"))
    other = patterncache.compile_arguments(r"other", 0)
    cut = other[:3] + (other[3][:len(other[3]) // 2],) + other[4:]  # half a program: "invalid SRE code"
    _write(monkeypatch, tmp_path, (patterncache._FORMAT, [good, cut], []))
    before = dict(re._cache)
    assert patterncache.load() == 0
    assert re._cache == before and patterncache._known == {}
    # A started pattern the engine refuses stops the load too, before anything is put in place.
    fast = fastre._started_arguments(r"\bkept\b", re.I)
    assert fast is not None
    cut_fast = fast[:3] + (fast[3][:len(fast[3]) // 2],) + fast[4:]
    _write(monkeypatch, tmp_path, (patterncache._FORMAT, [good], [cut_fast]))
    assert patterncache.load() == 0
    assert re._cache == before and patterncache._known == {} and fastre.PRELOADED == {}
    _write(monkeypatch, tmp_path, (patterncache._FORMAT + 1, [good], []))  # another layout
    assert patterncache.load() == 0 and re._cache == before
    _write(monkeypatch, tmp_path, (patterncache._FORMAT, [good], [fast]))
    try:
        assert patterncache.load() == 2
        assert fastre.started(r"\bkept\b", re.I) is fastre.PRELOADED[(r"\bkept\b", int(re.I))]
        assert re.compile(r"(?P<a>kept)-\w+", re.I).match("KEPT-it").group("a") == "KEPT"
    finally:
        re._cache.pop((str, r"(?P<a>kept)-\w+", int(re.I)), None)


def test_few_new_patterns_are_not_written_and_an_unwritable_folder_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setenv("CPOLINT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(patterncache, "_known", dict.fromkeys(re._cache))  # all but `extra` known
    monkeypatch.setattr(patterncache, "_known_started", dict(fastre.STARTED_ARGS))
    extra = [(str, f"cpolint-test-{k}", 0) for k in range(patterncache.REWRITE_AT)]
    try:
        for _, pattern, _ in extra[:-1]:
            re.compile(pattern)
        assert not patterncache.save()  # one short of REWRITE_AT
        re.compile(extra[-1][1])
        blocker = tmp_path / "data"
        blocker.write_text("a file where the data folder should be")
        assert not patterncache.save()
        blocker.unlink()
        assert patterncache.save()
        written = {e[0] for e in _entries(tmp_path / "data")}
        assert {p for _, p, _ in extra} <= written
    finally:
        for key in extra:
            re._cache.pop(key, None)


def test_the_started_patterns_kept_are_bounded_and_this_runs_are_among_them(tmp_path, monkeypatch):
    # Each schema or pack a run uses adds its started patterns to the file; the file keeps the
    # latest KEEP of them, so patterns of packs long gone do not pile up run after run.
    from cpolint import fastre

    def fake(k: int) -> tuple:
        return (rf"\bkept{k}x\b", int(re.I)), fastre._started_arguments(rf"\bkept{k}x\b", re.I)

    old = dict(fake(k) for k in range(patterncache.KEEP + 30))
    new = dict(fake(k) for k in range(patterncache.KEEP + 30, patterncache.KEEP + 30 + patterncache.REWRITE_AT))
    monkeypatch.setenv("CPOLINT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(patterncache, "_known", dict.fromkeys(re._cache))
    monkeypatch.setattr(patterncache, "_known_started", old)
    monkeypatch.setattr(fastre, "STARTED_ARGS", new)
    assert patterncache.save()
    _, started = _file(tmp_path / "data")
    assert len(started) == patterncache.KEEP
    assert {args[0] for args in started} >= {key[0] for key in new}
