"""Every corpus article yields exactly the diagnostics its .expected file lists: no more, no fewer."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from corpus_tools import actual_for, articles, describe, expected_for

ARTICLES = articles()


def test_the_corpus_is_not_empty():
    assert len(ARTICLES) >= 10


@pytest.mark.parametrize("article", ARTICLES, ids=[str(a.relative_to(CORPUS)) for a in ARTICLES])
def test_corpus_article(article):
    expected = expected_for(article)
    got, diagnostics = actual_for(article)
    missing = describe(expected - got)
    unexpected = describe(got - expected)
    if missing or unexpected:
        detail = "\n".join(f"  {d.line}-{d.end_line} {d.code} {d.message}" for d in diagnostics)
        pytest.fail(f"missing: {missing}\nunexpected: {unexpected}\nall findings:\n{detail}")


def test_no_false_missing_section_report_on_the_corpus():
    from missing_sections import evaluate

    results = evaluate()
    corpus = results["corpus"]
    assert corpus["false"] == [], corpus["false"]
    assert corpus["recall"] == 1.0, corpus["missed"]
    if "seeds" in results:
        assert results["seeds"]["false"] == [] and results["seeds"]["missed"] == []
