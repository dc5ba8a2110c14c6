"""The same article gives the same report in every run: nothing may depend on the order Python happens to
iterate a set of strings in, which changes from one process to the next (PYTHONHASHSEED)."""

import os
import subprocess
import sys

import pytest

REVERSAL = (
    "The company said its quarterly sales rose sharply in the third quarter of the year. Analysts were "
    "surprised by the report on Tuesday. The company said its quarterly sales dropped and fell sharply in "
    "the third quarter of the year."
)
PROGRAM = """
import sys
from reliability import Engine
report = Engine(semantic=False, checks=["contradiction"]).score(sys.argv[1])
print([(f.code, f.start, f.end, f.message) for c in report.checks for f in c.findings])
"""


def _findings(hash_seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    run = subprocess.run(
        [sys.executable, "-c", PROGRAM, REVERSAL], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return run.stdout


@pytest.mark.parametrize("hash_seed", [1, 2, 3, 4, 5])
def test_a_reversal_names_the_same_words_whatever_the_hash_seed(hash_seed):
    first = _findings(0)
    assert "“dropped” where it said “rose”" in first  # the first reversed word in reading order
    assert _findings(hash_seed) == first
