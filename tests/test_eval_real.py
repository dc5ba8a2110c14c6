"""The public-data evaluations' own logic: offsets replayed through GGT's preprocessing, speaker matching,
the outlet split. The data itself is not in the repository; these tests need none of it."""

from __future__ import annotations

from evaluation import ggt, news
from evaluation.attribution_real import same_speaker


def test_preprocessed_offsets_point_back_into_the_raw_text():
    raw = "First line\n“Quoted words,” she said.\xa0Then  more.\n\nLast."
    pre, origin = ggt._preprocess_map(raw)
    assert pre.startswith('First line.\n "Quoted words," she said. Then more.')
    at = pre.index("Quoted")
    assert raw[origin[at] : origin[at + len("Quoted words")]] == "Quoted words"
    assert len(origin) == len(pre) and origin == sorted(origin)


def test_a_quote_is_found_when_its_offsets_drift():
    raw = "Intro.\n\nShe said the plan would work. Later text."
    pre, origin = ggt._preprocess_map(raw)
    assert ggt._locate(raw, pre, origin, "the plan would work", (3, 10)) == (17, 36)
    assert ggt._locate(raw, pre, origin, "words nowhere in it", (3, 10)) is None


def test_speakers_match_by_name_words_not_by_titles():
    assert same_speaker("Trudeau", "Justin Trudeau")
    assert same_speaker("Prime Minister Justin Trudeau", "Justin Trudeau")
    assert same_speaker("Dr. Robert Strang", "Robert Strang's")
    assert not same_speaker("Starlight Tours", "Darian Lonechild")
    assert not same_speaker("", "Darian Lonechild")


def test_outlets_split_by_name_alone():
    splits = {outlet: news.outlet_split(outlet) for outlet in news.NEWS_OUTLETS}
    assert set(splits.values()) == {"dev", "test"}
    assert splits == {outlet: news.outlet_split(outlet) for outlet in news.NEWS_OUTLETS}
