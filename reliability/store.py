"""The embedded store: every scored report kept in one SQLite file, for source profiles over time.

    with Store("reliability.db") as store:
        store.add(report, text)            # scoring the same article again replaces its row

One row per article, keyed by (source, id): its URL, title, publication date, month, a SHA-256 of
its text, the score and label; the whole report as zlib-compressed JSON in `bodies`; one row per
check score and per finding code; and, kept up to date by triggers inside each write's
transaction, running totals per source (per month, per ten-point band, per check, per finding
code), so that profiles read a few rows per source whatever the number of reports. The file runs in WAL mode: several processes may write at once (each batch is one
transaction; a writer waits for the lock up to `timeout` seconds) while readers go on reading.
The schema is versioned (`PRAGMA user_version`) and migrates forward when opened; a file written
by a newer version is refused rather than misread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import urlparse

from reliability.models import Report

UNKNOWN_SOURCE = "(unknown)"
_MONTH = re.compile(r"^\d{4}-\d{2}")

_BAND = "MIN(CAST({row}.score / 10 AS INTEGER), 9)"  # ten-point bands of score, 90-100 the last
_MONTH_OF = "COALESCE({row}.month, substr({row}.scored_at, 1, 7))"  # as `Store._put` fills it


def _report_totals(row: str, sign: str) -> str:
    """Trigger statements adding (+) or taking away (-) one report's row from its source's totals.
    (Not INSERT OR IGNORE: inside a trigger the upsert that fired it overrides that conflict policy.)"""
    band, month = _BAND.format(row=row), _MONTH_OF.format(row=row)
    return f"""
        INSERT INTO source_months SELECT {row}.source, {month}, 0, 0, 0, 0, 0, 0
          WHERE NOT EXISTS (SELECT 1 FROM source_months WHERE source = {row}.source AND month = {month});
        UPDATE source_months SET articles = articles {sign} 1, score_sum = score_sum {sign} {row}.score,
          score_squares = score_squares {sign} {row}.score * {row}.score, low = low {sign} ({row}.label = 'low'),
          medium = medium {sign} ({row}.label = 'medium'), high = high {sign} ({row}.label = 'high')
          WHERE source = {row}.source AND month = {month};
        INSERT INTO source_bands SELECT {row}.source, {band}, 0
          WHERE NOT EXISTS (SELECT 1 FROM source_bands WHERE source = {row}.source AND band = {band});
        UPDATE source_bands SET articles = articles {sign} 1 WHERE source = {row}.source AND band = {band};"""


# Each migration takes the file from version i to i + 1; never edit one that has shipped, add another.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: reports (small rows, scanned by the profiles), their bodies, check scores and finding counts
        """CREATE TABLE reports (
            key INTEGER PRIMARY KEY, source TEXT NOT NULL, id TEXT NOT NULL, url TEXT, title TEXT,
            published TEXT, month TEXT, text_sha256 TEXT, score REAL NOT NULL, label TEXT NOT NULL,
            scored_at TEXT NOT NULL, UNIQUE (source, id))""",
        """CREATE TABLE bodies (
            report INTEGER PRIMARY KEY REFERENCES reports (key) ON DELETE CASCADE, report_json BLOB NOT NULL)""",
        """CREATE TABLE check_scores (
            report INTEGER NOT NULL REFERENCES reports (key) ON DELETE CASCADE, source TEXT NOT NULL,
            name TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY (report, name)) WITHOUT ROWID""",
        """CREATE TABLE finding_counts (
            report INTEGER NOT NULL REFERENCES reports (key) ON DELETE CASCADE, source TEXT NOT NULL,
            code TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (report, code)) WITHOUT ROWID""",
    ),
    (  # 2: covering indexes for the per-source aggregates of `reliability sources`
        "CREATE INDEX reports_by_source ON reports (source, month, score, label)",
        "CREATE INDEX check_scores_by_source ON check_scores (source, name, score)",
        "CREATE INDEX finding_counts_by_source ON finding_counts (source, code, count)",
        "CREATE INDEX reports_by_text ON reports (text_sha256)",
    ),
    (  # 3: per-source running totals kept by triggers, so that profiles read a row per source and month
        """CREATE TABLE source_months (
            source TEXT NOT NULL, month TEXT NOT NULL, articles INTEGER NOT NULL, score_sum REAL NOT NULL,
            score_squares REAL NOT NULL, low INTEGER NOT NULL, medium INTEGER NOT NULL, high INTEGER NOT NULL,
            PRIMARY KEY (source, month)) WITHOUT ROWID""",
        """CREATE TABLE source_bands (
            source TEXT NOT NULL, band INTEGER NOT NULL, articles INTEGER NOT NULL,
            PRIMARY KEY (source, band)) WITHOUT ROWID""",
        """CREATE TABLE source_checks (
            source TEXT NOT NULL, name TEXT NOT NULL, score_sum REAL NOT NULL, articles INTEGER NOT NULL,
            PRIMARY KEY (source, name)) WITHOUT ROWID""",
        """CREATE TABLE source_codes (
            source TEXT NOT NULL, code TEXT NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (source, code)) WITHOUT ROWID""",
        f"""INSERT INTO source_months SELECT source, {_MONTH_OF.format(row='reports')} AS m, COUNT(*), SUM(score),
            SUM(score * score), SUM(label = 'low'), SUM(label = 'medium'), SUM(label = 'high') FROM reports
            GROUP BY source, m""",
        (
            f"INSERT INTO source_bands SELECT source, {_BAND.format(row='reports')} AS band, COUNT(*) FROM reports "
            "GROUP BY source, band"
        ),
        "INSERT INTO source_checks SELECT source, name, SUM(score), COUNT(*) FROM check_scores GROUP BY source, name",
        "INSERT INTO source_codes SELECT source, code, SUM(count) FROM finding_counts GROUP BY source, code",
        f"""CREATE TRIGGER report_added AFTER INSERT ON reports BEGIN {_report_totals('NEW', '+')} END""",
        f"""CREATE TRIGGER report_removed AFTER DELETE ON reports BEGIN {_report_totals('OLD', '-')} END""",
        f"""CREATE TRIGGER report_changed AFTER UPDATE ON reports BEGIN
            {_report_totals('OLD', '-')} {_report_totals('NEW', '+')} END""",
        """CREATE TRIGGER check_added AFTER INSERT ON check_scores BEGIN
            INSERT INTO source_checks SELECT NEW.source, NEW.name, 0, 0
              WHERE NOT EXISTS (SELECT 1 FROM source_checks WHERE source = NEW.source AND name = NEW.name);
            UPDATE source_checks SET score_sum = score_sum + NEW.score, articles = articles + 1
              WHERE source = NEW.source AND name = NEW.name; END""",
        """CREATE TRIGGER check_removed AFTER DELETE ON check_scores BEGIN
            UPDATE source_checks SET score_sum = score_sum - OLD.score, articles = articles - 1
              WHERE source = OLD.source AND name = OLD.name; END""",
        """CREATE TRIGGER codes_added AFTER INSERT ON finding_counts BEGIN
            INSERT INTO source_codes SELECT NEW.source, NEW.code, 0
              WHERE NOT EXISTS (SELECT 1 FROM source_codes WHERE source = NEW.source AND code = NEW.code);
            UPDATE source_codes SET count = count + NEW.count WHERE source = NEW.source AND code = NEW.code; END""",
        """CREATE TRIGGER codes_removed AFTER DELETE ON finding_counts BEGIN
            UPDATE source_codes SET count = count - OLD.count WHERE source = OLD.source AND code = OLD.code; END""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(RuntimeError):
    """The store file cannot be used: written by a newer version, or not a store."""


def source_of(report: Report, fallback: str | None = None) -> str:
    """The report's source, else its URL's domain (without 'www.'), else `fallback`, else '(unknown)'."""
    if report.source and report.source.strip():
        return report.source.strip()
    host = urlparse(report.url).hostname if report.url and "//" in report.url else None
    return (host or "").removeprefix("www.") or fallback or UNKNOWN_SOURCE


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


class Store:
    """A connection to one store file (or ":memory:"). Not shared between threads or processes."""

    def __init__(self, path: str | Path, *, timeout: float = 60.0) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable store ({exc})") from None

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")  # one process migrates; the others then see the new version
        try:
            found = self.version
            if found > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: store version {found} is newer than this reliability ({SCHEMA_VERSION})"
                )
            for statements in MIGRATIONS[found:]:
                for statement in statements:
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def add(self, report: Report, text: str | None = None, *, source: str | None = None) -> None:
        """Keep one report (replacing the article's earlier one); `source` is the fallback source."""
        self.add_many([(report, text)], source=source)

    def add_many(self, pairs: Iterable[tuple[Report, str | None]], *, source: str | None = None) -> int:
        """Keep many (report, text) pairs in one transaction; the number kept."""
        scored_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        kept = 0
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for report, text in pairs:
                self._put(report, text, source_of(report, source), scored_at)
                kept += 1
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return kept

    def _put(self, report: Report, text: str | None, source: str, scored_at: str) -> None:
        published = report.published
        month = published[:7] if published and _MONTH.match(published) else scored_at[:7]
        row = (
            source,
            report.id,
            report.url,
            report.title,
            published,
            month,
            text_hash(text) if text is not None else None,
            report.score,
            report.label,
            scored_at,
        )
        key = self.db.execute(
            """INSERT INTO reports (source, id, url, title, published, month, text_sha256, score, label, scored_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (source, id) DO UPDATE SET url = excluded.url, title = excluded.title,
                 published = excluded.published, month = excluded.month, text_sha256 = excluded.text_sha256,
                 score = excluded.score, label = excluded.label, scored_at = excluded.scored_at
               RETURNING key""",
            row,
        ).fetchone()[0]
        body = zlib.compress(report.model_dump_json().encode("utf-8"))
        self.db.execute("INSERT OR REPLACE INTO bodies VALUES (?, ?)", (key, body))
        self.db.execute("DELETE FROM check_scores WHERE report = ?", (key,))
        self.db.execute("DELETE FROM finding_counts WHERE report = ?", (key,))
        self.db.executemany(
            "INSERT INTO check_scores VALUES (?, ?, ?, ?)",
            [(key, source, c.name, c.score) for c in report.checks if c.score is not None],
        )
        counts: dict[str, int] = {}
        for check in report.checks:
            for finding in check.findings:
                if finding.severity != "info":
                    counts[finding.code] = counts.get(finding.code, 0) + 1
        self.db.executemany(
            "INSERT INTO finding_counts VALUES (?, ?, ?, ?)", [(key, source, c, n) for c, n in counts.items()]
        )

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM reports").fetchone()[0])

    def report(self, article_id: str, source: str) -> Report | None:
        """The stored report of one article, or None."""
        row = self.db.execute(
            "SELECT b.report_json FROM reports r JOIN bodies b ON b.report = r.key WHERE r.source = ? AND r.id = ?",
            (source, article_id),
        ).fetchone()
        return Report.model_validate_json(zlib.decompress(row[0])) if row else None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
