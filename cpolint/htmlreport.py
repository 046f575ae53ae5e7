"""`cpolint report`: one self-contained HTML file for a folder (no network, no CDN).

An overview (a sortable table of articles with their scores and findings, a chart of the
grade distribution, findings by category and by rule) and a page per article (its
readability, its canonical sections with their scores, and its source with each finding
shown under the line it is on). Pages are plain anchors, so it works without JavaScript;
the script only adds sorting and hides the overview while an article is open.
"""

from __future__ import annotations

import datetime
import html
import os
from collections import Counter

from cpolint import __version__
from cpolint.diagnostics import CATEGORIES

MAX_SOURCE_LINES = 3000
_SCORES = [("flesch_kincaid_grade", "Flesch-Kincaid grade"), ("flesch_reading_ease", "Flesch reading ease"),
           ("gunning_fog", "Gunning fog"), ("smog_index", "SMOG"), ("coleman_liau_index", "Coleman-Liau"),
           ("automated_readability_index", "ARI"), ("dale_chall_readability_score", "Dale-Chall"),
           ("words", "Words"), ("sentences", "Sentences"), ("average_sentence_words", "Average sentence (words)"),
           ("longest_sentence_words", "Longest sentence (words)"),
           ("share_sentences_over_25_words", "Sentences over 25 words"), ("average_paragraph_words",
                                                                          "Average paragraph (words)"),
           ("passive_voice_share", "Passive voice"), ("reading_time_minutes", "Reading time (min)")]

CSS = """
:root { --fg:#1d2430; --muted:#5b6678; --line:#dde3ea; --bg:#f7f9fb; --accent:#2f6fd6;
        --error:#c62828; --warning:#b26a00; --info:#1565c0; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
header.top { background:#fff; border-bottom:1px solid var(--line); padding:16px 28px; }
header.top h1 { margin:0; font-size:22px; }
header.top p { margin:4px 0 0; color:var(--muted); }
main { padding:20px 28px 60px; max-width:1400px; }
h2 { font-size:18px; margin:28px 0 10px; }
.cards { display:flex; gap:14px; flex-wrap:wrap; }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:12px 16px; min-width:140px; }
.card b { display:block; font-size:24px; }
table { border-collapse:collapse; background:#fff; border:1px solid var(--line); width:100%; }
th, td { padding:6px 10px; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
th { background:#eef2f6; font-weight:600; white-space:nowrap; }
table.sortable th { cursor:pointer; user-select:none; }
table.sortable th.sorted-asc::after { content:" \\25B2"; } table.sortable th.sorted-desc::after { content:" \\25BC"; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; }
.sev-error { color:var(--error); } .sev-warning { color:var(--warning); } .sev-info { color:var(--info); }
.article { display:none; } .article:target { display:block; }
body.viewing-article #overview { display:none; }
a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
ol.source { background:#fff; border:1px solid var(--line); padding:8px 0 8px 56px; font:13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
ol.source li { padding:0 10px; white-space:pre-wrap; word-break:break-word; }
ol.source li.hit { background:#fff6e0; }
ol.source .finding { font-family:system-ui, sans-serif; font-size:13px; margin:2px 0 4px; padding:3px 8px;
  border-left:3px solid currentColor; background:#fff; }
.chart { background:#fff; border:1px solid var(--line); border-radius:8px; padding:10px; }
.muted { color:var(--muted); }
.back { display:inline-block; margin:14px 0; }
"""

JS = """
(function () {
  function cellValue(row, index) {
    var cell = row.children[index];
    var raw = cell.getAttribute('data-sort');
    if (raw === null) { raw = cell.textContent.trim(); }
    var number = parseFloat(raw);
    return isNaN(number) ? raw.toLowerCase() : number;
  }
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = !th.classList.contains('sorted-asc');
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (x === y) { return 0; }
      var less = (typeof x === typeof y) ? x < y : String(x) < String(y);
      return (less ? -1 : 1) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
      c.classList.remove('sorted-asc', 'sorted-desc');
    });
    th.classList.add(ascending ? 'sorted-asc' : 'sorted-desc');
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.addEventListener('click', function () { sortBy(table, index, th); });
    });
  });
  function route() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var article = target && target.closest ? target.closest('.article') : null;
    document.body.classList.toggle('viewing-article', !!article);
  }
  window.addEventListener('hashchange', route);
  route();
  document.documentElement.setAttribute('data-ready', 'yes');
})();
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _num(value, digits=1) -> str:
    if isinstance(value, (int, float)):
        return f"{value:.{digits}f}" if isinstance(value, float) else str(value)
    return "-"


def grade_chart(grades: list[float], target: float) -> str:
    """An inline SVG histogram of Flesch-Kincaid grades with the target marked."""
    edges = [0, 6, 8, 10, 12, 14, 16, 18, 99]
    labels = ["<6", "6-8", "8-10", "10-12", "12-14", "14-16", "16-18", "18+"]
    counts = [0] * (len(edges) - 1)
    for g in grades:
        for k in range(len(edges) - 1):
            if edges[k] <= g < edges[k + 1] or (k == 0 and g < 0):
                counts[k] += 1
                break
    width, height, pad = 640, 220, 36
    bar_w = (width - 2 * pad) / len(counts)
    top = max(counts) or 1
    parts = [f'<svg id="grade-chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="Distribution of Flesch-Kincaid grades">']
    for k, n in enumerate(counts):
        h = (height - 2 * pad) * n / top
        x = pad + k * bar_w
        y = height - pad - h
        over = edges[k] >= target
        parts.append(f'<rect class="bar" x="{x + 4:.1f}" y="{y:.1f}" width="{bar_w - 8:.1f}" height="{h:.1f}" '
                     f'fill="{"#e57373" if over else "#64b5f6"}"><title>{labels[k]}: {n}</title></rect>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - pad + 16}" font-size="12" text-anchor="middle">'
                     f'{_e(labels[k])}</text>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" font-size="12" text-anchor="middle">{n}</text>')
    # Target line between bins.
    tx = pad + bar_w * sum(1 for e in edges[1:-1] if e <= target)
    parts.append(f'<line x1="{tx:.1f}" y1="{pad - 10}" x2="{tx:.1f}" y2="{height - pad}" stroke="#333" '
                 f'stroke-dasharray="4 3"/><text x="{tx + 4:.1f}" y="{pad - 24}" font-size="12">target {target:g}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render(records: list[dict], schema: str, target: float, errors: list[str]) -> str:
    total = Counter()
    by_category = Counter()
    by_rule: Counter = Counter()
    rule_names = {}
    grades = []
    for r in records:
        for d in r["diagnostics"]:
            total[d.severity] += 1
            by_category[d.category] += 1
            by_rule[d.code] += 1
            rule_names[d.code] = (d.rule, d.category)
        g = (r["readability"] or {}).get("flesch_kincaid_grade")
        if isinstance(g, (int, float)):
            grades.append(g)
    now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    out = [f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
           f'<meta name="viewport" content="width=device-width, initial-scale=1">'
           f'<title>cpolint report: {len(records)} articles</title><style>{CSS}</style></head><body>',
           f'<header class="top"><h1>cpolint report</h1><p>{len(records)} articles · schema {_e(schema)} · '
           f'target grade {target:g} · generated {now} by cpolint {__version__}</p></header><main>',
           '<section id="overview">',
           '<div class="cards">',
           f'<div class="card"><b id="count-articles">{len(records)}</b>articles</div>',
           f'<div class="card"><b>{sum(r["words"] for r in records):,}</b>words</div>',
           f'<div class="card sev-error"><b>{total["error"]}</b>errors</div>',
           f'<div class="card sev-warning"><b>{total["warning"]}</b>warnings</div>',
           f'<div class="card sev-info"><b>{total["info"]}</b>info</div>',
           f'<div class="card"><b>{(sum(grades) / len(grades)) if grades else 0:.1f}</b>mean grade</div>',
           "</div>"]
    if errors:
        out.append('<h2>Errors</h2><ul>' + "".join(f"<li class='sev-error'>{_e(e)}</li>" for e in errors) + "</ul>")
    out.append(f'<h2>Grade distribution</h2><div class="chart">{grade_chart(grades, target)}</div>')
    out.append('<h2>Findings by category</h2><table id="by-category"><thead><tr><th>Category</th>'
               '<th class="num">Findings</th></tr></thead><tbody>')
    for c in CATEGORIES:
        out.append(f"<tr><td>{c}</td><td class='num'>{by_category[c]}</td></tr>")
    out.append("</tbody></table>")
    out.append('<h2>Findings by rule</h2><table id="by-rule" class="sortable"><thead><tr><th>Code</th><th>Rule</th>'
               '<th>Category</th><th class="num">Findings</th></tr></thead><tbody>')
    for code, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        name, cat = rule_names[code]
        out.append(f"<tr><td>{_e(code)}</td><td>{_e(name)}</td><td>{_e(cat)}</td><td class='num'>{n}</td></tr>")
    out.append("</tbody></table>")
    out.append('<h2>Articles</h2><p class="muted">Click a column to sort; click an article to open it.</p>'
               '<table id="articles" class="sortable"><thead><tr><th>Article</th><th class="num">Words</th>'
               '<th class="num">Grade</th><th class="num">Ease</th><th class="num">Errors</th>'
               '<th class="num">Warnings</th>' + "".join(f'<th class="num" title="{c}">{c[:4]}.</th>' for c in CATEGORIES)
               + "</tr></thead><tbody>")
    for i, r in enumerate(records):
        sev = Counter(d.severity for d in r["diagnostics"])
        cats = Counter(d.category for d in r["diagnostics"])
        rd = r["readability"] or {}
        out.append(
            f'<tr><td data-sort="{_e(r["path"])}"><a href="#a-{i}">{_e(r["path"])}</a></td>'
            f'<td class="num">{r["words"]}</td>'
            f'<td class="num" data-sort="{rd.get("flesch_kincaid_grade", -1)}">{_num(rd.get("flesch_kincaid_grade"))}</td>'
            f'<td class="num" data-sort="{rd.get("flesch_reading_ease", -1)}">{_num(rd.get("flesch_reading_ease"))}</td>'
            f'<td class="num sev-error">{sev["error"]}</td><td class="num sev-warning">{sev["warning"]}</td>'
            + "".join(f'<td class="num">{cats[c]}</td>' for c in CATEGORIES) + "</tr>")
    out.append("</tbody></table></section>")
    for i, r in enumerate(records):
        out.append(_article(i, r, target))
    out.append(f"</main><script>{JS}</script></body></html>\n")
    return "".join(out)


def _article(i: int, r: dict, target: float) -> str:
    rd = r["readability"] or {}
    parts = [f'<section class="article" id="a-{i}"><a class="back" href="#">&larr; all articles</a>',
             f'<h2>{_e(r["path"])}</h2>']
    if rd:
        parts.append('<table class="scores"><tbody>')
        for key, label in _SCORES:
            if key in rd:
                value = rd[key]
                if key in ("share_sentences_over_25_words", "passive_voice_share") and isinstance(value, (int, float)):
                    shown = f"{value:.0%}"
                else:
                    shown = _num(value, 2 if isinstance(value, float) else 0)
                parts.append(f"<tr><th>{label}</th><td class='num'>{shown}</td></tr>")
        parts.append("</tbody></table>")
    sections = r["sections"]
    grades = {s["line"]: s for s in rd.get("sections", [])}
    parts.append("<h3>Canonical sections</h3>")
    if sections:
        parts.append('<table class="sections"><thead><tr><th>Section</th><th>Covered by</th><th class="num">Line</th>'
                     '<th class="num">Grade</th><th class="num">Ease</th><th class="num">Words</th></tr></thead><tbody>')
        for s in sections:
            g = grades.get(s["line"], {})
            covered = s.get("heading") or s.get("paragraph") or ""
            grade = g.get("flesch_kincaid_grade")
            cls = " sev-warning" if isinstance(grade, (int, float)) and grade > target else ""
            parts.append(f"<tr><td>{_e(s['id'])}</td><td>{_e(covered)}</td>"
                         f"<td class='num'><a href='#a-{i}-L{s['line']}'>{s['line']}</a></td>"
                         f"<td class='num{cls}'>{_num(grade)}</td><td class='num'>{_num(g.get('flesch_reading_ease'))}</td>"
                         f"<td class='num'>{g.get('words', '')}</td></tr>")
        parts.append("</tbody></table>")
    else:
        parts.append("<p class='muted'>No canonical section found.</p>")
    parts.append(f"<h3>Findings ({len(r['diagnostics'])})</h3>")
    if r["diagnostics"]:
        parts.append('<table class="findings"><thead><tr><th class="num">Line</th><th>Code</th><th>Severity</th>'
                     '<th>Message</th></tr></thead><tbody>')
        for d in r["diagnostics"]:
            parts.append(f"<tr><td class='num'><a href='#a-{i}-L{d.line}'>{d.line}</a></td><td>{_e(d.code)}</td>"
                         f"<td class='sev-{d.severity}'>{d.severity}</td><td>{_e(d.message)}</td></tr>")
        parts.append("</tbody></table>")
    by_line: dict[int, list] = {}
    for d in r["diagnostics"]:
        by_line.setdefault(d.line, []).append(d)
    lines = r["lines"]
    parts.append("<h3>Text with findings in place</h3><ol class='source'>")
    for number, text in enumerate(lines[:MAX_SOURCE_LINES], start=1):
        hits = by_line.get(number, [])
        parts.append(f'<li id="a-{i}-L{number}"{" class=hit" if hits else ""}>{_e(text) or " "}')
        for d in hits:
            span = f"lines {d.line}-{d.end_line}" if d.end_line != d.line else f"line {d.line}"
            parts.append(f'<div class="finding sev-{d.severity}"><b>{_e(d.code)}</b> [{_e(d.category)}] '
                         f'{_e(d.message)} <span class="muted">({span})</span></div>')
        parts.append("</li>")
    parts.append("</ol>")
    if len(lines) > MAX_SOURCE_LINES:
        parts.append(f"<p class='muted'>… {len(lines) - MAX_SOURCE_LINES} more lines not shown.</p>")
    parts.append("</section>")
    return "".join(parts)


def run_report(args) -> int:
    from cpolint.runner import lint_for_command
    from cpolint.textio import read_source, write_atomic

    planned = lint_for_command(args)
    if planned is None:
        return 2
    results, errors, table = planned
    records = []
    for result in results:
        errors.extend(result.errors)
        if result.info is None:
            continue
        try:
            text = read_source(result.path).text
        except Exception:
            text = ""
        records.append({"path": result.path, "words": result.info.get("words", 0),
                        "readability": result.info.get("readability"), "sections": result.info.get("sections", []),
                        "diagnostics": result.diagnostics, "lines": text.splitlines()})
    settings = table.items[0] if table.items else None
    schema = (settings.schema if settings and settings.schema else "cpo")
    target = 12.0
    try:
        from cpolint.schema import load_schema

        target = float(load_schema(schema).thresholds.get("grade-target", 12.0))
        if settings and "grade-target" in settings.thresholds:
            target = settings.thresholds["grade-target"]
    except Exception:
        pass
    page = render(records, os.path.basename(str(schema)), target, errors)
    write_atomic(os.path.abspath(args.output), page.encode("utf-8"))
    print(f"wrote {args.output}: {len(records)} articles, "
          f"{sum(len(r['diagnostics']) for r in records)} findings")
    return 2 if errors else 0
