"""duplication: repeats are flagged on the later copy with `related` on the first; normal repetition is not."""

from reliability.checks.duplication import DuplicationCheck
from reliability.testing import flagged_texts, run_check

P1 = "The city council approved a plan on Tuesday to rebuild the old harbour wall, which collapsed in a storm last winter."
P2 = "The work will cost about 12 million euros and is expected to take two years, the council's engineer, Anna Berg, said."
P3 = "Fishermen have complained for months that the broken wall leaves their boats exposed to waves from the north."
P4 = "“We have waited long enough, and the season starts in March,” said Tomas Lind, who runs a fishing cooperative."
ARTICLE = "\n".join([P1, P2, P3, P4])


def run(text):
    return run_check(DuplicationCheck(), text)


def test_clean_article_has_no_findings_and_full_score():
    result = run(ARTICLE)
    assert result.findings == [] and result.score == 1.0
    assert result.metrics["duplicated_char_fraction"] == 0.0


def test_article_printed_twice_is_one_error_on_the_second_copy():
    text = ARTICLE + "\n" + ARTICLE
    result = run(text)
    [finding] = result.findings
    assert finding.code == "duplication.paragraph" and finding.severity == "error"
    assert text[finding.start : finding.end] == ARTICLE
    assert (finding.related[0].start, finding.related[0].end) == (0, len(ARTICLE))
    assert result.score <= 0.1 and result.metrics["duplicated_paragraphs"] == 4


def test_one_repeated_paragraph_is_a_warning_pointing_at_the_first():
    text = "\n".join([P1, P2, P3, P2, P4])
    result = run(text)
    [finding] = result.findings
    assert finding.severity == "warning" and text[finding.start : finding.end] == P2
    assert text[finding.related[0].start : finding.related[0].end] == P2 and finding.related[0].start < finding.start
    assert 0.5 < result.score < 1.0


def test_near_duplicate_paragraph_with_a_changed_word():
    edited = P2.replace("two years", "three years")
    text = "\n".join([P1, P2, P3, edited])
    result = run(text)
    assert [f.code for f in result.findings] == ["duplication.near_paragraph"]
    assert flagged_texts(result, text) == [edited] and "similarity 0.9" in result.findings[0].message


def test_repeated_sentence_with_changed_punctuation_inside_another_paragraph():
    sentence = "The harbour wall was built in 1887 and had never been fully repaired since."
    text = "\n".join([P1 + " " + sentence, P2, P3 + " " + sentence.replace(".", "!")])
    result = run(text)
    assert [f.code for f in result.findings] == ["duplication.near_sentence"]
    assert flagged_texts(result, text) == [sentence.replace(".", "!")] and "punctuation" in result.findings[0].message


def test_repeated_passage_across_sentences_is_found():
    passage = "the council's engineer, Anna Berg, said. Fishermen have complained for months that the broken wall"
    text = ARTICLE + "\nAs the report noted, " + passage + " was a danger."
    result = run(text)
    assert [f.code for f in result.findings] == ["duplication.passage"]


def test_pull_quote_and_short_datelines_do_not_sink_the_score():
    pull_quote = "“We have waited long enough, and the season starts in March.”"
    text = "STOCKHOLM (Reuters) — " + P1 + "\n" + pull_quote + "\n" + P2 + "\nSTOCKHOLM (Reuters) — " + P3 + "\n" + P4
    result = run(text)
    assert flagged_texts(result, text) == []
    assert result.score == 1.0


def test_a_chanted_slogan_is_not_a_duplicate():
    text = ARTICLE + "\nOutside, the crowd chanted “Fix the wall! Fix the wall! Fix the wall!” until dusk."
    assert flagged_texts(run(text), text) == []


def test_spam_like_repetition_trips_the_gopher_top_ngram_rule():
    text = "Buy now and save. " * 3 + "Best deals buy now, buy now, buy now while stocks last, buy now today."
    result = run(text)
    assert "duplication.ngram_repetition" in {f.code for f in result.findings}
    assert result.metrics["top_2gram_char_fraction"] > 0.2


def test_empty_and_tiny_text():
    for text in ("", "Short."):
        result = run(text)
        assert result.findings == [] and result.score == 1.0


def test_seeds_hold(seed_expectations):
    seed_expectations(DuplicationCheck())


def test_a_sentence_pasted_hundreds_of_times_is_one_finding():
    sentence = "The council met on Tuesday and voted to close the library on the high street."
    text = " ".join([sentence] * 300)
    result = run(text)
    assert len(result.findings) == 1 and result.findings[0].severity == "error"
    assert result.score == 0.0


def _every_position_fractions(words):
    """The repeated n-gram fractions by a scan over every position (the definition, slow)."""
    from reliability.checks.duplication.ngrams import DUPLICATE_NGRAM_LIMITS

    total = sum(map(len, words)) or 1
    fractions = {}
    for n in DUPLICATE_NGRAM_LIMITS:
        seen, covered, i = set(), 0, 0
        while i <= len(words) - n:
            gram = words[i : i + n]
            if gram in seen:
                covered += sum(map(len, gram))
                i += n
            else:
                seen.add(gram)
                i += 1
        fractions[n] = covered / total
    return fractions


def _every_position_passages(words):
    from reliability.checks.duplication.ngrams import PASSAGE_SEED

    first_at, passages, i = {}, [], 0
    while i <= len(words) - PASSAGE_SEED:
        gram = words[i : i + PASSAGE_SEED]
        first = first_at.get(gram)
        if first is None or first + PASSAGE_SEED > i:
            first_at.setdefault(gram, i)
            i += 1
            continue
        length = PASSAGE_SEED
        while i + length < len(words) and first + length < i and words[first + length] == words[i + length]:
            length += 1
        passages.append((first, i, length))
        i += length
    return passages


def test_ngram_scans_that_skip_unrepeated_five_grams_equal_the_full_scan():
    """Only positions whose 5-gram occurs twice are scanned: the figures must be those of every position."""
    import random

    from reliability.checks.duplication.ngrams import duplicate_ngram_fractions, repeated_passages

    rng = random.Random(5)
    for _ in range(2000):
        vocabulary = [f"w{i}" for i in range(rng.randint(1, 6))]
        words = tuple(rng.choice(vocabulary) for _ in range(rng.randint(0, 80)))
        if rng.random() < 0.3:
            words = words + words[: len(words) // 2] + words
        assert duplicate_ngram_fractions(words) == _every_position_fractions(words)
        assert [(p.first, p.start, p.length) for p in repeated_passages(words)] == _every_position_passages(words)
