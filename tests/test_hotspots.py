"""bench/hotspots.py: the per-phase split of a worker's time adds up and names the hot spots."""

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_hotspots_splits_all_of_a_workers_time():
    out = subprocess.run([sys.executable, str(REPO / "bench" / "hotspots.py"), str(REPO / "corpus"),
                          "--files", "8", "--top", "100"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    head, *rows = out.stdout.splitlines()
    assert re.match(r"8 articles: cpolint [\d.]+ ms an article, .*spaCy.s blank pipeline \+ sentencizer .* [\d.]+ ms$", head)
    shares = {}
    for row in rows:
        m = re.match(r"\s*([\d.]+) ms\s+([\d.]+)%  (.+)$", row)
        assert m, row
        shares[m.group(3)] = float(m.group(2))
    # Exclusive times: every phase, analysis and rule once, together the whole of the lint.
    assert 97 <= sum(shares.values()) <= 101, shares
    for name in ("parse", "sentences (cpolint's side)", "claims (contradiction rules' extraction)",
                 "prepare: boilerplate classifier", "readability figures (article and sections)",
                 "engine (context, filter, fingerprints)"):
        assert name in shares, (name, sorted(shares))
    assert any(re.match(r"C001 conflicting-experience-years$", name) for name in shares)
    assert sum(1 for name in shares if re.match(r"[BCERS]\d{3} ", name)) >= 30
