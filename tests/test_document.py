import pytest

from reliability.document import MAX_ANALYSED_CHARS, Document
from reliability.models import Article


def doc(text: str) -> Document:
    return Document(Article(id="t", text=text))


def sentences(text: str) -> list[str]:
    return [s.text for s in doc(text).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Army said Dr. Smith arrived at 3.5 p.m. on Jan. 5. He left.",
            ["The U.S. Army said Dr. Smith arrived at 3.5 p.m. on Jan. 5.", "He left."],
        ),
        ("“We will win,” he said. Gen. Asim Munir spoke.", ["“We will win,” he said.", "Gen. Asim Munir spoke."]),
        ('He said "it is over." Then he left.', ['He said "it is over."', "Then he left."]),
        (
            "Growth was 2.5 percent. Prices rose 3.1 percent in Jan. and Feb. combined.",
            ["Growth was 2.5 percent.", "Prices rose 3.1 percent in Jan. and Feb. combined."],
        ),
        ("Published on\nLatest articles", ["Published on", "Latest articles"]),
        (
            "It went live at noon.The Wire is now on WhatsApp.",
            ["It went live at noon.", "The Wire is now on WhatsApp."],
        ),
        ("The poll is on 5 May. Mr Blair said so.", ["The poll is on 5 May.", "Mr Blair said so."]),
    ],
)
def test_sentence_splitting_hard_cases(text, expected):
    assert sentences(text) == expected


def test_every_offset_points_into_the_original_text():
    text = "Title line\n\nFirst para has two sentences. Here is the second!\nA new line paragraph.\n"
    d = doc(text)
    for seg in (*d.blocks, *d.sentences, *d.words):
        assert text[seg.start : seg.end] == seg.text
    assert [b.text for b in d.blocks] == [
        "Title line",
        "First para has two sentences. Here is the second!",
        "A new line paragraph.",
    ]
    assert [s.block for s in d.sentences] == [0, 1, 1, 2]
    assert [w.text for w in d.sentence_words(d.sentences[1])] == ["First", "para", "has", "two", "sentences"]


def test_hard_wrapped_lines_are_rejoined_into_one_paragraph():
    text = (
        "The committee met on Tuesday to discuss the proposal that had been\n"
        "submitted by the regional council earlier this year.\nA second paragraph."
    )
    d = doc(text)
    assert len(d.blocks) == 2
    assert len(d.sentences) == 2


def test_words_keep_inner_punctuation():
    assert [w.text for w in doc("Pakistan's U.S. 3.5 Pak-Afghan 1,500 e-mail").words] == [
        "Pakistan's",
        "U.S",
        "3.5",
        "Pak-Afghan",
        "1",
        "500",
        "e-mail",
    ]


def test_html_markup_is_blanked_without_moving_offsets():
    text = "<html><body><p>Officials met today.</p><script>var x = 'Fake. Text.';</script><p>They agreed.</p></body></html>"
    d = doc(text)
    assert len(d.analysis_text) == len(text)
    assert [[w.text for w in d.sentence_words(s)] for s in d.sentences] == [
        ["Officials", "met", "today"],
        ["They", "agreed"],
    ]
    assert "var" not in d.lower_words and "officials" in d.lower_words
    assert d.markup_chars > 0


def test_control_characters_and_empty_text_are_handled():
    d = doc("\x00\x01binary\x02")
    assert d.control_chars == 3 and [w.text for w in d.words] == ["binary"]
    empty = doc("")
    assert empty.blocks == () and empty.sentences == () and empty.words == ()


def test_huge_text_is_analysed_up_to_the_cap():
    d = doc("word " * (MAX_ANALYSED_CHARS // 5 + 1000))
    assert d.truncated
    assert d.words[-1].end <= MAX_ANALYSED_CHARS


def test_names_find_multiword_names_and_skip_sentence_initial_function_words():
    d = doc("The Defense Minister Khawaja Asif met the International Crisis Group in Istanbul.")
    names = [n.text for n in d.names]
    assert "Defense Minister Khawaja Asif" in names and "International Crisis Group" in names
    assert "Istanbul" in names and not any(n.startswith("The ") for n in names)


def test_language_guess():
    english = doc("The minister said on Tuesday that the talks with the union would continue in the spring. " * 3)
    german = doc(
        "Der Minister sagte am Dienstag, dass die Gespräche mit der Gewerkschaft im Frühjahr weitergehen. " * 3
    )
    assert english.looks_english and not german.looks_english


def test_position_lookups():
    d = doc("Ann Lee met Bob Cole.\nThey spoke in Paris. Then they left.")
    second = d.sentences[1]
    assert d.sentence_at(second.start + 3) == second and d.sentence_at(second.end) is None
    assert d.block_index_at(second.start) == 1 and d.block_index_at(0) == 0
    assert [n.text for n in d.names_between(0, d.blocks[0].end)] == ["Ann Lee", "Bob Cole"]
    assert [n.text for n in d.names_between(d.blocks[1].start, len(d.text))] == ["Paris"]


def test_sentence_vectors_encode_each_asked_sentence_once():
    import numpy as np

    class CountingEncoder:
        name = "counting"

        def __init__(self):
            self.seen = []

        def encode(self, texts):
            self.seen += list(texts)
            return np.array([[len(t), 1.0] for t in texts])

    document = Document(Article(id="a", text="First one here. Second one. Third sentence is longest."))
    encoder = CountingEncoder()
    some = document.sentence_vectors(encoder, [2, 0])
    assert some[:, 0].tolist() == [len("Third sentence is longest."), len("First one here.")]
    every = document.sentence_vectors(encoder)
    assert every.shape == (3, 2) and every[1, 0] == len("Second one.")
    assert encoder.seen == ["Third sentence is longest.", "First one here.", "Second one."]  # none twice
    assert document.sentence_vectors(encoder, []).shape[0] == 0
