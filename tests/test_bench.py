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
