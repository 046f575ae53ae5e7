"""Where the bundled data (schemas and pattern packs) lives.

In the repository it is the top-level `rules/` folder that content teams edit; the wheel
carries the same folder as `cpolint/_data` (see pyproject.toml).
"""

from __future__ import annotations

import os

_HERE = os.path.dirname(os.path.abspath(__file__))


def data_root() -> str:
    installed = os.path.join(_HERE, "_data")
    if os.path.isdir(installed):
        return installed
    return os.path.join(os.path.dirname(_HERE), "rules")


def data_path(*parts: str) -> str:
    return os.path.join(data_root(), *parts)
