"""contradiction: conflicting counts, titles, dates and reversals are paired; source disagreement and updates are not."""

import pytest

from reliability.checks.contradiction import ContradictionCheck
from reliability.checks.contradiction.quantities import counts
from reliability.document import Document
from reliability.models import Article
from reliability.testing import run_check

FILLER = "Residents said the town had never seen anything like it. Schools were closed for the rest of the week."


def findings(earlier, later):
    text = f"{earlier} {FILLER} {later}"
    result = run_check(ContradictionCheck(), text)
    return text, [f for f in result.findings if f.severity == "warning"], result


@pytest.mark.parametrize(
    "kind, earlier, later",
    [
        (
            "number",
            "The attack killed 23 soldiers near the border.",
            "The 32 soldiers killed near the border were buried on Monday.",
        ),
        (
            "number",
            "At least three dozen civilians were killed in the shelling.",
            "Doctors said eight civilians were killed in the shelling.",
        ),
        (
            "number",
            "Hundreds of homes were flooded in the valley.",
            "Only twelve homes were flooded in the valley, engineers said.",
        ),
        (
            "role",
            "Defense Minister Khawaja Asif said the talks were over.",
            "Foreign Minister Khawaja Asif later spoke to reporters.",
        ),
        (
            "role",
            "The party's chairman, Ian Doyle, opened the conference.",
            "Party treasurer Ian Doyle closed the conference.",
        ),
        (
            "time",
            "The explosion at the refinery happened on Sunday night.",
            "Workers said the explosion at the refinery on Friday night shook the town.",
        ),
        (
            "polarity",
            "The minister will attend the summit in Lima.",
            "The minister will not attend the summit in Lima.",
        ),
    ],
)
def test_planted_contradictions_point_at_both_statements(kind, earlier, later):
    text, warnings, result = findings(earlier, later)
    assert [f.code for f in warnings] == [f"contradiction.{kind}"]
    finding = warnings[0]
    assert text[finding.start : finding.end] == later
    assert text[finding.related[0].start : finding.related[0].end] == earlier
    assert result.score < 1.0 and result.metrics[f"{kind}_conflicts"] == 1


def test_a_pair_below_the_gate_is_an_info_that_costs_nothing():
    """An antonym reversal is proposed, but the gate learned from people's labelled pairs that an antonym
    reverses less surely than a negation: the pair stays visible as an info and the score is untouched."""
    earlier = "The ceasefire between the two sides has held since Wednesday."
    later = "The ceasefire between the two sides collapsed on Thursday."
    text, warnings, result = findings(earlier, later)
    infos = [f for f in result.findings if f.severity == "info"]
    assert warnings == [] and [f.code for f in infos] == ["contradiction.polarity"]
    assert text[infos[0].start : infos[0].end] == later and infos[0].message.startswith("Possibly:")
    assert result.score == 1.0 and result.metrics["candidate_pairs"] == 1


@pytest.mark.parametrize(
    "earlier, later",
    [
        (
            "The army said 23 soldiers were killed in the attack.",
            "The Taliban said 58 soldiers were killed in the attack.",
        ),
        (
            "The prosecutor accused Senator Lee of taking bribes.",
            "Lee denied taking bribes and said he would fight the charges.",
        ),
        ("The death toll from the floods was 23 on Monday.", "The death toll from the floods rose to 40 on Wednesday."),
        ("At least 30 people died in the warehouse fire.", "Firefighters said 34 people died in the warehouse fire."),
        (
            "Twelve soldiers were killed and 30 were injured in the ambush.",
            "The 30 soldiers injured in the ambush were flown home.",
        ),
        (
            "Former Finance Minister Anna Kovac criticised the budget.",
            "Opposition leader Anna Kovac said the budget would hurt pensioners.",
        ),
        (
            "The festival runs from Friday to Sunday in the old town.",
            "On Saturday the festival's main stage hosted the city orchestra.",
        ),
        (
            "Pakistani officials said four soldiers were killed in the clash.",
            "Afghan officials said 15 Afghan soldiers were killed in the clash.",
        ),
        # an exception under a condition qualifies the rule: both can be true
        (
            "The minister will attend the summit in Lima.",
            "The minister will not attend the summit in Lima if the talks collapse.",
        ),
        # a function word before a title is not part of it
        (
            "Under President Hugo Chavez, the government has expanded its role in the economy.",
            "Critics say the powers, which President Chavez argues are needed, trample on property rights.",
        ),
        (
            "Mr Blair's stance brought him closer to President Bush on Iran.",
            "His words about President Bush met a cool reception in Paris.",
        ),
        # two people who share a surname
        (
            "Conservative leader Michael Howard said the tax cuts were affordable.",
            "Australia's Prime Minister John Howard also offered his congratulations.",
        ),
        # an owner's name is part of a title, and a fuller title is no other title
        (
            "Labour's campaign spokesman Mr Kemp said the date had not been set.",
            "But Labour spokesman Mr Kemp said it would be more appropriate to wait.",
        ),
        # two quotes that disagree are a debate the article reports
        (
            '"Two thirds of patients in Wales are not waiting more than six months for treatment," the minister said.',
            '"It leaves patients in Wales waiting more than six months for treatment," her opponent replied.',
        ),
        # "two time champion" with its hyphens lost counts titles, not people
        (
            "The four time world 1500m champion is still hungry for success.",
            "The two time champion is still hungry for success in Edinburgh.",
        ),
        # what might be is no claim that something is
        (
            '"If a political party was doing that, it may be that it would not be marketing," he said.',
            "The spokesman said it might be considered marketing if a party was doing that.",
        ),
        # a criticism reports the critic's view, the reply the speaker's
        (
            "He has been criticised by the SNP for encouraging young people to get drunk.",
            'He added: "Get drunk once in a while, but do not get young people drunk."',
        ),
    ],
)
def test_pairs_that_are_not_contradictions(earlier, later):
    """Source disagreement, updates, different tallies, and the conventions real copy showed."""
    _, warnings, _ = findings(earlier, later)
    assert warnings == []


def test_counts_become_intervals():
    text = "At least three dozen civilians died. Hundreds of people fled. Between 20 and 30 houses burned. Nearly 2,000 students sat the exam."
    got = {(c.head, c.low, c.high) for c in counts(Document(Article(id="t", text=text)))}
    assert ("civilian", 36, float("inf")) in got and ("people", 200, 999) in got and ("house", 20, 30) in got
    assert ("student", 1600, 2000) in got


@pytest.mark.parametrize(
    "text", ["Officials said a 6.1 earthquake struck the coast.", "The USDA 1.7 million households figure was revised."]
)
def test_a_decimal_tail_is_no_count(text):
    got = {(c.head, c.low) for c in counts(Document(Article(id="t", text=text)))}
    assert ("earthquake", 1) not in got and ("household", 7_000_000) not in got


def test_clean_text_and_empty_input():
    for text in ("", "The council met on Tuesday. It approved the budget. " * 5):
        result = run_check(ContradictionCheck(), text)
        assert result.findings == [] and result.score == 1.0


def test_seeds_get_no_warning_on_their_clean_statements(seed_expectations):
    seed_expectations(ContradictionCheck())


def test_a_series_of_figures_for_different_places_is_not_a_contradiction():
    text = " ".join(f"In district {n}, officials said {n * 3} people were hurt in the storm." for n in range(1, 30))
    result = run_check(ContradictionCheck(), text)
    assert [f for f in result.findings if f.severity == "warning"] == []


def test_a_headline_is_not_held_against_the_story():
    """A headline puts a negation into its words ("opposes", "ban") where the story says "not": matched word
    for word, "Senator opposes tariff apology" looked like the reverse of "should not apologise for her tariff
    remarks". The cost: a headline that truly contradicts its story is not found by this check."""
    text = (
        "Senator opposes tariff apology\n\nThe senator should stand firm and not apologise for her tariff "
        f"remarks, party colleague Tom Berg has insisted. {FILLER}"
    )
    result = run_check(ContradictionCheck(), text)
    assert [f for f in result.findings if f.severity == "warning"] == []


def test_a_total_and_a_change_to_it_are_different_counts():
    _, warned, _ = findings(
        "The Daily and Sunday Telegraph newspapers are axing 90 journalist jobs.",
        "The two Telegraph titles currently employ 521 journalists.",
    )
    assert warned == []
    _, warned, _ = findings(
        "The Daily and Sunday Telegraph newspapers are axing 90 journalist jobs.",
        "The two Telegraph newspapers are axing 40 journalist jobs.",
    )
    assert [f.code for f in warned] == ["contradiction.number"]


def test_a_typographic_apostrophe_negates_like_a_typewriter_one():
    """Real copy mixes ’ and ': "They didn’t need a ground game." repeated as "They didn't need a ground game."
    was read as one sentence negated and one not, a reversal of itself (a dev-outlet false alarm)."""
    text = "They didn’t need a ground game in the state. They didn't need a ground game in the state."
    assert run_check(ContradictionCheck(), text).findings == []
    _, warned, _ = findings(
        "The minister will attend the summit in Lima.", "The minister won’t attend the summit in Lima."
    )
    assert [f.code for f in warned] == ["contradiction.polarity"]


def test_a_correction_note_is_an_update_not_a_reversal():
    """ "(Corrects 20th paragraph to show …)" restates what the story now says; it does not contradict it."""
    _, warned, result = findings(
        "The bill applies to states with premiums at least 75 percent above the national average.",
        "(Corrects paragraph to show the bill does not apply to states with premiums at least 75 percent above the national average.)",
    )
    assert warned == [] and result.metrics["candidate_pairs"] == 0
