"""Which blocks are site chrome, article furniture or spam rather than the article.

Signals are combined, never used alone:
- HTML elements and their classes (nav, header, footer, aside, form; sidebar, widget,
  menu, breadcrumb, share, comment, related ...);
- phrases from the `boilerplate-*` lexicons in rules/packs/boilerplate.yaml, matched only
  against whole short blocks, so "share the roadmap" in a sentence is never chrome;
- line shape: short, title-cased, no verb or final punctuation, menus of one-word items,
  breadcrumbs, category counts, archive months, dates run into author names;
- position: chrome crowds above the title and below the article's last content; the
  "core" runs from the first to the last block of real, on-topic prose;
- region headings ("Related Posts", "Leave a Reply") that open a run of chrome which lasts
  until real prose resumes;
- repetition and similarity to the title, and distance from the article's topic (the
  schema's role names plus the words the article's own paragraphs use most).

The result, `doc.analyses["boilerplate"]`, maps block index to a `Verdict`; every rule
reads it (structure and readability skip those blocks) and the B-rules report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cpolint.analysis.cover_note import cover_note
from cpolint.document.model import (CODE, FRONT_MATTER, HEADING, LIST_ITEM, PARAGRAPH, PROSE_KINDS, TABLE, Block,
                                    Document)
from cpolint.document.shapes import (ALNUM, ANCHOR, DOC_COMMENT, FAQ, QUESTION, SECTION_NUMBER, SENTENCE_END,
                                     is_title_case)
from cpolint.fastre import Keyed, byte_table, started, words_in

# Verdict kinds, reported by the rules in cpolint/rules/boilerplate.py.
CHROME = "chrome"  # B001
BYLINE = "byline"  # B002
RELATED = "related"  # B003
COMMENTS = "comments"  # B004
SHARE = "share"  # B005
SPAM = "spam"  # B006
REPEATED_TITLE = "repeated-title"  # B007
NOTE = "note"  # a covering message to the editor (cover_note): E003's to report, no B-rule's

_HTML_HINTS = [
    (re.compile(r"(^|[\s._#-])(comments?|respond|reply|discussion|disqus)([\s._#-]|$)"), COMMENTS),
    # ("newsletter-post" is a newsletter's post itself: Substack's <article>.)
    (re.compile(r"(^|[\s._#-])(share|sharing|social|sharedaddy|addtoany|newsletter(?![-_](?:post|article|issue|content|body|entry))|"
                r"subscribe|subscription|cookie|consent|gdpr|mailchimp|optin)([\s._#-]|$)"), SHARE),
    # A bookmark or link-preview card is another page's headline set in the text (Ghost, Notion).
    (re.compile(r"(^|[\s._#-])(related|recommend(ed|ations)?|more-stories|read-next|read-more|post-navigation|"
                r"nav-links|pagination|prev|previous|next|yarpp|jp-relatedposts|bookmark-card|link-card|link-preview)"
                r"([\s._#-]|$)"), RELATED),
    (re.compile(r"(^|[\s._#-])(byline|author|entry-meta|post-meta|posted-on|meta-info|dateline|timestamp|page-metadata|"
                r"page-meta|article-meta)"
                r"([\s._#-]|$)"), BYLINE),
    # "widget" counts as a class's first word only ("widget", "widget_text", "widget-area"):
    # page builders name every unit of a page so, the article's text included
    # ("elementor-widget elementor-widget-text-editor", "elementor-widget-container").
    (re.compile(r"(^|\s)widgets?([\s._-]|$)|(^|[\s._#-])(sidebar|widget-area|menu|navbar|nav|navigation|breadcrumbs?|"
                r"site-header|site-footer|masthead|footer|header|banner|skip-link|screen-reader-text|"
                r"topbar|toolbar|site-branding|site-title|site-description|copyright|colophon|ad|ads|advert|"
                r"advertisement|sponsor|sponsored|sponsors|promo|promoted|cta|call-to-action|btn|button|tag-cloud|"
                r"tagcloud|archive|search-form|searchform|"
                r"tags|post-tags|entry-tags|tags-links|tag-links|cat-links|post-categories|topics|post-topics|"
                r"toc|table-of-contents)"
                r"([\s._#-]|$)"), CHROME),
]
def _flat_attrs(attrs: str) -> str:
    """An element's "#id.class" as words the hint patterns read ("#main.post-meta" -> " main post-meta").
    A name a framework mounts the whole page on ("#__next", "#__nuxt", "#___gatsby") says
    nothing of what is inside: it is left out (its "next" named a pager)."""
    flat = attrs.replace("#", " ").replace(".", " ")
    return _FRAMEWORK_ROOT.sub(" ", flat) if "__" in flat else flat


_FRAMEWORK_ROOT = re.compile(r"(?:^|\s)__\S*")


# An author box (the author's photo, name and bio under the article) is chrome, though the
# name inside it sits in an element whose class says "author" as a byline's does.
_AUTHOR_BOX = re.compile(r"(^|[\s._#-])(author-box|authorbox|author-bio|about-author|author-card|author-profile)"
                         r"([\s._#-]|$)")
_HTML_TAGS = {"nav": CHROME, "header": CHROME, "footer": CHROME, "aside": CHROME, "form": COMMENTS}
# A header class that names the article's own header ("entry-header", "gh-article-header"):
# its title, dek and byline, as an <article>'s own <header> is.
_OWN_HEADER = re.compile(r"(^|[\s._#-])(article|post|entry|story|single)[-_](header|head|hero)([\s._#-]|$)")
_HTML_ROLES = {"navigation": CHROME, "banner": CHROME, "contentinfo": CHROME, "complementary": CHROME,
               "search": CHROME}

_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DATE = started(rf"{_MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
                r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b", re.I)  # and 03/04/2026, 4.3.2026
# The author a byline names ("Written By Priya Natarajan"), and a bio's first words.
_BY_NAME = re.compile(r"\b[Bb]y\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})")
_BIO_VERBS = r"(?:is|was|writes|has|leads|covers|works)\b"  # how an author's bio goes on after its subject
_PRONOUN_OPENS = re.compile(rf"(?:She|He|They)\s+{_BIO_VERBS}")
_ARCHIVE_MONTH = re.compile(rf"^{_MONTHS}\s+\d{{4}}(\s*\(\d+\))?$", re.I)
_COUNTED = re.compile(r"^[A-Z][\w&' -]{0,40}\s*\(\d{1,5}\)$")
_COUNT = r"\d[\d.,]*\s*[KkMm]?(?:\s+(?:followers?|claps?|likes?|reactions?|comments?|responses?|replies|shares?|reposts?|restacks?|views?|reads?|saves?))?"
_ITEM_MARKS = "|•·∙"  # what separates the items of a menu line or a counter row
# "1,204 reactions · 87 comments", "42 likes, 7 comments": a comma between two counts has a
# space after it (inside a number it has none: one reading of "1,1,1", not exponentially many).
_COUNTER = re.compile(rf"^{_COUNT}(?:(?:\s*[{_ITEM_MARKS}]\s*|\s*,\s+){_COUNT})*$", re.I)
_EMAIL_ONLY = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_URL_ONLY = re.compile(r"^(https?://|www\.)\S+$", re.I)
# A part of a breadcrumb or menu line starts and ends with a non-space: the white space around
# a separator is the separator's alone. (Parts that could begin or end in it made the search
# backtrack exponentially when a line failed at its end: 15 s on "Home  /  Careers  / ...".)
_BREADCRUMB = re.compile(r"^[^>»›/\s](?:[^>»›/]{0,38}[^>»›/\s])?"
                         r"(?:\s*(?:>|»|›|/|\\)\s*[^>»›/\s](?:[^>»›/]{0,58}[^>»›/\s])?){2,}$")
_MENU_LINE = re.compile(rf"^[^{_ITEM_MARKS}\s](?:[^{_ITEM_MARKS}]{{0,23}}[^{_ITEM_MARKS}\s])?"
                        rf"(?:\s*[{_ITEM_MARKS}]\s*[^{_ITEM_MARKS}\s](?:[^{_ITEM_MARKS}]{{0,23}}[^{_ITEM_MARKS}\s])?){{2,}}$")
_MENU_SEPARATOR = re.compile(rf"\s+[{_ITEM_MARKS}]\s+")
# A footer's links written as a phrase: "Cookies, Privacy and Terms".
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+(?:and|&)\s+")
# A menu copied from a page as text: its items set apart by a tab or a run of three spaces
# ("Find jobs   Salaries   Career advice").
_GAP = re.compile(r"\t|   +")
# A cookie or consent banner's sentence ("We use cookies to improve your experience ...").
_CONSENT = re.compile(r"^(?:we use cookies|(?:this|our) (?:web)?site uses cookies|by (?:clicking|continuing|using)\b"
                      r".{0,80}\b(?:accept|agree)\b.{0,80}\bcookies)\b", re.I)
# A newsletter's footer sentence: "Want to change how you receive these emails? You can update
# your preferences or unsubscribe from this list." (the reader's own list, by email words).
_UNSUBSCRIBE = re.compile(r"\b(?:unsubscribe|update (?:your )?(?:subscription |email )?preferences|manage (?:your )?"
                          r"subscription)\b(?=.*\b(?:this list|these emails|our emails|this newsletter|our newsletter|"
                          r"mailing list)\b)|\b(?:these emails|this list|this newsletter)\b.*\b(?:unsubscribe|update "
                          r"(?:your )?preferences)\b", re.I)
# A site's box about itself: "Why trust us: our guides are ... reviewed against our editorial
# standards". (Not a disclosure or a disclaimer: "This post contains affiliate links ...", "...
# does not constitute career advice" is text the publisher must keep, and keeps on purpose.)
_TRUST_BOX = re.compile(r"^\W*why\s+(?:you\s+(?:can|should)\s+)?trust\s+us\b|\bour\s+editorial\s+(?:standards|guidelines|"
                        r"policy|process)\b", re.I)
# Where a disclosure starts ("Some links on this page are affiliate links.", "Advertiser
# disclosure: ..."): text the publisher keeps (above), so a box of links above it ends there.
_DISCLOSURE = re.compile(r"(?:(?:affiliate|advertiser|advertising)\s+)?disclosure\b|(?:this|the|our)\s+(?:post|page|article|"
                         r"site|guide|website)\s+(?:may\s+)?contains?\s+affiliate\s+links|some\s+(?:of\s+the\s+)?links\s+"
                         r"(?:on|in)\s+this\s+(?:page|post|article|guide)\s+(?:are|may\s+be)\s+affiliate\s+links|"
                         r"as\s+an\s+amazon\s+associate\b", re.I)
# A publisher's team as the author ("Indeed Editorial Team", "The Careers Hub Editors"): a byline,
# even when the site's name is a word the article uses.
_EDITORIAL_TEAM = re.compile(r"(?:[Bb]y\s+)?(?:[Tt]he\s+)?(?!(?:Working|Meet|Join|About|How|Why|What|Inside|Building|Managing|"
                             r"Leading|Hiring|Our|Your|With|For)\b)(?:[A-Z][\w&.'’-]*\s+){1,4}"
                             r"(?i:editorial\s+(?:team|staff|board|desk)|editors)")
# How a longer byline starts ("Reviewed by Dana Whitfield, CPA · Fact checked by Sam Reyes"): the
# lexicon's whole-text patterns run on lines of 9 to 12 words only then.
_BYLINE_START = re.compile(r"(?:by|written by|reviewed by|edited by|fact[- ]checked by|posted by|medically reviewed by)\s",
                           re.I)
_DIGIT = re.compile(r"\d")  # every date has one: a cheap test before _DATE
# "Page 2 of 3", "- 2 -" (read as a list item "2 -" in plain text), "2 of 3"
_PAGE_NUMBER = re.compile(r"^(?:page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|(?:[-–—]\s*)?\d{1,4}\s*[-–—]|\d{1,4}\s+of\s+\d{1,4})$",
                          re.I)


def _separated(text: str) -> bool:
    """Two separators at least, which a breadcrumb and a menu line both need (a cheap test
    before their patterns)."""
    return (text.count(">") + text.count("»") + text.count("›") + text.count("/") + text.count("\\") >= 2
            or sum(map(text.count, _ITEM_MARKS)) >= 2)


_ACTIONS = frozenset(("like", "comment", "share", "repost", "send", "save", "react", "reply", "clap", "follow",
                      "subscribe", "bookmark", "celebrate", "support", "love", "insightful", "curious", "funny"))
_NETWORKS = frozenset(("linkedin", "medium", "substack", "facebook", "twitter", "x", "reddit", "quora", "tumblr"))
# What a row of share buttons names, copied as one line ("Facebook Twitter LinkedIn Email").
_SHARE_TARGETS = _NETWORKS | frozenset(("email", "e-mail", "mail", "print", "whatsapp", "pinterest", "telegram",
                                        "messenger", "threads", "bluesky", "mastodon", "xing", "copy", "link", "share"))
_BUTTON_WORDS = re.compile(r"[a-z-]+")


def _share_row(text: str) -> bool:
    """A line of share buttons: two or more of their names and nothing else, a network among them."""
    low = text.lower()
    words = _BUTTON_WORDS.findall(low)
    return len(words) >= 2 and all(w in _SHARE_TARGETS for w in words) and not _NETWORKS.isdisjoint(words) \
        and not _BUTTON_WORDS.sub("", low).strip(" |·•,/")


# An ad's own label, set off from its pitch ("Sponsored content:", "Advertisement —").
_AD_LABEL = re.compile(r"(?:sponsored(?: content| post| message)?|advertisement|ad|promoted|paid partnership|"
                       r"partner content)\s*(?::|[-–—|]\s)", re.I)
_AD_LABEL_STARTS = frozenset(("spo", "adv", "ad:", "ad ", "ad-", "ad—", "ad–", "ad|", "pro", "pai", "par"))
_LABEL_MARK = re.compile(r"[:\-–—|]")  # (a label's mark near the start: a cheap test before _AD_LABEL)
_TRY_FREE = re.compile(r"\b(?:try \w+(?: \w+)? (?:free|for free)|free trial|start your|sign up|get \d+%|"
                       r"\d+% off|use code|with code)\b", re.I)
# A reference list's heading or label (its lines are citations: no chrome, and no prose to measure).
# The heading of a page's contents list (its entries are headings' words, never sentences).
_CONTENTS = re.compile(r"(?:table\s+of\s+)?contents\b|in\s+this\s+(?:article|guide|post)\b|on\s+this\s+page\b|"
                       r"jump\s+to\b", re.I)
# A person's headline under their name (LinkedIn's): a role at an organisation, then more set
# apart by pipes or dots ("Chief Product Officer at Fernway | Ex-Atlassian | Angel investor").
_PERSON_HEADLINE = re.compile(r"\s+at\s+[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}\s+[|·•]\s+\S")
_FEEDBACK = re.compile(r"(?:was|is|did you find) this\b", re.I)
# A bio's opening after its subject's name ("Marisol Reyes is a registered dietitian ...").
_BIO_VERB = re.compile(rf"\s*(?:,\s*[\w.]+,\s*)?{_BIO_VERBS}")
# The kind of page, as a site labels it right under the title ("Job profile", "Career guide").
_PAGE_KIND = re.compile(r"(?:job|career|role|occupation|salary)\s+(?:profile|guide|overview)|article|guide|explainer|"
                        r"feature|blog(?:\s+post)?|news|opinion|how-to|long\s+read", re.I)
SOURCES_LABEL = re.compile(r"(?:sources?|references?|citations?|bibliography|data sources?)\s*:?$", re.I)
_ARIA_ROLE = re.compile(r"\[role=([^\]]+)\]")
_SENTENCE_END_MARK = re.compile(rf"[.!?](?:{ANCHOR})*(\s|$)")  # "... CEO.[a]" ends one too
_FIELD_MARK = re.compile(r":|\s[-–—]\s")  # what separates a CMS field's name from its value


def sources_label(b: Block) -> bool:
    """Whether the block is the label over the writer's references ("Sources", "References:")."""
    return SOURCES_LABEL.match(b.text.strip()) is not None


def _field_marked(text: str) -> bool:
    """_FIELD_MARK in the first 40 characters (a substring test first: most blocks have none)."""
    head = text[:40]
    return ":" in head or (("-" in head or "–" in head or "—" in head) and _FIELD_MARK.search(head) is not None)


_READ_MORE = re.compile(r"\b(?:read|learn|see|find out|keep reading|continue reading)\s+(?:more|on|here|the full)\b|…|\.\.\.",
                        re.I)
# A product code: after a pipe ("| ABR44M", or at the end "| K8W2Q": letters and digits mixed), or
# letters then two digits or more ("ABR44M").
_PIPE_CODE = started(r"\|\s*[A-Z]{2,}[0-9][A-Z0-9]*\b|\b[A-Z]{2,}[0-9]{2,}[A-Z0-9]*\b"
                     r"|\|\s*(?=[A-Z]*[0-9])(?=[0-9]*[A-Z])[A-Z0-9]{4,8}\s*$")
_RUN_TOGETHER_DATE = re.compile(rf"[a-z]({_MONTHS})\s+\d", re.I)
_STOP = set("""a an the and or but of to in on for with by at from as is are was were be been being this that these
those it its their they them you your we our us he she his her i me my not no so if then than too very can could will
would should may might must do does did done have has had having what which who whom how why when where there here
about into over under more most such also just only other some any each all both few many much own same up down out off
again further once get got one two three new like""".split())


_CLOSING = (BYLINE, SHARE, COMMENTS, RELATED)  # furniture that closes an article (core_span)


@dataclass
class Verdict:
    kind: str
    reason: str


_NO_VERDICT = Verdict("", "")  # (for a block without one, where a kind is compared)


_NORM_PUNCT = re.compile(r"[^\w$%&@#'’ ]+")
_SENTENCE_MARK = re.compile(rf"[.!?…](?:{ANCHOR})*(\s|$)")
_memo: dict[tuple[str, str], object] = {}


# _NORM_PUNCT's substitution on ASCII text, as a byte translation (the pattern matched every
# run of punctuation in every block: ~1,000 instructions a match).
_NORM_BYTES = byte_table(lambda ch: ch.isalnum() or ch in "_$%&@#' ")


def _norm(text: str) -> str:
    key = ("norm", text)
    got = _memo.get(key)
    if got is None:
        low = text.lower()
        kept = low.encode("ascii").translate(_NORM_BYTES).decode("ascii") if low.isascii() else \
            _NORM_PUNCT.sub(" ", low)
        got = _memo[key] = " ".join(kept.split())
    return got


def content_words(text: str) -> list[str]:
    key = ("words", text)
    got = _memo.get(key)
    if got is None:
        if len(_memo) > 50_000:
            _memo.clear()
        got = _memo[key] = _content_words(text)
    return got


# A word is a run of ASCII letters, apostrophes and hyphens that starts with a letter
# ([A-Za-z][A-Za-z'’-]+), lower-cased and split at hyphens: here one byte translation (an ASCII
# letter lower-cased, an apostrophe kept, every other byte a space). A run's leading apostrophes
# and hyphens make only parts of apostrophes, stripped to nothing by _kept, and a run of one
# letter is shorter than any word kept (tests hold it to that pattern).
_CONTENT_BYTES = bytes(ord(chr(c).lower()) if chr(c).isascii() and chr(c).isalpha() else c if chr(c) == "'" else 32
                       for c in range(256))


def _content_words(text: str) -> list[str]:
    if "’" in text:
        text = text.replace("’", "'")
    return _kept(text.encode("utf-8", "surrogatepass").translate(_CONTENT_BYTES).decode("ascii").split())


def _kept(parts: list[str]) -> list[str]:
    """The parts that are content words: apostrophes and a possessive "'s" off, three letters
    or more, not a stop word (only a part with an apostrophe needs looking at alone)."""
    out = []
    for part in parts:
        if "'" in part:
            part = part.strip("'")
            if part.endswith("'s"):
                part = part[:-2]
        if len(part) > 2 and part not in _STOP:
            out.append(part)
    return out


# The bare `b: Block` lines type loop variables when compiled: see hatch_build.py.
class _Classifier:
    def __init__(self, ctx):
        self.ctx = ctx
        self.doc: Document = ctx.doc
        # A CMS field left in the body ("Slug: /cpo-guide", "Title tag: ...") is E009's to report,
        # neither chrome nor the title.
        fields = cms_fields(ctx.registry)
        self.blocks = [b for b in self.doc.blocks if b.kind not in (CODE, FRONT_MATTER)
                       and (b.text.strip() or b.images)
                       and not (fields is not None and b.kind in (PARAGRAPH, HEADING) and _field_marked(b.text)
                                and opens(fields, b.text))]
        self.verdicts: dict[int, Verdict] = {}
        schema = ctx.schema
        self.role = schema.role_prefiltered if schema is not None else None
        # Lexicons match the whole text of a short block; spam words are searched for.
        self.lex = {name: ctx.registry.lexicon_pattern(name, "^(?:{body})$") for name in (
            "boilerplate-region-chrome", "boilerplate-region-related", "boilerplate-region-vacancies",
            "boilerplate-region-comments",
            "boilerplate-chrome", "boilerplate-related", "boilerplate-comments", "boilerplate-share",
            "boilerplate-byline", "boilerplate-author-box")}
        self.spam_words = ctx.registry.lexicon_pattern("spam-words", r"\b(?:{body})")
        self.signoff = ctx.registry.lexicon_pattern("boilerplate-signoff", r"\b(?:{body})")
        self.cta = ctx.registry.lexicon_pattern("boilerplate-cta", r"\b(?:{body})")
        self._topical: dict[int, bool] = {}
        self._bare: dict[str, tuple[str, frozenset]] = {}
        self._prose_shape: dict[int, bool] = {}
        self.vocab = self._vocabulary()

    # -- helpers ---------------------------------------------------------------------------
    def _vocabulary(self) -> set[str]:
        """Words the article's own prose keeps using: its topic."""
        b: Block
        counts: dict[str, int] = {}  # Counter.update runs in the interpreter: a loop here does not
        paragraphs = 0
        for b in self.blocks:
            if b.kind == PARAGRAPH and b.word_count >= 15 and not self._html_hint(b):
                for word in set(content_words(b.text)):
                    counts[word] = counts.get(word, 0) + 1
                paragraphs += 1
        floor = 3 if paragraphs >= 8 else 2
        return {w for w, c in counts.items() if c >= floor}

    def topical(self, block: Block) -> bool:
        known = self._topical.get(block.index)
        if known is None:
            if self.role is not None and self.role.search(block.text):
                known = True
            else:
                words = set(content_words(block.text))
                known = len(words & self.vocab) >= (1 if len(words) <= 4 else 2)
            self._topical[block.index] = known
        return known

    def content_like(self, block: Block) -> bool:
        """Real prose: sentences, on topic or long, not already chrome."""
        if block.index in self.verdicts:
            return False
        shaped = self._prose_shape.get(block.index)
        if shaped is None:  # what does not change between passes, once per block
            shaped = self._prose_shape[block.index] = (
                block.kind in (PARAGRAPH, LIST_ITEM) and block.word_count >= 12
                and _SENTENCE_MARK.search(block.text) is not None
                and (self.topical(block) or block.word_count >= 25))
        return shaped

    def match(self, lexicon: str, text: str) -> bool:
        bare = self._bare.get(text)
        if bare is None:  # the stripped text and its words, once per text
            t = text.strip().strip("*").strip()
            bare = self._bare[text] = (t, words_in(t))
        t, words = bare
        pattern = self.lex[lexicon]
        if isinstance(pattern, Keyed):
            pattern = pattern.pick(words)
        return pattern is not None and pattern.match(t) is not None

    def _shared(self, block: Block) -> bool:
        verdict = self.verdicts.get(block.index)
        return verdict is not None and verdict.kind == SHARE

    def mark(self, block: Block, kind: str, reason: str) -> None:
        if block.index not in self.verdicts:
            self.verdicts[block.index] = Verdict(kind, reason)

    def _html_hint(self, block: Block) -> tuple[str, str] | None:
        """(kind, element) when an ancestor element says what the block is.

        The innermost ancestor whose class or id tells (sidebar, share, comment ...) wins; a
        bare semantic tag (nav, footer, form ...) counts only when no class says more.
        """
        by_tag = None
        for ctx in block.context:
            if "uthor" in ctx and _AUTHOR_BOX.search(_flat_attrs(ctx[len(_tag_of(ctx)):].lower())):
                return CHROME, ctx
        for ctx in reversed(block.context):
            tag = _tag_of(ctx)
            attrs = ctx[len(tag):].lower()
            if attrs:
                role = _ARIA_ROLE.search(attrs)
                if role and role.group(1) in _HTML_ROLES:
                    return _HTML_ROLES[role.group(1)], ctx
                flat = _flat_attrs(attrs)
                if _OWN_HEADER.search(flat):
                    continue  # the article's own header: line evidence tells its byline and tag
                for pattern, hint in _HTML_HINTS:
                    if pattern.search(flat):
                        return hint, ctx
            if by_tag is None and tag in _HTML_TAGS:
                if tag in ("header", "aside") and any(_tag_of(c) == "article" for c in block.context):
                    # An <article>'s own <header> (its title, dek and byline), or a callout or
                    # pull quote set aside inside it; a class says when either is chrome.
                    continue
                by_tag = (_HTML_TAGS[tag], ctx)
        return by_tag

    # -- passes ----------------------------------------------------------------------------
    def run(self) -> dict[int, Verdict]:
        if not self.blocks:
            return {}
        self.html_pass()
        self.line_pass()
        self.page_pass()
        for b in cover_note(self.blocks):  # before the core and title are looked for
            self.verdicts[b.index] = Verdict(NOTE, "a message to the editor")
        title_pos = self.find_title(self.core_span())
        self.region_pass(title_pos)
        self.author_box(title_pos)
        core = self.core_span()  # again: a region may have taken what looked like prose
        if core is not None:
            # Without any real prose there is no telling chrome from a terse article by position:
            # only the line-level evidence above stands.
            self.menu_runs(core, title_pos)
            self.band_pass(core)
        self.title_pass(title_pos, core)
        self.named_author_box()
        self.action_bars()
        self.spam_pass()
        return self.verdicts

    def action_bars(self) -> None:
        """A post's reactions bar copied as lines ("Like", "Comment", "Share", "1,204
        reactions · 87 comments"): one widget (B005), though "Comment" alone reads as a
        comment form's and "Like" as a menu's."""
        run: list[Block] = []
        for b in self.blocks + [None]:
            verdict = self.verdicts.get(b.index) if b is not None else None
            if verdict is not None and verdict.kind == COMMENTS and b.text.strip().lower() != "comment":
                b = None  # "Reply" under a comment is the comment section's
            if b is not None and len(b.text) <= 40 and b.word_count <= 4 and (
                    b.text.strip().lstrip("+ ").lower() in _ACTIONS or (run and _COUNTER.match(b.text.strip()))):
                run.append(b)  # ("+ Follow" is a button too; a count joins a bar already begun)
                continue
            if len(run) >= 2 and sum(x.text.strip().lstrip("+ ").lower() in _ACTIONS for x in run) >= 2:
                for x in run:
                    self.verdicts[x.index] = Verdict(SHARE, "a reactions bar (like, comment, share)")
            run = []

    def html_pass(self) -> None:
        b: Block
        for b in self.blocks:
            hint = self._html_hint(b)
            if hint is None:
                continue
            kind, element = hint
            if b.kind == HEADING and self._names_the_page(b):
                continue  # the page's own title, set in the site's header block (a wiki's, Confluence's)
            if b.kind == PARAGRAPH and b.word_count >= 40 and kind in (CHROME, BYLINE):
                continue  # a long paragraph in a "header" div is more likely a dek than chrome
            if kind == BYLINE and b.word_count > 15 and b.text.rstrip()[-1:] in ".!?\"”":
                continue  # a sentence is no byline ("author-note": a quote from a named person)
            self.mark(b, kind, f"inside <{element}>")

    def _names_the_page(self, b: Block) -> bool:
        """A heading whose words are the page's <title>, or all of it but the site's name
        after a separator ("CTO career guide | Acme"): the article's title. Three words at
        least: a site's name in its header is often its <title> too, on its home page."""
        page = self.doc.html_title
        if not page or b.word_count < 3:
            return False
        heading, page = " ".join(b.text.lower().split()), " ".join(page.lower().split())
        return heading == page or any(page.startswith(heading + sep) for sep in (" | ", " - ", " – ", " — ", " :: "))

    def line_pass(self) -> None:
        b: Block
        for k, b in enumerate(self.blocks):
            text = b.text.strip()
            if not text:
                continue
            n = b.word_count
            if n <= 8 and self.match("boilerplate-comments", text):
                if k and self._shared(self.blocks[k - 1]) and self.match("boilerplate-share", text):
                    self.mark(b, SHARE, "share, newsletter or cookie text")  # "Email" in a row of share buttons
                else:
                    self.mark(b, COMMENTS, "comment-form text")
            elif n <= 10 and self.match("boilerplate-share", text):
                self.mark(b, SHARE, "share, newsletter or cookie text")
            elif n <= 10 and _share_row(text):
                self.mark(b, SHARE, "a row of share buttons")
            elif n <= 14 and self.match("boilerplate-related", text) and not self._section_heading(b):
                self.mark(b, RELATED, "link to another page")
            elif n <= 16 and self.match("boilerplate-chrome", text):
                self.mark(b, CHROME, "site chrome")
            elif n <= 16 and _DIGIT.search(text) and _DATE.search(text) and (
                    (n <= 12 and (_RUN_TOGETHER_DATE.search(text) or len(content_words(_DATE.sub(" ", text))) <= 2))
                    or self.match("boilerplate-byline", text)):  # (a wiki's history line runs to 13 words and more)
                self.mark(b, BYLINE, "author and date line")
            elif n <= 6 and ("ditor" in text or "DITOR" in text) and text[:1].isupper() and _EDITORIAL_TEAM.fullmatch(text):
                self.mark(b, BYLINE, "author line")
            elif (n <= 8 or (n <= 12 and _BYLINE_START.match(text))) and self.match("boilerplate-byline", text) \
                    and not self.topical(b):
                self.mark(b, BYLINE, "author line")
            elif (("@" in text and _EMAIL_ONLY.match(text)) or (text[:1] in "hHwW" and _URL_ONLY.match(text))) \
                    and not self._cited(k):
                self.mark(b, CHROME, "a bare address")
            elif _ARCHIVE_MONTH.match(text):
                self.mark(b, CHROME, "archive month")
            elif text.endswith(")") and _COUNTED.match(text) and not self.topical(b):
                self.mark(b, CHROME, "category with a post count")
            elif n <= 30 and b.kind == PARAGRAPH and self.signoff is not None and self.signoff.search(text):
                self.mark(b, SHARE, "a sign-off or offer asking for claps, follows, shares or sign-ups")
            elif n <= 30 and b.kind == PARAGRAPH and self.cta is not None and self.cta.search(text):
                self.mark(b, CHROME, "the site's call to action")
            elif n <= 16 and b.kind != TABLE and _separated(text) and (_BREADCRUMB.match(text) or _MENU_LINE.match(text)) \
                    and not text.endswith(SENTENCE_END):  # (a table's cells are joined with " | " too)
                self.mark(b, CHROME, "breadcrumb or menu line")
            elif n <= 6 and _MENU_SEPARATOR.search(text) and all(
                    self.match("boilerplate-chrome", part) or self.match("boilerplate-share", part)
                    for part in _MENU_SEPARATOR.split(text)):
                self.mark(b, CHROME, "menu line")  # "Subscribe · Sign in": two items of chrome
            elif n <= 6 and ("," in text or " and " in text or " & " in text) and all(
                    self.match("boilerplate-chrome", part) for part in _LIST_SEPARATOR.split(text.rstrip(".")) if part):
                self.mark(b, CHROME, "menu line")
            elif n <= 16 and ("\t" in text or "   " in text) and self._gap_menu(text, k):
                self.mark(b, CHROME, "menu line")
            elif n <= 60 and "ookie" in text and _CONSENT.match(text):
                self.mark(b, SHARE, "cookie banner")
            elif n <= 40 and "ubscri" in text and _UNSUBSCRIBE.search(text):
                self.mark(b, SHARE, "a newsletter's unsubscribe line")
            elif n <= 45 and b.kind == PARAGRAPH and ("rust us" in text or "ditorial" in text) and _TRUST_BOX.search(text):
                self.mark(b, CHROME, "the site's statement about itself")

    def _cited(self, k: int) -> bool:
        """Whether the address at k is one of the writer's sources: in a run of addresses
        under a "Sources:" or "References" label."""
        j = k - 1
        while j >= 0 and self.blocks[j].kind in (LIST_ITEM, PARAGRAPH) and _URL_ONLY.match(self.blocks[j].text.strip()):
            j -= 1
        return j >= 0 and sources_label(self.blocks[j])

    def _gap_menu(self, text: str, k: int) -> bool:
        """Three or more short capitalised items set apart by gaps, without figures: a menu
        when an item is chrome ("Privacy policy") or the line lies outside the article's prose
        (above its first long paragraph or below its last). A table row pasted as text in the
        article ("Level   Title   Typical salary") is left alone."""
        items = [part for part in _GAP.split(text) if part.strip()]
        if len(items) < 3 or _DIGIT.search(text) or text.endswith(SENTENCE_END):
            return False
        if not all(len(part) <= 25 and len(part.split()) <= 4 and part.strip()[:1].isupper() for part in items):
            return False
        b: Block
        # Where the article runs: its paragraphs of prose (looked for here, as such lines are rare).
        prose = [j for j, b in enumerate(self.blocks) if b.kind == PARAGRAPH and b.word_count >= 15
                 and b.text.rstrip().endswith(SENTENCE_END)]
        outside = not prose or k < prose[0] or k > prose[-1]
        return outside or any(self.match("boilerplate-chrome", part.strip()) or self.match("boilerplate-share", part.strip())
                              for part in items)

    def page_pass(self) -> None:
        """A PDF or print export's page furniture: its page numbers, and the running header or
        footer it repeats on every page (a short line that comes back word for word, next to a
        page number or set out in columns: a run of spaces inside it). Only where the export
        shows one of those signs."""
        b: Block
        pages = set()  # positions of the page numbers ("Page 2 of 3")
        for k, b in enumerate(self.blocks):
            if b.word_count <= 4 and b.index not in self.verdicts and _DIGIT.search(b.text) \
                    and _PAGE_NUMBER.match(b.text.strip()):
                pages.add(k)
                self.mark(b, CHROME, "page number")
        if not pages and not any("   " in b.text for b in self.blocks):
            return
        seen: dict[str, list[int]] = {}
        for k, b in enumerate(self.blocks):
            if b.kind in (HEADING, PARAGRAPH) and 2 <= b.word_count <= 12 and not b.text.rstrip().endswith(SENTENCE_END):
                seen.setdefault(" ".join(b.text.split()).lower(), []).append(k)
        for positions in seen.values():
            if len(positions) < 2:
                continue
            if any("   " in self.blocks[k].text or k - 1 in pages or k + 1 in pages for k in positions):
                for k in positions:
                    self.mark(self.blocks[k], CHROME, "running header or footer, repeated on each page")

    def _section_heading(self, b: Block) -> bool:
        """A heading that starts a real section: on topic and followed by prose."""
        if b.kind != HEADING or not self.topical(b):
            return False
        nxt = self._next(b)
        return nxt is not None and nxt.kind == PARAGRAPH and nxt.word_count >= 20

    def _before(self, b: Block) -> Block | None:
        pos = self.blocks.index(b)
        return self.blocks[pos - 1] if pos > 0 else None

    def _next(self, b: Block) -> Block | None:
        pos = self.blocks.index(b)
        return self.blocks[pos + 1] if pos + 1 < len(self.blocks) else None

    def menu_runs(self, core: tuple[int, int] | None, title_pos: int | None) -> None:
        """Runs of one-to-three-word items with no sentence in them, outside the article's
        core: menus and tag lists. (Inside the core, such a run is a list of skills.)"""
        b: Block
        run: list[Block] = []
        inside = range(core[0], core[1] + 1) if core is not None else range(0)
        plain = self.doc.format == "text"

        def flush():
            # In plain text, where no link sets a menu apart, a run below the article that the
            # article introduces ("Key skills", then one skill a line) is its list.
            # Nor is a Markdown file's own contents list under its title (_own_contents).
            if len(run) >= 3 and not (plain and run[0].index > self.blocks[core[1]].index
                                      and self._labelled(self._before(run[0]), run)) \
                    and not (title_pos is not None and run[0].index > self.blocks[title_pos].index
                             and self._in_page(run)):
                items = [r for r in run if r.index not in self.verdicts]
                offtopic = sum(1 for r in run if not self.topical(r))
                if offtopic >= len(run) * 0.6:
                    for r in items:
                        self.mark(r, CHROME, "menu of short links")
            run.clear()

        for pos, b in enumerate(self.blocks):
            # In Markdown and HTML a menu is a list of links; plain text has no links to show.
            linked = plain or (b.links and sum(len(t) for t, _ in b.links) >= len(b.text.strip()) * 0.6)
            if pos not in inside and pos != title_pos and (b.kind in (LIST_ITEM, PARAGRAPH) or (plain and b.kind == HEADING)) \
                    and linked and 1 <= b.word_count <= 3 and not b.text.rstrip().endswith(SENTENCE_END) \
                    and b.text[:1].isupper() and not sources_label(b) \
                    and not (b.kind == HEADING and pos + 1 < len(self.blocks) and self._sentence(self.blocks[pos + 1])):
                # (A "Sources" heading opens the writer's references, and a heading over its
                # statements, "Key Takeaways", the article's: neither is a menu's item.)
                run.append(b)
            else:
                flush()
        flush()

    def region_pass(self, title_pos: int | None) -> None:
        """A region heading ("Related Posts") makes what follows chrome until prose resumes."""
        b: Block
        # (lexicon, kind, whether an on-topic statement under the heading makes it a section)
        regions = [("boilerplate-region-related", RELATED, False), ("boilerplate-region-vacancies", RELATED, True),
                   ("boilerplate-region-comments", COMMENTS, False), ("boilerplate-region-chrome", CHROME, False)]
        starts: dict[int, str] = {}
        for k, b in enumerate(self.blocks):
            if b.word_count <= 8 and b.kind in (HEADING, PARAGRAPH, LIST_ITEM):  # "More from <author> and <publication>"
                for lexicon, region_kind, ambiguous in regions:
                    if self.match(lexicon, b.text.rstrip(":")):
                        # "Related Roles" over real prose is a section; a Markdown source's own
                        # contents list under its title, the writer's.
                        if not self.content_like_after(k) and not self._own_contents(k, title_pos) \
                                and not (ambiguous and self._statement_after(k)):
                            starts[k] = region_kind
                        break
        for k, kind in starts.items():
            b = self.blocks[k]
            self.verdicts[b.index] = Verdict(kind, f"'{b.text}' region")
            toc = _CONTENTS.match(b.text) is not None
            feedback = _FEEDBACK.match(b.text) is not None
            j = k + 1
            while j < len(self.blocks) and j not in starts and j != title_pos:
                nxt = self.blocks[j]
                if self._resumes(nxt, j):
                    break
                if toc and self._sentence(nxt if nxt.kind != HEADING or j + 1 >= len(self.blocks) else self.blocks[j + 1]):
                    break  # a contents list ends where sentences start ("Key Takeaways" over its points)
                if nxt.kind != LIST_ITEM and sources_label(nxt):
                    break  # the writer's references after a widget or a list of links
                if nxt.kind == PARAGRAPH and _DISCLOSURE.match(nxt.text):
                    break  # the publisher's disclosure after a list of links (kept: see _TRUST_BOX)
                if feedback and nxt.word_count > 5:
                    break  # a feedback widget's buttons are a word or two ("Yes", "No")
                if nxt.kind == HEADING and nxt.index not in self.verdicts and j + 1 < len(self.blocks) \
                        and self.blocks[j + 1].kind == PARAGRAPH and (
                            self._resumes(self.blocks[j + 1], j + 1)
                            or (self.doc.format != "text" and b.kind == HEADING and nxt.level <= b.level
                                and self._prose(self.blocks[j + 1]))
                            or (self._names_section(nxt) and self._prose(self.blocks[j + 1],
                                                                         5 if nxt.word_count <= 3 else 12))):
                    # The heading of the prose that ends the region ("Role overview") is the
                    # article's; so is a marked-up section as high as the region's over prose,
                    # and a heading that names a section of the schema over prose ("Skills"
                    # after a lone "ADVERTISEMENT" line; a short sentence under a bare "Outlook"
                    # after "Recommended Videos": a related headline is longer).
                    break
                if b.context and nxt.context[:len(b.context)] != b.context:
                    break  # in HTML a region ends with the element that holds its heading
                current = self.verdicts.get(nxt.index)
                if kind in (RELATED, COMMENTS) and current is not None and current.kind == CHROME \
                        and current.reason == "site chrome":
                    break  # the page's footer ("Help", "About", "Privacy") ends a list of links or comments
                if current is None or current.kind == BYLINE or (current.kind == CHROME and current.reason.startswith("inside <")):
                    self.verdicts[nxt.index] = Verdict(kind, f"under '{b.text}'")
                j += 1

    def author_box(self, title_pos: int | None) -> None:
        """"About the author" below the title (or the article's first prose, when the title
        is front matter's), and the short bio under it up to the next heading: chrome, though
        the bio is prose (and often on topic: "a former CTO who writes about engineering
        leadership"). A long text under the label is no bio."""
        if title_pos is None:
            core = self.core_span()
            if core is None:
                return
            title_pos = core[0]
        b: Block
        for k in range(title_pos + 1, len(self.blocks)):
            b = self.blocks[k]
            text = b.text
            if b.word_count > 6 or b.kind not in (HEADING, PARAGRAPH) or b.index in self.verdicts:
                continue
            low = text.lower()  # ("ABOUT THE AUTHOR" in capitals too)
            if not ("author" in low or "writer" in low or "contributor" in low or "reviewer" in low or "expert" in low) \
                    or not self.match("boilerplate-author-box", text.strip().rstrip(":")):
                continue
            bio, words = [], 0
            for nxt in self.blocks[k + 1:]:
                if nxt.kind == HEADING or nxt.index in self.verdicts:
                    break
                words += nxt.word_count
                bio.append(nxt)
            if not bio or words > 120:
                continue
            self.verdicts[b.index] = Verdict(CHROME, "author box")
            for nxt in bio:
                self.verdicts[nxt.index] = Verdict(CHROME, f"under '{b.text.strip()}'")

    def named_author_box(self) -> None:
        """The byline's author alone on a line further down, over a short bio that opens with
        their name or a pronoun ("Priya writes about analytics careers ..."): the site's author
        box without its label. A name that is no byline's, or a long text under it, is left."""
        names: dict[str, int] = {}  # the byline's author -> where the byline is
        b: Block
        for k, b in enumerate(self.blocks):
            verdict = self.verdicts.get(b.index)
            if verdict is not None and verdict.kind == BYLINE and "by" in b.text.lower():
                m = _BY_NAME.search(b.text)
                if m:
                    names.setdefault(" ".join(m.group(1).split()), k)
        fm = self.doc.front_matter
        author = fm.get("author") if isinstance(fm, dict) else None
        if isinstance(author, str) and 2 <= len(author.split()) <= 4:
            names.setdefault(" ".join(author.split()), -2)  # (the front matter's: before every block)
        if not names:
            return
        self._closing_bio(names)
        for k, b in enumerate(self.blocks):
            name = b.text.strip()
            if name not in names or k <= names[name] + 1 or b.index in self.verdicts or b.kind not in (HEADING, PARAGRAPH):
                continue
            bio, words = [], 0
            for nxt in self.blocks[k + 1:k + 4]:
                if nxt.kind != PARAGRAPH or nxt.index in self.verdicts:
                    break
                words += nxt.word_count
                bio.append(nxt)
            first = bio[0].text.lstrip() if bio else ""
            if not bio or words > 80 or not (first.startswith((name.split()[0] + " ", name + " "))
                                              or _PRONOUN_OPENS.match(first)):
                continue
            self.verdicts[b.index] = Verdict(CHROME, "author box")
            for nxt in bio:
                self.verdicts[nxt.index] = Verdict(CHROME, f"under '{name}'")

    def _closing_bio(self, names: dict[str, int]) -> None:
        """The author's bio closing the article with no name line over it ("Marisol Reyes is a
        registered dietitian and freelance writer."): a short paragraph that opens with the
        byline's or front matter's author and a bio's verb, after the article's last prose (only
        chrome follows it). A sentence about the author mid-article is the article's."""
        b: Block
        for k in range(len(self.blocks) - 1, -1, -1):
            b = self.blocks[k]
            if b.index in self.verdicts or (b.kind == PARAGRAPH and _DISCLOSURE.match(b.text)):
                continue  # (chrome, or the publisher's disclosure after the bio)
            if b.kind == PARAGRAPH and b.word_count <= 60:
                text = b.text.lstrip("*_ ")
                for name in names:
                    if text.startswith(name) and _BIO_VERB.match(text, len(name)):
                        self.mark(b, CHROME, "the author's bio")
            return  # only the last block that is no chrome

    def _own_contents(self, k: int, title_pos: int | None) -> bool:
        """A list of links to the article's own headings ("#salary") under the title of a
        Markdown file: the writer's table of contents. (Above the title, or in a page's HTML,
        the site made it.)"""
        if title_pos is None or k <= title_pos:
            return False
        items = []
        for b in self.blocks[k + 1:]:
            if b.kind != LIST_ITEM:
                break
            items.append(b)
        return self._in_page(items)

    def _in_page(self, items: list[Block]) -> bool:
        """Markdown list items that all link to headings of the same file ("#salary")."""
        return self.doc.format == "markdown" and bool(items) and all(
            b.links and all(href.startswith("#") for _, href in b.links) for b in items)

    def content_like_after(self, k: int) -> bool:
        nxt = self.blocks[k + 1] if k + 1 < len(self.blocks) else None
        return nxt is not None and self.content_like(nxt) and nxt.word_count >= 25

    def _statement_after(self, k: int) -> bool:
        """An on-topic statement right under position k ("Current opportunities" over "Demand for
        paramedics has grown ..."): a section of the article, not a vacancies box (whose lines
        are job titles and "No vacancies available.")."""
        nxt = self.blocks[k + 1] if k + 1 < len(self.blocks) else None
        return nxt is not None and nxt.kind == PARAGRAPH and self._sentence(nxt) and self.topical(nxt)

    def _sentence(self, b: Block) -> bool:
        """A statement of the article's, not a contents entry: six words or more, ended with a
        period or "!" (an entry may be a question: "What Is a Chief Product Officer?")."""
        return b.kind in (PARAGRAPH, LIST_ITEM) and b.word_count >= 6 and b.text.rstrip()[-1:] in ".!"

    def _resumes(self, b: Block, j: int) -> bool:
        """Real article text again: long on-topic prose, or an on-topic heading over it."""
        if b.kind in (PARAGRAPH,) and b.word_count >= 25 and self.topical(b) and b.index not in self.verdicts \
                and _SENTENCE_END_MARK.search(b.text) and not _DATE.search(b.text[:40]):
            return True
        if b.kind == HEADING and self.topical(b) and b.index not in self.verdicts:
            nxt = self.blocks[j + 1] if j + 1 < len(self.blocks) else None
            return nxt is not None and nxt.kind == PARAGRAPH and nxt.word_count >= 25 and self.topical(nxt)
        return False

    def core_span(self) -> tuple[int, int] | None:
        """Positions (in self.blocks) of the first and last block of real article prose."""
        b: Block
        good = [i for i, b in enumerate(self.blocks) if self.content_like(b)]
        if not good:
            return None
        first, last = good[0], good[-1]
        # The core runs on to the last on-topic block: lists, tables and short paragraphs that
        # close an article (a job-description example, preferred skills) are the article too;
        # not past the furniture that closes it (a sign-off, share bar, author box or related
        # links), below which an author's bio or a tag list is on topic too.
        end = len(self.blocks)
        for j in range(last + 1, end):
            verdict = self.verdicts.get(self.blocks[j].index)
            if verdict is not None and verdict.kind in _CLOSING:
                end = j
                break
        for j in range(end - 1, last, -1):
            b = self.blocks[j]
            if b.index in self.verdicts or b.word_count < 3:
                continue
            long_enough = b.word_count >= (3 if b.kind in (LIST_ITEM, TABLE) else 8)
            if b.kind in (LIST_ITEM, PARAGRAPH, TABLE) and (self.content_like(b) or (self.topical(b) and long_enough)):
                last = j
                break
        return first, last

    def band_pass(self, core: tuple[int, int] | None) -> None:
        b: Block
        if core is None:
            return
        first, last = core
        from cpolint.analysis.directives import alternation  # (directives imports this module)

        notes = alternation(self.ctx, "editor-notes")
        # Below the article: headlines of other articles, and empty leftovers.
        below = self.blocks[last + 1:]
        for k, b in enumerate(below):
            if b.index in self.verdicts:
                continue
            text = b.text.strip()
            if not text:
                self.mark(b, CHROME, "below the article")
                continue
            if _COUNTER.match(text):
                self.mark(b, SHARE, "a like, clap or follower count")
                continue
            if not ALNUM.search(text):
                self.mark(b, CHROME, "a separator left from the page's layout")  # "·", "—", "***"
                continue
            if b.word_count > 16 or self.topical(b) or text.endswith((".", "!", ":")):
                continue
            if text[:1] == "[" and DOC_COMMENT.match(text):
                continue  # a document's exported comment ("[a]Can we add a source?"): E003's
            if notes is not None and notes.search(text):
                continue  # a comment thread's "Assigned to Jordan Lee": E003's
            if text.endswith("?") and self._answered(b, below[k + 1] if k + 1 < len(below) else None):
                continue  # an FAQ entry the article closes with, not a link to another article
            if b.kind == LIST_ITEM and not b.links and self.doc.format != "text":
                continue  # a list of other articles links them; plain text cannot show links
            prev = below[k - 1] if k else self.blocks[last]
            if b.kind == LIST_ITEM and b.list_id is not None and prev.kind == LIST_ITEM \
                    and prev.list_id == b.list_id and prev.index not in self.verdicts:
                continue  # the rest of a list the article holds ("3️⃣ Azure Solutions Architect Expert")
            if b.kind == HEADING and self.ctx.schema is not None and any(
                    strong for _, strong in self.ctx.schema.match_heading(text)):
                continue  # one of the article's own sections ("Step 5: Career Path"), short as it is
            if b.kind == HEADING and FAQ.match(text) and self._answered_below(k, below):
                continue  # "Frequently Asked Questions" over the article's answered questions
            if product_code(text):
                continue  # a catalogue line with its product code ("... Manual | K8W2Q"): spam_pass's
            if text.endswith("?") or (is_title_case(text) and b.word_count >= 3):
                self.mark(b, RELATED, "headline of another article, below the article")
        self._tail_runs(self.blocks[last + 1:])

    def _answered_below(self, k: int, below: list[Block]) -> bool:
        """Whether a question the article answers follows below[k] (past other headings)."""
        for j in range(k + 1, min(k + 4, len(below))):
            b = below[j]
            if b.text.rstrip().endswith("?"):
                return self._answered(b, below[j + 1] if j + 1 < len(below) else None)
        return False

    def _tail_runs(self, tail: list[Block]) -> None:
        """Below the article, what sits among its furniture is furniture too: up to three short
        lines between two pieces of chrome (an author's name, "Writer for", a one-line bio), and a
        run of short labels next to chrome (the post's tags, a footer menu), unless the article
        introduces it as its own list (_labelled)."""
        b: Block
        k = 0
        while k < len(tail):
            j = k
            while j < len(tail) and tail[j].index not in self.verdicts and tail[j].word_count <= 15:
                j += 1
            if j == k:
                k += 1
                continue
            run = tail[k:j]
            before = self.verdicts.get(tail[k - 1].index) if k > 0 else None
            after = self.verdicts.get(tail[j].index) if j < len(tail) else None
            if (before is not None or after is not None) and len(run) >= 3 and all(
                    b.word_count <= 3 and not b.text.rstrip().endswith(SENTENCE_END) for b in run) \
                    and not self._labelled(tail[k - 1] if k > 0 else None, run):
                for b in run:
                    self.mark(b, CHROME, "tags or menu below the article")
            elif before is not None and after is not None and len(run) <= 3 \
                    and not sources_label(run[0]):  # the writer's references
                for b in run:
                    self.mark(b, before.kind, "between pieces of chrome below the article")
            k = j

    def _labelled(self, label: Block | None, run: list[Block]) -> bool:
        """A list the article introduces: under a marked-up heading or a line ending in ":"
        ("These are the skills I would build first:"), or, in plain text where any short line may
        be the label, a run whose first line names a section of the schema ("Key skills")."""
        b: Block
        for b in ([label] if label is not None and label.index not in self.verdicts else []) + run:
            if b.text.rstrip().endswith(":") or (b.kind == HEADING and self.doc.format != "text"):
                return True
        return self._names_section(run[0])

    def _names_section(self, b: Block) -> bool:
        schema = self.ctx.schema
        return schema is not None and bool(schema.match_heading(b.text.strip().rstrip(":")))

    def _answered(self, question: Block, nxt: Block | None) -> bool:
        """A question heading with its answer under it."""
        return question.kind == HEADING and nxt is not None and nxt.kind in (PARAGRAPH, LIST_ITEM) \
            and self._prose(nxt, 5)

    def _prose(self, b: Block, words: int = 12) -> bool:
        """Text in whole sentences, not chrome (a teaser under a related article's headline
        trails off in "…" or "Read more")."""
        text = b.text.strip()
        return b.index not in self.verdicts and b.word_count >= words and text.endswith((".", "!")) \
            and _SENTENCE_END_MARK.search(text) is not None and not _READ_MORE.search(text)

    def _role_line_above(self, i: int) -> int:
        """The nearest line above position i, among the short lines before the prose, that
        names the role and looks like a title; else i. (Unlike _role_heading_above, which
        stops at the first line of more than five words, it looks at most three lines up, past
        title-like lines of any length: "Career Guide 630: Chief People Officer" over another
        title-like line and a long heading is still the title.)"""
        b: Block
        for k in range(i - 1, max(-1, i - 4), -1):
            b = self.blocks[k]
            if b.index in self.verdicts or b.kind == LIST_ITEM:
                continue
            text = b.text.strip()
            if b.word_count > 20 or text.endswith((".", ":")):
                return i
            if self.role.search(text):
                return k
        return i

    def find_title(self, core: tuple[int, int] | None) -> int | None:
        """Position of the title: the last on-topic heading-like line above the article's
        first prose (Markdown and HTML: the first h1); the earliest identical copy wins."""
        b: Block
        first = core[0] if core is not None else len(self.blocks)
        title_pos = None
        if self.doc.format != "text":
            h1 = [i for i, b in enumerate(self.blocks) if b.kind == HEADING and b.level == 1
                  and b.index not in self.verdicts]
            if h1:
                title_pos = h1[0]
                # A publication's name as the <h1> ("The Operator's Notebook"), chrome under it,
                # then the heading that names the role over the byline: that heading is the title.
                if self.role is not None and not self.topical(self.blocks[title_pos]):
                    for i in range(title_pos + 1, first - 1):
                        b = self.blocks[i]
                        if b.kind == HEADING and b.index not in self.verdicts and self.role.search(b.text) \
                                and any(self.blocks[k].index in self.verdicts for k in range(title_pos + 1, i)):
                            title_pos = i
                            break
        if title_pos is None:
            for i in range(first - 1, -1, -1):
                b = self.blocks[i]
                if b.index in self.verdicts or b.kind == LIST_ITEM:
                    continue
                text = b.text.strip()
                if text[:1] == "[" and text[-1:] == "]":
                    continue  # "[FEATURED IMAGE: ...]" and other slots are no title
                if QUESTION.match(text) or SECTION_NUMBER.match(text):
                    continue  # "Q: What is a CMO?", "1. What is a CMO?": an FAQ's question, a section
                if b.kind in (HEADING, PARAGRAPH) and b.word_count <= 20 and not text.endswith((".", ":")) \
                        and self.topical(b) and not _DATE.search(text):
                    title_pos = i
                    # In Markdown and HTML a section heading right above the prose is not the title.
                    if b.kind == HEADING and b.level >= 2 and i == first - 1 and self.doc.format != "text":
                        continue
                    # Nor in plain text is one that names a section ("What is a CTO?") when a
                    # heading naming the role stands above it with no prose between (a contents
                    # list may): that heading is the title.
                    if b.kind == HEADING and i == first - 1 and self.doc.format == "text" and self._names_section(b):
                        title_pos = self._role_heading_above(i)
                    elif self.doc.format == "text" and self.role is not None and not self.role.search(text):
                        # A short line under the title that the article's words make look on
                        # topic ("Indeed Editorial Team"): a line above it naming the role is the title.
                        title_pos = self._role_line_above(i)
                    break
        if title_pos is None:
            return None
        key = _norm(self.blocks[title_pos].text)
        same = [i for i, b in enumerate(self.blocks) if _norm(b.text) == key and b.kind != LIST_ITEM
                and b.index not in self.verdicts]
        if same and same[0] < title_pos:
            title_pos = same[0]
        return title_pos

    def _role_heading_above(self, i: int) -> int:
        """Position of the nearest heading above position i that names the role, past list
        items and short lines only; i itself when there is none. In plain text the title may
        be a line the parser left a paragraph ("Chief Information Security Officer (CISO):
        Role, Salary and Skills" over a byline with no blank line between)."""
        b: Block
        for j in range(i - 1, -1, -1):
            b = self.blocks[j]
            if b.index in self.verdicts or b.kind == LIST_ITEM:
                continue
            if (b.kind == HEADING or (b.kind == PARAGRAPH and self.doc.format == "text" and b.text[:1].isalnum()
                                      and "](" not in b.text and not b.text.rstrip().endswith((".", "!", "?")))) \
                    and self.role is not None and self.role.search(b.text) and b.word_count <= 20:
                if _PERSON_HEADLINE.search(b.text):
                    continue  # "Chief Product Officer at Fernway | Ex-Atlassian": the author's, not a title
                return j
            if b.word_count > 5:
                break  # prose between: the heading at i is the title after all
        return i

    def title_pass(self, title_pos: int | None, core: tuple[int, int] | None) -> None:
        """Above the title is site chrome; later copies of the title are strays."""
        b: Block
        if title_pos is None:
            return
        title = self.blocks[title_pos]
        key = _norm(title.text)
        self.doc.analyses["title_block"] = title
        for i, b in enumerate(self.blocks):
            if i != title_pos and _norm(b.text) == key and b.kind != LIST_ITEM:
                self.mark(b, REPEATED_TITLE, "the title repeated as a stray line")
        if self.doc.format == "text" and title.kind == HEADING:
            title.level = 1
        from cpolint.analysis.directives import alternation  # (directives imports this module)

        notes = alternation(self.ctx, "editor-notes")
        leaks = alternation(self.ctx, "model-leakage")
        landmark = any(_tag_of(c) in ("main", "article") for c in title.context)
        for b in self.blocks[:title_pos]:
            verdict = self.verdicts.get(b.index)
            if verdict is not None and verdict.kind == SHARE and b.word_count == 1 and b.text.strip().lower() in _NETWORKS:
                # A network's name alone above the title is the site's name ("LinkedIn", "Medium").
                self.verdicts[b.index] = Verdict(CHROME, "the site's name above the title")
            if verdict is not None:
                continue
            if notes is not None and notes.search(b.text):
                continue  # "(DRAFT v3 - do not publish)" is a note for E003, not the site's chrome
            if leaks is not None and leaks.search(b.text):
                continue  # "Sure! Here's the full article:" is a model's reply for E002
            if b.word_count <= 16 or b.kind == LIST_ITEM:
                self.mark(b, CHROME, "above the title")
            elif landmark and not any(_tag_of(c) in ("main", "article") for c in b.context):
                # Prose above a title set in <main> or <article>, outside them: a banner's or an
                # archive toolbar's blurb ("The Internet Archive discovers and captures ..."), not
                # the article's lead.
                self.mark(b, CHROME, "outside the page's main content")
        # Under the title, a bare name or label next to the byline or share bar is part of it.
        if core is None:
            return
        between = self.blocks[title_pos + 1:core[0]]
        for b in between:
            # "Last updated: 2 February 2026" is chrome in a docs site's footer, but under the
            # title it is the article's date line, as "Posted on ..." is.
            verdict = self.verdicts.get(b.index)
            if (verdict is not None and verdict.kind == CHROME and verdict.reason == "site chrome"
                    and b.word_count <= 12 and _DATE.search(b.text) and self.match("boilerplate-byline", b.text.strip())):
                self.verdicts[b.index] = Verdict(BYLINE, "date line under the title")

        for k, b in enumerate(between):
            if b.index in self.verdicts or b.word_count > 4 or self.topical(b) or b.text.rstrip().endswith(SENTENCE_END):
                continue
            if k == 0 and b.word_count <= 3 and _PAGE_KIND.fullmatch(b.text.strip()):
                self.mark(b, CHROME, "the page's kind under the title")
                continue
            if b.kind == HEADING and (self.doc.format != "text" or self._names_section(b)):
                continue  # a marked-up heading, or one that names a section ("Overview"), is no byline
            at = title_pos + 2 + k  # the block after b (it may open the article's core)
            after = self.blocks[at] if at < len(self.blocks) else None
            if after is not None and after.kind == LIST_ITEM and after.index not in self.verdicts:
                continue  # the label of the list under it ("Key takeaways")
            near = [between[k - 1]] if k > 0 else []
            near += [between[k + 1]] if k + 1 < len(between) else []
            if any(n.index in self.verdicts for n in near):
                self.mark(b, BYLINE, "author or meta line under the title")
        for k in range(1, len(between) - 1):
            # The author's headline between their name and the date ("VP Product at Fernway |
            # Ex-Atlassian | Mentor") is the byline's, though its pipes make it look like a menu.
            b = between[k]
            verdict = self.verdicts.get(b.index)
            if verdict is not None and verdict.reason == "breadcrumb or menu line" and all(
                    self.verdicts.get(n.index, _NO_VERDICT).kind == BYLINE for n in (between[k - 1], between[k + 1])):
                self.verdicts[b.index] = Verdict(BYLINE, "the author's headline under their name")

    def spam_pass(self) -> None:
        """Injected product and ad lines anywhere: short, off topic, with a code, a pipe or ad words."""
        b: Block
        hidden = "hidden_text" in self.doc.analyses  # (an HTML page that hides any text)
        for b in self.blocks:
            if b.index in self.verdicts:
                continue
            if hidden and b.context and b.word_count >= 5 and any(c.endswith("[hidden]") for c in b.context) \
                    and not _SENTENCE_END_MARK.search(b.text):
                # Words hidden from readers by the page's own style: a keyword list for search
                # engines. (An accordion's hidden answer is sentences, and stays the article's.)
                self.mark(b, SPAM, "text hidden from readers (display:none), not a sentence")
                continue
            if b.text[:1] in "SsAaPp" and b.text[:3].lower() in _AD_LABEL_STARTS and _LABEL_MARK.search(b.text, 0, 30) \
                    and b.word_count <= 60 \
                    and _AD_LABEL.match(b.text) and (
                    self.spam_words is not None and self.spam_words.search(b.text) or _TRY_FREE.search(b.text)):
                # "Sponsored content: Try MarketPro free for 30 days ...": an ad that says it is one.
                self.mark(b, SPAM, "a labelled ad")
                continue
            if b.word_count > 14:
                if b.word_count <= 30 and _WEB_ADDRESS.search(b.text) and self.spam_words is not None \
                        and self.spam_words.search(b.text) and not self.topical(b):
                    # Longer with the spammer's address in it: "Looking for help? Our partners at
                    # EssayPro.example write custom essays from $9.99 a page."
                    self.mark(b, SPAM, "an injected product or ad line")
                continue
            text = b.text.strip()
            if product_code(text):
                self.mark(b, SPAM, "an injected product or ad line (a product code)")
                continue
            if self.topical(b):
                continue
            if self.spam_words is not None and self.spam_words.search(text) and (
                    not text.endswith((".", "?", ":")) or _SPAM_ADDRESS.search(text)):
                # (A sentence only with the spammer's address or offer in it: "Play the best online
                # slots at LuckySpin Casino and get 200 free spins.", not "He is betting on AI.")
                self.mark(b, SPAM, "an injected product or ad line")


# A whole block's injected sentence: the spammer's address (any of the hacks' domains), or the
# pitch's price or offer ("... claim 200 free spins.", "essays from $9.99 a page"). (Kept apart
# from rules/boilerplate.py's _PITCH for spam inside a paragraph: that one counts "!", too weak
# for a whole sentence of the article.)
_WEB_ADDRESS = re.compile(r"\b[a-z0-9-]+\.(?:com|net|org|io|co|biz|info|xyz|example)\b", re.I)
_SPAM_ADDRESS = re.compile(rf"{_WEB_ADDRESS.pattern}|\$\d|\bfree spins\b|\b\d+\s*%\s*off\b", re.I)


def _tag_of(element: str) -> str:
    """The tag of an element as a block's context names it ("div.share#top[role=x]" -> "div")."""
    return element.split("#")[0].split(".")[0].split("[")[0]


def product_code(text: str) -> bool:
    """A catalogue line's product code after a pipe ("... Manual | ABR44M"), not ending a sentence."""
    text = text.strip()
    return _DIGIT.search(text) is not None and _PIPE_CODE.search(text) is not None \
        and not text.endswith((".", "?", "!"))


def prepare(ctx) -> None:
    """Engine hook: classify every block before the rules run."""
    doc = ctx.doc
    classifier = _Classifier(ctx)
    doc.analyses["boilerplate"] = classifier.run()
    doc.analyses["topic_words"] = classifier.vocab  # the article's own topic (B006 within a paragraph)
    doc.analyses.pop("kept_blocks", None)
    doc.__dict__.pop("sections", None)  # the section tree is built without chrome


_NO_VERDICTS: dict[int, Verdict] = {}  # never written to


def cms_fields(registry) -> re.Pattern | None:
    """The pattern of E009 (seo-metadata-in-body, a pack rule): the CMS fields a block may open with."""
    return getattr(registry.rules.get("E009"), "pattern", None)


def opens(pattern: re.Pattern, text: str) -> bool:
    """Whether `pattern` matches where the text's words start (as E009's block-start scope does)."""
    return pattern.match(text, len(text) - len(text.lstrip())) is not None


def is_boilerplate(doc: Document, block: Block) -> bool:
    return block.index in doc.analyses.get("boilerplate", _NO_VERDICTS)


def kept_blocks(doc: Document) -> list[Block]:
    """The blocks that are not boilerplate, in order (once per document: a dozen rules and
    analyses filter the document's blocks, and a call per block per rule adds up)."""
    found = doc.analyses.get("kept_blocks")
    if found is None:
        verdicts = doc.analyses.get("boilerplate", _NO_VERDICTS)
        found = [b for b in doc.blocks if b.index not in verdicts]
        if "boilerplate" in doc.analyses:  # before the classifier ran, nothing is kept for later
            doc.analyses["kept_blocks"] = found
    return found


def content_blocks(doc: Document) -> list[Block]:
    """The article's own prose blocks (kept, of a prose kind, not blank), once per document:
    the claim extraction, the directive analysis and five editor-note rules walk them."""
    found = doc.analyses.get("content_blocks")
    if found is None:
        found = [b for b in kept_blocks(doc) if b.kind in PROSE_KINDS and b.text.strip()]
        if "boilerplate" in doc.analyses:  # as kept_blocks: nothing kept before the classifier ran
            doc.analyses["content_blocks"] = found
    return found
