"""Boilerplate: the seeds' blocks, precision and recall against jusText, and --fix safety."""

from __future__ import annotations

import os
import shutil
import stat
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, REPO, SEEDS, article_lines, lint, needs_seeds, run_cli

sys.path.insert(0, str(REPO / "bench"))


@needs_seeds
def test_seed_boilerplate_blocks_are_the_ones_design_lists():
    import boilerplate_eval as ev

    for seed in sorted(SEEDS.glob("*.txt")):
        keep = ev.countable(seed)
        gold = ev.spans_to_lines(ev.SEED_GOLD[seed.name[:3]], keep)
        got = ev.spans_to_lines(ev.cpolint_spans(seed), keep)
        assert got == gold, seed.name


def test_cpolint_beats_justext_on_precision_and_recall():
    import justext  # noqa: F401  (a test extra: the comparison must run, never skip)
    import boilerplate_eval as ev

    results = ev.evaluate()
    for group in {g for g, _ in results}:
        ours, theirs = results[(group, "cpolint")], results[(group, "jusText")]
        assert ours[0] > theirs[0] and ours[1] > theirs[1], (group, ours, theirs)


def test_business_uses_of_share_and_subscribe_are_content():
    text = ("Chief Product Officer\n"
            "A chief product officer owns product strategy and leads the product team in a company.\n"
            "Share the roadmap\n"
            "CPOs share the roadmap with sales and subscribe to weekly customer reports so they hear problems early.\n"
            "Subscribe to customer feedback channels and read them every week as part of the job.\n")
    assert [d for d in lint(text, select=["boilerplate"])] == []


def _expected_after_fix(path: Path, diags) -> list[tuple[str, str | None]]:
    """Each line a fix must leave, with the words a fix takes out of it (None: untouched).
    A finding over whole lines removes them; one inside a line (spam run onto a sentence, a
    stuffed sentence) removes its own words and leaves the rest of the line."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    removed, cut = set(), {}
    for d in diags:
        first = lines[d["line"] - 1].rstrip("\r\n")
        last = lines[d["end_line"] - 1].rstrip("\r\n")
        start, end = d["column"] - 1, d["end_column"] - 1
        if first[:start].strip() or last[end:].strip():
            assert d["line"] == d["end_line"], d
            cut[d["line"]] = first[start:end]
        else:
            removed.update(range(d["line"], d["end_line"] + 1))
    return [(line, cut.get(number)) for number, line in enumerate(lines, start=1) if number not in removed]


def test_fix_removes_only_boilerplate_and_is_idempotent(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(CORPUS / "boilerplate", folder)
    (folder / ".cpolint.yaml").write_text("select: [boilerplate]\n")
    articles = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html"))
    import json

    before = {}
    for path in articles:
        data = json.loads(run_cli("check", path.name, "--no-cache", "--format", "json", cwd=folder).stdout)
        before[path.name] = _expected_after_fix(path, [d for d in data["diagnostics"] if d["fixable"]])
    os.chmod(folder / "blog-wordpress.txt", 0o640)
    proc = run_cli("check", ".", "--no-cache", "--fix", cwd=folder)
    assert proc.returncode in (0, 1), proc.stderr
    assert "fixed" in proc.stdout.decode()
    for path in articles:
        expected = before[path.name]
        after = path.read_text(encoding="utf-8").splitlines(keepends=True)
        # Every line that was not boilerplate survives in order: byte for byte, or without
        # just the flagged words when a finding was inside it.
        assert len(after) == len(expected), path.name
        for line, (original, words) in zip(after, expected):
            if words is None:
                assert line == original, path.name
            else:
                assert words not in line and "".join(line.split()) == "".join(original.replace(words, "").split()), \
                    path.name
    assert stat.S_IMODE(os.stat(folder / "blog-wordpress.txt").st_mode) == 0o640
    assert not list(folder.glob(".cpolint-*.tmp"))
    snapshot = {p.name: p.read_bytes() for p in articles}
    again = run_cli("check", ".", "--no-cache", "--fix", cwd=folder)
    assert {p.name: p.read_bytes() for p in articles} == snapshot  # idempotent
    assert b"fixed" not in again.stdout


def test_diff_previews_without_writing(tmp_path):
    src = CORPUS / "boilerplate" / "blog-wordpress.txt"
    path = tmp_path / "a.txt"
    shutil.copy(src, path)
    proc = run_cli("check", "a.txt", "--no-cache", "--diff", "--select", "boilerplate", cwd=tmp_path)
    out = proc.stdout.decode()
    assert "--- a/a.txt" in out and "+++ b/a.txt" in out
    assert "-Menu\n" in out and "-Leave a Comment\n" in out
    assert "-A chief product officer" not in out  # the article's own text stays
    assert path.read_bytes() == src.read_bytes()


def test_an_interrupted_fix_leaves_the_original_intact(tmp_path, monkeypatch):
    from cpolint.config import Settings
    from cpolint.linter import lint_path

    path = tmp_path / "a.txt"
    shutil.copy(CORPUS / "boilerplate" / "blog-wordpress.txt", path)
    original = path.read_bytes()

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        lint_path(str(path), Settings(select=["boilerplate"]), fix=True)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_content_words_are_the_words_the_word_pattern_finds():
    # _content_words splits words with one byte translation; its words must be those of the
    # word pattern it replaced (lower-cased, split at hyphens, then the same _kept), on every
    # corpus and seed line and on random text made of the characters that decide a word
    # (apostrophes, hyphens, non-ASCII letters).
    import random
    import re

    from cpolint.analysis.boilerplate import _content_words, _kept

    word = re.compile(r"[A-Za-z][A-Za-z'’-]+")

    def by_pattern(text):
        return _kept(" ".join(word.findall(text)).lower().replace("’", "'").replace("-", " ").split())

    texts = ["CPO’s road-map", "'-'abc", "''s's", "-x", "rock 'n' roll", "naïve café", "K\u212aelvin", "x\ud800yz",
             "state-of-the-art", "the leader's team's", "o'clock", "'tis", "ABC-def_ghi"]
    texts += article_lines()
    rng = random.Random(5)
    alphabet = list("abcS'’- é_1.\u00a0\t") + ["\ud800", "\u212a"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(100_000)]
    for text in texts:
        assert _content_words(text) == by_pattern(text), text


def test_title_keys_are_what_the_punctuation_pattern_makes():
    # _norm deletes punctuation from ASCII text with a byte translation; its keys must be
    # those of _NORM_PUNCT's substitution, on every corpus and seed line and on random text.
    import random

    from cpolint.analysis.boilerplate import _NORM_PUNCT, _memo, _norm

    texts = ["Chief Product Officer — Job Description", "CPO's $250k (2024)", "a_b#c@d%e&f", "tab\tnew\nline",
             "İstanbul", "Ünïcode’s"]
    texts += article_lines()
    rng = random.Random(11)
    alphabet = list("aZ9 _$%&@#'’.,;:!?-()/\\\t\n\u00a0é") + ["\u0130"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(50_000)]
    for text in texts:
        _memo.pop(("norm", text), None)
        assert _norm(text) == " ".join(_NORM_PUNCT.sub(" ", text.lower()).split()), text


def test_a_list_of_search_terms_on_the_roles_short_name_is_keyword_stuffing():
    head = ("# Chief Marketing Officer\n\nThe chief marketing officer owns the brand, demand generation and the "
            "research that tells the company what buyers want next.\n\n")
    stuffed = lint(head + "CMO jobs, CMO salary, CMO career, CMO resume, CMO interview questions, best CMO jobs\n",
                   "a.md", select=["B008"])
    assert [(d.line, d.code) for d in stuffed] == [(5, "B008")]
    assert "search term 6 times" in stuffed[0].message
    # Traps: a list of skills, a list of titles, a sentence that names the role in long items.
    for line in ("Skills: brand strategy, analytics, budgeting, hiring, storytelling",
                 "Related titles: CMO, VP of marketing, marketing director, brand director",
                 "CMOs in London, CMOs in Berlin, CMOs in Sydney and CMOs in New York all earn more than their "
                 "peers in smaller markets"):
        assert lint(head + line + "\n", "a.md", select=["B008"]) == [], line


def test_spam_run_into_the_end_of_a_paragraph_is_cut_from_its_first_sentence(tmp_path):
    head = "Chief Marketing Officer\nThe CMO owns the brand, the budget and the research behind both.\n"
    text = head + ("The median CMO salary is $235,000 a year. Download free marketing plan template PDF now! "
                   "Marketing Policy Manual | ZX88QK\n")
    (found,) = lint(text, "a.txt", select=["B006"])
    assert (found.line, found.column) == (3, 43) and found.data["text"].startswith("Download free")
    (tmp_path / "a.txt").write_text(text)
    run_cli("check", "a.txt", "--no-cache", "--select", "B006", "--fix", cwd=tmp_path)
    assert (tmp_path / "a.txt").read_text() == head + "The median CMO salary is $235,000 a year.\n"
    # Traps: a sentence with an ad word about the role or the article's topic stays.
    for tail in ("CMOs who click here and there across channels waste budget.",
                 "The best price for a campaign depends on the brand, the budget and the research."):
        assert lint(head + "The median CMO salary is $235,000 a year. " + tail + "\n", "a.txt",
                    select=["B006"]) == [], tail
    # The ad's lead-in question is the ad's; a question about the article's topic before it is not.
    for lead, cut in (("Looking for cheap holiday deals? ", "Looking for"),
                      ("Does the brand budget matter? Looking for cheap holiday deals? ", "Looking for")):
        spam = head + "The median CMO salary is $235,000 a year. " + lead + "Download free marketing plan template " \
            "PDF now!\n"
        (found,) = lint(spam, "a.txt", select=["B006"])
        assert found.data["text"].startswith(cut), lead


def test_an_articles_own_header_is_not_site_chrome():
    page = ("<html><body><header><a href='/'>Home</a> <a href='/jobs'>Jobs</a></header><main><article>"
            "<header><h1>Chief Technology Officer Career Guide</h1><p>What the top technology job involves.</p>"
            "<p>May 1, 2026 · Reviewed by Dr. Amara Osei</p></header>"
            "<p>The chief technology officer decides which technologies the company bets on and builds the "
            "engineering organisation that delivers them, reporting to the chief executive officer.</p>"
            "</article></main></body></html>")
    found = lint(page, "a.html", select=["boilerplate"])
    assert [(d.code, d.data["reasons"][0]) for d in found] == [("B001", "inside <header>"),
                                                                ("B002", "author and date line")]


def test_a_click_to_tweet_button_after_a_quote_is_cut_and_the_words_in_a_sentence_stay(tmp_path):
    text = ("# Chief Product Officer\n\nThe CPO leads the product organisation and reports to the CEO.\n\n"
            "> \"The CPO's job is to say no to good ideas.\" [Click to Tweet]\n\n"
            # Trap: the words in the article's own sentence.
            "Ask your team to share this quote with new product managers, or tweet this\n")
    (found,) = lint(text, "a.md", select=["B005"])
    assert (found.line, found.data["text"]) == (5, "[Click to Tweet]")
    (tmp_path / "a.md").write_text(text)
    run_cli("check", "a.md", "--no-cache", "--select", "B005", "--fix", cwd=tmp_path)
    assert "> \"The CPO's job is to say no to good ideas.\"\n" in (tmp_path / "a.md").read_text()


@pytest.mark.parametrize("sentence, stuffed", [
    ("Our CTO jobs guide covers CTO jobs remote, CTO jobs near me, CTO jobs salary and CTO jobs requirements, "
     "so you can find CTO jobs fast.", True),
    # The role named a few times in real prose, or other roles listed beside it.
    ("The CTO, the CPO, the CMO and the CFO all report to the CEO, and the CTO often chairs the architecture "
     "review.", False),
    ("A CTO at a startup codes, a CTO at a scale-up hires, and a CTO at a public company mostly manages "
     "managers.", False),
])
def test_a_sentence_of_search_terms_run_into_prose_is_stuffing(sentence, stuffed):
    text = ("# Chief Technology Officer Guide\n\nA chief technology officer leads the engineering team.\n\n"
            + sentence + "\n")
    assert bool([d for d in lint(text, "a.md") if d.code == "B008"]) is stuffed


def test_a_newsletters_footer_is_chrome_and_an_article_about_unsubscribing_is_not():
    article = ("# Chief Technology Officer\n\nA chief technology officer owns a company's technology and the teams "
               "that build it, and answers to the CEO for both.\n\n")
    footer = ("Forward to a friend\n\nYou are receiving this email because you signed up for The Builder's Letter.\n\n"
              "Want to change how you receive these emails? You can update your preferences or unsubscribe from "
              "this list.\n")
    found = [(d.line, d.end_line, d.code) for d in lint(article + footer, "a.md", select=["boilerplate"])]
    assert found == [(5, 9, "B005")]  # one widget, below the article
    # Traps: job alerts a candidate can unsubscribe from, and the browser a reader views a page in.
    prose = ("Candidates can unsubscribe from job alerts at any time, so recruiters keep them short.\n\n"
             "View the salary table in your browser's reader mode if it is too wide for your phone.\n")
    assert not lint(article + prose, "a.md", select=["boilerplate"])


def test_a_cms_tags_field_of_search_terms_is_e009s_and_b008s_only_when_e009_is_off():
    text = ("Chief Product Officer Guide\n\nA chief product officer leads the product organisation and owns the "
            "product strategy of a company, reporting to the CEO.\n\nTags: chief product officer, cpo salary, cpo "
            "jobs, chief product officer salary, cpo skills\n")
    assert [(d.line, d.code) for d in lint(text, "a.txt", select=["B008", "E009"])] == [(5, "E009")]
    assert [(d.line, d.code) for d in lint(text, "a.txt", select=["B008"])] == [(5, "B008")]
    # The same terms without the field's label are stuffing whatever else runs.
    bare = text.replace("Tags: ", "")
    assert [(d.line, d.code) for d in lint(bare, "a.txt", select=["B008", "E009"])] == [(5, "B008")]


def test_raw_html_in_markdown_is_read_as_html_blocks_with_their_elements(tmp_path):
    text = ("# CMO Career Guide\n\nA chief marketing officer (CMO) leads a company's marketing and answers to the CEO "
            "for growth that marketing can show.\n\n"
            '<div class="newsletter-signup">\n  <h3>Get our weekly marketing leadership digest</h3>\n'
            "  <p>Join 12,000 marketers. No spam, unsubscribe any time.</p>\n</div>\n\n"
            "## Skills\n\nBrand strategy, analytics and budgeting.\n\n"
            # Trap: a callout the writer set in HTML is the article's.
            '<div class="callout">\n<p>Most CMOs spend a third of the budget on brand work that pays off slowly.</p>\n'
            "</div>\n\n"
            '<div class="author-box">\n<p><strong>Dana Whitfield</strong> writes about marketing leadership.</p>\n'
            "<p>She coached 40 CMOs\nthrough their first year.</p>\n</div>\n")
    found = [(d.line, d.end_line, d.code) for d in lint(text, "a.md", select=["boilerplate"])]
    assert found == [(6, 7, "B005"), (19, 21, "B001")]
    # A fix takes whole elements only: the bio's second paragraph spans two lines, whose
    # removal with the first keeps every element whole; a wrapper all of whose blocks go,
    # goes with them (no empty <div> left), and the callout's stays.
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    run_cli("check", "--fix", "--no-cache", "--select", "boilerplate", str(path), cwd=tmp_path)
    fixed = path.read_text(encoding="utf-8")
    assert "Join 12,000" not in fixed and "Dana Whitfield" not in fixed and "a third of the budget" in fixed
    assert fixed.count("<div") == fixed.count("</div>") == 1 and '<div class="callout">' in fixed


@pytest.mark.parametrize("line, code, flagged", [
    ("Why trust us: our guides are reviewed against our editorial standards.", "B001", True),
    # Traps: disclosures and disclaimers (text a publisher must keep), affiliate work as a job.
    ("This post may contain affiliate links. If you buy through them, we may earn a commission.", "B001", False),
    ("Advertiser Disclosure: Some of the courses we recommend pay us a referral fee.", "B001", False),
    ("This article is for informational purposes only and does not constitute career advice.", "B001", False),
    ("Affiliate managers track affiliate links and pay partners a commission on each sale.", "B001", False),
    # What hacked sites inject is spam.
    ("slot gacor hari ini situs slot online terpercaya maxwin", "B006", True),
    ("Buy cheap replica watches online free shipping best price guaranteed", "B006", True),
    ("cialis 20mg tablets price comparison canada pharmacy", "B006", True),
    ("write my essay cheap essay writing service 24/7", "B006", True),
    # Traps: a calendar slot, a sentence about buying courses.
    ("Book a 30-minute slot with each engineering manager in your first month", "B006", False),
    ("Online courses on cloud costs are worth buying for the whole team.", "B006", False),
])
def test_a_line_between_two_paragraphs_of_the_article(line, code, flagged):
    # A site's trust box is chrome and its disclosures are kept; a hacked site's injected lines are spam.
    text = ("# Chief Operating Officer\n\nA chief operating officer runs a company's day-to-day operations and reports "
            f"to the CEO.\n\n{line}\n\nThe COO oversees operations, supply chain and customer support every week.\n")
    assert bool(lint(text, "a.md", select=[code])) == flagged


def test_a_publishers_team_as_author_is_a_byline_and_never_the_title():
    text = ("Find jobs\nCompany reviews\nFind salaries\n\nWhat Does a Chief Financial Officer Do?\nIndeed Editorial "
            "Team\nUpdated June 9, 2024\n\nA chief financial officer is the senior executive responsible for a "
            "company's financial planning. Indeed lists CFO roles, and Indeed salaries show the pay.\n\n"
            "Skills\nModelling and negotiation, as Indeed reports for the CFOs who list them.\n\n"
            "Working With the Editorial Team\nThe CFO signs off on the numbers the editorial team publishes.\n")
    found = [(d.line, d.end_line, d.code) for d in lint(text, "a.txt", select=["boilerplate"])]
    assert found == [(1, 3, "B001"), (6, 7, "B002")]  # the title (line 5) is left, and the heading at 14


@pytest.mark.parametrize("line, byline", [
    ("Last reviewed: 14 October 2026 | Reviewed by: Jonas Becker, Head of Content", True),
    ("Fact-checked by: Amara Obi", True),
    ("Reviewed on 3 March 2026", True),
    # Traps: a sentence about reviews, a heading-like line without a date or a name.
    ("Reviewed roles pay more", False),
    ("Performance reviews happen twice a year in 2026 budgets.", False),
])
def test_review_and_fact_check_lines_are_bylines(line, byline):
    text = (f"Product Marketing Manager Guide\n\n{line}\n\nA product marketing manager explains a product to "
            "the market and the market to the product team, and decides how it is positioned.\n")
    assert bool([d for d in lint(text, "a.txt", select=["boilerplate"]) if d.code == "B002"]) is byline


def test_a_wiki_pages_history_line_and_footer_are_chrome():
    text = ("Head of Customer Support: Career Guide\n"
            "Created by Lena Ford, last modified by Omar Haddad on Oct 02, 2026\n\n"
            "A head of customer support runs the team that answers customers' questions and fixes their problems, "
            "and owns the metrics that show whether customers are happy.\n\n"
            "Like Be the first to like this\nNo labels\nWrite a comment…\n")
    found = [(d.line, d.code) for d in lint(text, "a.txt", select=["boilerplate"])]
    assert found == [(2, "B002"), (6, "B005"), (7, "B001"), (8, "B004")]
    # Traps: a sentence about comments and labels in the article's prose.
    prose = text.split("Like Be")[0] + "Managers write a comment on every escalated ticket, and no labels are used.\n"
    assert [(d.line, d.code) for d in lint(prose, "a.txt", select=["boilerplate"])] == [(2, "B002")]


@pytest.mark.parametrize("line, code", [
    # The site selling its own service between the sections (each was left).
    ("Looking for your next role? Upload your CV and let recruiters find you.", "B001"),
    ("Want expert help? Book a free 30-minute call with one of our career coaches.", "B001"),
    ("Create a free account to save jobs and get alerts.", "B001"),
    ("Ready to take the next step? Browse chief product officer jobs on CareerDock today.", "B001"),
    ("Read next: How to Write a Product Strategy", "B003"),
    # The site's newsletter offered in a short paragraph anywhere (it was left).
    ("Want our free cloud certification roadmap? Sign up for the newsletter and we'll send it straight to your "
     "inbox.", "B005"),
    ("Subscribe to our newsletters", "B005"),
    ("Get the latest posts delivered right to your inbox.", "B005"),
    # Traps: the same words in the article's prose and advice (the newsletter ones were a
    # widget, deleted by --fix).
    ("Many CPOs create a free account on product forums to learn from peers.", None),
    ("Browse CPO jobs on LinkedIn to see which skills companies ask for most often.", None),
    ("Download the free AWS guide to learn the basics before the interview.", None),
    ("Subscribe to industry newsletters to stay current.", None),
    ("Sign up for vendor newsletters and cloud status alerts.", None),
    ("Get the latest certification news from AWS blogs.", None),
])
@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_the_sites_offers_between_sections_and_advice_with_their_words(line, code, name):
    text = ("Chief Product Officer Guide\n\nA chief product officer leads a company's product organisation and decides "
            f"what it builds, for whom and in what order.\n\n{line}\n\nResponsibilities\n\nThe CPO owns the product "
            "strategy and the roadmap, and leads the product managers and designers who deliver it.\n")
    assert [d.code for d in lint(text, name, select=["boilerplate"])] == ([code] if code else [])


_AGGREGATOR = ("Chief Product Officer: Job Description and Salary\n\n4.8/5 (126 votes)\n\nTable of Contents\n"
               "What Is a Chief Product Officer?\nCPO Responsibilities\nSalary\n\nKey Takeaways\n"
               "- CPOs own product strategy and lead product, design and research teams.\n"
               "- The median CPO salary in the US is $235,000.\n\n"
               "What Is a Chief Product Officer?\nA chief product officer (CPO) is the executive responsible for a "
               "company's product portfolio, from vision and strategy to delivery and performance in the market.\n\n"
               "Salary\nAccording to our data, the median CPO salary in the US is $235,000 per year, with the top "
               "10% earning over $400,000 at the largest companies in the country.\n\n"
               "Was this article helpful?\nYes\nNo\n\nSources\n"
               "1. Bureau of Labor Statistics, Top Executives, https://www.bls.gov/ooh/management/top-executives.htm\n"
               "2. Product Leadership Survey 2025, https://example.org/survey-2025\n")


def test_a_contents_list_ends_where_statements_start_and_sources_are_the_writers():
    found = {(d.line, d.end_line, d.code) for d in lint(_AGGREGATOR, "a.txt", select=["boilerplate"])}
    # The rating, the contents list (not the key takeaways under it: --fix deleted them), the
    # feedback widget and its buttons (not the sources after them: a menu and chrome before).
    assert found == {(3, 3, "B005"), (5, 8, "B001"), (20, 22, "B001")}


def test_a_members_headline_over_the_byline_is_no_title_and_hashtags_are_chrome():
    text = ("Priya Raman\nChief Product Officer at Fernway | Ex-Atlassian | Angel investor\nPublished Oct 3, 2026\n\n"
            "What Nobody Tells You About Becoming a CPO\n\nI became a chief product officer at 38, after fourteen "
            "years in product management, and the job is mostly people.\n\n#productmanagement #leadership\n")
    found = [(d.line, d.end_line, d.code) for d in lint(text, "a.txt", select=["boilerplate"])]
    assert found == [(1, 2, "B001"), (3, 3, "B002"), (9, 9, "B001")]


def test_email_in_a_row_of_share_buttons_is_a_share_button():
    text = ("# Chief Product Officer\n\nA chief product officer owns a company's products from strategy to delivery and "
            "leads product management, design and research.\n\nShare this article\n\nLinkedIn\n\nTwitter\n\nEmail\n")
    found = [(d.line, d.end_line, d.code) for d in lint(text, "a.md", select=["boilerplate"])]
    assert found == [(5, 11, "B005")]


def test_a_themes_read_more_cards_are_related_links():
    text = ("<html><body><article><h1>Cloud Architect Guide</h1><p>A cloud architect designs how a company's systems "
            "run on AWS, Azure or Google Cloud, which services they use and what they cost.</p></article>"
            "<aside class=\"read-more-wrap\"><div class=\"read-more\"><h3>DevOps engineer salary guide</h3>"
            "<h3>What does an SRE do?</h3></div></aside></body></html>")
    found = [(d.code, d.data["reasons"]) for d in lint(text, "a.html", select=["boilerplate"])]
    assert found == [("B003", ["inside <div.read-more>"])]


def test_footer_links_written_as_a_phrase_are_a_menu_and_a_list_of_skills_is_not():
    text = ("# Chief Technology Officer\n\nA chief technology officer owns the technology strategy and the engineering "
            "team of a company.\n\nStrategy, Hiring and Budgeting\n\nThe CTO sets direction and hires leaders for the "
            "engineering organisation.\n\nCookies, Privacy and Terms\n")
    assert [(d.line, d.code) for d in lint(text, "a.md", select=["boilerplate"])] == [(9, "B001")]


def test_a_product_code_below_the_article_is_spam_not_another_articles_headline():
    text = ("Chief Technology Officer\n\nThe chief technology officer leads engineering and owns the technology "
            "strategy of the company. The CTO reports to the CEO and sits on the executive team.\n\n"
            "2024 Kawasaki Ninja 400 Owners Manual PDF Download | K8W2Q\n")
    assert [(d.line, d.code) for d in lint(text, "a.txt", select=["boilerplate"])] == [(5, "B006")]


@pytest.mark.parametrize("sentence, stuffed", [
    ("If you want to know the chief product officer salary, this chief product officer salary guide explains chief "
     "product officer salary by location.", True),
    # Traps: a career path names the role and its neighbours; a sentence that names it three times apart.
    ("The usual route runs from product manager to senior chief product officer deputy, then chief product officer "
     "in waiting, then chief product officer.", False),
    ("A chief product officer hires well, and a chief product officer writes well; the best chief product officer "
     "does both without a big team around them.", False),
])
def test_a_search_term_said_three_times_in_a_sentence_is_stuffing(sentence, stuffed):
    text = (f"# Chief Product Officer Salary Guide\n\nA chief product officer owns the product strategy.\n\n{sentence}\n\n"
            "## People also ask\n\n- How much does a CPO make?\n- Is CPO a good career?\n\n## Salary\n\n"
            "CPOs in the US earn a median of about $260,000 in base salary, and the top tenth earn far more.\n")
    found = [(d.line, d.code) for d in lint(text, "a.md", select=["B003", "B008"])]
    assert found == ([(5, "B008")] if stuffed else []) + [(7, "B003")]


@pytest.mark.parametrize("label", ["About the author", "ABOUT THE AUTHOR", "About The Writer"])
def test_an_author_box_label_in_any_case(label):
    text = ("Data Engineer Career Guide\n\nA data engineer builds the pipelines that move a company's data into its "
            "warehouse and keeps them running every night.\n\nSalary\n\nData engineers earn a median of $130,000 a "
            f"year in the United States.\n\n{label}\nDana Whitfield is a former data engineer and writes about data "
            "careers.\n")
    assert [(d.line, d.end_line, d.code) for d in lint(text, "a.txt", select=["B001"])] == [(9, 10, "B001")]


@pytest.mark.parametrize("line, spam", [
    ("Play the best online slots at LuckySpin Casino and get 200 free spins.", True),  # a sentence, with the offer
    ("Looking for help? Our partners at EssayPro.example write custom essays from $9.99 a page.", True),
    ("He is betting on AI to cut costs.", False),
    ("Casino operators hire CPOs too.", False),
    ("Many CPOs use Jira, Productboard or Aha! to manage their roadmap.", False),
])
def test_an_injected_sentence_with_the_spammers_address_or_offer_is_spam(line, spam):
    text = ("# Chief Product Officer\n\nA chief product officer leads the product organisation and sets the strategy "
            f"for what the company builds and why.\n\n{line}\n\nMost CPOs report to the CEO and sit on the executive "
            "team, where they speak for customers.\n")
    assert [(d.line, d.code) for d in lint(text, "a.md", select=["boilerplate"])] == ([(5, "B006")] if spam else [])
