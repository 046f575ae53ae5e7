#!/usr/bin/env python3
"""Where a worker's time goes: milliseconds an article for each phase, shared analysis and rule.

Lints a folder in one process as a worker of a folder run does (rules warmed up on the first
files, what they loaded frozen, the batch collector thresholds, each document released once
reported) and splits the time exclusively: a shared analysis (claims, the boilerplate
classifier, section coverage, readability figures ...) is charged to itself, not to the
first rule that asks for it, and spaCy's tokenizer to itself, not to sentence splitting.
The first line gives, for scale, the per-process budget's yardstick: spaCy's blank English
pipeline with its sentencizer, on the same text. The timers cost a little (some 60 timed calls
an article), so the budget's ratio itself is bench.py's, measured without them.

Usage:  python bench/hotspots.py [FOLDER] [--files 200]
Without FOLDER it builds bench.py's generated folder (from corpus/) in a temporary folder.
Run it as a script (not with the repository on sys.path) to measure the installed package.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

# The shared analyses, by module and function, and the name they are reported under.
SHARED = [
    ("cpolint.analysis.claims", "claims", "claims (contradiction rules' extraction)"),
    ("cpolint.analysis.sections", "coverage", "section coverage (schema sections found)"),
    ("cpolint.analysis.directives", "model_output_sentences", "sentences with a model's words (E002, readability)"),
    ("cpolint.readability.measure", "measure", "readability figures (article and sections)"),
    ("cpolint.readability.measure", "excluded_sentences", "readability: instruction sentences left out"),
    ("cpolint.readability.measure", "_passive_sentences", "readability: passive voice"),
]


class Clock:
    """Exclusive time per name: a timed call inside another is taken out of the outer one."""

    def __init__(self):
        self.spent: Counter = Counter()
        self._stack: list[list] = []

    def enter(self, name: str) -> None:
        self._stack.append([name, time.perf_counter(), 0.0])

    def leave(self) -> None:
        name, start, inner = self._stack.pop()
        total = time.perf_counter() - start
        self.spent[name] += total - inner
        if self._stack:
            self._stack[-1][2] += total

    def wrap(self, name: str, fn, generator: bool = False):
        def timed(*args, **kwargs):
            self.enter(name)
            try:
                result = fn(*args, **kwargs)
                return list(result) if generator else result
            finally:
                self.leave()

        return timed


class TimedTokenizer:
    """spaCy's tokenizer, timed where cpolint calls it."""

    def __init__(self, inner, clock: Clock):
        self.inner, self.clock = inner, clock

    def __call__(self, text):
        self.clock.enter("spaCy tokenizer (cpolint's own calls)")
        try:
            return self.inner(text)
        finally:
            self.clock.leave()

    def __getattr__(self, name):
        return getattr(self.inner, name)


def _patch_everywhere(original, replacement) -> None:
    """Rebind a function in every cpolint module that imported it by name."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("cpolint") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if value is original:
                setattr(module, attr, replacement)


def profile(files: list[Path], clock: Clock) -> tuple[float, float]:
    """Lint `files` with every phase timed into `clock`; returns (total seconds, yardstick seconds)."""
    import importlib

    import spacy

    from cpolint.config import Settings
    from cpolint.document import parse_document
    from cpolint.document.sentences import JOIN, get_nlp, sentence_blocks
    from cpolint.linter import file_info, get_engine

    engine = get_engine(Settings())
    texts = [(str(f), f.read_text(encoding="utf-8", errors="replace")) for f in files]
    for path, text in texts[:5]:  # warm-up, as the parent of a folder run does before forking
        doc = parse_document(path, text)
        engine.lint(doc)
        file_info(doc, engine)
        doc.release()

    nlp = get_nlp()
    nlp.tokenizer = TimedTokenizer(nlp.tokenizer, clock)
    for module_name, function, label in SHARED:
        module = importlib.import_module(module_name)
        original = getattr(module, function)
        _patch_everywhere(original, clock.wrap(label, original))
    for rule in engine.rules:
        rule.check = clock.wrap(f"{rule.code} {rule.name}", rule.check, generator=True)
    engine._prepare = [clock.wrap(f"prepare: {p.__module__.rsplit('.', 1)[-1]} classifier", p)
                       for p in engine._prepare]
    engine.info_providers = [clock.wrap(f"file entry: {p.__name__}", p) for p in engine.info_providers]

    yardstick = spacy.blank("en")
    yardstick.add_pipe("sentencizer")
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)
    total = yard = 0.0
    for path, text in texts:
        start = time.perf_counter()
        clock.enter("engine (context, filter, fingerprints)")
        doc = clock.wrap("parse", parse_document)(path, text)
        clock.enter("sentences (cpolint's side)")
        doc.sentences
        clock.leave()
        engine.lint(doc)
        clock.wrap("file entry (words, JSON)", file_info)(doc, engine)
        doc.release()
        clock.leave()
        total += time.perf_counter() - start
        joined = JOIN.join(b.text for b in sentence_blocks(doc))
        start = time.perf_counter()
        yardstick(joined)
        yard += time.perf_counter() - start
    return total, yard


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", help="articles to lint (default: the generated bench folder)")
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--top", type=int, default=30, help="lines to print (the rest are summed)")
    args = parser.parse_args()

    if args.folder:
        files = sorted(p for p in Path(args.folder).rglob("*")
                       if p.is_file() and p.suffix in (".txt", ".md", ".markdown", ".html", ".htm"))
    else:
        sys.path.insert(1, str(Path(__file__).resolve().parent))
        from bench import build_folder

        files = build_folder(Path(tempfile.mkdtemp(prefix="cpolint-hotspots-")) / "articles", args.files)
    if not files:
        raise SystemExit("no articles to profile")
    files = (files * (1 + args.files // len(files)))[:args.files]

    clock = Clock()
    total, yard = profile(files, clock)
    n = len(files)
    print(f"{n} articles: cpolint {1000 * total / n:.2f} ms an article, its timers' cost included (bench.py "
          f"gives the budget's figure); spaCy's blank pipeline + sentencizer on the same text "
          f"{1000 * yard / n:.2f} ms")
    rows = clock.spent.most_common()
    shown, rest = rows[:args.top], rows[args.top:]
    for name, seconds in shown:
        print(f"{1000 * seconds / n:8.3f} ms {100 * seconds / total:5.1f}%  {name}")
    if rest:
        seconds = sum(s for _, s in rest)
        print(f"{1000 * seconds / n:8.3f} ms {100 * seconds / total:5.1f}%  ({len(rest)} more, each smaller)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
