"""Rebuild and measure the off_topic.boilerplate line classifier from public pages.

    python -m evaluation.boilerplate build     read the fetched repositories into the line cache
    python -m evaluation.boilerplate train     fit on the train sites, tune on dev, write the model into the package
    python -m evaluation.boilerplate evaluate  figures on the test sites, C4 side by side, clean copy, in-house set

The repositories (pages.SOURCES and evaluation.news.REUTERS: repo, commit, paths) are read through
evaluation.public: from clones under RELIABILITY_MIRROR (`<owner>+<name>/repo`), or its cache. The
line cache and feature tables go to --cache, outside the repository. Nothing of the data is committed.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from evaluation.boilerplate import pages as page_sources

DEFAULT_CACHE = Path(os.environ.get("BOILERPLATE_CACHE", Path.home() / ".cache" / "reliability-boilerplate"))


def _in_house_clean() -> list[tuple[str, str, str]]:
    from evaluation.off_topic import build

    return [(e.id, "", e.text) for e in build() if e.id.endswith("/clean")]


def _seed_001() -> list[tuple[str, str, str]]:
    from evaluation.harness import seeds_dir

    return [(p.name, "", p.read_text(encoding="utf-8")) for p in sorted(seeds_dir().glob("001_*.txt"))]


def _in_house_boilerplate() -> dict:
    from evaluation.off_topic import SPLITS, build, evaluate

    examples = build()
    figures = {}
    for split in (*SPLITS, "all"):
        chosen = examples if split == "all" else [e for e in examples if e.split == split]
        result = evaluate(chosen)
        figures[split] = {
            k: result[k] for k in ("articles", "boilerplate_planted", "boilerplate_precision", "boilerplate_recall")
        }
        figures[split]["clean_articles_with_warnings"] = result["clean_articles_with_warnings"]
    figures["misses"] = [m for m in result["misses"] if m[1] == "boilerplate"][:20]
    figures["false_alarms"] = [m for m in result["false_alarms"] if m[1] == "boilerplate"][:20]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.boilerplate", description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("build", "train", "evaluate"))
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the line cache and tables live")
    args = parser.parse_args()
    lines_path, tables_path = args.cache / "pages.jsonl", args.cache / "tables.npz"
    if args.step == "build":
        pages = page_sources.build_cache(lines_path)
        tables_path.unlink(missing_ok=True)
        print(
            f"{len(pages)} pages, {len({p.site for p in pages})} sites, {sum(len(p.lines) for p in pages)} lines -> {lines_path}"
        )
        return
    from evaluation.boilerplate.train import cached_tables, train

    split = cached_tables(page_sources.load_cache(lines_path), tables_path)
    if args.step == "train":
        card = train(split)
        print(json.dumps({k: v for k, v in card.items() if k != "features"}, indent=1))
        return
    from evaluation.boilerplate.evaluate import clean_copy, on_lines, same_features

    pages = page_sources.load_cache(lines_path)
    if not same_features(split["test"], pages):
        raise SystemExit("the cached feature tables differ from the package's features: rerun `build`")
    result = {
        "test": on_lines(split["test"], pages),
        "clean_copy": clean_copy(_seed_001(), _in_house_clean()),
        "in_house": _in_house_boilerplate(),
    }
    (args.cache / "evaluation.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
