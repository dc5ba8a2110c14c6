"""The attribution speaker ranker: who "he", "she", "it" and "the minister" point back to."""

from __future__ import annotations

from reliability.check import CheckContext
from reliability.checks.attribution import AttributionCheck
from reliability.checks.attribution.antecedents import FEATURES, load_model
from reliability.document import Document
from reliability.language.people import sex_of_first_name, sex_of_words
from reliability.models import Article


def speakers(text: str) -> list[str | None]:
    result = AttributionCheck().run(Document(Article(id="t", text=text)), CheckContext())
    return [q["speaker"]["text"] if q["speaker"] else None for q in result.details["quotes"]]


def test_the_shipped_model_reads_the_features_the_ranker_computes():
    model = load_model()
    assert len(model.weights) == len(FEATURES) and 0.0 <= model.threshold < 1.0


def test_first_names_and_words_tell_a_sex_only_when_they_settle_it():
    assert sex_of_first_name("Wendy") == "female" and sex_of_first_name("paul") == "male"
    assert sex_of_first_name("Jordan") is None and sex_of_first_name("Xq") is None
    assert sex_of_words(["ms."]) == "female" and sex_of_words(["he"]) == "male"
    assert sex_of_words(["mother", "his"]) is None


def test_she_points_back_past_a_man_to_the_woman_named_before_him():
    text = (
        "Wendy Golden, whose son died in custody, met the province's justice minister on Monday.\n"
        "The meeting was arranged by Paul Carver, a lawyer for the family.\n"
        "“I want answers,” she said after the meeting."
    )
    assert speakers(text)[-1] == "Wendy Golden"


def test_it_is_no_person_whose_sex_the_text_gives():
    text = (
        "“This bridge cannot be patched,” said Maria Ellison, the council's transport chief.\n"
        "The inspection report, published by the engineering firm Halcrow Doyle, found corroded beams. "
        "It said the joints should be replaced within two years."
    )
    assert speakers(text)[-1] != "Maria Ellison"
