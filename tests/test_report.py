"""The HTML report, rendered in a real headless Chromium: content present, no console errors."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from conftest import CORPUS, SEEDS, run_cli


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CPOLINT_REQUIRE_CHROMIUM"):
        pytest.fail("headless Chromium is required here (.ci/run installs Debian's chromium package)")
    pytest.skip("no Chromium on this machine (Debian: apt-get install chromium)")


def render(page, tmp_path) -> tuple[str, str]:
    """(DOM after scripts ran, Chromium's log) for a local HTML file."""
    proc = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, timeout=120)
    return proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def console_errors(log: str) -> list[str]:
    return [line for line in log.splitlines()
            if "CONSOLE" in line and ("Uncaught" in line or ":ERROR:" in line or "error" in line.lower())]


def test_the_console_check_catches_a_broken_page(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><body><p>x</p><script>undefinedFunction();</script></body></html>")
    _, log = render(page, tmp_path)
    assert console_errors(log), log[-2000:]


def test_report_of_the_corpus_and_seeds_opens_in_chromium(tmp_path):
    paths = [str(CORPUS)] + ([str(SEEDS)] if SEEDS is not None else [])
    out = tmp_path / "report.html"
    proc = run_cli("report", *paths, "-o", str(out), "--jobs", "2", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    page = out.read_text(encoding="utf-8")
    # Self-contained: no external scripts, styles, fonts or images.
    assert "<link" not in page and "<script src" not in page and "<img" not in page
    # (An article's own markup, "background-image:url(https://...)", is shown escaped: only the
    # page's styles must load nothing.)
    styles = re.findall(r"<style[^>]*>(.*?)</style>", page, re.S) + re.findall(r'\sstyle="([^"]*)"', page)
    assert styles and not any("url(http" in style for style in styles)
    dom, log = render(out, tmp_path)
    assert console_errors(log) == [], log[-3000:]
    assert 'data-ready="yes"' in dom  # the page's script ran to the end
    articles = re.search(r'<table id="articles".*?<tbody>(.*?)</tbody>', dom, re.S).group(1)
    count = len(re.findall(r"<tr>", articles))
    expected = sum(1 for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md", ".mdx", ".html"))
    expected += len(list(SEEDS.glob("*.txt"))) if SEEDS is not None else 0
    assert count == expected
    assert '<svg id="grade-chart"' in dom and dom.count('class="bar"') == 8
    assert 'id="by-category"' in dom and 'id="by-rule"' in dom
    if SEEDS is not None:
        assert "002_5cd6c14c1a5a1d78.txt" in dom
        assert "missing required section 'salary'" in dom
        # Findings are shown in place, under their line.
        assert re.search(r'<li id="a-\d+-L141" class="hit">To optimize readability and SEO.*?E001', dom, re.S)
