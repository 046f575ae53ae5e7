"""The regex speed-ups must not change a single match: tries, and whole-word prefilters."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS, SEEDS
from cpolint.fastre import Keyed, Needled, alternation, entry_keys, keyed, lexicon_keys, required_words, words_in

TEMPLATES = [r"(?<![\w@])(?:{body})(?![\w])", "^(?:{body})$", r"\b(?:{body})", "(?:{body})"]


def _texts() -> list[str]:
    """Every line of the corpus and the seeds, and each sentence-sized piece of them."""
    out = []
    folders = [CORPUS] + ([SEEDS] if SEEDS else [])
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".txt", ".md", ".html") and path.is_file():
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                    line = re.sub(r"<[^>]+>", " ", line).strip()
                    if line:
                        out.append(line)
                        out.extend(p for p in re.split(r"(?<=[.!?])\s+", line) if p != line)
    return out


TEXTS = _texts()


def _registry():
    from cpolint.registry import load_registry

    return load_registry([])


def _lexicons() -> list[tuple[str, list[str]]]:
    return sorted(_registry().lexicons.items())


def _with_entries(entries: list[str]) -> list[str]:
    """Texts that hold each literal entry, in a sentence and alone, in two cases."""
    made = []
    for e in entries:
        if re.fullmatch(r"[\w '’-]+", e):
            made += [e, e.upper(), f"Please {e} now.", f"({e.title()})", f"x{e}", f"{e}y"]
    return made


@pytest.mark.parametrize("name,entries", _lexicons(), ids=[n for n, _ in _lexicons()])
def test_a_lexicon_as_a_trie_finds_what_the_plain_alternation_finds(name, entries):
    entries = sorted(entries, key=len, reverse=True)
    texts = TEXTS + _with_entries(entries)
    for template in TEMPLATES[:3]:
        plain = re.compile(template.replace("{body}", "|".join(f"(?:{e})" for e in entries)), re.I)
        trie = re.compile(template.replace("{body}", alternation(entries)), re.I)
        for text in texts:
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)], (template, text)


@pytest.mark.parametrize("name,entries", _lexicons(), ids=[n for n, _ in _lexicons()])
def test_a_lexicon_prefilter_never_hides_a_match(name, entries):
    registry = _registry()
    texts = TEXTS + _with_entries(entries)
    for template in TEMPLATES:
        pattern = registry.lexicon_pattern(name, template)
        compiled = pattern.compiled if isinstance(pattern, Keyed) else pattern
        for text in texts:
            for method in ("search", "match", "fullmatch"):
                got, want = getattr(pattern, method)(text), getattr(compiled, method)(text)
                assert (got and got.span()) == (want and want.span()), (method, template, text)


def _hits_behind_prefilter(patterns) -> int:
    """Each Keyed pattern searched and iterated over the corpus as its plain pattern is; the hits."""
    hits = 0
    for p in patterns:
        for text in TEXTS:
            found = p.compiled.search(text)
            hits += found is not None
            assert (p.search(text) is None) == (found is None), (p.pattern, text)
            assert [m.span() for m in p.finditer(text)] == [m.span() for m in p.compiled.finditer(text)]
    return hits


def test_the_text_parts_prefilter_of_the_modal_directive_hides_no_match():
    # Keyed by the text's parts, not by keyed()'s determiners: every determiner x part x
    # plural x modal, in capitals too, is found behind the prefilter as by the plain pattern.
    from cpolint.analysis import directives

    pattern = directives._MODAL_ON_TEXT
    modals = ["should", "must", "needs", "need to", "has to", "will need", "could use", "ought to", "requires",
              "is missing"]
    found = 0
    for determiner in ["this", "the", "each", "every", "that", "next"]:
        for part in directives._TEXT_PARTS:
            for plural in ("", "s"):
                for modal in modals:
                    for text in (f"{determiner} {part}{plural} {modal} a table.",
                                 f"NOTE: {determiner.upper()} {part.upper()}{plural.upper()} {modal.upper()} MORE"):
                        plain = pattern.compiled.search(text)
                        assert (pattern.search(text) is None) == (plain is None), text
                        found += plain is not None
    assert found == 6 * len(directives._TEXT_PARTS) * 2 * len(modals) * 2


def test_the_module_prefilters_never_hide_a_match():
    from cpolint.readability import measure
    from cpolint.analysis import directives

    patterns = [directives._MODAL_ON_TEXT, directives._ADVICE, directives._SECOND_PERSON]
    assert all(isinstance(p, Keyed) for p in patterns)
    assert _hits_behind_prefilter(patterns) > 20  # the corpus does exercise them
    # The claim families behind their prefilter.
    from cpolint.analysis import claims

    families = [p for _, p in claims._COUNTRIES + claims._SIZES + claims._BOSSES + claims._STATISTICS]
    keyed_families = [p for p in families + [claims._CITIES, claims._REQUIRE, claims._PREFER, claims._TYPICAL]
                      if isinstance(p, Keyed)]
    assert len(keyed_families) > 28
    assert _hits_behind_prefilter(keyed_families) > 50
    # The ones behind written-out prefilters (words that are not whole, "U.S."), on the corpus
    # and on text made to sit at their edges.
    needled = [p for p in families if isinstance(p, Needled)]
    assert len(needled) == 3
    edges = ["the U.S. market", "U.S.A.", "US-based", "U.SA", "usa", "Americana", "pan-American", "UK", "u.k.",
             "Londoner", "Britons", "largecompanies", "bigtech", "Fortune 500", "publicly traded", "nationwide",
             "United  States", "ſtartup", "us", "thus", "USAF", "the United Kingdom's", "ENGLAND"]
    for p in needled:
        for text in edges:
            assert (p.search(text) is None) == (p.compiled.search(text) is None), (p.pattern, text)
    assert _hits_behind_prefilter(needled) > 20
    # The passive-voice test's set lookup stands for this pattern.
    be = re.compile(r"\b(?:" + "|".join(sorted(measure._BE)) + r")\b", re.I)
    assert sum(1 for text in TEXTS if be.search(text)) > 100
    for text in TEXTS:
        assert words_in(text).isdisjoint(measure._BE) == (be.search(text) is None), text


@pytest.mark.parametrize("source,start,end,words", [
    ("optimi[sz]e", True, True, {"optimise", "optimize"}),
    ("(html |meta |h[1-6] |header |title )?tags?", True, True, {"header", "html", "tag", "tags", "title", "meta"}),
    (r"\d+[ -]words?", True, True, {"word", "words"}),
    ("i hope (this|that|it) helps", True, True, {"helps"}),
    ("re-write", True, True, {"write"}),
    ("re-write", False, False, None),  # unbounded: "prewrite" and "rewrites" hold no whole word
    ("x+", True, True, None),
    (r"\b(?:you should|you must) (review|rewrite)\b", False, False, {"review", "rewrite"}),  # rarest part wins
    (r"\b(?:the|this) (article|post)s?\b", False, False, {"article", "articles", "post", "posts"}),
    (r"(?:is|was)\s+\w+", False, False, None),  # no boundary before "is": "this" would match
    (r"\bresponsib(le|ilities)\b", False, False, {"responsible", "responsibilities"}),
    (r"\bday-to-day\b", False, False, {"day"}),
    # White space separates words however much of it there is.
    (r"\bchief\s+executive\b", False, False, {"executive"}),
    (r"\bchief\s*product\b", False, False, {"chiefproduct", "chief"}),  # "product" is in every career article
    (r"\bsmall(?:er)?\s?firms\b", False, False, {"small", "smaller", "smallerfirms", "smallfirms"}),
    (r"\bchief\s+\w+", False, False, {"chief"}),
    # A word of more than three letters between groups is found: the group after it ("level" of
    # "high-level") was the key, and "team" of the note's addressees.
    ("(i(['’]ve| have)) kept (this|the) (section|article) (brief|short|high-level)", True, True, {"kept"}),
    ("notes? (to|for) (the )?(editors?|writers?|team)", True, True, {"note", "notes"}),
    ("i hope (this|that|it)( (article|post|guide))? helps", True, True, {"hope"}),
    # A negative look-behind or look-ahead on \w is a word boundary; other assertions are passed over.
    (r"(?<!\w )(?<!\w)notes? (to|for) (the )?team\b", False, False, {"note", "notes"}),
    (r"(?<!\w)(?:co-)?founders?(?!\w)", False, False, {"founder", "founders"}),
    (r"(?<!@)founders?\b", False, False, None),  # "cofounders" would match: no boundary before
])
def test_required_words(source, start, end, words):
    assert required_words(source, start, end) == words


def test_keyed_answers_like_the_pattern_and_skips_text_without_its_words():
    p = keyed(re.compile(r"\b(?:reports?|answers?) to\b", re.I))
    assert isinstance(p, Keyed) and p.keys == {"report", "reports", "answer", "answers"}
    assert p.search("The CPO REPORTS to the CEO.").group(0) == "REPORTS to"
    assert p.search("The CPO leads product.") is None
    assert [m.group(0) for m in p.finditer("answers to A; reports to B")] == ["answers to", "reports to"]
    assert p.sub("X", "reports to") == "X"  # other methods go to the pattern
    assert words_in("Don't re-write THIS") == {"don", "t", "re", "write", "this"}
    assert keyed(re.compile(r"x+")) is not None and not isinstance(keyed(re.compile(r"x+")), Keyed)


def test_lexicon_keys_are_kept_in_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CPOLINT_DATA_DIR", str(tmp_path))
    entries = ["rewrite", "optimi[sz]e", "proof-read"]
    first = lexicon_keys(entries, TEMPLATES[0])
    assert first == ({"rewrite", "optimise", "optimize", "proof"}, [])
    assert entry_keys(entries, TEMPLATES[0]) == [{"rewrite"}, {"optimise", "optimize"}, {"proof"}]
    stored = list((tmp_path / "lexicon-keys").glob("*.json"))
    assert len(stored) == 1
    stored[0].write_text('[["only"], null, ["proof"]]')  # read back, not recomputed
    assert lexicon_keys(entries, TEMPLATES[0]) == ({"only", "proof"}, ["optimi[sz]e"])
    assert lexicon_keys(entries + [r"x+"], TEMPLATES[0]) == ({"rewrite", "optimise", "optimize", "proof"}, ["x+"])
    assert lexicon_keys([r"x+"], TEMPLATES[0]) == (None, ["x+"])


def test_text_without_the_keys_runs_only_the_entries_that_have_none():
    from cpolint.registry import Registry

    registry = Registry()
    registry.lexicons["demo"] = ["rewrite", "x+", "proof-read"]
    pattern = registry.lexicon_pattern("demo", TEMPLATES[0])
    assert isinstance(pattern, Keyed) and pattern.keys == {"rewrite", "proof"} and pattern.rest is not None
    assert pattern.search("the xxx mark").group(0) == "xxx"  # through `rest`
    assert pattern.search("Please rewrite xxx").group(0) == "rewrite"
    assert pattern.search("nothing here") is None


@pytest.mark.parametrize("name", ["cpo", "cto", "cmo"])
def test_the_schema_prefilters_never_hide_a_match(name):
    from cpolint.schema import load_schema

    schema = load_schema(name)
    keyed_patterns = [spec.any_heading for spec in schema.sections if isinstance(spec.any_heading, Keyed)]
    assert len(keyed_patterns) == len(schema.sections)
    for p in keyed_patterns:
        for text in TEXTS:
            got, want = p.search(text), p.compiled.search(text)
            assert (got and got.span()) == (want and want.span()), (p.compiled.pattern, text)
    # Each cue's own words: a cue that matches a text always finds one of them in it.
    for spec in schema.sections:
        assert len(spec.cue_keys) == len(spec.cues)
        for cue, keys in zip(spec.cues, spec.cue_keys):
            for text in TEXTS if keys is not None else ():
                if cue.search(text):
                    assert not keys.isdisjoint(words_in(text)), (cue.pattern, text)


def test_the_todo_marker_prefilter_never_hides_a_match():
    from types import SimpleNamespace

    from cpolint.rules.editor_notes import _todo_pattern

    pattern = _todo_pattern(SimpleNamespace(registry=_registry()))
    assert isinstance(pattern, Keyed)
    texts = TEXTS + ["Salary: TK.", "TODO: add a source", "see xxx", "TKTK", "FIXME later", "tbd"]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in pattern.compiled.finditer(text)], text


def test_the_substring_tests_before_two_patterns_never_hide_a_match():
    from cpolint.analysis.boilerplate import _FIELD_MARK, _field_marked
    from cpolint.analysis.sections import _OPENING, _may_open

    edges = ["Day to day, the CPO leads.", "In short,the end", "A B C D E F, six words", "A B C D E F G, seven",
             "Title - value", "Title\u2014value", "Slug\t-\tx", "x" * 39 + " - y", ",Lead"]
    hits = 0
    for text in TEXTS + edges:
        if _OPENING.match(text):
            hits += 1
            assert _may_open(text), text
        assert _field_marked(text) == (_FIELD_MARK.search(text, 0, 40) is not None), text
    assert hits > 20


@pytest.mark.parametrize("source,text", [
    (r"\bshould\b", "You ſhould add tags"),  # long s: re.IGNORECASE takes it for "s"
    (r"\bistanbul\b", "Offices in İSTANBUL"),  # dotted capital I: str.lower adds a combining dot
    (r"\bkid\b", "\u212aID"),  # the Kelvin sign
    (r"\bis\b", "It ıs done"),  # dotless i
    (r"\bσοφία\b", "ΣΟΦΊΑ and ΣΟΦΊΑΣ"),
])
def test_a_prefilter_folds_case_as_the_regex_engine_does(source, text):
    pattern = keyed(re.compile(source, re.I))
    assert isinstance(pattern, Keyed)
    assert pattern.compiled.search(text) is not None
    assert pattern.search(text) is not None


@pytest.mark.parametrize("name", ["cpo", "cto", "cmo"])
def test_the_role_prefilter_never_hides_a_match(name):
    from cpolint.schema import load_schema

    schema = load_schema(name)
    pattern = schema.role_prefiltered
    assert isinstance(pattern, Keyed) and pattern.compiled is schema.role_pattern
    for text in TEXTS + ["The CPOs met.", "chief\n  product officer", "Head of   Product", "xcpo", "CTO-led"]:
        got, want = pattern.search(text), schema.role_pattern.search(text)
        assert (got and got.span()) == (want and want.span()), text


def _odd_texts() -> list[str]:
    """Random strings of the phrase's words, case variants and the characters that fold
    unusually (long s, dotted and dotless i, the Kelvin sign, sigma), word joiners and NUL."""
    import random

    rnd = random.Random(3)
    words = ["chief", "Chief", "CHIEF", "product", "PRODUCT", "officer", "officers", "officersS", "xchief",
             "chief_", "offıcer", "offİcer", "ſ", "\u212a", "Σ", "é", "1chief", "-", "\0", "\n", "\t"]
    chars = list("chief product officers CPO_x1-.\0\n\té\u017f\u0130\u212a\u03a3\u0131")
    out = []
    for _ in range(1500):
        out.append(" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 14))))
        out.append("".join(rnd.choice(chars) for _ in range(rnd.randint(0, 60))))
    return out


@pytest.mark.parametrize("phrase", ["chief product officer", "cpo", "head of product", ".net developer"])
def test_the_key_phrase_count_is_the_case_insensitive_findall(phrase):
    from cpolint.fastre import count_phrase

    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"s?\b", re.I)
    texts = TEXTS + _odd_texts() + ["\0".join(TEXTS[:400])]
    for text in texts:
        assert count_phrase(phrase, text) == len(pattern.findall(text)), text
    if phrase[0].isalpha():  # whole words only; a plural and any case count
        assert count_phrase(phrase, f"{phrase.upper()}S and x{phrase} and {phrase}") == 2


def test_the_word_count_over_bytes_is_the_alnum_findall():
    from cpolint.rules.boilerplate import _ALNUM, _count_alnum_runs

    for text in TEXTS + _odd_texts() + ["\ud800 lone surrogate", "naïve café 42", ""]:
        assert _count_alnum_runs(text) == len(_ALNUM.findall(text)), text


@pytest.mark.parametrize("source,chars", [
    (r"here(['’]s| is) (the|a)", {"h"}),
    (r"(?:please )?check", {"p", "c"}),
    (r"(?<!\w)ab|cd", {"a", "c"}),
    (r"(a|)b", {"a", "b"}),
    (r"\d+ comments?", None),  # a category: not known
    (r"x*", None),  # may match nothing
    (r"[^a]b", None),
    (r"(?i:abc)", None),  # a scoped flag the lookahead outside would not share
])
def test_first_chars(source, chars):
    from cpolint.fastre import first_chars

    assert first_chars(source) == chars


def test_every_lexicon_match_starts_with_one_of_its_first_chars():
    from cpolint.fastre import first_chars

    for name, entries in _lexicons():
        for entry in entries:
            found = first_chars(entry)
            if found is None:
                continue
            pattern = re.compile(entry, re.I)
            for text in TEXTS + _with_entries([entry]):
                for m in pattern.finditer(text):
                    if m.group(0):
                        assert any(m.group(0)[0].lower() == c.lower() for c in found), (name, entry, text)


def _hand_lookaheads():
    from cpolint.analysis import claims
    from cpolint.analysis import directives

    return [claims._EXP_RANGE, claims._EXP_ONE, claims._DECADE, directives._MODAL_ON_TEXT.compiled,
            directives._ADVICE.compiled, directives._SECOND_PERSON.compiled]


@pytest.mark.parametrize("pattern", _hand_lookaheads(), ids=lambda p: p.pattern[:30])
def test_a_hand_written_first_letter_lookahead_hides_no_match(pattern):
    # The pattern without its lookahead finds the same matches (digits of any script included).
    lookahead = re.search(r"\(\?=(?:\[[^\]]*\]|\w)\)", pattern.pattern)
    assert lookahead is not None
    plain = re.compile(pattern.pattern[:lookahead.start()] + pattern.pattern[lookahead.end():], pattern.flags)
    texts = TEXTS + ["At least ٣ years of experience.", "١٠-١٥ years in product", "٥+ years leading teams",
                     "Two decades of work", "IT IS IMPORTANT TO ADD KEYWORDS", "You should add a list here."]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_the_role_pattern_lookahead_hides_no_match():
    from cpolint.schema import load_schema, role_entry, role_regex

    schema = load_schema("cpo")
    assert schema.role_pattern.pattern.startswith("(?=[")
    names = ["Chief Product Officer", "Émigré Lead", "Kelvin Head", "ſenior Chief"]  # é/É, K (Kelvin sign) and ſ fold
    entries = [role_entry(n) for n in names]
    cases = [(schema.role_pattern, re.compile(rf"\b(?:{schema.role_alt})\b", re.I)),
             (role_regex(entries), re.compile(rf"\b(?:{'|'.join(entries)})\b", re.I))]
    texts = TEXTS + ["THE CHIEF PRODUCT OFFICER (CPO) and the Cpo", "Head of Product, product chief; CPOs.",
                     "An ÉMIGRÉ LEAD met the \u212aelvin head and a senior chief.", "xcpo cpox cpo."]
    for pattern, plain in cases:
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_every_led_pattern_finds_what_its_plain_pattern_finds():
    import cpolint.analysis.claims  # noqa: F401  (their patterns register on import)
    import cpolint.document.shapes  # noqa: F401
    from cpolint.fastre import LED

    led = [(p, source, flags) for p, source, flags in LED if p.pattern != source]
    assert len(led) >= 40  # the lookahead is there for most of them
    texts = TEXTS + ["The CPO REPORTS TO THE CEO; a Bachelor's degree is preferred, 10+ YEARS required.",
                     "Salaries in the UNITED STATES average $200k per year; \u212aelvin and ſeed-stage startups.",
                     "A JOB DESCRIPTION TEMPLATE and a sample role posting."]
    for pattern, source, flags in led:
        plain = re.compile(source, flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], \
                (source, text)


def test_every_started_pattern_finds_what_its_plain_pattern_finds():
    # fastre.started adds a start set to the program's info block: the search loop then tries
    # the pattern only where a match can start. Same spans and groups as re.compile, on the
    # corpus and on text that holds the characters re.IGNORECASE folds onto ASCII letters.
    import cpolint.analysis.claims  # noqa: F401  (their patterns register on import)
    import cpolint.document.plaintext  # noqa: F401
    import cpolint.rules.editor_notes  # noqa: F401
    import cpolint.rules.markup  # noqa: F401
    import cpolint.rules.structure  # noqa: F401
    from cpolint.config import Settings
    from cpolint.fastre import STARTED
    from cpolint.linter import get_engine

    get_engine(Settings())  # the lexicons' patterns
    assert len(STARTED) >= 60
    texts = TEXTS + ["ſIX ſtartups, a \u212aelvin-grade İnternational ıdea: ſeven years as a Product \u212aeeper.",
                     "SIX YEARS, Ten+ years, \u0663 years, 5\u00a0years of ex\u00adperience; $120K-$150K a year.",
                     "REPORTS TO THE CEO. A Bachelor\u2019s degree is preferred. Here are 3 trends:"]
    for pattern in STARTED:
        plain = re.compile(pattern.pattern, pattern.flags)
        assert (pattern.flags, pattern.groups, pattern.groupindex) == (plain.flags, plain.groups, plain.groupindex)
        for text in texts:
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == \
                   [(m.span(), m.groups()) for m in plain.finditer(text)], (pattern.pattern, text)


def test_the_case_partners_of_ascii_letters_are_all_there_are():
    # A start set under re.IGNORECASE holds a letter's two cases and these: checked against the
    # engine over every code point (a missing one would make a search skip a real match).
    from cpolint.fastre import _CASE_PARTNERS

    letters = re.compile("[a-z]", re.I)
    found: dict[str, set[str]] = {}
    for code in range(0x110000):
        char = chr(code)
        if not char.isascii() and not 0xD800 <= code < 0xE000 and letters.match(char):
            for letter in "abcdefghijklmnopqrstuvwxyz":
                if re.match(letter, char, re.I):
                    found.setdefault(letter, set()).add(char)
    assert found == {letter: set(chars) for letter, chars in _CASE_PARTNERS.items()}


def test_started_leaves_alone_what_it_cannot_speed_up():
    from cpolint.fastre import _started_arguments, started

    assert _started_arguments(r"^\bchief\b", re.I) is None  # search stops after the first position
    assert _started_arguments(r"\w+ing", 0) is None  # first characters unknown
    assert _started_arguments(r"(?:cto)?", re.I) is None  # may match empty
    assert _started_arguments(r"cto", 0) is None  # a literal prefix of its own
    assert _started_arguments(r"\bcto|\bcpo", re.X) is None  # read without its flags: not guessed
    assert _started_arguments(r"\b\d+ years", 0) is not None  # digits as a category
    plain = re.compile(r"\b\d+ years", re.I)
    assert started(r"\b\d+ years", re.I).findall("\u0663 YEARS and 12 years") == plain.findall("\u0663 YEARS and 12 years")


def test_count_announcements_without_number_words_look_for_digits_only():
    # count_announcement runs a digits-only pattern on text holding none of the number words:
    # the same matches as the full pattern, wherever the words are missing or present.
    from cpolint.document.wordnum import _COUNT, _COUNT_DIGITS, _COUNT_WORDS

    texts = TEXTS + ["Here are THREE trends: ſix of them", "Twenty-one tips", "a couple of ideas", "2 of 12, 345"]
    narrowed = 0
    for text in texts:
        words = words_in(text)
        pattern = _COUNT if not _COUNT_WORDS.isdisjoint(words) else _COUNT_DIGITS
        narrowed += pattern is _COUNT_DIGITS
        assert [(m.span(), m.group("num")) for m in pattern.finditer(text)] == \
               [(m.span(), m.group("num")) for m in _COUNT.finditer(text)], text
    assert 0 < narrowed < len(texts)


@pytest.mark.parametrize("name", ["cpo", "cto"])
def test_whose_experience_is_the_same_with_the_sentence_words(name):
    # _role_of answers "self" at once when the sentence holds none of the other roles' words;
    # given only where the cut falls between two words, it must answer as the full search does.
    from cpolint.analysis.claims import _role_of
    from cpolint.fastre import is_word_char
    from cpolint.schema import load_schema

    schema = load_schema(name)
    answers = set()
    for text in TEXTS[::3]:
        words = words_in(text)
        for cut in range(len(text) + 1):
            if cut and cut < len(text) and is_word_char(text[cut - 1]) and is_word_char(text[cut]):
                continue
            if cut < len(text) and not (text[cut].isdigit() or text[cut] == "$"):
                continue  # where claims start: numbers and money
            got = _role_of(text[:cut], schema, words)
            assert got == _role_of(text[:cut], schema), (text, cut)
            answers.add(got)
    assert "self" in answers and len(answers) > 2


def _random_texts(count: int, seed: int) -> list[str]:
    """Short random strings of the characters that decide word and punctuation splits."""
    import random

    rng = random.Random(seed)
    alphabet = list("aZ09 .,'’-—é\u00a0\t\n\x1c\x0b٣_x?!\"ſİ\u200b;:()/") + ["\ud800", "'t", "'ve"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def test_word_runs_are_the_runs_of_word_characters():
    # words_in splits with bytes.translate where it can; the runs must be \w+'s.
    from cpolint.fastre import word_runs

    for text in TEXTS + _random_texts(100_000, 5):
        assert word_runs(text) == re.findall(r"\w+", text), text


def test_readability_counts_without_substitutions_are_the_substitutions():
    from cpolint.readability import formulas

    for text in TEXTS + _random_texts(100_000, 6):
        want = formulas._PUNCTUATION.sub("", formulas._NONCONTRACTION_APOSTROPHE.sub("", text)).split()
        assert formulas.list_words(text) == want, text
        assert formulas._word_characters(text) == len(re.sub(r"\W+", "", text)), text


def test_letter_and_alphanumeric_runs_are_their_patterns():
    from cpolint.readability.measure import _letter_runs
    from cpolint.rules.boilerplate import _words

    for text in TEXTS + _random_texts(100_000, 7):
        assert _words(text) == re.findall(r"[A-Za-z0-9]+", text.lower()), text
        assert _letter_runs(text.lower()) == set(re.findall(r"[a-z]+", text.lower())), text


def test_prefiltered_patterns_answer_as_their_pattern_does():
    # Keyed and Needled forward what they do not prefilter by name (no __getattr__ hook).
    compiled = re.compile(r"\b(?:chief\s+product\s+officer|CPO)\b", re.I)
    for wrapped in (Keyed(compiled, ["chief", "cpo"]), Needled(compiled, ["chief", "cpo"])):
        assert wrapped.pattern == compiled.pattern and wrapped.flags == compiled.flags
        assert wrapped.groups == 0 and wrapped.groupindex == {}
        assert wrapped.sub("X", "the CPO, a Chief Product Officer") == "the X, a X"
        assert wrapped.subn("X", "CPO") == ("X", 1) and wrapped.split("a CPO b") == ["a ", " b"]
        assert wrapped.match("CPO leads").span() == (0, 3) and wrapped.fullmatch("cpo") is not None
        assert wrapped.findall("CPO and cpo") == ["CPO", "cpo"]
        assert wrapped.search("no such words") is None and list(wrapped.finditer("nothing")) == []
        assert wrapped.search("our cpo").span() == (4, 7)
        assert wrapped.scanner("a CPO").search().span() == (2, 5)


def test_experience_pattern_with_first_words_matches_as_with_first_letters():
    # _EXP_ONE opens with a lookahead on the whole first words a match can have; the same
    # pattern with the first-letter lookahead it replaced must find the same matches.
    from cpolint.analysis import claims

    lead = claims._EXP_ONE.pattern.split(")(?:(?P<lower>", 1)
    assert lead[0].startswith(r"\b(?=\d|(?:")
    plain = re.compile(r"\b(?=[\dadefhilmnostuz]" + ")(?:(?P<lower>" + lead[1], re.I)
    bounds = ["at least", "a minimum of", "minimum of", "no less than", "no fewer than", "more than", "over",
              "upwards of", "in excess of", "up to", "no more than", "at most", "a maximum of", "less than", "under",
              "At  Least", "OVER", ""]
    numbers = ["5", "10", "1,000", "2.5", "a decade", "two decades", "a couple of", "twenty-five", "Twenty five",
               "half a dozen", "a dozen", "seven", "zero", "tent", "ate", "a", "one", "eleven"]
    tails = [" years", "+ years", " or more years", " plus yrs", " or so years", " years’", "years", "-year"]
    texts = [f"We ask for {b} {n}{t} of experience." for b in bounds for n in numbers for t in tails]
    texts += ["10+ years in product", "at least 7 years as a PM", "the first five years", "over a decade"]
    for text in TEXTS + texts:
        assert [m.span() for m in claims._EXP_ONE.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_every_searched_lexicon_keeps_its_first_letter_test():
    # A lexicon searched through a text (not matched against a whole line, as the boilerplate
    # ones are) is led by a lookahead on its entries' first letters; one entry that may start
    # with anything ("^\W*...", "\d+...") takes it away from the whole lexicon (a 1.4% slower
    # folder run once, from "^\W*regenerate ...").
    from cpolint.fastre import first_chars

    unknown = [(name, entry) for name, entries in _lexicons() if not name.startswith("boilerplate-")
               for entry in entries if first_chars(entry) is None]
    assert unknown == []
