"""Articles as static-site repositories, CMS pages, newsletters and exports hold them: site-generator
markup, the page furniture around the article (bylines, sign-offs, tags, page numbers, contents
lists, ad markers) and what a page's shape says about its sections. Role schemas are in
test_roles.py, headings in test_headings.py."""

from __future__ import annotations

import pytest

from conftest import INTRO, codes, lint, parse, run_json


def test_a_plain_text_list_below_the_article_that_it_labels_is_not_a_menu():
    body = INTRO.format(role="CPO", area="product") * 3
    labelled = "Chief Product Officer\n\n" + body + "\nKey skills\nForecasting\nNegotiation\nStorytelling\n"
    assert not codes(lint(labelled, "a.txt", select=["boilerplate"]))
    # The same run with no label naming a section is still a menu.
    menu = "Chief Product Officer\n\n" + body + "\nAbout us\nCookies\nNewsletter\nPrivacy\n"
    assert codes(lint(menu, "a.txt", select=["boilerplate"])) == [(7, "B001")]


PAGE = """# Chief Product Officer

{{{{< breadcrumb >}}}}

The CPO leads the product organisation and owns the roadmap the company builds against.

{{% include newsletter.html %}}

{{{{% notice tip %}}}} Ask who owns pricing before you accept a CPO offer. {{{{% /notice %}}}}

CPOs at {{{{ company_name }}}} and {{{{ site.company }}}} earn {{{{ "salary" | default: "well" }}}}.
"""


def test_site_generator_markup_in_markdown_is_markup_and_a_mustache_slot_is_still_a_placeholder():
    found = lint(PAGE.format(), "page.md", select=["E005", "boilerplate"])
    assert [(d.line, d.code, d.data["placeholder"]) for d in found] == [(11, "E005", "{{ company_name }}")]


def test_the_same_markup_in_pasted_text_is_a_leftover():
    found = lint(PAGE.format().replace("# ", ""), "page.txt", select=["E005"])
    assert [d.data["placeholder"] for d in found] == [
        "{{< breadcrumb >}}", "{% include newsletter.html %}", "{{% notice tip %}}", "{{% /notice %}}",
        "{{ company_name }}", "{{ site.company }}", '{{ "salary" | default: "well" }}']


def test_a_model_reply_split_over_two_sentences_is_reported_from_its_first_word():
    text = ("Chief Product Officer\n" + INTRO.format(role="CPO", area="product")
            + "Certainly! Here's a punchier take on the version you sent.\n")
    found = lint(text, select=["E002"])
    assert [(d.line, d.column, d.code) for d in found] == [(3, 1, "E002")]
    # Each sentence alone is ordinary prose.
    alone = lint("Chief Product Officer\nCertainly! Pricing is the CPO's call.\nHere's a version of events.\n",
                 select=["E002"])
    assert alone == []


CLOSING_FAQ = """# Chief Product Officer

The chief product officer owns the product strategy, the roadmap and the product team, and sits on the
executive team beside the chief technology officer and the chief marketing officer in most companies.

## Salary

A chief product officer in the United States earns a median base salary of about $230,000 a year, with
equity on top at most venture-backed companies.

## FAQ

### Do you need an MBA?

An MBA helps, but it is not required; plenty of leaders learned on the job.

---

Was this guide helpful? Yes No

© 2026 Example Careers
"""


def test_a_closing_faq_is_the_article_and_its_question_is_no_claim():
    found = lint(CLOSING_FAQ, "faq.md", select=["boilerplate", "contradiction"])
    assert codes(found) == [(19, "B001")]


def test_a_related_card_under_a_question_headline_is_still_related_links():
    text = CLOSING_FAQ.replace("## FAQ\n\n### Do you need an MBA?\n\nAn MBA helps, but it is not required; plenty of "
                               "leaders learned on the job.\n",
                               "### Do you need an MBA?\n\nWhat hiring managers say about business degrees…\n")
    found = lint(text, "faq.md", select=["boilerplate"])
    assert [(d.line, d.code) for d in found][:1] == [(11, "B003")]


def spans(text: str, code: str) -> list[tuple[int, int]]:
    """(line, end line) of each `code` finding in a Markdown article."""
    return [(d.line, d.end_line) for d in lint(text, "a.md", select=[code])]


def test_a_label_over_a_list_under_the_byline_is_not_part_of_it():
    text = ("# Chief Product Officer\n\nBy Ana Ruiz · March 3, 2026 · 6 min read\n\n**Key takeaways**\n\n"
            "- The CPO owns the product roadmap and the product team that delivers it.\n"
            "- Most CPOs were product managers for a decade before the role.\n\n"
            "The chief product officer leads product strategy and reports to the chief executive officer in most "
            "companies, with a seat on the executive team.\n")
    assert spans(text, "B002") == [(3, 3)]


def test_a_last_updated_line_under_the_title_is_its_date_line_and_in_a_footer_chrome():
    text = ("# What Does a Chief Product Officer Do?\n\nLast updated: 2 February 2026\n\n"
            "The chief product officer leads product strategy and reports to the chief executive officer in most "
            "companies, with a seat on the executive team.\n\n"
            "Home · Careers · About\n\nLast updated on 3 March 2026\n\n© 2026 Career Handbook\n")
    found = lint(text, "a.md", select=["B001", "B002"])
    assert [(d.line, d.end_line, d.code) for d in found] == [(3, 3, "B002"), (7, 11, "B001")]


def test_a_links_region_ends_at_the_heading_of_the_prose_after_it():
    # (A contents list of the file's own headings is the writer's: see the test further down.)
    text = ("# Chief Product Officer\n\n## Quick links\n\n- [Overview](/roles/overview)\n- [Pay](/pay)\n\n"
            "## What the role covers\n\n"
            "The chief product officer leads product strategy, the roadmap and the product team, and reports to "
            "the chief executive officer in most companies.\n")
    assert spans(text, "B001") == [(3, 6)]


def test_a_lead_in_sentence_over_a_list_covers_the_section_it_names():
    from cpolint.analysis.sections import coverage
    from cpolint.config import Settings
    from cpolint.linter import get_engine

    text = ("# Chief Marketing Officer\n\nThe chief marketing officer owns the brand and the demand engine.\n\n"
            "Here are five skills every CMO needs:\n\n- Brand strategy\n- Analytics\n\n"
            "Three trends are reshaping the job right now:\n\n- Privacy rules\n- Generative tools\n\n"
            "The board wants the following from its CMO:\n\n- Growth\n- Clarity\n")
    doc = parse(text, "a.md")
    get_engine(Settings()).lint(doc)
    found = {(c.section, c.line, c.via) for c in coverage(doc, doc.analyses["context"].schema)}
    assert {("skills", 5, "label"), ("outlook", 10, "label")} <= found
    assert not any(line == 15 for _, line, _ in found)  # names no section
    # A colon that does not introduce a list is no lead-in.
    doc = parse(text.replace("needs:\n\n- Brand strategy\n- Analytics", "needs: judgement."), "a.md")
    get_engine(Settings()).lint(doc)
    assert not any(c.line == 5 for c in coverage(doc, doc.analyses["context"].schema))


@pytest.mark.parametrize("opening, defined", [
    ("A chief product officer is the executive who owns the product portfolio.", True),
    ("In most companies, the chief product officer, or CPO, is the executive who owns the roadmap.", True),
    ("Every software company needs one person who owns the product portfolio, and that person is the chief "
     "product officer.", True),
    ("A chief product officer (CPO) leads the product organisation and owns its roadmap.", True),
    ("The chief product officer decides what the company builds and owns the roadmap.", True),
    # An aside between the name and its verb, when the verb opens a definition.
    ("The chief product officer, in organisations with many products and many stakeholders, is fundamentally "
     "responsible for what gets built.", True),
    ("A chief product officer turns a company's strategy into the products it builds.", True),
    ("A chief product officer keeps the product teams pointed at the same few goals.", True),
    ("The chief product officer, at most startups, is hired after the Series B round.", False),
    ("A chief product officer earns about $250,000 a year in the United States.", False),
    # Naming someone who holds the title, or the role as a topic, defines nothing.
    ("A chief product officer at a payments company leads a team of forty.", False),
    ("Our guest, Ana Ruiz, is the chief product officer of a payments company.", False),
    ("We asked ten people about the chief product officer role and what it pays.", False),
])
def test_a_defining_opening_covers_the_overview(opening, defined):
    text = f"# Chief Product Officer Guide\n\n{opening}\n\n## Salary\n\nThe median pay is $230,000 a year.\n"
    found = [d.data["section"] for d in lint(text, "a.md", select=["S001"])]
    assert ("overview" not in found) is defined


def test_an_image_slot_is_no_title_and_an_experience_heading_is_a_weak_qualifications_one():
    text = ("Chief Marketing Officer Guide\nChief Marketing Officer Guide\n\n[FEATURED IMAGE: a CMO at work]\n\n"
            "A chief marketing officer owns the brand, the budget and the research behind both.\n")
    assert [(d.line, d.code) for d in lint(text, "a.txt", select=["B001", "B007"])] == [(2, "B007")]
    from cpolint.schema import load_schema

    schema = load_schema("cpo")
    assert schema.match_heading("Experience") == [("qualifications", False)]  # beside "Education", no duplicate
    assert schema.match_heading("Qualifications") == [("qualifications", True)]
    assert ("qualifications", False) in schema.match_heading("Skills and Experience")
    assert all(sid != "qualifications" for sid, _ in schema.match_heading("User Experience and Quality Assurance"))


def test_mdx_articles_are_found_and_read_as_markdown_without_their_imports(tmp_path):
    (tmp_path / "cpo.mdx").write_text(
        "---\ntitle: Chief Product Officer\n---\nimport Callout from '../components/Callout.astro'\n\n"
        "# Chief Product Officer\n\nThe CPO owns the [[Roadmap]] and the product team.\n\n"
        "<Callout type=\"tip\">Ask who owns pricing.</Callout>\n\n<Newsletter />\n\n"
        "{/* TODO: add the CPO vs CHRO title debate / link the HR guide */}\n")
    _, data = run_json(".", "--select", "E006,E005,B", cwd=tmp_path)
    assert [f["path"] for f in data["files"]] == ["./cpo.mdx"] and data["files"][0]["format"] == "markdown"
    assert [(d["line"], d["code"]) for d in data["diagnostics"]] == [(8, "E006")]
    doc = parse((tmp_path / "cpo.mdx").read_text(), str(tmp_path / "cpo.mdx"))
    assert [b.text for b in doc.blocks if b.kind != "front_matter"] == [
        "Chief Product Officer", "The CPO owns the [[Roadmap]] and the product team.", "Ask who owns pricing."]


# -- pages from a professional network and a team wiki --------------------------------------

def test_first_person_promises_are_read_item_by_item():
    text = ("# Chief Product Officer\n\nIn this article I will walk through the job itself, the skills it takes "
            "and the career path.\n\n## Skills\n\nStrategy, judgement and hiring matter most for the "
            "role at every stage of a company.\n")
    found = lint(text, "a.md", select=["S006"])
    # "the job itself" is vague and the skills are covered: only the career path is not.
    assert [(d.data["promise"], d.data["section"]) for d in found] == [("the career path", "career-path")]


@pytest.mark.parametrize("intro, promised", [
    ("Below, you'll find what the job involves, what it pays and the interview questions to prepare for.", True),
    ("This guide walks through the duties, the pay and the interview questions to prepare for.", True),
    ("This article breaks down the duties, the pay and the interview questions to prepare for.", True),
    ("Here's what you need to know: the duties, the pay and the interview questions to prepare for.", True),
    # Traps: "you'll find" about the world, not the article; no promise at all.
    ("In most companies you'll find the CFO preparing interview questions for finance hires.", False),
    ("Interview questions for CFOs change with the company's stage.", False),
])
def test_promises_in_other_words(intro, promised):
    text = (f"# Chief Financial Officer\n\n{intro}\n\n## Responsibilities\n\nThe CFO owns the budget and the "
            "audit.\n\n## Salary\n\nCFOs earn a median of $260,000 a year.\n")
    found = [d.data["topic"] for d in lint(text, "a.md", select=["S006"])]
    assert found == (["interview"] if promised else [])


def test_a_promise_is_read_without_the_purpose_clause_after_it():
    text = ("# Chief Technology Officer\n\nIn this guide we'll walk through what a CTO does, how much CTOs earn, "
            "and the skills you'll need to land the job.\n\n## Skills\n\nTechnical depth, judgement about "
            "trade-offs, hiring and communication matter at every stage.\n")
    found = lint(text, "a.md", select=["S006"])
    # The skills are covered ("to land the job" is why they matter, not a promise of a career path).
    assert [(d.data["promise"], d.data["section"]) for d in found] == [("what a CTO does", "responsibilities"),
                                                                        ("how much CTOs earn", "salary")]
    # A promise that is only a purpose is still read whole: "how to become one" is the career path.
    text = text.replace("and the skills you'll need to land the job", "and how to become one")
    assert ("how to become one", "career-path") in [(d.data["promise"], d.data["section"])
                                                    for d in lint(text, "a.md", select=["S006"])]


@pytest.mark.parametrize("opening, covers", [
    ("Day to day, a CPO sets the product vision, decides which bets the company makes and coaches the team.", True),
    ("On a typical day, the CPO reviews the roadmap with engineering and meets two customers.", True),
    # An opening phrase that names no section, or one in a short line, covers nothing.
    ("In most companies, the CPO sets the product vision and decides which bets the company makes.", False),
    ("For example, a CPO at a bank spends the week on compliance reviews and hiring plans.", False),
    ("Day to day, it varies.", False),
])
def test_an_opening_phrase_that_names_a_section_covers_it(opening, covers):
    text = f"# Chief Product Officer Guide\n\n## What the role is\n\n{opening}\n"
    found = [d.data["section"] for d in lint(text, "a.md", select=["S001"])]
    assert ("responsibilities" not in found) is covers


def test_a_reactions_bar_is_one_widget_and_opens_no_comment_section():
    article = ("Chief Product Officer\n\nThe chief product officer owns the product strategy and the team that "
               "builds it, and reports to the chief executive officer in most companies.\n\n")
    text = article + "Like\nComment\nShare\n1,204 reactions · 87 comments\n\n" + article.split("\n\n")[1] + "\n"
    found = lint(text, "a.txt", select=["boilerplate"])
    assert [(d.line, d.end_line, d.code) for d in found] == [(5, 8, "B005")]  # "Comment" is the bar's button
    found = codes(found)
    assert not any(line >= 10 for line, _ in found)  # the paragraph after the row is the article's
    # A heading "Comments (2)" over the comments still opens one.
    text = article + "Comments (2)\n\nGreat read, thanks\n\nAgreed, very useful\n"
    assert codes(lint(text, "a.txt", select=["B004"])) == [(5, "B004")]


def test_page_properties_on_lines_of_their_own_are_cms_fields():
    text = ("# CMO guide\n\nOwner: Dana Whitfield\nStatus: In review\nLast edited: November 18, 2025 4:12 PM\n\n"
            "The chief marketing officer owns the brand and the budget behind it.\n\n"
            # A sentence that starts with such a word, and a field name inside a line, are not fields.
            "Status matters: the CMO's standing with the board rests on revenue.\nIts owner: the CMO.\n")
    found = lint(text, "a.md", select=["E009"])
    assert [(d.line, d.column, d.data["match"]) for d in found] == [
        (3, 1, "Owner:"), (4, 1, "Status:"), (5, 1, "Last edited:")]
    assert found[0].message == "CMS or SEO field left in the article body: 'Owner:'"


def test_a_reviewer_note_is_a_note_to_the_editor_and_an_editors_note_is_for_readers():
    text = ("# Chief Marketing Officer\n\n> 💡 **Reviewer note:** legal must approve the salary figures.\n\n"
            "Editor's note: this guide was updated in March with new salary data.\n")
    assert codes(lint(text, "a.md", select=["E003"])) == [(3, "E003")]


STORY = ("Chief Product Officer\n\nThe chief product officer owns the product strategy and the team that builds it, "
         "and reports to the chief executive officer in most companies.\n\n"
         "A good product leader writes a strategy that product teams can follow without a meeting, and hires "
         "product managers who decide well.\n\n")


@pytest.mark.parametrize("signoff, flagged", [
    ("Thanks for reading! If this helped, give it a clap and follow me for more on product leadership.", True),
    ("Thanks for reading The Operator's Notebook! Subscribe for free to receive new posts.", True),
    ("If you enjoyed this article, share it with a product manager who wants the job.", True),
    ("Thanks for reading.", True),
    # A sentence about following, readers or thanks is the article's.
    ("Readers who follow me here know I came up through design; that is one road of several.", False),
    ("Product teams follow the roadmap the CPO sets, and readers of it should see why.", False),
    # Readers' clicks described, not asked for: a CMO article on social media.
    ("Social teams track how often readers hit the like button on each post and tap share.", False),
    ("Found this useful? Share it with a friend who is eyeing the CPO seat.", True),
    ("Share this guide with a product manager who wants the job.", True),
    # Advice to share a document is the article's.
    ("Write a one-page strategy and share it with your team before the planning week.", False),
    ("Found this useful? Most readers do, which is why we keep it short.", False),
    ("Did you find this guide useful? Subscribe to our newsletter for a new career guide every week.", True),
    ("Sign up for our free weekly newsletter to get guides like this one.", True),
    # A newsletter the article recommends is the article's.
    ("Many product leaders subscribe to the Lenny's Newsletter mailing list for hiring advice.", False),
])
def test_the_writers_sign_off_asking_for_claps_or_follows_is_a_widget(signoff, flagged):
    found = codes(lint(STORY + signoff + "\n", "a.txt", select=["boilerplate"]))
    assert ((7, "B005") in found) is flagged, found


def test_below_the_article_tags_counts_separators_and_the_author_box_are_chrome():
    # The tags are on topic (an off-topic run of short lines is a menu wherever it stands).
    tail = ("Thanks for reading! Give it a clap.\n\nProduct Strategy\n\nProduct\n\nStrategy\n\n1.3K\n\n24\n\n"
            "Written by Priya Raman\n\n2.1K Followers\n\n·\n\nWriter for\n\nThe Product Shelf\n\n"
            "VP Product. Writing about product leadership and careers.\n\nFollow\n")
    found = lint(STORY + tail, "a.txt", select=["boilerplate"])
    spans_found = [(d.line, d.end_line, d.code) for d in found]
    assert spans_found == [(7, 7, "B005"), (9, 13, "B001"), (15, 17, "B005"), (19, 19, "B002"), (21, 21, "B005"),
                           (23, 29, "B001"), (31, 31, "B005")]
    assert "tags or menu below the article" in found[1].message
    # The bio is on topic, yet it does not stretch the article past the sign-off: no section
    # is left empty by the tags read as headings.
    assert not [d for d in lint(STORY + tail, "a.txt", select=["S004"])]


def test_a_list_the_article_introduces_above_the_sign_off_is_not_tags():
    article = STORY + "These are the skills I would build first if I were starting again today:\n\n"
    tail = "- Hiring\n- Pricing\n- Writing\n\nThanks for reading! Give it a clap.\n"
    found = codes(lint(article + tail, "a.md", select=["boilerplate"]))
    assert found == [(13, "B005")]
    # Unannounced, the same three words right above the sign-off are the post's tags.
    found = codes(lint(STORY + tail, "a.md", select=["boilerplate"]))
    assert found == [(7, "B001"), (11, "B005")]
    # In plain text a short line that names a section is the label of the list under it.
    lines = "Product strategy\n\nProduct teams\n\nStrategy memos\n\nThanks for reading! Give it a clap.\n"
    assert codes(lint(STORY + "Key skills\n\n" + lines, "a.txt", select=["boilerplate"])) == [(15, "B005")]
    assert codes(lint(STORY + lines, "a.txt", select=["boilerplate"])) == [(7, "B001"), (13, "B005")]


def test_a_menu_line_of_two_chrome_items_and_counts_with_restacks():
    text = ("# Chief Product Officer\n\nSubscribe · Sign in\n\n" + STORY.split("\n\n", 1)[1]
            + "Subscribe\n\n42 Likes · 7 Restacks\n\nPrivacy ∙ Terms ∙ Collection notice\n")
    found = lint(text, "a.md", select=["boilerplate"])
    assert [(d.line, d.code) for d in found] == [(3, "B001"), (9, "B001"), (11, "B005"), (13, "B001")]
    # Two separated words that are not chrome are no menu line.
    text = "# Chief Product Officer\n\nStrategy · Hiring\n\n" + STORY.split("\n\n", 1)[1]
    assert codes(lint(text, "a.md", select=["boilerplate"])) == []


PAGE_BODY = ("The chief marketing officer owns the brand, the demand engine and the budget behind both, and reports "
             "to the chief executive officer.\n\n")


@pytest.mark.parametrize("footer, flagged", [
    ("Page 2 of 3", True), ("page 2", True), ("- 2 -", True), ("2 of 3", True),
    # A line that only holds a number is not a page number, nor a count in a sentence.
    ("2", False), ("Page 2 of the report covers pay.", False), ("Step 2 of 3", False),
])
def test_a_page_number_of_a_pdf_export_is_chrome(footer, flagged):
    text = "Chief Marketing Officer\n\n" + PAGE_BODY + footer + "\n\n" + PAGE_BODY
    found = [(d.line, d.code) for d in lint(text, "a.txt", select=["B001"])]
    assert ((5, "B001") in found) is flagged, found


def test_a_running_header_repeated_on_each_page_is_chrome_and_a_repeated_heading_is_not():
    header = "CMO Career Guide 2025        Northfield Talent Partners\n\n"
    text = (header + "Chief Marketing Officer\n\nPrepared by the Northfield research team\n\nOverview\n\n" + PAGE_BODY
            + "In short\n\n" + PAGE_BODY + "Page 1 of 2\n\n" + header + "In short\n\n" + PAGE_BODY)
    found = lint(text, "a.txt", select=["boilerplate"])
    assert [(d.line, d.end_line, d.code) for d in found] == [(1, 1, "B001"), (5, 5, "B002"), (15, 17, "B001")]
    assert "running header" in found[2].message
    # Without a page number or columns, a line that comes back is the article's.
    plain = text.replace("Page 1 of 2\n\n", "").replace("        ", " ")
    assert [d.line for d in lint(plain, "a.txt", select=["B001"])] == [1]  # above the title only


def test_a_markdown_files_own_contents_list_under_its_title_is_the_article():
    toc = ("# Chief Product Officer\n\n## Table of contents\n\n- [Skills](#skills)\n- [Salary](#salary)\n"
           "- [Career path](#career-path)\n- [Education](#education)\n\n## Skills\n\n"
           + INTRO.format(role="CPO", area="product") * 2)
    assert not codes(lint(toc, "a.md", select=["boilerplate"]))
    # Links to other pages under the same heading are still the site's.
    other = toc.replace("](#", "](/roles/")
    assert codes(lint(other, "a.md", select=["boilerplate"]))[:1] == [(3, "B001")]


def test_a_lone_ad_marker_mid_article_does_not_swallow_the_section_after_it():
    text = ("# Chief Marketing Officer\n\nA chief marketing officer (CMO) is the executive who leads brand, demand "
            "generation and product marketing, and reports to the chief executive officer.\n\nADVERTISEMENT\n\n"
            "## Skills\n\nStrong CMOs combine creative judgement with analytical rigour and can explain a "
            "campaign's results to the board.\n")
    found = lint(text, "a.md", select=["boilerplate", "S001"])
    assert [(d.line, d.end_line, d.code) for d in found if d.category == "boilerplate"] == [(5, 5, "B001")]
    assert "skills" not in {d.data["section"] for d in found if d.code == "S001"}


def test_a_publications_name_as_the_h1_is_chrome_when_the_role_names_the_heading_under_it():
    prose = ("Every few weeks a reader asks what a chief technology officer does all day, and this issue is the "
             "long answer for senior engineers weighing the title.\n")
    page = ("# The Operator's Notebook\n\nSubscribe · Sign in\n\n## So You Want to Be a CTO\n\nDana Whitfield\n\n"
            "Feb 18, 2025\n\n" + prose)
    assert [(d.line, d.end_line, d.code) for d in lint(page, "a.md", select=["B001"])] == [(1, 3, "B001")]
    # No chrome between the H1 and a heading that names the role right over the prose: the H1 is
    # the title and the heading a section's.
    article = "# Careers in Tech Leadership\n\n## What Is a Chief Technology Officer?\n\n" + prose
    assert not lint(article, "a.md", select=["boilerplate"])


def test_a_job_boards_apply_buttons_are_chrome_and_a_sentence_about_applying_is_not():
    page = ("<html><body><h1>Chief Product Officer</h1><button>Apply now</button>\n"
            "<p>Acme is hiring a chief product officer to lead product strategy, report to the CEO and build the "
            "product team. Apply before March if you have led product teams.</p>\n"
            "<button>Apply for this job</button></body></html>")
    assert [(d.line, d.code) for d in lint(page, "a.html", select=["boilerplate"])] == [(1, "B001"), (3, "B001")]


def test_an_article_header_class_and_an_aside_inside_the_article_are_the_articles():
    body = ("<p>The chief product officer leads product strategy and reports to the chief executive officer in "
            "most companies, with a seat on the executive team.</p>")
    html = ('<div class="post-header"><h1>What Does a Chief Product Officer Do?</h1>'
            '<p class="post-dek">The job between the product teams and the board.</p></div>'
            f'<article>{body}<aside class="callout"><p>Pro tip: ask how many product managers report to the '
            'role before you apply.</p></aside>'
            '<aside class="sidebar"><p>Northwind Weekly</p></aside></article>')
    found = lint(html, "a.html", select=["B001", "B002", "B003"])
    assert [(d.code, d.line) for d in found] == [("B001", 1)]
    assert "'Northwind Weekly'" in found[0].message and "inside <aside.sidebar>" in found[0].message
    # A header class that names the site still marks chrome.
    site = html.replace('class="post-header"', 'class="site-header"')
    assert [d.code for d in lint(site, "a.html", select=["B001"])][:1] == ["B001"]


def test_a_page_builders_widget_classes_hold_the_article_and_a_sidebar_widget_is_chrome():
    body = ("<p>The chief product officer leads product strategy and reports to the chief executive officer in "
            "most companies, with a seat on the executive team.</p>")
    html = ('<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">'
            f'{body}</div></div>\n<section class="widget widget_text"><p>Northwind Weekly</p></section>')
    found = lint(html, "a.html", select=["boilerplate"])
    assert [(d.code, d.line) for d in found] == [("B001", 2)]
    assert "'Northwind Weekly'" in found[0].message and "inside <section.widget.widget_text>" in found[0].message
    # A builder's widget named for what it holds still tells: share buttons, a call to action.
    share = html.replace("elementor-widget-text-editor", "elementor-widget-share-buttons")
    assert [(d.code, d.line) for d in lint(share, "a.html", select=["B005"])] == [("B005", 1)]


def test_a_frameworks_root_element_and_utility_classes_say_what_they_should():
    body = ("<p>The chief marketing officer owns the brand, the marketing budget and the team that spends it, "
            "and in most companies reports to the chief executive officer.</p>")
    # Next.js mounts the page on <div id="__next">: its "next" names no pager.
    page = f'<div id="__next"><main><h1>What Does a CMO Do?</h1>{body}{body}</main></div>'
    assert lint(page, "a.html", select=["boilerplate"]) == []
    # Tailwind's "hidden" hides a keyword list; "hidden md:flex" is a menu shown on wider screens.
    stuffed = page.replace("</main>", '<p class="hidden">cmo salary cmo jobs chief marketing officer salary cmo '
                                      'job description hire cmo</p></main>')
    assert [d.code for d in lint(stuffed, "a.html", select=["B006"])] == ["B006"]
    shown = stuffed.replace('class="hidden"', 'class="hidden md:flex"')
    assert lint(shown, "a.html", select=["B006"]) == []
    # A call to action on a line of its own is chrome; the same words in a sentence are not.
    cta = page.replace("</main>", '<p><a href="/search">Talk to our team</a></p>'
                                  "<p>Before you accept, talk to our team of former CMOs about the offer, or ask "
                                  "a mentor to read it with you.</p></main>")
    assert [d.message.split(": ", 1)[1] for d in lint(cta, "a.html", select=["B001"])] == ["'Talk to our team'"]


def test_an_author_box_is_chrome_with_its_short_bio_and_a_long_text_under_the_label_is_not():
    bio = ("**About the author**\n\nSam Okafor led product at two fintech start-ups and now writes about "
           "product leadership. Follow him on LinkedIn.\n")
    intro = "# Chief Product Officer\n\n" + INTRO.format(role="chief product officer", area="product")
    text = intro + "\n" + bio
    (diag,) = lint(text, "a.md", select=["B001"])
    start = text.count("\n", 0, text.index("**About")) + 1
    assert (diag.line, diag.end_line) == (start, start + 2)
    assert "author box" in diag.message
    # The same label over a long text is no bio; "About the role" is no author box.
    long_bio = bio.replace("Follow him on LinkedIn.", "He spent years on pricing, on hiring, on roadmaps " * 12)
    assert lint(intro + "\n" + long_bio, "a.md", select=["B001"]) == []
    assert lint(intro + "\n" + bio.replace("About the author", "About the role"), "a.md", select=["B001"]) == []


def test_a_menu_set_apart_by_spaces_is_chrome_and_a_table_row_in_the_article_is_not():
    para = ("The chief product officer leads product strategy and reports to the chief executive officer in most "
            "companies, with a seat on the executive team.\n")
    text = ("Home   Jobs   Salaries   Career advice\n\n# Chief Product Officer\n\n" + para + "\n"
            "Level   Title   Typical scope\n\n" + para.replace("leads", "runs") + "\n"
            "About us   Press   Privacy policy\n")
    found = [(d.line, d.code) for d in lint(text, "a.txt", select=["B001"])]
    assert found == [(1, "B001"), (11, "B001")]


@pytest.mark.parametrize("banner, flagged", [
    ("We use cookies to improve your experience and analyse traffic. By clicking Accept, you agree.", True),
    ("By continuing to browse, you agree to our use of cookies and similar technologies.", True),
    # Trap: an article's sentence about cookies and consent.
    ("Marketing leaders now plan for a web without third-party cookies.", False),
])
def test_a_cookie_banners_sentence_is_its_widget(banner, flagged):
    text = "# Chief Marketing Officer\n\n" + INTRO.format(role="chief marketing officer", area="marketing") + \
        "\n" + banner + "\n"
    assert bool(lint(text, "a.md", select=["B005"])) is flagged


def test_a_keyword_list_hidden_from_readers_is_spam_and_a_hidden_accordion_answer_is_not():
    para = ("<p>The chief technology officer owns the technology strategy and leads the engineering organisation "
            "that delivers it, reporting to the chief executive officer.</p>")
    html = (f"<article><h1>Chief Technology Officer</h1>{para}"
            '<div style="display: none">cto jobs cto salary best cto jobs hire cto near me</div>'
            '<h2>FAQ</h2><h3>Do CTOs code?</h3><div class="answer" style="display:none"><p>At startups, often. '
            "At large companies, rarely.</p></div>"
            '<p hidden>cto meaning cto full form cto vs cio</p></article>')
    found = lint(html, "a.html", select=["B006"])
    assert len(found) == 2
    messages = " ".join(d.message for d in found)
    assert "cto jobs cto salary" in messages and "cto meaning" in messages and "At startups" not in messages


def test_a_sentence_that_repeats_the_key_phrase_is_stuffing_even_when_long():
    text = ("# Chief Technology Officer Skills\n\nThe chief technology officer leads engineering and sets the "
            "technical direction of the company.\n\nChief technology officer skills include chief technology "
            "officer leadership, chief technology officer strategy, chief technology officer communication and "
            "chief technology officer hiring, which every chief technology officer needs as a chief technology "
            "officer.\n\n"
            # Trap: a long sentence that names the role twice among other words.
            "A chief technology officer who hires well and a chief technology officer who writes clearly will "
            "both do better than one who only knows the architecture of the systems the company runs today.\n")
    assert [d.line for d in lint(text, "a.md", select=["B008"])] == [5]


def test_the_writers_sources_are_no_bare_addresses_and_an_address_in_a_footer_is():
    body = ("VP of Engineering: Career Guide\n\nA vice president (VP) of engineering runs the engineering "
            "organisation's delivery, hiring and process, and the managers who lead its teams.\n\n")
    cited = body + "Sources:\n- https://www.bls.gov/ooh/management/\n- https://www.levels.fyi/t/engineering-manager\n"
    assert lint(cited, "a.txt", select=["B001"]) == []
    footer = body + "Contact us\nhttps://www.example.com/contact\n© 2026 Example Careers\n"
    assert [d.code for d in lint(footer, "a.txt", select=["B001"])] == ["B001"]


def test_numbered_sections_with_their_paragraph_right_under_them_are_headings():
    text = ("VP of Engineering: Career Guide\n\nA vice president (VP) of engineering runs the engineering "
            "organisation's delivery, hiring and process, and the managers who lead its teams.\n\n"
            "1. What does a VP of Engineering do?\nVPs of engineering own delivery across teams and set the hiring "
            "plan for the year.\n\n2. Skills\nThe job needs people leadership, planning and enough technical depth "
            "to judge trade-offs.\n\n"
            # Trap: a numbered list whose items wrap onto a second line is still a list.
            "3. Set the hiring plan\nwith the directors.\n")
    doc = parse(text, "a.txt")
    assert [(b.line, b.kind) for b in doc.blocks if b.kind != "paragraph"] == [
        (1, "heading"), (5, "heading"), (8, "heading"), (11, "list_item")]
    # The opening paragraph with the initials inside the role's name defines the role.
    assert "overview" not in [d.data["section"] for d in lint(text, "a.txt", select=["S001"])]


def test_a_button_between_paragraphs_is_chrome_and_a_link_in_a_sentence_is_not():
    para = ("<p>The chief product officer leads the product function and owns the product vision, working with "
            "engineering, design and marketing.</p>")
    html = (f"<main><h1>Chief Product Officer</h1>{para}<a class=\"btn btn-primary\" href=\"/post\">Post this job "
            f"for free</a>{para}<a class=\"inline-link\" href=\"/guide\">Read the CTO guide</a> to compare the two "
            f"roles before you hire.{para}</main>")
    found = lint(html, "a.html", select=["B001"])
    assert [d.message.split(": ", 1)[1] for d in found] == ["'Post this job for free'"]


def test_a_list_of_links_ends_where_the_pages_footer_starts():
    article = ("Chief Product Officer\n\nThe chief product officer owns the product strategy and the team that "
               "builds it, and reports to the chief executive officer in most companies.\n\n")
    text = (article + "Recommended from Medium\n\nThe Roadmap Meeting Nobody Wants\n\nStaff Picks\n\n"
            "Help\n\nStatus\n\nCareers\n\nPress\n\nPrivacy\n\nTerms\n")
    found = [(d.line, d.end_line, d.code) for d in lint(text, "a.txt", select=["boilerplate"])]
    assert found == [(5, 9, "B003"), (11, 21, "B001")]


def test_lines_that_almost_make_a_breadcrumb_menu_or_counter_are_read_in_one_pass():
    # Each of these failed its pattern only at the line's end, after trying every way to split
    # the white space around its separators (seconds to minutes a line before).
    article = ("Chief Product Officer\n\nThe chief product officer owns the product strategy and the team that "
               "builds it, and reports to the chief executive officer in most companies.\n\n")
    crumbs = "Home  /  " + "  /  ".join(["Careers"] * 8) + "  /  " + "x" * 70
    menu = "Home  |  " + "  |  ".join(["Jobs"] * 8) + "  |  " + "x" * 30
    counts = ",".join(["1"] * 30) + " pages"
    found = lint(article + "\n\n".join([crumbs, menu, counts]) + "\n", "a.txt", select=["boilerplate"])
    assert all("breadcrumb" not in d.message and "count" not in d.message for d in found)


def _blog_post(footer: str) -> str:
    body = INTRO.format(role="CPO", area="product") * 4
    return ("Chief Product Officer: The Complete Guide\nMarch 3 · Written By Priya Natarajan\n\n"
            + body + "\n" + footer)


def test_a_bylines_author_alone_over_a_short_bio_below_the_article_is_an_author_box():
    footer = ("Posted in Careers, Product\nTagged leadership, salaries\n\nPriya Natarajan\n"
              "Priya writes about product careers and has hired more than forty product managers.\n")
    found = lint(_blog_post(footer), "a.txt", select=["boilerplate"])
    assert codes(found) == [(2, "B002"), (9, "B001")]
    assert found[1].end_line == 13
    # The bio may open with a pronoun.
    pronoun = footer.replace("Priya writes", "She writes")
    assert codes(lint(_blog_post(pronoun), "a.txt", select=["boilerplate"])) == [(2, "B002"), (9, "B001")]


def test_a_name_the_byline_does_not_give_or_a_long_text_under_it_is_the_article():
    # A person the article quotes, over a paragraph about him: not the author.
    quoted = ("Marcus Hale\nMarcus leads the analytics team at a logistics company and hires for curiosity first.\n")
    assert codes(lint(_blog_post(quoted), "a.txt", select=["boilerplate"])) == [(2, "B002")]
    # The author's name over more than a bio: the article's own closing section.
    long_text = "Priya Natarajan\n" + "Priya has seen the role change over ten years of hiring product leaders. " * 9 + "\n"
    assert codes(lint(_blog_post(long_text), "a.txt", select=["boilerplate"])) == [(2, "B002")]
    # A sentence that opens like a category line.
    filed = "Filed under the new reporting rules, every product change now ships with a one-page summary.\n"
    assert codes(lint(_blog_post(filed), "a.txt", select=["boilerplate"])) == [(2, "B002")]


def test_where_the_role_leads_is_a_promise_of_the_career_path():
    text = ("# Chief Product Officer\n\nThis guide covers CPO pay and where it leads.\n\n## Salary\n\n"
            "The median pay of a CPO is $250,000 a year in the United States.\n")
    found = lint(text, "a.md", select=["S006"])
    assert [(d.data["promise"], d.data["section"]) for d in found] == [("where it leads", "career-path")]
    # A possessive says whose the topic is: "the role's pay" is the pay (covered), not the overview.
    possessive = text.replace("CPO pay", "the role's pay")
    assert [(d.data["promise"], d.data["section"]) for d in lint(possessive, "a.md", select=["S006"])] == [
        ("where it leads", "career-path")]
    # With a career path section, the promise is kept.
    kept = text + "\n## Career path\n\nMost CPOs were VPs of product first.\n"
    assert not lint(kept, "a.md", select=["S006"])


HUB_PAGE = """<html><body><div class="blog-post">
<h1>Chief Product Officer Guide</h1>
<div class="blog-post__body">
<p>The chief product officer owns the product strategy and answers to the chief executive for its results.</p>
<p class="author-note">Lena Ortiz, who ran product at two software companies, puts it simply: the roadmap is a promise.</p>
</div>
<div class="blog-post__tags">Topics: <a href="/t/product">Product</a>, <a href="/t/careers">Careers</a></div>
<div class="blog-post__author-box"><p class="author-name">Lena Ortiz</p><p>Lena writes about product teams.</p></div>
</div></body></html>
"""


def test_a_pages_tags_and_author_box_are_chrome_and_a_quote_in_an_author_class_is_not():
    found = lint(HUB_PAGE, "a.html", select=["boilerplate"])
    assert [(d.line, d.end_line, d.code) for d in found] == [(7, 8, "B001")]
    assert "author-box" in found[0].message


WIKI_PAGE = """<html><head><title>{title}</title></head><body>
<div id="main-header"><ol id="breadcrumbs"><li><a href="/">Content Team</a></li><li><a href="/g">Guides</a></li></ol>
<h1 class="pagetitle">{h1}</h1></div>
<div class="page-metadata">Created by Maya Chen, last modified by Tom Reyes on Mar 12, 2026</div>
<div class="wiki-content">
<p>The chief product officer owns the product strategy and answers to the chief executive for its results.</p>
<p>Most CPOs were VPs of product first, and many ran a product line before that.</p>
</div>
<h2>Attachments:</h2>
<div class="greybox"><a href="a/cpo-pay.xlsx">cpo-pay.xlsx</a> (spreadsheet)</div>
</body></html>
"""


def test_a_wiki_pages_title_in_its_header_block_is_the_article_and_its_history_and_attachments_are_chrome():
    page = WIKI_PAGE.format(title="Content Team : CPO career guide", h1="Content Team : CPO career guide")
    found = [(d.line, d.end_line, d.code) for d in lint(page, "a.html", select=["boilerplate"])]
    assert found == [(2, 2, "B001"), (4, 4, "B002"), (9, 10, "B001")]
    # The title with the site's name after it in the <title>: still the article's.
    named = WIKI_PAGE.format(title="CPO career guide | Acme", h1="CPO career guide")
    assert [(d.line, d.code) for d in lint(named, "a.html", select=["boilerplate"])] == [(2, "B001"), (4, "B002"),
                                                                                         (9, "B001")]
    # A short heading in the header (the site's name) stays chrome, even when it is the <title>.
    site = WIKI_PAGE.format(title="Acme", h1="Acme")
    assert [(d.line, d.end_line, d.code) for d in lint(site, "a.html", select=["boilerplate"])] == [
        (2, 3, "B001"), (4, 4, "B002"), (9, 10, "B001")]


def test_a_numbered_label_with_a_colon_over_its_text_is_a_heading():
    text = ("CHIEF MARKETING OFFICER CAREER GUIDE\n\nA chief marketing officer (CMO) is the executive responsible "
            "for a company's brand and marketing team.\n\n1) Responsibilities:\nThe CMO sets the marketing "
            "strategy and owns the budget.\n\n2) Skills:\nBrand judgement and analytics.\n\n"
            # Trap: numbered labels one under another are a list.
            "Three things to bring to the interview:\n1) Numbers:\n2) Stories:\n3) Questions:\n")
    doc = parse(text, "a.txt")
    assert [(b.line, b.kind) for b in doc.blocks if b.kind != "paragraph"] == [
        (1, "heading"), (5, "heading"), (8, "heading"), (12, "list_item"), (13, "list_item"), (14, "list_item")]
    found = {d.data["section"] for d in lint(text, "a.txt", select=["S001"])}
    assert not {"responsibilities", "skills"} & found


def test_an_element_with_the_heading_role_is_a_heading_at_its_aria_level():
    html = ('<main><div role="heading" aria-level="1">Chief Technology Officer</div><p>The chief technology '
            'officer leads engineering.</p><div role="heading" aria-level="3">Salary</div><p>CTOs earn a median of '
            '$245,000 a year.</p><span role="heading">Skills</span><p>Hiring and judgement.</p>'
            # Trap: another role is no heading.
            '<div role="note">Updated for 2026</div></main>')
    doc = parse(html, "a.html")
    assert [(b.kind, b.level, b.text) for b in doc.blocks if b.kind == "heading"] == [
        ("heading", 1, "Chief Technology Officer"), ("heading", 3, "Salary"), ("heading", 2, "Skills")]


def test_a_newsletters_post_element_is_the_article_and_its_subtitle_heading_a_dek():
    body = ("<p>A head of design leads a company's designers and owns the quality of what they ship, and reports "
            "to the chief product officer in most companies.</p>")
    html = ('<article class="typography newsletter-post post"><div class="post-header"><h1>What a Head of Design Does'
            '</h1><h3 class="subtitle">And why the title means three jobs</h3></div>'
            f'{body}<h2>Skills</h2>{body}<div class="subscription-widget"><p>Subscribe for free to receive new '
            'posts.</p></div></article>')
    found = [(d.code, d.message.split(": ", 1)[1]) for d in lint(html, "a.html", select=["boilerplate", "S004", "S007"])]
    assert found == [("B005", "'Subscribe for free to receive new posts.'")]
    doc = parse(html, "a.html")
    assert [(b.kind, b.text) for b in doc.blocks][:2] == [("heading", "What a Head of Design Does"),
                                                         ("paragraph", "And why the title means three jobs")]
    # A subtitle class on a heading further down is a section heading still.
    later = html.replace("<h2>Skills</h2>", '<h2 class="section-subtitle">Skills</h2>')
    assert ("heading", "Skills") in [(b.kind, b.text) for b in parse(later, "a.html").blocks]


@pytest.mark.parametrize("promise", ["how people reach it", "how to reach the role", "how engineers rise to it"])
def test_how_people_reach_the_role_is_a_promise_of_the_career_path(promise):
    text = ("# Head of Customer Success\n\nThis guide covers what the job pays and " + promise + ".\n\n## Salary\n\n"
            "The median pay is $170,000 a year in the United States.\n")
    found = lint(text, "a.md", select=["S006"])
    assert [(d.data["promise"], d.data["section"]) for d in found] == [(promise, "career-path")]
    kept = text + "\n## Career Path\n\nMost heads of customer success were CSMs first.\n"
    assert not lint(kept, "a.md", select=["S006"])


def test_a_sponsored_box_in_the_article_is_chrome():
    page = ("<html><body><article><h1>Cybersecurity Analyst</h1><p>Cybersecurity analysts protect networks from "
            "attacks and investigate alerts every day.</p>{box}<h2>Salary</h2><p>The median salary is $124,910 a "
            "year in the United States.</p></article></body></html>")
    box = '<div class="{cls}"><p>Learn ethical hacking online with CyberAcademy. Enrol today and save 40%.</p></div>'
    for cls, chrome in (("sponsored", True), ("promoted-post", True), ("callout", False)):
        found = codes(lint(page.format(box=box.format(cls=cls)), "a.html", select=["B001"]))
        assert bool(found) is chrome, cls


def test_a_pasted_title_over_its_byline_above_a_menu_and_contents_is_the_title():
    text = ("Skip to content\nHome » Careers » Technology\nMenu\n\n"
            "Chief Information Security Officer (CISO): Role, Salary and Skills\n"
            "Last updated on March 3, 2026 by Marcus Lee\n\nTable of Contents\n1. What is a CISO?\n2. Salary\n\n"
            "What is a CISO?\n\nA chief information security officer (CISO) is the executive who owns an "
            "organisation's information security strategy and runs its security team.\n\n"
            "Share this article:\nFacebook Twitter LinkedIn Email\n")
    found = lint(text, "a.txt", select=["boilerplate"])
    assert [(d.line, d.end_line, d.code) for d in found] == [(1, 3, "B001"), (6, 6, "B002"), (8, 10, "B001"),
                                                              (16, 17, "B005")]
    assert not any(d.line <= 5 <= d.end_line for d in found)  # the title stays
    # A line of words that only look like share buttons is not one ("Email LinkedIn recruiters" has prose).
    assert not any(d.line == 17 for d in lint(text.replace("Facebook Twitter LinkedIn Email",
                                                           "Email LinkedIn recruiters directly"), "a.txt",
                                              select=["B005"]))


def test_a_one_line_aside_in_markdown_keeps_its_element():
    text = ("# Site Reliability Engineer\n\nAn SRE keeps production systems fast.\n\n"
            '<aside class="sponsored">Learn Kubernetes with KubeAcademy. 30% off this month.</aside>\n\n'
            "<aside>Tip: write the postmortem the same week.</aside>\n")
    assert [(d.line, d.code) for d in lint(text, "a.md", select=["boilerplate"])] == [(5, "B001")]


def test_an_faq_heading_over_answered_questions_below_the_article_is_the_articles():
    page = ("<html><body><article><h1>Bookkeeper: Job Description and Salary</h1><p>A bookkeeper records a business's "
            "financial transactions and keeps its ledgers up to date for the accountant.</p><h2>Salary</h2><p>Bookkeepers "
            "in the US earn a median of $47,440 a year.</p><div class='faq'><h2>{heading}</h2><h3>Do bookkeepers need "
            "a degree?</h3><p>No. Most employers ask for a diploma and experience with accounting software.</p>"
            "</div></article></body></html>")
    assert lint(page.format(heading="Frequently Asked Questions"), "a.html", select=["boilerplate"]) == []
    # A headline of another article in the same place is still one.
    assert [d.code for d in lint(page.format(heading="The Best Accounting Software for Small Firms"), "a.html",
                                 select=["boilerplate"])] == ["B003"]


_BLURB = ("The Internet Archive discovers and captures web pages through many different web crawls, and several "
          "distinct crawls are running at any given time.")
_ARTICLE = ("<h1>Occupational Therapist Career Guide</h1>\n<p>An occupational therapist helps people take part in "
            "the activities that fill their days, from dressing to returning to work.</p>\n")


@pytest.mark.parametrize("page, chrome", [
    # An archive toolbar's blurb above a title set in <main>: outside the page's content.
    (f"<div id=\"wm-ipp\"><p>{_BLURB}</p></div>\n<main><article>\n{_ARTICLE}</article></main>", True),
    # The same prose inside the <article>, above its title (a dek), or on a page with no landmark.
    (f"<main><article>\n<p>{_BLURB}</p>\n{_ARTICLE}</article></main>", False),
    (f"<div><p>{_BLURB}</p></div>\n<div>\n{_ARTICLE}</div>", False),
])
def test_prose_above_a_title_in_main_is_chrome_only_outside_main(page, chrome):
    text = f"<html><body>\n{page}\n</body></html>\n"
    found = [d.line for d in lint(text, "a.html", select=["B001"])]
    assert (2 in found) is chrome


def test_a_careers_services_vacancies_box_and_page_kind_are_chrome_and_the_same_heading_over_prose_is_not():
    text = ("Paramedic\nJob profile\nParamedics treat patients at the scene of an emergency and on the way to "
            "hospital, and decide who needs to be taken in.\nWorking life\nMost paramedics work in a two-person crew "
            "on shifts that cover nights and weekends.\nCurrent opportunities\nApprenticeships\nNo vacancies "
            "available.\nSearch all jobs\n")
    found = lint(text, "a.txt", select=["boilerplate"])
    assert [(d.line, d.code) for d in found] == [(2, "B001"), (6, "B003"), (8, "B001")]
    covered = {n for d in found for n in range(d.line, (d.end_line or d.line) + 1)}
    assert covered == {2, 6, 7, 8, 9}  # the page's kind; the box, its heading to its search link
    prose = ("# Paramedic Career Guide\n\nParamedics treat patients at the scene of an emergency.\n\n"
             "## Current opportunities\n\nDemand for paramedics has grown every year since 2019, and most ambulance "
             "services are recruiting newly qualified staff.\n")
    assert lint(prose, "a.md", select=["boilerplate"]) == []


_BIO_PAGE = ("---\ntitle: How to Become a Registered Dietitian\nauthor: Marisol Reyes\n---\n\n"
             "A registered dietitian turns the science of nutrition into plans for patients and communities.\n\n"
             "## Skills\n\nDietitians listen well and explain science simply.\n\n"
             "*Marisol Reyes is a registered dietitian and freelance writer. She lives in Tucson.*\n\n{after}"
             "**You might also like:**\n\n- [How to Become a Nutritionist](/nutritionist)\n- [Nutrition Courses](/courses)\n\n"
             "*Some links on this page are affiliate links. Read our full [disclosure policy](/disclosure).*\n")


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


@pytest.mark.parametrize("after, bio", [
    ("", True),  # the front matter's author, closing the article: a bio
    ("## Outlook\n\nJobs for dietitians are projected to grow 7% this decade.\n\n", False),  # mid-article
])
def test_the_front_matter_authors_closing_bio_is_chrome_and_the_disclosure_after_the_links_is_kept(after, bio):
    text = _BIO_PAGE.format(after=after)
    found = lint(text, "a.md", select=["boilerplate"])
    assert any(d.line == _line_of(text, "*Marisol") for d in found) is bio
    assert all((d.end_line or d.line) < _line_of(text, "*Some links") for d in found)  # the publisher's disclosure


def test_a_sentence_about_the_author_mid_article_is_the_articles():
    text = _BIO_PAGE.format(after="").replace(
        "## Skills", "Marisol Reyes is a registered dietitian who has hired a dozen of them.\n\n## Skills")
    found = [(d.line, d.code) for d in lint(text, "a.md", select=["boilerplate"])]
    assert (_line_of(text, "Marisol Reyes is a registered dietitian who"), "B001") not in found
    assert (_line_of(text, "*Marisol"), "B001") in found


@pytest.mark.parametrize("line, byline", [
    ("JobCo Editorial Team · Updated March 3, 2026", True),
    ("Our editorial team updated the salary figures in March 2026 after the survey.", False),  # a statement
])
def test_a_publishers_team_and_date_under_the_title_is_a_byline(line, byline):
    text = (f"# How to Become a Nurse Practitioner\n\n{line}\n\nNurse practitioners diagnose illnesses, order tests "
            "and prescribe medication, and in many states they run their own practices.\n")
    assert [(d.line, d.code) for d in lint(text, "a.md", select=["boilerplate"])] == ([(3, "B002")] if byline else [])


def test_the_last_item_of_a_list_the_article_holds_is_no_headline_below_it():
    text = ("Cloud Architect Certifications\n\nA cloud architect designs how applications run on AWS, Azure or Google "
            "Cloud, balancing cost, security and reliability for the whole company.\n\nHere are three certifications "
            "worth getting:\n1️⃣ AWS Solutions Architect Professional\n2️⃣ Google Professional Cloud Architect\n"
            "3️⃣ Azure Solutions Architect Expert\n\n♻️ Repost if this helped someone in your network!\n"
            "➕ Follow me for more cloud career tips.\n")
    found = [(d.line, d.end_line or d.line, d.code) for d in lint(text, "a.txt", select=["boilerplate"])]
    assert found == [(10, 11, "B005")]  # the closing asks, not the list's last item
