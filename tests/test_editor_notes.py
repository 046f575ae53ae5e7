"""Editor notes: what the seeds require, passages, severities, fixes and team lexicons."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import SEEDS, article_lines, lint, needs_seeds, run_cli


@needs_seeds
def test_seed_002_instruction_paragraph_is_one_passage():
    text = (SEEDS / "002_5cd6c14c1a5a1d78.txt").read_text(encoding="utf-8")
    diags = [d for d in lint(text, "002.txt", select=["editor-note"])]
    assert [(d.line, d.end_line, d.code, d.column) for d in diags] == [(141, 141, "E001", 1)]
    assert diags[0].fix is not None and diags[0].end_column == len(text.splitlines()[140]) + 1


@needs_seeds
def test_seed_001_wiki_links_and_004_template_placeholder():
    text = (SEEDS / "001_bdbd4f83cfa9578d.txt").read_text(encoding="utf-8")
    assert [(d.line, d.code) for d in lint(text, "001.txt", select=["editor-note"])] == [
        (1, "E006"), (8, "E006"), (9, "E006"), (10, "E006")]
    text = (SEEDS / "004_ac5bd8d8aed2d3d8.txt").read_text(encoding="utf-8")
    (diag,) = lint(text, "004.txt", select=["editor-note"])
    assert (diag.line, diag.code, diag.severity) == (106, "E005", "info")
    assert "template" in diag.message and diag.data["placeholder"] == "[CompanyX]"


def test_instruction_inside_a_content_paragraph_is_only_its_own_sentences():
    text = ("Chief Product Officer\n"
            "A chief product officer leads the product team. Rewrite this paragraph to sound more "
            "confident. The CPO reports to the CEO.\n")
    (diag,) = lint(text, select=["E001"])
    start = text.splitlines()[1].index("Rewrite") + 1
    assert (diag.line, diag.column, diag.end_column) == (2, start, start + len("Rewrite this paragraph to sound more confident."))


def test_placeholder_severity_outside_and_inside_a_template():
    text = textwrap.dedent("""\
        # CPO

        The CPO at [Company Name] earns $XX,XXX.

        ## Sample Job Description

        [Company Name] is hiring a Chief Product Officer.
    """)
    got = [(d.line, d.severity, d.data["placeholder"]) for d in lint(text, "a.md", select=["E005"])]
    assert got == [(3, "error", "[Company Name]"), (3, "error", "$XX,XXX"), (7, "info", "[Company Name]")]


def test_fix_unwraps_wiki_links_and_removes_instruction_paragraphs_but_never_placeholders(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(textwrap.dedent("""\
        Chief Product Officer
        A chief product officer owns the [[Product Roadmap|roadmap]] and leads [[Product Management]].
        Add tags to the text given and keep every paragraph under 50 words.
        The CPO at [Company Name] reports to the chief executive.
    """))
    proc = run_cli("check", "a.txt", "--no-cache", "--fix", "--select", "editor-note", cwd=tmp_path)
    assert path.read_text() == textwrap.dedent("""\
        Chief Product Officer
        A chief product officer owns the roadmap and leads Product Management.
        The CPO at [Company Name] reports to the chief executive.
    """)
    assert "a.txt:3:12: E005" in proc.stdout.decode()  # reported after the fix, at its new line
    again = run_cli("fix", "a.txt", "--no-cache", "--select", "editor-note", cwd=tmp_path)  # `cpolint fix` = check --fix
    assert b"fixed" not in again.stdout and again.returncode == 1  # idempotent; the placeholder still fails


def test_a_team_pack_extends_the_lexicons(tmp_path):
    (tmp_path / "house.yaml").write_text(textwrap.dedent("""\
        pack: house
        lexicons:
          model-leakage:
            - as your writing assistant
          todo-markers:
            - CHECKME
    """))
    (tmp_path / ".cpolint.yaml").write_text("select: [editor-note]\npacks: [house.yaml]\n")
    (tmp_path / "a.txt").write_text("CPO\nAs your writing assistant, I kept this short. Pay is CHECKME in 2025.\n")
    data = json.loads(run_cli("check", "a.txt", "--no-cache", "--format", "json", cwd=tmp_path).stdout)
    assert [(d["line"], d["code"]) for d in data["diagnostics"]] == [(2, "E002"), (2, "E004")]
    # Without the pack the same text is clean.
    (tmp_path / ".cpolint.yaml").write_text("select: [editor-note]\n")
    data = json.loads(run_cli("check", "a.txt", "--no-cache", "--format", "json", cwd=tmp_path).stdout)
    assert data["diagnostics"] == []


def test_a_bad_pattern_in_a_team_lexicon_is_an_error_with_its_position(tmp_path):
    (tmp_path / "house.yaml").write_text('pack: house\nlexicons:\n  writer-verbs: [add, "re(write"]\n')
    (tmp_path / ".cpolint.yaml").write_text("packs: [house.yaml]\n")
    (tmp_path / "a.txt").write_text("CDO\nText.\n")
    proc = run_cli("check", "a.txt", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 2
    assert "house.yaml:3:23: lexicon 'writer-verbs': invalid pattern 're(write'" in proc.stderr.decode()


def test_the_first_word_shortcut_gives_the_full_imperative_test():
    # _imperative skips the lead-in pattern when the first word is neither a lead-in word nor
    # a writer verb; it must answer as the full test on real sentences and on every lead-in.
    from cpolint.config import Settings
    from cpolint.linter import lint_text
    from cpolint.analysis.directives import Directives

    doc, _, _ = lint_text("a.md", "# CPO\n\nThe chief product officer leads the product team.\n", Settings())
    analysis = Directives(doc.analyses["context"])
    texts = []
    for line in article_lines():
        texts.extend(part for part in line.replace("!", ".").split(". ") if part.strip())
    leads = ["Please", "also", "Then,", "now", "Next:", "Finally", "additionally", "Lastly", "First,", "second",
             "third", "and", "In the next section,", "in this final part", "For SEO,", "for the introduction",
             "Here", "Make sure to", "be sure to", "Don't forget to", "don’t forget to", "Remember to",
             "[Please", "( please", "[[", "PLEASE-", "pleaſe", "Here,", "also also"]
    verbs = ["add tags to the text", "Rewrite this section", "make it more engaging", "expand the intro",
             "use bullet points in the article", "team should add more", "Use the draft"]
    texts += [f"{lead} {verb}" for lead in leads for verb in verbs] + verbs
    imperatives = 0
    for text in texts:
        full = analysis._imperative_full(text)
        assert analysis._imperative(text) == full, text
        imperatives += full is not None
    assert imperatives > 100


PASTED = """Sign in
The Product Ladder

The Chief Product Officer Playbook
Marisol Vega
6 min read · Sep 18, 2026

Slug: /cpo-playbook
Title tag: Chief Product Officer Playbook | The Product Ladder
Keywords: [chief product officer, cpo salary]

Every growing software company eventually needs one person who owns the whole product portfolio, and that
person is the chief product officer, who reports to the CEO.
"""


def test_cms_fields_are_e009s_not_chrome_not_the_title_and_not_placeholders():
    found = lint(PASTED, "a.txt", select=["E009", "E005", "boilerplate"])
    assert [(d.line, d.code) for d in found] == [(1, "B001"), (5, "B002"), (8, "E009"), (9, "E009"), (10, "E009")]
    # The title is the article's own line 4, not the "Title tag:" field: the byline is under it.
    assert "under the title" in found[1].message


def test_asides_in_double_chevrons_and_slots_in_angle_brackets():
    text = ("Chief Product Officer\nThe CPO at <Insert company name> earns <salary>. <<Need a stat here>>\n"
            "Pay < 100k and > 50k is rare; a << b is code; <br> is a tag.\n")
    found = lint(text, "a.txt", select=["E003", "E005"])
    assert [(d.code, d.data.get("placeholder") or d.data.get("text")) for d in found] == [
        ("E005", "<Insert company name>"), ("E005", "<salary>"), ("E003", "<<Need a stat here>>")]


def test_a_bracketed_slot_that_says_what_it_lacks_or_where_it_goes():
    text = ("# Data Engineer\n\nData engineers build pipelines. Demand grew by [need stat here] last year, "
            "[quote here] says one lead.\n\nHiring is strong [Needs citation]. [Writer: add an example here] "
            "Pay is high [1] [sic].\n")
    found = lint(text, "a.md", select=["E003", "E004", "E005"])
    assert [d.data["placeholder"] for d in found if d.code == "E005"] == ["[need stat here]", "[quote here]"]
    # A citation marker is E004's (once: the sentence around it is no note) and a note to the writer
    # E003's, though each ends with a slot's word.
    assert [(d.line, d.code) for d in found if d.code != "E005"] == [(5, "E004"), (5, "E003")]


def test_markdown_keeps_words_in_angle_brackets_that_are_no_html_tag():
    text = ("# Chief Product Officer\n\nThe CPO owns the roadmap for the company.\n"
            "<<Need a stat here on how many startups hire a CPO>>\n\n<Add a quote from a CPO here>\n\n"
            "A clip: <video controls autoplay muted> and <span class=x>text</span>.\n")
    found = lint(text, "a.md", select=["E003", "E005"])
    assert [(d.line, d.code) for d in found] == [(4, "E003"), (6, "E005")]


def test_a_documents_exported_comments_and_their_anchors_are_notes():
    text = ("Chief Product Officer\nThe CPO owns the roadmap and reports to the CEO.[a] Pay is high [1].\n"
            "[a]Can we cite a source here? -JL\n")
    found = lint(text, "a.txt", select=["E003"])
    assert [(d.line, d.column, d.data["text"]) for d in found] == [
        (2, 49, "[a]"), (3, 1, "[a]Can we cite a source here? -JL")]
    # Without the comment, "[a]" is a footnote mark; "[b] Source: ..." is a footnote.
    assert lint(text.replace("[a]Can we cite a source here? -JL", "[b] Source: a 2025 survey."), "a.txt",
                select=["E003"]) == []


def test_a_draft_line_above_the_title_is_a_note_not_chrome():
    text = "CPO Guide (DRAFT v3 - do not publish)\n\nChief Product Officer\nThe CPO owns the roadmap.\n"
    found = lint(text, "a.txt", select=["E003", "boilerplate"])
    assert [(d.line, d.code) for d in found] == [(1, "E003")]


def test_instructions_in_brackets_shorthand_markers_and_slots():
    text = ("Chief Product Officer\nThe CPO owns the roadmap (add internal link to the roadmap guide) and the "
            "team (add to that the pricing decisions).\nINSERT CHART HERE\n[TODO] confirm the figure. Really???\n"
            "??? check with Sam\nWriter: please expand this section.\nAuthor: Jane Doe\n"
            "The chief product officer works with the chief technology officer on every major launch, and both "
            "report to the chief executive officer in most companies.\n")
    found = lint(text, "a.txt", select=["editor-note"])
    assert [(d.line, d.code) for d in found] == [(2, "E001"), (3, "E008"), (4, "E004"), (5, "E004"), (6, "E003")]
    assert found[0].data["text"] == "(add internal link to the roadmap guide)"


ARTICLE = ("Chief Technology Officer\n\nA chief technology officer (CTO) is responsible for a company's technology "
           "strategy, its engineering teams and the systems those teams build and run.\n\nResponsibilities\n\n"
           "The CTO sets the technical direction, chooses the platforms the company builds on, hires engineering "
           "leaders and keeps the systems secure and reliable.\n\nSalary\n\nAt mid-sized US companies, CTO base "
           "pay commonly falls between $230,000 and $380,000 a year.\n")


def _notes(text: str, name: str = "a.txt"):
    return [(d.line, d.end_line) for d in lint(text, name, select=["E003"])]


def test_a_covering_email_above_or_below_the_article_is_one_note():
    top = "Hi Sam,\n\nHere is the CTO piece; please shout if the pay range looks off.\n\nThanks!\nJo\n\n"
    assert _notes(top + "# " + ARTICLE, "a.md") == [(1, 6)]  # "Thanks!\nJo" is one Markdown paragraph
    end = "\nHi Sam,\n\nI could not find a source for the pay figures. Can you take a look?\n\nBest,\nJo\n"
    assert _notes(ARTICLE + end) == [(13, 18)]
    # The note is not the article: the title after it is found and nothing above it is chrome.
    found = lint("Subject: CTO draft\n\n" + top + ARTICLE, "a.txt", select=["boilerplate", "S001"])
    assert not [d for d in found if d.category == "boilerplate"]
    assert "overview" not in {d.data["section"] for d in found if d.code == "S001"}


def test_an_email_the_article_shows_or_is_is_not_a_note():
    sample = "\nA short follow-up works best:\n\nHi Dana,\n\nThank you for today's conversation.\n\nBest regards,\nSam\n"
    assert _notes(ARTICLE + sample) == []
    # Not introduced, an email that is not about the draft is still the article's example.
    sample = "\nThis is what I sent.\n\nHi Dana,\n\nThank you for today's conversation.\n\nBest regards,\nSam\n"
    assert _notes(ARTICLE + sample) == []
    # A newsletter issue in the shape of an email is the article.
    issue = ("Hi friends,\n\nThis week: what a CTO does all day, and how much the job pays at companies of every "
             "size.\n\nCheers,\nAnna\n")
    assert _notes(issue) == []
    # A greeting and a sign-off with nothing between them, or a long letter, are no covering note.
    assert _notes("Hi Sam,\n\nBest,\nJo\n\n" + ARTICLE) == []
    letter = "Dear reader,\n\n" + "\n\n".join(["The CTO role has changed a great deal in ten years."] * 8) + "\n\nBest,\nJo\n"
    assert _notes(letter + "\n" + ARTICLE) == []


@pytest.mark.parametrize("sentence, flagged", [
    ("Absolutely! Below is a comprehensive job description for a Chief Product Officer, optimized for SEO.", True),
    ("Sure, here is the revised guide with the salary section expanded.", True),
    ("I've kept this section brief, but feel free to expand it with examples from your own team.", True),
    ("Here's a draft of the article based on your outline.", True),
    ("I've aimed for a professional yet approachable tone.", True),
    # Addressed to readers, not to the model's user: the article's own words.
    ("Below is a sample job description you can adapt to your company.", False),
    ("Feel free to customize this template before you post the role.", False),
    ("We have kept the interview loop short so strong candidates do not drop out.", False),
    ("Based on the outline of duties above, this guide covers the skills next.", False),
    ("Here is a draft of a job offer letter you can send to your new CPO.", False),
    ("Let me know if you want me to adjust the tone or add a FAQ section.", True),
    ("Let me know if you need a shorter version.", True),
    ("Let us know if you want us to review your CV.", False),  # the site to its readers
])
def test_a_models_words_to_its_user_in_other_phrasings(sentence, flagged):
    text = "# Chief Product Officer\n\nThe CPO owns the product strategy.\n\n" + sentence + "\n"
    assert ((5, "E002") in [(d.line, d.code) for d in lint(text, "a.md", select=["E002"])]) is flagged


@pytest.mark.parametrize("sentence, note", [
    ("The CPO reports to the CEO. (Sam - can you double check this stat?)", "(Sam - can you double check this stat?)"),
    ("Judgement matters most. Jo, not sure about this para, thoughts?", "Jo, not sure about this para, thoughts?"),
    ("Pay runs from $220,000 to $350,000. Could you verify these figures before Friday?",
     "Could you verify these figures before Friday?"),
    # Said to readers: the article's own words.
    ("If you are not sure about the salary, ask the recruiter before the final round.", None),
    ("Can you check the figures yourself? Most surveys publish their method.", None),
    ("Candidates (and their recruiters) can ask for the pay band early.", None),
])
def test_a_note_addressed_to_a_colleague_in_other_phrasings(sentence, note):
    text = "# Chief Product Officer\n\n" + sentence + "\n"
    found = [d.data["text"] for d in lint(text, "a.md", select=["E003"])]
    assert found == ([note] if note else [])


@pytest.mark.parametrize("name", ["a.md", "a.txt"])
def test_placeholders_in_other_shapes(name):
    text = ("Chief Product Officer\n\nThe CPO at <COMPANY> leads XX product managers and has at least __ years of "
            "experience.\n\nOur client, {company_name}, is hiring: apply by MM/DD/YYYY.\n\n"
            "INSERT STAT HERE about demand.\n\n"
            # Traps: a single X, a factor named X, an HTML tag, a lower-case word in braces.
            "The X factor is judgement; a <br> tag and {braces} in a sentence are not slots.\n")
    found = [(d.line, d.data["placeholder"]) for d in lint(text, name, select=["E005"])]
    assert found == [(3, "<COMPANY>"), (3, "XX"), (3, "__"), (5, "{company_name}"), (5, "MM/DD/YYYY"),
                     (7, "INSERT STAT HERE")]


def test_a_bracketed_link_slot_is_a_placeholder_and_a_bracketed_instruction_stays_e001s():
    text = ("# Chief Marketing Officer\n\n"
            "Most CMOs were VPs of marketing first. [Link to our VP of Marketing guide]\n\n"
            "The CMO owns the brand (add an internal link to the brand strategy guide here) and the budget.\n\n"
            # Traps: a bracketed aside to readers and a citation.
            "Tenure is short [around four years at large consumer companies] and rising [2].\n")
    found = [(d.line, d.code, d.data.get("placeholder") or d.data.get("text")) for d in
             lint(text, "a.md", select=["E001", "E005"])]
    assert found == [(3, "E005", "[Link to our VP of Marketing guide]"),
                     (5, "E001", "(add an internal link to the brand strategy guide here)")]


def test_a_drafts_word_count_and_reading_level_are_fields_not_another_articles_headline():
    text = ("# Chief Marketing Officer\n\nThe chief marketing officer leads marketing and answers to the chief "
            "executive officer for growth across the company.\n\n(Word count: 312. Reading level: Grade 10.)\n\n"
            "Readability score: 61\n\n"
            # Trap: a sentence about reading levels is prose.
            "Keep the reading level of a job ad near grade 8: candidates skim.\n")
    found = [(d.line, d.code) for d in lint(text, "a.md", select=["editor-note", "boilerplate"])]
    assert found == [(5, "E009"), (7, "E009")]


def test_an_article_in_a_chatbots_markdown_fence_is_read_and_the_fence_reported():
    body = ("# Chief Product Officer\n\nThe chief product officer leads product strategy, the roadmap and the "
            "product teams, and reports to the chief executive officer.\n\n## Responsibilities\n\n"
            "- Set the product vision.\n- Lead product managers, designers and researchers.\n\n## Skills\n\n"
            "CPOs need judgement, customer empathy and the ability to explain trade-offs to the board and to "
            "every team that ships the product. [Insert statistic]\n")
    text = "```markdown\n" + body + "```\n"
    found = [(d.line, d.code) for d in lint(text, "a.md", select=["E002", "E005", "S001"])]
    assert (1, "E002") in found and (13, "E005") in found
    assert "responsibilities" not in [d.data.get("section") for d in lint(text, "a.md", select=["S001"])]
    # Trap: a job-description template the article shows in a fence stays its code sample.
    article = body.replace("[Insert statistic]", "") + "\n" + ("The rest of the guide explains how to adapt it. " * 30)
    shown = article + "\n## Template\n\n```markdown\n" + body.replace("[Insert statistic]", "") + "```\n"
    assert [d.code for d in lint(shown, "a.md", select=["E002", "E005"])] == []


def test_the_same_fence_in_plain_text_is_reported_and_its_lines_are_no_chrome():
    body = ("# Chief Product Officer\n\nThe chief product officer leads product strategy, the roadmap and the "
            "product teams, and reports to the chief executive officer in most companies.\n\n## Skills\n\n"
            "CPOs need judgement, customer empathy and the ability to explain trade-offs to the board and to "
            "every team that ships the product. Most come from product management, some from design or "
            "engineering.\n")
    found = [(d.line, d.code) for d in lint("```markdown\n" + body + "```\n", "a.txt",
                                            select=["E002", "B001", "E007"])]
    assert found == [(1, "E002")]


def test_a_google_docs_export_with_properties_comments_and_a_thread_status():
    text = ("Chief Marketing Officer Career Guide\nOwner: Maya   Status: In review   Last edited: 3 Nov\n\n"
            "A chief marketing officer leads a company's marketing strategy and team, and reports to the CEO.[a]\n\n"
            "Skills\nCMOs need brand judgement, analytical skills and the leadership to run a large team.\n\n"
            "[a]Can we add a stat on budget size here?\n_Assigned to Jordan Lee_\n")
    found = [(d.line, d.code) for d in lint(text, "a.txt", select=["editor-note", "boilerplate", "S004"])]
    assert found == [(2, "E009"), (4, "E003"), (9, "E003"), (10, "E003")]
    # Traps: a sentence about assignments and statuses is prose.
    prose = text.replace("_Assigned to Jordan Lee_", "Each campaign is assigned to one owner.")
    assert (10, "E003") not in [(d.line, d.code) for d in lint(prose, "a.txt", select=["E003"])]


def test_a_link_to_a_page_never_named_is_a_placeholder():
    text = ("# Chief Marketing Officer\n\nThe CMO owns the brand.\n\n"
            "[Untitled](https://www.notion.so/Untitled-3f2a9c1e8b7d4e5f?pvs=21)\n\n"
            # Traps: a named page, and the word in a sentence.
            "See [Untitled Goose Game](https://example.com/goose) for a launch done well; the untitled draft is gone.\n")
    assert [(d.line, d.data["placeholder"]) for d in lint(text, "a.md", select=["E005"])] == [(5, "Untitled")]


def test_a_markdown_table_of_contents_marker_is_no_placeholder():
    body = "# Chief Product Officer\n\n{toc}\n\nThe CPO owns the product strategy and answers to the CEO.\n"
    for marker in ("[TOC]", "[[_TOC_]]"):
        assert not [d for d in lint(body.format(toc=marker), "a.md") if d.code == "E005"]
    # In a sentence, or in plain text (where nothing renders it), it is still a slot.
    assert [d.code for d in lint(body.format(toc="See [TOC] for more."), "a.md") if d.code == "E005"] == ["E005"]
    assert [d.code for d in lint(body.format(toc="[TOC]"), "a.txt") if d.code == "E005"] == ["E005"]


def test_notes_in_obsidian_comments_nb_lines_and_asides_and_a_models_caveat():
    text = ("# Chief Marketing Officer\n\nThe CMO leads marketing. %%Sam: swap this intro%%\n\n"
            "The CMO owns the budget. NB for Priya — legal wants this section shorter.\n\n"
            "- Leading large teams (@Jordan can you confirm we want this one?)\n\n"
            "The salary figures are estimates based on my training data.\n\n"
            "More sources are needed here. [Needs citation]\n")
    found = [(d.line, d.column, d.code) for d in lint(text, "a.md") if d.code in ("E002", "E003", "E004")]
    assert found == [(3, 26, "E003"), (5, 26, "E003"), (7, 23, "E003"), (9, 1, "E002"), (11, 31, "E004")]


@pytest.mark.parametrize("text", [
    "Compliance needs shape every campaign in regulated industries.",
    "Growth in the role is 20% (see the survey's methods section).",
    "Retention rose 15%% year on year, the survey says.",
    "The note for readers: salaries vary by region.",
    "<!-- TODO: add the Gartner budget stat here -->",
])
def test_reader_facing_words_like_notes_are_left_alone(text):
    found = lint("# Chief Marketing Officer\n\nThe CMO leads marketing.\n\n" + text + "\n", "a.md")
    assert not [d for d in found if d.code in ("E002", "E003", "E004")]


@pytest.mark.parametrize("sentence, expected", [
    ("Make sure to mention our data course somewhere in the skills section and link to it.", True),
    ("Include a short anecdote here about a time a bad metric misled a company.", True),
    ("Write the salary figures as ranges where you can, and cite Levels.fyi.", True),
    ("Close with a call to action inviting readers to download the career checklist.", True),
    ("Rewrite this section in a friendlier tone and keep it under 150 words.", True),
    ("When you write about AI, avoid hype.", True),
    ("If you write about salaries, cite a source for every figure.", True),
    ("When you write your resume, keep it to one page.", False),
    ("When you write about your achievements, keep each one concrete.", False),
    # Advice to readers about their own documents, offers and interviews.
    ("Update the skills section of your resume before you apply.", False),
    ("Use the first paragraph of your cover letter to say why the company matters to you.", False),
    ("Keep the salary figures you are offered in writing before you resign.", False),
    ("Include examples of your impact in every interview.", False),
    ("Close the deal by asking for a clear scope and budget.", False),
    ("End each quarter with a review of what your team shipped.", False),
    ("Keep this section under 300 words.", True),
    ("Add two examples to the article before the job description section.", True),
    # The reader's own documents, named before what the advice asks of them.
    ("Keep each job description under 700 words and put the responsibilities section first.", False),
    ("Keep your resume under 700 words and cut the summary paragraph.", False),
    # What is to be done to the text, said as a note: "make sure the figures are updated".
    ("Note: make sure the salary figures below are updated every January.", True),
    ("Make sure this section is reviewed by legal before it goes live.", True),
    ("Note: make sure your salary expectations are realistic before you negotiate.", False),
    ("Make sure the job description section of your posting is approved by HR.", False),
    ("Note: titles vary between companies.", False),
    # The reader's own text, named after its part, and a part named in another clause.
    ("Rewrite the introduction on your website so that it says what kind of design you do.", False),
    ("Cut the summary paragraph of your resume to three lines.", False),
    ("You'll need to write clearly, too: designers write specs and the copy in their mock-ups.", False),
    ("You'll need to rewrite the introduction before it goes live.", True),
])
def test_instructions_about_the_text_in_other_words(sentence, expected):
    text = "# Head of Data\n\nA head of data leads the data team and answers to the CEO.\n\n" + sentence + "\n"
    assert bool([d for d in lint(text, "a.md") if d.code == "E001"]) is expected


@pytest.mark.parametrize("line, note", [
    ("Draft 2 — last edited by Jordan on 4 Nov", True),
    ("Version 3, reviewed by Sam and sent to legal", True),
    ("The draft 2026 budget, edited by the CFO, sets the product team's headcount.", False),
    ("Version 2 of the product shipped in May, and the team edited its roadmap after.", False),
])
def test_a_drafts_version_line_is_a_note(line, note):
    text = "# Chief Revenue Officer\n\n" + line + "\n\nA chief revenue officer owns all revenue.\n"
    assert bool([d for d in lint(text, "a.md") if d.code == "E003"]) is note


def test_a_long_bracketed_slot_and_a_parenthesised_insert_are_placeholders():
    text = ("# Chief Operating Officer\n\n"
            "Most COOs come up through operations. [Insert a real example of a COO who started in customer support.]\n\n"
            "Some start in finance. (Insert a real example of a COO who started in finance.)\n\n"
            # Traps: an editor's long insertion in a quote, advice in parentheses to the reader.
            "\"We hired [the company's first COO, a former head of customer support at a logistics firm] in 2021,\" "
            "she said.\n\nPay rises with scope (add 10% for a company with more than one site).\n")
    found = [(d.line, d.data["placeholder"]) for d in lint(text, "a.md", select=["E005"])]
    assert found == [(3, "[Insert a real example of a COO who started in customer support.]"),
                     (5, "(Insert a real example of a COO who started in finance.)")]


@pytest.mark.parametrize("sentence, leaked", [
    ("I hope this article helps you understand the COO role!", True),
    ("I hope this guide helps.", True),
    # Trap: a hope about the reader's work, not the text.
    ("I hope this change helps your team ship faster.", False),
    # A model's closing in other words (only "I hope this helps" was known).
    ("I hope this draft gives you a solid starting point!", True),
    ("Feel free to ask if you'd like a shorter version for LinkedIn.", True),
    ("I can also write a shorter version for your newsletter.", True),
    # Traps: the article telling its reader to ask someone, a hope about the reader.
    ("If you are thinking about the move, feel free to ask a PMM at your company what their week looks like.", False),
    ("I hope this role gives you the variety you want.", False),
    # The part of the article a model was asked for, announced.
    ("Sure! Here's a concluding paragraph that ties everything together:", True),
    ("Here's a concluding paragraph that ties everything together:", True),
    ("Certainly! Here is a meta description for the article:", True),
    ("Here is an introduction for your blog post on the COO role:", True),
    # Traps: the article's own examples for the reader.
    ("Here's a sample job description you can adapt:", False),
    ("Here is a closing thought from one COO we interviewed: hire slowly.", False),
    # A model speaking of itself, and the chat window's button on a line of its own.
    ("As an AI language model, I cannot give salary advice.", True),
    ("Regenerate response", True),
    # Traps: jobs in AI ("As a large language model engineer, ..."), and the words in a sentence.
    ("As a large language model engineer, you will spend most of your time on evaluation.", False),
    ("As an AI language model trainer, Priya reviews thousands of answers a week.", False),
    ("Many teams ask candidates whether they can regenerate response metrics from raw logs.", False),
    # A model's words the article quotes.
    ('Interviewers often open with "Would you like me to walk you through the system first?"', False),
    ("One recruiter put it plainly: “As an AI language model, I cannot judge culture fit” is what candidates fear.",
     False),
])
def test_a_models_hope_that_its_article_helps(sentence, leaked):
    text = "# Chief Operating Officer\n\nThe COO runs the business day to day.\n\n" + sentence + "\n"
    assert bool(lint(text, "a.md", select=["E002"])) == leaked


@pytest.mark.parametrize("line, note", [
    ("The CPO owns the strategy {>>can we tighten this?<<} and the team.", "{>>can we tighten this?<<}"),
    ("The CPO sets the roadmap, {++works with the CTO, ++}and reports to the CEO.", "{++works with the CTO, ++}"),
    ("The CPO {--never --}owns pricing.", "{--never --}"),
    ("The CPO hires leaders [JR: check this against the survey] and coaches them.",
     "[JR: check this against the survey]"),
    ("Strategy (DW: is this list complete?) and leadership.", "(DW: is this list complete?)"),
    ("London pays less. [Jonas: can we get a source for this figure?]", "[Jonas: can we get a source for this figure?]"),
    ("Pay varies (Sam - should we cut this line?) by stage.", "(Sam - should we cut this line?)"),
    # Traps: a label to the reader over a question to them.
    ("(Tip: can you explain your last launch in two minutes? Interviewers will ask.)", None),
    ("Practice the pitch (Exercise: can you do it in sixty seconds?) before the interview.", None),
    # Traps: country codes over figures, an acronym defined, braces and dashes in prose.
    ("Pay differs by country (US: $250,000; UK: £180,000) and by stage.", None),
    ("A CEO (CEO: the chief executive officer) decides, and the range -- wide as it is -- holds.", None),
    # A note to an editor opens its sentence or has a colon after it; an article about
    # editing describes notes for writers.
    ("Note to editor: check the pay figure.", "Note to editor: check the pay figure."),
    ("The CPO hires leaders (note for the team: add a source) and coaches them.", "(note for the team: add a source)"),
    ("Editors leave notes for writers in the draft and ask them to check their sources.", None),
])
def test_criticmarkup_initials_and_notes_to_the_editor(line, note):
    found = [d.data["text"] for d in lint(f"# Chief Product Officer\n\n{line}\n", "a.md", select=["E003"])]
    assert found == ([note] if note else [])


@pytest.mark.parametrize("line, code", [
    ("INSERT CHART: CCO salary by company size", "E008"),
    ("The CCO owns support. (Add an image of a CCO presenting renewal numbers to the board here.)", "E008"),
    ("> **Writer's note:** the pay figure is from last year's survey, swap in the 2026 number.", "E003"),
    ("Internal links: link to our VP of Customer Success guide and the CRO salary page here.", "E009"),
    ("Anchor text: chief customer officer salary", "E009"),
    ("Pay rose N% last year at the largest companies.", "E005"),
    ("Reviewers: @omar.haddad @priya.s", "E009"),  # people by their handles (the dots in them hid it)
    # Traps: advice to the reader, a caption, the job described.
    ("Tip: add a chart of renewal rates to your board deck; boards read a chart faster than a table.", None),
    ("The renewal review is short. (Pictured: a renewal dashboard from a 2025 customer review.)", None),
    ("The writer's notes from each customer interview go into the account plan.", None),
])
def test_production_notes_in_other_words(line, code):
    text = f"# Chief Customer Officer\n\nThe CCO owns customer success and support.\n\n{line}\n"
    found = [d.code for d in lint(text, "a.md", select=["editor-note"])]
    assert found == ([code] if code else [])


@pytest.mark.parametrize("line, code", [
    ("Note for publishing team: embed the salary chart here before going live.", "E003"),
    ("PS for the editor - I wasn't sure about the Gartner stat, please double check.", "E003"),
    ("The writer should mention the CPO Council report here.", "E003"),
    ("Add 2-3 FAQs at the end targeting People Also Ask questions.", "E001"),
    ("Insert comparison table: CPO vs VP Product.", "E001"),
    # Traps: advice about the reader's own document, people in prose.
    ("Add a salary table to your offer letter so the board sees base, bonus and equity.", None),
    ("The author should know the audience well, and so should a CPO presenting to a board.", None),
    ("Many CPOs add FAQs to their product docs.", None),
    # The persona a prompt gives the model.
    ("Act as a senior recruiter and explain what a CPO does in plain words.", "E001"),
    ("You are a helpful assistant. Draft the salary section.", "E001"),
    ("You are an expert communicator, and boards will notice.", None),
    ("You are a recruiter's dream if you can show revenue impact.", None),
])
def test_notes_and_briefs_in_other_words(line, code):
    text = f"# Chief Product Officer\n\nA chief product officer leads the product organisation.\n\n{line}\n"
    assert [d.code for d in lint(text, "a.md", select=["editor-note"])] == ([code] if code else [])


@pytest.mark.parametrize("line, found", [
    # A slot in brackets is E005's alone, however E001 reads its words (both reported it).
    ("[INSERT INTERNAL LINK TO ON-CALL GUIDE]", [("E005", 1)]),
    ("[Add a paragraph about on-call pay]", [("E005", 1)]),
    ("SREs lead incidents [add internal link to the on-call guide] and write postmortems.", [("E005", 21)]),
    # The instruction in an aside is the aside's, not the duty's around it (the bullet was reported).
    ("- Write blameless postmortems (add internal link to the postmortem template) and follow up.", [("E001", 31)]),
    # Traps: an instruction around an aside is still the sentence's; an aside the reader is told.
    ("Expand this section (it is too short) with two examples of incidents.", [("E001", 1)]),
    ("- Write blameless postmortems (a template helps) and follow up on their actions.", []),
])
def test_a_slot_in_brackets_and_an_instruction_in_an_aside_are_reported_once(line, found):
    text = f"# Site Reliability Engineer\n\nSREs keep production systems up.\n\n{line}\n"
    assert [(d.code, d.column) for d in lint(text, "a.md", select=["editor-note"])] == found


def test_imperatives_under_a_heading_about_the_readers_own_document_are_advice():
    body = "Add metrics to each bullet point where you can. Cut any paragraph that does not show impact.\n"
    text = "# How to Become a Product Designer\n\nA product designer shapes digital products.\n\n## {heading}\n\n" + body
    for heading, flagged in (("Update your resume", False), ("Build your portfolio", False), ("Salary", True)):
        assert bool(lint(text.format(heading=heading), "a.md", select=["E001"])) is flagged, heading


@pytest.mark.parametrize("line, column", [
    ("Analysts move on after **three to five years.", 24),  # opens and never closes
    ("Analysts move on after three to five years** of work.", 43),  # closes and never opened
    # Traps: bold Markdown renders, a code span and escaped asterisks show as meant, and
    # asterisks between spaces are arithmetic.
    ("Analysts move on after **three to five years** of work.", None),
    ("Python's `**kwargs` is the first thing analysts look up.", None),
    ("Some keep a cheat sheet of \\*\\*starred\\*\\* shortcuts.", None),
    ("Two to the power of three is 2 ** 3 in Python.", None),
])
def test_bold_that_markdown_does_not_render_shows_raw(line, column):
    text = f"# Data Analyst\n\nA data analyst turns data into decisions.\n\n{line}\n"
    found = [d.column for d in lint(text, "a.md", select=["E007"])]
    assert found == ([column] if column else [])


# The team's checks, asks and slots, inside a sentence (before its period) or after one.
_INSIDE = "# Paramedic\n\nParamedics treat patients at the scene. The median is £40,000 {}.\n"
_AFTER = "# Paramedic\n\nParamedics treat patients at the scene of an emergency.\n\nThe median is £40,000. {}\n"


@pytest.mark.parametrize("template, aside, codes", [
    (_INSIDE, "[CHECK against the 2026/27 pay circular]", ["E003"]),  # a check left for the team, in brackets
    (_INSIDE, "[confirm the figure with the 2026 circular]", ["E003"]),
    (_INSIDE, "[check this figure]", ["E003"]),  # a note, not a slot to fill: E003 alone
    (_INSIDE, "(CHECK: pay circular)", ["E003"]),  # in parentheses, as a label
    (_INSIDE, "[VERIFY]", ["E005"]),  # one word in brackets: a placeholder's
    (_INSIDE, "(check with your state board)", []),  # advice to the reader
    (_INSIDE, "(confirm with your trust before applying)", []),
    (_AFTER, "(link to salary guide)", ["E005"]),  # where a link was meant to go
    (_AFTER, "(ask Priya for a quote)", ["E003"]),  # a colleague asked for material
    (_AFTER, "Placeholder text — replace before publishing.", ["E003"]),
    (_AFTER, "<<add stat>>", ["E003"]),  # in Markdown, once read as a tag named "add"
    (_AFTER, "<<Company Name>>", ["E003"]),  # a slot's words in a drafter's aside: the aside's alone
    (_AFTER, "Ask your manager about training (ask early).", []),  # the reader's advice
    (_AFTER, "Always verify facts before publishing.", []),
    (_AFTER, "The figures link to the BLS tables.", []),
])
def test_checks_asks_and_slots_in_other_words(template, aside, codes):
    assert [d.code for d in lint(template.format(aside), "a.md", select=["editor-note"])] == codes


@pytest.mark.parametrize("aside", ["[CHECK against the 2026 list of approved courses]",
                                   "(ask Priya for a quote from a course leader)"])
def test_a_note_in_brackets_inside_a_sentence_is_the_brackets_alone(aside):
    text = f"# Physiotherapist\n\nYou need an approved physiotherapy degree {aside} to register.\n"
    (diag,) = lint(text, "a.md", select=["E003"])
    assert diag.data["text"] == aside
