"""Boilerplate and SEO spam: everything on the page that is not the article.

B001-B007 report the blocks cpolint.analysis.boilerplate classified, one diagnostic per
run of adjacent blocks of one kind, spanning its first to its last line; `--fix` removes
those lines. B008 finds sentences that only repeat the title, B009 an article whose key
phrase density is far above natural.
"""

from __future__ import annotations

import functools
import re

from cpolint.analysis import boilerplate as bp
from cpolint.analysis.sections import title_block
from cpolint.analysis.directives import short
from cpolint.document.model import LIST_ITEM, PARAGRAPH, PROSE_KINDS, Block, Sentence
from cpolint.fastre import byte_table, count_phrase, split_runs
from cpolint.registry import Rule, rule

# The bare `block: Block` / `sent: Sentence` lines type loop variables when compiled: see hatch_build.py.


class _RegionRule(Rule):
    """Reports runs of blocks of one boilerplate kind."""

    kind = ""
    label = ""
    fixable = True

    def check(self, ctx):
        block: Block
        doc = ctx.doc
        verdicts = doc.analyses.get("boilerplate", {})
        if not verdicts:
            return
        run: list = []
        for block in doc.blocks:
            v = verdicts.get(block.index)
            if v is not None and v.kind == self.kind:
                run.append((block, v))
                continue
            if v is None and not block.text.strip() and not block.images:
                continue
            if run:
                yield self._report(ctx, run)
                run = []
        if run:
            yield self._report(ctx, run)

    def _report(self, ctx, run):
        first, last = run[0][0], run[-1][0]
        reasons = []
        for _, v in run:
            if v.reason not in reasons:
                reasons.append(v.reason)
        sample = first.text.strip() or "(image)"
        if len(sample) > 50:
            sample = sample[:47] + "…"
        message = f"{self.label} ({', '.join(reasons[:2])}): '{sample}'" + (
            f" and {len(run) - 1} more block{'s' if len(run) > 2 else ''}" if len(run) > 1 else "")
        fix = self._fix(ctx, first, last)
        return ctx.at_blocks(self, first, message, last=last, fix=fix,
                             data={"kind": self.kind, "blocks": len(run), "lines": [first.line, last.end_line],
                                   "reasons": reasons})

    def _fix(self, ctx, first, last):
        # Lines shared with site chrome of any kind may go; lines shared with article text may not.
        return ctx.remove_lines_fix(first, last, f"remove {self.label}",
                                    removable=lambda block: bp.is_boilerplate(ctx.doc, block))


@rule
class SiteChrome(_RegionRule):
    """Site chrome: navigation, menus, breadcrumbs, sidebars, headers and footers.

    ## What it does
    Flags the parts of a web page that came along when the article was copied or scraped:
    skip links, menus and nav bars, breadcrumbs ("Home > Careers > Product") and lone
    category labels above the title, sidebars (recent posts, categories with counts,
    archives by month, recent comments, tag clouds), site names and taglines, footers,
    copyright lines, "Write for us" and contact addresses, and below the article a post's
    tags, layout separators ("·") and an author box (the short lines of one, an "About the
    author" label with the short bio under it, or a bio closing the article that opens with
    the byline's or front matter's author: "Marisol Reyes is a registered dietitian ...");
    the page's kind under the title ("Job profile"); prose above a title set in <main> or
    <article>, outside them (an archive toolbar's blurb); the site's calls to action between the
    sections ("Upload your CV and let recruiters find you", "Download our free guide ...",
    "Browse ... jobs on <site> today": an imperative that offers the site's own service, not
    advice to browse another's); in a PDF or print
    export, page numbers ("Page 2 of 3") and the running header or footer repeated on each
    page. It combines HTML elements and
    classes, line shape, position above the title or below the article, and distance from
    the article's topic. `--fix` removes the lines.

    ## Why is this bad?
    Published inside an article, another site's menu and sidebar make the page look
    scraped, leak links to unrelated content, and bury the article for readers and search
    engines alike.

    ## Example
    ```text
    Skip to content
    Recent Posts
      • How to Download YouTube Videos with Online Yt5s?
    Home > Business > The Role of a Chief Product Officer
    ```
    Use instead: start the file at the article's title.
    """

    code = "B001"
    name = "site-chrome"
    category = "boilerplate"
    severity = "warning"
    kind = bp.CHROME
    label = "site chrome"


@rule
class Byline(_RegionRule):
    """A byline or date line run into the text ("AdminJune 12, 2023June 12, 2023").

    ## What it does
    Flags author and date lines copied from a blog template: "By Jane Doe | June 3, 2024",
    "Posted on March 1, 2023 by admin", or the run-together "AdminJune 12, 2023June 12, 2023"
    a scraper leaves when it drops the markup.

    ## Why is this bad?
    The CMS prints the author and date itself; a copy in the body duplicates them and, run
    together, reads as garbage.

    ## Example
    `AdminJune 12, 2023June 12, 2023` under the title.
    Use instead: set author and date in the CMS or front matter.
    """

    code = "B002"
    name = "byline"
    category = "boilerplate"
    severity = "warning"
    kind = bp.BYLINE
    label = "byline"


@rule
class RelatedLinks(_RegionRule):
    """Post navigation, related-post lists and links to articles about other jobs.

    ## What it does
    Flags "Previous/Next" post navigation, "Related Posts" and "You may also like" lists,
    "Related: …" and "Back to Career Development" lines, link-preview (bookmark) cards of
    other pages set in the text, and headlines of other articles ("What Does a Walmart
    Cashier Do?") left at the end of the text.

    ## Why is this bad?
    Out of their page they are dead text: links without targets, to articles on other
    topics, in the middle of or after the article.

    ## Example
    ```text
    What Does a Walmart Cashier Do?
    Back to Career Development
    ```
    Use instead: let the site template render related links.
    """

    code = "B003"
    name = "related-links"
    category = "boilerplate"
    severity = "warning"
    kind = bp.RELATED
    label = "related or navigation links"


@rule
class CommentSection(_RegionRule):
    """A comment form or comment thread copied with the article.

    ## What it does
    Flags "Leave a Reply", "Your email address will not be published. Required fields are
    marked *", form labels and comment threads.

    ## Why is this bad?
    A dead form in the middle of an article confuses readers and shows the text was scraped.

    ## Example
    ```text
    Leave a Reply
    Your email address will not be published. Required fields are marked *
    ```
    Use instead: remove it; the site renders its own comment form.
    """

    code = "B004"
    name = "comment-section"
    category = "boilerplate"
    severity = "warning"
    kind = bp.COMMENTS
    label = "comment section"


@rule
class ShareAndSubscribe(_RegionRule):
    """Share buttons, newsletter sign-ups and cookie banners.

    ## What it does
    Flags short blocks such as "Share this:", "Share on LinkedIn", "Subscribe to our
    newsletter", "We use cookies", "5 min read" and social network names in a row; like,
    clap and follower counts ("42 Likes · 7 Restacks"), ratings ("4.8/5 (126 votes)"); and the
    writer's sign-off asking for
    them ("Thanks for reading! If this helped, give it a clap and follow me for more"); the
    site's newsletter offered in a short paragraph anywhere ("Want our free roadmap? Sign up
    and we'll send it straight to your inbox"); and a "[Click to Tweet]" button run onto the
    end of a quote. A sentence that uses "share", "follow" or "subscribe" in a business sense
    is left alone, and so is advice to subscribe to others' newsletters.

    ## Why is this bad?
    They are widgets, not words: as text they interrupt the article and do nothing.

    ## Example
    `Share this: Facebook Twitter LinkedIn`
    Use instead: remove them.
    """

    code = "B005"
    name = "share-subscribe-cookie"
    category = "boilerplate"
    severity = "warning"
    kind = bp.SHARE
    label = "share, newsletter or cookie widget"

    def check(self, ctx):
        yield from super().check(ctx)
        # A share button run onto the end of a quote or paragraph ("... say no." [Click to Tweet]).
        for block in bp.content_blocks(ctx.doc):
            text = block.text.rstrip()
            if not text.endswith(("]", "t", "T", "s", "S", "e", "E")) or ("weet" not in text and "hare" not in text):
                continue  # (substring tests first: most blocks end otherwise)
            m = _SHARE_TAIL.search(text)
            if m is None or not text[:m.start()].strip():
                continue  # (a line that is the button alone is the region rule's)
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            yield ctx.at_text(self, block, start, m.end(), f"share button in the text: '{text[start:m.end()]}'",
                              data={"kind": self.kind, "text": text[start:m.end()]},
                              fix=ctx.replace_text_fix(block, start, m.end(), "", "remove the share button",
                                                       eat_space_before=True))


# In brackets, or after the sentence's end ("... good ideas.\" Click to Tweet").
_SHARE_TAIL = re.compile(r"(?:\s*\[\s*(?:click to tweet|tweet this(?: quote)?|share this quote|click to share)\s*\]"
                         r"|(?<=[.!?\"”])\s*(?:click to tweet|tweet this(?: quote)?|share this quote|click to share))$", re.I)


# What an ad's sentence has beside its ad words: an exclamation, a web address, a discount.
_PITCH = re.compile(r"!|www\.|\.(?:com|net|org|io|co)\b|% off\b", re.I)


def _hinted(text: str) -> bool:
    """A product code's pipe or what _PITCH needs, by substring (in C, on every paragraph;
    addresses are written in lower case)."""
    return "|" in text or "!" in text or ".co" in text or "www." in text or ".org" in text or ".net" in text \
        or ".io" in text or "% off" in text


@rule
class InjectedSpam(_RegionRule):
    """Injected product or ad lines: off-topic text with a product code, a pipe or ad words.

    ## What it does
    Flags short, off-topic lines such as "Sales Marketing Policy Procedure Manual | ABR44M"
    or "Free sample policies and procedures template" wherever they appear, including in
    the middle of the article; an ad that labels itself ("Sponsored content: Try MarketPro
    free for 30 days ...", "Advertisement — Get 20% off ..."); and in HTML a keyword list the
    page hides from readers (`display:none`, `visibility:hidden`, `hidden`) but not from
    search engines.

    ## Why is this bad?
    This is SEO spam injected by the source site or a compromised plugin. Published, it
    tells readers and search engines the page is low quality.

    ## Example
    `Sales Marketing Policies and Procedures Manual | ABR44M`
    Use instead: remove it.
    """

    code = "B006"
    name = "injected-spam"
    category = "boilerplate"
    severity = "error"
    kind = bp.SPAM
    label = "injected spam"

    def check(self, ctx):
        yield from super().check(ctx)
        # Spam run into the end of a paragraph of the article ("... $235,000 a year. Download
        # free template PDF now! Policy Manual | ZX88QK"): from its first sentence to the end.
        doc = ctx.doc
        spam_words = ctx.registry.lexicon_pattern("spam-words", r"\b(?:{body})")
        vocab = doc.analyses.get("topic_words") or set()
        for block in bp.content_blocks(doc):
            text = block.text
            if block.kind not in (PARAGRAPH, LIST_ITEM) or not _hinted(text):
                continue  # substring tests first: most blocks hold neither a product code nor an ad's pitch
            sents = doc.sentences_of(block)
            if len(sents) < 2:
                continue
            for k in range(1, len(sents)):
                text = sents[k].text
                coded = bp.product_code(text)
                if not coded and (spam_words is None or not spam_words.search(text) or not _PITCH.search(text)
                                  or (ctx.schema is not None and ctx.schema.role_pattern.search(text))
                                  or len(set(bp.content_words(text)) & vocab) >= 2):
                    continue
                # The ad's lead-in question ("Looking for the best casino bonuses?") is the ad's too.
                while k > 1 and sents[k - 1].text.endswith("?") and _AD_QUESTION.match(sents[k - 1].text) \
                        and not (ctx.schema is not None and ctx.schema.role_pattern.search(sents[k - 1].text)):
                    k -= 1
                start, end = sents[k].start, len(block.text.rstrip())
                fix = ctx.replace_text_fix(block, start, end, "", "remove the injected spam", eat_space_before=True)
                yield ctx.at_text(self, block, start, end,
                                  f"injected spam at the end of a paragraph: '{short(block.text[start:end], 60)}'",
                                  data={"kind": self.kind, "text": block.text[start:end]}, fix=fix)
                break


# How an ad opens with a question to the reader ("Looking for the best casino bonuses?").
_AD_QUESTION = re.compile(r"(?:looking for|searching for|in need of|need|want|tired of|struggling with|ready to)\b",
                          re.I)


@rule
class RepeatedTitle(_RegionRule):
    """The title repeated as a stray line.

    ## What it does
    Flags a line that repeats the article's title word for word outside the title itself.

    ## Why is this bad?
    A scraper or CMS template printed the title twice; the copy reads as a mistake and
    counts as keyword stuffing.

    ## Example
    ```text
    How To Become a Chief Product Officer CPO

    How To Become a Chief Product Officer CPO
    ```
    Use instead: keep one title.
    """

    code = "B007"
    name = "repeated-title"
    category = "boilerplate"
    severity = "warning"
    kind = bp.REPEATED_TITLE
    label = "repeated title"


def _title_text(ctx) -> str | None:
    block = ctx.doc.analyses.get("title_block") or title_block(ctx.doc)
    if block is not None:
        return block.text
    return ctx.doc.title


_ALNUM = re.compile(r"[A-Za-z0-9]+")


# Bytes of the ASCII letters and digits to "a", every other byte to a space: the runs of
# [A-Za-z0-9] in a text are then its whitespace-split words (non-ASCII characters are only
# bytes >= 0x80 in UTF-8), counted in C without building a match list.
_RUN_BYTES = bytes(ord("a") if chr(i).isascii() and chr(i).isalnum() else ord(" ") for i in range(256))
_ALNUM_BYTES = byte_table(str.isalnum)


def _words(text: str) -> list[str]:
    """_ALNUM.findall(text.lower()), split in C."""
    return split_runs(text.lower(), _ALNUM_BYTES)


def _count_alnum_runs(text: str) -> int:
    """len(_ALNUM.findall(text)), at a tenth of the cost: the runs counted where they start,
    without a list of them."""
    runs = text.encode("utf-8", "surrogatepass").translate(_RUN_BYTES)
    return runs.count(b" a") + runs.startswith(b"a")


@rule
class KeywordStuffing(Rule):
    """A sentence that only repeats the title or its key phrase.

    ## What it does
    Flags sentences inside the article that are the title again ("… keep reading to learn
    more about this exciting career path. How To Become a Chief Product Officer CPO.") or
    that repeat the key phrase three or more times without saying anything else, and lists
    of search terms built on the role's name. A CMS field's line of them ("Tags: cpo salary,
    cpo jobs, ...") is reported as the field (E009) when that rule runs.

    ## Why is this bad?
    It is written for a search engine, not a reader; search engines penalise it, and
    readers stumble on it.

    ## Example
    `Chief product officer jobs, chief product officer salary, chief product officer career.`
    Use instead: delete the sentence. `--fix` removes it.
    """

    code = "B008"
    name = "keyword-stuffing"
    category = "boilerplate"
    severity = "warning"
    fixable = True

    def check(self, ctx):
        sent: Sentence
        doc = ctx.doc
        title = _title_text(ctx)
        title_words = _words(title) if title else []
        title_block_ = doc.analyses.get("title_block")
        phrase = _key_phrase(ctx, title)
        phrase_word = re.compile(r"\b" + re.escape(phrase) + r"\b") if phrase else None
        # A CMS field's line ("Tags: cpo salary, cpo jobs, ...") is E009's when the run reports it.
        fields = bp.cms_fields(ctx.registry) if ctx.reports("E009") else None
        for sent in doc.sentences:
            block = sent.block
            if block is title_block_ or bp.is_boilerplate(doc, block) or block.kind not in PROSE_KINDS:
                continue
            low = sent.text.lower()
            # Substring tests first: most sentences hold neither the title's words nor the phrase.
            title_like = len(title_words) >= 3 and title_words[0] in low and title_words[-1] in low
            reason = None
            if title_like or (phrase and phrase in low):
                words = _words(sent.text)
                if title_like and words == title_words and len(doc.sentences_of(block)) > 1:
                    reason = "repeats the title"
                elif phrase and words and len(words) <= 60:
                    uses = [m.end() for m in phrase_word.finditer(low)]
                    count = len(uses)
                    # Half the sentence the phrase, or a search term made of it said three times
                    # ("... chief product officer salary, this chief product officer salary guide
                    # explains chief product officer salary by location"; a career path that names
                    # "product manager", "senior product manager", "group product manager" is none).
                    if count >= 3 and (count * len(phrase.split()) >= len(words) * 0.5
                                       or _repeated_term(low, uses)):
                        reason = f"repeats '{phrase}' {count} times"
            if reason is None and ctx.schema is not None:
                # A list of search terms on any of the role's names ("CMO jobs, CMO salary, ..."):
                # three separators at least, and short items (prose runs long between its commas).
                separators = low.count(",") + low.count("|")
                if separators >= 3 and len(low) <= 45 * (separators + 1):
                    reason = _search_terms(sent.text, ctx.schema.role_pattern)
                if reason is None and separators >= 2 and len(low) <= 400:
                    # The role named five times or more in a sentence of search terms run into
                    # prose ("Our CTO jobs guide covers CTO jobs remote, CTO jobs near me, ...").
                    named = len(ctx.schema.role_pattern.findall(sent.text))
                    if named >= 5 and named >= 0.15 * len(_words(sent.text)):
                        reason = f"names the role {named} times"
            if reason is None or (fields is not None and not block.text[:sent.start].strip()
                                  and bp.opens(fields, block.text)):
                continue
            if doc.format != "html" and not block.text[:sent.start].strip() and not block.text[sent.end:].strip():
                # The block is that sentence alone (a tag line): its lines go, not only its
                # words. (In HTML the words go, and the element's tags stay, as before.)
                fix = ctx.remove_lines_fix(block, None, "remove the stuffed line")
            else:
                fix = ctx.replace_text_fix(block, sent.start, sent.end, "", "remove the stuffed sentence",
                                           eat_space_before=True)
            yield ctx.at_text(self, block, sent.start, sent.end,
                              f"keyword stuffing: the sentence '{sent.text[:60]}' {reason}",
                              data={"sentence": sent.text, "reason": reason}, fix=fix)


_TERM_SEPARATOR = re.compile(r"\s*[,|]\s*(?:and\s+|or\s+)?")


def _search_terms(text: str, role) -> str | None:
    """A list of search terms built on the role's name ("CMO jobs, CMO salary, CMO career,
    CMO resume"): four or more short items, nearly all naming the role (any of its names)."""
    items = [item for item in _TERM_SEPARATOR.split(text.strip().rstrip(".")) if item]
    if len(items) < 4 or any(len(item.split()) > 5 for item in items):
        return None
    named = sum(1 for item in items if role.search(item))
    if named >= 4 and named >= 0.75 * len(items):
        return f"lists the role's name as a search term {named} times"
    return None


_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_STOP_NEXT = frozenset("and or to the a an of in at for with is are was be".split())


def _repeated_term(low: str, uses: list[int]) -> bool:
    """Whether the phrase (ending at each of `uses`) and the same word after it come three
    times in the sentence."""
    after = [_NEXT_WORD.match(low, end) for end in uses]
    nexts = [n.group(1) for n in after if n is not None and n.group(1) not in _STOP_NEXT]
    return any(nexts.count(w) >= 3 for w in set(nexts))


def _key_phrase(ctx, title: str | None) -> str | None:
    """The article's key phrase: the role name as the title gives it."""
    schema = ctx.schema
    if schema is None:
        return None
    source = title or ""
    for name, pattern in _role_names(schema.role, tuple(schema.aliases)):
        if pattern.search(source) and len(name.split()) >= 2:
            return name.lower()
    return schema.role.lower()


@functools.lru_cache(maxsize=64)
def _role_names(role: str, aliases: tuple[str, ...]) -> list[tuple[str, re.Pattern]]:
    """The role's names, longest first, each with its whole-word pattern (made once a schema)."""
    return [(name, re.compile(r"\b" + re.escape(name) + r"\b", re.I))
            for name in sorted([role, *aliases], key=len, reverse=True)]


@rule
class KeywordDensity(Rule):
    """The article's key phrase is used far more often than natural writing does.

    ## What it does
    Counts the key phrase (the role name as the title gives it, "chief product officer")
    in the article's own text and reports the density (phrase words / all words) when it
    is above the `keyword-density-max` threshold (uses per 100 words, default 4). The
    figures are in `data`.

    ## Why is this bad?
    Editors' tools (Yoast) flag densities over 3%; far above that, the text reads as
    written for a crawler, and search engines demote it.

    ## Example
    A 400-word article that says "chief product officer" 20 times (5%).
    Use instead: use "the CPO", "they", "the role", or rewrite.
    """

    code = "B009"
    name = "keyword-density"
    category = "boilerplate"
    severity = "warning"
    options = {"keyword-density-max": 4.0, "keyword-density-min-words": 150}

    def check(self, ctx):
        doc = ctx.doc
        title = _title_text(ctx)
        phrase = _key_phrase(ctx, title)
        if not phrase:
            return
        title_block_ = doc.analyses.get("title_block")
        blocks = [b for b in bp.kept_blocks(doc) if b.kind in PROSE_KINDS and b is not title_block_]
        # One search over all the blocks, joined by a character that is neither a word
        # character nor white space, so that no phrase runs from one block into the next.
        joined = "\0".join(b.text for b in blocks)
        total = _count_alnum_runs(joined)
        if total < ctx.threshold("keyword-density-min-words"):
            return
        count = count_phrase(phrase, joined)
        density = round(100.0 * count / total, 2)  # uses per 100 words, as Yoast counts it
        if density <= ctx.threshold("keyword-density-max"):
            return
        anchor = title_block_ or next((b for b in blocks), None)
        if anchor is None:
            return
        yield ctx.at_blocks(self, anchor,
                            f"keyword density of '{phrase}' is {density}% ({count} uses in {total} words); "
                            f"natural writing stays under {ctx.threshold('keyword-density-max'):g}%",
                            data={"phrase": phrase, "count": count, "words": total, "density": density})
