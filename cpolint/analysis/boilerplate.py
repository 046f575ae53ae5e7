"""Which blocks are site chrome, furniture or spam rather than the article (filled in by the boilerplate detector)."""

from __future__ import annotations


def prepare(ctx) -> None:
    ctx.doc.analyses.setdefault("boilerplate", {})


def is_boilerplate(doc, block) -> bool:
    return block.index in doc.analyses.get("boilerplate", {})
