"""The attribution check: quotes, speakers, vague and missing attribution, agency credits."""

from __future__ import annotations

import json

import pytest

from evaluation.harness import seeds_dir
from reliability.check import CheckContext
from reliability.checks.attribution import AttributionCheck
from reliability.document import Document
from reliability.models import Article

SEEDS = seeds_dir()


def run(text: str):
    return AttributionCheck().run(Document(Article(id="t", text=text)), CheckContext())


def warnings(result, kind: str) -> list:
    return [f for f in result.findings if f.code == f"attribution.{kind}" and f.severity == "warning"]


def quote_for(result, text: str, fragment: str) -> dict:
    return next(q for q in result.details["quotes"] if fragment in text[q["start"] : q["end"]])


WIRE = (
    "KABUL (Reuters) - Afghanistan's interior ministry said on Tuesday that 12 people were killed when a bus "
    "collided with a fuel tanker south of Kabul.\n"
    "Ministry spokesman Abdul Matin Qani said the crash happened shortly after midnight.\n"
    "\u201cThe bus was travelling at high speed and the driver lost control,\u201d Qani told Reuters. "
    "\u201cWe are investigating.\u201d\n"
)


def test_clean_wire_copy_gets_no_warning_and_credits_the_agency():
    result = run(WIRE)
    assert [f for f in result.findings if f.severity != "info"] == []
    agency = [f for f in result.findings if f.code == "attribution.agency"]
    assert agency and WIRE[agency[0].start : agency[0].end] == "Reuters"
    quote = quote_for(result, WIRE, "travelling at high speed")
    assert quote["kind"] == "direct" and quote["speaker"]["text"] == "Abdul Matin Qani"
    assert quote["role"] == "Ministry spokesman"
    assert WIRE[quote["cue"]["start"] : quote["cue"]["end"]] == "told"
    # the follow-on quote in the same paragraph keeps the speaker
    assert quote_for(result, WIRE, "We are investigating")["speaker"]["text"] == "Abdul Matin Qani"


@pytest.mark.parametrize(
    "phrase",
    [
        "officials said",
        "analysts warn",
        "sources say",
        "experts believe",
        "critics say",
        "It is reported",
        "According to Pakistani officials",
        "Some residents say",
        "Studies show",
        "It is widely believed",
    ],
)
def test_vague_attributions_are_flagged_with_exact_offsets(phrase):
    sentence = f"{phrase} that the new bridge will not open before 2027."
    if phrase[0].islower():
        sentence = "The project is late, and " + sentence
    result = run(sentence)
    hits = warnings(result, "vague")
    assert hits, phrase
    flagged = sentence[hits[0].start : hits[0].end]
    assert flagged.lower() in phrase.lower() or phrase.lower() in flagged.lower()


def test_named_and_role_identified_speakers_are_not_vague():
    text = (
        "A spokesperson for the Taliban confirmed the ceasefire. Pakistan\u2019s foreign minister described the "
        "agreement as a \u201cfirst step in the right direction\u201d toward peace."
    )
    result = run(text)
    assert warnings(result, "vague") == [] and warnings(result, "unattributed_quote") == []
    assert quote_for(result, text, "first step")["speaker"]["text"] == "Pakistan\u2019s foreign minister"


def test_anonymous_source_is_info_not_warning():
    text = "The board is reviewing the unit, according to people familiar with the matter, who asked not to be named."
    result = run(text)
    assert warnings(result, "vague") == []
    assert any(f.code == "attribution.anonymous" and f.severity == "info" for f in result.findings)


def test_unattributed_quote_flagged_and_scare_quotes_ignored():
    text = (
        "The council voted to close the library.\n"
        "\u201cWe will fight this all the way to the courts if we have to.\u201d\n"
        "Officials call the cuts \u201cefficiencies\u201d."
    )
    result = run(text)
    hits = warnings(result, "unattributed_quote")
    assert len(hits) == 1
    assert text[hits[0].start : hits[0].end] == "We will fight this all the way to the courts if we have to."


def test_a_quote_continuing_its_speaker_is_not_unattributed():
    """Reporting conventions that carry the speaker over: a quote paragraph right after an attributed quote,
    and two quotes back to back before one attribution (`"…. "…," said X`)."""
    text = (
        "The court ruled against the union on Monday.\n"
        "\u201cThe ruling ignores the contract we signed,\u201d said Maria Lopez, the union\u2019s lawyer.\n"
        "\u201cOur members have waited two years for a fair hearing, and they will wait longer if they must.\u201d\n"
        "Engineers had raised the alarm long before. \u201cThe bridge was never safe.\u201d \u201cWe told the council "
        "in 2019,\u201d said engineer Tom Reyes."
    )
    result = run(text)
    assert warnings(result, "unattributed_quote") == []
    assert quote_for(result, text, "Our members")["speaker"]["text"] == "Maria Lopez"
    assert quote_for(result, text, "never safe")["speaker"]["text"] == "Tom Reyes"


def test_a_quote_right_after_a_reported_statement_continues_its_speaker():
    text = (
        "Home Secretary Charles Clarke spoke on Monday. But he said an agreement with their home countries "
        "could be difficult. \u201cSome of these people are accused of very serious crimes at home.\u201d"
    )
    result = run(text)
    assert warnings(result, "unattributed_quote") == []
    assert quote_for(result, text, "very serious crimes")["speaker"]["text"].endswith("Charles Clarke")


def test_a_quoted_phrase_takes_its_sentence_speaker_or_is_only_an_info():
    """A phrase quoted inside the writer's sentence: the speaker may close the sentence; with no reporting verb
    at all ("attacked the plan as"), it is pointed out, not warned about."""
    text = (
        "The city presented its budget on Tuesday.\n"
        "The mayor should \u201cstand firm on every line of it\u201d and refuse the cuts, councillor Ana Diaz insisted.\n"
        "The transport union attacked the plan as a \u201creckless gamble with public money\u201d.\n"
        "\u201cWe will not back down on the bus routes.\u201d"
    )
    result = run(text)
    assert quote_for(result, text, "stand firm")["speaker"]["text"] == "Ana Diaz"
    flagged = {text[f.start : f.end]: f.severity for f in result.findings if f.code == "attribution.unattributed_quote"}
    assert flagged == {
        "reckless gamble with public money": "info",
        "We will not back down on the bus routes.": "warning",
    }
    assert result.metrics["unattributed_quotes"] == 1


def test_a_question_quoted_then_asked_and_a_champion_who_speaks_have_speakers():
    text = (
        "Shadow minister Ruth Alder criticised the leaflet. \u201cIsn't this a propaganda exercise paid for by "
        "taxpayers?,\u201d she asked.\n"
        "Jason Gardener won the 60m in Leipzig. The world champion said: \u201cI got to the airport and my "
        "stomach was upset.\u201d"
    )
    result = run(text)
    assert warnings(result, "unattributed_quote") == []
    assert quote_for(result, text, "propaganda")["speaker"]["text"] == "Ruth Alder"


def test_a_pronoun_never_resolves_to_an_event():
    text = "Kelly Holmes won two golds at the Athens Olympics. \u201cI could not have asked for more,\u201d she said."
    assert quote_for(run(text), text, "asked for more")["speaker"]["text"] == "Kelly Holmes"


def test_a_pronoun_skips_a_section_head_and_finds_a_speaker_by_surname():
    text = (
        "Mayor Ruth Calder said the depot would close in May. \u201cWe have no choice,\u201d said union leader "
        "Tom Baines.\nThe Closure Plan\nCalder\u2019s statement confirms the timetable. She added that staff "
        "would be offered other posts."
    )
    added = quote_for(run(text), text, "staff would be offered")
    assert added["mention"]["text"] == "She"
    assert added["speaker"]["text"] == "Ruth Calder"


def test_an_age_stands_for_the_person_named_before_and_one_of_a_group_is_a_source():
    text = (
        "Jane Holt won the 1500m in Glasgow. \u201cIf I am to compete, it is only if I feel I can win,\u201d said "
        "the 30-year-old.\nThe festival closed on Sunday. \u201cWe sold more tickets this year than ever before,\u201d "
        "said one of the organisers."
    )
    result = run(text)
    assert warnings(result, "unattributed_quote") == []
    assert quote_for(result, text, "feel I can win")["speaker"]["text"] == "Jane Holt"
    assert quote_for(result, text, "more tickets")["source"] == "anonymous"


@pytest.mark.parametrize(
    "text, fragment, speaker",
    [
        # a comma before the cue, after the name that is itself an appositive
        (
            'The head of the unit, Acting Detective Chief Superintendent, Mick Deats, said: "This investigation '
            'has disrupted organised criminals using the internet."',
            "This investigation",
            "Mick Deats",
        ),
        # a name and two appositives between the quote and its cue
        (
            '"We have a much greater need for storage," Richard Doherty, from Panasonic\'s Hollywood Laboratories, '
            'one of the pioneers of Blu-ray, told the BBC news website.',
            "greater need",
            "Richard Doherty",
        ),
        # a document speaks, with a cue that is weak elsewhere ("the United States")
        (
            '"Apple has turned an open standard into an artifice that locks consumers in," the lawsuit states.',
            "Apple has turned",
            "the lawsuit",
        ),
        # someone unnamed, identified by what they do
        (
            '"Free downloading has killed opportunities for new bands," said one musician quoted by the report.',
            "Free downloading",
            "one musician",
        ),
        # people accused ("alleged to have") are no vague source; a hedge before the cue keeps its subject
        (
            "In the USA 717 lawsuits against people alleged to have traded songs were filed this week. "
            'The document reportedly said: "We are looking for the resurrection of the British Empire."',
            "resurrection",
            "The document",
        ),
    ],
)
def test_speakers_behind_appositives_hedges_and_documents_are_found(text, fragment, speaker):
    result = run(text)
    assert warnings(result, "vague") == [] and warnings(result, "unattributed_quote") == []
    assert quote_for(result, text, fragment)["speaker"]["text"] == speaker
    assert len(result.details["quotes"]) == 1  # the cue reports the quote, once


def test_a_poll_of_people_is_its_source_and_imagined_words_are_no_vague_attribution():
    text = (
        "A Daily Telegraph poll of 1,313 people suggests two thirds of Britons support the decision. "
        "She thought that if she won, people would say she had been lucky. Analysts say the race is open."
    )
    result = run(text)
    assert [text[f.start : f.end] for f in warnings(result, "vague")] == ["Analysts say"]
    assert quote_for(result, text, "two thirds")["speaker"]["text"] == "A Daily Telegraph poll of 1,313 people"


def test_research_in_the_lead_named_further_down_is_a_note_and_unnamed_research_a_warning():
    named_below = (
        "Fast web access is encouraging people to express themselves online, research suggests.\n\n"
        "A quarter of users upload content, according to a report by UK think tank Demos. A study by "
        "analysts Jupiter Research suggested that broadband was challenging television."
    )
    result = run(named_below)
    assert warnings(result, "vague") == []
    note = next(f for f in result.findings if f.code == "attribution.vague")
    assert named_below[note.start : note.end] == "research suggests" and note.severity == "info"
    assert "a report by UK think tank Demos" in note.message
    unnamed = "Fast web access is encouraging people to express themselves online, research suggests."
    assert [unnamed[f.start : f.end] for f in warnings(run(unnamed), "vague")] == ["research suggests"]


def test_nouns_that_look_like_cues_and_research_already_introduced_are_not_vague():
    text = (
        "The firm hopes to recover some of the tax claims. Officials said some projects were late. A Nokia "
        "study covered 2,000 people. Women almost never use a mobile phone, the research found. \"Play is "
        "learning,\" said research fellow Diane Carr. The three year research project ends in May."
    )
    result = run(text)
    assert [text[f.start : f.end] for f in warnings(result, "vague")] == ["Officials said"]
    assert quote_for(result, text, "Play is learning")["speaker"]["text"] == "Diane Carr"


def test_quotes_whose_paragraph_breaks_were_lost_slogans_and_spaced_ages():
    joined = (
        'The photos came from her camera. "We often take pictures on flights. I thought why not put them on '
        'my blog. "I never meant it to harm my company," Ms Simonetti said.'
    )
    result = run(joined)
    assert warnings(result, "unattributed_quote") == []
    assert quote_for(result, joined, "We often take")["speaker"]["text"] == "Simonetti"
    slogan = (
        'They unveiled a poster of the two men under the words "How can they fight crime when they are '
        'fighting each other?" Nobody commented.'
    )
    assert warnings(run(slogan), "unattributed_quote") == []
    aged = (
        'Hicham El Guerrouj will decide in March. "If I am to compete, it is only if I feel I can win," said '
        'the 30 year old. "Otherwise there is not much point in me going."'
    )
    result = run(aged)
    assert warnings(result, "unattributed_quote") == []
    assert quote_for(result, aged, "Otherwise")["speaker"]["text"] == "Hicham El Guerrouj"


def test_a_think_tank_is_a_source_not_a_verb():
    text = "A new blog appears every six seconds, according to US research think tank Pew Internet, which tracks them."
    result = run(text)
    assert warnings(result, "vague") == []
    assert [s["text"] for s in result.details["speakers"]] == ["Pew Internet"]


def test_pronoun_and_mid_quote_cue_resolve_to_nearest_named_person():
    text = (
        "Redwick manager Paul Ostrowski was less pleased. \u201cWe gave away two goals,\u201d he said, "
        "\u201cand at this level you get punished.\u201d"
    )
    result = run(text)
    first = quote_for(result, text, "We gave away")
    second = quote_for(result, text, "at this level")
    assert first["speaker"]["text"] == second["speaker"]["text"] == "Paul Ostrowski"
    assert first["mention"]["text"] == "he"
    assert text[first["speaker"]["start"] : first["speaker"]["end"]] == "Paul Ostrowski"


def test_appositive_roles_and_dash_credit_lines():
    text = (
        "\u201cThe talks are essential,\u201d said Ibraheem Bahiss, an analyst with the International Crisis Group.\n"
        "\u201cThe regime must rein in the proxies.\u201d \u2013 Field Marshal Asim Munir\n"
        "Its leader, Marc Delage, said the bill would push rents higher."
    )
    result = run(text)
    bahiss = quote_for(result, text, "talks are essential")
    assert bahiss["speaker"]["text"] == "Ibraheem Bahiss" and "analyst" in bahiss["role"]
    munir = quote_for(result, text, "rein in the proxies")
    assert munir["speaker"]["text"] == "Asim Munir" and munir["role"] == "Field Marshal"
    delage = quote_for(result, text, "push rents higher")
    assert (
        delage["kind"] == "indirect" and delage["speaker"]["text"] == "Marc Delage" and delage["role"] == "Its leader"
    )


def test_straight_quotes_nested_and_odd_marks_do_not_crash():
    text = (
        'Mujahid said "there is no issue with the ceasefire, \'as agreed\' in Doha." '
        'He added: "the talks will go on\nA stray closing mark\u201d appears here. "Unclosed quote runs on'
    )
    result = run(text)
    assert result.error is None
    spans = [text[q["start"] : q["end"]] for q in result.details["quotes"] if q["kind"] == "direct"]
    assert "there is no issue with the ceasefire, 'as agreed' in Doha." in spans


def test_details_follow_the_contract():
    result = run(WIRE)
    for q in result.details["quotes"]:
        assert q["kind"] in ("direct", "indirect")
        assert 0 <= q["start"] < q["end"] <= len(WIRE)
        for key in ("speaker", "cue"):
            if q[key] is not None:
                assert WIRE[q[key]["start"] : q[key]["end"]] in (q[key]["text"], WIRE[q[key]["start"] : q[key]["end"]])
        assert "role" in q
    json.dumps(result.details)
    assert all(isinstance(v, float) for v in result.metrics.values())


def test_well_sourced_article_outscores_vague_one():
    vague = (
        "Talks ended without a deal. According to officials, the truce is holding. Analysts warn the path "
        "is fraught. Sources say more talks are planned. It is believed both sides want peace."
    )
    sourced = (
        "Talks ended without a deal, Foreign Minister Ana Ruiz said on Friday. \u201cWe will return next "
        "week,\u201d Ruiz told reporters. Opposition leader Tomas Berg said the government had \u201cwasted "
        "a month\u201d. Carla Diaz, an analyst at the Lisbon Institute, said both sides wanted peace."
    )
    assert run(sourced).score > run(vague).score


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "word",
        "\u201c",
        '"""',
        "<html><body><p>\u201cHi,\u201d he said.</p></body></html>",
        "Der Minister sagte, \u201edie Gespr\u00e4che sind vorbei\u201c.",
        "\x00\x01 said \u201d\u201c",
    ],
)
def test_bad_input_never_crashes(text):
    result = run(text)
    assert result.error is None and 0.0 <= result.score <= 1.0


def test_huge_input_stays_linear():
    result = run(WIRE * 400)
    assert result.error is None and result.metrics["quotes"] >= 400


def test_seeds_rank_000_below_001_003_004():
    if not SEEDS.exists():
        pytest.skip("seed articles not available")
    scores = {p.name[:3]: run(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))}
    for better in ("001", "003", "004"):
        assert scores[better].score > scores["000"].score
    text = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    flagged = [text[f.start : f.end] for f in warnings(scores["000"], "vague")]
    assert "analysts warn" in flagged
    assert warnings(scores["001"], "unattributed_quote") == []
