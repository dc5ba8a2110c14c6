"""python -m evaluation.duplication: precision and recall per split and defect, misses, false alarms, throughput."""

from __future__ import annotations

from evaluation.duplication import DEFECTS, build, evaluate, throughput
from evaluation.harness import by_split


def main() -> None:
    examples = build()
    print("split     articles  planted  precision  recall   " + "  ".join(f"{k:>14}" for k in DEFECTS))
    for split, chosen in by_split(examples):
        r = evaluate(chosen)
        by_kind = "  ".join(f"{r['recall_by_kind'][k]:>14.2f}" for k in DEFECTS)
        print(
            f"{split:<9} {r['articles']:>8} {r['planted']:>8} {r['precision']:>10.2f} {r['recall']:>7.2f}   {by_kind}"
        )
    r = evaluate(examples)
    for miss in r["misses"]:
        print("  missed:", miss)
    for ident, text in r["false_alarms"]:
        print("  false alarm:", ident, repr(text))
    print(f"throughput: {throughput():,.0f} docs/s (check alone, ~3 KB articles)")


if __name__ == "__main__":
    main()
