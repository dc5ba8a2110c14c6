"""Command-line conventions: usage, exit status, colour, width, progress and summary, finding filters,
CSV, -o, config discovery, and inputs (stdin sniffing, JSON arrays, extra fields, --source, clean again)."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

import pytest
from test_cli import run  # one CLI runner for the command-line tests (tests/ is on sys.path)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FAST = ["--semantic", "off"]


@pytest.fixture(autouse=True)
def _no_colour_or_plugin_surprises(monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RELIABILITY_DISABLED_PLUGINS", "spelling")


def test_bare_command_prints_usage_and_exits_2(capsys):
    code, out, err = run([], capsys)
    assert code == 2 and out == ""
    assert err.startswith("usage: reliability") and "score" in err and "sources" in err


def test_exit_status_gates_on_fail_under(capsys):
    # budget-printed-twice scores about 43: under a bar of 50, over a bar of 40
    args = ["score", *FAST, "--format", "jsonl", str(EXAMPLES / "budget-printed-twice.txt")]
    code, out, _ = run([*args, "--fail-under", "50"], capsys)
    assert code == 1 and json.loads(out)["score"] < 50
    code, _, _ = run([*args, "--fail-under", "40"], capsys)
    assert code == 0
    code, _, err = run([*args, "--fail-under", "150"], capsys)
    assert code == 2 and "--fail-under must be between 0 and 100" in err


def test_exit_status_on_a_failed_check_only_when_asked(capsys, monkeypatch):
    from reliability.checks.integrity import IntegrityCheck

    def broken(self, document, context):
        raise RuntimeError("boom")

    monkeypatch.setattr(IntegrityCheck, "run", broken)
    args = [
        "score",
        *FAST,
        "--checks",
        "integrity,readability",
        "--format",
        "jsonl",
        str(EXAMPLES / "harbour-bridge-clean.txt"),
    ]
    code, out, _ = run(args, capsys)
    assert code == 0 and json.loads(out)["checks"][0]["error"] == "RuntimeError: boom"
    code, _, _ = run([*args, "--fail-on-error"], capsys)
    assert code == 1


@pytest.mark.parametrize(
    ("environment", "flag", "coloured"),
    [
        ({}, "auto", False),
        ({"FORCE_COLOR": "1"}, "auto", True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, "auto", False),
        ({"NO_COLOR": "1"}, "always", True),
        ({"FORCE_COLOR": "1"}, "never", False),
    ],
)
def test_colour_follows_flag_then_no_color_then_force_color(environment, flag, coloured, capsys, monkeypatch):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    code, out, _ = run(
        [
            "score",
            *FAST,
            "--checks",
            "integrity",
            "--format",
            "text",
            "--color",
            flag,
            str(EXAMPLES / "harbour-bridge-clean.txt"),
        ],
        capsys,
    )
    assert code == 0 and ("\x1b[" in out) is coloured


@pytest.mark.parametrize("columns", [60, 80, 140])
def test_text_report_fits_the_terminal_width(columns, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run(["score", *FAST, "--format", "text", str(EXAMPLES / "budget-printed-twice.txt")], capsys)
    lines = out.splitlines()
    assert code == 0 and max(len(line) for line in lines) <= columns
    assert lines[0].startswith("╭") and len(lines[0]) == columns  # the box spans the terminal


def test_batch_ends_with_a_one_line_summary_unless_quiet(capsys):
    code, _, err = run(["score", *FAST, "--format", "jsonl", str(EXAMPLES)], capsys)
    summary = err.strip().splitlines()[-1]
    assert code == 0 and summary.startswith("6 articles, mean score ")
    assert "high" in summary and "low" in summary and "0 unreadable, 0 failed checks" in summary
    code, _, err = run(["score", *FAST, "--format", "jsonl", "--quiet", str(EXAMPLES)], capsys)
    assert code == 0 and err == ""


def test_progress_bar_runs_on_a_terminal_stderr_only_when_the_reports_go_elsewhere(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    code, _, err = run(
        ["score", *FAST, "--checks", "integrity", "-o", str(tmp_path / "r.jsonl"), str(EXAMPLES)], capsys
    )
    assert code == 0 and "scoring" in err and "articles/s" in err  # the bar, drawn on stderr
    assert re.search(
        r"\x1b\[2K6 articles, mean score [\d.]+: .*0 failed checks \([\d.]+ s\)\n$", err
    )  # bar erased, summary
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    code, _, err = run(["score", *FAST, "--checks", "integrity", "--color", "never", str(EXAMPLES)], capsys)
    assert code == 0 and "scoring" not in err and err.startswith("6 articles")  # the reports are the progress


def test_min_severity_select_and_ignore_filter_findings_not_scores(capsys):
    path = str(EXAMPLES / "feed.jsonl")

    def findings(*extra):
        code, out, _ = run(["score", *FAST, "--format", "json", *extra, path], capsys)
        reports = json.loads(out)
        return code, [r["score"] for r in reports], [f for r in reports for c in r["checks"] for f in c["findings"]]

    _, score, every = findings()
    assert {f["severity"] for f in every} >= {"info", "warning"}
    _, score2, warnings = findings("--min-severity", "warning")
    assert score2 == score and warnings and all(f["severity"] != "info" for f in warnings)
    _, _, selected = findings("--select", "off_topic")
    assert selected and all(f["code"].startswith("off_topic.") for f in selected)
    _, _, ignored = findings("--ignore", "off_topic.boilerplate,attribution")
    assert all(f["code"] != "off_topic.boilerplate" and f["check"] != "attribution" for f in ignored)
    assert len(ignored) < len(every)


def test_csv_has_one_row_per_article_with_a_column_per_check(capsys):
    code, out, _ = run(["score", *FAST, "--format", "csv", str(EXAMPLES)], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 6
    assert {"id", "source", "title", "score", "label", "duplication_score", "warnings", "codes", "meta"} <= set(rows[0])
    budget = next(r for r in rows if r["id"] == "budget-printed-twice.txt")
    assert budget["label"] == "low" and "duplication.paragraph" in budget["codes"]


def test_output_file_and_its_suffix_choose_the_format(tmp_path, capsys):
    target = tmp_path / "review.html"
    code, out, _ = run(["score", *FAST, "-o", str(target), str(EXAMPLES / "harbour-bridge-clean.txt")], capsys)
    assert code == 0 and out == "" and target.read_text().startswith("<!doctype html>")
    code, _, err = run(["score", *FAST, "-o", str(tmp_path / "no" / "dir.csv"), str(EXAMPLES)], capsys)
    assert code == 2 and "cannot write" in err


def test_config_is_discovered_in_the_working_directory(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = ["score", *FAST, "--format", "jsonl", str(EXAMPLES / "harbour-bridge-clean.txt")]
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.reliability]\nchecks = ["integrity"]\n')
    _, out, _ = run(args, capsys)
    assert [c["name"] for c in json.loads(out)["checks"]] == ["integrity"]
    (tmp_path / "reliability.toml").write_text('checks = ["readability"]\n')  # wins over pyproject.toml
    _, out, _ = run(args, capsys)
    assert [c["name"] for c in json.loads(out)["checks"]] == ["readability"]


def test_every_config_error_names_its_key(tmp_path, capsys):
    config = tmp_path / "reliability.toml"
    config.write_text('chekcs = ["integrity"]\n[bands]\nhigh = "lots"\n')
    code, _, err = run(["score", "--config", str(config), str(EXAMPLES)], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "chekcs: unknown setting" in err and "bands.high: Input should be a valid number" in err


@pytest.mark.parametrize(
    ("stdin", "ids"),
    [
        (b"The council met on Monday. It voted to close the bridge.\n", ["stdin"]),
        (b'\n{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n', ["a", "b"]),
        (b' [{"id": "a", "text": "One."}, {"id": "b", "text": "Two."}]', ["a", "b"]),
        (b'# crawl of 6 Dec\n{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n', ["a", "b"]),
        (b"{Braces open this text.}\nIt is prose all the same.\n", ["stdin"]),
    ],
)
def test_stdin_is_sniffed_plain_text_jsonl_or_json_array(stdin, ids, capsys, monkeypatch):
    """A stray line before JSONL records is one unreadable line (exit 2), not a stream read as one article."""
    code, out, err = run(
        ["score", *FAST, "--checks", "integrity", "--format", "jsonl", "-"], capsys, stdin, monkeypatch
    )
    assert [json.loads(line)["id"] for line in out.splitlines()] == ids
    assert code == (2 if stdin.startswith(b"#") else 0), err


def test_extra_fields_travel_to_the_report_as_meta(tmp_path, capsys):
    records = [
        {
            "id": "a",
            "text": "The council met on Monday.",
            "title": "Council",
            "url": "https://x.org/a",
            "published": "2026-01-02",
            "author": "J. Smith",
            "crawl": {"at": "2026-01-03", "status": 200},
        },
        {"id": 7, "text": "The mayor spoke on Tuesday.", "meta": {"lang_score": 0.9}, "tags": ["x"]},
    ]
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(records))
    code, out, _ = run(["score", *FAST, "--checks", "integrity", "--format", "jsonl", str(feed)], capsys)
    first, second = map(json.loads, out.splitlines())
    assert code == 0
    assert first["meta"] == {"author": "J. Smith", "crawl": {"at": "2026-01-03", "status": 200}}
    assert (first["title"], first["url"], first["published"]) == ("Council", "https://x.org/a", "2026-01-02")
    assert second["id"] == "7" and second["meta"] == {"lang_score": 0.9, "tags": ["x"]}


def test_a_folder_contributes_text_and_jsonl_but_not_other_json(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("The council met on Monday.")
    (tmp_path / "expected.json").write_text('{"not": "an article"}')
    code, out, err = run(["score", *FAST, "--checks", "integrity", "--format", "jsonl", str(tmp_path)], capsys)
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == ["a.txt"] and "error" not in err


def test_source_names_the_publisher_of_text_files(capsys):
    code, out, _ = run(
        [
            "score",
            *FAST,
            "--checks",
            "integrity",
            "--format",
            "jsonl",
            "--source",
            "example.org",
            str(EXAMPLES / "harbour-bridge-clean.txt"),
            str(EXAMPLES / "feed.jsonl"),
        ],
        capsys,
    )
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert code == 0 and sources[0] == "example.org" and "example-wire.com" in sources  # a record's own source wins


def test_clean_writes_records_that_score_reads_again(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    text = (EXAMPLES / "flood-warning-with-chrome.txt").read_text()
    feed.write_text(
        json.dumps({"id": "flood", "text": text, "source": "x.org", "title": "Flood", "desk": "news"}) + "\n"
    )
    code, out, _ = run(["clean", *FAST, str(feed)], capsys)
    cleaned = tmp_path / "cleaned.jsonl"
    cleaned.write_text(out)
    assert code == 0 and json.loads(out)["removed_chars"] > 0
    code, out, _ = run(["score", *FAST, "--format", "jsonl", str(cleaned)], capsys)
    report = json.loads(out)
    assert code == 0 and (report["id"], report["source"], report["title"]) == ("flood", "x.org", "Flood")
    assert report["meta"]["desk"] == "news" and report["meta"]["removed_chars"] > 0
    assert not [
        f
        for c in report["checks"]
        for f in c["findings"]
        if f["code"] == "off_topic.boilerplate" and f["severity"] != "info"
    ]
