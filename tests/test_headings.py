"""Headings and lists as a reader sees them, whatever the markup: lines set in bold, an FAQ's
"Q:" over "A:", numbered sections, lists pasted without bullets, Pandoc's heading attributes."""

from __future__ import annotations

import pytest

from conftest import codes, lint, parse


def test_a_list_pasted_without_bullets_is_a_list_under_its_label():
    text = ("Chief Financial Officer\n\nA chief financial officer runs the finance of a company and reports to "
            "the chief executive on results.\n\nResponsibilities\n\nThe work falls into a few areas that recur "
            "every month.\n\nCore duties\nAnnual planning\nMonthly close\nInvestor relations\n\nSalary\n\n"
            "Pay runs from $240,000 to $420,000 a year.\n")
    kinds = {b.line: (b.kind, b.level) for b in parse(text, "a.txt").blocks}
    assert kinds[9] == ("heading", 3)  # the list's label, under "Responsibilities"
    assert [kinds[n][0] for n in (10, 11, 12)] == ["list_item"] * 3
    assert kinds[14] == ("heading", 2)
    assert not {"S004", "S005"} & {code for _, code in codes(lint(text, "a.txt", select=["structure"]))}
    # Not the shape: two lines under a label, a line ending a sentence, or a run under prose.
    for other in ("Core duties\nAnnual planning\nMonthly close\n\n",
                  "Core duties\nAnnual planning\nMonthly close is done by day five.\nInvestor relations\n\n",
                  "The work recurs.\nAnnual planning\nMonthly close\nInvestor relations\n\n"):
        doc = parse("Title here\n\n" + other + "Closing paragraph of the article, long enough.\n", "a.txt")
        assert all(b.kind != "list_item" for b in doc.blocks), other

BOLD = """# Chief Product Officer

The chief product officer owns the product strategy and the team that builds it.

**Key Responsibilities:**

- Own the roadmap

**Salary** 💰

Pay is high.

**Note:** titles vary between companies.

**Always negotiate the equity.**

> **Tip**
>
> Ask who owns pricing.

**[Read our salary survey](https://example.com/survey)**

## Career path

**From PM to CPO**

Most start as product managers.
"""

def test_a_line_set_wholly_in_bold_is_a_heading_one_level_under_the_last_real_one():
    blocks = {b.line: (b.kind, b.level) for b in parse(BOLD, "a.md").blocks}
    assert blocks[5] == ("heading", 2) and blocks[9] == ("heading", 2)  # ':' and an emoji beside it
    assert blocks[25] == ("heading", 3)  # under "## Career path"
    # A bold lead-in, a bold sentence, a bold line in a quote, a bold link: paragraphs.
    assert [blocks[n][0] for n in (13, 15, 17, 21)] == ["paragraph"] * 4
    # A pull quote set in bold is a quote.
    assert parse("# T\n\nText.\n\n**“The best CPOs say no.”**\n", "a.md").blocks[2].kind == "paragraph"
    # A bold line inside a list item's body is the item's.
    nested = parse("# T\n\n- Item one\n\n  **Why it matters**\n\n  Because.\n", "a.md").blocks
    assert [(b.line, b.kind) for b in nested] == [(1, "heading"), (3, "list_item"), (5, "paragraph"), (7, "paragraph")]

@pytest.mark.parametrize("line, heading", [
    ("**Step 1: Get experience**", True), ("**Salary: what to expect**", True),
    ("**Chief Product Officer: Role Overview**", True),
    # A callout or a label over a statement, set in bold, is a line of the text.
    ("**Important: CPOs must own pricing**", False), ("**Tip: Build a portfolio**", False),
    ("**Education: a bachelor's degree in business**", False),
])
def test_a_bold_callout_or_labelled_statement_is_no_heading(line, heading):
    blocks = parse("# Chief Product Officer\n\nThe CPO owns the strategy.\n\n" + line + "\n\nMore text.\n", "a.md").blocks
    assert (blocks[2].kind == "heading") is heading


def test_a_paragraph_set_wholly_in_bold_in_html_is_a_heading():
    page = ("<html><body><h1>Chief Product Officer</h1>\n<p>The CPO owns the strategy.</p>\n"
            "<p><strong>Key Responsibilities</strong></p>\n<ul><li><strong>Roadmap</strong></li></ul>\n"
            "<p><b>Note:</b> titles vary.</p>\n<p><strong><a href='/s'>Salary survey</a></strong></p>\n"
            "<h2>Pay</h2>\n<p> <b>Equity</b> </p>\n<p><strong>Always negotiate.</strong></p>\n</body></html>")
    blocks = {b.line: (b.kind, b.level) for b in parse(page, "a.html").blocks}
    assert blocks[3] == ("heading", 2) and blocks[8] == ("heading", 3)
    assert blocks[4] == ("list_item", 1)
    assert [blocks[n][0] for n in (5, 6, 9)] == ["paragraph"] * 3

QA = ("Chief Marketing Officer: Questions and Answers\n\n"
      "Q: What is a chief marketing officer?\nA: The executive who leads a company's marketing and brand.\n\n"
      "Q: How much does a CMO earn?\n\nA: Base pay commonly runs from $200,000 to $400,000.\n\n"
      "Q: Is the job worth it? Only you can say.\n\nThe answer changes with the company and the year.\n")

@pytest.mark.parametrize("name, title", [("a.txt", "Chief Marketing Officer: Questions and Answers"),
                                         ("a.md", "# Chief Marketing Officer: Questions and Answers")])
def test_an_faq_of_q_and_a_lines_makes_each_question_a_heading_over_its_answer(name, title):
    text = QA.replace(QA.split("\n")[0], title, 1)
    blocks = {b.line: (b.kind, b.level, b.text) for b in parse(text, name).blocks}
    assert blocks[1][:2] == ("heading", 1)
    # Answer on the next line, or after a blank line.
    assert blocks[3] == ("heading", 2, "Q: What is a chief marketing officer?") and blocks[4][0] == "paragraph"
    assert blocks[6][:2] == ("heading", 2) and blocks[8][0] == "paragraph"
    # A "Q:" with no "A:" under it is a paragraph.
    assert blocks[10][0] == "paragraph"
    found = lint(text, name, select=["structure", "boilerplate"])
    sections = {d.data["section"] for d in found if d.code in ("S001", "S002")}
    assert "overview" not in sections and "salary" not in sections
    assert not [d for d in found if d.category == "boilerplate"]  # the title is no chrome above a question

def test_numbered_sections_in_plain_text_are_headings_and_a_numbered_list_is_not():
    text = ("Chief Product Officer: A Guide\n\n1. What is a Chief Product Officer?\n\nThe CPO owns the product "
            "strategy and reports to the chief executive officer.\n\n2. Salary\n\nCPOs earn $220,000 to $350,000 a "
            "year.\n\n1. Prioritisation\n2. Storytelling\n\n1. Write the strategy down.\n\n2. Review it monthly.\n")
    blocks = {b.line: (b.kind, b.text) for b in parse(text, "a.txt").blocks}
    assert blocks[1][0] == "heading" and blocks[3] == ("heading", "1. What is a Chief Product Officer?")
    assert blocks[7] == ("heading", "2. Salary")
    assert [blocks[n][0] for n in (11, 12, 14, 16)] == ["list_item"] * 4
    from cpolint.schema import load_schema

    # The number names nothing: "2. Salary" is as strong a salary heading as "Salary".
    assert load_schema("cpo").match_heading("2. Salary") == [("salary", True)]
    found = lint(text, "a.txt", select=["structure", "boilerplate"])
    assert not [d for d in found if d.category == "boilerplate" or d.code == "S004"]

def test_pandoc_heading_attributes_and_fenced_div_fences_are_markup():
    text = ("# Chief Marketing Officer {#cmo .unnumbered}\n\nThe CMO leads marketing.\n\n"
            "## Salary {#salary}\n\nPay runs from \\$200,000 to \\$400,000.\n\n"
            "::: {.callout-note}\nFigures are for large companies.\n:::\n\n:::tip\nAsk who owns pricing.\n:::\n")
    doc = parse(text, "a.md")
    blocks = {b.line: b.text for b in doc.blocks}
    assert blocks[1] == "Chief Marketing Officer" and blocks[5] == "Salary"
    assert blocks[7] == "Pay runs from $200,000 to $400,000."
    assert blocks[9] == "Figures are for large companies." and blocks[13] == "Ask who owns pricing."
    heading = next(b for b in doc.blocks if b.line == 5)
    assert doc.text_span(heading, 0, len("Salary")) == (5, 4, 5, 10)
    # Docusaurus' admonition title in brackets is its label, no placeholder (it was an E005).
    titled = text.replace(":::tip\n", ":::caution[Salary data]\n")
    assert {b.line: b.text for b in parse(titled, "a.md").blocks}[13] == "Ask who owns pricing."
    assert lint(titled, "a.md", select=["E005"]) == []


def test_a_list_pasted_without_bullets_or_blank_lines_ends_at_the_next_sections_heading():
    from conftest import parse

    intro = "The chief technology officer leads the engineering organisation and sets its technical direction.\n"
    text = ("How to Become a CTO\n" + intro + "Skills\nSystems architecture\nHiring engineers\nBudgeting\n"
            "Education and experience\nMost CTOs hold a computer science degree and have twelve or more years of "
            "experience.\n"
            # Trap: short headings each over prose of their own are headings, not a list.
            "Leadership\nCTOs lead engineering managers and senior engineers through hiring and reviews.\n"
            "Security\nThey own the security programme and report on it to the board each quarter.\n")
    doc = parse(text, "a.txt")
    shape = [(b.line, b.kind) for b in doc.blocks]
    assert shape[2:] == [(3, "heading"), (4, "list_item"), (5, "list_item"), (6, "list_item"), (7, "heading"),
                         (8, "paragraph"), (9, "heading"), (10, "paragraph"), (11, "heading"), (12, "paragraph")]
    # At the top of a page, short lines are its chrome and title, never a list.
    top = parse("Sign in\nGet the app\nWrite\nHow to Become a CTO\nJo Lee\n" + intro, "a.txt")
    assert "list_item" not in [b.kind for b in top.blocks]


def test_a_what_does_it_do_heading_is_the_account_of_the_role_unless_a_heading_names_the_overview():
    intro = ("# Chief Financial Officer\n\n## What does a CFO do?\n\nThe chief financial officer is the executive "
             "responsible for a company's money: planning, reporting and raising capital.\n\n")
    duties = "## Key responsibilities\n\nThe CFO owns the budget, the forecast and the audit.\n\n"
    assert "S005" not in {code for _, code in codes(lint(intro + duties, "a.md", select=["structure"]))}
    # Over duties too: the question's section tells what the job is, the list after it its duties.
    doing = intro.replace("The chief financial officer is the executive responsible for a company's money: planning, "
                          "reporting and raising capital.", "Day to day, the CFO runs planning and reporting.")
    assert "S005" not in {code for _, code in codes(lint(doing + duties, "a.md", select=["structure"]))}
    # Beside a heading that names the overview, the question is the duties, and the list repeats it.
    overview = doing.replace("## What does", "## Overview\n\nThe CFO runs the finance team.\n\n## What does")
    assert (11, "S005") in codes(lint(overview + duties, "a.md", select=["structure"]))
    # Two duties headings repeat each other with or without the question.
    assert (11, "S005") in codes(lint(doing + duties + "## Job duties\n\nThe CFO signs the accounts.\n", "a.md",
                                      select=["structure"]))


def test_a_title_in_capitals_names_the_role_in_words_not_capitals():
    from cpolint.schema import other_role

    assert other_role("CHIEF FINANCIAL OFFICER (CFO) - CAREER GUIDE") == "Chief Financial Officer"
    assert other_role("VP OF HR SALARY GUIDE") == "VP of HR"
    assert other_role("HEAD OF DATA") == "Head of Data"
    assert other_role("Head of SEO: a guide") == "Head of SEO"


def test_a_span_set_in_bold_by_its_style_is_a_heading_and_a_normal_weight_wrapper_is_not_bold():
    # A site builder's paragraph heading (<span style="font-weight:bold">), and Google Docs'
    # clipboard HTML, which wraps the whole paste in <b style="font-weight:normal">.
    page = ('<b style="font-weight:normal;" id="docs-internal-guid-1a2b">'
            '<p><span style="font-weight:400;">A chief people officer leads hiring, pay and culture.</span></p>\n'
            '<p><span style="font-weight:700;">Skills</span></p>\n'
            '<p><span style="font-weight:400;">Hiring plans</span></p>\n'
            '<p class="font_8"><span style="font-weight:bold;">Salary</span></p>\n'
            # An unclosed bold span ends with its paragraph's element: the next line is plain.
            '<p><span style="font-weight:700">Outlook</p>\n<p>Steady demand</p></b>\n')
    doc = parse(page, "a.html")
    assert [(b.line, b.text) for b in doc.blocks if b.kind == "heading"] == [(2, "Skills"), (4, "Salary"),
                                                                              (5, "Outlook")]


def test_a_headings_permalink_is_no_word_of_it_and_a_step_number_names_nothing():
    page = ('<h1>Chief Technology Officer</h1>\n'
            '<h2 id="r">Responsibilities<a class="headerlink" href="#r" title="Permanent link">¶</a></h2>\n'
            '<h2 id="s"><a class="anchor" href="#s">#</a>Skills</h2>\n'
            '<h2 id="p">Salary <a href="#p" aria-hidden="true">🔗</a></h2>\n'
            '<h2 id="f"><a href="#f">Frequently asked questions</a></h2>\n')
    assert [b.text for b in parse(page, "a.html").blocks] == ["Chief Technology Officer", "Responsibilities", "Skills",
                                                              "Salary", "Frequently asked questions"]
    from cpolint.schema import load_schema

    cto = load_schema("cto")
    for heading, section in [("Step 5: Career path", "career-path"), ("Part II - Salary", "salary"),
                             ("Chapter 3. Skills you need", "skills")]:
        assert (section, True) in cto.match_heading(heading)


def test_headings_are_read_as_they_show_without_soft_hyphens_zero_width_spaces_or_ligatures():
    text = ("Chief\u00a0Technology\u00a0Officer Career Guide\n\nA chief technology officer owns the technology.\n\n"
            "Respon\u00adsibilities\nThe CTO sets the technical direction.\n\n"
            "\u200bSkills\u200b\nArchitecture and hiring.\n\n"
            "Quali\ufb01cations\nA computer science degree.\n")
    doc = parse(text, "a.txt")
    assert [(b.line, b.kind) for b in doc.blocks if b.kind == "heading"] == [(1, "heading"), (5, "heading"),
                                                                             (8, "heading"), (11, "heading")]
    from cpolint.schema import load_schema

    cto = load_schema("cto")
    assert [cto.match_heading(b.text)[0][0] for b in doc.blocks[2::2]] == ["responsibilities", "skills",
                                                                          "qualifications"]


@pytest.mark.parametrize("title, front, guide", [
    ("Q&A: How Maya Chen Went From Support Agent to Chief Product Officer", "", False),
    ("12 CPO Interview Questions (and How to Answer Them)", "", False),
    ("What a CPO's Week Looks Like", "---\ntype: interview\n---\n", False),
    # A guide that has interview questions too, and a guide with no interview at all.
    ("Chief Product Officer: Job Description, Salary, Skills and Interview Questions", "", True),
    ("What a CPO's Week Looks Like", "", True),
])
def test_an_interview_or_q_and_a_is_no_role_guide(title, front, guide):
    text = (f"{front}# {title}\n\nMaya Chen is the chief product officer at Fieldline. We asked her how she got "
            "there.\n\n**Q: What does a typical week look like?**\n\nA: Monday is the leadership meeting with our "
            "CEO, who I report to.\n")
    found = {d.code for d in lint(text, "a.md", select=["S001", "S002"])}
    assert (found == {"S001", "S002"}) is guide and (found == set()) is not guide


_NEWS = ("How AI Is Changing the CFO Role\n\nFinance chiefs say automation frees them from the month-end close.\n\n"
         "{dateline}Chief financial officers are spending less time closing the books, according to a survey "
         "published on Tuesday.\n\n"
         "\"My team spent ten days on the monthly close. Now it is three,\" said Priya Raman, CFO of a logistics "
         "group in London.\n\n"
         "\"There is a risk that CFOs become chief everything officers,\" said Mark Delaney, a professor of "
         "accounting at a business school.\n\n"
         "{heading}Recruiters see the change in hiring: firms ask for experience leading technology programmes, "
         "said one search partner.\n")


_ESSAY = ("What Nobody Tells You About Becoming a CPO\n\n"
          "{who} became a chief product officer at 38, after fourteen years in product management and many teams.\n\n"
          "The job is mostly people. {who2} more time hiring, coaching and moving leaders than on any roadmap.\n\n"
          "{whose} base salary is $240,000, and most of the pay is equity that may be worth nothing at all.\n\n"
          "{who3} the CEO most weeks, but the customer decides what matters in the end for the product.\n")


@pytest.mark.parametrize("who, who2, whose, who3, guide", [
    ("I", "I spend", "My", "I answer to", False),  # the writer's own story: no role guide
    ("She", "She spends", "Her", "She answers to", True),  # a profile in the third person is no essay
])
def test_a_first_person_essay_about_the_role_is_no_role_guide(who, who2, whose, who3, guide):
    text = _ESSAY.format(who=who, who2=who2, whose=whose, who3=who3)
    assert bool({d.code for d in lint(text, "a.txt", select=["S001", "S002"])}) is guide


@pytest.mark.parametrize("dateline, heading, front, guide", [
    ("LONDON — ", "", "", False),  # a dateline and quotes, no sections: a news story
    ("NEW YORK (Reuters) - ", "", "", False),
    ("", "", "---\ntype: news\n---\n", False),
    # Traps: quoted people under a section heading are a guide's; three quotes without a
    # dateline are not enough to call it news.
    ("LONDON — ", "## Skills\n\n", "", True),
    ("", "", "", True),
])
def test_a_news_story_about_the_role_is_no_role_guide(dateline, heading, front, guide):
    text = front + _NEWS.format(dateline=dateline, heading=heading)
    found = {d.code for d in lint(text, "a.md" if front else "a.txt", select=["S001", "S002"])}
    assert bool(found) is guide


_POSTING = ("# {title}\n\n**Brightwave Health** · London · Full-time\n\n## About us\n\nBrightwave builds software that "
            "helps clinics run their waiting lists.\n\n## What you'll do\n\n- Own the design of our scheduling product\n"
            "\n## What we're looking for\n\n- 5+ years designing web products\n\n## Benefits\n\n- 30 days of holiday\n")


@pytest.mark.parametrize("title, guide", [
    ("Senior Product Designer", False),  # an employer's ad
    ("Product Designer (Contract, 6 months)", False),
    # Traps: a guide's title over the same headings (its example posting is a template).
    ("Senior Product Designer Job Description Template", True),
    ("How to Become a Senior Product Designer", True),
])
def test_a_job_posting_is_no_role_guide(title, guide):
    found = {d.code for d in lint(_POSTING.format(title=title), "a.md", select=["S001", "S002"])}
    assert bool(found) is guide


_FOCUSED = ("# {title}\n\nA chief product officer leads a company's product organisation and decides what it "
            "builds.\n\n## Base salary\n\nThe median base salary for a CPO is $228,000.\n\n## Pay by city\n\n"
            "San Francisco pays the most.\n\n{more}")


@pytest.mark.parametrize("title, more, missing", [
    # A focused article (its title names one section, its sections are about it) is judged on
    # that section and the overview.
    ("CPO Salary 2026: How Much Do Chief Product Officers Make?", "", set()),
    ("7 Skills Every CPO Needs", "", {"skills"}),  # its own section, still missing
    # Traps: a salary guide with sections on two more topics is a guide; titles of duties and
    # of the career path title whole guides as often as not.
    ("CPO Salary 2026", "## Skills\n\nStrategy.\n\n## Career path\n\nFrom PM to CPO.\n\n",
     {"responsibilities", "qualifications", "outlook"}),
    ("What Does a CPO Do?", "", {"responsibilities", "skills", "qualifications", "career-path", "outlook"}),
])
def test_a_focused_article_is_judged_on_its_focus(title, more, missing):
    found = {d.data["section"] for d in lint(_FOCUSED.format(title=title, more=more), "a.md", select=["S001", "S002"])}
    assert found == missing


def test_a_definition_under_a_pages_properties_is_its_lead():
    # Three short fields over the prose took the three places of the lead paragraphs.
    text = ("Head of Customer Support: Career Guide\n\nStatus: in review\n\nReviewers: @omar.haddad\n\n"
            "Due date: end of the month\n\n"
            "A head of customer support runs the team that answers customers' questions and fixes their "
            "problems.\n\nResponsibilities\n\nHiring and coaching agents.\n")
    missing = {d.data["section"] for d in lint(text, "a.txt", select=["S001"])}
    assert "overview" not in missing and "responsibilities" not in missing


@pytest.mark.parametrize("years,covered", [
    ("2-4 years of research experience", True),  # words between "years of" and "experience"
    ("2-4 years of relevant work experience", True),
    ("2-4 years of experience", True),
    ("2-4 years in research", False),  # two cues only (bachelor's, degree): no qualifications
])
def test_qualifications_told_by_a_paragraph_without_their_own_heading(years, covered):
    text = ("# How to Become a UX Researcher\n\nUX researchers study how people use products.\n\n"
            "## How to become a UX researcher\n\nMost UX researchers hold a bachelor's degree in psychology or "
            f"a related field. Employers typically look for {years} for mid-level roles.\n")
    missing = {d.data["section"] for d in lint(text, "a.md", select=["S001"])}
    assert ("qualifications" not in missing) is covered


def test_a_list_of_steps_tells_the_qualifications_its_items_do_not_alone():
    steps = ("1. Earn a Bachelor of Science in Nursing (BSN) degree.\n2. Pass the NCLEX-RN and get licensed.\n"
             "3. Gain one to two years of clinical experience as an RN.\n4. Get certified in your specialty.\n")
    text = ("Nurse Practitioner Career Guide\n\nNurse practitioners diagnose illnesses and prescribe medication.\n\n"
            "How to become a nurse practitioner\n\n" + steps)
    missing = {d.data["section"] for d in lint(text, "a.txt", select=["S001"])}
    assert "qualifications" not in missing
    # The same sentences as separate paragraphs: no one of them names three cues.
    apart = text.replace(steps, "\n\n".join(line[3:] for line in steps.splitlines()) + "\n")
    assert "qualifications" in {d.data["section"] for d in lint(apart, "a.txt", select=["S001"])}


@pytest.mark.parametrize("lead,defined", [
    ("Cybersecurity analysts protect an organisation's networks from attacks.", True),  # plural subject
    ("A cybersecurity analyst protects an organisation's networks from attacks.", True),
    ("Cybersecurity analysts earn more each year.", False),  # the pay, not what the role is
    ("Attackers protect their own tools carefully.", False),
    ("A cybersecurity analyst records every incident and studies its cause.", True),  # more verbs
    ("Cybersecurity analysts study attacks and fix what they find.", True),
])
def test_a_lead_paragraph_describes_the_role_in_the_plural_too(lead, defined):
    text = ("# Cybersecurity Analyst Career Guide\n\n" + lead + " This guide covers the job.\n\n## Salary\n\n"
            "Analysts earn $90,000 a year.\n")
    missing = {d.data["section"] for d in lint(text, "a.md", select=["S001"])}
    assert ("overview" not in missing) is defined


def test_working_life_is_the_day_to_day_and_the_work_environment():
    text = ("# Paramedic Career Guide\n\nParamedics treat patients at the scene of an emergency.\n\n## Working life\n\n"
            "A typical shift might include a fall at home and a road traffic collision.\n")
    found = {d.data.get("section") for d in lint(text, "a.md", select=["S001", "S002", "S003"])}
    assert "responsibilities" not in found and "work-environment" not in found and "skills" in found


@pytest.mark.parametrize("heading, path_covered", [
    ("## Education and credentials", True),  # the way into the role, told under the title's promise
    ("## Pay", False),  # the promise not kept: no section on what it takes
])
def test_a_how_to_become_title_over_a_qualifications_section_covers_the_career_path(heading, path_covered):
    text = (f"# How to Become a Registered Dietitian\n\nA registered dietitian turns nutrition science into plans "
            f"for patients.\n\n{heading}\n\nCandidates need a graduate degree and 1,000 hours of supervised practice.\n")
    found = {d.data.get("section") for d in lint(text, "a.md", select=["S002"])}
    assert ("career-path" not in found) is path_covered
