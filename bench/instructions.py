#!/usr/bin/env python3
"""Instructions an article, counted by callgrind: the measure that does not move with the host.

This machine's cores run slower at times, so the same build's CPU time for the bench folder
moves by a third from round to round. Instructions do not (callgrind counts them the same
whatever else runs): this script lints files 101 to 140 of a folder (by default bench.py's
generated folder) in one process, as a worker does (the kept compiled patterns loaded, rules
warmed up on the 100 files before them, what they loaded frozen), and counts only that work:
callgrind collects inside `functools.reduce`, which runs it and nothing else here.

Usage:  python bench/instructions.py [FOLDER] [--files 40] [--out FILE]
Needs valgrind (Debian: valgrind). Run it as a script, not with the repository on sys.path,
to measure the installed package. `callgrind_annotate FILE` then shows where they go.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WORK = r"""
import functools, gc, glob, sys
from cpolint import patterncache
patterncache.load()  # as the command does, before anything compiles
from cpolint.config import Settings
from cpolint.document import parse_document
from cpolint.linter import file_info, get_engine
files = sorted(f for f in glob.glob(sys.argv[1] + '/*') if f.endswith(('.txt', '.md', '.html')))
engine = get_engine(Settings())
# Warm-up on the 100 files before the counted ones: a worker of a folder run compiles a role's
# schema patterns and its lexicons' lazy patterns once, on the first file that needs them;
# counted on few files, those one-time costs would look like a tenth of every article's.
for f in files[:100]:
    engine.lint(parse_document(f, open(f, encoding='utf-8').read()))
gc.freeze()
gc.set_threshold(20000, 50, 50)
texts = [(f, open(f, encoding='utf-8').read()) for f in files[100:100 + int(sys.argv[2])]]
if not texts:
    raise SystemExit('the folder holds no files past the 100th')


def one(_, item):
    doc = parse_document(*item)
    engine.lint(doc)
    file_info(doc, engine)
    doc.release()


functools.reduce(one, texts, None)
print(len(texts))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", help="articles to lint (default: bench.py's generated folder)")
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--out", help="keep callgrind's output here")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if folder is None:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from bench import build_folder

            folder = str(Path(tmp) / "folder")
            build_folder(Path(folder), 1000)  # the folder bench.py times
        out = args.out or str(Path(tmp) / "callgrind.out")
        # String hashing moves the count by ~1% from run to run; a fixed seed keeps it still.
        env = dict(os.environ, PYTHONHASHSEED="0")
        proc = subprocess.run(["valgrind", "--tool=callgrind", "--toggle-collect=functools_reduce",
                               f"--callgrind-out-file={out}", sys.executable, "-I", "-c", WORK, folder,
                               str(args.files)], capture_output=True, text=True, env=env)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr[-3000:])
            return 2
        count = int(proc.stdout.split()[-1])
        summary = next(line for line in Path(out).read_text().splitlines() if line.startswith("summary:"))
        total = int(summary.split()[1])
    print(f"{total / count / 1e6:.2f} M instructions an article ({count} files of {folder})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
