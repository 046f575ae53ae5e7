"""The installed package is compiled wherever it can be.

hatch_build.py falls back to pure Python for the whole package when compiling fails, so that
a machine without a C compiler still installs cpolint. The same fallback would hide a module
Cython cannot compile (a .pxd that does not fit its .py): the install works, only slower.
Where a compiler is at hand, every module the hook lists must be an extension module.
"""

from __future__ import annotations

import ast
import importlib
import os
import shutil
import sysconfig
from pathlib import Path

import pytest

from conftest import REPO


def _listed_modules() -> list[str]:
    """The module names in hatch_build.py's HOT and UNTYPED lists (read, not imported: the
    hook needs hatchling, which only the build environment has)."""
    tree = ast.parse((REPO / "hatch_build.py").read_text(encoding="utf-8"))
    paths = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") in ("HOT", "UNTYPED") for t in node.targets):
            paths += [element.value for element in node.value.elts]
    return [p[:-3].replace("/", ".").removesuffix(".__init__") for p in paths]


def test_every_listed_module_is_compiled_in_the_installed_package():
    import cpolint

    if os.environ.get("CPOLINT_PURE_PYTHON", "").strip() not in ("", "0"):
        pytest.skip("pure Python was asked for")
    if Path(cpolint.__file__).resolve().parent == (REPO / "cpolint").resolve():
        pytest.skip("running from the source tree, not an installed package")
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        pytest.skip("no C compiler here: the pure Python install is the expected one")
    modules = _listed_modules()
    assert len(modules) > 30 and "cpolint.fastre" in modules
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    pure = [name for name in modules if not importlib.import_module(name).__file__.endswith(suffix)]
    assert not pure, f"installed as pure Python (did Cython fail on one of them?): {pure}"
