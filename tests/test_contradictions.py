"""Contradictions: what each conflict reports (all claims, with lines) and what must pass."""

from __future__ import annotations

import pytest

from conftest import CORPUS, SEEDS, lint, needs_seeds


@needs_seeds
def test_seed_004_line_44_with_its_three_claims_and_nothing_else():
    text = (SEEDS / "004_ac5bd8d8aed2d3d8.txt").read_text(encoding="utf-8")
    diags = lint(text, "004.txt", select=["contradiction"])
    assert [(d.line, d.code) for d in diags] == [(44, "C001")]
    claims = diags[0].data["claims"]
    assert [(c["line"], c["text"]) for c in claims] == [
        (44, "at least five years"), (44, "at least 10 years"), (44, "at least 15 years")]
    for c in claims:
        assert f"'{c['text']}' (line 44" in diags[0].message


def test_conflict_fifty_lines_apart_across_a_paragraph_and_a_list():
    text = (CORPUS / "contradiction" / "experience-conflicts.md").read_text()
    (first, second) = lint(text, "a.md", select=["C001"])
    assert [(c["line"], c["text"]) for c in first.data["claims"]] == [
        (3, "at least eight years"), (51, "A minimum of 12 years")]
    assert first.data["scope"] == "product"
    assert [c["line"] for c in second.data["claims"]] == [8, 9]
    assert second.data["scope"] == "leadership"


def test_consistent_pay_and_separate_populations_pass():
    text = ("Chief Product Officer Salary\n"
            "• Median Annual Salary: $220,000 ($105.77/hour)\n"
            "• Top 10% Annual Salary: $352,000 ($169.23/hour)\n"
            "The median salary in the US is $220,000; in the UK it is £110,000.\n")
    assert lint(text, select=["contradiction"]) == []


def test_hourly_mismatch_names_the_arithmetic():
    (diag,) = lint("CPO Pay\nMedian annual salary: $200,000 ($90.00/hour)\n", select=["C002"])
    assert "$90.00/hour x 2,080 hours = $187,200, not $200,000" in diag.message
    assert [c["text"] for c in diag.data["claims"]] == ["$200,000", "$90.00"]


def test_reporting_lines_hedged_or_scoped_do_not_conflict():
    text = ("Chief Product Officer\n"
            "The CPO reports to the CEO or, in startups, to the founder.\n"
            "At seed stage, the CPO reports to the founder.\n"
            "Product managers report to the CPO.\n")
    assert lint(text, select=["C007", "C011"]) == []
    text += "In most companies the CPO reports to the CTO.\n"
    codes = sorted(d.code for d in lint(text, select=["C007", "C011"]))
    assert codes == ["C007", "C011"]


def test_schema_facts_are_warnings():
    diags = lint("CPO\nThe median chief product officer salary is $22,000 a year.\n", select=["contradiction"])
    assert [(d.code, d.severity) for d in diags] == [("C010", "warning")]
    assert diags[0].data["range"] == [90000.0, 1500000.0]


REPORTING = "# Chief Marketing Officer\n\nThe CMO reports directly to the chief executive officer.\n\n{}\n"


def test_a_denied_reporting_line_is_no_claim_and_a_ruled_out_boss_is_not_named():
    def found(sentence):
        return [(d.line, d.code, [c["text"] for c in d.data["claims"]])
                for d in lint(REPORTING.format(sentence), "a.md", select=["C007"])]

    # Denied, or said of someone else in the next clause: nothing against line 3.
    assert found("The CMO does not report to the chief financial officer, and rarely answers to the board.") == []
    assert found("Product marketers report to the CMO, and the brand lead reports to the chief revenue officer.") \
        == []
    # One subject, two bosses in one sentence: a dual line, not a conflict with itself.
    assert found("At most firms the CMO reports to the CEO and also answers to the board.") == []
    # "not the CEO" rules the CEO out: the CRO alone is the claim, and it conflicts.
    assert found("In most companies the CMO reports to the chief revenue officer, not the CEO.") == [
        (3, "C007", ["reports directly to the chief executive officer", "reports to the chief revenue officer"])]


def test_a_question_claims_nothing():
    text = ("# Chief Product Officer\n\n## Do CPOs need an MBA?\n\n"
            "An MBA is not required; most CPOs learned the job as product managers.\n")
    assert lint(text, "a.md", select=["contradiction"]) == []
    assert [d.code for d in lint(text.replace("## Do CPOs need an MBA?", "CPOs need an MBA."), "a.md",
                                 select=["contradiction"])] == ["C008"]


def test_a_part_of_a_requirement_is_no_rival_of_it_but_still_of_others():
    text = ("# Chief Technology Officer\n\nEmployers look for at least ten years of engineering experience, "
            "including at least five years in engineering.\n\n{}\n")
    assert lint(text.format("The CTO owns the platform."), "a.md", select=["C001"]) == []
    (found,) = lint(text.format("Most employers require at least twelve years of engineering experience."), "a.md",
                    select=["C001"])
    assert [c["text"] for c in found.data["claims"]] == ["at least ten years", "at least twelve years"]
    # "managing engineers" is leadership experience, not more engineering experience.
    text = ("# Chief Technology Officer\n\nMost employers look for at least ten years of software engineering "
            "experience. They also want five or more years managing engineers.\n")
    assert lint(text, "a.md", select=["C001"]) == []


TABLE = """# Chief Product Officer Salary

## What CPOs earn

| Percentile | Annual salary | Hourly |
|---|---|---|
| 10th percentile | $148,000 | $71.15 |
| Median | $226,000 | $108.65 |
| 90th percentile | {top} | {hourly} |
"""


def test_a_salary_table_is_read_row_by_row_with_its_headings():
    found = lint(TABLE.format(top="$210,000", hourly="$100.96"), "a.md", select=["contradiction"])
    assert [(d.code, [c["text"] for c in d.data["claims"]]) for d in found] == [("C004", ["$226,000", "$210,000"])]
    # Consistent figures: nothing (the 10th percentile is the bottom 10%, each hourly cell its row's).
    assert lint(TABLE.format(top="$310,000", hourly="$149.04"), "a.md", select=["contradiction"]) == []
    # An hourly cell that does not restate its row's annual figure.
    (found,) = lint(TABLE.format(top="$310,000", hourly="$120.00"), "a.md", select=["contradiction"])
    assert found.code == "C002" and [c["text"] for c in found.data["claims"]] == ["$310,000", "$120.00"]


def test_an_nth_percentile_below_the_50th_is_the_bottom():
    text = ("# Chief Product Officer\n\nThe median CPO salary is $220,000. At the 25th percentile pay is "
            "$180,000, and at the 75th percentile it is $260,000.\n")
    assert lint(text, "a.md", select=["contradiction"]) == []
    (found,) = lint(text.replace("$180,000", "$240,000"), "a.md", select=["contradiction"])
    assert found.code == "C004" and "bottom 25%" in found.message


def test_a_company_size_named_by_one_figure_of_a_sentence_is_not_the_others():
    text = ("# Chief Product Officer\n\nThe median CPO at a software company earns $265,000, while the median at "
            "startups is closer to $190,000.\n")
    assert lint(text, "a.md", select=["C003"]) == []
    text = ("# Chief Product Officer\n\nThe median CPO at a company with more than 5,000 employees earns $265,000. "
            "The median CPO at a large company earns $230,000.\n")
    (found,) = lint(text, "a.md", select=["C003"])
    assert "large companies" in found.message


def test_other_leaders_pay_is_theirs_and_a_statistic_stays_with_its_figure():
    text = ("# VP of Engineering vs CTO\n\nVPs of engineering earn a median of $245,000. CTOs earn a median of "
            "$280,000. Chief financial officers earn a median of $300,000.\n")
    assert lint(text, "a.md", select=["C003"]) == []
    text = ("# Chief Product Officer\n\nThe median CPO salary in the US is about $253,000, and top earners make "
            "over $501,000.\n\nCPOs earn a median of $253,000 a year.\n")
    assert lint(text, "a.md", select=["C003"]) == []
    # Named again for the second figure, the median is compared.
    (found,) = lint(text.replace("top earners make over", "another survey puts the median at"), "a.md",
                    select=["C003"])
    assert "$501,000" in [c["text"] for c in found.data["claims"]]


def test_a_heading_that_counts_its_items():
    text = "# Chief Marketing Officer\n\n## {}\n\n- Brand building\n- Data literacy\n- Budgets\n- Storytelling\n"
    (found,) = lint(text.format("Top 5 CMO Skills"), "a.md", select=["C006"])
    assert (found.line, found.data["stated"], found.data["found"]) == (3, 5, 4)
    for heading in ("Four Skills Every CMO Needs", "10 Years of Growth", "Skills", "2026 Skills"):
        assert lint(text.format(heading), "a.md", select=["C006"]) == [], heading
    para = "Great CMOs spend time with customers and the sales team every week, and it shows in their plans."
    subs = f"# CMO Habits\n\n## Seven Habits of Great CMOs\n\n### Ask questions\n\n{para}\n\n### Decide fast\n\n{para}\n"
    (found,) = lint(subs, "a.md", select=["C006"])
    assert found.data["items"] == "sub-headings" and found.data["found"] == 2


def test_implausible_experience_is_checked_in_the_roles_own_field():
    text = "# Chief Marketing Officer\n\nEmployers ask for at least 45 years of {} experience.\n"
    assert [d.code for d in lint(text.format("marketing"), "a.md", select=["C009"])] == ["C009"]
    assert lint(text.format("leadership"), "a.md", select=["C009"]) == []


def test_an_hourly_figure_restated_as_the_annual_one_after_it():
    text = "# Chief Product Officer\n\nSenior CPOs earn {}.\n"
    (found,) = lint(text.format("$95/hr, or $250,000 annually"), "a.md", select=["C002"])
    assert found.column == 18  # from the hourly figure, the first of the two
    assert [(c["text"], c["period"]) for c in found.data["claims"]] == [("$250,000", "year"), ("$95", "hour")]
    for fine in ("$110 per hour (about $228,800 a year)", "$95/hr, or $197,600 annually",
                 "$95/hr in their first year and $250,000 annually later"):
        assert lint(text.format(fine), "a.md", select=["C002"]) == [], fine


def test_a_decade_of_leadership_is_a_minimum_like_any_other():
    text = ("# Chief Product Officer\n\nCompanies want a decade of product leadership. Recruiters insist on at "
            "least 15 years of product leadership.\n")
    (found,) = lint(text, "a.md", select=["C001"])
    assert [c["text"] for c in found.data["claims"]] == ["a decade", "at least 15 years"]


def _claim_lines(found) -> list[tuple[str, list[int]]]:
    """Each finding's code with the lines of the claims it sets against each other."""
    return [(d.code, [c["line"] for c in d.data["claims"]]) for d in found]


def test_table_rows_labelled_by_segment_are_apart_and_a_statistic_row_still_compares():
    head = "# Chief Product Officer\n\nThe CPO leads product strategy.\n\n## Salary\n\n"
    stages = "| Company stage | Median base |\n|---|---|\n| Seed | $160K |\n| Series B | $210K |\n\n"
    prose = "The median CPO salary in the US is $245,000.\n"
    # Each row is its own segment: no two medians for one population among them or with the prose.
    assert not [d for d in lint(head + stages + prose, "a.md", select=["C003"])]
    # A row that names the statistic compares with the prose's figure.
    stats = "| Statistic | US base |\n|---|---|\n| Median | $210,000 |\n| 90th percentile | $320,000 |\n\n"
    found = lint(head + stats + prose, "a.md", select=["C003"])
    assert _claim_lines(found) == [("C003", [9, 12])]


def test_base_salary_and_total_compensation_are_different_pay():
    text = ("# Chief Product Officer\n\nThe CPO leads product strategy.\n\n## Salary\n\n"
            "Median base salary for CPOs in the US: $280,000. Median total compensation: $450,000.\n\n"
            "The top 10% of CPOs earn $420,000 in base salary.\n\n"
            "The median CPO salary in the US is $300,000.\n")
    found = lint(text, "a.md", select=["C003", "C004"])
    # Base against total is no conflict (nor the top 10% of base pay against the median total);
    # two base medians still are.
    assert _claim_lines(found) == [("C003", [7, 11])]


def test_time_spent_in_a_step_of_the_career_is_no_requirement_of_the_role():
    text = ("# Chief Technology Officer\n\nThe CTO leads engineering.\n\n## Qualifications\n\n"
            "Most employers require 10+ years of engineering experience.\n\n## Career path\n\n"
            "Expect to spend 3-5 years as an engineering manager before moving up, and many stay about "
            "2 years in a director role.\n")
    assert not lint(text, "a.md", select=["C001", "C009"])
    # Asked for, the same figures are claims.
    asked = text.replace("Expect to spend 3-5 years as", "Employers require 3-5 years as")
    assert [d.code for d in lint(asked, "a.md", select=["C001"])] == ["C001"]


def test_an_amount_with_a_capital_magnitude_ends_its_sentence():
    # spaCy keeps "$215K." one token, so the Sentencizer saw one sentence and London's
    # figure lent its city to the US median: the conflict with the later US median was lost.
    text = ("CPO Pay\n"
            "In the United States, the median base salary for a CPO is $215K. In London the figure is "
            "lower, at around £150,000.\n"
            "Across the United States, the median base salary for a CPO is $320,000 a year.\n")
    (diag,) = lint(text, select=["C003"])
    assert [(c["line"], c["text"]) for c in diag.data["claims"]] == [(2, "$215K"), (3, "$320,000")]
    # The same figures a sentence apart with their own populations stay apart.
    apart = text.replace("Across the United States", "In Berlin").replace("$320,000", "€320,000")
    assert lint(apart, select=["C003"]) == []


def _listicle(title: str, count: int, intro: str = "This guide covers what great CMOs do well.") -> str:
    sections = "".join(f"## {k}. Skill number {k}\n\nA sentence about skill {k} for CMOs to practise.\n\n"
                       for k in range(1, count + 1))
    return f"---\ntitle: \"{title}\"\n---\n\n{intro}\n\n{sections}## Final thoughts\n\nGood luck.\n"


def test_a_listicles_count_in_its_front_matter_title_and_intro_against_its_numbered_sections():
    text = _listicle("7 Skills Every Chief Marketing Officer Needs", 6,
                     "In this guide we cover the seven skills that separate CMOs who last.")
    found = [(d.line, d.data["stated"], d.data["found"], d.data["items"]) for d in lint(text, "a.md", select=["C006"])]
    assert found == [(2, 7, 6, "numbered sections"), (5, 7, 6, "numbered sections")]
    # Traps: the counts agree; "Final thoughts" after the run is no item.
    agreed = _listicle("6 Skills Every Chief Marketing Officer Needs", 6,
                       "In this guide we cover the six skills that separate CMOs who last.")
    assert lint(agreed, "a.md", select=["C006"]) == []
    # The same with the title as the article's heading: both counts, and "Final thoughts" is
    # not counted among the sub-headings.
    titled = text.replace("---\ntitle: \"7 Skills Every Chief Marketing Officer Needs\"\n---\n",
                          "# 7 Skills Every Chief Marketing Officer Needs\n")
    assert [(d.line, d.data["found"]) for d in lint(titled, "a.md", select=["C006"])] == [(1, 6), (3, 6)]
    # Hugo's TOML front matter: the same count, its "title =" line.
    toml = text.replace("---\ntitle: \"7 Skills Every Chief Marketing Officer Needs\"\n---\n",
                        "+++\ndate = 2026-01-05\ntitle = \"7 Skills Every Chief Marketing Officer Needs\"\n+++\n")
    assert [(d.line, d.data["stated"]) for d in lint(toml, "a.md", select=["C006"])] == [(3, 7), (6, 7)]
    assert lint(agreed.replace("---\ntitle: \"6 Skills Every Chief Marketing Officer Needs\"\n---\n",
                               "# 6 Skills Every Chief Marketing Officer Needs\n"), "a.md", select=["C006"]) == []


def test_figures_credited_to_two_named_sources_are_their_difference_not_the_articles():
    head = "CPO Pay\n"
    apart = head + ("The average CPO salary is $255,000, according to Glassdoor, while Salary.com puts the average "
                    "at $285,000.\n")
    assert lint(apart, select=["C003"]) == []
    credited = head + ("According to the BLS, the average CPO salary is $255,000.\n"
                       "Levels.fyi reports an average CPO salary of $285,000.\n")
    assert lint(credited, select=["C003"]) == []
    # The same source twice, or no source at all, still conflicts; "reports to" names no source.
    same = head + ("According to Glassdoor, the average CPO salary is $255,000.\n"
                   "According to Glassdoor, the average CPO salary is $285,000.\n")
    unsourced = head + ("The CPO reports to the CEO. The average CPO salary is $255,000.\n"
                        "The average CPO salary is $285,000.\n")
    for text in (same, unsourced):
        (diag,) = lint(text, select=["C003"])
        assert [c["text"] for c in diag.data["claims"]] == ["$255,000", "$285,000"]


def test_the_years_hiring_managers_look_for_are_the_roles_own():
    text = ("CMO Experience\nCMO roles typically require 10-15 years of marketing experience. Most hiring managers "
            "look for at least 20 years in marketing.\n")
    (diag,) = lint(text, select=["C001"])
    assert [c["text"] for c in diag.data["claims"]] == ["10-15 years", "at least 20 years"]
    # Trap: product managers' own years are theirs, not the CMO's.
    other = text.replace("Most hiring managers look for", "Product managers usually have")
    assert lint(other, select=["C001"]) == []


def test_a_place_named_after_a_figure_is_the_later_figures():
    text = ("CTO Pay\n| City | Median base salary |\n|---|---|\n| San Francisco | $290,000 |\n| Austin | $230,000 |\n\n"
            "The median base salary for a CTO is $235,000, and in San Francisco the median is $290,000.\n")
    assert lint(text, "a.md", select=["C003"]) == []
    # A place named before both figures is both figures' ("In London, ... and ..."): the top
    # 10% below the median there still conflicts.
    london = "CTO Pay\nIn London, the median CTO salary is £160,000 and the top 10% earn £150,000.\n"
    (diag,) = lint(london, select=["C004"])
    assert [c["text"] for c in diag.data["claims"]] == ["£160,000", "£150,000"]


def test_claims_after_a_sentence_of_several_figures_keep_their_blocks_context():
    from conftest import parse

    from cpolint.analysis.claims import claims
    from cpolint.config import Settings
    from cpolint.linter import get_engine

    text = ("# Chief Product Officer\n\nThe CPO leads the product team.\n\n## Job description example\n\n"
            "Pay: $150,000 to $200,000 in New York, and $140,000 in Austin. At least 10 years of experience "
            "is required.\n")
    doc = parse(text, "a.md")
    get_engine(Settings()).lint(doc)
    found = claims(doc.analyses["context"])
    assert [(c.kind, c.context) for c in found] == [("salary", "template")] * 3 + [("experience", "template")]


@pytest.mark.parametrize("text, expected", [
    # Base pay's median above the base-pay range: one of them is wrong.
    ("CPO pay runs from $250K to $400K in base salary. The median CPO makes $450,000 in base pay.", [1]),
    # Below it, and an hourly range annualised at 2,080 hours ($100-$150 an hour is $208,000-$312,000).
    ("CPO salaries range from $220,000 to $350,000.\n\nThe median CPO salary is $180,000.", [1]),
    ("CPOs earn $100 to $150 an hour.\n\nThe median CPO salary is $400,000 a year.", [1]),
    # Inside the range, or within 2% of an end: nothing to report.
    ("CPO salaries range from $220,000 to $350,000.\n\nThe median CPO salary is $354,000.", []),
    # Ranges that say nothing about the median: of top earners, of new hires, bonuses on top,
    # two kinds of company at the two ends, another currency's, another kind of pay's median.
    ("Top CPOs earn between $500,000 and $1 million. The median CPO salary is $250,000.", []),
    ("Entry-level CPOs earn $120,000 to $160,000. The median CPO salary is $250,000.", []),
    ("Bonuses add $30,000 to $60,000. The median CPO salary is $250,000.", []),
    ("Salaries range from $150,000 at startups to $650,000 at public companies. The median CPO salary is "
     "$700,000.", []),
    ("In the UK, CPO pay runs from £120,000 to £180,000. The median CPO salary in the US is $250,000.", []),
    ("Base salary ranges from $180,000 to $230,000. Total compensation, with bonus and equity, has a median of "
     "$400,000.", []),
])
def test_a_median_outside_the_range_for_the_same_pay(text, expected):
    found = [d for d in lint("# Chief Product Officer Salary\n\n" + text + "\n", "a.md") if d.code == "C012"]
    assert [d.line - 2 for d in found] == expected


def test_a_funding_stage_or_an_industry_named_in_prose_is_a_population_of_its_own():
    head = "# Chief Technology Officer Salary\n\nThe median CTO salary in the US is $245,000.\n\n"
    segments = ("At Series B companies, the median CTO salary is about $230,000, while at public companies the "
                "median is $320,000.\n\nFor seed-stage startups the median CTO base is $160,000.\n\n"
                "In fintech, the median CTO salary is $280,000; in healthcare it is $250,000.\n")
    assert not [d for d in lint(head + segments, "a.md") if d.code == "C003"]
    # The same segment twice, with two medians: a contradiction within it.
    twice = head + ("At Series B companies, the median CTO salary is $230,000.\n\n"
                    "Series B CTOs earn a median of $260,000.\n")
    found = [d for d in lint(twice, "a.md") if d.code == "C003"]
    assert [(d.line, d.data["population"]) for d in found] == [(5, "US, series B companies")]


def test_quartiles_are_percentiles_and_a_minoritys_ask_is_no_requirement():
    head = "# Chief Product Officer\n\nThe median CPO salary in the US is $240,000.\n\n"
    found = lint(head + "CPOs in the top quartile earn upwards of $210,000.\n", "a.md")
    assert [(d.code, d.data["claims"][1]["statistic"]) for d in found if d.code == "C004"] == [("C004", "top 25%")]
    assert not [d for d in lint(head + "CPOs in the top quartile earn over $300,000.\n", "a.md") if d.code == "C004"]
    years = "Employers want no fewer than 10 years of product experience. {other} a minimum of 6 years of product " \
            "experience.\n"
    assert [d.code for d in lint(head + years.format(other="Others ask for"), "a.md") if d.code == "C001"] == ["C001"]
    for other in ("A few ask for", "Some startups accept"):
        assert not [d for d in lint(head + years.format(other=other), "a.md") if d.code == "C001"]


def test_an_hourly_figure_at_the_working_week_the_sentence_states():
    head = "# Chief Product Officer Salary\n\n"
    # £60 x 37.5 hours x 52 weeks = £117,000; $120 x 32 hours x 50 weeks = $192,000.
    stated = ("In the UK, an interim CPO bills about £60 an hour, or roughly £117,000 a year at 37.5 hours a week.\n\n"
              "A contract CPO in the US charges $120 an hour, which is about $192,000 a year at 32 hours a week.\n\n"
              "A head of product earns around £46 an hour, or about £90,000 per annum on a 37.5-hour week.\n")
    assert not [d for d in lint(head + stated, "a.md") if d.code == "C002"]
    # Without a stated week, 2,080 hours; the message keeps the figures' currency.
    found = [d for d in lint(head + "An interim CPO bills £60 an hour, or roughly £140,000 a year.\n", "a.md")
             if d.code == "C002"]
    assert [d.message for d in found] == [
        "hourly and annual figures disagree: £60/hour x 2,080 hours = £124,800, not £140,000 (that would be "
        "£67.31/hour)"]


def test_a_typical_figure_for_any_roles_plural_and_a_minority_that_will_consider_less():
    head = "# Chief Operating Officer\n\nThe COO runs the business day to day.\n\n"
    years = "COOs need at least 15 years of experience. {other} as little as 8 years of experience.\n"
    assert [d.code for d in lint(head + years.format(other="Boards accept candidates with"), "a.md")
            if d.code == "C001"] == ["C001"]
    for other in ("Some boards will consider candidates with", "A few boards may interview people with"):
        assert not [d for d in lint(head + years.format(other=other), "a.md") if d.code == "C001"]
    # "Most COOs have ...": a typical career, any role's plural (it was the bundled roles' only).
    typical = "Most COOs have at least 15 years of experience. The role requires 8 years of experience.\n"
    assert not [d for d in lint(head + typical, "a.md") if d.code == "C001"]


@pytest.mark.parametrize("sentence, flagged", [
    ("Contract COOs bill about $150 an hour, which works out to roughly $90,000 a year.", True),
    ("Interim COOs bill around $120 an hour, which comes to about $249,600 a year.", False),
    ("An interim COO's $150 an hour translates into $312,000 a year.", False),
    # Two figures that restate nothing: a rate, and a budget.
    ("A COO on $120 an hour works out the plan for the year, and the company spends $40,000 a year on tools.", False),
])
def test_an_annual_figure_the_hourly_one_works_out_to(sentence, flagged):
    found = [d for d in lint(f"# Chief Operating Officer Pay\n\n{sentence}\n", "a.md") if d.code == "C002"]
    assert bool(found) == flagged


def test_years_in_senior_roles_of_a_function_are_leadership_years():
    head = "# Chief Marketing Officer\n\nThe CMO leads marketing.\n\n"
    text = ("Employers look for 8+ years of marketing leadership. The role calls for a minimum of ten years in "
            "senior {roles}.\n")
    found = [d for d in lint(head + text.format(roles="marketing roles"), "a.md") if d.code == "C001"]
    assert [d.data["scope"] for d in found] == ["leadership"]
    # Years in marketing at large are another scope than years leading it.
    assert not [d for d in lint(head + text.replace("in senior {roles}", "in marketing"), "a.md") if d.code == "C001"]


def test_outside_london_is_its_own_population_and_a_heads_plural_is_the_role():
    text = ("# Head of Product Salary Guide\n\nIn London, heads of product earn £120k–£150k p.a., with a median of "
            "£135k. Outside London the median is £95k.\n\nThe median head of product salary in London is £160k.\n")
    found = [(d.code, d.data.get("population")) for d in lint(text, "a.md") if d.code in ("C003", "C012")]
    # The London medians disagree (the plural names the role, as the singular does); the median
    # outside London is no third London median.
    assert sorted(c for c, _ in found) == ["C003", "C012"]
    assert all(p in (None, "London, UK") for _, p in found)


CPO_REPORTING = ("# Chief Product Officer\n\nThe chief product officer (CPO) owns the product strategy.\n\n{line}\n\n"
                 "In most companies, the CPO reports to the COO.\n")
CDO_REPORTING = "# Chief Data Officer\n\nThe CDO usually reports to the CEO.\n\n{line}\n"


@pytest.mark.parametrize("article, line, flagged", [
    (CPO_REPORTING, "The CPO reports up to the CEO.", True),
    (CPO_REPORTING, "The CPO sits under the chief executive.", True),
    (CPO_REPORTING, "The CPO is a direct report of the CEO.", True),
    # Traps: pressure is no boss, and accountability to the board is no reporting line.
    (CPO_REPORTING, "The CPO sits under a lot of pressure from the CEO.", False),
    (CPO_REPORTING, "The CPO is accountable to the board for results.", False),
    # Other chiefs as bosses.
    (CDO_REPORTING, "Most CDOs we surveyed said they report directly to the CIO.", True),
    (CDO_REPORTING, "In our survey, the CDO answers to the chief information security officer.", True),
    (CDO_REPORTING, "The CDO reports to the general counsel.", True),
    # Traps: a kind of employer set apart first, or the other boss said to be the exception.
    (CDO_REPORTING, "In banking, the CDO answers to the chief risk officer.", False),
    (CDO_REPORTING, "In regulated industries such as insurance, the CDO answers to the CIO.", False),
    (CDO_REPORTING, "At some firms the CDO answers to the CIO instead.", False),
])
def test_reporting_lines_in_other_words(article, line, flagged):
    assert bool(lint(article.format(line=line), "a.md", select=["C007"])) == flagged


def test_a_budget_revenue_or_funding_figure_is_no_ones_pay():
    text = ("# Chief Product Officer Salary Guide\n\n## Salary\n\n"
            "The average chief product officer salary in the United States is $240,000 a year.\n\n"
            "## Responsibilities\n\n"
            "The average product budget a CPO controls is $6 million, and the median R&D spend at mid-sized "
            "software firms is $20 million.\n\n"
            "Companies that raised a Series B round of $30 million or more tend to hire a CPO soon after.\n\n"
            "A CPO owns a budget of $4 million to $12 million a year.\n")
    # Before: C003 (an average of $240,000 against one of $6 million) and two C010.
    assert lint(text, "a.md", select=["contradiction"]) == []
    # Traps: pay named after a budget or revenue, a raise, a contract rate, equity, and a CRO's own line.
    pay = ("# Chief Revenue Officer Pay\n\n## Salary\n\n"
           "At companies with more than $50 million in revenue, CROs earn a median of $310,000 a year.\n\n"
           "CROs who own a revenue budget make a median of $280,000.\n\n"
           "- Chief Revenue Officer: a median of $250,000\n")
    diags = lint(pay, "a.md", select=["C003"])
    assert [(d.line, d.code) for d in diags] == [(5, "C003")]
    assert [c["text"] for c in diags[0].data["claims"]] == ["$310,000", "$280,000", "$250,000"]


def test_the_years_before_a_promotion_are_not_experience_in_the_promotions_field():
    text = ("# Director of Operations\n\nMost employers ask for at least eight years of experience.\n\n"
            "Candidates typically need five years of experience before they are considered for a director title.\n")
    (diag,) = lint(text, "a.md", select=["C001"])
    assert [c["text"] for c in diag.data["claims"]] == ["at least eight years", "five years"]
    # The field named before "before" still scopes the years.
    led = text.replace("five years of experience before", "five years in leadership before")
    assert lint(led, "a.md", select=["C001"]) == []


@pytest.mark.parametrize("written, low, high", [
    ("£85–110k", 85_000, 110_000),
    ("$150K-200K", 150_000, 200_000),
    ("$120k - 150k", 120_000, 150_000),
    ("$180,000-240,000", 180_000, 240_000),
])
def test_a_range_written_with_one_currency_sign_is_a_range(written, low, high):
    sign = written[0]
    text = (f"# Head of Finance\n\n## Salary\n\nHeads of finance in London earn {written} base.\n\n"
            f"The median salary for a head of finance in London is {sign}300,000.\n")
    (diag,) = lint(text, "a.md", select=["C012"])
    assert [c["amount"] for c in diag.data["claims"][:2]] == [low, high]
    # A percentage or a span of years after a figure and a dash is no high end.
    assert lint("# Head of Finance\n\nPay rose by $5-10% a year, to a median of $150,000.\n", "a.md",
                select=["contradiction"]) == []


def test_years_post_qualification_are_experience():
    text = ("# Head of Finance\n\nMost employers ask for 7+ years post-qualification experience.\n\n"
            "Later in the process, many firms insist on a minimum of ten years post-qualification.\n")
    (diag,) = lint(text, "a.md", select=["C001"])
    assert [c["text"] for c in diag.data["claims"]] == ["7+ years", "a minimum of ten years"]


def test_years_in_a_row_are_no_experience():
    text = ("# Head of Customer Success\n\nMost companies ask for 8+ years in customer-facing roles.\n\n"
            "The function has grown five years in a row at most subscription companies.\n")
    assert lint(text, "a.md", select=["C001"]) == []
    # Five years of experience asked for still conflicts with the eight.
    asked = text.replace("The function has grown five years in a row at", "Five years of experience are enough at")
    assert [c["text"] for c in lint(asked, "a.md", select=["C001"])[0].data["claims"]] == ["8+ years", "Five years"]


@pytest.mark.parametrize("rest,conflict", [
    # Another seniority named before the years: another population.
    ("; senior roles ask for at least 7 years.", False),
    ("; more senior positions require at least 7 years.", False),
    ("; mid-level hires need at least 7 years.", False),
    ("; most employers ask for at least 7 years.", True),
    ("; the role needs at least 7 years.", True),
    ("; as a senior-level position, the role needs at least 7 years.", True),  # the role itself
    # Named after them: the seniority's years, not the role's.
    (". Employers ask for at least 7 years of experience in product for senior roles.", False),
    (". Employers ask for at least 7 years of experience in product for a senior position.", False),
    (". Employers ask for at least 7 years of experience in product for most mid-level openings.", False),
    (". Employers ask for at least 7 years of experience in product for the role.", True),
])
def test_the_years_another_seniority_asks_for_are_theirs(rest, conflict):
    text = f"# Product Manager\n\n## Qualifications\n\nMost hiring managers want 3-5 years of experience in product{rest}\n"
    assert bool(lint(text, "a.md", select=["C001"])) is conflict


@pytest.mark.parametrize("sentence,role", [
    ("Employers ask for at least 7 years of experience for senior roles.", "senior role"),
    ("Expect to need 2 years of design work for a mid-level role.", "mid-level role"),
    ("Employers ask for at least 7 years of experience for a senior role like this one.", "self"),  # the role itself
    ("Employers ask for at least 7 years of experience. Junior roles are open to graduates.", "self"),  # another sentence
    ("Employers ask for at least 7 years of experience in a senior role.", "self"),  # where the years were spent
])
def test_whose_years_a_seniority_after_them_names(sentence, role):
    from cpolint.analysis.claims import _experience_claims

    assert _experience_claims(sentence, None)[0]["role"] == role


def test_a_scope_carries_on_only_to_the_same_roles_years():
    text = ("# Product Manager\n\n## Qualifications\n\nMost hiring managers want 2-4 years of experience in "
            "engineering. Employers ask for at least 6 years of experience for senior roles. "
            "Senior positions need at least 9 years of experience.\n")
    (diag,) = lint(text, "a.md", select=["C001"])
    assert [c["text"] for c in diag.data["claims"]] == ["at least 6 years", "at least 9 years"]


def test_one_seniority_by_any_noun_is_one_population():
    text = ("# Product Manager\n\n## Qualifications\n\nSenior positions ask for at least 6 years of experience. "
            "Employers require at least 9 years of experience for senior roles.\n")
    (diag,) = lint(text, "a.md", select=["C001"])
    assert [c["text"] for c in diag.data["claims"]] == ["at least 6 years", "at least 9 years"]
    assert "for a senior role" in diag.message


@pytest.mark.parametrize("low,high,median,amounts", [
    ("150,000 EUR", "220,000 EUR", "240,000 EUR", [150_000, 220_000, 240_000]),  # the code after the number
    ("CHF 200,000", "CHF 300,000", "CHF 320,000", [200_000, 300_000, 320_000]),
    ("₹40 lakh", "₹1.2 crore", "₹1.5 crore", [4_000_000, 12_000_000, 15_000_000]),
    ("Rs 40 lakhs", "INR 1.2 crore", "Rs 1.5 crore", [4_000_000, 12_000_000, 15_000_000]),
    ("C$180,000", "C$260,000", "C$270,000", [180_000, 260_000, 270_000]),
    ("A$200,000", "A$300,000", "A$320,000", [200_000, 300_000, 320_000]),
])
def test_pay_in_other_currencies_and_their_multipliers(low, high, median, amounts):
    text = f"# Chief Technology Officer\n\n## Salary\n\nCTO pay ranges from {low} to {high} a year. The median is {median}.\n"
    (diag,) = lint(text, "a.md", select=["C012"])
    assert [(c["text"], c["amount"]) for c in diag.data["claims"]] == list(zip([low, high, median], amounts))
    # Within the range: no finding.
    assert lint(text.replace(f"is {median}", f"is {low}"), "a.md", select=["C012"]) == []


def test_lakhs_per_annum_and_what_is_no_currency():
    from cpolint.analysis.claims import _salary_claims

    found = _salary_claims("Freshers earn ₹6–10 LPA, and the average is Rs 14 lakh per annum.", None)
    assert [(c["amount"], c["currency"], c["period"], c["range"]) for c in found] == [
        (600_000, "INR", "year", "low"), (1_000_000, "INR", "year", "high"), (1_400_000, "INR", "year", None)]
    assert _salary_claims("He lost 10 pounds, lives 5 CAD blocks away and has 12 yrs 5 months in the job.", None) == []
    # Thousands written with dots, as much of Europe does: "200.000 EUR" was 200 euros a year.
    found = _salary_claims("CFO pay: 200.000 EUR a year, and the median is €95.000; $1.2 million at the top.", None)
    assert [c["amount"] for c in found] == [200_000, 95_000, 1_200_000]


def test_answering_to_the_board_when_things_go_wrong_is_no_reporting_line():
    text = ("# Chief Information Security Officer\n\nThe CISO sets security policy and answers to the board when "
            "something goes wrong.\n\nCISOs usually report to the CIO.\n")
    assert lint(text, "a.md", select=["C007"]) == []
    # Answering to the board for the programme, or plainly, is a reporting line.
    for said in ("answers to the board for the security programme", "answers to the board"):
        assert [d.code for d in lint(text.replace("answers to the board when something goes wrong", said), "a.md",
                                     select=["C007"])] == ["C007"], said


@pytest.mark.parametrize("said", ["five-plus years", "5-plus years", "5+ years", "five or more years"])
def test_a_minimum_written_with_plus_after_the_number(said):
    text = (f"# Sales Engineer\n\n## Qualifications\n\nMost employers require {said} of experience in sales "
            "engineering.\n\nHiring managers require at least 10 years of experience in sales engineering.\n")
    (diag,) = lint(text, "a.md", select=["C001"])
    assert [c["text"] for c in diag.data["claims"]][0].startswith(said.split(" years")[0])


def test_a_figure_after_an_abbreviation_stays_in_its_sentence():
    # "approx." ended the sentence: the median lost its "median", the range its "CTO pay".
    text = ("# Chief Technology Officer\n\n## Salary\n\nCTO pay ranges from approx. $200,000 to $300,000 a year. "
            "The median is approx. $350,000.\n")
    assert [c["text"] for c in lint(text, "a.md", select=["C012"])[0].data["claims"]] == ["$200,000", "$300,000",
                                                                                         "$350,000"]


def test_a_titles_count_against_the_list_under_its_introduction():
    items = "".join(f"- **Skill {k}.** A sentence about skill {k}.\n" for k in range(1, 10))
    text = ("# 10 Skills Every Machine Learning Engineer Needs\n\nThese are the skills hiring managers look for.\n\n"
            + items + "\n## Final thoughts\n\nPick two.\n")
    (diag,) = lint(text, "a.md", select=["C006"])
    assert (diag.line, diag.data["stated"], diag.data["found"], diag.data["items"]) == (1, 10, 9, "list items")
    assert lint(text.replace("# 10 Skills", "# 9 Skills"), "a.md", select=["C006"]) == []
    # A list further down, under a section of its own, is no count of the title's.
    apart = text.replace("These are the skills hiring managers look for.\n\n", "Intro.\n\n## The list\n\n")
    assert lint(apart, "a.md", select=["C006"]) == []


def test_a_range_that_starts_at_one_figure_and_tops_out_at_another():
    text = ("# Chief Data Officer\n\n## Salary\n\nSalaries for chief data officers start at $190,000 and top out at "
            "around $350,000 in the United States.\n\nThe median chief data officer salary in the United States is "
            "$380,000.\n")
    (diag,) = lint(text, "a.md", select=["C012"])
    assert [c["text"] for c in diag.data["claims"]] == ["$190,000", "$350,000", "$380,000"]


def test_a_bonus_item_after_the_counted_ones_is_no_miscount():
    text = ("# Chief Product Officer\n\nHere are three questions to ask in your first interview:\n\n"
            "- Who owns pricing?\n- How many product managers report to the role?\n- What did the last CPO get wrong?\n"
            "- Bonus: what does the board expect in year one?\n\n"
            "## Three habits of good CPOs\n\n### Writing\n\nThey write.\n\n### Listening\n\nThey listen.\n\n"
            "### Deciding\n\nThey decide.\n\n### Bonus habit: resting\n\nThey rest.\n")
    assert lint(text, "a.md", select=["C006"]) == []
    # Four questions that are not a bonus still miscount.
    plain = text.replace("- Bonus: what", "- And what")
    assert [d.line for d in lint(plain, "a.md", select=["C006"])] == [3]


@pytest.mark.parametrize("text, codes", [
    # "10 percent" is the top tenth as "10%" is.
    ("CNOs make a median of $215,000 a year. The highest-paid 10 percent earn more than $190,000.", ["C004"]),
    ("CNOs make a median of $215,000 a year. The top 10 per cent earn more than $290,000.", []),
    # A restatement further on, said as one: "..., which works out to roughly ...".
    ("Interim CNOs earn $120 an hour, which is typical, which works out to roughly $150,000 a year.", ["C002"]),
    ("$120 an hour is typical, which works out to roughly $249,600 a year.", []),
    # Trap: two populations' figures side by side are no restatement.
    ("Agency nurses earn $60 an hour at the same centres, while staff nurses earn about $90,000 a year.", []),
])
def test_pay_in_other_words_percent_and_restated_further_on(text, codes):
    assert [d.code for d in lint(f"# Chief Nursing Officer\n\n{text}\n", "a.md", select=["contradiction"])] == codes


@pytest.mark.parametrize("second, conflict", [
    ("Most CNOs report to the chief operating officer.", True),
    ("Most CNOs work closely with the chief operating officer.", False),  # no reporting line
])
def test_working_for_a_chief_is_a_reporting_line(second, conflict):
    text = ("# Chief Nursing Officer\n\nIn most hospitals the CNO works directly for the chief executive. Many CNOs "
            f"previously worked for a hospital group.\n\n{second}\n")
    assert bool(lint(text, "a.md", select=["C007"])) is conflict


def test_a_sentence_that_waives_a_degree_twice_is_one_finding():
    text = ("# Chief Nursing Officer\n\nA master's degree in nursing is mandatory for nearly every CNO post. Some "
            "trusts appoint a nurse director without a master's, so the degree is not strictly required.\n")
    (diag,) = lint(text, "a.md", select=["C008"])
    assert [c["text"] for c in diag.data["claims"]] == ["master's degree", "master's"]


@pytest.mark.parametrize("second, conflict", [
    ("At startups, an MBA is optional.", False),  # another kind of employer than the first
    ("An MBA is optional.", True),  # the general rule against the large firms' requirement
    ("An MBA helps in some companies but is not required.", True),
])
def test_a_degree_required_by_one_kind_of_employer_and_waived_by_another(second, conflict):
    text = f"# Chief Product Officer\n\nAn MBA is essential for CPO roles at large enterprises. {second}\n"
    assert bool(lint(text, "a.md", select=["C008"])) is conflict


def test_a_tables_median_outside_the_range_in_its_row():
    text = ("# CPO Salary\n\n| Country | Median salary | Range |\n|---|---|---|\n"
            "| United States | $245,000 | $180,000 - $320,000 |\n| United Kingdom | £150,000 | £110,000 - £140,000 |\n")
    (diag,) = lint(text, "a.md", select=["C012"])
    assert (diag.line, [c["text"] for c in diag.data["claims"]]) == (6, ["£110,000", "£140,000", "£150,000"])
    # Trap: a header that names no pay ("Deal size") says nothing of a median's range.
    assert lint(text.replace("Median salary", "Median deal").replace("Range", "Deal size"), "a.md", select=["C012"]) == []


@pytest.mark.parametrize("second, conflict", [
    ("A bachelor's degree in a related field is enough to practice as an occupational therapist.", True),
    ("A bachelor's degree suffices in most states.", True),
    ("A bachelor's degree was once enough, but that changed in 2007.", False),  # the past
    ("A bachelor's degree is not enough to practice.", False),
    ("A bachelor's degree is enough to start as an occupational therapy assistant.", False),  # another job
    ("For entry-level posts, a bachelor's degree is usually sufficient.", False),  # a narrower one
    ("A master's degree is enough to practice in every state.", False),  # the level required
])
def test_a_lower_degree_said_to_be_enough_where_a_higher_one_is_required(second, conflict):
    text = ("# Occupational Therapist Career Guide\n\nAn occupational therapist helps people do everyday tasks.\n\n"
            "## Education\n\nNew occupational therapists need a master's degree from an accredited program.\n\n"
            f"{second}\n")
    found = lint(text, "a.md", select=["C008"])
    assert bool(found) is conflict
    if conflict:
        assert [(c["status"], c["degree"]) for c in found[0].data["claims"]] == [
            ("required", "master"), ("sufficient", "bachelor")]


@pytest.mark.parametrize("sentence, flagged", [
    # The top tenth is named in the next clause: the range is most earners'.
    ("Most earn between $63,000 and $88,000 a year; the top tenth earns more than $123,000.", True),
    ("Most earn between $63,000 and $88,000, and the top tenth earns more than $123,000.", True),
    # The narrower group is the range's own clause's.
    ("Senior therapists earn between $98,000 and $130,000; most earn less.", False),
    ("Pay runs from $98,000 to $130,000 for senior therapists, and most earn less.", False),
])
def test_a_group_named_in_another_clause_does_not_narrow_the_range(sentence, flagged):
    text = f"# Occupational Therapist Salary\n\n{sentence} The median pay is $93,000.\n"
    assert bool(lint(text, "a.md", select=["C012"])) is flagged


def test_the_same_median_said_twice_outside_a_range_is_told_once():
    text = ("# Occupational Therapist Salary\n\nThe median pay is $93,000.\n\nMost earn between $63,000 and $88,000 "
            "a year.\n\nAgain, the median pay is $93,000.\n")
    (diag,) = lint(text, "a.md", select=["C012"])
    assert [c["line"] for c in diag.data["claims"]] == [5, 5, 3]  # the range, then the first median


def test_a_degree_said_to_be_enough_against_two_requirements_is_one_finding():
    text = ("# Dietitian\n\nYou need a master's degree to sit the exam.\n\nSince 2024, candidates need a graduate "
            "degree to be eligible.\n\nA bachelor's degree in nutrition is sufficient to sit the exam.\n")
    (diag,) = lint(text, "a.md", select=["C008"])
    assert [(c["line"], c["text"]) for c in diag.data["claims"]] == [(3, "master's degree"), (7, "bachelor's degree")]


@pytest.mark.parametrize("text, conflict", [
    ("Most employers require a bachelor's degree. Still, a degree isn't strictly necessary.", True),
    ("Degrees aren't always needed, and a degree is not required by most startups.", False),
])
def test_a_degree_that_isnt_strictly_necessary_is_waived(text, conflict):
    assert bool(lint(f"# UX Researcher\n\n{text}\n", "a.md", select=["C008"])) is conflict


@pytest.mark.parametrize("second, codes", [
    ("Most data scientists earn between ₹6 lakh and ₹25 lakh per annum.", ["C012"]),  # rupees: India's pay
    ("Freshers start at around ₹5-8 LPA.", []),  # the starting range, not the role's
    ("In Mumbai, the median is ₹26 LPA.", []),  # a city's median, not a second national one
])
def test_rupee_figures_with_no_place_named_are_indias(second, codes):
    text = f"# Data Scientist Salary\n\nThe median salary of a data scientist in India is ₹30 LPA. {second}\n"
    assert [d.code for d in lint(text, "a.md", select=["contradiction"])] == codes


@pytest.mark.parametrize("second, flagged", [
    ("The highest-paid tenth make upwards of $95,000.", True),  # the top 10%, below the median
    ("The bottom quarter earn less than $125,000.", True),  # the bottom 25%, above it
    ("The top tenth earns more than $123,000.", False),
    ("The lowest-paid fifth earn under $80,000.", False),
])
def test_a_named_part_of_the_earners_is_a_percentile(second, flagged):
    text = f"# UX Researcher Salary\n\nThe median salary is $118,000. {second}\n"
    assert bool(lint(text, "a.md", select=["C004"])) is flagged


@pytest.mark.parametrize("rows, flagged", [
    ("| Experience | At least 3 years of experience |", True),  # the field's row: the role's years
    ("| Junior SRE | 0-2 years of experience |\n| Senior SRE | At least 5 years of experience |", False),  # by level
])
def test_a_tables_years_are_read_row_by_row(rows, flagged):
    text = ("# Site Reliability Engineer\n\nAn SRE keeps production systems available.\n\n| Item | Detail |\n|---|---|\n"
            f"{rows}\n\nMost SRE roles require a minimum of five years of experience.\n")
    assert bool(lint(text, "a.md", select=["C001"])) is flagged


@pytest.mark.parametrize("second, conflict", [
    ("The CMO rolls up to the chief revenue officer.", True),
    ("The CMO is managed by the chief revenue officer.", True),
    ("The CMO rolls out campaigns to the CEO's delight.", False),  # no reporting line
    ("Budgets roll up to the CFO.", False),  # not the role's
    ("Their team is managed by the CEO.", False),
])
def test_rolled_up_and_managed_by_are_reporting_lines(second, conflict):
    text = f"# Chief Marketing Officer\n\nA chief marketing officer leads marketing.\n\nMost CMOs report to the CFO. {second}\n"
    assert bool(lint(text, "a.md", select=["C007"])) is conflict


def test_rupees_in_indian_grouping_are_read():
    text = ("# Data Scientist Salary in India\n\nThe median salary of a data scientist in India is ₹12 LPA.\n\n"
            "Most earn between Rs 6,00,000 and Rs 9,50,000.\n")
    (diag,) = lint(text, "a.md", select=["C012"])
    assert [c["amount"] for c in diag.data["claims"]] == [600000.0, 950000.0, 1200000.0]
