"""Build the first-name gender table (reliability/language/first_names.json) from public birth records.

Source: the US Social Security Administration's national baby-name counts (public domain, US
government data), as mirrored in hackerb9/ssa-baby-names (`raw-data/yobYYYY.txt`: name, sex, births).
Births of 1930-2010 are summed per name and sex (the people news quotes today); a name is kept when
at least 1,000 babies got it and at least 90% of them were of one sex. The attribution check reads the
table to prefer "she" for Wendy and "he" for Paul when it resolves a pronoun; a name not in it
("Tareq", "Yuni") is simply unknown.
Run: python -m evaluation.build_first_names
"""

from __future__ import annotations

import json
from pathlib import Path

from evaluation.public import PublicFile, read_bytes

COMMIT = "0b1a1316457d55447d1a1f7bfe57ee15e53cc2f0"
YEARS = range(1930, 2011)
MIN_BIRTHS = 1000
MIN_SHARE = 0.9
TABLE = Path(__file__).resolve().parents[1] / "reliability" / "language" / "first_names.json"


def births() -> dict[str, list[int]]:
    """Births per name: [male, female], summed over YEARS."""
    counts: dict[str, list[int]] = {}
    for year in YEARS:
        source = PublicFile("hackerb9/ssa-baby-names", COMMIT, f"raw-data/yob{year}.txt", "public domain (SSA)")
        for line in read_bytes(source).decode("ascii").split():
            name, sex, count = line.split(",")
            counts.setdefault(name, [0, 0])[sex == "F"] += int(count)
    return counts


def main() -> None:
    counts = births()
    table = {"male": [], "female": []}  # type: dict[str, list[str]]
    for name, (male, female) in sorted(counts.items()):
        total = male + female
        if total >= MIN_BIRTHS:
            if male / total >= MIN_SHARE:
                table["male"].append(name)
            elif female / total >= MIN_SHARE:
                table["female"].append(name)
    about = (
        f"first names by sex: US Social Security Administration birth counts {YEARS[0]}-{YEARS[-1]} (public domain), "
        f"via github.com/hackerb9/ssa-baby-names @ {COMMIT[:12]}; >= {MIN_BIRTHS} births, >= {MIN_SHARE:.0%} one sex; "
        "evaluation/build_first_names.py"
    )
    TABLE.write_text(
        json.dumps({"about": about, "male": " ".join(table["male"]), "female": " ".join(table["female"])}, indent=1)
        + "\n"
    )
    print(f"wrote {TABLE}: {len(table['male'])} male, {len(table['female'])} female names")


if __name__ == "__main__":
    main()
