"""Properties that hold for any input, tried by hypothesis over the API and the command line.

For any article text (odd spaces, control characters, lone surrogates, markup, quotes, digits, runs of
capitals, and anything else hypothesis draws): no exception; every span inside the text; scores in range
and the label agreeing with them; the report valid against the committed schema; the same input gives
the same report; as many reports out as articles in, through the CLI too, whatever lines come between.

CI runs a bounded, derandomised number of examples; `pytest -m slow` runs the long profile.
"""

from __future__ import annotations

import io
import json
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
jsonschema = pytest.importorskip("jsonschema")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from reliability import Engine  # noqa: E402
from reliability.cli import main  # noqa: E402
from reliability.models import Article, Report  # noqa: E402

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "reliability" / "schema" / "report.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Pieces that have broken something once, or that the checks look for: hypothesis mixes them with any text.
PIECES = [
    "Officials said",
    " the mayor said.",
    "“It is safe,” he said.",
    '"Yes," she told reporters.',
    "According to police,",
    " 1,200 people were killed",
    " at least 30 ",
    "between 5 and 7",
    "Mr. Smith",
    "U.S.",
    "George W",
    "SHOUT ",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<p>",
    "</p>",
    "&amp;",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    ". ",
    "!",
    "?",
    "\x00",
    "\x1b[2J",
    "\x85",
    "\xa0",
    "\u2009",
    "\u202f",
    "\u3000",
    "\u2028",
    "\u202e",
    "\ufeff",
    "\ufffd",
    "\udc80",
    "\ud800",
    "😀",
    "Ελλάδα",
    "日本語",
    "x" * 60,
    "1" * 40,
]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)
IDS = st.text(min_size=1, max_size=12)

CI = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
CI_CLI = settings(CI, max_examples=12)
LONG = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_engine: Engine | None = None


def engine() -> Engine:
    global _engine
    if _engine is None:
        _engine = Engine(semantic=False)
    return _engine


def _comparable(report: Report) -> dict:
    data = report.model_dump(mode="json")
    data["engine"]["elapsed_ms"] = 0
    for check in data["checks"]:
        check["elapsed_ms"] = 0
    return data


def assert_report_holds(report: Report, article: Article) -> None:
    text = article.text
    assert report.id == article.id
    assert 0 <= report.score <= 100 and report.label == engine().settings.bands.label(report.score)
    for check in report.checks:
        assert (check.score is None) == (check.error is not None), check
        assert check.score is None or 0 <= check.score <= 1
        for finding in check.findings:
            assert finding.check == check.name and finding.code.startswith(check.name + ".")
            for span in (finding, *finding.related):
                assert 0 <= span.start <= span.end <= len(text), (finding.code, span)
    VALIDATOR.validate(json.loads(report.model_dump_json()))


def _api_property(text: str, article_id: str) -> None:
    article = Article(id=article_id, text=text)
    first = engine().score(article)
    assert_report_holds(first, article)
    assert all(c.error is None for c in first.checks), [c.error for c in first.checks if c.error]
    assert _comparable(engine().score(article)) == _comparable(first), "same input, same report"


@CI
@given(TEXTS, IDS)
def test_any_text_gives_a_valid_report_through_the_api(text: str, article_id: str) -> None:
    _api_property(text, article_id)


@pytest.mark.slow
@LONG
@given(TEXTS, IDS)
def test_any_text_gives_a_valid_report_through_the_api_long(text: str, article_id: str) -> None:
    _api_property(text, article_id)


LINES = st.one_of(
    st.tuples(IDS, TEXTS).map(lambda a: ("article", json.dumps({"id": a[0], "text": a[1]}))),
    st.sampled_from(["", "   ", "{", "[" * 2000, "null", "42", '{"id": 1}', '{"text": "no id"}', "\udc80"]).map(
        lambda junk: ("junk", junk)
    ),
    st.binary(max_size=20).filter(lambda b: b"\n" not in b and b"\r" not in b).map(lambda b: ("bytes", b)),
)


def _cli_property(lines: list, folder: Path) -> None:
    payload = b"".join(
        (line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")) + b"\n" for _, line in lines
    )
    expected = sum(1 for kind, _ in lines if kind == "article")
    feed = folder / "feed.jsonl"  # a .jsonl file: standard input would be sniffed, and a first line of junk
    feed.write_bytes(payload)  # make the whole of it one plain-text article
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["score", "--format", "jsonl", "--semantic", "off", "--quiet", str(feed)])
    # JSONL lines end at "\n" only: a text may hold U+0085 or U+2028, which str.splitlines also splits at
    reports = [Report.model_validate_json(line) for line in out.getvalue().split("\n") if line]
    # a random byte line may happen to be a valid article; every drawn article must come out, in order
    assert len(reports) >= expected and code in (0, 2), err.getvalue()
    assert "Traceback" not in err.getvalue()
    for report in reports:
        VALIDATOR.validate(json.loads(report.model_dump_json()))
    ids = [json.loads(line)["id"] for kind, line in lines if kind == "article"]
    cleaned = [Article(id=i, text="").id for i in ids]
    it = iter(r.id for r in reports)
    assert all(any(i == got for got in it) for i in cleaned), "articles lost or out of order"


@CI_CLI
@given(st.lists(LINES, max_size=6))
def test_every_article_line_gives_one_report_through_the_cli(lines: list) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _cli_property(lines, Path(folder))


@pytest.mark.slow
@settings(LONG, max_examples=200)
@given(st.lists(LINES, max_size=10))
def test_every_article_line_gives_one_report_through_the_cli_long(lines: list) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _cli_property(lines, Path(folder))
