"""Evaluate the off_topic check on planted unrelated sentences and boilerplate, with clean controls.

The figures per split, with and without the semantic model, at the recall operating points, on
related-story splices, on the seeds and on your own copy (`--real-copy DIR`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluation.harness import by_split
from evaluation.off_topic import (
    DONORS,
    RECALL_OPERATING_POINTS,
    build,
    evaluate,
    real_copy,
    real_hosts,
    semantic_encoder,
    throughput,
)
from reliability.semantic import load_encoder


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.off_topic", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--real-copy",
        type=Path,
        metavar="DIR",
        help="also measure on real articles of your own: a folder of .txt files, headline first",
    )
    args = parser.parse_args()
    examples = build()
    encoder = semantic_encoder()
    if args.real_copy is not None and encoder is not None:
        r = real_copy(args.real_copy, encoder)
        print(
            f"real copy ({args.real_copy}, {r['articles']} articles): {r['clean_warnings']} warnings on the "
            f"articles as they are; sentences from one spliced into another: found {r['found']} of "
            f"{r['planted']}, {r['other_warnings']} warnings elsewhere"
        )
    print(
        f"sentence encoder: {encoder.name if encoder else 'none (the semantic extra is not installed): lexical evidence only'}"
    )
    print("split     articles  unrelated: planted precision recall   boilerplate: planted precision recall")
    for split, chosen in by_split(examples):
        r = evaluate(chosen, encoder)
        print(
            f"{split:<9} {r['articles']:>8}  {r['unrelated_planted']:>17} {r['unrelated_precision']:>9.2f} {r['unrelated_recall']:>6.2f}"
            f"   {r['boilerplate_planted']:>19} {r['boilerplate_precision']:>9.2f} {r['boilerplate_recall']:>6.2f}"
        )
    if encoder is not None:
        for warn_at in RECALL_OPERATING_POINTS:
            for split, chosen in by_split(examples):
                r = evaluate(chosen, encoder, {"unrelated_warn_at": warn_at})
                print(
                    f"unrelated with unrelated_warn_at = {warn_at}: {split:<8} precision {r['unrelated_precision']:.2f} "
                    f"recall {r['unrelated_recall']:.2f}, clean controls with a warning {r['clean_articles_with_warnings']}"
                )
    r = evaluate(examples, encoder)
    for placement, (recall, planted) in r["unrelated_recall_by_placement"].items():
        print(f"unrelated recall for splices placed {placement}: {recall:.2f} of {planted}")
    print(
        f"unrelated, counting info findings too: precision {r['unrelated_precision_with_info']:.2f}, "
        f"recall {r['unrelated_recall_with_info']:.2f}"
    )
    for miss in r["misses"]:
        print("  missed:", *miss)
    for alarm in r["false_alarms"]:
        print("  false alarm:", *alarm)
    print(f"clean controls with a warning: {r['clean_articles_with_warnings']}")
    if encoder is not None:
        hard = build(donor=DONORS[1])
        for split, chosen in by_split(hard):
            r = evaluate(chosen, encoder)
            print(
                f"unrelated, sentences from a related story: {split:<8} precision {r['unrelated_precision']:.2f} "
                f"recall {r['unrelated_recall']:.2f}, clean controls with a warning {r['clean_articles_with_warnings']}"
            )
        for donor in DONORS:
            hosts = real_hosts(encoder, donor=donor)
            if hosts:
                print(
                    f"sentences from {donor} spliced into {hosts['hosts']} real articles (../shared/seeds): found "
                    f"{hosts['found']} of {hosts['planted']}, {hosts['other_warnings']} warnings elsewhere"
                )
    print(f"throughput: {throughput():,.0f} docs/s (check alone, lexical evidence, ~3 KB articles)")
    if encoder is not None:
        print(
            f"throughput: {throughput(load_encoder(), copies=1):,.1f} docs/s (with the semantic model, encoding included)"
        )


if __name__ == "__main__":
    main()
