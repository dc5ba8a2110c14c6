"""The command line: formats, exit codes, and inputs that must not stop a batch."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reliability.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_score_jsonl_gives_one_valid_report_per_article(capsys):
    from reliability.models import Report

    code, out, err = run(["score", "--format", "jsonl", str(EXAMPLES)], capsys)
    assert code == 0, err
    reports = [Report.model_validate_json(line) for line in out.splitlines()]
    assert len(reports) == 3 + 3  # three .txt files and a three-line feed.jsonl
    assert {r.source for r in reports} >= {"example-wire.com", "example-blog.net", None}


def test_score_json_is_one_array(capsys):
    code, out, _ = run(["score", "--format", "json", str(EXAMPLES / "harbour-bridge-clean.txt")], capsys)
    data = json.loads(out)
    assert code == 0 and isinstance(data, list) and data[0]["id"] == "harbour-bridge-clean.txt"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_human_formats_show_score_checks_and_findings(fmt, capsys):
    code, out, _ = run(
        ["score", "--format", fmt, "--checks", "integrity", str(EXAMPLES / "harbour-bridge-clean.txt")], capsys
    )
    assert code == 0
    assert "harbour-bridge-clean.txt" in out and "integrity" in out and "Reliability" in out


def test_text_format_quotes_the_flagged_snippet(capsys, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("<html><body><div><p>Too short.</p></div></body></html>")
    code, out, _ = run(["score", "--format", "text", "--checks", "integrity", str(page)], capsys)
    assert code == 0
    assert "integrity.too_short" in out and "warning" in out and "» " in out


def test_missing_file_is_one_line_and_exit_2_but_the_rest_is_scored(capsys):
    code, out, err = run(
        ["score", "--format", "jsonl", "no/such/file.txt", str(EXAMPLES / "harbour-bridge-clean.txt")], capsys
    )
    assert code == 2
    error, summary = err.strip().splitlines()
    assert error == "reliability: error: no/such/file.txt: no such file or folder"
    assert summary.startswith("1 article, mean score") and "1 unreadable" in summary
    assert len(out.splitlines()) == 1


def test_bad_jsonl_lines_are_reported_and_skipped(capsys, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"id": "ok", "text": "Fine text here."}\nnot json\n{"text": "no id"}\n{"id": "ok2", "text": "More."}\n'
    )
    code, out, err = run(["score", "--format", "jsonl", "--checks", "integrity", str(feed)], capsys)
    assert code == 2
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["ok", "ok2"]
    assert "feed.jsonl:2: not valid JSON" in err and "feed.jsonl:3: not an article (id: Field required)" in err


def test_binary_and_invalid_utf8_files_get_defined_reports(capsys, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le ministre a déclaré que les négociations reprendraient à Genève.".encode("latin-1"))
    code, out, _ = run(["score", "--format", "jsonl", str(binary), str(latin1)], capsys)
    reports = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert code == 0
    codes = lambda rid: {f["code"] for c in reports[rid]["checks"] for f in c["findings"]}  # noqa: E731
    assert "integrity.binary" in codes("image.txt") and reports["image.txt"]["label"] == "low"
    assert "integrity.encoding" in codes("latin1.txt")


def test_stdin_jsonl(capsys, monkeypatch):
    line = b'{"id": "s1", "text": "A council vote was held on Monday.", "source": "x.org"}\n'
    code, out, _ = run(["score", "--format", "jsonl", "--checks", "integrity", "-"], capsys, line, monkeypatch)
    assert code == 0 and json.loads(out)["source"] == "x.org"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["score"], "the following arguments are required: PATH"),
        (["score", "--format", "pdf", "x.txt"], "invalid choice: 'pdf'"),
        (["score", "--checks", "nonsense", "x.txt"], "unknown check(s): nonsense"),
        (["score", "--config", "/no/such.toml", "x.txt"], "cannot read config /no/such.toml"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(argv, message, capsys):
    code, _, err = run(argv, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and message in err


def test_bad_config_values_are_reported(capsys, tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("[bands]\nhigh = 20\nmedium = 80\n")
    code, _, err = run(["score", "--config", str(config), str(EXAMPLES)], capsys)
    assert code == 2 and "bands.medium must not exceed bands.high" in err
    config.write_text("this is = = not toml")
    code, _, err = run(["score", "--config", str(config), str(EXAMPLES)], capsys)
    assert code == 2 and "bad config" in err


def test_checks_says_whether_the_semantic_model_is_there(capsys, monkeypatch):
    monkeypatch.setattr("reliability.semantic.semantic_available", lambda: False)
    code, out, _ = run(["checks"], capsys)
    assert code == 0 and "semantic model: not installed" in out and "off_topic" in out.splitlines()[-1]
    monkeypatch.setattr("reliability.semantic.semantic_available", lambda: True)
    _, out, _ = run(["checks"], capsys)
    assert "all-MiniLM-L6-v2 (ONNX Runtime), installed; used by off_topic" in out


def test_checks_lists_builtins_with_plugin_version_and_weight(capsys):
    code, out, _ = run(["checks"], capsys)
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("integrity"))
    assert "reliability.checks.integrity" in row and "1.0" in row


def test_schema_command_prints_the_report_schema(capsys):
    code, out, _ = run(["schema"], capsys)
    assert code == 0 and json.loads(out)["title"] == "Report"
    code, out, _ = run(["schema", "article"], capsys)
    assert json.loads(out)["title"] == "Article"


def test_sources_rolls_up_per_publisher(capsys, tmp_path):
    code, out, _ = run(["sources", "--format", "json", str(EXAMPLES / "feed.jsonl")], capsys)
    profiles = {p["source"]: p for p in json.loads(out)}
    assert code == 0 and profiles["example-wire.com"]["articles"] == 2 and profiles["example-blog.net"]["articles"] == 1
    saved = tmp_path / "reports.jsonl"
    run(["score", "--format", "jsonl", str(EXAMPLES / "feed.jsonl")], capsys)
    main(["score", "--format", "jsonl", str(EXAMPLES / "feed.jsonl")])
    saved.write_text(capsys.readouterr().out)
    code, out2, _ = run(["sources", "--reports", "--format", "json", str(saved)], capsys)
    assert code == 0 and json.loads(out2) == json.loads(out)


def test_python_dash_m_works():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reliability",
            "score",
            "--format",
            "jsonl",
            "--checks",
            "integrity",
            str(EXAMPLES / "harbour-bridge-clean.txt"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and json.loads(result.stdout)["id"] == "harbour-bridge-clean.txt"


def test_clean_cuts_boilerplate_without_loading_the_semantic_model(capsys, monkeypatch):
    def no_model(required=None):
        if required is not False:
            raise AssertionError("cutting boilerplate must not load the sentence-embedding model")

    monkeypatch.setattr("reliability.engine.load_encoder", no_model)
    code, out, _ = run(["clean", "--text-only", str(EXAMPLES / "flood-warning-with-chrome.txt")], capsys)
    assert code == 0
    assert "Skip to main content" not in out and "Sign up for our morning newsletter" not in out
    assert "Temporary barriers were put up along the town's quayside overnight." in out
