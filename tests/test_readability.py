"""Readability: figures equal textstat's on the same text, offline, per section, and the rules."""

from __future__ import annotations

import json
import textwrap

import pytest

from conftest import REPO, SEEDS, lint, needs_seeds, run_cli

ARTICLE = textwrap.dedent("""\
    # Chief Product Officer

    A chief product officer leads the product team. The CPO decides what the company builds next
    and explains why to the board, the sales team and the engineers who will build it.

    ## Responsibilities

    - Set the product strategy
    - Own the roadmap and the trade-offs in it

    Rewrite this section to 300 words and add tags to the text.

    ## Salary

    Chief product officers are paid well. The median base salary in the United States is about
    $220,000 a year, and equity is often granted on top of it.
""")


def _figures(text, name="a.md"):
    from cpolint.config import Settings
    from cpolint.linter import lint_text
    from cpolint.readability.measure import readable_blocks, readable_sentences, text_for_scores

    doc, outcome, engine = lint_text(name, text, Settings())
    ctx = doc.analyses["context"]
    measured = text_for_scores(readable_sentences(ctx, readable_blocks(ctx)))
    return doc.analyses["readability"], measured


def test_scores_match_textstat_called_directly_on_the_same_text():
    figures, text = _figures(ARTICLE)
    # The instruction and the headings are not part of the measured text.
    assert "Rewrite this section" not in text and "Responsibilities" not in text
    assert text.splitlines()[1] == "Set the product strategy."
    from cpolint.readability.offline import textstat

    ts = textstat()
    expected = {
        "flesch_reading_ease": ts.flesch_reading_ease(text),
        "flesch_kincaid_grade": ts.flesch_kincaid_grade(text),
        "gunning_fog": ts.gunning_fog(text),
        "smog_index": ts.smog_index(text),
        "coleman_liau_index": ts.coleman_liau_index(text),
        "automated_readability_index": ts.automated_readability_index(text),
        "dale_chall_readability_score": ts.dale_chall_readability_score(text),
    }
    for name, value in expected.items():
        assert figures.scores[name] == pytest.approx(round(value, 2)), name
    assert figures.words == 72 and figures.sentences == 6  # counted by hand; "$220,000" is one word
    assert figures.passive_voice_share == pytest.approx(round(2 / 6, 3))  # "are paid", "is often granted"


def test_model_output_is_left_out_of_the_figures_whatever_rules_run():
    # E002 and readability share one search for a model's words to its user; readability
    # leaves those sentences out even when E002 is not selected.
    from cpolint.config import Settings
    from cpolint.linter import lint_text
    from cpolint.readability.measure import readable_blocks, readable_sentences, text_for_scores

    article = ARTICLE.replace("Chief product officers are paid well.",
                              "Chief product officers are paid well. I hope this helps!")
    for settings in (Settings(), Settings(ignore=["E002"])):
        doc, outcome, _ = lint_text("a.md", article, settings)
        ctx = doc.analyses["context"]
        measured = text_for_scores(readable_sentences(ctx, readable_blocks(ctx)))
        assert "I hope this helps" not in measured and "are paid well." in measured
        assert ("E002" in {d.code for d in outcome.diagnostics}) == (not settings.ignore)


def test_the_offline_dictionary_gives_cmudict_syllables():
    from cpolint.readability.offline import syllable_table

    table = syllable_table()
    assert table["officer"] == 3 and table["product"] == 2 and table["chief"] == 1
    assert len(table) > 100_000


def test_the_whole_cli_runs_with_sockets_blocked(tmp_path):
    """No network at lint time: any socket connection attempt fails the run loudly."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(textwrap.dedent("""\
        import socket
        def _blocked(*args, **kwargs):
            raise RuntimeError("cpolint tried to use the network")
        socket.socket.connect = _blocked
        socket.socket.connect_ex = _blocked
        socket.create_connection = _blocked
        socket.getaddrinfo = _blocked
    """))
    (tmp_path / "a.md").write_text(ARTICLE)
    env = {"PYTHONPATH": str(guard), "CPOLINT_DATA_DIR": str(tmp_path / "data"), "NLTK_DATA": str(tmp_path / "none")}
    proc = run_cli("check", "a.md", "--no-cache", "--format", "json", cwd=tmp_path, env=env)
    assert b"network" not in proc.stderr, proc.stderr
    data = json.loads(proc.stdout)
    assert data["files"][0]["readability"]["flesch_kincaid_grade"] > 0
    assert (tmp_path / "data").exists()  # the syllable table was built from the cmudict package


def test_json_has_per_section_readability_and_the_rules_fire():
    long = ("The chief product officer coordinates organisational prioritisation across interdependent "
            "multidisciplinary departments, institutionalising accountability mechanisms. ") * 12
    text = f"# CPO\n\n## Responsibilities\n\n{long}\n\n## Salary\n\nThe pay is good. It is high.\n"
    diags = lint(text, "a.md", select=["R001", "R002", "R003", "R004", "R005"])
    codes = sorted({d.code for d in diags})
    assert codes == ["R001", "R002", "R004"]
    r002 = next(d for d in diags if d.code == "R002")
    assert r002.line == 3 and r002.data["section"] == "responsibilities"


@needs_seeds
def test_seed_002_sections_show_their_grades():
    proc = run_cli("check", str(SEEDS / "002_5cd6c14c1a5a1d78.txt"), "--no-cache", "--format", "json", cwd=REPO)
    data = json.loads(proc.stdout)
    sections = data["files"][0]["readability"]["sections"]
    ids = [s["id"] for s in sections]
    assert ids[:2] == ["overview", "responsibilities"] and "career-path" in ids
    assert all(s["flesch_kincaid_grade"] > 12 for s in sections)


def test_hyphenation_fallback_equals_pyphen():
    """Words missing from the CMU dictionary are counted as textstat does, with Pyphen."""
    import re

    import pyphen

    from cpolint.readability import formulas
    from conftest import CORPUS

    reference = pyphen.Pyphen(lang="en_US")
    words = set()
    for path in CORPUS.rglob("*.txt"):
        words.update(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]+", path.read_text()))
    words.update(["synergistically", "chatgpt", "cpo", "roadmapping", "okrs", "productization", "x", "ab"])
    for word in sorted(words):
        assert formulas._hyphenation_points(word) == len(reference.positions(word)), word


def test_counts_add_up_field_by_field():
    # Article and section figures add up per-block counts: total() writes the fields out, so
    # it must name every field of Counts.
    import dataclasses
    import random

    from cpolint.readability.formulas import Counts, total

    names = [f.name for f in dataclasses.fields(Counts)]
    rng = random.Random(4)
    for n in (0, 1, 7):
        parts = [Counts(**{name: rng.randint(0, 500) for name in names}) for _ in range(n)]
        summed = total(parts)
        assert {name: getattr(summed, name) for name in names} == \
            {name: sum(getattr(c, name) for c in parts) for name in names}


def test_a_reference_list_is_not_measured():
    text = (REPO / "corpus" / "readability" / "supply-chain-with-sources.txt").read_text(encoding="utf-8")
    assert lint(text, "a.txt", select=["R001"]) == []
    # The same lines under a heading that is no reference list's are measured (grade 13.0).
    (diag,) = lint(text.replace("\nSources\n", "\nMore\n"), "a.txt", select=["R001"])
    assert "grade 13.0" in diag.message
