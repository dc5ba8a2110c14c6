"""How fast `reliability sources --store` answers on a store of 50,000 reports.

    python benchmarks/sources_store.py [--reports 50000] [--db PATH] [--peer]

Scores 400 generated articles (benchmarks/corpus.py) once, then fills a store with --reports copies
of those reports spread over 500 sources and 24 months (ids, sources, dates and scores varied, the
report bodies real), and times the command end to end in a fresh process (Python start-up included),
three runs. --peer also times the same profiles computed the way `reliability sources --reports`
does without a store: parsing the reports back from a JSONL file, in the same run.
Prints machine, date and the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import generate
from reliability.engine import Engine
from reliability.store import Store

SOURCES = 500
MONTHS = [f"{2025 + m // 12}-{m % 12 + 1:02d}-15" for m in range(24)]


def fill(path: Path, count: int) -> None:
    engine = Engine(semantic=False, load_entrypoints=False)
    pool = list(zip(engine.score_many(generate(400)), generate(400), strict=True))
    rng = random.Random(7)
    with Store(path) as store:
        batch = []
        for i in range(count):
            report, article = pool[i % len(pool)]
            source = f"outlet{rng.randrange(SOURCES) ** 2 // SOURCES:03d}.example"  # a few big sources, many small
            score = max(0.0, min(100.0, report.score + rng.gauss(0, 10)))
            label = "high" if score >= 75 else "medium" if score >= 50 else "low"
            batch.append(
                (
                    report.model_copy(
                        update={
                            "id": f"a{i}",
                            "source": source,
                            "published": rng.choice(MONTHS),
                            "score": round(score, 2),
                            "label": label,
                        }
                    ),
                    article.text,
                )
            )
            if len(batch) == 1000:
                store.add_many(batch)
                batch.clear()
        store.add_many(batch)


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=50_000)
    parser.add_argument("--db", type=Path, help="store to build (or reuse, if it holds --reports reports)")
    parser.add_argument("--peer", action="store_true", help="also time profiles parsed back from JSONL reports")
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "bench.db"
    if not db.exists() or len(Store(db)) != args.reports:
        db.unlink(missing_ok=True)
        started = time.perf_counter()
        fill(db, args.reports)
        print(
            f"filled {db} with {args.reports} reports in {time.perf_counter() - started:.1f} s "
            f"({db.stat().st_size / 1e6:.0f} MB)"
        )
    cli = [sys.executable, "-m", "reliability", "sources", "--store", str(db)]
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
    )
    for fmt in ("text", "json", "html"):
        runs = [timed([*cli, "--format", fmt]) for _ in range(3)]
        print(
            f"reliability sources --store ({args.reports} reports, {SOURCES} sources) --format {fmt}: "
            f"best {min(runs):.2f} s, runs {', '.join(f'{r:.2f}' for r in runs)}"
        )
    if args.peer:
        jsonl = db.with_suffix(".jsonl")
        with Store(db) as store, jsonl.open("w", encoding="utf-8") as fh:
            import zlib

            for (blob,) in store.db.execute("SELECT report_json FROM bodies"):
                fh.write(zlib.decompress(blob).decode() + "\n")
        peer = timed([sys.executable, "-m", "reliability", "sources", "--reports", str(jsonl)])
        print(f"peer: reliability sources --reports (the same {args.reports} reports as JSONL): {peer:.2f} s")
        jsonl.unlink()


if __name__ == "__main__":
    main()
