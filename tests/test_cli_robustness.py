"""The command line under hostile input: nothing lost, no traceback, nothing raw on the reader's screen."""

from __future__ import annotations

import io
import json
import os
import re
import sys

import pytest

from reliability.cli import main
from reliability.models import Report

ARTICLE = "Officials said the bridge would reopen on Monday. “It is safe,” the mayor said."
ESCAPES = "\x1b[2J\x1b]0;owned\x07\u202e"


def run(argv, capsys, monkeypatch=None, stdin: bytes | None = None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(["score", "--checks", "integrity,readability", *argv[1:]] if argv[0] == "score+" else argv)
    out, err = capsys.readouterr()
    return code, out, err


def _line(**fields) -> str:
    return json.dumps({"id": "a", "text": ARTICLE, **fields})


def test_a_deeply_nested_jsonl_line_is_one_error_and_the_next_line_is_scored(capsys, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("[" * 2000 + "\n" + _line(id="good") + "\n")
    code, out, err = run(["score+", "--format", "jsonl", str(feed)], capsys)
    assert code == 2 and "feed.jsonl:1: not valid JSON (nested too deeply)" in err
    assert [Report.model_validate_json(line).id for line in out.splitlines()] == ["good"]
    assert "Traceback" not in err


def test_a_lone_surrogate_in_a_jsonl_line_loses_nothing(capsys, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "x\\udc80", "text": "\\udc80abc"}\n' + _line(id="next") + "\n")
    code, out, err = run(["score+", "--format", "jsonl", str(feed)], capsys)
    ids = [Report.model_validate_json(line).id for line in out.splitlines()]
    assert code == 0 and ids == ["x\ufffd", "next"], err


def test_sources_from_reports_keeps_the_good_lines_of_a_file_with_bad_ones(capsys, tmp_path):
    from reliability import Article, Engine

    reports = tmp_path / "reports.jsonl"
    engine = Engine(checks=["integrity"], semantic=False)
    good = [engine.score(Article(id=f"a{i}", text=ARTICLE, source="wire.example")).model_dump_json() for i in range(2)]
    reports.write_bytes(good[0].encode() + b"\n{not a report}\n\xff\xfe\n" + good[1].encode() + b"\n")
    code, out, err = run(["sources", "--reports", "--format", "json", str(reports)], capsys)
    assert code == 2
    assert err.count("not a report") == 2 and "Traceback" not in err
    assert json.loads(out)[0]["articles"] == 2


def test_a_symbolic_link_in_a_folder_is_not_followed_unless_asked(capsys, tmp_path):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("The launch code is 0000. " * 3)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(ARTICLE)
    os.symlink(secret, folder / "leak.txt")
    os.symlink(secret.parent, folder / "linked-folder")
    code, out, err = run(["score+", "--format", "jsonl", str(folder)], capsys)
    assert code == 0 and [Report.model_validate_json(line).id for line in out.splitlines()] == ["story.txt"]
    assert "leak.txt: a symbolic link, not followed" in err and "linked-folder: a symbolic link" in err
    code, out, err = run(["score+", "--format", "jsonl", "--follow-symlinks", str(folder)], capsys)
    assert sorted(Report.model_validate_json(line).id for line in out.splitlines()) == [
        "leak.txt",
        "secret.txt",
        "story.txt",
    ]


def test_a_link_cycle_is_walked_once(capsys, tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE)
    os.symlink(tmp_path, tmp_path / "loop")
    code, out, _ = run(["score+", "--format", "jsonl", "--follow-symlinks", str(tmp_path)], capsys)
    assert code == 0 and len(out.splitlines()) == 1


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_escape_sequences_from_the_article_never_reach_the_terminal(fmt, capsys, tmp_path):
    feed = tmp_path / "feed.jsonl"
    text = f"<b>Shouting</b> {ESCAPES} {ARTICLE} " * 2
    feed.write_text(_line(id=f"id{ESCAPES}", source=f"src{ESCAPES}", text=text) + "\n")
    code, out, err = run(["score+", "--format", fmt, str(feed)], capsys)
    assert code == 0, err
    assert not any(c in out for c in "\x1b\x07\u202e"), repr(out[:300])
    assert "␛" in out  # shown, as a symbol


def test_a_file_name_with_an_escape_sequence_is_shown_escaped(capsys, tmp_path):
    path = tmp_path / "evil\x1b[2J.txt"
    path.write_text(ARTICLE)
    code, out, err = run(["score+", "--format", "text", str(path), str(tmp_path / "missing\x1b]0;x.txt")], capsys)
    assert code == 2
    assert "\x1b" not in out and "\x1b" not in err and "evil␛[2J.txt" in out and "missing␛]0;x.txt" in err


def test_markdown_escapes_html_and_links_from_ids_sources_and_quotes(capsys, tmp_path):
    feed = tmp_path / "feed.jsonl"
    link = "[click](javascript:alert(1))"
    feed.write_text(
        _line(
            id=f"<img src=x onerror=alert(1)>{link}",
            source="<script>x</script>",
            text=f"<p>{link}</p>\n<p>{link}</p>\n" * 3,
        )
        + "\n"
    )
    code, out, _ = run(["score+", "--format", "markdown", str(feed)], capsys)
    assert code == 0
    assert not re.search(r"(?<!\\)<(?:img|script|p)\b|(?<!\\)\[click|(?<!\\)\]\(javascript", out), out
    assert "\\<img src=x onerror=alert(1)\\>" in out


@pytest.mark.parametrize("workers", ["2147483647", "0", "-3", "two"])
def test_an_impossible_worker_count_is_a_usage_error(workers, capsys):
    code, _, err = run(["score", "--workers", workers, "-"], capsys)
    assert code == 2 and err.count("\n") == 1 and "argument --workers: must be a whole number from 1" in err


def test_more_workers_than_cpus_are_capped(capsys, tmp_path, monkeypatch):
    import reliability.pool

    monkeypatch.setattr(reliability.pool, "cpu_count", lambda: 1)
    (tmp_path / "a.txt").write_text(ARTICLE)
    code, out, err = run(["score+", "--format", "jsonl", "--workers", "16", str(tmp_path)], capsys)
    assert code == 0 and len(out.splitlines()) == 1
    assert "workers=16 capped at the 1 CPUs" in err


@pytest.mark.parametrize("checks", [",", " , ", ""])
def test_checks_naming_no_check_is_a_usage_error(checks, capsys):
    code, out, err = run(["score", "--checks", checks, "-"], capsys)
    assert code == 2 and out == "" and "names no check" in err and err.count("\n") == 1
