"""Every hook is documented as a spec and exercised by a test (datasette's completeness idea)."""

from pathlib import Path

import pytest

from reliability import hookspecs

HOOKS = [name for name in dir(hookspecs) if name.startswith("reliability_")]
TESTS = "\n".join(p.read_text() for p in Path(__file__).parent.glob("test_*.py") if p.name != Path(__file__).name)


def test_there_are_hooks():
    assert "reliability_checks" in HOOKS


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented_with_version_and_example(hook):
    doc = getattr(hookspecs, hook).__doc__ or ""
    assert "Since" in doc and "Example" in doc and ":return:" in doc


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_has_a_test(hook):
    assert f"def {hook}(" in TESTS, f"no test implements {hook}"
