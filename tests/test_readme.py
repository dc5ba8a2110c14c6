"""The README cannot drift: every output it shows is what the command prints, its API snippet runs,
its abridged JSON report is part of the real one, and its plugin pyproject.toml is the shipped one.

Shown outputs sit in a ```text block after `<!-- output of: COMMAND -->`, as a 100-column terminal
with NO_COLOR set prints them with only the built-in checks installed and no semantic extra (README command 1). After an intended change,
rewrite them (and the abridged JSON report's values) with
`RELIABILITY_UPDATE_README=1 python -m pytest tests/test_readme.py`, and read the diff.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
from pathlib import Path

import pytest

from reliability.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
UPDATE = os.environ.get("RELIABILITY_UPDATE_README") == "1"
SHOWN = re.compile(r"<!-- output of: (?P<command>.+?) -->\n```text\n(?P<output>.*?)```", re.DOTALL)
TIMING = re.compile(r"\(\d+ ms\) *")  # the time, and the padding its digits take


def _shown_outputs() -> list[tuple[str, str]]:
    return [(m["command"], m["output"]) for m in SHOWN.finditer(README.read_text(encoding="utf-8"))]


def _run(command: str, capsys, monkeypatch) -> str:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("RELIABILITY_DISABLED_PLUGINS", "spelling")  # README command 1 installs no plugin
    monkeypatch.setattr("reliability.semantic.semantic_available", lambda: False)  # nor the semantic extra
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)  # typed at a terminal
    argv = shlex.split(command)
    assert argv[0] == "reliability"
    code = main(argv[1:])
    out = capsys.readouterr().out
    assert code in (0, 1), f"{command} exited {code}"
    return f"$ {command}\n{out}"


def test_the_readme_shows_outputs():
    assert len(_shown_outputs()) >= 3


@pytest.mark.parametrize(("command", "shown"), _shown_outputs(), ids=[c for c, _ in _shown_outputs()])
def test_shown_output_is_what_the_command_prints(command, shown, capsys, monkeypatch):
    actual = _run(command, capsys, monkeypatch)
    if UPDATE and TIMING.sub("(N ms)", actual) != TIMING.sub("(N ms)", shown):
        text = README.read_text(encoding="utf-8")
        README.write_text(
            text.replace(
                f"<!-- output of: {command} -->\n```text\n{shown}```",
                f"<!-- output of: {command} -->\n```text\n{actual}```",
            ),
            encoding="utf-8",
        )
        shown = actual
    assert TIMING.sub("(N ms)", actual) == TIMING.sub("(N ms)", shown)


def _contained(shown, actual, where="report") -> None:
    """Every key the README shows has the real value; a list shows some of the real list's items."""
    if isinstance(shown, dict):
        assert isinstance(actual, dict), where
        for key, value in shown.items():
            assert key in actual, f"{where}.{key} is not in the real report"
            if key != "elapsed_ms":
                _contained(value, actual[key], f"{where}.{key}")
    elif isinstance(shown, list):
        assert isinstance(actual, list), where
        for i, item in enumerate(shown):
            errors = []
            for candidate in actual:
                try:
                    _contained(item, candidate, f"{where}[{i}]")
                    break
                except AssertionError as exc:
                    errors.append(str(exc))
            else:
                raise AssertionError(f"{where}[{i}] matches no item of the real list: {errors[:3]}")
    else:
        assert shown == actual, f"{where}: README shows {shown!r}, the command gives {actual!r}"


def _projected(shown, actual):
    """The real values in the shape the README shows (list items matched by name, or code and start)."""
    if isinstance(shown, dict) and isinstance(actual, dict):
        return {k: _projected(v, actual.get(k)) for k, v in shown.items()}
    if isinstance(shown, list) and isinstance(actual, list):

        def same(a, b):
            keys = ("name",) if "name" in a else ("code", "start")
            return isinstance(b, dict) and all(a.get(k) == b.get(k) for k in keys)

        return [_projected(item, next((x for x in actual if same(item, x)), None)) for item in shown]
    return actual


def test_abridged_json_report_is_part_of_the_real_one(capsys, monkeypatch):
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- abridged from: (?P<command>.+?) -->\n```json\n(?P<json>.*?)```", text, re.DOTALL)
    assert match, "the README's abridged report is marked with the command it comes from"
    real = json.loads(_run(match["command"], capsys, monkeypatch).split("\n", 1)[1])
    real = real[0] if isinstance(real, list) else real
    shown = json.loads(match["json"])
    if UPDATE:
        shown = _projected(shown, real)
        README.write_text(
            text.replace(match["json"], json.dumps(shown, indent=2, ensure_ascii=False) + "\n"), encoding="utf-8"
        )
    _contained(shown, real)


def test_api_snippet_runs_with_what_it_imports(monkeypatch, capsys):
    text = README.read_text(encoding="utf-8")
    snippet = text.split("## Python API", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("RELIABILITY_DISABLED_PLUGINS", "spelling")
    monkeypatch.setattr("reliability.semantic.semantic_available", lambda: False)  # fast: lexical evidence only
    namespace: dict = {"__name__": "readme"}
    exec(compile(snippet, "README.md", "exec"), namespace)  # noqa: S102 - the README's own code
    assert capsys.readouterr().out.strip()


def test_tutorial_shows_the_whole_plugin_pyproject():
    text = README.read_text(encoding="utf-8")
    shipped = (ROOT / "plugins" / "reliability-spelling" / "pyproject.toml").read_text(encoding="utf-8")
    assert f"```toml\n# plugins/reliability-spelling/pyproject.toml\n{shipped}```" in text
