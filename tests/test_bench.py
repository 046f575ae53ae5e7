"""bench/bench.py's per-process probe: the yardstick and cpolint's own time, on folders with subfolders."""

import re
import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import bench  # noqa: E402


def test_the_per_process_probe_reads_corpus_subfolders_and_counts_its_findings(capsys):
    # corpus/ keeps its articles in subfolders: the probe must find them (a flat glob found none).
    bench.split_line(REPO / "corpus", 12, "probe: ")
    out = capsys.readouterr().out.strip()
    m = re.fullmatch(r"probe: spaCy tokenization \(blank pipeline \+ sentencizer\) ([\d.]+) ms/article "
                     r"\((\d+)k words/s\), cpolint beyond its own spaCy call \(([\d.]+) ms\) ([\d.]+) ms/article "
                     r"\(([\d.]+) ms per 1,000 words, ([\d.]+) findings per 1,000 words\), ratio ([\d.]+)x", out)
    assert m, out
    yard, rate, own, rest, per_kw, found_kw, ratio = map(float, m.groups())
    assert yard > 0 and rate > 0 and own > 0 and rest > 0 and per_kw > 0
    # The corpus is written to hold defects: several findings in every 1,000 words.
    assert found_kw >= 5, out
    assert abs(ratio - rest / yard) <= 0.02 * ratio + 0.01, out


def test_the_roles_probe_lints_the_generated_markdown_under_new_role_titles(tmp_path, capsys):
    bench.build_folder(tmp_path, 9, words=200)
    bench.roles_line(tmp_path, 3)
    out = capsys.readouterr().out.strip()
    m = re.fullmatch(r"a new role in every article \((\d+) Markdown articles, each titled with a role no bundled "
                     r"schema covers\): ([\d.]+) ms/article, one such role for all: ([\d.]+) ms/article, ratio "
                     r"([\d.]+)x \(\+(-?[\d.]+) ms for each new role, one process\)", out)
    assert m, out
    count, new, same, ratio, _ = m.groups()
    assert int(count) == 3 and float(new) > 0 and float(same) > 0
    assert abs(float(ratio) - float(new) / float(same)) <= 0.01 * float(ratio) + 0.01
