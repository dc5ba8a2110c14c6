"""The spelling plugin: typos flagged with corrections, clean prose and names left alone, discovered by the engine."""

from pathlib import Path

import pytest

from reliability.testing import flagged_texts, run_check
from reliability_spelling import SpellingCheck

CLEAN = (
    "The harbour authority said on Monday that the new breakwater, built at a cost of £40 million, would "
    "protect the town's fishing fleet from winter storms. Councillor Aoife Ní Bhraonáin, who chairs the "
    "committee, said the programme had been delivered on time and that the defence of the seafront was "
    "now the council's priority. The work was organised in two phases; the second, which includes a "
    "new centre for the lifeboat crew, is due to finish in the autumn. Residents can follow progress "
    "on the council's app and on its livestream of the site."
)

TYPOS = (
    "The goverrnment announced a ceasfire on Tuesday, but residents said shelling continued "
    "throughout the night and that the announcment had changed little on the ground."
)


def test_typos_are_flagged_with_their_corrections():
    result = run_check(SpellingCheck(), TYPOS)
    assert flagged_texts(result, TYPOS) == ["goverrnment", "ceasfire", "announcment"]
    assert "government" in result.findings[0].message
    assert result.metrics["misspellings"] == 3 and result.score < 1.0


def test_clean_prose_with_british_spellings_names_and_new_words_is_not_flagged():
    result = run_check(SpellingCheck(), CLEAN)
    assert result.findings == [] and result.score == 1.0


def test_british_forms_compounds_and_accented_forms_of_known_words_are_not_typos():
    text = (
        "The Olympic medallist was sceptical of the new rules. The game's multiplayer mode, onboard camera "
        "and deathmatch levels drew praise, but reviewers warned of adware in the tech firm's free version. "
        "The joint communiqué was read out in the hotel café, the centrepiece of the new quarter. Its logo "
        "is instantly recognisable, the prices unfeasibly low, and a campaign co ordinated by fans turned "
        "passive viewers into active engagers. The show was risque, never a cliche."
    )
    assert run_check(SpellingCheck(), text).findings == []


def test_a_repeated_unknown_word_is_a_term_not_a_typo():
    text = "The village of gortnaclohy lies west of the river. Visitors to gortnaclohy arrive by ferry."
    assert run_check(SpellingCheck(), text).findings == []


def test_words_to_ignore_come_from_the_options():
    result = run_check(SpellingCheck(), TYPOS, options={"ignore": ["Ceasfire"]})
    assert flagged_texts(result, TYPOS) == ["goverrnment", "announcment"]


def test_text_in_another_language_is_not_checked():
    text = "Der Bundestag hat am Donnerstag das neue Gesetz beschlossen, das die Mieten in den Städten begrenzen soll."
    result = run_check(SpellingCheck(), text * 3)
    assert result.findings == [] and "language" in result.details["note"]


def test_the_engine_discovers_the_plugin_through_its_entry_point(reliability_engine):
    engine = reliability_engine(load_entrypoints=True)
    assert "spelling" in [c.name for c in engine.checks]
    report = engine.score(TYPOS)
    assert report.check("spelling").metrics["misspellings"] == 3


def test_the_fixture_takes_the_plugin_module_even_while_it_is_installed(reliability_engine):
    import reliability_spelling

    engine = reliability_engine(reliability_spelling)  # installed too: not registered a second time
    assert [c.name for c in engine.checks].count("spelling") == 1 and engine.problems == []


SEED = Path(__file__).resolve().parents[4] / "shared" / "seeds" / "004_e2456eba9224f9f8.txt"


def test_seed_misspellings_are_found():
    if not SEED.is_file():
        pytest.skip("../shared/seeds is not present in this checkout")
    text = SEED.read_text(encoding="utf-8")
    assert {"goverrnment", "ceasfire"} <= set(flagged_texts(run_check(SpellingCheck(), text), text))
