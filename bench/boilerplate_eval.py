#!/usr/bin/env python3
"""Line-level precision and recall of boilerplate detection: cpolint against jusText.

Gold: for corpus/boilerplate the B-findings in each article's .expected file; for
bench/holdout (pages never tuned against) the hand-made .gold files; for the shared seeds
(when present beside this checkout) the line ranges DESIGN.md lists. A line counts when it
holds text a reader sees.

jusText sees the same article cpolint sees, as HTML: one element per block of cpolint's
document model (headings as <h2>, list items as <li>, the rest as <p>, links kept), so both
tools judge the same units; its paragraphs are mapped back to source lines.

Usage: python bench/boilerplate_eval.py     (needs jusText: pip install '.[test]')
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

SEED_GOLD = {
    "000": [], "001": [],
    "002": [(3, 3), (5, 5), (9, 11), (149, 149), (178, 180)],
    "003": [(1, 45), (49, 49), (153, 217)],
    "004": [(1, 1), (36, 36), (140, 144)],
}
BOILERPLATE_CODES = {"B001", "B002", "B003", "B004", "B005", "B006", "B007", "B008"}
_EXPECTED = re.compile(r"^(\d+)(?:-(\d+))?\s+([A-Z]+\d+)")


def countable(path: Path) -> set[int]:
    """Lines that hold text a reader sees (HTML lines of bare tags do not count)."""
    from cpolint.document import parse_document
    from cpolint.document.model import CODE, FRONT_MATTER

    doc = parse_document(str(path), path.read_text(encoding="utf-8", errors="replace"))
    out = set()
    for b in doc.blocks:
        if b.kind not in (CODE, FRONT_MATTER) and b.text.strip():
            out.update(range(b.line, b.end_line + 1))
    return out


def spans_to_lines(spans, keep: set[int]) -> set[int]:
    out = set()
    for start, end in spans:
        out.update(range(start, end + 1))
    return out & keep


def gold_from_expected(article: Path) -> list[tuple[int, int]]:
    spans = []
    expected = article.with_name(article.name + ".expected")
    for raw in expected.read_text(encoding="utf-8").splitlines():
        m = _EXPECTED.match(raw.strip())
        if m and m.group(3) in BOILERPLATE_CODES:
            spans.append((int(m.group(1)), int(m.group(2) or m.group(1))))
    return spans


def cpolint_spans(article: Path) -> list[tuple[int, int]]:
    from cpolint.config import Settings
    from cpolint.linter import lint_path

    result = lint_path(str(article), Settings(select=["boilerplate"]))
    return [(d.line, d.end_line) for d in result.diagnostics if d.code in BOILERPLATE_CODES]


def justext_spans(article: Path) -> list[tuple[int, int]]:
    import justext

    from cpolint.document import parse_document
    from cpolint.document.model import CODE, FRONT_MATTER, HEADING, LIST_ITEM

    doc = parse_document(str(article), article.read_text(encoding="utf-8", errors="replace"))
    blocks = [b for b in doc.blocks if b.kind not in (CODE, FRONT_MATTER) and b.text.strip()]
    parts = []
    for b in blocks:
        text = html.escape(b.text)
        for link_text, _ in b.links:
            if link_text.strip():
                safe = html.escape(link_text)
                text = text.replace(safe, f'<a href="#">{safe}</a>', 1)
        tag = "h2" if b.kind == HEADING else "li" if b.kind == LIST_ITEM else "p"
        parts.append(f"<{tag}>{text}</{tag}>")
    page = "<html><body>" + "\n".join(parts) + "</body></html>"
    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"))
    spans = []
    cursor = 0
    norm = lambda s: re.sub(r"\s+", " ", s).strip()
    for p in paragraphs:
        text = norm(p.text)
        for k in range(cursor, len(blocks)):
            if norm(blocks[k].text) == text or (text and text in norm(blocks[k].text)):
                if p.is_boilerplate:
                    spans.append((blocks[k].line, blocks[k].end_line))
                cursor = k + 1
                break
    return spans


def score(pred: set[int], gold: set[int]) -> tuple[int, int, int]:
    return len(pred & gold), len(pred - gold), len(gold - pred)


def evaluate() -> dict:
    from conftest import CORPUS, SEEDS

    cases = []
    for article in sorted((CORPUS / "boilerplate").iterdir()):
        if article.suffix in (".txt", ".md", ".html"):
            cases.append(("corpus", article, gold_from_expected(article)))
    holdout = REPO / "bench" / "holdout"
    for article in sorted(holdout.iterdir()):
        gold_file = article.with_name(article.name + ".gold")
        if gold_file.exists():
            spans = []
            for raw in gold_file.read_text().split():
                a, _, b = raw.partition("-")
                spans.append((int(a), int(b or a)))
            cases.append(("holdout", article, spans))
    if SEEDS is not None:
        for article in sorted(SEEDS.glob("*.txt")):
            key = article.name[:3]
            if key in SEED_GOLD:
                cases.append(("seeds", article, SEED_GOLD[key]))
    totals = {}
    for group, article, gold_spans in cases:
        keep = countable(article)
        gold = spans_to_lines(gold_spans, keep)
        for tool, fn in (("cpolint", cpolint_spans), ("jusText", justext_spans)):
            tp, fp, fn_ = score(spans_to_lines(fn(article), keep), gold)
            for key in ((group, tool), ("all", tool)):
                t = totals.setdefault(key, [0, 0, 0])
                t[0] += tp
                t[1] += fp
                t[2] += fn_
    out = {}
    for (group, tool), (tp, fp, fn_) in totals.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn_) if tp + fn_ else 1.0
        out[(group, tool)] = (round(precision, 3), round(recall, 3), tp, fp, fn_)
    return out


def main() -> int:
    results = evaluate()
    print(f"{'files':8} {'tool':8} {'precision':>9} {'recall':>7}   (true/false positive, missed lines)")
    for (group, tool), (p, r, tp, fp, fn_) in sorted(results.items()):
        print(f"{group:8} {tool:8} {p:9.3f} {r:7.3f}   ({tp}/{fp}/{fn_})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
