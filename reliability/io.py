"""Reading articles and writing reports.

A `.txt` file is one article (`id` = file name, `text` = the whole content, `source` from `--source`);
a `.jsonl` file holds one record a line and a `.json` file an array of records (or one record); a
folder contributes its `.txt` and `.jsonl` files, sorted (not `.json`: folders often hold other JSON); `-` is standard input, read as
JSONL when its first character is `{`, as a JSON array when it is `[`, else as one plain-text article.
A record needs `id` and `text`; the Article's other fields are taken, and any other field (an
author, a crawl date) is carried to the report as `meta`. Anything unreadable becomes a `ReadError`
in the stream, so one bad file or line never stops the rest. Bytes that are not valid UTF-8 are
decoded with U+FFFD replacements (the `integrity` check reports them) rather than rejected.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from pydantic import BaseModel, ValidationError

from reliability.models import Article, Report

#: A folder contributes these; a .json file is read only when named (folders often hold other JSON).
FOLDER_SUFFIXES = (".txt", ".jsonl")
STDIN_ID = "stdin"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadError:
    """Input that could not be turned into an Article: where, and why."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def read_articles(
    paths: Iterable[str], stdin: BinaryIO | None = None, source: str | None = None, *, follow_symlinks: bool = False
) -> Iterator[Article | ReadError]:
    """Articles from files, folders and `-` (standard input), lazily and in order.

    `source` is the publisher of articles that do not name one (plain text has no field for it). Inside a
    folder, symbolic links are skipped with a warning unless `follow_symlinks`: a link can point anywhere
    (`leak.txt -> /etc/passwd`); a path named outright is read even if it is a link."""
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, source)
            continue
        path = Path(raw)
        if path.is_dir():
            files = _folder_files(path, follow_symlinks)
            if not files:
                yield ReadError(raw, "folder holds no .txt or .jsonl files")
            for file in files:
                yield from _read_file(file, source)
        elif path.is_file():
            yield from _read_file(path, source)
        else:
            yield ReadError(raw, "no such file or folder")


def _folder_files(folder: Path, follow_symlinks: bool) -> list[Path]:
    """The article files under a folder, sorted; each folder visited once, so a link cycle ends."""
    found: list[Path] = []
    visited: set[str] = set()
    for root, folders, names in os.walk(folder, followlinks=follow_symlinks):
        if os.path.realpath(root) in visited:
            folders.clear()
            continue
        visited.add(os.path.realpath(root))
        for name in sorted(folders + names):
            path = Path(root, name)
            if not follow_symlinks and path.is_symlink():
                log.warning("%s: a symbolic link, not followed (--follow-symlinks to read it)", path)
            elif name in names and path.suffix.lower() in FOLDER_SUFFIXES and path.is_file():
                found.append(path)
    return sorted(found)


def _read_file(path: Path, source: str | None) -> Iterator[Article | ReadError]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as fh:
                yield from _read_jsonl(fh, str(path), source)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(str(path), exc.strerror or type(exc).__name__)
        return
    if suffix == ".json":
        yield from _read_json(data, str(path), source)
    else:
        yield Article(id=path.name, text=decode(data), source=source)


SNIFF_LINES = 16  # non-blank lines read before deciding what stdin holds


def _read_stdin(fh: BinaryIO, source: str | None) -> Iterator[Article | ReadError]:
    """Sniffed: `[` first is a JSON array; JSONL when any of the first non-blank lines is a JSON object (so
    one stray line before the records costs that line, not the stream); else plain text."""
    head: list[bytes] = []
    while sum(1 for line in head if line.strip()) < SNIFF_LINES:
        line = fh.readline()
        if not line:
            break
        head.append(line)
    first = b"".join(head).lstrip()[:1]
    if first == b"[":
        yield from _read_json(b"".join(head) + fh.read(), "<stdin>", source)
    elif any(_is_json_object(line) for line in head):
        yield from _read_jsonl(chain(head, fh), "<stdin>", source)
    elif first:
        yield Article(id=STDIN_ID, text=decode(b"".join(head) + fh.read()), source=source)
    else:
        yield ReadError("<stdin>", "no input")


def _is_json_object(line: bytes) -> bool:
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(decode(line)), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def _read_jsonl(lines: Iterable[bytes], where: str, source: str | None) -> Iterator[Article | ReadError]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(decode(line))
        except json.JSONDecodeError as exc:
            yield ReadError(f"{where}:{number}", f"not valid JSON ({exc.msg})")
            continue
        except RecursionError:
            yield ReadError(f"{where}:{number}", "not valid JSON (nested too deeply)")
            continue
        yield _article(record, f"{where}:{number}", source)


def _read_json(data: bytes, where: str, source: str | None) -> Iterator[Article | ReadError]:
    try:
        records = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        yield ReadError(where, f"not valid JSON ({exc.msg}, line {exc.lineno})")
        return
    except RecursionError:
        yield ReadError(where, "not valid JSON (nested too deeply)")
        return
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list):
        yield ReadError(where, "not a JSON array of articles")
        return
    for number, record in enumerate(records):
        yield _article(record, f"{where}[{number}]", source)


def _article(record: Any, where: str, source: str | None) -> Article | ReadError:
    if not isinstance(record, dict):
        return ReadError(where, f"not an article (a JSON {type(record).__name__}, not an object)")
    try:
        # a record with a URL has a publisher already: its domain (reliability.store.source_of)
        return Article.from_record(record, source=None if record.get("url") else source)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}" for e in exc.errors())
        return ReadError(where, f"not an article ({problems})")


def decode(data: bytes) -> str:
    """UTF-8 (a BOM dropped); invalid bytes become U+FFFD instead of failing."""
    return data.decode("utf-8-sig", errors="replace")


def write_jsonl(models: Iterable[BaseModel], out: TextIO) -> None:
    """One compact JSON object a line, flushed per line so pipelines see results as they come."""
    for model in models:
        out.write(model.model_dump_json() + "\n")
        out.flush()


def write_csv(reports: Iterable[Report], out: TextIO) -> None:
    """One row per report (`Report.to_row`), the header from the first; flushed per row."""
    writer = None
    for report in reports:
        row = report.to_row()
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)
        out.flush()
