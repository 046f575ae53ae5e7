"""Rules about the file as a whole: empty articles, unreadable front matter."""

from __future__ import annotations

from cpolint.registry import Rule, rule


@rule
class EmptyFile(Rule):
    """An article file with no text a reader would see.

    ## What it does
    Flags a file that is empty, holds only whitespace, or holds only front matter,
    comments or markup with no visible text.

    ## Why is this bad?
    An empty article published on a career site is a broken page: a reader who followed a
    search result finds nothing. It usually means a CMS export or a copy step failed.

    ## Example
    ```markdown
    ---
    title: Chief Product Officer
    ---
    ```
    Use instead: write the article, or remove the file.
    """

    code = "S009"
    name = "empty-file"
    category = "structure"
    severity = "error"

    def check(self, ctx):
        from cpolint.document.model import PROSE_KINDS

        if any(b.text.strip() for b in ctx.doc.blocks if b.kind in PROSE_KINDS):
            return
        yield ctx.diagnostic(self, (1, 1, 1, 1), "the article is empty: no text a reader would see")


@rule
class InvalidFrontMatter(Rule):
    """Front matter that is not valid YAML or not a mapping.

    ## What it does
    Flags YAML front matter (between `---` lines at the top of a Markdown file) that
    cannot be parsed, has duplicate keys, uses YAML tags, or is not a mapping. The
    message gives the line and column of the problem.

    ## Why is this bad?
    Static site generators (Hugo, Jekyll, Astro) fail to build, or silently drop the
    title, description and keywords, when the front matter is broken.

    ## Example
    ```markdown
    ---
    title: "Chief Product Officer
    keywords: [cpo, product
    ---
    ```
    Use instead: close the quote and the list.
    """

    code = "S010"
    name = "invalid-front-matter"
    category = "structure"
    severity = "error"

    def check(self, ctx):
        for line, column, message in ctx.doc.parse_problems:
            text = ctx.doc.line_text(line) if line <= ctx.doc.line_count else ""
            yield ctx.diagnostic(self, (line, column, line, max(len(text) + 1, column + 1)), message)
