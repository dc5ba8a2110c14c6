"""python -m evaluation.attribution: speaker accuracy, quote recall, vague and unattributed P/R per split."""

from __future__ import annotations

from evaluation.attribution import evaluate, load, throughput
from evaluation.harness import by_split


def main() -> None:
    examples = load()
    print(
        f"{'split':<6} {'n':>3} {'speaker acc':>11} {'quote rec':>9} {'vague P':>8} {'vague R':>8} {'unattr P':>9} {'unattr R':>9}"
    )
    for split, subset in by_split(examples):
        r = evaluate(subset)
        print(
            f"{split:<6} {r['articles']:>3} {r['speaker_accuracy']:>11.2f} {r['quote_recall']:>9.2f} "
            f"{r['vague_precision']:>8.2f} {r['vague_recall']:>8.2f} {r['unattributed_precision']:>9.2f} {r['unattributed_recall']:>9.2f}"
        )
    for line in evaluate(examples)["misses"]:
        print("  ", line)
    print(f"throughput: {throughput(examples):.0f} docs/s (check only, ~3 KB articles)")


if __name__ == "__main__":
    main()
