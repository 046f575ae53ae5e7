#!/usr/bin/env python3
"""Benchmark cpolint against proselint on the same files in the same run.

Builds a folder of varied articles (~1,500 words each, plain text, Markdown and HTML)
from the paragraphs in corpus/, then times, alternating the two tools round by round
(cpolint, proselint, cpolint in each folder round):

- folder throughput: articles per second, cpolint (all default rules, all cores, no
  cache) vs proselint, and the ratio;
- one file, cold (the pre-commit case): `cpolint check FILE` vs a bare
  `python -c "import spacy; spacy.blank('en')"`, and vs proselint on one file;
- an unchanged folder re-linted from the cache, and whether spaCy was imported;
- peak memory of the cpolint run, and of runs over 2,000 and 20,000 files;
- per process: cpolint's work beyond its own spaCy calls against spaCy's blank pipeline with
  its sentencizer on the same text (the budget's figure on the generated folder; then the
  seeds, when they sit beside the checkout, and corpus/), with cpolint's milliseconds and the
  findings per 1,000 words.

Usage:  python bench/bench.py [--files 1000] [--rounds 3] [--jobs N] [--out bench/out]
Needs proselint installed (it is in the test extras).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"


def corpus_pieces() -> tuple[list[str], list[str]]:
    """Headings and paragraphs of the corpus articles, as plain text."""
    headings, paragraphs = [], []
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix not in (".txt", ".md", ".html") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"<[^>]+>", "\n", text)
        for line in text.splitlines():
            line = line.strip().lstrip("#").strip()
            if not line or line.startswith(("---", "<!--", "|", "```")):
                continue
            words = line.split()
            if len(words) <= 9 and not line.endswith("."):
                headings.append(line)
            elif len(words) >= 12:
                paragraphs.append(line)
    return headings or ["Overview"], paragraphs or ["The chief product officer leads the product team."]


def build_folder(folder: Path, count: int, words: int = 1500, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    headings, paragraphs = corpus_pieces()
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        parts: list[tuple[str, str]] = []
        total = 0
        while total < words:
            if not parts or rng.random() < 0.22:
                parts.append(("h", rng.choice(headings)))
            para = rng.choice(paragraphs)
            # Vary numbers so no two files are equal, keeping their digits ("$220,000" stays
            # a well-formed amount: its "000" becomes "002", not "2").
            para = re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(0, 3)).zfill(len(m.group(0))), para)
            parts.append(("p", para))
            total += len(para.split())
        title = f"Career Guide {i}: {rng.choice(headings)}"
        kind = ("txt", "md", "html")[i % 3]
        if kind == "txt":
            body = title + "\n" + "\n".join(t for _, t in parts) + "\n"
        elif kind == "md":
            body = f"# {title}\n\n" + "\n\n".join(("## " + t) if k == "h" else t for k, t in parts) + "\n"
        else:
            body = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\n"
                    + "\n".join(f"<h2>{t}</h2>" if k == "h" else f"<p>{t}</p>" for k, t in parts)
                    + "\n</article></body></html>\n")
        path = folder / f"article-{i:05}.{kind}"
        path.write_text(body, encoding="utf-8")
        files.append(path)
    return files


SPLIT_PROBE = """
import sys, time, glob, gc
import spacy
from cpolint.config import Settings
from cpolint.linter import get_engine, file_info
from cpolint.document import parse_document
from cpolint.document.sentences import JOIN, get_nlp, sentence_blocks
files = sorted(f for f in glob.glob(sys.argv[1] + '/**/*', recursive=True)
               if f.endswith(('.txt', '.md', '.html')))
files = (files * (1 + int(sys.argv[2]) // max(len(files), 1)))[:int(sys.argv[2])]
engine = get_engine(Settings())
nlp = get_nlp()


class Timed:
    # cpolint's own spaCy calls (the blank pipeline's tokenizer), timed where it makes them.
    def __init__(self, inner):
        self.inner, self.seconds = inner, 0.0

    def __call__(self, text):
        start = time.perf_counter()
        doc = self.inner(text)
        self.seconds += time.perf_counter() - start
        return doc

    def __getattr__(self, name):
        return getattr(self.inner, name)


nlp.tokenizer = Timed(nlp.tokenizer)
# The yardstick: spaCy's blank English pipeline with its sentencizer, on the text cpolint gives spaCy.
yardstick = spacy.blank('en')
yardstick.add_pipe('sentencizer')
texts = [(f, open(f, encoding='utf-8').read()) for f in files]
for f, t in texts[:5]:
    engine.lint(parse_document(f, t))
# As in a worker of a batch run: the parent warmed the rules up and froze what it loaded
# before forking (runner._lint_many), and the worker collects every 20,000 allocations.
gc.freeze()
gc.set_threshold(20000, 50, 50)
total = own = yard = 0.0
words = findings = 0
for f, t in texts:
    spent = nlp.tokenizer.seconds
    a = time.perf_counter()
    doc = parse_document(f, t)
    doc.sentences
    findings += len(engine.lint(doc).diagnostics)
    file_info(doc, engine)
    doc.release()
    b = time.perf_counter()
    own += nlp.tokenizer.seconds - spent  # part of the total above
    joined = JOIN.join(x.text for x in sentence_blocks(doc))
    words += len(joined.split())
    c = time.perf_counter()
    yardstick(joined)
    d = time.perf_counter()
    total += b - a
    yard += d - c
n = len(texts)
# ms an article: the yardstick, cpolint beyond its own spaCy calls, those calls; the yardstick's
# words a second; cpolint's ms per 1,000 words; findings per 1,000 words.
print(1000 * yard / n, 1000 * (total - own) / n, 1000 * own / n, words / yard, 1e6 * (total - own) / words,
      1000 * findings / words)
"""


def build_tiny(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        sub = folder / f"d{i // 500:03}"
        sub.mkdir(exist_ok=True)
        (sub / f"a{i:05}.txt").write_text(f"Chief Product Officer {i}\nThe CPO leads product {i} and its team.\n",
                                          encoding="utf-8")


def timed(cmd: list[str], env=None, cwd=None) -> tuple[float, int, int]:
    """Wall time, exit status, and peak RSS (KiB) of the child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode(errors="replace")[-2000:])
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    return elapsed, proc.returncode, max(peak, before)


def cpu_seconds() -> float:
    """User and system CPU time of every child process waited for so far (cpolint's workers too)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def steal_seconds() -> float | None:
    """CPU time the hypervisor gave to other guests instead of this machine, so far (Linux's
    /proc/stat; None elsewhere). A round that lost much of it was measured on slower cores."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = handle.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK") if fields[0] == "cpu" and len(fields) > 8 else None
    except (OSError, ValueError, IndexError):
        return None


# A fixed, CPU-bound loop in a fresh interpreter: its time alone and `jobs` copies at once
# tell how much a second process on this machine really adds.
_SPIN = "import time; t = time.perf_counter(); x = 0\nfor i in range(15_000_000): x += i\nprint(time.perf_counter() - t)"


def parallel_capacity(jobs: int) -> tuple[float, float, float]:
    """(cores' worth that `jobs` CPU-bound processes get at once, the loop's seconds alone,
    the slowest copy's seconds at once). 2 cores of their own give 2.0; sibling hyperthreads
    or a host that shares the cores give less, and a folder run's ratio with them."""
    def run(n: int) -> float:
        procs = [subprocess.Popen([sys.executable, "-I", "-c", _SPIN], stdout=subprocess.PIPE) for _ in range(n)]
        return max(float(p.communicate()[0]) for p in procs)

    alone, together = run(1), run(jobs)
    return jobs * alone / together, alone, together


# A content team's folder names a different role in nearly every title, most of them roles no
# bundled schema covers (each gets the other-role template with its names put in, once per
# process). The generated folder's Markdown articles, titled "<role> Career Guide": one role
# for all of them (timed before and after, for the host's drift), then a new role in each.
ROLES_PROBE = """
import sys, time, glob
from cpolint import patterncache
patterncache.load()
from cpolint.config import Settings
from cpolint.linter import lint_text
texts = [open(f, encoding='utf-8').read().partition('\\n')[2]
         for f in sorted(glob.glob(sys.argv[1] + '/*.md'))[:int(sys.argv[2])]]
firsts = 'Tax Audit Fleet Payroll Brand Retail Clinic Grant Quality Safety Training Event Claims Credit Vendor Campus'
seconds = 'Manager Director Engineer Analyst Coordinator Specialist Consultant Strategist Researcher Administrator'
roles = [f'{a} {b}' for b in seconds.split() for a in firsts.split()]
settings = Settings()
lint_text('warm.md', '# Museum Curator Career Guide\\n' + texts[0], settings)


def run(role_of):
    start = time.perf_counter()
    for k, text in enumerate(texts):
        lint_text(f'a{k}.md', f'# {role_of(k)} Career Guide\\n' + text, settings)
    return (time.perf_counter() - start) / len(texts) * 1000


same = run(lambda k: 'Museum Curator')
new = run(lambda k: roles[k % len(roles)])
same = (same + run(lambda k: 'Museum Curator')) / 2
print(len(texts), same, new)
"""


def roles_line(folder: Path, count: int) -> None:
    """Run ROLES_PROBE over `count` Markdown files of the generated folder and print its figures."""
    probe = subprocess.run([sys.executable, "-I", "-c", ROLES_PROBE, str(folder), str(count)], capture_output=True,
                           text=True)
    if probe.returncode != 0:
        sys.stderr.write(probe.stderr[-2000:])
        return
    n, same, new = probe.stdout.split()
    same_ms, new_ms = float(same), float(new)
    print(f"a new role in every article ({n} Markdown articles, each titled with a role no bundled schema covers): "
          f"{new_ms:.2f} ms/article, one such role for all: {same_ms:.2f} ms/article, ratio {new_ms / same_ms:.2f}x "
          f"(+{new_ms - same_ms:.2f} ms for each new role, one process)")


def split_line(folder: Path, count: int, label: str, budget: bool = False) -> None:
    """Run SPLIT_PROBE over `count` files of `folder` (cycled) and print its figures."""
    split = subprocess.run([sys.executable, "-I", "-c", SPLIT_PROBE, str(folder), str(count)], capture_output=True,
                           text=True)
    if split.returncode != 0:
        sys.stderr.write(split.stderr[-2000:])
        return
    tok, rest, own, rate, per_kw, found_kw = map(float, split.stdout.split())
    yardstick = f"{rate / 1000:.0f}k words/s" + ("; issue #9 measured ~355k" if budget else "")
    print(f"{label}spaCy tokenization (blank pipeline + sentencizer) {tok:.2f} ms/article ({yardstick}), "
          f"cpolint beyond its own spaCy call ({own:.2f} ms) {rest:.2f} ms/article ({per_kw:.1f} ms per 1,000 "
          f"words, {found_kw:.1f} findings per 1,000 words), ratio {rest / tok:.2f}x"
          + (" (budget <= 2x)" if budget else ""))


def cpolint_cmd(*args: str) -> list[str]:
    exe = shutil.which("cpolint", path=os.path.dirname(sys.executable)) or shutil.which("cpolint")
    return [exe, *args] if exe else [sys.executable, "-m", "cpolint", *args]


def proselint_cmd(*args: str) -> list[str]:
    exe = shutil.which("proselint", path=os.path.dirname(sys.executable)) or shutil.which("proselint")
    if not exe:
        raise SystemExit("proselint is not installed: pip install '.[test]'")
    return [exe, "check", *args]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", default=None, help="keep the generated folder here")
    args = parser.parse_args()

    work = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="cpolint-bench-"))
    folder = work / "articles"
    if folder.exists():
        shutil.rmtree(folder)
    files = build_folder(folder, args.files)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in files) / len(files)
    env = dict(os.environ, CPOLINT_CACHE_DIR=str(work / "cache"))
    print(f"cpolint benchmark: {len(files)} articles (~{words:.0f} words each), {args.rounds} rounds, "
          f"{args.jobs} jobs, {os.cpu_count()} cores, Python {sys.version.split()[0]}")

    pl_times, peaks, pl_cpu, stolen, capacity = [], [], [], [], []
    cp_runs: list[tuple[tuple[float, float], tuple[float, float]]] = []  # a round's two (elapsed, CPU)

    def cpolint_run() -> tuple[float, float]:
        before = cpu_seconds()
        t, _, peak = timed(cpolint_cmd("check", str(folder), "--no-cache", "--quiet", "--jobs", str(args.jobs)), env)
        peaks.append(peak)
        return t, cpu_seconds() - before

    for _ in range(args.rounds):
        # cpolint, proselint, cpolint: proselint's run (five times as long) sits between two
        # of cpolint's, so a host that speeds up or slows down through the round moves both
        # sides alike; the round's cpolint figures are the mean of its two runs.
        steal = steal_seconds()
        first = cpolint_run()
        before = cpu_seconds()
        t, _, _ = timed(proselint_cmd(str(folder)))
        pl_cpu.append(cpu_seconds() - before)
        pl_times.append(t)
        cp_runs.append((first, cpolint_run()))
        after = steal_seconds()
        stolen.append(after - steal if steal is not None and after is not None else None)
        capacity.append(parallel_capacity(args.jobs)[0] if args.jobs > 1 else None)
    cp_times = [(a[0] + b[0]) / 2 for a, b in cp_runs]
    cp_cpu = [(a[1] + b[1]) / 2 for a, b in cp_runs]
    cp_rate = len(files) / statistics.median(cp_times)
    pl_rate = len(files) / statistics.median(pl_times)
    # Each round's runs are back to back, so the machine's load is much the same for both
    # tools: the median of the rounds' own ratios is steadier than a ratio of medians.
    ratios = [p / c for c, p in zip(cp_times, pl_times)]
    print(f"folder: cpolint {cp_rate:.1f} articles/s, proselint {pl_rate:.1f} articles/s, "
          f"ratio {statistics.median(ratios):.2f}x (budget >= 5x; rounds {', '.join(f'{r:.2f}' for r in ratios)})")
    # Each round as measured, with the CPU time the host took from this machine meanwhile and
    # the cores' worth that `jobs` CPU-bound processes got right after it (parallel_capacity):
    # what to look at when the rounds disagree.
    for k, (c, p, cc, pc, st, cap, (a, b)) in enumerate(zip(cp_times, pl_times, cp_cpu, pl_cpu, stolen, capacity,
                                                             cp_runs), 1):
        print(f"  round {k}: cpolint {c:.2f} s (runs {a[0]:.2f} and {b[0]:.2f} s; {cc:.1f} s CPU: "
              f"{cc / c:.2f} cores' worth), "
              f"proselint {p:.2f} s ({pc:.1f} s CPU), "
              f"ratio {p / c:.2f}x" + (f", CPU stolen by the host {st:.2f} s" if st is not None else "")
              + (f", {args.jobs} processes at once got {cap:.2f} cores' worth" if cap is not None else ""))
    # CPU time, all processes: what each tool costs whatever else the machine runs (a busy
    # neighbour stretches elapsed time, not work); cpolint's is spread over its workers.
    cp_ms, pl_ms = 1000 * statistics.median(cp_cpu) / len(files), 1000 * statistics.median(pl_cpu) / len(files)
    print(f"folder CPU time: cpolint {cp_ms:.1f} ms/article (all processes), proselint {pl_ms:.1f} ms/article, "
          f"ratio {pl_ms / cp_ms:.2f}x")

    one = str(files[0])
    spacy_t, cold_t, pl_one = [], [], []
    for _ in range(max(args.rounds, 5)):
        spacy_t.append(timed([sys.executable, "-c", "import spacy; spacy.blank('en')"])[0])
        cold_t.append(timed(cpolint_cmd("check", one, "--no-cache", "--quiet"), env)[0])
        pl_one.append(timed(proselint_cmd(one))[0])
    s, c, p = statistics.median(spacy_t), statistics.median(cold_t), statistics.median(pl_one)
    print(f"one file, cold: cpolint {c:.3f} s, bare spaCy import {s:.3f} s, ratio {c / s:.2f}x (budget <= 1.3x); "
          f"proselint {p:.3f} s")

    timed(cpolint_cmd("check", str(folder), "--quiet", "--jobs", str(args.jobs)), env)  # fill the cache
    cached = [timed(cpolint_cmd("check", str(folder), "--quiet", "--jobs", str(args.jobs)), env)[0]
              for _ in range(args.rounds)]
    cached_one = [timed(cpolint_cmd("check", one, "--quiet"), env)[0] for _ in range(max(args.rounds, 5))]
    # The in-process probes run with -I: from the repository, `python -c` would import the
    # source tree (pure Python, another cache key) instead of the installed package. They keep
    # the working folder of the runs above, which decides the configuration (so the cache key).
    probe = subprocess.run([sys.executable, "-I", "-c",
                            "import sys; from cpolint.cli import main; main(['check', sys.argv[1], '--quiet']); "
                            "print('spacy' in sys.modules, 'textstat' in sys.modules)", one],
                           capture_output=True, env=env, text=True)
    imported = probe.stdout.strip().splitlines()[-1] if probe.stdout.strip() else "?"
    print(f"cached re-run: folder {statistics.median(cached):.3f} s ({len(files) / statistics.median(cached):.0f} "
          f"articles/s), one file {statistics.median(cached_one):.3f} s vs proselint one file {p:.3f} s "
          f"(ratio {statistics.median(cached_one) / p:.2f}x, budget <= 1x); spaCy/textstat imported: {imported}")
    print(f"peak memory (cpolint folder run, largest process): {max(peaks) / 1024:.0f} MiB")

    # Where a process spends its time: the yardstick (spaCy's blank pipeline with its sentencizer,
    # on the same text) vs everything cpolint does beyond its own spaCy call. The budget's figure
    # is the generated folder's; the seeds (real scraped articles, when they sit beside the
    # checkout) and corpus/ (short articles dense in defects) show how it moves with the text:
    # cpolint's work grows with what an article holds to find, spaCy's speed with how much of
    # the text its cache serves.
    split_line(folder, 150, "per process: ", budget=True)
    seeds = next((c for c in (os.environ.get("CPOLINT_SEEDS"), REPO.parent / "shared" / "seeds",
                               REPO.parent.parent / "shared" / "seeds") if c and Path(c).is_dir()), None)
    if seeds is not None:
        split_line(seeds, 100, "per process, the five seed articles: ")
    split_line(REPO / "corpus", 150, "per process, corpus/ (short articles dense in defects): ")
    roles_line(folder, 150)
    # Memory as the folder grows: results stream, so peak memory should not grow with it.
    small, large = work / "mem-2k", work / "mem-20k"
    build_tiny(small, 2_000)
    build_tiny(large, 20_000)
    _, _, peak_small = timed(cpolint_cmd("check", str(small), "--no-cache", "--quiet", "--format", "json",
                                         "--jobs", str(args.jobs)), env)
    t_large, _, peak_large = timed(cpolint_cmd("check", str(large), "--no-cache", "--quiet", "--format", "json",
                                               "--jobs", str(args.jobs)), env)
    print(f"memory: 2,000 files peak {peak_small / 1024:.0f} MiB, 20,000 files peak {peak_large / 1024:.0f} MiB "
          f"(ratio {peak_large / max(peak_small, 1):.2f}x; 20,000 files in {t_large:.0f} s)")
    if not args.out:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
