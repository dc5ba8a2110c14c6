"""python -m evaluation.readability: the figures per split, false alarms on real names, and throughput."""

from __future__ import annotations

from evaluation.harness import by_split
from evaluation.readability import KINDS, evaluate, load, name_false_positives, throughput
from reliability.checks.readability import ReadabilityCheck


def main() -> None:
    examples = load()
    check = ReadabilityCheck()
    for split, chosen in by_split(examples, ("dev", "test")):
        r = evaluate(chosen, check)
        print(f"== {split}: {len(chosen)} articles")
        print(f"{'kind':<15}{'precision':>10}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}  missed-but-info")
        for kind in KINDS.values():
            k = r[kind]
            print(
                f"{kind:<15}{k['precision']:>10.2f}{k['recall']:>8.2f}{k['tp']:>5}{k['fp']:>5}{k['fn']:>5}  {k['found_as_info']}"
            )
        for line in r["misses"]:
            print("   ", line)
    names = name_false_positives(check)
    print(
        f"== camel-case names: {names['names']} names in {names['contexts']} contexts: "
        f"{len(names['warning'])} warnings, {len(names['info'])} infos"
    )
    for line in names["warning"] + names["info"]:
        print("   ", line)
    speed = throughput()
    print(
        f"== speed: {speed['check_docs_per_s']:.0f} docs/s (check alone), "
        f"{speed['with_document_docs_per_s']:.0f} docs/s (with building the Document) on {speed['articles']} distinct ~3 KB articles"
    )


if __name__ == "__main__":
    main()
