"""integrity: every kind of bad input gets a defined, explained result."""

import pytest

from reliability.check import CheckContext
from reliability.checks.integrity import IntegrityCheck
from reliability.document import MAX_ANALYSED_CHARS, Document
from reliability.models import Article

PROSE = (
    "The regional council voted on Tuesday to close two libraries in the north of the county, "
    "saying it could no longer afford to keep them open after its budget was cut by a fifth. "
) * 3


def run(text: str):
    return IntegrityCheck().run(Document(Article(id="t", text=text)), CheckContext())


def codes(result) -> set[str]:
    return {f.code for f in result.findings}


def test_clean_prose_passes_without_findings():
    result = run(PROSE)
    assert result.score == 1.0 and result.findings == []


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_scores_zero_with_an_error(text):
    result = run(text)
    assert result.score == 0.0 and codes(result) == {"integrity.empty"}


def test_binary_data_is_an_error():
    result = run(bytes(range(256)).decode("latin-1") * 4)
    assert result.score == 0.0 and "integrity.binary" in codes(result)


def test_undecodable_bytes_are_a_warning_on_the_first_one():
    text = PROSE + "caf\ufffd"
    result = run(text)
    (finding,) = [f for f in result.findings if f.code == "integrity.encoding"]
    assert text[finding.start : finding.end] == "\ufffd" and result.score < 1.0


def test_html_markup_is_a_warning_and_the_prose_is_still_counted():
    html = (
        "<html><head><style>p{color:red}</style></head><body>"
        + "".join(f"<p>{PROSE}</p>" for _ in range(2))
        + "</body></html>"
    )
    result = run(html)
    assert "integrity.markup" in codes(result) and result.metrics["words"] > 80 and result.score < 1.0


def test_short_text_is_a_warning():
    assert "integrity.too_short" in codes(run("Breaking: more soon."))


def test_non_english_is_only_information():
    german = (
        "Der Stadtrat hat am Dienstag beschlossen, zwei Bibliotheken im Norden des Kreises zu schließen, "
        "weil das Geld nicht mehr reicht und der Haushalt um ein Fünftel gekürzt wurde. "
    ) * 3
    result = run(german)
    assert codes(result) == {"integrity.language"} and result.findings[0].severity == "info" and result.score == 1.0


def test_huge_text_is_truncated_with_a_finding_pointing_at_the_unanalysed_tail():
    text = PROSE * (MAX_ANALYSED_CHARS // len(PROSE) + 2)
    result = run(text)
    (finding,) = [f for f in result.findings if f.code == "integrity.truncated"]
    assert (finding.start, finding.end) == (MAX_ANALYSED_CHARS, len(text))
