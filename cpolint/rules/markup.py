"""Markup left in a format that will show it raw: wiki links, unrendered Markdown."""

from __future__ import annotations

import re

from cpolint.analysis.boilerplate import is_boilerplate
from cpolint.document.model import CODE, FRONT_MATTER, Block
from cpolint.fastre import started
from cpolint.registry import Rule, rule

# The bare `block: Block` / `sent: Sentence` lines type loop variables when compiled: see hatch_build.py.

WIKI_LINK = re.compile(r"\[\[(?P<target>[^\[\]\n|]{1,120}?)(?:\|(?P<label>[^\[\]\n]{1,120}?))?\]\]")


@rule
class WikiLink(Rule):
    """Wiki-link markup (`[[Page Name]]`) left in the article.

    ## What it does
    Flags `[[...]]` and `[[target|label]]` wherever they appear in the text, in plain
    text, Markdown and HTML alike: none of these formats renders them.

    ## Why is this bad?
    Wiki links come from drafting tools (Obsidian, Notion, internal wikis) or from an
    LLM imitating them. Published, they show as literal brackets in the middle of a
    sentence and tell the reader the page was pasted, not edited.

    ## Example
    ```text
    - Developing [[Product Roadmap]] that align with business objectives
    ```
    Use instead: `Developing product roadmaps that align with business objectives`, or a
    real link. `--fix` unwraps the brackets, keeping the text (or the label after `|`).
    """

    code = "E006"
    name = "wiki-link"
    category = "editor-note"
    severity = "warning"
    fixable = True

    def check(self, ctx):
        block: Block
        doc = ctx.doc
        for block in doc.blocks:
            if block.kind in (CODE, FRONT_MATTER) or "[[" not in block.text or is_boilerplate(doc, block):
                continue
            for match in WIKI_LINK.finditer(block.text):
                visible = (match.group("label") or match.group("target")).strip()
                fix = ctx.replace_text_fix(block, match.start(), match.end(), visible,
                                           f"unwrap [[{match.group('target').strip()}]]")
                yield ctx.at_text(self, block, match.start(), match.end(),
                                  f"wiki-link markup '{match.group(0)}' is shown raw to readers; "
                                  f"write '{visible}' or a real link",
                                  data={"match": match.group(0), "text": visible}, fix=fix)


# Bold Markdown did not render, in a Markdown file: rendered text keeps a "**" next to a word
# only when it opens and never closes ("after **three to five years."), or the reverse.
_STRAY_BOLD = re.compile(r"(?<![\w*])\*\*(?=\w)|(?<=\w)\*\*(?![\w*])")
_MD_BOLD = started(r"(?<![\w*])(\*\*|__)(?=\S)(?P<inner>[^*_\n]{1,80}?\S)\1(?![\w*])")
_MD_LINK = started(r"(?<!!)\[(?P<text>[^\[\]\n]{1,120})\]\((?P<url>(?:https?://|/|\.{0,2}/|www\.|#)[^)\s]{0,300})\)")
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\[\]\n]{0,120})\]\((?P<url>[^)\s]{1,300})\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+\S")
_MD_FENCE = re.compile(r"^```")


@rule
class RawMarkdown(Rule):
    """Markdown syntax in plain text or HTML, where it shows raw.

    ## What it does
    Flags Markdown that a plain-text or HTML article will display literally: `**bold**`,
    `__bold__`, `[text](https://...)` links, `![alt](image.png)` images, and `## `
    headings or ``` fences inside HTML paragraphs. (`## ` headings in a .txt file are
    read as headings and left alone.) In a Markdown file, where it renders, only bold that
    does not: a `**` that opens and never closes in its paragraph (or closes and never
    opened) is shown as two asterisks.

    ## Why is this bad?
    Asterisks and bracketed URLs in the middle of a published paragraph look broken and
    signal copy-pasted, unedited text.

    ## Example
    ```text
    The CPO owns the **product vision** and reports to the [CEO](https://example.com/ceo).
    ```
    Use instead: `The CPO owns the product vision and reports to the CEO.`
    """

    code = "E007"
    name = "raw-markdown"
    category = "editor-note"
    severity = "warning"

    def check(self, ctx):
        block: Block
        doc = ctx.doc
        if doc.format == "markdown":
            yield from self._stray_bold(ctx)
            return
        for block in doc.blocks:
            if block.kind in (CODE, FRONT_MATTER) or is_boilerplate(doc, block):
                continue
            text = block.text
            found = []
            for regex, what, needs in ((_MD_IMAGE, "image", ("](",)), (_MD_LINK, "link", ("](",)),
                                       (_MD_BOLD, "bold", ("**", "__"))):
                if not any(n in text for n in needs):
                    continue  # none of the pattern's fixed characters is there (a substring test first)
                for match in regex.finditer(text):
                    if any(s <= match.start() < e for s, e, _ in found):
                        continue
                    found.append((match.start(), match.end(), what))
            if doc.format == "html" and (_MD_HEADING.match(text) or _MD_FENCE.match(text)):
                found.append((0, min(len(text), text.find(" ", 3) if " " in text[3:] else len(text)), "heading"))
            for start, end, what in sorted(found):
                yield ctx.at_text(self, block, start, end,
                                  f"Markdown {what} syntax '{text[start:end][:60]}' will show raw in "
                                  f"{'this HTML page' if doc.format == 'html' else 'plain text'}",
                                  data={"match": text[start:end], "kind": what})

    def _stray_bold(self, ctx):
        block: Block
        doc = ctx.doc
        for block in doc.blocks:
            if "**" not in block.text or block.kind in (CODE, FRONT_MATTER) or is_boilerplate(doc, block):
                continue
            for match in _STRAY_BOLD.finditer(block.text):
                line = doc.text_span(block, match.start(), match.end())[0]
                source = doc.line_text(line)
                if "`" in source or "\\*" in source:
                    continue  # "`**kwargs`", "\\*\\*": a code span's text or escaped asterisks, as meant
                yield ctx.at_text(self, block, match.start(), match.end(),
                                  "Markdown bold marker '**' that never closes (or never opened) will show raw",
                                  data={"match": "**", "kind": "bold"})

