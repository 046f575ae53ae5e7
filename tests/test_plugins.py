"""Third-party rules: a real distribution registers a rule through the `cpolint.rules` entry point."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import run_cli

PLUGIN = '''
"""A tiny cpolint plugin: flags the buzzword 'synergy'."""
import re
from cpolint.registry import Rule


class Synergy(Rule):
    """Flags the buzzword "synergy".

    ## What it does
    Reports every "synergy".

    ## Why is this bad?
    It says nothing.

    ## Example
    Our synergy drives growth.
    """

    code = "X101"
    name = "no-synergy"
    category = "readability"
    severity = "error"

    def check(self, ctx):
        for block in ctx.doc.prose_blocks():
            for m in re.finditer(r"\\bsynergy\\b", block.text, re.I):
                yield ctx.at_text(self, block, m.start(), m.end(), "avoid the buzzword 'synergy'")
'''


def test_a_real_plugin_distribution_adds_a_rule(tmp_path):
    src = tmp_path / "plugin"
    src.mkdir()
    (src / "cpolint_synergy.py").write_text(PLUGIN)
    (src / "pyproject.toml").write_text(textwrap.dedent("""\
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "cpolint-synergy"
        version = "0.1.0"

        [project.entry-points."cpolint.rules"]
        synergy = "cpolint_synergy:Synergy"

        [tool.setuptools]
        py-modules = ["cpolint_synergy"]
    """))
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                           "--target", str(site), str(src)], capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert list(site.glob("cpolint_synergy-0.1.0.dist-info/entry_points.txt"))
    env = {"PYTHONPATH": str(site)}
    rules = run_cli("rules", cwd=tmp_path, env=env).stdout.decode()
    line = next(l for l in rules.splitlines() if l.startswith("X101"))
    assert "no-synergy" in line and "plugin cpolint-synergy" in line
    (tmp_path / "a.txt").write_text("Leadership\nThe CPO builds synergy across teams.\n")
    proc = run_cli("check", "a.txt", "--no-cache", "--select", "X101", cwd=tmp_path, env=env)
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines()[0] == "a.txt:2:16: X101 [readability] avoid the buzzword 'synergy'"
    # Without the plugin installed, the code is unknown: a usage error, not a silent pass.
    assert run_cli("check", "a.txt", "--select", "X101", cwd=tmp_path).returncode == 2
