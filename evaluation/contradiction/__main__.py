"""python -m evaluation.contradiction: precision and recall per split and kind, misses, false alarms, throughput."""

from __future__ import annotations

from evaluation.contradiction import KINDS, build, evaluate, throughput
from evaluation.harness import by_split


def main() -> None:
    examples = build()
    print("split     examples planted precision recall   " + "  ".join(f"{k:>9}" for k in KINDS))
    for split, chosen in by_split(examples):
        r = evaluate(chosen)
        by_kind = "  ".join(f"{r['recall_by_kind'][k]:>9.2f}" for k in KINDS)
        print(f"{split:<9} {r['examples']:>8} {r['planted']:>7} {r['precision']:>9.2f} {r['recall']:>6.2f}   {by_kind}")
    r = evaluate(examples)
    for miss in r["misses"]:
        print("  missed:", *miss)
    for alarm in r["false_alarms"]:
        print("  false alarm:", *alarm)
    print("throughput:", ", ".join(f"{k} {v:,.1f}" for k, v in throughput().items()))


if __name__ == "__main__":
    main()
