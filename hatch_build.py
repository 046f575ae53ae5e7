"""Wheel build hook: compile the lint-time hot path with Cython, or ship pure Python.

The modules listed in HOT are the ones a lint spends its time in (parsing, the shared
analyses, the rules, the readability counts). Cython compiles them unchanged, as ordinary
Python classes and functions, which runs them ~1.4x faster (bench/ measures it). The .py
files ship too: an extension module is imported before a source file of the same name, and
the sources stay there for tracebacks and reading. A few hot classes also have a .pxd beside
their module (fastre.Keyed; model.Document, Block and Sentence; boilerplate._Classifier):
Cython reads it and makes the class an extension type whose attributes are slots; Python never
reads it. Compiled, such a class takes no attribute it does not declare unless the .pxd gives
it a __dict__, and its own methods cannot name `self.__dict__` (they use vars(self)). A module
whose .pxd cimports such a class reads its slots directly through a parameter or local
annotated with it (the bare `block: Block` lines before a loop). Such a parameter is checked
on entry (anything else is a TypeError, None too unless it says `| None`); such a local takes
None unchecked and would then read from nowhere, so each is assigned only from a list of the
document's blocks or sentences, which holds no None (nonecheck would guard it, at 0.6% over
every annotated builtin of the package).

Pure Python is always a valid install: set CPOLINT_PURE_PYTHON=1, or build without a C
compiler, and the hook only warns (so a module Cython cannot compile would make the whole
install pure Python: tests/test_build.py fails then, where a compiler is at hand). Editable
installs are never compiled, so an edited .py file is what runs.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

HOT = [
    "cpolint/engine.py",
    "cpolint/registry.py",
    "cpolint/linter.py",
    "cpolint/fastre.py",
    "cpolint/packs.py",
    "cpolint/diagnostics.py",
    "cpolint/document/__init__.py",
    "cpolint/document/html.py",
    "cpolint/document/markdown.py",
    "cpolint/document/model.py",
    "cpolint/document/plaintext.py",
    "cpolint/document/sentences.py",
    "cpolint/document/shapes.py",
    "cpolint/document/suppress.py",
    "cpolint/document/wordnum.py",
    "cpolint/analysis/boilerplate.py",
    "cpolint/analysis/claims.py",
    "cpolint/analysis/directives.py",
    "cpolint/analysis/sections.py",
    "cpolint/readability/formulas.py",
    "cpolint/readability/measure.py",
    "cpolint/rules/boilerplate.py",
    "cpolint/rules/contradictions.py",
    "cpolint/rules/editor_notes.py",
    "cpolint/rules/files.py",
    "cpolint/rules/markup.py",
    "cpolint/rules/readability.py",
    "cpolint/rules/structure.py",
    # The parent of a folder run reports while its workers lint, on the same cores.
    "cpolint/reporters/base.py",
    "cpolint/reporters/text.py",
    "cpolint/reporters/jsonfmt.py",
]
# These take what ruamel.yaml builds (CommentedSeq, a LiteralScalarString for a block-scalar
# pattern), which a compiled function annotated `list` or `str` would reject (Cython checks
# annotated builtin types exactly): compiled with annotations read as documentation only.
# Their lint-time calls (pack patterns' search and match, heading matching, severities) are
# a few hundred an article.
UNTYPED = [
    "cpolint/schema.py",
    "cpolint/saferegex.py",
    "cpolint/config.py",
]

# -O2: most of the gain comes from leaving the interpreter loop, not from the C optimiser;
# -O2 still runs 0.8% fewer instructions a lint than -O1 (callgrind, 40 articles), -O3 none
# fewer than -O2, for 78 s of build here against -O1's 54 s. No debug info: it only makes files big.
CFLAGS = ["-O2", "-g0"]


class CythonBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("CPOLINT_PURE_PYTHON", "").strip() not in ("", "0"):
            return
        self._tmp = tempfile.mkdtemp(prefix="cpolint-cython-")
        try:
            built = _compile(self.root, self._tmp)
        except Exception as exc:  # no compiler, no headers ...: pure Python still works
            self.app.display_warning(f"cpolint: not compiled ({type(exc).__name__}: {exc}); "
                                     "installing pure Python, which is slower")
            return
        for path, target in built:
            build_data["force_include"][path] = target
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def _compile(root: str, tmp: str) -> list[tuple[str, str]]:
    """Compile HOT and UNTYPED into `tmp` (never into the source tree); (built file, path in the wheel)."""
    from Cython.Build import cythonize
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    jobs = max(os.cpu_count() or 1, 1)
    extensions = []
    for paths, typed in ((HOT, True), (UNTYPED, False)):
        group = [Extension(path[:-3].replace("/", "."), [os.path.join(root, path)], extra_compile_args=CFLAGS)
                 for path in paths]
        extensions += cythonize(group, build_dir=os.path.join(tmp, "c"), nthreads=jobs, quiet=True,
                                compiler_directives={"language_level": "3", "binding": True,
                                                     "annotation_typing": typed})
    dist = Distribution({"name": "cpolint", "ext_modules": extensions})
    cmd = build_ext(dist)
    cmd.build_lib = os.path.join(tmp, "lib")
    cmd.build_temp = os.path.join(tmp, "obj")
    cmd.parallel = jobs
    cmd.ensure_finalized()
    cmd.run()
    out = []
    for ext in extensions:
        built = cmd.get_ext_fullpath(ext.name)
        if not os.path.isfile(built):
            raise RuntimeError(f"{ext.name} was not built")
        out.append((built, os.path.relpath(built, cmd.build_lib).replace(os.sep, "/")))
    print(f"cpolint: compiled {len(out)} modules with Cython for Python {sys.version.split()[0]}", file=sys.stderr)
    return out
