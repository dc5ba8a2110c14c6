from reliability.cleaning import clean
from reliability.corpus import corpus_stats
from reliability.document import Document
from reliability.io import ReadError, decode, read_articles
from reliability.models import Article, CheckResult, EngineInfo, Finding, Report


def test_decode_replaces_invalid_bytes_and_drops_a_bom():
    assert decode(b"\xef\xbb\xbfcaf\xc3\xa9") == "café"
    assert decode(b"caf\xe9 ok") == "caf\ufffd ok"


def test_folders_are_read_sorted_and_empty_folders_reported(tmp_path):
    (tmp_path / "b.txt").write_text("second")
    (tmp_path / "a.txt").write_text("first")
    (tmp_path / "notes.md").write_text("ignored")
    assert [a.id for a in read_articles([str(tmp_path)])] == ["a.txt", "b.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    (item,) = read_articles([str(empty)])
    assert isinstance(item, ReadError) and "no .txt or .jsonl" in item.message


def report_with(text: str, spans: list[tuple[int, int, str, str]]) -> Report:
    findings = [
        Finding(check=c.split(".")[0], code=c, severity=sev, message="m", start=s, end=e) for s, e, c, sev in spans
    ]
    return Report(
        id="a",
        score=50,
        label="medium",
        checks=[CheckResult(name="off_topic", version="1", score=0.5, findings=findings)],
        engine=EngineInfo(version="0", elapsed_ms=0),
    )


def test_clean_removes_whole_lines_and_records_each_cut():
    text = "Home > News\nThe council met.\nSubscribe to our newsletter!\nIt voted 31 to 9.\nOriginally published on X."
    cut1 = (0, text.index("\n"), "off_topic.boilerplate", "warning")
    start = text.index("Subscribe")
    cut2 = (start, text.index("\n", start), "off_topic.boilerplate", "warning")
    keep_info = (text.index("Originally"), len(text), "off_topic.boilerplate", "info")
    cleaned = clean(text, report_with(text, [cut1, cut2, keep_info]), {"off_topic.boilerplate"})
    assert cleaned.text == "The council met.\nIt voted 31 to 9.\nOriginally published on X."
    assert [c.text for c in cleaned.cuts] == ["Home > News\n", "Subscribe to our newsletter!\n"]
    assert cleaned.removed_chars == len(text) - len(cleaned.text)
    assert all(text[c.start : c.end] == c.text for c in cleaned.cuts)


def test_clean_merges_overlapping_cuts_and_ignores_other_codes():
    text = "A teaser line. Another teaser.\nReal story sentence."
    spans = [
        (0, 14, "off_topic.boilerplate", "warning"),
        (10, 30, "off_topic.boilerplate", "error"),
        (31, 51, "duplication.sentence", "warning"),
    ]
    cleaned = clean(text, report_with(text, spans), {"off_topic.boilerplate"})
    assert len(cleaned.cuts) == 1 and cleaned.text == "Real story sentence."


def test_corpus_stats_count_documents_per_word_independent_of_order():
    docs = [Document(Article(id=str(i), text=t)) for i, t in enumerate(["Rain in Wales. Rain again.", "Sun in Spain."])]
    forward, backward = corpus_stats(docs), corpus_stats(reversed(docs))
    assert forward == backward and forward.documents == 2
    assert forward.document_frequency["rain"] == 1 and forward.document_frequency["in"] == 2
    assert forward.idf("rain") > forward.idf("in")


def test_corpus_stats_count_blocks_shared_between_articles():
    footer = "Sign up for our newsletter."
    docs = [Document(Article(id=str(i), text=f"Story number {i} is here.\n{footer}")) for i in range(3)]
    stats = corpus_stats(docs)
    assert stats.articles_sharing(docs[0], 1) == 3
    assert stats.articles_sharing(docs[0], 0) == 1
