"""Which role schema an article gets: the bundled schema its title names, the generic schema
under the name of any other role a title names, or the default; what each says and checks."""

from __future__ import annotations

import pytest

from conftest import INTRO, lint, parse, run_json


def chosen(text: str, name: str = "article.md", schema=None):
    """The schema a document gets, with the run's configured schema if any."""
    from cpolint.config import Settings
    from cpolint.schema import schema_for_document

    found, error = schema_for_document(parse(text, name), Settings(schema=schema))
    assert error is None
    return found


def schema_of(text: str, name: str = "article.md", schema=None) -> str:
    return chosen(text, name, schema).name


@pytest.mark.parametrize("text, name, expected", [
    ("# What Does a Chief Technology Officer Do?\n\nBody.\n", "a.md", "cto"),
    ("---\ntitle: CMO Salary Guide\n---\n\nBody.\n", "a.md", "cmo"),
    ("<html><head><title>Head of Engineering careers</title></head><body><p>Body.</p></body></html>", "a.html",
     "cto"),
    # Plain text: the first short line that names a role, past a menu line.
    ("Home | Careers | Pay\nChief Marketing Officer: the complete guide\n" + INTRO, "a.txt", "cmo"),
    # Only above the prose: a later short line naming another role is not the title.
    ("Product leadership in 2026\n" + INTRO.format(role="CPO", area="product") + "Working with the CTO\n", "a.txt",
     "cpo"),
    # A newsletter's name as the H1, the article's title under it.
    ("# The Operator's Notebook\n\nSubscribe · Sign in\n\n## So You Want to Be a CTO\n\nBody.\n", "a.md", "cto"),
    # Two roles, or none: the default.
    ("# CPO vs CTO: who owns the roadmap?\n\nBody.\n", "a.md", "cpo"),
    ("# Product leadership careers\n\nBody.\n", "a.md", "cpo"),
    ("# How to become a Chief Product Officer\n\nBody.\n", "a.md", "cpo"),
])
def test_the_title_picks_the_bundled_schema_of_the_role_it_names(text, name, expected):
    assert schema_of(text, name) == expected

def test_a_configured_or_front_matter_schema_wins_over_the_title():
    text = "# What Does a Chief Technology Officer Do?\n\nBody.\n"
    assert schema_of(text, schema="cmo") == "cmo"
    assert schema_of("---\ncpolint: {schema: cmo}\n---\n" + text) == "cmo"

def test_missing_sections_name_the_role_of_the_title_and_json_gives_each_files_schema(tmp_path):
    (tmp_path / "cto.md").write_text("# Chief Technology Officer\n\n" + INTRO.format(role="CTO", area="engineering"))
    (tmp_path / "cpo.md").write_text("# Chief Product Officer\n\n" + INTRO.format(role="CPO", area="product"))
    _, data = run_json("cto.md", "cpo.md", "--select", "S001", cwd=tmp_path)
    assert data["schema"] == "cpo"  # the run's default
    assert {f["path"]: f["schema"] for f in data["files"]} == {"cto.md": "cto", "cpo.md": "cpo"}
    messages = {d["path"]: d["message"] for d in data["diagnostics"] if d["data"]["section"] == "salary"}
    assert "Chief Technology Officer" in messages["cto.md"] and "Chief Product Officer" in messages["cpo.md"]

@pytest.mark.parametrize("title, role, alias", [
    ("Chief Financial Officer: Role Guide", "Chief Financial Officer", "CFO"),
    ("becoming a chief human resources officer", "Chief Human Resources Officer", "CHRO"),
    ("What Does a CISO Do?", "CISO", "CISOs"),
    # Initials alone in the title: the long name the article spells out is the role's too.
    ("The CFO Job Nobody Describes Honestly", "CFO", "chief financial officer"),
    ("VP of Sales Salary Guide", "VP of Sales", "vice president of Sales"),
    ("Vice-President of Customer Success", "Vice President of Customer Success", "VPs of Customer Success"),
    ("Head of Design: job description", "Head of Design", "Heads of Design"),
    ("How to Become a Data Scientist", "Data Scientist", "Data Scientists"),
    # An adverb or a verb after the name is no part of it ("Head of Data Actually" was).
    ("What a Head of Data Actually Does", "Head of Data", "Heads of Data"),
    ("How Much a VP of Sales Really Makes", "VP of Sales", "VPs of Sales"),
    ("Why Every Data Scientist Needs SQL", "Data Scientist", "Data Scientists"),
    # Editors, writers and producers are jobs too (an editing career guide got the CPO schema).
    ("Managing Editor: Career Guide", "Managing Editor", "Managing Editors"),
    ("How to Become a Technical Writer", "Technical Writer", "Technical Writers"),
    # More jobs' nouns (an HR business partner guide got the CPO schema and its messages).
    ("HR Business Partner: Role, Skills and Salary", "HR Business Partner", "HR Business Partners"),
    ("How to Become an Account Executive", "Account Executive", "Account Executives"),
    ("Product Owner Career Guide", "Product Owner", "Product Owners"),
    ("What Does a Social Worker Do?", "Social Worker", "Social Workers"),
    ("Financial Advisor Salary Guide", "Financial Advisor", "Financial Advisors"),
    ("How To Become a Receptionist", "Receptionist", "Receptionists"),
    # A job's noun alone after "a"/"an" (they got the CPO schema).
    ("How to Become an Accountant", "Accountant", "Accountants"),
    ("What Does a Developer Do?", "Developer", "Developers"),
    ("Becoming a Consultant in 2026", "Consultant", "Consultants"),
    # A profession's name inside a longer word is not it ("Physiotherapist" was a Therapist).
    ("Physiotherapist Career Guide: Training, Pay and Daily Work", "Physiotherapist", "Physiotherapists"),
    ("Marketing Intern: What the Internship Involves", "Marketing Intern", "Marketing Interns"),
    # Two words joined by a slash are one name ("UX/UI Designer" was a UI Designer).
    ("UX/UI Designer: Career Guide for 2026", "UX/UI Designer", "UX/UI Designers"),
    # More jobs' nouns (a developer advocate guide got the CPO schema).
    ("Developer Advocate: What the Job Is and How to Get It", "Developer Advocate", "Developer Advocates"),
    ("Data Steward Career Guide", "Data Steward", "Data Stewards"),
    ("Research Fellow Salary Guide", "Research Fellow", "Research Fellows"),
])
def test_a_title_naming_a_role_no_bundled_schema_covers_gets_the_generic_schema_for_that_role(title, role, alias):
    schema = chosen(f"# {title}\n\nBody.\n")
    name, got, aliases = schema.name, schema.role, schema.aliases
    assert (name, got) == ("role", role) and alias in aliases

@pytest.mark.parametrize("text", [
    "# The Product Roadmap Playbook\n\nBody.\n",  # no role: the default, as before
    "# How to Lead a Team\n\nBody.\n",  # "Lead" as a verb, with nothing before it
    # Plural job nouns in a heading are duties, not the role: "Coach product managers".
    "Product leadership\n\nHire and coach product managers\n\n" + INTRO.format(role="CPO", area="product"),
    # A short paragraph (not a title or heading) naming a job title is not the title.
    "Guides for every stage\nMeet our senior data scientist.\n\n" + INTRO.format(role="CPO", area="product"),
    # The new nouns in their other senses: no name before them.
    "# Your Partner in Product Leadership\n\nBody.\n",
    "# The Executive Guide to Roadmaps\n\nBody.\n",
    "# Key Drivers of Product Growth\n\nBody.\n",
    "# A Lead Magnet for Product Teams\n\nBody.\n",  # a noun alone, but no job's
    "# A Manager's Guide to Roadmaps\n\nBody.\n",
    "# The Case for a Customer Advocate Program\n\nBody.\n",  # a programme, no job
    # A firm's or a publication's name over the article (the CPO guide under it got the
    # schema of a "Shaw Executive").
    "Hartley & Shaw Executive Search\n\nThe Chief Product Officer in 2026\n\n" + INTRO.format(role="CPO", area="product"),
    "# Product Manager Insights\n\nBody.\n",
])
def test_no_other_role_without_a_title_that_names_one(text):
    assert schema_of(text, "a.txt" if not text.startswith("#") else "a.md") == "cpo"

def test_the_generic_schema_speaks_of_the_role_and_carries_no_facts(tmp_path):
    (tmp_path / "cfo.md").write_text(
        "# Chief Financial Officer\n\nA chief financial officer (CFO) is the executive who runs the money of a "
        "company, from the plan to the audit, and reports to the chief executive officer.\n\n## Salary\n\n"
        "CFOs earn $9,000 a year, and each CFO needs at least 60 years of experience.\n")
    _, data = run_json("cfo.md", cwd=tmp_path)
    assert (data["files"][0]["schema"], data["files"][0]["role"]) == ("role", "Chief Financial Officer")
    found = {(d["code"], d["data"].get("section")) for d in data["diagnostics"]}
    # The definition paragraph names the role: the overview is covered.
    assert ("S001", "overview") not in found and ("S001", "skills") in found
    messages = [d["message"] for d in data["diagnostics"] if d["code"] in ("S001", "S002", "S003")]
    assert messages and all("Chief Product Officer" not in m for m in messages)
    assert any(m.endswith("readers miss what the role pays") or "the role" in m for m in messages)
    # No plausible ranges for a role the tool knows nothing about (C009/C010 need the schema's facts).
    assert not {"C009", "C010", "C011"} & {code for code, _ in found}

def test_schema_list_and_show_name_the_generic_schema():
    from conftest import run_cli

    listed = run_cli("schema", "list").stdout.decode()
    assert listed.splitlines()[-1].startswith("role ") and "cpo " in listed
    shown = run_cli("schema", "show", "role")
    assert shown.returncode == 0 and "\nschema: role\n" in shown.stdout.decode()


@pytest.mark.parametrize("name", ["cpo", "cto", "cmo", "role"])
@pytest.mark.parametrize("heading, section", [("What makes a great {role}?", "skills"),
                                              ("After the internship", "career-path"),
                                              ("Where the role leads", "career-path"),
                                              ("Where a {role} goes next", "career-path"),
                                              ("Four things every {role} needs", "skills"),
                                              ("Exams", "qualifications"),
                                              ("What the role covers", "responsibilities"),
                                              ("What boards look for", "qualifications"),
                                              ("What employers want", "skills"),
                                              ("Licensing and exams", "qualifications"),
                                              ("Where you can go from here", "career-path"),
                                              ("What you'll do", "responsibilities"),
                                              ("What You’ll Do", "responsibilities"),
                                              ("What we're looking for", "qualifications"),
                                              ("What We Are Looking For", "qualifications"),
                                              ("Where you'll work", "work-environment"),
                                              ("Where You Will Work", "work-environment"),
                                              ("Is it a good career?", "outlook"),
                                              ("Is the role a good career choice?", "outlook")])
def test_a_job_postings_headings_keep_their_apostrophes_and_still_name_sections(name, heading, section):
    from cpolint.schema import load_schema, other_role_schema

    schema = other_role_schema("Head of Design") if name == "role" else load_schema(name)
    role = {"cpo": "CPO", "cto": "CTO", "cmo": "CMO", "role": "Head of Design"}[name]
    assert section in schema.heading_sections(heading.format(role=role))


@pytest.mark.parametrize("heading", ["What makes a good CPO?", "Where you'll find the data", "A good career move: Series B"])
def test_near_miss_headings_name_no_outlook_or_workplace(heading):
    from cpolint.schema import load_schema

    found = load_schema("cpo").heading_sections(heading)
    assert "outlook" not in found and "work-environment" not in found
    assert "career-path" not in load_schema("cpo").heading_sections("Where the data goes next")
    assert load_schema("cpo").heading_sections("What the CPO needs from the CEO") == []
    assert load_schema("cpo").heading_sections("Exam tips") == []  # advice on sitting one
    assert load_schema("cpo").heading_sections("What investors look for in a startup") == []
    # What makes a great product is no skill of the role's.
    assert load_schema("cpo").heading_sections("What makes a great product?") == []


@pytest.mark.parametrize("title, section", [
    ("7 Skills Every Chief Marketing Officer Needs", "skills"),
    ("Top 10 CMO Responsibilities", "responsibilities"),
    ("5 Steps to Become a CMO", "career-path"),
    # A title that counts something no section is, or names more than one section, covers none.
    ("12 CMO Interview Questions", None),
    ("Seven Habits of Great CMOs", None),
])
def test_a_listicles_title_counts_the_items_of_the_section_it_covers(title, section):
    from conftest import parse

    from cpolint.analysis.sections import coverage
    from cpolint.schema import load_schema

    body = "".join(f"## {k}. Item {k}\n\nA sentence about item {k} that a reader can use.\n\n" for k in range(1, 5))
    doc = parse(f"---\ntitle: \"{title}\"\n---\n\nA short introduction for the reader.\n\n{body}", "a.md")
    found = [c.section for c in coverage(doc, load_schema("cmo")) if c.via == "title"]
    assert found == ([section] if section else [])


def test_a_title_naming_a_template_makes_only_its_example_section_a_template():
    from conftest import lint

    page = ("# Chief Product Officer Job Description Template\n\n"
            "## Chief Product Officer overview\n\nThe chief product officer leads the product function.\n\n"
            "## Job description example\n\n[Company Name] is hiring a CPO.\n\n### Responsibilities\n\n- Own the roadmap.\n\n"
            "## Chief Product Officer salary\n\nThe median CPO salary in the US is $235,000 a year.\n")
    missing = [d.data["section"] for d in lint(page, "a.md", select=["S001"])]
    assert "overview" not in missing and "salary" not in missing and "responsibilities" in missing
    (slot,) = lint(page, "a.md", select=["E005"])
    assert slot.severity == "info"
    # A page that is the template and nothing else keeps all of it a template.
    whole = "# Chief Product Officer Job Description Template\n\n[Company Name] is hiring a CPO.\n\n## Salary\n\nPay: [Salary range]\n"
    assert [d.severity for d in lint(whole, "a.md", select=["E005"])] == ["info", "info"]
    # The description's own heading is the role's name and "job description" (no "example"):
    # it is the template, the page's other sections the article's (they were all a template:
    # overview, responsibilities and salary missing).
    named = page.replace("## Job description example", "## Chief Product Officer job description")
    missing = [d.data["section"] for d in lint(named, "a.md", select=["S001"])]
    assert "overview" not in missing and "salary" not in missing and "responsibilities" in missing
    assert [d.severity for d in lint(named, "a.md", select=["E005"])] == ["info"]
    # A heading of advice about writing one names no description of its own.
    from cpolint.analysis.sections import _THE_DESCRIPTION

    assert _THE_DESCRIPTION.match("COO Job Description:") and not _THE_DESCRIPTION.match("How to write a CPO job description")


def test_each_other_role_gets_its_own_headings_and_shares_the_rest(tmp_path, monkeypatch):
    """A folder names a new role in nearly every title: the template's patterns that do not
    name the role are made once for all roles, and no prefilter file is written per role."""
    import os

    from cpolint import schema as schema_module

    monkeypatch.setenv("CPOLINT_DATA_DIR", str(tmp_path))
    tax = schema_module.other_role_schema("Tax Policy Manager")
    keys = tmp_path / "lexicon-keys"
    before = sorted(os.listdir(keys)) if keys.exists() else []
    audit = schema_module.other_role_schema("Internal Audit Director")
    after = sorted(os.listdir(keys)) if keys.exists() else []
    assert after == before
    # Each schema knows its own role's headings, and not the other's.
    assert "responsibilities" in tax.heading_sections("What does a Tax Policy Manager do?")
    assert "responsibilities" in audit.heading_sections("What Does an Internal Audit Director Do?")
    assert "responsibilities" not in tax.heading_sections("What does an Internal Audit Director do?")
    assert "overview" in audit.heading_sections("Who is an internal audit director")
    assert "overview" not in audit.heading_sections("Who is a tax policy manager")
    # The headings that do not name the role still count, for both.
    for schema in (tax, audit):
        assert "career-path" in schema.heading_sections("Career path")
        assert "outlook" in schema.heading_sections("Is it a good career?")
        assert schema.heading_sections("Lunch options nearby") == []
    # The same template pattern is one object for both roles (compiled once).
    shared = {id(p) for spec in tax.sections for p in spec.headings} & \
        {id(p) for spec in audit.sections for p in spec.headings}
    # (A pattern two sections share, "what employers look for", is one object too.)
    role_free = {str(p) for spec in tax.raw["sections"] for p in spec["headings"] if "{role}" not in str(p)}
    assert len(shared) == len(role_free) > 0


def test_a_title_case_line_above_the_byline_names_another_role():
    from conftest import REPO

    # A careers blog pasted as text, its lines without blank lines between them (the parser
    # reads its short lines as paragraphs): the title, in title case and without a sentence's
    # end, names the role.
    page = (REPO / "corpus" / "full" / "squarespace" / "data-scientist-guide.txt").read_text(encoding="utf-8")
    found = chosen(page, "a.txt")
    assert (found.name, found.role) == ("role", "Data Scientist")
    # A short line in sentence case there is a list's line or a sentence, not a title.
    sentence = page.replace("Data Scientist Career Guide: Skills, Pay and Progression",
                            "Coach product managers weekly")
    assert chosen(sentence, "a.txt").name == "cpo"


@pytest.mark.parametrize("title, role", [
    # A profession that is a role by itself, and a chief of staff (no "officer" in its name).
    ("How to Become a Pharmacist", "Pharmacist"),
    ("Nurse Practitioner Salary Guide", "Nurse Practitioner"),
    ("What Does a Chief of Staff Do?", "Chief of Staff"),
    ("Becoming an Architect in 2026", "Architect"),
    ("How to Become a Scrum Master in 2026", "Scrum Master"),
    ("General Counsel: What the Job Involves", "General Counsel"),
    ("Controller Job Description", "Controller"),
    # A chief named as the boss of the title's role is not its role.
    ("Executive Assistant to the CEO: Duties and Pay", "Executive Assistant"),
    ("Chief of Staff to the Chief Executive Officer", "Chief of Staff"),
    ("Reporting to the CEO: What a COO Does", "COO"),
    # A possessive, a plural (a duty or a group), or no profession at all: not the article's role.
    ("The Recruiter's Guide to Hiring Well", "Chief Product Officer"),
    ("How CPOs Work With Recruiters", "Chief Product Officer"),
    ("Product leadership careers", "Chief Product Officer"),
])
def test_a_title_naming_a_profession_gets_its_own_schema(title, role):
    assert chosen(f"# {title}\n\nThis guide explains the job.\n", "a.md").role == role


@pytest.mark.parametrize("title, named", [
    ("UX/UI Designer", "UX/UI designer"),
    ("Front-End Developer", "front-end developer"),
])
def test_a_role_named_with_a_slash_or_hyphen_is_found_in_headings_read_for_their_words(title, named):
    # Headings lose their punctuation when read ("what does a ux ui designer do"): the
    # overview and the duties under such headings were reported missing.
    text = (f"# {title}: Career Guide\n\n## What is a {named}?\n\nThey build the parts of a product people use.\n\n"
            f"## What does a {named} do?\n\nThey turn research into screens and work with engineers.\n")
    missing = {d.data["section"] for d in lint(text, "a.md", select=["S001"])}
    assert "overview" not in missing and "responsibilities" not in missing
    assert {"overview", "responsibilities"} <= {d.data["section"] for d in lint(
        text.replace(f"What is a {named}?", "Background").replace(f"What does a {named} do?", "Notes"),
        "a.md", select=["S001"])}


@pytest.mark.parametrize("title, role", [
    # A career article's title names its role whatever its noun (each got the CPO schema).
    ("How to Become a Sommelier", "Sommelier"),
    ("What Does a Florist Do?", "Florist"),
    ("Barber Career Guide", "Barber"),
    ("Becoming a Dog Groomer in 2026", "Dog Groomer"),
    ("How to Become a Successful Product Leader", "Product Leader"),  # praise is no part of it
    # Traps: no role in those shapes; the default schema stays.
    ("How to Become Data-Driven", "Chief Product Officer"),
    ("The Ultimate Career Guide", "Chief Product Officer"),
    ("Sample Job Description", "Chief Product Officer"),
])
def test_a_career_articles_title_names_its_role_whatever_its_noun(title, role):
    assert chosen(f"# {title}\n\nThis guide explains the job.\n", "a.md").role == role


def test_a_chief_of_staff_is_not_a_coo():
    from cpolint.schema import other_role_schema

    schema = other_role_schema("Chief of Staff")
    assert schema.aliases == ["Chiefs of Staff"]
    assert not schema.role_pattern.search("The COO runs operations.")


@pytest.mark.parametrize("title, heading, covered", [
    ("Occupational Therapist Career Guide", "Where therapists work", True),  # the role by its last word
    ("Occupational Therapist Career Guide", "Where occupational therapists work", True),
    ("Head of Engineering Career Guide", "Where engineering works", False),  # "of": no last-word name
])
def test_a_guides_headings_may_name_the_role_by_its_last_word(title, heading, covered):
    text = (f"# {title}\n\nThis guide covers the role, its pay and its prospects.\n\n## {heading}\n\n"
            "Most work in hospitals and schools, and some run their own practices.\n")
    found = {d.data.get("section") for d in lint(text, "a.md", select=["S003"])}
    assert ("work-environment" not in found) is covered


@pytest.mark.parametrize("heading, duties_covered", [
    ("What rad techs do", True),  # the other name the article's lead gives the role
    ("What does a rad tech do?", True),
    ("What radiologists do", False),  # another role
])
def test_another_name_the_lead_gives_the_role_counts_in_headings(heading, duties_covered):
    text = ("# Radiologic Technologist Career Guide\n\nRadiologic technologists, often called rad techs, take the X-rays "
            "and CT scans that doctors use to diagnose injuries and disease.\n\n"
            f"## {heading}\n\nThey position patients, set up the equipment and check each image.\n")
    found = {d.data.get("section") for d in lint(text, "a.md", select=["S001"])}
    assert "overview" not in found  # the lead describes the role, its other name set off by commas
    assert ("responsibilities" not in found) is duties_covered
